"""Autosave: the first save creates the draft, later ones update it, a stale copy is refused."""

import pytest
from django.urls import reverse

from apps.interviews.models import Application
from apps.journal.forms import sign_links
from apps.journal.models import Entry
from tests.interviews.factories import make_application

AUTOSAVE = {"HTTP_X_AUTOSAVE": "1"}
NEW = reverse("journal:write_new") + "?guide=process"


def post(client, url, version=0, **fields):
    return client.post(url, {"version": str(version), **fields}, **AUTOSAVE)


def test_the_first_save_creates_the_draft(alice_client, alice):
    response = post(alice_client, NEW, answer_0="The email came this morning.", mood_before="2")
    assert response.status_code == 200
    data = response.json()
    entry = Entry.objects.get()
    assert data == {
        "id": entry.pk,
        "version": 1,
        "saved_at": data["saved_at"],
        "url": entry.get_write_url(),
    }
    assert (entry.owner, entry.guide, entry.is_draft, entry.mood_before) == (
        alice,
        "process",
        True,
        2,
    )
    assert entry.prompts[0] == "What happened? Describe it as if telling a friend."
    assert entry.answers[0] == "The email came this morning."


def test_later_saves_update_the_same_draft(alice_client):
    entry_id = post(alice_client, NEW, answer_0="First words.").json()["id"]
    url = reverse("journal:write", args=[entry_id])
    response = post(
        alice_client, url, version=1, answer_0="First words. And more.", title="Tuesday"
    )
    assert response.json()["version"] == 2
    response = post(alice_client, url, version=2, answer_0="First words. And more. Done.")
    assert response.json()["version"] == 3
    entry = Entry.objects.get()
    assert (entry.answers[0], entry.title, entry.version) == ("First words. And more. Done.", "", 3)


def test_a_stale_save_is_refused(alice_client):
    entry_id = post(alice_client, NEW, answer_0="Tab A wrote this.").json()["id"]
    url = reverse("journal:write", args=[entry_id])
    post(alice_client, url, version=1, answer_0="Tab A kept writing.")

    response = post(alice_client, url, version=1, answer_0="Tab B, from an old copy.")
    assert response.status_code == 409
    assert "changed in another tab" in response.json()["error"]
    assert Entry.objects.get().answers[0] == "Tab A kept writing."


# ---- The conflict view: both copies side by side, the person chooses ----------------------


def stale_step(client):
    """Tab A saved; tab B, still on version 1, presses Next on step 2."""
    entry_id = post(client, NEW, answer_0="Tab A wrote this.").json()["id"]
    url = reverse("journal:write", args=[entry_id])
    post(client, url, version=1, answer_0="Tab A wrote this. And more.", body="A's body.")
    response = client.post(url, {"version": "1", "answer_0": "Tab B's words.", "go": "3"})
    return url, response


def test_a_stale_step_shows_both_texts_and_carries_yours(alice_client):
    _, response = stale_step(alice_client)
    assert response.status_code == 409
    page = response.content.decode()
    assert "This entry changed in another tab" in page
    assert "Tab B&#x27;s words." in page and "Tab A wrote this. And more." in page
    carried = response.context["conflict"]["carried"]
    assert ("answer_0", "Tab B's words.") in carried and ("go", "3") in carried
    assert response.context["conflict"]["version"] == 2  # the choice is made against now
    assert Entry.objects.get().answers[0] == "Tab A wrote this. And more."


def resolve(client, url, choice, version=2):
    return client.post(
        url, {"version": str(version), "answer_0": "Tab B's words.", "go": "3", "resolve": choice}
    )


def test_keeping_both_puts_yours_after_the_saved_text(alice_client):
    url, _ = stale_step(alice_client)
    response = resolve(alice_client, url, "both")
    assert response.status_code == 302
    assert response["Location"] == f"{url}?step=3"
    entry = Entry.objects.get()
    assert entry.answers[0] == "Tab A wrote this. And more.\n\nTab B's words."
    assert entry.body == "A's body."  # what only the other tab wrote stays
    assert entry.version == 3


