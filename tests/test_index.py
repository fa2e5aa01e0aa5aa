"""Differential tests: indexed screening returns exactly what exhaustive scoring returns.

The index prunes with an upper bound on every candidate's score; this is the test
that the bound never loses a match. The oracle scores every list name with the
same scorer (``Matcher._exhaustive``), which is slow and obviously complete.
"""

from __future__ import annotations

import csv
import itertools
import multiprocessing
import os
import random
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import cast

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import entitymatch as em
from entitymatch.index import (
    KeyTable,
    StringTable,
    deletions,
    typo_budget_mask,
    within_typo_budget,
)
from entitymatch.prepare import prepare
from entitymatch.score import is_distinctive, typed_text
from entitymatch.weights import token_weights

FIXTURES = Path(__file__).parent / "fixtures/names"
GOLDEN = Path(__file__).parent / "golden"


def _entities() -> list[em.Entity]:
    with (FIXTURES / "list_sample.tsv").open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        em.Entity(
            id=row["id"],
            kind=cast("em.Kind", row["kind"]) if row["kind"] else None,
            names=row["names"].split("|"),
            weak_aliases=[w for w in row["weak_aliases"].split("|") if w],
            source=row["list"],
        )
        for row in rows
    ]


ENTITIES = _entities()
LIST_NAMES = [name for entity in ENTITIES for name in entity.names]


@pytest.fixture(scope="module")
def matcher() -> em.Matcher:
    return em.Matcher(ENTITIES)


def _perturb(name: str, rng: random.Random) -> str:
    """A realistic corruption of a name: typos, dropped, swapped or repeated
    words, joined or split words, a legal form added or removed, case changes."""
    words = name.split()
    action = rng.randrange(10)
    if action == 0 and len(name) > 3:  # delete a character
        k = rng.randrange(len(name))
        return name[:k] + name[k + 1 :]
    if action == 1 and len(name) > 3:  # substitute a character
        k = rng.randrange(len(name))
        return name[:k] + rng.choice("abcdefghijklmnopqrstuvwxyz") + name[k + 1 :]
    if action == 2 and len(name) > 3:  # swap neighbours
        k = rng.randrange(len(name) - 1)
        return name[:k] + name[k + 1] + name[k] + name[k + 2 :]
    if action == 3 and len(words) > 1:  # drop a word
        del words[rng.randrange(len(words))]
        return " ".join(words)
    if action == 4 and len(words) > 1:  # swap two words
        i, j = rng.sample(range(len(words)), 2)
        words[i], words[j] = words[j], words[i]
        return " ".join(words)
    if action == 5 and len(words) > 1:  # join two neighbours
        k = rng.randrange(len(words) - 1)
        return " ".join([*words[:k], words[k] + words[k + 1], *words[k + 2 :]])
    if action == 6 and words and len(words[0]) > 4:  # split a word
        word = words[0]
        k = rng.randrange(2, len(word) - 1)
        return " ".join([word[:k], word[k:], *words[1:]])
    if action == 7:
        return f"{name} {rng.choice(['Ltd', 'LLC', 'Co., Ltd.', 'GmbH', 'OOO', 'S.A.'])}"
    if action == 8 and words:  # a word repeated ("Mohammed Ali Mohammed")
        words.insert(rng.randrange(len(words) + 1), rng.choice(words))
        return " ".join(words)
    return name.upper() if rng.random() < 0.5 else name.lower()


