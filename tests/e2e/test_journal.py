"""The journal in Chromium: the second moment Rebound exists for, where no word may be lost."""

import re

import pytest
from playwright.sync_api import expect

from apps.journal.models import Entry
from tests.e2e.conftest import DESKTOP
from tests.e2e.test_accounts import log_in
from tests.journal.factories import make_entry

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True),
]
SAVED = re.compile(r"Saved at \d\d:\d\d")


def test_a_guided_entry_prompt_by_prompt(page, live_server, alice, assert_accessible):
    log_in(page, live_server, "alice@example.com")
    page.get_by_role("link", name="Journal", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Start writing").first.click()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^What I learned")).click()

    expect(page.get_by_text("Step 1 of 8")).to_be_visible()
    page.locator("#id_mood_before").get_by_text("Low", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("Step 2 of 8")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/journal/entries/\d+/write/\?step=2$"))
    first = page.get_by_label("What made the good moments good?")
    expect(first).to_be_focused()
    first.fill("Clear stories about my research work.")
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("Step 3 of 8")).to_be_visible()
    second = page.get_by_label("What would you do differently next time?")
    second.press_sequentially("Ask about constraints before sketching.")
    expect(page.get_by_role("status").filter(has_text=SAVED)).to_be_visible()

    page.reload()  # halfway: every word is still there, on the same step
    expect(page.get_by_text("Step 3 of 8")).to_be_visible()
    expect(page.get_by_label("What would you do differently next time?")).to_have_value(
        "Ask about constraints before sketching."
    )
    page.go_back()  # the browser's back button returns to the previous step
    expect(page.get_by_text("Step 2 of 8")).to_be_visible()
    expect(page.get_by_label("What made the good moments good?")).to_have_value(
        "Clear stories about my research work."
    )

    page.get_by_role("button", name="Show all questions on one page").click()
    expect(page.get_by_text("How do you feel now?")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_mood_after").get_by_text("Good", exact=True).click()
    page.get_by_role("button", name="Finish").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("What I learned")
    expect(page.get_by_text("Ask about constraints before sketching.")).to_be_visible()
    expect(page.get_by_text("Before writing: low. After: good.")).to_be_visible()
    assert_accessible(page)
    entry = Entry.objects.get()
    assert (entry.is_draft, entry.mood_before, entry.mood_after) == (False, 2, 4)

    page.get_by_role("link", name="Your journal").click()
    page.get_by_label("Search what you wrote").fill("constraints")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("mark").first).to_have_text(re.compile("constraints", re.I))
    expect(page.get_by_role("link", name="What I learned")).to_be_visible()
    assert_accessible(page)


def two_tabs_on(entry, page, context, live_server):
    second = context.new_page()
    second.set_default_timeout(8_000)
    for tab in (page, second):
        tab.goto(f"{live_server.url}{entry.get_write_url()}")
    return page, second


def test_a_stale_tab_shows_both_texts_and_can_keep_both(page, context, live_server, alice):
    log_in(page, live_server, "alice@example.com")
    entry = make_entry(alice, guide="free", answers=["Start."])
    first_tab, second_tab = two_tabs_on(entry, page, context, live_server)

    first_tab.get_by_label("What is on your mind right now?").fill("Written in the first tab.")
    first_tab.get_by_label("What is on your mind right now?").blur()
    expect(first_tab.get_by_role("status").filter(has_text=SAVED)).to_be_visible()

    box = second_tab.get_by_label("What is on your mind right now?")
    box.fill("Written in the second tab, from an old copy.")
    box.blur()
    expect(second_tab.get_by_role("heading", level=1)).to_have_text(
        "This entry changed in another tab"
    )
    mine = second_tab.locator("[data-conflict-side=yours]")
    saved = second_tab.locator("[data-conflict-side=saved]")
    expect(mine).to_contain_text("Written in the second tab, from an old copy.")
    expect(saved).to_contain_text("Written in the first tab.")
    entry.refresh_from_db()
    assert entry.answers[0] == "Written in the first tab."

    second_tab.get_by_role("button", name="Keep both").click()
    expect(second_tab.locator("form[data-autosave]")).to_be_visible()
    expect(box).to_have_value(
        "Written in the first tab.\n\nWritten in the second tab, from an old copy."
    )
    entry.refresh_from_db()
    assert entry.answers[0] == (
        "Written in the first tab.\n\nWritten in the second tab, from an old copy."
    )

    # The guard still guards: the first tab is now the stale one, and is asked in turn.
    first_tab.get_by_label("What is on your mind right now?").fill("The first tab again.")
    first_tab.get_by_label("What is on your mind right now?").blur()
    expect(first_tab.locator("[data-conflict-side=saved]")).to_contain_text(
        "Written in the second tab, from an old copy."
    )
    entry.refresh_from_db()
    assert "The first tab again." not in entry.answers[0]


