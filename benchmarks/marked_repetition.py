"""False positives on marked drafts of clean text that repeats itself.

    python benchmarks/marked_repetition.py [--out DIR] [--examples N]

The legitimate-repetition fixtures (``tests/fixtures/repetition/``: a refrain, a FAQ,
a changelog, an API reference...) must come back unchanged as they are. A pipeline
may also cut such a text into pieces at its paragraph breaks, with a marker line
between them and nothing restated: the repair must then give the text back too. This
script makes one draft per paragraph break of each fixture (``---END---`` put there)
and counts the drafts that do not come back as the fixture: with whitespace only
(paragraph breaks), or with lines dropped or rewritten.

A marker followed by the very lines that end the text before it (a refrain sung
again right after the break) reads exactly like a restart; those drafts cannot all
come back, and the table shows how many do not. Nothing here needs the shared data.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
from datetime import date
from pathlib import Path

from clean_docs import Tally, repair
from runinfo import ROOT, git_commit, write_report

import fragmerge

FIXTURES = ROOT / "tests" / "fixtures" / "repetition"
MARKER = "\n\n---END---\n\n"
_BREAK = re.compile(r"\n[ \t]*\n")


def marked_drafts(text: str) -> list[str]:
    """One draft per paragraph break of ``text``, a marker line standing there.

    >>> marked_drafts("A.\\n\\nB.\\n\\nC.\\n")
    ['A.\\n\\n---END---\\n\\nB.\\n\\nC.\\n', 'A.\\n\\nB.\\n\\n---END---\\n\\nC.\\n']
    """
    body = text.rstrip("\n")
    return [text[: m.start()] + MARKER + text[m.end() :] for m in _BREAK.finditer(body)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write DIR/marked-repetition-DATE.md")
    parser.add_argument("--examples", type=int, default=10, help="drafts listed")
    args = parser.parse_args(argv)

    fixtures = sorted(p for p in FIXTURES.glob("*.md") if p.name != "README.md")
    options = fragmerge.Options()
    total = Tally()
    drafts_total = 0
    rows = []
    for path in fixtures:
        text = path.read_text(encoding="utf-8")
        tally = Tally()
        drafts = marked_drafts(text)
        drafts_total += len(drafts)
        for n, draft in enumerate(drafts):
            out = repair(draft, options)
            name = Path(f"{path.name} (break {n + 1})")
            for t in (tally, total):
                t.add(name, text, out, args.examples)
        rows.append(
            f"| {path.name} | {len(drafts)} | {tally.changed} | {tally.whitespace_only} | "
            f"{tally.lines_lost} | {tally.failures} |"
        )
    lines = [
        f"# Marked drafts of the repetition fixtures, {date.today().isoformat()}",
        "",
        f"fragmerge {fragmerge.__version__} (commit {git_commit()}), Python "
        f"{platform.python_version()}; {len(fixtures)} fixtures, one draft per paragraph "
        "break. Produced by `python benchmarks/marked_repetition.py`.",
        "",
        "| fixture | drafts | not given back | whitespace only | lines dropped or rewritten "
        "| failures |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        f"| **total** | {drafts_total} | {total.changed} | {total.whitespace_only} | "
        f"{total.lines_lost} | {total.failures} |",
    ]
    if total.examples:
        lines += ["", "Drafts with lines dropped or rewritten (first few):", ""]
        lines += [f"- {e}" for e in total.examples]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        write_report(args.out, "marked-repetition", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
