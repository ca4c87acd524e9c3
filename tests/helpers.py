"""Small things several test modules share."""

from contextlib import contextmanager

from django.test import override_settings

# The main signed-in pages that need no id in their address (as in make bench).
MAIN_PAGES = [
    "home:index",
    "interviews:applications",
    "interviews:log",
    "journal:index",
    "insights:index",
    "journal:write_new",
    "strengths:index",
    "strengths:bad_day",
    "rejections:plan",
    "feedback:index",
    "feedback:new",
    "rejections:new",
]


@contextmanager
def views_built():
    """Pages built by their views, not served from memory (apps/core/pagecache.py): what a
    page's own queries are, on a first visit or after a change."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        yield
