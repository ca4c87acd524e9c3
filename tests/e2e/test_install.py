"""Rebound as an app on a phone: installable, the log page kept for a bad connection, a
round logged offline that arrives exactly once, and a message shared to it from the
phone's share sheet landing on the paste screen."""

import datetime
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from apps.interviews.models import Interview
from tests.e2e.conftest import PHONE
from tests.e2e.test_accounts import log_in
from tests.e2e.test_nothing_lost import PAGES
from tests.e2e.test_nothing_lost import (
    test_offline_while_sending_keeps_the_words_and_says_so_in_view as offline_while_sending,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "service_workers": "allow"}


WAITING = "Waiting to send"
SENT = "Sent: your video round at Lumen is saved."


def in_charge(page) -> None:
    """Wait for the service worker to control the page.

    Not with wait_for_function: Playwright re-reads its expression with eval on each poll
    after the first, which our strict CSP refuses, so it failed whenever the worker was
    not in charge at the first look.

    A page whose navigation began while the worker was still installing (the redirect
    after logging in, on a first visit) is never claimed: the worker takes charge from the
    next load, as it does for a person. So one reload, if the first wait runs out.
    """
    for attempt in range(2):
        page.wait_for_load_state()
        for _ in range(50):
            if page.evaluate("!!navigator.serviceWorker.controller"):
                return
            page.wait_for_timeout(100)
        if attempt == 0:
            page.reload()
    raise AssertionError("the service worker never took charge of the page")


def controlled(page) -> None:
    """Wait for the service worker to look after the page, and for the log page to be kept."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    in_charge(page)
    kept = "caches.open('rebound-pages').then(c => c.match('/interviews/log/', {ignoreVary: true}))"
    for _ in range(80):  # evaluate awaits the promise; wait_for_function would not
        if page.evaluate(f"{kept}.then(Boolean)"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the log page was never kept for offline use")


def fill_a_round(page, company: str = "Lumen") -> None:
    page.get_by_label("Company", exact=True).fill(company)
    page.get_by_label("Role", exact=True).fill("Researcher")
    page.locator("#id_stage").get_by_text("Video").click()
    page.get_by_text("Good", exact=True).click()


def save(page) -> None:
    page.get_by_role("button", name="Save interview").first.click()


def waiting_box(page):
    return page.locator("[data-outbox-status]")


@pytest.fixture
def profile_page(browser_type, browser_type_launch_args, viewport, tmp_path):
    """A page in a browser profile of its own: Chromium never offers to install from an
    incognito window, which is what Playwright's usual contexts are."""
    context = browser_type.launch_persistent_context(
        tmp_path / "profile", **browser_type_launch_args, viewport=viewport
    )
    yield context.pages[0] if context.pages else context.new_page()
    context.close()


