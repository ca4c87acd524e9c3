"""The database reads behind Insights. Each is one aggregate or grouped query, so the page
costs the same few queries for a dozen applications or for thousands.

"Heard back" is not a date Rebound stores: it is the first round that took place or the
first news that an application didn't work out, whichever came first. An offer or a "not
selected" status also counts as an answer, without a date."""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Avg,
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
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import (
    Coalesce,
    Greatest,
    Least,
    Lower,
    Trim,
    TruncDate,
    TruncMonth,
    TruncWeek,
)
from django.db.models.lookups import GreaterThanOrEqual
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


def _measures(today: datetime.date) -> dict:
    """Per-application facts as aggregate expressions: how far each got, when it first
    heard back, and how its rounds were spaced."""
    now = timezone.now()
    rounds = Interview.objects.filter(application=OuterRef("pk"), occurred_at__lte=now)
    news = Rejection.objects.filter(application=OuterRef("pk"))
    per_application = rounds.order_by().values("application")
    first_round = Subquery(
        per_application.annotate(day=TruncDate(Min("occurred_at"))).values("day"),
        output_field=DateField(),
    )
    first_news = Subquery(
        news.order_by().values("application").annotate(day=Min("received_on")).values("day")
    )
    heard_on = Least(Coalesce(first_round, first_news), Coalesce(first_news, first_round))
    wait = ExpressionWrapper(heard_on - F("applied_on"), output_field=DurationField())
    # The mean gap between rounds is (last - first) / (rounds - 1): summed over applications.
    round_span = Subquery(
        per_application.annotate(
            span=ExpressionWrapper(
                Max("occurred_at") - Min("occurred_at"), output_field=DurationField()
            )
        ).values("span")
    )
    round_count = Coalesce(
        Subquery(per_application.annotate(n=Count("pk")).values("n")),
        0,
    )
    later_round = Interview.objects.filter(
        application=OuterRef("application"), occurred_at__gt=OuterRef("occurred_at")
    )
    overdue = (
        Interview.objects.follow_ups_due(today, days_ahead=-1)
        .filter(application=OuterRef("pk"), occurred_at__lte=now)
        .exclude(Exists(later_round))
    )

    offer = Q(status=Status.OFFER)
    final = offer | Q(Exists(rounds.filter(stage=Stage.FINAL)))
    interviewed = final | Q(Exists(rounds))
    heard = interviewed | Q(Exists(news)) | Q(status__in=[Status.INTERVIEWING, Status.REJECTED])
    active = Q(status__in=[Status.APPLIED, Status.INTERVIEWING])
    return {
        "applied": Count("pk"),
        "heard": Count("pk", filter=heard),
        "interviewed": Count("pk", filter=interviewed),
        "final": Count("pk", filter=final),
        "offer": Count("pk", filter=offer),
        "wait_sum": Sum(wait, filter=GreaterThanOrEqual(heard_on, F("applied_on"))),
        "waits": Count("pk", filter=GreaterThanOrEqual(heard_on, F("applied_on"))),
        "round_span": Sum(round_span),
        "round_gaps": Sum(Greatest(round_count - 1, 0)),
        "waiting": Count("pk", filter=active & Q(Exists(overdue)) & ~Q(Exists(news))),
        "quiet": Count("pk", filter=_quiet(today)),
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
    """One query: every measure for each pair of (where it was found, month it was sent).
    The totals, the sources and the months are sums of those few groups, which grow with
    the places and months a search spans, never with its applications."""
    sent = TruncMonth("applied_on", output_field=DateField())  # None with no date sent
    groups = list(
        Application.objects.for_user(user)
        .annotate(month=sent)
        .values("month", key=Lower(Trim("source")))
        .annotate(label=Min(Trim("source")), **_measures(today))
        .order_by()
    )
    sources = [
        {**_summed(rows), "key": key, "label": min(row["label"] for row in rows)}
        for key, rows in _grouped(groups, "key").items()
    ]
    sources.sort(key=lambda row: (-row["applied"], row["key"]))
    first_month = (today.replace(day=1) - datetime.timedelta(days=31 * (MONTHS_SHOWN - 1))).replace(
        day=1
    )
    by_month = _grouped(groups, "month")
    undated = _summed(by_month.pop(None, []))["applied"]
    months = [
        {**_summed(rows), "month": month}
        for month, rows in sorted(by_month.items())
        if month >= first_month
    ]
    return Search(_summed(groups), sources[:SOURCES_SHOWN], months, undated)


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
