import dataclasses
import hashlib
import json

from django import forms
from django.core import signing
from django.utils.html import escape

from apps.interviews.models import Application

from . import csv_dates, csv_import, importer
from .csv_import import TARGETS, CsvRefused, Plan, Table

CSV_LIFETIME = 6 * 60 * 60  # seconds a preview stays usable


class ExportFileForm(forms.Form):
    error_summary = "That file can't be used. Nothing in your account has changed."

    file = forms.FileField(
        label="Your export",
        help_text="The zip that “Download your data” made, or the rebound.json file inside it.",
        error_messages={"required": "Choose the file to import.", "empty": "This file is empty."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > importer.MAX_BYTES:
            raise forms.ValidationError(importer.too_big())
        try:
            self.export = importer.read_export(upload)
        except importer.ImportRefused as refused:
            raise forms.ValidationError(refused.message) from None
        return upload


class CsvUploadForm(forms.Form):
    error_summary = "That file can't be used. Nothing in your account has changed."

    file = forms.FileField(
        label="Your CSV file",
        help_text="Saved from a spreadsheet or another job tracker. The first row names "
        "the columns. Up to 1 MB.",
        error_messages={"required": "Choose the CSV file to read.", "empty": "This file is empty."},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > csv_import.MAX_BYTES:
            raise forms.ValidationError("This file is larger than 1 MB. Split it in two.")
        self.text = csv_import.decode(upload.read())
        try:
            self.table = csv_import.read_table(self.text)
        except CsvRefused as refused:
            raise forms.ValidationError(str(refused)) from None
        return upload


class _Text:
    """Text signed as UTF-8 (JSON would write each "é" as six characters)."""

    def dumps(self, text: str) -> bytes:
        return text.encode()

    def loads(self, data: bytes) -> str:
        return data.decode()


def sign_csv(text: str, user) -> str:
    """The uploaded text, carried by the preview page itself: signed, so what comes back is
    what this person uploaded, and nothing is kept on the server in between. A 1 MB file
    stays well inside the size Django accepts for a form."""
    return signing.dumps(text, salt=f"yourdata.csv.{user.pk}", serializer=_Text, compress=True)


def unsign_csv(value: str, user) -> str | None:
    try:
        return signing.loads(
            value, salt=f"yourdata.csv.{user.pk}", serializer=_Text, max_age=CSV_LIFETIME
        )
    except signing.BadSignature:
        return None


STATUS_CHOICES = [("", "Choose one"), *Application.Status.choices]


class CsvMappingForm(forms.Form):
    """The preview's choices: what each column holds, what each status word means, and
    which way round dates like 04/03/2026 go. Starts from our guesses."""

    csv = forms.CharField(widget=forms.HiddenInput)
    skip_problems = forms.BooleanField(
        label="Leave out the lines with problems and add the rest", required=False
    )

    def __init__(self, table: Table, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.table = table
        guesses = csv_import.guess_columns(table.header)
        for index, name in enumerate(table.header):
            samples = ", ".join(csv_import.quoted(sample) for sample in table.samples(index))
            column = forms.ChoiceField(
                label=csv_import.quoted(name, limit=40)[1:-1] if name else f"Column {index + 1}",
                choices=TARGETS,
                required=False,
                initial=guesses[index],
                # Text from the file: escaped here, as help text is shown as it is.
                help_text=escape(f"For example: {samples}") if samples else "Empty",
            )
            column.show_optional = False  # "Leave it out" is one of the choices
            self.fields[f"column_{index}"] = column
        columns = self.columns
        self.status_words = csv_import.status_words(table, columns)
        for word in self.status_words:
            self.fields[csv_import.status_field_name(word)] = forms.ChoiceField(
                label=csv_import.quoted(word, limit=40),
                choices=STATUS_CHOICES,
                initial=csv_import.guess_status(word),
                # Unanswered, its lines are problems like any other, which can be left out.
                required=False,
            )
        dates = table.column(columns.index("applied_on")) if "applied_on" in columns else []
        self.date_example = next(
            (value.strip() for value in dates if csv_dates.NUMERIC.fullmatch(value.strip())), ""
        )
        if self.date_example:
            guess = csv_dates.guess_day_first(dates)
            self.fields["dates"] = forms.ChoiceField(
                label=f"Dates like {self.date_example}",
                choices=[
                    ("day", f"Day first: {self._read(True)}"),
                    ("month", f"Month first: {self._read(False)}"),
                ],
                initial="month" if guess is False else "day",
                widget=forms.RadioSelect,
                help_text="We guessed from the dates in your file."
                if guess is not None
                else "Every date in your file reads either way. Check one you know.",
            )

    def _read(self, day_first: bool) -> str:
        date = csv_dates.read_date(self.date_example, day_first)
        return f"{date.day} {date:%B %Y}" if date else "not a date"

    def _chosen(self, name: str) -> str:
        """What the person has chosen in this field so far, or our guess before they have."""
        field = self.fields[name]
        value = self.data.get(self.add_prefix(name), "") if self.is_bound else field.initial
        return value if value in dict(field.choices) else ""

    @property
    def columns(self) -> list[str]:
        return [self._chosen(f"column_{index}") for index in range(len(self.table.header))]

    def column_fields(self):
        return [self[f"column_{index}"] for index in range(len(self.table.header))]

    def status_fields(self):
        return [self[csv_import.status_field_name(word)] for word in self.status_words]

    def plan(self) -> Plan:
        return Plan(
            columns=self.columns,
            statuses={
                csv_import.tidy(word): self._chosen(csv_import.status_field_name(word))
                for word in self.status_words
            },
            day_first=not self.date_example or self._chosen("dates") != "month",
        )

    def fingerprint(self) -> str:
        """The choices a preview was shown for: adding goes ahead only for the same ones."""
        chosen = json.dumps(dataclasses.asdict(self.plan()), sort_keys=True)
        return hashlib.sha256(chosen.encode()).hexdigest()[:20]

    def clean(self):
        columns = self.columns
        for target, label in TARGETS[1:]:
            chosen = [index for index, column in enumerate(columns) if column == target]
            for index in chosen[1:]:
                self.add_error(
                    f"column_{index}", f"Another column already holds the {label.lower()}."
                )
        for target in csv_import.REQUIRED:
            if target not in columns:
                label = dict(TARGETS)[target].lower()
                self.add_error(None, f"Choose the column that holds the {label}.")
        return self.cleaned_data


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label="To confirm, type DELETE",
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": "Type DELETE to confirm. Nothing has been deleted."},
    )

    def clean_confirm(self) -> str:
        value = self.cleaned_data["confirm"]
        if value.strip().casefold() != "delete":
            raise forms.ValidationError(
                "Type the word DELETE to confirm. Nothing has been deleted."
            )
        return value
