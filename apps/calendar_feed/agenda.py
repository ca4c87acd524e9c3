"""The dated things Rebound knows about a person: rounds, follow-ups, thank-you notes,
feedback follow-ups and plan steps. The calendar feed and the reminder emails both read
them from here.

Only what a calendar needs is loaded: names, dates, stage and format. Nothing a person
wrote about how a round went, nothing from the journal and nothing about a rejection.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from apps.feedback.models import FeedbackRequest
from apps.interviews.models import Application, Interview
from apps.rejections.models import PlanItem

# A thank-you note is worth a reminder for two weeks after a round, not for ever.
THANK_YOU_KEPT_FOR = datetime.timedelta(days=14)
ROUND_LENGTH_IF_NOT_NOTED = datetime.timedelta(hours=1)

ACTIVE = [Application.Status.APPLIED, Application.Status.INTERVIEWING, Application.Status.OFFER]
WAITING = [Application.Status.APPLIED, Application.Status.INTERVIEWING]


@dataclass(frozen=True)
class AgendaItem:
    """One thing on a day: a round at a time, or something to do on a date."""

    uid: str  # the same for the same row on every fetch, so calendars update in place
    kind: str
    title: str
    starts: datetime.datetime | datetime.date
    updated_at: datetime.datetime
    path: str
    length: datetime.timedelta | None = None
    location: str = ""
    details: str = ""

    @property
    def all_day(self) -> bool:
        return not isinstance(self.starts, datetime.datetime)

    @property
    def minutes(self) -> int | None:
        return int(self.length.total_seconds()) // 60 if self.length else None

    def day(self, zone: zoneinfo.ZoneInfo) -> datetime.date:
        return self.starts if self.all_day else self.starts.astimezone(zone).date()


def person_zone(user) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def agenda(
    user, *, since: datetime.date, until: datetime.date | None = None, zone: zoneinfo.ZoneInfo
) -> list[AgendaItem]:
    """Everything dated from `since` to `until` (open-ended if None), in three queries
    whatever the amount of data, sorted by when it happens."""
    starts_from = datetime.datetime.combine(since, datetime.time(), tzinfo=zone)
    ends_before = (
        datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time(), tzinfo=zone)
        if until
        else None
    )
    items = [
        *_from_rounds(user, since, until, starts_from, ends_before, zone),
        *_from_feedback(user, since, until),
        *_from_plan(user, since, until),
    ]
    return sorted(items, key=lambda item: (_sort_moment(item, zone), item.uid))


def round_item(interview: Interview) -> AgendaItem:
    application = interview.application
    stage = interview.get_stage_display()
    length = (
        datetime.timedelta(minutes=interview.length_minutes) if interview.length_minutes else None
    )
    return AgendaItem(
        uid=f"round-{interview.pk}",
        kind="round",
        title=f"{stage} round: {application.role} at {application.company}",
        starts=interview.occurred_at,
        length=length,
        location=_where(interview),
        updated_at=interview.updated_at,
        path=reverse("interviews:interview", args=[interview.pk]),
        details=f"{application.role} at {application.company}. {stage} round"
        + (f", {interview.length_minutes} minutes." if length else "."),
    )


def _where(interview: Interview) -> str:
    if not interview.format:
        return ""
    where = interview.get_format_display()
    if interview.format == Interview.Format.IN_PERSON and interview.application.location:
        where = f"{where}, {interview.application.location}"
    return where


def _in_range(field: str, since, until) -> Q:
    condition = Q(**{f"{field}__gte": since})
    return condition & Q(**{f"{field}__lte": until}) if until else condition


def _from_rounds(user, since, until, starts_from, ends_before, zone) -> list[AgendaItem]:
    rounds_in_range = Q(occurred_at__gte=starts_from)
    if ends_before:
        rounds_in_range &= Q(occurred_at__lt=ends_before)
    thank_you_from = max(since, timezone.localdate(timezone=zone) - THANK_YOU_KEPT_FOR)
    rounds = (
        Interview.objects.for_user(user)
        .filter(rounds_in_range | (_in_range("follow_up_on", since, until)))
        .select_related("application")
        .only(
            "stage",
            "occurred_at",
            "length_minutes",
            "format",
            "follow_up_on",
            "followed_up_on",
            "thank_you_sent_on",
            "updated_at",
            "application__company",
            "application__role",
            "application__location",
            "application__status",
        )
    )
    items = []
    for interview in rounds:
        application = interview.application
        path = reverse("interviews:interview", args=[interview.pk])
        on = interview.occurred_at.astimezone(zone).date()
        if interview.occurred_at >= starts_from and (
            not ends_before or interview.occurred_at < ends_before
        ):
            items.append(round_item(interview))
        thank_you_day = on + datetime.timedelta(days=1)
        if (
            not interview.thank_you_sent_on
            and application.status in ACTIVE
            and thank_you_day >= thank_you_from
            and (not until or thank_you_day <= until)
        ):
            items.append(
                AgendaItem(
                    uid=f"thank-you-{interview.pk}",
                    kind="thank_you",
                    title=f"Thank-you note to {application.company} after the "
                    f"{interview.get_stage_display().lower()} round",
                    starts=thank_you_day,
                    updated_at=interview.updated_at,
                    path=path,
                    details="If you'd like to send one. A few warm lines are plenty.",
                )
            )
        if (
            interview.follow_up_on
            and not interview.followed_up_on
            and application.status in WAITING
            and interview.follow_up_on >= since
            and (not until or interview.follow_up_on <= until)
        ):
            items.append(
                AgendaItem(
                    uid=f"follow-up-{interview.pk}",
                    kind="follow_up",
                    title=f"Follow up with {application.company}",
                    starts=interview.follow_up_on,
                    updated_at=interview.updated_at,
                    path=path,
                    details=f"About the {application.role} role.",
                )
            )
    return items


def _from_feedback(user, since, until) -> list[AgendaItem]:
    requests = (
        FeedbackRequest.objects.for_user(user)
        .filter(_in_range("follow_up_on", since, until), status=FeedbackRequest.Status.SENT)
        .select_related("application")
        .only("follow_up_on", "updated_at", "application__company", "application__role")
    )
    return [
        AgendaItem(
            uid=f"feedback-follow-up-{request.pk}",
            kind="feedback_follow_up",
            title=f"Follow up on feedback from {request.application.company}",
            starts=request.follow_up_on,
            updated_at=request.updated_at,
            path=reverse("feedback:request", args=[request.pk]),
            details="A short, friendly nudge is fine, and so is letting it go.",
        )
        for request in requests
    ]


def _from_plan(user, since, until) -> list[AgendaItem]:
    steps = (
        PlanItem.objects.for_user(user)
        .open()
        .filter(_in_range("due_on", since, until))
        .only("title", "due_on", "updated_at")
    )
    return [
        AgendaItem(
            uid=f"plan-{step.pk}",
            kind="plan",
            title=f"Plan: {step.title}",
            starts=step.due_on,
            updated_at=step.updated_at,
            path=reverse("rejections:plan"),
            details="A step from your plan. Moving the date is fine.",
        )
        for step in steps
    ]


def _sort_moment(item: AgendaItem, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    if item.all_day:
        return datetime.datetime.combine(item.starts, datetime.time(), tzinfo=zone)
    return item.starts