def test_installable_with_our_manifest_and_icons(profile_page, live_server, alice, axe):
    page = profile_page
    log_in(page, live_server, "alice@example.com")
    controlled(page)
    cdp = page.context.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == f"{live_server.url}/manifest.webmanifest"
    assert manifest["errors"] == []
    parsed = page.evaluate("fetch('/manifest.webmanifest').then(r => r.json())")
    assert (parsed["display"], parsed["scope"], parsed["start_url"]) == (
        "standalone",
        "/",
        "/home/",
    )
    for icon in parsed["icons"]:
        width, height = page.evaluate(
            """src => new Promise(done => { const image = new Image();
                 image.onload = () => done([image.naturalWidth, image.naturalHeight]);
                 image.onerror = () => done([0, 0]); image.src = src; })""",
            icon["src"],
        )
        assert f"{width}x{height}" == icon["sizes"], icon
    assert axe.run(page).violations_count == 0


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_a_round_logged_offline_waits_then_arrives_once(
    page, context, live_server, alice, assert_accessible
):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{reverse('interviews:log')}")
    context.set_offline(True)
    fill_a_round(page)
    # Looking up the company failed (offline), but nothing was sent: nothing waits yet.
    expect(page.get_by_role("alert").filter(has_text="that wasn't sent")).to_be_visible()
    expect(waiting_box(page)).to_have_count(0)
    save(page)

    expect(page.get_by_role("alert").filter(has_text="You're offline")).to_be_in_viewport()
    expect(waiting_box(page)).to_contain_text(f"{WAITING}: your video round at Lumen")
    page.screenshot(path="/tmp/pwa-waiting-phone.png", full_page=False)
    assert_accessible(page)
    assert not Interview.objects.exists()

    context.set_offline(False)
    expect(waiting_box(page)).to_contain_text(SENT)
    expect(page.get_by_role("alert").filter(has_text="You're offline")).to_have_count(0)
    interview = Interview.objects.get()
    assert (interview.application.company, interview.gut_feeling) == ("Lumen", 4)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes(':outbox:'))") == []

    save(page)  # the same form, sent again: the same round
    expect(page.get_by_role("heading", level=1)).to_have_text("Video round")
    assert Interview.objects.get() == interview


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_the_log_page_opens_offline_and_what_waits_is_said_on_the_next_page(
    page, context, live_server, alice
):
    log_in(page, live_server, "alice@example.com")
    log_page = f"{live_server.url}{reverse('interviews:log')}"
    page.goto(log_page)
    controlled(page)
    first_key = page.locator("input[name=log_key]").input_value()

    context.set_offline(True)
    page.goto(log_page)  # the copy kept on the device, with a key of its own
    expect(page.get_by_role("heading", level=1)).to_have_text("Log an interview")
    assert page.locator("input[name=log_key]").input_value() != first_key
    fill_a_round(page)
    save(page)
    expect(waiting_box(page)).to_contain_text(WAITING)

    page.goto(f"{live_server.url}{reverse('journal:index')}")  # not kept: it holds writing
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline")
    page.get_by_role("link", name="Log an interview").click()
    expect(waiting_box(page)).to_contain_text(f"{WAITING}: your video round at Lumen")

    context.set_offline(False)
    expect(waiting_box(page)).to_contain_text(SENT)
    assert Interview.objects.count() == 1
    page.get_by_role("link", name="See it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Video round")


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_an_answer_lost_on_the_way_back_is_sent_again_and_still_one_round(page, live_server, alice):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{reverse('interviews:log')}")
    arrived = []

    def lose_the_answer(route):
        if route.request.method != "POST":
            return route.continue_()
        arrived.append(route.fetch().status)  # the server saved it...
        route.abort("connectionreset")  # ...and the answer never came back

    page.route("**/interviews/log/", lose_the_answer)
    fill_a_round(page)
    save(page)
    expect(page.get_by_role("alert")).to_contain_text("waiting to send")
    expect(waiting_box(page)).to_contain_text(WAITING)
    assert arrived == [200] and Interview.objects.count() == 1
    page.unroute("**/interviews/log/")

    page.evaluate("window.dispatchEvent(new Event('online'))")  # a connection back
    expect(waiting_box(page)).to_contain_text(SENT)
    waiting_box(page).get_by_role("link", name="See it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Video round")
    assert Interview.objects.count() == 1


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_a_stale_token_is_renewed_and_a_refusal_shows_the_form_with_its_messages(
    page, context, live_server, alice
):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{reverse('interviews:log')}")
    context.set_offline(True)
    page.get_by_label("Company", exact=True).fill("Lumen")  # no role, no stage: refused
    save(page)
    expect(waiting_box(page)).to_contain_text(WAITING)
    # Meanwhile the session's token changed (signed in again in another tab).
    page.evaluate(
        """document.body.setAttribute("hx-headers:inherited", '{"X-CSRFToken": "stale"}')"""
    )
    context.set_offline(False)
    expect(page.get_by_text("Choose the stage of this round.")).to_be_visible()
    expect(page.get_by_label("Company", exact=True)).to_have_value("Lumen")
    expect(waiting_box(page)).to_contain_text("needs another look")
    assert not Interview.objects.exists()

    page.get_by_label("Role", exact=True).fill("Researcher")
    page.locator("#id_stage").get_by_text("Video").click()
    save(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Video round")
    page.goto(f"{live_server.url}{reverse('home:index')}")
    expect(waiting_box(page)).to_have_count(0)
    assert Interview.objects.count() == 1


def test_logging_out_forgets_the_kept_page_and_what_waits(page, live_server, alice):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}{reverse('interviews:log')}")
    controlled(page)
    page.route("**/interviews/log/", lambda route: route.abort("connectionreset"))
    fill_a_round(page)
    save(page)  # the connection is back, but Rebound can't be reached yet
    expect(waiting_box(page)).to_contain_text(WAITING)
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile("/$"))
    assert page.evaluate("caches.has('rebound-pages')") is False
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes(':outbox:'))") == []


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_a_page_kept_an_hour_ago_opens_with_a_key_and_a_time_of_its_own(
    page, context, live_server, alice
):
    log_in(page, live_server, "alice@example.com")
    served = {}

    def an_hour_old(route):
        if served:  # the page itself came first; this is install.js keeping a copy
            return route.continue_()
        response = route.fetch()
        html = response.text()
        served["key"] = re.search(r'name="log_key" value="([^"]+)"', html).group(1)
        served["when"] = re.search(r'name="occurred_at" value="([^"]+)"', html).group(1)
        stamp = int(re.search(r'data-rendered-at="(\d+)"', html).group(1))
        html = html.replace(f'data-rendered-at="{stamp}"', f'data-rendered-at="{stamp - 3600}"')
        route.fulfill(response=response, body=html)

    context.route("**/interviews/log/", an_hour_old)  # the service worker's fetch too
    page.goto(f"{live_server.url}{reverse('interviews:log')}")
    when = datetime.datetime.fromisoformat(served["when"]) + datetime.timedelta(hours=1)
    expect(page.get_by_label("When was it?")).to_have_value(when.strftime("%Y-%m-%dT%H:%M"))
    assert page.locator("input[name=log_key]").input_value() != served["key"]