def _queries(count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    with (GOLDEN / "zh_pairs.tsv").open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        han = [row["han"] for row in csv.DictReader(lines, delimiter="\t")]
    for n in range(count):
        kind = n % 5
        if kind == 0:
            yield rng.choice(LIST_NAMES)
        elif kind in (1, 2):
            yield _perturb(rng.choice(LIST_NAMES), rng)
        elif kind == 3:
            yield _perturb(_perturb(rng.choice(LIST_NAMES), rng), rng)
        else:
            yield rng.choice(han)


def _indexed(matcher: em.Matcher, query: str, threshold: float) -> list[tuple[str, float]]:
    hits = matcher.match(query, threshold=threshold, limit=None)
    return sorted(((h.entity.id, h.score) for h in hits), key=lambda x: (-x[1], x[0]))


_WORKER_MATCHER: list[em.Matcher] = []


def _oracle_chunk(job: tuple[list[str], float]) -> list[list[tuple[str, float]]]:
    """Worker: exhaustive scoring of each query."""
    queries, threshold = job
    if not _WORKER_MATCHER:
        _WORKER_MATCHER.append(em.Matcher(ENTITIES))
    matcher = _WORKER_MATCHER[0]
    return [matcher._exhaustive(query, threshold=threshold) for query in queries]


@pytest.mark.parametrize(
    ("threshold", "count", "seed"),
    [(em.DEFAULT_THRESHOLD, 2000, 1), (0.65, 500, 2), (0.45, 150, 3)],
    ids=["default-threshold", "threshold-0.65", "below-generic-cap"],
)
def test_screen_finds_what_exhaustive_scoring_finds(
    matcher: em.Matcher, threshold: float, count: int, seed: int
) -> None:
    queries = list(_queries(count, seed))
    # The indexed path under test: batch screening on two worker processes.
    screened = [
        sorted(((h.entity.id, h.score) for h in hits), key=lambda x: (-x[1], x[0]))
        for hits in matcher.screen(queries, threshold=threshold, limit=None, workers=2)
    ]
    # The oracle scores every list name for every query: spread it over the cores.
    workers = max(1, min(4, os.cpu_count() or 1))
    chunks = [(queries[k::workers], threshold) for k in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        parts = list(pool.map(_oracle_chunk, chunks))
    exhaustive: list[list[tuple[str, float]]] = [[] for _ in queries]
    for k, part in enumerate(parts):
        exhaustive[k::workers] = part
    wrong = [q for q, got, want in zip(queries, screened, exhaustive, strict=True) if got != want]
    assert wrong == []
    assert sum(bool(hits) for hits in exhaustive) > count // 4  # real matches, not only misses


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(LIST_NAMES),
    st.integers(min_value=0, max_value=2**32),
    st.sampled_from([em.DEFAULT_THRESHOLD, 0.7, 0.9]),
)
def test_index_is_exact_on_perturbed_names(
    matcher: em.Matcher, name: str, seed: int, threshold: float
) -> None:
    query = _perturb(name, random.Random(seed))
    assert _indexed(matcher, query, threshold) == matcher._exhaustive(query, threshold=threshold)


def _generic_only(name: str) -> bool:
    prepared = prepare(name)
    return bool(prepared.tokens) and not any(
        is_distinctive(prepared, i) for i in range(len(prepared.tokens))
    )


GENERIC_NAMES = [name for name in LIST_NAMES if _generic_only(name)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(GENERIC_NAMES),
    st.integers(min_value=0, max_value=2**32),
    st.sampled_from([em.DEFAULT_THRESHOLD, 0.45]),
)
def test_index_is_exact_on_names_of_generic_words(
    matcher: em.Matcher, name: str, seed: int, threshold: float
) -> None:
    # Names without a distinctive word ("AIR FREIGHT LTD") match only when every
    # word of both is aligned: the bound must see that rule, not the generic cap.
    query = _perturb(name, random.Random(seed))
    assert _indexed(matcher, query, threshold) == matcher._exhaustive(query, threshold=threshold)


def _keystroke_noise(name: str, rng: random.Random) -> str:
    """One or two characters of a name replaced, as keying and OCR noise replaces
    them ("Predovic-Mc9ullough", "Hy[it LLC")."""
    chars = list(name)
    for _ in range(rng.randint(1, 2)):
        chars[rng.randrange(len(chars))] = rng.choice("abcdefghijklmnopqrstuvwxyz0123456789^}[@")
    return "".join(chars)


TYPED_NAMES = [
    name
    for entity in ENTITIES
    if entity.kind == "organization"
    for name in entity.names
    if typed_text(prepare(name, "organization"))
]


def test_index_finds_what_the_spelling_rule_scores(matcher: em.Matcher) -> None:
    # The spelling rule scores a name by its whole spelling, which no word pair
    # bounds: the index compares names as typed and must find each one it lifts.
    rng = random.Random(11)
    queries = [_keystroke_noise(rng.choice(TYPED_NAMES), rng) for _ in range(40)]
    rules = []
    for query in queries:
        assert _indexed(matcher, query, em.DEFAULT_THRESHOLD) == matcher._exhaustive(query)
        rules += [hit.explanation["rule"] for hit in matcher.match(query, limit=None)]
    assert rules.count("spelling") >= 5  # the rule is exercised, not only the token bound


def _at_the_edit_budget(name: str, rng: random.Random) -> str:
    """A name with as many letters deleted as the spelling rule allows, when its
    typed length is a multiple of five: the rule's boundary (1 - k/5k = 0.8)."""
    budget = len(typed_text(prepare(name, "organization"))) // 5
    letters = [i for i, char in enumerate(name) if char.isalpha()]
    dropped = set(rng.sample(letters, min(budget, len(letters))))
    return "".join(char for i, char in enumerate(name) if i not in dropped)


BOUNDARY_NAMES = [
    name for name in TYPED_NAMES if len(typed_text(prepare(name, "organization"))) % 5 == 0
]


def test_index_finds_the_spelling_rule_at_its_edit_budget(matcher: em.Matcher) -> None:
    # A name exactly at the rule's edit budget scores TYPED_SIMILARITY as typed,
    # where floating point puts the budget a hair under the whole edits.
    rng = random.Random(12)
    queries = [_at_the_edit_budget(rng.choice(BOUNDARY_NAMES), rng) for _ in range(60)]
    for query in queries:
        assert _indexed(matcher, query, 0.5) == matcher._exhaustive(query, threshold=0.5)


def _golden_rows() -> list[dict[str, str]]:
    with (GOLDEN / "core_pairs.tsv").open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


KOREAN_ROWS = [row for row in _golden_rows() if row["note"].startswith(("dprk_", "korean_"))]
KOREAN_NAMES = sorted(
    {row["left"] for row in KOREAN_ROWS}
    | {name for name in LIST_NAMES if any(t.via == "korean" for t in prepare(name).tokens)}
)


@pytest.fixture(scope="module")
def korean_matcher() -> em.Matcher:
    """The list sample with the names the Korean golden rows pair with."""
    names = sorted({row["right"] for row in KOREAN_ROWS})
    extra = [em.Entity(id=f"ko-{n}", names=[name]) for n, name in enumerate(names)]
    return em.Matcher([*ENTITIES, *extra])


OTHER_NAMES = {
    "unicom-hk": "China Unicom (Hong Kong) Limited",
    "unicom-hk-han": "中國聯合網絡通信（香港）股份有限公司",
    "lts": "LTS Holding Limited (f.k.a. IPP-International Petroleum Products Ltd.)",
    "smith": "JOHN SMITH (alt name JOHN MICHAEL SMITH)",
}


@pytest.fixture(scope="module")
def others_matcher() -> em.Matcher:
    extra = [em.Entity(id=key, names=[name]) for key, name in OTHER_NAMES.items()]
    return em.Matcher([*ENTITIES, *extra])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("中国联合网络通信（香港）股份有限公司", "unicom-hk"),  # its brand, and its place
        ("China Unicom (Hong Kong) Ltd", "unicom-hk-han"),
        ("IPP International Petroleum Products", "lts"),  # what it was called
        ("IPP Internacional Petroleum Product", "lts"),  # and typos of it: a name too
        ("Acme Ltd (formerly IPP International Petroleum Products Ltd)", "lts"),
        ("Acme Ltd (formerly IPP Internacional Petroleum Product)", "lts"),  # screened too
        ("JOHN MICHAEL SMITH", "smith"),
    ],
)
def test_index_finds_other_names_and_aliases_with_places(
    others_matcher: em.Matcher, query: str, expected: str
) -> None:
    found = _indexed(others_matcher, query, em.DEFAULT_THRESHOLD)
    assert expected in [entity for entity, _ in found]
    assert found == others_matcher._exhaustive(query, threshold=em.DEFAULT_THRESHOLD)
    # compare() reads other names as the matcher does.
    assert others_matcher.compare(query, OTHER_NAMES[expected]).score == dict(found)[expected]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(KOREAN_NAMES),
    st.integers(min_value=0, max_value=2**32),
    st.sampled_from([em.DEFAULT_THRESHOLD, 0.6]),
)
def test_index_is_exact_on_korean_names(
    korean_matcher: em.Matcher, name: str, seed: int, threshold: float
) -> None:
    # Hangul names split into glossary words and trade names read by sound, Latin
    # Korean names compared by their Korean keys: every pair the scorer forms
    # (조선 / KOREA, 련봉 / RYONBONG, JANG / Chang) must be one the index finds.
    rng = random.Random(seed)
    cut = rng.randrange(len(name))
    query = rng.choice([name, name[:cut] + name[cut + 1 :], name[:cut] + " " + name[cut:]])
    found = _indexed(korean_matcher, query, threshold)
    assert found == korean_matcher._exhaustive(query, threshold=threshold)


