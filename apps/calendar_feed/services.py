from django.db import transaction

from .models import CalendarFeed, new_key


@transaction.atomic
def make_new_address(user) -> CalendarFeed:
    """A fresh calendar address for this person; any address they had stops working."""
    feed, _ = CalendarFeed.objects.update_or_create(owner=user, defaults={"key": new_key()})
    return feed


def turn_address_off(user) -> None:
    CalendarFeed.objects.for_user(user).delete()
