"""What a reminder email says: what is coming up, what the person planned, and what is
still open from the past week. Kind words, no counts, nothing from the journal."""

import datetime
import email.policy
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from apps.calendar_feed.agenda import AgendaItem, agenda, person_zone

from .models import Frequency

# Things left open are mentioned for a week, then left alone: no nagging.
STILL_OPEN_FOR = datetime.timedelta(days=7)
# A daily email covers today and tomorrow; a weekly one the seven days from its day.
LOOKS_AHEAD = {
    Frequency.DAILY: datetime.timedelta(days=1),
    Frequency.WEEKLY: datetime.timedelta(days=6),
}


@dataclass
class DigestContent:
    coming_up: list[AgendaItem] = field(default_factory=list)
    planned: list[AgendaItem] = field(default_factory=list)
    still_open: list[AgendaItem] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.coming_up or self.planned or self.still_open)


def gather(user, *, day: datetime.date, frequency: str, now: datetime.datetime) -> DigestContent:
    zone = person_zone(user)
    until = day + LOOKS_AHEAD[frequency]
    content = DigestContent()
    for item in agenda(user, since=day - STILL_OPEN_FOR, until=until, zone=zone):
        if not item.all_day:
            if item.starts >= now:
                content.coming_up.append(item)
        elif item.starts >= day:
            content.planned.append(item)
        else:
            content.still_open.append(item)
    return content


def _unsubscribe_signer() -> signing.Signer:
    return signing.Signer(salt="rebound.reminders.unsubscribe", sep=".")


def unsubscribe_token(user) -> str:
    return _unsubscribe_signer().sign(str(user.pk))


def owner_id_from_unsubscribe_token(token: str) -> int | None:
    try:
        return int(_unsubscribe_signer().unsign(token))
    except (signing.BadSignature, ValueError):
        return None


class ReminderEmail(EmailMessage):
    def message(self, *, policy=email.policy.default):
        # Python folds a long header without spaces by encoding it (=?utf-8?q?...), and mail
        # apps then ignore List-Unsubscribe. Lines may be 998 characters long (RFC 5322), so
        # the link stays on one line as written.
        return super().message(policy=policy.clone(max_line_length=998))


def _link(path: str) -> str:
    # The worker has no request to read the host from: SITE_URL says where Rebound lives.
    return f"{settings.SITE_URL}{path}"


def email(user, content: DigestContent, *, day: datetime.date, frequency: str) -> ReminderEmail:
    zone: zoneinfo.ZoneInfo = person_zone(user)
    weekly = frequency == Frequency.WEEKLY
    unsubscribe = _link(reverse("reminders:unsubscribe", args=[unsubscribe_token(user)]))
    context = {
        "user": user,
        "content": content,
        "weekly": weekly,
        "day": day,
        "home_url": _link(reverse("home:index")),
        "settings_url": _link(f"{reverse('accounts:settings')}#reminders"),
        "unsubscribe_url": unsubscribe,
    }
    with timezone.override(zone):
        body = render_to_string("reminders/digest_email.txt", context)
    subject = "Your week ahead, from Rebound" if weekly else "Your day ahead, from Rebound"
    return ReminderEmail(
        subject=subject,
        body=body,
        to=[user.email],
        headers={
            # One-click unsubscribe from the mail app itself (RFC 8058).
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
