from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Value, Window
from django.db.models.expressions import OrderBy
from django.db.models.functions import Mod, RowNumber
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.core.htmx import done_in_place, render_page_or_fragment, render_vary_on_htmx
from apps.core.pagecache import remembered_per_person
from apps.core.params import whole_number
from apps.core.shortcuts import Deletion, confirm_then_delete, edit_page, get_owned_or_404
from apps.core.stale import invalid_status
from apps.core.text import count_of
from apps.interviews.models import Question
from apps.interviews.progress import numbers_for
from apps.journal.models import Entry

from . import services
from .forms import AchievementForm, ExerciseForm, FirstStrengthsForm, StrengthForm, SupporterForm
from .kindness import kind_thing_for
from .models import Achievement, Strength, Supporter

GREAT_ANSWERS_SHOWN = 10
STRENGTHS_PER_PAGE = 20
ACHIEVEMENTS_PER_PAGE = 10
SUPPORTERS_SHOWN = 20
BAD_DAY_ACHIEVEMENTS = 3
BAD_DAY_ANSWERS = 3
EXERCISE_MINUTES = (10, 15)

# ---- The strengths page -------------------------------------------------------------------


def _strengths(user):
    # Aggregating queries ignore Meta.ordering, so the order is repeated here.
    return (
        Strength.objects.for_user(user)
        .annotate(achievement_count=Count("achievements"))
        .order_by(*Strength._meta.ordering)
    )


def _strength_list_context(user, form=None, page="1") -> dict:
    """One page of the person's strengths (pinned first), and the form to add one."""
    strengths = Paginator(_strengths(user), STRENGTHS_PER_PAGE).get_page(page)
    return {"strengths": strengths, "strength_form": form or StrengthForm()}


@login_required
@require_safe
@remembered_per_person
def index(request):
    user = request.user
    kind = request.GET.get("kind", "")
    achievements = Achievement.objects.for_user(user).prefetch_related(
        Prefetch("strengths", queryset=Strength.objects.only("name"))
    )
    if kind in Achievement.Kind.values:
        achievements = achievements.filter(kind=kind)
    great_answers = (
        Question.objects.for_user(user)
        .filter(outcome=Question.Outcome.ROCKED)
        .select_related("interview__application")
        .order_by("-interview__occurred_at")[:GREAT_ANSWERS_SHOWN]
    )
    return render(
        request,
        "strengths/index.html",
        {
            **_strength_list_context(user, page=request.GET.get("sp", "1")),
            "achievements": Paginator(achievements, ACHIEVEMENTS_PER_PAGE).get_page(
                request.GET.get("ap")
            ),
            "kind": kind,
            "kinds": Achievement.Kind.choices,
            "great_answers": great_answers,
            "supporters": Supporter.objects.for_user(user)[:SUPPORTERS_SHOWN],
        },
    )


