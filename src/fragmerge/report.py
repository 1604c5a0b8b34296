"""The HTML provenance report: one self-contained page explaining a repair.

:func:`render_html` turns a draft and its :class:`~fragmerge.MergeResult` into
a single HTML document with no external assets (inline CSS, a few lines of
inline JavaScript). The page shows

* the repaired article, every provenance entry tinted by the fragment that
  supplied it (colour plus an underline style, so the tint never relies on
  colour alone), its source span on hover;
* a marker at each join's output position, with the join's kind and score;
* beside the article: a legend of the fragments, the joins, the redundant
  fragments and every stretch of input text the repair dropped (each in a
  collapsed ``<details>``), and the warnings.

The article keeps its line and paragraph breaks (``white-space: pre-wrap``) and
the page picks a CJK font stack and line height when the text is Japanese,
Chinese or Korean. The function is pure: it returns a string and writes nothing;
``fragmerge fix draft.md --html report.html`` writes it to a file.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fragmerge.models import Fragment, Join, MergeResult, ProvenanceEntry

__all__ = ["PALETTE", "Tint", "render_html", "tint_for"]


@dataclass(frozen=True)
class Tint:
    """The colours of one fragment: ``ink`` for underlines and swatches,
    ``background`` (``ink`` mixed with white) behind the text, a lighter
    ``alternate`` behind every other sentence so sentence boundaries show, and
    the underline ``style`` that tells fragments apart without colour."""

    name: str
    ink: str
    background: str
    alternate: str
    style: str


def _mix_with_white(hex_colour: str, amount: float) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(255 + (channel - 255) * amount) for channel in (red, green, blue))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


# Okabe & Ito's palette, designed to stay distinguishable under the common
# colour-vision deficiencies; ordered so that neighbouring fragments (the usual
# case at a join) get the most contrasting pair first: blue, then orange. The
# yellow's ink is darkened a little so its underline shows on white.
_INKS: tuple[tuple[str, str], ...] = (
    ("sky blue", "#56b4e9"),
    ("orange", "#e69f00"),
    ("bluish green", "#009e73"),
    ("reddish purple", "#cc79a7"),
    ("yellow", "#d8c800"),
    ("blue", "#0072b2"),
    ("vermillion", "#d55e00"),
    ("grey", "#999999"),
)
_UNDERLINES = ("solid", "dashed", "dotted", "double")

#: The tints of the first eight fragments; fragment ``i`` uses :func:`tint_for`.
PALETTE: tuple[Tint, ...] = tuple(
    Tint(
        name,
        ink,
        _mix_with_white(ink, 0.3),
        _mix_with_white(ink, 0.18),
        _UNDERLINES[index % len(_UNDERLINES)],
    )
    for index, (name, ink) in enumerate(_INKS)
)


def tint_for(fragment: int) -> Tint:
    """The tint of fragment ``fragment``.

    Colours repeat after eight fragments; the underline style shifts with each
    round, so the first 32 fragments all look different.

    >>> tint_for(0).name, tint_for(0).style
    ('sky blue', 'solid')
    >>> tint_for(8).ink == tint_for(0).ink, tint_for(8).style
    (True, 'dashed')
    """
    base = PALETTE[fragment % len(PALETTE)]
    style = _UNDERLINES[(fragment + fragment // len(PALETTE)) % len(_UNDERLINES)]
    return Tint(base.name, base.ink, base.background, base.alternate, style)


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _language(text: str) -> str:
    """A BCP 47 tag good enough to pick fonts: CJK variants differ per language."""
    sample = text[:20000]
    cjk = len(_HAN.findall(sample)) + len(_KANA.findall(sample)) + len(_HANGUL.findall(sample))
    if cjk < len(_LATIN_LETTER.findall(sample)) / 4 or cjk == 0:
        return "en"
    if _KANA.search(sample):
        return "ja"
    if _HANGUL.search(sample):
        return "ko"
    return "zh"


def _score(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _text(value: str) -> str:
    return html.escape(value, quote=False)


_JOIN_SYMBOL = {
    "restart": "⟲",
    "continuation": "→",
    "gap": "⚠",
    "kept": "⧉",
    "redundant": "∅",
}

_JOIN_MEANING = {
    "restart": "the right fragment restarted earlier text; the truncated tail was replaced",
    "continuation": "the right fragment continues where the left one stopped",
    "gap": "no overlap found; appended in input order",
    "kept": "an overlap scored below the confidence threshold; both copies kept",
    "redundant": "everything the fragment says is already in the output",
}


def _join_title(join: Join) -> str:
    parts = [f"join: {join.kind}"]
    if join.left is not None:
        parts.append(f"fragment {join.left} → {join.right}")
    else:
        parts.append(f"fragment {join.right}")
    if join.left_cut is not None:
        parts.append(f"left cut at input {join.left_cut}")
    if join.right_resume is not None:
        parts.append(f"right resumes at input {join.right_resume}")
    parts.append(f"score {_score(join.score)}")
    parts.append(f"confidence {_score(join.confidence)}")
    parts.append(_JOIN_MEANING[join.kind])
    return " · ".join(parts)


def _join_marker(join: Join, number: int) -> str:
    # The label lives in a data attribute shown through CSS ``::after``, so the
    # article's text content (copy and paste, screen readers aside) stays exactly
    # the repaired text.
    pair = f"{join.left}→{join.right}" if join.left is not None else f"{join.right}"
    label = f"{_JOIN_SYMBOL[join.kind]} {join.kind} {pair} · {_score(join.score)}"
    return (
        f'<span class="join join-{join.kind}" id="join-{number}" role="img" '
        f'aria-label="{_attr(label)}" data-label="{_attr(label)}" '
        f'title="{_attr(_join_title(join))}"></span>'
    )


def _entry_title(entry: ProvenanceEntry) -> str:
    parts = [
        f"fragment {entry.fragment}",
        f"input {entry.input_start}–{entry.input_end}",
        f"score {_score(entry.score)}",
        f"{entry.copies} {'copy' if entry.copies == 1 else 'copies'}",
        f"unit {entry.sentence} ({entry.kind.replace('_', ' ')})",
    ]
    if entry.join:
        parts.append(f"joined with {entry.join!r}")
    return " · ".join(parts)


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    entry: ProvenanceEntry | None


def _pieces(text: str, provenance: Sequence[ProvenanceEntry]) -> list[_Piece]:
    """Cover ``text`` with provenance entries, filling any stretch no entry names.

    The contract says the entries tile the output; a result that breaks it still
    renders, with the untracked text shown as such rather than lost.
    """
    pieces: list[_Piece] = []
    cursor = 0
    for entry in sorted(provenance, key=lambda e: (e.output_start, e.output_end)):
        start = max(entry.output_start, cursor)
        end = min(entry.output_end, len(text))
        if start > cursor:
            pieces.append(_Piece(cursor, start, None))
        if end > start:
            pieces.append(_Piece(start, end, entry))
            cursor = end
    if cursor < len(text):
        pieces.append(_Piece(cursor, len(text), None))
    return pieces


def _skip_whitespace(text: str, offset: int) -> int:
    offset = max(0, min(offset, len(text)))
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def _render_article(result: MergeResult) -> str:
    text = result.text
    # A marker goes where the right fragment's text starts: past any whitespace
    # (a paragraph break) between the two pieces, so it opens the new text
    # rather than trailing the old.
    placed = [
        (_skip_whitespace(text, join.output_offset), number, join)
        for number, join in enumerate(result.joins)
        if join.output_offset is not None and join.kind != "redundant"
    ]
    placed.sort(key=lambda item: (item[0], item[1]))
    out: list[str] = []
    marker_index = 0

    def markers_until(offset: int) -> None:
        nonlocal marker_index
        while marker_index < len(placed) and placed[marker_index][0] <= offset:
            _, number, join = placed[marker_index]
            out.append(_join_marker(join, number))
            marker_index += 1

    for piece in _pieces(text, result.provenance):
        cuts = [offset for offset, _, _ in placed if piece.start < offset < piece.end]
        bounds = [piece.start, *cuts, piece.end]
        for start, end in itertools.pairwise(bounds):
            markers_until(start)
            if piece.entry is None:
                chunk = _text(text[start:end])
                out.append(
                    f'<span class="seg untracked" title="no provenance entry covers '
                    f'output {start}–{end}">{chunk}</span>'
                )
                continue
            # Line breaks at the edges stay outside the tinted span: the tint then
            # hugs the sentence instead of trailing into the margin.
            raw = text[start:end]
            body = raw.strip("\n")
            lead = raw[: len(raw) - len(raw.lstrip("\n"))]
            trail = raw[len(lead) + len(body) :]
            if not body:
                out.append(_text(raw))
                continue
            entry = piece.entry
            shade = " alt" if entry.sentence % 2 else ""
            out.append(
                f"{lead}<span "
                f'class="seg f{entry.fragment} k-{entry.kind}{shade}" '
                f'data-fragment="{entry.fragment}" data-sentence="{entry.sentence}" '
                f'title="{_attr(_entry_title(entry))}">{_text(body)}</span>{trail}'
            )
    markers_until(len(text))
    if not text:
        out.append('<span class="empty">(the repaired text is empty)</span>')
    return "".join(out)


def _dropped_stretches(
    draft: str, fragment: Fragment, used: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Input stretches of ``fragment`` that no provenance entry uses (blank ones ignored)."""
    stretches: list[tuple[int, int]] = []
    cursor = fragment.start
    for start, end in sorted(used):
        if start > cursor:
            stretches.append((cursor, min(start, fragment.end)))
        cursor = max(cursor, end)
    if cursor < fragment.end:
        stretches.append((cursor, fragment.end))
    return [(start, end) for start, end in stretches if end > start and draft[start:end].strip()]


