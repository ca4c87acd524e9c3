import datetime

from django.urls import reverse
from django.utils import timezone

from apps.rejections.models import PlanItem
from tests.feedback.factories import make_request
from tests.interviews.factories import make_application
from tests.rejections.factories import make_plan_item

PLAN = reverse("rejections:plan")


def test_the_plan_lists_items_by_due_date(alice_client, alice):
    make_plan_item(alice, "Later", due_on=datetime.date(2026, 12, 20))
    make_plan_item(alice, "Sooner", due_on=datetime.date(2026, 12, 1))
    body = alice_client.get(PLAN).text
    assert body.index("Sooner") < body.index("Later")


def test_done_in_place(alice_client, alice):
    item = make_plan_item(alice)
    response = alice_client.post(
        reverse("rejections:plan_item_done", args=[item.pk]), headers={"HX-Request": "true"}
    )
    assert "<html" not in response.text and 'aria-pressed="true"' in response.text
    assert "HX-Request" in response.headers["Vary"]
    item.refresh_from_db()
    assert item.done_on == timezone.localdate()
    alice_client.post(reverse("rejections:plan_item_done", args=[item.pk]))
    item.refresh_from_db()
    assert item.done_on is None


def test_add_and_remove_an_item(alice_client, alice):
    alice_client.post(PLAN, {"title": "Update my CV", "kind": "materials", "due_on": "2026-12-05"})
    item = PlanItem.objects.get()
    assert (item.owner, item.kind) == (alice, "materials")
    alice_client.post(reverse("rejections:plan_item_delete", args=[item.pk]))
    assert not PlanItem.objects.exists()


def test_an_empty_item_is_explained(alice_client):
    response = alice_client.post(PLAN, {"kind": "skill", "due_on": "2026-12-05"})
    assert response.status_code == 422
    assert "Say what you want to do" in response.text


def test_feedback_takeaways_become_plan_items(alice_client, alice):
    feedback = make_request(
        alice, status="replied", takeaways="Show leadership earlier\nAsk about team size"
    )
    assert "Add to my plan" in alice_client.get(feedback.get_absolute_url()).text
    alice_client.post(
        reverse("rejections:plan_from_feedback", args=[feedback.pk]),
        {"takeaway": "Show leadership earlier"},
    )
    alice_client.post(
        reverse("rejections:plan_from_feedback", args=[feedback.pk]),
        {"takeaway": "Show leadership earlier"},
    )
    alice_client.post(
        reverse("rejections:plan_from_feedback", args=[feedback.pk]), {"takeaway": "Not a takeaway"}
    )
    item = PlanItem.objects.get()
    assert (item.title, item.feedback_request) == ("Show leadership earlier", feedback)


def test_home_shows_plan_items_due(alice_client, alice):
    today = timezone.localdate()
    make_plan_item(alice, "Due soon", due_on=today + datetime.timedelta(days=2))
    make_plan_item(alice, "Far away", due_on=today + datetime.timedelta(days=30))
    make_plan_item(alice, "Already done", due_on=today, done_on=today)
    section = (
        alice_client.get(reverse("home:index"))
        .text.split('id="plan-title"')[1]
        .split("</section>")[0]
    )
    assert "Due soon" in section and "Far away" not in section and "Already done" not in section


def test_the_plan_page_costs_the_same_queries_at_any_size(
    client, alice, bob, django_assert_max_num_queries
):
    make_plan_item(alice)
    PlanItem.objects.bulk_create(PlanItem(owner=bob, title=f"Item {n}") for n in range(300))
    counts = []
    for person in (alice, bob):
        client.force_login(person)
        with django_assert_max_num_queries(5) as captured:
            body = client.get(PLAN).text
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert body.count('class="plan-item"') == 25 and "Page 1 of 12" in body


def test_rejected_applications_can_be_kept_out_of_the_main_list(alice_client, alice):
    make_application(alice, company="Stillhopeful", status="interviewing")
    make_application(alice, company="Didntworkout", status="rejected")
    alice.hide_rejected_applications = True
    alice.save()
    body = alice_client.get(reverse("interviews:applications")).text
    assert "Stillhopeful" in body and "Didntworkout" not in body
    assert (
        "Didntworkout"
        in alice_client.get(reverse("interviews:applications"), {"status": "rejected"}).text
    )
