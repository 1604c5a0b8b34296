"""The ``fragmerge`` command line: every option, every exit code, every bad input.

Most tests run the typer app in-process with ``CliRunner``; one runs the
installed console script in a subprocess. A few replace ``fragmerge.fix`` with a
stub returning a chosen :class:`MergeResult` to reach CLI branches (low-confidence
joins, warnings, internal errors) independently of how well drafts are repaired.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import fragmerge
from fragmerge import cli
from fragmerge.cli import ExitCode, app
from fragmerge.models import Fragment, Join, MergeResult, Options

FIXTURES = Path(__file__).parent / "fixtures"
SEED_DRAFT = FIXTURES / "seed" / "draft.txt"
SEED_EXPECTED = FIXTURES / "seed" / "expected.txt"
CLEAN_EN = FIXTURES / "corpus" / "en-016.md"
CLEAN_JA = FIXTURES / "corpus" / "ja-008.md"
SMALL_DRAFT = "One. Two. Thr\n\n---END---\n\nTwo. Three. Four.\n"

runner = CliRunner()


def invoke(*args: str | os.PathLike[str], input: bytes | str | None = None, **kw: Any) -> Result:
    return runner.invoke(app, [os.fspath(a) for a in args], input=input, **kw)


def assert_one_line_error(result: Result, code: int, *needles: str) -> None:
    """The error contract: exactly one stderr line, prefixed, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("fragmerge error: "), lines[0]
    assert "; " in lines[0], "an error says what happened; what to do"
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert result.stdout == "", "errors never write data to stdout"


def copy(src: Path, tmp_path: Path, name: str | None = None) -> Path:
    dest = tmp_path / (name or src.name)
    shutil.copyfile(src, dest)
    dest.chmod(0o644)
    return dest


def stub_fix(
    monkeypatch: pytest.MonkeyPatch,
    *,
    text: str = "Repaired.\n",
    changed: bool = True,
    joins: tuple[Join, ...] = (),
    warnings: tuple[str, ...] = (),
    raises: BaseException | None = None,
) -> list[Options]:
    """Replace ``fragmerge.fix`` with a stub; return the list of Options it was called with."""
    seen: list[Options] = []

    def fake(draft: str, options: Options | None = None, **_: Any) -> MergeResult:
        seen.append(options or Options())
        if raises is not None:
            raise raises
        fragment = Fragment(
            index=0, start=0, end=len(draft), text=draft, separator_start=0, separator_end=0,
            boundary="start",
        )  # fmt: skip
        return MergeResult(
            text=text if changed else draft, changed=changed, fragments=(fragment,),
            overlaps=(), joins=joins, provenance=(), warnings=warnings,
        )  # fmt: skip

    monkeypatch.setattr(fragmerge, "fix", fake)
    return seen


# ----------------------------------------------------------------- top level


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"fragmerge {fragmerge.__version__}"


def test_help_lists_the_commands() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("fix", "explain", "split"):
        assert command in result.stdout


def test_unknown_option_is_a_usage_error() -> None:
    result = invoke("fix", "--no-such-option", SEED_DRAFT)
    assert result.exit_code == ExitCode.USAGE


def test_color_follows_tty_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli._color(Tty())  # type: ignore[arg-type]
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli._color(Tty())  # type: ignore[arg-type]
    monkeypatch.delenv("NO_COLOR")
    assert not cli._color(sys.stdout) or sys.stdout.isatty()


def test_no_ansi_escapes_in_messages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    result = invoke("fix", tmp_path / "missing.md")
    assert "\x1b[" not in result.stderr


# ----------------------------------------------------------------- fix: the repair


def test_fix_example_prints_the_expected_repair() -> None:
    result = invoke("fix", "--example")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.rstrip("\n") == SEED_EXPECTED.read_text("utf-8").rstrip("\n")


def test_fix_seed_file_prints_the_expected_repair() -> None:
    result = invoke("fix", SEED_DRAFT)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.rstrip("\n") == SEED_EXPECTED.read_text("utf-8").rstrip("\n")


