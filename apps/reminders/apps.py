from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RemindersConfig(AppConfig):
    name = "apps.reminders"
    label = "reminders"
    verbose_name = "Reminders"

    def ready(self):
        from . import checks  # noqa: F401  (registers the SITE_URL deploy check)
        from .tasks import keep_sweeping_after_migrate

        # Every deployment runs migrate, so it is the moment to make sure the worker's
        # schedule is running, should anything (a database restore, a killed worker) have
        # broken it.
        post_migrate.connect(keep_sweeping_after_migrate, sender=self)
