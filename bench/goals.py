"""What make bench measures, how, and against which goals (issue 13)."""

import os
import sys
from dataclasses import dataclass, field
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
    ("insights", "insights:index"),
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
    queries: int | None = None  # when the view builds the page
    remembered_queries: int | None = None  # when it is served from memory
    build_ms: float | None = None  # CPU time to build it once, in this process
    raw_bytes: int = 0
    gzip_bytes: int = 0
    first_load_bytes: int = 0
    runs: list[dict] = field(default_factory=list)
    static_rps: float = 0  # the static file's, measured just before and just after
