import datetime

from django.urls import reverse

from apps.strengths.models import Achievement, Strength, Supporter
from tests.interviews.factories import make_application, make_interview, make_question
from tests.strengths.factories import make_achievement, make_strength

INDEX = reverse("strengths:index")
HTMX = {"HX-Request": "true"}


def names(user) -> list[str]:
    return list(Strength.objects.for_user(user).values_list("name", flat=True))


def test_add_a_strength_in_place(alice_client, alice):
    response = alice_client.post(
        reverse("strengths:strength_add"),
        {"name": "Patient teacher", "evidence": "Trained three new hires.", "source": "feedback"},
        headers=HTMX,
    )
    assert "<html" not in response.text
    assert "Patient teacher" in response.text
    assert "HX-Request" in response.headers["Vary"]
    assert names(alice) == ["Patient teacher"]


def test_a_nameless_strength_is_explained_and_keeps_the_evidence(alice_client, alice):
    response = alice_client.post(
        reverse("strengths:strength_add"),
        {"evidence": "Trained three new hires.", "source": "me"},
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "Name the strength, in a few words." in response.text
    assert "Trained three new hires." in response.text


def test_edit_in_place_and_without_javascript(alice_client, alice):
    strength = make_strength(alice)
    url = reverse("strengths:strength_edit", args=[strength.pk])
    form = alice_client.get(url, headers=HTMX)
    assert "<html" not in form.text and f'name="strength-{strength.pk}-name"' in form.text
    saved = alice_client.post(
        url,
        {
            f"strength-{strength.pk}-name": "Very clear writing",
            f"strength-{strength.pk}-source": "me",
        },
        headers=HTMX,
    )
    assert "<html" not in saved.text and "Very clear writing" in saved.text
    assert "<html" in alice_client.get(url).text  # its own page without htmx
    response = alice_client.post(
        url, {f"strength-{strength.pk}-name": "Plain words", f"strength-{strength.pk}-source": "me"}
    )
    assert response.url == INDEX
    assert names(alice) == ["Plain words"]


def test_pin_puts_a_strength_first(alice_client, alice):
    make_strength(alice, "First", position=0)
    second = make_strength(alice, "Second", position=1)
    response = alice_client.post(reverse("strengths:strength_pin", args=[second.pk]), headers=HTMX)
    assert response.text.index("Second") < response.text.index("First")
    assert names(alice) == ["Second", "First"]
    alice_client.post(reverse("strengths:strength_pin", args=[second.pk]))
    assert names(alice) == ["First", "Second"]


def test_reorder_up_and_down(alice_client, alice):
    a, _, c = (make_strength(alice, name, position=n) for n, name in enumerate("ABC"))
    alice_client.post(
        reverse("strengths:strength_move", args=[c.pk]), {"direction": "up"}, headers=HTMX
    )
    assert names(alice) == ["A", "C", "B"]
    alice_client.post(reverse("strengths:strength_move", args=[a.pk]), {"direction": "down"})
    assert names(alice) == ["C", "A", "B"]
    alice_client.post(reverse("strengths:strength_move", args=[c.pk]), {"direction": "up"})
    assert names(alice) == ["C", "A", "B"]  # already first: nothing moves


def test_delete_a_strength_asks_first(alice_client, alice):
    strength = make_strength(alice)
    url = reverse("strengths:strength_delete", args=[strength.pk])
    assert "Remove this strength?" in alice_client.get(url).text
    alice_client.post(url)
    assert not Strength.objects.exists()


def test_achievements_with_their_story_and_strengths(alice_client, alice):
    strength = make_strength(alice, "Calm under pressure")
    response = alice_client.post(
        reverse("strengths:achievement_new"),
        {
            "title": "Led the incident call",
            "month": "2026-03",
            "kind": "praise",
            "situation": "The site went down.",
            "action": "I ran the call.",
            "result": "Back in 20 minutes.",
            "strengths": [strength.pk],
        },
    )
    assert response.url == INDEX
    achievement = Achievement.objects.get()
    assert (achievement.owner, achievement.month) == (alice, datetime.date(2026, 3, 1))
    assert list(achievement.strengths.all()) == [strength]
    body = alice_client.get(INDEX).text
    assert (
        "March 2026" in body and "Back in 20 minutes." in body and "shown by 1 achievement" in body
    )


def test_achievements_filter_by_kind(alice_client, alice):
    make_achievement(alice, "An award", kind="award")
    make_achievement(alice, "A milestone", kind="milestone")
    body = alice_client.get(INDEX, {"kind": "award"}).text
    assert "An award" in body and "A milestone" not in body


def test_an_achievement_cannot_claim_someone_elses_strength(alice_client, bob):
    bobs = make_strength(bob)
    response = alice_client.post(
        reverse("strengths:achievement_new"),
        {"title": "Mine", "kind": "award", "strengths": [bobs.pk]},
    )
    assert response.status_code == 422
    assert "Choose from your own strengths." in response.text
    assert not Achievement.objects.exists()


def test_a_bad_month_is_explained(alice_client):
    response = alice_client.post(
        reverse("strengths:achievement_new"), {"title": "Mine", "kind": "award", "month": "2026-13"}
    )
    assert response.status_code == 422
    assert "Enter a month and year" in response.text
    assert 'value="Mine"' in response.text


def test_supporters_with_mail_and_phone_links(alice_client, alice):
    alice_client.post(
        reverse("strengths:supporter_new"),
        {
            "name": "Maya",
            "how_they_help": "listens",
            "email": "maya@example.com",
            "phone": "+44 (20) 7946 0000",
        },
    )
    body = alice_client.get(INDEX).text
    assert 'href="mailto:maya@example.com"' in body
    assert 'href="tel:+442079460000"' in body
    supporter = Supporter.objects.get()
    alice_client.post(reverse("strengths:supporter_delete", args=[supporter.pk]))
    assert not Supporter.objects.exists()


def test_a_bad_email_is_explained(alice_client):
    response = alice_client.post(
        reverse("strengths:supporter_new"), {"name": "Maya", "email": "maya"}
    )
    assert response.status_code == 422
    assert "Enter an email address" in response.text
    assert 'value="Maya"' in response.text


def test_great_answers_come_from_the_question_bank(alice_client, alice):
    interview = make_interview(make_application(alice, company="Lumen"))
    make_question(interview, text="Describe a launch.", outcome="rocked")
    make_question(interview, text="A hard one.", outcome="struggled")
    body = alice_client.get(INDEX).text
    assert "Describe a launch." in body and "A hard one." not in body
    assert f'href="{interview.get_absolute_url()}"' in body


def test_the_timed_exercise_saves_one_strength_per_line(alice_client, alice):
    page = alice_client.get(reverse("strengths:exercise"), {"minutes": "15"})
    assert 'data-seconds="900"' in page.text
    assert 'data-seconds="600"' in alice_client.get(reverse("strengths:exercise")).text
    response = alice_client.post(
        reverse("strengths:exercise"), {"lines": "Good listener\n- Patient\n\nGood listener\nFunny"}
    )
    assert "3 strengths" in response.text
    assert names(alice) == ["Good listener", "Patient", "Funny"]


def test_the_exercise_with_nothing_written_says_so(alice_client):
    response = alice_client.post(reverse("strengths:exercise"), {"lines": "  "})
    assert response.status_code == 422
    assert "Write at least one strength" in response.text


def test_the_edit_page_of_its_own_posts_as_a_plain_form(alice_client, alice):
    strength = Strength.objects.create(owner=alice, name="Listening")
    url = reverse("strengths:strength_edit", args=[strength.pk])
    page = alice_client.get(url).text  # opened directly: a new tab, a reload
    assert "hx-post" not in page.split('class="strength-edit"')[0].rsplit("<form", 1)[1]
    in_place = alice_client.get(url, headers={"HX-Request": "true"}).text
    assert f'hx-target="#strength-{strength.pk}"' in in_place


def test_the_exercise_never_cuts_a_strength_short_without_a_word(alice_client, alice):
    too_long = "Patient " * 20
    response = alice_client.post(
        reverse("strengths:exercise"), {"lines": f"Good listener\n{too_long}\nFunny"}
    )
    assert response.status_code == 422
    assert "Line 2 is longer than the 120 characters" in response.text
    assert too_long.strip() in response.text  # everything typed is still in the box
    assert not Strength.objects.exists()
    many = "\n".join(f"Strength {n}" for n in range(101))
    response = alice_client.post(reverse("strengths:exercise"), {"lines": many})
    assert response.status_code == 422 and "save these in two goes" in response.text
