"""The recovery walk-through: each step writes into the app that owns the data."""

import pytest
from django.urls import reverse

from apps.feedback.models import FeedbackRequest
from apps.journal.models import Entry
from apps.strengths.models import Achievement, Strength
from tests.interviews.factories import make_application, make_interview, make_question
from tests.rejections.factories import make_recovery


def test_step_1_feelings_impact_and_a_vent_one_screen_each(alice_client, alice):
    recovery = make_recovery(alice)
    response = alice_client.post(
        recovery.step_url(1), {"feelings": ["sad", "angry"], "feelings_in_own_words": "Flat."}
    )
    assert response.url == recovery.step_url(1, 2)
    assert alice_client.post(recovery.step_url(1, 2), {"impact": "5"}).url == recovery.step_url(
        1, 3
    )
    response = alice_client.post(
        recovery.step_url(1, 3), {"vent": "Three weeks of silence, then two lines."}
    )
    assert response.url == recovery.step_url(2)
    recovery.refresh_from_db()
    assert (recovery.feelings, recovery.rejection.impact, recovery.steps_done) == (
        ["sad", "angry"],
        5,
        [1],
    )
    vent = Entry.objects.get(guide="vent")
    assert (vent.owner, vent.rejection, vent.answers[0]) == (
        alice,
        recovery.rejection,
        "Three weeks of silence, then two lines.",
    )


def test_step_2_thinking_traps_are_chosen_by_the_person(alice_client, alice):
    recovery = make_recovery(alice)
    page = alice_client.get(recovery.step_url(2))
    assert "Most people hear no many times" in page.text
    assert "Fortune telling" in page.text and "More thinking traps" in page.text
    response = alice_client.post(recovery.step_url(2), {"traps": ["fortune_telling"]})
    assert response.url == recovery.step_url(2, 2)  # a fairer thought, for each one ticked
    assert "fortune telling" in alice_client.get(response.url).text
    alice_client.post(response.url, {"fairer": "One no isn't every no."})
    recovery.refresh_from_db()
    assert recovery.thinking_traps == {"fortune_telling": "One no isn't every no."}


def test_step_3_adds_a_strength_an_achievement_and_a_great_answer(alice_client, alice):
    recovery = make_recovery(alice)
    question = make_question(make_interview(recovery.application), outcome="fine")
    alice_client.post(
        recovery.step_url(3), {"strength": "Calm presenting", "evidence": "Kept cool."}
    )
    alice_client.post(recovery.step_url(3, 2), {"achievement": "Reached a final round"})
    alice_client.post(recovery.step_url(3, 3), {"great_answer": question.pk})
    assert Strength.objects.get().source == "interview"
    assert Achievement.objects.get().title == "Reached a final round"
    question.refresh_from_db()
    assert question.outcome == "rocked"


def test_step_3_cannot_touch_someone_elses_question(alice_client, alice, bob):
    recovery = make_recovery(alice)
    make_question(make_interview(recovery.application))
    bobs = make_question(make_interview(make_application(bob)), outcome="fine")
    response = alice_client.post(recovery.step_url(3, 3), {"great_answer": bobs.pk})
    assert response.status_code == 422
    bobs.refresh_from_db()
    assert bobs.outcome == "fine"


def test_step_4_writes_a_linked_entry_and_marks_questions(alice_client, alice, bob):
    recovery = make_recovery(alice)
    question = make_question(make_interview(recovery.application), outcome="")
    bobs = make_question(make_interview(make_application(bob)), outcome="fine")
    alice_client.post(recovery.step_url(4), {"answer_0": "Clear stories."})
    version = Entry.objects.get(guide="learned").version  # as the next screen carries it
    alice_client.post(
        recovery.step_url(4, 2), {"answer_1": "Ask about constraints.", "entry_version": version}
    )
    alice_client.post(
        recovery.step_url(4, 6),
        {f"question_{question.pk}": "struggled", f"question_{bobs.pk}": "struggled"},
    )
    entry = Entry.objects.get(guide="learned")
    assert (entry.rejection, entry.application, entry.answers[:2]) == (
        recovery.rejection,
        recovery.application,
        ["Clear stories.", "Ask about constraints."],
    )
    question.refresh_from_db()
    bobs.refresh_from_db()
    assert (question.outcome, bobs.outcome) == ("struggled", "fine")
    # Coming back shows what was written, and saving again updates the same entry.
    assert "Clear stories." in alice_client.get(recovery.step_url(4)).text
    alice_client.post(
        recovery.step_url(4), {"answer_0": "Clear stories, again.", "entry_version": entry.version}
    )
    assert Entry.objects.get(guide="learned").answers[0] == "Clear stories, again."


