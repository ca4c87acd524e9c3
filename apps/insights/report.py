"""Insights in words: the numbers from queries.py turned into calm sentences and charts.

Every chart's summary says what the chart shows, so the words alone are enough. A count of
applications that didn't work out never appears on its own: only as part of the whole."""

import datetime
from dataclasses import dataclass
from itertools import pairwise

from django.utils.formats import date_format
from django.utils.translation import ngettext

from apps.interviews.progress import numbers_for
from apps.journal.charts import Event, MoodChart, mood_chart

from . import queries
from .charts import Bar, BarChart, Row
from .pace import pace_note
from .words import count as _count
from .words import days as _days
from .words import did as _did
from .words import funnel_words as _funnel_words
from .words import in_days as _in_days
from .words import of as _of
from .words import practice_words as _practice_words

# Where a search narrows, and what is usual there, in plain words (no invented figures).
NARROWS = {
    "heard": (
        "between applying and hearing back",
        "Many applications never get an answer at all, even from strong candidates. "
        "Employers get far more applications than they can reply to.",
    ),
    "interviewed": (
        "between hearing back and a first interview",
        "An answer is often a short no before any interview. Roles are often filled from "
        "a handful of people picked early.",
    ),
    "final": (
        "between a first interview and a final round",
        "Most processes have several rounds, and each one narrows the field. Getting to any "
        "round means your experience caught their eye.",
    ),
    "offer": (
        "between a final round and an offer",
        "A final round is often between a few people who could all do the job. The choice "
        "can come down to things outside your control.",
    ),
}
EVENT_WORDS = {"round": "an interview round", "news": "news that one didn't work out"}
MIN_TO_COMPARE = 3  # fewer applications from a source than this says nothing about it
MOOD_CHART_WIDTH = 360  # narrower than the journal's: its labels stay readable on a phone
STEPS = [
    ("applied", "Applied"),
    ("heard", "Heard back"),
    ("interviewed", "Had an interview"),
    ("final", "Reached a final round"),
    ("offer", "An offer"),
]


@dataclass
class Insights:
    funnel: BarChart
    narrows: str
    narrows_words: str
    did: str
    source_chart: BarChart | None
    month_chart: BarChart | None
    waits: str
    wait_chart: BarChart | None
    waiting_on: list
    quiet: int
    quiet_named: list
    quiet_more: int
    practice_chart: BarChart | None
    mood: MoodChart | None
    mood_words: str
    pace: str


def _source_name(row: dict) -> str:
    return row["label"] or "Not noted"


def build(user, today: datetime.date) -> Insights | None:
    found = queries.search(user, today)
    totals, sources = found.totals, found.sources
    if not totals["applied"]:
        return None
    narrows = _narrows(totals)
    quiet_named = queries.quiet(user, today)  # always asked: the same queries every time
    mood_start = _weeks_back(today)
    weeks = queries.mood_weeks(user, mood_start)
    days = queries.days_busy(user, mood_start)
    practice = queries.practice(user)
    return Insights(
        funnel=_funnel(totals),
        narrows=NARROWS[narrows][0] if narrows else "",
        narrows_words=NARROWS[narrows][1] if narrows else "",
        did=_did(numbers_for(user)),
        source_chart=_source_chart(sources),
        month_chart=_month_chart(found.months, found.undated),
        waits=_waits(totals),
        wait_chart=_wait_chart(sources),
        waiting_on=queries.waiting_on(user, today),
        quiet=totals["quiet"],
        quiet_named=quiet_named,
        quiet_more=totals["quiet"] - len(quiet_named),
        practice_chart=_practice_chart(practice),
        mood=_mood(weeks, days, mood_start, today),
        mood_words=_before_and_after(weeks),
        pace=pace_note(weeks, days, today) if user.pace_notes else "",
    )


def _weeks_back(today: datetime.date) -> datetime.date:
    """The Monday that starts the weeks the mood chart covers."""
    start = today - datetime.timedelta(weeks=queries.MOOD_WEEKS)
    return start - datetime.timedelta(days=start.weekday())


def pace_for(user, today: datetime.date) -> str:
    """The pace note alone, for the switch that turns it back on."""
    start = _weeks_back(today)
    if not user.pace_notes:
        return ""
    return pace_note(queries.mood_weeks(user, start), queries.days_busy(user, start), today)


# ---- Where do I stall? ---------------------------------------------------------------------


def _funnel(totals: dict) -> BarChart:
    applied = totals["applied"]
    rows = [
        Row(
            label,
            [Bar(totals[key], str(applied) if key == "applied" else _of(totals[key], applied))],
        )
        for key, label in STEPS
    ]
    return BarChart("funnel", "How far your applications got", _funnel_words(totals), rows)


