"""Unit tests of fragmerge.align: dovetails, containments, no overlap, scores, spans."""

from __future__ import annotations

import pytest

import fragmerge
from fragmerge import Options, Overlap, align, segment
from fragmerge.align import short_overlap
from fragmerge.text import build_view
from texts import JA1, JA2, JA3, P1, P2, P3

ZH1 = "这篇文章从这里开始。第一段介绍了背景和动机。"
ZH2 = "第二段深入讨论技术细节。其中包含了很多具体的例子。"
ZH3 = "最后一段总结全文。感谢大家的阅读和支持。"
ZH_LONG = (
    "第二段深入讨论了这个系统在实际生产环境中遇到的各种技术细节和设计取舍。"
    "其中包含了很多具体的例子，帮助读者理解为什么要这样设计而不是那样设计。"
)


def overlaps(draft: str, options: Options | None = None) -> tuple[Overlap, ...]:
    return align(segment(draft, options), options, draft=draft)


def forward(draft: str) -> Overlap:
    """The one overlap of fragment 1 on fragment 0.

    When a piece restarts at the very start of the previous one, the reverse
    pair (0 inside 1) is reported too; the forward one is what a restart is.
    """
    found = [o for o in overlaps(draft) if (o.left, o.right) == (0, 1)]
    assert len(found) == 1, found
    return found[0]


def view(text: str) -> str:
    return build_view(text).chars


def check_spans(draft: str, o: Overlap) -> None:
    """Spans are input offsets, inside their fragments, pointing at the matched text."""
    fragments = segment(draft)
    left, right = fragments[o.left], fragments[o.right]
    assert left.start <= o.left_start <= o.left_end <= left.end
    assert right.start <= o.right_start <= o.right_end <= right.end
    assert 0 <= o.score <= 100


