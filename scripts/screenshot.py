"""Screenshot an `inspectx show` page in headless Chromium (the README's docs/show.png).

    python scripts/screenshot.py fixtures/seed_northumbria.txt docs/show.png

Needs Chromium or Chrome on PATH (Debian: `apt-get install chromium`) and Pillow (which
comes with matplotlib, `inspectx[plot]`) to make the PNG small. `tests/test_browser.py`
renders pages the same way.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_browser() -> str | None:
    """The first Chromium-like browser on PATH, or None."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def run_browser(browser: str, page: Path, *args: str, width: int = 1200, height: int = 900) -> str:
    """Load `page` in headless `browser` with extra `args`; returns what it prints on stdout."""
    with tempfile.TemporaryDirectory(prefix="inspectx-chromium-") as profile:
        done = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",  # needed as root (CI runs as root)
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                *args,
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    return done.stdout


def screenshot(browser: str, page: Path, png: Path, *, width: int = 1200, height: int = 900) -> None:
    """What a person sees of `page` in a `width` x `height` window, as a PNG."""
    run_browser(browser, page, f"--screenshot={png.resolve()}", width=width, height=height)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("article", help="an article for `inspectx show`")
    parser.add_argument("png", help="where to write the screenshot")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=760)
    args = parser.parse_args()
    browser = find_browser()
    if browser is None:
        sys.exit("no Chromium or Chrome on PATH (Debian: apt-get install chromium)")
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        subprocess.run([sys.executable, "-m", "inspectx", "show", args.article, "-o", str(page)], check=True)
        raw = Path(tmp) / "raw.png"
        screenshot(browser, page, raw, width=args.width, height=args.height)
        image = Image.open(raw).convert("RGB").quantize(colors=64)
        Path(args.png).parent.mkdir(parents=True, exist_ok=True)
        image.save(args.png, optimize=True)
    print(f"{args.png}: {Path(args.png).stat().st_size} bytes")


if __name__ == "__main__":
    main()
