"""What the home page shows from the feedback app."""

from django.utils import timezone

from .models import FeedbackRequest

SHOWN = 10


def feedback_follow_ups(user) -> list[FeedbackRequest]:
    return list(
        FeedbackRequest.objects.for_user(user)
        .follow_ups_due(timezone.localdate())
        .select_related("application")
        .order_by("follow_up_on")[:SHOWN]
    )
