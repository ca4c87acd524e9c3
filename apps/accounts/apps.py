from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from .middleware import mark_seen_at_log_in

        # Written with the log-in's own session save, so no page view has to write it.
        user_logged_in.connect(mark_seen_at_log_in, dispatch_uid="accounts.mark_seen")
