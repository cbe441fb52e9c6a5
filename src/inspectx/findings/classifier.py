"""The trained finding classifier: one clause in, `improvement` / `concern` / `not_finding` out.

The weights live in `inspectx/models/findings/`: an ensemble of members, each a spaCy
pipeline (its own tokenizer, a small hashed-embedding tok2vec and an ensemble text
classifier) trained on the same data with a different seed, listed with the cascade
threshold in `ensemble.json`. The first member judges every clause; a clause it gives
less than `cascade_below` for its best label is judged by every member, and their
probabilities are averaged (a confidence cascade: the members' disagreements are where
one seed's luck shows, and most clauses are clear enough for one). Clauses of an article
come as spans of the article's parsed Doc, already split into tokens by the same English
tokenizer rules, so a member's own tokenizer (0.3 s to build: thousands of special
cases) is loaded only when plain strings are judged. The weights are rebuilt from
`training/findings/*.jsonl` with `configs/findings_textcat.cfg` by
`python scripts/train_findings.py`, which also writes the held-out figures to
`models/findings/metrics.json`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

from inspectx.errors import ModelError
from inspectx.lexemes import RecurringWords

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "findings"
IMPROVEMENT, CONCERN, NOT_FINDING = "improvement", "concern", "not_finding"
LABELS = (IMPROVEMENT, CONCERN, NOT_FINDING)


@dataclass(frozen=True)
class Judgement:
    label: str  # one of LABELS
    score: float  # the classifier's probability for `label`, in [0, 1]
    scores: dict[str, float]  # every label's probability (they sum to 1)


class FindingClassifier:
    """Labels clauses with the shipped ensemble of text classifiers; deterministic, CPU only.

    `path` is a directory with `ensemble.json` (`{"members": [subdirectory, ...],
    "cascade_below": probability}`) or a single spaCy text-classification pipeline.
    Raises `ModelError` when it cannot be loaded.
    """

    def __init__(self, path: Path = MODEL_DIR) -> None:
        try:
            settings = json.loads((path / "ensemble.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            settings = {"members": ["."], "cascade_below": 0.0}
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read the finding classifier's ensemble.json in {path}: {exc}") from exc
        try:
            names, self.cascade_below = list(settings["members"]), float(settings["cascade_below"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"malformed ensemble.json in {path}: {exc!r}") from exc
        if not names:
            raise ModelError(f"the finding classifier in {path} has no members")
        self.members = [_Member(path / str(name)) for name in names]
        self.version = str(self.members[0].nlp.meta.get("version", ""))

    def judge(self, clauses: Sequence[str | Span | Sequence[Token]]) -> list[Judgement]:
        """One `Judgement` per clause, in order. A clause is a single clause or sentence:
        a string, or a span of a Doc made by spaCy's English tokenizer, or some of a
        span's tokens in order (the tokens are read as they are, which spares tokenizing
        the text again). Scores are probabilities: the first member's, or for a clause it
        is unsure of (see the module docstring) the mean of every member's."""
        if not clauses:
            return []
        first, *others = self.members
        scores = first.scores(clauses)
        unsure = [n for n, s in enumerate(scores) if max(s.values()) < self.cascade_below]
        if others and unsure:
            more = [member.scores([clauses[n] for n in unsure]) for member in others]
            for k, n in enumerate(unsure):
                every = [scores[n], *(m[k] for m in more)]
                scores[n] = {label: sum(s[label] for s in every) / len(every) for label in LABELS}
        out = []
        for s in scores:
            label = max(s, key=s.get)
            out.append(Judgement(label, s[label], s))
        return out


class _Member:
    """One trained text-classification pipeline of the ensemble."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.nlp: Language = spacy.load(
                path, config={"nlp": {"tokenizer": {"@tokenizers": _PRETOKENIZED}}}, exclude=["tokenizer"]
            )
        except OSError as exc:
            raise ModelError(f"cannot load the finding classifier from {path}: {exc}") from exc
        self._reads_text = False  # has the shipped tokenizer been loaded?
        # the words the member learnt from, as written (before any clause adds to its strings)
        self._learnt = frozenset(self.nlp.vocab.strings)
        self._recurring = RecurringWords(_KEPT_WORDS)  # words whose lexemes outlast the zones

    def scores(self, clauses: Sequence[str | Span | Sequence[Token]]) -> list[dict[str, float]]:
        """Every label's probability for each clause, in order."""
        if not self._reads_text and any(isinstance(clause, str) for clause in clauses):
            self.nlp.tokenizer = Tokenizer(self.nlp.vocab).from_disk(self.path / "tokenizer")
            self._reads_text = True
        self._keep_recurring(clauses)
        # the classifier's other strings are freed after each call, so memory stays flat
        with self.nlp.memory_zone():
            docs = (self._doc(clause) for clause in clauses)
            return [
                {label: float(doc.cats.get(label, 0.0)) for label in LABELS}
                for doc in self.nlp.pipe(docs, batch_size=64)
            ]

    def _keep_recurring(self, clauses: Sequence[str | Span | Sequence[Token]]) -> None:
        """Give the words that came back from an earlier call lasting lexemes (up to
        _KEPT_WORDS of them, see inspectx.lexemes): making a lexeme is most of the cost of
        building a clause's Doc, and one made inside a memory zone is freed with it."""
        words = {t.text for clause in clauses if not isinstance(clause, str) for t in clause}
        for word in self._recurring.recurring(words):
            self.nlp.vocab[word]  # outside any memory zone: kept

    def _doc(self, clause: str | Span | Sequence[Token]) -> Doc:
        if isinstance(clause, str):
            return self.nlp.make_doc(clause)
        words = [self._as_learnt(t) for t in clause]
        spaces = [bool(t.whitespace_) for t in clause]
        if spaces:
            spaces[-1] = False
        doc = Doc(self.nlp.vocab, words=words, spaces=spaces)
        for token, source in zip(doc, clause, strict=True):
            if source.norm != source.lex.norm:  # the tokenizer's own norm ("n't" -> "not")
                token.norm_ = source.norm_
        return doc

    def _as_learnt(self, token: Token) -> str:
        """The token's text, or a word set in capitals for emphasis ("DETAINEES at the
        centre were held ...", a tabloid's opening) as the member learnt it: in lower case,
        with a capital when it opens its sentence. Only a word the member never saw in
        capitals but knows in lower case: an acronym it learnt ("PEEL", "HMICFRS") stays."""
        text = token.text
        if not (token.is_upper and len(text) > 2 and token.is_alpha) or text in self._learnt:
            return text
        lower = text.lower()
        if lower not in self._learnt:
            return text
        return lower.capitalize() if token.is_sent_start else lower


#: At most this many words keep their lexemes between calls (some 10 MB); any others are
#: made afresh in each call.
_KEPT_WORDS = 50_000

_PRETOKENIZED = "inspectx.pretokenized.v1"


@registry.tokenizers(_PRETOKENIZED)
def _pretokenized() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules, for the classifier's pipeline: it is given Docs, never text."""
    return lambda nlp: Tokenizer(nlp.vocab)
