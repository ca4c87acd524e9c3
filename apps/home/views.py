from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from apps.core.htmx import done_in_place
from apps.core.pagecache import remembered_per_person
from apps.core.shortcuts import get_owned_or_404
from apps.feedback.models import FeedbackRequest
from apps.interviews.models import Interview
from apps.rejections.models import PlanItem, Recovery
from apps.rejections.steps import STEP_COUNT, step_at

FOLLOW_UPS_SHOWN = 10
UPCOMING_SHOWN = 5
PLAN_SHOWN = 5


@require_safe
@login_required
@remembered_per_person
def index(request):
    """What needs the person today, from each feature, in one calm view."""
    user, today = request.user, timezone.localdate()
    rounds = Interview.objects.for_user(user).select_related("application")
    recovery = (
        Recovery.objects.for_user(user)
        .in_progress()
        .select_related("rejection__application")
        .first()
    )
    return render(
        request,
        "home/index.html",
        {
            "today": today,
            "follow_ups_due": rounds.follow_ups_due(today).order_by("follow_up_on")[
                :FOLLOW_UPS_SHOWN
            ],
            "upcoming_interviews": rounds.upcoming(timezone.now())[:UPCOMING_SHOWN],
            "feedback_follow_ups": FeedbackRequest.objects.for_user(user)
            .follow_ups_due(today)
            .select_related("application")
            .order_by("follow_up_on")[:FOLLOW_UPS_SHOWN],
            "recovery_in_progress": recovery,
            "recovery_step": step_at(recovery.current_step) if recovery else None,
            "step_count": STEP_COUNT,
            "plan_due": PlanItem.objects.for_user(user)
            .due_soon(today)
            .order_by("due_on")[:PLAN_SHOWN],
        },
    )


@login_required
@require_POST
def follow_up_done(request, pk: int):
    """ "Done" beside a follow-up: it leaves the list, in place with htmx."""
    interview = get_owned_or_404(
        Interview.objects.select_related("application"), request.user, pk=pk
    )
    interview.mark_followed_up()
    return done_in_place(
        request,
        fragment="home/index.html#follow-up-done",
        context={"interview": interview},
        then=reverse("home:index"),
        message="Marked as followed up.",
    )
