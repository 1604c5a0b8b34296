"""The benchmark baselines and metrics do what docs/benchmarks.md says (no timings asserted)."""

from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import fragmerge
from fragmerge.testing import simulate

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if not (BENCHMARKS / "baselines.py").is_file():  # pragma: no cover - tests outside the tree
    pytest.skip("benchmarks/ is not beside the tests", allow_module_level=True)


def _load(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


baselines = _load("baselines")
accuracy = _load("accuracy")

ARTICLE = (
    "# Title\n\nThe first paragraph has a sentence. It has another one too.\n\n"
    "The second paragraph is here. It also goes on for a while.\n\n"
    "The third paragraph closes the article. Nothing follows it.\n"
)


def _transformers_reference(left: list[str], right: list[str]) -> tuple[int, int, int, int]:
    """transformers' _find_longest_common_sequence inner search, slice by slice."""
    left_length, right_length = len(left), len(right)
    best = 0.0
    best_indices = (left_length, left_length, 0, 0)
    for i in range(1, left_length + right_length):
        eps = i / 10000.0
        left_start = max(0, left_length - i)
        left_stop = min(left_length, left_length + right_length - i)
        right_start = max(0, i - left_length)
        right_stop = min(right_length, i)
        pairs = zip(left[left_start:left_stop], right[right_start:right_stop], strict=True)
        matches = sum(a == b for a, b in pairs)
        matching = matches / i + eps
        if matches > 1 and matching > best:
            best = matching
            best_indices = (left_start, left_stop, right_start, right_stop)
    return best_indices


@given(
    left=st.lists(st.sampled_from("abcd"), max_size=14),
    right=st.lists(st.sampled_from("abcd"), max_size=14),
)
def test_lcs_alignment_equals_the_transformers_search(left: list[str], right: list[str]) -> None:
    assert baselines._best_alignment(left, right) == _transformers_reference(left, right)


@pytest.mark.parametrize("name", sorted(baselines.BASELINES))
def test_baselines_leave_a_text_without_markers_or_repeats_unchanged(name: str) -> None:
    assert baselines.BASELINES[name](ARTICLE) == ARTICLE


def test_split_pieces_uses_whole_marker_lines() -> None:
    assert baselines.split_pieces("no markers here\n") is None
    draft = "One. Tw\n\n---END---\n\nTwo. Three.\n\n<|endoftext|>\n\nFour.\n"
    assert baselines.split_pieces(draft) == ["One. Tw", "Two. Three.", "Four.\n"]
    assert baselines.strip_markers(draft) == "One. Tw\n\nTwo. Three.\n\nFour.\n"


def test_merging_baselines_repair_a_simple_restart() -> None:
    draft = (
        "The first paragraph has a sentence. It has another one too.\n\nThe second paragraph is h"
        "\n\n---END---\n\n"
        "The second paragraph is here. It also goes on for a while.\n"
    )
    truth = (
        "The first paragraph has a sentence. It has another one too.\n\n"
        "The second paragraph is here. It also goes on for a while.\n"
    )
    for name in ("difflib", "lcs-merge"):
        assert accuracy.compact(baselines.BASELINES[name](draft)) == accuracy.compact(truth), name
    assert baselines.dedup_paragraphs("A.\n\nB.\n\nA.\n") == "A.\n\nB.\n\n"


def test_metrics_score_the_truth_as_perfect_and_the_draft_as_not() -> None:
    sim = simulate(ARTICLE, seed=4, profile="clean-restarts")
    perfect = accuracy.score(ARTICLE, ARTICLE, 1.0)
    assert (perfect.exact, perfect.similarity, perfect.lost, perfect.duplicated) == (1, 1.0, 0, 0)
    assert perfect.f1 == 1.0 and perfect.changed == 0
    raw = accuracy.score(sim.draft, ARTICLE, 1.0)
    assert raw.exact == 0 and raw.similarity < 1.0 and raw.duplicated > 0 and raw.changed == 1
    failed = accuracy.score(None, ARTICLE, 0.0)
    assert failed.failures == 1 and failed.lost == failed.truth_sentences and not failed.ms


def test_paragraph_break_metric_keys_breaks_by_their_context() -> None:
    truth = accuracy.paragraph_breaks("One sentence.\n\nTwo sentence.\n\nThree.\n")
    joined = accuracy.paragraph_breaks("One sentence. Two sentence.\n\nThree.\n")
    assert sum(truth.values()) == 2 and sum(joined.values()) == 1
    assert sum((truth & joined).values()) == 1


def test_lost_and_duplicated_sentences_are_multiset_differences() -> None:
    truth = "Alpha sentence here. Beta sentence here.\n"
    result = accuracy.score("Alpha sentence here. Alpha sentence here.\n", truth, 1.0)
    assert result.lost == 1 and result.duplicated == 1


def test_accuracy_skips_cleanly_without_shared_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FRAGMERGE_SHARED", str(tmp_path / "absent"))
    assert accuracy.main([]) == 0
    assert "skipping" in capsys.readouterr().out


def test_accuracy_runs_end_to_end_on_a_tiny_corpus(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "shared" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "en-001.md").write_text(ARTICLE, encoding="utf-8")
    (corpus / "SOURCES.md").write_text("not an article\n", encoding="utf-8")
    monkeypatch.setenv("FRAGMERGE_SHARED", str(tmp_path / "shared"))
    out = tmp_path / "results"
    args = ["--seeds", "2", "--profiles", "clean-restarts", "--jobs", "1", "--out", str(out)]
    assert accuracy.main(args) == 0
    report = capsys.readouterr().out
    assert "## Profile `clean-restarts` (2 drafts)" in report
    assert "## Clean articles passed through unchanged (1 articles)" in report
    for name in ["fragmerge", *baselines.BASELINES]:
        assert f"| {name} |" in report
    (written,) = out.glob("accuracy-*.md")
    assert written.read_text(encoding="utf-8").strip() == report.strip()


def test_run_method_counts_an_exception_as_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> str:
        raise RuntimeError("boom")

    monkeypatch.setitem(accuracy.METHODS, "broken", broken)
    output, _ = accuracy.run_method("broken", ARTICLE)
    assert output is None


def test_scale_builds_drafts_of_the_requested_size() -> None:
    scale = _load("scale")
    articles = [ARTICLE, "---\ntitle: x\n---\n\n" + ARTICLE.replace("Title", "Other")]
    truth = scale.build_truth(articles, 40_000)
    assert len(truth.encode()) >= 40_000
    assert truth.count("title: x") == 0  # front matter only on the very first article
    draft = scale.build_draft(truth)
    assert draft.count("\n---END---\n") >= 4  # a piece every 2-8 KB
    assert scale.parse_size("100K") == 100_000 and scale.parse_size("5M") == 5_000_000
    random.seed(0)  # build_draft must not depend on the global random state
    assert scale.build_draft(truth) == draft


class TestSplitterComparison:
    """benchmarks/splitters.py: the pieces that do not need sentencex."""

    splitters = _load("splitters")

    def test_prose_paragraphs_leave_out_markdown_blocks_and_fences(self) -> None:
        article = (
            "---\ntitle: t\n---\n# Heading\n\nA sentence. Another one.\n\n"
            "- a list item.\n\n```\ncode. more code.\n```\n\n> A quote.\n\nLast one here.\n"
        )
        assert self.splitters.prose_paragraphs(article) == [
            "A sentence. Another one.",
            "Last one here.",
        ]

    def test_boundary_f1(self) -> None:
        f1 = self.splitters.f1
        assert f1({10, 20}, {10, 20}) == 1.0
        assert f1({10, 20}, {10}) == pytest.approx(2 / 3)
        assert f1(set(), set()) == 1.0
        assert f1({1}, {2}) == 0.0

    def test_labelled_cases_score_fragmerge_rules(self) -> None:
        right, total = self.splitters.labelled_score(self.splitters.fragmerge_spans, "ja")
        assert total == len(self.splitters.LABELLED["ja"]) and 0 <= right <= total


def test_clean_docs_counts_changed_files_and_dropped_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean_docs = _load("clean_docs")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "clean.md").write_text(ARTICLE, encoding="utf-8")
    # a draft with a marker: the marker line is dropped, so the file counts as changed
    cut = "The second paragraph is here. It also"
    draft = ARTICLE.replace("The third", f"{cut}\n\n---END---\n\nThe third", 1)
    (docs / "draft.md").write_text(draft, encoding="utf-8")
    assert clean_docs.main(["--roots", str(docs), "--out", str(tmp_path / "out")]) == 0
    report = capsys.readouterr().out
    assert "| default | 1 / 2 | 50.0 | 0 | 1 |" in report
    assert "| implicit_restarts=False | 1 / 2 | 50.0 | 0 | 1 |" in report
    assert list((tmp_path / "out").glob("clean-docs-*.md"))


def test_marked_repetition_makes_one_draft_per_break_and_reports_every_fixture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marked = _load("marked_repetition")
    drafts = marked.marked_drafts("A.\n\nB.\n\nC.\n")
    assert drafts == ["A.\n\n---END---\n\nB.\n\nC.\n", "A.\n\nB.\n\n---END---\n\nC.\n"]
    # each draft repairs back to the text: a marker between paragraphs restates nothing
    assert all(fragmerge.fix_text(d) == "A.\n\nB.\n\nC.\n" for d in drafts)
    assert marked.main(["--out", str(tmp_path)]) == 0
    report = capsys.readouterr().out
    fixtures = sorted(p.name for p in marked.FIXTURES.glob("*.md") if p.name != "README.md")
    assert fixtures and all(f"| {name} |" in report for name in fixtures)
    assert "| **total** |" in report
    assert list(tmp_path.glob("marked-repetition-*.md"))
