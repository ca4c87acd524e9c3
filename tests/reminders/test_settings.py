"""Reminder emails in Settings: off until turned on, then at an hour in the person's zone."""

import re
import zoneinfo

from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from apps.reminders.models import ReminderSettings

SETTINGS = "accounts:settings"


def test_reminders_are_off_until_turned_on(alice_client, alice):
    page = alice_client.get(reverse(SETTINGS))
    assert page.status_code == 200
    assert re.search(r'name="frequency" value="off"[^>]* checked', page.text)
    assert "Your next one" not in page.text
    assert not ReminderSettings.objects.exists()  # looking saves nothing


def test_turning_on_a_weekly_email_in_my_own_zone(
    alice_client, alice, django_capture_on_commit_callbacks
):
    alice.time_zone = "Asia/Kolkata"
    alice.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(
            reverse("reminders:settings"),
            {"frequency": "weekly", "send_hour": "7", "send_weekday": "4"},
            follow=True,
        )
    settings = ReminderSettings.objects.get(owner=alice)
    local = settings.next_send_at.astimezone(zoneinfo.ZoneInfo("Asia/Kolkata"))
    assert (local.weekday(), local.hour, local.minute) == (4, 7, 0)
    assert local > timezone.now()
    assert "Reminder emails are on. The first comes Friday" in response.text
    assert "Your next one: <time" in response.text
    # The worker's schedule starts, once the settings are saved.
    assert DBTaskResult.objects.filter(task_path="apps.reminders.tasks.send_due_digests").exists()


def test_turning_them_off_again(alice_client, alice):
    alice_client.post(
        reverse("reminders:settings"), {"frequency": "daily", "send_hour": "8", "send_weekday": "0"}
    )
    response = alice_client.post(
        reverse("reminders:settings"),
        {"frequency": "off", "send_hour": "8", "send_weekday": "0"},
        follow=True,
    )
    settings = ReminderSettings.objects.get(owner=alice)
    assert not settings.is_on
    assert settings.next_send_at is None
    assert "Reminder emails are off." in response.text


def test_an_odd_choice_is_told_beside_the_field_and_nothing_is_lost(alice_client, alice):
    response = alice_client.post(
        reverse("reminders:settings"),
        {"frequency": "hourly", "send_hour": "٣", "send_weekday": "9"},
    )
    assert response.status_code == 422
    assert response.text.count("Choose one of the options.") == 3
    assert 'name="display_name"' in response.text  # the rest of Settings is still there
    assert not ReminderSettings.objects.exists()


def test_bobs_choice_does_not_touch_alices(client, alice, bob):
    client.force_login(alice)
    client.post(
        reverse("reminders:settings"), {"frequency": "daily", "send_hour": "8", "send_weekday": "0"}
    )
    client.force_login(bob)
    client.post(
        reverse("reminders:settings"),
        {"frequency": "weekly", "send_hour": "9", "send_weekday": "2"},
    )
    assert ReminderSettings.objects.get(owner=alice).frequency == "daily"
    assert ReminderSettings.objects.get(owner=bob).frequency == "weekly"


def test_saving_needs_a_log_in_and_a_post(client, alice):
    assert client.post(reverse("reminders:settings"), {"frequency": "daily"}).status_code == 302
    client.force_login(alice)
    assert client.get(reverse("reminders:settings")).status_code == 405
    assert not ReminderSettings.objects.exists()


def test_the_settings_page_costs_the_same_with_and_without_reminders(
    alice_client, alice, django_assert_max_num_queries
):
    alice_client.get(reverse(SETTINGS))
    with django_assert_max_num_queries(4):
        alice_client.get(reverse(SETTINGS))
    alice_client.post(
        reverse("reminders:settings"), {"frequency": "daily", "send_hour": "8", "send_weekday": "0"}
    )
    alice_client.post(reverse("calendar_feed:new_address"))
    with django_assert_max_num_queries(4):
        alice_client.get(reverse(SETTINGS))


def test_after_moving_zone_the_next_email_is_shown_at_the_hour_in_the_new_one(alice_client, alice):
    alice_client.post(
        reverse("reminders:settings"), {"frequency": "daily", "send_hour": "9", "send_weekday": "0"}
    )
    alice_client.post(
        reverse(SETTINGS), {"display_name": "Alice", "time_zone": "Asia/Tokyo"}, follow=True
    )
    page = alice_client.get(reverse(SETTINGS))
    assert re.search(r"Your next one: <time[^>]*>\w+ \d+ \w+ at 09:00</time>", page.text)
