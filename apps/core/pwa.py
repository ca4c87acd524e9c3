"""Rebound on a phone's home screen: the web app manifest, the service worker (served from
the root so it may look after every page) and the page it shows when offline."""

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

THEME_COLOUR = "#2b6762"  # --accent in static/css/base.css
BACKGROUND_COLOUR = "#f7f4ee"  # --bg
ICON_SIZES = (192, 512)
# The "paste the message" screen (apps/capture): a message shared to Rebound from the
# phone's share sheet opens there with its words in the box.
SHARE_ACTION = "/capture/"


def _icons() -> list[dict]:
    return [
        {
            "src": static(f"img/icons/icon-{purpose}-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": purpose,
        }
        for purpose in ("any", "maskable")
        for size in ICON_SIZES
    ]


@require_safe
def manifest(request):
    response = JsonResponse(
        {
            "id": "/",
            "name": "Rebound",
            "short_name": "Rebound",
            "description": "Keep the record of your job search, and look after yourself in it.",
            "lang": "en-GB",
            "start_url": reverse("home:index"),
            "scope": "/",
            "display": "standalone",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": _icons(),
            "shortcuts": [{"name": "Log an interview", "url": reverse("interviews:log")}],
            "share_target": {
                "action": SHARE_ACTION,
                "method": "GET",
                "enctype": "application/x-www-form-urlencoded",  # said, as Chromium asks
                "params": {"title": "title", "text": "text", "url": "url"},
            },
        },
        content_type="application/manifest+json",
    )
    response["Cache-Control"] = "no-cache"  # icon addresses change with each release
    return response


@require_safe
def service_worker(request):
    """static/js/service-worker.js, from the root: a worker looks after only the pages
    under the address it is served from."""
    with open(finders.find("js/service-worker.js"), encoding="utf-8") as source:
        response = HttpResponse(source.read(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"  # a new version is picked up at the next visit
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def offline(request):
    """Shown by the service worker for a page not kept on the device. It names nobody:
    the worker fetches it signed out."""
    return render(request, "core/offline.html")
