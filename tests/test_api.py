from __future__ import annotations

from tests.conftest import FIXTURES

import inspectx
from inspectx import Article, extract, extract_many

CASES = sorted(FIXTURES.glob("*.txt"))


def test_public_api_is_declared():
    assert {"extract", "extract_many", "Article", "__version__"} <= set(inspectx.__all__)


def test_extract_takes_a_string_and_returns_a_typed_article():
    article = extract((FIXTURES / "seed_durham.txt").read_text(encoding="utf-8"), path="durham.txt")
    assert isinstance(article, Article)
    assert article.source.path == "durham.txt"
    assert article.force is not None and article.force.id == "durham"
    record = article.to_dict()
    assert "text" not in record and article.to_dict(include_text=True)["text"] == article.text


def test_extract_many_takes_texts_and_paths_in_order():
    text = CASES[0].read_text(encoding="utf-8")
    articles = list(extract_many([text, CASES[1]]))
    assert articles[0].source.path == "-"
    assert articles[1].source.path == str(CASES[1])


def test_extract_many_with_workers_gives_the_same_records_in_order():
    serial = [a.to_dict() for a in extract_many(CASES)]
    parallel = [a.to_dict() for a in extract_many(CASES, jobs=2)]
    assert parallel == serial
