"""Two-factor sign-in (allauth's MFA pages in our words) and the signed-in devices list."""

import base64
import re
import time
from zoneinfo import ZoneInfo

import pytest
from allauth.core import context
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from apps.accounts.templatetags.devices import device_name
from tests.conftest import PASSWORD

CHROME_LINUX = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36"
)
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
)
FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"
EDGE_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51"
)
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.6367.82 Mobile Safari/537.36"
)
SAFARI_MAC = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15"
)
CHROME_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1"
)


def code_now(secret: str) -> str:
    """The code an authenticator app shows at this moment (allauth's own arithmetic)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(client, user, user_agent=CHROME_LINUX):
    """Through the log-in page, as a browser does, so allauth lists the device."""
    client.defaults["HTTP_USER_AGENT"] = user_agent
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def confirm_password(client):
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def turn_on_two_factor(user) -> list[str]:
    TOTP.activate(user, generate_totp_secret())
    return RecoveryCodes.activate(user).get_unused_codes()


def text_of(response) -> str:
    """The page's words, tags dropped and spaces squeezed, as a reader meets them."""
    words = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", words)


# ---- The two-factor page ----------------------------------------------------------------


def test_the_two_factor_page_when_off_says_what_it_is_and_offers_to_set_it_up(alice_client):
    response = alice_client.get(reverse("mfa_index"))
    assert response.status_code == 200
    page = text_of(response)
    assert "Two-factor sign-in is off." in page
    assert "a 6-digit code from an app on your phone" in page
    setup = reverse("mfa_activate_totp")
    assert (
        f'<a class="button button--primary" href="{setup}">Set up an authenticator app</a>'
        in response.text
    )
    assert "Recovery codes" not in page  # they come with it, so not offered while it's off
    for stock in ("Authentication using", "is not active", "Activate", "Two-Factor"):
        assert stock not in page


def test_the_two_factor_page_when_on_says_so_and_counts_the_codes(alice, alice_client):
    codes = turn_on_two_factor(alice)
    RecoveryCodes(Authenticator.objects.get(user=alice, type="recovery_codes")).validate_code(
        codes[0]
    )
    page = text_of(alice_client.get(reverse("mfa_index")))
    assert (
        "Two-factor sign-in is on: each log-in asks for a code from your authenticator app." in page
    )
    assert "You have 9 unused recovery codes." in page
    for label in ("View your codes", "Download as a text file", "Make new codes"):
        assert label in page
    assert "Turn off two-factor sign-in" in page
    assert "out of" not in page and "Deactivate" not in page


# ---- Setting it up ----------------------------------------------------------------------


def test_setting_up_shows_steps_the_full_key_and_a_qr_code_the_csp_allows(alice_client):
    confirm_password(alice_client)
    response = alice_client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    page = text_of(response)
    secret = alice_client.session["mfa.totp.secret"]
    assert f'<code id="totp-key">{secret}</code>' in response.text  # in full, as plain text
    assert 'data-copy="totp-key"' in response.text and "Copy key" in page
    assert 'data-copy-status="totp-key"' in response.text and "js/copy.js" in response.text
    assert response.text.count('<ol class="setup-steps">') == 1
    assert "Open your authenticator app" in page and "Type the code it shows" in page
    assert "Authenticator secret" not in page and "input the verification code" not in page
    # The QR code is allauth's SVG as a data: address, which our CSP's img-src allows.
    [src] = re.findall(r'<img class="totp-qr" src="([^"]+)"', response.text)
    assert src.startswith("data:image/svg+xml;base64,")
    assert b"<svg" in base64.b64decode(src.split(",", 1)[1])
    csp = response.headers["Content-Security-Policy"]
    [img_src] = [part.strip() for part in csp.split(";") if part.strip().startswith("img-src")]
    assert "data:" in img_src.split()
    assert "unsafe-inline" not in csp and "style=" not in response.text
    assert "placeholder=" not in response.text  # the code box's label says it all


