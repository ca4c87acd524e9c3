"""Insights in Chromium, at phone and desktop sizes: charts drawn as SVG with the same
words beside them, readable without JavaScript, and a pace note that can be turned off."""

import pytest
from playwright.sync_api import expect

from apps.core.demo import demo_modules
from tests.e2e.test_accounts import log_in

pytestmark = pytest.mark.e2e

CHARTS = [
    "How far your applications got",
    "Heard back, by where you found the job",
    "Applications and answers by month",
    "Time to a first answer and between rounds, by where you found the job",
    "Hard questions and your practice",
    "Mood before and after writing, with what happened",
]


@pytest.fixture
def lived_in(alice):
    for module in demo_modules():
        module.seed(alice, size="small")
    return alice


def test_charts_with_their_words_and_the_pace_note_turned_off(
    page, live_server, lived_in, viewport, assert_accessible
):
    log_in(page, live_server, "alice@example.com")
    page.get_by_role("link", name="Insights").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")
    for title in CHARTS:
        chart = page.get_by_role("img", name=title)
        expect(chart).to_be_visible()
        summary = chart.locator("desc").text_content().strip()
        assert summary
        # The same words, as text on the page, for anyone who doesn't read the picture.
        expect(page.locator("p", has_text=summary[:60]).first).to_be_visible()
        box = chart.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert_accessible(page)

    pace = page.locator("#pace")
    expect(pace).to_contain_text("A day or two off could help")
    pace.get_by_role("button", name="Turn off pace notes").click()
    expect(pace).to_contain_text("Pace notes are off.")
    expect(pace).not_to_contain_text("A day or two off could help")
    # Focus stays on the switch that was pressed, not dropped to the page body.
    expect(pace.get_by_role("button", name="Turn on pace notes")).to_be_focused()
    lived_in.refresh_from_db()
    assert lived_in.pace_notes is False
    assert_accessible(page)
    page.reload()
    expect(pace.get_by_role("button", name="Turn on pace notes")).to_be_visible()
    expect(pace.get_by_role("link", name="Settings")).to_be_visible()


def test_insights_without_javascript(browser, viewport, live_server, lived_in):
    context = browser.new_context(java_script_enabled=False, viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(8_000)
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/insights/")
    for title in CHARTS:
        expect(page.get_by_role("img", name=title)).to_be_visible()
    page.get_by_role("button", name="Turn off pace notes").click()
    expect(page.get_by_text("Pace notes are off.").first).to_be_visible()
    lived_in.refresh_from_db()
    assert lived_in.pace_notes is False
    context.close()  # axe-core needs JavaScript; the same page is checked above


def test_insights_print_with_their_charts(page, live_server, lived_in):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/insights/")
    page.emulate_media(media="print")
    expect(page.get_by_role("img", name=CHARTS[0])).to_be_visible()
    expect(page.get_by_role("button", name="Turn off pace notes")).to_be_hidden()
    # The time-zone offer, on every page until answered, stays off paper.
    page.evaluate("document.querySelector('[data-time-zone-offer]').hidden = false")
    expect(page.locator("[data-time-zone-offer]")).to_be_hidden()
    # The legend's swatches print as the bars do.
    swatch = page.locator(".swatch--first").first
    bar = page.locator(".bar-chart__bar--first").first
    assert swatch.evaluate("e => getComputedStyle(e).backgroundColor") == bar.evaluate(
        "e => getComputedStyle(e).fill"
    )
    assert page.pdf(format="A4").startswith(b"%PDF")
