"""Paste the message, in Chromium at phone and desktop sizes: an invitation becomes a
logged round, a rejection keeps its message, and a shared text lands on the paste screen."""

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from apps.interviews.models import Interview
from apps.rejections.models import Rejection
from tests.capture.helpers import REJECTION, in_a_week, invitation
from tests.e2e.conftest import DESKTOP
from tests.e2e.test_accounts import log_in
from tests.e2e.test_nothing_lost import BROUGHT_BACK

pytestmark = pytest.mark.e2e


@pytest.fixture
def alice_in_london(alice):
    alice.time_zone = "Europe/London"
    alice.time_zone_confirmed = True
    alice.save()
    return alice


def read_it(page, text: str) -> None:
    page.get_by_label("The message").fill(text)
    page.get_by_role("button", name="Read it").click()


def test_a_pasted_invitation_becomes_a_logged_round(
    page, live_server, alice_in_london, assert_accessible
):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/interviews/log/")
    page.get_by_role("link", name="Paste the message instead").click()
    assert_accessible(page)
    moment = in_a_week()
    read_it(page, invitation(moment))

    expect(page.get_by_role("heading", level=1)).to_have_text("Log an interview")
    # Each filled field says, to the eye and to a screen reader, where its value came from.
    filled = "{} from the message"
    expect(page.get_by_label(filled.format("Company"))).to_have_value("Northwind")
    expect(page.get_by_label(filled.format("Role"))).to_have_value("Product Designer")
    expect(page.get_by_label(filled.format("When is it?"))).to_have_value(
        moment.strftime("%Y-%m-%dT%H:%M")
    )
    expect(page.locator("label[for=id_company] .from-message")).to_be_visible()
    assert not Interview.objects.exists()  # nothing saved until Save
    assert_accessible(page)

    page.get_by_role("button", name="Save interview").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Video round")
    interview = Interview.objects.get()
    assert (interview.application.company, interview.occurred_at) == ("Northwind", moment)
    assert interview.interviewers == "Priya Shah, Engineering Manager"


def test_a_pasted_rejection_fills_the_form_and_keeps_the_message(
    page, live_server, alice_in_london, assert_accessible
):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/recovery/new/")
    page.get_by_role("link", name="Paste the message instead").click()
    expect(page.get_by_label("They went with someone else")).to_be_checked()
    read_it(page, REJECTION)

    expect(page.get_by_role("heading", level=1)).to_have_text("You didn't get the job")
    message = page.get_by_role("textbox", name="Their message, if you want to keep it")
    expect(message).to_have_value(REJECTION)
    expect(page.get_by_role("textbox", name="Company from the message")).to_have_value("Northwind")
    assert_accessible(page)

    page.get_by_role("button", name="Save and start").click()
    expect(page.locator("#walkthrough")).to_be_visible()
    rejection = Rejection.objects.get()
    assert rejection.message.replace("\r\n", "\n") == REJECTION  # as the browser posts it
    assert rejection.application.company == "Northwind"


def test_a_shared_text_lands_on_the_paste_screen(
    page, live_server, alice_in_london, assert_accessible
):
    log_in(page, live_server, "alice@example.com")
    shared = {"title": "Interview at Northwind", "text": "Are you free tomorrow at 10:30?"}
    page.goto(f"{live_server.url}/capture/?{urlencode(shared)}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Paste the message")
    expect(page.get_by_label("The message")).to_have_value(
        "Interview at Northwind\n\nAre you free tomorrow at 10:30?"
    )
    assert_accessible(page)
    assert not Interview.objects.exists()


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
def test_the_paste_box_keeps_its_text_until_it_is_read(page, live_server, alice_in_london):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/capture/")
    box = page.get_by_label("The message")
    box.fill(REJECTION)
    page.on("dialog", lambda dialog: dialog.accept())  # leaving asks first
    page.get_by_role("link", name="Bad day?").click()
    expect(page).to_have_url(re.compile("/bad-day/$"))
    page.go_back()
    expect(page.get_by_role("status").filter(has_text=BROUGHT_BACK)).to_be_visible()
    expect(box).to_have_value(REJECTION)
    page.reload()
    expect(box).to_have_value(REJECTION)

    page.get_by_role("button", name="Read it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You didn't get the job")
    page.goto(f"{live_server.url}/capture/")  # read: the copy on the device is done with
    expect(page.get_by_label("The message")).to_have_value("")
    expect(page.get_by_role("status").filter(has_text=BROUGHT_BACK)).to_have_count(0)


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
def test_a_copy_on_offer_survives_leaving_without_choosing(page, live_server, alice_in_london):
    """Typed words, then a shared text opening the same box: the earlier words are offered,
    and leaving without choosing keeps them on offer for the next visit."""
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/capture/")
    page.get_by_label("The message").fill(REJECTION)
    page.on("dialog", lambda dialog: dialog.accept())  # leaving asks first
    offered = page.get_by_role("button", name="Put back what I typed")
    for _ in range(2):  # offered, left alone, then offered again
        page.goto(f"{live_server.url}/home/")
        page.goto(f"{live_server.url}/capture/?{urlencode({'text': 'Something else'})}")
        expect(offered).to_be_visible()
    offered.click()
    expect(page.get_by_label("The message")).to_have_value(REJECTION)
