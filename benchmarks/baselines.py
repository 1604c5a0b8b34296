"""What users would reach for instead of fragmerge: the baselines of the benchmarks.

Every baseline takes a draft and returns a repaired text. They share one piece
splitter (whole marker lines from :data:`fragmerge.DEFAULT_MARKERS`), so they
see exactly the markers fragmerge sees; a draft without markers is one piece
to them. Each leaves a text with nothing to do byte for byte unchanged.

* ``unchanged``       the draft as it is;
* ``strip-markers``   marker lines removed, pieces concatenated;
* ``dedup-paragraphs`` marker lines removed, then every paragraph that exactly
  repeats an earlier one dropped;
* ``difflib``         consecutive pieces merged at ``difflib.SequenceMatcher``'s
  longest matching block: keep the text up to the block's start in the earlier
  piece, continue with the later piece from the block's start;
* ``lcs-merge``       the Whisper-style longest-common-sequence merge Hugging Face
  transformers uses to stitch ASR chunks (``_find_longest_common_sequence``):
  slide the next chunk over the previous one, score each alignment by
  matches / overlap length (+ a tiny bonus for longer overlaps), and splice at the
  middle of the best alignment. Tokens are Latin words, single other characters
  and whitespace runs.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable

import fragmerge

__all__ = ["BASELINES", "split_pieces"]

_MARKERS = [re.compile(p, re.IGNORECASE) for p in fragmerge.DEFAULT_MARKERS]
_LINE = re.compile(r"[^\n]*\n?")


def _is_marker(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and any(p.fullmatch(stripped) for p in _MARKERS)


def split_pieces(draft: str) -> list[str] | None:
    """The pieces between marker lines (surrounding blank lines trimmed); None if no marker."""
    pieces: list[str] = []
    current: list[str] = []
    found = False
    for line in _LINE.findall(draft):
        if _is_marker(line):
            found = True
            pieces.append("".join(current))
            current = []
        else:
            current.append(line)
    if not found:
        return None
    pieces.append("".join(current))
    trimmed = [p.strip("\n") for p in pieces]
    # Keep the draft's trailing whitespace on the last piece.
    trimmed[-1] = pieces[-1].lstrip("\n")
    return [p for p in trimmed if p.strip()] or [""]


def unchanged(draft: str) -> str:
    return draft


def strip_markers(draft: str) -> str:
    pieces = split_pieces(draft)
    if pieces is None:
        return draft
    return "\n\n".join(p.rstrip("\n") if i < len(pieces) - 1 else p for i, p in enumerate(pieces))


def dedup_paragraphs(draft: str) -> str:
    text = strip_markers(draft)
    # Keep the separators so that a text without repeats comes back byte for byte.
    parts = re.split(r"(\n[ \t]*\n\s*)", text)
    seen: set[str] = set()
    out: list[str] = []
    for i in range(0, len(parts), 2):
        paragraph = parts[i]
        separator = parts[i + 1] if i + 1 < len(parts) else ""
        key = paragraph.strip()
        if key and key in seen:
            continue
        if key:
            seen.add(key)
        out.append(paragraph + separator)
    return "".join(out)


#: Smallest matching block (characters) the difflib merge trusts as an overlap.
DIFFLIB_MIN_BLOCK = 20


def difflib_merge(draft: str) -> str:
    pieces = split_pieces(draft)
    if pieces is None:
        return draft
    acc = pieces[0]
    last_start = 0  # where the latest piece's contribution starts in acc
    for piece in pieces[1:]:
        last = acc[last_start:]
        matcher = difflib.SequenceMatcher(None, last, piece, autojunk=False)
        a, b, size = matcher.find_longest_match(0, len(last), 0, len(piece))
        if size >= DIFFLIB_MIN_BLOCK:
            acc = acc[: last_start + a] + piece[b:]
            last_start += a
        else:
            acc = acc.rstrip("\n") + "\n\n"
            last_start = len(acc)
            acc += piece
    return acc


_TOKEN = re.compile(r"[A-Za-z0-9_]+|\s+|.", re.S)


def _best_alignment(left: list[str], right: list[str]) -> tuple[int, int, int, int]:
    """transformers' sliding search, computed per diagonal instead of per slice.

    For overlap length ``i`` (1 <= i < len(left) + len(right)), left[a] faces
    right[a - (len(left) - i)]; the matches of alignment ``i`` are the equal
    pairs on that diagonal. Counting equal pairs per diagonal gives exactly the
    numbers ``np.sum(left == right)`` would, without the O(L*R) slicing.
    """
    left_length, right_length = len(left), len(right)
    positions: dict[str, list[int]] = defaultdict(list)
    for b, token in enumerate(right):
        positions[token].append(b)
    diagonal: dict[int, int] = defaultdict(int)
    for a, token in enumerate(left):
        for b in positions.get(token, ()):
            diagonal[a - b] += 1
    best = 0.0
    best_indices = (left_length, left_length, 0, 0)
    for d in sorted(diagonal, reverse=True):  # i = left_length - d ascending, as in transformers
        matches = diagonal[d]
        i = left_length - d
        if not 1 <= i < left_length + right_length:
            continue
        matching = matches / i + i / 10000.0
        if matches > 1 and matching > best:
            best = matching
            left_start = max(0, left_length - i)
            left_stop = min(left_length, left_length + right_length - i)
            right_start = max(0, i - left_length)
            right_stop = min(right_length, i)
            best_indices = (left_start, left_stop, right_start, right_stop)
    return best_indices


def lcs_merge(draft: str) -> str:
    pieces = split_pieces(draft)
    if pieces is None:
        return draft
    sequences = [_TOKEN.findall(p) for p in pieces]
    left = sequences[0]
    total: list[str] = []
    for right in sequences[1:]:
        left_start, left_stop, right_start, right_stop = _best_alignment(left, right)
        left_mid = (left_stop + left_start) // 2
        right_mid = (right_stop + right_start) // 2
        total.extend(left[:left_mid])
        left = right[right_mid:]
    total.extend(left)
    return "".join(total)


BASELINES: dict[str, Callable[[str], str]] = {
    "unchanged": unchanged,
    "strip-markers": strip_markers,
    "dedup-paragraphs": dedup_paragraphs,
    "difflib": difflib_merge,
    "lcs-merge": lcs_merge,
}
