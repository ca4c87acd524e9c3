"""allauth's own forms, with labels in our words. Apart from forms.py because allauth's
forms module imports that one (for the sign-up form's extra field) as it loads."""

from allauth.account import forms as account_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django import forms


class _OurWords:
    """allauth's forms with labels in our words (sentence case) and no placeholder that
    only repeats the label beside it. A password box is never sent back, so a refused form
    with one doesn't say everything typed is still there (forms/errors.html)."""

    labels: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in self.labels:
                field.label = self.labels[name]
            if isinstance(field.widget, forms.PasswordInput) and not field.widget.render_value:
                self.error_summary = (
                    "Something needs another look. Type your password again: it's cleared "
                    "each time."
                )


NEW_PASSWORD = {"password1": "New password", "password2": "New password (again)"}


class LoginForm(_OurWords, account_forms.LoginForm):
    labels = {"remember": "Keep me logged in on this device"}


class SignupForm(_OurWords, account_forms.SignupForm):
    pass


class ResetPasswordForm(_OurWords, account_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(_OurWords, account_forms.ResetPasswordKeyForm):
    labels = NEW_PASSWORD


class ChangePasswordForm(_OurWords, account_forms.ChangePasswordForm):
    labels = {"oldpassword": "Current password", **NEW_PASSWORD}


class SetPasswordForm(_OurWords, account_forms.SetPasswordForm):
    labels = NEW_PASSWORD


class AddEmailForm(_OurWords, account_forms.AddEmailForm):
    labels = {"email": "Email address"}


class ReauthenticateForm(_OurWords, account_forms.ReauthenticateForm):
    labels = {"password": "Your password"}


class AuthenticateForm(_OurWords, mfa_forms.AuthenticateForm):
    pass


class MFAReauthenticateForm(_OurWords, mfa_forms.ReauthenticateForm):
    pass


class ActivateTOTPForm(_OurWords, totp_forms.ActivateTOTPForm):
    pass
