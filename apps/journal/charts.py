"""The mood-over-time chart, drawn on the server as SVG, with a sentence for screen readers.

The journal spaces its latest entries evenly. Insights places weekly averages by date and
marks what happened along the bottom (rounds, news, writing); both use this one chart."""

import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format

WIDTH, HEIGHT, PAD = 600, 180, 24
LATEST = 30
EVENT_LANE = 18  # the height of each row of event marks below the mood lines
TICKS = 3  # dates written along the bottom of a chart placed by date
TICK_ROOM = 20


@dataclass
class MoodChart:
    before_points: str
    after_points: str
    dots: list[dict]
    summary: str
    events: list[dict] = field(default_factory=list)
    lanes: int = 0
    width: int = WIDTH
    ticks: list[dict] = field(default_factory=list)

    @property
    def height(self) -> int:
        return HEIGHT + self.lanes * EVENT_LANE + (TICK_ROOM if self.ticks else 0)

    @property
    def gridlines(self) -> list[dict]:
        return [{"y": _y(mood), "label": mood} for mood in range(1, 6)]


@dataclass(frozen=True)
class Event:
    """Something that happened on a day, drawn as a mark in its own lane."""

    on: datetime.date
    lane: int  # 0, 1, 2…: one row of marks per kind of event
    kind: str  # a CSS class suffix, and the mark's shape
    title: str


def _y(mood: float) -> float:
    return round(HEIGHT - PAD - (mood - 1) * (HEIGHT - 2 * PAD) / 4, 1)


def _evenly(count: int, width: int):
    step = (width - 2 * PAD) / max(1, count - 1)
    return lambda index, _day: round(PAD + index * step, 1)


def _by_date(start: datetime.date, end: datetime.date, width: int):
    days = max(1, (end - start).days)
    return lambda _index, day: round(PAD + (day - start).days * (width - 2 * PAD) / days, 1)


def mood_chart(
    entries,
    *,
    span: tuple[datetime.date, datetime.date] | None = None,
    events: list[Event] = (),
    summary: str = "",
    label: str = "j M",
    width: int = WIDTH,
) -> MoodChart | None:
    """`entries`: (day, mood_before, mood_after) rows, oldest first; a mood may be an
    average. Evenly spaced, or placed by date within `span` with `events` marked below."""
    rows = [row for row in entries if row[1] or row[2]]
    if not span:
        rows = rows[-LATEST:]
    if len(rows) < 2:
        return None
    x_of = _by_date(*span, width) if span else _evenly(len(rows), width)
    dots, before, after = [], [], []
    for index, (day, mood_before, mood_after) in enumerate(rows):
        x = x_of(index, day)
        for kind, mood, line in (("before", mood_before, before), ("after", mood_after, after)):
            if mood:
                line.append(f"{x},{_y(mood)}")
                title = f"{date_format(day, label)}, {kind} writing: {round(mood, 1):g} of 5"
                dots.append({"x": x, "y": _y(mood), "kind": kind, "title": title})
    marks = [
        {
            "x": x_of(0, event.on),
            "y": HEIGHT + event.lane * EVENT_LANE + EVENT_LANE / 2,
            "kind": event.kind,
            "title": event.title,
        }
        for event in events
    ]
    lanes = 1 + max((event.lane for event in events), default=-1)
    ticks = []
    if span:
        start, end = span
        tick_y = HEIGHT + lanes * EVENT_LANE + TICK_ROOM - 6
        for n in range(TICKS):
            day = start + (end - start) * n / (TICKS - 1)
            anchor = ("start", "middle", "end")[min(n, 2)] if TICKS == 3 else "middle"
            ticks.append(
                {"x": x_of(0, day), "y": tick_y, "text": date_format(day, "j M"), "anchor": anchor}
            )
    return MoodChart(
        " ".join(before),
        " ".join(after),
        dots,
        summary or _summary(rows),
        marks,
        lanes,
        width,
        ticks,
    )


def average(values: list[float]) -> str:
    return f"{sum(values) / len(values):.1f}"


def _summary(rows) -> str:
    first, last = rows[0][0], rows[-1][0]
    befores = [row[1] for row in rows if row[1]]
    afters = [row[2] for row in rows if row[2]]
    parts = [
        f"{len(rows)} entries from {date_format(first, 'j F')} to {date_format(last, 'j F Y')}."
    ]
    if befores:
        parts.append(f"Mood before writing averaged {average(befores)} out of 5.")
    if afters:
        parts.append(f"Mood after writing averaged {average(afters)} out of 5.")
    return " ".join(parts)
