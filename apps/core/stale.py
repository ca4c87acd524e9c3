"""An edit made from an old copy of a page (a second tab, a phone left open since
yesterday) is never saved over newer words: the form notices, keeps what was typed, and
shows beside each field what is saved now. Saving again then keeps the person's version,
knowingly."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS

STALE = "stale"
STALE_MESSAGE = (
    "This was changed somewhere else (another tab or device) since you opened it, so it "
    "wasn't saved. What you typed is still here, and what is saved now is shown beside "
    "each field that differs. Save again to keep your version."
)


class SavedSinceCheck(forms.ModelForm):
    """Mix into a ModelForm of an owned model: the page carries when its row was last
    saved, and a copy older than the row is refused with the saved values alongside."""

    # data-version: a copy of the form kept on the device remembers which save it was typed
    # against (static/js/drafts.js).
    loaded = forms.CharField(required=False, widget=forms.HiddenInput(attrs={"data-version": True}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_elsewhere: dict[str, str] = {}
        if self.instance.pk:
            self.fields["loaded"].initial = self._stamp()

    def _stamp(self) -> str:
        return self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        posted = self.data.get(self.add_prefix("loaded"), "")
        if self.instance.pk and posted and posted != self._stamp():
            self.saved_elsewhere = {
                name: self._saved_value(name)
                for name in self._meta.fields
                if name in cleaned and self._differs(name, cleaned[name])
            }
            # Saving again means "keep mine": the form now carries the row's newest stamp.
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded")] = self._stamp()
            raise forms.ValidationError(STALE_MESSAGE, code=STALE)
        return cleaned

    def _differs(self, name: str, value) -> bool:
        return _comparable(value) != _comparable(self.initial.get(name))

    def _saved_value(self, name: str) -> str:
        saved = self.initial.get(name)
        if saved in (None, "", []):
            return "(empty)"
        if isinstance(saved, list):
            return ", ".join(str(item) for item in saved)
        choices = dict(getattr(self.fields[name], "choices", ()) or ())
        return str(choices.get(saved, saved))

    @property
    def is_stale(self) -> bool:
        return self.has_error(NON_FIELD_ERRORS, STALE)


def invalid_status(form) -> int:
    """409 when the page was an old copy, 422 when the input needs another look."""
    return 409 if getattr(form, "is_stale", False) else 422


def _comparable(value):
    """Form values and model values side by side: rows by id, lists as sets, text trimmed."""
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, list | tuple | set) or hasattr(value, "model"):
        return sorted(_comparable(item) for item in value)
    if isinstance(value, str):
        return value.strip()
    return "" if value is None else value
