"""The writing page: guides, one question at a time or all at once, finish, links."""

import html
import re

from django.urls import reverse

from apps.journal import guides
from apps.journal.models import Entry
from tests.interviews.factories import make_application, make_interview
from tests.journal.factories import make_entry

NEW = reverse("journal:write_new")


def test_choosing_a_guide_lists_all_of_them(alice_client):
    body = alice_client.get(reverse("journal:new")).text
    assert len(guides.GUIDES) >= 9
    for guide in guides.GUIDES:
        assert guide.title in body
        assert 3 <= len(guide.prompts) <= 8


def test_all_questions_on_one_page_by_default(alice_client):
    body = alice_client.get(NEW, {"guide": "learned"}).text
    for prompt in guides.GUIDES_BY_KEY["learned"].prompts:
        assert prompt.replace("'", "&#x27;") in body
    assert 'class="step" hidden' not in body
    assert "How are you feeling right now?" in body and "How do you feel now?" in body


def test_one_question_at_a_time(alice_client):
    body = alice_client.get(NEW, {"guide": "learned", "step": "3"}).text
    assert "Step 3 of 8" in body  # mood, five questions, your own words, mood after
    visible = re.findall(r'<section class="step">\s*<h2[^>]*>([^<]+)</h2>', body)
    assert visible == ["Question 2"]
    assert 'name="go" value="2"' in body and 'name="go" value="4"' in body


def full_save(client, url, **fields):
    return client.post(url, {"version": "0", **fields})


def test_next_saves_and_moves_on_without_javascript(alice_client):
    response = full_save(alice_client, f"{NEW}?guide=process", answer_0="It hurt.", go="3")
    entry = Entry.objects.get()
    assert response.url == f"{entry.get_write_url()}?step=3"
    assert entry.answers[0] == "It hurt."


def test_next_with_htmx_swaps_the_writer_and_moves_the_address(alice_client, alice):
    entry = make_entry(alice, answers=["One."])
    response = alice_client.post(
        entry.get_write_url(),
        {"version": "1", "answer_0": "One. Two.", "go": "4"},
        headers={"HX-Request": "true"},
    )
    location = response.headers["HX-Location"]
    assert f'"path": "{entry.get_write_url()}?step=4"' in location
    assert '"target": "#writer"' in location
    entry.refresh_from_db()
    assert entry.answers[0] == "One. Two."


def test_finish_saves_mood_after_and_shows_the_entry(alice_client, alice):
    entry = make_entry(alice, answers=["Words."])
    response = alice_client.post(
        entry.get_write_url(),
        {
            "version": "1",
            "answer_0": "Words.",
            "mood_after": "4",
            "finish": "1",
            "tags": "Hard day, rejection",
        },
    )
    assert response.url == entry.get_absolute_url()
    entry.refresh_from_db()
    assert (entry.is_draft, entry.mood_after, entry.tag_list) == (
        False,
        4,
        ["hard day", "rejection"],
    )


def test_save_and_leave_keeps_the_draft(alice_client, alice):
    entry = make_entry(alice)
    response = alice_client.post(
        entry.get_write_url(), {"version": "1", "answer_1": "Later.", "leave": "1"}
    )
    assert response.url == reverse("journal:index")
    entry.refresh_from_db()
    assert entry.is_draft and entry.answers[1] == "Later."


def test_a_stale_full_save_keeps_the_text_on_screen(alice_client, alice):
    entry = make_entry(alice, answers=["Newer text from another tab."])
    Entry.objects.filter(pk=entry.pk).update(version=5)
    response = alice_client.post(
        entry.get_write_url(), {"version": "4", "answer_0": "My old copy."}
    )
    assert response.status_code == 409
    assert "changed in another tab" in response.text
    assert "My old copy." in response.text
    entry.refresh_from_db()
    assert entry.answers[0] == "Newer text from another tab."


def test_changing_a_guide_never_garbles_an_old_entry(alice_client, alice, monkeypatch):
    entry = make_entry(alice, answers=["An answer to the first question."])
    original = entry.prompts[0]
    reworded = guides.Guide("process", "Process", "Why.", ("A new first question?", "B?", "C?"))
    monkeypatch.setitem(guides.GUIDES_BY_KEY, "process", reworded)
    body = alice_client.get(entry.get_absolute_url()).text
    assert original.replace("'", "&#x27;") in body
    assert "A new first question?" not in body


