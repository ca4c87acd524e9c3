from django import template
from django.urls import reverse

from ..models import CalendarFeed

register = template.Library()


@register.inclusion_tag("calendar_feed/settings_section.html", takes_context=True)
def calendar_feed_section(context) -> dict:
    """The calendar part of the Settings page: the private address and how to use it."""
    request = context["request"]
    feed = CalendarFeed.objects.for_user(request.user).first()
    address = (
        request.build_absolute_uri(reverse("calendar_feed:feed", args=[feed.token])) if feed else ""
    )
    return {
        "request": request,
        "address": address,
        "webcal_address": address.replace("https://", "webcal://").replace("http://", "webcal://"),
    }
