"""Which company a message is from: its words ("the Designer role at Northwind", "The
Northwind Team"), the sender's name, and the sender's email domain, which settles a tie."""

import re
from collections import Counter

from .message import Message

# Mail from these is sent for many companies: their domain names none of them.
SHARED_DOMAINS = {
    "gmail", "googlemail", "outlook", "hotmail", "live", "yahoo", "icloud", "me", "proton",
    "protonmail", "aol", "gmx", "mail", "fastmail", "greenhouse", "lever", "workday",
    "myworkday", "myworkdayjobs", "ashbyhq", "ashby", "smartrecruiters", "icims", "teamtailor",
    "workable", "bamboohr", "recruitee", "personio", "linkedin", "indeed", "calendly",
    "jobvite", "successfactors", "taleo", "breezy", "example",
}  # fmt: skip
# A recruitment agency's or a job board's domain names the agency, not the employer.
AGENCY = re.compile(r"recruit|talent|staffing|hiring|jobs|careers|headhunt|resourcing")
# Mailboxes that send for a company, not a person: "Halcyon Insurance <noreply@...>".
COMPANY_MAILBOX = re.compile(
    r"^(?:no-?reply|do-?not-?reply|careers|jobs|talent|recruiting|recruitment|hr|people"
    r"|hiring|notifications?|bewerbung|applications?|team|hello|info)\b"
)
SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "ltd", "plc"}
# Words of a mailbox or a team, not of the company's name: "Northwind Talent Team".
NOT_THE_NAME = {
    "team", "talent", "recruiting", "recruitment", "careers", "career", "hiring", "people",
    "jobs", "hr", "acquisition", "notifications", "no-reply", "noreply", "crew", "family",
    "the", "at", "via", "from", "partner", "partners", "ta", "early",
}  # fmt: skip
NEVER_A_COMPANY = {
    "i", "we", "you", "our", "your", "the", "a", "an", "this", "thank", "thanks", "hi",
    "hello", "dear", "please", "zoom", "google", "google meet", "meet", "microsoft teams",
    "teams", "linkedin", "greenhouse", "lever", "workday", "calendly", "interview", "re",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "us",
    "uk", "london", "berlin", "paris", "remote", "it", "that", "all", "everyone", "best",
    "kind", "regards", "cheers", "unfortunately", "after", "as", "if", "on", "in", "and",
    "invitation", "update", "application", "your application", "next steps", "news",
    "congratulations", "good news", "great news", "quick one", "hey", "good luck",
}  # fmt: skip
LEGAL_ENDINGS = r"(?:\s+(?:inc|ltd|llc|gmbh|plc|limited|corp|co|ag|sa|bv|srl)\.?)$"