def test_next_from_a_stale_tab_can_keep_mine_or_the_saved_one(page, context, live_server, alice):
    log_in(page, live_server, "alice@example.com")
    entry = make_entry(alice, guide="learned", answers=["Old."])
    url = f"{live_server.url}{entry.get_write_url()}?step=2"
    page.goto(url)
    other = context.new_page()
    other.set_default_timeout(8_000)
    other.goto(url)
    question = "What made the good moments good?"

    other.get_by_label(question).fill("Saved from the other tab.")
    other.get_by_role("button", name="Next").click()
    expect(other.get_by_text("Step 3 of 8")).to_be_visible()

    page.route(
        "**/write/",
        lambda route: (
            route.abort() if route.request.headers.get("x-autosave") else route.continue_()
        ),
    )
    page.get_by_label(question).fill("Mine, from the stale tab.")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("This entry changed in another tab")
    page.get_by_role("button", name="Keep what I just wrote").click()
    expect(page.get_by_text("Step 3 of 8")).to_be_visible()
    page.unroute("**/write/")
    entry.refresh_from_db()
    assert entry.answers[0] == "Mine, from the stale tab."

    # The other tab is the stale one now: even Back asks before anything is saved over.
    other.get_by_role("button", name="Back").click()
    expect(other.locator("[data-conflict-side=saved]")).to_contain_text("Mine, from the stale tab.")
    other.get_by_role("button", name="Keep the saved one").click()
    expect(other.get_by_text("Step 2 of 8")).to_be_visible()
    expect(other.get_by_label(question)).to_have_value("Mine, from the stale tab.")


def test_offline_then_next_saves_when_back_and_asks_before_leaving(
    page, context, live_server, alice
):
    log_in(page, live_server, "alice@example.com")
    entry = make_entry(alice, guide="learned")
    page.goto(f"{live_server.url}{entry.get_write_url()}?step=2")
    question = page.get_by_label("What made the good moments good?")

    context.set_offline(True)
    question.fill("A sentence typed with no signal.")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("alert").filter(has_text="You're offline")).to_be_in_viewport()
    expect(question).to_have_value("A sentence typed with no signal.")

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Bad day?").click()
    assert dialogs == ["beforeunload"]
    expect(question).to_have_value("A sentence typed with no signal.")

    context.set_offline(False)  # and nothing more is typed
    expect(page.get_by_role("status").filter(has_text=SAVED)).to_be_visible(timeout=15_000)
    expect(page.get_by_role("alert").filter(has_text="You're offline")).to_have_count(0)
    entry.refresh_from_db()
    assert entry.answers[0] == "A sentence typed with no signal."


@pytest.mark.parametrize("sent_by", ["Next", "autosave"])
def test_a_server_error_keeps_the_text_says_what_happened_and_retries(
    page, live_server, alice, sent_by
):
    log_in(page, live_server, "alice@example.com")
    entry = make_entry(alice, guide="learned")
    page.goto(f"{live_server.url}{entry.get_write_url()}?step=2")
    header = "hx-request" if sent_by == "Next" else "x-autosave"
    failures = []

    def fail_once(route):
        if route.request.method == "POST" and route.request.headers.get(header) and not failures:
            failures.append(1)
            route.fulfill(status=502, body="Bad gateway")
        else:
            route.continue_()

    page.route("**/write/", fail_once)
    box = page.get_by_label("What made the good moments good?")
    box.fill("Kept through a bad gateway.")
    if sent_by == "Next":
        page.get_by_role("button", name="Next").click()
        expect(
            page.get_by_role("alert").filter(has_text="Something went wrong on our side")
        ).to_be_in_viewport()
    else:
        box.blur()
    status = page.locator("[data-autosave-status]")
    expect(status).to_contain_text("something went wrong on our side")  # not "can't be reached"
    expect(status).to_have_text(SAVED, timeout=15_000)
    expect(page.get_by_role("alert").filter(has_text="on our side")).to_have_count(0)  # past
    entry.refresh_from_db()
    assert entry.answers[0] == "Kept through a bad gateway."


def test_text_stays_while_offline_and_saves_when_back(page, live_server, alice):
    log_in(page, live_server, "alice@example.com")
    entry = make_entry(alice, guide="free")
    page.goto(f"{live_server.url}{entry.get_write_url()}")
    page.route("**/write/", lambda route: route.abort("internetdisconnected"))
    box = page.get_by_label("What is on your mind right now?")
    box.fill("Typed on a train with no signal.")
    box.blur()
    expect(page.get_by_role("status").filter(has_text="can't be reached")).to_be_visible()
    expect(box).to_have_value("Typed on a train with no signal.")

    page.unroute("**/write/")
    expect(page.get_by_role("status").filter(has_text=SAVED)).to_be_visible(timeout=15_000)
    entry.refresh_from_db()
    assert entry.answers[0] == "Typed on a train with no signal."


