"""The log-an-interview page: one submit records the round and, if needed, its application."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.interviews.models import Application, Interview, Question
from tests.interviews.factories import make_application

LOG = reverse("interviews:log")


def log_data(**overrides) -> dict:
    data = {
        "company": "Northwind",
        "role": "Product designer",
        "stage": "video",
        "occurred_at": "2026-03-14T10:30",
        "gut_feeling": "4",
        "questions-TOTAL_FORMS": "3",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "50",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_basics_create_the_application_and_the_round(alice_client, alice):
    response = alice_client.post(LOG, log_data())
    interview = Interview.objects.get()
    assert response.status_code == 302
    assert response.url == interview.get_absolute_url()
    application = interview.application
    assert (application.owner, application.company, application.role) == (
        alice,
        "Northwind",
        "Product designer",
    )
    assert application.status == Application.Status.INTERVIEWING
    assert (interview.owner, interview.stage, interview.gut_feeling) == (alice, "video", 4)
    assert "Your interview is saved." in alice_client.get(response.url).text


def test_the_time_is_read_in_the_persons_time_zone(alice_client, alice):
    alice.time_zone = "Asia/Tokyo"
    alice.save()
    alice_client.post(LOG, log_data(occurred_at="2026-03-14T10:30"))
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    assert Interview.objects.get().occurred_at == datetime.datetime(
        2026, 3, 14, 10, 30, tzinfo=tokyo
    )


def test_the_date_defaults_to_now_in_the_persons_time_zone(alice_client, alice):
    alice.time_zone = "Pacific/Auckland"
    alice.save()
    response = alice_client.get(LOG)
    now_there = timezone.now().astimezone(zoneinfo.ZoneInfo("Pacific/Auckland"))
    assert f'value="{now_there:%Y-%m-%dT%H:}' in response.text


def test_questions_are_saved_and_blank_rows_skipped(alice_client, alice):
    alice_client.post(
        LOG,
        log_data(
            **{
                "questions-0-text": "Tell me about a conflict.",
                "questions-0-kind": "behavioural",
                "questions-0-outcome": "rocked",
                "questions-0-my_answer": "The launch story.",
                "questions-2-text": "Design a parking app.",
                "questions-2-outcome": "struggled",
            }
        ),
    )
    questions = Question.objects.order_by("text")
    assert [(q.text, q.outcome, q.owner) for q in questions] == [
        ("Design a parking app.", "struggled", alice),
        ("Tell me about a conflict.", "rocked", alice),
    ]
    assert questions[1].my_answer == "The launch story."


def test_picking_an_existing_application_adds_a_round_to_it(alice_client, alice):
    application = make_application(alice, status=Application.Status.APPLIED)
    alice_client.post(LOG, log_data(application=str(application.pk), company="", role=""))
    assert Application.objects.count() == 1
    application.refresh_from_db()
    assert application.status == Application.Status.INTERVIEWING
    assert application.interviews.count() == 1


def test_a_later_status_is_left_alone(alice_client, alice):
    application = make_application(alice, status=Application.Status.OFFER)
    alice_client.post(LOG, log_data(application=str(application.pk)))
    application.refresh_from_db()
    assert application.status == Application.Status.OFFER


def test_a_round_cannot_be_attached_to_someone_elses_application(alice_client, bob):
    bobs = make_application(bob, company="Bob's Co")
    response = alice_client.post(LOG, log_data(application=str(bobs.pk)))
    assert response.status_code == 422
    assert "That application isn&#x27;t in your list" in response.text
    assert not Interview.objects.exists()
    assert "Bob&#x27;s Co" not in response.text


def test_a_missing_company_is_explained_and_nothing_typed_is_lost(alice_client):
    response = alice_client.post(
        LOG,
        log_data(
            company="", went_well="They loved the portfolio.", **{"questions-0-text": "Why us?"}
        ),
    )
    assert response.status_code == 422
    assert "Enter the company&#x27;s name." in response.text
    assert 'value="Product designer"' in response.text
    assert "They loved the portfolio." in response.text
    assert "Why us?" in response.text
    assert re.search(r'<input type="radio" name="stage" value="video"[^>]* checked>', response.text)
    assert not Interview.objects.exists()


def test_a_rating_outside_one_to_five_is_refused(alice_client):
    response = alice_client.post(LOG, log_data(gut_feeling="7"))
    assert response.status_code == 422
    assert "Choose one of the options, from 1 to 5." in response.text
    assert 'value="Northwind"' in response.text


def test_an_impossible_date_is_refused(alice_client):
    response = alice_client.post(LOG, log_data(occurred_at="2026-02-30T10:00"))
    assert response.status_code == 422
    assert "Enter a real date and time" in response.text
    assert 'value="2026-02-30T10:00"' in response.text


def test_a_follow_up_before_the_interview_is_refused(alice_client):
    response = alice_client.post(LOG, log_data(follow_up_on="2026-03-01"))
    assert response.status_code == 422
    assert "can&#x27;t be before the interview" in response.text


def test_the_page_can_start_from_an_application(alice_client, alice):
    application = make_application(alice, company="Lumen", role="Researcher")
    response = alice_client.get(f"{LOG}?application={application.pk}")
    assert (
        "Another round for <strong>Researcher</strong> at <strong>Lumen</strong>" in response.text
    )
    assert f'name="application" value="{application.pk}"' in response.text


def test_company_suggestions_are_a_fragment_of_your_own_applications(alice_client, alice, bob):
    make_application(alice, company="Northwind Health", role="Designer")
    make_application(bob, company="Northwind Bank", role="Analyst")
    response = alice_client.get(LOG, {"company": "northw"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Northwind Health" in response.text
    assert "Northwind Bank" not in response.text
    assert "No, this is a new application" in response.text
    assert "HX-Request" in response.headers["Vary"]


def test_no_suggestions_for_a_new_company(alice_client, alice):
    make_application(alice, company="Northwind")
    response = alice_client.get(LOG, {"company": "Lumen"}, headers={"HX-Request": "true"})
    assert "<fieldset" not in response.text


def test_adding_a_question_row_is_a_fragment_that_counts_the_rows(alice_client):
    response = alice_client.get(
        reverse("interviews:question_row"),
        {"questions-TOTAL_FORMS": "3"},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in response.text
    assert 'name="questions-3-text"' in response.text
    assert "Question 4" in response.text
    assert 'id="id_questions-TOTAL_FORMS" value="4" hx-swap-oob="true"' in response.text
    assert "HX-Request" in response.headers["Vary"]


def test_removing_a_question_row_leaves_a_quiet_note(alice_client):
    response = alice_client.get(
        reverse("interviews:question_row"), {"removed": "2"}, headers={"HX-Request": "true"}
    )
    assert (
        '<li class="question-row question-row--removed">Question 2 removed.</li>' in response.text
    )
    assert 'id="question-rows-status" hx-swap-oob="innerHTML">Question 2 removed.' in response.text
    assert "<html" not in response.text
    assert "HX-Request" in response.headers["Vary"]


@pytest.mark.django_db
def test_logging_needs_a_login(client):
    assert client.get(LOG).status_code == 302


# ---- A round for a company already in the list goes to that application ----------------


def test_a_matching_company_adds_the_round_to_its_application(alice_client, alice):
    existing = make_application(alice, company="Northwind", role="Product designer")
    response = alice_client.post(LOG, log_data(company=" northwind ", role=""))
    assert response.status_code == 302
    assert Application.objects.count() == 1
    assert Interview.objects.get().application == existing


def test_saying_it_is_new_still_makes_a_new_application(alice_client, alice):
    make_application(alice, company="Northwind", role="Product designer")
    alice_client.post(LOG, log_data(application="new", role="Design lead"))
    assert Application.objects.count() == 2
    assert Interview.objects.get().application.role == "Design lead"


def test_a_matching_company_with_another_role_asks_which(alice_client, alice):
    make_application(alice, company="Northwind", role="Product designer")
    response = alice_client.post(LOG, log_data(role="Engineer"))
    assert response.status_code == 422
    assert "Choose the one this round was for" in response.text
    assert 'value="new"' in response.text  # the choice to say it's new is right there
    assert Application.objects.count() == 1 and not Interview.objects.exists()


def test_typing_a_known_company_chooses_its_application(alice_client, alice):
    existing = make_application(alice, company="Northwind")
    make_application(alice, company="Northwind Labs")
    fragment = alice_client.get(LOG, {"company": "Northwind"}, headers={"HX-Request": "true"})
    assert f'value="{existing.pk}" checked' in fragment.text
    assert 'value="new" checked' not in fragment.text
    page = alice_client.get(LOG, {"company": "Northwind"})
    assert f'value="{existing.pk}" checked' in page.text


def test_a_similar_company_asks_which_instead_of_making_a_duplicate(alice_client, alice):
    existing = make_application(alice, company="Copperline Bank", role="Design lead")
    response = alice_client.post(LOG, log_data(company="Copperline", role="Design lead"))
    assert response.status_code == 422
    assert "a company with a similar name" in response.text
    assert f'value="{existing.pk}"' in response.text  # offered to pick, as it was on the page
    assert Application.objects.count() == 1
    alice_client.post(LOG, log_data(company="Copperline", role="Design lead", application="new"))
    assert Application.objects.count() == 2
