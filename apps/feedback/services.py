from django.utils import timezone
from django.utils.formats import date_format

from apps.interviews.models import Application

from .drafts import DRAFTS_BY_KEY


def contact_from_interviewers(application: Application) -> str:
    """The first interviewer named on the latest round, without their role."""
    for interview in application.interviews.order_by("-occurred_at"):
        for person in interview.interviewer_list:
            return person.split(",")[0].strip()
    return ""


def fill_draft(template_key: str, user, application: Application, contact_name: str):
    """Subject and message for a template, with the person's details filled in as text."""
    draft = DRAFTS_BY_KEY.get(template_key)
    if draft is None:
        return "", ""
    latest = application.interviews.order_by("-occurred_at").first()
    return draft.fill(
        {
            "my_name": user.display_name or "[your name]",
            "contact_name": contact_name or "[their name]",
            "company": application.company,
            "role": application.role,
            "interview_date": date_format(timezone.localdate(latest.occurred_at), "j F")
            if latest
            else "[interview date]",
        }
    )
