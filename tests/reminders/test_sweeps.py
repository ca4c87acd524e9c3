"""The worker keeps itself going: one chain of sweeps, whatever restarts it, which queues an
email for each person due and ends when nobody has reminders on."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from apps.reminders.models import ReminderSettings, Sweep
from apps.reminders.tasks import SWEEP_EVERY, keep_sweeping, next_sweep_time, send_due_digests
from tests.conftest import make_person
from tests.reminders.helpers import due_now

SWEEP = "apps.reminders.tasks.send_due_digests"
SEND = "apps.reminders.tasks.send_digest"


def test_sweeps_are_on_the_quarter_hour():
    at = datetime.datetime(2026, 6, 1, 8, 7, 30, tzinfo=datetime.UTC)
    assert next_sweep_time(at) == datetime.datetime(2026, 6, 1, 8, 15, tzinfo=datetime.UTC)
    on_the_dot = datetime.datetime(2026, 6, 1, 8, 15, tzinfo=datetime.UTC)
    assert next_sweep_time(on_the_dot) == datetime.datetime(2026, 6, 1, 8, 30, tzinfo=datetime.UTC)


def test_nothing_runs_while_nobody_has_reminders_on(alice, django_capture_on_commit_callbacks):
    ReminderSettings.objects.create(owner=alice)  # saved, but off
    with django_capture_on_commit_callbacks(execute=True):
        keep_sweeping()
    assert not DBTaskResult.objects.exists()


def test_starting_twice_makes_one_chain(alice, django_capture_on_commit_callbacks):
    due_now(alice)
    with django_capture_on_commit_callbacks(execute=True):
        keep_sweeping()
        keep_sweeping()
    (sweep,) = DBTaskResult.objects.filter(task_path=SWEEP)
    assert sweep.args_kwargs["args"] == [Sweep.objects.get().next_run_at.isoformat()]


def test_the_task_is_queued_only_once_the_transaction_commits(
    alice, django_capture_on_commit_callbacks
):
    due_now(alice)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        keep_sweeping()
    assert not DBTaskResult.objects.exists()
    assert len(callbacks) == 1


def test_a_sweep_queues_the_next_one_first_then_an_email_for_each_person_due(
    alice, bob, django_capture_on_commit_callbacks
):
    due_now(alice)
    due_now(bob)
    not_yet = make_person("carol@example.com", "Carol")
    ReminderSettings.objects.create(
        owner=not_yet, frequency="daily", next_send_at=timezone.now() + datetime.timedelta(hours=2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        keep_sweeping()
    planned = Sweep.objects.get().next_run_at
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_digests.call(planned.isoformat()) == 2

    emails = DBTaskResult.objects.filter(task_path=SEND)
    assert sorted(task.args_kwargs["args"][0] for task in emails) == sorted([alice.pk, bob.pk])
    # Ids, never model instances.
    assert all(isinstance(task.args_kwargs["args"][0], int) for task in emails)
    following = DBTaskResult.objects.filter(task_path=SWEEP).order_by("-run_after").first()
    assert following.run_after == Sweep.objects.get().next_run_at
    assert following.run_after > timezone.now()
    assert following.run_after - timezone.now() <= SWEEP_EVERY


def test_a_sweep_that_is_not_the_expected_one_does_nothing(
    alice, django_capture_on_commit_callbacks
):
    """An old chain (restarted while its worker was down) meets the new one: it stops."""
    due_now(alice)
    with django_capture_on_commit_callbacks(execute=True):
        keep_sweeping()
    stale = (timezone.now() - datetime.timedelta(hours=1)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_digests.call(stale) == 0
    assert not DBTaskResult.objects.filter(task_path=SEND).exists()
    assert DBTaskResult.objects.filter(task_path=SWEEP).count() == 1


def test_a_chain_long_overdue_is_restarted(alice, django_capture_on_commit_callbacks):
    due_now(alice)
    Sweep.objects.update_or_create(pk=1, defaults={"next_run_at": timezone.now() - 3 * SWEEP_EVERY})
    with django_capture_on_commit_callbacks(execute=True):
        keep_sweeping()
    assert Sweep.objects.get().next_run_at > timezone.now() - datetime.timedelta(seconds=5)
    assert DBTaskResult.objects.filter(task_path=SWEEP).count() == 1


def test_the_chain_ends_when_the_last_person_turns_reminders_off(
    alice, django_capture_on_commit_callbacks
):
    settings = due_now(alice)
    with django_capture_on_commit_callbacks(execute=True):
        keep_sweeping()
    settings.frequency = "off"
    settings.save()
    DBTaskResult.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        send_due_digests.call(Sweep.objects.get().next_run_at.isoformat())
    assert not DBTaskResult.objects.exists()
    assert Sweep.objects.get().next_run_at is None


def test_a_new_time_zone_moves_the_next_email(alice, django_capture_on_commit_callbacks):
    settings = due_now(alice)
    settings.next_send_at = timezone.now() + datetime.timedelta(hours=10)
    settings.save()
    alice.time_zone = "Asia/Tokyo"
    alice.save()
    with django_capture_on_commit_callbacks(execute=True):
        keep_sweeping()
        send_due_digests.call(Sweep.objects.get().next_run_at.isoformat())
    settings.refresh_from_db()
    assert settings.scheduled_in_zone == "Asia/Tokyo"
    tokyo = settings.next_send_at.astimezone(datetime.timezone(datetime.timedelta(hours=9)))
    assert (tokyo.hour, tokyo.minute) == (settings.send_hour, 0)


@pytest.mark.django_db(transaction=True)
def test_migrate_starts_the_chain_when_someone_has_reminders_on(alice):
    from django.core.management import call_command

    due_now(alice)
    call_command("migrate", verbosity=0)
    assert DBTaskResult.objects.filter(task_path=SWEEP).count() == 1
    call_command("migrate", verbosity=0)
    assert DBTaskResult.objects.filter(task_path=SWEEP).count() == 1


def test_old_claims_are_cleared_by_the_sweep(alice, django_capture_on_commit_callbacks):
    from apps.reminders.models import Digest

    due_now(alice)
    old = Digest.objects.create(owner=alice, for_date=timezone.localdate() - datetime.timedelta(40))
    Digest.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    recent = Digest.objects.create(owner=alice, for_date=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        keep_sweeping()
        send_due_digests.call(Sweep.objects.get().next_run_at.isoformat())
    assert list(Digest.objects.all()) == [recent]
