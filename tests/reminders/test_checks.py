"""The checks that keep reminders working once deployed."""

from django.core import checks
from django.test import override_settings

from apps.reminders.checks import site_url_is_https, task_backend_can_run_later


def test_a_deployment_is_told_when_site_url_is_not_https():
    with override_settings(SITE_URL="http://127.0.0.1:8000"):
        (warning,) = site_url_is_https(None)
    assert warning.id == "reminders.W001"
    with override_settings(SITE_URL="https://rebound.example"):
        assert site_url_is_https(None) == []
    deploy_checks = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
    assert "reminders.W001" in {message.id for message in deploy_checks}


def test_a_backend_that_cannot_run_tasks_later_is_an_error():
    assert task_backend_can_run_later(None) == []  # the database backend can
    immediate = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=immediate):
        (error,) = task_backend_can_run_later(None)
    assert error.id == "reminders.E001"
