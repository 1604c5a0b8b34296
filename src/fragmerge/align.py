"""Stage 2: find where each fragment repeats text of another.

Candidates are seeded cheaply: every unit (sentence, heading, list item...)
contributes the first and last few characters of its comparison view as an
exact-match key, plus keys at content-chosen word/clause starts inside long
units. A key shared by two texts proposes a diagonal (where the later text's
start would sit in the earlier one). Only proposed diagonals are verified: the
exact match is extended both ways with rapidfuzz's Indel opcodes on bounded
windows (chunks of at most ``_CHUNK`` characters), which also give the exact
correspondence used to cut and resume. Nothing compares full texts all against
all.

The same machinery serves the public :func:`align` stage (pairwise overlaps
between fragments) and the merger (a fragment against the text assembled so
far).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import regex
from rapidfuzz.distance import Indel
from rapidfuzz.fuzz import partial_ratio

from fragmerge.models import Fragment, Options, Overlap
from fragmerge.text import (
    SPACE_RUN,
    Unit,
    View,
    build_view,
    code_ranges,
    front_matter_end,
    goes_on_from,
    has_no_space_script,
    split_units,
)

__all__ = [
    "Alignment",
    "Prepared",
    "align",
    "conflicts",
    "find_overlap",
    "find_restatement",
    "prepare",
]

SEED_LEN = 12  # view characters per seed key
_MAX_KEY_HITS = 16  # keys repeated more often than this are scaffolding, not evidence
_CHUNK = 12_000  # longest window handed to rapidfuzz at once
_FIRST_CHUNK = 384  # the first window: enough to reject a wrong candidate cheaply
_SLACK = 48  # extra view characters on the target side of a window
_NEAR_SLACK = 4  # ... for a short head aligned right before its anchor
_MIN_BLOCK = 6  # shorter equal runs are coincidence, not alignment
_DIVERGENCE_GAP = 160  # a gap this long on both sides ends an alignment
_END_TOLERANCE = 24  # view characters that may trail unmatched at an end
_HEAD_TOLERANCE = 24
SHORT_OVERLAP_MAX = 200  # view characters of a text's end a short exact overlap is looked for in
_TINY_WINDOW = 4000  # how far back a piece too short to seed is looked for
_MIN_CUT_TAIL = 4  # view characters of a cut unit whose end is looked for in a piece's head
_CUT_TAIL_WINDOW = 200  # ... within this many view characters of the piece's start
_SHORT_HEAD = 8  # view characters before them short enough to restate with drift, unaligned
_SHORT_HEAD_SLACK = 4  # ... looked for among this many more characters before the cut
_HEAD_SEEDS = 96  # seeds from the start of a fragment that propose where it resumes
_MARK_MAX = 16  # raw characters before a heading's words that may hold its mark ("#### **")
_MAX_PARTNERS = 4  # fragments verified against each fragment in the pairwise stage


@dataclass(frozen=True, slots=True)
class Prepared:
    """A fragment ready for alignment: its view, units and seed keys."""

    index: int
    base: int  # input offset of the fragment's first character
    text: str
    view: View
    units: tuple[Unit, ...]  # offsets relative to ``text``
    unit_starts: tuple[int, ...]  # units[i].start, for bisection
    unit_vstarts: tuple[int, ...]  # first view position of each unit
    unit_vends: tuple[int, ...]  # view position just past each unit
    seeds: tuple[tuple[str, int], ...]  # (key, view position)
    trailing_break: bool  # the input has a blank line right after this fragment
    code: tuple[tuple[int, int], ...] = ()  # view ranges of code blocks and code spans

    def unit_at(self, vpos: int) -> int:
        """Index of the unit holding view position ``vpos`` (the last unit past the end)."""
        from bisect import bisect_right

        i = bisect_right(self.unit_vstarts, vpos) - 1
        # units without letters ("(...)") share their view start with the next unit
        while i > 0 and self.unit_vstarts[i - 1] == self.unit_vstarts[i] == vpos:
            i -= 1
        return max(0, i)


def _seeds(
    view: str, vstarts: Sequence[int], vends: Sequence[int], runs: Sequence[int]
) -> tuple[tuple[str, int], ...]:
    """Seed keys: the start and end of every unit, and inside long units keys at
    word/clause starts chosen by their content, so that two copies pick the same
    keys even when one starts in the middle of a unit."""
    from bisect import bisect_right

    out: list[tuple[str, int]] = []
    for s, e in zip(vstarts, vends, strict=True):
        if s + SEED_LEN <= len(view):
            # a short unit's key runs on into the next unit: short sentences seed too
            out.append((view[s : s + SEED_LEN], s))
        if e - s < SEED_LEN:
            continue
        last = s
        for r in range(bisect_right(runs, s), len(runs)):
            p = runs[r]
            if p > e - SEED_LEN:
                break
            c = view[p]
            # every clause start in scripts without spaces; about one word in three elsewhere
            if (c.isascii() and (ord(c) + 3 * ord(view[p + 1])) % 3) or p - last < 8:
                continue
            out.append((view[p : p + SEED_LEN], p))
            last = p
        if e - SEED_LEN > s:
            out.append((view[e - SEED_LEN : e], e - SEED_LEN))
    return tuple(out)


def prepare(fragment: Fragment, draft: str | None = None) -> Prepared:
    """Build the view, units and seeds of one fragment.

    ``draft`` (the whole input) lets the fragment know whether a blank line
    follows it, which counts as a paragraph break at a join.
    """
    from bisect import bisect_left

    text = fragment.text
    units: list[Unit] = []
    # Front matter is metadata: it may legitimately restate the article, so it never aligns.
    body = front_matter_end(text) if fragment.start == 0 else 0
    view = build_view(text, body)
    if body:
        units.append(Unit(0, body - 1 if text[body - 1] == "\n" else body, "front_matter"))
    units.extend(split_units(text, body))
    vstarts = tuple(bisect_left(view.offsets, u.start) for u in units)
    vends = tuple(bisect_left(view.offsets, u.end) for u in units)
    trailing = False
    if draft is not None:
        after = draft[fragment.end : fragment.end + 400]
        stripped = after.lstrip(" \t\r\n")
        gap = after[: len(after) - len(stripped)]
        trailing = gap.count("\n") >= 2 or not stripped
    return Prepared(
        index=fragment.index,
        base=fragment.start,
        text=text,
        view=view,
        units=tuple(units),
        unit_starts=tuple(u.start for u in units),
        unit_vstarts=vstarts,
        unit_vends=vends,
        seeds=_seeds(view.chars, vstarts, vends, view.runs),
        trailing_break=trailing,
        code=tuple(
            (bisect_left(view.offsets, s), bisect_left(view.offsets, e))
            for s, e in code_ranges(text, units)
        ),
    )


# ------------------------------------------------------------------ alignment core

Block = tuple[int, int, int]  # (target position, query position, length)


@dataclass(frozen=True, slots=True)
class Alignment:
    """How a query text (fragment B) lies on a target text (A), in view positions.

    ``a_start``/``b_start`` is the first aligned pair, ``a_end``/``b_end`` the
    pair just past the last; ``kind`` says whether B runs past A's end
    (dovetail) or stops inside it (containment).
    """

    kind: Literal["dovetail", "containment"]
    a_start: int
    b_start: int
    a_end: int
    b_end: int
    blocks: tuple[Block, ...]
    score: float
    exact_short: bool = False  # found by the exact suffix/prefix fallback

    def a_to_b(self, apos: int) -> int:
        """Query position aligned to target position ``apos`` (interpolated in gaps)."""
        prev_end_a, prev_end_b = self.a_start, self.b_start
        for a, b, n in self.blocks:
            if apos < a:
                # in the gap before this block: keep distance to the block start
                return max(prev_end_b, b - (a - apos))
            if apos < a + n:
                return b + (apos - a)
            prev_end_a, prev_end_b = a + n, b + n
        return prev_end_b + (apos - prev_end_a)


def _equal_blocks(a: str, b: str, a_off: int, b_off: int) -> list[Block]:
    blocks: list[Block] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            blocks.append((a_off + op.src_start, b_off + op.dest_start, op.src_end - op.src_start))
    return blocks


def _align_forward(
    get_a: Callable[[int, int], str], len_a: int, b: str, pa: int, room: int = 1
) -> list[Block]:
    """Align ``b`` (from its start) against the target from ``pa`` on, chunk by chunk.

    Chunks start small and double, so a wrong candidate is rejected after a few
    hundred characters; a chunk that is mostly unmatched ends the alignment.
    Where the target ends within a chunk, the chunk takes ``room`` times the
    target's rest of the query (more than once for a copy with sentences inserted).
    """
    blocks: list[Block] = []
    pb = 0
    len_b = len(b)
    a_from = pa  # anchored: ``b[0]`` is known to sit at ``pa``
    size = _FIRST_CHUNK
    while pb < len_b and a_from < len_a:
        nb = min(len_b - pb, size)
        if len_a - pa <= nb + _SLACK:
            # the target ends within this window: take enough query to cover it all
            nb = min(len_b - pb, room * (len_a - pa) + _SLACK)
        a_to = min(len_a, pa + nb + _SLACK)
        eq = _equal_blocks(get_a(a_from, a_to), b[pb : pb + nb], a_from, pb)
        eq = [blk for blk in eq if blk[2] >= _MIN_BLOCK]
        if not eq or sum(n for _, _, n in eq) * 2 < min(nb, a_to - pa):
            blocks.extend(eq)
            break
        final = pb + nb >= len_b or a_to >= len_a
        if final:
            blocks.extend(eq)
            break
        horizon = pb + (nb * 3) // 4
        commit = [blk for blk in eq if blk[1] + blk[2] <= horizon] or eq[:1]
        blocks.extend(commit)
        last = commit[-1]
        pa, pb = last[0] + last[2], last[1] + last[2]
        a_from = pa
        size = min(size * 2, _CHUNK)
    return _significant(blocks)


def _significant(blocks: list[Block]) -> list[Block]:
    """Drop coincidental short matches and stop at the first real divergence."""
    merged: list[Block] = []
    for a, b, n in blocks:
        if merged:
            pa, pb, pn = merged[-1]
            if pa + pn == a and pb + pn == b:
                merged[-1] = (pa, pb, pn + n)
                continue
        merged.append((a, b, n))
    kept: list[Block] = []
    for a, b, n in merged:
        if n < _MIN_BLOCK:
            continue
        if kept:
            ka, kb, kn = kept[-1]
            if a - (ka + kn) > _DIVERGENCE_GAP and b - (kb + kn) > _DIVERGENCE_GAP:
                break
        kept.append((a, b, n))
    return kept


def _tail_blocks(get_a: Callable[[int, int], str], len_a: int, b: str, last: Block) -> list[Block]:
    """Short matches between the last block and the target's end, when drift left
    only a few characters there ("…上下文依|赖规则变" / "…上下文依|の赖规则变量"):
    too short to count as blocks alone, but the copy plainly runs on to the cut."""
    a_last, b_last, n_last = last
    a_from, b_from = a_last + n_last, b_last + n_last
    if not 0 < len_a - a_from <= _END_TOLERANCE:
        return []
    a_tail = get_a(a_from, len_a)
    if b.startswith(a_tail, b_from):
        # the tail goes on word for word, however short: the opcodes paired its last
        # letters with later ones ("…doesn|t" / "…doesn|thave", the "t" of "have")
        return [(a_from, b_from, len(a_tail))]
    b_window = b[b_from : b_from + len(a_tail) + 4]
    eq = _equal_blocks(a_tail, b_window, a_from, b_from)
    # all but one character of the tail must match, right after the last block
    # (look-alike template lines differ by a short token: "….xz" / "….zip")
    matched = sum(n for _, _, n in eq)
    if matched < max(3, len(a_tail) - 1) or eq[0][0] - a_from > 1:
        return []
    return eq


def _close_gaps(get_a: Callable[[int, int], str], b: str, blocks: list[Block]) -> list[Block]:
    """Blocks with a block that goes on right where the one before it ends in the
    target, but further on in the query, moved to go on in the query too, where its
    text stands there as well: of equal matches the opcodes may pick a later one
    ("…in june the vscode" paired with "…blog vscode", past "vscode go extension …"
    right after "in june the"), leaving a false gap and the copy's end misplaced.

    Likewise a few target characters left between two blocks that the query's gap
    opens with: the opcodes may pair the end of a word with letters of a sentence
    the copy inserted there ("…beforeav|ote|comments" / "…beforeav|otequorum…|
    comments"), leaving the inserted sentence's start inside the word.

    >>> _close_gaps(lambda s, e: "abcxyz"[s:e], "abcxyzqqxyz", [(0, 0, 3), (3, 8, 3)])
    [(0, 0, 6)]
    >>> _close_gaps(lambda s, e: "abcdxyz"[s:e], "abcdqqxyz", [(0, 0, 3), (4, 6, 3)])
    [(0, 0, 4), (4, 6, 3)]
    """
    out = blocks[:1]
    for a2, b2, n2 in blocks[1:]:
        a1, b1, n1 = out[-1]
        if a2 == a1 + n1 and b2 > b1 + n1 and b[b1 + n1 : b1 + n1 + n2] == get_a(a2, a2 + n2):
            out[-1] = (a1, b1, n1 + n2)
            continue
        left = get_a(a1 + n1, a2)
        if 0 < len(left) < b2 - (b1 + n1) and b.startswith(left, b1 + n1):
            out[-1] = (a1, b1, n1 + len(left))
        out.append((a2, b2, n2))
    return out


def _score(blocks: Sequence[Block], a_span: int, b_span: int) -> float:
    matched = sum(n for _, _, n in blocks)
    longest = max(a_span, b_span, 1)
    return round(100.0 * min(1.0, matched / longest), 2)


def _align_backward(get_a: Callable[[int, int], str], a_end: int, b_head: str) -> list[Block]:
    """Align ``b_head`` so that it ends at target position ``a_end`` (forward pass mirrored)."""
    if not b_head:
        return []
    n_b = len(b_head)

    def aligned(slack: int) -> list[Block]:
        a_rev = get_a(max(0, a_end - n_b - slack), a_end)[::-1]
        rev = _align_forward(lambda s, e: a_rev[s:e], len(a_rev), b_head[::-1], 0)
        return sorted((a_end - (a + n), n_b - (b + n), n) for a, b, n in rev)

    # A short head that drifted by a character or two is aligned right before the
    # anchor first: in a wide window its letters may pair up with an earlier look-alike
    # ("goalsoftheepypa" with the "goals of" of a sentence before "Goals of the PyPA")
    # (from its first character, for at least half of it)
    if n_b <= _SLACK:
        near = aligned(_NEAR_SLACK)
        if near and near[0][1] == 0 and 2 * sum(n for _, _, n in near) >= n_b:
            return near
    return aligned(_SLACK)


def verify(
    get_a: Callable[[int, int], str],
    len_a: int,
    b: str,
    anchor: tuple[int, int],
    *,
    min_score: float,
    room: int = 1,
) -> Alignment | None:
    """Extend the exact seed match ``anchor`` (target pos, query pos) both ways; classify it.

    ``room``: how many times the target's rest the query may take to restate it.
    """
    anchor_a, anchor_b = anchor
    if not (0 <= anchor_a <= len_a and 0 <= anchor_b <= len(b)):
        return None
    span_b = min(len(b) - anchor_b, room * (len_a - anchor_a) + _SLACK)
    forward = _align_forward(get_a, len_a, b[anchor_b : anchor_b + span_b], anchor_a, room)
    forward = [(a, bb + anchor_b, n) for a, bb, n in forward]
    backward = _align_backward(get_a, anchor_a, b[:anchor_b])
    blocks = _significant(sorted(backward + forward))
    if not blocks:
        return None
    blocks += _tail_blocks(get_a, len_a, b, blocks[-1])
    blocks = _close_gaps(get_a, b, blocks)
    a0, b0, _ = blocks[0]
    a_last, b_last, n_last = blocks[-1]
    a_end, b_end = a_last + n_last, b_last + n_last
    if b0 > _HEAD_TOLERANCE + b0 // 10:
        return None  # the query's start is not on the target here
    a_start = max(0, a0 - b0)
    a_left = len_a - a_end
    b_left = len(b) - b_end
    if a_left <= _END_TOLERANCE:
        kind: Literal["dovetail", "containment"] = "dovetail" if b_left > a_left else "containment"
    elif b_left <= _END_TOLERANCE:
        kind = "containment"
    elif room == 1:
        # both go on differently: a shared passage, not a restart; or an expanded
        # regeneration, whose inserted sentences took the query's room to reach the
        # target's end: aligned again with twice the room, it runs to the end
        return verify(get_a, len_a, b, anchor, min_score=min_score, room=_EXPANDED_ROOM)
    else:
        return None
    # Unmatched ends count against the score: the target's tail for a restart,
    # the query's tail for a copy that stops inside the target.
    if kind == "dovetail":
        score = _score(blocks, len_a - a_start, b_end + a_left)
        covered = _score(blocks, len_a - a_start, 0)
    else:
        score = _score(blocks, a_end - a_start, len(b))
        covered = _score(blocks, a_end - a_start, 0)
    # An expanded regeneration (sentences inserted into the copy) covers the
    # target's text although it is longer: accept it on the target's coverage as
    # long as most of the copy is matched too.
    expanded = (
        # (restating it to its end: the copy may stop there too)
        (kind == "dovetail" or a_left <= _END_TOLERANCE)
        and b0 <= 2
        and len_a - a_start >= _MIN_EXPANDED
        and covered >= min_score
        and score >= 50
    )
    # A short restart with a changed word ("many" / "numerous") runs exactly to the
    # cut, from the copy's start, with only word-sized gaps: drift, however short
    # (unless the caller asked for closer copies than the default score does).
    reworded = (
        min_score <= _DEFAULT_MIN_SCORE
        and kind == "dovetail"
        and b0 == 0
        and a_left == 0
        and sum(n for _, _, n in blocks) >= 2 * SEED_LEN
        and all(
            a2 - (a1 + n1) <= _CONFLICT_GAP and b2 - (b1 + n1) <= _CONFLICT_GAP
            for (a1, b1, n1), (a2, b2, _) in itertools.pairwise(blocks)
        )
    )
    if score < min_score and not (expanded or reworded):
        return None
    if room > 1 and (
        covered < CLOSE_COPY
        or any(
            a2 - (a1 + n1) > _CONFLICT_GAP for (a1, _, n1), (a2, _, _) in itertools.pairwise(blocks)
        )
    ):
        # (given more room, a copy must restate all the target, inserting only, a word
        # changed at most: a piece that goes on differently, "MDRサービスは…" written on
        # another way, restates most of it too, and its last words may pair up with
        # the target's by chance)
        return None
    return Alignment(kind, a_start, 0, a_end, b_end, tuple(blocks), score)


def short_overlap(a_tail: str, b: str, *, min_len: int) -> int:
    """Length of the longest suffix of ``a_tail`` that is a prefix of ``b``.

    Overlaps shorter than ``min_len`` count as none (0).

    >>> short_overlap("いう悲観的な", "悲観的な未来", min_len=2)
    4
    """
    limit = min(len(a_tail), len(b), SHORT_OVERLAP_MAX)
    for k in range(limit, min_len - 1, -1):
        if a_tail.endswith(b[:k]):
            return k
    return 0


def candidates(
    seeds: Iterable[tuple[str, int]], lookup: Callable[[str], Sequence[int]], *, limit: int = 6
) -> list[tuple[int, int]]:
    """Exact seed matches ``(target pos, query pos)`` to extend, one per diagonal cluster.

    The best supported clusters come first, then the latest ones: a restart
    resumes shortly before the end, where few seeds may vote if the copied
    stretch is short while the same passage also stands (with many votes)
    further back. Each cluster is represented by its match nearest the query's
    start.
    """
    votes: dict[int, int] = defaultdict(int)
    first_hit: dict[int, tuple[int, int]] = {}
    for key, bpos in seeds:
        # Keys repeated very often (scaffolding, a repeated article) only vote
        # with their latest occurrences: a restart resumes near the end.
        for apos in lookup(key)[-_MAX_KEY_HITS:]:
            diagonal = apos - bpos
            votes[diagonal] += 1
            if diagonal not in first_hit or bpos < first_hit[diagonal][1]:
                first_hit[diagonal] = (apos, bpos)
    if not votes:
        return []
    diagonals = sorted(votes)
    clusters: list[tuple[int, int, tuple[int, int]]] = []  # (support, diagonal, anchor)
    start = 0
    for i in range(1, len(diagonals) + 1):
        if i == len(diagonals) or diagonals[i] - diagonals[i - 1] > 24:
            group = diagonals[start:i]
            support = sum(votes[d] for d in group)
            anchor = min((first_hit[d] for d in group), key=lambda h: h[1])
            clusters.append((support, max(group), anchor))
            start = i
    by_support = [c[2] for c in sorted(clusters, key=lambda c: (-c[0], -c[1]))[:limit]]
    latest = [c[2] for c in sorted(clusters, key=lambda c: -c[1])[: max(2, limit // 2)]]
    return by_support + [a for a in latest if a not in by_support]


# Words whose presence on one side only turns a statement around.
_NEGATIONS = (
    "not", "never", "cannot", "nt", "no", "none", "nor", "neither", "without",
    "ない", "ません", "ず", "なかった", "ぬ", "不", "没", "沒", "未", "别", "無", "无", "非",
)  # fmt: skip


def conflicts(
    get_a: Callable[[int, int], str],
    b: str,
    found: Alignment,
    len_a: int | None = None,
    b_code: Sequence[tuple[int, int]] = (),
) -> list[tuple[str, str]]:
    """Where two aligned copies differ in a number, a negation or code: a conflict, not drift.

    Returns the differing stretches (target view, query view). With the target's
    length ``len_a``, a number the target ends in (a cut one, "…/submissions/361")
    must also begin the copy's number at that place ("…/submissions/36193754"),
    not differ from it ("…/submissions/36291433": a look-alike line). Code is never
    drifted: with the query's code ranges ``b_code`` (view positions), a difference
    inside code that the copies match up to is a conflict too (``init-author-url``
    / ``init-author-name``: another option, not a reworded one).

    >>> a = "in2025thecompanyspent"
    >>> found = Alignment("containment", 0, 0, 21, 21, ((0, 0, 5), (6, 6, 15)), 95.0)
    >>> conflicts(lambda s, e: a[s:e], "in2026thecompanyspent", found)
    [('5', '6')]
    """
    out: list[tuple[str, str]] = []
    blocks = list(found.blocks)
    if not blocks:
        return out
    # the stretches before the first and after the last matched block count too
    a0, b0, _ = blocks[0]
    blocks.insert(0, (a0 - b0, 0, 0))
    a_end, b_end = found.a_end, found.b_end
    a_last, b_last, n_last = blocks[-1]
    tail = min(a_end - (a_last + n_last), len(b) - (b_last + n_last))
    if tail > 0:
        blocks.append((a_last + n_last + tail, b_last + n_last + tail, 0))
    del a_end, b_end
    for (a1, b1, n1), (a2, b2, n2) in itertools.pairwise(blocks):
        a_gap, b_gap = get_a(a1 + n1, a2), b[b1 + n1 : b2]
        if not a_gap and not b_gap:
            continue
        # widen to whole numbers ("2025" vs "2026" differ only in the last digit),
        # into the matched blocks on either side only: the same text on both sides
        left, right = min(8, n1), min(8, n2)
        a_num = _DIGIT_RUN.findall(get_a(a1 + n1 - left, a2 + right))
        b_num = _DIGIT_RUN.findall(b[b1 + n1 - left : b2 + right])
        if max(len(a_gap), len(b_gap)) > _CONFLICT_GAP:
            continue  # an inserted or rewritten sentence, not a changed number or word
        if not (n1 and n2):
            # Before the first or after the last block the target's side is only a
            # guess of the same length: compare the numbers in the stretches alone,
            # and only a number on both sides ("2025" / "2026") proves anything.
            a_num, b_num = _DIGIT_RUN.findall(a_gap), _DIGIT_RUN.findall(b_gap)
            if not (a_num and b_num):
                a_num = b_num
        if (
            a_num != b_num
            or _negation_flip(a_gap, b_gap)
            or (n1 and n2 and _inside_code(b_code, b1 + n1, b2))
        ):
            out.append((a_gap, b_gap))
    if len_a is not None and found.kind == "dovetail" and not found.exact_short:
        out.extend(_cut_number_differs(get_a, len_a, b, found))
    return out


def _inside_code(code: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether view stretch ``start``-``end`` lies in one code range that begins
    before it (the copies matched some of that code first) and goes on past its
    start (a word dropped right after a code span is prose)."""
    from bisect import bisect_left

    k = bisect_left(code, (start, start)) - 1
    return k >= 0 and code[k][0] < start < code[k][1] and end <= code[k][1]


def _cut_number_differs(
    get_a: Callable[[int, int], str], len_a: int, b: str, found: Alignment
) -> list[tuple[str, str]]:
    """The number the target ends in, unmatched after the copy's last block, if the
    copy's number there does not begin with it."""
    a_tail = get_a(found.a_end, len_a)
    head = _DIGIT_RUN.match(a_tail)
    if head is None or head.end() != len(a_tail):
        return []
    # the matched digits right before belong to the same number on both sides
    left = _DIGIT_TAIL.search(get_a(max(0, found.a_end - 8), found.a_end))
    shared = left.group() if left else ""
    b_head = _DIGIT_RUN.match(b, found.b_end)
    b_number = shared + (b_head.group() if b_head else "")
    if b_head is None or b_number.startswith(shared + a_tail):
        return []
    return [(a_tail, b_head.group())]


def _negation_flip(a_gap: str, b_gap: str) -> bool:
    """Whether two differing stretches differ by a negation ("do" / "do not").

    A negation counts when it is all one side adds ("" / "not", "can" / "cannot")
    or all a side says ("never" / "always"): a changed word that merely contains
    the letters ("important" / "crucial") is drift.

    >>> _negation_flip("", "not"), _negation_flip("never", "always")
    (True, True)
    >>> _negation_flip("importantt", "crucialt")
    False
    >>> _negation_flip("不", ""), _negation_flip("非常", "很")
    (True, False)
    """

    def says(gap: str, other: str, word: str) -> bool:
        # the gap is the word, or the other side's text with the word before or after it
        return gap in (word, word + other, other + word)

    return any(says(a_gap, b_gap, w) != says(b_gap, a_gap, w) for w in _NEGATIONS)


_DIGIT_RUN = regex.compile(r"\d+")
_DIGIT_TAIL = regex.compile(r"\d+\Z")
# a line's indentation, or its line-block or quote mark, right before ("\n  ", "\n| ")
_INDENTED_LINE_BEFORE = regex.compile(r"\n(?:[ \t]+|[ \t]*[|>][ \t]*)\Z")
_EMPHASIS = regex.compile(r"[*_]+")  # bold or italic marks alone
LEADING_ELLIPSIS = regex.compile(r"(?:\.{2,}|…+|‥+)\s*")  # a resume's "..." before its words
_LINE_BEFORE = regex.compile(r"\n[ \t]*\Z")  # a line's start, right before
_SPACE_BEFORE = regex.compile(r"\s\Z")  # a word's start, right before
# a sentence ends right before: a stop, closing quotes or brackets, and a space
# (none needed after a CJK stop)
STOP_BEFORE = regex.compile(r"(?:[.!?][\p{Pe}\p{Pf}\"']*\s+|[。！？][\p{Pe}\p{Pf}]*\s*)\Z")
_CONFLICT_GAP = 12  # longer differing stretches are rewording, not a flipped number or word
_EXPANDED_ROOM = 2  # times the target's rest an expanded regeneration may take to restate it
_MIN_EXPANDED = 150  # view characters an expanded regeneration must restate at least
CLOSE_COPY = 95.0  # score of a copy that differs by drift only
LOOK_ALIKE_BLOCKS = 4  # equal runs of a loose copy that differs all along (a look-alike)
_RECENT = 20_000  # view characters back from the end that a redundant piece restates
_DEFAULT_MIN_SCORE: float = Options.model_fields["min_score"].default
_MIN_RESTATED = 48  # view characters a second continuation must restate before it goes on


def _rank(found: Alignment, len_a: int) -> tuple[bool, bool, bool, int, float, int, int]:
    # Copies that reach the target's end first (restarts, and redundant pieces
    # cut where the target is cut); a seeded (long) overlap before a short exact
    # one; then among close copies (drift only) the one that restates more. Two
    # copies that both run through the target's end and differ in length cannot
    # both be right, and the longer one ("### Differences from C … ### Differences
    # from C++ Unlike", with drift) explains more than a perfect short one ("###
    # Differences from C++ Unlike"). A looser copy is a look-alike block further
    # back ("{{ release.size.xz }}" / "{{ release.size.zip }}"): the best score wins.
    # A loose copy that differs all along, in several places, is a look-alike block
    # too ("* <{{ release.url.gz }}>" … "SHA512: {{ release.sha512.gz }}" / the same
    # with "xz"): a short exact meet at the cut beats it; drift is a place or two.
    close = found.score >= CLOSE_COPY
    return (
        found.kind == "dovetail" or found.a_end >= len_a - _END_TOLERANCE,
        not found.exact_short and (close or len(found.blocks) < LOOK_ALIKE_BLOCKS),
        close,
        sum(n for _, _, n in found.blocks) if close else 0,
        found.score,
        found.b_end,
        found.a_start,
    )


def _line_before(raw_before: Callable[[int, int], str], vpos: int) -> str:
    """The raw text of the line before view position ``vpos``, from the line's start
    (at most ``SHORT_OVERLAP_MAX`` characters back)."""
    return raw_before(vpos, SHORT_OVERLAP_MAX).rsplit("\n", 1)[-1]


def _marked_unit_as_prose(
    b: Prepared,
    heading: str,
    len_a: int,
    a_raw_before: Callable[[int, int], str] | None,
) -> bool:
    """Whether ``b`` opens with the words of the heading (or finished list item)
    that ends the target, of ``heading_len`` view characters, inside a longer unit,
    without its mark: a paragraph that opens by restating its section's title ("###
    When `x` is set to zero" | "When `x` is set to zero, a redirect fails …"), a
    subsection ("## Upgrading" | "### Upgrading with the installer"), or an entry
    ("* `prepare`" | "`prepare` runs only when …"), not a restart of it. A bold label
    restated with its text ("**11:00 a.m.:**" | "**11:00 a.m.:** After …") keeps
    its mark. ``heading`` is that unit's view.

    A piece opening with other words is none of these: "</aside>" "## 维" | "</aside>
    ## 维护者活动情况" restarts the line before the cut heading too."""
    heading_len = len(heading)
    if not (b.units and b.view.offsets and 0 < heading_len < b.unit_vends[0]):
        return False
    if not b.view.chars.startswith(heading):
        return False
    if a_raw_before is None:
        return False
    a_mark = a_raw_before(len_a - heading_len, _MARK_MAX).rsplit("\n", 1)[-1].strip()
    b_mark = b.text[: b.view.offsets[0]].rsplit("\n", 1)[-1].strip()
    return a_mark != b_mark


def _line_goes_on(a_raw_before: Callable[[int, int], str] | None, len_a: int, b: Prepared) -> bool:
    """Whether the target's last line, of three characters or more with its mark,
    opens ``b``'s first line, which goes on ("> 嗨!" | "> 嗨! 你知道嘛? …"). Not a
    heading: "## Install" | "## Install from source" are two titles."""
    if a_raw_before is None:
        return False
    before = a_raw_before(len_a, 4 * SEED_LEN).rstrip()
    if "\n" not in before:
        return False  # (the line may begin further back, or in an earlier piece)
    last_line = before.rsplit("\n", 1)[1].strip()
    b_line = b.text.lstrip().split("\n", 1)[0].rstrip()
    return (
        len(last_line) >= 3
        and not last_line.startswith("#")
        and b_line.startswith(last_line)
        and len(b_line) > len(last_line)
    )


def _raw_copy(
    a_raw_from: Callable[[int], str] | None, apos: int, b: Prepared, bpos: int = 0
) -> bool:
    """Whether ``b``'s raw text from view position ``bpos`` begins with the target's
    raw text from view position ``apos`` (spacing aside), for up to two seeds' length:
    the views of different text may be alike ("…default-subnet --availability-zone" /
    '"Subnet": { "AvailabilityZone"').

    >>> from fragmerge import segment
    >>> b = prepare(segment("us-east-2a is it")[0])
    >>> _raw_copy(lambda pos: "zone us-east-2a"[pos:], 5, b)
    True
    >>> _raw_copy(lambda pos: "Zone: us-east"[pos:], 0, b)
    False
    """
    if a_raw_from is None or bpos >= len(b.view.offsets):
        return False
    a_raw = SPACE_RUN.sub(" ", a_raw_from(apos))
    b_raw = SPACE_RUN.sub(" ", b.text[b.view.offsets[bpos] :])
    n = min(len(a_raw), 2 * SEED_LEN)
    return n >= _MIN_CUT_TAIL and b_raw[:n] == a_raw[:n]


def find_overlap(
    get_a: Callable[[int, int], str],
    len_a: int,
    lookup: Callable[[str], Sequence[int]],
    b: Prepared,
    *,
    min_score: float,
    a_tail_incomplete: bool,
    last_unit_len: int = 0,
    a_raw_before: Callable[[int, int], str] | None = None,
    a_raw_from: Callable[[int], str] | None = None,
    a_tail_marked: bool = False,
    doubtful: Callable[[Alignment], bool] | None = None,
) -> Alignment | None:
    """Where query ``b`` lies on the target, or None if it repeats nothing there.

    ``a_tail_incomplete`` says the target ends with an unfinished unit of
    ``last_unit_len`` view characters, which admits very short exact overlaps;
    ``a_raw_before(pos, n)`` gives up to ``n`` raw characters before target view
    position ``pos`` (to tell a word or sentence start from a word middle);
    ``a_raw_from(pos)`` the raw text from view position ``pos`` to the end;
    ``a_tail_marked`` says that unit is a heading or a finished list item, whose
    mark a restart restates; alignments ``doubtful``
    says are suspect (they disagree on a number) are taken only if nothing else fits.
    """
    found = [
        hit
        for anchor in candidates(b.seeds[:_HEAD_SEEDS], lookup)
        if (hit := verify(get_a, len_a, b.view.chars, anchor, min_score=min_score)) is not None
    ]
    if a_tail_incomplete and last_unit_len > 0 and len(b.view.chars) >= SEED_LEN:
        # A restart from inside the cut unit, looked for directly: inside a long unit
        # the seeds are a sample, which may miss the restart's first words
        # ("…，[#17004](…)，" | "([#14717](…)，…": a restart from the item's links).
        inside = get_a(len_a - last_unit_len, len_a).rfind(b.view.chars[:SEED_LEN])
        # (at 0 the unit's own seed proposed it; and the restart is word for word, in
        # raw text too: "…default-subnet --availability-zone" is no copy of '"Subnet":
        # { "AvailabilityZone"', however alike their views)
        if inside > 0 and _raw_copy(a_raw_from, len_a - last_unit_len + inside, b):
            anchor = (len_a - last_unit_len + inside, 0)
            hit = verify(get_a, len_a, b.view.chars, anchor, min_score=min_score)
            if hit is not None and hit not in found:
                found.append(hit)
    if not found and a_tail_incomplete and last_unit_len >= SEED_LEN:
        # A restart of the cut unit whose first words drifted ("* 添加の新的流式渲染器。
        # ([#14144](…)，…" of "* 添加新的…"): its first seeds that stand once in the
        # unit place it, where a list of look-alike links outvotes them in the index.
        unit = get_a(len_a - last_unit_len, len_a)
        for key, bpos in b.seeds[:_HEAD_SEEDS]:
            if bpos > 4 * SEED_LEN:
                break
            inside = unit.find(key)
            if inside < 0 or unit.find(key, inside + 1) >= 0:
                continue
            apos = len_a - last_unit_len + inside
            if _raw_copy(a_raw_from, apos, b, bpos):
                hit = verify(get_a, len_a, b.view.chars, (apos, bpos), min_score=min_score)
                if hit is not None:
                    found.append(hit)
            break
    if not found and a_tail_incomplete and last_unit_len > 0:
        # A restart that drifted before the cut's last words, which stand early in
        # the piece ("### 影响 为什么说这个项目有实际用处？你的用户或" | "### 影响
        # 为什么说这个项目实际用处？你的用户或潜在的…"): too short a copy for seeds
        # (a fallback: a seeded alignment knows better where the copy begins).
        # (a cut unit of a character or two, "- 業務", with the end of the line before:
        # "**期待効果:**" "- 業務" | "**期効果:**" "- 業務プロセス…")
        cut_tail = get_a(len_a - max(_MIN_CUT_TAIL, min(last_unit_len, SEED_LEN)), len_a)
        at = b.view.chars.find(cut_tail, 0, _CUT_TAIL_WINDOW)
        short_unit = at < 0 and last_unit_len < SEED_LEN
        if short_unit:
            # (a unit shorter than a seed may have drifted in its first words too: "了解
            # sort的参数。显" | "了解の sort 的参数。显示…"; its last two thirds will do)
            cut_tail = get_a(len_a - max(_MIN_CUT_TAIL, 2 * last_unit_len // 3), len_a)
            at = b.view.chars.find(cut_tail, 0, _CUT_TAIL_WINDOW)
        if at > 0 and _raw_copy(a_raw_from, len_a - len(cut_tail), b, at):
            # (the piece's words before them restate the text before the cut, most of
            # them: "run" of "Run the installer" is no copy of "### Upgrading with"; or,
            # too short for a block, a drifted copy of them: "**対**:" of "**対策**:",
            # "**主要ツのール:**" of "**主要ツール:**")
            before_tail = get_a(
                max(0, len_a - len(cut_tail) - at - _SHORT_HEAD_SLACK), len_a - len(cut_tail)
            )
            drifted_head = at <= _SHORT_HEAD and partial_ratio(b.view.chars[:at], before_tail) >= 80
            anchor = (len_a - len(cut_tail), at)
            hit = verify(
                get_a, len_a, b.view.chars, anchor, min_score=0 if short_unit else min_score
            )
            rescore = short_unit
            # (a head word for word is no drift: the exact meet at the cut decides, "…as
            # the working group's" | "The working group's mandate…" is met by chance)
            if hit is None and drifted_head and not before_tail.endswith(b.view.chars[:at]):
                # (a cut unit shorter than a block is all the copy has word for word:
                # "**対策:**" "- RAG（検索" | "**対の策:**" "- RAG（検索拡張生成）…")
                whole = at + len(cut_tail)
                hit = verify(get_a, len_a, b.view.chars, anchor, min_score=0) or Alignment(
                    "dovetail" if len(b.view.chars) > whole else "containment",
                    max(0, len_a - whole),
                    0,
                    len_a,
                    whole,
                    ((len_a - len(cut_tail), at, len(cut_tail)),),
                    0.0,
                )
                rescore = True
            if rescore and hit is not None:
                # (too short for the blocks to score it: the whole unit, or the drifted
                # words and the cut's, against the piece's head, which must read as the
                # same words)
                start = len_a - (last_unit_len if short_unit else len(cut_tail) + at)
                head = b.view.chars[: at + len(cut_tail)]
                score = round(100 * Indel.normalized_similarity(get_a(start, len_a), head), 2)
                hit = replace(hit, score=score) if score >= min_score else None
            restated = sum(min(n, at - bb) for _, bb, n in hit.blocks if bb < at) if hit else 0
            # (a piece that is all such a copy is a redundant one: "Abstract" "===" "This"
            # | "Astract" "===" "This")
            whole_piece = hit is not None and hit.b_end == len(b.view.chars)
            if (
                hit is not None
                and (hit.kind == "dovetail" or whole_piece)
                and (2 * restated >= at or drifted_head)
            ):
                found.append(hit)
    # A short exact overlap right at the cut ("…悲観的な" / "悲観的な未来…"), or a
    # whole unfinished unit shorter than a seed ("## 影響を受けるバー" / "## 影響を受ける
    # バージョン"): too short for seeds, and easily outvoted by an older copy of
    # the same passage further back, so it is always looked for.
    marked_as_prose = a_tail_marked and _marked_unit_as_prose(
        b, get_a(len_a - last_unit_len, len_a), len_a, a_raw_before
    )
    if marked_as_prose:
        found = [f for f in found if f.a_start != len_a - last_unit_len]
    tail = get_a(max(0, len_a - SHORT_OVERLAP_MAX), len_a)
    k = short_overlap(tail, b.view.chars, min_len=1)
    # A finished last line, however short, that the piece's first line restates from
    # its mark and goes on from ("> 嗨!" | "> 嗨! 你知道嘛? …"): it was cut where it
    # only looked finished.
    line_goes_on = (
        not a_tail_incomplete and 0 < last_unit_len <= k and _line_goes_on(a_raw_before, len_a, b)
    )
    if k == 1 and not (
        a_tail_incomplete
        and (
            last_unit_len == 1
            # "…呼ばれます)。こ" | "これにより…": one character after a full stop, or
            # alone on its line ("…avatar">\n开" | "开源远远不止代码…"), or, in a script
            # without spaces, after one ("** あ" | "あなたのプロジェクトが…"; an English
            # letter after a space is a word's first, "…of the P" | "publicly on")
            or (
                a_raw_before is not None
                and (
                    STOP_BEFORE.search(a_raw_before(len_a - 1, 3))
                    or _LINE_BEFORE.search(a_raw_before(len_a - 1, 12))
                    or (
                        _SPACE_BEFORE.search(a_raw_before(len_a - 1, 1))
                        and has_no_space_script(get_a(len_a - 1, len_a))
                    )
                )
            )
        )
    ):
        k = 0
    if line_goes_on:
        k = last_unit_len
    if not a_tail_incomplete and k < SEED_LEN:
        # after a finished sentence only a whole repeated sentence counts
        whole = k == last_unit_len >= 4 and k in b.unit_vends
        # ...or a short sentence the splitter left inside the last unit, after a
        # stop it read as an abbreviation ("e.g. Java." | "Java." <span>...)
        # ...or a whole line of a block, restated without its indentation ("  我一直都在
        # 摸索。" | "我一直都在摸索。我没有…") or with its mark ("| LANCELOT\n| Auuuugh!" |
        # "| Auuuugh!\n\nMotivation …")
        short_sentence = (
            4 <= k < last_unit_len
            and k in b.unit_vends
            and a_raw_before is not None
            and (
                STOP_BEFORE.search(a_raw_before(len_a - k, 3)) is not None
                or _INDENTED_LINE_BEFORE.search(a_raw_before(len_a - k, 12)) is not None
            )
        )
        k = k if whole or short_sentence or line_goes_on else 0
    if 0 < k < last_unit_len and a_raw_before is not None:
        # a partial overlap must start where a word starts ("who|se" + "se|lecting" is
        # chance), and a word inside the cut sentence is not a capitalised sentence start
        # ("… is omitted, for" | "For historical reasons…")
        before = a_raw_before(len_a - k, 1)
        first = a_raw_before(len_a - k + 1, 1)
        b_first = b.text[b.view.offsets[0]] if b.view.offsets else ""
        if (before.isascii() and before.isalnum()) or (first.islower() and b_first.isupper()):
            k = 0
    # an end that closes something goes on character for character: "name" in
    # "### `brine.remove(name)`" is no cut that "`name` {string} …" resumes
    if (
        k
        and a_raw_from is not None
        and b.view.offsets
        and not goes_on_from(a_raw_from(len_a - k), b.text[b.view.offsets[0] :])
    ):
        k = 0
    if marked_as_prose and k >= last_unit_len:
        k = 0
    if k and a_raw_before is not None and a_raw_from is not None and b.view.offsets:
        # a meet inside a line, after words of it, is a word cut in two: markup opening
        # the piece before its first words would stand before it too ("*   AIによるリアルタ"
        # | "**リアルタイムの環境理解…**", a bold label met inside a word by chance)
        lead = b.text[: b.view.offsets[0]].strip()
        ellipsis = LEADING_ELLIPSIS.match(lead)  # (a resume's "...", no markup)
        lead = lead[ellipsis.end() :] if ellipsis else lead
        line_before = _line_before(a_raw_before, len_a - k)
        if (
            # (emphasis: a code span's backtick may open a name met in a link's address by
            # chance as well, "…](/reference/react/useDeferredValue" | "`useDeferredValue`
            # 允许…", which a drifted restart then relies on)
            _EMPHASIS.fullmatch(lead)
            # (the whole cut unit met goes on from it: "> 嗨！" "你知道嘛？" | "> 嗨！你知道嘛？…")
            and not 0 < last_unit_len <= k
            and any(ch.isalnum() for ch in line_before)
            and "\n" not in a_raw_from(len_a - k).rstrip()
            and not line_before.rstrip().endswith(lead)
        ):
            k = 0
    if (
        k
        and not a_tail_marked
        and b.units
        and b.units[0].kind == "heading"
        and b.text.lstrip().startswith("#")
        and k < b.unit_vends[0]
    ):
        # a heading does not go on from a cut sentence in its first letters: "…「Config
        # dev" | "#### devcontainer.jsonの例）" met there by chance
        k = 0
    if k:
        kind: Literal["dovetail", "containment"] = (
            "dovetail" if len(b.view.chars) > k else "containment"
        )
        blocks = ((len_a - k, 0, k),)
        # A longer alignment that leaves exactly these k characters unmatched at
        # both ends aligns to a look-alike line further back ("正确：> 10 Gbps…错" |
        # "错误：> 10Gbps…"): the exact overlap at the cut explains both ends.
        # Likewise one that stops right before the cut unit the overlap is all of
        # ("{% image" | "{% image …opm-table…": it aligns to the image line before).
        # So does one ending a few drifted words before the cut unit the overlap is
        # all of ("…非常地有趣。" "错误：" "> 乔布斯那句话" | "> 乔布斯那句话…非常的有趣。":
        # the piece's quote aligns to the correct example's, punctuation aside).
        found = [
            f
            for f in found
            if not (
                (len_a - f.a_end == k and (f.blocks[0][1] >= k or k == last_unit_len))
                or (
                    k == last_unit_len
                    and f.kind == "dovetail"
                    and k < len_a - f.a_end <= _END_TOLERANCE
                )
            )
        ]
        found.append(Alignment(kind, len_a - k, 0, len_a, k, blocks, 100.0, exact_short=True))
        if 0 < last_unit_len < k and b.view.chars.startswith(tail[-last_unit_len:]):
            # the cut unit alone is an overlap too: if the longer one is doubtful (look-
            # alike lines that differ in case), the piece may just complete the cut
            unit_only = ((len_a - last_unit_len, 0, last_unit_len),)
            found.append(
                Alignment(
                    "dovetail",
                    len_a - last_unit_len,
                    0,
                    len_a,
                    last_unit_len,
                    unit_only,
                    100.0,
                    exact_short=True,
                )
            )
    if a_raw_before is not None and b.units and b.units[0].kind == "heading":
        # A heading does not go on from a line that is no heading, however many of its
        # first words meet it: "- .devcontainer/devcontainer.json" | "####
        # devcontainer.jsonの例）…" (a heading cut short is restarted with its mark, "##
        # 影響を受けるバー" | "## 影響を受けるバージョン")
        found = [
            f
            for f in found
            if not (
                f.kind == "dovetail"
                and f.b_start == 0
                and f.b_end < b.unit_vends[0]
                and b.text.lstrip().startswith("#")
                and not _line_before(a_raw_before, f.a_start).lstrip().startswith("#")
            )
        ]
    n_b = len(b.view.chars)
    if not found and 0 < n_b < SEED_LEN:
        # A piece too short to seed (a lone heading): look for it near the end.
        window = get_a(max(0, len_a - _TINY_WINDOW), len_a)
        at = window.rfind(b.view.chars)
        if at >= 0:
            a0 = max(0, len_a - _TINY_WINDOW) + at
            found.append(Alignment("containment", a0, 0, a0 + n_b, n_b, ((a0, 0, n_b),), 100.0))
    # A copy that runs through the end of the target (a restart) beats an older
    # copy of the same passage further back (legitimate repetition).
    if doubtful is not None and len(found) > 1:
        sure = [f for f in found if not doubtful(f)]
        found = sure or found

    # ...unless the whole piece stands verbatim shortly before and only a word or
    # two of it meets the cut ("SIZE:" | "SIZE: 11323612 bytes SHA1: ..." in a
    # list of look-alike checksum blocks): then it is a redundant copy. (A copy
    # far back is an earlier passage the article repeats, not what a piece restates.)
    # A sentence's first words that meet the cut, long enough to seed, are chance
    # too when the piece stands word for word before (a drifted copy of the whole
    # article is no such evidence: a regeneration from the top that goes on from
    # the cut restates it too).
    def whole_copy(verbatim: bool) -> int:
        return max(
            (
                f.b_end
                for f in found
                if f.kind == "containment"
                and f.b_end >= n_b - _END_TOLERANCE
                and f.a_end >= len_a - _RECENT
                and (f.score >= 100.0 or not verbatim)
            ),
            default=0,
        )

    copied, verbatim = whole_copy(verbatim=False), whole_copy(verbatim=True)
    if copied >= 2 * SEED_LEN:
        found = [
            f
            for f in found
            if not (
                (f.exact_short and 4 * f.b_end <= copied)
                or (a_tail_incomplete and f.kind == "dovetail" and 4 * f.b_end <= verbatim)
                # (so is a loose meet of little more than a seed at a finished end, one
                # word alike: "…comparatively small incompatibilities." | "###
                # Incompatibility …")
                or (
                    f.kind == "dovetail"
                    and not f.exact_short
                    and f.score < CLOSE_COPY
                    and f.b_end < 2 * SEED_LEN
                    and 4 * f.b_end <= verbatim
                )
                # (and any loose meet at the end, when the whole piece stands word for
                # word before: a look-alike block at the cut, "<aside …pquote"> <img
                # src=…?s=180" …> 询" | "<aside …pquote"> <img src=…alloy?s=180" …>
                # 对于…", the piece a redundant copy of an earlier quote and more)
                or (
                    f.kind == "dovetail"
                    and not f.exact_short
                    and f.score < CLOSE_COPY
                    and verbatim >= n_b - _END_TOLERANCE
                )
            )
        ] or found
    return max(found, key=lambda f: _rank(f, len_a), default=None)


def find_restatement(
    get_a: Callable[[int, int], str],
    lookup: Callable[[str], Sequence[int]],
    b: Prepared,
    boundaries: Sequence[int],
    *,
    min_score: float,
) -> Alignment | None:
    """Where query ``b`` restates, from its start, a passage of the target that ends at
    one of ``boundaries`` (target positions where another piece took over) and then
    goes on with text of its own: a second continuation of that earlier point.

    The alignment is against the target up to that boundary (its ``a_end`` is the
    boundary, give or take drift); None if ``b`` restates no such passage at
    length. A shared phrase is not enough: the copy must run from ``b``'s start
    to the boundary, ``_MIN_RESTATED`` view characters at least.
    """
    from bisect import bisect_right

    best: Alignment | None = None
    for anchor in candidates(b.seeds[:_HEAD_SEEDS], lookup):
        i = bisect_right(boundaries, anchor[0])
        if i == len(boundaries):
            continue
        end = boundaries[i]
        hit = verify(get_a, end, b.view.chars, anchor, min_score=min_score)
        if hit is None or hit.kind != "dovetail" or hit.exact_short:
            continue
        if hit.b_end >= _MIN_RESTATED and (best is None or hit.b_end > best.b_end):
            best = hit
    return best


# ------------------------------------------------------------------ public stage


@dataclass
class _Index:
    """Seed keys of several texts: key -> positions."""

    table: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, owner: int, seeds: Iterable[tuple[str, int]]) -> None:
        for key, pos in seeds:
            self.table[key].append((owner, pos))


def _to_overlap(a: Prepared, b: Prepared, found: Alignment) -> Overlap:
    def a_raw(vpos: int) -> int:
        return a.base + a.view.raw_start(vpos, len(a.text))

    def b_raw(vpos: int) -> int:
        return b.base + b.view.raw_start(vpos, len(b.text))

    a_last_char = a.view.raw_end(found.a_end)
    b_last_char = b.view.raw_end(found.b_end)
    return Overlap(
        left=a.index,
        right=b.index,
        kind=found.kind,
        left_start=a_raw(found.a_start),
        left_end=a.base + a_last_char,
        right_start=b_raw(found.b_start),
        right_end=b.base + b_last_char,
        score=found.score,
    )


def _tail_incomplete(p: Prepared) -> bool:
    from fragmerge.text import is_complete

    if not p.units:
        return False
    last = p.units[-1]
    return last.kind != "front_matter" and not is_complete(p.text[last.start : last.end])


def align_prepared(prepared: Sequence[Prepared], options: Options) -> tuple[Overlap, ...]:
    """Pairwise overlaps among prepared fragments (see :func:`align`)."""
    index = _Index()
    for p in prepared:
        index.add(p.index, p.seeds)
    by_index = {p.index: p for p in prepared}
    overlaps: list[Overlap] = []
    for b in prepared:
        shared: dict[int, int] = defaultdict(int)
        for key, _ in b.seeds[:_HEAD_SEEDS]:
            owners = index.table.get(key, ())
            if len(owners) > _MAX_KEY_HITS:
                continue
            for owner, _ in owners:
                if owner != b.index:
                    shared[owner] += 1
        ranked = sorted(shared, key=lambda o: (-shared[o], abs(o - b.index)))[:_MAX_PARTNERS]
        partners = set(ranked)
        previous = b.index - 1
        if previous in by_index:
            partners.add(previous)
        for a_index in sorted(partners):
            found = pairwise(by_index[a_index], b, options, adjacent=a_index == previous)
            if found is not None:
                overlaps.append(found)
    return tuple(overlaps)


def seed_positions(p: Prepared) -> dict[str, list[int]]:
    """Seed key -> view positions in ``p`` (the lookup table :func:`pairwise` aligns against)."""
    positions: dict[str, list[int]] = defaultdict(list)
    for key, pos in p.seeds:
        positions[key].append(pos)
    return positions


def pairwise(
    a: Prepared,
    b: Prepared,
    options: Options,
    *,
    adjacent: bool,
    positions: dict[str, list[int]] | None = None,
    reject_conflicts: bool = False,
) -> Overlap | None:
    """Where ``b`` repeats text of ``a`` (``adjacent``: ``b`` directly follows ``a``).

    ``positions`` is ``seed_positions(a)``, when the caller keeps it for reuse.
    With ``reject_conflicts``, copies that differ in a number, a negation or code (see
    :func:`conflicts`) do not count: ``b`` is not shown to repeat ``a`` there.
    """
    if positions is None:
        positions = seed_positions(a)
    chars = a.view.chars

    def get_a(s: int, e: int) -> str:
        return chars[s:e]

    def lookup(key: str) -> list[int]:
        return positions.get(key, [])

    def raw_before(vpos: int, n: int) -> str:
        raw = a.view.raw_start(vpos, len(a.text))
        return a.text[max(0, raw - n) : raw]

    def raw_from(vpos: int) -> str:
        return a.text[a.view.raw_start(vpos, len(a.text)) :]

    found = find_overlap(
        get_a,
        len(chars),
        lookup,
        b,
        min_score=options.min_score,
        a_tail_incomplete=adjacent and _tail_incomplete(a),
        a_raw_before=raw_before,
        a_raw_from=raw_from,
    )
    if found is None or (
        reject_conflicts and conflicts(get_a, b.view.chars, found, len(chars), b.code)
    ):
        return None
    return _to_overlap(a, b, found)


def align(
    fragments: Sequence[Fragment], options: Options | None = None, *, draft: str | None = None
) -> tuple[Overlap, ...]:
    """Find where each fragment repeats text of another fragment.

    >>> from fragmerge.segment import segment
    >>> draft = (
    ...     "One sentence here. Another sentence that got cu\\n---END---\\n"
    ...     "Another sentence that got cut short. Then more.\\n"
    ... )
    >>> [(o.left, o.right, o.kind) for o in align(segment(draft))]
    [(0, 1, 'dovetail')]
    """
    opts = options if options is not None else Options()
    return align_prepared([prepare(f, draft) for f in fragments], opts)
