from django.db import models
from django.urls import reverse

from apps.core.models import LONG_TEXT, OwnedModel, already_happened


class Strength(OwnedModel):
    """Something the person is good at, and the evidence that shows it."""

    class Source(models.TextChoices):
        ME = "me", "I know it about myself"
        FEEDBACK = "feedback", "Someone told me"
        EVALUATION = "evaluation", "A review or evaluation"
        INTERVIEW = "interview", "An interview showed it"

    name = models.CharField("strength", max_length=120)
    evidence = models.TextField(
        max_length=LONG_TEXT,
        blank=True,
        help_text="A sentence or two: when did it show? What happened?",
    )
    source = models.CharField("where it comes from", max_length=12, choices=Source, default="me")
    pinned = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-pinned", "position", "pk"]
        indexes = [models.Index(fields=["owner", "-pinned", "position"])]

    def __str__(self) -> str:
        return self.name


class Achievement(OwnedModel):
    """Something the person did that they can be proud of, told as a short story."""

    class Kind(models.TextChoices):
        ACHIEVEMENT = "achievement", "Achievement"
        AWARD = "award", "Award"
        EVALUATION = "evaluation", "Evaluation"
        PRAISE = "praise", "Praise"
        MILESTONE = "milestone", "Milestone"

    title = models.CharField(max_length=200)
    month = models.DateField(
        null=True, blank=True, help_text="The month is enough.", validators=[already_happened]
    )
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.ACHIEVEMENT)
    situation = models.TextField(max_length=LONG_TEXT, blank=True, help_text="What was going on?")
    action = models.TextField("what you did", max_length=LONG_TEXT, blank=True)
    result = models.TextField(
        max_length=LONG_TEXT, blank=True, help_text="What changed because of it?"
    )
    strengths = models.ManyToManyField(Strength, blank=True, related_name="achievements")

    class Meta:
        ordering = [models.F("month").desc(nulls_last=True), "-pk"]
        indexes = [models.Index(fields=["owner", "-month"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("strengths:index") + f"#achievement-{self.pk}"


class Supporter(OwnedModel):
    """Someone the person can talk to."""

    name = models.CharField(max_length=120)
    how_they_help = models.CharField(
        max_length=200,
        blank=True,
        help_text="For example: listens, makes me laugh, knows the field.",
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def phone_link(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
