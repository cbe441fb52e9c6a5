"""Regenerate fixtures/<case>.expected.json from fixtures/<case>.txt.

Run from the project root after a deliberate change to extraction, then review
`git diff fixtures/ README.md`: every changed line is a changed answer. The README's
example record is rewritten too (scripts/readme_example.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import readme_example  # noqa: E402 (beside this script)

from inspectx.core import extract_many

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def main() -> None:
    cases = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))
    for path, article in zip(cases, extract_many(cases), strict=True):
        record = article.to_dict()
        record["source"]["path"] = f"fixtures/{path.name}"
        out = path.with_suffix(".expected.json")
        out.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(out.relative_to(FIXTURES.parent))
    readme = FIXTURES.parent / "README.md"
    readme.write_text(readme_example.expected_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
    print("README.md")


if __name__ == "__main__":
    main()
