"""Han names retrieve their listed entity first (the issue's retrieval target).

Builds the benchmark's matcher (real lists plus the English names of the golden
table) and checks the top-1 rate over the rows that are not known limits.
Skipped when the shared real data is not beside the checkout.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import entitymatch as em

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared/data/lists"


@pytest.mark.skipif(not SHARED.exists(), reason="shared/data/lists is not beside the checkout")
def test_han_queries_find_their_entity_first() -> None:
    spec = importlib.util.spec_from_file_location(
        "zh_retrieval", ROOT / "benchmarks/zh_retrieval.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["zh_retrieval"] = module
    spec.loader.exec_module(module)
    entities, pairs = module.build()
    matcher = em.Matcher(entities)
    right = module.right_names(pairs)
    names_of = {e.id: {module.key(n) for n in e.names} for e in entities}
    limits = module.known_limits()
    held = [row for row in pairs if row["note"] not in limits]
    first = 0
    for row in held:
        kind = row["kind"] if row["kind"] in ("person", "organization") else None
        hits = matcher.match(row["han"], kind=kind, limit=10)  # type: ignore[arg-type]
        best = [h for h in hits if h.score == hits[0].score]
        first += any(names_of[h.entity.id] & right[row["han"]] for h in best)
    assert first / len(held) >= 0.95
