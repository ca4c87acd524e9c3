import datetime
from urllib.parse import quote, urlencode

from django.db import models
from django.urls import reverse
from django.utils import timezone

from apps.core.models import (
    LONG_TEXT,
    OwnedModel,
    OwnedQuerySet,
    already_happened,
    within_five_years,
)
from apps.interviews.models import Application

FOLLOW_UP_AFTER = datetime.timedelta(days=7)


class FeedbackRequestQuerySet(OwnedQuerySet):
    def follow_ups_due(self, today: datetime.date, days_ahead: int = 7):
        return self.filter(
            status=FeedbackRequest.Status.SENT,
            follow_up_on__isnull=False,
            follow_up_on__lte=today + datetime.timedelta(days=days_ahead),
        )


class FeedbackRequest(OwnedModel):
    """A request for feedback after an interview: drafted here, sent from the person's mail."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SENT = "sent", "Sent"
        REPLIED = "replied", "Replied"
        NO_REPLY = "no_reply", "No reply"
        DECLINED = "declined", "Declined"

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        LINKEDIN = "linkedin", "LinkedIn message"
        PHONE = "phone", "Phone call"
        OTHER = "other", "Other"

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    contact_name = models.CharField("who you're asking", max_length=120, blank=True)
    contact_email = models.EmailField("their email", blank=True)
    channel = models.CharField(max_length=10, choices=Channel, default=Channel.EMAIL)
    # A key of drafts.DRAFTS (checked by the form), not a choices field: rewording a template
    # never needs a migration.
    template = models.CharField(max_length=20, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    message = models.TextField(max_length=LONG_TEXT, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    sent_on = models.DateField(null=True, blank=True, validators=[already_happened])
    follow_up_on = models.DateField(null=True, blank=True, validators=[within_five_years])
    response = models.TextField("their reply", max_length=LONG_TEXT, blank=True)
    response_on = models.DateField(
        "reply received on", null=True, blank=True, validators=[already_happened]
    )
    takeaways = models.TextField(
        "your takeaways",
        max_length=LONG_TEXT,
        blank=True,
        help_text="One per line: what you will take from this.",
    )

    objects = FeedbackRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["owner", "status", "follow_up_on"])]

    def __str__(self) -> str:
        return f"Feedback from {self.application.company}"

    def get_absolute_url(self) -> str:
        return reverse("feedback:request", args=[self.pk])

    @property
    def takeaway_list(self) -> list[str]:
        return [line.strip() for line in self.takeaways.splitlines() if line.strip()]

    @property
    def word_count(self) -> int:
        return len(self.message.split())

    MAILTO_LIMIT = 1800  # longer mailto: links are cut off by some mail apps

    @property
    def mailto(self) -> tuple[str, bool]:
        """A mailto: link with subject and body encoded, and whether the body was shortened."""
        body, shortened = self.message, False
        while True:
            query = urlencode({"subject": self.subject, "body": body}, quote_via=quote)
            url = f"mailto:{quote(self.contact_email)}?{query}"
            if len(url) <= self.MAILTO_LIMIT or not body:
                return url, shortened
            body, shortened = body[: int(len(body) * 0.8)].rstrip() + " …", True

    @property
    def mailto_url(self) -> str:
        return self.mailto[0]

    @property
    def mailto_shortened(self) -> bool:
        return self.mailto[1]

    def default_follow_up(self, sent_on: datetime.date | None = None) -> datetime.date:
        return (sent_on or timezone.localdate()) + FOLLOW_UP_AFTER
