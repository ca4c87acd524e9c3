import datetime

from django.urls import reverse
from django.utils import timezone

from apps.feedback.models import FeedbackRequest
from apps.interviews.models import Application, Interview, Question
from apps.rejections.models import PlanItem, Recovery, Rejection
from tests.feedback.factories import make_request
from tests.interviews.factories import make_application, make_interview, make_question
from tests.journal.factories import make_entry
from tests.rejections.factories import make_plan_item, make_recovery

LIST = reverse("interviews:applications")


def test_the_list_shows_stage_reached_and_next_follow_up(alice_client, alice):
    application = make_application(alice, company="Lumen", role="Researcher")
    make_interview(application, stage="recruiter_screen")
    make_interview(application, stage="panel", follow_up_on=datetime.date(2030, 5, 2))
    make_interview(
        application,
        stage="other",
        follow_up_on=datetime.date(2030, 4, 1),
        followed_up_on=datetime.date(2030, 3, 30),
    )
    body = alice_client.get(LIST).text
    assert "Researcher" in body
    assert "<dd>Panel</dd>" in body
    assert "<dd>2 May 2030</dd>" in body


def test_the_list_is_sorted_by_latest_activity(alice_client, alice):
    older = make_application(alice, company="Older")
    newer = make_application(alice, company="Newer")
    Application.objects.filter(pk=older.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=9)
    )
    Application.objects.filter(pk=newer.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=5)
    )
    make_interview(older)  # a new round is the latest activity of all
    body = alice_client.get(LIST).text
    assert body.index("Older") < body.index("Newer")


def test_the_list_filters_by_status_and_searches(alice_client, alice):
    make_application(alice, company="Lumen", role="Researcher", status="offer")
    make_application(alice, company="Atlas", role="Designer", status="applied")
    make_application(alice, company="Quill", role="Lead researcher", status="applied")
    body = alice_client.get(LIST, {"status": "applied"}).text
    assert "Atlas" in body and "Quill" in body and "Lumen" not in body
    body = alice_client.get(LIST, {"q": "research"}).text
    assert "Lumen" in body and "Quill" in body and "Atlas" not in body
    body = alice_client.get(LIST, {"q": "research", "status": "offer"}).text
    assert "Lumen" in body and "Quill" not in body


def test_the_list_pages_by_25(alice_client, alice):
    for n in range(26):
        make_application(alice, company=f"Company {n:02d}")
    first = alice_client.get(LIST)
    assert first.context["page"].paginator.num_pages == 2
    assert len(first.context["page"].object_list) == 25
    second = alice_client.get(LIST, {"page": 2})
    assert len(second.context["page"].object_list) == 1
    assert "Page 2 of 2" in second.text
    assert 'href="?page=1" rel="prev"' in second.text


def test_the_list_only_shows_your_own(alice_client, bob):
    make_application(bob, company="Bob's secret")
    body = alice_client.get(LIST).text
    assert "secret" not in body
    assert "Log your first interview" in body


def test_add_an_application(alice_client, alice):
    response = alice_client.post(
        reverse("interviews:application_new"),
        {
            "company": "Greenleaf",
            "role": "Service designer",
            "status": "applied",
            "excitement": "5",
            "motivation": "interest",
        },
    )
    application = Application.objects.get()
    assert response.url == application.get_absolute_url()
    assert (application.owner, application.excitement) == (alice, 5)


def test_adding_without_a_role_keeps_the_rest(alice_client):
    response = alice_client.post(
        reverse("interviews:application_new"),
        {"company": "Greenleaf", "status": "applied", "why_i_want_this": "The mission."},
    )
    assert response.status_code == 422
    assert "Enter the role" in response.text
    assert 'value="Greenleaf"' in response.text
    assert "The mission." in response.text