FOREIGN_ROWS = [row for row in _golden_rows() if row["note"].startswith("foreign_full_name_")]
FOREIGN_IDS = {
    name: f"foreign-{n}"
    for n, name in enumerate(
        sorted({row[side] for row in FOREIGN_ROWS for side in ("left", "right")})
    )
}


@pytest.fixture(scope="module")
def foreign_matcher() -> em.Matcher:
    """The list sample with the Latin and Han names of the foreign-name golden rows."""
    extra = [em.Entity(id=key, names=[name]) for name, key in FOREIGN_IDS.items()]
    return em.Matcher([*ENTITIES, *extra])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(FOREIGN_ROWS),
    st.sampled_from(["left", "right"]),
    st.integers(min_value=0, max_value=2**32),
    st.sampled_from([em.DEFAULT_THRESHOLD, 0.6]),
)
def test_index_is_exact_on_foreign_names_heard_together(
    foreign_matcher: em.Matcher, row: dict[str, str], side: str, seed: int, threshold: float
) -> None:
    # 马尔科·卢比奥 / Marco Rubio pair as two words heard together, in a list of
    # either script: the index must find every such pair the scorer makes.
    name = row[side]
    rng = random.Random(seed)
    cut = rng.randrange(len(name))
    query = rng.choice([name, name, name[:cut] + name[cut + 1 :]])
    found = _indexed(foreign_matcher, query, threshold)
    assert found == foreign_matcher._exhaustive(query, threshold=threshold)
    if query == name and row["expected"] == "match":
        other = "right" if side == "left" else "left"
        assert FOREIGN_IDS[row[other]] in [entity for entity, _ in found]


