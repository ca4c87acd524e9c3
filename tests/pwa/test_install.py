"""Rebound on a phone's home screen: the manifest, the service worker and the offline page
it keeps, each served from a stable address within the strict policy."""

import json
import struct
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from tests.core.test_security import assert_strict_policy, csp_directives

pytestmark = pytest.mark.django_db


def manifest(client) -> dict:
    return json.loads(client.get("/manifest.webmanifest").content)


def png_size(path: str) -> tuple[int, int]:
    header = Path(path).read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_the_manifest_is_served_as_a_manifest_from_a_stable_address(client):
    response = client.get("/manifest.webmanifest")
    assert reverse("core:manifest") == "/manifest.webmanifest"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert response["Cache-Control"] == "no-cache"


def test_the_manifest_says_what_installing_needs(client):
    data = manifest(client)
    assert (data["name"], data["short_name"]) == ("Rebound", "Rebound")
    assert (data["start_url"], data["scope"], data["display"]) == ("/home/", "/", "standalone")
    css = (Path(settings.BASE_DIR) / "static/css/base.css").read_text()
    assert f"--accent: {data['theme_color']};" in css
    assert f"--bg: {data['background_color']};" in css
    assert {"name": "Log an interview", "url": reverse("interviews:log")} in data["shortcuts"]


def test_the_icons_are_ours_at_the_sizes_they_claim(client):
    icons = manifest(client)["icons"]
    purposes = {(icon["purpose"], icon["sizes"]) for icon in icons}
    assert purposes == {(p, s) for p in ("any", "maskable") for s in ("192x192", "512x512")}
    for icon in icons:
        assert icon["type"] == "image/png"
        found = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        width, height = png_size(found)
        assert f"{width}x{height}" == icon["sizes"]


def test_a_shared_message_opens_the_paste_screen_with_its_words(client):
    assert manifest(client)["share_target"] == {
        "action": "/capture/",
        "method": "GET",
        "enctype": "application/x-www-form-urlencoded",
        "params": {"title": "title", "text": "text", "url": "url"},
    }


def test_every_page_links_the_manifest_and_the_theme_colour(alice):
    visitor, signed_in = Client(), Client()
    signed_in.force_login(alice)
    for page in (visitor.get(reverse("core:landing")), signed_in.get(reverse("home:index"))):
        assert '<link rel="manifest" href="/manifest.webmanifest">' in page.text
        assert '<meta name="theme-color" content="#2b6762">' in page.text
        assert "js/install.js" in page.text


def test_the_service_worker_is_the_static_file_served_from_the_root(client):
    response = client.get("/service-worker.js")
    source = Path(finders.find("js/service-worker.js")).read_text()
    assert response.status_code == 200
    assert response.content.decode() == source
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"


def test_the_service_worker_keeps_no_page_with_personal_text():
    source = Path(finders.find("js/service-worker.js")).read_text()
    kept = source.split("var KEPT_PAGES = [", 1)[1].split("]", 1)[0]
    assert kept == '"/interviews/log/", "/support/"'
    assert 'request.method !== "GET"' in source


def test_the_policy_lets_our_own_worker_and_manifest_in_and_nothing_else(client):
    response = client.get(reverse("core:landing"))
    directives = csp_directives(response)
    assert directives["worker-src"] == ["'self'"]
    assert directives["manifest-src"] == ["'self'"]
    assert_strict_policy(response)


def test_the_offline_page_names_nobody_and_says_what_still_works(alice_client):
    response = alice_client.get("/offline/")
    assert response.status_code == 200
    assert "You're offline" in response.text
    assert f'href="{reverse("interviews:log")}"' in response.text
    assert "data-error-page" in response.text  # drafts.js: what was sent may not have arrived
    assert "Log out" not in response.text and "Settings" not in response.text
    assert_strict_policy(response)


@pytest.mark.parametrize("path", ["/manifest.webmanifest", "/service-worker.js", "/offline/"])
def test_they_answer_only_reading(client, path):
    assert client.post(path).status_code == 405
    assert client.head(path).status_code == 200
