import datetime

from django.db import models

from apps.calendar_feed.agenda import person_zone
from apps.core.models import OwnedModel, OwnedQuerySet

from . import schedule


class Frequency(models.TextChoices):
    OFF = "off", "Off"
    DAILY = schedule.DAILY, "Every day"
    WEEKLY = schedule.WEEKLY, "Once a week"


WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]
HOURS = [(hour, f"{hour:02d}:00") for hour in range(24)]


class ReminderSettingsQuerySet(OwnedQuerySet):
    def turned_on(self) -> "ReminderSettingsQuerySet":
        return self.exclude(frequency=Frequency.OFF)


class ReminderSettings(OwnedModel):
    """Whether, how often and when a person gets the reminder email. Off until they turn
    it on."""

    frequency = models.CharField(
        "how often", max_length=10, choices=Frequency, default=Frequency.OFF
    )
    send_hour = models.PositiveSmallIntegerField("time of day", choices=HOURS, default=8)
    send_weekday = models.PositiveSmallIntegerField(
        "day, for a weekly email", choices=WEEKDAYS, default=0
    )
    # When the next email is due, worked out in the zone the person had then: the worker
    # finds who is due with one indexed query.
    next_send_at = models.DateTimeField(null=True, blank=True, editable=False)
    scheduled_in_zone = models.CharField(max_length=64, blank=True, editable=False)

    objects = ReminderSettingsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "reminder settings"
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="one_reminder_setting_per_person")
        ]
        indexes = [models.Index(fields=["next_send_at"], name="reminders_next_send_idx")]

    def __str__(self) -> str:
        return f"Reminders for {self.owner_id}: {self.frequency}"

    @property
    def is_on(self) -> bool:
        return self.frequency != Frequency.OFF

    def _when(self) -> dict:
        return {
            "frequency": self.frequency,
            "hour": self.send_hour,
            "weekday": self.send_weekday,
            "zone": person_zone(self.owner),
        }

    def reschedule(self, now: datetime.datetime) -> None:
        """Work out the next send time after `now` in the person's zone (none when off)."""
        self.next_send_at = schedule.next_send_after(now, **self._when()) if self.is_on else None
        self.scheduled_in_zone = self.owner.time_zone

    def latest_send_time(self, now: datetime.datetime) -> datetime.datetime:
        return schedule.latest_send_at_or_before(now, **self._when())


class Digest(OwnedModel):
    """One reminder email, claimed before it is sent. The (person, day) pair is unique, so
    a day's email goes at most once: a retry after a crash mid-send finds the claim and
    stops. (One that crashed is not sent again; the next day's comes as usual.)"""

    for_date = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "for_date"], name="one_digest_a_day")
        ]

    def __str__(self) -> str:
        return f"Digest for {self.owner_id} on {self.for_date}"


class Sweep(models.Model):
    """The single row saying when the worker next looks for emails that are due. A sweep
    runs only if it is the one this row expects, so however many workers there are, and
    however often the schedule is restarted, one chain of sweeps goes on."""

    next_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Next sweep at {self.next_run_at}"
