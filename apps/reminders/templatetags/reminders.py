from django import template
from django.utils import timezone

from ..forms import ReminderSettingsForm
from ..services import settings_for

register = template.Library()


@register.inclusion_tag("reminders/settings_section.html", takes_context=True)
def reminder_settings_section(context) -> dict:
    """The reminder emails part of the Settings page: the form as it came back with a
    message beside a field, or a fresh one from what is saved."""
    request = context["request"]
    form = context.get("reminder_form") or ReminderSettingsForm(instance=settings_for(request.user))
    reminders = form.instance
    if reminders.is_on and reminders.scheduled_in_zone != request.user.time_zone:
        # Just moved to another zone: show the hour in the new one, which the worker's
        # next sweep saves.
        reminders.reschedule(timezone.now())
    return {"request": request, "reminder_form": form, "reminders": reminders}
