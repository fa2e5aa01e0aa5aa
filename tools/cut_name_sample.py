"""Cut tests/fixtures/names/list_sample.tsv: real list entries for differential tests.

Run: python tools/cut_name_sample.py  (reads ../shared/data/lists; seeded, reproducible)

Takes a seeded random sample of entities from each real list (CSL subset, OFAC SDN
2024-05 with the 2025-02 alias file, OFAC non-SDN, UN), keeping every name and weak
alias, so that the sample has persons, organisations, vessels, Chinese, Arabic and
Cyrillic names, legal forms and aliases as the lists write them.
"""

from __future__ import annotations

import random
from pathlib import Path

from entitymatch.lists import iter_list

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared/data/lists"
OUT = ROOT / "tests/fixtures/names/list_sample.tsv"
TAKE = {
    "csl_2023-11-30_subset.csv": 280,
    "ofac_sdn_2024-05-03.csv": 260,
    "ofac_nonsdn_2025-12/cons_prim.csv": 80,
    "un_consolidated_2026-02.xml": 120,
}


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def main() -> None:
    rng = random.Random(20261123)
    rows = []
    for name, count in TAKE.items():
        entities = list(iter_list(SHARED / name, errors="skip"))
        for entity in rng.sample(entities, count):
            names = "|".join(_clean(n) for n in entity.names if "|" not in n)
            weak = "|".join(_clean(n) for n in entity.weak_aliases if "|" not in n)
            rows.append(f"{entity.id}\t{entity.kind or ''}\t{name}\t{names}\t{weak}")
    header = [
        "# Real list entries sampled by tools/cut_name_sample.py (seeded) from",
        "# shared/data/lists: trade.gov CSL subset 2023-11-30, OFAC SDN 2024-05-03 (with",
        "# alt 2025-02), OFAC non-SDN 2025-12, UN consolidated 2026-02. Public domain / public",
        "# UN document. Fields: id, kind, list file, names ('|'-separated), weak aliases.",
        "id\tkind\tlist\tnames\tweak_aliases",
    ]
    OUT.write_text("\n".join([*header, *rows]) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} entities to {OUT}")


if __name__ == "__main__":
    main()