def test_write_about_an_interview_links_both(alice_client, alice):
    interview = make_interview(make_application(alice, company="Lumen"))
    page = alice_client.get(NEW, {"guide": "learned", "interview": interview.pk})
    assert f'<option value="{interview.pk}" selected>' in page.text
    response = alice_client.post(
        f"{NEW}?guide=learned",
        {
            "version": "0",
            "answer_0": "Good rapport.",
            "application": interview.application_id,
            "interview": interview.pk,
            "finish": "1",
        },
    )
    entry = Entry.objects.get()
    assert response.url == entry.get_absolute_url()
    assert (entry.application, entry.interview) == (interview.application, interview)
    assert "Lumen" in alice_client.get(entry.get_absolute_url()).text


def test_write_about_someone_elses_application_is_a_404(alice_client, bob):
    bobs = make_application(bob)
    assert alice_client.get(NEW, {"application": bobs.pk}).status_code == 404


def test_an_entry_cannot_be_linked_to_someone_elses_interview(alice_client, bob):
    bobs = make_interview(make_application(bob))
    response = alice_client.post(
        f"{NEW}?guide=free", {"version": "0", "answer_0": "Mine.", "interview": bobs.pk}
    )
    assert response.status_code == 422
    assert "Choose one of your own interview rounds." in response.text
    assert "Mine." in response.text
    assert not Entry.objects.exists()


def test_delete_asks_first(alice_client, alice):
    entry = make_entry(alice)
    url = reverse("journal:delete", args=[entry.pk])
    assert "Delete this entry?" in alice_client.get(url).text
    assert alice_client.post(url).url == reverse("journal:index")
    assert not Entry.objects.exists()


def test_a_vent_can_be_burned_for_good(alice_client, alice):
    entry = make_entry(alice, guide="vent", answers=["Furious about the silence."])
    url = reverse("journal:burn", args=[entry.pk])
    assert "it can't be undone" in html.unescape(alice_client.get(url).text)
    response = alice_client.post(url)
    assert response.url == reverse("journal:index")
    assert not Entry.objects.filter(answers_text__contains="Furious").exists()
    assert not Entry.objects.exists()


def test_only_vents_can_be_burned(alice_client, alice):
    entry = make_entry(alice, guide="process")
    assert alice_client.post(reverse("journal:burn", args=[entry.pk])).status_code == 404
    assert Entry.objects.exists()


def test_the_chooser_offers_five_ways_first_and_the_rest_behind_more(alice_client):
    body = alice_client.get(reverse("journal:new")).text
    main, more = body.split("<summary>More ways to write</summary>")
    assert main.count('class="action-card"') == 5
    assert more.count('class="action-card"') == len(guides.GUIDES) - 5


def test_the_chooser_and_the_progress_bar_count_the_same_steps(alice_client):
    process = guides.GUIDES_BY_KEY["process"]
    chooser = alice_client.get(reverse("journal:new")).text
    assert "5 questions, and how you feel before and after: 8 short steps" in chooser
    body = alice_client.get(NEW, {"guide": "process", "step": "3"}).text
    words = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert f"Step 3 of {process.step_count} · Question 2 of 5" in words
    assert '<progress max="8" value="3"' in body


def test_next_saves_when_the_linked_application_was_deleted_in_another_tab(alice_client, alice):
    application = make_application(alice)
    entry = make_entry(alice, application=application)
    gone = application.pk
    application.delete()
    response = alice_client.post(
        reverse("journal:write", args=[entry.pk]),
        {"version": str(entry.version), "title": "Still mine", "application": gone, "finish": "1"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.application) == ("Still mine", None)


def test_someone_elses_application_is_still_refused_as_a_link(alice_client, alice, bob):
    entry = make_entry(alice)
    response = alice_client.post(
        reverse("journal:write", args=[entry.pk]),
        {"version": str(entry.version), "application": make_application(bob).pk, "finish": "1"},
    )
    assert response.status_code == 422
    assert "Choose one of your own applications." in response.text


def test_choosing_an_application_offers_its_rounds_and_only_yours(alice_client, alice, bob):
    application = make_application(alice, company="Copperline")
    make_interview(application, stage="panel")
    bobs = make_application(bob, company="Bobcorp")
    make_interview(bobs, stage="final")
    url = reverse("journal:round_choice")
    body = alice_client.get(url, {"application": application.pk}, headers={"HX-Request": "true"})
    assert "Panel — Designer at Copperline" in html.unescape(body.text)
    assert 'id="round-choice"' in body.text and "<html" not in body.text
    assert "Bobcorp" not in alice_client.get(url, {"application": bobs.pk}).text
