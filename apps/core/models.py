from django.conf import settings
from django.db import models


class OwnedQuerySet(models.QuerySet):
    def for_user(self, user) -> "OwnedQuerySet":
        """Only the rows this person owns: the one door to user data."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class OwnedModel(models.Model):
    """Base for every row a person creates: it belongs to them and nobody else."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True
