"""Accuracy of fragmerge against the baselines, on drafts simulated from the corpus.

    python benchmarks/accuracy.py [--out DIR] [--seeds N] [--first-seed K] [--quick]
                                  [--profiles P ...] [--methods M ...] [--jobs N]
                                  [--misses FILE.tsv]

Every article of the shared corpus (``../shared/corpus`` beside the repository,
or ``$FRAGMERGE_SHARED/corpus``) is broken by :func:`fragmerge.testing.simulate`
under each profile with several seeds; fragmerge and every baseline of
``benchmarks/baselines.py`` repair each draft, and each repair is scored against
the article (the truth). The clean articles themselves are also passed through
every method: any change to a clean article is a false positive.

Metrics (per profile and method; sentences are those of
:func:`fragmerge.testing.split_sentences`, the one splitter the tests use too):

* **exact match %**: repairs equal to the truth once all whitespace is removed;
* **mean similarity**: rapidfuzz normalized Levenshtein similarity (0-1) of the
  whitespace-stripped repair and truth, averaged over drafts;
* **lost sentences %**: truth sentences missing from the repair (multiset
  difference), over all truth sentences of the run; the count is in brackets;
* **duplicated sentences**: sentences the repair has more often than the truth,
  summed over the run (this also counts mangled sentences, such as a truncated
  copy left in place, which appear in the repair but not in the truth);
* **paragraph-break F1**: each paragraph break (a blank line) is identified by
  the 16 non-space characters on either side of it; precision and recall of the
  repair's breaks against the truth's, micro-averaged over the run;
* **median ms**: median wall time of one repair (the method alone, not scoring);
* **failures**: drafts on which the method raised or ran over the time limit;
  they count as not exact, similarity 0 and every sentence lost.

Drafts are processed in parallel (``--jobs``, default 2); timings are per call.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import signal
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from types import FrameType

from baselines import BASELINES
from rapidfuzz.distance import Levenshtein
from runinfo import git_commit, shared_dir, write_report

import fragmerge
from fragmerge.testing import PROFILES, simulate, split_sentences

ROOT = Path(__file__).resolve().parent.parent
#: Seconds one method may spend on one draft before it counts as a failure.
TIME_LIMIT = 60

METHODS: dict[str, Callable[[str], str]] = {"fragmerge": fragmerge.fix_text, **BASELINES}


def corpus_files(shared: Path) -> list[Path]:
    return sorted(p for p in (shared / "corpus").glob("*.md") if p.name != "SOURCES.md")


# --------------------------------------------------------------------------- metrics

_WS = re.compile(r"\s+")
_BREAK = re.compile(r"\n[ \t]*\n\s*")
BREAK_CONTEXT = 16


def compact(text: str) -> str:
    """The text with every whitespace character removed."""
    return _WS.sub("", text)


def sentence_counts(text: str) -> Counter[str]:
    return Counter(split_sentences(text))


def paragraph_breaks(text: str) -> Counter[tuple[str, str]]:
    """Paragraph breaks keyed by the non-space characters on either side.

    >>> sorted(paragraph_breaks("One.\\n\\nTwo.\\n"))
    [('One.', 'Two.')]
    """
    flat = compact(text)
    keys: Counter[tuple[str, str]] = Counter()
    index = 0
    previous = 0
    for match in _BREAK.finditer(text):
        index += len(compact(text[previous : match.start()]))
        previous = match.start()
        if 0 < index < len(flat):
            keys[
                (flat[max(0, index - BREAK_CONTEXT) : index], flat[index : index + BREAK_CONTEXT])
            ] += 1
    return keys


@dataclass
class Score:
    """One method's results over a set of drafts."""

    drafts: int = 0
    exact: int = 0
    similarity: float = 0.0
    truth_sentences: int = 0
    lost: int = 0
    duplicated: int = 0
    breaks_tp: int = 0
    breaks_out: int = 0
    breaks_truth: int = 0
    failures: int = 0
    changed: int = 0
    ms: list[float] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for item in fields(self):
            if item.name != "ms":
                value = getattr(self, item.name) + getattr(other, item.name)
                setattr(self, item.name, value)
        self.ms.extend(other.ms)

    @property
    def f1(self) -> float:
        if not self.breaks_out or not self.breaks_truth:
            return 1.0 if self.breaks_out == self.breaks_truth else 0.0
        precision = self.breaks_tp / self.breaks_out
        recall = self.breaks_tp / self.breaks_truth
        return 0.0 if not precision + recall else 2 * precision * recall / (precision + recall)


