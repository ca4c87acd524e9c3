import zoneinfo
from functools import cache

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models


@cache
def time_zone_names() -> list[str]:
    return sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError("Choose a time zone from the list.", code="invalid_time_zone")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person using Rebound. They sign in with their email address; there is no username."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(
        "what would you like us to call you?",
        max_length=80,
        blank=True,
        help_text="Used to greet you and to sign the messages you draft.",
    )
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text="Dates and times in Rebound are shown in this zone.",
    )
    # Until the person has seen their zone (at sign-up, in Settings, or in the offer their
    # device's zone prompts), Rebound offers the zone the browser reports.
    time_zone_confirmed = models.BooleanField(default=False, editable=False)

    hide_rejected_applications = models.BooleanField(
        "hide applications that didn't work out from my main list",
        default=False,
        help_text="They stay one click away, under the “Not selected” filter.",
    )
    pace_notes = models.BooleanField(
        "suggest a rest on Insights when my pace looks tiring",
        default=True,
        help_text="A gentle note when applications pick up while your mood dips, "
        "or when you have not had a day off in a while.",
    )

    # Moves on with every change to this person's data or settings (apps.core.models,
    # mark_changed): the pages remembered for them are good while it stays put.
    data_version = models.PositiveBigIntegerField(default=0, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    def save(self, *args, **kwargs):
        # The stamp moves on from what the database holds, never from this copy (another
        # request may have moved it since this one was read), and is read afresh when next
        # asked for.
        if self._state.adding:
            return super().save(*args, **kwargs)
        self.data_version = models.F("data_version") + 1
        if (fields := kwargs.get("update_fields")) is not None:
            kwargs["update_fields"] = {*fields, "data_version"}
        try:
            super().save(*args, **kwargs)
        finally:
            del self.data_version

    @property
    def greeting_name(self) -> str:
        """The name to greet them by: their chosen name, else the start of their email."""
        return self.display_name or self.email.split("@", 1)[0]

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.greeting_name
