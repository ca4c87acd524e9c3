"""Writes of the recovery walk-through. Each step writes into the app that owns the data."""

from django.db import transaction
from django.utils import timezone

from apps.feedback.drafts import DRAFTS_BY_KEY
from apps.feedback.models import FeedbackRequest
from apps.feedback.services import contact_from_interviewers, fill_draft
from apps.interviews.models import Application, Question
from apps.journal import services as journal
from apps.journal.guides import GUIDES_BY_KEY
from apps.journal.models import Entry, answers_search_text
from apps.strengths.models import Achievement, Strength

from .models import PlanItem, Recovery, Rejection
from .steps import SELF_CARE


@transaction.atomic
def start_recovery(user, rejection: Rejection, company: str = "", role: str = "") -> Recovery:
    """Record the rejection (adding the application if it is new) and begin the walk-through."""
    if rejection.application_id is None:
        rejection.application = Application.objects.create(
            owner=user, company=company.strip(), role=role.strip()
        )
    application = rejection.application
    application.status = Application.Status.REJECTED
    application.save(update_fields=["status", "updated_at"])
    rejection.owner = user
    rejection.save()
    return Recovery.objects.create(owner=user, rejection=rejection)


def guided_entry(recovery: Recovery, guide_key: str) -> Entry | None:
    """The journal entry this recovery wrote with one guide, if it has written one."""
    return (
        Entry.objects.for_user(recovery.owner)
        .filter(rejection=recovery.rejection, guide=guide_key)
        .first()
    )


def save_guided_entry(
    recovery: Recovery, guide_key: str, answers: list[str], version: int | None
) -> None:
    """One journal entry per guide per recovery, linked to the rejection.

    The first save with words creates it; later ones go through the journal's version
    check, so words added in the journal (or another tab) since are never saved over:
    `journal.services.StaleVersion` says so instead.
    """
    entry = guided_entry(recovery, guide_key)
    if entry is not None:
        journal.update_answers(
            recovery.owner, entry.pk, -1 if version is None else version, answers
        )
    elif any(answer.strip() for answer in answers):
        Entry.objects.create(
            owner=recovery.owner,
            guide=guide_key,
            prompts=list(GUIDES_BY_KEY[guide_key].prompts),
            answers=answers,
            answers_text=answers_search_text(answers),
            rejection=recovery.rejection,
            application=recovery.application,
            is_draft=False,
        )


def save_vent(recovery: Recovery, text: str, version: int | None) -> None:
    """The vent box is the vent entry's first answer; its other answers stay as they are."""
    entry = guided_entry(recovery, "vent")
    answers = (entry and list(entry.answers)) or [""] * len(GUIDES_BY_KEY["vent"].prompts)
    answers[0] = text
    save_guided_entry(recovery, "vent", answers, version)


def add_confidence(
    recovery: Recovery,
    strength: str,
    evidence: str,
    achievement: str,
    great_answer: Question | None,
) -> None:
    user = recovery.owner
    if strength.strip():
        Strength.objects.create(
            owner=user,
            name=strength.strip(),
            evidence=evidence.strip(),
            source=Strength.Source.INTERVIEW,
            position=Strength.objects.for_user(user).count(),
        )
    if achievement.strip():
        Achievement.objects.create(
            owner=user,
            title=achievement.strip(),
            month=timezone.localdate().replace(day=1),
            kind=Achievement.Kind.MILESTONE,
        )
    if great_answer is not None:
        great_answer.outcome = Question.Outcome.ROCKED
        great_answer.save(update_fields=["outcome", "updated_at"])


def set_question_outcomes(outcomes: dict[Question, str]) -> None:
    for question, outcome in outcomes.items():
        if question.outcome != outcome:
            question.outcome = outcome
            question.save(update_fields=["outcome", "updated_at"])


def draft_feedback(recovery: Recovery) -> FeedbackRequest:
    """A feedback request for this application, drafted from the thank-you template."""
    if recovery.feedback_request_id:
        return recovery.feedback_request
    application = recovery.application
    contact = contact_from_interviewers(application)
    subject, message = fill_draft("thank_you", recovery.owner, application, contact)
    feedback = FeedbackRequest.objects.create(
        owner=recovery.owner,
        application=application,
        contact_name=contact,
        template=DRAFTS_BY_KEY["thank_you"].key,
        subject=subject,
        message=message,
    )
    recovery.feedback_request = feedback
    recovery.save(update_fields=["feedback_request", "updated_at"])
    return feedback


def plan_suggestions(recovery: Recovery) -> list[dict]:
    """Practise what tripped you up, act on feedback, and look after yourself."""
    suggestions = [
        {"title": f"Practise: {question.text[:200]}", "kind": "practise", "question": question.pk}
        for question in Question.objects.for_user(recovery.owner).filter(
            interview__application=recovery.application, outcome=Question.Outcome.STRUGGLED
        )
    ]
    for feedback in FeedbackRequest.objects.for_user(recovery.owner).filter(
        application=recovery.application
    ):
        suggestions += [
            {"title": takeaway, "kind": "skill", "feedback_request": feedback.pk}
            for takeaway in feedback.takeaway_list
        ]
    suggestions += [{"title": title, "kind": "self_care"} for title in SELF_CARE]
    return suggestions


def add_plan_items(recovery: Recovery, items: list[dict]) -> list[PlanItem]:
    return PlanItem.objects.bulk_create(
        PlanItem(
            owner=recovery.owner,
            recovery=recovery,
            title=item["title"],
            kind=item.get("kind", "skill"),
            due_on=item.get("due_on"),
            question_id=item.get("question"),
            feedback_request_id=item.get("feedback_request"),
        )
        for item in items
    )


def finish(recovery: Recovery, mood_after: int | None) -> None:
    recovery.mood_after = mood_after
    recovery.finished_at = recovery.finished_at or timezone.now()
