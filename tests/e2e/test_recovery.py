"""The recovery walk-through in Chromium: from "I got rejected" to the summary card."""

import re

import pytest
from playwright.sync_api import expect

from apps.rejections.models import Recovery
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.test_accounts import log_in
from tests.interviews.factories import make_application, make_interview, make_question
from tests.rejections.factories import make_recovery

pytestmark = pytest.mark.e2e


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_from_i_got_rejected_to_the_summary(page, live_server, alice, assert_accessible):
    application = make_application(alice, company="Lumen", role="Researcher", status="interviewing")
    make_question(make_interview(application), text="Design a diary study.", outcome="struggled")
    log_in(page, live_server, "alice@example.com")
    page.get_by_role("link", name=re.compile("^I got rejected")).click()
    heading(page, "You didn't get the job")
    assert_accessible(page)
    page.get_by_role("radio", name="Researcher at Lumen").check()
    page.get_by_role("button", name="Save and start").click()

    heading(page, "Let it land")
    expect(page.get_by_text("Step 1 of 8: Let it land · Part 1 of 3")).to_be_visible()
    assert_accessible(page)
    page.get_by_text("Disappointed", exact=True).click()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Part 2 of 3")).to_be_visible()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("button", name="Start breathing")).to_be_visible()  # the pause
    assert_accessible(page)
    page.get_by_role("button", name="Save and continue").click()

    heading(page, "A reality check")
    expect(page).to_have_url(re.compile(r"/step/2/$"))
    assert_accessible(page)
    page.get_by_role("checkbox", name=re.compile("^Fortune telling")).check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Part 2 of 2")).to_be_visible()
    page.get_by_label("What would you tell a friend who thought this?").fill(
        "One no is not every no."
    )
    page.get_by_role("button", name="Save and continue").click()

    heading(page, "Remember what you're good at")
    page.reload()  # reloading in the middle lands on the same step
    heading(page, "Remember what you're good at")
    page.go_back()  # and the back button returns to the screen before, as saved
    heading(page, "A reality check")
    expect(page.get_by_label("What would you tell a friend who thought this?")).to_have_value(
        "One no is not every no."
    )
    page.go_forward()
    heading(page, "Remember what you're good at")
    assert_accessible(page)
    page.get_by_label("A strength this interview showed").fill("Clear research plans")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Question 2 of 3")).to_be_visible()
    page.get_by_role("button", name="Skip the rest of this step").click()

    heading(page, "What you learned")
    expect(page.get_by_text("Question 1 of 6")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Skip this question").click()
    expect(page.get_by_text("Question 2 of 6")).to_be_visible()
    page.get_by_label("What would you do differently next time?").fill(
        "Ask about constraints first."
    )
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Question 3 of 6")).to_be_visible()
    page.get_by_role("button", name="Skip the rest of this step").click()

    heading(page, "Was it the right fit?")
    assert_accessible(page)
    page.get_by_role("button", name="Skip the rest of this step").click()

    heading(page, "Ask for feedback")
    assert_accessible(page)
    page.get_by_role("button", name="Draft a feedback request").click()
    expect(page.get_by_role("heading", name=re.compile("^Your draft to"))).to_be_visible()
    expect(page.get_by_text(re.compile("^Subject:"))).to_be_visible()  # the draft it made
    assert_accessible(page)
    page.get_by_role("button", name="Save and continue").click()

    heading(page, "Make a small plan")
    assert_accessible(page)
    page.get_by_label("Practise: Design a diary study.").check()
    page.get_by_role("button", name="Save and continue").click()

    heading(page, "Moving on")
    expect(page.get_by_text("Ask about constraints first.")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_mood_after").get_by_text("Okay").click()
    page.get_by_role("button", name="Finish").click()

    heading(page, "You worked through it")
    expect(page.get_by_text("Practise: Design a diary study.")).to_be_visible()
    assert_accessible(page)
    recovery = Recovery.objects.get()
    assert recovery.is_finished and recovery.steps_skipped == [5]
    assert recovery.feedback_request is not None


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
def test_two_steps_without_javascript(browser, viewport, live_server, alice):
    recovery = make_recovery(alice)
    context = browser.new_context(java_script_enabled=False, viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(8_000)
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{recovery.get_absolute_url()}")
    heading(page, "Let it land")
    page.get_by_label("Or in your own words").fill("Tired, mostly.")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Part 2 of 3")).to_be_visible()
    page.get_by_role("button", name="Skip the rest of this step").click()
    heading(page, "A reality check")
    page.get_by_label("None of these fit how I'm thinking").check()
    page.get_by_role("button", name="Save and continue").click()
    heading(page, "Remember what you're good at")
    recovery.refresh_from_db()
    assert recovery.feelings_in_own_words == "Tired, mostly." and recovery.no_trap_fits
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
def test_my_plan_ticks_off_in_place(page, live_server, alice, assert_accessible):
    make_recovery(alice).plan_items.create(owner=alice, title="Mock interview with Maya")
    log_in(page, live_server, "alice@example.com")
    page.get_by_role("link", name="See your whole plan").click()
    heading(page, "My plan")
    assert_accessible(page)
    item = page.get_by_role("button", name="Done: Mock interview with Maya")
    expect(item).to_have_attribute("aria-pressed", "false")
    item.click()
    expect(item).to_have_attribute("aria-pressed", "true")
    expect(page).to_have_url(re.compile("/plan/$"))
    assert_accessible(page)
