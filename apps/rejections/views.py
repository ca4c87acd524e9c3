from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.core.htmx import done_in_place, move_on_within, redirect_after_post
from apps.core.pagecache import remembered_per_person
from apps.core.params import whole_number
from apps.core.shortcuts import Deletion, confirm_then_delete, get_owned_or_404
from apps.feedback.models import FeedbackRequest
from apps.interviews.models import Application
from apps.journal import services as journal
from apps.journal.services import StaleVersion, join_texts

from . import services
from .forms import PlanItemForm, RejectionForm
from .models import PlanItem, Recovery
from .steps import STEP_COUNT, TOTAL_MINUTES, screen_after, seen_stamp, step_at

# ---- Logging the rejection ----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@remembered_per_person
def new(request):
    """ "I got rejected": record how the news came, then start the walk-through."""
    if request.method == "POST":
        form = RejectionForm(request.POST, user=request.user)
        if form.is_valid():
            recovery = services.start_recovery(
                request.user,
                form.save(commit=False),
                form.cleaned_data["company"],
                form.cleaned_data["role"],
            )
            return redirect(recovery.step_url(1))
        return render(request, "rejections/new.html", {"form": form}, status=422)
    application = None
    if (application_id := whole_number(request.GET.get("application"))) is not None:
        application = get_owned_or_404(Application, request.user, pk=application_id)
    form = RejectionForm(user=request.user, initial={"application": application})
    return render(
        request,
        "rejections/new.html",
        {"form": form, "step_count": STEP_COUNT, "minutes": TOTAL_MINUTES},
    )


@login_required
@require_safe
def resume(request, pk: int):
    recovery = get_owned_or_404(Recovery, request.user, pk=pk)
    if recovery.is_finished:
        return redirect("rejections:summary", pk=recovery.pk)
    return redirect(recovery.resume_url())


# ---- The walk-through: each step is declared in steps.py -------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def step(request, pk: int, number: int, screen: int = 1):
    recovery = get_owned_or_404(
        Recovery.objects.select_related("rejection__application", "feedback_request"),
        request.user,
        pk=pk,
    )
    current = step_at(number)
    if current is None:
        return redirect(recovery.resume_url())
    if not 1 <= screen <= current.screens(recovery):  # e.g. a thinking trap unticked since
        return redirect(recovery.step_url(number))
    if request.method == "GET":
        return _render_step(request, recovery, number, screen, current.form(recovery, screen))
    if current.act(recovery, request.POST):
        return _to_screen(request, recovery, number, screen)  # shows what it did
    return _save_screen(request, recovery, number, screen)


def _save_screen(request, recovery: Recovery, number: int, screen: int):
    current = step_at(number)
    skipping = "skip" in request.POST or "skip_step" in request.POST
    form = current.form(recovery, screen, request.POST)
    # Skipping after typing keeps what was typed, as the journal does: nothing is lost.
    saving = form is not None and (not skipping or form.has_changed())
    if saving and not form.is_valid():
        return _render_step(request, recovery, number, screen, form, status=422)
    if saving and _saved_since_opened(recovery, number, screen, form):
        return _render_step(request, recovery, number, screen, form, status=409)
    try:
        with transaction.atomic():
            if saving:
                current.save(recovery, screen, form)
                recovery.mark_done(number)
            after = screen_after(recovery, number, screen, rest_of_step="skip_step" in request.POST)
            if skipping and (after is None or after[0] != number):
                recovery.mark_skipped(number)
            if after is not None:
                recovery.reach(*after)
            recovery.save()
    except StaleVersion:
        return _conflict(request, recovery, number, screen)
    if "leave" in request.POST:
        messages.success(request, "Saved. You can pick up where you left off from the home page.")
        return redirect_after_post(request, reverse("home:index"))
    if after is None:
        messages.success(request, "You did it. Be gentle with yourself today.")
        return redirect_after_post(request, reverse("rejections:summary", args=[recovery.pk]))
    return _to_screen(request, recovery, *after)


def _saved_since_opened(recovery: Recovery, number: int, screen: int, form) -> bool:
    """Were this screen's words saved elsewhere (another tab) since it was opened? Then
    nothing is saved over them: the form keeps what was typed, shows what is saved now
    beside it, and carries the new fingerprint, so saving again keeps theirs."""
    kept = step_at(number).kept_on_recovery(recovery, screen)
    opened_with = form.cleaned_data.get("seen")
    if not kept or not opened_with or opened_with == seen_stamp(kept):
        return False
    form.saved_elsewhere = {
        name: saved or "(empty)"
        for name, saved in kept.items()
        if saved.strip() != str(form.cleaned_data.get(name, "")).strip()
    }
    form.data = form.data.copy()
    form.data["seen"] = seen_stamp(kept)
    return bool(form.saved_elsewhere)


