"""Every recipe in the README runs and prints what it promises."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from tests.conftest import FIXTURES, ROOT

#: `<!-- recipe: expect "TEXT" -->`, optionally `needs "COMMAND"`: skipped where COMMAND is missing
RECIPE = re.compile(r'<!-- recipe: expect "([^"]+)"(?: needs "([^"]+)")? -->\n```sh\n(.*?)```', re.DOTALL)
RECIPES = RECIPE.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_has_recipes():
    assert len(RECIPES) >= 6


@pytest.mark.parametrize(
    ("expect", "needs", "script"), RECIPES, ids=[f"recipe-{i}" for i in range(len(RECIPES))]
)
def test_recipe(tmp_path, expect, needs, script):
    bin_dir = os.path.dirname(sys.executable)
    if needs and shutil.which(needs, path=bin_dir + os.pathsep + os.environ["PATH"]) is None:
        pytest.skip(f"{needs} is not installed (pip install {needs})")
    if "jq " in script and shutil.which("jq") is None:
        pytest.fail("jq is not installed (Debian package jq)")
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"])
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert expect in done.stdout
