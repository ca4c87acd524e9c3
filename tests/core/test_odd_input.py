"""Odd input is never a 500: huge, empty, NUL bytes, non-ASCII digits, far-future dates.
Each gets a clear message beside the field or a sane default."""

import pytest
from django.db import connection
from django.urls import reverse

from apps.interviews.models import Application, Interview
from apps.journal.forms import sign_links
from apps.journal.models import Entry
from apps.rejections.models import Rejection
from tests.interviews.factories import make_application, make_interview
from tests.interviews.test_log_interview import LOG, log_data
from tests.journal.factories import make_entry
from tests.rejections.factories import make_recovery
from tests.strengths.factories import make_achievement

SUPERSCRIPT_TWO = "²"  # str.isdigit() says yes; int() says no


def test_a_search_of_many_dashes_is_answered(alice_client, alice):
    make_entry(alice, answers=["A calm day."])
    response = alice_client.get(reverse("journal:index"), {"q": "-" * 40 + " calm"})
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["interviews:applications", "interviews:questions"])
def test_a_nul_byte_in_a_search_is_answered(alice_client, alice, url):
    make_interview(make_application(alice, company="Northwind"))
    response = alice_client.get(reverse(url), {"q": "North\x00wind"})
    assert response.status_code == 200


def test_the_exercise_takes_any_length_in_the_address(alice_client):
    for minutes in ("abc", SUPERSCRIPT_TWO, "99999999999999999999", ""):
        response = alice_client.get(reverse("strengths:exercise"), {"minutes": minutes})
        assert response.status_code == 200
        assert response.context["minutes"] == 10


def test_non_ascii_digits_in_the_address_get_a_sane_default(alice_client, alice):
    make_achievement(alice)
    recovery = make_recovery(alice)
    pages = [
        (reverse("strengths:bad_day"), {"shuffle": SUPERSCRIPT_TWO}),
        (reverse("journal:write_new"), {"guide": "learned", "step": SUPERSCRIPT_TWO}),
        (reverse("journal:write_new"), {"application": SUPERSCRIPT_TWO}),
        (reverse("journal:write_new"), {"interview": SUPERSCRIPT_TWO}),
        (LOG, {"application": SUPERSCRIPT_TWO}),
        (reverse("feedback:new"), {"application": SUPERSCRIPT_TWO}),
        (reverse("rejections:new"), {"application": SUPERSCRIPT_TWO}),
        (reverse("interviews:question_row"), {"questions-TOTAL_FORMS": SUPERSCRIPT_TWO}),
        (reverse("interviews:question_row"), {"removed": SUPERSCRIPT_TWO}),
        (LOG, {"company": "North\x00wind"}),
        (recovery.step_url(1), {}),
    ]
    for url, query in pages:
        assert alice_client.get(url, query).status_code == 200, url


def test_non_ascii_digits_in_a_form_are_refused_calmly(alice_client, alice):
    response = alice_client.post(LOG, log_data(**{"questions-TOTAL_FORMS": SUPERSCRIPT_TWO}))
    assert response.status_code == 422
    assert not Interview.objects.exists()

    entry = make_entry(alice, guide="free", answers=["Start."])
    response = alice_client.post(
        entry.get_write_url(),
        {"version": SUPERSCRIPT_TWO, "answer_0": "More."},
        HTTP_X_AUTOSAVE="1",
    )
    assert response.status_code == 409  # not the version this copy came from
    entry.refresh_from_db()
    assert entry.answers == ["Start."]


def test_a_huge_journal_answer_gets_a_message_and_search_survives_an_old_one(alice_client, alice):
    response = alice_client.post(
        reverse("journal:write_new") + "?guide=free",
        {"version": "0", "answer_0": "word " * 25_000, "finish": "1"},
    )
    assert response.status_code == 422
    assert "This is longer than the 100000 characters it can hold" in response.text
    assert not Entry.objects.exists()

    make_entry(alice, guide="free", answers=["calm " * 250_000])  # saved before the limit
    make_entry(alice, guide="free", answers=["A calm morning."], body="x" * 1_000_000)
    response = alice_client.get(reverse("journal:index"), {"q": "calm"})
    assert response.status_code == 200
    if connection.vendor == "postgresql":
        assert len(response.context["page"].object_list) == 2


def test_autosave_keeps_the_words_when_the_linked_application_was_deleted(alice_client, alice):
    application = make_application(alice)
    token = sign_links(alice, application, None)
    application.delete()  # in another tab, after this page was drawn
    response = alice_client.post(
        reverse("journal:write_new") + "?guide=free",
        {"version": "0", "answer_0": "Words worth keeping.", "links": token},
        HTTP_X_AUTOSAVE="1",
    )
    assert response.status_code == 200
    entry = Entry.objects.get()
    assert (entry.answers[0], entry.application) == ("Words worth keeping.", None)


def test_a_long_company_name_is_refused_beside_the_field_not_cut(alice_client):
    response = alice_client.post(LOG, log_data(company="N" * 5_000))
    assert response.status_code == 422
    assert response.context["choice"].errors["company"] == [
        "This is longer than the 200 characters it can hold (it has 5000). "
        "Please shorten it: everything else is kept."
    ]
    assert 'maxlength="200"' not in response.text  # the browser would cut it without a word
    assert not Application.objects.exists()


def test_a_past_event_in_year_3000_is_refused_with_a_message(alice_client, alice):
    response = alice_client.post(
        reverse("interviews:application_new"),
        {
            "company": "Northwind",
            "role": "Designer",
            "status": "applied",
            "applied_on": "3000-01-01",
        },
    )
    assert response.status_code == 422
    assert "That date is still to come" in response.text
    assert not Application.objects.exists()

    application = make_application(alice)
    response = alice_client.post(
        reverse("rejections:new"),
        {"application": application.pk, "received_on": "3000-01-01", "how": "email"},
    )
    assert response.status_code == 422
    assert "That date is still to come" in response.text
    assert not Rejection.objects.exists()

    response = alice_client.post(LOG, log_data(occurred_at="3000-01-01T10:00"))
    assert response.status_code == 422
    assert "more than five years from now" in response.text


@pytest.mark.parametrize("company", ["Acme\x00", "N" * 60_000])
def test_a_company_with_a_nul_or_of_any_length_gets_a_message_not_a_500(
    alice_client, alice, company
):
    make_application(alice, company="Acme")  # so the page looks for suggestions
    response = alice_client.post(LOG, log_data(company=company))
    assert response.status_code == 422
    assert response.context["choice"].errors["company"]
    assert Application.objects.count() == 1


def test_a_date_wrong_in_itself_is_said_once_not_as_a_clash(alice_client, alice):
    response = alice_client.post(
        LOG, log_data(occurred_at="3000-01-01T10:00", follow_up_on="2026-12-10")
    )
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert "more than five years from now" in errors["occurred_at"][0]
    assert "follow_up_on" not in errors  # nothing wrong with the follow-up itself
