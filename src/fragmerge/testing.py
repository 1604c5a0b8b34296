"""Simulated fragmented drafts and coherence assertions for tests.

This module is public: use it in your own regression tests to check that a
pipeline (or fragmerge itself) repairs the kinds of breakage LLM continuations
produce.

>>> from fragmerge.testing import simulate, assert_coherent
>>> article = (
...     "First paragraph here. It has two sentences.\\n\\n"
...     "Second paragraph follows. It ends.\\n"
... )
>>> sim = simulate(article, seed=1, profile="clean-restarts")
>>> sim.truth == article
True
>>> "---END---" in sim.draft
True
>>> assert_coherent(article)

:func:`simulate` turns a clean article (the *truth*) into a draft the way LLM
continuations break: the article is generated in 2-12 pieces; each piece is cut
(mostly mid-sentence, sometimes mid-word, sometimes at a sentence end) and the
next one restarts *earlier* text. It returns a :class:`SimulatedDraft` recording
the draft, the truth and every decision (:class:`SimulatedPiece`), so a test can
compare a repair against the truth. It is deterministic: the same text, seed
and profile always give the same draft (``random.Random`` seeded from the seed,
the profile name and a SHA-256 of the text; the global ``random`` state is never
touched).

What it models
--------------

* **Cuts** fall outside YAML front matter and fenced code blocks: mid-sentence
  at a word boundary, mid-word, or right after a sentence terminator.
* **Restarts** (where the next piece begins, in the truth): ``cut-sentence``
  (start of the sentence the cut fell in), ``paragraph`` (start of its
  paragraph), ``paragraphs-back`` (1-4 paragraphs earlier), ``far-back`` (an
  early paragraph of the article), or ``exact`` (no overlap: the piece resumes
  exactly at the cut). A *redundant* piece restarts far back and stops before
  (or exactly where) the text already reached; it adds nothing.
* **Joined copies**: in the repeated region of a piece, the breaks between prose
  paragraphs are replaced by a space or by nothing.
* **Wording drift**, in the repeated region only (never in the truncated
  sentence itself): a punctuation variant (``、``/``,``, ``。``/``.``,
  ``？``/``?``, ...), an inserted or deleted character, a changed word, a
  reformatted number (``1000``/``1,000``). Drift never touches a negation
  (``not``, ``不``, ``ない``), code (what the repair reads as code, indented blocks
  and inline literals included) or a Latin word with a digit (a checksum): that
  changes what the text says (a conflict).
* **Separators**: a marker line (``---END---``, ``<|endoftext|>``,
  ``[continued]``, ``（続き）``) surrounded by blank lines, or just a blank line.
* **Order**: pieces may appear out of generation order in the draft (piece 0,
  which holds the front matter, always stays on top).

Profiles
--------

``seedlike``
    Like ``meta-datacenter.draft.txt``: ``---END---`` markers; restarts at the
    cut sentence, the paragraph start or 1-4 paragraphs back; some redundant
    pieces; an occasional joined repeated copy; no drift.
``clean-restarts``
    ``---END---`` markers; restarts at the cut sentence or the paragraph start;
    no redundant pieces, no joins, no drift.
``joined``
    ``---END---`` markers; restarts at the paragraph start or 1-4 paragraphs
    back, and every repeated copy has its paragraphs joined (by a space or by
    nothing).
``drift``
    ``---END---`` markers; restarts as in ``seedlike`` (without redundant
    pieces); wording drift in every repeated region (at least one edit, then
    each repeated sentence with probability 0.1).
``nomarker``
    No marker lines: pieces are separated by a blank line only; restarts as in
    ``seedlike``.
``shuffled``
    ``---END---`` markers, restarts as in ``clean-restarts``, at least three
    pieces, and one or two pairs of pieces swapped in the draft.
``hard``
    All of the above at once: a marker chosen per boundary among all four (or
    none), every restart kind including ``exact`` and ``far-back``, redundant
    pieces, joins, drift, more mid-word cuts, shuffled pieces.

Profiles are :class:`Profile` records in :data:`PROFILES`; :func:`simulate`
also accepts a :class:`Profile` of your own.

:func:`assert_coherent` checks a repaired text for the defects a repair must not
leave: a marker line, a sentence that appears twice, or a truncated sentence
followed later by its complete restart. :func:`split_sentences` is the sentence
splitter it (and fragmerge's benchmarks) use.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from fragmerge.models import DEFAULT_MARKERS
from fragmerge.text import code_ranges, split_units

__all__ = [
    "PROFILES",
    "DriftEdit",
    "Profile",
    "SimulatedDraft",
    "SimulatedPiece",
    "assert_coherent",
    "simulate",
    "split_sentences",
]

RestartKind = Literal["start", "cut-sentence", "paragraph", "paragraphs-back", "far-back", "exact"]
CutKind = Literal["mid-sentence", "mid-word", "sentence-end", "end"]

#: The marker lines :func:`simulate` can put between pieces.
MARKERS: tuple[str, ...] = ("---END---", "<|endoftext|>", "[continued]", "（続き）")


@dataclass(frozen=True)
class Profile:
    """How :func:`simulate` breaks an article. All weights are relative.

    >>> PROFILES["clean-restarts"].drift
    0.0
    >>> sorted(PROFILES)
    ['clean-restarts', 'drift', 'hard', 'joined', 'nomarker', 'seedlike', 'shuffled']
    """

    description: str
    #: Relative weights of the restart kinds for pieces that go further.
    restarts: Mapping[str, float]
    #: Relative weights of the cut kinds.
    cuts: Mapping[str, float] = field(
        default_factory=lambda: {"mid-sentence": 0.8, "mid-word": 0.05, "sentence-end": 0.15}
    )
    #: Separator choices, one drawn per boundary; ``None`` means a blank line only.
    markers: tuple[str | None, ...] = ("---END---",)
    #: Probability, at each boundary, of inserting a redundant piece first.
    redundant: float = 0.0
    #: Probability that a piece's repeated copy has its paragraphs joined.
    join: float = 0.0
    #: What joined paragraphs are glued with (drawn per joined copy).
    join_with: tuple[str, ...] = (" ",)
    #: Probability that a repeated sentence gets a drift edit (plus one forced
    #: edit per repeated region when positive).
    drift: float = 0.0
    #: Probability that the draft shows pieces out of order (needs >= 3 pieces).
    shuffle: float = 0.0
    #: Fewest pieces that go further (redundant pieces come on top).
    min_pieces: int = 2
    #: Most pieces in all.
    max_pieces: int = 12
    #: Characters of article per piece when choosing how many pieces to make.
    chars_per_piece: int = 400
    #: If set, ignore the piece counts and cut every ``piece_chars`` characters
    #: (a ``(low, high)`` range); used for very long drafts.
    piece_chars: tuple[int, int] | None = None


_SEEDLIKE_RESTARTS = {"cut-sentence": 0.35, "paragraph": 0.3, "paragraphs-back": 0.35}
_CLEAN_RESTARTS = {"cut-sentence": 0.5, "paragraph": 0.5}

#: The named profiles (see the module docstring).
PROFILES: Mapping[str, Profile] = MappingProxyType(
    {
        "seedlike": Profile(
            description="---END--- markers; restarts at the cut sentence, paragraph or 1-4 "
            "paragraphs back; some redundant pieces; an occasional joined copy",
            restarts=_SEEDLIKE_RESTARTS,
            redundant=0.2,
            join=0.15,
        ),
        "clean-restarts": Profile(
            description="---END--- markers; restarts at the cut sentence or paragraph start; "
            "no drift, no joins",
            restarts=_CLEAN_RESTARTS,
        ),
        "joined": Profile(
            description="---END--- markers; repeated copies with paragraphs joined",
            restarts={"paragraph": 0.3, "paragraphs-back": 0.7},
            join=1.0,
            join_with=(" ", ""),
        ),
        "drift": Profile(
            description="---END--- markers; wording drift in repeated regions",
            restarts=_SEEDLIKE_RESTARTS,
            drift=0.1,
        ),
        "nomarker": Profile(
            description="no markers; pieces separated by a blank line only",
            restarts=_SEEDLIKE_RESTARTS,
            markers=(None,),
            redundant=0.1,
        ),
        "shuffled": Profile(
            description="---END--- markers; pieces out of order",
            restarts=_CLEAN_RESTARTS,
            shuffle=1.0,
            min_pieces=3,
        ),
        "hard": Profile(
            description="everything at once: mixed or missing markers, all restart kinds, "
            "redundant pieces, joins, drift, shuffling",
            restarts={
                "cut-sentence": 0.3,
                "paragraph": 0.2,
                "paragraphs-back": 0.25,
                "far-back": 0.1,
                "exact": 0.15,
            },
            cuts={"mid-sentence": 0.6, "mid-word": 0.2, "sentence-end": 0.2},
            markers=(*MARKERS, None),
            redundant=0.2,
            join=0.5,
            join_with=(" ", ""),
            drift=0.08,
            shuffle=0.5,
        ),
    }
)


@dataclass(frozen=True)
class DriftEdit:
    """One wording change applied to a repeated copy, in truth coordinates.

    ``truth[start:end]`` (``before``) was written as ``after`` in the piece.

    >>> article = "".join(f"Sentence {i} says something, briefly.\\n\\n" for i in range(30))
    >>> sim = simulate(article, seed=2, profile="drift")
    >>> edits = [e for p in sim.pieces for e in p.drift]
    >>> all(article[e.start : e.end] == e.before != e.after for e in edits) and len(edits) > 0
    True
    """

    start: int
    end: int
    kind: Literal["punctuation", "insert", "delete", "word", "number"]
    before: str
    after: str


@dataclass(frozen=True)
class SimulatedPiece:
    """One generated piece of a simulated draft.

    ``truth_start``/``truth_end`` is the span of the truth the piece copies
    (whitespace at its ends trimmed); ``reached`` is how far earlier pieces had
    got when it was generated, so ``truth[truth_start:reached]`` is its repeated
    region (empty for piece 0 and for an ``exact`` restart). ``draft_start`` and
    ``draft_end`` delimit the piece's text in the draft.

    >>> article = "".join(f"Paragraph {i} has a sentence. And a second.\\n\\n" for i in range(9))
    >>> sim = simulate(article, seed=1, profile="clean-restarts")
    >>> second = sim.pieces[1]
    >>> second.restart <= second.reached < second.cut
    True
    >>> sim.draft[second.draft_start : second.draft_end] == article[second.restart : second.cut]
    True
    """

    index: int
    position: int
    truth_start: int
    truth_end: int
    reached: int
    restart_kind: RestartKind
    cut_kind: CutKind
    redundant: bool
    joined_breaks: int
    join_with: str
    drift: tuple[DriftEdit, ...]
    marker: str | None
    draft_start: int
    draft_end: int

    @property
    def restart(self) -> int:
        """Truth offset where the piece starts (alias of ``truth_start``)."""
        return self.truth_start

    @property
    def cut(self) -> int:
        """Truth offset where the piece was cut (alias of ``truth_end``)."""
        return self.truth_end

    @property
    def joined(self) -> bool:
        """Whether paragraphs were joined in this piece's repeated copy."""
        return self.joined_breaks > 0


