from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, ExpressionWrapper, F, Q, When
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.core.htmx import render_page_or_fragment
from apps.core.pagecache import remembered_per_person
from apps.core.params import whole_number
from apps.core.shortcuts import Deletion, confirm_then_delete, get_owned_or_404
from apps.core.stale import invalid_status
from apps.interviews.models import Application

from .drafts import DRAFTS, DRAFTS_BY_KEY, written_by_a_template
from .forms import DraftForm, ReplyForm, SentForm
from .models import FeedbackRequest
from .services import contact_from_interviewers, fill_draft, placeholders_left

STATUS_ORDER = ["sent", "draft", "replied", "no_reply", "declined"]
REQUESTS_PER_PAGE = 20


@login_required
@require_safe
@remembered_per_person
def index(request):
    """Every request, those ready for a follow-up first, a page at a time."""
    today = timezone.localdate()
    requests = (
        FeedbackRequest.objects.for_user(request.user)
        .select_related("application")
        .annotate(
            due=ExpressionWrapper(
                Q(status=FeedbackRequest.Status.SENT, follow_up_on__lte=today),
                output_field=BooleanField(),
            ),
            rank=Case(*(When(status=s, then=i) for i, s in enumerate(STATUS_ORDER))),
        )
        .order_by("-due", "rank", F("follow_up_on").asc(nulls_last=True), "-pk")
    )
    page = Paginator(requests, REQUESTS_PER_PAGE).get_page(request.GET.get("page"))
    groups = [
        (label, [r for r in page if r.status == value and not r.due])
        for value, label in FeedbackRequest.Status.choices
    ]
    return render(
        request,
        "feedback/index.html",
        {
            "page": page,
            "due": [r for r in page if r.due],
            "groups": [(label, items) for label, items in groups if items],
            "today": today,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@remembered_per_person
def new(request):
    """Draft a request. Choosing a template fills the message (in place with htmx)."""
    if request.method == "POST" and "use_template" in request.POST:
        return _use_template(request)
    if request.method == "POST":
        form = DraftForm(request.POST, user=request.user)
        if form.is_valid():
            form.instance.owner = request.user
            feedback = form.save()
            messages.success(
                request, "Your draft is saved. Send it from your own email when ready."
            )
            return redirect(feedback)
        return _draft_page(request, form, status=422)

    application = None
    if (application_id := whole_number(request.GET.get("application"))) is not None:
        application = get_owned_or_404(Application, request.user, pk=application_id)
    template = request.GET.get("template", "")
    template = template if template in DRAFTS_BY_KEY else ""
    contact = contact_from_interviewers(application) if application else ""
    subject, message = fill_draft(template, request.user, application, contact)
    initial = {
        "application": application,
        "template": template,
        "contact_name": contact,
        "subject": subject,
        "message": message,
    }
    return _draft_page(request, DraftForm(user=request.user, initial=initial), template=template)


def _use_template(request):
    """ "Use this template" (a button without JavaScript, a radio with it): the template's
    words in the subject and message, with what is known filled in, and everything else in
    the form as it was typed. Nothing is saved."""
    data = request.POST
    application = (
        Application.objects.for_user(request.user)
        .filter(pk=whole_number(data.get("application"), 0))
        .first()
    )
    contact = data.get("contact_name", "").strip()
    if not contact and application:
        contact = contact_from_interviewers(application)
    template = data.get("template", "")
    subject, message = fill_draft(template, request.user, application, contact)
    # A message the person wrote themselves is theirs: a template never replaces it
    # unless they ask ("Use the template's words instead").
    replacing = data.get("use_template") == "replace"
    yours, your_subject = data.get("message", ""), data.get("subject", "")
    keep_yours = not replacing and not written_by_a_template(yours)
    keep_subject = not replacing and not written_by_a_template(your_subject, subject=True)
    initial = {
        **{name: data.get(name, "") for name in ("contact_email", "channel", "template")},
        "application": application,
        "contact_name": contact,
        "subject": your_subject if keep_subject or not subject else subject,
        "message": yours if keep_yours or not message else message,
    }
    return _draft_page(
        request,
        DraftForm(user=request.user, initial=initial),
        template=template,
        kept_your_message=keep_yours and bool(message),
    )


def _draft_page(request, form, *, template="", status=200, feedback=None, **extra):
    return render_page_or_fragment(
        request,
        "feedback/draft.html",
        "draft-form",
        {
            "form": form,
            "templates": DRAFTS,
            "chosen": template or form["template"].value(),
            "feedback": feedback,
            **extra,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    feedback = get_owned_or_404(FeedbackRequest, request.user, pk=pk)
    form = DraftForm(request.POST or None, instance=feedback, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Saved.")
            return redirect(feedback)
        return _draft_page(request, form, status=invalid_status(form), feedback=feedback)
    return _draft_page(request, form, feedback=feedback)


@login_required
@require_safe
def detail(request, pk: int):
    feedback = get_owned_or_404(
        FeedbackRequest.objects.select_related("application"), request.user, pk=pk
    )
    return _detail_page(request, feedback)


def _detail_page(request, feedback, *, sent_form=None, reply_form=None, unfinished=(), status=200):
    return render(
        request,
        "feedback/request.html",
        {
            "feedback": feedback,
            "sent_form": sent_form or SentForm(instance=feedback),
            "reply_form": reply_form or ReplyForm(instance=feedback),
            "unfinished": unfinished,
        },
        status=status,
    )


@login_required
@require_POST
def mark_sent(request, pk: int):
    return _record(
        request,
        pk,
        SentForm,
        FeedbackRequest.Status.SENT,
        "Marked as sent. We'll remind you on the home page to follow up.",
    )


@login_required
@require_POST
def record_reply(request, pk: int):
    return _record(
        request,
        pk,
        ReplyForm,
        FeedbackRequest.Status.REPLIED,
        "Their reply is saved. Well done for asking.",
    )


def _record(request, pk: int, form_class, status: str, success: str):
    """Save one of the tracking forms and move the request on to `status`."""
    feedback = get_owned_or_404(
        FeedbackRequest.objects.select_related("application"), request.user, pk=pk
    )
    form = form_class(request.POST, instance=feedback)
    key = "sent_form" if form_class is SentForm else "reply_form"
    if not form.is_valid():
        return _detail_page(request, feedback, status=invalid_status(form), **{key: form})
    if form_class is SentForm and "anyway" not in request.POST:
        unfinished = placeholders_left(feedback) or ([] if feedback.message.strip() else [""])
        if unfinished:  # ask once, kindly, before it is marked sent
            return _detail_page(request, feedback, sent_form=form, unfinished=unfinished)
    feedback.status = status
    form.save()
    messages.success(request, success)
    return redirect(feedback)


CLOSING_STATUSES = {
    "no_reply": "Marked as no reply. Asking was still worth it.",
    "declined": "Marked as declined. Asking was still worth it.",
    "draft": "Back to draft.",
}


@login_required
@require_POST
def set_status(request, pk: int):
    feedback = get_owned_or_404(FeedbackRequest, request.user, pk=pk)
    status = request.POST.get("status", "")
    if status in CLOSING_STATUSES:
        feedback.status = status
        feedback.save(update_fields=["status", "updated_at"])
        messages.success(request, CLOSING_STATUSES[status])
    return redirect(feedback)


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, pk: int):
    feedback = get_owned_or_404(
        FeedbackRequest.objects.select_related("application"), request.user, pk=pk
    )
    return confirm_then_delete(
        request,
        feedback,
        Deletion(
            question="Delete this request?",
            name=str(feedback),
            goes=["Your draft, and any reply and takeaways you saved"],
            keep_url=feedback.get_absolute_url(),
        ),
        success="The request is deleted.",
        then=reverse("feedback:index"),
    )
