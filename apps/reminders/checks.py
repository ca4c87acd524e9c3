from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.tasks import task_backends


@register(Tags.security, deploy=True)
def site_url_is_https(app_configs, **kwargs) -> list:
    """Reminder emails link back to the site (and to one-click unsubscribe); the worker
    has no request to take the address from, so SITE_URL says it."""
    if settings.SITE_URL.startswith("https://"):
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: links in reminder emails would not reach "
            "the site. Set it to the address people use, e.g. https://rebound.example.",
            id="reminders.W001",
        )
    ]


@register()
def task_backend_can_run_later(app_configs, **kwargs) -> list:
    """The sweep schedules its next run with run_after, so the backend must support it."""
    if task_backends["default"].supports_defer:
        return []
    return [
        Error(
            "The default task backend cannot run a task later (run_after), so reminder "
            "emails would stop after the first sweep. Choose one that can, such as "
            "django_tasks_db.DatabaseBackend.",
            id="reminders.E001",
        )
    ]
