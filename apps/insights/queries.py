"""The database reads behind Insights. Each is one aggregate or grouped query, so the page
costs the same few queries for a dozen applications or for thousands.

"Heard back" is not a date Rebound stores: it is the first round that took place or the
first news that an application didn't work out, whichever came first. An offer or a "not
selected" status also counts as an answer, without a date."""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Avg,
    BooleanField,
    Count,
    DateField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Value,
)
from django.db.models.functions import (
    Lower,
    Trim,
    TruncDate,
    TruncMonth,
    TruncWeek,
)
from django.utils import timezone

from apps.interviews.models import Application, Interview, Question, Stage
from apps.journal.models import Entry
from apps.rejections.models import Rejection

Status = Application.Status
SOURCES_SHOWN = 6
MONTHS_SHOWN = 6
QUIET_AFTER_DAYS = 30  # an application with no word for this long counts as quiet
MOOD_WEEKS = 12
WAITING_SHOWN = 5
QUIET_SHOWN = 3


def _facts(user, today: datetime.date) -> list[dict]:
    """One row per application: how far it got, when it first heard back, and how its
    rounds were spaced, in a single pass over its rounds and news (joined and grouped, so
    each is read once rather than once per measure)."""
    now = timezone.now()
    past = Q(interviews__occurred_at__lte=now)
    later_round = Interview.objects.filter(
        application=OuterRef("application"), occurred_at__gt=OuterRef("occurred_at")
    )
    overdue = (
        Interview.objects.follow_ups_due(today, days_ahead=-1)
        .filter(application=OuterRef("pk"), occurred_at__lte=now)
        .exclude(Exists(later_round))
    )
    return list(
        Application.objects.for_user(user)
        .values("pk", "status", "applied_on")  # grouped by application
        .annotate(
            month=TruncMonth("applied_on", output_field=DateField()),  # None with no date
            key=Lower(Trim("source")),
            label=Trim("source"),
            first_round=TruncDate(Min("interviews__occurred_at", filter=past)),
            # The mean gap between rounds is (last - first) / (rounds - 1), summed over all.
            round_span=ExpressionWrapper(
                Max("interviews__occurred_at", filter=past)
                - Min("interviews__occurred_at", filter=past),
                output_field=DurationField(),
            ),
            rounds=Count("interviews", filter=past, distinct=True),
            final_rounds=Count(
                "interviews", filter=past & Q(interviews__stage=Stage.FINAL), distinct=True
            ),
            first_news=Min("rejections__received_on"),
            overdue=Exists(overdue),
            quiet=ExpressionWrapper(_quiet(today), output_field=BooleanField()),
        )
        .order_by()
    )


def _measured(row: dict) -> dict:
    """An application's facts as the measures that are added up: 1 or 0 for each count."""
    status, applied_on, first_news = row["status"], row["applied_on"], row["first_news"]
    offer = status == Status.OFFER
    final = offer or row["final_rounds"] > 0
    interviewed = final or row["rounds"] > 0
    heard = (
        interviewed or first_news is not None or status in (Status.INTERVIEWING, Status.REJECTED)
    )
    heard_on = min((day for day in (row["first_round"], first_news) if day), default=None)
    waited = heard_on is not None and applied_on is not None and heard_on >= applied_on
    return {
        "key": row["key"],
        "label": row["label"],
        "month": row["month"],
        "applied": 1,
        "heard": heard,
        "interviewed": interviewed,
        "final": final,
        "offer": offer,
        "wait_sum": heard_on - applied_on if waited else None,
        "waits": waited,
        "round_span": row["round_span"],
        "round_gaps": max(row["rounds"] - 1, 0),
        "waiting": status in (Status.APPLIED, Status.INTERVIEWING)
        and row["overdue"]
        and first_news is None,
        "quiet": row["quiet"],
    }


def _quiet(today: datetime.date) -> Q:
    """Sent a month or more ago, and no round or news since."""
    return (
        Q(status=Status.APPLIED, applied_on__lte=today - datetime.timedelta(days=QUIET_AFTER_DAYS))
        & ~Q(Exists(Interview.objects.filter(application=OuterRef("pk"))))
        & ~Q(Exists(Rejection.objects.filter(application=OuterRef("pk"))))
    )


def quiet(user, today: datetime.date) -> list[Application]:
    """A few of the quiet applications, the longest quiet first, to name them."""
    return list(
        Application.objects.for_user(user)
        .filter(_quiet(today))
        .only("company", "applied_on")
        .order_by("applied_on", "pk")[:QUIET_SHOWN]
    )


COUNTS = ("applied", "heard", "interviewed", "final", "offer", "waits", "round_gaps")
COUNTS += ("waiting", "quiet")
DURATIONS = ("wait_sum", "round_span")


@dataclass(frozen=True)
class Search:
    totals: dict
    sources: list[dict]  # the places applications came from, most used first
    months: list[dict]  # the last few months, by when applications were sent
    undated: int  # applications with no date sent, left out of the months


