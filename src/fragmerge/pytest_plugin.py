"""The fragmerge pytest plugin: golden-file regression tests for draft repairs.

Installed with fragmerge and registered through the ``pytest11`` entry point, so
any project that has fragmerge installed can use its fixtures without
configuration::

    def test_weekly_post(draft_regression):
        draft = open("drafts/weekly.txt", encoding="utf-8").read()
        draft_regression.check(draft)

``draft_regression.check`` repairs the draft with :func:`fragmerge.fix` and
compares the repaired text and a JSON rendering of its provenance map with two
golden files, ``<name>.expected.txt`` and ``<name>.provenance.json``, in the
folder named by the ini option ``fragmerge_golden_dir`` (default
``tests/fixtures/fragmerge``, relative to the rootdir). The update protocol is
the one of syrupy and pytest-regressions:

* a golden file is missing: it is written and the test **fails**, saying so
  (review the file, commit it, run again);
* the repair differs from the golden: the test fails with a sentence-level
  diff of the text (or a line-per-entry diff of the provenance);
* ``pytest --fragmerge-update``: goldens are rewritten and the test passes.

``fragmerge_simulate`` hands out :func:`fragmerge.testing.simulate`, which
fragments a clean text the way an LLM pipeline would.

This module is imported by every pytest run in an environment with fragmerge
installed, so it keeps its top level to the standard library and pytest; the
repair code and the simulator are imported inside the fixtures, when a test
asks for them. (Importing this module runs ``fragmerge/__init__.py``, which is
only as light as that file keeps itself.)
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from fragmerge.models import MergeResult, Options, ProvenanceEntry
    from fragmerge.testing import SimulatedDraft

__all__ = [
    "DEFAULT_GOLDEN_DIR",
    "DraftRegression",
    "draft_regression",
    "fragmerge_simulate",
    "provenance_json",
    "sentence_diff",
    "split_sentences",
]

#: Where golden files live unless the ini option ``fragmerge_golden_dir`` says otherwise.
DEFAULT_GOLDEN_DIR = "tests/fixtures/fragmerge"

_UPDATE_OPTION = "--fragmerge-update"
_LOG_NAME = "fragmerge-golden-log"

# A sentence ends after Latin terminators followed by whitespace, or right after
# CJK terminators (Japanese and Chinese do not put a space after them); closing
# quotes and brackets stay with the sentence they close, and a CJK quote goes on
# with its sentence (「行く。」と言った。 is one unit).
_CLOSERS = "\"'”’)\\]」』）"
_SENTENCE_END = re.compile(
    rf"(?:(?<=[.!?…。！？])|(?<=[.!?…。！？][{_CLOSERS}]))\s+"
    rf"|(?<=[。！？])(?![{_CLOSERS}\s])"
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_UNSAFE_NAME_CHARS = re.compile(r"[^\w.-]+")


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register ``--fragmerge-update`` and the ``fragmerge_golden_dir`` ini option."""
    group = parser.getgroup("fragmerge", "fragmerge golden-file regression tests")
    group.addoption(
        _UPDATE_OPTION,
        action="store_true",
        default=False,
        dest="fragmerge_update",
        help="rewrite fragmerge golden files (expected text and provenance) instead "
        "of comparing with them",
    )
    parser.addini(
        "fragmerge_golden_dir",
        help="folder of fragmerge golden files, relative to the rootdir "
        f"(default: {DEFAULT_GOLDEN_DIR})",
        default=DEFAULT_GOLDEN_DIR,
    )


class _GoldenLog:
    """The golden files written during a run, listed at its end so none goes unreviewed.

    Registered per run as a plugin object (rather than kept in ``config.stash``)
    so the plugin also loads under old pytest versions: this module is imported
    by every pytest run in an environment with fragmerge installed.
    """

    def __init__(self) -> None:
        self.written: list[str] = []

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.written:
            return
        terminalreporter.section("fragmerge golden files written")
        for path in self.written:
            terminalreporter.write_line(path)


