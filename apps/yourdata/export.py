"""Everything a person owns, as one zip: the full record as JSON, and the same things in
forms people can read (Markdown) and open in a spreadsheet (CSV)."""

import datetime
import json
from collections.abc import Iterator

from django.utils import timezone

from . import readable
from .registry import ACCOUNT_FIELDS, EXPORTED, FORMAT, VERSION, Exported, schema
from .streaming import CHUNK_ROWS, Grouped, stream_zip

JSON_NAME = "rebound.json"

README = """\
Your Rebound data, exported on {date}.

rebound.json      Everything, with every field. Rebound can import this file into an
                  account with the same email address: Settings, Your data, Import.
journal/          One Markdown file for each journal entry.
applications/     One Markdown file for each application, with its rounds and questions.
strengths.md      Your strengths page: strengths, achievements, great answers, people.
applications.csv  Your applications, for a spreadsheet.
rounds.csv        Your interview rounds, for a spreadsheet.

This is private: it holds everything you wrote in Rebound. Keep it somewhere safe.
"""


def export_filename(today: datetime.date) -> str:
    return f"rebound-export-{today.isoformat()}.zip"


def export_chunks(user) -> Iterator[bytes]:
    """The zip, a piece at a time, for a streaming response. Dates in the readable files
    are in the person's time zone, as the request has it now."""
    return stream_zip(_files(user, timezone.get_current_timezone(), timezone.localdate()))


def _files(user, zone, today: datetime.date) -> Iterator[tuple[str, Iterator[str]]]:
    # A generator all the way down: each file's rows are read only when its turn comes.
    yield "README.txt", iter([README.format(date=today.isoformat())])
    yield JSON_NAME, json_pieces(user)
    yield from readable.entry_files(user, zone)
    yield from readable.application_files(user, zone)
    yield "strengths.md", readable.strengths_page(user)
    yield "applications.csv", readable.applications_csv(user)
    yield "rounds.csv", readable.rounds_csv(user, zone)


# ---- The JSON file ------------------------------------------------------------------------


def plain(value):
    """A value as JSON holds it: dates and times as ISO 8601 text (times in UTC)."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def account_record(user) -> dict:
    return {
        "id": user.pk,
        **{name: plain(getattr(user, name)) for name in ACCOUNT_FIELDS},
        "date_joined": plain(user.date_joined),
    }


def json_pieces(user) -> Iterator[str]:
    """rebound.json, written row by row: a header, then one list per model."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": plain(timezone.now()),
        "account": account_record(user),
        "schema": schema(),
    }
    yield json.dumps(header, ensure_ascii=False, indent=1)[:-2]  # leave the object open
    for exported in EXPORTED:
        yield f",\n {json.dumps(exported.key)}: ["
        for number, row in enumerate(export_rows(exported, user)):
            yield ("\n  " if number == 0 else ",\n  ") + json.dumps(row, ensure_ascii=False)
        yield "\n ]"
    yield "\n}\n"


def export_rows(exported: Exported, user) -> Iterator[dict]:
    """One model's rows as plain dicts: "id", every field, links as the linked row's id."""
    names = [field.name for field in exported.fields] + list(exported.links)
    rows = (
        exported.model.objects.filter(owner=user)
        .order_by("pk")
        .values("id", *names)
        .iterator(chunk_size=CHUNK_ROWS)
    )
    many = {name: _many_ids(exported, name, user) for name in exported.many}
    for row in rows:
        record = {name: plain(value) for name, value in row.items()}
        for name, ids in many.items():
            record[name] = [target for _, target in ids.take(row["id"])]
        yield record


def _many_ids(exported: Exported, name: str, user) -> Grouped:
    """A many-to-many field's pairs in row order, read beside the rows themselves."""
    field = exported.model._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    pairs = (
        through.objects.filter(**{f"{source}__owner": user})
        .order_by(source, target)
        .values_list(source, target)
        .iterator(chunk_size=CHUNK_ROWS)
    )
    return Grouped(pairs, key=lambda pair: pair[0])
