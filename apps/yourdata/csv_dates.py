"""Dates as other trackers and spreadsheets write them, read for the CSV import."""

import calendar
import datetime
import re

MONTHS = {
    **{name.casefold(): n for n, name in enumerate(calendar.month_name) if name},
    **{name.casefold(): n for n, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_TIME = (  # an optional time after the date, which is left out
    r"(?:[T\s,]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:Z|UTC|[+-][0-9]{2}:?[0-9]{2})?)?"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
# Digits are ASCII only: "٣" is a digit to Python's \d, and no date.
ISO = re.compile(rf"([0-9]{{4}})[-/.]([0-9]{{1,2}})[-/.]([0-9]{{1,2}}){_TIME}", re.I | re.A)
NUMERIC = re.compile(
    rf"([0-9]{{1,2}})[/.-]([0-9]{{1,2}})[/.-]([0-9]{{4}}|[0-9]{{2}}){_TIME}", re.I | re.A
)
DAY_MONTH = re.compile(
    rf"{_WEEKDAY}([0-9]{{1,2}}){_ORDINAL}[\s-]+([a-z]+)\.?,?[\s-]+([0-9]{{4}}){_TIME}", re.I | re.A
)
MONTH_DAY = re.compile(
    rf"{_WEEKDAY}([a-z]+)\.?\s+([0-9]{{1,2}}){_ORDINAL},?\s+([0-9]{{4}}){_TIME}", re.I | re.A
)


EARLIEST_YEAR = 1970  # an application dated before it is a typo in the year


def read_date(text: str, day_first: bool) -> datetime.date | None:
    """2026-03-04, 04/03/2026 (day or month first, as chosen), 4 Mar 2026, March 4, 2026,
    each with a time after it or not. None when it is none of those."""
    text = text.strip()
    parts = None
    if match := ISO.fullmatch(text):
        year, month, day = match.groups()
        parts = (year, month, day)
    elif match := NUMERIC.fullmatch(text):
        first, second, year = match.groups()
        year = f"20{year}" if len(year) == 2 else year
        parts = (year, second, first) if day_first else (year, first, second)
    elif match := DAY_MONTH.fullmatch(text):
        day, month_name, year = match.groups()
        parts = (year, MONTHS.get(month_name.casefold()), day)
    elif match := MONTH_DAY.fullmatch(text):
        month_name, day, year = match.groups()
        parts = (year, MONTHS.get(month_name.casefold()), day)
    if not parts or parts[1] is None:
        return None
    try:
        return datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def guess_day_first(values: list[str]) -> bool | None:
    """From dates like 13/02/2026 (only day first) or 02/13/2026 (only month first). None
    when every date would read either way, or the file has both kinds."""
    day_first = month_first = False
    for value in values:
        if match := NUMERIC.fullmatch(value.strip()):
            first, second = int(match.group(1)), int(match.group(2))
            day_first |= first > 12
            month_first |= second > 12
    return day_first if day_first != month_first else None


def has_ambiguous_dates(values: list[str]) -> bool:
    return any(NUMERIC.fullmatch(value.strip()) for value in values)
