"""The walk-through keeps the product's own rules: one question a screen, five main
choices, progress that counts what it names, and a GET that writes nothing."""

import html
import re

from django.urls import reverse

from apps.journal.models import Entry
from apps.rejections.models import Recovery
from tests.interviews.factories import make_interview, make_question
from tests.rejections.factories import make_recovery


def test_opening_a_screen_writes_nothing(alice_client, alice):
    recovery = make_recovery(alice)
    before = Recovery.objects.values_list("updated_at", "current_step", "current_screen").get()
    for number, screen in ((1, 1), (1, 3), (2, 1), (4, 2), (6, 1), (8, 1)):
        assert alice_client.get(recovery.step_url(number, screen)).status_code == 200
    after = Recovery.objects.values_list("updated_at", "current_step", "current_screen").get()
    assert before == after
    assert not Entry.objects.exists()


def test_the_progress_counts_what_it_names(alice_client, alice):
    recovery = make_recovery(alice)
    body = alice_client.get(recovery.step_url(5, 2)).text
    words = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert "Step 5 of 8: Was it the right fit? · Question 2 of 5" in words
    assert '<progress max="8" value="5"' in body
    assert "Why did you apply?" not in body  # one question a screen: this is the second
    assert "What did you learn about the team and how they work?" in body


def test_a_screen_offers_five_main_choices_and_keeps_the_rest_behind_more(alice_client, alice):
    recovery = make_recovery(alice)
    for number, more in ((1, "More feelings"), (2, "More thinking traps")):
        body = alice_client.get(recovery.step_url(number)).text
        main, behind = body.split(f"<summary>{more}</summary>")
        assert main.count('type="checkbox"') == 5, number
        assert behind.count('type="checkbox"') >= 1, number
    for text in ("Ask about salary", "Tell the story", "Write it down", "Rehearse aloud"):
        make_question(make_interview(recovery.application), text=text, outcome="struggled")
    body = alice_client.get(recovery.step_url(7)).text
    main, behind = body.split("<summary>More ideas</summary>")
    assert main.count('name="pick_') == 5 and behind.count('name="pick_') == 2


def test_each_thinking_trap_ticked_gets_its_own_screen(alice_client, alice):
    recovery = make_recovery(alice)
    alice_client.post(recovery.step_url(2), {"traps": ["labelling", "mind_reading"]})
    # In the order the list shows them, whatever order the database keeps them in.
    assert "mind reading" in alice_client.get(recovery.step_url(2, 2)).text
    alice_client.post(recovery.step_url(2, 2), {"fairer": "I can't know what they thought."})
    assert "labelling yourself" in alice_client.get(recovery.step_url(2, 3)).text
    # Unticking one drops its screen and keeps the other's thought.
    alice_client.post(recovery.step_url(2), {"traps": ["mind_reading"]})
    recovery.refresh_from_db()
    assert recovery.thinking_traps == {"mind_reading": "I can't know what they thought."}
    assert alice_client.get(recovery.step_url(2, 3)).url == recovery.step_url(2)


def test_going_back_never_moves_the_place_to_pick_up(alice_client, alice):
    recovery = make_recovery(alice)
    alice_client.post(recovery.step_url(1), {"skip_step": "1"})
    alice_client.post(recovery.step_url(2), {"no_trap_fits": "on"})
    alice_client.post(recovery.step_url(1, 2), {"impact": "2"})  # back, to change one thing
    assert alice_client.get(recovery.get_absolute_url()).url == recovery.step_url(3)
    recovery.refresh_from_db()
    assert recovery.steps_done == [2, 1] and recovery.steps_skipped == []


def test_the_count_of_steps_comes_from_the_registry(alice_client, alice):
    from apps.rejections.steps import STEP_COUNT, STEPS

    assert STEP_COUNT == len(STEPS) == 8
    recovery = make_recovery(alice)
    alice_client.post(recovery.step_url(1), {"skip_step": "1"})
    home = alice_client.get(reverse("home:index")).text
    assert f"step 2 of {STEP_COUNT}, “{STEPS[1].title}”" in home
