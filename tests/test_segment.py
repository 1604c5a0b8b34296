"""Unit tests of fragmerge.segment: markers, front matter, chat-UI debris, spans."""

from __future__ import annotations

import itertools

import pytest

import fragmerge
from fragmerge import DEFAULT_MARKERS, Fragment, Options, OptionsError, segment
from texts import (
    HIGHLIGHT_FIRST,
    HIGHLIGHT_LEAD,
    HIGHLIGHT_SECOND,
    JA1,
    JA2,
    JA3,
    P1,
    P2,
    P3,
    release_blocks,
)


def pieces(draft: str, options: Options | None = None) -> list[str]:
    """The fragments' texts, after checking every span points at its text."""
    fragments = segment(draft, options)
    check_spans(draft, fragments)
    return [f.text for f in fragments]


def check_spans(draft: str, fragments: tuple[Fragment, ...]) -> None:
    for i, f in enumerate(fragments):
        assert f.index == i
        assert draft[f.start : f.end] == f.text
        assert f.text == f.text.strip() or i == 0  # fragment 0 may open with front matter
        assert f.separator_start <= f.separator_end == f.start
    for a, b in itertools.pairwise(fragments):
        assert a.end <= b.separator_start


# A cut sentence, a marker, and a restart of the cut sentence.
LEFT = "Alpha one. Beta tw"
RIGHT = "Beta two. Gamma."


class TestMarkers:
    @pytest.mark.parametrize(
        "marker",
        [
            "---END---",
            "=== END ===",
            "***END***",
            "---CONTINUE---",
            "---PART 2---",
            "<|endoftext|>",
            "<|im_end|>",
            "</s>",
            "<eos>",
            "[END]",
            "[continued]",
            "(Continued)",
            "(continued...)",
            "[to be continued]",
            "（続き）",
            "(続く)",
            "【続く】",
            "（つづく）",
            "——続く——",
            "（续）",
            "（未完待续）",
            "【待续】",
            "(續)",
        ],
    )
    def test_default_marker(self, marker: str) -> None:
        draft = f"{LEFT}\n\n{marker}\n\n{RIGHT}\n"
        fragments = segment(draft)
        check_spans(draft, fragments)
        assert [f.text for f in fragments] == [LEFT, RIGHT]
        assert [f.boundary for f in fragments] == ["start", "marker"]
        # the separator span holds the marker line
        assert marker in draft[fragments[1].separator_start : fragments[1].separator_end]

    def test_marker_with_surrounding_spaces_and_case(self) -> None:
        assert pieces(f"{LEFT}\n   ---end---  \n{RIGHT}") == [LEFT, RIGHT]

    def test_marker_without_blank_lines(self) -> None:
        assert pieces(f"{LEFT}\n<|endoftext|>\n{RIGHT}\n") == [LEFT, RIGHT]

    def test_several_markers(self) -> None:
        draft = "One.\n\n---END---\n\nTwo.\n\n（続き）\n\nThree.\n\n[continued]\n\nFour.\n"
        assert pieces(draft) == ["One.", "Two.", "Three.", "Four."]

    def test_consecutive_markers_make_one_separator(self) -> None:
        assert pieces("One.\n\n---END---\n\n<|endoftext|>\n\nTwo.\n") == ["One.", "Two."]

    def test_marker_inside_a_line_is_not_a_marker(self) -> None:
        draft = "Write ---END--- to end a piece.\n"
        assert pieces(draft) == [draft.strip()]

    def test_marker_at_the_end_makes_no_empty_fragment(self) -> None:
        assert pieces("One.\n\n---END---\n") == ["One."]

    def test_marker_at_the_start_makes_no_empty_fragment(self) -> None:
        assert pieces("---END---\n\nOne.\n") == ["One."]

    def test_default_markers_exported(self) -> None:
        assert Options().markers == DEFAULT_MARKERS
        assert "---" not in DEFAULT_MARKERS


class TestConfigurableMarkers:
    def test_markers_replace_the_defaults(self) -> None:
        options = Options(markers=(r"@@CUT@@",))
        assert pieces("A one.\n\n@@CUT@@\n\nB two.\n", options) == ["A one.", "B two."]
        # ---END--- is no longer a marker
        draft = "A one.\n\n---END---\n\nB two.\n"
        assert pieces(draft, options) == [draft.strip()]

    def test_extra_markers_add_to_the_defaults(self) -> None:
        options = Options(extra_markers=(r"@@CUT@@",))
        draft = "A one.\n\n@@CUT@@\n\nB two.\n\n---END---\n\nC three.\n"
        assert pieces(draft, options) == ["A one.", "B two.", "C three."]
        assert options.all_markers() == (*DEFAULT_MARKERS, r"@@CUT@@")

    def test_fix_accepts_marker_overrides(self) -> None:
        draft = "A one. B tw\n\n%%%\n\nB two. C three.\n"
        assert fragmerge.fix(draft, extra_markers=(r"%%%",)).text == "A one. B two. C three.\n"

    @pytest.mark.parametrize("field", ["markers", "extra_markers"])
    @pytest.mark.parametrize("pattern", ["(", "[unclosed", "a{2,1}"])
    def test_invalid_regex_is_an_options_error(self, field: str, pattern: str) -> None:
        options = Options.model_validate({field: (pattern,)})
        with pytest.raises(OptionsError, match="marker"):
            segment("Some text.\n", options)
        with pytest.raises(fragmerge.FragmergeError):
            fragmerge.fix("Some text.\n", options)

    def test_invalid_debris_pattern_is_an_options_error(self) -> None:
        with pytest.raises(OptionsError, match="debris"):
            segment("Some text.\n", Options(debris_patterns=("(",)))

    def test_extra_debris_pattern(self) -> None:
        options = Options(debris_patterns=(r">>> next chunk <<<",))
        draft = "One. Tw\n\n>>> next chunk <<<\n\nTwo. Three.\n"
        fragments = segment(draft, options)
        check_spans(draft, fragments)
        assert [(f.text, f.boundary) for f in fragments] == [
            ("One. Tw", "start"),
            ("Two. Three.", "debris"),
        ]


class TestFrontMatterAndRules:
    def test_front_matter_belongs_to_fragment_zero(self) -> None:
        draft = "---\ntitle: t\n---\nA.\n[continued]\nB.\n"
        fragments = segment(draft)
        check_spans(draft, fragments)
        assert [f.text for f in fragments] == ["---\ntitle: t\n---\nA.", "B."]
        assert fragments[0].start == 0

    def test_front_matter_is_never_a_marker(self) -> None:
        draft = "---\ntitle: 記事\ndate: 2025-01-01\n---\n\n本文です。\n"
        assert pieces(draft) == [draft.rstrip()]

    def test_front_matter_alone(self) -> None:
        draft = "---\ntitle: x\n---\n"
        assert pieces(draft) == [draft.rstrip()]

    def test_rule_inside_text_is_not_a_marker(self) -> None:
        draft = "Intro.\n\n---\n\nAfter the rule.\n"
        assert pieces(draft) == ["Intro.\n\n---\n\nAfter the rule."]

    def test_rule_after_front_matter_is_not_a_marker(self) -> None:
        draft = "---\ntitle: t\n---\n\nBody one.\n\n---\n\nBody two.\n"
        assert pieces(draft) == [draft.rstrip()]

    def test_marker_inside_code_fence_region_keeps_spans(self) -> None:
        draft = "Text.\n\n```\nprint(1)\n```\n\n---END---\n\nMore.\n"
        assert pieces(draft) == ["Text.\n\n```\nprint(1)\n```", "More."]

    def test_empty_and_blank_drafts(self) -> None:
        assert segment("") == ()
        assert segment("\n\n  \n") == ()

    def test_clean_text_is_one_fragment_spanning_it(self) -> None:
        draft = "# 标题\n\n第一段。第二句。\n\n第二段。\n"
        (fragment,) = segment(draft)
        assert (fragment.start, fragment.end) == (0, len(draft.rstrip()))
        assert fragment.boundary == "start"


# ------------------------------------------------------------------ debris

AVATAR = (
    "![](data:image/svg+xml,%3csvg%20xmlns=%27http://www.w3.org/2000/svg%27%20width=%2730%27/%3e)"
    "![Full Bright](https://chat.openai.com/_next/image?url=https%3A%2F%2Flh3.googleusercontent"
    ".com%2Fa%2FX&w=64&q=75)"
)
AIPRM_EXPORT = (
    "```\nExported with AIPRM https://www.aiprm.com by Someone on 21/03/2023 23:32:34\n```\n\n"
    "---\n\n\n**User:**\nwrite an article about cats\n\n\n---\n\n**ChatGPT:**\n"
    "Cats sleep a lot. They purr when they are\n\n"
    "---\n\n**User:**\nContinue writing please\n\n---\n\n**ChatGPT:**\n"
    "My apologies, here's the continuation of the article:\n"
    "They purr when they are happy. The end.\n"
)


class TestDebris:
    def test_continue_writing_please(self) -> None:
        draft = (
            "First part here. It was cut mid\n\nContinue writing please\n\nIt was cut mid way.\n"
        )
        fragments = segment(draft)
        check_spans(draft, fragments)
        assert [(f.text, f.boundary) for f in fragments] == [
            ("First part here. It was cut mid", "start"),
            ("It was cut mid way.", "debris"),
        ]

    @pytest.mark.parametrize(
        "turn",
        ["Continue writing please", "continue", "Please continue.", "続けてください", "继续"],
    )
    def test_user_turns(self, turn: str) -> None:
        assert pieces(f"Part one.\n\n{turn}\n\nPart two.\n") == ["Part one.", "Part two."]

    def test_avatar_image_lines(self) -> None:
        draft = f"First part here.\n\n{AVATAR}\n\nContinue writing please\n\nSecond part.\n"
        assert pieces(draft) == ["First part here.", "Second part."]

    def test_git_conflict_markers_are_debris(self) -> None:
        draft = (
            "Part one. It was cut\n\n---END---\n\n<<<<<<< Updated upstream\n"
            "It was cut short.\n=======\n## Related\n\n- [A link](/a)\n"
            ">>>>>>> Stashed changes\n"
        )
        fragments = segment(draft)
        check_spans(draft, fragments)
        assert [f.text for f in fragments] == [
            "Part one. It was cut",
            "It was cut short.",
            "## Related\n\n- [A link](/a)",
        ]

    @pytest.mark.parametrize(
        "draft",
        [
            "Title\n=======\n\nText. More text.\n",  # a setext underline
            "Text.\n\n<<<<<<< ours\nno closing marker\n=======\n",
            "Show a conflict:\n\n```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> main\n```\n",
        ],
    )
    def test_lone_or_fenced_conflict_lines_stay(self, draft: str) -> None:
        assert pieces(draft) == [draft.strip()]

    def test_ordinary_image_is_not_debris(self) -> None:
        draft = "Text.\n\n![A diagram](https://example.com/diagram.png)\n\nMore text.\n"
        assert pieces(draft) == [draft.strip()]

    def test_aiprm_export_banner_role_headers_rules_and_apology(self) -> None:
        fragments = segment(AIPRM_EXPORT)
        check_spans(AIPRM_EXPORT, fragments)
        assert [(f.text, f.boundary) for f in fragments] == [
            ("Cats sleep a lot. They purr when they are", "start"),
            ("They purr when they are happy. The end.", "debris"),
        ]

    def test_aiprm_export_repairs(self) -> None:
        result = fragmerge.fix(AIPRM_EXPORT)
        assert result.text == "Cats sleep a lot. They purr when they are happy. The end.\n"

    def test_apology_preamble(self) -> None:
        draft = (
            "Part one is cut\n\nContinue writing please\n\n"
            "My apologies, here's the continuation of the article:\n\nPart one is cut here.\n"
        )
        assert pieces(draft) == ["Part one is cut", "Part one is cut here."]

    def test_preamble_after_a_marker(self) -> None:
        draft = (
            "Alpha one.\n\n---END---\n\nCertainly! Here's the continuation of the article:\n\nB.\n"
        )
        assert pieces(draft) == ["Alpha one.", "B."]

    def test_preamble_like_sentence_inside_the_text_is_kept(self) -> None:
        draft = "Alpha one.\n\nHere is the rest of the article: it continues below.\n\nBeta.\n"
        assert pieces(draft) == [draft.strip()]

    def test_restated_continued_heading(self) -> None:
        draft = (
            "## Setup\n\nInstall the tool. Then configure\n\nContinue writing please\n\n"
            "## Setup (Continued)\n\nThen configure it well. Done.\n"
        )
        assert pieces(draft) == [
            "## Setup\n\nInstall the tool. Then configure",
            "Then configure it well. Done.",
        ]
        assert fragmerge.fix(draft).text == (
            "## Setup\n\nInstall the tool. Then configure it well. Done.\n"
        )

    def test_debris_off(self) -> None:
        draft = "Part one.\n\nContinue writing please\n\nPart two.\n"
        assert pieces(draft, Options(remove_debris=False)) == [draft.strip()]

    def test_title_prompt_line_is_debris(self) -> None:
        draft = "Laravel error 419 explained\n\n# Laravel Error 419 Explained\n\nBody text here.\n"
        assert pieces(draft) == ["# Laravel Error 419 Explained\n\nBody text here."]
        # a document label before the title is markup, not a typed prompt
        labelled = "(Requirement Specifiers)=\n\n# Requirement Specifiers\n\nBody text here.\n"
        assert pieces(labelled) == [labelled.strip()]

    @pytest.mark.parametrize(
        "line", ["continue.", "Continue writing please", "generated by the Developers Console."]
    )
    def test_chat_turn_words_wrapped_inside_a_paragraph_stay(self, line: str) -> None:
        # a wrapped line of prose that reads like a chat turn or a banner has text right
        # above or below it; a real turn stands as a paragraph of its own
        draft = f"Listeners can make asynchronous calls and cause the process to\n{line}\n\nMore.\n"
        assert pieces(draft) == [draft.strip()]
        draft = f"Intro text.\n\n{line}\nThe listener callback is invoked with the code.\n"
        assert pieces(draft) == [draft.strip()]

    @pytest.mark.parametrize(
        "text",
        [
            # role words as entries of a list of words (a list of domains)
            "MARKETS\nME\nMED\nMEDIA\nYOU\nYOUTUBE\nYT\n",
            # a role word in an indented diagram or code example
            "The three parts:\n\n    Model\n    View\n    Controller\n\nEach is a class.\n",
            "Type this:\n\n\tme\n\nand press Enter.\n",
            # a title underlined like a setext heading (a reStructuredText page)
            "continue\n--------\n\nContinue the current loop with its next iteration.\n",
        ],
    )
    def test_role_and_turn_words_that_are_text_stay(self, text: str) -> None:
        assert pieces(text) == [text.strip()]


def test_debris_after_a_fenced_block_with_an_info_string() -> None:
    """`_classify` tracks code fences with `_FENCE_OPEN.fullmatch`, which matches only a
    bare fence: an opening "```python" is not seen, its closing "```" is taken for an
    opening one, and everything after it counts as inside code, so the user turn
    "Continue writing please" is kept as content and the draft is not split."""
    draft = (
        "Intro.\n\n```python\nprint(1)\n```\n\nThe text is cut mid\n\n"
        "Continue writing please\n\nThe text is cut mid sentence. End.\n"
    )
    assert pieces(draft) == [
        "Intro.\n\n```python\nprint(1)\n```\n\nThe text is cut mid",
        "The text is cut mid sentence. End.",
    ]


# ------------------------------------------------------------------ implicit restarts
# No marker, no debris: the next piece is found where the text restarts earlier text.


class TestImplicitRestarts:
    def test_restart_of_the_cut_paragraph(self) -> None:
        cut = "A new paragraph begins with a long sentence about something"
        draft = f"{P1}\n\n{cut}\n\n{P2}\n\n{P3}\n"
        fragments = segment(draft)
        check_spans(draft, fragments)
        assert [f.text for f in fragments] == [f"{P1}\n\n{cut}", f"{P2}\n\n{P3}"]
        assert fragments[1].boundary == "implicit"
        assert fragmerge.fix(draft).text == f"{P1}\n\n{P2}\n\n{P3}\n"

    def test_off_by_option(self) -> None:
        cut = "A new paragraph begins with a long sentence about something"
        draft = f"{P1}\n\n{cut}\n\n{P2}\n\n{P3}\n"
        assert len(pieces(draft, Options(implicit_restarts=False))) == 1

    def test_refrain_is_not_a_restart(self) -> None:
        draft = (
            "Chorus line here and there.\n\nVerse one is different.\n\n"
            "Chorus line here and there.\n\nVerse two.\n"
        )
        assert pieces(draft) == [draft.strip()]

    def test_repeated_heading_is_not_a_restart(self) -> None:
        draft = "## Example\n\nFirst example text.\n\n## Example\n\nSecond example text.\n"
        assert pieces(draft) == [draft.strip()]

    @pytest.mark.parametrize(
        ("cut", "complete"),
        [
            ("A new paragraph. It goes on for a", "It goes on for a while here."),
            (
                "次の段落では詳細に踏み込みます。技術的な内容も含まれていますが、ここで切",
                "技術的な内容も含まれていますが、ここで切れています。",
            ),
        ],
        ids=["en", "ja"],
    )
    def test_restart_of_a_short_cut_sentence(self, cut: str, complete: str) -> None:
        """A cut sentence, a blank line, and a line restarting it complete: the restart
        is missed because the copied run (the cut sentence alone: 12 and 19 view
        characters) is shorter than `_MIN_TRUNCATED_RUN` (24), although the cut
        sentence itself is the evidence."""
        draft = f"{P1}\n\n{cut}\n\n{complete}\n\n{P3}\n"
        assert len(pieces(draft)) == 2

    def test_restart_after_a_cut_ending_in_a_digit(self) -> None:
        """`_looks_cut` requires a letter or comma at the end (`_CUT_END`), so a sentence
        cut after "ARM64" or "2025" is not seen as cut and its restart is missed."""
        cut = "Most respondents in this year's survey develop on x86-64 or ARM64"
        draft = f"{P1}\n\n{cut}\n\n{cut} machines today.\n\n{P3}\n"
        assert pieces(draft) == [f"{P1}\n\n{cut}", f"{cut} machines today.\n\n{P3}"]

    def test_restart_after_a_cut_sentence_holding_a_link(self) -> None:
        """`_looks_cut` rejects any unit containing "](", so a cut sentence that holds a
        Markdown link is never seen as cut and its restart is missed."""
        cut = "The [goal for Go modules](https://go.dev/blog) has been to add the concept of"
        draft = f"{P1}\n\n{cut}\n\n{cut} versions.\n\n{P3}\n"
        assert pieces(draft) == [f"{P1}\n\n{cut}", f"{cut} versions.\n\n{P3}"]

    @pytest.mark.parametrize(
        ("before", "cut", "rest"),
        [
            ("Ruby is dynamically typed. ", "For", " example, you do not need to know it."),
            ("* There are no header files.\n", "* All", " variables live on the heap."),
            ("## Core classes updates\n\n", "Note:", " We are only listing outstanding updates."),
            ("Goals\n=====\n\n", "The", " following section formalizes the goals of the group."),
            ("* [tool.tar.xz](https://example.org/t.xz)\n\n", "SIZE:   8316772", " bytes"),
        ],
        ids=["mid-paragraph", "tight-list", "colon", "article", "digits"],
    )
    def test_restart_of_a_paragraph_end_cut_too_short_to_key(
        self, before: str, cut: str, rest: str
    ) -> None:
        """The unfinished last sentence of a paragraph, shorter than a seed key, and the
        next paragraph beginning with exactly its text: a restart (in the same paragraph,
        or in the same tight list, or with an end that cannot finish anything)."""
        head = f"{P1}\n\n{before}{cut}"
        draft = f"{head}\n\n{cut}{rest}\n\n{P3}\n"
        assert pieces(draft) == [head, f"{cut}{rest}\n\n{P3}"]

    @pytest.mark.parametrize("title", ["Summary", "Plan A", "Vitamin A"])
    def test_short_paragraph_that_begins_the_next_one_is_a_title(self, title: str) -> None:
        """A short paragraph of its own whose end could finish a title is kept apart from
        a next paragraph that happens to begin with it: no restart."""
        draft = f"{P1}\n\n{title}\n\n{title} of the changes made this year.\n\n{P3}\n"
        assert pieces(draft) == [draft.strip()]

    def test_heading_cut_before_the_heading_it_begins(self) -> None:
        """`## 冷` and then `## 冷门但有用`: a section without a word of its own, restarted."""
        draft = f"{P1}\n\n## 冷\n\n## 冷门但有用\n\n{P3}\n"
        assert pieces(draft) == [f"{P1}\n\n## 冷", f"## 冷门但有用\n\n{P3}"]

    def test_restart_of_a_cut_before_a_redundant_piece(self) -> None:
        """A cut list item (`* 使用现代`), then a redundant piece restating earlier text
        (cut itself), then the restart of the cut item: found though the cut is not
        right before it."""
        items = "* 第一项说明了背景。\n* 第二项说明了细节。"
        cut = "* 使用现代"
        redundant = f"{P1}\n\n* 第一项说明了背景。\n* 第二项说"
        full = "* 使用现代的表达语法来显示符号类型键值的情况。"
        draft = f"{P1}\n\n{items}\n{cut}\n\n{redundant}\n\n{full}\n\n{P3}\n"
        assert pieces(draft) == [f"{P1}\n\n{items}\n{cut}", redundant, f"{full}\n\n{P3}"]

    def test_list_of_names_followed_by_names_with_versions_is_not_a_restart(self) -> None:
        """A tight list of gem names ending `* syslog`, and further on a list with
        versions (`* syslog 0.1.2`): a changelog, not a cut."""
        draft = (
            f"{P1}\n\n* racc\n* rinda\n* syslog\n\nNew default gems.\n\n"
            "* prism 0.19.0\n* syslog 0.1.2\n"
        )
        assert pieces(draft) == [draft.strip()]

    def test_code_block_before_a_restart_goes_with_it(self) -> None:
        """A restart that begins with a code block (which cannot begin a restart
        itself) starts at the block, not at the first sentence after it."""
        code = "```bash\n{\n  # code here\n}\n```"
        cut = "- Use `man ascii` for a table. `man unicode`, `man utf-8`, and `man latin1`"
        draft = (
            f"{P1}\n\n{code}\n\n- Learn about here documents in Bash.\n\n{cut}\n\n"
            f"{code}\n\n- Learn about here documents in Bash.\n\n{cut} help too.\n"
        )
        assert pieces(draft)[-1].startswith(code)

    def test_restart_from_inside_the_cut_sentence(self) -> None:
        """The next paragraph begins with the end of the unfinished sentence before it (a
        restart from a point the splitter does not see as a sentence start, after "e.g.")."""
        cut = (
            "It is preferable to reduce the scope of a proposal (e.g. by deferring some "
            "features to later PEPs), as this status can lead to version"
        )
        rest = "by deferring some features to later PEPs), as this status can lead to version"
        draft = f"{P1}\n\n{cut}\n\n{rest} compatibility challenges.\n\n{P3}\n"
        assert pieces(draft) == [f"{P1}\n\n{cut}", f"{rest} compatibility challenges.\n\n{P3}"]

    @pytest.mark.parametrize(
        ("cut", "rest"),
        [
            ("replacer", "引数に配列を渡した場合はプロパティの許可リストとして使われます。"),
            ("* **Update**", " 1.9.1 pl. 378がリリースされました。"),
        ],
        ids=["glued-word", "list-item"],
    )
    def test_paragraph_of_its_own_restarted_inside_its_word_or_as_a_list_item(
        self, cut: str, rest: str
    ) -> None:
        """A cut that is a paragraph of its own counts when the restart goes on inside its
        last word (`replacer` | `replacer引数に…`) or it is a list item restarted at once."""
        draft = f"{JA1}\n\n{cut}\n\n{cut}{rest}\n\n{JA3}\n"
        assert pieces(draft) == [f"{JA1}\n\n{cut}", f"{cut}{rest}\n\n{JA3}"]

    def test_list_item_and_its_sub_item_beginning_with_it_are_not_a_restart(self) -> None:
        draft = (
            f"{P1}\n\n* Exception\n\n  * Exception#set_backtrace now accepts an array "
            "of locations.\n"
        )
        assert pieces(draft) == [draft.strip()]

    def test_restart_from_inside_a_cut_list_item_in_japanese(self) -> None:
        """A list item cut before its final 。 and a restart of its last sentence alone
        (15 view characters: enough in a script without spaces)."""
        item = "* **Update** 1.9.1 pl. 378がリリースされました。 1.9.1利用者には更新を推奨します"
        draft = f"{JA1}\n\n{item}\n\n1.9.1利用者には更新を推奨します。\n\n{JA3}\n"
        assert pieces(draft) == [f"{JA1}\n\n{item}", f"1.9.1利用者には更新を推奨します。\n\n{JA3}"]

    def test_long_last_sentence_repeated_right_after_its_paragraph_is_a_restart(self) -> None:
        """A piece ends at a finished sentence and the next begins with that sentence
        again, then a new paragraph: a restart of the last sentence."""
        last = "They make the decisions that shape the future of the whole project."
        draft = f"{P1} {last}\n\n{last}\n\n{P3}\n"
        assert pieces(draft) == [f"{P1} {last}", f"{last}\n\n{P3}"]

    def test_short_line_repeated_right_after_it_is_not_a_restart(self) -> None:
        draft = "Oh, the lights are calling me home.\n\nOh, the lights are calling me home.\n"
        assert pieces(draft) == [draft.strip()]

    @pytest.mark.parametrize(
        "block",
        [
            '> "The entire reason I use Go is the great tooling around it," one wrote.',
            "| Concept or feature | Proportion of respondents |\n| --- | --- |\n| Generics | 71% |",
        ],
        ids=["quote", "table"],
    )
    def test_quote_or_table_restarted_after_an_unfinished_sentence(self, block: str) -> None:
        cut = "There may even be opportunities to build some of this into"
        draft = f"{P1}\n\n{block}\n\n{cut}\n\n{block}\n\n{cut} the tools.\n\n{P3}\n"
        assert pieces(draft)[-1].startswith(block)

    @pytest.mark.parametrize(
        "block",
        ['> "Go has the best tooling of any language I have used," one wrote.', "| a | b |"],
        ids=["quote", "table"],
    )
    def test_quote_or_table_shown_again_after_a_finished_sentence_stays(self, block: str) -> None:
        draft = f"{P1}\n\n{block}\n\n{P2}\n\n{block}\n\n{P3}\n"
        assert pieces(draft) == [draft.strip()]

    def test_restart_after_a_cut_ending_in_a_one_letter_word(self) -> None:
        """`… A small` is cut prose though its first word has one letter (found by the long
        property run: the restart was only found when the output was repaired again)."""
        river = "The river rose quickly after three days of heavy rain."
        cut = "Shops on the main street began to clean their flooded cellars. A small"
        draft = f"{P1}\n\n{river}\n\n{cut}\n\n{river}\n\n{P3}\n"
        assert pieces(draft) == [f"{P1}\n\n{river}\n\n{cut}", f"{river}\n\n{P3}"]

    def test_echoed_end_of_a_verse_line_is_not_a_restart(self) -> None:
        draft = (
            "Oh, the harbour lights are calling me home\n\n"
            "calling me home across the water tonight\n"
        )
        assert pieces(draft) == [draft.strip()]

    def test_redundant_copy_ending_at_the_same_colon_cut_is_a_restart(self) -> None:
        """Everything from a list item to a cut "SHA512:" restated right after it (a
        redundant piece cut where the text was cut): a restart, not a repeat."""
        block = (
            "* [tool-2.0.0.tar.bz2](https://example.org/tool-2.0.0.tar.bz2)\n\n"
            "      SIZE:   10772113 bytes\n      SHA256: 1f626f20647693a215a8db3ea0d6ab5a\n"
            "      SHA512:"
        )
        draft = f"{P1}\n\n{block}\n\n{block}\n\n{P3}\n"
        assert pieces(draft) == [f"{P1}\n\n{block}", f"{block}\n\n{P3}"]


