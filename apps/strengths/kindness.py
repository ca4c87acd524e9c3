"""Small kind things to do on a hard day, one a day, in rotation."""

KIND_THINGS = (
    "Go for a walk, even ten minutes around the block.",
    "Move for twenty minutes: a run, a dance in the kitchen, a swim.",
    "Have a treat you enjoy, without earning it first.",
    "Call or message someone you like, just to talk.",
    "Spend time with family or friends, away from the job search.",
    "Cook something simple that you love.",
    "Step outside and notice five things you can see.",
    "Take the evening off from job boards. They will still be there tomorrow.",
)


def kind_thing_for(day_number: int) -> str:
    return KIND_THINGS[day_number % len(KIND_THINGS)]