def test_a_list_of_chinese_names_only_is_heard_by_latin_words() -> None:
    # No word of 朱海仑 (zhu | hailun, a surname and a given name) is read by sound
    # alone, but the two together may be a foreign name heard as one Latin word
    # (JHLN): the index looks for such runs even in a list of Chinese names only.
    # "Johalin" is a spelling made up to sound like zhu hai lun.
    matcher = em.Matcher([em.Entity(id="zhu", names=["朱海仑"])])
    found = _indexed(matcher, "Johalin", 0.5)
    assert found == matcher._exhaustive("Johalin", threshold=0.5) == [("zhu", 0.85)]


@pytest.mark.parametrize("words", [31, 32, 33, 40])
def test_names_longer_than_the_position_masks_are_found(words: int) -> None:
    # The bound reads which list words a pair may align from 32-bit masks; a
    # longer name's masks tell nothing, and its bound must not lose it.
    rng = random.Random(words)
    syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vo", "ne", "pri", "dal"]
    name = " ".join(
        "".join(rng.choice(syllables) for _ in range(3)).capitalize() for _ in range(words)
    )
    # Words in another order, one with a typo: every word aligns, so the score
    # is corroborated, which the bound must allow for (the spelling rule, which
    # reads the words in order, scores it lower).
    *rest, last = name.split()
    query = " ".join([last[:-1] + "x", *reversed(rest)])
    others = [em.Entity(id=f"o{n}", names=[f"Other Name {n}"]) for n in range(20)]
    matcher = em.Matcher([em.Entity(id="long", names=[name]), *others])
    [(found, score)] = matcher._exhaustive(query, threshold=0.5)
    assert found == "long"
    assert _indexed(matcher, query, score) == [("long", score)]


