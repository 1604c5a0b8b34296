"""The examples in every module's docstrings run and hold (they are documentation)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import fragmerge

MODULES = sorted(
    info.name for info in pkgutil.iter_modules(fragmerge.__path__, prefix="fragmerge.")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    module = importlib.import_module(name)
    outcome = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert outcome.failed == 0


def test_the_core_modules_have_examples() -> None:
    for name in ("text", "segment", "align", "merge", "api", "testing", "report", "cli"):
        module = importlib.import_module(f"fragmerge.{name}")
        assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).attempted > 0, name
