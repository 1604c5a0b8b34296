"""Robustness sweep over the real drafts that have no expected repair.

    python benchmarks/unlabeled.py [--out DIR] [--examples N] [--files GLOB]

Runs :func:`fragmerge.fix` over every ``real-unlabeled/*.md`` of the shared data
(``../shared`` beside the repository, or ``$FRAGMERGE_SHARED``) and prints one
Markdown table row per draft, then totals. Without the shared data it says so
and exits 0.

Columns:

* **bytes**, **markers** (``---END---`` occurrences anywhere in the draft, as
  the data set's SOURCES.md counts them), **fragments** (what the segmenter cut);
* **restart / continuation / gap / redundant / kept**: the joins the merger took,
  by kind;
* **ms**: wall time of one ``fix`` call (after import);
* **crash**: the exception, if ``fix`` raised;
* **lost**: sentences of the draft that appear in no form in the output. The
  draft's sentences are those of the fragments' text (marker lines and chat
  debris already removed, the way ``fragmerge.segment`` does), split by
  :func:`fragmerge.testing.split_sentences`. A sentence is normalised (NFKC,
  case-folded, letters and digits only) and counts as lost when it is neither in
  the output's normalised text nor the start of an output sentence (a truncated
  sentence replaced by its complete restart is not lost);
* **lost!**: of those, the ones with no near copy in the output either (rapidfuzz
  ``partial_ratio`` < 85 against every normalised output sentence): the rest are
  wording drift between copies where the first wording was kept;
* **dup**: normalised output sentences of 15+ characters that the output has more
  often than any single fragment has them (the model may repeat a sentence inside
  one generation; a repeat across pieces is fragment overlap left in place);
* **left**: marker strings (``---END---``) still in the output;
* **warnings**: how many warnings the result carries (gaps, conflicts, kept copies).

``--out DIR`` also writes the report to ``DIR/unlabeled-YYYY-MM-DD.md``;
``--examples N`` lists up to N lost and duplicated sentences of each draft that
has any (default 3).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from runinfo import git_commit, shared_dir, write_report

import fragmerge
from fragmerge.testing import split_sentences

ROOT = Path(__file__).resolve().parent.parent
MARKER = "---END---"
JOIN_KINDS = ("restart", "continuation", "gap", "redundant", "kept")
MIN_DUP_CHARS = 15


def norm(sentence: str) -> str:
    """NFKC, case-folded, letters and digits only.

    >>> norm("Hello, World！ ２０２６年。")
    'helloworld2026年'
    """
    folded = unicodedata.normalize("NFKC", sentence).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


@dataclass
class Row:
    name: str
    size: int
    markers: int = 0
    fragments: int = 0
    joins: Counter[str] = field(default_factory=Counter)
    ms: float = 0.0
    crash: str = ""
    lost: list[str] = field(default_factory=list)
    lost_no_copy: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    markers_left: int = 0
    warnings: tuple[str, ...] = ()


def lost_sentences(fragment_texts: Sequence[str], output: str) -> list[str]:
    """Sentences of the fragments found in no form in the output (see the module doc).

    >>> lost_sentences(["One. Two is cu", "Two is cut. Three."], "One. Two is cut. Three.")
    []
    >>> lost_sentences(["One. Gone.", "Three."], "One. Three.")
    ['Gone.']
    """
    # markers count alike on both sides: one kept inside a line is not sentence text
    out_sentences = [norm(s) for s in split_sentences(output.replace(MARKER, " "))]
    whole = "".join(out_sentences)
    by_head: dict[str, list[str]] = {}
    for s in out_sentences:
        by_head.setdefault(s[:4], []).append(s)
    lost: list[str] = []
    seen: set[str] = set()
    for text in fragment_texts:
        # a marker glued inside a line is no sentence content ("…です。 ---END---")
        for sentence in split_sentences(text.replace(MARKER, " ")):
            n = norm(sentence)
            if not n or n in seen:
                continue
            seen.add(n)
            if n in whole:
                continue
            if any(o.startswith(n) for o in by_head.get(n[:4], ())):
                continue
            lost.append(sentence)
    return lost


def without_near_copy(sentences: Sequence[str], output: str, cutoff: float = 85) -> list[str]:
    """The ``sentences`` that have no near copy among the output's sentences.

    >>> without_near_copy(["The cat sat on the mat today.", "Gone."], "The cat sat on a mat today.")
    ['Gone.']
    """
    if not sentences:
        return []
    from rapidfuzz import fuzz, process

    outs = [norm(s) for s in split_sentences(output)]
    return [
        s
        for s in sentences
        if process.extractOne(norm(s), outs, scorer=fuzz.partial_ratio, score_cutoff=cutoff) is None
    ]


def duplicated_sentences(fragment_texts: Sequence[str], output: str) -> list[str]:
    """Output sentences (15+ normalised characters) the output has more often than any
    single fragment.

    >>> duplicated_sentences(["A long sentence here.", "A long sentence here."],
    ...                      "A long sentence here. A long sentence here.")
    ['A long sentence here.']
    >>> duplicated_sentences(["A long sentence here. A long sentence here."],
    ...                      "A long sentence here. A long sentence here.")
    []
    """
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for sentence in split_sentences(output):
        n = norm(sentence)
        if len(n) >= MIN_DUP_CHARS:
            counts[n] += 1
            first.setdefault(n, sentence)
    repeated = {n for n, c in counts.items() if c > 1}
    if not repeated:
        return []
    most_in_one: Counter[str] = Counter()
    for text in fragment_texts:
        here = Counter(n for n in map(norm, split_sentences(text)) if n in repeated)
        for n, c in here.items():
            most_in_one[n] = max(most_in_one[n], c)
    return [first[n] for n in counts if n in repeated and counts[n] > most_in_one[n]]


def run_one(path: Path) -> Row:
    draft = path.read_text(encoding="utf-8")
    row = Row(path.name, len(draft.encode("utf-8")), markers=draft.count(MARKER))
    start = time.perf_counter()
    try:
        result = fragmerge.fix(draft)
    except Exception as exc:  # a crash is what this sweep looks for
        row.ms = (time.perf_counter() - start) * 1000
        last = traceback.extract_tb(exc.__traceback__)[-1]
        row.crash = f"{type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})"
        return row
    row.ms = (time.perf_counter() - start) * 1000
    texts = [f.text for f in result.fragments]
    row.fragments = len(result.fragments)
    row.joins = Counter(j.kind for j in result.joins)
    row.lost = lost_sentences(texts, result.text)
    row.lost_no_copy = without_near_copy(row.lost, result.text)
    row.duplicated = duplicated_sentences(texts, result.text)
    row.markers_left = result.text.count(MARKER)
    row.warnings = result.warnings
    return row


def short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report(rows: list[Row], shared: Path, elapsed: float, examples: int) -> str:
    head = (
        "| file | bytes | markers | fragments | "
        + " | ".join(JOIN_KINDS)
        + " | ms | crash | lost | lost! | dup | left | warnings |"
    )
    numeric = ["---:"] * (4 + len(JOIN_KINDS))
    sep = "| --- | " + " | ".join([*numeric, "---", *["---:"] * 5]) + " |"
    lines = [
        f"# Unlabeled real drafts, {date.today().isoformat()}",
        "",
        f"fragmerge {fragmerge.__version__} (commit {git_commit()}), "
        f"Python {platform.python_version()}; "
        f"{len(rows)} drafts from {shared / 'real-unlabeled'}; run time {elapsed:.1f} s. "
        "Produced by `python benchmarks/unlabeled.py`; columns are explained in its docstring.",
        "",
        head,
        sep,
    ]
    for r in rows:
        cells = [
            r.name,
            str(r.size),
            str(r.markers),
            str(r.fragments),
            *(str(r.joins.get(k, 0)) for k in JOIN_KINDS),
            f"{r.ms:.1f}",
            short(r.crash, 60) if r.crash else "",
            str(len(r.lost)),
            str(len(r.lost_no_copy)),
            str(len(r.duplicated)),
            str(r.markers_left),
            str(len(r.warnings)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    total_joins = sum((r.joins for r in rows), Counter())
    ms = sorted(r.ms for r in rows)
    lines.append(
        "| **total** | "
        + " | ".join(
            [
                str(sum(r.size for r in rows)),
                str(sum(r.markers for r in rows)),
                str(sum(r.fragments for r in rows)),
                *(str(total_joins.get(k, 0)) for k in JOIN_KINDS),
                f"{sum(ms):.0f}",
                str(sum(1 for r in rows if r.crash)),
                str(sum(len(r.lost) for r in rows)),
                str(sum(len(r.lost_no_copy) for r in rows)),
                str(sum(len(r.duplicated) for r in rows)),
                str(sum(r.markers_left for r in rows)),
                str(sum(len(r.warnings) for r in rows)),
            ]
        )
        + " |"
    )
    lines += [
        "",
        "## Totals",
        "",
        f"- drafts: {len(rows)}; crashed: {sum(1 for r in rows if r.crash)}",
        f"- drafts with a lost sentence: {sum(1 for r in rows if r.lost)} "
        f"({sum(len(r.lost) for r in rows)} sentences; "
        f"{sum(len(r.lost_no_copy) for r in rows)} with no near copy in the output, "
        f"in {sum(1 for r in rows if r.lost_no_copy)} drafts)",
        f"- drafts whose output still has a duplicated sentence: "
        f"{sum(1 for r in rows if r.duplicated)} "
        f"({sum(len(r.duplicated) for r in rows)} sentences)",
        f"- drafts with a marker left in the output: {sum(1 for r in rows if r.markers_left)}",
        f"- median ms: {ms[len(ms) // 2]:.1f}; max ms: {ms[-1]:.1f}" if ms else "- no drafts",
    ]
    if examples:
        worst = sorted(
            (r for r in rows if r.lost or r.duplicated or r.crash),
            key=lambda r: (-len(r.lost) - len(r.duplicated), r.name),
        )
        if worst:
            lines += ["", "## Examples", ""]
        for r in worst:
            lines.append(f"### {r.name}")
            lines.append("")
            if r.crash:
                lines.append(f"- crash: `{r.crash}`")
            lines += [f"- lost (no near copy): {short(s)}" for s in r.lost_no_copy[:examples]]
            drifted = [s for s in r.lost if s not in r.lost_no_copy]
            lines += [f"- lost (drifted copy kept): {short(s)}" for s in drifted[:examples]]
            lines += [f"- dup: {short(s)}" for s in r.duplicated[:examples]]
            lines += [f"- warning: {short(w, 160)}" for w in r.warnings[:examples]]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="also write DIR/unlabeled-YYYY-MM-DD.md")
    parser.add_argument("--examples", type=int, default=3, help="examples per draft (0: none)")
    parser.add_argument("--files", default="*.md", help="glob inside real-unlabeled/")
    args = parser.parse_args(argv)

    shared = shared_dir()
    folder = shared / "real-unlabeled"
    paths = sorted(p for p in folder.glob(args.files) if p.name != "SOURCES.md")
    if not paths:
        print(f"no drafts in {folder} (set FRAGMERGE_SHARED); nothing to do", file=sys.stderr)
        return 0
    started = time.perf_counter()
    rows = []
    for path in paths:
        rows.append(run_one(path))
        if sys.stderr.isatty():
            print(f"\r{len(rows)}/{len(paths)} {path.name}", end="", file=sys.stderr, flush=True)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    text = report(rows, shared, time.perf_counter() - started, args.examples)
    print(text, end="")
    if args.out:
        write_report(args.out, "unlabeled", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