def test_burn_a_vent(page, live_server, alice, assert_accessible):
    page.emulate_media(reduced_motion="reduce")
    entry = make_entry(alice, guide="vent", answers=["Three weeks of silence, then two lines."])
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{entry.get_absolute_url()}")
    assert_accessible(page)
    page.get_by_role("link", name="Burn this vent").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Let it go?")
    assert_accessible(page)
    page.get_by_role("button", name="Burn it").click()
    expect(page.get_by_role("status")).to_contain_text("It's gone, for good.")
    assert not Entry.objects.exists()


def test_print_prints_and_edit_or_delete_do_not(page, live_server, alice):
    entry = make_entry(alice, guide="free", answers=["Words."], is_draft=False)
    # Counted in sessionStorage, so a print on the way to another page still counts.
    page.add_init_script(
        "window.print = () => {"
        " sessionStorage.printed = Number(sessionStorage.printed || 0) + 1; };"
    )
    printed = lambda: page.evaluate("Number(sessionStorage.printed || 0)")  # noqa: E731
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{entry.get_absolute_url()}")
    page.get_by_role("button", name="Print").click()
    assert printed() == 1

    page.get_by_role("link", name="Delete this entry").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Delete")
    assert printed() == 1  # no print dialog on the way
    page.go_back()
    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_label("What is on your mind right now?")).to_have_value("Words.")
    assert printed() == 1


def test_leaving_a_conflict_asks_first_and_words_brought_back_are_shown_beside_the_saved(
    page, context, live_server, alice
):
    log_in(page, live_server, "alice@example.com")
    entry = make_entry(alice, guide="free", answers=["Start."])
    first_tab, second_tab = two_tabs_on(entry, page, context, live_server)
    question = "What is on your mind right now?"
    second_tab.get_by_label(question).fill("Replaced in the second tab.")
    second_tab.get_by_label(question).blur()
    expect(second_tab.get_by_role("status").filter(has_text=SAVED)).to_be_visible()
    first_tab.get_by_label(question).fill("Mine, typed in the first tab.")
    first_tab.get_by_label(question).blur()
    conflict = first_tab.get_by_role("heading", name="This entry changed in another tab")
    expect(conflict).to_be_visible()

    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    first_tab.on("dialog", stay)
    first_tab.get_by_role("link", name="Bad day?").click()
    assert asked == ["beforeunload"]  # the words in the conflict view are saved nowhere yet
    expect(conflict).to_be_visible()
    first_tab.remove_listener("dialog", stay)
    first_tab.on("dialog", lambda dialog: dialog.accept())
    first_tab.get_by_role("link", name="Bad day?").click()
    expect(first_tab).to_have_url(re.compile("/bad-day/$"))

    first_tab.goto(f"{live_server.url}{entry.get_write_url()}")
    first_tab.get_by_role("button", name="Put back what I typed").click()
    # Typed against the older save, so it is never saved over the newer one: both are shown.
    expect(conflict).to_be_visible()
    expect(first_tab.locator("[data-conflict-side=yours]")).to_contain_text(
        "Mine, typed in the first tab."
    )
    expect(first_tab.locator("[data-conflict-side=saved]")).to_contain_text(
        "Replaced in the second tab."
    )
    entry.refresh_from_db()
    assert entry.answers[0] == "Replaced in the second tab."


def test_an_autosave_refused_says_why_beside_the_field(page, live_server, alice, assert_accessible):
    log_in(page, live_server, "alice@example.com")
    entry = make_entry(alice, guide="free", answers=["Words."])
    page.goto(f"{live_server.url}{entry.get_write_url()}")
    page.get_by_text("Title, date, tags and links").click()
    title = page.get_by_label(re.compile("^Title"))
    title.fill("A title that runs on " * 12)
    title.blur()

    expect(title).to_have_attribute("aria-invalid", "true")
    note = page.locator("#id_title_autosave_error")
    expect(note).to_contain_text("200 characters")
    expect(note).to_be_in_viewport()
    expect(page.locator("[data-autosave-status]")).to_contain_text("Title")
    assert_accessible(page)

    title.fill("A fair title")
    title.blur()
    expect(page.locator("[data-autosave-status]")).to_have_text(SAVED)
    expect(title).not_to_have_attribute("aria-invalid", "true")
    expect(note).to_have_count(0)
    entry.refresh_from_db()
    assert (entry.title, entry.answers[0]) == ("A fair title", "Words.")
