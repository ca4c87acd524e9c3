"""The cross-user guard's registry.

Every route that takes an object id must prove that another signed-in person gets a 404
for it. Each app's tests register their routes in `tests/<app>/cross_user_cases.py`:

    @cross_user_case("interviews:application", methods=("get", "post"))
    def _(alice):
        return {"pk": ApplicationFactory(owner=alice).pk}

The function receives Alice (the owner) and returns the URL kwargs for one of her
objects; the guard then requests it as Bob and expects 404. The walker in
tests/core/test_cross_user.py fails for any id-taking route nobody registered.

A few routes take a secret instead of an id (a calendar address, a signed unsubscribe
link): holding the link is the permission, so it works signed out. They register with
`secret_link_case`, whose function returns the kwargs of Alice's real link and of a forged
one; the guard expects the forged one to be a 404 for everybody, Bob included.
"""

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import tests


@dataclass(frozen=True)
class CrossUserCase:
    route: str
    make_kwargs: Callable
    methods: tuple[str, ...]
    data: dict | None = None


CASES: dict[str, CrossUserCase] = {}


def cross_user_case(route: str, *, methods: tuple[str, ...] = ("get",), data: dict | None = None):
    def register(make_kwargs: Callable) -> Callable:
        if route in CASES:
            raise ValueError(f"{route} is registered twice")
        CASES[route] = CrossUserCase(route, make_kwargs, methods, data)
        return make_kwargs

    return register


SECRET_LINKS: dict[str, Callable[..., tuple[dict, dict]]] = {}


def secret_link_case(route: str):
    def register(make_links: Callable) -> Callable:
        if route in SECRET_LINKS or route in CASES:
            raise ValueError(f"{route} is registered twice")
        SECRET_LINKS[route] = make_links
        return make_links

    return register


def load_all_cases() -> dict[str, CrossUserCase]:
    """Import every tests/<app>/cross_user_cases.py so the registry is complete."""
    for package in pkgutil.iter_modules([str(Path(tests.__file__).parent)]):
        if not package.ispkg:
            continue
        try:
            import_module(f"tests.{package.name}.cross_user_cases")
        except ModuleNotFoundError as error:
            if error.name != f"tests.{package.name}.cross_user_cases":
                raise
    return CASES
