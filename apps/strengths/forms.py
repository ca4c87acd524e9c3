import datetime

from django import forms

from apps.core.models import LONG_TEXT
from apps.core.stale import SavedSinceCheck

from .models import Achievement, Strength, Supporter


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m")


class MonthField(forms.DateField):
    """A month and year ("2026-03"), stored as the first day of that month."""

    widget = MonthInput
    input_formats = ["%Y-%m", "%m/%Y", "%Y-%m-%d"]
    default_error_messages = {"invalid": "Enter a month and year, like 03/2026."}

    def to_python(self, value) -> datetime.date | None:
        date = super().to_python(value)
        return date.replace(day=1) if date else None


class StrengthForm(SavedSinceCheck):
    class Meta:
        model = Strength
        fields = ["name", "evidence", "source"]
        widgets = {"evidence": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"name": {"required": "Name the strength, in a few words."}}


class AchievementForm(SavedSinceCheck):
    month = MonthField(required=False, help_text="The month is enough.")

    class Meta:
        model = Achievement
        fields = ["title", "month", "kind", "situation", "action", "result", "strengths"]
        widgets = {
            "situation": forms.Textarea(attrs={"rows": 3}),
            "action": forms.Textarea(attrs={"rows": 3}),
            "result": forms.Textarea(attrs={"rows": 3}),
            "strengths": forms.CheckboxSelectMultiple,
        }
        error_messages = {"title": {"required": "Give it a short title."}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strengths"].queryset = Strength.objects.for_user(user)
        self.fields["strengths"].label = "Strengths it shows"
        self.fields["strengths"].error_messages["invalid_choice"] = (
            "Choose from your own strengths."
        )


class SupporterForm(SavedSinceCheck):
    class Meta:
        model = Supporter
        fields = ["name", "how_they_help", "email", "phone"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"})}
        error_messages = {
            "name": {"required": "Enter their name."},
            "email": {"invalid": "Enter an email address like name@example.com."},
        }


class FirstStrengthsForm(forms.Form):
    """The empty bad-day page's invitation: three strengths, in a few words each."""

    first = forms.CharField(
        label="First strength",
        max_length=120,
        error_messages={"required": "Write at least one strength, even a small one."},
    )
    second = forms.CharField(label="Second strength", max_length=120, required=False)
    third = forms.CharField(label="Third strength", max_length=120, required=False)

    def names(self) -> list[str]:
        return [
            self.cleaned_data[key].strip()
            for key in ("first", "second", "third")
            if self.cleaned_data[key].strip()
        ]


class ExerciseForm(forms.Form):
    NAME_LENGTH = Strength._meta.get_field("name").max_length
    MOST_AT_ONCE = 100

    lines = forms.CharField(
        label="Your strengths, one per line",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 14}),
        error_messages={"required": "Write at least one strength, even a small one."},
    )

    def clean_lines(self) -> list[str]:
        """One strength a line, each once. Nothing is cut short without a word."""
        names, too_long = [], []
        for number, line in enumerate(self.cleaned_data["lines"].splitlines(), start=1):
            name = line.strip(" -•*\t")
            if len(name) > self.NAME_LENGTH:
                too_long.append(number)
            elif name and name.lower() not in {n.lower() for n in names}:
                names.append(name)
        if too_long:
            lines = ", ".join(str(number) for number in too_long)
            raise forms.ValidationError(
                f"Line {lines} is longer than the {self.NAME_LENGTH} characters a strength "
                "can hold. Shorten it, or put the rest on a line of its own."
            )
        if len(names) > self.MOST_AT_ONCE:
            raise forms.ValidationError(
                f"That's {len(names)} strengths: wonderful. Up to {self.MOST_AT_ONCE} can be "
                "saved at once, so save these in two goes."
            )
        return names

    def names(self) -> list[str]:
        return self.cleaned_data["lines"]
