from django import forms
from django.utils.formats import date_format
from django.utils.html import format_html

from apps.core.forms import (
    ChoicesWithMore,
    DateInput,
    answer_field,
    answer_field_name,
    mood_field,
    one_to_five_field,
)
from apps.core.models import LONG_TEXT, within_five_years
from apps.interviews.models import Question
from apps.interviews.picker import ApplicationField

from .models import PlanItem, Rejection
from .words import FEELINGS, THINKING_TRAPS

IMPACT = [(1, "A little"), (2, "Some"), (3, "Quite hard"), (4, "Hard"), (5, "Very hard")]


def impact_field() -> forms.TypedChoiceField:
    return one_to_five_field("How hard did it hit?", IMPACT)


def noted_already(application) -> Rejection | None:
    """The no already noted for this application, if any. One per application: a second
    would split its walk-through in two."""
    return application.rejections.select_related("recovery").first()


class RejectionForm(forms.ModelForm):
    """Logging the news: pick the application, or add one quickly."""

    application = ApplicationField(
        label="Which application?", empty_label="It's not in my list yet"
    )
    company = forms.CharField(max_length=200, required=False, label="Company")
    role = forms.CharField(max_length=200, required=False, label="Role")

    class Meta:
        model = Rejection
        fields = [
            "application",
            "received_on",
            "how",
            "stage_reached",
            "reason_given",
            "message",
            "expected",
            "impact",
        ]
        widgets = {
            "received_on": DateInput(),
            "reason_given": forms.Textarea(attrs={"rows": 2}),
            "message": forms.Textarea(attrs={"rows": 4}),
            "expected": forms.RadioSelect,
            "impact": forms.RadioSelect(attrs={"class": "chips"}),
        }
        error_messages = {
            "application": {"invalid_choice": "Choose one of your own applications."},
            "received_on": {"invalid": "Enter a real date, like 14/03/2026."},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].for_user(user)
        self.fields[
            "application"
        ].help_text = "Pick it from your list. If it isn't there, add the company and role below."
        # One of the two is needed (an application, or a company and role), so neither is
        # marked "(optional)"; the help text says which.
        for name in ("application", "company", "role"):
            self.fields[name].show_optional = False
        self.fields["company"].help_text = "Needed only if the application isn't in your list."
        self.fields["impact"] = impact_field()
        self.fields["expected"].choices = Rejection.Expected.choices

    def clean(self):
        cleaned = super().clean()
        if application := cleaned.get("application"):
            self._check_not_recorded_already(application)
            return cleaned
        if "application" in self.errors:
            return cleaned
        if "company" in cleaned and not cleaned["company"].strip():
            self.add_error("company", "Choose an application above, or enter the company here.")
        if "role" in cleaned and not cleaned["role"].strip():
            self.add_error("role", "Enter the role, even roughly.")
        return cleaned

    def _check_not_recorded_already(self, application) -> None:
        earlier = noted_already(application)
        if earlier is None:
            return
        recovery = getattr(earlier, "recovery", None)
        link = (
            format_html(
                ' <a href="{}">Carry on with that walk-through</a>.', recovery.get_absolute_url()
            )
            if recovery
            else ""
        )
        self.add_error(
            "application",
            format_html(
                "You already noted that {} didn't work out, on {}.{}",
                application,
                date_format(earlier.received_on, "j F"),
                link,
            ),
        )


# ---- The walk-through's screens: one question each, all of it optional ---------------------


