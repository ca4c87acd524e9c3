"""The paste screen: a shared text lands in the box, "Read it" opens the form it fills, and
odd input never breaks it. Nothing is saved on this screen."""

import pytest
from django.urls import reverse

from apps.interviews.models import Application, Interview
from apps.rejections.models import Rejection
from tests.capture.helpers import PASTE, REJECTION, in_a_week, invitation
from tests.interviews.factories import make_application


@pytest.fixture
def alice_in_london(alice):
    alice.time_zone = "Europe/London"
    alice.save()
    return alice


def nothing_saved() -> bool:
    return not (Application.objects.exists() or Interview.objects.exists()) and not (
        Rejection.objects.exists()
    )


def test_the_paste_screen_needs_a_login(client):
    response = client.get(PASTE)
    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_a_shared_title_text_and_address_land_in_the_box(alice_client):
    response = alice_client.get(
        PASTE,
        {"title": "Interview at Northwind", "text": "See you Tuesday", "url": "https://x.io/1"},
    )
    assert response.status_code == 200
    assert response.context["form"]["text"].value() == (
        "Interview at Northwind\n\nSee you Tuesday\n\nhttps://x.io/1"
    )
    assert "https://x.io/1</textarea>" in response.text
    assert nothing_saved()


def test_a_shared_address_already_in_the_text_is_not_repeated(alice_client):
    response = alice_client.get(PASTE, {"text": "Read https://x.io/1", "url": "https://x.io/1"})
    assert response.context["form"]["text"].value() == "Read https://x.io/1"


def test_a_shared_text_with_odd_characters_is_answered(alice_client):
    response = alice_client.get(PASTE, {"text": "Hi\x00 there " + "é" * 30_000, "title": ""})
    assert response.status_code == 200
    assert "\x00" not in response.context["form"]["text"].value()


def test_the_rejection_page_asks_for_a_rejection(alice_client):
    response = alice_client.get(PASTE, {"expect": "rejection"})
    assert response.context["form"]["kind"].value() == "rejection"
    assert alice_client.get(PASTE, {"expect": "\x00²"}).context["form"]["kind"].value() == ""


@pytest.mark.parametrize(
    ("url", "expect"), [("interviews:log", "interview"), ("rejections:new", "rejection")]
)
def test_the_log_and_rejection_pages_offer_to_paste_the_message(alice_client, url, expect):
    response = alice_client.get(reverse(url))
    assert f'href="{PASTE}?expect={expect}"' in response.text


def test_reading_an_invitation_opens_the_log_page_filled_and_marked(alice_client, alice_in_london):
    moment = in_a_week()
    response = alice_client.post(PASTE, {"text": invitation(moment), "kind": ""})
    assert response.status_code == 200
    assert response.templates[0].name == "interviews/log.html"
    choice, form = response.context["choice"], response.context["form"]
    assert choice.initial == {"company": "Northwind", "role": "Product Designer"}
    assert form.initial["stage"] == "video"
    assert form.initial["occurred_at"] == moment
    assert form.initial["interviewers"] == "Priya Shah, Engineering Manager"
    assert response.text.count('class="from-message"') >= 5
    assert f'action="{reverse("interviews:log")}"' in response.text
    assert "data-draft-saved" in response.text
    assert nothing_saved()


def test_a_round_still_to_come_is_asked_about_in_the_present(alice_client, alice_in_london):
    ahead = alice_client.post(PASTE, {"text": invitation(in_a_week()), "kind": ""})
    assert ahead.context["form"]["occurred_at"].label == "When is it?"
    assert (
        alice_client.get(reverse("interviews:log")).context["form"]["occurred_at"].label
        == "When was it?"
    )  # logged just after, as usual


def test_the_company_is_matched_to_an_application_by_name(alice_client, alice_in_london):
    application = make_application(alice_in_london, company="Northwind Ltd", role="Designer")
    response = alice_client.post(PASTE, {"text": invitation()})
    assert response.context["application"] == application
    assert f'name="application" value="{application.pk}"' in response.text


def test_the_company_is_matched_by_the_senders_domain(alice_client, alice_in_london):
    application = make_application(
        alice_in_london, company="NW Group", link="https://jobs.northwind.io/42"
    )
    text = invitation().replace(" at Northwind", "")
    response = alice_client.post(PASTE, {"text": text})
    assert response.context["application"] == application


def test_another_persons_application_is_never_matched(alice_client, alice_in_london, bob):
    make_application(bob, company="Northwind", link="https://northwind.io")
    response = alice_client.post(PASTE, {"text": invitation()})
    assert response.context["application"] is None
    assert response.context["choice"].initial["company"] == "Northwind"
    assert not response.context["suggestions"]


def test_confirming_the_filled_form_saves_the_round_once(alice_client, alice_in_london):
    moment = in_a_week()
    filled = alice_client.post(PASTE, {"text": invitation(moment)})
    choice, form = filled.context["choice"], filled.context["form"]
    data = {
        "company": choice.initial["company"],
        "role": choice.initial["role"],
        "stage": form.initial["stage"],
        "occurred_at": moment.strftime("%Y-%m-%dT%H:%M"),
        "interviewers": form.initial["interviewers"],
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
    }
    assert nothing_saved()
    response = alice_client.post(reverse("interviews:log"), data)
    assert response.status_code == 302
    interview = Interview.objects.get()
    assert (interview.application.company, interview.occurred_at) == ("Northwind", moment)
    assert interview.interviewers == "Priya Shah, Engineering Manager"


