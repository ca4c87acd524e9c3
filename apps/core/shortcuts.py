from django.db.models import Model
from django.shortcuts import get_object_or_404


def get_owned_or_404[M: Model](model: type[M], user, **lookup) -> M:
    """Fetch one of this person's rows; anyone else's, or none, is a 404 (never a 403)."""
    return get_object_or_404(model.objects.for_user(user), **lookup)
