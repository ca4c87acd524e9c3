import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

# The most a box of free text holds, so a huge paste gets a message beside the field
# instead of a 500 or a silent cut.
LONG_TEXT = 20_000
# The most one box of writing (a journal answer, a walk-through prompt) holds: far more than
# anyone writes at a sitting, and small enough for search (PostgreSQL's limit is 1 MB a
# document).
WRITING_TEXT = 100_000

# ---- Shared field kinds -------------------------------------------------------------------

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]
MOODS = {1: "Very low", 2: "Low", 3: "Okay", 4: "Good", 5: "Very good"}


def one_to_five(verbose_name: str | None = None) -> models.PositiveSmallIntegerField:
    """An optional 1-5 scale: gut feeling, excitement, mood, how hard it hit."""
    return models.PositiveSmallIntegerField(
        verbose_name, null=True, blank=True, validators=ONE_TO_FIVE
    )


class OwnedQuerySet(models.QuerySet):
    def for_user(self, user) -> "OwnedQuerySet":
        """Only the rows this person owns: the one door to user data."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class OwnedModel(models.Model):
    """Base for every row a person creates: it belongs to them and nobody else."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True


# ---- Dates that make sense --------------------------------------------------------------
# A date picker makes year 3000 one slip away. Things that already happened can't be in
# the future (a day of slack covers time zones); plans reach at most five years ahead.


def _day(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def already_happened(value) -> None:
    if value and _day(value) > timezone.localdate() + datetime.timedelta(days=1):
        raise ValidationError(
            "That date is still to come. Choose the day it happened.", code="future"
        )


def within_five_years(value) -> None:
    if value and _day(value) > timezone.localdate() + datetime.timedelta(days=5 * 366):
        raise ValidationError(
            "That's more than five years from now. Check the year.", code="too_far"
        )
