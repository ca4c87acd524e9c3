"""Your data in a real browser: take a copy, bring data in, and leave."""

import json
import zipfile

import pytest
from django.core import mail
from playwright.sync_api import expect

from apps.interviews.models import Application
from tests.conftest import PASSWORD
from tests.e2e.test_accounts import log_in
from tests.yourdata.conftest import fill_like_the_demo

pytestmark = pytest.mark.e2e


def confirm_it_is_me(page, assert_accessible):
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm it's you")
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()


def test_download_everything_and_import_it_again(page, live_server, alice, assert_accessible):
    fill_like_the_demo(alice)
    log_in(page, live_server, "alice@example.com")
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("navigation", name="Your account").get_by_role(
        "link", name="Your data"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data")
    assert_accessible(page)

    page.get_by_role("link", name="Download your data").click()
    confirm_it_is_me(page, assert_accessible)
    expect(page.get_by_role("heading", level=1)).to_have_text("Download your data")
    assert_accessible(page)
    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download the zip").click()
    download = downloading.value
    assert download.suggested_filename.startswith("rebound-export-")
    archive = zipfile.ZipFile(download.path())
    data = json.loads(archive.read("rebound.json"))
    assert len(data["interviews.application"]) == 12
    assert "strengths.md" in archive.namelist()

    # The same file, imported into the account it came from, adds nothing twice.
    page.goto(f"{live_server.url}/your-data/import/")
    assert_accessible(page)
    page.get_by_label("Your export").set_input_files(download.path())
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status")).to_contain_text("already in your account")
    assert Application.objects.for_user(alice).count() == 12


def test_deleting_the_account_ends_signed_out_with_an_email(
    page, live_server, alice, assert_accessible
):
    fill_like_the_demo(alice)
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/your-data/")
    page.get_by_role("link", name="Delete my account").click()
    confirm_it_is_me(page, assert_accessible)
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account")
    expect(page.get_by_role("link", name="Download your data")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("Type DELETE to confirm. Nothing has been deleted.")).to_be_visible()
    assert_accessible(page)
    assert Application.objects.for_user(alice).exists()

    page.get_by_label("To confirm, type DELETE").fill("DELETE")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account is deleted")
    assert_accessible(page)
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
    assert not Application.objects.exists()
    assert [email.to for email in mail.outbox] == [["alice@example.com"]]

    page.goto(f"{live_server.url}/your-data/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in to Rebound")


def write_tracker(tmp_path):
    tracker = tmp_path / "tracker.csv"
    tracker.write_text(
        "Company,Job Title,Status,Date Applied\n"
        "Northwind,Designer,Ghosted,04/03/2026\n"
        "Lumen,Researcher,Wishlist,13/02/2026\n"
    )
    return tracker


def read_the_file(page, live_server, tracker):
    page.goto(f"{live_server.url}/your-data/import/csv/")
    page.get_by_label("Your CSV file").set_input_files(tracker)
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your applications")


def test_the_csv_pages_are_accessible(page, live_server, alice, assert_accessible, tmp_path):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/your-data/import/csv/")
    assert_accessible(page)
    read_the_file(page, live_server, write_tracker(tmp_path))
    assert_accessible(page)


def test_applications_from_a_csv_file_without_javascript(
    browser, live_server, alice, viewport, tmp_path
):
    # axe needs JavaScript, so the pages' check is in the test above.
    context = browser.new_context(java_script_enabled=False, viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(8_000)
    log_in(page, live_server, "alice@example.com")
    read_the_file(page, live_server, write_tracker(tmp_path))
    expect(page.get_by_text("Line 3: “Wishlist” isn't a status we know.")).to_be_visible()
    page.get_by_label("“Wishlist”").select_option("applied")
    page.get_by_role("button", name="Update the preview").click()
    expect(page.get_by_text("2 applications ready to add.")).to_be_visible()
    page.get_by_role("button", name="Add 2 applications").click()

    expect(page.get_by_role("status")).to_contain_text("Added 2 applications.")
    added = Application.objects.for_user(alice).order_by("company")
    assert [(a.company, a.status) for a in added] == [
        ("Lumen", "applied"),
        ("Northwind", "no_response"),
    ]
    context.close()