def test_edit_an_application(alice_client, alice):
    application = make_application(alice)
    response = alice_client.post(
        reverse("interviews:application_edit", args=[application.pk]),
        {
            "company": "Northwind Health",
            "role": "Lead designer",
            "status": "offer",
            "link": "https://example.com/job",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.company, application.status) == ("Northwind Health", "offer")


def test_a_bad_link_is_explained(alice_client, alice):
    application = make_application(alice)
    response = alice_client.post(
        reverse("interviews:application_edit", args=[application.pk]),
        {"company": "Northwind", "role": "Designer", "status": "applied", "link": "not a link"},
    )
    assert response.status_code == 422
    assert "Enter a full web address" in response.text


def test_the_application_page_shows_its_rounds_and_questions(alice_client, alice):
    application = make_application(alice, company="Lumen", role="Researcher")
    interview = make_interview(application, stage="final", gut_feeling=5)
    make_question(interview, text="What would you do in your first month?", outcome="rocked")
    body = alice_client.get(application.get_absolute_url()).text
    assert "Final" in body
    assert "What would you do in your first month?" in body
    assert "Felt: great" in body


def test_status_changes_in_place(alice_client, alice):
    application = make_application(alice)
    response = alice_client.post(
        reverse("interviews:application_status", args=[application.pk]),
        {"status": "offer"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Status saved: Offer." in response.text
    assert "HX-Request" in response.headers["Vary"]
    application.refresh_from_db()
    assert application.status == "offer"


def test_status_changes_without_javascript(alice_client, alice):
    application = make_application(alice)
    response = alice_client.post(
        reverse("interviews:application_status", args=[application.pk]), {"status": "withdrawn"}
    )
    assert response.url == application.get_absolute_url()
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_an_unknown_status_is_refused(alice_client, alice):
    application = make_application(alice)
    response = alice_client.post(
        reverse("interviews:application_status", args=[application.pk]),
        {"status": "hired!"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    application.refresh_from_db()
    assert application.status == "applied"


def test_delete_asks_first_and_says_what_goes_with_it(alice_client, alice):
    application = make_application(alice)
    interview = make_interview(application)
    make_interview(application)
    make_question(interview)
    url = reverse("interviews:application_delete", args=[application.pk])
    body = alice_client.get(url).text
    assert "2 interview rounds, with 1 question and your notes on it" in body
    assert Application.objects.exists()

    response = alice_client.post(url)
    assert response.url == LIST
    assert not Application.objects.exists()
    assert not Interview.objects.exists()
    assert not Question.objects.exists()


def test_delete_names_everything_that_goes_and_keeps_what_can_stand_alone(
    alice_client, alice, django_assert_max_num_queries
):
    application = make_application(alice)
    interview = make_interview(application)
    make_request(alice, application, response="Thanks for asking.", takeaways="Practise cases.")
    recovery = make_recovery(alice, application)
    make_plan_item(alice, recovery=recovery)
    entry = make_entry(alice, answers=["It stung."], application=application, interview=interview)
    url = reverse("interviews:application_delete", args=[application.pk])

    with django_assert_max_num_queries(6):
        body = alice_client.get(url).text
    assert "1 interview round" in body
    assert "1 feedback request, with any reply and your takeaways" in body
    assert "The rejection you recorded, with any message you kept" in body
    assert "its recovery walk-through: the feelings and thinking traps you noted" in body
    assert "1 journal entry about it stays in your journal, no longer linked to it." in body
    assert "1 step in My plan stays." in body

    alice_client.post(url)
    assert not FeedbackRequest.objects.exists()
    assert not Rejection.objects.exists() and not Recovery.objects.exists()
    entry.refresh_from_db()
    assert (entry.answers, entry.application, entry.interview) == (["It stung."], None, None)
    assert PlanItem.objects.get().recovery is None


def test_deleting_a_round_says_its_journal_entries_stay(alice_client, alice):
    interview = make_interview(make_application(alice))
    make_question(interview)
    make_entry(alice, application=interview.application, interview=interview)
    body = alice_client.get(reverse("interviews:interview_delete", args=[interview.pk])).text
    assert "1 question, with your notes" in body
    assert "1 journal entry about it stays in your journal" in body
