"""Who the person will meet ("You'll meet Priya Shah (Engineering Manager) and Tom Green,
Head of Design") and the role the message is about."""

import itertools
import re

PERSON = (  # case matters even inside patterns that ignore it
    r"(?P<person>(?-i:[A-Z][a-zà-ÿ'\u2019\-]+"
    r"(?: (?:van |de |da |von |O')?[A-Z][a-zà-ÿ'\u2019\-]+){1,2}))"
)
TITLE_WORDS = (
    r"manager|engineer|designer|lead|head|director|recruiter|partner|founder|ceo|cto|cfo|coo"
    r"|vp|president|officer|scientist|analyst|developer|architect|product|talent|coordinator"
    r"|specialist|principal|staff|senior|researcher|owner|chief|editor|consultant|advisor"
)
TITLE = rf"(?P<title>[\w&/\- ]{{0,40}}?\b(?:{TITLE_WORDS})\b[\w&/\- ]{{0,30}}?)"
MEETING = re.compile(
    r"(?:meet(?:ing)?|speak(?:ing)? (?:with|to)|talk(?:ing)? (?:with|to)|chat(?:ting)? with"
    r"|pair(?:ing)? with|interview(?:ed|ing)? (?:with|by)|joined by|panel (?:will be|is|includes)"
    r"|interviewers?"
    r"(?: will be| are| is)?|with you|hosted by|led by|be with)\s*:?\s*",
    re.IGNORECASE,
)
MEETINGS_READ = 8  # "You'll meet …" phrases read, at most
SEGMENT_MOST = 300  # characters after each
SEGMENT_END = re.compile(r"(?<!\b[A-Z])[.!?](?:\s|$)|\n\s*\n")
TITLED = [
    re.compile(rf"{PERSON}\s*\((?P<title>[^)]{{2,60}})\)"),
    re.compile(rf"{PERSON}\s*(?:,|\u2013|\u2014| - )\s*"
               rf"(?:our |the |a |who is (?:our |the )?)?{TITLE}"
               r"(?=\s*(?:,|;|\band\b|\)|$|\n|\.))", re.I),
    re.compile(rf"(?:our|the|a) {TITLE},?\s+{PERSON}", re.I),
    re.compile(PERSON),
]  # fmt: skip
NOT_PEOPLE = {"google meet", "microsoft teams", "zoom", "head of", "kind regards"}

_WORD = r"(?!(?:the|in|for|your|our|to|with|at|an?|this|that|is|was|about|we|you)\b)"
ROLE = rf"(?P<role>{_WORD}[A-Za-z][\w/&+\-]*(?: {_WORD}[A-Za-z(][\w/&+\-)]*){{0,6}}?)"
ROLE_PATTERNS = [
    re.compile(rf"\b(?:for|about|on|to) (?:the|our|your|an?|this) {ROLE} (?:role|position"
               r"|job|opening|vacancy|post)\b", re.I),
    re.compile(rf"\b(?:the|our|your) {ROLE} (?:role|position|opening|vacancy)\b", re.I),
    re.compile(rf"\b(?:role|position|post) of {ROLE}(?= at | with |[,.;\n]|$)", re.I),
    re.compile(rf"\b(?:application|applying|applied) (?:for|to) (?:the |our )?{ROLE}"
               r"(?= (?:at|with|here)\b|[,.;\n]|$)", re.I),
    re.compile(rf"\bas (?:an?|our) {ROLE} (?:at|with|here)\b", re.I),
]  # fmt: skip
DASH = "\u2013\u2014"
ROLE_IN_SUBJECT = [
    re.compile(rf"(?:interview|application|invitation|update|visit|call|chat|meeting)\w*\b"
               rf"[^:{DASH}|-]*[:{DASH}|-]\s*"
               rf"{ROLE}$", re.I),
    re.compile(rf"^{ROLE}\s*[:\u2013\u2014|-]\s*(?:interview|application|next steps|update)", re.I),
    re.compile(rf"\b(?:for|as) (?:the |an? )?{ROLE}(?: (?:role|position))?(?: at .*)?$", re.I),
]  # fmt: skip
NOT_A_ROLE = {"next", "first", "second", "final", "this", "same", "interview", "open", "new"}


def _listed_after(text: str, at: int) -> str:
    """The lines of a list after "You will meet:", up to the first blank line after it."""
    lines = []
    for line in text[at : at + 600].split("\n"):
        if not line.strip() and lines:
            break
        if line.strip():
            lines.append(line.strip(" -*\u2022\t"))
    return "\n".join(lines[:8])


def _clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" ,;.-\u2013").strip()


def interviewers_in(text: str, *, companies: set[str]) -> list[str]:
    """ "Name, title" for each person the message says they will meet, in order."""
    people: list[str] = []
    seen: set[str] = set()
    for start in itertools.islice(MEETING.finditer(text), MEETINGS_READ):
        end = SEGMENT_END.search(text, start.end(), start.end() + SEGMENT_MOST)
        segment = text[start.end() : end.start() if end else start.end() + SEGMENT_MOST]
        if not segment.strip() or text[start.end() - 2 : start.end()].strip() == ":":
            segment = _listed_after(text, start.end())
        taken: list[tuple[int, int]] = []
        for pattern in TITLED:
            for match in pattern.finditer(segment):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                name = match["person"]
                if name.lower() in NOT_PEOPLE or name.lower() in companies:
                    continue
                if name.split()[0].lower() in {"head", "our", "the", "you"}:
                    continue
                taken.append(match.span())
                if name.lower() in seen:
                    continue
                seen.add(name.lower())
                title = _clean_title(match.groupdict().get("title") or "")
                people.append((match.start() + start.end(), f"{name}, {title}" if title else name))
    return [person for _, person in sorted(people)]


def _clean_role(role: str) -> str:
    role = re.sub(r"^(?:open|new|exciting|current)\s+", "", role.strip(" -\u2013:,."), flags=re.I)
    return "" if role.lower() in NOT_A_ROLE or len(role) < 2 else role


def role_in(body: str) -> str:
    for pattern in ROLE_PATTERNS:
        for match in pattern.finditer(body):
            if role := _clean_role(match["role"]):
                return role
    return ""


def role_in_subject(subject: str, *, not_this: str) -> str:
    """A subject's role ("Interview: Data Analyst"), unless it is the company's name."""
    for pattern in ROLE_IN_SUBJECT:
        match = pattern.search(subject)
        role = _clean_role(match["role"]) if match else ""
        if role and role.lower() != not_this.lower():
            return role
    return ""
