"""Choosing an application without a list of hundreds: the recent few, and a box that finds
any other, as you type or on submit."""

import pytest
from django.urls import reverse

from apps.feedback.models import FeedbackRequest
from apps.rejections.models import Rejection
from tests.interviews.factories import make_application

PICK = reverse("interviews:pick_application")


@pytest.fixture
def many(alice):
    for n in range(40):
        make_application(alice, company=f"Company {n:02}", role="Designer")
    return make_application(alice, company="Quillfeather", role="Editor")


@pytest.mark.parametrize("url", ["rejections:new", "feedback:new", "journal:write_new"])
def test_a_form_offers_a_few_applications_not_all_of_them(alice_client, many, url):
    body = alice_client.get(reverse(url)).text
    assert body.count('name="application"') <= 8
    assert 'name="application_find"' in body


def test_typing_finds_matches_among_only_your_own(alice_client, many, bob):
    make_application(bob, company="Quill & Co", role="Editor")
    body = alice_client.get(
        PICK, {"name": "application", "id": "id_application", "application_find": "quill"}
    ).text
    assert "Quillfeather" in body and "Quill &amp; Co" not in body
    assert body.count('name="application"') == 2  # the match, and "none"


def test_without_javascript_a_typed_name_finds_the_application(alice_client, alice, many):
    alice_client.post(
        reverse("rejections:new"),
        {"application_find": "Quillfeather", "received_on": "2026-11-20", "how": "email"},
    )
    assert Rejection.objects.get().application == many


def test_a_name_that_matches_several_asks_which(alice_client, alice, many):
    response = alice_client.post(
        reverse("feedback:new"), {"application_find": "Company 1", "channel": "email"}
    )
    assert response.status_code == 422
    assert "More than one of your applications matches “Company 1”" in response.text
    assert "at Company 1" in response.text  # the matches are offered to choose from
    assert not FeedbackRequest.objects.exists()


def test_the_chosen_application_is_offered_even_when_it_is_old(alice_client, alice, many):
    oldest = make_application(alice, company="Oldest")
    type(oldest).objects.filter(pk=oldest.pk).update(updated_at="2020-01-01T00:00Z")
    body = alice_client.get(reverse("rejections:new"), {"application": oldest.pk}).text
    assert f'value="{oldest.pk}" checked' in body


def test_odd_input_to_the_picker_is_calm(alice_client, many):
    body = alice_client.get(
        PICK, {"name": "<b>", "id": '"><script>', "application_find": "x\x00", "application": "²"}
    )
    assert body.status_code == 200 and "<script>" not in body.text