def test_a_wrong_code_says_so_beside_the_box_and_leaves_it_off(alice, alice_client):
    confirm_password(alice_client)
    alice_client.get(reverse("mfa_activate_totp"))
    secret = alice_client.session["mfa.totp.secret"]
    wrong = "000000" if code_now(secret) != "000000" else "111111"
    response = alice_client.post(reverse("mfa_activate_totp"), {"code": wrong})
    assert response.status_code == 200
    field = re.search(r'<div class="field field--error">(.*?)</div>\s*</div>', response.text, re.S)
    assert field, "the code box is marked as needing another look"
    assert "That code didn&#x27;t work. Check it and try again" in field.group(1)
    assert 'aria-invalid="true"' in field.group(1)
    assert not Authenticator.objects.filter(user=alice).exists()


@pytest.mark.django_db(transaction=True)  # allauth adds its message once the change is committed
def test_the_right_code_turns_it_on_and_shows_the_recovery_codes(alice, alice_client):
    confirm_password(alice_client)
    alice_client.get(reverse("mfa_activate_totp"))
    secret = alice_client.session["mfa.totp.secret"]
    response = alice_client.post(reverse("mfa_activate_totp"), {"code": code_now(secret)})
    assert response.url == reverse("mfa_view_recovery_codes")
    response = alice_client.get(response.url)
    assert Authenticator.objects.filter(user=alice, type="totp").exists()
    page = text_of(response)
    assert (
        "Two-factor sign-in is on. From now on, each log-in asks for a code from your app." in page
    )
    assert "Keep these somewhere safe, away from your phone" in page
    codes = Authenticator.objects.get(user=alice, type="recovery_codes").wrap().get_unused_codes()
    for code in codes:
        assert f"<li><code>{code}</code></li>" in response.text


def test_turning_it_on_emails_in_our_words(alice, alice_client, django_capture_on_commit_callbacks):
    confirm_password(alice_client)
    alice_client.get(reverse("mfa_activate_totp"))
    secret = alice_client.session["mfa.totp.secret"]
    with django_capture_on_commit_callbacks() as callbacks:
        response = alice_client.post(
            reverse("mfa_activate_totp"),
            {"code": code_now(secret)},
            HTTP_USER_AGENT=FIREFOX_WINDOWS,
        )
    with context.request_context(response.wsgi_request):  # as after the commit, mid-request
        for callback in callbacks:
            callback()
    [email] = mail.outbox
    assert email.subject == "[Rebound] Two-factor sign-in is on"
    assert email.body.startswith("Hello from Rebound.")
    assert "Two-factor sign-in is now on for your account." in email.body
    assert "from Firefox on Windows" in email.body
    assert "Mozilla" not in email.body and "Authenticator app activated" not in email.body


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("mfa/email/totp_deactivated", "your recovery codes no longer work"),
        ("mfa/email/recovery_codes_generated", "the old ones no longer work"),
    ],
)
def test_the_other_two_factor_emails_are_in_our_words(template, words):
    context = {"timestamp": None, "ip": "203.0.113.9", "user_agent": SAFARI_IPHONE}
    body = render_to_string(f"{template}_message.txt", context)
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    assert words in body and "from Safari on iPhone at the IP address 203.0.113.9" in body
    assert subject and "[Rebound]" not in subject  # allauth adds the prefix itself
    assert "You are receiving this mail" not in body


# ---- Logging in with a code -------------------------------------------------------------


