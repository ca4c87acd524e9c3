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


# ---- Owned rows ---------------------------------------------------------------------------
# Every write to a person's rows, however it is made (a form, an autosave's UPDATE, a bulk
# import, the task worker, a test), first moves their change stamp (User.data_version), in
# the same transaction: a page remembered for them (apps.core.pagecache) is current exactly
# while the stamp has not moved. The stamp moves before the rows are touched, so every
# transaction takes the person's row lock first and two of them never wait on each other
# in opposite order.


def mark_changed(owner_ids) -> None:
    """Move these people's change stamps on (nothing happens for an empty set)."""
    from django.contrib.auth import get_user_model

    if owner_ids := {owner_id for owner_id in owner_ids if owner_id is not None}:
        get_user_model().objects.filter(pk__in=owner_ids).update(
            data_version=models.F("data_version") + 1
        )


class OwnedQuerySet(models.QuerySet):
    _owner_id = None  # set by for_user(): every row here is this person's

    def for_user(self, user) -> "OwnedQuerySet":
        """Only the rows this person owns: the one door to user data."""
        if not user.is_authenticated:
            return self.none()
        rows = self.filter(owner=user)
        rows._owner_id = user.pk
        return rows

    def _clone(self):
        clone = super()._clone()
        clone._owner_id = self._owner_id
        return clone

    def _owners(self) -> set:
        if self._owner_id is not None:
            return {self._owner_id}
        return set(self.order_by().values_list("owner_id", flat=True).distinct())

    def update(self, **kwargs) -> int:
        mark_changed(self._owners())
        return super().update(**kwargs)

    update.alters_data = True

    def delete(self):
        mark_changed(self._owners())
        return super().delete()

    delete.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        mark_changed(row.owner_id for row in objs)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, *args, **kwargs):
        objs = list(objs)
        mark_changed(row.owner_id for row in objs)
        return super().bulk_update(objs, *args, **kwargs)


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

    def save(self, *args, **kwargs):
        mark_changed({self.owner_id})
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        mark_changed({self.owner_id})
        return super().delete(*args, **kwargs)


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