def test_two_query_words_on_one_list_word_bound_it_once() -> None:
    # "Hossein" and "Husain" both pair with the one word "Hossein" of "Hossein
    # Jorge" (a spelling variant), but only one of them can align with it: the
    # bound counts one, and "Jorge" as missing, so the name is not even scored.
    names = ["Hossein Jorge", "Husayn Chol", "Hussain Moran", "Hossein Husain"]
    entities = [em.Entity(id=name, kind="person", names=[name]) for name in names]
    matcher = em.Matcher(entities)
    query = matcher.prepare("Hossein HUSAIN", "person")
    weights = token_weights(query, matcher.frequencies)
    found, bounds = matcher._index.candidates(query, weights, em.DEFAULT_THRESHOLD)
    bound = dict(zip((names[n] for n in found.tolist()), bounds.tolist(), strict=True))
    assert bound.get("Hossein Husain", 0.0) >= 1.0 - 1e-9
    for name in names[:3]:
        assert matcher.compare("Hossein HUSAIN", name).score < em.DEFAULT_THRESHOLD
        assert bound.get(name, 0.0) < em.DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("threshold", "unreached"),
    [
        # The initial "A" may pair with a list word starting with A, but in
        # "Chiweshe Abdul Wai" the only one is Abdul, which "Abdul" of the query
        # takes: the bound counts one pair, and since the query cannot be fully
        # aligned, allows no words as missing, so the name is not even scored.
        # ("Abdul Wai" has the consonants of Abdul, but neither is in an abjad:
        # no pair there either.) In "Abdul Ahmed Wai" the initial has Ahmed.
        (0.3, ["Chiweshe Abdul Wai", "Wai Abdul Chiweshe"]),
        # In "Chiweshe Abdul Al Wai" the initial has the particle Al: its pair
        # adds a share of that light word's weight to the name's side, not of 1.
        (0.6, ["Chiweshe Abdul Wai", "Chiweshe Abdul Al Wai"]),
    ],
)
def test_an_initial_pairs_only_with_a_word_no_other_query_word_takes(
    threshold: float, unreached: list[str]
) -> None:
    names = ["Chiweshe Abdul Wai", "Wai Abdul Chiweshe", "Chiweshe Abdul Al Wai"]
    found_names = ["Abdul Ahmed Wai", "Abdul Ali"]
    entities = [em.Entity(id=name, kind="person", names=[name]) for name in names + found_names]
    entities += [em.Entity(id=f"o{n}", names=[f"Other Name {n}"]) for n in range(20)]
    matcher = em.Matcher(entities)
    query = matcher.prepare("A Abdul", "person")
    weights = token_weights(query, matcher.frequencies)
    found, bounds = matcher._index.candidates(query, weights, threshold)
    bound = {entities[n].id: b for n, b in zip(found.tolist(), bounds.tolist(), strict=True)}
    for name in unreached:
        assert matcher.compare("A Abdul", name).score < threshold
        assert bound.get(name, 0.0) < threshold
    for name in found_names:
        score = matcher.compare("A Abdul", name).score
        assert score >= threshold
        assert bound[name] >= score
    exhaustive = matcher._exhaustive("A Abdul", threshold=threshold)
    assert _indexed(matcher, "A Abdul", threshold) == exhaustive


def test_the_spelling_rule_is_found_at_its_boundary() -> None:
    # As typed, "kovaironwork" is 3 edits from "kovacsironworks", 15 letters:
    # exactly TYPED_SIMILARITY, which the scorer accepts. (1 - 0.8) x 15 is
    # 2.9999999999999996 in floating point, so a length filter or an edit
    # cutoff taken from it (rapidfuzz's is) loses the name.
    others = [em.Entity(id=f"o{n}", names=[f"Other Name {n}"]) for n in range(20)]
    listed = em.Entity(id="x", kind="organization", names=["Kovacs Ironworks"])
    matcher = em.Matcher([listed, *others])
    [(found, score)] = matcher._exhaustive("Kova Ironwork", threshold=0.5)
    assert found == "x"
    assert score >= em.DEFAULT_THRESHOLD
    assert _indexed(matcher, "Kova Ironwork", 0.5) == [("x", score)]


def test_acronym_candidates_are_bounded_by_the_acronym_rule() -> None:
    # Two capitals are the initials of thousands of names in a large list; the
    # acronym rule scores them ACRONYM_SCORES[2] at most (less the kind penalty
    # for a person's name), so at the default threshold none needs scoring.
    entities = [
        em.Entity(id="kt", kind="organization", names=["KT"]),
        em.Entity(id="telecom", kind="organization", names=["Korea Telecom"]),
        em.Entity(id="person", kind="person", names=["Kim Tan"]),
    ]
    matcher = em.Matcher(entities)
    query = matcher.prepare("KT", "organization")
    names, bounds = matcher._index.exact_candidates(query)
    found = {
        entities[n].id: bound for n, bound in zip(names.tolist(), bounds.tolist(), strict=True)
    }
    assert found == pytest.approx({"kt": 1.0, "telecom": 0.6, "person": 0.5}, abs=1e-4)
    scored = matcher.match("KT", kind="organization", threshold=0.3, limit=None)
    assert {h.entity.id: h.score for h in scored} == pytest.approx(
        {"kt": 1.0, "telecom": 0.6, "person": 0.5}
    )
    assert [h.entity.id for h in matcher.match("KT", kind="organization")] == ["kt"]


