"""What a message is about (an invitation, a new time, still deciding, a no), and which
stage and format of interview its words name."""

import re

INVITATION, RESCHEDULE, DECIDING, REJECTION, UNCLEAR = (
    "invitation",
    "reschedule",
    "deciding",
    "rejection",
    "unclear",
)

# "We will not be inviting you": a no, not an invitation.
NOT_NEGATED = r"(?<!not )(?<!not be )(?<!n't )(?<!n't be )(?<!unable to )"

# Each phrase counts its weight once; the kind with most wins, if it reaches ENOUGH.
SIGNS = {
    REJECTION: [
        (
            3,
            r"not (?:to )?(?:be )?(?:moving|move|progressing|progress|proceeding|proceed|going)"
            r" (?:forward|further|ahead)",
        ),
        (
            3,
            r"(?:decided|chosen|chose|opted) (?:to )?(?:move|proceed|go|continue|pursue)"
            r"[\w\s,]{0,40}(?:other|another|different)",
        ),
        (3, r"(?:other|another) candidates?(?: whose| who| that)"),
        (3, r"(?:not|un)(?: been)? successful"),
        (3, r"regret to (?:inform|let you know|tell you)"),
        (3, r"(?:position|role|vacancy) has (?:now )?been filled"),
        (3, r"\b(?:filled|fill) (?:the|this|that) (?:role|position|vacancy|post)\b"),
        (
            3,
            r"(?:won't|will not|cannot|can't|unable to) (?:be )?(?:offer|taking|take|move|moving"
            r"|progress|progressing|proceed)",
        ),
        (3, r"not (?:been )?selected"),
        (3, r"(?:\bnot|n't|\bunable to) (?:be )?invit(?:e|ing)"),
        (2, r"closer (?:match|fit)|more closely match"),
        (2, r"keep your (?:details|cv|résumé|resume|profile) on file"),
        (2, r"wish you (?:the very best|all the best|every success|luck|the best)"),
        (2, r"\bsorry to (?:say|tell)"),
        (1, r"\bunfortunately\b"),
    ],
    RESCHEDULE: [
        (4, r"\bre-?schedul"),
        (
            4,
            r"\b(?:move|moving|shift|push|bring)(?:ing)? (?:your|the|our) (?:interview|call|chat"
            r"|meeting|session)",
        ),
        (3, r"\bpostpone"),
        (3, r"\bnew (?:time|slot|date)\b"),
        (4, r"\b(?:has|have) (?:had to )?(?:been? )?(?:moved|changed)\b"),
        (2, r"\binstead\b"),
        (2, r"(?:no longer|not) (?:be )?available (?:at|on|for) (?:the|that|our)"),
    ],
    DECIDING: [
        (
            3,
            r"\bstill (?:deciding|reviewing|considering|finali[sz]ing|working|interviewing"
            r"|meeting|in the process|speaking|talking)",
        ),
        (
            3,
            r"(?:haven't|have not|hasn't|has not) (?:yet )?(?:made|reached|come to) (?:a|our|any)"
            r" (?:final )?decision",
        ),
        (3, r"\bno (?:final )?decision (?:yet|has been)"),
        (3, r"taking (?:a (?:little|bit) )?longer"),
        (2, r"\bkeep you (?:posted|updated|informed)"),
        (2, r"\b(?:update|news) (?:for you )?(?:by|within|early|later|next|in the coming)"),
        (2, r"\b(?:delay|delayed|slower)\b"),
        (2, r"\bthank you for your patience"),
    ],
    INVITATION: [
        (3, NOT_NEGATED + r"\binvit(?:e|ing|ation)"),
        (
            3,
            r"(?:like|love|happy|pleased|delighted|excited) to (?:schedule|arrange|set up|book"
            r"|move you|invite|progress|take you|have you)",
        ),
        (3, r"\b(?:next|following) (?:round|stage|step)s?\b"),
        (
            3,
            r"\b(?:interview|call|chat)\b[^.]{0,60}\b(?:is|has been) (?:now )?(?:scheduled|booked"
            r"|confirmed|set)",
        ),
        (2, r"\b(?:could|can|would) you|you (?:could|can) (?:pop|come|join|make it|do)\b"),
        (2, r"\bconfirm(?:ing|ed)? (?:your|the|our) (?:interview|call|slot|time)"),
        (2, r"\blooking forward to (?:speaking|meeting|chatting|talking|seeing)"),
        (2, r"\b(?:like|love) to meet you\b|\bbooked you in\b"),
        (2, r"\b(?:book|pick|choose|grab) a (?:time|slot)"),
        (2, r"\bwould (?:you be available|.{0,20} work for you)"),
        (1, r"\binterview\b"),
    ],
}
ENOUGH = 2

STAGES = [  # the first that matches names the stage, most specific first
    ("final", r"\bfinal (?:round|stage|interview|conversation|chat|step)"),
    ("panel", r"\bpanel\b"),
    (
        "technical",
        r"\b(?:technical|coding|pair(?:ing)?[ -]programming|system design|live code"
        r"|tech(?:nical)? (?:interview|round|test)|take-home|case study)",
    ),
    (
        "on_site",
        r"\b(?:on-?site|in person|in-person|(?:at|to|in) our (?:office|studio|hq)|visit (?:us|our)"
        r" (?:office|studio))",
    ),
    (
        "recruiter_screen",
        r"\b(?:recruiter (?:call|screen|chat)|screening|intro(?:ductory)? call|initial call"
        r"|first (?:call|chat)|phone screen)",
    ),
    (
        "video",
        r"\b(?:video (?:call|interview)|zoom|google meet|microsoft teams|teams call"
        r"|teams meeting|webex)",
    ),
    ("phone", r"\b(?:phone (?:call|interview)|call you on|ring you|by phone|over the phone)"),
]
FORMATS = [
    ("take_home", r"\b(?:take-home|take home|home assignment)"),
    ("video", r"\b(?:video|zoom|google meet|microsoft teams|teams call|teams meeting|webex)"),
    (
        "in_person",
        r"\b(?:on-?site|in person|in-person|at our (?:office|studio|hq)|our address"
        r"|reception)",
    ),
    ("phone", r"\b(?:phone|call you on|ring you)"),
]


def _compiled(rows):
    return [(weight, re.compile(pattern, re.I)) for weight, pattern in rows]


_SIGNS = {kind: _compiled(rows) for kind, rows in SIGNS.items()}


def scores(text: str) -> dict[str, int]:
    return {
        kind: sum(weight for weight, sign in signs if sign.search(text))
        for kind, signs in _SIGNS.items()
    }


def kind_of(text: str) -> str:
    scored = scores(text)
    best = max(scored, key=lambda kind: scored[kind])  # ties: the order of SIGNS
    return best if scored[best] >= ENOUGH else UNCLEAR


def _first(rows, text: str) -> str:
    return next((value for value, pattern in rows if re.search(pattern, text, re.I)), "")


def stage_of(text: str) -> str:
    return _first(STAGES, text)


def format_of(text: str) -> str:
    return _first(FORMATS, text)
