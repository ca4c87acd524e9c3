"""Replies that quote earlier messages: what they are and when is read from the new message
at the top only, never from the invitation they quote or the reply line's date."""

import pytest

from apps.capture.reading.message import read_message
from tests.capture.corpus_check import FIELDS, corpus, reading_of

QUOTED = [message for message in corpus() if message["id"].startswith("quoted-")]


def test_the_corpus_has_replies_that_quote_what_they_answer():
    assert len(QUOTED) >= 6


@pytest.mark.parametrize("message", QUOTED, ids=lambda message: message["id"])
def test_a_reply_is_read_by_its_new_message_not_the_one_it_quotes(message):
    reading = reading_of(message)
    for name, (says, right) in FIELDS.items():
        if says(message):
            assert right(message, reading), name
    if message["kind"] == "rejection":
        assert (reading.day, reading.when, reading.format) == (None, None, "")
    assert "wrote" not in reading.message.body


def test_the_quoted_block_is_kept_apart_and_its_headers_are_not_the_message_s():
    message = read_message(
        "Sorry, we went with someone else this time.\n\nFrom: Jo <jo@x.io>\n"
        "Sent: Friday, November 27, 2026 3:12 PM\nSubject: Interview invitation\n\nSee you"
    )
    assert message.body == "Sorry, we went with someone else this time."
    assert (message.subject, message.sent) == ("", None)
    assert message.quoted.startswith("From: Jo")


def test_a_forward_under_a_short_note_is_the_message():
    message = read_message(
        "fyi\n\n---------- Forwarded message ---------\nFrom: Jo <jo@x.io>\n"
        "Subject: Interview\n\nWe'd love to invite you"
    )
    assert "invite you" in message.body
    assert message.subject == "Interview"
