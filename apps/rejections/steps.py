"""The recovery walk-through, one step at a time: the registry of its eight steps.

Each step is declared once, here: its key, title, about how long it takes, its screens
(one question each), the form of each screen, what saving one does, what each shows, and
its template (templates/rejections/steps/<key>.html). The view parses the request, asks
the step, and moves on; a GET never writes. Each save goes to the app that owns the data.
"""

import hashlib
import json
from dataclasses import dataclass

from django import forms

from apps.core.forms import answer_field_name
from apps.feedback import services as feedback
from apps.interviews import services as interviews
from apps.interviews.models import Question
from apps.interviews.progress import numbers_for
from apps.journal import services as journal
from apps.journal.guides import GUIDES_BY_KEY
from apps.strengths import services as strengths
from apps.strengths.models import Achievement, Strength

from . import services
from .forms import (
    AchievementShownForm,
    FairerThoughtForm,
    FeelingsForm,
    GreatAnswerForm,
    ImpactForm,
    JournalBoxForm,
    MoveOnForm,
    PlanForm,
    QuestionOutcomesForm,
    StrengthShownForm,
    TrapsForm,
    prompt_form,
)
from .models import Recovery
from .words import COMMON_REASONS, THINKING_TRAPS


@dataclass(frozen=True)
class JournalBox:
    """A box on a screen whose words are an answer in a journal entry."""

    guide: str
    index: int  # which of the guide's answers
    field: str  # the form field that holds it


class Step:
    key: str
    title: str
    minutes: int
    screen_word = "part"  # what the count inside a step counts: "Part 2 of 3"

    @property
    def template(self) -> str:
        return f"rejections/steps/{self.key}.html"

    def screens(self, recovery: Recovery) -> int:
        return 1

    def form(self, recovery: Recovery, screen: int, data=None) -> forms.Form | None:
        return None

    def save(self, recovery: Recovery, screen: int, form: forms.Form) -> None:
        """Write what the screen's form holds (`recovery` is saved by the view)."""

    def context(self, recovery: Recovery, screen: int) -> dict:
        return {}

    def journal_box(self, screen: int) -> JournalBox | None:
        return None

    def kept_on_recovery(self, recovery: Recovery, screen: int) -> dict[str, str]:
        """The words this screen keeps on the recovery itself, by form field, as saved
        now: a second tab's save of them is noticed (see seen_stamp)."""
        return {}

    def act(self, recovery: Recovery, data) -> bool:
        """A button that does something and shows the same screen again (step 6's Draft)."""
        return False


def _journal_initial(recovery: Recovery, box: JournalBox) -> dict:
    """A box's words as the journal holds them now, with the version they were read at."""
    entry = journal.guided_entry(recovery.rejection, box.guide)
    if entry is None:
        return {}
    answers = entry.answers
    return {
        box.field: answers[box.index] if box.index < len(answers) else "",
        "entry_version": entry.version,
    }


def _save_journal_box(recovery: Recovery, box: JournalBox, form: JournalBoxForm) -> None:
    journal.save_guided_answers(
        recovery.rejection, box.guide, {box.index: form.text}, form.cleaned_data["entry_version"]
    )


def _questions(recovery: Recovery):
    return (
        Question.objects.for_user(recovery.owner)
        .filter(interview__application=recovery.application)
        .order_by("interview__occurred_at", "pk")
    )


# ---- 1. Let it land: name the feeling, how hard it hit, a pause (and a vent, if wanted) ----


