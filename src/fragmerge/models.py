"""The typed records that flow between the stages and out to users.

Every record is a frozen pydantic model, so results can be hashed, compared,
serialised to JSON (``result.model_dump_json()``) and checked mechanically.
Spans are half-open ``[start, end)`` character offsets (not bytes) into the
*input draft*, named like rapidfuzz's alignment records.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DEFAULT_MARKERS",
    "Fragment",
    "Join",
    "MergeResult",
    "Options",
    "Overlap",
    "ProvenanceEntry",
    "UnitKind",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


#: Whole-line patterns that separate pieces of a draft by default. Matched with
#: ``regex.fullmatch`` against a line stripped of surrounding whitespace,
#: case-insensitively. A bare ``---`` is deliberately absent: it is front matter
#: or a Markdown rule, never a marker.
DEFAULT_MARKERS: tuple[str, ...] = (
    # ---END---, === END ===, ***END***, ---CONTINUE---, ---CUT---
    r"(?:-{3,}|={3,}|\*{3,}|#{3,})\s*(?:END|CONTINUED?|CONT'?D|CUT|BREAK|PART\s*\d+)\s*(?:-{3,}|={3,}|\*{3,}|#{3,})",
    # model special tokens
    r"<\|(?:endoftext|im_end|eot_id|end|end_of_turn|endofchunk)\|>",
    r"</s>|<eos>|\[EOS\]|\[END\]",
    # [continued], (continued), (Continued...), [to be continued], (cont'd)
    r"[\[(（【]\s*(?:to\s+be\s+)?(?:continued|continues|cont'?d|continue)\s*(?:\.{3}|…)?\s*[\])）】]",
    # Japanese: （続き）, (続く), 【続く】, （つづく）, 〈続く〉, ——続く——
    r"[\[(（【〈《]\s*(?:続き|続く|つづき|つづく|次回へ続く|後半へ続く)\s*[\])）】〉》]",
    r"[-—–ー=]{2,}\s*(?:続き|続く|つづく)\s*[-—–ー=]{2,}",
    # Chinese: （续）, （未完待续）, 【待续】, (續)
    r"[\[(（【〈《]\s*(?:续|續|待续|待續|未完待续|未完待續|接上文|续上文|續上文)\s*[\])）】〉》]",
)


class Options(_Frozen):
    """Tuning for :func:`fragmerge.fix` and the stages; immutable, shared by the
    library, the CLI and the pytest fixture.

    >>> Options().min_score
    80.0
    >>> Options(min_score=90).min_score
    90.0
    """

    markers: tuple[str, ...] = Field(
        default=DEFAULT_MARKERS,
        description="Regexes matched against whole (stripped) lines that separate pieces.",
    )
    extra_markers: tuple[str, ...] = Field(
        default=(),
        description="Regexes added to `markers` (convenient for the CLI's --markers).",
    )
    min_score: float = Field(
        default=80.0,
        ge=0,
        le=100,
        description=(
            "Smallest 0-100 similarity at which two copies count as the same text. At the "
            "default (or lower), a short restart that runs exactly to the cut with only a "
            "changed word in it still counts; a stricter value turns that off."
        ),
    )
    min_confidence: float = Field(
        default=0.0,
        ge=0,
        le=100,
        description="Joins scored below this keep both copies and warn instead of merging.",
    )
    strict: bool = Field(
        default=False,
        description="Raise LowConfidenceError instead of keeping both copies of a join.",
    )
    prefer: Literal["first", "last"] = Field(
        default="first",
        description="Whose wording wins where overlapping copies differ slightly.",
    )
    implicit_restarts: bool = Field(
        default=True,
        description="Also split where the text restarts earlier text without a marker.",
    )
    remove_debris: bool = Field(
        default=True,
        description="Remove chat-UI debris between continuations (user turns, role headers...).",
    )
    debris_patterns: tuple[str, ...] = Field(
        default=(),
        description="Extra whole-line regexes treated as continuation debris.",
    )

    def all_markers(self) -> tuple[str, ...]:
        """The marker patterns in force: ``markers`` followed by ``extra_markers``."""
        return self.markers + self.extra_markers


class Fragment(_Frozen):
    """One piece of the draft, as the segmenter cut it.

    ``start``/``end`` delimit the piece's content in the input (separator lines,
    markers and debris excluded); ``separator_start``/``separator_end`` delimit
    what stood before it and was not content.
    """

    index: int
    start: int
    end: int
    text: str
    separator_start: int
    separator_end: int
    boundary: Literal["start", "marker", "debris", "implicit"] = Field(
        description="What ended the previous piece: nothing (first piece), a marker line, "
        "chat-UI debris, or an implicit restart found without a marker.",
    )


OverlapKind = Literal["dovetail", "containment", "adjacent"]


class Overlap(_Frozen):
    """Where fragment ``right`` repeats text of fragment ``left``.

    * ``dovetail``: a suffix of ``left`` matches a prefix of ``right``
      (``right`` resumes inside ``left`` and goes further);
    * ``containment``: the matched part of ``right`` lies inside ``left``
      (``right`` adds nothing there);
    * ``adjacent``: nothing repeats; ``right`` continues exactly where
      ``left`` stopped.

    Spans are input offsets; ``score`` is the 0-100 similarity of the two
    matched spans on the normalised comparison view.
    """

    left: int
    right: int
    kind: OverlapKind
    left_start: int
    left_end: int
    right_start: int
    right_end: int
    score: float = Field(ge=0, le=100)


JoinKind = Literal["restart", "continuation", "gap", "redundant", "kept"]


class Join(_Frozen):
    """One decision the merger took about a fragment, in layout order.

    * ``restart``: the fragment restarted earlier text; the output switches
      from ``left`` at ``left_cut`` to ``right`` at ``right_resume``;
    * ``continuation``: no overlap, the fragment continues where ``left`` ended;
    * ``gap``: no overlap found and nothing says the two pieces are adjacent;
      appended in input order, with a warning;
    * ``redundant``: everything the fragment says is already in the output;
    * ``kept``: an overlap was found but scored below ``Options.min_confidence``,
      so both copies were kept.
    """

    kind: JoinKind
    left: int | None
    right: int
    left_cut: int | None = None
    right_resume: int | None = None
    output_offset: int | None = None
    score: float = Field(default=100.0, ge=0, le=100)
    confidence: float = Field(default=100.0, ge=0, le=100)


UnitKind = Literal[
    "front_matter",
    "heading",
    "sentence",
    "list_item",
    "table_row",
    "code",
    "rule",
]


class ProvenanceEntry(_Frozen):
    """Where one stretch of the output came from.

    Entries tile the output exactly, in order. Each belongs to output unit
    ``sentence`` (a sentence, heading, list item, table row, code block or the
    front matter); a unit stitched from two fragments has two entries with the
    same ``sentence``. ``join`` is literal text inserted before the span
    (usually empty; a space when two Latin-script pieces were glued). Replay:

    ``"".join(e.join + draft[e.input_start:e.input_end] for e in provenance)``
    equals ``result.text``.
    """

    sentence: int
    kind: UnitKind
    output_start: int
    output_end: int
    fragment: int
    input_start: int
    input_end: int
    join: str = ""
    score: float = Field(
        default=100.0,
        ge=0,
        le=100,
        description="Similarity to the closest other copy this text was chosen over "
        "(100 when no other copy disagrees).",
    )
    copies: int = Field(default=1, ge=1, description="How many fragments carried this text.")


class MergeResult(_Frozen):
    """The outcome of :func:`fragmerge.fix`."""

    text: str
    changed: bool
    fragments: tuple[Fragment, ...]
    overlaps: tuple[Overlap, ...]
    joins: tuple[Join, ...] = ()
    provenance: tuple[ProvenanceEntry, ...]
    warnings: tuple[str, ...] = ()
    confidence: float = Field(default=100.0, ge=0, le=100)

    @property
    def redundant(self) -> tuple[int, ...]:
        """Indices of fragments that added nothing (fully contained in the others)."""
        return tuple(j.right for j in self.joins if j.kind == "redundant")
