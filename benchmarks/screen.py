"""Screening benchmark: throughput, latency, recall, alert rates and memory of a matcher.

Usage::

    python benchmarks/screen.py                        # the 45k-name real list
    python benchmarks/screen.py --scaling --plot       # 45k, 100k and 1M names, and the plot
    python benchmarks/screen.py --quick                # a smoke run, under a minute

For each list size it builds the list (the real 45k-name list, or a synthetic
list of 100k or 1M names made from its words: ``workload.make_synthetic_entities``)
and a reproducible workload (half perturbed list names, half real unlisted
names: ``workload.make_queries``), then measures, each in a fresh process:

* **build** (``Matcher(entities)``), peak memory of the build, ``save``;
* **load** (``Matcher.load`` in a new process), then in that process: the
  first ``match`` (cold), single-query latency of ``match`` after a warm-up
  (warm), queries/s of ``screen`` on all cores, the hit rate on positives and
  the false-alert rate on negatives at the default threshold, and the peak
  memory of load + screen;
* **recall** of the index against ``Matcher._exhaustive`` (every list name
  scored by the same scorer) on a sample;
* the **baseline**: rapidfuzz ``process.cdist`` with ``fuzz.WRatio`` over
  every list name on a sample, all cores, in the same run; the ratio of the
  two throughputs.

Expensive figures stop at a time budget (``--budget``, ``--recall-budget``) and
say how many queries they measured, so a slow build of the matcher still gives
a run of a few minutes. Every figure is printed beside its target with
PASS/MISS; one row per list size is appended to benchmarks/results/screen.csv.
See docs/performance.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import multiprocessing
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import rapidfuzz
from rapidfuzz import fuzz, process, utils
from unidecode import unidecode

import entitymatch as em

sys.path.insert(0, str(Path(__file__).resolve().parent))
import workload  # benchmarks/ is not a package
from record import append_rows

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "screen.csv"
PLOT = ROOT / "docs" / "performance.png"

SIZES: dict[str, int | None] = {"45k": None, "100k": 100_000, "1m": 1_000_000}
"""List sizes: ``None`` is the real list (44,851 names); others are synthetic."""

SAMPLE_SEED = workload.SEED + 1
"""Seed of the sample workload (warm-up, latency, recall, baseline), drawn apart
from the throughput workload so that no figure is measured on queries another
figure has already warmed."""

MEMORY_INTERVAL = 0.5
"""Seconds between samples of the process tree's memory: often enough to see
the peak of a screen that lasts seconds, rarely enough to cost under 1% CPU."""

MIN_SCREEN = 1_000
"""Fewest queries the throughput is measured on, whatever the budget."""

MB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """What one run measures, passed to the measuring processes as JSON."""

    queries: int = 100_000
    workers: int | None = None
    warmup: int = 200
    latency: int = 2_000
    recall: int = 300
    baseline: int = 200
    budget: float = 60.0
    recall_budget: float = 120.0

    @classmethod
    def quick(cls, workers: int | None) -> Settings:
        return cls(2_000, workers, 20, 200, 10, 20, 5.0, 8.0)


@dataclass(frozen=True)
class Target:
    """A figure's target: ``value op limit``."""

    op: str  # ">=", "<=" or "=="
    limit: float
    text: str

    def check(self, value: float | None) -> str:
        if value is None:
            return "n/a"
        ok = {">=": value >= self.limit, "<=": value <= self.limit, "==": value == self.limit}
        return "PASS" if ok[self.op] else "MISS"


GB = 1024.0  # MB
# The targets, (list size, figure) -> target, at the sizes the issue names.
TARGETS: dict[tuple[str, str], Target] = {
    ("45k", "qps"): Target(">=", 20_000, ">= 20,000/s"),
    ("45k", "ratio"): Target(">=", 1_000, ">= 1,000x"),
    ("45k", "p50_ms"): Target("<=", 0.5, "<= 0.5 ms"),
    ("45k", "p99_ms"): Target("<=", 5.0, "<= 5 ms"),
    **{(size, "recall"): Target("==", 1.0, "= 1.0") for size in SIZES},  # a correctness figure
    ("1m", "build_s"): Target("<=", 120, "<= 120 s"),
    ("1m", "load_s"): Target("<=", 3.0, "<= 3 s"),
    ("1m", "build_peak_mb"): Target("<=", 3 * GB, "<= 3 GB"),
    ("1m", "serve_peak_mb"): Target("<=", 3 * GB, "<= 3 GB"),
    ("1m", "qps"): Target(">=", 5_000, ">= 5,000/s"),
}