# ---- Steps never save over words written since, in the journal or another tab -------------


def test_coming_back_to_step_1_shows_the_vent_and_keeps_the_rest_of_it(alice_client, alice):
    recovery = make_recovery(alice)
    alice_client.post(recovery.step_url(1, 3), {"vent": "Two lines, after three weeks."})
    vent = Entry.objects.get(guide="vent")
    vent.answers = [*vent.answers[:1], "Added later, in the journal."]
    vent.version += 1
    vent.save()

    page = alice_client.get(recovery.step_url(1, 3))
    assert "Two lines, after three weeks." in page.text
    form = page.context["form"]
    alice_client.post(
        recovery.step_url(1, 3),
        {
            "vent": "Two lines, after three weeks. Still cross.",
            "entry_version": form["entry_version"].value(),
        },
    )
    vent.refresh_from_db()
    assert vent.answers[:2] == [
        "Two lines, after three weeks. Still cross.",
        "Added later, in the journal.",
    ]


def test_a_step_opened_before_a_journal_edit_shows_both_and_saves_nothing(alice_client, alice):
    recovery = make_recovery(alice)
    alice_client.post(recovery.step_url(5), {"answer_0": "Partly to escape."})
    opened_at = Entry.objects.get(guide="fit").version
    alice_client.post(  # meanwhile, in the journal
        reverse("journal:write", args=[Entry.objects.get(guide="fit").pk]),
        {"version": opened_at, "answer_0": "Partly to escape, and the team.", "finish": "1"},
    )

    response = alice_client.post(
        recovery.step_url(5), {"answer_0": "It was the money.", "entry_version": opened_at}
    )
    assert response.status_code == 409
    assert "changed in your journal since you opened this step" in response.text
    form = response.context["form"]
    assert form["answer_0"].value() == "Partly to escape, and the team.\n\nIt was the money."
    assert form["entry_version"].value() == str(opened_at + 1)
    assert Entry.objects.get(guide="fit").answers[0] == "Partly to escape, and the team."

    alice_client.post(recovery.step_url(5), dict(form.data.items()))
    assert Entry.objects.get(guide="fit").answers[0] == (
        "Partly to escape, and the team.\n\nIt was the money."
    )


def test_step_5_reminds_why_they_applied_and_writes_the_fit_entry(alice_client, alice):
    application = make_application(alice, status="rejected", why_i_want_this="To do more research.")
    recovery = make_recovery(alice, application)
    assert "To do more research." in alice_client.get(recovery.step_url(5)).text
    alice_client.post(recovery.step_url(5), {"answer_0": "Partly to escape my job."})
    assert Entry.objects.get(guide="fit").answers[0] == "Partly to escape my job."


def test_step_6_drafts_a_feedback_request_or_skips(alice_client, alice):
    recovery = make_recovery(alice)
    response = alice_client.post(recovery.step_url(6), {"draft": "1"})
    assert response["Location"] == recovery.step_url(6)  # stays, to show the draft
    page = alice_client.get(recovery.step_url(6)).text
    recovery.refresh_from_db()
    assert recovery.feedback_request.subject in page
    assert recovery.feedback_request.message.splitlines()[0] in page
    feedback = FeedbackRequest.objects.get()
    assert (recovery.feedback_request, feedback.application, feedback.status) == (
        feedback,
        recovery.application,
        "draft",
    )
    other = make_recovery(alice)
    alice_client.post(other.step_url(6), {"skip": "1"})
    other.refresh_from_db()
    assert other.steps_skipped == [6] and FeedbackRequest.objects.count() == 1


