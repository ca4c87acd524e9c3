from django.utils import timezone
from django.utils.formats import date_format

from apps.interviews.models import Application

from .drafts import (
    COMPANY,
    DRAFTS_BY_KEY,
    INTERVIEW_DATE,
    PLACEHOLDER,
    ROLE,
    THEIR_NAME,
    YOUR_NAME,
)
from .models import FeedbackRequest


def draft_request(user, application: Application, template_key: str) -> FeedbackRequest:
    """A new request, drafted from a template with what is known filled in."""
    contact = contact_from_interviewers(application)
    subject, message = fill_draft(template_key, user, application, contact)
    return FeedbackRequest.objects.create(
        owner=user,
        application=application,
        contact_name=contact,
        template=template_key,
        subject=subject,
        message=message,
    )


def contact_from_interviewers(application: Application) -> str:
    """The first interviewer named on the latest round, without their role."""
    for interview in application.interviews.order_by("-occurred_at"):
        for person in interview.interviewer_list:
            return person.split(",")[0].strip()
    return ""


def fill_draft(template_key: str, user, application: Application | None, contact_name: str):
    """Subject and message for a template, with the person's details filled in as text;
    what isn't known yet (no application chosen, no contact) stays a visible placeholder."""
    draft = DRAFTS_BY_KEY.get(template_key)
    if draft is None:
        return "", ""
    return draft.fill(
        {
            "my_name": user.display_name or YOUR_NAME,
            "contact_name": contact_name or THEIR_NAME,
            "company": application.company if application else COMPANY,
            "role": application.role if application else ROLE,
            "interview_date": _latest_round_date(application) or INTERVIEW_DATE,
        }
    )


def _latest_round_date(application: Application | None) -> str:
    latest = application.interviews.order_by("-occurred_at").first() if application else None
    return date_format(timezone.localdate(latest.occurred_at), "j F") if latest else ""


def fill_placeholders(text: str, user, application: Application | None, contact_name: str):
    """Put in the details that are known now, in place of the placeholders that stood for
    them; everything else the person wrote stays as they wrote it."""
    known = {THEIR_NAME: contact_name.strip(), YOUR_NAME: user.display_name}
    if application is not None and PLACEHOLDER.search(text):
        known |= {
            COMPANY: application.company,
            ROLE: application.role,
            INTERVIEW_DATE: _latest_round_date(application),
        }
    for placeholder, value in known.items():
        if value:
            text = text.replace(placeholder, value)
    return text


def placeholders_left(feedback) -> list[str]:
    """The placeholders still in a request's subject or message, each once."""
    found = PLACEHOLDER.findall(f"{feedback.subject}\n{feedback.message}")
    return list(dict.fromkeys(found))
