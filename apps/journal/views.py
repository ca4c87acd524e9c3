from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.views.decorators.http import require_http_methods, require_safe

from apps.core.forms import answer_field_name
from apps.core.htmx import move_on_within, redirect_after_post, render_vary_on_htmx
from apps.core.pagecache import remembered_per_person
from apps.core.params import whole_number
from apps.core.shortcuts import Deletion, confirm_then_delete, get_owned_or_404
from apps.interviews.models import Application, Interview

from . import services
from .charts import mood_chart
from .forms import EntryLinksForm, EntryTextForm, JournalFilterForm, sign_links, unsign_links
from .guides import GUIDES, GUIDES_SHOWN_FIRST, MAX_PROMPTS, get_guide, writing_steps
from .models import Entry
from .search import search_entries, snippet

ENTRIES_PER_PAGE = 20
TAG_SUGGESTIONS = 50

# ---- Reading and finding ------------------------------------------------------------------


@login_required
@require_safe
@remembered_per_person
def index(request):
    entries = Entry.objects.for_user(request.user)
    filters = JournalFilterForm(request.GET)
    query = ""
    if filters.is_valid():
        data = filters.cleaned_data
        if data["guide"]:
            entries = entries.filter(guide=data["guide"])
        if data["tag"]:
            entries = entries.tagged(data["tag"])
        if data["mood"]:
            entries = entries.filter(mood_before=data["mood"]) | entries.filter(
                mood_after=data["mood"]
            )
        if data["start"]:
            entries = entries.filter(written_on__gte=data["start"])
        if data["end"]:
            entries = entries.filter(written_on__lte=data["end"])
        query = data["q"]
    found = search_entries(entries, query).defer("prompts", "answers")
    page = Paginator(found, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    if query:
        for entry in page.object_list:
            entry.snippet = snippet(entry, query)
    moods = (
        Entry.objects.for_user(request.user)
        .exclude(mood_before=None, mood_after=None)
        .order_by("-written_on", "-created_at")
        .values_list("written_on", "mood_before", "mood_after")[:30]
    )
    return render(
        request,
        "journal/index.html",
        {
            "page": page,
            "filters": filters,
            "query": query,
            "chart": mood_chart(list(reversed(moods))),
            "filtering": any(request.GET.get(name) for name in filters.fields),
        },
    )


@login_required
@require_safe
def entry(request, pk: int):
    entry = get_owned_or_404(
        Entry.objects.select_related("application", "interview"), request.user, pk=pk
    )
    return render(request, "journal/entry.html", {"entry": entry})


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, pk: int):
    entry = get_owned_or_404(Entry, request.user, pk=pk)
    return confirm_then_delete(
        request,
        entry,
        Deletion(
            question="Delete this entry?",
            name=entry.display_title,
            detail=f"Written on {date_format(entry.written_on, 'j F Y')}.",
            goes=[
                "Its words also leave the recovery walk-through they were written in, "
                "and its summary."
            ]
            if entry.rejection_id
            else [],
            keep_url=entry.get_absolute_url(),
        ),
        success="The entry is deleted.",
        then=reverse("journal:index"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def burn(request, pk: int):
    """Let a vent go: delete it for good, leaving nothing of it behind."""
    entry = get_owned_or_404(Entry.objects.filter(guide="vent"), request.user, pk=pk)
    return confirm_then_delete(
        request,
        entry,
        Deletion(
            question="Let it go?",
            name=entry.display_title,
            detail="Burning it deletes it for good. Nothing of it stays in Rebound, "
            "and it can't be undone.",
            final="It's fine to keep it, too.",
            action="Burn it",
            effect="burn",
            keep_url=entry.get_absolute_url(),
        ),
        success="It's gone, for good. We hope letting it out helped.",
        then=reverse("journal:index"),
    )


# ---- Writing ------------------------------------------------------------------------------


@login_required
@require_safe
def choose_guide(request):
    return render(
        request,
        "journal/choose.html",
        {
            "guides": GUIDES[:GUIDES_SHOWN_FIRST],
            "more_guides": GUIDES[GUIDES_SHOWN_FIRST:],
            "links": request.GET.urlencode(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@remembered_per_person
def write_new(request):
    """A new entry: nothing is stored until the first save, which creates it."""
    guide = get_guide(request.GET.get("guide", "")) or get_guide("free")
    if request.method == "POST":
        return _save(request, None, guide, guide.prompts)
    application, interview = _links_from_query(request)
    text_form = EntryTextForm(prompts=guide.prompts, initial={"written_on": timezone.localdate()})
    links_form = EntryLinksForm(
        user=request.user, initial={"application": application, "interview": interview}
    )
    return _render_writer(
        request,
        None,
        guide,
        text_form,
        links_form,
        links_token=sign_links(request.user, application, interview),
    )


@login_required
@require_http_methods(["GET", "POST"])
def write(request, pk: int):
    if request.method == "POST" and _is_autosave(request):
        # The hot path: no read before the write. The version-guarded UPDATE both finds
        # the person's own entry and refuses a stale copy.
        return _save(request, pk, None, _posted_answer_slots(request.POST))
    entry = get_owned_or_404(Entry, request.user, pk=pk)
    guide = entry.guide_info or get_guide("free")
    if request.method == "POST":
        return _save(request, entry.pk, guide, entry.prompts, entry=entry)
    initial = {
        "title": entry.title,
        "written_on": entry.written_on,
        "mood_before": entry.mood_before,
        "mood_after": entry.mood_after,
        "body": entry.body,
        "tags": ", ".join(entry.tag_list),
        **{answer_field_name(i): answer for i, (_, answer) in enumerate(entry.prompts_and_answers)},
    }
    text_form = EntryTextForm(prompts=entry.prompts, initial=initial)
    links_form = EntryLinksForm(
        user=request.user,
        initial={"application": entry.application_id, "interview": entry.interview_id},
    )
    return _render_writer(request, entry, guide, text_form, links_form)


@login_required
@require_safe
def round_choice(request):
    """The rounds of the application just chosen in an entry's links (htmx)."""
    chosen = whole_number(request.GET.get("application"))
    links_form = EntryLinksForm(user=request.user, initial={"application": chosen})
    return render_vary_on_htmx(
        request, "journal/write.html#round-choice", {"links_form": links_form}
    )


def _links_from_query(request) -> tuple[Application | None, Interview | None]:
    """ "Write about this": links passed in the address, checked to be the person's own."""
    application = interview = None
    if (interview_id := whole_number(request.GET.get("interview"))) is not None:
        interview = get_owned_or_404(
            Interview.objects.select_related("application"), request.user, pk=interview_id
        )
        application = interview.application
    elif (application_id := whole_number(request.GET.get("application"))) is not None:
        application = get_owned_or_404(Application, request.user, pk=application_id)
    return application, interview


def _step(request, sections: list[str]) -> int | None:
    step = whole_number(request.GET.get("step"))
    return step if step is not None and 1 <= step <= len(sections) else None


def _render_writer(request, entry, guide, text_form, links_form, *, status=200, links_token=""):
    sections = writing_steps(text_form.prompts)
    step = _step(request, sections)
    action = entry.get_write_url() if entry else f"{reverse('journal:write_new')}?guide={guide.key}"
    tags = (
        Entry.objects.for_user(request.user)
        .exclude(tags="")
        .values_list("tags", flat=True)
        .order_by("-updated_at")[:200]
    )
    return render(
        request,
        "journal/write.html",
        {
            "entry": entry,
            "guide": guide,
            "form": text_form,
            "links_form": links_form,
            "sections": sections,
            "step": step,
            "current": sections[step - 1] if step else None,
            # Steps 2 to n+1 are the guide's questions; the count says which one this is.
            "question_number": step - 1
            if step and 1 < step <= len(text_form.prompts) + 1
            else None,
            "action": action,
            "links_token": links_token,
            "version": entry.version if entry else 0,
            "tag_suggestions": sorted({t for packed in tags for t in packed.split("|") if t})[
                :TAG_SUGGESTIONS
            ],
        },
        status=status,
    )


def _is_autosave(request) -> bool:
    return request.headers.get("X-Autosave") == "1"


def _posted_answer_slots(data) -> list[str]:
    """As many answer fields as were posted (answer_0, answer_1, …), up to the maximum."""
    count = 0
    while answer_field_name(count) in data and count < MAX_PROMPTS:
        count += 1
    return [""] * count


def _save(request, entry_id: int | None, guide, prompts, entry: Entry | None = None):
    """Every save goes through here: autosave (JSON), step and finish (htmx or plain)."""
    autosave = _is_autosave(request)
    text_form = EntryTextForm(request.POST, prompts=prompts)
    links_form = None if autosave else EntryLinksForm(request.POST, user=request.user)
    if not text_form.is_valid() or (links_form and not links_form.is_valid()):
        if autosave:
            return JsonResponse({"errors": text_form.errors}, status=422)
        return _render_writer(request, entry, guide, text_form, links_form, status=422)

    extra = {}
    if links_form:
        extra = {key: links_form.cleaned_data[key] for key in ("application", "interview")}
    elif entry_id is None:
        extra = unsign_links(request.user, request.POST.get("links", ""))
    finishing = "finish" in request.POST
    if finishing:
        extra["is_draft"] = False

    go = request.POST.get("go", request.POST.get("at_step", ""))
    resolve = request.POST.get("resolve", "")  # the person's choice in the conflict view
    fields = text_form.entry_fields()
    if entry is not None and resolve == "theirs":
        return _to_writer(request, entry.get_write_url(), go)
    if entry is not None and resolve == "both":
        fields = services.keep_both(entry, fields)

    try:
        if entry_id is None:
            saved = services.create_entry(request.user, guide, fields, **extra)
        else:
            saved = services.update_entry(
                request.user,
                entry_id,
                whole_number(request.POST.get("version"), -1),
                fields,
                **extra,
            )
    except services.StaleVersion:
        return _conflict(request, entry, guide, text_form, autosave)
    except Entry.DoesNotExist:
        raise Http404 from None

    write_url = reverse("journal:write", args=[saved.entry_id])
    if autosave:
        saved_at = time_format(timezone.localtime(saved.saved_at), "H:i")
        return JsonResponse(
            {"id": saved.entry_id, "version": saved.version, "saved_at": saved_at, "url": write_url}
        )
    if finishing:
        messages.success(request, "Your entry is saved.")
        return redirect_after_post(request, reverse("journal:entry", args=[saved.entry_id]))
    if "leave" in request.POST:
        messages.success(request, "Your draft is saved. Come back to it whenever you like.")
        return redirect_after_post(request, reverse("journal:index"))
    return _to_writer(request, write_url, go, saved_message="Saved.")


def _to_writer(request, write_url: str, go: str, saved_message: str = ""):
    """Back to the writer, at step `go` (or every question on one page)."""
    step = whole_number(go)
    target = f"{write_url}?step={step}" if step is not None else write_url
    return move_on_within(request, target, "#writer", message=saved_message)


# Posted fields that are about this one request, not the text: a conflict view doesn't
# carry them into the person's choice. ("Finish" and "Save and leave" are carried: once
# the person chooses what to keep, what they pressed happens.)
NOT_CARRIED = {"csrfmiddlewaretoken", "version", "resolve", "links"}


def _conflict(request, entry, guide, text_form, autosave):
    """Two copies of one entry: show both, side by side, and let the person choose."""
    message = (
        "This entry was changed in another tab or window, so this copy wasn't saved yet. "
        "Nothing is lost: choose what to keep."
    )
    if autosave:
        return JsonResponse({"error": message}, status=409)
    saved = get_owned_or_404(Entry, request.user, pk=entry.pk)
    carried = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in NOT_CARRIED
        for value in values
    ]
    return render(
        request,
        "journal/write.html",
        {
            "entry": saved,
            "guide": guide,
            "conflict": {
                "differences": services.differences(saved, text_form.entry_fields()),
                "version": saved.version,
                "carried": carried,
                "action": saved.get_write_url(),
            },
        },
        status=409,
    )
