"""Taking a pasted message apart: headers, HTML bodies (their text only), odd characters."""

import datetime
import time
from zoneinfo import ZoneInfo

import pytest

from apps.capture.reading import read
from apps.capture.reading.company import domain_label
from apps.capture.reading.message import read_message

LONDON = ZoneInfo("Europe/London")
NOW = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=LONDON)


def test_headers_give_the_sender_subject_and_when_it_was_sent():
    message = read_message(
        "From: Sam Lee <Sam.Lee@Northwind.io>\nDate: Mon, 30 Nov 2026 16:05:00 +0000\n"
        "Subject: Re: Fwd: Next steps\n\nHi Alice"
    )
    assert (message.sender_name, message.sender_email) == ("Sam Lee", "sam.lee@northwind.io")
    assert message.subject == "Next steps"
    assert message.sent == datetime.datetime(2026, 11, 30, 16, 5, tzinfo=datetime.UTC)
    assert message.body == "Hi Alice"


def test_an_html_body_is_read_for_its_words_without_scripts_or_styles():
    message = read_message(
        "<html><head><style>p{}</style></head><body><p>Hello &amp; welcome</p>"
        "<script>alert('x')</script><p>See you <b>soon</b></p></body></html>"
    )
    assert message.body == "Hello & welcome\n\nSee you soon"


def test_nul_bytes_and_other_line_endings_are_taken_out():
    message = read_message("Subject: Hi\x00 there\r\n\r\nLine one\rLine two\x00")
    assert message.subject == "Hi there"
    assert message.body == "Line one\nLine two"


def test_a_domain_names_the_company_unless_it_is_shared_by_many():
    assert domain_label("priya@mail.northwind.co.uk") == "northwind"
    assert domain_label("https://careers.fennelhealth.com/jobs/12") == "fennelhealth"
    assert domain_label("someone@gmail.com") == ""
    assert domain_label("no-reply@greenhouse.io") == ""
    assert domain_label("not an address") == ""


def test_companies_the_person_applied_to_are_recognised_by_name():
    text = "Hi, thanks for coming in. we'd like you back for the next round with acme robotics"
    assert read(text, now=NOW, zone=LONDON).company == ""
    reading = read(text, now=NOW, zone=LONDON, known_companies=("Acme Robotics",))
    assert reading.company == "Acme Robotics"


def test_the_person_can_say_what_the_message_is():
    text = "Thursday 3 December at 2pm works for us."
    assert read(text, now=NOW, zone=LONDON).kind == "unclear"
    reading = read(text, now=NOW, zone=LONDON, kind="invitation")
    assert reading.when == datetime.datetime(2026, 12, 3, 14, 0, tzinfo=LONDON)


def test_a_rejection_is_never_given_an_interview_date():
    reading = read(
        "Thank you for interviewing on Tuesday 1 December at 2pm. Unfortunately we have "
        "decided to move forward with other candidates.",
        now=NOW,
        zone=LONDON,
    )
    assert reading.kind == "rejection"
    assert (reading.day, reading.when, reading.interviewers) == (None, None, [])


def test_a_one_word_company_counts_only_when_it_is_capitalised():
    text = "Sorry to say we went with someone else here. Thanks for your time, Sam"
    assert read(text, now=NOW, zone=LONDON, known_companies=("Here",)).company == ""
    text = "Sorry to say we went with someone else at Here. Thanks for your time, Sam"
    assert read(text, now=NOW, zone=LONDON, known_companies=("Here",)).company == "Here"


@pytest.mark.parametrize(
    "text",
    [
        "Abc " * 5000,
        "meet Abc Def, " * 1400,
        "9" * 20_000,
        "A" + "b" * 19_999,
        "The Abc Def Ghi Team " * 900,
        "<p>" * 6000,
    ],
    ids=["capitals", "meetings", "digits", "one-word", "teams", "tags"],
)
def test_a_long_odd_paste_is_read_in_a_moment(text):
    started = time.monotonic()
    for kind in ("", "invitation", "rejection"):
        read(text[:20_000], now=NOW, zone=LONDON, kind=kind, known_companies=("Northwind",) * 300)
    assert time.monotonic() - started < 6  # about half a second each on a busy machine


def test_a_role_filled_by_someone_else_reads_as_a_no():
    text = "Hi Alice, we have filled the role with an internal candidate. Thank you."
    assert read(text, now=NOW, zone=LONDON).kind == "rejection"
