"""Reading a pasted message on the server, with no outside service: what it is about and
every field it can fill. Pure Python: no database, and "now" is always passed in."""

import dataclasses
import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from .company import company_of
from .dates import NEW_SLOT, NEWS_BY, when_in
from .kind import (
    DECIDING,
    INVITATION,
    REJECTION,
    RESCHEDULE,
    UNCLEAR,
    format_of,
    kind_of,
    stage_of,
)
from .message import Message, read_message
from .people import interviewers_in, role_in, role_in_subject

MEETINGS = {INVITATION, RESCHEDULE}


@dataclass(frozen=True)
class Reading:
    kind: str
    message: Message
    company: str = ""
    role: str = ""
    day: datetime.date | None = None
    when: datetime.datetime | None = None  # when the message gives a time too
    stage: str = ""
    format: str = ""
    interviewers: list[str] = field(default_factory=list)

    @property
    def says_nothing(self) -> bool:
        """Nothing could be read from it (a message in another language, say)."""
        fields = (self.company, self.role, self.day, self.stage, self.format, self.interviewers)
        return not any(fields)

    @property
    def sender_domain(self) -> str:
        return self.message.sender_domain


def read(
    raw: str,
    *,
    now: datetime.datetime,
    zone: ZoneInfo,
    kind: str = "",
    known_companies: tuple[str, ...] = (),
) -> Reading:
    """Everything a pasted message says that Rebound can fill in. `kind` is the person's
    word for what it is, when they gave one; else it is read from the words."""
    message = read_message(raw)
    text = message.all_text
    kind = kind or kind_of(text)
    people: set[str] = set()
    role = role_in(message.body)
    company = company_of(message, people=people, known=known_companies, role=role)
    if not company and message.quoted:  # a short reply: the message it answers names it
        quoted = dataclasses.replace(message, body=message.quoted)
        company = company_of(quoted, people=people, known=known_companies, role=role)
    role = role or role_in_subject(message.subject, not_this=company)
    reading = Reading(
        kind=kind,
        message=message,
        company=company,
        role=role,
        stage=stage_of(text),
    )
    if kind not in MEETINGS | {DECIDING}:
        return reading
    prefer = {RESCHEDULE: NEW_SLOT, DECIDING: NEWS_BY}.get(kind)
    day, when = when_in(message.body, now=now, zone=zone, sent=message.sent, prefer=prefer)
    if kind == DECIDING:  # the day they said they would be in touch by
        return dataclasses.replace(reading, day=day)
    return dataclasses.replace(
        reading,
        day=day,
        when=when,
        format=format_of(text),
        interviewers=interviewers_in(message.body, companies={company.lower()}),
    )


__all__ = ["DECIDING", "INVITATION", "REJECTION", "RESCHEDULE", "UNCLEAR", "Reading", "read"]
