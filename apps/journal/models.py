from django.db import models
from django.urls import reverse
from django.utils import timezone

from apps.core.models import MOODS, OwnedModel, OwnedQuerySet, one_to_five
from apps.interviews.models import Application, Interview

from .guides import get_guide


def normalise_tags(text: str) -> list[str]:
    """'Rejection, interview ,rejection' -> ['rejection', 'interview']: lower-case, unique."""
    seen: list[str] = []
    for raw in text.replace("|", ",").split(","):
        tag = " ".join(raw.split()).lower()[:40]
        if tag and tag not in seen:
            seen.append(tag)
    return seen[:20]


def pack_tags(tags: list[str]) -> str:
    # Stored as "|a|b|" so one indexable text column filters by tag on every database.
    return f"|{'|'.join(tags)}|" if tags else ""


class EntryQuerySet(OwnedQuerySet):
    def tagged(self, tag: str) -> "EntryQuerySet":
        return self.filter(tags__contains=f"|{tag.strip().lower()}|")


class Entry(OwnedModel):
    """One piece of writing: a guided reflection, free writing, or a vent."""

    written_on = models.DateField(default=timezone.localdate)
    title = models.CharField(max_length=200, blank=True)
    # A key of guides.GUIDES. Not a choices field: the titles live in code, so rewording a
    # guide never needs a migration.
    guide = models.CharField(max_length=20, default="free")
    # The prompts as they read when the entry was started, and the answers beside them.
    prompts = models.JSONField(default=list, blank=True)
    answers = models.JSONField(default=list, blank=True)
    answers_text = models.TextField(blank=True, editable=False)  # for search
    body = models.TextField("your own words", blank=True, help_text="You can use Markdown.")
    mood_before = one_to_five()
    mood_after = one_to_five()
    tags = models.CharField(max_length=900, blank=True)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    interview = models.ForeignKey(
        Interview, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    rejection = models.ForeignKey(
        "rejections.Rejection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
    )
    is_draft = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-written_on", "-created_at"]
        verbose_name_plural = "entries"
        indexes = [models.Index(fields=["owner", "written_on"])]

    def __str__(self) -> str:
        return self.display_title

    def get_absolute_url(self) -> str:
        return reverse("journal:entry", args=[self.pk])

    def get_write_url(self) -> str:
        return reverse("journal:write", args=[self.pk])

    @property
    def guide_info(self):
        return get_guide(self.guide)

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        guide = self.guide_info
        return guide.title if guide else "Journal entry"

    @property
    def is_vent(self) -> bool:
        return self.guide == "vent"

    @property
    def tag_list(self) -> list[str]:
        return [tag for tag in self.tags.split("|") if tag]

    @property
    def prompts_and_answers(self) -> list[tuple[str, str]]:
        answers = list(self.answers) + [""] * (len(self.prompts) - len(self.answers))
        return list(zip(self.prompts, answers, strict=False))

    @property
    def mood_before_label(self) -> str:
        return MOODS.get(self.mood_before, "")

    @property
    def mood_after_label(self) -> str:
        return MOODS.get(self.mood_after, "")


def answers_search_text(answers: list[str]) -> str:
    return "\n".join(answer for answer in answers if answer)