class LetItLand(Step):
    key, title, minutes = "land", "Let it land", 3
    VENT = JournalBox("vent", 0, "vent")

    def screens(self, recovery):
        return 3

    def form(self, recovery, screen, data=None):
        if screen == 1:
            initial = {
                "feelings": recovery.feelings,
                "feelings_in_own_words": recovery.feelings_in_own_words,
            }
            return FeelingsForm(data, initial=initial)
        if screen == 2:
            return ImpactForm(data, initial={"impact": recovery.rejection.impact})
        return JournalBoxForm(
            data,
            name=self.VENT.field,
            label="Want to vent? Write it out here. It stays private, and you can burn it later.",
            rows=5,
            initial=_journal_initial(recovery, self.VENT),
        )

    def save(self, recovery, screen, form):
        data = form.cleaned_data
        if screen == 1:
            recovery.feelings = data["feelings"]
            recovery.feelings_in_own_words = data["feelings_in_own_words"]
        elif screen == 2:
            recovery.rejection.impact = data["impact"]
            recovery.rejection.save(update_fields=["impact", "updated_at"])
        else:
            _save_journal_box(recovery, self.VENT, form)

    def journal_box(self, screen):
        return self.VENT if screen == 3 else None

    def kept_on_recovery(self, recovery, screen):
        return {"feelings_in_own_words": recovery.feelings_in_own_words} if screen == 1 else {}


# ---- 2. A reality check: reasons that aren't about you, your numbers, thinking traps -------


class RealityCheck(Step):
    key, title, minutes = "reality", "A reality check", 4

    def chosen_traps(self, recovery) -> list[tuple[str, str, str]]:
        return [trap for trap in THINKING_TRAPS if trap[0] in recovery.thinking_traps]

    def screens(self, recovery):
        return 1 + len(self.chosen_traps(recovery))  # then one fairer thought per trap

    def form(self, recovery, screen, data=None):
        if screen == 1:
            initial = {
                "traps": list(recovery.thinking_traps),
                "no_trap_fits": recovery.no_trap_fits,
            }
            return TrapsForm(data, initial=initial)
        key = self.chosen_traps(recovery)[screen - 2][0]
        return FairerThoughtForm(data, initial={"fairer": recovery.thinking_traps[key]})

    def save(self, recovery, screen, form):
        if screen == 1:
            chosen = form.chosen()
            recovery.thinking_traps = {key: recovery.thinking_traps.get(key, "") for key in chosen}
            recovery.no_trap_fits = form.cleaned_data["no_trap_fits"]
        else:
            key = self.chosen_traps(recovery)[screen - 2][0]
            recovery.thinking_traps[key] = form.cleaned_data["fairer"].strip()

    def kept_on_recovery(self, recovery, screen):
        if screen == 1:
            return {}
        key = self.chosen_traps(recovery)[screen - 2][0]
        return {"fairer": recovery.thinking_traps[key]}

    def context(self, recovery, screen):
        if screen == 1:
            return {"reasons": COMMON_REASONS, "numbers": numbers_for(recovery.owner)}
        _, name, example = self.chosen_traps(recovery)[screen - 2]
        return {"trap_name": name, "trap_example": example}


# ---- 3. Remember what you're good at ---------------------------------------------------------


class RenewConfidence(Step):
    key, title, minutes = "confidence", "Remember what you're good at", 3
    screen_word = "question"

    def screens(self, recovery):
        return 3 if _questions(recovery).exists() else 2

    def form(self, recovery, screen, data=None):
        if screen == 1:
            return StrengthShownForm(data)
        if screen == 2:
            return AchievementShownForm(data)
        return GreatAnswerForm(data, questions=_questions(recovery))

    def save(self, recovery, screen, form):
        data, user = form.cleaned_data, recovery.owner
        if screen == 1 and (name := data["strength"].strip()):
            # Going back and saving again adds nothing twice.
            if not Strength.objects.for_user(user).filter(name=name).exists():
                strength = Strength(
                    name=name, evidence=data["evidence"].strip(), source=Strength.Source.INTERVIEW
                )
                strengths.append_strengths(user, [strength])
        elif screen == 2 and (title := data["achievement"].strip()):
            if not Achievement.objects.for_user(user).filter(title=title).exists():
                strengths.add_milestone(user, title)
        elif screen == 3 and data["great_answer"] is not None:
            interviews.set_outcomes({data["great_answer"]: Question.Outcome.ROCKED})

    def context(self, recovery, screen):
        if screen != 1:
            return {}
        return {
            "strengths": Strength.objects.for_user(recovery.owner)[:3],
            "achievements": Achievement.objects.for_user(recovery.owner)[:3],
        }


# ---- 4 and 5. A journal guide, one prompt a screen ---------------------------------------------


