"""The normal forms of the app that owns each kind of news, filled from a reading and
marked field by field, so the person sees what came from the message. Nothing here saves:
each form posts to its own page, which saves as it always does."""

import datetime

from django.utils import timezone

from apps.core.models import LONG_TEXT
from apps.interviews.forms import ApplicationChoiceForm, InterviewForm
from apps.interviews.models import Application, Interview
from apps.rejections.forms import RejectionForm

from .reading import Reading
from .reading.message import plain_words

DAY_WITHOUT_TIME = datetime.time(9, 0)  # a day the message gives with no hour: the morning
FOLLOW_UP_AFTER = datetime.timedelta(days=7)


def mark(form, names) -> None:
    """Say on each field that its value came from the message (templates/forms/field.html)."""
    for name in names:
        form.fields[name].from_message = True


def _when(reading: Reading) -> datetime.datetime | None:
    if reading.when:
        return reading.when.replace(second=0, microsecond=0)
    if reading.day:
        return timezone.make_aware(datetime.datetime.combine(reading.day, DAY_WITHOUT_TIME))
    return None


def round_fields(reading: Reading) -> dict:
    """What a round's form can take from an invitation or a new time."""
    return _given(
        stage=reading.stage,
        occurred_at=_when(reading),
        format=reading.format,
        interviewers="\n".join(reading.interviewers),
    )


def _given(**values) -> dict:
    return {name: value for name, value in values.items() if value}


def new_round_forms(
    user, reading: Reading, application: Application | None
) -> tuple[ApplicationChoiceForm, InterviewForm]:
    """The log page's two forms: which job (the matched application, or the company and
    role read), and the round."""
    if application is not None:
        choice = ApplicationChoiceForm(user=user, initial={"application": application})
    else:
        choice = ApplicationChoiceForm(
            user=user, initial=_given(company=reading.company, role=reading.role)
        )
        mark(choice, choice.initial)
    read = round_fields(reading)
    form = InterviewForm(initial=read)
    mark(form, read)
    return choice, form


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


def rejection_form(
    user, reading: Reading, raw: str, application: Application | None
) -> RejectionForm:
    """ "I got rejected", with the message kept as it came (as text, never as HTML)."""
    initial = {"message": plain_words(raw)[:LONG_TEXT]}
    sent = reading.message.sent
    if sent and sent.date() <= timezone.localdate():
        initial["received_on"] = timezone.localdate(sent)
    if reading.stage:
        initial["stage_reached"] = reading.stage
    if application is not None:
        initial["application"] = application
    else:
        initial.update(_given(company=reading.company, role=reading.role))
    form = RejectionForm(user=user, initial=initial)
    form.fields["message"].widget.attrs["rows"] = 10  # the message they sent, in view
    mark(form, initial)
    return form
