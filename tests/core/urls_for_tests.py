"""Extra views that exist only for tests: a crash, a flash message on an htmx swap, a
look at the time zone a request runs in, and a streamed answer."""

from django.contrib import messages
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import include, path
from django.utils import timezone


def crash(request):
    raise RuntimeError("boom")


def flash(request):
    messages.success(request, "Saved just now.")
    # As long as a real swap (a short answer is not worth compressing).
    return HttpResponse("<p>fragment</p>" + "<p>A line of the fragment.</p>" * 8)


def current_zone(request):
    return HttpResponse(timezone.get_current_timezone_name())


def stream(request):
    return StreamingHttpResponse((f"line {n}\n" for n in range(500)), content_type="text/plain")


urlpatterns = [
    path("", include("config.urls")),
    path("test/crash/", crash),
    path("test/flash/", flash),
    path("test/zone/", current_zone),
    path("test/stream/", stream),
]