@pytest.mark.parametrize(
    "preamble",
    [
        # u030: "Of course, understood. I will write the continuation of the existing article..."
        "もちろん、承知いたしました。既存の記事の続きを自然に、そして要求事項に沿って執筆します。",
        # u026: "(the continuation starts here)"
        "（ここから続きの文章です）",
        # u100: "I will continue from '…'"
        "「本題への入り口」から続きを書きます。",
        # u016, u038, u074, u086, u099, u100, u107, u109, u128: the pipeline's prompt header
        # "[the last part of the existing article]" echoed before the restart
        "【既存の記事の最後の部分】",
    ],
    ids=["shouchi", "kokokara", "kara-tsuzuki", "prompt-header"],
)
def test_japanese_continuation_preambles_are_debris(preamble: str) -> None:
    """Preambles found in the unlabeled real drafts are not recognised (issue 4 asks for
    common Japanese forms): each is kept as content and glued onto the cut sentence
    (`…途中で切れたもちろん、承知いたしました。…`)."""
    draft = f"本文の最初の文です。途中で切れた\n\n---END---\n\n{preamble}\n\n"
    draft += "途中で切れた文です。終わり。\n"
    assert pieces(draft) == ["本文の最初の文です。途中で切れた", "途中で切れた文です。終わり。"]
    assert fragmerge.fix(draft).text == "本文の最初の文です。途中で切れた文です。終わり。\n"


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        # u106: the marker glued to the end of the draft's last line
        ("本文です。最後の文です。 ---END---\n", "本文です。最後の文です。\n"),
        # u063, u100: glued to the end of a line, the next piece after a blank line
        (
            "本文です。最後の文です。 ---END---\n\n次の部分です。続きです。\n",
            "本文です。最後の文です。\n\n次の部分です。続きです。\n",
        ),
        # u143: at the start of a line, before the next piece
        (
            "本文です。最後の文です。AIチップの\n\n---END--- グローバルな変化も重要です。\n",
            "本文です。最後の文です。AIチップのグローバルな変化も重要です。\n",
        ),
        # u126: inside a line, after a finished sentence, the next piece on that line
        (
            "本文です。最後の文です。 ---END--- 次の部分です。続きです。\n",
            "本文です。最後の文です。次の部分です。続きです。\n",
        ),
        (
            "One is here. Two is here. ---END--- Three is here.\n",
            "One is here. Two is here. Three is here.\n",
        ),
        # a marker inside the line and another glued to its end
        ("本文です。 ---END--- 次の部分です。 ---END---\n", "本文です。次の部分です。\n"),
    ],
    ids=["line-end-last", "line-end", "line-start", "mid-line", "mid-line-en", "two-on-a-line"],
)
def test_marker_glued_to_text_is_removed(draft: str, expected: str) -> None:
    """Markers are matched on whole lines (DESIGN §2.1), and a `---END---` glued to the
    end or start of a line of text, or standing inside one between finished sentences,
    is one too: 5 of the 150 unlabeled real drafts have such a marker (u063, u100,
    u106, u126, u143; the data set's SOURCES.md counts 8 drafts with a marker inside a
    line, three of which mention it in a sentence). The marker token itself is never
    article text."""
    result = fragmerge.fix(draft)
    assert "---END---" not in result.text
    assert result.text == expected


@pytest.mark.parametrize(
    "line",
    [
        "7. 記事の末尾に ---END--- を必ず追加する",  # u038: a prompt's instruction
        "提供されたテキストの最後の部分が「---END---」で終わっている。",  # u128: quoted
    ],
)
def test_marker_mentioned_inside_a_sentence_is_text(line: str) -> None:
    # a marker token inside a line splits it only between finished sentences: one a
    # sentence mentions is the sentence's words, and the draft stays as it is
    draft = f"はじめに。\n\n{line}\n"
    assert len(segment(draft)) == 1
    assert fragmerge.fix(draft).text == draft


def test_bare_role_word_ending_a_piece_is_a_cut_word_not_a_header() -> None:
    """`AI` alone before a marker is the cut start of "AIエージェントの…", not an assistant
    role header (a header introduces text): it stays in the fragment."""
    draft = "#### ステップ3：段階的な導入\n\nAI\n\n---END---\n\nAIエージェントの導入を進めます。\n"
    fragments = segment(draft)
    assert fragments[0].text.endswith("AI")
    assert fragmerge.fix(draft).text == (
        "#### ステップ3：段階的な導入\n\nAIエージェントの導入を進めます。\n"
    )


def test_heading_of_a_role_word_ending_a_piece_is_a_cut_heading_not_a_header() -> None:
    # "## AI" right before the marker introduces nothing: the heading "## AI導入…" cut
    # after its first word; the rule above it stays too
    links = "- [AIエージェントの導入事例](/2026/02/27/agents/)"
    draft = (
        f"{links}\n\n---\n\n## AI\n\n---END---\n\n## AI導入戦略のご相談を承っています\n\n{JA3}\n"
    )
    assert segment(draft)[0].text.endswith("---\n\n## AI")
    assert (
        fragmerge.fix(draft).text
        == f"{links}\n\n---\n\n## AI導入戦略のご相談を承っています\n\n{JA3}\n"
    )
    # ... while a role header with its colon stays a header
    assert "**AI:**" not in fragmerge.fix(f"{P1}\n\n**AI:**\n\n---END---\n\n{P2}\n").text


def test_bare_user_word_ending_a_piece_is_a_cut_word_not_a_header() -> None:
    draft = f"{P1}\n\nYou\n\n---END---\n\nYou should explain how it will be enforced.\n"
    assert segment(draft)[0].text.endswith("You")
    assert fragmerge.fix(draft).text == f"{P1}\n\nYou should explain how it will be enforced.\n"


def test_bare_role_word_before_text_is_still_a_header() -> None:
    draft = "First part of the text.\n\n---END---\n\nAI\n\nSecond part of the text.\n"
    assert "AI" not in fragmerge.fix(draft).text


def test_paragraph_cut_after_a_capitalised_preposition_is_restarted() -> None:
    # "… cellars. By" ends a piece: everything from "The river rose" on, restated up
    # to that same cut, is a restart (found by the long property run: the first
    # repair left it, the second removed it)
    intro = "Farmers moved their cattle to higher ground. The mayor promised a plan."
    body = (
        "The river rose quickly after three days of heavy rain. Volunteers brought bread.\n\n"
        "Shops on the main street began to clean their flooded cellars. By"
    )
    shops = body.split("\n\n")[1]
    draft = f"{intro}\n\n{body}\n\n{body}\n\n{shops} Thursday the water had fallen.\n"
    assert len(pieces(draft)) == 3
    result = fragmerge.fix(draft)
    assert result.text == f"{intro}\n\n{body} Thursday the water had fallen.\n"


def test_quote_cut_inside_and_restarted_is_split() -> None:
    quote = (
        '> "The cloud provider really does not make much difference to me. I write code\n'
        "> and deploy it to containers, so whether that is one or the other I do not\n"
        '> care." <span class="quote_source">&mdash; Someone</span>'
    )
    cut = quote[: quote.index("&mdash;") + len("&mdash;")]
    draft = f"{P1}\n\n{cut}\n\n{quote}\n\n{P3}\n"
    assert pieces(draft)[-1].startswith(quote)
    # the same quote finished both times is a quotation shown twice
    assert len(pieces(f"{P1}\n\n{quote}\n\n{quote}\n\n{P3}\n")) == 1


def test_long_restart_through_lists_and_headings_is_split() -> None:
    # a whole stretch with a list and a heading in it, restated right after it
    stretch = (
        "## Operators\n\nYou have got mostly the same operators as in the other language.\n\n"
        "* All variables live on the heap, and the collector frees them for you.\n"
        "* Arguments to methods are passed by value, always as object references.\n\n"
        "As with the other language, exceptions are raised and rescued as usual."
    )
    draft = f"{P1}\n\n{stretch}\n\n{stretch}\n\n{P3}\n"
    assert len(pieces(draft)) == 2
    # a short refrain of list items repeated is not a restart
    refrain = "* Sing it once.\n* Sing it twice."
    assert len(pieces(f"{P1}\n\n{refrain}\n\n{refrain}\n\n{P3}\n")) == 1


def test_short_heading_of_a_restart_keys_by_the_unit_after_it() -> None:
    section = (
        "Goals\n=====\n\nThe following section formalizes the goals (and non-goals) of the\n"
        "group and this governance model."
    )
    cut = "These goals are the"
    draft = f"{P1}\n\n{section}\n\n{cut}\n\n{section}\n\n{cut} primary motivation here.\n"
    assert pieces(draft)[-1].startswith("Goals\n=====")


def test_copy_running_through_an_earlier_restart_of_a_cut_item() -> None:
    # "- “What" was cut and restarted at once; a later restart restates the
    # repaired list and runs on past that cut
    intro = "We are also excited about what is in store for the next year of the project."
    items = [
        "- “Typing Generic Go”, a talk by a member of the team, on the eleventh.",
        "- “What to Expect When You Are Not Expecting”, a live taping of the podcast.",
    ]
    head = f"{intro}\n\n{items[0]}"
    draft = (
        f"{P1}\n\n{head}\n- “What\n\n{items[0]}\n{items[1]}\n- “Working\n\n"
        f"{head}\n{items[1]}\n- “Working on it”.\n"
    )
    assert len(pieces(draft)) == 3


def test_one_word_paragraph_restarted_as_a_long_sentence_is_split() -> None:
    sentence = (
        "Proposing the acceptance of a project into the organization. This proposal "
        "must not be opposed by the existing maintainers."
    )
    draft = f"{P1}\n\nProposing\n\n{sentence}\n"
    assert pieces(draft) == [f"{P1}\n\nProposing", sentence]
    # a title the next paragraph begins with stays
    titles = ("Summary\n\nSummary: the release fixes two bugs.", "Summary\n\nSummary of changes")
    for kept in titles:
        assert len(pieces(f"{P1}\n\n{kept}\n")) == 1


def test_table_cut_inside_a_row_and_restarted_is_split() -> None:
    table = "| before | after |\n| --- | --- |\n| string | string |\n| array | array |"
    cut = table[: table.rindex("array |") - 1].rstrip()
    assert cut.endswith("| array |")
    draft = f"{P1}\n\n{cut}\n\n{table}\n\n{P3}\n"
    assert pieces(draft)[-1].startswith(table)
    # the same table shown twice, whole both times, stays
    assert len(pieces(f"{P1}\n\n{table}\n\n{table}\n\n{P3}\n")) == 1


def test_cut_heading_completed_by_a_restart_further_back_is_split() -> None:
    section = (
        "## この記事に関連するおすすめ書籍\n\n"
        "### [AI白書 2025](https://example.com/dp/4049112388/)\n\n"
        "国内外の生成AI動向を網羅した年次レポートです。"
    )
    draft = f"{JA1}\n\n{section}\n\n### [生\n\n{section}\n\n### [生成AIの教科書](https://example.com/b)\n"
    assert pieces(draft)[-1].startswith("## この記事")


def test_short_japanese_restart_completing_a_cut_row_is_split() -> None:
    # 17 + 3 view characters restated: enough in a script without spaces
    heading = "### ガバナンスポリシーに含めるべき項目"
    table = "| カテゴリ | 項目 | 内容 |\n|---|---|---|\n| 利用範囲 | 利用可能な業務 | どの業務か |"
    draft = f"{JA1}\n\n{heading}\n\n| カテゴ\n\n{heading}\n\n{table}\n"
    assert pieces(draft)[-1].startswith(heading)


def test_list_item_reopened_right_after_it_is_split() -> None:
    item = "* The default encoding for ruby scripts is now UTF-8, as announced before."
    more = "  Some people report that it affects existing programs."
    draft = f"{P1}\n\n{item}\n\n{item}\n{more}\n"
    assert pieces(draft) == [f"{P1}\n\n{item}", f"{item}\n{more}"]
    # a short item repeated as its own paragraph stays (a refrain)
    assert len(pieces(f"{P1}\n\n* Sing it.\n\n* Sing it.\n  Again.\n")) == 1


def test_cut_list_item_resumed_without_its_bullet() -> None:
    draft = (
        f"{P1}\n\n1. The publisher of the\n\n"
        "The publisher of the plugin is shifting to the team.\n2. The repository moves.\n"
    )
    result = fragmerge.fix(draft)
    assert len(result.fragments) == 2
    assert result.text == (
        f"{P1}\n\n1. The publisher of the plugin is shifting to the team.\n"
        "2. The repository moves.\n"
    )


def test_restart_opening_with_a_code_block_after_a_cut_heading_is_split() -> None:
    code = '```js\ntry {\n    JSON.parse(input);\n} catch (error) {\n    console.log("no");\n}\n```'
    heading = "### オブジェクトをJSON文字列に変換する"
    draft = f"{JA1}\n\n{code}\n\n### オ\n\n{code}\n\n{heading}\n\n{JA3}\n"
    assert pieces(draft)[-1].startswith(code)
    # the same code shown twice around finished text stays
    assert len(pieces(f"{JA1}\n\n{code}\n\n{JA3}\n\n{code}\n\n{JA3}\n")) == 1


def test_finished_list_items_restated_at_once_are_a_restart() -> None:
    items = (
        "* RubyVM::InstructionSequence#to_binary のサイズが小さくなりました。\n"
        "* いくつかの標準ライブラリが新しい版にアップデートされました。"
    )
    draft = f"{JA1}\n\n{items}\n\n{items}\n* 新しい項目がここから続きます。\n"
    assert len(pieces(draft)) == 2
    # two short items repeated (a refrain) are not
    assert len(pieces(f"{JA1}\n\n* はい。\n* いいえ。\n\n* はい。\n* いいえ。\n")) == 1


def test_item_of_an_unstopped_list_is_no_cut_before_a_repeated_sentence() -> None:
    # "- improving Python" ends a list whose items all go without a stop; the sentence
    # after it also opens an earlier piece: that is the text's order, not a restart
    sentence = "As the project matures, contributions go beyond code."
    items = "- significant contributions to the goals, in any form\n- willingness to help"
    draft = f"{sentence} {P1}\n\n---END---\n\n{P2}\n\n{items}\n\n{sentence}\n"
    assert [f.boundary for f in segment(draft)] == ["start", "marker"]
    # with stops in the list, an item without one is a cut
    stopped = "- significant contributions to the goals. In any form.\n- willingness to help"
    draft = f"{sentence} {P1}\n\n---END---\n\n{P2}\n\n{stopped}\n\n{sentence}\n"
    assert [f.boundary for f in segment(draft)] == ["start", "marker", "implicit"]


def test_whole_article_restated_word_for_word_is_a_restart_wherever_it_stops() -> None:
    # the article, its trailer, then the article again (without the trailer): not a
    # tandem copy, but a thousand characters restated verbatim are a regeneration
    body = "\n\n".join(
        f"Section {n} explains one more part of the design in plain words, with an example "
        f"and a short note on what to watch for when it is used in production number {n}."
        for n in range(1, 11)
    )
    trailer = "---\n\n*Links in this page may be affiliate links.*"
    draft = f"# Title\n\n{body}\n\n{trailer}\n\n{body}\n"
    assert len(pieces(draft)) == 2
    # ... and when the restated copy is itself cut where its generation stopped (the
    # paragraph after the cut is the next generation's: it goes after the article)
    cut_copy = body[: body.rindex(" when it is used")]
    after = "The article goes on after the regeneration. It ends here."
    cut_draft = f"# Title\n\n{body}\n\n{trailer}\n\n{cut_copy}\n\n{after}\n"
    assert len(pieces(cut_draft)) == 3
    assert fragmerge.fix_text(cut_draft) == f"# Title\n\n{body}\n\n{trailer}\n\n{after}\n"
    # a passage of a few sentences quoted again later stays
    passage = "\n\n".join(body.split("\n\n")[:2])
    assert len(pieces(f"# Title\n\n{body}\n\n{trailer}\n\n{passage}\n")) == 1


def test_text_opening_a_marked_piece_and_standing_again_later_is_no_restart() -> None:
    # shuffled: the piece shown second starts with the paragraph that the piece shown
    # third (generated before it) ends with, after an unstopped list item
    para = "当然，在一些轻量级场景下使用单文件组件会显得有些杀鸡用牛刀。"
    items = "- 使用熟悉的 HTML、CSS 和 JavaScript 语法\n- 任何值得引入构建步骤的项目"
    draft = f"{JA1}\n\n---END---\n\n{para}{JA3}\n\n---END---\n\n{items}\n\n{para}\n"
    assert [f.boundary for f in segment(draft)] == ["start", "marker", "marker"]


def test_restart_keyed_past_short_and_letterless_units() -> None:
    # "| レベル | 状態 | 特徴 |" is too short to key and the rule after it has no
    # letters: the restart keys by the first data row
    table = (
        "| レベル | 状態 | 特徴 |\n|-------|------|------|\n"
        "| Level 1 | 無管理 | 個人の判断でAIを利用、ルールなし |\n"
        "| Level 2 | 基本ルール | 利用ガイドラインの策定、禁止事項の明確化 |"
    )
    cut = "| Level 5 | 先進的 | AIガバナンスが経営戦略と完全に統合"
    draft = f"{JA1}\n\n{table}\n{cut}\n\n{table}\n{cut}されている |\n"
    assert pieces(draft)[-1].startswith("| レベル")


