"""Saving journal entries so that no word is ever lost and no tab overwrites another."""

from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from apps.core.models import MOODS

from .guides import GUIDES_BY_KEY, Guide
from .models import Entry, answers_search_text, pack_tags


class StaleVersion(Exception):
    """The entry changed since this copy was loaded (another tab or device saved it)."""


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
    """Save over `version` only: one UPDATE, guarded by the version the edit started from."""
    return _update_if_current(user, entry_id, version, **_columns(fields), **extra)


# ---- Entries another app writes with a guide (the recovery walk-through) ------------------


def guided_entry(rejection, guide_key: str) -> Entry | None:
    """The entry written with one guide after this rejection, if there is one yet."""
    return (
        Entry.objects.for_user(rejection.owner).filter(rejection=rejection, guide=guide_key).first()
    )


def save_guided_answers(
    rejection, guide_key: str, answers: dict[int, str], version: int | None
) -> Entry | None:
    """Write some of a guide's answers into the entry kept for this rejection.

    The first words create it (linked to the rejection and its application); later saves
    change only the answers given, through the same version check as autosave, so words
    added in the journal or another tab since `version` are never saved over:
    StaleVersion says so instead. Nothing written and nothing there yet: no entry.
    """
    entry = guided_entry(rejection, guide_key)
    if entry is None:
        if not any(text.strip() for text in answers.values()):
            return None
        guide = GUIDES_BY_KEY[guide_key]
        fields = {
            "answers": _with_answers([], answers),
            "title": "",
            "body": "",
            "mood_before": None,
            "mood_after": None,
            "tags": [],
        }
        saved = create_entry(
            rejection.owner,
            guide,
            fields,
            rejection=rejection,
            application=rejection.application,
            is_draft=False,
        )
        return Entry.objects.get(pk=saved.entry_id)
    merged = _with_answers(entry.answers, answers)
    saved = _update_if_current(
        rejection.owner,
        entry.pk,
        -1 if version is None else version,
        answers=merged,
        answers_text=answers_search_text(merged),
    )
    entry.answers, entry.version = merged, saved.version
    return entry


def _with_answers(current: list[str], changes: dict[int, str]) -> list[str]:
    answers = list(current) + [""] * (max(changes, default=-1) + 1 - len(current))
    for index, text in changes.items():
        answers[index] = text
    return answers


def _update_if_current(user, entry_id: int, version: int, **columns) -> Saved:
    """One UPDATE that matches only the version the copy was made from.

    If nothing matched, one more query tells a missing entry (404) from a stale copy.
    """
    now = timezone.now()
    updated = (
        Entry.objects.for_user(user)
        .filter(pk=entry_id, version=version)
        .update(**columns, version=F("version") + 1, updated_at=now)
    )
    if not updated:
        if not Entry.objects.for_user(user).filter(pk=entry_id).exists():
            raise Entry.DoesNotExist
        raise StaleVersion
    return Saved(entry_id, version + 1, now)


# ---- Two copies of one entry ----------------------------------------------------------------

TEXT_FIELDS = ("title", "body")


def join_texts(saved: str, yours: str) -> str:
    """Both texts, the saved one first; yours only once if it is already there."""
    if not yours.strip() or yours.strip() in saved:
        return saved
    if not saved.strip() or saved.strip() in yours:
        return yours
    return f"{saved.rstrip()}\n\n{yours.lstrip()}"


def keep_both(saved: Entry, yours: dict) -> dict:
    """The fields to save when the person keeps both copies: every text of theirs follows
    the saved one; moods and the date are theirs (the newest choice); tags from both."""
    answers = list(saved.answers)
    for index, answer in enumerate(yours["answers"]):
        if index < len(answers):
            answers[index] = join_texts(answers[index] or "", answer)
        else:
            answers.append(answer)
    merged = dict(yours)
    merged["answers"] = answers
    for name in TEXT_FIELDS:
        merged[name] = join_texts(getattr(saved, name), yours[name])
    merged["tags"] = list(dict.fromkeys([*saved.tag_list, *yours["tags"]]))
    return merged


def differences(saved: Entry, yours: dict) -> list[dict]:
    """What differs between the saved entry and this copy, as the person would read it."""

    def mood(value):
        return MOODS.get(value, "Not chosen")

    pairs = [("Title", saved.title, yours["title"])]
    pairs += [
        (prompt, saved.answers[index] if index < len(saved.answers) else "", answer)
        for index, (prompt, answer) in enumerate(zip(saved.prompts, yours["answers"], strict=False))
    ]
    pairs += [
        ("In your own words", saved.body, yours["body"]),
        ("Mood before", mood(saved.mood_before), mood(yours["mood_before"])),
        ("Mood after", mood(saved.mood_after), mood(yours["mood_after"])),
        ("Tags", ", ".join(saved.tag_list), ", ".join(yours["tags"])),
    ]
    if "written_on" in yours:
        pairs.append(("Date", saved.written_on, yours["written_on"]))
    return [
        {"label": label, "saved": theirs, "yours": mine}
        for label, theirs, mine in pairs
        if str(theirs).strip() != str(mine).strip()
    ]
