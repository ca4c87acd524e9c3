"""Messages for the view tests, dated from today so they hold on any day the suite runs."""

import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

PASTE = reverse("capture:paste")
LONDON = ZoneInfo("Europe/London")


def in_a_week() -> datetime.datetime:
    """A week from now at 2pm, London time (the person's zone in these tests)."""
    day = datetime.datetime.now(LONDON).date() + datetime.timedelta(days=7)
    return datetime.datetime.combine(day, datetime.time(14, 0), tzinfo=LONDON)


def spoken(moment: datetime.datetime) -> str:
    """ "Tuesday 8 December at 2pm", as a message would say it."""
    return f"{moment:%A} {moment.day} {moment:%B} at {moment:%-I%p}".replace("PM", "pm")


def invitation(moment: datetime.datetime | None = None, company: str = "Northwind") -> str:
    moment = moment or in_a_week()
    return (
        f"From: Sam Lee <sam@{company.lower()}.io>\n"
        "Subject: Next steps\n\n"
        f"Hi Alice, thanks for your interest in the Product Designer role at {company}. "
        f"We'd love to invite you to a video interview on {spoken(moment)}. "
        "You'll meet Priya Shah (Engineering Manager).\n\nBest,\nSam"
    )


REJECTION = (
    "From: Sam Lee <sam@northwind.io>\nSubject: Your application\n\n"
    "Hi Alice, thank you for interviewing with us. Unfortunately we have decided to move "
    "forward with another candidate for the Product Designer role.\n\nKind regards,\nSam"
)
