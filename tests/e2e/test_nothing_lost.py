"""Every page where a person writes more than a line keeps every word through leaving the
page, going offline while sending, and a server error, and says so where they are looking.

The journal has its own, stronger tests (autosave, conflicts) in test_journal.py.
"""

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.handlers.base import BaseHandler
from playwright.sync_api import expect

from apps.feedback.models import FeedbackRequest
from apps.interviews.models import Interview
from apps.rejections.models import Recovery
from apps.strengths.models import Achievement, Strength
from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.test_accounts import log_in
from tests.interviews.factories import make_application
from tests.rejections.factories import make_recovery

pytestmark = pytest.mark.e2e

PARAGRAPH = "A long paragraph, typed with care: what went well, what I would change, and why."
BROUGHT_BACK = "What you typed here before is back in the form"


@dataclass
class WritingPage:
    name: str
    address: Callable  # (alice) -> path
    field: str  # the label of the box written in
    submit: str  # the name of the button that sends it
    saved: Callable[[], bool]  # is PARAGRAPH on the server?
    before: Callable = lambda page: None  # anything else the form needs first


def open_reflections(page):
    page.get_by_label("Company", exact=True).fill("Orbital")
    page.get_by_label("Role", exact=True).fill("UX designer")
    page.locator("#id_stage").get_by_text("Technical").click()
    page.get_by_text("Looking back").click()


PAGES = [
    WritingPage(
        "log an interview",
        lambda alice: "/interviews/log/",
        "What went well",
        "Save interview",
        lambda: Interview.objects.filter(went_well=PARAGRAPH).exists(),
        before=open_reflections,
    ),
    WritingPage(
        "a walk-through step",
        lambda alice: make_recovery(alice).step_url(1),
        "Or in your own words",
        "Save and continue",
        lambda: Recovery.objects.filter(feelings_in_own_words=PARAGRAPH).exists(),
    ),
    WritingPage(
        "the strengths exercise",
        lambda alice: "/strengths/exercise/",
        "Your strengths, one per line",
        "I'm done: save my list",
        lambda: Strength.objects.filter(name=PARAGRAPH).exists(),
    ),
    WritingPage(
        "an achievement's story",
        lambda alice: "/strengths/achievements/new/",
        "Situation",
        "Save",
        lambda: Achievement.objects.filter(situation=PARAGRAPH).exists(),
        before=lambda page: page.get_by_label("Title").fill("Shipped the new onboarding"),
    ),
    WritingPage(
        "a feedback request",
        lambda alice: f"/feedback/new/?application={make_application(alice).pk}",
        "Message",
        "Save the draft",
        lambda: FeedbackRequest.objects.filter(message__contains=PARAGRAPH).exists(),
    ),
]


def start_writing(page, live_server, alice, writing):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{writing.address(alice)}")
    writing.before(page)
    box = field(page, writing)
    box.fill(PARAGRAPH)
    return box


def field(page, writing):
    return page.get_by_label(re.compile("^" + re.escape(writing.field)))


def send(page, writing):
    page.get_by_role("button", name=writing.submit, exact=True).first.click()


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
@pytest.mark.parametrize("writing", PAGES, ids=[p.name for p in PAGES])
def test_leaving_asks_first_and_coming_back_brings_the_words_back(
    page, live_server, alice, writing, assert_accessible
):
    box = start_writing(page, live_server, alice, writing)
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.get_by_role("link", name="Bad day?").click()  # the app invites this, mid-sentence
    expect(page).to_have_url(re.compile("/bad-day/$"))
    assert asked == ["beforeunload"]

    page.go_back()
    expect(page.get_by_role("status").filter(has_text=BROUGHT_BACK)).to_be_visible()
    expect(box).to_have_value(PARAGRAPH)
    assert_accessible(page)
    page.reload()
    expect(box).to_have_value(PARAGRAPH)
    assert not writing.saved()  # kept on the device only, until the person sends it

    page.get_by_role("button", name="Discard it").click()
    expect(box).to_have_value("")
    page.reload()
    expect(box).to_have_value("")


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
@pytest.mark.parametrize("writing", PAGES, ids=[p.name for p in PAGES])
def test_offline_while_sending_keeps_the_words_and_says_so_in_view(
    page, context, live_server, alice, writing
):
    box = start_writing(page, live_server, alice, writing)
    context.set_offline(True)
    send(page, writing)
    expect(page.get_by_role("alert").filter(has_text="You're offline")).to_be_in_viewport()
    expect(box).to_have_value(PARAGRAPH)
    assert not writing.saved()

    context.set_offline(False)
    address = page.url
    send(page, writing)
    expect(field(page, writing)).to_have_count(0)  # sent, and on to what comes next
    assert writing.saved(), list(Interview.objects.values("went_well"))
    page.goto(address)  # sent and saved: nothing is brought back to a fresh form
    expect(page.get_by_role("status").filter(has_text=BROUGHT_BACK)).to_have_count(0)


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
@pytest.mark.parametrize("writing", PAGES, ids=[p.name for p in PAGES])
def test_a_server_error_while_sending_loses_nothing(page, live_server, alice, writing):
    box = start_writing(page, live_server, alice, writing)
    address = page.url

    def fail_posts(route):
        if route.request.method == "POST":
            route.fulfill(status=500, content_type="text/html", body="<h1>Server Error</h1>")
        else:
            route.continue_()

    page.route("**/*", fail_posts)
    send(page, writing)
    if page.url == address and field(page, writing).count():
        # Sent through htmx: the page stays, and says what happened beside the button.
        expect(page.get_by_role("alert").filter(has_text="on our side")).to_be_visible()
    else:
        # A plain form: the browser showed the error; going back brings every word back,
        # and says the last send may not have been saved.
        expect(page.get_by_role("heading", name="Server Error")).to_be_visible()
        page.go_back()
        said = page.get_by_role("status").filter(has_text="may not have been saved")
        expect(said).to_be_visible()
    expect(box).to_have_value(PARAGRAPH)
    assert not writing.saved()

    page.unroute("**/*")
    send(page, writing)
    expect(field(page, writing)).to_have_count(0)
    assert writing.saved(), list(Interview.objects.values("went_well"))


