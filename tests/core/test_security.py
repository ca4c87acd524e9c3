import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

ROOT = Path(django_settings.BASE_DIR)


def csp_directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize(
    "path_name", ["core:landing", "account_login", "account_signup", "core:support"]
)
@pytest.mark.django_db
def test_public_pages_send_the_strict_policy(client, path_name):
    response = client.get(reverse(path_name))
    assert_strict_policy(response)


def test_signed_in_pages_send_the_strict_policy(alice_client):
    for path in (reverse("home:index"), reverse("accounts:settings"), "/no-such-page/"):
        assert_strict_policy(alice_client.get(path))


def assert_strict_policy(response):
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["script-src"][0] == "'self'"
    assert re.fullmatch(r"'nonce-[\w+/=-]+'", directives["script-src"][1])
    assert directives["style-src"] == ["'self'"]
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_every_script_tag_loads_a_file_from_our_origin_with_the_nonce(alice_client):
    response = alice_client.get(reverse("home:index"))
    nonce = csp_directives(response)["script-src"][1].removeprefix("'nonce-").rstrip("'")
    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert scripts, "the page loads htmx and our script"
    for tag in scripts:
        assert 'src="/static/' in tag, tag
    assert any(f'nonce="{nonce}"' in tag for tag in scripts)
    assert "htmx-4" in response.text
    assert " style=" not in response.text


def test_private_pages_are_never_cached(alice_client):
    response = alice_client.get(reverse("home:index"))
    cache_control = response.headers["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control


@pytest.mark.django_db
def test_frames_and_referrers_are_locked_down(client):
    response = client.get(reverse("core:landing"))
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def run_deploy_check(**overrides: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        # The browser tests allow async-unsafe ORM calls; a deployment never does.
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="rebound.example",
        CSRF_TRUSTED_ORIGINS="https://rebound.example",
        SITE_URL="https://rebound.example",
        EMAIL_HOST="smtp.rebound.example",
        **overrides,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_under_production_settings():
    result = run_deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_catches_debug_left_on():
    result = run_deploy_check(DEBUG="true")
    assert result.returncode != 0
    assert "DEBUG" in result.stdout + result.stderr


def test_production_cookies_are_secure_and_http_only():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; "
            "from django.conf import settings as s; "
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
            "s.CSRF_COOKIE_HTTPONLY, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0)",
        ],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "DEBUG"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["True"] * 6
