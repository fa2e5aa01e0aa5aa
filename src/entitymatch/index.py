"""The compiled list: vocabulary, postings and the lookups that find candidates.

For a query, the index finds every list name that could score at or above the
threshold, and an upper bound on each one's score, without scoring every name.
It is exact with respect to :mod:`entitymatch.score`: every token pair the
scorer can form is one the index can look up.

* **Vocabulary**: every form of every token of every list name (its text and
  its alternatives), with postings (name, token weight) in CSR arrays.
* **Lookups** that find, for a query word, every vocabulary form with a
  non-zero similarity: the form itself, spelling keys, metaphone keys, deletion
  neighbourhoods (all strings reachable by up to 1 or 2 deletions, hashed, in
  sorted arrays: any two words within the scorer's edit budget share one),
  consonant skeletons (abjad scripts), Korean syllable keys, and initials.
* **Joined runs**: adjacent list tokens joined (and their spelling keys),
  hashed, for query words that are list words written together.
* **Acronyms**: initials of multi-word list names and one-word list names
  that may be acronyms.

The bound. For aligned pairs with similarities s, the scorer's numerator is
``M = sum_i s_i w_i + sum_j s_j w_j`` over the query's and the name's aligned
tokens, and whatever the missing-token discount, ``score <= 2M / (Wq + Wc + M)``
(increasing in M). Replacing each token's similarity by the best it can reach
in that name bounds M from above. Query tokens whose best possible
contribution cannot lift any name to the threshold on their own are not used
to generate candidates (their share is added to every bound instead).
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import jellyfish
import numpy as np
import numpy.typing as npt

from entitymatch.prepare import PreparedName, Token
from entitymatch.prepare.romanize import korean_key, skeleton, spelling_keys
from entitymatch.prepare.scripts import ABJADS
from entitymatch.prepare.sound import edit_budget
from entitymatch.score import (
    GENERIC_CAP,
    INITIAL_SIMILARITY,
    SKELETON_SIMILARITY,
    VARIANT_SIMILARITY,
    compact,
    core,
    is_distinctive,
    joined_similarity,
    max_edits,
    sound_key,
    sound_run,
    sound_token,
    sounds_alike,
    text_similarity,
)

__all__ = ["Index", "deletion_budget", "deletions", "stable_hash"]

IntArray = npt.NDArray[np.int64]
_SKELETON_KEY = "\x00skeleton:"  # marks run-table entries keyed by consonant skeleton
_SOUND_KEY = "\x00sound:"  # marks hash entries keyed by a sound key's deletion variants
FloatArray = npt.NDArray[np.float64]


def stable_hash(text: str) -> int:
    """A hash that is the same in every process and on every machine (CRC-32).

    Python's ``hash`` is salted per process; a saved index needs the same
    hash tomorrow. Collisions only add candidates, which are then verified.
    """
    return zlib.crc32(text.encode("utf-8"))


def sound_variants(key: str) -> list[int]:
    """Hashes of a sound key's deletion neighbourhood within its own edit budget:
    two keys within budget share one (see :func:`entitymatch.prepare.sound.edit_budget`)."""
    budget = edit_budget(len(key))
    if budget < 0:
        return []
    return [stable_hash(_SOUND_KEY + variant) for variant in deletions(key, budget)]


def deletion_budget(length: int) -> int:
    """Deletions to index for a word of this length so that any partner within
    the scorer's edit budget shares a deletion variant with it."""
    return max(
        (max_edits(length + extra) for extra in range(3) if extra <= max_edits(length + extra)),
        default=0,
    )


def deletions(word: str, budget: int) -> set[str]:
    """All strings obtained from ``word`` by deleting up to ``budget`` characters.

    >>> sorted(deletions("abc", 1))
    ['ab', 'abc', 'ac', 'bc']
    """
    found = {word}
    for count in range(1, min(budget, len(word) - 1) + 1):
        for positions in itertools.combinations(range(len(word)), count):
            found.add("".join(c for k, c in enumerate(word) if k not in positions))
    return found