def test_a_kept_page_is_never_shown_to_someone_else(page, context, live_server, alice, bob):
    log_in(page, live_server, "alice@example.com")
    controlled(page)
    context.clear_cookies()  # Alice's session ends without her logging out
    log_in(page, live_server, "bob@example.com")
    page.wait_for_url(re.compile("/home/$"))
    controlled(page)  # kept again, for Bob
    context.set_offline(True)
    page.goto(f"{live_server.url}{reverse('interviews:log')}")
    expect(page.locator("body")).to_have_attribute("data-draft-owner", str(bob.pk))


def test_a_shared_message_lands_on_the_paste_screen(page, live_server, alice):
    log_in(page, live_server, "alice@example.com")
    manifest = page.evaluate("fetch('/manifest.webmanifest').then(r => r.json())")
    share = manifest["share_target"]
    words = "Thank you for your time. We have decided to move forward with other candidates."
    query = f"{share['params']['title']}=Your+application&{share['params']['text']}={words}"
    assert share["action"] == reverse("capture:paste")
    page.goto(f"{live_server.url}{share['action']}?{query}")
    box = page.get_by_label("The message")
    expect(box).to_have_value(re.compile("move forward"))
    assert words in box.input_value()
    assert "Your application" in box.input_value()


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
@pytest.mark.parametrize("writing", PAGES, ids=[p.name for p in PAGES])
def test_with_the_worker_in_charge_going_offline_while_sending_still_keeps_every_word(
    page, context, live_server, alice, writing
):
    page.goto(live_server.url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    in_charge(page)
    offline_while_sending(page, context, live_server, alice, writing)
    assert page.evaluate("!!navigator.serviceWorker.controller")
