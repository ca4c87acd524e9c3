"""The demo accounts that `seed_demo` fills, so a newcomer sees a lived-in app.

Each app that has demo data keeps it in its own `demo_data.py` with a function
`seed(user, size)`; the command calls them in INSTALLED_APPS order. A seed function
replaces that app's rows for the demo user, so running the command again is harmless.
"""

from importlib import import_module
from types import ModuleType

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model

DEMO_PASSWORD = "rebound-demo"
DEMO_ACCOUNTS = {
    "small": ("demo@rebound.example", "Sam"),
    "large": ("demo-large@rebound.example", "Alex"),
}


def ensure_demo_user(size: str):
    email, name = DEMO_ACCOUNTS[size]
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"display_name": name, "time_zone": "Europe/London"}
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    # The large account stands for someone months into a search, who saw their zone when
    # they signed up, as everyone does. The small one is for trying Rebound from anywhere:
    # its zone is the seed's choice, so the person's device may offer a better one.
    if size == "large" and not user.time_zone_confirmed:
        user.time_zone_confirmed = True
        user.save(update_fields=["time_zone_confirmed"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def demo_modules() -> list[ModuleType]:
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("apps."):
            continue
        try:
            modules.append(import_module(f"{config.name}.demo_data"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo_data":
                raise
    return modules


def seed(size: str):
    user = ensure_demo_user(size)
    for module in demo_modules():
        module.seed(user, size=size)
    return user
