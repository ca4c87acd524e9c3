from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from tests.helpers import views_built

PASSWORD = "a calm correct horse"


def overrides_for_tests() -> dict:
    """Test-only overrides, in one place: plain static storage (no collectstatic needed),
    a fast password hasher, and plain HTTP for the test client and the live server.
    Server processes that tests start apply them too (tests/served_wsgi.py)."""
    return {
        "STORAGES": {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "SECURE_SSL_REDIRECT": False,
    }


@pytest.fixture(scope="session", autouse=True)
def _test_settings():
    """Session-wide, so the live server's middleware starts with the overrides too."""
    with override_settings(**overrides_for_tests()):
        yield


@pytest.fixture(scope="session", autouse=True)
def _pools_closed_before_the_test_database_goes(django_db_setup, django_db_blocker):
    """PostgreSQL's connection pool (one per process, shared by the live server's threads)
    still holds connections when the run ends; close it first, so the test database can be
    dropped cleanly."""
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            connection.close()
            if hasattr(connection, "close_pool"):
                connection.close_pool()


@pytest.fixture(autouse=True)
def _caches_forgotten(request, django_db_blocker):
    """Each test starts with no page remembered (apps/core/pagecache.py), as a new
    process does; the cache stays on, as it is in `make run` and in production.

    The database cache (allauth's rate limits) is a table no model owns, so flushing the
    database between live-server tests leaves it: cleared too, or the suite's many log-ins
    from one address reach allauth's 30 a minute and a later log-in is refused (429).
    Other tests write it inside their rolled-back transaction."""
    caches["pages"].clear()
    marker = request.node.get_closest_marker("django_db")
    committed = marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,))
    if committed or {"live_server", "transactional_db"} & set(request.fixturenames):
        with django_db_blocker.unblock():
            caches["default"].clear()


def _counting_built_pages(assertion):
    """pytest-django's query-count assertion, counting a view's own queries however often
    the page was asked for before (pages are built, not served from memory)."""

    @contextmanager
    def counted(*args, **kwargs):
        with views_built(), assertion(*args, **kwargs) as captured:
            yield captured

    return counted


@pytest.fixture
def django_assert_num_queries(django_assert_num_queries):
    return _counting_built_pages(django_assert_num_queries)


@pytest.fixture
def django_assert_max_num_queries(django_assert_max_num_queries):
    return _counting_built_pages(django_assert_max_num_queries)


def make_person(email: str, name: str):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(email, PASSWORD, display_name=name)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


@pytest.fixture
def alice(db):
    """Alice owns the data in every test."""
    return make_person("alice@example.com", "Alice")


@pytest.fixture
def bob(db):
    """Bob is someone else, who must never see Alice's data."""
    return make_person("bob@example.com", "Bob")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client
