"""Make the screenshots of the HTML reports that docs/reports.md shows, from the example workspace.

    python tools/screenshot.py            # writes docs/images/report.png and docs/images/report-id.png

Run by hand when the report's look changes (not by the tests, which keep their own screenshots
under the pytest temporary folder). Needs playwright (the `test` extra) and Debian's chromium
(`apt-get install chromium`), driven headless with the same switches as tests/test_browser.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import mentoring  # noqa: E402
from mentoring.render import render  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: Each screenshot: its file under docs/images, the report's language, and how much of the page (pixels; 0: all).
SHOTS = [("report.png", "en", 0), ("report-id.png", "id", 1000)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cohort", default="hapsari-sosmed-2015")
    parser.add_argument("--as-of", default="2015-03-31")
    parser.add_argument("--width", type=int, default=900, help="the browser window's width in CSS pixels")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    figures = mentoring.open_workspace(ROOT, search=False).progress(args.cohort, args.as_of)
    images = ROOT / "docs" / "images"
    images.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, lang, height in SHOTS:
            page_file = Path(folder) / f"{lang}.html"
            page_file.write_text(render("report", figures, "html", lang), encoding="utf-8")
            page = browser.new_page(viewport={"width": args.width, "height": height or 900})
            page.goto(page_file.as_uri(), wait_until="load")
            page.screenshot(path=str(images / name), full_page=not height)
            page.close()
            print(images / name)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
