"""make bench: how fast each main signed-in page is on the large demo account.

The app is served as in production (gunicorn, two workers, DEBUG off, PostgreSQL,
collectstatic's files through WhiteNoise). autocannon (bench/load.js) drives each page
over a fixed number of connections with one signed-in session, and the hashed
stylesheet is driven the same way, before and after, as the yardstick: a page's speed is
given as a share of the static file's, measured just before and after it on the same
machine, so numbers from different machines (or a busy one) compare. Queries are counted
once per page with Django's test client on the same database. README.md ("make bench")
says how to read the table.

Pages are named by their URL names, so the bench follows the URLconf when addresses move.
"""

import gzip
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
LOAD = [os.environ.get("NODE", "node"), str(BASE_DIR / "bench" / "load.js")]

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/rebound_bench"
PORT = int(os.environ.get("BENCH_PORT", "8003"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
STATIC_SECONDS = 3  # the yardstick runs between the pages
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = 2
RSS_AFTER = 10_000  # requests: each worker's memory is read once this many have answered
SOAK_SECONDS = 45  # at most this long spent reaching RSS_AFTER, if the runs fell short

# The goals of issue 13.
GOAL_SHARE = 0.25  # of the static file's requests per second
GOAL_P95_MS = 50
GOAL_QUERIES = 10
GOAL_HTML_KB = 30  # compressed
GOAL_FIRST_LOAD_KB = 30  # HTML, CSS and JavaScript, compressed
GOAL_RSS_MB = 80

# (label, URL name): the main signed-in pages. "an application" gets its id at run time.
PAGES = [
    ("home", "home:index"),
    ("applications", "interviews:applications"),
    ("an application", "interviews:application"),
    ("log an interview", "interviews:log"),
    ("journal", "journal:index"),
    ("write", "journal:write_new"),
    ("strengths", "strengths:index"),
    ("bad day", "strengths:bad_day"),
    ("plan", "rejections:plan"),
    ("feedback", "feedback:index"),
    ("new feedback", "feedback:new"),
    ("I got rejected", "rejections:new"),
]


@dataclass
class Target:
    label: str
    path: str
    goals: bool = True  # the static file and /healthz are yardsticks, not pages
    queries: int | None = None
    raw_bytes: int = 0
    gzip_bytes: int = 0
    first_load_bytes: int = 0
    runs: list[dict] = field(default_factory=list)
    static_rps: float = 0  # the static file's, measured just before and just after


def main() -> None:
    started = time.monotonic()
    configure_environment()
    print(f"Preparing {safe_url(os.environ['DATABASE_URL'])} ...", flush=True)
    ensure_database(os.environ["DATABASE_URL"])
    manage("migrate", "--no-input")
    manage("collectstatic", "--no-input")

    import django

    django.setup()
    user = large_demo_user()
    forget_old_sessions()
    targets = page_targets(user)
    count_queries(user, targets)

    server = start_gunicorn()
    try:
        wait_until_up(server)
        cookie = log_in()
        headers = {
            "Cookie": cookie,
            "X-Forwarded-Proto": "https",
            "Accept-Encoding": "gzip",
        }
        assets = measure_sizes(targets, headers)
        print_context(user, assets)
        run_all(targets, headers, server)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"The bench took {time.monotonic() - started:.0f} s.")


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

    from apps.core.demo import DEMO_ACCOUNTS
    from apps.interviews.models import Application

    email = DEMO_ACCOUNTS["large"][0]
    user = get_user_model().objects.filter(email=email).first()
    if user is None or not Application.objects.for_user(user).exists():
        print("Seeding the large demo account (first run only) ...", flush=True)
        started = time.monotonic()
        manage("seed_demo", "--size", "large", "--allow-without-debug")
        print(f"  seeded in {time.monotonic() - started:.0f} s")
        user = get_user_model().objects.get(email=email)
    return user


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
    """SQL queries per page, with the test client on the same database: each page is
    asked once to warm up, then once more with the queries captured."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    for target in targets[1:]:
        client.get(target.path, secure=True)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(target.path, secure=True)
        if response.status_code != 200:
            sys.exit(f"{target.label} ({target.path}) answered {response.status_code}.")
        target.queries = len(captured)


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
    """Log in once through the real log-in form; the session cookie is used from then on."""
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
    session = cookies_from(headers).get("sessionid")
    if status != 302 or not session:
        sys.exit(f"Logging in as the large demo account failed ({status}).")
    return f"sessionid={session}"


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


# ---- Load ---------------------------------------------------------------------------------


def load(master: int, paths: list[str], headers: dict, seconds: float, amount: int = 0) -> dict:
    """One autocannon run. The CPU time the workers and their database connections spent
    meanwhile is added: per request, it hardly moves when other programs load the
    machine, unlike requests per second. (It is read as the run stops, when up to one
    request per worker is half done: a slight overcount for the slowest pages.)"""
    app_before, db_before = cpu_seconds(worker_pids(master)), cpu_seconds(database_pids())
    options = {
        "url": f"http://127.0.0.1:{PORT}",
        "paths": paths,
        "connections": CONNECTIONS,
        "seconds": seconds,
        "amount": amount,
        "headers": headers,
    }
    output = subprocess.run(
        [*LOAD, json.dumps(options)], capture_output=True, text=True, check=True
    ).stdout
    run = json.loads(output)
    run["app_cpu"] = cpu_seconds(worker_pids(master)) - app_before
    run["db_cpu"] = cpu_seconds(database_pids()) - db_before
    settle()
    return run


def settle() -> None:
    """Wait for the requests still queued when a run stopped (a slow page leaves up to one
    per connection), so they don't count against the next run: one request answered
    after them, then one on each worker at once."""
    request("GET", "/healthz", {})
    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(lambda _: request("GET", "/healthz", {}), range(WORKERS)))


def run_all(targets: list[Target], headers: dict, server: subprocess.Popen) -> None:
    static, healthz, pages = targets[0], targets[1], targets[2:]
    print(
        f"Warming up, then each page for {SECONDS:g} s, between runs of the static file "
        f"({STATIC_SECONDS:g} s), at {CONNECTIONS} connections ({WORKERS} gunicorn workers) ...",
        flush=True,
    )
    served = 0
    for target in targets:
        served += load(server.pid, [target.path], headers, seconds=5, amount=4 * WORKERS)[
            "requests"
        ]
    rss_warm = worker_rss(server.pid)

    # The machine may be shared and its load may drift: each page is compared with the
    # static file measured right before and right after it.
    static.runs.append(load(server.pid, [static.path], headers, STATIC_SECONDS))
    served += static.runs[0]["requests"]
    for target in [healthz, *pages]:
        run = load(server.pid, [target.path], headers, SECONDS)
        target.runs.append(run)
        static.runs.append(load(server.pid, [static.path], headers, STATIC_SECONDS))
        target.static_rps = (static.runs[-2]["rps"] + static.runs[-1]["rps"]) / 2
        served += run["requests"] + static.runs[-1]["requests"]
        share = run["rps"] / target.static_rps
        print(f"  {target.label:<18} {run['rps']:8.1f} req/s, {share:.3f} x static", flush=True)
    static.static_rps = sum(run["rps"] for run in static.runs) / len(static.runs)

    page_requests = sum(run["requests"] for target in pages for run in target.runs)
    if served < RSS_AFTER:
        soak = load(
            server.pid, [target.path for target in pages], headers, SOAK_SECONDS, RSS_AFTER - served
        )
        served += soak["requests"]
        page_requests += soak["requests"]
    rss = worker_rss(server.pid)

    print_report(targets, rss_warm, rss, served, page_requests)


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


# ---- Report -------------------------------------------------------------------------------


def mark(ok: bool) -> str:
    return "ok" if ok else "MISS"


def print_report(targets, rss_warm, rss, served, page_requests) -> None:
    static = targets[0]
    rates = [run["rps"] for run in static.runs]
    generator = max(run["generatorCpuShare"] for run in static.runs)
    print()
    print(
        f"Static file: {static.static_rps:.0f} req/s on average over {len(rates)} runs "
        f"({min(rates):.0f} to {max(rates):.0f}: the wider, the noisier the machine); "
        f"autocannon used at most {generator:.0%} of one core for it."
    )
    header = (
        f"{'page':<18} {'req/s':>7} {'x static':>8} {'p50 ms':>6} {'p95 ms':>6} "
        f"{'app ms':>6} {'db ms':>6} {'queries':>7} {'KB raw':>6} {'KB gz':>5} {'1st KB':>6} "
        f"{'errors':>6}  goals"
    )
    print(header)
    print("-" * len(header))
    misses = 0
    for target in targets:
        run = merged(target.runs)
        share = run["rps"] / target.static_rps
        errors = run["non2xx"] + run["errors"] + run["timeouts"]
        verdict = ""
        if target.goals:
            checks = {
                f"≥{GOAL_SHARE}x": share >= GOAL_SHARE,
                f"p95≤{GOAL_P95_MS}": run["p95"] is not None and run["p95"] <= GOAL_P95_MS,
                f"q≤{GOAL_QUERIES}": target.queries <= GOAL_QUERIES,
                f"html≤{GOAL_HTML_KB}KB": target.gzip_bytes <= GOAL_HTML_KB * 1024,
                f"1st≤{GOAL_FIRST_LOAD_KB}KB": target.first_load_bytes <= GOAL_FIRST_LOAD_KB * 1024,
                "no errors": errors == 0,
            }
            missed = [name for name, ok in checks.items() if not ok]
            misses += bool(missed)
            verdict = "ok" if not missed else "MISS " + ", ".join(missed)
        queries = "" if target.queries is None else target.queries
        app_ms, db_ms = cpu_per_request(run, "app_cpu"), cpu_per_request(run, "db_cpu")
        print(
            f"{target.label:<18} {run['rps']:7.1f} {share:8.3f} {fmt(run['p50']):>6} "
            f"{fmt(run['p95']):>6} {app_ms:>6} {db_ms:>6} {queries:>7} "
            f"{target.raw_bytes / 1024:6.1f} {target.gzip_bytes / 1024:5.1f} "
            f"{target.first_load_bytes / 1024:6.1f} {errors:>6}  {verdict}"
        )
    print()
    ok_rss = all(size <= GOAL_RSS_MB for size, _ in rss)
    print(
        f"Worker memory, resident (private): {memory(rss_warm)} warm; {memory(rss)} after "
        f"{served:,} requests ({page_requests:,} of them pages): {mark(ok_rss)} "
        f"(goal ≤ {GOAL_RSS_MB} MB resident each)"
        + ("" if served >= RSS_AFTER else f"; fewer than {RSS_AFTER:,} in the time allowed")
    )
    pages = sum(target.goals for target in targets)
    print(f"Pages meeting every goal: {pages - misses} of {pages}.")


def merged(runs: list[dict]) -> dict:
    """The static file's yardstick runs as one line: mean rate, worst latencies."""
    if len(runs) == 1:
        return runs[0]
    added = ("requests", "non2xx", "errors", "timeouts", "app_cpu", "db_cpu")
    total = {name: sum(run[name] for run in runs) for name in added}
    return {
        **total,
        "rps": sum(run["rps"] for run in runs) / len(runs),
        "p50": max(run["p50"] or 0 for run in runs),
        "p95": max(run["p95"] or 0 for run in runs),
    }


def cpu_per_request(run: dict, name: str) -> str:
    if not run["requests"]:
        return "-"
    return f"{run[name] * 1000 / run['requests']:.1f}"


def memory(sizes: list[tuple[float, float]]) -> str:
    return ", ".join(f"{rss:.0f} MB ({private:.0f})" for rss, private in sizes)


def fmt(milliseconds) -> str:
    return "-" if milliseconds is None else f"{milliseconds:.0f}"


if __name__ == "__main__":
    main()
