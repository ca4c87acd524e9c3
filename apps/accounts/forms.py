from django import forms

from .models import User, time_zone_names

# Offered first, before the full list: where most people using Rebound live.
COMMON_TIME_ZONES = [
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Sao_Paulo",
    "Africa/Lagos",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
    "UTC",
]


def _label(name: str) -> str:
    return name.replace("_", " ")


def time_zone_field(**kwargs) -> forms.ChoiceField:
    """A time zone select: a short list of common zones, then every zone there is."""
    return forms.ChoiceField(
        choices=[
            ("Common", [(name, _label(name)) for name in COMMON_TIME_ZONES]),
            ("All time zones", [(name, _label(name)) for name in time_zone_names()]),
        ],
        error_messages={"invalid_choice": "Choose a time zone from the list."},
        **kwargs,
    )


class SettingsForm(forms.ModelForm):
    time_zone = time_zone_field(help_text=User._meta.get_field("time_zone").help_text)

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "hide_rejected_applications", "pace_notes"]
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "nickname"})}

    def save(self, commit=True):
        self.instance.time_zone_confirmed = True
        return super().save(commit)


class SignupDetailsForm(forms.Form):
    """What allauth's sign-up form adds: the time zone, set from the device by
    static/js/timezone.js and shown, so the first interview logged has the right hour."""

    time_zone = time_zone_field(
        initial="UTC",
        required=False,  # a form from before this field existed still signs the person up
        help_text="Dates and times are shown in this zone. We set it from your device: "
        "change it if it's wrong.",
        widget=forms.Select(attrs={"data-detect-time-zone": ""}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].show_optional = False

    def signup(self, request, user) -> None:
        user.time_zone = self.cleaned_data["time_zone"] or "UTC"
        user.time_zone_confirmed = True
        user.save(update_fields=["time_zone", "time_zone_confirmed"])


class TimeZoneForm(forms.ModelForm):
    """The one-click offer: use the zone the device reports, or keep the one set."""

    time_zone = time_zone_field()

    class Meta:
        model = User
        fields = ["time_zone"]

    def save(self, commit=True):
        self.instance.time_zone_confirmed = True
        return super().save(commit)
