"""Import a Rebound export: every row and link comes back, once, into the right account."""

import html
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.interviews.models import Application, Interview
from apps.journal.models import Entry
from apps.yourdata.models import ImportedRow
from apps.yourdata.registry import EXPORTED, RESTORED_ACCOUNT_FIELDS
from tests.conftest import make_person
from tests.interviews.factories import make_application, make_interview
from tests.yourdata.conftest import download


def snapshot(user) -> dict:
    """Every row the person owns, every column, read straight from the tables."""
    rows = {}
    for exported in EXPORTED:
        found = exported.model.objects.filter(owner=user).values()
        rows[exported.key] = {row.pop("id"): row for row in found}
        for row in rows[exported.key].values():
            del row["owner_id"]
            row.update({name: set() for name in exported.many})
        for name in exported.many:
            relation = exported.model._meta.get_field(name)
            pairs = relation.remote_field.through.objects.filter(
                **{f"{relation.m2m_field_name()}__owner": user}
            ).values_list(relation.m2m_field_name(), relation.m2m_reverse_field_name())
            for source, target in pairs:
                rows[exported.key][source][name].add(target)
    return rows


def as_in_file(user, rows: dict) -> dict:
    """The imported rows with their ids, and their links, put back to the file's ids."""
    to_file = {
        key: dict(
            ImportedRow.objects.filter(owner=user, model=key).values_list("row_id", "source_id")
        )
        for key in rows
    }
    translated = {}
    for exported in EXPORTED:
        translated[exported.key] = {}
        for pk, row in rows[exported.key].items():
            row = dict(row)
            for name, target in exported.links.items():
                attname = exported.model._meta.get_field(name).attname
                if row[attname] is not None:
                    row[attname] = to_file[target][row[attname]]
            for name, target in exported.many.items():
                row[name] = {to_file[target][i] for i in row[name]}
            translated[exported.key][to_file[exported.key][pk]] = row
    return translated


def upload(data: bytes, name: str = "rebound-export.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")


def import_file(client, data: bytes, name: str = "rebound-export.zip"):
    return client.post(reverse("yourdata:import"), {"file": upload(data, name)})


def zip_bytes(archive: zipfile.ZipFile) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as copy:
        for name in archive.namelist():
            copy.writestr(name, archive.read(name))
    return buffer.getvalue()


@pytest.fixture
def alices_export(confirmed_client, lived_in) -> bytes:
    return zip_bytes(download(confirmed_client))


def start_again(client, alice):
    """Alice deletes her account, then signs up again with the same address."""
    alice.delete()
    again = make_person("alice@example.com", "")
    client.force_login(again)
    return again


# ---- Round trip ------------------------------------------------------------------------------


def test_every_row_field_and_link_comes_back_in_a_fresh_account(client, lived_in, alices_export):
    before = snapshot(lived_in)
    profile = {name: getattr(lived_in, name) for name in RESTORED_ACCOUNT_FIELDS}
    again = start_again(client, lived_in)

    response = import_file(client, alices_export)
    assert response.status_code == 302
    assert response.url == reverse("yourdata:index")
    after = as_in_file(again, snapshot(again))
    for exported in EXPORTED:
        assert after[exported.key] == before[exported.key], exported.key
    again.refresh_from_db()
    assert {name: getattr(again, name) for name in RESTORED_ACCOUNT_FIELDS} == profile
    message = client.get(reverse("yourdata:index")).text
    assert "Imported 12 applications" in message


def test_importing_the_same_file_twice_adds_nothing_twice(client, lived_in, alices_export):
    counts = {e.key: e.model.objects.filter(owner=lived_in).count() for e in EXPORTED}
    again = start_again(client, lived_in)
    import_file(client, alices_export)
    response = import_file(client, alices_export)
    assert response.status_code == 302
    assert {e.key: e.model.objects.filter(owner=again).count() for e in EXPORTED} == counts
    page = client.get(reverse("yourdata:index")).text
    assert "Everything in this file is already in your account" in page


def test_settings_the_account_already_has_are_kept_not_clashed_with(
    client, lived_in, alices_export
):
    from apps.reminders.models import Frequency, ReminderSettings
    from apps.reminders.services import save_reminder_settings

    again = start_again(client, lived_in)
    save_reminder_settings(ReminderSettings(owner=again, frequency=Frequency.DAILY, send_hour=7))
    response = import_file(client, alices_export)
    assert response.status_code == 302  # imported, not refused as a clash
    assert Application.objects.filter(owner=again).count() == 12
    kept = ReminderSettings.objects.get(owner=again)
    assert (kept.frequency, kept.send_hour) == (Frequency.DAILY, 7)  # the account's own


def test_a_row_deleted_after_importing_comes_back_on_the_next_import(
    client, lived_in, alices_export
):
    again = start_again(client, lived_in)
    import_file(client, alices_export)
    application = Application.objects.for_user(again).get(company="Harbour & Finch")
    rounds = application.interviews.count()
    application.delete()
    import_file(client, alices_export)
    back = Application.objects.for_user(again).get(company="Harbour & Finch")
    assert back.interviews.count() == rounds
    assert Application.objects.for_user(again).count() == 12


def test_the_account_that_made_the_file_gets_no_duplicates(confirmed_client, lived_in):
    """Its own export's ids are its own rows: only rows deleted since come back."""
    exported = zip_bytes(download(confirmed_client))
    counts = {e.key: e.model.objects.filter(owner=lived_in).count() for e in EXPORTED}
    Entry.objects.for_user(lived_in).filter(pk=Entry.objects.for_user(lived_in).first().pk).delete()
    response = import_file(confirmed_client, exported)
    assert response.status_code == 302
    assert {e.key: e.model.objects.filter(owner=lived_in).count() for e in EXPORTED} == counts


