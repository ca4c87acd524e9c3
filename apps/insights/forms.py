from django import forms

from apps.accounts.models import User


class PaceNotesForm(forms.ModelForm):
    """The one setting Insights owns a switch for (it is also in Settings)."""

    class Meta:
        model = User
        fields = ["pace_notes"]
