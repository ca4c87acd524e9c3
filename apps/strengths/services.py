"""Writes of the strengths app that other places (the exercise, the bad-day page, the
recovery walk-through) share."""

from collections.abc import Iterable

from django.db import transaction

from .models import Strength


@transaction.atomic
def append_strengths(user, strengths: Iterable[Strength]) -> list[Strength]:
    """Add strengths after the person's own, in the order given."""
    start = Strength.objects.for_user(user).count()
    strengths = list(strengths)
    for offset, strength in enumerate(strengths):
        strength.owner = user
        strength.position = start + offset
    return Strength.objects.bulk_create(strengths)
