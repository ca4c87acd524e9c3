"""The mood-over-time chart, drawn on the server as SVG, with a sentence for screen readers."""

from dataclasses import dataclass

from django.utils.formats import date_format

WIDTH, HEIGHT, PAD = 600, 180, 24
LATEST = 30


@dataclass
class MoodChart:
    before_points: str
    after_points: str
    dots: list[dict]
    summary: str
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def gridlines(self) -> list[dict]:
        return [{"y": _y(mood), "label": mood} for mood in range(1, 6)]


def _y(mood: int) -> float:
    return round(HEIGHT - PAD - (mood - 1) * (HEIGHT - 2 * PAD) / 4, 1)


def mood_chart(entries) -> MoodChart | None:
    """`entries`: (written_on, mood_before, mood_after) rows, oldest first."""
    rows = [row for row in entries if row[1] or row[2]][-LATEST:]
    if len(rows) < 2:
        return None
    step = (WIDTH - 2 * PAD) / (len(rows) - 1)
    dots, before, after = [], [], []
    for index, (written_on, mood_before, mood_after) in enumerate(rows):
        x = round(PAD + index * step, 1)
        for kind, mood, line in (("before", mood_before, before), ("after", mood_after, after)):
            if mood:
                line.append(f"{x},{_y(mood)}")
                dots.append({"x": x, "y": _y(mood), "kind": kind, "mood": mood, "on": written_on})
    return MoodChart(" ".join(before), " ".join(after), dots, _summary(rows))


def _average(values: list[int]) -> str:
    return f"{sum(values) / len(values):.1f}"


def _summary(rows) -> str:
    first, last = rows[0][0], rows[-1][0]
    befores = [row[1] for row in rows if row[1]]
    afters = [row[2] for row in rows if row[2]]
    parts = [
        f"{len(rows)} entries from {date_format(first, 'j F')} to {date_format(last, 'j F Y')}."
    ]
    if befores:
        parts.append(f"Mood before writing averaged {_average(befores)} out of 5.")
    if afters:
        parts.append(f"Mood after writing averaged {_average(afters)} out of 5.")
    return " ".join(parts)
