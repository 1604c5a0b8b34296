"""Developer tasks for fragmerge, run with nox (https://nox.thea.codes).

    nox                  # tests, lint, typecheck (the default sessions)
    nox -s build         # build wheel + sdist, test the installed wheel
    nox -s bench         # benchmark tables (benchmarks/results/)
    nox -s props         # the long hypothesis run

Dependencies come from ``[dependency-groups]`` in pyproject.toml, so the
sessions and ``pip install --group`` never disagree.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"  # nox.project.dependency_groups
nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
LINT_PATHS = ["src", "tests", "benchmarks", "noxfile.py"]


def group(name: str) -> list[str]:
    """The requirements of one ``[dependency-groups]`` entry."""
    return list(nox.project.dependency_groups(PYPROJECT, name))


@nox.session
def tests(session: nox.Session) -> None:
    """Install fragmerge and the test group, then run pytest (extra args go to pytest)."""
    session.install(".", *group("test"))
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install(*group("lint"))
    session.run("ruff", "check", *LINT_PATHS)
    session.run("ruff", "format", "--check", *LINT_PATHS)


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on src (pyproject [tool.mypy]), then on realistic user code."""
    session.install(".", *group("typecheck"))
    session.run("mypy", *session.posargs)
    session.run("mypy", "--strict", "tests/typecheck/user_calls.py")


@nox.session
def build(session: nox.Session) -> None:
    """Build wheel and sdist, install the wheel, and test the installed wheel."""
    dist = ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.install(*group("build"))
    session.run("python", "-m", "build", "--outdir", str(dist), str(ROOT))
    wheels = sorted(dist.glob("fragmerge-*.whl"))
    if len(wheels) != 1 or not list(dist.glob("fragmerge-*.tar.gz")):
        session.error(f"expected one wheel and one sdist in {dist}, found {os.listdir(dist)}")
    session.install("--force-reinstall", str(wheels[0]), *group("test"))
    # Prove the tests below import the wheel, not the source tree.
    session.run(
        "python", "-c",
        "import fragmerge, pathlib; p = pathlib.Path(fragmerge.__file__);"
        " assert 'site-packages' in p.parts, p;"
        " assert (p.parent / 'examples' / 'meta-datacenter.draft.txt').is_file()",
    )  # fmt: skip
    session.run("fragmerge", "--version")
    session.run("fragmerge", "fix", "--example", silent=True)
    session.run("pytest", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmark tables: accuracy, scale, speed, real drafts, sentence splitters, clean
    technical Markdown and marked drafts of repetitive text (results in
    benchmarks/results/)."""
    session.install(".", "sentencex")  # sentencex only for the splitter comparison
    out = str(ROOT / "benchmarks" / "results")
    session.run("python", "benchmarks/accuracy.py", "--out", out)
    session.run("python", "benchmarks/scale.py", "--out", out)
    session.run("python", "benchmarks/perf.py", "--out", out, *session.posargs)
    session.run("python", "benchmarks/unlabeled.py", "--out", out)
    session.run("python", "benchmarks/splitters.py", "--out", out)
    session.run("python", "benchmarks/clean_docs.py", "--out", out)
    session.run("python", "benchmarks/marked_repetition.py", "--out", out)


@nox.session(default=False)
def props(session: nox.Session) -> None:
    """The long property-based run (hypothesis profile "long")."""
    session.install(".", *group("test"))
    session.env["FRAGMERGE_HYPOTHESIS_PROFILE"] = "long"
    session.run("pytest", "tests/test_properties.py", *session.posargs)
