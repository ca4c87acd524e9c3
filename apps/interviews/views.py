from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.core.htmx import (
    done_in_place,
    redirect_after_post,
    render_page_or_fragment,
    render_vary_on_htmx,
)
from apps.core.params import plain_text, whole_number
from apps.core.shortcuts import Deletion, confirm_then_delete, edit_page, get_owned_or_404
from apps.core.text import count_of

from . import services
from .forms import (
    ApplicationChoiceForm,
    ApplicationForm,
    BetterAnswerForm,
    InterviewForm,
    QuestionForm,
    QuestionFormSet,
    StatusForm,
    matching_application,
)
from .models import Application, Interview, Question

APPLICATIONS_PER_PAGE = 25
QUESTIONS_PER_PAGE = 25
SUGGESTIONS_SHOWN = 5

# ---- Logging a round --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def log_interview(request):
    """The one page to record a round, for a new or an existing application."""
    user = request.user
    if request.method == "POST":
        choice = ApplicationChoiceForm(request.POST, user=user)
        form = InterviewForm(request.POST)
        questions = QuestionFormSet(request.POST, prefix="questions")
        if choice.is_valid() and form.is_valid() and questions.is_valid():
            interview = services.log_interview(
                user,
                application=choice.cleaned_data["application"],
                company=choice.cleaned_data["company"],
                role=choice.cleaned_data["role"],
                interview=form.save(commit=False),
                questions=[q.save(commit=False) for q in questions if q.has_changed()],
            )
            messages.success(request, "Your interview is saved.")
            return redirect_after_post(request, interview.get_absolute_url())
        return render(
            request,
            "interviews/log.html",
            _log_context(choice, form, questions, user),
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
    return render_vary_on_htmx(request, "interviews/log.html", context)


def _picked_application(request) -> Application | None:
    pk = whole_number(request.GET.get("application"))
    return get_owned_or_404(Application, request.user, pk=pk) if pk is not None else None


def _log_context(choice, form, questions, user) -> dict:
    picked = choice["application"].value()
    application = None
    if picked and not choice.errors.get("application"):
        application = Application.objects.for_user(user).filter(pk=picked).first()
    return {
        "choice": choice,
        "form": form,
        "questions": questions,
        "application": application,
        **_suggestions_context(user, choice["company"].value() or "", choice),
    }


def _suggestions(user, company: str):
    company = company.strip()
    if len(company) < 2:
        return []
    return list(
        Application.objects.for_user(user)
        .filter(company__icontains=company)
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


# ---- Applications -------------------------------------------------------------------------


@login_required
@require_safe
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
        lambda: _application_deletion(application),
        success=f"{application} is deleted.",
        then=reverse("interviews:applications"),
    )


def _application_deletion(application: Application) -> Deletion:
    takes = application.what_deleting_takes()
    goes, stays = [], []
    if takes["rounds"]:
        rounds = count_of(takes["rounds"], "interview round", "interview rounds")
        if takes["questions"]:
            questions = count_of(takes["questions"], "question", "questions")
            them = "it" if takes["questions"] == 1 else "them"
            rounds += f", with {questions} and your notes on {them}"
        goes.append(rounds)
    if takes["feedback_count"]:
        requests = count_of(takes["feedback_count"], "feedback request", "feedback requests")
        goes.append(f"{requests}, with any reply and your takeaways")
    if takes["rejection_count"]:
        rejection = "The rejection you recorded, with any message you kept"
        if takes["recovery_count"]:
            rejection += (
                ", and its recovery walk-through: the feelings and thinking traps you noted"
            )
        goes.append(rejection)
    if takes["entry_count"]:
        stays.append(_entries_stay(takes["entry_count"]))
    if takes["plan_item_count"]:
        steps = count_of(takes["plan_item_count"], "step", "steps")
        stays.append(f"{steps} in My plan {'stays' if takes['plan_item_count'] == 1 else 'stay'}.")
    return Deletion(
        question="Delete this application?",
        name=str(application),
        detail="" if goes else "It has no interview rounds, feedback requests or rejection.",
        goes=goes,
        stays=stays,
        keep_url=application.get_absolute_url(),
    )


# ---- Interviews ---------------------------------------------------------------------------


@login_required
@require_safe
def interview(request, pk: int):
    interview = get_owned_or_404(
        Interview.objects.select_related("application"), request.user, pk=pk
    )
    return render(
        request,
        "interviews/interview.html",
        {
            "interview": interview,
            "questions": interview.questions.all(),
            "question_form": QuestionForm(prefix="new"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def interview_edit(request, pk: int):
    interview = get_owned_or_404(
        Interview.objects.select_related("application"), request.user, pk=pk
    )
    return edit_page(
        request,
        InterviewForm(request.POST or None, instance=interview),
        "interviews/interview_form.html",
        {"interview": interview},
        saved="Your changes are saved.",
        then=interview.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def interview_delete(request, pk: int):
    interview = get_owned_or_404(
        Interview.objects.select_related("application"), request.user, pk=pk
    )
    return confirm_then_delete(
        request,
        interview,
        lambda: _interview_deletion(interview),
        success="That round is deleted.",
        then=interview.application.get_absolute_url(),
    )


def _entries_stay(count: int) -> str:
    entries = count_of(count, "journal entry", "journal entries")
    verb = "stays" if count == 1 else "stay"
    return f"{entries} about it {verb} in your journal, no longer linked to it."


def _interview_deletion(interview: Interview) -> Deletion:
    goes = ["Your preparation and reflections for this round"]
    if questions := interview.questions.count():
        goes.append(f"{count_of(questions, 'question', 'questions')}, with your notes")
    stays = []
    if entries := interview.entries.count():
        stays.append(_entries_stay(entries))
    when = date_format(timezone.localtime(interview.occurred_at), "j F Y")
    return Deletion(
        question="Delete this round?",
        name=f"{interview.get_stage_display()} round, {interview.application}",
        detail=f"On {when}.",
        goes=goes,
        stays=stays,
        keep_url=interview.get_absolute_url(),
    )


# ---- Questions ----------------------------------------------------------------------------


@login_required
@require_POST
def question_add(request, pk: int):
    interview = get_owned_or_404(Interview, request.user, pk=pk)
    form = QuestionForm(request.POST, prefix="new")
    if form.is_valid():
        form.instance.owner = request.user
        form.instance.interview = interview
        form.save()
        messages.success(request, "The question is added.")
        return redirect(interview)
    return render(
        request,
        "interviews/interview.html",
        {"interview": interview, "questions": interview.questions.all(), "question_form": form},
        status=422,
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk: int):
    question = get_owned_or_404(Question.objects.select_related("interview"), request.user, pk=pk)
    return edit_page(
        request,
        QuestionForm(request.POST or None, instance=question),
        "interviews/question_form.html",
        {"question": question},
        saved="The question is saved.",
        then=question.interview.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_delete(request, pk: int):
    question = get_owned_or_404(Question.objects.select_related("interview"), request.user, pk=pk)
    return confirm_then_delete(
        request,
        question,
        Deletion(
            question="Delete this question?",
            name=question.text,
            goes=["Your notes on it, and any better answer you wrote"],
            keep_url=question.interview.get_absolute_url(),
        ),
        success="The question is deleted.",
        then=question.interview.get_absolute_url(),
    )


QUESTION_TABS = {
    "all": ("All questions", ""),
    "great": ("Great answers", Question.Outcome.ROCKED),
    "practise": ("To practise", Question.Outcome.STRUGGLED),
}


@login_required
@require_safe
def question_bank(request):
    tab = request.GET.get("tab", "all") if request.GET.get("tab") in QUESTION_TABS else "all"
    outcome = QUESTION_TABS[tab][1] or request.GET.get("outcome", "")
    kind = request.GET.get("kind", "")
    query = plain_text(request.GET.get("q"))
    found = Question.objects.for_user(request.user).search(query)
    if outcome in Question.Outcome.values:
        found = found.filter(outcome=outcome)
    if kind in Question.Kind.values:
        found = found.filter(kind=kind)
    found = found.select_related("interview__application").order_by("-interview__occurred_at", "pk")
    page = Paginator(found, QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "interviews/questions.html",
        {
            "page": page,
            "tab": tab,
            "tabs": [(key, label) for key, (label, _) in QUESTION_TABS.items()],
            "outcome": outcome,
            "kind": kind,
            "query": query,
            "outcomes": Question.Outcome.choices,
            "kinds": Question.Kind.choices,
        },
    )


@login_required
@require_POST
def question_practised(request, pk: int):
    """Count one more practice of this question."""
    question = get_owned_or_404(Question, request.user, pk=pk)
    Question.objects.filter(pk=question.pk).update(times_practised=F("times_practised") + 1)
    question.refresh_from_db(fields=["times_practised"])
    return done_in_place(
        request,
        fragment="interviews/questions.html#practised",
        context={"question": question},
        then=reverse("interviews:questions") + f"#question-{question.pk}",
        message="Practice counted.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_better_answer(request, pk: int):
    """Write a better answer in place (htmx), or on its own page without JavaScript."""
    question = get_owned_or_404(
        Question.objects.select_related("interview__application"), request.user, pk=pk
    )
    if request.method == "POST":
        form = BetterAnswerForm(request.POST, instance=question, prefix=f"question-{pk}")
        if form.is_valid():
            form.save()
            return done_in_place(
                request,
                fragment="interviews/questions.html#better-answer",
                context={"question": question},
                then=reverse("interviews:questions") + f"#question-{question.pk}",
                message="Your better answer is saved.",
            )
        status = 422
    else:
        form, status = BetterAnswerForm(instance=question, prefix=f"question-{pk}"), 200
    return render_page_or_fragment(
        request,
        "interviews/better_answer.html",
        "better-answer-form",
        {"question": question, "form": form},
        status=status,
    )
