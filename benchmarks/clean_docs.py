"""False positives on clean technical Markdown: the documentation installed on this machine.

    python benchmarks/clean_docs.py [--roots DIR ...] [--glob PATTERN ...] [--limit N]
                                    [--out DIR] [--examples N]

The corpus articles (``benchmarks/accuracy.py``) are blog posts and news; API
references, changelogs and READMEs repeat themselves far more (parameter lists,
link definitions, the same example for two platforms). This script repairs every
``*.md`` file under the given roots, by default the documentation that ships with
the installed Python packages (``site-packages``) and the system (``/usr/share/doc``),
and reports how many come back changed: with whitespace only, or with lines dropped or
rewritten (a line of the file that the output no longer has). It runs the repair with
the default options and again with ``implicit_restarts=False`` (markers and chat
debris only), the setting to use on text that holds no unmarked fragments.

``--glob '*.rst' '*.txt'`` sweeps other clean text the rules were never tuned on
(reStructuredText, plain-text NEWS and READMEs) as a held-out check.

The files differ from machine to machine: compare runs on one machine, and read the
rates rather than the counts. Nothing here needs the shared data.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import sysconfig
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from runinfo import git_commit, write_report

import fragmerge

_WS = re.compile(r"\s+")
MAX_BYTES = 2_000_000


def default_roots() -> list[Path]:
    """The installed packages' directory and the system documentation, where present."""
    roots = [Path(sysconfig.get_paths()["purelib"]), Path("/usr/share/doc")]
    return [r for r in roots if r.is_dir()]


def markdown_files(
    roots: Iterable[Path], limit: int | None, globs: Sequence[str] = ("*.md",)
) -> list[Path]:
    """Every file under ``roots`` matching ``globs`` (``*.md``) below ``MAX_BYTES``, sorted."""
    files = sorted(
        {p for root in roots for glob in globs for p in root.rglob(glob) if p.is_file()},
        key=str,
    )
    files = [p for p in files if p.stat().st_size < MAX_BYTES]
    return files[:limit] if limit else files


@dataclass
class Tally:
    """How one setting fared over the files."""

    changed: int = 0
    whitespace_only: int = 0
    lines_lost: int = 0  # files with a line dropped or rewritten
    lost_lines: int = 0
    failures: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, path: Path, text: str, out: str | None, keep: int) -> None:
        if out is None:
            self.failures += 1
            return
        if out == text:
            return
        self.changed += 1
        if _WS.sub("", out) == _WS.sub("", text):
            self.whitespace_only += 1
            return
        before = Counter(line.strip() for line in text.splitlines() if line.strip())
        after = Counter(line.strip() for line in out.splitlines() if line.strip())
        missing = sum((before - after).values())
        if missing:
            self.lines_lost += 1
            self.lost_lines += missing
            if len(self.examples) < keep:
                self.examples.append(f"{path} ({missing} lines)")


def repair(text: str, options: fragmerge.Options) -> str | None:
    try:
        return fragmerge.fix_text(text, options)
    except Exception:  # a crash is counted, not raised: the sweep goes on
        return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roots", nargs="+", type=Path, help="folders to search")
    parser.add_argument(
        "--glob", nargs="+", default=["*.md"], help="file name patterns (default: *.md)"
    )
    parser.add_argument("--limit", type=int, help="at most this many files (sorted by path)")
    parser.add_argument("--out", type=Path, help="also write DIR/clean-docs-DATE.md")
    parser.add_argument("--examples", type=int, default=10, help="files listed per setting")
    args = parser.parse_args(argv)

    roots = args.roots or default_roots()
    files = markdown_files(roots, args.limit, args.glob)
    settings = {
        "default": fragmerge.Options(),
        "implicit_restarts=False": fragmerge.Options(implicit_restarts=False),
    }
    tallies = {name: Tally() for name in settings}
    read = 0
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        read += 1
        for name, options in settings.items():
            tallies[name].add(path, text, repair(text, options), args.examples)

    lines = [
        f"# Clean technical Markdown, {date.today().isoformat()}",
        "",
        f"fragmerge {fragmerge.__version__} (commit {git_commit()}), Python "
        f"{platform.python_version()}; {read} files ({' '.join(args.glob)}) under "
        f"{', '.join(str(r) for r in roots)}. Produced by `python benchmarks/clean_docs.py`.",
        "",
        "| setting | changed files | % | whitespace only | files with lines dropped or rewritten "
        "| lines | failures |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, t in tallies.items():
        rate = 100 * t.changed / read if read else 0.0
        lines.append(
            f"| {name} | {t.changed} / {read} | {rate:.1f} | {t.whitespace_only} | "
            f"{t.lines_lost} | {t.lost_lines} | {t.failures} |"
        )
    for name, t in tallies.items():
        if t.examples:
            lines += [
                "",
                f"Files with lines dropped or rewritten ({name}, first {len(t.examples)}):",
                "",
            ]
            lines += [f"- {e}" for e in t.examples]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        write_report(args.out, "clean-docs", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
