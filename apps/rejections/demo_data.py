"""Demo recoveries: one finished, one in progress, with plan items."""

import datetime

from django.db.models import Max
from django.utils import timezone

from apps.interviews.models import Application

from .models import PlanItem, Recovery, Rejection


def seed(user, size: str) -> None:
    Rejection.objects.for_user(user).delete()
    PlanItem.objects.for_user(user).delete()
    if size == "large":
        seed_large(user)
        return
    today = timezone.localdate()
    rejected = list(
        Application.objects.for_user(user).filter(status=Application.Status.REJECTED)[:2]
    )
    if len(rejected) < 2:
        return
    finished = Recovery.objects.create(
        owner=user,
        rejection=Rejection.objects.create(
            owner=user,
            application=rejected[0],
            received_on=today - datetime.timedelta(days=20),
            how="email",
            stage_reached="final",
            impact=4,
            expected="surprised",
            reason_given="They chose someone with more leadership experience.",
        ),
        current_step=8,
        steps_done=list(range(1, 9)),
        feelings=["disappointed", "tired"],
        thinking_traps={"fortune_telling": "One no doesn't decide the next one."},
        mood_after=3,
        finished_at=timezone.now() - datetime.timedelta(days=19),
    )
    in_progress = Recovery.objects.create(
        owner=user,
        rejection=Rejection.objects.create(
            owner=user,
            application=rejected[1],
            received_on=today - datetime.timedelta(days=2),
            how="phone",
            stage_reached="technical",
            impact=3,
        ),
        current_step=4,
        steps_done=[1, 2, 3],
        feelings=["sad"],
    )
    PlanItem.objects.bulk_create(
        [
            PlanItem(
                owner=user,
                recovery=finished,
                kind="practise",
                title="Practise: design a parking app",
                due_on=today + datetime.timedelta(days=3),
            ),
            PlanItem(
                owner=user,
                recovery=finished,
                kind="skill",
                title="Tell leadership stories earlier",
                due_on=today - datetime.timedelta(days=2),
            ),
            PlanItem(
                owner=user,
                recovery=finished,
                kind="self_care",
                title="A long walk on Saturday",
                due_on=today + datetime.timedelta(days=5),
                done_on=today,
            ),
            PlanItem(
                owner=user,
                recovery=in_progress,
                kind="materials",
                title="Refresh my portfolio intro",
                due_on=today + datetime.timedelta(days=10),
            ),
        ]
    )


def seed_large(user) -> None:
    """News for each application marked not selected, after its last round."""
    today = timezone.localdate()
    rejected = (
        Application.objects.for_user(user)
        .filter(status=Application.Status.REJECTED)
        .annotate(last_round=Max("interviews__occurred_at"))
    )
    Rejection.objects.bulk_create(
        Rejection(
            owner=user,
            application=application,
            received_on=min(today, timezone.localtime(application.last_round).date())
            if application.last_round
            else today,
        )
        for application in rejected
    )
