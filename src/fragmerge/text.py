"""Text primitives: the comparison view with its offset map, units (sentences,
headings, list items, table rows, code blocks), front matter.

Two views of every text (DESIGN.md §2): the raw text is never edited; every
comparison runs on a *view* that keeps only letters, digits and marks, NFKC
normalised and case-folded, so whitespace, punctuation variants (、/, 。/.),
Markdown emphasis and joined paragraphs do not matter. ``View.offsets`` maps
each view character back to its raw offset, so every decision taken on the
view can be cut from the raw text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from fragmerge.models import UnitKind

__all__ = [
    "BLANK_LINE",
    "CLOSED_END",
    "CODE_SPAN",
    "HEADING_ANCHOR",
    "LATIN_CUT_END",
    "LIST_BULLET",
    "LOWER_WORD",
    "OPEN_END",
    "SPACE_RUN",
    "Unit",
    "View",
    "build_view",
    "code_ranges",
    "front_matter_end",
    "goes_on_from",
    "has_no_space_script",
    "is_complete",
    "is_no_space_script",
    "mostly_code",
    "open_bold",
    "paragraph_separator",
    "split_units",
    "unbalanced",
]

# A blank line: a paragraph break (or the pipeline's spacing between pieces).
BLANK_LINE = regex.compile(r"\n[ \t]*\n")
# An inline code span: its backticks (group 1) and its code (group 2).
CODE_SPAN = regex.compile(r"(`+)([^`\n]+?)\1(?!`)")
# Ends that cannot finish a sentence, a title or a line of verse: a colon, a comma, a
# digit, an opening bracket, an English article, preposition, conjunction or auxiliary
# verb ("A PEP can").
OPEN_END = regex.compile(
    r"(?:[:：,，、\d]|[\[({「『（【“‘]+"
    # (a word, also right after an emphasis mark: "_The" opens an italic title)
    r"|(?<![\p{L}\p{N}])(?:[Tt]he|[Aa]n|a|of|to|in|on|at|by|for|from|with|into|and|or|but|that|which|is|are|was"
    r"|were|can|could|will|would|should|must|may|might|shall"
    # capitalised too, where no title ends with them ("Log In", "Plan A" do)
    r"|Of|To|By|For|From|With|Into|And|Or|But)"
    r")\s*\Z"
)
# A run of white space.
SPACE_RUN = regex.compile(r"\s+")
# a line of Latin prose cut after a word, a number or a comma ("…icons, videos,")
LATIN_CUT_END = regex.compile(r"[\p{Latin}\d,]\Z")
# a word all in lower case, as only the rest of a sentence opens ("iOS" is a name)
LOWER_WORD = regex.compile(r"\p{Ll}+(?!\p{L})")
# a list item's bullet or number and the space after it ("* ", "2.  ")
LIST_BULLET = regex.compile(r"\s*(?:[-*+]|\d+[.)])\s+")
# a heading's closing anchor or attributes: "{#why-sfc}", "{/*react-18*/}"
HEADING_ANCHOR = regex.compile(r"\{(?:#|/\*)[^{}\n]*\}\s*\Z")
# Letters, digits and combining marks: what a comparison looks at.
_VIEW_RUN = regex.compile(r"[\p{L}\p{N}\p{M}]+")
# A "(continued)" suffix restating a heading carries no content of its own.
_CONTINUED_SUFFIX = regex.compile(
    r"[ \t]*[(（\[【]\s*(?:continued|cont'?d|続き|続く|つづき|续|續)\s*[)）\]】][ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class View:
    """The comparison view of a raw text.

    >>> v = build_view("Hello, World!  ２０２６年。")
    >>> v.chars
    'helloworld2026年'
    >>> v.offsets[5]  # 'w' comes from raw offset 7
    7
    """

    chars: str
    offsets: tuple[int, ...]
    runs: tuple[int, ...] = ()  # view positions where a word or clause begins

    def raw_start(self, view_pos: int, raw_len: int) -> int:
        """Raw offset of view position ``view_pos`` (``raw_len`` past the end)."""
        return self.offsets[view_pos] if view_pos < len(self.offsets) else raw_len

    def raw_end(self, view_pos: int) -> int:
        """Raw offset just after view character ``view_pos - 1`` (0 for position 0)."""
        return self.offsets[view_pos - 1] + 1 if view_pos > 0 else 0


def build_view(raw: str, start: int = 0) -> View:
    """Build the comparison view of ``raw[start:]`` (offsets stay relative to ``raw``)."""
    skipped = [m.span() for m in _CONTINUED_SUFFIX.finditer(raw, start)]
    chars: list[str] = []
    offsets: list[int] = []
    runs: list[int] = []
    for match in _VIEW_RUN.finditer(raw, start):
        start, end = match.span()
        if skipped and any(s <= start < e for s, e in skipped):
            continue
        runs.append(len(offsets))
        run = match.group()
        folded = unicodedata.normalize("NFKC", run).casefold()
        if len(folded) == len(run):
            chars.append(folded)
            offsets.extend(range(start, end))
            continue
        # Rare path: normalisation changed the length; map character by character.
        for i, ch in enumerate(run):
            for out in unicodedata.normalize("NFKC", ch).casefold():
                if _VIEW_RUN.fullmatch(out):
                    chars.append(out)
                    offsets.append(start + i)
    return View("".join(chars), tuple(offsets), tuple(runs))


# --------------------------------------------------------------------------- units


@dataclass(frozen=True, slots=True)
class Unit:
    """A span of raw text that provenance and joins treat as one piece.

    ``end`` excludes trailing whitespace.
    """

    start: int
    end: int
    kind: UnitKind


_FENCE = regex.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_INDENTED_CODE = regex.compile(r"(?:[ ]{4}|[ ]{0,3}\t)[ \t]*\S")
_HEADING = regex.compile(r"[ ]{0,3}#{1,6}(?:[ \t]|$)")
_BOLD_LINE = regex.compile(r"\s*(\*\*|__)[^\n]+?\1[:：]?\s*")
# (a bare number, "2.", is an item cut right after its marker: open, not a sentence)
_LIST_ITEM = regex.compile(
    r"\s*(?:(?:[-*+•・]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+\S|\d{1,3}[.)][ \t]*$)"
)
_TABLE_ROW = regex.compile(r"\s*\|.*\|\s*")
# The delimiter row under a table's header: cells of dashes, colons for alignment.
_DELIMITER_ROW = regex.compile(r"[ ]{0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*")
_RULE = regex.compile(r"[ ]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")
_LINK_DEFINITION = regex.compile(r"[ ]{0,3}\[[^\]\n]+\]:(?:[ \t]|$)")
_IMAGE_LINE = regex.compile(r"\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+")

# Sentence ends. CJK terminators end a sentence wherever they stand; Latin ones
# only before whitespace (so decimals, versions and URLs stay whole).
_CJK_END = regex.compile(
    r"(?:[。！？．｡]|(?<=[\p{Han}\p{Hiragana}\p{Katakana}ー])[!?])[。！？!?．｡]*"
    r"[」』）)】〕〉》\"'”’*_]*+(?![とっ])"
)
_LATIN_END = regex.compile(r"[.!?]+[\"'”’)\]*_]*(?=\s)")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "cf",
        "fig",
        "figs",
        "sec",
        "secs",
        "ch",
        "chap",
        "eq",
        "eqs",
        "al",
        "ref",
        "refs",
        "no",
        "nos",
        "vol",
        "vols",
        "pp",
        "approx",
        "dept",
        "est",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "a.m",
        "p.m",
    ]
)
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.$")
_INITIALISM = regex.compile(r"(?:\p{L}\.)+\p{L}")  # "J.P." (Morgan), "U.S.A."
_NEXT_STARTS_LOWER = regex.compile(r"\s+[\p{Ll}]")


def _latin_end_ok(text: str, end: int) -> bool:
    """False when the period at ``text[:end]`` closes an abbreviation or initial."""
    tail = text[max(0, end - 12) : end]
    if not tail.endswith("."):
        return True
    word = _WORD_BEFORE.search(tail)
    if word is None:
        return True
    w = word.group(1).lower()
    if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or _INITIALISM.fullmatch(w):
        return False
    # "e.g. lowercase" style: a period followed by a lowercase word rarely ends a sentence.
    return _NEXT_STARTS_LOWER.match(text, end) is None


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the prose ``text[start:end]`` into sentence spans (trailing space excluded)."""
    cuts: list[int] = []
    for m in _CJK_END.finditer(text, start, end):
        cuts.append(m.end())
    for m in _LATIN_END.finditer(text, start, end):
        if _latin_end_ok(text, m.end()):
            cuts.append(m.end())
    cuts.sort()
    spans: list[tuple[int, int]] = []
    pos = start
    for cut in cuts:
        if cut <= pos:
            continue
        s = _skip_space(text, pos, end)
        if s < cut:
            spans.append((s, cut))
        pos = cut
    s = _skip_space(text, pos, end)
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        spans.append((s, e))
    return spans


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _line_kind(line: str) -> UnitKind | None:
    """The block kind of one line, or None for prose."""
    if _HEADING.match(line):
        return "heading"
    if _RULE.fullmatch(line.rstrip("\n")):
        return "rule"
    if _TABLE_ROW.fullmatch(line.rstrip("\n")):
        return "table_row"
    if _BOLD_LINE.fullmatch(line.rstrip("\n")):
        return "heading"
    if _LIST_ITEM.match(line):
        return "list_item"
    if _IMAGE_LINE.fullmatch(line.rstrip("\n")) or _LINK_DEFINITION.match(line):
        return "sentence"
    return None


