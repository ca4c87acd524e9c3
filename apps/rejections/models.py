import datetime

from django.db import models
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
from apps.feedback.models import FeedbackRequest
from apps.interviews.models import Application, Question, Stage


class Rejection(OwnedModel):
    """The news that an application didn't lead to an offer, and how it landed."""

    class How(models.TextChoices):
        EMAIL = "email", "An email"
        PHONE = "phone", "A phone call"
        PORTAL = "portal", "A job portal"
        SILENCE = "silence", "Silence: they stopped replying"

    class Expected(models.TextChoices):
        EXPECTED = "expected", "I half expected it"
        UNSURE = "unsure", "I wasn't sure"
        SURPRISED = "surprised", "It came as a surprise"

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="rejections"
    )
    received_on = models.DateField(
        "when you heard", default=timezone.localdate, validators=[already_happened]
    )
    how = models.CharField("how you heard", max_length=10, choices=How, default=How.EMAIL)
    stage_reached = models.CharField("stage you reached", max_length=20, choices=Stage, blank=True)
    reason_given = models.TextField("any reason they gave", max_length=LONG_TEXT, blank=True)
    message = models.TextField(
        "their message, if you want to keep it", max_length=LONG_TEXT, blank=True
    )
    expected = models.CharField("how expected it was", max_length=10, choices=Expected, blank=True)
    impact = one_to_five("how hard it hit")

    class Meta:
        ordering = ["-received_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.application}"


class RecoveryQuerySet(OwnedQuerySet):
    def in_progress(self):
        return self.filter(finished_at__isnull=True)


class Recovery(OwnedModel):
    """One walk-through of recovering from a rejection: where the person is, what they chose."""

    rejection = models.OneToOneField(Rejection, on_delete=models.CASCADE, related_name="recovery")
    # Where to pick up: the furthest screen the person has moved on to (steps.py).
    current_step = models.PositiveSmallIntegerField(default=1)
    current_screen = models.PositiveSmallIntegerField(default=1)
    steps_done = models.JSONField(default=list, blank=True)
    steps_skipped = models.JSONField(default=list, blank=True)
    feelings = models.JSONField(default=list, blank=True)
    feelings_in_own_words = models.TextField(max_length=LONG_TEXT, blank=True)
    thinking_traps = models.JSONField(default=dict, blank=True)  # trap key -> a fairer thought
    no_trap_fits = models.BooleanField(default=False)
    mood_after = one_to_five()
    feedback_request = models.ForeignKey(
        FeedbackRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = RecoveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "recoveries"

    def __str__(self) -> str:
        return f"Recovery after {self.rejection}"

    def get_absolute_url(self) -> str:
        return reverse("rejections:resume", args=[self.pk])

    def step_url(self, number: int, screen: int = 1) -> str:
        if screen == 1:
            return reverse("rejections:step", args=[self.pk, number])
        return reverse("rejections:step_screen", args=[self.pk, number, screen])

    def resume_url(self) -> str:
        return self.step_url(self.current_step, self.current_screen)

    @property
    def application(self) -> Application:
        return self.rejection.application

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    def reach(self, number: int, screen: int) -> None:
        """Moving on: going back to an earlier screen never moves the place to pick up."""
        if (number, screen) > (self.current_step, self.current_screen):
            self.current_step, self.current_screen = number, screen

    def mark_done(self, number: int) -> None:
        if number not in self.steps_done:
            self.steps_done.append(number)
        if number in self.steps_skipped:
            self.steps_skipped.remove(number)

    def mark_skipped(self, number: int) -> None:
        """Skipped, unless something in the step was already saved."""
        if number not in self.steps_done and number not in self.steps_skipped:
            self.steps_skipped.append(number)


class PlanItemQuerySet(OwnedQuerySet):
    def open(self):
        return self.filter(done_on__isnull=True)

    def due_soon(self, today: datetime.date, days_ahead: int = 7):
        return self.open().filter(
            due_on__isnull=False, due_on__lte=today + datetime.timedelta(days=days_ahead)
        )


class PlanItem(OwnedModel):
    """One small next step: practise a question, build a skill, update materials, rest."""

    class Kind(models.TextChoices):
        PRACTISE = "practise", "Practise a question"
        SKILL = "skill", "Build a skill"
        MATERIALS = "materials", "Update my materials"
        SELF_CARE = "self_care", "Look after myself"

    kind = models.CharField(max_length=10, choices=Kind, default=Kind.SKILL)
    title = models.CharField("what to do", max_length=300)
    due_on = models.DateField("by when", null=True, blank=True, validators=[within_five_years])
    done_on = models.DateField(null=True, blank=True)
    recovery = models.ForeignKey(
        Recovery, null=True, blank=True, on_delete=models.SET_NULL, related_name="plan_items"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    feedback_request = models.ForeignKey(
        FeedbackRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        ordering = [
            models.F("done_on").desc(nulls_first=True),
            models.F("due_on").asc(nulls_last=True),
            "pk",
        ]
        indexes = [models.Index(fields=["owner", "done_on", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_on is not None
