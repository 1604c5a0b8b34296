"""The ``fragmerge`` command line (typer).

Commands::

    fragmerge fix [PATH ...]      repair drafts ('-' = stdin); --example repairs the bundled one
    fragmerge explain PATH        fragments, overlaps, joins, redundant pieces, warnings
    fragmerge split PATH DIR      write the fragments as DIR/fragment-000.txt, ...
    fragmerge --version

Stdout carries data only (the repair, JSON, a diff, a table); status lines,
warnings and errors go to stderr. Every error is one line,
``fragmerge error: <what happened>; <what to do>``, never a traceback.

Exit codes:

==  ==========================================================================
0   success (``--check``: nothing to repair)
1   ``--check``: a draft would change; ``--strict``: a low-confidence join
2   usage error (bad or conflicting options, refusing to overwrite a file)
3   input/output error (missing, unreadable, undecodable, binary, empty or
    too large input; an output that cannot be written)
4   internal error (a bug: please report it with the input that caused it)
==  ==========================================================================
"""

from __future__ import annotations

import contextlib
import difflib
import enum
import importlib
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any, NoReturn, TextIO

import regex
import typer
from pydantic import ValidationError

import fragmerge
from fragmerge import _io
from fragmerge.errors import InputError, LowConfidenceError, OptionsError
from fragmerge.models import MergeResult, Options

__all__ = ["ExitCode", "app", "main"]

#: ``--min-confidence`` used by ``--strict`` when none is given.
STRICT_MIN_CONFIDENCE = 60.0


class ExitCode(enum.IntEnum):
    """Process exit status of ``fragmerge`` (documented in docs/cli.md)."""

    OK = 0
    CHANGED = 1
    USAGE = 2
    INPUT = 3
    INTERNAL = 4


class OutputFormat(str, enum.Enum):
    """What ``fragmerge fix`` prints: the repaired text or the whole MergeResult as JSON."""

    text = "text"
    json = "json"