def test_bundled_example_is_the_seed_draft() -> None:
    from fragmerge import _io

    example = _io.load_example()
    assert example.text == SEED_DRAFT.read_text("utf-8")
    assert example.path is None


def test_fix_reads_stdin_like_a_file() -> None:
    from_file = invoke("fix", SEED_DRAFT)
    from_stdin = invoke("fix", "-", input=SEED_DRAFT.read_bytes())
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert from_stdin.stdout_bytes == from_file.stdout_bytes


@pytest.mark.parametrize("article", [CLEAN_EN, CLEAN_JA], ids=lambda p: p.name)
def test_fix_clean_article_is_byte_identical(article: Path) -> None:
    result = invoke("fix", article)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == article.read_bytes()


def test_fix_without_input_is_a_usage_error() -> None:
    assert_one_line_error(invoke("fix"), ExitCode.USAGE, "--example")


def test_fix_path_and_example_together_is_a_usage_error() -> None:
    assert_one_line_error(invoke("fix", "--example", SEED_DRAFT), ExitCode.USAGE)


def test_fix_stdin_twice_is_a_usage_error() -> None:
    assert_one_line_error(invoke("fix", "--check", "-", "-", input="x"), ExitCode.USAGE)


# ----------------------------------------------------------------- -o / -i


