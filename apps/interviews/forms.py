import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.core.forms import DateInput, LocalDateTimeInput, check_fields_first, one_to_five_field
from apps.core.stale import SavedSinceCheck

from .models import EXCITEMENT, GUT_FEELINGS, Application, Interview, Question, Stage


def now_for_input() -> datetime.datetime:
    return timezone.localtime().replace(second=0, microsecond=0)


class ApplicationChoiceForm(forms.Form):
    """Which application a logged round belongs to: one of the person's, or a new one.

    A company that matches one of the person's applications means that application, unless
    they say it is a new one: a second round never quietly becomes a duplicate job.
    """

    NEW = "new"

    application = forms.ModelChoiceField(
        queryset=Application.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "That application isn't in your list. Pick another."},
    )
    company = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(max_length=200, required=False)

    def __init__(self, data=None, *args, user, **kwargs):
        self.chose_new = data is not None and data.get("application") == self.NEW
        if self.chose_new:
            data = data.copy()
            data["application"] = ""
        super().__init__(data, *args, **kwargs)
        self.user = user
        self.fields["application"].queryset = Application.objects.for_user(user)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("application") or "application" in self.errors:
            return cleaned
        if not self.chose_new and cleaned.get("company", "").strip():
            match = matching_application(self.user, cleaned["company"], cleaned.get("role", ""))
            if match is AMBIGUOUS:
                self.add_error(
                    "application",
                    "You already have applications here. Choose the one this round was for, "
                    "or say it's a new one.",
                )
                return cleaned
            if match is not None:
                cleaned["application"] = match
                return cleaned
            if similar_applications(self.user, cleaned["company"]).exists():
                # Offered on the page as the company was typed: one of them, or a new one?
                self.add_error(
                    "application",
                    "You have applications at a company with a similar name. Choose the one "
                    "this round was for, or say it's a new one.",
                )
                return cleaned
        if "company" in cleaned and not cleaned["company"].strip():
            self.add_error("company", "Enter the company's name.")
        if "role" in cleaned and not cleaned["role"].strip():
            self.add_error("role", "Enter the role, even roughly: “Designer” is fine.")
        return cleaned


AMBIGUOUS = object()
SIMILAR_FROM = 2  # characters typed before similar applications are offered


def similar_applications(user, company: str):
    """The person's applications whose company contains what was typed."""
    company = company.strip()
    if len(company) < SIMILAR_FROM:
        return Application.objects.none()
    return Application.objects.for_user(user).filter(company__icontains=company)


def matching_application(user, company: str, role: str = ""):
    """The person's application at this company (and role, when given): the one a new round
    belongs to. None when there is none; AMBIGUOUS when the person has to choose."""
    same_company = Application.objects.for_user(user).filter(company__iexact=company.strip())
    if role.strip():
        same_role = list(same_company.filter(role__iexact=role.strip())[:1])
        if same_role:
            return same_role[0]
        return AMBIGUOUS if same_company.exists() else None
    candidates = list(same_company[:2])
    if len(candidates) == 1:
        return candidates[0]
    return AMBIGUOUS if candidates else None


class InterviewForm(SavedSinceCheck):
    stage = forms.ChoiceField(
        choices=Stage.choices,
        widget=forms.RadioSelect(attrs={"class": "chips"}),
        error_messages={"required": "Choose the stage of this round."},
    )
    gut_feeling = one_to_five_field("How did it feel?", GUT_FEELINGS.items())

    class Meta:
        model = Interview
        fields = [
            "stage",
            "occurred_at",
            "gut_feeling",
            "length_minutes",
            "format",
            "interviewers",
            *Interview.PREPARATION_FIELDS,
            *Interview.REFLECTION_FIELDS,
            "follow_up_on",
            "thank_you_sent_on",
        ]
        widgets = {
            "occurred_at": LocalDateTimeInput(),
            "follow_up_on": DateInput(attrs={"data-quick-date-target": ""}),
            "thank_you_sent_on": DateInput(),
            "length_minutes": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
            "interviewers": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.Textarea(attrs={"rows": 3}) for name in Interview.REFLECTION_FIELDS},
        }
        error_messages = {
            "occurred_at": {
                "invalid": "Enter a real date and time, like 14/03/2026 10:30.",
                "required": "Enter when the interview was.",
            },
            "follow_up_on": {"invalid": "Enter a real date, like 28/03/2026."},
            "thank_you_sent_on": {"invalid": "Enter a real date, like 15/03/2026."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("occurred_at", now_for_input())
        self.fields["occurred_at"].label = "When is it?" if self._ahead() else "When was it?"
        check_fields_first(self, "occurred_at", "follow_up_on")

    def _ahead(self) -> bool:
        """The round's time, as typed or given, is still to come (an invitation read from a
        message, or a round logged ahead), so the question is asked in the present."""
        field = self.fields["occurred_at"]
        given = self.initial.get("occurred_at")
        if self.is_bound:
            given = field.widget.value_from_datadict(
                self.data, self.files, self.add_prefix("occurred_at")
            )
        try:
            when = field.to_python(given)
        except ValidationError:
            return False
        return bool(when) and when > timezone.now()

    def clean(self):
        cleaned = super().clean()
        occurred_at, follow_up_on = cleaned.get("occurred_at"), cleaned.get("follow_up_on")
        if occurred_at and follow_up_on and follow_up_on < timezone.localdate(occurred_at):
            self.add_error("follow_up_on", "The follow-up date can't be before the interview.")
        return cleaned


class NewQuestionForm(forms.ModelForm):
    """One question row on the log page: what they asked and how answering it went."""

    class Meta:
        model = Question
        fields = ["text", "kind", "outcome", "my_answer"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.RadioSelect(attrs={"class": "chips"}),
            "my_answer": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {"text": {"required": "Write the question, even roughly."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = Question.Outcome.choices
        self.fields["kind"].choices = [("", "Choose a kind"), *Question.Kind.choices]


# Three empty rows work without JavaScript; with it, rows are added and removed in place.
QuestionFormSet = forms.formset_factory(NewQuestionForm, extra=3, max_num=50, absolute_max=50)


class QuestionForm(SavedSinceCheck, NewQuestionForm):
    class Meta(NewQuestionForm.Meta):
        fields = [*NewQuestionForm.Meta.fields, "better_answer"]
        widgets = {
            **NewQuestionForm.Meta.widgets,
            "better_answer": forms.Textarea(attrs={"rows": 3}),
        }


class BetterAnswerForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["better_answer"]
        widgets = {"better_answer": forms.Textarea(attrs={"rows": 4})}


class ApplicationForm(SavedSinceCheck):
    excitement = one_to_five_field("How excited are you about it?", EXCITEMENT.items())

    class Meta:
        model = Application
        fields = [
            "company",
            "role",
            "status",
            "applied_on",
            "link",
            "location",
            "work_mode",
            "source",
            "excitement",
            "motivation",
            "why_i_want_this",
        ]
        widgets = {
            "applied_on": DateInput(),
            "motivation": forms.RadioSelect,
            "why_i_want_this": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "company": {"required": "Enter the company's name."},
            "role": {"required": "Enter the role, even roughly: “Designer” is fine."},
            "applied_on": {"invalid": "Enter a real date, like 03/03/2026."},
            "link": {"invalid": "Enter a full web address, starting with https://"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["motivation"].choices = Application.Motivation.choices
        self.fields["work_mode"].choices = [("", "Not sure yet"), *Application.WorkMode.choices]


class StatusForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["status"]
