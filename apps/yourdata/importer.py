"""Bringing a Rebound export back: every row and every link, and each only once.

The file is checked before anything is written, and written in one transaction: a file
with a problem changes nothing. Each row created is recorded in ImportedRow with the id it
had in the file, so importing the same file again skips it, and links are rebuilt through
those records.
"""

import datetime
import json
import zipfile
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.dateparse import parse_date, parse_datetime

from apps.reminders.models import ReminderSettings
from apps.reminders.tasks import keep_sweeping

from .export import JSON_NAME, plain
from .models import ImportedRow
from .registry import EXPORTED, FORMAT, RESTORED_ACCOUNT_FIELDS, VERSION, Exported
from .streaming import CHUNK_ROWS

MAX_BYTES = 64 * 1024 * 1024  # the largest export we read, unpacked (a big account is ~15 MB)
PROBLEMS_SHOWN = 5
NOTHING_CHANGED = "Nothing was changed."


class ImportRefused(Exception):
    """The file can't be imported. The message says why, in words for the person; the
    details say where in the file."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


@dataclass
class ImportResult:
    added: dict[str, int] = field(default_factory=dict)  # plural label -> rows created
    already_here: int = 0

    @property
    def added_total(self) -> int:
        return sum(self.added.values())


# ---- Reading the file ---------------------------------------------------------------------


def read_export(upload) -> dict:
    """The JSON inside an upload: the zip Rebound made, or the rebound.json from inside it."""
    is_zip = upload.read(4) == b"PK\x03\x04"
    upload.seek(0)
    raw = _read_from_zip(upload) if is_zip else upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise ImportRefused(too_big())
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRefused(
            "This isn't a Rebound export we can read. Choose the zip that “Download your "
            "data” made, or the rebound.json file inside it."
        )
    return data


def _read_from_zip(upload) -> bytes:
    try:
        archive = zipfile.ZipFile(upload)
        info = archive.getinfo(JSON_NAME)
    except (zipfile.BadZipFile, KeyError):
        raise ImportRefused(
            "This zip has no rebound.json inside. Choose the zip that “Download your data” "
            "made, or the rebound.json file from it."
        ) from None
    if info.file_size > MAX_BYTES:
        raise ImportRefused(too_big())
    with archive.open(info) as member:
        return member.read(MAX_BYTES + 1)  # a zip can claim one size and hold another


def too_big() -> str:
    return f"This file is larger than the {MAX_BYTES // 1024 // 1024} MB Rebound can import."


def check_file_fits_account(user, data: dict) -> None:
    """A newer format, or another person's export, is refused before anything is read."""
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRefused("This file doesn't say which version of the export it is.")
    if version > VERSION:
        raise ImportRefused(
            f"This file was made by a newer version of Rebound (export version {version}). "
            f"This one reads version {VERSION}, so it can't import it yet. {NOTHING_CHANGED}"
        )
    account = data.get("account") if isinstance(data.get("account"), dict) else {}
    email = account.get("email") if isinstance(account.get("email"), str) else ""
    if email.casefold() not in _addresses(user):
        raise ImportRefused(
            f"This file is the export of another account ({email or 'no email address'}). "
            "You can import an export into the account it came from, or into a new "
            f"account with the same email address. {NOTHING_CHANGED}"
        )


def _addresses(user) -> set[str]:
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return {user.email.casefold(), *(address.casefold() for address in addresses)}


# ---- Writing the rows -----------------------------------------------------------------------


def import_export(user, data: dict) -> ImportResult:
    """Create every row in the file that isn't in the account yet. All or nothing."""
    check_file_fits_account(user, data)
    try:
        with transaction.atomic():
            return _import_rows(user, data)
    except IntegrityError:
        raise ImportRefused(
            "Some rows in this file clash with each other (for example, two walk-throughs "
            f"for one rejection), so it can't be imported. {NOTHING_CHANGED}"
        ) from None


