"""Unit tests of fragmerge.text: the comparison view, units, front matter.

Small hand-written inputs in Japanese, Chinese and English. Every expectation
is written out literally so a failure shows what the splitter or view did.
"""

from __future__ import annotations

import pytest

from fragmerge.text import (
    build_view,
    front_matter_end,
    is_complete,
    is_no_space_script,
    paragraph_separator,
    split_units,
)


def units(text: str, start: int = 0) -> list[tuple[str, str]]:
    """(text, kind) of each unit, cut from the raw text by the unit's offsets."""
    return [(text[u.start : u.end], u.kind) for u in split_units(text, start)]


def texts(text: str) -> list[str]:
    return [t for t, _ in units(text)]


# ------------------------------------------------------------------ view


class TestView:
    def test_nfkc_folds_fullwidth_letters_and_digits(self) -> None:
        assert build_view("ＡＢＣ　２０２６年").chars == "abc2026年"

    def test_case_folding(self) -> None:
        assert build_view("Hello WORLD").chars == "helloworld"
        # casefold, not lower: ß folds to ss
        assert build_view("Straße").chars == "strasse"

    def test_punctuation_and_whitespace_removed(self) -> None:
        assert build_view("Hello,  world!\n\n  Again.").chars == "helloworldagain"
        assert build_view("日本語、テスト。「引用」（括弧）").chars == "日本語テスト引用括弧"
        assert build_view("中文，测试。“引号”").chars == "中文测试引号"

    def test_punctuation_variants_compare_equal(self) -> None:
        assert build_view("これは、テスト。").chars == build_view("これは,テスト.").chars
        assert build_view("这是，测试。").chars == build_view("这是, 测试.").chars

    def test_joined_paragraphs_compare_equal(self) -> None:
        split = "First paragraph.\n\nSecond paragraph."
        joined = "First paragraph. Second paragraph."
        assert build_view(split).chars == build_view(joined).chars

    def test_markdown_emphasis_invisible(self) -> None:
        assert build_view("**Bold** _em_ text").chars == "boldemtext"

    def test_continued_suffix_of_a_heading_invisible(self) -> None:
        assert build_view("## Setup (Continued)\nText").chars == "setuptext"

    @pytest.mark.parametrize(
        "raw",
        [
            "Hello,  World! ２０２６年、「テスト」。",
            "Straße ﬁne",  # one raw char -> two view chars
            "中文，测试。“引号” and English.",
            "  leading space\n\nand ＡＢＣ",
        ],
    )
    def test_offsets_map_back_to_raw(self, raw: str) -> None:
        import unicodedata

        view = build_view(raw)
        assert len(view.offsets) == len(view.chars)
        assert list(view.offsets) == sorted(view.offsets)
        for ch, off in zip(view.chars, view.offsets, strict=True):
            assert ch in unicodedata.normalize("NFKC", raw[off]).casefold()

    def test_offsets_exact(self) -> None:
        raw = "Hello, World!"
        view = build_view(raw)
        assert view.chars == "helloworld"
        assert view.offsets == (0, 1, 2, 3, 4, 7, 8, 9, 10, 11)

    def test_offsets_when_normalisation_changes_length(self) -> None:
        raw = "Straße"
        view = build_view(raw)
        assert view.chars == "strasse"
        # both view characters of ß map back to the ß
        assert [raw[o] for o in view.offsets] == ["S", "t", "r", "a", "ß", "ß", "e"]

    def test_view_from_start_offset_keeps_raw_offsets(self) -> None:
        raw = "skip this. Keep."
        view = build_view(raw, 11)
        assert view.chars == "keep"
        assert view.offsets[0] == 11

    def test_raw_start_and_raw_end(self) -> None:
        raw = "ab, cd"
        view = build_view(raw)
        assert view.raw_start(2, len(raw)) == 4  # 'c'
        assert view.raw_start(4, len(raw)) == len(raw)  # past the end
        assert view.raw_end(2) == 2  # just after 'b'
        assert view.raw_end(0) == 0


# ------------------------------------------------------------------ units