def pytest_configure(config: pytest.Config) -> None:
    """Start the run's log of written golden files."""
    config.pluginmanager.register(_GoldenLog(), _LOG_NAME)


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into the units a sentence-level diff compares.

    Paragraphs are split on blank lines, then on line breaks (list items,
    headings), then after sentence terminators, Latin and CJK alike. An empty
    string stands for each paragraph break, so a lost or added break shows up
    in the diff.

    >>> split_sentences("One. Two!\\n\\n三つ。四つ？")
    ['One.', 'Two!', '', '三つ。', '四つ？']
    """
    units: list[str] = []
    for number, paragraph in enumerate(_PARAGRAPH_BREAK.split(text.strip())):
        if number:
            units.append("")
        for line in paragraph.splitlines():
            units.extend(part for part in _SENTENCE_END.split(line.strip()) if part)
    return units


def sentence_diff(expected: str, actual: str, *, expected_name: str, actual_name: str) -> str:
    """Return a unified diff of two texts, one sentence per diff line.

    Paragraph breaks appear as ``¶``. When the texts differ only in whitespace
    the sentence lists are equal; the diff then compares ``repr`` lines instead.

    >>> print(sentence_diff("A. B. C.", "A. B2. C.", expected_name="gold", actual_name="new"))
    --- gold
    +++ new
    @@ -1,3 +1,3 @@
     A.
    -B.
    +B2.
     C.
    """
    before = [unit or "¶" for unit in split_sentences(expected)]
    after = [unit or "¶" for unit in split_sentences(actual)]
    if before == after:
        before = [repr(line) for line in expected.splitlines(keepends=True)]
        after = [repr(line) for line in actual.splitlines(keepends=True)]
    return "\n".join(difflib.unified_diff(before, after, expected_name, actual_name, lineterm=""))


def provenance_json(result: MergeResult) -> str:
    """Render ``result.provenance`` as stable, reviewable JSON: one entry per line.

    Each entry keeps what a reviewer checks (which fragment supplied which
    output span, from where in the input) and the output text itself; scores
    are left out so that tuning a scorer does not churn every golden file.

    >>> from fragmerge.models import MergeResult, ProvenanceEntry
    >>> entry = ProvenanceEntry(sentence=0, kind="sentence", output_start=0, output_end=3,
    ...                         fragment=0, input_start=0, input_end=3)
    >>> result = MergeResult(text="Hi.", changed=False, fragments=(), overlaps=(),
    ...                      provenance=(entry,))
    >>> print(provenance_json(result).splitlines()[1][:61])
      {"sentence": 0, "kind": "sentence", "fragment": 0, "input":
    >>> json.loads(provenance_json(result))[0]["text"]
    'Hi.'
    """
    lines = [
        json.dumps(_provenance_record(result.text, entry), ensure_ascii=False)
        for entry in result.provenance
    ]
    if not lines:
        return "[]\n"
    return "[\n  " + ",\n  ".join(lines) + "\n]\n"


def _provenance_record(text: str, entry: ProvenanceEntry) -> dict[str, Any]:
    return {
        "sentence": entry.sentence,
        "kind": entry.kind,
        "fragment": entry.fragment,
        "input": [entry.input_start, entry.input_end],
        "output": [entry.output_start, entry.output_end],
        "join": entry.join,
        "text": text[entry.output_start : entry.output_end],
    }


def _sanitise(name: str) -> str:
    cleaned = _UNSAFE_NAME_CHARS.sub("_", name).strip("._")
    return cleaned or "draft"


@dataclass
class DraftRegression:
    """Compare fragmerge repairs with golden files; handed out by ``draft_regression``.

    ``golden_dir`` is where the files live, ``default_name`` the stem used when
    :meth:`check` gets no ``name`` (the test's name), ``update`` whether to
    rewrite goldens instead of comparing; messages show paths relative to
    ``rootdir``.
    """

    golden_dir: Path
    default_name: str
    update: bool = False
    rootdir: Path | None = None
    written: list[str] = field(default_factory=list)
    _used_names: set[str] = field(default_factory=set, repr=False)

    def check(
        self,
        draft: str,
        *,
        name: str | None = None,
        options: Options | None = None,
        **overrides: Any,
    ) -> MergeResult:
        """Repair ``draft`` and compare text and provenance with the golden files.

        ``options`` and keyword ``overrides`` go to :func:`fragmerge.fix`
        (``check(draft, min_score=90)``). Calling ``check`` several times in one
        test without a ``name`` numbers the later goldens (``test_x-2``, ...).
        Returns the :class:`~fragmerge.MergeResult` for further assertions.
        """
        from fragmerge import fix  # lazily: keep plain pytest runs light

        stem = self._stem(name)
        result = fix(draft, options, **overrides)
        text_path = self.golden_dir / f"{stem}.expected.txt"
        provenance_path = self.golden_dir / f"{stem}.provenance.json"
        actual = {text_path: result.text, provenance_path: provenance_json(result)}

        if self.update:
            for path, content in actual.items():
                if _read(path) != content:
                    self._write(path, content)
            return result

        created = [path for path, content in actual.items() if _read(path) is None]
        for path in created:
            self._write(path, actual[path])
        problems: list[str] = []
        if created:
            listing = "\n".join(f"  {self._show(path)}" for path in created)
            problems.append(
                f"fragmerge: created golden file(s) for {stem!r}:\n{listing}\n"
                "Review them, commit them, and run the test again."
            )
        mismatched = False
        for path, describe in ((text_path, _text_problem), (provenance_path, _json_problem)):
            golden = _read(path)
            if golden is not None and golden != actual[path]:
                problems.append(describe(self._show(path), golden, actual[path]))
                mismatched = True
        if mismatched:
            problems.append(
                f"If the new repair is right, accept it with `pytest {_UPDATE_OPTION}`."
            )
        if problems:
            pytest.fail("\n\n".join(problems), pytrace=False)
        return result

    def _stem(self, name: str | None) -> str:
        if name is not None:
            stem = _sanitise(name)
            if stem in self._used_names:
                pytest.fail(
                    f"draft_regression.check: name {name!r} was already used in this test; "
                    "give each check its own name.",
                    pytrace=False,
                )
        else:
            base = _sanitise(self.default_name)
            stem, number = base, 1
            while stem in self._used_names:
                number += 1
                stem = f"{base}-{number}"
        self._used_names.add(stem)
        return stem

    def _show(self, path: Path) -> str:
        if self.rootdir is not None and path.is_relative_to(self.rootdir):
            return path.relative_to(self.rootdir).as_posix()
        return str(path)

    def _write(self, path: Path, content: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # newline="" keeps the repaired text byte for byte (no \r\n translation).
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        self.written.append(self._show(path))


def _read(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def _text_problem(path: str, golden: str, actual: str) -> str:
    diff = sentence_diff(golden, actual, expected_name=path, actual_name="repaired text")
    return f"fragmerge: the repaired text differs from {path} (sentence-level diff):\n{diff}"


def _json_problem(path: str, golden: str, actual: str) -> str:
    diff = "\n".join(
        difflib.unified_diff(
            golden.splitlines(),
            actual.splitlines(),
            path,
            "provenance",
            lineterm="",
        )
    )
    return f"fragmerge: the provenance map differs from {path}:\n{diff}"


@pytest.fixture
def draft_regression(request: pytest.FixtureRequest) -> DraftRegression:
    """Golden-file regression checks for fragmerge repairs; see :class:`DraftRegression`."""
    config = request.config
    golden_dir = config.rootpath / str(config.getini("fragmerge_golden_dir"))
    log = config.pluginmanager.get_plugin(_LOG_NAME)
    return DraftRegression(
        golden_dir=golden_dir,
        default_name=request.node.name,
        update=bool(config.getoption("fragmerge_update")),
        rootdir=config.rootpath,
        written=log.written if isinstance(log, _GoldenLog) else [],
    )


@pytest.fixture
def fragmerge_simulate() -> Callable[..., SimulatedDraft]:
    """:func:`fragmerge.testing.simulate`: fragment a clean text like an LLM pipeline would.

    ``fragmerge_simulate(text, seed=1, profile=...)`` returns a draft with
    ``.draft`` (the fragmented text) and ``.truth`` (what a repair should give).
    """
    from fragmerge.testing import simulate  # lazily: keep plain pytest runs light

    return simulate