def _stretch_label(fragment: Fragment, start: int, end: int) -> str:
    if start <= fragment.start and end >= fragment.end:
        return "whole fragment"
    if end >= fragment.end:
        return "truncated tail"
    if start <= fragment.start:
        return "repeated opening"
    return "dropped"


def _render_legend(
    result: MergeResult,
    supplied: dict[int, set[int]],
    redundant: set[int],
    dropped: dict[int, int],
) -> str:
    rows: list[str] = []
    for fragment in result.fragments:
        if fragment.index in redundant:
            status = '<span class="tag tag-redundant">redundant</span>'
        elif supplied.get(fragment.index):
            count = len(supplied[fragment.index])
            status = f"{count} {'unit' if count == 1 else 'units'}"
        else:
            status = '<span class="tag tag-unused">unused</span>'
        if dropped.get(fragment.index) and fragment.index not in redundant:
            status += (
                f'<br><span class="note" title="{dropped[fragment.index]} characters of this '
                f'fragment are not in the output">−{dropped[fragment.index]} dropped</span>'
            )
        rows.append(
            f'<tr data-fragment="{fragment.index}">'
            f'<td><span class="swatch f{fragment.index}">F{fragment.index}</span></td>'
            f"<td>{fragment.start}–{fragment.end}</td>"
            f"<td>{fragment.end - fragment.start}</td>"
            f"<td>{_text(fragment.boundary)}</td>"
            f"<td>{status}</td></tr>"
        )
    if not rows:
        return '<p class="none">No fragments.</p>'
    return (
        '<table class="legend"><thead><tr><th>fragment</th><th>input span</th>'
        "<th>chars</th><th>boundary</th><th>supplied</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _render_joins(joins: Sequence[Join]) -> str:
    if not joins:
        return '<p class="none">No joins: the draft was a single piece.</p>'
    items: list[str] = []
    for number, join in enumerate(joins):
        pair = (
            f'<span class="swatch f{join.left}">F{join.left}</span> → '
            if join.left is not None
            else ""
        ) + f'<span class="swatch f{join.right}">F{join.right}</span>'
        where = (
            f' at <a href="#join-{number}">output {join.output_offset}</a>'
            if join.output_offset is not None and join.kind != "redundant"
            else ""
        )
        items.append(
            f'<li title="{_attr(_join_title(join))}">'
            f'<span class="join join-{join.kind}">{_JOIN_SYMBOL[join.kind]} {join.kind}</span> '
            f"{pair}{where} · score {_score(join.score)} · "
            f"confidence {_score(join.confidence)}</li>"
        )
    return f'<ol class="joins">{"".join(items)}</ol>'


def _render_details(summary: str, body: str, fragment: int) -> str:
    return (
        f'<details class="dropped" data-fragment="{fragment}"><summary>{summary}</summary>'
        f'<div class="dropped-text f{fragment}">{body}</div></details>'
    )


def _render_redundant(draft: str, result: MergeResult, redundant: set[int]) -> str:
    blocks = [
        _render_details(
            f'<span class="swatch f{fragment.index}">F{fragment.index}</span> '
            f"input {fragment.start}–{fragment.end} · {fragment.end - fragment.start} chars",
            _text(draft[fragment.start : fragment.end] or fragment.text),
            fragment.index,
        )
        for fragment in result.fragments
        if fragment.index in redundant
    ]
    return "".join(blocks) or '<p class="none">No redundant fragments.</p>'


def _render_dropped(
    draft: str,
    result: MergeResult,
    redundant: set[int],
    stretches: dict[int, list[tuple[int, int]]],
) -> str:
    blocks: list[str] = []
    for fragment in result.fragments:
        if fragment.index in redundant:
            continue  # shown whole under "Redundant fragments"
        for start, end in stretches.get(fragment.index, []):
            blocks.append(
                _render_details(
                    f'<span class="swatch f{fragment.index}">F{fragment.index}</span> '
                    f"{_stretch_label(fragment, start, end)} · input {start}–{end} · "
                    f"{end - start} chars",
                    _text(draft[start:end]),
                    fragment.index,
                )
            )
    return "".join(blocks) or '<p class="none">No other text was dropped.</p>'


def _render_warnings(warnings: Sequence[str]) -> str:
    if not warnings:
        return '<p class="none">No warnings.</p>'
    items = "".join(f"<li>{_text(warning)}</li>" for warning in warnings)
    return f'<ul class="warnings">{items}</ul>'


_FRONT_MATTER_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)


