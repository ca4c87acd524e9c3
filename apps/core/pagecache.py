"""Main pages remembered per person, until anything of theirs changes.

A signed-in page costs tens of milliseconds to build (queries, then templates), and people
go back and forth between the same few pages. `@remembered_per_person` keeps the page a
view built, in this process's memory, under a key made of everything the page depends on:

- who is asking and their change stamp (User.data_version, which moves with every write
  to their rows or settings: apps.core.models, mark_changed), so an edit anywhere, in any
  tab, on any server, is seen at once;
- their session (a page is never shared between two devices, or across a log-in);
- their date in their own time zone (pages say "today" and "3 days ago"), and the zone;
- the address with its query, and the htmx headers (a partial is not the full page).

A remembered page is at most PAGE_CACHE_SECONDS old, which bounds what moves with the
clock alone within one day (a round whose hour has passed leaves "Coming up"); the log
page's own script already moves its "When was it?" on for a page that old.

What must differ on every response is made anew each time it is served: the CSP nonce, the
CSRF token (masked afresh, as Django does), and any value a view registered with
`fresh_value` (the log page's one-time key). A page showing a flash message, setting a
cookie, or changing the session is not remembered. Nothing is shared between processes
(the stamp is read from the database on every request, so each process's copy is checked
the same way), and nothing is written to disk.
"""

import hashlib
import re
import zlib
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import _does_token_match, get_token
from django.utils import timezone
from django.utils.module_loading import import_string

CACHE = "pages"
_MASKED_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


def remembered_per_person(view):
    """Serve this view's GET pages from memory while the person's data is unchanged."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        remembered = caches[CACHE].get(key)
        if remembered is not None:
            return remembered.serve(request)
        response = view(request, *args, **kwargs)
        if (page := RememberedPage.of(request, response)) is not None:
            caches[CACHE].set(key, page)
        return response

    return wrapper


def fresh_value(request, value: str, renew: str) -> str:
    """A value that must differ on every response (a one-time key): when the page is
    served again from memory, it is replaced by a new one from `renew` (the dotted path of
    a function taking no arguments)."""
    request.__dict__.setdefault("_fresh_values", []).append((value, renew))
    return value


def _key(request) -> str | None:
    if request.method != "GET" or not settings.PAGE_CACHE_SECONDS:
        return None
    user = request.user
    session_key = getattr(request, "session", None) and request.session.session_key
    if not user.is_authenticated or not session_key or len(get_messages(request)):
        return None
    htmx = sorted(item for item in request.META.items() if item[0].startswith("HTTP_HX_"))
    parts = (
        user.pk,
        user.data_version,
        session_key,
        timezone.get_current_timezone_name(),
        timezone.localdate().isoformat(),
        request.get_full_path(),
        htmx,
    )
    return "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


@dataclass(frozen=True)
class RememberedPage:
    packed: bytes  # the page, zlib-compressed: a process keeps hundreds in a few MB
    headers: tuple[tuple[str, str], ...]
    nonce: str  # the CSP nonce the page was built with ("" if it has none)
    tokens: tuple[bytes, ...]  # the CSRF tokens in it
    fresh: tuple[tuple[str, str], ...]  # (value, dotted path of what makes a new one)

    @classmethod
    def of(cls, request, response) -> "RememberedPage | None":
        """What to keep of a response, or None when it must not be served again."""
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or not response.get("Content-Type", "").startswith("text/html")
            or request.session.modified
            or len(get_messages(request))
            or hasattr(response, "_csp_config")
        ):
            return None
        content = response.content
        nonce = str(request._csp_nonce) if getattr(request, "_csp_nonce", None) else ""
        secret = request.META.get("CSRF_COOKIE", "")
        tokens = {
            token
            for token in _MASKED_TOKEN.findall(content)
            if secret and _does_token_match(token.decode(), secret)
        }
        fresh = tuple(getattr(request, "_fresh_values", ()))
        if any(value.encode() not in content for value, _ in fresh):
            return None  # a value it cannot find again: build the page each time
        return cls(
            packed=zlib.compress(content, 1),
            headers=tuple(response.headers.items()),
            nonce=nonce,
            tokens=tuple(tokens),
            fresh=fresh,
        )

    def serve(self, request) -> HttpResponse:
        content = zlib.decompress(self.packed)
        if self.nonce:
            content = content.replace(self.nonce.encode(), str(request._csp_nonce).encode())
        for token in self.tokens:
            content = content.replace(token, get_token(request).encode())
        for value, renew in self.fresh:
            content = content.replace(value.encode(), str(import_string(renew)()).encode())
        response = HttpResponse(content)
        for name, value in self.headers:
            response.headers[name] = value
        return response
