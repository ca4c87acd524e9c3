"""The sentences Insights says with numbers in them: each number with its word in the
singular or plural, and a step nothing reached yet said kindly instead of as a 0."""

import datetime

from django.utils.translation import ngettext


def count(n: int, singular: str, plural: str = "") -> str:
    """ "1 application", "3 applications": the number with its word, singular or plural."""
    return f"{n} {ngettext(singular, plural or singular + 's', n)}"


def of(part: int, whole: int) -> str:
    return f"{part} of {whole}"


def days(duration: datetime.timedelta | None) -> int | None:
    if duration is None:
        return None
    return max(0, round(duration.total_seconds() / 86400))


def in_days(days: int) -> str:
    return "the same day" if days == 0 else "1 day" if days == 1 else f"{days} days"


def funnel_words(totals: dict) -> str:
    """How far they got, in words; a step nothing reached yet is said kindly, not as a 0."""
    applied, heard, interviewed = totals["applied"], totals["heard"], totals["interviewed"]
    sent = count(applied, "application")
    if not heard:
        return (
            f"You have sent {sent}, and none has heard back yet. Answers often take weeks, "
            "so it is early days."
        )
    if not interviewed:
        return (
            f"Of your {sent}, {heard} heard back, and none has led to an interview yet. "
            "It is early days: hearing back at all is a step."
        )
    words = f"Of your {sent}, {heard} heard back and {interviewed} led to an interview."
    if totals["final"]:
        words += f" Of those, {totals['final']} reached a final round"
        words += f" and {totals['offer']} became an offer." if totals["offer"] else "."
    else:
        words += " A final round often takes a few weeks more, so it is early days."
    return words


def did(numbers) -> str:
    parts = [f"{count(numbers.applications, 'application')} sent"]
    if numbers.rounds_done:
        parts.append(f"{count(numbers.rounds_done, 'interview round')} done")
    if numbers.great_answers:
        parts.append(f"{count(numbers.great_answers, 'answer')} you rocked")
    return "What you did along the way: " + ", ".join(parts) + "."


def practice_words(practice: dict) -> str:
    struggled = practice["struggled"]
    if not struggled:
        return ""
    words = f"You found {count(struggled, 'question')} hard."
    practised, better = practice["practised"], practice["better"]
    if practised:
        them = "it" if struggled == 1 else f"{practised} of them"
        words += f" You have practised {them}"
    else:
        words += " You haven't practised " + ("it" if struggled == 1 else "them") + " yet"
    if better:
        came = "it came" if better == 1 else "they came"
        words += f", and {better} went well when {came} up again"
        if practice["practised_better"]:
            words += f" ({practice['practised_better']} of those after practice)"
    return words + "."