class GuidedStep(Step):
    """Each screen is one prompt of a journal guide; the answers live in one entry."""

    guide: str
    screen_word = "question"

    @property
    def prompts(self) -> tuple[str, ...]:
        return GUIDES_BY_KEY[self.guide].prompts

    def screens(self, recovery):
        return len(self.prompts)

    def journal_box(self, screen):
        if screen > len(self.prompts):
            return None
        return JournalBox(self.guide, screen - 1, answer_field_name(screen - 1))

    def form(self, recovery, screen, data=None):
        box = self.journal_box(screen)
        return prompt_form(
            data,
            index=box.index,
            prompt=self.prompts[box.index],
            initial=_journal_initial(recovery, box),
        )

    def save(self, recovery, screen, form):
        _save_journal_box(recovery, self.journal_box(screen), form)


class WhatYouLearned(GuidedStep):
    key, title, minutes, guide = "learned", "What you learned", 6, "learned"

    def screens(self, recovery):
        # Then how each question went, when the rounds have questions.
        return len(self.prompts) + (1 if _questions(recovery).exists() else 0)

    def form(self, recovery, screen, data=None):
        if screen > len(self.prompts):
            return QuestionOutcomesForm(data, questions=_questions(recovery))
        return super().form(recovery, screen, data)

    def save(self, recovery, screen, form):
        if screen > len(self.prompts):
            interviews.set_outcomes(form.outcomes())
        else:
            super().save(recovery, screen, form)


class RightFit(GuidedStep):
    key, title, minutes, guide = "fit", "Was it the right fit?", 4, "fit"

    def context(self, recovery, screen):
        return {"application": recovery.application} if screen == 1 else {}


# ---- 6. Ask for feedback -----------------------------------------------------------------


class AskForFeedback(Step):
    key, title, minutes = "feedback", "Ask for feedback", 3

    def act(self, recovery, data):
        if "draft" not in data:
            return False
        if recovery.feedback_request_id is None:
            recovery.feedback_request = feedback.draft_request(
                recovery.owner, recovery.application, "thank_you"
            )
            recovery.save(update_fields=["feedback_request", "updated_at"])
        return True

    def context(self, recovery, screen):
        return {"feedback": recovery.feedback_request}


# ---- 7. Make a small plan ---------------------------------------------------------------


class MakeAPlan(Step):
    key, title, minutes = "plan", "Make a small plan", 4

    def form(self, recovery, screen, data=None):
        return PlanForm(data, suggestions=services.plan_suggestions(recovery))

    def save(self, recovery, screen, form):
        services.add_plan_items(recovery, form.items())

    def context(self, recovery, screen):
        return {"planned": recovery.plan_items.all()}


# ---- 8. Move on --------------------------------------------------------------------------


class MoveOn(Step):
    key, title, minutes = "move_on", "Moving on", 2

    def form(self, recovery, screen, data=None):
        return MoveOnForm(data, initial={"mood_after": recovery.mood_after})

    def save(self, recovery, screen, form):
        services.finish(recovery, form.cleaned_data["mood_after"])

    def context(self, recovery, screen):
        return services.summary(recovery)


STEPS: tuple[Step, ...] = (
    LetItLand(),
    RealityCheck(),
    RenewConfidence(),
    WhatYouLearned(),
    RightFit(),
    AskForFeedback(),
    MakeAPlan(),
    MoveOn(),
)
STEP_COUNT = len(STEPS)
TOTAL_MINUTES = sum(step.minutes for step in STEPS)


def seen_stamp(words: dict[str, str]) -> str:
    """A short fingerprint of a screen's saved words, carried by the page."""
    return hashlib.sha256(json.dumps(words, sort_keys=True).encode()).hexdigest()[:20]


def step_at(number: int) -> Step | None:
    return STEPS[number - 1] if 1 <= number <= STEP_COUNT else None


def screen_after(recovery: Recovery, number: int, screen: int, *, rest_of_step: bool = False):
    """The (step, screen) that comes next, or None after the last one."""
    if not rest_of_step and screen < STEPS[number - 1].screens(recovery):
        return number, screen + 1
    return (number + 1, 1) if number < STEP_COUNT else None
