"""Choosing one of the person's applications without a list of hundreds: the few most
recent as choices, and a box to find any other by company or role (as you type with
htmx; on submit without JavaScript)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from apps.core.params import plain_text

from .models import Application

SHOWN = 6


def find_applications(user, text: str):
    """The person's applications whose company or role contains `text`."""
    text = plain_text(text).strip()
    if not text:
        return Application.objects.none()
    return Application.objects.for_user(user).filter(
        Q(company__icontains=text) | Q(role__icontains=text)
    )


def choices_for(user, *, chosen: int | None = None, find: str = "") -> list[Application]:
    """What the picker offers: the matches for `find` (else the most recent), and the chosen
    one, always. At most SHOWN + 1 rows, one query (two when the chosen one is older)."""
    rows = find_applications(user, find) if find.strip() else Application.objects.for_user(user)
    shown = list(rows.order_by("-updated_at")[:SHOWN])
    if chosen and all(application.pk != chosen for application in shown):
        shown = list(Application.objects.for_user(user).filter(pk=chosen)) + shown
    return shown


class ApplicationPicker(forms.Widget):
    template_name = "interviews/application_picker.html"
    use_fieldset = True

    def __init__(self, attrs=None, *, empty_label: str | None = "None"):
        super().__init__(attrs)
        self.empty_label = empty_label
        self.user = None  # set by ApplicationField.for_user

    def value_from_datadict(self, data, files, name):
        return {"pk": data.get(name, ""), "find": data.get(f"{name}_find", "")}

    def format_value(self, value) -> str:
        chosen, _ = application_chosen(value)
        return str(chosen) if chosen else ""

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_find" not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen, find = application_chosen(value)
        context["widget"].update(
            chosen=chosen,
            find=find,
            empty_label=self.empty_label,
            choices=choices_for(self.user, chosen=chosen, find=find) if self.user else [],
        )
        return context


def application_chosen(value) -> tuple[int | None, str]:
    """The chosen application's id and any text typed to find one, from what the picker
    holds: posted data, an application, or an id."""
    if isinstance(value, dict):
        pk = value.get("pk", "")
        return (int(pk) if str(pk).isdecimal() and str(pk).isascii() else None), value["find"]
    if isinstance(value, Application):
        return value.pk, ""
    return (int(value) if str(value or "").isdecimal() else None), ""


class ApplicationField(forms.ModelChoiceField):
    """One of the person's applications, picked or found by name; none is fine."""

    widget = ApplicationPicker

    def __init__(self, *, empty_label: str | None = "None", **kwargs):
        """`empty_label` is the choice of none (None when one must be chosen)."""
        kwargs.setdefault("required", False)
        super().__init__(queryset=Application.objects.none(), empty_label=None, **kwargs)
        self.widget.empty_label = empty_label
        self.error_messages["invalid_choice"] = "Choose one of your own applications."

    def for_user(self, user) -> "ApplicationField":
        self.queryset = Application.objects.for_user(user)
        self.widget.user = user
        return self

    def to_python(self, value):
        if not isinstance(value, dict):
            return super().to_python(value)
        if value["pk"]:
            return super().to_python(value["pk"])
        find = value["find"].strip()
        if not find:
            return None
        found = list(find_applications(self.widget.user, find)[:2])
        if len(found) == 1:
            return found[0]
        if found:
            raise ValidationError(
                f"More than one of your applications matches “{find}”. Choose one above."
            )
        raise ValidationError(
            f"None of your applications matches “{find}”. Check the spelling, or leave it empty."
        )

    def has_changed(self, initial, data) -> bool:
        chosen, find = application_chosen(data)
        return bool(find) or str(chosen or "") != str(getattr(initial, "pk", initial) or "")
