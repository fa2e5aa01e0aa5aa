"""Load each real list in /work/shared/data/lists; time it against a bare parse of the same bytes.

Usage: ``python benchmarks/load.py [--repeat N] [--data DIR] [--no-save]``

Per list it prints entities, names, weak aliases, the cold time (first load in
this process) and the warm time (best of ``--repeat`` further loads),
entities per second (warm), and the ratio of the warm time to a baseline
measured in the same process on the same files: one bare pass of
``csv.reader`` (CSV/TSV) or ``xml.etree.ElementTree.iterparse`` with
``clear()`` (XML) — the floor any loader of that file pays. Results are
appended to ``benchmarks/results/load.csv``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from xml.etree.ElementTree import iterparse

from entitymatch.lists import ListStats, load_list

sys.path.insert(0, str(Path(__file__).resolve().parent))
from record import append_rows  # benchmarks/ is not a package

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "load.csv"
DEFAULT_DATA = HERE.parents[1] / "shared" / "data" / "lists"
FIELDS = (
    "timestamp",
    "commit",
    "python",
    "os",
    "cpus",
    "list",
    "format",
    "entities",
    "names",
    "weak_aliases",
    "cold_s",
    "warm_s",
    "entities_per_s",
    "baseline_s",
    "ratio",
)


@dataclass(frozen=True)
class Case:
    """One list to load: the main file, its options and every file the load reads."""

    label: str
    main: str
    options: dict[str, object]
    files: tuple[str, ...]  # for the baseline: main file first


CASES = (
    Case("csl_2023-11-30_subset.csv", "csl_2023-11-30_subset.csv", {"errors": "skip"}, ()),
    Case(
        "ofac_sdn_2021-07 (sdn+alt+add+comments)",
        "ofac_sdn_2021-07/sdn.csv",
        {},
        (
            "ofac_sdn_2021-07/alt.csv",
            "ofac_sdn_2021-07/add.csv",
            "ofac_sdn_2021-07/sdn_comments.csv",
        ),
    ),
    Case(
        "ofac_sdn_2024-05-03 + alt 2025-02",
        "ofac_sdn_2024-05-03.csv",
        {"side_files": {"alt": "ofac_alt_2025-02.csv"}},
        ("ofac_alt_2025-02.csv",),
    ),
    Case(
        "ofac_nonsdn_2025-12 (prim+alt+add)",
        "ofac_nonsdn_2025-12/cons_prim.csv",
        {},
        ("ofac_nonsdn_2025-12/cons_alt.csv", "ofac_nonsdn_2025-12/cons_add.csv"),
    ),
    Case("un_consolidated_2026-02.xml", "un_consolidated_2026-02.xml", {}, ()),
    Case("bis_dpl_2022.txt", "bis_dpl_2022.txt", {}, ()),
)


def bare_parse(path: Path) -> int:
    """The floor: parse the file with the standard library and throw the records away."""
    if path.suffix == ".xml":
        count = 0
        for _, element in iterparse(path):
            count += 1
            element.clear()
        return count
    delimiter = "\t" if path.suffix == ".txt" else ","
    with path.open(encoding="utf-8", errors="replace", newline="") as file:
        return sum(1 for _ in csv.reader(file, delimiter=delimiter))


def bare_parse_all(paths: list[Path]) -> int:
    return sum(bare_parse(path) for path in paths)


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=HERE,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return out.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="warm loads per list (best kept)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the real lists")
    parser.add_argument("--no-save", action="store_true", help=f"do not append to {RESULTS}")
    args = parser.parse_args(argv)
    data: Path = args.data
    repeat = max(1, args.repeat)
    if not data.is_dir():
        print(f"real lists not found at {data}", file=sys.stderr)
        return 1

    python = f"{platform.python_implementation()} {platform.python_version()}"
    system = f"{platform.system()} {platform.release()} {platform.machine()}"
    cpus = os.cpu_count() or 0
    print(f"python {python} | {system} | {cpus} CPUs | commit {commit() or '?'}")
    header = (
        f"{'list':<40} {'format':<9} {'entities':>8} {'names':>7} {'weak':>5} "
        f"{'cold s':>7} {'warm s':>7} {'ent/s':>8} {'base s':>7} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    rows = []
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for case in CASES:
        main_path = data / case.main
        options = dict(case.options)
        if "side_files" in options:
            side = options["side_files"]
            assert isinstance(side, dict)
            options["side_files"] = {key: data / value for key, value in side.items()}
        stats = ListStats()
        cold = timed(partial(load_list, main_path, stats=stats, **options))
        warm = min(timed(partial(load_list, main_path, **options)) for _ in range(repeat))
        files = [main_path, *(data / name for name in case.files)]
        baseline = min(timed(partial(bare_parse_all, files)) for _ in range(repeat))
        row = {
            "timestamp": stamp,
            "commit": commit(),
            "python": python,
            "os": system,
            "cpus": cpus,
            "list": case.label,
            "format": stats.format,
            "entities": stats.entities,
            "names": stats.names,
            "weak_aliases": stats.weak_aliases,
            "cold_s": f"{cold:.4f}",
            "warm_s": f"{warm:.4f}",
            "entities_per_s": f"{stats.entities / warm:.0f}",
            "baseline_s": f"{baseline:.4f}",
            "ratio": f"{warm / baseline:.1f}",
        }
        rows.append(row)
        print(
            f"{case.label:<40} {stats.format:<9} {stats.entities:>8} {stats.names:>7} "
            f"{stats.weak_aliases:>5} {cold:>7.3f} {warm:>7.3f} {stats.entities / warm:>8.0f} "
            f"{baseline:>7.3f} {warm / baseline:>5.1f}x"
        )
    print("ratio = warm load time / bare csv.reader or iterparse pass over the same files")
    if not args.no_save:
        append_rows(RESULTS, FIELDS, rows)
        print(f"appended {len(rows)} rows to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
