"""Tests for the pytest plugin (``fragmerge.pytest_plugin``), run in throwaway projects.

Each test writes a small user test suite with ``pytester`` and runs it in a
subprocess-free inline session: the plugin is loaded through its ``pytest11``
entry point exactly as in a user's project. The repair itself is not under test
here (the draft is small and any repair will do); the update protocol is.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import sys
from pathlib import Path

import pytest

import fragmerge
import fragmerge.pytest_plugin
from fragmerge.pytest_plugin import DEFAULT_GOLDEN_DIR, provenance_json, sentence_diff

pytest_plugins = ["pytester"]

DRAFT = (
    "First sentence here. Second one is cut sho\n\n---END---\n\n"
    "Second one is cut short no more. Third.\n"
)

USER_TEST = f"""
DRAFT = {DRAFT!r}

def test_article(draft_regression):
    result = draft_regression.check(DRAFT)
    assert result.text
"""


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """Run the user's suite in-process; Hypothesis's plugin only slows these runs down."""
    return pytester.runpytest("-p", "no:hypothesispytest", *args)


def golden(pytester: pytest.Pytester, name: str = "test_article") -> tuple[Path, Path]:
    folder = pytester.path / DEFAULT_GOLDEN_DIR
    return folder / f"{name}.expected.txt", folder / f"{name}.provenance.json"


def test_plugin_is_registered_through_the_entry_point(pytester: pytest.Pytester) -> None:
    result = run(pytester, "--help")
    result.stdout.fnmatch_lines(["*--fragmerge-update*", "*fragmerge_golden_dir*"])


def test_missing_golden_is_written_and_the_test_fails(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*fragmerge: created golden file(s) for 'test_article'*",
            f"  {DEFAULT_GOLDEN_DIR}/test_article.expected.txt",
            f"  {DEFAULT_GOLDEN_DIR}/test_article.provenance.json",
            "*Review them, commit them, and run the test again.*",
            "*fragmerge golden files written*",
        ]
    )
    # pytrace=False: a clean message, no traceback into the plugin.
    assert "pytest_plugin.py" not in result.stdout.str()
    text_path, provenance_path = golden(pytester)
    repaired = fragmerge.fix(DRAFT)
    assert text_path.read_bytes() == repaired.text.encode("utf-8")
    assert provenance_path.read_text(encoding="utf-8") == provenance_json(repaired)
    entries = json.loads(provenance_path.read_text(encoding="utf-8"))
    assert len(entries) == len(repaired.provenance)
    assert set(entries[0]) == {"sentence", "kind", "fragment", "input", "output", "join", "text"}


def test_second_run_passes(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    run(pytester).assert_outcomes(failed=1)
    text_path, _ = golden(pytester)
    before = text_path.stat().st_mtime_ns
    result = run(pytester)
    result.assert_outcomes(passed=1)
    assert "golden files written" not in result.stdout.str()
    assert text_path.stat().st_mtime_ns == before


def test_mismatch_fails_with_a_sentence_level_diff(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    run(pytester).assert_outcomes(failed=1)
    text_path, _ = golden(pytester)
    repaired = fragmerge.fix(DRAFT).text
    assert "Third." in repaired
    text_path.write_text(repaired.replace("Third.", "A third sentence."), encoding="utf-8")
    result = run(pytester)
    result.assert_outcomes(failed=1)
    output = result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            "*the repaired text differs from*test_article.expected.txt (sentence-level diff)*",
            "-A third sentence.",
            "+Third.",
            "*accept it with `pytest --fragmerge-update`*",
        ]
    )
    # Sentence level: the unchanged sentences are context lines, one per line.
    assert " First sentence here." in output.splitlines()


def test_provenance_mismatch_is_reported(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    run(pytester).assert_outcomes(failed=1)
    _, provenance_path = golden(pytester)
    entries = provenance_path.read_text(encoding="utf-8")
    provenance_path.write_text(entries.replace('"fragment": 0', '"fragment": 7'), "utf-8")
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*the provenance map differs from*test_article.provenance.json*", '-*"fragment": 7*']
    )


def test_one_golden_missing_and_one_stale(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    run(pytester).assert_outcomes(failed=1)
    text_path, provenance_path = golden(pytester)
    text_path.write_text("Something else entirely.\n", encoding="utf-8")
    provenance_path.unlink()
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*created golden file(s) for 'test_article'*",
            f"  {DEFAULT_GOLDEN_DIR}/test_article.provenance.json",
            "*the repaired text differs from*",
            "-Something else entirely.",
            "*accept it with `pytest --fragmerge-update`*",
        ]
    )
    assert provenance_path.read_text(encoding="utf-8") == provenance_json(fragmerge.fix(DRAFT))


def test_update_flag_rewrites_goldens_and_passes(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    run(pytester).assert_outcomes(failed=1)
    text_path, provenance_path = golden(pytester)
    text_path.write_text("stale\n", encoding="utf-8")
    provenance_path.unlink()
    result = run(pytester, "--fragmerge-update")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*fragmerge golden files written*", "*test_article.*"])
    repaired = fragmerge.fix(DRAFT)
    assert text_path.read_text(encoding="utf-8") == repaired.text
    assert provenance_path.read_text(encoding="utf-8") == provenance_json(repaired)
    run(pytester).assert_outcomes(passed=1)


def test_update_flag_on_a_fresh_project_writes_and_passes(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TEST)
    run(pytester, "--fragmerge-update").assert_outcomes(passed=1)
    assert all(path.is_file() for path in golden(pytester))


def test_ini_option_sets_the_golden_folder(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nfragmerge_golden_dir = goldens/drafts\n")
    pytester.makepyfile(test_user=USER_TEST)
    run(pytester).assert_outcomes(failed=1)
    assert (pytester.path / "goldens" / "drafts" / "test_article.expected.txt").is_file()
    assert not (pytester.path / DEFAULT_GOLDEN_DIR).exists()
    run(pytester).assert_outcomes(passed=1)


def test_names_options_and_parametrised_tests(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_user=f"""
        import pytest
        import fragmerge

        DRAFT = {DRAFT!r}

        @pytest.mark.parametrize("case", ["a/b", "c"])
        def test_cases(draft_regression, case):
            draft_regression.check(DRAFT)
            draft_regression.check(DRAFT + "Extra.\\n")
            draft_regression.check(DRAFT, name="named " + case, options=fragmerge.Options(),
                                   min_score=90)

        def test_reused_name(draft_regression):
            draft_regression.check(DRAFT, name="same")
            draft_regression.check(DRAFT, name="same")
        """
    )
    result = run(pytester, "--fragmerge-update")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*name 'same' was already used in this test*"])
    names = sorted(p.name for p in (pytester.path / DEFAULT_GOLDEN_DIR).glob("*.expected.txt"))
    assert names == [
        "named_a_b.expected.txt",
        "named_c.expected.txt",
        "same.expected.txt",
        "test_cases_a_b-2.expected.txt",
        "test_cases_a_b.expected.txt",
        "test_cases_c-2.expected.txt",
        "test_cases_c.expected.txt",
    ]


@pytest.mark.skipif(
    importlib.util.find_spec("fragmerge.testing") is None, reason="fragmerge.testing is missing"
)
def test_simulate_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_user="""
        ARTICLE = (
            "# Title\\n\\nThe first paragraph says one thing. It says a second thing.\\n\\n"
            "The second paragraph goes on. It has more to say than the first.\\n"
        )

        def test_simulated(fragmerge_simulate):
            sim = fragmerge_simulate(ARTICLE, seed=7, profile="clean-restarts")
            assert sim.truth == ARTICLE
            assert sim.draft != ARTICLE
            assert fragmerge_simulate(ARTICLE, seed=7, profile="clean-restarts") == sim
        """
    )
    run(pytester).assert_outcomes(passed=1)


def test_plugin_module_imports_fragmerge_only_for_type_checking() -> None:
    """The module every pytest run loads keeps its top level to the stdlib and pytest."""
    source = Path(fragmerge.pytest_plugin.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    top_level: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            top_level.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            top_level.add(node.module.split(".")[0])
    assert top_level - set(sys.stdlib_module_names) == {"pytest"}
    # fragmerge itself is imported inside the fixtures, or for type checking only.
    guarded = [
        n for n in tree.body if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)
    ]
    assert guarded and all("fragmerge" in ast.unparse(n) for n in guarded)


def test_plugin_does_not_load_the_extras(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_user="""
        import sys

        def test_lazy():
            assert "fragmerge.pytest_plugin" in sys.modules
            assert "fragmerge.testing" not in sys.modules
            assert "fragmerge.report" not in sys.modules
        """
    )
    pytester.runpytest_subprocess().assert_outcomes(passed=1)


def test_sentence_diff_shows_paragraph_breaks_and_whitespace_changes() -> None:
    diff = sentence_diff(
        "One. Two.\n\nThree.\n", "One. Two. Three.\n", expected_name="a", actual_name="b"
    )
    assert "-¶" in diff.splitlines()
    whitespace = sentence_diff("One.  Two.\n", "One. Two.\n", expected_name="a", actual_name="b")
    assert "-'One.  Two.\\n'" in whitespace.splitlines()
    japanese = sentence_diff(
        "一つ目。二つ目。三つ目。", "一つ目。二つめ。三つ目。", expected_name="a", actual_name="b"
    )
    assert [line for line in japanese.splitlines() if line[:1] in "+-"][2:] == [
        "-二つ目。",
        "+二つめ。",
    ]


def test_docs_page_matches_the_plugin(pytester: pytest.Pytester) -> None:
    """docs/pytest-plugin.md quotes the plugin's options, default and messages verbatim."""
    doc_path = Path(__file__).resolve().parent.parent / "docs" / "pytest-plugin.md"
    if not doc_path.is_file():
        pytest.skip("docs/ is not beside the tests")
    doc = doc_path.read_text(encoding="utf-8")
    for quoted in (
        "`--fragmerge-update`",
        "`fragmerge_golden_dir`",
        f"`{DEFAULT_GOLDEN_DIR}`",
        "`draft_regression`",
        "`fragmerge_simulate`",
    ):
        assert quoted in doc, quoted
    pytester.makepyfile(test_user=USER_TEST)
    created = run(pytester).stdout.lines
    text_path, _ = golden(pytester)
    text_path.write_text(fragmerge.fix(DRAFT).text.replace("Third.", "A third."), "utf-8")
    mismatch = run(pytester).stdout.lines
    quoted_lines = [
        line
        for line in [*created, *mismatch]
        if line.startswith(("fragmerge:", "Review them", "If the new repair", "  tests/"))
    ]
    assert len(quoted_lines) >= 6
    for line in quoted_lines:
        assert line in doc, f"docs/pytest-plugin.md does not show: {line}"
