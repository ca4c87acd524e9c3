"""Demo journal entries: about twenty over two months, or 1,500 to measure with."""

import datetime
import random

from django.utils import timezone

from apps.interviews.models import Application

from .guides import GUIDES_BY_KEY
from .models import Entry, answers_search_text, pack_tags

WRITING = {
    "process": [
        "The email came on a Tuesday morning. They went with someone with more experience.",
        "Flat, then embarrassed that I had told people about it.",
        "Calmer. It stings less now that it is written down.",
        "The picture I had of working there.",
        "Maya. She has been through this twice this year.",
    ],
    "learned": [
        "I knew the product well and asked good questions about their research.",
        "Slow down on the case study and ask about constraints first.",
        "They needed someone who could start leading a team quickly.",
        "The accessibility audit. Both interviewers leaned in.",
        "I do better when I tell stories than when I list skills.",
    ],
    "questions": [
        "The stakeholder question. I told the onboarding story, start to finish.",
        "It had a clear problem, what I did, and a number at the end.",
        "Design a parking app. I jumped to screens.",
        "Ask who the users are and what they struggle with, then sketch.",
    ],
    "positives": [
        "I reached a final round for the first time this year.",
        "Presenting my portfolio to five people.",
        "Practice, and a clearer idea of the team size I want.",
        "I kept going after two hard weeks.",
    ],
    "fit": [
        "Honestly, partly to get out of my current job.",
        "They ship fast and research comes last.",
        "Lots of meetings, not much time to design.",
        "Probably not. I would have felt the same way in a year.",
        "A team that gives research real time.",
    ],
    "plan": [
        "A product team that values research.",
        "Whiteboard exercises: I want to be calmer in them.",
        "Do one practice case study with Maya on Thursday.",
        "Tom offered to review my portfolio.",
        "A walk every morning, and no job boards after 8pm.",
    ],
    "free": [
        "Tired, but less stuck than last week.",
        "That I am allowed to take a day off from searching.",
        "Sleep, and a call with my sister.",
    ],
}
TAGS = ["rejection", "final round", "practice", "good day", "hard day"]
RECENT_DAYS = 14
MARKDOWN_BODY = (
    "Three things for next time:\n\n- ask about **constraints** first\n- slow down\n- *breathe*"
)


def seed(user, size: str) -> None:
    Entry.objects.for_user(user).delete()
    if size == "large":
        seed_large(user)
    else:
        seed_recent(user)


def _entry(user, guide_key: str, answers: list[str], **fields) -> Entry:
    guide = GUIDES_BY_KEY[guide_key]
    return Entry(
        owner=user,
        guide=guide_key,
        prompts=list(guide.prompts),
        answers=answers,
        answers_text=answers_search_text(answers),
        is_draft=False,
        **fields,
    )


def seed_recent(user) -> None:
    today = timezone.localdate()
    applications = list(Application.objects.for_user(user).order_by("pk"))
    rng = random.Random(3)
    keys = list(WRITING)
    entries = []
    for n in range(20):
        key = keys[n % len(keys)]
        days_ago = 60 - n * 3
        # The last fortnight was harder (Insights' pace note shows it beside the busy weeks).
        before = rng.randint(1, 2) if days_ago <= RECENT_DAYS else rng.randint(2, 4)
        entries.append(
            _entry(
                user,
                key,
                WRITING[key],
                written_on=today - datetime.timedelta(days=days_ago),
                mood_before=before,
                mood_after=min(5, before + rng.randint(0, 2)),
                tags=pack_tags(rng.sample(TAGS, 2)),
                body=MARKDOWN_BODY if key == "learned" else "",
                application=applications[n % len(applications)] if applications else None,
            )
        )
    entries.append(
        _entry(
            user,
            "vent",
            ["They took three weeks to say no in two lines.", "Just tell people sooner.", ""],
            written_on=today - datetime.timedelta(days=2),
            mood_before=1,
            mood_after=2,
        )
    )
    Entry.objects.bulk_create(entries)


def seed_large(user, count: int = 1500) -> None:
    today = timezone.localdate()
    rng = random.Random(11)
    keys = list(WRITING)
    Entry.objects.bulk_create(
        _entry(
            user,
            keys[n % len(keys)],
            WRITING[keys[n % len(keys)]],
            written_on=today - datetime.timedelta(days=n // 3),
            mood_before=rng.randint(1, 5),
            mood_after=rng.randint(1, 5),
            tags=pack_tags(rng.sample(TAGS, 2)),
        )
        for n in range(count)
    )
