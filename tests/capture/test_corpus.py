"""The reader against a corpus of messages written for it: per-field accuracy, printed
(see it with -s, or in the -ra summary), with company and date held at 90% or more."""

import warnings

import pytest

from tests.capture.corpus_check import FIELDS, corpus, score

HELD = {"company": 0.9, "date": 0.9, "kind": 0.9}


def test_the_corpus_has_at_least_forty_varied_messages():
    messages = corpus()
    kinds = {message["kind"] for message in messages}
    assert len(messages) >= 40
    assert kinds == {"invitation", "reschedule", "deciding", "rejection"}
    assert sum("<p" in message["text"] or "<div" in message["text"] for message in messages) >= 5
    assert sum("From:" in message["text"] for message in messages) >= 10
    assert len({message["id"] for message in messages}) == len(messages)


def test_each_field_is_read_accurately_enough(capsys):
    totals, misses = score()
    lines = [
        f"{name:>12}: {right}/{asked} = {right / asked:.0%}"
        for name, (right, asked) in totals.items()
    ]
    report = "Accuracy per field on the corpus:\n" + "\n".join(lines)
    if misses:
        report += "\nMissed:\n" + "\n".join(misses)
    with capsys.disabled():
        print("\n" + report)
    warnings.warn(report, stacklevel=1)  # shown in the -ra summary too
    assert set(totals) == set(FIELDS)
    for name, least in HELD.items():
        right, asked = totals[name]
        assert asked >= 25 or name != "date", "the corpus dates too few messages"
        assert right / asked >= least, report


@pytest.mark.parametrize("message", corpus(), ids=lambda message: message["id"])
def test_no_message_of_the_corpus_breaks_the_reader(message):
    from tests.capture.corpus_check import reading_of

    reading = reading_of(message)
    assert reading.kind in {"invitation", "reschedule", "deciding", "rejection", "unclear"}
