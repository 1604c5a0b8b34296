"""Unit tests of fragmerge.merge and fragmerge.fix on small hand-written drafts.

Every repair goes through :func:`repair`, which also checks the provenance map
(replay, tiling, coverage) and idempotence, so each case tests those too.
"""

from __future__ import annotations

import textwrap

import pytest

import fragmerge
from fragmerge import MergeResult, align, merge, segment
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

ZH1 = "这篇文章从这里开始。第一段介绍了背景和动机，说明为什么要写这篇文章。"
ZH2 = "第二段深入讨论技术细节。其中包含了很多具体的例子，帮助读者理解设计。"
ZH3 = "最后一段总结全文。感谢大家的阅读和支持，欢迎在评论区留言讨论。"

LANGS = {"en": (P1, P2, P3), "ja": (JA1, JA2, JA3), "zh": (ZH1, ZH2, ZH3)}
MARKER = {"en": "---END---", "ja": "（続き）", "zh": "（续）"}
NL = "\n"  # (joins lines inside f-strings)


def article(lang: str) -> str:
    return "\n\n".join(LANGS[lang]) + "\n"


def sentences(paragraph: str) -> list[str]:
    """Split one of the paragraphs above into its two sentences (terminator kept)."""
    for end in ("。", ". "):
        i = paragraph.find(end)
        if i > 0:
            cut = i + len(end.rstrip())
            return [paragraph[:cut], paragraph[cut:].lstrip()]
    raise AssertionError(paragraph)


def check_provenance(draft: str, result: MergeResult) -> None:
    """Replay rebuilds the text; entries tile the output; every visible char is covered."""
    entries = result.provenance
    replay = "".join(e.join + draft[e.input_start : e.input_end] for e in entries)
    assert replay == result.text
    pos = 0
    for e in entries:
        assert e.output_start == pos
        assert e.output_end - e.output_start == len(e.join) + e.input_end - e.input_start
        assert (
            result.text[e.output_start : e.output_end]
            == e.join + draft[e.input_start : e.input_end]
        )
        fragment = result.fragments[e.fragment]
        assert fragment.start <= e.input_start <= e.input_end <= len(draft)
        pos = e.output_end
    assert pos == len(result.text)
    covered = [False] * len(result.text)
    for e in entries:
        for i in range(e.output_start, e.output_end):
            covered[i] = True
    assert all(covered[i] for i, ch in enumerate(result.text) if not ch.isspace())
    units = [e.sentence for e in entries]
    assert units == sorted(units)
    if entries:
        assert units[0] == 0
        assert set(units) == set(range(units[-1] + 1))


def repair(draft: str) -> MergeResult:
    result = fragmerge.fix(draft)
    check_provenance(draft, result)
    again = fragmerge.fix(result.text)
    assert again.text == result.text, "not idempotent"
    assert not again.changed
    return result


# ------------------------------------------------------------------ restarts


