"""The trained finding classifier: one clause in, `improvement` / `concern` / `not_finding` out.

The weights live in `inspectx/models/findings/` (a spaCy pipeline: its own tokenizer, a
small hashed-embedding tok2vec and an ensemble text classifier). Clauses of an article
come as spans of the article's parsed Doc, already split into tokens by the same English
tokenizer rules, so the classifier's own tokenizer (0.3 s to build: thousands of special
cases) is loaded only when plain strings are judged. The weights are rebuilt from
`training/findings/*.jsonl` with `configs/findings_textcat.cfg` by
`python scripts/train_findings.py`, which also writes the held-out figures to
`models/findings/metrics.json`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

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
        self.path = path
        try:
            self.nlp: Language = spacy.load(
                path, config={"nlp": {"tokenizer": {"@tokenizers": _PRETOKENIZED}}}, exclude=["tokenizer"]
            )
        except OSError as exc:
            raise ModelError(f"cannot load the finding classifier from {path}: {exc}") from exc
        self.version = str(self.nlp.meta.get("version", ""))
        self._reads_text = False  # has the shipped tokenizer been loaded?

    def judge(self, clauses: Sequence[str | Span | Sequence[Token]]) -> list[Judgement]:
        """One `Judgement` per clause, in order. A clause is a single clause or sentence:
        a string, or a span of a Doc made by spaCy's English tokenizer, or some of a
        span's tokens in order (the tokens are read as they are, which spares tokenizing
        the text again)."""
        out: list[Judgement] = []
        if not clauses:
            return out
        if not self._reads_text and any(isinstance(clause, str) for clause in clauses):
            self.nlp.tokenizer = Tokenizer(self.nlp.vocab).from_disk(self.path / "tokenizer")
            self._reads_text = True
        # the classifier's own strings are freed after each call, so memory stays flat
        with self.nlp.memory_zone():
            docs = (self._doc(clause) for clause in clauses)
            for doc in self.nlp.pipe(docs, batch_size=64):
                scores = {label: float(doc.cats.get(label, 0.0)) for label in LABELS}
                label = max(scores, key=scores.get)
                out.append(Judgement(label, scores[label], scores))
        return out

    def _doc(self, clause: str | Span | Sequence[Token]) -> Doc:
        if isinstance(clause, str):
            return self.nlp.make_doc(clause)
        words = [t.text for t in clause]
        spaces = [bool(t.whitespace_) for t in clause]
        if spaces:
            spaces[-1] = False
        doc = Doc(self.nlp.vocab, words=words, spaces=spaces)
        for token, source in zip(doc, clause, strict=True):
            if source.norm != source.lex.norm:  # the tokenizer's own norm ("n't" -> "not")
                token.norm_ = source.norm_
        return doc


_PRETOKENIZED = "inspectx.pretokenized.v1"


@registry.tokenizers(_PRETOKENIZED)
def _pretokenized() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules, for the classifier's pipeline: it is given Docs, never text."""
    return lambda nlp: Tokenizer(nlp.vocab)