class _Failure(Exception):
    """An error the CLI reports as one line and an exit code."""

    def __init__(self, code: ExitCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


app = typer.Typer(
    name="fragmerge",
    help="Repair fragmented LLM article drafts into one article, with a provenance map.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help and usage errors: no rich import (fast start-up), no ANSI codes at all.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# --------------------------------------------------------------------------- output


def _color(stream: TextIO) -> bool:
    """Colour only on a terminal and only when NO_COLOR is unset (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _stderr_line(prefix: str, message: str, fg: str) -> None:
    stderr = sys.stderr
    if _color(stderr):
        prefix = typer.style(prefix, fg=fg, bold=True)
    typer.echo(f"{prefix} {message}", err=True, color=_color(stderr))


def _error(message: str) -> None:
    # One line, always: library messages may carry newlines (an offending regex, a path).
    _stderr_line("fragmerge error:", " ".join(message.split()), "red")


class _Reporter:
    """Status and warnings on stderr, filtered by -q/-v."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet = quiet
        self.verbose = verbose

    def warn(self, message: str) -> None:
        if not self.quiet:
            _stderr_line("fragmerge warning:", message, "yellow")

    def note(self, message: str) -> None:
        """A line shown unless -q (e.g. "repaired a.md")."""
        if not self.quiet:
            typer.echo(message, err=True)

    def status(self, message: str) -> None:
        """A line shown only with -v."""
        if self.verbose and not self.quiet:
            typer.echo(message, err=True)


def _write_stdout(data: bytes) -> None:
    stream = typer.get_binary_stream("stdout")
    stream.write(data)
    stream.flush()


@contextlib.contextmanager
def _guard() -> Iterator[None]:
    """Turn every failure inside a command into one stderr line and an exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except _Failure as failure:
        _error(failure.message)
        raise typer.Exit(failure.code) from None
    except InputError as exc:
        _error(str(exc))
        raise typer.Exit(ExitCode.INPUT) from None
    except OptionsError as exc:
        _error(str(exc))
        raise typer.Exit(ExitCode.USAGE) from None
    except LowConfidenceError as exc:
        _error(str(exc))
        raise typer.Exit(ExitCode.CHANGED) from None
    except BrokenPipeError:
        raise  # the reader went away (`fragmerge fix a.md | head`); click exits quietly
    except KeyboardInterrupt:
        _error("interrupted; files are replaced atomically, so none is half-written")
        raise typer.Exit(130) from None
    except Exception as exc:
        detail = str(exc)[:200]
        _error(
            f"internal error ({type(exc).__name__}: {detail}); this is a bug, please report it "
            f"with the input that caused it (fragmerge {fragmerge.__version__})"
        )
        raise typer.Exit(ExitCode.INTERNAL) from None


# --------------------------------------------------------------------------- inputs


def _encoding(encoding: str) -> str:
    try:
        return _io.check_encoding(encoding)
    except LookupError:
        raise _Failure(
            ExitCode.USAGE, f"unknown encoding {encoding!r}; pass a Python codec name like utf-8"
        ) from None


def _options(
    markers: Sequence[str] | None, min_confidence: float | None, *, implicit: bool = True
) -> Options:
    """Build the Options the CLI flags ask for, with one-line errors for bad values."""
    extra = tuple(markers or ())
    for pattern in extra:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise _Failure(
                ExitCode.USAGE,
                f"--markers {pattern!r} is not a valid regular expression ({exc}); fix the pattern",
            ) from None
    fields: dict[str, Any] = {"extra_markers": extra, "implicit_restarts": implicit}
    if min_confidence is not None:
        fields["min_confidence"] = min_confidence
    try:
        return Options(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise _Failure(
            ExitCode.USAGE, f"invalid option ({first['msg']}); see fragmerge fix --help"
        ) from None


def _read(source: str, *, encoding: str, max_bytes: int) -> _io.Draft:
    stdin = typer.get_binary_stream("stdin") if source == _io.STDIN else None
    return _io.read_draft(source, encoding=encoding, max_bytes=max_bytes, stdin=stdin)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def _write_file(path: Path, data: bytes) -> None:
    try:
        _io.atomic_write(path, data)
    except PermissionError:
        raise _Failure(
            ExitCode.INPUT,
            f"cannot write {path}: permission denied (read-only file or directory); "
            "make it writable or write elsewhere with -o",
        ) from None
    except OSError as exc:
        raise _Failure(
            ExitCode.INPUT, f"cannot write {path} ({exc.strerror or exc}); check the path"
        ) from None


# --------------------------------------------------------------------------- describing


def _span(start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return "-"
    return f"{start}-{end}"


def _describe_joins(result: MergeResult) -> str:
    parts = []
    for join in result.joins:
        left = "start" if join.left is None else str(join.left)
        parts.append(f"{join.kind} {left}→{join.right} ({join.score:.0f})")
    return ", ".join(parts) or "none"


def _status_lines(name: str, result: MergeResult) -> list[str]:
    redundant = ", ".join(map(str, result.redundant)) or "none"
    return [
        f"{name}: {len(result.fragments)} fragments, {len(result.overlaps)} overlaps",
        f"{name}: redundant fragments: {redundant}",
        f"{name}: joins: {_describe_joins(result)}",
        f"{name}: {len(result.warnings)} warnings, confidence {result.confidence:.0f}",
        f"{name}: {'changed' if result.changed else 'nothing to repair'}",
    ]


def _low_confidence(result: MergeResult, name: str, min_confidence: float) -> str | None:
    for join in result.joins:
        if join.kind == "kept":
            return (
                f"{name}: the join of fragment {join.right} onto {join.left} scored "
                f"{join.confidence:.0f}, below --min-confidence {min_confidence:g}; "
                f"review it with `fragmerge explain {name}` or lower --min-confidence"
            )
    return None


def _unified_diff(before: str, after: str, name: str) -> str:
    def lines(text: str) -> list[str]:
        out = text.splitlines(keepends=True)
        if out and not out[-1].endswith(("\n", "\r")):
            out[-1] += "\n\\ No newline at end of file\n"
        return out

    return "".join(
        difflib.unified_diff(lines(before), lines(after), f"{name}", f"{name} (repaired)")
    )


def _provenance_json(name: str, result: MergeResult) -> str:
    """The provenance map with the fragments it refers to, as JSON."""
    document = {
        "source": name,
        "text_length": len(result.text),
        "replay": '"".join(e.join + draft[e.input_start:e.input_end] for e in provenance)',
        "provenance": [entry.model_dump(mode="json") for entry in result.provenance],
        "fragments": [
            fragment.model_dump(mode="json", exclude={"text"}) for fragment in result.fragments
        ],
        "redundant": list(result.redundant),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _render_html(draft: str, result: MergeResult) -> str:
    try:
        report = importlib.import_module("fragmerge.report")
    except ImportError as exc:
        raise _Failure(
            ExitCode.INTERNAL,
            f"the HTML report is not available in this installation ({exc}); "
            "reinstall fragmerge or drop --html",
        ) from None
    render: Callable[[str, MergeResult], str] = report.render_html
    return render(draft, result)


# --------------------------------------------------------------------------- commands


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"fragmerge {fragmerge.__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Repair fragmented LLM article drafts into one article, with a provenance map.

    Exit codes: 0 ok, 1 --check would change or --strict found a low-confidence
    join, 2 usage error, 3 input/output error, 4 internal error.
    """


MarkersOption = Annotated[
    list[str] | None,
    typer.Option(
        "--markers",
        metavar="REGEX",
        help="Extra whole-line marker regex separating pieces (repeatable).",
        show_default=False,
    ),
]
EncodingOption = Annotated[
    str, typer.Option("--encoding", help="Encoding of the input and of text output.")
]
MaxBytesOption = Annotated[
    int,
    typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this many bytes."),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0,
        max=100,
        help="Joins scored below this (0-100) keep both copies and warn.",
        show_default=False,
    ),
]
ImplicitOption = Annotated[
    bool,
    typer.Option(
        "--implicit/--no-implicit",
        help="Also split where the text restarts earlier text without a marker; "
        "--no-implicit splits at markers and chat debris only (for text, such as technical "
        "docs, that holds no unmarked fragments).",
    ),
]
QuietOption = Annotated[bool, typer.Option("-q", "--quiet", help="Print errors only.")]


@app.command()
def fix(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH", help="Draft files to repair; '-' reads stdin.", show_default=False
        ),
    ] = None,
    example: Annotated[
        bool, typer.Option("--example", help="Repair the example draft bundled with fragmerge.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", metavar="FILE", help="Write the repair to FILE ('-': stdout)."
        ),
    ] = None,
    in_place: Annotated[
        bool,
        typer.Option("-i", "--in-place", help="Rewrite each PATH atomically when it changes."),
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 if a draft would change, else 0."),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print a unified diff of what the repair changes.")
    ] = False,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", case_sensitive=False, help="text: the article; json: the MergeResult."
        ),
    ] = OutputFormat.text,
    provenance: Annotated[
        Path | None,
        typer.Option(
            "--provenance", metavar="FILE", help="Write the provenance map (JSON) to FILE."
        ),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", metavar="FILE", help="Write an HTML provenance report to FILE."),
    ] = None,
    markers: MarkersOption = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help=f"Exit 1 on a low-confidence join (--min-confidence defaults to "
            f"{STRICT_MIN_CONFIDENCE:g}).",
        ),
    ] = False,
    min_confidence: MinConfidenceOption = None,
    implicit: ImplicitOption = True,
    quiet: QuietOption = False,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Report fragments, joins and warnings.")
    ] = False,
    encoding: EncodingOption = "utf-8",
    max_bytes: MaxBytesOption = _io.DEFAULT_MAX_BYTES,
) -> None:
    """Repair drafts: every sentence once, in order (stdout unless -o/-i/--check/--diff).

    Example: fragmerge fix draft.md -o article.md --provenance draft.provenance.json
    """
    with _guard():
        sources = list(paths or [])
        if output == Path(_io.STDIN):
            output = None  # "-o -" is stdout, as "-" is stdin
        _check_fix_usage(
            sources,
            example=example,
            output=output,
            in_place=in_place,
            check=check,
            diff=diff,
            output_format=output_format,
            provenance=provenance,
            html=html,
            quiet=quiet,
            verbose=verbose,
        )
        encoding = _encoding(encoding)
        if strict and min_confidence is None:
            min_confidence = STRICT_MIN_CONFIDENCE
        options = _options(markers, min_confidence, implicit=implicit)
        reporter = _Reporter(quiet=quiet, verbose=verbose)
        any_changed = False
        inputs: list[str | None] = list(sources) if sources else [None]
        for source in inputs:
            if source is None:
                draft = _io.load_example()
            else:
                draft = _read(source, encoding=encoding, max_bytes=max_bytes)
            result = fragmerge.fix(draft.text, options)
            for line in _status_lines(draft.name, result):
                reporter.status(line)
            for warning in result.warnings:
                reporter.warn(f"{draft.name}: {warning}")
            if strict:
                problem = _low_confidence(result, draft.name, options.min_confidence)
                if problem is not None:
                    raise _Failure(ExitCode.CHANGED, problem)
            any_changed = any_changed or result.changed
            _emit_fix(
                draft,
                result,
                output=output,
                in_place=in_place,
                check=check,
                diff=diff,
                output_format=output_format,
                reporter=reporter,
            )
            if provenance is not None:
                _write_file(provenance, _provenance_json(draft.name, result).encode("utf-8"))
            if html is not None:
                _write_file(html, _render_html(draft.text, result).encode("utf-8"))
        if check and any_changed:
            raise typer.Exit(ExitCode.CHANGED)