def test_output_writes_file_and_nothing_to_stdout(tmp_path: Path) -> None:
    out = tmp_path / "article.md"
    result = invoke("fix", SEED_DRAFT, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text("utf-8") == fragmerge.fix(SEED_DRAFT.read_text("utf-8")).text


def test_output_dash_is_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "-o -" writes to stdout, as "-" reads stdin; no file named "-" appears
    monkeypatch.chdir(tmp_path)
    result = invoke("fix", SEED_DRAFT, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == fragmerge.fix(SEED_DRAFT.read_text("utf-8")).text
    assert not (tmp_path / "-").exists()


def test_output_equal_to_input_is_refused(tmp_path: Path) -> None:
    draft = copy(SEED_DRAFT, tmp_path)
    before = draft.read_bytes()
    assert_one_line_error(invoke("fix", draft, "-o", draft), ExitCode.USAGE, "--in-place")
    assert draft.read_bytes() == before


def test_output_to_unwritable_place_is_an_io_error(tmp_path: Path) -> None:
    result = invoke("fix", CLEAN_EN, "-o", tmp_path / "no" / "such" / "dir" / "out.md")
    assert_one_line_error(result, ExitCode.INPUT, "cannot write")


def test_in_place_repairs_the_file(tmp_path: Path) -> None:
    draft = copy(SEED_DRAFT, tmp_path)
    draft.chmod(0o640)
    result = invoke("fix", "-i", draft)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert draft.read_text("utf-8").rstrip("\n") == SEED_EXPECTED.read_text("utf-8").rstrip("\n")
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640, "permissions survive the atomic replace"
    assert sorted(p.name for p in tmp_path.iterdir()) == [draft.name], "no temp file left"
    assert "repaired" in result.stderr


def test_in_place_leaves_clean_file_untouched(tmp_path: Path) -> None:
    article = copy(CLEAN_EN, tmp_path)
    before = article.stat()
    result = invoke("fix", "--in-place", article)
    assert result.exit_code == 0, result.stderr
    after = article.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert article.read_bytes() == CLEAN_EN.read_bytes()


def test_in_place_on_stdin_is_refused() -> None:
    assert_one_line_error(invoke("fix", "-i", "-", input="x"), ExitCode.USAGE, "stdin")


def test_in_place_with_output_is_refused(tmp_path: Path) -> None:
    result = invoke("fix", "-i", SEED_DRAFT, "-o", tmp_path / "x.md")
    assert_one_line_error(result, ExitCode.USAGE)


def test_in_place_with_example_or_json_is_refused(tmp_path: Path) -> None:
    assert_one_line_error(invoke("fix", "-i", "--example"), ExitCode.USAGE)
    draft = copy(SEED_DRAFT, tmp_path)
    assert_one_line_error(invoke("fix", "-i", "--format", "json", draft), ExitCode.USAGE)


def test_in_place_on_read_only_file(tmp_path: Path) -> None:
    draft = copy(SEED_DRAFT, tmp_path)
    draft.chmod(0o444)
    if os.access(draft, os.W_OK):
        pytest.skip("running with privileges that ignore file permissions (root)")
    before = draft.read_bytes()
    result = invoke("fix", "-i", draft)
    assert_one_line_error(result, ExitCode.INPUT, "read-only")
    assert draft.read_bytes() == before


def test_in_place_read_only_refusal_without_relying_on_uid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root ignores permission bits, so simulate what os.access reports for a normal user.
    draft = copy(CLEAN_EN, tmp_path)
    stub_fix(monkeypatch, text="Repaired.\n")
    monkeypatch.setattr(
        "fragmerge._io.os.access", lambda path, mode: not (mode & os.W_OK)
    )  # fmt: skip
    result = invoke("fix", "-i", draft)
    assert_one_line_error(result, ExitCode.INPUT, "read-only")
    assert draft.read_bytes() == CLEAN_EN.read_bytes()


def test_several_paths_in_place(tmp_path: Path) -> None:
    first = copy(CLEAN_EN, tmp_path)
    second = copy(CLEAN_JA, tmp_path)
    result = invoke("fix", "-i", first, second)
    assert result.exit_code == 0, result.stderr
    assert first.read_bytes() == CLEAN_EN.read_bytes()
    assert second.read_bytes() == CLEAN_JA.read_bytes()


def test_several_paths_to_stdout_is_refused() -> None:
    assert_one_line_error(invoke("fix", CLEAN_EN, CLEAN_JA), ExitCode.USAGE, "several")


# ----------------------------------------------------------------- --check / --diff


def test_check_clean_exits_0_silently() -> None:
    result = invoke("fix", "--check", CLEAN_EN, CLEAN_JA)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""


def test_check_passes_on_every_clean_corpus_article() -> None:
    articles = sorted((FIXTURES / "corpus").glob("*.md"))
    assert {a.name[:2] for a in articles} >= {"en", "ja", "zh"}
    result = invoke("fix", "--check", *articles)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_check_fragmented_exits_1() -> None:
    result = invoke("fix", "--check", SEED_DRAFT)
    assert result.exit_code == ExitCode.CHANGED
    assert result.stdout == ""
    assert f"would repair {SEED_DRAFT}" in result.stderr


def test_check_any_changed_file_exits_1() -> None:
    result = invoke("fix", "--check", CLEAN_EN, SEED_DRAFT)
    assert result.exit_code == ExitCode.CHANGED


def test_check_quiet_prints_nothing() -> None:
    result = invoke("fix", "--check", "-q", SEED_DRAFT)
    assert result.exit_code == ExitCode.CHANGED
    assert result.stdout == "" and result.stderr == ""


def test_check_with_in_place_is_refused(tmp_path: Path) -> None:
    assert_one_line_error(invoke("fix", "--check", "-i", copy(SEED_DRAFT, tmp_path)), 2)


def test_diff_shows_the_repair() -> None:
    result = invoke("fix", "--diff", SEED_DRAFT)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"--- {SEED_DRAFT}\n+++ {SEED_DRAFT} (repaired)\n")
    removed = [ln for ln in result.stdout.splitlines() if ln.startswith("-") and "END" in ln]
    assert removed, "the marker lines are removed by the repair"


def test_diff_on_clean_input_is_empty() -> None:
    result = invoke("fix", "--diff", CLEAN_JA)
    assert result.exit_code == 0
    assert result.stdout == ""


def test_diff_and_check_combine() -> None:
    result = invoke("fix", "--diff", "--check", SEED_DRAFT)
    assert result.exit_code == ExitCode.CHANGED
    assert result.stdout.startswith("--- ")


def test_unified_diff_marks_missing_final_newline() -> None:
    out = cli._unified_diff("a\nb", "a\nc", "x")
    assert "\\ No newline at end of file" in out


# ----------------------------------------------------------------- --format / --provenance / --html


def test_format_json_is_the_merge_result() -> None:
    result = invoke("fix", "--format", "json", SEED_DRAFT)
    assert result.exit_code == 0, result.stderr
    parsed = MergeResult.model_validate_json(result.stdout)
    assert parsed == fragmerge.fix(SEED_DRAFT.read_text("utf-8"))


def test_format_json_with_check_is_refused() -> None:
    assert_one_line_error(invoke("fix", "--format", "json", "--check", SEED_DRAFT), 2)


def test_format_rejects_unknown_value() -> None:
    assert invoke("fix", "--format", "yaml", SEED_DRAFT).exit_code == ExitCode.USAGE


def test_provenance_file_replays_the_output(tmp_path: Path) -> None:
    prov = tmp_path / "prov.json"
    result = invoke("fix", SEED_DRAFT, "--provenance", prov)
    assert result.exit_code == 0, result.stderr
    document = json.loads(prov.read_text("utf-8"))
    draft = SEED_DRAFT.read_text("utf-8")
    rebuilt = "".join(
        e["join"] + draft[e["input_start"] : e["input_end"]] for e in document["provenance"]
    )
    assert rebuilt == result.stdout
    assert [f["index"] for f in document["fragments"]] == list(range(len(document["fragments"])))
    assert "redundant" in document


def test_provenance_reports_the_redundant_seed_fragments(tmp_path: Path) -> None:
    prov = tmp_path / "prov.json"
    assert invoke("fix", SEED_DRAFT, "--provenance", prov).exit_code == 0
    assert json.loads(prov.read_text("utf-8"))["redundant"] == [2, 3]


def test_html_report_is_written(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = invoke("fix", SEED_DRAFT, "--html", page, "-o", tmp_path / "out.md")
    assert result.exit_code == 0, result.stderr
    html = page.read_text("utf-8")
    assert "<html" in html.lower()
    assert "データセンター" in html


def test_html_without_report_module_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = cli.importlib.import_module

    def no_report(name: str, package: str | None = None) -> Any:
        if name == "fragmerge.report":
            raise ImportError("No module named 'fragmerge.report'")
        return real_import(name, package)

    monkeypatch.setattr(cli.importlib, "import_module", no_report)
    result = invoke("fix", CLEAN_EN, "--html", tmp_path / "r.html", "-o", tmp_path / "o.md")
    assert_one_line_error(result, ExitCode.INTERNAL, "HTML report")


# ----------------------------------------------------------------- --markers, --strict


def test_markers_add_a_custom_separator(tmp_path: Path) -> None:
    text = (
        "The first piece says one thing. It says a se\n\n@@ cut here @@\n\n"
        "It says a second thing. Then a third thing follows.\n"
    )
    draft = tmp_path / "custom.md"
    draft.write_text(text, "utf-8")
    without = invoke("split", draft, tmp_path / "a")
    with_marker = invoke("split", draft, tmp_path / "b", "--markers", r"@@ cut here @@")
    assert without.exit_code == with_marker.exit_code == 0
    pieces = sorted((tmp_path / "b").iterdir())
    assert len(pieces) == 2
    assert all("@@" not in p.read_text("utf-8") for p in pieces)
    # without the option the line is text (the restart after it is found implicitly)
    assert any("@@" in p.read_text("utf-8") for p in (tmp_path / "a").iterdir())


def test_markers_are_passed_to_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = stub_fix(monkeypatch, changed=False)
    result = invoke("fix", CLEAN_EN, "--markers", "^A$", "--markers", "^B$")
    assert result.exit_code == 0, result.stderr
    assert seen[0].extra_markers == ("^A$", "^B$")


def test_no_implicit_splits_at_markers_and_debris_only(tmp_path: Path) -> None:
    # a restart with no marker: repaired by default, left alone with --no-implicit
    cut = "The second paragraph goes on for a"
    text = (
        "The first paragraph sets the scene. It has two sentences.\n\n"
        f"{cut}\n\n{cut} while. Then it ends.\n"
    )
    draft = tmp_path / "unmarked.md"
    draft.write_text(text, "utf-8")
    default = invoke("fix", draft)
    assert default.exit_code == 0, default.stderr
    assert default.stdout.count(cut) == 1
    plain = invoke("fix", draft, "--no-implicit")
    assert plain.exit_code == 0, plain.stderr
    assert plain.stdout == text
    for command in (["explain", draft], ["split", draft, tmp_path / "pieces"]):
        assert invoke(*command, "--no-implicit").exit_code == 0


def test_no_implicit_is_passed_to_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = stub_fix(monkeypatch, changed=False)
    assert invoke("fix", CLEAN_EN).exit_code == 0
    assert invoke("fix", CLEAN_EN, "--no-implicit").exit_code == 0
    assert [o.implicit_restarts for o in seen] == [True, False]


def test_invalid_marker_regex_is_a_usage_error() -> None:
    assert_one_line_error(invoke("fix", CLEAN_EN, "--markers", "(unclosed"), 2, "--markers")


def low_join() -> Join:
    return Join(kind="kept", left=0, right=1, score=55.0, confidence=40.0)


def test_strict_fails_on_a_low_confidence_join(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = stub_fix(monkeypatch, joins=(low_join(),))
    result = invoke("fix", "--strict", CLEAN_EN)
    assert_one_line_error(result, ExitCode.CHANGED, "--min-confidence")
    assert seen[0].min_confidence == cli.STRICT_MIN_CONFIDENCE


def test_strict_honours_min_confidence(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = stub_fix(monkeypatch, changed=False)
    result = invoke("fix", "--strict", "--min-confidence", "75", CLEAN_EN)
    assert result.exit_code == 0, result.stderr
    assert seen[0].min_confidence == 75.0


def test_low_confidence_join_without_strict_is_only_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stub_fix(monkeypatch, joins=(low_join(),), warnings=("kept both copies of 0 and 1",))
    result = invoke("fix", "--min-confidence", "50", CLEAN_EN)
    assert result.exit_code == 0
    assert result.stdout == "Repaired.\n"
    assert "fragmerge warning:" in result.stderr


def test_strict_passes_on_a_clean_article() -> None:
    result = invoke("fix", "--strict", CLEAN_JA)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == CLEAN_JA.read_bytes()


def test_low_confidence_error_from_library_exits_1(monkeypatch: pytest.MonkeyPatch) -> None:
    stub_fix(monkeypatch, raises=fragmerge.LowConfidenceError("a join scored 12; review it"))
    assert_one_line_error(invoke("fix", "--strict", CLEAN_EN), ExitCode.CHANGED, "scored 12")


def test_options_error_from_library_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    stub_fix(monkeypatch, raises=fragmerge.OptionsError("bad pattern; fix it"))
    assert_one_line_error(invoke("fix", CLEAN_EN), ExitCode.USAGE, "bad pattern")


def test_min_confidence_out_of_range_is_a_usage_error() -> None:
    assert invoke("fix", "--min-confidence", "150", CLEAN_EN).exit_code == ExitCode.USAGE


# ----------------------------------------------------------------- -q / -v


def test_verbose_reports_fragments_joins_and_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    stub_fix(monkeypatch, warnings=("fragment 1 overlaps nothing",))
    result = invoke("fix", "-v", CLEAN_EN)
    assert result.exit_code == 0
    assert "1 fragments" in result.stderr
    assert "redundant fragments: none" in result.stderr
    assert "joins:" in result.stderr
    assert "1 warnings" in result.stderr
    assert result.stdout == "Repaired.\n"


def test_verbose_on_the_seed() -> None:
    result = invoke("fix", "-v", SEED_DRAFT)
    assert result.exit_code == 0
    assert "6 fragments" in result.stderr
    assert "redundant fragments: 2, 3" in result.stderr


def test_quiet_hides_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    stub_fix(monkeypatch, warnings=("fragment 1 overlaps nothing",))
    result = invoke("fix", "-q", CLEAN_EN)
    assert result.exit_code == 0
    assert result.stderr == ""
    loud = invoke("fix", CLEAN_EN)
    assert "fragment 1 overlaps nothing" in loud.stderr


def test_quiet_and_verbose_contradict() -> None:
    assert_one_line_error(invoke("fix", "-q", "-v", CLEAN_EN), ExitCode.USAGE)


# ----------------------------------------------------------------- bad input


def test_encoding_option_decodes_and_encodes(tmp_path: Path) -> None:
    text = "Un café sans sucre. Deux cafés, s'il vous plaît.\n"
    draft = tmp_path / "latin.txt"
    draft.write_bytes(text.encode("latin-1"))
    result = invoke("fix", "--encoding", "latin-1", draft)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == text.encode("latin-1")


def test_undecodable_input_is_an_input_error(tmp_path: Path) -> None:
    draft = tmp_path / "latin.txt"
    draft.write_bytes("Un café.\n".encode("latin-1"))
    assert_one_line_error(invoke("fix", draft), ExitCode.INPUT, "utf-8", "--encoding")


def test_utf16_input_with_the_right_encoding(tmp_path: Path) -> None:
    text = "これは一文です。もう一文です。\n"
    draft = tmp_path / "u16.txt"
    draft.write_bytes(text.encode("utf-16"))
    assert invoke("fix", draft).exit_code == ExitCode.INPUT
    result = invoke("fix", "--encoding", "utf-16", "--format", "json", draft)
    assert result.exit_code == 0, result.stderr
    assert MergeResult.model_validate_json(result.stdout).text.endswith("もう一文です。\n")


def test_unknown_encoding_is_a_usage_error() -> None:
    assert_one_line_error(invoke("fix", "--encoding", "klingon-8", CLEAN_EN), 2, "klingon-8")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"text with a NUL\x00 inside\n", "binary"),
        (b"", "empty"),
        (b" \n\t\n  \n", "whitespace"),
        (b"\xff\xfe\xfa broken", "not valid utf-8"),
    ],
    ids=["png", "nul", "empty", "whitespace", "undecodable"],
)
def test_bad_files_are_input_errors(tmp_path: Path, content: bytes, needle: str) -> None:
    draft = tmp_path / "bad.txt"
    draft.write_bytes(content)
    assert_one_line_error(invoke("fix", draft), ExitCode.INPUT, needle)
    assert_one_line_error(invoke("fix", "-", input=content), ExitCode.INPUT, needle)
    assert_one_line_error(invoke("explain", draft), ExitCode.INPUT, needle)


def test_missing_file_and_directory_are_input_errors(tmp_path: Path) -> None:
    assert_one_line_error(invoke("fix", tmp_path / "nope.md"), 3, "does not exist")
    assert_one_line_error(invoke("fix", tmp_path), ExitCode.INPUT, "directory")
    assert_one_line_error(invoke("split", tmp_path / "nope.md", tmp_path / "out"), 3)


def test_too_large_input_asks_to_raise_the_limit() -> None:
    assert_one_line_error(invoke("fix", "--max-bytes", "100", CLEAN_EN), 3, "--max-bytes")
    data = CLEAN_EN.read_bytes()
    result = invoke("fix", "--max-bytes", "100", "-", input=data)
    assert_one_line_error(result, ExitCode.INPUT, "--max-bytes")
    ok = invoke("fix", "--max-bytes", str(len(data)), CLEAN_EN)
    assert ok.exit_code == 0


def test_internal_error_is_one_line_with_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    stub_fix(monkeypatch, raises=RuntimeError("boom\nsecond line"))
    result = invoke("fix", CLEAN_EN)
    assert_one_line_error(result, ExitCode.INTERNAL, "internal error", "RuntimeError", "report")


# ----------------------------------------------------------------- explain / split


def test_explain_shows_every_section() -> None:
    result = invoke("explain", SEED_DRAFT)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for heading in ("Fragments", "Overlaps", "Joins", "Redundant fragments", "Warnings"):
        assert f"\n{heading}\n" in out
    fragments = fragmerge.segment(SEED_DRAFT.read_text("utf-8"))
    for fragment in fragments:
        assert f"{fragment.start}-{fragment.end}" in out


def test_explain_names_the_redundant_seed_fragments() -> None:
    out = invoke("explain", SEED_DRAFT).stdout
    section = out.split("\nRedundant fragments\n", 1)[1].split("\n", 1)[0]
    assert section == "2, 3"
    assert "restart" in out.split("\nJoins\n", 1)[1]


def test_explain_reads_stdin() -> None:
    result = invoke("explain", "-", input=SMALL_DRAFT)
    assert result.exit_code == 0, result.stderr
    assert "<stdin>" in result.stdout


def test_explain_tables_align_cjk() -> None:
    table = cli._table(["a", "b"], [["日本", "x"], ["ab", "y"]])
    rows = table.splitlines()
    x, y = rows[2].index("x"), rows[3].index("y")
    assert cli._cells(rows[2][:x]) == cli._cells(rows[3][:y])


def test_split_writes_one_file_per_fragment(tmp_path: Path) -> None:
    out = tmp_path / "pieces" / "nested"
    result = invoke("split", SEED_DRAFT, out)
    assert result.exit_code == 0, result.stderr
    fragments = fragmerge.segment(SEED_DRAFT.read_text("utf-8"))
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [f"fragment-{i:03d}.txt" for i in range(len(fragments))]
    assert [f.read_text("utf-8") for f in files] == [fr.text for fr in fragments]
    assert "wrote" in result.stderr and result.stdout == ""


def test_split_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    assert invoke("split", SEED_DRAFT, tmp_path).exit_code == 0
    (tmp_path / "fragment-000.txt").write_text("edited", "utf-8")
    assert_one_line_error(invoke("split", SEED_DRAFT, tmp_path), ExitCode.USAGE, "--force")
    assert (tmp_path / "fragment-000.txt").read_text("utf-8") == "edited"
    assert invoke("split", "--force", SEED_DRAFT, tmp_path).exit_code == 0
    assert (tmp_path / "fragment-000.txt").read_text("utf-8") != "edited"


def test_split_quiet(tmp_path: Path) -> None:
    result = invoke("split", "-q", SEED_DRAFT, tmp_path)
    assert result.exit_code == 0 and result.stderr == ""


# ----------------------------------------------------------------- the installed script


def _script() -> str | None:
    beside = Path(sys.executable).with_name("fragmerge")
    return str(beside) if beside.exists() else shutil.which("fragmerge")


def test_installed_console_script(tmp_path: Path) -> None:
    script = _script()
    if script is None:
        pytest.skip("the fragmerge console script is not installed in this environment")
    env = {**os.environ, "NO_COLOR": "1"}
    version = subprocess.run([script, "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0
    assert version.stdout.strip().startswith("fragmerge ")
    clean = subprocess.run(
        [script, "fix", "-"], input=CLEAN_JA.read_bytes(), capture_output=True, env=env
    )
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout == CLEAN_JA.read_bytes()
    missing = subprocess.run(
        [script, "fix", str(tmp_path / "missing.md")], capture_output=True, text=True, env=env
    )
    assert missing.returncode == ExitCode.INPUT
    assert missing.stderr.startswith("fragmerge error: ")
    assert missing.stderr.count("\n") == 1


def test_new_output_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / "new.md"
        assert invoke("fix", CLEAN_EN, "-o", out).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
