"""The normal forms of the app that owns each kind of news, filled from a reading and
marked field by field, so the person sees what came from the message. Nothing here saves:
each form posts to its own page, which saves as it always does."""

import datetime

from django.utils import timezone

from apps.core.models import LONG_TEXT
from apps.interviews.forms import ApplicationChoiceForm, InterviewForm
from apps.interviews.models import Application, Interview
from apps.rejections.forms import RejectionForm
from apps.rejections.models import Rejection

from .reading import Reading
from .reading.message import plain_words

DAY_WITHOUT_TIME = datetime.time(9, 0)  # a day the message gives with no hour: the morning
FOLLOW_UP_AFTER = datetime.timedelta(days=7)


def mark(form, names) -> set[str]:
    """Say on each field that its value came from the message (templates/forms/field.html)."""
    names = {name for name in names if name in form.fields}
    for name in names:
        form.fields[name].from_message = True
    return names


def _when(reading: Reading) -> datetime.datetime | None:
    if reading.when:
        return reading.when.replace(second=0, microsecond=0)
    if reading.day:
        return timezone.make_aware(datetime.datetime.combine(reading.day, DAY_WITHOUT_TIME))
    return None


def round_fields(reading: Reading) -> dict:
    """What a round's form can take from an invitation or a new time."""
    return {
        name: value
        for name, value in {
            "stage": reading.stage,
            "occurred_at": _when(reading),
            "format": reading.format,
            "interviewers": "\n".join(reading.interviewers),
        }.items()
        if value
    }


def new_round_forms(user, reading: Reading, application: Application | None):
    """The log page's two forms: which job (the matched application, or the company and
    role read), and the round."""
    if application is not None:
        choice = ApplicationChoiceForm(user=user, initial={"application": application})
        filled = {"application"}
    else:
        job = {"company": reading.company, "role": reading.role}
        choice = ApplicationChoiceForm(user=user, initial={k: v for k, v in job.items() if v})
        filled = mark(choice, choice.initial)
    read = round_fields(reading)
    form = InterviewForm(initial=read)
    return choice, form, filled | mark(form, read)


def moved_round_form(reading: Reading, interview: Interview) -> InterviewForm | None:
    """A round already logged, with the new time from the message; None when the message
    gives no time."""
    when = _when(reading)
    if when is None:
        return None
    form = InterviewForm(instance=interview, initial={"occurred_at": when})
    mark(form, {"occurred_at"})
    return form


def follow_up_form(reading: Reading, interview: Interview) -> InterviewForm:
    """While they decide: a day to check in, the day after the one they named (else in a
    week)."""
    today = timezone.localdate()
    day = reading.day + datetime.timedelta(days=1) if reading.day else today + FOLLOW_UP_AFTER
    form = InterviewForm(instance=interview, initial={"follow_up_on": max(day, today)})
    mark(form, {"follow_up_on"})
    return form


def rejection_form(user, reading: Reading, raw: str, application: Application | None):
    """ "I got rejected", with the message kept as it came (as text, never as HTML)."""
    initial = {"how": Rejection.How.EMAIL, "message": plain_words(raw)[:LONG_TEXT]}
    sent = reading.message.sent
    if sent and sent.date() <= timezone.localdate():
        initial["received_on"] = timezone.localdate(sent)
    if reading.stage:
        initial["stage_reached"] = reading.stage
    if application is not None:
        initial["application"] = application
    else:
        initial.update(
            {k: v for k, v in [("company", reading.company), ("role", reading.role)] if v}
        )
    form = RejectionForm(user=user, initial=initial)
    form.fields["message"].widget.attrs["rows"] = 10  # the message they sent, in view
    return form, mark(form, initial.keys() - {"how"})