def test_the_code_step_at_log_in_mentions_recovery_codes_and_has_a_way_back(alice, client):
    turn_on_two_factor(alice)
    response = log_in(client, alice)
    assert response.url == reverse("mfa_authenticate")
    response = client.get(reverse("mfa_authenticate"))
    page = text_of(response)
    assert "One more step" in page
    assert "Type the 6-digit code from your authenticator app." in page
    assert "One of your recovery codes works here too." in page
    assert ">Log in</button>" in response.text and "Sign In" not in page
    assert "placeholder=" not in response.text
    # Cancel logs the half-done log-in out and goes back to the log-in page.
    assert re.search(
        r'<button type="submit" class="link-button" form="logout-from-stage">Cancel', response.text
    )
    form = re.search(
        r'<form id="logout-from-stage" method="post" action="([^"]+)">(.*?)</form>',
        response.text,
        re.S,
    )
    assert form.group(1) == reverse("account_logout")
    assert f'name="next" value="{reverse("account_login")}"' in form.group(2)
    response = client.post(reverse("account_logout"), {"next": reverse("account_login")})
    assert response.url == reverse("account_login")
    assert client.get(reverse("home:index")).status_code == 302


def test_a_recovery_code_logs_you_in_once(alice, client):
    codes = turn_on_two_factor(alice)
    log_in(client, alice)
    response = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 302
    assert client.get(reverse("home:index")).status_code == 200
    # The same code a second time is refused, beside the box.
    other = Client()
    log_in(other, alice)
    response = other.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 200
    assert "That code didn&#x27;t work." in response.text
    assert other.get(reverse("home:index")).status_code == 302


# ---- Turning it off ---------------------------------------------------------------------


def test_turning_it_off_warns_about_the_codes_and_has_a_way_back(alice, alice_client):
    turn_on_two_factor(alice)
    confirm_password(alice_client)
    response = alice_client.get(reverse("mfa_deactivate_totp"))
    page = text_of(response)
    assert "Turn off two-factor sign-in?" in page
    assert (
        "Your recovery codes will stop working too. You can turn it on again at any time." in page
    )
    assert (
        '<button type="submit" class="button button--quiet-danger">Turn it off</button>'
        in response.text
    )
    assert (
        f'<a class="button button--secondary" href="{reverse("mfa_index")}">Keep it on</a>'
        in response.text
    )
    assert "Are you sure" not in page
    response = alice_client.post(reverse("mfa_deactivate_totp"), follow=True)
    assert "Two-factor sign-in is off." in text_of(response)
    assert not Authenticator.objects.filter(user=alice, type="totp").exists()


# ---- Recovery codes ---------------------------------------------------------------------


def test_the_recovery_codes_page_lists_them_and_the_download_works(alice, alice_client):
    codes = turn_on_two_factor(alice)
    confirm_password(alice_client)  # allauth shows codes only just after the password
    response = alice_client.get(reverse("mfa_view_recovery_codes"))
    assert response.status_code == 200
    listed = re.findall(r"<li><code>([^<]+)</code></li>", response.text)
    assert listed == codes
    assert "Each code works once." in text_of(response)
    download = alice_client.get(reverse("mfa_download_recovery_codes"))
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/plain")
    assert download["Content-Disposition"] == 'attachment; filename="recovery-codes.txt"'
    text = download.content.decode()
    assert text.startswith("Your Rebound recovery codes")
    assert [line for line in text.splitlines() if re.fullmatch(r"\w{8}", line)] == codes


@pytest.mark.django_db(transaction=True)  # as above: the message follows the commit
def test_making_new_codes_warns_and_the_old_ones_stop(alice, alice_client):
    old = turn_on_two_factor(alice)
    confirm_password(alice_client)
    page = text_of(alice_client.get(reverse("mfa_generate_recovery_codes")))
    assert "Your old codes will stop working as soon as you do this" in page
    response = alice_client.post(reverse("mfa_generate_recovery_codes"))
    response = alice_client.get(response.url)
    new = re.findall(r"<li><code>([^<]+)</code></li>", response.text)
    assert len(new) == 10 and not set(new) & set(old)
    assert "Your recovery codes are below." in text_of(response)


