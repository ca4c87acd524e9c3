"""A day's email goes once at most: after a crash mid-send and a retry, with two workers at
once, after settings change, and after the worker was down for a while."""

import datetime
import threading
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from apps.reminders.models import Digest, ReminderSettings
from apps.reminders.tasks import send_digest
from tests.reminders.helpers import due_now, something_coming_up


@pytest.fixture
def due_alice(alice):
    alice.time_zone = "Europe/London"
    alice.save()
    something_coming_up(alice)
    return due_now(alice)


class WorkerDied(BaseException):
    """What the process sees when it is killed in the middle of talking to the mail server."""


def test_a_due_email_is_sent_and_the_next_one_scheduled(due_alice, alice):
    assert send_digest.call(alice.pk) == "sent"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.com"]
    digest = Digest.objects.get()
    assert digest.owner == alice
    assert digest.sent_at is not None
    due_alice.refresh_from_db()
    assert due_alice.next_send_at > timezone.now()
    assert due_alice.next_send_at - timezone.now() <= datetime.timedelta(days=1)


def test_a_retry_after_a_crash_mid_send_sends_nothing(due_alice, alice):
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=WorkerDied),
        pytest.raises(WorkerDied),
    ):
        send_digest.call(alice.pk)
    claim = Digest.objects.get()
    assert claim.sent_at is None  # claimed, and maybe sent: nobody can know

    assert send_digest.call(alice.pk) == "not due"  # the task retried as it was
    # Even if the email is due again the same day (the hour changed in Settings), the claim
    # stops it.
    ReminderSettings.objects.filter(pk=due_alice.pk).update(next_send_at=timezone.now())
    assert send_digest.call(alice.pk) == "already sent"
    assert mail.outbox == []
    assert Digest.objects.count() == 1


def test_a_crash_before_the_claim_leaves_the_email_to_the_retry(due_alice, alice):
    with (
        mock.patch("apps.reminders.digest.gather", side_effect=WorkerDied),
        pytest.raises(WorkerDied),
    ):
        send_digest.call(alice.pk)
    assert not Digest.objects.exists()
    due_alice.refresh_from_db()
    assert due_alice.next_send_at <= timezone.now()  # rolled back: still due
    assert send_digest.call(alice.pk) == "sent"
    assert len(mail.outbox) == 1


def test_sent_once_even_if_queued_twice(due_alice, alice):
    assert send_digest.call(alice.pk) == "sent"
    assert send_digest.call(alice.pk) == "not due"
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_the_same_moment_send_one_email(alice):
    alice.time_zone = "Europe/London"
    alice.save()
    something_coming_up(alice)
    due_now(alice)
    start = threading.Barrier(2)
    results = []

    def worker():
        start.wait()
        try:
            results.append(send_digest.call(alice.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["not due", "sent"]
    assert len(mail.outbox) == 1


def test_after_the_worker_was_down_for_days_one_email_at_most(alice):
    something_coming_up(alice)
    settings = due_now(alice)
    settings.next_send_at = timezone.now() - datetime.timedelta(days=3)
    settings.save()
    assert send_digest.call(alice.pk) == "sent"  # today's, once; not three
    assert send_digest.call(alice.pk) == "not due"
    assert len(mail.outbox) == 1


def test_an_email_hours_too_late_is_skipped_not_sent(alice):
    something_coming_up(alice)
    settings = due_now(alice, hours_late=5)
    assert send_digest.call(alice.pk) == "too late"
    assert mail.outbox == []
    settings.refresh_from_db()
    assert settings.next_send_at > timezone.now()


def test_a_day_with_nothing_to_say_sends_nothing(alice):
    due_now(alice)
    assert send_digest.call(alice.pk) == "nothing to say"
    assert mail.outbox == []
    assert not Digest.objects.exists()


def test_turned_off_in_the_meantime(due_alice, alice):
    ReminderSettings.objects.filter(pk=due_alice.pk).update(frequency="off")
    assert send_digest.call(alice.pk) == "off"
    assert send_digest.call(alice.pk + 1000) == "off"  # or the account is gone
    assert mail.outbox == []
