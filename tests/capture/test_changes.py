"""A new time for a round already logged, and "still deciding": the round's own edit page,
with only what the message changes filled in. Saving there changes that round, once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.interviews.models import Interview
from tests.capture.helpers import LONDON, PASTE, in_a_week, spoken
from tests.interviews.factories import make_application, make_interview


@pytest.fixture
def northwind(alice):
    alice.time_zone = "Europe/London"
    alice.save()
    return make_application(alice, company="Northwind", role="Product Designer")


def reschedule(moment: datetime.datetime) -> str:
    return (
        "From: Sam Lee <sam@northwind.io>\n\nHi Alice, so sorry: we need to reschedule your "
        f"interview. Could we move it to {spoken(moment)} instead?\n\nSam"
    )


DECIDING = (
    "From: Sam Lee <sam@northwind.io>\n\nHi Alice, thank you for your patience. We're still "
    "interviewing and haven't made a decision yet. We'll keep you posted.\n\nSam"
)


def test_a_new_time_opens_the_upcoming_round_with_the_new_time(alice_client, northwind):
    upcoming = make_interview(northwind, occurred_at=timezone.now() + datetime.timedelta(days=2))
    moment = in_a_week() + datetime.timedelta(days=1)
    response = alice_client.post(PASTE, {"text": reschedule(moment)})
    assert response.templates[0].name == "interviews/interview_form.html"
    assert response.context["interview"] == upcoming
    form = response.context["form"]
    assert form.initial["occurred_at"] == moment
    assert form.fields["occurred_at"].from_message
    edit = reverse("interviews:interview_edit", args=[upcoming.pk])
    assert f'action="{edit}"' in response.text
    assert "gives a new time for this round" in response.text
    assert Interview.objects.get().occurred_at == upcoming.occurred_at  # nothing saved yet


def test_saving_the_new_time_changes_that_round_and_adds_none(alice_client, northwind):
    upcoming = make_interview(
        northwind, stage="video", occurred_at=timezone.now() + datetime.timedelta(days=2)
    )
    moment = in_a_week()
    form = alice_client.post(PASTE, {"text": reschedule(moment)}).context["form"]
    data = {
        "loaded": form["loaded"].value(),
        "stage": form["stage"].value(),
        "occurred_at": form["occurred_at"].value().astimezone(LONDON).strftime("%Y-%m-%dT%H:%M"),
    }
    response = alice_client.post(reverse("interviews:interview_edit", args=[upcoming.pk]), data)
    assert response.status_code == 302
    assert Interview.objects.get().occurred_at == moment


def test_a_new_time_with_no_round_logged_offers_a_new_one(alice_client, northwind):
    response = alice_client.post(PASTE, {"text": reschedule(in_a_week())})
    assert response.templates[0].name == "interviews/log.html"
    assert response.context["application"] == northwind
    assert "found no round logged for it yet" in response.text


def test_still_deciding_offers_a_day_to_follow_up_and_changes_nothing(alice_client, northwind):
    latest = make_interview(northwind, occurred_at=timezone.now() - datetime.timedelta(days=3))
    response = alice_client.post(PASTE, {"text": DECIDING})
    assert response.templates[0].name == "interviews/interview_form.html"
    assert response.context["interview"] == latest
    form = response.context["form"]
    assert form.initial["follow_up_on"] == timezone.localdate() + datetime.timedelta(days=7)
    assert form.fields["follow_up_on"].from_message
    assert "nothing needs to change" in response.text
    assert Interview.objects.get().follow_up_on is None


def test_still_deciding_by_a_named_day_follows_up_the_day_after(alice_client, northwind):
    make_interview(northwind, occurred_at=timezone.now() - datetime.timedelta(days=3))
    by = in_a_week()
    text = DECIDING.replace(
        "We'll keep you posted.", f"We'll update you by {by:%A} {by.day} {by:%B}."
    )
    response = alice_client.post(PASTE, {"text": text})
    assert response.context["form"].initial["follow_up_on"] == by.date() + datetime.timedelta(1)


def test_still_deciding_with_no_round_is_a_calm_page(alice_client, northwind):
    response = alice_client.post(PASTE, {"text": DECIDING})
    assert response.templates[0].name == "capture/deciding.html"
    assert "Nothing in your records needs to change" in response.text
    assert northwind.get_absolute_url() in response.text


def test_still_deciding_with_nothing_to_change_shows_only_the_calm_card(alice_client, northwind):
    by = in_a_week()
    text = DECIDING.replace(
        "We'll keep you posted.", f"We'll update you by {by:%A} {by.day} {by:%B}."
    )
    response = alice_client.post(PASTE, {"text": text})
    assert response.templates[0].name == "capture/deciding.html"
    assert "Nothing in your records needs to change" in response.text
    for filled_form_words in ("Fields marked", "09:00", "until you press Save", "Filled in"):
        assert filled_form_words not in response.text
    assert "data-draft-saved" in response.text
    assert "Read the message as something else" in response.text


def test_another_persons_round_is_never_offered(alice_client, northwind, bob):
    theirs = make_application(bob, company="Northwind", role="Product Designer")
    make_interview(theirs, occurred_at=timezone.now() + datetime.timedelta(days=2))
    response = alice_client.post(PASTE, {"text": reschedule(in_a_week())})
    assert response.templates[0].name == "interviews/log.html"
    assert response.context["application"] == northwind