def test_reading_a_rejection_keeps_the_message_on_the_rejection_form(alice_client, alice_in_london):
    application = make_application(alice_in_london, company="Northwind")
    response = alice_client.post(PASTE, {"text": REJECTION})
    assert response.templates[0].name == "rejections/new.html"
    form = response.context["form"]
    assert form.initial["application"] == application
    assert form.initial["message"].startswith("From: Sam Lee")
    assert "move forward with another candidate" in form.initial["message"]
    assert f'action="{reverse("rejections:new")}"' in response.text
    assert nothing_saved() is False and not Rejection.objects.exists()


def test_an_html_message_is_kept_as_text_and_never_shown_as_html(alice_client, alice_in_london):
    html = (
        "<html><body><p>Unfortunately we have decided not to move forward.</p>"
        '<script>alert("x")</script><img src=x onerror=alert(1)></body></html>'
    )
    response = alice_client.post(PASTE, {"text": html})
    assert response.context["form"].initial["message"] == (
        "Unfortunately we have decided not to move forward."
    )
    assert '<script>alert("x")' not in response.text
    assert "<img src=x" not in response.text


def test_a_message_rebound_cannot_place_asks_what_it_is(alice_client, alice_in_london):
    response = alice_client.post(PASTE, {"text": "Hello Alice, hope you are well!"})
    assert response.templates[0].name == "capture/paste.html"
    assert "couldn't tell what this message is about" in response.text
    assert "hope you are well!</textarea>" in response.text
    chosen = alice_client.post(
        PASTE, {"text": "Hello Alice, hope you are well!", "kind": "rejection"}
    )
    assert chosen.templates[0].name == "rejections/new.html"


def test_not_right_brings_the_message_back_to_choose_what_it_is(alice_client, alice_in_london):
    response = alice_client.post(PASTE, {"text": REJECTION, "again": "1"})
    assert response.templates[0].name == "capture/paste.html"
    assert response.context["form"]["text"].value() == REJECTION
    assert "Choose what it is" in response.text


def test_an_empty_paste_is_asked_for_again(alice_client):
    for text in ("", "   \n ", "\x00\x00"):
        response = alice_client.post(PASTE, {"text": text})
        assert response.status_code == 422
        assert "Paste the message first" in response.text
        assert "Paste the message in the box, then press Read it." in response.text
        assert "Everything you typed is still here" not in response.text


def test_a_huge_paste_says_so_and_keeps_every_word(alice_client):
    text = "Unfortunately " + "word " * 5_000
    response = alice_client.post(PASTE, {"text": text})
    assert response.status_code == 422
    assert "more than 20,000 characters" in response.text
    assert response.context["form"]["text"].value() == text


@pytest.mark.parametrize(
    "text",
    [
        "Invitation!\x00\x00 soon",
        "We'd like to invite you on \u0663 December at \u0661\u0660am",
        "We'd like to invite you on 3 December 2099 at 10am",
        "We'd like to invite you on 31/02/2026 at 25:99",
        "<html><body><p>An invitation for 9" + "9" * 3000 + "</p></body></html>",
    ],
)
def test_odd_messages_are_read_without_breaking(alice_client, alice_in_london, text):
    response = alice_client.post(PASTE, {"text": text, "kind": "invitation"})
    assert response.status_code == 200
    assert not getattr(response.context["form"].fields["occurred_at"], "from_message", False)


def test_an_unknown_kind_is_refused_beside_the_field(alice_client):
    response = alice_client.post(PASTE, {"text": REJECTION, "kind": "offer"})
    assert response.status_code == 422
    assert "Choose one of the options." in response.text


@pytest.mark.parametrize("applications", [2, 60])
def test_reading_takes_the_same_few_queries_however_many_applications(
    alice_client, alice_in_london, django_assert_max_num_queries, applications
):
    Application.objects.bulk_create(
        Application(owner=alice_in_london, company=f"Company {n}", role="Designer")
        for n in range(applications)
    )
    make_application(alice_in_london, company="Northwind")
    with django_assert_max_num_queries(6):
        alice_client.post(PASTE, {"text": invitation()})
    with django_assert_max_num_queries(6):
        alice_client.post(PASTE, {"text": REJECTION})
    with django_assert_max_num_queries(3):
        alice_client.get(PASTE)


def test_a_day_with_no_time_is_filled_in_the_morning_and_says_so(alice_client, alice_in_london):
    day = in_a_week()
    text = f"We'd like to invite you to interview at Northwind on {day:%A} {day.day} {day:%B}."
    response = alice_client.post(PASTE, {"text": text})
    assert response.context["form"].initial["occurred_at"] == day.replace(hour=9)
    assert "gives the day but not the time" in response.text
