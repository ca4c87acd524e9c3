"""allauth's error messages in Rebound's own words: plain, calm, and saying what to do next.
Only the messages a person can meet here are reworded; the rest keep allauth's."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.utils import build_absolute_uri
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": "This account has been switched off, so it can't log in.",
        "cannot_remove_primary_email": "This is the address we write to. Choose another "
        "address to write to first, then remove this one.",
        "duplicate_email": "That address is already on your account.",
        "email_password_mismatch": "That email and password don't match. Check both, or reset "
        "your password if you're unsure.",
        "email_taken": "That address already has a Rebound account. Log in, or reset its "
        "password if you've forgotten it.",
        "enter_current_password": "Type your current password.",
        "incorrect_code": "That code didn't work. Check it and try again.",
        "incorrect_password": "That isn't your current password. Type it again.",
        "invalid_or_expired_key": "This link has run out or was already used. Ask for a new one.",
        "invalid_password_reset": "This reset link has run out or was already used. Ask for a "
        "new one.",
        "max_email_addresses": "You can have up to %d addresses on your account.",
        "too_many_login_attempts": "Too many tries for now. Take a few minutes, then try again.",
        "unverified_primary_email": "Confirm your address first: the link is in the email we "
        "sent you.",
        "same_as_current": "That's the same as now. Type a different one.",
        "rate_limited": "That's a lot of tries in a short time. Wait a minute, then try again.",
    }

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        """Every "was this you?" email links to a password reset: someone whose password
        was just changed by somebody else can't change it, but can reset it."""
        reset = build_absolute_uri(self.request, reverse("account_reset_password"))
        super().send_notification_mail(
            template_prefix, user, {"password_reset_url": reset, **(context or {})}, email
        )


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "add_email_blocked": "With two-factor sign-in on, addresses can't be added. Turn it off "
        "first, add the address, then turn it on again.",
        "cannot_generate_recovery_codes": "Recovery codes come with two-factor sign-in: set up "
        "an authenticator app first.",
        # Also said of a mistyped recovery code at log-in, so not only about the app.
        "incorrect_code": "That code didn't work. Check it and try again: codes from the app "
        "change every 30 seconds.",
        "unverified_email": "Every address on your account needs confirming first: confirm or "
        "remove the ones marked “Not confirmed yet” on the Email page.",
    }
