"""Tests for the HTML provenance report (``fragmerge.report``).

The unit tests parse the page with the standard library's HTML parser and
check it against a hand-built :class:`MergeResult` whose provenance replays
exactly. ``test_seed_report_in_headless_chromium`` loads the seed's report in
a real browser (Debian's ``chromium``), checks the rendered DOM and decodes
the screenshot to make sure the tints were painted; it skips when no
Chromium is installed. With ``FRAGMERGE_ARTIFACTS=DIR`` set it also copies the
page and the screenshot to ``DIR`` (``report-seed.html``, ``report-seed.png``).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

import fragmerge
import fragmerge.report
from fragmerge.models import Fragment, Join, MergeResult, ProvenanceEntry
from fragmerge.report import PALETTE, render_html, tint_for

REPO = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- helpers

_VOID = {"meta", "br", "link", "img", "hr", "input"}


class _Page(HTMLParser):
    """Collects the article's text with, per character, the fragment tint around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.article = ""
        self.owner: list[int | None] = []  # fragment of the innermost .seg per character
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text_in: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag not in _VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for tag, _ in self.stack:
            self.text_in[tag] = self.text_in.get(tag, "") + data
        if any(tag == "article" for tag, _ in self.stack):
            self.article += data
            self.owner.extend([self._fragment()] * len(data))

    def _fragment(self) -> int | None:
        for _, attributes in reversed(self.stack):
            classes = attributes.get("class", "").split()
            if "seg" in classes:
                tints = [c for c in classes if re.fullmatch(r"f\d+", c)]
                return int(tints[0][1:]) if tints else None
        return None

    def with_class(self, name: str) -> list[dict[str, str]]:
        return [a for _, a in self.elements if name in a.get("class", "").split()]


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _span(draft: str, needle: str, start: int = 0) -> tuple[int, int]:
    at = draft.index(needle, start)
    return at, at + len(needle)


DRAFT = (
    "Alpha one. Beta two cut sho\n"
    "\n---END---\n\n"
    'Beta two cut short no more. Gamma <three> & "four".\n'
    "\n---END---\n\n"
    "Alpha one.\n"
)


def sample_result() -> MergeResult:
    """A three-fragment repair: F1 restarts F0's cut sentence, F2 is redundant."""
    f0 = Fragment(
        index=0,
        start=0,
        end=27,
        text=DRAFT[0:27],
        separator_start=0,
        separator_end=0,
        boundary="start",
    )
    f1_start = DRAFT.index("Beta two cut short")
    f1_end = DRAFT.index("\n\n---END---", f1_start) + 1
    f2_start = DRAFT.index("Alpha one.", f1_end)
    f1 = Fragment(
        index=1,
        start=f1_start,
        end=f1_end,
        text=DRAFT[f1_start:f1_end],
        separator_start=27,
        separator_end=f1_start,
        boundary="marker",
    )
    f2 = Fragment(
        index=2,
        start=f2_start,
        end=len(DRAFT),
        text=DRAFT[f2_start:],
        separator_start=f1_end,
        separator_end=f2_start,
        boundary="marker",
    )
    pieces = [
        (0, _span(DRAFT, "Alpha one. ")),
        (1, _span(DRAFT, "Beta two cut short no more. ")),
        (1, _span(DRAFT, 'Gamma <three> & "four".\n')),
    ]
    provenance = []
    offset = 0
    for sentence, (fragment, (start, end)) in enumerate(pieces):
        provenance.append(
            ProvenanceEntry(
                sentence=sentence,
                kind="sentence",
                output_start=offset,
                output_end=offset + end - start,
                fragment=fragment,
                input_start=start,
                input_end=end,
                score=100.0 if fragment == 0 else 93.5,
                copies=2 if sentence == 1 else 1,
            )
        )
        offset += end - start
    text = "".join(DRAFT[s:e] for _, (s, e) in pieces)
    result = MergeResult(
        text=text,
        changed=True,
        fragments=(f0, f1, f2),
        overlaps=(),
        joins=(
            Join(
                kind="restart",
                left=0,
                right=1,
                left_cut=11,
                right_resume=f1_start,
                output_offset=len("Alpha one. "),
                score=96.25,
                confidence=91.0,
            ),
            Join(kind="redundant", left=None, right=2, score=100.0),
        ),
        provenance=tuple(provenance),
        warnings=("join 0→1 scored <92> & was kept",),
        confidence=91.0,
    )
    replay = "".join(e.join + DRAFT[e.input_start : e.input_end] for e in result.provenance)
    assert replay == result.text  # the fixture itself honours the contract
    return result