class StepForm(forms.Form):
    hide_optional_marker = True  # every step says up front that all of it is optional
    # What the screen's saved words were when it was opened (steps.seen_stamp), so a
    # second tab's newer words are never saved over.
    # data-version: a copy kept on the device (static/js/drafts.js) remembers it too.
    seen = forms.CharField(required=False, widget=forms.HiddenInput(attrs={"data-version": True}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_elsewhere: dict[str, str] = {}

    def has_changed(self) -> bool:
        """Did the person change anything? (The page's own bookkeeping doesn't count.)"""
        return any(name not in {"seen", "entry_version"} for name in self.changed_data)


class JournalBoxForm(StepForm):
    """One box whose words live in a journal entry, with the version of the entry they were
    read from, so a save never goes over words written since (in the journal, or in
    another tab)."""

    entry_version = forms.IntegerField(
        required=False, min_value=0, widget=forms.HiddenInput(attrs={"data-version": True})
    )

    def __init__(self, *args, name: str, label: str, rows: int = 6, **kwargs):
        super().__init__(*args, **kwargs)
        self.box_name = name
        self.fields[name] = answer_field(label, rows=rows)

    @property
    def box(self):
        return self[self.box_name]

    @property
    def text(self) -> str:
        return self.cleaned_data[self.box_name]


def prompt_form(data, *, index: int, prompt: str, initial=None) -> JournalBoxForm:
    """A guide's prompt, named as the journal names it (answer_0, answer_1, …)."""
    return JournalBoxForm(data, name=answer_field_name(index), label=prompt, initial=initial)


class FeelingsForm(StepForm):
    feelings = forms.MultipleChoiceField(
        label="What are you feeling? Tick any that fit.",
        choices=FEELINGS,
        required=False,
        widget=ChoicesWithMore(attrs={"class": "chips"}, more_label="More feelings"),
    )
    feelings_in_own_words = forms.CharField(
        label="Or in your own words",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ImpactForm(StepForm):
    impact = impact_field()


def trap_label(name: str, example: str) -> str:
    return format_html(
        '<span class="choice-name">{}</span> <span class="choice-hint">{}</span>', name, example
    )


class TrapsForm(StepForm):
    traps = forms.MultipleChoiceField(
        label="Do any of these thinking traps sound familiar? Tick the ones you notice.",
        choices=[(key, trap_label(name, example)) for key, name, example in THINKING_TRAPS],
        required=False,
        widget=ChoicesWithMore(attrs={"class": "choice-list"}, more_label="More thinking traps"),
    )
    no_trap_fits = forms.BooleanField(label="None of these fit how I'm thinking", required=False)

    def chosen(self) -> list[str]:
        return [] if self.cleaned_data["no_trap_fits"] else self.cleaned_data["traps"]


class FairerThoughtForm(StepForm):
    fairer = forms.CharField(
        label="What would you tell a friend who thought this? Try a fairer thought.",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StrengthShownForm(StepForm):
    strength = forms.CharField(
        label="A strength this interview showed", max_length=120, required=False
    )
    evidence = forms.CharField(
        label="How it showed",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("evidence", "").strip() and not cleaned.get("strength", "").strip():
            self.add_error(
                "strength", "Give the strength a name, in a few words, so this is kept with it."
            )
        return cleaned


class AchievementShownForm(StepForm):
    achievement = forms.CharField(
        label="Something you achieved along the way, like reaching this stage",
        max_length=200,
        required=False,
    )


class GreatAnswerForm(StepForm):
    great_answer = forms.ModelChoiceField(
        queryset=Question.objects.none(),
        required=False,
        label="A question you answered well",
        empty_label="None of these",
        error_messages={"invalid_choice": "Choose one of this application's questions."},
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["great_answer"].queryset = questions


class QuestionOutcomesForm(StepForm):
    """How each of this application's questions went."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = forms.ChoiceField(
                label=question.text,
                choices=Question.Outcome.choices,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "chips"}),
                initial=question.outcome,
            )

    def outcomes(self) -> dict[Question, str]:
        return {
            question: self.cleaned_data[f"question_{question.pk}"]
            for question in self.questions
            if self.cleaned_data[f"question_{question.pk}"]
        }


class PlanForm(StepForm):
    """Suggested next steps to pick and edit, and one of the person's own."""

    shown = 5  # the rest of the suggestions wait behind "More ideas"

    new_title = forms.CharField(label="Something else to do", max_length=300, required=False)
    new_due = forms.DateField(
        label="By when", required=False, widget=DateInput(), validators=[within_five_years]
    )

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggestions = suggestions
        for index, suggestion in enumerate(suggestions):
            self.fields[f"pick_{index}"] = forms.BooleanField(
                label=suggestion["title"], required=False
            )
            self.fields[f"title_{index}"] = forms.CharField(
                label="Say it your way", max_length=300, required=False, initial=suggestion["title"]
            )
            self.fields[f"due_{index}"] = forms.DateField(
                label="By when", required=False, widget=DateInput(), validators=[within_five_years]
            )

    @property
    def rows(self):
        return [
            (suggestion, self[f"pick_{i}"], self[f"title_{i}"], self[f"due_{i}"])
            for i, suggestion in enumerate(self.suggestions)
        ]

    @property
    def main_rows(self):
        return self.rows[: self.shown]

    @property
    def more_rows(self):
        return self.rows[self.shown :]

    @property
    def more_open(self) -> bool:
        return any(pick.value() for _, pick, _, _ in self.more_rows)

    def items(self) -> list[dict]:
        data, picked = self.cleaned_data, []
        for index, suggestion in enumerate(self.suggestions):
            if data[f"pick_{index}"]:
                title = data[f"title_{index}"].strip() or suggestion["title"]
                picked.append({**suggestion, "title": title, "due_on": data[f"due_{index}"]})
        if data["new_title"].strip():
            picked.append(
                {"title": data["new_title"].strip(), "kind": "skill", "due_on": data["new_due"]}
            )
        return picked


class MoveOnForm(StepForm):
    mood_after = mood_field("How do you feel now?")


class PlanItemForm(forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = ["title", "kind", "due_on"]
        widgets = {"due_on": DateInput()}
        error_messages = {"title": {"required": "Say what you want to do, in a few words."}}