@dataclass(frozen=True)
class SimulatedDraft:
    """A simulated draft, the clean article it came from, and what was done.

    ``pieces`` are in generation order; ``piece.position`` is the place of each
    in the draft.

    >>> sim = simulate("One sentence here. Another sentence there. A third one.\\n", seed=3)
    >>> [p.index for p in sim.pieces][:2]
    [0, 1]
    >>> sim.pieces[0].truth_start
    0
    """

    draft: str
    truth: str
    profile: str
    seed: int
    pieces: tuple[SimulatedPiece, ...]


# --------------------------------------------------------------------------- structure

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_FENCE_CLOSE = re.compile(r"[ \t]*(`{3,}|~{3,})[ \t]*\n?")


def _fence_opens(line: str, previous: str) -> str:
    """The fence ``line`` opens ("" if none). Indented fences count (list items);
    a bare ``~~~`` line right under text is an RST/setext underline, not a fence."""
    match = _FENCE.match(line)
    if match is None:
        return ""
    if match.group(1)[0] == "~" and previous.strip() and not line.strip().strip("~"):
        return ""
    return match.group(1)


def _fence_closes(line: str, fence: str) -> bool:
    match = _FENCE_CLOSE.fullmatch(line)
    if match is None:
        return False
    return match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)


_CJK_TERMINATORS = "。！？"
_LATIN_TERMINATORS = ".!?"
_CLOSERS = "」』）)】\"'”’*_"
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]")
_WORD_CHAR = re.compile(r"\w")
_SCAFFOLD = re.compile(
    r"^\s*(?:#{1,6}(?:\s|$)|\||(?:[-*_]\s*){3,}$|[=~^-]+\s*$|<|\{[%{]|!\[|\[\^?[^\]]*\]:|\.\. )"
)
_HTMLISH = re.compile(r"/>\s*$|^\s*[\w-]+=\"|</\w+>\s*$|^\s*\[\[[^\]]*\]\]")
_SETEXT = re.compile(r"^\s*(?:=+|-+|~+|\^+)\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")


