import zoneinfo

from django.utils import timezone


def user_time_zone(get_response):
    """Each request runs in the signed-in person's own time zone (UTC until they choose)."""

    def middleware(request):
        if request.user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(request.user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return get_response(request)

    return middleware
