"""When an interview is, read from a message's words relative to when it was sent:
"Tuesday 3 December at 2pm", "tomorrow at 10:30", "03/12 14:00 CET", "next Thursday, 9am".

Dates and times are found separately, then paired when they sit close together. Digits are
ASCII only: a message in other digits gives no date rather than a wrong one.
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .zones import AMERICAN, ZONE_AFTER_TIME, zone_named

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY = (
    r"(?P<weekday>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
)
FULL_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>[0-9]{4})"
LEAD = rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?"

DATE_PATTERNS = [
    re.compile(rf"\b{LEAD}{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?\b", re.I),
    re.compile(rf"\b{LEAD}{MONTH}\s+{DAY}(?:,?\s+{YEAR})?\b", re.I),
    re.compile(r"\b(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})\b"),
    re.compile(
        rf"\b(?:{WEEKDAY},?\s+)?(?P<a>[0-9]{{1,2}})(?P<sep>[/.\-])(?P<b>[0-9]{{1,2}})"
        r"(?:(?P=sep)(?P<y>[0-9]{2,4}))?(?![0-9/.\-]?[0-9])",
        re.I,
    ),
]
RELATIVE = re.compile(
    rf"\b(?:(?P<word>today|tonight|tomorrow|the day after tomorrow)|"
    rf"(?:(?P<next>next|this|coming|on)\s+)?{FULL_WEEKDAY})\b",
    re.I,
)

AM_PM = r"(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z])"
TIME_PATTERNS = [
    # "2-3pm", "10:30 to 11:15am": the start, taking the end's am or pm.
    re.compile(
        rf"\b(?P<h>[0-9]{{1,2}})(?:[:.](?P<m>[0-9]{{2}}))?\s*(?:-|\u2013|to|until)\s*"
        rf"(?P<h2>[0-9]{{1,2}})(?:[:.](?P<m2>[0-9]{{2}}))?\s*{AM_PM}",
        re.I,
    ),
    re.compile(rf"\b(?P<h>[0-9]{{1,2}})(?:[:.](?P<m>[0-9]{{2}}))?\s*{AM_PM}", re.I),
    re.compile(r"\b(?P<h>[0-9]{1,2})[:.h](?P<m>[0-9]{2})\b(?![.:/][0-9])"),
    re.compile(r"\b(?P<noon>noon|midday)\b", re.I),
    re.compile(r"\b(?P<h>[0-9]{1,2})\s*o'?clock\b", re.I),
    re.compile(r"\b(?:at|@)\s+(?P<h>[0-9]{1,2})(?![0-9:./])", re.I),
]

NEAR = 40  # characters between a date and its time, at most
# Words just before the date that matter: a reschedule's new slot, the day of promised news.
NEW_SLOT = re.compile(r"\b(to|instead|new|now|moved|move it|rather)\b[^.]{0,30}$", re.I)
NEWS_BY = re.compile(r"\b(by|before|until|no later than)\b[^.]{0,10}$", re.I)
EARLIEST = datetime.timedelta(days=31)  # before when it was sent: not an interview to come
LATEST = datetime.timedelta(days=2 * 366)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: object  # a date for dates, (hour, minute, zone or None) for times


@dataclass(frozen=True)
class DateCandidate:
    start: int
    end: int
    day: datetime.date
    at: tuple[int, int] | None
    zone: ZoneInfo | None


def _month(word: str) -> int | None:
    return int(word) if word.isdigit() else MONTHS.get(word[:3].lower())


def _weekday(word: str | None) -> int | None:
    return WEEKDAYS.get(word[:3].lower()) if word else None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _next_of(month: int, day: int, weekday: int | None, today: datetime.date):
    """A day and month with no year: the next one from today (matching the weekday, when
    the message names one)."""
    options = [_safe_date(today.year + n, month, day) for n in (0, 1)]
    options = [d for d in options if d and d >= today - datetime.timedelta(days=7)]
    if weekday is not None:
        options = [d for d in options if d.weekday() == weekday] or options
    return options[0] if options else None


def _numeric(match, today: datetime.date, american: bool) -> datetime.date | None:
    """03/12 is 3 December or 12 March: the weekday named decides, else the zone, else
    the sooner of the two from today."""
    a, b = int(match["a"]), int(match["b"])
    weekday = _weekday(match["weekday"])
    year = match["y"]
    if match["sep"] != "/" and not year:
        return None  # "10.30", "2-3": times and ranges, not dates
    readings = [(b, a), (a, b)] if not american else [(a, b), (b, a)]  # (month, day)
    options = []
    for month, day in readings:
        if not 1 <= month <= 12:
            continue
        if year:
            full = int(year) + (2000 if len(year) == 2 else 0)
            found = _safe_date(full, month, day)
        else:
            found = _next_of(month, day, weekday, today)
        if found and found not in options:
            options.append(found)
    if weekday is not None:
        options = [d for d in options if d.weekday() == weekday] or options
    if len(options) == 2 and not american and not year:
        options.sort(key=lambda d: (d < today, abs((d - today).days)))
    return options[0] if options else None


def _relative(match, today: datetime.date) -> datetime.date:
    word = (match["word"] or "").lower()
    if word in ("today", "tonight"):
        return today
    if word:
        return today + datetime.timedelta(days=2 if "after" in word else 1)
    weekday = _weekday(match["weekday"])
    ahead = (weekday - today.weekday()) % 7 or 7
    if (match["next"] or "").lower() == "next" and today.weekday() < weekday:
        ahead += 7  # "next Thursday" said on a Tuesday: the Thursday of next week
    return today + datetime.timedelta(days=ahead)


def find_dates(text: str, today: datetime.date, *, american: bool = False) -> list[Found]:
    found: list[Found] = []
    taken = [False] * (len(text) + 1)

    def keep(match, day):
        if day and not any(taken[match.start() : match.end()]):
            found.append(Found(match.start(), match.end(), day))
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())

    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if "a" in groups:
                keep(match, _numeric(match, today, american))
                continue
            month, day = _month(match["month"]), int(match["day"])
            if not month:
                continue
            if match["year"]:
                keep(match, _safe_date(int(match["year"]), month, day))
            else:
                keep(match, _next_of(month, day, _weekday(groups.get("weekday")), today))
    for match in RELATIVE.finditer(text):
        keep(match, _relative(match, today))
    return sorted(found, key=lambda f: f.start)


def _hour(match) -> tuple[int, int] | None:
    groups = match.groupdict()
    if groups.get("noon"):
        return 12, 0
    hour, minute = int(match["h"]), int(groups.get("m") or 0)
    ap = (groups.get("ap") or "").replace(".", "").lower()
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap == "pm" else 0)
        end = groups.get("h2")
        if end and ap == "pm" and int(match["h"]) > int(end) % 12:
            hour -= 12  # "11-12pm" starts at 11 in the morning
    elif groups.get("m") is None:
        hour = hour + 12 if 1 <= hour <= 7 else hour  # "at 3": in the afternoon
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour, minute


def find_times(text: str) -> list[Found]:
    found: list[Found] = []
    taken = [False] * (len(text) + 1)
    for pattern in TIME_PATTERNS:
        for match in pattern.finditer(text):
            at = _hour(match)
            if at is None or any(taken[match.start() : match.end()]):
                continue
            end = match.end()
            zone = None
            if named := ZONE_AFTER_TIME.match(text, end):
                zone, end = zone_named(named["zone"]), named.end()
            found.append(Found(match.start(), end, (*at, zone)))
            taken[match.start() : end] = [True] * (end - match.start())
    return sorted(found, key=lambda f: f.start)


def _gap(a: Found, b: Found) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def candidates(text: str, today: datetime.date, *, american: bool = False):
    times = find_times(text)
    for date in find_dates(text, today, american=american):
        near = [t for t in times if _gap(date, t) <= NEAR and "\n\n" not in _between(text, date, t)]
        time = min(near, key=lambda t: _gap(date, t), default=None)
        yield DateCandidate(
            start=min(date.start, time.start) if time else date.start,
            end=max(date.end, time.end) if time else date.end,
            day=date.value,
            at=time.value[:2] if time else None,
            zone=time.value[2] if time else None,
        )


def _between(text: str, a: Found, b: Found) -> str:
    return text[min(a.end, b.end) : max(a.start, b.start)]


def when_in(
    text: str,
    *,
    now: datetime.datetime,
    zone: ZoneInfo,
    sent: datetime.datetime | None = None,
    prefer: re.Pattern | None = None,
) -> tuple[datetime.date | None, datetime.datetime | None]:
    """The interview's day, and its time when the message gives one (in `zone`, the
    person's). `sent` anchors "tomorrow". With `prefer` (NEW_SLOT for a reschedule), the
    date those words lead up to wins, else the last one: the new time, not the old."""
    local_now = now.astimezone(zone)
    anchor = sent.astimezone(zone) if sent and abs(sent - now) < LATEST else local_now
    today = anchor.date()
    american = any(t.value[2] and t.value[2].key in AMERICAN for t in find_times(text))
    found = [
        c
        for c in candidates(text, today, american=american)
        if today - EARLIEST <= c.day <= local_now.date() + LATEST
    ]
    if not found:
        return None, None
    timed = [c for c in found if c.at] or found
    chosen = timed[0]
    if prefer is not None:
        fresh = [c for c in timed if prefer.search(text[max(0, c.start - 40) : c.start])]
        chosen = fresh[0] if fresh else timed[-1]
    if chosen.at is None:
        return chosen.day, None
    moment = datetime.datetime.combine(chosen.day, datetime.time(*chosen.at))
    moment = moment.replace(tzinfo=chosen.zone or zone).astimezone(zone)
    return moment.date(), moment
