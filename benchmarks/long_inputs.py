"""Time and memory of `inspectx extract` on long inputs: every stage should be linear.

Writes three inputs, each under the default --max-bytes, and runs each as a whole process:

    long-line    one line of 200 KB of plain words (once 21 s: per-token work over the Doc)
    many-lines   100,000 short lines (once 241 s and 4.7 GB: sentence starts set one by one)
    nested-page  a 4.9 MB page of nested divs (once past any --timeout: parsed outside it)

    inspectx extract -q FILE --timeout T --format jsonl

and prints for each the wall time, the peak resident memory of the whole process tree
(sampled from /proc) and what came out (a record, or the error type: with the default
--timeout 20 the nested page is expected to end as a `timeout` record within ~21 s).

    python benchmarks/long_inputs.py
    python benchmarks/long_inputs.py --only many-lines --timeout 600
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import _tree_rss_mb  # noqa: E402 - the sibling benchmark's /proc sampler

WORDS = [
    "officers",
    "said",
    "the",
    "force",
    "had",
    "improved",
    "its",
    "response",
    "to",
    "reports",
    "of",
    "missing",
    "children",
    "and",
]
HEADLINE = "Durham Police praised by inspectors\n"


def long_line() -> bytes:
    line = " ".join(WORDS[i % len(WORDS)] for i in range(40_000))[:200_000]
    return (HEADLINE + line + "\n").encode()


def many_lines() -> bytes:
    return (HEADLINE + "\n".join(WORDS[i % len(WORDS)] for i in range(100_000)) + "\n").encode()


def nested_page() -> bytes:
    block = "<div>" * 200 + "<p>Inspectors praised Durham Police for its work.</p>" + "</div>" * 200
    body = block * (4_890_000 // len(block))
    return (
        f"<!doctype html><html><head><title>Durham Police</title></head><body>{body}</body></html>".encode()
    )


CASES = {
    "long-line": (long_line, ".txt"),
    "many-lines": (many_lines, ".txt"),
    "nested-page": (nested_page, ".html"),
}


def run(path: Path, timeout: float) -> tuple[float, float, str]:
    """Wall seconds, peak memory (MB) of the process tree, and the outcome of one run."""
    argv = [
        sys.executable,
        "-m",
        "inspectx",
        "extract",
        "-q",
        str(path),
        "--timeout",
        f"{timeout:g}",
        "--format",
        "jsonl",
    ]
    started = time.monotonic()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, stdout=out)
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, _tree_rss_mb(proc.pid))
            time.sleep(0.1)
        elapsed = time.monotonic() - started
        out.seek(0)
        record = json.loads(out.read() or b"{}")
    outcome = record["error"]["type"] if "error" in record else f"record (relevant: {record.get('relevant')})"
    return elapsed, peak, outcome


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--only", choices=sorted(CASES), action="append", help="run only this case (repeatable)"
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="inspectx's --timeout (default 20)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name in args.only or list(CASES):
            make, suffix = CASES[name]
            path = Path(folder) / f"{name}{suffix}"
            path.write_bytes(make())
            elapsed, peak, outcome = run(path, args.timeout)
            size = path.stat().st_size / 1e6
            print(f"{name:12} {size:5.2f} MB  {elapsed:6.1f} s  {peak:6.0f} MB peak  {outcome}")


if __name__ == "__main__":
    main()
