"""Demo strengths, achievements and supporters, or 200 of each kind to measure with."""

import datetime

from django.utils import timezone

from .models import Achievement, Strength, Supporter

STRENGTHS = [
    (
        "Explaining complex things simply",
        "Stakeholders ask me to present research because it lands.",
        "feedback",
        True,
    ),
    (
        "Calm under pressure",
        "Led the launch-day incident call without raising my voice.",
        "evaluation",
        True,
    ),
    (
        "Curious about users",
        "I run a user interview almost every week, even when it isn't asked of me.",
        "me",
        False,
    ),
    (
        "Turning messy notes into a plan",
        "Ran the workshop that ended three months of debate.",
        "interview",
        False,
    ),
    ("Kind, honest feedback", "Two juniors said my reviews helped them grow.", "feedback", False),
]

ACHIEVEMENTS = [
    (
        "Redesigned onboarding",
        8,
        "achievement",
        "Half of new users gave up in the first week.",
        "Interviewed twelve users, prototyped three flows and tested them.",
        "Drop-off fell by a third.",
        [0, 2],
    ),
    (
        "Design award shortlist",
        14,
        "award",
        "Our accessibility work was entered by the team.",
        "I led the audit and the fixes.",
        "Shortlisted, out of 200 entries.",
        [2],
    ),
    (
        "“Exceeds expectations” review",
        11,
        "evaluation",
        "Annual review.",
        "Steady delivery and mentoring.",
        "Top rating, with a note on leadership.",
        [1, 4],
    ),
    (
        "Thank-you note from support",
        5,
        "praise",
        "Support was drowning in one kind of ticket.",
        "Rewrote the error messages with them.",
        "Tickets on it nearly stopped.",
        [0],
    ),
    ("Ten years in design", 30, "milestone", "", "", "A decade of learning and shipping.", []),
]


def seed(user, size: str) -> None:
    Strength.objects.for_user(user).delete()
    Achievement.objects.for_user(user).delete()
    Supporter.objects.for_user(user).delete()
    if size == "large":
        seed_large(user)
        return
    today = timezone.localdate().replace(day=1)
    strengths = Strength.objects.bulk_create(
        Strength(owner=user, name=name, evidence=evidence, source=source, pinned=pinned, position=n)
        for n, (name, evidence, source, pinned) in enumerate(STRENGTHS)
    )
    for title, months_ago, kind, situation, action, result, shows in ACHIEVEMENTS:
        achievement = Achievement.objects.create(
            owner=user,
            title=title,
            month=(today - datetime.timedelta(days=30 * months_ago)).replace(day=1),
            kind=kind,
            situation=situation,
            action=action,
            result=result,
        )
        achievement.strengths.set([strengths[i] for i in shows])
    Supporter.objects.bulk_create(
        [
            Supporter(
                owner=user,
                name="Maya",
                how_they_help="has been through it and listens",
                email="maya@example.com",
            ),
            Supporter(
                owner=user, name="Dad", how_they_help="makes me laugh", phone="+44 20 7946 0000"
            ),
        ]
    )


def seed_large(user, count: int = 200) -> None:
    Strength.objects.bulk_create(
        Strength(owner=user, name=f"Strength {n}", evidence="Shown many times.", position=n)
        for n in range(count)
    )
    Achievement.objects.bulk_create(
        Achievement(
            owner=user,
            title=f"Achievement {n}",
            kind=Achievement.Kind.values[n % 5],
            result="It made a difference.",
        )
        for n in range(count)
    )
    Supporter.objects.bulk_create(Supporter(owner=user, name=f"Friend {n}") for n in range(5))