def test_rebound_json_on_its_own_imports_too(client, lived_in, confirmed_client):
    raw = download(confirmed_client).read("rebound.json")
    again = start_again(client, lived_in)
    response = import_file(client, raw, "rebound.json")
    assert response.status_code == 302
    assert Application.objects.for_user(again).count() == 12


def test_imported_rows_belong_to_the_importer_and_link_only_to_their_rows(
    client, lived_in, alices_export, bob
):
    bobs = make_interview(make_application(bob))
    again = start_again(client, lived_in)
    import_file(client, alices_export)
    for round_ in Interview.objects.filter(owner=again):
        assert round_.application.owner == again
    assert Interview.objects.filter(owner=bob).get() == bobs


# ---- Files that can't be imported ------------------------------------------------------------


def changed_json(archive_bytes: bytes, change) -> bytes:
    data = json.loads(zipfile.ZipFile(io.BytesIO(archive_bytes)).read("rebound.json"))
    change(data)
    return json.dumps(data).encode()


def assert_refused(response, *words):
    assert response.status_code == 422
    field = html.unescape(response.text.split('name="file"')[0].rsplit('class="field', 1)[1])
    for word in words:
        assert word in field, response.text
    assert 'aria-invalid="true"' in response.text


def test_a_file_from_another_account_says_so_beside_the_field(client, lived_in, alices_export, bob):
    client.force_login(bob)
    response = import_file(client, alices_export)
    assert_refused(response, "This file is the export of another account (alice@example.com)")
    assert not Application.objects.for_user(bob).exists()


def test_a_file_from_a_newer_rebound_says_so(client, lived_in, alices_export):
    newer = changed_json(alices_export, lambda data: data.update(version=2))
    again = start_again(client, lived_in)
    response = import_file(client, newer, "rebound.json")
    assert_refused(response, "newer version of Rebound", "Nothing was changed.")
    assert not Application.objects.for_user(again).exists()


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (b"", "empty.zip", "This file is empty."),
        (b"not json at all", "rebound.json", "isn't a Rebound export"),
        (b'{"format": "something else"}', "rebound.json", "isn't a Rebound export"),
        (b"PK\x03\x04 broken zip", "rebound.zip", "no rebound.json inside"),
        (b"[1, 2, 3]", "rebound.json", "isn't a Rebound export"),
        ('{"format": "rebound-export", "version": "\u0663"}'.encode(), "r.json", "which version"),
    ],
)
def test_files_that_are_not_an_export_get_a_message(alice_client, content, name, words):
    assert_refused(import_file(alice_client, content, name), words)


def test_a_zip_without_the_json_inside(alice_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert_refused(import_file(alice_client, buffer.getvalue()), "no rebound.json inside")


def test_a_bad_row_is_named_and_nothing_is_written(client, lived_in, alices_export):
    def break_last_entry(data):
        data["journal.entry"][-1]["mood_before"] = 9
        data["journal.entry"][-2]["written_on"] = "the day after"

    broken = changed_json(alices_export, break_last_entry)
    again = start_again(client, lived_in)
    response = import_file(client, broken, "rebound.json")
    assert_refused(response, "can't be read", "Entry ", "mood before", "written on")
    # Applications come before entries in the file, and still nothing was kept.
    assert not Application.objects.for_user(again).exists()
    assert not ImportedRow.objects.exists()


@pytest.mark.parametrize(
    "value",
    ["a\x00b", 12, ["a list"], "x" * 201],
)
def test_odd_values_are_problems_not_errors(client, lived_in, alices_export, value):
    broken = changed_json(
        alices_export, lambda data: data["interviews.application"][0].update(company=value)
    )
    start_again(client, lived_in)
    assert_refused(import_file(client, broken, "rebound.json"), "company")


def test_a_required_link_to_a_missing_row_is_a_problem(client, lived_in, alices_export):
    broken = changed_json(
        alices_export, lambda data: data["interviews.interview"][0].update(application=999_999)
    )
    start_again(client, lived_in)
    assert_refused(import_file(client, broken, "rebound.json"), "999999")


def test_an_optional_link_to_a_missing_row_is_left_empty(client, lived_in, alices_export):
    """As if the row was deleted while the export ran: the link clears, as it would here."""
    changed = changed_json(
        alices_export, lambda data: data["journal.entry"][0].update(application=999_999)
    )
    again = start_again(client, lived_in)
    assert import_file(client, changed, "rebound.json").status_code == 302
    assert Entry.objects.for_user(again).filter(application=None).exists()


def test_rows_that_clash_are_refused_whole(client, lived_in, alices_export):
    def two_walkthroughs_for_one_rejection(data):
        first, second = data["rejections.recovery"][:2]
        second["rejection"] = first["rejection"]

    broken = changed_json(alices_export, two_walkthroughs_for_one_rejection)
    again = start_again(client, lived_in)
    assert_refused(import_file(client, broken, "rebound.json"), "clash")
    assert not Application.objects.for_user(again).exists()


def test_a_huge_zip_member_is_refused_without_reading_it_all(alice_client, monkeypatch):
    monkeypatch.setattr("apps.yourdata.importer.MAX_BYTES", 1000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("rebound.json", '{"format": "rebound-export"' + " " * 5000 + "}")
    assert_refused(import_file(alice_client, buffer.getvalue()), "larger than")


@pytest.mark.django_db
def test_import_needs_a_login(client):
    assert client.get(reverse("yourdata:import")).url.startswith(reverse("account_login"))
