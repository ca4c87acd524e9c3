from django import forms
from django.core import signing
from django.db.models import Q

from apps.core.forms import DateInput, add_answer_fields, answer_field_name, mood_field
from apps.core.models import MOODS, WRITING_TEXT, already_happened
from apps.core.params import whole_number
from apps.interviews.models import Application, Interview
from apps.interviews.picker import ApplicationField, application_chosen

from .guides import GUIDE_CHOICES, MAX_PROMPTS
from .models import normalise_tags

LINKS_SALT = "journal.entry-links"
ROUNDS_OFFERED = 20


def sign_links(user, application: Application | None, interview: Interview | None) -> str:
    """Links the server has already checked belong to this person, for the first autosave."""
    return signing.dumps(
        {"a": application.pk if application else None, "i": interview.pk if interview else None},
        salt=f"{LINKS_SALT}.{user.pk}",
    )


def unsign_links(user, token: str) -> dict:
    """The links signed when the page was drawn, less any deleted since (the text is
    saved either way: a link that has gone must never stop a save)."""
    try:
        links = signing.loads(token, salt=f"{LINKS_SALT}.{user.pk}", max_age=60 * 60 * 24 * 30)
    except signing.BadSignature:
        return {}
    application_id, interview_id = links.get("a"), links.get("i")
    if application_id and not Application.objects.for_user(user).filter(pk=application_id).exists():
        application_id = interview_id = None
    if interview_id and not Interview.objects.for_user(user).filter(pk=interview_id).exists():
        interview_id = None
    return {"application_id": application_id, "interview_id": interview_id}


class EntryTextForm(forms.Form):
    """Everything a person types into an entry. Autosave validates with this alone, which
    needs no database query."""

    title = forms.CharField(max_length=200, required=False)
    written_on = forms.DateField(
        label="Date",
        required=False,
        widget=DateInput(),
        validators=[already_happened],
        error_messages={"invalid": "Enter a real date, like 14/03/2026."},
    )
    mood_before = mood_field("How are you feeling right now?")
    mood_after = mood_field("How do you feel now?")
    body = forms.CharField(
        label="Anything else you want to write",
        required=False,
        max_length=WRITING_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Write freely. You can use Markdown: *italic*, **bold**, lists and links.",
    )
    tags = forms.CharField(
        max_length=600,
        required=False,
        help_text="Separate tags with commas, like: rejection, final round",
        widget=forms.TextInput(attrs={"list": "tag-suggestions", "autocomplete": "off"}),
    )

    def __init__(self, *args, prompts: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.prompts = list(prompts)[:MAX_PROMPTS]
        add_answer_fields(self, self.prompts, rows=6)

    @property
    def answer_fields(self) -> list:
        return [self[answer_field_name(index)] for index in range(len(self.prompts))]

    def clean_tags(self) -> list[str]:
        return normalise_tags(self.cleaned_data["tags"])

    def entry_fields(self) -> dict:
        """The cleaned values as model fields, ready for one UPDATE or INSERT."""
        data = self.cleaned_data
        answers = [data[answer_field_name(index)] for index in range(len(self.prompts))]
        fields = {
            "title": data["title"],
            "mood_before": data["mood_before"],
            "mood_after": data["mood_after"],
            "body": data["body"],
            "tags": data["tags"],
            "answers": answers,
        }
        if data.get("written_on"):
            fields["written_on"] = data["written_on"]
        return fields


class GoneMeansNone:
    """Mixed into a choice of one of the person's own rows: one deleted since the page was
    drawn (in another tab) means no link, so the words are saved either way."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            pk = whole_number(str(value.get("pk", "") if isinstance(value, dict) else value))
            if pk is not None and not self.queryset.model.objects.filter(pk=pk).exists():
                return None
            raise


class LinkedApplicationField(GoneMeansNone, ApplicationField):
    pass


class LinkedRoundField(GoneMeansNone, forms.ModelChoiceField):
    pass


class EntryLinksForm(forms.Form):
    """The application and round an entry is about, limited to the person's own. The
    rounds offered are the chosen application's, so the page never lists them all."""

    application = LinkedApplicationField(label="About an application", empty_label="None")
    interview = LinkedRoundField(
        queryset=Interview.objects.none(),
        required=False,
        label="About an interview round",
        empty_label="None",
        help_text="The rounds of the application chosen above.",
        error_messages={"invalid_choice": "Choose one of your own interview rounds."},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].for_user(user)
        rounds = Interview.objects.for_user(user).select_related("application")
        self.fields["interview"].queryset = rounds
        chosen_application, _ = application_chosen(self["application"].value())
        chosen_round = whole_number(str(self["interview"].value() or ""))
        offered = rounds.filter(Q(application_id=chosen_application) | Q(pk=chosen_round)).order_by(
            "-occurred_at"
        )[:ROUNDS_OFFERED]
        self.fields["interview"].widget.choices = [
            ("", "None"),
            *((round_.pk, str(round_)) for round_ in offered),
        ]

    def clean(self):
        cleaned = super().clean()
        application, interview = cleaned.get("application"), cleaned.get("interview")
        if interview and not application:
            cleaned["application"] = interview.application
        elif interview and interview.application_id != application.pk:
            self.add_error("interview", "That round belongs to a different application.")
        return cleaned


class JournalFilterForm(forms.Form):
    hide_optional_marker = True  # every filter is optional; saying so is noise

    guide = forms.ChoiceField(choices=[("", "Any guide"), *GUIDE_CHOICES], required=False)
    tag = forms.CharField(required=False, max_length=40)
    mood = forms.TypedChoiceField(
        choices=[("", "Any mood"), *MOODS.items()], coerce=int, empty_value=None, required=False
    )
    start = forms.DateField(label="From", required=False, widget=DateInput())
    end = forms.DateField(label="To", required=False, widget=DateInput())
    q = forms.CharField(label="Search what you wrote", required=False, max_length=200)
