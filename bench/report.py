"""make bench: the table, against the goals."""

from goals import (
    GOAL_FIRST_LOAD_KB,
    GOAL_HTML_KB,
    GOAL_P95_MS,
    GOAL_QUERIES,
    GOAL_RSS_MB,
    GOAL_SHARE,
    RSS_AFTER,
)

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
        f"{'app ms':>6} {'db ms':>6} {'queries':>7} {'build ms':>8} {'KB raw':>6} {'KB gz':>5} "
        f"{'1st KB':>6} {'errors':>6}  goals"
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
        queries = "" if target.queries is None else f"{target.queries}/{target.remembered_queries}"
        build = "" if target.build_ms is None else f"{target.build_ms:.0f}"
        app_ms, db_ms = cpu_per_request(run, "app_cpu"), cpu_per_request(run, "db_cpu")
        print(
            f"{target.label:<18} {run['rps']:7.1f} {share:8.3f} {fmt(run['p50']):>6} "
            f"{fmt(run['p95']):>6} {app_ms:>6} {db_ms:>6} {queries:>7} {build:>8} "
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
    print(
        "The load asks each page again and again in one session, as a person going back and "
        "forth does: after the first request, a page comes from memory until something of "
        "theirs changes (apps/core/pagecache.py). 'queries' is built/from memory (the goal "
        "counts the first); 'build ms' is the CPU time one build takes, in one process."
    )


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
