from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .htmx import redirect_after_post


def get_owned_or_404[M: Model](model: type[M] | QuerySet[M], user, **lookup) -> M:
    """Fetch one of this person's rows; anyone else's, or none, is a 404 (never a 403).

    Takes a model, or one of its querysets when the view wants related rows joined in.
    """
    queryset = model if isinstance(model, QuerySet) else model.objects
    return get_object_or_404(queryset.for_user(user), **lookup)


def confirm_then_delete(
    request: HttpRequest, obj: Model, *, template: str, context: dict, success: str, then: str
) -> HttpResponse:
    """Deleting asks first: GET shows the confirmation page, POST deletes and moves on."""
    if request.method == "POST":
        obj.delete()
        messages.success(request, success)
        return redirect_after_post(request, then)
    return render(request, template, context)
