"""Small pieces of wording shared by every app."""


def count_of(count: int, one: str, many: str) -> str:
    """'1 round', '3 rounds': a number with the right form of its noun."""
    return f"{count} {one if count == 1 else many}"
