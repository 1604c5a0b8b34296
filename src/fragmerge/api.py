"""The one-call entry points: :func:`fix` and :func:`fix_text`."""

from __future__ import annotations

from typing import Any

from fragmerge.align import prepare
from fragmerge.merge import merge_prepared
from fragmerge.models import MergeResult, Options
from fragmerge.segment import segment

__all__ = ["fix", "fix_text", "resolve_options"]


def resolve_options(options: Options | None, overrides: dict[str, Any]) -> Options:
    """Return ``options`` (or the defaults) with keyword ``overrides`` applied and validated.

    >>> resolve_options(None, {"min_score": 90}).min_score
    90.0
    """
    base = options if options is not None else Options()
    if not overrides:
        return base
    return Options.model_validate({**base.model_dump(), **overrides})


def fix(text: str, options: Options | None = None, **overrides: Any) -> MergeResult:
    """Repair a fragmented draft and explain the repair.

    Keyword ``overrides`` are :class:`Options` fields (``fix(draft, min_score=90)``).

    >>> result = fix("A first sentence. A sec\\n\\n---END---\\n\\nA second one.\\n")
    >>> result.text
    'A first sentence. A second one.\\n'
    >>> result.changed
    True
    """
    opts = resolve_options(options, overrides)
    fragments = segment(text, opts)
    # The merger aligns each fragment against the text assembled so far and
    # reports those overlaps; the pairwise `align` stage is not needed here.
    prepared = [prepare(f, text) for f in fragments]
    return merge_prepared(text, fragments, prepared, None, opts)


def fix_text(text: str, options: Options | None = None, **overrides: Any) -> str:
    """Like :func:`fix`, but return only the repaired text (the fast path for bulk use).

    >>> fix_text("Clean text stays as it is.\\n")
    'Clean text stays as it is.\\n'
    """
    return fix(text, options, **overrides).text
