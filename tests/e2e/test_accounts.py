"""Accounts in a real browser, at phone and desktop sizes, with axe-core on every page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.e2e.conftest import DESKTOP

pytestmark = pytest.mark.e2e


def log_in(page, live_server, email: str, password: str = PASSWORD):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_sign_up_then_log_out_and_back_in(page, live_server, assert_accessible):
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("A calm place for your job search")
    assert_accessible(page)

    page.get_by_role("link", name="Create your free account").click()
    expect(page).to_have_title(re.compile("Create your account"))
    assert_accessible(page)
    page.get_by_label("Email").fill("carol@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, carol")
    assert_accessible(page)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Create your free account")).to_be_visible()

    page.get_by_role("link", name="Log in", exact=True).first.click()
    assert_accessible(page)
    page.get_by_label("Email").fill("carol@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, carol")


def test_wrong_password_keeps_the_email(page, live_server, alice, assert_accessible):
    log_in(page, live_server, "alice@example.com", "not my password")
    expect(page.get_by_text("That email and password don't match.")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value("alice@example.com")
    expect(page.get_by_label("Password")).to_have_value("")
    assert_accessible(page)


def test_password_reset(page, live_server, alice, assert_accessible):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    assert_accessible(page)
    page.get_by_label("Email").fill("alice@example.com")
    page.get_by_role("button", name="Send me a reset link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    assert_accessible(page)

    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mail.outbox[-1].body)
    page.goto(link.group(0).replace("https://", "http://"))
    new_password = "a fresh calm password"
    page.get_by_label(re.compile(r"^New password$", re.I)).fill(new_password)
    page.get_by_label(re.compile(r"^New password \(again\)$", re.I)).fill(new_password)
    assert_accessible(page)
    page.get_by_role("button", name="Save my new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your new password is set")
    assert_accessible(page)
    page.get_by_role("link", name="Log in").last.click()  # the page's own, not the header's
    expect(page).to_have_title(re.compile("Log in"))

    log_in(page, live_server, "alice@example.com", new_password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Alice")


def test_account_pages(page, live_server, alice, assert_accessible):
    log_in(page, live_server, "alice@example.com")
    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your settings")
    assert_accessible(page)
    page.get_by_label("What would you like us to call you?").fill("Ali")
    page.get_by_label("Time zone").select_option("Europe/Paris")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("status")).to_contain_text("Your settings are saved.")

    page.get_by_role("link", name="Signed-in devices").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Two-factor sign-in").click()
    assert_accessible(page)
    page.goto(f"{live_server.url}/accounts/2fa/totp/activate/")
    page.get_by_label("Password").fill(PASSWORD)  # asked again before changing security
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("img[src^='data:image']")).to_be_visible()  # the QR code shows
    assert_accessible(page)


# `make run` serves Django's own debug page for a missing address; the styled page is
# what a deployment (DEBUG off) shows.
@pytest.mark.parametrize("served_as", ["production"], indirect=True)
def test_missing_page(page, live_server, assert_accessible):
    response = page.goto(f"{live_server.url}/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We can't find that page")
    assert_accessible(page)


def test_log_in_works_without_javascript(browser, live_server, alice):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server, "alice@example.com")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Alice")
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
def test_the_policy_blocks_inline_script_but_runs_ours(page, live_server):
    page.goto(live_server.url)
    assert page.evaluate("typeof window.htmx") == "object"  # our nonce'd script ran
    violated = page.evaluate(
        """() => new Promise(resolve => {
            document.addEventListener("securitypolicyviolation",
                event => resolve(event.effectiveDirective), {once: true});
            const script = document.createElement("script");
            script.textContent = "window.inlineRan = true";
            document.body.append(script);
            setTimeout(() => resolve(null), 2000);
        })"""
    )
    assert violated == "script-src-elem"
    assert page.evaluate("window.inlineRan") is None


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True)
def test_the_time_zone_comes_from_the_device(browser, live_server, alice, viewport):
    from apps.accounts.models import User

    context = browser.new_context(timezone_id="Asia/Tokyo", viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(8_000)
    page.goto(f"{live_server.url}/accounts/signup/")
    expect(page.get_by_label("Time zone")).to_have_value("Asia/Tokyo")  # shown, changeable
    page.get_by_label("Email").fill("dana@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, dana")
    assert User.objects.get(email="dana@example.com").time_zone == "Asia/Tokyo"

    # "When was it?" starts at the time on the person's own clock.
    page.goto(f"{live_server.url}/interviews/log/")
    tokyo_now = page.evaluate("new Date().toLocaleString('sv-SE').slice(0, 13).replace(' ', 'T')")
    expect(page.get_by_label("When was it?")).to_have_value(re.compile("^" + tokyo_now))
    context.close()

    # Someone who signed up before: offered their device's zone, once, in one click.
    context = browser.new_context(timezone_id="Europe/Berlin", viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(8_000)
    log_in(page, live_server, "alice@example.com")
    offer = page.get_by_text("Your device says Europe/Berlin")
    expect(offer).to_be_visible()
    page.get_by_role("button", name="Use my device's time zone").click()
    expect(page.get_by_text("Times are now shown in Europe/Berlin.")).to_be_visible()
    expect(offer).to_have_count(0)
    alice.refresh_from_db()
    assert alice.time_zone == "Europe/Berlin"
    context.close()
