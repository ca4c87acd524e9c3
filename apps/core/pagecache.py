"""Main pages remembered per person, until anything of theirs changes.

A signed-in page costs tens of milliseconds to build (queries, then templates), and people
go back and forth between the same few pages. `@remembered_per_person` keeps the page a
view built, in this process's memory, under a key made of everything the page depends on:

- who is asking and their change stamp (User.data_version, which moves with every write
  to their rows or settings: apps.core.models, mark_changed), so an edit anywhere, in any
  tab, on any server, is seen at once;
- their session and their browser's CSRF secret (a page is never shared between two
  devices, or across a log-in, and the CSRF token in it is always good for the browser
  it is sent to);
- their date in their own time zone (pages say "today" and "3 days ago"), and the zone;
- the address with its query, and the htmx headers (a partial is not the full page).

A remembered page is at most PAGE_CACHE_SECONDS old, which bounds what moves with the
clock alone within one day (a round whose hour has passed leaves "Coming up"); the log
page's own script already moves its "When was it?" on for a page that old.

What must differ on every response is made anew each time it is served: the CSP nonce and
any value a view registered with `fresh_value` (the log page's one-time key). The CSRF
token stays as the page was built, as with Django's own cache_page (which varies on the
cookie): BREACH needs one secret in responses whose text an attacker varies, and every
different text is a different page, built and masked afresh. A page showing a flash
message, setting a cookie, or changing the session is not remembered, nor one asked for
before the browser has a CSRF cookie. Nothing is shared between processes (the stamp is
read from the database on every request, so each process's copy is checked the same
way), and nothing is written to disk.
"""

import hashlib
import re
import struct
import zlib
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string

from apps.core.middleware import GZipPages, padded_gzip

CACHE = "pages"
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # deflate, no mtime, best level


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
    csrf_secret = request.META.get("CSRF_COOKIE")  # from the browser's cookie, if it sent one
    if (
        not user.is_authenticated
        or not session_key
        or not csrf_secret
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or len(get_messages(request))
    ):
        return None
    htmx = sorted(item for item in request.META.items() if item[0].startswith("HTTP_HX_"))
    parts = (
        user.pk,
        user.data_version,
        session_key,
        csrf_secret,
        timezone.get_current_timezone_name(),
        timezone.localdate().isoformat(),
        request.get_full_path(),
        htmx,
    )
    return "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


NONCE = "nonce"  # how a value is renewed, else the dotted path of the function that does


@dataclass(frozen=True)
class RememberedPage:
    packed: bytes  # the page, zlib-compressed: a process keeps hundreds in a few MB
    headers: tuple[tuple[str, str], ...]
    renewals: tuple[tuple[bytes, str], ...]  # (value as built, how to make a new one)
    pieces: tuple[bytes, ...]  # the page between those values, gzip-ready (see _gzipped)
    holes: tuple[int, ...]  # which renewal goes between each two pieces

    @classmethod
    def of(cls, request, response) -> "RememberedPage | None":
        """What to keep of a response, or None when it must not be served again."""
        if (
            response.status_code != 200
            or response.streaming
            or not getattr(response, "is_rendered", True)  # a TemplateResponse, drawn later
            or response.cookies
            or response.has_header("Content-Encoding")
            or not response.get("Content-Type", "").startswith("text/html")
            or request.session.modified
            or len(get_messages(request))
            or hasattr(response, "_csp_config")
        ):
            return None
        content = response.content
        if b"\0" in content:
            return None  # _deflated_pieces blanks the new values out with NUL bytes
        renewals = []
        if getattr(request, "_csp_nonce", None):  # made while the page was drawn
            renewals.append((str(request._csp_nonce).encode(), NONCE))
        renewals += [
            (value.encode(), renew) for value, renew in getattr(request, "_fresh_values", ())
        ]
        holes = sorted(
            (match.start(), match.end(), index)
            for index, (value, _) in enumerate(renewals)
            for match in re.finditer(re.escape(value), content)
        )
        ends = [0] + [end for _, end, _ in holes]
        starts = [start for start, _, _ in holes] + [len(content)]
        if any(start < end for start, end in zip(starts, ends, strict=True)) or not all(
            value in content for value, _ in renewals
        ):
            return None  # a value it cannot find again, or two that overlap: build each time
        return cls(
            packed=zlib.compress(content, 1),
            headers=tuple(response.headers.items()),
            renewals=tuple(renewals),
            pieces=_deflated_pieces(content, holes),
            holes=tuple(index for _, _, index in holes),
        )

    def serve(self, request) -> HttpResponse:
        renewed = [_renewed(how, request) for _, how in self.renewals]
        content = zlib.decompress(self.packed)
        for (value, _), new in zip(self.renewals, renewed, strict=True):
            content = content.replace(value, new)
        response = HttpResponse(content)
        for name, value in self.headers:
            response.headers[name] = value
        same_lengths = all(
            len(new) == len(value) for (value, _), new in zip(self.renewals, renewed, strict=True)
        )
        if same_lengths and re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            response.content = _gzipped(self.pieces, [renewed[i] for i in self.holes], content)
            response.headers["Content-Encoding"] = "gzip"
            response.headers["Content-Length"] = str(len(response.content))
            patch_vary_headers(response, ("Accept-Encoding",))
        return response


def _renewed(how: str, request) -> bytes:
    if how == NONCE:
        return str(request._csp_nonce).encode()  # the one this response's CSP header names
    return str(import_string(how)()).encode()


# ---- Compressed once --------------------------------------------------------------------
# Compressing a page is most of what serving it again would cost. So the parts between the
# values made anew are compressed once, at the best level, each ending byte-aligned, and
# sent as they are with the new values compressed on their own between them: one valid
# gzip stream, as pigz builds one in parallel. Each part may refer back to the text before
# it (a preset dictionary: the last 32 KB), except where a value made anew stood, which
# the dictionary blanks out: the new value is the same length but not the same bytes, so
# nothing may point into it.


def _deflate(data: bytes, level: int, last: bool, before: bytes = b"") -> bytes:
    compressor = zlib.compressobj(
        level, zlib.DEFLATED, -zlib.MAX_WBITS, **({"zdict": before} if before else {})
    )
    end = zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH
    return compressor.compress(data) + compressor.flush(end)


def _deflated_pieces(content: bytes, holes: list[tuple[int, int, int]]) -> tuple[bytes, ...]:
    """The text around each hole (start, end, renewal), compressed for _gzipped."""
    blanked = bytearray(content)
    for start, end, _ in holes:
        blanked[start:end] = bytes(end - start)  # NUL bytes: never in a page, never matched
    ends = [0] + [end for _, end, _ in holes]
    starts = [start for start, _, _ in holes] + [len(content)]
    return tuple(
        _deflate(
            content[end:start],
            9,
            last=start == len(content),
            before=bytes(blanked[max(0, end - 32768) : end]),
        )
        for end, start in zip(ends, starts, strict=True)
    )


def _gzipped(pieces: tuple[bytes, ...], values: list[bytes], content: bytes) -> bytes:
    """One gzip member for `content`, which is the pieces' text with `values` between."""
    body = [pieces[0]]
    for value, piece in zip(values, pieces[1:], strict=True):
        body += [_deflate(value, 1, last=False), piece]
    member = (
        GZIP_HEADER
        + b"".join(body)
        + struct.pack("<II", zlib.crc32(content), len(content) & 0xFFFFFFFF)
    )
    return padded_gzip(member, GZipPages.max_random_bytes)