def score(output: str | None, truth: str, ms: float) -> Score:
    """Score one repair (``None`` = the method failed) against the truth."""
    truth_counts = sentence_counts(truth)
    result = Score(drafts=1, truth_sentences=sum(truth_counts.values()))
    truth_breaks = paragraph_breaks(truth)
    result.breaks_truth = sum(truth_breaks.values())
    if output is None:
        result.failures = 1
        result.lost = result.truth_sentences
        return result
    result.ms.append(ms)
    flat_out, flat_truth = compact(output), compact(truth)
    result.exact = int(flat_out == flat_truth)
    result.similarity = Levenshtein.normalized_similarity(flat_out, flat_truth)
    out_counts = sentence_counts(output)
    result.lost = sum((truth_counts - out_counts).values())
    result.duplicated = sum((out_counts - truth_counts).values())
    out_breaks = paragraph_breaks(output)
    result.breaks_out = sum(out_breaks.values())
    result.breaks_tp = sum((out_breaks & truth_breaks).values())
    result.changed = int(output != truth)
    return result


# --------------------------------------------------------------------------- running


class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def run_method(method: str, text: str) -> tuple[str | None, float]:
    """Run one method on one text under the time limit: (output or None, ms)."""
    function = METHODS[method]
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    start = time.perf_counter()
    try:
        output: str | None = function(text)
    except Exception as error:  # any failure of one draft is counted, never fatal
        if not isinstance(error, _Timeout):
            print(f"  {method} failed: {type(error).__name__}: {error}"[:300], file=sys.stderr)
        output = None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return output, (time.perf_counter() - start) * 1000


Task = tuple[str, str, tuple[int, ...], tuple[str, ...]]


#: A draft fragmerge did not repair exactly, or lost or duplicated a sentence on:
#: (profile, article, seed, lost, duplicated, similarity).
Miss = tuple[str, str, int, int, int, float]


def run_task(task: Task) -> tuple[str, dict[str, Score], list[Miss]]:
    """All seeds of one (article, profile) pair, or the clean article for profile 'clean'."""
    path, profile, seeds, methods = task
    truth = Path(path).read_text(encoding="utf-8")
    scores = {m: Score() for m in methods}
    misses: list[Miss] = []
    if profile == "clean":
        for method in methods:
            output, ms = run_method(method, truth)
            result = score(output, truth, ms)
            scores[method].add(result)
            if method == "fragmerge" and result.changed + result.failures:
                misses.append((profile, Path(path).name, -1, result.lost, result.duplicated, 0.0))
        return profile, scores, misses
    for seed in seeds:
        try:
            draft = simulate(truth, seed=seed, profile=profile).draft
        except Exception as error:  # a simulator bug must not stop the run either
            print(f"  simulate failed on {path} {profile} {seed}: {error!r}", file=sys.stderr)
            for method in methods:
                scores[method].add(score(None, truth, 0.0))
            continue
        for method in methods:
            output, ms = run_method(method, draft)
            result = score(output, truth, ms)
            scores[method].add(result)
            if method == "fragmerge" and (not result.exact or result.lost or result.duplicated):
                misses.append(
                    (
                        profile,
                        Path(path).name,
                        seed,
                        result.lost,
                        result.duplicated,
                        result.similarity,
                    )
                )
    return profile, scores, misses


# --------------------------------------------------------------------------- tables


def _median(values: Sequence[float]) -> str:
    return f"{statistics.median(values):.1f}" if values else "–"


