"""When a reminder email goes: an hour in the person's own time zone, every day or on one
weekday. All the clock arithmetic is here, done on local dates, so a change of clocks moves
nothing: 08:00 stays 08:00.

On the night clocks go forward, an hour that does not exist (02:00 in New York) lands an hour
later, as the clock shows it (03:00). On the night they go back, an hour that happens twice
counts once, the first time.
"""

import datetime
import zoneinfo

DAILY = "daily"
WEEKLY = "weekly"


def moment_on(day: datetime.date, hour: int, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    """`hour`:00 on `day` in `zone`, as an instant in UTC."""
    local = datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)
    return local.astimezone(datetime.UTC)


def _sends_on(day: datetime.date, frequency: str, weekday: int) -> bool:
    return frequency == DAILY or day.weekday() == weekday


def next_send_after(
    moment: datetime.datetime, *, frequency: str, hour: int, weekday: int, zone: zoneinfo.ZoneInfo
) -> datetime.datetime:
    """The first send time strictly after `moment`."""
    today = moment.astimezone(zone).date()
    for ahead in range(9):  # a week and a day covers every case
        day = today + datetime.timedelta(days=ahead)
        if _sends_on(day, frequency, weekday) and (at := moment_on(day, hour, zone)) > moment:
            return at
    raise AssertionError("a send time always falls within nine days")


def latest_send_at_or_before(
    moment: datetime.datetime, *, frequency: str, hour: int, weekday: int, zone: zoneinfo.ZoneInfo
) -> datetime.datetime:
    """The most recent send time at or before `moment`."""
    today = moment.astimezone(zone).date()
    for back in range(9):
        day = today - datetime.timedelta(days=back)
        if _sends_on(day, frequency, weekday) and (at := moment_on(day, hour, zone)) <= moment:
            return at
    raise AssertionError("a send time always falls within nine days")