def test_step_7_suggests_from_struggles_feedback_and_self_care(alice_client, alice):
    recovery = make_recovery(alice)
    make_question(
        make_interview(recovery.application), text="Design a parking app.", outcome="struggled"
    )
    FeedbackRequest.objects.create(
        owner=alice,
        application=recovery.application,
        status="replied",
        takeaways="Lead with leadership stories",
    )
    page = alice_client.get(recovery.step_url(7))
    for text in (
        "Practise: Design a parking app.",
        "Lead with leadership stories",
        "Move for twenty minutes",
    ):
        assert text in page.text
    alice_client.post(
        recovery.step_url(7),
        {
            "pick_0": "on",
            "title_0": "Practise the parking app out loud",
            "due_0": "2026-12-01",
            "pick_1": "on",
            "title_1": "Lead with leadership stories",
            "new_title": "Ask Maya for a mock interview",
        },
    )
    items = {item.title: item for item in recovery.plan_items.all()}
    assert set(items) == {
        "Practise the parking app out loud",
        "Lead with leadership stories",
        "Ask Maya for a mock interview",
    }
    assert items["Practise the parking app out loud"].question is not None
    assert items["Lead with leadership stories"].feedback_request is not None


def test_step_8_finishes_with_a_summary(alice_client, alice):
    recovery = make_recovery(alice)
    alice_client.post(recovery.step_url(4), {"answer_0": "I tell good stories."})
    response = alice_client.post(recovery.step_url(8), {"mood_after": "3"})
    assert response.url == reverse("rejections:summary", args=[recovery.pk])
    recovery.refresh_from_db()
    assert recovery.finished_at is not None and recovery.mood_after == 3
    body = alice_client.get(response.url).text
    assert "I tell good stories." in body and "Log your next interview" in body


def test_skipping_and_resuming(alice_client, alice):
    recovery = make_recovery(alice)
    alice_client.post(recovery.step_url(1), {"skip_step": "1"})
    alice_client.post(recovery.step_url(2), {"no_trap_fits": "on"})
    recovery.refresh_from_db()
    assert (recovery.steps_skipped, recovery.steps_done) == ([1], [2])
    assert alice_client.get(
        reverse("rejections:resume", args=[recovery.pk])
    ).url == recovery.step_url(3)
    body = alice_client.get(reverse("home:index")).text
    assert "Continue at step 3" in body


def test_htmx_moves_to_the_next_step_and_the_address_follows(alice_client, alice):
    recovery = make_recovery(alice)
    response = alice_client.post(
        recovery.step_url(2), {"no_trap_fits": "on"}, headers={"HX-Request": "true"}
    )
    assert f'"path": "{recovery.step_url(3)}"' in response.headers["HX-Location"]


def test_the_progress_indicator_says_where_they_are(alice_client, alice):
    body = alice_client.get(make_recovery(alice).step_url(3)).text
    assert "Step 3 of 8" in body
    assert '<progress max="8" value="3"' in body


@pytest.mark.parametrize("number", range(1, 9))
def test_each_step_costs_a_bounded_number_of_queries(
    alice_client, alice, number, django_assert_max_num_queries
):
    recovery = make_recovery(alice)
    make_question(make_interview(recovery.application), outcome="struggled")
    with django_assert_max_num_queries(12):
        assert alice_client.get(recovery.step_url(number)).status_code == 200


def test_step_2_counts_each_application_once(alice_client, alice):
    recovery = make_recovery(alice)  # one application, not selected
    for _ in range(3):
        make_interview(recovery.application)
    make_application(alice, status="applied")
    body = alice_client.get(recovery.step_url(2)).text
    assert (
        "You've applied for 2 jobs and reached interviews for 1. 1 didn't lead to an offer." in body
    )


