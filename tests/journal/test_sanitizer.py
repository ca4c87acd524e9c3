"""Markdown is rendered through an allow-list: nothing a person types can run as code."""

import pytest

from apps.journal.templatetags.journal import render_markdown
from tests.journal.factories import make_entry

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    '<div hx-get="/accounts/logout/" hx-trigger="load">x</div>',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<a href="https://example.com" onclick="alert(1)">ok</a>',
    "<style>body{display:none}</style>",
    '<form action="https://evil.example"><button>Go</button></form>',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "onclick",
    "javascript:",
    "hx-",
    "<iframe",
    "<style",
    "<form",
    "<svg",
    "<img",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_payloads_do_not_survive(payload):
    html = render_markdown(payload).lower()
    for marker in FORBIDDEN:
        assert marker not in html, (payload, html)


def test_ordinary_markdown_still_renders():
    html = render_markdown("Some **bold**, a [link](https://example.com) and\n\n- a list")
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.com" rel="noopener noreferrer nofollow">link</a>' in html
    assert "<li>a list</li>" in html


def test_payloads_in_every_field_render_inert(alice_client, alice):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    entry = make_entry(alice, title=payload, answers=[payload], body=payload, tags=[payload])
    for url in (entry.get_absolute_url(), "/journal/", entry.get_write_url()):
        body = alice_client.get(url).text
        assert '<script>alert("x")' not in body
        assert "<img src=x" not in body
        assert "&lt;script&gt;" in body  # shown as text, escaped
