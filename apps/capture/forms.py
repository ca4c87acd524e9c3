from django import forms

from apps.core.models import LONG_TEXT
from apps.core.params import whole_number

from .reading.kind import DECIDING, INVITATION, REJECTION, RESCHEDULE

KINDS = [
    ("", "Let Rebound tell"),
    (INVITATION, "An invitation to an interview"),
    (RESCHEDULE, "A new time for an interview"),
    (DECIDING, "They're still deciding"),
    (REJECTION, "They went with someone else"),
]
# What the pages that link here expect ("Paste the message instead"): ?expect=interview
EXPECTED = {"interview": "", "rejection": REJECTION}


class PastedText(forms.CharField):
    """Pasted text loses its NUL characters (a copy from some mail apps carries them)
    instead of being refused for them; a box of only spaces is empty."""

    def to_python(self, value):
        return super().to_python((value or "").replace("\x00", ""))


class PasteForm(forms.Form):
    text = PastedText(
        label="The message",
        help_text="The whole email is fine, headers and all.",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        error_messages={
            "required": "Paste the message first: the whole email, or just its words.",
            "max_length": (
                f"That's more than {LONG_TEXT:,} characters. Paste only the message, "
                "without the older replies under it."
            ),
        },
    )
    kind = forms.ChoiceField(
        label="What is it?",
        choices=KINDS,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose one of the options."},
    )
    # The application of the page "Paste the message instead" was followed from: used in
    # preference to the company read, when it is one of the person's own.
    application = PastedText(required=False, widget=forms.HiddenInput)

    @property
    def error_summary(self) -> str:
        """Above the errors (forms/errors.html): an empty box has nothing typed to keep."""
        if self.has_error("text", "required"):
            return "Paste the message in the box, then press Read it."
        return ""

    def clean_application(self) -> int | None:
        return whole_number(self.cleaned_data["application"])
