"""A short, readable name for the browser behind a signed-in session ("Chrome on Linux").

allauth keeps each session's raw user-agent string, which reads as noise
("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 ..."). This names the browser and
the system from a few well-known markers. It only looks at the start of the string and
uses plain substring checks, so an empty, odd or enormous value is cheap and never fails.
"""

from django import template

register = template.Library()

UNKNOWN = "an unknown browser"  # mid-sentence in emails; |capfirst on a page
LOOK_AT = 512  # real user agents are well under this; anything past it is ignored

# First match wins, so the more specific markers come first: Edge and Opera also say
# "Chrome", and Chrome also says "Safari".
BROWSERS = (
    ("edg/", "Edge"),
    ("edga/", "Edge"),
    ("edgios/", "Edge"),
    ("opr/", "Opera"),
    ("opera", "Opera"),
    ("samsungbrowser/", "Samsung Internet"),
    ("vivaldi/", "Vivaldi"),
    ("firefox/", "Firefox"),
    ("fxios/", "Firefox"),
    ("crios/", "Chrome"),
    ("chromium/", "Chromium"),
    ("chrome/", "Chrome"),
    ("safari/", "Safari"),
)

SYSTEMS = (
    ("iphone", "iPhone"),
    ("ipad", "iPad"),
    ("ipod", "iPod"),
    ("android", "Android"),
    ("windows", "Windows"),
    ("cros ", "ChromeOS"),  # with the space: "Microsoft" has "cros" in it
    ("macintosh", "Mac"),
    ("mac os x", "Mac"),
    ("linux", "Linux"),
)


def _first(text: str, markers) -> str:
    for marker, name in markers:
        if marker in text:
            return name
    return ""


@register.filter
def device_name(user_agent) -> str:
    """ "Firefox on Windows", "Safari on iPhone"; "a browser on Linux" when only the
    system is known, and "an unknown browser" when nothing is."""
    if not isinstance(user_agent, str) or not user_agent:
        return UNKNOWN
    text = user_agent[:LOOK_AT].lower()
    browser = _first(text, BROWSERS)
    if browser == "Safari" and "version/" not in text and "mobile/" not in text:
        browser = ""  # other WebKit apps say "Safari/" too; only Safari itself says Version/
    system = _first(text, SYSTEMS)
    if browser and system:
        return f"{browser} on {system}"
    if browser:
        return browser
    if system:
        return f"a browser on {system}"
    return UNKNOWN


@register.filter
def other_devices(sessions) -> list:
    """The sessions that aren't this one: what "Log out everywhere else" would end
    (allauth's end_other_sessions skips only the current session, as this does)."""
    return [session for session in sessions or () if not session.is_current()]
