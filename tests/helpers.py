"""Small things several test modules share."""

from contextlib import contextmanager

from django.test import override_settings


@contextmanager
def views_built():
    """Pages built by their views, not served from memory (apps/core/pagecache.py): what a
    page's own queries are, on a first visit or after a change."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        yield
