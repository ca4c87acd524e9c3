"""Demo applications, rounds and questions: a believable search, or a large one to measure."""

import datetime
import random

from django.utils import timezone

from .models import Application, Interview, Question, Stage

Status = Application.Status
Outcome = Question.Outcome
Kind = Question.Kind

# (company, role, status, rounds as (stage, days ago, gut feeling), why)
SEARCH = [
    (
        "Northwind Health",
        "Product designer",
        Status.INTERVIEWING,
        [(Stage.RECRUITER_SCREEN, 12, 4), (Stage.VIDEO, 5, 4)],
        "interest",
    ),
    (
        "Harbour & Finch",
        "UX researcher",
        Status.REJECTED,
        [(Stage.PHONE, 40, 3), (Stage.PANEL, 30, 4), (Stage.FINAL, 21, 5)],
        "interest",
    ),
    (
        "Lumen Analytics",
        "Senior product designer",
        Status.OFFER,
        [(Stage.RECRUITER_SCREEN, 35, 4), (Stage.TECHNICAL, 26, 3), (Stage.ON_SITE, 14, 4)],
        "both",
    ),
    ("Greenleaf Energy", "Service designer", Status.APPLIED, [], "interest"),
    (
        "Copperline Bank",
        "Design systems lead",
        Status.REJECTED,
        [(Stage.RECRUITER_SCREEN, 50, 3), (Stage.TECHNICAL, 44, 2)],
        "escape",
    ),
    ("Atlas Logistics", "Product designer", Status.NO_RESPONSE, [], "escape"),
    (
        "Brightside Learning",
        "Interaction designer",
        Status.WITHDRAWN,
        [(Stage.PHONE, 60, 2)],
        "unsure",
    ),
    (
        "Tidewater Studio",
        "Lead designer",
        Status.INTERVIEWING,
        [(Stage.RECRUITER_SCREEN, 3, 4), (Stage.VIDEO, -4, None)],
        "interest",
    ),
    ("Maple & Co", "Content designer", Status.APPLIED, [], "both"),
    (
        "Orbital Games",
        "UX designer",
        Status.REJECTED,
        [(Stage.VIDEO, 70, 3), (Stage.PANEL, 63, 3)],
        "interest",
    ),
    (
        "Cedar Civic Tech",
        "Product designer",
        Status.INTERVIEWING,
        [(Stage.PHONE, 9, 3)],
        "interest",
    ),
    ("Quill Publishing", "Senior UX designer", Status.NO_RESPONSE, [], "unsure"),
]

QUESTIONS = [
    (
        "Tell me about a time you changed a stakeholder's mind.",
        Kind.BEHAVIOURAL,
        Outcome.ROCKED,
        "Told the story of the onboarding redesign: the data, then the prototype test.",
    ),
    (
        "Walk us through a project you're proud of.",
        Kind.ABOUT_YOU,
        Outcome.ROCKED,
        "Used the accessibility audit project. They asked lots of follow-ups.",
    ),
    (
        "How do you decide what not to build?",
        Kind.SITUATIONAL,
        Outcome.FINE,
        "Talked about impact and effort, a bit abstract.",
    ),
    (
        "Design a parking app for a busy city centre.",
        Kind.TECHNICAL,
        Outcome.STRUGGLED,
        "Jumped to screens too fast. Should have asked who the users were first.",
    ),
    (
        "Why do you want to leave your current role?",
        Kind.ABOUT_YOU,
        Outcome.FINE,
        "Kept it positive: looking for more research depth.",
    ),
    (
        "Tell me about a project that failed.",
        Kind.BEHAVIOURAL,
        Outcome.STRUGGLED,
        "Rambled. Need a clear story with what I learned.",
    ),
    (
        "How would you measure the success of a redesign?",
        Kind.SITUATIONAL,
        Outcome.ROCKED,
        "Good answer: task success, time on task, support tickets.",
    ),
    ("What's your approach to design critique?", Kind.OTHER, Outcome.FINE, ""),
]

REFLECTIONS = {
    "went_well": "Good rapport with the hiring manager. My portfolio story was clear.",
    "went_badly": "I rushed the whiteboard exercise and forgot to ask about constraints.",
    "sparked_conversation": "The accessibility audit: they want to do one next quarter.",
    "interviewer_reactions": "Engaged, asked follow-ups, leaned in during the case study.",
    "next_steps": "They will let me know about the next round within a week.",
}
# Where each kind of application came from, so Insights can compare sources.
SOURCES = {
    "interest": "A friend's referral",
    "escape": "A job board",
    "both": "A recruiter",
    "unsure": "The company's website",
}
# Days between applying and the first round; the newest applications were sent in a rush
# over the last fortnight (the pace note), and one has had no word for over a month.
APPLIED_BEFORE_FIRST_ROUND = 10
APPLIED_DAYS_AGO = {"Greenleaf Energy": 2, "Maple & Co": 38, "Atlas Logistics": 45}
FIRST_ROUND_WAIT = {"Northwind Health": 1, "Tidewater Studio": 5, "Cedar Civic Tech": 3}


