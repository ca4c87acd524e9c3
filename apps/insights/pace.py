"""The pace note: a gentle suggestion to rest, never a warning. It shows when applications
pick up while mood dips, or when every recent day had search work in it."""

import datetime

RECENT_DAYS = 14
EARLIER_DAYS = 28  # the four weeks before the recent two, to compare with
MIN_RECENT = 4  # fewer applications than this in two weeks is never "a lot"
MOOD_DIP = 0.5

BUSIER_AND_LOWER = (
    "You have sent more applications these last two weeks, and your mood has been lower. "
    "That is a lot to carry. A day or two off could help: your search will still be here."
)
NO_DAY_OFF = (
    "You have worked on your search every day for the past two weeks. Rest is part of a "
    "search too. A day off, doing something you enjoy, can help you come back fresher."
)


def _mood_before(weeks: list[dict], start: datetime.date, end: datetime.date) -> float | None:
    rows = [row for row in weeks if start <= row["week"] < end and row["before"]]
    count = sum(row["befores"] for row in rows)
    return sum(row["before"] * row["befores"] for row in rows) / count if count else None


def pace_note(weeks: list[dict], days: list[dict], today: datetime.date) -> str:
    """`weeks`: queries.mood_weeks rows; `days`: queries.days_busy rows."""
    recent_start = today - datetime.timedelta(days=RECENT_DAYS - 1)
    earlier_start = recent_start - datetime.timedelta(days=EARLIER_DAYS)
    applied = [row for row in days if row["kind"] == "applied"]
    recent = sum(row["n"] for row in applied if recent_start <= row["day"] <= today)
    earlier = sum(row["n"] for row in applied if earlier_start <= row["day"] < recent_start)
    weekly_recent, weekly_earlier = recent / 2, earlier / 4
    busier = recent >= MIN_RECENT and weekly_recent >= 2 * max(weekly_earlier, 0.5)

    # Whole weeks only: the week that holds recent_start counts as recent.
    monday = recent_start - datetime.timedelta(days=recent_start.weekday())
    mood_now = _mood_before(weeks, monday, today + datetime.timedelta(days=1))
    mood_then = _mood_before(weeks, monday - datetime.timedelta(days=EARLIER_DAYS), monday)
    lower = mood_now is not None and mood_then is not None and mood_then - mood_now >= MOOD_DIP
    if busier and lower:
        return BUSIER_AND_LOWER

    worked = {row["day"] for row in days if row["kind"] in {"applied", "round"} and row["n"]}
    every_day = all(
        recent_start + datetime.timedelta(days=offset) in worked for offset in range(RECENT_DAYS)
    )
    return NO_DAY_OFF if every_day else ""
