"""Build benchmarks/data/hard_pairs.csv: labelled name pairs cut from the real lists.

Run: python benchmarks/build_hard_pairs.py  (reads ../shared/data; seeded, reproducible)

* Positives: two names of the same listed entry (its primary name and an alias,
  or two aliases), from the OFAC SDN list (2021-07, with alt.csv), the UN
  consolidated list and the CSL subset, that are related on the surface: they
  share a rare word (one in at most 25 entries of that list), or have a rare
  word and a word at least 80% alike (rapidfuzz ``ratio`` on unidecoded
  words), or are written in different scripts. Aliases that are
  another name altogether (ISIL / DAESH, a nom de guerre, a company's former
  name) are left out: pairing them takes knowledge, not name matching, and
  they would make the set a test of something else. Pairs whose normal forms
  are equal are left out too: they test nothing.
* Negatives: names of two different entries of the same list that share a
  rare word (the same bar as the positives: a hard negative, "HAMOON SEPAHAN
  MANAGEMENT SERVICES" vs "HAMOON SEPAHAN COMMERCIAL TRADING"). Pairs whose
  words are the same (in any order, legal forms aside) are left out: two
  entries of one name are one party listed twice, or two that no name can tell
  apart; so are pairs where one entry's name is an alias of the other.

Each row names its list and the two entries, so that a reader can check it.
"""

from __future__ import annotations

import csv
import random
import re
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz
from unidecode import unidecode

from entitymatch.lists import iter_list
from entitymatch.prepare import normalize, prepare
from entitymatch.prepare.scripts import script_of
from entitymatch.records import Entity

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared/data"
OUT = ROOT / "benchmarks/data/hard_pairs.csv"
SOURCES = {
    "ofac-sdn-2021": SHARED / "lists/ofac_sdn_2021-07/sdn.csv",
    "un-2026": SHARED / "lists/un_consolidated_2026-02.xml",
    "csl-2023": SHARED / "lists/csl_2023-11-30_subset.csv",
}
RARE = 25
"""A word in at most this many entries of a list is rare: sharing it relates two names."""
POSITIVES_PER_SOURCE = 700
NEGATIVES_PER_SOURCE = 700
SEED = 20261123


def _names(entity: Entity) -> list[str]:
    # OFAC persons gain a natural-order alias ("Given SURNAME") from the loader;
    # keep the names as the list wrote them.
    return [n for n in entity.names if entity.name_types.get(n) != "order"]


def _folded_words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", unidecode(text).lower()) if len(w) >= 2}


def _scripts(text: str) -> set[str]:
    return {script_of(c) for c in text if c.isalpha()}


def _related(name_a: str, name_b: str, rare: set[str]) -> bool:
    """Whether two names of one entry are related on the surface (see module doc)."""
    if _scripts(name_a) != _scripts(name_b):
        return True
    words_a, words_b = _folded_words(name_a) & rare, _folded_words(name_b)
    if words_a & words_b:
        return True
    return any(fuzz.ratio(a, b) >= 80 for a in words_a for b in words_b)


def _same_words(name_a: str, a: Entity, name_b: str, b: Entity) -> bool:
    """Whether two names are the same words, in any order and legal forms aside
    ("MANAURE S.A." / "MANAURE", "JIN, ZHONGDA" / "ZHONGDA JIN"): two entries of
    one name are the same party listed twice, or two parties no name can tell apart."""
    words_a = sorted(t.text for t in prepare(name_a, a.kind).tokens)
    words_b = sorted(t.text for t in prepare(name_b, b.kind).tokens)
    return words_a == words_b


def main() -> None:
    rng = random.Random(SEED)
    rows: list[dict[str, str]] = []
    for source, path in SOURCES.items():
        entities = [e for e in iter_list(path, errors="skip") if _names(e)]
        counts: dict[str, int] = defaultdict(int)
        for entity in entities:
            for word in {w for n in _names(entity) for w in _folded_words(n)}:
                counts[word] += 1
        rare = {w for w, c in counts.items() if c <= RARE and len(w) >= 3}
        positives = []
        for entity in entities:
            names = _names(entity)
            for other in names[1:]:
                if normalize(names[0]) != normalize(other) and _related(names[0], other, rare):
                    positives.append((entity, names[0], entity, other))
        rng.shuffle(positives)
        by_word: dict[str, list[tuple[Entity, str]]] = defaultdict(list)
        for entity in entities:
            for name in _names(entity)[:2]:
                for word in _folded_words(name) & rare:
                    by_word[word].append((entity, name))
        words = sorted(w for w, hits in by_word.items() if len({e.id for e, _ in hits}) >= 2)
        negatives = []
        seen: set[tuple[str, str]] = set()
        attempts = 0
        while len(negatives) < NEGATIVES_PER_SOURCE and attempts < 100 * NEGATIVES_PER_SOURCE:
            attempts += 1
            (a, name_a), (b, name_b) = rng.sample(by_word[rng.choice(words)], 2)
            key = tuple(sorted((a.id, b.id)))
            if a.id == b.id or key in seen or _same_words(name_a, a, name_b, b):
                continue
            a_names = {normalize(n) for n in a.names}
            if any(normalize(n) in a_names for n in b.names):
                continue
            seen.add(key)  # type: ignore[arg-type]
            negatives.append((a, name_a, b, name_b))
        for label, pairs, count in (
            ("match", positives, POSITIVES_PER_SOURCE),
            ("no_match", negatives, NEGATIVES_PER_SOURCE),
        ):
            for a, name_a, b, name_b in pairs[:count]:
                rows.append(
                    {
                        "source": source,
                        "left_kind": a.kind or "",
                        "right_kind": b.kind or "",
                        "left": name_a,
                        "right": name_b,
                        "expected": label,
                        "left_id": a.id,
                        "right_id": b.id,
                    }
                )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        handle.write(
            "# Labelled name pairs cut from real lists by benchmarks/build_hard_pairs.py\n"
            "# (see its docstring for how). Sources: OFAC SDN 2021-07 legacy CSV, UN\n"
            "# consolidated list 2026-02, trade.gov CSL subset 2023-11-30, as kept in\n"
            "# shared/data/lists (public domain / public UN document).\n"
        )
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} pairs to {OUT}")


if __name__ == "__main__":
    main()
