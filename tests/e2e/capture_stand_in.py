"""A stand-in for the paste screen (apps/capture, built beside this branch), so the share
target's browser test runs before the two are merged. Once the real `capture:paste` is in
config/urls.py this adds nothing, and the test runs against the real screen: the lead can
then delete this file and the `urls` mark in test_install.py."""

from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse
from django.utils.html import format_html

from config.urls import urlpatterns as real_urlpatterns


def paste(request):
    return HttpResponse(
        format_html(
            '<!doctype html><html lang="en"><title>Paste</title><main><label for="m">'
            'Paste the message</label><textarea id="m" name="text">{}</textarea></main>',
            "\n".join(filter(None, (request.GET.get(k, "") for k in ("title", "text", "url")))),
        )
    )


def _has_paste_screen() -> bool:
    try:
        reverse("capture:paste", urlconf="config.urls")
    except NoReverseMatch:
        return False
    return True


urlpatterns = list(real_urlpatterns)
if not _has_paste_screen():
    urlpatterns.append(path("capture/", include(([path("", paste, name="paste")], "capture"))))