@pytest.fixture
def slow_sending(monkeypatch):
    """Every POST takes four seconds to answer, as on a weak phone signal."""
    answer = BaseHandler.get_response

    def slowly(handler, request):
        if request.method == "POST":
            time.sleep(4)
        return answer(handler, request)

    monkeypatch.setattr(BaseHandler, "get_response", slowly)


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
@pytest.mark.parametrize("writing", PAGES, ids=[p.name for p in PAGES])
def test_a_slow_connection_is_said_and_sends_once(page, live_server, alice, writing, slow_sending):
    start_writing(page, live_server, alice, writing)
    button = page.get_by_role("button", name=writing.submit, exact=True).first
    # Tap, then look two seconds later, while the answer is still on its way. (Read in the
    # page itself: a plain form's page can't be queried from outside while it navigates.)
    seen = button.evaluate(
        """button => {
            button.click();
            return new Promise(resolve => setTimeout(() => {
                const said = button.form.querySelector("[role=alert]");
                const box = said && said.getBoundingClientRect();
                resolve({
                    said: said ? said.textContent : "",
                    inView: !!box && box.top >= 0 && box.bottom <= window.innerHeight + 1,
                    disabled: button.disabled,
                    kept: Array.from(button.form.elements).some(f => f.value === arguments[1]),
                });
            }, 2200));
        }""".replace("arguments[1]", repr(PARAGRAPH))
    )
    assert seen["said"].startswith("Still sending"), seen
    assert seen["inView"], seen  # said where the person is looking, on a phone too
    assert seen["disabled"]  # a second tap can't send it twice
    assert seen["kept"]

    expect(field(page, writing)).to_have_count(0, timeout=15_000)
    assert writing.saved()


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_an_edit_from_a_second_tab_shows_both_and_keeps_yours_on_purpose(
    page, context, live_server, alice
):
    achievement = Achievement.objects.create(owner=alice, title="Shipped onboarding")
    url = f"{live_server.url}/strengths/achievements/{achievement.pk}/edit/"
    log_in(page, live_server, "alice@example.com")
    other = context.new_page()
    other.set_default_timeout(8_000)
    for tab in (page, other):
        tab.goto(url)

    other.get_by_label(re.compile("^Situation")).fill("Saved in the other tab.")
    other.get_by_role("button", name="Save", exact=True).click()
    expect(other).to_have_url(re.compile("/strengths/$"))

    page.get_by_label(re.compile("^Situation")).fill(PARAGRAPH)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="changed somewhere else")).to_be_visible()
    expect(page.get_by_label(re.compile("^Situation"))).to_have_value(PARAGRAPH)
    expect(page.get_by_text("Saved in the other tab.")).to_be_visible()  # both, side by side
    achievement.refresh_from_db()
    assert achievement.situation == "Saved in the other tab."

    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Bad day?").click()
    assert asked == ["beforeunload"]  # refused, so still unsaved: leaving asks

    page.get_by_role("button", name="Save", exact=True).click()  # keep mine, knowingly
    expect(page).to_have_url(re.compile("/strengths/$"))
    achievement.refresh_from_db()
    assert achievement.situation == PARAGRAPH
