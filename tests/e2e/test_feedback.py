"""Asking for feedback in Chromium: draft from a template, copy, open in mail, track."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from apps.feedback.models import FeedbackRequest
from tests.e2e.conftest import DESKTOP
from tests.e2e.test_accounts import log_in
from tests.interviews.factories import make_application, make_interview

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True),
]


def test_draft_copy_send_and_record_a_reply(page, context, live_server, alice, assert_accessible):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    application = make_application(alice, company="Lumen", role="Researcher", status="rejected")
    make_interview(application, stage="final", interviewers="Priya Shah, research lead")
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{application.get_absolute_url()}")
    page.get_by_role("link", name="Ask for feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for feedback")
    assert_accessible(page)

    page.get_by_role("radio", name=re.compile("^Three specific questions")).check()
    message = page.get_by_label("Message")
    expect(message).to_have_value(re.compile(r"^Dear Priya Shah,"))
    expect(message).to_have_value(re.compile("Researcher role at Lumen"))
    page.get_by_label("Their email").fill("priya@example.com")
    message.press("Control+End")
    message.press_sequentially(" Thanks!")
    page.get_by_role("button", name="Save the draft").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Feedback from Lumen")
    assert_accessible(page)
    feedback = FeedbackRequest.objects.get()

    page.get_by_role("button", name="Copy the message").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == feedback.message

    href = page.get_by_role("link", name="Open in your email app").get_attribute("href")
    parts = urlsplit(href)
    assert unquote(parts.path) == "priya@example.com"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Feedback on my interview for the Researcher role"]
    assert query["body"] == [feedback.message]

    page.get_by_role("button", name="Mark as sent").click()
    expect(page.get_by_text("Waiting for a reply")).to_be_visible()
    page.get_by_label("Their reply").fill("We needed more leadership experience.")
    page.get_by_label("Your takeaways").fill("Tell leadership stories\nAsk about team size early")
    assert_accessible(page)
    page.get_by_role("button", name="Save the reply").click()
    expect(page.get_by_role("listitem").filter(has_text="Tell leadership stories")).to_be_visible()
    feedback.refresh_from_db()
    assert feedback.status == "replied"
    assert feedback.takeaway_list == ["Tell leadership stories", "Ask about team size early"]

    page.get_by_role("link", name="Feedback requests").click()
    expect(page.get_by_role("heading", name="Replied")).to_be_visible()
    assert_accessible(page)


def test_a_template_first_then_the_details_fill_the_gaps(page, live_server, alice):
    alice.display_name = "Alice Moreau"
    alice.save()
    application = make_application(alice, company="Lumen", role="Researcher")
    make_interview(application, stage="final")
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/feedback/new/")
    page.get_by_role("radio", name=re.compile("^A thank-you")).check()
    message = page.get_by_label("Message")
    expect(message).to_have_value(re.compile(r"^Dear \[their name\],"))

    page.get_by_role("radio", name="Researcher at Lumen").check()
    page.get_by_label(re.compile("^Who you're asking")).fill("Priya Shah")
    page.get_by_label(re.compile("^Who you're asking")).blur()
    expect(message).to_have_value(re.compile(r"^Dear Priya Shah,"))  # in place, as typed
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Feedback from Lumen")
    saved = FeedbackRequest.objects.get().message
    assert "[" not in saved and "Researcher role" in saved and "Alice Moreau" in saved

    page.get_by_role("button", name="Mark as sent").click()  # nothing left to fill: no question
    expect(page.get_by_text(re.compile("^Sent on"))).to_be_visible()
