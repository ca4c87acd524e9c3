"""Pages served again from memory (apps/core/pagecache.py), in Chromium: they arrive whole
(pre-compressed, as Chromium asks for gzip), their forms still post, and a change made in
another tab is there the next time the page is opened."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from apps.interviews.models import Application
from tests.e2e.test_accounts import log_in
from tests.interviews.factories import make_application

pytestmark = pytest.mark.e2e


def test_a_change_in_another_tab_is_on_the_remembered_page_and_its_forms_post(
    page, live_server, alice
):
    application = make_application(alice, company="Northwind", role="Designer")
    log_in(page, live_server, "alice@example.com")
    applications = live_server.url + reverse("interviews:applications")
    for _ in range(2):  # built, then from memory
        page.goto(applications)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_text("Northwind")).to_be_visible()
    expect(page.locator(".badge--withdrawn")).to_have_count(0)
    # Styled as ever: the page and what it loads came through whole.
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"

    other = page.context.new_page()
    other.goto(live_server.url + application.get_absolute_url())
    other.get_by_label("Status").select_option("withdrawn")
    expect(other.get_by_role("status").filter(has_text="Status saved")).to_be_visible()

    page.goto(applications)
    expect(page.locator(".badge--withdrawn")).to_have_count(1)

    # A form on a page served from memory carries a token good for this browser.
    page.goto(live_server.url + application.get_absolute_url())
    page.goto(live_server.url + application.get_absolute_url())
    page.get_by_label("Status").select_option("offer")
    expect(page.get_by_role("status").filter(has_text="Status saved: Offer")).to_be_visible()
    assert Application.objects.get(pk=application.pk).status == "offer"
