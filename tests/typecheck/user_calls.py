"""Realistic calls from a user's code, type-checked from the user's side (nox -s typecheck).

Not a test module (pytest does not collect it); mypy --strict must accept it, so the
public API stays precisely typed for users and a signature change shows up here.
"""

from __future__ import annotations

import fragmerge
from fragmerge import (
    FragmergeError,
    InputError,
    LowConfidenceError,
    MergeResult,
    Options,
    ProvenanceEntry,
    align,
    merge,
    segment,
)


def repair(draft: str) -> str:
    result: MergeResult = fragmerge.fix(draft, min_score=90)
    if result.changed:
        redundant: tuple[int, ...] = result.redundant
        print(f"{len(result.fragments)} fragments, redundant: {redundant}")
    return result.text


def replay(draft: str, provenance: tuple[ProvenanceEntry, ...]) -> str:
    return "".join(e.join + draft[e.input_start : e.input_end] for e in provenance)


def staged(draft: str) -> MergeResult:
    options = Options(extra_markers=(r"=== page \d+ ===",), min_confidence=60, prefer="first")
    fragments = segment(draft, options)
    overlaps = align(fragments, options)
    return merge(draft, fragments, overlaps, options)


def careful(draft: str) -> str | None:
    try:
        return fragmerge.fix_text(draft, Options(min_confidence=70))
    except LowConfidenceError as exc:
        print(f"needs review: {exc}")
    except InputError:
        return None
    except FragmergeError:
        raise
    return None


def scores(result: MergeResult) -> list[float]:
    return [o.score for o in result.overlaps] + [j.confidence for j in result.joins]
