import logging

from allauth.usersessions.models import UserSession
from django.contrib.auth import logout
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def delete_account(request: HttpRequest) -> None:
    """Delete the signed-in person and every row they own, end every session they have
    (this device and every other), and tell them by email once it is done."""
    user = request.user
    address = user.email
    with transaction.atomic():
        # Each signed-in device: its session goes from the session store, not just the list.
        for session in UserSession.objects.filter(user=user):
            session.end()
        # Every row a person owns links to them with on_delete=CASCADE (OwnedModel, and
        # allauth's addresses, authenticators and sessions), so this takes it all.
        user.delete()
        transaction.on_commit(lambda: _send_goodbye(address))
    logout(request)  # this device too, even if its session was never in the list


def _send_goodbye(address: str) -> None:
    context = {"email": address}
    try:
        send_mail(
            render_to_string("yourdata/email/deleted_subject.txt", context).strip(),
            render_to_string("yourdata/email/deleted_message.txt", context),
            None,
            [address],
        )
    except Exception:
        # The account is already gone; a mail server's bad moment must not turn that into
        # an error page. Logged without the address: it belongs to nobody here any more.
        logger.exception("The account-deleted email could not be sent")
