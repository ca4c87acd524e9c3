"""What deleting an application or a round takes with it, and what stays, in words."""

from django.utils import timezone
from django.utils.formats import date_format

from apps.core.shortcuts import Deletion
from apps.core.text import count_of

from .models import Application, Interview


def application_deletion(application: Application) -> Deletion:
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


def _entries_stay(count: int) -> str:
    entries = count_of(count, "journal entry", "journal entries")
    verb = "stays" if count == 1 else "stay"
    return f"{entries} about it {verb} in your journal, no longer linked to it."


def interview_deletion(interview: Interview) -> Deletion:
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
