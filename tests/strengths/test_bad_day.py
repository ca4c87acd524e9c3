import re

import pytest
from django.urls import reverse

from apps.interviews import demo_data as interviews_demo
from apps.journal import demo_data as journal_demo
from apps.strengths import demo_data as strengths_demo
from apps.strengths.models import Strength
from tests.interviews.factories import make_application, make_interview, make_question
from tests.strengths.factories import make_achievement, make_strength, make_supporter

BAD_DAY = reverse("strengths:bad_day")


def test_a_new_person_is_invited_to_add_three_strengths(alice_client):
    body = alice_client.get(BAD_DAY).text
    assert "It's okay to have a hard day" in body
    assert "start with three strengths" in body
    assert "Breathe for a minute" in body
    assert "One kind thing for today" in body


def test_the_first_three_strengths_are_saved(alice_client, alice):
    response = alice_client.post(
        reverse("strengths:first_strengths"), {"first": "Listener", "second": "", "third": "Funny"}
    )
    assert response.url == BAD_DAY
    assert list(Strength.objects.for_user(alice).values_list("name", flat=True)) == [
        "Listener",
        "Funny",
    ]


def test_the_first_strengths_form_keeps_what_was_typed(alice_client):
    response = alice_client.post(
        reverse("strengths:first_strengths"), {"first": "", "second": "Kind"}
    )
    assert response.status_code == 422
    assert "Write at least one strength" in response.text
    assert 'value="Kind"' in response.text


def test_a_strength_with_evidence_and_a_few_achievements(alice_client, alice):
    make_strength(alice, "Ordinary", position=0)
    make_strength(alice, "Calm under pressure", evidence="Ran the outage call.", pinned=True)
    for n in range(5):
        make_achievement(alice, f"Win {n}")
    body = alice_client.get(BAD_DAY).text
    assert "Calm under pressure" in body and "Ran the outage call." in body  # pinned first
    assert len(re.findall(r"<strong>Win \d</strong>", body)) == 3


def test_shuffle_shows_others_as_a_fragment(alice_client, alice):
    make_strength(alice, "First", position=0)
    make_strength(alice, "Second", position=1)
    response = alice_client.get(BAD_DAY, {"shuffle": "1"}, headers={"HX-Request": "true"})
    assert "<html" not in response.text
    assert "Second" in response.text and "First" not in response.text
    assert "?shuffle=2" in response.text
    assert "HX-Request" in response.headers["Vary"]


def test_progress_is_kind_and_only_what_exists(alice_client, alice):
    application = make_application(alice, status="rejected")
    interview = make_interview(application, stage="final")
    make_question(interview, outcome="rocked")
    body = alice_client.get(BAD_DAY).text
    assert "1 interview round you showed up for" in body
    assert "1 final round reached" in body
    assert "1 question you answered really well" in body
    assert "journal entr" not in body  # none written: no zero shown
    words = re.sub(r"<[^>]+>", " ", body).lower()  # what the page says, not its addresses
    assert "reject" not in words and "not selected" not in words


def test_a_supporter_to_reach_out_to(alice_client, alice):
    make_supporter(alice, "Maya", email="maya@example.com")
    body = alice_client.get(BAD_DAY).text
    assert "reach out to <strong>Maya</strong>" in body
    assert 'href="mailto:maya@example.com"' in body


@pytest.fixture
def seeded(alice, bob, db):
    """Alice has a believable amount of everything; Bob has the large data set."""
    for module in (interviews_demo, journal_demo, strengths_demo):
        module.seed(alice, size="small")
        module.seed(bob, size="large")


def bad_day_queries(client, person, django_assert_max_num_queries) -> int:
    client.force_login(person)
    with django_assert_max_num_queries(10) as captured:
        assert client.get(BAD_DAY).status_code == 200
    return len(captured)


def test_the_bad_day_page_costs_the_same_queries_for_any_amount_of_data(
    client, alice, bob, carol_with_nothing, seeded, django_assert_max_num_queries
):
    counts = [
        bad_day_queries(client, p, django_assert_max_num_queries)
        for p in (carol_with_nothing, alice, bob)
    ]
    assert Strength.objects.for_user(bob).count() == 200
    assert len(set(counts)) == 1, counts


@pytest.fixture
def carol_with_nothing(db):
    from tests.conftest import make_person

    return make_person("carol@example.com", "Carol")


@pytest.mark.parametrize("count", [4, 5, 7])
def test_show_me_others_moves_through_every_achievement(alice_client, alice, count):
    for n in range(count):
        make_achievement(alice, f"Win {n}")
    seen = []
    for shuffle in range(count):
        body = alice_client.get(BAD_DAY, {"shuffle": shuffle}).text
        shown = re.findall(r"<strong>(Win \d)</strong>", body)
        assert len(shown) == 3 and len(set(shown)) == 3
        seen.append(shown)
    assert seen[1] != seen[0]
    assert {win for shown in seen for win in shown} == {f"Win {n}" for n in range(count)}
