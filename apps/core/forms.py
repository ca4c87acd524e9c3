from django import forms
from django.forms.renderers import TemplatesSetting


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
