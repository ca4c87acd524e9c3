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

STEP_COUNT = 8


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
    current_step = models.PositiveSmallIntegerField(default=1)
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

    def step_url(self, number: int) -> str:
        return reverse("rejections:step", args=[self.pk, number])

    @property
    def application(self) -> Application:
        return self.rejection.application

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    def resume_step(self) -> int:
        """The first step neither done nor skipped, else the last one visited."""
        seen = set(self.steps_done) | set(self.steps_skipped)
        return next((n for n in range(1, STEP_COUNT + 1) if n not in seen), self.current_step)

    def complete(self, number: int, *, skipped: bool = False) -> None:
        target = self.steps_skipped if skipped else self.steps_done
        other = self.steps_done if skipped else self.steps_skipped
        if number not in target:
            target.append(number)
        if number in other:
            other.remove(number)
        self.current_step = min(number + 1, STEP_COUNT)


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

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_on is not None
