"""Demo feedback requests, one in every status, some with replies and takeaways."""

import datetime

from django.utils import timezone

from apps.interviews.models import Application

from .drafts import DRAFTS_BY_KEY
from .models import FeedbackRequest

REPLY = (
    "Thank you for asking. The panel liked your research approach a lot. In the end we "
    "chose someone who had already led a design team, which this role needed from day one."
)
TAKEAWAYS = "Show team leadership earlier in my stories\nMy research approach is a real strength"


def seed(user, size: str) -> None:
    FeedbackRequest.objects.for_user(user).delete()
    if size == "large":
        return
    today = timezone.localdate()
    not_selected = list(
        Application.objects.for_user(user).filter(status=Application.Status.REJECTED)[:3]
    )
    others = list(
        Application.objects.for_user(user).exclude(status=Application.Status.REJECTED)[:2]
    )
    plan = [
        ("replied", 20, {"response": REPLY, "takeaways": TAKEAWAYS}),
        ("sent", 8, {}),
        ("draft", None, {}),
        ("no_reply", 30, {}),
        ("declined", 25, {"response": "We don't give individual feedback, sorry."}),
    ]
    for application, (status, sent_days_ago, extra) in zip(
        not_selected + others, plan, strict=False
    ):
        subject, message = DRAFTS_BY_KEY["thank_you"].fill(
            {
                "my_name": user.display_name or "Sam",
                "contact_name": "Priya",
                "company": application.company,
                "role": application.role,
                "interview_date": "3 November",
            }
        )
        sent_on = today - datetime.timedelta(days=sent_days_ago) if sent_days_ago else None
        FeedbackRequest.objects.create(
            owner=user,
            application=application,
            contact_name="Priya Shah",
            contact_email="priya@example.com",
            template="thank_you",
            subject=subject,
            message=message,
            status=status,
            sent_on=sent_on,
            follow_up_on=sent_on + datetime.timedelta(days=7) if sent_on else None,
            response_on=sent_on + datetime.timedelta(days=4) if extra.get("response") else None,
            **extra,
        )