_HARD_LINE_END = regex.compile(r"(?:[。！？!?．｡.…:：])[」』）)】〕〉》\"'”’*_`\]]*$|^$")


def split_units(text: str, start: int = 0, end: int | None = None) -> list[Unit]:
    """Split ``text[start:end]`` into units with absolute offsets.

    >>> t = "# Title\\n\\nFirst one. Second one!\\n\\n- item\\n"
    >>> [(t[u.start:u.end], u.kind) for u in split_units(t)]
    [('# Title', 'heading'), ('First one.', 'sentence'), ('Second one!', 'sentence'), \
('- item', 'list_item')]
    """
    stop = len(text) if end is None else end
    units: list[Unit] = []
    pos = start
    para_start: int | None = None

    def flush(upto: int) -> None:
        nonlocal para_start
        if para_start is not None:
            units.extend(Unit(s, e, "sentence") for s, e in _sentence_spans(text, para_start, upto))
            para_start = None

    while pos < stop:
        line_end = _next_line(text, pos, stop)
        line = text[pos:line_end]
        stripped = line.strip()
        if not stripped:
            flush(pos)
            pos = line_end
            continue
        fence = _FENCE.match(line)
        underline = fence is not None and para_start is not None and not stripped.strip(stripped[0])
        if fence and not underline:
            close = regex.compile(
                rf"^[ ]{{0,3}}{regex.escape(fence.group(1)[0])}{{{len(fence.group(1))},}}\s*$",
                regex.MULTILINE,
            )
            m = close.search(text, line_end, stop)
            # An unclosed fence is more likely a stray line than code to the end.
            if m is not None:
                flush(pos)
                start_code = pos + (len(line) - len(line.lstrip()))
                units.append(Unit(start_code, _rstrip_pos(text, pos, m.end()), "code"))
                pos = m.end()
                continue
        if (
            para_start is None
            and _INDENTED_CODE.match(line)
            and (not units or units[-1].kind != "list_item")  # (else a list item goes on)
            and (pos == start or not text[text.rfind("\n", 0, pos - 1) + 1 : pos].strip())
        ):
            # An indented code block (after a blank line, outside a list) runs over its
            # indented lines and the blank lines between them.
            code_end = line_end
            scan = line_end
            while scan < stop:
                nxt_end = _next_line(text, scan, stop)
                nxt = text[scan:nxt_end]
                if nxt.strip() and not _INDENTED_CODE.match(nxt):
                    break
                if nxt.strip():
                    code_end = nxt_end
                scan = nxt_end
            s = pos + (len(line) - len(line.lstrip()))
            units.append(Unit(s, _rstrip_pos(text, s, code_end), "code"))
            pos = code_end
            continue
        rows = _pipeless_rows(text, pos, stop) if para_start is None else []
        if rows:
            # (a table whose rows leave out the outer pipes: "仓库 | 系列" "--- | ---")
            units.extend(Unit(s, e, "table_row") for s, e in rows)
            pos = _next_line(text, rows[-1][1], stop)
            continue
        kind = _line_kind(line)
        if kind is not None:
            flush(pos)
            s = pos + (len(line) - len(line.lstrip()))
            if kind == "list_item":
                # a list item goes on over its indented continuation lines
                while line_end < stop:
                    nxt_end = _next_line(text, line_end, stop)
                    nxt = text[line_end:nxt_end]
                    if not nxt.strip() or not nxt[:1].isspace() or _line_kind(nxt) is not None:
                        break
                    line_end = nxt_end
            units.append(Unit(s, _rstrip_pos(text, s, line_end), kind))
            pos = line_end
            continue
        if para_start is None:
            para_start = pos
        elif not _is_soft_wrap(text, pos):
            flush(pos)
            para_start = pos
        pos = line_end
    flush(stop)
    return units


