import datetime
import html
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.feedback import demo_data as feedback_demo
from apps.feedback.drafts import DRAFTS
from apps.feedback.models import FeedbackRequest
from apps.interviews import demo_data as interviews_demo
from apps.interviews.models import Application
from tests.feedback.factories import make_request
from tests.interviews.factories import make_application, make_interview

NEW = reverse("feedback:new")


def test_at_least_four_templates():
    assert {d.key for d in DRAFTS} >= {"thank_you", "three_questions", "follow_up", "after_final"}


def test_a_template_fills_in_the_persons_details(alice_client, alice):
    application = make_application(alice, company="Lumen", role="Researcher")
    make_interview(
        application,
        occurred_at=timezone.make_aware(datetime.datetime(2026, 11, 3, 10)),
        interviewers="Priya Shah, design manager",
    )
    response = alice_client.get(NEW, {"application": application.pk, "template": "after_final"})
    form = response.context["form"]
    assert form["contact_name"].value() == "Priya Shah"
    message = form["message"].value()
    assert message.startswith("Dear Priya Shah,")
    assert "Researcher role" in message and "at Lumen on 3 November" in message
    assert message.rstrip().endswith("Alice")


def test_details_are_escaped_where_they_are_shown(alice_client, alice):
    application = make_application(alice, company='<script>alert("x")</script>', role="Dev")
    response = alice_client.get(NEW, {"application": application.pk, "template": "thank_you"})
    assert '<script>alert("x")' not in response.text
    assert "&lt;script&gt;" in response.text