# At most five words of 32 characters, so a long run of capitalised words reads quickly.
_WORD = r"[\w&'\u2019.\-]{0,30}[\w&]"
NAME = rf"(?P<name>[A-Z]{_WORD}(?: (?:& )?[A-Z0-9]{_WORD}){{0,4}})"
_TEAM = r"(?: [Tt]eam| [Tt]alent| [Rr]ecruit\w*| [Hh]iring| [Cc]areers| HR| [Pp]eople)"
_AT = (
    r"(?:role|position|job|opening|vacancy|opportunity|internship|interview(?:s|ing)?|team"
    r"|career|careers|here|working|work|everyone|all of us|us|time|chat|call|coffee|meeting"
    r"|visit)"
)
_APPLIED = r"(?:applying|applied|application|interest|applications)"
_SAYS = r"(?:would like|would love|ha(?:ve|s) asked|(?:are|is) (?:pleased|happy|delighted)|wants?)"
_TEAM_OF = r"(?:[Pp]eople|[Tt]alent|[Rr]ecruiting|[Hh]iring|[Cc]areers) [Tt]eam"
CONTEXTS = [  # (weight, pattern, in the signature only): where a company's name sits
    (3, rf"\b{_AT} (?:here )?(?:at|with) {NAME}", False),
    (3, rf"\b{_APPLIED} (?:to|at|with|in|for) (?:joining )?{NAME}", False),
    (3, rf"\b(?:[Tt]he|[Ff]rom|[Yy]our|[Oo]ur) {NAME}(?={_TEAM}\b)", False),
    (3, rf"\b(?:on behalf of|[Ww]elcome to|join|joining|[Vv]isit|at the) {NAME}", False),
    (2, rf"(?:\bfrom|@) {NAME}", False),
    (2, rf"(?<![\w.] ){NAME}(?= {_SAYS} )", False),
    (2, rf"{NAME}(?= {_TEAM_OF}\b)", False),
    (2, rf"[,|] {NAME}\s*$", True),
    (2, rf"^{NAME}{_TEAM}?\s*$", True),
]  # fmt: skip
_CONTEXTS = [
    (weight, re.compile(pattern, re.MULTILINE), signature_only)
    for weight, pattern, signature_only in CONTEXTS
]
SUBJECT = [
    re.compile(rf"\b(?:at|with|from|to|for) {NAME}"),
    re.compile(rf"^{NAME}(?= (?:interview|application|update|next steps|invitation)\b)", re.I),
    re.compile(rf"^{NAME}\s*(?:[:|\u2013\u2014-]|$)"),
    re.compile(rf"[:|\u2013\u2014-]\s*{NAME}\s*$"),
]
SIGN_OFF = re.compile(
    r"^\s*(?:best|kind regards|warm regards|regards|many thanks|thanks|thank you|cheers"
    r"|all the best|warmly|sincerely|best wishes|speak soon|talk soon|yours sincerely"
    r"|yours faithfully|yours truly|with best wishes|with thanks|take care|apologies again"
    r"|beste grüße|many thanks)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)


def key(name: str) -> str:
    """A company's name for comparing: "Northwind Labs Ltd." and "northwind labs" agree."""
    name = re.sub(LEGAL_ENDINGS, "", name.strip().lower())
    return re.sub(r"[\W_]+", "", name)


def domain_label(address_or_host: str) -> str:
    """ "northwind" from priya@mail.northwind.co.uk or https://careers.northwind.io/jobs."""
    host = re.sub(r"^[a-z]+://", "", address_or_host.lower()).rpartition("@")[2]
    labels = [label for label in host.split("/")[0].split(":")[0].split(".") if label]
    if len(labels) < 2:
        return ""
    labels = labels[:-1]  # the top level: .io, .com, .uk
    if len(labels) >= 2 and labels[-1] in SECOND_LEVEL:
        labels = labels[:-1]
    label = labels[-1]
    return "" if label in SHARED_DOMAINS or AGENCY.search(label) else label


def _trimmed(name: str) -> str:
    words = name.strip(" .,;:'\u2019-").split()
    while words and words[-1].lower().strip(".,") in NOT_THE_NAME:
        words.pop()
    while words and words[0].lower() in NOT_THE_NAME:
        words.pop(0)
    name = " ".join(words[:5])
    name = re.sub(r"['\u2019]s$", "", name)
    return "" if name.lower() in NEVER_A_COMPANY or not re.search(r"[A-Za-z]", name) else name


def _from_sender(message: Message, people: set[str]) -> list[tuple[int, str]]:
    name = message.sender_name
    if not name:
        return []
    if " at " in name:
        return [(3, name.rpartition(" at ")[2])]
    if " from " in name:
        return [(3, name.rpartition(" from ")[2])]
    words = {word.lower() for word in name.split()}
    label = key(domain_label(message.sender_email))
    mailbox = message.sender_email.partition("@")[0]
    if words & NOT_THE_NAME or (label and key(name).startswith(label)):
        return [(3, name)]
    if COMPANY_MAILBOX.match(mailbox):
        return [(2, name)]
    people.update({name.lower(), name.split()[0].lower()})
    return []


def _named_in(name: str, text: str) -> bool:
    """Does the text name this company? A one-word name ("Here", "Zoom") counts only
    capitalised, so everyday words are not taken for it."""
    if len(name) < 2:
        return False
    found = re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
    return any(" " in name or match.group(0)[0].isupper() for match in found)


def candidates(
    message: Message, *, people: set[str], known: tuple[str, ...] = (), role: str = ""
) -> tuple[Counter, dict[str, Counter]]:
    found: Counter = Counter()
    forms: dict[str, Counter] = {}

    def add(weight: int, name: str) -> None:
        name = _trimmed(name)
        if not name or name.lower() in people or key(name) in (key(role), ""):
            return
        found[key(name)] += weight
        forms.setdefault(key(name), Counter())[name] += weight

    body = message.body
    for weight, name in _from_sender(message, people):
        add(weight, name)
    for pattern in SUBJECT:
        for match in pattern.finditer(message.subject):
            add(2, match["name"])
    signature = SIGN_OFF.split(body)[-1] if SIGN_OFF.search(body) else ""
    signed = signature.strip().split("\n")
    # Atop a signature of several lines, a line of its own is who wrote it.
    sender_line = len(body) - len(signature.lstrip()) + len(signed[0]) if len(signed) > 1 else 0
    for weight, pattern, signature_only in _CONTEXTS:
        for match in pattern.finditer(body):
            if signature_only and not len(body) - len(signature) <= match.start():
                continue  # a line of its own names the company only in the signature
            if signature_only and match.start() < sender_line:
                continue
            add(weight, match["name"])
    for name in known:
        if _named_in(name.strip(), body):
            add(5, name)
    label = key(domain_label(message.sender_email))
    for name_key in list(found):
        if label and name_key == label:
            found[name_key] += 4
        elif label and (name_key.startswith(label) or label.startswith(name_key)):
            found[name_key] += 2  # "Corvid" and corvidsecurity.io: likely, not certain
    return found, forms


def company_of(
    message: Message, *, people: set[str], known: tuple[str, ...] = (), role: str = ""
) -> str:
    """The company's name as the message writes it ("" when it gives none). `people`
    collects the sender's name, which is never the company."""
    found, forms = candidates(message, people=people, known=known, role=role)
    if found:
        best = max(found, key=lambda name_key: found[name_key])
        return forms[best].most_common(1)[0][0]
    label = domain_label(message.sender_email)
    return label.capitalize() if label else ""
