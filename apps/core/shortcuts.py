from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .htmx import redirect_after_post
from .stale import invalid_status


def get_owned_or_404[M: Model](model: type[M] | QuerySet[M], user, **lookup) -> M:
    """Fetch one of this person's rows; anyone else's, or none, is a 404 (never a 403).

    Takes a model, or one of its querysets when the view wants related rows joined in.
    """
    queryset = model if isinstance(model, QuerySet) else model.objects
    return get_object_or_404(queryset.for_user(user), **lookup)


def edit_page(
    request: HttpRequest,
    form: forms.ModelForm,
    template: str,
    context: dict | None = None,
    *,
    saved: str,
    then: str | Callable[[Model], str],
) -> HttpResponse:
    """The shape of every add and edit page: GET shows the form; a valid POST saves (a new
    row becomes the person's own), says `saved` and goes on to `then`; an invalid one
    shows everything typed again, with 422 (or 409 when the page was an old copy)."""
    context = {"form": form, **(context or {})}
    if request.method != "POST":
        return render(request, template, context)
    if not form.is_valid():
        return render(request, template, context, status=invalid_status(form))
    if form.instance.pk is None:
        form.instance.owner = request.user
    row = form.save()
    messages.success(request, saved)
    return redirect_after_post(request, then(row) if callable(then) else then)


@dataclass(frozen=True)
class Deletion:
    """What the one confirmation page (templates/confirm_delete.html) says before a delete:
    exactly what goes with it, and what the person wrote that stays."""

    question: str  # "Delete this application?"
    name: str  # what it is, shown in bold
    keep_url: str  # "Keep it" goes back here
    detail: str = ""  # one more line about it: "Written on 3 March 2026."
    goes: Sequence[str] = ()
    stays: Sequence[str] = ()
    action: str = "Delete it"
    final: str = "This can't be undone."
    effect: str = ""  # "burn": the page lets it go with a short fade (static/js/rebound.js)


def confirm_then_delete(
    request: HttpRequest,
    obj: Model,
    deletion: Deletion | Callable[[], Deletion],
    *,
    success: str,
    then: str,
) -> HttpResponse:
    """Deleting asks first: GET shows the confirmation page, POST deletes and moves on.

    `deletion` may be a function, when saying what goes takes a query: only GET calls it.
    """
    if request.method == "POST":
        obj.delete()
        messages.success(request, success)
        return redirect_after_post(request, then)
    if callable(deletion):
        deletion = deletion()
    return render(request, "confirm_delete.html", {"deletion": deletion})
