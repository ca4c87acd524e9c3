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


class ChoicesWithMore(forms.CheckboxSelectMultiple):
    """Tick boxes that show the first few choices and keep the rest behind "More", so a
    screen never asks someone to weigh more than five things at once."""

    template_name = "forms/widgets/choices_with_more.html"
    shown = 5

    def __init__(self, attrs=None, *, more_label: str = "More"):
        super().__init__(attrs)
        self.more_label = more_label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        options = [option for _, group, _ in widget["optgroups"] for option in group]
        widget["shown_options"] = options[: self.shown]
        widget["more_options"] = options[self.shown :]
        widget["more_open"] = any(option["selected"] for option in widget["more_options"])
        widget["more_label"] = self.more_label
        return context


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


def answer_field(prompt: str, *, rows: int) -> forms.CharField:
    """An optional box of writing for one prompt of a guide."""
    return forms.CharField(
        label=prompt,
        required=False,
        max_length=WRITING_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def add_answer_fields(form: forms.Form, prompts, *, rows: int) -> None:
    """One box per prompt of a guide: answer_0, answer_1, …"""
    for index, prompt in enumerate(prompts):
        form.fields[answer_field_name(index)] = answer_field(prompt, rows=rows)


def check_fields_first(form: forms.ModelForm, *names: str) -> None:
    """Run these fields' model validators (a date still to come, a year too far) as the
    fields are read, before the form compares them: a date that is wrong itself is said
    once, beside it, and never again as a clash with another field."""
    for name in names:
        form.fields[name].validators.extend(form._meta.model._meta.get_field(name).validators)