def profile_table(scores: dict[str, Score]) -> list[str]:
    lines = [
        "| method | exact match % | mean similarity | lost sentences % (n) "
        "| duplicated sentences | paragraph-break F1 | median ms | failures |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for method, s in scores.items():
        exact = 100 * s.exact / s.drafts if s.drafts else 0.0
        similarity = s.similarity / s.drafts if s.drafts else 0.0
        lost = 100 * s.lost / s.truth_sentences if s.truth_sentences else 0.0
        lines.append(
            f"| {method} | {exact:.1f} | {similarity:.4f} | {lost:.2f} ({s.lost}) "
            f"| {s.duplicated} | {s.f1:.3f} | {_median(s.ms)} | {s.failures} |"
        )
    return lines


def clean_table(scores: dict[str, Score]) -> list[str]:
    lines = [
        "| method | changed articles | false-positive rate % | median ms | failures |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for method, s in scores.items():
        # A failure on a clean article is a false positive too: the user gets no text.
        changed = s.changed + s.failures
        rate = 100 * changed / s.drafts if s.drafts else 0.0
        lines.append(
            f"| {method} | {changed} / {s.drafts} | {rate:.1f} | {_median(s.ms)} | {s.failures} |"
        )
    return lines


def summary_table(results: dict[str, dict[str, Score]], profiles: Sequence[str]) -> list[str]:
    methods = list(next(iter(results.values())))
    lines = [
        "| method | " + " | ".join(profiles) + " |",
        "| --- |" + " ---: |" * len(profiles),
    ]
    for method in methods:
        cells = []
        for profile in profiles:
            s = results[profile][method]
            exact = 100 * s.exact / s.drafts if s.drafts else 0.0
            cells.append(f"{exact:.1f} / {s.similarity / max(s.drafts, 1):.3f}")
        lines.append(f"| {method} | " + " | ".join(cells) + " |")
    return lines


def render(
    results: dict[str, dict[str, Score]],
    profiles: Sequence[str],
    *,
    articles: list[Path],
    seeds: range,
    elapsed: float,
    commit: str,
) -> str:
    languages = Counter(p.name.split("-")[0] for p in articles)
    langs = ", ".join(f"{n} {lang}" for lang, n in sorted(languages.items()))
    out = [
        f"# Accuracy benchmark, {date.today().isoformat()}",
        "",
        f"fragmerge {fragmerge.__version__} (commit {commit}), "
        f"Python {platform.python_version()}; "
        f"{len(articles)} corpus articles ({langs}); "
        f"{len(seeds)} seed(s) per article and profile ({seeds.start}-{seeds.stop - 1}); "
        f"run time {elapsed:.0f} s. Produced by `python benchmarks/accuracy.py`; "
        "metrics are explained in docs/benchmarks.md.",
        "",
        "## Summary: exact match % / mean similarity",
        "",
        *summary_table(results, profiles),
    ]
    for profile in profiles:
        drafts = next(iter(results[profile].values())).drafts
        out += [
            "",
            f"## Profile `{profile}` ({drafts} drafts)",
            "",
            *profile_table(results[profile]),
        ]
    if "clean" in results:
        drafts = next(iter(results["clean"].values())).drafts
        out += [
            "",
            f"## Clean articles passed through unchanged ({drafts} articles)",
            "",
            *clean_table(results["clean"]),
        ]
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="write the tables to DIR/accuracy-DATE.md")
    parser.add_argument("--seeds", type=int, default=3, help="seeds per article and profile")
    parser.add_argument(
        "--profiles", nargs="+", default=list(PROFILES), choices=list(PROFILES), metavar="PROFILE"
    )
    parser.add_argument(
        "--methods", nargs="+", default=list(METHODS), choices=list(METHODS), metavar="METHOD"
    )
    parser.add_argument(
        "--first-seed",
        type=int,
        default=0,
        help="first seed (default 0); seeds K..K+N-1 check rules on drafts they were not tuned on",
    )
    parser.add_argument("--quick", action="store_true", help="1 seed, every 4th article")
    parser.add_argument(
        "--misses",
        type=Path,
        help="write the drafts fragmerge did not repair exactly, or on which it lost or "
        "duplicated a sentence (profile, article, seed, lost, duplicated, similarity), to "
        "this TSV file, to reproduce them with fragmerge.testing.simulate",
    )
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args(argv)

    shared = shared_dir()
    articles = corpus_files(shared)
    if not articles:
        print(f"accuracy: no corpus at {shared / 'corpus'}; skipping (set FRAGMERGE_SHARED).")
        return 0
    seeds = 1 if args.quick else args.seeds
    if args.quick:
        articles = articles[::4]
    methods = tuple(args.methods)
    tasks: list[Task] = [
        (str(path), profile, tuple(range(args.first_seed, args.first_seed + seeds)), methods)
        for profile in args.profiles
        for path in articles
    ]
    tasks += [(str(path), "clean", (), methods) for path in articles]
    # The biggest articles first, so that the pool finishes evenly.
    tasks.sort(key=lambda t: -Path(t[0]).stat().st_size)

    results: dict[str, dict[str, Score]] = {
        p: {m: Score() for m in methods} for p in [*args.profiles, "clean"]
    }
    commit = git_commit()  # before the run: the code that produced the numbers
    misses: list[Miss] = []
    started = time.perf_counter()
    done = 0
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for profile, scores, task_misses in pool.map(run_task, tasks, chunksize=1):
            for method, s in scores.items():
                results[profile][method].add(s)
            misses.extend(task_misses)
            done += 1
            if done % max(1, len(tasks) // 20) == 0:
                print(
                    f"  {done}/{len(tasks)} tasks, {time.perf_counter() - started:.0f} s",
                    file=sys.stderr,
                )
    elapsed = time.perf_counter() - started

    if args.misses:
        rows = ["profile\tarticle\tseed\tlost\tduplicated\tsimilarity"]
        rows += ["\t".join(map(str, m[:5])) + f"\t{m[5]:.4f}" for m in sorted(misses)]
        args.misses.write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"wrote {len(misses)} misses to {args.misses}", file=sys.stderr)
    report = render(
        results,
        args.profiles,
        articles=articles,
        seeds=range(args.first_seed, args.first_seed + seeds),
        elapsed=elapsed,
        commit=commit,
    )
    print(report)
    if args.out:
        write_report(args.out, "accuracy", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
