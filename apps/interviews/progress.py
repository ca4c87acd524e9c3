"""A person's search in plain numbers, for the pages that put a rejection in context (the
walk-through's reality check, the bad-day page). Counts that only ever grow."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from .models import Application, Interview, Question, Stage


@dataclass(frozen=True)
class SearchNumbers:
    applications: int
    interviewing: int  # applications that reached at least one round
    not_selected: int
    rounds_done: int
    finals: int
    great_answers: int


def numbers_for(user) -> SearchNumbers:
    """Three queries, whatever the size of the search."""
    # The join to rounds repeats an application once per round: count distinct.
    applications = Application.objects.for_user(user).aggregate(
        total=Count("pk", distinct=True),
        interviewing=Count("pk", filter=Q(interviews__isnull=False), distinct=True),
        not_selected=Count("pk", filter=Q(status=Application.Status.REJECTED), distinct=True),
    )
    now = timezone.now()
    rounds = Interview.objects.for_user(user).aggregate(
        done=Count("pk", filter=Q(occurred_at__lte=now)),
        finals=Count("pk", filter=Q(stage=Stage.FINAL, occurred_at__lte=now)),
    )
    great = Question.objects.for_user(user).filter(outcome=Question.Outcome.ROCKED).count()
    return SearchNumbers(
        applications=applications["total"],
        interviewing=applications["interviewing"],
        not_selected=applications["not_selected"],
        rounds_done=rounds["done"],
        finals=rounds["finals"],
        great_answers=great,
    )
