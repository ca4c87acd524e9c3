"""iCalendar files from agenda items, written with the icalendar library."""

import datetime
import zoneinfo
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings

if TYPE_CHECKING:
    import icalendar

from .agenda import ROUND_LENGTH_IF_NOT_NOTED, AgendaItem

PRODID = "-//Rebound//Calendar//EN"
# Calendar apps that honour it check back this often (Google keeps its own pace).
REFRESH = datetime.timedelta(hours=4)


def calendar(
    items: Iterable[AgendaItem],
    *,
    zone: zoneinfo.ZoneInfo,
    site: str,
    uid: str,
    subscribed: bool = False,
) -> bytes:
    """A calendar of `items`, with times in `zone`. `site` is the address the request came
    to (scheme and host): links point there and UIDs end with its host name. A subscribed
    calendar gets a name and says how often to check back."""
    import icalendar  # here, not at the top: it costs each worker 10 MB it seldom needs

    items = list(items)
    cal = icalendar.Calendar.new(prodid=PRODID, uid=f"{uid}@{_host(site)}")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if subscribed:
        cal.add("name", "Rebound")
        cal.add("x-wr-calname", "Rebound")
        cal.add("x-wr-timezone", zone.key)
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        # An X- property is written as given: a duration must be one already ("PT4H").
        cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for item in items:
        cal.add_component(_event(item, zone, site))
    if items:
        days = [item.day(zone) for item in items]
        # The zone's rules only for the years the events span, so the file stays small.
        cal.add_missing_timezones(
            first_date=min(days) - datetime.timedelta(days=366),
            last_date=max(days) + datetime.timedelta(days=366),
        )
    return cal.to_ical()


def _host(site: str) -> str:
    """The host UIDs end with: the site's own (SITE_URL), whatever address the feed was
    fetched at, so a calendar never sees one event twice."""
    return urlsplit(settings.SITE_URL).hostname or site.split("://", 1)[-1].split(":", 1)[0]


def _event(item: AgendaItem, zone: zoneinfo.ZoneInfo, site: str) -> "icalendar.Event":
    import icalendar

    url = f"{site}{item.path}"
    event = icalendar.Event.new(
        uid=f"{item.uid}@{_host(site)}",
        summary=item.title,
        stamp=item.updated_at,
        last_modified=item.updated_at,
        url=url,
        description=f"{item.details}\n\nIn Rebound: {url}".strip(),
    )
    if item.all_day:
        # A date, with no zone: it is the same day wherever the calendar is opened.
        event.add("dtstart", item.starts)
        event.add("dtend", item.starts + datetime.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        event.add("dtstart", item.starts.astimezone(zone))
        event.add("duration", item.length or ROUND_LENGTH_IF_NOT_NOTED)
    if item.location:
        event.add("location", item.location)
    return event