def test_cut_list_item_restarted_with_less_indentation() -> None:
    draft = (
        f"{JA1}\n\n* 1.8.7 のリリースは続報をお待ちください。\n"
        "    * [https://cache.ruby-lang.org/pub/ruby/1.8/ruby-1.8.7-p249.zip][3]\n\n"
        "  * **Update**\n\n"
        "* **Update** 1.9.1 pl. 378がリリースされました。更新を推奨します。\n"
    )
    assert pieces(draft)[-1].startswith("* **Update** 1.9.1")
    # a sub-item beginning with its parent item stays
    nested = f"{JA1}\n\n* Exception\n\n  * Exception#set_backtrace が追加されました。\n"
    assert len(pieces(nested)) == 1


def test_short_japanese_sentence_restarted_right_after_it_is_split() -> None:
    # 12 view characters re-opened and going on: enough without spaces
    draft = (
        f"{JA1}\n\nそして、カスタマイズ性です。\n\n"
        "そして、カスタマイズ性です。ソースコードが公開されているため、自由に変更できます。\n"
    )
    assert pieces(draft)[-1].startswith("そして、カスタマイズ性です。ソース")
    # a short line of verse sung twice stays
    assert len(pieces(f"{JA1}\n\nさくら さくら\n\nさくら さくら\n")) == 1


def test_tandem_restart_through_a_sentence_that_only_looked_finished() -> None:
    # cut after "U.S." (an abbreviation, not a stop): everything from the heading on is
    # restated at once and the last sentence goes on in the copy
    section = (
        "## Security improves when collaboration increases\n\n"
        "This type of cross-agency collaboration will continue in the U.S."
    )
    draft = f"{P1}\n\n{section}\n\n{section} government, with smart efforts.\n"
    assert pieces(draft)[-1].startswith("## Security")
    result = fragmerge.fix(draft)
    assert result.text == f"{P1}\n\n{section} government, with smart efforts.\n"


def test_restart_opening_with_code_after_a_one_character_chinese_cut() -> None:
    # "就" cut; the restart opens with the code block and completes the cut: the run it
    # needs is read in the script of the cut, not of the code
    code = "```rust\nlet a = [1, 2, 3, 4, 5];\n```"
    intro = "字符串 slice，正如你想象的那样，是针对字符串的。"
    draft = f"{intro}\n\n{code}\n\n就\n\n{code}\n\n就像我们想引用字符串的一部分那样。\n"
    assert pieces(draft)[-1].startswith(code)


def test_code_block_restated_with_everything_up_to_an_unstopped_cut() -> None:
    # "…記録が更新された" ends a piece without a stop; the next piece restates the code
    # block and the text after it up to there, word for word
    code = '```python\nb = (";" > c != l)\na += d * b\n```'
    text = "と書き換えることができる。`b` が `True` のときだけ更新が実行される。"
    cut = "ここで突如、新しい手法で一気に記録が更新された"
    draft = f"{JA1}\n\n{code}\n\n{text}\n\n{cut}\n\n{code}\n\n{text}\n\n{cut}。その後も続いた。\n"
    assert pieces(draft)[-1].startswith(code)


def test_table_row_cut_before_its_second_cell_is_cut() -> None:
    rows = "| リスク | 発生確率 | 影響度 |\n|---|---|---|\n| 情報漏洩 | 中 | 高 |"
    draft = f"{JA1}\n\n{rows}\n| **著\n\n{rows}\n| **著作権侵害** | 低 | 中 |\n"
    assert pieces(draft)[-1].startswith("| リスク")


def test_paragraph_cut_inside_an_open_bracket_restarted_by_the_next() -> None:
    draft = f"{JA1}\n\n[import\n\n[import circular-reference.js](src/circular-reference.js)\n"
    assert pieces(draft)[-1].startswith("[import circular")
    # a paragraph that closes its brackets and is the start of the next stays
    kept = f"{JA1}\n\n[Summary]\n\n[Summary] of the changes in this release\n"
    assert len(pieces(kept)) == 1


def test_copy_of_the_finished_end_of_a_marked_piece_is_a_restart() -> None:
    # shuffled without a marker: the piece generated second restates the last
    # sentence of the first, but stands after the (marked) piece generated third
    last = "It goes on for a while here, until the generation stopped."
    later = "A paragraph generated last closes the article. Nothing follows it."
    draft = f"{P1}\n\n{P2} {last}\n\n---END---\n\n{later}\n\n{last} {P3}\n"
    assert pieces(draft)[-1] == f"{last} {P3}"
    # the same sentence standing twice in a text without markers stays
    assert len(pieces(f"{P1}\n\n{P2} {last}\n\n{later}\n\n{last} {P3}\n")) == 1


def test_cut_last_sentence_of_a_list_item_restarted_alone_is_split() -> None:
    item = "*   **GPT-4o**: マルチモーダル対応で、多様なユースケースに対応可能です。API価格は、入力"
    restart = "API価格は、入力1Mトークンあたり$2.50、出力1Mトークンあたり$10.00となっています。"
    assert pieces(f"{JA1}\n\n{item}\n\n{restart}\n")[-1] == restart
    # a short phrase echoed after a finished item stays
    echo = "* 対応可能です。価格は\n\n価格は別途お問い合わせください。"
    assert len(pieces(f"{JA1}\n\n{echo}\n")) == 1
    # a word or two cut after a stop, restarted by a line that goes on at length
    item = "*   **技術的なハードル**: 運用には高度な技術知識が必要です。自社"
    restart = (
        "自社に専門人材がいない場合は、外部パートナーとの連携や、"
        "マネージドサービスの活用を検討する必要があります。"
    )
    assert pieces(f"{JA1}\n\n{item}\n\n{restart}\n")[-1] == restart
    item = (
        "- If the project is on GitHub, look at its social activity: was it updated recently? Are"
    )
    restart = 'Are there many contributors? Have many people "starred" the repository?'
    assert pieces(f"{P1}\n\n{item}\n\n{restart}\n")[-1] == restart


@pytest.mark.parametrize(
    ("cut", "restart"),
    [
        # a link left open, restated from its bracket
        (
            "* A method reference operator is introduced. [#12125](",
            "[#12125]( https://bugs.ruby-lang.org/issues/12125), [#13581](https://x.org/13581)",
        ),
        (
            "* 老对象引用的年轻对象不再立即提升到老一代。 [[Feature",
            "[[Feature #19678]](https://bugs.x.org/19678)",
        ),
        # an HTML tag left open, restarted whole
        ("<figure", '<figure class="listing">'),
        # a table's first row cut inside its first cell
        ("| 規", "| 規模 | ノーコード系 | クラウド系 |\n|---|---|---|\n| PoC | 0ドル | 5万円 |"),
    ],
)
def test_unit_left_open_and_restated_from_its_start_is_split(cut: str, restart: str) -> None:
    assert pieces(f"{JA1}\n\n{cut}\n\n{restart}\n")[-1] == restart


@pytest.mark.parametrize(
    ("cut", "sentence"),
    [
        ("有时候", "有时候，当你说不的时候，你潜在的贡献者会感到对你的沮丧或者不爽。"),
        ("学习 Rust", "学习 Rust 的一个重要部分，是学会如何阅读编译器显示的错误信息。"),
    ],
)
def test_short_chinese_paragraph_restarted_as_a_sentence_is_split(cut: str, sentence: str) -> None:
    draft = f"{JA1}\n\n{cut}\n\n{sentence}\n"
    assert pieces(draft) == [f"{JA1}\n\n{cut}", sentence]
    # a title the next paragraph begins with, in a sentence of a few characters, stays
    assert len(pieces(f"{JA1}\n\n学习 Rust\n\n学习 Rust 很有趣。\n")) == 1


def test_table_header_cut_before_its_closing_pipe_is_split() -> None:
    table = "| Ferris     | 含义          |\n|---|---|\n| 不能编译 | 这段代码不能编译！ |"
    draft = f"{JA1}\n\n| Ferris     | 含义\n\n{table}\n"
    assert pieces(draft)[-1] == table


def test_short_chinese_last_sentence_restated_alone_before_more_text_is_split() -> None:
    last = "试试看 Rust，看看它的选择是否适合你。"
    para = f"总的来说，Rust 最大的抱负是消除程序员数十年来一直接受的那些取舍。{last}"
    after = "## 本书适合哪些人\n\n本书假设你已经写过另一种编程语言的代码。"
    assert pieces(f"{JA1}\n\n{para}\n\n{last}\n\n{after}\n")[-1] == f"{last}\n\n{after}"
    # the same line closing the text echoes the paragraph before it: it stays
    assert len(pieces(f"{JA1}\n\n{para}\n\n{last}\n")) == 1
    # a paragraph of one sentence restated right after it, before more text, too
    alone = "サンプルコードが実行できたなら、この書籍は読めるはずです。"
    more = "この書籍は、JavaScriptの基本的な文法から学んでいく書籍です。"
    assert pieces(f"{JA1}\n\n{alone}\n\n{alone}\n\n{more}\n")[-1] == f"{alone}\n\n{more}"


def test_model_looping_over_its_paragraph_is_not_split_at_the_echoed_sentence() -> None:
    # "A。B。" | "B。" | "A。…": the echo is no restart of B (the loop is the
    # restatement of the whole paragraph that follows it)
    first = "個人的には、Marbleのような技術が普及することで、現実の定義が拡張されると感じています。"
    last = "あなたは、この「空間知能」が世界をどう変えるとお考えですか？"
    draft = f"{JA1}\n\n{first}{last}\n\n{last}\n\n{first}\n\n正直なところ、まだわかりません。\n"
    assert not any(p.startswith(last) for p in pieces(draft))


def test_copy_running_up_to_an_earlier_restart_of_a_finished_sentence_is_a_restart() -> None:
    # the draft restarted C right after it; a later piece restates A B C from the
    # repaired text and goes on (D), so its copy stops where the first piece ended
    a = "_The choice of language decides more than translation_"
    b = "Suppose a user asks for Danish, with German as a second choice."
    c = "If an application chooses German, it must use German translations and collation."
    d = "Otherwise, for example, a list of animals might sort the words in the wrong order."
    e = "Selecting a supported language given the preferred languages is not trivial."
    rest = (
        "_Using a parent of a language as fallback is non-trivial_\n\nSuppose it supports Angolan."
    )
    draft = f"{P1}\n\n{a}\n\n{b}\n{c}\n\n{c}\n{d}\n\n{e}\n\n{rest}\n\n{a}\n\n{b}\n{c}\n{d}\n\n{e}\n"
    assert pieces(draft)[-1] == f"{a}\n\n{b}\n{c}\n{d}\n\n{e}"


def test_short_japanese_tandem_copy_through_a_heading_is_a_restart() -> None:
    # half as long as in English will do: a character carries about a word
    stretch = (
        "* メソッド呼び出しごとのキャッシュが改良され、ヒット率が 89% から 94% に向上しました。\n"
        "* コンパイル済みバイナリのサイズが削減されました。\n\n"
        "## その他の注目すべき変更点\n\n"
        "* いくつかの標準ライブラリが新しい版にアップデートされました。"
    )
    more = "  * Bundler 2.1.2\n  * CSV 3.1.2"
    draft = f"{JA1}\n\n{stretch}\n\n{stretch}\n{more}\n"
    assert pieces(draft)[-1] == f"{stretch}\n{more}"


def test_text_between_a_cut_and_its_later_restart_is_another_piece() -> None:
    # shuffled without markers: the piece generated third stands between the cut
    # and the piece that restarts it
    cut = "Including one of the licenses mentioned above will make your"
    whole = f"{cut} project easier to reuse for everyone."
    third = "A later section of the article, generated last. It closes the text."
    draft = f"{P1}\n\n{P2} {cut}\n\n{third}\n\n{whole} {P3}\n"
    assert pieces(draft) == [f"{P1}\n\n{P2} {cut}", third, f"{whole} {P3}"]
    # (the restart behind a marker shows it as well)
    marked = f"{P1}\n\n{P2} {cut}\n\n{third}\n\n---END---\n\n{P2} {whole} {P3}\n"
    assert [f.boundary for f in segment(marked)] == ["start", "implicit", "marker"]
    # a paragraph that only looked unfinished, joined to the next one in a copy, stays
    label = "It runs through the consulting team"
    joined = f"{P1}\n\n{label}\n\n{P2}\n\n{third}\n\n{P1}\n\n{label} {P2}\n"
    assert not any(p.startswith(P2) for p in pieces(joined))


def test_restart_whose_first_sentence_drifted_is_split() -> None:
    first, second = P1.split(". ", 1)
    first += "."
    drifted = first.replace("sets the scene", "sets teh scene")
    draft = f"{P1}\n\n{P2}\n\n{drifted} {second}\n\n{P2}\n\n{P3}\n"
    assert pieces(draft)[-1] == f"{drifted} {second}\n\n{P2}\n\n{P3}"


def test_restart_drifted_in_its_first_characters_is_split() -> None:
    # the key of the restart's first unit (its first characters) is drifted: the
    # earlier copy is found by its last characters
    first = "请注意，`Regexp.timeout` 是全局性的配置。"
    drifted = "请注意の，`Regexp.timeout` 是全局性的配置。"
    rest = "如果您希望对于某些特殊的正则表达式使用不同的超时设置，您可以使用 `timeout` 关键词。"
    draft = f"{JA1}\n\n{first}如\n\n{drifted}{rest}\n"
    assert pieces(draft)[-1] == f"{drifted}{rest}"


def test_quote_cut_after_a_code_span_restarted_in_chinese_is_split() -> None:
    # the cut is only a code span (Latin letters), the copy completes it in Chinese:
    # the run the restart needs is read in both
    quote = "> Note\n>\n> `useInsertionEffect`"
    restart = "> Note\n>\n> `useInsertionEffect` 旨在供库使用，而不是应用程序代码。"
    draft = f"{JA1}\n\n{quote}\n\n{restart}\n\n## 如何更新\n"
    assert pieces(draft)[-1] == f"{restart}\n\n## 如何更新"


def test_cut_paragraph_restarted_with_only_its_stop_added_is_split() -> None:
    # "ということ" | "ということ。": the restart finishes the cut with a stop alone
    code = '```python\nif c < "1":\n    s -= 2\n```'
    rest = "ということ。\n\n- `/` が最初に来たときには `s` は `3` にセットされる"
    draft = f"{JA1}\n\n{code}\n\nということ\n\n{rest}\n"
    assert pieces(draft)[-1] == rest
    # a title the next paragraph repeats with a stop added, in Latin script, stays
    assert len(pieces(f"{P1}\n\nThank you\n\nThank you.\n")) == 1


def test_line_repeating_a_resumed_cut_later_is_no_restart() -> None:
    # a label line cut and resumed at once; the article shows the label again later,
    # after a finished sentence: that is the article's own repetition, not a restart
    label = '<span class="filename">Filename: src/main.rs</span>'
    code = "```rust\nfn main() {}\n```"
    rest = f"{P2} Compiling this gives an error:\n\n{label}\n\n```rust\nfn other() {{}}\n```"
    draft = f"{P1}\n\n{label[:35]}\n\n{label}\n\n{code}\n\n{rest}\n\n{P3}\n"
    assert pieces(draft) == [f"{P1}\n\n{label[:35]}", f"{label}\n\n{code}\n\n{rest}\n\n{P3}"]
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{label}\n\n{code}\n\n{rest}\n\n{P3}\n"


@pytest.mark.parametrize(
    ("cut", "rest", "whole"),
    [
        ("The model wrote the contin", "uation of it here.", "the continuation of it here."),
        ("The model wrote all of", "the rest of it here.", "all of the rest of it here."),
        ("- msw (mock service w", "orker) helps here.", "msw (mock service worker) helps"),
    ],
)
def test_piece_resumed_exactly_after_a_blank_line_is_glued(cut: str, rest: str, whole: str) -> None:
    # no marker and nothing restated: the paragraph after the cut opens in lower case
    draft = f"{P1}\n\nA service worker continuation is needed.\n{cut}\n\n{rest} {P3}\n"
    assert len(pieces(draft)) == 2
    assert whole in fragmerge.fix_text(draft)


def test_short_sentence_standing_alone_then_opening_the_next_paragraph_is_split() -> None:
    # a generation cut after the paragraph's first sentence, restarted with it
    line = "**It's complicated.**"
    rest = f"{line} Determining license compatibility can get confusing very quickly."
    assert pieces(f"{P1}\n\n{line}\n\n{rest}\n")[-1] == rest
    # a heading whose words open the next paragraph is the section's title
    title = "### When `maxRedirects` is set to zero"
    draft = f"{P1}\n\n{title}\n\nWhen `maxRedirects` is set to zero, a redirect fails.\n"
    assert len(pieces(draft)) == 1


def test_one_cjk_character_alone_then_a_paragraph_going_on_from_it_is_glued() -> None:
    # a generation stopped after its first character; no paragraph is one character
    draft = f"{JA1}\n\n## 为什么要使用单文件组件\n\n使\n\n用单文件组件必须使用构建工具。\n"
    assert (
        fragmerge.fix_text(draft)
        == f"{JA1}\n\n## 为什么要使用单文件组件\n\n使用单文件组件必须使用构建工具。\n"
    )
    # a section number standing alone stays
    poem = f"{JA1}\n\n一\n\n床前明月光，疑是地上霜。\n"
    assert fragmerge.fix_text(poem) == poem


def test_paragraph_opening_in_lower_case_after_a_finished_one_stays() -> None:
    # a finished paragraph, a title or a YAML-like line before it is no cut
    for before in (P2, "Notes on the release", "layout: post and more words"):
        draft = f"{P1}\n\n{before}\n\niOS users should update first. {P3}\n"
        assert fragmerge.fix_text(draft) == draft
    # lines of code or test cases after a line that only looks cut finish nothing
    for before, after in (
        ("To guard a module of GUI tests, start with", "from test.support import requires"),
        ("erfc0024 erfc 5 -> 1.5374597944280349e-12", "erfc0030 erfc -1 -> 1.8427007929497148"),
    ):
        draft = f"{P1}\n\n{before}\n\n{after}\nrequires('gui')\n"
        assert fragmerge.fix_text(draft) == draft


def test_code_span_cut_restarted_by_a_sentence_introducing_a_list_is_split() -> None:
    # "`pshtt`" | "`pshtt` works by …:": a sentence ending with a colon is finished
    intro = "`pshtt` works by making GET requests to four endpoints at each domain:"
    draft = f"{P1}\n\n`pshtt`\n\n{intro}\n\n1. `http://`\n2. `https://`\n"
    assert pieces(draft)[-1] == f"{intro}\n\n1. `http://`\n2. `https://`"
    # a short title that the next sentence begins with stays
    draft = f"{P1}\n\nInstallation\n\nInstallation is simple:\n\n1. Download it.\n"
    assert len(pieces(draft)) == 1


def test_copy_after_a_link_left_open_is_a_restart() -> None:
    # "- [2026年AI導入の真意とは？": the question mark is the link text's, not a stop
    para = (
        "そして何より、AIエージェントを「道具」としてだけでなく、"
        "「パートナー」として捉える視点を持つことです。"
    )
    links = "## 関連記事\n\n- [AIエージェント導入の基本](/a/)\n- [2026年AI導入の真意とは？"
    draft = f"{JA1}\n\n{para}\n\n{links}\n\n{para}\n"
    assert pieces(draft)[-1] == para
    # a sentence ending inside a link's text, the link closed on its line, is no cut
    linked = f"[{P1}](https://example.org/)"
    assert len(pieces(f"{JA1}\n\n{P2}\n\n{linked}\n\n{P2}\n")) == 1


def test_copy_after_one_chinese_character_alone_is_a_restart() -> None:
    # "## 使用情况\n\n人": one character alone is a sentence cut after its first word
    first = "每个包管理工具可能会对下载量有着大同小异的定义，而且下载量并不直接和安装、使用有关。"
    second = "但是它提供了一个基本的比较标准，尝试使用 Libraries.io 来查看这些统计数据吧。"
    new = "人们找到了你的项目，而且已经在使用了。"
    draft = f"{first}\n\n{second}\n\n## 使用情况\n\n人\n\n{first}\n\n{new}\n"
    assert pieces(draft)[1] == first
    # ...and the paragraph right after that copy writes the cut character out: it
    # resumes the cut, the copy is a redundant generation
    assert pieces(draft)[-1] == new
    assert fragmerge.fix(draft).text == f"{first}\n\n{second}\n\n## 使用情况\n\n{new}\n"


def test_finished_items_restated_and_cut_where_the_original_goes_on_are_a_piece() -> None:
    # a redundant piece without a marker: two finished list items again, word for
    # word, the second cut in the middle of a sentence the original finishes
    items = [
        "- Cygwin lets you experience the power of the Unix shell on Windows.",
        "- On Windows 10 you can use the Linux subsystem, a familiar Bash environment.",
    ]
    last = "- MinGW gives you the GNU developer tools, like GCC, on Windows."
    cut_copy = f"{items[0]}\n{items[1][:40]}"
    draft = f"{P1}\n\n" + "\n".join([*items, last]) + f"\n\n{cut_copy}\n\n{last} It ends.\n"
    assert pieces(draft)[1] == cut_copy
    # the same items quoted again, finished, stay
    again = f"{P1}\n\n" + "\n".join([*items, last]) + f"\n\n{P2}\n\n" + "\n".join(items) + "\n"
    assert len(pieces(again)) == 1


def test_html_line_cut_after_its_opening_tag_is_restarted_by_the_whole_line() -> None:
    code = "```rust\nlet x = 5;\n```"
    whole = "<figcaption>示例 6-9：使用 `let...else` 来明确函数的流向</figcaption>"
    draft = f"{JA1}\n\n{code}\n\n<figcaption>\n\n{whole}\n\n</figure>\n"
    assert pieces(draft)[-1] == f"{whole}\n\n</figure>"
    # an element opened on one line and closed lines later is the article's own
    assert len(pieces(f"{JA1}\n\n<div>\n\n{P1}\n\n</div>\n")) == 1


