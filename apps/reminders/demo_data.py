"""The demo account has chosen a weekly reminder email, on Monday mornings."""

from .models import Digest, Frequency, ReminderSettings
from .services import save_reminder_settings


def seed(user, size: str) -> None:
    Digest.objects.for_user(user).delete()
    settings = ReminderSettings.objects.for_user(user).first() or ReminderSettings(owner=user)
    settings.frequency = Frequency.WEEKLY
    settings.send_weekday = 0
    settings.send_hour = 8
    save_reminder_settings(settings)