FIELDS = (
    "timestamp",
    "commit",
    "cpu",
    "cores",
    "python",
    "numpy",
    "rapidfuzz",
    "list_size",
    "entities",
    "names",
    "workers",
    "queries",
    "screened",
    "qps",
    "baseline_queries",
    "baseline_qps",
    "ratio",
    "latency_queries",
    "p50_ms",
    "p90_ms",
    "p99_ms",
    "mean_ms",
    "max_ms",
    "slowest",
    "first_ms",
    "recall_queries",
    "recall_hits",
    "recall_found",
    "recall",
    "recall_extra",
    "positives",
    "hit_rate",
    "negatives",
    "false_alert_rate",
    "list_s",
    "build_s",
    "save_s",
    "size_bytes",
    "load_s",
    "list_mb",
    "build_peak_mb",
    "serve_mode",
    "serve_self_mb",
    "serve_children_mb",
    "serve_tree_mb",
    "serve_peak_mb",
    "notes",
)


# -- measuring -------------------------------------------------------------------


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or of its largest waited-for child)."""
    kb = resource.getrusage(who).ru_maxrss  # kilobytes on Linux
    return kb / 1024 if sys.platform != "darwin" else kb / MB


class TreeMemory:
    """Peak of the summed PSS of this process and its descendants, sampled in a thread.

    ``ru_maxrss`` gives one process's peak; with worker processes the memory in
    use is the sum over the tree, and PSS divides pages shared by a fork
    between the processes sharing them, so the sum counts each page once.
    Linux only; elsewhere ``peak_mb`` stays ``None``.
    """

    def __init__(self) -> None:
        self.available = Path("/proc/self/smaps_rollup").exists()
        self._peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if self.available:
            self._thread.start()

    @property
    def peak_mb(self) -> float | None:
        if not self.available:
            return None
        self.sample()
        return self._peak_kb / 1024

    def reset(self) -> None:
        self._peak_kb = 0
        self.sample()

    def sample(self) -> None:
        total = 0
        for pid in _descendants(os.getpid()):
            try:
                with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
                    total += next(
                        int(line.split()[1]) for line in handle if line.startswith("Pss:")
                    )
            except (OSError, StopIteration, ValueError):
                continue  # the process ended between listing and reading
        self._peak_kb = max(self._peak_kb, total)

    def _run(self) -> None:
        while not self._stop.wait(MEMORY_INTERVAL):
            self.sample()


def _descendants(pid: int) -> list[int]:
    pids = [pid]
    for parent in pids:  # grows while iterating: breadth-first over the tree
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children", encoding="ascii") as handle:
                    pids.extend(int(child) for child in handle.read().split())
            except OSError:
                continue
    return pids


def path_size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def progress(message: str) -> None:
    print(f"    .. {message}", file=sys.stderr, flush=True)


def percentile_ms(values_ns: Sequence[int], q: float) -> float:
    return float(np.percentile(np.asarray(values_ns, dtype=np.float64), q)) / 1e6


def serve(
    matcher: Any,
    queries: list[workload.Query],
    sample: list[workload.Query],
    *,
    settings: Settings,
    memory: TreeMemory,
    out: dict[str, Any],
) -> None:
    """Latency, throughput, alert rates and recall of a built or loaded matcher."""
    started = time.perf_counter_ns()
    matcher.match(sample[0].name)
    out["first_ms"] = (time.perf_counter_ns() - started) / 1e6

    # Latency, warm: a warm-up, then one timed match per query.
    deadline = time.perf_counter() + settings.budget
    for query in sample[: settings.warmup]:
        matcher.match(query.name)
    timings: list[int] = []
    slowest, worst = "", 0
    for query in sample[settings.warmup : settings.warmup + settings.latency]:
        started = time.perf_counter_ns()
        matcher.match(query.name)
        timings.append(time.perf_counter_ns() - started)
        if timings[-1] > worst:
            slowest, worst = query.name, timings[-1]
        if time.perf_counter() > deadline:
            break
    out["latency_queries"] = len(timings)
    for q in (50, 90, 99):
        out[f"p{q}_ms"] = percentile_ms(timings, q)
    out["mean_ms"] = sum(timings) / len(timings) / 1e6
    out["max_ms"] = worst / 1e6
    out["slowest"] = slowest

    # Throughput: as many queries as the budget allows at the rate seen so far.
    cores = settings.workers or os.cpu_count() or 1
    rate = cores * len(timings) / (sum(timings) / 1e9)
    count = min(len(queries), max(MIN_SCREEN, int(settings.budget * rate)))
    screened = queries[:count]
    progress(f"screening {count:,} queries (workers={cores})")
    memory.reset()
    started = time.perf_counter()
    results = list(matcher.screen([q.name for q in screened], workers=settings.workers))
    seconds = time.perf_counter() - started
    out["serve_tree_mb"] = memory.peak_mb
    out["serve_self_mb"] = max_rss_mb()
    out["serve_children_mb"] = max_rss_mb(resource.RUSAGE_CHILDREN)
    out["screened"] = count
    out["qps"] = count / seconds
    positives = [(q, hits) for q, hits in zip(screened, results, strict=True) if q.source_id]
    negatives = [hits for q, hits in zip(screened, results, strict=True) if not q.source_id]
    out["positives"] = len(positives)
    out["hit_rate"] = sum(
        any(h.entity.id == q.source_id for h in hits) for q, hits in positives
    ) / max(1, len(positives))
    out["negatives"] = len(negatives)
    out["false_alert_rate"] = sum(bool(hits) for hits in negatives) / max(1, len(negatives))
    recall(matcher, sample[: settings.recall], settings, out)


_ORACLE: Any = None  # the matcher, for the forked recall workers


def _exhaustive(name: str) -> list[tuple[str, float]]:
    result: list[tuple[str, float]] = _ORACLE._exhaustive(name, threshold=em.DEFAULT_THRESHOLD)
    return result


def recall(
    matcher: Any, sample: list[workload.Query], settings: Settings, out: dict[str, Any]
) -> None:
    """Hits of ``match`` against exhaustive scoring on a sample, at the default threshold.

    The oracle runs in forked processes, one per core if a copy of this process
    per core fits in the memory available (else one), so that the budget can
    stop a query the oracle is still on; only when not even one copy fits does
    it run here, finishing the query it is on.
    """
    global _ORACLE  # noqa: PLW0603  (read by the forked workers)
    _ORACLE = matcher
    threshold = em.DEFAULT_THRESHOLD
    deadline = time.perf_counter() + settings.recall_budget
    cores = settings.workers or os.cpu_count() or 1
    fork = "fork" in multiprocessing.get_all_start_methods()
    copies = [n for n in (cores, 1) if fork and _available_mb() > 2 * n * max_rss_mb()]
    procs = copies[0] if copies else 0
    progress(f"recall on up to {len(sample)} queries ({procs or 'no'} forked processes)")
    hits = found = extra = done = 0
    missed: list[dict[str, Any]] = []
    names = [q.name for q in sample]

    def tally(name: str, exhaustive: list[tuple[str, float]]) -> None:
        nonlocal hits, found, extra, done
        oracle = {(entity_id, round(score, 9)) for entity_id, score in exhaustive}
        index = {
            (h.entity.id, round(h.score, 9))
            for h in matcher.match(name, threshold=threshold, limit=None)
        }
        hits += len(oracle)
        found += len(oracle & index)
        extra += len(index - oracle)
        done += 1
        if oracle - index and len(missed) < 3:
            missed.append({"query": name, "missed": sorted(oracle - index)[:3]})

    if procs:
        with multiprocessing.get_context("fork").Pool(procs) as pool:
            results = pool.imap(_exhaustive, names)
            for name in names:
                try:
                    exhaustive = results.next(timeout=max(0.0, deadline - time.perf_counter()))
                except multiprocessing.TimeoutError:
                    out["notes"].append(
                        f"recall stopped at its budget ({settings.recall_budget:g} s) "
                        "with the oracle still scoring a query"
                    )
                    break
                tally(name, exhaustive)
    else:
        for name in names:
            tally(name, _exhaustive(name))
            if time.perf_counter() > deadline:
                break
    out.update(
        recall_queries=done,
        recall_hits=hits,
        recall_found=found,
        recall=found / hits if hits else None,
        recall_extra=extra,
        recall_missed=missed,
    )


def _available_mb() -> float:
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def baseline(
    names: list[str], sample: list[workload.Query], settings: Settings, out: dict[str, Any]
) -> None:
    """rapidfuzz ``cdist`` + ``WRatio`` of the sample against every list name, all cores.

    List names are transliterated once, untimed (the baseline's "build");
    queries are transliterated inside the timing. A first call on a few queries
    sets how many more fit in the budget; both calls are timed.
    """
    choices = [unidecode(name) for name in names]

    def run(queries: list[workload.Query]) -> float:
        started = time.perf_counter()
        process.cdist(
            [unidecode(q.name) for q in queries],
            choices,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            workers=-1,
        )
        return time.perf_counter() - started

    first = sample[: min(5, settings.baseline)]
    seconds = run(first)
    more = min(
        settings.baseline - len(first), int((settings.budget - seconds) * len(first) / seconds)
    )
    rest = sample[len(first) : len(first) + max(0, more)]
    progress(f"baseline cdist+WRatio on {len(first) + len(rest)} queries x {len(names):,} names")
    if rest:
        seconds += run(rest)
    out["baseline_queries"] = len(first) + len(rest)
    out["baseline_qps"] = out["baseline_queries"] / seconds


def phase_build(size: str, settings: Settings, state: Path) -> dict[str, Any]:
    """Fresh process: the list, the workload, build, save, and the baseline."""
    memory = TreeMemory()
    out: dict[str, Any] = {"notes": []}
    started = time.perf_counter()
    real = workload.load_entities()
    count = SIZES[size]
    if count is None:
        entities = real
        queries = workload.make_queries(real, settings.queries)
        sample_size = settings.warmup + settings.latency + max(settings.recall, settings.baseline)
        sample = workload.make_queries(real, sample_size, SAMPLE_SEED)
    else:
        entities = workload.make_synthetic_entities(count, real=real)
        queries = workload.make_synthetic_queries(entities, real, settings.queries)
        sample_size = settings.warmup + settings.latency + max(settings.recall, settings.baseline)
        sample = workload.make_synthetic_queries(entities, real, sample_size, SAMPLE_SEED)
    out["list_s"] = time.perf_counter() - started
    out["list_mb"] = max_rss_mb()
    (state / "queries.json").write_text(
        json.dumps(
            {
                key: [[q.name, q.source_id] for q in value]
                for key, value in (("queries", queries), ("sample", sample))
            }
        ),
        encoding="utf-8",
    )
    progress(f"building the matcher of {sum(len(e.names) for e in entities):,} names")
    memory.reset()
    started = time.perf_counter()
    matcher = em.Matcher(entities)
    out["build_s"] = time.perf_counter() - started
    out["build_peak_mb"] = max(max_rss_mb(), memory.peak_mb or 0.0)
    out["entities"] = len(matcher)
    out["names"] = matcher.name_count
    path = state / "matcher.em"
    started = time.perf_counter()
    matcher.save(path)
    out["save_s"] = time.perf_counter() - started
    out["size_bytes"] = path_size(path)
    list_names = [name for entity in entities for name in entity.names]
    del matcher, entities, real
    baseline(list_names, sample, settings, out)
    return out


def phase_serve(settings: Settings, state: Path) -> dict[str, Any]:
    """Fresh process: load the saved matcher (cold), then serve it."""
    from entitymatch.matcher import Matcher  # noqa: PLC0415  (imported before the clock starts)

    memory = TreeMemory()
    out: dict[str, Any] = {"notes": [], "serve_mode": "load+screen"}
    data = json.loads((state / "queries.json").read_text(encoding="utf-8"))
    queries = [workload.Query(*q) for q in data["queries"]]
    sample = [workload.Query(*q) for q in data["sample"]]
    progress("loading the saved matcher in a fresh process")
    memory.reset()
    started = time.perf_counter()
    matcher = Matcher.load(state / "matcher.em")
    out["load_s"] = time.perf_counter() - started
    serve(matcher, queries, sample, settings=settings, memory=memory, out=out)
    return out


def run_phase(phase: str, size: str, settings: Settings, state: Path) -> dict[str, Any]:
    """Run one phase in a fresh interpreter; its figures come back as JSON."""
    result = state / f"{phase}.json"
    command = [sys.executable, __file__, "--phase", phase, "--state", str(state)]
    (state / "settings.json").write_text(json.dumps({"size": size, **asdict(settings)}))
    done = subprocess.run(command, check=False)
    if done.returncode != 0 or not result.exists():
        return {"notes": [f"{phase} process failed (exit {done.returncode})"], "failed": True}
    out: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return out


def child_main(phase: str, state: Path) -> int:
    config = json.loads((state / "settings.json").read_text(encoding="utf-8"))
    size = config.pop("size")
    settings = Settings(**config)
    out = phase_build(size, settings, state) if phase == "build" else phase_serve(settings, state)
    (state / f"{phase}.json").write_text(json.dumps(out, default=str), encoding="utf-8")
    return 0


# -- reporting -------------------------------------------------------------------


def platform_info() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next(
                (line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")),
                cpu,
            )
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "rapidfuzz": rapidfuzz.__version__,
        "commit": git_commit(),
    }


def git_commit() -> str:
    """Short HEAD, with ``+dirty`` when src/ differs from it (the run measured that)."""

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", *args], capture_output=True, text=True, cwd=ROOT, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return ""
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "?"
    return head + ("+dirty" if git("status", "--porcelain", "--", "src") else "")


class _NA:
    """Shown for a figure the run does not have, whatever its format."""

    def __format__(self, spec: str) -> str:
        return "n/a"


class _Shown(dict[str, Any]):
    def __missing__(self, key: str) -> _NA:
        return _NA()


# (label, figure, format, unit, detail): the printed report, one line per figure.
LINES = (
    ("screen", "qps", ",.0f", "/s", "{screened:,} of {queries:,} queries, {how}"),
    (
        "baseline cdist+WRatio",
        "baseline_qps",
        ",.1f",
        "/s",
        "{baseline_queries:,} queries, all cores",
    ),
    ("ratio", "ratio", ",.0f", "x", "screen / baseline"),
    (
        "match latency p50",
        "p50_ms",
        ".3f",
        " ms",
        "{latency_queries:,} queries after {warmup:,} warm-up",
    ),
    ("match latency p90", "p90_ms", ".3f", " ms", ""),
    ("match latency p99", "p99_ms", ".3f", " ms", ""),
    ("match latency mean", "mean_ms", ".3f", " ms", "the inverse of one core's throughput"),
    ("match latency max", "max_ms", ",.1f", " ms", "{slowest!r}"),
    ("first match (cold)", "first_ms", ",.1f", " ms", "the first query after {after}"),
    (
        "recall vs exhaustive",
        "recall",
        ".4f",
        "",
        "{recall_found:,} of {recall_hits:,} hits, {recall_extra:,} extra; "
        "{recall_queries:,} queries",
    ),
    (
        "hit rate on positives",
        "hit_rate",
        ".4f",
        "",
        "{positives:,} positives; default threshold, limit 10",
    ),
    ("false-alert rate", "false_alert_rate", ".4f", "", "{negatives:,} negatives"),
    ("build", "build_s", ",.1f", " s", "list made in {list_s:.1f} s"),
    ("saved size", "size_mb", ",.1f", " MB", "{size_bytes:,} bytes"),
    ("load (fresh process)", "load_s", ".2f", " s", ""),
    (
        "peak memory: build",
        "build_peak_mb",
        ",.0f",
        " MB",
        "ru_maxrss; the list alone {list_mb:,.0f} MB",
    ),
    (
        "peak memory: {serve_mode}",
        "serve_peak_mb",
        ",.0f",
        " MB",
        "tree PSS {serve_tree_mb:,.0f} MB; ru_maxrss {serve_self_mb:,.0f} MB, "
        "largest child {serve_children_mb:,.0f} MB",
    ),
)


def report(size: str, out: dict[str, Any]) -> list[tuple[str, str]]:
    """Print a list size's figures with their targets; return (figure, PASS/MISS) pairs."""
    shown = _Shown({k: v for k, v in out.items() if v is not None})
    verdicts: list[tuple[str, str]] = []
    for label, key, spec, unit, template in LINES:
        name = label.format_map(shown)
        value = out.get(key)
        text = "n/a" if value is None else f"{value:{spec}}{unit}"
        detail = "" if value is None else template.format_map(shown)
        target = TARGETS.get((size, key))
        goal = mark = ""
        if target is not None:
            goal, mark = target.text, target.check(value)
            verdicts.append((f"{size} {name}", mark))
        print(f"  {name:<30} {text:>13}  {goal:<11} {mark:<4}  {detail}".rstrip())
    for missed in out.get("recall_missed", []):
        print(f"  recall miss: {missed['query']!r} -> {missed['missed']}")
    for note in out.get("notes", []):
        print(f"  note: {note}")
    return verdicts


def measure(size: str, settings: Settings) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="entitymatch-bench-") as tmp:
        state = Path(tmp)
        out = run_phase("build", size, settings, state)
        if not out.get("failed"):
            served = run_phase("serve", size, settings, state)
            out["notes"] += served.pop("notes")
            out.update(served)
    out["queries"] = settings.queries
    out["warmup"] = settings.warmup
    if out.get("qps") and out.get("baseline_qps"):
        out["ratio"] = out["qps"] / out["baseline_qps"]
    if out.get("size_bytes"):
        out["size_mb"] = out["size_bytes"] / MB
    out["how"] = f"workers={settings.workers or os.cpu_count()}"
    out["after"] = out.get("serve_mode", "?").split("+")[0]
    peaks = [out.get("serve_tree_mb"), out.get("serve_self_mb")]
    out["serve_peak_mb"] = max((p for p in peaks if p is not None), default=None)
    return out


