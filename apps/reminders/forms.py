from django import forms

from .models import HOURS, WEEKDAYS, ReminderSettings

CHOOSE = {"invalid_choice": "Choose one of the options.", "required": "Choose one of the options."}


class ReminderSettingsForm(forms.ModelForm):
    frequency = ReminderSettings._meta.get_field("frequency").formfield(
        widget=forms.RadioSelect(attrs={"class": "chips"}), error_messages=CHOOSE
    )
    send_hour = forms.TypedChoiceField(
        label="Time of day", choices=HOURS, coerce=int, error_messages=CHOOSE
    )
    send_weekday = forms.TypedChoiceField(
        label="Day, for a weekly email", choices=WEEKDAYS, coerce=int, error_messages=CHOOSE
    )

    class Meta:
        model = ReminderSettings
        fields = ["frequency", "send_hour", "send_weekday"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["send_hour"].help_text = f"In your time zone, {self.instance.owner.time_zone}."
