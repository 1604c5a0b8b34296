"""Golden tests: the seed and the ten real drafts repair to their expected files.

The cases live in ``tests/fixtures/seed/`` (draft.txt, expected.txt) and
``tests/fixtures/real/rNN/`` (draft.md, expected.md); see
``tests/fixtures/real/README.md`` for what is broken in each and the conventions
of a correct repair.

* :func:`test_repairs_to_expected` compares whitespace-insensitively (the text);
* :func:`test_paragraph_breaks` compares the paragraph breaks exactly, for the
  cases listed in ``BREAKS_EXACT`` (those that agree today: a regression shows up
  as a failure, an improvement as a reminder to extend the list);
* :func:`test_draft_regression` runs every case through the project's own pytest
  plugin (``draft_regression``), whose goldens (text and provenance, byte for
  byte) are in ``tests/fixtures/fragmerge/``. Regenerate them with
  ``pytest tests/test_golden.py --fragmerge-update`` and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import fragmerge

FIXTURES = Path(__file__).parent / "fixtures"


def cases() -> dict[str, tuple[Path, Path]]:
    found = {"seed": (FIXTURES / "seed" / "draft.txt", FIXTURES / "seed" / "expected.txt")}
    for case in sorted((FIXTURES / "real").glob("r[0-9][0-9]")):
        found[case.name] = (case / "draft.md", case / "expected.md")
    return found


CASES = cases()


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_all_cases_present() -> None:
    assert list(CASES) == ["seed", *(f"r{n:02d}" for n in range(1, 11))]
    for draft, expected in CASES.values():
        assert draft.is_file()
        assert expected.is_file()


@pytest.mark.parametrize("case", list(CASES))
def test_repairs_to_expected(case: str) -> None:
    draft_path, expected_path = CASES[case]
    draft, expected = read(draft_path), read(expected_path)
    result = fragmerge.fix(draft)
    assert squash(result.text) == squash(expected)
    assert result.changed
    replay = "".join(e.join + draft[e.input_start : e.input_end] for e in result.provenance)
    assert replay == result.text


@pytest.mark.parametrize("case", list(CASES))
def test_expected_is_a_fixed_point(case: str) -> None:
    """The editor's repair has nothing left to repair."""
    expected = read(CASES[case][1])
    result = fragmerge.fix(expected)
    assert result.text == expected
    assert not result.changed


# ------------------------------------------------------------------ paragraph breaks

_BREAK = re.compile(r"[ \t]*\n\s*")
_CONTEXT = 16


def paragraph_breaks(text: str) -> set[tuple[str, str, str]]:
    """Each line break, identified by the 16 non-space characters on either side of it
    and its kind: a paragraph break (blank line) or a single newline (r09 separates its
    paragraphs with single newlines)."""
    text = text.strip()
    breaks = set()
    for m in _BREAK.finditer(text):
        before = squash(text[: m.start()])[-_CONTEXT:]
        after = squash(text[m.end() :])[:_CONTEXT]
        kind = "\n\n" if m.group().count("\n") >= 2 else "\n"
        breaks.add((before, after, kind))
    return breaks


def break_agreement(case: str) -> tuple[int, int, int]:
    """(breaks in both, only in the repair, only in the expected file)."""
    draft_path, expected_path = CASES[case]
    got = paragraph_breaks(fragmerge.fix(read(draft_path)).text)
    want = paragraph_breaks(read(expected_path))
    return len(got & want), len(got - want), len(want - got)


#: Cases whose paragraph breaks agree exactly with the expected file today
#: (measured by running this module; all eleven at the time of writing).
BREAKS_EXACT = ("seed", "r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09", "r10")


@pytest.mark.parametrize("case", BREAKS_EXACT)
def test_paragraph_breaks(case: str) -> None:
    both, extra, missing = break_agreement(case)
    assert (extra, missing) == (0, 0), f"{case}: {extra} spurious and {missing} lost breaks"
    assert both > 0


def test_paragraph_break_report(capsys: pytest.CaptureFixture[str]) -> None:
    """A table of paragraph-break agreement for every case (shown with ``pytest -s``);
    fails when a case outside ``BREAKS_EXACT`` now agrees, so the list gets extended."""
    rows = []
    newly_exact = []
    for case in CASES:
        both, extra, missing = break_agreement(case)
        rows.append(f"{case:5} {both:5} {extra:9} {missing:7}")
        if (extra, missing) == (0, 0) and case not in BREAKS_EXACT:
            newly_exact.append(case)
    with capsys.disabled():
        print("\ncase  agree  spurious  missing")
        print("\n".join(rows))
    assert not newly_exact, f"paragraph breaks now agree for {newly_exact}: add to BREAKS_EXACT"


# ------------------------------------------------------------------ draft_regression

#: Cases checked through the plugin's goldens (tests/fixtures/fragmerge/<case>.*).
REGRESSION_CASES = list(CASES)


@pytest.mark.parametrize("case", REGRESSION_CASES)
def test_draft_regression(draft_regression: Any, case: str) -> None:
    draft = read(CASES[case][0])
    result = draft_regression.check(draft, name=case)
    assert result.changed


@pytest.mark.parametrize("case", REGRESSION_CASES)
def test_regression_golden_is_the_expected_file(case: str) -> None:
    """The reviewed text golden of the plugin is the editor's repair, byte for byte."""
    golden = FIXTURES / "fragmerge" / f"{case}.expected.txt"
    if not golden.exists():
        pytest.fail(f"missing {golden}: run pytest tests/test_golden.py --fragmerge-update")
    assert read(golden) == read(CASES[case][1])
