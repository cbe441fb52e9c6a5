"""The README's Dask recipe gives the same records as the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from tests.conftest import FIXTURES

from inspectx.cli import cli

dask = pytest.importorskip("dask", reason="the optional extra inspectx[dask] is not installed")


def test_dask_bag_recipe_matches_the_cli(tmp_path):
    import dask.bag as db

    from inspectx.batch import extract_records

    paths = sorted(str(p) for p in FIXTURES.glob("*.txt"))[:6]
    bag = db.from_sequence(paths, npartitions=3).map_partitions(extract_records)
    bag.map(json.dumps).to_textfiles(
        str(tmp_path / "part-*.jsonl"), last_endline=True, scheduler="processes", num_workers=2
    )
    parts = [part.read_text(encoding="utf-8") for part in sorted(tmp_path.glob("part-*.jsonl"))]
    assert all(part.endswith("\n") for part in parts)  # JSON Lines: `cat` and `wc -l` read them
    from_dask = [json.loads(line) for line in "".join(parts).splitlines()]
    result = CliRunner().invoke(cli, ["extract", "-q", "--format", "jsonl", *paths], catch_exceptions=False)
    from_cli = [json.loads(line) for line in result.stdout.splitlines()]
    assert from_dask == from_cli
    assert [r["source"]["path"] for r in from_dask] == paths
