from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseLocation

from apps.core.htmx import done_in_place, redirect_after_post
from apps.core.params import whole_number
from apps.core.shortcuts import Deletion, confirm_then_delete, get_owned_or_404
from apps.feedback.models import FeedbackRequest
from apps.interviews.models import Application, Question
from apps.journal.guides import GUIDES_BY_KEY
from apps.journal.services import StaleVersion, join_texts
from apps.strengths.models import Achievement, Strength

from . import services
from .forms import (
    AnswersForm,
    ConfidenceForm,
    LandForm,
    MoveOnForm,
    PlanForm,
    PlanItemForm,
    QuestionOutcomesForm,
    RealityForm,
    RejectionForm,
)
from .models import STEP_COUNT, PlanItem, Recovery
from .steps import (
    COMMON_REASONS,
    FEELINGS,
    STEPS,
    STEPS_BY_NUMBER,
    THINKING_TRAPS,
    TOTAL_MINUTES,
)

# ---- Logging the rejection ----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
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
        request, "rejections/new.html", {"form": form, "steps": STEPS, "minutes": TOTAL_MINUTES}
    )


@login_required
@require_safe
def resume(request, pk: int):
    recovery = get_owned_or_404(Recovery, request.user, pk=pk)
    if recovery.is_finished:
        return redirect("rejections:summary", pk=recovery.pk)
    return redirect(recovery.step_url(recovery.resume_step()))


# ---- The eight steps ------------------------------------------------------------------------


def _questions(recovery: Recovery):
    return (
        Question.objects.for_user(recovery.owner)
        .filter(interview__application=recovery.application)
        .order_by("interview__occurred_at", "pk")
    )


def _entry_answers(recovery: Recovery, guide_key: str) -> dict:
    """A step's text as the journal holds it now, with the version it was read at."""
    entry = services.guided_entry(recovery, guide_key)
    if entry is None:
        return {}
    return {
        **{f"answer_{i}": answer for i, answer in enumerate(entry.answers)},
        "entry_version": entry.version,
    }


def _form_for(recovery: Recovery, key: str, data=None):
    """The form of one step, filled with what was saved before so returning resumes it."""
    rejection = recovery.rejection
    if key == "land":
        vent = _entry_answers(recovery, "vent")
        return LandForm(
            data,
            initial={
                "feelings": recovery.feelings,
                "feelings_in_own_words": recovery.feelings_in_own_words,
                "impact": rejection.impact,
                "vent": vent.get("answer_0", ""),
                "entry_version": vent.get("entry_version"),
            },
        )
    if key == "reality":
        initial = {"no_trap_fits": recovery.no_trap_fits}
        for trap, thought in recovery.thinking_traps.items():
            initial |= {f"trap_{trap}": True, f"fairer_{trap}": thought}
        return RealityForm(data, initial=initial)
    if key == "confidence":
        return ConfidenceForm(data, questions=_questions(recovery))
    if key == "learned":
        return QuestionOutcomesForm(
            data,
            prompts=GUIDES_BY_KEY["learned"].prompts,
            questions=_questions(recovery),
            initial=_entry_answers(recovery, "learned"),
        )
    if key == "fit":
        return AnswersForm(
            data, prompts=GUIDES_BY_KEY["fit"].prompts, initial=_entry_answers(recovery, "fit")
        )
    if key == "plan":
        return PlanForm(data, suggestions=services.plan_suggestions(recovery))
    if key == "move_on":
        return MoveOnForm(data, initial={"mood_after": recovery.mood_after})
    return None  # "feedback" has buttons, not fields


def _save_step(request, recovery: Recovery, key: str, form) -> None:
    data = form.cleaned_data if form is not None else {}
    if key == "land":
        recovery.feelings = data["feelings"]
        recovery.feelings_in_own_words = data["feelings_in_own_words"]
        recovery.rejection.impact = data["impact"]
        recovery.rejection.save(update_fields=["impact", "updated_at"])
        services.save_vent(recovery, data["vent"], data["entry_version"])
    elif key == "reality":
        recovery.thinking_traps = form.traps()
        recovery.no_trap_fits = data["no_trap_fits"]
    elif key == "confidence":
        services.add_confidence(
            recovery, data["strength"], data["evidence"], data["achievement"], data["great_answer"]
        )
    elif key == "learned":
        services.save_guided_entry(recovery, "learned", form.answers(), data["entry_version"])
        services.set_question_outcomes(form.outcomes())
    elif key == "fit":
        services.save_guided_entry(recovery, "fit", form.answers(), data["entry_version"])
    elif key == "plan":
        services.add_plan_items(recovery, form.items())
    elif key == "move_on":
        services.finish(recovery, data["mood_after"])


def _step_context(recovery: Recovery, step, form) -> dict:
    user = recovery.owner
    context = {
        "recovery": recovery,
        "step": step,
        "steps": STEPS,
        "form": form,
        "action_url": recovery.step_url(step.number),
        "back_url": recovery.step_url(step.number - 1) if step.number > 1 else "",
    }
    if step.key == "reality":
        # The join to interviews repeats an application once per round: count distinct.
        applications = Application.objects.for_user(user).aggregate(
            total=Count("pk", distinct=True),
            interviewing=Count("pk", filter=Q(interviews__isnull=False), distinct=True),
            not_selected=Count("pk", filter=Q(status=Application.Status.REJECTED), distinct=True),
        )
        context |= {"reasons": COMMON_REASONS, "numbers": applications}
    elif step.key == "confidence":
        context |= {
            "strengths": list(Strength.objects.for_user(user)[:3]),
            "achievements": list(Achievement.objects.for_user(user)[:3]),
        }
    elif step.key == "fit":
        context["application"] = recovery.application
    elif step.key == "feedback":
        context["feedback"] = recovery.feedback_request
    elif step.key == "move_on":
        context |= _summary(recovery)
    return context