@dataclass(frozen=True, slots=True)
class Csr:
    """Rows of (id, value) pairs in compressed sparse row arrays."""

    ptr: IntArray
    ids: npt.NDArray[np.int32]
    values: npt.NDArray[np.float32]

    def row(self, index: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
        start, end = self.ptr[index], self.ptr[index + 1]
        return self.ids[start:end], self.values[start:end]

    @classmethod
    def build(cls, rows: int, triples: Iterable[tuple[int, int, float]]) -> Csr:
        data = np.array(list(triples), dtype=np.float64).reshape(-1, 3)
        order = np.lexsort((data[:, 1], data[:, 0]))
        data = data[order]
        counts = np.bincount(data[:, 0].astype(np.int64), minlength=rows)
        ptr = np.zeros(rows + 1, dtype=np.int64)
        np.cumsum(counts, out=ptr[1:])
        return cls(ptr, data[:, 1].astype(np.int32), data[:, 2].astype(np.float32))


@dataclass(frozen=True, slots=True)
class HashTable:
    """Sorted 32-bit hashes with an id (and a value) each: a multimap by hash."""

    hashes: npt.NDArray[np.uint32]
    ids: npt.NDArray[np.int32]
    values: npt.NDArray[np.float32]

    @classmethod
    def build(cls, entries: Iterable[tuple[int, int, float]]) -> HashTable:
        data = np.array(list(entries), dtype=np.float64).reshape(-1, 3)
        hashes = data[:, 0].astype(np.uint32)
        ids = data[:, 1].astype(np.int32)
        order = np.lexsort((ids, hashes))
        return cls(hashes[order], ids[order], data[order, 2].astype(np.float32))

    def lookup(self, keys: Sequence[int]) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
        """Ids and values of every entry whose hash is one of ``keys``."""
        if not keys or not len(self.hashes):
            return np.empty(0, np.int32), np.empty(0, np.float32)
        wanted = np.unique(np.asarray(keys, dtype=np.uint32))
        starts = np.searchsorted(self.hashes, wanted, side="left")
        ends = np.searchsorted(self.hashes, wanted, side="right")
        hit = ends > starts
        if not hit.any():
            return np.empty(0, np.int32), np.empty(0, np.float32)
        spans = [np.arange(s, e) for s, e in zip(starts[hit], ends[hit], strict=True)]
        positions = np.concatenate(spans)
        return self.ids[positions], self.values[positions]


@dataclass(frozen=True, slots=True)
class Row:
    """A query word (or adjacent words joined) and what it can match.

    Attributes:
        tokens: Query token indices the row covers.
        weight: Their total weight.
        forms: Vocabulary form ids it matches, with ``sims``.
        sims: Best similarity to each form.
        run_names: List names whose joined runs it matches, with ``run_weights``.
        run_weights: Weight of the matched run in each name.
        reach: Upper bound of the list-side weight any one of its pairs can
            cover, times similarity (for the bound of names it does not find).
        distinctive: Whether it covers a distinctive query token: only such
            rows can make a pair that lifts a score above the generic cap.
        initial: For an initial, its letter: it may also pair with any list
            word starting with that letter, which is not looked up but bounded.
    """

    tokens: tuple[int, ...]
    weight: float
    forms: npt.NDArray[np.int32]
    sims: npt.NDArray[np.float32]
    run_names: npt.NDArray[np.int32]
    run_weights: npt.NDArray[np.float32]
    reach: float
    distinctive: bool
    initial: str = ""


class Index:
    """Candidate lookup over prepared list names.

    Args:
        names: The prepared list names, in name-id order.
        weights: The token weights of each name.
    """

    def __init__(self, names: Sequence[PreparedName], weights: Sequence[Sequence[float]]) -> None:
        self.size = len(names)
        form_ids: dict[str, int] = {}
        postings: list[tuple[int, int, float]] = []
        abjad_forms: set[int] = set()
        hangul_forms: set[int] = set()
        latin_words: set[int] = set()
        han_sounds: set[int] = set()
        for name_id, (name, name_weights) in enumerate(zip(names, weights, strict=True)):
            for token, weight in zip(name.tokens, name_weights, strict=True):
                for form in token.forms:
                    form_id = form_ids.setdefault(form, len(form_ids))
                    postings.append((form_id, name_id, weight))
                    if form != token.text:
                        continue
                    if token.script in ABJADS:
                        abjad_forms.add(form_id)
                    elif token.script == "hangul":
                        hangul_forms.add(form_id)
                    elif token.script == "latin" and form.isalpha():
                        latin_words.add(form_id)
                    if sound_token(token):
                        han_sounds.add(form_id)
        self.forms: list[str] = list(form_ids)
        self.form_ids = form_ids
        self.postings = Csr.build(len(self.forms), postings)
        # Largest weight of each form in any name: bounds what a match can add.
        counts = np.diff(self.postings.ptr)
        self.form_max_weight = np.zeros(len(self.forms), dtype=np.float32)
        nonempty = counts > 0
        if nonempty.any():
            self.form_max_weight[nonempty] = np.maximum.reduceat(
                self.postings.values, self.postings.ptr[:-1][nonempty]
            )
        self.name_weight = np.array([sum(w) for w in weights], dtype=np.float64)
        # Bit k set: the name has a word starting with letter k (for initials).
        self.first_letters = np.array(
            [_letter_mask(t.text for t in name.tokens) for name in names], dtype=np.uint32
        )

        keys: dict[str, list[int]] = {}
        metaphones: dict[str, list[int]] = {}
        skeletons: dict[str, list[int]] = {}
        abjad_skeletons: dict[str, list[int]] = {}
        koreans: dict[str, list[int]] = {}
        hangul_koreans: dict[str, list[int]] = {}
        deletion_entries: list[tuple[int, int, float]] = []
        for form_id, form in enumerate(self.forms):
            for key in spelling_keys(form):
                keys.setdefault(key, []).append(form_id)
            if form.isdigit():
                continue  # numbers match only exactly
            for variant in deletions(form, deletion_budget(len(form))):
                deletion_entries.append((stable_hash(variant), form_id, 0.0))
            if not form.isalpha():
                continue
            if len(form) >= 4:
                metaphones.setdefault(jellyfish.metaphone(form), []).append(form_id)
            found = skeleton(form)
            if found:
                skeletons.setdefault(found, []).append(form_id)
                if form_id in abjad_forms:
                    abjad_skeletons.setdefault(found, []).append(form_id)
            koreans.setdefault(korean_key(form), []).append(form_id)
            if form_id in hangul_forms:
                hangul_koreans.setdefault(korean_key(form), []).append(form_id)
        self.keys = keys
        self.metaphones = metaphones
        self.skeletons = skeletons
        self.abjad_skeletons = abjad_skeletons
        self.koreans = koreans
        self.hangul_koreans = hangul_koreans
        self.deletions = HashTable.build(deletion_entries)
        # Sound keys, for Han transliterations of foreign names and Latin words.
        self.sound_latin = HashTable.build(
            (variant, form_id, 0.0)
            for form_id in sorted(latin_words)
            for variant in sound_variants(sound_key(self.forms[form_id], False))
        )
        self.sound_han = HashTable.build(
            (variant, form_id, 0.0)
            for form_id in sorted(han_sounds)
            for variant in sound_variants(sound_key(self.forms[form_id], True))
        )

        run_entries: list[tuple[int, int, float]] = []
        self.han_sound_runs = False
        acronym_entries: list[tuple[int, int, float]] = []
        acronym_words: list[tuple[int, int, float]] = []
        whole_names: list[tuple[int, int, float]] = []
        compact_names: list[tuple[int, int, float]] = []
        core_names: list[tuple[int, int, float]] = []
        alias_names: list[tuple[int, int, float]] = []
        for name_id, (name, name_weights) in enumerate(zip(names, weights, strict=True)):
            for run in name.runs:
                run_weight = float(sum(name_weights[i] for i in run.indices))
                for key in spelling_keys(run.joined):
                    run_entries.append((stable_hash(key), name_id, run_weight))
                if sound_run(name, run):
                    # A foreign name in Han read as surname + given, for one Latin word.
                    for sound_hash in sound_variants(sound_key(run.joined, True)):
                        run_entries.append((sound_hash, name_id, run_weight))
                        self.han_sound_runs = True
                if len(run.indices) == 2:
                    # Two words by their consonants, for a one-word name in an abjad.
                    key = _SKELETON_KEY + skeleton(run.joined)
                    run_entries.append((stable_hash(key), name_id, run_weight))
            for initials in name.initials:
                acronym_entries.append((stable_hash(initials), name_id, 0.0))
            for word in name.acronyms:
                acronym_words.append((stable_hash(word), name_id, 0.0))
            whole_names.append((stable_hash(name.comparison), name_id, 0.0))
            compact_names.append((stable_hash(compact(name)), name_id, 0.0))
            if core(name):
                core_names.append((stable_hash(core(name)), name_id, 0.0))
            for alias in name.aliases:
                alias_names.append((stable_hash(alias), name_id, 0.0))
        self.runs = HashTable.build(run_entries)
        self.acronyms = HashTable.build(acronym_entries)
        self.acronym_words = HashTable.build(acronym_words)
        self.whole_names = HashTable.build(whole_names)
        self.compact_names = HashTable.build(compact_names)
        self.core_names = HashTable.build(core_names)
        self.alias_names = HashTable.build(alias_names)
        self._cache: dict[tuple[object, ...], tuple[IntArray, FloatArray]] = {}

    # -- lookups -------------------------------------------------------------

    def _similar_forms(self, token: Token) -> tuple[IntArray, FloatArray]:
        """Every vocabulary form a query token has a non-zero similarity with."""
        cache_key = (token.text, token.alts, token.script, token.role, token.via)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        best: dict[int, float] = {}

        def offer(form_id: int, similarity: float) -> None:
            if similarity > best.get(form_id, 0.0):
                best[form_id] = similarity

        for form in token.forms:
            candidates: set[int] = set()
            exact = self.form_ids.get(form)
            if exact is not None:
                candidates.add(exact)
            for key in spelling_keys(form):
                candidates.update(self.keys.get(key, ()))
            if not form.isdigit():
                variants = deletions(form, deletion_budget(len(form)))
                found, _ = self.deletions.lookup([stable_hash(v) for v in variants])
                candidates.update(found.tolist())
            if form.isalpha() and len(form) >= 4:
                candidates.update(self.metaphones.get(jellyfish.metaphone(form), ()))
            for form_id in candidates:
                similarity, _ = text_similarity(form, self.forms[form_id])
                if similarity > 0.0:
                    offer(form_id, similarity)
            # A list initial ("J") may stand for this word, or this word for it.
            initial = self.form_ids.get(form[0]) if len(form) > 1 and form.isalpha() else None
            if initial is not None:
                offer(initial, INITIAL_SIMILARITY)
        # Script-bound similarities: skeletons for abjads, syllables for Hangul.
        if token.text.isalpha():
            table = self.skeletons if token.script in ABJADS else self.abjad_skeletons
            for form_id in table.get(skeleton(token.text), ()):
                offer(form_id, SKELETON_SIMILARITY)
            table = self.koreans if token.script == "hangul" else self.hangul_koreans
            for form_id in table.get(korean_key(token.text), ()):
                offer(form_id, VARIANT_SIMILARITY)
        # Sound: a Han transliteration against Latin words, or the other way round.
        if sound_token(token):
            by_sound = sound_variants(sound_key(token.text, True))
            for form_id in self.sound_latin.lookup(by_sound)[0].tolist():
                offer(form_id, sounds_alike(token.text, self.forms[form_id]))
        elif token.script == "latin" and token.text.isalpha() and len(self.sound_han.hashes):
            by_sound = sound_variants(sound_key(token.text, False))
            for form_id in self.sound_han.lookup(by_sound)[0].tolist():
                offer(form_id, sounds_alike(self.forms[form_id], token.text))
        ids = np.fromiter(best, dtype=np.int64, count=len(best))
        sims = np.fromiter(best.values(), dtype=np.float64, count=len(best))
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[cache_key] = (ids, sims)
        return ids, sims

    def _joined_forms(
        self, joined: str, abjad: bool, two_words: bool, by_sound: bool
    ) -> tuple[IntArray, FloatArray]:
        candidates: set[int] = set()
        for key in spelling_keys(joined):
            candidates.update(self.keys.get(key, ()))
        found = {}
        for form_id in candidates:
            similarity, _ = joined_similarity(joined, self.forms[form_id])
            if similarity > 0.0:
                found[form_id] = similarity
        if two_words:
            table = self.skeletons if abjad else self.abjad_skeletons
            for form_id in table.get(skeleton(joined), ()):
                found[form_id] = max(found.get(form_id, 0.0), SKELETON_SIMILARITY)
        if by_sound:
            variants = sound_variants(sound_key(joined, True))
            for form_id in self.sound_latin.lookup(variants)[0].tolist():
                similarity = sounds_alike(joined, self.forms[form_id])
                found[form_id] = max(found.get(form_id, 0.0), similarity)
        ids = np.fromiter(found, dtype=np.int64, count=len(found))
        return ids, np.fromiter(found.values(), dtype=np.float64, count=len(found))

    def rows(self, query: PreparedName, weights: Sequence[float]) -> list[Row]:
        """The query's words and joined runs with everything each can match."""
        rows: list[Row] = []
        no_names = np.empty(0, np.int32)
        no_weights = np.empty(0, np.float32)
        distinctive = [is_distinctive(query, i) for i in range(len(query.tokens))]
        for i, token in enumerate(query.tokens):
            forms, sims = self._similar_forms(token)
            hashes = {stable_hash(k) for form in token.forms for k in spelling_keys(form)}
            if token.text.isalpha():
                # Matches two-word runs by consonants; for a Latin word only runs
                # with an abjad word count, which the bound may overstate safely.
                hashes.add(stable_hash(_SKELETON_KEY + skeleton(token.text)))
            if token.script == "latin" and token.text.isalpha() and self.han_sound_runs:
                hashes.update(sound_variants(sound_key(token.text, False)))
            run_names, run_weights = self.runs.lookup(list(hashes))
            reach = 0.0
            if len(forms):
                reach = float(np.max(sims * self.form_max_weight[forms]))
            if len(run_names):
                reach = max(reach, float(run_weights.max()))
            initial = token.text if len(token.text) == 1 and token.text.isalpha() else ""
            if initial:
                reach = max(reach, INITIAL_SIMILARITY)  # any list word, weight <= 1
            rows.append(
                Row((i,), weights[i], forms.astype(np.int32), sims.astype(np.float32),
                    run_names, run_weights, reach, distinctive[i], initial)
            )  # fmt: skip
        for run in query.runs:
            forms, sims = self._joined_forms(
                run.joined, run.abjad, len(run.indices) == 2, sound_run(query, run)
            )
            if not len(forms):
                continue
            weight = float(sum(weights[i] for i in run.indices))
            reach = float(np.max(sims * self.form_max_weight[forms]))
            rows.append(
                Row(run.indices, weight, forms.astype(np.int32), sims.astype(np.float32),
                    no_names, no_weights, reach, any(distinctive[i] for i in run.indices))
            )  # fmt: skip
        return rows

    def exact_candidates(self, query: PreparedName) -> npt.NDArray[np.int32]:
        """List names that the identity, acronym and alias rules may pair with the
        query: they bypass the token bound and are always scored."""
        found = [self.whole_names.lookup([stable_hash(query.comparison)])[0]]
        # The alias rule: the query is what a name goes by, or the other way round.
        found.append(self.alias_names.lookup([stable_hash(compact(query))])[0])
        if core(query):
            found.append(self.alias_names.lookup([stable_hash(core(query))])[0])
        if query.aliases:
            aliases = [stable_hash(a) for a in query.aliases]
            found.append(self.compact_names.lookup(aliases)[0])
            found.append(self.alias_names.lookup(aliases)[0])
            found.append(self.core_names.lookup(aliases)[0])
            found.append(self.acronyms.lookup(aliases)[0])  # an alias that spells initials
        if query.initials:
            found.append(self.alias_names.lookup([stable_hash(i) for i in query.initials])[0])
        if query.acronyms:
            found.append(self.acronyms.lookup([stable_hash(w) for w in query.acronyms])[0])
        if query.initials:
            found.append(self.acronym_words.lookup([stable_hash(i) for i in query.initials])[0])
        if not found:
            return np.empty(0, np.int32)
        return np.unique(np.concatenate(found))

    def candidates(
        self, query: PreparedName, weights: Sequence[float], threshold: float
    ) -> tuple[npt.NDArray[np.int32], FloatArray] | None:
        """List names whose token score may reach ``threshold``, with an upper bound each.

        Above the generic cap, a name can only reach the threshold with one of
        the query's distinctive words aligned (if it has any), so only
        distinctive rows generate candidates; the other rows only add to the
        bounds. Returns ``None`` when
        the query cannot be bounded (threshold at or below the cap and words,
        such as initials, that are not looked up could reach it): the caller
        must then score every name.
        """
        total = float(sum(weights))
        empty = (np.empty(0, np.int32), np.empty(0, np.float64))
        if total <= 0.0:
            return empty
        rows = self.rows(query, weights)
        # Above the cap a name needs an aligned distinctive word; when the query
        # has one, it must be among those aligned, so only its rows generate.
        above_cap = threshold > GENERIC_CAP and any(row.distinctive for row in rows)
        # Rows that may generate candidates, cheapest to leave out first: a row can
        # be left out while the rows left out could not lift an unfound name to
        # the threshold on their own (2M / (Wq + M) < threshold, Wc >= 0).
        generators = [n for n, row in enumerate(rows) if row.distinctive or not above_cap]
        left_out = 0.0
        if not above_cap:
            left_out = sum(row.weight + row.reach for row in rows if row.initial)
            if 2 * left_out / (total + left_out) >= threshold:
                return None
            generators = [n for n in generators if not rows[n].initial]
        else:
            left_out = sum(row.weight + row.reach for row in rows if not row.distinctive)
        optional: set[int] = set()
        for n in sorted(generators, key=lambda n: rows[n].weight + rows[n].reach):
            trial = left_out + rows[n].weight + rows[n].reach
            if 2 * trial / (total + trial) >= threshold:
                break
            left_out = trial
            optional.add(n)
        generating = [rows[n] for n in generators if n not in optional]
        found = [self._row_hits(row) for row in generating]
        found = [hit for hit in found if len(hit[0])]
        if not found:
            return empty
        names = np.unique(np.concatenate([hit[0] for hit in found]))
        # Bound every candidate with every row's best pair in that name.
        query_side = np.zeros(len(names))
        list_side = np.zeros(len(names))
        for row in rows:
            hit_names, query_part, list_part = self._row_hits(row, within=names)
            if len(hit_names):
                where = np.searchsorted(names, hit_names)
                query_side[where] += query_part
                list_side[where] += list_part
            if row.initial:
                letter = np.uint32(1 << (ord(row.initial) - ord("a")))
                has = (self.first_letters[names] & letter) != 0
                query_side += has * INITIAL_SIMILARITY * row.weight
                list_side += has * INITIAL_SIMILARITY
        matched = np.minimum(query_side, total) + np.minimum(list_side, self.name_weight[names])
        bound = 2.0 * matched / (total + self.name_weight[names] + matched)
        return names.astype(np.int32), np.minimum(bound, 1.0)

    def _row_hits(
        self, row: Row, within: npt.NDArray[np.int32] | None = None
    ) -> tuple[npt.NDArray[np.int32], FloatArray, FloatArray]:
        """Names a row reaches, each with the row's best query-side share
        (similarity x row weight) and list-side share (similarity x list weight)."""
        parts_names = []
        parts_sims = []
        parts_weights = []
        if len(row.forms):
            starts = self.postings.ptr[row.forms]
            lengths = self.postings.ptr[row.forms + 1] - starts
            total = int(lengths.sum())
            positions = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
            parts_names.append(self.postings.ids[positions])
            parts_sims.append(np.repeat(row.sims, lengths).astype(np.float64))
            parts_weights.append(self.postings.values[positions].astype(np.float64))
        if len(row.run_names):
            parts_names.append(row.run_names)
            parts_sims.append(np.ones(len(row.run_names)))
            parts_weights.append(row.run_weights.astype(np.float64))
        if not parts_names:
            return np.empty(0, np.int32), np.empty(0), np.empty(0)
        names = np.concatenate(parts_names)
        sims = np.concatenate(parts_sims)
        list_weights = sims * np.concatenate(parts_weights)
        if within is not None:
            keep = np.isin(names, within)
            names, sims, list_weights = names[keep], sims[keep], list_weights[keep]
        if len(names) > 1:
            # One pair per row: the best similarity and the best list share per name.
            order = np.argsort(names, kind="stable")
            names, sims, list_weights = names[order], sims[order], list_weights[order]
            starts = np.flatnonzero(np.r_[True, names[1:] != names[:-1]])
            sims = np.maximum.reduceat(sims, starts)
            list_weights = np.maximum.reduceat(list_weights, starts)
            names = names[starts]
        return names, sims * row.weight, list_weights


def _letter_mask(words: Iterable[str]) -> int:
    mask = 0
    for word in words:
        if word and "a" <= word[0] <= "z":
            mask |= 1 << (ord(word[0]) - ord("a"))
    return mask
