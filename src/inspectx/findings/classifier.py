"""The trained finding classifier: one clause in, `improvement` / `concern` / `not_finding` out.

The weights live in `inspectx/models/findings/` (a spaCy pipeline: its own tokenizer, a
small hashed-embedding tok2vec and an ensemble text classifier). They are rebuilt from
`training/findings/*.jsonl` with `configs/findings_textcat.cfg` by
`python scripts/train_findings.py`, which also writes the held-out figures to
`models/findings/metrics.json`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from inspectx.errors import ModelError

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "findings"
IMPROVEMENT, CONCERN, NOT_FINDING = "improvement", "concern", "not_finding"
LABELS = (IMPROVEMENT, CONCERN, NOT_FINDING)


@dataclass(frozen=True)
class Judgement:
    label: str  # one of LABELS
    score: float  # the classifier's probability for `label`, in [0, 1]
    scores: dict[str, float]  # every label's probability (they sum to 1)


class FindingClassifier:
    """Labels clauses with the shipped text classifier; deterministic, CPU only."""

    def __init__(self, path: Path = MODEL_DIR) -> None:
        try:
            self.nlp: Language = spacy.load(path)
        except OSError as exc:
            raise ModelError(f"cannot load the finding classifier from {path}: {exc}") from exc
        self.version = str(self.nlp.meta.get("version", ""))

    def judge(self, texts: Sequence[str]) -> list[Judgement]:
        """One `Judgement` per text, in order. Texts are single clauses or sentences."""
        out: list[Judgement] = []
        if not texts:
            return out
        # the classifier's own strings are freed after each call, so memory stays flat
        with self.nlp.memory_zone():
            for doc in self.nlp.pipe(texts, batch_size=64):
                scores = {label: float(doc.cats.get(label, 0.0)) for label in LABELS}
                label = max(scores, key=scores.get)
                out.append(Judgement(label, scores[label], scores))
        return out
