from django.db import models

from apps.core.models import OwnedModel


class ImportedRow(OwnedModel):
    """One row an import created, and the id it had in the file it came from.

    Importing the same file again finds its rows here and skips them, so nothing is
    doubled, and links between rows are rebuilt through it. Kept here, not as a column on
    every other app's models."""

    model = models.CharField(max_length=100)  # the registry key, e.g. "interviews.application"
    source_id = models.BigIntegerField()
    row_id = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "model", "source_id"], name="imported_row_once_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.source_id} → {self.row_id}"
