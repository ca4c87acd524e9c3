"""Small helpers for views that answer htmx with a fragment and browsers with a page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect


def render_fragment(
    request: HttpRequest, template: str, context: dict | None = None, status: int = 200
) -> HttpResponse:
    """Render one partial ("page.html#name") for an htmx swap."""
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def render_page_or_fragment(
    request: HttpRequest, template: str, fragment: str, context: dict, status: int = 200
) -> HttpResponse:
    """One URL, two renderings: the named partial for htmx, the whole page otherwise."""
    name = f"{template}#{fragment}" if request.htmx else template
    return render_fragment(request, name, context, status)


def redirect_after_post(request: HttpRequest, to: str) -> HttpResponse:
    """After an htmx POST, let the browser navigate; a 302 would be swapped into a fragment."""
    response = HttpResponseClientRedirect(to) if request.htmx else redirect(to)
    patch_vary_headers(response, ["HX-Request"])
    return response
