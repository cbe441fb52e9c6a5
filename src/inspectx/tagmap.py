"""Coarse part-of-speech tags (`Token.pos_`) from the model's own attribute-ruler rules, fast.

en_core_web_sm sets `pos_` with an AttributeRuler: some 180 token patterns (fine tag to
coarse tag, with exceptions by word and dependency label) run through spaCy's Matcher,
which tries every pattern at every token and costs about a tenth of the model's time.
inspectx needs only `pos_` (not the morphology or lemmas the ruler also sets), and nearly
every rule looks at one token's tag, lowercase form, dependency label or whitespace, so
`PosRuler` evaluates those rules once per distinct (tag, lower, dep, space) and caches the
answer; the few rules that span several tokens still go through a Matcher. The rules come
from the loaded model (`AttributeRuler.patterns`), in their order of precedence (a later
rule wins, as in spaCy), so the result is the ruler's: `tests/test_tagmap.py` compares
the two on every fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

_ATTRS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


_CACHE_SIZE = 200_000


class PosRuler:
    """Sets `Token.pos_` as the model's AttributeRuler would; leaves every other attribute.

    `patterns` are `AttributeRuler.patterns` (dicts with "patterns", "attrs", "index");
    those that do not set POS are ignored. Raises ValueError for a single-token rule
    that tests something other than TAG, LOWER, DEP or IS_SPACE (with a value, `IN` or `NOT_IN`).
    """

    def __init__(self, vocab: Vocab, patterns: list[dict]) -> None:
        self.single: list[tuple[int, list[tuple[str, Any]], str]] = []  # (precedence, tests, POS)
        self.matcher = Matcher(vocab)
        self.multi: dict[int, tuple[int, int, str]] = {}  # match id -> (precedence, index, POS)
        for order, rule in enumerate(patterns):
            pos = rule["attrs"].get("POS")
            if pos is None:
                continue
            for pattern in rule["patterns"]:
                if len(pattern) == 1:
                    self.single.append((order, _tests(pattern[0]), pos))
                else:
                    key = f"inspectx_pos_{order}"
                    self.matcher.add(key, [pattern])
                    self.multi[vocab.strings[key]] = (order, rule.get("index", 0), pos)
        self.cache: dict[tuple, tuple[int, str | None]] = {}
        # the rules that can apply to a token of each tag, in precedence order
        self.by_tag: dict[str, list[tuple[int, list[tuple[str, Any]], str]]] = {}
        anytag = [r for r in self.single if not _tag_values(r[1])]
        for tag in {v for r in self.single for v in _tag_values(r[1])}:
            rules = anytag + [r for r in self.single if tag in _tag_values(r[1])]
            self.by_tag[tag] = sorted(rules, key=lambda r: r[0])  # by precedence only: tests hold dicts
        self.anytag = anytag

    def __call__(self, doc: Doc) -> Doc:
        set_by: list[int] = []  # the precedence of the single-token rule that set each token's POS
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_, token.is_space)
            if key not in self.cache:
                if len(self.cache) >= _CACHE_SIZE:
                    self.cache.clear()  # memory stays flat over any number of articles
                self.cache[key] = self._pos(token)
            order, pos = self.cache[key]
            if pos is not None:
                token.pos_ = pos
            set_by.append(order)
        if self.multi:
            matches = sorted((self.multi[m], s, e) for m, s, e in self.matcher(doc, allow_missing=True))
            for (order, index, pos), start, end in matches:
                token = doc[start:end][index]
                if order > set_by[token.i]:  # else a later single-token rule wins
                    token.pos_ = pos
        return doc

    def _pos(self, token: Token) -> tuple[int, str | None]:
        found: tuple[int, str | None] = (-1, None)
        for order, tests, value in self.by_tag.get(token.tag_, self.anytag):
            if all(_passes(_ATTRS[attr](token), test) for attr, test in tests):
                found = (order, value)
        return found


def replace_attribute_ruler(nlp: Language) -> None:
    """Put a `PosRuler` with the rules of `nlp`'s "attribute_ruler" in its place, if it has one."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    index = nlp.pipe_names.index("attribute_ruler")
    ruler = PosRuler(nlp.vocab, nlp.get_pipe("attribute_ruler").patterns)
    nlp.remove_pipe("attribute_ruler")
    if index < len(nlp.pipe_names):
        nlp.add_pipe("inspectx_pos", before=index)
    else:
        nlp.add_pipe("inspectx_pos", last=True)
    nlp.get_pipe("inspectx_pos").ruler = ruler


@Language.factory("inspectx_pos")
def make_pos(nlp: Language, name: str) -> _PosComponent:
    return _PosComponent()


class _PosComponent:
    """The pipeline's slot for a `PosRuler` (set by `replace_attribute_ruler`)."""

    ruler: PosRuler | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self.ruler(doc) if self.ruler is not None else doc


def _tag_values(tests: list[tuple[str, Any]]) -> tuple[str, ...]:
    """The tags a rule is limited to (empty: any tag)."""
    for attr, test in tests:
        if attr == "TAG":
            return (test,) if isinstance(test, str) else tuple(test.get("IN", ()))
    return ()


def _tests(spec: dict) -> list[tuple[str, Any]]:
    tests = []
    for attr, test in spec.items():
        operators = set(test) if isinstance(test, dict) else {"IN"}
        if attr not in _ATTRS or len(operators) != 1 or operators - {"IN", "NOT_IN"}:
            raise ValueError(f"unsupported attribute-ruler test {attr}: {test!r}")
        tests.append((attr, test))
    return tests


def _passes(value: Any, test: Any) -> bool:
    if isinstance(test, dict):
        return value in test["IN"] if "IN" in test else value not in test["NOT_IN"]
    return value == test
