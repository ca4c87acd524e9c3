import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_safe

from apps.core.shortcuts import get_owned_or_404
from apps.interviews.models import Interview

from . import services
from .agenda import agenda, person_zone, round_item
from .ics import calendar
from .models import CalendarFeed

# The feed carries the last three months and everything ahead: enough to look back on,
# and a size that stays the same however long someone has used Rebound.
FEED_LOOKS_BACK = datetime.timedelta(days=90)


@require_safe
def feed(request, token: str):
    """The subscribed calendar. Calendar apps fetch it without logging in: the address
    is the key, so a forged, old or turned-off one is a 404."""
    calendar_feed = CalendarFeed.objects.from_token(token)
    if calendar_feed is None:
        raise Http404("No calendar at this address.")
    owner = calendar_feed.owner
    zone = person_zone(owner)
    items = agenda(owner, since=timezone.localdate(timezone=zone) - FEED_LOOKS_BACK, zone=zone)
    body = calendar(items, zone=zone, site=_site(request), uid=f"feed-{owner.pk}", subscribed=True)
    response = _ics_response(body)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@login_required
def round_event(request, pk: int):
    """One round as a file to open in a calendar app. Its UID is the one the feed uses, so
    opening it again after a change updates the event rather than adding a second."""
    interview = get_owned_or_404(
        Interview.objects.select_related("application"), request.user, pk=pk
    )
    body = calendar(
        [round_item(interview)],
        zone=person_zone(request.user),
        site=_site(request),
        uid=f"round-file-{interview.pk}",
    )
    name = slugify(f"{interview.get_stage_display()} round {interview.application.company}")
    response = _ics_response(body)
    response["Content-Disposition"] = f'attachment; filename="{name or "round"}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def new_address(request):
    """Make the calendar address, or a new one in place of the old (asking first)."""
    has_one = CalendarFeed.objects.for_user(request.user).exists()
    if request.method == "POST":
        services.make_new_address(request.user)
        messages.success(
            request,
            "Your new calendar address is ready. Calendars using the old one stop updating."
            if has_one
            else "Your calendar address is ready. Copy it into your calendar app.",
        )
        return _back_to_settings()
    if not has_one:
        return _back_to_settings()
    return render(request, "calendar_feed/confirm.html", {"action": "new"})


@login_required
@require_http_methods(["GET", "POST"])
def turn_off(request):
    """Turn the calendar address off (asking first). Rebound keeps everything it holds."""
    if request.method == "POST":
        services.turn_address_off(request.user)
        messages.success(request, "Your calendar address is off. Nothing in Rebound changed.")
        return _back_to_settings()
    if not CalendarFeed.objects.for_user(request.user).exists():
        return _back_to_settings()
    return render(request, "calendar_feed/confirm.html", {"action": "off"})


def _site(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _back_to_settings() -> HttpResponse:
    return redirect(f"{reverse('accounts:settings')}#calendar")


def _ics_response(body: bytes) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    # What the calendar holds is private: no shared cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response
