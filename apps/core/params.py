"""Reading values from the address or a form by hand: odd input gets a sane default, never a
500."""

import re

ASCII_NUMBER = re.compile(r"[0-9]{1,9}")


def whole_number(value: str | None, default: int | None = None) -> int | None:
    """A whole number written in ASCII digits. str.isdigit() also accepts "²" and "٣",
    which int() then refuses; nine digits at most keeps it inside every integer column."""
    value = (value or "").strip()
    return int(value) if ASCII_NUMBER.fullmatch(value) else default


def plain_text(value: str | None, max_length: int = 200) -> str:
    """Free text from the address, without NUL characters (PostgreSQL refuses them)."""
    return (value or "").replace("\x00", "")[:max_length]
