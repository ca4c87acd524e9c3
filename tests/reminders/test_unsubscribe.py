"""One-click unsubscribe from the email: no log-in, a confirmation page for people, RFC 8058
one-click for mail apps, and a calm page for a broken link."""

from django.test import Client
from django.urls import reverse

from apps.reminders.digest import unsubscribe_token
from apps.reminders.models import ReminderSettings
from tests.reminders.helpers import due_now


def link(user) -> str:
    return reverse("reminders:unsubscribe", args=[unsubscribe_token(user)])


def test_opening_the_link_asks_first_and_changes_nothing(client, alice):
    due_now(alice)
    page = client.get(link(alice))
    assert page.status_code == 200
    assert "Stop reminder emails?" in page.text
    assert ReminderSettings.objects.get(owner=alice).is_on  # a mail scanner's GET is harmless


def test_confirming_stops_them_without_logging_in(client, alice):
    due_now(alice)
    page = client.post(link(alice))
    assert page.status_code == 200
    assert "Reminder emails are off" in page.text
    settings = ReminderSettings.objects.get(owner=alice)
    assert not settings.is_on
    assert settings.next_send_at is None


def test_a_mail_apps_one_click_post_needs_no_csrf_token(alice):
    due_now(alice)
    mail_app = Client(enforce_csrf_checks=True)
    response = mail_app.post(
        link(alice),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not ReminderSettings.objects.get(owner=alice).is_on


def test_only_the_person_in_the_link_is_unsubscribed(client, alice, bob):
    due_now(alice)
    due_now(bob)
    client.force_login(bob)
    client.post(link(alice))
    assert not ReminderSettings.objects.get(owner=alice).is_on
    assert ReminderSettings.objects.get(owner=bob).is_on


def test_already_off(client, alice):
    assert "already off" in client.get(link(alice)).text


def test_a_broken_link_is_a_calm_page_not_an_error(client, alice):
    due_now(alice)
    token = unsubscribe_token(alice)
    for broken in (token[:-3], "nonsense", f"{token}x", "x" * 3000, "%00", "٣.abc"):
        for method in (client.get, client.post):
            page = method(f"/reminders/unsubscribe/{broken}/")
            assert page.status_code == 404
            assert "This link doesn't work" in page.text
    assert ReminderSettings.objects.get(owner=alice).is_on
