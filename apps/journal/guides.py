"""The journal's guides: short sets of questions that help a person write after a setback.

Written in Rebound's own words from the advice in the project's source articles. An entry
copies its prompts when it is started, so rewording a guide here never changes what an
old entry shows.
"""

from dataclasses import dataclass

from apps.core.forms import answer_field_name


@dataclass(frozen=True)
class Guide:
    key: str
    title: str
    why: str
    prompts: tuple[str, ...]

    @property
    def question_count(self) -> int:
        return len(self.prompts)

    @property
    def step_count(self) -> int:
        return len(writing_steps(self.prompts))


def writing_steps(prompts) -> list[str]:
    """The steps of writing one question at a time: how you feel, each prompt, your own
    words, how you feel after. The chooser and the progress bar both count these."""
    answers = [answer_field_name(index) for index in range(len(prompts))]
    return ["mood_before", *answers, "body", "mood_after"]


GUIDES: tuple[Guide, ...] = (
    Guide(
        "process",
        "Process what happened",
        "Putting the experience into words helps you step back from it.",
        (
            "What happened? Describe it as if telling a friend.",
            "How did you feel when you heard the news?",
            "How do you feel about it now, as you write?",
            "What part of this is hardest to let go of?",
            "Who could you talk to about it?",
        ),
    ),
    Guide(
        "vent",
        "Vent",
        "A private place to let it all out. You can burn it afterwards, for good.",
        (
            "What happened that you are angry or upset about?",
            "What do you wish you could say to them?",
            "What else do you need to get off your chest?",
        ),
    ),
    Guide(
        "learned",
        "What I learned",
        "Every interview teaches something you can take into the next one.",
        (
            "What made the good moments good?",
            "What would you do differently next time?",
            "Picture the interviewer's side of the table. What were they looking for?",
            "What sparked real conversation?",
            "What is one thing you now know about yourself as a candidate?",
        ),
    ),
    Guide(
        "positives",
        "Think of the positives",
        "Noticing what went right is not pretending. It is the other half of the truth.",
        (
            "What went well, even a little?",
            "What did you do that took courage?",
            "What did this process give you: practice, contacts, clarity?",
            "What are you proud of?",
        ),
    ),
    Guide(
        "free",
        "Free writing",
        "Writing freely about a hard moment for 15 to 20 minutes can ease it. "
        "A few minutes helps too.",
        (
            "What is on your mind right now?",
            "What would you like to say about it that you have not said yet?",
            "What do you need most today?",
        ),
    ),
    Guide(
        "questions",
        "Questions I rocked, questions I struggled with",
        "Your strong answers are worth keeping, and the hard ones are worth practising.",
        (
            "Which question did you answer best? What did you say?",
            "Why did that answer work so well?",
            "Which question tripped you up?",
            "How would you answer it now, with time to think?",
        ),
    ),
    Guide(
        "signals",
        "My preparation and their signals",
        "Looking at both sides calmly gives you a fairer picture than a gut feeling.",
        (
            "How did you prepare: the company, the people, your questions, your answers?",
            "Did you get to talk through your experience fully?",
            "How did the interviewers respond? Were they engaged, or distant?",
            "Did they dig deeper into any of your answers?",
            "What would you prepare differently for the next one?",
        ),
    ),
    Guide(
        "fit",
        "Was it the right fit?",
        "Sometimes the job was not the right one for you, even if it hurts to miss it.",
        (
            "Why did you apply? Was it real interest, or a way out of where you are?",
            "What did you learn about the team and how they work?",
            "What did you learn about the day-to-day of the job?",
            "Would you have been happy there in a year?",
            "What does this tell you about the job you want next?",
        ),
    ),
    Guide(
        "plan",
        "Make a plan",
        "A few small next steps can turn a low moment into forward movement.",
        (
            "What do you want from your next role?",
            "Which skill or answer would you like to strengthen?",
            "What is one small thing you can do this week?",
            "Who could help you, and how?",
            "How will you look after yourself while you search?",
        ),
    ),
)

# The chooser shows the first five and keeps the rest behind "More ways to write".
GUIDES_SHOWN_FIRST = 5
GUIDES_BY_KEY = {guide.key: guide for guide in GUIDES}
GUIDE_CHOICES = [(guide.key, guide.title) for guide in GUIDES]
MAX_PROMPTS = 8


def get_guide(key: str) -> Guide | None:
    return GUIDES_BY_KEY.get(key)
