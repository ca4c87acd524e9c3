from apps.journal.guides import GUIDES_BY_KEY
from apps.journal.models import Entry, answers_search_text, pack_tags


def make_entry(owner, guide: str = "process", answers=(), tags=(), **fields) -> Entry:
    answers = list(answers)
    return Entry.objects.create(
        owner=owner,
        guide=guide,
        prompts=list(GUIDES_BY_KEY[guide].prompts),
        answers=answers,
        answers_text=answers_search_text(answers),
        tags=pack_tags(list(tags)),
        **fields,
    )
