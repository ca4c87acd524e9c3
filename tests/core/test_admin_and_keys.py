"""Staff tools never weaken what protects people: the admin is off unless turned on, staff
log in through allauth, and no secret or account takeover is one click away."""

import os
import subprocess
import sys

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import admin
from django.urls import reverse

from tests.conftest import PASSWORD, make_person


@pytest.fixture
def staff(db):
    person = make_person("staff@example.com", "Sam")
    person.is_staff = person.is_superuser = True
    person.save()
    return person


def test_the_admin_is_off_by_default(client, staff):
    assert settings.ADMIN_ENABLED is False
    client.force_login(staff)
    assert client.get("/admin/").status_code == 404


@pytest.mark.urls("tests.core.urls_with_admin")
def test_staff_log_in_through_allauth_not_the_admin_form(client, staff):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    client.post("/admin/login/", {"username": staff.email, "password": PASSWORD})
    assert client.get("/admin/").status_code == 302  # still not signed in


@pytest.mark.urls("tests.core.urls_with_admin")
def test_the_admin_shows_no_secrets_and_cannot_take_over_an_account(client, staff, alice):
    client.force_login(staff)
    page = client.get(f"/admin/accounts/user/{alice.pk}/change/")
    assert page.status_code == 200
    assert not admin.site.is_registered(Authenticator)
    assert client.get("/admin/mfa/authenticator/").status_code == 404
    assert 'name="email"' not in page.text  # shown, not editable
    assert client.get(f"/admin/accounts/user/{alice.pk}/password/").status_code == 403
    registered = {model._meta.app_label for model in admin.site._registry}
    assert not registered & {"journal", "rejections", "feedback", "interviews", "strengths"}


def settings_import(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        env={**environment, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_production_without_a_secret_key_refuses_to_start():
    refused = settings_import(DEBUG="false")
    assert refused.returncode != 0
    assert "SECRET_KEY is not set" in refused.stderr
    assert settings_import(DEBUG="false", SECRET_KEY="a-long-random-value").returncode == 0
    assert settings_import(DEBUG="true").returncode == 0  # make run needs nothing set


def test_an_on_off_setting_with_a_typo_refuses_to_start():
    smtp = {"DEBUG": "true", "EMAIL_HOST": "smtp.example.com"}
    refused = settings_import(**smtp, EMAIL_USE_TLS="ture")
    assert refused.returncode != 0
    assert "EMAIL_USE_TLS='ture' is neither on nor off" in refused.stderr
    assert settings_import(**smtp, EMAIL_USE_TLS="OFF").returncode == 0
