"""fragmerge's sentence rules against sentencex, on the corpus and on hand-labelled cases.

fragmerge splits units with its own rules (:func:`fragmerge.text.split_units`, one
function). Issue 4 asks to measure sentencex (offsets, fast) against them and choose.
This script prints, per language:

* **agreement**: F1 of the sentence boundaries the two splitters put inside the prose
  paragraphs of every corpus article (a boundary is the offset where a sentence ends,
  whitespace stripped); agreement is not correctness, so
* **labelled cases**: sentences split exactly right on hand-written paragraphs that hold
  the hard cases (abbreviations, decimals, initials, CJK closing brackets, ellipses);
* **MB/s**: throughput of each splitter on the same paragraphs (best of 3).

sentencex is not a dependency of fragmerge: install it to run this script
(``python -m pip install sentencex``); without it the script says so and exits 0.

Run: ``python benchmarks/splitters.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import regex

from fragmerge.text import front_matter_end, split_units

sys.path.insert(0, str(Path(__file__).resolve().parent))
from runinfo import git_commit, shared_dir, write_report

Splitter = Callable[[str, str], list[tuple[int, int]]]  # (lang, paragraph) -> spans

# Hand-labelled paragraphs: the sentences each must split into.
LABELLED: dict[str, list[list[str]]] = {
    "en": [
        ["Dr. Smith arrived at 3.5 p.m. on Monday.", "He left early."],
        ["The U.S. economy grew by 2.4% in 2025.", "Analysts, e.g. at J.P. Morgan, agreed."],
        ['She said "It works."', "Then she left!", "Why?"],
        ["Version 3.11.7 is out.", "Upgrade now... or wait for 3.12."],
        ["See Fig. 2 and Sec. 4.1 for details.", "The results hold."],
    ],
    "ja": [
        ["これはテストです。", "「本当ですか？」と彼は聞いた。", "答えはありません。"],
        ["価格は3.5万円です。", "（税込み）ではありません。"],
        ["えっ！", "それは本当？", "まさか……。"],
    ],
    "zh": [
        ["这是第一句。", "“真的吗？”他问道。", "没有人回答。"],
        ["版本 3.2 已发布！", "请尽快升级。"],
    ],
}

_TERMINAL = regex.compile(r"[.!?。！？…]")


def fragmerge_spans(lang: str, paragraph: str) -> list[tuple[int, int]]:
    del lang  # fragmerge's rules need no language
    return [(u.start, u.end) for u in split_units(paragraph) if u.kind == "sentence"]


def sentencex_spans(lang: str, paragraph: str) -> list[tuple[int, int]]:
    from sentencex import segment

    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in segment(lang, paragraph):
        start = paragraph.find(sentence.strip(), pos) if sentence.strip() else -1
        if start < 0:
            continue
        end = start + len(sentence.strip())
        spans.append((start, end))
        pos = end
    return spans


def prose_paragraphs(article: str) -> list[str]:
    """Paragraphs of plain prose: no Markdown blocks, and at least one terminator."""
    body = article[front_matter_end(article) :]
    out: list[str] = []
    in_fence = False
    for block in regex.split(r"\n[ \t]*\n", body):
        if block.lstrip().startswith(("```", "~~~")):
            in_fence = (
                not in_fence if block.count("```") % 2 or block.count("~~~") % 2 else in_fence
            )
            continue
        if in_fence:
            continue
        lines = block.strip().splitlines()
        if not lines or any(
            regex.match(r"\s*(?:[#>|*+\-]|\d+[.)]\s|<|!\[|\[)", ln) for ln in lines
        ):
            continue
        if _TERMINAL.search(block):
            out.append(block.strip())
    return out


def ends(spans: Sequence[tuple[int, int]]) -> set[int]:
    return {end for _, end in spans}


def f1(a: set[int], b: set[int]) -> float:
    if not a and not b:
        return 1.0
    common = len(a & b)
    return 0.0 if not common else 2 * common / (len(a) + len(b))


def labelled_score(split: Splitter, lang: str) -> tuple[int, int]:
    right = 0
    cases = LABELLED[lang]
    for sentences in cases:
        paragraph = " ".join(sentences) if lang == "en" else "".join(sentences)
        got = [paragraph[s:e].strip() for s, e in split(lang, paragraph)]
        right += got == sentences
    return right, len(cases)


def throughput(split: Splitter, lang: str, paragraphs: Sequence[str]) -> float:
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for paragraph in paragraphs:
            split(lang, paragraph)
        best = min(best, time.perf_counter() - started)
    return size / best / 1e6 if best > 0 else float("inf")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="write the table to DIR/splitters-DATE.md")
    args = parser.parse_args(argv)
    try:
        import sentencex  # noqa: F401
    except ImportError:
        print("splitters: sentencex is not installed (python -m pip install sentencex); skipping.")
        return 0
    shared = shared_dir()
    files = sorted(p for p in (shared / "corpus").glob("??-*.md"))
    if not files:
        print(f"splitters: no corpus at {shared / 'corpus'}; skipping (set FRAGMERGE_SHARED).")
        return 0
    commit = git_commit()
    by_lang: dict[str, list[str]] = {}
    for path in files:
        by_lang.setdefault(path.name[:2], []).extend(
            prose_paragraphs(path.read_text(encoding="utf-8"))
        )
    rows = [
        "| language | paragraphs | boundary agreement (F1) | labelled right: fragmerge "
        "| labelled right: sentencex | MB/s fragmerge | MB/s sentencex |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for lang in sorted(by_lang):
        paragraphs = by_lang[lang]
        agreement = [
            f1(ends(fragmerge_spans(lang, p)), ends(sentencex_spans(lang, p))) for p in paragraphs
        ]
        ours, n = labelled_score(fragmerge_spans, lang)
        theirs, _ = labelled_score(sentencex_spans, lang)
        rows.append(
            f"| {lang} | {len(paragraphs)} | {sum(agreement) / max(len(agreement), 1):.3f} "
            f"| {ours}/{n} | {theirs}/{n} "
            f"| {throughput(fragmerge_spans, lang, paragraphs):.2f} "
            f"| {throughput(sentencex_spans, lang, paragraphs):.2f} |"
        )
    import sentencex as sx

    version = getattr(sx, "__version__", "installed")
    header = (
        f"fragmerge (commit {commit}) against sentencex {version}, prose paragraphs of the "
        f"{len(files)} corpus articles. Produced by `python benchmarks/splitters.py`."
    )
    from datetime import date

    text = "\n".join(
        [f"# Sentence splitters, {date.today().isoformat()}", "", header, "", *rows, ""]
    )
    print(text)
    if args.out:
        write_report(args.out, "splitters", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
