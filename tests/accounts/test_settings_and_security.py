"""The settings page, two-factor sign-in and the list of signed-in sessions."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD


def test_settings_saves_name_and_time_zone(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:settings"), {"display_name": "Ali", "time_zone": "America/New_York"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.display_name, alice.time_zone) == ("Ali", "America/New_York")
    assert "Your settings are saved." in alice_client.get(response.url).text


def test_settings_rejects_an_unknown_time_zone_and_keeps_the_name(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:settings"), {"display_name": "Ali", "time_zone": "Mars/Olympus"}
    )
    assert response.status_code == 422
    assert "Choose a time zone from the list." in response.text
    assert 'value="Ali"' in response.text
    assert 'aria-invalid="true"' in response.text
    alice.refresh_from_db()
    assert alice.time_zone == "UTC"


@pytest.mark.django_db
def test_settings_needs_a_login(client):
    response = client.get(reverse("accounts:settings"))
    assert response.status_code == 302


def current_totp_code(secret: str) -> str:
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counter))


def test_two_factor_with_an_app_and_recovery_codes(alice, client):
    client.force_login(alice)
    # Turning on two-factor asks for the password again first.
    response = client.get(reverse("mfa_activate_totp"))
    assert response.url.startswith(reverse("account_reauthenticate"))
    client.post(response.url, {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in response.text  # the QR code, allowed by the CSP
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.TOTP).exists()
    recovery = Authenticator.objects.get(user=alice, type=Authenticator.Type.RECOVERY_CODES)
    client.post(reverse("account_logout"))

    # The password alone is no longer enough: a second step is asked for.
    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": PASSWORD}
    )
    assert response.url == reverse("mfa_authenticate")
    assert not client.get(reverse("home:index")).wsgi_request.user.is_authenticated

    # A recovery code gets her in when her phone is not to hand.
    code = recovery.wrap().get_unused_codes()[0]
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("home:index")).wsgi_request.user == alice


def log_in(email: str) -> Client:
    client = Client(headers={"user-agent": "Phone browser"})
    client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    return client


def test_sessions_page_lists_other_devices_and_ends_them(alice):
    phone = log_in("alice@example.com")
    laptop = log_in("alice@example.com")
    assert UserSession.objects.filter(user=alice).count() == 2

    response = laptop.get(reverse("usersessions_list"))
    assert response.status_code == 200
    # Each device by a readable name (a user agent it can't read is "An unknown browser"),
    # this one marked, and one button for the rest (tests/accounts/test_two_factor_and_devices.py).
    assert response.text.count("An unknown browser") == 2  # |capfirst on the page
    assert "Phone browser" not in response.text  # the raw user agent isn't shown
    assert response.text.count("This device") == 1
    assert "Log out everywhere else" in response.text

    laptop.post(reverse("usersessions_list"))
    assert UserSession.objects.filter(user=alice).count() == 1
    assert not phone.get(reverse("home:index")).wsgi_request.user.is_authenticated
    assert laptop.get(reverse("home:index")).wsgi_request.user == alice


def test_the_time_zone_list_starts_with_common_zones(alice_client):
    page = alice_client.get(reverse("accounts:settings")).text
    common, everything = page.index('<optgroup label="Common">'), page.index("All time zones")
    assert common < page.index('value="Europe/Berlin"', common) < everything


def sign_up(client, time_zone: str):
    return client.post(
        reverse("account_signup"),
        {
            "email": "dana@example.com",
            "password1": "a calm correct horse",
            "password2": "a calm correct horse",
            "time_zone": time_zone,
        },
    )


def test_sign_up_keeps_the_time_zone_from_the_device(client, db):
    from apps.accounts.models import User

    response = sign_up(client, "Asia/Tokyo")
    assert response.status_code == 302
    user = User.objects.get(email="dana@example.com")
    assert (user.time_zone, user.time_zone_confirmed) == ("Asia/Tokyo", True)


def test_an_unknown_zone_at_sign_up_is_explained(client, db):
    response = sign_up(client, "Mars/Olympus")
    assert response.status_code == 200  # allauth re-shows the form
    assert "Choose a time zone from the list." in response.text


def test_the_device_zone_offer_is_one_click_and_then_gone(alice_client, alice):
    home = alice_client.get(reverse("home:index")).text
    assert "data-time-zone-offer" in home
    response = alice_client.post(
        reverse("accounts:time_zone"), {"time_zone": "Europe/Berlin", "next": "/journal/"}
    )
    assert response.url == "/journal/"
    alice.refresh_from_db()
    assert (alice.time_zone, alice.time_zone_confirmed) == ("Europe/Berlin", True)
    assert "data-time-zone-offer" not in alice_client.get(reverse("home:index")).text


def test_the_offer_refuses_odd_zones_and_outside_addresses(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:time_zone"),
        {"time_zone": "Mars/Olympus", "next": "https://elsewhere.example/"},
    )
    assert response.url == reverse("home:index")
    alice.refresh_from_db()
    assert (alice.time_zone, alice.time_zone_confirmed) == ("UTC", False)


def test_a_session_ends_after_the_idle_time_and_each_visit_moves_it_on(client, alice, settings):
    from apps.accounts.middleware import LAST_SEEN

    settings.SESSION_COOKIE_AGE = 60 * 60
    client.force_login(alice)
    client.get(reverse("home:index"))
    session = client.session
    first_seen = session[LAST_SEEN]
    assert 0 < session.get_expiry_age() <= 60 * 60

    session[LAST_SEEN] = first_seen - 10 * 60  # ten minutes ago: more than 1/20 of an hour
    session.save()
    client.get(reverse("home:index"))
    assert client.session[LAST_SEEN] >= first_seen  # moved on, so the end moved too

    session = client.session
    session.set_expiry(-1)  # as if the idle time had passed
    session.save()
    assert client.get(reverse("home:index")).status_code == 302  # asked to log in again
