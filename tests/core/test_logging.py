import logging

import pytest
from django.test import override_settings


def printed_by(name: str, record: logging.LogRecord) -> int:
    """How many of our handlers would print this record, walking up as logging does
    (pytest's own capturing handlers left out)."""
    logger, count = logging.getLogger(name), 0
    while logger:
        count += sum(
            1
            for handler in logger.handlers
            if not type(handler).__module__.startswith("_pytest")
            and record.levelno >= handler.level
            and handler.filter(record)
        )
        if not logger.propagate:
            break
        logger = logger.parent
    return count


@pytest.mark.parametrize("debug", [True, False], ids=["make run", "deployed"])
@pytest.mark.parametrize("name", ["django.request", "django.tasks", "django_tasks_db"])
def test_each_message_is_printed_once(name, debug):
    record = logging.LogRecord(name, logging.WARNING, __file__, 1, "Not Found: /x", None, None)
    with override_settings(DEBUG=debug):
        assert printed_by(name, record) == 1
