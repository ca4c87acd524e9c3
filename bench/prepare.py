"""make bench, before the load: the database, the large demo account, the pages and their
queries."""

import os
import secrets
import subprocess
import sys
import time
import urllib.parse

from goals import BASE_DIR, DEFAULT_DATABASE_URL, PAGES, PYTHON, Target

# ---- Setting up ---------------------------------------------------------------------------


def configure_environment() -> None:
    """The production settings, with a throwaway key, for this process and its children.

    gunicorn is reached over plain HTTP on the loopback, standing in for a TLS proxy:
    every request says X-Forwarded-Proto: https, so the HTTPS redirect, secure cookies
    and HSTS stay on exactly as deployed.
    """
    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"make bench measures PostgreSQL; DATABASE_URL is {safe_url(database_url)}.")
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "TRUST_X_FORWARDED_PROTO": "true",
            "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }
    )
    sys.path.insert(0, str(BASE_DIR))


def safe_url(url: str) -> str:
    """The database URL without its password, for printing."""
    parts = urllib.parse.urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        parts = parts._replace(netloc=netloc)
    return urllib.parse.urlunsplit(parts)


def ensure_database(url: str) -> None:
    """Create the bench's database on first use (the server's `postgres` database is
    asked, with the same credentials)."""
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            print(f"Creating the database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(*args: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args, "--verbosity", "0"], cwd=BASE_DIR, check=True, env=os.environ
    )


def large_demo_user():
    """The large demo account, seeded only when it is missing (it takes a while)."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from apps.core.demo import DEMO_ACCOUNTS, ensure_demo_user
    from apps.interviews.models import Application

    email = DEMO_ACCOUNTS["large"][0]
    user = get_user_model().objects.filter(email=email).first()
    if user is None or not Application.objects.for_user(user).exists():
        print("Seeding the large demo account (first run only) ...", flush=True)
        started = time.monotonic()
        manage("seed_demo", "--size", "large", "--allow-without-debug")
        # Statistics for the planner now, as autovacuum would soon give a database in use:
        # without them the first run measures plans made for empty tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"  seeded in {time.monotonic() - started:.0f} s")
    # The account itself (password, settings) as the current seed makes it, even when its
    # data was seeded by an earlier version.
    return ensure_demo_user("large")


def forget_old_sessions() -> None:
    """Sessions of earlier runs were signed with their own throwaway keys: unreadable now."""
    from allauth.usersessions.models import UserSession
    from django.contrib.sessions.models import Session

    UserSession.objects.all().delete()
    Session.objects.all().delete()


def page_targets(user) -> list[Target]:
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db.models import Count
    from django.urls import reverse

    from apps.interviews.models import Application

    # The application with the most rounds: the fullest page of its kind.
    application = (
        Application.objects.for_user(user)
        .annotate(rounds=Count("interviews"))
        .order_by("-rounds", "pk")
        .first()
    )
    args = {"interviews:application": [application.pk]}
    stylesheet = staticfiles_storage.url("css/base.css")
    assert settings.STATIC_URL in stylesheet and stylesheet != "/static/css/base.css"
    return [
        Target("static stylesheet", stylesheet, goals=False),
        Target("/healthz", reverse("core:healthz"), goals=False),
        *(Target(label, reverse(name, args=args.get(name))) for label, name in PAGES),
    ]


def count_queries(user, targets: list[Target]) -> None:
    """SQL queries per page, with the test client on the same database: each page built by
    its view (as on a first visit, or after any change; the goal counts these), and served
    again from memory (apps/core/pagecache.py), with the CPU time a build takes here."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    for target in targets[1:]:
        with override_settings(PAGE_CACHE_SECONDS=0):
            client.get(target.path, secure=True)  # warms this process up
            started = time.process_time()
            with CaptureQueriesContext(connection) as built:
                response = client.get(target.path, secure=True)
            target.build_ms = (time.process_time() - started) * 1000
        # Counted at once: each request starts by clearing the connection's query log.
        target.queries = len(built)
        if response.status_code != 200:
            sys.exit(f"{target.label} ({target.path}) answered {response.status_code}.")
        client.get(target.path, secure=True)  # built and remembered
        with CaptureQueriesContext(connection) as remembered:
            client.get(target.path, secure=True)
        target.remembered_queries = len(remembered)
