"""The demo account has a calendar address, so Settings shows how subscribing works."""

from .models import CalendarFeed


def seed(user, size: str) -> None:
    # Kept from one run to the next: an address already pasted into a calendar goes on working.
    CalendarFeed.objects.get_or_create(owner=user)