def test_code_block_restarted_after_a_code_span_left_open_is_split() -> None:
    # "ちなみにこの `sum(map(ord, ...": the dots are the code's, the span never closed
    code = '```python\n>>> ord("/") + ord("\\\\")\n139\n```'
    para = "ので、`/` と `\\` だけでできた文字列では同じ出現回数だと判定できそうだな、と。"
    cut = "ちなみにこの `sum(map(ord, ..."
    whole = "ちなみにこの `sum(map(ord, ... )) % ...` というテクニックは自分のお気に入りだ。"
    copy = f"{code}\n\n{para}\n\n#### 余談"
    draft = f"{JA1}\n\n{copy}\n\n{cut}\n\n{copy}\n\n{whole}\n"
    assert pieces(draft)[-1] == f"{copy}\n\n{whole}"


def test_restart_opening_with_the_short_line_before_a_tiny_cut_is_split() -> None:
    # "> 「老" is one character of a quote, too short to propose a copy, and so is the
    # label before it: the restart restates both, the label first
    head = "### 简体中文使用直角引号\n\n直角引号更适合简体中文的排版。"
    restart = "用法：\n\n> 「老师，『有条不紊』的『紊』是什么意思？」\n\n对比用法：\n\n> “老师。”"
    assert pieces(f"{head}\n\n用法：\n\n> 「老\n\n{restart}\n")[-1] == restart
    # a label and a quote finished in their own words are the text's own
    assert len(pieces(f"{head}\n\n用法：\n\n> 「老」\n\n{restart}\n")) == 1
    # an HTML element cut after its name, restarted from the line before it
    cut = "</div>\n\n<div"
    whole = '</div>\n\n<div class="composition-api">\n\n使用组合式 API 的写法如下。\n\n</div>'
    draft = f'<div class="options-api">\n\n{JA1}\n\n{cut}\n\n{whole}\n'
    assert pieces(draft)[-1] == whole


def test_line_cut_before_its_colon_and_restated_further_on_is_restarted() -> None:
    # "…请升级你的依赖项" | a redundant piece | "…请升级你的依赖项：" and its code: the
    # same words with only the colon added complete the cut even further back
    intro = "在主题演讲中，我们分享了对未来 React 的愿景。这是我们将于明年初发布稳定版的版本。"
    cut = "要尝试 React 18 RC，请升级你的依赖项"
    redundant = "在主题演讲中，我们分享了对未来 React 的愿景。这是我们将于明年初"
    code = "```bash\nnpm install react@rc react-dom@rc\n```"
    found = pieces(f"# React 18\n\n{intro}\n\n{cut}\n\n{redundant}\n\n{cut}：\n\n{code}\n")
    assert found[1:] == [redundant, f"{cut}：\n\n{code}"]
    # finished with a stop, the first line is the text's own
    assert len(pieces(f"{intro}\n\n{cut}。\n\n{redundant}\n\n{cut}：\n\n{code}\n")) < 3


def test_paragraph_cut_right_before_its_stop_is_restarted_by_its_going_on() -> None:
    # "…例もある" ends its paragraph; further on the paragraph again, "…例もある。" and
    # going on: the original was cut right before its stop
    head = "投資家や技術者にとっては、これはまさにチャンスと課題の表裏一体だ。"
    cut = "MicrosoftのGitHub Copilotのように、開発者の生産性を劇的に向上させた例もある"
    more = "AlphaGeometry 2が、科学研究の現場で同様の効果をもたらすとすれば、影響は大きい。"
    other = "もちろん、懐疑心も忘れてはいけない。過去にも、人間を凌駕するAIは数多く登場した。"
    restart = f"{head}{cut}。{more}"
    assert pieces(f"{JA1}\n\n{head}{cut}\n\n{other}\n\n{restart}\n")[-1] == restart
    # the same paragraph said again, finished as it was the first time: a quotation
    assert len(pieces(f"{JA1}\n\n{head}{cut}\n\n{other}\n\n{head}{cut}\n")) == 1


def test_tight_list_item_repeating_an_earlier_one_is_no_restart() -> None:
    # an API reference: items without stops, the same parameter described for two
    # functions; a generation's next piece begins after a blank line, not on the next
    # line of a tight list
    sep = (
        "* `sep` {string} The substring used to delimit key and value pairs in the "
        "query string. **Default:** `'&'`."
    )
    doc = (
        f"## `querystring.parse(str)`\n\n* `str` {{string}} The URL query string to parse\n"
        f"{sep}\n\n## `querystring.stringify(obj)`\n\n"
        f"* `obj` {{Object}} The object to serialize into a URL query string\n{sep}\n"
    )
    assert len(pieces(doc)) == 1
    assert fragmerge.fix_text(doc) == doc


def test_url_list_whose_items_extend_the_one_before_is_no_restart() -> None:
    # "- …/manual/" then "- …/manual/libtasn1.html": the next line of a tight list goes
    # on from the item, which no generation stopped at (a blank line would follow it)
    url = "https://gnutls.gitlab.io/libtasn1/manual/"
    doc = (
        "# libtasn1\n\nThe manual is available in several formats.\n\n"
        f" - {url}\n - {url}libtasn1.html\n - {url}libtasn1.pdf\n\nSee also the reference.\n"
    )
    assert len(pieces(doc)) == 1
    assert fragmerge.fix_text(doc) == doc


def test_look_alike_link_definitions_are_no_drifted_copy() -> None:
    # a release note's link definitions: entries differing in a few characters
    url = "https://doc.rust-lang.org/std/cmp/enum.Ordering.html#method."
    defs = "\n".join(f"[`Ordering::{m}`]: {url}{m}" for m in ("is_eq", "is_ne", "is_lt"))
    more = "\n".join(f"[`Ordering::{m}`]: {url}{m}" for m in ("is_gt", "is_le", "is_ge"))
    doc = (
        f"Version 1.53.0\n\nStabilized APIs\n\n- [`Ordering::is_eq`]\n\n{defs}\n\n"
        f"Version 1.54.0\n\nStabilized APIs\n\n- [`Ordering::is_gt`]\n\n{more}\n"
    )
    assert len(pieces(doc)) == 1
    assert fragmerge.fix_text(doc) == doc


def test_table_row_standing_alone_is_a_cut_the_full_table_restarts() -> None:
    # a generation stopped after the first cell of a table's header row; the next
    # starts the table over: one row alone is no table, so that is a restart
    lone = "| Value before |"
    table = "| Value before | Value after |\n| --- | --- |\n| null | null |\n| array | array |"
    assert pieces(f"{P1}\n\n{lone}\n\n{table}\n")[-1] == table
    # ... but a table after a table, both whole, is the article's own
    small = "| Value before |\n| --- |\n| null |"
    assert len(pieces(f"{P1}\n\n{small}\n\n{table}\n")) == 1


def test_indented_code_cut_and_restarted_without_its_indentation_is_split() -> None:
    # the generation stopped inside an indented code block; the next restarted the
    # block from its first line, which lost its indentation and reads as prose
    lines = [f"\t\tlanguage.Tag{n},    // tag number {n}" for n in range(6)]
    cut = "\tvar supported = []language.Tag{\n" + "\n".join(lines) + "\n\t\tlanguage.Tag6,  //"
    restart = (
        "var supported = []language.Tag{\n" + "\n".join(lines) + "\n\t\tlanguage.Tag6,  // six\n\t}"
    )
    parts = pieces(f"{P1}\n\nConsider the following list:\n\n{cut}\n\n{restart}\n\n{P3}\n")
    assert parts[-1].startswith("var supported")
    # ... but a paragraph after a whole block, not beginning with it, stays
    whole = "\tvar supported = []language.Tag{\n" + "\n".join(lines) + "\n\t}"
    assert len(pieces(f"{P1}\n\n{whole}\n\nThe list above is fixed.\n\n{P3}\n")) == 1


def test_entry_and_its_item_restated_right_after_and_going_on_is_a_restart() -> None:
    # "* Range" and its item, cut where the item only looked finished, then the same
    # two again with the item going on: the generation restarted at the entry
    entry = "* Range\n\n  * `Range#size` now raises `TypeError` if the range is not iterable."
    again = f"{entry} [[Misc #18984]]"
    parts = pieces(f"{P1}\n\n{entry}\n\n{again}\n\n## Compatibility issues\n\n{P3}\n")
    assert parts[-1].startswith(again)
    # an entry and an item restated right after, word for word, stay
    assert len(pieces(f"{P1}\n\n{entry}\n\n{entry}\n\n{P3}\n")) == 1


STEPS = [
    "The first step is to check the release notes for the version you run.",
    "The second step is to back up the data directory to another disk.",
    "The third step is to install the new packages with your package manager.",
    "The fourth step is to start the new version and watch its logs closely.",
]


def test_cut_before_a_marker_whose_piece_came_from_later_is_restarted() -> None:
    # The piece after the marker was generated last (shuffled): it does not resume
    # the cut, and the unmarked restart after it completes the cut and reaches that
    # piece's first words further on.
    first, second, third, fourth = STEPS
    draft = (
        f"{P1}\n\n{first}\n\n{second[:40]}\n\n---END---\n\n{fourth}\n\n{P3}\n\n"
        f"{first}\n\n{second}\n\n{third}\n\n{fourth[:30]}\n"
    )
    assert pieces(draft)[-1].startswith(first)
    assert (
        fragmerge.fix(draft).text == f"{P1}\n\n{first}\n\n{second}\n\n{third}\n\n{fourth}\n\n{P3}\n"
    )
    # ... found however far on, after an opening too short to key on its own
    middle = "\n\n".join(f"Step {n} of the upgrade is checked by hand." for n in range(50))
    draft = (
        f"{P1}\n\n{first}\n\n{second[:40]}\n\n---END---\n\n**Finally:**\n\n{fourth}\n\n{P3}\n\n"
        f"{first}\n\n{second}\n\n{middle}\n\n**Finally:**\n\n{fourth[:30]}\n"
    )
    assert pieces(draft)[-1].startswith(first)


def test_cut_before_a_marker_among_look_alike_entries_is_not_completed_by_a_guess() -> None:
    # The cut begins two later entries that go on differently: either may be the one
    # it was cut from, so neither completes it.
    entries = [
        f"- [Release notes for the {n} edition of the server](/notes/{n}/)"
        for n in ("2025", "2026")
    ]
    cut = "- [Release notes for the"
    # (the piece after the marker stands again after the entries: shuffled in from later)
    later = f"{entries[0]}\n{entries[1]}\n\n{P2}"
    draft = f"{P1}\n\n{entries[0]}\n{cut}\n\n---END---\n\n{P2}\n\n{P3}\n\n{later}\n"
    assert len(pieces(draft)) == 2


def test_redundant_copy_stopping_after_a_word_ends_its_piece() -> None:
    # A generation restated two finished paragraphs and stopped after the first word
    # of the next ("See"); the paragraph after it is the next generation, which
    # restarts the cut checksum block without its indentation.
    item = (
        "* [CVE-2015-7551: Unsafe tainted string usage in Fiddle and DL](https://example.org/cve)"
    )
    notes = (
        "There are also some bugfixes.\nSee [ChangeLog](https://example.org/changelog) for details."
    )
    block = "SIZE:   13336518 bytes\n      SHA1:   6132840a859dbf2ac1498ba313021f299a870038"
    draft = (
        f"{P1}\n\n{item}\n\n{notes}\n\n## Download\n\n      SIZE:\n\n"
        f"{item}\n\nThere are also some bugfixes.\nSee\n\n{block}\n\n{P3}\n"
    )
    assert pieces(draft)[1:] == [
        f"{item}\n\nThere are also some bugfixes.\nSee",
        f"{block}\n\n{P3}",
    ]
    truth = f"{P1}\n\n{item}\n\n{notes}\n\n## Download\n\n      {block}\n\n{P3}\n"
    assert fragmerge.fix(draft).text == truth
    # ... but a label ending the copy is no cut word ("Deprecated:" of "Deprecated: Use …")
    label = "> Stability: 0 - Deprecated: Use [`Buffer.alloc()`][] instead."
    again = f"{item}\n\n{notes}\n\n> Stability: 0 - Deprecated:\n\nThe rest of the reference."
    assert len(pieces(f"{P1}\n\n{item}\n\n{notes}\n\n{label}\n\n{P2}\n\n{again}\n")) == 1


def test_one_cjk_character_alone_restarted_after_a_redundant_copy_is_split() -> None:
    # "在" was cut after its first character; a redundant piece restated a paragraph
    # from before it and stopped in a heading; the next generation restarts "在…"
    intro = "观看完整的第一天主题演讲，了解大会的全部新功能与路线图。"
    day2 = "在第二天的主题演讲中，团队介绍了框架的惊人增长和许多公司的迁移案例。"
    link = "__[点击这里观看第二天完整直播。](https://example.org/live)__"
    draft = (
        f"{JA1}\n\n{intro}\n\n## 第二天\n\n{link}\n\n在\n\n{intro}\n\n## 第二\n\n{day2}\n\n{JA3}\n"
    )
    assert pieces(draft)[-1] == f"{day2}\n\n{JA3}"
    assert (
        fragmerge.fix_text(draft) == f"{JA1}\n\n{intro}\n\n## 第二天\n\n{link}\n\n{day2}\n\n{JA3}\n"
    )


def test_template_tag_cut_before_its_closing_braces_is_restarted() -> None:
    # the generation stopped inside "{% endif %}"; the next restated the paragraph and
    # the list item before it and wrote the tag whole (the view, without markup, is
    # the same for both)
    body = (
        "Open the following URL in your browser when it is ready.\n\n- <https://example.org/intro/>"
    )
    start = f'{P1}\n\n{{% if output.name == "ebook" %}}\n\nInstall a browser first.'
    draft = f"{start}\n\n{body}\n\n{{% endif\n\n{body}\n\n{{% endif %}}\n\n{P3}\n"
    assert pieces(draft)[-1].startswith(body)
    assert fragmerge.fix_text(draft) == f"{start}\n\n{body}\n\n{{% endif %}}\n\n{P3}\n"
    # ... but a paragraph standing twice with a closed tag after each stays
    closed = f"{start}\n\n{body}\n\n{{% endif %}}\n\n{body}\n\n{{% endif %}}\n\n{P3}\n"
    assert len(pieces(closed)) == 1


def test_paragraph_going_on_from_a_cut_the_marked_piece_could_not_resume_is_split() -> None:
    # The piece after the marker opens with a list item, which cannot go on from
    # "…videos,"; the lower-case paragraph further on does: it was shown later.
    cut = "Projects often rely on non-source content, such as images, icons, videos,"
    patents = "* **Patents:** Is your company applying for a patent? Ask your legal team first."
    rest = "fonts, data files, or other materials, which are governed by their own licenses."
    draft = f"{P1}\n\n{cut}\n\n---END---\n\n{patents}\n\n{P3}\n\n{rest}\n\n{P2}\n"
    assert [f.boundary for f in segment(draft)] == ["start", "marker", "implicit"]
    assert pieces(draft)[-1].startswith(rest)
    # ... not when the marked piece resumes the cut itself, nor after a later marker
    resumed = f"{P1}\n\n{cut}\n\n---END---\n\n{rest}\n\n{P3}\n\nfonts are not code.\n"
    assert [f.boundary for f in segment(resumed)] == ["start", "marker"]
    later = f"{P1}\n\n{cut}\n\n---END---\n\n{patents}\n\n---END---\n\n{P3}\n\n{rest}\n"
    assert [f.boundary for f in segment(later)] == ["start", "marker", "marker"]


def test_paragraph_resuming_a_stub_the_marked_piece_did_not_is_split() -> None:
    # A generation stopped after "`if"; the piece after the marker came from later
    # (it opens elsewhere), and the paragraph writing "`if let …" further on resumes
    # the stub: it is split off there and goes in after it.
    setup = "Pattern matching covers every case of a value and the compiler checks it."
    binds = "`if let` binds a value when one pattern matches and ignores the rest of them."
    sugar = "In other words, `if let` is sugar for a match that runs code for one pattern only."
    modules = "The next chapter turns to modules and how they organise a growing program."
    draft = (
        f"# Control flow\n\n{setup}\n\n`if\n\n---END---\n\n{sugar}\n\n{modules}\n\n"
        f"{binds}\n\n{sugar[:35]}\n"
    )
    assert [f.boundary for f in segment(draft)] == ["start", "marker", "implicit"]
    assert (
        fragmerge.fix_text(draft)
        == f"# Control flow\n\n{setup}\n\n{binds}\n\n{sugar}\n\n{modules}\n"
    )
    # ... not when the marked piece restates what came before the stub (it completes
    # the stub where it was), nor when several later paragraphs open with the stub
    copy = f"{P1}\n\n{setup}\n\n`if\n\n---END---\n\n{P2}\n\n{setup}\n\n{binds}\n"
    assert [f.boundary for f in segment(copy)] == ["start", "marker"]
    twice = f"{P1}\n\n`if\n\n---END---\n\n{sugar}\n\n{binds}\n\n{P2}\n\n{binds}\n"
    assert [f.boundary for f in segment(twice)] == ["start", "marker"]


def test_stub_a_marked_piece_resumes_ends_its_piece_though_text_follows_it() -> None:
    # A generation stopped after "Relevant"; a piece from later was shown right after
    # it, with no marker, and the piece after the marker writes "Relevant terms …":
    # the stub ends its piece, and what follows it is split off.
    terms = "Relevant terms for groups of individual contributors used in this PEP:"
    members = "**PyPA members**: anyone with the triage bit on at least one project."
    long_as = "As long as the project adheres to the Code of Conduct, it decides alone."
    draft = (
        f"Terminology\n===========\n\nRelevant\n\n{long_as}\n\n{P3}\n\n---END---\n\n"
        f"{terms}\n\n{members}\n\nAs long as\n"
    )
    assert [f.boundary for f in segment(draft)] == ["start", "implicit", "marker"]
    assert fragmerge.fix_text(draft) == (
        f"Terminology\n===========\n\n{terms}\n\n{members}\n\n{long_as}\n\n{P3}\n"
    )
    # ... not a label leading into what follows it ("Example:" | … | "Example: …")
    label = draft.replace("Relevant\n", "Relevant:\n", 1)
    assert [f.boundary for f in segment(label)] == ["start", "marker"]
    example = "例えば、\n\n* **テキスト生成**: ブログ記事の作成など。\n\n---END---\n\n"
    example += "例えば、顧客からの問い合わせをAIが最初に受け付けます。\n"
    assert [f.boundary for f in segment(f"{P1}\n\n{example}")] == ["start", "marker"]


def test_marked_piece_restated_whole_right_after_itself_is_a_restart() -> None:
    # The piece after the marker, then the same items again (one word drifted) going
    # on further: a generation that restarted from the marked piece's start (the
    # guard against shuffled pieces, whose opening stands again later inside a longer
    # copy, does not apply to a copy of the whole piece).
    x1 = "* Your community will feel more reassured that complaints actually get reviewed."
    x2 = "* You reassure your community that the process is fair, should they be investigated."
    x3 = "Don't forget that someone might want to report a violation about one receiving reports."
    more = " In this case, give them an option to report violations to someone else."
    head = f"{P1}\n\n* It shows you are serious.\n\n{x1}"
    draft = (
        f"{head}\n\n[continued]\n\n{x1}\n\n{x2}\n\n{x3}\n\n"
        f"{x1}\n\n{x2.replace('should', 'shold')}\n\n{x3}{more}\n"
    )
    assert [f.boundary for f in segment(draft)] == ["start", "marker", "implicit"]
    assert fragmerge.fix_text(draft) == f"{head}\n\n{x2}\n\n{x3}{more}\n"


def test_cut_a_marked_piece_shown_earlier_completes_ends_its_piece() -> None:
    # The piece shown first after the intro opens with a sentence that a later restart
    # leaves cut at its paragraph's end ("…これはAI市場全体の"): that piece came after
    # the cut, and the paragraph after the cut is yet another piece (it resumes the
    # first piece's end).
    intro = "GoogleのTPU v7が発表された。今日はその意味を少し掘り下げて考えてみたい。"
    nvidia = "NVIDIAへの影響はどうか？ 直接的な脅威と見る向きもあるだろう。"
    pie = "これはAI市場全体のパイが拡大する中で、共存の道を探る動きと言えるだろう。"
    amd = "AMDやIntelといった競合他社にとっても、TPU v7は無視できない存在だ。"
    tpu = "TPUは特定のAIワークロードに特化しているため、汎用的な計算にはGPUの方が向いている。"
    draft = (
        f"{intro}\n\n---END---\n\n{pie}\n\n{amd}\n\n---END---\n\n"
        f"{intro}\n\n{nvidia}{pie[:10]}\n\n{tpu}\n"
    )
    assert [f.boundary for f in segment(draft)] == ["start", "marker", "marker", "implicit"]
    assert fragmerge.fix_text(draft) == f"{intro}\n\n{nvidia}{pie}\n\n{amd}\n\n{tpu}\n"
    # ... written whole character for character: a comment is no cut of a longer one
    tag = "<!-- textlint-enable preset-ja-technical-writing -->"
    comments = (
        f"{intro}\n\n---END---\n\n{tag}\n\n{amd}\n\n---END---\n\n{intro}\n\n"
        f"<!-- textlint-enable -->\n\n{tpu}\n"
    )
    assert [f.boundary for f in segment(comments)] == ["start", "marker", "marker"]


def test_code_restated_after_an_item_left_open_in_a_parenthesis_is_a_restart() -> None:
    # "  * CMath (cmath" ends a list whose items have no stop, but no item ends
    # inside a parenthesis: the code block restated after it begins a restart
    # (which stops, and the next restarts the list).
    intro = "Ruby 2.7 changes how keyword arguments are passed, with warnings for now."
    code = '```ruby\ndef foo(**kw); p kw; end; foo("str" => 1) #=> {"str"=>1}\n```'
    note = "Non-symbols are now allowed as keyword argument keys when the method accepts them."
    libs = "* These libraries are no longer bundled.\n  * CMath (cmath gem)\n  * Scanf (scanf gem)"
    cut = libs[: libs.index("(cmath") + len("(cmath")]
    draft = f"{intro}\n\n{code}\n\n{note}\n\n{cut}\n\n{code}\n\n{note[:40]}\n\n{libs}\n"
    assert [f.boundary for f in segment(draft)] == ["start", "implicit", "implicit"]
    assert fragmerge.fix_text(draft) == f"{intro}\n\n{code}\n\n{note}\n\n{libs}\n"


