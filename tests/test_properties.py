"""Property tests over simulated drafts (DESIGN.md §3) and unit tests of fragmerge.testing.

The invariant tests run hypothesis with a bounded number of examples by default;
``FRAGMERGE_HYPOTHESIS_PROFILE=long`` (the ``props`` nox session) runs 500.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fragmerge
from fragmerge.testing import (
    PROFILES,
    DriftEdit,
    Profile,
    SimulatedDraft,
    SimulatedPiece,
    assert_coherent,
    simulate,
    split_sentences,
)

# The default profile is derandomized so the quick run (and CI) is reproducible;
# the long profile explores fresh examples every run.
settings.register_profile(
    "default",
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("FRAGMERGE_HYPOTHESIS_PROFILE", "default"))

# --------------------------------------------------------------------------- clean articles

EN_ARTICLE = """\
---
layout: post
title: "Shipping a small command-line tool"
date: 2024-05-01 10:00:00 +0000
---

# Shipping a small command-line tool

Most command-line tools start as a script that somebody copied into a shared folder. \
The script grows a few flags, then a configuration file, and eventually a test or two. \
At some point the team decides that it deserves a proper release.

Packaging is the first hurdle on that road. A modern project declares its metadata in \
pyproject.toml and lets a build backend produce the wheel. Nobody has to remember the \
incantations of setup.py any more.

## Testing before the release

Tests give the maintainers confidence that the next change will not break old behaviour. \
Property-based tests are especially good at finding the corner cases that nobody thought of. \
They generate inputs, run the code, and check an invariant that must always hold.

- Run the unit tests on every supported Python version.
- Build the wheel in continuous integration and install it in a fresh environment.
- Keep the slow benchmarks out of the default test run.

```python
def main() -> int:
    print("hello from the tool")
    return 0
```

## After the release

Users will report problems that the test suite never imagined. Each report deserves a \
regression test before the fix lands. Over the years those tests become the most valuable \
documentation the project has.
"""

JA_ARTICLE = """\
## 生成AIと記事の自動執筆

生成AIを使った記事の自動執筆は、ここ数年で急速に広がりました。長い記事を一度に書かせると、\
出力の上限に達して途中で止まってしまうことがよくあります。そのため、多くのパイプラインは\
「続きを書いてください」と何度も依頼する仕組みになっています。

しかし、続きの生成はいつもきれいにつながるわけではありません。モデルは少し前の段落から書き直したり、\
同じ文を繰り返したりします。編集者はその重複を一つずつ取り除かなければなりません。

### 重複を取り除く方法

もっとも単純な方法は、同じ段落を機械的に削除することです。ところが、書き直された段落は\
句読点や数字の書き方が少しずつ違うので、完全一致では見つかりません。\
そこで、文単位で似ている部分を探し、重なりを見つけてからつなぎ直す必要があります。

1. 区切りの行を見つけて断片に分けます。
2. 断片どうしの重なりを探します。
3. 最も長い一貫した本文を組み立てます。

この手順はゲノムの組み立てとよく似ています。重なりのある短い読み取りから、\
元の長い配列を復元する問題と同じ構造を持っているのです。
"""

ZH_ARTICLE = """\
# 如何合并被截断的文章

大语言模型在生成长文章时，经常会因为长度限制而在句子中间停下来。用户随后要求模型继续写作，\
但模型往往会从前面的某个段落重新开始。结果就是一篇包含大量重复内容的草稿。

手动整理这样的草稿非常耗时。编辑需要逐段比较，找到真正新增的内容，再把它们拼接起来。\
如果草稿有十几个片段，这项工作很容易出错。

## 自动化的思路

我们可以把每个片段看作原文的一个有噪声的窗口。通过比较相邻片段的结尾和开头，就能找到重叠的位置。\
找到重叠之后，用完整的句子替换被截断的句子，然后继续拼接下一个片段。

| 步骤 | 说明 |
| --- | --- |
| 切分 | 按标记行切分草稿 |
| 对齐 | 寻找片段之间的重叠 |

