"""Stateless: two app servers on one database serve one signed-in person in turn.

Nothing a person needs lives in one server process: sessions are in the database, flash
messages in a signed cookie, rate limits in the database cache, and the journal's version
check in the row itself. Two gunicorn processes (DEBUG off, as deployed) share the test
database, and every request goes to the other one from the last.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from apps.journal.models import Entry
from tests.conftest import PASSWORD
from tests.helpers import MAIN_PAGES
from tests.interviews.factories import make_application, make_interview

GUNICORN = Path(sys.executable).with_name("gunicorn")


def database_url() -> str:
    """The test database, as DATABASE_URL for the server processes."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"  # a file, in WAL mode: shared between processes
    credentials = urllib.parse.quote(db["USER"]) + (
        f":{urllib.parse.quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    )
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """One person's cookies, sent to whichever server is asked; each request goes to the
    next server in turn."""

    def __init__(self, ports: list[int]):
        self.ports = ports
        self.cookies: dict[str, str] = {}
        self.served_by: list[int] = []

    def request(self, method: str, path: str, form: dict | None = None, headers=None):
        port = self.ports[len(self.served_by) % len(self.ports)]
        self.served_by.append(port)
        headers = dict(headers or {})
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        server = HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            server.request(method, path, body=body, headers=headers)
            response = server.getresponse()
            content = response.read().decode()
        finally:
            server.close()
        jar = SimpleCookie()
        for value in response.headers.get_all("Set-Cookie") or []:
            jar.load(value)
        for name, morsel in jar.items():
            if morsel.value:
                self.cookies[name] = morsel.value
            else:
                self.cookies.pop(name, None)  # deleted, as a flash message once shown
        return response.status, response.headers, content

    def csrf_token(self, page: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.fixture
def two_servers(transactional_db):
    """Two gunicorn processes on the test database. Rows the test makes are committed
    (transactional_db), so both servers see them."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DEBUG": "false",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [
                GUNICORN,
                "tests.served_wsgi",
                "--workers=1",
                f"--bind=127.0.0.1:{port}",
                "--no-control-socket",
                "--log-level=warning",
            ],
            cwd=settings.BASE_DIR,
            env=env,
        )
        for port in ports
    ]
    try:
        for port, server in zip(ports, servers, strict=True):
            wait_for(port, server)
        yield ports
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def wait_for(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, "a server process ended before it answered"
        try:
            probe = HTTPConnection("127.0.0.1", port, timeout=2)
            probe.request("GET", reverse("core:healthz"))
            if probe.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"no server answered on port {port}")


def test_two_servers_serve_one_person_in_turn(two_servers, alice):
    application = make_application(alice, company="Northwind")
    make_interview(application)
    browser = Browser(two_servers)

    # Log in: the form comes from one server, the answer to it from the other.
    _, _, page = browser.request("GET", reverse("account_login"))
    status, headers, _ = browser.request(
        "POST",
        reverse("account_login"),
        {
            "login": alice.email,
            "password": PASSWORD,
            "csrfmiddlewaretoken": browser.csrf_token(page),
        },
    )
    assert status == 302, "the log-in was refused"
    assert headers["Location"] == reverse("home:index")

    for path in [reverse(name) for name in MAIN_PAGES] + [application.get_absolute_url()]:
        status, _, page = browser.request("GET", path)
        assert status == 200, f"{path} answered {status}: the session did not carry over"
        assert "Log out" in page

    # Journal: start an entry, autosave it twice, then go on to the next question.
    _, _, page = browser.request("GET", reverse("journal:write_new") + "?guide=process")
    token = {"X-CSRFToken": browser.csrf_token(page)}
    autosave = {**token, "X-Autosave": "1"}
    new = reverse("journal:write_new") + "?guide=process"

    status, _, body = browser.request(
        "POST", new, {"version": "0", "answer_0": "The email came."}, autosave
    )
    assert status == 200, body
    saved = json.loads(body)
    assert saved["version"] == 1
    status, _, body = browser.request(
        "POST",
        saved["url"],
        {"version": "1", "answer_0": "The email came. I read it twice."},
        autosave,
    )
    assert (status, json.loads(body)["version"]) == (200, 2)

    # An old copy is refused by whichever server gets it: the version lives in the row.
    status, _, body = browser.request(
        "POST", saved["url"], {"version": "1", "answer_0": "An old copy."}, autosave
    )
    assert status == 409, body

    status, headers, _ = browser.request(
        "POST",
        saved["url"],
        {"version": "2", "answer_0": "The email came. I read it twice.", "go": "2"},
        token,
    )
    assert (status, headers["Location"]) == (302, f"{saved['url']}?step=2")
    status, _, page = browser.request("GET", headers["Location"])
    assert status == 200
    assert "Saved." in page  # the flash message, set by the other server

    entry = Entry.objects.get(pk=saved["id"])
    assert (entry.answers[0], entry.version) == ("The email came. I read it twice.", 3)

    # Each server remembers the applications page (asked twice of each: built, then served
    # from its memory); a status changed through one server is on the page each serves next.
    applications = reverse("interviews:applications")
    withdrawn = '<span class="badge badge--withdrawn">'
    for _ in range(4):
        status, _, page = browser.request("GET", applications)
        assert status == 200 and withdrawn not in page
    change = reverse("interviews:application_status", args=[application.pk])
    form = {"status": "withdrawn", "csrfmiddlewaretoken": browser.csrf_token(page)}
    assert browser.request("POST", change, form)[0] == 302
    for _ in range(3):
        assert withdrawn in browser.request("GET", applications)[2]

    assert set(browser.served_by) == set(two_servers)
    assert len(browser.served_by) == len(MAIN_PAGES) + 17
