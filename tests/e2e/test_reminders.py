"""Settings in Chromium: turning reminder emails on, and copying the calendar address."""

from urllib.parse import urlsplit

import icalendar
import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from apps.reminders.models import ReminderSettings
from tests.e2e.test_accounts import log_in
from tests.interviews.factories import make_application, make_interview

pytestmark = pytest.mark.e2e


def test_turn_on_reminders_and_copy_the_calendar_address(
    page, context, live_server, alice, assert_accessible
):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    interview = make_interview(make_application(alice, company="Lumen"))
    log_in(page, live_server, "alice@example.com")
    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Reminder emails")).to_be_visible()
    expect(page.get_by_role("radio", name="Off")).to_be_checked()
    assert_accessible(page)

    page.get_by_role("radio", name="Every day").check()
    page.get_by_label("Time of day").select_option("07:00")
    page.get_by_role("button", name="Save reminder settings").click()
    expect(page.get_by_text("Reminder emails are on. The first comes")).to_be_visible()
    expect(page.get_by_text("Your next one:")).to_be_visible()
    expect(page.get_by_role("radio", name="Every day")).to_be_checked()
    settings = ReminderSettings.objects.get(owner=alice)
    assert (settings.frequency, settings.send_hour) == ("daily", 7)
    assert_accessible(page)

    page.get_by_role("button", name="Make my calendar address").click()
    expect(page.get_by_text("Your calendar address is ready")).to_be_visible()
    address = page.get_by_label("Your private calendar address")
    page.get_by_role("button", name="Copy the address").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == address.input_value()
    assert copied.startswith(f"{live_server.url}/calendar/feed/")
    page.get_by_text("Google Calendar", exact=True).click()  # how to subscribe, opened
    expect(page.get_by_text("From URL")).to_be_visible()
    assert_accessible(page)

    # The copied address is a calendar app's view of the same account, without a session.
    feed = page.context.request.get(copied, headers={"Cookie": ""})
    calendar = icalendar.Calendar.from_ical(feed.body())
    site_host = urlsplit(django_settings.SITE_URL).hostname  # UIDs end with the site's host
    assert {str(event["UID"]) for event in calendar.walk("VEVENT")} == {
        f"round-{interview.pk}@{site_host}",
        f"thank-you-{interview.pk}@{site_host}",
    }
