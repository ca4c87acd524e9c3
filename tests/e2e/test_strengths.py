"""Strengths and the bad-day page in Chromium: the third moment Rebound exists for."""

import re

import pytest
from playwright.sync_api import expect

from apps.interviews import demo_data as interviews_demo
from apps.journal import demo_data as journal_demo
from apps.strengths import demo_data as strengths_demo
from apps.strengths.models import Strength
from tests.e2e.conftest import DESKTOP
from tests.e2e.test_accounts import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True),
]


@pytest.fixture
def lived_in(alice):
    for module in (interviews_demo, journal_demo, strengths_demo):
        module.seed(alice, size="small")
    return alice


def test_one_click_from_home_and_from_the_journal(page, live_server, lived_in, assert_accessible):
    log_in(page, live_server, "alice@example.com")
    page.get_by_role("link", name="Bad day?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("It's okay to have a hard day")
    assert_accessible(page)

    page.get_by_role("link", name="Journal", exact=True).click()
    page.get_by_role("link", name="Bad day?").click()
    expect(page).to_have_url(re.compile("/bad-day/$"))

    spotlight = page.locator(".spotlight__name")
    wins = page.locator(".wins")
    first, first_wins = spotlight.inner_text(), wins.inner_text()
    page.get_by_role("link", name="Show me others").click()
    expect(spotlight).not_to_have_text(first)
    expect(wins).not_to_have_text(first_wins)  # the achievements change too
    expect(spotlight).to_be_focused()  # focus stays with what changed, not the page body
    expect(page).to_have_url(re.compile("/bad-day/$"))  # swapped in place
    assert_accessible(page)


def test_the_print_view_fits_one_page(page, live_server, lived_in):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/bad-day/")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_breathing_with_reduced_motion(page, live_server, alice, assert_accessible):
    page.emulate_media(reduced_motion="reduce")
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/bad-day/")
    assert_accessible(page)  # the empty page, inviting three strengths
    page.get_by_role("button", name="Start breathing").click()
    circle = page.locator(".breathe__circle")
    expect(circle).to_have_text("Breathe in")
    expect(circle).to_have_class(re.compile("is-in"))
    assert circle.evaluate("el => getComputedStyle(el).transitionDuration") == "0s"
    expect(page.get_by_role("button", name="Stop")).to_be_visible()
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Start breathing")).to_be_visible()


def test_the_timed_exercise(page, live_server, alice, assert_accessible):
    log_in(page, live_server, "alice@example.com")
    page.clock.install()  # the page's own ten minutes, run on the test's clock
    page.goto(f"{live_server.url}/strengths/exercise/")
    assert_accessible(page)
    page.get_by_role("button", name="Start the timer").click()
    box = page.get_by_label("Your strengths, one per line")
    expect(box).to_be_focused()
    box.fill("Good listener\nCalm in a crisis\nFunny")
    page.clock.run_for("09:59")
    expect(page.locator("[data-timer-display]")).to_have_text("0:01")
    page.clock.run_for(1000)
    expect(page.get_by_role("heading", level=1)).to_have_text("Look at everything you wrote")
    expect(page.get_by_text("3 strengths, saved")).to_be_visible()
    assert_accessible(page)
    assert list(Strength.objects.for_user(alice).values_list("name", flat=True)) == [
        "Good listener",
        "Calm in a crisis",
        "Funny",
    ]


def test_the_strengths_page(page, live_server, lived_in, assert_accessible):
    log_in(page, live_server, "alice@example.com")
    page.get_by_role("link", name="Strengths", exact=True).click()
    assert_accessible(page)
    page.get_by_text("Add a strength").click()
    page.get_by_label("Strength", exact=True).fill("Steady with deadlines")
    page.get_by_role("button", name="Add it").click()
    item = page.locator(".strength").filter(has_text="Steady with deadlines")
    expect(item).to_be_visible()
    item.get_by_role("button", name=re.compile("^Pin")).click()
    expect(item.get_by_role("button", name=re.compile("^Pinned"))).to_have_attribute(
        "aria-pressed", "true"
    )
    pinned_names = page.locator(".strength:has(.pin) .strength__name").all_inner_texts()
    assert any("Steady with deadlines" in name for name in pinned_names)
    item.get_by_role("link", name=re.compile("^Edit")).click()
    page.locator(".strength-edit").get_by_label("Strength", exact=True).fill(
        "Steady under deadlines"
    )
    page.locator(".strength-edit").get_by_role("button", name="Save").click()
    expect(page.locator(".strength").filter(has_text="Steady under deadlines")).to_be_visible()
    assert_accessible(page)


def test_time_up_on_an_empty_list_sends_nothing_and_says_so_calmly(page, live_server, alice):
    log_in(page, live_server, "alice@example.com")
    page.clock.install()
    page.goto(f"{live_server.url}/strengths/exercise/")
    sent = []
    page.on("request", lambda request: sent.append(request.url) if request.method == "POST" else 0)
    page.get_by_role("button", name="Start the timer").click()
    page.clock.run_for("10:00")

    said = page.locator("[data-timer-status]")
    expect(said).to_contain_text("Time's up")
    expect(said).to_contain_text("nothing is lost")
    expect(said).to_be_in_viewport()
    assert sent == []
    expect(page.locator("[aria-invalid=true], .errorlist, .form-errors")).to_have_count(0)

    page.get_by_role("button", name="Start again").click()  # a fresh ten minutes
    page.clock.run_for("05:00")
    expect(page.locator("[data-timer-display]")).to_have_text("5:00")
