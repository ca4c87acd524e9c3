"""Small builders for interview data; each takes the owner and only what a test cares about."""

from django.utils import timezone

from apps.interviews.models import Application, Interview, Question, Stage


def make_application(owner, **fields) -> Application:
    fields.setdefault("company", "Northwind")
    fields.setdefault("role", "Designer")
    return Application.objects.create(owner=owner, **fields)


def make_interview(application: Application, **fields) -> Interview:
    fields.setdefault("stage", Stage.VIDEO)
    fields.setdefault("occurred_at", timezone.now())
    return Interview.objects.create(owner=application.owner, application=application, **fields)


def make_question(interview: Interview, **fields) -> Question:
    fields.setdefault("text", "Tell me about yourself.")
    return Question.objects.create(owner=interview.owner, interview=interview, **fields)
