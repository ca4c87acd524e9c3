"""What the home page shows from the recovery walk-through and the plan."""

from django.utils import timezone

from .models import PlanItem, Recovery
from .steps import STEPS_BY_NUMBER

PLAN_SHOWN = 5


def recovery_dashboard(user) -> dict:
    recovery = (
        Recovery.objects.for_user(user)
        .in_progress()
        .select_related("rejection__application")
        .first()
    )
    step = STEPS_BY_NUMBER[recovery.resume_step()] if recovery else None
    return {
        "recovery_in_progress": recovery,
        "recovery_step": step,
        "plan_due": list(
            PlanItem.objects.for_user(user)
            .due_soon(timezone.localdate())
            .order_by("due_on")[:PLAN_SHOWN]
        ),
    }
