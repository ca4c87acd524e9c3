"""Reading when an interview is, relative to a fixed "now" in the person's time zone."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from apps.capture.reading.dates import NEW_SLOT, when_in

LONDON = ZoneInfo("Europe/London")
NOW = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=LONDON)  # Tuesday 1 December 2026


def at(text: str, **options) -> datetime.datetime | None:
    return when_in(text, now=NOW, zone=LONDON, **options)[1]


def london(*parts) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday 8 December at 2pm", london(2026, 12, 8, 14, 0)),
        ("Tue 8 Dec, 2:30 pm", london(2026, 12, 8, 14, 30)),
        ("on December 3rd at 10:30am", london(2026, 12, 3, 10, 30)),
        ("the 3rd of December, 14:00", london(2026, 12, 3, 14, 0)),
        ("tomorrow at 10:30", london(2026, 12, 2, 10, 30)),
        ("the day after tomorrow at noon", london(2026, 12, 3, 12, 0)),
        ("today at 4pm", london(2026, 12, 1, 16, 0)),
        ("Thursday at 9.15", london(2026, 12, 3, 9, 15)),
        ("next Thursday, 9am", london(2026, 12, 10, 9, 0)),
        ("Monday at 3", london(2026, 12, 7, 15, 0)),
        ("2026-12-14 at 09:00", london(2026, 12, 14, 9, 0)),
        ("14.12.2026 at 10.30", london(2026, 12, 14, 10, 30)),
        ("Wednesday, 9th December 2026, 10-12am", london(2026, 12, 9, 10, 0)),
        ("between 2-3pm on 4 December", london(2026, 12, 4, 14, 0)),
        ("Tuesday 5 January at 10am", london(2027, 1, 5, 10, 0)),
        ("Monday 14 December? We were thinking 2 o'clock", london(2026, 12, 14, 14, 0)),
        ("Thu, Dec. 10 at 11 a.m.", london(2026, 12, 10, 11, 0)),
    ],
)
def test_dates_and_times_in_words_and_digits(text, expected):
    assert at(text) == expected


def test_a_time_zone_named_in_the_message_is_turned_into_the_persons():
    assert at("December 3 at 2pm EST") == london(2026, 12, 3, 19, 0)
    assert at("Tuesday 15 December, 14:00 CET") == london(2026, 12, 15, 13, 0)
    assert at("Tuesday 8 December, 9:00 AM PT") == london(2026, 12, 8, 17, 0)
    assert at("Thu, Dec. 10 at 11 a.m. Eastern") == london(2026, 12, 10, 16, 0)
    tokyo = ZoneInfo("Asia/Tokyo")
    assert when_in("3 December at 2pm (UK time)", now=NOW, zone=tokyo)[1] == datetime.datetime(
        2026, 12, 3, 23, 0, tzinfo=tokyo
    )


def test_a_day_and_month_in_digits_is_read_the_way_that_makes_sense():
    assert at("03/12 at 10am") == london(2026, 12, 3, 10, 0)  # 3 December, not 12 March
    assert at("12/03 at 10am") == london(2026, 12, 3, 10, 0)  # sooner than 12 March
    assert at("Friday 04/12 at 10am") == london(2026, 12, 4, 10, 0)  # the weekday agrees
    assert at("Friday 12/04 at 1pm ET") == london(2026, 12, 4, 18, 0)  # month first in the US
    assert at("25/12/2026 at 10am") == london(2026, 12, 25, 10, 0)  # only one reading


def test_a_day_with_no_year_is_the_next_one_to_come():
    assert at("3 January at 10am") == london(2027, 1, 3, 10, 0)
    # A weekday settles which year: Friday 8 January is in 2027.
    assert at("Friday 8 January at 11am") == london(2027, 1, 8, 11, 0)


def test_tomorrow_is_the_day_after_the_message_was_sent():
    sent = datetime.datetime(2026, 11, 30, 16, 5, tzinfo=datetime.UTC)
    day, moment = when_in("Are you free tomorrow at 10:30?", now=NOW, zone=LONDON, sent=sent)
    assert moment == london(2026, 12, 1, 10, 30)
    assert day == datetime.date(2026, 12, 1)


def test_a_reschedule_takes_the_new_time_not_the_old_one():
    text = "We can't do Tuesday 8 December at 2pm. Could we move it to Wednesday 9 December at 3pm?"
    assert at(text, prefer=NEW_SLOT) == london(2026, 12, 9, 15, 0)
    assert at(text) == london(2026, 12, 8, 14, 0)  # an invitation: the first one offered


def test_a_day_without_a_time_gives_the_day_only():
    assert when_in("Can you come in on Friday 4 December?", now=NOW, zone=LONDON) == (
        datetime.date(2026, 12, 4),
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "3 December 2099 at 10am",  # far in the future
        "3 December 2020 at 10am",  # long past
        "\u0663 December at \u0661\u0660am",  # Arabic-Indic digits
        "32 December at 10am",
        "31/02/2026 at 25:99",
        "99/99/9999",
        "0 December at 10am",
        "",
        "9" * 5000,
    ],
)
def test_odd_dates_give_nothing_rather_than_a_wrong_day(text):
    assert when_in(text, now=NOW, zone=LONDON) == (None, None)