class TestSentences:
    def test_japanese_terminators(self) -> None:
        assert texts("これは一文目です。これは二文目！三文目？最後") == [
            "これは一文目です。",
            "これは二文目！",
            "三文目？",
            "最後",
        ]

    def test_chinese_terminators(self) -> None:
        assert texts("这是第一句。这是第二句！第三句？") == [
            "这是第一句。",
            "这是第二句！",
            "第三句？",
        ]

    def test_chinese_closing_quote_stays_with_its_sentence(self) -> None:
        assert texts("他说完了。”然后离开了。") == ["他说完了。”", "然后离开了。"]

    def test_closing_bracket_stays_with_its_sentence(self) -> None:
        assert texts("（これは括弧の中の文です。）次の文。") == [
            "（これは括弧の中の文です。）",
            "次の文。",
        ]

    def test_japanese_quote_inside_a_sentence_is_not_a_sentence_end(self) -> None:
        # 「…。」と言った。 is one sentence: the quote is the object of 言った. The
        # pytest plugin's own splitter treats it so; text.split_units cuts after 」.
        assert texts("彼は「行く。」と言った。次の文。") == ["彼は「行く。」と言った。", "次の文。"]

    def test_mixed_scripts(self) -> None:
        assert texts("日本語です。Englishも混ざる。Really? Yes!") == [
            "日本語です。",
            "Englishも混ざる。",
            "Really?",
            "Yes!",
        ]

    def test_latin_sentence_ends(self) -> None:
        assert texts("One. Two! Three? Four") == ["One.", "Two!", "Three?", "Four"]

    def test_abbreviations_do_not_end_sentences(self) -> None:
        assert texts("Dr. Smith met Mr. Brown. See e.g. the docs. U.S. policy is odd. Done.") == [
            "Dr. Smith met Mr. Brown.",
            "See e.g. the docs.",
            "U.S. policy is odd.",
            "Done.",
        ]

    def test_line_ending_in_an_abbreviation_wraps(self) -> None:
        # no sentence ends with "i.e." or "e.g.": the line after goes on with it
        assert texts("Ruby has “mixins” (i.e.\n  you can “inherit” methods).\nNext.") == [
            "Ruby has “mixins” (i.e.\n  you can “inherit” methods).",
            "Next.",
        ]

    def test_initialisms_and_references_do_not_end_sentences(self) -> None:
        """Found comparing with sentencex (benchmarks/splitters.py): dotted initials before
        a name and section or figure references before a number."""
        assert texts(
            "Analysts at J.P. Morgan agreed. See Sec. 4.1 and Ch. 2 of Smith et al. here."
        ) == [
            "Analysts at J.P. Morgan agreed.",
            "See Sec. 4.1 and Ch. 2 of Smith et al. here.",
        ]

    def test_decimals_versions_and_urls_stay_whole(self) -> None:
        assert texts("It costs $3.50 today. Version 2.0.1 is out. See https://x.org/a.b now.") == [
            "It costs $3.50 today.",
            "Version 2.0.1 is out.",
            "See https://x.org/a.b now.",
        ]

    def test_soft_wrapped_line_is_one_sentence(self) -> None:
        assert texts("Line one wraps\nonto the next line. New sentence.") == [
            "Line one wraps\nonto the next line.",
            "New sentence.",
        ]

    def test_unit_offsets_exclude_surrounding_whitespace(self) -> None:
        text = "  One.   Two.  \n\n"
        for u in split_units(text):
            piece = text[u.start : u.end]
            assert piece == piece.strip()
        assert texts(text) == ["One.", "Two."]


class TestBlocks:
    def test_headings(self) -> None:
        assert units("# Title\n\n## 見出し\n\n本文。") == [
            ("# Title", "heading"),
            ("## 見出し", "heading"),
            ("本文。", "sentence"),
        ]

    def test_bold_line_is_a_heading(self) -> None:
        assert units("**投資家としての君へ**\n\n本文。") == [
            ("**投資家としての君へ**", "heading"),
            ("本文。", "sentence"),
        ]

    def test_list_items(self) -> None:
        assert units("- one. two.\n* star\n+ plus\n1. first\n2) second\n・ 中黒\n") == [
            ("- one. two.", "list_item"),
            ("* star", "list_item"),
            ("+ plus", "list_item"),
            ("1. first", "list_item"),
            ("2) second", "list_item"),
            ("・ 中黒", "list_item"),
        ]

    def test_table_rows(self) -> None:
        assert units("| a | b |\n|---|---|\n| 1. x | 2 |\n") == [
            ("| a | b |", "table_row"),
            ("|---|---|", "table_row"),
            ("| 1. x | 2 |", "table_row"),
        ]

    def test_table_without_outer_pipes_is_rows(self) -> None:
        # (GitHub's Markdown: a header, a delimiter row with as many cells, then every
        # line up to a blank one, a pipe in it or not)
        text = (
            "仓库 | 系列\n--- | ---\n[pangu.js](https://x.example) | pangu\n[pangu.py]\n\nText.\n"
        )
        assert units(text) == [
            ("仓库 | 系列", "table_row"),
            ("--- | ---", "table_row"),
            ("[pangu.js](https://x.example) | pangu", "table_row"),
            ("[pangu.py]", "table_row"),
            ("Text.", "sentence"),
        ]

    def test_pipe_in_prose_is_no_table(self) -> None:
        # no delimiter row under it, or one with another number of cells
        assert units("Use a | b to pipe.\nIt reads.\n\nx | y\n--- | --- | ---\n") == [
            ("Use a | b to pipe.", "sentence"),
            ("It reads.", "sentence"),
            ("x | y\n--- | --- | ---", "sentence"),
        ]

    def test_fenced_code_is_one_unit(self) -> None:
        text = "Before.\n\n```python\nx = 1. y = 2.\n\nprint(x)\n```\n\nAfter. More.\n"
        assert units(text) == [
            ("Before.", "sentence"),
            ("```python\nx = 1. y = 2.\n\nprint(x)\n```", "code"),
            ("After.", "sentence"),
            ("More.", "sentence"),
        ]

    def test_indented_code_after_a_blank_line_is_one_unit(self) -> None:
        text = (
            "Run it:\n\n    make. all\n\n    make install\n\nDone.\n\n- item\n\n    More of it.\n"
        )
        assert units(text) == [
            ("Run it:", "sentence"),
            ("make. all\n\n    make install", "code"),
            ("Done.", "sentence"),
            ("- item", "list_item"),
            # (indented after a list item: the item's next paragraph, not code)
            ("More of it.", "sentence"),
        ]
        # a wrapped line indented inside a paragraph is no code block
        assert units("One line\n    wraps here.\n")[0][1] == "sentence"

    def test_tilde_fence(self) -> None:
        assert units("~~~\n代码。第二。\n~~~\n文字。") == [
            ("~~~\n代码。第二。\n~~~", "code"),
            ("文字。", "sentence"),
        ]

    def test_rule(self) -> None:
        assert units("Text.\n\n---\n\nMore.") == [
            ("Text.", "sentence"),
            ("---", "rule"),
            ("More.", "sentence"),
        ]

    def test_start_and_end_bounds(self) -> None:
        text = "Skip. Keep one. Keep two. Skip too."
        got = [(u.start, u.end) for u in split_units(text, 6, 25)]
        assert [text[s:e] for s, e in got] == ["Keep one.", "Keep two."]


