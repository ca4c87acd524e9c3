"""Search across everything written: full-text on PostgreSQL, a simple fallback on SQLite.

Snippets are built so highlighting can never inject markup: the database marks matches
with private sentinels, the text is escaped, and only then do the sentinels become <mark>.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q, TextField, Value
from django.db.models.functions import Concat, Left
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Entry, EntryQuerySet

START, STOP = "\x02", "\x03"
SNIPPET_WORDS = 30
CONFIG = "english"
# PostgreSQL refuses a tsvector over 1 MB; the first 100,000 characters of each part of an
# entry are what search reads (a body that long is rare, and still found by its start).
SEARCHED_CHARACTERS = 100_000
SEARCHED_WORDS = 32


def search_entries(entries: EntryQuerySet, text: str) -> EntryQuerySet:
    """Entries matching `text`, best first, each with a safe `snippet` attribute to show."""
    text = _tidy(text)
    if not text:
        return entries
    if connection.vendor == "postgresql":
        return _full_text(entries, text)
    return _contains(entries, text)


def _tidy(text: str) -> str:
    """A search as typed, made safe to hand to websearch_to_tsquery: no NUL, no runs of
    dashes (each one nests a NOT, and thirty-odd overflow PostgreSQL's stack), a sane
    number of words."""
    text = re.sub(r"-{2,}", "-", text.replace("\x00", ""))
    return " ".join(text.split()[:SEARCHED_WORDS])


def _searched(field: str) -> Left:
    return Left(field, SEARCHED_CHARACTERS)


def _document():
    return Concat(
        _searched("title"),
        Value("\n"),
        _searched("body"),
        Value("\n"),
        _searched("answers_text"),
        output_field=TextField(),
    )


def _full_text(entries: EntryQuerySet, text: str) -> EntryQuerySet:
    vector = (
        SearchVector(_searched("title"), weight="A", config=CONFIG)
        + SearchVector(_searched("answers_text"), weight="B", config=CONFIG)
        + SearchVector(_searched("body"), weight="B", config=CONFIG)
    )
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    return (
        entries.annotate(search=vector)
        .filter(search=query)
        .annotate(
            rank=SearchRank(vector, query),
            headline=SearchHeadline(
                _document(),
                query,
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=SNIPPET_WORDS,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-written_on")
    )


def _contains(entries: EntryQuerySet, text: str) -> EntryQuerySet:
    words = [word for word in text.replace('"', " ").split() if not word.startswith("-")]
    excluded = [word[1:] for word in text.split() if word.startswith("-") and len(word) > 1]
    for word in words:
        entries = entries.filter(
            Q(title__icontains=word) | Q(body__icontains=word) | Q(answers_text__icontains=word)
        )
    for word in excluded:
        entries = entries.exclude(
            Q(title__icontains=word) | Q(body__icontains=word) | Q(answers_text__icontains=word)
        )
    return entries.order_by("-written_on", "-created_at")


def snippet(entry: Entry, text: str) -> SafeString:
    """A short, escaped extract around the match, with matches wrapped in <mark>."""
    headline = getattr(entry, "headline", None)
    if headline is None:
        headline = _marked_extract(entry, text)
    escaped = str(escape(headline))
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))


def _marked_extract(entry: Entry, text: str) -> str:
    document = "\n".join(part for part in (entry.title, entry.body, entry.answers_text) if part)
    words = [w for w in text.replace('"', " ").split() if w and not w.startswith("-")]
    if not words:
        return document[:200]
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    match = pattern.search(document)
    start = max(0, match.start() - 80) if match else 0
    extract = document[start : start + 220]
    marked = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", extract)
    return ("…" if start else "") + marked + ("…" if start + 220 < len(document) else "")
