"""The calendar address in Settings, and "Add to my calendar" on a round."""

import datetime

import icalendar
from django.urls import reverse
from django.utils import timezone

from apps.calendar_feed.models import CalendarFeed
from tests.interviews.factories import make_application, make_interview


def test_settings_offers_a_calendar_address_until_there_is_one(alice_client):
    page = alice_client.get(reverse("accounts:settings"))
    assert "Make my calendar address" in page.text
    assert "Your private calendar address" not in page.text


def test_making_the_address_shows_it_with_how_to_subscribe(alice_client, alice):
    response = alice_client.post(reverse("calendar_feed:new_address"), follow=True)
    feed = CalendarFeed.objects.get(owner=alice)
    address = f"http://testserver/calendar/feed/{feed.token}.ics"
    assert f'value="{address}"' in response.text
    assert f'href="webcal://testserver/calendar/feed/{feed.token}.ics"' in response.text
    for calendar_app in ("Google Calendar", "Apple Calendar", "Outlook"):
        assert calendar_app in response.text
    assert "Your calendar address is ready" in response.text


def test_a_new_address_asks_first_then_replaces_the_old(alice_client, alice):
    alice_client.post(reverse("calendar_feed:new_address"))
    old = CalendarFeed.objects.get(owner=alice).token
    confirm = alice_client.get(reverse("calendar_feed:new_address"))
    assert "The address you have now stops working" in confirm.text
    assert CalendarFeed.objects.get(owner=alice).token == old  # nothing changed yet
    alice_client.post(reverse("calendar_feed:new_address"))
    assert CalendarFeed.objects.get(owner=alice).token != old
    assert CalendarFeed.objects.count() == 1


def test_turning_off_asks_first(alice_client, alice):
    alice_client.post(reverse("calendar_feed:new_address"))
    confirm = alice_client.get(reverse("calendar_feed:turn_off"))
    assert "Everything in Rebound stays as it is" in confirm.text
    assert CalendarFeed.objects.filter(owner=alice).exists()
    response = alice_client.post(reverse("calendar_feed:turn_off"), follow=True)
    assert not CalendarFeed.objects.filter(owner=alice).exists()
    assert "Make my calendar address" in response.text


def test_bob_turning_his_address_off_leaves_alices(client, alice, bob):
    client.force_login(alice)
    client.post(reverse("calendar_feed:new_address"))
    client.force_login(bob)
    client.post(reverse("calendar_feed:new_address"))
    client.post(reverse("calendar_feed:turn_off"))
    assert list(CalendarFeed.objects.values_list("owner", flat=True)) == [alice.pk]


def test_the_address_pages_need_a_log_in(client, db):
    for name in ("calendar_feed:new_address", "calendar_feed:turn_off"):
        assert client.post(reverse(name)).status_code == 302
    assert not CalendarFeed.objects.exists()


def test_add_to_my_calendar_downloads_the_round_as_one_event(alice_client, alice):
    alice.time_zone = "America/New_York"
    alice.save()
    when = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
    interview = make_interview(
        make_application(alice, company="Lumen & Co"),
        stage="final",
        occurred_at=when,
        went_well="Private notes.",
    )
    page = alice_client.get(interview.get_absolute_url())
    link = reverse("calendar_feed:round_event", args=[interview.pk])
    assert f'href="{link}" download>Add to my calendar' in page.text

    response = alice_client.get(link)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="final-round-lumen-co.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    # The same UID as in the feed, so opening it again updates the event.
    assert str(event["UID"]) == f"round-{interview.pk}@127.0.0.1"
    assert str(event["SUMMARY"]) == "Final round: Designer at Lumen & Co"
    assert event.start == when
    assert event.start.tzinfo.key == "America/New_York"
    assert event.duration == datetime.timedelta(hours=1)  # length not noted
    assert "Private notes" not in response.text
    assert "X-WR-CALNAME" not in response.text  # a file to import, not a subscription