class TestFrontMatter:
    def test_yaml_front_matter(self) -> None:
        text = "---\ntitle: x\ndate: 2024-01-01\n---\n\nBody one.\n"
        end = front_matter_end(text)
        assert text[:end] == "---\ntitle: x\ndate: 2024-01-01\n---\n"

    def test_toml_front_matter(self) -> None:
        text = '+++\ntitle = "x"\n+++\nBody.'
        assert text[: front_matter_end(text)] == '+++\ntitle = "x"\n+++\n'

    def test_no_front_matter(self) -> None:
        assert front_matter_end("Body.\n---\ntitle: x\n---\n") == 0
        assert front_matter_end("--- not front matter\n") == 0

    def test_rule_followed_by_prose_is_not_front_matter(self) -> None:
        assert front_matter_end("---\n\nSome prose here.\n---\nmore") == 0

    def test_unclosed_front_matter(self) -> None:
        assert front_matter_end("---\ntitle: x\nBody.\n") == 0

    def test_front_matter_is_one_unit_for_alignment(self) -> None:
        from fragmerge.align import prepare
        from fragmerge.segment import segment

        draft = "---\ntitle: 記事\ntags: [a, b]\n---\n\n本文です。次の文。\n"
        (fragment,) = segment(draft)
        prepared = prepare(fragment, draft)
        kinds = [(fragment.text[u.start : u.end], u.kind) for u in prepared.units]
        assert kinds == [
            ("---\ntitle: 記事\ntags: [a, b]\n---", "front_matter"),
            ("本文です。", "sentence"),
            ("次の文。", "sentence"),
        ]
        # front matter never aligns: the view starts at the body
        assert prepared.view.chars == "本文です次の文"


class TestPredicates:
    @pytest.mark.parametrize(
        ("unit", "complete"),
        [
            ("Done.", True),
            ("Really?", True),
            ("Wait...", True),
            ("「はい。」", True),
            ("これで終わり。", True),
            ("完了！", True),
            ("それは、次世代のAIモデル", False),
            ("It was cut mid", False),
            ("x = 1.5", False),
        ],
    )
    def test_is_complete(self, unit: str, complete: bool) -> None:
        assert is_complete(unit) is complete

    @pytest.mark.parametrize(
        ("ch", "expected"),
        [("地", True), ("ア", True), ("の", True), ("中", True), ("a", False), ("한", False)],
    )
    def test_is_no_space_script(self, ch: str, expected: bool) -> None:
        assert is_no_space_script(ch) is expected

    def test_paragraph_separator(self) -> None:
        assert paragraph_separator("One.\n\nTwo.\n\nThree.") == "\n\n"
        assert paragraph_separator("One.\nTwo.\nThree.\nFour.") == "\n"


def test_ascii_bang_inside_a_word_or_image_does_not_end_a_sentence() -> None:
    """`_CJK_END` includes ASCII `!` and `?`, so they end a sentence wherever they stand:
    "See ![a diagram](d.png) below." is split into "See !" and "[a diagram](d.png) below.",
    and a draft cut inside an image line gets a doubled "!" (see test_merge)."""
    assert texts("See ![a diagram](d.png) below. Next.") == [
        "See ![a diagram](d.png) below.",
        "Next.",
    ]
