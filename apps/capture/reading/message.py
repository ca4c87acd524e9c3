"""A pasted message taken apart: who sent it, its subject, when, and its words as plain
text (an HTML body is read for its text only: nothing of it is ever shown as HTML)."""

import datetime
import email.utils
import re
from dataclasses import dataclass
from html.parser import HTMLParser

HEADER = re.compile(
    r"^\s*(from|to|cc|subject|date|sent|reply-to)\s*:\s*(.*?)\s*$", re.IGNORECASE | re.MULTILINE
)
LOOKS_LIKE_HTML = re.compile(r"<\s*(html|body|div|p|br|table|span|td|a)\b", re.IGNORECASE)
# Bounded like real addresses are, so a long run of letters is read in linear time.
EMAIL_ADDRESS = re.compile(
    r"(?<![\w.+\-])[\w.+\-]{1,64}@([A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,5})"
)
HEADER_LINES_READ = 20  # headers sit at the top (or atop a forwarded message)
# Where the earlier messages of a reply begin: "On Mon, 16 Nov 2026 at 09:12, Jo <jo@x>
# wrote:" (on one line or two), Outlook's "-----Original Message-----", or its "From: …"
# block with a "Sent:" or "Date:" line just under it.
REPLY_HEADER = re.compile(r"^\s*On\b.{0,300}\bwrote\s*:\s*$", re.IGNORECASE | re.DOTALL)
ORIGINAL = re.compile(r"^\s*-{2,}\s*original message\s*-{2,}\s*$", re.IGNORECASE)
FORWARDED = re.compile(r"^\s*-{2,}\s*(?:begin )?forwarded message\s*:?\s*-*\s*$", re.I)
SENT_UNDER = re.compile(r"^\s*(?:sent|date)\s*:", re.IGNORECASE)
WORDS_ABOVE_A_FORWARD = 8  # a short "fyi" above a forward: the forward is the message


@dataclass(frozen=True)
class Message:
    sender_name: str = ""
    sender_email: str = ""
    subject: str = ""
    sent: datetime.datetime | None = None
    body: str = ""  # the new message only: never the earlier ones quoted under it
    quoted: str = ""  # those earlier messages, read only for the company's name

    @property
    def sender_domain(self) -> str:
        return self.sender_email.rpartition("@")[2].lower()

    @property
    def all_text(self) -> str:
        return f"{self.subject}\n{self.body}"


class _TextOfHtml(HTMLParser):
    """The words of an HTML body, a line for each block; scripts and styles dropped."""

    BLOCKS = {"div", "br", "tr", "li"}
    PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "table", "ul", "ol", "blockquote"}
    SKIPPED = {"script", "style", "head", "title", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def _break(self, lines: str = "\n") -> None:
        """One line break between blocks (a row's cells stay with the row); a paragraph
        ends with a blank line."""
        ending = "".join(self.parts[-4:]).rstrip(" ")
        self.parts.append(lines[len(ending) - len(ending.rstrip("\n")) :])

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS | self.PARAGRAPHS:
            self._break("\n\n" if tag in self.PARAGRAPHS else "\n")
        elif tag == "td":
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS | self.PARAGRAPHS:
            self._break("\n\n" if tag in self.PARAGRAPHS else "\n")

    def handle_data(self, data):
        text = re.sub(r"[ \t\r\n]+", " ", data)
        if self.skipping or (text == " " and (not self.parts or self.parts[-1].endswith("\n"))):
            return
        self.parts.append(text)


def text_of_html(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def plain_words(raw: str) -> str:
    """The pasted text without NUL characters, with one kind of line break, and as text
    when it was HTML."""
    text = raw.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return text_of_html(text) if LOOKS_LIKE_HTML.search(text) else text


def _sent_at(value: str) -> datetime.datetime | None:
    try:
        sent = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return sent if sent.tzinfo is not None else None


def _starts_the_quote(lines: list[str], number: int) -> bool:
    line = lines[number]
    if ORIGINAL.match(line) or REPLY_HEADER.match(line):
        return True
    if re.match(r"^\s*On\b", line) and number + 1 < len(lines):  # wrapped over two lines
        return bool(REPLY_HEADER.match(f"{line} {lines[number + 1]}"))
    below = lines[number + 1 : number + 4]
    return bool(re.match(r"^\s*from\s*:", line, re.I)) and any(map(SENT_UNDER.match, below))


def split_quoted(text: str) -> tuple[str, str]:
    """The new message, and what it quotes: lines starting with ">", and everything from
    where a reply's earlier messages (or a forward under a note) begin. Headers at the
    top are the new message's own; with no words of its own, nothing is taken as quoted."""
    lines = text.split("\n")
    new: list[str] = []
    words = 0
    for number, line in enumerate(lines):
        if words and (
            _starts_the_quote(lines, number)
            or (FORWARDED.match(line) and words >= WORDS_ABOVE_A_FORWARD)
        ):
            return "\n".join(new), "\n".join(lines[number:])
        if not line.lstrip().startswith(">"):
            new.append(line)
            if not HEADER.match(line) and not FORWARDED.match(line):
                words += len(line.split())
    quoted = [line for line in lines if line.lstrip().startswith(">")]
    if not words:
        return text, ""
    return "\n".join(new), "\n".join(line.lstrip()[1:].lstrip() for line in quoted)


def read_message(raw: str) -> Message:
    text, quoted = split_quoted(plain_words(raw))
    lines = text.split("\n")
    headers: dict[str, str] = {}
    kept = []
    for number, line in enumerate(lines):
        match = HEADER.match(line) if number < HEADER_LINES_READ else None
        if match:
            headers.setdefault(match.group(1).lower(), match.group(2))
        else:
            kept.append(line)
    sender_name, sender_email = email.utils.parseaddr(headers.get("from", ""))
    if "@" not in sender_email:
        sender_email = ""
        if found := EMAIL_ADDRESS.search(f"{text}\n{quoted}"):
            sender_email = found.group(0)
    return Message(
        sender_name=sender_name.strip(" \"'"),
        sender_email=sender_email.lower(),
        subject=re.sub(r"^((re|fwd?|aw)\s*:\s*)+", "", headers.get("subject", ""), flags=re.I),
        sent=_sent_at(headers.get("date", "") or headers.get("sent", "")),
        body="\n".join(kept).strip(),
        quoted=quoted.strip(),
    )
