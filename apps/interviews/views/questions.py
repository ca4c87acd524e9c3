"""Questions asked in interviews: editing one, and the question bank."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.core.htmx import (
    done_in_place,
    render_page_or_fragment,
)
from apps.core.params import plain_text
from apps.core.shortcuts import Deletion, confirm_then_delete, edit_page, get_owned_or_404

from ..forms import (
    BetterAnswerForm,
    QuestionForm,
)
from ..models import Question

QUESTIONS_PER_PAGE = 25


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