def _is_scaffold(line: str) -> bool:
    """Markdown/RST structure rather than prose: headings, rules, table rows, HTML, ..."""
    return bool(_SCAFFOLD.match(line) or _HTMLISH.search(line))


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")


def _front_matter_end(text: str) -> int:
    """Offset just past a YAML front matter block at the top of ``text`` (0 if none).

    >>> _front_matter_end("---\\ntitle: x\\n---\\nBody.\\n")
    17
    >>> _front_matter_end("No front matter.\\n")
    0
    """
    if not text.startswith("---\n"):
        return 0
    match = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M).search(text, 4)
    if match is None:
        return 0
    end = match.end()
    return end + 1 if text.startswith("\n", end) else end


def _code_spans(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of fenced code blocks (fence lines included) at or after ``start``."""
    spans: list[tuple[int, int]] = []
    pos = start
    open_at = -1
    fence = ""
    previous = ""
    for line in text[start:].splitlines(keepends=True):
        if open_at < 0:
            fence = _fence_opens(line, previous)
            if fence:
                open_at = pos
        elif _fence_closes(line, fence):
            spans.append((open_at, pos + len(line)))
            open_at = -1
        previous = line
        pos += len(line)
    if open_at >= 0:
        spans.append((open_at, len(text)))
    return spans


class _Structure:
    """Offsets of the truth the simulator needs: body start, code, paragraphs, sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.body = _front_matter_end(text)
        # Skip blank lines after the front matter so restarts never begin with them.
        while self.body < len(text) and text[self.body] in " \t\n":
            self.body += 1
        self.code = _code_spans(text, self.body)
        self._code_starts = [s for s, _ in self.code]
        # what the repair reads as code (indented blocks and inline literals too): drift
        # there is a conflict it keeps, so none is made
        self.read_as_code = code_ranges(text, split_units(text))
        self.paragraphs = self._paragraph_starts()
        self.sentences = self._sentence_starts()
        # Breaks between two prose paragraphs: (start, end) of the whitespace run.
        self.breaks = self._prose_breaks()
        self.end = len(text.rstrip())

    def in_code(self, pos: int) -> bool:
        i = bisect.bisect_right(self._code_starts, pos) - 1
        return i >= 0 and self.code[i][0] <= pos < self.code[i][1]

    def code_block_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._code_starts, pos) - 1
        if i >= 0 and self.code[i][0] <= pos < self.code[i][1]:
            return self.code[i]
        return None

    def _paragraph_starts(self) -> list[int]:
        text = self.text
        starts: list[int] = []
        for match in re.finditer(r"(?:^|\n[ \t]*\n)\s*", text[self.body :]):
            pos = self.body + match.end()
            if pos >= len(text):
                continue
            block = self.code_block_at(pos)
            if block is not None and block[0] != pos:
                continue
            if not starts or starts[-1] != pos:
                starts.append(pos)
        # A fenced block that is not preceded by a blank line still starts a unit.
        merged = sorted(set(starts) | {start for start, _ in self.code})
        return merged or [self.body]

    def _sentence_starts(self) -> list[int]:
        text = self.text
        starts = set(self.paragraphs)
        # Line starts of scaffolding (headings, list items, table rows) begin units too.
        for match in re.finditer(r"\n", text[self.body :]):
            pos = self.body + match.end()
            if pos < len(text) and not self.in_code(pos):
                line_end = text.find("\n", pos)
                line = text[pos : line_end if line_end >= 0 else len(text)]
                if line.strip() and (_is_scaffold(line) or _LIST_ITEM.match(line)):
                    starts.add(pos)
                    continue
                prev_end = pos - 1
                prev_line_start = text.rfind("\n", 0, prev_end) + 1
                prev_line = text[prev_line_start:prev_end]
                if _is_scaffold(prev_line) and line.strip():
                    starts.add(pos)
        for end in _terminator_ends(text, self.body):
            pos = end
            while pos < len(text) and text[pos] in " \t\n":
                pos += 1
            if pos < len(text) and not self.in_code(pos):
                line_start = text.rfind("\n", 0, pos) + 1
                line_end = text.find("\n", line_start)
                line = text[line_start : line_end if line_end >= 0 else len(text)]
                if pos == line_start or not _is_scaffold(line):
                    starts.add(pos)
        return sorted(p for p in starts if p >= self.body and not self._inside_code_body(p))

    def _inside_code_body(self, pos: int) -> bool:
        block = self.code_block_at(pos)
        return block is not None and block[0] != pos

    def _prose_breaks(self) -> list[tuple[int, int]]:
        breaks: list[tuple[int, int]] = []
        text = self.text
        for match in re.finditer(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*", text):
            start, end = match.span()
            if start <= self.body or end >= len(text) or self.in_code(start) or self.in_code(end):
                continue
            before = text[text.rfind("\n", 0, start) + 1 : start]
            after_end = text.find("\n", end)
            after = text[end : after_end if after_end >= 0 else len(text)]
            if _is_prose_line(before) and _is_prose_line(after):
                breaks.append((start, end))
        return breaks

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence containing offset ``pos`` (or ending exactly at it)."""
        i = bisect.bisect_left(self.sentences, pos) - 1
        return self.sentences[max(i, 0)]

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph containing offset ``pos`` (or ending exactly at it)."""
        return max(bisect.bisect_left(self.paragraphs, pos) - 1, 0)


_NEGATION_CHARS = frozenset("不没沒未别無无非")
_NEGATION_WORD = re.compile(
    r"(?i)\b(?:not|never|no|none|nor|neither|cannot|\w+n't)\b|ない|ません|ず|ぬ"
)


def _in_negation(text: str, i: int) -> bool:
    """Whether ``text[i]`` belongs to a negation ("not", "can't", "不", "ない")."""
    if text[i] in _NEGATION_CHARS:
        return True
    lo = max(0, i - 12)
    return any(m.start() <= i < m.end() for m in _NEGATION_WORD.finditer(text, lo, i + 12))


def _ends_sentence(text: str, pos: int) -> bool:
    """Whether ``text[:pos]`` ends with a sentence terminator (closing quotes allowed)."""
    while pos > 0 and text[pos - 1] in _CLOSERS:
        pos -= 1
    return pos > 0 and text[pos - 1] in _CJK_TERMINATORS + _LATIN_TERMINATORS


def _is_prose_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not _is_scaffold(line) and not _LIST_ITEM.match(line)


def _terminator_ends(text: str, start: int = 0) -> Iterable[int]:
    """Offsets just after each sentence terminator (and any closing quotes) in ``text``."""
    for match in re.finditer(r"[。！？]+|[.!?]+(?=[\s\"'”’)\]*_]|$)", text[start:]):
        end = start + match.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        if match.group()[0] in _LATIN_TERMINATORS and end < len(text) and not text[end].isspace():
            continue
        yield end


# --------------------------------------------------------------------------- simulate


def _stable_seed(text: str, seed: int, profile: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"fragmerge.simulate:{seed}:{profile}:{digest}"


def _weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    names = [k for k, w in weights.items() if w > 0]
    return rng.choices(names, weights=[weights[k] for k in names])[0]


class _Simulator:
    def __init__(self, text: str, profile: Profile, rng: random.Random) -> None:
        self.text = text
        self.profile = profile
        self.rng = rng
        self.s = _Structure(text)
        self._cut_cache: list[int] | None = None

    # ---- cuts

    def _valid_cut(self, pos: int) -> bool:
        text = self.text
        if pos <= self.s.body or pos >= self.s.end:
            return False
        if self.s.in_code(pos) or self.s.in_code(pos - 1):
            return False
        if text[pos - 1].isspace():
            return False
        # Some words of the line must be written: a cut right after "##" or a
        # bare list bullet leaves nothing of the unit to recognise.
        line_start = text.rfind("\n", 0, pos) + 1
        return _WORD_CHAR.search(text, line_start, pos) is not None

    def choose_cut(self, target: int, low: int, high: int) -> tuple[int, CutKind] | None:
        """A cut in ``(low, high)`` near ``target`` of a randomly drawn kind."""
        text = self.text
        if high - low < 2:
            return None
        kind = _weighted(self.rng, self.profile.cuts)
        target = min(max(target, low + 1), high - 1)
        if kind == "sentence-end":
            ends = self.s.sentences
            i = bisect.bisect_left(ends, target)
            for j in (i, i - 1, i + 1, i - 2, i + 2):
                if 0 <= j < len(ends):
                    pos = ends[j]
                    # Back up over the whitespace before the next sentence start.
                    while pos > 0 and text[pos - 1].isspace():
                        pos -= 1
                    if low < pos < high and _ends_sentence(text, pos) and self._valid_cut(pos):
                        return pos, "sentence-end"
            kind = "mid-sentence"
        # Scan outward from the target for a position that suits the kind.
        for delta in range(0, max(high - low, 1)):
            for pos in (target + delta, target - delta):
                if not (low < pos < high) or not self._valid_cut(pos):
                    continue
                if text[pos] in "\n":
                    continue
                prev, nxt = text[pos - 1], text[pos]
                cjk = bool(_CJK_CHAR.match(prev)) or bool(_CJK_CHAR.match(nxt))
                if prev in _CJK_TERMINATORS + _LATIN_TERMINATORS:
                    continue
                if kind == "mid-word":
                    if cjk or (_WORD_CHAR.match(prev) and _WORD_CHAR.match(nxt)):
                        return pos, "mid-word"
                elif cjk or nxt.isspace():
                    return pos, "mid-sentence"
            if delta > 4000:
                break
        return None

    # ---- restarts

    def restart_at(self, kind: str, reached: int) -> tuple[int, RestartKind]:
        s = self.s
        sentence = s.sentence_start(reached)
        para_i = s.paragraph_index(reached)
        paragraph = s.paragraphs[para_i]
        if kind == "exact":
            return reached, "exact"
        if kind == "cut-sentence":
            return sentence, "cut-sentence"
        if kind == "paragraph":
            return min(paragraph, sentence), "paragraph"
        if kind == "paragraphs-back":
            back = self.rng.randint(1, 4)
            return s.paragraphs[max(para_i - back, 0)], "paragraphs-back"
        # far-back: one of the paragraphs in the first half of what was reached.
        candidates = [p for p in s.paragraphs if p < max(reached // 2, s.body + 1)]
        return (self.rng.choice(candidates) if candidates else s.body), "far-back"

    # ---- the repeated copy

    def render(
        self, start: int, end: int, repeated_end: int
    ) -> tuple[str, int, str, tuple[DriftEdit, ...]]:
        """Text of truth[start:end] with joins and drift applied in [start, repeated_end)."""
        text = self.text
        profile = self.profile
        rng = self.rng
        edits: list[tuple[int, int, str]] = []
        joined = 0
        join_with = ""
        if repeated_end > start and profile.join > 0 and rng.random() < profile.join:
            join_with = rng.choice(profile.join_with)
            first = bisect.bisect_right(self.s.breaks, (start, len(text)))
            for b_start, b_end in self.s.breaks[first:]:
                if b_start >= repeated_end:
                    break
                if start < b_start and b_end <= repeated_end:
                    edits.append((b_start, b_end, join_with))
                    joined += 1
            if not joined:
                join_with = ""
        drift: list[DriftEdit] = []
        if repeated_end > start and profile.drift > 0:
            # Never drift the sentence the previous piece was cut in: which wording
            # wins there would be ambiguous (the complete restart replaces it).
            limit = self.s.sentence_start(repeated_end)
            sentences = [p for p in self.s.sentences if start <= p < limit]
            chosen = [p for p in sentences if rng.random() < profile.drift]
            if sentences and not chosen:
                chosen = [rng.choice(sentences)]
            for sent in chosen:
                nxt = bisect.bisect_right(self.s.sentences, sent)
                sent_end = self.s.sentences[nxt] if nxt < len(self.s.sentences) else len(text)
                sent_end = min(sent_end, limit)
                edit = self._drift_edit(sent, sent_end, edits)
                if edit is not None:
                    drift.append(edit)
                    edits.append((edit.start, edit.end, edit.after))
        edits.sort()
        out: list[str] = []
        pos = start
        for e_start, e_end, replacement in edits:
            out.append(text[pos:e_start])
            out.append(replacement)
            pos = e_end
        out.append(text[pos:end])
        return "".join(out), joined, join_with, tuple(sorted(drift, key=lambda d: d.start))

    def _drift_edit(
        self, start: int, end: int, taken: Sequence[tuple[int, int, str]]
    ) -> DriftEdit | None:
        text = self.text
        rng = self.rng
        if self.s.in_code(start):
            return None
        line_start = text.rfind("\n", 0, start) + 1
        if _is_scaffold(text[line_start:end]):
            return None
        protected = _protected(text, start, end, self.s.read_as_code)

        def free(a: int, b: int) -> bool:
            if any(a < t_end and t_start < b for t_start, t_end, _ in taken):
                return False
            return all(not protected[i - start] for i in range(a, b))

        kinds = ["punctuation", "insert", "delete", "word", "number"]
        rng.shuffle(kinds)
        for kind in kinds:
            candidates: list[tuple[int, int, str]] = []
            if kind == "punctuation":
                for i in range(start, end):
                    alt = _PUNCT_VARIANTS.get(text[i])
                    if alt and free(i, i + 1):
                        candidates.append((i, i + 1, alt))
            elif kind == "number":
                for m in re.finditer(
                    r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\d,.]\d)", text[start:end]
                ):
                    a, b = start + m.start(), start + m.end()
                    digits = m.group()
                    if digits.startswith("0") or not free(a, b):
                        continue
                    if "," in digits:
                        alt = digits.replace(",", "")
                    elif 1000 <= int(digits) < 10**9 and not 1900 <= int(digits) <= 2100:
                        alt = f"{int(digits):,}"
                    else:
                        continue
                    candidates.append((a, b, alt))
            elif kind == "word":
                segment = text[start:end]
                for word, alt in _WORD_VARIANTS:
                    for m in re.finditer(re.escape(word), segment):
                        a, b = start + m.start(), start + m.end()
                        latin = word.isascii()
                        if latin and (
                            (a > 0 and text[a - 1].isalnum())
                            or (b < len(text) and text[b].isalnum())
                        ):
                            continue
                        if free(a, b):
                            candidates.append((a, b, alt))
            elif kind in ("insert", "delete"):
                for i in range(start, end):
                    ch = text[i]
                    # drift never flips a meaning: negations are not touched
                    if ch.isalpha() and free(i, i + 1) and not _in_negation(text, i):
                        if kind == "delete":
                            candidates.append((i, i + 1, ""))
                        else:
                            extra = "の" if _CJK_CHAR.match(ch) else ch
                            candidates.append((i, i + 1, ch + extra))
            if candidates:
                a, b, alt = rng.choice(candidates)
                return DriftEdit(a, b, kind, text[a:b], alt)  # type: ignore[arg-type]
        return None

    # ---- the whole draft

    def run(self) -> list[tuple[int, int, int, RestartKind, CutKind, bool]]:
        """Plan the pieces: (start, end, reached, restart kind, cut kind, redundant)."""
        s = self.s
        profile = self.profile
        rng = self.rng
        body_len = s.end - s.body
        plans: list[tuple[int, int, int, RestartKind, CutKind, bool]] = []
        if body_len < 2:
            return [(0, len(self.text), 0, "start", "end", False)]
        if profile.piece_chars is not None:
            n_real = max(2, body_len // max(profile.piece_chars[0], 1) + 2)
        else:
            most = max(
                profile.min_pieces, min(profile.max_pieces, body_len // profile.chars_per_piece)
            )
            n_real = rng.randint(profile.min_pieces, most)
        # Cut targets spread evenly over the body, jittered.
        cuts: list[tuple[int, CutKind]] = []
        low_bound = s.body
        for k in range(1, n_real):
            if profile.piece_chars is not None:
                target = low_bound + rng.randint(*profile.piece_chars)
                if target >= s.end:
                    break
            else:
                span = body_len / n_real
                target = int(s.body + k * span + rng.uniform(-0.3, 0.3) * span)
            found = self.choose_cut(target, low_bound, s.end)
            if found is None:
                if profile.piece_chars is not None and target < s.end:
                    low_bound = target  # no cut near here (a long code block): move on
                    continue
                break
            cuts.append(found)
            low_bound = found[0]
        if not cuts:
            return [(0, len(self.text), 0, "start", "end", False)]
        plans.append((0, cuts[0][0], 0, "start", cuts[0][1], False))
        reached, reached_kind = cuts[0]
        ends = [c for c, _ in cuts[1:]] + [len(self.text)]
        kinds: list[CutKind] = [k for _, k in cuts[1:]] + ["end"]
        for k, (end, cut_kind) in enumerate(zip(ends, kinds, strict=True)):
            if (
                profile.redundant > 0
                and len(plans) + (len(ends) - k) + 1 <= profile.max_pieces
                and rng.random() < profile.redundant
            ):
                plan = self._redundant(reached, reached_kind)
                if plan is not None:
                    plans.append(plan)
            kind = _weighted(rng, profile.restarts)
            restart, restart_kind = self.restart_at(kind, reached)
            if restart_kind == "exact" and self.s.in_code(restart):
                restart, restart_kind = self.restart_at("cut-sentence", reached)
            plans.append((restart, end, reached, restart_kind, cut_kind, False))
            reached, reached_kind = end, cut_kind
        return plans

    def _redundant(
        self, reached: int, reached_kind: CutKind
    ) -> tuple[int, int, int, RestartKind, CutKind, bool] | None:
        start, kind = self.restart_at(self.rng.choice(["far-back", "paragraphs-back"]), reached)
        if reached - start < 20:
            return None
        if self.rng.random() < 0.25:  # stops exactly where the text already reached
            return (start, reached, reached, kind, reached_kind, True)
        target = self.rng.randint(start + (reached - start) // 3, reached)
        found = self.choose_cut(target, start + 10, reached + 1)
        if found is None:
            return None
        return (start, found[0], reached, kind, found[1], True)


_PUNCT_VARIANTS = {
    "、": ",",
    "，": ",",
    "。": ".",
    "？": "?",
    "！": "!",
    "：": ":",
    "（": "(",
    "）": ")",
    ",": "、",
    "'": "’",
    "’": "'",
    '"': "“",
    ";": ",",
}

_WORD_VARIANTS: tuple[tuple[str, str], ...] = (
    ("however", "but"),
    ("However", "But"),
    ("large", "big"),
    ("use", "utilize"),
    ("also", "too"),
    ("important", "crucial"),
    ("very", "really"),
    ("many", "numerous"),
    ("show", "demonstrate"),
    ("start", "begin"),
    ("しかし", "ですが"),
    ("非常に", "とても"),
    ("重要", "大切"),
    ("大きな", "巨大な"),
    ("できます", "可能です"),
    ("例えば", "たとえば"),
    ("可以", "能够"),
    ("但是", "不过"),
    ("非常", "十分"),
    ("重要", "关键"),
    ("这个", "该"),
    ("使用", "采用"),
)


def _protected(text: str, start: int, end: int, code: Sequence[tuple[int, int]] = ()) -> list[bool]:
    """Characters in ``text[start:end]`` that drift must not touch (code spans, URLs, markup,
    words with digits: a changed checksum is a conflict, not drift), and those in the
    ``code`` ranges (what the repair reads as code, in text order)."""
    mask = [False] * (end - start)
    # (the ranges do not overlap, so their ends are in order too)
    first = bisect.bisect_right(code, start, key=lambda r: r[1])
    for code_start, code_end in code[first:]:
        if code_start >= end:
            break
        for i in range(max(start, code_start), min(end, code_end)):
            mask[i - start] = True
    for pattern in (
        r"(`+)[^`\n]*?\1",  # (a reStructuredText ``literal`` too)
        # a Latin word with a digit: a checksum, an identifier ("6132840a85", "sha256")
        r"\b(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]+\b",
        r"https?://\S+",
        r"\]\([^)]*\)",
        r"\{[%{].*?[%}]\}",
        r"<[^>\n]*>",
    ):
        for m in re.finditer(pattern, text[start:end]):
            for i in range(m.start(), m.end()):
                mask[i] = True
    return mask


def simulate(text: str, *, seed: int, profile: str | Profile = "seedlike") -> SimulatedDraft:
    """Turn a clean article into a fragmented draft, deterministically for ``seed``.

    ``profile`` names one of :data:`PROFILES` (or is a :class:`Profile`). The
    returned draft repaired perfectly gives back ``text`` (the truth).

    >>> article = (
    ...     "# Title\\n\\nThe first paragraph says one thing. It says a second thing.\\n\\n"
    ...     "The second paragraph goes on. It has more to say than the first.\\n"
    ... )
    >>> a = simulate(article, seed=7, profile="clean-restarts")
    >>> b = simulate(article, seed=7, profile="clean-restarts")
    >>> a == b
    True
    >>> len(a.pieces) >= 2 and a.draft != article
    True
    >>> simulate(article, seed=7, profile="nomarker").draft.count("---END---")
    0
    """
    if isinstance(profile, str):
        try:
            spec = PROFILES[profile]
        except KeyError:
            known = ", ".join(sorted(PROFILES))
            raise ValueError(f"unknown profile {profile!r}; choose one of: {known}") from None
        name = profile
    else:
        spec, name = profile, "custom"
    rng = random.Random(_stable_seed(text, seed, name))
    sim = _Simulator(text, spec, rng)
    plans = sim.run()
    if len(plans) == 1:
        piece = SimulatedPiece(
            0, 0, 0, len(text), 0, "start", "end", False, 0, "", (), None, 0, len(text)
        )
        return SimulatedDraft(text, text, name, seed, (piece,))

    # Render every piece's text.
    rendered: list[tuple[str, int, str, tuple[DriftEdit, ...], int, int]] = []
    for start, end, reached, _, _, redundant in plans:
        repeated_end = end if redundant else reached
        body, joined, join_with, drift = sim.render(start, end, repeated_end)
        # Trim whitespace at the ends and keep the truth span in step.
        lead = len(body) - len(body.lstrip())
        body = body.strip()
        t_start = start + lead
        t_end = end
        while t_end > t_start and text[t_end - 1].isspace():
            t_end -= 1
        rendered.append((body, joined, join_with, drift, t_start, t_end))

    # Draft order: piece 0 stays first; maybe swap neighbours among the rest.
    order = list(range(len(plans)))
    if spec.shuffle > 0 and len(order) >= 3 and rng.random() < spec.shuffle:
        swaps = rng.sample(range(1, len(order) - 1), min(rng.randint(1, 2), len(order) - 2))
        for i in sorted(swaps, reverse=True):
            order[i], order[i + 1] = order[i + 1], order[i]
        if order == sorted(order):  # two swaps can undo each other
            order[1], order[2] = order[2], order[1]

    positions = {index: pos for pos, index in enumerate(order)}
    markers: dict[int, str | None] = {}
    parts: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    offset = 0
    for pos, index in enumerate(order):
        if pos > 0:
            marker = rng.choice(spec.markers)
            markers[index] = marker
            separator = f"\n\n{marker}\n\n" if marker is not None else "\n\n"
            parts.append(separator)
            offset += len(separator)
        body = rendered[index][0]
        spans[index] = (offset, offset + len(body))
        parts.append(body)
        offset += len(body)
    parts.append(text[len(text.rstrip()) :])
    draft = "".join(parts)

    pieces = []
    for i, (plan, rend) in enumerate(zip(plans, rendered, strict=True)):
        _, _, reached, restart_kind, cut_kind, redundant = plan
        _, joined, join_with, drift, t_start, t_end = rend
        pieces.append(
            SimulatedPiece(
                index=i,
                position=positions[i],
                truth_start=t_start,
                truth_end=t_end,
                reached=reached,
                restart_kind=restart_kind,
                cut_kind=cut_kind,
                redundant=redundant,
                joined_breaks=joined,
                join_with=join_with,
                drift=drift,
                marker=markers.get(i),
                draft_start=spans[i][0],
                draft_end=spans[i][1],
            )
        )
    return SimulatedDraft(draft, text, name, seed, tuple(pieces))


# --------------------------------------------------------------------------- sentences


def _units(text: str) -> list[tuple[str, bool, int]]:
    """Split Markdown into units: (unit text, is scaffolding, line number).

    Front matter is one scaffolding unit; a fenced code block is one unit; a
    heading, table row, rule or HTML line is a scaffolding unit; list items and
    prose paragraphs are content units (wrapped lines joined by a space).
    """
    units: list[tuple[str, bool, int]] = []
    fm_end = _front_matter_end(text)
    if fm_end:
        units.append((text[:fm_end].strip(), True, 1))
    lines = text[fm_end:].split("\n")
    line_no = text[:fm_end].count("\n") + 1
    current: list[str] = []
    current_line = line_no
    fence = ""
    code: list[str] = []
    code_line = 0

    def flush() -> None:
        if current:
            units.append((" ".join(s.strip() for s in current), False, current_line))
            current.clear()

    previous = ""
    for offset, raw in enumerate(lines):
        number = line_no + offset
        if fence:
            code.append(raw)
            if _fence_closes(raw, fence):
                units.append(("\n".join(code), True, code_line))
                fence, code = "", []
            previous = raw
            continue
        opened = _fence_opens(raw, previous)
        previous = raw
        if opened:
            flush()
            fence, code, code_line = opened, [raw], number
            continue
        # Block quotes are prose: drop the ">" markers.
        line = _QUOTE.sub("", raw)
        if not line.strip():
            flush()
        elif _is_scaffold(line):
            if _SETEXT.match(line) and len(current) == 1:
                # "Title\n=====": the line above the underline is a heading.
                units.append((current[0].strip(), True, current_line))
                current.clear()
            flush()
            units.append((line.strip(), True, number))
        elif _LIST_ITEM.match(line):
            flush()
            current.append(line)
            current_line = number
        else:
            if not current:
                current_line = number
            current.append(line)
    if fence:
        units.append(("\n".join(code), True, code_line))
    flush()
    return units


def _split_unit(unit: str) -> list[str]:
    out: list[str] = []
    pos = 0
    for end in _terminator_ends(unit):
        piece = unit[pos:end].strip()
        if piece:
            out.append(piece)
        pos = end
    tail = unit[pos:].strip()
    if tail:
        out.append(tail)
    return out


def split_sentences(text: str, *, min_chars: int = 0, scaffolding: bool = True) -> list[str]:
    """Split Markdown text into normalised sentences, in order.

    Sentences end at CJK ``。！？`` and at Latin ``.!?`` followed by whitespace
    (closing quotes and brackets stay with their sentence). Headings, table rows,
    rules, HTML lines, the front matter and each fenced code block are single
    units (*scaffolding*); list items and paragraphs are split into sentences.
    Whitespace inside a sentence is collapsed to one space. Units shorter than
    ``min_chars`` are dropped; ``scaffolding=False`` drops scaffolding units.

    >>> split_sentences("# Title\\n\\nOne thing. Two things!\\n\\n日本語です。次の文。\\n")
    ['# Title', 'One thing.', 'Two things!', '日本語です。', '次の文。']
    >>> split_sentences("# Title\\n\\nOne thing.\\n", scaffolding=False)
    ['One thing.']
    """
    return [
        s for s, _, _ in _sentences_with_lines(text, min_chars=min_chars, scaffolding=scaffolding)
    ]


def _sentences_with_lines(
    text: str, *, min_chars: int = 0, scaffolding: bool = True
) -> list[tuple[str, bool, int]]:
    out: list[tuple[str, bool, int]] = []
    for unit, is_scaffold, line in _units(text):
        if is_scaffold:
            if scaffolding:
                norm = unit if unit.startswith(("```", "~~~")) else re.sub(r"\s+", " ", unit)
                if len(norm) >= min_chars:
                    out.append((norm, True, line))
            continue
        body = _LIST_ITEM.sub("", unit, count=1)
        for sentence in _split_unit(body):
            norm = re.sub(r"\s+", " ", sentence)
            if len(norm) >= min_chars:
                out.append((norm, False, line))
    return out


# --------------------------------------------------------------------------- assertions


def _compile_markers(markers: Sequence[str]) -> list[Any]:
    try:
        regex_module: Any = importlib.import_module("regex")
    except ImportError:  # pragma: no cover - regex is a dependency
        regex_module = re
    return [regex_module.compile(p, regex_module.IGNORECASE) for p in markers]


def assert_coherent(
    text: str, *, markers: Sequence[str] | None = None, truth: str | None = None
) -> None:
    """Raise ``AssertionError`` if ``text`` still shows signs of fragmentation.

    Checks, outside front matter and fenced code blocks:

    * no line is a marker (``markers`` defaults to :data:`fragmerge.DEFAULT_MARKERS`);
    * no sentence of 12 characters or more appears twice (headings, table rows
      and other scaffolding are exempt: they legitimately repeat);
    * no sentence is a strict prefix of a later sentence (a truncated sentence
      followed by its complete restart).

    If the clean article is known, pass it as ``truth``: sentences it repeats
    may then repeat as often in ``text``, and prefixes it contains are allowed.

    >>> assert_coherent("One sentence that is long enough. Another one follows here.\\n")
    >>> assert_coherent("A sentence that repeats itself. A sentence that repeats itself.\\n")
    Traceback (most recent call last):
    ...
    AssertionError: text is not coherent:
      line 1: sentence appears 2 times (first on line 1): 'A sentence that repeats itself.'
    >>> assert_coherent("Before.\\n\\n---END---\\n\\nAfter.\\n")
    Traceback (most recent call last):
    ...
    AssertionError: text is not coherent:
      line 3: marker line left: '---END---'
    """
    problems: list[str] = []
    patterns = _compile_markers(DEFAULT_MARKERS if markers is None else markers)
    fm_end = _front_matter_end(text)
    line_no = text[:fm_end].count("\n")
    fence = ""
    previous = ""
    for raw_line in text[fm_end:].split("\n"):
        line_no += 1
        if fence:
            if _fence_closes(raw_line, fence):
                fence = ""
            previous = raw_line
            continue
        fence = _fence_opens(raw_line, previous)
        previous = raw_line
        if fence:
            continue
        stripped = raw_line.strip()
        if stripped and any(p.fullmatch(stripped) for p in patterns):
            problems.append(f"line {line_no}: marker line left: {stripped!r}")

    sentences = _sentences_with_lines(text, min_chars=12, scaffolding=False)
    counts = Counter(s for s, _, _ in sentences)
    allowed: Counter[str] = Counter()
    truth_prefixes: set[str] = set()
    if truth is not None:
        truth_sentences = [s for s, _, _ in _sentences_with_lines(truth, scaffolding=False)]
        allowed = Counter(truth_sentences)
        truth_prefixes = _prefix_pairs(truth_sentences)
    first_line: dict[str, int] = {}
    reported: set[str] = set()
    for sentence, _, line in sentences:
        if (
            sentence in first_line
            and sentence not in reported
            and counts[sentence] > max(allowed[sentence], 1)
        ):
            reported.add(sentence)
            problems.append(
                f"line {line}: sentence appears {counts[sentence]} times "
                f"(first on line {first_line[sentence]}): {_short(sentence)}"
            )
        first_line.setdefault(sentence, line)

    # Truncated sentence followed later by its complete restart.
    ordered = sorted((s, i) for i, (s, _, _) in enumerate(sentences))
    keys = [s for s, _ in ordered]
    for i, (sentence, _, line) in enumerate(sentences):
        if sentence in truth_prefixes:
            continue
        j = bisect.bisect_right(keys, sentence)
        while j < len(keys) and keys[j].startswith(sentence):
            later, index = ordered[j]
            if index > i and len(later) > len(sentence):
                problems.append(
                    f"line {line}: truncated sentence {_short(sentence)} is restarted "
                    f"complete on line {sentences[index][2]}: {_short(later)}"
                )
                break
            j += 1
    if problems:
        shown = problems[:20]
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise AssertionError("text is not coherent:\n  " + "\n  ".join(shown) + more)


def _prefix_pairs(sentences: Sequence[str]) -> set[str]:
    """Sentences that are a strict prefix of another sentence in ``sentences``."""
    keys = sorted(set(sentences))
    found: set[str] = set()
    for i, sentence in enumerate(keys):
        if i + 1 < len(keys) and keys[i + 1].startswith(sentence):
            found.add(sentence)
    return found


def _short(sentence: str, limit: int = 80) -> str:
    return repr(sentence if len(sentence) <= limit else sentence[: limit - 3] + "...")
