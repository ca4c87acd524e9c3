"""Pages cost a small, fixed number of queries, however much has been recorded."""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.interviews import demo_data
from apps.interviews.models import Application
from tests.helpers import views_built

MAX_QUERIES = 10


def query_count(client, url: str) -> int:
    with views_built(), CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def busiest_application(user) -> Application:
    return (
        Application.objects.for_user(user)
        .annotate(rounds=Count("interviews"))
        .order_by("-rounds", "pk")
        .first()
    )


def counts_for(client, user) -> dict[str, int]:
    client.get(reverse("home:index"))  # the first request records the signed-in session
    return {
        "home": query_count(client, reverse("home:index")),
        "applications": query_count(client, reverse("interviews:applications")),
        "application": query_count(client, busiest_application(user).get_absolute_url()),
        "questions": query_count(client, reverse("interviews:questions")),
        "great answers": query_count(client, reverse("interviews:questions") + "?tab=great"),
    }


@pytest.fixture
def small_and_large(alice, bob, client):
    """The same pages measured for a believable search and for a very large one."""
    demo_data.seed_search(alice)
    demo_data.seed_large(bob)
    client.force_login(alice)
    small = counts_for(client, alice)
    client.force_login(bob)
    large = counts_for(client, bob)
    return small, large


def test_query_counts_do_not_grow_with_the_data(small_and_large):
    small, large = small_and_large
    assert Application.objects.count() == 12 + 300
    assert small == large
    assert max(large.values()) <= MAX_QUERIES, large