def _default_title(result: MergeResult) -> str:
    """The front matter's ``title:``, else the first heading, else a generic title."""
    text = result.text
    if text.startswith("---\n"):
        closing = text.find("\n---", 4)
        match = _FRONT_MATTER_TITLE.search(text, 4, closing if closing > 0 else 4)
        if match:
            return match.group(1).strip("\"'") or "Repaired draft"
    for entry in result.provenance:
        if entry.kind == "heading":
            heading = text[entry.output_start : entry.output_end].strip().lstrip("#").strip()
            if heading:
                return heading
    return "Repaired draft"


def _tint_css(fragments: Iterable[int]) -> str:
    rules: list[str] = []
    for index in sorted(set(fragments)):
        tint = tint_for(index)
        rules.append(
            f".f{index}{{--ink:{tint.ink};--tint:{tint.background};--tint2:{tint.alternate};"
            f"--line:{tint.style}}}"
        )
    return "\n".join(rules)


_CSS = """
:root{color-scheme:light;--fg:#1b1b1b;--muted:#5b5b5b;--rule:#d9d9d9;--paper:#ffffff;
  --side:#f6f6f4;--accent:#0b5394;--warn:#9a3b00}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--fg);
  font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,
    "Hiragino Kaku Gothic ProN","Hiragino Sans","Noto Sans CJK JP","Noto Sans JP",
    "Yu Gothic UI","Yu Gothic",Meiryo,sans-serif;
  font-size:16px;line-height:1.65}
body:lang(ja){font-family:"Hiragino Kaku Gothic ProN","Hiragino Sans",
  "Noto Sans CJK JP","Noto Sans JP","Yu Gothic UI","Yu Gothic",Meiryo,system-ui,sans-serif}
body:lang(zh){font-family:"PingFang SC","Noto Sans CJK SC","Noto Sans SC",
  "Microsoft YaHei",system-ui,sans-serif}
body:lang(ko){font-family:"Apple SD Gothic Neo","Noto Sans CJK KR","Noto Sans KR",
  "Malgun Gothic",system-ui,sans-serif}
header{padding:1.25rem 2rem 1rem;border-bottom:1px solid var(--rule)}
header h1{margin:0 0 .35rem;font-size:1.35rem;line-height:1.4}
.summary{margin:0;color:var(--muted);font-size:.9rem}
.summary b{color:var(--fg)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 28rem;gap:0;align-items:start}
.article{padding:1.5rem 2rem 3rem;max-width:48rem;white-space:pre-wrap;
  overflow-wrap:anywhere;line-break:strict;word-break:normal;font-size:1rem;line-height:1.8}
.article:lang(ja),.article:lang(zh),.article:lang(ko){line-height:2;letter-spacing:.02em;
  text-align:justify;text-justify:inter-character}
aside{background:var(--side);border-left:1px solid var(--rule);padding:1rem 1.25rem 2rem;
  font-size:.85rem;line-height:1.55;min-height:100vh;position:sticky;top:0;
  max-height:100vh;overflow:auto}
aside h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
  margin:1.25rem 0 .5rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem}
aside h2:first-child{margin-top:0}
.seg{background:var(--tint);text-decoration:underline var(--line) var(--ink);
  text-decoration-thickness:2px;text-underline-offset:.3em;text-decoration-skip-ink:none;
  -webkit-box-decoration-break:clone;box-decoration-break:clone;border-radius:2px}
.seg.alt{background:var(--tint2)}
.seg:hover{outline:2px solid var(--ink);outline-offset:1px}
.seg.untracked{background:repeating-linear-gradient(135deg,#fff,#fff 4px,#eee 4px,#eee 8px);
  text-decoration:none}
.seg.dim{background:transparent;text-decoration-color:transparent;color:#9a9a9a}
.k-heading{font-weight:700}
.k-front_matter,.k-code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,
  "Noto Sans Mono CJK JP",monospace;font-size:.88em}
.join{display:inline-block;white-space:nowrap;font-size:.72rem;line-height:1.3;
  font-weight:600;letter-spacing:0;text-indent:0;vertical-align:.15em;margin:0 .25em;
  padding:0 .45em;border-radius:999px;color:#fff;background:#3b3b3b;
  font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.join::after{content:attr(data-label)}
.join-restart{background:#0b5394}
.join-continuation{background:#3b3b3b}
.join-gap,.join-kept{background:var(--warn)}
.join-redundant{background:#6b6b6b}
.swatch{display:inline-block;min-width:2.2em;text-align:center;font-weight:600;
  font-size:.78rem;padding:0 .3em;border-radius:3px;background:var(--tint);
  border-bottom:3px var(--line) var(--ink);font-variant-numeric:tabular-nums}
table.legend{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
.legend th,.legend td{text-align:left;padding:.2rem .35rem;border-bottom:1px solid var(--rule);
  white-space:nowrap;vertical-align:top}
.legend td:last-child{white-space:normal}
.legend .note{font-size:.75rem}
.legend th{font-weight:600;color:var(--muted);font-size:.75rem}
.legend tbody tr{cursor:default}
.legend tbody tr:hover{background:#ebebe7}
.tag{font-size:.72rem;padding:0 .35em;border-radius:3px;border:1px solid currentColor}
.tag-redundant{color:var(--warn)}
.tag-unused{color:var(--muted)}
.note{color:var(--muted)}
ol.joins,ul.warnings{margin:0;padding-left:1.4rem}
ol.joins li,ul.warnings li{margin:.2rem 0}
ul.warnings li{color:var(--warn)}
details.dropped{margin:.35rem 0;border:1px solid var(--rule);border-radius:4px;
  background:var(--paper)}
details.dropped summary{cursor:pointer;padding:.25rem .5rem}
.dropped-text{white-space:pre-wrap;overflow-wrap:anywhere;line-break:strict;margin:0;
  padding:.5rem .6rem;max-height:22rem;overflow:auto;border-top:1px solid var(--rule);
  background:linear-gradient(var(--tint),var(--tint)) left/4px 100% no-repeat,var(--paper);
  color:#444}
.none{color:var(--muted);margin:.25rem 0}
.empty{color:var(--muted);font-style:italic}
a{color:var(--accent)}
@media (max-width:60rem){.layout{grid-template-columns:1fr}
  aside{position:static;max-height:none;min-height:0;border-left:0;
    border-top:1px solid var(--rule)}}
@media print{aside{position:static;max-height:none}.seg.alt{background:var(--tint2)}
.seg:hover{outline:none}}
"""

