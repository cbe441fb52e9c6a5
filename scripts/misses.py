"""Every improvement and concern the tool gets wrong on evaluation sets, article by article.

Runs `inspectx extract --format jsonl` once over the articles of the given folders that
have a `NAME.gold.json`, matches predictions to gold items as `../shared/eval/score.py`
does (every gold keyword a substring of the lowercased prediction, one to one, in gold
order) and prints, per article, each unmatched prediction and each unmatched gold item:

    FP    a prediction that matches no gold item
    DUP   a prediction whose gold item another prediction already matched (a restatement;
          the line after it, `=`, gives that prediction)
    FLIP  a prediction that matches a gold item of the other polarity
    FN    a gold item no prediction matched

    python scripts/misses.py eval/dev3 eval/dev4
    python scripts/misses.py ../shared/eval/seeds ../shared/eval/dev

Read the misses of development sets only: a held-out set (eval/dev10) is read by its
aggregate figures alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIELDS = ("improvements", "concerns")


def matches(prediction: str, item: dict) -> bool:
    low = prediction.lower().replace("\u2019", "'")
    return all(k.lower() in low for k in item["keywords"])


def article_of(gold: Path) -> Path:
    stem = gold.name.removesuffix(".gold.json")
    return next(p for p in gold.parent.glob(f"{stem}.*") if not p.name.endswith(".gold.json"))


def misses(gold: dict, record: dict) -> list[str]:
    lines = []
    for field in FIELDS:
        other = FIELDS[1 - FIELDS.index(field)]
        predicted = [f["text"] for f in record.get(field) or []]
        used: set[int] = set()
        found: dict[int, int] = {}  # gold item -> the prediction that matched it
        for g, item in enumerate(gold[field]):
            for p, text in enumerate(predicted):
                if p not in used and matches(text, item):
                    used.add(p)
                    found[g] = p
                    break
        for p, text in enumerate(predicted):
            if p in used:
                continue
            if any(matches(text, item) for item in gold[other]):
                tag = "FLIP"
            elif any(matches(text, item) for item in gold[field]):
                tag = "DUP"
            else:
                tag = "FP"
            lines.append(f"  {tag:4} {field[:3]}: {text}")
            if tag == "DUP":
                first = next(g for g, item in enumerate(gold[field]) if matches(text, item))
                if first in found:
                    lines.append(f"       = {predicted[found[first]]}")
        for g, item in enumerate(gold[field]):
            if g not in found:
                lines.append(f"  FN   {field[:3]}: {item.get('text', '')}  {item['keywords']}")
    return lines


def main() -> None:
    golds = [g for folder in sys.argv[1:] for g in sorted(Path(folder).glob("*.gold.json"))]
    if not golds:
        raise SystemExit("usage: python scripts/misses.py FOLDER [FOLDER ...] (folders with NAME.gold.json)")
    articles = [article_of(g) for g in golds]
    tool = Path(sys.executable).parent / "inspectx"
    run = subprocess.run(
        [str(tool), "extract", "--format", "jsonl", *map(str, articles)], capture_output=True, text=True
    )
    records = {}
    for line in run.stdout.splitlines():
        if line.strip():
            record = json.loads(line)
            records[str(Path(record["source"]["path"]).resolve())] = record
    for gold, article in zip(golds, articles, strict=True):
        lines = misses(json.loads(gold.read_text(encoding="utf-8")), records[str(article.resolve())])
        if lines:
            print(article.name)
            print("\n".join(lines))


if __name__ == "__main__":
    main()
