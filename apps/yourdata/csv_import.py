"""Applications from another tracker's CSV: read the table, guess which column is which and
what each status word means, check every line, then add them all in one go.

Nothing is written until the person has seen the preview; then every application is added
in one transaction, or none is.
"""

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from apps.core.models import LONG_TEXT, already_happened
from apps.interviews.models import Application

from .csv_dates import EARLIEST_YEAR, read_date

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 40
MAX_STATUS_WORDS = 40

Status = Application.Status
WorkMode = Application.WorkMode


class CsvRefused(Exception):
    """The upload can't be read as a table; the message says why, for the person."""


# ---- The columns ----------------------------------------------------------------------------

TARGETS = [
    ("", "Leave it out"),
    ("company", "Company"),
    ("role", "Role"),
    ("status", "Status"),
    ("applied_on", "Date applied"),
    ("link", "Link to the job ad"),
    ("location", "Location"),
    ("work_mode", "On-site or remote"),
    ("source", "Where you found it"),
    ("excitement", "How excited you are (1 to 5)"),
    ("why_i_want_this", "Why you want this job"),
]
REQUIRED = ("company", "role")


def _words(text: str) -> set[str]:
    return {word.strip() for word in text.split(",")}


# Header names other trackers (and spreadsheets kept by hand) use, as tidy() leaves them.
HEADER_NAMES = {
    "company": _words("company, company name, employer, organisation, organization, org"),
    "role": _words("role, position, job title, title, job, job role, position title"),
    "status": _words("status, stage, state, outcome, application status"),
    "applied_on": _words(
        "applied on, date applied, applied, application date, applied date, date, "
        "date of application, applied at"
    ),
    "link": _words("link, url, job link, job url, posting, job posting, link to the job ad"),
    "location": _words("location, city, place, office"),
    "work_mode": _words("on-site or remote, remote, work mode, work type, workplace type"),
    "source": _words("source, where you found it, found via, found on, job board, platform"),
    "excitement": _words("excitement, excitement 1-5, interest level, rating"),
    "why_i_want_this": _words("why you want this job, why, why this job"),
}

# ---- Status words -------------------------------------------------------------------------

STATUS_WORDS = {
    Status.APPLIED: _words(
        "applied, submitted, application submitted, application sent, sent, pending, "
        "waiting, in review, under review, received"
    ),
    Status.INTERVIEWING: _words(
        "interviewing, interview, interviews, interview scheduled, phone screen, screening, "
        "screen, in progress, in process, technical, on-site, onsite, final round, assessment"
    ),
    Status.OFFER: _words("offer, offered, offer received, accepted, offer accepted, hired"),
    Status.REJECTED: _words(
        "rejected, declined, not selected, unsuccessful, turned down, rejection"
    ),
    Status.WITHDRAWN: _words(
        "withdrawn, withdrew, i withdrew, offer declined, declined offer, retracted, "
        "cancelled, canceled"
    ),
    Status.NO_RESPONSE: _words(
        "ghosted, no response, no reply, no answer, silence, unanswered, no news"
    ),
}
WORK_MODE_WORDS = {
    WorkMode.ON_SITE: _words("on-site, onsite, on site, office, in office, in person"),
    WorkMode.HYBRID: _words("hybrid, flexible"),
    WorkMode.REMOTE: _words("remote, fully remote, remote only, home, work from home, wfh"),
}


def tidy(text: str) -> str:
    """'  Date Applied: ' -> 'date applied': lower case, single spaces, no stray marks."""
    text = re.sub(r"[^\w\s/-]", " ", text.casefold())
    return " ".join(text.replace("_", " ").split())


def _lookup(words: dict, text: str) -> str | None:
    tidied = tidy(text)
    return next((str(value) for value, names in words.items() if tidied in names), None)


def guess_status(word: str) -> str:
    """A status word in the file, as one of Rebound's statuses ('' when we can't tell)."""
    for value, label in Status.choices:
        if tidy(word) in {value.replace("_", " "), tidy(label)}:
            return value
    return _lookup(STATUS_WORDS, word) or ""


def status_field_name(word: str) -> str:
    """A form field name for one status word, the same whichever column it came from."""
    return "status_" + hashlib.blake2s(tidy(word).encode(), digest_size=6).hexdigest()


# ---- The table -------------------------------------------------------------------------------


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number in the file, cells)

    def column(self, index: int) -> list[str]:
        return [cells[index] for _, cells in self.rows if index < len(cells)]

    def samples(self, index: int, count: int = 3) -> list[str]:
        return [value for value in self.column(index) if value.strip()][:count]


