"""Writes of the strengths app that other places (the exercise, the bad-day page, the
recovery walk-through) share."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from .models import Achievement, Strength


@transaction.atomic
def append_strengths(user, strengths: Iterable[Strength]) -> list[Strength]:
    """Add strengths after the person's own, in the order given."""
    start = Strength.objects.for_user(user).count()
    strengths = list(strengths)
    for offset, strength in enumerate(strengths):
        strength.owner = user
        strength.position = start + offset
    return Strength.objects.bulk_create(strengths)


def add_milestone(user, title: str) -> Achievement:
    """Something achieved along the way (reaching a final round), dated this month."""
    return Achievement.objects.create(
        owner=user,
        title=title,
        month=timezone.localdate().replace(day=1),
        kind=Achievement.Kind.MILESTONE,
    )
