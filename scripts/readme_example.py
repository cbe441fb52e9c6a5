"""Write the README's example record from the extractor's real output.

    python scripts/readme_example.py           # rewrite the block in README.md
    python scripts/readme_example.py --check   # exit 1 when the block is stale

The block sits between `<!-- example: PATH -->` and `<!-- /example -->` in README.md.
It is the record of PATH, abridged the same way every time: one line per top-level
field, lists cut to their first item (a note says how many there are), sentences and
long quotes shortened, the sha256 cut to 8 characters. `tests/test_readme.py` checks
that the README holds exactly what this script writes, so the example cannot go stale.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- example: (\S+) -->\n)(.*?)(<!-- /example -->)", re.DOTALL)
#: fields that vary with the install, not with the article
_DROPPED = ("extractor",)


def abridge(record: dict[str, Any]) -> dict[str, Any]:
    """The record as the README shows it (see the module docstring)."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key in _DROPPED:
            continue
        if key == "source":
            value = dict(value, sha256=(value.get("sha256") or "")[:8] + "...")
        if isinstance(value, list) and value:
            value = [_short(value[0])]
        out[key] = value
    return out


def _short(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    item = dict(item)
    if "sentence" in item:
        item["sentence"] = "..."
    text = item.get("text")
    if isinstance(text, str) and len(text) > 80 and "speaker" in item:
        item["text"] = text[:40].rsplit(" ", 1)[0] + " ..."
    return item


def render(record: dict[str, Any]) -> str:
    """The JSON block: one line per field, `dates` one line per date."""
    shown = abridge(record)
    lines = []
    for key, value in shown.items():
        if key == "dates" and isinstance(value, dict):
            inner = [f'    "{k}": {json.dumps(v, ensure_ascii=False)}' for k, v in value.items()]
            lines.append(f'  "{key}": {{\n' + ",\n".join(inner) + "\n  }")
        else:
            lines.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)}')
    counts = [
        f"{len(record[k])} {k}"
        for k in ("improvements", "concerns", "people", "quotes")
        if len(record.get(k) or []) > 1
    ]
    note = f"Lists show their first item (the full record has {', '.join(counts)})." if counts else ""
    return "```json\n{\n" + ",\n".join(lines) + "\n}\n```\n" + (f"\n{note}\n" if note else "")


def expected_readme(readme: str) -> str:
    """`readme` with every example block rewritten from the extractor's output."""
    from inspectx import extract

    def block(match: re.Match) -> str:
        path = match.group(2)
        data = (ROOT / path).read_bytes()
        record = extract(data, path=path).to_dict()
        return match.group(1) + render(record) + match.group(4)

    return BLOCK.sub(block, readme)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when README.md is stale")
    args = parser.parse_args()
    readme = README.read_text(encoding="utf-8")
    fresh = expected_readme(readme)
    if args.check:
        if fresh != readme:
            print("README.md's example is stale: run python scripts/readme_example.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