最后，我们还要记录每个句子来自哪个片段。这样一来，任何人都可以检查合并的结果是否可靠。
"""

ARTICLES = {"en": EN_ARTICLE, "ja": JA_ARTICLE, "zh": ZH_ARTICLE}

# Sentence pools for generated articles: every sentence distinct, none a prefix of another.
_EN_POOL = [
    "The river rose quickly after three days of heavy rain.",
    "Farmers along the valley moved their cattle to higher ground.",
    "A small bridge near the mill was closed to traffic on Monday.",
    "Engineers inspected the supports and found no serious damage.",
    "The local school opened its gym as a shelter for families.",
    "Volunteers brought blankets, bread and hot soup in the evening.",
    "By Thursday the water had fallen below the warning level.",
    "Shops on the main street began to clean their flooded cellars.",
    "The mayor promised to review the drainage plan before winter.",
    "Several residents asked for a new dam upstream of the town.",
    "Experts warned that a dam would not solve every problem.",
    "Planting trees on the hills could slow the runoff as well.",
    "The council will vote on the proposal at its next meeting.",
    "Meanwhile the insurance companies started to assess the claims.",
    "Most households expect to be back to normal within a month.",
    "Children returned to their classrooms on the following Monday.",
]
_JA_POOL = [
    "朝から強い雨が降り続き、川の水位が急に上がりました。",
    "谷沿いの農家は牛を高い場所へ移しました。",
    "水車小屋の近くの小さな橋は月曜日から通行止めになりました。",
    "技術者が橋脚を点検しましたが、大きな損傷は見つかりませんでした。",
    "地元の学校は体育館を避難所として開放しました。",
    "夕方にはボランティアが毛布と温かい汁物を届けました。",
    "木曜日には水位が警戒水準を下回りました。",
    "商店街の店は浸水した地下室の掃除を始めました。",
    "市長は冬までに排水計画を見直すと約束しました。",
    "何人かの住民は上流に新しいダムを造るよう求めました。",
    "専門家は、ダムだけでは問題は解決しないと指摘しました。",
    "山に木を植えれば、雨水の流出を遅らせることもできます。",
    "議会は次の会合でこの提案について採決する予定です。",
    "保険会社は被害の査定を始めています。",
]
_ZH_POOL = [
    "连续三天的大雨让河水迅速上涨。",
    "山谷里的农民把牛群赶到了高处。",
    "磨坊附近的小桥从星期一开始禁止通行。",
    "工程师检查了桥墩，没有发现严重的损坏。",
    "当地学校把体育馆开放给受灾家庭作为避难所。",
    "傍晚时分，志愿者送来了毯子和热汤。",
    "到了星期四，水位已经降到警戒线以下。",
    "主街上的商店开始清理被淹的地下室。",
    "市长承诺在冬天之前重新审查排水计划。",
    "一些居民要求在上游修建一座新的水坝。",
    "专家提醒说，仅靠水坝并不能解决所有问题。",
    "在山坡上植树也可以减缓雨水的流失。",
]
_POOLS = {"en": (_EN_POOL, " "), "ja": (_JA_POOL, ""), "zh": (_ZH_POOL, "")}


@st.composite
def generated_articles(draw: st.DrawFn) -> str:
    """A short clean article built from distinct sentences of one language."""
    lang = draw(st.sampled_from(sorted(_POOLS)))
    pool, glue = _POOLS[lang]
    sentences = draw(st.permutations(pool))[: draw(st.integers(6, len(pool)))]
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        size = draw(st.integers(1, 4))
        paragraphs.append(glue.join(sentences[i : i + size]))
        i += size
    heading = draw(st.booleans())
    head = (
        "# Flood report\n\n"
        if heading and lang == "en"
        else ("# 洪水の報告\n\n" if heading else "")
    )
    return head + "\n\n".join(paragraphs) + "\n"


clean_articles = st.one_of(st.sampled_from(sorted(ARTICLES.values())), generated_articles())
seeds = st.integers(min_value=0, max_value=2**32 - 1)
all_profiles = st.sampled_from(sorted(PROFILES))
#: Profiles on which fragmerge must lose and duplicate nothing (issue 3).
STRICT_PROFILES = ("clean-restarts", "joined", "seedlike")


def _sentence_counts(text: str) -> Counter[str]:
    return Counter(split_sentences(text))


def _explain(sim: SimulatedDraft, out: str) -> str:
    return (
        f"profile={sim.profile} seed={sim.seed}\n--- draft ---\n{sim.draft}\n--- output ---\n{out}"
    )


# --------------------------------------------------------------------------- invariants


@given(article=clean_articles, seed=seeds, profile=st.sampled_from(STRICT_PROFILES))
def test_no_sentence_is_lost(article: str, seed: int, profile: str) -> None:
    sim = simulate(article, seed=seed, profile=profile)
    out = fragmerge.fix(sim.draft).text
    lost = _sentence_counts(sim.truth) - _sentence_counts(out)
    assert not lost, f"lost {sorted(lost)}\n{_explain(sim, out)}"


@given(article=clean_articles, seed=seeds, profile=st.sampled_from(STRICT_PROFILES))
def test_no_sentence_is_duplicated(article: str, seed: int, profile: str) -> None:
    sim = simulate(article, seed=seed, profile=profile)
    out = fragmerge.fix(sim.draft).text
    extra = _sentence_counts(out) - _sentence_counts(sim.truth)
    assert not extra, f"duplicated or new {sorted(extra)}\n{_explain(sim, out)}"
    assert_coherent(out, truth=sim.truth)


@given(article=clean_articles)
def test_clean_input_is_untouched(article: str) -> None:
    result = fragmerge.fix(article)
    assert result.text == article
    assert result.changed is False


@given(article=clean_articles, seed=seeds, profile=all_profiles)
def test_repair_is_idempotent(article: str, seed: int, profile: str) -> None:
    sim = simulate(article, seed=seed, profile=profile)
    once = fragmerge.fix(sim.draft).text
    twice = fragmerge.fix(once)
    assert twice.text == once, _explain(sim, once)
    assert twice.changed is False


@given(article=clean_articles, seed=seeds, profile=all_profiles)
def test_provenance_replays(article: str, seed: int, profile: str) -> None:
    sim = simulate(article, seed=seed, profile=profile)
    result = fragmerge.fix(sim.draft)
    replay = "".join(e.join + sim.draft[e.input_start : e.input_end] for e in result.provenance)
    assert replay == result.text, _explain(sim, result.text)
    # Entries tile the output in order.
    position = 0
    for entry in result.provenance:
        assert entry.output_start == position
        assert entry.output_end - entry.output_start == len(entry.join) + (
            entry.input_end - entry.input_start
        )
        position = entry.output_end
    assert position == len(result.text)


@given(article=clean_articles, seed=seeds, profile=st.sampled_from(STRICT_PROFILES))
def test_repair_matches_truth_on_strict_profiles(article: str, seed: int, profile: str) -> None:
    sim = simulate(article, seed=seed, profile=profile)
    out = fragmerge.fix(sim.draft).text
    assert re.sub(r"\s+", "", out) == re.sub(r"\s+", "", sim.truth), _explain(sim, out)


# --------------------------------------------------------------------------- simulate


def _front_matter(text: str) -> str:
    match = re.match(r"---\n.*?\n---\n", text, re.S)
    return match.group() if match else ""


def _code_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"^```.*?^```$", text, re.S | re.M)]


@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_simulate_is_deterministic(profile: str, lang: str) -> None:
    article = ARTICLES[lang]
    state = random.getstate()
    first = simulate(article, seed=11, profile=profile)
    assert random.getstate() == state, "simulate must not touch the global random state"
    random.seed(12345)
    assert simulate(article, seed=11, profile=profile) == first
    drafts = {simulate(article, seed=s, profile=profile).draft for s in range(8)}
    assert len(drafts) > 1, "different seeds should give different drafts"


@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_simulated_pieces_cover_the_truth(profile: str, lang: str) -> None:
    article = ARTICLES[lang]
    for seed in range(20):
        sim = simulate(article, seed=seed, profile=profile)
        assert sim.truth == article
        assert sim.profile == profile and sim.seed == seed
        assert 2 <= len(sim.pieces) <= 12
        covered = [False] * len(article)
        for piece in sim.pieces:
            for i in range(piece.truth_start, piece.truth_end):
                covered[i] = True
            text = sim.draft[piece.draft_start : piece.draft_end]
            if not piece.drift and not piece.joined:
                assert text == article[piece.truth_start : piece.truth_end]
            for edit in piece.drift:
                region_end = piece.truth_end if piece.redundant else piece.reached
                assert piece.truth_start <= edit.start < edit.end <= region_end
                assert article[edit.start : edit.end] == edit.before != edit.after
        missing = [i for i, c in enumerate(covered) if not c and not article[i].isspace()]
        assert not missing, f"seed {seed}: truth offsets {missing[:5]} not covered"
        # Generation order: every piece that goes further restarts at or before the reach.
        reach = 0
        for piece in sim.pieces:
            assert piece.reached == reach
            gap = article[piece.truth_start - 1 : piece.truth_start]
            if piece.index > 0 and not piece.redundant:
                assert piece.truth_start <= reach or not article[reach : piece.truth_start].strip()
                assert piece.truth_end > reach, gap
            if piece.redundant:
                assert piece.truth_end <= reach
            reach = max(reach, piece.truth_end)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_cuts_avoid_front_matter_and_code(profile: str) -> None:
    article = EN_ARTICLE
    front = _front_matter(article)
    code = _code_spans(article)
    for seed in range(40):
        sim = simulate(article, seed=seed, profile=profile)
        assert sim.draft.startswith(front), "front matter must stay on top of the draft"
        assert sim.draft.count("title: ") == 1
        for piece in sim.pieces:
            assert piece.truth_start == 0 or piece.truth_start >= len(front)
            for start, end in code:
                assert not start < piece.truth_end < end, f"seed {seed}: cut inside code"
                assert not start < piece.truth_start < end, f"seed {seed}: restart inside code"


@pytest.mark.parametrize("profile", ["clean-restarts", "drift", "joined", "seedlike", "shuffled"])
def test_marker_profiles_put_end_markers_between_pieces(profile: str) -> None:
    for seed in range(10):
        sim = simulate(JA_ARTICLE, seed=seed, profile=profile)
        assert sim.draft.count("\n---END---\n") == len(sim.pieces) - 1
        assert [p.marker for p in sim.pieces][1:] == ["---END---"] * (len(sim.pieces) - 1)


def test_nomarker_profile_separates_pieces_by_blank_lines_only() -> None:
    patterns = [re.compile(p, re.I) for p in fragmerge.DEFAULT_MARKERS]
    for seed in range(10):
        sim = simulate(ZH_ARTICLE, seed=seed, profile="nomarker")
        for line in sim.draft.splitlines():
            assert not any(p.fullmatch(line.strip()) for p in patterns), line
        assert all(p.marker is None for p in sim.pieces)
        ordered = sorted(sim.pieces, key=lambda p: p.position)
        for left, right in itertools.pairwise(ordered):
            assert sim.draft[left.draft_end : right.draft_start] == "\n\n"


def test_hard_profile_uses_every_kind_of_breakage() -> None:
    seen_markers: set[str | None] = set()
    restarts: set[str] = set()
    joined = drifted = redundant = shuffled = False
    for seed in range(60):
        sim = simulate(EN_ARTICLE + "\n" + JA_ARTICLE, seed=seed, profile="hard")
        for piece in sim.pieces[1:]:
            seen_markers.add(piece.marker)
            restarts.add(piece.restart_kind)
            joined |= piece.joined
            drifted |= bool(piece.drift)
            redundant |= piece.redundant
        shuffled |= any(p.position != p.index for p in sim.pieces)
    assert seen_markers == {"---END---", "<|endoftext|>", "[continued]", "（続き）", None}
    assert {"cut-sentence", "paragraph", "paragraphs-back", "far-back", "exact"} <= restarts
    assert joined and drifted and redundant and shuffled


def test_shuffled_profile_puts_pieces_out_of_order_but_keeps_piece_zero_first() -> None:
    for seed in range(20):
        sim = simulate(EN_ARTICLE, seed=seed, profile="shuffled")
        assert sim.pieces[0].position == 0
        assert any(p.position != p.index for p in sim.pieces)


def test_joined_profile_joins_repeated_paragraphs() -> None:
    joined = [
        p
        for seed in range(20)
        for p in simulate(EN_ARTICLE, seed=seed, profile="joined").pieces
        if p.joined
    ]
    assert joined
    for piece in joined:
        assert piece.join_with in (" ", "")


def test_drift_profile_changes_only_repeated_wording() -> None:
    edits = [
        e
        for seed in range(60)
        for p in simulate(JA_ARTICLE + "\n" + EN_ARTICLE, seed=seed, profile="drift").pieces
        for e in p.drift
    ]
    assert edits
    assert {e.kind for e in edits} >= {"punctuation", "insert", "delete"}


def test_drift_never_flips_a_negation() -> None:
    """Drift is wording, not meaning: characters of "not", "cannot", 不 or ない are never
    inserted or deleted (fragmerge reports such a difference as a conflict)."""
    text = (
        "# 注意\n\n这不是问题。我们没有时间，也无法等待。\n\n"
        "それは難しくない。まだ終わっていません。\n\n"
        "You should not do this. We cannot wait, and there is no time.\n"
    ) * 6
    negations = [
        range(m.start(), m.end())
        for m in re.finditer(r"\bnot\b|\bcannot\b|\bno\b|不|没|无|ない|ません", text)
    ]
    touched = 0
    for seed in range(40):
        for piece in simulate(text, seed=seed, profile="drift").pieces:
            for edit in piece.drift:
                if edit.kind in ("insert", "delete"):
                    touched += 1
                    assert not any(edit.start in span for span in negations), edit
    assert touched


def test_clean_restarts_profile_has_no_drift_no_joins_no_redundancy() -> None:
    for seed in range(20):
        sim = simulate(ZH_ARTICLE, seed=seed, profile="clean-restarts")
        for piece in sim.pieces:
            assert not piece.drift and not piece.joined and not piece.redundant
            assert piece.restart_kind in ("start", "cut-sentence", "paragraph")


def test_simulate_rejects_unknown_profile() -> None:
    with pytest.raises(ValueError, match="unknown profile 'nope'; choose one of"):
        simulate(EN_ARTICLE, seed=1, profile="nope")


def test_simulate_accepts_a_custom_profile() -> None:
    mine = Profile(description="two pieces", restarts={"cut-sentence": 1.0}, max_pieces=2)
    sim = simulate(EN_ARTICLE, seed=5, profile=mine)
    assert sim.profile == "custom"
    assert len(sim.pieces) == 2


def test_simulate_leaves_a_text_without_body_whole() -> None:
    sim = simulate("---\ntitle: only front matter\n---\n", seed=1)
    assert sim.draft == sim.truth
    assert len(sim.pieces) == 1


# --------------------------------------------------------------------------- assert_coherent


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_assert_coherent_passes_clean_articles(lang: str) -> None:
    assert_coherent(ARTICLES[lang])


@pytest.mark.parametrize(
    "marker", ["---END---", "<|endoftext|>", "[continued]", "（続き）", "=== END ==="]
)
def test_assert_coherent_catches_a_marker_line(marker: str) -> None:
    text = f"The first part of the article.\n\n{marker}\n\nThe second part of the article.\n"
    with pytest.raises(AssertionError, match="line 3: marker line left"):
        assert_coherent(text)


def test_assert_coherent_ignores_markers_inside_code_and_honours_custom_markers() -> None:
    assert_coherent("Some text here.\n\n```\n---END---\n```\n")
    assert_coherent("Some text here.\n\n@@@\n\nMore text here.\n")
    with pytest.raises(AssertionError, match="marker line left: '@@@'"):
        assert_coherent("Some text here.\n\n@@@\n\nMore text here.\n", markers=["@+"])


def test_assert_coherent_catches_a_duplicated_sentence() -> None:
    question = "投資家として、このMetaの動きから何を読み取るべきでしょうか？"
    text = f"{question}答えは単純です。\n\n{question}\n"
    with pytest.raises(AssertionError, match="sentence appears 2 times"):
        assert_coherent(text)


def test_assert_coherent_catches_a_duplicate_in_a_joined_copy() -> None:
    text = (
        "The river rose quickly after the rain.\n\nFarmers moved their cattle uphill.\n\n"
        "The river rose quickly after the rain. Farmers moved their cattle uphill.\n"
    )
    with pytest.raises(AssertionError, match="sentence appears 2 times"):
        assert_coherent(text)


def test_assert_coherent_catches_a_truncated_sentence_and_its_restart() -> None:
    text = (
        "The first sentence is complete. The second one was cut in the mid\n\n"
        "The second one was cut in the middle of a word.\n"
    )
    with pytest.raises(AssertionError, match=r"truncated sentence .* is restarted complete"):
        assert_coherent(text)


def test_assert_coherent_tolerates_short_sentences_and_scaffolding() -> None:
    text = (
        "## Usage\n\nYes. It works.\n\n## Usage\n\nYes. It still works.\n\n"
        "| a | b |\n| --- | --- |\n| 1 | 2 |\n| 1 | 2 |\n"
    )
    assert_coherent(text)


def test_assert_coherent_allows_repeats_present_in_the_truth() -> None:
    truth = "A refrain that repeats itself. The verse goes on. A refrain that repeats itself.\n"
    with pytest.raises(AssertionError):
        assert_coherent(truth)
    assert_coherent(truth, truth=truth)
    with pytest.raises(AssertionError, match="appears 3 times"):
        assert_coherent(truth + "A refrain that repeats itself.\n", truth=truth)


def test_split_sentences_handles_cjk_and_latin() -> None:
    assert split_sentences("これは文です。これも文です！本当？\n\nA b c. D e f! G?\n") == [
        "これは文です。",
        "これも文です！",
        "本当？",
        "A b c.",
        "D e f!",
        "G?",
    ]
    assert split_sentences("Version 3.4 is out. See e.g.the notes.\n") == [
        "Version 3.4 is out.",
        "See e.g.the notes.",
    ]
    assert split_sentences("A wrapped\nsentence here.\n") == ["A wrapped sentence here."]


def test_benchmarks_doc_lists_every_field_of_the_testing_records() -> None:
    doc_path = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
    if not doc_path.is_file():  # pragma: no cover - tests run outside the project tree
        pytest.skip("docs/benchmarks.md is not beside the tests")
    doc = doc_path.read_text("utf-8")
    for record in (SimulatedDraft, SimulatedPiece, DriftEdit, Profile):
        for item in dataclasses.fields(record):
            assert f"`{item.name}`" in doc, f"docs/benchmarks.md: {record.__name__}.{item.name}"
    for name in PROFILES:
        assert f"`{name}`" in doc, f"docs/benchmarks.md does not describe profile {name}"


_MARKDOWN_BITS = st.sampled_from(
    [*"ab c.。、\n#-*`~|>1,xyz日本語？!", "```\n", "---\n", "\n\n", "- ", "## ", "1000"]
)


@given(parts=st.lists(_MARKDOWN_BITS, max_size=200), seed=seeds, profile=all_profiles)
def test_simulate_copes_with_any_markdown_soup(parts: list[str], seed: int, profile: str) -> None:
    text = "".join(parts)
    sim = simulate(text, seed=seed, profile=profile)
    assert sim.truth == text
    assert 1 <= len(sim.pieces) <= 12
    covered = [False] * len(text)
    for piece in sim.pieces:
        for i in range(piece.truth_start, piece.truth_end):
            covered[i] = True
        if not piece.drift and not piece.joined:
            copy = sim.draft[piece.draft_start : piece.draft_end]
            assert copy == text[piece.truth_start : piece.truth_end]
    assert all(c or text[i].isspace() for i, c in enumerate(covered))


def test_drift_never_touches_code_or_checksums() -> None:
    # Drift inside code or a checksum is a conflict the repair must keep (and report),
    # so the simulator, whose truth drops the drifted copy, never makes it: Markdown
    # `code`, reStructuredText ``literals``, indented code and words with digits alike.
    article = "\n\n".join(
        f"Paragraph {n} mentions ``@python/pep-editors`` and `make test-{n}` on GitHub.\n\n"
        f"    PEP: <pep number {n}>\n\nIts checksum is 6132840a859dbf2ac{n}, we think."
        for n in range(40)
    )
    literals = [
        (m.start(), m.end())
        for m in re.finditer(r"(`+)[^`\n]*?\1|    PEP: [^\n]*|6132840a\w*", article)
    ]
    for seed in range(10):
        for piece in simulate(article, seed=seed, profile="drift").pieces:
            for edit in piece.drift:
                assert not any(s <= edit.start < e for s, e in literals), edit
