from django import forms

from .models import User, time_zone_names


class SettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        choices=[(name, name.replace("_", " ")) for name in time_zone_names()],
        help_text=User._meta.get_field("time_zone").help_text,
    )

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "hide_rejected_applications"]
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "nickname"})}