@pytest.mark.parametrize(
    ("before", "cut", "rest", "after"),
    [
        (
            "Today a component is a function from data to markup, which is easy to test.",
            "The front end",
            "keeps its state as it is, and the same tests run on a server too.",
            "That closes the session notes; thanks to the speakers for a lively hour.",
        ),
        (
            "- データからHTMLへの関数と捉えられる。",
            "- フロント側",
            "はそのままでOK",
            "- Node.jsでも動くのでサーバーサイドでも使える",
        ),
    ],
    ids=["en", "ja"],
)
def test_rest_of_the_last_cut_shown_before_it_is_split_and_goes_after(
    before: str, cut: str, rest: str, after: str
) -> None:
    # The last piece restarts and stops mid-sentence; the rest of that sentence,
    # resumed exactly (a lower-case word, a particle), was shown earlier in the draft,
    # right after finished text: it is split off there and goes after the cut.
    joined = " " if rest[0].isascii() else ""
    draft = f"{P1}\n\n{before}\n\n{rest}\n\n{after}\n\n---END---\n\n{before}\n\n{cut}\n"
    assert [f.boundary for f in segment(draft)] == ["start", "implicit", "marker"]
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{before}\n\n{cut}{joined}{rest}\n\n{after}\n"
    # ... not when the draft ends with finished text, nor when two paragraphs could go on
    finished = f"{P1}\n\n{before}\n\n{rest}\n\n---END---\n\n{before}\n\n{P3}\n"
    assert [f.boundary for f in segment(finished)] == ["start", "marker"]
    two = f"{P1}\n\n{before}\n\n{rest}\n\n{P2}\n\n{rest}\n\n---END---\n\n{cut}\n"
    assert [f.boundary for f in segment(two)] == ["start", "marker"]


def test_lower_case_words_between_two_code_examples_are_no_rest_of_the_last_cut() -> None:
    # "or use the import form …" between the CommonJS and the ES module example opens in
    # lower case, but after code, not after finished prose: the draft's cut last line
    # (a marked piece) does not pull it away.
    draft = (
        "Import the module first.\n\n```cjs\nconst inspector = require('node:inspector');\n```"
        "\n\nor use the import form as well\n\n"
        "```mjs\nimport * as inspector from 'node:inspector';\n```\n\n---END---\n\n"
        "See the notes on breakpoints in the guide\n"
    )
    assert [f.boundary for f in segment(draft)] == ["start", "marker"]


def test_numbered_item_restated_as_a_paragraph_without_its_number_is_a_restart() -> None:
    # the list's last item, then the same words as a paragraph going on with new text:
    # the generation restarted from the item and dropped its number
    items = (
        '1. The publisher of the plugin is shifting from "Microsoft" to "Go Team at Google".\n'
        "2. The project's repository is moving to join the rest of the Go project on GitHub."
    )
    again = "The project's repository is moving to join the rest of the Go project on GitHub."
    draft = f"{P1}\n\n{items}\n\n{again}\n\n{P3}\n"
    assert pieces(draft)[-1] == f"{again}\n\n{P3}"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{items}\n\n{P3}\n"
    # ... but another number is another item ("3." after "2.")
    other = f"{P1}\n\n{items}\n\n3. {again}\n"
    assert len(pieces(other)) == 1


def test_bold_label_cut_and_restated_opening_its_paragraph_is_restarted() -> None:
    # the generation stopped after the label "**Summary:**"; the next restated the case
    # before it and wrote the label with its paragraph
    case2 = (
        "### Case 2: output published unchecked\n\n**Summary:** A broker published texts unread."
    )
    lesson = "**Lesson:**\n\n- Review every output before it is published on the website."
    draft = (
        f"{P1}\n\n{case2}\n\n{lesson}\n\n### Case 3: no measure of return\n\n**Summary:**\n\n"
        f"{case2}\n\n{lesson}\n\n### Case 3: no measure of return\n\n"
        "**Summary:** A maker bought a platform without any target.\n"
    )
    assert pieces(draft)[-1].startswith(case2)


def test_restart_of_a_copy_glued_without_breaks_is_found_by_its_glued_sentence() -> None:
    # the first copy joined its paragraphs without a separator ("…updated.Please"); the
    # next generation restated it from "Please" with its breaks and went on
    share = (
        "Please continue to share your thoughts with us by filing issues and making "
        "contributions to the project."
    )
    excited = "We're excited about this new step forward, and we hope you are too."
    glued = f"We'll make sure the builds stay green and the docs get updated.{share}\n\n{excited}"
    draft = f"{P1}\n\n{glued}\n\n{share}\n\n{excited}\n\n{P3}\n"
    assert pieces(draft)[-1] == f"{share}\n\n{excited}\n\n{P3}"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{glued}\n\n{P3}\n"
    # ... a sentence spelled out with a space before it is no glued copy: quoted again
    # alone later, it stays
    spaced = f"{P1}\n\n{share} {excited}\n\n{P2}\n\n{share}\n\n{P3}\n"
    assert fragmerge.fix_text(spaced) == spaced


def test_drifted_redundant_copy_stopping_cut_ends_its_piece() -> None:
    # A generation restated two finished paragraphs with a word changed and stopped
    # in the middle of the next; the paragraph after it is the next generation's
    intro = (
        "既然安装好了 Rust，是时候来编写第一个 Rust 程序了。"
        "当学习一门新语言的时候，打印问候是一项传统。"
    )
    note = (
        "> 注意：本书假设你熟悉基本的命令行操作。目前很多 IDE 都在一定程度上支持 Rust，详见附录。"
    )
    drifted = note.replace("很多", "许多")
    rest = "对于 Windows CMD，输入如下命令创建目录，然后进入这个目录继续。"
    draft = f"{intro}\n\n{note}\n\n{P2}\n\n{intro}\n\n{drifted}\n\nA new paragraph beg\n\n{rest}\n"
    assert pieces(draft)[1:] == [f"{intro}\n\n{drifted}\n\nA new paragraph beg", rest]
    assert fragmerge.fix_text(draft) == f"{intro}\n\n{note}\n\n{P2}\n\n{rest}\n"
    # ... as the same copy word for word did before
    exact = draft.replace(drifted, note)
    assert fragmerge.fix_text(exact) == f"{intro}\n\n{note}\n\n{P2}\n\n{rest}\n"


def test_paragraph_writing_a_later_cut_whole_is_its_restart_shown_before_it() -> None:
    # shuffled: the piece resuming the cut ending the third marked piece is shown
    # right after the second, with no marker between them
    pulse = (
        "The Pulse team maintains a fantastic public resource that supports transparency, "
        "accountability and replicability."
    )
    cut = pulse[: pulse.index("supports") + len("support")]
    start = "You start by working publicly, since that is the most effective way we found."
    resumed = f"{pulse} People abroad run their own."
    draft = (
        f"{P1}\n\n---END---\n\n{P2}\n\n{resumed}\n\n---END---\n\n{start} {cut}\n\n"
        f"---END---\n\n{P3}\n"
    )
    assert pieces(draft) == [P1, P2, resumed, f"{start} {cut}", P3]
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{P2}\n\n{start} {resumed}\n\n{P3}\n"
    # ... but not when the cut opens its piece (a redundant copy of the paragraph's start)
    redundant = (
        f"{P1}\n\n---END---\n\n{P2}\n\n{resumed}\n\n---END---\n\n{cut}\n\n---END---\n\n{P3}\n"
    )
    assert len(pieces(redundant)) == 4
    # ... nor when the same sentence stands before both (a copy running on into it)
    copy = draft.replace(f"{P2}\n\n{resumed}", f"{start}\n\n{resumed}")
    assert len(pieces(copy)) == 4
    # ... nor when the cut is markup opening a block that stands alike elsewhere
    aside = '<aside markdown="1" class="pquote">\n  <img src="https://example.org/a.png">'
    block = f"{aside}\n  A quote from someone who used it.\n</aside>"
    cut_block = aside[: aside.index(" src")]
    markup = draft.replace(resumed, block).replace(f"{start} {cut}", f"{start}\n\n{cut_block}")
    assert len(pieces(markup)) == 4


def test_line_writing_whole_a_cut_the_marked_piece_met_by_chance_is_its_restart() -> None:
    # the piece after the marker goes on with other words ("…意識:** X" | "あるデバイス
    # だ。"), shuffled in from elsewhere; further on, with no marker of its own, the
    # cut item is written whole and goes on: that line restarts the cut
    item = "*   **倫理とプライバシーへの意識:** XRデバイスは周囲の環境データを大量に収集する。"
    cut = item[: item.index("X") + 1]
    met = "あるデバイスだ。しかし、価格は高く、普及にはまだ時間がかかる。"
    draft = f"{JA1}\n\n{cut}\n\n---END---\n\n{met}\n\n{item}\n\n{JA3}\n"
    assert pieces(draft) == [f"{JA1}\n\n{cut}", met, f"{item}\n\n{JA3}"]
    # ... not when the marked piece restates the text before the cut (its own restart,
    # which may add a paragraph before the item)
    restated = f"{JA1}\n\n{cut}\n\n---END---\n\n{JA1}\n\n{JA2}\n\n{item}\n\n{JA3}\n"
    assert len(pieces(restated)) == 2
    # ... nor when new text comes first, then the text before the cut and the item whole
    # (the marked piece opened with new text, then restarted from before the cut)
    again = f"{JA1}\n\n{cut}\n\n---END---\n\n{met}\n\n{JA1}\n\n{item}\n\n{JA3}\n"
    assert len(pieces(again)) == 2
    # ... nor when the cut is an item of a list whose items go without a stop (a
    # changelog naming the same change twice)
    notes = "* Documentation improvements"
    changelog = (
        f"## 2.1.0\n\n* Faster start on machines with many archives\n\n{notes}\n\n---END---\n\n"
        f"* Retry on connection resets\n\n## 2.0.0\n\n{notes} (Li Wei)\n\n* Resumed downloads\n"
    )
    assert len(pieces(changelog)) == 2
    # ... nor when the cut is short: it may begin look-alike items
    short = "- Meta Quest"
    items = "- iPhone から Mac に動画を取り込む\n- Mac から Meta Quest に動画をコピー"
    looks = f"{JA1}\n\n{short}\n\n---END---\n\n{items}\n\n- Meta Questアプリ ... 990円\n"
    assert len(pieces(looks)) == 2


def test_redundant_copy_stopping_inside_an_item_of_a_list_without_stops_ends_its_piece() -> None:
    # the items go without a stop; the copy stops inside one the original goes on with
    body = (
        "## (3) テストはやりやすくなった？\n\n"
        "- データ→HTMLの関数と捉えられる。in-outで確認できるのでテストしやすい\n"
        "- HTMLの検証コードが大変、最初の結果を正とするスナップショットテスティング\n"
        "- いまはヘッドレスブラウザも使える\n"
        "  - バージョンも固定できる"
    )
    stopped = body[: body.index("ブラウザ")]
    heading = "## (4) ピンチポイントでデータの入力側はどう扱うのが良いか？"
    cut = heading[: heading.index("扱う")]
    draft = f"{JA1}\n\n{body}\n\n{cut}\n\n{stopped}\n\n{heading}\n\n- mswを使ったり\n"
    assert pieces(draft)[1:] == [stopped, f"{heading}\n\n- mswを使ったり"]
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{body}\n\n{heading}\n\n- mswを使ったり\n"


def test_short_item_ending_two_pieces_and_then_going_on_is_restarted() -> None:
    # two generations stopped after the item's first sentence, too short to key a
    # copy; the third wrote the item again and went on
    intro = (
        "React 18 的新内容包括自动批处理、过渡和支持 Suspense 的服务端渲染。"
        "下面按类别列出所有变更，先从新功能开始。"
    )
    item = "* 添加选择性激活。"
    whole = "* 添加选择性激活。([#14717](https://github.com/facebook/react/pull/14717))"
    rest = "* 修复在测试中文档被设置为 `null` 时的崩溃问题。"
    draft = f"{intro}\n\n{item}\n\n{intro}\n\n{item}\n\n{whole}\n{rest}\n"
    assert pieces(draft)[-1] == f"{whole}\n{rest}"
    assert fragmerge.fix_text(draft) == f"{intro}\n\n{whole}\n{rest}\n"
    # ... but a short item followed once by a longer one is a list going on
    once = f"{intro}\n\n{item}\n\n{whole}\n{rest}\n"
    assert fragmerge.fix_text(once) == once


@pytest.mark.parametrize(
    ("block", "line", "rest"),
    [
        (
            '<div class="clearfix mb-2">\n  <label for="cbox6">',
            "    Do maintainers respond quickly to issues when they are opened?",
            "\n  </label>\n</div>",
        ),
        (
            '<aside>\n  <img src="a.png">',
            "  我一直都在摸索。",
            "我没有努力寻求一个完整的解决方案。\n</aside>",
        ),
    ],
)
def test_indented_line_of_a_block_restated_unindented_and_going_on_is_a_restart(
    block: str, line: str, rest: str
) -> None:
    # the generation stopped after a line of a block; the next restated that line
    # without its indentation and went on with the block
    restated = line.strip()
    draft = f"{P1}\n\n{block}\n{line}\n\n{restated}{rest}\n\n{P3}\n"
    assert pieces(draft)[-1] == f"{restated}{rest}\n\n{P3}"
    # ... joined as the copy goes on, not as a new paragraph
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{block}\n{line}{rest}\n\n{P3}\n"
    # ... but the line said again as a paragraph of its own stays
    alone = f"{P1}\n\n{block}\n{line}\n\n{restated}\n\n{P3}\n"
    assert fragmerge.fix_text(alone) == alone


def test_last_line_of_a_wrapped_tag_restated_and_going_on_in_its_line_is_a_restart() -> None:
    # the generation stopped after the second line of a tag; the next restated it
    tag = '<img src="genai_use.svg" alt="The Go software that I build uses AI\nor LLMs to:"'
    draft = f'{P1}\n\n{tag}\n\nor LLMs to:" class="chart" />\n\n{P3}\n'
    assert fragmerge.fix_text(draft) == f'{P1}\n\n{tag} class="chart" />\n\n{P3}\n'
    # ... but a stanza opening with the line that closed the one before stays
    verse = "The woods are lovely, dark and deep,\nBut I have promises to keep,\nAnd miles to go."
    poem = f"{verse}\n\nAnd miles to go.\nAnd miles to go before I sleep.\n"
    assert fragmerge.fix_text(poem) == poem


def test_cjk_character_alone_on_the_last_line_of_a_block_restated_is_a_restart() -> None:
    # the generation stopped after the first character of a line inside an aside
    block = '<aside markdown="1">\n  <img src="a.png" alt="avatar">\n开'
    rest = "开源远远不止代码，成功的开源项目包括代码、文档，以及所有讨论。\n</aside>"
    draft = f"{JA1}\n\n{block}\n\n{rest}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{block[:-1]}{rest}\n\n{JA3}\n"


def test_bold_heading_cut_before_its_closing_mark_is_restarted() -> None:
    # cut before its closing "**", the heading reads as a sentence opening with "**"
    heading = "**来自 Relay、React Native 和 PyTorch 团队的演讲**："
    cut = heading[: heading.index("队")]
    item = "* 由 Robert Balicki 演讲的 [Re-introducing Relay](https://youtu.be/lhVGdErZuN4)。"
    draft = f"{JA1}\n\n{cut}\n\n{heading}\n\n{item}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{heading}\n\n{item}\n"


def test_sub_item_restated_right_after_it_without_its_indentation_is_a_restart() -> None:
    # the generation stopped after a sub-item's first words; the next restated it at
    # the left margin and went on, though a note in brackets follows
    items = "* These libraries were updated.\n  * REXML 3.2.3 ([NEWS](rexml/NEWS.md))"
    item = "* RSS 0.2.8 ([NEWS](rss/NEWS.md))"
    draft = f"{P1}\n\n{items}\n  * RSS 0.2.8\n\n{item}\n  * StringScanner 1.0.3\n"
    fixed = f"{P1}\n\n{items}\n  {item}\n  * StringScanner 1.0.3\n"
    assert fragmerge.fix_text(draft) == fixed
    # ... but in a loose list, an item at the same depth with a note added is an
    # entry of its own
    changes = (
        "* Upgrade npm (isaacs)\n\n* Docs improvements\n\n* Docs improvements (koichik)\n\n"
        "* Faster builds (ry)\n"
    )
    assert fragmerge.fix_text(changes) == changes


def test_code_restated_with_all_after_it_going_on_past_its_end_is_a_restart() -> None:
    # the generation stopped at the end of a sentence of an item after a code block;
    # the next restarted from the code and went on past that sentence
    code = "```ruby\ndef foo(h, **nil); end; foo(key: 1) # ArgumentError\n```"
    said = "* Passing an empty hash with a double splat no longer passes it."
    more = " Leave the splat out to pass the hash as an argument."
    draft = f"{P1}\n\n{code}\n\n{said}\n\n{code}\n\n{said}{more}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{code}\n\n{said}{more}\n\n{P3}\n"
    # ... but an indented block (code to Markdown) saying the last words of the one
    # before it again, in a reference, stays (cmake-file-api.7.rst)
    reference = (
        "  ``directories``\n    A JSON array of build system directories.  Each entry is a\n"
        "    JSON object containing members:\n\n"
        "  ``projects``\n    A JSON array of the top-level project and its sub-projects.\n\n"
        "    Each entry is a JSON object containing members:\n\n"
        "    ``parentIndex``\n      Present when the project is not top-level.\n"
    )
    assert fragmerge.fix_text(reference) == reference


def test_short_paragraph_cut_after_a_clause_break_is_restarted() -> None:
    # a paragraph of a few words with a comma in it is a sentence cut short, not a
    # title: the paragraph after it writing it whole and going on restarts it
    rest = " [NEWS](https://example.org/NEWS.md) 或 [提交记录](https://example.org/commits)。"
    draft = f"{JA1}\n\n更多详情，可参见\n\n更多详情，可参见{rest}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n更多详情，可参见{rest}\n\n{JA3}\n"
    # ... but without a clause break it may be a title the next paragraph begins with
    titled = f"{JA1}\n\n更多详情\n\n更多详情{rest}\n\n{JA3}\n"
    assert fragmerge.fix_text(titled) == titled


def test_line_before_a_copy_restated_after_it_resumes_the_generation_before_the_copy() -> None:
    # a generation went back to the top, completed the cut there and stopped at the
    # end of a sentence; the next resumed where the one before the copy had stopped
    a = "* If you want to contribute, open a pull request on the parser's repository."
    b = (
        "* You can try the new parser with a flag on the command line. "
        "Note that the option is meant for debugging only."
    )
    c = "  * More calls with optional arguments are compiled. Error handling is compiled too."
    d = "    * At most one native thread runs per Ractor, so most applications use one."
    e = "    * More native threads may be used to support blocking operations."
    cut, stop = b[: b.index(" meant")], c[: c.index(" Error")]
    draft = f"{a}\n{cut}\n\n{c}\n{d}\n{e}\n{a}\n{b}\n{stop}\n\n{e.strip()}\n"
    assert fragmerge.fix_text(draft) == f"{a}\n{b}\n{c}\n{d}\n{e}\n"


def test_sections_restated_up_to_where_a_restart_split_the_draft_are_a_restart() -> None:
    # a generation restarted far back (completing the cut item) and restated a
    # heading and its list up to where the draft stopped before it, then went on
    whole = (
        "* You can try the new parser with a flag on the command line. "
        "Note that the option is meant for debugging only."
    )
    cut = whole[: whole.index(" meant")]
    talk = "* If you want to build a JIT for Ruby, watch the talk from the third day."
    head = "## M:N thread scheduler"
    items = (
        "* A new M:N thread scheduler is introduced in this release of the language.\n"
        "  * M Ruby threads are managed by N native threads, lowering the cost of each.\n"
        "  * More native threads may be used to support blocking operations."
    )
    link = "* <https://example.org/ruby-3.3.0.tar.xz>"
    draft = f"{cut}\n\n{talk}\n\n{head}\n\n{items}\n{whole}\n{head}\n{items}\n\n{link}\n"
    assert fragmerge.fix_text(draft) == f"{whole}\n\n{talk}\n\n{head}\n\n{items}\n\n{link}\n"
    # ... but a changelog's section said again in the piece after a marker stays
    # (its words all kept in order; the layout of the section may change)
    added = "### Added\n\n- Support for reading configuration from environment variables."
    fixed = (
        "### Fixed\n\n- The parser no longer crashes on empty input files.\n"
        "- Fixed a crash when the output directory does not exist."
    )
    changelog = (
        f"# Changelog\n\n## [2.1.0] - 2026-03-02\n\n{added}\n- A `--dry-run` flag that prints what "
        f"would change without writing files.\n\n{fixed}\n\n---END---\n\n"
        f"## [2.0.1] - 2026-01-15\n\n{fixed}\n\n## [2.0.0] - 2025-12-01\n\n"
        f"{added}\n\n### Removed\n\n- The deprecated `--legacy` flag.\n"
    )
    clean = changelog.replace("---END---\n\n", "")
    assert fragmerge.fix_text(changelog).split() == clean.split()


def test_short_line_before_a_cut_standing_earlier_too_opens_its_restart() -> None:
    # "Or:" stands before the first example too; the generation stopped after the
    # opening of the second example's tag and restarted with "Or:" and the example
    code1 = "{% highlight ruby %}\nhandle = Fiddle::Handle.new(user_input)\n{% endhighlight %}"
    code2 = (
        "{% highlight ruby %}\nhandle = Fiddle::Handle.new(some_library)\n"
        "function_pointer = handle[dangerous_user_input]\n{% endhighlight %}"
    )
    intro = "Impacted code looks something like this:"
    draft = f"{P1}\n\n{intro}\n\n{code1}\n\nOr:\n\n{{% highlight\n\nOr:\n\n{code2}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{intro}\n\n{code1}\n\nOr:\n\n{code2}\n\n{P3}\n"
    # ... and a rule before that line, equal to the one before the cut's, opens it too
    cta = "## 技術選定のご相談を承っています"
    whole = "実装経験に基づく技術選定のアドバイスをしています。PoC開発もお気軽にご相談ください。"
    link = "[お問い合わせ](/services/)"
    ruled = f"{JA1}\n\n---\n\n{cta}\n\n{whole[:16]}\n\n---\n\n{cta}\n\n{whole}\n\n{link}\n"
    assert fragmerge.fix_text(ruled) == f"{JA1}\n\n---\n\n{cta}\n\n{whole}\n\n{link}\n"


def test_sub_item_ending_at_a_stop_restated_unindented_and_going_on_is_a_restart() -> None:
    # the generation stopped after a sub-item's first sentence; the next restated the
    # item at the left margin and went on with it
    items = "- HTMLの検証コードが大変\n  - 最初の結果を正とする。"
    rest = "スナップショットテスティングが発展してきた"
    after = "  - （疑問：ブラウザの挙動まではテストしない、ということ？）"
    draft = f"{JA1}\n\n{items}\n\n- 最初の結果を正とする。{rest}\n{after}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{items}{rest}\n{after}\n"
    # ... but an item at the left margin after a list ending with its sub-item stays
    said = f"{JA1}\n\n{items}\n\n- 最初の結果を正とする。\n"
    assert fragmerge.fix_text(said) == said


