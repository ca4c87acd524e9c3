"""What the home page shows from the interviews app."""

from django.utils import timezone

from .models import Interview

FOLLOW_UPS_SHOWN = 10
UPCOMING_SHOWN = 5


def interviews_dashboard(user) -> dict:
    interviews = Interview.objects.for_user(user).select_related("application")
    return {
        "follow_ups_due": list(
            interviews.follow_ups_due(timezone.localdate()).order_by("follow_up_on")[
                :FOLLOW_UPS_SHOWN
            ]
        ),
        "upcoming_interviews": list(interviews.upcoming(timezone.now())[:UPCOMING_SHOWN]),
    }
