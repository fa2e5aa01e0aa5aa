"""Alert rate of real unlisted company names screened against the real lists.

Run: python benchmarks/false_alerts.py [--show THRESHOLD]

Builds a matcher from the lists in ../shared/data/lists (CSL subset, OFAC SDN
2024-05 with aliases, OFAC non-SDN, UN, BIS DPL) and screens the 1,320 names of
the SEC's 2002 list of foreign registrants (real companies, almost none of them
sanctioned: ../shared/data/cases/sec_foreign_registrants_2002.csv). Prints the
share of names with an alert at each threshold, beside rapidfuzz WRatio on
unidecoded names (best list name per query, on a sample, computed in the same
run). A few of these companies were later sanctioned (China Telecom, China
Unicom, CNOOC, PDVSA): their alerts are true ones, so the rate slightly
overstates false alerts. Results are appended to benchmarks/results/false_alerts.csv.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process, utils
from unidecode import unidecode

import entitymatch as em
from entitymatch.lists import iter_list

sys.path.insert(0, str(Path(__file__).resolve().parent))
from record import append_rows  # benchmarks/ is not a package

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared/data"
LISTS = (
    "lists/csl_2023-11-30_subset.csv",
    "lists/ofac_sdn_2024-05-03.csv",
    "lists/ofac_nonsdn_2025-12/cons_prim.csv",
    "lists/un_consolidated_2026-02.xml",
    "lists/bis_dpl_2022.txt",
)
THRESHOLDS = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
BASELINE_SAMPLE = 300
RESULTS = ROOT / "benchmarks/results/false_alerts.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=float, help="print the alerts at this threshold")
    args = parser.parse_args()
    python = sys.version.split()[0]
    print(f"platform: {platform.platform()}, Python {python}, {os.cpu_count()} CPUs")
    entities = [e for path in LISTS for e in iter_list(SHARED / path, errors="skip")]
    started = time.perf_counter()
    matcher = em.Matcher(entities)
    print(f"{matcher!r} built in {time.perf_counter() - started:.1f}s")
    with (SHARED / "cases/sec_foreign_registrants_2002.csv").open(encoding="utf-8") as handle:
        queries = [line.rsplit(";", 1)[0].strip() for line in handle if line.strip()]
    started = time.perf_counter()
    best = [
        hits[0] if hits else None
        for hits in matcher.screen(queries, threshold=min(THRESHOLDS), limit=1)
    ]
    seconds = time.perf_counter() - started
    rate = len(queries) / seconds
    print(f"{len(queries)} unlisted names screened in {seconds:.1f}s ({rate:.0f}/s)")

    choices = [utils.default_process(unidecode(n)) for e in entities for n in e.names]
    started = time.perf_counter()
    sample = queries[:: max(1, len(queries) // BASELINE_SAMPLE)][:BASELINE_SAMPLE]
    baseline = [
        process.extractOne(utils.default_process(unidecode(q)), choices, scorer=fuzz.WRatio)[1]
        / 100
        for q in sample
    ]
    base_seconds = time.perf_counter() - started
    print(f"baseline WRatio on {len(sample)} of them in {base_seconds:.1f}s")
    print(f"{'threshold':>9}  {'entitymatch':>11}  {'WRatio':>7}")
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows = []
    for threshold in THRESHOLDS:
        ours = sum(1 for hit in best if hit and hit.score >= threshold) / len(queries)
        theirs = sum(1 for s in baseline if s >= threshold) / len(baseline)
        print(f"{threshold:>9.2f}  {ours:>11.1%}  {theirs:>7.1%}")
        rows.append([stamp, threshold, len(queries), ours, len(baseline), theirs])
    print(f"entitymatch default threshold {em.DEFAULT_THRESHOLD}")
    if args.show is not None:
        for query, hit in zip(queries, best, strict=True):
            if hit and hit.score >= args.show:
                print(f"  {hit.score:.3f}  {query}  |  {hit.name}  ({hit.entity.id})")
    header = ["utc", "threshold", "queries", "entitymatch_rate", "baseline_queries", "wratio_rate"]
    append_rows(RESULTS, header, rows)


if __name__ == "__main__":
    main()
