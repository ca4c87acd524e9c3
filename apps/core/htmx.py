"""The response vocabulary of every view: one URL answers htmx with a fragment and a
plain browser with a page, and says so with `Vary: HX-Request`."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect, HttpResponseLocation


def render_vary_on_htmx(
    request: HttpRequest, template: str, context: dict | None = None, status: int = 200
) -> HttpResponse:
    """Render a page or one of its partials ("page.html#name"), marked as varying by
    HX-Request so no cache hands a fragment to a browser or a page to htmx."""
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def render_page_or_fragment(
    request: HttpRequest, template: str, fragment: str, context: dict, status: int = 200
) -> HttpResponse:
    """One URL, two renderings: the named partial for htmx, the whole page otherwise."""
    name = f"{template}#{fragment}" if request.htmx else template
    return render_vary_on_htmx(request, name, context, status)


def redirect_after_post(request: HttpRequest, to: str) -> HttpResponse:
    """After an htmx POST, let the browser navigate; a 302 would be swapped into a fragment."""
    response = HttpResponseClientRedirect(to) if request.htmx else redirect(to)
    patch_vary_headers(response, ["HX-Request"])
    return response


def done_in_place(
    request: HttpRequest,
    *,
    fragment: str,
    context: dict,
    then: str,
    message: str = "",
    status: int = 200,
) -> HttpResponse:
    """After a change: htmx swaps `fragment` in place; a plain form says `message` (when
    there is one) and goes to `then`."""
    if request.htmx:
        return render_vary_on_htmx(request, fragment, context, status)
    if message:
        messages.success(request, message)
    response = redirect(then)
    patch_vary_headers(response, ["HX-Request"])
    return response


def move_on_within(request: HttpRequest, to: str, part: str, *, message: str = "") -> HttpResponse:
    """After one screen of a big form (the journal writer, a walk-through step): htmx loads
    the next screen and swaps in only `part` of it ("#writer"); a plain browser is
    redirected there, told `message` when there is one."""
    if request.htmx:
        return HttpResponseLocation(to, target=part, select=part, swap="outerHTML")
    if message:
        messages.success(request, message)
    return redirect(to)
