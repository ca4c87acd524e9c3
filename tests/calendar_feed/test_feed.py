"""The private calendar feed, read back with the icalendar library as a calendar app would."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from apps.calendar_feed.models import CalendarFeed
from apps.calendar_feed.services import make_new_address
from tests.feedback.factories import make_request
from tests.interviews.factories import make_application, make_interview
from tests.journal.factories import make_entry
from tests.rejections.factories import make_plan_item

LONDON = zoneinfo.ZoneInfo("Europe/London")


def fetch(client, feed: CalendarFeed) -> icalendar.Calendar:
    response = client.get(reverse("calendar_feed:feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    return icalendar.Calendar.from_ical(response.content)


def events_by_uid(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def london_alice(alice):
    alice.time_zone = "Europe/London"
    alice.save()
    return alice


@pytest.fixture
def lived_in(london_alice):
    """A round next week (with a follow-up and no thank-you yet), a sent feedback request
    waiting for a reply, a plan step with a date, and a rejection with private words."""
    alice = london_alice
    application = make_application(alice, company="Northwind", role="Designer", location="Leeds")
    soon = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    interview = make_interview(
        application,
        stage="on_site",
        occurred_at=soon,
        length_minutes=45,
        format="in_person",
        interviewers="Priya Shah, design lead",
        went_well="I told the story about the migration well.",
        follow_up_on=timezone.localdate() + datetime.timedelta(days=14),
    )
    rejected = make_application(alice, company="Copperline", role="Lead", status="rejected")
    request = make_request(
        alice,
        rejected,
        status="sent",
        contact_email="hr@copperline.example",
        follow_up_on=timezone.localdate() + datetime.timedelta(days=3),
    )
    from apps.rejections.models import Rejection

    Rejection.objects.create(
        owner=alice,
        application=rejected,
        reason_given="They wanted more leadership experience.",
        message="Unfortunately we have decided not to proceed.",
    )
    plan = make_plan_item(alice, "Update my portfolio", due_on=timezone.localdate())
    make_entry(alice, guide="free", body="Today was hard and I cried in the car.")
    return {"interview": interview, "request": request, "plan": plan}


def test_the_feed_lists_rounds_follow_ups_thank_yous_feedback_and_plan(client, lived_in):
    feed = make_new_address(lived_in["interview"].owner)
    calendar = fetch(client, feed)
    events = events_by_uid(calendar)
    host = "127.0.0.1"  # SITE_URL's, whatever address the feed is fetched at
    interview, request, plan = lived_in["interview"], lived_in["request"], lived_in["plan"]
    assert set(events) == {
        f"round-{interview.pk}@{host}",
        f"follow-up-{interview.pk}@{host}",
        f"thank-you-{interview.pk}@{host}",
        f"feedback-follow-up-{request.pk}@{host}",
        f"plan-{plan.pk}@{host}",
    }
    assert str(calendar["X-WR-CALNAME"]) == "Rebound"
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"

    round_event = events[f"round-{interview.pk}@{host}"]
    assert str(round_event["SUMMARY"]) == "On-site round: Designer at Northwind"
    assert str(round_event["LOCATION"]) == "In person, Leeds"
    assert round_event.duration == datetime.timedelta(minutes=45)
    assert f"/interviews/rounds/{interview.pk}/" in str(round_event["URL"])

    follow_up = events[f"follow-up-{interview.pk}@{host}"]
    assert str(follow_up["SUMMARY"]) == "Follow up with Northwind"
    assert follow_up.start == interview.follow_up_on
    assert str(events[f"plan-{plan.pk}@{host}"]["SUMMARY"]) == "Plan: Update my portfolio"
    assert str(events[f"feedback-follow-up-{request.pk}@{host}"]["SUMMARY"]) == (
        "Follow up on feedback from Copperline"
    )


def test_times_carry_the_persons_zone_and_due_dates_are_whole_days(client, lived_in):
    interview = lived_in["interview"]
    calendar = fetch(client, make_new_address(interview.owner))
    events = events_by_uid(calendar)
    start = events[f"round-{interview.pk}@127.0.0.1"].start
    assert start.tzinfo.key == "Europe/London"
    assert start == interview.occurred_at  # the same instant
    assert start.hour == interview.occurred_at.astimezone(LONDON).hour
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/London"]

    thank_you = events[f"thank-you-{interview.pk}@127.0.0.1"]
    assert type(thank_you.start) is datetime.date  # all day, the same day in any zone
    assert thank_you.start == interview.occurred_at.astimezone(LONDON).date() + datetime.timedelta(
        1
    )
    assert thank_you.end == thank_you.start + datetime.timedelta(days=1)
    assert str(thank_you["TRANSP"]) == "TRANSPARENT"


def test_uids_and_contents_stay_the_same_from_one_fetch_to_the_next(client, lived_in):
    feed = make_new_address(lived_in["interview"].owner)
    first, second = fetch(client, feed), fetch(client, feed)
    assert events_by_uid(first).keys() == events_by_uid(second).keys()
    assert first.to_ical() == second.to_ical()


def test_the_feed_holds_nothing_private(client, lived_in):
    feed = make_new_address(lived_in["interview"].owner)
    text = fetch(client, feed).to_ical().decode()
    for private in (
        "cried in the car",  # journal
        "leadership experience",  # the reason given for a rejection
        "decided not to proceed",  # their message
        "migration",  # what went well
        "Priya",  # interviewers
        "hr@copperline.example",  # a contact
        "Not selected",
        "reject",
    ):
        assert private.lower() not in text.lower(), private


def test_the_feed_keeps_three_months_back_and_everything_ahead(client, london_alice):
    application = make_application(london_alice)
    now = timezone.now()
    old = make_interview(application, occurred_at=now - datetime.timedelta(days=120))
    recent = make_interview(application, occurred_at=now - datetime.timedelta(days=60))
    far = make_interview(application, occurred_at=now + datetime.timedelta(days=400))
    make_plan_item(london_alice, "Long done", due_on=timezone.localdate() - datetime.timedelta(100))
    uids = events_by_uid(fetch(client, make_new_address(london_alice)))
    assert f"round-{recent.pk}@127.0.0.1" in uids
    assert f"round-{far.pk}@127.0.0.1" in uids
    assert f"round-{old.pk}@127.0.0.1" not in uids
    assert not any(uid.startswith("plan-") for uid in uids)


def test_done_things_leave_the_calendar(client, lived_in):
    interview = lived_in["interview"]
    interview.thank_you_sent_on = timezone.localdate()
    interview.followed_up_on = timezone.localdate()
    interview.save()
    lived_in["plan"].done_on = timezone.localdate()
    lived_in["plan"].save()
    uids = events_by_uid(fetch(client, make_new_address(interview.owner)))
    assert set(uids) == {
        f"round-{interview.pk}@127.0.0.1",
        f"feedback-follow-up-{lived_in['request'].pk}@127.0.0.1",
    }


def test_a_person_in_utc_gets_times_in_utc(client, alice):
    interview = make_interview(
        make_application(alice), occurred_at=timezone.now().replace(microsecond=0)
    )
    start = events_by_uid(fetch(client, make_new_address(alice)))[
        f"round-{interview.pk}@127.0.0.1"
    ].start
    assert start.utcoffset() == datetime.timedelta(0)
    assert start == interview.occurred_at


@pytest.mark.parametrize("rounds", [2, 40])
def test_the_feed_costs_the_same_few_queries_however_much_there_is(
    client, london_alice, rounds, django_assert_max_num_queries
):
    for number in range(rounds):
        application = make_application(london_alice, company=f"Company {number}")
        make_interview(
            application,
            occurred_at=timezone.now() + datetime.timedelta(days=number),
            follow_up_on=timezone.localdate() + datetime.timedelta(days=number),
        )
        make_request(london_alice, application, status="sent", follow_up_on=timezone.localdate())
        make_plan_item(london_alice, f"Step {number}", due_on=timezone.localdate())
    feed = make_new_address(london_alice)
    with django_assert_max_num_queries(4):
        calendar = fetch(client, feed)
    assert len(calendar.walk("VEVENT")) == rounds * 5


def test_a_new_address_retires_the_old_one(client, alice):
    old = make_new_address(alice).token
    new = make_new_address(alice).token
    assert old != new
    assert client.get(reverse("calendar_feed:feed", args=[old])).status_code == 404
    assert client.get(reverse("calendar_feed:feed", args=[new])).status_code == 200


def test_turning_the_address_off_makes_it_a_404(client, alice):
    token = make_new_address(alice).token
    client.force_login(alice)
    client.post(reverse("calendar_feed:turn_off"))
    assert not CalendarFeed.objects.exists()
    client.logout()
    assert client.get(reverse("calendar_feed:feed", args=[token])).status_code == 404


@pytest.mark.parametrize("token", ["nothing", "a.b", "x" * 5000, "%00", "٣.٣", ".", "abc.def.ics"])
def test_odd_addresses_are_a_calm_404(client, alice, token):
    make_new_address(alice)
    assert client.get(f"/calendar/feed/{token}.ics").status_code == 404


def test_another_persons_key_under_a_valid_looking_signature_is_refused(client, alice, bob):
    alices = make_new_address(alice).token
    bobs = make_new_address(bob).token
    forged = f"{alices.split('.')[0]}.{bobs.split('.')[1]}"
    assert client.get(reverse("calendar_feed:feed", args=[forged])).status_code == 404


def test_uids_stay_the_same_whatever_address_fetched_the_feed(client, alice):
    from apps.calendar_feed.models import CalendarFeed

    make_interview(make_application(alice), occurred_at=timezone.now() + datetime.timedelta(days=2))
    feed = CalendarFeed.objects.create(owner=alice)
    path = reverse("calendar_feed:feed", args=[feed.token])
    uids = [
        {
            str(e["UID"])
            for e in icalendar.Calendar.from_ical(client.get(path, HTTP_HOST=host).content).walk(
                "VEVENT"
            )
        }
        for host in ("localhost", "127.0.0.1")
    ]
    assert uids[0] == uids[1]
    body = client.get(path).content.decode()
    assert "X-PUBLISHED-TTL:PT4H" in body
