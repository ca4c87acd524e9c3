"""Time zones a message may name beside a time ("2pm EST", "14:00 CET", "10am UK time")."""

import re
from zoneinfo import ZoneInfo

ZONES = {
    "utc": "UTC",
    "gmt": "Europe/London",
    "bst": "Europe/London",
    "uk time": "Europe/London",
    "uk": "Europe/London",
    "london time": "Europe/London",
    "cet": "Europe/Paris",
    "cest": "Europe/Paris",
    "central european time": "Europe/Paris",
    "paris time": "Europe/Paris",
    "berlin time": "Europe/Berlin",
    "eet": "Europe/Athens",
    "est": "America/New_York",
    "edt": "America/New_York",
    "et": "America/New_York",
    "eastern": "America/New_York",
    "eastern time": "America/New_York",
    "new york time": "America/New_York",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "central time": "America/Chicago",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "mountain time": "America/Denver",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles",
    "pacific time": "America/Los_Angeles",
    "ist": "Asia/Kolkata",
    "sgt": "Asia/Singapore",
    "jst": "Asia/Tokyo",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
    "sydney time": "Australia/Sydney",
    "nzt": "Pacific/Auckland",
}
AMERICAN = {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"}

# Longest names first, so "eastern time" wins over "eastern" and "cest" over "cet".
_NAMES = "|".join(re.escape(name) for name in sorted(ZONES, key=len, reverse=True))
# Right after a time: "2pm EST", "14:00 (CET)", "10:30 UK time".
ZONE_AFTER_TIME = re.compile(rf"\s*\(?\s*(?P<zone>{_NAMES})\b\)?", re.IGNORECASE)


def zone_named(name: str) -> ZoneInfo | None:
    key = ZONES.get(re.sub(r"\s+", " ", name.strip().lower()))
    return ZoneInfo(key) if key else None
