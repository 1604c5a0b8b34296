"""Placeholder, replaced by the real merger."""
from __future__ import annotations
from collections.abc import Sequence
from fragmerge.models import Fragment, MergeResult, Options, Overlap, ProvenanceEntry
def merge(text: str, fragments: Sequence[Fragment], overlaps: Sequence[Overlap], options: Options | None = None) -> MergeResult:
    prov = (ProvenanceEntry(sentence=0, kind="sentence", output_start=0, output_end=len(text), fragment=0, input_start=0, input_end=len(text)),)
    return MergeResult(text=text, changed=False, fragments=tuple(fragments), overlaps=tuple(overlaps), provenance=prov)
