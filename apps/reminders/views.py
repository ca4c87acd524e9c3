from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.forms import SettingsForm

from . import services
from .digest import owner_id_from_unsubscribe_token
from .forms import ReminderSettingsForm
from .models import ReminderSettings


@login_required
@require_POST
def save_settings(request):
    form = ReminderSettingsForm(request.POST, instance=services.settings_for(request.user))
    if not form.is_valid():
        # The whole Settings page again, with the message beside the field.
        context = {"form": SettingsForm(instance=request.user), "reminder_form": form}
        return render(request, "accounts/settings.html", context, status=422)
    reminders = services.save_reminder_settings(form.save(commit=False))
    messages.success(request, _saved_message(reminders))
    return redirect(f"{reverse('accounts:settings')}#reminders")


def _saved_message(reminders: ReminderSettings) -> str:
    if not reminders.is_on:
        return "Reminder emails are off."
    first = timezone.localtime(reminders.next_send_at)
    return f"Reminder emails are on. The first comes {date_format(first, 'l j F \\a\\t H:i')}."


# A mail app's one-click unsubscribe (RFC 8058) posts here with no CSRF token and no
# session. The signed address is the proof instead: only the person it was sent to has it.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    owner_id = owner_id_from_unsubscribe_token(token)
    if owner_id is None:
        return render(request, "reminders/unsubscribe.html", {"broken": True}, status=404)
    if request.method == "POST":
        services.stop_reminder_emails(owner_id)
        return render(request, "reminders/unsubscribe.html", {"stopped": True})
    is_on = ReminderSettings.objects.filter(owner_id=owner_id).turned_on().exists()
    return render(request, "reminders/unsubscribe.html", {"is_on": is_on})