def _import_rows(user, data: dict) -> ImportResult:
    same_account = _is_same_account(user, data["account"])
    result = ImportResult()
    ids_in_account: dict[str, dict[int, int]] = {}  # registry key -> file id -> row id
    for exported in EXPORTED:
        rows = data.get(exported.key, [])
        if not isinstance(rows, list):
            raise ImportRefused(
                f"The {exported.label_plural} in this file can't be read. {NOTHING_CHANGED}"
            )
        known = _rows_already_here(user, exported, same_account)
        taken = _one_of_a_kind_here(user, exported)
        new, problems = [], []
        seen: set[int] = set()
        for number, row in enumerate(rows, start=1):
            source_id = row.get("id") if isinstance(row, dict) else None
            where = f"{exported.label.capitalize()} {source_id}"
            if not _is_id(source_id) or source_id in seen:
                problems.append(
                    f"{exported.label.capitalize()} number {number} in the list has "
                    + ("an id used twice." if _is_id(source_id) else "no id.")
                )
                continue
            seen.add(source_id)
            if source_id in known or _kind_of(exported, row) in taken:
                result.already_here += 1
                continue
            try:
                new.append((source_id, *_build(user, exported, row, ids_in_account)))
            except ValidationError as error:
                problems += [f"{where}: {message}" for message in _messages(exported, error)]
            if len(problems) >= PROBLEMS_SHOWN:
                break
        if problems:
            raise ImportRefused(
                f"Some rows in this file can't be read, so it can't be imported. {NOTHING_CHANGED}",
                problems[:PROBLEMS_SHOWN],
            )
        _save(user, exported, new)
        known.update({source_id: row.pk for source_id, row, _ in new})
        ids_in_account[exported.key] = known
        if new:
            result.added[exported.label_plural] = len(new)
    _restore_profile(user, data["account"])
    if ReminderSettings.objects.for_user(user).turned_on().exists():
        # Reminders brought back on: make sure the worker's sweeps are running for them.
        transaction.on_commit(keep_sweeping)
    return result


def _one_of_a_kind_here(user, exported: Exported) -> set:
    """For a row a person has one of (per day, say): the kinds this account has already."""
    if exported.one_per is None:
        return set()
    rows = exported.model.objects.filter(owner=user)
    if not exported.one_per:  # one row per person
        return {()} if rows.exists() else set()
    return set(rows.values_list(*exported.one_per))


def _kind_of(exported: Exported, row: dict) -> tuple | None:
    """The row's one-of-a-kind columns, read as the database holds them."""
    if exported.one_per is None:
        return None
    try:
        return tuple(
            read_value(exported.model._meta.get_field(name), row.get(name))
            for name in exported.one_per
        )
    except ValidationError:
        return None  # unreadable: reported with the row's other problems


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_same_account(user, account: dict) -> bool:
    """The export of this very account: its ids are this account's own rows."""
    return account.get("id") == user.pk and account.get("date_joined") == plain(user.date_joined)


def _rows_already_here(user, exported: Exported, same_account: bool) -> dict[int, int]:
    own = exported.model.objects.filter(owner=user).values("pk")
    imported = ImportedRow.objects.filter(owner=user, model=exported.key)
    imported.exclude(row_id__in=own).delete()  # deleted since: a new import brings them back
    known = {pk: pk for pk in own.values_list("pk", flat=True)} if same_account else {}
    known.update(imported.values_list("source_id", "row_id"))
    return known


def _restore_profile(user, account: dict) -> None:
    """Your name and settings from the file (not the email: that is the account's own)."""
    values = {}
    for name in RESTORED_ACCOUNT_FIELDS:
        if name in account:
            column = user._meta.get_field(name)
            try:
                values[name] = column.clean(read_value(column, account[name]), user)
            except ValidationError as error:
                raise ImportRefused(
                    f"Your settings in this file can't be read. {NOTHING_CHANGED}",
                    [f"{column.verbose_name.capitalize()}: {' '.join(error.messages)}"],
                ) from None
    if "time_zone" in values:
        values["time_zone_confirmed"] = True
    for name, value in values.items():
        setattr(user, name, value)
    if values:
        user.save(update_fields=list(values))


