"""The account pages allauth draws, in Rebound's words: each step says where you are and
offers the next one, and nothing repeats a label or claims what isn't so."""

import html
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.template import Context, Origin, Template
from django.urls import reverse

from tests.conftest import PASSWORD


def said(response) -> str:
    return html.unescape(response.text)


def reset_link(message) -> str:
    found = re.search(r"https?://testserver(/accounts/password/reset/key/\S+)", message.body)
    assert found, message.body
    return found.group(1)


def test_a_password_reset_from_start_to_finish_always_offers_the_next_step(alice, client):
    response = client.post(
        reverse("account_reset_password"), {"email": "alice@example.com"}, follow=True
    )
    assert "Check your inbox" in said(response)
    assert reverse("account_login") in response.text  # a way back
    assert "contact us" not in said(response)  # there is no one to contact

    (message,) = mail.outbox
    assert message.subject == "[Rebound] Choose a new password"
    assert "If it wasn't you, you can ignore this email" in message.body
    link = reset_link(message)

    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    assert "Choose a new password" in said(response)
    assert "New password (again)" in said(response)
    assert "placeholder" not in response.text

    new_password = "a brand new calm password"
    response = client.post(
        form_url, {"password1": new_password, "password2": new_password}, follow=True
    )
    page = said(response)
    assert "Your new password is set" in page
    assert f'class="button button--primary" href="{reverse("account_login")}"' in page

    response = client.get(link, follow=True)  # the same link again
    assert "This link no longer works" in said(response)
    assert "Bad Token" not in said(response)
    assert reverse("account_reset_password") in response.text


@pytest.mark.django_db
def test_a_reset_asked_for_an_unknown_address_gets_a_kind_email(client):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})
    (message,) = mail.outbox
    assert message.subject == "[Rebound] About your request to Rebound"
    assert "there is no Rebound account for this address" in message.body
    assert "database" not in message.body


def test_logging_out_asks_once_with_a_way_to_stay(alice_client):
    response = alice_client.get(reverse("account_logout"))
    page = said(response)
    assert "Log out of Rebound?" in page
    assert "Stay logged in" in page and reverse("home:index") in page
    assert "Sign Out" not in page
    assert "data-forget-drafts" in page  # drafts kept on the device go, as from the header

    response = alice_client.post(reverse("account_logout"), follow=True)
    assert "You're logged out." in said(response)


def test_logging_in_says_nothing_the_page_does_not_already_say(alice, client):
    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": PASSWORD}, follow=True
    )
    assert "Hello, Alice" in said(response)
    assert "Successfully signed in" not in said(response)


@pytest.mark.parametrize(
    "name", ["account_login", "account_signup", "account_reset_password"], ids=str
)
@pytest.mark.django_db
def test_no_account_form_repeats_its_labels_as_placeholders(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "placeholder=" not in response.text
    assert "Remember Me" not in response.text


def test_changing_the_password_names_its_boxes_plainly(alice_client):
    response = alice_client.post(
        reverse("account_change_password"),
        {"oldpassword": "not my password", "password1": "x", "password2": "x"},
    )
    page = said(response)
    assert "Change your password" in page
    for label in ("Current password", "New password", "New password (again)"):
        assert f">{label}<" in page.replace("\n", "")
    assert "Type your current password." in page
    assert "Type your password again: it's cleared each time." in page
    assert "Everything you typed is still here" not in page


def test_one_address_is_shown_plainly_and_two_can_be_chosen_between(alice, alice_client):
    response = alice_client.get(reverse("account_email"))
    page = said(response)
    assert "You log in with <strong>alice<wbr>@example.com</strong>" in page
    assert 'type="radio"' not in page  # nothing to choose between
    assert "Confirmed" in page

    alice_client.post(
        reverse("account_email"), {"action_add": "", "email": "alice.second@example.com"}
    )
    (message,) = mail.outbox
    assert "Someone asked to confirm this address for a Rebound account." in message.body
    assert "make an account" not in message.body

    page = said(alice_client.get(reverse("account_email")))
    assert page.count('type="radio"') == 2
    assert "We write here" in page and "Not confirmed yet" in page
    assert "Make Primary" not in page

    alice_client.post(
        reverse("account_email"), {"action_remove": "", "email": "alice.second@example.com"}
    )
    assert list(EmailAddress.objects.filter(user=alice).values_list("email", flat=True)) == [
        "alice@example.com"
    ]


@pytest.mark.django_db
def test_a_sign_up_confirmation_says_an_account_was_made(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    client.post(
        reverse("account_signup"),
        {"email": "carol@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    (message,) = mail.outbox
    assert "This address was used to make an account on Rebound." in message.body


@pytest.mark.django_db
def test_an_old_confirmation_link_says_what_to_do(client):
    response = client.get(reverse("account_confirm_email", args=["not-a-key"]))
    assert "This link has run out or was already used" in said(response)
    assert reverse("account_email") in response.text


@pytest.mark.parametrize(
    ("tags", "drawn"),
    [
        ("", "button button--primary"),
        ("primary,mfa,login", "button button--primary"),
        ("secondary", "button button--secondary"),
        ("outline,primary", "button button--secondary"),
        ("danger,delete", "button button--quiet-danger"),
        ("link,cancel", "link-button"),
        ("outline,cancel", "link-button"),
    ],
)
def test_allauths_buttons_are_drawn_by_what_they_do(tags, drawn):
    template = Template(
        '{% load allauth %}{% element button type="submit" tags=tags %}Go{% endelement %}',
        origin=Origin("test.html", template_name="test.html"),  # allauth's tag reads its name
    )
    assert f'class="{drawn}"' in template.render(Context({"tags": tags}))


def test_a_changed_password_is_emailed_with_when_and_from_where(alice, client):
    client.post(reverse("account_login"), {"login": "alice@example.com", "password": PASSWORD})
    new_password = "another calm password"
    client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
        HTTP_USER_AGENT="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) "
        "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    )
    (message,) = mail.outbox
    assert message.subject == "[Rebound] Your password was changed"
    assert "The password of your Rebound account was changed." in message.body
    assert "Safari on iPhone" in message.body
    assert "If it wasn't, choose a new password now with this link" in message.body
    assert re.search(r"https?://testserver/accounts/password/reset/\n", message.body)
    assert "proper security precautions" not in message.body


def test_only_account_pages_load_the_account_stylesheet(alice_client):
    def loads_it(url):
        return "css/account.css" in alice_client.get(url).text

    for url in ("account_email", "accounts:settings", "usersessions_list", "yourdata:index"):
        assert loads_it(reverse(url)), url
    for url in ("home:index", "interviews:log", "journal:index", "strengths:index"):
        assert not loads_it(reverse(url)), url
