"""The export in forms a person can read without Rebound: Markdown and CSV.

rebound.json holds every field; these hold what a person would look for, laid out the way
the app shows it. Each reads its rows with .iterator(), a fixed number of queries in all.
"""

import csv
import datetime
import io
import json
from collections.abc import Iterator

from django.db.models import Count, F
from django.utils import timezone
from django.utils.text import slugify

from apps.interviews.models import EXCITEMENT, Application, Interview, Question
from apps.journal.models import MOODS, Entry
from apps.strengths.models import Achievement, Strength, Supporter

from .streaming import CHUNK_ROWS, Grouped

# ---- Markdown -----------------------------------------------------------------------------


def _scalar(value) -> str:
    """A value for YAML front matter: dates bare, text quoted (JSON quoting is valid YAML)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def front_matter(items: dict, notes: dict | None = None) -> str:
    """'---' lines with one 'key: value' each, skipping what is empty. A note such as a
    mood's name goes after the value as a YAML comment."""
    notes = notes or {}
    lines = ["---"]
    for key, value in items.items():
        if value is None or value in ("", []):
            continue
        note = f"  # {notes[key]}" if notes.get(key) else ""
        lines.append(f"{key}: {_scalar(value)}{note}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _day(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def _file_name(folder: str, *words: str, pk: int) -> str:
    slug = slugify(" ".join(word for word in words if word), allow_unicode=True)[:60].strip("-")
    return f"{folder}/{slug or 'untitled'}-{pk}.md"


def _section(title, text) -> str:
    text = str(text or "").strip()  # answers are a JSON list: read them as text, whatever they hold
    return f"## {title}\n\n{text}\n\n" if text else ""


def entry_files(user, zone) -> Iterator[tuple[str, Iterator[str]]]:
    entries = (
        Entry.objects.filter(owner=user)
        .select_related("application")
        .order_by("written_on", "pk")
        .iterator(chunk_size=CHUNK_ROWS)
    )
    for entry in entries:
        name = _file_name("journal", entry.written_on.isoformat(), entry.display_title, pk=entry.pk)
        yield name, iter([entry_markdown(entry)])


def entry_markdown(entry: Entry) -> str:
    guide = entry.guide_info
    text = front_matter(
        {
            "date": entry.written_on,
            "title": entry.display_title,
            "guide": guide.title if guide else entry.guide,
            "mood_before": entry.mood_before,
            "mood_after": entry.mood_after,
            "tags": entry.tag_list,
            "draft": entry.is_draft,
            "application": str(entry.application) if entry.application else None,
        },
        notes={
            "mood_before": MOODS.get(entry.mood_before),
            "mood_after": MOODS.get(entry.mood_after),
        },
    )
    text += f"# {entry.display_title}\n\n"
    for prompt, answer in entry.prompts_and_answers:
        text += _section(prompt, answer)
    text += _section("Your own words", entry.body) if entry.prompts else entry.body.strip() + "\n"
    return text


def application_files(user, zone) -> Iterator[tuple[str, Iterator[str]]]:
    """One file per application, its rounds and their questions read beside it in the
    same order: three queries for every application there is."""
    applications = Application.objects.filter(owner=user).order_by("pk")
    rounds = Interview.objects.filter(owner=user).order_by("application_id", "occurred_at", "pk")
    questions = Question.objects.filter(owner=user).order_by(
        "interview__application_id", "interview__occurred_at", "interview_id", "pk"
    )
    rounds_by_application = Grouped(
        rounds.iterator(chunk_size=CHUNK_ROWS), key=lambda round_: round_.application_id
    )
    questions_by_round = Grouped(
        questions.iterator(chunk_size=CHUNK_ROWS), key=lambda question: question.interview_id
    )
    for application in applications.iterator(chunk_size=CHUNK_ROWS):
        its_rounds = [
            (round_, questions_by_round.take(round_.pk))
            for round_ in rounds_by_application.take(application.pk)
        ]
        name = _file_name("applications", application.company, application.role, pk=application.pk)
        yield name, iter([application_markdown(application, its_rounds, zone)])


def application_markdown(application: Application, rounds: list, zone) -> str:
    text = front_matter(
        {
            "company": application.company,
            "role": application.role,
            "status": application.get_status_display(),
            "applied_on": application.applied_on,
            "link": application.link,
            "location": application.location,
            "work_mode": application.get_work_mode_display(),
            "source": application.source,
            "excitement": application.excitement,
            "motivation": application.get_motivation_display(),
        },
        notes={"excitement": EXCITEMENT.get(application.excitement)},
    )
    text += f"# {application.role} at {application.company}\n\n"
    text += _section("Why you want this job", application.why_i_want_this)
    if rounds:
        text += "## Rounds\n\n"
    for round_, questions in rounds:
        text += round_markdown(round_, questions, zone)
    return text


def round_markdown(round_: Interview, questions: list[Question], zone) -> str:
    at = timezone.localtime(round_.occurred_at, zone)
    when = f"{at.day} {at:%B %Y, %H:%M}"
    text = f"### {round_.get_stage_display()}, {when}\n\n"
    facts = [
        ("Format", round_.get_format_display()),
        ("Length", f"{round_.length_minutes} minutes" if round_.length_minutes else ""),
        ("How it felt", f"{round_.gut_feeling} ({round_.gut_feeling_label})"),
        ("Follow up on", _day(round_.follow_up_on)),
        ("Thank-you note sent on", _day(round_.thank_you_sent_on)),
    ]
    if not round_.gut_feeling:
        facts.pop(2)
    text += "".join(f"- {label}: {value}\n" for label, value in facts if value)
    done = [str(label) for label, ticked in round_.preparation if ticked]
    if done:
        text += "- Preparation: " + "; ".join(done) + "\n"
    if round_.interviewer_list:
        text += "- Interviewers: " + "; ".join(round_.interviewer_list) + "\n"
    text += "\n"
    for label, value in round_.reflection:
        text += f"**{str(label).capitalize()}**\n\n{value.strip()}\n\n"
    if questions:
        text += "#### Questions\n\n"
    for question in questions:
        details = [question.get_kind_display(), question.get_outcome_display()]
        if question.times_practised:
            details.append(f"practised {question.times_practised} times")
        shown = ", ".join(detail for detail in details if detail)
        text += f"- **{question.text.strip()}**" + (f" ({shown})" if shown else "") + "\n"
        if question.my_answer.strip():
            text += f"  - My answer: {question.my_answer.strip()}\n"
        if question.better_answer.strip():
            text += f"  - A better answer: {question.better_answer.strip()}\n"
    return text + ("\n" if questions else "")


def strengths_page(user) -> Iterator[str]:
    """The strengths page as one file: strengths, achievements, great answers, people."""
    yield "# Your strengths\n\n## Strengths\n\n"
    strengths = Strength.objects.filter(owner=user).order_by(*Strength._meta.ordering)
    for strength in strengths.iterator(chunk_size=CHUNK_ROWS):
        yield f"### {strength.name}\n\n"
        if strength.evidence.strip():
            yield f"{strength.evidence.strip()}\n\n"
        yield f"_{strength.get_source_display()}_\n\n"

    yield "## Achievements\n\n"
    # Achievements, and the names of the strengths each shows read beside them in the same
    # order (an ordered string aggregate is not on every database).
    order = [F("month").desc(nulls_last=True), "-pk"]
    achievements = Achievement.objects.filter(owner=user).order_by(*order)
    shown = Achievement.strengths.through.objects.filter(achievement__owner=user).order_by(
        F("achievement__month").desc(nulls_last=True), "-achievement_id", "strength__name"
    )
    names = Grouped(
        shown.values_list("achievement_id", "strength__name").iterator(chunk_size=CHUNK_ROWS),
        key=lambda pair: pair[0],
    )
    for achievement in achievements.iterator(chunk_size=CHUNK_ROWS):
        shows = ", ".join(name for _, name in names.take(achievement.pk))
        when = achievement.month.strftime("%B %Y") + ", " if achievement.month else ""
        yield f"### {achievement.title}\n\n_{when}{achievement.get_kind_display()}_\n\n"
        for label, value in (
            ("Situation", achievement.situation),
            ("What you did", achievement.action),
            ("Result", achievement.result),
        ):
            if value.strip():
                yield f"**{label}:** {value.strip()}\n\n"
        if shows:
            yield f"Shows: {shows}\n\n"

    yield "## Great answers\n\n"
    great = (
        Question.objects.filter(owner=user, outcome=Question.Outcome.ROCKED)
        .select_related("interview__application")
        .order_by(F("interview__occurred_at").desc(), "pk")
    )
    for question in great.iterator(chunk_size=CHUNK_ROWS):
        yield f"- **{question.text.strip()}** ({question.interview.application.company})\n"
        if question.my_answer.strip():
            yield f"  - {question.my_answer.strip()}\n"

    yield "\n## People in your corner\n\n"
    for supporter in Supporter.objects.filter(owner=user).iterator(chunk_size=CHUNK_ROWS):
        ways = ", ".join(way for way in (supporter.email, supporter.phone) if way)
        yield (
            f"- **{supporter.name}**"
            + (f": {supporter.how_they_help}" if supporter.how_they_help else "")
            + (f" ({ways})" if ways else "")
            + "\n"
        )


# ---- CSV ----------------------------------------------------------------------------------

# A spreadsheet runs a cell that starts with one of these as a formula (and some reach the
# network or the shell), so a company called "=HYPERLINK(...)" could. A leading apostrophe
# makes it plain text again, shown as typed.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str | int:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_lines(header: list[str], rows: Iterator[list]) -> Iterator[str]:
    # The byte-order mark tells spreadsheet apps the file is UTF-8, so "é" stays "é".
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    yield "\ufeff" + buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([safe_cell(value) for value in row])
        yield buffer.getvalue()


APPLICATION_COLUMNS = [
    "Rebound id",
    "Company",
    "Role",
    "Status",
    "Applied on",
    "Link",
    "Location",
    "On-site or remote",
    "Where you found it",
    "Excitement (1-5)",
    "What draws you to it",
    "Why you want this job",
    "Rounds",
    "Added on",
]


def applications_csv(user) -> Iterator[str]:
    applications = (
        Application.objects.filter(owner=user)
        .annotate(round_count=Count("interviews"))
        .order_by("pk")
    )
    rows = (
        [
            application.pk,
            application.company,
            application.role,
            application.get_status_display(),
            _day(application.applied_on),
            application.link,
            application.location,
            application.get_work_mode_display(),
            application.source,
            application.excitement,
            application.get_motivation_display(),
            application.why_i_want_this,
            application.round_count,
            application.created_at.date().isoformat(),
        ]
        for application in applications.iterator(chunk_size=CHUNK_ROWS)
    )
    return _csv_lines(APPLICATION_COLUMNS, rows)


REFLECTION_COLUMNS = [
    str(Interview._meta.get_field(name).verbose_name).capitalize()
    for name in Interview.REFLECTION_FIELDS
]
ROUND_COLUMNS = [
    "Rebound id",
    "Application id",
    "Company",
    "Role",
    "Stage",
    "When",
    "Length (minutes)",
    "Format",
    "How it felt (1-5)",
    "Interviewers",
    *REFLECTION_COLUMNS,
    "Follow up on",
    "Thank-you note sent on",
    "Questions",
]


def rounds_csv(user, zone) -> Iterator[str]:
    rounds = (
        Interview.objects.filter(owner=user)
        .select_related("application")
        .annotate(question_count=Count("questions"))
        .order_by("application_id", "occurred_at", "pk")
    )
    rows = (
        [
            round_.pk,
            round_.application_id,
            round_.application.company,
            round_.application.role,
            round_.get_stage_display(),
            timezone.localtime(round_.occurred_at, zone).strftime("%Y-%m-%d %H:%M"),
            round_.length_minutes,
            round_.get_format_display(),
            round_.gut_feeling,
            "; ".join(round_.interviewer_list),
            *[getattr(round_, name) for name in Interview.REFLECTION_FIELDS],
            _day(round_.follow_up_on),
            _day(round_.thank_you_sent_on),
            round_.question_count,
        ]
        for round_ in rounds.iterator(chunk_size=CHUNK_ROWS)
    )
    return _csv_lines(ROUND_COLUMNS, rows)
