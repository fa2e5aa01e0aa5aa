"""Accuracy of entitymatch against labelled name pairs, beside a rapidfuzz baseline.

Run: python benchmarks/quality.py [--sweep]

Scores every labelled pair of
* ``../shared/data/cases/peer_cases.csv`` (rows labelled match / no_match: test
  sets of other name matchers; score-only rows are skipped), and
* ``benchmarks/data/hard_pairs.csv`` (aliases of one listed entry vs names of
  different entries sharing a word, cut from the real lists by
  ``build_hard_pairs.py``),

and prints precision, recall and F1 per source at entitymatch's default
threshold, beside the baseline computed in the same run: rapidfuzz ``WRatio``
on unidecoded names, at 90 and at its best threshold on each set (a threshold
tuned on the answers, which a real deployment cannot do). ``--sweep`` also
prints entitymatch's F1 at other thresholds. Results are appended to
``benchmarks/results/quality.csv``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, utils
from unidecode import unidecode

import entitymatch as em
from entitymatch.prepare import prepare
from entitymatch.score import score_prepared
from entitymatch.weights import reference_frequencies, token_weights

sys.path.insert(0, str(Path(__file__).resolve().parent))
from record import append_rows  # benchmarks/ is not a package

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared/data"
RESULTS = ROOT / "benchmarks/results/quality.csv"
KINDS = {"person": "person", "company": "organization", "organization": "organization"}


@dataclass(frozen=True, slots=True)
class Case:
    dataset: str
    source: str
    left_kind: em.Kind | None
    right_kind: em.Kind | None
    left: str
    right: str
    match: bool

    def score(self) -> float:
        """entitymatch's score, each name prepared as its own kind (as a Matcher does)."""
        left, right = prepare(self.left, self.left_kind), prepare(self.right, self.right_kind)
        frequencies = reference_frequencies()
        return score_prepared(
            left, right, token_weights(left, frequencies), token_weights(right, frequencies)
        ).score


def _rows(path: Path) -> Iterable[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        yield from csv.DictReader(line for line in handle if not line.startswith("#"))


def load_cases() -> list[Case]:
    cases = []
    for row in _rows(SHARED / "cases/peer_cases.csv"):
        if row["expected"] not in ("match", "no_match"):
            continue
        project = row["source"].split("@")[0]
        kind = KINDS.get(row["schema"].strip().lower())
        cases.append(
            Case(
                "peer_cases",
                f"{project}:{row['group']}",
                kind,  # type: ignore[arg-type]
                kind,  # type: ignore[arg-type]
                row["query"],
                row["candidate"],
                row["expected"] == "match",
            )
        )
    for row in _rows(ROOT / "benchmarks/data/hard_pairs.csv"):
        cases.append(
            Case(
                "hard_pairs",
                row["source"],
                (row["left_kind"] or None),  # type: ignore[arg-type]
                (row["right_kind"] or None),  # type: ignore[arg-type]
                row["left"],
                row["right"],
                row["expected"] == "match",
            )
        )
    return cases


def baseline(left: str, right: str) -> float:
    """rapidfuzz WRatio on unidecoded names, in [0, 1]."""
    return fuzz.WRatio(unidecode(left), unidecode(right), processor=utils.default_process) / 100


def prf(scores: list[float], labels: list[bool], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_threshold(scores: list[float], labels: list[bool]) -> tuple[float, float]:
    best = (0.0, 0.0)
    for step in range(30, 100):
        threshold = step / 100
        f1 = prf(scores, labels, threshold)[2]
        if f1 > best[1]:
            best = (threshold, f1)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="F1 at thresholds 0.60-0.95")
    parser.add_argument("--misses", type=int, default=0, help="print N errors per dataset")
    args = parser.parse_args()
    print(
        f"platform: {platform.platform()}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
    )
    print(f"entitymatch {em.__version__}, threshold {em.DEFAULT_THRESHOLD}")
    cases = load_cases()
    started = time.perf_counter()
    ours = [c.score() for c in cases]
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    theirs = [baseline(c.left, c.right) for c in cases]
    theirs_seconds = time.perf_counter() - started
    print(
        f"{len(cases)} pairs: entitymatch {ours_seconds:.2f}s "
        f"({len(cases) / ours_seconds:,.0f} pairs/s, cold caches included), "
        f"baseline {theirs_seconds:.2f}s"
    )
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, case in enumerate(cases):
        groups[(case.dataset, case.source)].append(n)
        groups[(case.dataset, "ALL")].append(n)
    header = (
        f"{'dataset':<11} {'source':<48} {'pairs':>5}  {'em P':>5} {'em R':>5} {'em F1':>5}"
        f"  {'WR90 F1':>7}  {'WR best F1 (t)':>14}"
    )
    print(header)
    print("-" * len(header))
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    records = []
    for (dataset, source), members in sorted(
        groups.items(), key=lambda x: (x[0][0], x[0][1] != "ALL", x[0][1])
    ):
        labels = [cases[n].match for n in members]
        our = [ours[n] for n in members]
        their = [theirs[n] for n in members]
        p, r, f = prf(our, labels, em.DEFAULT_THRESHOLD)
        f90 = prf(their, labels, 0.9)[2]
        bt, bf = best_threshold(their, labels)
        print(
            f"{dataset:<11} {source[:48]:<48} {len(members):>5}  {p:5.3f} {r:5.3f} {f:5.3f}"
            f"  {f90:7.3f}  {bf:7.3f} ({bt:.2f})"
        )
        records.append([stamp, dataset, source, len(members), p, r, f, f90, bf, bt])
    for dataset in sorted({c.dataset for c in cases}):
        members = groups[(dataset, "ALL")]
        labels = [cases[n].match for n in members]
        our = [ours[n] for n in members]
        t, f = best_threshold(our, labels)
        print(
            f"{dataset}: entitymatch's best threshold on these answers "
            f"would be {t:.2f} (F1 {f:.3f})"
        )
        if args.sweep:
            for step in range(60, 96, 5):
                p, r, f = prf(our, labels, step / 100)
                print(f"  t={step / 100:.2f}  P={p:.3f} R={r:.3f} F1={f:.3f}")
        shown = 0
        for n in members:
            case = cases[n]
            if shown < args.misses and (ours[n] >= em.DEFAULT_THRESHOLD) != case.match:
                kind = "FN" if case.match else "FP"
                print(f"  {kind} {ours[n]:.3f} {case.source[:20]} | {case.left} | {case.right}")
                shown += 1
    header = ["utc", "dataset", "source", "pairs", "precision", "recall", "f1",
              "wratio90_f1", "wratio_best_f1", "wratio_best_threshold"]  # fmt: skip
    append_rows(RESULTS, header, records)


if __name__ == "__main__":
    main()
