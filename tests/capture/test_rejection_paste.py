"""A pasted no: the rejection form, filled, for the application it is about; a word about
the no already noted instead of a form Save would refuse; the application the person
came from kept in preference to the company read."""

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.rejections.models import Rejection
from tests.capture.helpers import PASTE, REJECTION
from tests.interviews.factories import make_application
from tests.rejections.factories import make_recovery


@pytest.fixture
def noted(alice):
    application = make_application(alice, company="Northwind", status="rejected")
    return make_recovery(alice, application)


def test_a_no_already_noted_is_said_calmly_instead_of_a_form_save_would_refuse(alice_client, noted):
    response = alice_client.post(PASTE, {"text": REJECTION})
    assert response.status_code == 200
    assert response.templates[0].name == "capture/noted_already.html"
    assert "You already noted that it didn't work out" in response.text
    assert f'href="{noted.get_absolute_url()}"' in response.text
    assert "Carry on with the walk-through" in response.text
    assert 'action="{}"'.format(reverse("rejections:new")) not in response.text
    assert Rejection.objects.count() == 1


def test_a_no_already_walked_through_links_to_its_summary(alice_client, noted):
    noted.finished_at = timezone.now()
    noted.save()
    response = alice_client.post(PASTE, {"text": REJECTION})
    assert f'href="{reverse("rejections:summary", args=[noted.pk])}"' in response.text


def test_a_no_already_noted_costs_no_more_than_a_query_or_two(
    alice_client, noted, django_assert_max_num_queries
):
    with django_assert_max_num_queries(7):
        alice_client.post(PASTE, {"text": REJECTION})


def test_paste_instead_carries_the_application_the_rejection_page_was_opened_for(
    alice_client, alice
):
    application = make_application(alice, company="Orbital Games")
    page = alice_client.get(reverse("rejections:new"), {"application": application.pk})
    link = f"{PASTE}?expect=rejection&amp;application={application.pk}"
    assert f'href="{link}"' in page.text
    paste = alice_client.get(PASTE, {"expect": "rejection", "application": application.pk})
    assert f'name="application" value="{application.pk}"' in paste.text


def test_the_carried_application_is_used_in_preference_to_the_company_read(alice_client, alice):
    make_application(alice, company="Northwind")
    chosen = make_application(alice, company="Orbital Games")
    response = alice_client.post(PASTE, {"text": REJECTION, "application": str(chosen.pk)})
    assert response.context["form"].initial["application"] == chosen
    again = alice_client.post(
        PASTE, {"text": REJECTION, "application": str(chosen.pk), "again": "1"}
    )
    assert f'name="application" value="{chosen.pk}"' in again.text


@pytest.mark.parametrize("carried", ["bob's", "\u0663", "99999999999", "x\x00"])
def test_another_persons_or_an_odd_application_id_is_never_used(alice_client, alice, bob, carried):
    northwind = make_application(alice, company="Northwind")
    bobs = make_application(bob, company="Orbital Games")
    carried = str(bobs.pk) if carried == "bob's" else carried
    response = alice_client.post(PASTE, {"text": REJECTION, "application": carried})
    assert response.status_code == 200
    assert response.context["form"].initial["application"] == northwind
    assert "Orbital Games" not in response.text


GERMAN = (
    "Sehr geehrte Frau Muster, vielen Dank für Ihre Bewerbung. Wir möchten Sie gerne zu "
    "einem Gespräch einladen."
)


@pytest.mark.parametrize("kind", ["invitation", "rejection"])
def test_a_kind_chosen_for_a_message_nothing_is_read_from_says_the_form_is_blank(
    alice_client, alice, kind
):
    response = alice_client.post(PASTE, {"text": GERMAN, "kind": kind})
    assert response.status_code == 200
    assert "couldn't read anything from this message" in response.text
    assert "the form is blank for you to fill in" in response.text
    assert "Filled in from the message" not in response.text
    assert ("The message itself is kept below" in response.text) is (kind == "rejection")


def test_a_message_with_something_read_still_says_it_filled_the_form_in(alice_client, alice):
    response = alice_client.post(PASTE, {"text": REJECTION})
    assert "Filled in from the message" in response.text
    assert "couldn't read anything" not in response.text