def test_choosing_a_template_in_place_is_a_fragment(alice_client, alice):
    application = make_application(alice)
    response = alice_client.get(
        NEW,
        {"application": application.pk, "template": "follow_up"},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in response.text and 'id="draft-form"' in response.text
    assert "Following up" in response.text
    assert "HX-Request" in response.headers["Vary"]


def test_save_a_draft(alice_client, alice):
    application = make_application(alice)
    response = alice_client.post(
        NEW,
        {
            "application": application.pk,
            "contact_name": "Priya",
            "contact_email": "priya@example.com",
            "channel": "email",
            "subject": "Hello",
            "message": "Could you share feedback?",
            "template": "thank_you",
        },
    )
    feedback = FeedbackRequest.objects.get()
    assert response.url == feedback.get_absolute_url()
    assert (feedback.owner, feedback.status, feedback.template) == (alice, "draft", "thank_you")


def test_a_bad_email_keeps_the_message(alice_client, alice):
    application = make_application(alice)
    response = alice_client.post(
        NEW,
        {
            "application": application.pk,
            "contact_email": "priya",
            "channel": "email",
            "message": "My carefully written words.",
        },
    )
    assert response.status_code == 422
    assert "Enter an email address" in response.text
    assert "My carefully written words." in response.text


def test_a_request_cannot_be_attached_to_someone_elses_application(alice_client, bob):
    bobs = make_application(bob)
    response = alice_client.post(NEW, {"application": bobs.pk, "channel": "email", "message": "Hi"})
    assert response.status_code == 422
    assert "Choose one of your own applications." in response.text
    assert not FeedbackRequest.objects.exists()
    assert alice_client.get(NEW, {"application": bobs.pk}).status_code == 404


def test_mailto_encodes_subject_and_body(alice):
    feedback = make_request(
        alice,
        contact_email="priya@example.com",
        subject="Feedback & thanks",
        message="Line one?\nLine two & more",
    )
    parts = urlsplit(feedback.mailto_url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "priya@example.com"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Feedback & thanks"]
    assert query["body"] == ["Line one?\nLine two & more"]
    assert not feedback.mailto_shortened


def test_a_very_long_body_is_shortened_in_the_mailto_link(alice):
    feedback = make_request(alice, contact_email="p@example.com", message="word " * 2000)
    assert len(feedback.mailto_url) <= 1800
    assert feedback.mailto_shortened


def test_mark_sent_sets_a_follow_up_a_week_later_by_default(alice_client, alice):
    feedback = make_request(alice)
    page = alice_client.get(feedback.get_absolute_url())
    today = timezone.localdate()
    assert f'value="{today + datetime.timedelta(days=7):%Y-%m-%d}"' in page.text
    alice_client.post(
        reverse("feedback:sent", args=[feedback.pk]),
        {
            "sent_on": f"{today:%Y-%m-%d}",
            "follow_up_on": f"{today + datetime.timedelta(days=10):%Y-%m-%d}",
        },
    )
    feedback.refresh_from_db()
    assert (feedback.status, feedback.sent_on, feedback.follow_up_on) == (
        "sent",
        today,
        today + datetime.timedelta(days=10),
    )


def test_a_follow_up_before_sending_is_refused(alice_client, alice):
    feedback = make_request(alice)
    response = alice_client.post(
        reverse("feedback:sent", args=[feedback.pk]),
        {"sent_on": "2026-11-10", "follow_up_on": "2026-11-01"},
    )
    assert response.status_code == 422
    assert "can&#x27;t be before the day you sent it" in response.text


def test_record_a_reply_with_takeaways(alice_client, alice):
    feedback = make_request(alice, status="sent", sent_on=datetime.date(2026, 11, 1))
    alice_client.post(
        reverse("feedback:reply", args=[feedback.pk]),
        {
            "response": "More leadership, please.",
            "response_on": "2026-11-05",
            "takeaways": "Lead with leadership stories\n\n  Practise the case study  ",
        },
    )
    feedback.refresh_from_db()
    assert feedback.status == "replied"
    assert feedback.takeaway_list == ["Lead with leadership stories", "Practise the case study"]
    body = alice_client.get(feedback.application.get_absolute_url()).text
    assert "Lead with leadership stories" in body  # the application page shows its requests


def test_a_reply_before_the_request_is_refused_and_keeps_the_text(alice_client, alice):
    feedback = make_request(alice, status="sent", sent_on=datetime.date(2026, 11, 10))
    response = alice_client.post(
        reverse("feedback:reply", args=[feedback.pk]),
        {"response": "Their kind words.", "response_on": "2026-11-01", "takeaways": "One"},
    )
    assert response.status_code == 422
    assert "The reply can&#x27;t come before you sent the request (10/11/2026)." in response.text
    assert "Their kind words." in response.text
    feedback.refresh_from_db()
    assert feedback.status == "sent"


@pytest.mark.parametrize("status", ["no_reply", "declined", "draft"])
def test_closing_statuses(alice_client, alice, status):
    feedback = make_request(alice, status="sent")
    alice_client.post(reverse("feedback:status", args=[feedback.pk]), {"status": status})
    feedback.refresh_from_db()
    assert feedback.status == status


def test_an_unknown_status_changes_nothing(alice_client, alice):
    feedback = make_request(alice, status="sent")
    alice_client.post(reverse("feedback:status", args=[feedback.pk]), {"status": "replied"})
    feedback.refresh_from_db()
    assert feedback.status == "sent"


def test_the_feedback_page_puts_follow_ups_due_first(alice_client, alice):
    today = timezone.localdate()
    make_request(alice, make_application(alice, company="Draftly"))
    make_request(
        alice,
        make_application(alice, company="Duenow"),
        status="sent",
        sent_on=today - datetime.timedelta(days=8),
        follow_up_on=today - datetime.timedelta(days=1),
    )
    body = alice_client.get(reverse("feedback:index")).text
    assert body.index("Duenow") < body.index("Draftly")
    assert "Ready for a follow-up" in body


def test_home_lists_feedback_follow_ups(alice_client, alice):
    today = timezone.localdate()
    make_request(
        alice,
        make_application(alice, company="Lumen"),
        status="sent",
        sent_on=today - datetime.timedelta(days=7),
        follow_up_on=today,
    )
    section = alice_client.get(reverse("home:index")).text.split('id="follow-ups-title"')[1]
    assert "Lumen</a>, feedback request" in section.split("</section>")[0]


def test_delete_asks_first(alice_client, alice):
    feedback = make_request(alice)
    url = reverse("feedback:delete", args=[feedback.pk])
    assert "Delete this request?" in alice_client.get(url).text
    alice_client.post(url)
    assert not FeedbackRequest.objects.exists()


def test_the_feedback_page_costs_the_same_queries_at_any_size(
    client, alice, bob, django_assert_max_num_queries
):
    interviews_demo.seed(alice, size="small")
    feedback_demo.seed(alice, size="small")
    interviews_demo.seed(bob, size="large")
    FeedbackRequest.objects.bulk_create(
        FeedbackRequest(owner=bob, application=a, status="sent", sent_on=timezone.localdate())
        for a in Application.objects.for_user(bob)
    )
    counts = []
    for person in (alice, bob):
        client.force_login(person)
        with django_assert_max_num_queries(6) as captured:
            response = client.get(reverse("feedback:index"))
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert response.text.count('class="item"') == 20 and "Page 1 of" in response.text


# ---- Drafting in any order, with or without JavaScript --------------------------------------


def draft_data(application=None, **fields) -> dict:
    data = {"channel": "email", "subject": "Hello", "message": "", "template": "thank_you"}
    if application:
        data["application"] = application.pk
    return {**data, **fields}


def test_a_template_chosen_before_the_application_shows_placeholders(alice_client):
    response = alice_client.get(NEW, {"template": "thank_you"})
    message = response.context["form"]["message"].value()
    assert "[their name]" in message and "[role]" in message


def test_use_this_template_without_javascript_keeps_what_was_typed(alice_client, alice):
    application = make_application(alice, company="Northwind", role="Designer")
    response = alice_client.post(
        NEW,
        draft_data(application, contact_name="Priya", contact_email="priya@example.com")
        | {"use_template": "1", "template": "three_questions"},
    )
    assert response.status_code == 200 and not FeedbackRequest.objects.exists()
    form = response.context["form"]
    assert form["contact_email"].value() == "priya@example.com"
    assert form["message"].value().startswith("Dear Priya,")
    assert "Designer role at Northwind" in form["message"].value()


def test_placeholders_are_filled_when_the_details_become_known(alice_client, alice):
    alice.display_name = "Alice Moreau"
    alice.save()
    application = make_application(alice, company="Northwind", role="Designer")
    message = "Dear [their name],\nThe [role] role at [company].\n[your name]"
    alice_client.post(NEW, draft_data(application, contact_name="Priya", message=message))
    assert FeedbackRequest.objects.get().message == (
        "Dear Priya,\nThe Designer role at Northwind.\nAlice Moreau"
    )


def test_marking_sent_with_placeholders_left_asks_first(alice_client, alice):
    feedback = make_request(alice, message="Dear [their name], thank you.")
    url = reverse("feedback:sent", args=[feedback.pk])
    sent = {"sent_on": f"{timezone.localdate():%Y-%m-%d}"}
    response = alice_client.post(url, sent)
    assert response.status_code == 200
    assert "still has [their name] in it" in response.text
    feedback.refresh_from_db()
    assert feedback.status == "draft"

    alice_client.post(url, {**sent, "anyway": "1"})
    feedback.refresh_from_db()
    assert feedback.status == "sent"


def test_marking_an_empty_message_sent_asks_first(alice_client, alice):
    feedback = make_request(alice, message="")
    response = alice_client.post(
        reverse("feedback:sent", args=[feedback.pk]),
        {"sent_on": f"{timezone.localdate():%Y-%m-%d}"},
    )
    assert "The message here is empty" in response.text
    feedback.refresh_from_db()
    assert feedback.status == "draft"


def test_another_template_never_replaces_words_the_person_wrote(alice_client, alice):
    application = make_application(alice, company="Lumen")
    page = alice_client.post(
        reverse("feedback:new"), draft_data(application, use_template="1", template="thank_you")
    )
    template_words = page.context["form"]["message"].value()
    # Untouched template words: another template replaces them.
    switched = alice_client.post(
        reverse("feedback:new"),
        draft_data(
            application, use_template="1", template="three_questions", message=template_words
        ),
    )
    assert switched.context["form"]["message"].value() != template_words
    assert "Your own words stay" not in switched.text
    # Words of their own: kept, and the choice to replace them offered.
    mine = "Hi Sam, I'd love two minutes of honest feedback."
    kept = alice_client.post(
        reverse("feedback:new"),
        draft_data(application, use_template="1", template="three_questions", message=mine),
    )
    assert kept.context["form"]["message"].value() == mine
    assert "Your own words stay in the message." in html.unescape(kept.text)
    replaced = alice_client.post(
        reverse("feedback:new"),
        draft_data(application, use_template="replace", template="three_questions", message=mine),
    )
    assert replaced.context["form"]["message"].value() != mine