def row_cells(row: str) -> int:
    """How many cells a table row holds, with or without its outer pipes.

    >>> row_cells("| a | b |"), row_cells("a | b | c"), row_cells("a | b |")
    (2, 3, 2)
    """
    row = row.strip()
    return row.removeprefix("|").removesuffix("|").count("|") + 1


def _next_line(text: str, pos: int, stop: int) -> int:
    """Where the line after the one at ``pos`` starts (``stop`` if none)."""
    nl = text.find("\n", pos, stop)
    return stop if nl < 0 else nl + 1


def _pipeless_rows(text: str, pos: int, stop: int) -> list[tuple[int, int]]:
    """The rows of a table written without outer pipes that starts at line ``pos``
    (a header row, a delimiter row with as many cells, then the lines up to a blank
    one), or none. Tables with outer pipes are rows line by line (``_line_kind``).

    >>> t = "a | b\\n--- | ---\\n1 | 2\\n\\nText."
    >>> [t[s:e] for s, e in _pipeless_rows(t, 0, len(t))]
    ['a | b', '--- | ---', '1 | 2']
    """
    header_end = _next_line(text, pos, stop)
    header = text[pos:header_end]
    if "|" not in header or _line_kind(header) is not None:
        return []
    delimiter_end = _next_line(text, header_end, stop)
    delimiter = text[header_end:delimiter_end].rstrip("\n")
    if not _DELIMITER_ROW.fullmatch(delimiter) or row_cells(delimiter) != row_cells(header):
        return []
    rows: list[tuple[int, int]] = []
    line_start = pos
    while line_start < stop:
        line_end = _next_line(text, line_start, stop)
        line = text[line_start:line_end]
        # (as in GitHub's Markdown, a table goes on to a blank line or another block;
        # a row cut in its first cell holds no pipe)
        if not line.strip() or (
            line_start > header_end
            and (
                _line_kind(line) not in (None, "table_row")
                or _FENCE.match(line) is not None
                or line.lstrip().startswith(">")
            )
        ):
            break
        s = _skip_space(text, line_start, line_end)
        rows.append((s, _rstrip_pos(text, s, line_end)))
        line_start = line_end
    return rows