# Hovering a legend row or a dropped stretch dims every sentence from other fragments.
_JS = """
(function(){
  var segs=document.querySelectorAll('.article .seg[data-fragment]');
  function focus(f){segs.forEach(function(s){
    s.classList.toggle('dim',f!==null&&s.getAttribute('data-fragment')!==f);});}
  document.querySelectorAll('aside [data-fragment]').forEach(function(el){
    el.addEventListener('mouseenter',function(){focus(el.getAttribute('data-fragment'));});
    el.addEventListener('mouseleave',function(){focus(null);});
  });
})();
"""


def render_html(draft: str, result: MergeResult, *, title: str | None = None) -> str:
    """Render ``result`` (the repair of ``draft``) as one self-contained HTML page.

    ``draft`` is the input the result was computed from: the page quotes the
    text the repair dropped from it. ``title`` defaults to the article's first
    heading. Everything taken from the draft is HTML-escaped.

    >>> import fragmerge
    >>> draft = "A <b>bold</b> claim.\\n"
    >>> page = render_html(draft, fragmerge.fix(draft), title="Demo")
    >>> page.startswith("<!DOCTYPE html>") and "<title>Demo · fragmerge report</title>" in page
    True
    >>> "A &lt;b&gt;bold&lt;/b&gt; claim." in page and "<b>bold</b>" not in page
    True
    """
    redundant = set(result.redundant)
    supplied: dict[int, set[int]] = {}
    used: dict[int, list[tuple[int, int]]] = {}
    for entry in result.provenance:
        supplied.setdefault(entry.fragment, set()).add(entry.sentence)
        used.setdefault(entry.fragment, []).append((entry.input_start, entry.input_end))
    stretches = {
        fragment.index: _dropped_stretches(draft, fragment, used.get(fragment.index, ()))
        for fragment in result.fragments
        if fragment.index not in redundant
    }
    dropped_chars = {
        index: sum(end - start for start, end in spans) for index, spans in stretches.items()
    }
    page_title = title if title is not None else _default_title(result)
    language = _language(result.text or draft)
    fragment_ids = [f.index for f in result.fragments] + [e.fragment for e in result.provenance]
    restarts = sum(1 for join in result.joins if join.kind == "restart")
    summary = (
        f"<b>{len(result.fragments)}</b> fragments · <b>{len(result.joins)}</b> joins "
        f"({restarts} restarts) · <b>{len(redundant)}</b> redundant · "
        f"<b>{len(result.provenance)}</b> provenance entries · "
        f"{len(draft)} → {len(result.text)} chars · "
        f"{'repaired' if result.changed else 'nothing to repair'} · "
        f"confidence <b>{_score(result.confidence)}</b>"
    )
    warning_count = f" ({len(result.warnings)})" if result.warnings else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="fragmerge">\n'
        f"<title>{_text(page_title)} · fragmerge report</title>\n"
        f"<style>{_CSS}{_tint_css(fragment_ids)}\n</style>\n</head>\n<body>\n"
        f"<header><h1>{_text(page_title)}</h1>"
        f'<p class="summary">{summary}</p></header>\n'
        '<main class="layout">\n'
        f'<article class="article" lang="{language}">{_render_article(result)}</article>\n'
        '<aside aria-label="How the article was assembled">\n'
        f"<h2>Fragments</h2>{_render_legend(result, supplied, redundant, dropped_chars)}\n"
        f"<h2>Joins</h2>{_render_joins(result.joins)}\n"
        f"<h2>Redundant fragments</h2>{_render_redundant(draft, result, redundant)}\n"
        f"<h2>Dropped duplicate text</h2>{_render_dropped(draft, result, redundant, stretches)}\n"
        f"<h2>Warnings{warning_count}</h2>{_render_warnings(result.warnings)}\n"
        "</aside>\n</main>\n"
        f"<script>{_JS}</script>\n</body>\n</html>\n"
    )
