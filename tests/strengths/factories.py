from apps.strengths.models import Achievement, Strength, Supporter


def make_strength(owner, name="Clear writing", **fields) -> Strength:
    return Strength.objects.create(owner=owner, name=name, **fields)


def make_achievement(owner, title="Shipped the redesign", **fields) -> Achievement:
    return Achievement.objects.create(owner=owner, title=title, **fields)


def make_supporter(owner, name="Maya", **fields) -> Supporter:
    return Supporter.objects.create(owner=owner, name=name, **fields)
