"""When the next email goes: the same hour on the person's own clock, across changes of
clocks, weekdays and time zones with half hours."""

import datetime
import zoneinfo

import pytest

from apps.reminders.schedule import latest_send_at_or_before, next_send_after

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
LONDON = zoneinfo.ZoneInfo("Europe/London")
KOLKATA = zoneinfo.ZoneInfo("Asia/Kolkata")
UTC = datetime.UTC


def at(zone, *parts) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=zone)


def daily(moment, hour, zone):
    return next_send_after(moment, frequency="daily", hour=hour, weekday=0, zone=zone)


def test_later_today_if_the_hour_is_still_to_come():
    assert daily(at(LONDON, 2026, 6, 1, 7, 59), 8, LONDON) == at(LONDON, 2026, 6, 1, 8)


def test_tomorrow_once_the_hour_has_come():
    assert daily(at(LONDON, 2026, 6, 1, 8), 8, LONDON) == at(LONDON, 2026, 6, 2, 8)


def test_eight_stays_eight_when_the_clocks_go_forward():
    # New York springs forward on Sunday 8 March 2026: 08:00 moves from 13:00 to 12:00 UTC.
    saturday = daily(at(NEW_YORK, 2026, 3, 6, 9), 8, NEW_YORK)
    sunday = daily(saturday, 8, NEW_YORK)
    assert saturday.astimezone(UTC) == at(UTC, 2026, 3, 7, 13)
    assert sunday.astimezone(UTC) == at(UTC, 2026, 3, 8, 12)
    assert sunday.astimezone(NEW_YORK).hour == 8
    assert sunday - saturday == datetime.timedelta(hours=23)


def test_eight_stays_eight_when_the_clocks_go_back():
    # London falls back on Sunday 25 October 2026.
    saturday = daily(at(LONDON, 2026, 10, 23, 9), 8, LONDON)
    sunday = daily(saturday, 8, LONDON)
    assert saturday.astimezone(UTC) == at(UTC, 2026, 10, 24, 7)
    assert sunday.astimezone(UTC) == at(UTC, 2026, 10, 25, 8)
    assert sunday - saturday == datetime.timedelta(hours=25)


def test_an_hour_that_does_not_exist_lands_an_hour_later():
    # 02:00 never happens in New York on 8 March 2026; the email goes at 03:00 instead.
    moment = daily(at(NEW_YORK, 2026, 3, 7, 12), 2, NEW_YORK)
    assert moment.astimezone(NEW_YORK).replace(tzinfo=None) == datetime.datetime(2026, 3, 8, 3)
    assert daily(moment, 2, NEW_YORK).astimezone(NEW_YORK).hour == 2  # and back the next day


def test_an_hour_that_happens_twice_counts_once():
    # 01:00 happens twice in New York on 1 November 2026.
    first = daily(at(NEW_YORK, 2026, 10, 31, 12), 1, NEW_YORK)
    assert first.astimezone(UTC) == at(UTC, 2026, 11, 1, 5)  # the first, still in summer time
    assert daily(first, 1, NEW_YORK).astimezone(NEW_YORK).date() == datetime.date(2026, 11, 2)


def test_a_half_hour_zone():
    moment = daily(at(UTC, 2026, 6, 1, 0), 8, KOLKATA)
    assert moment.astimezone(UTC) == at(UTC, 2026, 6, 1, 2, 30)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(LONDON, 2026, 3, 23, 7), at(LONDON, 2026, 3, 23, 8)),  # Monday, before eight
        (at(LONDON, 2026, 3, 23, 8), at(LONDON, 2026, 3, 30, 8)),  # Monday at eight
        (at(LONDON, 2026, 3, 25, 12), at(LONDON, 2026, 3, 30, 8)),  # across the change
    ],
)
def test_weekly_on_mondays(now, expected):
    found = next_send_after(now, frequency="weekly", hour=8, weekday=0, zone=LONDON)
    assert found == expected
    assert found.astimezone(LONDON).weekday() == 0
    assert found.astimezone(LONDON).hour == 8


def test_the_latest_send_time_looks_back_across_midnight_and_a_week():
    assert latest_send_at_or_before(
        at(LONDON, 2026, 6, 2, 0, 30), frequency="daily", hour=23, weekday=0, zone=LONDON
    ) == at(LONDON, 2026, 6, 1, 23)
    assert latest_send_at_or_before(
        at(LONDON, 2026, 6, 7, 12), frequency="weekly", hour=8, weekday=0, zone=LONDON
    ) == at(LONDON, 2026, 6, 1, 8)
    assert latest_send_at_or_before(
        at(LONDON, 2026, 6, 1, 8), frequency="daily", hour=8, weekday=0, zone=LONDON
    ) == at(LONDON, 2026, 6, 1, 8)
