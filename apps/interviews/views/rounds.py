"""One interview round: its page, editing it, deleting it, adding a question."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.core.shortcuts import confirm_then_delete, edit_page, get_owned_or_404

from ..deletions import interview_deletion
from ..forms import (
    InterviewForm,
    QuestionForm,
)
from ..models import Interview


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
        lambda: interview_deletion(interview),
        success="That round is deleted.",
        then=interview.application.get_absolute_url(),
    )


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
