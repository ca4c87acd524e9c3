import datetime

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone

from apps.core.models import (
    LONG_TEXT,
    OwnedModel,
    OwnedQuerySet,
    already_happened,
    one_to_five,
    within_five_years,
)

GUT_FEELINGS = {1: "Rough", 2: "Not great", 3: "Okay", 4: "Good", 5: "Great"}
EXCITEMENT = {1: "Barely", 2: "A little", 3: "Quite", 4: "Very", 5: "Dream job"}


class Stage(models.TextChoices):
    """Interview stages, in the order a process usually runs."""

    RECRUITER_SCREEN = "recruiter_screen", "Recruiter screen"
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video"
    TECHNICAL = "technical", "Technical"
    PANEL = "panel", "Panel"
    ON_SITE = "on_site", "On-site"
    FINAL = "final", "Final"
    OTHER = "other", "Other"


STAGE_ORDER = {value: index for index, value in enumerate(Stage.values)}


def furthest_stage(stages) -> str | None:
    """The label of the furthest stage reached ("other" counts least)."""
    stages = list(stages)
    ranked = [s for s in stages if s != Stage.OTHER] or stages
    if not ranked:
        return None
    return Stage(max(ranked, key=STAGE_ORDER.__getitem__)).label


class ApplicationQuerySet(OwnedQuerySet):
    def with_latest_activity(self) -> "ApplicationQuerySet":
        """Annotate when anything last happened: the application itself or any round."""
        return self.annotate(
            latest_activity=Greatest(
                "updated_at", Coalesce(models.Max("interviews__updated_at"), "updated_at")
            )
        )

    def search(self, text: str) -> "ApplicationQuerySet":
        text = text.strip()
        if not text:
            return self
        return self.filter(models.Q(company__icontains=text) | models.Q(role__icontains=text))


