"""Stage 3: lay the fragments out and stitch the longest coherent text.

The merger replays generation: fragments are added in input order to the text
assembled so far (fragments whose start lies in a piece not yet placed wait
for it). Each addition is aligned against the assembled text, not against a
single fragment, so a piece that restates the end of one fragment and the
start of the next is still recognised as redundant. At each join:

* a fragment that stops inside the assembled text adds nothing: *redundant*;
* a fragment that restarts earlier and runs past the end replaces the
  truncated last unit (sentence, list item, code span...) of the assembled
  text with its complete copy and contributes only what lies beyond; the
  earlier wording of everything else is kept;
* a fragment that repeats nothing continues the text: glued to an unfinished
  sentence (without a space in Chinese/Japanese), or after a paragraph break
  with a warning that no overlap vouches for the order.

Every output character is cut from the input; the provenance map records
which fragment and input span supplied each unit.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

from fragmerge.align import (
    CLOSE_COPY,
    LEADING_ELLIPSIS,
    LOOK_ALIKE_BLOCKS,
    SEED_LEN,
    SHORT_OVERLAP_MAX,
    STOP_BEFORE,
    Alignment,
    Prepared,
    conflicts,
    find_overlap,
    find_restatement,
    pairwise,
    prepare,
    seed_positions,
    short_overlap,
)
from fragmerge.errors import LowConfidenceError
from fragmerge.models import (
    Fragment,
    Join,
    MergeResult,
    Options,
    Overlap,
    ProvenanceEntry,
    UnitKind,
)
from fragmerge.text import (
    BLANK_LINE,
    HEADING_ANCHOR,
    LATIN_CUT_END,
    LIST_BULLET,
    LOWER_WORD,
    OPEN_END,
    SPACE_RUN,
    build_view,
    finishes_link,
    has_no_space_script,
    is_complete,
    is_no_space_script,
    open_row,
    paragraph_separator,
    unbalanced,
)

__all__ = ["merge"]

# Units that open a block: a piece starting with one cannot resume a cut sentence.
_BLOCK_KINDS = frozenset({"heading", "list_item", "table_row", "code", "rule"})
_STRAY_SENTENCE = 40  # view characters of a sentence a looping piece restates alone
_CHANCE_MEET = 3  # view characters a piece may share with a cut by chance ("th" | "the")
_SAME_WORDS = 4  # view characters a piece and a restart share after a cut to go on alike
_OWN_RUN = 24  # unmatched view characters in a row that make a sentence of its own
_MIN_KEYED = 8  # view characters of a unit long enough to be looked for in the text
_MIN_REGENERATED = 3  # units a piece aligned nowhere must restate word for word to be folded in
_MIN_LOOP = 5  # units in a row restated word for word that make a loop back, not a refrain
_MIN_SHORT_LOOP = 3  # ... or this many, when they restate at least _MIN_LOOP_CHARS of text
_MIN_LOOP_CHARS = 100  # view characters: longer than a refrain's few short lines
_CASE_WINDOW = 200  # view characters at a copy's start whose spacing and case are compared
_RECASED_LETTERS = 3  # letters of one word in another case that make it another word
_HEAD_DRIFT = 2  # view characters a copy's start may be off by (drift before its first block)
_MIN_OWN_UNIT = 4  # view characters of a whole unmatched unit that is text of its own
_LOOKAHEAD = 8  # fragments looked at for one that restarts the text before a gap
_PROBE_WINDOW = 20_000  # view characters back from the end such a restart may resume at
_JOINED_LINES = 2  # lines fewer that make a copy one with paragraphs joined
_BRIDGE_SCORE = 85.0  # a copy of a piece's first characters this close is that piece's start
_BRIDGE_TAIL = 8  # ... when this many view characters of the cut stand right before it
_DRIFTED_HEAD = 70.0  # a copy's opening this close to the text before its passage is drift


@dataclass
class _Piece:
    """A stretch of one fragment in the output: fragment-relative raw and view ranges."""

    frag: int
    start: int
    end: int
    vstart: int
    vend: int
    astart: int  # position of ``vstart`` in the assembled view
    join: str = ""
    ostart: int = 0  # where the piece (its join first) starts in the output


@dataclass(frozen=True, slots=True)
class _LastUnit:
    apos: int  # assembled view position where the unit starts
    piece: int
    raw: int  # fragment-relative raw offset where the unit starts
    complete: bool
    kind: UnitKind


def _goes_on_from(cut: str, piece: str) -> bool:
    """Whether ``piece`` reads as the rest of the sentence ``cut`` ends in, no words
    shared: a Latin sentence cut after a word, then a piece opening with a lower-case word.

    >>> _goes_on_from("It said.\\n\\nThe front end", "keeps its state as it is.")
    True
    >>> _goes_on_from("It said.", "keeps its state as it is.")
    False
    """
    last_line = cut.rstrip().rsplit("\n", 1)[-1]
    if finishes_link(last_line, piece):
        return True  # ("…see the\n[GOPATH" | "wiki page](/wiki/GOPATH)")
    return (
        not is_complete(last_line)
        and len(last_line.split()) >= 3
        and LATIN_CUT_END.search(last_line) is not None
        and LOWER_WORD.match(piece) is not None
    )


# a line opening an HTML block element or a JSX component ("<aside …>", "<YouTubeIframe …/>")
_BLOCK_TAG = regex.compile(
    r"<(?:aside|div|figure|section|details|table|blockquote|iframe|video|p|[A-Z][\w.]*)[\s>/]"
)
# a blank line, then at most the markup opening a paragraph ("`", "**", "> ")
_ENDS_BLANK_LINE = regex.compile(r"\n[ \t]*\n[^\p{L}\p{N}\n]*\Z")


class _Assembly:
    """The text assembled so far, as pieces of fragments, with a seed index."""

    def __init__(self, prepared: Sequence[Prepared]) -> None:
        self.prep = prepared
        self.pieces: list[_Piece] = []
        self._astarts: list[int] = []  # pieces[i].astart, for bisection
        self.length = 0
        self._index: dict[str, list[int]] = defaultdict(list)

    # -- reading the assembled view
    def _piece_at(self, apos: int) -> int:
        return max(0, bisect_right(self._astarts, apos) - 1)

    def get(self, start: int, end: int) -> str:
        start, end = max(0, start), min(self.length, end)
        if start >= end:
            return ""
        out: list[str] = []
        i = self._piece_at(start)
        while i < len(self.pieces) and start < end:
            p = self.pieces[i]
            chars = self.prep[p.frag].view.chars
            lo = p.vstart + (start - p.astart)
            hi = min(p.vend, p.vstart + (end - p.astart))
            if hi > lo:
                out.append(chars[lo:hi])
                start += hi - lo
            i += 1
        return "".join(out)

    def raw_span(self, start: int, end: int) -> str:
        """The raw text behind assembled view positions ``[start, end)`` (punctuation,
        spacing and case kept; pieces joined by a newline)."""
        out: list[str] = []
        i = self._piece_at(start)
        while i < len(self.pieces) and start < end:
            p = self.pieces[i]
            f = self.prep[p.frag]
            lo = p.vstart + (start - p.astart)
            hi = min(p.vend, p.vstart + (end - p.astart))
            if hi > lo:
                out.append(f.text[f.view.offsets[lo] : f.view.raw_end(hi)])
            start += max(0, hi - lo)
            i += 1
        return "\n".join(out)

    def raw_text(self) -> str:
        """The assembled raw text: each piece after its join."""
        return "".join(p.join + self.prep[p.frag].text[p.start : p.end] for p in self.pieces)

    def lookup(self, key: str) -> list[int]:
        return self._index.get(key, [])

    def locate(self, apos: int) -> tuple[int, int]:
        """(piece index, fragment-relative raw offset) of assembled view position ``apos``."""
        i = self._piece_at(apos)
        p = self.pieces[i]
        vpos = p.vstart + (apos - p.astart)
        view = self.prep[p.frag].view
        raw = view.raw_start(vpos, p.end)
        return i, max(p.start, min(raw, p.end))

    def raw_before(self, apos: int, n: int = 1) -> str:
        """Up to ``n`` raw characters just before assembled view position ``apos``
        (fewer at a piece start)."""
        i, raw = self.locate(apos)
        p = self.pieces[i]
        return self.prep[p.frag].text[max(p.start, raw - n) : raw]

    def raw_from(self, apos: int) -> str:
        """The raw text from assembled view position ``apos`` to the end."""
        return self.raw_after(*self.locate(apos))

    def raw_after(self, piece: int, raw: int) -> str:
        """The raw text from (piece, raw offset) to the end (the pieces' separators
        left out)."""
        first = self.pieces[piece]
        rest = (self.prep[p.frag].text[p.start : p.end] for p in self.pieces[piece + 1 :])
        return self.prep[first.frag].text[raw : first.end] + "".join(rest)

    def starts_unit(self, apos: int) -> bool:
        """Whether a unit (sentence, heading...) starts at assembled view position ``apos``."""
        from bisect import bisect_left

        i = self._piece_at(apos)
        p = self.pieces[i]
        f = self.prep[p.frag]
        vpos = p.vstart + (apos - p.astart)
        k = bisect_left(f.unit_vstarts, vpos)
        return k < len(f.unit_vstarts) and f.unit_vstarts[k] == vpos

    # -- changing it
    def append(self, frag: int, raw_start: int, join: str = "", raw_end: int | None = None) -> None:
        from bisect import bisect_left

        f = self.prep[frag]
        end = len(f.text) if raw_end is None else raw_end
        if not join and self._glues_block(f, raw_start):
            # a heading, list item or code block never goes on a line of text: whatever
            # was dropped before it, it opens a paragraph
            join = paragraph_separator(f.text)
        vstart = bisect_left(f.view.offsets, raw_start)
        vend = bisect_left(f.view.offsets, end)
        ostart = self.output_length()
        self.pieces.append(_Piece(frag, raw_start, end, vstart, vend, self.length, join, ostart))
        self._astarts.append(self.length)
        self._index_piece(self.pieces[-1])
        self.length += vend - vstart

    def _glues_block(self, f: Prepared, raw_start: int) -> bool:
        """Whether ``f`` from ``raw_start`` opens with a block unit (not a table row: a
        cut row goes on with cells) right after text that ends its line unfinished."""
        if not self.pieces or raw_start >= len(f.text) or f.text[raw_start].isspace():
            return False
        last = self.pieces[-1]
        if last.end <= last.start or self.prep[last.frag].text[last.end - 1].isspace():
            return False
        k = bisect_right(f.unit_starts, raw_start) - 1
        return (
            k >= 0
            and f.units[k].start == raw_start
            and f.units[k].kind in _BLOCK_KINDS - {"table_row"}
        )

    def _piece_seeds(self, p: _Piece) -> list[tuple[str, int]]:
        return [
            (key, p.astart + vpos - p.vstart)
            for key, vpos in self.prep[p.frag].seeds
            if p.vstart <= vpos and vpos + SEED_LEN <= p.vend
        ]

    def _index_piece(self, p: _Piece) -> None:
        for key, apos in self._piece_seeds(p):
            self._index[key].append(apos)

    def _unindex(self, p: _Piece) -> None:
        # A piece's keys are the latest entries of their lists: truncation only
        # ever removes the tail of the assembly.
        for key, apos in reversed(self._piece_seeds(p)):
            entries = self._index[key]
            if entries and entries[-1] == apos:
                entries.pop()
            else:
                entries.remove(apos)

    def output_length(self) -> int:
        """Length of the output text assembled so far."""
        if not self.pieces:
            return 0
        p = self.pieces[-1]
        return p.ostart + len(p.join) + (p.end - p.start)

    def spans_from(self, piece: int, raw: int) -> list[tuple[int, int, int]]:
        """The assembled text from (piece, raw offset) on, as (fragment, start, end) spans."""
        out = [(self.pieces[piece].frag, raw, self.pieces[piece].end)]
        out += [(p.frag, p.start, p.end) for p in self.pieces[piece + 1 :]]
        return [s for s in out if s[2] > s[1]]

    def truncate(self, piece: int, raw_cut: int) -> None:
        from bisect import bisect_left

        for p in self.pieces[piece:]:
            self._unindex(p)
        del self.pieces[piece + 1 :]
        del self._astarts[piece + 1 :]
        p = self.pieces[piece]
        view = self.prep[p.frag].view
        p.end = raw_cut
        p.vend = max(p.vstart, bisect_left(view.offsets, raw_cut))
        self.length = p.astart + (p.vend - p.vstart)
        self._index_piece(p)
        if p.end <= p.start and not p.join and len(self.pieces) > 1:
            self.pieces.pop()
            self._astarts.pop()

    def last_unit(self) -> _LastUnit:
        """The unit the assembled text ends with (it may span several pieces)."""
        i = len(self.pieces) - 1
        last = self.pieces[i]
        f = self.prep[last.frag]
        complete = True
        if f.units:
            tail_unit = f.units[_unit_index_at_raw(f, last.end - 1)]
            tail = f.text[max(tail_unit.start, last.start) : last.end]
            # Headings, table rows and list items have no terminator: only the
            # next copy can tell whether they were cut, so they count as open.
            complete = tail_unit.kind == "front_matter" or (
                tail_unit.kind in ("sentence", "code") and is_complete(tail)
            )
        while i >= 0:
            p = self.pieces[i]
            f = self.prep[p.frag]
            ui = _unit_index_at_raw(f, max(p.start, p.end - 1))
            u = f.units[ui] if f.units else None
            if u is not None and u.start >= p.start:
                apos = p.astart + max(0, f.unit_vstarts[ui] - p.vstart)
                return _LastUnit(apos, i, u.start, complete, u.kind)
            if i == 0 or u is None:
                return _LastUnit(p.astart, i, p.start, complete, "sentence")
            i -= 1
        raise AssertionError("unreachable: the assembly is never empty here")


def _completes(stub: str, whole: str) -> bool:
    """Whether view text ``whole`` is ``stub`` written out: a cut sentence's words
    ("in", even) and more."""
    return bool(stub) and len(whole) > len(stub) and whole.startswith(stub)


def _unit_index_at_raw(f: Prepared, raw: int) -> int:
    return max(0, bisect_right(f.unit_starts, raw) - 1)


def _resume_raw(b: Prepared, bpos: int, *, letterless: bool = True) -> int:
    """Fragment-relative raw offset where ``b`` resumes at view position ``bpos``.

    Units without letters (a table rule, "(...)") right before ``bpos`` share
    its view position; they are taken along unless ``letterless`` is False
    (the text they would join has its own copy of them).
    """
    if bpos >= len(b.view.offsets):
        return len(b.text)
    ui = b.unit_at(bpos)
    if not letterless:
        while ui + 1 < len(b.units) and b.unit_vstarts[ui] == b.unit_vends[ui] == bpos:
            ui += 1
    at_unit_start = bool(b.units) and b.unit_vstarts[ui] == bpos
    start = b.units[ui].start if at_unit_start else b.view.offsets[bpos]
    if start == 0 or bpos == 0:
        m = LEADING_ELLIPSIS.match(b.text, start)
        if m:
            start = m.end()
    return start


def _past_markup_kept(b: Prepared, resume: int, kept: str) -> int:
    """Where ``b`` resumes, past the markup opening its unit at ``resume`` if the text
    kept before the cut ends with that markup already ("2.  **" | "**パーソナライズ…:**")."""
    at = bisect_left(b.view.offsets, resume)
    if at >= len(b.view.offsets):
        return resume
    first = b.view.offsets[at]
    markup = b.text[resume:first].strip()
    line = kept[kept.rfind("\n") + 1 :]
    if (
        markup
        and not any(ch.isalnum() for ch in markup)
        and line.endswith(markup)
        and line.count(markup) % 2 == 1  # (left open there, not a bold label closed)
    ):
        return first
    return resume


def _short_meet(found: Alignment, last: _LastUnit, cut: str) -> bool:
    """Whether ``found`` meets the text only in its cut unit, of raw text ``cut``, in a
    seed's length at most: a short exact overlap, or a seeded one as short where the
    cut leaves markup open ("{% highlight irb" | "{% highlight irb %}…", which
    look-alike code blocks open with too; prose met so is a restart of it)."""
    return found.exact_short or (
        unbalanced(cut)
        and found.kind == "dovetail"
        and found.a_start >= last.apos
        and found.b_start == 0
        and found.b_end <= SEED_LEN
        and found.score >= 100
    )


def _meets_alike(host: Alignment, found: Alignment, last: _LastUnit, cut: str) -> bool:
    """Whether ``host`` meets the cut in a few characters, as ``found`` does, in at
    least as many."""
    return _short_meet(host, last, cut) and host.b_end >= found.b_end


def _joined(copy: str, original: str) -> bool:
    """Whether ``copy`` writes the text of ``original`` with paragraphs joined: on
    fewer lines, by more than a line a restart inside either may account for."""
    return _text_lines(original) - _text_lines(copy) >= _JOINED_LINES


def _text_lines(text: str) -> int:
    """How many lines of text ``text`` has: a copy with paragraphs joined into one line
    has fewer than its original (a list made tight or loose has as many).

    >>> _text_lines("One.\\n\\nTwo."), _text_lines("One. Two."), _text_lines("* a\\n* b")
    (2, 1, 2)
    """
    return sum(1 for line in text.split("\n") if line.strip())


def _bridges(c: Prepared, a_tail: str, b_head: str) -> bool:
    """Whether ``c`` restates ``a_tail`` and ``b_head`` in one stretch, inside one of its
    units ("**対" | "策**: …" in "**対策**: …"). After a whole ``a_tail`` and half of
    ``b_head`` word for word, the rest of ``b_head`` may have drifted in a character or
    two ("…applicable to" | "the entire community" in "…applicable to the entire
    coommunity"). Where a unit of ``c`` begins between them ("### Amazon Bedrock
    Agents" | "カスタマー…"), the match is a look-alike.

    >>> from fragmerge.align import prepare
    >>> from fragmerge.segment import segment
    >>> c = prepare(segment("It is applicable to the entire coommunity and more.")[0])
    >>> _bridges(c, "icableto", "theentirecommuni"), _bridges(c, "icableto", "thewholeworldand")
    (True, False)
    """
    chars = c.view.chars
    drift_from = len(b_head) // 2 if len(a_tail) >= _BRIDGE_TAIL else len(b_head)
    exact = a_tail + b_head[:drift_from]
    at = chars.find(exact)
    while at >= 0:
        head = at + len(a_tail)
        if (
            fuzz.ratio(chars[head : head + len(b_head)], b_head) >= _BRIDGE_SCORE
            and c.unit_vstarts[c.unit_at(head)] != head
        ):
            return True
        at = chars.find(exact, at + 1)
    return False


def _covered(found: Alignment, lo: int, hi: int) -> int:
    """Assembled view characters in ``[lo, hi)`` that ``found`` matched."""
    return sum(max(0, min(hi, a + n) - max(lo, a)) for a, _, n in found.blocks)


def _unit_coverage(b: Prepared, found: Alignment) -> list[int]:
    """View characters of each unit of ``b`` that the alignment's blocks match."""
    covered = [0] * len(b.units)
    for _, bpos, n in found.blocks:
        for i in range(b.unit_at(bpos), len(b.units)):
            s, e = b.unit_vstarts[i], b.unit_vends[i]
            if s >= bpos + n:
                break
            covered[i] += max(0, min(e, bpos + n) - max(s, bpos))
    return covered


def _runs(indices: list[int]) -> list[list[int]]:
    """Runs of consecutive numbers: [1, 2, 5] -> [[1, 2], [5]]."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


# a list entry that is one link (a trailer's; the segmenter's link entries take a code
# span too, which no related-links block is made of)
_LINK_ONLY = regex.compile(r"(?:[-*+]|\d+[.)])?\s*\[[^\]\n]*\]\([^)\n]*\)\s*")
_WORD = regex.compile(r"\p{L}+")
_TAIL_WORD = regex.compile(r"\p{L}+\Z")


def _trailer(f: Prepared) -> bool:
    """Whether fragment ``f`` is an article's trailer: after a rule or a heading, only
    links (``---`` / ``## 関連記事`` / ``- [title](/2026/01/post/)`` …).

    >>> from fragmerge.align import prepare
    >>> from fragmerge.segment import segment
    >>> (f,) = segment("---\\n\\n## Related\\n\\n- [One post](/one/)\\n- [Two](/two/)\\n")
    >>> _trailer(prepare(f))
    True
    """
    if not f.units or f.units[0].kind not in ("rule", "heading"):
        return False
    body = [u for u in f.units if u.kind not in ("rule", "heading")]
    return bool(body) and all(
        u.kind in ("list_item", "sentence") and _LINK_ONLY.fullmatch(f.text, u.start, u.end)
        for u in body
    )


def _ends_indented(text: str) -> bool:
    """Whether the last line of ``text`` (blank lines aside) is indented: a line of a
    block, not the end of a paragraph.

    >>> _ends_indented("<aside>\\n  A quote.\\n\\n"), _ends_indented("A paragraph.\\n\\n")
    (True, False)
    """
    body = text.rstrip()
    return body[body.rfind("\n") + 1 :][:1] in (" ", "\t")


def _glue(left: str, right: str, words: Counter[str]) -> str:
    """Separator for an exact resume: none in CJK or inside a word, a space elsewhere.

    A cut inside a word shows in the draft's own words (``words``, lowercased
    counts): the two halves make a word it uses, and one of them is no word of
    it elsewhere (each half stands once, at the cut).

    >>> words = Counter({"continuation": 2, "contin": 1, "uation": 1, "the": 5, "rest": 2})
    >>> _glue("the contin", "uation goes on", words), _glue("the", "rest of it", words)
    ('', ' ')
    >>> _glue("それは", "次の", Counter())
    ''
    """
    left, right = left.rstrip(), right.lstrip()
    a, b = left[-1:], right[:1]
    if b == "|":
        return " "  # (the next cells of a row cut after a cell)
    if is_no_space_script(a) or is_no_space_script(b):
        return ""
    tail, head = _TAIL_WORD.search(left), _WORD.match(right)
    if tail and head:
        half_a, half_b = tail.group().lower(), head.group().lower()
        if words[half_a + half_b] and min(words[half_a], words[half_b]) <= 1:
            return ""
    return " "


class _Merger:
    def __init__(
        self,
        draft: str,
        fragments: Sequence[Fragment],
        prepared: list[Prepared],
        overlaps: Sequence[Overlap] | None,
        options: Options,
    ):
        self.draft = draft
        self.prep = prepared
        self.options = options
        self.asm = _Assembly(prepared)
        self.joins: list[Join] = []
        self.overlaps: list[Overlap] = []  # as found against the assembled text
        self.warnings: list[str] = []
        self.placed: set[int] = set()
        # fragment -> fragments it repeats text of (its start lies inside them);
        # from the caller's overlaps, or worked out on demand (only for pieces
        # that fit nowhere in the text assembled so far)
        self._given = overlaps is not None
        self.resumes_in: dict[int, set[int]] = defaultdict(set)
        for o in overlaps or ():
            self.resumes_in[o.right].add(o.left)
        self._seed_owners: dict[str, set[int]] | None = None
        self._positions: dict[int, dict[str, list[int]]] = {}  # seed tables of possible hosts
        self._resumed: dict[tuple[int, int], Overlap | None] = {}  # pairwise, per (host, piece)
        self._texts: dict[int, list[str]] = {}  # fragment -> its units' text
        self._lines: dict[int, list[tuple[str, ...] | None]] = {}  # ... their lines
        self._word_counts: Counter[str] | None = None
        self._owners: dict[str, list[tuple[int, int]]] | None = None  # unit text -> units
        # whether the piece after fragment i was split off at an implicit restart
        self.implicit_after = [
            i + 1 < len(fragments) and fragments[i + 1].boundary == "implicit"
            for i in range(len(fragments))
        ]
        # whether fragment i ends where a marker stands inside its line, the next
        # fragment going on on that line ("…いられません。 ---END--- AIの進化は…")
        self.same_line_after = [
            i + 1 < len(fragments) and "\n" not in draft[fragments[i].end : fragments[i + 1].start]
            for i in range(len(fragments))
        ]

    def _unplaced_hosts(self, b_index: int) -> set[int]:
        """Fragments not yet placed that ``b_index`` repeats text of."""
        if self._given:
            return self.resumes_in[b_index] - self.placed
        if self._seed_owners is None:
            owners: dict[str, set[int]] = defaultdict(set)
            for p in self.prep:
                for key, _ in p.seeds:
                    owners[key].add(p.index)
            self._seed_owners = owners
        b = self.prep[b_index]
        shared: dict[int, int] = defaultdict(int)
        # the piece's start decides where it resumes: its first keys pick the hosts
        for key, _ in b.seeds[:16]:
            for owner in self._seed_owners.get(key, ()):
                if owner not in self.placed and owner != b_index:
                    shared[owner] += 1
        best = sorted(shared, key=lambda c: (-shared[c], c))[:2]
        return {
            c
            for c in best
            if (meet := self._resumes(c, b)) is not None
            and not self._end_resumed_longer(c, b_index, meet)
        }

    def _end_resumed_longer(self, c: int, b_index: int, meet: Overlap) -> bool:
        """Whether another piece not placed yet resumes the end of fragment ``c`` in a
        meeting at least as long as ``meet``, the short one where fragment ``b_index``
        meets it: a piece's end is resumed once, so a short meeting is chance when
        another piece makes it too ("…[Misc #18984]:" met by "[[Misc #18984]] …" and
        by "[Misc #18984]:    https://…")."""
        length = meet.left_end - meet.left_start
        if meet.kind != "dovetail" or length >= SEED_LEN:
            return False
        host = self.prep[c]
        met = build_view(host.text[meet.left_start - host.base : meet.left_end - host.base]).chars
        for d, other in enumerate(self.prep):
            # (a piece resuming that end opens with the words met)
            if d in self.placed or d in (b_index, c) or met not in other.view.chars[: 2 * SEED_LEN]:
                continue
            resumed = self._resumes(c, other)
            if (
                resumed is not None
                and resumed.kind == "dovetail"
                and resumed.left_end >= meet.left_end
                and resumed.left_end - resumed.left_start >= length
            ):
                return True
        return False

    def _resumes(self, c: int, b: Prepared) -> Overlap | None:
        """Where ``b`` repeats text of fragment ``c`` (worked out once per pair; ``c``'s
        seed table kept for reuse). A look-alike passage that differs in a number
        ("listing-04-07" / "listing-04-09") is no such place: ``b`` waits for no piece
        on its evidence."""
        key = (c, b.index)
        if key not in self._resumed:
            if c not in self._positions:
                self._positions[c] = seed_positions(self.prep[c])
            self._resumed[key] = pairwise(
                self.prep[c],
                b,
                self.options,
                adjacent=True,
                positions=self._positions[c],
                reject_conflicts=True,
            )
        return self._resumed[key]

    def _find(self, b: Prepared, last: _LastUnit) -> Alignment | None:
        """Where ``b`` lies on the text assembled so far (None if nowhere)."""
        asm = self.asm
        return find_overlap(
            asm.get,
            asm.length,
            asm.lookup,
            b,
            min_score=self.options.min_score,
            a_tail_incomplete=not last.complete,
            last_unit_len=asm.length - last.apos,
            a_raw_before=asm.raw_before,
            a_raw_from=asm.raw_from,
            a_tail_marked=last.kind == "heading" or self._closed_item(last),
            doubtful=lambda f: bool(
                conflicts(asm.get, b.view.chars, f, asm.length, b.code) or self._look_alike(b, f)
            ),
        )

    def _closed_item(self, last: _LastUnit) -> bool:
        """Whether the text ends with a list item that closes a bracket or a code span
        it opened, a finished entry ("* `prepare`", "* [Guide](guide.md)"; not "*
        [CVE-2018-8780:")."""
        if last.kind != "list_item":
            return False
        item = self.asm.raw_after(last.piece, last.raw).rstrip()
        return (
            item.endswith((")", "]", "`"))
            and item.count("`") % 2 == 0
            and all(item.count(o) <= item.count(c) for o, c in ("[]", "()"))
        )

    def _look_alike(self, b: Prepared, found: Alignment) -> bool:
        """Whether, near the start of ``b``'s copy, a line differs from the text it is
        aligned to only in spacing or a word only in the case of several letters
        ("iPhone，好开心" / "iPhone ，好开心", "GitHub" / "GITHUB"): look-alike lines of a
        style guide, which the view cannot tell apart. It only ranks alignments: such
        lines may pair up crosswise in a copy that is right."""
        asm = self.asm
        for a, bpos, n in found.blocks:
            if bpos >= _CASE_WINDOW:
                break
            n = min(n, _CASE_WINDOW - bpos)
            a_raw = asm.raw_span(a, a + n)
            b_raw = b.text[b.view.offsets[bpos] : b.view.raw_end(bpos + n)]
            if a_raw == b_raw:
                continue
            for line_a, line_b in zip(a_raw.split("\n"), b_raw.split("\n"), strict=False):
                if line_a != line_b and line_a.replace(" ", "") == line_b.replace(" ", ""):
                    return True
            for word_a, word_b in zip(a_raw.split(), b_raw.split(), strict=False):
                recased = sum(x != y for x, y in zip(word_a, word_b, strict=False))
                if recased >= _RECASED_LETTERS and word_a.lower() == word_b.lower():
                    return True
        return False

    def _later_restarts(self, b_index: int, b_from: int = 0) -> Iterator[tuple[int, Alignment]]:
        """Fragments shortly after ``b_index``, not yet placed, that restart the end of
        the text so far, when ``b_index`` repeats nothing of it but resumes one of
        them: in a shuffled draft they come first (and lead, one after the other, to
        the piece ``b_index`` resumes). A piece that resumes none of them is new text
        (or a rewrite) in its place, and nothing is moved before it. ``b_from`` is
        where ``b_index`` goes on from the text's end (past a few characters it meets
        the cut in). Each comes with its alignment on the text so far."""
        asm = self.asm
        last = asm.last_unit()
        later = [c for c in range(b_index + 1, len(self.prep)) if c not in self.placed]
        b = self.prep[b_index]
        resumes_one = any(
            short_overlap(self.prep[c].view.chars[-SHORT_OVERLAP_MAX:], b.view.chars, min_len=1)
            or _goes_on_from(self.prep[c].text, b.text)
            or self._resumes(c, b) is not None
            for c in later[:_LOOKAHEAD]
        )
        # (with the text cut, a piece of new text, whose start stands nowhere in the
        # text, waits for a restart of the cut too: the segmenter split it off there)
        new_text = not any(asm.lookup(key) for key, _ in b.seeds[:16])
        if not (resumes_one or (new_text and not last.complete)):
            return
        tail = asm.get(max(0, asm.length - SHORT_OVERLAP_MAX), asm.length)
        recent = asm.length - _PROBE_WINDOW
        for c in later[:_LOOKAHEAD]:
            p = self.prep[c]
            # cheap test first: its start keys hit the recent text, or meet the cut
            near = any(pos >= recent for key, _ in p.seeds[:16] for pos in asm.lookup(key)[-4:])
            if not near and not short_overlap(tail, p.view.chars, min_len=1):
                continue
            found = self._find(p, last)
            if found is None or found.kind != "dovetail":
                continue
            # (unless the restart goes on from the cut as new text ``b`` begins:
            # "…成功に" | "導くための鍵…" | "…成功に導くためには…")
            after_cut = p.view.chars[found.a_to_b(asm.length) :][:_SAME_WORDS]
            if resumes_one or not after_cut.startswith(b.view.chars[b_from:][:_SAME_WORDS]):
                yield c, found

    def _pieces_to_wait_for(self, b_index: int) -> Iterator[int]:
        """The pieces not placed yet that ``b_index``, which meets nothing of the text so
        far, may wait for, best first: those it repeats text of; else those that restart
        the text's end and lead to it; else those whose cut last unit it writes whole."""
        hosts = sorted(self._unplaced_hosts(b_index))
        if hosts:
            yield from hosts
            return
        restarts = False
        for c, _ in self._later_restarts(b_index):
            restarts = True
            yield c
        if not restarts:
            yield from self._later_cuts_completed(b_index)

    def _later_cuts_completed(self, b_index: int) -> Iterator[int]:
        """Fragments shortly after ``b_index``, not yet placed, whose last unit is cut
        and which ``b_index`` opens by writing that unit whole ("…\n\n### Take" |
        "### Take appropriate action\n\n…"): in a shuffled draft the piece it completes
        comes first, wherever that one goes."""
        b = self.prep[b_index]
        for c in range(b_index + 1, min(len(self.prep), b_index + 1 + _LOOKAHEAD)):
            p = self.prep[c]
            if c in self.placed or not p.units:
                continue
            last = p.units[-1]
            cut = p.view.chars[p.unit_vstarts[-1] : p.unit_vends[-1]]
            if (
                len(cut) >= _SAME_WORDS
                and not is_complete(p.text[last.start : last.end])
                and b.view.chars.startswith(cut)
                and len(b.view.chars) > len(cut)
                and b.text.startswith(p.text[last.start : last.end].rstrip())
            ):
                yield c

    def run(self) -> None:
        """Add fragments in input order; one whose start lies in a piece not yet
        placed waits for that piece (out-of-order drafts)."""
        self.asm.append(0, 0)
        self.placed.add(0)
        if len(self.prep) > 1:
            # the first generation may loop over itself too (a text of one piece is
            # never touched: repetition there is the author's)
            self._drop_loop_back(self.prep[0])
        waiting: dict[int, list[int]] = defaultdict(list)  # blocker -> fragments waiting on it
        queue = list(range(1, len(self.prep)))
        trailers: list[int] = []
        while queue:
            b = queue.pop(0)
            if b in self.placed:
                continue
            if (
                len(self.placed) + 1 < len(self.prep)
                and _trailer(self.prep[b])
                and self._find(self.prep[b], self.asm.last_unit()) is None
            ):
                # the article's trailer (a rule, related links) that repeats nothing
                # yet: what the other pieces add belongs before it
                trailers.append(b)
                continue
            blocker = self._try_add(b, allow_wait=True)
            if blocker is not None and blocker in waiting[b]:
                # the two wait for each other: the one that waited is tried again
                # first, as the text has grown since ("* You may …" found nothing; then
                # "…* Y" was placed, which it meets, and the piece restarting its end
                # waits for it)
                waiting[b].remove(blocker)
                again = self._try_add(blocker, allow_wait=True)
                if again is None:
                    queue[:0] = [b, *waiting.pop(blocker, [])]
                    continue
                waiting[again].append(blocker)
            if blocker is not None:
                waiting[blocker].append(b)
                continue
            # fragments that waited for b come next, before the rest of the input
            queue[:0] = waiting.pop(b, [])
        for blocked in sorted(b for group in waiting.values() for b in group):
            if blocked not in self.placed:
                self._try_add(blocked, allow_wait=False)
        for trailer in trailers:
            self._try_add(trailer, allow_wait=False)

    def _try_add(self, b_index: int, *, allow_wait: bool) -> int | None:
        """Add fragment ``b_index``; return the fragment it must wait for instead, if any."""
        asm = self.asm
        b = self.prep[b_index]
        last = asm.last_unit()
        found = self._find(b, last)
        clash = conflicts(asm.get, b.view.chars, found, asm.length, b.code) if found else []
        # (the raw text of the unit the text ends with: read once for the checks below)
        cut = asm.raw_after(last.piece, last.raw) if found is not None and allow_wait else ""
        if found is not None and _short_meet(found, last, cut) and allow_wait and not clash:
            blocker = self._short_meet_waits_for(b_index, found, last, cut)
            row_left_open = self._leaves_row_open(b, found, cut)
            # (a piece opening with the cut's last words meets the cut inside its unit)
            inside_cut = found.b_start == 0 and found.a_start > last.apos
            if blocker is None and (found.b_end <= _CHANCE_MEET or row_left_open or inside_cut):
                blocker = self._rival_restart(
                    b_index, found, last, cut, row_left_open=row_left_open, inside_cut=inside_cut
                )
            if blocker is not None:
                return blocker
        if (
            found is not None
            and found.kind == "dovetail"
            and allow_wait
            and not clash
            and not last.complete
            and (
                found.blocks[0][1] - found.b_start > _CHANCE_MEET
                # (or in a few words, not all of them word for word: "…respond to a
                # code of conduct" | "A code of conduct is not a law …"), unless the
                # piece opens by restating a unit before the cut from its start, with
                # drift ("次に、**「データ」**です。マルチモーダルAI" | "次に、**「データ」**での
                # す。マルチモーダルAIは…": the paragraph restarted, not met by chance)
                or (
                    found.score < 100
                    and found.b_end - found.b_start < 2 * SEED_LEN
                    and not (
                        found.b_start == 0
                        and found.a_start < last.apos
                        and asm.starts_unit(found.a_start)
                    )
                )
                # (or as a look-alike block, differing all along, in several places:
                # "SIZE: {{ release.size.zip }} …" on a cut "SIZE: {{ release.size.gz }} …
                # SHA512: {{ release.sha512.gz", which a later piece writes whole; drift
                # is a place or two)
                or (found.score < CLOSE_COPY and len(found.blocks) >= LOOK_ALIKE_BLOCKS)
            )
        ):
            # A piece whose first words meet the cut in no word ("攻撃について詳しくは
            # [CVE-…](…)" on "…これは [CVE-…](…)", a link met by chance) gives way to a
            # later piece restating the cut sentence word for word from its first
            # character and going on (shuffled in after it: "これは [CVE-…](…) と同じ問
            # 題です。"); not to one restarting from far back (that one may drift).
            blocker = next(
                (
                    c
                    for c, host in self._later_restarts(b_index, found.b_end)
                    if host.blocks[0][1] == host.b_start
                    and host.score > found.score
                    and last.apos - _SAME_WORDS <= host.a_start <= last.apos
                    and self._writes_cut(c, host, last)
                ),
                None,
            )
            if blocker is not None:
                return blocker
        if found is not None and found.kind == "dovetail" and allow_wait and not clash:
            blocker = self._joined_copy_waits_for(b_index, found, last)
            # (a meet in word-for-word stretches parted by other words: a look-alike line)
            if blocker is None and found.score < 100 and len(found.blocks) > 1:
                blocker = self._end_written_alike(b_index, found, last)
            if blocker is not None:
                return blocker
        # (a piece that meets the end only as a look-alike line, differing in a
        # number, may belong after a piece not placed yet, as one that meets nothing)
        if (found is None or clash) and allow_wait:
            # A later piece that restates the cut and this piece's start in one
            # stretch ("**対" | "策**: …" | "**対策**: …") shows it continues the cut.
            a_tail = asm.get(max(last.apos, asm.length - _BRIDGE_TAIL), asm.length)
            for c in self._pieces_to_wait_for(b_index):
                if last.complete or not _bridges(self.prep[c], a_tail, b.view.chars[:16]):
                    return c
        if found is None:
            if not self._second_continuation(b) and not self._regeneration(b):
                self._continue(b, last)
        elif (
            found.kind == "containment"
            and not last.complete
            # (a piece restated at length stands there by no chance: a redundant copy
            # shuffled in, "<td>GUI framework</td> …" inside a table shown whole later)
            and found.b_end - found.b_start < SHORT_OVERLAP_MAX
            and not asm.starts_unit(found.a_start)
            # (a restart whose first characters drifted, "[cch12-00…" of "[ch12-00…",
            # "Astract" of "Abstract": its first word-for-word stretch begins a unit, or
            # does a character or two after one)
            and not (
                found.blocks[0][1] - found.b_start <= 2
                and any(
                    asm.starts_unit(max(0, found.blocks[0][0] - d))
                    for d in range(found.blocks[0][1] + _HEAD_DRIFT + 1)
                )
            )
            # (nor one that begins at a sentence inside a unit: "* There's no explicit
            # references. That is, …" | "That is, …", a redundant copy of the item's end)
            and not (
                found.b_start == found.blocks[0][1] == 0
                and STOP_BEFORE.search(asm.raw_before(found.a_start, 3)) is not None
            )
        ):
            # An unfinished text followed by a piece that begins mid-sentence: the
            # piece continues the cut, even if the same words also stand further
            # back (a redundant restart begins at a sentence, not inside one).
            self._continue(b, last)
        elif clash:
            self._note_overlaps(b, found)
            a_gap, b_gap = clash[0]
            self._keep_both(
                b,
                found.score,
                found.score,
                f"differs from the text before it in a number, a negation or code "
                f"({a_gap or '∅'!r} vs {b_gap or '∅'!r})",
            )
        elif found.kind == "containment" and self._own_head(b, found):
            self._note_overlaps(b, found)
            self._insert_head(b, found)
        elif found.kind == "containment" and self._own_units(b, found):
            # a copy that also says something of its own: it replaces the passage
            # it restates, so nothing it adds is lost (if that passage has sentences
            # of its own too, the copy's own are inserted among them instead)
            self._note_overlaps(b, found)
            if not self._a_own_units(found):
                # (the first wording and layout are kept and only the copy's own
                # sentences go in, if they can go in order; not where it writes more
                # into units of the text: "* **label:** A." | "* **label:** A. B.",
                # whose longer copy replaces the shorter)
                if self._extends_units(b, found) or not self._interleave(b, found):
                    self._splice(b, found)
            elif not self._interleave(b, found):
                self._keep_both(
                    b,
                    found.score,
                    found.score,
                    "and the text before it each have sentences the other lacks",
                )
        elif found.kind == "containment":
            self._note_overlaps(b, found)
            self._record(b, "redundant", found.score, found.score)
        else:
            self._note_overlaps(b, found)
            self._restart(b, found, last)
        self._drop_loop_back(b)
        self.placed.add(b_index)
        return None

    def _note_overlaps(self, b: Prepared, found: Alignment) -> None:
        """Record where ``b`` matched the assembled text, one overlap per fragment it met."""
        asm = self.asm
        pos = found.a_start
        while pos < found.a_end:
            i = asm._piece_at(pos)
            p = asm.pieces[i]
            piece_end = p.astart + (p.vend - p.vstart)
            stop = min(found.a_end, piece_end)
            f = self.prep[p.frag]
            b_from, b_to = found.a_to_b(pos), found.a_to_b(stop)
            reaches_end = stop == piece_end and b_to < len(b.view.chars)
            self.overlaps.append(
                Overlap(
                    left=f.index,
                    right=b.index,
                    kind="dovetail" if reaches_end else "containment",
                    left_start=f.base + f.view.offsets[p.vstart + pos - p.astart],
                    left_end=f.base + f.view.raw_end(p.vstart + stop - p.astart),
                    right_start=b.base + b.view.offsets[min(b_from, len(b.view.offsets) - 1)],
                    right_end=b.base + b.view.raw_end(min(b_to, len(b.view.offsets))),
                    score=found.score,
                )
            )
            if stop <= pos:
                break
            pos = stop

    def _record(
        self, b: Prepared, kind: str, score: float, confidence: float, **extra: int | None
    ) -> None:
        left = self.asm.pieces[-1].frag if self.asm.pieces else None
        self.joins.append(
            Join.model_validate(
                {
                    "kind": kind,
                    "left": self.prep[left].index if left is not None else None,
                    "right": b.index,
                    "score": score,
                    "confidence": confidence,
                    **extra,
                }
            )
        )

    def _rival_restart(
        self,
        b_index: int,
        found: Alignment,
        last: _LastUnit,
        cut: str,
        *,
        row_left_open: bool,
        inside_cut: bool,
    ) -> int | None:
        """A later piece that restarts the cut ``b_index`` meets (as ``found``) by chance,
        and goes on from it otherwise: ``b_index`` gives way to it (None if none). ``cut``
        is the raw text of the cut unit.

        A meet of a letter or two ("…then th" | "the mailing lists …") gives way to a
        piece restarting the cut at length ("…then that member is removed …"); a row
        left open, to a piece writing that row whole from its pipe ("| オ" | "| オブジェ
        クト      |  オブジェクト     |"); a meet inside the cut unit, to a piece
        restating that unit from its start ("…、1.8.0 がリリースされて10年が経ち、1.8.7
        が" | "10年が経ち、1.8.7 がレガシーに…" | "技術的な話をすると、…1.8.7 がリリース
        されて5年…"). A piece going on from the cut as ``b_index`` does is no rival
        ("{% endhighlight" | "{% endhighlight %} All users…" | "Or: … {% endhighlight
        %} All users…", a meet of a seed's length), nor one that says nothing of this
        piece's or writes other text between the cut and it: a copy of both in one
        stretch. (Two resumes of a cut met in a word or two may share their first words,
        a regeneration's, and part later: the one restarting at length wins.)
        """
        asm = self.asm
        b = self.prep[b_index]
        a_tail = asm.get(max(last.apos, asm.length - _BRIDGE_TAIL), asm.length)
        b_after = b.view.chars[found.b_end : found.b_end + 16]
        for c, host in self._later_restarts(b_index, found.b_end):
            agrees = self.prep[c].view.chars.startswith(b_after, host.a_to_b(asm.length))
            if agrees and not found.exact_short:
                continue
            # (nor is one opening with text this piece writes further on: it restarts this
            # piece, "{% highlight ruby %}\nhandle =" | "handle = …(dangerous_user_input)
            # … Or: {% highlight ruby %}\nhandle = …(some_library)" | "{% highlight ruby
            # %}\nhandle = …(some_library)")
            opening = self.prep[c].view.chars[host.b_start : host.b_start + 2 * SEED_LEN]
            if len(opening) == 2 * SEED_LEN and opening in b.view.chars[found.b_end :]:
                continue
            # (the cut sentence restarted on its own, from its start: a restart from
            # further back that goes on otherwise may be a drifted redundant copy)
            if (
                inside_cut
                and not agrees
                and host.a_start == last.apos
                and not host.exact_short
                and self._writes_cut(c, host, last)
            ):
                return c
            if (
                (
                    (found.b_end <= _CHANCE_MEET or row_left_open)
                    and self._restarts_at_length(c, host, last)
                )
                or (row_left_open and self._writes_row(c, cut))
            ) and (self._resumes(c, b) is None or not _bridges(self.prep[c], a_tail, b_after)):
                return c
        return None

    def _short_meet_waits_for(
        self, b_index: int, found: Alignment, last: _LastUnit, cut: str
    ) -> int | None:
        """Of two pieces that both meet the cut in a few characters ("让我" | "让我们更…",
        "让我" | "让我们再…"), the one whose start lies at the end of the other comes after
        it: the other piece, not placed yet, to wait for (None if there is none). So does
        a piece meeting the cut exactly in a few words when the other restarts the cut at
        length, from well before it, and goes on otherwise ("There are" | "There are a
        few ways …" | "… There are several reasons …").

        The piece must restart that end at more than a chance word ("SIZE:" starts
        every checksum block), and a piece split off at an implicit restart may be a
        copy of this one's start, so it is not waited for on a short meet. ``cut`` is the
        raw text of the cut unit.
        """
        b = self.prep[b_index]
        for c in sorted(self._unplaced_hosts(b_index)):
            if not self._restarts_end(c, b_index):
                continue
            host = self._find(self.prep[c], last)
            if host is None:
                # (that piece does not go on from the text so far: it belongs further
                # on, and this piece, meeting the cut in a word, after it: "This" | "This
                # isn't mandatory, … but such a section can be" restarts the end of a
                # piece not placed yet, "… a section can be" | "This ensures …")
                # (met in whole words: a piece going on inside the cut's last word, "##
                # ダウンロー" | "## ダウンロード", meets it by no chance; and that piece
                # ends cut in a sentence this one completes: a piece regenerating the
                # article from far back restates much of another without coming after it)
                met_end = b.view.raw_end(found.b_end)
                if (
                    found.exact_short
                    and last.kind == "sentence"
                    and b.text[met_end : met_end + 1].isspace()
                    and self._ends_cut(c)
                    # (at length: look-alike blocks open alike, "<aside markdown=…>\n <img")
                    and self._restarts_end(c, b_index, 4 * SEED_LEN)
                    # (from inside that piece: a piece this one restates from its first
                    # words is a redundant copy of part of it, not text before it, "<figure
                    # class="listing">" "```rust …" | "```rust …" cut inside this piece)
                    and not self._restates_whole(c, b_index)
                ):
                    return c
                continue
            before_c = [d for d in self._unplaced_hosts(c) - {b_index} if self._restarts_end(d, c)]
            if before_c:
                # (that piece restarts another one not placed yet at length: it comes
                # after that one, and meets the cut only by chance, "The" | "There
                # should be …" after "…between the start of a"; unless that one meets
                # the cut as this piece does, and this piece goes on from that piece's
                # end, not from its start: "SIZE:" | "SIZE: 13336518 …" | "SIZE:
                # 16638151 …" | "SIZE: 10464500 …", each checksum block restarting the
                # one before it, where copies of one text would open alike)
                met = slice(found.b_end, found.b_end + _SAME_WORDS)
                if self.prep[c].view.chars[met] != b.view.chars[met] and any(
                    self._meets_cut_alike(d, found, last, cut) for d in before_c
                ):
                    return c
                continue
            if _meets_alike(host, found, last, cut) and not self.implicit_after[c - 1]:
                return c
            # (a piece restarting the cut at length, from well before it, and going on
            # otherwise comes first too: "There are" | "There are a few ways …" | "##
            # Deciding how … There are several reasons …", which ends "There are a few
            # ways you might respon"; not a look-alike block met before the cut, "<aside
            # …>\n  <img", nor a later copy going on as this piece does)
            # (half as far back in a script without spaces, where a character carries
            # about a word: "与えられた文字列が…常にJSON" | "`JSON.stringify`…")
            far_back = _MIN_LOOP_CHARS // 2 if has_no_space_script(cut) else _MIN_LOOP_CHARS
            if (
                found.exact_short
                and last.apos - host.a_start >= far_back
                and self._restarts_at_length(c, host, last)
                and not self.prep[c].view.chars.startswith(
                    b.view.chars[found.b_end : found.b_end + _SAME_WORDS],
                    host.a_to_b(self.asm.length),
                )
            ):
                return c
        return self._same_cut_before(b_index, found, last, cut)

    def _same_cut_before(
        self, b_index: int, found: Alignment, last: _LastUnit, cut: str
    ) -> int | None:
        """A piece not placed yet that ends cut in the very unit the text so far ends
        cut in, and meets that cut as piece ``b_index`` does, when ``b_index`` ends the
        article (finished, and no piece restarts its end): it comes first, and
        ``b_index`` goes on from its cut ("SIZE:" | "SIZE: 10464500 … Thanks." | "SIZE:
        16638151 … SIZE:"); the other way round it would follow the article's end,
        meeting nothing. (A piece ending inside the article meets a cut like "The"
        by chance: the piece restarting its end shows where it belongs; but the other
        still comes first if no piece restarts its own end, below.)"""
        b = self.prep[b_index]
        if not cut.strip() or not b.units:
            return None
        same_cut = [
            c
            for c, other in enumerate(self.prep)
            if c not in self.placed
            and c != b_index
            and other.units
            and other.text[other.units[-1].start :].strip() == cut.strip()
        ]
        if not same_cut:
            return None
        opening = b.view.chars[:SEED_LEN]
        if any(
            # (a piece going on from its end, not a copy of it from its start)
            not self.prep[d].view.chars.startswith(opening)
            for d in self._pieces_restarting_end(b_index)
        ):
            # (...or when a piece restarts ``b_index``'s end, and no other piece could
            # resume that piece's cut: placed first, it leaves ``b_index`` to resume it,
            # and the chain goes on; ``b_index`` first would leave it a cut nothing
            # resumes, "…tar.bz2>" "* SIZE:" | "* SIZE: 14126752 …tar.xz>" "* SIZE:" |
            # "* SIZE: 11249780 … SHA256:" | "SHA256: …", where the last piece opening
            # "* SIZE:" resumes another's end; not "The" | "The chair …" when a piece
            # that follows none may meet the other "The")
            met = b.view.chars[found.b_start : found.b_end]
            same_cut = [
                c
                for c in same_cut
                if not self._pieces_restarting_end(c)
                and not any(
                    self._loose_meet(d, found, last, cut)
                    for d in range(len(self.prep))
                    # (only a piece opening as this one meets the cut can meet it alike)
                    if d not in self.placed
                    and d not in (b_index, c)
                    and self.prep[d].view.chars.startswith(met)
                )
            ]
        elif not is_complete(b.text[b.units[-1].start :]):
            return None
        return next((c for c in same_cut if self._meets_cut_alike(c, found, last, cut)), None)

    def _loose_meet(self, d: int, found: Alignment, last: _LastUnit, cut: str) -> bool:
        """Whether piece ``d`` meets the cut as ``found`` does and restarts the end of no
        piece not placed yet: a piece that could resume such a cut later."""
        return self._meets_cut_alike(d, found, last, cut) and not any(
            self._restarts_end(e, d) for e in self._unplaced_hosts(d)
        )

    def _pieces_restarting_end(self, c: int) -> list[int]:
        """The pieces not placed yet that restart the end of piece ``c`` (see
        :meth:`_restarts_end`; only pieces whose start repeats ``c`` are aligned)."""
        return [
            d
            for d in range(len(self.prep))
            if d not in self.placed
            and d != c
            and c in self._unplaced_hosts(d)
            and self._restarts_end(c, d)
        ]

    def _meets_cut_alike(self, c: int, found: Alignment, last: _LastUnit, cut: str) -> bool:
        """Whether fragment ``c`` meets the cut as ``found`` does (see :func:`_meets_alike`)."""
        host = self._find(self.prep[c], last)
        return host is not None and _meets_alike(host, found, last, cut)

    def _end_written_alike(self, b_index: int, found: Alignment, last: _LastUnit) -> int | None:
        """A piece not placed yet that goes on from the text's end and whose end piece
        ``b_index`` restarts word for word, at least as far as ``found`` (a meet with
        the text's end that differs in some words) reaches: ``b_index`` comes after that
        piece, and its meet with the text is a look-alike line ("* [ruby-2.0.0-p643.zip]
        (…)" met as "* [ruby-2.0.0-p643.tar.xz](…)", after "SIZE:" | "SIZE: 8318532 …
        p643.zi"). None if there is none."""
        b = self.prep[b_index]
        # (raw characters, as overlaps measure)
        reach = b.view.raw_end(found.b_end) - b.view.raw_start(found.b_start, len(b.text))
        for c in sorted(self._unplaced_hosts(b_index)):
            meet = self._resumes(c, b)
            if (
                meet is not None
                and meet.kind == "dovetail"
                and meet.score == 100
                # (at length: a style guide's look-alike examples, "> 刚刚买了一部 iPhone ，
                # 好开心！" and "> 刚刚买了一部 iPhone，好开心！", meet in a line)
                and meet.right_end - meet.right_start >= max(reach, 4 * SEED_LEN)
                # (that piece goes on from the text: a later copy of the same passage,
                # which b_index restates too, does not)
                and (host := self._find(self.prep[c], last)) is not None
                and host.kind == "dovetail"
            ):
                return c
        return None

    def _joined_copy_waits_for(self, b_index: int, found: Alignment, last: _LastUnit) -> int | None:
        """A later piece, not placed yet, that fragment ``b_index`` (restarting the text's
        end as ``found``) must wait for, as it repeats that piece with paragraphs joined:
        a joined copy is a later generation's, so the piece with the first wording comes
        first (a shuffled draft), if it restarts the text's end closer to the cut. None
        if there is none."""
        b = self.prep[b_index]
        copied = b.view.chars[found.b_start :]
        for c in range(b_index + 1, min(len(self.prep), b_index + 1 + _LOOKAHEAD)):
            p = self.prep[c]
            # (cheap test first: ``b_index`` writes that piece's first words)
            if c in self.placed or p.view.chars[: 2 * SEED_LEN] not in copied:
                continue
            repeated = self._resumes(b_index, p)  # (where ``c`` repeats text of ``b``)
            if repeated is None:
                continue
            host = self._find(p, last)
            if host is None or host.kind != "dovetail" or host.a_start <= found.a_start:
                continue
            # (compared past the text's end only: before it, ``b_index`` may be a joined
            # repeat and still write the first wording of what follows)
            original = p.text[
                p.view.raw_end(host.a_to_b(self.asm.length)) : repeated.right_end - p.base
            ]
            joined = b.text[b.view.raw_end(found.b_end) : repeated.left_end - b.base]
            if _joined(joined, original):
                return c
        return None

    def _leaves_row_open(self, b: Prepared, found: Alignment, cut: str) -> bool:
        """Whether the text ends in a table row (``cut``) cut inside a cell that ``b``,
        meeting it in a few characters, does not finish on its line: a row goes on to its
        closing pipe, not into lines of prose ("| オブジェクト |  オブジェクト" | "オブジェ
        クトがシリアライズされる際は、…\n`RegExp`や…")."""
        row = cut.strip()
        if not (open_row(row) and "\n" not in row):
            return False
        rest = b.text[b.view.raw_end(found.b_end) :]
        first_line, _, after = rest.partition("\n")
        return not first_line.rstrip().endswith("|") and after.strip() != ""

    def _writes_row(self, c: int, cut: str) -> bool:
        """Whether fragment ``c`` opens with the table row the text ends in (``cut``), cut
        inside a cell, written out on its first line up to a closing pipe."""
        row = cut.strip()
        first_line = self.prep[c].text.lstrip().partition("\n")[0].rstrip()
        return (
            len(first_line) > len(row) and first_line.startswith(row) and first_line.endswith("|")
        )

    def _ends_cut(self, c: int) -> bool:
        """Whether fragment ``c`` ends with a sentence left unfinished."""
        p = self.prep[c]
        return bool(p.units) and (
            p.units[-1].kind == "sentence"
            and not is_complete(p.text[p.units[-1].start : p.units[-1].end])
        )

    def _restarts_end(self, c: int, b_index: int, at_least: int = SEED_LEN) -> bool:
        """Whether fragment ``b_index`` restarts the end of fragment ``c`` at more than
        a chance word (``at_least`` characters of ``b_index``)."""
        inside = self._resumes(c, self.prep[b_index])
        return (
            inside is not None
            and inside.kind == "dovetail"
            and inside.right_end - inside.right_start >= at_least
        )

    def _restates_whole(self, c: int, b_index: int) -> bool:
        """Whether fragment ``b_index`` restates fragment ``c`` from its first words."""
        inside = self._resumes(c, self.prep[b_index])
        if inside is None:
            return False
        other = self.prep[c]
        return inside.left_start <= other.base + other.view.raw_start(_HEAD_DRIFT, len(other.text))

    def _restarts_at_length(self, c: int, host: Alignment, last: _LastUnit) -> bool:
        """Whether fragment ``c``, aligned as ``host`` on the text so far, restarts its end
        from before its last unit, not in a few characters met by chance, and writes that
        cut unit word for word (a look-alike code listing before the cut meets it at
        length too)."""
        # (from before the cut unit: a look-alike of that unit alone, another "<aside …>
        # <img", is no restart of it)
        if host.exact_short or host.a_start >= last.apos:
            return False
        return self._writes_cut(c, host, last)

    def _writes_cut(self, c: int, host: Alignment, last: _LastUnit) -> bool:
        """Whether fragment ``c``, aligned as ``host`` on the text so far, writes the
        cut last unit word for word where it aligns to it."""
        cut = self.asm.get(last.apos, self.asm.length)
        return self.prep[c].view.chars.startswith(cut, host.a_to_b(last.apos))

    def _second_continuation(self, b: Prepared) -> bool:
        """Add ``b`` if it restates the text up to where a later piece took over and then
        goes on differently (the generation restarted from there a second time): only
        what it adds is kept, after the text so far. Returns whether it was added."""
        asm = self.asm
        found = find_restatement(
            asm.get, asm.lookup, b, asm._astarts[1:], min_score=self.options.min_score
        )
        if (
            found is None
            or any(conflicts(asm.get, b.view.chars, found, b_code=b.code))
            # a copy with sentences of its own is not only a restatement: kept whole
            or self._own_units(b, found)
        ):
            return False
        self._note_overlaps(b, found)
        confidence = min(found.score, 60.0)
        if self.options.min_confidence and confidence < self.options.min_confidence:
            self._keep_both(
                b,
                found.score,
                confidence,
                f"restates earlier text and goes on differently; the join scored "
                f"{confidence:.0f} < min_confidence {self.options.min_confidence:.0f}",
            )
            return True
        # from the unit the copy ends in: a second ending of a cut sentence is kept whole
        self._append_unit(
            b,
            b.unit_at(found.a_to_b(found.a_end)),
            found.score,
            confidence,
            "restates earlier text up to where another piece went on, then goes on "
            "differently; what it adds is kept after the text before it (check the order)",
        )
        return True

    def _append_unit(
        self, b: Prepared, unit: int, score: float, confidence: float, why: str
    ) -> None:
        """Append ``b`` from the start of its unit ``unit``, after a paragraph break, as a
        restart whose first part is kept although the text holds a copy of it (warned)."""
        asm = self.asm
        a_piece = asm.pieces[-1]
        a = self.prep[a_piece.frag]
        start = b.units[unit].start
        self.warnings.append(f"fragment {b.index} {why}")
        self._record(
            b,
            "restart",
            score,
            confidence,
            left_cut=a.base + a_piece.end,
            right_resume=b.base + start,
            output_offset=asm.output_length(),
        )
        asm.append(b.index, start, join=paragraph_separator(a.text))

    def _words(self) -> Counter[str]:
        """The draft's words, lowercased, with their counts (read once, on demand)."""
        if self._word_counts is None:
            self._word_counts = Counter(w.lower() for w in _WORD.findall(self.draft))
        return self._word_counts

    def _restates_paragraph(self, b: Prepared, found: Alignment, copy_end: int) -> bool:
        """Whether ``b``'s copy (up to raw ``copy_end``) begins where a paragraph of the
        assembled text begins and keeps every paragraph break of the text it restates
        (it is no copy with its paragraphs joined)."""
        asm = self.asm
        piece, raw = asm.locate(found.a_start)
        p = asm.pieces[piece]
        before = self.prep[p.frag].text[p.start : raw]
        if before.strip():
            opens = _ENDS_BLANK_LINE.search(before) is not None
        else:
            opens = piece == 0 or "\n\n" in p.join or _ENDS_BLANK_LINE.search(p.join) is not None
        copy_start = b.view.raw_start(found.b_start, len(b.text))
        copy_breaks = len(BLANK_LINE.findall(b.text, copy_start, copy_end))
        text_breaks = len(BLANK_LINE.findall(asm.raw_span(found.a_start, asm.length)))
        return opens and copy_breaks >= text_breaks

    def _continue(self, b: Prepared, last: _LastUnit) -> None:
        asm = self.asm
        a_piece = asm.pieces[-1]
        a = self.prep[a_piece.frag]
        start = _resume_raw(b, 0) if b.view.chars else 0
        # (an HTML block or a JSX component on its own line is no rest of a sentence:
        # "…[p5.js](…)" | "<aside markdown=\"1\" …>", "…查看此演讲以" | "<YouTubeIframe …/>")
        opens_block = (bool(b.units) and b.units[0].kind in _BLOCK_KINDS) or (
            _BLOCK_TAG.match(b.text, start) is not None
        )
        # a heading or a list item has no stop, but a capitalised sentence after it is
        # no rest of it ("### Install the tool" | "Run the installer …", "* Type: Path" |
        # "The folder where …"), and a finished entry goes on in lower case only ("*
        # `prepare`" | "`prepare` runs only when …")
        opening = b.text[start] if start < len(b.text) else ""
        last_text = a.text[last.raw : a_piece.end].rstrip()
        # (a table row cut after a cell goes on with the next cells: "| LangChain" |
        # "| フレームワーク | エンジニア | …": a row, on the same line)
        if (
            opens_block
            and b.units[0].kind == "table_row"
            and open_row(last_text)
            and "\n" not in last_text
        ):
            opens_block = False
        # (markup alone ending the text, "__[", that the piece opens with, "__[点击这里…":
        # a line cut after its opening markup, which the piece writes whole)
        # (after an item's bullet or number: "2.  **" | "**パーソナライズ…:**")
        stub = LIST_BULLET.sub("", a.text[: a_piece.end].rsplit("\n", 1)[-1], count=1).strip()
        lead = b.text[: b.view.offsets[0]].strip() if b.view.offsets else ""
        markup_resumed = bool(stub) and not any(ch.isalnum() for ch in stub) and lead == stub
        if markup_resumed:
            start = b.text.index(stub) + len(stub)  # (the stub goes on: "*" | " item")
        elif (
            lead
            and not any(ch.isalnum() for ch in lead)
            and OPEN_END.search(lead) is not None
            and a.text[: a_piece.end].rstrip().endswith(lead)
        ):
            # (a sentence cut right after the bracket opening it, which the piece
            # writes again: "…しました。（" | "（中略）私は、…")
            markup_resumed = True
            start = b.text.index(lead) + len(lead)
        elif (
            stub.startswith("<")
            and ">" not in stub
            and b.text.lstrip().startswith(stub)
            and len(b.text.lstrip()) > len(stub)
        ):
            # (a tag cut inside, which the piece writes whole: "  <i" | "<img src=…>",
            # "</a" | "</aside>")
            markup_resumed = True
            start = b.text.index(stub) + len(stub)
        after_heading = (
            last.kind in ("heading", "list_item")
            and opening.isupper()
            and not has_no_space_script(last_text)
            # (not one that ends open: "1. Productized into" | "COTS", "* [CVE-…:" | "…")
            and OPEN_END.search(last_text) is None
            and last_text.count("[") <= last_text.count("]")
        )
        after_entry = self._closed_item(last) and opening != "" and not opening.islower()
        # (one that ends with a stop is finished whatever follows: "### 申し込みはいつまで
        # ですか？" | "申し込みは開催日の一週間前までです。")
        stopped = last.kind in ("heading", "list_item") and is_complete(last_text)
        # (so is a heading closed by its anchor: "## 面向…的 React 18 {/*react-18-…*/}")
        anchored = last.kind == "heading" and HEADING_ANCHOR.search(last_text) is not None
        finished = last.complete or after_heading or after_entry or stopped or anchored
        if markup_resumed:
            finished, opens_block = False, False
        if not finished and opens_block:
            self.warnings.append(
                f"fragment {b.index} opens with a {b.units[0].kind.replace('_', ' ')}, so it "
                f"cannot finish the cut sentence ending fragment {a.index}; that sentence is "
                "kept unfinished"
            )
        if not finished and not opens_block:
            join = (
                ""
                if markup_resumed
                else _glue(a.text[: a_piece.end], b.text[start:], self._words())
            )
            kind, confidence = "continuation", 75.0
            self.overlaps.append(
                Overlap(
                    left=a.index,
                    right=b.index,
                    kind="adjacent",
                    left_start=a.base + a_piece.end,
                    left_end=a.base + a_piece.end,
                    right_start=b.base + start,
                    right_end=b.base + start,
                    score=100.0,
                )
            )
        elif (
            b.index == a.index + 1 and a_piece.end == len(a.text) and self.same_line_after[a.index]
        ):
            # (the draft went on on the same line: a marker inside a line of finished
            # sentences, the next piece's text after it)
            join = "" if is_no_space_script(a.text[-1:]) else " "
            kind, confidence = "continuation", 75.0
        else:
            join = paragraph_separator(a.text)
            kind, confidence = "gap", 50.0
            if not (
                a.index == 0
                and a.units
                and a.units[-1].kind == "front_matter"
                and len(a.units) == 1
            ):
                self.warnings.append(
                    f"fragment {b.index} repeats nothing from the text before it; "
                    f"kept in input order after fragment {a.index} (check the order)"
                )
            else:
                kind, confidence = "continuation", 100.0
        output_offset = self.asm.output_length()
        self._record(
            b,
            kind,
            100.0,
            confidence,
            left_cut=a.base + a_piece.end,
            right_resume=b.base + start,
            output_offset=output_offset,
        )
        asm.append(b.index, start, join=join)

    def _restart(self, b: Prepared, found: Alignment, last: _LastUnit) -> None:
        asm = self.asm
        len_a = asm.length
        q_b = found.b_end if found.exact_short else found.a_to_b(len_a)
        confidence = found.score if not found.exact_short else min(95.0, 55.0 + 10.0 * found.b_end)
        if self.options.min_confidence and confidence < self.options.min_confidence:
            self._keep_both(
                b,
                found.score,
                confidence,
                f"overlaps the text before it, but the join scored {confidence:.0f} < "
                f"min_confidence {self.options.min_confidence:.0f}",
            )
            return
        a0, b0, _ = found.blocks[0]
        new_head = self._own_head(b, found)
        # a heading cannot restate the middle of a sentence: it is the piece's own
        # (unless a unit starts a character or two before: a drifted copy of that unit,
        # "**教訓:**" | "**訓:**")
        new_head = new_head or (
            bool(b.units)
            and b.units[0].kind == "heading"
            and b.unit_vends[0] > b0
            and not any(asm.starts_unit(max(0, a0 - b0 - d)) for d in range(_HEAD_DRIFT + 1))
            # (or a character or two after, in the unit the block begins in: a letter
            # inserted into it, "**Meetts…**" | "**Meets…**"; not the start of the unit
            # before, "## Mirrors", under "### `brine.promises.setMirrors`" | "### `brine.
            # setMirrors`")
            and not any(
                asm.starts_unit(a0 - b0 + d)
                and not any(asm.starts_unit(x) for x in range(a0 - b0 + d + 1, a0 + 1))
                for d in range(1, _HEAD_DRIFT + 1)
            )
        )
        expanded = not found.exact_short and self._own_units(b, found)
        if (
            (expanded or new_head)
            and not found.exact_short
            and self._a_own_units(found, to_end=last.complete)
        ):
            self._keep_both(
                b,
                found.score,
                confidence,
                "and the text before it each have sentences the other lacks",
            )
            return
        if new_head or expanded or (self.options.prefer == "last" and not found.exact_short):
            # The piece says something of its own before restating the text (a
            # heading, a remark), or its wording is preferred: it replaces the
            # assembled text from where its copy begins.
            self._replace_from(b, found, 0 if new_head else b0, confidence)
            return
        keep_all = self._unit_ends_near(b, q_b, last.complete)
        a_piece = asm.pieces[-1]
        a = self.prep[a_piece.frag]
        if keep_all:
            j = self._unit_ending_near(b, q_b)
            if j + 1 >= len(b.units):
                self._record(b, "redundant", found.score, confidence)
                return
            sep_start = b.units[j].end
            resume = b.units[j + 1].start
            gap = b.text[sep_start:resume]
            left_cut = a.base + a_piece.end
            output_offset = self.asm.output_length()
            # A blank line after a finished sentence is the text's own paragraph
            # break where no marker stood (pieces split at implicit restarts); before
            # a marker it is only the pipeline's spacing and proves nothing.
            # (not after an indented line: that is a line of a block the copy goes on
            # with, "  我一直都在摸索。" | "我一直都在摸索。我没有…")
            text_break = (
                a.trailing_break
                and self.implicit_after[a.index]
                and not _ends_indented(a.text[: a_piece.end])
            )
            if (
                gap.count("\n") < 2
                and text_break
                and last.kind == "sentence"
                # A copy that restates the whole paragraph, with the text's paragraph
                # breaks, and goes on inside it shows the paragraph was not finished
                # (asked last: it reads the whole restated stretch).
                and not self._restates_paragraph(b, found, sep_start)
            ):
                resume_at, join = resume, paragraph_separator(a.text)
            else:
                resume_at, join = sep_start, ""  # the copy's own whitespace
            self._record(
                b,
                "restart",
                found.score,
                confidence,
                left_cut=left_cut,
                right_resume=b.base + resume_at,
                output_offset=output_offset,
            )
            asm.append(b.index, resume_at, join=join)
            return
        a_last, b_last, n_last = found.blocks[-1]
        exact_end = not found.exact_short and a_last + n_last == len_a and len_a > last.apos
        if exact_end and found.a_start <= last.apos + _HEAD_DRIFT:
            # The copy matches the unfinished unit exactly up to where it was cut:
            # keep its first wording and take only what the restart adds after it
            # (the punctuation in between comes from the restart).
            q = b_last + n_last
            piece, raw_cut = asm.locate(len_a - 1)
            raw_cut = self.prep[asm.pieces[piece].frag].view.raw_end(
                asm.pieces[piece].vstart + (len_a - asm.pieces[piece].astart)
            )
            resume = b.view.raw_end(q)
        elif found.a_start > last.apos:
            # the fragment resumes inside the unfinished unit: cut there, keep the rest of it
            # both sides cut at a view character, so punctuation before it is kept once (A's)
            piece, raw_cut = asm.locate(found.a_start)
            resume = b.view.raw_start(found.b_start, len(b.text))
        elif last.complete and 2 * _covered(found, last.apos, len_a) < len_a - last.apos:
            # The text ends with a finished sentence the copy does not restate (it
            # finishes the sentence before it another way): keep both wordings.
            self._append_unit(
                b,
                b.unit_at(found.a_to_b(last.apos)),
                found.score,
                confidence,
                "goes on differently from the sentence the text before it ends with; both are kept",
            )
            return
        else:
            piece, raw_cut = last.piece, last.raw
            # the letterless units before an unfinished sentence stay A's
            resume = _resume_raw(b, max(0, found.a_to_b(last.apos)), letterless=last.apos >= len_a)
        self._switch(b, found, (piece, raw_cut), resume, confidence)

    def _switch(
        self,
        b: Prepared,
        found: Alignment,
        cut: tuple[int, int],
        resume: int,
        confidence: float,
        *,
        keep_unrepeated: bool = True,
        raw_end: int | None = None,
    ) -> None:
        """Cut the assembled text at ``cut`` (piece, raw offset); go on with ``b`` at
        ``resume`` (up to ``raw_end``, or its end)."""
        piece, raw_cut = cut
        cut_frag = self.prep[self.asm.pieces[piece].frag]
        resume = _past_markup_kept(b, resume, cut_frag.text[:raw_cut])
        own_ellipsis = LEADING_ELLIPSIS.match(cut_frag.text, raw_cut)
        if own_ellipsis and not LEADING_ELLIPSIS.match(b.text, resume):
            # the unit replaced opens with an ellipsis of its own ("... and" | "and more
            # improvements.", the piece's copy dropped as a resume's): it stays
            raw_cut = own_ellipsis.end()
        if keep_unrepeated:
            join = self._cut(piece, raw_cut, found)
        else:
            self.asm.truncate(piece, raw_cut)
            join = ""
        self._record(
            b,
            "restart",
            found.score,
            confidence,
            left_cut=cut_frag.base + raw_cut,
            right_resume=b.base + resume,
            output_offset=self.asm.output_length(),
        )
        self.asm.append(b.index, resume, join=join, raw_end=raw_end)

    def _cut(self, piece: int, raw_cut: int, found: Alignment) -> str:
        """Truncate the assembled text for a restart, keeping whole pieces after the cut
        that the restart does not repeat (a heading glued on by an earlier piece).

        Returns the separator the restart needs after such kept pieces ("" if none).
        """
        asm = self.asm
        orphans: list[_Piece] = []
        for p in asm.pieces[piece + 1 :]:
            n = p.vend - p.vstart
            if n and _covered(found, p.astart, p.astart + n) * 10 < 3 * n:
                orphans.append(p)
        asm.truncate(piece, raw_cut)
        for p in orphans:
            self.warnings.append(
                f"text of fragment {self.prep[p.frag].index} that the next restart does not "
                "repeat is kept before it"
            )
            asm.append(p.frag, p.start, join=p.join or "\n\n", raw_end=p.end)
        return "\n\n" if orphans else ""

    def _replace_from(self, b: Prepared, found: Alignment, b_from: int, confidence: float) -> None:
        """Cut the assembled text where ``b``'s copy begins; ``b`` supplies the rest.

        ``b`` is taken from view position ``b_from`` on.
        """
        cut = self._cut_point(found.blocks[0][0])
        self._switch(b, found, cut, _resume_raw(b, b_from), confidence)

    def _cut_point(self, apos: int) -> tuple[int, int]:
        """(piece, raw offset) to cut at for assembled view position ``apos``: the start
        of its unit when a unit starts there (leading markup included)."""
        asm = self.asm
        piece, raw_cut = asm.locate(apos)
        f = self.prep[asm.pieces[piece].frag]
        if asm.starts_unit(apos):
            raw_cut = max(asm.pieces[piece].start, f.units[_unit_index_at_raw(f, raw_cut)].start)
        return piece, raw_cut

    def _head_differs(self, b: Prepared, found: Alignment) -> bool:
        """Whether ``b`` opens, before its first matched block, with a whole unit
        the text before that block does not have."""
        a0, b0, _ = found.blocks[0]
        # (a unit before the first matched block that matches too, only too short
        # for a block, "**対策**:" before "* AIエージェント…", is not new)
        return (
            b0 > 0
            and self.asm.get(max(0, a0 - b0), a0) != b.view.chars[:b0]
            and any(u.end <= b.view.offsets[b0] for u in b.units)
        )

    def _own_head(self, b: Prepared, found: Alignment) -> bool:
        """Whether a copy opens with a unit of its own that is no drifted copy of the
        text before the passage it restates (``## 関連記事`` over a link list that
        stands under ``### あわせて読みたい``)."""
        if not self._head_differs(b, found):
            return False
        a0, b0, _ = found.blocks[0]
        head = b.view.chars[:b0]
        before = self.asm.get(max(0, a0 - b0 - _OWN_RUN), a0)
        # (a short head with a character inserted or dropped is compared with the end of
        # the text before as long, give or take that: "活例" of "活用例")
        ends = (
            fuzz.ratio(head, before[-n:])
            for n in range(max(1, b0 - _HEAD_DRIFT), b0 + _HEAD_DRIFT + 1)
        )
        return max(fuzz.partial_ratio(head, before), *ends) < _DRIFTED_HEAD

    def _insert_head(self, b: Prepared, found: Alignment) -> None:
        """Keep the opening of ``b`` that is its own before the passage it restates;
        the rest of ``b`` is redundant."""
        asm = self.asm
        a0, b0, _ = found.blocks[0]
        head_end = max(u.end for u in b.units if u.end <= b.view.offsets[b0])
        piece, raw_cut = self._cut_point(a0)
        tail = asm.spans_from(piece, raw_cut)
        self.warnings.append(
            f"fragment {b.index} opens with text of its own before restating text already "
            "there; that opening is kept before the restated passage"
        )
        self._switch(
            b,
            found,
            (piece, raw_cut),
            _resume_raw(b, 0),
            found.score,
            keep_unrepeated=False,
            raw_end=head_end,
        )
        for i, (frag, start, end) in enumerate(tail):
            asm.append(frag, start, join="\n\n" if i == 0 else "", raw_end=end)

    def _own_units(self, b: Prepared, found: Alignment) -> bool:
        """Whether ``b`` holds, inside the stretch it restates, a unit nothing matched
        (or a sentence's worth of unmatched text inside a longer unit, a list item)."""
        gaps = itertools.pairwise(found.blocks)
        if any(b2 - (b1 + n1) >= _OWN_RUN for (_, b1, n1), (_, b2, _) in gaps):
            return True
        covered = _unit_coverage(b, found)
        last = b.unit_at(max(0, found.b_end - 1))
        return any(
            b.unit_vends[i] - b.unit_vstarts[i] >= 8
            and covered[i] * 10 < 3 * (b.unit_vends[i] - b.unit_vstarts[i])
            for i in range(b.unit_at(found.blocks[0][1]), last)
        )

    def _interleave(self, b: Prepared, found: Alignment) -> bool:
        """Insert the units of ``b`` that nothing in the passage it restates matched
        where its copy puts them (after the text its preceding unit matched), when
        both copies have sentences of their own: every sentence once, rather than the
        whole copy again. False (nothing changed) if ``b`` opens with such units, or
        they fall where the text cannot take them in order."""
        asm = self.asm
        unmatched = self._unmatched_units(b, found)
        own = self._own_units_placed(b, found, unmatched)
        if unmatched and not own:
            # (all it has of its own stands in the text already: it adds nothing)
            self._record(b, "redundant", found.score, found.score)
            self.warnings.append(
                f"fragment {b.index} restates text already there, the rest of it "
                "standing elsewhere in the text; it adds nothing and is dropped"
            )
            return True
        if not own or own[0] == 0 or b.unit_at(found.blocks[0][1]) >= own[0]:
            return False
        runs = _runs(own)
        points: list[tuple[int, int]] = []  # (piece, raw offset) in the assembly
        for run in runs:
            before_end = b.unit_vends[run[0] - 1]
            apos = found.a_start
            for a, bpos, n in found.blocks:
                if bpos < before_end:
                    apos = a + min(n, before_end - bpos)
            apos = min(apos, asm.length)
            if apos <= 0:
                return False
            piece, raw = asm.locate(apos - 1)
            f = self.prep[asm.pieces[piece].frag]
            if not f.units:
                return False
            unit_end = f.units[_unit_index_at_raw(f, raw)].end
            if unit_end > asm.pieces[piece].end:
                return False  # the unit goes on in a later piece: no place to insert
            points.append((piece, unit_end))
        if points != sorted(points):
            return False
        self._insert_runs(b, runs, points, found.score)
        self.warnings.append(
            f"fragment {b.index} and the text before it each have sentences the other "
            f"lacks; its {len(own)} unit(s) of its own are inserted where its copy puts them"
        )
        return True

    def _own_units_placed(self, b: Prepared, found: Alignment, unmatched: list[int]) -> list[int]:
        """The units of ``b`` that :meth:`_interleave` inserts: of those the alignment
        does not match (``unmatched``), none whose words the text already has (runs of spaces
        read as one): a sentence the copy moved, which the opcodes pair in one place
        only, or one another piece wrote. Of look-alike units, equal in their letters
        (a style guide's right and wrong examples, "> 刚刚买了一部 iPhone，好开心！" |
        "> 刚刚买了一部 iPhone ，好开心！"), the one the text lacks is the copy's own,
        whichever of them the opcodes left unmatched."""

        def words(i: int) -> str:
            unit_words: str = SPACE_RUN.sub(" ", b.text[b.units[i].start : b.units[i].end].strip())
            return unit_words

        def view(i: int) -> str:
            return b.view.chars[b.unit_vstarts[i] : b.unit_vends[i]]

        text = SPACE_RUN.sub(" ", self.asm.raw_text())
        first = b.unit_at(found.blocks[0][1])
        own: list[int] = []
        for i in unmatched:
            if len(view(i)) < _MIN_KEYED or words(i) not in text:
                own.append(i)
                continue
            twin = next(
                (
                    j
                    for j in range(first, len(b.units))
                    if j not in unmatched
                    and j not in own
                    and view(j) == view(i)
                    and words(j) not in text
                ),
                None,
            )
            if twin is not None:
                own.append(twin)
        return sorted(own)

    def _regeneration(self, b: Prepared) -> bool:
        """Fold in ``b``, which aligns nowhere as a whole but restates most of its
        units word for word (a regeneration that rewrote some sentences): its units
        already in the text are dropped, its own ones inserted after the text where
        the unit before them stands. False (nothing changed) unless at least
        :data:`_MIN_REGENERATED` units and half of ``b``'s are in the text, ``b`` opens
        with one of them, and it has units of its own."""
        place = self._placer()
        keyed = [
            i for i in range(len(b.units)) if b.unit_vends[i] - b.unit_vstarts[i] >= _MIN_KEYED
        ]
        # unit of b -> where its text stands in the text, (piece, raw end), in text order
        where = {
            i: sorted(
                (n, self.prep[c].units[u].end)
                for c, u in self._restated_by(b.index, i)
                if (n := place(c, u)) is not None
            )
            for i in keyed
        }
        shared = {i for i in keyed if where[i]}
        if len(shared) < _MIN_REGENERATED or 2 * len(shared) < len(keyed) or 0 not in shared:
            return False
        # (a unit whose words all stand in the text, a list item shortened by the
        # rewrite, adds nothing; it is no unit of its own)
        unshared = [i for i in range(len(b.units)) if i not in shared]
        long_ones = {
            i
            for i in unshared
            if b.units[i].kind != "heading" and b.unit_vends[i] - b.unit_vstarts[i] >= _OWN_RUN
        }
        # (the text's whole view is read only when some unit could stand in it)
        text_view = self.asm.get(0, self.asm.length) if long_ones else ""
        own = [
            i
            for i in unshared
            if (
                i not in long_ones
                or b.view.chars[b.unit_vstarts[i] : b.unit_vends[i]] not in text_view
            )
            and not self._echoes(b, i, place)
        ]
        if unshared and not own:
            self._record(b, "redundant", 100.0, 100.0)
            self.warnings.append(
                f"fragment {b.index} restates text already there, some of it shortened; "
                "it adds nothing and is dropped"
            )
            return True
        cursor = (0, 0)
        points: list[tuple[int, int]] = []
        runs = _runs(own)
        placed = iter(runs)
        run = next(placed, None)
        for i in range(len(b.units)):
            if run is not None and i == run[0]:
                points.append(cursor)
                run = next(placed, None)
            if i in shared:
                # (its first place in the text at or after the last one, if any)
                cursor = next((w for w in where[i] if w >= cursor), cursor)
        if not runs or any(point == (0, 0) for point in points):
            # (restating only units that stand in the text, yet aligning nowhere: a
            # refrain sung again, not a regeneration; it is kept)
            return False
        score = 100.0 * len(shared) / len(keyed)
        asm = self.asm
        stub = None
        if runs[-1][-1] == len(b.units) - 1:
            stub = self._stub_completed(len(asm.pieces) - 1, b, runs[-1][0])
        if stub is not None:
            # the rewrite ends by writing whole the sentence the text was cut in: that
            # goes at the end, in the stub's place
            run = runs.pop()
            points.pop()
            if not runs:
                self._record(b, "restart", score, score, output_offset=asm.output_length())
            asm.truncate(len(asm.pieces) - 1, stub)
            asm.append(b.index, b.units[run[0]].start, raw_end=b.units[run[-1]].end)
            end = (len(asm.pieces) - 2, stub)
            points = [min(point, end) for point in points]
        if runs:
            self._insert_runs(b, runs, points, score)
        self.warnings.append(
            f"fragment {b.index} restates {len(shared)} units of the text word for word and "
            f"rewrites the rest: its {len(own)} unit(s) of its own are inserted after the "
            "text where the unit before them stands"
            + (", the last in place of the unfinished sentence they complete" if stub else "")
        )
        return True

    def _echoes(self, b: Prepared, i: int, place: Callable[[int, int], int | None]) -> bool:
        """Whether unit ``i`` of ``b``, not restated by itself, stands in the text
        (``place``, from :meth:`_placer`) beside what its neighbours restate: a heading
        too short to key ("## JIT") between restated units, or a copy, cut short, of the
        unit after the one the unit before it restates ("* Methods such as")."""

        def in_text(j: int, step: int) -> Iterator[tuple[Prepared, int]]:
            # the units beside (step -1: before, +1: after) those unit j of b restates,
            # where both stand in the text
            for c, u in self._restated_by(b.index, j):
                f = self.prep[c]
                beside = u + step
                if (
                    c != b.index
                    and 0 <= beside < len(f.units)
                    and place(c, u) is not None
                    and place(c, beside) is not None
                ):
                    yield f, beside

        if i > 0 and any(
            self._restates(b.index, i, f.index, u) or self._cut_copy(b, i, f, u)
            for f, u in in_text(i - 1, 1)
        ):
            return True
        return i + 1 < len(b.units) and any(
            self._restates(b.index, i, f.index, u) for f, u in in_text(i + 1, -1)
        )

    def _drop_loop_back(self, b: Prepared) -> None:
        """Drop, from what ``b`` has just added at the end of the text, the passages it
        restates (see :meth:`_word_loops` and :meth:`_resegmented_loops`): the model
        looped back. A sentence cut right before such a loop, and written whole after
        it, goes with it. Nothing is lost: the passage stands earlier."""
        asm = self.asm
        if not asm.pieces or asm.pieces[-1].frag != b.index:
            return
        last = asm.pieces[-1]
        units = [n for n, u in enumerate(b.units) if last.start <= u.start and u.end <= last.end]
        if len(units) < _MIN_SHORT_LOOP:
            return
        loops, strays = self._word_loops(b, units)
        looped = {u for first, final in loops for u in range(first, final + 1)}
        loops = sorted(loops + self._resegmented_loops(b, [u for u in units if u not in looped]))
        if not loops:
            return
        extended = [self._with_cut_before(b, units[0], *loop) for loop in loops]
        # (loops that took in a cut: the whole unit after them stands in its place)
        replacing = {new[0] for new, old in zip(extended, loops, strict=True) if new != old}
        loops = extended
        # (in a piece that loops back, a long sentence restated word for word outside
        # the loops is the same regeneration's, rewritten around it: it goes too, where
        # text of the piece's own follows it)
        dropped_units = {u for first, final in loops for u in range(first, final + 1)}
        kept_after = max((u for u in units if u not in dropped_units), default=-1)
        loops = sorted(loops + [s for s in strays if s[0] < kept_after])
        keep: list[tuple[int, int]] = []
        start = last.start
        for first, final in loops:
            nxt = final + 1
            goes_on = nxt < len(b.units) and b.units[nxt].start < last.end
            if first > units[0] and first not in replacing:
                # the separator after the loop joins what it parts: the text it
                # restates ended where the repeat ends, and the next unit follows on
                # as the regenerated copy has it (a paragraph the cut piece ended
                # early goes on); a loop that ends the piece takes the one before it
                keep.append((start, b.units[first - 1].end))
                start = b.units[final].end if goes_on else last.end
            else:
                keep.append((start, b.units[first].start))
                start = b.units[nxt].start if goes_on else last.end
            start = min(max(start, last.start), last.end)
        keep.append((start, last.end))
        stub = self._stub_before(b, loops[0][0], loops[0][1]) if loops[0][0] == units[0] else None
        if len(asm.pieces) > 1 and all(not b.text[lo:hi].strip() for lo, hi in keep):
            # the whole piece was the loop (after the sentence it restarted at): it
            # goes, separator and all, and the text ends where it ended before
            before = asm.pieces[-2]
            asm.truncate(len(asm.pieces) - 2, before.end)
        else:
            if stub is not None:
                # the piece went on from a cut ("对于 Rust 的"), looped back, then wrote
                # the cut sentence whole: the stub goes, the sentence takes its place
                asm.truncate(len(asm.pieces) - 2, stub)
            else:
                asm.truncate(len(asm.pieces) - 1, keep[0][1])
            for lo, hi in keep[1:]:
                if hi > lo:
                    asm.append(b.index, lo, raw_end=hi)
        dropped = sum(final - first + 1 for first, final in loops)
        self.warnings.append(
            f"fragment {b.index} loops back over text already there ({dropped} unit(s) "
            "restated word for word); the repeat is dropped"
            + (
                ", and the unfinished sentence before it gives way to the whole one after it"
                if replacing or stub is not None
                else ""
            )
        )

    def _word_loops(
        self, b: Prepared, units: list[int]
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Runs of ``units`` (of ``b``'s last piece) of :data:`_MIN_LOOP` or more units,
        or :data:`_MIN_SHORT_LOOP` holding :data:`_MIN_LOOP_CHARS` view characters (two,
        if they restate the passage right before them), that restate, word for word and
        in the same order, consecutive units already in the text (or earlier in ``b``)
        — a refrain's few short lines are shorter; an options list restated whole under
        a second heading is that section's own — and, outside them, long sentences
        restated alone (strays). Both as (first, last) unit indices of ``b``."""
        asm = self.asm
        place = self._placer()

        def after(n: int, c: int, i: int) -> tuple[int, int, int] | None:
            # the unit after unit i of fragment c (in piece n) in the text: (piece, frag, unit)
            f = self.prep[c]
            if i + 1 < len(f.units) and f.units[i + 1].end <= asm.pieces[n].end:
                return n, c, i + 1
            for m in range(n + 1, len(asm.pieces)):
                q = asm.pieces[m]
                g = self.prep[q.frag]
                first = bisect_right(g.unit_starts, q.start - 1)
                if first < len(g.units) and g.units[first].end <= q.end:
                    return m, q.frag, first
            return None

        def letters(u: int) -> int:
            return b.unit_vends[u] - b.unit_vstarts[u]

        loops: list[tuple[int, int]] = []  # (first, last) unit index of b, inclusive
        strays: list[tuple[int, int]] = []  # single long sentences restated
        k = 0
        while k < len(units):
            best = 0  # units in the longest run...
            worded = 0  # ... of which have words (a table's "|---|" row, a rule, have none)
            source = (0, 0)  # (fragment, unit) the longest run restates from
            for c, i in self._restated_by(b.index, units[k]):
                n0 = place(c, i)
                if n0 is None or (c == b.index and i >= units[k]):
                    continue
                at: tuple[int, int, int] | None = (n0, c, i)
                n = counted = 0
                # (a short unit restated is chance as a start; in the run, a short
                # heading or one without words, "|---|", goes with it, uncounted)
                while (
                    at is not None
                    and k + n < len(units)
                    and not (at[1] == b.index and at[2] >= units[k])
                    and self._restates(b.index, units[k + n], at[1], at[2])
                    and (letters(units[k + n]) >= 8 or n)
                ):
                    counted += letters(units[k + n]) >= 8
                    n += 1
                    at = after(*at)
                while n and not letters(units[k + n - 1]):
                    n -= 1
                if (
                    n
                    and at is not None
                    and k + n < len(units)
                    and self._cut_copy(b, units[k + n], self.prep[at[1]], at[2])
                    and (k + n + 1 < len(units) or self._restarted_next(b, units[k + n]))
                ):
                    n += 1  # (the copy was cut inside the next unit: that stub goes too)
                if counted > worded:
                    best, worded, source = n, counted, (c, i)
            restated = sum(letters(units[k + n]) for n in range(best))
            # (a passage restated right after itself is the model restarting at a
            # paragraph it had just written: two units are enough, if long)
            again = source[0] == b.index and source[1] + best == units[k]
            if (
                worded >= _MIN_LOOP
                or (worded >= _MIN_SHORT_LOOP and restated >= _MIN_LOOP_CHARS)
                or (again and worded >= 2 and restated >= _MIN_LOOP_CHARS)
            ):
                if not self._list_under_own_heading(b, units[k], *source):
                    loops.append((units[k], units[k + best - 1]))
                k += best
            else:
                if best and source[0] != b.index:
                    strays.extend(
                        (u, u)
                        for u in units[k : k + best]
                        if b.units[u].kind == "sentence" and letters(u) >= _STRAY_SENTENCE
                    )
                k += max(best, 1)
        return loops, strays

    def _resegmented_loops(self, b: Prepared, units: list[int]) -> list[tuple[int, int]]:
        """Runs of units of ``b`` (indices in ``units``, consecutive ones) whose words
        stand one after the other, without a gap, in the text before ``b``'s last piece,
        holding :data:`_MIN_SHORT_LOOP` units with words and :data:`_MIN_LOOP_CHARS` view
        characters: a loop back over a passage the copy splits into units another way
        (a list item's two sentences, a paragraph's sentence under a bold label), which
        unit-by-unit comparison misses. Nothing is lost: every word stands before."""
        asm = self.asm
        before = asm.pieces[-1].astart
        view = b.view.chars
        seeds = b.seeds
        seed_at = [pos for _, pos in seeds]

        def text(u: int) -> str:
            return view[b.unit_vstarts[u] : b.unit_vends[u]]

        def found(u: int) -> int | None:
            # where unit u's words stand in the text before, found by its seed keys
            lo, hi = b.unit_vstarts[u], b.unit_vends[u]
            words = view[lo:hi]
            # (a unit's first two keys, at their latest places: a loop restates text
            # that stands once, and a key found everywhere is a chance phrase)
            first = bisect_left(seed_at, lo)
            for s in range(first, min(first + 2, bisect_left(seed_at, hi))):
                key, pos = seeds[s]
                for apos in asm.lookup(key)[-8:]:
                    at = apos - (pos - lo)
                    if (
                        at >= 0
                        and at + len(words) <= before
                        and asm.get(at, at + len(words)) == words
                    ):
                        return at
            return None

        def prose(u: int) -> bool:
            # (code is compared character for character, never by its words)
            return (
                b.units[u].kind != "code" and "`" not in b.text[b.units[u].start : b.units[u].end]
            )

        runs: list[tuple[int, int]] = []
        n = 0
        while n < len(units):
            at = found(units[n]) if len(text(units[n])) >= 8 and prose(units[n]) else None
            m, worded, chars, resplit = n, 0, 0, False
            while at is not None and m < len(units) and (m == n or units[m] == units[m - 1] + 1):
                words = text(units[m])
                # (the first unit's words were found there already)
                if m > n and not (
                    prose(units[m])
                    and at + len(words) <= before
                    and asm.get(at, at + len(words)) == words
                ):
                    break
                resplit = resplit or (bool(words) and not asm.starts_unit(at))
                at += len(words)
                chars += len(words)
                worded += len(words) >= 8
                m += 1
            while m > n and not text(units[m - 1]):
                m -= 1
            # (units that all begin where the text's do were compared one by one
            # already, and differ in what the words leave out: markup, line breaks)
            if resplit and worded >= _MIN_SHORT_LOOP and chars >= _MIN_LOOP_CHARS:
                runs.append((units[n], units[m - 1]))
                n = m
            else:
                n += 1
        return runs

    def _stub_before(self, b: Prepared, first: int, final: int) -> int | None:
        """When a loop opens the last piece (``b``'s units ``first``..``final``), and
        the piece before ends with an unfinished sentence whose words start the unit
        after the loop: the raw offset, in that piece, where the stub starts."""
        resumed = final + 1
        if len(self.asm.pieces) < 2 or resumed >= len(b.units):
            return None
        return self._stub_completed(len(self.asm.pieces) - 2, b, resumed)

    def _stub_completed(self, piece: int, b: Prepared, j: int) -> int | None:
        """Where (raw offset in piece ``piece``) the unfinished sentence the piece ends
        with starts, if unit ``j`` of ``b`` writes it whole; else None."""
        p = self.asm.pieces[piece]
        f = self.prep[p.frag]
        if not f.units:
            return None
        unit = f.units[_unit_index_at_raw(f, p.end - 1)]
        if unit.start <= p.start or unit.kind not in ("sentence", "list_item"):
            return None
        if is_complete(f.text[unit.start : p.end]):
            return None
        # (the stub is the unit, or its last line: a list item's second line may be
        # the sentence that was cut)
        line = f.text.rfind("\n", unit.start, p.end) + 1 or unit.start
        line += len(f.text[line : p.end]) - len(f.text[line : p.end].lstrip())
        offsets = f.view.offsets
        whole = b.view.chars[b.unit_vstarts[j] : b.unit_vends[j]]
        for start in (unit.start, line):
            stub = f.view.chars[bisect_left(offsets, start) : bisect_left(offsets, p.end)]
            if _completes(stub, whole):
                return start
        return None

    def _restarted_next(self, b: Prepared, j: int) -> bool:
        """Whether the fragment after ``b`` starts with the words of unit ``j`` of
        ``b``, the stub ``b`` ends with: it writes that sentence again from its start
        ("There" | "There are also some bugfixes."), so the stub is no cut it goes on
        from ("…マルチモーダルAIも" | "AIも進化しており…" is one)."""
        if b.index + 1 >= len(self.prep):
            return False
        stub = b.view.chars[b.unit_vstarts[j] : b.unit_vends[j]]
        return bool(stub) and self.prep[b.index + 1].view.chars.startswith(stub)

    @staticmethod
    def _cut_copy(b: Prepared, j: int, c: Prepared, i: int) -> bool:
        """Whether unit ``j`` of ``b`` is unit ``i`` of ``c`` cut short: an unfinished
        sentence whose words begin it."""
        kind = b.units[j].kind
        if kind not in ("sentence", "list_item") or kind != c.units[i].kind:
            return False
        if is_complete(b.text[b.units[j].start : b.units[j].end]):
            return False
        stub = b.view.chars[b.unit_vstarts[j] : b.unit_vends[j]]
        whole = c.view.chars[c.unit_vstarts[i] : c.unit_vends[i]]
        return _completes(stub, whole)

    @staticmethod
    def _with_cut_before(b: Prepared, lowest: int, first: int, final: int) -> tuple[int, int]:
        """The loop ``first``..``final`` of ``b``, taking in the unfinished sentence
        (or list item) right before it when the text after the loop starts it again:
        the generation was cut ("In", "* time"), looped back, then wrote it whole ("In
        addition, ...", "* time 0.3.0"). ``lowest`` is the first unit the loop may
        take in."""
        cut, resumed = first - 1, final + 1
        if cut >= lowest and resumed < len(b.units) and _Merger._cut_copy(b, cut, b, resumed):
            return cut, final
        return first, final

    def _list_under_own_heading(self, b: Prepared, first: int, c: int, i: int) -> bool:
        """Whether unit ``first`` of ``b``, restating unit ``i`` of fragment ``c`` on,
        opens a list right under a heading, and the restated list stands under another:
        an options list restated whole under a second function's heading is that
        function's own, not a model looping back (a loop restates the heading too,
        even one too short to key, "## YJIT", or resumes a list partway)."""
        if not (first > 0 and b.units[first].kind == "list_item"):
            return False
        heading = b.units[first - 1]
        if heading.kind != "heading":
            return False
        before = self._heading_before(c, i)
        return before is not None and before != self._unit_texts(b.index)[first - 1]

    def _heading_before(self, c: int, i: int) -> str | None:
        """The text (as :meth:`_unit_texts` gives it) of the heading right before unit
        ``i`` of fragment ``c`` in the text, or None: the unit before it in its
        fragment, or, if it opens a piece, the last unit of the piece before."""
        if i > 0:
            frag, k = c, i - 1
        else:
            n = self._placer()(c, i)
            if not n:
                return None
            prev = self.asm.pieces[n - 1]
            frag, k = prev.frag, _unit_index_at_raw(self.prep[prev.frag], prev.end - 1)
        units = self.prep[frag].units
        if not units or units[k].kind != "heading":
            return None
        return self._unit_texts(frag)[k]

    def _placer(self) -> Callable[[int, int], int | None]:
        """For the text as it stands: (fragment, unit index) -> the piece that holds
        that unit whole, or that resumed inside it and holds the rest (the unit the
        piece completed: "| 規" | "模 | ノーコード系 |"), or None."""
        asm = self.asm
        pieces_of: dict[int, list[int]] = defaultdict(list)  # fragment -> its pieces
        for n, p in enumerate(asm.pieces):
            pieces_of[p.frag].append(n)

        def place(c: int, i: int) -> int | None:
            u = self.prep[c].units[i]
            for n in pieces_of[c]:
                p = asm.pieces[n]
                if u.end <= p.end and (p.start <= u.start or (n and p.start < u.end)):
                    return n
            return None

        return place

    def _unit_texts(self, frag: int) -> list[str]:
        """The units of fragment ``frag`` as the text that decides whether a copy
        restates them word for word (worked out once): their words, markup, case and
        line breaks aside (a list item joined onto one line, a bold line written as a
        heading), and whether they end finished (a cut unit is not its completion).
        Code is compared character for character, white space aside."""
        if frag not in self._texts:
            f = self.prep[frag]
            self._texts[frag] = [
                " ".join(f.text[u.start : u.end].split())
                if u.kind == "code" or "`" in f.text[u.start : u.end]
                else f.view.chars[f.unit_vstarts[i] : f.unit_vends[i]]
                + ("." if is_complete(f.text[u.start : u.end]) else "")
                for i, u in enumerate(f.units)
            ]
        return self._texts[frag]

    def _restates(self, d: int, j: int, c: int, i: int) -> bool:
        """Whether unit ``j`` of fragment ``d`` restates unit ``i`` of fragment ``c``
        word for word (see :meth:`_unit_texts`), breaking its lines alike, or one of
        them runs on one line: a copy joins a list item's lines, but a document that
        wraps its lines wraps a passage it restates its own way (two licences sharing
        their boilerplate)."""
        if self._unit_texts(d)[j] != self._unit_texts(c)[i]:
            return False
        lines_c, lines_d = self._unit_lines(c)[i], self._unit_lines(d)[j]
        return lines_c is None or lines_d is None or lines_c == lines_d

    def _restated_by(self, d: int, j: int) -> list[tuple[int, int]]:
        """(fragment, unit index) of every keyed unit of the draft that unit ``j`` of
        fragment ``d`` restates (see :meth:`_restates`)."""
        candidates = self._unit_owners().get(self._unit_texts(d)[j], ())
        return [(c, i) for c, i in candidates if self._restates(d, j, c, i)]

    def _unit_lines(self, frag: int) -> list[tuple[str, ...] | None]:
        """The lines of each unit of fragment ``frag``, stripped, or None for a unit on
        one line (worked out once)."""
        if frag not in self._lines:
            f = self.prep[frag]
            self._lines[frag] = [
                tuple(line.strip() for line in raw.splitlines()) if "\n" in raw else None
                for raw in (f.text[u.start : u.end].strip() for u in f.units)
            ]
        return self._lines[frag]

    def _unit_owners(self) -> dict[str, list[tuple[int, int]]]:
        """Unit text -> (fragment, unit index) of every unit of :data:`_MIN_KEYED` or
        more view characters in the draft (worked out once)."""
        if self._owners is None:
            owners: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for f in self.prep:
                for i, text in enumerate(self._unit_texts(f.index)):
                    if f.unit_vends[i] - f.unit_vstarts[i] >= _MIN_KEYED:
                        owners[text].append((f.index, i))
            self._owners = owners
        return self._owners

    def _insert_runs(
        self, b: Prepared, runs: list[list[int]], points: list[tuple[int, int]], score: float
    ) -> None:
        """Insert runs of units of ``b`` at (piece, raw offset) points of the assembly
        (in order), each with the separator that precedes it in ``b``."""
        asm = self.asm
        first_piece, first_raw = points[0]
        tail = [(p.frag, p.start, p.end, p.join) for p in asm.pieces[first_piece:]]
        tail[0] = (tail[0][0], first_raw, tail[0][2], "")
        asm.truncate(first_piece, first_raw)
        self._record(b, "restart", score, score, output_offset=asm.output_length())
        inserts = [
            (point, b.units[run[0] - 1].end, b.units[run[-1]].end)
            for point, run in zip(points, runs, strict=True)
        ]
        for n, (frag, start, end, join) in enumerate(tail):
            piece = first_piece + n
            for (ipiece, iraw), b_start, b_end in inserts:
                if ipiece == piece and start <= iraw <= end:
                    if iraw > start or join:
                        asm.append(frag, start, join=join, raw_end=iraw)
                        join = ""
                    asm.append(b.index, b_start, raw_end=b_end)
                    start = iraw
            if end > start or join:
                asm.append(frag, start, join=join, raw_end=end)

    def _unmatched_units(self, b: Prepared, found: Alignment) -> list[int]:
        """Units of ``b``, from where its copy begins, that the alignment matches less
        than 80 % of (its own sentences, rewritten ones too: as :meth:`_a_own_units`
        counts the text's)."""
        covered = _unit_coverage(b, found)
        # (a unit with a sentence's worth of unmatched text inside is its own too)
        gapped = {
            b.unit_at(b1 + n1)
            for (_, b1, n1), (_, b2, _) in itertools.pairwise(found.blocks)
            if b2 - (b1 + n1) >= _OWN_RUN
        }
        return [
            i
            for i in range(b.unit_at(found.blocks[0][1]), len(b.units))
            if i in gapped
            or (
                b.unit_vends[i] > b.unit_vstarts[i]
                and covered[i] * 10 < 8 * (b.unit_vends[i] - b.unit_vstarts[i])
            )
        ]

    def _extends_units(self, b: Prepared, found: Alignment) -> bool:
        """Whether a unit of its own that ``b``'s copy has restates a sentence's worth
        of the text and adds a sentence's worth to it (the text's unit with sentences
        added; not a sentence with a few words changed)."""
        covered = _unit_coverage(b, found)
        return any(
            covered[i] >= _OWN_RUN and b.unit_vends[i] - b.unit_vstarts[i] - covered[i] >= _OWN_RUN
            for i in self._unmatched_units(b, found)
        )

    def _a_own_units(self, found: Alignment, *, to_end: bool = False) -> bool:
        """Whether the assembled text holds, inside the passage ``found`` restates, a
        sentence the copy does not match (replacing the passage would lose it).
        ``to_end``: the copy replaces the text up to its end (a restart of a text
        that ends finished), so a sentence in the few drifted characters after the
        passage is the text's own too ("…見守っていきたい。そう強く願っています。" |
        "…見守っていきたい。そして、…")."""
        matched = bytearray(found.a_end - found.a_start)
        for a, _, n in found.blocks:
            lo, hi = max(0, a - found.a_start), min(len(matched), a + n - found.a_start)
            matched[lo:hi] = b"\x01" * max(0, hi - lo)
        # stretches of 24+ unmatched view characters are a sentence of its own
        run = 0
        for flag in matched:
            run = 0 if flag else run + 1
            if run >= _OWN_RUN:
                return True
        # ...and so is a whole unit the copy matches less than 80 % of (a heading,
        # "## 関連記事", or a sentence the copy rewrote: replacing would lose its wording)
        end = self.asm.length if to_end else found.a_end
        matched += bytearray(end - found.a_end)
        for lo, hi in self._unit_spans(found.a_start, end):
            lo, hi = lo - found.a_start, hi - found.a_start
            if hi - lo >= _MIN_OWN_UNIT and 10 * sum(matched[lo:hi]) < 8 * (hi - lo):
                return True
        return False

    def _unit_spans(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Assembled view spans of the units that lie wholly in ``[start, end)``."""
        asm = self.asm
        for i in range(asm._piece_at(start), len(asm.pieces)):
            p = asm.pieces[i]
            if p.astart >= end:
                break
            f = self.prep[p.frag]
            for vs, ve in zip(f.unit_vstarts, f.unit_vends, strict=True):
                lo, hi = p.astart + vs - p.vstart, p.astart + ve - p.vstart
                if vs >= p.vstart and ve <= p.vend and start <= lo and hi <= end:
                    yield lo, hi

    def _splice(self, b: Prepared, found: Alignment) -> None:
        """Put ``b`` in place of the passage ``[a_start, a_end)`` it restates."""
        asm = self.asm
        a0, b0, _ = found.blocks[0]
        tail_piece, tail_raw = asm.locate(found.a_end) if found.a_end < asm.length else (0, -1)
        tail = asm.spans_from(tail_piece, tail_raw) if tail_raw >= 0 else []
        tail_start = asm.pieces[tail_piece].start
        b_end: int | None = None
        if tail:
            f = self.prep[tail[0][0]]
            ui = _unit_index_at_raw(f, tail[0][1])
            b_last = b.units[-1] if b.units else None
            if f.units and asm.starts_unit(found.a_end):
                # the passage ends where a unit begins: that unit is kept with its markup
                tail[0] = (tail[0][0], max(f.units[ui].start, tail_start), tail[0][2])
            elif (
                f.units
                and f.units[ui].start < tail[0][1]
                and b_last is not None
                and not is_complete(b.text[b_last.start : b_last.end])
                and b_last.start > _resume_raw(b, b0)
            ):
                # the copy stops inside the unit it was cut in ("…足がかり（踏み"): that
                # unit is the earlier copy's, whole, with what follows in it
                b_end = b_last.start
                tail[0] = (tail[0][0], max(f.units[ui].start, tail_start), tail[0][2])
            elif f.units and f.units[ui].start < tail[0][1]:
                # resume the rest at the unit boundary after the restated passage
                nxt = ui + 1
                start = f.units[nxt].start if nxt < len(f.units) else tail[0][2]
                start = max(start, tail[0][1])
                ws = f.text.rfind("\n", tail[0][1], start)
                tail[0] = (tail[0][0], ws if ws >= 0 else start, tail[0][2])
        self.warnings.append(
            f"fragment {b.index} restates text already there but adds to it; "
            "its copy replaces the earlier one"
        )
        cut = self._cut_point(a0)
        self._switch(
            b, found, cut, _resume_raw(b, b0), found.score, keep_unrepeated=False, raw_end=b_end
        )
        for frag, start, end in tail:
            asm.append(frag, start, raw_end=end)

    def _keep_both(self, b: Prepared, score: float, confidence: float, why: str) -> None:
        a = self.prep[self.asm.pieces[-1].frag]
        if self.options.strict:
            raise LowConfidenceError(
                f"fragment {b.index} {why}; review the draft, or lower min_confidence "
                "(or turn strict off) to keep both copies"
            )
        self.warnings.append(f"fragment {b.index} {why}; both copies kept")
        self._record(b, "kept", score, confidence, output_offset=self.asm.output_length())
        self.asm.append(b.index, 0, join=paragraph_separator(a.text))

    @staticmethod
    def _unit_ending_near(b: Prepared, q_b: int) -> int:
        ends, starts = b.unit_vends, b.unit_vstarts
        # the unit that ends there, not a letterless one ("(...)") standing after it
        return min(range(len(ends)), key=lambda i: (abs(ends[i] - q_b), ends[i] == starts[i], i))

    def _unit_ends_near(self, b: Prepared, q_b: int, a_complete: bool) -> bool:
        """Whether ``b`` finishes a unit where the assembled text ends, as completely as it does.

        A finished sentence may differ from its copy by a few characters of drift;
        an unfinished one must end exactly there, and must not lack a terminator
        that ``b``'s copy has (the terminator is punctuation, invisible to the view).
        """
        if not b.units:
            return False
        j = self._unit_ending_near(b, q_b)
        u = b.units[j]
        if a_complete:
            return abs(b.unit_vends[j] - q_b) <= 3
        if b.unit_vends[j] != q_b or is_complete(b.text[u.start : u.end]):
            return False
        # punctuation after the last letter ("：", " |") that only the copy has
        b_tail = b.text[b.view.raw_end(q_b) : u.end].strip()
        a_piece = self.asm.pieces[-1]
        a = self.prep[a_piece.frag]
        a_tail = a.text[a.view.raw_end(a_piece.vend) : a_piece.end].strip()
        return len(b_tail) <= len(a_tail)

    # -- output
    def render(self) -> tuple[str, list[ProvenanceEntry]]:
        entries: list[ProvenanceEntry] = []
        out: list[str] = []
        pos = 0
        sentence = -1
        pieces = self.asm.pieces
        last_frag = self.prep[pieces[-1].frag] if pieces else None
        final_extra = self._final_extension(last_frag, pieces[-1]) if last_frag else 0
        for n, p in enumerate(pieces):
            f = self.prep[p.frag]
            end = p.end + (final_extra if n == len(pieces) - 1 else 0)
            cuts = [u.start for u in f.units if p.start < u.start < p.end]
            bounds = [p.start, *cuts, end]
            starts_unit = any(u.start == p.start for u in f.units) or sentence < 0
            for k in range(len(bounds) - 1):
                s, e = bounds[k], bounds[k + 1]
                if k > 0 or starts_unit:
                    sentence += 1
                join = p.join if k == 0 else ""
                if join and out and not join.strip():
                    # (the text before may end with the break already, where a cut
                    # line after it was dropped: "---\n\n" of "---\n\n### あわせて")
                    kept = out[-1]
                    join = join[
                        min(
                            len(kept) - len(kept.rstrip("\n")), len(join) - len(join.lstrip("\n"))
                        ) :
                    ]
                ui = _unit_index_at_raw(f, s) if f.units else 0
                kind: UnitKind = f.units[ui].kind if f.units else "sentence"
                chunk = (
                    join + f.text[s:e]
                    if e <= len(f.text)
                    else join + self.draft[f.base + s : f.base + e]
                )
                entries.append(
                    ProvenanceEntry(
                        sentence=max(0, sentence),
                        kind=kind,
                        output_start=pos,
                        output_end=pos + len(chunk),
                        fragment=f.index,
                        input_start=f.base + s,
                        input_end=f.base + e,
                        join=join,
                    )
                )
                out.append(chunk)
                pos += len(chunk)
        newline = self._final_newline(pieces[-1]) if pieces and entries else None
        if newline is not None:
            # the draft's last line ended in a marker: end the article with its newline
            last = entries[-1]
            entries.append(
                last.model_copy(
                    update={
                        "output_start": pos,
                        "output_end": pos + 1,
                        "input_start": newline,
                        "input_end": newline + 1,
                        "join": "",
                    }
                )
            )
            out.append("\n")
        return "".join(out), entries

    def _final_newline(self, piece: _Piece) -> int | None:
        """Input offset of the newline ending the draft's last line, when a marker glued
        to that line stands between it and the text."""
        f = self.prep[piece.frag]
        if piece.end != len(f.text) or self._final_extension(f, piece):
            return None
        after = self.draft[f.base + len(f.text) :]
        first_line = after.split("\n", 1)[0]
        if "\n" not in after or not first_line.strip():
            return None
        return f.base + len(f.text) + len(first_line)

    def _final_extension(self, f: Prepared, piece: _Piece) -> int:
        """Input characters to keep after the last piece: its trailing whitespace when
        nothing but whitespace follows in the draft, else the whitespace up to and
        including the first newline (a marker glued to the last line ends the draft)."""
        if piece.end != len(f.text):
            return 0
        after = self.draft[f.base + len(f.text) :]
        if not after.strip():
            return len(after)
        if after.startswith("\n"):
            return 1
        return 0


def merge(
    text: str,
    fragments: Sequence[Fragment],
    overlaps: Sequence[Overlap],
    options: Options | None = None,
) -> MergeResult:
    """Stitch ``fragments`` of ``text`` into one article (see the module docstring).

    >>> from fragmerge.segment import segment
    >>> from fragmerge.align import align
    >>> draft = "Alpha one. Beta tw\\n---END---\\nBeta two. Gamma three.\\n"
    >>> fragments = segment(draft)
    >>> merge(draft, fragments, align(fragments)).text
    'Alpha one. Beta two. Gamma three.\\n'
    """
    prepared = [prepare(f, text) for f in fragments]
    return merge_prepared(text, fragments, prepared, overlaps, options)


def merge_prepared(
    text: str,
    fragments: Sequence[Fragment],
    prepared: list[Prepared],
    overlaps: Sequence[Overlap] | None,
    options: Options | None = None,
) -> MergeResult:
    """:func:`merge` for fragments already prepared by :func:`fragmerge.align.prepare`.

    With ``overlaps=None`` the result reports the overlaps found against the
    assembled text while merging (the ones the repair rests on).
    """
    opts = options if options is not None else Options()
    if not fragments:
        return MergeResult(
            text=text,
            changed=False,
            fragments=(),
            overlaps=tuple(overlaps or ()),
            provenance=(),
            warnings=(),
        )
    merger = _Merger(text, fragments, prepared, overlaps, opts)
    merger.run()
    out, provenance = merger.render()
    if len(fragments) == 1 and out == text[fragments[0].start :] and fragments[0].start == 0:
        out = text
    confidences = [j.confidence for j in merger.joins]
    return MergeResult(
        text=out,
        changed=out != text,
        fragments=tuple(fragments),
        overlaps=tuple(overlaps) if overlaps is not None else tuple(merger.overlaps),
        joins=tuple(merger.joins),
        provenance=tuple(provenance),
        warnings=tuple(merger.warnings),
        confidence=min(confidences) if confidences else 100.0,
    )
