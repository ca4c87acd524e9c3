import datetime

from django.urls import reverse
from django.utils import timezone

from tests.interviews.factories import make_application, make_interview

HOME = reverse("home:index")


def test_home_offers_logging_an_interview(alice_client):
    body = alice_client.get(HOME).text
    assert f'href="{reverse("interviews:log")}"' in body
    assert "Log an interview" in body


def test_follow_ups_due_this_week_and_overdue(alice_client, alice):
    today = timezone.localdate()
    active = make_application(alice, company="Active", status="interviewing")
    make_interview(active, stage="phone", follow_up_on=today - datetime.timedelta(days=3))
    make_interview(active, stage="panel", follow_up_on=today + datetime.timedelta(days=6))
    make_interview(active, stage="final", follow_up_on=today + datetime.timedelta(days=8))
    make_interview(active, stage="technical", follow_up_on=today, followed_up_on=today)
    closed = make_application(alice, company="Closed", status="rejected")
    make_interview(closed, follow_up_on=today)
    body = alice_client.get(HOME).text
    section = body.split('id="follow-ups-title"')[1].split("</section>")[0]
    assert "phone round" in section and "was due" in section
    assert "panel round" in section
    assert "final round" not in section  # more than a week away
    assert "technical round" not in section  # already done
    assert "Closed" not in section  # no nagging about finished applications


def test_upcoming_interviews(alice_client, alice):
    application = make_application(alice, company="Tidewater")
    make_interview(
        application, stage="final", occurred_at=timezone.now() + datetime.timedelta(days=2)
    )
    make_interview(
        application, stage="phone", occurred_at=timezone.now() - datetime.timedelta(days=2)
    )
    section = alice_client.get(HOME).text.split('id="upcoming-title"')[1].split("</section>")[0]
    assert "final round" in section and "phone round" not in section


def test_marking_a_follow_up_done_in_place(alice_client, alice):
    interview = make_interview(make_application(alice), follow_up_on=datetime.date.today())
    response = alice_client.post(
        reverse("home:follow_up_done", args=[interview.pk]), headers={"HX-Request": "true"}
    )
    assert "<html" not in response.text
    assert "Done: Designer at Northwind." in response.text
    assert "HX-Request" in response.headers["Vary"]
    interview.refresh_from_db()
    assert interview.followed_up_on is not None


def test_marking_a_follow_up_done_without_javascript_goes_back_home(alice_client, alice):
    interview = make_interview(make_application(alice), follow_up_on=datetime.date.today())
    response = alice_client.post(reverse("home:follow_up_done", args=[interview.pk]))
    assert response.status_code == 302 and response.url == HOME
    assert "Marked as followed up." in alice_client.get(HOME).text
