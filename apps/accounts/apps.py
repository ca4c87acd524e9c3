import importlib.util
import sys

from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


def defer_import(name: str) -> None:
    """Put module `name` in place without running it: it runs the first time one of its
    names is used. Importing it as a whole (`from package import name`) does not count."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from django.conf import settings

        from .middleware import mark_seen_at_log_in

        # Written with the log-in's own session save, so no page view has to write it.
        user_logged_in.connect(mark_seen_at_log_in, dispatch_uid="accounts.mark_seen")

        # allauth imports its passkey (WebAuthn) code on every start, and with it fido2
        # and cryptography: about 14 MB a worker. Rebound offers no passkeys, so that code
        # waits until something actually uses it, which is never while passkeys are off.
        if "webauthn" not in settings.MFA_SUPPORTED_TYPES:
            defer_import("allauth.mfa.webauthn.internal.auth")
