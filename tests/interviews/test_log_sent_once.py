"""A round sent twice is one round: the log page carries a key made when it was rendered,
and the server answers a second send with that key as it answered the first."""

import re
import uuid

import pytest
from django.db import IntegrityError
from django.test import Client

from apps.interviews import services
from apps.interviews.models import Application, Interview
from tests.interviews.test_log_interview import LOG, log_data


def rendered_key(client) -> str:
    page = client.get(LOG).text
    return re.search(r'name="log_key" value="([0-9a-f-]{36})"', page).group(1)


def test_the_page_carries_a_new_key_each_time_it_is_opened(alice_client):
    first, second = rendered_key(alice_client), rendered_key(alice_client)
    assert first != second
    assert str(uuid.UUID(first)) == first


def test_the_same_key_sent_again_creates_nothing_and_answers_as_the_first_did(alice_client):
    key = rendered_key(alice_client)
    first = alice_client.post(LOG, log_data(log_key=key))
    again = alice_client.post(LOG, log_data(log_key=key, role="Something else"))
    interview = Interview.objects.get()
    assert (first.status_code, again.status_code) == (302, 302)
    assert first.url == again.url == interview.get_absolute_url()
    assert interview.log_key == key
    assert Application.objects.get().role == "Product designer"


def test_htmx_sending_it_again_is_told_where_the_round_is(alice_client):
    key = str(uuid.uuid4())
    alice_client.post(LOG, log_data(log_key=key), headers={"HX-Request": "true"})
    again = alice_client.post(LOG, log_data(log_key=key), headers={"HX-Request": "true"})
    assert again.status_code == 200
    assert again["HX-Redirect"] == Interview.objects.get().get_absolute_url()


def test_a_key_sent_again_with_answers_now_invalid_still_finds_the_round(alice_client):
    key = str(uuid.uuid4())
    alice_client.post(LOG, log_data(log_key=key))
    again = alice_client.post(LOG, log_data(log_key=key, stage=None))
    assert again.status_code == 302
    assert Interview.objects.count() == 1


def test_a_refused_form_keeps_its_key_so_the_fixed_one_is_still_one_round(alice_client):
    key = str(uuid.uuid4())
    refused = alice_client.post(LOG, log_data(log_key=key, stage=None))
    assert refused.status_code == 422
    assert f'name="log_key" value="{key}"' in refused.text
    alice_client.post(LOG, log_data(log_key=key))
    alice_client.post(LOG, log_data(log_key=key))
    assert Interview.objects.count() == 1


def test_another_persons_key_does_not_collide(alice_client, bob):
    key = str(uuid.uuid4())
    alice_client.post(LOG, log_data(log_key=key))
    bob_client = Client()
    bob_client.force_login(bob)
    answer = bob_client.post(LOG, log_data(log_key=key, company="Contoso"))
    bobs = Interview.objects.get(owner=bob)
    assert answer.url == bobs.get_absolute_url()
    assert bobs.application.company == "Contoso"
    assert Interview.objects.count() == 2


@pytest.mark.parametrize("odd", ["", "not-a-key", "\x00", "١٢٣", "x" * 10_000])
def test_an_odd_key_is_no_key_each_send_is_its_own_round(alice_client, odd):
    assert alice_client.post(LOG, log_data(log_key=odd)).status_code == 302
    assert alice_client.post(LOG, log_data(log_key=odd)).status_code == 302
    assert list(Interview.objects.values_list("log_key", flat=True)) == ["", ""]


def test_rounds_logged_without_a_key_do_not_clash(alice_client):
    alice_client.post(LOG, log_data())
    alice_client.post(LOG, log_data(company="Contoso"))
    assert Interview.objects.filter(log_key="").count() == 2


def test_sent_twice_at_once_the_second_answers_with_the_first(alice_client, alice, monkeypatch):
    """Both sends passed the first look before either was saved: the database refuses the
    second, which then answers with the round the first saved."""
    key = str(uuid.uuid4())
    real = services.log_interview

    def the_other_request_got_there_first(user, **kwargs):
        real(user, **kwargs)
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(services, "log_interview", the_other_request_got_there_first)
    answer = alice_client.post(LOG, log_data(log_key=key))
    assert answer.url == Interview.objects.get(log_key=key).get_absolute_url()


def test_the_database_refuses_a_second_round_with_the_same_key(alice):
    application = Application.objects.create(owner=alice, company="A", role="B")
    Interview.objects.create(owner=alice, application=application, stage="phone", log_key="k")
    with pytest.raises(IntegrityError):
        Interview.objects.create(owner=alice, application=application, stage="phone", log_key="k")