def _render_step(
    request, recovery: Recovery, number: int, screen: int, form, *, status=200, **extra
):
    current = step_at(number)
    previous = (number, screen - 1) if screen > 1 else (number - 1, 0)
    if previous[1] == 0 and previous[0] >= 1:
        previous = (previous[0], step_at(previous[0]).screens(recovery))
    if form is not None and not form.is_bound:
        form.initial["seen"] = seen_stamp(current.kept_on_recovery(recovery, screen))
    context = {
        "recovery": recovery,
        "step": current,
        "number": number,
        "step_count": STEP_COUNT,
        "screen": screen,
        "screens": current.screens(recovery),
        "form": form,
        "action_url": recovery.step_url(number, screen),
        "back_url": recovery.step_url(*previous) if previous[0] >= 1 else "",
        "last": number == STEP_COUNT,
        **current.context(recovery, screen),
        **extra,
    }
    return render(request, "rejections/step.html", context, status=status)


def _conflict(request, recovery: Recovery, number: int, screen: int):
    """The box's journal entry changed since the screen was opened (in the journal, or in
    another tab). Nothing is saved over: the box now holds the saved words, then the
    person's, to tidy up and save again."""
    box = step_at(number).journal_box(screen)
    entry = journal.guided_entry(recovery.rejection, box.guide)
    data = request.POST.copy()
    saved = entry.answers[box.index] if box.index < len(entry.answers) else ""
    data[box.field] = join_texts(saved, data.get(box.field, ""))
    data["entry_version"] = str(entry.version)
    form = step_at(number).form(recovery, screen, data)
    form.is_valid()
    return _render_step(request, recovery, number, screen, form, status=409, changed_meanwhile=True)


def _to_screen(request, recovery: Recovery, number: int, screen: int):
    return move_on_within(request, recovery.step_url(number, screen), "#walkthrough")


@login_required
@require_safe
def summary(request, pk: int):
    recovery = get_owned_or_404(
        Recovery.objects.select_related("rejection__application"), request.user, pk=pk
    )
    return render(
        request,
        "rejections/summary.html",
        {"recovery": recovery, **services.summary(recovery)},
    )


# ---- My plan ----------------------------------------------------------------------------------

RECOVERIES_LISTED = 20
ITEMS_PER_PAGE = 25


@login_required
@require_http_methods(["GET", "POST"])
@remembered_per_person
def plan(request):
    form = PlanItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        form.save()
        messages.success(request, "Added to your plan.")
        return redirect("rejections:plan")
    # Open items first, then the done ones (PlanItem's ordering), a page at a time.
    page = Paginator(PlanItem.objects.for_user(request.user), ITEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    recoveries = Recovery.objects.for_user(request.user).select_related("rejection__application")
    return render(
        request,
        "rejections/plan.html",
        {
            "recoveries": recoveries[:RECOVERIES_LISTED],
            "page": page,
            "open_items": [item for item in page if not item.is_done],
            "done_items": [item for item in page if item.is_done],
            "form": form,
            "today": timezone.localdate(),
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def plan_item_done(request, pk: int):
    """Tick a plan item off, or back on, in place."""
    item = get_owned_or_404(PlanItem, request.user, pk=pk)
    item.done_on = None if item.is_done else timezone.localdate()
    item.save(update_fields=["done_on", "updated_at"])
    return done_in_place(
        request,
        fragment="rejections/plan.html#plan-item",
        context={"item": item, "today": timezone.localdate()},
        then=reverse("rejections:plan"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_item_delete(request, pk: int):
    item = get_owned_or_404(PlanItem, request.user, pk=pk)
    return confirm_then_delete(
        request,
        item,
        Deletion(
            question="Remove this from your plan?",
            name=item.title,
            action="Remove it",
            keep_url=reverse("rejections:plan"),
        ),
        success="Removed from your plan.",
        then=reverse("rejections:plan"),
    )


@login_required
@require_POST
def plan_from_feedback(request, pk: int):
    """Turn one of a feedback request's takeaways into a plan item."""
    feedback = get_owned_or_404(FeedbackRequest, request.user, pk=pk)
    takeaway = request.POST.get("takeaway", "").strip()
    if takeaway in feedback.takeaway_list:
        PlanItem.objects.get_or_create(
            owner=request.user,
            feedback_request=feedback,
            title=takeaway,
            defaults={"kind": PlanItem.Kind.SKILL},
        )
        messages.success(request, "Added to your plan.")
    return redirect(feedback)
