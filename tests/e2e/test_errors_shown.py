"""Bad input is explained beside the field, under the settings `make run` serves with and
under production's, so a difference between the two can't hide a defect again."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from apps.strengths.models import Strength
from tests.e2e.conftest import DESKTOP
from tests.e2e.test_accounts import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"], indirect=True),
]


def test_the_browser_suite_serves_the_app_as_make_run_does(page, live_server, alice):
    assert settings.DEBUG is True
    log_in(page, live_server, "alice@example.com")
    # django-htmx adds its debug script only with DEBUG on; it is the one that hid errors.
    expect(page.locator("script[src*='django-htmx.js']")).to_have_count(1)
    assert page.evaluate("htmx.config.noSwap.map(String)") == [
        "204", "304", "400", "401", "403", "404", "405", "410", "413", "429", "5xx",
    ]  # fmt: skip


@pytest.mark.parametrize("served_as", ["make run", "production"], indirect=True)
def test_an_empty_strength_is_explained_beside_the_field(page, live_server, alice, served_as):
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/strengths/")
    page.get_by_text("Add a strength").click()
    page.get_by_label("Evidence").fill("Kept a calm room during the outage review.")
    page.get_by_role("button", name="Add it").click()

    name = page.get_by_label("Strength", exact=True)
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Name the strength, in a few words.")).to_be_visible()
    expect(page.get_by_label("Evidence")).to_have_value(
        "Kept a calm room during the outage review."
    )
    assert not Strength.objects.exists()
