"""Draws the app icons in static/img/icons/ from the favicon's mark, once, in Chromium.

    .venv/bin/python tools/make_icons.py

"any" icons are the round mark on a clear ground; "maskable" ones fill the square with
the teal, the mark inside the middle 80% that every launcher's mask keeps. The PNGs are
committed: run this again only when the mark changes.
"""

import os
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "img" / "icons"
TEAL, PAPER = "#2b6762", "#f7f4ee"  # --accent and --bg in static/css/base.css
MARK = (
    f'<path d="M8 12c3 9 6 11 8 11s5-3 8-14" fill="none" stroke="{PAPER}" '
    'stroke-width="2.8" stroke-linecap="round"/>'
)
ANY = f'<circle cx="16" cy="16" r="15" fill="{TEAL}"/>{MARK}'
# The mark shrunk to the safe zone (a circle of 40% of the width) on a full square.
MASKABLE = (
    f'<rect width="32" height="32" fill="{TEAL}"/>'
    f'<g transform="translate(16 16) scale(0.72) translate(-16 -16)">{MARK}</g>'
)


def svg(body: str, size: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="{size}" '
        f'height="{size}">{body}</svg>'
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        for size in (192, 512):
            for purpose, body in (("any", ANY), ("maskable", MASKABLE)):
                page = browser.new_page(viewport={"width": size, "height": size})
                page.set_content(f"<body style='margin:0'>{svg(body, size)}</body>")
                page.locator("svg").screenshot(
                    path=OUT / f"icon-{purpose}-{size}.png", omit_background=True
                )
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
