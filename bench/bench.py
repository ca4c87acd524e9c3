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

import json
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

from goals import (
    CONNECTIONS,
    LOAD,
    PORT,
    RSS_AFTER,
    SECONDS,
    SOAK_SECONDS,
    STATIC_SECONDS,
    WORKERS,
    Target,
)
from prepare import (
    configure_environment,
    count_queries,
    ensure_database,
    forget_old_sessions,
    large_demo_user,
    manage,
    page_targets,
    safe_url,
)
from report import print_report
from serving import (
    cpu_seconds,
    database_pids,
    log_in,
    measure_sizes,
    print_context,
    request,
    start_gunicorn,
    wait_until_up,
    worker_pids,
    worker_rss,
)


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


if __name__ == "__main__":
    main()