class TestDovetail:
    @pytest.mark.parametrize(
        ("first", "second", "third"), [(P1, P2, P3), (JA1, JA2, JA3), (ZH1, ZH2, ZH3)]
    )
    def test_restart_of_the_cut_paragraph(self, first: str, second: str, third: str) -> None:
        cut = second[: len(second) * 2 // 3]
        draft = f"{first}\n\n{cut}\n\n---END---\n\n{second}\n\n{third}\n"
        (o,) = overlaps(draft)
        check_spans(draft, o)
        assert (o.left, o.right, o.kind) == (0, 1, "dovetail")
        # both spans hold the repeated text: the cut paragraph and its restart
        assert draft[o.left_start : o.left_end] == cut
        assert draft[o.right_start : o.right_end] == cut
        assert o.score >= 90

    def test_restart_several_paragraphs_back(self) -> None:
        draft = f"{P1}\n\n{P2}\n\nThe third paragraph\n\n---END---\n\n{P1}\n\n{P2}\n\n{P3}\n"
        o = forward(draft)
        check_spans(draft, o)
        assert o.kind == "dovetail"
        assert draft[o.left_start : o.left_end] == f"{P1}\n\n{P2}\n\nThe third paragraph"
        assert view(draft[o.right_start : o.right_end]) == view(f"{P1} {P2} The third paragraph")

    def test_joined_repeated_copy(self) -> None:
        draft = f"{JA1}\n\n{JA2}\n\n最後の段落では\n\n---END---\n\n{JA1}{JA2}{JA3}\n"
        o = forward(draft)
        check_spans(draft, o)
        assert o.kind == "dovetail"
        assert view(draft[o.left_start : o.left_end]) == view(draft[o.right_start : o.right_end])
        assert o.score == 100

    def test_drift_lowers_the_score_but_still_matches(self) -> None:
        drifted = ZH_LONG.replace("。", ".").replace("很多", "许多")
        draft = f"{ZH_LONG}\n\n最后一段\n\n（续）\n\n{drifted}\n\n{ZH3}\n"
        o = forward(draft)
        check_spans(draft, o)
        assert o.kind == "dovetail"
        assert 80 <= o.score < 100

    def test_exact_short_overlap_at_a_cut(self) -> None:
        draft = "という悲観的な見方。しかしそれは悲観的な\n\n---END---\n\n"
        draft += "悲観的な未来ではありません。\n"
        (o,) = overlaps(draft)
        check_spans(draft, o)
        assert o.kind == "dovetail"
        assert draft[o.left_start : o.left_end] == "悲観的な"
        assert draft[o.right_start : o.right_end] == "悲観的な"


class TestContainment:
    @pytest.mark.parametrize(
        ("first", "second", "third"), [(P1, P2, P3), (JA1, JA2, JA3), (ZH1, ZH2, ZH3)]
    )
    def test_piece_inside_the_previous_one(self, first: str, second: str, third: str) -> None:
        draft = f"{first}\n\n{second}\n\n{third}\n\n---END---\n\n{second}\n"
        (o,) = overlaps(draft)
        check_spans(draft, o)
        assert (o.left, o.right, o.kind) == (0, 1, "containment")
        assert draft[o.right_start : o.right_end] == draft[o.left_start : o.left_end]
        assert view(draft[o.right_start : o.right_end]) == view(second)

    def test_prefix_copy_is_contained(self) -> None:
        draft = f"{P1}\n\n{P2}\n\n---END---\n\n{P1}\n\n{P2[:40]}\n"
        o = forward(draft)
        check_spans(draft, o)
        assert o.kind == "containment"
        assert o.left_start == 0


class TestNoOverlap:
    def test_unrelated_pieces(self) -> None:
        draft = f"{P1}\n\n---END---\n\nCompletely unrelated content lives in this other piece.\n"
        assert overlaps(draft) == ()

    def test_exact_resume_without_repetition(self) -> None:
        draft = "日本語の記事です。地方の企業が対応したり、地\n\n---END---\n\n"
        draft += "域の会計事務所が対応します。\n"
        assert overlaps(draft) == ()

    def test_single_fragment(self) -> None:
        assert overlaps(f"{P1}\n\n{P2}\n") == ()

    def test_shared_passage_in_the_middle_is_not_an_overlap(self) -> None:
        # both pieces go on differently after the shared sentence: not a restart
        shared = "This exact sentence is quoted in both pieces of the draft on purpose."
        draft = (
            f"Opening words of piece one. {shared} Piece one then says something else.\n\n"
            f"---END---\n\nPiece two opens its own way. {shared} And it ends differently.\n"
        )
        assert overlaps(draft) == ()

    def test_min_score_rejects_drifted_copies(self) -> None:
        drifted = P2.replace("long", "lengthy")  # one changed word
        draft = f"{P1}\n\n{P2[:70]}\n\n---END---\n\n{drifted}\n\n{P3}\n"
        o = forward(draft)
        assert 80 <= o.score < 95
        assert overlaps(draft, Options(min_score=95)) == ()


class TestShortOverlap:
    def test_longest_suffix_prefix(self) -> None:
        assert short_overlap("いう悲観的な", "悲観的な未来", min_len=2) == 4
        assert short_overlap("abcabc", "abcabcx", min_len=1) == 6

    def test_below_min_len_is_none(self) -> None:
        assert short_overlap("xxab", "abyy", min_len=3) == 0
        assert short_overlap("abc", "xyz", min_len=1) == 0


def test_align_without_draft_and_options() -> None:
    draft = "One sentence here. Another sentence that got cu\n---END---\n"
    draft += "Another sentence that got cut short. Then more.\n"
    assert [(o.left, o.right, o.kind) for o in align(segment(draft))] == [(0, 1, "dovetail")]


BODY = (
    "When you make a creative work, that work is under exclusive copyright by default. "
    "The law assumes that as the author of your work, you have a say in what others can do "
    "with it. In general, that means nobody else can use, copy, distribute, or modify your "
    "work without permission. Open source is an unusual circumstance, because the author "
    "expects that others will use, modify, and share the work. But because the legal default "
    "is still exclusive copyright, you need to explicitly give these permissions with a "
    "license. These rules also apply when someone contributes to your project, so "
    "contributions need a license too."
)
INTRO = "Open source licenses protect contributors and users alike."
OUTRO = "Finally, your project may have dependencies with license requirements."


@pytest.mark.parametrize("overlap", [380, 400, 410, 415, 420, 425, 430, 440, 460])
def test_restart_found_whatever_the_overlap_length(overlap: int) -> None:
    """A restart of the cut paragraph is found for any overlap length. Overlaps of about
    410-432 view characters are missed today: `_align_forward` stops after the first
    384-character chunk because the target window (+48 slack) reached the target's end,
    leaving 25-48 unmatched target characters > `_END_TOLERANCE` (24), so `verify` rejects
    the diagonal as "both go on differently" and the restart is appended as a continuation
    (the whole paragraph twice). Same band after each chunk size (768, 1536...)."""
    v = build_view(BODY)
    cut = v.offsets[overlap - 1] + 1
    while BODY[cut] != " ":
        cut += 1
    draft = f"{INTRO}\n\n{BODY[:cut]}\n\n---END---\n\n{BODY}\n\n{OUTRO}\n"
    o = forward(draft)
    assert o.kind == "dovetail"
    assert draft[o.left_start : o.left_end] == BODY[: o.left_end - o.left_start]
    assert fragmerge.fix(draft).text == f"{INTRO}\n\n{BODY}\n\n{OUTRO}\n"


@pytest.mark.parametrize(
    ("copy", "conflict"),
    [
        ("submissions36291433thenmore", True),  # a look-alike line: another number
        ("submissions36193754thenmore", False),  # the cut number, completed
        ("submissions3619375499more", False),  # ...and longer than where it was cut
    ],
)
def test_a_number_the_text_is_cut_in_must_begin_the_copys_number(copy: str, conflict: bool) -> None:
    from fragmerge.align import Alignment, conflicts

    target = "linksubmissions3619375"  # cut inside the number
    # "submissions3" matched; the target's "619375" trails unmatched at its end
    found = Alignment("dovetail", 4, 0, 16, 12, ((4, 0, 12),), 90.0)
    assert bool(conflicts(lambda s, e: target[s:e], copy, found, len(target))) is conflict
    # without the target's length only the matched stretch is compared
    assert conflicts(lambda s, e: target[s:e], copy, found) == []


def test_restart_of_a_one_word_cut_item_with_a_drifted_label_before_it() -> None:
    # ja-015 drift: the text is cut two characters into a list item under a bold
    # label, and the restart restates the label with a character dropped ("**期待効果:**"
    # "- 業務" | "**期効果:**" "- 業務プロセス…"): the cut's last characters with the end
    # of the label before them meet the piece's head, so the first wording is kept
    # and the item is completed, not left cut with the drifted label after it
    head = "# 事例\n\n業務プロセス全体を、AIエージェントが自律的に実行します。\n\n"
    items = "- 業務プロセス全体の処理時間：50〜80%削減\n- 人的ミスの大幅削減\n"
    draft = f"{head}**期待効果:**\n- 業務\n\n---END---\n\n**期効果:**\n{items}"
    assert fragmerge.fix(draft).text == f"{head}**期待効果:**\n{items}"
