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
import re
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


# -- synthetic lists for the scaling figures -------------------------------------

KEEP_WORDS = frozenset(
    # Legal forms: kept in place, as a larger list has the same mix of them.
    "ltd ltd. limited llc l.l.c. inc inc. incorporated co co. company corp corp. corporation "
    "gmbh ag sa s.a. sarl s.a.r.l. srl s.r.l. spa s.p.a. bv b.v. nv n.v. plc llp lp pte pvt "
    "jsc pjsc ojsc cjsc ooo oao zao ao pao tov ood eood fze fzco fzc dmcc sal sae sas sdn bhd "
    "kft zrt sp. z o.o. as a.s. ab oy ks kg se cv s.a.c. sac pty"
    # Stopwords and name particles: structure, not vocabulary.
    " and & of the for de del della di da do dos das la le el al al- bin ibn bint abu ben van "
    "von der den y e et und in on at to".split()
)
"""Words a synthetic name keeps from its template (compared in lower case)."""

_WORD = re.compile(r"^(\W*)(.*?)(\W*)$")


def _word_class(kind: str | None, position: str) -> str:
    return f"{kind or 'other'}:{position}"


def _name_words(name: str, kind: str | None) -> list[tuple[str, str, str, str | None]]:
    """``(prefix, core, suffix, class)`` per word of a name; class ``None`` keeps the word.

    Person names are read the way the lists write them: ``SURNAME, Given
    Names`` (before the comma: surname words), or ``Given SURNAME`` (capitals
    in a mixed-case name, else the last word, are the surname).
    """
    words = name.split()
    positions: list[str]
    if kind != "person":
        positions = ["word"] * len(words)
    elif "," in name:
        before = name.split(",", 1)[0].split()
        positions = ["surname"] * len(before) + ["given"] * (len(words) - len(before))
    else:
        mixed = not name.isupper() and any(w.isupper() and len(w) > 1 for w in words)
        positions = [
            "surname" if (w.isupper() and len(w) > 1 if mixed else i == len(words) - 1) else "given"
            for i, w in enumerate(words)
        ]
    out = []
    for word, position in zip(words, positions, strict=True):
        match = _WORD.match(word)
        assert match is not None  # the pattern matches every string
        prefix, core, suffix = match.groups()
        keep = (
            not core
            or word.lower() in KEEP_WORDS
            or core.lower() in KEEP_WORDS
            or any(c.isdigit() for c in core)
        )
        out.append((prefix, core, suffix, None if keep else _word_class(kind, position)))
    return out


def _cased_like(word: str, template: str) -> str:
    if template.isupper():
        return word.upper()
    if template.istitle():
        return word.title()
    if template.islower():
        return word.lower()
    return word


def _rewrite(
    name: str,
    kind: str | None,
    mapping: dict[str, str],
    pools: dict[str, list[str]],
    rng: random.Random,
) -> str:
    """``name`` with each replaceable word swapped for a real word of its class."""
    words = []
    for prefix, core, suffix, cls in _name_words(name, kind):
        new = core
        if cls is not None:
            key = core.casefold()
            if key not in mapping:
                pool = pools.get(f"{cls}:{core.isascii()}") or pools["other:word:True"]
                mapping[key] = rng.choice(pool)
            new = _cased_like(mapping[key], core)
        words.append(prefix + new + suffix)
    return " ".join(words)


def make_synthetic_entities(
    size: int, seed: int = SEED, real: list[em.Entity] | None = None
) -> list[em.Entity]:
    """A list of ``size`` names with the real list's structure and words.

    Each synthetic entity copies a real entity picked at random (its kind, its
    number of names and aliases, their alias types and weak aliases) and
    replaces every word by a real word of the same class, drawn from all the
    real list's names in proportion to how often the word occurs there
    (Zipf's law stays). Classes: surname and given-name words of persons (the
    lists write ``SURNAME, Given`` or ``Given SURNAME``), words of
    organisations, vessels, aircraft and unknown kinds, each split by ASCII or
    not. Legal forms, stopwords and particles (:data:`KEEP_WORDS`) and words
    with digits stay where they are, and so does punctuation around words;
    the replacement takes the template word's case. Within an entity a word is
    replaced the same way in every name, so aliases stay variants of each
    other (``VALLE VALLE, Luis`` and ``Luis VALLE VALLE`` remain one person).
    Ids are ``syn-<n>``; the last entity's names are cut so that the list has
    exactly ``size`` names (weak aliases not counted, as in the real list).

    The vocabulary does not grow with the list (a real list ten times larger
    would have more distinct words), so common words have longer posting
    lists than in a real list of that size: a conservative case for an index.

    Args:
        size: Names in the list.
        seed: Seed of the random generator; the same seed gives the same list.
        real: The real list to copy (default :func:`load_entities`).
    """
    real = load_entities() if real is None else real
    rng = random.Random(seed)
    pools: dict[str, list[str]] = {}
    for entity in real:
        for name in entity.names:
            if entity.name_types.get(name) == "order":  # same words as its name in list order
                continue
            for _, core, _, cls in _name_words(name, entity.kind):
                if cls is not None:
                    pools.setdefault(f"{cls}:{core.isascii()}", []).append(core)
    entities: list[em.Entity] = []
    total = 0
    while total < size:
        template = rng.choice(real)
        mapping: dict[str, str] = {}  # template word -> its replacement in this entity
        names = {n: _rewrite(n, template.kind, mapping, pools, rng) for n in template.names}
        weak = [_rewrite(n, template.kind, mapping, pools, rng) for n in template.weak_aliases]
        kept = list(dict.fromkeys(n for n in names.values() if n.strip()))[: size - total]
        entity = em.Entity(
            id=f"syn-{len(entities) + 1}",
            names=kept,
            kind=template.kind,
            weak_aliases=weak,
            source="synthetic",
            name_types={names[n]: t for n, t in template.name_types.items() if n in names},
        )
        if entity.names:
            entities.append(entity)
            total += len(entity.names)
    return entities


def make_synthetic_queries(
    entities: list[em.Entity], real: list[em.Entity], count: int, seed: int = SEED
) -> list[Query]:
    """Queries for a synthetic list: its names perturbed as positives, and the
    negatives of ``make_queries(real, count, seed)``, in the same positions."""
    base = make_queries(real, count, seed)
    positives = (q for q in make_queries(entities, count, seed) if q.source_id is not None)
    return [next(positives) if q.source_id is not None else q for q in base]
