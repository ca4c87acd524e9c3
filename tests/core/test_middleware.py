import pytest
from django.urls import reverse


@pytest.mark.urls("tests.core.urls_for_tests")
def test_flash_messages_ride_along_on_htmx_swaps(alice_client):
    response = alice_client.get("/test/flash/", headers={"HX-Request": "true"})
    body = response.text
    assert body.startswith("<p>fragment</p>")
    assert 'id="messages" hx-swap-oob="innerHTML"' in body
    assert "Saved just now." in body


@pytest.mark.urls("tests.core.urls_for_tests")
def test_flash_messages_wait_for_the_next_full_page_without_htmx(alice_client):
    response = alice_client.get("/test/flash/")
    assert "hx-swap-oob" not in response.text
    assert "Saved just now." in alice_client.get(reverse("home:index")).text


@pytest.mark.urls("tests.core.urls_for_tests")
def test_requests_run_in_the_persons_time_zone(alice, client):
    alice.time_zone = "Asia/Tokyo"
    alice.save()
    client.force_login(alice)
    assert client.get("/test/zone/").text == "Asia/Tokyo"


@pytest.mark.django_db
@pytest.mark.urls("tests.core.urls_for_tests")
def test_visitors_run_in_utc(client):
    assert client.get("/test/zone/").text == "UTC"
