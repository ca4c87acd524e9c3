"""The words the recovery walk-through offers. Every word here is Rebound's own.

Reframing is offered, never imposed: the person picks the thinking traps they notice, or
says none fit.
"""

FEELINGS = [
    ("disappointed", "Disappointed"),
    ("sad", "Sad"),
    ("angry", "Angry"),
    ("anxious", "Worried about what's next"),
    ("numb", "Numb"),
    ("embarrassed", "Embarrassed"),
    ("relieved", "A bit relieved"),
    ("tired", "Tired"),
]

COMMON_REASONS = (
    "The budget for the role was cut or frozen.",
    "Someone inside the company, or a referral, got the job.",
    "The person who interviewed you couldn't make the final call.",
    "They changed what the role needed halfway through.",
    "Another candidate had one specific thing they wanted, like a niche tool or industry.",
    "The role was filled before they finished interviewing.",
)

# The first five are shown; the rest wait behind "More".
THINKING_TRAPS = [
    (
        "all_or_nothing",
        "All or nothing",
        "“I didn't get it, so the whole interview went wrong.”",
    ),
    ("personalising", "Taking it personally", "“They must not have liked me as a person.”"),
    ("mind_reading", "Mind reading", "“I know they thought I was out of my depth.”"),
    ("fortune_telling", "Fortune telling", "“I'll never get a job like this.”"),
    ("catastrophising", "Catastrophising", "“This ruins everything.”"),
    (
        "mental_filter",
        "Only seeing the bad parts",
        "“The one question I fumbled is all that matters.”",
    ),
    ("overgeneralising", "One becomes always", "“Every interview goes this way for me.”"),
    ("labelling", "Labelling yourself", "“I'm just not good enough.”"),
    ("should_rules", "Musts and shoulds", "“I had to be perfect in every single answer.”"),
    (
        "emotional_reasoning",
        "Feelings as facts",
        "“It feels hopeless, so it must be hopeless.”",
    ),
    (
        "shrinking_your_wins",
        "Their wins big, yours small",
        "“The others were brilliant. What I bring is nothing special.”",
    ),
]
TRAP_NAMES = {key: name for key, name, _ in THINKING_TRAPS}

SELF_CARE = [
    "Move for twenty minutes: a walk, a run, a swim",
    "Spend an evening with friends or family, away from the search",
    "Do one kind thing for myself",
]
