"""Reminder settings that are due right now, whatever the time the tests run."""

import datetime

from django.utils import timezone

from apps.calendar_feed.agenda import person_zone
from apps.reminders.models import ReminderSettings
from tests.interviews.factories import make_application, make_interview


def due_now(user, frequency: str = "daily", *, hours_late: int = 0) -> ReminderSettings:
    """Reminders for `user` whose send time was `hours_late` hours ago (this hour by default)
    and that the worker has not handled yet."""
    zone = person_zone(user)
    send_time = (timezone.now() - datetime.timedelta(hours=hours_late)).astimezone(zone)
    settings = ReminderSettings.objects.create(
        owner=user,
        frequency=frequency,
        send_hour=send_time.hour,
        send_weekday=send_time.weekday(),
        scheduled_in_zone=user.time_zone,
    )
    settings.next_send_at = settings.latest_send_time(timezone.now())
    settings.save()
    return settings


def something_coming_up(user, company: str = "Northwind"):
    return make_interview(
        make_application(user, company=company),
        stage="video",
        occurred_at=timezone.now() + datetime.timedelta(hours=20),
        length_minutes=45,
    )