def test_limit_keeps_the_best(matcher: em.Matcher) -> None:
    for query in _queries(200, 4):
        full = _indexed(matcher, query, 0.6)
        top = matcher.match(query, threshold=0.6, limit=3)
        assert [h.score for h in top] == [score for _, score in full[:3]]


@given(
    st.lists(st.integers(0, 40), max_size=12),
    st.lists(st.integers(0, 13), max_size=12),
    st.randoms(use_true_random=False),
)
def test_a_key_table_finds_every_entry_of_every_key(
    counts: list[int], wanted: list[int], rng: random.Random
) -> None:
    # Key k has counts[k] entries: lookups that find none, a few and hundreds,
    # keys absent and keys wanted twice, each entry in key order.
    big = 2**64 - 2**40  # hashes use all 64 bits
    keys = [big + key for key, count in enumerate(counts) for _ in range(count)]
    rng.shuffle(keys)
    table = KeyTable.build(keys, range(len(keys)))
    positions, which = table.find([big + k for k in wanted])
    expected = [
        (position, number)
        for number, key in enumerate(wanted)
        for position, entry in enumerate(table.keys.tolist())
        if entry == big + key
    ]
    assert list(zip(positions.tolist(), which.tolist(), strict=True)) == expected
    assert positions.dtype == which.dtype == np.intp


@given(st.text(alphabet="abcdeé", max_size=9), st.integers(min_value=0, max_value=3))
def test_deletion_neighbourhood_is_every_shorter_subsequence(word: str, budget: int) -> None:
    """The index finds typos through deletion neighbourhoods: all subsequences
    that delete up to ``budget`` letters, never the empty string."""
    expected = {word} | {
        "".join(word[k] for k in kept)
        for size in range(max(1, len(word) - budget), len(word))
        for kept in itertools.combinations(range(len(word)), size)
    }
    assert deletions(word, budget) == expected


def _edited(word: str, data: st.DataObject) -> str:
    """``word`` after zero to three random edits: near words, as the deletion
    variants find them."""
    for _ in range(data.draw(st.integers(0, 3))):
        at = data.draw(st.integers(0, len(word)))
        letter = data.draw(st.sampled_from("abcde"))
        edit = data.draw(st.sampled_from(["insert", "delete", "replace", "swap"]))
        if edit == "insert" or not word:
            word = word[:at] + letter + word[at:]
        elif edit == "delete":
            word = word[: at - 1] + word[at:] if at else word[1:]
        elif edit == "replace":
            word = word[: at - 1] + letter + word[at:] if at else letter + word[1:]
        elif len(word) > 1:
            at = min(at, len(word) - 2)
            word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word or "a"


@given(st.text(alphabet="abcde", min_size=1, max_size=14), st.data())
def test_the_batched_typo_budget_is_the_pairwise_one(word: str, data: st.DataObject) -> None:
    # The index checks a query word against the forms its deletion variants find
    # in one rapidfuzz call: the same answer as the scorer's rule pair by pair.
    others = [_edited(word, data) for _ in range(data.draw(st.integers(1, 12)))]
    assert typo_budget_mask(word, others).tolist() == [
        within_typo_budget(word, other) for other in others
    ]


@given(st.lists(st.text(max_size=12)), st.data())
def test_taking_many_strings_at_once_is_taking_each(
    strings: list[str], data: st.DataObject
) -> None:
    # The spelling rule reads thousands of list names' typed text per query in one
    # gather: the same strings, ASCII or not, as reading them one by one.
    table = StringTable.build(strings)
    wanted = data.draw(st.lists(st.integers(0, len(strings) - 1)) if strings else st.just([]))
    indices = np.array(wanted, np.int32)
    assert table.take(indices) == [table[i] for i in wanted]
