"""Logging a round: the one page to record an interview, minutes after it ended."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_safe

from apps.core.htmx import (
    redirect_after_post,
    render_vary_on_htmx,
)
from apps.core.pagecache import fresh_value, remembered_per_person
from apps.core.params import plain_text, whole_number
from apps.core.shortcuts import get_owned_or_404

from .. import services
from ..forms import (
    ApplicationChoiceForm,
    InterviewForm,
    QuestionFormSet,
    matching_application,
    similar_applications,
)
from ..models import Application, Interview

SUGGESTIONS_SHOWN = 5


@login_required
@require_http_methods(["GET", "POST"])
@remembered_per_person
def log_interview(request):
    """The one page to record a round, for a new or an existing application."""
    user = request.user
    if request.method == "POST":
        key = _log_key(request.POST.get("log_key"))
        if already := _logged_with(user, key):
            return _logged(request, already)  # sent again: answered as the first time
        choice = ApplicationChoiceForm(request.POST, user=user)
        form = InterviewForm(request.POST)
        questions = QuestionFormSet(request.POST, prefix="questions")
        if choice.is_valid() and form.is_valid() and questions.is_valid():
            try:
                interview = services.log_interview(
                    user,
                    application=choice.cleaned_data["application"],
                    company=choice.cleaned_data["company"],
                    role=choice.cleaned_data["role"],
                    interview=form.save(commit=False),
                    questions=[q.save(commit=False) for q in questions if q.has_changed()],
                    log_key=key,
                )
            except IntegrityError:
                # The same round sent twice at once: the other request saved it first.
                if not (interview := _logged_with(user, key)):
                    raise
            return _logged(request, interview)
        return render(
            request,
            "interviews/log.html",
            _log_context(choice, form, questions, user, key),
            status=422,
        )

    if request.htmx and "company" in request.GET:
        return _company_suggestions(request)
    picked = _picked_application(request)
    choice = ApplicationChoiceForm(
        user=user,
        initial={"application": picked, "company": plain_text(request.GET.get("company"))},
    )
    context = _log_context(choice, InterviewForm(), QuestionFormSet(prefix="questions"), user)
    # Each page served, even from memory, gets a key of its own: two rounds never share one.
    fresh_value(request, context["log_key"], renew=f"{__name__}.new_log_key")
    return render_vary_on_htmx(request, "interviews/log.html", context)


def new_log_key() -> str:
    """The key a log page's round is saved under once, however often it is sent."""
    return str(uuid.uuid4())


def _log_key(posted: str | None) -> str:
    """The key the page was rendered with, as a UUID's text; "" for anything else."""
    try:
        return str(uuid.UUID(posted or ""))
    except ValueError:
        return ""


def _logged_with(user, key: str) -> Interview | None:
    return Interview.objects.for_user(user).filter(log_key=key).first() if key else None


def _logged(request, interview: Interview):
    messages.success(request, "Your interview is saved.")
    return redirect_after_post(request, interview.get_absolute_url())


def _picked_application(request) -> Application | None:
    pk = whole_number(request.GET.get("application"))
    return get_owned_or_404(Application, request.user, pk=pk) if pk is not None else None


def _log_context(choice, form, questions, user, log_key: str = "") -> dict:
    picked = choice["application"].value()
    application = None
    if picked and not choice.errors.get("application"):
        application = Application.objects.for_user(user).filter(pk=picked).first()
    return {
        "choice": choice,
        "form": form,
        "questions": questions,
        "application": application,
        "log_key": log_key or new_log_key(),
        **_suggestions_context(user, choice["company"].value() or "", choice),
    }


def _suggestions(user, company: str):
    return list(
        similar_applications(user, company)
        .with_latest_activity()
        .order_by("-latest_activity")[:SUGGESTIONS_SHOWN]
    )


def _company_suggestions(request):
    """As the company is typed: their applications there, so they pick instead of duplicating."""
    company = plain_text(request.GET.get("company"))
    return render_vary_on_htmx(
        request, "interviews/log.html#suggestions", _suggestions_context(request.user, company)
    )


def _suggestions_context(user, company: str, choice: ApplicationChoiceForm | None = None) -> dict:
    """The applications to offer, with the one that matches the company chosen by default
    (unless the person said this is a new application)."""
    company = plain_text(company)  # as typed or posted: it may hold anything
    suggestions = _suggestions(user, company)
    chosen = choice["application"].value() if choice is not None else None
    chose_new = choice is not None and choice.chose_new
    if not chosen and not chose_new and suggestions:
        match = matching_application(user, company)
        chosen = match.pk if isinstance(match, Application) else None
    return {
        "suggestions": suggestions,
        "company": company,
        "chosen": str(chosen or ""),
        "chose_new": chose_new,
    }


@login_required
@require_safe
def question_row(request):
    """A new question row for the log page, or the note left where one was removed."""
    if removed := request.GET.get("removed", ""):
        number = whole_number(removed, "")
        return render_vary_on_htmx(
            request, "interviews/log.html#question-removed", {"number": number}
        )
    index = _row_index(request.GET.get("questions-TOTAL_FORMS", ""))
    formset = QuestionFormSet(prefix="questions")
    row = formset.empty_form
    row.prefix = formset.add_prefix(index)
    row.fields["text"].widget.attrs["autofocus"] = True
    return render_vary_on_htmx(
        request,
        "interviews/log.html#question-row-added",
        {"row": row, "number": index + 1, "total_forms": index + 1},
    )


def _row_index(total_forms: str) -> int:
    return min(whole_number(total_forms, 0), QuestionFormSet.max_num - 1)


def log_page(request, choice, form, *, extra: dict):
    """The log page with its forms filled elsewhere (from a pasted message, apps/capture).
    Nothing is saved until the person presses Save, which posts to log_interview."""
    context = _log_context(choice, form, QuestionFormSet(prefix="questions"), request.user)
    return render_vary_on_htmx(request, "interviews/log.html", {**context, **extra})
