"""A person's search in plain numbers, for the pages that put a rejection in context (the
walk-through's reality check, the bad-day page). Counts that only ever grow."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
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
    """One query, whatever the size of the search: a count per number, side by side."""
    now = timezone.now()
    applications = Application.objects.filter(owner=OuterRef("pk"))
    rounds = Interview.objects.filter(owner=OuterRef("pk"), occurred_at__lte=now)
    has_a_round = Exists(Interview.objects.filter(application=OuterRef("pk")))
    numbers = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            applications=_count(applications),
            interviewing=_count(applications.filter(has_a_round)),
            not_selected=_count(applications.filter(status=Application.Status.REJECTED)),
            rounds_done=_count(rounds),
            finals=_count(rounds.filter(stage=Stage.FINAL)),
            great_answers=_count(
                Question.objects.filter(owner=OuterRef("pk"), outcome=Question.Outcome.ROCKED)
            ),
        )
        .values(*SearchNumbers.__dataclass_fields__)
        .get()
    )
    return SearchNumbers(**numbers)


def _count(rows) -> Coalesce:
    """How many rows, as a subquery of the person's own row."""
    counted = rows.order_by().values("owner").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)
