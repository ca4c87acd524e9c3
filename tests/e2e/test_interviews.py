"""Logging interviews in Chromium on a phone: the first moment Rebound exists for."""

import re

import pytest
from playwright.sync_api import expect

from apps.interviews.models import Application, Interview, Question
from tests.e2e.conftest import PHONE
from tests.e2e.test_accounts import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True),
]


class Budget:
    """Counts what the person does: clicks and typed values."""

    def __init__(self):
        self.clicks = 0
        self.typed = 0

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def type(self, locator, text: str):
        self.click(locator)
        self.typed += 1
        locator.press_sequentially(text)


def test_a_minimal_round_fits_the_click_budget(page, live_server, alice, assert_accessible):
    log_in(page, live_server, "alice@example.com")
    budget = Budget()
    budget.click(page.get_by_role("link", name=re.compile("^Log an interview")))
    assert_accessible(page)
    budget.type(page.get_by_label("Company", exact=True), "Lumen")
    budget.type(page.get_by_label("Role", exact=True), "Researcher")
    budget.click(page.get_by_text("Video", exact=True))
    budget.click(page.get_by_text("Good", exact=True))
    budget.click(page.get_by_role("button", name="Save interview").first)

    expect(page.get_by_role("heading", level=1)).to_have_text("Video round")
    assert (budget.clicks, budget.typed) <= (6, 2), vars(budget)
    interview = Interview.objects.get()
    assert (interview.application.company, interview.stage, interview.gut_feeling) == (
        "Lumen",
        "video",
        4,
    )
    assert_accessible(page)