def _is_soft_wrap(text: str, line_start: int) -> bool:
    """Whether the newline before ``line_start`` wraps a sentence (rather than ending one).

    In Markdown a single newline inside a paragraph is a wrap; a line that ends
    a sentence (or announces something with a colon) ends its unit.
    """
    prev = text[max(0, line_start - 24) : line_start - 1].rstrip()
    # (no sentence ends with "i.e." or "e.g.": "Ruby has “mixins” (i.e.\n  you can …")
    return not _HARD_LINE_END.search(prev) or _NEVER_FINAL.search(prev) is not None


def _rstrip_pos(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# (not inside a code span closing the text: "首先，`println!`" is cut before its verb)
_COMPLETE_END = regex.compile(r"[。！？!?．｡.…]+[」』）)】〕〉》\"'”’*_\]]*\s*$|```\s*$|~~~\s*$")


def unbalanced(cut: str) -> bool:
    """Whether ``cut`` leaves a bracket, an HTML tag or the strong emphasis it opens with
    open ("[import", "<figure", "（比如说…", "**Keep all"; not the first sentence of a bold
    paragraph of several, "**If the `shell` option is enabled, do not pass … function.").

    >>> unbalanced("{% highlight irb"), unbalanced("{% highlight irb %}")
    (True, False)
    """
    return any(cut.count(o) > cut.count(c) for o, c in ("[]", "()", "<>", "{}", "（）")) or (
        open_bold(LIST_BULLET.sub("", cut, count=1))
    )


def open_bold(cut: str) -> bool:
    """Whether ``cut`` opens with the one ``**`` it has and is unfinished: a bold line cut
    before its closing mark ("**条" of "**条件4：実験を許容する文化**").

    >>> open_bold("**条"), open_bold("**条件4**"), open_bold("**It's complicated.")
    (True, False, False)
    """
    return cut.startswith("**") and cut.count("**") == 1 and not is_complete(cut)


_OPEN_LINK_TEXT = regex.compile(r"\[[^\[\]\n]*\Z")  # "…see the [file system"
_CLOSES_LINK_TEXT = regex.compile(r"[^\[\]\s][^\[\]\n]*\]\(")  # "interfaces](/design/…"


def finishes_link(cut: str, piece: str) -> bool:
    """Whether ``piece`` opens by finishing and closing the link text ``cut`` ends
    in: words, then ``](``, which no paragraph opens with.

    >>> finishes_link("…see the [file system", "interfaces](/design/draft-iofs),")
    True
    >>> finishes_link("…see the [file system]", "interfaces](/design/draft-iofs),")
    False
    """
    return _OPEN_LINK_TEXT.search(cut) is not None and _CLOSES_LINK_TEXT.match(piece) is not None


def open_row(row: str) -> bool:
    """Whether a table row opened with a pipe stops before its closing one, cut after
    a cell.

    >>> open_row("| 規"), open_row("| LangChain | 種別 |")
    (True, False)
    """
    row = row.strip()
    return row.startswith("|") and not row.endswith("|")


def is_complete(unit_text: str) -> bool:
    """Whether a unit's text ends like a finished sentence.

    >>> is_complete("それは、次世代のAIモデル"), is_complete("Done."), is_complete("「はい。」")
    (False, True, True)
    >>> is_complete("首先，`println!`")  # a stop inside code ends no sentence
    False
    >>> is_complete("replaced by the file extension (e.g.")  # nor one closing "e.g."
    False
    >>> is_complete("*Fig.")  # nor a caption's "Fig."
    False
    """
    return bool(_COMPLETE_END.search(unit_text)) and _NEVER_FINAL.search(unit_text) is None


# abbreviations no sentence ends with: a text ending in one was cut
# ("*Fig." | "*Fig. 1: O*NET content model*": a caption cut after its abbreviation)
_NEVER_FINAL = regex.compile(
    r"(?i)(?<![\p{L}.])(?:e\.g|i\.e|cf|vs|viz|mr|mrs|dr|prof|figs?|eqs?|pp|approx)\.[*_]*\s*\Z"
)


def mostly_code(text: str, units: Sequence[Unit]) -> bool:
    """Whether at least half of the units' characters are code: code blocks, and
    units with a code span in them (an options list, a table of commands).

    >>> t = "A sentence of prose. Another one.\\n\\n* `maxSize` {number} The size.\\n"
    >>> mostly_code(t, split_units(t)), mostly_code(t, split_units(t)[2:])
    (False, True)
    """
    code = total = 0
    for u in units:
        unit_text = text[u.start : u.end]
        total += len(unit_text)
        if u.kind == "code" or "`" in unit_text:
            code += len(unit_text)
    return 2 * code >= total


_NO_SPACE_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆〇、。，！？「」『』（）]")