@pytest.mark.parametrize("lang", ["en", "ja", "zh"])
class TestRestarts:
    def test_restart_of_the_cut_sentence(self, lang: str) -> None:
        p1, p2, p3 = LANGS[lang]
        first, second = sentences(p2)
        cut = second[: len(second) // 2]
        sep = " " if lang == "en" else ""
        draft = f"{p1}\n\n{first}{sep}{cut}\n\n{MARKER[lang]}\n\n{second}\n\n{p3}\n"
        result = repair(draft)
        assert result.text == article(lang)
        assert result.changed
        assert [j.kind for j in result.joins] == ["restart"]
        assert result.redundant == ()

    def test_restart_of_the_paragraph(self, lang: str) -> None:
        p1, p2, p3 = LANGS[lang]
        draft = f"{p1}\n\n{p2[: len(p2) * 3 // 4]}\n\n{MARKER[lang]}\n\n{p2}\n\n{p3}\n"
        assert repair(draft).text == article(lang)

    def test_restart_several_paragraphs_back(self, lang: str) -> None:
        p1, p2, p3 = LANGS[lang]
        draft = f"{p1}\n\n{p2}\n\n{p3[:12]}\n\n{MARKER[lang]}\n\n{p1}\n\n{p2}\n\n{p3}\n"
        assert repair(draft).text == article(lang)

    def test_restart_with_no_marker_after_chat_debris(self, lang: str) -> None:
        p1, p2, p3 = LANGS[lang]
        draft = f"{p1}\n\n{p2[:30]}\n\nContinue writing please\n\n{p2}\n\n{p3}\n"
        assert repair(draft).text == article(lang)

    def test_joined_repeated_copy_keeps_the_breaks(self, lang: str) -> None:
        p1, p2, p3 = LANGS[lang]
        sep = " " if lang == "en" else ""
        joined = sep.join((p1, p2, p3))
        draft = f"{p1}\n\n{p2}\n\n{p3[:15]}\n\n{MARKER[lang]}\n\n{joined}\n"
        assert repair(draft).text == article(lang)

    def test_redundant_piece_is_reported(self, lang: str) -> None:
        p1, p2, p3 = LANGS[lang]
        draft = (
            f"{p1}\n\n{p2}\n\n{p3[:15]}\n\n{MARKER[lang]}\n\n{p1}\n\n{p2[:20]}\n\n"
            f"{MARKER[lang]}\n\n{p2}\n\n{p3}\n"
        )
        result = repair(draft)
        assert result.text == article(lang)
        assert result.redundant == (1,)
        assert [(j.kind, j.right) for j in result.joins] == [("redundant", 1), ("restart", 2)]
        # the redundant fragment supplies nothing
        assert {e.fragment for e in result.provenance} == {0, 2}

    def test_identical_duplicate_pieces(self, lang: str) -> None:
        p1, p2, p3 = LANGS[lang]
        tail = f"{p2}\n\n{p3}"
        m = MARKER[lang]
        draft = f"{p1}\n\n{tail}\n\n{m}\n\n{tail}\n\n{m}\n\n{tail}\n"
        result = repair(draft)
        assert result.text == article(lang)
        assert result.redundant == (1, 2)


class TestJoins:
    def test_mid_word_cut_in_japanese_is_glued_without_a_space(self) -> None:
        draft = "記事の始まりです。地方の企業が対応したり、地\n\n---END---\n\n"
        draft += "域の会計事務所が対応します。\n"
        result = repair(draft)
        assert (
            result.text
            == "記事の始まりです。地方の企業が対応したり、地域の会計事務所が対応します。\n"
        )
        assert [j.kind for j in result.joins] == ["continuation"]

    def test_mid_word_cut_in_chinese_is_glued_without_a_space(self) -> None:
        draft = "文章从这里开始。我们讨论人工智能的发展和应\n\n（续）\n\n用场景。结束了。\n"
        assert repair(draft).text == "文章从这里开始。我们讨论人工智能的发展和应用场景。结束了。\n"

    def test_english_mid_sentence_resume_is_glued_with_a_space(self) -> None:
        draft = "It starts here. With this tool you can\n\n---END---\n\ncode faster. The end.\n"
        result = repair(draft)
        assert result.text == "It starts here. With this tool you can code faster. The end.\n"
        (join,) = [e.join for e in result.provenance if e.join]
        assert join == " "

    def test_english_mid_word_resume_is_glued_when_the_draft_uses_the_whole_word(self) -> None:
        # "contin" | "uation": the draft says "continuation" elsewhere, and neither
        # half is a word of its own there
        draft = (
            "A continuation is what the model writes next. Its contin\n\n---END---\n\n"
            "uation picks up the thread. The end.\n"
        )
        assert repair(draft).text == (
            "A continuation is what the model writes next. "
            "Its continuation picks up the thread. The end.\n"
        )
        # two words of the draft either side of the cut keep their space
        draft = "The model can write. It can\n\n---END---\n\nwrite more. The end.\n"
        assert "It can write more." in repair(draft).text

    @pytest.mark.parametrize("dots", ["...", "…", "… "])
    def test_ellipsis_resume(self, dots: str) -> None:
        draft = "It starts here. This is a truly remarkable\n\n---END---\n\n"
        draft += f"{dots}truly remarkable story.\n"
        assert repair(draft).text == "It starts here. This is a truly remarkable story.\n"

    def test_ellipsis_resume_japanese(self) -> None:
        draft = (
            "記事の始まりです。これはとても魅力的な\n\n---END---\n\n...魅力的な話です。おわり。\n"
        )
        assert repair(draft).text == "記事の始まりです。これはとても魅力的な話です。おわり。\n"

    def test_resume_repeating_the_last_word(self) -> None:
        draft = "悲観的な見方もあります。しかしそれは悲観的な\n\n---END---\n\n"
        draft += "悲観的な未来ではありません。\n"
        assert (
            repair(draft).text
            == "悲観的な見方もあります。しかしそれは悲観的な未来ではありません。\n"
        )

    @pytest.mark.parametrize("lang", ["en", "ja"])
    def test_cut_at_a_sentence_end_mid_paragraph_adds_no_break(self, lang: str) -> None:
        # the blank line before the marker is no evidence of a paragraph break
        p1, p2, p3 = LANGS[lang]
        first, _ = sentences(p2)
        draft = f"{p1}\n\n{first}\n\n{MARKER[lang]}\n\n{p2}\n\n{p3}\n"
        assert repair(draft).text == article(lang)

    def test_unfinished_sentence_without_continuation_is_kept(self) -> None:
        draft = "A complete sentence. An unfinished one that just\n"
        result = repair(draft)
        assert result.text == draft
        assert not result.changed

    def test_unfinished_last_piece_is_kept(self) -> None:
        draft = f"{P1}\n\n{P2[:40]}\n\n---END---\n\n{P2}\n\n{P3[:30]}\n"
        assert repair(draft).text == f"{P1}\n\n{P2}\n\n{P3[:30]}\n"

    def test_truncated_list_item_replaced_by_its_restart(self) -> None:
        draft = (
            "FAQ:\n\n1. What is it? A tool.\n2. How do I test\n\nContinue writing please\n\n"
            "2. How do I test it? Run the suite.\n3. Is it free? Yes.\n"
        )
        assert repair(draft).text == (
            "FAQ:\n\n1. What is it? A tool.\n2. How do I test it? Run the suite.\n"
            "3. Is it free? Yes.\n"
        )

    def test_front_matter_kept(self) -> None:
        fm = "---\ntitle: 記事\ndate: 2025-01-01\n---\n\n"
        draft = f"{fm}{JA1}\n\n{JA2[:10]}\n\n（続き）\n\n{JA2}\n\n{JA3}\n"
        result = repair(draft)
        assert result.text == fm + article("ja")
        assert result.provenance[0].kind == "front_matter"

    def test_paragraph_restated_whole_and_going_on_is_one_paragraph(self) -> None:
        # no marker: the piece stops after a finished sentence; the next restates
        # the whole paragraph and goes on inside it, so the blank line between the
        # pieces was no paragraph break
        more = "It goes on in the same paragraph. That paragraph ends here."
        draft = f"{P1}\n\n{P2}\n\n{P1}\n\n{P2} {more}\n\n{P3}\n"
        assert repair(draft).text == f"{P1}\n\n{P2} {more}\n\n{P3}\n"
        # (a paragraph opening with markup opens it all the same)
        coded = f"`pshtt` is a command line tool that checks HTTPS. {P2}"
        draft = f"{P1}\n\n{coded}\n\n{coded} {more}\n\n{P3}\n"
        assert repair(draft).text == f"{P1}\n\n{coded} {more}\n\n{P3}\n"
        # restating only the last sentence keeps the break (convention 6 of the
        # real drafts: a break stands wherever a copy has one)
        last = P2.rsplit(". ", 1)[1]
        draft = f"{P1}\n\n{P2}\n\n{last} {more}\n\n{P3}\n"
        assert repair(draft).text == f"{P1}\n\n{P2}\n\n{more}\n\n{P3}\n"

    def test_first_wording_wins(self) -> None:
        drifted = P2.replace("long", "lengthy")
        draft = f"{P1}\n\n{P2[:70]}\n\n---END---\n\n{drifted}\n\n{P3}\n"
        assert repair(draft).text == f"{P1}\n\n{P2}\n\n{P3}\n"


class TestClean:
    @pytest.mark.parametrize(
        "text",
        [
            article("en"),
            article("ja"),
            article("zh"),
            "---\ntitle: x\n---\n\n# Title\n\nBody.\n\n---\n\nAfter a rule.\n",
            "No trailing newline.",
            "Chorus line here.\n\nVerse one.\n\nChorus line here.\n\nVerse two.\n",
            "",
        ],
    )
    def test_clean_text_is_unchanged(self, text: str) -> None:
        result = repair(text)
        assert result.text == text
        assert result.changed is False

    def test_fix_text_returns_the_string(self) -> None:
        draft = f"{P1}\n\n{P2[:40]}\n\n---END---\n\n{P2}\n"
        assert fragmerge.fix_text(draft) == fragmerge.fix(draft).text


def test_stages_compose_like_fix() -> None:
    draft = f"{P1}\n\n{P2[:40]}\n\n---END---\n\n{P1}\n\n{P2}\n\n{P3}\n"
    fragments = segment(draft)
    result = merge(draft, fragments, align(fragments, draft=draft))
    assert result.text == fragmerge.fix(draft).text == article("en")
    assert result.fragments == fragments


def test_seed_provenance_replays(seed_draft: str) -> None:
    result = repair(seed_draft)
    assert result.redundant == (2, 3)


@pytest.fixture
def seed_draft() -> str:
    from pathlib import Path

    return (Path(__file__).parent / "fixtures" / "seed" / "draft.txt").read_text(encoding="utf-8")


# ------------------------------------------------------------------ core bugs found
# Each of these fails today; the input is minimal and the docstring says what is wrong.


def test_heading_after_a_cut_sentence_is_not_glued_into_it() -> None:
    """README convention 5: nothing is glued onto a cut sentence followed by unrelated
    material. A piece that opens with a heading cannot resume a sentence mid-way; the
    merger glues it anyway (`...that just ## Related posts`), breaking the heading."""
    draft = (
        "A complete sentence. An unfinished one that just\n\n---END---\n\n"
        "## Related posts\n\n- [Post one](https://example.com/1)\n"
    )
    text = fragmerge.fix(draft).text
    assert "\n## Related posts\n" in text


def test_heading_after_a_cut_sentence_is_not_glued_into_it_japanese() -> None:
    """Same as above in Japanese: `…途中で終わった文が## 関連記事`."""
    draft = "完結した文です。途中で終わった文が\n\n---END---\n\n## 関連記事\n\n- [記事1](https://example.com/1)\n"
    assert "\n## 関連記事\n" in fragmerge.fix(draft).text


@pytest.mark.parametrize("head", ["## Details", "Okay.", "見出し"], ids=["heading", "en", "ja"])
def test_new_text_before_a_restart_is_not_dropped(head: str) -> None:
    """DESIGN §2.5 / §3 no loss: a piece that opens with a short line of its own (a new
    heading) and then restarts the cut paragraph keeps that line. (The line is too short
    to key an implicit restart, and the restart must not cut back past it.)"""
    draft = f"{P1}\n\n{P2[:60]}\n\n---END---\n\n{head}\n\n{P2}\n\n{P3}\n"
    text = fragmerge.fix(draft).text
    assert head in text


def test_drifted_restart_of_short_chinese_sentences_is_merged() -> None:
    """Issue 4 (wording drift): one changed character (很多 -> 许多) in a restart made of
    short Chinese sentences (< 12 characters each, so they give no seed keys) is not
    recognised: the whole restart is appended again after `最后一段`."""
    zh1 = "这篇文章从这里开始。第一段介绍了背景和动机。"
    zh2 = "第二段深入讨论技术细节。其中包含了很多具体的例子。"
    zh3 = "最后一段总结全文。感谢大家的阅读和支持。"
    drifted = zh2.replace("很多", "许多")
    draft = f"{zh1}\n\n{zh2}\n\n最后一段\n\n（续）\n\n{zh1}\n\n{drifted}\n\n{zh3}\n"
    assert fragmerge.fix(draft).text == f"{zh1}\n\n{zh2}\n\n{zh3}\n"


@pytest.mark.parametrize(
    ("kept", "restarted"),
    [
        (
            "In 2025 the company spent 72 billion dollars on new data centres in the country.",
            "In 2026 the company spent 72 billion dollars on new data centres in the country.",
        ),
        (
            "You should back up the database before running the migration script on production.",
            "You should not back up the database before running the migration script on "
            "production.",
        ),
    ],
    ids=["digits", "negation"],
)
def test_digits_and_negation_are_a_conflict_not_a_match(kept: str, restarted: str) -> None:
    """DESIGN §2.3, issue 4: text that differs in digits or negation is never merged as
    the same text; it is kept and reported. Today the restart is taken as drift and the
    restarted sentence disappears without a warning."""
    draft = f"{P1}\n\n{kept} Then\n\n---END---\n\n{restarted} Then it went on.\n"
    result = fragmerge.fix(draft)
    assert kept in result.text
    assert restarted in result.text
    assert result.warnings


@pytest.mark.parametrize(
    ("old", "new"),
    [("important", "crucial"), ("know", "see"), ("非常", "很")],
    ids=["important", "know", "feichang"],
)
def test_changed_word_holding_negation_letters_is_drift(old: str, new: str) -> None:
    """A changed word that merely contains a negation's letters ("important" holds "nt",
    "know" holds "no", 非常 holds 非) is drift, not a flipped statement: the restart joins."""
    sentence = f"It is {old} to back up the database before running the migration script."
    drifted = sentence.replace(old, new)
    draft = f"{P1}\n\n{sentence} Then\n\n---END---\n\n{drifted} Then it went on.\n"
    result = fragmerge.fix(draft)
    assert [j.kind for j in result.joins] == ["restart"]
    assert result.text == f"{P1}\n\n{sentence} Then it went on.\n"


def test_number_before_the_aligned_copy_is_not_a_conflict() -> None:
    """A restart whose first characters drifted ("<UURL") is aligned from its second
    word on; the text before the alignment in the earlier copy holds a number ("[3]")
    that only looks unmatched: not a conflict."""
    head = "* [&lt;URL:https://cache.example.org/pub/tool-2.0.0-rc2.tar.gz&gt;][3]"
    body = "\n  SIZE:   15118480 bytes\n  MD5:    1a2d33f1c50e32ca1532f8dea4790d53\n"
    link = "* [&lt;URL:https://cache.example.org/pub/tool-2.0.0-rc2.zip&gt;][4]"
    draft = f"{P1}\n\n{head}\n\n{link[:40]}\n\n---END---\n\n{link.replace('URL', 'UURL')}{body}"
    result = fragmerge.fix(draft)
    assert not [w for w in result.warnings if "number" in w]
    assert result.text == f"{P1}\n\n{head}\n\n{link}{body}"


def test_prefer_last_keeps_the_later_wording() -> None:
    """Options.prefer="last" is documented ("whose wording wins where overlapping copies
    differ slightly") but nothing in src/ reads it: the first wording is always kept."""
    drifted = P2.replace("long", "lengthy")
    draft = f"{P1}\n\n{P2[:70]}\n\n---END---\n\n{drifted}\n\n{P3}\n"
    assert fragmerge.fix(draft, prefer="last").text == f"{P1}\n\n{drifted}\n\n{P3}\n"


def test_cut_inside_an_image_line_does_not_double_the_bang() -> None:
    """A piece cut inside an image line (`![Create`) restarted before it: the output has
    `!![Create repository](...)`. The `!` is a unit of its own (see test_text) and both
    copies' `!` are kept."""
    a = "Intro sentence here.\n\nSome paragraph text that is long enough to seed. It is **public**."
    draft = (
        f"{a}\n\n![Create\n\n---END---\n\n"
        "Some paragraph text that is long enough to seed. It is **public**.\n\n"
        "![Create repository](/assets/images/repo.png)\n\nAfter the image.\n"
    )
    assert fragmerge.fix(draft).text == (
        f"{a}\n\n![Create repository](/assets/images/repo.png)\n\nAfter the image.\n"
    )


@pytest.mark.parametrize(
    ("truncated", "complete"),
    [
        ("## Just give me the TL;DR on what I need", "## Just give me the TL;DR on what I need."),
        ("- The first list item is here", "- The first list item is here."),
        # ja-007 under simulate(seed=0, profile="seedlike"): a table row cut before its
        # closing pipe is kept cut (the pipe, like the period, is invisible to the view)
        ("| RegExp | /a/", "| RegExp | /a/ |"),
    ],
    ids=["heading", "list-item", "table-row"],
)
def test_block_cut_right_before_its_period_takes_the_complete_restart(
    truncated: str, complete: str
) -> None:
    """README convention 4: a truncated unit is replaced by its complete restart, even when
    only punctuation is missing (a final period, a table row's closing pipe), which the
    view cannot see. (Headings and list items were fixed in d0fe63e; table rows still
    keep the cut copy.)"""
    para = "Some paragraph text that is long enough to seed the aligner."
    draft = f"Intro.\n\n{para}\n\n{truncated}\n\n---END---\n\n{para}\n\n{complete}\n\nBody.\n"
    assert fragmerge.fix(draft).text == f"Intro.\n\n{para}\n\n{complete}\n\nBody.\n"


def test_inserted_sentence_with_a_negation_morpheme_is_not_a_conflict() -> None:
    """The repeated copy has one extra sentence holding 不可欠 ("indispensable"): the
    conflict check reads the inserted text as a negation ('∅' vs '…不可欠な動きです'),
    keeps both copies and the whole paragraph is in the output twice. Seen in 14 of the
    150 unlabeled real drafts (u024, u054, u059, u120, ...)."""
    s = [
        "データセンターの電力効率をいかに高めるかは、今後の大きな課題になるでしょう。",
        "液浸冷却のような革新的な冷却技術は、その解決策の一つとして注目されています。",
        "各社はこの分野への投資を加速させており、競争はますます激しくなっています。",
        "投資家としては、こうした技術を持つ企業の動向を注視するべきです。",
    ]
    inserted = "これは環境対策としても不可欠な動きです。"
    draft = (
        "はじめに。\n\n"
        + "".join(s[:3])
        + s[3][:15]
        + "\n\n---END---\n\n"
        + s[0]
        + inserted
        + "".join(s[1:])
        + "\n\n最後です。\n"
    )
    text = fragmerge.fix(draft).text
    for sentence in s:
        assert text.count(sentence) == 1, sentence


def test_expanded_regeneration_is_recognised_as_a_restart() -> None:
    """The commonest failure in the unlabeled real drafts (u004, u012, u020, u030...):
    the restarted copy is the same passage with a sentence inserted every few
    sentences. No overlap is found, the piece is glued on as a continuation
    (`…この流れは当分続データセンターの…`) and the whole passage is in the output twice.
    Mechanism: `align.verify` finds the diagonal (179 of the 183 view characters of the
    text so far matched, in order) but `_score` divides by the longer span, the copy's
    226 characters, so the two inserted sentences pull the score to 79.2 < min_score 80.
    Whatever is done with the inserted sentences, no sentence may appear twice."""
    s = [
        "データセンターの電力効率をいかに高めるかは、今後の大きな課題になるでしょう。",
        "液浸冷却のような革新的な冷却技術は、その解決策の一つとして注目されています。",
        "各社はこの分野への投資を加速させており、競争はますます激しくなっています。",
        "投資家としては、こうした技術を持つ企業の動向を注視するべきです。",
        "技術者にとっても、冷却や電源設計の知識は今後ますます価値を持つはずです。",
        "この流れは当分続くと私は見ています。",
    ]
    inserted = {
        1: "特に高密度のGPUラックでは、空冷だけでは限界があります。",
        3: "正直なところ、私自身も最初は半信半疑でした。",
    }
    draft = (
        "はじめに。\n\n"
        + "".join(s[:5])
        + s[5][:8]
        + "\n\n---END---\n\n"
        + "".join(x + inserted.get(i, "") for i, x in enumerate(s))
        + "\n\n最後の段落です。\n"
    )
    text = fragmerge.fix(draft).text
    for sentence in s:
        assert text.count(sentence) == 1, sentence
    assert text.endswith("最後の段落です。\n")


def test_continuation_that_loops_back_to_earlier_pieces() -> None:
    """u069, u001, u016...: a piece finishes the cut paragraph, then (no marker) starts
    the article over. No restart is split there (a finished sentence, the layout
    unchanged), but the merger's loop check drops the three paragraphs restated word for
    word (150+ characters): the loop adds only P4."""
    p4 = "A fourth paragraph was added by the continuation. It is new text."
    draft = f"{P1}\n\n{P2}\n\n{P3[:30]}\n\n---END---\n\n{P3}\n\n{P1}\n\n{P2}\n\n{p4}\n"
    assert fragmerge.fix(draft).text == f"{P1}\n\n{P2}\n\n{P3}\n\n{p4}\n"


def test_piece_with_a_sentence_of_its_own_is_not_redundant() -> None:
    """DESIGN §2.4/§3 no loss: a piece is dropped as redundant when it lies inside the
    text with a fuzzy score >= min_score, even if it holds a whole sentence nothing else
    has (`extra`, reported redundant at score 90.72). Seen in the unlabeled real drafts:
    u066 (two sentences of fragment 4, score 97.51), u025 (the heading
    `**人間中心のAI社会をデザインするために**`, 97.94), u092 (`## 関連記事`)."""
    p4 = "Paragraph four keeps the argument going with more words. It also has two sentences."
    p5 = "Paragraph five wraps things up before the end. Nothing more to add here."
    extra = "A new remark only this copy makes."
    article = f"{P1}\n\n{P2}\n\n{P3}\n\n{p4}\n\n{p5}\n"
    draft = f"{article}\n---END---\n\n{P2}\n\n{P3} {extra}\n\n{p4}\n\n{p5}\n"
    result = fragmerge.fix(draft)
    assert extra in result.text


@pytest.mark.parametrize("cut", ["错误：", "错"])
def test_lines_differing_only_in_spacing_are_both_kept(cut: str) -> None:
    """zh-021 under simulate(seed=0, profile="joined"): a style guide shows a correct and
    a wrong example that differ only in spaces (`10 Gbps` / `10Gbps`), identical on the
    view. The piece restarting at `错误：` must not be anchored on the *correct* example
    (its first unit, two view characters, falls within the head tolerance): that cuts
    the text there and loses the correct example."""
    correct = "> 我家的光纤入屋宽带有 10 Gbps，SSD 一共有 20 TB"
    wrong = "> 我家的光纤入屋宽带有 10Gbps，SSD 一共有 20TB"
    draft = (
        f"统一中文文案的排版用法。\n\n正确：\n\n{correct}\n\n{cut}\n\n---END---\n\n"
        f"错误：\n\n{wrong}\n\n下一节的内容在这里。\n"
    )
    assert fragmerge.fix(draft).text == (
        f"统一中文文案的排版用法。\n\n正确：\n\n{correct}\n\n错误：\n\n{wrong}\n\n下一节的内容在这里。\n"
    )


def test_letterless_unit_after_the_resume_point_is_kept() -> None:
    """zh-014 under simulate(seed=0, profile="seedlike"): the piece ends at a sentence end,
    the next one repeats that sentence and goes on with ` (...) `, which has no letters,
    so no view character. The resume point is the next view character and the `(...)`
    between is dropped."""
    a = "The first sentence is long enough to seed. Frankly, it is all a bit outdated."
    draft = (
        f"{a}\n\n---END---\n\nFrankly, it is all a bit outdated. (...) That is why we rewrote it.\n"
    )
    assert fragmerge.fix(draft).text == f"{a} (...) That is why we rewrote it.\n"


def test_restart_of_a_short_last_sentence_after_a_complete_piece() -> None:
    """A piece ends with a complete short sentence (10 view characters) and the next piece
    restarts it: with the text so far complete, an exact overlap must be SEED_LEN (12)
    long, so this one is missed, the piece is appended after a paragraph break and the
    sentence is in the output twice."""
    draft = (
        "多年以来我们一直是领先者。坦率地说它都有点过时。\n\n---END---\n\n"
        "坦率地说它都有点过时。这也是我们发布新版本的原因之一。\n"
    )
    assert fragmerge.fix(draft).text == (
        "多年以来我们一直是领先者。坦率地说它都有点过时。这也是我们发布新版本的原因之一。\n"
    )


def test_strict_option_raises_instead_of_keeping_both_copies() -> None:
    """Options.strict turns a join that would keep both copies into LowConfidenceError."""
    kept = "In 2025 the company spent 72 billion dollars on new data centres in the country."
    restarted = kept.replace("2025", "2026")
    draft = f"{P1}\n\n{kept} Then\n\n---END---\n\n{restarted} Then it went on.\n"
    assert [j.kind for j in fragmerge.fix(draft).joins] == ["kept"]
    with pytest.raises(fragmerge.LowConfidenceError, match="fragment 1"):
        fragmerge.fix(draft, strict=True)


# ------------------------------------------------------------------ look-alike blocks and cut tails

_CHECKSUMS = (
    "* <https://example.org/pub/tool-2.5.6.tar.xz>\n\n"
    "      SIZE:   11323612 bytes\n"
    "      SHA1:   5008b35d386c4b663b7956a0790b6aa7ae5dc9a9\n"
    "      SHA256: 7601e4b83f4f17bc1affe091502dd465282ffba0761dea57c071ead21b132cee\n\n"
    "* <https://example.org/pub/tool-2.5.6.zip>\n\n"
)


def test_redundant_copy_of_a_checksum_block_is_not_spliced_at_the_cut() -> None:
    """A piece ends "SIZE:" (cut); a redundant piece restates an earlier checksum block,
    which also begins "SIZE:". The four letters that meet the cut are chance: the whole
    piece stands verbatim further back, so it is redundant and the next piece restarts."""
    zip_sums = "SIZE:   21263348 bytes\n      SHA1:   4a3859319dd9f1f4d43e2a2bf874ca8233d39b15\n"
    redundant = "SIZE:   11323612 bytes\n      SHA1:   5008b35d386c4b663b7956a0790b6aa7ae5dc9a9\n"
    whole = f"{_CHECKSUMS}      {zip_sums}"
    draft = f"{_CHECKSUMS}      SIZE:\n\n---END---\n\n{redundant}\n---END---\n\n{zip_sums}"
    result = repair(draft)
    assert [j.kind for j in result.joins] == ["redundant", "restart"]
    assert result.text.split() == whole.split()


def test_redundant_copy_whose_opening_words_meet_a_longer_cut_is_redundant() -> None:
    """The text is cut after a sentence's first words, "`JSON.stringify` takes". The
    next piece restates a passage further back whose first sentence opens with the
    same words: long enough to seed, yet the whole piece stands verbatim before. It is
    redundant, and the next piece restarts the cut."""
    s = COUNCIL
    passage = f"`JSON.stringify` takes two optional arguments. {s[0]} {s[1]}"
    text = f"# Rules\n\n{RULES_INTRO}\n\n{passage}\n\n{s[2]} {s[3]}\n\n"
    ending = f"`JSON.stringify` takes only values JSON can express. {s[4]}\n"
    cut = "`JSON.stringify` takes"
    draft = f"{text}{cut}\n\n---END---\n\n{passage}\n\n---END---\n\n{ending}"
    result = repair(draft)
    assert [j.kind for j in result.joins] == ["redundant", "restart"]
    assert result.text == f"{text}{ending}"


def test_redundant_piece_cut_where_the_text_is_cut_is_redundant() -> None:
    """A redundant piece that restates the text up to the same cut is a containment that
    reaches the end; a look-alike earlier block must not win as a lower-scoring restart."""
    blocks = "".join(
        f"* [tool-2.0.0-p594.{ext}](https://example.org/pub/tool-2.0.0-p594.{ext})\n\n"
        f"      SIZE:   {size} bytes\n      MD5:    {md5}\n\n"
        for ext, size, md5 in [
            ("tar.gz", 10_814_890, "a7e5da6a1ef3c5a9acc35b6fbd1c5d3d"),
            ("tar.xz", 8_316_772, "fc64932b4d4af0f91c03d7966fbbc9b2"),
            ("zip", 15_125_232, "8bbb7ac5e0ab4e1d2a9ed5e3da0ef5b4"),
        ]
    )
    size = blocks.rindex("SIZE:")
    xz = blocks.index("* [tool-2.0.0-p594.tar.xz]")
    cut = size + len("SIZE:")
    rest = blocks[size:] + "The end of the release notes.\n"
    draft = f"{blocks[:cut]}\n\n---END---\n\n{blocks[xz:cut]}\n\n---END---\n\n{rest}"
    result = repair(draft)
    assert [j.kind for j in result.joins] == ["redundant", "restart"]
    assert result.text.split() == (blocks + "The end of the release notes.\n").split()


def _cut_at(text: str, nth_size: int) -> int:
    """The offset just after the ``nth_size``-th "SIZE:" (from 0) in ``text``."""
    at = -1
    for _ in range(nth_size + 1):
        at = text.index("SIZE:", at + 1)
    return at + len("SIZE:")


def test_shuffled_checksum_pieces_follow_the_piece_whose_end_they_restart() -> None:
    """Shown (0, 3, 1, 2): piece 0 is cut at "SIZE:", and pieces 1 and 3 both begin
    "SIZE:". Piece 3 restarts the end of piece 2 at length, which restarts the end of
    piece 1: piece 1, meeting the cut just as piece 3 does, goes first, and the rest in
    the order their overlaps give."""
    whole = f"{P1}\n\n{release_blocks(13336518, 16638151, 10464500)}{P3}\n"
    size = [_cut_at(whole, n) for n in range(3)]
    sha256 = [whole.index("SHA256:", at) + len("SHA256:") for at in size]
    pieces = [
        whole[: size[0]],
        whole[size[0] - len("SIZE:") : sha256[1]],
        whole[size[1] - len("SIZE:") : sha256[2]],
        whole[size[2] - len("SIZE:") :],
    ]
    draft = "\n\n---END---\n\n".join(pieces[n] for n in (0, 3, 1, 2))
    assert repair(draft).text.split() == whole.split()


def test_finished_piece_meeting_the_cut_waits_for_one_ending_in_the_same_cut() -> None:
    """Shown (0, 2, 1): piece 0 and piece 1 are both cut at "SIZE:", and pieces 1 and 2
    both begin "SIZE:". Piece 2 ends the article, so piece 1 goes first: after piece 2
    it would follow a finished end and meet nothing."""
    blocks = release_blocks(13336518, 16638151, 10464500)
    whole = f"{P1}\n\n{blocks}{P3}\n"
    first, second = _cut_at(whole, 0), _cut_at(whole, 1)
    size = len("SIZE:")
    shown = [whole[:first], whole[second - size :], whole[first - size : second]]
    draft = "\n\n---END---\n\n".join(shown)
    assert repair(draft).text.split() == whole.split()


def test_piece_meeting_the_cut_waits_for_one_ending_in_it_that_nothing_else_resumes() -> None:
    """Shown (0, 2, 1, 3): pieces 0 and 1 are both cut at "SIZE:", and pieces 1 and 2
    both begin "SIZE:". Piece 3 restarts the end of piece 2, and no piece but 2 could
    resume piece 1's cut: piece 1 goes first, or its cut would be left to nothing."""
    whole = f"{P1}\n\n{release_blocks(13336518, 16638151)}{P3}\n"
    first, second = _cut_at(whole, 0), _cut_at(whole, 1)
    sha1 = whole.index("SHA1:", second)
    sha256 = whole.index("SHA256:", second) + len("SHA256:")
    size = len("SIZE:")
    pieces = [whole[:first], whole[first - size : second], whole[second - size : sha256]]
    pieces.append(whole[sha1:])
    draft = "\n\n---END---\n\n".join(pieces[n] for n in (0, 2, 1, 3))
    assert repair(draft).text.split() == whole.split()


def test_piece_copied_from_its_start_later_does_not_wait_for_one_ending_in_the_cut() -> None:
    """Shown in order: pieces 0, 1 and 2 are cut at "SIZE:", and piece 3 restarts from
    piece 1's start to the end. Piece 3 copies piece 1, it does not go on from piece 1's
    end: piece 1 goes on from piece 0's cut where it stands."""
    whole = f"{P1}\n\n{release_blocks(13336518, 16638151, 10464500)}{P3}\n"
    size = [_cut_at(whole, n) for n in range(3)]
    n = len("SIZE:")
    pieces = [whole[: size[0]], whole[size[0] - n : size[1]], whole[size[1] - n : size[2]]]
    pieces.append(whole[size[0] - n :])
    assert repair("\n\n---END---\n\n".join(pieces)).text.split() == whole.split()


def test_cjk_piece_meeting_the_cut_in_a_word_waits_for_one_restarting_it_from_before() -> None:
    """Shown (0, 2, 1): piece 0 is cut after "JSON", which piece 2 opens with by chance;
    piece 1 restarts the cut sentence from the sentence before it (over 50 characters
    back: far, in a script without spaces) and goes on to the text piece 2 restarts."""
    paras = [
        "与えられた文字列がJSON形式でパースできない場合は例外が投げられます。"
        "また、実際のアプリケーションでJSONを扱うのは、サーバーや外部のプログラムとデータを交換する用途がほとんどです。"
        "外部のプログラムが送ってくるデータが常にJSONとして正しい保証はありません。",
        "そのため、`JSON.parse`静的メソッドは基本的に`try...catch`構文で例外処理をするべきです。",
        "`JSON.stringify`静的メソッドはJSONで表現可能な値だけをシリアライズします。"
        "そのため、値が関数や`Symbol`であるプロパティなどはシリアライズされません。",
        "最後の段落では全体をまとめます。読んでいただきありがとうございました。",
    ]
    whole = "\n\n".join(paras) + "\n"
    cut = whole.index("JSONとして正しい") + len("JSON")
    back = whole.index("また、実際の")
    stop = whole.index("シリアライズします。") + len("シリアライズします。")
    pieces = [whole[:cut], whole[back:stop], whole[whole.index("`JSON.stringify`") :]]
    draft = "\n\n---END---\n\n".join(pieces[n] for n in (0, 2, 1))
    assert repair(draft).text == whole


def test_piece_meeting_the_cut_as_a_look_alike_line_waits_for_the_piece_it_restarts() -> None:
    """Shown (0, 2, 1): piece 0 is cut at "SIZE:" after the `.tar.xz` link; piece 2 opens
    with the `.zip` link, which meets that end only as a look-alike line (another file
    name), but restarts word for word the end of piece 1 (cut inside that link): it
    waits for piece 1."""

    def link(ext: str) -> str:
        url = f"https://example.org/pub/tool-2.0.0-p643.{ext}"
        return f"* [{url}]({url})\n\n"

    def sums(size: int) -> str:
        return f"      SIZE:   {size} bytes\n      SHA1:   {size:040x}\n\n"

    whole = (
        f"{P1}\n\n{link('tar.gz')}{sums(13625546)}{link('tar.xz')}{sums(8318532)}"
        f"{link('zip')}{sums(15136932)}{P3}\n"
    )
    xz = whole.index("SIZE:", whole.index("tar.xz)")) + len("SIZE:")
    zip_url = whole.index("p643.zip", whole.index("p643.zip") + 1) + len("p643.zi")
    zip_line = whole.rindex("\n", 0, whole.index("p643.zip")) + 1
    pieces = [whole[:xz], whole[xz - len("SIZE:") : zip_url], whole[zip_line:]]
    draft = "\n\n---END---\n\n".join(pieces[n] for n in (0, 2, 1))
    assert repair(draft).text.split() == whole.split()


def test_piece_meeting_a_chance_cut_word_does_not_wait_for_one_ending_in_it() -> None:
    """Pieces 0 and 3 are both cut at "The", and pieces 1 and 3 open with "The". Piece 1
    ends finished but inside the article (piece 2 restarts its end): it goes on from
    piece 0's cut where it stands; the later cut is met by chance."""
    paras = [
        "The council meets every month to review the open proposals.",
        "The chair writes the agenda a week before each meeting.",
        "The minutes are published on the website after the meeting.",
        "The members serve for two years and may stand again.",
        "The next election is held in the autumn of each year.",
        "The results are announced on the mailing list.",
    ]
    whole = "\n\n".join(paras) + "\n"
    pieces = [
        f"{paras[0]}\n\nThe",
        f"{paras[1]}\n\n{paras[2]}",
        f"{paras[2]}\n\n{paras[3]}",
        f"{paras[4]}\n\nThe",
        f"{paras[5]}\n",
    ]
    assert repair("\n\n---END---\n\n".join(pieces)).text == whole


def test_restart_of_a_one_word_sentence_after_an_abbreviation() -> None:
    """`e.g. Java."` ends a piece, the next restarts at `Java."`: the splitter reads "e.g."
    as an abbreviation, so `Java."` is not a unit of its own in the first piece, but it
    follows a stop and a space and is a whole unit of the restart."""
    head = '> Especially if developers come from other languages,\n> e.g. Java."'
    tail = '<span class="quote">Very satisfied</span>\n\nThe next paragraph starts here.\n'
    draft = f'{head}\n\n---END---\n\nJava." {tail}'
    assert repair(draft).text == f"{head} {tail}"


def test_restart_of_a_one_character_cut_after_a_full_stop() -> None:
    """`…呼ばれます)。こ` | `これにより…`: one character after a full stop is the cut start
    of the next sentence, restarted, even inside a list item that is longer (the restart
    goes on in the same paragraph: the blank line before the marker is only spacing)."""
    item = "- 構成ファイルをリポジトリにコミットすることで、プロジェクトをカスタマイズできます。"
    nxt = "これにより、すべてのユーザーに対して繰り返し可能な構成が作成されます。"
    draft = f"{item}こ\n\n---END---\n\n{nxt}\n\n{JA3}\n"
    assert repair(draft).text == f"{item}{nxt}\n\n{JA3}\n"


def test_unit_that_matches_before_the_first_block_is_not_a_new_heading() -> None:
    """A restart whose first unit (`*   **対策**:`) is too short to form an aligned block
    still restates the text: it must not be taken for a new heading of its own (which
    replaces from the piece start and keeps that line twice)."""
    item = "*   **対策**:\n    *   AIエージェントからの出力結果を鵜呑みにせず、人間が確認する。\n"
    more = "    *   信頼性の高い情報源を参照するように指示する。\n"
    draft = (
        f"{JA1}\n\n*   **対\n\n---END---\n\n策**:\n    *   AIエージェントからの出力結果を鵜呑み"
        f"\n\n---END---\n\n{item}{more}"
    )
    text = repair(draft).text
    assert text.count("**対策**") == 1
    assert text == f"{JA1}\n\n{item}{more}"


def test_table_rule_before_a_cut_row_is_kept_once() -> None:
    """A restart of a table cut in its first row: the rule (no letters) before the cut row
    is already there, so the restart resumes at the row, not at its own copy of the rule."""
    table = "| タスク | 内容 | 担当 |\n|-------|------|------|\n"
    rows = "| 横展開 | 成功パターンを展開 | 推進チーム |\n| 高度化 | エージェントの開発 | IT |\n"
    draft = f"{JA1}\n\n{table}| 横\n\n---END---\n\n{table}{rows}"
    assert repair(draft).text == f"{JA1}\n\n{table}{rows}"


def test_bare_list_number_at_a_cut_is_restarted() -> None:
    """A piece that ends with a bare `2.` (cut right after the list marker) is restarted by
    the next piece's `2.  **…**` item: the number is not left behind on its own."""
    items = "1.  **最初の項目:** 説明文です。\n\n2.  **二番目の項目:** もう一つの説明文です。\n"
    second = items.index("2.")
    draft = f"{JA1}\n\n{items[: second + 2]}\n\n---END---\n\n{items[second:]}"
    assert repair(draft).text == f"{JA1}\n\n{items}"


def test_drifted_restart_further_back_beats_a_perfect_match_of_a_look_alike_heading() -> None:
    """`### Differences from C++` / `Unlike` (cut) and a restart (with a typo) from the
    earlier `### Differences from C` section: the view drops "++", so the restart's first
    words also match the cut heading exactly. The copy that restates the whole stretch
    through the cut is the restart; resuming after the look-alike heading doubles it."""
    c_part = (
        "### Differences from C\n\nUnlike C, in Ruby, you do not need to compile your code. "
        "You just run it directly, and objects are strongly typed.\n\n"
    )
    cpp_part = "### Differences from C++\n\nUnlike C++, in Ruby, there are no explicit references."
    drifted = c_part.replace("compile", "compille")
    draft = f"{P1}\n\n{c_part}{cpp_part[:32]}\n\n---END---\n\n{drifted}{cpp_part}\n"
    result = repair(draft)
    assert result.text == f"{P1}\n\n{c_part}{cpp_part}\n"


def test_drift_a_few_characters_before_the_cut_still_joins() -> None:
    """The copy drifted four characters before the cut (`依赖` / `依の赖`): the matched
    run after the drift is too short to be a block alone, but it runs on to the cut, so
    the restart joins (the first wording is kept)."""
    intro = "Ruby 与 Perl 不同的地方有很多，下面列出其中最重要的几点。\n\n"
    first = "* 没有像 Perl 一样的上下文依赖规则。\n"
    rest = "* 变量和它引用的对象不一样。取而代之的是，变量只是指向对象的引用。\n"
    draft = f"{intro}{first}* 变\n\n---END---\n\n{first.replace('依赖', '依の赖')}{rest}"
    assert repair(draft).text == f"{intro}{first}{rest}"


# ------------------------------------------------------------------ out-of-order pieces


def shown_0_2_1(p0: str, p1: str, p2: str) -> str:
    """A draft of three marked pieces shown out of generation order: 0, 2, 1."""
    return f"{p0}\n\n---END---\n\n{p2}\n---END---\n\n{p1}\n"


def test_piece_that_resumes_a_later_piece_waits_for_it() -> None:
    """Pieces shown out of order (0, 2, 1): piece 2 begins inside piece 1, which is not
    placed yet, so it waits for it; the article comes back in generation order."""
    # generation order: [P1 + P2 cut at 40], [P1 + P2 cut at 60], [P2 from 30 on + P3]
    draft = (
        f"{P1}\n\n{P2[:40]}\n\n---END---\n\n{P2[30:]}\n\n{P3}\n\n---END---\n\n{P1}\n\n{P2[:60]}\n"
    )
    assert repair(draft).text == article("en")


def test_piece_that_repeats_nothing_waits_for_a_later_restart_of_the_text() -> None:
    """Pieces shown out of order (0, 2, 1), piece 2 resuming piece 1 with only a few
    characters (`…concludes the ` | `the article…`): piece 2 repeats nothing of piece 0 and no seed
    shows its host, but piece 1 restarts piece 0's end, so piece 1 goes first."""
    s1 = sentences(P2)[0]
    p0 = f"{P1}\n\n{s1}"
    p1 = f"{P2}\n\n{P3[:34]}"
    p2 = f"{P3[30:]}\n"
    draft = shown_0_2_1(p0, p1, p2)
    assert repair(draft).text == article("en")


def test_two_pieces_meeting_the_cut_in_a_few_characters_keep_generation_order() -> None:
    """Shown (0, 2, 1): piece 0 is cut at "让我"; pieces 1 and 2 both begin with "让我…"
    (two different sentences), so both meet the cut. Piece 2 restarts the end of piece 1,
    which is not placed yet: piece 1 goes first."""
    p0 = f"{ZH1}\n\n让我"
    s1 = "让我们更有礼貌一些，不光记住名字，还要打个招呼。"
    s2 = "让我们再仔细看看究竟发生了什么。"
    p1 = f"{s1}\n\n{ZH2}\n\n{s2[:14]}"
    p2 = f"{s2}\n\n{ZH3}\n"
    draft = shown_0_2_1(p0, p1, p2)
    assert repair(draft).text == f"{ZH1}\n\n{s1}\n\n{ZH2}\n\n{s2}\n\n{ZH3}\n"


def test_look_alike_bridge_across_a_heading_does_not_glue_a_piece_to_the_cut() -> None:
    """Shown (0, 2, 1): piece 0 is cut in a table row ("| Bedrock Agents"); piece 2 begins
    with the paragraph that follows a heading "### Bedrock Agents" in piece 1. That the
    cut's words and piece 2's start stand together in piece 1, across a heading, does
    not show piece 2 continues the cut: it waits for piece 1."""
    table = "| Tool | Kind |\n| --- | --- |\n| Bedrock Agents | cloud |"
    para = "Customer support automation needs retrieval first, and an admin screen."
    p0 = f"{P1}\n\n{table[: table.rindex(' | cloud')]}"
    p1 = f"{table}\n\n### Bedrock Agents\n\n{para[:40]}"
    p2 = f"{para}\n\n{P3}\n"
    draft = shown_0_2_1(p0, p1, p2)
    expected = f"{P1}\n\n{table}\n\n### Bedrock Agents\n\n{para}\n\n{P3}\n"
    assert repair(draft).text == expected


def test_piece_that_fits_nowhere_stays_in_input_order_with_a_warning() -> None:
    other = "An unrelated paragraph about something else entirely, with no repeats."
    draft = f"{P1}\n\n---END---\n\n{other}\n\n---END---\n\n{P3}\n"
    result = repair(draft)
    assert result.text == f"{P1}\n\n{other}\n\n{P3}\n"
    assert [j.kind for j in result.joins] == ["gap", "gap"]
    assert any("input order" in w for w in result.warnings)


def test_trailer_that_fits_nowhere_waits_for_the_pieces_after_it() -> None:
    # the related-links trailer shown before a piece that restarts the text's end:
    # what that piece adds belongs before the trailer (seen in u038 and u133)
    trailer = "---\n\n## Related\n\n- [One earlier post](/2026/01/one/)\n- [Another](/two/)"
    draft = f"{P1}\n\n{P2[:50]}\n\n---END---\n\n{trailer}\n\n---END---\n\n{P2}\n\n{P3}\n"
    result = repair(draft)
    assert result.text == f"{P1}\n\n{P2}\n\n{P3}\n\n{trailer}\n"
    # a trailer that is the last piece stays where it is
    last = f"{P1}\n\n{P2}\n\n---END---\n\n{trailer}\n"
    assert repair(last).text == f"{P1}\n\n{P2}\n\n{trailer}\n"


def test_copy_spliced_in_keeps_the_rest_of_the_unit_it_was_cut_in() -> None:
    """A redundant piece with a sentence of its own replaces the passage it restates, but
    it was cut inside a list item (`…the attack (step`): that item stays the earlier copy's,
    whole, with the sentence after the cut (seen in u148, where it was lost)."""
    items = (
        "* **Data poisoning:** an attacker plants a backdoor in the model during training.\n"
        "* **Stepping stone:** a hijacked server becomes the next step of the attack. "
        "The damage may spread along the whole supply chain.\n"
        "* **Resource abuse:** costly GPUs are used for mining.\n"
    )
    own = "This is the part that worries operators the most today."
    copy = items.replace("training.\n", f"training. {own}\n")
    cut = copy.index("next step") + len("next step")
    draft = f"{P1}\n\n{items}\n---END---\n\n{P1}\n\n{copy[:cut]}\n"
    text = repair(draft).text
    assert "The damage may spread along the whole supply chain." in text
    assert own in text
    assert text.count("Stepping stone") == 1


# ------------------------------------------------------------------ text a copy does not restate

LINKS = (
    "- [How datacenters are cooled](/2025/01/cooling/)\n"
    "- [Why GPUs need so much power](/2025/02/power/)\n"
    "- [Building a fast network fabric](/2025/03/fabric/)"
)


def test_a_copy_opening_with_a_heading_of_its_own_keeps_it() -> None:
    # the same links under another heading: the heading is new text, never dropped
    draft = (
        f"{P1}\n\n### Read also\n\n{LINKS}\n\n{P3}\n\n---END---\n\n## Related posts\n\n{LINKS}\n"
    )
    result = repair(draft)
    assert result.text == f"{P1}\n\n### Read also\n\n## Related posts\n\n{LINKS}\n\n{P3}\n"
    assert any("opens with text of its own" in w for w in result.warnings)


def test_a_drifted_opening_of_a_copy_is_not_kept_twice() -> None:
    first, second = sentences(P2)
    drifted = first.replace("long", "lengthy", 1)
    assert drifted != first
    draft = f"{P1}\n\n{first} {second}\n\n{P3}\n\n---END---\n\n{drifted} {second}\n"
    assert repair(draft).text == article("en")


def test_finished_sentence_the_restart_goes_on_from_differently_is_kept() -> None:
    # "…成功に" | "導くための鍵となるでしょう。" then a restart finishing "…成功に" another way:
    # both wordings are kept (nothing is dropped that the copy does not restate); the
    # paragraph break inside the first sentence goes (the cut was resumed right after it)
    head = "AIエージェントは、単なるツールではなく、製造業の未来を共に創るパートナーとなり得ます。"
    cut = "新たな時代背景の中で、AIエージェントの可能性を最大限に引き出し、製造業のDXを成功に"
    ending = "導くための鍵となるでしょう。"
    other = "導くためには、技術革新への積極的な姿勢と、法規制への的確な対応が不可欠です。"
    rest = "この変化の波に乗り遅れないことが大切です。"
    draft = f"{head}{cut}\n\n{ending}\n\n---END---\n\n{head}{cut}{other}{rest}\n"
    result = repair(draft)
    assert result.text == f"{head}{cut}{ending}\n\n{cut}{other}{rest}\n"
    assert any("goes on differently" in w for w in result.warnings)


def test_new_text_between_a_cut_and_its_restart_comes_after_the_restart() -> None:
    # the text between a cut and the restart that resumes it is another piece, shown
    # out of order: the cut is resumed by the restart, never glued to that piece
    intro = "这是我们将于明年初发布稳定版的 React 版本。"
    cut = "要尝试 React 18 RC，请升级你的依赖项"
    restart = f"{cut}，然后运行下面的命令：\n\n```bash\nnpm install react@rc\n```"
    other = "2021 年 12 月 17 日，我们发布了第一个候选版本。大会的演讲都可以在线播放。"
    result = repair(f"{intro}\n\n{cut}\n\n{other}\n\n{restart}\n")
    assert result.text == f"{intro}\n\n{restart}\n\n{other}\n"


def test_second_continuation_from_an_earlier_cut_keeps_only_what_it_adds() -> None:
    # piece 1 finishes the cut; piece 2 restates the text up to that same cut and
    # finishes it another way: its restatement is dropped, its own text kept
    first, second = sentences(P2)
    cut = second[: len(second) // 2]
    extra = "An alternative ending was written here by a second generation of the model."
    draft = (
        f"{P1}\n\n{first} {cut}\n\n---END---\n\n{second}\n\n{P3}\n\n---END---\n\n"
        f"{P1}\n\n{first} {cut}and so on. {extra}\n"
    )
    result = repair(draft)
    assert result.text.startswith(article("en").rstrip("\n") + "\n\n")
    assert result.text.count(P1) == 1
    assert extra in result.text
    assert any("goes on differently" in w for w in result.warnings)


def test_spliced_copy_keeps_the_heading_that_follows_the_passage() -> None:
    # a copy that adds a sentence replaces the passage it restates; the heading
    # right after that passage stays whole, markup included
    first, second = sentences(P2)
    added = "Its own words, more than enough."
    draft = (
        f"{P1}\n\n{P2}\n\n---END---\n\n## Related\n\n{P3}\n\n---END---\n\n"
        f"{P1}\n\n{first} {added} {second}\n"
    )
    result = repair(draft)
    assert "## Related" in result.text
    assert added in result.text
    assert result.text.count(first) == 1


def test_copy_that_rewrites_a_sentence_of_the_passage_keeps_both() -> None:
    """A copy adding a sentence of its own would replace the passage it restates, but
    one of the passage's sentences it only rewrites (a word or two in common): replacing
    would lose that wording, so both copies are kept (seen in u128)."""
    first, second = sentences(P2)
    original = "Investors must look at the growth of this open source ecosystem too."
    rewritten = "We ask you to look at the growth of this open source ecosystem and act."
    added = "Its own words, more than enough."
    draft = (
        f"{P1}\n\n{first} {original} {second}\n\n{P3}\n\n---END---\n\n"
        f"{P1}\n\n{first} {rewritten} {added} {second}\n"
    )
    text = repair(draft).text
    assert original in text
    assert rewritten in text and added in text


# ------------------------------------------------------------------ drift at the edges of a copy


def test_drift_in_the_first_word_of_a_restart_keeps_the_first_wording() -> None:
    # "* Keyword …" cut, then "* Keword …" (a letter dropped before the first matched
    # block): the restart resumes at the cut, not one character into the item
    item = "* Keyword splatting `nil` when calling methods is now supported."
    draft = (
        f"{P1}\n\n{item}\n  `**nil` is treated\n\n---END---\n\n"
        f"{item.replace('Keyword', 'Keword')}\n  `**nil` is treated like an empty hash.\n"
    )
    assert repair(draft).text == f"{P1}\n\n{item}\n  `**nil` is treated like an empty hash.\n"


def test_short_restart_with_a_changed_word_is_drift() -> None:
    draft = (
        f"{P1}\n\nThis release includes many bugfixes.\nSee\n\n---END---\n\n"
        "This release includes numerous bugfixes.\nSee [tickets](https://example.com) too.\n"
    )
    result = repair(draft)
    assert result.text == (
        f"{P1}\n\nThis release includes many bugfixes.\nSee [tickets](https://example.com) too.\n"
    )
    assert [j.kind for j in result.joins] == ["restart"]
    # a caller asking for closer copies than the default gets both kept
    strict = fragmerge.fix(draft, fragmerge.Options(min_score=95))
    assert "numerous" in strict.text


def test_restart_of_a_cut_line_beats_a_look_alike_line_before_it() -> None:
    # (from en-023, a public-domain 18F post)
    office = "HTTPS progress for the Office of Personnel Management."
    chart = f'{{% image "assets/blog/pshtt-post/opm-chart.png" "Chart showing {office}" %}}'
    table = f'{{% image "assets/blog/pshtt-post/opm-table.jpg" "Table showing {office}" %}}'
    draft = f"{P1}\n\n{chart}\n\n{{% image\n\n---END---\n\n{table}\n\n{P3}\n"
    assert repair(draft).text == f"{P1}\n\n{chart}\n\n{table}\n\n{P3}\n"


def test_lower_case_word_at_the_cut_is_not_a_capitalised_sentence_start() -> None:
    """Shown (0, 2, 1): piece 0 is cut after "…is omitted, for"; piece 2 begins "For
    historical reasons…", a new sentence. The shared word is chance: piece 2 waits for
    piece 1, which restarts piece 0's end."""
    cut = "The most common form is assumed if a subtag is omitted, for"
    rest = " example the script of a language."
    new = "For historical and political reasons, many language codes have changed."
    p0 = f"{P1}\n\n{cut}"
    p1 = f"{cut}{rest}\n\n{new[:40]}"
    p2 = f"{new}\n\n{P3}\n"
    draft = shown_0_2_1(p0, p1, p2)
    assert repair(draft).text == f"{P1}\n\n{cut}{rest}\n\n{new}\n\n{P3}\n"


def test_restart_completing_a_cut_line_next_to_a_line_that_differs_only_in_case() -> None:
    """A style guide lists the same line in several cases. Piece 0 is cut at the start of
    the next one ("我们的客户有"); the restart completes it in capitals. The longest exact
    overlap, "…github… 我们的客户有", pairs "github" with "GITHUB": only the cut line is
    restated, and nothing is lost (from zh-021, a CC BY-SA 4.0 style guide)."""
    lower = "> 我们的客户有 github、foursquare、google。"
    upper = "> 我们的客户有 GITHUB、FOURSQUARE、GOOGLE。"
    mixed = "> 我们的客户有 Github、FourSquare、Google。"
    draft = f"{ZH1}\n\n{lower}\n>\n> 我们的客户有\n\n---END---\n\n{upper}\n>\n{mixed}\n"
    text = repair(draft).text
    # each line once, in order (the cut quote unit, with its empty ">" line, is replaced)
    assert [text.count(line) for line in (lower, upper, mixed)] == [1, 1, 1]
    assert text.index(lower) < text.index(upper) < text.index(mixed)


def test_restart_completing_a_cut_line_next_to_a_line_that_differs_only_in_spacing() -> None:
    # "正确" / "错误" examples of a style guide differ only in the spaces around "，"
    right = "> 刚刚买了一部 iPhone，好开心！"
    wrong = "> 刚刚买了一部 iPhone ，好开心！"
    wrong2 = "> 刚刚买了一部 iPhone， 好开心！"
    draft = (
        f"{ZH1}\n\n正确：\n\n{right}\n\n错误：\n\n{wrong[:-1]}\n\n---END---\n\n"
        f"{wrong}\n>\n{wrong2}\n\n{ZH3}\n"
    )
    text = repair(draft).text
    assert [text.count(line) for line in (right, wrong, wrong2)] == [1, 1, 1]
    assert text.index(right) < text.index(wrong) < text.index(wrong2)


def test_piece_does_not_wait_for_a_look_alike_passage_differing_in_a_number() -> None:
    # the third piece ends with a code listing like the one the second opens with,
    # but of another number: the second continues the first, it does not follow the third
    def listing(n: int) -> str:
        return (
            '<span class="filename">Filename: src/main.rs</span>\n\n'
            f"```rust\n{{{{#include ../listings/ch04/listing-04-0{n}/src/main.rs}}}}\n```"
        )

    first = "Slices let you reference a run of elements. We return the index of the sp"
    second = f"ace. See 4-7.\n\n{listing(7)}\n\nThe function walks the bytes one by one."
    third = f"A more experienced Rustacean writes the signature shown next.\n\n{listing(9)}"
    result = fragmerge.fix(f"{first}\n---END---\n{second}\n---END---\n{third}\n")
    assert [(j.kind, j.left, j.right) for j in result.joins] == [
        ("continuation", 0, 1),
        ("gap", 1, 2),
    ]


# sentences of a council's rules, shared by the tests of regenerations and loops below
COUNCIL = [
    "The council meets every week to review the open proposals.",
    "Each proposal gets a champion who answers questions about it.",
    "Votes are public and recorded in the minutes of the meeting.",
    "A proposal passes with a simple majority of the members present.",
    "The minutes are published on the website within three days.",
    "Anyone may comment on a proposal during the two weeks before a vote.",
    "Comments that arrive late are read but do not delay the decision.",
    "The council reports to the members once a year at the general assembly.",
    "Its accounts are audited by two members chosen by lot each spring.",
    "A member may leave the council at any time by writing to the chair.",
]
COUNCIL_NEW = [
    "Quorum requires at least half of the seats to be filled on the day.",
    "Remote attendance counts toward quorum if the video link stays open.",
    "Guests may speak only when the chair gives them the floor first.",
]
RULES_INTRO = "This page sets out how the steering council works. It was last revised in May."


def test_copy_and_text_each_with_sentences_of_their_own_are_interleaved() -> None:
    # a regeneration that drops one sentence of the text and adds one of its own:
    # every sentence once, the copy's own where its copy puts it (not the whole copy again)
    s = COUNCIL
    own_a = "Members who cannot attend may send a written opinion to the chair in advance."
    own_b = "Ties are broken by the chair, who otherwise does not vote on any proposal."
    intro = RULES_INTRO
    first = " ".join([*s[:3], own_a, *s[3:]])
    second = " ".join([*s[:7], own_b, *s[7:9]])
    result = repair(f"# Rules\n\n{intro}\n\n{first}\n\n---END---\n\n{second}\n")
    body = " ".join([*s[:3], own_a, *s[3:7], own_b, *s[7:]])
    assert result.text == f"# Rules\n\n{intro}\n\n{body}\n"
    assert any("inserted where its copy puts them" in w for w in result.warnings)


def test_regeneration_that_aligns_nowhere_but_restates_most_sentences_is_folded_in() -> None:
    # the copy rewrites too much to align as a whole, yet restates five sentences word
    # for word: those go, its three own sentences are inserted after their predecessors
    s = COUNCIL[:7]
    new = COUNCIL_NEW
    intro = RULES_INTRO
    second = " ".join([s[0], new[0], s[1], s[2], new[1], s[3], new[2], s[4]])
    result = repair(f"# Rules\n\n{intro}\n\n{' '.join(s)}\n\n---END---\n\n{second}\n")
    body = " ".join([s[0], new[0], s[1], s[2], new[1], s[3], new[2], *s[4:]])
    assert result.text == f"# Rules\n\n{intro}\n\n{body}\n"
    # a piece that restates only two sentences of the text is no regeneration
    few = " ".join([s[0], *new, s[1]])
    kept = repair(f"# Rules\n\n{intro}\n\n{' '.join(s)}\n\n---END---\n\n{few}\n")
    assert kept.text.count(s[0]) == 2


def test_copy_with_sentences_inserted_through_the_end_is_one_copy() -> None:
    # u030: a regeneration restates the text to its end with sentences inserted near
    # the end, more than the copy's last window allowed for: it read as a passage
    # that goes on differently, the piece was kept whole and every sentence was in
    # the output twice
    s = COUNCIL
    new = [
        *COUNCIL_NEW,
        "Minutes are kept by a secretary who rotates among the members each month.",
    ]
    intro = RULES_INTRO
    # (from inside a sentence, as u030's piece opens: "devastation. We've heard …")
    head = "who answers questions about it."
    second = " ".join([head, *s[2:6], new[0], s[6], new[1], s[7], new[2], s[8], new[3], *s[9:]])
    result = repair(f"# Rules\n\n{intro}\n\n{' '.join(s)}\n\n---END---\n\n{second}\n")
    for sentence in [*s, *new]:
        assert result.text.count(sentence) == 1, sentence
    assert result.text.index(new[0]) < result.text.index(s[6]) < result.text.index(new[1])


def test_copy_that_rewords_a_sentence_and_adds_one_keeps_the_first_wording() -> None:
    # a regeneration inside the text rewords one sentence and adds one of its own:
    # convention 7, the first wording stays; its own sentence goes in where its copy
    # puts it (replacing the passage with the copy lost the first wording)
    s = COUNCIL
    reworded = s[4].replace("published", "posted")
    intro = RULES_INTRO
    second = " ".join([*s[2:4], reworded, s[5], COUNCIL_NEW[0], *s[6:]])
    result = repair(f"# Rules\n\n{intro}\n\n{' '.join(s)}\n\n---END---\n\n{second}\n")
    body = " ".join([*s[:6], COUNCIL_NEW[0], *s[6:]])
    assert result.text == f"# Rules\n\n{intro}\n\n{body}\n"


def test_copy_that_adds_sentences_to_list_items_replaces_them() -> None:
    # u133, u030: a regeneration writes more into each list item of the text ("*
    # **label:** A." | "* **label:** A. B."): its longer items replace the shorter,
    # rather than going in after them with their first sentences a second time
    s = COUNCIL
    labels = ("Meetings", "Votes", "Minutes")
    short = "\n".join(f"* **{t}:** {s[2 * k]}" for k, t in enumerate(labels))
    longer = "\n".join(f"* **{t}:** {s[2 * k]} {s[2 * k + 1]}" for k, t in enumerate(labels))
    first = f"# Rules\n\n{RULES_INTRO}\n\n{s[6]}\n\n{short}\n\n{s[7]}\n"
    result = repair(f"{first}\n---END---\n\n{s[6]}\n\n{longer}\n\n{s[7]}\n")
    assert result.text == f"# Rules\n\n{RULES_INTRO}\n\n{s[6]}\n\n{longer}\n\n{s[7]}\n"


def test_copy_does_not_insert_a_sentence_the_text_already_has() -> None:
    # u080: a regeneration's sentences that stand word for word elsewhere in the text
    # (moved, or written by another piece) are not its own: only the new one goes in
    s = COUNCIL
    intro = RULES_INTRO
    second = " ".join([*s[3:5], s[8], s[5], COUNCIL_NEW[0], *s[6:]])
    result = repair(f"# Rules\n\n{intro}\n\n{' '.join(s)}\n\n---END---\n\n{second}\n")
    body = " ".join([*s[:6], COUNCIL_NEW[0], *s[6:]])
    assert result.text == f"# Rules\n\n{intro}\n\n{body}\n"


def test_copy_whose_only_new_sentence_stands_later_in_the_text_adds_nothing() -> None:
    # en-017 hard: a copy inside the text with one sentence the passage lacks, which
    # the text has further on (the copy moved it): it adds nothing, and is dropped,
    # rather than replacing the passage and putting that sentence in twice
    s = COUNCIL
    first = f"# Rules\n\n{RULES_INTRO}\n\n{' '.join(s[:8])}\n\n{s[8]}\n"
    second = " ".join([*s[2:5], s[8], *s[5:8]])
    result = repair(f"{first}\n---END---\n\n{second}\n")
    assert result.text == first
    assert result.redundant == (1,)
    assert any("it adds nothing" in w for w in result.warnings)


def test_restart_that_rewrites_the_last_short_sentence_keeps_it() -> None:
    # u016: an expanded restart rewrites the text's short last sentence ("I truly hope
    # so." | "And I hope …"): its few letters trail the copy within the tolerance at
    # the end, but it is a finished sentence of the text's own, not a cut to replace
    s = COUNCIL
    last = "I truly hope so."
    intro = RULES_INTRO
    first = " ".join([*s[:6], last])
    rewritten = "And I hope the next revision keeps it that way."
    second = " ".join([*s[2:4], COUNCIL_NEW[0], *s[4:6], rewritten, *s[6:]])
    result = repair(f"# Rules\n\n{intro}\n\n{first}\n\n---END---\n\n{second}\n")
    assert last in result.text
    for sentence in s:
        assert sentence in result.text


def test_regeneration_restates_list_items_whatever_their_line_breaks() -> None:
    # a rewrite that joins each list item's lines and adds sentences of its own: the
    # items stand in the text already (only their layout differs), so they stay once
    s = COUNCIL
    new = COUNCIL_NEW
    items = [("Meetings", s[0], s[1]), ("Votes", s[2], s[3]), ("Minutes", s[4], s[5])]
    listed = "\n".join(f"{n}.  **{t}**:\n    {a} {b}" for n, (t, a, b) in enumerate(items, 1))
    joined = "\n".join(f"{n}.  **{t}**: {a} {b}" for n, (t, a, b) in enumerate(items, 1))
    first = f"# Rules\n\n{RULES_INTRO}\n\n{s[6]}\n\n{listed}\n\n{s[7]}\n\n{s[8]}\n"
    rewrite = f"{s[6]} {new[0]}\n\n{joined}\n\n{new[1]} {s[7]} {new[2]}\n\n{s[8]}\n"
    result = repair(f"{first}\n---END---\n\n{rewrite}")
    assert result.text.count(s[0]) == 1
    assert all(sentence in result.text for sentence in new)
    assert result.text.index(listed) < result.text.index(new[1]) < result.text.index(s[7])
    # a rewrite whose items are shortened adds nothing: it is dropped, and says so
    shortened = "\n".join(f"{n}.  **{t}**: {a}" for n, (t, a, _) in enumerate(items, 1))
    short = repair(f"{first}\n---END---\n\n{s[6]}\n\n{shortened}\n\n{s[7]}\n\n{s[8]}\n")
    assert short.text == first
    assert any("some of it shortened" in w for w in short.warnings)


def test_piece_looping_back_over_a_whole_passage_drops_the_repeat() -> None:
    s = COUNCIL[:6]
    new = [COUNCIL_NEW[0], COUNCIL_NEW[2]]
    intro = RULES_INTRO
    head = "\n\n".join(s)
    cut = s[5][:30]
    loop = "\n\n".join(s[:5])
    draft = (
        f"# Rules\n\n{intro}\n\n{head[: head.rindex(s[5])]}{cut}\n\n---END---\n\n"
        f"{s[5]}\n\n{new[0]}\n\n{loop}\n\n{new[1]}\n"
    )
    result = repair(draft)
    assert result.text == f"# Rules\n\n{intro}\n\n{head}\n\n{new[0]}\n\n{new[1]}\n"
    assert any("loops back" in w for w in result.warnings)
    # three units again are a loop too when they restate a long passage (150+ characters)
    piece = f"{s[5]}\n\n{new[0]}\n\n{loop}\n\n{new[1]}\n"
    three = "\n\n".join(s[:3])
    again = repair(draft.replace(piece, piece.replace(loop, three)))
    assert again.text.count(s[0]) == 1
    # ... but a refrain's few short lines sung again are no loop: they stay
    refrain = "Row the boat home.\n\nSing it once more.\n\nLights on the shore."
    sung = repair(
        draft.replace(f"{intro}\n\n", f"{intro}\n\n{refrain}\n\n").replace(
            piece, piece.replace(loop, refrain)
        )
    )
    assert sung.text.count("Sing it once more.") == 2


def test_loop_back_that_restyles_its_headings_is_still_a_loop() -> None:
    # the model loops back over a passage and writes its bold-line headings as Markdown
    # headings: the same words, so the passage is restated and its repeat goes
    s = COUNCIL
    new = COUNCIL_NEW
    h1, h2 = "How meetings work", "How votes are counted"
    text = f"# Rules\n\n{RULES_INTRO}\n\n**{h1}**\n\n{s[0]}\n\n{s[1]}\n\n**{h2}**\n\n{s[2]}\n\n"
    loop = f"### {h1}\n\n{s[0]}\n\n{s[1]}\n\n### {h2}\n\n{s[2]}"
    piece = f"{s[3]}\n\n{new[0]}\n\n{loop}\n\n{new[1]}\n"
    result = repair(f"{text}{s[3][:30]}\n\n---END---\n\n{piece}")
    assert result.text == f"{text}{s[3]}\n\n{new[0]}\n\n{new[1]}\n"
    assert any("loops back" in w for w in result.warnings)


def test_passage_restated_with_its_lines_wrapped_otherwise_is_the_documents_own() -> None:
    # a document that wraps its lines wraps a passage it restates its own way (two
    # licences sharing their terms): no loop or regeneration, kept; a copy that runs
    # the same sentences on one line each is a regeneration, and folded in
    s = COUNCIL
    new = COUNCIL_NEW
    paragraphs = [" ".join(s[0:3]), " ".join(s[3:6]), " ".join(s[6:9])]

    def wrapped(width: int) -> str:
        return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)

    text = f"# Rules\n\n{RULES_INTRO}\n\n{wrapped(72)}\n\n{new[0]}"
    rewrapped = f"{wrapped(60)}\n\n{new[1]} {new[2]}\n"
    assert repair(f"{text}\n\n---END---\n\n{rewrapped}").text == f"{text}\n\n{rewrapped}"
    joined = "\n\n".join(paragraphs)
    result = repair(f"{text}\n\n---END---\n\n{joined}\n\n{new[1]} {new[2]}\n")
    flat = " ".join(result.text.split())
    assert all(flat.count(sentence) == 1 for sentence in [*s[:9], *new])


def test_looping_piece_drops_a_long_sentence_it_restates_between_rewrites() -> None:
    # the piece loops back over three sentences, rewrites the fourth and restates the
    # fifth alone: that fifth is the same loop's, and goes too; the rewrite stays
    s = COUNCIL[:6]
    head = "\n\n".join(s)
    text = f"# Rules\n\n{RULES_INTRO}\n\n{head[: head.rindex(s[5])]}{s[5][:30]}"
    rewritten = "A proposal is adopted when most of the members present vote for it."
    loop = "\n\n".join([s[0], s[1], s[2], rewritten, s[4]])
    piece = f"{s[5]}\n\n{COUNCIL_NEW[0]}\n\n{loop}\n\n{COUNCIL_NEW[1]}\n"
    result = repair(f"{text}\n\n---END---\n\n{piece}")
    own = f"{COUNCIL_NEW[0]}\n\n{rewritten}\n\n{COUNCIL_NEW[1]}"
    assert result.text == f"# Rules\n\n{RULES_INTRO}\n\n{head}\n\n{own}\n"
    # ... but a sentence restated alone at the very end of the piece stays (nothing of
    # the piece's own follows it to show it is part of the loop)
    without_own_end = piece.replace(f"\n\n{COUNCIL_NEW[1]}", "")
    tail = repair(f"{text}\n\n---END---\n\n{without_own_end}")
    assert tail.text.count(s[4]) == 2


def test_piece_looping_back_over_its_own_passage_drops_the_repeat() -> None:
    s = [
        "Quorum requires at least half of the seats to be filled on the day.",
        "Remote attendance counts toward quorum if the video link stays open.",
        "Guests may speak only when the chair gives them the floor first.",
        "The agenda is sent out by email one week before each meeting.",
        "Items added later need the consent of two thirds of the members.",
    ]
    intro = RULES_INTRO
    cut = "The council meets every week to review the open pro"
    own = "\n\n".join(s)
    draft = (
        f"# Rules\n\n{intro}\n\n{cut}\n\n---END---\n\n{cut}posals.\n\n{own}\n\n{own}\n\nThe end.\n"
    )
    # (implicit restarts off: the piece stays whole, so the loop lies inside it)
    result = fragmerge.fix(draft, implicit_restarts=False)
    assert len(result.fragments) == 2
    assert result.text.count(s[0]) == 1
    assert result.text.endswith(f"{own}\n\nThe end.\n")


def test_loop_over_a_passage_that_spans_two_pieces_is_dropped() -> None:
    s = COUNCIL[:6]
    new = [COUNCIL_NEW[0], COUNCIL_NEW[2]]
    intro = RULES_INTRO
    loop = "\n\n".join(s[1:6])
    draft = (
        f"# Rules\n\n{intro}\n\n"
        + "\n\n".join(s[:3])
        + "\n\n---END---\n\n"
        + "\n\n".join(s[2:])
        + f"\n\n{new[0]}\n\n{loop}\n\n{new[1]}\n"
    )
    result = repair(draft)
    body = "\n\n".join([*s, *new])
    assert result.text == f"# Rules\n\n{intro}\n\n{body}\n"


def test_first_piece_looping_over_itself_is_folded_only_in_a_draft_of_pieces() -> None:
    s = COUNCIL[:5]
    looped = "\n\n".join([*s, "Guests may speak when the chair allows it.", *s])
    tail = "Quorum requires at least half of the seats to be filled on the day."
    # (implicit restarts off: the first piece stays whole, so the loop lies inside it)
    result = fragmerge.fix(f"{looped}\n\n---END---\n\n{tail}\n", implicit_restarts=False)
    assert result.text.count(s[0]) == 1
    assert result.text.endswith(f"Guests may speak when the chair allows it.\n\n{tail}\n")
    # a text of one piece is the author's: left alone
    assert fragmerge.fix(f"{looped}\n", implicit_restarts=False).text == f"{looped}\n"


# API reference sections, split by a marker at a paragraph break: clean text that must
# come back as it was (the pieces only look like a cut and its restart)
API_INTRO = "# API\n\nEach call is listed with its arguments.\n\n"


def test_closed_code_heading_before_a_marker_is_no_cut_its_argument_resumes() -> None:
    # "name" ends the heading's view, but the heading closes its code span: the list
    # item "`name` {string}" is no rest of it
    head = f"{API_INTRO}### `brine.remove(name)`"
    body = "* `name` {string} Archive name\n\nRemoves an archive that is kept in the cache.\n"
    result = repair(f"{head}\n\n---END---\n\n{body}")
    assert result.text == f"{head}\n\n{body}"


def test_paragraph_opening_with_the_heading_words_is_the_sections_own() -> None:
    # restated without its mark and going on, a heading's words open its paragraph;
    # the heading is finished, so the paragraph starts on a line of its own
    head = f"{API_INTRO}### When `maxRedirects` is set to zero"
    body = "When `maxRedirects` is set to zero, a redirect fails the download at once.\n"
    result = repair(f"{head}\n\n---END---\n\n{body}")
    assert result.text == f"{head}\n\n{body}"
    # a subsection's heading and a finished entry open their own text likewise
    for end, piece in (
        ("## Upgrading", "### Upgrading with the installer\n\nRun the installer again.\n"),
        ("* `install`\n* `prepare`", "`prepare` runs only when the package is linked.\n"),
    ):
        assert repair(f"{API_INTRO}{end}\n\n---END---\n\n{piece}").text == (
            f"{API_INTRO}{end}\n\n{piece}"
        )
    # ... while a bold label restated with its mark and its text is a restart
    label = f"{API_INTRO}**11:00 a.m.:**"
    text = "**11:00 a.m.:** After the meeting the team wrote the release notes.\n"
    assert repair(f"{label}\n\n---END---\n\n{text}").text == f"{API_INTRO}{text}"


def test_piece_after_a_finished_heading_or_list_item_opens_a_paragraph() -> None:
    # headings and list items carry no stop, so they count as open; but a capitalised
    # sentence after one that does not end open, or anything after one that ends with
    # a stop, is no rest of it: it opens its own paragraph
    for end, piece in (
        ("* Default: none\n* Type: Path", "The folder where downloaded archives are kept.\n"),
        ("### 申し込みはいつまでですか？", "申し込みは開催日の一週間前までです。\n"),
    ):
        assert repair(f"{API_INTRO}{end}\n\n---END---\n\n{piece}").text == (
            f"{API_INTRO}{end}\n\n{piece}"
        )
    # ... while an item that ends open goes on, even with a capital ("into" | "COTS")
    cut = "1. Custom written\n1. Productized into"
    glued = repair(f"{API_INTRO}{cut}\n\n---END---\n\nCOTS products sold to many.\n")
    assert glued.text == f"{API_INTRO}{cut} COTS products sold to many.\n"


def test_options_list_opening_a_piece_and_restated_under_another_heading_stays() -> None:
    # the list opens the marked piece, under the heading that ends the text before it;
    # the piece restates it under a second function's heading: that section's own
    section = (
        "* `mirrors` {string\\[]} addresses of mirrors, tried in order\n\n"
        "Sets the mirrors archives are fetched from. The first one that answers is used "
        "for the rest of the run. An empty array turns mirrors off."
    )
    head = f"{API_INTRO}### `brine.setMirrors(mirrors)`"
    piece = f"{section}\n\n### `brine.promises.setMirrors(mirrors)`\n\n{section}\n"
    assert repair(f"{head}\n\n---END---\n\n{piece}").text == f"{head}\n\n{piece}"


def test_sections_that_differ_only_inside_code_are_no_drifted_copy() -> None:
    # the view drops nothing but "name" / "url" here, a few percent of drift: inside a
    # code span that is another option, so both sections stay (and the join says why)
    def section(option: str) -> str:
        return (
            f'#### `init-author-{option}`\n\n* Default: ""\n* Type: String\n\n'
            "The value `brine init` should use by default for the package author."
        )

    first, second = section("name"), section("url")
    result = repair(f"{API_INTRO}{first}\n\n---END---\n\n{second}\n")
    assert result.text == f"{API_INTRO}{first}\n\n{second}\n"
    assert [j.kind for j in result.joins] == ["kept"]
    assert any("code" in w for w in result.warnings)


def test_a_block_appended_after_text_opens_its_own_paragraph() -> None:
    # whatever the merger dropped before it, a heading, list item or code block never
    # goes on the line of the text before it (a table row may: a cut row goes on)
    from fragmerge.align import prepare
    from fragmerge.merge import _Assembly

    def fragment(index: int, text: str) -> fragmerge.Fragment:
        return fragmerge.Fragment(
            index=index,
            start=0,
            end=len(text),
            text=text,
            separator_start=0,
            separator_end=0,
            boundary="marker",
        )

    first = prepare(fragment(0, "Intro text here.\n\n## Closing thoughts"))
    for index, text, join in (
        (1, "## Closing thoughts\n\nThanks for reading.", "\n\n"),
        (2, "- an item of a list", "\n\n"),
        (3, "| 3 | 4 |", ""),
    ):
        asm = _Assembly([first, prepare(fragment(index, text))])
        asm.append(0, 0)
        asm.append(1, 0)
        assert asm.pieces[1].join == join


def test_sentence_cut_before_a_loop_and_written_whole_after_it_goes_with_the_loop() -> None:
    # the generation stops after "Moreover", loops back over a passage, then writes the
    # sentence whole: the stub goes with the repeat, nothing else changes (a stub the
    # segmenter reads as cut, "In", splits the piece there instead: test_segment)
    s = COUNCIL[:6]
    head = "\n\n".join(s)
    first = f"# Rules\n\n{RULES_INTRO}\n\n{head[: head.rindex(s[5])]}{s[5][:30]}\n\n---END---\n\n"
    loop = "\n\n".join(s[:5])
    new = COUNCIL_NEW[0]
    whole = f"Moreover, {new[0].lower()}{new[1:]}"
    result = repair(f"{first}{s[5]}\n\nMoreover\n\n{loop}\n\n{whole}\n")
    assert result.text == f"# Rules\n\n{RULES_INTRO}\n\n{head}\n\n{whole}\n"
    assert any("loops back" in w for w in result.warnings)
    # a finished sentence before the loop is the text's own: it stays
    kept = repair(f"{first}{s[5]}\n\nIn short.\n\n{loop}\n\n{whole}\n")
    assert f"{s[5]}\n\nIn short.\n\n{whole}" in kept.text


def test_piece_that_is_all_loop_after_its_restart_leaves_no_blank_lines() -> None:
    # the piece restarts at the text's last sentence, then only loops back over the
    # passage before it: the text comes back as it was, without a stray separator
    s = COUNCIL[:6]
    text = f"# Rules\n\n{RULES_INTRO}\n\n" + "\n\n".join(s) + "\n"
    loop = "\n\n".join(s[:5])
    result = repair(f"{text}\n---END---\n\n{s[5]}\n\n{loop}\n")
    assert result.text == text
    assert any("loops back" in w for w in result.warnings)


def test_loop_back_over_a_table_the_piece_completed_drops_the_whole_copy() -> None:
    # the text is cut inside a table's header row; the next piece completes the row,
    # writes the table and its note, then loops back over them: the header row it
    # completed and the "|---|" row, which has no words, go with the repeat too
    s = COUNCIL
    table = (
        "| Plan | Seats | Monthly price |\n|------|-------|---------------|\n"
        "| Starter plan | up to five seats | 10 dollars a month |\n"
        "| Team plan | up to fifty seats | 90 dollars a month |\n"
        "| Company plan | any number of seats | ask the sales team |\n\n"
        "Prices do not include the tax of your country. They change once a year."
    )
    head = f"# Plans\n\n{RULES_INTRO}\n\n{s[0]} {s[1]}\n\n"
    rest = f"## Support\n\n{s[2]} {s[3]}\n"
    draft = f"{head}| Pl\n\n---END---\n\n{table}\n\n{table}\n\n{rest}"
    result = repair(draft)
    assert result.text == f"{head}{table}\n\n{rest}"
    assert any("loops back" in w for w in result.warnings)


def test_passage_restated_right_after_itself_drops_the_repeat_and_keeps_its_paragraph() -> None:
    # a piece ends after a code block and a long sentence; the next, not marked, starts
    # over at the code block and runs the paragraph on: the second copy of the two
    # units goes, and the paragraph goes on as the regenerated copy has it
    code = "```rust\nlet hello = &s[0..5];\nlet world = &s[6..11];\n```"
    said = (
        "Rather than a reference to the entire String, hello is a reference to a portion "
        "of the String, specified in the extra bit at the end."
    )
    more = "We create slices using a range within brackets by specifying the indices."
    head = f"# Slices\n\n{RULES_INTRO}\n\n{COUNCIL[0]} {COUNCIL[1]}\n\n---END---\n\n{COUNCIL[1]}"
    result = repair(f"{head}\n\n{code}\n\n{said}\n\n{code}\n\n{said} {more}\n\n{COUNCIL[2]}\n")
    expected = f"# Slices\n\n{RULES_INTRO}\n\n{COUNCIL[0]} {COUNCIL[1]}\n\n{code}\n\n{said} {more}"
    assert result.text == f"{expected}\n\n{COUNCIL[2]}\n"
    # ... but two short lines sung again right after themselves are a refrain: kept
    refrain = "Row the boat home.\n\nSing it once more."
    sung = repair(f"{head}\n\n{refrain}\n\n{refrain}\n\n{COUNCIL[2]}\n")
    assert sung.text.count("Sing it once more.") == 2


def test_piece_going_on_from_a_cut_with_a_loop_then_the_whole_sentence_replaces_the_stub() -> None:
    # the text is cut after "For the range"; the next piece, not marked, restates a
    # passage (itself cut inside a sentence it restates) and then writes the cut
    # sentence whole: the stub and the repeat go, the whole sentence stays
    s = COUNCIL
    passage = f"{s[0]} {s[1]}\n\n{s[2]} {s[3]}\n\n{s[4]} {s[5]}"
    whole = "For the range syntax, you can drop the value before the two dots."
    head = f"# Rules\n\n{RULES_INTRO}\n\n{s[8]}\n\n---END---\n\n{s[8]}\n\n{passage}\n\n{s[6]}"
    tail = " ".join(f"Step {n} of the range syntax has its own rule, number {n}." for n in range(9))
    draft = f"{head}\n\nFor the range\n\n{passage}\n\n{s[6][:20]}\n\n{whole} {tail}\n"
    result = repair(draft)
    expected = f"# Rules\n\n{RULES_INTRO}\n\n{s[8]}\n\n{passage}\n\n{s[6]}\n\n{whole} {tail}\n"
    assert result.text == expected


_RELEASE_LISTS = "\n".join(
    [
        "* The parser generator is replaced with a new one written for this project.",
        "* See the talk on the future of the parser if you are interested in it.",
        "* The internal parser is now generated, which makes it easier to maintain.",
        "* Parameterised rules are supported and used in the grammar file now.",
        "",
        "## JIT",
        "",
        "* Major performance improvements over the previous release.",
        "* Better support for splat and rest arguments in method calls.",
        "* Registers are allocated for the stack operations of the machine.",
        "* More calls with optional arguments are compiled than before.",
        "* Unsupported call types no longer exit to the interpreter.",
    ]
)


@pytest.mark.parametrize(
    ("items", "warning"),
    [
        # the piece ends with the cut line and an item: a rewrite, folded in
        (1, "in place of the unfinished sentence"),
        # the piece goes on at length: a loop back, dropped
        (14, "gives way to the whole one"),
    ],
)
def test_lists_and_their_short_heading_restated_then_the_cut_line_written_whole(
    items: int, warning: str
) -> None:
    # the text is cut in a list item's second line; the next piece restates the lists
    # before it, short heading and all, stops inside the next item, then writes the
    # cut line whole: the repeat, its stub and the text's stub go, the line stays
    faster = "* Methods such as `blank?` and [specific ones](#specific) are faster now."
    enable = "* It can be enabled without changing the command line or the environment."
    head = f"# Release\n\n{RULES_INTRO}\n\n## Parser\n\n{_RELEASE_LISTS}\n{faster}\n{enable}\n"
    whole = "    Rails will enable the JIT by default this way, from the next version."
    tail = "".join(
        f"* Statistic {n} is now available in release builds too.\n" for n in range(items)
    )
    cut = "    Rails will enable the"
    piece = f"{_RELEASE_LISTS}\n{faster[:30]}\n\n{whole.strip()}\n{tail}"
    result = repair(f"{head}{cut}\n\n---END---\n\n{piece}")
    assert result.text == f"{head}{whole}\n{tail}"
    assert any(warning in w for w in result.warnings)


def test_list_item_cut_before_a_loop_gives_way_to_the_whole_item_after_it() -> None:
    # a list of versions is cut at "* time", the piece loops back over the list, then
    # writes "* time 0.3.0": the stub goes, the whole item takes its place in the list
    # (implicit restarts off: the piece is not split where it restarts, as when the
    # restart lies too far back for the segmenter to see)
    gems = "\n".join(f"* library-{n} {n}.{n}.0" for n in range(12))
    head = f"# Gems\n\n{RULES_INTRO}\n\n{COUNCIL[0]}\n\n---END---\n\n{COUNCIL[0]}\n\n"
    draft = f"{head}{gems}\n* time\n\n{gems}\n\n* time 0.3.0\n* timeout 0.4.1\n"
    result = fragmerge.fix(draft, implicit_restarts=False)
    assert result.text.endswith(f"\n\n{gems}\n* time 0.3.0\n* timeout 0.4.1\n")
    assert any("gives way to the whole one" in w for w in result.warnings)


def test_piece_ending_in_a_loop_and_a_stub_of_what_follows_it_is_restarted_before() -> None:
    # the piece cuts a sentence, loops back over a passage and stops a few words into
    # the sentence after it: loop and stub go, and the next piece, which restates from
    # that sentence, restarts the cut (implicit restarts off: the piece is one piece)
    s = COUNCIL
    head = f"# Rules\n\n{RULES_INTRO}\n\n" + "\n\n".join(s[:4])
    first = f"{head}\n\n{s[4][:25]}\n\n---END---\n\n"
    second = f"{s[4]}\n\n{s[5]}\n\n{s[6][:30]}\n\n" + "\n\n".join(s[:3]) + f"\n\n{s[3][:10]}\n\n"
    third = "\n\n".join(s[3:8])  # (it restates from the sentence the stub begins)
    result = fragmerge.fix(f"{first}{second}---END---\n\n{third}\n", implicit_restarts=False)
    assert result.text == f"{head}\n\n{s[4]}\n\n{s[5]}\n\n{s[6]}\n\n{s[7]}\n"


def test_loop_back_that_splits_the_passage_into_other_units_is_dropped() -> None:
    # the piece loops back over a list whose items hold two sentences each, writing
    # them as paragraphs: the same words one after the other, in other units
    labels = ["Design", "Logistics", "Training"]
    items = [
        f"* **{label}:** AI agents change how the {label.lower()} team plans its work. "
        f"They take over the routine steps of {label.lower()} and report what they did."
        for label in labels
    ]
    head = f"# Factories\n\n{RULES_INTRO}\n\n" + "\n".join(items)
    cut = COUNCIL[0][:30]
    loop = "\n\n".join(item[2:] for item in items)
    new = [COUNCIL_NEW[0], COUNCIL_NEW[1]]
    draft = f"{head}\n\n{cut}\n\n---END---\n\n{COUNCIL[0]} {new[0]}\n\n{loop}\n\n{new[1]}\n"
    result = repair(draft)
    assert result.text == f"{head}\n\n{COUNCIL[0]} {new[0]}\n\n{new[1]}\n"
    assert any("loops back" in w for w in result.warnings)


def test_table_row_cut_after_a_cell_goes_on_with_the_next_cells_on_its_line() -> None:
    # the generation stopped after a row's first cell; the next piece writes the rest
    # of the row, from a pipe, and the rows after it
    header = "| ツール名 | 種別 | 対象 |\n|---|---|---|\n| Dify | ノーコード | 非エンジニア |"
    rest = "| フレームワーク | エンジニア |\n| CrewAI | フレームワーク | エンジニア |"
    draft = f"{JA1}\n\n{header}\n| LangChain\n\n（続き）\n\n{rest}\n\n{JA3}\n"
    result = repair(draft)
    assert result.text == (
        f"{JA1}\n\n{header}\n| LangChain | フレームワーク | エンジニア |\n"
        f"| CrewAI | フレームワーク | エンジニア |\n\n{JA3}\n"
    )
    assert not result.warnings


def test_short_restart_drifted_before_the_cut_still_meets_it() -> None:
    # the copy of the heading and the cut paragraph lost a character ("有"), so no
    # seed matches; the cut's last words stand early in the piece and anchor it
    cut = "### 影响\n\n为什么说这个项目有实际用处？你的用户或"
    goes_on = "潜在的用户会喜欢它？五年之后它会是什么样子？"
    restart = f"### 影响\n\n为什么说这个项目实际用处？你的用户或{goes_on}"
    draft = f"{ZH1}\n\n{cut}\n\n（续）\n\n{restart}\n\n{ZH3}\n"
    result = repair(draft)
    assert result.text == f"{ZH1}\n\n{cut}{goes_on}\n\n{ZH3}\n"
    assert [j.kind for j in result.joins] == ["restart"]
    # a heading before the marker is no cut whose last words a piece may restart from
    section = "### Upgrading with the installer\n\nRun the installer again: it keeps your files."
    draft = f"{P1}\n\n## Upgrading\n\n---END---\n\n{section}\n"
    assert repair(draft).text == f"{P1}\n\n## Upgrading\n\n{section}\n"


@pytest.mark.parametrize(
    ("stub", "line"),
    [
        ("__[", "__[点击这里观看第一天完整直播。](https://example.org/live)__"),
        ("*", "* The installer keeps your settings."),
    ],
)
def test_markup_alone_ending_a_piece_is_written_whole_by_the_next(stub: str, line: str) -> None:
    # the generation stopped right after a line's opening markup; the next piece opens
    # with that line whole: one line, not the markup kept apart before it
    draft = f"{ZH1}\n\n## 第一天\n\n{stub}\n\n（续）\n\n{line}\n\n{ZH3}\n"
    result = repair(draft)
    assert result.text == f"{ZH1}\n\n## 第一天\n\n{line}\n\n{ZH3}\n"
    assert not result.warnings


def test_piece_whose_view_matches_inside_the_cut_but_not_its_words_is_no_restart() -> None:
    # the view of '"Subnet": { "AvailabilityZone": "us-east-2a"' is that of the end
    # of "create-default-subnet --availability-zone us-east-2a": different text
    command = "  aws ec2 create-default-subnet --availability-zone us-east-2a"
    output = (
        ' {\n    "Subnet": {\n        "AvailabilityZone": "us-east-2a",\n'
        '        "State": "ok"\n    }\n  }'
    )
    text = f"**To create a default subnet**\n\nCommand::\n\n{command}\n\n{output}\n"
    squashed = "".join(fragmerge.fix(text).text.split())
    assert squashed == "".join(text.split())


def test_piece_completing_a_later_pieces_cut_heading_waits_for_it() -> None:
    # "### Take appropriate action …" was shown first; the piece that stops at "### Take"
    # (and goes on from the text before) came before it: it goes in first.
    p1 = "The member in question may be a repeat offender, or may have done something once."
    p2 = "Both can be grounds for taking action, depending on the context of the report."
    heading = "### Take appropriate action"
    p3 = "After gathering sufficient information, decide what action to take in the open."
    p4 = "Treat every report with the same care, whoever the person reported happens to be."
    draft = (
        f"{p1}\n\n---END---\n\n{heading}\n\n{p3}\n\n---END---\n\n{p2}\n\n### Take\n\n"
        f"---END---\n\n{p4}\n"
    )
    assert fragmerge.fix_text(draft) == f"{p1}\n\n{p2}\n\n{heading}\n\n{p3}\n\n{p4}\n"


def test_redundant_restart_with_a_drifted_first_character_is_no_continuation() -> None:
    # The text ends with link definitions (no stop, so it reads as unfinished); the
    # piece after the marker restarts the article with its first link drifted
    # ("[cch12-…"): a redundant copy, not the rest of "[ch18]: ch18-00-oop.html".
    head = (
        "# An I/O project\n\n"
        "[ch12-00-an-io-project.md](https://example.org/book/src/ch12-00-an-io-project.md)\n\n"
        "This chapter recaps the many skills you have learned so far and explores a few more.\n\n"
        "Rust's speed, safety and single binary output make it ideal for command line tools.\n\n"
        "[ch7]: ch07-00-managing-growing-projects.html\n[ch18]: ch18-00-oop.html\n"
    )
    restart = head.split("\n\n", 1)[1].replace("[ch12", "[cch12", 1).rsplit(" ideal", 1)[0]
    assert fragmerge.fix_text(f"{head}\n<|endoftext|>\n\n{restart}\n") == head


def test_piece_meeting_a_cut_in_two_letters_gives_way_to_a_restart_that_goes_on_differently() -> (
    None
):
    # "…then th" and "the mailing lists …" meet in two letters by chance; the piece
    # after the marker restarts the cut sentence ("…then that member is removed …")
    # and ends where "the mailing lists …" goes on: that piece came first.
    intro = "The steering council may be removed by a vote of no confidence at any time."
    votes = (
        "There are two forms of no-confidence votes. If a single-member vote succeeds, "
        "then that member is removed from the council."
    )
    tail = "Core team members take part in discussions on"
    rest = "the mailing lists and on IRC, and they triage tickets."
    outro = "This document has been placed in the public domain for anyone to use."
    cut = votes[: votes.index("then th") + len("then th")]
    draft = f"{intro}\n\n{cut}\n\n{rest}\n\n{outro}\n\n---END---\n\n{votes}\n\n{tail}\n"
    assert fragmerge.fix_text(draft) == f"{intro}\n\n{votes}\n\n{tail} {rest}\n\n{outro}\n"


def test_restart_whose_heading_drifted_by_a_character_is_a_restart_not_a_rewrite() -> None:
    # The restart opens with the bold heading one character longer ("とのって"): a
    # drifted copy of the heading before the cut, not a heading of its own, so the
    # first wording stays and nothing is kept twice.
    intro = "GoogleのTPU v7が発表された。今日はその意味を少し掘り下げて考えてみたい。"
    head = "**技術者にとっての示唆:**"
    tip = (
        "君がもしAI開発者なら、TPU v7は新たな可能性を提示してくれるだろう。"
        "特にGoogleのTensorFlowやJAXといったフレームワークを使っている人には朗報だ。"
    )
    rest = "ただし、注意も必要だ。TPUは特定のAIワークロードに特化している。"
    drifted = head.replace("とって", "とのって")
    draft = f"{intro}\n\n{head}\n\n{tip[:60]}\n\n---END---\n\n{drifted}\n\n{tip}\n\n{rest}\n"
    assert fragmerge.fix_text(draft) == f"{intro}\n\n{head}\n\n{tip}\n\n{rest}\n"


def test_restart_of_a_cut_item_under_a_drifted_short_label_meets_the_cut() -> None:
    # The generation stopped in the first sub-item under "**対策**:"; the restart
    # writes the label with a character dropped ("**対**:"), too short to align,
    # then the sub-item whole: the cut's last words anchor it.
    intro = "AIエージェントを導入する際には、いくつかのリスクに注意が必要です。"
    label = "*   **対策**:"
    items = (
        "    *   利用するAIサービスのセキュリティポリシー、データ利用規約を十分に確認する。\n"
        "    *   機密情報や個人情報の入力を制限する。"
    )
    after = "#### 2. 誤情報の生成\n\nLLMは時に事実に基づかない情報を生成します。"
    draft = (
        f"{intro}\n\n{label}\n    *   利用するAI\n\n---END---\n\n*   **対**:\n{items}\n\n{after}\n"
    )
    assert fragmerge.fix_text(draft) == f"{intro}\n\n{label}\n{items}\n\n{after}\n"


def test_piece_meeting_the_cut_by_a_link_gives_way_to_the_later_restart_of_the_cut() -> None:
    # shuffled: the piece after the marker meets the cut only in a link it also
    # names ("攻撃について詳しくは [CVE…](…)"); the last piece restates the cut
    # sentence whole and goes on, and leads to it
    link = "[CVE-2013-0269](https://www.ruby-lang.org/en/news/2013/02/22/json-dos-cve-2013-0269/)"
    intro = "JSON gemに、安全でないオブジェクトの生成を可能とする脆弱性が報告されました。"
    same = f"これは {link} と同じ問題です。"
    fix = "当時の修正は不完全で、他のスタイルのJSONパースが対処されていませんでした。"
    details = f"攻撃について詳しくは {link} のアナウンスをご参照ください。"
    update = "json gemを2.3.0かそれ以降にしてください。"
    draft = (
        f"{intro}\n\nこれは {link}\n\n---END---\n\n{details}\n\n{update}\n\n---END---\n\n"
        f"{same}\n{fix}\n\n{details[:-8]}"
    )
    assert fragmerge.fix_text(draft) == f"{intro}\n\n{same}\n{fix}\n\n{details}\n\n{update}\n"


def test_restart_of_a_cut_shorter_than_a_seed_meets_it_through_drift_in_its_first_words() -> None:
    # the cut item is shorter than a seed, and its restart drifted in its first words
    cut = "- 了解 `sort` 的参数。显"
    rest = "示数字时，使用 `-n` 或者 `-h` 来显示更易读的数。明白排序时关键字的工作原理。"
    draft = f"{JA1}\n\n{cut}\n\n---END---\n\n- 了解の `sort` 的参数。显{rest}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{cut}{rest}\n\n{JA3}\n"
    # ... but an item differing in a whole word before the shared end stays apart
    other = f"{JA1}\n\n- 查看 `sort` 的参数。显\n\n---END---\n\n{cut}{rest}\n\n{JA3}\n"
    assert f"- 查看 `sort` 的参数。显\n\n{cut}" in fragmerge.fix_text(other)


def test_redundant_copy_from_a_sentence_inside_an_item_is_dropped_not_appended() -> None:
    # the last piece restates an item from its second sentence on and stops cut: it
    # begins at a sentence (inside the item), so it continues no cut at the text's end
    a = (
        "* There's no explicit references. That is, in Ruby, every variable is\n"
        "  just an automatically dereferenced name for some object."
    )
    b = (
        "* There are some enforced case-conventions (ex. class names start with a\n"
        "  capital letter, variables with a lower-case one)."
    )
    text = f"{P1}\n\n{a}\n{b}\n* A unit testing lib comes standard with Ruby.\n"
    copy = a[a.index("That is") :] + "\n" + b[: b.index("variables") + 1]
    assert fragmerge.fix_text(f"{text}\n---END---\n\n{copy}\n") == text


def test_restart_whose_short_heading_drifted_aligns_right_before_its_copy() -> None:
    # the restart's heading drifted by a letter; "goals of" stands in the sentence
    # before the heading too, which a wide window would pair the heading's words with
    intro = (
        "This document formalizes the goals and non-goals of the PyPA and this governance model."
    )
    heading = "Goals of the PyPA\n-----------------"
    para = (
        "These goals are the primary motivation for the existence of the PyPA.\n"
        "These goals are largely already being carried out, even though most\n"
        "have not been explicitly defined."
    )
    cut = para[: para.index(" though")]
    drifted = heading.replace("the", "thee", 1)
    draft = f"{P1}\n\n{intro}\n\n{heading}\n\n{cut}\n\n---END---\n\n{drifted}\n\n{para}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{intro}\n\n{heading}\n\n{para}\n"


def test_restart_opening_with_the_markup_the_cut_left_open_writes_it_once() -> None:
    # "2.  **パー" was cut inside its bold label; the restart opens the label again
    item1 = "1.  **視線追跡:**\n    *   ユーザーがどこを見ているかをAIが把握する。"
    item2 = (
        "2.  **パーソナライズされた体験と没入感の向上:**\n    *   AIは、ユーザーの表情を推測する。"
    )
    cut = item2[: item2.index("ソナ")]
    draft = f"{JA1}\n\n{item1}\n{cut}\n\n---END---\n\n{item2[4:]}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{item1}\n{item2}\n\n{JA3}\n"
    # ... and so does one resuming an item cut right after its number and that markup
    draft = f"{JA1}\n\n{item1}\n2.  **\n\n---END---\n\n{item2[4:]}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{item1}\n{item2}\n\n{JA3}\n"


def test_ellipsis_opening_a_paragraph_that_a_restart_resumes_is_kept() -> None:
    # the paragraph "... and more improvements." was cut after "... and"; the restart
    # after the marker opens with the ellipsis, which reads as a resume's and is dropped
    items = "* Refinements [experimental]"
    para = "... and more improvements. See NEWS for details."
    draft = f"{P1}\n\n{items}\n\n... and\n\n---END---\n\n{para}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{items}\n\n{para}\n\n{P3}\n"


def test_piece_restarting_another_at_length_does_not_take_a_chance_meet_of_the_cut() -> None:
    # "The" (cut) meets both "The working group …" (the next piece) and "There should
    # …" (a later piece, which restarts the piece before it at length): the later one
    # belongs after that piece, even though the next one's start stands at its end
    head = "Operations and process\n======================\n\n"
    b = (
        "The working group has at least three members, comprised of prominent core "
        "developers.\nMembers serve until they resign, and the group then picks a"
    )
    b2 = (
        "Members serve until they resign, and the group then picks a replacement.\n\n"
        "Decisions are made by consensus after discussion on the issue tracker.\n"
        "There should be at least a week between the start of a"
    )
    c = (
        "There should be at least a week between the start of a discussion\n"
        "and the working group's decision.\n\nThe Steering Council may also choose "
        "to delegate decisions on some PEPs\nto the working gr"
    )
    d = (
        "The Steering Council may also choose to delegate decisions on some PEPs\n"
        "to the working group. This document is placed in the public domain."
    )
    draft = "\n\n---END---\n\n".join([f"{head}The", b, b2, c, d]) + "\n"
    week = "There should be at least a week between the start of a"
    expected = (
        head
        + b.removesuffix("Members serve until they resign, and the group then picks a")
        + b2.removesuffix(week)
        + f"{week} discussion\nand the working group's decision.\n\n{d}\n"
    )
    assert fragmerge.fix_text(draft) == expected


@pytest.mark.parametrize(
    "block",
    ['<aside markdown="1" class="pquote">\n  <p>引用。</p>\n</aside>', '<YouTubeIframe src="x" />'],
    ids=["html", "jsx"],
)
def test_piece_opening_with_an_html_block_does_not_go_on_in_the_cut_sentence(block: str) -> None:
    cut = "就像 [@lmccart](https://github.com/lmccart) 在他的项目上做的那样，[p5.js](https://p5js.org)"
    draft = f"{JA1}\n\n{cut}\n\n---END---\n\n{block}\n\n{JA3}\n"
    result = fragmerge.fix(draft)
    assert result.text == f"{JA1}\n\n{cut}\n\n{block}\n\n{JA3}\n"
    assert any("kept unfinished" in w for w in result.warnings)


def test_heading_closed_by_its_anchor_is_finished_before_a_cjk_piece() -> None:
    heading = "## 面向应用程序开发人员的 React 18 {/*react-18-for-application-developers*/}"
    para = "在主题演讲中，我们还宣布 React 18 RC 现已可供试用。"
    draft = f"{JA1}\n\n{heading}\n\n---END---\n\n{para}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{heading}\n\n{para}\n\n{JA3}\n"


def test_two_pieces_waiting_for_each_other_are_placed_once_the_cut_they_meet_is() -> None:
    # shuffled: the list's first piece is shown before the piece whose cut ("* Y") it
    # meets, and waits; the piece restarting the list at length waits for it in turn.
    # Neither may be overtaken by a later piece meeting "* Y" by chance ("* You’ve
    # got mostly …", from the next list)
    lead = "These are modules that you can use from your programs, but which are written in C."
    items = [
        "* You may program procedurally if you like.",
        "* Most of the operators are the same.",
        "* Strings go in double-quotes.",
        "* Strings are mutable.",
        "* You’ve got the same sort of command-line debugger available.",
    ]
    more = [
        "* You’ve got mostly the same operators (even `::`).",
        "* You’ve got exceptions, though they go by other names.",
        "* There is no need to compile your code before you run it.",
    ]
    sim = "### Similarities with C\n\nAs with C, in Ruby,..."
    sim2 = "### Similarities with C++\n\nAs with C++, in Ruby,..."
    truth = f"{P1}\n\n{lead}\n\n{sim}\n\n{NL.join(items)}\n\n{sim2}\n\n{NL.join(more)}\n\n{P3}\n"
    pieces = [
        f"{P1}\n\n{lead[:40]}",
        f"{NL.join(items[:2])}\n* Strings go in",
        f"{lead}\n\n{sim}\n\n* Y",
        f"{NL.join(items)}\n\n{sim2}\n\n{more[0]}\n* You’ve got exc",
        f"{NL.join(more)}\n\n{P3}\n",
    ]
    assert fragmerge.fix_text("\n\n---END---\n\n".join(pieces)) == truth


def test_piece_meeting_the_end_of_another_in_a_few_words_that_a_third_resumes_does_not_wait() -> (
    None
):
    # shuffled: "[[Misc #18984]] …", shown before the cut it resumes ("… [[Misc"), meets
    # the end of the link definitions ("…\n[Misc #18984]:") in the same few words as
    # the piece that does resume them ("[Misc #18984]:    https://…"): it waits for
    # nothing, and the definitions stay last
    item = "* `Range#size` now raises `TypeError` if the range is not iterable. [[Misc #18984]]"
    said = (
        "Error messages now use single quotes. "
        "See [the ticket](https://bugs.ruby-lang.org/issues/16495) for details."
    )
    about = (
        "Ruby was first developed by Matz (Yukihiro Matsumoto) in 1993,\n"
        "and is now developed as Open Source."
    )
    defs = [
        "[Feature #13557]: https://bugs.ruby-lang.org/issues/13557",
        "[Misc #18984]:    https://bugs.ruby-lang.org/issues/18984",
        "[Feature #20433]: https://bugs.ruby-lang.org/issues/20433",
    ]
    truth = f"{P1}\n\n{item}\n\n## Compatibility issues\n\n{said}\n\n{about}\n\n{NL.join(defs)}\n"
    pieces = [
        f"{P1}\n\n{item[:30]}",
        f"[[Misc #18984]]\n\n## Compatibility issues\n\n{said}",
        item[: item.index("#18984")].rstrip(),
        f"{about}\n\n{defs[0]}\n[Misc #18984]:",
        f"{NL.join(defs[1:])}\n",
    ]
    assert fragmerge.fix_text("\n\n---END---\n\n".join(pieces)) == truth


def test_restart_of_the_line_before_a_cut_heading_is_a_restart_of_the_heading() -> None:
    # "</aside>" "## 维" | marker | "</aside>" "## 维护者活动情况": the piece restates the
    # line before the cut heading, then writes the heading whole
    aside = '<aside markdown="1" class="pquote">\n  开源不只是代码。\n</aside>'
    draft = f"{ZH1}\n\n{aside}\n\n## 维\n\n---END---\n\n</aside>\n\n## 维护者活动情况\n\n{ZH3}\n"
    assert fragmerge.fix_text(draft) == f"{ZH1}\n\n{aside}\n\n## 维护者活动情况\n\n{ZH3}\n"


def test_bold_label_restated_with_its_first_character_dropped_keeps_its_first_wording() -> None:
    # drift dropped "教" from the label the restart opens with: a copy of the label,
    # not a heading of the piece's own
    items = "- 導入前に測定可能なKPIを必ず設定する\n- 小規模なPoCで効果を定量的に確認する"
    draft = f"{JA1}\n\n**教訓:**\n- 導\n\n---END---\n\n**訓:**\n{items}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n**教訓:**\n{items}\n\n{JA3}\n"


def test_piece_resuming_a_cut_quote_is_no_copy_of_a_look_alike_quote_before_it() -> None:
    # a style guide's correct and wrong examples differ in punctuation only, which the
    # comparison view drops: the piece opening with the cut quote's words resumes it
    right = (
        "正确：\n\n> 乔布斯那句话是怎么说的？「Stay hungry, stay foolish.」\n>\n"
        "> 推荐你阅读《Hackers & Painters: Big Ideas from the Computer Age》，非常地有趣。"
    )
    wrong = (
        "错误：\n\n> 乔布斯那句话是怎么说的？「Stay hungry，stay foolish。」\n>\n"
        "> 推荐你阅读《Hackers＆Painters：Big Ideas from the Computer Age》，非常的有趣。"
    )
    cut = wrong[: wrong.index("是怎么")]
    resumed = wrong[wrong.index("> ") :]
    draft = f"{ZH1}\n\n{right}\n\n{cut}\n\n---END---\n\n{resumed}\n\n{ZH3}\n"
    assert fragmerge.fix_text(draft) == f"{ZH1}\n\n{right}\n\n{wrong}\n\n{ZH3}\n"


def test_paragraph_restarted_with_drift_is_no_chance_meet_of_the_cut() -> None:
    # the piece restates the paragraph the cut is in, one character inserted: it goes
    # on from the cut, not a later piece that opens with the cut's words by chance
    goal = "まず、**「目的の明確化」**です。どのような課題を解決したいのかを明確にしましょう。"
    data = (
        "次に、**「データ」**です。マルチモーダルAIは、大量のラベル付きデータを必要とします。"
        "画像とそれに紐づく説明文、音声とそのトランスクリプトなどが理想的です。"
    )
    cost = (
        "そして、**「コスト」**です。高性能なモデルは、学習にも推論にも膨大な計算リソースを"
        "必要とします。その導入・運用コストは決して安くありません。"
    )
    case = "実際に、ある小売企業では画像検索の導入で売上が伸びました。"
    last = "マルチモーダルAIは、間違いなく私たちの働き方を大きく変える可能性を秘めています。"
    resumed = data.replace("です。マルチ", "でのす。マルチ", 1)
    pieces = [
        f"{JA1}\n\n{goal}\n\n{data[: data.index('は、大量')]}",
        f"{resumed}\n\n{cost}\n\n{case[: case.index('業では')]}",
        # (a later restart from further back, drifted elsewhere: the first wording stays)
        f"{goal}\n\n{data.replace('説明文、', '説明文,')}\n\n"
        f"{cost.replace('決して', 'して')}\n\n{case}",
        f"{last}\n\n{JA3}\n",
    ]
    draft = "\n\n---END---\n\n".join(pieces)
    assert (
        fragmerge.fix_text(draft)
        == f"{JA1}\n\n{goal}\n\n{data}\n\n{cost}\n\n{case}\n\n{last}\n\n{JA3}\n"
    )


def test_restart_running_to_the_cut_keeps_the_first_wording_of_the_cut_unit() -> None:
    # the copy drifted inside the cut item ("Mos"); it runs on to the cut word for word,
    # though the opcodes paired the cut's last letter with a later one ("doesn|t")
    before = (
        "* You may program procedurally if you like (but it will still be\n"
        "  object-oriented behind the scenes)."
    )
    item = (
        "* Most of the operators are the same (including the compound assignment\n"
        "  and also bitwise operators). Though, Ruby doesn’t have `++` or `--`."
    )
    after = (
        "* You’ve got `__FILE__` and `__LINE__`.\n"
        "* You can also have constants, though there’s no special `const`\n  keyword."
    )
    cut = item[: item.index(" have")]
    copy = f"{before}\n{item.replace('Most', 'Mos')}\n{after}"
    draft = f"{P1}\n\n{before}\n{cut}\n\n---END---\n\n{copy}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{before}\n{item}\n{after}\n\n{P3}\n"


def test_caption_cut_after_its_abbreviation_is_resumed_by_the_whole_caption() -> None:
    image = '{% image "assets/blog/onet/image01.jpg" "The O*Net Content model." %}'
    caption = "*Fig. 1: O\\*NET content model*"
    draft = f"{P1}\n\n{image}\n\n*Fig.\n\n---END---\n\n{caption}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{image}\n\n{caption}\n\n{P3}\n"


def test_piece_meeting_a_cut_cell_by_chance_gives_way_to_the_row_written_whole() -> None:
    # "| オ" is met by a paragraph opening with "オブジェクトが…" (shown first), and
    # resumed by the piece writing the row whole from its pipe (shown after it: the
    # draft is shuffled)
    table = "| 値     | 変換後  |\n|---|---|\n| 配列     |  配列   |"
    row = "| オブジェクト      |  オブジェクト     |"
    heading = "### `toJSON`メソッド {#to-json}"
    rows = f"{row}\n| 関数             |  変換されない     |\n\n{heading}"
    prose = "オブジェクトが`toJSON`メソッドを持っている場合、その結果が使われます。"
    # (the rows' piece was cut in the prose's first word, which the prose restarts)
    pieces = [f"{JA1}\n\n{table}\n| オ", f"{prose}\n\n{JA3}\n", f"{rows}\n\nオブジェクト"]
    draft = "\n\n---END---\n\n".join([pieces[0], pieces[2], pieces[1]])
    expected = f"{JA1}\n\n{table}\n{rows}\n\n{prose}\n\n{JA3}\n"
    assert fragmerge.fix_text(draft) == expected
    shuffled = "\n\n---END---\n\n".join(pieces)
    assert fragmerge.fix_text(shuffled) == expected


def test_last_line_of_a_line_block_restated_by_the_next_piece_is_a_restart() -> None:
    block = "| LANCELOT\n| Auuuuuuuugh!"
    section = "Motivation\n==========\n\n" + P2
    draft = f"{P1}\n\n{block}\n\n---END---\n\n| Auuuuuuuugh!\n\n{section}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == f"{P1}\n\n{block}\n\n{section}\n\n{P3}\n"


def test_piece_meeting_a_cut_code_block_opening_waits_for_the_piece_it_restarts() -> None:
    # both pieces open with "{% highlight irb %}", which meets the cut in a seed's
    # length; the one shown first restarts the other's end, so it comes after it
    greet = (
        '{% highlight irb %}\nirb(main):019:0> def h(name = "World")\n'
        'irb(main):020:1> puts "Hello #{name}!"\nirb(main):021:1> end\n=> nil\n'
        "{% endhighlight %}"
    )
    greeter = (
        "{% highlight irb %}\nirb(main):024:0> class Greeter\n"
        'irb(main):025:1>   def initialize(name = "World")\n'
        "irb(main):026:2>     @name = name\nirb(main):027:2>   end\n"
        "irb(main):028:1> end\n=> nil\n{% endhighlight %}"
    )
    lead = "Now for a class of its own:"
    first = f"{P1}\n\nTo greet a person by name:\n\n{{% highlight irb"
    middle = f"{greet}\n\n{lead}\n\n{greeter[: greeter.index('1>   def')]}"
    last = f"{greeter}\n\n{P3}\n"
    draft = "\n\n---END---\n\n".join([first, last, middle])
    expected = f"{P1}\n\nTo greet a person by name:\n\n{greet}\n\n{lead}\n\n{greeter}\n\n{P3}\n"
    assert fragmerge.fix_text(draft) == expected


def test_piece_meeting_the_cut_in_its_last_words_gives_way_to_its_whole_restart() -> None:
    # "…10年が経ち、1.8.7 が" is met by a later paragraph opening with the same words
    # (shown first: the draft is shuffled), and restarted whole by the piece after it
    tech = (
        "技術的な話をすると、1.8.0 がリリースされて10年が経ち、"
        "1.8.7 がリリースされて5年が経ちました。"
    )
    legacy = (
        "10年が経ち、1.8.7 がレガシーになったと言えることは非常に喜ばしいことです。\n"
        "1.8.7 は歴史を作りました。"
    )
    onward = "そして、我々は変わり続けるために、前に進んでいます。"
    first = f"{JA1}\n\n{tech[: tech.index('リリースされて5年')]}"
    middle = f"{tech}\n\n{legacy}"
    last = f"{legacy}\n{onward}\n\n{JA3}\n"
    draft = "\n\n---END---\n\n".join([first, last, middle])
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{tech}\n\n{legacy}\n{onward}\n\n{JA3}\n"


def test_restart_with_a_drifted_label_before_a_short_cut_item_keeps_the_first_label() -> None:
    # "**主要ツのール:**" is the label before "- Claude" with a character inserted: too
    # short a copy to score by blocks, it reads as the same words
    lead = "コード生成、テスト作成、コードレビューをAIが支援します。"
    items = "- Claude Code（Anthropic）：ターミナル統合\n- GitHub Copilot：コード補完"
    draft = (
        f"{JA1}\n\n{lead}\n\n**主要ツール:**\n- Claude\n\n---END---\n\n"
        f"**主要ツのール:**\n{items}\n\n{JA3}\n"
    )
    assert fragmerge.fix_text(draft) == f"{JA1}\n\n{lead}\n\n**主要ツール:**\n{items}\n\n{JA3}\n"


def test_piece_of_a_drifted_title_and_the_same_cut_is_redundant() -> None:
    # "Astract" / "This": a generation that stopped where the one before it did, its
    # title drifted by a letter; the piece after it completes "This"
    head = "PEP: 731\nTitle: C API Working Group Charter\n\nAbstract\n========\n\n"
    rest = "This PEP proposes to establish the C API Working Group: a small committee.\n"
    draft = f"{head}This\n\n---END---\n\nAstract\n========\n\nThis\n\n---END---\n\n{rest}"
    result = fragmerge.fix(draft)
    assert result.text == f"{head}{rest}"
    assert [j.kind for j in result.joins].count("redundant") == 1


def test_japanese_cut_of_one_character_after_a_space_is_met_by_the_restart() -> None:
    # "** あ" | "あなたの…": the restart writes the cut word from its first character
    item = "* **フィードバックを求めよう。** "
    rest = "あなたのプロジェクトを紹介しましょう。"
    draft = f"{JA1}\n\n{item}あ\n\n---END---\n\n{rest}\n\n{JA3}\n"
    assert repair(draft).text == f"{JA1}\n\n{item}{rest}\n\n{JA3}\n"


def test_heading_meeting_a_cut_item_in_its_first_words_waits_for_the_restart() -> None:
    # "devcontainer.json" ends the cut item and opens the heading of a piece shown too
    # early: a heading does not go on from a line that is no heading
    items = (
        "- 「Code」 - 「Codespaces」 - 「Config dev container」をクリック\n"
        "- .devcontainer/devcontainer.json の編集画面が開くので、ブラウザ上で編集\n"
        "- その後、Codespaceを起動すると、指定に従ってランタイム環境が立ち上がる"
    )
    head = "#### devcontainer.jsonの例）node.js v20 + typescriptの場合"
    body = "この設定では、Node.jsのバージョンとTypeScriptの拡張機能を指定しています。"
    cut = items[: items.index(".json") + 5]
    restart = items[items.index("- .devcontainer") :]
    draft = (
        f"{JA1}\n\n{cut}\n\n---END---\n\n{head}\n\n{body}\n\n{JA3}\n\n---END---\n\n"
        f"{restart}\n\n{head[:-2]}\n"
    )
    assert repair(draft).text == f"{JA1}\n\n{items}\n\n{head}\n\n{body}\n\n{JA3}\n"


@pytest.mark.parametrize("separator", ["\n\n---END---\n\n", "\n\n"])
def test_piece_opening_with_text_the_resume_writes_later_is_no_rival_restart(
    separator: str,
) -> None:
    # the cut "handle =" is met by the next piece in one word; a later, redundant piece
    # opens with the second code block, which that piece writes further on: it restarts
    # that piece, not the cut, and the cut waits for nothing
    first, second, lead = HIGHLIGHT_FIRST, HIGHLIGHT_SECOND, HIGHLIGHT_LEAD
    after = "All users running an affected release should upgrade or use one of the workarounds."
    body = first.removeprefix("{% highlight ruby %}\n")
    pieces = [
        f"{P1}\n\n{lead}\n\n{{% highlight ruby %}}\nhandle =",
        f"{body}\n\nOr:\n\n{second}\n\n{after[:50]}",
        f"{second}\n\n{after[:50]}",
        f"{after}\n\n{P3}\n",
    ]
    expected = f"{P1}\n\n{lead}\n\n{first}\n\nOr:\n\n{second}\n\n{after}\n\n{P3}\n"
    assert fragmerge.fix(separator.join(pieces)).text == expected


def test_restart_whose_bold_label_has_a_letter_inserted_keeps_the_label_whole() -> None:
    # en-026 drift: the restart opens with the label the text has, one letter inserted
    # ("**Meetts …**" | "**Meets …**"): the letters before its first matched block
    # begin the text's unit one character later, so it is a drifted copy of that unit,
    # not a heading of the piece's own cutting the text's label after "Mee"
    intro = "Here is a handy checklist to evaluate whether a project is good for new contributors."
    label = "**Meets the definition of open source**"
    cut = "Does it have a license? Usually,"
    rest = " there is a file called LICENSE in the root of the repository. Check it first."
    restart = label.replace("Meets", "Meetts")
    draft = f"{intro}\n\n{label}\n\n{cut}\n\n---END---\n\n{restart}\n\n{cut}{rest}\n"
    assert fragmerge.fix(draft).text == f"{intro}\n\n{label}\n\n{cut}{rest}\n"


def test_heading_of_an_async_twin_after_a_marker_is_no_drifted_copy() -> None:
    # marked repetition, api-reference.en.md break 68: the piece after the marker opens
    # with the promise twin's heading ("### `brine.promises.setMirrors`" under "###
    # `brine.setMirrors`"); the unit a few letters before its first matched block is
    # the heading before, "## Mirrors", not the one the block begins in, so the piece's
    # heading is its own and the clean text comes back whole
    body = (
        "* `mirrors` {string\\[]} addresses of mirrors, tried in order\n\n"
        "Sets the mirrors archives are fetched from. The first one that answers is used\n"
        "for the rest of the run. An empty array turns mirrors off.\n"
    )
    first = "## Mirrors\n\n### `brine.setMirrors(mirrors)`\n\n" + body
    second = (
        "### `brine.promises.setMirrors(mirrors)`\n\n"
        + body
        + "\nThe promise is fulfilled once every mirror has been asked for its index.\n"
    )
    intro = "# brine\n\nArchives are fetched from the registry unless mirrors are set.\n\n"
    text = f"{intro}{first}\n{second}"
    assert fragmerge.fix(f"{intro}{first}\n---END---\n\n{second}").text == text
