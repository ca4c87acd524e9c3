import io
import zipfile

import pytest
from django.urls import reverse

from apps.core.demo import demo_modules
from apps.feedback.models import FeedbackRequest
from apps.interviews.models import Question
from apps.journal.models import Entry
from apps.rejections.models import PlanItem, Recovery
from tests.conftest import PASSWORD


def fill_like_the_demo(user, size: str = "small") -> None:
    """What `seed_demo` gives its account, for this person."""
    for module in demo_modules():
        module.seed(user, size=size)


def use_every_link(user) -> None:
    """The demo leaves a few links unused; set one of each, so a round trip proves them all."""
    recovery = Recovery.objects.for_user(user).select_related("rejection").first()
    request = FeedbackRequest.objects.for_user(user).first()
    question = Question.objects.for_user(user).select_related("interview").first()
    Recovery.objects.filter(pk=recovery.pk).update(feedback_request=request)
    PlanItem.objects.for_user(user).filter(recovery=recovery).update(
        question=question, feedback_request=request
    )
    Entry.objects.for_user(user).filter(pk=Entry.objects.for_user(user).first().pk).update(
        interview=question.interview, rejection=recovery.rejection
    )


@pytest.fixture
def lived_in(alice):
    """Alice with a believable job search, every kind of row and every link in use."""
    fill_like_the_demo(alice)
    use_every_link(alice)
    alice.time_zone = "Europe/Paris"
    alice.hide_rejected_applications = True
    alice.pace_notes = False
    alice.save()
    return alice


def confirm_password(client) -> None:
    """What the person does on allauth's "confirm it's you" page."""
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


@pytest.fixture
def confirmed_client(alice_client):
    """Alice, signed in, who has just typed her password again."""
    confirm_password(alice_client)
    return alice_client


def download(client) -> zipfile.ZipFile:
    response = client.get(reverse("yourdata:download"))
    assert response.status_code == 200, response
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
