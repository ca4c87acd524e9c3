from django.urls import reverse

from apps.interviews.models import Interview, Question
from tests.interviews.factories import make_application, make_interview, make_question


def test_the_interview_page_shows_everything_recorded(alice_client, alice):
    interview = make_interview(
        make_application(alice),
        gut_feeling=2,
        interviewers="Priya Shah, design manager",
        went_badly="I rushed the case study.",
        researched_company=True,
    )
    make_question(interview, text="Why this company?", my_answer="Their research culture.")
    body = alice_client.get(interview.get_absolute_url()).text
    for text in (
        "Not great (2 of 5)",
        "Priya Shah, design manager",
        "I rushed the case study.",
        "Why this company?",
        "Their research culture.",
        "Done: </span>I researched",
    ):
        assert text in body


def test_edit_a_round(alice_client, alice):
    interview = make_interview(make_application(alice))
    response = alice_client.post(
        reverse("interviews:interview_edit", args=[interview.pk]),
        {"stage": "final", "occurred_at": "2026-04-01T09:00", "went_well": "Calm and clear."},
    )
    assert response.url == interview.get_absolute_url()
    interview.refresh_from_db()
    assert (interview.stage, interview.went_well) == ("final", "Calm and clear.")


def test_delete_a_round_asks_first(alice_client, alice):
    interview = make_interview(make_application(alice))
    make_question(interview)
    url = reverse("interviews:interview_delete", args=[interview.pk])
    assert "1 question, with your notes" in alice_client.get(url).text
    response = alice_client.post(url)
    assert response.url == interview.application.get_absolute_url()
    assert not Interview.objects.exists()


def test_add_edit_and_delete_a_question(alice_client, alice):
    interview = make_interview(make_application(alice))
    alice_client.post(
        reverse("interviews:question_add", args=[interview.pk]),
        {"new-text": "What's your biggest weakness?", "new-outcome": "struggled"},
    )
    question = Question.objects.get()
    assert (question.owner, question.interview) == (alice, interview)

    alice_client.post(
        reverse("interviews:question_edit", args=[question.pk]),
        {
            "text": "What's your biggest weakness?",
            "outcome": "fine",
            "better_answer": "Delegation.",
        },
    )
    question.refresh_from_db()
    assert (question.outcome, question.better_answer) == ("fine", "Delegation.")

    url = reverse("interviews:question_delete", args=[question.pk])
    assert "Delete this question?" in alice_client.get(url).text
    alice_client.post(url)
    assert not Question.objects.exists()


def test_an_empty_question_is_explained(alice_client, alice):
    interview = make_interview(make_application(alice))
    response = alice_client.post(
        reverse("interviews:question_add", args=[interview.pk]), {"new-my_answer": "Some notes"}
    )
    assert response.status_code == 422
    assert "Write the question, even roughly." in response.text
    assert "Some notes" in response.text


def test_refused_round_and_question_edits_answer_with_a_page_not_its_source(alice_client, alice):
    question = make_question(make_interview(make_application(alice)))
    for url, data in (
        (reverse("interviews:interview_edit", args=[question.interview.pk]), {"stage": "nope"}),
        (reverse("interviews:question_edit", args=[question.pk]), {"text": ""}),
    ):
        response = alice_client.post(url, data)
        assert response.status_code == 422
        assert response["Content-Type"].startswith("text/html")
