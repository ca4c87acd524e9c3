"""What an export holds: every model a person owns, one line each.

Fields and links are read from each model, so a new field is exported without anyone
remembering, and a new model is one more line below. The order is the order an import
recreates them in: a model comes after every model it links to (a test checks this, and
that every owned model is listed).
"""

from dataclasses import dataclass
from functools import cached_property

from django.db import models

from apps.calendar_feed.models import CalendarFeed
from apps.feedback.models import FeedbackRequest
from apps.interviews.models import Application, Interview, Question
from apps.journal.models import Entry
from apps.rejections.models import PlanItem, Recovery, Rejection
from apps.reminders.models import Digest, ReminderSettings
from apps.strengths.models import Achievement, Strength, Supporter

FORMAT = "rebound-export"
VERSION = 1  # raise it when the file's shape changes; an import refuses newer versions

# The person's own profile, as the file carries it. Never the password hash, never a
# two-factor secret: those stay in the account they were made for.
ACCOUNT_FIELDS = (
    "email",
    "display_name",
    "time_zone",
    "hide_rejected_applications",
    "pace_notes",
)
# Of those, what an import puts back (the email is the account's own).
RESTORED_ACCOUNT_FIELDS = ("display_name", "time_zone", "hide_rejected_applications", "pace_notes")

NOT_EXPORTED = {"id", "owner"}  # the id is the row's "id" in the file; the owner is you


@dataclass(frozen=True)
class Exported:
    model: type[models.Model]
    # Columns that make a row one of a kind for its person (() for one row per person):
    # an import keeps the row already there instead of clashing with it.
    one_per: tuple[str, ...] | None = None
    # How the app names these rows to the person, when the model's own name isn't it.
    called: tuple[str, str] | None = None  # (one, many)

    @property
    def key(self) -> str:
        """The row list's name in the file, e.g. "interviews.application"."""
        return self.model._meta.label_lower

    @property
    def label(self) -> str:
        return self.called[0] if self.called else str(self.model._meta.verbose_name)

    @property
    def label_plural(self) -> str:
        return self.called[1] if self.called else str(self.model._meta.verbose_name_plural)

    @cached_property
    def fields(self) -> list[models.Field]:
        """Every column that is not a link: written as it is."""
        return [
            field
            for field in self.model._meta.concrete_fields
            if not field.is_relation and field.name not in NOT_EXPORTED
        ]

    @cached_property
    def links(self) -> dict[str, str]:
        """Links to another of the person's rows, by that row's id in the file."""
        return {
            field.name: field.related_model._meta.label_lower
            for field in self.model._meta.concrete_fields
            if field.is_relation and field.name not in NOT_EXPORTED
        }

    @cached_property
    def many(self) -> dict[str, str]:
        """Many-to-many links, as a list of ids in the file."""
        return {
            field.name: field.related_model._meta.label_lower
            for field in self.model._meta.many_to_many
        }


EXPORTED = (
    Exported(Application),
    Exported(Interview, called=("interview round", "interview rounds")),
    Exported(Question),
    Exported(FeedbackRequest),
    Exported(Rejection),
    Exported(Recovery),
    Exported(PlanItem),
    Exported(Entry),
    Exported(Strength),
    Exported(Achievement),
    Exported(Supporter),
    Exported(ReminderSettings, one_per=()),
    Exported(Digest, one_per=("for_date",), called=("reminder email sent", "reminder emails sent")),
)
# Owned, but not the person's data: the calendar address is a key to a private feed.
# A new one is made in Settings after an import, so a copied file never opens a feed.
NOT_EXPORTED_MODELS = (CalendarFeed,)
BY_KEY = {exported.key: exported for exported in EXPORTED}


def schema() -> dict:
    """The file describes itself: each list's fields and what its links point to."""
    return {
        exported.key: {
            "fields": [field.name for field in exported.fields],
            "links": exported.links,
            **({"many": exported.many} if exported.many else {}),
        }
        for exported in EXPORTED
    }
