import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from apps.core.demo import DEMO_PASSWORD
from apps.interviews.models import Application, Interview, Question


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_with_debug_off():
    with pytest.raises(CommandError, match="publicly known password"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_seed_demo_makes_a_lived_in_account_and_can_run_again(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    user = get_user_model().objects.get()
    assert user.email == "demo@rebound.example"
    assert user.check_password(DEMO_PASSWORD)
    assert user.emailaddress_set.get().verified
    applications = Application.objects.for_user(user)
    assert applications.count() == 12
    assert set(applications.values_list("status", flat=True)) == set(Application.Status.values)
    assert Interview.objects.for_user(user).exists()
    assert Question.objects.for_user(user).filter(outcome="rocked").exists()
    assert Question.objects.for_user(user).filter(outcome="struggled").exists()


@pytest.mark.django_db
def test_seed_demo_large_makes_a_separate_big_account():
    call_command("seed_demo", "--size", "large", "--allow-without-debug")
    user = get_user_model().objects.get(email="demo-large@rebound.example")
    assert Application.objects.for_user(user).count() == 300
    assert Interview.objects.for_user(user).count() == 900
    assert Question.objects.for_user(user).count() == 3000
    # Months into a search, like anyone who signed up, they have seen their time zone; the
    # small account (for trying Rebound anywhere) is offered the device's.
    assert user.time_zone_confirmed
