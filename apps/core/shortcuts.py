from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404


def get_owned_or_404[M: Model](model: type[M] | QuerySet[M], user, **lookup) -> M:
    """Fetch one of this person's rows; anyone else's, or none, is a 404 (never a 403).

    Takes a model, or one of its querysets when the view wants related rows joined in.
    """
    queryset = model if isinstance(model, QuerySet) else model.objects
    return get_object_or_404(queryset.for_user(user), **lookup)
