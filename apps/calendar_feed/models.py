import secrets

from django.core import signing
from django.db import models

from apps.core.models import OwnedModel, OwnedQuerySet


def new_key() -> str:
    return secrets.token_urlsafe(24)


def _signer() -> signing.Signer:
    # The address is the key plus its signature. The database alone (a backup, say) holds
    # no working address, and checking the signature takes the same time however close a
    # guess comes.
    return signing.Signer(salt="rebound.calendar-feed", sep=".")


class CalendarFeedQuerySet(OwnedQuerySet):
    def from_token(self, token: str) -> "CalendarFeed | None":
        """The feed this address opens, or None for a forged, old or turned-off address."""
        try:
            key = _signer().unsign(token)
        except signing.BadSignature:
            return None
        return self.select_related("owner").filter(key=key).first()


class CalendarFeed(OwnedModel):
    """A person's private calendar address. Making a new one retires the old; turning it
    off deletes the row. Either way the old address answers 404."""

    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="one_calendar_feed_per_person")
        ]

    def __str__(self) -> str:
        return f"Calendar feed of {self.owner_id}"

    @property
    def token(self) -> str:
        return _signer().sign(self.key)