def test_look_alike_of_the_line_before_a_copy_does_not_start_a_generation() -> None:
    # a style guide restarted from "错误：" back before its cut example; after that copy
    # the wrong example differs from the cut right one only in spaces: it stays
    guide = (
        "### 中文与数字之间需要增加空格\n\n正确：\n\n> 今天出去买菜花了 5000 元。\n\n错误：\n\n"
        "> 今天出去买菜花了 5000元。\n>\n> 今天出去买菜花了5000元。\n\n"
        "### 数字与单位之间需要增加空格\n\n正确：\n\n"
    )
    right = "> 我家的光纤入屋宽带有 10 Gbps，SSD 一共有 20 TB"
    wrong = "\n\n错误：\n\n> 我家的光纤入屋宽带有 10Gbps，SSD 一共有 20TB\n"
    restart = guide[guide.index("错误：") :]
    draft = f"{guide}{right[: right.index('SSD')]}\n\n{restart}{right}{wrong}"
    assert fragmerge.fix_text(draft) == f"{guide}{right}{wrong}"


def test_sentence_ending_its_paragraph_restated_and_going_on_is_a_restart() -> None:
    # the generation stopped after "… written in C." (a stop, so no cut showed); the
    # next restated that sentence character for character and went on with its paragraph
    head = "Ruby and C get along well. Ruby supports so-called extension modules. These are"
    lines = "modules that you can use from Ruby programs, but which\nare written in C."
    rest = " In this way, you can compartmentalize the slow parts."
    draft = f"{P1}\n\n{head}\n{lines}\n\nThese are\n{lines}{rest}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{head}\n{lines}{rest}\n\n{P3}\n"
    # ... but a summary line that a longer paragraph rewords after it stays
    summary = "Rule variable to link an executable.\n\nRule variable to link an executable for"
    said = f"{P1}\n\n{summary} the given language.\n\n{P3}\n"
    assert fragmerge.fix_text(said) == said


def test_long_copy_of_a_unit_stopping_inside_it_ends_a_redundant_piece() -> None:
    # a header restated from the top and cut inside it, then restated whole again
    header = (
        "PEP: 731\nTitle: C API Working Group Charter\n"
        "Author: Guido van Rossum <guido@python.org>,\n"
        "        Victor Stinner <vstinner@python.org>\n"
        "Post-History: `13-Oct-2023 <https://discuss.python.org/t/36117>`__,\n"
        "              `23-May-2024 <https://discuss.python.org/t/54015>`__\n"
        "Resolution:"
    )
    cut = header[: header.index(" <https://discuss.python.org/t/54015>")]
    draft = f"{header}\n\n{cut}\n\n{header}\n\n{P1}\n\n{P2}\n"
    assert fragmerge.fix_text(draft) == f"{header}\n\n{P1}\n\n{P2}\n"


def test_last_sentence_of_an_item_restated_after_it_and_going_on_is_a_restart() -> None:
    # the generation stopped after an item's second sentence; the next restated that
    # sentence, from inside the item's line, and went on with the next item
    item = (
        "* The term “block” means something different. It’s for a block of code\n"
        "  that you associate with a method call so the method body can call out\n"
        "  to the block while it executes."
    )
    tail = item[item.index("It’s") :]
    nxt = "* There are no variable declarations. You just assign to new names."
    draft = f"{P1}\n\n{item}\n\n{tail}\n{nxt}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{item}\n{nxt}\n\n{P3}\n"
    # ... but the sentence quoted again as a paragraph of its own stays
    said = f"{P1}\n\n{item}\n\n{tail}\n\n{P3}\n"
    assert fragmerge.fix_text(said) == said
    # ... and so does a short one ("See below." / "See below. The table …")
    short = f"{P1}\n\n* Read the notes. See below.\n\nSee below. The table lists them.\n"
    assert fragmerge.fix_text(short) == short


def test_short_line_before_a_long_copy_restated_after_it_starts_the_next_generation() -> None:
    # a generation stopped at a short heading; the next went far back and stopped at
    # a sentence's end; the one after it wrote the heading whole and went on
    topics = [
        "設計",
        "実装",
        "評価",
        "運用",
        "保守",
        "費用",
        "人材",
        "教育",
        "契約",
        "品質",
        "安全",
        "性能",
    ]
    paras = [
        "".join(
            f"{t}の観点では、{k}番目の論点として{t}に関する具体的な注意点を説明します。"
            for k in range(1, 5)
        )
        for t in topics
    ]
    body, copy = "\n\n".join(paras), "\n\n".join(paras[1:-2])
    heading, link = "### あわせて読みたい", "- [ツールの選び方](https://example.com/ai-coding/)"
    draft = f"{body}\n\n---\n\n### あわせて\n\n{copy}\n\n{heading}\n\n{link}\n"
    assert pieces(draft)[-1] == f"{heading}\n\n{link}"
    # ... and the heading's paragraph break is written once where the cut was dropped
    assert fragmerge.fix_text(draft) == f"{body}\n\n---\n\n{heading}\n\n{link}\n"


def test_bare_role_word_written_again_inside_a_longer_word_is_a_cut_not_a_header() -> None:
    # the generation stopped after "AI"; the next wrote the word again and went on
    heading = "### 2. 観測可能性（Observability）"
    para = "AIエージェントは、従来のソフトウェアと異なり、出力が非決定的です。"
    draft = f"{JA1}\n\n{heading}\n\nAI\n\n{para}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{heading}\n\n{para}\n\n{JA3}\n"
    # ... but a header whose message opens with the word is a header still
    reply = "AI models can write the rest of the article for you."
    assert fragmerge.fix_text(f"{P1}\n\nAI\n\n{reply}\n") == f"{P1}\n\n{reply}\n"


def test_look_alike_of_the_line_that_resumed_a_cut_is_no_restart() -> None:
    # a generation stopped inside a book entry's link; the next wrote the link whole and
    # went on; the next entries end with look-alike links (their view is the same)
    def entry(title: str, blurb: str, asin: str) -> str:
        link = f"[Amazonで詳しく見る →](https://www.amazon.co.jp/dp/{asin}/)"
        return f"### [{title}](https://www.amazon.co.jp/dp/{asin}/)\n\n{blurb}\n\n{link}"

    first = entry("AI白書 2025", "国内外の生成AI動向を網羅した年次レポート決定版", "4049112388")
    rest = [
        entry(
            "AIエージェント開発入門", "自律型AIエージェントの設計から運用までを解説", "4815636605"
        ),
        entry("プロンプト入門", "ChatGPTで学ぶプロンプト設計の基本と実践テクニック", "4798181986"),
    ]
    cut = first[: first.rindex(" →")]
    whole = "\n\n".join([first, *rest])
    draft = f"{JA1}\n\n{cut}\n\n{whole[len(cut) - len('[Amazonで詳しく見る') :]}\n"
    assert len(pieces(draft)) == 2
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{whole}\n"
    # ... also when the restart opens a paragraph back, with the entry's blurb
    draft = f"{JA1}\n\n{cut}\n\n{whole[whole.index('国内外') :]}\n"
    assert len(pieces(draft)) == 2
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{whole}\n"


def test_last_line_of_a_block_cut_inside_a_link_restated_and_going_on_is_a_restart() -> None:
    # too short to key a copy, but a bracket left open cannot end the line
    credit = '<p markdown="1" class="pquote-credit">'
    line = (
        "— [Ada Initiative](https://adainitiative.org/2014/02/18/howto-design-a-code-of-conduct/)"
    )
    draft = f"{P1}\n\n{credit}\n— [Ada\n\n{line}\n</p>\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{credit}\n{line}\n</p>\n\n{P3}\n"
    # ... but a closed short line restated and going on is a shared phrase
    said = f"{P1}\n\n{credit}\n— Ada\n\n— Ada Initiative wrote the guide.\n\n{P3}\n"
    assert fragmerge.fix_text(said) == said


def test_list_item_of_one_cjk_character_restated_with_its_lead_in_is_a_restart() -> None:
    # a generation stopped one character into a list, the next one restated the line
    # leading into it and stopped there too (a redundant piece), the third went on
    intro = "我们的 `grep` 项目将会结合之前所学的一些概念："
    items = "- 代码组织（第七章）\n- vector 和字符串（第八章）"
    draft = f"{JA1}\n\n{intro}\n\n- 代\n\n{intro}\n\n- 代\n\n{items}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{intro}\n\n{items}\n\n{JA3}\n"


def test_item_parting_a_tight_list_restated_with_a_note_is_a_restart() -> None:
    # items without a stop may gain a note in brackets in a list of their own (a
    # changelog's "* Docs improvements (koichik)"), but a blank line parting a tight
    # list right before the longer item is where a generation stopped
    items = "* DTrace support\n* TracePoint"
    longer = "* Optimized require performance (especially, on Windows)\n* NativeClient support"
    draft = f"{P1}\n\n{items}\n* Optimized require performance\n\n{longer}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{items}\n{longer}\n\n{P3}\n"
    notes = "* Faster builds\n\n* Docs improvements\n\n* Docs improvements (koichik)"
    loose = f"{P1}\n\n{notes}\n\n{P3}\n"
    assert fragmerge.fix_text(loose) == loose


def test_last_sentence_after_bold_lead_restated_and_going_on_is_a_restart() -> None:
    # the stop closing the bold lead ("…探そう。**") ends a sentence too
    lead = "* **問題に遭遇している人を探そう。** "
    last = "プロジェクトのターゲットに該当する人をフォーラムを通して探しましょう。"
    more = "彼らの質問に答えましょう。\n* **フィードバックを求めよう。**"
    draft = f"{JA1}\n\n{lead}{last}\n\n{last}{more}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{lead}{last}{more}\n\n{JA3}\n"


def test_sentence_cut_right_after_its_opening_bracket_is_restarted_from_it() -> None:
    said = "私は発表する枠をもらえるようにお願いをしました。"
    rest = "（中略）私は、半年をかけてやってきたことについて発表することが怖くなりました。"
    draft = f"{JA1}\n\n{said}（\n\n{rest}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{said}{rest}\n\n{JA3}\n"


def test_paragraph_of_one_opening_word_then_a_sentence_beginning_with_it_is_a_restart() -> None:
    # "This" ends no title, so a paragraph of it alone was cut ("Summary" may be a title)
    release = "This release includes many bugfixes.\nSee the tickets for details."
    draft = f"{P1}\n\nThis\n\n{release}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{release}\n\n{P3}\n"
    thanks = "We’re grateful to everyone who helped.\nThe list is below."
    draft = f"{P1}\n\nWe’re\n\n{thanks}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{thanks}\n\n{P3}\n"
    titled = f"{P1}\n\nSummary\n\nSummary of the changes.\n\n{P3}\n"
    assert fragmerge.fix_text(titled) == titled


def test_long_last_sentence_of_an_item_said_again_alone_is_a_restart() -> None:
    item = "- 一些其他的关于 ssh 的选项是与安全相关的，应当小心翼翼的使用。"
    last = "例如你应当只能在可信任的网络中启用 `StrictHostKeyChecking=no`，`ForwardAgent=yes`。"
    after = "- 考虑使用 `mosh` 作为 ssh 的替代品，它使用 UDP 协议。"
    draft = f"{JA1}\n\n{item}{last}\n\n{last}\n\n{after}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{item}{last}\n\n{after}\n\n{JA3}\n"
    # a short one may be the text's own echo
    echo = "下列 API 被更新。"
    echoed = f"{JA1}\n\n- 一些选项是与安全相关的。{echo}\n\n{echo}\n\n{after}\n\n{JA3}\n"
    assert fragmerge.fix_text(echoed) == echoed


@pytest.mark.parametrize(
    ("cut", "whole"),
    [
        (
            "**Keep all",
            "**Keep all communication public.** Although it's tempting, don't reach out privately.",
        ),
        ("**対策", "**対策:**\n- RAGで社内の正確なデータを参照する"),
    ],
    ids=["sentence", "label"],
)
def test_line_cut_inside_strong_emphasis_then_written_whole_is_a_restart(
    cut: str, whole: str
) -> None:
    # an odd "**" cannot end a line: the emphasis was left open where the draft stopped
    draft = f"{P1}\n\n{cut}\n\n{whole}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{whole}\n\n{P3}\n"


def test_sentence_cut_after_a_code_span_ending_in_a_stop_is_a_restart() -> None:
    # the "!" of `println!` is code, not the end of the sentence
    whole = "首先，`println!` 调用了一个 Rust 宏（macro），它会在编译时展开成打印文本的代码。"
    draft = f"{JA1}\n\n首先，`println!`\n\n{whole}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{whole}\n\n{JA3}\n"


def test_item_cut_before_its_stop_then_copied_with_the_list_going_on_is_resumed() -> None:
    # a piece shuffled in after a marker cannot resume the item cut before its "。":
    # the copy at the end, stop added and the list going on, shows where it belongs
    models = (
        "*   **汎用モデル:** GoogleのGeminiシリーズなどが代表的です。これらは、テキスト"
        "生成に優れています。\n*   **特化型モデル:** 特定のタスクに最適化されたモデルも"
        "登場しています。"
    )
    cost = (
        "*   **性能とコストのバランス：** 最先端モデルは高性能ですが、API利用料も高く"
        "なります（入力100万トークンあたり2.50ドル）"
    )
    free = "*   **自由度と管理コスト：** オープンソースモデルは運用の手間を考慮します。"
    label = "*   **パフォーマンスモニタリング：**"
    watch = f"{label} AIモデルの精度や応答速度を常に監視し、必要に応じてチューニングを行います。"
    draft = (
        f"{JA1}\n\n{models}\n\n{cost}\n\n[continued]\n\n{watch}\n\n{JA3}\n\n"
        f"{models}\n\n{cost}。\n{free}\n{label}\n"
    )
    expected = f"{JA1}\n\n{models}\n\n{cost}。\n{free}\n{watch}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == expected


def test_item_cut_in_its_last_sentence_resumed_unbulleted_in_cjk_is_a_restart() -> None:
    # half as many letters will do in a script without spaces
    head = "- HTMLの検証コードが大変\n  - 最初の結果を正とする。"
    rest = "スナップショットテスティングが発展してきた"
    after = "  - （疑問：ブラウザの挙動まではテストしない、ということ？）"
    draft = f"{JA1}\n\n{head}スナップショ\n\n{rest}\n{after}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{head}{rest}\n{after}\n\n{JA3}\n"


def test_bare_role_word_resumed_a_paragraph_later_in_cjk_is_a_cut() -> None:
    # the generation stopped after "AI"; a redundant piece restated the paragraph
    # before it, and the next one wrote the word again glued to the rest
    llama = (
        "さらに、MetaのLlama 3のような高性能なオープンソースLLMの登場も、この分野を加速させて"
        "います。Llama 3は、すでにGPT-4oクラスの性能に迫るベンチマーク結果を示しています。"
    )
    stub = llama[: llama.index("性能に") + 3]
    para = "AI市場全体も、2025年には2440億ドル規模に達すると予測されています。"
    draft = f"{JA1}\n\n{llama}\n\nAI\n\n{stub}\n\n{para}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{llama}\n\n{para}\n\n{JA3}\n"


def test_table_copied_on_to_complete_a_cut_heading_is_a_restart() -> None:
    table = (
        "| ツール名 | 種別 | 料金体系 |\n|---|---|---|\n| LangChain | フレームワーク | OSS |\n"
        "| Dify | ノーコード | 無料〜有料 |\n| Amazon Bedrock Agents | クラウド | 従量課金 |"
    )
    head = f"{JA1}\n\n## 比較表\n\n{table}\n\n## 選び方"
    whole = "### カスタマーサポート自動化なら「Dify」"
    draft = f"{head}\n\n### カスタ\n\n{table}\n\n## 選び方\n\n{whole}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{head}\n\n{whole}\n\n{JA3}\n"
    # ... but a table shown again under another heading is the text's own
    again = f"{JA1}\n\n### 一覧\n\n{table}\n\n### もう一度\n\n{table}\n\n{JA3}\n"
    assert fragmerge.fix_text(again) == again


def test_bold_paragraph_of_several_sentences_before_a_repeated_note_is_not_cut() -> None:
    # its last sentence closes the emphasis the first one opened: nothing is left open
    note = (
        "If the `signal` option is enabled, calling `.abort()` on the corresponding\n"
        "`AbortController` is similar to calling `.kill()` on the child process except\n"
        "the error passed to the callback will be an `AbortError`:"
    )
    warning = (
        "**If the `shell` option is enabled, do not pass unsanitized user input to this\n"
        "function. Any input containing shell metacharacters may be used to trigger\n"
        "arbitrary command execution.**"
    )
    exec_code = "```js\nconst child = exec('grep ssh', { signal });\ncontroller.abort();\n```"
    file_code = "```js\nconst child = execFile('node', { signal });\ncontroller.abort();\n```"
    doc = f"{P1}\n\n{note}\n\n{exec_code}\n\n{warning}\n\n{note}\n\n{file_code}\n\n{P3}\n"
    assert len(segment(doc)) == 1
    assert fragmerge.fix_text(doc) == doc


def test_help_text_line_opening_with_a_bare_angle_bracket_is_not_a_tag_left_open() -> None:
    # Vim help ends an example with "<": no tag is open, the next entry is no restart
    doc = (
        "pyeval({expr})\t\t\t\t\t\t*pyeval()*\n"
        "\t\tEvaluate Python expression {expr} and return its result\n"
        "\t\tconverted to Vim data structures.\n"
        "\t\tNumbers and strings are returned as they are.\n\n"
        "\t\tCan also be used as a |method|: >\n\t\t\tGetExpr()->pyeval()\n\n"
        "<\t\t{only available when compiled with the |+python| feature}\n\n"
        "pyxeval({expr})\t\t\t\t\t\t*pyxeval()*\n"
        "\t\tEvaluate Python expression {expr} and return its result\n"
        "\t\tconverted to Vim data structures.\n"
        "\t\tUses Python 2 or 3, see |python_x| and 'pyxversion'.\n"
    )
    assert fragmerge.fix_text(doc) == doc


def test_item_without_the_stop_the_item_before_it_has_is_cut() -> None:
    # an item ending in a code span reads as an entry, unless its list ends items with a stop
    items = (
        "* YJIT 现在支持 x86-64 和 arm64 CPU。\n* 不再支持 MinGW。\n"
        "* `--mjit-min-calls` 更名为 `--mjit-call-threshold`。"
    )
    whole = "* 将 `--mjit-max-cache` 的默认值从 10000 修改回 100。"
    # (a redundant piece restates the text before the list and stops; the next one
    # resumes the cut item)
    head = f"{JA1}\n\n{JA2}"
    draft = f"{head}\n\n{items}\n* 将 `--mjit-max-cache`\n\n{head}\n\n{whole}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{head}\n\n{items}\n{whole}\n\n{JA3}\n"


def test_list_number_alone_then_the_item_written_whole_is_a_restart() -> None:
    items = "1. Custom written and closed source\n1. Productized into COTS"
    whole = "1. Broadly supported, meaning having commercial support or a large community"
    draft = f"{P1}\n\n{items}\n1.\n\n{whole}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{items}\n{whole}\n\n{P3}\n"


def test_copy_stopping_inside_a_sentence_after_a_closing_bracket_ends_a_redundant_piece() -> None:
    # the copy stops right after "…))", which reads as finished; the original goes on
    lead = (
        "またデバッグ用に、`--debug` オプションによって、"
        "そのオブジェクトがどこで生成されたかを知ることができます。"
    )
    feature = (
        "[safe navigation operator](https://bugs.example/11537) `&.` "
        "(またの名を[ぼっちオペレータ](https://example.com/p/1))"
    )
    sentence = f"{feature}が導入されました。"
    cut = "[RubyVM::InstructionSequence#to_binary](https://bugs.example/11788) は"
    whole = f"{cut}実験的機能として導入されます。"
    did = "[did_you_mean gem がバンドルされました](https://bugs.example/11252)。"
    also = "他にも `Array#dig` と `Hash#dig` が追加されました。"
    head = f"{JA1}\n\n{lead}\n\n{sentence}\n{also}\n\n{did}"
    draft = f"{head}\n\n{cut}\n\n{lead}\n\n{feature}\n\n{did}\n\n{whole}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{head}\n\n{whole}\n\n{JA3}\n"


def test_copy_stopping_inside_a_link_ends_a_redundant_piece() -> None:
    # the copy of the download list stops inside a link's address
    url = "https://cache.example.org/pub/ruby/2.0/ruby-2.0.0-p643"
    block = (
        f"* [{url}.tar.bz2]({url}.tar.bz2)\n\n      SIZE:   10756895 bytes\n"
        f"      SHA1:   544840583939175886a0885bce1cf07f0b9550b7\n\n"
        f"* [{url}.tar.gz]({url}.tar.gz)\n\n      SIZE:   13625546 bytes\n"
        "      SHA1:   9f5e1a4a0ee1ddd1cb4a8a4cd5cf6a6aa0b1c5d3"
    )
    head = f"{P1}\n\n## Download\n\n{block}"
    cut_at = head.index(f".tar.gz]({url}") + len(".tar.gz](https://cache.exa")
    copy, cut_copy = head[len(P1) + 2 :], head[len(P1) + 2 : cut_at]
    draft = f"{head}\n      SHA256:\n\n{cut_copy}\n\n{copy}\n      SHA256: 4bd267a4\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{head}\n      SHA256: 4bd267a4\n\n{P3}\n"


def test_paragraph_of_a_one_word_label_is_no_cut() -> None:
    # "The" alone is cut (simulated regression en-016 nomarker 131); a label is not
    second = (
        "Second, we know that many people have said that Go needs generics, but\n"
        "we don’t necessarily know exactly what that means."
    )
    doc = f"{P1}\n\n{second}\n\nOutput\n\n{second}\n\n{P3}\n"
    assert fragmerge.fix_text(doc) == doc


def test_indented_code_restated_without_its_indentation_is_a_restart() -> None:
    code = (
        "\tvar supported = []language.Tag{\n\t\tlanguage.AmericanEnglish,\n"
        "\t\tlanguage.German,\n\t}"
    )
    after = (
        "Let's look at the matches against this list of supported languages for\n"
        "various user preferences."
    )
    head = f"{P1}\n\n{code}\n\n{after}"
    draft = f"{head}\n\n{code.lstrip()}\n\n{after}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{head}\n\n{P3}\n"
    # ... but the same code shown twice, both times indented, stays
    doc = f"{P1}\n\n{code}\n\n{after}\n\n{code}\n\n{after}\n\n{P3}\n"
    assert fragmerge.fix_text(doc) == doc