def _narrows(totals: dict) -> str:
    """The step where the fewest of those before it carried on (the first, on a tie)."""
    best, drop = "", 0.0
    for (before, _), (key, _) in pairwise(STEPS):
        if totals[before]:
            share_lost = 1 - totals[key] / totals[before]
            if share_lost > drop:
                best, drop = key, share_lost
    return best


def _source_chart(sources: list[dict]) -> BarChart | None:
    if len(sources) < 2:
        return None
    rows = [
        Row(
            _source_name(row),
            [Bar(row["heard"] / row["applied"], f"{_of(row['heard'], row['applied'])} heard back")],
        )
        for row in sources
    ]
    summary = "How many heard back, by where you found the job. " + " ".join(
        f"{_source_name(row)}: {_of(row['heard'], row['applied'])}." for row in sources
    )
    best = _best_source(sources)
    if best:
        summary += f" {_source_name(best)} heard back most often."
    return BarChart("sources", "Heard back, by where you found the job", summary, rows)


def _best_source(sources: list[dict]) -> dict | None:
    """The named source that heard back most often, when there is one to speak of: at least
    two named sources, enough applications from the leader, and no tie with another."""
    named = [row for row in sources if row["key"]]
    if len(named) < 2:
        return None
    best = max(named, key=_heard_share)
    if not best["heard"] or best["applied"] < MIN_TO_COMPARE:
        return None
    others = [row for row in sources if row is not best]
    return best if all(_heard_share(row) < _heard_share(best) for row in others) else None


def _heard_share(row: dict) -> float:
    return row["heard"] / row["applied"]


def _month_chart(months: list[dict], undated: int) -> BarChart | None:
    if len(months) < 2:
        return None
    rows = [
        Row(
            date_format(row["month"], "F Y"),
            [
                Bar(row["applied"], f"{row['applied']} sent"),
                Bar(row["heard"], f"{row['heard']} heard back", "second"),
            ],
        )
        for row in months
    ]
    summary = "Applications by the month you sent them, and how many have heard back. " + " ".join(
        f"{date_format(row['month'], 'F')}: {row['applied']} sent, {row['heard']} heard back."
        for row in months
    )
    if undated:
        summary += (
            f" {_count(undated, 'application')} with no date sent "
            f"{'is' if undated == 1 else 'are'} not shown."
        )
    return BarChart(
        "months", "Applications and answers by month", summary, rows, ("Sent", "Heard back")
    )


# ---- How long until they answer? -----------------------------------------------------------


def _round_gap(row: dict) -> int | None:
    """The mean gap between one round and the next: (last - first) / (rounds - 1), summed."""
    return _days(row["round_span"] / row["round_gaps"]) if row["round_gaps"] else None


def _waits(totals: dict) -> str:
    days = _days(totals["wait"])
    if days is None:
        return ""
    words = (
        f"Across {_count(totals['waits'], 'application')} with a date, the first answer came after "
        f"{_in_days(days)} on average."
    )
    gap = _round_gap(totals)
    if gap is not None:
        words += f" Between one round and the next, you waited about {_in_days(gap)}."
    return words


def _wait_chart(sources: list[dict]) -> BarChart | None:
    dated = [row for row in sources if row["waits"]]
    if len(dated) < 2:
        return None
    rows, words = [], []
    for row in dated:
        wait, gap = _days(row["wait"]), _round_gap(row)
        bars = [Bar(wait, f"{_in_days(wait)} to answer")]
        said = f"{_source_name(row)}: a first answer after {_in_days(wait)}"
        if gap is not None:
            bars.append(Bar(gap, f"{_in_days(gap)} apart", "second"))
            said += f", rounds about {_in_days(gap)} apart"
        rows.append(Row(_source_name(row), bars))
        words.append(said + ".")
    summary = "How long answers took on average, by where you found the job. " + " ".join(words)
    return BarChart(
        "waits",
        "Time to a first answer and between rounds, by where you found the job",
        summary,
        rows,
        ("To a first answer", "Between rounds"),
    )


# ---- Is my practice working? ---------------------------------------------------------------


def _practice_chart(practice: dict) -> BarChart | None:
    if not practice["struggled"]:
        return None
    struggled = practice["struggled"]
    rows = [
        Row("Questions you found hard", [Bar(struggled, str(struggled))]),
        Row("Practised since", [Bar(practice["practised"], _of(practice["practised"], struggled))]),
        Row("Went well later", [Bar(practice["better"], _of(practice["better"], struggled))]),
    ]
    return BarChart("practice", "Hard questions and your practice", _practice_words(practice), rows)


