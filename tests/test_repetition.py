"""Clean texts that repeat themselves on purpose come back untouched (issue 4, repeat guards).

The fixtures (tests/fixtures/repetition/, see its README) hold a refrain, FAQ headings,
changelog entries, code shown twice, legal boilerplate, near-identical product entries,
a poem's couplet and an echoed line of dialogue, in English, Japanese and Chinese.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import fragmerge

FIXTURES = Path(__file__).parent / "fixtures" / "repetition"
TEXTS = sorted(p for p in FIXTURES.glob("*.md") if p.name != "README.md")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_legitimate_repetition_is_left_alone(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    result = fragmerge.fix(text)
    assert result.text == text
    assert result.changed is False
    assert [f.boundary for f in result.fragments] == ["start"]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_a_cut_and_restart_of_a_repetitive_text_still_repairs(path: Path) -> None:
    """The repeats must not pull a real restart to the wrong copy."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    paragraphs = [m.start() for m in re.finditer(r"\n\n", text)]
    cut_at = paragraphs[len(paragraphs) * 2 // 3]
    restart_at = paragraphs[len(paragraphs) * 2 // 3 - 1] + 2
    cut = text[: cut_at - 3]  # mid-word, mid-sentence
    draft = f"{cut}\n\n---END---\n\n{text[restart_at:]}\n"
    assert squash(fragmerge.fix(draft).text) == squash(text)


def test_fixtures_cover_eight_kinds_in_three_languages() -> None:
    assert len(TEXTS) >= 8
    assert {p.suffixes[0] for p in TEXTS} == {".en", ".ja", ".zh"}


def test_a_marked_piece_that_only_sings_the_refrain_again_is_kept() -> None:
    # the last piece holds nothing but the chorus, twice: its lines all stand in the
    # text already, yet it aligns nowhere as a whole: a refrain, kept (not folded away)
    text = (FIXTURES / "lyrics-refrain.en.md").read_text(encoding="utf-8")
    chorus = "Oh, the harbour lights are calling me home,\ncalling me home across the water."
    last = text.rindex(chorus)
    cut = text.rindex("\n\n", 0, text.rindex(chorus, 0, last))
    draft = f"{text[:cut]}\n\n---END---\n\n{text[cut + 2 :]}"
    assert squash(fragmerge.fix(draft).text) == squash(text)


@pytest.mark.parametrize("name", ["legal-boilerplate.en.md", "lyrics-refrain.en.md"])
def test_a_marker_right_after_a_repeated_paragraph_splits_nothing_more(name: str) -> None:
    # the paragraph ending the first piece stands again later, whole, as a paragraph
    # of its own: a boilerplate or a refrain, not a restart of the piece's last words
    text = (FIXTURES / name).read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    repeated = next(p for p in paragraphs if paragraphs.count(p) > 1)
    end = text.index(repeated) + len(repeated)
    draft = f"{text[:end]}\n\n---END---\n\n{text[end:].lstrip()}"
    result = fragmerge.fix(draft)
    assert [f.boundary for f in result.fragments] == ["start", "marker"]
    assert squash(result.text) == squash(text)


def test_a_marker_after_a_heading_whose_last_words_its_section_repeats_splits_nothing() -> None:
    # "### Upgrading with the installer" | marker | "Run the installer again: …": a
    # heading is finished, not a cut whose last words the next piece restarts from
    text = (FIXTURES / "api-reference.en.md").read_text(encoding="utf-8")
    heading = "### Upgrading with the installer"
    end = text.index(heading) + len(heading)
    draft = f"{text[:end]}\n\n---END---\n\n{text[end:].lstrip()}"
    assert fragmerge.fix(draft).text == text
