"""An edit sent from an old copy of a page (a second tab) is never saved over newer words:
409, nothing saved, both versions shown; saving again keeps the person's version."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse

from tests.feedback.factories import make_request
from tests.interviews.factories import make_application, make_interview, make_question
from tests.strengths.factories import make_achievement, make_strength, make_supporter


@dataclass
class EditPage:
    name: str
    make: Any  # (alice) -> the row
    url: str  # URL name, takes the row's pk
    field: str  # a text field written in both tabs
    prefix: str = ""


EDIT_PAGES = [
    EditPage("application", make_application, "interviews:application_edit", "why_i_want_this"),
    EditPage(
        "round",
        lambda alice: make_interview(make_application(alice)),
        "interviews:interview_edit",
        "went_well",
    ),
    EditPage(
        "question",
        lambda alice: make_question(make_interview(make_application(alice))),
        "interviews:question_edit",
        "my_answer",
    ),
    EditPage("achievement", make_achievement, "strengths:achievement_edit", "situation"),
    EditPage("supporter", make_supporter, "strengths:supporter_edit", "how_they_help"),
    EditPage("strength", make_strength, "strengths:strength_edit", "evidence", "strength-{pk}"),
    EditPage(
        "feedback request",
        lambda alice: make_request(alice, make_application(alice)),
        "feedback:edit",
        "message",
    ),
]


def as_posted(form) -> dict:
    """The form as the browser would send it back, unchanged."""
    data = {}
    for field in form:
        value = field.value()
        if value in (None, False, [], ""):
            continue
        if value is True:
            data[field.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(getattr(item, "pk", item)) for item in value]
        else:
            data[field.html_name] = field.field.widget.format_value(value)
    return data


def opened(client, url):
    """A tab opened on the edit page: what it would send back."""
    return as_posted(client.get(url).context["form"])


@pytest.mark.parametrize("page", EDIT_PAGES, ids=[p.name for p in EDIT_PAGES])
def test_an_old_copy_is_refused_with_both_versions_then_kept_on_purpose(alice_client, alice, page):
    row = page.make(alice)
    url = reverse(page.url, args=[row.pk])
    name = (page.prefix.format(pk=row.pk) + "-" if page.prefix else "") + page.field
    first_tab, second_tab = opened(alice_client, url), opened(alice_client, url)

    assert alice_client.post(url, {**first_tab, name: "Saved from the first tab."}).status_code in (
        200,
        302,
    )
    response = alice_client.post(url, {**second_tab, name: "Typed in the second tab."})

    assert response.status_code == 409
    row.refresh_from_db()
    assert getattr(row, page.field) == "Saved from the first tab."
    page_text = response.content.decode()
    assert "changed somewhere else" in page_text
    assert "Typed in the second tab." in page_text  # still in the form
    assert "Saved now, from elsewhere:" in page_text and "Saved from the first tab." in page_text

    again = as_posted(response.context["form"])  # "Save again to keep your version"
    assert alice_client.post(url, again).status_code in (200, 302)
    row.refresh_from_db()
    assert getattr(row, page.field) == "Typed in the second tab."


def test_a_page_saved_twice_from_the_same_tab_is_not_a_conflict(alice_client, alice):
    application = make_application(alice)
    url = reverse("interviews:application_edit", args=[application.pk])
    alice_client.post(url, {**opened(alice_client, url), "why_i_want_this": "First."})
    response = alice_client.post(url, {**opened(alice_client, url), "why_i_want_this": "Second."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.why_i_want_this == "Second."