class Application(OwnedModel):
    """A job applied for."""

    class Status(models.TextChoices):
        APPLIED = "applied", "Applied"
        INTERVIEWING = "interviewing", "Interviewing"
        OFFER = "offer", "Offer"
        REJECTED = "rejected", "Not selected"
        WITHDRAWN = "withdrawn", "Withdrew"
        NO_RESPONSE = "no_response", "No response"

    class WorkMode(models.TextChoices):
        ON_SITE = "on_site", "On-site"
        HYBRID = "hybrid", "Hybrid"
        REMOTE = "remote", "Remote"

    class Motivation(models.TextChoices):
        INTEREST = "interest", "I'm genuinely interested in the work"
        ESCAPE = "escape", "Mostly to get away from my current job"
        BOTH = "both", "A bit of both"
        UNSURE = "unsure", "I'm not sure yet"

    company = models.CharField(max_length=200)
    role = models.CharField(max_length=200)
    link = models.URLField("link to the job ad", max_length=500, blank=True)
    location = models.CharField(max_length=200, blank=True)
    work_mode = models.CharField("on-site or remote", max_length=10, choices=WorkMode, blank=True)
    source = models.CharField(
        "where you found it", max_length=200, blank=True, help_text="A job board, a referral…"
    )
    applied_on = models.DateField(null=True, blank=True, validators=[already_happened])
    status = models.CharField(max_length=20, choices=Status, default=Status.APPLIED)
    excitement = one_to_five("how excited you are")
    why_i_want_this = models.TextField("why you want this job", max_length=LONG_TEXT, blank=True)
    motivation = models.CharField(
        "what draws you to it", max_length=10, choices=Motivation, blank=True
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["owner", "company"]),
            models.Index(fields=["owner", "-updated_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.role} at {self.company}"

    def get_absolute_url(self) -> str:
        return reverse("interviews:application", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in {self.Status.APPLIED, self.Status.INTERVIEWING, self.Status.OFFER}

    def what_deleting_takes(self) -> dict:
        """What goes with this application if it is deleted, and what the person wrote that
        stays (journal entries and plan items are kept, unlinked). One query."""
        return Application.objects.filter(pk=self.pk).aggregate(
            rounds=models.Count("interviews", distinct=True),
            questions=models.Count("interviews__questions", distinct=True),
            feedback_count=models.Count("feedback_requests", distinct=True),
            rejection_count=models.Count("rejections", distinct=True),
            recovery_count=models.Count("rejections__recovery", distinct=True),
            entry_count=models.Count("entries", distinct=True),
            plan_item_count=models.Count("rejections__recovery__plan_items", distinct=True),
        )

    # These read self.interviews.all(), so a list prefetches "interviews" once for the page.
    @property
    def stage_reached(self) -> str | None:
        return furthest_stage(interview.stage for interview in self.interviews.all())

    @property
    def next_follow_up(self) -> datetime.date | None:
        dates = [
            interview.follow_up_on
            for interview in self.interviews.all()
            if interview.follow_up_on and not interview.followed_up_on
        ]
        return min(dates, default=None)

    def note_interview_logged(self) -> bool:
        """A first round moves an application from applied to interviewing."""
        if self.status == self.Status.APPLIED:
            self.status = self.Status.INTERVIEWING
            return True
        return False


class InterviewQuerySet(OwnedQuerySet):
    def follow_ups_due(self, today: datetime.date, days_ahead: int = 7) -> "InterviewQuerySet":
        """Follow-ups not yet done, due within `days_ahead` days or already past."""
        return self.filter(
            follow_up_on__isnull=False,
            follow_up_on__lte=today + datetime.timedelta(days=days_ahead),
            followed_up_on__isnull=True,
            application__status__in=[Application.Status.APPLIED, Application.Status.INTERVIEWING],
        )

    def upcoming(self, now: datetime.datetime) -> "InterviewQuerySet":
        return self.filter(occurred_at__gt=now).order_by("occurred_at")


class Interview(OwnedModel):
    """One round of an application, and what the person made of it."""

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        VIDEO = "video", "Video call"
        PHONE = "phone", "Phone call"
        TAKE_HOME = "take_home", "Take-home task"
        OTHER = "other", "Other"

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    stage = models.CharField(max_length=20, choices=Stage)
    occurred_at = models.DateTimeField("when", default=timezone.now, validators=[within_five_years])
    length_minutes = models.PositiveSmallIntegerField(
        "length in minutes", null=True, blank=True, validators=[MaxValueValidator(24 * 60)]
    )
    format = models.CharField(max_length=10, choices=Format, blank=True)
    interviewers = models.TextField(
        max_length=LONG_TEXT,
        blank=True,
        help_text="One per line, with their role: “Priya Shah, engineering manager”.",
    )

    researched_company = models.BooleanField(
        "I researched the company and the people", default=False
    )
    prepared_questions = models.BooleanField("I prepared questions to ask", default=False)
    practised_answers = models.BooleanField("I practised my answers", default=False)
    outfit_fits = models.BooleanField("My outfit fitted the culture", default=False)
    logistics_checked = models.BooleanField("I checked the tech or the route", default=False)

    gut_feeling = one_to_five("how it felt")
    went_well = models.TextField("what went well", max_length=LONG_TEXT, blank=True)
    went_badly = models.TextField("what didn't go so well", max_length=LONG_TEXT, blank=True)
    sparked_conversation = models.TextField(
        "what sparked conversation", max_length=LONG_TEXT, blank=True
    )
    interviewer_reactions = models.TextField(
        "how the interviewers reacted",
        max_length=LONG_TEXT,
        blank=True,
        help_text="Were they engaged? Their body language? Did they go deeper?",
    )
    next_steps = models.TextField("what they said happens next", max_length=LONG_TEXT, blank=True)
    follow_up_on = models.DateField(
        "follow up on", null=True, blank=True, validators=[within_five_years]
    )
    followed_up_on = models.DateField(null=True, blank=True, editable=False)
    thank_you_sent_on = models.DateField(
        "thank-you note sent on", null=True, blank=True, validators=[already_happened]
    )
    # Made when the log page is rendered, and sent with it: a round sent twice (a phone
    # sending it again once back online, a resubmit after the answer was lost) is one round.
    log_key = models.CharField(max_length=36, blank=True, editable=False)

    objects = InterviewQuerySet.as_manager()

    PREPARATION_FIELDS = (
        "researched_company",
        "prepared_questions",
        "practised_answers",
        "outfit_fits",
        "logistics_checked",
    )
    REFLECTION_FIELDS = (
        "went_well",
        "went_badly",
        "sparked_conversation",
        "interviewer_reactions",
        "next_steps",
    )

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            models.Index(fields=["owner", "occurred_at"]),
            models.Index(fields=["owner", "follow_up_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "log_key"],
                condition=~models.Q(log_key=""),
                name="interview_logged_once_per_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} — {self.application}"

    def get_absolute_url(self) -> str:
        return reverse("interviews:interview", args=[self.pk])

    @property
    def gut_feeling_label(self) -> str:
        return GUT_FEELINGS.get(self.gut_feeling, "")

    def mark_followed_up(self) -> None:
        self.followed_up_on = timezone.localdate()
        self.save(update_fields=["followed_up_on", "updated_at"])

    @property
    def preparation(self) -> list[tuple[str, bool]]:
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.PREPARATION_FIELDS
        ]

    @property
    def reflection(self) -> list[tuple[str, str]]:
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.REFLECTION_FIELDS
            if getattr(self, name)
        ]

    @property
    def interviewer_list(self) -> list[str]:
        return [line.strip() for line in self.interviewers.splitlines() if line.strip()]


class QuestionQuerySet(OwnedQuerySet):
    def search(self, text: str) -> "QuestionQuerySet":
        text = text.strip()
        if not text:
            return self
        return self.filter(
            models.Q(text__icontains=text)
            | models.Q(my_answer__icontains=text)
            | models.Q(better_answer__icontains=text)
        )


class Question(OwnedModel):
    """A question asked in an interview, and how answering it went."""

    class Kind(models.TextChoices):
        BEHAVIOURAL = "behavioural", "Behavioural"
        TECHNICAL = "technical", "Technical"
        SITUATIONAL = "situational", "Situational"
        ABOUT_YOU = "about_you", "About you"
        OTHER = "other", "Other"

    class Outcome(models.TextChoices):
        ROCKED = "rocked", "Rocked it"
        FINE = "fine", "It was fine"
        STRUGGLED = "struggled", "Struggled"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField("question", max_length=LONG_TEXT)
    kind = models.CharField(max_length=12, choices=Kind, blank=True)
    outcome = models.CharField("how it went", max_length=10, choices=Outcome, blank=True)
    my_answer = models.TextField("notes on my answer", max_length=LONG_TEXT, blank=True)
    better_answer = models.TextField(
        "a better answer",
        max_length=LONG_TEXT,
        blank=True,
        help_text="What you would say next time.",
    )
    times_practised = models.PositiveIntegerField(default=0)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["interview", "id"]
        indexes = [models.Index(fields=["owner", "outcome"])]

    def __str__(self) -> str:
        return self.text[:80]
