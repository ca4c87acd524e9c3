from django import forms

from apps.core.forms import DateInput, add_answer_fields, mood_field, one_to_five_field
from apps.core.models import within_five_years
from apps.interviews.models import Application, Question

from .models import PlanItem, Rejection
from .steps import FEELINGS, THINKING_TRAPS

IMPACT = [(1, "A little"), (2, "Some"), (3, "Quite hard"), (4, "Hard"), (5, "Very hard")]


def impact_field() -> forms.TypedChoiceField:
    return one_to_five_field("How hard did it hit?", IMPACT)


class RejectionForm(forms.ModelForm):
    """Logging the news: pick the application, or add one quickly."""

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
        self.fields["application"].queryset = Application.objects.for_user(user).order_by("company")
        self.fields["application"].required = False
        self.fields["application"].empty_label = "It's not in my list yet"
        self.fields["application"].label = "Which application?"
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
        if cleaned.get("application") or "application" in self.errors:
            return cleaned
        if "company" in cleaned and not cleaned["company"].strip():
            self.add_error("company", "Choose an application above, or enter the company here.")
        if "role" in cleaned and not cleaned["role"].strip():
            self.add_error("role", "Enter the role, even roughly.")
        return cleaned


def entry_version_field() -> forms.IntegerField:
    """The version of the journal entry a step's text came from, so a save never goes
    over words written since (in the journal, or in another tab)."""
    return forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)


class LandForm(forms.Form):
    hide_optional_marker = True  # every step says up front that all of it is optional
    entry_version = entry_version_field()
    feelings = forms.MultipleChoiceField(
        label="What are you feeling? Tick any that fit.",
        choices=FEELINGS,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "chips"}),
    )
    feelings_in_own_words = forms.CharField(
        label="Or in your own words", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    impact = impact_field()
    vent = forms.CharField(
        label="Want to vent? Write it out here. It stays private, and you can burn it later.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class RealityForm(forms.Form):
    hide_optional_marker = True  # every step says up front that all of it is optional
    no_trap_fits = forms.BooleanField(label="None of these fit how I'm thinking", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, name, example in THINKING_TRAPS:
            self.fields[f"trap_{key}"] = forms.BooleanField(
                label=name, required=False, help_text=example
            )
            self.fields[f"fairer_{key}"] = forms.CharField(
                label=f"A fairer thought, instead of {name.lower()}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @property
    def trap_pairs(self):
        return [(self[f"trap_{key}"], self[f"fairer_{key}"]) for key, _, _ in THINKING_TRAPS]

    def traps(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            key: data[f"fairer_{key}"].strip()
            for key, _, _ in THINKING_TRAPS
            if data[f"trap_{key}"] or data[f"fairer_{key}"].strip()
        }


class ConfidenceForm(forms.Form):
    hide_optional_marker = True  # every step says up front that all of it is optional
    strength = forms.CharField(
        label="A strength this interview showed", max_length=120, required=False
    )
    evidence = forms.CharField(
        label="How it showed", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    achievement = forms.CharField(
        label="Something you achieved in the process", max_length=200, required=False
    )
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


class AnswersForm(forms.Form):
    """The prompts of one journal guide, each optional."""

    hide_optional_marker = True
    entry_version = entry_version_field()

    def __init__(self, *args, prompts, **kwargs):
        super().__init__(*args, **kwargs)
        add_answer_fields(self, prompts, rows=3)

    def answers(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.fields if name.startswith("answer_")]


class QuestionOutcomesForm(AnswersForm):
    """The guide's prompts plus how each of this application's questions went."""

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

    @property
    def question_fields(self):
        return [self[f"question_{question.pk}"] for question in self.questions]

    def outcomes(self) -> dict[Question, str]:
        return {
            question: self.cleaned_data[f"question_{question.pk}"]
            for question in self.questions
            if self.cleaned_data[f"question_{question.pk}"]
        }


class PlanForm(forms.Form):
    """Suggested next steps to pick and edit, and one of the person's own."""

    hide_optional_marker = True

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


class MoveOnForm(forms.Form):
    hide_optional_marker = True  # every step says up front that all of it is optional
    mood_after = mood_field("How do you feel now?")


class PlanItemForm(forms.ModelForm):
    class Meta:
        model = PlanItem
        fields = ["title", "kind", "due_on"]
        widgets = {"due_on": DateInput()}
        error_messages = {"title": {"required": "Say what you want to do, in a few words."}}
