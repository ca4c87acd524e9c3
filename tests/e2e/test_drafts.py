"""The copy of a form kept on this device (static/js/drafts.js): it stays until the server
has the words, goes back only into the form it was typed in, is never saved over newer
words, and is put back where the person can see it.

The pages people write on, and how they are sent, are in test_nothing_lost.py.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.interviews import forms as interview_forms
from apps.interviews.models import Interview
from apps.strengths.models import Achievement, Strength
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.test_accounts import log_in
from tests.e2e.test_nothing_lost import (
    BROUGHT_BACK,
    PAGES,
    PARAGRAPH,
    field,
    send,
    start_writing,
)
from tests.interviews.factories import make_application, make_interview

pytestmark = pytest.mark.e2e

NOT_SAVED = "may not have been saved"
CHANGED_SINCE = "this page has changed since"
PLAIN_FORMS = [p for p in PAGES if p.name != "log an interview" and "walk-through" not in p.name]


def fail_sends(page, failure: str) -> None:
    """Every POST fails: a bare error page no script of ours runs on (Django's debug page,
    a proxy's 502), or a connection dropped on the way (the browser's own error page)."""

    def answer(route):
        if route.request.method != "POST":
            route.continue_()
        elif failure == "server error":
            route.fulfill(status=500, content_type="text/html", body="<h1>Server Error (500)</h1>")
        else:
            route.abort("connectionreset")

    page.route("**/*", answer)


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
@pytest.mark.parametrize("failure", ["server error", "dropped connection"])
@pytest.mark.parametrize("writing", PLAIN_FORMS, ids=[p.name for p in PLAIN_FORMS])
def test_a_send_that_never_landed_keeps_every_word_and_says_so(
    page, live_server, alice, writing, failure, assert_accessible
):
    start_writing(page, live_server, alice, writing)
    address = page.url
    fail_sends(page, failure)
    send(page, writing)
    expect(field(page, writing)).to_have_count(0)  # an error page took the form's place
    page.unroute("**/*")

    page.goto(f"{live_server.url}/home/")  # on to something else, as a person would
    said = page.locator("#messages").filter(has_text=NOT_SAVED)
    expect(said).to_be_in_viewport()
    assert_accessible(page)
    assert not writing.saved()
    said.get_by_role("link", name="Go back to it").click()
    expect(field(page, writing)).to_have_value(PARAGRAPH)
    expect(page.get_by_role("status").filter(has_text=NOT_SAVED)).to_be_in_viewport()

    send(page, writing)
    expect(field(page, writing)).to_have_count(0)
    assert writing.saved()
    page.goto(address)  # saved now: nothing is brought back, and nothing more is said
    expect(field(page, writing)).to_have_value("")
    expect(page.get_by_text(NOT_SAVED)).to_have_count(0)


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_the_exercise_sent_when_time_is_up_keeps_the_list_through_a_failed_send(
    page, live_server, alice
):
    log_in(page, live_server, "alice@example.com")
    page.clock.install()
    page.goto(f"{live_server.url}/strengths/exercise/")
    page.get_by_role("button", name="Start the timer").click()
    box = page.get_by_label("Your strengths, one per line")
    box.fill("Good listener\nCalm in a crisis")
    fail_sends(page, "server error")
    page.clock.run_for("10:00")  # time is up: the list is sent by itself
    expect(page.get_by_role("heading", name="Server Error (500)")).to_be_visible()
    page.unroute("**/*")

    page.goto(f"{live_server.url}/home/")
    expect(page.locator("#messages").filter(has_text=NOT_SAVED)).to_be_in_viewport()
    page.goto(f"{live_server.url}/strengths/exercise/")
    expect(box).to_have_value("Good listener\nCalm in a crisis")
    assert not Strength.objects.exists()


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
def test_a_log_page_copy_comes_back_minutes_later_and_only_for_its_own_job(
    page, live_server, alice, monkeypatch
):
    northwind = make_application(alice, company="Northwind")
    contoso = make_application(alice, company="Contoso")
    opened_at = [timezone.localtime().replace(hour=10, minute=30, second=0, microsecond=0)]
    monkeypatch.setattr(interview_forms, "now_for_input", lambda: opened_at[0])
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/interviews/log/?application={northwind.pk}")
    page.locator("#id_stage").get_by_text("Technical").click()
    page.get_by_text("Looking back").click()
    page.get_by_label("What went well").fill(PARAGRAPH)
    page.on("dialog", lambda dialog: dialog.accept())

    page.goto(f"{live_server.url}/interviews/log/?application={contoso.pk}")
    expect(page.get_by_label("What went well")).to_have_value("")  # another job's page
    expect(page.get_by_text(BROUGHT_BACK)).to_have_count(0)

    opened_at[0] += datetime.timedelta(minutes=5)  # the form now opens with a later time
    page.goto(f"{live_server.url}/interviews/log/?application={northwind.pk}")
    expect(page.get_by_role("status").filter(has_text=BROUGHT_BACK)).to_be_visible()
    expect(page.get_by_label("What went well")).to_have_value(PARAGRAPH)
    page.get_by_role("button", name="Save interview").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Technical round")
    assert Interview.objects.get().application == northwind
    assert Interview.objects.get().went_well == PARAGRAPH


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
@pytest.mark.parametrize("where", ["the strengths page", "a round's page"])
def test_a_copy_put_back_in_a_closed_section_is_shown_open_and_in_view(
    page, live_server, alice, where, assert_accessible
):
    if where == "the strengths page":
        address, section, label = "/strengths/", "Add a strength", re.compile("^Evidence")
    else:
        interview = make_interview(make_application(alice))
        address, section, label = interview.get_absolute_url(), "Add a question", "Question"
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{address}")
    page.get_by_text(section, exact=True).click()
    page.get_by_label(label, exact=True).fill(PARAGRAPH)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{live_server.url}/home/")

    page.goto(f"{live_server.url}{address}")
    expect(page.get_by_role("status").filter(has_text=BROUGHT_BACK)).to_be_in_viewport()
    expect(page.get_by_label(label, exact=True)).to_be_visible()
    expect(page.get_by_label(label, exact=True)).to_have_value(PARAGRAPH)
    assert_accessible(page)


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_a_copy_typed_against_an_older_save_is_shown_beside_the_newer_one(page, live_server, alice):
    achievement = Achievement.objects.create(owner=alice, title="Shipped onboarding")
    url = f"{live_server.url}/strengths/achievements/{achievement.pk}/edit/"
    situation = re.compile("^Situation")
    log_in(page, live_server, "alice@example.com")
    page.goto(url)
    page.get_by_label(situation).fill(PARAGRAPH)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{live_server.url}/home/")  # not sent: the words stay on this device

    achievement.situation = "Saved from another device."
    achievement.save()
    page.goto(url)
    expect(page.get_by_role("status").filter(has_text=CHANGED_SINCE)).to_be_visible()
    expect(page.get_by_label(situation)).to_have_value("Saved from another device.")
    page.get_by_role("button", name="Put back what I typed").click()
    expect(page.get_by_label(situation)).to_have_value(PARAGRAPH)
    page.get_by_role("button", name="Save", exact=True).click()
    # Typed against the older save: refused, with the newer words beside it.
    expect(page.get_by_role("alert").filter(has_text="changed somewhere else")).to_be_visible()
    expect(page.get_by_text("Saved from another device.")).to_be_visible()
    achievement.refresh_from_db()
    assert achievement.situation == "Saved from another device."
