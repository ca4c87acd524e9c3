from django.db import transaction
from django.utils import timezone

from .models import Application, Interview, Question


@transaction.atomic
def log_interview(
    user,
    *,
    application: Application | None,
    company: str,
    role: str,
    interview: Interview,
    questions: list[Question],
    log_key: str = "",
) -> Interview:
    """Record a round, creating its application if it is new, in one transaction.

    A logged round means the person is interviewing, so a new application starts there
    and an existing one moves on from "applied".
    """
    if application is None:
        application = Application.objects.create(
            owner=user,
            company=company.strip(),
            role=role.strip(),
            status=Application.Status.INTERVIEWING,
        )
    elif application.note_interview_logged():
        application.save(update_fields=["status", "updated_at"])

    interview.owner = user
    interview.application = application
    interview.log_key = log_key
    interview.save()
    for question in questions:
        question.owner = user
        question.interview = interview
    Question.objects.bulk_create(questions)
    return interview


def set_outcomes(outcomes: dict[Question, str]) -> None:
    """How each question went, as the person judged it afterwards."""
    changed, now = [], timezone.now()
    for question, outcome in outcomes.items():
        if question.outcome != outcome:
            question.outcome, question.updated_at = outcome, now
            changed.append(question)
    Question.objects.bulk_update(changed, ["outcome", "updated_at"])
