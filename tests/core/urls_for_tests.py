"""Extra views that exist only for tests: a crash, a flash message on an htmx swap, and
a look at the time zone a request runs in."""

from django.contrib import messages
from django.http import HttpResponse
from django.urls import include, path
from django.utils import timezone


def crash(request):
    raise RuntimeError("boom")


def flash(request):
    messages.success(request, "Saved just now.")
    return HttpResponse("<p>fragment</p>")


def current_zone(request):
    return HttpResponse(timezone.get_current_timezone_name())


urlpatterns = [
    path("", include("config.urls")),
    path("test/crash/", crash),
    path("test/flash/", flash),
    path("test/zone/", current_zone),
]