def test_someone_elses_codes_never_show(alice, bob, alice_client):
    bobs = turn_on_two_factor(bob)
    alices = turn_on_two_factor(alice)
    confirm_password(alice_client)
    for name in ("mfa_index", "mfa_view_recovery_codes", "mfa_download_recovery_codes"):
        response = alice_client.get(reverse(name))
        assert response.status_code == 200, name
        body = response.content.decode()
        assert not any(code in body for code in bobs), name
        if name != "mfa_index":
            assert all(code in body for code in alices), name


# ---- Device names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user_agent", "name"),
    [
        (CHROME_LINUX, "Chrome on Linux"),
        (SAFARI_IPHONE, "Safari on iPhone"),
        (FIREFOX_WINDOWS, "Firefox on Windows"),
        (EDGE_WINDOWS, "Edge on Windows"),
        (CHROME_ANDROID, "Chrome on Android"),
        (SAFARI_MAC, "Safari on Mac"),
        (CHROME_IPHONE, "Chrome on iPhone"),
        (
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/124.0 "
            "Safari/537.36",
            "Chrome on ChromeOS",
        ),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Microsoft Something", "a browser on Windows"),
        ("curl/8.5.0", "an unknown browser"),
        ("", "an unknown browser"),
        (None, "an unknown browser"),
        (12345, "an unknown browser"),
        ("x" * 1_000_000, "an unknown browser"),
        ("Firefox/125.0\x00 (Windows NT 10.0)", "Firefox on Windows"),
        ("\x00" * 500, "an unknown browser"),
        ("A" * 600 + " Firefox/125.0 (Windows)", "an unknown browser"),  # past what is read
    ],
)
def test_device_names(user_agent, name):
    assert device_name(user_agent) == name


# ---- Signed-in devices ------------------------------------------------------------------


def test_one_device_is_marked_and_not_offered_a_log_out_of_itself(alice, client):
    log_in(client, alice)
    response = client.get(reverse("usersessions_list"))
    page = text_of(response)
    assert '<h1 class="page-title">Signed-in devices</h1>' in response.text
    assert "Chrome on Linux This device" in page
    assert "Only this device is logged in." in page
    assert "Log out everywhere else" not in page
    assert "Mozilla" not in page and "Sign Out" not in page and "Started At" not in page
    logout = reverse("account_logout")
    assert f'action="{logout}"' not in response.text.split("<main", 1)[1]  # only the header's


def test_first_seen_is_in_the_persons_own_time_zone(alice, client):
    alice.time_zone = "Asia/Tokyo"  # UTC+9, no summer time
    alice.save(update_fields=["time_zone"])
    log_in(client, alice)
    session = UserSession.objects.get(user=alice)
    tokyo = session.created_at.astimezone(ZoneInfo("Asia/Tokyo"))
    page = text_of(client.get(reverse("usersessions_list")))
    assert tokyo.strftime("%H:%M") in page


def test_log_out_everywhere_else_ends_the_others_but_not_this_one(alice, bob, client):
    log_in(client, alice)
    phone = Client()
    log_in(phone, alice, SAFARI_IPHONE)
    bobs = Client()
    log_in(bobs, bob, FIREFOX_WINDOWS)

    response = client.get(reverse("usersessions_list"))
    page = text_of(response)
    assert "Safari on iPhone" in page and "Chrome on Linux This device" in page
    assert page.count("This device") == 1
    assert "Firefox on Windows" not in page  # Bob's browser, not hers
    assert "Log out everywhere else" in page
    here = reverse("usersessions_list")
    assert f'<form class="stack" method="post" action="{here}">' in response.text
    phone_key = phone.session.session_key

    response = client.post(reverse("usersessions_list"), follow=True)
    page = text_of(response)
    assert "Logged out everywhere else." in page
    assert "Only this device is logged in." in page and "Safari on iPhone" not in page
    assert client.get(reverse("home:index")).status_code == 200
    assert phone.get(reverse("home:index")).status_code == 302
    assert not Session.objects.filter(session_key=phone_key).exists()
    assert bobs.get(reverse("home:index")).status_code == 200  # someone else's stay
