"""`inspectx show` in a real browser: headless Chromium renders the page, offline.

Skipped when no Chromium or Chrome is installed (Debian: `apt-get install chromium`);
CI does not install one.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from scripts.screenshot import find_browser, run_browser, screenshot
from tests.conftest import FIXTURES

from inspectx.cli import cli
from inspectx.show import COLORS

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium or Chrome on PATH (Debian: apt-get install chromium)"
)
NORTHUMBRIA = str(FIXTURES / "seed_northumbria.txt")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    target = tmp_path_factory.mktemp("browser") / "page.html"
    result = CliRunner().invoke(cli, ["show", NORTHUMBRIA, "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 0
    return target


def test_rendered_page_shows_the_article_the_labels_and_the_panel(page):
    dom = run_browser(BROWSER, page, "--dump-dom")
    for shown in (
        "Concerns remain about",
        "CONCERN",
        "IMPROVEMENT",
        "INSPECTOR",
        "PUBLISHED",
        "Phil Gormley",
    ):
        assert shown in dom
    assert "<aside>" in dom


def test_screenshot_shows_marks_in_their_colours(page, tmp_path):
    image_module = pytest.importorskip("PIL.Image")
    png = tmp_path / "shot.png"
    screenshot(BROWSER, page, png, width=1200, height=900)
    image = image_module.open(png).convert("RGB")
    assert image.size == (1200, 900)
    counts = {colour: n for n, colour in image.getcolors(maxcolors=1_000_000)}

    def pixels(label: str) -> int:
        hex_colour = COLORS[label].lstrip("#")
        return counts.get(tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)), 0)

    # bars and labels a person sees in the first screen of the article
    for label in ("FORCE", "CONCERN", "IMPROVEMENT", "PUBLISHED", "INSPECTORATE", "INSPECTION DATE"):
        assert pixels(label) > 200, label
    # mostly white paper with dark text: the page rendered, not an error screen
    white = counts.get((255, 255, 255), 0)
    assert white > 0.5 * 1200 * 900
