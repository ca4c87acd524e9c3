from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers, patch_cache_control


def private_pages(get_response):
    """A signed-in person's pages hold private data: no browser or proxy may keep a copy."""

    def middleware(request):
        response = get_response(request)
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response

    return middleware


def htmx_messages(get_response):
    """Flash messages also reach htmx swaps, as an out-of-band update of the live region."""

    def middleware(request):
        response = get_response(request)
        if not _wants_messages_appended(request, response):
            return response
        storage = get_messages(request)
        if storage.used or not len(storage):
            return response  # a full page already showed them, or there are none
        response.write(
            render_to_string("base.html#messages-oob", {"messages": storage}, request=request)
        )
        return response

    return middleware


def _wants_messages_appended(request, response) -> bool:
    return (
        getattr(request, "htmx", False)
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not (300 <= response.status_code < 400)
        and not response.has_header("HX-Redirect")
        and not response.has_header("HX-Location")
    )
