"""The docs cannot drift from the code: CLI reference, Quickstart, links, extras."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from fragmerge.cli import ExitCode, app

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = ROOT / "docs" / "cli.md"
README = ROOT / "README.md"

if not (ROOT / "pyproject.toml").is_file():  # pragma: no cover - e.g. tests run from an sdist copy
    pytest.skip(
        "the project tree (docs/, README.md) is not beside the tests", allow_module_level=True
    )


def _section(doc: str, heading: str) -> str:
    start = doc.index(heading)
    end = doc.find("\n## ", start + len(heading))
    return doc[start : end if end != -1 else len(doc)]


def _params(command: Any) -> list[tuple[list[str], bool]]:
    """(names, is_option) for every parameter of a click-style command."""
    out = []
    for param in command.params:
        opts = [o for o in (*param.opts, *param.secondary_opts) if o.startswith("-")]
        if opts:
            out.append((opts, True))
        else:
            out.append(([param.metavar or param.name.upper()], False))
    return out


def _commands() -> dict[str, Any]:
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


def test_every_cli_option_is_documented() -> None:
    doc = CLI_DOC.read_text("utf-8")
    for name, command in _commands().items():
        section = _section(doc, f"## `fragmerge {name}`")
        for names, _ in _params(command):
            for flag in names:
                assert f"`{flag}`" in section, f"docs/cli.md: {flag} of `{name}` is undocumented"
    global_section = _section(doc, "## Global options")
    for names, _ in _params(typer.main.get_command(app)):
        for flag in names:
            assert f"`{flag}`" in global_section


def test_documented_options_exist() -> None:
    doc = CLI_DOC.read_text("utf-8")
    for name, command in _commands().items():
        section = _section(doc, f"## `fragmerge {name}`")
        real = {flag for names, _ in _params(command) for flag in names}
        for row in re.findall(r"^\| (`[^|]*)\|", section, flags=re.MULTILINE):
            for flag in re.findall(r"`(-{1,2}[\w-]+)`", row):
                assert flag in real, (
                    f"docs/cli.md documents {flag} for `{name}`, the app has no such option"
                )


def test_every_command_is_documented() -> None:
    doc = CLI_DOC.read_text("utf-8")
    for name in _commands():
        assert f"## `fragmerge {name}`" in doc


def test_exit_codes_are_documented() -> None:
    table = _section(CLI_DOC.read_text("utf-8"), "## Exit codes")
    for code in ExitCode:
        assert f"| {int(code)} |" in table


def quickstart_commands() -> list[str]:
    section = _section(README.read_text("utf-8"), "## Quickstart")
    block = re.search(r"```(?:console|sh|bash|shell)?\n(.*?)```", section, flags=re.DOTALL)
    assert block, "README Quickstart has a code block"
    return [line.removeprefix("$ ").strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_quickstart_has_two_commands() -> None:
    commands = quickstart_commands()
    assert len(commands) == 2, commands
    assert "fragmerge fix --example" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    test_command = quickstart_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert test_command in {line.strip() for line in ci.splitlines()}, (
        ".ci/run must run exactly README's Quickstart test command"
    )


def test_test_extra_mirrors_the_test_group() -> None:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        pytest.skip("tomllib needs Python 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    extra = project["project"]["optional-dependencies"]["test"]
    group = project["dependency-groups"]["test"]
    assert sorted(extra) == sorted(group)


@pytest.mark.parametrize(
    "page", [README, *sorted((ROOT / "docs").glob("*.md"))], ids=lambda p: p.name
)
def test_relative_links_resolve(page: Path) -> None:
    text = page.read_text("utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_api_doc_lists_every_model_field() -> None:
    import fragmerge.models as models

    doc = (ROOT / "docs" / "api.md").read_text("utf-8")
    for model in (models.Options, models.MergeResult, models.Fragment, models.Overlap,
                  models.Join, models.ProvenanceEntry):  # fmt: skip
        section = _section(doc, f"## `{model.__name__}`" if model is models.Options
                           else f"### `{model.__name__}`")  # fmt: skip
        for field in model.model_fields:
            assert f"`{field}`" in section, f"docs/api.md: {model.__name__}.{field} is missing"


def test_api_doc_names_every_public_name() -> None:
    import fragmerge

    doc = (ROOT / "docs" / "api.md").read_text("utf-8")
    for name in fragmerge.__all__:
        assert name in doc, f"docs/api.md does not mention fragmerge.{name}"