def test_keeping_mine_saves_it_and_keeping_the_saved_one_changes_nothing(alice_client):
    url, _ = stale_step(alice_client)
    assert resolve(alice_client, url, "theirs").status_code == 302
    assert Entry.objects.get().answers[0] == "Tab A wrote this. And more."
    assert Entry.objects.get().version == 2

    resolve(alice_client, url, "mine")
    assert Entry.objects.get().answers[0] == "Tab B's words."


def test_a_choice_made_against_an_older_copy_asks_again(alice_client):
    url, _ = stale_step(alice_client)
    post(alice_client, url, version=2, answer_0="A third tab, meanwhile.")
    response = resolve(alice_client, url, "mine", version=2)
    assert response.status_code == 409
    assert response.context["conflict"]["version"] == 3
    assert Entry.objects.get().answers[0] == "A third tab, meanwhile."


def test_a_save_costs_at_most_four_queries(alice_client, django_assert_max_num_queries):
    # The session, the person (with their change stamp), the stamp moved on, the write.
    entry_id = post(alice_client, NEW, answer_0="Start.").json()["id"]
    url = reverse("journal:write", args=[entry_id])
    with django_assert_max_num_queries(4):
        assert post(alice_client, url, version=1, answer_0="Start. More.").status_code == 200
    with django_assert_max_num_queries(4):
        assert post(alice_client, NEW, answer_0="Another new entry.").status_code == 200


def test_bad_input_is_refused_without_saving(alice_client):
    response = post(alice_client, NEW, answer_0="Words.", mood_before="9")
    assert response.status_code == 422
    assert "mood_before" in response.json()["errors"]
    assert not Entry.objects.exists()


def test_someone_elses_entry_cannot_be_saved_over(client, alice, bob):
    client.force_login(alice)
    entry_id = post(client, NEW, answer_0="Alice's words.").json()["id"]
    client.force_login(bob)
    response = post(client, reverse("journal:write", args=[entry_id]), version=1, answer_0="Bob")
    assert response.status_code == 404
    assert Entry.objects.get().answers[0] == "Alice's words."


def test_links_checked_when_the_page_was_drawn_go_with_the_first_save(alice_client, alice):
    application = make_application(alice)
    token = sign_links(alice, application, None)
    post(alice_client, NEW, answer_0="About Northwind.", links=token)
    assert Entry.objects.get().application == application


def test_a_forged_or_foreign_links_token_is_ignored(alice_client, alice, bob):
    bobs = make_application(bob)
    token = sign_links(bob, bobs, None)  # signed for Bob, not for Alice
    post(alice_client, NEW, answer_0="Hmm.", links=token)
    assert Entry.objects.get().application is None
    assert Application.objects.get().owner == bob


@pytest.mark.django_db
def test_autosave_needs_a_login(client):
    assert post(client, NEW, answer_0="x").status_code == 302


def test_finish_pressed_in_a_stale_tab_happens_once_the_person_chooses(alice_client):
    entry_id = post(alice_client, NEW, answer_0="Tab A wrote this.").json()["id"]
    url = reverse("journal:write", args=[entry_id])
    post(alice_client, url, version=1, answer_0="Tab A, later.")
    response = alice_client.post(url, {"version": "1", "answer_0": "Tab B.", "finish": "1"})
    assert response.status_code == 409
    assert ("finish", "1") in response.context["conflict"]["carried"]
    done = alice_client.post(
        url, {"version": "2", "answer_0": "Tab B.", "finish": "1", "resolve": "both"}
    )
    assert done["Location"] == reverse("journal:entry", args=[entry_id])
    entry = Entry.objects.get()
    assert (entry.answers[0], entry.is_draft) == ("Tab A, later.\n\nTab B.", False)