def seed(user, size: str) -> None:
    Application.objects.for_user(user).delete()
    if size == "large":
        seed_large(user)
    else:
        seed_search(user)


def seed_search(user) -> None:
    now = timezone.now()
    today = timezone.localdate()
    question_cycle = 0
    for company, role, status, rounds, motivation in SEARCH:
        first_round = max((days for _, days, _ in rounds), default=14)
        applied_days_ago = APPLIED_DAYS_AGO.get(
            company, first_round + FIRST_ROUND_WAIT.get(company, APPLIED_BEFORE_FIRST_ROUND)
        )
        application = Application.objects.create(
            owner=user,
            company=company,
            role=role,
            status=status,
            applied_on=today - datetime.timedelta(days=applied_days_ago),
            motivation=motivation,
            excitement=4 if motivation == "interest" else 3,
            why_i_want_this="The team's mission, and a chance to do more research."
            if motivation != "escape"
            else "Mostly a way out of my current job.",
            work_mode=Application.WorkMode.HYBRID,
            location="London",
            source=SOURCES[motivation],
        )
        for stage, days_ago, feeling in rounds:
            occurred_at = now - datetime.timedelta(days=days_ago, hours=3)
            is_past = days_ago > 0
            interview = Interview.objects.create(
                owner=user,
                application=application,
                stage=stage,
                occurred_at=occurred_at,
                length_minutes=45,
                format=Interview.Format.VIDEO,
                interviewers="Priya Shah, design manager\nTom Okafor, product lead",
                researched_company=True,
                prepared_questions=True,
                practised_answers=stage != Stage.RECRUITER_SCREEN,
                gut_feeling=feeling,
                follow_up_on=(occurred_at + datetime.timedelta(days=7)).date() if is_past else None,
                thank_you_sent_on=occurred_at.date() if is_past else None,
                **(REFLECTIONS if is_past else {}),
            )
            if not is_past:
                continue
            for _ in range(2):
                text, kind, outcome, answer = QUESTIONS[question_cycle % len(QUESTIONS)]
                question_cycle += 1
                Question.objects.create(
                    owner=user,
                    interview=interview,
                    text=text,
                    kind=kind,
                    outcome=outcome,
                    my_answer=answer,
                )
    practise_what_was_hard(user)


def practise_what_was_hard(user) -> None:
    """Each question first struggled with was practised, and went fine the last time."""
    struggled = Question.objects.for_user(user).filter(outcome=Outcome.STRUGGLED)
    for text in set(struggled.values_list("text", flat=True)):
        asked = list(struggled.filter(text=text).order_by("interview__occurred_at"))
        Question.objects.filter(pk=asked[0].pk).update(times_practised=3)
        if len(asked) > 1:
            Question.objects.filter(pk=asked[-1].pk).update(outcome=Outcome.FINE)


def seed_large(user, applications: int = 300, rounds_each: int = 3) -> None:
    """300 applications, 900 rounds and about 3,000 questions, for benchmarks."""
    rng = random.Random(7)
    now = timezone.now()
    today = timezone.localdate()
    created = Application.objects.bulk_create(
        Application(
            owner=user,
            company=f"Company {n:03d}",
            role=rng.choice(["Designer", "Engineer", "Researcher", "Product manager"]),
            status=rng.choice(Status.values),
            source=rng.choice([*SOURCES.values(), ""]),
            applied_on=today - datetime.timedelta(days=rng.randint(0, 230)),
        )
        for n in range(applications)
    )
    interviews = Interview.objects.bulk_create(
        Interview(
            owner=user,
            application=application,
            stage=Stage.values[n % len(Stage.values)],
            occurred_at=now
            - datetime.timedelta(days=(today - application.applied_on).days)
            + datetime.timedelta(days=rng.randint(3, 20) * (n + 1)),
            gut_feeling=rng.randint(1, 5),
            follow_up_on=(now + datetime.timedelta(days=rng.randint(-5, 20))).date(),
            went_well=REFLECTIONS["went_well"],
        )
        for application in created
        for n in range(rounds_each)
    )
    Question.objects.bulk_create(
        Question(
            owner=user,
            interview=interviews[n % len(interviews)],
            text=QUESTIONS[n % len(QUESTIONS)][0],
            kind=QUESTIONS[n % len(QUESTIONS)][1],
            outcome=rng.choice(Outcome.values),
            times_practised=rng.randint(0, 3),
        )
        for n in range(applications * 10)
    )
