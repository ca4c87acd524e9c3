import datetime

import pytest
from django.db import connection
from django.urls import reverse

from apps.journal import demo_data
from apps.journal.models import Entry
from apps.journal.search import _contains, search_entries, snippet
from tests.journal.factories import make_entry

INDEX = reverse("journal:index")
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL only"
)


def day(n: int) -> datetime.date:
    return datetime.date(2026, 10, n)


def test_entries_by_date_newest_first(alice_client, alice):
    make_entry(alice, title="Older", written_on=day(1))
    make_entry(alice, title="Newer", written_on=day(20))
    body = alice_client.get(INDEX).text
    assert body.index("Newer") < body.index("Older")


def test_filters_by_guide_tag_mood_and_dates(alice_client, alice):
    make_entry(
        alice, title="Alpha", guide="learned", tags=["rejection"], mood_before=2, written_on=day(3)
    )
    make_entry(
        alice, title="Bravo", guide="vent", tags=["final round"], mood_after=5, written_on=day(15)
    )
    make_entry(alice, title="Charlie", guide="learned", tags=["final round"], written_on=day(28))

    def titles(**params):
        body = alice_client.get(INDEX, params).text
        found = [t for t in ("Alpha", "Bravo", "Charlie") if f">{t}</a>" in body]
        return sorted(found, key=lambda title: body.index(f">{title}</a>"))

    assert titles(guide="learned") == ["Charlie", "Alpha"]
    assert titles(tag="final round") == ["Charlie", "Bravo"]
    assert titles(mood="5") == ["Bravo"]
    assert titles(mood="2") == ["Alpha"]
    assert titles(start="2026-10-10", end="2026-10-20") == ["Bravo"]


def test_the_page_paginates(alice_client, alice):
    for n in range(21):
        make_entry(alice, title=f"Entry {n}")
    assert "Page 1 of 2" in alice_client.get(INDEX).text


def test_mood_chart_is_svg_with_a_text_summary(alice_client, alice):
    make_entry(alice, mood_before=2, mood_after=3, written_on=day(1))
    make_entry(alice, mood_before=1, mood_after=4, written_on=day(9))
    body = alice_client.get(INDEX).text
    assert '<svg viewBox="0 0 600 180" role="img"' in body
    assert "2 entries from 1 October to 9 October 2026." in body
    assert "Mood before writing averaged 1.5 out of 5." in body
    assert "Mood after writing averaged 3.5 out of 5." in body


def test_only_your_own_entries(alice_client, bob):
    make_entry(bob, title="Bob's diary")
    assert "Bob&#x27;s diary" not in alice_client.get(INDEX).text


def test_contains_fallback_finds_words_and_excludes(alice, db):
    make_entry(alice, title="Panel day", answers=["The panel asked about budgets."])
    make_entry(alice, title="Quiet day", body="A walk by the river.")
    make_entry(alice, title="Panel again", body="Budgets again, and river views.")
    entries = Entry.objects.for_user(alice)
    assert {e.title for e in _contains(entries, "panel")} == {"Panel day", "Panel again"}
    assert {e.title for e in _contains(entries, "panel -river")} == {"Panel day"}
    assert {e.title for e in _contains(entries, '"budgets"')} == {"Panel day", "Panel again"}


def test_snippets_escape_the_text_and_mark_the_match(alice, db):
    entry = make_entry(alice, body='I typed <script>alert("x")</script> and a keyword here.')
    html = str(snippet(entry, "keyword"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>keyword</mark>" in html


def test_search_through_the_page(alice_client, alice):
    make_entry(alice, title="After the final round", answers=["They loved the portfolio."])
    make_entry(alice, title="Something else", body="Nothing relevant.")
    body = alice_client.get(INDEX, {"q": "portfolio"}).text
    assert "After the final round" in body and "Something else" not in body
    assert "<mark>portfolio</mark>" in body


@on_postgres
def test_full_text_ranks_title_matches_first(alice, db):
    make_entry(alice, title="Notes", body="The interview went well, the interview panel too.")
    make_entry(alice, title="Interview with Lumen", body="Short.")
    found = list(search_entries(Entry.objects.for_user(alice), "interview"))
    assert [e.title for e in found] == ["Interview with Lumen", "Notes"]


@on_postgres
def test_full_text_phrases_and_exclusions(alice, db):
    make_entry(alice, title="A", body="The hiring manager was kind.")
    make_entry(alice, title="B", body="The manager said hiring was paused.")
    make_entry(alice, title="C", body="Hiring manager, then a long silence.")
    entries = Entry.objects.for_user(alice)
    assert {e.title for e in search_entries(entries, '"hiring manager"')} == {"A", "C"}
    assert {e.title for e in search_entries(entries, '"hiring manager" -silence')} == {"A"}
    assert {e.title for e in search_entries(entries, "paused")} == {"B"}


@on_postgres
def test_full_text_snippets_cannot_inject_markup(alice, db):
    make_entry(alice, body='Before <script>alert("x")</script> the keyword, <b>bold</b> after.')
    entry = search_entries(Entry.objects.for_user(alice), "keyword").get()
    html = str(snippet(entry, "keyword"))
    assert "<script>" not in html and "<b>" not in html
    assert "alert(&quot;x&quot;)" in html  # the text survives, escaped
    assert html.count("<") == html.count("<mark>") + html.count("</mark>")


def test_query_counts_do_not_grow_with_the_data(alice, bob, client, django_assert_max_num_queries):
    demo_data.seed_recent(alice)
    demo_data.seed_large(bob)
    counts = {}
    for person in (alice, bob):
        client.force_login(person)
        for name, params in {
            "page": {},
            "filtered": {"tag": "rejection", "mood": "3"},
            "search": {"q": "portfolio"},
        }.items():
            with django_assert_max_num_queries(8) as captured:
                assert client.get(INDEX, params).status_code == 200
            counts[(person.pk, name)] = len(captured)
    assert Entry.objects.filter(owner=bob).count() == 1500
    for name in ("page", "filtered", "search"):
        assert counts[(alice.pk, name)] == counts[(bob.pk, name)], counts