def is_no_space_script(ch: str) -> bool:
    """Whether ``ch`` belongs to a script written without spaces between words (Chinese, Japanese).

    >>> is_no_space_script("地"), is_no_space_script("a"), is_no_space_script("한")
    (True, False, False)
    """
    return bool(ch) and bool(_NO_SPACE_SCRIPT.match(ch))


def has_no_space_script(text: str) -> bool:
    """Whether any character of ``text`` is of a script without spaces (see
    :func:`is_no_space_script`).

    >>> has_no_space_script("ではな"), has_no_space_script("improving Python")
    (True, False)
    """
    return _NO_SPACE_SCRIPT.search(text) is not None


_FRONT_MATTER = regex.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n")


def front_matter_end(text: str) -> int:
    """End offset (just past the closing line) of YAML/TOML front matter at the very top; 0 if none.

    >>> front_matter_end("---\\ntitle: x\\n---\\nBody")
    17
    >>> front_matter_end("--- not front matter\\n")
    0
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0
    fence = text[:3]
    closing = regex.compile(r"^" + regex.escape(fence) + r"[ \t]*$|^\.\.\.[ \t]*$", regex.MULTILINE)
    c: regex.Match[str] | None = closing.search(text, m.end(), min(len(text), 64_000))
    if c is None:
        return 0
    body = text[m.end() : c.start()]
    # Front matter is key: value lines (or nested/list lines); a bare rule followed by prose is not.
    first = next((ln for ln in body.splitlines() if ln.strip()), "")
    if first and not regex.match(r"\s*[\w\-\"']+\s*[:=]", first):
        return 0
    end: int = c.end()
    if end < len(text) and text[end] == "\n":
        end += 1
    return end


def paragraph_separator(text: str) -> str:
    """The whitespace this text puts between paragraphs (``"\\n\\n"``, or ``"\\n"``
    if it uses single newlines).

    >>> paragraph_separator("One.\\nTwo.\\nThree.\\nFour.\\n\\nFive.")
    '\\n'
    >>> paragraph_separator("One.\\n\\nTwo.")
    '\\n\\n'

    A tight list's items are no paragraphs:

    >>> paragraph_separator("Intro.\\n\\n* One.\\n* Two.\\n* Three.\\n* Four.")
    '\\n\\n'
    """
    blank = len(regex.findall(r"\S\n[ \t]*\n\s*\S", text))
    single = len(regex.findall(r"[。！？.!?]\n(?=[^\s\n])(?![-*+•・][ \t]|\d{1,3}[.)][ \t])", text))
    return "\n" if single > 2 * blank else "\n\n"


# An end that closes something (a bracket, a code span, a colon, emphasis).
CLOSED_END = regex.compile(r"[)\]}>:;\"'`*]\Z")


def goes_on_from(original: str, copy: str, unstopped_list: bool = False) -> bool:
    """Whether ``copy`` can be the rest of ``original`` cut short: an end that closes
    something (a bracket, a code span, a colon) goes on character for character.
    In a list whose items go without a stop (``unstopped_list``), a parenthetical
    added to an item is a note on a finished entry (an author, a commit link), not
    the rest of a cut one, unless the item goes on after it.

    >>> goes_on_from("* experimental (`X`):", "* Experimental (`X` is defined):")
    False
    >>> goes_on_from("* Docs improvements", "* Docs improvements (koichik)", unstopped_list=True)
    False
    >>> goes_on_from("* Uses HSTS", "* Uses HSTS (HSTS), and its max-age", unstopped_list=True)
    True
    >>> goes_on_from("The vast majority of respondents", "The vast majority of respondents (91%)")
    True
    """
    original = SPACE_RUN.sub(" ", original).strip()
    copy = SPACE_RUN.sub(" ", copy).strip()
    if copy.startswith(original):
        rest = copy[len(original) :].lstrip()
        if unstopped_list and rest.startswith("("):
            close = rest.find(")")
            return close >= 0 and any(c.isalnum() for c in rest[close + 1 :])
        return True
    return CLOSED_END.search(original) is None


def code_ranges(text: str, units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Raw ranges of code in ``text``: code blocks whole, and the code of each inline
    code span, in text order.

    >>> t = "Run `make test` first.\\n"
    >>> [t[s:e] for s, e in code_ranges(t, split_units(t))]
    ['make test']
    """
    out: list[tuple[int, int]] = []
    for u in units:
        if u.kind == "code":
            out.append((u.start, u.end))
        elif "`" in text[u.start : u.end]:
            out.extend(m.span(2) for m in CODE_SPAN.finditer(text, u.start, u.end))
    return out
