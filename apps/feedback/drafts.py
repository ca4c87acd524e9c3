"""Message templates for asking why you weren't chosen, in Rebound's own words.

Placeholders use string.Template ($name), so a person's details are substituted as
plain text and never evaluated. The result is shown in form fields, escaped as usual.
"""

import re
from dataclasses import dataclass
from functools import cache
from string import Template

# What stands in for a detail Rebound doesn't know yet; filled in as soon as it is known.
THEIR_NAME, YOUR_NAME = "[their name]", "[your name]"
COMPANY, ROLE, INTERVIEW_DATE = "[company]", "[role]", "[interview date]"
PLACEHOLDER = re.compile(r"\[(?:their name|your name|company|role|interview date)\]")


@dataclass(frozen=True)
class Draft:
    key: str
    title: str
    when: str
    subject: str
    body: str

    def fill(self, details: dict[str, str]) -> tuple[str, str]:
        return (
            Template(self.subject).safe_substitute(details),
            Template(self.body).safe_substitute(details),
        )

    def wrote(self, text: str, *, subject: bool = False) -> bool:
        """Is `text` this template's words (its message, or its subject), whatever details
        were filled in? Then another template can replace it: the person wrote none of it."""
        words = self.subject if subject else self.body
        return _pattern(words).fullmatch(_tidy(text)) is not None


def _tidy(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


@cache
def _pattern(body: str) -> re.Pattern:
    # Literal words as they are; each $detail may have become any one line.
    parts = re.split(r"\$\w+", _tidy(body))
    return re.compile(r"[^\n]*?".join(re.escape(part) for part in parts))


DRAFTS: tuple[Draft, ...] = (
    Draft(
        "thank_you",
        "A thank-you with a sincere ask",
        "Soon after you hear the news. Short and gracious.",
        "Thank you, and a small request",
        """Dear $contact_name,

Thank you for letting me know about the $role role, and for the time you and the team gave me.

I enjoyed learning about $company. If you have a few minutes, I would really value any feedback on my application or my interview on $interview_date. It would help me grow.

Thank you again, and I hope our paths cross in future.

Best wishes,
$my_name""",
    ),
    Draft(
        "three_questions",
        "Three specific questions",
        "When you want focused answers that are easy to give.",
        "Feedback on my interview for the $role role",
        """Dear $contact_name,

Thank you for considering me for the $role role at $company. I respect your decision, and I'd like to learn from it.

If you have a moment, could you tell me:

1. Is there an area where you were hoping for more experience?
2. Were any of my skills not as strong as you needed?
3. Was there anything about how I'd fit with the team that gave you pause?

Even a line or two on any of these would help me a lot.

Kind regards,
$my_name""",
    ),
    Draft(
        "follow_up",
        "A short follow-up",
        "About a week after asking, if you haven't heard back.",
        "Following up: feedback on the $role interview",
        """Hi $contact_name,

I wanted to follow up on my note asking for feedback on my interview for the $role role. I know you're busy, so even one or two sentences would be very welcome.

Thank you,
$my_name""",
    ),
    Draft(
        "after_final",
        "After a final round",
        "When you reached the last stage and want to keep the door open.",
        "Thank you for the final round",
        """Dear $contact_name,

Thank you for taking me through to the final round for the $role role. Meeting the team at $company on $interview_date was a real pleasure, even though it wasn't the outcome I hoped for.

Since I came so close, any feedback on what made the difference would be especially useful to me. I would also be glad to be considered for future roles.

With thanks,
$my_name""",
    ),
)

DRAFTS_BY_KEY = {draft.key: draft for draft in DRAFTS}


def written_by_a_template(text: str, *, subject: bool = False) -> bool:
    """Nothing of the person's own: empty, or one of the templates' words."""
    return not text.strip() or any(draft.wrote(text, subject=subject) for draft in DRAFTS)