def test_a_finished_recovery_can_be_found_again_with_what_was_written(alice_client, alice):
    recovery = make_recovery(alice)
    alice_client.post(
        recovery.step_url(1), {"feelings": ["sad", "tired"], "feelings_in_own_words": "Flat."}
    )
    alice_client.post(recovery.step_url(1, 3), {"vent": "Ugh."})
    alice_client.post(recovery.step_url(2), {"traps": ["fortune_telling"]})
    alice_client.post(recovery.step_url(2, 2), {"fairer": "One no."})
    alice_client.post(recovery.step_url(8), {"mood_after": "3"})
    recovery.refresh_from_db()
    assert recovery.is_finished

    summary = reverse("rejections:summary", args=[recovery.pk])
    assert alice_client.get(recovery.get_absolute_url()).url == summary  # not step 8 again
    page = alice_client.get(summary).text
    assert "Sad, Tired." in page and "Flat." in page
    assert "Fortune telling" in page and "One no." in page
    assert Entry.objects.get(guide="vent").get_absolute_url() in page
    assert "Ugh." not in page  # the vent itself stays in the journal

    assert summary in alice_client.get(reverse("rejections:plan")).text
    application_page = alice_client.get(recovery.application.get_absolute_url()).text
    assert "You worked through it" in application_page and summary in application_page
    assert "I got rejected" not in application_page


def test_step_3_evidence_without_a_name_is_asked_about_not_dropped(alice_client, alice):
    recovery = make_recovery(alice)
    response = alice_client.post(recovery.step_url(3), {"evidence": "Kept the panel on track."})
    assert response.status_code == 422
    assert "Give the strength a name" in response.text
    assert "Kept the panel on track." in response.text
    assert not Strength.objects.exists()


def test_skipping_after_typing_keeps_what_was_typed(alice_client, alice):
    recovery = make_recovery(alice)
    response = alice_client.post(
        recovery.step_url(4), {"answer_0": "The case study went well.", "skip_step": "1"}
    )
    assert response.url == recovery.step_url(5)
    assert Entry.objects.get(guide="learned").answers[0] == "The case study went well."
    alice_client.post(recovery.step_url(5), {"skip": "1"})  # nothing typed: nothing written
    assert not Entry.objects.filter(guide="fit").exists()


def test_a_second_tab_never_saves_over_words_kept_on_the_recovery(alice_client, alice):
    recovery = make_recovery(alice)
    opened = alice_client.get(recovery.step_url(1)).context["form"]["seen"].value()
    alice_client.post(  # tab B
        recovery.step_url(1), {"feelings_in_own_words": "Tired.", "seen": opened}
    )
    response = alice_client.post(  # tab A, opened before B saved
        recovery.step_url(1), {"feelings_in_own_words": "Flat.", "seen": opened}
    )
    assert response.status_code == 409
    assert "changed somewhere else" in response.text
    assert "Tired." in response.text and "Flat." in response.text  # both, side by side
    recovery.refresh_from_db()
    assert recovery.feelings_in_own_words == "Tired."
    form = response.context["form"]
    alice_client.post(recovery.step_url(1), dict(form.data.items()))  # saving again: A's
    recovery.refresh_from_db()
    assert recovery.feelings_in_own_words == "Flat."


def test_a_second_tab_never_saves_over_a_fairer_thought(alice_client, alice):
    recovery = make_recovery(alice, thinking_traps={"mind_reading": ""})
    opened = alice_client.get(recovery.step_url(2, 2)).context["form"]["seen"].value()
    alice_client.post(recovery.step_url(2, 2), {"fairer": "I can't know.", "seen": opened})
    response = alice_client.post(recovery.step_url(2, 2), {"fairer": "Maybe.", "seen": opened})
    assert response.status_code == 409
    recovery.refresh_from_db()
    assert recovery.thinking_traps == {"mind_reading": "I can't know."}


def test_skipping_an_untouched_screen_counts_as_skipped(alice_client, alice):
    recovery = make_recovery(alice)
    page = alice_client.get(recovery.step_url(5))
    form = page.context["form"]
    data = {"seen": form["seen"].value(), "entry_version": "", "answer_0": "", "skip_step": "1"}
    alice_client.post(recovery.step_url(5), data)
    recovery.refresh_from_db()
    assert recovery.steps_skipped == [5] and not Entry.objects.exists()
