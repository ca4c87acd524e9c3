"""Pages travel gzipped to a browser that accepts it; static files stay WhiteNoise's own."""

import gzip
import os
import re
import shutil
import subprocess
from pathlib import Path

import brotli
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(alice_client):
    plain = alice_client.get(reverse("home:index"))
    packed = alice_client.get(reverse("home:index"), headers=GZIP)

    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 2
    assert "Hello, Alice" in gzip.decompress(packed.content).decode()


def test_both_answers_say_they_vary_by_accept_encoding(alice_client):
    for headers in ({}, GZIP):
        vary = alice_client.get(reverse("home:index"), headers=headers)["Vary"]
        assert "Accept-Encoding" in [part.strip() for part in vary.split(",")]


def test_compressed_sizes_vary_so_they_tell_nothing_about_secrets(alice_client):
    # Heal The Breach: random padding in each gzip header, so the same page compresses to
    # different sizes and a BREACH attacker can't read a secret from the size.
    sizes = {len(alice_client.get(reverse("home:index"), headers=GZIP).content) for _ in range(8)}
    assert len(sizes) > 1


def test_the_csrf_token_differs_on_every_page(alice_client):
    def token():
        page = alice_client.get(reverse("journal:write_new")).text
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    assert token() != token()


@pytest.mark.urls("tests.core.urls_for_tests")
def test_htmx_fragments_and_their_messages_arrive_whole_when_gzipped(alice_client):
    response = alice_client.get("/test/flash/", headers={"HX-Request": "true", **GZIP})
    # The out-of-band message is appended before compression: both arrive in one piece.
    assert response["Content-Encoding"] == "gzip"
    body = gzip.decompress(response.content).decode()
    assert body.startswith("<p>fragment</p>")
    assert "Saved just now." in body


def test_the_content_security_policy_survives_compression(alice_client):
    response = alice_client.get(reverse("home:index"), headers=GZIP)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in gzip.decompress(response.content).decode()


@pytest.mark.urls("tests.core.urls_for_tests")
def test_a_streamed_answer_is_compressed_as_it_streams(alice_client):
    response = alice_client.get("/test/stream/", headers=GZIP)
    assert response.streaming
    assert response["Content-Encoding"] == "gzip"
    assert "Content-Length" not in response
    body = gzip.decompress(b"".join(response.streaming_content)).decode()
    assert body == "".join(f"line {n}\n" for n in range(500))


@pytest.fixture
def collected_static(tmp_path):
    """collectstatic's real output (hashed, with .gz copies), served by WhiteNoise."""
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "apps.core.storage.MinifiedStaticFilesStorage"},
        },
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield


@pytest.mark.django_db
def test_static_files_still_come_compressed_from_whitenoise(collected_static):
    client = Client()  # a new client, so WhiteNoise starts with the collected files
    page = client.get(reverse("account_login")).text
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', page).group(1)
    assert re.fullmatch(r"/static/css/base\.[0-9a-f]{12}\.css", stylesheet)

    packed = client.get(stylesheet, headers=GZIP)
    plain = client.get(stylesheet)

    assert packed["Content-Encoding"] == "br"  # Brotli for a browser that takes it
    assert packed["Cache-Control"] == "max-age=315360000, public, immutable"
    packed_body = b"".join(packed.streaming_content)
    plain_body = b"".join(plain.streaming_content)
    assert "Content-Encoding" not in plain
    # Compressed once, by collectstatic: the body is the .br file, not compressed twice.
    assert brotli.decompress(packed_body) == plain_body
    assert len(packed_body) < len(plain_body) / 3
    gzipped = client.get(stylesheet, headers={"Accept-Encoding": "gzip"})
    assert gzipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(gzipped.streaming_content)) == plain_body


def test_our_css_and_javascript_are_published_minified_and_still_parse(collected_static):
    """First loads stay small: comments and spaces stay in the source. The JavaScript is
    checked by Node, as `make bench` needs it anyway (under CI it must be there)."""
    root = Path(settings.STATIC_ROOT)
    source_dir = Path(settings.BASE_DIR) / "static"
    published = [
        path
        for path in [*root.glob("css/*.css"), *root.glob("js/*.js")]
        if (source_dir / path.relative_to(root)).exists()  # not the hashed copies
    ]
    assert published
    node = shutil.which("node")
    if node is None and not os.environ.get("CI"):
        pytest.skip("Node is not installed, so the minified JavaScript can't be parsed here")
    for path in published:
        source = (source_dir / path.relative_to(root)).read_text()
        text = path.read_text()
        assert len(text) < len(source) and "/*" not in text and "\n\n" not in text, path.name
        if path.suffix == ".js":
            checked = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
            assert checked.returncode == 0, f"{path.name}: {checked.stderr}"
