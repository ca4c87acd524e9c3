"""make bench: the app served as in production, and asked as a browser asks."""

import gzip
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

from goals import BASE_DIR, GUNICORN, PORT, WORKERS, Target

# ---- Serving ------------------------------------------------------------------------------


def start_gunicorn() -> subprocess.Popen:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            sys.exit(f"Something already answers on port {PORT}: set BENCH_PORT to a free one.")
    return subprocess.Popen(
        [
            GUNICORN,
            "config.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{PORT}",
            "--no-control-socket",  # one per server, at a fixed path: not needed here
        ],
        cwd=BASE_DIR,
        # As the README's deployment runs it: fewer malloc arenas keep each worker smaller
        # (psycopg's pool runs threads, and each thread would get arenas of its own).
        env={**os.environ, "MALLOC_ARENA_MAX": os.environ.get("MALLOC_ARENA_MAX", "2")},
    )


def request(method: str, path: str, headers: dict, body: str | None = None):
    connection = HTTPConnection("127.0.0.1", PORT, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def wait_until_up(server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if request("GET", "/healthz", {})[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"gunicorn did not start on port {PORT} (see its messages above).")


def cookies_from(headers) -> dict[str, str]:
    jar = SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        jar.load(value)
    return {name: morsel.value for name, morsel in jar.items()}


def log_in() -> str:
    """Log in once through the real log-in form; its cookies are sent from then on."""
    from django.urls import reverse

    from apps.core.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    login = reverse("account_login")
    proxy = {"X-Forwarded-Proto": "https"}
    status, headers, body = request("GET", login, proxy)
    cookies = cookies_from(headers)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode(
        {
            "login": DEMO_ACCOUNTS["large"][0],
            "password": DEMO_PASSWORD,
            "csrfmiddlewaretoken": token,
        }
    )
    origin = f"https://127.0.0.1:{PORT}"
    status, headers, _ = request(
        "POST",
        login,
        {
            **proxy,
            "Cookie": f"csrftoken={cookies['csrftoken']}",
            "Origin": origin,
            "Referer": origin + login,
            "Content-Type": "application/x-www-form-urlencoded",
        },
        form,
    )
    # What a browser holds from then on: the session, and the CSRF cookie (renewed at
    # log-in) that its pages' tokens are made from.
    cookies.update(cookies_from(headers))
    if status != 302 or "sessionid" not in cookies:
        sys.exit(f"Logging in as the large demo account failed ({status}).")
    return f"sessionid={cookies['sessionid']}; csrftoken={cookies['csrftoken']}"


BROWSER = {"Accept-Encoding": "gzip, deflate, br"}  # what Chromium and Firefox send


def measure_sizes(targets: list[Target], headers: dict) -> dict[str, int]:
    """Bytes of each page as sent plain and gzipped, and the first load: the page plus
    its stylesheets and scripts, compressed as a browser gets them (WhiteNoise sends its
    Brotli copies of static files; pages come gzipped)."""
    plain = {name: value for name, value in headers.items() if name != "Accept-Encoding"}
    asset_sizes: dict[str, int] = {}
    for target in targets:
        status, _, raw = request("GET", target.path, plain)
        status_gz, sent_headers, packed = request("GET", target.path, headers)
        if status != 200 or status_gz != 200:
            sys.exit(f"{target.label} ({target.path}) answered {status} / {status_gz}.")
        target.raw_bytes, target.gzip_bytes = len(raw), len(packed)
        if sent_headers.get("Content-Encoding") == "gzip":
            raw = gzip.decompress(packed)
        assets = re.findall(
            rb'<link rel="stylesheet" href="([^"]+)"|<script[^>]* src="([^"]+)"', raw
        )
        target.first_load_bytes = target.gzip_bytes
        for href in {(a or b).decode() for a, b in assets}:
            if href not in asset_sizes:  # asked for as a browser does: Brotli, else gzip
                asset_sizes[href] = len(request("GET", href, {**headers, **BROWSER})[2])
            target.first_load_bytes += asset_sizes[href]
    return asset_sizes


def print_context(user, assets: dict[str, int]) -> None:
    from django.db import connection

    from apps.interviews.models import Application, Interview, Question
    from apps.journal.models import Entry

    counts = ", ".join(
        f"{model.objects.for_user(user).count():,} {name}"
        for model, name in [
            (Application, "applications"),
            (Interview, "rounds"),
            (Question, "questions"),
            (Entry, "journal entries"),
        ]
    )
    version = connection.pg_version
    print(f"{user.email}: {counts}; PostgreSQL {version // 10000}.{version % 100}.")
    print(
        f"Stylesheet and scripts, gzipped: {sum(assets.values()) / 1024:.1f} KB in "
        f"{len(assets)} files; each page's first load counts the ones it loads."
    )
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=BASE_DIR, capture_output=True, text=True
    ).stdout.strip()
    print(f"Code: {commit or 'not a git checkout'}.")
    load_average = os.getloadavg()[0]
    print(f"Machine: {os.cpu_count()} cores, load average {load_average:.1f} before the runs.")


def worker_pids(master: int) -> list[int]:
    """gunicorn's workers: the children of its master process."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                pids.append(int(stat.parent.name))
        except (OSError, IndexError):
            continue  # the process ended while we looked
    return pids


def database_pids() -> list[int]:
    """The PostgreSQL backends serving the workers (on this machine, or none are found)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [pid for (pid,) in cursor.fetchall()]


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of these processes (those that still exist), in seconds."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def worker_rss(master: int) -> list[tuple[float, float]]:
    """Each gunicorn worker's resident memory and the private part of it (not shared
    with the master process or the other worker), in MB."""
    sizes = []
    for pid in worker_pids(master):
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        kilobytes = {
            name: int(value) for name, value in re.findall(r"^(\w+):\s+(\d+) kB", rollup, re.M)
        }
        private = kilobytes["Private_Clean"] + kilobytes["Private_Dirty"]
        sizes.append((kilobytes["Rss"] / 1024, private / 1024))
    return sorted(sizes)
