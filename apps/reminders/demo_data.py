"""The demo account has chosen a weekly reminder email, on Monday mornings, and had last
week's."""

import datetime

from django.utils import timezone

from .models import Digest, Frequency, ReminderSettings
from .services import save_reminder_settings


def seed(user, size: str) -> None:
    Digest.objects.for_user(user).delete()
    settings = ReminderSettings.objects.for_user(user).first() or ReminderSettings(owner=user)
    settings.frequency = Frequency.WEEKLY
    settings.send_weekday = 0
    settings.send_hour = 8
    save_reminder_settings(settings)
    today = timezone.localdate()
    last_monday = today - datetime.timedelta(days=today.weekday() + 7)
    sent = datetime.datetime.combine(last_monday, datetime.time(8, 1), tzinfo=datetime.UTC)
    Digest.objects.create(owner=user, for_date=last_monday, sent_at=sent)
