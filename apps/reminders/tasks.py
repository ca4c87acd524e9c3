"""Reminder emails, sent by the task worker (`manage.py db_worker`).

How it runs:
- `send_due_digests` is a sweep every quarter of an hour (every time zone's hours start on
  one). It schedules the next sweep first, with `run_after`, then queues one
  `send_digest` per person whose email is due. No cron: the worker keeps itself going.
- The `Sweep` row names the one sweep expected next. Any other sweep (a second chain,
  after a restart) stops at once, so several workers never multiply the sweeps.
- `keep_sweeping` starts the chain when it is missing or stale: when someone turns
  reminders on, and after every migrate. It ends by itself when nobody has them on.
- `send_digest` decides under a row lock, claims the day (a unique row) before sending,
  and then sends. A retry, a second worker or a second sweep finds the claim and stops.
- After the worker was down, a late email still goes if it is at most LATE_BY_AT_MOST
  late; older ones are skipped, so coming back never sends a pile of old emails.

Tasks take ids, never model instances, and are queued once the transaction commits.
"""

import datetime
import functools
import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.tasks import task
from django.utils import timezone

from apps.calendar_feed.agenda import person_zone

from . import digest
from .models import Digest, ReminderSettings, Sweep

logger = logging.getLogger(__name__)

SWEEP_EVERY = datetime.timedelta(minutes=15)
LATE_BY_AT_MOST = datetime.timedelta(hours=3)
# A claim matters only until its day is over; older ones are cleared by the sweep.
CLAIMS_KEPT_FOR = datetime.timedelta(days=30)


def next_sweep_time(now: datetime.datetime) -> datetime.datetime:
    """The next quarter hour after `now`, on the clock in UTC."""
    step = int(SWEEP_EVERY.total_seconds())
    epoch = int(now.timestamp())
    return datetime.datetime.fromtimestamp((epoch // step + 1) * step, tz=datetime.UTC)


def _queue_sweep(at: datetime.datetime) -> None:
    transaction.on_commit(lambda: send_due_digests.using(run_after=at).enqueue(at.isoformat()))


def keep_sweeping() -> None:
    """Start the chain of sweeps if someone has reminders on and no sweep is expected
    soon (none yet, or the expected one is long overdue: its worker died)."""
    if not ReminderSettings.objects.turned_on().exists():
        return
    now = timezone.now()
    with transaction.atomic():
        sweep, _ = Sweep.objects.select_for_update().get_or_create(pk=1)
        if sweep.next_run_at and sweep.next_run_at > now - 2 * SWEEP_EVERY:
            return  # a sweep is expected soon: the chain is alive
        sweep.next_run_at = now.replace(microsecond=0)
        sweep.save(update_fields=["next_run_at"])
        _queue_sweep(sweep.next_run_at)


def keep_sweeping_after_migrate(sender, using: str = "default", **kwargs) -> None:
    if using == "default":
        keep_sweeping()


def _claim_this_sweep(planned_for: datetime.datetime, now: datetime.datetime) -> bool:
    """Whether this sweep is the expected one; if so, the next one is queued before any
    work starts, so a crash mid-sweep cannot end the chain."""
    with transaction.atomic():
        sweep, _ = Sweep.objects.select_for_update().get_or_create(pk=1)
        if sweep.next_run_at != planned_for:
            return False
        anyone = ReminderSettings.objects.turned_on().exists()
        sweep.next_run_at = next_sweep_time(now) if anyone else None
        sweep.save(update_fields=["next_run_at"])
        if anyone:
            _queue_sweep(sweep.next_run_at)
        return True


@task()
def send_due_digests(planned_for: str) -> int:
    """A sweep: queue an email for everyone whose email is due. Returns how many."""
    now = timezone.now()
    if not _claim_this_sweep(datetime.datetime.fromisoformat(planned_for), now):
        return 0
    turned_on = ReminderSettings.objects.turned_on()
    with transaction.atomic():
        # Someone who changed time zone gets their next email at the hour in the new one.
        moved = turned_on.exclude(scheduled_in_zone=F("owner__time_zone")).select_related("owner")
        for settings in moved:
            settings.reschedule(now)
            settings.save(update_fields=["next_send_at", "scheduled_in_zone"])
        due = list(turned_on.filter(next_send_at__lte=now).values_list("owner_id", flat=True))
        for owner_id in due:
            transaction.on_commit(functools.partial(send_digest.enqueue, owner_id))
    Digest.objects.filter(created_at__lt=now - CLAIMS_KEPT_FOR).delete()
    return len(due)


@task()
def send_digest(owner_id: int) -> str:
    """Send one person's email if it is due and today's has not been claimed."""
    now = timezone.now()
    with transaction.atomic():
        settings = (
            ReminderSettings.objects.select_for_update(of=("self",))  # not the account row
            .select_related("owner")
            .filter(owner_id=owner_id)
            .first()
        )
        if not settings or not settings.is_on or not settings.next_send_at:
            return "off"
        if settings.next_send_at > now:
            return "not due"
        send_time = settings.latest_send_time(now)
        settings.reschedule(now)
        settings.save(update_fields=["next_send_at", "scheduled_in_zone"])
        if now - send_time > LATE_BY_AT_MOST:
            return "too late"
        owner = settings.owner
        day = timezone.localdate(send_time, timezone=person_zone(owner))
        if Digest.objects.filter(owner=owner, for_date=day).exists():
            return "already sent"
        content = digest.gather(owner, day=day, frequency=settings.frequency, now=now)
        if not content:
            return "nothing to say"
        try:
            with transaction.atomic():
                claim = Digest.objects.create(owner=owner, for_date=day)
        except IntegrityError:
            return "already sent"  # another worker claimed it a moment ago
    # The claim is committed: from here on, a crash means this day's email is not sent
    # again, rather than sent twice.
    digest.email(owner, content, day=day, frequency=settings.frequency).send()
    Digest.objects.filter(pk=claim.pk).update(sent_at=timezone.now())
    logger.info("Reminder email %s sent", claim.pk)
    return "sent"
