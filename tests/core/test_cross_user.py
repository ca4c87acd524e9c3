"""The cross-user guard: every route that takes an object id answers Bob with 404 for
Alice's object, and a route that nobody registered fails the suite."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.cross_user import load_all_cases

CASES = load_all_cases()


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
    unregistered = id_taking_routes() - set(CASES)
    assert not unregistered, (
        "These routes take an id but prove nothing about other users; register a case in "
        f"tests/<app>/cross_user_cases.py: {sorted(unregistered)}"
    )


def test_every_registered_case_names_a_real_route():
    stale = set(CASES) - id_taking_routes()
    assert not stale, f"Cases registered for routes that no longer exist: {sorted(stale)}"


def test_the_walker_finds_an_unregistered_route():
    resolver = get_resolver("tests.core.urls_with_an_id_route")
    assert id_taking_routes(resolver) - set(CASES) == {"fake:thing"}


@pytest.mark.parametrize("route", sorted(CASES))
def test_another_user_gets_404(route, alice, bob, client):
    case = CASES[route]
    url = reverse(route, kwargs=case.make_kwargs(alice))
    client.force_login(bob)
    for method in case.methods:
        response = getattr(client, method)(url, data=case.data or {})
        assert response.status_code == 404, f"{method.upper()} {url} gave {response.status_code}"