@login_required
@require_POST
def strength_add(request):
    form = StrengthForm(request.POST)
    if form.is_valid():
        services.append_strengths(request.user, [form.instance])
        # The newest comes last: show the page it is on.
        return _strength_list_response(request, message="Strength added.", page="last")
    if request.htmx:
        return render_vary_on_htmx(
            request,
            "strengths/index.html#strengths",
            _strength_list_context(request.user, form),
            status=422,
        )
    return render(request, "strengths/strength_form.html", {"form": form}, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def strength_edit(request, pk: int):
    """Edit in place with htmx, or on its own page without JavaScript."""
    strength = get_owned_or_404(_strengths(request.user), request.user, pk=pk)
    form = StrengthForm(request.POST or None, instance=strength, prefix=f"strength-{pk}")
    if request.method == "POST" and form.is_valid():
        form.save()
        return done_in_place(
            request,
            fragment="strengths/index.html#strength",
            context={"strength": strength},
            then=reverse("strengths:index"),
            message="Strength saved.",
        )
    return render_page_or_fragment(
        request,
        "strengths/strength_form.html",
        "strength-form",
        {"form": form, "strength": strength, "in_place": request.htmx},
        status=invalid_status(form) if request.method == "POST" else 200,
    )


@login_required
@require_POST
def strength_pin(request, pk: int):
    strength = get_owned_or_404(Strength, request.user, pk=pk)
    strength.pinned = not strength.pinned
    strength.save(update_fields=["pinned", "updated_at"])
    return _strength_list_response(request, page="1" if strength.pinned else None)


@login_required
@require_POST
def strength_move(request, pk: int):
    """Move a strength up or down its group (pinned ones stay above the rest)."""
    strength = get_owned_or_404(Strength, request.user, pk=pk)
    group = list(Strength.objects.for_user(request.user).filter(pinned=strength.pinned))
    index = next(i for i, item in enumerate(group) if item.pk == strength.pk)
    other = index + (-1 if request.POST.get("direction") == "up" else 1)
    if 0 <= other < len(group):
        group[index], group[other] = group[other], group[index]
        for position, item in enumerate(group):
            item.position = position
        Strength.objects.bulk_update(group, ["position"])
    return _strength_list_response(request)


def _strength_list_response(request, message: str = "", page: str | None = None):
    """The list again, at the page the person was on (or the one given)."""
    page = page or request.POST.get("sp", "1")
    return done_in_place(
        request,
        fragment="strengths/index.html#strengths",
        context=_strength_list_context(request.user, page=page),
        then=reverse("strengths:index") + f"?sp={page}#strengths-title",
        message=message,
    )


@login_required
@require_http_methods(["GET", "POST"])
def strength_delete(request, pk: int):
    strength = get_owned_or_404(Strength, request.user, pk=pk)
    return _delete_page(request, strength, "strength", stays=lambda: _achievements_stay(strength))


def _achievements_stay(strength: Strength) -> list[str]:
    if count := strength.achievements.count():
        shown = count_of(count, "achievement", "achievements")
        return [f"{shown} that show it stay, no longer linked to it."]
    return []


# ---- Achievements and supporters -----------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def achievement_edit(request, pk: int | None = None):
    achievement = get_owned_or_404(Achievement, request.user, pk=pk) if pk else None
    return edit_page(
        request,
        AchievementForm(request.POST or None, instance=achievement, user=request.user),
        "strengths/edit.html",
        {
            "heading": "Edit the achievement" if achievement else "Add an achievement",
            "lead": "Tell it as a short story: the situation, what you did, and what changed.",
            "delete_url": achievement
            and reverse("strengths:achievement_delete", args=[achievement.pk]),
            "delete_label": "Remove this achievement",
        },
        saved="Achievement saved.",
        then=reverse("strengths:index"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def supporter_edit(request, pk: int | None = None):
    supporter = get_owned_or_404(Supporter, request.user, pk=pk) if pk else None
    return edit_page(
        request,
        SupporterForm(request.POST or None, instance=supporter),
        "strengths/edit.html",
        {
            "heading": f"Edit {supporter.name}" if supporter else "Someone in your corner",
            "delete_url": supporter and reverse("strengths:supporter_delete", args=[supporter.pk]),
            "delete_label": f"Remove {supporter.name}" if supporter else "",
        },
        saved="Saved.",
        then=reverse("strengths:index"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def achievement_delete(request, pk: int):
    return _delete_page(request, get_owned_or_404(Achievement, request.user, pk=pk), "achievement")


@login_required
@require_http_methods(["GET", "POST"])
def supporter_delete(request, pk: int):
    return _delete_page(request, get_owned_or_404(Supporter, request.user, pk=pk), "supporter")


def _delete_page(request, thing, kind: str, stays=list):
    return confirm_then_delete(
        request,
        thing,
        lambda: Deletion(
            question=f"Remove this {kind}?",
            name=str(thing),
            stays=stays(),
            action="Remove it",
            keep_url=reverse("strengths:index"),
        ),
        success=f"“{thing}” is removed.",
        then=reverse("strengths:index"),
    )


# ---- The timed exercise --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def exercise(request):
    """Write down strengths, one per line, as fast as they come, against a gentle timer."""
    form = ExerciseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = services.append_strengths(
            request.user, [Strength(name=name) for name in form.names()]
        )
        return render(request, "strengths/exercise_done.html", {"created": created})
    minutes = whole_number(request.GET.get("minutes"))
    minutes = minutes if minutes in EXERCISE_MINUTES else EXERCISE_MINUTES[0]
    return render(
        request,
        "strengths/exercise.html",
        {"form": form, "minutes": minutes, "choices": EXERCISE_MINUTES},
        status=422 if request.method == "POST" else 200,
    )


# ---- The bad-day page ----------------------------------------------------------------------


@login_required
@require_safe
@remembered_per_person
def bad_day(request):
    """One click from anywhere: the person's own evidence that they are good at this."""
    user = request.user
    shuffle = whole_number(request.GET.get("shuffle"), 0)
    if request.htmx:  # "Show me others": only the part that changes
        return render_vary_on_htmx(
            request,
            "strengths/bad_day.html#encouragement",
            {"shuffle": shuffle, **_encouragement(user, shuffle)},
        )
    return render_vary_on_htmx(request, "strengths/bad_day.html", _bad_day_context(user, shuffle))


def _bad_day_context(user, shuffle: int = 0, form: FirstStrengthsForm | None = None) -> dict:
    today = timezone.localdate()
    supporters = list(Supporter.objects.for_user(user))
    return {
        "shuffle": shuffle,
        **_encouragement(user, shuffle),
        "great_answers": list(
            Question.objects.for_user(user)
            .filter(outcome=Question.Outcome.ROCKED)
            .select_related("interview__application")
            .order_by("-interview__occurred_at")[:BAD_DAY_ANSWERS]
        ),
        "progress": _progress(user),
        "supporter": supporters[today.toordinal() % len(supporters)] if supporters else None,
        "kind_thing": kind_thing_for(today.toordinal()),
        "first_strengths_form": form or FirstStrengthsForm(),
    }


def _encouragement(user, shuffle: int) -> dict:
    """A strength and a few achievements, rotated by `shuffle` (pinned strengths first):
    each shuffle moves one window on, wrapping round to the start. One query each."""
    strengths = _window(Strength.objects.for_user(user), shuffle, 1)
    picked = _window(
        Achievement.objects.for_user(user), shuffle * BAD_DAY_ACHIEVEMENTS, BAD_DAY_ACHIEVEMENTS
    )
    strength_count = strengths[0].total if strengths else 0
    achievement_count = picked[0].total if picked else 0
    strength = strengths[0] if strengths else None
    return {
        "strength": strength,
        "achievements": picked,
        "can_shuffle": strength_count > 1 or achievement_count > BAD_DAY_ACHIEVEMENTS,
        "next_shuffle": shuffle + 1,
    }


def _window(rows, start: int, size: int) -> list:
    """`size` rows from position `start` of `rows` (in their own order), wrapping round to
    the beginning, each annotated with how many there are in all: one query."""
    ordering = [_order_by(field) for field in rows.model._meta.ordering]
    numbered = rows.annotate(
        place=Window(RowNumber(), order_by=ordering) - 1, total=Window(Count("pk"))
    )
    # How far each row is past the start, going round: the first `size` of those.
    past_start = Mod(F("place") - Mod(Value(start), F("total")) + F("total"), F("total"))
    return list(
        numbered.annotate(past_start=past_start).filter(past_start__lt=size).order_by("past_start")
    )


def _order_by(field) -> OrderBy:
    """One entry of a model's Meta.ordering ("-pinned", F("month").desc()) as an
    expression a window function can take."""
    if isinstance(field, OrderBy):
        return field
    return OrderBy(F(field.lstrip("-")), descending=field.startswith("-"))


def _progress(user) -> list[str]:
    """Plain, kind numbers, and only the ones that exist. Nothing that counts a loss."""
    numbers = numbers_for(user)
    shown = "you showed up for"
    well = "you answered really well"
    counts = (
        (numbers.rounds_done, f"interview round {shown}", f"interview rounds {shown}"),
        (numbers.finals, "final round reached", "final rounds reached"),
        (numbers.great_answers, f"question {well}", f"questions {well}"),
        (Entry.objects.for_user(user).count(), "journal entry written", "journal entries written"),
    )
    return [count_of(count, one, many) for count, one, many in counts if count]


@login_required
@require_POST
def first_strengths(request):
    """The empty bad-day page invites three strengths; this saves them."""
    form = FirstStrengthsForm(request.POST)
    if form.is_valid():
        services.append_strengths(request.user, [Strength(name=name) for name in form.names()])
        messages.success(request, "Saved. These are yours to come back to.")
        return redirect("strengths:bad_day")
    return render(
        request, "strengths/bad_day.html", _bad_day_context(request.user, form=form), status=422
    )
