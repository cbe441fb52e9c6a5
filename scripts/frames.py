"""How much a finding's reading depends on how it is told: the same clauses in the house
styles of attribution news and releases use, scored against their own polarity.

Each clause of `eval/frames.tsv` (polarity, clause; written for this check, none of it from
an evaluation article) is put into an article of three lines (a headline, a line naming
the inspectorate and the force, and the clause in one frame: "Inspectors found that X.",
'"X," the inspector said.', "X.", an item under "Inspectors found:" ...). It is read right
when inspectx files it under its polarity (a finding containing its first three words),
or finds nothing in it for a neutral statement. What is told is the same in every frame,
so the spread between frames is how much the reading leans on the telling rather than on what is told.

    python scripts/frames.py [--show]

The article scores (eval/, ../shared/eval/score.py) stay the measure of accuracy: their
gold leaves out inspectors' summing-up remarks and restatements, which this check counts
as findings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspectx import extract

HEADLINE = "Watchdog publishes report on Cumbria Constabulary"
INTRO = (
    "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services published its report "
    "on Cumbria Constabulary on Tuesday."
)
FRAMES = {
    "found that": "Inspectors found that {x}.",
    "report said": "The report said {x}.",
    "quoted": '"{X}," the inspector said.',
    "source tail": "{X}, the report found.",
    "inspectorate said": "HMICFRS said {x}.",
    "bare": "{X}.",
    "named inspector": "HM Inspector of Constabulary Roy Wilsher said {x}.",
    "according to": "According to the inspectorate, {x}.",
    "list, found": "Inspectors found:\n- {X}",
    "list, findings": "Among the inspectors' findings:\n- {X}",
}
ITEMS = Path(__file__).resolve().parent.parent / "eval" / "frames.tsv"


def reading(sentence: str, clause: str) -> str:
    """ "improvement", "concern" or "none": how inspectx files `clause` told in `sentence`."""
    article = extract("\n".join([HEADLINE, INTRO, sentence]))
    opening = " ".join(clause.split()[:3]).lower()
    for polarity, found in (("improvement", article.improvements), ("concern", article.concerns)):
        if any(opening in f.text.lower() for f in found):
            return polarity
    return "none"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list each clause read wrongly")
    args = parser.parse_args()
    items = [
        line.rstrip("\n").split("\t")
        for line in ITEMS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    print(f"{'frame':18} {'right':>9}  (of {len(items)} clauses)")
    for name, frame in FRAMES.items():
        wrong = []
        for polarity, clause in items:
            got = reading(frame.format(x=clause, X=clause[0].upper() + clause[1:]), clause)
            if got != polarity:
                wrong.append((polarity, got, clause))
        print(f"{name:18} {len(items) - len(wrong):>4}/{len(items)}")
        if args.show:
            for polarity, got, clause in wrong:
                print(f"    {polarity:11} read as {got:11} {clause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
