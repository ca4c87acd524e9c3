"""Finding one of many applications by typing, in Chromium."""

import pytest
from playwright.sync_api import expect

from apps.rejections.models import Rejection
from tests.e2e.conftest import PHONE
from tests.e2e.test_accounts import log_in
from tests.interviews.factories import make_application

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_typing_a_company_offers_it_to_choose(page, live_server, alice, assert_accessible):
    for n in range(30):
        make_application(alice, company=f"Company {n:02}", role="Designer")
    quill = make_application(alice, company="Quillfeather", role="Editor")
    type(quill).objects.filter(pk=quill.pk).update(updated_at="2020-01-01T00:00Z")  # not recent
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/recovery/new/")
    expect(page.get_by_role("radio", name="Editor at Quillfeather")).to_have_count(0)
    assert_accessible(page)
    page.get_by_label("Or find another: type its company or role").fill("quill")
    choice = page.get_by_role("radio", name="Editor at Quillfeather")
    expect(choice).to_be_visible()
    choice.check()
    page.get_by_role("button", name="Save and start").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Let it land")
    assert Rejection.objects.get().application == quill


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"], indirect=True)
def test_an_entrys_rounds_follow_the_application_chosen(page, live_server, alice):
    from tests.interviews.factories import make_interview

    lumen = make_application(alice, company="Lumen", role="Researcher")
    make_interview(lumen, stage="panel")
    log_in(page, live_server, "alice@example.com")
    page.goto(f"{live_server.url}/journal/write/?guide=free")
    page.get_by_text("Title, date, tags and links").click()
    rounds = page.get_by_label("About an interview round")
    expect(rounds.locator("option")).to_have_count(1)  # none chosen yet: only "None"
    page.get_by_role("radio", name="Researcher at Lumen").check()
    expect(page.get_by_label("About an interview round").locator("option")).to_have_count(2)
