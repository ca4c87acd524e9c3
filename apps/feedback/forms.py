from django import forms
from django.utils import timezone

from apps.core.forms import DateInput, check_fields_first
from apps.core.stale import SavedSinceCheck
from apps.interviews.picker import ApplicationField

from .drafts import DRAFTS_BY_KEY
from .models import FeedbackRequest
from .services import fill_placeholders


class DraftForm(SavedSinceCheck):
    application = ApplicationField(
        label="Which application?",
        empty_label=None,
        required=True,
        error_messages={"required": "Choose the application this is about."},
    )

    class Meta:
        model = FeedbackRequest
        fields = [
            "application",
            "contact_name",
            "contact_email",
            "channel",
            "subject",
            "message",
            "template",
        ]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 14, "data-word-count": ""}),
            "template": forms.HiddenInput,
        }
        error_messages = {
            "application": {"invalid_choice": "Choose one of your own applications."},
            "contact_email": {"invalid": "Enter an email address like name@example.com."},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["application"].for_user(user)

    def clean_template(self) -> str:
        # A template is a radio with JavaScript and a hidden field without: an unknown key
        # (an old page, a hand-made request) simply means none.
        key = self.cleaned_data["template"]
        return key if key in DRAFTS_BY_KEY else ""

    def clean_message(self) -> str:
        # Browsers send CRLF line ends; plain LF keeps copying and mailto: links tidy.
        return self.cleaned_data["message"].replace("\r\n", "\n")

    def clean(self):
        cleaned = super().clean()
        for name in ("subject", "message"):
            if name in cleaned:
                cleaned[name] = fill_placeholders(
                    cleaned[name],
                    self.user,
                    cleaned.get("application"),
                    cleaned.get("contact_name", ""),
                )
        return cleaned


class SentForm(forms.ModelForm):
    class Meta:
        model = FeedbackRequest
        fields = ["sent_on", "follow_up_on"]
        widgets = {"sent_on": DateInput(), "follow_up_on": DateInput()}
        labels = {"sent_on": "Sent on", "follow_up_on": "Follow up on, if there's no reply"}
        error_messages = {
            "sent_on": {"required": "Enter the date you sent it.", "invalid": "Enter a real date."},
            "follow_up_on": {"invalid": "Enter a real date."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sent_on"].required = True
        # A ModelForm's initial holds the instance's empty dates: fill the sensible ones.
        today = timezone.localdate()
        self.initial["sent_on"] = self.initial.get("sent_on") or today
        self.initial["follow_up_on"] = self.initial.get(
            "follow_up_on"
        ) or self.instance.default_follow_up(self.initial["sent_on"])
        check_fields_first(self, "sent_on", "follow_up_on")

    def clean(self):
        cleaned = super().clean()
        sent_on, follow_up_on = cleaned.get("sent_on"), cleaned.get("follow_up_on")
        if sent_on and follow_up_on and follow_up_on < sent_on:
            self.add_error("follow_up_on", "The follow-up can't be before the day you sent it.")
        return cleaned


class ReplyForm(SavedSinceCheck):
    class Meta:
        model = FeedbackRequest
        fields = ["response", "response_on", "takeaways"]
        widgets = {
            "response": forms.Textarea(attrs={"rows": 6}),
            "response_on": DateInput(),
            "takeaways": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {"response_on": {"invalid": "Enter a real date."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["response_on"] = self.initial.get("response_on") or timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        response_on, sent_on = cleaned.get("response_on"), self.instance.sent_on
        if response_on and sent_on and response_on < sent_on:
            self.add_error(
                "response_on",
                f"The reply can't come before you sent the request ({sent_on:%d/%m/%Y}).",
            )
        return cleaned
