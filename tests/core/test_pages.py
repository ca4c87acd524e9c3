import pytest
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_landing_tells_a_visitor_what_rebound_is_and_how_to_join(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.text
    assert "keeps a record of every interview" in body
    assert reverse("account_signup") in body
    assert reverse("account_login") in body


def test_landing_sends_a_signed_in_person_home(alice_client):
    response = alice_client.get("/")
    assert response.status_code == 302
    assert response.url == reverse("home:index")


@pytest.mark.django_db
def test_home_needs_a_login(client):
    response = client.get(reverse("home:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_home_greets_the_person_by_name(alice_client):
    response = alice_client.get(reverse("home:index"))
    assert response.status_code == 200
    assert "Hello, Alice" in response.text


def test_home_falls_back_to_the_email_name(alice, client):
    alice.display_name = ""
    alice.save()
    client.force_login(alice)
    assert "Hello, alice" in client.get(reverse("home:index")).text


@pytest.mark.django_db
def test_support_page_is_public_and_lists_helplines(client):
    response = client.get(reverse("core:support"))
    assert response.status_code == 200
    for text in ("988", "116 123", "findahelpline.com", "not a crisis service"):
        assert text in response.text


@pytest.mark.parametrize("path_name", ["core:landing", "account_login", "core:support"])
@pytest.mark.django_db
def test_every_page_links_to_support_in_the_header(client, path_name):
    response = client.get(reverse(path_name))
    header = response.text.split("</header>")[0]
    assert f'href="{reverse("core:support")}">Need support now?</a>' in header


def test_signed_in_pages_link_to_settings_and_log_out(alice_client):
    body = alice_client.get(reverse("home:index")).text
    assert reverse("accounts:settings") in body
    assert f'action="{reverse("account_logout")}"' in body


@pytest.mark.django_db
def test_missing_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We can't find that page" in response.text
    assert "Need support now?" in response.text  # it is our own layout


@pytest.mark.django_db
@pytest.mark.urls("tests.core.urls_for_tests")
def test_server_error_is_a_friendly_500():
    client = Client(raise_request_exception=False)
    response = client.get("/test/crash/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert "isn't anything you did" in response.text


@pytest.mark.django_db
def test_csrf_failure_is_a_friendly_403():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "a@example.com"})
    assert response.status_code == 403
    assert "Please try that again" in response.text


def test_403_page_renders_in_our_layout(rf):
    from django.core.exceptions import PermissionDenied
    from django.views.defaults import permission_denied

    response = permission_denied(rf.get("/"), PermissionDenied())
    assert response.status_code == 403
    assert "This page isn't available to you" in response.text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/bad-day/?shuffle=2", "/strengths/bad-day/?shuffle=2"),
        ("/rejected/", "/recovery/new/"),
        ("/plan/", "/recovery/plan/"),
        ("/settings/", "/accounts/settings/"),
    ],
)
def test_addresses_from_before_each_app_had_a_prefix_still_arrive(alice_client, old, new):
    response = alice_client.get(old)
    assert response.status_code == 301 and response.url == new


def test_a_refused_form_names_and_links_each_field_and_takes_the_focus(alice_client):
    response = alice_client.post(reverse("rejections:plan"), {"title": "", "kind": "skill"})
    assert response.status_code == 422
    summary = response.text.split('class="form-errors"')[1].split("</div>")[0]
    assert "autofocus" in summary.split(">")[0]  # in view on a phone, read out first
    assert '<a href="#id_title">What to do</a>' in summary


def test_a_post_too_big_to_read_gets_a_calm_page(alice_client):
    response = alice_client.post(reverse("rejections:plan"), {"title": "x" * 3_000_000})
    assert response.status_code == 400
    assert "too much to send at once" in response.text
    assert "still on this device" in response.text
