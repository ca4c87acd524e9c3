"""Writes of the rejections app: recording the news, the plan, and finishing a recovery.
What a walk-through step writes elsewhere goes through the app that owns it (steps.py)."""

from django.db import transaction
from django.utils import timezone

from apps.feedback.models import FeedbackRequest
from apps.interviews.models import Application, Question
from apps.journal import services as journal
from apps.strengths.models import Strength

from .models import PlanItem, Recovery, Rejection
from .words import FEELINGS, SELF_CARE, THINKING_TRAPS


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


def plan_suggestions(recovery: Recovery) -> list[dict]:
    """Practise what tripped you up, act on feedback, and look after yourself; less what is
    already in this recovery's plan."""
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
    planned = set(recovery.plan_items.values_list("title", flat=True))
    return [suggestion for suggestion in suggestions if suggestion["title"] not in planned]


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


def summary(recovery: Recovery) -> dict:
    """What the person worked through, for the last step and the summary page."""
    learned = journal.guided_entry(recovery.rejection, "learned")
    traps = recovery.thinking_traps
    return {
        "feelings": [label for key, label in FEELINGS if key in recovery.feelings],
        "reframed": [(name, traps[key]) for key, name, _ in THINKING_TRAPS if key in traps],
        "vent": journal.guided_entry(recovery.rejection, "vent"),
        "learned": [answer for _, answer in learned.prompts_and_answers if answer]
        if learned
        else [],
        "strengths_now": Strength.objects.for_user(recovery.owner)[:3],
        "plan": recovery.plan_items.all(),
    }
