import datetime
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.core.demo import demo_modules
from apps.insights.pace import BUSIER_AND_LOWER, NO_DAY_OFF
from apps.interviews.models import Application, Question, Stage
from apps.rejections.models import Rejection
from tests.conftest import make_person, views_built
from tests.interviews.factories import make_application, make_interview, make_question
from tests.journal.factories import make_entry

INSIGHTS = reverse("insights:index")
PACE = reverse("insights:pace_notes")


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def moment(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def text(response) -> str:
    """The page's words, as a reader gets them (SVG text included)."""
    body = re.sub(r"<[^>]+>", " ", response.text)
    return re.sub(r"\s+", " ", body)


@pytest.fixture
def search(alice):
    """Four applications: one offer after a final, one turned down after a phone round, one
    interviewing and one with no word."""
    offer = make_application(
        alice, company="Lumen", source="Referral", status="offer", applied_on=days_ago(40)
    )
    make_interview(offer, stage=Stage.PHONE, occurred_at=moment(30))  # 10 days to hear
    make_interview(offer, stage=Stage.FINAL, occurred_at=moment(20))  # 10 days between
    no = make_application(
        alice, company="Copper", source="Job board", status="rejected", applied_on=days_ago(50)
    )
    Rejection.objects.create(owner=alice, application=no, received_on=days_ago(46))  # 4 days
    talking = make_application(
        alice, company="Cedar", source=" referral ", status="interviewing", applied_on=days_ago(9)
    )
    make_interview(
        talking,
        stage=Stage.PHONE,
        occurred_at=moment(5),
        follow_up_on=days_ago(1),
        next_steps="We'll be in touch by Friday.",
    )  # 4 days to hear back; the date they gave has passed
    make_application(alice, company="Atlas", source="Job board", applied_on=days_ago(45))
    return alice


def test_the_funnel_counts_how_far_each_application_got(alice_client, search):
    page = text(alice_client.get(INSIGHTS))
    assert (
        "Of your 4 applications, 3 heard back and 2 led to an interview. Of those, 1 reached a "
        "final round and 1 became an offer."
    ) in page


def test_sources_are_grouped_whatever_the_spelling(alice_client, search):
    page = text(alice_client.get(INSIGHTS))
    assert "Referral: 2 of 2." in page
    assert "Job board: 1 of 2." in page


def test_time_to_hear_back_and_between_rounds(alice_client, search):
    page = text(alice_client.get(INSIGHTS))
    # (10 + 4 + 4) / 3 = 6 days; one gap of 10 days between the two rounds at Lumen.
    assert "Across 3 applications with a date, the first answer came after 6 days" in page
    assert "Between one round and the next, you waited about 10 days." in page
    assert "Referral: a first answer after 7 days, rounds about 10 days apart." in page
    assert "Job board: a first answer after 4 days." in page


def test_rounds_past_the_date_they_gave_and_quiet_applications(alice_client, search):
    page = text(alice_client.get(INSIGHTS))
    waiting = page.split("Past the date they gave")[1]
    assert "Cedar" in waiting and "We&#x27;ll be in touch by Friday." in waiting
    assert "1 application has had no word for a month or more: Atlas ." in page


def test_practice_counts_hard_questions_practised_and_later_answered_well(alice, alice_client):
    application = make_application(alice)
    early = make_interview(application, occurred_at=moment(20))
    later = make_interview(application, occurred_at=moment(5))
    make_question(early, text="Design a parking app.", outcome="struggled", times_practised=2)
    make_question(later, text="design a parking app. ", outcome="rocked")
    make_question(early, text="Tell me about a failure.", outcome="struggled")
    make_question(later, text="Why us?", outcome="rocked")
    page = text(alice_client.get(INSIGHTS))
    assert (
        "You found 2 questions hard. You have practised 1 of them, and 1 went well when it "
        "came up again (1 of those after practice)."
    ) in page


def test_mood_before_and_after_writing_in_plain_words(alice, alice_client):
    make_application(alice)
    make_entry(alice, is_draft=False, written_on=days_ago(10), mood_before=2, mood_after=4)
    make_entry(alice, is_draft=False, written_on=days_ago(3), mood_before=2, mood_after=3)
    make_entry(alice, is_draft=False, written_on=days_ago(2), mood_before=3, mood_after=2)
    page = text(alice_client.get(INSIGHTS))
    assert "On average, you felt a little better after writing: 2.3 before and 3.0 after" in page
    assert "higher afterwards for 2 of 3 entries" in page


def test_every_chart_is_svg_with_a_title_a_description_and_words_beside_it(alice_client, search):
    make_entry(search, is_draft=False, written_on=days_ago(10), mood_before=2, mood_after=4)
    make_entry(search, is_draft=False, written_on=days_ago(3), mood_before=2, mood_after=3)
    body = alice_client.get(INSIGHTS).text
    charts = re.findall(r"<svg .*?</svg>", body, flags=re.S)
    assert len(charts) >= 4
    for chart in charts:
        assert 'role="img"' in chart and "viewBox=" in chart
        desc = re.search(r"<desc[^>]*>(.+?)</desc>", chart, flags=re.S)
        assert re.search(r"<title[^>]*>\w", chart)
        words_beside = re.sub(r"<svg .*?</svg>", "", body, flags=re.S)
        assert desc and desc.group(1).strip() in words_beside  # the same words, as text
    assert "style=" not in body
    main = body.split("<main")[1].split("</main>")[0]
    assert "error" not in main  # the only red in Rebound is for fixable form errors
    stylesheet = (settings.BASE_DIR / "static/css/charts.css").read_text()
    assert "var(--error" not in stylesheet


def test_no_count_of_applications_that_did_not_work_out_stands_alone(alice_client, search):
    page = text(alice_client.get(INSIGHTS)).lower()
    assert not re.search(r"\b\d+ (rejections?|not selected|rejected)", page)


def test_an_empty_account_gets_a_kind_empty_state(alice_client):
    page = text(alice_client.get(INSIGHTS))
    assert "Nothing to show yet, and that is fine" in page
    assert "<svg" not in alice_client.get(INSIGHTS).text


def test_another_persons_search_is_never_counted(alice_client, search, bob):
    for _ in range(3):
        make_interview(make_application(bob, status="offer"), stage=Stage.FINAL)
    Question.objects.create(
        owner=bob, interview=make_interview(make_application(bob)), text="x", outcome="struggled"
    )
    page = text(alice_client.get(INSIGHTS))
    assert "Of your 4 applications" in page and "1 became an offer" in page
    assert "questions hard" not in page


def test_a_busy_fortnight_with_a_lower_mood_brings_a_gentle_note(alice, alice_client):
    for n in range(5):
        make_application(alice, company=f"New {n}", applied_on=days_ago(n + 1))
    make_entry(alice, is_draft=False, written_on=days_ago(30), mood_before=4)
    make_entry(alice, is_draft=False, written_on=days_ago(2), mood_before=2)
    assert BUSIER_AND_LOWER.split(".")[0] in alice_client.get(INSIGHTS).text


def test_no_day_off_for_two_weeks_brings_a_gentle_note(alice, alice_client):
    application = make_application(alice)
    for days in range(14):
        make_interview(application, occurred_at=moment(days) - datetime.timedelta(minutes=1))
    assert NO_DAY_OFF.split(".")[0] in alice_client.get(INSIGHTS).text


def test_turning_pace_notes_off_and_on_again(alice, alice_client):
    for days in range(14):
        make_interview(make_application(alice), occurred_at=moment(days))
    response = alice_client.post(PACE, {"pace_notes": ""})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.pace_notes is False
    page = alice_client.get(INSIGHTS).text
    assert NO_DAY_OFF.split(".")[0] not in page and "Pace notes are off" in page
    response = alice_client.post(PACE, {"pace_notes": "on"}, headers={"HX-Request": "true"})
    assert "<html" not in response.text and NO_DAY_OFF.split(".")[0] in response.text
    assert "HX-Request" in response.headers["Vary"]
    alice.refresh_from_db()
    assert alice.pace_notes is True


def test_pace_notes_are_a_setting_too(alice, alice_client):
    assert 'name="pace_notes"' in alice_client.get(reverse("accounts:settings")).text


def test_insights_are_reached_from_home_applications_and_the_journal(alice_client, search):
    for page in ("home:index", "interviews:applications", "interviews:questions"):
        assert f'href="{INSIGHTS}"' in alice_client.get(reverse(page)).text
    make_entry(search, is_draft=False, written_on=days_ago(10), mood_before=2, mood_after=4)
    make_entry(search, is_draft=False, written_on=days_ago(3), mood_before=2, mood_after=3)
    assert f'href="{INSIGHTS}#mood-title"' in alice_client.get(reverse("journal:index")).text


def query_count(client) -> int:
    with views_built(), CaptureQueriesContext(connection) as captured:
        response = client.get(INSIGHTS)
    assert response.status_code == 200
    return len(captured)


def test_the_demo_shows_every_insight_at_a_constant_number_of_queries(alice, client):
    large = make_person("large@example.com", "Large")
    for module in demo_modules():
        module.seed(alice, size="small")
        module.seed(large, size="large")
    counts = {}
    for person in (alice, large):
        client.force_login(person)
        client.get(reverse("home:index"))
        counts[person.email] = query_count(client)
        page = text(client.get(INSIGHTS))
        for words in (
            "heard back",  # the funnel
            "Heard back, by where you found the job",
            "Applications and answers by month",
            "the first answer came after",
            "Time to a first answer and between rounds, by where you found the job",
            "Past the date they gave",
            "went well when they came up again",
            "Weekly average mood",
            "On average, you felt",
            "Your pace",
        ):
            assert words in page, (person, words)
        pace = BUSIER_AND_LOWER if person == alice else NO_DAY_OFF
        assert pace.split(".")[0] in page, person
    assert Application.objects.for_user(large).count() == 300
    assert counts[alice.email] == counts[large.email] <= 10, counts


def test_ids_on_the_page_are_unique_so_each_chart_is_named_by_its_own_title(alice_client, search):
    make_entry(search, is_draft=False, written_on=days_ago(10), mood_before=2, mood_after=4)
    make_entry(search, is_draft=False, written_on=days_ago(3), mood_before=2, mood_after=3)
    ids = re.findall(r'\sid="([^"]+)"', alice_client.get(INSIGHTS).text)
    assert len(ids) == len(set(ids))


def test_mood_is_put_beside_the_weeks_with_rounds_and_news(alice, alice_client):
    application = make_application(alice)
    make_interview(application, occurred_at=moment(1) - datetime.timedelta(days=7))
    Rejection.objects.create(
        owner=alice, application=application, received_on=days_ago(1) - datetime.timedelta(7)
    )
    make_entry(alice, is_draft=False, written_on=days_ago(1) - datetime.timedelta(7), mood_before=2)
    make_entry(
        alice, is_draft=False, written_on=days_ago(1) - datetime.timedelta(21), mood_before=4
    )
    page = text(alice_client.get(INSIGHTS))
    assert (
        "In weeks with news that one didn't work out, your mood before writing averaged 2.0; "
        "in other weeks, 4.0."
    ).replace("'", "&#x27;") in page
    assert "In weeks with an interview round, your mood before writing averaged 2.0" in page


def test_odd_input_to_the_pace_switch_is_never_an_error(alice, alice_client):
    for value in ("\x00", "٣", "x" * 10_000, "off"):
        response = alice_client.post(PACE, {"pace_notes": value})
        assert response.status_code == 302
    assert alice_client.get(PACE).status_code == 405


def test_insights_ask_you_to_log_in(client):
    assert client.get(INSIGHTS).status_code == 302
    assert client.post(PACE, {"pace_notes": ""}).status_code == 302


def test_applications_with_no_date_sent_stay_out_of_the_months(alice, alice_client):
    make_application(alice, company="Early", applied_on=days_ago(70))
    make_application(alice, company="Later", applied_on=days_ago(10))
    never_logged = make_application(alice, company="Pasted")  # no applied_on
    Rejection.objects.create(owner=alice, application=never_logged, received_on=days_ago(0))
    page = text(alice_client.get(INSIGHTS))
    months = page.split("Applications by the month you sent them")[1]
    this_month = timezone.localdate().strftime("%B")
    assert f"{this_month}: 1 sent, 1 heard back" not in months
    assert "1 application with no date sent is not shown." in months


def test_no_source_is_said_to_hear_back_most_from_too_little(alice, alice_client):
    make_application(alice, source="Referral", status="interviewing")
    make_application(alice, source="Job board")
    make_application(alice, status="interviewing")  # not noted
    make_application(alice, status="interviewing")
    page = text(alice_client.get(INSIGHTS))
    assert "Referral: 1 of 1." in page
    assert "most often" not in page  # one referral is too few; "Not noted" is no source


def test_the_source_that_heard_back_most_is_named_when_there_is_enough(alice, alice_client):
    for n in range(3):
        make_application(alice, source="Referral", status="interviewing" if n else "applied")
        make_application(alice, source="Job board", status="interviewing" if n == 1 else "applied")
    page = text(alice_client.get(INSIGHTS))
    assert "Job board: 1 of 3. Referral: 2 of 3. Referral heard back most often." in page


def test_a_tiny_search_is_told_in_the_singular_with_no_rows_of_zeros(alice, alice_client):
    application = make_application(alice, applied_on=days_ago(20))
    Rejection.objects.create(owner=alice, application=application, received_on=days_ago(5))
    page = text(alice_client.get(INSIGHTS))
    assert "Of your 1 application, 1 heard back, and none has led to an interview yet." in page
    assert "It is early days" in page
    assert "Of those, 0" not in page and "0 reached" not in page
    assert "1 application sent." in page
    assert "Across 1 application with a date" in page
    assert not re.search(r"\b1 (applications|questions|entries|journal entries|rounds)\b", page)


def test_nothing_heard_yet_is_early_days(alice, alice_client):
    make_application(alice, applied_on=days_ago(3))
    page = text(alice_client.get(INSIGHTS))
    assert "You have sent 1 application, and none has heard back yet." in page
    assert "0 heard back" not in page


def test_one_hard_question_and_one_entry_are_singular(alice, alice_client):
    interview = make_interview(make_application(alice), occurred_at=moment(3))
    make_question(interview, text="Why us?", outcome="struggled")
    make_entry(alice, is_draft=False, written_on=days_ago(2), mood_before=2, mood_after=3)
    page = text(alice_client.get(INSIGHTS))
    assert "You found 1 question hard. You haven&#x27;t practised it yet." in page
    assert "higher afterwards for 1 of 1 entry where you noted both" in page
    assert "Of your 1 application, 1 heard back and 1 led to an interview." in page
    assert "Of those, 0" not in page


def test_after_the_pace_switch_focus_stays_on_the_new_switch(alice, alice_client):
    response = alice_client.post(PACE, {"pace_notes": ""}, headers={"HX-Request": "true"})
    assert re.search(r"<button[^>]*data-focus-after-swap[^>]*>Turn on pace notes", response.text)
    assert "data-focus-after-swap" not in alice_client.get(INSIGHTS).text


def test_quiet_applications_are_named_a_few_at_a_time(alice, alice_client):
    for n in range(5):
        make_application(alice, company=f"Quiet {n}", applied_on=days_ago(60 - n))
    body = alice_client.get(INSIGHTS).text
    page = text(alice_client.get(INSIGHTS))
    assert (
        "5 applications have had no word for a month or more: "
        "Quiet 0 , Quiet 1 , Quiet 2 and 2 more." in page
    )
    assert body.count('href="/interviews/applications/') >= 3


def test_each_page_loads_only_the_stylesheets_it_uses(alice_client, search):
    def stylesheets(url):
        return set(re.findall(r'href="/static/css/([a-z]+)\.css"', alice_client.get(url).text))

    assert stylesheets(INSIGHTS) == {"base", "forms", "charts"}
    assert stylesheets(reverse("journal:index")) == {"base", "forms", "pages", "charts"}
    assert stylesheets(reverse("interviews:log")) == {"base", "forms", "pages"}


def test_many_rounds_and_more_than_one_piece_of_news_count_an_application_once(alice):
    """Rounds and news are read together (one join): neither multiplies the other."""
    from apps.insights.queries import search

    busy = make_application(alice, company="Birch", status="rejected", applied_on=days_ago(60))
    for days, stage in ((50, Stage.PHONE), (40, Stage.TECHNICAL), (30, Stage.FINAL)):
        make_interview(busy, stage=stage, occurred_at=moment(days))
    make_interview(busy, stage=Stage.FINAL, occurred_at=moment(-3))  # still to come
    for days in (25, 20):
        Rejection.objects.create(owner=alice, application=busy, received_on=days_ago(days))

    totals = search(alice, timezone.localdate()).totals
    assert {k: totals[k] for k in ("applied", "heard", "interviewed", "final", "offer")} == {
        "applied": 1,
        "heard": 1,
        "interviewed": 1,
        "final": 1,
        "offer": 0,
    }
    assert totals["round_gaps"] == 2  # three past rounds, not six (three times two news)
    assert totals["round_span"].days == 20  # first to last past round
    assert totals["wait"] == datetime.timedelta(days=10)  # applied 60 days ago, first round 50
