"""Paste the message: Rebound reads an email or a text on its own server and opens the
normal form it is about, filled in and marked. Nothing is saved here."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from apps.core.models import LONG_TEXT
from apps.core.params import plain_text, whole_number
from apps.interviews.models import Interview
from apps.interviews.views.log import log_page
from apps.rejections.forms import noted_already
from apps.rejections.steps import STEP_COUNT, TOTAL_MINUTES

from . import prefill
from .forms import EXPECTED, PasteForm
from .matching import applications_of, matching_application
from .reading import DECIDING, REJECTION, RESCHEDULE, UNCLEAR, Reading, read

SHARED = ("title", "text", "url")  # what a phone's share sheet sends (Web Share Target)


@login_required
@require_http_methods(["GET", "POST"])
def paste(request):
    """GET: the paste screen, with any shared text in the box. POST: read it, and show the
    form it fills."""
    if request.method == "GET":
        initial = {"text": shared_text(request.GET), "kind": _expected(request.GET)}
        initial["application"] = whole_number(request.GET.get("application"))
        return _paste_page(request, PasteForm(initial=initial))
    form = PasteForm(request.POST)
    if not form.is_valid():
        return _paste_page(request, form, status=422)
    carried = form.cleaned_data["application"]
    if "again" in request.POST:  # "Not right?" on a filled form: the person says what it is
        again = PasteForm(initial={"text": form.cleaned_data["text"], "application": carried})
        return _paste_page(request, again, choose="again")
    applications = applications_of(request.user)
    reading = read(
        form.cleaned_data["text"],
        now=timezone.now(),
        zone=timezone.get_current_timezone(),
        kind=form.cleaned_data["kind"],
        known_companies=tuple({a.company for a in applications}),
    )
    if reading.kind == UNCLEAR:
        return _paste_page(request, form, choose="unclear")
    own = [a for a in applications if a.pk == carried]  # another person's id: not theirs
    application = own[0] if own else matching_application(applications, reading)
    show = {REJECTION: _rejection, RESCHEDULE: _new_time, DECIDING: _still_deciding}
    return show.get(reading.kind, _new_round)(request, reading, application, form)


def shared_text(query) -> str:
    """The title, text and address shared, each once, a blank line apart."""
    parts: list[str] = []
    for name in SHARED:
        part = plain_text(query.get(name), LONG_TEXT).strip()
        if part and not any(part in earlier for earlier in parts):
            parts.append(part)
    return "\n\n".join(parts)[:LONG_TEXT]


def _expected(query) -> str:
    return EXPECTED.get(plain_text(query.get("expect"), 20), "")


def _paste_page(request, form, *, status: int = 200, choose: str = ""):
    return render(request, "capture/paste.html", {"form": form, "choose": choose}, status=status)


def _filled(reading: Reading, form: PasteForm, **more) -> dict:
    """What the note atop a filled form needs (templates/forms/filled_from_message.html)."""
    pasted = form.cleaned_data["text"]
    carried = form.cleaned_data["application"]
    return {"reading": reading, "pasted": pasted, "carried": carried, "filled": True, **more}


def _new_round(request, reading: Reading, application, form, **more):
    choice, round_form = prefill.new_round_forms(request.user, reading, application)
    more["read_nothing"] = reading.says_nothing and application is None
    return log_page(request, choice, round_form, extra=_filled(reading, form, **more))


def _latest_round(user, application, *, upcoming: bool) -> Interview | None:
    """The application's next round (or its latest), to change instead of adding one."""
    if application is None:
        return None
    rounds = Interview.objects.for_user(user).filter(application=application)
    if upcoming:
        rounds = rounds.filter(occurred_at__gte=timezone.now()).order_by("occurred_at")
    return rounds.select_related("application").first()


def _new_time(request, reading: Reading, application, form):
    """A new time for a round already logged: its edit page, with the new time. With none
    logged yet, the log page."""
    interview = _latest_round(request.user, application, upcoming=True)
    round_form = prefill.moved_round_form(reading, interview) if interview else None
    if round_form is None:
        return _new_round(request, reading, application, form, new_time=True)
    context = {"form": round_form, "interview": interview, **_filled(reading, form, new_time=True)}
    return render(request, "interviews/interview_form.html", context)


def _still_deciding(request, reading: Reading, application, form):
    """No news yet: nothing needs to change. A day to check in on the latest round, if
    they like."""
    interview = _latest_round(request.user, application, upcoming=False)
    if interview is None:
        context = {"application": application, **_filled(reading, form)}
        return render(request, "capture/deciding.html", context)
    round_form = prefill.follow_up_form(reading, interview)
    context = {"form": round_form, "interview": interview, **_filled(reading, form, deciding=True)}
    return render(request, "interviews/interview_form.html", context)


def _rejection(request, reading: Reading, application, form):
    """ "I got rejected", filled; for an application whose no is noted already, a word
    about that one (and its walk-through) instead of a form that would be refused."""
    if application is not None and (earlier := noted_already(application)):
        context = {"application": application, "rejection": earlier, **_filled(reading, form)}
        context["recovery"] = getattr(earlier, "recovery", None)
        return render(request, "capture/noted_already.html", context)
    rejection_form = prefill.rejection_form(
        request.user, reading, form.cleaned_data["text"], application
    )
    context = {"form": rejection_form, "step_count": STEP_COUNT, "minutes": TOTAL_MINUTES}
    filled = _filled(reading, form, read_nothing=reading.says_nothing and application is None)
    return render(request, "rejections/new.html", {**context, **filled})