def test_log_with_questions_added_in_place_then_a_second_round(
    page, live_server, alice, assert_accessible
):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/interviews/log/")
    page.get_by_label("Company", exact=True).fill("Harbour & Finch")
    page.get_by_label("Role", exact=True).fill("UX researcher")
    page.get_by_text("Panel", exact=True).click()
    page.get_by_text("Questions they asked").click()

    page.get_by_label("Question", exact=True).nth(0).fill("Tell me about a study you ran.")
    page.locator("#id_questions-0-outcome").get_by_text("Rocked it").click()
    page.get_by_role("button", name="Remove question 2").click()
    expect(page.get_by_text("Question 2 removed.").first).to_be_visible()
    expect(page.locator("#question-rows-status")).to_have_text("Question 2 removed.")
    page.get_by_label("Question", exact=True).nth(1).fill("How do you recruit participants?")
    page.get_by_role("button", name="Add a question").click()
    new_row = page.locator("#id_questions-3-text")
    expect(new_row).to_be_focused()
    new_row.fill("Design a diary study for commuters.")
    page.locator("#id_questions-3-outcome").get_by_text("Struggled").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save interview").last.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Panel round")
    assert sorted(Question.objects.values_list("text", flat=True)) == [
        "Design a diary study for commuters.",
        "How do you recruit participants?",
        "Tell me about a study you ran.",
    ]

    page.get_by_role("link", name="UX researcher at Harbour & Finch").click()
    expect(page.get_by_text("Design a diary study for commuters.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Interviews").click()
    page.get_by_role("link", name="Question bank").click()
    expect(page.get_by_text("Tell me about a study you ran.", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="To practise").click()
    expect(page).to_have_url(re.compile("tab=practise"))
    page.get_by_role("button", name=re.compile("^I practised this")).click()
    expect(page.get_by_text("Practised 1 time")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Write a better answer")).click()
    page.get_by_label("A better answer").fill("Start from the commute, not the tool.")
    page.get_by_role("button", name="Save the answer").click()
    expect(page.get_by_text("Start from the commute, not the tool.")).to_be_visible()
    assert page.url.endswith("tab=practise")  # all in place, no page change
    assert_accessible(page)

    # A second round: typing the company offers the existing application.
    page.goto(f"{live_server.url}/interviews/log/")
    page.get_by_label("Company", exact=True).press_sequentially("harbour")
    page.get_by_label(re.compile("UX researcher at Harbour")).check()
    assert_accessible(page)
    page.get_by_text("Final", exact=True).click()
    page.get_by_role("button", name="Save interview").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Final round")
    assert Application.objects.count() == 1
    assert Application.objects.get().interviews.count() == 2


def test_status_changes_in_place(page, live_server, alice):
    application = Application.objects.create(owner=alice, company="Lumen", role="Researcher")
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{application.get_absolute_url()}")
    page.get_by_label("Status").select_option("offer")
    expect(page.get_by_text("Status saved: Offer.")).to_be_visible()
    application.refresh_from_db()
    assert application.status == "offer"


def test_logging_works_without_javascript(browser, viewport, live_server, alice):
    context = browser.new_context(java_script_enabled=False, viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(8_000)
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/interviews/log/")
    page.get_by_label("Company", exact=True).fill("Quill")
    page.get_by_label("Role", exact=True).fill("Editor")
    page.get_by_text("Phone", exact=True).click()
    page.get_by_text("Questions they asked").click()
    for index, text in enumerate(["Why publishing?", "A hard edit?", "Your process?"]):
        page.locator(f"#id_questions-{index}-text").fill(text)
    page.get_by_role("button", name="Save interview").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Phone round")
    assert Question.objects.count() == 3

    # A missing company comes back with a message and every typed value kept.
    page.goto(f"{live_server.url}/interviews/log/")
    page.get_by_label("Role", exact=True).fill("Editor")
    page.get_by_text("Final", exact=True).click()
    page.get_by_text("Looking back").click()
    page.get_by_label("What went well").fill("Warm conversation.")
    page.get_by_role("button", name="Save interview").first.click()
    expect(page.get_by_text("Enter the company's name.")).to_be_visible()
    expect(page.get_by_label("Role", exact=True)).to_have_value("Editor")
    expect(page.get_by_label("What went well")).to_have_value("Warm conversation.")
    context.close()  # axe-core needs JavaScript; the same pages are checked in the tests above


def test_a_server_error_loses_nothing(page, live_server, alice):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/interviews/log/")

    def fail_posts(route):
        if route.request.method == "POST":
            route.fulfill(status=500, body="<h1>Server Error</h1>")
        else:
            route.continue_()

    page.route("**/interviews/log/", fail_posts)
    page.get_by_label("Company", exact=True).fill("Orbital")
    page.get_by_label("Role", exact=True).fill("UX designer")
    page.locator("#id_stage").get_by_text("Technical").click()
    page.get_by_text("Looking back").click()
    page.get_by_label("What went well").fill("A long, careful answer about the design critique.")
    page.get_by_role("button", name="Save interview").first.click()

    said = page.get_by_role("alert").filter(has_text="What you typed is still here.")
    expect(said).to_contain_text("Something went wrong on our side")
    expect(said).to_be_in_viewport()  # said beside the button pressed, even on a phone
    expect(page.get_by_label("What went well")).to_have_value(
        "A long, careful answer about the design critique."
    )
    assert not Interview.objects.exists()

    page.unroute("**/interviews/log/")
    page.get_by_role("button", name="Save interview").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Technical round")
    assert Interview.objects.get().went_well.startswith("A long, careful answer")


def test_bad_input_is_explained_in_place(page, live_server, alice, assert_accessible):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/interviews/log/")
    page.get_by_label("Role", exact=True).fill("Editor")
    page.get_by_text("Final", exact=True).click()
    page.get_by_role("button", name="Save interview").first.click()
    expect(page.get_by_text("Enter the company's name.")).to_be_visible()
    expect(page.get_by_role("alert")).to_be_focused()
    expect(page.get_by_label("Role", exact=True)).to_have_value("Editor")
    expect(page.get_by_label("Final")).to_be_checked()
    assert_accessible(page)


def test_a_known_company_is_chosen_for_the_round_not_duplicated(page, live_server, alice):
    existing = Application.objects.create(owner=alice, company="Orbital", role="UX designer")
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/interviews/log/")
    page.get_by_label("Company", exact=True).fill("Orbital")
    expect(page.get_by_role("radio", name="UX designer at Orbital")).to_be_checked()
    expect(page.get_by_role("radio", name="No, this is a new application")).not_to_be_checked()
    page.locator("#id_stage").get_by_text("Technical").click()
    page.get_by_role("button", name="Save interview").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Technical round")
    assert Application.objects.get() == existing
    assert Interview.objects.get().application == existing