def assert_tinted(page: _Page, result: MergeResult) -> None:
    """Every character of every entry (line breaks aside) sits in its fragment's tint."""
    assert page.article == result.text
    for entry in result.provenance:
        for offset in range(entry.output_start, entry.output_end):
            if result.text[offset] != "\n":
                assert page.owner[offset] == entry.fragment, (entry, offset)


# --------------------------------------------------------------------------- unit tests


def test_every_entry_is_inside_its_fragment_tint() -> None:
    result = sample_result()
    page = parse(render_html(DRAFT, result))
    assert_tinted(page, result)
    tinted = {a["data-fragment"] for a in page.with_class("seg")}
    assert tinted == {"0", "1"}


def test_tint_classes_have_colours_in_the_stylesheet() -> None:
    page_html = render_html(DRAFT, sample_result())
    style = parse(page_html).text_in["style"]
    for index in (0, 1, 2):
        tint = tint_for(index)
        rule = re.search(rf"\.f{index}\{{([^}}]*)\}}", style)
        assert rule is not None, index
        assert tint.background in rule.group(1) and tint.ink in rule.group(1)


def test_hover_title_names_the_source_span() -> None:
    result = sample_result()
    page = parse(render_html(DRAFT, result))
    titles = {a["data-sentence"]: a["title"] for a in page.with_class("seg")}
    for entry in result.provenance:
        title = titles[str(entry.sentence)]
        assert f"fragment {entry.fragment}" in title
        assert f"input {entry.input_start}–{entry.input_end}" in title
        assert ("score 93.5" if entry.fragment else "score 100") in title
    assert "2 copies" in titles["1"] and "1 copy" in titles["0"]


def test_join_marker_sits_at_its_output_offset() -> None:
    result = sample_result()
    page_html = render_html(DRAFT, result)
    marker = re.search(r'<span class="join join-restart" id="join-0"[^>]*></span>', page_html)
    assert marker is not None
    assert 'data-label="⟲ restart 0→1 · 96.2"' in marker.group(0)
    # The marker is followed by the first sentence of fragment 1, preceded by fragment 0.
    before, after = page_html[: marker.start()], page_html[marker.end() :]
    assert re.search(r'class="seg f0[^"]*"[^>]*>Alpha one. </span>$', before)
    assert re.match(r'<span class="seg f1[^"]*"[^>]*>Beta two cut short', after)
    # Labels are drawn by CSS, so the article's text stays exactly the repair.
    assert parse(page_html).article == result.text
    assert ".join::after{content:attr(data-label)}" in page_html


def test_join_marker_opens_the_next_paragraph() -> None:
    """A join recorded at the end of the left text is drawn after the paragraph break."""
    text = "Left piece ends.\n\nRight piece starts."
    entries = (
        ProvenanceEntry(sentence=0, kind="sentence", output_start=0, output_end=18,
                        fragment=0, input_start=0, input_end=18),
        ProvenanceEntry(sentence=1, kind="sentence", output_start=18, output_end=len(text),
                        fragment=1, input_start=18, input_end=len(text)),
    )  # fmt: skip
    gap = Join(kind="gap", left=0, right=1, output_offset=16, score=0.0, confidence=50.0)
    result = MergeResult(text=text, changed=True, fragments=(), overlaps=(), joins=(gap,),
                         provenance=entries)  # fmt: skip
    page_html = render_html(text, result)
    assert re.search(r'ends\.</span>\n\n<span class="join join-gap"[^>]*></span><span '
                     r'class="seg f1', page_html)  # fmt: skip
    assert parse(page_html).article == text


def test_everything_from_the_draft_is_escaped() -> None:
    result = sample_result()
    page_html = render_html(DRAFT, result, title='<script>alert("x")</script>')
    assert "<three>" not in page_html
    assert "Gamma &lt;three&gt; &amp; &quot;four&quot;." in page_html or (
        'Gamma &lt;three&gt; &amp; "four".' in page_html
    )
    assert "<script>alert" not in page_html
    assert "&lt;script&gt;alert" in page_html
    assert "scored &lt;92&gt; &amp; was kept" in page_html
    # Exactly one script element: the page's own.
    assert page_html.count("<script>") == 1


