"""Download your data: one zip, everything in it, streamed, behind the password."""

import csv
import io
import json

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.interviews.models import Application, Interview
from apps.journal.models import Entry
from apps.yourdata.readable import safe_cell
from apps.yourdata.registry import EXPORTED, VERSION
from tests.conftest import make_person
from tests.interviews.factories import make_application
from tests.journal.factories import make_entry
from tests.yourdata.conftest import confirm_password, download, fill_like_the_demo

# ---- The password first ---------------------------------------------------------------------


def test_the_export_page_asks_for_the_password_first(alice_client):
    response = alice_client.get(reverse("yourdata:export"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    page = alice_client.get(response.url)
    assert "Confirm it's you" in page.text

    confirm_password(alice_client)
    response = alice_client.get(reverse("yourdata:export"))
    assert response.status_code == 200
    assert "Download the zip" in response.text


def test_the_download_without_the_password_comes_back_to_the_export_page(alice_client):
    """Not straight to the file: that would leave the person looking at the password form."""
    response = alice_client.get(reverse("yourdata:download"))
    assert response.status_code == 302
    assert response.url == reverse("account_reauthenticate") + "?next=%2Fyour-data%2Fexport%2F"
    response = alice_client.post(response.url, {"password": "a calm correct horse"})
    assert response.url == reverse("yourdata:export")


def test_a_wrong_password_downloads_nothing(alice_client):
    response = alice_client.post(reverse("account_reauthenticate"), {"password": "not it"})
    assert response.status_code == 200
    assert alice_client.get(reverse("yourdata:download")).status_code == 302


@pytest.mark.django_db
def test_someone_signed_out_is_sent_to_log_in(client):
    for name in ("yourdata:index", "yourdata:export", "yourdata:download"):
        response = client.get(reverse(name))
        assert response.url.startswith(reverse("account_login")), name


# ---- What is in it --------------------------------------------------------------------------


def test_the_download_streams_a_dated_zip(confirmed_client, lived_in):
    response = confirmed_client.get(reverse("yourdata:download"))
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="rebound-export-')
    assert "no-store" in response["Cache-Control"]
    b"".join(response.streaming_content)


def test_the_json_holds_every_row_with_a_version_and_no_secrets(confirmed_client, lived_in):
    archive = download(confirmed_client)
    data = json.loads(archive.read("rebound.json"))
    assert data["format"] == "rebound-export"
    assert data["version"] == VERSION
    assert data["account"]["email"] == "alice@example.com"
    assert data["account"]["display_name"] == "Alice"
    for exported in EXPORTED:
        rows = exported.model.objects.filter(owner=lived_in)
        assert len(data[exported.key]) == rows.count() > 0, exported.key
        assert {row["id"] for row in data[exported.key]} == set(rows.values_list("pk", flat=True))
    text = archive.read("rebound.json").decode()
    assert "password" not in text
    assert lived_in.password not in text


def test_links_are_written_as_the_linked_rows_id(confirmed_client, lived_in):
    data = json.loads(download(confirmed_client).read("rebound.json"))
    round_ = data["interviews.interview"][0]
    assert round_["application"] in {row["id"] for row in data["interviews.application"]}
    shown = [row["strengths"] for row in data["strengths.achievement"] if row["strengths"]]
    assert shown
    assert data["schema"]["interviews.interview"]["links"] == {
        "application": "interviews.application"
    }


def test_another_persons_rows_are_not_in_it(confirmed_client, alice, bob):
    make_application(alice, company="Mine")
    make_application(bob, company="Bob's secret employer")
    make_entry(bob, body="Bob's private words")
    archive = download(confirmed_client)
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Mine" in everything
    assert b"Bob" not in everything


def test_each_journal_entry_is_a_markdown_file_with_front_matter(confirmed_client, alice):
    make_entry(
        alice,
        guide="learned",
        answers=["Ask about constraints first."],
        tags=["final round", "practice"],
        mood_before=2,
        mood_after=4,
        body="Slow *down*.",
        title="After the panel",
    )
    archive = download(confirmed_client)
    [name] = [name for name in archive.namelist() if name.startswith("journal/")]
    assert name.endswith("-after-the-panel-" + str(Entry.objects.get().pk) + ".md")
    text = archive.read(name).decode()
    front, body = text.split("---\n", 2)[1:]
    assert 'guide: "What I learned"' in front
    assert "mood_before: 2  # Low" in front
    assert "mood_after: 4  # Good" in front
    assert 'tags: ["final round", "practice"]' in front
    assert "date: " in front
    assert "Ask about constraints first." in body
    assert "Slow *down*." in body


def test_each_application_is_a_markdown_file_with_its_rounds_and_questions(
    confirmed_client, lived_in
):
    archive = download(confirmed_client)
    application = Application.objects.for_user(lived_in).get(company="Harbour & Finch")
    [name] = [
        n
        for n in archive.namelist()
        if n.startswith("applications/") and n.endswith(f"-{application.pk}.md")
    ]
    text = archive.read(name).decode()
    assert 'company: "Harbour & Finch"' in text
    assert 'status: "Not selected"' in text
    for round_ in application.interviews.all():
        assert f"### {round_.get_stage_display()}, " in text
        for question in round_.questions.all():
            assert question.text in text


def test_the_strengths_page_is_one_file(confirmed_client, lived_in):
    text = download(confirmed_client).read("strengths.md").decode()
    assert text.startswith("# Your strengths")
    for heading in ("## Strengths", "## Achievements", "## Great answers", "## People in your"):
        assert heading in text
    assert "Shows: Curious about users, Explaining complex things simply" in text
    assert "Maya" in text


def test_csv_files_for_spreadsheets(confirmed_client, lived_in):
    archive = download(confirmed_client)
    applications = list(
        csv.DictReader(io.StringIO(archive.read("applications.csv").decode("utf-8-sig")))
    )
    assert len(applications) == 12
    assert {row["Status"] for row in applications} >= {"Not selected", "Offer"}
    rounds = list(csv.DictReader(io.StringIO(archive.read("rounds.csv").decode("utf-8-sig"))))
    assert len(rounds) == Interview.objects.for_user(lived_in).count()
    assert rounds[0]["Company"]


@pytest.mark.parametrize(
    "typed", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]
)
def test_a_cell_that_a_spreadsheet_would_run_is_kept_as_text(typed, confirmed_client, alice):
    make_application(alice, company=typed, role="Designer")
    archive = download(confirmed_client)
    rows = list(csv.reader(io.StringIO(archive.read("applications.csv").decode("utf-8-sig"))))
    assert rows[1][1] == "'" + typed
    assert rows[1][2] == "Designer"


def test_safe_cell_leaves_ordinary_values_alone():
    assert safe_cell("Northwind") == "Northwind"
    assert safe_cell("2026-03-04") == "2026-03-04"
    assert safe_cell(4) == 4
    assert safe_cell(None) == ""
    assert safe_cell(True) == "yes"


# ---- Bounded, at any size -------------------------------------------------------------------


def export_query_count(client) -> int:
    confirm_password(client)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("yourdata:download"))
        size = len(b"".join(response.streaming_content))
    assert size > 10_000
    return len(captured)


def test_the_export_costs_the_same_queries_for_a_small_and_a_large_account(alice, client):
    large = make_person("large@example.com", "Large")
    fill_like_the_demo(alice, "small")
    fill_like_the_demo(large, "large")
    client.force_login(alice)
    small_count = export_query_count(client)
    client.force_login(large)
    large_count = export_query_count(client)
    assert Application.objects.for_user(large).count() == 300
    assert small_count == large_count
    assert large_count <= 30
