"""The cross-user guard: every route that takes an object id answers Bob with 404 for
Alice's object, and a route that nobody registered fails the suite."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.cross_user import SECRET_LINKS, load_all_cases

CASES = load_all_cases()
REGISTERED = set(CASES) | set(SECRET_LINKS)


def id_taking_routes(resolver: URLResolver | None = None, namespace: str = "") -> set[str]:
    """Names of our own routes (views under apps.) whose URL carries a parameter."""
    resolver = resolver or get_resolver()
    found = set()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found |= id_taking_routes(entry, inner)
        elif isinstance(entry, URLPattern) and _takes_parameters(entry) and _is_ours(entry):
            assert entry.name, f"route {entry.pattern} takes an id but has no name"
            found.add(f"{namespace}{entry.name}")
    return found


def _takes_parameters(entry: URLPattern) -> bool:
    return bool(getattr(entry.pattern, "converters", None) or entry.pattern.regex.groupindex)


def _is_ours(entry: URLPattern) -> bool:
    callback = getattr(entry.callback, "view_class", entry.callback)
    return callback.__module__.startswith("apps.")


def test_every_id_taking_route_has_a_cross_user_case():
    unregistered = id_taking_routes() - REGISTERED
    assert not unregistered, (
        "These routes take an id but prove nothing about other users; register a case in "
        f"tests/<app>/cross_user_cases.py: {sorted(unregistered)}"
    )


def test_every_registered_case_names_a_real_route():
    stale = REGISTERED - id_taking_routes()
    assert not stale, f"Cases registered for routes that no longer exist: {sorted(stale)}"


def test_the_walker_finds_an_unregistered_route():
    resolver = get_resolver("tests.core.urls_with_an_id_route")
    assert id_taking_routes(resolver) - REGISTERED == {"fake:thing"}


@pytest.mark.parametrize("route", sorted(CASES))
def test_another_user_gets_404(route, alice, bob, client):
    case = CASES[route]
    url = reverse(route, kwargs=case.make_kwargs(alice))
    client.force_login(bob)
    for method in case.methods:
        response = getattr(client, method)(url, data=case.data or {})
        assert response.status_code == 404, f"{method.upper()} {url} gave {response.status_code}"


@pytest.mark.parametrize("route", sorted(SECRET_LINKS))
def test_a_forged_secret_link_is_a_404_for_everybody(route, alice, bob, client):
    real, forged = SECRET_LINKS[route](alice)
    assert client.get(reverse(route, kwargs=forged)).status_code == 404
    client.force_login(bob)
    assert client.get(reverse(route, kwargs=forged)).status_code == 404
    # The link itself opens it, whoever is signed in: it never falls back to Bob's own.
    assert client.get(reverse(route, kwargs=real)).status_code == 200
