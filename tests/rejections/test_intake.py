"""\"I got rejected\": recording the news starts the walk-through."""

import re

from django.urls import reverse

from apps.interviews.models import Application
from apps.rejections.models import Recovery, Rejection
from tests.interviews.factories import make_application
from tests.rejections.factories import make_recovery


def test_logging_a_rejection_starts_the_walk_through(alice_client, alice):
    application = make_application(alice, status="interviewing")
    page = alice_client.get(reverse("rejections:new"), {"application": application.pk})
    assert "8 short steps" in page.text
    response = alice_client.post(
        reverse("rejections:new"),
        {
            "application": application.pk,
            "received_on": "2026-11-20",
            "how": "email",
            "stage_reached": "final",
            "impact": "4",
            "expected": "surprised",
            "reason_given": "More experience.",
            "message": "We went with another candidate.",
        },
    )
    recovery = Recovery.objects.get()
    assert response.url == recovery.step_url(1)
    application.refresh_from_db()
    assert application.status == "rejected"
    assert (recovery.rejection.impact, recovery.rejection.stage_reached) == (4, "final")


def test_a_new_application_can_be_added_on_the_way(alice_client, alice):
    alice_client.post(
        reverse("rejections:new"),
        {"company": "Quill", "role": "Editor", "received_on": "2026-11-20", "how": "silence"},
    )
    application = Application.objects.get()
    assert (application.owner, application.company, application.status) == (
        alice,
        "Quill",
        "rejected",
    )


def test_a_missing_application_is_explained(alice_client):
    response = alice_client.post(
        reverse("rejections:new"),
        {"received_on": "2026-11-20", "how": "email", "message": "Keep me"},
    )
    assert response.status_code == 422
    assert "Choose an application above, or enter the company here." in response.text
    assert "Keep me" in response.text


def test_someone_elses_application_cannot_be_rejected(alice_client, bob):
    bobs = make_application(bob)
    response = alice_client.post(
        reverse("rejections:new"),
        {"application": bobs.pk, "received_on": "2026-11-20", "how": "email"},
    )
    assert response.status_code == 422
    assert not Rejection.objects.exists()
    bobs.refresh_from_db()
    assert bobs.status == "applied"


def test_the_intake_says_what_it_needs_instead_of_optional(alice_client, alice):
    page = alice_client.get(reverse("rejections:new"))
    form = page.context["form"]
    for name in ("application", "company", "role"):
        # The application is a group of choices, named by its legend; the others, by labels.
        pattern = (
            r"<legend>(Which application\?.*?)</legend>"
            if name == "application"
            else rf'<label for="id_{name}">(.*?)</label>'
        )
        label = re.search(pattern, page.text, re.S).group(1)
        assert "optional" not in label, name
    assert "add the company and role below" in page.text

    response = alice_client.post(reverse("rejections:new"), {"received_on": "2026-11-20"})
    assert response.status_code == 422
    assert response.context["form"].errors["company"] == [
        "Choose an application above, or enter the company here."
    ]
    assert form.fields["application"].required is False


def test_a_second_no_for_one_application_points_to_the_first_walk_through(alice_client, alice):
    recovery = make_recovery(alice)
    response = alice_client.post(
        reverse("rejections:new"),
        {"application": recovery.application.pk, "received_on": "2026-11-20", "how": "email"},
    )
    assert response.status_code == 422
    assert "You already noted that" in response.text
    assert recovery.get_absolute_url() in response.text
    assert Rejection.objects.count() == 1


def test_a_screen_outside_the_step_goes_to_its_start(alice_client, alice):
    recovery = make_recovery(alice)
    assert alice_client.get(recovery.step_url(1, 0)).url == recovery.step_url(1)
