"""Stage 1: split a draft into fragments.

Pieces are separated by whole-line markers (``---END---``, ``<|endoftext|>``,
``（続き）``…, see :data:`fragmerge.DEFAULT_MARKERS`) and by the chat-UI debris
that copies of chat conversations leave between continuations (user turns such
as "Continue writing please", role headers with their rules, avatar images,
export banners, "Here's the continuation:" preambles). YAML front matter at the
very top belongs to fragment 0 and is never a marker; a ``---`` rule inside the
text is never a marker either. Every fragment keeps its exact span in the input.

>>> [f.text for f in segment("One. Tw\\n\\n---END---\\n\\nTwo. Three.\\n")]
['One. Tw', 'Two. Three.']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal, NamedTuple

import regex
from rapidfuzz.fuzz import ratio

from fragmerge.align import short_overlap
from fragmerge.errors import OptionsError
from fragmerge.models import Fragment, Options
from fragmerge.text import (
    BLANK_LINE,
    CLOSED_END,
    CODE_SPAN,
    HEADING_ANCHOR,
    LATIN_CUT_END,
    LIST_BULLET,
    LOWER_WORD,
    OPEN_END,
    SPACE_RUN,
    Unit,
    build_view,
    finishes_link,
    front_matter_end,
    goes_on_from,
    has_no_space_script,
    is_complete,
    is_no_space_script,
    mostly_code,
    open_bold,
    open_row,
    row_cells,
    split_units,
    unbalanced,
)

__all__ = ["segment"]

LineClass = Literal["content", "blank", "marker", "debris"]

# ---------------------------------------------------------------- chat-UI debris
_ROLE_USER = regex.compile(
    r"(?:\*\*|__|#{1,4}\s*)?(?:user|you|human|prompt|me|ユーザー|あなた|用户|用戶)\s*[:：]?(?:\*\*|__)?\s*[:：]?",
    regex.IGNORECASE,
)
_ROLE_ASSISTANT = regex.compile(
    r"(?:\*\*|__|#{1,4}\s*)?(?:chatgpt|assistant|gpt-?4o?|gpt-?3\.5|claude|bard|gemini|ai|bot|model|アシスタント|助手)"
    r"\s*[:：]?(?:\*\*|__)?\s*[:：]?",
    regex.IGNORECASE,
)
_USER_TURN = regex.compile(
    r"(?:please\s+)?(?:continue|keep\s+going|go\s+on|carry\s+on)(?:\s+(?:writing|the\s+article|please|from\s+where\s+you\s+(?:left\s+off|stopped)))*"
    r"(?:\s+please)?\s*[.!。]?"
    r"|続けて(?:ください)?[。]?|続きを(?:書いて|お願いします|どうぞ)(?:ください)?[。]?|続き[をは]?[？?]?"
    r"|(?:请)?继续(?:写|写作|写下去)?[。!！]?|(?:請)?繼續(?:寫)?[。!！]?",
    regex.IGNORECASE,
)
_AVATAR_LINE = regex.compile(r"\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+")
_AVATAR_HINT = regex.compile(
    r"data:image/svg|chat\.openai\.com|googleusercontent|gravatar|avatar", regex.I
)
_BANNER = regex.compile(
    r"(?:exported|saved|generated)\s+(?:with|by|from|using|on)\b.*", regex.IGNORECASE
)
_PREAMBLE = regex.compile(
    r"(?:(?:sure|certainly|of course|okay|ok|absolutely|great|no problem|my apologies"
    r"|apologies|sorry)[!,.]?\s*)*"
    r"(?:here(?:'s| is| are)|below is|i(?:'ll| will) continue|continuing|let me continue"
    r"|let's continue)[^\n]{0,120}?"
    r"(?:continu|rest of|remainder|where (?:i|we) left off|next part|part \d)[^\n]{0,80}[:.!]"
    r"|(?:以下|こちら)(?:が|は)?(?:、)?続き(?:です|になります)[。:：]?"
    r"|続きを(?:書きます|お書きします)[。:：]?"
    r"|(?:もちろん|はい|承知(?:いたし|し)ました|かしこまりました)[、。！!]?[^\n]{0,80}?続き[^\n]{0,60}?"
    r"(?:執筆|書き|記述|作成)(?:し)?(?:ます|いたします)[。！!]?"
    r"|[（(【「]?ここから(?:が)?続き(?:の文章|の記事|の本文)?(?:です)?[）)】」]?[。]?"
    r"|「[^」\n]{1,60}」から続きを(?:書き|執筆し|記述し)(?:ます|ましょう)[。]?"
    r"|【(?:既存の記事の(?:最後の部分|続き|末尾)|続き|続きの文章)】"
    r"|(?:好的[，,]?)?以下是(?:文章的)?(?:续写|后续|剩余)(?:内容|部分)?[：:。]?",
    regex.IGNORECASE,
)
# "## Section (Continued)": a continuation restating the heading it resumes under.
_CONTINUED_HEADING = regex.compile(
    r"(?:#{1,6}\s+|\*\*)[^\n]*?[(（\[]\s*(?:continued|cont'?d|続き|続く|续|續)\s*[)）\]]\s*(?:\*\*)?[:：]?",
    regex.IGNORECASE,
)
# Git conflict markers left in a draft by the pipeline's version control.
_CONFLICT_LINE = regex.compile(r"(<{7}|={7}|>{7})(?:[ \t]+\S.*)?")
_WORD_START = regex.compile(r"[\p{L}\p{N}]")
_RULE_LINE = regex.compile(r"\s*(?:-{3,}|\*{3,}|_{3,})\s*")
_SETEXT_UNDERLINE = regex.compile(r"-{3,}|={3,}")
_UNDERLINE = regex.compile(r"([-=~^'\"`#*+])\1{2,}")  # a Markdown or reStructuredText title's
_FENCE_OPEN = regex.compile(r"\s*(`{3,}|~{3,})\s*")  # a bare fence: closes a block
_FENCE_INFO = regex.compile(r"\s*(?:`{3,}|~{3,})[^`\n]*")  # may carry an info string: opens


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # including the newline
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _lines(text: str, start: int) -> Iterator[_Line]:
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        yield _Line(pos, end, text[pos:end])
        pos = end


# A marker token glued to the end of a line of text ("…最後の文です。 ---END---"), or to
# the start of one ("---END--- 次の部分です。").
_MARKER_TOKEN = r"(?:-{3,}\s*END\s*-{3,}|<\|endoftext\|>|<\|im_end\|>)"
_GLUED_MARKER = regex.compile(rf"[ \t]*{_MARKER_TOKEN}[ \t]*$")
_LEADING_MARKER = regex.compile(rf"[ \t]*{_MARKER_TOKEN}[ \t]*(?=\S)")
# ...or standing inside a line, between finished sentences, spaced ("…いられません。
# ---END--- AIの進化は…", a copy with its paragraphs joined onto one line): not one
# mentioned in a sentence ("記事の末尾に ---END--- を必ず追加する", "「---END---」")
_INLINE_MARKER = regex.compile(
    rf"(?<=[。！？.!?][\p{{Pe}}\p{{Pf}}\"']*)[ \t]+{_MARKER_TOKEN}[ \t]+(?=\S)"
)


def _split_glued_markers(lines: list[_Line]) -> list[_Line]:
    """Split a line ending, starting or going on after a marker token into its text
    and the marker."""
    out: list[_Line] = []
    pending = list(reversed(lines))
    while pending:
        line = pending.pop()
        body = line.text.rstrip("\n")
        m = _GLUED_MARKER.search(body)
        if m is not None and body[: m.start()].strip():
            split = m.start()
        elif (m := _LEADING_MARKER.match(body)) is not None:
            split = m.end()
        elif (m := _INLINE_MARKER.search(body)) is not None:
            split = m.start()
        else:
            out.append(line)
            continue
        cut = line.start + split
        # (either part may hold another marker: "A。 ---END--- B。 ---END---")
        pending.append(_Line(cut, line.end, line.text[split:]))
        pending.append(_Line(line.start, cut, line.text[:split]))
    return out


def _compile_markers(options: Options) -> regex.Pattern[str]:
    patterns = options.all_markers()
    try:
        return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE | regex.V0)
    except regex.error as exc:
        raise OptionsError(
            f"a marker pattern does not compile ({exc}); check the regexes passed as markers"
        ) from exc


def _compile_debris(options: Options) -> regex.Pattern[str] | None:
    if not options.debris_patterns:
        return None
    try:
        return regex.compile(
            "|".join(f"(?:{p})" for p in options.debris_patterns), regex.IGNORECASE
        )
    except regex.error as exc:
        raise OptionsError(
            f"a debris pattern does not compile ({exc}); "
            "check the regexes passed as debris_patterns"
        ) from exc


def _classify(lines: list[_Line], options: Options) -> list[LineClass]:
    """Label every line: content, blank, marker or debris."""
    markers = _compile_markers(options)
    extra_debris = _compile_debris(options)
    classes: list[LineClass] = []
    for line in lines:
        s = line.stripped
        if not s:
            classes.append("blank")
        elif markers.fullmatch(s):
            classes.append("marker")
        else:
            classes.append("content")
    if not options.remove_debris:
        return classes
    n = len(lines)
    in_fence = False
    conflict_lines: list[tuple[int, str]] = []
    i = 0
    while i < n:
        s = lines[i].stripped
        if (_FENCE_OPEN if in_fence else _FENCE_INFO).fullmatch(s):
            # An export banner is a fenced block holding one "Exported with ..." line.
            if (
                not in_fence
                and i + 2 < n
                and _BANNER.fullmatch(lines[i + 1].stripped)
                and _FENCE_OPEN.fullmatch(lines[i + 2].stripped)
            ):
                classes[i] = classes[i + 1] = classes[i + 2] = "debris"
                i += 3
                continue
            in_fence = not in_fence
            i += 1
            continue
        if in_fence or classes[i] != "content":
            i += 1
            continue
        if extra_debris is not None and extra_debris.fullmatch(s):
            classes[i] = "debris"
        elif m := _CONFLICT_LINE.fullmatch(s):
            conflict_lines.append((i, m.group(1)[0]))
        elif (
            _ROLE_USER.fullmatch(s)
            and not _cut_word_before_marker(lines, classes, i)
            # (a header opens its paragraph: "ME" in a list of words, "YOU" | "YOUTUBE",
            # is an entry of the list)
            and _stands_apart(lines, classes, i - 1)
            and not _indented(lines[i])
        ):
            # The user's message follows the header, up to a rule or the next role header
            # (or the draft's end). Without one a few lines on, the word was no header:
            # the text goes on ("You" | "You should explain how …" and a list).
            message: list[int] = []
            j = i + 1
            while j < n and j <= i + 8:
                sj = lines[j].stripped
                if (
                    _RULE_LINE.fullmatch(sj)
                    or _ROLE_ASSISTANT.fullmatch(sj)
                    or classes[j] == "marker"
                ):
                    break
                if sj:
                    message.append(j)
                j += 1
            if j < n and j > i + 8:
                i += 1
                continue
            for k in (i, *message):
                classes[k] = "debris"
            i = j
            continue
        elif (
            _ROLE_ASSISTANT.fullmatch(s)
            and not _cut_word_before_marker(lines, classes, i)
            and _stands_apart(lines, classes, i - 1)  # a header opens its paragraph
            and not _indented(lines[i])  # ("    Model" in a diagram, a code example)
        ) or (
            (
                _USER_TURN.fullmatch(s)
                or _BANNER.fullmatch(s)
                or (_AVATAR_LINE.fullmatch(s) and _AVATAR_HINT.search(s))
            )
            and _stands_apart(lines, classes, i - 1)
            and _stands_apart(lines, classes, i + 1)
            # (a line right above "---" is a setext heading: "continue\n--------")
            and not (i + 1 < n and _SETEXT_UNDERLINE.fullmatch(lines[i + 1].stripped))
        ):
            classes[i] = "debris"
        i += 1
    _mark_conflicts(conflict_lines, classes)
    _absorb_rules_and_preambles(lines, classes)
    return classes


def _stands_apart(lines: list[_Line], classes: list[LineClass], k: int) -> bool:
    """Whether line ``k`` parts a chat turn from the text: no line (the draft's start or
    end), a blank, a marker, debris or a rule. A chat turn or a banner stands as a
    paragraph of its own; a wrapped line of prose that happens to read "continue." or
    "generated by the Console." has text right above or below it.

    >>> ls = [_Line(0, 0, t) for t in ("cause the process to", "continue.", "")]
    >>> _stands_apart(ls, ["content", "content", "blank"], 0)
    False
    """
    return (
        not 0 <= k < len(lines)
        or classes[k] != "content"
        or _RULE_LINE.fullmatch(lines[k].stripped) is not None
    )


def _indented(line: _Line) -> bool:
    """Whether ``line`` is indented like code or a diagram (a tab, or four spaces)."""
    return line.text.startswith(("\t", "    "))


def _mark_conflicts(found: list[tuple[int, str]], classes: list[LineClass]) -> None:
    """Git conflict markers are debris when they stand as a whole ``<<<<<<<``,
    ``=======``, ``>>>>>>>`` block; both sides are text, and the merge keeps each
    sentence once. A lone ``=======`` (a setext underline, a divider) stays."""
    expected = "<"
    block: list[int] = []
    for i, kind in found:
        if kind == "<":
            expected, block = "=", [i]
        elif kind == expected:
            block.append(i)
            expected = ">" if kind == "=" else "<"
            if kind == ">":
                for j in block:
                    classes[j] = "debris"
                block = []
        else:
            expected, block = "<", []


def _cut_word_before_marker(lines: list[_Line], classes: list[LineClass], i: int) -> bool:
    """A bare word such as "AI" or "You" ending a piece is the cut start of a sentence
    ("AI" | "AIエージェントの導入は…"), or a heading ("## AI" | "## AI導入戦略の…"),
    not a role header: a header introduces text. So is one that the next line opens
    with inside a longer word, written again and gone on with ("AI" | "AIエージェントは、
    …"; a header's message may open with the word, "AI" | "AI is …")."""
    word = lines[i].stripped.lstrip("#").strip() if lines[i].stripped.startswith("#") else ""
    if not (lines[i].stripped.isalnum() or word.isalnum()):
        return False  # "**AI:**": decorated, a header
    j = i + 1
    while j < len(lines) and classes[j] == "blank":
        j += 1
    if j == len(lines) or classes[j] == "marker":
        return True
    cut = lines[i].stripped

    def resumes(k: int) -> bool:
        after = lines[k].stripped[len(cut) : len(cut) + 1]
        return lines[k].stripped.startswith(cut) and after.isalnum()

    # (or a paragraph a little further on, in a script without spaces, after a piece
    # shuffled or restated in between: "AI" | "さらに、…" | "AI市場全体も、…")
    return resumes(j) or any(
        classes[k - 1] == "blank"
        and resumes(k)
        and is_no_space_script(lines[k].stripped[len(cut) : len(cut) + 1])
        for k in range(j + 1, min(len(lines), j + _RESUMED_WORD_LINES))
    )


def _absorb_rules_and_preambles(lines: list[_Line], classes: list[LineClass]) -> None:
    """Rules next to debris belong to it; a preamble right after a separator is debris."""
    n = len(lines)

    def neighbour(i: int, step: int) -> LineClass | None:
        j = i + step
        while 0 <= j < n and classes[j] == "blank":
            j += step
        return classes[j] if 0 <= j < n else None

    changed = True
    while changed:
        changed = False
        for i in range(n):
            if (
                classes[i] == "content"
                and _RULE_LINE.fullmatch(lines[i].stripped)
                and "debris" in (neighbour(i, -1), neighbour(i, 1))
            ):
                classes[i] = "debris"
                changed = True
    for i in range(n):
        s = lines[i].stripped
        if (
            classes[i] == "content"
            and neighbour(i, -1) in ("debris", "marker")
            and (_PREAMBLE.fullmatch(s) or _CONTINUED_HEADING.fullmatch(s))
        ):
            classes[i] = "debris"


def _title_prompt_line(lines: list[_Line], classes: list[LineClass]) -> None:
    """A chat prompt that only repeats the title right before the title heading is debris."""
    idx = [i for i, c in enumerate(classes) if c == "content"]
    if len(idx) < 2:
        return
    first, second = idx[0], idx[1]
    s1, s2 = lines[first].stripped, lines[second].stripped
    # (a prompt is words typed in a chat: a line opening with markup, such as a
    # document label "(Requirement Specifiers)=", is the text's own)
    if s1.startswith("#") or not s2.startswith("#") or not _WORD_START.match(s1):
        return
    if ratio(build_view(s1).chars, build_view(s2).chars) >= 90:
        classes[first] = "debris"


# ---------------------------------------------------------------- implicit restarts

_RESTART_KEY = 8  # view characters that propose an earlier copy of a unit
_MIN_INNER_RESTART = 20  # view characters a restart from inside the cut unit restates
_MIN_PROSE_RESTART = 40  # view characters a sentence restarting a one-word cut goes on for
_MAX_STUB_WORDS = 3  # words a paragraph cut after its first words may hold
_MIN_PARAGRAPH_SAID_AGAIN = 24  # view characters of a paragraph written twice in a row
_MIN_TRUNCATED_RUN = 24  # copied view characters needed after an unfinished sentence
_MIN_RESTATED_RUN = 20  # ... after a finished one, when the copy changes the layout
_MIN_VERBATIM_RUN = 60  # ... for a verbatim copy of finished prose, layout unchanged
_MIN_LONE_RESTATED = _MIN_VERBATIM_RUN // 2 + 10  # ... for a last sentence said again alone
_MIN_LONG_TANDEM = 200  # ... for a verbatim copy of prose with lists or headings in it
_MIN_LONG_COPY = 1000  # ... for a restatement that stops before the restart point
_MIN_LONG_COPY_UNITS = 6  # units such a restatement spans at least
_MIN_NOTES_ITEMS = 4  # list items (without stops) a verbatim tandem copy spans at least
_MAX_CANDIDATES = 8
_RESUMED_WORD_LINES = 40  # lines after a bare word ending a piece searched for its resumption
_NEAR = 400  # units around a cut searched for look-alikes of it and for what restarts it
_STUB_CHARS = 16  # at most this long, a paragraph of a word or two is a generation's first words
_LATER = 120  # units after a cut's completion where a piece shuffled in before it is looked for


def _restart_points(text: str, body: int, boundaries: frozenset[int] = frozenset()) -> list[int]:
    """Offsets in ``text`` where it restarts earlier text without any marker.

    A restart is taken only on evidence a real continuation leaves (DESIGN.md,
    repeat guards): the copied run is preceded by an unfinished sentence; or it
    restates everything from the copied point up to the restart ("tandem") and
    changes the layout (the copy's paragraph goes on, paragraphs are joined or
    split, the wording drifts); or it is a long verbatim tandem copy of finished
    prose; or a paragraph begins with exactly the unfinished sentence that ends an
    earlier paragraph, or with the long end of the one right before it. Shared
    phrases, refrains of short unpunctuated lines, code, tables and front matter
    never split. ``boundaries`` are offsets where pieces are known to start
    (markers); what such a piece copies is not searched for restarts again.
    """
    units = split_units(text, body)
    view = build_view(text, body)
    views = [
        view.chars[bisect_left(view.offsets, u.start) : bisect_left(view.offsets, u.end)]
        for u in units
    ]
    # units that end a piece before a marker: the marked piece after them resumes
    # their cut, so a later copy completing them is no evidence of another restart
    resolved = frozenset(
        x
        for x in range(len(units) - 1)
        if units[x].end <= text.rfind("\n", 0, units[x + 1].start) + 1 in boundaries
    )
    heads: dict[str, list[int]] = {}
    tails: dict[str, list[int]] = {}  # by a unit's last characters: its start may be drifted
    open_cuts: list[int] = []  # unfinished paragraph ends not restarted yet (latest last)
    points: list[int] = []
    known_cuts: set[int] = set()  # unfinished units that end a piece split off here
    split_ends: set[int] = set()  # units that end a piece split off here
    resumed: set[int] = set()  # cut units a restart's copy completes: copied from no more

    def note_cut(x: int) -> None:
        if x >= 0:
            split_ends.add(x)
        if x >= 0 and not is_complete(text[units[x].start : units[x].end]):
            known_cuts.add(x)

    def split_after(x: int, restart: int, completed: int) -> None:
        # A cut that a restart further on resumes (unit ``completed`` of the copy)
        # does not go on in the paragraph after it: that text is another piece,
        # shown before the restart (shuffled). A copy that only joins the next
        # paragraph to it resumes nothing.
        joined = views[completed][len(views[x]) :]
        if (
            x + 1 < restart
            and not (views[x + 1] and joined.startswith(views[x + 1][:_RESTART_KEY]))
            and x not in split_ends
            and x not in resolved
            and _completes_cut(text, units, x, completed)
            and BLANK_LINE.search(text, units[x].end, units[x + 1].start) is not None
        ):
            points.append(text.rfind("\n", 0, units[x + 1].start) + 1)
            split_ends.add(x)

    def next_generation(x: int) -> bool:
        # Whether the paragraph at ``x``, after a copy that stops cut where its
        # generation stopped, is the next generation's: a paragraph of its own, it
        # cannot go on in the cut ("…bugfixes.\nSee" | "SIZE:   13336518 bytes …"; a
        # drifted copy stopping in "…详见[附录 D][de" | "Windows 上，…").
        return (
            x < len(units) and BLANK_LINE.search(text, units[x - 1].end, units[x].start) is not None
        )

    copied_until = 0  # units before this index restate earlier text already accounted for
    openings: list[int] = []  # first units of the marked pieces so far
    stubs: dict[str, list[int]] = {}  # paragraphs of a word or two so far, by their text
    dangling: int | None = None  # a cut before a marker that the piece after it cannot resume
    pending: int | None = None  # the cut before the last marker, if that piece did not restart it
    before_copy: int | None = None  # the unit before the last implicit restart's copy
    completed_end = -1  # where the last copy that completed a cut ended

    def proposed(y: int) -> list[int]:
        # Earlier units that unit ``y`` may be a copy of, by their first characters.
        if len(views[y]) >= _RESTART_KEY:
            return heads.get(views[y][:_RESTART_KEY], [])[-_MAX_CANDIDATES:]
        if not views[y]:
            return []
        # a unit too short to key ("Goals\n=====", "| レベル | 状態 |") keys by the
        # next unit that can, the units in between equal to those before its copy
        d = next(
            (d for d in range(1, 4) if y + d < len(units) and len(views[y + d]) >= _RESTART_KEY),
            0,
        )
        after = heads.get(views[y + d][:_RESTART_KEY], [])[-_MAX_CANDIDATES:] if d else []
        return [
            i - d
            for i in after
            if i >= d and all(views[i - d + t] == views[y + t] for t in range(d))
        ]

    for j, u in enumerate(units):
        v = views[j]
        key = v[:_RESTART_KEY] if len(v) >= _RESTART_KEY else None
        earlier = proposed(j)
        if key and len(v) >= 2 * _RESTART_KEY:
            # drift in its first characters ("请注意の，`Regexp.timeout` …"), or the
            # end of a unit a joined copy glued to the sentence before it
            # ("…dependencies.Please continue …" / "Please continue …")
            ends_alike = tails.get(v[-_RESTART_KEY:], [])[-_MAX_CANDIDATES:]
            if not earlier:
                earlier = [
                    i
                    for i in ends_alike
                    if _drifted(views[i], v) or _ordinal_dropped(text, units, views, i, j)
                ]
            earlier = sorted(
                {*earlier, *(i for i in ends_alike if _glued_tail(text, units, views, i, j))}
            )
        if j and 0 < len(views[j - 1]) < min(len(v), _RESTART_KEY) and v.startswith(views[j - 1]):
            # the unit right before, too short to key, may be what this one restarts
            # ("* 添加选择性激活。" | "* 添加选择性激活。([#14717](…))"), if this one
            # goes on ("</div>" and "<div>" read alike, letters only)
            earlier = [*earlier, j - 1]
        line_start = j > 0 and "\n" in text[units[j - 1].end : u.start]
        # a quote cut inside and the same quote again: restarted only if the copy
        # completes the cut (a quoted passage shown twice is finished both times)
        # (a table cut inside a row, and the same table again, likewise)
        block_after_cut = (
            j > 0
            and (
                (
                    text.startswith(">", u.start)
                    and _in_quote(text, units[j - 1])
                    and not is_complete(text[units[j - 1].start : units[j - 1].end])
                )
                or (u.kind == "table_row" and _cut_row(text, units, j - 1))
                # (or after the last row of a table without outer pipes, which may be cut
                # inside its last cell: "… | autocorrect | Rust, WASM, CLI" | "仓库 | 系列
                # | 语言" … "… | Rust, WASM, CLI tool")
                # (a quote after a row short of cells may restart on any copy: below)
                or (
                    (
                        u.kind == "table_row"
                        or (text.startswith(">", u.start) and not _cut_row(text, units, j - 1))
                    )
                    and _pipeless_last_row(text, units, j - 1)
                )
                # (or after a heading, which may be cut anywhere: "### カスタ" | "| ツール名
                # | …" copied on up to "### カスタマーサポート…", completing it)
                or (u.kind == "table_row" and units[j - 1].kind == "heading")
                # a code block after an unfinished unit ("### オ" | "```js …``` ### オブジェクト…")
                or (
                    u.kind == "code"
                    and units[j - 1].kind in ("sentence", "heading", "list_item")
                    and (
                        not is_complete(text[units[j - 1].start : units[j - 1].end])
                        or _left_open(text, units, j - 1)
                    )
                )
            )
        )
        # (a quote or a table row where one may restart: after a cut)
        block_restart = line_start and _block_may_restart(text, units, views, j)
        if j and text.rfind("\n", 0, u.start) + 1 in boundaries:
            stub = _stub_resumed_at(text, units, j, boundaries, stubs) if line_start else None
            if stub is not None:
                # the text after the stub came from elsewhere (a shuffled draft)
                points.append(text.rfind("\n", 0, units[stub + 1].start) + 1)
                note_cut(stub)
            # A piece known to start here: skip over whatever it copies, from its
            # first unit that keys an earlier copy (one too short to key,
            # "Mandate\n-------", or drifted, "一些获の得…", is passed over).
            for first in range(j, min(j + 3, len(units))):
                if first > j:
                    earlier = proposed(first)
                # the units passed over must be (drifted) copies of those before the
                # copy: new text followed by a restart is not this piece's own copy
                earlier = [
                    i
                    for i in earlier
                    if i >= first - j
                    and all(_close(views[i - first + s], views[s]) for s in range(j, first))
                ]
                # (the longest copy, then the one restating most, word for word to its
                # end, completing a cut, then the latest)
                copies = [(_copy_run(text, units, views, i, first, resolved), i) for i in earlier]
                best, i = max(
                    copies,
                    key=lambda c: (
                        c[0].units,
                        c[0].run,
                        c[0].exact and not c[0].stopped,
                        c[0].completes,
                        c[1],
                    ),
                    default=(_Copy(0, 0, True, False), 0),
                )
                run, completes = best.units, best.completes
                if run:
                    copied_until = max(copied_until, first + run)
                    if completes:
                        split_after(i + run - 1, j, first + run - 1)
                    break
        elif (
            j >= copied_until
            and line_start
            and (
                (
                    u.kind in ("sentence", "heading", "list_item")
                    and not text.startswith(">", u.start)
                )
                # (or a rule equal to the one before a cut, leading its restart: "---"
                # "## 技" | "---" "## 技術選定のご相談を承っています")
                or (
                    u.kind == "rule"
                    and j + 1 < len(units)
                    and any(
                        0 < x not in resumed and _same_text(text, units[x - 1], u)
                        for x in open_cuts
                    )
                )
                or block_restart
                or block_after_cut
                or u.kind == "code"
                # (or a quote after finished text, if a copy goes on past the quote:
                # checked below)
                or (text.startswith(">", u.start) and bool(earlier))
            )
        ):
            # the latest unfinished paragraph ends first: a restart resumes the last cut
            # (a paragraph of a word or two said again only where no copy of earlier
            # text but the stub is proposed: the copy's own evidence finds where it
            # starts, "```…```" "在" | "在 Linux 和 macOS，…", a copy of "```…```" "在
            # Linux 和 macOS，… PowerS")
            cut = next(
                (
                    x
                    for x in reversed(open_cuts)
                    if x not in resumed
                    and _restarts_cut(
                        text,
                        units,
                        views,
                        x,
                        j,
                        stub_said_again=earlier in ([], [j - 1]),
                        after_copy=j == copied_until > 0,
                    )
                ),
                None,
            )
            # ...or the restart opens with the short line before the cut, too short to
            # propose a copy ("用法：" then "> 「老" | "用法：" then "> 「老师，…」"), even
            # if the line stands earlier too ("Or:" "{% highlight" | "Or:" "{% highlight
            # ruby %}…", after another "Or:")
            # (or with the two, a table's header and delimiter rows: "网站 | 文案 | UGC"
            # "--- | --- | ---" "[Apple 中国" | "网站 | 文案 | UGC" "--- | --- | ---"
            # "[Apple 中国](…) | 是 | N/A")
            lead = 0
            for lines_before in (1, 2):
                if cut is not None or j + lines_before >= len(units):
                    break
                cut = next(
                    (
                        x
                        for x in reversed(open_cuts)
                        if x not in resumed
                        and lines_before <= x < j
                        # (a line standing earlier too leads only the cut right before
                        # it: further back, a copy from that earlier line is evidence)
                        and (not earlier or x == j - 1)
                        and all(
                            _same_text(text, units[x - lines_before + t], units[j + t])
                            for t in range(lines_before)
                        )
                        and _restarts_cut(
                            text, units, views, x, j + lines_before, lead=lines_before
                        )
                    ),
                    None,
                )
                lead = lines_before if cut is not None else 0
            if (
                cut is not None
                or _resumes_inside_cut(text, units, views, j)
                or _restates_last_line(text, units, j)
                or _restates_last_sentence(text, units, j)
                or _heading_said_again(text, units, j)
                or _paragraph_said_again(text, units, views, j)
            ):
                # (a rule or code before the short line, equal to the one before the
                # cut's, opens the restart: "---" "## 技術選定…" "実装…アドバイ" | "---")
                if cut is not None and lead:
                    first = _copy_start(text, units, copied_until, cut - lead, j)
                elif cut is not None:
                    # (the lines right before the cut, restated right before the
                    # restart, open it: "-->" "## 学習リソース" "こ" | "-->" "## 学習
                    # リソース" "この書籍の…")
                    first = _copy_start(text, units, copied_until - 1, cut, j, any_unit=True)
                else:
                    first = j
                points.append(text.rfind("\n", 0, units[first].start) + 1)
                note_cut(first - 1)
                # (the restart may restate earlier text from there on, a copy of a piece
                # that resumed the cut before it: "  * SIZE:" | "* SIZE: 11249780 …" "*
                # <…zip>" "  * SIZE:" | "* SIZE: 11249780 …" "* <…zip>" "  * SIZE:
                # 19841531 …"; nothing inside that copy restarts anything again, as after
                # any restart's copy)
                copied_until = max(
                    [
                        j + 1 + lead,
                        *(
                            j
                            + _copy_run(
                                text, units, views, i, j, resolved, known_cuts, split_ends
                            ).units
                            for i in earlier
                            if i < j - 1
                        ),
                    ]
                )
                if lead or copied_until > j + 1:
                    # (a restart copying earlier text past its first unit is a copy like
                    # any other: the line the draft stopped at before it may be resumed
                    # after it, "SIZE:" | "SIZE: 10772113 …" copied from further back and
                    # cut at "SHA512:" | "SIZE: 8318532 …")
                    before_copy = first - 1
                if cut is not None:
                    open_cuts.remove(cut)
                    resumed.add(cut)
                    split_after(cut, j, j + lead)
                earlier = []
            # (a quote after finished text restarts only with a copy going on past it)
            quote_copy = text.startswith(">", u.start) and not (block_after_cut or block_restart)
            for i in reversed(earlier):
                if i in resumed and not _CUT_END.search(text, units[j - 1].start, units[j - 1].end):
                    continue  # a line like a resumed cut, after a finished one: repeated text
                if i in resumed and _resumed_otherwise(text, units, i, j):
                    continue  # a look-alike of the line that resumed the cut right after it
                if _inside_copy(views, resolved, i, j):
                    continue  # a restart begins where its copy begins, not inside it
                # Text that opens a marked piece and stands again later is what that
                # piece restarted: shown first, it came later (a shuffled draft).
                copy = _copy_run(text, units, views, i, j, resolved, known_cuts, split_ends)
                opens_piece = text.rfind("\n", 0, units[i].start) + 1 in boundaries
                if (
                    copy[0]
                    and not (
                        opens_piece and not copy[3] and j - 1 not in resolved and i + copy[0] < j
                    )
                    and (not quote_copy or _copy_leaves_quote(text, units, j, copy))
                    and (
                        _is_restart(text, units, i, j, copy, resolved, split_ends)
                        or _stopped_at_the_same_cut(text, units, i, j, copy.units)
                    )
                    # a block after a cut counts if the copy completes the cut, or
                    # restates everything up to it (cut where no stop was missing)
                    and (
                        copy[3]
                        or not block_after_cut
                        or i + copy[0] == j
                        # (or everything up to where a piece split off here ended: the
                        # earlier text was itself restarted there, "| ツール名 |…" "|---|"
                        # "| LangChain |…| 高" | "| LangChain |…| 高 |" … "| Coze | ノーコード")
                        or i + copy[0] - 1 in split_ends
                        # (or up to a sentence it leaves cut, written whole right after: a
                        # redundant generation, "…，而" "```cmd …```" "### Rust 程序基础"
                        # "接下来，…，命名" | "接下来，…，命名为 *main.rs*。" …)
                        or (copy.stopped and _cut_written_next(views, j + copy.units - 1))
                        # (or cut again where the copied text goes on: "…```" "两种实现" |
                        # "```…```" "两" | "两种实现的性能相近！…")
                        or _cut_again_after_copy(views, i, j, copy.units)
                        # (or followed by the cut before it written whole: a redundant
                        # generation between a cut and its restart, "回" | "```rust…```"
                        # "这里是编译错误" | "回忆一下借用规则，…")
                        or _cut_written_after(views, j - 1, j + copy.units)
                        # (or code restated at length after a line left open mid-token,
                        # "  * CMath (cmath": no code goes on from that)
                        or (
                            u.kind == "code"
                            and unbalanced(text[units[j - 1].start : units[j - 1].end])
                            and copy.exact
                            and copy.run >= _MIN_VERBATIM_RUN
                        )
                    )
                    # code after a finished unit restarts only with a copy of all that
                    # came after it, going on past its last sentence (a tutorial shows
                    # the same code twice with other words after it): "```ruby …```" "*
                    # …表示されます。" | "```ruby …```" "* …表示されます。ハッシュの…"
                    and (
                        u.kind != "code"
                        or block_after_cut
                        or (
                            i + copy.units == j
                            and (copy.completes or _reopens_paragraph(text, units, j, copy.units))
                        )
                    )
                ):
                    first = _copy_start(text, units, copied_until, i, j)
                    # (a copy that completed a cut goes on as its original went on after
                    # the restart completing it: the same generation, no new piece)
                    if not (j == completed_end and views[i - 1] == views[j - 1]):
                        points.append(text.rfind("\n", 0, units[first].start) + 1)
                        note_cut(first - 1)
                    # (a copy going on where the one before it ended, or after units
                    # standing earlier too, continues it: a long copy breaks where the
                    # earlier text was itself restarted; the draft stopped before the first)
                    if before_copy is None or not all(
                        any(
                            t < y and views[t] == views[y]
                            for t in heads.get(views[y][:_RESTART_KEY], ())
                        )
                        for y in range(copied_until, first)
                    ):
                        before_copy = first - 1
                    # cuts the copy completes are resumed: a later line beginning like
                    # one is no restart of it ("<span …>文件名：" | "<span …>文件名：…</span>")
                    resumed.update(
                        x
                        for x in range(first - 1, max(-1, first - 1 - _MAX_CANDIDATES), -1)
                        if x in known_cuts
                        and any(views[y].startswith(views[x]) for y in range(j, j + copy[0]))
                    )
                    copied_until = end = j + copy[0]
                    if copy[3]:
                        split_after(i + copy[0] - 1, first, j + copy[0] - 1)
                        completed_end = end
                    # (where the copy stops cut, or the heading cut before it is written
                    # whole, the next generation begins: "## 单" | copy | "## 单行脚本")
                    if (copy.stopped and next_generation(end)) or (
                        end < len(units) and _heading_cut_in_word(text, units[j - 1], units[end])
                    ):
                        points.append(text.rfind("\n", 0, units[end].start) + 1)
                        note_cut(end - 1)
                    break
        if j >= copied_until and _goes_on_after_break(text, units, j):
            points.append(u.start)
            note_cut(j - 1)
        elif dangling is not None and _goes_on_after_break(text, units, j, dangling):
            # the piece after a marker could not go on from the cut before it, and
            # this paragraph does: it came later in the draft ("…icons, videos," |
            # marker | "* **Patents:** …" | … | "fonts, data files, …")
            points.append(u.start)
            note_cut(j - 1)
            dangling = None
        elif (
            pending is not None
            and line_start
            and _writes_cut_whole(text, units, views, pending, j)
            # (not the marked piece's own restart, from before the cut: "1. **…:**" |
            # "    * **空間認識…**" after "1. **…:**" | "* **空間認識…** …ロボット")
            and not _ends_alike(text, units[j - 1], units[pending - 1])
        ):
            # the piece after a marker met the cut before it only by chance (it went on
            # with other words, "…意識:** X" | marker | "あるデバイスだ。…"): further on,
            # a line writing the cut whole and going on is its restart ("…意識:** XRデ
            # バイスは…"), shown without a marker of its own
            points.append(text.rfind("\n", 0, u.start) + 1)
            note_cut(j - 1)
            pending = None
        elif (
            before_copy is not None
            and j >= copied_until
            and next_generation(j)
            # (character for character: a style guide's look-alike example differs in
            # a space only, "> 我家的…10 Gbps，" / "> 我家的…10Gbps，SSD…"; the copy
            # is the evidence, so a short line will do, "### あわせて")
            and _opens_with_unit(text, units, views, before_copy, j, _RESTART_KEY // 2)
            and views[j - 1]
            and any(views[y].startswith(views[j - 1]) for y in range(before_copy))
        ):
            # a copy of earlier text has ended (whole, or at a sentence's end, or cut),
            # and the line the draft stopped at before the copy is restated: the next
            # generation resumes the one before the copy ("…原生线程。" | copy "…被编
            # 译。" | "* 为了支持阻塞操作，…原生线程。"; "<!-- textlint-disable eslint" |
            # copy "…[JSON.parse" | "<!-- textlint-disable eslint -->"), opening with
            # the short line before it, if that is restated too ("正确：" "> 我家的…
            # 10 Gbps，" | … | "正确：" "> 我家的…10 Gbps，SSD…")
            first = j
            if j - 1 > before_copy > 0 and _same_text(text, units[before_copy - 1], units[j - 1]):
                first = j - 1
            points.append(text.rfind("\n", 0, units[first].start) + 1)
            note_cut(first - 1)
            before_copy = None
        if j - 1 in resolved:
            # (the piece shown right after the marker may hold the cut's resumption,
            # a later one does not: what a marker follows starts a generation)
            dangling = j - 1 if _dangles(text, units, j - 1) else None
            # (a piece opening with new text may meet the cut by chance; one restating
            # earlier text restarts from before the cut, and may write the cut whole too;
            # and a short cut may begin look-alike items, "- Meta Quest" of "- Meta Quest
            # で動画を見る" and of "- Meta Questアプリ … 990円")
            pending = (
                j - 1
                if _opens_with_new_text(views, heads, j)
                and _prose_cut(text, units, j - 1)
                and len(views[j - 1]) >= _min_run(text[units[j - 1].start : units[j - 1].end])
                else None
            )
        if j in resolved:
            shown = _restart_shown_before(text, units, views, heads, j, boundaries)
            if shown is not None:
                # the paragraph writing this cut sentence whole, earlier in the draft,
                # is its restart, shown before it (a shuffled draft): a piece begins there
                points.append(text.rfind("\n", 0, units[shown].start) + 1)
        if key:
            heads.setdefault(key, []).append(j)
            tails.setdefault(v[-_RESTART_KEY:], []).append(j)
        # (a unit inside a copy restates earlier text that went on after it: no cut,
        # and it must not push the cuts before the copy out, "此" | copy | "此时…")
        if (
            j not in resolved
            and j + 1 >= copied_until
            and _paragraph_end_cut(text, units, views, j)
        ):
            open_cuts = [*open_cuts[-(_MAX_CANDIDATES - 1) :], j]
            if _completed_before(text, units, views, openings, j) and j not in split_ends:
                # a marked piece shown earlier opens with this cut sentence written
                # whole: it came later, and the paragraph after the cut is another
                # piece ("…これはAI市場全体のパ" | "TPUは特定の…"; the mirror of split_after)
                points.append(text.rfind("\n", 0, units[j + 1].start) + 1)
                split_ends.add(j)
        if line_start and text.rfind("\n", 0, u.start) + 1 in boundaries:
            openings.append(j)
            before_copy = None  # (a marked piece is another generation's)
        if _stub_paragraph(text, u):
            stubs.setdefault(text[u.start : u.end], []).append(j)
    if units and boundaries and units[-1].start > min(boundaries):
        # (the draft's last piece stops cut too: "…我们先建立 “Greeter”\n(有礼貌的人) 类")
        shown = _restart_shown_before(text, units, views, heads, len(units) - 1, boundaries)
        if shown is not None:
            points.append(text.rfind("\n", 0, units[shown].start) + 1)
    shown_early = _resumption_shown_early(text, units, boundaries | set(points))
    if shown_early is not None:
        points.append(shown_early)
    return sorted(set(points))


def _resumption_shown_early(text: str, units: list[Unit], starts: AbstractSet[int]) -> int | None:
    """Where a paragraph goes on from the cut that ends the draft, shown before the
    piece that cut it (a shuffled draft): the draft's last piece, after a marker,
    stops mid-sentence ("- フロント側"), and one paragraph further up, after
    finished text, opens as no sentence does, with a particle or a lower-case word
    ("はそのままでOK"); it came last. ``starts`` are the offsets where pieces are
    known to start.

    >>> t = "A first point.\\n\\nはそのままでOK\\n\\n---\\n\\n- フロント側"
    >>> _resumption_shown_early(t, split_units(t), {t.index("- フロ")}) == t.index("は")
    True
    """
    if len(units) < 3:
        return None
    last = units[-1]
    cut = text[last.start : last.end]
    last_piece = max((s for s in starts if s <= last.start), default=0)
    if last_piece == 0 or last.kind not in ("sentence", "list_item") or not _looks_cut(cut):
        return None
    latin = LATIN_CUT_END.search(cut) is not None
    if latin and len(cut.split()) < 3:
        return None  # (a path or a name, "…/JSON/stringify", is no sentence cut)
    opening = LOWER_WORD if latin else _PARTICLE_OPENING
    candidates = [
        u.start
        for j, u in enumerate(units[1:], 1)
        if u.start < last_piece
        and u.start not in starts
        and u.kind == "sentence"
        and _opens_paragraph(text, u)
        and opening.match(text, u.start) is not None
        and (not latin or len(text[u.start : u.end].split()) >= 3)
        # (after finished prose: "```" | "or" | "```mjs" is a word between examples)
        and units[j - 1].kind in ("sentence", "list_item")
        and is_complete(text[units[j - 1].start : units[j - 1].end])
    ]
    return candidates[0] if len(candidates) == 1 else None


def _dangles(text: str, units: list[Unit], x: int) -> bool:
    """Whether unit ``x``, before a marker, is a sentence of Latin prose cut after a
    word or a comma that the piece after the marker cannot go on from: it opens with
    a list item, a heading, a table or a capitalised sentence, and not with the
    cut's last words (a restart)."""
    cut_text = text[units[x].start : units[x].end]
    opening = units[x + 1]
    if _stub_paragraph(text, units[x]):
        return not text.startswith(cut_text, opening.start)
    if not (_looks_cut(cut_text) and LATIN_CUT_END.search(cut_text)):
        return False
    restarts = _opens_with_last_words(text, opening.start, cut_text, 3)
    return not restarts and (
        opening.kind != "sentence" or LOWER_WORD.match(text, opening.start) is None
    )


def _opens_with_last_words(text: str, pos: int, cut_text: str, n_words: int) -> bool:
    """Whether ``text`` at ``pos`` begins with the end of ``cut_text``: its last word,
    or last few up to ``n_words`` ("…the quick brown" | "quick brown fox …")."""
    last_words = cut_text.split()[-n_words:]
    return any(text.startswith(" ".join(last_words[k:]), pos) for k in range(len(last_words)))


def _goes_on_after_break(text: str, units: list[Unit], j: int, cut_at: int | None = None) -> bool:
    """Whether unit ``j`` opens a paragraph that goes on with the sentence the one
    before it left cut: a piece resumed exactly where the last one stopped, with
    no marker and nothing restated ("…the contin" | "uation picks up…"). With
    ``cut_at``, the cut is that unit instead, further back (it ends a piece
    before a marker, and the piece after the marker could not resume it).

    Only Latin script shows this: the paragraph before ends in an unfinished
    sentence (or list item) of a few words on an unindented line, and this one opens with a
    lower-case letter, which no paragraph of a clean article does there (a YAML
    key or indented code excepted). Japanese and Chinese have no such sign: their
    titles and captions end without a stop before a paragraph too.

    >>> t = "It starts. The model wrote the contin\\n\\nuation of it."
    >>> _goes_on_after_break(t, split_units(t), 2)
    True
    >>> t = "It starts. The model wrote the contin\\n\\nUation of it."
    >>> _goes_on_after_break(t, split_units(t), 2)
    False
    """
    if j == 0:
        return False
    cut, u = units[j - 1 if cut_at is None else cut_at], units[j]
    if cut.kind not in ("sentence", "list_item") or u.kind != "sentence":
        return False
    line_start = text.rfind("\n", 0, u.start) + 1
    if line_start != u.start or BLANK_LINE.search(text, units[j - 1].end, u.start) is None:
        return False
    if cut_at is not None and not is_complete(text[units[j - 1].start : units[j - 1].end]):
        return False  # (after finished text only: "    Random J. User" | "if the address …")
    if (
        cut_at is None
        and (
            _LONE_CJK.fullmatch(text, cut.start, cut.end)
            and text[cut.start] not in _CJK_NUMERALS  # (a section number, "一" | "床前…")
            and _LONE_CJK.match(text, u.start)
            and (
                j < 2
                or units[j - 2].kind in ("heading", "code")
                or is_complete(text[units[j - 2].start : units[j - 2].end])
            )
        )
    ):
        # One CJK character alone after finished text (a heading, a code block, a
        # sentence with its stop), and a paragraph going on from
        # it ("最" | "好在表单外提供…"): a generation stopped after its first character
        # (no paragraph of a clean text is one character).
        return True
    cut_line = text[text.rfind("\n", 0, cut.end) + 1 : cut.end]
    if cut_at is not None and _resumes_stub(text, units, cut_at, j):
        return True
    # a paragraph opening with the last words of the cut echoes it (a refrain), or
    # resumes it with an overlap: that is the restart rules' to decide; but one that
    # writes only the cut's last word again and goes on at length in its first line
    # resumes the cut ("…is limited,\ne.g. in" | "in certain industries, online job …")
    cut_words = text[cut.start : cut.end].split()
    first_line = text[u.start : u.end].split("\n", 1)[0]
    left_open = _open_tail(cut_line)
    if (
        cut_at is None
        and len(left_open) >= _RESTART_KEY // 2
        and first_line.startswith(left_open)
        and len(first_line) > len(left_open)
        and not unbalanced(first_line)
    ):
        # the link or bracket the cut left open, written again and closed: a resume
        # of the cut ("…形状。[[Feature" | "[[Feature #18776]]")
        return True
    if finishes_link(cut_line, first_line):
        return True  # ("…,\n[file system" | "interfaces](/design/draft-iofs),")
    last_word_again = (
        len(cut_words) >= 3
        and first_line.startswith(cut_words[-1] + " ")
        and not first_line.startswith(" ".join(cut_words[-2:]))
        and len(first_line) >= _MIN_PROSE_RESTART
    )
    echoes = _opens_with_last_words(text, u.start, cut_line, 4) and not last_word_again
    return (
        not echoes
        and LOWER_WORD.match(text, u.start) is not None
        and LATIN_CUT_END.search(cut_line) is not None
        and not cut_line[:1].isspace()
        and _YAML_KEY.match(cut_line) is None
        and _YAML_KEY.match(text, u.start) is None
        and (len(cut_line.split()) >= 3 or last_word_again)
        and _looks_cut(text[cut.start : cut.end])
        # (the rest of a sentence finishes it, or closes what the cut left open,
        # "(mock service w" | "orker) を使ったり": a line of code or a table of test
        # cases after a cut-looking line, "start with" | "from test.support import
        # requires", does neither)
        and (is_complete(text[u.start : u.end]) or unbalanced(cut_line))
    )


def _open_tail(line: str) -> str:
    """The end of ``line`` from the first bracket it leaves open ("[[Feature" of "…形状。
    [[Feature"; empty if none is open).

    >>> _open_tail("See [the docs](x) and [[Feature"), _open_tail("(done)")
    ('[[Feature', '')
    """
    opened: list[int] = []
    for k, ch in enumerate(line):
        if ch in "[(":
            opened.append(k)
        elif ch in "])" and opened:
            opened.pop()
    return line[opened[0] :] if opened else ""


def _stub_resumed_at(
    text: str, units: list[Unit], j: int, starts: AbstractSet[int], stubs: dict[str, list[int]]
) -> int | None:
    """The paragraph of a word or two (:func:`_stub_paragraph`, found in ``stubs`` by
    its text) that the marked piece at ``j`` resumes by writing it again and going on,
    when a paragraph other than that piece follows the stub ("Relevant" | "As long as
    the project …" | … | marker | "Relevant terms for …"): the generation stopped at
    the stub, and what follows it was shown there from elsewhere."""
    head = text[units[j].start : units[j].start + _STUB_CHARS]
    candidates = sorted(
        (x for n in range(1, len(head) + 1) for x in stubs.get(head[:n], ())),
        reverse=True,
    )
    for x in candidates:
        if j - _NEAR < x < j - 1 and (
            text.rfind("\n", 0, units[x + 1].start) + 1 not in starts
            and _resumes_stub(text, units, x, j)
        ):
            return x
    return None


def _stub_paragraph(text: str, unit: Unit) -> bool:
    """Whether ``unit`` is a paragraph of one or two words without a stop: a
    generation that stopped right after it began a paragraph ("`if", "See the")."""
    stub = text[unit.start : unit.end]
    return (
        unit.kind == "sentence"
        and _opens_paragraph(text, unit)
        and BLANK_LINE.match(text, unit.end) is not None
        and len(stub.split()) <= 2
        and len(stub) <= _STUB_CHARS
        # (ending in a word: "例えば、" or "Example:" leads into what follows it)
        and stub.rstrip()[-1:].isalnum()
        and not is_complete(stub)
    )


def _opens_paragraph(text: str, unit: Unit) -> bool:
    """Whether ``unit`` begins a paragraph: it starts the text's first line, or a
    line after a blank one."""
    if text.rfind("\n", 0, unit.start) + 1 != unit.start:
        return False
    line_before = text[text.rfind("\n", 0, max(unit.start - 1, 0)) + 1 : unit.start]
    return unit.start == 0 or not line_before.strip()


def _resumes_stub(text: str, units: list[Unit], x: int, j: int) -> bool:
    """Whether paragraph ``j`` resumes ``x``, a paragraph of a word or two where a
    generation stopped (:func:`_stub_paragraph`), by writing those words again and
    going on ("`if" | marker | "换句话说…" | … | "`if let` 语法获取…"): the
    generation that resumed it was shown later in the draft than the text after ``x``.

    >>> t = "A setup comes first.\\n\\n`if\\n\\nOther text came between.\\n\\n`if let` binds."
    >>> _resumes_stub(t, split_units(t), 1, 3)
    True
    """
    stub, u = text[units[x].start : units[x].end], units[j]
    return (
        _stub_paragraph(text, units[x])
        and text.startswith(stub, u.start)
        and len(text[u.start : u.end]) > 2 * len(stub)
        # (a sentence, or one leading into a list: "Relevant terms … in this PEP:")
        and (is_complete(text[u.start : u.end]) or text[u.start : u.end].endswith((":", "：")))
        # (the only paragraph to open with those words: "マルチモ" opens many)
        and not any(
            y != j and text.startswith(stub, units[y].start) and _opens_paragraph(text, units[y])
            for y in range(x + 1, min(x + _NEAR, len(units)))
        )
        # (a copy of the text before the stub completes it where it was)
        and not (x > 0 and _ends_alike(text, units[x - 1], units[j - 1]))
    )


def _close(original: str, copy: str) -> bool:
    """Whether a unit of a copy restates the original unit up to drift, or is too short
    to tell (a heading of its own before the copy, "## Details", is passed over too)."""
    return len(copy) < _RESTART_KEY or ratio(original, copy) >= 80


def _copy_start(
    text: str, units: list[Unit], floor: int, i: int, j: int, *, any_unit: bool = False
) -> int:
    """The first unit of a restart found at ``j`` (a copy of ``i``, or a restart of the
    cut ``i``): code blocks, tables, rules and lines without a word ("-->") right
    before it (after ``floor``) that equal those right before ``i`` are part of the
    copy (they cannot begin a restart themselves). With ``any_unit``, so are prose
    lines: the lines right before a cut, restated right before its restart, open it.
    """
    s = j
    while (
        s - 1 > max(floor, i)
        and i - (j - s) - 1 >= 0
        and (
            any_unit
            or units[s - 1].kind not in ("sentence", "heading", "list_item")
            or _wordless(text, units[s - 1])
        )
        and _same_text(text, units[s - 1], units[i - (j - s) - 1])
    ):
        s -= 1
    return s


def _wordless(text: str, u: Unit) -> bool:
    """Whether unit ``u`` has no letter or digit ("-->", "|---|")."""
    return not any(ch.isalnum() for ch in text[u.start : u.end])


def _completed_before(
    text: str, units: list[Unit], views: list[str], openings: list[int], x: int
) -> bool:
    """Whether cut sentence ``x`` is written whole, character for character, by the
    first unit of a marked piece shown before it (``openings``), and by that one alone
    ("<!-- textlint-enable -->" is no cut of "<!-- textlint-enable preset-… -->")."""
    completing = [o for o in openings[-_MAX_CANDIDATES:] if o < x and views[o].startswith(views[x])]
    return len(completing) == 1 and _writes_cut_whole(text, units, views, x, completing[0])


def _writes_cut_whole(text: str, units: list[Unit], views: list[str], x: int, y: int) -> bool:
    """Whether unit ``y`` begins with the text of cut unit ``x``, character for
    character, and goes on ("*   **倫理とプライバシーへの意識:** X" /
    "*   **倫理とプライバシーへの意識:** XRデバイスは、…")."""
    return len(views[y]) > len(views[x]) and _opens_with_unit(text, units, views, x, y)


def _opens_with_unit(
    text: str, units: list[Unit], views: list[str], x: int, y: int, key: int = _RESTART_KEY
) -> bool:
    """Whether unit ``y`` begins with the text of unit ``x`` (at least ``key`` view
    characters: by default long enough to key a copy), character for character, and
    perhaps goes on."""
    return (
        len(views[x]) >= key
        and views[y].startswith(views[x])
        and text.startswith(text[units[x].start : units[x].end].rstrip(), units[y].start)
    )


def _prose_cut(text: str, units: list[Unit], x: int) -> bool:
    """Whether unit ``x`` is a sentence of prose left cut, which a restart may write
    whole further on: not markup opening a block ("<aside …>\n  <img", of look-alike
    pull quotes), nor an item of a list whose items go without a stop ("* Documentation
    improvements", then "* Documentation improvements (Li Wei)" in a changelog)."""
    return (
        _cut_unit(text, units[x])
        and text[units[x].start] != "<"
        and not _unstopped_list(text, units, x, loose=True)
    )


def _resumed_otherwise(text: str, units: list[Unit], x: int, j: int) -> bool:
    """Whether cut unit ``x`` was resumed by a line after it, written whole and gone on,
    and unit ``j`` differs from that line: a look-alike entry, no restart ("[Amazonで詳
    しく見る" | "[Amazonで詳しく見る →](…/4049112388/…)", then "[Amazonで詳しく見る
    →](…/4815636605/…)" in the next entry). The resuming line may follow the restated
    lines before the cut ("[Amazonで詳しく見る" | "…決定版" "[Amazonで詳しく見る →](…)")."""
    cut = text[units[x].start : units[x].end]
    resumed_by = next(
        (
            text[units[y].start : units[y].end]
            for y in range(x + 1, j)
            if text.startswith(cut, units[y].start) and units[y].end - units[y].start > len(cut)
        ),
        None,
    )
    return resumed_by is not None and resumed_by != text[units[j].start : units[j].end]


def _opens_with_new_text(views: list[str], heads: dict[str, list[int]], j: int) -> bool:
    """Whether the piece starting at unit ``j`` opens with text standing nowhere before
    (read at its first unit long enough to key: "あるデバイスだ。" is too short)."""
    key = next(
        (
            views[t][:_RESTART_KEY]
            for t in range(j, min(j + 3, len(views)))
            if len(views[t]) >= _RESTART_KEY
        ),
        None,
    )
    return key is not None and key not in heads


def _restart_shown_before(
    text: str,
    units: list[Unit],
    views: list[str],
    heads: dict[str, list[int]],
    x: int,
    boundaries: AbstractSet[int],
) -> int | None:
    """The unit opening a paragraph earlier in the draft that writes cut sentence
    ``x`` (ending a piece before a marker, or the draft) whole, character for
    character, and goes on; ``None`` if there is none or more than one, if one
    written after ``x`` restarts it in order, or if ``x`` opens its piece.

    Such a paragraph is the restart of the cut, shown before it ("…that's an
    anagram of the letters in HTTPS)." | "The Pulse team maintains a … that supports
    …", then later "… internal distribution. The Pulse team maintains a … that
    support" | marker). What stands before it must be other text: a copy running
    on from the same sentence before both is a redundant piece restating the paragraph.
    """
    cut_text = text[units[x].start : units[x].end]
    # (or a long unit left open where nothing ends, a checksum block stopping at
    # "SHA512:": it is no look-alike of another)
    if len(views[x]) < _min_run(cut_text) or not (
        _prose_cut(text, units, x)
        or (len(views[x]) >= _MIN_VERBATIM_RUN and OPEN_END.search(cut_text) is not None)
    ):
        return None

    def writes_cut(y: int) -> bool:
        # (or writes it with only the stop it lacks, in a script without spaces, "…(有
        # 礼貌的人) 类" / "…(有礼貌的人) 类。")
        return _writes_cut_whole(text, units, views, x, y) or _stop_added(text, units[x], units[y])

    found = [y for y in heads.get(views[x][:_RESTART_KEY], []) if 0 < y < x and writes_cut(y)]
    if len(found) != 1:
        return None
    # (one written after the cut, after other text, is its restart, in order: the
    # earlier one is the article's own, "…乗り出してみませんか？" said twice; one after
    # the same text as the cut is a copy of the paragraph, which says nothing)
    if any(
        views[z].startswith(views[x])
        and writes_cut(z)
        and not _ends_alike(text, units[z - 1], units[x - 1])
        for z in range(x + 1, len(units))
    ):
        return None
    y = found[0]

    def resumed_later() -> bool:
        # (what stands before it may be cut if it goes on further on: its resumption
        # is there, "…016:1> puts" | … | "…016:1> puts "Hello")
        before_end = views[y - 1][-2 * _RESTART_KEY :]
        return len(before_end) == 2 * _RESTART_KEY and any(
            0 <= views[o].find(before_end) < len(views[o]) - len(before_end)
            for o in range(y + 1, len(units))
        )

    if (
        text.rfind("\n", 0, units[y].start) + 1 in boundaries
        # (a piece that opens with the cut restated the paragraph: a redundant copy)
        or (
            "\n" in text[units[x - 1].end : units[x].start]
            and text.rfind("\n", 0, units[x].start) + 1 in boundaries
        )
        or BLANK_LINE.search(text, units[y - 1].end, units[y].start) is None
        or not (is_complete(text[units[y - 1].start : units[y - 1].end]) or resumed_later())
        or _ends_alike(text, units[y - 1], units[x - 1])
    ):
        return None
    return y


def _paragraph_end_cut(text: str, units: list[Unit], views: list[str], x: int) -> bool:
    """Whether unit ``x`` is an unfinished sentence ending its paragraph, which a
    later paragraph beginning with exactly its text restarts, however short
    ("…at run-time. For" | "For example, you don't…"); see :func:`_restarts_cut`.
    A heading right before a heading that begins with it ("## 冷" | "## 冷门但有用"),
    or before the line above it said again and then such a heading, is a section
    without a word of its own: a cut too.
    """
    u = units[x]
    # (a bullet or number alone is an item cut before its first word: "1." | "1. Broadly …")
    bare_item = u.kind == "list_item" and LIST_BULLET.fullmatch(text[u.start : u.end] + " ")
    if (not views[x] and not bare_item) or x + 1 >= len(units):
        return False
    if BLANK_LINE.search(text, u.end, units[x + 1].start) is None:
        return False
    if u.kind == "heading":
        # (or before the line before it said again, then a heading: "</aside>" "## 维" |
        # "</aside>" "## 维护者活动情况")
        return units[x + 1].kind == "heading" or (
            x > 0
            and x + 2 < len(units)
            and units[x + 2].kind == "heading"
            and _same_text(text, units[x + 1], units[x - 1])
        )
    if u.kind == "table_row":
        # (a row standing alone, or one with fewer cells than the row before it,
        # "| RegExp          |" under "| Symbol | 変換されない… |")
        return units[x + 1].kind == "table_row" and (
            _lone_row(text, units, x) or _cut_row(text, units, x)
        )
    return (
        bool(bare_item)
        or _parts_list_said_again(text, units, x)
        or (
            u.kind in ("sentence", "list_item")
            and not is_complete(text[u.start : u.end])
            # (a tag's last line is finished where it closes the tag: '" class="chart" />'
            # after "alt="…year?", which an image further on may begin with too; not an
            # opening tag alone, "<figcaption>", cut before its text)
            and _CLOSING_TAG_END.search(text, u.start, u.end) is None
        )
    )


def _parts_list_said_again(text: str, units: list[Unit], x: int) -> bool:
    """Whether list item ``x`` parts a tight list with a blank line (or stands in a loose
    one), and the item after it begins with all of it and goes on, the list tight again
    after that (or going on loose): a generation stopped after the item, stop or not,
    and the next wrote it again whole ("* It’s `self` instead of `this`." "* Some methods
    end in a ’?’" | "* Some methods end in a ’?’ or a ’!’. It’s …" "* Ruby has
    mixins.")."""
    if not 0 < x < len(units) - 2 or units[x].kind != "list_item":
        return False
    item, after = units[x], units[x + 1]
    if not (
        after.kind == "list_item"
        and _indent(text, after) == _indent(text, item)
        and text.startswith(text[item.start : item.end], after.start)
        and after.end - after.start > item.end - item.start
        and units[x + 2].kind == "list_item"
    ):
        return False
    tight_after = BLANK_LINE.search(text, after.end, units[x + 2].start) is None
    if _item_before(text, units, x) is not None:
        return tight_after
    # (in a loose list, between two items of it, likewise: "* 索引不再接受块传递。" | "*
    # 索引不再接受块传递。 [[Bug #19918]]" "* 索引不再接受关键字参数。 …", all apart)
    return (
        not tight_after
        and _item_before(text, units, x, loose=True) is not None
        and _indent(text, units[x + 2]) == _indent(text, item)
    )


def _resumes_inside_cut(text: str, units: list[Unit], views: list[str], j: int) -> bool:
    """Whether unit ``j`` begins with the end of the unfinished unit before it and goes
    on ("… (e.g. by deferring some features to later PEPs), as this status can lead to
    version" | "by deferring some features to later PEPs), as this status can lead to
    version compatibility…"): a restart from inside the cut sentence. The restated
    end must be long (an echoed phrase in verse is short) and follow a blank line.
    """
    i = j - 1
    u = units[i]
    if (
        u.kind not in ("sentence", "list_item")
        or units[j].kind not in ("sentence", "list_item")
        or is_complete(text[u.start : u.end])
        or BLANK_LINE.search(text, u.end, units[j].start) is None
    ):
        return False
    # the cut sentence alone, after the unit's finished ones, restated whole and
    # gone on with ("…可能です。API価格は、入力" | "API価格は、入力1Mトークンあたり…")
    cut_text = text[u.start : u.end]
    last_stop = _last_stop(cut_text)
    cut_sentence = cut_text[last_stop:].strip()
    cut_view = build_view(cut_sentence).chars
    if (
        last_stop
        and len(cut_view) >= _RESTART_KEY
        and text.startswith(cut_sentence, units[j].start)
        and len(views[j]) > len(cut_view)
    ):
        return True
    # ...or the last line of an HTML block whose element is left open, its text cut
    # ('<label for="cbox15" …>\n    Are' | "Are people friendly …?" "</label>"), or of
    # a Jekyll highlight block ("{% highlight ruby %}\nhandle" | "handle = …")
    last_line = cut_text.rsplit("\n", 1)[-1].strip()
    left_open = (
        cut_text.startswith("<")
        and _OPEN_TAG.search(cut_text) is not None
        and _CLOSING_TAG_END.search(cut_text) is None
    ) or (_LIQUID_HIGHLIGHT.match(cut_text) is not None and "endhighlight" not in cut_text)
    if (
        "\n" in cut_text
        and left_open
        and last_line[:1].isalpha()
        and text.startswith(last_line, units[j].start)
        and len(views[j]) > len(build_view(last_line).chars)
    ):
        return True
    # ...or cut right after the bracket opening it, which cannot end anything ("…お願いを
    # しました。（" | "（中略）私は、…"; the bracket may be a unit of its own), if the
    # restart goes on at length
    if (
        cut_sentence
        and not cut_view
        and OPEN_END.search(cut_sentence) is not None
        and text.startswith(cut_sentence, units[j].start)
        and len(views[j]) >= _min_run(views[j])
    ):
        return True
    # a link or reference left open at the cut, restated from its opening bracket
    # ("… feature. [#12125](" | "[#12125]( https://…)"; "[[Feature" | "[[Feature #19678]]…")
    token = cut_text.split()[-1] if cut_text.split() else ""
    if (
        len(token) >= 3
        and unbalanced(token)
        and text.startswith(token, units[j].start)
        and units[j].end - units[j].start > len(token)
    ):
        return True
    a, b = views[i], views[j]
    k = short_overlap(a, b, min_len=_MIN_INNER_RESTART // 2)
    if k < _MIN_INNER_RESTART and not has_no_space_script(b[:k]):
        return False  # half as long will do in a script without spaces
    # it goes on, or at least finishes the sentence ("…推奨します" | "…推奨します。")
    return 0 < k < len(a) and (len(b) > k or is_complete(text[units[j].start : units[j].end]))


def _last_stop(unit_text: str) -> int:
    """Where the last sentence of a unit begins: right after its last stop before its
    end (0 if it has none: the unit is one sentence)."""
    end = len(unit_text.rstrip())
    return max((m.end() for m in _STOP_AT.finditer(unit_text) if m.end() < end), default=0)


def _restates_last_sentence(text: str, units: list[Unit], j: int) -> bool:
    """Whether unit ``j``, opening a paragraph, begins with the last sentence of the
    finished unit before it, character for character, after a stop inside that unit,
    and goes on (or is a long paragraph of its own): a restart of the sentence the
    generation stopped after ("* The term
    “block” means something different. It’s for a block of code …" | "It’s for a
    block of code …" and the next item). The sentence must be long enough to key a
    restart after a cut.
    """
    if j == 0:
        return False
    before, u = units[j - 1], units[j]
    unit_text = text[before.start : before.end]
    if (
        before.kind not in ("sentence", "list_item")
        or u.kind not in ("sentence", "list_item")
        or not is_complete(unit_text)
        or BLANK_LINE.search(text, before.end, u.start) is None
    ):
        return False
    last_stop = _last_stop(unit_text)
    if not last_stop:
        return False
    sentence = unit_text[last_stop:].strip()
    n = len(build_view(sentence).chars)
    # (half as long alone in a script without spaces, as a restart's run is: "如果这个数目
    # 随着时间在增长，这就意味着人们对你的项目感兴趣。" after the item it ends)
    lone = _MIN_LONE_RESTATED * _min_run(sentence) // _MIN_TRUNCATED_RUN
    return (
        n >= _min_run(sentence)
        and text.startswith(sentence, u.start)
        and (
            _goes_on_past(text, units, j, len(sentence))
            # (or a long paragraph of it alone, parting a list: "- …使用。例如你应当…
            # `ForwardAgent=yes`。" | "例如你应当…`ForwardAgent=yes`。" | "- 考虑使用…"; a
            # sentence quoted again as a paragraph stands outside any list)
            # (a paragraph's last sentence said again alone right after it counts as
            # that paragraph's one sentence would: "…are written in C. In this way, …
            # to pure C." | "In this way, … to pure C." | "And, of course, …")
            or (
                u.end - u.start == len(sentence)
                and n >= lone
                and before.kind == "sentence"
                and j + 1 < len(units)
                and BLANK_LINE.search(text, u.end, units[j + 1].start) is not None
            )
            or (
                u.end - u.start == len(sentence)
                and n >= lone
                and before.kind == "list_item"
                and j + 1 < len(units)
                # (the list goes on after it: the next item, or the item's own block; or
                # the section ends with it, "…close the issue. Even documenting that
                # outcome is a contribution to the project." | "Even documenting …" "###
                # Opening a pull request")
                and (
                    (
                        units[j + 1].kind == "list_item"
                        and _indent(text, units[j + 1]) == _indent(text, before)
                    )
                    or _indent(text, units[j + 1]) > _indent(text, before)
                    or units[j + 1].kind == "heading"
                )
            )
        )
    )


def _restates_last_line(text: str, units: list[Unit], j: int) -> bool:
    """Whether unit ``j``, opening a paragraph, begins with the last line of the unit
    before it and goes on: a restart of the line the generation stopped after. The
    line is an indented line of a block, written again without its indentation ("    Do
    maintainers respond … opened?" | "Do maintainers respond … opened?" and the rest of
    the <label>; "  我一直都在摸索。" | "我一直都在摸索。我没有…"), or the last line of a
    unit of several lines, going on in the same line ("…uses AI\nor LLMs to:"" | "or
    LLMs to:" class="chart" />"). A block's line is not written again unindented right
    after the block, nor a wrapped line continued at the next paragraph.
    """
    if j == 0:
        return False
    before, u = units[j - 1], units[j]
    line_start = text.rfind("\n", 0, before.end) + 1
    line = text[max(before.start, line_start) : before.end]
    restated = line.lstrip(" \t")
    # (an item of a nested list is a unit from its bullet: its indentation is before
    # it, "  - 最初の結果を正とする。" | "- 最初の結果を正とする。スナップショット…")
    indent = text[line_start : before.start]
    indented = restated != line or (indent != "" and indent.strip(" \t") == "")
    # (or the last line of a unit of several lines, going on in the same line: "alt="…
    # uses AI\nor LLMs to:"" | "or LLMs to:" class="chart" />")
    last_line = line_start > before.start and not text.startswith("\n", u.start + len(restated))
    if (
        (not indented and not last_line)
        or BLANK_LINE.search(text, before.end, u.start) is None
        or not text.startswith(restated, u.start)
        # (a few words will do, or a CJK character alone on its line, "…avatar">\n开" |
        # "开源远远不止代码…": the layout is the evidence)
        or (
            len(build_view(restated).chars) < min(_RESTART_KEY, _min_run(restated) // 2)
            and _LONE_CJK.fullmatch(restated) is None
            # (or a last line that leaves a bracket open, which cannot end it: "— [Ada"
            # | "— [Ada Initiative](…)"; or an element, "      <td>A" | "<td>A software
            # system … </td>")
            and not (last_line and unbalanced(restated))
            and not _closes_element(restated, text[u.start : u.end])
            and not _block_line_resumed(text, line_start, u.start, restated)
        )
    ):
        return False
    # (the paragraph goes on: the sentence, or the rest of the block, "  </label>")
    return _goes_on_past(text, units, j, len(restated))


def _block_line_resumed(text: str, line_start: int, start: int, restated: str) -> bool:
    """Whether the indented line at ``line_start``, ``restated`` without its indentation,
    is written again at ``start`` and gone on in the same line, the next line taking up
    its indentation again: a block's line cut after a word, the block resumed from it
    ("  alias" | "alias :sym :[]\n  alias :old_call :[]")."""
    body = line_start
    while text.startswith((" ", "\t"), body):
        body += 1
    indent = text[line_start:body]
    eol = text.find("\n", start)
    if not indent or eol < 0 or text.rfind("\n", 0, start) + 1 != start:
        return False
    return (
        eol - start > len(restated)
        and text.startswith(restated, start)
        and text.startswith(indent, eol + 1)
        and not text[eol + 1 + len(indent) : eol + 2 + len(indent)].isspace()
    )


def _block_may_restart(text: str, units: list[Unit], views: list[str], j: int) -> bool:
    """Whether quote or table row ``j`` may open a restart where it stands. A quote or a
    table restarts only right after an unfinished sentence or a row standing alone or
    cut after a cell (a pull quote or a table shown again follows a finished one)."""
    u = units[j]
    quoted = text.startswith(">", u.start)
    if not (quoted or u.kind == "table_row"):
        return False
    return (
        (
            (
                _ends_unfinished(text, units, j - 1)
                or _lone_row(text, units, j - 1)
                or _cut_row(text, units, j - 1)
            )
            and not text.startswith(">", units[j - 1].start)
        )
        # (or right after a heading cut in a word that the heading after the quote
        # writes out: "## 使" "> 一旦…" | "## 使用机器人")
        or (quoted and _heading_after_completes(text, units, j))
        # (or a quote's last sentence said again after a blank line and going on in its
        # line: "> In general, … you don't pay for." | "> In general, … you don't pay
        # for. And further: …", a generation stopped there)
        or (
            quoted
            and j + 1 < len(units)
            and views[j - 1] == views[j]
            and "\n" not in text[u.end : units[j + 1].start]
            and BLANK_LINE.search(text, units[j - 1].end, u.start) is not None
        )
    )


def _cut_again_after_copy(views: list[str], i: int, j: int, k: int) -> bool:
    """Whether the copy of ``k`` units from ``i`` at ``j`` is followed by a unit that cuts
    the one the copied text goes on with, written whole right after it: a redundant
    generation, stopped there ("```…```" "两" | "两种实现的性能相近！…")."""
    return (
        i + k < j
        and j + k < len(views)
        and views[i + k] != views[j + k]
        and views[i + k].startswith(views[j + k])
        and _cut_written_next(views, j + k)
    )


def _stopped_at_the_same_cut(text: str, units: list[Unit], i: int, j: int, k: int) -> bool:
    """Whether the ``k`` units before ``j``, ending unfinished, are said again from ``j``
    on (from ``i``), stopping at the very same cut, and the unit after that writes the cut
    whole: a redundant generation stopped where the one before it did ("## 下载" "* <{{
    release.url.gz" | the same two lines | "* <{{ release.url.gz }}>")."""
    if not (i + k == j and k > 0 and j + k < len(units)):
        return False
    cut = text[units[j - 1].start : units[j - 1].end]
    whole = text[units[j + k].start : units[j + k].end]
    return (
        (_ends_unfinished(text, units, j - 1) or unbalanced(cut))
        and _same_text(text, units[j + k - 1], units[j - 1])
        # (the letters may be the same: "<{{ release.url.gz" | "<{{ release.url.gz }}>")
        and len(whole) > len(cut)
        and whole.startswith(cut)
    )


def _cut_written_after(views: list[str], x: int, y: int) -> bool:
    """Whether unit ``y`` begins with all of unit ``x`` and goes on."""
    return y < len(views) and len(views[y]) > len(views[x]) > 0 and views[y].startswith(views[x])


def _cut_written_next(views: list[str], x: int) -> bool:
    """Whether unit ``x`` is written again right after itself, and goes on there."""
    return _cut_written_after(views, x, x + 1)


def _copy_leaves_quote(text: str, units: list[Unit], j: int, copy: _Copy) -> bool:
    """Whether ``copy``, from quoted unit ``j`` on, goes on past the quote verbatim and at
    length: a restart from a quote after finished text (a quote said again, as a style
    guide's examples are, is the quote alone or in a copy that stops at it). A copy
    that completes a cut the earlier text left counts as verbatim up to it."""
    return (
        (copy.exact or copy.completes)
        and copy.run >= _MIN_VERBATIM_RUN
        and any(not _in_quote(text, units[y]) for y in range(j, j + copy.units))
    )


def _heading_said_again(text: str, units: list[Unit], j: int) -> bool:
    """Whether unit ``j`` is a heading written again right after itself, with nothing
    between but a blank line, and something after it: a generation stopped after the
    heading and the next one restarted there ("## 谁在这样做？" | "## 谁在这样做？" "网站
    | 文案 | UGC …"). An article never opens an empty section under the same title."""
    return _written_again(text, units, j, "heading")


def _written_again(text: str, units: list[Unit], j: int, kind: str) -> bool:
    """Whether unit ``j``, of ``kind``, reads as the unit right before it, with nothing
    between but a blank line, and something comes after it."""
    return (
        0 < j < len(units) - 1
        and units[j].kind == units[j - 1].kind == kind
        and _same_text(text, units[j - 1], units[j])
        and BLANK_LINE.search(text, units[j - 1].end, units[j].start) is not None
    )


def _paragraph_said_again(text: str, units: list[Unit], views: list[str], j: int) -> bool:
    """Whether unit ``j`` is a paragraph of one finished sentence written again whole
    right after itself, with nothing between but a blank line, and something after it:
    a generation stopped after the sentence and the next one restarted there ("Note:
    Excluding feature bug fixes." twice). No article among the corpus and 11,000 clean
    documents under /usr says a paragraph twice in a row; a summary line followed by a
    paragraph beginning with it and going on (CMake's property pages) is no copy of a
    whole paragraph, and a short line said twice ("Hallelujah.") may be verse."""
    if not _written_again(text, units, j, "sentence"):
        return False
    before, u = units[j - 1], units[j]
    return (
        is_complete(text[u.start : u.end])
        and len(views[j]) >= _MIN_PARAGRAPH_SAID_AGAIN
        and (j == 1 or BLANK_LINE.search(text, units[j - 2].end, before.start) is not None)
        and BLANK_LINE.search(text, u.end, units[j + 1].start) is not None
    )


def _goes_on_past(text: str, units: list[Unit], j: int, n: int) -> bool:
    """Whether the paragraph of unit ``j`` goes on past its first ``n`` characters: the
    unit itself, or the next unit of the same paragraph."""
    u = units[j]
    return u.end - u.start > n or (
        j + 1 < len(units) and BLANK_LINE.search(text, u.end, units[j + 1].start) is None
    )


def _underlined(text: str, start: int) -> bool:
    """Whether the line from ``start`` is a title underlined on the next line ("Removal
    of a project from PyPA" and "~~~~~~~~")."""
    line_end = text.find("\n", start)
    if line_end < 0:
        return False
    next_end = text.find("\n", line_end + 1)
    underline = text[line_end + 1 : next_end if next_end >= 0 else len(text)].strip()
    return _UNDERLINE.fullmatch(underline) is not None


def _restarts_cut(
    text: str,
    units: list[Unit],
    views: list[str],
    x: int,
    j: int,
    lead: int = 0,
    stub_said_again: bool = True,
    after_copy: bool = False,
) -> bool:
    """Whether unit ``j`` begins with exactly the text of the paragraph-end cut ``x``
    and goes on (see :func:`_paragraph_end_cut`). ``lead`` units before ``j`` restate
    the ones before the cut: the restart opens with them. ``stub_said_again``: a
    paragraph of a word or two that ``j`` writes whole counts (see
    :func:`_stub_said_again`). ``after_copy``: ``j`` follows a restart's copy of
    earlier text (a redundant generation may end it).

    A short paragraph of its own ("Summary") may be a title that a later paragraph
    begins with ("Summary of changes"), so the cut must not begin its paragraph
    (or tight list, "* All"), unless its end cannot finish anything ("Note:",
    "SIZE:   8316772", "[{{"), or the restart goes on inside its last word
    ("replacer" | "replacer引数に…"), or it is a list item restarted right after it
    at the same depth or shallower ("  * **Update**" | "* **Update** 1.9.1 …", not
    "* Exception" and its sub-item "  * Exception#set_backtrace …"), or it holds a
    clause break, which no title does ("更多详情，可参见").
    Further back than the paragraph right before, the cut must read as cut prose
    (two words, or CJK): a list of names ("* syslog") may be followed later by a
    list of the same names with versions ("* syslog 0.1.2").
    """
    u = units[x]
    cut = text[u.start : u.end]
    adjacent = x == j - 1 - lead  # the paragraph right after the cut restarts it
    # a cut list item may be resumed right after it as a plain sentence, without its
    # bullet ("1. The publisher of the" | "The publisher of the plugin is …")
    # (or as its bold line alone: "2.  **パーソナライズされ" | "**パーソナライズされた…:**")
    unbulleted = (
        adjacent
        and u.kind == "list_item"
        and (
            units[j].kind == "sentence"
            or (units[j].kind == "heading" and _bold_cut(text, u, units[j]))
        )
    )
    if unbulleted:
        cut = LIST_BULLET.sub("", cut, count=1)
        # ...or from its last sentence, cut after a word or two, if the restart goes
        # on at length ("…updated recently? Are" | "Are there many contributors? …",
        # "…必要です。自社" | "自社に専門人材がいない場合は…"; not "…です。価格は" |
        # "価格は別途お問い合わせください。", an echo)
        last_stop = _last_stop(cut)
        if last_stop and not text.startswith(cut, units[j].start):
            # (its line, or its sentence over wrapped lines: "Though" | "Though Ruby has
            # “mixins” (i.e.\n  you can “inherit” all instance methods of a module).")
            line_end = text.find("\n", units[j].start)
            line_end = len(text) if line_end < 0 else line_end
            restart = text[units[j].start : max(line_end, units[j].end)]
            # (half as long in a script without spaces: "  - 最初の結果を正とする。スナップショ"
            # | "スナップショットテスティングが発展してきた")
            # (or said again with the colon it was cut before: "* …求值顺序。参考下面的代码"
            # | "参考下面的代码:")
            tail = cut[last_stop:].lstrip()
            colon_added = has_no_space_script(tail) and restart.rstrip() in (
                tail + "：",
                tail + ":",
            )
            if not colon_added and sum(c.isalnum() for c in restart) < _min_prose_restart(restart):
                return False
            cut = tail
    if _REFERENCE_ENTRY.fullmatch(LIST_BULLET.sub("", cut, count=1)):
        return False  # a reference to a link defined below is an entry, never cut
    # (an item that parts a tight list with a blank line, said again right after with
    # more: "* TracePoint" "* Optimized require performance" | "* Optimized require
    # performance (especially, on Windows)" "* NativeClient support"; "* `File.exists?`"
    # | "* `File.exists?` [[Feature #17391]]" "* `Kernel#=~` …")
    unstopped = _unstopped_list(text, units, x)
    parted = (
        adjacent
        and unstopped
        and j + 1 < len(units)
        and units[j + 1].kind == "list_item"
        and BLANK_LINE.search(text, u.end, units[j].start) is not None
        and BLANK_LINE.search(text, units[j].end, units[j + 1].start) is None
    )
    if _link_entry(text[u.start : u.end]) and unstopped and not parted:
        return False  # an entry of a list of entries ("* `install`\n* `prepare`")
    # a table's first row cut reads as a sentence ("| 規" | "| 規模 | ノーコード系 |"),
    # or cut after a cell, a row standing alone, no table ("| 変換前の値 |" | "| 変換前
    # の値 | 変換後の値 |")
    # (or, a table without outer pipes, cut in its header row: "网" | "网站 | 文案 | UGC")
    row_cut = units[j].kind == "table_row" and (
        open_row(cut)
        or (adjacent and (_lone_row(text, units, x) or _cut_row(text, units, x)))
        or (
            adjacent
            and u.kind == "sentence"
            and text.startswith(cut, units[j].start, units[j].end)
            and not text.startswith("|", units[j].start)
        )
    )
    # the same words again, finished with a stop ("ということ" | "ということ。"): the
    # stop is no view character either (in a script without spaces only: "Thank you"
    # | "Thank you." is a line echoed)
    rest = text[units[j].start + len(cut) : units[j].end].strip()
    stopped = (
        views[j] == views[x]
        and len(views[x]) >= 4
        and (
            (
                adjacent
                and all(is_no_space_script(c) for c in views[x])
                and _stop_added(text, u, units[j])
            )
            # (further back, a line introducing what follows, cut before its colon:
            # "…请升级你的依赖项" | "…请升级你的依赖项：")
            or (rest in ("：", ":") and has_no_space_script(cut) and _cut_unit(text, u))
        )
    )
    # (a bold line cut before its closing mark, written whole after it: "**対策" |
    # "**対策:**"; nothing is left to write after the cut but the marks)
    bold = adjacent and _bold_cut(text, u, units[j])
    # (a title cut before its underline reads as a line of text: "Removal" | "Removal of
    # a project from PyPA" and its "~~~~" line; no section is a word, followed at once
    # by a section whose title begins with it)
    underlined = (
        adjacent
        and u.kind == "sentence"
        # (reStructuredText's "~~~~" and "''''" underlines leave a sentence unit)
        and units[j].kind in ("heading", "sentence")
        and "\n" not in cut
        and _underlined(text, units[j].start)
    )
    if underlined:
        title = text[units[j].start : text.find("\n", units[j].start)]
        return len(title) > len(cut) and title.startswith(cut) and goes_on_from(cut, title)
    # (a line left open, written whole right after and closed: "{% endif" | "{% endif
    # %}", "__[点击这里观看…直播" | "__[点击这里观看…直播。](…)__", a bold line's link)
    closed = (
        adjacent
        and unbalanced(cut)
        and text.startswith(cut, units[j].start)
        and not unbalanced(text[units[j].start : units[j].end])
    )
    if not unbulleted and (
        (u.kind != units[j].kind and not (row_cut or bold or closed))
        # (a row's closing pipe is no view character: "| Ferris | 含义" | "… | 含义 |")
        or (len(views[j]) <= len(views[x]) and not (row_cut or stopped or bold or closed))
    ):
        return False
    # (one CJK character alone is cut prose too, when the restart follows another cut:
    # "…__" | "在" | … | "## 第二" | "在第二天的…"; not when it is a copy's stub, its
    # original going on after the unit it follows: "## 使用情况" | "人" of "## 使用情况"
    # | "人们在这个…")
    lone_char = (
        u.kind == "sentence"
        and _LONE_CJK.fullmatch(cut) is not None
        # (or a redundant generation, a copy of earlier text: "此" | copy | "此时…")
        and (
            after_copy or not is_complete(text[units[j - 1 - lead].start : units[j - 1 - lead].end])
        )
        and not any(
            views[y] == views[x - 1] and views[y + 1].startswith(views[x])
            for y in range(max(0, x - 1 - _NEAR), x - 1)
        )
    )
    # (so is an item cut inside its bold label: "*   **性" | copy | "*   **性能とコスト…")
    if not adjacent and (
        u.kind == "heading" or not (_cut_unit(text, u) or lone_char or _bold_label_cut(text, u))
    ):
        return False
    if not text.startswith(cut, units[j].start) or len(cut) >= units[j].end - units[j].start:
        return False
    if not unbulleted and not views[j].startswith(views[x]):
        return False
    # (an item restated right after it with its indentation dropped is a restart
    # whatever follows: "  * RSS 0.2.8" | "* RSS 0.2.8 ([NEWS](…))")
    dedented = adjacent and u.kind == "list_item" and _indent(text, units[j]) < _indent(text, u)
    # (so is one that parts a tight list, above: a list item's note is added in a list
    # of its own)
    if not goes_on_from(
        cut,
        text[units[j].start : units[j].end],
        _unstopped_list(text, units, x, loose=True) and not (dedented or parted),
    ):
        return False  # "* Type: null or String" | "* Type: null or String (can be set …)"
    if u.kind == "heading":
        return True
    after = text[units[j].start + len(cut) : units[j].start + len(cut) + 1]
    mid_paragraph = (
        x > 0
        and units[x - 1].kind == u.kind
        and BLANK_LINE.search(text, units[x - 1].end, u.start) is None
    )
    return (
        mid_paragraph
        or row_cut
        or stopped
        or OPEN_END.search(cut) is not None
        # (a word that only opens sentences, alone, said again right after and going
        # on: "See" | "See [NEWS](…) for more details.")
        or (adjacent and _opening_word(text, u))
        # a bracket left open cannot end anything ("[import" | "[import a.js](src/a.js)",
        # "<figure" | "<figure class=…>")
        or unbalanced(cut)
        or (after.isalnum() and cut[-1:].isalnum())
        # (at the same depth or shallower: a restart may drop the indentation, but an
        # item followed by a deeper sub-item beginning with it is the list's own)
        or (u.kind == "list_item" and adjacent and _indent(text, units[j]) <= _indent(text, u))
        or (adjacent and _goes_on_as_prose(text, units[j], len(cut), views[j], views[x]))
        or (
            adjacent and stub_said_again and _stub_said_again(text, u, units[j], views[j], views[x])
        )
        # (a clause break inside is prose, no title: "更多详情，可参见" | "更多详情，
        # 可参见 [NEWS](…) 或 […]", if it goes on at length)
        or (
            adjacent
            and _CLAUSE_BREAK.search(cut.rstrip("，、, ")) is not None
            and len(views[j]) - len(views[x]) >= _MIN_PROSE_RESTART // 2
        )
        or (adjacent and _closes_element(cut, text[units[j].start : units[j].end]))
    )


def _left_open(text: str, units: list[Unit], x: int) -> bool:
    """Whether unit ``x``, a sentence or list item ending its line, leaves a link, a
    code span or a parenthesis open: it was cut, whatever its text ends with ("- [2026年
    の真意とは？", "ちなみにこの `sum(map(ord, ...", "* CMath (cmath"). Inside a line a
    sentence may end within a link's text, so only the line's end counts.

    >>> t = "Intro.\\n\\n- [Why it matters?\\n\\nMore."
    >>> _left_open(t, split_units(t), 1)
    True
    """
    u = units[x]
    if u.kind not in ("sentence", "list_item") or x + 1 >= len(units):
        return False
    if "\n" not in text[u.end : units[x + 1].start]:
        return False
    unit_text = text[u.start : u.end]
    return (
        _OPEN_LINK.search(unit_text) is not None
        or unit_text.count("`") % 2 == 1
        or _OPEN_PAREN.search(unit_text) is not None
    )


def _closes_element(cut: str, unit_text: str) -> bool:
    """Whether ``cut`` opens an HTML element it leaves open and ``unit_text``, which
    begins with it, closes that element ("<figcaption>" | "<figcaption>示例
    6-9…</figcaption>"): the line was cut right after its opening tag.

    >>> _closes_element("<figcaption>", "<figcaption>A caption</figcaption>")
    True
    >>> _closes_element("<figcaption>", "<figcaption>")
    False
    """
    opening = _OPEN_TAG.match(cut)
    if opening is None:
        return False
    closing = f"</{opening.group(1)}>"
    return closing not in cut and closing in unit_text[len(cut) :]


def _goes_on_as_prose(text: str, u: Unit, skip: int, view: str, cut_view: str) -> bool:
    """Whether unit ``u``, after the ``skip`` characters that restate the cut, goes on
    as one long finished sentence in lower case ("Proposing" | "Proposing the
    acceptance of a project into the organization. …"): the cut was the start of
    that sentence, not a title ("Summary" | "Summary: …", "Summary of changes")."""
    rest = text[u.start + skip : u.end]
    # (in a script without spaces the sentence goes straight on: "有时候" | "有时候，当…",
    # "学习 Rust" | "学习 Rust 的一个重要部分…")
    # (or inline code, "因为" | "因为 `enumerate` 方法返回的是元组，…", "オブジェクトが" |
    # "オブジェクトが`toJSON`メソッドを…"; a Latin word goes straight on in Japanese too,
    # "`toJSON`" | "`toJSON`メソッドは…"; not a link, "更多详情" | "更多详情 [NEWS](…)", a title)
    goes_on = (
        (rest[:1] == " " and rest[1:2].islower())
        or (
            has_no_space_script(cut_view)
            and (
                is_no_space_script(rest.lstrip()[:1])
                or rest[:1] in "，、"
                or rest.lstrip(" ")[:1] == "`"
            )
        )
        or is_no_space_script(rest[:1])
    )
    min_len = _min_prose_restart(view)
    if _FUNCTION_WORD.fullmatch(text, u.start, u.start + skip) or _CLAUSE_OPENER.match(
        text, u.start, u.start + skip
    ):
        # (half as long after a word that opens sentences and ends no title, "This" |
        # "This release includes many bugfixes.", or a cut opening a clause, "如果你有 C
        # 或 C++" | "如果你有 C 或 C++ 背景，就会发现…")
        min_len //= 2
    # (a sentence introducing what follows is finished too: "`pshtt`" | "`pshtt`
    # works by making GET requests to four endpoints at each domain:")
    finished = is_complete(rest) or rest.rstrip().endswith((":", "："))
    return goes_on and len(view) - len(cut_view) >= min_len and finished


def _stub_said_again(text: str, stub: Unit, u: Unit, view: str, stub_view: str) -> bool:
    """Whether ``stub``, a paragraph of a word or two alone on its line, is what unit
    ``u`` right after it begins with, going on to a finished sentence ("Make" | "Make
    doesn’t return an error.", "`~-s`" | "`~-s` は正負逆転して…はず。"): the generation
    stopped after the sentence's first words. A title or label is followed by a
    sentence of its own, not one beginning with it (none is, among the corpus articles
    and 11,000 clean documents under /usr); a title beginning the next title
    ("Summary" | "Summary of changes") finishes no sentence, and one that a caption
    extends ("Summary" | "Summary of the changes made this year.") or a link follows
    ("更多详情" | "更多详情 [NEWS](…)。") is kept apart too."""
    words = text[stub.start : stub.end].split()
    rest = text[u.start + stub.end - stub.start : u.end]
    return (
        0 < len(words) <= _MAX_STUB_WORDS
        and "\n" not in text[stub.start : stub.end]
        and (rest[:1].isspace() or is_no_space_script(rest[:1]))
        and _NOUN_PHRASE_GOES_ON.match(rest) is None
        # (in Chinese or Japanese a sentence introducing what follows is finished too:
        # "我们的 `grep`" | "我们的 `grep` 项目将会结合之前所学的一些概念："; not
        # "Installation" | "Installation is simple:", a title and its lead-in)
        and (
            is_complete(rest) or (has_no_space_script(rest) and rest.rstrip().endswith((":", "：")))
        )
        # ("更多详情" | "更多详情 [NEWS](…)。", a title; not one ending in a particle,
        # "詳細は" | "詳細は [NEWS](…) を参照してください。")
        and (not rest.lstrip().startswith("[") or _PARTICLE_END.search(words[-1]) is not None)
        and len(view) - len(stub_view) >= _RESTART_KEY
    )


def _cut_row(text: str, units: list[Unit], x: int) -> bool:
    """Whether unit ``x`` is a table row cut short: fewer cells than the row before it,
    without the closing pipe the row before has, or read as a sentence because it was
    cut before its second cell or its table's delimiter row."""
    row = text[units[x].start : units[x].end].strip()
    # (a row cut short of its second cell, "| **著", reads as a sentence; so does a
    # table's first row cut before it, "| 規")
    if units[x].kind == "sentence" and (
        open_row(row)
        # (or a header row without outer pipes cut after a cell, before its delimiter
        # row: "网站 | 文案 |")
        or (row.endswith("|") and row.count("|") >= 2 and not row.startswith("|"))
    ):
        return True
    if x < 1 or units[x].kind != "table_row" or units[x - 1].kind != "table_row":
        return False
    before = text[units[x - 1].start : units[x - 1].end].strip()
    # (or without the closing pipe the row before has: "| Symbol | 変換されない（…null）")
    return row_cells(row) < row_cells(before) or (open_row(row) and before.endswith("|"))


def _pipeless_last_row(text: str, units: list[Unit], x: int) -> bool:
    """Whether unit ``x`` is the last row of a table written without outer pipes."""
    return (
        units[x].kind == "table_row"
        and not text.startswith("|", units[x].start)
        and (
            x + 1 == len(units)
            or BLANK_LINE.search(text, units[x].end, units[x + 1].start) is not None
        )
    )


def _lone_row(text: str, units: list[Unit], x: int) -> bool:
    """Whether unit ``x`` is a table row with no row right before or after it."""

    def row_at(y: int) -> bool:
        # (a row of the same table: no blank line between them)
        if not (0 <= y < len(units) and units[y].kind == "table_row"):
            return False
        lo, hi = min(units[x].end, units[y].end), max(units[x].start, units[y].start)
        return BLANK_LINE.search(text, lo, hi) is None

    return units[x].kind == "table_row" and not row_at(x - 1) and not row_at(x + 1)


def _min_run(sample: str) -> int:
    """Copied view characters a restart after a cut needs: half as many in a script
    without spaces, where a character carries about a word."""
    cjk = has_no_space_script(sample)
    return _MIN_TRUNCATED_RUN // 2 if cjk else _MIN_TRUNCATED_RUN


def _min_restated_run(sample: str) -> int:
    """Copied view characters a restart of finished text needs: half as many in a
    script without spaces."""
    return _MIN_RESTATED_RUN * _min_run(sample) // _MIN_TRUNCATED_RUN


def _min_prose_restart(sample: str) -> int:
    """Letters a sentence restarting a cut of a word or two goes on for: half as many
    in a script without spaces."""
    return _MIN_PROSE_RESTART // 2 if has_no_space_script(sample) else _MIN_PROSE_RESTART


def _in_quote(text: str, u: Unit) -> bool:
    """Whether unit ``u`` stands on a quoted line ("> …")."""
    return text.startswith(">", text.rfind("\n", 0, u.start) + 1)


def _indent(text: str, u: Unit) -> int:
    """Columns of whitespace before unit ``u`` on its line (a nested list item's depth)."""
    return u.start - (text.rfind("\n", 0, u.start) + 1)


def _item_before(text: str, units: list[Unit], x: int, loose: bool = False) -> Unit | None:
    """The item right before list item ``x`` in the same list (same indentation, no
    blank line between them unless the list is ``loose``), or None."""
    if x < 1 or units[x].kind != "list_item" or units[x - 1].kind != "list_item":
        return None
    before = units[x - 1]
    if _indent(text, before) != _indent(text, units[x]):
        return None
    if not loose and BLANK_LINE.search(text, before.end, units[x].start) is not None:
        return None
    return before


def _unstopped_list(text: str, units: list[Unit], x: int, loose: bool = False) -> bool:
    """Whether list item ``x`` follows an item of the same list that has no stop either:
    the list's style, not a cut. Items of a ``loose`` list may stand apart, with a
    blank line between them."""
    before = _item_before(text, units, x, loose)
    if before is None:
        return False
    item = text[before.start : before.end]
    return (
        not is_complete(item)
        and _STOP_INSIDE.search(item) is None  # a phrase, not sentences missing a stop
        # (not in scripts without spaces: there a cut word, "ではな", ends a list
        # of unstopped items as plausibly as a whole one)
        and not has_no_space_script(item)
    )


def _stopless_item(text: str, units: list[Unit], x: int) -> bool:
    """Whether list item ``x``, in Chinese or Japanese, lacks the full stop that the item
    right before it, in the same tight list, ends with: it was cut ("* `--mjit-min-calls`
    更名为 `…`。" "* 将 `--mjit-max-cache`"). (English references mix items with and
    without stops: "* `name` {string} The name." "* `detail` {any}"; but an item of a
    word or two that the item before opens with is cut in any script.)"""
    before = _item_before(text, units, x)
    if before is None:
        return False
    item = text[units[x].start : units[x].end]
    finished = text[before.start : before.end].rstrip()
    # (in any script, an item of a word or two that the finished item before it opens
    # with and goes on from: "* All versions of Ruby 2.1 prior to 2.1.8." "* All")
    stub = LIST_BULLET.sub("", item, count=1).strip()
    opens_item_before = (
        len(stub.split()) <= 2
        and is_complete(finished)
        and LIST_BULLET.sub("", finished, count=1).startswith(stub + " ")
    )
    return not is_complete(item) and (
        opens_item_before or (finished.endswith("。") and has_no_space_script(item))
    )


def _entry(text: str, u: Unit, copied: int | None) -> bool:
    """Whether list item ``u``, before a copy from further back of ``copied`` units
    that the text then goes on from differently (None: a copy running to the text's
    end), reads as a finished entry rather than a cut: it ends by closing something
    (a link, a code span, an author's name in brackets: "* allow lookup of hidden
    values (cjihrig) [#3988](…)"), or the copy is one unit (a reference's parameter
    list, "* `name` {string} Header name", before a description said of another
    method too): a restart from far back goes on restating.
    """
    item = text[u.start : u.end].rstrip()
    return u.kind == "list_item" and (
        CLOSED_END.search(item) is not None
        # (not in scripts without spaces, where a cut word, "的起", ends an item as
        # plausibly as a whole one)
        or (copied is not None and copied < 2 and not has_no_space_script(item))
    )


def _bold_label_cut(text: str, u: Unit) -> bool:
    """Whether list item ``u`` is cut inside its bold label ("* **Give" of "* **Give the
    person in question a public warning** and …")."""
    return u.kind == "list_item" and open_bold(LIST_BULLET.sub("", text[u.start : u.end], count=1))


def _cut_unit(text: str, u: Unit) -> bool:
    """A sentence or list item of prose that stops without a terminator."""
    return u.kind in ("sentence", "list_item") and _looks_cut(text[u.start : u.end])


def _trailing_word(text: str, units: list[Unit], x: int) -> bool:
    """Whether unit ``x`` is a word or two left after a finished sentence in its
    line, without a stop: a sentence cut after its first word ("…with a variety of
    helpful fields. These"), which no title or label is.

    >>> t = "It spits out JSON. These\\n\\nUsage"
    >>> units = split_units(t)
    >>> _trailing_word(t, units, 1), _trailing_word(t, units, 2)
    (True, False)
    """
    u = units[x]
    return (
        x > 0
        and u.kind == "sentence"
        and units[x - 1].kind == "sentence"
        and "\n" not in text[units[x - 1].end : u.start]
        and is_complete(text[units[x - 1].start : units[x - 1].end])
        and not is_complete(text[u.start : u.end])
        and _CUT_END.search(text, u.start, u.end) is not None
    )


def _opening_word(text: str, u: Unit) -> bool:
    """Whether unit ``u`` is a paragraph of one word that only opens sentences ("##
    Feedback\n\nThe" | "Second, we know …"): the generation stopped after it. Not a
    label ("Output")."""
    return _stub_paragraph(text, u) and _FUNCTION_WORD.fullmatch(text, u.start, u.end) is not None


def _completes_cut(text: str, units: list[Unit], x: int, y: int) -> bool:
    """Whether unit ``x`` is cut, and unit ``y``, which goes on from it, completes
    it: a sentence or item cut ("…helpful fields. These" | "These include …"), a
    paragraph of an opening word ("The" | "The working group has …"), or a heading
    cut inside a word ("## Meta Questで" | "## Meta Questで動画を見る")."""
    return (
        _cut_unit(text, units[x])
        or _trailing_word(text, units, x)
        or _opening_word(text, units[x])
        or _heading_cut_in_word(text, units[x], units[y])
    )


class _Copy(NamedTuple):
    """How far units from ``j`` on restate units from ``i`` on (see :func:`_copy_run`)."""

    units: int
    run: int  # view characters restated
    exact: bool  # word for word (the copy may stop cut, or complete a cut)
    completes: bool  # the copy finishes a sentence the original leaves cut
    stopped: bool = False  # the copy itself is cut where the original goes on


def _copy_run(
    text: str,
    units: list[Unit],
    views: list[str],
    i: int,
    j: int,
    resolved: AbstractSet[int] = frozenset(),
    known_cuts: AbstractSet[int] = frozenset(),
    split_ends: AbstractSet[int] = frozenset(),
) -> _Copy:
    """How far units from ``j`` on restate units from ``i`` on.

    Returns a :class:`_Copy`: units and view characters restated, whether word for
    word, whether the copy completes a sentence the original leaves cut, whether the
    copy itself stops cut. Units in ``split_ends`` end a piece split off at an
    implicit restart already; those in ``known_cuts`` do so unfinished. Cut units in
    ``resolved`` (resumed by a marked piece already) count as cut only right before ``j``.
    """

    def copy_piece_end(completed: int) -> int:
        # the last unit of the piece the copy's completion stands in (the copy's piece
        # ends at the next marker)
        further = completed
        while further < min(completed + _LATER, len(units) - 1) and further not in resolved:
            further += 1
        return further

    def met_by_chance(x: int) -> bool:
        # A marked piece opening with the cut's last words resumes it, unless it
        # restarts the cut that ends the copy's piece, further on: "There are" |
        # marker | "There are a few ways …" | … a copy writing "There are several
        # reasons …" and stopping at "There are a few ways you might respon". (Two
        # generations may resume a cut in other words, "そして" | "そして私たちは…" and
        # "そして私たち一人ひとりが…": that alone says nothing.)
        end = copy_piece_end(j + x - i)
        return (
            end > j + x - i
            and len(views[end]) > len(views[x])
            and _cut_unit(text, units[end])
            and opening_after(x).startswith(views[end])
            and opens_with_cut_end(x)
        )

    def opening_after(x: int) -> str:
        # the first units of the piece after the marker that ends at unit ``x`` (a short
        # first one, "**対策:**", leads into the next)
        return "".join(views[x + 1 : x + 4])

    def opens_with_cut_end(x: int) -> bool:
        # the piece after the marker opens with the cut's last characters (3 or more)
        opening = opening_after(x)
        tail = views[x][-_RESTART_KEY:]
        return any(opening.startswith(tail[t:]) for t in range(len(tail) - 2))

    def left_open(x: int, by_chance: bool) -> bool:
        # A cut before a marker is resumed by the piece after the marker, unless the
        # copy completing it shows that piece further on: it was shuffled in from
        # later ("SHA1: a1b…efc" | marker | "SIZE: 11323612 …", which a copy of the
        # text from before the cut reaches four units after "SHA1: a1b…efccf").
        # ``by_chance``: that piece met the cut's last words by chance (met_by_chance)
        opening = opening_after(x)
        if len(opening) < _RESTART_KEY:
            return False
        completed = j + x - i
        # (the piece's first unit is read at both ends: its first words may drift)
        long_first = len(views[x + 1]) >= _RESTART_KEY
        first = views[x + 1] if long_first else opening
        keys = (opening[:_RESTART_KEY], first[-_RESTART_KEY:])
        # (a marked piece that opens with the cut's last line resumes it: "{% highlight
        # ruby %}\nhandle = Fiddle::Hand" | … | marker | "handle = Fiddle::Handle.new(
        # dangerous_user_input) … Or: {% highlight ruby %}\nhandle = Fiddle::Handle.new(
        # some_library)", whose look-alike block further in is no completion)
        last_line = text[units[x].start : units[x].end].rsplit("\n", 1)[-1].strip()
        resumed_by_piece = len(last_line) >= _RESTART_KEY and any(
            text.startswith(last_line, units[y + 1].start)
            and not any(y < z < completed for z in resolved)
            for y in resolved
            if y != x and y + 1 < completed
        )
        later = "".join(views[completed + 1 : copy_piece_end(completed) + 1])

        def stands_in(v: str) -> bool:
            # (a long first unit stands before the cut if both its ends do, or a cut
            # copy of it: one "* [https://cache.ruby-lang.org/…/ruby-2.0.0-p594.tar.xz](…)"
            # is not the "…tar.bz2" entry above it, though they open alike)
            if not long_first:
                return any(key in v for key in keys)
            return all(key in v for key in keys) or (
                len(v) >= _RESTART_KEY and (first.startswith(v) or v.startswith(first))
            )

        # (a piece opening with a block, a heading, an item, a table, code or a tag,
        # cannot go on with a sentence cut before the marker: nothing more is needed,
        # unless it restates the text before the cut, either end of its first unit,
        # maybe drifted: a restart from paragraphs back may open with a heading)
        blocked = (
            _prose_cut(text, units, x)
            and (
                units[x + 1].kind in ("heading", "list_item", "table_row", "code")
                or text.startswith("<", units[x + 1].start)
            )
            and not any(key in views[y] for key in keys for y in range(max(0, x - _NEAR), x + 1))
        )
        return (
            (blocked or any(key in later for key in keys))
            # (not resumed after all: with the cut's last words, "…そしてセキュリティや" |
            # "セキュリティやコンプライアンス…"; inside the completion; before the cut)
            and (
                by_chance
                or blocked
                or (
                    not opens_with_cut_end(x)
                    and not any(stands_in(views[y]) for y in range(max(0, x - _NEAR), x + 1))
                    and not any(key in views[completed] for key in keys)
                )
            )
            # (and no marked piece restarts the cut unit, the next or one shown
            # later: "<aside …>\n  <img" | marker | … | marker | "<img src=…")
            and not any(
                views[y + 1].startswith(views[x][:_RESTART_KEY])
                for y in resolved
                if y > x or (y == x and not by_chance)
            )
            and not resumed_by_piece
        )

    def cut(x: int, run: int) -> bool:
        if x in resolved and x != j - 1:
            # (a generation stopped there: cut, wherever it stops, if still open and
            # the copy goes on from its very characters, "| Amazon Bedrock Agents" is
            # no cut "**Amazon Bedrock Agents** は…", as no other text does: of two
            # look-alike entries, "- [2026年…RNGD" | "- [2026年…RNGD…の転換]" and
            # "- [2026年…RNGD…の未来]", either may be the one it was cut from)
            cut_text = SPACE_RUN.sub(" ", text[units[x].start : units[x].end])

            def goes_on(y: int) -> bool:
                return views[y].startswith(views[x]) and SPACE_RUN.sub(
                    " ", text[units[y].start : units[y].end]
                ).startswith(cut_text)

            # (a cut of a few words, "There are", goes on in many sentences: the
            # copy's place decides, if the piece after the marker met it by chance)
            if not goes_on(j + x - i):
                return False
            by_chance = met_by_chance(x)
            return (
                by_chance
                or len({views[y] for y in range(x + 1, min(len(units), x + _NEAR)) if goes_on(y)})
                == 1
            ) and left_open(x, by_chance)
        if x in known_cuts:
            return True  # a unit a restart split off already was cut ("- “What")
        if BLANK_LINE.search(text, units[x].end, units[x + 1].start) is None:
            # a generation stops at a piece's end, and a blank line follows it: a unit
            # the next line of its block goes on from was not cut ("- https://…/manual/"
            # before "- https://…/manual/libtasn1.html")
            return False
        if _completes_cut(text, units, x, j + x - i):
            return True
        # An unterminated unit that the copy extends after a long enough run is
        # cut too, though it is not plain prose, if it is the unit right before
        # the restart ("…](https://…/14683)," | "`Enumerator::Lazy#eager`") or
        # its end cannot finish anything ("SHA512:").
        u = units[x]
        unit_text = text[u.start : u.end]
        # A heading counts only right before the restart ("### [生" | "### [生成AI白書]").
        return (
            # (the script read in the cut and in the copy's completion of it:
            # "`useInsertionEffect`" | "`useInsertionEffect` 旨在供库使用…")
            run + len(views[x]) >= _min_run(views[x] + views[j + x - i])
            and (
                u.kind in ("sentence", "list_item", "table_row")
                or (u.kind == "heading" and x == j - 1)
                # (an indented code block whose restart lost its indentation and reads
                # as prose: "\tvar supported = …  //" | "var supported = … // zh-Hans")
                or (u.kind == "code" and x == j - 1 and units[j].kind != "code")
            )
            and not is_complete(unit_text)
            # (right before the restart, but for lines without a word, "- [JavaScript
            # Primer -" "-->" | …; or where nothing ends: "SHA512:")
            and (
                all(_wordless(text, units[y]) for y in range(x + 1, j))
                or OPEN_END.search(unit_text) is not None
            )
            # (a reference to a link defined below is an entry: "- [`Ordering::is_eq`]"
            # before "[`Ordering::is_eq`]: https://…")
            and _REFERENCE_ENTRY.fullmatch(LIST_BULLET.sub("", unit_text, count=1)) is None
        )

    # a heading cut right before its restart counts too ("### Differ" / "### Differences")
    cut_heading = (
        i == j - 1
        and units[i].kind == units[j].kind == "heading"
        and len(views[j]) > len(views[i]) >= _RESTART_KEY
    )
    # A long list item ending its paragraph, then the same item again going on
    # ("* The default encoding … [#6679]." | "* The default encoding … [#6679].
    #   Some people report …"): the copy re-opens it, as a restart re-opens a sentence.
    # (a short one too, if the same item ended a piece before: two generations
    # stopped after its first sentence, "* 添加选择性激活。", and this one goes on)
    # A sentence ending its paragraph is re-opened the same way, character for
    # character ("…but which\nare written in C." | "These are\nmodules … written in
    # C. In this way, …"); a summary line that a longer one rewords is not ("Rule
    # variable to link an executable." / "Rule variable to link an executable for …").
    reopened = _label_reopened(text, units, i, j) or (
        i == j - 1
        and units[i].kind == units[j].kind
        and (
            units[i].kind == "list_item"
            or (units[i].kind == "sentence" and _opens_with_unit(text, units, views, i, j))
        )
        and (
            # (half as long in a script without spaces: "* 添加 `useId` 用于生成唯一 ID。")
            len(views[i]) >= _min_restated_run(text[units[i].start : units[i].end])
            or _ended_a_piece(text, units, i, split_ends | resolved)
        )
        and BLANK_LINE.search(text, units[i].end, units[j].start) is not None
    )
    if (
        views[i] != views[j]
        and not (
            (views[j].startswith(views[i]) and (cut(i, 0) or cut_heading or reopened))
            # (a drifted first unit, unless it is only a link: look-alike entries of a
            # list, "…/ruby-2.0.0-p594.tar.gz" / "…/ruby-2.0.0-p594.tar.xz", are no copies)
            or (
                _drifted(views[i], views[j])
                and not _link_entry(text[units[j].start : units[j].end])
            )
            or _ordinal_dropped(text, units, views, i, j)
            or _glued_tail(text, units, views, i, j)
            # (or a long copy of it, character for character, cut itself: a header
            # restated from the top stopped inside it, "PEP: 731 … `23-May-2024")
            or (
                len(views[j]) >= _MIN_VERBATIM_RUN
                and _opens_with_unit(text, units, views, j, i)
                and _cut_unit(text, units[j])
            )
        )
    ):
        return _Copy(0, 0, True, False)  # the copy must begin with the same unit (or complete it)
    k = 0
    run = 0
    exact = True
    completes = False
    stopped = False
    while i + k < j and j + k < len(units):
        a, b = views[i + k], views[j + k]
        code_a, code_b = _code(text, units[i + k]), _code(text, units[j + k])
        names_a, names_b = _symbol_names(text, units[i + k]), _symbol_names(text, units[j + k])
        shared = min(len(names_a), len(names_b))
        if names_a[:shared] != names_b[:shared] or (a == b and names_a != names_b):
            # "### Similarities with C" is not "### Similarities with C++" (a cut unit's
            # completion may add a name: "…execute much more" | "… than C or C++ code.")
            break
        if code_a != code_b and not (
            # (a cut unit's code may stop short, and so may a cut copy's, inside its last
            # code: "… // sr (defaults to Cyrillic" | "… // sr (defaults to Cyrillic script)")
            (b.startswith(a) and _code_stops_short(code_a, code_b))
            or (a.startswith(b) and _code_stops_short(code_b, code_a))
            # (an indented block restarted without its indentation reads as prose)
            or (b.startswith(a) and units[i + k].kind == "code" and units[j + k].kind != "code")
        ):
            break  # code is restated character for character or it is other code
        if (
            _heading_mark(text, units[i + k]) != _heading_mark(text, units[j + k])
            and (
                units[i + k].kind == units[j + k].kind
                or not _same_text(text, units[i + k], units[j + k])
            )
            # (a bold label cut right before the copy, which opens its paragraph with
            # it: "**概要:**" | "**概要:** 製造業が…")
            and not (i + k == j - 1 and _label_opens(text, units[i + k], units[j + k]))
            # (nor a bold heading cut before its closing mark, which reads as a sentence:
            # "**来自 … 团" | "**来自 … 团队的演讲**：")
            and not (i + k == j - 1 and _bold_cut(text, units[i + k], units[j + k]))
        ):
            # A heading is restated at its own level ("## Upgrading" / "### Upgrading
            # …"), and a sentence beginning with a heading's words goes on from no cut
            # ("### When `x` is a function" / "When `x` is a function, it …"); a bold
            # line may open the next paragraph, itself and in bold ("**It's complicated.**").
            break
        if (
            a == b
            and _stop_added(text, units[i + k], units[j + k])
            and cut(i + k, run)
            and j + k + 1 < len(units)
            and units[i + k].kind == units[j + k + 1].kind in ("sentence", "list_item")
            and (
                BLANK_LINE.search(text, units[j + k].end, units[j + k + 1].start) is None
                # (a loose list goes on after a blank line, if its items end with a
                # stop: "- 了解 `strace` …（`-p`）" | "- 了解 … （`-p`）。" "- 了解使用 `ldd` …")
                or (
                    _item_before(text, units, j + k + 1, loose=True) is not None
                    and (before := _item_before(text, units, i + k, loose=True)) is not None
                    and is_complete(text[before.start : before.end])
                )
            )
        ):
            # the same words finished with a stop, and the copy's paragraph (or list)
            # goes on where the original's ended: it was cut right before the stop
            # ("…向上させた例も ある" | "…向上させた例もある。AlphaGeometry 2が…"; "* …
            # [cite: 参照データ]）" | "* …[cite: 参照データ]）。" "* **オープンソース…")
            run += len(a)
            k += 1
            exact = False
            completes = True
            break
        if (
            k == 0
            and i == j - 1
            and units[i].kind == units[j].kind == "heading"
            and len(a) >= _RESTART_KEY
            and _stop_added(text, units[i], units[j])
        ):
            # a heading written again right after it with the stop it was cut before
            # ("## (3) テストはやりやすくなった" | "## (3) テストはやりやすくなった？")
            run += len(a)
            k += 1
            exact = False
            completes = True
            break
        if a == b and _bracket_closed(text, units[i + k], units[j + k]):
            # the same words with the markup closed: the original was cut inside it
            # ("{% endif" | "{% endif %}")
            run += len(a)
            k += 1
            exact = False
            completes = True
            break
        if a == b or (k == 0 and _ordinal_dropped(text, units, views, i, j)):
            run += len(b)
            if code_a != code_b:
                exact = False  # (an indented block restated without its indentation)
        elif k == 0 and _glued_tail(text, units, views, i, j):
            run += len(b)
            exact = False  # (the copy breaks where the original was joined)
        elif (
            b.startswith(a)
            and goes_on_from(
                text[units[i + k].start : units[i + k].end],
                text[units[j + k].start : units[j + k].end],
                _unstopped_list(text, units, i + k, loose=True),
            )
            and (
                cut(i + k, run)
                or (k == 0 and (cut_heading or reopened))
                # everything up to the restart restated, and the unit right before it goes
                # on in the copy: it was cut where it only looked finished ("… in the U.S."
                # | "… in the U.S. government, with …"; "* Range" and its item "… is not
                # iterable." | the same, "… is not iterable. [[Misc #18984]]")
                # (or one that ended a piece split off here, a redundant copy ending
                # alike between: "… single vendor." | copy "… single vendor." | "…
                # single vendor. Open source prevents …")
                or (
                    (i + k == j - 1 or (i + k in split_ends and views[j - 1] == a))
                    and (
                        run >= _MIN_TRUNCATED_RUN
                        # (half as long in a script without spaces: "* Module" "    * 新增
                        # Module.used_refinements 。" | "* Module" "    * 新增 … 。 [[Feature
                        # #14332]]")
                        or (
                            run > 0
                            and run + len(a)
                            >= 2 * _min_restated_run(text[units[i + k].start : units[i + k].end])
                        )
                    )
                    and units[i + k].kind == units[j + k].kind
                )
            )
        ):
            run += len(a)  # the original was cut here; the copy completes it
            k += 1
            exact = False
            completes = len(b) > len(a)
            break
        elif (
            a.startswith(b)
            and (
                # (two characters will do inside the very unit cut before the copy: the
                # copy stopped short of that cut, "…名为 `main`" | "```rust…```" "…这里第")
                (_cut_unit(text, units[j + k]) and len(b) >= (2 if i + k == j - 1 else 4))
                # (or, after a long verbatim run, a tag the copy leaves open: '<video
                # autoplay="autoplay"' of '<video …>…</video>')
                or (
                    exact
                    and run >= _MIN_VERBATIM_RUN
                    and units[j + k].kind == "sentence"
                    and _OPEN_TAG_END.search(text[units[j + k].start : units[j + k].end])
                    is not None
                )
                # (or inside a word of the heading right before the restart, which the
                # original finished: "## (4) ピンチポイント…？" | copy … "## (4) ピン")
                # (anywhere after a long verbatim run: "### 隐" of "### 隐藏内容")
                or (
                    (i + k == j - 1 or (exact and run >= _MIN_VERBATIM_RUN))
                    and _heading_cut_in_word(text, units[j + k], units[i + k])
                )
                # (a heading stopped before its anchor: "## React 开发者工具" of "## React 开发
                # 者工具 {/*react-developer-tooling*/}")
                or _anchor_dropped(text, units[i + k], units[j + k])
                # (after a long verbatim run, a stub of a word or two: "See" of "See
                # [ChangeLog](…) for details.")
                or (
                    exact
                    and run >= _MIN_VERBATIM_RUN
                    and _word_stub(text, units[i + k], units[j + k])
                )
                # (or a long unit stopped where nothing ends, the original going on: "… You
                # should be aware:" of "… aware: \"DO NOT COPY .so OR .bundle FILES\".")
                or (
                    exact
                    and run >= _MIN_VERBATIM_RUN
                    and len(b) >= _MIN_VERBATIM_RUN
                    and OPEN_END.search(text, units[j + k].start, units[j + k].end) is not None
                )
                # (or a long copy, character for character, stopping inside the sentence
                # the original finishes, after a closing bracket that hides the cut:
                # "… (またの名を[ぼっちオペレータ](…))" of "… (…))が導入されました。")
                or (
                    exact
                    and len(b) >= _MIN_RESTATED_RUN
                    and _stops_inside(text, units[i + k], units[j + k])
                )
            )
        ):
            run += len(b)  # the copy itself was cut (a redundant piece)
            k += 1
            stopped = True
            break
        elif _drifted(a, b) and not _reference(text, units[j + k]):
            run += len(a)  # drift: a few characters, never a different number
            exact = False
        else:
            break
        k += 1
    return _Copy(k, run, exact, completes, stopped)


def _anchor_dropped(text: str, original: Unit, copy: Unit) -> bool:
    """Whether heading ``copy`` is heading ``original`` without its closing anchor."""
    whole = text[original.start : original.end]
    stub = text[copy.start : copy.end].rstrip()
    return (
        original.kind == copy.kind == "heading"
        and whole.startswith(stub)
        and HEADING_ANCHOR.fullmatch(whole[len(stub) :].strip()) is not None
    )


def _ended_a_piece(text: str, units: list[Unit], x: int, ends: AbstractSet[int]) -> bool:
    """Whether the text of unit ``x`` ended a piece before, word for word (``ends``:
    units ending a piece): a generation stopped after it there too."""
    return any(y < x and _same_text(text, units[y], units[x]) for y in ends)


def _bold_cut(text: str, cut: Unit, heading: Unit) -> bool:
    """Whether ``cut`` is the bold line ``heading`` cut before its closing mark: a
    sentence opening with the one ``**`` it has ("**来自 Relay、React Native 和 PyTorch
    团" / "**来自 Relay、React Native 和 PyTorch 团队的演讲**："), or a list item
    likewise, written again with its bullet or without it ("*   **対策" / "*   **対策**:",
    "2.  **パーソナライズされ" / "**パーソナライズされた体験と没入感の向上:**")."""
    cut_text = text[cut.start : cut.end]
    if cut.kind == "list_item":
        body = LIST_BULLET.sub("", cut_text, count=1)
        again = cut_text if heading.kind == "list_item" else body
        return (
            body.startswith("**")
            and body.count("**") == 1
            and text.startswith(again, heading.start)
            and text.count("**", heading.start, heading.end) >= 2
        )
    return (
        cut.kind == "sentence"
        and _heading_mark(text, heading) == "**"
        and text.startswith("**", cut.start)
        and text.count("**", cut.start, cut.end) == 1
    )


def _label_reopened(text: str, units: list[Unit], i: int, j: int) -> bool:
    """Whether unit ``i``, a bold label standing alone as a paragraph, opens the paragraph
    right after it ("**Noon:**" | "**Noon:** After a busy morning, …"): a label goes on
    in its line, so a generation stopped after it."""
    return (
        i == j - 1
        and BLANK_LINE.search(text, units[i].end, units[j].start) is not None
        and _label_opens(text, units[i], units[j])
    )


def _label_opens(text: str, label: Unit, unit: Unit) -> bool:
    """Whether ``label`` is a bold label ("**概要:**") that ``unit`` opens with."""
    label_text = text[label.start : label.end]
    return _BOLD_LABEL.fullmatch(label_text) is not None and text.startswith(
        label_text + " ", unit.start
    )


def _ordinal_dropped(text: str, units: list[Unit], views: list[str], x: int, y: int) -> bool:
    """Whether unit ``y`` is item ``x`` of a numbered list written again as a
    sentence, without its number ("2. The project's repository is moving …" / "The
    project's repository is moving …")."""
    prefix = len(views[x]) - len(views[y])
    return (
        units[x].kind == "list_item"
        and units[y].kind == "sentence"
        and prefix > 0
        and views[x][:prefix].isdigit()
        and views[x].endswith(views[y])
        and LIST_BULLET.match(text, units[x].start) is not None
    )


# a sentence's stop with the next sentence glued to it: "…dependencies.Please"
_GLUED_STOP = regex.compile(r"[.!?][\"'”’)\]*_]*(?=\p{Lu})")


def _glued_tail(text: str, units: list[Unit], views: list[str], x: int, y: int) -> bool:
    """Whether unit ``y`` restates, up to drift, the end of unit ``x`` after a stop
    the next sentence is glued to: ``x`` is from a copy whose paragraphs were joined
    without a separator ("…dependencies.Please continue …" / "Please continue …").

    >>> t = "Keep going.Please read on now, friends.\\n\\nPlease read on now, friends."
    >>> units = split_units(t)
    >>> views = [build_view(t[u.start : u.end]).chars for u in units]
    >>> _glued_tail(t, units, views, 0, 1)
    True
    """
    if len(views[x]) <= len(views[y]) or units[y].kind not in ("sentence", "list_item"):
        return False
    u = units[x]
    for stop in _GLUED_STOP.finditer(text, u.start, u.end):
        rest = build_view(text[stop.end() : u.end]).chars
        if rest == views[y] or _drifted(rest, views[y]):
            return True
    return False


def _bracket_closed(text: str, original: Unit, copy: Unit) -> bool:
    """Whether ``copy`` is ``original``, which ends its paragraph leaving a bracket,
    a tag or a table row open, with more after it (the view, without markup, is the
    same: "| Symbol | 変換されない" | "| Symbol | 変換されない |")."""
    cut = text[original.start : original.end]
    return (
        copy.end - copy.start > len(cut)
        and text.startswith(cut, copy.start)
        and (
            unbalanced(cut)
            or open_row(cut)
            # (or cut after a cell: "| RegExp |" | "| RegExp | {} |")
            or (
                original.kind == copy.kind == "table_row"
                and row_cells(cut) < row_cells(text[copy.start : copy.end])
            )
        )
        and _BLANK_AFTER.match(text, original.end) is not None
    )


def _word_stub(text: str, original: Unit, copy: Unit) -> bool:
    """Whether sentence ``copy`` is the first words of sentence ``original``, cut
    between two words."""
    stub = text[copy.start : copy.end].rstrip()
    return (
        original.kind == copy.kind == "sentence"
        and len(stub) >= 2
        # (a word, not a label: "> Stability: 0 - Deprecated:" ends no cut sentence)
        and _WORD_END.search(stub) is not None
        and text.startswith(stub + " ", original.start)
    )


def _stops_inside(text: str, original: Unit, copy: Unit) -> bool:
    """Whether sentence or item ``copy`` is ``original`` character for character up
    to a point inside it, where the copy stops unfinished and the original goes on to
    its terminator, or to close the link or bracket the copy leaves open ("* [….tar.gz](
    https://cache.ruby-lang.o")."""
    whole = SPACE_RUN.sub(" ", text[original.start : original.end].rstrip())
    stub = SPACE_RUN.sub(" ", text[copy.start : copy.end].rstrip())
    return (
        original.kind == copy.kind
        and copy.kind in ("sentence", "list_item")
        and len(stub) < len(whole)
        and whole.startswith(stub)
        and not is_complete(stub)
        # (after a word or a closing bracket: not a label, which may stand alone, "> Stability:
        # 0 - Deprecated:", nor a heading's underline joined to its section, "…\n'''''")
        and (stub[-1:].isalnum() or stub.endswith((")", "]", "）")))
        # (not inside a tag: look-alike HTML blocks begin alike, "<div …>\n  <input
        # type="checkbox"" / "<div …>\n  <input … id="cbox16" …>\n  <label …>Are …?")
        and stub.rfind("<") <= stub.rfind(">")
        and (is_complete(whole) or _closes_link(stub, whole))
    )


def _closes_link(stub: str, whole: str) -> bool:
    """Whether ``whole`` closes every bracket of a link that ``stub`` leaves open."""
    return any(stub.count(o) > stub.count(c) for o, c in ("[]", "()")) and all(
        whole.count(o) == whole.count(c) for o, c in ("[]", "()")
    )


def _stop_added(text: str, original: Unit, copy: Unit, *, colon: bool = False) -> bool:
    """Whether ``copy`` is ``original`` again with only a full stop (or, ``colon``, a
    colon) added, in a script without spaces (English documentation varies its stops:
    "… as little-endian" / "… as little-endian.")."""
    cut = text[original.start : original.end].rstrip()
    added = text[copy.start + len(cut) : copy.end].rstrip()
    return (
        has_no_space_script(cut)
        and text.startswith(cut, copy.start)
        and not is_complete(cut)
        and (_STOP_AT.fullmatch(added) is not None or (colon and added in ("：", ":")))
    )


def _code(text: str, u: Unit) -> list[str]:
    """The code in unit ``u``: a code block's text, or the unit's code spans, each with
    its spaces collapsed. The comparison view drops punctuation, so two option names
    read alike there (``init-author-name`` / ``init.author.name``); code that differs
    in a character is other code, never a drifted copy (drift touches prose only).

    >>> t = "Alias for `--init-author-name` and `a`."
    >>> _code(t, split_units(t)[0])
    ['--init-author-name', 'a']
    """
    unit_text = text[u.start : u.end]
    if u.kind == "code":
        return [SPACE_RUN.sub(" ", unit_text).strip()]
    return [SPACE_RUN.sub(" ", m.group(2)).strip() for m in CODE_SPAN.finditer(unit_text)]


def _code_stops_short(cut: list[str], whole: list[str]) -> bool:
    """Whether the code ``cut`` (see :func:`_code`) is ``whole`` stopped short: the same
    code up to its last piece, which ``whole``'s piece begins with, character for
    character.

    >>> _code_stops_short(["a", "b(c"], ["a", "b(cd)", "e"])
    True
    >>> _code_stops_short(["a", "x"], ["a", "b"])
    False
    """
    if not cut:
        return True
    n = len(cut)
    return len(whole) >= n and whole[: n - 1] == cut[:-1] and whole[n - 1].startswith(cut[-1])


_HEADING_MARK = regex.compile(r"\s*(#{1,6}|\*\*|__)")


def _heading_written_whole_later(text: str, units: list[Unit], x: int) -> bool:
    """Whether heading ``x`` is cut short: a heading further on begins with its text
    and goes on ("### オ" before "### オブジェクトをJSON文字列に変換する")."""
    if units[x].kind != "heading":
        return False
    stub = text[units[x].start : units[x].end].rstrip()
    return any(
        units[y].kind == "heading"
        and units[y].end - units[y].start > len(stub)
        and text.startswith(stub, units[y].start)
        for y in range(x + 1, min(len(units), x + _NEAR))
    )


def _heading_cut_in_word(text: str, stub: Unit, whole: Unit) -> bool:
    """Whether heading ``whole`` writes heading ``stub`` out, which stops inside a
    word of it ("## 单" / "## 单行脚本", "### Inst" / "### Install"; not "## Install" /
    "## Install from source", a heading of its own).

    >>> t = "## Inst\\n\\n## Install\\n\\n## Install it"
    >>> a, b, c = split_units(t)
    >>> _heading_cut_in_word(t, a, b), _heading_cut_in_word(t, b, c)
    (True, False)
    """
    cut = text[stub.start : stub.end].rstrip()
    return (
        stub.kind == whole.kind == "heading"
        and whole.end - whole.start > len(cut)
        and text.startswith(cut, whole.start)
        and _WORD_END.search(cut) is not None
        and _WORD_START.match(text, whole.start + len(cut)) is not None
    )


def _heading_after_completes(text: str, units: list[Unit], j: int) -> bool:
    """Whether the unit before ``j`` is a heading cut in a word that the heading right
    after the sentences from ``j`` on writes out ("## 使" "> 一旦…" "…变成平台。" | "##
    使用机器人")."""
    y = j + 1
    while y < len(units) and units[y].kind == "sentence":
        y += 1
    return j > 0 and y < len(units) and _heading_cut_in_word(text, units[j - 1], units[y])


def _heading_mark(text: str, u: Unit) -> str:
    """What makes unit ``u`` a heading, its level: ``##`` or ``**``; empty for
    other units.

    >>> t = "## Upgrading\\n\\nIntro.\\n\\n**Change history:**"
    >>> [_heading_mark(t, u) for u in split_units(t)]
    ['##', '', '**']
    """
    if u.kind != "heading":
        return ""
    unit_text = text[u.start : u.end]
    mark = _HEADING_MARK.match(unit_text)
    return mark.group(1) if mark else ""


def _reference(text: str, u: Unit) -> bool:
    """Whether unit ``u`` is a reference: a link definition or an entry that is one
    link. Two such lines that differ in a few characters are look-alike entries of a
    list ("[`Ordering::is_ge`]: …#method.is_ge" / "[`Ordering::is_le`]: …#method.is_le"),
    never a drifted copy of each other.

    >>> t = "[`Ordering::is_le`]: https://doc.rust-lang.org/std/cmp/enum.Ordering.html"
    >>> _reference(t, split_units(t)[0])
    True
    """
    unit_text = text[u.start : u.end]
    return _LINK_DEFINITION.match(unit_text) is not None or _link_entry(unit_text)


def _link_entry(unit_text: str) -> bool:
    """Whether a unit is one link or code span (a list entry), not a sentence."""
    return _INLINE_TAIL.fullmatch(LIST_BULLET.sub("", unit_text.rstrip(), count=1)) is not None


_SYMBOL_NAME = regex.compile(r"(?<![\p{L}\p{N}])[\p{L}\p{N}]++[+#]+(?![\p{L}\p{N}])")  # "C++"


def _symbol_names(text: str, u: Unit) -> list[str]:
    """The names in unit ``u`` that end in symbols, which the comparison view drops:
    "C" and "C++" read alike there, but name other things.

    >>> t = "As with C, in Ruby. As with C++, in Ruby."
    >>> [_symbol_names(t, u) for u in split_units(t)]
    [[], ['C++']]
    """
    unit_text = text[u.start : u.end]
    if "+" not in unit_text and "#" not in unit_text:
        return []  # (most units: the scan is skipped)
    names: list[str] = _SYMBOL_NAME.findall(unit_text)
    return names


def _same_text(text: str, a: Unit, b: Unit) -> bool:
    """Whether units ``a`` and ``b`` read the same, ends of lines aside."""
    return text[a.start : a.end].strip() == text[b.start : b.end].strip()


def _inside_copy(views: list[str], resolved: AbstractSet[int], i: int, j: int) -> bool:
    """Whether unit ``j``, like unit ``i``, follows a copy already running: the unit
    before ``j`` is a cut that ended a piece before a marker and the marked piece's
    resumption of it, written as one ("## Why use sampling and" | marker | "surveys?"
    is copied "## Why use sampling and surveys?"). A cut the copy completes further
    on is no evidence of a restart there: the copy began where the generation went back.

    >>> views = ["whyusesamplingand", "surveys", "onetuses", "whyusesamplingandsurveys", "onetuses"]
    >>> _inside_copy(views, {0}, 2, 4)
    True
    """
    return (
        i >= 2
        and i - 2 in resolved
        and views[j - 1] == views[i - 2] + views[i - 1]
        and len(views[i - 1]) >= 4
    )


def _ends_alike(text: str, a: Unit, b: Unit) -> bool:
    """Whether units ``a`` and ``b`` end the same way up to drift, over the shorter's
    length (a drifted copy may split its sentences differently)."""
    n = min(a.end - a.start, b.end - b.start)
    return _close(text[a.end - n : a.end], text[b.end - n : b.end])


def _stands_before(text: str, units: list[Unit], x: int, limit: int) -> bool:
    """Whether unit ``x``'s text stands, word for word, as a unit before ``limit``."""
    return any(_same_text(text, u, units[x]) for u in units[:limit])


def _drifted(original: str, copy: str) -> bool:
    """Whether a unit of a copy restates the original with a few characters changed,
    never a different number."""
    return ratio(original, copy) >= 94 and _DIGITS.findall(original) == _DIGITS.findall(copy)


def _ends_unfinished(text: str, units: list[Unit], x: int) -> bool:
    """Whether unit ``x`` is left unfinished: a cut sentence or item (:func:`_cut_unit`),
    a table row short of cells (:func:`_cut_row`), or a link, a tag or a bracket left
    open, a CJK character alone, an item without the stop its list has, or a paragraph of
    one word that only opens sentences."""
    u = units[x]
    body = text[u.start : u.end]
    if u.kind == "list_item":
        body = LIST_BULLET.sub("", body, count=1)
    # (one CJK character alone: "## 使用情况\n\n人" | "每个包管理工具…", or as a list
    # item: "- 代" | "我们的 `grep` 项目…：" "- 代" | "- 代码组织…")
    lone_char = u.kind in ("sentence", "list_item") and _LONE_CJK.fullmatch(body) is not None
    # (a tag left open, which nothing ends: "</div>" "<div" | "完整…"; not a
    # bracket alone, "<  Returns {expr1}, …" in a help file)
    # (or a bold line cut before its closing mark: "**条" | a table | "**条件4：…**"; or
    # an inline element opening the line and never closed: '<span class="filename">文件
    # 名：' of '<span class="filename">文件名：src/main.rs</span>')
    # (a list item cut inside its bold label too: "* **Give" | … "* **Give the person …**")
    open_markup = _bold_label_cut(text, u) or (
        u.kind == "sentence"
        and (
            _OPEN_TAG_END.search(body) is not None
            or open_bold(body)
            or ((tag := _INLINE_TAG_OPENS.match(body)) is not None and f"</{tag[1]}" not in body)
            # (or alone: '<span class="caption">' of '…>示例 6-6：…</span>'; not an anchor,
            # '<a name="top">', which stands alone)
            or _INLINE_TAG_ALONE.fullmatch(body) is not None
        )
    )
    return (
        _cut_unit(text, u)
        # (a table row short of the cells of the row before it: "[pangu.py](https://githu")
        or (u.kind == "table_row" and _cut_row(text, units, x))
        or _opening_word(text, u)
        or _left_open(text, units, x)
        or lone_char
        or open_markup
        or _stopless_item(text, units, x)
    )


def _reopens_paragraph(text: str, units: list[Unit], j: int, k: int) -> bool:
    """Whether the ``k`` units from ``j``, a copy of the ``k`` right before them, end
    by re-opening the paragraph the copied text ends: its last sentence, finished and
    followed by a blank line there, goes on in its paragraph in the copy ("```python
    …```" "### 解説" "…だけにすることができる。" | the same, then "符号は逆になるが…" on
    the next line). A generation stopped after that sentence. Likewise a list that goes
    on in the copy with items of its own ("- 見た目のテスト …" "- regcap、 regcli ??" |
    the same, then "- 自動テストツール …")."""
    return (
        j + k < len(units)
        and units[j + k - 1].kind == units[j + k].kind
        and (
            units[j + k].kind == "list_item"
            or (
                units[j + k].kind == "sentence"
                and is_complete(text[units[j - 1].start : units[j - 1].end])
            )
        )
        and BLANK_LINE.search(text, units[j - 1].end, units[j].start) is not None
        and BLANK_LINE.search(text, units[j + k - 1].end, units[j + k].start) is None
    )


def _is_restart(
    text: str,
    units: list[Unit],
    i: int,
    j: int,
    copy: _Copy,
    piece_ends: AbstractSet[int] = frozenset(),
    split_ends: AbstractSet[int] = frozenset(),
) -> bool:
    """Whether the copy of ``k`` units from ``i`` at ``j`` is a restart.

    See :func:`_restart_points` for the evidence looked for. ``piece_ends`` are units
    that end a piece before a marker, ``split_ends`` those that end a piece split off
    at a restart found already.
    """

    k, run, exact, completes, stopped = copy
    if k == 1 and completes and _label_reopened(text, units, i, j):
        return True  # (however short the label: the copy goes on in its line)
    # (the script is read at the restart and in the unit before it: a copy may open
    # with code, "就" | "```rust …```")
    min_run = _min_run(
        text[units[j - 1].start : units[j - 1].end][-_RESTART_KEY:]
        + text[units[j].start : units[j].start + _RESTART_KEY * 4]
    )
    scale = min_run / _MIN_TRUNCATED_RUN  # (runs below are half as long there, too)
    if (
        completes
        # (or everything from a title on up to it: "Operations and process" "---" "The"
        # | "Operations and process" "---" "The working group has …")
        and (i == j - 1 or i + k == j)
        and (run >= _RESTART_KEY or _ended_a_piece(text, units, i, piece_ends | split_ends))
    ):
        return True  # the unit right before is restarted and completed at once
    if (
        completes
        and run >= min_run
        # (not a line the text says again and again, written whole further on, the
        # copy ending with it: a label cut by a redundant piece, "<span …>文件名：" |
        # "如果我们…" | "<span …>文件名：src/main.rs</span>", stands whole before too)
        and not (
            k == 1
            and any(_same_text(text, units[y], units[j]) for y in range(max(0, i - _NEAR), i))
        )
    ):
        return True  # the copy finishes a sentence the original left cut: a restart
    # A cut sentence restarted right away needs only a short run (it is the
    # evidence itself); a restart further back needs a longer copied run, and an
    # item of a list whose items all go without a stop is no cut ("- improving Python").
    if (
        _ends_unfinished(text, units, j - 1)
        # (a generation stops at a piece's end: the next begins after a blank line, not
        # on the next line of a tight list, "* `obj` {Object} The object to serialize")
        and BLANK_LINE.search(text, units[j - 1].end, units[j].start) is not None
        # (the same unit stands before the copied text, finished there: an entry said
        # again with what follows it, "* `servers` {string[]} …" before one description)
        and not (i > 0 and _same_text(text, units[i - 1], units[j - 1]))
        and (
            run >= _MIN_RESTATED_RUN // 2
            if i == j - 1
            # (half as long in a script without spaces: "我们的 `grep` 项目将会结合之前所
            # 学的一些概念：" "- 代" restated after the cut "- 代")
            else run >= min_run
            and not _unstopped_list(text, units, j - 1)
            # (an item ending in a code span is an entry, unless the item before it
            # ends with a stop)
            and (
                not _entry(text, units[j - 1], k if j + k < len(units) else None)
                or _stopless_item(text, units, j - 1)
            )
        )
    ):
        return True
    end = i + k - 1
    if (
        # (a piece split off here: a copy of more than its last unit, which may be
        # only an echo, "…思っています。" | "私は…思っています。")
        (end in piece_ends or (end in split_ends and k >= 2))
        and j + k < len(units)
        # (not a whole paragraph restated as one: a boilerplate paragraph or a
        # refrain that ends a piece may stand again later as a paragraph of its own;
        # and what follows is new: a refrain goes on with more of itself. Several
        # paragraphs restated up to the end of a piece split off at a restart are a
        # generation's, "## M:N 线程调度器 …" up to "…原生线程。"; before a marker they
        # may be a changelog's section said again, "### Fixed" and its items)
        and not (
            (i == 0 or BLANK_LINE.search(text, units[i - 1].end, units[i].start) is not None)
            and BLANK_LINE.search(text, units[j + k - 1].end, units[j + k].start) is not None
            and (
                end in piece_ends or BLANK_LINE.search(text, units[i].end, units[end].start) is None
            )
        )
        and not (end in piece_ends and _stands_before(text, units, j + k, j))
        and run >= min_run
        and is_complete(text[units[end].start : units[end].end])
    ):
        # The copy runs up to where a piece stopped, finished, and goes on with
        # text of its own: it restarts that piece's end (a generation's last words,
        # shown after a piece that came later, or restated across a later restart).
        # A cut end before a marker is resumed by the marked piece after it, so a
        # copy completing it is no such evidence.
        return True
    if (
        stopped
        and k >= 2
        and run >= _MIN_VERBATIM_RUN
        and j + k < len(units)
        and j + k - 1 not in piece_ends  # (a cut before a marker: the next piece resumes it)
        # (or an item of a list the original goes on with, "- いまはヘッドレス" of
        # "- いまはヘッドレスブラウザも使える": list items go without a stop)
        and (
            is_complete(text[units[i + k - 1].start : units[i + k - 1].end])
            # (headings go without a stop too: "## React 开发者工具" of "## React 开发者
            # 工具 {/*react-developer-tooling*/}"; and elements: "<video …>…</video>")
            or units[i + k - 1].kind in ("list_item", "heading")
            or _CLOSING_TAG_END.search(text[units[i + k - 1].start : units[i + k - 1].end])
            is not None
        )
        and "\n" in text[units[j + k - 1].end : units[j + k].start]
    ):
        # Finished text restated up to where the copy stops in the middle of a
        # sentence the original finishes: a generation that stopped there (a
        # redundant piece), not the article quoting itself. (A few drifted words do
        # not make it a quotation: a quotation is word for word, a regeneration drifts.)
        return True
    if (
        exact
        and run >= _MIN_LONG_COPY
        and k >= _MIN_LONG_COPY_UNITS
        and not mostly_code(text, units[j : j + k])
    ):
        # Whole sections restated word for word are a regeneration, wherever the copy
        # stops (an article does not quote a thousand characters of its prose; a
        # reference restates parameter lists, examples and change tables).
        return True
    if (
        run >= _MIN_TRUNCATED_RUN
        and j + k < len(units)
        and _heading_cut_in_word(text, units[j - 1], units[j + k])
    ):
        # a heading cut inside a word, a copy of earlier text, then the heading whole:
        # a redundant piece shown between the cut and its restart ("## 单" | "- 关于…"
        # "- 查看…" | "## 单行脚本")
        return True
    if i + k != j:
        return False  # not a tandem copy: a passage quoted again later, not a restart
    if stopped and run >= _RESTART_KEY and _ends_unfinished(text, units, j - 1):
        # everything up to a cut restated, stopping inside the cut unit again: a
        # redundant piece cut sooner ("## 致谢" "感谢…的工" | "## 致谢" "感谢")
        return True
    last = text[units[j - 1].start : units[j - 1].end]
    if (
        run >= _MIN_TRUNCATED_RUN
        and not is_complete(last)
        and (OPEN_END.search(last) or _heading_written_whole_later(text, units, j - 1))
    ):
        # everything up to an end that cannot finish anything ("SHA512:"), or up to a
        # heading cut short ("### オ" of "### オブジェクトを…"), is restated right after
        # it: a redundant piece cut where the text was
        return True

    def breaks(first: int, count: int) -> list[bool]:
        return [
            "\n" in text[units[x].end : units[x + 1].start]
            for x in range(first, min(first + count, len(units) - 1))
        ]

    if k == 1:
        if i == j - 1 and run >= _RESTART_KEY and _stop_added(text, units[i], units[j], colon=True):
            # the sentence right before, said again with the stop or colon it was cut
            # before ("…用来检查州的“年龄”" | "…用来检查州的“年龄”：" | code): a restart
            return True

        # "…でしょうか？\n\n" then "…でしょうか？ この問いは…": the copy re-opens the
        # last sentence and goes on in the same paragraph.
        # (a blank line, not any newline: list items go on line by line)
        def blank_after(x: int) -> bool:
            return (
                x + 1 < len(units)
                and BLANK_LINE.search(text, units[x].end, units[x + 1].start) is not None
            )

        goes_on = j + 1 < len(units) and not blank_after(j)
        if goes_on and blank_after(i) and run >= _MIN_RESTATED_RUN * scale:
            return True
        # A heading said again right after itself, nothing between: a section is never
        # empty under the very title it repeats; a generation stopped after the heading.
        # (each a paragraph of its own: "# DIRS-EXIST-NEXT: True" twice on consecutive
        # lines is a test file's, not headings)
        if (
            i == j - 1
            and blank_after(j)
            and run >= _RESTART_KEY
            and _heading_said_again(text, units, j)
        ):
            return True
        # A short finished sentence standing as a paragraph of its own, then opening
        # the next one ("**It's complicated.**" | "**It's complicated.** Determining
        # …"): a generation cut after its first sentence, restarted with it.
        if (
            goes_on
            and blank_after(i)
            and (i == 0 or blank_after(i - 1))
            and run >= _RESTART_KEY
            and is_complete(text[units[i].start : units[i].end])
        ):
            return True
        # A long finished sentence ending a paragraph, then the same sentence again
        # right after it: a restart of the last sentence (a repeated line in verse
        # is short, a refrain repeats several lines).
        # In a script without spaces half as long will do if the text goes on after
        # the copy ("…。试试看 Rust，看看它的选择是否适合你。" | "试试看 Rust，看看它的
        # 选择是否适合你。" | "## …"): a closing line echoing the paragraph before it
        # ends the text. A model looping over its paragraph ("…B。C。" | "C。" |
        # "A。B。C。") does not restart C either: what follows the copy must not be
        # that paragraph again.
        para = i
        while para > 0 and BLANK_LINE.search(text, units[para - 1].end, units[para].start) is None:
            para -= 1
        paragraph = {text[units[x].start : units[x].end] for x in range(para, i)}
        after = text[units[j + 1].start : units[j + 1].end] if j + 1 < len(units) else None
        text_goes_on = after is not None and after not in paragraph
        needed = _MIN_LONE_RESTATED
        # (so will a sentence that ends a paragraph of several, said again alone: "…
        # [GopherCon 2020](…).\nMark your calendars!" | "Mark your calendars!" | "- …")
        if text_goes_on and (scale < 1 or para < i):
            needed = _MIN_RESTATED_RUN * 3 // 4
        return (
            i == j - 1
            and blank_after(i)
            and run >= needed
            and units[i].kind in ("sentence", "list_item")
            and is_complete(text[units[i].start : units[i].end])
        )
    reopened = _reopens_paragraph(text, units, j, k)
    if reopened and run >= _MIN_VERBATIM_RUN * scale:
        return True  # (as with one sentence above)
    # (a list said again right after itself that goes on: a list's items are short)
    layout_changed = (
        breaks(i, k) != breaks(j, k)
        or not exact
        or stopped
        or (reopened and units[j + k].kind == "list_item")
    )
    # (half as long in a script without spaces: "这里还有几个小窍门。第一是…括号。" | the
    # same, going on in its paragraph)
    if layout_changed and run >= 2 * _MIN_RESTATED_RUN * scale:
        return True
    # (a sentence introducing the list after it with a colon is finished too: "There
    # are several reasons to make your code open source:" "- Code which is …")
    finished = [
        units[x].kind in ("sentence", "list_item")
        and (
            is_complete(text[units[x].start : units[x].end])
            or (
                units[x].kind == "sentence"
                and x + 1 < j
                and units[x + 1].kind == "list_item"
                and text[units[x].end - 1] in ":："
            )
        )
        for x in range(i, j)
    ]
    if all(finished):
        return run >= _MIN_VERBATIM_RUN * scale
    if (
        units[i].kind == "heading"
        and any(finished)
        and (i == 0 or BLANK_LINE.search(text, units[i - 1].end, units[i].start) is not None)
        and run >= 2 * _MIN_RESTATED_RUN * scale
    ):
        # A whole section said again right after itself, under the same title, with
        # prose in it: a regeneration ("## Affected Versions" "* All patch releases
        # …" | the same): an article never repeats a section at once.
        return True
    # A long stretch with lists or headings in it, all restated at once right after
    # it: a restart too (a refrain or a repeated entry is a few short lines). Notes
    # go without stops: a list of several items will do ("- データ→HTMLの関数と…" …
    # "  - （疑問：…？）" | the same five items again, then the next section).
    return run >= _MIN_LONG_TANDEM * scale and (
        sum(finished) >= 2
        or (k >= _MIN_NOTES_ITEMS and all(units[x].kind == "list_item" for x in range(i, j)))
    )


_DIGITS = regex.compile(r"\d+")
_WORD_END = regex.compile(r"[\p{L}\p{N}]\Z")
_BOLD_LABEL = regex.compile(r"\*\*[^*\n]+[:：]\*\*")  # "**概要:**"
_BLANK_AFTER = regex.compile(r"[ \t]*\n[ \t]*\n")  # a paragraph ends here
# (the prolonged sound mark and the iteration mark are letters of a word too: "ノーコード")
_CUT_PROSE = regex.compile(r"(?:\p{L}+[ \t]+\p{L}{2,}|[\p{Han}\p{Hiragana}\p{Katakana}ー々]{2})")
_STOP_INSIDE = regex.compile(r"[.!?。！？](?:\s|$)")
# where a sentence ends in a unit (with the emphasis it closes: "**…探そう。** あなたの…")
_STOP_AT = regex.compile(r"[.!?][*_]*(?:\s|$)|[。！？][」』）”]?[*_]*")
# (or a slash between words: "… / 3 &ndash; 10 years /" before the next field)
# a noun phrase going on after a title's words, as a caption does ("Summary" | "Summary
# of the changes made this year.")
_PARTICLE_END = regex.compile(r"[\p{Han}\p{Katakana}ー][はがをにでとへ]\Z")  # "詳細は"
_NOUN_PHRASE_GOES_ON = regex.compile(r"\s+(?:of|for|in|on|to|with|and|or|from|by|at)\b")
_CUT_END = regex.compile(r"(?:[\p{L}\p{N}、，,]|(?<=\s)/)\Z")
# a word that only opens a sentence (a pronoun, determiner, conjunction or preposition,
# or "See"): a paragraph of it alone is cut
_FUNCTION_WORD = regex.compile(
    r"(?:The|A|An|This|These|Those|That|There|Here|It|Its|We|Our|They|Their|You|Your|I|My|He|She|His"
    r"|Her|When|If|As|While|Although|Because|Since|However|Then|So"
    # (no label or title is made of one of these alone: "See" | "See [NEWS](…) for more")
    r"|See|In|On|For|With|To|And|But|After|Before|Also|Now|Once|Each|Many|Most|Both)"
    r"(?:['’](?:s|re|ll|ve|d|m))?"  # ("We’re", "It's")
)
# a word opening a subordinate clause, which no title begins with ("If you …", "如果…")
_CLAUSE_OPENER = regex.compile(
    r"(?:(?:If|When|Whenever|While|Although|Though|Because|Since|Unless)\s"
    r"|如果|假如|因为|由于|虽然|尽管|除非|もし|なぜなら)"
)
_CLAUSE_BREAK = regex.compile(r"[，、]|, ")
_LONE_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_CJK_NUMERALS = frozenset("〇一二三四五六七八九十百千零壱弐参")
_OPEN_TAG = regex.compile(r"<([A-Za-z][\w-]*)[^<>]*>")
# Jekyll's code block opening: "{% highlight ruby %}"
_LIQUID_HIGHLIGHT = regex.compile(r"\{%-?\s*highlight\b")
_CLOSING_TAG_END = regex.compile(r"(?:/>|</[\w:-]+>)\s*\Z")  # '… class="chart" />', "</p>"
_OPEN_TAG_END = regex.compile(r"<[A-Za-z][\w:-]*(?:\s[^<>]*)?\Z")  # "<div", "<img src=…"
_INLINE_TAGS = "span|em|strong|b|i|code|kbd|mark|small|sub|sup"  # (and "a", a link or anchor)
# an inline element opening a line, with text after it: '<span class="filename">文件名：'
_INLINE_TAG_OPENS = regex.compile(rf"<({_INLINE_TAGS}|a)\b[^<>]*>(?=[^<\s])")
_INLINE_TAG_ALONE = regex.compile(rf"<(?:{_INLINE_TAGS})\b[^<>]*>")  # alone: not an anchor
_LINK_DEFINITION = regex.compile(r"\s*\[[^\]\n]+\]:[ \t]+\S")  # "[label]: https://…"
# a parenthesis opened before words that end the line unclosed: "… (cmath"
_OPEN_PAREN = regex.compile(r"\(\p{L}[^()\n]*\Z")
_REFERENCE_ENTRY = regex.compile(r"\[[^\]\n]+\](?:\[[^\]\n]*\])?\s*")  # "[`Ordering::is_eq`]"
_OPEN_LINK = regex.compile(r"\[[^\]\n]*\Z")  # a link text never closed
# a Japanese particle opening a line, then more of the sentence: "はそのままでOK"
# (not "では", "でも", "もし", "ところで", "にもかかわらず", "はじめに": sentences open so)
_PARTICLE_OPENING = regex.compile(
    r"(?:[をがへ]|は(?!じめ|い)|に(?!も))[\p{Hiragana}\p{Katakana}\p{Han}]"
)
_YAML_KEY = regex.compile(r"[\w-]+:")
# a link, a code span or emphasis ending the text: "[text](url)" -> "text"
_INLINE_TAIL = regex.compile(
    r"(?:\[([^\]\n]*)\]\([^)\n]*\)|`([^`\n]*)`|[*_]{1,2}([^*_\n]+)[*_]{1,2})\Z"
)


def _looks_cut(unit_text: str) -> bool:
    """An unfinished sentence of prose: words (or CJK) that stop without a terminator.

    Inline markup at the end counts as its text: a sentence cut right after a
    link or a code span ("about DL, [CVE-2009-5147](http://…)") is cut too.

    >>> _looks_cut("これは、あなたの仕事がなくなる、という悲観的な"), _looks_cut("3fc5fef310caa35")
    (True, False)
    >>> _looks_cut("And, about DL, [CVE-2009-5147](http://cve.example/5147)")
    True
    >>> _looks_cut("- [How datacenters are cooled](/2025/01/cooling/)")
    False
    >>> _looks_cut("([#20834](https://github.com/facebook/react/pull/20834)")
    True
    >>> _looks_cut("| Coze（ByteDance） | ノーコード")
    True
    """
    unit_text = unit_text.rstrip()
    if _link_entry(unit_text):
        return False  # a line that is one link or code span is an entry, not a cut sentence
    # (a bracket left open around links is cut too: "([#20834](…)" of "([#20834](…) [@x](…))")
    left_open = unit_text.startswith("(") and unit_text.count("(") > unit_text.count(")")
    unit_text = _INLINE_TAIL.sub(lambda m: "".join(g for g in m.groups() if g), unit_text)
    return (
        not is_complete(unit_text)
        and bool(_CUT_END.search(unit_text))
        and (bool(_CUT_PROSE.search(unit_text)) or left_open)
    )


def _split_implicit(text: str, fragments: list[Fragment]) -> list[Fragment]:
    # Look for restarts in all pieces read as one text: a piece may restart text
    # that stands in an earlier piece, not only in itself.
    joined = "\n\n".join(f.text for f in fragments)
    offsets: list[int] = []
    pos = 0
    for f in fragments:
        offsets.append(pos)
        pos += len(f.text) + 2
    body = front_matter_end(joined) if fragments and fragments[0].start == 0 else 0
    cuts_in: dict[int, list[int]] = defaultdict(list)
    for point in _restart_points(joined, body, frozenset(offsets[1:])):
        k = bisect_right(offsets, point) - 1
        if point > offsets[k]:
            cuts_in[k].append(point - offsets[k])
    out: list[Fragment] = []
    for k, f in enumerate(fragments):
        starts = [0, *cuts_in[k]]
        sep_start, sep_end, boundary = f.separator_start, f.separator_end, f.boundary
        for n, s in enumerate(starts):
            e = starts[n + 1] if n + 1 < len(starts) else len(f.text)
            piece_end = e
            while piece_end > s and f.text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_end <= s:
                continue
            out.append(
                Fragment(
                    index=len(out),
                    start=f.start + s,
                    end=f.start + piece_end,
                    text=f.text[s:piece_end],
                    separator_start=sep_start,
                    separator_end=sep_end if n == 0 else f.start + s,
                    boundary=boundary if out else "start",
                )
            )
            sep_start, sep_end, boundary = f.start + piece_end, f.start + e, "implicit"
    return out


def segment(text: str, options: Options | None = None) -> tuple[Fragment, ...]:
    """Split ``text`` into fragments at marker lines and continuation debris.

    >>> [(f.index, f.boundary) for f in segment("---\\ntitle: t\\n---\\nA.\\n[continued]\\nB.\\n")]
    [(0, 'start'), (1, 'marker')]
    """
    opts = options if options is not None else Options()
    body_start = front_matter_end(text)
    lines = _split_glued_markers(list(_lines(text, body_start)))
    classes = _classify(lines, opts)
    if opts.remove_debris:
        _title_prompt_line(lines, classes)

    fragments: list[Fragment] = []
    frag_start: int | None = 0 if body_start > 0 else None
    frag_end = body_start
    sep_start = 0
    boundary: Literal["start", "marker", "debris"] = "start"
    pending_boundary: Literal["marker", "debris"] | None = None

    def close() -> None:
        nonlocal frag_start
        if frag_start is None:
            return
        content_end = frag_end
        while content_end > frag_start and text[content_end - 1].isspace():
            content_end -= 1
        if content_end > frag_start:
            fragments.append(
                Fragment(
                    index=len(fragments),
                    start=frag_start,
                    end=content_end,
                    text=text[frag_start:content_end],
                    separator_start=sep_start,
                    separator_end=frag_start,
                    boundary=boundary if fragments else "start",
                )
            )
        frag_start = None

    for line, cls in zip(lines, classes, strict=True):
        if cls in ("marker", "debris"):
            if pending_boundary is None:
                close()
                sep_start = frag_end
            pending_boundary = (
                "marker" if cls == "marker" or pending_boundary == "marker" else "debris"
            )
            continue
        if cls == "blank":
            continue
        if frag_start is None:
            # First content after a separator (or at the very start of the draft).
            frag_start = (
                0
                if not fragments and pending_boundary is None
                else line.start + (len(line.text) - len(line.text.lstrip()))
            )
            if pending_boundary is not None:
                boundary = pending_boundary
            pending_boundary = None
        frag_end = line.end
    close()
    if opts.implicit_restarts:
        fragments = _split_implicit(text, fragments)
    return tuple(fragments)
