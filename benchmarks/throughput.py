"""Throughput of `inspectx extract` against the bare spaCy model on the same files.

Builds a corpus of N articles from fixtures/*.txt (each copy varied: a number in its
headline and an extra line, so no two files are equal), then times, as whole processes:

    inspectx extract DIR --jobs J --format jsonl -q          (output to /dev/null)
    python -c "spacy.load(MODEL).pipe(texts, n_process=J)"   (the same files, read raw)

and prints articles/s for each (the fastest of --repeat interleaved runs), their
ratio (inspectx time / bare model time; <= 1.0 means inspectx costs no more than the
model alone) and the peak resident memory of each run's whole process tree (sampled
from /proc every 0.25 s).

    python benchmarks/throughput.py --articles 200 --jobs 2
    python benchmarks/throughput.py --articles 10000 --jobs 2 --only inspectx --repeat 1   # memory at scale
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys
from pathlib import Path
import spacy
paths = sorted(p for p in Path(sys.argv[1]).rglob("*.txt"))
nlp = spacy.load(sys.argv[2])
texts = (p.read_text(encoding="utf-8") for p in paths)
n = sum(1 for _ in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=16))
print(n, file=sys.stderr)
"""


def build_corpus(folder: Path, count: int) -> None:
    sources = sorted((ROOT / "fixtures").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(count):
        text = texts[i % len(texts)]
        head, _, rest = text.partition("\n")
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}.txt").write_text(f"{head} ({i})\n{rest}\nArticle number {i}.\n", encoding="utf-8")


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree) / 2**20


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of the whole process tree of one run. The
    wall time is taken when the process ends (a thread samples the memory meanwhile, every
    0.25 s), so it is not rounded to the sampling interval."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    peak = 0.0
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not finished.wait(0.25):
            if os.path.isdir("/proc"):
                peak = max(peak, _tree_rss_mb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    proc.wait()
    wall = time.perf_counter() - started
    finished.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{argv[0]} exited with {proc.returncode}")
    if not peak:  # no /proc: the largest single process, from the kernel's accounting
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--model", default=None, help="default: the model inspectx would load")
    parser.add_argument("--only", choices=["inspectx", "bare"], default=None)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, interleaved; the fastest counts")
    args = parser.parse_args()

    import inspectx
    from inspectx.pipeline import resolve_model_name

    # Byte-compiled first, as pip compiles a package it installs (spaCy's modules were): an
    # editable install under PYTHONDONTWRITEBYTECODE=1 would have every worker compile
    # inspectx's modules from source again (about 0.08 s each on this project's machine).
    compileall.compile_dir(Path(inspectx.__file__).parent, quiet=1)
    model = resolve_model_name(args.model)
    bindir = Path(sys.executable).parent
    inspectx = (
        [str(bindir / "inspectx")] if (bindir / "inspectx").exists() else [sys.executable, "-m", "inspectx"]
    )
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        build_corpus(corpus, args.articles)
        print(f"{args.articles} articles, {args.jobs} jobs, model {model}, {os.cpu_count()} cores")
        commands = {}
        if args.only != "bare":
            commands["inspectx"] = [*inspectx, "extract", str(corpus), "--jobs", str(args.jobs)]
            commands["inspectx"] += ["--format", "jsonl", "-q", "--model", model]
        if args.only != "inspectx":
            # measured in a fresh interpreter so the peak RSS is its own
            commands["bare model"] = [sys.executable, "-c", BARE, str(corpus), model, str(args.jobs)]
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.repeat):  # interleaved, so that a slow spell of the machine hits both
            for name, argv in commands.items():
                runs[name].append(timed(argv))
        results = {name: (min(w for w, _ in r), max(p for _, p in r)) for name, r in runs.items()}
        for name, (wall, peak) in results.items():
            every = " ".join(f"{w:.2f}" for w, _ in runs[name])
            print(
                f"  {name:10s} {wall:8.2f} s  {args.articles / wall:8.1f} articles/s  peak RSS {peak:.0f} MB"
                f"  (runs: {every} s)"
            )
        if len(results) == 2:
            ratio = results["inspectx"][0] / results["bare model"][0]
            print(f"  ratio (inspectx / bare model time): {ratio:.2f}")


if __name__ == "__main__":
    main()
