"""A real worker process, started as `make run` starts it (`manage.py db_worker
--no-reload` with DEBUG on), takes the schedule from the test database and sends the email
to a local SMTP server. Then it stops cleanly when told to, finishing what it was doing."""

import email
import email.policy
import os
import signal
import socket
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from apps.reminders.models import Digest
from apps.reminders.tasks import keep_sweeping
from tests.reminders.helpers import due_now, something_coming_up

WAIT_SECONDS = 40
WORKER = ["manage.py", "db_worker", "--no-reload"]  # as the Makefile's `run` starts it


class Inbox:
    """An SMTP server's handler that keeps what it is sent."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.SMTP))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    login = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{login}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def smtp_inbox():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_email(alice, smtp_inbox):
    inbox, port = smtp_inbox
    alice.time_zone = "Europe/London"
    alice.save()
    something_coming_up(alice, company="Tidewater")
    due_now(alice)
    keep_sweeping()  # what saving the settings does: the first sweep is queued

    worker = subprocess.Popen(
        [sys.executable, *WORKER],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DEBUG": "true",
            "DATABASE_URL": worker_database_url(),
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
            "EMAIL_USE_TLS": "false",
            "SITE_URL": "https://rebound.test",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not inbox.messages and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.2)
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=15)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()

    assert len(inbox.messages) == 1, output
    message = inbox.messages[0]
    assert message["To"] == "alice@example.com"
    assert message["Subject"] == "Your day ahead, from Rebound"
    assert "Video round: Designer at Tidewater" in message.get_content()
    assert message["List-Unsubscribe"].startswith("<https://rebound.test/reminders/unsubscribe/")
    assert worker.returncode == 0, output  # stopped cleanly, not killed

    assert Digest.objects.get(owner=alice).sent_at is not None
    tasks = DBTaskResult.objects.exclude(status="READY")  # the next sweep waits its turn
    assert {(task.task_path.rsplit(".", 1)[1], task.status) for task in tasks} == {
        ("send_due_digests", "SUCCESSFUL"),
        ("send_digest", "SUCCESSFUL"),
    }


def test_make_run_starts_the_worker_as_these_tests_do():
    """With reloading (db_worker's default under DEBUG), stopping the worker killed the
    reloader's child outright, even mid-send: the email went, but was never marked sent."""
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    assert f"$(PY) {' '.join(WORKER)} &" in makefile
