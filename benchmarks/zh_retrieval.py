"""Retrieval of Chinese names written in Han script, beside a rapidfuzz baseline.

Run: python benchmarks/zh_retrieval.py [--misses]

Builds a matcher from the real lists (CSL subset, OFAC SDN 2024-05 with aliases,
OFAC non-SDN 2025-12) plus one entity per English name of
``tests/golden/zh_pairs.tsv``, then queries every Han name of that table. A query
is right when its first hit at the default threshold is an entity that has the
pair's English name (in normal form); no hit counts as wrong. Every English name
of the same party is right (毛泽东 and 毛澤東: Mao Zedong, Mao Tse-tung; a brand and
the company the table's ``party`` column links it to: YMTC, Yangtze Memory
Technologies Co., Ltd.), and hits tied with the best score are unordered. The baseline
transliterates the query with unidecode and takes rapidfuzz ``WRatio``'s best
list name, in the same run. Prints the top-1 rate of
both, per category, and appends to benchmarks/results/zh_retrieval.csv; then the
hits of other entities (alerts on parties the query does not name, or relates to),
for entitymatch only.
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
from pathlib import Path

from rapidfuzz import fuzz, process, utils
from unidecode import unidecode

import entitymatch as em
from entitymatch.lists import iter_list
from entitymatch.prepare import prepare

sys.path.insert(0, str(Path(__file__).resolve().parent))
from record import append_rows  # benchmarks/ is not a package

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared/data"
# (list file, OFAC side files): the 2024 sdn.csv is kept without its alt.csv, so the
# nearest one in time (early 2025) gives the SDN entries their a.k.a. names.
LISTS: tuple[tuple[str, dict[str, Path] | None], ...] = (
    ("lists/csl_2023-11-30_subset.csv", None),
    ("lists/ofac_sdn_2024-05-03.csv", {"alt": SHARED / "lists/ofac_alt_2025-02.csv"}),
    ("lists/ofac_nonsdn_2025-12/cons_prim.csv", None),
)
PAIRS = ROOT / "tests/golden/zh_pairs.tsv"
RESULTS = ROOT / "benchmarks/results/zh_retrieval.csv"


def load_pairs() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def key(name: str) -> str:
    """Names are the same when their normal forms are."""
    return prepare(name).normal


def known_limits() -> set[str]:
    """Notes of the zh_pairs.tsv rows tests/golden/zh_known_limits.tsv lists."""
    with (ROOT / "tests/golden/zh_known_limits.tsv").open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        rows = list(csv.DictReader(lines, delimiter="\t"))
    return {row["note"] for row in rows if row["file"] == "zh_pairs.tsv"}


def right_names(pairs: list[dict[str, str]]) -> dict[str, set[str]]:
    """For each Han name, every English name that names the same party: those the
    table pairs with it, with any Han name sharing one of them (毛泽东 and 毛澤東:
    Mao Zedong, Mao Tse-tung), and with the row its ``party`` column names (长江存储
    YMTC and 长江存储科技有限责任公司 Yangtze Memory Technologies Co., Ltd.)."""
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        while parent.setdefault(item, item) != item:
            item = parent[item]
        return item

    for row in pairs:
        parent[find("han:" + row["han"])] = find("en:" + key(row["english"]))
        if row["party"]:  # the row names the same legal person as another (YMTC)
            parent[find("han:" + row["han"])] = find("note:" + row["party"])
        parent[find("note:" + row["note"])] = find("han:" + row["han"])
    groups: dict[str, set[str]] = defaultdict(set)
    for row in pairs:
        groups[find("han:" + row["han"])].add(key(row["english"]))
    return {row["han"]: groups[find("han:" + row["han"])] for row in pairs}


def build() -> tuple[list[em.Entity], list[dict[str, str]]]:
    pairs = load_pairs()
    entities = [
        entity
        for path, side in LISTS
        for entity in iter_list(SHARED / path, side_files=side, errors="skip")
    ]
    for n, row in enumerate(pairs):
        kind = row["kind"] if row["kind"] in ("person", "organization") else None
        entities.append(
            em.Entity(id=f"zh-{n}", names=[row["english"]], kind=kind, source="zh_pairs")  # type: ignore[arg-type]
        )
    return entities, pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print the queries missed")
    args = parser.parse_args()
    python = sys.version.split()[0]
    print(f"platform: {platform.platform()}, Python {python}, {os.cpu_count()} CPUs")
    entities, pairs = build()
    started = time.perf_counter()
    matcher = em.Matcher(entities)
    print(f"{matcher!r} built in {time.perf_counter() - started:.1f}s")
    names_of = {e.id: {key(n) for n in e.names} for e in entities}

    right = right_names(pairs)
    started = time.perf_counter()
    ours = []
    others = 0  # hits of entities that have none of the query's right names
    for row in pairs:
        kind = row["kind"] if row["kind"] in ("person", "organization") else None
        hits = matcher.match(row["han"], kind=kind, limit=None)  # type: ignore[arg-type]
        # Hits tied with the best are unordered: one of them being right is right.
        best = [h for h in hits if hits and h.score == hits[0].score]
        ours.append(any(names_of[h.entity.id] & right[row["han"]] for h in best))
        others += sum(1 for h in hits if not names_of[h.entity.id] & right[row["han"]])
    our_seconds = time.perf_counter() - started

    choices = [utils.default_process(unidecode(n)) for e in entities for n in e.names]
    owners = [e.id for e in entities for _ in e.names]
    started = time.perf_counter()
    theirs = []
    for row in pairs:
        best = process.extractOne(
            utils.default_process(unidecode(row["han"])), choices, scorer=fuzz.WRatio
        )
        theirs.append(best is not None and bool(names_of[owners[best[2]]] & right[row["han"]]))
    their_seconds = time.perf_counter() - started

    by_category: dict[str, list[int]] = defaultdict(list)
    for n, row in enumerate(pairs):
        by_category[row["category"]].append(n)
        by_category["ALL"].append(n)
    print(
        f"{len(pairs)} Han queries: entitymatch {our_seconds:.1f}s, baseline {their_seconds:.1f}s"
    )
    print(f"{'category':<24} {'queries':>7}  {'entitymatch':>11}  {'unidecode+WRatio':>16}")
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows = []
    for category, members in sorted(by_category.items(), key=lambda x: (x[0] != "ALL", x[0])):
        our = sum(ours[n] for n in members) / len(members)
        their = sum(theirs[n] for n in members) / len(members)
        print(f"{category:<24} {len(members):>7}  {our:>11.3f}  {their:>16.3f}")
        rows.append([stamp, category, len(members), our, their])
    limits = known_limits()
    held = [n for n, row in enumerate(pairs) if row["note"] not in limits]
    our_held = sum(ours[n] for n in held) / len(held)
    their_held = sum(theirs[n] for n in held) / len(held)
    print(
        f"{'without known limits':<24} {len(held):>7}  {our_held:>11.3f}  {their_held:>16.3f}"
        "   (rows tests/golden/zh_known_limits.tsv does not list)"
    )
    rows.append([stamp, "without known limits", len(held), our_held, their_held])
    print(
        f"hits of other entities at the default threshold: {others} "
        f"({others / len(pairs):.2f} a query; related parties, a parent or a "
        "subsidiary, count among them)"
    )
    if args.misses:
        for n, row in enumerate(pairs):
            if not ours[n]:
                print(f"  miss {row['category']:<22} {row['han']} | {row['english']}")
    header = ["utc", "category", "queries", "entitymatch_top1", "baseline_top1"]
    append_rows(RESULTS, header, rows)


if __name__ == "__main__":
    main()