def _summary(recovery: Recovery) -> dict:
    learned = services.guided_entry(recovery, "learned")
    traps = recovery.thinking_traps
    return {
        "feelings": [label for key, label in FEELINGS if key in recovery.feelings],
        "reframed": [(name, traps[key]) for key, name, _ in THINKING_TRAPS if key in traps],
        "vent": services.guided_entry(recovery, "vent"),
        "learned": [a for _, a in learned.prompts_and_answers if a] if learned else [],
        "strengths_now": list(Strength.objects.for_user(recovery.owner)[:3]),
        "plan": list(recovery.plan_items.all()),
    }


@login_required
@require_http_methods(["GET", "POST"])
def step(request, pk: int, number: int):
    recovery = get_owned_or_404(
        Recovery.objects.select_related("rejection__application", "feedback_request"),
        request.user,
        pk=pk,
    )
    current = STEPS_BY_NUMBER.get(number)
    if current is None:
        return redirect(recovery.step_url(recovery.resume_step()))

    if request.method == "POST" and current.key == "feedback" and "draft" in request.POST:
        services.draft_feedback(recovery)
        return _to_step(request, recovery, number)  # stay, to show the draft it made
    if request.method == "POST":
        skipping = "skip" in request.POST
        form = None if skipping else _form_for(recovery, current.key, request.POST)
        if form is not None and not form.is_valid():
            return render(
                request, "rejections/step.html", _step_context(recovery, current, form), status=422
            )
        try:
            with transaction.atomic():
                if not skipping:
                    _save_step(request, recovery, current.key, form)
                recovery.complete(number, skipped=skipping)
                recovery.save()
        except StaleVersion:
            return _step_conflict(request, recovery, current)
        return _after_step(request, recovery, number)

    recovery.current_step = number
    recovery.save(update_fields=["current_step", "updated_at"])
    return render(
        request,
        "rejections/step.html",
        _step_context(recovery, current, _form_for(recovery, current.key)),
    )


# The journal entry each step writes into, and which of its answers the step's boxes hold.
STEP_ENTRIES = {"land": ("vent", {"vent": 0}), "learned": ("learned", None), "fit": ("fit", None)}


def _step_conflict(request, recovery: Recovery, current):
    """The step's entry changed since the step was opened (in the journal, or another tab).
    Nothing is saved over: each box now holds the saved words, then the person's, to tidy
    up and save again."""
    guide_key, boxes = STEP_ENTRIES[current.key]
    entry = services.guided_entry(recovery, guide_key)
    data = request.POST.copy()
    if entry is not None:
        boxes = boxes or {f"answer_{i}": i for i in range(len(entry.answers))}
        for name, index in boxes.items():
            saved = entry.answers[index] if index < len(entry.answers) else ""
            data[name] = join_texts(saved, data.get(name, ""))
        data["entry_version"] = str(entry.version)
    else:
        data["entry_version"] = ""
    form = _form_for(recovery, current.key, data)
    form.is_valid()
    context = _step_context(recovery, current, form) | {"changed_meanwhile": True}
    return render(request, "rejections/step.html", context, status=409)


def _after_step(request, recovery: Recovery, number: int):
    if "leave" in request.POST:
        messages.success(request, "Saved. You can pick up where you left off from the home page.")
        return redirect_after_post(request, reverse("home:index"))
    if number == STEP_COUNT:
        messages.success(request, "You did it. Be gentle with yourself today.")
        return redirect_after_post(request, reverse("rejections:summary", args=[recovery.pk]))
    return _to_step(request, recovery, number + 1)


def _to_step(request, recovery: Recovery, number: int):
    target = recovery.step_url(number)
    if request.htmx:
        return HttpResponseLocation(
            target, target="#walkthrough", select="#walkthrough", swap="outerHTML"
        )
    return redirect(target)


@login_required
@require_safe
def summary(request, pk: int):
    recovery = get_owned_or_404(
        Recovery.objects.select_related("rejection__application"), request.user, pk=pk
    )
    return render(request, "rejections/summary.html", {"recovery": recovery, **_summary(recovery)})


# ---- My plan ----------------------------------------------------------------------------------

RECOVERIES_LISTED = 20


@login_required
@require_http_methods(["GET", "POST"])
def plan(request):
    form = PlanItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        form.save()
        messages.success(request, "Added to your plan.")
        return redirect("rejections:plan")
    items = list(
        PlanItem.objects.for_user(request.user).select_related("recovery__rejection__application")
    )
    recoveries = Recovery.objects.for_user(request.user).select_related("rejection__application")
    return render(
        request,
        "rejections/plan.html",
        {
            "recoveries": list(recoveries[:RECOVERIES_LISTED]),
            "open_items": [item for item in items if not item.is_done],
            "done_items": [item for item in items if item.is_done],
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
            final="",
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