def decode(raw: bytes) -> str:
    """Text from a spreadsheet app's CSV: UTF-8 (with or without its mark), UTF-16 as
    Excel's "Unicode text" writes it, else Windows' Western encoding."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_table(text: str) -> Table:
    text = text.replace("\x00", "")
    if not text.strip():
        raise CsvRefused("This file is empty.")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header, rows = None, []
    try:
        while True:
            line = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                break
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = [cell.strip() for cell in cells]
            else:
                rows.append((line, cells))
            if len(rows) > MAX_ROWS:
                raise CsvRefused(f"This file has more than {MAX_ROWS:,} rows. Split it in two.")
    except csv.Error:
        raise CsvRefused(
            f"Line {reader.line_num} can't be read as CSV. Save the file as CSV from your "
            "spreadsheet app and try again."
        ) from None
    if header is None or not rows:
        raise CsvRefused("This file has a header row but no applications under it.")
    if len(header) > MAX_COLUMNS:
        raise CsvRefused(f"This file has more than {MAX_COLUMNS} columns.")
    return Table(header=header, rows=rows)


def guess_columns(header: list[str]) -> list[str]:
    """Which field each column holds, from its name; each field for one column at most."""
    taken: set[str] = set()
    guesses = []
    for name in header:
        guess = _lookup(HEADER_NAMES, name) or ""
        if guess in taken:
            guess = ""
        taken.add(guess)
        guesses.append(guess)
    return guesses


def status_words(table: Table, columns: list[str]) -> list[str]:
    """The different status words in the status column, as first written."""
    if "status" not in columns:
        return []
    words: dict[str, str] = {}
    for value in table.column(columns.index("status")):
        if value.strip():
            words.setdefault(tidy(value), value.strip())
    return list(words.values())[:MAX_STATUS_WORDS]


# ---- Checking every line --------------------------------------------------------------------


@dataclass
class Plan:
    """What the person chose on the preview."""

    columns: list[str]  # a target per column, "" to leave it out
    statuses: dict[str, str]  # tidy status word -> status value
    day_first: bool = True


@dataclass
class Checked:
    ready: list[tuple[int, Application]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    problem_lines: int = 0
    already_here: int = 0


def check(table: Table, plan: Plan, user) -> Checked:
    """Every line as an application, or what is wrong with it, by line number."""
    checked = Checked()
    existing = {
        _same_as(Application(company=company, role=role, applied_on=applied_on))
        for company, role, applied_on in Application.objects.for_user(user).values_list(
            "company", "role", "applied_on"
        )
    }
    for line, cells in table.rows:
        values = {
            target: _cell(cells, index) for index, target in enumerate(plan.columns) if target
        }
        application, problems = _application(user, values, plan)
        if any(cell.strip() for cell in cells[len(table.header) :]):
            problems.append(
                f"it has {len(cells)} values where the header names {len(table.header)}: "
                "a comma too many, perhaps."
            )
        if problems:
            checked.problems += [f"Line {line}: {problem}" for problem in problems]
            checked.problem_lines += 1
        elif _same_as(application) in existing:
            checked.already_here += 1
        else:
            checked.ready.append((line, application))
    return checked


def _same_as(application: Application) -> tuple:
    """Applications count as the same when company, role and date applied all match."""
    return (application.company.casefold(), application.role.casefold(), application.applied_on)


def _cell(cells: list[str], index: int) -> str:
    value = cells[index].strip() if index < len(cells) else ""
    # Rebound's own export marks text that looks like a formula with an apostrophe.
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        value = value[1:]
    return value


def _application(user, values: dict[str, str], plan: Plan) -> tuple[Application, list[str]]:
    problems = []
    application = Application(owner=user)
    for name, label in (("company", "company"), ("role", "role")):
        if not values.get(name):
            problems.append(f"the {label} is empty.")
    word = values.get("status", "")
    application.status = plan.statuses.get(tidy(word), "") if word else Status.APPLIED
    if word and not application.status:
        problems.append(f"{quoted(word)} isn't a status we know. Choose what it means above.")
    if date_text := values.get("applied_on"):
        applied_on = read_date(date_text, plan.day_first)
        if applied_on is None:
            problems.append(
                f"{quoted(date_text)} isn't a date we can read. Dates like 2026-03-04, "
                "04/03/2026 or 4 Mar 2026 work."
            )
        elif applied_on.year < EARLIEST_YEAR:
            problems.append(f"{quoted(date_text)} is long ago. Check the year.")
        else:
            try:
                already_happened(applied_on)
                application.applied_on = applied_on
            except ValidationError:
                problems.append(
                    f"{quoted(date_text)} is still to come. The date applied has happened."
                )
    if link := values.get("link"):
        link = link if "://" in link else f"https://{link}"
        try:
            URLValidator(schemes=["http", "https"])(link)
            application.link = link
        except ValidationError:
            problems.append(f"{quoted(values['link'])} isn't a web address.")
    if mode := values.get("work_mode"):
        application.work_mode = _lookup(WORK_MODE_WORDS, mode) or ""
        if not application.work_mode:
            problems.append(f"{quoted(mode)} isn't on-site, hybrid or remote.")
    if excitement := values.get("excitement"):
        if excitement in {"1", "2", "3", "4", "5"}:
            application.excitement = int(excitement)
        else:
            problems.append(f"{quoted(excitement)} isn't a number from 1 to 5.")
    for name in ("company", "role", "location", "source", "why_i_want_this"):
        if name in values:
            setattr(application, name, values[name])
    for name in ("company", "role", "link", "location", "source"):
        limit = Application._meta.get_field(name).max_length
        if len(getattr(application, name)) > limit:
            problems.append(f"the {_label(name)} is longer than {limit} characters.")
    if len(application.why_i_want_this) > LONG_TEXT:
        problems.append(f"the reason you want the job is longer than {LONG_TEXT:,} characters.")
    return application, problems


def quoted(value: str, limit: int = 28) -> str:
    """A value from the file, in quotes and short enough to read (and to fit a phone)."""
    return f"“{value if len(value) <= limit else value[: limit - 1] + '…'}”"


def _label(target: str) -> str:
    return dict(TARGETS)[target].lower()


def add_applications(checked: Checked) -> int:
    """Every ready application, in one transaction: all of them, or none."""
    with transaction.atomic():
        Application.objects.bulk_create([application for _, application in checked.ready])
    return len(checked.ready)
