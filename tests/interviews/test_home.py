import datetime

from django.urls import reverse
from django.utils import timezone

from tests.interviews.factories import make_application, make_interview

HOME = reverse("core:home")


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
