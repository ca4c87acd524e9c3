from django.urls import reverse

from tests.interviews.factories import make_application, make_interview, make_question

BANK = reverse("interviews:questions")


def make_bank(alice):
    interview = make_interview(make_application(alice, company="Lumen"))
    return {
        "rocked": make_question(
            interview, text="Describe a launch you led.", outcome="rocked", kind="behavioural"
        ),
        "struggled": make_question(
            interview, text="Design a parking app.", outcome="struggled", kind="technical"
        ),
        "fine": make_question(
            interview,
            text="Why Lumen?",
            outcome="fine",
            kind="about_you",
            my_answer="The research team.",
        ),
    }


def test_the_bank_lists_every_question_with_its_interview(alice_client, alice):
    make_bank(alice)
    body = alice_client.get(BANK).text
    for text in (
        "Describe a launch you led.",
        "Design a parking app.",
        "Why Lumen?",
        "Video round, Lumen",
    ):
        assert text in body


def test_great_answers_and_to_practise_tabs(alice_client, alice):
    make_bank(alice)
    assert 'href="?tab=practise"' in alice_client.get(BANK).text
    great = alice_client.get(BANK, {"tab": "great"}).text
    assert "Describe a launch you led." in great and "Design a parking app." not in great
    practise = alice_client.get(BANK, {"tab": "practise"}).text
    assert "Design a parking app." in practise and "Why Lumen?" not in practise


def test_filters_by_outcome_and_kind_and_searches(alice_client, alice):
    make_bank(alice)
    assert "Why Lumen?" in alice_client.get(BANK, {"outcome": "fine"}).text
    assert "Why Lumen?" not in alice_client.get(BANK, {"outcome": "rocked"}).text
    body = alice_client.get(BANK, {"kind": "technical"}).text
    assert "Design a parking app." in body and "Why Lumen?" not in body
    body = alice_client.get(BANK, {"q": "research team"}).text  # searches answers too
    assert "Why Lumen?" in body and "Design a parking app." not in body


def test_the_bank_never_shows_someone_elses_questions(alice_client, bob):
    make_question(make_interview(make_application(bob)), text="Bob's private question")
    assert "Bob&#x27;s private question" not in alice_client.get(BANK).text


def test_practised_counts_in_place(alice_client, alice):
    question = make_bank(alice)["struggled"]
    url = reverse("interviews:question_practised", args=[question.pk])
    alice_client.post(url, headers={"HX-Request": "true"})
    response = alice_client.post(url, headers={"HX-Request": "true"})
    assert "<html" not in response.text
    assert "Practised 2 times" in response.text
    assert "HX-Request" in response.headers["Vary"]
    question.refresh_from_db()
    assert question.times_practised == 2


def test_practised_without_javascript_goes_back_to_the_bank(alice_client, alice):
    question = make_bank(alice)["struggled"]
    response = alice_client.post(reverse("interviews:question_practised", args=[question.pk]))
    assert response.url == f"{BANK}#question-{question.pk}"


def test_better_answer_edits_in_place(alice_client, alice):
    question = make_bank(alice)["struggled"]
    url = reverse("interviews:question_better_answer", args=[question.pk])
    form = alice_client.get(url, headers={"HX-Request": "true"})
    assert "<html" not in form.text
    assert f'name="question-{question.pk}-better_answer"' in form.text
    assert "HX-Request" in form.headers["Vary"]

    saved = alice_client.post(
        url,
        {f"question-{question.pk}-better_answer": "Start with the users."},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in saved.text
    assert "Start with the users." in saved.text
    question.refresh_from_db()
    assert question.better_answer == "Start with the users."


def test_better_answer_works_as_a_page_without_javascript(alice_client, alice):
    question = make_bank(alice)["struggled"]
    url = reverse("interviews:question_better_answer", args=[question.pk])
    page = alice_client.get(url)
    assert "<html" in page.text and "Design a parking app." in page.text
    response = alice_client.post(url, {f"question-{question.pk}-better_answer": "Ask first."})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.better_answer == "Ask first."
