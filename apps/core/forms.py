from django import forms
from django.forms.renderers import TemplatesSetting

from .models import MOODS, WRITING_TEXT


class FormRenderer(TemplatesSetting):
    """Every form and field renders through templates/forms/, so they all look alike."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class DateInput(forms.DateInput):
    """The browser's native date picker."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class LocalDateTimeInput(forms.DateTimeInput):
    """A native date-and-time picker, shown in the person's own time zone."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def one_to_five_field(
    label: str, choices, *, invalid: str = "Choose one of the options, from 1 to 5."
) -> forms.TypedChoiceField:
    """An optional 1-5 choice (gut feeling, excitement, mood, impact) as large chips."""
    return forms.TypedChoiceField(
        label=label,
        choices=list(choices),
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "chips"}),
        error_messages={"invalid_choice": invalid},
    )


def mood_field(label: str) -> forms.TypedChoiceField:
    return one_to_five_field(label, MOODS.items(), invalid="Choose one of the five moods.")


def answer_field_name(index: int) -> str:
    return f"answer_{index}"


def add_answer_fields(form: forms.Form, prompts, *, rows: int) -> None:
    """One optional box of writing per prompt of a guide: answer_0, answer_1, …"""
    for index, prompt in enumerate(prompts):
        form.fields[answer_field_name(index)] = forms.CharField(
            label=prompt,
            required=False,
            max_length=WRITING_TEXT,
            widget=forms.Textarea(attrs={"rows": rows}),
        )