def _check_fix_usage(
    sources: list[str],
    *,
    example: bool,
    output: Path | None,
    in_place: bool,
    check: bool,
    diff: bool,
    output_format: OutputFormat,
    provenance: Path | None,
    html: Path | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Refuse contradictory flag combinations before reading anything."""

    def usage(message: str) -> NoReturn:
        raise _Failure(ExitCode.USAGE, message)

    if example and sources:
        usage("both PATH and --example given; pass one of them")
    if not example and not sources:
        usage("no input; pass a PATH ('-' for stdin) or --example")
    if quiet and verbose:
        usage("-q/--quiet and -v/--verbose contradict each other; pass one")
    if in_place:
        if output is not None:
            usage("-i/--in-place and -o/--output contradict each other; pass one")
        if example:
            usage("--example cannot be repaired in place; use -o FILE")
        if _io.STDIN in sources:
            usage("stdin cannot be repaired in place; drop -i or pass a file path")
        if output_format is OutputFormat.json:
            usage("-i/--in-place writes text; drop --format json")
    if check and (in_place or output is not None):
        usage("--check writes nothing; drop -i/--in-place and -o/--output")
    if output_format is OutputFormat.json and (check or diff):
        usage("--format json prints the repair; it cannot be combined with --check or --diff")
    if len(sources) > 1:
        if not (in_place or check or diff):
            usage("several PATHs need -i/--in-place, --check or --diff; or repair one at a time")
        if output is not None or provenance is not None or html is not None:
            usage("-o, --provenance and --html take one PATH; repair one at a time")
    if sources.count(_io.STDIN) > 1:
        usage("stdin ('-') given twice; it can be read only once, pass it once")
    if output is not None:
        for source in sources:
            if source != _io.STDIN and _same_file(Path(source), output):
                usage(f"refusing to overwrite the input {source}; use -i/--in-place for that")


def _emit_fix(
    draft: _io.Draft,
    result: MergeResult,
    *,
    output: Path | None,
    in_place: bool,
    check: bool,
    diff: bool,
    output_format: OutputFormat,
    reporter: _Reporter,
) -> None:
    """Deliver one repair where the flags say: a diff, the file itself, -o FILE or stdout."""
    if check and result.changed:
        reporter.note(f"would repair {draft.name}")
    if diff and result.changed:
        _write_stdout(_unified_diff(draft.text, result.text, draft.name).encode(draft.encoding))
    if in_place:
        if result.changed and draft.path is not None:
            _write_file(draft.path, result.text.encode(draft.encoding))
            reporter.note(f"repaired {draft.name}")
        else:
            reporter.status(f"{draft.name}: left unchanged")
        return
    if check or (diff and output is None):
        return
    if output_format is OutputFormat.json:
        payload = (result.model_dump_json(indent=2) + "\n").encode("utf-8")
    else:
        payload = result.text.encode(draft.encoding)
    if output is not None:
        _write_file(output, payload)
    else:
        _write_stdout(payload)


def _cells(text: str) -> int:
    """Terminal width of ``text``: East Asian wide characters take two cells."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _first_words(text: str, width: int = 36) -> str:
    """The start of ``text`` on one line, cut to ``width`` cells.

    >>> _first_words("MetaのAIデータセンター新設、その真意", 12)
    'MetaのAIデ…'
    """
    flat = " ".join(text.split())
    if _cells(flat) <= width:
        return flat
    out = ""
    for ch in flat:
        if _cells(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table aligned on display width (CJK-safe).

    >>> print(_table(["a", "bb"], [["1", "x"]]), end="")
    a  bb
    -  --
    1  x
    """
    widths = [_cells(h) for h in headers]
    for row in rows:
        widths = [max(w, _cells(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = [cell + " " * (w - _cells(cell)) for cell, w in zip(cells, widths, strict=True)]
        return "  ".join(padded).rstrip() + "\n"

    return line(headers) + line(["-" * w for w in widths]) + "".join(line(r) for r in rows)


def _optional(value: int | None) -> str:
    return "-" if value is None else str(value)


def _explain_text(name: str, result: MergeResult) -> str:
    """The readable report of ``fragmerge explain``: one table per kind of record."""
    fragments = [
        [
            str(f.index),
            _span(f.start, f.end),
            str(f.end - f.start),
            f.boundary,
            _first_words(f.text),
        ]
        for f in result.fragments
    ]
    overlaps = [
        [
            str(o.left),
            str(o.right),
            o.kind,
            _span(o.left_start, o.left_end),
            _span(o.right_start, o.right_end),
            f"{o.score:.1f}",
        ]
        for o in result.overlaps
    ]
    joins = [
        [
            j.kind,
            f"{'start' if j.left is None else j.left}→{j.right}",
            f"{_optional(j.left_cut)}/{_optional(j.right_resume)}",
            f"{j.score:.1f}",
            f"{j.confidence:.1f}",
        ]
        for j in result.joins
    ]
    state = "changed" if result.changed else "nothing to repair"
    parts = [
        f"{name}: {len(result.fragments)} fragments, {state}, confidence {result.confidence:.0f}\n",
        "\nFragments\n",
        _table(["index", "input span", "chars", "boundary", "first words"], fragments),
        "\nOverlaps\n",
        _table(["left", "right", "kind", "left span", "right span", "score"], overlaps)
        if overlaps
        else "(none)\n",
        "\nJoins\n",
        _table(["kind", "left→right", "cut/resume", "score", "confidence"], joins)
        if joins
        else "(none)\n",
        "\nRedundant fragments\n",
        (", ".join(map(str, result.redundant)) or "(none)") + "\n",
        "\nWarnings\n",
        "".join(f"- {w}\n" for w in result.warnings) or "(none)\n",
    ]
    return "".join(parts)


@app.command()
def explain(
    path: Annotated[str, typer.Argument(metavar="PATH", help="Draft file; '-' reads stdin.")],
    markers: MarkersOption = None,
    min_confidence: MinConfidenceOption = None,
    implicit: ImplicitOption = True,
    encoding: EncodingOption = "utf-8",
    max_bytes: MaxBytesOption = _io.DEFAULT_MAX_BYTES,
) -> None:
    """Show how a draft would be repaired: fragments, overlaps, joins, redundant pieces, warnings.

    Example: fragmerge explain draft.md
    """
    with _guard():
        encoding = _encoding(encoding)
        options = _options(markers, min_confidence, implicit=implicit)
        draft = _read(path, encoding=encoding, max_bytes=max_bytes)
        result = fragmerge.fix(draft.text, options)
        _write_stdout(_explain_text(draft.name, result).encode("utf-8"))


@app.command()
def split(
    path: Annotated[str, typer.Argument(metavar="PATH", help="Draft file; '-' reads stdin.")],
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="Folder for fragment-000.txt, ... (created).")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite fragment files that already exist.")
    ] = False,
    markers: MarkersOption = None,
    implicit: ImplicitOption = True,
    encoding: EncodingOption = "utf-8",
    max_bytes: MaxBytesOption = _io.DEFAULT_MAX_BYTES,
    quiet: QuietOption = False,
) -> None:
    """Write the fragments of a draft as DIR/fragment-000.txt, fragment-001.txt, ...

    Example: fragmerge split draft.md pieces/
    """
    with _guard():
        encoding = _encoding(encoding)
        options = _options(markers, None, implicit=implicit)
        draft = _read(path, encoding=encoding, max_bytes=max_bytes)
        fragments = fragmerge.segment(draft.text, options)
        targets = [directory / f"fragment-{f.index:03d}.txt" for f in fragments]
        existing = [t for t in targets if t.exists()]
        if existing and not force:
            raise _Failure(
                ExitCode.USAGE,
                f"{existing[0]} already exists; pass --force to overwrite or choose another DIR",
            )
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _Failure(ExitCode.INPUT, _io.describe_os_error(exc, str(directory))) from None
        for fragment, target in zip(fragments, targets, strict=True):
            _write_file(target, fragment.text.encode(encoding))
        _Reporter(quiet=quiet).note(f"wrote {len(targets)} fragments to {directory}")


def main() -> None:
    """Entry point of the ``fragmerge`` console script."""
    app(prog_name="fragmerge")


if __name__ == "__main__":  # pragma: no cover
    main()
