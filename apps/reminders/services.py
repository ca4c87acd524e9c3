from django.db import transaction
from django.utils import timezone

from .models import Frequency, ReminderSettings
from .tasks import keep_sweeping


def settings_for(user) -> ReminderSettings:
    """This person's reminder settings; unsaved defaults (off) until they first save."""
    settings = ReminderSettings.objects.for_user(user).first() or ReminderSettings()
    settings.owner = user  # at hand already: no query to fetch it again
    return settings


@transaction.atomic
def save_reminder_settings(settings: ReminderSettings) -> ReminderSettings:
    settings.reschedule(timezone.now())
    settings.save()
    if settings.is_on:
        transaction.on_commit(keep_sweeping)
    return settings


def stop_reminder_emails(owner_id: int) -> None:
    ReminderSettings.objects.filter(owner_id=owner_id).update(
        frequency=Frequency.OFF, next_send_at=None
    )