def test_legend_lists_every_fragment() -> None:
    result = sample_result()
    page = parse(render_html(DRAFT, result))
    rows = [a for tag, a in page.elements if tag == "tr" and "data-fragment" in a]
    assert [row["data-fragment"] for row in rows] == ["0", "1", "2"]
    legend = page.text_in["table"]
    for fragment in result.fragments:
        assert f"F{fragment.index}" in legend
        assert f"{fragment.start}–{fragment.end}" in legend
        assert str(fragment.end - fragment.start) in legend
        assert fragment.boundary in legend
    assert legend.count("redundant") == 1
    row_texts = re.findall(r'<tr data-fragment="(\d)">(.*?)</tr>', render_html(DRAFT, result))
    supplied = {index: re.sub(r"<[^>]+>", " ", row) for index, row in row_texts}
    assert "1 unit " in supplied["0"] and "−16 dropped" in supplied["0"]  # "Beta two cut sho"
    assert "2 units" in supplied["1"] and "dropped" not in supplied["1"]


def test_redundant_fragment_and_dropped_text_are_shown_collapsed() -> None:
    result = sample_result()
    page_html = render_html(DRAFT, result)
    details = re.findall(
        r'<details class="dropped" data-fragment="(\d)">(.*?)</details>', page_html, flags=re.S
    )
    by_fragment: dict[str, list[str]] = {}
    for fragment, body in details:
        by_fragment.setdefault(fragment, []).append(body)
    # F2 is redundant: its whole text, collapsed.
    assert len(by_fragment["2"]) == 1 and "Alpha one." in by_fragment["2"][0]
    # F0 lost its truncated tail, replaced by F1's complete restart.
    assert any("truncated tail" in b and "Beta two cut sho" in b for b in by_fragment["0"])
    # F1 contributed everything it had (a blank tail does not count).
    assert "1" not in by_fragment
    assert "<details open" not in page_html
    assert page_html.index("Redundant fragments") < page_html.index("Dropped duplicate text")


def test_warnings_are_listed() -> None:
    page = parse(render_html(DRAFT, sample_result()))
    assert "join 0→1 scored <92> & was kept" in page.text_in["ul"]


def test_page_is_self_contained() -> None:
    page_html = render_html(DRAFT, sample_result())
    assert page_html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page_html
    for external in ("<link", " src=", "@import", "url(http", "//fonts."):
        assert external not in page_html


def test_paragraph_breaks_survive() -> None:
    draft = "First paragraph.\n\nSecond paragraph.\n"
    result = fragmerge.fix(draft)
    page_html = render_html(draft, result)
    assert parse(page_html).article == result.text
    assert "white-space:pre-wrap" in page_html


def test_empty_result_renders() -> None:
    result = MergeResult(text="", changed=False, fragments=(), overlaps=(), provenance=())
    page = parse(render_html("", result))
    assert page.article == "(the repaired text is empty)"
    assert "No fragments." in page.text_in["aside"]
    assert "No joins" in page.text_in["aside"]
    assert "No warnings." in page.text_in["aside"]


def test_untiled_provenance_still_shows_all_text() -> None:
    """A result breaking the tiling contract renders the uncovered text as untracked."""
    text = "Covered. Not covered."
    entry = ProvenanceEntry(
        sentence=0,
        kind="sentence",
        output_start=0,
        output_end=9,
        fragment=0,
        input_start=0,
        input_end=9,
    )
    result = MergeResult(text=text, changed=False, fragments=(), overlaps=(), provenance=(entry,))
    page = parse(render_html(text, result))
    assert page.article == text
    assert page.owner[0] == 0 and page.owner[-1] is None
    assert page.with_class("untracked")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("これは日本語の文章です。句読点もあります。\n", "ja"),
        ("这是一个中文句子。它很短。\n", "zh"),
        ("An English sentence. Another one.\n", "en"),
    ],
)
def test_page_language_follows_the_text(text: str, lang: str) -> None:
    page_html = render_html(text, fragmerge.fix(text))
    assert f'<html lang="{lang}">' in page_html
    assert f'<article class="article" lang="{lang}">' in page_html


def test_default_title_comes_from_front_matter() -> None:
    draft = '---\ntitle: "My <post>"\n---\n\nBody text.\n'
    page_html = render_html(draft, fragmerge.fix(draft))
    assert "<h1>My &lt;post&gt;</h1>" in page_html


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_palette_is_distinct_and_readable() -> None:
    looks = {(tint_for(i).ink, tint_for(i).style) for i in range(32)}
    assert len(looks) == 32
    assert len({t.ink for t in PALETTE}) == len(PALETTE) == 8
    text_luminance = _luminance("#1b1b1b")
    for tint in PALETTE:
        for background in (tint.background, tint.alternate):
            ratio = (_luminance(background) + 0.05) / (text_luminance + 0.05)
            assert ratio >= 7, (tint.name, ratio)  # WCAG AAA for body text


