import time
import zoneinfo

from django.conf import settings
from django.utils import timezone

LAST_SEEN = "rebound_last_seen"


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


def mark_seen_at_log_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())


def idle_sessions_expire(get_response):
    """A signed-in session lasts SESSION_IDLE_MINUTES after the last visit, not after the
    log-in. Saving the session moves its end on; it is saved at most once in every
    twentieth of that time, so an ordinary page view writes nothing."""

    def middleware(request):
        response = get_response(request)
        if request.user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN, now)
            if now - last_seen >= settings.SESSION_COOKIE_AGE // 20:
                request.session[LAST_SEEN] = now
        return response

    return middleware
