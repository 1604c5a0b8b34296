"""fragmerge: repair fragmented LLM article drafts.

>>> import fragmerge
>>> draft = "One. Two. Thr\n\n---END---\n\nTwo. Three. Four.\n"
>>> fragmerge.fix(draft).text
'One. Two. Three. Four.\n'

The pipeline is ``segment`` -> ``align`` -> ``merge``; :func:`fix` runs it all
and returns a :class:`MergeResult` with the repaired text, the fragments, the
overlaps, the joins taken and a provenance map. :func:`fix_text` returns just
the string.
"""

from __future__ import annotations

from fragmerge.align import align
from fragmerge.api import fix, fix_text
from fragmerge.errors import FragmergeError, InputError, LowConfidenceError, OptionsError
from fragmerge.merge import merge
from fragmerge.models import (
    DEFAULT_MARKERS,
    Fragment,
    Join,
    MergeResult,
    Options,
    Overlap,
    ProvenanceEntry,
)
from fragmerge.segment import segment


def __getattr__(name: str) -> str:
    # The version is read from the package metadata on first use only: reading
    # it costs more than importing the rest of the package.
    if name != "__version__":
        raise AttributeError(f"module 'fragmerge' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("fragmerge")
    except PackageNotFoundError:  # running from a source tree that was never installed
        value = "0.0.0+unknown"
    globals()["__version__"] = value
    return value


__all__ = [
    "DEFAULT_MARKERS",
    "Fragment",
    "FragmergeError",
    "InputError",
    "Join",
    "LowConfidenceError",
    "MergeResult",
    "Options",
    "OptionsError",
    "Overlap",
    "ProvenanceEntry",
    "__version__",
    "align",
    "fix",
    "fix_text",
    "merge",
    "segment",
]
