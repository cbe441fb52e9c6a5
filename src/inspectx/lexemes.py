"""Words that come back, and so should outlast spaCy's memory zones.

inspectx runs each batch of articles, and each call of the finding classifier, in a spaCy
memory zone, so memory stays flat over any number of articles. A zone also frees the
lexemes (a word's norm, shape, affixes ...) and tokenizer cache entries made in it, so
every batch would pay again for the same words. `RecurringWords` tells which words came
back from an earlier call; the caller makes those outside the zone, where they last.
"""

from __future__ import annotations


class RecurringWords:
    """Which words came back: at most `limit` are ever kept (a few MB of lexemes); the words
    met are remembered up to 4 * `limit`, then forgotten and met afresh."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen: set[str] = set()
        self.kept: set[str] = set()

    def recurring(self, words: set[str]) -> list[str]:
        """The `words` also met in an earlier call and not kept yet (up to the limit); from
        now on they count as kept."""
        if len(self.kept) >= self.limit:
            return []
        found = list((words & self.seen) - self.kept)[: self.limit - len(self.kept)]
        self.kept.update(found)
        self.seen = self.seen | words if len(self.seen) < 4 * self.limit else words
        return found