# ---- How am I doing? -----------------------------------------------------------------------


def _by_week(days: list[dict]) -> dict[datetime.date, dict[str, int]]:
    """queries.days_busy rows added up by the Monday of their week."""
    weeks: dict[datetime.date, dict[str, int]] = {}
    for row in days:
        monday = row["day"] - datetime.timedelta(days=row["day"].weekday())
        kinds = weeks.setdefault(monday, {})
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + row["n"]
    return weeks


def _what_happened(monday: datetime.date, kind: str, count: int) -> str:
    week = f"Week of {date_format(monday, 'j M')}"
    if kind == "round":
        return f"{week}: {_count(count, 'interview round')}"
    if kind == "writing":
        return f"{week}: {_count(count, 'journal entry', 'journal entries')}"
    return f"{week}: {EVENT_WORDS[kind]}"  # news is never counted on its own


def _mood(weeks: list[dict], days: list[dict], start: datetime.date, today: datetime.date):
    rows = [(row["week"], row["before"], row["after"]) for row in weeks]
    happened = _by_week(days)
    for row in weeks:
        happened.setdefault(row["week"], {})["writing"] = row["entries"]
    events = [
        Event(monday, lane, kind, _what_happened(monday, kind, kinds[kind]))
        for monday, kinds in sorted(happened.items())
        for lane, kind in enumerate(("round", "news", "writing"))
        if kinds.get(kind)
    ]
    return mood_chart(
        rows,
        span=(start, today),
        events=events,
        summary=" ".join(filter(None, [_mood_summary(weeks), _mood_beside_events(weeks, days)])),
        label="\\W\\e\\e\\k \\o\\f j M",
        width=MOOD_CHART_WIDTH,
    )


def _mood_summary(weeks: list[dict]) -> str:
    rated = [row for row in weeks if row["before"]]
    if not rated:
        return ""
    low = min(rated, key=lambda row: row["before"])
    high = max(rated, key=lambda row: row["before"])
    entries = sum(row["entries"] for row in weeks)
    return (
        f"Weekly average mood over the last {queries.MOOD_WEEKS} weeks, from "
        f"{_count(entries, 'journal entry', 'journal entries')}. Before writing, it was "
        "lowest in the week of "
        f"{date_format(low['week'], 'j M')} ({round(low['before'], 1):g} of 5). It was "
        f"highest in the week of {date_format(high['week'], 'j M')} "
        f"({round(high['before'], 1):g} of 5). Marks along the bottom show your rounds, news "
        "about applications, and writing."
    )


def _mood_beside_events(weeks: list[dict], days: list[dict]) -> str:
    """How mood before writing went in weeks with news, and in weeks with rounds."""
    kinds_by_week = _by_week(days)
    parts = []
    for kind, words in EVENT_WORDS.items():
        with_it = [row for row in weeks if kind in kinds_by_week.get(row["week"], {})]
        without = [row for row in weeks if row not in with_it]
        mood_with = _weighted(with_it, "before", "befores")
        mood_without = _weighted(without, "before", "befores")
        if mood_with is not None and mood_without is not None:
            parts.append(
                f"In weeks with {words}, your mood before writing averaged {mood_with:.1f}; "
                f"in other weeks, {mood_without:.1f}."
            )
    return " ".join(parts)


def _weighted(weeks: list[dict], mood: str, count: str) -> float | None:
    total = sum(row[count] for row in weeks if row[mood])
    if not total:
        return None
    return sum(row[mood] * row[count] for row in weeks if row[mood]) / total


def _before_and_after(weeks: list[dict]) -> str:
    before, after = _weighted(weeks, "before", "befores"), _weighted(weeks, "after", "afters")
    both = sum(row["both"] for row in weeks)
    if before is None or after is None or not both:
        return ""
    change = after - before
    if change >= 1:
        feeling = "you felt clearly better after writing"
    elif change >= 0.3:
        feeling = "you felt a little better after writing"
    elif change > -0.3:
        feeling = "you felt about the same before and after writing"
    else:
        feeling = (
            "you felt a little lower after writing. Writing about something hard can stir it "
            "up for a while; that is common, and it is fine to stop or write about something "
            "else"
        )
    lifted = sum(row["lifted"] for row in weeks)
    return (
        f"On average, {feeling}: {before:.1f} before and {after:.1f} after, out of 5. "
        f"Your mood was higher afterwards for {_of(lifted, both)} "
        f"{ngettext('entry', 'entries', both)} where you noted both."
    )
