"""Reading the corpus (tests/capture/corpus/*.toml) and scoring each field the reader fills."""

import datetime
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo

from apps.capture.reading import Reading, read
from apps.capture.reading.company import key

LONDON = ZoneInfo("Europe/London")
NOW = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=LONDON)  # a Tuesday
CORPUS = Path(__file__).parent / "corpus"


def corpus() -> list[dict]:
    messages = []
    for path in sorted(CORPUS.glob("*.toml")):
        messages += tomllib.loads(path.read_text())["message"]
    return messages


def _names(people: list[str]) -> set[str]:
    return {person.split(",")[0].strip().lower() for person in people}


# Each field: whether the message says it, and whether the reading got it right.
FIELDS = {
    "kind": (lambda m: True, lambda m, r: r.kind == m["kind"]),
    "company": (lambda m: True, lambda m, r: key(r.company) == key(m["company"])),
    "role": (lambda m: "role" in m, lambda m, r: r.role.lower() == m["role"].lower()),
    "date": (
        lambda m: "date" in m,
        lambda m, r: r.day == datetime.date.fromisoformat(m["date"]),
    ),
    "time": (
        lambda m: "time" in m,
        lambda m, r: r.when is not None and r.when.strftime("%H:%M") == m["time"],
    ),
    "stage": (lambda m: "stage" in m, lambda m, r: r.stage == m["stage"]),
    "interviewers": (
        lambda m: "interviewers" in m,
        lambda m, r: _names(r.interviewers) == _names(m["interviewers"]),
    ),
}


def reading_of(message: dict) -> Reading:
    return read(message["text"], now=NOW, zone=LONDON)


def score() -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Per field: (right, asked); and a line for each miss, to see what went wrong."""
    totals = {name: [0, 0] for name in FIELDS}
    misses = []
    for message in corpus():
        reading = reading_of(message)
        for name, (says, right) in FIELDS.items():
            if not says(message):
                continue
            totals[name][1] += 1
            if right(message, reading):
                totals[name][0] += 1
            else:
                got = getattr(reading, {"date": "day", "time": "when"}.get(name, name))
                misses.append(f"{message['id']}: {name} {got!r}, expected {message.get(name)!r}")
    return {name: tuple(pair) for name, pair in totals.items()}, misses
