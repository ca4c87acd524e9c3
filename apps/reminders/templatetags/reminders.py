from django import template

from ..forms import ReminderSettingsForm
from ..services import settings_for

register = template.Library()


@register.inclusion_tag("reminders/settings_section.html", takes_context=True)
def reminder_settings_section(context) -> dict:
    """The reminder emails part of the Settings page: the form as it came back with a
    message beside a field, or a fresh one from what is saved."""
    request = context["request"]
    form = context.get("reminder_form") or ReminderSettingsForm(instance=settings_for(request.user))
    return {"request": request, "reminder_form": form, "reminders": form.instance}