def test_quote_restarting_after_a_tag_left_open_is_a_restart() -> None:
    note = (
        "> 注意：本书假设你熟悉基本的命令行操作。"
        "Rust 对于你的编辑器、工具，以及代码位于何处并没有特定的要求。"
    )
    head = f'{JA1}\n\n{note}\n\n{JA2}\n\n<figure class="listing">'
    figure = '<figure class="listing">\n\n<span class="file-name">文件名：main.rs</span>'
    draft = f"{head}\n\n<span\n\n{note}\n\n{JA2}\n\n{figure}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{note}\n\n{JA2}\n\n{figure}\n\n{JA3}\n"


def test_copy_stopping_two_characters_into_the_cut_sentence_is_redundant() -> None:
    code = "```rust\nfn main() {\n\n}\n```"
    said = "这几行定义了一个名叫 `main` 的函数。`main` 函数很特殊：它是最先运行的代码。"
    whole = "这里第一行声明了一个名为 `main` 的函数，它没有参数也没有返回值。"
    head = f"{JA1}\n\n{code}\n\n{said}"
    cut = "这里第一行声明了一个名为 `main`"
    draft = f"{head}{cut}\n\n{code}\n\n{said}这里第\n\n{said}{whole}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{head}{whole}\n\n{JA3}\n"


def test_last_sentence_of_a_paragraph_said_again_alone_is_a_restart() -> None:
    para = (
        "These are modules that you can use from your programs, but which\n"
        "are written in C. In this way, you can compartmentalize the\n"
        "performance-critical parts of your software, and smelt those down\nto pure C."
    )
    last = para[para.index("In this way") :]
    draft = f"{P1}\n\n{para}\n\n{last}\n\n{P2}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{para}\n\n{P2}\n\n{P3}\n"
    # ... but not when it closes the text, nor when it is short
    closing = f"{P1}\n\n{para}\n\n{last}\n"
    assert fragmerge.fix_text(closing) == closing
    short = f"{P1}\n\nIt was fine. See below.\n\nSee below.\n\n{P3}\n"
    assert fragmerge.fix_text(short) == short


def test_code_and_a_heading_cut_short_restated_at_once_are_a_redundant_piece() -> None:
    code = (
        '```js\nconst userInput = "not json value";\n'
        "try {\n    JSON.parse(userInput);\n} catch (error) {}\n```"
    )
    heading = "### オブジェクトをJSON文字列に変換する"
    head = f"{JA1}\n\n{code}"
    draft = f"{head}\n\n### オ\n\n{code}\n\n### オ\n\n{code}\n\n{heading}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{head}\n\n{heading}\n\n{JA3}\n"
    # ... but a section said twice, its heading whole, stays
    doc = f"{JA1}\n\n{code}\n\n### 例\n\n{code}\n\n### 例\n\n{JA3}\n"
    assert fragmerge.fix_text(doc) == doc


def test_heading_written_again_with_the_stop_it_was_cut_before_is_a_restart() -> None:
    draft = (
        f"{JA1}\n\n## (3) テストはやりやすくなった\n\n## (3) テストはやりやすくなった？\n\n{JA2}\n"
    )
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n## (3) テストはやりやすくなった？\n\n{JA2}\n"


def test_lines_before_a_cut_restated_before_its_restart_open_the_restart() -> None:
    # the generation stopped one character into a paragraph; the next restated the two
    # lines before it (a comment's end and a heading), then the paragraph whole
    comment = "<!-- textlint-disable\n\n一人で学ぼうとすると詰まってしまう場合があります。\n\n -->"
    heading = "## 学習リソース {#learning-resources}"
    whole = "この書籍の学習を補完するリソースとして、次のページを用意しています。"
    draft = f"{JA1}\n\n{comment}\n\n{heading}\n\nこ\n\n-->\n\n{heading}\n\n{whole}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{comment}\n\n{heading}\n\n{whole}\n\n{JA3}\n"


def test_paragraph_resuming_a_cut_with_its_last_word_again_goes_on_from_it() -> None:
    cut = "Currently, occupational and industry coverage is limited,\ne.g. in"
    rest = "in certain industries, online job postings are the norm and in others, not."
    draft = f"{P1}\n\n{cut}\n\n{rest}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{cut[: -len('in')]}{rest}\n\n{P3}\n"
    # ... but a short line echoing the cut's last word is a refrain
    verse = "I keep on walking down the road and\n\nand on and on we go."
    assert fragmerge.fix_text(f"{verse}\n") == f"{verse}\n"


def test_paragraph_closing_the_link_a_cut_left_open_resumes_it() -> None:
    items = (
        "* YJIT 现在支持 x86-64 和 arm64 CPU。[[Feature #18481]]\n"
        "* YJIT 现在进行了优化，可以有效利用对象的形状。"
    )
    nxt = "* 在定义新常量时，利用更细粒度的常量失效来使更少的代码无效。[[Feature #18589]]"
    draft = f"{JA1}\n\n{items}[[Feature\n\n[[Feature #18776]]\n{nxt}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{items}[[Feature #18776]]\n{nxt}\n\n{JA3}\n"


def test_user_header_without_a_turn_boundary_after_it_keeps_the_text() -> None:
    # "You" ends a piece; the next restates it and goes on, and no assistant header or
    # rule follows within a chat message's length: the lines are the article's
    items = "\n\n".join(f"* Reason number {n} for explaining it in advance." for n in range(1, 6))
    said = f"You should explain how your code of conduct will be enforced:\n\n{items}"
    text = f"{P1}\n\nYou\n\n{said}\n\n{P3}\n"
    assert fragmerge.fix_text(text) == f"{P1}\n\n{said}\n\n{P3}\n"
    # ... but a user turn closed by the assistant's header is debris
    chat = f"{P1}\n\nYou\n\nContinue from where you stopped, please.\n\nChatGPT\n\n{P3}\n"
    assert fragmerge.fix_text(chat) == f"{P1}\n\n{P3}\n"


def test_look_alike_block_inside_the_piece_resuming_a_cut_is_no_completion_of_it() -> None:
    # shuffled: the cut "handle = Fiddle::Hand" is resumed by the last piece, which
    # opens with that line; the second example block in it begins alike and is no
    # restart of the cut
    lead = "Impacted code looks something like this:"
    one = (
        "{% highlight ruby %}\nhandle = Fiddle::Handle.new(dangerous_user_input)\n"
        "{% endhighlight %}"
    )
    two = (
        "{% highlight ruby %}\nhandle = Fiddle::Handle.new(some_library)\n"
        "function_pointer = handle[dangerous_user_input]\n{% endhighlight %}"
    )
    after = "All users running an affected release should either upgrade or use a workaround."
    affected = (
        "## Affected versions\n\n* All patch releases of Ruby 1.9.2 and Ruby 1.9.3.\n"
        "* All patch releases of Ruby 2.0.0 prior to Ruby 2.0.0 patchlevel 648."
    )
    truth = f"{P1}\n\n{lead}\n\n{one}\n\nOr:\n\n{two}\n\n{after}\n\n{affected}\n\n{P3}\n"
    first = f"{P1}\n\n{lead}\n\n{one[: one.index('dle.new')]}"
    last = f"{one[one.index('handle = ') :]}\n\nOr:\n\n{two}\n\n{after}\n\n## Affected\n"
    draft = "\n\n---END---\n\n".join([first, f"{affected}\n\n{P3}", last])
    assert fragmerge.fix_text(draft) == truth


def test_bold_label_item_cut_before_its_closing_mark_is_restarted_by_the_whole_item() -> None:
    label = "*   **対策**:"
    subs = "    *   出力結果を必ず人間が確認する。\n    *   信頼性の高い情報源を参照する。"
    risk = "*   **リスク**: AIが誤った情報を生成する可能性がある。"
    draft = f"{JA1}\n\n{risk}\n*   **対策\n\n{label}\n{subs}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{risk}\n{label}\n{subs}\n\n{JA3}\n"
    # ... and a numbered item's bold line restarted without its number
    item = (
        "2.  **パーソナライズされた体験と没入感の向上:**\n"
        "    *   AIは感情を推測し、アバターに反映させる。"
    )
    body = item[len("2.  ") :]
    draft = f"{JA1}\n\n{risk}\n2.  **パーソナライズされ\n\n{body}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{risk}\n{item}\n\n{JA3}\n"


def test_short_chinese_item_ending_a_piece_reopened_by_the_next_is_a_restart() -> None:
    # half the run of an English item will do in a script without spaces
    before = (
        "* 添加 `useTransition` 以将紧急更新和过渡更新分开。([#10426](https://example.org/10426))"
    )
    item = "* 添加 `useId` 用于生成唯一 ID。"
    whole = f"{item}([#17322](https://example.org/17322))\n* 添加 `useSyncExternalStore`。"
    draft = f"{JA1}\n\n{before}\n{item}\n\n{whole}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{before}\n{whole}\n\n{JA3}\n"


def test_short_chinese_paragraph_restated_whole_and_going_on_is_a_restart() -> None:
    # half the run of an English paragraph will do in a script without spaces
    para = "这里还有几个小窍门。第一是我们又一次省略了函数的括号。"
    rest = "如果我们的命令看起来意图很明显的话，函数的括号是可以省略的。"
    draft = f"{JA1}\n\n{para}\n\n{para}{rest}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{para}{rest}\n\n{JA3}\n"


def test_heading_said_again_right_after_itself_is_a_restart() -> None:
    heading = "## (4) ピンチポイントでデータの入力側はどう扱うのが良いか？"
    items = "- msw (mock service worker) を使ったり\n- フロント側はそのままでOK"
    draft = f"{JA1}\n\n{heading}\n\n{heading}\n\n{items}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{heading}\n\n{items}\n\n{JA3}\n"
    # ... but a heading repeated over a section of its own stays, and so do lines of a
    # test file that read as headings, one under the other
    doc = f"{JA1}\n\n{heading}\n\n{items}\n\n{heading}\n\n{JA3}\n"
    assert fragmerge.fix_text(doc) == doc
    checks = (
        "# RUN: ls dirs\n# DIRS-EXIST-NEXT: True\n# DIRS-EXIST-NEXT: True\n# FILES-EXIST: True\n"
    )
    assert fragmerge.fix_text(checks) == checks


def test_loose_list_item_written_again_with_its_stop_is_a_restart() -> None:
    # the items of the loose list end with a stop; the one ending the piece lacks it
    before = "- 了解 `ab` 工具。它可以简单粗暴地检查 web 服务器的性能。"
    item = (
        "- 了解 `strace` 和 `ltrace`。注意 profile 参数（`-c`）和附加到一个运行的进程参数（`-p`）"
    )
    after = "- 了解使用 `ldd` 来检查共享库。"
    draft = f"{JA1}\n\n{before}\n\n{item}\n\n{item}。\n\n{after}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{before}\n\n{item}。\n\n{after}\n\n{JA3}\n"


def test_copy_between_a_heading_cut_in_a_word_and_the_whole_heading_is_redundant() -> None:
    items = (
        "- 关于更深层次的系统分析以及性能分析，看看 `stap` 和 `perf`。\n\n"
        "- 查看你当前使用的系统，使用 `uname` 或者 `lsb_release -a`。"
    )
    tail = "- 查看文件是否被进程占用：`lsof | grep deleted`"
    heading = "## 单行脚本"
    draft = f"{JA1}\n\n{items}\n\n{tail}\n\n## 单\n\n{items}\n\n{heading}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{items}\n\n{tail}\n\n{heading}\n\n{JA3}\n"


def test_list_of_notes_without_stops_restated_right_after_itself_is_a_restart() -> None:
    notes = (
        "- データ→HTMLの関数と捉えられる。in-outで確認できるのでテストしやすい\n"
        "  - input(JSON)が決まれば、あるoutput(HTML)が返ってくる\n"
        "- HTMLの検証コードが大変\n"
        "  - 最初の結果を正とする。スナップショットテスティングが発展してきた\n"
        "  - （疑問：ブラウザの挙動まではテストしない、ということ？）"
    )
    heading = "## (4) ピンチポイントでデータの入力側はどう扱うのが良いか？"
    draft = f"{JA1}\n\n{notes}\n\n{notes}\n\n{heading}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{notes}\n\n{heading}\n\n{JA3}\n"


def test_marked_piece_reopening_a_short_chinese_item_goes_on_from_the_cut() -> None:
    # the item before the marker ends with a stop, but the piece restating its parent
    # goes on in it: the piece's own copy, not a restart of the item inside it
    parent = "* Module"
    item = "    * 新增 Module.used_refinements 。"
    rest = " [[Feature #14332]]\n    * 新增 Module#refinements 。 [[Feature #12737]]"
    draft = f"{JA1}\n\n{parent}\n{item}\n\n---END---\n\n{parent}\n{item}{rest}\n\n{JA3}\n"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start", "marker"]
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{parent}\n{item}{rest}\n\n{JA3}\n"


def test_quote_whose_last_sentence_is_said_again_and_goes_on_is_a_restart() -> None:
    said = (
        "> In general, C++ implementations obey the zero-overhead principle: "
        "What you don't use, you don't pay for."
    )
    more = " And further: What you do use, you couldn't hand code any better."
    draft = f"{JA1}\n\n{said}\n\n{said}{more}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{said}{more}\n\n{JA3}\n"
    # ... but a pull quote shown twice, finished both times, stays
    doc = f"{P1}\n\n{said}\n\n{P2}\n\n{said}\n\n{P3}\n"
    assert fragmerge.fix_text(doc) == doc


def test_bold_label_alone_then_opening_the_next_paragraph_is_a_restart() -> None:
    noon = "**Noon:** After a busy morning, I'm ready to step away from my screen."
    draft = f"{P1}\n\n**Noon:**\n\n{noon}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{noon}\n\n{P3}\n"
    # ... but a label over a paragraph of other words stays
    doc = f"{P1}\n\n**Noon:**\n\n{P2}\n\n{noon}\n\n{P3}\n"
    assert fragmerge.fix_text(doc) == doc


def test_sentence_said_again_right_after_with_its_colon_is_a_restart() -> None:
    lead = "我们就可以在 `UsState` 上定义一个方法，用来检查州的“年龄”"
    code = "```rust\nimpl UsState {\n    fn existed_in(&self, year: u16) -> bool {}\n}\n```"
    draft = f"{JA1}\n\n{lead}\n\n{lead}：\n\n{code}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{lead}：\n\n{code}\n\n{JA3}\n"


def test_item_whose_last_sentence_is_said_again_with_its_colon_is_a_restart() -> None:
    item = "* 对于显示对象的常量赋值求值顺序，将始终使用单属性赋值求值顺序。参考下面的代码"
    code = "```ruby\nfoo::BAR = baz\n```"
    draft = f"{JA1}\n\n{item}\n\n参考下面的代码:\n\n{code}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{item}:\n\n{code}\n\n{JA3}\n"


def test_table_restarted_after_a_bold_line_cut_before_its_closing_mark_is_a_restart() -> None:
    table = "| 対象 | 研修内容 | 時間目安 |\n|---|---|---|\n| 全社員 | 基本操作 | 4時間 |"
    heading = "**条件4：実験を許容する文化**"
    draft = f"{JA1}\n\n{table}\n\n**条\n\n{table}\n\n{heading}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{table}\n\n{heading}\n\n{JA3}\n"


def test_section_said_again_right_after_itself_is_a_restart() -> None:
    # A heading and its prose restated at once, then the text goes on: a generation that
    # stopped after the section (no article repeats a section right after itself).
    section = "## Release Comment\n\nThanks to everyone who helped with this release.\n\n"
    draft = (
        "# Ruby 2.3.7 Released\n\nRuby 2.3.7 has been released. It fixes security issues.\n\n"
        + section
        + section
        + "The maintenance of Ruby 2.3 is based on the agreement for the stable version.\n"
    )
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start", "implicit"]
    assert fragmerge.fix(draft).text.count("## Release Comment") == 1


def test_heading_too_short_to_key_said_again_right_after_itself_is_a_restart() -> None:
    # A generation stopped after a heading; the next one wrote it again and went on
    # (no article opens an empty section under the same title twice).
    table = "网站 | 文案 | UGC\n--- | --- | ---\n[Apple 中国](https://apple.com/cn/) | 是 | N/A\n"
    intro = "统一中文文案、排版的相关用法，降低团队成员之间的沟通成本。"
    draft = f"{intro}\n\n## 谁在这样做？\n\n## 谁在这样做？\n\n{table}"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start", "implicit"]
    assert fragmerge.fix(draft).text == f"{intro}\n\n## 谁在这样做？\n\n{table}"


def test_same_heading_over_sections_of_their_own_is_kept() -> None:
    # A FAQ may repeat a heading, each time over text of its own.
    draft = "## 问题\n\n第一个问题的回答在这里。\n\n## 问题\n\n第二个问题的回答在这里。\n"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start"]


def test_line_resumed_after_a_copy_that_restarted_it_from_further_back() -> None:
    # A generation stopped at "SIZE:"; the next restarted from an earlier block (its
    # "SIZE: …" looks like a restart of the cut) and stopped again before reaching it,
    # at "SHA256:"; the one after that resumed the first cut. That last piece starts
    # where the copy stops, not inside it.
    whole = f"{P1}\n\n{release_blocks(10772113, 13625546, 8318532)}{P3}\n"
    sizes = [i for i in range(len(whole)) if whole.startswith("SIZE:", i)]
    cut = sizes[2] + len("SIZE:")
    copy_end = whole.index("SHA256:", sizes[1]) + len("SHA256:")
    draft = f"{whole[:cut]}\n\n{whole[sizes[0] : copy_end]}\n\n{whole[sizes[2] :]}"
    starts = [f.start for f in fragmerge.segment(draft)]
    assert starts == [0, cut + 2, cut + 2 + copy_end - sizes[0] + 2]
    assert fragmerge.fix(draft).text.split() == whole.split()


@pytest.mark.parametrize("word", ["See", "For", "In"])
def test_word_that_only_opens_sentences_said_again_and_going_on_is_a_restart(word: str) -> None:
    # A generation stopped after the first word of a paragraph; the next one restarted
    # the paragraph ("See" | "See [NEWS](…) for more details.").
    para = f"{word} [NEWS](https://example.org/NEWS) and the commit logs for more details."
    draft = f"{P1}\n\n{word}\n\n{para}\n\n{P3}\n"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start", "implicit"]
    assert fragmerge.fix(draft).text == f"{P1}\n\n{para}\n\n{P3}\n"


def test_code_entry_parting_a_tight_list_said_again_with_more_is_a_restart() -> None:
    # "* `File.exists?`" is cut (its list's entries go on with a feature link); the next
    # generation wrote it again whole after a blank line, and the tight list went on.
    head = "* `Dir.exists?` [[Feature #17391]]\n* `File.exists?`"
    rest = "* `File.exists?` [[Feature #17391]]\n* `Kernel#=~` [[Feature #15231]]\n"
    draft = f"{P1}\n\n{head}\n\n{rest}"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start", "implicit"]
    whole = f"{P1}\n\n* `Dir.exists?` [[Feature #17391]]\n{rest}"
    assert fragmerge.fix(draft).text == whole


def test_list_of_code_entries_then_the_same_entries_described_is_kept() -> None:
    # A list of names, then a paragraph list describing each: repetition of the author's.
    draft = f"{P1}\n\n* `install`\n* `prepare`\n\n* `install` copies the files.\n\n{P3}\n"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start"]


def test_heading_cut_in_a_word_restarted_from_the_rule_before_it_is_a_restart() -> None:
    # "---" "## 技" | "---" "## 技術選定…": the restart opens with the rule before the cut.
    heading = "## 技術選定のご相談を承っています"
    draft = f"{JA1}\n\n---\n\n## 技\n\n---\n\n{heading}\n\n{JA3}\n"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start", "implicit"]
    assert fragmerge.fix(draft).text == f"{JA1}\n\n---\n\n{heading}\n\n{JA3}\n"


def test_rules_between_sections_are_kept() -> None:
    # Rules parting short sections are the layout's, even when a section is a word.
    draft = f"{JA1}\n\n---\n\n## 技\n\n{JA2}\n\n---\n\n## 技術\n\n{JA3}\n"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start"]


def test_item_cut_after_an_opening_word_restarted_over_wrapped_lines_is_a_restart() -> None:
    # "Though" is cut; its restart wraps after "(i.e." (no sentence ends there) and
    # goes on at length over the item's indented line.
    item = "* There’s no multiple inheritance per se. Though"
    rest = "Though Ruby has “mixins” (i.e.\n  you can “inherit” all instance methods of a module)."
    after = "* There are some enforced case-conventions."
    draft = f"{P1}\n\n{item}\n\n{rest}\n{after}\n"
    whole = f"{P1}\n\n{item[: -len('Though')]}{rest}\n{after}\n"
    assert fragmerge.fix(draft).text == whole


def test_item_parting_a_tight_list_said_again_with_more_is_a_restart() -> None:
    # The generation stopped after a finished-looking item ("’?’" ends it); the next
    # wrote the item whole and went on, and the tight list went on after it.
    head = "* It’s `self` instead of `this`.\n* Some methods end in a ’?’"
    item = "* Some methods end in a ’?’ or a ’!’. It’s actually part of the method name."
    rest = f"{item}\n* Ruby has mixins instead of multiple inheritance.\n"
    draft = f"{P1}\n\n{head}\n\n{rest}"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start", "implicit"]
    assert fragmerge.fix(draft).text == f"{P1}\n\n* It’s `self` instead of `this`.\n{rest}"
    # ... but an item said again with more after the list ends is the author's
    said = f"{P1}\n\n{head}\n\n{item}\n\n{P3}\n"
    assert [f.boundary for f in fragmerge.segment(said)] == ["start"]


def test_block_line_cut_after_a_word_resumed_unindented_is_a_restart() -> None:
    # "  alias" is cut; the restart writes the line again without its indentation, and
    # the block goes on at the cut line's indentation.
    head = "class Foo\n  def initialize\n  end"
    draft = f"{P1}\n\n{head}\n\n  alias\n\nalias :sym :[]\n  alias :old_call :[]\n\n{P3}\n"
    whole = f"{P1}\n\n{head}\n\n  alias :sym :[]\n  alias :old_call :[]\n\n{P3}\n"
    assert fragmerge.fix(draft).text == whole
    # ... but a short line said again unindented, with nothing of the block after, stays
    said = f"{P1}\n\n{head}\n\n  alias\n\nalias :sym :[]\n\n{P3}\n"
    assert [f.boundary for f in fragmerge.segment(said)] == ["start"]


