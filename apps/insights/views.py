from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from apps.core.htmx import done_in_place
from apps.core.pagecache import remembered_per_person

from .forms import PaceNotesForm
from .report import build, pace_for


@login_required
@require_safe
@remembered_per_person
def index(request):
    return render(
        request,
        "insights/index.html",
        {"insights": build(request.user, timezone.localdate())},
    )


@login_required
@require_POST
def pace_notes(request):
    """Turn the pace note on or off, in place with htmx; a plain form comes back here."""
    form = PaceNotesForm(request.POST, instance=request.user)
    if form.is_valid():
        form.save()
    on = request.user.pace_notes
    return done_in_place(
        request,
        fragment="insights/index.html#pace",
        context={"pace": pace_for(request.user, timezone.localdate()), "pace_saved": True},
        then=reverse("insights:index") + "#pace-title",
        message="Pace notes are on." if on else "Pace notes are off.",
    )
