"""The README's example record is the extractor's real output (see scripts/readme_example.py)."""

from __future__ import annotations

from tests.conftest import ROOT, load_script


def _script():
    return load_script("readme_example")


def test_readme_example_is_the_real_output():
    script = _script()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert script.BLOCK.search(readme), "README.md has no <!-- example: PATH --> block"
    assert script.expected_readme(readme) == readme, (
        "README.md's example record is stale: run python scripts/readme_example.py"
    )


def test_abridging_keeps_every_field_and_cuts_lists():
    script = _script()
    record = {
        "source": {"path": "a.txt", "sha256": "0123456789abcdef"},
        "concerns": [{"text": "slow responses", "sentence": "Long sentence.", "start": 0, "end": 14}] * 3,
        "extractor": {"name": "inspectx"},
    }
    shown = script.abridge(record)
    assert shown["source"]["sha256"] == "01234567..."
    assert shown["concerns"] == [{"text": "slow responses", "sentence": "...", "start": 0, "end": 14}]
    assert "extractor" not in shown
    assert "3 concerns" in script.render(record)