def test_quote_after_a_row_cut_after_a_cell_is_a_restart() -> None:
    # A copy from further back stopped in a table, after a cell; the next generation
    # restarted from the quote after the table.
    table = "| Feature | Share |\n| --- | --- |\n| Inheritance | 71% |\n| Type-safe enums | 65% |"
    quote = '> "Many packages are just clones or one-off projects with no history."'
    first = f"{P1}\n\n## Survey\n\n{P2}\n\n{table}\n\n{quote}"
    copy = f"{P2}\n\n{table[: table.rindex(' 65%')]}"
    draft = f"{first}\n\nThe third paragraph concludes\n\n{copy}\n\n{quote}\n\n{P3}\n"
    assert len(fragmerge.segment(draft)) == 3
    assert fragmerge.fix(draft).text == f"{first}\n\n{P3}\n"


def test_quote_restarting_a_long_copy_after_finished_text_is_a_restart() -> None:
    # The generation stopped after a finished sentence; the next restarted from the
    # quote before it and copied on past the quote, word for word.
    quote = '> "System security should not depend on the secrecy of the implementation."'
    body = f"{quote}\n\n{P2}\n\nA codebase is a terrible secret."
    draft = f"{P1}\n\n{body}\n\n{body}\n\n{P3}\n"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start", "implicit"]
    assert fragmerge.fix(draft).text == f"{P1}\n\n{body}\n\n{P3}\n"
    # ... but a quoted passage, shown again on its own, stays
    passage = f"{quote}\n> It must be known to the many people who work on it. {P1}"
    pulled = f"{passage}\n\n{P2}\n\n{passage}\n\n{P3}\n"
    assert [f.boundary for f in fragmerge.segment(pulled)] == ["start"]


@pytest.mark.parametrize(
    ("stub", "sentence"),
    [
        ("Make", "Make doesn’t return an error."),
        ("PyPA", "PyPA projects follow the PSF Code of Conduct."),
        ("`~-s`", "`~-s` は正負逆転してビット反転、なので `(s - 1)` と同じになる。"),
        ("詳細は", "詳細は [NEWS](https://example.org/NEWS) を参照してください。"),
        ("我们的 `grep`", "我们的 `grep` 项目将会结合之前所学的一些概念："),
    ],
)
def test_paragraph_of_a_word_or_two_said_again_as_a_sentence_is_a_restart(
    stub: str, sentence: str
) -> None:
    # the generation stopped after the sentence's first words; the next wrote it whole
    draft = f"{P1}\n\n{stub}\n\n{sentence}\n\n{P3}\n"
    assert fragmerge.fix(draft).text == f"{P1}\n\n{sentence}\n\n{P3}\n"


@pytest.mark.parametrize(
    ("title", "after"),
    [
        ("Summary", "Summary of the changes made this year."),  # a caption
        ("更多详情", "更多详情 [NEWS](https://example.org/NEWS)。"),  # a link under a title
        ("Usage", "Usage: run the tool"),  # no finished sentence
    ],
)
def test_title_the_next_paragraph_begins_with_is_kept(title: str, after: str) -> None:
    draft = f"{P1}\n\n{title}\n\n{after}\n\n{P3}\n"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start"]


def test_paragraph_written_twice_in_a_row_is_a_restart() -> None:
    # the generation stopped after a paragraph of one sentence; the next wrote it again
    note = "Note: Excluding feature bug fixes."
    draft = f"## Compatibility issues\n\n{note}\n\n{note}\n\n* {P2}\n"
    assert fragmerge.fix(draft).text == f"## Compatibility issues\n\n{note}\n\n* {P2}\n"
    # ... but a short line said twice, as verse may, stays
    verse = f"{P1}\n\nHallelujah, hallelujah.\n\nHallelujah, hallelujah.\n\n{P3}\n"
    assert [f.boundary for f in fragmerge.segment(verse)] == ["start"]


def test_last_sentence_of_a_list_said_again_before_a_heading_is_a_restart() -> None:
    # the list's last item was cut after a sentence; the next generation wrote the
    # sentence again alone, and the section ended
    last = "Even documenting that outcome is a contribution to the project."
    item = f"* **If you figured out the answer,** comment on the issue, then close it. {last}"
    draft = f"{P1}\n\n* {P2}\n{item}\n\n{last}\n\n## Opening a pull request\n\n{P3}\n"
    whole = f"{P1}\n\n* {P2}\n{item}\n\n## Opening a pull request\n\n{P3}\n"
    assert fragmerge.fix(draft).text == whole


def test_look_alike_example_quotes_of_a_style_guide_are_kept() -> None:
    # A style guide quotes an example, then the same example spaced otherwise: each
    # quoted line reads like the one before (letters only), and none goes on past it.
    right = (
        "> 嗨！你知道嘛？今天前台的小妹跟我说「喵」了哎！\n>\n"
        "> 核磁共振成像（NMRI）是什么原理都不知道？JFGI！"
    )
    wrong = (
        '> 嗨! 你知道嘛? 今天前台的小妹跟我说 "喵" 了哎！\n>\n'
        '> 嗨!你知道嘛?今天前台的小妹跟我说"喵"了哎！\n>\n'
        "> 核磁共振成像 (NMRI) 是什么原理都不知道? JFGI!\n>\n"
        "> 核磁共振成像(NMRI)是什么原理都不知道?JFGI!"
    )
    text = f"{JA1}\n\n正确：\n\n{right}\n\n错误：\n\n{wrong}\n\n{JA3}\n"
    assert [f.boundary for f in fragmerge.segment(text)] == ["start"]
    # ... also in a piece that restarts the sentence before them
    draft = f"{JA1}\n\n正确：\n\n{right}\n\n---END---\n\nJFGI！\n\n错误：\n\n{wrong}\n\n{JA3}\n"
    assert [f.boundary for f in fragmerge.segment(draft)] == ["start", "marker"]


@pytest.mark.parametrize(
    ("cut", "whole"),
    [
        ("{% endif", "{% endif %}"),
        (
            "__[点击这里观看第一天完整直播",
            "__[点击这里观看第一天完整直播。](https://example.org/live)__",
        ),
    ],
)
def test_line_left_open_written_whole_and_closed_right_after_is_a_restart(
    cut: str, whole: str
) -> None:
    # the generation stopped inside a tag or a link; the next wrote the line whole
    draft = f"{JA1}\n\n{cut}\n\n{whole}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == f"{JA1}\n\n{whole}\n\n{JA3}\n"


def test_line_opening_an_inline_element_never_closed_is_cut() -> None:
    # the generation stopped inside '<span …>文件名：src/main.rs</span>', after the colon
    # (a finished-looking lead-in): the quote after it opens the next generation's copy
    span = '<span class="filename">文件名：src/main.rs</span>'
    cut = span[: span.index("：") + 1]
    quote = "> 注意：为了介绍字符串 slice，本小节假设只处理 ASCII；更完整的讨论请见第八章。"
    body = "让我们先想想，如果不用 slice，该怎样写这个函数的签名，从而理解 slice 解决了什么问题。"
    draft = f"{JA1}\n\n{quote}\n\n{body}\n\n{cut}\n\n{quote}\n\n{body}\n\n{span}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == f"{JA1}\n\n{quote}\n\n{body}\n\n{span}\n\n{JA3}\n"


def test_code_copied_after_a_cut_up_to_a_sentence_it_leaves_cut_is_a_restart() -> None:
    # a redundant generation: code and a heading restated after the cut, stopped in a
    # sentence that the next generation writes whole and goes on from
    code = "```cmd\n> mkdir hello_world\n> cd hello_world\n```"
    head = "### Rust 程序基础"
    first = "接下来，新建一个源文件，命名为 *main.rs*。"
    rest = "多个单词时用下划线分隔。例如应命名为 *hello_world.rs*，而不是 *helloworld.rs*。"
    cut = rest[: rest.index("，而") + 2]
    draft = (
        f"{JA1}\n\n{code}\n\n{head}\n\n{first} {cut}\n\n{code}\n\n{head}\n\n"
        f"{first[:-12]}\n\n{first} {rest}\n\n{JA3}\n"
    )
    assert fragmerge.fix(draft).text == f"{JA1}\n\n{code}\n\n{head}\n\n{first} {rest}\n\n{JA3}\n"


def test_list_item_cut_inside_its_bold_label_is_unfinished() -> None:
    # two generations stopped at "* **Give", the second restarting from the line before
    # the list; the third wrote the item whole
    lead = "There are a few ways you might respond to a code of conduct violation:"
    items = (
        "* **Give the person a public warning** and explain how it hurt others.\n"
        "* **Ban the person for a while**, if the warning goes unheeded."
    )
    draft = f"{P1}\n\n{lead}\n\n* **Give\n\n{lead}\n\n* **Give\n\n{items}\n\n{P3}\n"
    assert fragmerge.fix(draft).text == f"{P1}\n\n{lead}\n\n{items}\n\n{P3}\n"


def test_item_of_a_loose_list_said_again_with_more_right_after_is_a_restart() -> None:
    # the generation stopped after the item's stop, before its reference; the next wrote
    # the item again whole, the loose list going on
    before = "* 增加了 `it` 来引用块参数。 [[Feature #18980]]"
    item = "* 索引不再接受块传递。"
    after = "* 索引不再接受关键字参数。 [[Bug #20218]]"
    draft = f"{JA1}\n\n{before}\n\n{item}\n\n{item} [[Bug #19918]]\n\n{after}\n\n{JA3}\n"
    expected = f"{JA1}\n\n{before}\n\n{item} [[Bug #19918]]\n\n{after}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == expected


def test_chinese_item_last_sentence_said_again_alone_in_the_list_is_a_restart() -> None:
    # half as many letters as an English one: a character carries about a word
    item = (
        "* **所有的打开过的issue和PR：** 一个issue被人提出说明你的项目对他来说比较重要。"
        "如果这个数目随着时间在增长，这就意味着人们对你的项目感兴趣。"
    )
    last = item[item.index("如果") :]
    after = "* **不同种类的贡献者：** 比如说，提交代码，修复笔误或者bug，或者在issue下面评论。"
    draft = f"{JA1}\n\n{item}\n\n{last}\n\n{after}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == f"{JA1}\n\n{item}\n\n{after}\n\n{JA3}\n"


def test_code_copied_after_a_cut_up_to_the_cut_cut_again_is_a_restart() -> None:
    # a redundant generation restated the code before the cut and stopped in the cut
    # sentence again, earlier; the next wrote it whole
    intro = "以下是使用 `for` 循环版本和使用迭代器版本的基准测试结果："
    code = (
        "```text\ntest bench_search_for  ... bench:  19,620,300 ns/iter\n"
        "test bench_search_iter ... bench:  19,234,900 ns/iter\n```"
    )
    rest = "两种实现的性能相近！这里我们不会解释性能测试代码，重点并不是证明两个版本完全等价。"
    draft = f"{JA1}\n\n{intro}\n\n{code}\n\n{rest[:4]}\n\n{code}\n\n{rest[:1]}\n\n{rest}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == f"{JA1}\n\n{intro}\n\n{code}\n\n{rest}\n\n{JA3}\n"


def test_item_cut_in_its_bold_label_is_resumed_after_a_copy_from_further_back() -> None:
    # the next generation restarted from the heading above and stopped after the
    # paragraph; the one after it wrote the cut item whole
    head = "#### ① 基盤モデルの選択"
    para = "まずは、AIの頭脳となる基盤モデルの選択です。現在、市場には様々な選択肢があります。"
    label = "**考慮すべき点：**"
    item = "*   **性能とコストのバランス：** 最先端モデルは高性能ですが、利用料も高くなります。"
    copy = f"{head}\n\n{para}"
    draft = f"{JA1}\n\n{copy}\n\n{label}\n*   **性\n\n{copy}\n\n{item}\n\n{JA3}\n"
    expected = f"{JA1}\n\n{head}\n\n{para}\n\n{label}\n{item}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == expected


# a table without outer pipes (GitHub's Markdown), rows of links and names
TOOLS_HEAD = "仓库 | 系列 | 语言\n--- | ---- | ---"
TOOLS = [
    "[pangu.js](https://github.com/vinta/pangu.js) | pangu | JavaScript",
    "[pangu-go](https://github.com/vinta/pangu) | pangu | Go",
    "[pangu.py](https://github.com/vinta/pangu.py) | pangu | Python",
    "[autocorrect](https://github.com/huacnlee/autocorrect) | autocorrect | Rust, WASM, CLI tool",
]
QUOTE = "> “老师，‘有条不紊’的‘紊’是什么意思？”"


def test_table_without_outer_pipes_cut_after_a_cell_is_restarted_from_before_it() -> None:
    # the generation stopped after "| pangu |"; the next restarted from the quote above
    table = "\n".join([TOOLS_HEAD, *TOOLS])
    cut = "\n".join(
        [TOOLS_HEAD, *TOOLS[:2], "[pangu.py](https://github.com/vinta/pangu.py) | pangu |"]
    )
    draft = f"{JA1}\n\n{QUOTE}\n\n## 工具\n\n{cut}\n\n{QUOTE}\n\n## 工具\n\n{table}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == f"{JA1}\n\n{QUOTE}\n\n## 工具\n\n{table}\n\n{JA3}\n"


def test_table_without_outer_pipes_cut_in_its_last_cell_is_restarted_with_the_table() -> None:
    # the last row stops short of its last word; the next generation wrote the table again
    table = "\n".join([TOOLS_HEAD, *TOOLS])
    cut = table.removesuffix(" tool")
    draft = f"{JA1}\n\n## 工具\n\n{cut}\n\n{table}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == f"{JA1}\n\n## 工具\n\n{table}\n\n{JA3}\n"


def test_table_without_outer_pipes_cut_in_its_first_row_is_restarted_with_its_header() -> None:
    # the generation stopped inside the first row's first cell; the next restarted at
    # the header, two lines before the cut
    sites = "网站 | 文案 | UGC\n--- | --- | ---"
    rows = (
        "[Apple 中国](https://www.apple.com/cn/) | 是 | N/A\n"
        "[Apple 香港](https://www.apple.com/hk/) | 是 | N/A"
    )
    draft = f"{JA1}\n\n## 谁在这样做？\n\n{sites}\n[Apple 中国\n\n{sites}\n{rows}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == f"{JA1}\n\n## 谁在这样做？\n\n{sites}\n{rows}\n\n{JA3}\n"


def test_table_without_outer_pipes_shown_twice_stays() -> None:
    # a finished table said again is no restart: nothing in it was cut
    table = "\n".join([TOOLS_HEAD, *TOOLS])
    text = f"{JA1}\n\n{table}\n\n{JA2}\n\n{table}\n\n{JA3}\n"
    assert fragmerge.fix(text).text == text
    assert [f.boundary for f in segment(f"{JA1}\n\n{table}\n\n{table}\n\n{JA3}\n")] == ["start"]


def test_copy_from_far_back_stopped_inside_a_tag_is_a_redundant_generation() -> None:
    # "* JIT" was cut; a generation restated earlier sections and stopped inside the
    # video tag; the next wrote the cut item whole
    video = (
        '<video autoplay="autoplay" controls="controls" muted="muted" width="576">\n'
        '  <source src="https://cache.example.org/irb.mp4" type="video/mp4">\n</video>'
    )
    sections = (
        "## Pattern matching\n\nPattern matching, widely used in functional programming "
        "languages, is introduced as an experimental feature. It can traverse a given object "
        "and assign its value if it matches a pattern.\n\n## REPL improvement\n\n`irb`, the "
        "bundled interactive environment, now supports multi-line editing. It is powered by "
        "`reline`, a pure Ruby implementation compatible with `readline`."
    )
    item = "* JIT [Experimental]\n\n  * JIT-ed code is recompiled to less-optimized code."
    cut_copy = f"{sections}\n\n{video[: video.index(' muted')]}"
    before = f"{P1}\n\n{sections}\n\n{video}\n\n## Performance"
    draft = f"{before}\n\n* JIT\n\n{cut_copy}\n\n{item}\n\n{P3}\n"
    expected = f"{P1}\n\n{sections}\n\n{video}\n\n## Performance\n\n{item}\n\n{P3}\n"
    assert fragmerge.fix(draft).text == expected


def test_copy_from_far_back_stopped_in_a_heading_word_is_a_redundant_generation() -> None:
    # "### 按" was cut; a generation restated the section before it and stopped inside
    # the next heading's first word ("### 隐" of "### 隐藏内容"); the next wrote "### 按钮"
    section = (
        "## 标签\n\n通常，即使 input 框具有无障碍的名称，也不建议在视觉上隐藏标签。"
        "但是，如果可以借助周围的内容来理解输入的功能，那么我们也可以隐藏视觉标签。"
    )
    hidden = "### 隐藏内容\n\n此时我们可以使用 CSS 从视觉上隐藏元素，同时也不会影响到无障碍访问。"
    buttons = "### 按钮\n\n在表单中使用按钮时，必须设置类型以防止提交表单。"
    draft = (
        f"{JA1}\n\n{section}\n\n{hidden}\n\n### 按\n\n{section}\n\n### 隐\n\n{buttons}\n\n{JA3}\n"
    )
    expected = f"{JA1}\n\n{section}\n\n{hidden}\n\n{buttons}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == expected


@pytest.mark.parametrize(
    ("whole_rows", "cut_row"),
    [
        # (all of its letters, only its closing pipe missing)
        (2, "| Symbol          |  変換されない（配列のときはnull）"),
        # (after its first cell, the next holding no letter)
        (3, "| RegExp          |"),
    ],
)
def test_table_cut_in_a_row_and_written_again_from_its_header_is_a_restart(
    whole_rows: int, cut_row: str
) -> None:
    head = "| シリアライズ前の値 | シリアライズ後の値 |\n| ---             |  ---            |"
    rows = [
        "| 文字列・数値・真偽値 |  対応する値     |",
        "| undefined       |  変換されない（配列のときはnull）     |",
        "| Symbol          |  変換されない（配列のときはnull）     |",
        "| RegExp          |  {}             |",
    ]
    lead = "代表的な変換の例を次の表に示します。"
    table = "\n".join([head, *rows])
    cut = "\n".join([head, *rows[:whole_rows], cut_row])
    draft = f"{JA1}\n\n{lead}\n\n{cut}\n\n{table}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == f"{JA1}\n\n{lead}\n\n{table}\n\n{JA3}\n"


def test_lines_said_again_up_to_the_same_cut_then_written_whole_are_a_redundant_piece() -> None:
    # two generations stopped inside the same link, the second restating the heading
    # before it; the third wrote the item whole
    draft = (
        f"{JA1}\n\n## 下载\n\n* <{{{{ release.url.gz\n\n## 下载\n\n* <{{{{ release.url.gz\n\n"
        f"* <{{{{ release.url.gz }}}}>\n\n{JA3}\n"
    )
    expected = f"{JA1}\n\n## 下载\n\n* <{{{{ release.url.gz }}}}>\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == expected
    # a finished list said twice stays
    twice = f"{JA1}\n\n## 下载\n\n* 文件大小。\n\n## 下载\n\n* 文件大小。\n\n{JA3}\n"
    assert fragmerge.fix(twice).text == twice


def test_html_block_left_open_cut_in_its_text_is_resumed_from_that_line() -> None:
    # the generation stopped inside the label's text; the next restarted at that line
    opening = (
        '<div class="clearfix mb-2">\n'
        '  <input type="checkbox" id="cbox15" class="d-block float-left mt-1 mr-2">\n'
        '  <label for="cbox15" class="overflow-hidden d-block text-normal">'
    )
    question = "Are people friendly in the issues, discussion forum, and chat?"
    closing = "  </label>\n</div>"
    draft = f"{P1}\n\n{opening}\n    Are\n\n{question}\n{closing}\n\n{P3}\n"
    expected = f"{P1}\n\n{opening}\n    {question}\n{closing}\n\n{P3}\n"
    assert fragmerge.fix(draft).text == expected


def test_header_without_outer_pipes_cut_after_a_cell_is_restarted_by_a_table() -> None:
    # the header stopped before its last cell and delimiter row; the next generation
    # restarted with the table before it, then wrote this one whole
    sites = "网站 | 文案 | UGC\n--- | --- | ---\n[Apple 中国](https://www.apple.com/cn/) | 是 | N/A"
    tools = "\n".join([TOOLS_HEAD, *TOOLS])
    who = "## 谁在这样做？"
    draft = f"{JA1}\n\n{tools}\n\n{who}\n\n网站 | 文案 |\n\n{tools}\n\n{who}\n\n{sites}\n\n{JA3}\n"
    expected = f"{JA1}\n\n{tools}\n\n## 谁在这样做？\n\n{sites}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == expected


def test_code_copied_after_a_one_character_cut_then_the_cut_written_whole() -> None:
    # "回" was cut; a generation restated the code above and stopped in the sentence
    # after it; the next wrote the cut sentence whole
    code = "```rust,ignore\nlet word = first_word(&s);\ns.clear(); // 错误！\n```"
    lead = "这里是编译错误："
    output = "```console\nerror[E0502]: cannot borrow `s` as mutable\n```"
    whole = "回忆一下借用规则，当拥有某值的不可变引用时，就不能再获取一个可变引用。"
    before = f"{JA1}\n\n{code}\n\n{lead}\n\n{output}"
    draft = f"{before}\n\n回\n\n{code}\n\n这里是编译错误\n\n{whole}\n\n{JA3}\n"
    assert fragmerge.fix(draft).text == f"{before}\n\n{whole}\n\n{JA3}\n"


def test_jekyll_highlight_block_cut_inside_is_resumed_from_its_cut_line() -> None:
    # the generation stopped inside the block's first line; the next restarted at that
    # line and wrote the second block too, which a third piece then restarted
    first, second, lead = HIGHLIGHT_FIRST, HIGHLIGHT_SECOND, HIGHLIGHT_LEAD
    after = "All users running an affected release should either upgrade or use a workaround."
    body = first.removeprefix("{% highlight ruby %}\n")
    draft = (
        f"{P1}\n\n{lead}\n\n{{% highlight ruby %}}\nhandle =\n\n{body}\n\nOr:\n\n"
        f"{second[:60]}\n\n{second}\n\n{after}\n"
    )
    expected = f"{P1}\n\n{lead}\n\n{first}\n\nOr:\n\n{second}\n\n{after}\n"
    assert fragmerge.fix(draft).text == expected
