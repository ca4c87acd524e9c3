"""Saving journal entries so that no word is ever lost and no tab overwrites another."""

from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from .guides import Guide
from .models import Entry, answers_search_text, pack_tags


class StaleVersion(Exception):
    """The entry changed since this copy was loaded (another tab or device saved it)."""

    def __init__(self, current_version: int):
        super().__init__(current_version)
        self.current_version = current_version


@dataclass
class Saved:
    entry_id: int
    version: int
    saved_at: timezone.datetime


def _columns(fields: dict) -> dict:
    columns = dict(fields)
    columns["answers_text"] = answers_search_text(columns["answers"])
    columns["tags"] = pack_tags(columns["tags"])
    return columns


def create_entry(user, guide: Guide, fields: dict, **extra) -> Saved:
    """The first save of a new entry creates it, with the guide's prompts as they read now."""
    now = timezone.now()
    entry = Entry.objects.create(
        owner=user, guide=guide.key, prompts=list(guide.prompts), **extra, **_columns(fields)
    )
    return Saved(entry.pk, entry.version, now)


def update_entry(user, entry_id: int, version: int, fields: dict, **extra) -> Saved:
    """Save over `version` only: one UPDATE, guarded by the version the edit started from.

    If nothing matched, one more query tells a missing entry (404) from a stale copy.
    """
    now = timezone.now()
    updated = (
        Entry.objects.for_user(user)
        .filter(pk=entry_id, version=version)
        .update(**_columns(fields), **extra, version=F("version") + 1, updated_at=now)
    )
    if not updated:
        current = Entry.objects.for_user(user).filter(pk=entry_id).values_list("version").first()
        if current is None:
            raise Entry.DoesNotExist
        raise StaleVersion(current[0])
    return Saved(entry_id, version + 1, now)