def search(user, today: datetime.date) -> Search:
    """One query, a row for each application; the totals, the sources and the months are
    sums of those rows."""
    applications = [_measured(row) for row in _facts(user, today)]
    sources = [
        {**_summed(rows), "key": key, "label": min(row["label"] for row in rows)}
        for key, rows in _grouped(applications, "key").items()
    ]
    sources.sort(key=lambda row: (-row["applied"], row["key"]))
    first_month = (today.replace(day=1) - datetime.timedelta(days=31 * (MONTHS_SHOWN - 1))).replace(
        day=1
    )
    by_month = _grouped(applications, "month")
    undated = _summed(by_month.pop(None, []))["applied"]
    months = [
        {**_summed(rows), "month": month}
        for month, rows in sorted(by_month.items())
        if month >= first_month
    ]
    return Search(_summed(applications), sources[:SOURCES_SHOWN], months, undated)


def _grouped(groups: list[dict], by: str) -> dict:
    grouped: dict = {}
    for row in groups:
        grouped.setdefault(row[by], []).append(row)
    return grouped


def _summed(rows: list[dict]) -> dict:
    """Measures added up over groups; the average wait is worked out from the sums."""
    total = {name: sum(row[name] or 0 for row in rows) for name in COUNTS}
    for name in DURATIONS:
        total[name] = sum((row[name] for row in rows if row[name]), datetime.timedelta())
    total["wait"] = total["wait_sum"] / total["waits"] if total["waits"] else None
    return total


def waiting_on(user, today: datetime.date) -> list[Interview]:
    """Rounds whose "we'll be in touch by" date has passed, with nothing heard since."""
    later_round = Interview.objects.filter(
        application=OuterRef("application"), occurred_at__gt=OuterRef("occurred_at")
    )
    news = Rejection.objects.filter(application=OuterRef("application"))
    return list(
        Interview.objects.for_user(user)
        .follow_ups_due(today, days_ahead=-1)
        .filter(occurred_at__lte=timezone.now())
        .exclude(Exists(later_round))
        .exclude(Exists(news))
        .select_related("application")
        .only("stage", "occurred_at", "follow_up_on", "next_steps", "application__company")
        .order_by("follow_up_on", "pk")[:WAITING_SHOWN]
    )


def practice(user) -> dict:
    """Questions grouped by their words: struggled with, practised, and answered well later."""
    well = [Question.Outcome.ROCKED, Question.Outcome.FINE]
    asked = (
        Question.objects.for_user(user)
        .values(words=Lower(Trim("text")))
        .annotate(
            struggled_at=Min(
                "interview__occurred_at", filter=Q(outcome=Question.Outcome.STRUGGLED)
            ),
            well_at=Max("interview__occurred_at", filter=Q(outcome__in=well)),
            most_practice=Max("times_practised"),
        )
        .filter(struggled_at__isnull=False)
    )
    return asked.aggregate(
        struggled=Count("words"),
        practised=Count("words", filter=Q(most_practice__gt=0)),
        better=Count("words", filter=Q(well_at__gt=F("struggled_at"))),
        practised_better=Count(
            "words", filter=Q(well_at__gt=F("struggled_at"), most_practice__gt=0)
        ),
    )


def mood_weeks(user, start: datetime.date) -> list[dict]:
    """Each week's writing since `start`: entries, average moods, and how often writing
    left the person feeling better."""
    return list(
        Entry.objects.for_user(user)
        .filter(written_on__gte=start, is_draft=False)
        .annotate(week=_week("written_on"))
        .values("week")
        .annotate(
            entries=Count("pk"),
            before=Avg("mood_before"),
            after=Avg("mood_after"),
            befores=Count("mood_before"),
            afters=Count("mood_after"),
            both=Count("pk", filter=Q(mood_before__isnull=False, mood_after__isnull=False)),
            lifted=Count("pk", filter=Q(mood_after__gt=F("mood_before"))),
        )
        .order_by("week")
    )


def days_busy(user, start: datetime.date) -> list[dict]:
    """How many applications were sent and rounds and news came, day by day since `start`
    (at most three rows a day, whatever the size of the search)."""
    rounds = Interview.objects.annotate(day=TruncDate("occurred_at")).filter(
        occurred_at__lte=timezone.now()
    )
    applied, rounds, news = (
        rows.for_user(user)
        .filter(**{f"{day}__gte": start})
        .values(day=F(day))
        .annotate(kind=Value(kind), n=Count("pk"))
        .order_by()
        for rows, day, kind in (
            (Application.objects.all(), "applied_on", "applied"),
            (rounds, "day", "round"),
            (Rejection.objects.all(), "received_on", "news"),
        )
    )
    return list(applied.union(rounds, news, all=True).order_by())


def _week(field: str) -> TruncWeek:
    """The Monday of the week a date falls in."""
    return TruncWeek(field, output_field=DateField())
