"""Speed of fragmerge next to baselines measured in the same run.

Two drafts:

* **seed**: the real six-piece Japanese draft (``shared/seeds/meta-datacenter.draft.txt``);
* **corpus-1MB**: the articles of ``shared/corpus`` concatenated to about 1 MB and cut
  every 2-8 K characters, each cut followed by a ``---END---`` marker line and a
  restart of the sentence it interrupted (what LLM continuations do).

For each: in-process seconds per draft (after import, best of N), MB/s, and the
wall time of ``fragmerge fix FILE > /dev/null`` in a subprocess. Baselines: one
``re`` pass splitting the draft into sentences (in-process) and ``python -c pass``
(CLI start-up); ``fragmerge --help`` is timed cold beside them. Tests never
assert on these numbers.

    python benchmarks/perf.py [--repeat 5] [--size-mb 1.0] [--out DIR]

Needs the shared data folder (``../shared`` beside the repository, or
``$FRAGMERGE_SHARED``); without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from runinfo import write_report

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FRAGMERGE_SHARED", ROOT.parent / "shared"))
MARKER = "\n\n---END---\n\n"
# One pass of the kind any text tool makes: split after Latin/CJK terminators or blank lines.
SENTENCE_SPLIT = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])|\n{2,}")
SENTENCE_START = re.compile(r"(?<=[.!?。！？])[ \t]*(?=\S)|(?<=\n)(?=\S)")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
SLOW_RUN_SECONDS = 5.0  # after one run this slow, do not repeat


@dataclass
class Row:
    draft: str
    mb: float
    fix_s: float
    re_s: float
    cli_s: float | None
    start_s: float | None


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs (fewer when one run is already slow)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        if elapsed > SLOW_RUN_SECONDS:
            break
    return best


def build_corpus_draft(corpus: Path, size_mb: float, seed: int = 20251025) -> str:
    """Concatenate corpus articles to ``size_mb`` and fragment them like an LLM pipeline.

    Each cut lands inside a sentence; the next piece restarts at that sentence's start.
    """
    articles = sorted(p for p in corpus.glob("*.md"))
    if not articles:
        raise SystemExit(f"no articles in {corpus}")
    parts: list[str] = []
    total = 0
    target = int(size_mb * 1_000_000)
    while total < target:
        for index, path in enumerate(articles):
            text = path.read_text("utf-8")
            if parts or index:
                text = FRONT_MATTER.sub("", text)  # front matter only at the very top
            parts.append(text.strip("\n"))
            total += len(text.encode("utf-8"))
            if total >= target:
                break
    text = "\n\n".join(parts) + "\n"
    starts = [m.start() for m in SENTENCE_START.finditer(text)]
    rng = random.Random(seed)
    pieces: list[str] = []
    resume = 0
    while True:
        cut = resume + rng.randint(2000, 8000)
        if cut >= len(text):
            pieces.append(text[resume:])
            break
        restart = starts[bisect_right(starts, cut) - 1] if starts else cut
        if restart <= resume:  # a sentence longer than the piece: resume at the cut
            restart = cut
        pieces.append(text[resume:cut].rstrip("\n"))
        resume = restart
    return MARKER.join(pieces)


def script() -> str | None:
    beside = Path(sys.executable).with_name("fragmerge")
    return str(beside) if beside.exists() else shutil.which("fragmerge")


def wall(cmd: list[str], repeat: int) -> float:
    def run() -> None:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    return best_of(run, repeat)


def measure(name: str, draft: str, repeat: int, tmp: Path, fragmerge_bin: str | None) -> Row:
    import fragmerge

    fragmerge.fix(draft[:4000])  # warm caches (regex compilation) before timing
    fix_s = best_of(lambda: fragmerge.fix(draft), repeat)
    re_s = best_of(lambda: SENTENCE_SPLIT.split(draft), max(repeat, 5))
    cli_s = start_s = None
    if fragmerge_bin is not None:
        path = tmp / f"{name}.txt"
        path.write_text(draft, "utf-8")
        cli_s = wall([fragmerge_bin, "fix", str(path)], repeat)
        start_s = wall([sys.executable, "-c", "pass"], max(repeat, 5))
    return Row(name, len(draft.encode("utf-8")) / 1_000_000, fix_s, re_s, cli_s, start_s)


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def table(rows: list[Row], help_s: float | None, pass_s: float | None) -> str:
    head = (
        "| draft | MB | fix (in-process) | MB/s | re sentence split | fix / re | "
        "CLI `fix FILE` | `python -c pass` | CLI / start-up |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    )
    lines = []
    for r in rows:
        ratio_cli = f"{r.cli_s / r.start_s:.1f}x" if r.cli_s and r.start_s else "n/a"
        lines.append(
            f"| {r.draft} | {r.mb:.3f} | {fmt_s(r.fix_s)} | {r.mb / r.fix_s:.2f} | "
            f"{fmt_s(r.re_s)} | {r.fix_s / r.re_s:.0f}x | {fmt_s(r.cli_s)} | "
            f"{fmt_s(r.start_s)} | {ratio_cli} |"
        )
    out = head + "\n".join(lines) + "\n"
    if help_s is not None and pass_s is not None:
        out += (
            f"\n`fragmerge --help` (cold): {fmt_s(help_s)}; `python -c pass`: {fmt_s(pass_s)} "
            f"({help_s / pass_s:.1f}x)\n"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="best of N (default 5)")
    parser.add_argument("--size-mb", type=float, default=1.0, help="size of the corpus draft")
    parser.add_argument("--out", type=Path, help="also write the table to DIR/perf-DATE.md")
    args = parser.parse_args(argv)

    seed_path = SHARED / "seeds" / "meta-datacenter.draft.txt"
    corpus = SHARED / "corpus"
    if not seed_path.is_file() or not corpus.is_dir():
        print(f"perf.py: shared data not found at {SHARED}; set FRAGMERGE_SHARED. Skipping.")
        return 0

    fragmerge_bin = script()
    if fragmerge_bin is None:
        print("perf.py: the fragmerge script is not installed; CLI columns are n/a")
    help_s = pass_s = None
    if fragmerge_bin is not None:
        # Cold: the first run after nothing else of ours ran; then the warm baseline.
        help_s = wall([fragmerge_bin, "--help"], 1)
        pass_s = wall([sys.executable, "-c", "pass"], 1)

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        drafts = {
            "seed": seed_path.read_text("utf-8"),
            f"corpus-{args.size_mb:g}MB": build_corpus_draft(corpus, args.size_mb),
        }
        rows = [measure(n, d, args.repeat, tmp, fragmerge_bin) for n, d in drafts.items()]

    import fragmerge

    header = (
        f"fragmerge {fragmerge.__version__}, Python {sys.version.split()[0]}, "
        f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, best of {args.repeat}\n\n"
    )
    report = header + table(rows, help_s, pass_s)
    print(report, end="")
    if args.out is not None:
        write_report(args.out, "perf", "# Speed\n\n" + report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
