"""The recovery walk-through: its eight steps and the words each one offers.

Every word here is Rebound's own. Reframing is offered, never imposed: the person picks
the thinking traps they notice, or says none fit.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    title: str
    minutes: int


STEPS = (
    Step(1, "land", "Let it land", 2),
    Step(2, "reality", "A reality check", 4),
    Step(3, "confidence", "Remember what you're good at", 3),
    Step(4, "learned", "What you learned", 6),
    Step(5, "fit", "Was it the right fit?", 4),
    Step(6, "feedback", "Ask for feedback", 3),
    Step(7, "plan", "Make a small plan", 4),
    Step(8, "move_on", "Moving on", 2),
)
STEPS_BY_NUMBER = {step.number: step for step in STEPS}
TOTAL_MINUTES = sum(step.minutes for step in STEPS)

FEELINGS = [
    ("disappointed", "Disappointed"),
    ("sad", "Sad"),
    ("angry", "Angry"),
    ("embarrassed", "Embarrassed"),
    ("anxious", "Worried about what's next"),
    ("numb", "Numb"),
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

THINKING_TRAPS = [
    (
        "all_or_nothing",
        "All or nothing",
        "“I didn't get it, so the whole interview was a failure.”",
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
    ("labelling", "Labelling yourself", "“I'm just not good enough.”"),
]

SELF_CARE = [
    "Move for twenty minutes: a walk, a run, a swim",
    "Spend an evening with friends or family, away from the search",
    "Do one kind thing for myself",
]
