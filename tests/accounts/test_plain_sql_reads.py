"""The session and the signed-in person are read with one plain SQL statement each
(apps/accounts/sessions.py, apps/accounts/backends.py): the same as Django's own reads."""

import datetime

from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from apps.accounts.backends import PersonBackend
from apps.accounts.sessions import SessionStore


def test_the_person_read_is_the_person_django_reads(alice):
    read = PersonBackend().get_user(alice.pk)
    stored = get_user_model().objects.get(pk=alice.pk)
    fields = [field.attname for field in stored._meta.concrete_fields]
    assert model_to_dict(read, fields) == model_to_dict(stored, fields)
    assert read._state.adding is False and read._state.db == "default"
    assert read.data_version == stored.data_version


def test_nobody_is_read_for_a_missing_or_inactive_person(alice):
    assert PersonBackend().get_user(alice.pk + 1000) is None
    alice.is_active = False
    alice.save()
    assert PersonBackend().get_user(alice.pk) is None


def test_a_session_reads_back_what_was_saved_until_it_expires(db):
    session = SessionStore()
    session["words"] = "Kept."
    session.save()
    assert SessionStore(session.session_key)["words"] == "Kept."
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    expired = SessionStore(session.session_key)
    assert "words" not in expired
    assert expired.session_key is None  # a new one is made, as Django does


def test_a_session_begun_with_djangos_own_backend_stays_signed_in(client, alice):
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    assert client.session[BACKEND_SESSION_KEY] == "django.contrib.auth.backends.ModelBackend"
    assert client.get(reverse("home:index")).status_code == 200


def test_a_log_in_is_recorded_with_the_plain_sql_backend(client, alice):
    client.force_login(alice)
    assert client.session[BACKEND_SESSION_KEY] == "apps.accounts.backends.PersonBackend"
    assert client.get(reverse("home:index")).status_code == 200
