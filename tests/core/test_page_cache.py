"""Main pages are remembered per person (apps/core/pagecache.py): served again without
their view's queries, the same page as a fresh build, and never once anything has changed."""

import datetime
import gzip
import re

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import connection
from django.middleware.csrf import _does_token_match
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.core.pagecache import _key
from apps.interviews.models import Application, Interview
from apps.journal.models import Entry
from apps.strengths.models import Achievement, Strength
from tests.helpers import MAIN_PAGES as NO_ID_PAGES
from tests.helpers import views_built
from tests.interviews.factories import make_application, make_interview
from tests.interviews.test_log_interview import log_data
from tests.journal.factories import make_entry

# The main pages, and one application's (it gets its id below).
MAIN_PAGES = [*NO_ID_PAGES, "interviews:application"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
LOG_KEY = re.compile(r'name="log_key" value="([^"]+)"')
NONCE = re.compile(r'nonce="([^"]+)"')
SIGNED = re.compile(r"[\w-]+:[0-9A-Za-z]{6}:[\w-]{43}")


@pytest.fixture
def search(alice):
    application = make_application(alice, company="Lumen", role="Designer")
    make_interview(application, went_well="Portfolio walk-through went well.")
    make_entry(alice, answers=["A hard day, written down."], is_draft=False)
    return application


@pytest.fixture
def browser(alice_client):
    """Alice's browser once it has its CSRF cookie (pages are remembered from then on)."""
    alice_client.get(reverse("home:index"))
    return alice_client


def url_of(name: str, application: Application) -> str:
    if name == "interviews:application":
        return application.get_absolute_url()
    return reverse(name)


def queries_for(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    for nonce in NONCE.findall(response.text):  # each script allowed by this response's CSP
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    return len(captured), response.text


def without_tokens(html: str) -> str:
    """The page less what is made anew for every response."""
    html = re.sub(r"[A-Za-z0-9]{64}", "TOKEN", html)
    html = NONCE.sub('nonce="NONCE"', html)
    # What says when the page was drawn (a remembered page keeps its own): the writing
    # page's signed links, and the log page's time served and "When was it?".
    html = SIGNED.sub("SIGNED", html)
    html = re.sub(r'data-rendered-at="\d+"', "RENDERED_AT", html)
    html = re.sub(r'value="\d{4}-\d\d-\d\dT\d\d:\d\d"', "NOW", html)
    return LOG_KEY.sub('name="log_key" value="KEY"', html)


@pytest.mark.parametrize("name", MAIN_PAGES)
def test_a_page_asked_for_again_is_served_without_its_views_queries(browser, search, name):
    url = url_of(name, search)
    built_queries, built = queries_for(browser, url)
    assert browser.get(url).templates == []  # from memory: nothing was rendered
    served_queries, served = queries_for(browser, url)
    assert served_queries == 2  # the session and the person (with their change stamp)
    assert built_queries >= served_queries
    assert without_tokens(served) == without_tokens(built)
    with views_built():
        assert without_tokens(browser.get(url).text) == without_tokens(served)


@pytest.mark.parametrize("name", MAIN_PAGES)
def test_a_page_from_memory_comes_gzipped_whole_with_its_new_values(browser, search, name):
    url = url_of(name, search)
    browser.get(url)
    sizes = set()
    for _ in range(5):
        packed = browser.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
        assert packed.templates == []
        assert packed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in packed["Vary"]
        assert int(packed["Content-Length"]) == len(packed.content)
        html = gzip.decompress(packed.content).decode()  # checks its CRC and length too
        for token in TOKEN.findall(html):
            assert _does_token_match(token, browser.cookies["csrftoken"].value)
        for nonce in NONCE.findall(html):
            assert f"'nonce-{nonce}'" in packed["Content-Security-Policy"]
        sizes.add(len(packed.content))
    assert len(sizes) > 1  # padded at random, as every compressed answer is (BREACH)
    with views_built():
        assert without_tokens(html) == without_tokens(browser.get(url).text)


def test_each_browser_gets_pages_whose_token_is_good_for_it(alice, search):
    first, second = Client(), Client()
    for browser in (first, second):
        browser.force_login(alice)
        browser.get(reverse("home:index"))  # the browser now has its CSRF cookie
    url = reverse("feedback:new")
    tokens = []
    for browser in (first, first, second):
        html = browser.get(url).text
        token = TOKEN.search(html).group(1)
        assert _does_token_match(token, browser.cookies["csrftoken"].value)
        tokens.append(token)
    assert tokens[0] == tokens[1]  # the same page, served again from memory
    assert tokens[2] != tokens[0]
    response = first.post(url, {"csrfmiddlewaretoken": tokens[1], "template": "thanks"})
    assert response.status_code != 403


def test_a_browser_without_its_csrf_cookie_yet_gets_a_page_built_for_it(alice_client, search):
    url = reverse("feedback:new")
    alice_client.get(url)
    alice_client.get(url)
    del alice_client.cookies["csrftoken"]
    response = alice_client.get(url)
    assert response.templates  # built, and it sets the cookie its token is good for
    token = TOKEN.search(response.text).group(1)
    assert _does_token_match(token, response.cookies["csrftoken"].value)


def test_two_log_pages_served_from_memory_save_two_rounds(browser, search):
    url = reverse("interviews:log")
    keys = [LOG_KEY.search(browser.get(url).text).group(1) for _ in range(3)]
    assert len(set(keys)) == 3
    for key in keys[1:]:
        assert browser.post(url, log_data(log_key=key)).status_code == 302
    saved = Interview.objects.filter(log_key__in=keys).values_list("log_key", flat=True)
    assert set(saved) == set(keys[1:])


def test_a_change_made_in_the_app_is_seen_at_once(browser, search):
    strengths = reverse("strengths:index")
    assert "Patient teacher" not in browser.get(strengths).text
    response = browser.post(
        reverse("strengths:strength_add"), {"name": "Patient teacher", "source": "me"}
    )
    assert response.status_code == 302
    assert "Patient teacher" in browser.get(strengths).text


def test_a_change_made_anywhere_else_is_seen_at_once(browser, alice, search):
    """From another tab, the task worker, an import: every write moves the stamp."""
    home, applications = reverse("home:index"), reverse("interviews:applications")
    strengths, journal = reverse("strengths:index"), reverse("journal:index")
    for url in (home, applications, strengths, journal):
        browser.get(url)

    Application.objects.for_user(alice).filter(pk=search.pk).update(company="Northwind")
    assert "Northwind" in browser.get(applications).text

    Application.objects.filter(pk=search.pk).update(company="Southwind")  # no owner given
    assert "Southwind" in browser.get(applications).text

    Application.objects.bulk_create([Application(owner=alice, company="Bulkhead")])
    assert "Bulkhead" in browser.get(applications).text

    strength = Strength.objects.create(owner=alice, name="Steady under pressure")
    assert "Steady under pressure" in browser.get(strengths).text
    strength.name = "Calm under pressure"
    Strength.objects.bulk_update([strength], ["name"])
    assert "Calm under pressure" in browser.get(strengths).text

    achievement = Achievement.objects.create(
        owner=alice, title="Shipped the redesign", month=datetime.date(2026, 10, 1)
    )
    before = type(alice).objects.get(pk=alice.pk).data_version
    achievement.strengths.add(strength)
    assert type(alice).objects.get(pk=alice.pk).data_version > before

    Entry.objects.for_user(alice).delete()
    assert "A hard day, written down" not in browser.get(journal).text

    alice.display_name = "Ally"
    alice.save()
    assert "Ally" in browser.get(home).text


def test_another_person_never_gets_a_page_remembered_for_someone_else(browser, bob, search):
    alice_page = browser.get(reverse("interviews:applications")).text
    assert "Lumen" in alice_page
    bob_client = Client()
    bob_client.force_login(bob)
    assert "Lumen" not in bob_client.get(reverse("interviews:applications")).text


def test_a_new_day_builds_the_page_anew(browser, search, monkeypatch):
    home = reverse("home:index")
    browser.get(home)
    assert queries_for(browser, home)[0] == 2
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr("apps.core.pagecache.timezone.localdate", lambda: tomorrow)
    assert queries_for(browser, home)[0] > 2


def test_a_page_is_not_remembered_while_a_message_waits_to_be_shown(alice, rf: RequestFactory):
    request = rf.get(reverse("home:index"))
    SessionMiddleware(lambda r: None).process_request(request)
    request.session.save()
    MessageMiddleware(lambda r: None).process_request(request)
    request.user = alice
    request.META["CSRF_COOKIE"] = "a" * 32
    assert _key(request) is not None
    get_messages(request).add(20, "Saved.")
    assert _key(request) is None


def test_a_user_saved_from_a_stale_copy_still_moves_the_stamp_on(alice):
    stale = type(alice).objects.get(pk=alice.pk)
    type(alice).objects.filter(pk=alice.pk).update(data_version=41)
    stale.display_name = "Al"
    stale.save()
    assert stale.data_version == 42  # read afresh from the database


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_cache_can_be_turned_off(browser, search):
    home = reverse("home:index")
    browser.get(home)
    assert queries_for(browser, home)[0] > 2
