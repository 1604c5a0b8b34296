"""How repair time grows with draft size, for fragmerge and the baselines.

    python benchmarks/scale.py [--out DIR] [--sizes 100K 1M 5M] [--timeout SECONDS]

Drafts of about 100 KB, 1 MB and 5 MB (UTF-8) are built from the shared corpus
(``../shared/corpus`` or ``$FRAGMERGE_SHARED/corpus``): the articles are
concatenated (front matter kept only on the first) and repeated until the size
is reached, then broken by :func:`fragmerge.testing.simulate` with a profile that
cuts a piece every 2-8 KB, mostly mid-sentence, and restarts each piece at the
cut sentence, with ``---END---`` markers.

Each method runs in a fresh subprocess (imports excluded from the timing), best
of 3 runs (2 at the largest size); a run that exceeds ``--timeout`` (120 s)
is reported as ``timeout`` and the method is not tried on larger drafts. The
table gives seconds, MB/s and the growth exponent log(t2/t1) / log(n2/n1)
between consecutive sizes (1.0 = linear, 2.0 = quadratic).
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from runinfo import git_commit, shared_dir, write_report

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
METHODS = ("fragmerge", "strip-markers", "dedup-paragraphs", "difflib", "lcs-merge")
SIZES = {"100K": 100_000, "1M": 1_000_000, "5M": 5_000_000}
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def parse_size(text: str) -> int:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KkMm]?)B?", text)
    if not match:
        raise argparse.ArgumentTypeError(f"size like 100K or 5M expected, got {text!r}")
    factor = {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]
    return int(float(match.group(1)) * factor)


def build_truth(articles: Sequence[str], size: int) -> str:
    """Corpus articles concatenated and repeated to about ``size`` UTF-8 bytes."""
    parts: list[str] = []
    total = 0
    first = True
    while total < size:
        for article in articles:
            text = article if first else _FRONT_MATTER.sub("", article)
            first = False
            chunk = text.rstrip("\n") + "\n\n"
            parts.append(chunk)
            total += len(chunk.encode("utf-8"))
            if total >= size:
                break
    return "".join(parts).rstrip("\n") + "\n"


def build_draft(truth: str) -> str:
    from fragmerge.testing import Profile, simulate

    bytes_per_char = len(truth.encode("utf-8")) / max(len(truth), 1)
    profile = Profile(
        description="scale: a piece every 2-8 KB, restarts at the cut sentence",
        restarts={"cut-sentence": 1.0},
        cuts={"mid-sentence": 0.9, "sentence-end": 0.1},
        max_pieces=10**7,
        piece_chars=(int(2_000 / bytes_per_char), int(8_000 / bytes_per_char)),
    )
    return simulate(truth, seed=0, profile=profile).draft


def worker(method: str, path: str) -> None:
    """Child process: run one method once on the draft at ``path``, print seconds."""
    draft = Path(path).read_text(encoding="utf-8")
    if method == "fragmerge":
        import fragmerge

        function = fragmerge.fix_text
    else:
        sys.path.insert(0, str(HERE))
        from baselines import BASELINES

        function = BASELINES[method]
    start = time.perf_counter()
    function(draft)
    print(f"{time.perf_counter() - start:.6f}")


def time_method(method: str, path: Path, runs: int, timeout: float) -> float | None:
    """Best time of ``runs`` subprocess runs, or None on a timeout or failure."""
    best: float | None = None
    for _ in range(runs):
        try:
            done = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--worker", method, str(path)],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return None
        if done.returncode != 0:
            print(f"  {method} failed:\n{done.stderr[-2000:]}", file=sys.stderr)
            return None
        seconds = float(done.stdout.strip().splitlines()[-1])
        best = seconds if best is None else min(best, seconds)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="write the table to DIR/scale-DATE.md")
    parser.add_argument("--sizes", nargs="+", type=parse_size, default=list(SIZES.values()))
    parser.add_argument("--methods", nargs="+", default=list(METHODS), choices=METHODS)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--worker", nargs=2, metavar=("METHOD", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(*args.worker)
        return 0

    shared = shared_dir()
    files = sorted(p for p in (shared / "corpus").glob("*.md") if p.name != "SOURCES.md")
    if not files:
        print(f"scale: no corpus at {shared / 'corpus'}; skipping (set FRAGMERGE_SHARED).")
        return 0
    articles = [p.read_text(encoding="utf-8") for p in files]
    sizes = sorted(args.sizes)

    rows: list[str] = []
    commit = git_commit()  # before the run: the code that produced the numbers
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        drafts: list[tuple[int, Path]] = []
        for size in sizes:
            draft = build_draft(build_truth(articles, size))
            path = Path(tmp) / f"draft-{size}.txt"
            path.write_text(draft, encoding="utf-8")
            drafts.append((len(draft.encode("utf-8")), path))
            pieces = draft.count("\n---END---\n") + 1
            print(f"  draft {_human(len(draft.encode()))}: {pieces} pieces", file=sys.stderr)
        for method in args.methods:
            previous: tuple[int, float] | None = None
            timed_out = False
            for n_bytes, path in drafts:
                if timed_out:
                    rows.append(f"| {method} | {_human(n_bytes)} | not run | – | – |")
                    continue
                runs = 2 if n_bytes >= 3_000_000 else 3
                seconds = time_method(method, path, runs, args.timeout)
                print(f"  {method} {_human(n_bytes)}: {seconds}", file=sys.stderr)
                if seconds is None:
                    limit = f"timeout (> {args.timeout:.0f} s)"
                    rows.append(f"| {method} | {_human(n_bytes)} | {limit} | – | – |")
                    timed_out = True
                    continue
                rate = n_bytes / 1e6 / seconds if seconds > 0 else math.inf
                exponent = "–"
                if previous is not None and previous[1] > 0 and seconds > 0:
                    growth = math.log(seconds / previous[1]) / math.log(n_bytes / previous[0])
                    exponent = f"{growth:.2f}"
                rows.append(
                    f"| {method} | {_human(n_bytes)} | {seconds:.3f} | {rate:.2f} | {exponent} |"
                )
                previous = (n_bytes, seconds)
    elapsed = time.perf_counter() - started

    import fragmerge

    report = "\n".join(
        [
            f"# Scale benchmark, {date.today().isoformat()}",
            "",
            f"fragmerge {fragmerge.__version__} (commit {commit}), "
            f"Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs; best of 3 runs (2 at >= 3 MB), {args.timeout:.0f} s cap "
            f"per run; run time {elapsed:.0f} s. Produced by `python benchmarks/scale.py`.",
            "Growth exponent: log(t2/t1) / log(n2/n1) against the previous size (1.0 = linear).",
            "",
            "| method | draft size | seconds | MB/s | growth exponent |",
            "| --- | ---: | ---: | ---: | ---: |",
            *rows,
        ]
    )
    print(report)
    if args.out:
        write_report(args.out, "scale", report + "\n")
    return 0


def _human(n_bytes: int) -> str:
    if n_bytes >= 1_000_000:
        return f"{n_bytes / 1e6:.2f} MB"
    return f"{n_bytes / 1e3:.0f} KB"


if __name__ == "__main__":
    sys.exit(main())