def _build(user, exported: Exported, row: dict, ids_in_account: dict) -> tuple:
    """An unsaved row from the file's record, its links pointing at this account's rows,
    and its many-to-many links to add once it is saved."""
    obj = exported.model(owner=user)
    errors: dict[str, list] = {}
    for field_ in exported.fields:
        if field_.name in row:
            try:
                setattr(obj, field_.attname, read_value(field_, row[field_.name]))
            except ValidationError as error:
                errors[field_.name] = error.messages
    for name, target in exported.links.items():
        link = exported.model._meta.get_field(name)
        row_id = ids_in_account.get(target, {}).get(row.get(name))
        if row_id is None and row.get(name) is not None and not link.null:
            errors[name] = [f"it links to {row.get(name)}, which isn't in the file."]
        # A link to a row deleted while the export ran clears, as deleting it here would.
        setattr(obj, link.attname, row_id)
    many = {}
    for name, target in exported.many.items():
        ids = row.get(name, [])
        if not isinstance(ids, list):
            errors[name] = ["this should be a list of ids."]
            continue
        in_account = ids_in_account.get(target, {})
        many[name] = [in_account[i] for i in ids if _is_id(i) and i in in_account]
    try:
        # Links are checked above, against this account's rows only; the owner is you.
        obj.clean_fields(exclude=["owner", *exported.links])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, messages)
    if errors:
        raise ValidationError(errors)
    return obj, many


def _messages(exported: Exported, error: ValidationError) -> list[str]:
    fields = exported.model._meta
    return [
        f"{fields.get_field(name).verbose_name}: {' '.join(messages)}"
        for name, messages in error.message_dict.items()
    ]


def _save(user, exported: Exported, new: list) -> None:
    rows = [row for _, row, _ in new]
    if not rows:
        return
    # bulk_create stamps created/updated with now; the file's own times are put back after.
    stamped = [
        f.name
        for f in exported.fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    stamps = [[getattr(row, name) for name in stamped] for row in rows]
    exported.model.objects.bulk_create(rows, batch_size=CHUNK_ROWS)
    if stamped:
        for row, values in zip(rows, stamps, strict=True):
            for name, value in zip(stamped, values, strict=True):
                if value is not None:
                    setattr(row, name, value)
        exported.model.objects.bulk_update(rows, stamped, batch_size=CHUNK_ROWS)
    ImportedRow.objects.bulk_create(
        [
            ImportedRow(owner=user, model=exported.key, source_id=source_id, row_id=row.pk)
            for source_id, row, _ in new
        ],
        batch_size=CHUNK_ROWS,
    )
    for name in exported.many:
        relation = exported.model._meta.get_field(name)
        through = relation.remote_field.through
        source = through._meta.get_field(relation.m2m_field_name()).attname
        target = through._meta.get_field(relation.m2m_reverse_field_name()).attname
        through.objects.bulk_create(
            [
                through(**{source: row.pk, target: target_id})
                for _, row, many in new
                for target_id in dict.fromkeys(many[name])
            ],
            batch_size=CHUNK_ROWS,
        )


# ---- One value ------------------------------------------------------------------------------


def read_value(field_: models.Field, raw):
    """A value from the file, of the kind the column holds, or a ValidationError."""
    if raw is None:
        if field_.null:
            return None
        raise ValidationError("it is empty, and can't be.")
    if isinstance(field_, models.JSONField):
        default = field_.get_default()
        if default is not None and not isinstance(raw, type(default)):
            raise ValidationError(f"this should be a {type(default).__name__}.")
        return raw
    if isinstance(field_, models.BooleanField):
        if not isinstance(raw, bool):
            raise ValidationError("this should be true or false.")
        return raw
    if isinstance(field_, models.IntegerField):
        if not _is_id(raw):
            raise ValidationError("this should be a whole number.")
        return raw
    if isinstance(field_, models.DateTimeField):
        moment = _parsed(parse_datetime, raw)
        return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
    if isinstance(field_, models.DateField):
        return _parsed(parse_date, raw)
    if isinstance(field_, models.CharField | models.TextField):
        if not isinstance(raw, str):
            raise ValidationError("this should be text.")
        if "\x00" in raw:
            raise ValidationError("this has a NUL character in it, which can't be stored.")
        return raw
    # A kind of column this importer has never met: say so rather than guess.
    raise ValidationError(f"this version of Rebound can't read {type(field_).__name__} values.")


def _parsed(parse, raw):
    try:
        value = parse(raw) if isinstance(raw, str) else None
    except ValueError:
        value = None
    if value is None:
        raise ValidationError("this isn't a date Rebound can read.")
    return value
