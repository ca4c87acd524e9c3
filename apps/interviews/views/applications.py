"""The applications list, one application, and changing or deleting it."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.core.htmx import render_vary_on_htmx
from apps.core.pagecache import remembered_per_person
from apps.core.params import plain_text, whole_number
from apps.core.shortcuts import confirm_then_delete, edit_page, get_owned_or_404

from ..deletions import application_deletion
from ..forms import ApplicationForm, StatusForm
from ..models import Application, Interview
from ..picker import choices_for

APPLICATIONS_PER_PAGE = 25


@login_required
@require_safe
@remembered_per_person
def applications(request):
    status = request.GET.get("status", "")
    query = plain_text(request.GET.get("q"))
    found = Application.objects.for_user(request.user).search(query)
    if status in Application.Status.values:
        found = found.filter(status=status)
    elif request.user.hide_rejected_applications:
        found = found.exclude(status=Application.Status.REJECTED)
    found = (
        found.with_latest_activity()
        .order_by("-latest_activity", "-pk")
        .prefetch_related(
            Prefetch(
                "interviews",
                queryset=Interview.objects.only(
                    "application_id", "stage", "occurred_at", "follow_up_on", "followed_up_on"
                ).order_by("occurred_at"),
            )
        )
    )
    page = Paginator(found, APPLICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "interviews/applications.html",
        {
            "page": page,
            "status": status,
            "query": query,
            "statuses": Application.Status.choices,
            "has_any": bool(page.object_list)
            or Application.objects.for_user(request.user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_new(request):
    return edit_page(
        request,
        ApplicationForm(request.POST or None),
        "interviews/application_form.html",
        saved="The application is saved.",
        then=Application.get_absolute_url,
    )


@login_required
@require_safe
@remembered_per_person
def application(request, pk: int):
    rounds = Interview.objects.order_by("-occurred_at").prefetch_related("questions")
    application = get_owned_or_404(
        Application.objects.prefetch_related(
            Prefetch("interviews", queryset=rounds), "feedback_requests", "rejections__recovery"
        ),
        request.user,
        pk=pk,
    )
    return render(
        request,
        "interviews/application.html",
        {"application": application, "status_form": StatusForm(instance=application)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request, pk: int):
    application = get_owned_or_404(Application, request.user, pk=pk)
    return edit_page(
        request,
        ApplicationForm(request.POST or None, instance=application),
        "interviews/application_form.html",
        {"application": application},
        saved="Your changes are saved.",
        then=application.get_absolute_url(),
    )


@login_required
@require_POST
def application_status(request, pk: int):
    """Change the status in place (htmx), or from a plain form without JavaScript."""
    application = get_owned_or_404(Application, request.user, pk=pk)
    form = StatusForm(request.POST, instance=application)
    saved = form.is_valid()
    if saved:
        form.save()
    else:
        application.refresh_from_db()
    if not request.htmx:
        if saved:
            messages.success(request, f"Status changed to “{application.get_status_display()}”.")
        else:
            messages.error(request, "Choose a status from the list.")
        return redirect(application)
    return render_vary_on_htmx(
        request,
        "interviews/application.html#status",
        {"application": application, "status_form": form, "status_saved": saved},
        status=200 if saved else 422,
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_delete(request, pk: int):
    application = get_owned_or_404(Application, request.user, pk=pk)
    return confirm_then_delete(
        request,
        application,
        lambda: application_deletion(application),
        success=f"{application} is deleted.",
        then=reverse("interviews:applications"),
    )


FIELD_NAME = re.compile(r"[a-z_]{1,40}")


@login_required
@require_safe
def pick_application(request):
    """The picker's choices as its search box is typed in (apps/interviews/picker.py)."""
    name = request.GET.get("name", "")
    name = name if FIELD_NAME.fullmatch(name) else "application"
    field_id = request.GET.get("id", "")
    field_id = field_id if FIELD_NAME.fullmatch(field_id.replace("-", "_")) else f"id_{name}"
    find = plain_text(request.GET.get(f"{name}_find"))
    chosen = whole_number(request.GET.get(name))
    widget = {
        "name": name,
        "attrs": {"id": field_id},
        "find": find,
        "chosen": chosen,
        "empty_label": plain_text(request.GET.get("empty_label", "None"), 60),
        "choices": choices_for(request.user, chosen=chosen, find=find),
    }
    return render_vary_on_htmx(
        request, "interviews/application_picker.html#choices", {"widget": widget}
    )