def write_rows(rows: list[dict[str, Any]]) -> None:
    append_rows(RESULTS, FIELDS, rows)
    print(f"appended {len(rows)} row(s) to {RESULTS.relative_to(ROOT)}")


def plot(path: Path = PLOT) -> None:
    """Queries/s and peak memory against list size: the latest row per size in the CSV."""
    try:
        import matplotlib as mpl  # noqa: PLC0415  (optional: a benchmark-only tool)

        mpl.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib)")
        return
    if not RESULTS.exists():
        print(f"no results in {RESULTS}: no plot")
        return
    with RESULTS.open(encoding="utf-8", newline="") as handle:
        latest = {row["list_size"]: row for row in csv.DictReader(handle) if row["qps"]}
    rows = sorted(latest.values(), key=lambda row: int(row["names"]))
    names = [int(row["names"]) for row in rows]

    def floats(key: str) -> list[float]:
        return [float(row[key]) if row[key] else float("nan") for row in rows]

    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(names, floats("qps"), "o-", label="entitymatch screen")
    left.plot(names, floats("baseline_qps"), "s--", label="rapidfuzz cdist + WRatio")
    left.plot([44_851], [20_000], "k^", label="target at 45k / 1M")
    left.plot([1_000_000], [5_000], "k^")
    left.set(xscale="log", yscale="log", xlabel="names in the list", ylabel="queries/s")
    right.plot(names, floats("build_peak_mb"), "o-", label="build")
    right.plot(names, floats("serve_peak_mb"), "s-", label="load + screen")
    right.axhline(3 * GB, color="k", linestyle=":", label="target at 1M (3 GB)")
    right.set(xscale="log", xlabel="names in the list", ylabel="peak memory (MB)")
    for axis in (left, right):
        axis.grid(visible=True, which="both", alpha=0.3)
        axis.legend(fontsize="small")
    commits = ", ".join(sorted({row["commit"] for row in rows}))
    stamp = max(row["timestamp"] for row in rows)[:10]
    figure.suptitle(f"entitymatch screening ({rows[0]['cores']} cores; commit {commits}; {stamp})")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    print(f"wrote {path.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--list-size", action="append", choices=list(SIZES), help="repeatable; default 45k"
    )
    parser.add_argument("--scaling", action="store_true", help="all list sizes: 45k, 100k, 1m")
    parser.add_argument("--queries", type=int, help="workload size (default 100,000)")
    parser.add_argument(
        "--workers", type=int, help="worker processes for screen (default all cores)"
    )
    parser.add_argument("--budget", type=float, help="seconds per timed figure (default 60)")
    parser.add_argument("--recall-budget", type=float, help="seconds for recall (default 120)")
    parser.add_argument("--quick", action="store_true", help="small numbers: a smoke run")
    parser.add_argument("--plot", action="store_true", help=f"write {PLOT.relative_to(ROOT)}")
    parser.add_argument("--no-save", action="store_true", help=f"do not append to {RESULTS.name}")
    parser.add_argument("--phase", choices=("build", "serve"), help=argparse.SUPPRESS)
    parser.add_argument("--state", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress is on stderr
    if args.phase:
        return child_main(args.phase, args.state)

    settings = Settings.quick(args.workers) if args.quick else Settings(workers=args.workers)
    overrides = {
        "queries": args.queries,
        "budget": args.budget,
        "recall_budget": args.recall_budget,
    }
    settings = Settings(**{**asdict(settings), **{k: v for k, v in overrides.items() if v}})
    sizes = list(SIZES) if args.scaling else list(dict.fromkeys(args.list_size or ["45k"]))
    info = platform_info()
    print(
        f"platform: {info['cpu']}, {info['cores']} cores, "
        f"{platform.system()} {platform.release()}; "
        f"Python {info['python']}, numpy {info['numpy']}, rapidfuzz {info['rapidfuzz']}, "
        f"entitymatch {em.__version__} at commit {info['commit']}"
    )
    print(
        f"settings: {settings.queries:,} queries; latency on {settings.latency:,} after "
        f"{settings.warmup} warm-up; recall on {settings.recall}; baseline on {settings.baseline}; "
        f"budget {settings.budget:g} s per figure, {settings.recall_budget:g} s for recall; "
        f"threshold {em.DEFAULT_THRESHOLD}"
    )
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows, verdicts = [], []
    for size in sizes:
        print(f"\n{size}: building the list and the matcher (fresh processes)", flush=True)
        out = measure(size, settings)
        kind = "real: CSL subset + OFAC SDN 2021-07" if SIZES[size] is None else "synthetic"
        print(
            f"{size}: {out.get('entities', 0):,} entities, {out.get('names', 0):,} names ({kind})"
        )
        verdicts += report(size, out)
        rows.append(
            {
                **info,
                **{k: _csv(v) for k, v in out.items()},
                "timestamp": stamp,
                "list_size": size,
                "workers": settings.workers or os.cpu_count(),
                "notes": "; ".join(out.get("notes", [])),
            }
        )
    misses = [label for label, mark in verdicts if mark == "MISS"]
    missing = [label for label, mark in verdicts if mark == "n/a"]
    print(
        f"\ntargets: {sum(m == 'PASS' for _, m in verdicts)} PASS, {len(misses)} MISS"
        + (f" ({', '.join(misses)})" if misses else "")
        + (f", {len(missing)} not measured ({', '.join(missing)})" if missing else "")
    )
    if not args.no_save:
        write_rows(rows)
    if args.plot:
        plot()
    return 1 if any(row.get("failed") for row in rows) else 0


def _csv(value: Any) -> Any:
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list | dict):
        return json.dumps(value)
    return value


if __name__ == "__main__":
    sys.exit(main())
