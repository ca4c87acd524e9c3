"""Delete my account: the password again, a typed confirmation, then every row gone,
every session ended, and an email to say so."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.interviews.models import Application
from tests.conftest import PASSWORD, make_person
from tests.yourdata.conftest import confirm_password, fill_like_the_demo


def every_model() -> list:
    return list(apps.get_models(include_auto_created=True))


def links_to_people(model) -> list:
    """The columns of this table that point at a person."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model._meta.label == settings.AUTH_USER_MODEL
    ]


def row_counts() -> dict:
    return {model._meta.label: model._base_manager.count() for model in every_model()}


def test_the_delete_page_asks_for_the_password_first(alice_client):
    for method in ("get", "post"):
        response = getattr(alice_client, method)(reverse("yourdata:delete"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_reauthenticate"))


def test_the_page_offers_the_export_first(confirmed_client):
    page = confirmed_client.get(reverse("yourdata:delete")).text
    assert "Take a copy first?" in page
    assert reverse("yourdata:download") in page
    assert "alice@example.com" in page


@pytest.mark.parametrize("typed", ["", "delete it", "alice@example.com", "DELET"])
def test_without_the_word_nothing_is_deleted(confirmed_client, alice, typed):
    response = confirmed_client.post(reverse("yourdata:delete"), {"confirm": typed})
    assert response.status_code == 422
    assert "Type" in response.text and "Nothing has been deleted." in response.text
    assert type(alice).objects.filter(pk=alice.pk).exists()
    assert confirmed_client.get(reverse("home:index")).status_code == 200


def test_deleting_takes_every_row_ends_every_session_and_emails_after(
    bob, client, django_capture_on_commit_callbacks
):
    fill_like_the_demo(bob)
    bob_client = Client()
    bob_client.force_login(bob)
    before = row_counts()

    # Alice: a lived-in account, two-factor on, and signed in on a second device.
    alice = make_person("alice@example.com", "Alice")
    fill_like_the_demo(alice)
    phone = Client()
    for device in (phone, client):  # through the log-in page, as allauth lists the device
        device.post(reverse("account_login"), {"login": alice.email, "password": PASSWORD})
    TOTP.activate(alice, generate_totp_secret())
    confirm_password(client)
    sessions = list(UserSession.objects.filter(user=alice).values_list("session_key", flat=True))
    assert len(sessions) == 2
    assert Authenticator.objects.filter(user=alice).exists()

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("yourdata:delete"), {"confirm": " delete "})
        assert not mail.outbox  # not until the deletion is committed
    for callback in callbacks:
        callback()

    assert response.status_code == 302
    assert response.url == reverse("yourdata:deleted")
    # Every table holds just what it held before Alice had anything: Bob's rows.
    assert row_counts() == before
    checked = []
    for model in every_model():
        for field in links_to_people(model):
            assert not model._base_manager.filter(**{field.attname: alice.pk}).exists(), model
            checked.append(model._meta.label)
    assert {"account.EmailAddress", "mfa.Authenticator", "usersessions.UserSession"} <= set(checked)
    assert {"interviews.Application", "journal.Entry", "yourdata.ImportedRow"} <= set(checked)
    # Signed out here and on the phone; Bob is still signed in.
    assert not Session.objects.filter(session_key__in=sessions).exists()
    for device in (client, phone):
        assert device.get(reverse("home:index")).url.startswith(reverse("account_login"))
    assert bob_client.get(reverse("home:index")).status_code == 200
    # And the email, to the address she had.
    [email] = mail.outbox
    assert email.to == ["alice@example.com"]
    assert "Your account is deleted" in email.subject
    assert "alice@example.com" in email.body
    assert Application.objects.for_user(bob).count() == 12


def test_the_goodbye_page_is_calm_and_needs_no_account(client, alice):
    page = client.get(reverse("yourdata:deleted"))
    assert page.status_code == 200
    assert "Your account is deleted" in page.text
    assert reverse("account_signup") in page.text
    client.force_login(alice)
    assert client.get(reverse("yourdata:deleted")).url == reverse("yourdata:index")


def test_a_mail_server_failing_does_not_undo_or_break_the_deletion(
    confirmed_client, alice, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("apps.yourdata.services.send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        response = confirmed_client.post(reverse("yourdata:delete"), {"confirm": "DELETE"})
    assert response.status_code == 302
    assert not type(alice).objects.filter(pk=alice.pk).exists()


def test_turning_off_two_factor_asks_for_the_password_again(alice, client):
    """allauth's own deactivation already asks (MFA re-authentication is on by default);
    this proves it stays that way."""
    TOTP.activate(alice, generate_totp_secret())
    client.force_login(alice)
    response = client.get(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.TOTP).exists()

    confirm_password(client)
    assert client.get(reverse("mfa_deactivate_totp")).status_code == 200
    client.post(reverse("mfa_deactivate_totp"))
    assert not Authenticator.objects.filter(user=alice, type=Authenticator.Type.TOTP).exists()


def test_the_password_again_is_needed_after_a_while(alice_client, settings):
    confirm_password(alice_client)
    assert alice_client.get(reverse("yourdata:delete")).status_code == 200
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0  # as if the five minutes had passed
    assert alice_client.get(reverse("yourdata:delete")).status_code == 302


def test_a_wrong_password_is_not_enough(alice_client):
    alice_client.post(reverse("account_reauthenticate"), {"password": PASSWORD + "x"})
    assert alice_client.get(reverse("yourdata:delete")).status_code == 302
