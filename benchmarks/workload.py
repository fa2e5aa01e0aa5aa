"""Reproducible screening workloads built from the real data in ../shared/data.

* The list: the CSL subset (2023-11-30) and the complete OFAC SDN set (2021-07:
  sdn.csv with alt.csv), 44,851 names.
* Positives: list names perturbed the way customer records differ from lists:
  typos (a letter deleted, swapped, replaced or doubled), a word dropped,
  words reordered, a legal form added or changed, case changes, spaces
  removed between two words.
* Negatives: real names that are not listed: the 1,320 companies of the SEC's
  2002 foreign-registrant list (some perturbed the same way), and person names
  recombined from given names and surnames of *different* list entries (a real
  given name with a real surname, not a listed person).

Everything is drawn with a seeded random generator, so a workload is the same
on every run and machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import entitymatch as em
from entitymatch.lists import iter_list

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared/data"
LISTS = ("lists/csl_2023-11-30_subset.csv", "lists/ofac_sdn_2021-07/sdn.csv")
SEED = 20261123
LEGAL_FORMS = ("Ltd", "LLC", "Co., Ltd.", "GmbH", "S.A.", "Inc.", "OOO", "Limited", "FZE")


@dataclass(frozen=True, slots=True)
class Query:
    """A workload query: the name, and the list entity it was made from (if any)."""

    name: str
    source_id: str | None


def load_entities() -> list[em.Entity]:
    """The benchmark list: CSL subset + OFAC SDN 2021-07 (44,851 names)."""
    return [e for path in LISTS for e in iter_list(SHARED / path, errors="skip")]


def perturb(name: str, rng: random.Random) -> str:
    """One realistic difference between a record and the list's spelling."""
    words = name.split()
    action = rng.randrange(10)
    if action <= 2 and len(name) > 4:
        k = rng.randrange(1, len(name) - 1)
        kind = rng.randrange(4)
        if kind == 0:
            return name[:k] + name[k + 1 :]
        if kind == 1:
            return name[:k] + name[k + 1] + name[k] + name[k + 2 :]
        if kind == 2:
            return name[:k] + rng.choice("aeiounrstl") + name[k + 1 :]
        return name[:k] + name[k] + name[k:]
    if action == 3 and len(words) > 2:
        del words[rng.randrange(len(words))]
        return " ".join(words)
    if action == 4 and len(words) > 1:
        rng.shuffle(words)
        return " ".join(words)
    if action == 5:
        return f"{name} {rng.choice(LEGAL_FORMS)}"
    if action == 6 and len(words) > 1:
        k = rng.randrange(len(words) - 1)
        return " ".join([*words[:k], words[k] + words[k + 1], *words[k + 2 :]])
    if action == 7:
        return name.lower()
    if action == 8:
        return name.title()
    return name


def _sec_names() -> list[str]:
    path = SHARED / "cases/sec_foreign_registrants_2002.csv"
    with path.open(encoding="utf-8", errors="replace") as handle:
        return [line.rsplit(";", 1)[0].strip() for line in handle if line.strip()]


def make_queries(entities: list[em.Entity], count: int, seed: int = SEED) -> list[Query]:
    """``count`` queries, half positives, half negatives, shuffled."""
    rng = random.Random(seed)
    named = [(e.id, n) for e in entities for n in e.names if e.name_types.get(n) != "order"]
    persons = [e for e in entities if e.kind == "person"]
    given = [n.split(", ", 1)[1].split()[0] for e in persons for n in e.names[:1] if ", " in n]
    surnames = [n.split(", ", 1)[0] for e in persons for n in e.names[:1] if ", " in n]
    companies = _sec_names()
    queries: list[Query] = []
    for n in range(count):
        if n % 2 == 0:
            entity_id, name = rng.choice(named)
            queries.append(Query(perturb(name, rng), entity_id))
        elif n % 4 == 1:
            company = rng.choice(companies)
            queries.append(Query(perturb(company, rng) if rng.random() < 0.5 else company, None))
        else:
            queries.append(Query(f"{rng.choice(given)} {rng.choice(surnames)}", None))
    rng.shuffle(queries)
    return queries
