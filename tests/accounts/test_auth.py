"""Sign-up, log-in, log-out, password reset, rate limits and email confirmation."""

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD

User = get_user_model()


def signed_in_user(client):
    return client.get(reverse("home:index")).wsgi_request.user


@pytest.mark.django_db
def test_sign_up_creates_an_account_and_signs_in(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"  # as make run serves it
    response = client.post(
        reverse("account_signup"),
        {"email": "carol@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == reverse("home:index")
    user = User.objects.get(email="carol@example.com")
    assert user.time_zone == "UTC"
    assert signed_in_user(client) == user


@pytest.mark.django_db
def test_sign_up_with_a_malformed_email_keeps_what_was_typed(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "carol-at-example", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert "Enter a valid email address." in response.text
    assert 'value="carol-at-example"' in response.text
    assert PASSWORD not in response.text
    assert not User.objects.exists()


@pytest.mark.django_db
def test_sign_up_with_a_short_password_says_why(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "carol@example.com", "password1": "short", "password2": "short"},
    )
    assert "This password is too short" in response.text
    assert 'value="carol@example.com"' in response.text
    assert 'value="short"' not in response.text
    assert 'id="id_password1_error"' in response.text  # linked to the field for screen readers
    assert not User.objects.exists()


def test_log_in_and_out(alice, client):
    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("home:index")
    assert signed_in_user(client) == alice

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response.url == reverse("core:landing")
    assert not signed_in_user(client).is_authenticated


def test_wrong_password_says_so_and_keeps_the_email(alice, client):
    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": "not it at all"}
    )
    assert response.status_code == 200
    said = html.unescape(response.text)
    assert "That email and password don't match. Check both" in said
    assert "Type your password again: it's cleared each time." in said  # not "all still here"
    assert 'value="alice@example.com"' in response.text
    assert "not it at all" not in response.text


def test_the_sixth_rapid_failed_log_in_is_refused(alice, client):
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": "alice@example.com", "password": "wrong"}
        )
        assert "don&#x27;t match" in response.text
    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": PASSWORD}
    )
    assert "Too many tries for now. Take a few minutes" in response.text
    assert not signed_in_user(client).is_authenticated


def test_password_reset_by_email(alice, client):
    response = client.post(reverse("account_reset_password"), {"email": "alice@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://testserver(/accounts/password/reset/key/\S+)", mail.outbox[0].body)
    assert link, mail.outbox[0].body

    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    new_password = "a brand new calm password"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new_password)


@pytest.mark.django_db
def test_password_reset_for_an_unknown_email_reveals_nothing(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")


def test_password_change(alice_client, alice):
    new_password = "another calm password"
    response = alice_client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new_password)


@pytest.mark.django_db
def test_email_confirmation_is_optional_under_make_run(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    client.post(
        reverse("account_signup"),
        {"email": "dan@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert signed_in_user(client).is_authenticated
    assert "confirm" in mail.outbox[0].subject.lower()


@pytest.mark.django_db
def test_email_confirmation_can_be_made_mandatory(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    response = client.post(
        reverse("account_signup"),
        {"email": "erin@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.url == reverse("account_email_verification_sent")
    assert not signed_in_user(client).is_authenticated

    key = re.search(r"/accounts/confirm-email/([^/\s]+)/", mail.outbox[0].body).group(1)
    client.post(reverse("account_confirm_email", args=[key]))
    assert signed_in_user(client).email == "erin@example.com"


@pytest.mark.parametrize("header", [False, True], ids=["proxy count", "client address header"])
def test_behind_a_proxy_one_persons_failures_lock_out_only_them(client, alice, settings, header):
    if header:
        settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    else:
        settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    for attempt in range(11):
        client.post(
            reverse("account_login"),
            {"login": f"guess{attempt}@example.com", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1",
            HTTP_X_REAL_IP="203.0.113.9",
        )
    response = client.post(
        reverse("account_login"),
        {"login": "alice@example.com", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.7, 10.0.0.1",
        HTTP_X_REAL_IP="198.51.100.7",
    )
    assert response.status_code == 302
    assert signed_in_user(client) == alice


def sign_up(client, email):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def test_in_production_sign_up_never_says_whether_an_address_has_an_account(client, alice):
    new = sign_up(client, "someone.new@example.com")
    client.logout()
    taken = sign_up(client, "alice@example.com")
    assert (new.status_code, new.url) == (taken.status_code, taken.url)
    assert not signed_in_user(client).is_authenticated
    assert User.objects.filter(email="alice@example.com").count() == 1
    # Alice hears about it, by email, where only she can read it.
    assert [message.to for message in mail.outbox] == [
        ["someone.new@example.com"],
        ["alice@example.com"],
    ]
