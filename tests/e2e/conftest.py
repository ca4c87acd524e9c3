"""Browser tests: Playwright drives the real app in Chromium.

Chromium is found at CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own
download. Without one, these tests are skipped with the reason printed, except under
CI, where a missing browser fails the run.
"""

import importlib.util
import os
from functools import cache
from pathlib import Path
from unittest import mock

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import override_settings
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to
# run beside one unless told it is safe, which it is here (one test at a time).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@cache
def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            bundled = playwright.chromium.executable_path
    except Exception:
        return None
    return bundled if Path(bundled).exists() else None


def pytest_collection_modifyitems(config, items):
    browser_tests = [item for item in items if "tests/e2e/" in str(item.path)]
    if not browser_tests or chromium_path():
        return
    reason = "no Chromium found (set CHROMIUM_PATH, or install Debian's chromium)"
    if os.environ.get("CI"):
        raise pytest.UsageError(f"Browser tests cannot run under CI: {reason}")
    print(f"\nSkipping {len(browser_tests)} browser tests: {reason}")
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path(),
        "args": CHROMIUM_FLAGS,
        "headless": True,
    }


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def viewport(request):
    return request.param


@pytest.fixture
def browser_context_args(browser_context_args, viewport):
    # Playwright's page.route never sees a request from a page a service worker looks
    # after, and many tests here route requests to fail them: the worker is left out,
    # except where a test asks for it (test_install.py, which also runs the offline
    # checks of test_nothing_lost.py with the worker in charge).
    return {**browser_context_args, "viewport": viewport, "service_workers": "block"}


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core on the page as it is now; any violation fails the test."""

    def check(page):
        results = axe.run(page)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


@pytest.fixture(autouse=True)
def _quick_failures(request):
    """Fail in seconds, not half a minute, when something the test waits for never shows."""
    if "page" in request.fixturenames:
        request.getfixturevalue("page").set_default_timeout(8_000)


# Assertions wait as long as actions do: on a busy two-core machine a swap can take longer
# than Playwright's five-second default without anything being wrong.
expect.set_options(timeout=8_000)


# ---- Served the way `make run` serves it ---------------------------------------------------

# What the test run keeps its own: its database, static files without collectstatic, a
# fast hasher, plain HTTP for the live server, and mail kept in memory to read.
KEPT_FOR_TESTS = {
    "DATABASES",
    "STORAGES",
    "PASSWORD_HASHERS",
    "SECURE_SSL_REDIRECT",
    "MAILERS",
    "EMAIL_BACKEND",
}


@cache
def make_run_settings() -> dict:
    """config/settings.py read again with the environment `make run` gives it (DEBUG=true)."""
    path = Path(settings.BASE_DIR) / "config" / "settings.py"
    spec = importlib.util.spec_from_file_location("settings_as_make_run_serves", path)
    module = importlib.util.module_from_spec(spec)
    with mock.patch.dict(os.environ, {"DEBUG": "true"}):
        spec.loader.exec_module(module)
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


@pytest.fixture(autouse=True, params=["make run"])
def served_as(request):
    """Every browser test runs against the settings `make run` serves with (DEBUG on, so
    django-htmx's debug script is on the page too). A test that must also hold in
    production parametrizes this with "production" (DEBUG off)."""
    if request.param == "production":
        overrides = {"DEBUG": False}
    else:
        overrides = {
            name: value
            for name, value in make_run_settings().items()
            if name not in KEPT_FOR_TESTS and getattr(settings, name, None) != value
        }
    with override_settings(**overrides):
        yield request.param
