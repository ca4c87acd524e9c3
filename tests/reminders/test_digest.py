"""What the email says: what's coming up and what is due, kindly, with nothing from the
journal, nothing about a rejection and no counts."""

import datetime
import email.policy
import re
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

from apps.rejections.models import Rejection
from apps.reminders.tasks import send_digest
from tests.feedback.factories import make_request
from tests.interviews.factories import make_application, make_interview
from tests.journal.factories import make_entry
from tests.rejections.factories import make_plan_item
from tests.reminders.helpers import due_now

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


@pytest.fixture
def busy_alice(alice):
    alice.time_zone = "America/New_York"
    alice.save()
    today = timezone.localdate(timezone=NEW_YORK)
    northwind = make_application(alice, company="Northwind", role="Designer")
    tomorrow_at_ten = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time(10), tzinfo=NEW_YORK
    )
    make_interview(
        northwind,
        stage="technical",
        occurred_at=tomorrow_at_ten,
        length_minutes=45,
        went_well="My notes about the whiteboard.",
    )
    make_interview(
        northwind,
        stage="phone",
        occurred_at=timezone.now() - datetime.timedelta(days=1),
        follow_up_on=today,
    )
    make_plan_item(alice, "Practise the case study", due_on=today - datetime.timedelta(days=2))
    make_plan_item(alice, "Long forgotten", due_on=today - datetime.timedelta(days=30))
    make_plan_item(alice, "Next month", due_on=today + datetime.timedelta(days=30))
    copperline = make_application(alice, company="Copperline", status="rejected")
    for _ in range(3):
        Rejection.objects.create(
            owner=alice, application=copperline, reason_given="Not enough leadership."
        )
    make_request(alice, copperline, status="sent", follow_up_on=today)
    make_entry(alice, guide="vent", body="I am furious with them.")
    return alice


def the_email(alice, frequency="daily") -> mail.EmailMessage:
    due_now(alice, frequency)
    assert send_digest.call(alice.pk) == "sent"
    (message,) = mail.outbox
    return message


def test_the_daily_email_lists_what_is_coming_and_what_is_due(busy_alice):
    message = the_email(busy_alice)
    tomorrow = timezone.localdate(timezone=NEW_YORK) + datetime.timedelta(days=1)
    assert message.subject == "Your day ahead, from Rebound"
    assert message.to == ["alice@example.com"]
    body = message.body
    assert body.startswith("Hello Alice,")
    # Times in her own zone.
    assert (
        f"{tomorrow:%A} {tomorrow.day} {tomorrow:%B}, 10:00: "
        "Technical round: Designer at Northwind (45 minutes)"
    ) in body
    assert "Follow up with Northwind" in body
    assert "Thank-you note to Northwind after the phone round" in body
    assert "Follow up on feedback from Copperline" in body
    assert "Plan: Practise the case study (from" in body  # still open, gently
    assert "Long forgotten" not in body  # a month ago: left alone
    assert "Next month" not in body  # beyond today and tomorrow


def test_the_weekly_email_looks_a_week_ahead(busy_alice):
    message = the_email(busy_alice, "weekly")
    assert message.subject == "Your week ahead, from Rebound"
    assert "this week" in message.body
    assert "Next month" not in message.body


def test_the_email_holds_nothing_private_and_no_counts(busy_alice):
    body = the_email(busy_alice).body
    for private in ("furious", "whiteboard", "leadership", "Not selected", "reject"):
        assert private.lower() not in body.lower(), private
    assert not re.search(r"\d+ (rejections?|applications?|interviews?|rounds?)", body)


def test_the_email_is_kind(busy_alice):
    body = the_email(busy_alice).body
    for word in ("should", "overdue", "missed", "late", "failed", "don't forget", "!"):
        assert word not in body.lower(), word
    for line in body.split("\n"):
        for sentence in re.split(r"(?<=[.?])\s", line):
            if not sentence.startswith(("-", "http")):
                assert len(sentence.split()) <= 20, sentence


def test_the_email_carries_one_click_unsubscribe(busy_alice):
    message = the_email(busy_alice)
    link = re.search(r"http://127\.0\.0\.1:8000/reminders/unsubscribe/[^/\s]+/", message.body)
    assert link, message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<{link.group(0)}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "http://127.0.0.1:8000/accounts/settings/#reminders" in message.body
    # On the wire, as the SMTP mailer writes it: one plain line, not folded into encoded
    # words that mail apps would not read as a link.
    raw = message.message(policy=email.policy.SMTP).as_bytes().decode()
    assert f"\r\nList-Unsubscribe: <{link.group(0)}>\r\n" in raw
