import datetime

from django import forms

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
    lines = forms.CharField(
        label="Your strengths, one per line",
        widget=forms.Textarea(attrs={"rows": 14}),
        error_messages={"required": "Write at least one strength, even a small one."},
    )

    def names(self) -> list[str]:
        seen = []
        for line in self.cleaned_data["lines"].splitlines():
            name = line.strip(" -•*\t")[:120]
            if name and name.lower() not in {n.lower() for n in seen}:
                seen.append(name)
        return seen[:100]