def test_report_of_a_real_repair_replays() -> None:
    draft = "One sentence here. Two is cut sho\n\n---END---\n\nTwo is cut short no more. Three.\n"
    result = fragmerge.fix(draft)
    page = parse(render_html(draft, result))
    assert_tinted(page, result)


@pytest.mark.parametrize("article", ["en-011.md", "ja-007.md", "zh-006.md"])
@pytest.mark.parametrize("profile", ["seedlike", "hard"])
def test_reports_of_simulated_drafts(article: str, profile: str) -> None:
    """Whatever the repair, the page shows exactly its text, each entry in its tint."""
    testing = pytest.importorskip("fragmerge.testing")
    path = REPO / "tests" / "fixtures" / "corpus" / article
    if not path.is_file():
        pytest.skip(f"corpus article {article} is missing")
    for seed in range(3):
        draft = testing.simulate(path.read_text(encoding="utf-8"), seed=seed, profile=profile).draft
        result = fragmerge.fix(draft)
        page = parse(render_html(draft, result))
        assert_tinted(page, result)
        markers = page.with_class("join")
        placed = [j for j in result.joins if j.output_offset is not None and j.kind != "redundant"]
        assert len([m for m in markers if "id" in m]) == len(placed)


# --------------------------------------------------------------------------- browser


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def _seed_draft() -> str | None:
    for path in (
        REPO / "tests" / "fixtures" / "seed" / "draft.txt",
        REPO.parent / "shared" / "seeds" / "meta-datacenter.draft.txt",
    ):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


def decode_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG: width, height, rows, bytes/pixel."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, idat = 8, b""
    width = height = colour_type = 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour_type in (2, 6)
        elif kind == b"IDAT":
            idat += body
    bpp = 4 if colour_type == 6 else 3
    stride = width * bpp
    raw = zlib.decompress(idat)
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind_of_filter = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        if kind_of_filter == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, previous, strict=True))
        elif kind_of_filter:
            for x in range(stride):
                left = line[x - bpp] if x >= bpp else 0
                up = previous[x]
                up_left = previous[x - bpp] if x >= bpp else 0
                if kind_of_filter == 1:
                    predictor = left
                elif kind_of_filter == 3:
                    predictor = (left + up) // 2
                else:
                    p = left + up - up_left
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                    predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[x] = (line[x] + predictor) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, rows, bpp


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def test_seed_report_in_headless_chromium(tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    draft = _seed_draft()
    if draft is None:
        pytest.skip("no seed draft (tests/fixtures/seed/draft.txt or ../shared/seeds)")
    result = fragmerge.fix(draft)
    report = tmp_path / "seed.html"
    report.write_text(render_html(draft, result), encoding="utf-8")
    screenshot = tmp_path / "seed.png"
    common = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2000",
    ]  # fmt: skip
    shot = _run([*common, f"--screenshot={screenshot}", report.as_uri()])
    assert screenshot.is_file(), f"no screenshot; chromium said:\n{shot.stderr[-2000:]}"
    artifacts = os.environ.get("FRAGMERGE_ARTIFACTS")
    if artifacts:  # CI keeps the page and its screenshot for people to look at
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        for produced in (report, screenshot):
            shutil.copy(produced, Path(artifacts) / f"report-{produced.name}")
    dump = _run([*common, "--dump-dom", report.as_uri()])
    assert dump.returncode == 0, dump.stderr[-2000:]

    # The browser's DOM holds the whole repaired article, each entry in its tint.
    page = parse(dump.stdout)
    assert_tinted(page, result)
    used = sorted({entry.fragment for entry in result.provenance})
    for fragment in used:
        assert page.with_class(f"f{fragment}")
        assert tint_for(fragment).background in page.text_in["style"]

    # The screenshot is a real rendering: sizeable, not blank, tints painted.
    data = screenshot.read_bytes()
    assert len(data) > 50_000, len(data)
    width, height, rows, bpp = decode_png(data)
    assert (width, height) == (1280, 2000)
    tints = {
        bytes.fromhex(colour[1:])
        for fragment in used
        for colour in (tint_for(fragment).background, tint_for(fragment).alternate)
    }
    colours: set[bytes] = set()
    tinted_pixels = 0
    for row in rows[::4]:
        for x in range(0, width * bpp, bpp * 4):
            pixel = row[x : x + 3]
            colours.add(pixel)
            tinted_pixels += pixel in tints
    assert len(colours) > 50, "the screenshot is (almost) a single colour"
    sampled = len(rows[::4]) * len(range(0, width * bpp, bpp * 4))
    # The article fills about half the page and is mostly tinted background.
    assert tinted_pixels > sampled // 20, f"only {tinted_pixels}/{sampled} sampled pixels tinted"
