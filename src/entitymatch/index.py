"""The compiled list: vocabulary, postings, keyed lookups and the score bound.

For a query, the index finds every list name that could score at or above the
threshold, with an upper bound on each one's score, without scoring every name.
It is exact with respect to :mod:`entitymatch.score`: every token pair the
scorer can form is one the index can look up, and the bound follows the
scorer's rules (see :meth:`Index.candidates`).

Everything is a flat numpy array (:meth:`Index.arrays`), so a compiled list
saves as one file of arrays and loads by mapping it (:mod:`entitymatch.store`):

* **Names**: each list name's text, entity, kinds, token weights, total
  weight, first letters, token count.
* **Vocabulary**: every form of every token (its text and alternatives), with
  postings (name, token weight, distinctive) in CSR arrays.
* **Form keys**: 64-bit hashes that find, for a query word, every vocabulary
  form it may be similar to: the form itself, spelling keys, metaphone keys,
  deletion neighbourhoods (all strings reachable by up to 1 or 2 deletions: any
  two words within the scorer's edit budget share one), consonant skeletons
  (abjad scripts), Korean syllable keys and sound keys (Han transliterations).
* **Name keys**: joined runs of adjacent list words (by spelling key,
  skeleton or sound), for query words that are list words written together;
  and whole names, compact names, cores, aliases, initials and acronyms, for
  the identity, alias and acronym rules.

Hash collisions cost nothing but a wasted lookup: every form found is compared
with the scorer's own similarity, and every name found is scored.
"""

from __future__ import annotations

import functools
import math
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import jellyfish
import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from entitymatch.prepare import PreparedName, Token
from entitymatch.prepare.romanize import korean_key, skeleton, spelling_keys
from entitymatch.prepare.scripts import ABJADS, INITIAL_SCRIPTS
from entitymatch.prepare.sound import edit_budget
from entitymatch.records import KINDS, Kind
from entitymatch.score import (
    ACRONYM_SCORES,
    CORROBORATED_DOUBT,
    GENERIC_CAP,
    INITIAL_SIMILARITY,
    KIND_MISMATCH_PENALTY,
    MAX_EDITS,
    MIN_EVIDENCE,
    MISSING_FACTOR,
    MISSING_TYPO_SIMILARITY,
    PERSON_MISSING_FACTOR,
    SKELETON_SIMILARITY,
    SOUND_SIMILARITY,
    TYPED_SIMILARITY,
    VARIANT_SIMILARITY,
    compact,
    core,
    initials_token,
    is_distinctive,
    is_initialism,
    joined_similarity,
    max_edits,
    pinyin_initials,
    placed_compact,
    sound_key,
    sound_pair_key,
    sound_run,
    sound_run_token,
    sound_token,
    sounds_alike,
    text_similarity,
    typed_text,
)
from entitymatch.weights import Frequencies, tag_factors

__all__ = ["Extract", "Index", "deletion_budget", "deletions", "extract", "stable_hash"]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

# Key categories: a letter before the hashed text keeps the tables' keys apart.
_FORM, _SPELLING, _DELETION, _METAPHONE = "f", "k", "d", "m"
_SKELETON, _SKELETON_ABJAD, _KOREAN, _KOREAN_HANGUL = "s", "S", "o", "O"
_SOUND_LATIN, _SOUND_HAN = "l", "h"
_PINYIN_INITIALS = "p"
_RUN, _RUN_SKELETON, _RUN_SOUND = "r", "R", "q"
_PAIR_SOUND_LATIN, _PAIR_SOUND_HAN = "u", "U"  # two-word runs by sound, word by word
_WHOLE, _COMPACT, _CORE, _ALIAS, _INITIALS, _ACRONYM = "w", "c", "C", "a", "i", "A"
_PLACED = "P"  # a name without the places that end it

# Flags of a form, from the tokens whose text it is.
_ABJAD, _HANGUL, _LATIN_WORD, _HAN_SOUND = 1, 2, 4, 8
_DISTINCTIVE = 16  # token flag: the token is distinctive in its name
_HAN_INITIALS = 32  # a Han place or name an English name may write as initials (SZ)
_HAN_SOUND_RUN = 128  # a Han word that may be in a foreign name's run (sound_run_token)
_FORM_FLAGS = np.uint8(_ABJAD | _HANGUL | _LATIN_WORD | _HAN_SOUND | _HAN_INITIALS | _HAN_SOUND_RUN)
# A name key's auxiliary byte: the run's length (low bits) and this. (Bit 32 once
# marked runs found by spelling key, when only those could cover a name for the
# missing-token discount; every run pair now may, and the bit is not read.)
_RUN_DISTINCTIVE = 64
_RUN_ABJAD = 128  # a word of the run is in an abjad
_LENGTH_MASK = 31

# What a form lookup offers, by the key category that found the form. A form
# found only by a deletion neighbourhood (_TYPO) is no spelling variant or
# metaphone match (those keys would have found it), so it is similar only within
# the typo budget: most are not, and an edit distance with a cutoff says so.
_TEXT, _TYPO, _INITIAL, _BY_SKELETON, _BY_KOREAN, _BY_SOUND_HAN, _BY_SOUND_LATIN = range(7)
_BY_PINYIN_INITIALS = 7

KIND_CODES: dict[Kind | None, int] = {None: 0, **{kind: n + 1 for n, kind in enumerate(KINDS)}}
"""Kinds stored as small integers (0 for unknown)."""
_PERSON = KIND_CODES["person"]
_ORGANIZATION = KIND_CODES["organization"]

BOUND_SLACK = 1e-5
"""Added to every bound: similarities are kept in single precision, and sums in
another order may differ in the last bits."""
_STRONG_SIMILARITY = MISSING_TYPO_SIMILARITY - 1e-6
"""The lowest pair similarity the missing-token discount may accept, in float32:
the bound assumes the discount wherever every pair may reach it, a superset of
where the scorer applies it (which also wants two pairs, one exact or a variant)."""


def stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process and on every machine.

    Python's ``hash`` is salted per process; a saved index needs the same hash
    tomorrow. CRC-32 and Adler-32 side by side: cheap, and collisions (which
    only cost a wasted lookup) are rare.
    """
    data = text.encode("utf-8")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


@functools.cache
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
    level = found
    for _ in range(min(budget, len(word) - 1)):
        level = {w[:k] + w[k + 1 :] for w in level for k in range(len(w))}
        found |= level
    return found


def within_typo_budget(a: str, b: str) -> bool:
    """Whether two words are within the scorer's typo budget of each other.

    >>> within_typo_budget("boyer", "boer"), within_typo_budget("boyer", "bauer")
    (True, False)
    """
    return OSA.distance(a, b, score_cutoff=MAX_EDITS) <= max_edits(max(len(a), len(b)))


_TYPO_BUDGETS = np.array([max_edits(length) for length in range(4 * MAX_EDITS)])
"""max_edits by length, up to where it stops growing."""


def typo_budget_mask(word: str, others: Sequence[str]) -> npt.NDArray[np.bool_]:
    """:func:`within_typo_budget` of ``word`` and each of ``others``, in one call
    to rapidfuzz's C++ instead of one Python call a pair."""
    distances: npt.NDArray[np.int32] = process.cdist(
        [word], others, scorer=OSA.distance, score_cutoff=MAX_EDITS, dtype=np.int32
    )[0]
    lengths = np.fromiter(map(len, others), np.intp, len(others))
    longer = np.minimum(np.maximum(lengths, len(word)), len(_TYPO_BUDGETS) - 1)
    return distances <= _TYPO_BUDGETS[longer]


def sound_variants(key: str) -> list[str]:
    """A sound key's deletion neighbourhood within its own edit budget: two keys
    within budget share one (see :func:`entitymatch.prepare.sound.edit_budget`)."""
    budget = edit_budget(len(key))
    return sorted(deletions(key, budget)) if budget >= 0 else []


# -- arrays -------------------------------------------------------------------


class StringTable:
    """Strings in one UTF-8 buffer with offsets: compact, and an array to save."""

    __slots__ = ("_bytes", "_offsets", "blob", "offsets")

    def __init__(self, blob: npt.NDArray[np.uint8], offsets: IntArray) -> None:
        self.blob = blob
        self.offsets = offsets
        # Plain buffer views: indexing them costs a tenth of indexing the arrays.
        self._bytes = np.ascontiguousarray(blob).data.cast("B")
        self._offsets = np.ascontiguousarray(offsets, np.int64).data.cast("B").cast("q")

    @classmethod
    def build(cls, strings: Iterable[str]) -> StringTable:
        encoded = [s.encode("utf-8") for s in strings]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, index: int) -> str:
        offsets = self._offsets
        return str(self._bytes[offsets[index] : offsets[index + 1]], "utf-8")

    def take(self, indices: npt.NDArray[np.int32]) -> list[str]:
        """The strings at ``indices``: their bytes gathered and decoded at once,
        a third of the cost of one lookup each when the text is ASCII."""
        if not len(indices):
            return []
        starts = self.offsets[indices]
        lengths = self.offsets[indices + 1] - starts
        ends = np.cumsum(lengths)
        total = int(ends[-1])
        gathered = np.repeat(starts - ends + lengths, lengths) + np.arange(total)
        text = self.blob[gathered].tobytes().decode("utf-8")
        if len(text) != total:  # not ASCII: characters are not bytes
            return [self[index] for index in indices.tolist()]
        bounds = ends.tolist()
        return [text[start:end] for start, end in zip([0, *bounds[:-1]], bounds, strict=True)]


class KeyTable:
    """Sorted 64-bit keys, each with an id, a value, an auxiliary byte and a
    position mask: a multimap from hash to entries, searched with
    :func:`numpy.searchsorted`. (Tables that need no values, aux or masks may
    hold empty arrays for them.)"""

    __slots__ = ("aux", "ids", "keys", "masks", "values")

    def __init__(
        self,
        keys: npt.NDArray[np.uint64],
        ids: npt.NDArray[np.int32],
        values: npt.NDArray[np.float32],
        aux: npt.NDArray[np.uint8],
        masks: npt.NDArray[np.uint32] | None = None,
    ) -> None:
        self.keys, self.ids, self.values, self.aux = keys, ids, values, aux
        self.masks = np.zeros(0, np.uint32) if masks is None else masks

    @classmethod
    def build(
        cls,
        keys: npt.ArrayLike,
        ids: npt.ArrayLike,
        values: npt.ArrayLike | None = None,
        aux: npt.ArrayLike | None = None,
        masks: npt.ArrayLike | None = None,
    ) -> KeyTable:
        key_array = np.asarray(keys, dtype=np.uint64)
        id_array = np.asarray(ids, dtype=np.int32)
        size = len(key_array)
        value_array = (
            np.zeros(size, np.float32) if values is None else np.asarray(values, np.float32)
        )
        aux_array = np.zeros(size, np.uint8) if aux is None else np.asarray(aux, np.uint8)
        mask_array = np.zeros(size, np.uint32) if masks is None else np.asarray(masks, np.uint32)
        order = np.lexsort((id_array, key_array))
        return cls(
            key_array[order],
            id_array[order],
            value_array[order],
            aux_array[order],
            mask_array[order],
        )

    def find(self, wanted: Sequence[int]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """Positions of the entries whose key is one of ``wanted``, and for each,
        the index in ``wanted`` of its key."""
        if not wanted or not len(self.keys):
            return np.empty(0, np.intp), np.empty(0, np.intp)
        keys = np.fromiter(wanted, dtype=np.uint64, count=len(wanted))
        starts = self.keys.searchsorted(keys, side="left")
        ends = self.keys.searchsorted(keys, side="right")
        lengths = ends - starts
        total = int(lengths.sum())
        if not total:
            return np.empty(0, np.intp), np.empty(0, np.intp)
        which = np.repeat(np.arange(len(keys)), lengths)
        positions = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        return positions, which


@dataclass(frozen=True, slots=True)
class Hits:
    """Names a query word (or joined words) may pair with, and the most each pair
    can be worth: ``names`` sorted, and per name the columns of ``data``:
    best similarity, best list-side share (similarity x list weight), list tokens
    it may cover, list tokens it may cover with a strong pair (equal or variant),
    1 if a pair may align a distinctive list token, and how many postings hit
    the name (at least the list tokens the word may pair with there); and in
    ``masks`` the positions of the list tokens it may pair with (see
    :data:`POSITIONS`)."""

    names: npt.NDArray[np.int32]
    data: npt.NDArray[np.float32]
    masks: npt.NDArray[np.uint32]
    best_similarity: float = 0.0
    best_share: float = 0.0

    @property
    def size(self) -> int:
        return len(self.names)

    def gain(self, weight: float) -> float:
        """The most a pair can add to the aligned gain, for query words of ``weight``."""
        return self.best_similarity * weight + self.best_share

    def at(
        self, names: npt.NDArray[np.int32]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.uint32]]:
        """The rows of ``data`` and the ``masks`` for ``names`` (zeros where not hit)."""
        size = len(self.names)
        if not size:
            return np.zeros((len(names), _COLUMNS), np.float32), np.zeros(len(names), np.uint32)
        where = self.names.searchsorted(names)
        np.minimum(where, size - 1, out=where)
        values = self.data[where]
        masks = self.masks[where]
        missed = self.names[where] != names
        values[missed] = 0.0
        masks[missed] = 0
        return values, masks


_SIM, _SHARE, _COVER, _COVER_STRONG, _DIST, _COUNT = range(6)
_COLUMNS = 6
_NO_HITS = Hits(np.empty(0, np.int32), np.empty((0, _COLUMNS), np.float32), np.empty(0, np.uint32))

POSITIONS = 32
"""Token positions a mask tells apart: bit p stands for the list name's token p.
Every posting of a longer name has every bit set, and the bound reads no
positions from such a name's masks."""
_ALL_POSITIONS = np.uint32(0xFFFFFFFF)
_BIT_COUNTS = np.array([n.bit_count() for n in range(256)], np.uint8)


def _bit_count(masks: npt.NDArray[np.uint32]) -> IntArray:
    """How many bits each mask has set."""
    by_byte = _BIT_COUNTS[np.ascontiguousarray(masks).view(np.uint8)]
    counts: IntArray = by_byte.reshape(len(masks), 4).sum(axis=1, dtype=np.int64)
    return counts


def _reduce_hits(
    names: npt.NDArray[np.int32], data: npt.NDArray[np.float32], masks: npt.NDArray[np.uint32]
) -> Hits:
    """One row per name: the maximum of every column, the sum of the counts, the
    union of the masks."""
    if not len(names):
        return _NO_HITS
    step = names[1:] - names[:-1]
    if not (step >= 0).all():  # one posting list is sorted already; several are not
        order = names.argsort(kind="stable")
        names, data, masks = names[order], data[order], masks[order]
        step = names[1:] - names[:-1]
    if (step > 0).all():
        unique, best_rows, unions = names, data, masks
    else:
        starts = np.flatnonzero(np.r_[True, step != 0])
        unique, best_rows = names[starts], np.maximum.reduceat(data, starts, axis=0)
        best_rows[:, _COUNT] = np.add.reduceat(data[:, _COUNT], starts)
        unions = np.bitwise_or.reduceat(masks, starts)
    # Column by column: numpy reduces a narrow array along its rows slowly.
    best_similarity = float(best_rows[:, _SIM].max())
    return Hits(unique, best_rows, unions, best_similarity, float(best_rows[:, _SHARE].max()))


# -- what a list name gives the index -------------------------------------------


@dataclass(slots=True)
class Extract:
    """What the index needs from prepared list names, in compact arrays (cheap
    to send between processes). Names without tokens have a token count of 0."""

    token_counts: array[int] = field(default_factory=lambda: array("l"))
    kinds: array[int] = field(default_factory=lambda: array("B"))
    token_letters: array[int] = field(default_factory=lambda: array("B"))
    forms: list[str] = field(default_factory=list)
    form_counts: array[int] = field(default_factory=lambda: array("l"))
    factors: array[float] = field(default_factory=lambda: array("d"))
    token_flags: array[int] = field(default_factory=lambda: array("B"))
    run_name: array[int] = field(default_factory=lambda: array("l"))
    run_start: array[int] = field(default_factory=lambda: array("l"))
    run_end: array[int] = field(default_factory=lambda: array("l"))
    run_key: array[int] = field(default_factory=lambda: array("Q"))
    run_key_run: array[int] = field(default_factory=lambda: array("l"))
    run_key_aux: array[int] = field(default_factory=lambda: array("B"))
    name_key: array[int] = field(default_factory=lambda: array("Q"))
    name_key_name: array[int] = field(default_factory=lambda: array("l"))
    typed: list[str] = field(default_factory=list)

    def add(self, name: PreparedName) -> None:
        """Add one prepared list name."""
        local = len(self.token_counts)
        tokens = name.tokens
        self.token_counts.append(len(tokens))
        self.typed.append(typed_text(name))
        self.kinds.append(KIND_CODES[name.kind])
        if not tokens:
            return
        self.token_letters.extend(_letter_code(t.text) for t in tokens)
        distinctive = [is_distinctive(name, i) for i in range(len(tokens))]
        self.factors.extend(tag_factors(name))
        for token, is_core in zip(tokens, distinctive, strict=True):
            forms = token.forms
            self.forms.extend(forms)
            self.form_counts.append(len(forms))
            self.token_flags.append(_text_flags(token) | (_DISTINCTIVE if is_core else 0))
        for run in name.runs:
            number = len(self.run_name)
            self.run_name.append(local)
            self.run_start.append(run.indices[0])
            self.run_end.append(run.indices[-1] + 1)
            length = len(run.indices)
            core_run = _RUN_DISTINCTIVE if any(distinctive[i] for i in run.indices) else 0
            if run.abjad:
                core_run |= _RUN_ABJAD
            keys = [_RUN + key for key in run.keys]
            if sound_run(name, run):
                # A foreign name in Han read as surname + given, for one Latin word.
                keys += [_RUN_SOUND + v for v in sound_variants(sound_key(run.joined, True))]
            pair = sound_pair_key(name, run)
            if pair is not None:
                # Two words heard word by word, for two words of the other script.
                keys.append((_PAIR_SOUND_HAN if pair[1] else _PAIR_SOUND_LATIN) + pair[0])
                if pair[1]:
                    keys.append(_PAIR_SOUND_HAN)  # no key is empty: a mark that one is here
            if length == 2:
                # Two words by their consonants, for a one-word name in an abjad.
                keys.append(_RUN_SKELETON + skeleton(run.joined))
            for key in keys:
                self.run_key.append(stable_hash(key))
                self.run_key_run.append(number)
                self.run_key_aux.append(length | core_run)
        whole = {_WHOLE + name.comparison, _COMPACT + compact(name)}
        centre = core(name)
        if centre:
            whole.add(_CORE + centre)
        whole.update(_ALIAS + alias for alias in name.aliases)
        placed = placed_compact(name)
        if placed is not None:
            whole.add(_PLACED + placed[0])
        whole.update(_INITIALS + initials for initials in name.initials)
        whole.update(_ACRONYM + word for word in name.acronyms)
        for key in sorted(whole):
            self.name_key.append(stable_hash(key))
            self.name_key_name.append(local)


def extract(names: Iterable[PreparedName]) -> Extract:
    """The index's view of prepared list names."""
    found = Extract()
    for name in names:
        found.add(name)
    return found


def _text_flags(token: Token) -> int:
    flags = 0
    if token.script in ABJADS:
        flags |= _ABJAD
    elif token.script == "hangul":
        flags |= _HANGUL
    elif token.script == "latin" and token.text.isalpha():
        flags |= _LATIN_WORD
    if sound_token(token):
        flags |= _HAN_SOUND
    if sound_run_token(token):
        flags |= _HAN_SOUND_RUN
    if initials_token(token):
        flags |= _HAN_INITIALS
    return flags


_NO_LETTER = 255
"""The letter code of a word that starts with no letter a to z."""


def _letter_code(word: str) -> int:
    """The first letter of a word as 0 (a) to 25 (z), the letter an initial
    stands for; :data:`_NO_LETTER` for any other start."""
    return ord(word[0]) - ord("a") if word and "a" <= word[0] <= "z" else _NO_LETTER


def _form_keys(form: str, flags: int) -> list[str]:
    """The keys under which a vocabulary form is found."""
    keys = [_FORM + form]
    keys += [_SPELLING + key for key in spelling_keys(form)]
    if form.isdigit():
        return keys  # numbers match only exactly
    keys += [_DELETION + v for v in deletions(form, deletion_budget(len(form)))]
    if not form.isalpha():
        return keys
    if len(form) >= 4:
        keys.append(_METAPHONE + jellyfish.metaphone(form))
    found = skeleton(form)
    if found:
        keys.append(_SKELETON + found)
        if flags & _ABJAD:
            keys.append(_SKELETON_ABJAD + found)
    keys.append(_KOREAN + korean_key(form))
    if flags & _HANGUL:
        keys.append(_KOREAN_HANGUL + korean_key(form))
    if flags & _LATIN_WORD:
        keys += [_SOUND_LATIN + v for v in sound_variants(sound_key(form, False))]
    if flags & _HAN_SOUND:
        keys += [_SOUND_HAN + v for v in sound_variants(sound_key(form, True))]
    if flags & _HAN_INITIALS:
        keys.append(_PINYIN_INITIALS + pinyin_initials(form))
    return keys


# -- the index ----------------------------------------------------------------


class Index:
    """Candidate lookup and score bounds over a compiled list.

    Build one with :meth:`build` from :class:`Extract` chunks, or wrap saved
    arrays with the constructor.
    """

    _ARRAYS = (
        "name_tokens", "token_weights", "token_letters", "name_weight", "name_letters", "name_kind",
        "name_flags", "form_blob", "form_offsets", "form_counts", "form_flags",
        "form_max_weight", "post_ptr", "post_name", "post_weight", "post_flags",
        "post_masks", "form_keys", "form_key_ids", "name_keys", "name_key_ids",
        "name_key_values", "name_key_aux", "name_key_masks", "typed_blob", "typed_offsets",
    )  # fmt: skip

    def __init__(self, arrays: dict[str, npt.NDArray[Any]]) -> None:
        missing = [name for name in self._ARRAYS if name not in arrays]
        if missing:
            raise ValueError(f"index arrays missing: {', '.join(missing)}")
        self.name_tokens: IntArray = arrays["name_tokens"]  # CSR into token_weights
        self.token_weights: FloatArray = arrays["token_weights"]
        self.token_letters: npt.NDArray[np.uint8] = arrays["token_letters"]
        self.name_weight: FloatArray = arrays["name_weight"]
        self.name_letters: npt.NDArray[np.uint32] = arrays["name_letters"]
        self.name_kind: npt.NDArray[np.uint8] = arrays["name_kind"]
        self.name_flags: npt.NDArray[np.uint8] = arrays["name_flags"]
        self.forms = StringTable(arrays["form_blob"], arrays["form_offsets"])
        self.form_counts: IntArray = arrays["form_counts"]
        self.form_flags: npt.NDArray[np.uint8] = arrays["form_flags"]
        self.form_max_weight: npt.NDArray[np.float32] = arrays["form_max_weight"]
        self.post_ptr: IntArray = arrays["post_ptr"]
        self.post_name: npt.NDArray[np.int32] = arrays["post_name"]
        self.post_weight: npt.NDArray[np.float32] = arrays["post_weight"]
        self.post_flags: npt.NDArray[np.uint8] = arrays["post_flags"]
        self.post_masks: npt.NDArray[np.uint32] = arrays["post_masks"]
        self.form_table = KeyTable(
            arrays["form_keys"],
            arrays["form_key_ids"],
            np.zeros(0, np.float32),
            np.zeros(0, np.uint8),
        )
        self.name_table = KeyTable(
            arrays["name_keys"],
            arrays["name_key_ids"],
            arrays["name_key_values"],
            arrays["name_key_aux"],
            arrays["name_key_masks"],
        )
        self.typed = StringTable(arrays["typed_blob"], arrays["typed_offsets"])
        self.typed_length = np.diff(arrays["typed_offsets"])
        self.size = len(self.name_weight)
        self.name_token_count = np.diff(self.name_tokens)
        # Whether any list word is Han that may be read by sound, alone or in a run:
        # only then do Latin query words and runs look for such words.
        self.han_sound_runs = bool(np.any(self.form_flags & (_HAN_SOUND | _HAN_SOUND_RUN)))
        # Whether any list run is two Han words heard together: only then do Latin
        # query runs look for them (most lists have none, and pay nothing).
        self.han_pair_runs = bool(len(self.name_table.find([stable_hash(_PAIR_SOUND_HAN)])[0]))
        self._token_cache: OrderedDict[tuple[object, ...], Hits] = OrderedDict()
        self._cached_hits = 0

    def arrays(self) -> dict[str, npt.NDArray[Any]]:
        """Every array of the index, by name (what :meth:`__init__` takes)."""
        return {
            "name_tokens": self.name_tokens,
            "token_weights": self.token_weights,
            "token_letters": self.token_letters,
            "name_weight": self.name_weight,
            "name_letters": self.name_letters,
            "name_kind": self.name_kind,
            "name_flags": self.name_flags,
            "form_blob": self.forms.blob,
            "form_offsets": self.forms.offsets,
            "form_counts": self.form_counts,
            "form_flags": self.form_flags,
            "form_max_weight": self.form_max_weight,
            "post_ptr": self.post_ptr,
            "post_name": self.post_name,
            "post_weight": self.post_weight,
            "post_flags": self.post_flags,
            "post_masks": self.post_masks,
            "form_keys": self.form_table.keys,
            "form_key_ids": self.form_table.ids,
            "name_keys": self.name_table.keys,
            "name_key_ids": self.name_table.ids,
            "name_key_values": self.name_table.values,
            "name_key_aux": self.name_table.aux,
            "name_key_masks": self.name_table.masks,
            "typed_blob": self.typed.blob,
            "typed_offsets": self.typed.offsets,
        }

    def weights(self, name_id: int) -> tuple[float, ...]:
        """The token weights of a list name."""
        start, end = self.name_tokens[name_id], self.name_tokens[name_id + 1]
        return tuple(self.token_weights[start:end].tolist())

    def frequencies(self, reference: Frequencies) -> Frequencies:
        """The word counts the index was weighted with: ``reference`` plus the list's."""
        counts = {self.forms[k]: int(c) for k, c in enumerate(self.form_counts.tolist())}
        return reference + Frequencies(counts, self.size)

    # -- building ---------------------------------------------------------------

    @classmethod
    def build(
        cls, chunks: Sequence[Extract], reference: Frequencies
    ) -> tuple[Index, npt.NDArray[np.bool_]]:
        """Compile extracted list names, weighting their words with ``reference``
        counts plus the list's own.

        Returns:
            The index, and for each extracted name whether it was kept (names
            without tokens are left out; the index numbers the kept ones).
        """
        token_counts = _concat(chunks, "token_counts", np.int64)
        kept = token_counts > 0
        # Local name numbers of runs and keys -> global numbers of kept names.
        renumber = np.cumsum(kept) - 1
        offsets = np.cumsum([0, *(len(c.token_counts) for c in chunks)])
        counts = token_counts[kept]
        names = len(counts)
        name_tokens = np.zeros(names + 1, np.int64)
        np.cumsum(counts, out=name_tokens[1:])
        kinds = _concat(chunks, "kinds", np.uint8)[kept]
        token_letters = _concat(chunks, "token_letters", np.uint8)
        # Each name's first letters as bits (a is bit 0), from its words'.
        letter_bits = np.left_shift(np.uint32(1), np.minimum(token_letters, 31).astype(np.uint32))
        letter_bits[token_letters == _NO_LETTER] = 0
        letters = (
            np.bitwise_or.reduceat(letter_bits, name_tokens[:-1])
            if names
            else np.zeros(0, np.uint32)
        )

        # Vocabulary: every form, numbered in order of first appearance.
        vocabulary: dict[str, int] = {}
        form_ids = np.fromiter(
            (vocabulary.setdefault(f, len(vocabulary)) for c in chunks for f in c.forms),
            dtype=np.int64,
        )
        forms = list(vocabulary)
        size = len(forms)
        form_counts_per_token = _concat(chunks, "form_counts", np.int64)
        token_flags = _concat(chunks, "token_flags", np.uint8)
        factors = _concat(chunks, "factors", np.float64)
        tokens = len(form_counts_per_token)
        token_name = np.repeat(np.arange(names), counts)
        form_token = np.repeat(np.arange(tokens), form_counts_per_token)
        form_name = token_name[form_token]

        # List counts: names each form occurs in; rarity from reference + list.
        pairs = np.unique(form_name.astype(np.int64) * max(size, 1) + form_ids)
        list_counts = np.bincount(pairs % max(size, 1), minlength=size).astype(np.int64)
        frequencies = reference + Frequencies(
            dict(zip(forms, list_counts.tolist(), strict=True)), names
        )
        total_counts = np.array([frequencies.count(f) for f in forms], dtype=np.int64)
        token_starts = np.zeros(tokens + 1, np.int64)
        np.cumsum(form_counts_per_token, out=token_starts[1:])
        token_count = (
            np.maximum.reduceat(total_counts[form_ids], token_starts[:-1])
            if tokens
            else np.zeros(0, np.int64)
        )
        rarities = {int(c): frequencies.rarity_of_count(int(c)) for c in np.unique(token_count)}
        rarity = np.array([rarities[c] for c in token_count.tolist()], dtype=np.float64)
        token_weights = factors * rarity
        name_weight = np.add.reduceat(token_weights, name_tokens[:-1]) if names else np.zeros(0)
        distinctive_token = (token_flags & _DISTINCTIVE) != 0
        name_flags = np.zeros(names, np.uint8)
        if names:
            name_flags[np.unique(token_name[distinctive_token])] = 1

        # Postings: form -> (name, weight, distinctive), sorted by form then name.
        order = np.lexsort((form_name, form_ids))
        post_name = form_name[order].astype(np.int32)
        post_weight = token_weights[form_token][order].astype(np.float32)
        post_flags = distinctive_token[form_token][order].astype(np.uint8)
        post_masks = _token_masks(name_tokens, token_name)[form_token][order]
        post_ptr = np.zeros(size + 1, np.int64)
        np.cumsum(np.bincount(form_ids, minlength=size), out=post_ptr[1:])
        form_max_weight = np.zeros(size, np.float32)
        if size:
            form_max_weight = np.maximum.reduceat(post_weight, post_ptr[:-1]).astype(np.float32)
        # Flags of the forms that are some token's text (its first form).
        form_flags = np.zeros(size, np.uint8)
        text_forms = form_ids[token_starts[:-1]]
        np.bitwise_or.at(form_flags, text_forms, token_flags & _FORM_FLAGS)

        form_key_list: array[int] = array("Q")
        form_key_ids: array[int] = array("l")
        for form_id, (form, flags) in enumerate(zip(forms, form_flags.tolist(), strict=True)):
            for key in set(_form_keys(form, flags)):
                form_key_list.append(stable_hash(key))
                form_key_ids.append(form_id)

        # Runs: weight of the joined words, from the token weights.
        run_name = renumber[_concat_offset(chunks, "run_name", offsets)]
        run_start = _concat(chunks, "run_start", np.int64)
        run_end = _concat(chunks, "run_end", np.int64)
        cumulative = np.concatenate([[0.0], np.cumsum(token_weights)])
        base = name_tokens[run_name] if len(run_name) else np.zeros(0, np.int64)
        run_weight = cumulative[base + run_end] - cumulative[base + run_start]
        run_masks = _run_masks(run_start, run_end, counts[run_name] > POSITIONS)
        run_offsets = np.cumsum([0, *(len(c.run_name) for c in chunks)])
        key_run = _concat_offset(chunks, "run_key_run", run_offsets)
        key_name = renumber[_concat_offset(chunks, "name_key_name", offsets)]
        name_table = KeyTable.build(
            np.concatenate(
                [_concat(chunks, "run_key", np.uint64), _concat(chunks, "name_key", np.uint64)]
            ),
            np.concatenate([run_name[key_run], key_name]),
            np.concatenate([run_weight[key_run], np.zeros(len(key_name))]),
            np.concatenate(
                [_concat(chunks, "run_key_aux", np.uint8), np.zeros(len(key_name), np.uint8)]
            ),
            np.concatenate([run_masks[key_run], np.zeros(len(key_name), np.uint32)]),
        )
        form_table = KeyTable.build(form_key_list, form_key_ids)
        strings = StringTable.build(forms)
        typed_texts = [text for c in chunks for text in c.typed]
        typed = StringTable.build(
            text for text, keep in zip(typed_texts, kept.tolist(), strict=True) if keep
        )
        index = cls(
            {
                "name_tokens": name_tokens,
                "token_weights": token_weights,
                "token_letters": token_letters,
                "name_weight": name_weight,
                "name_letters": letters,
                "name_kind": kinds,
                "name_flags": name_flags,
                "form_blob": strings.blob,
                "form_offsets": strings.offsets,
                "form_counts": list_counts,
                "form_flags": form_flags,
                "form_max_weight": form_max_weight,
                "post_ptr": post_ptr,
                "post_name": post_name,
                "post_weight": post_weight,
                "post_flags": post_flags,
                "post_masks": post_masks,
                "form_keys": form_table.keys,
                "form_key_ids": form_table.ids,
                "name_keys": name_table.keys,
                "name_key_ids": name_table.ids,
                "name_key_values": name_table.values,
                "name_key_aux": name_table.aux,
                "name_key_masks": name_table.masks,
                "typed_blob": typed.blob,
                "typed_offsets": typed.offsets,
            }
        )
        return index, kept

    # -- lookups ------------------------------------------------------------------

    def _cache_get(self, key: tuple[object, ...]) -> Hits | None:
        found = self._token_cache.get(key)
        if found is not None:
            self._token_cache.move_to_end(key)
        return found

    def _cache_put(self, key: tuple[object, ...], hits: Hits) -> None:
        self._token_cache[key] = hits
        self._cached_hits += hits.size + 1
        while self._cached_hits > _CACHE_HITS and len(self._token_cache) > 1:
            _, dropped = self._token_cache.popitem(last=False)
            self._cached_hits -= dropped.size + 1

    def similar_forms(self, token: Token) -> dict[int, float]:
        """Every vocabulary form a query token has a non-zero similarity with,
        and the best similarity the scorer can give the pair."""
        keys: list[int] = []
        groups: list[int] = []

        def want(key: str, group: int) -> None:
            keys.append(stable_hash(key))
            groups.append(group)

        for form in token.forms:
            want(_FORM + form, _TEXT)
            for key in spelling_keys(form):
                want(_SPELLING + key, _TEXT)
            if not form.isdigit():
                for variant in deletions(form, deletion_budget(len(form))):
                    want(_DELETION + variant, _TYPO)
            if form.isalpha() and len(form) >= 4:
                want(_METAPHONE + jellyfish.metaphone(form), _TEXT)
            if len(form) > 1 and form.isalpha():
                # A list initial ("J") may stand for this word.
                want(_FORM + form[0], _INITIAL)
        text = token.text
        if text.isalpha():
            # Script-bound similarities: skeletons for abjads, syllables for Hangul.
            found = skeleton(text)
            if found:
                want(
                    (_SKELETON if token.script in ABJADS else _SKELETON_ABJAD) + found, _BY_SKELETON
                )
            key = korean_key(text)
            if token.script != "hangul":
                want(_KOREAN_HANGUL + key, _BY_KOREAN)
            if token.script == "hangul" or token.via == "korean":
                # Every Latin word is keyed so (another Korean name's among them).
                want(_KOREAN + key, _BY_KOREAN)
        # Sound: a Han transliteration against Latin words, or the other way round.
        if sound_token(token):
            for variant in sound_variants(sound_key(text, True)):
                want(_SOUND_LATIN + variant, _BY_SOUND_HAN)
        elif token.script == "latin" and text.isalpha() and self.han_sound_runs:
            for variant in sound_variants(sound_key(text, False)):
                want(_SOUND_HAN + variant, _BY_SOUND_LATIN)
        # Initials: a Han place or name against a short Latin word (深圳 / SZ).
        if initials_token(token):
            want(_FORM + pinyin_initials(text), _BY_PINYIN_INITIALS)
        elif is_initialism(token):
            want(_PINYIN_INITIALS + text, _BY_PINYIN_INITIALS)
        positions, which = self.form_table.find(keys)
        best: dict[int, float] = {}
        by_text: set[int] = set()
        by_typo: set[int] = set()
        forms = token.forms
        for form_id, group_of in zip(
            self.form_table.ids[positions].tolist(), which.tolist(), strict=True
        ):
            group = groups[group_of]
            similarity = 0.0
            if group == _TEXT:
                by_text.add(form_id)
                continue
            if group == _TYPO:
                by_typo.add(form_id)
                continue
            if group == _INITIAL:
                other = self.forms[form_id]
                if len(other) == 1 and any(f[0] == other for f in forms if len(f) > 1):
                    similarity = INITIAL_SIMILARITY
            elif group == _BY_SKELETON:
                similarity = SKELETON_SIMILARITY
            elif group == _BY_KOREAN:
                similarity = VARIANT_SIMILARITY
            elif group == _BY_PINYIN_INITIALS:
                similarity = INITIAL_SIMILARITY
            elif group == _BY_SOUND_HAN:
                similarity = sounds_alike(text, self.forms[form_id])
            else:
                similarity = sounds_alike(self.forms[form_id], text)
            if similarity > best.get(form_id, 0.0):
                best[form_id] = similarity
        by_typo -= by_text
        compared = [(form_id, self.forms[form_id]) for form_id in by_text]
        typos = [(form_id, self.forms[form_id]) for form_id in by_typo]
        for form in forms:
            pairs = compared
            if typos:
                # Most forms a deletion variant finds are not within the typo budget.
                within = typo_budget_mask(form, [other for _, other in typos]).tolist()
                pairs = compared + [typo for typo, ok in zip(typos, within, strict=True) if ok]
            for form_id, other in pairs:
                similarity = text_similarity(form, other)[0]
                if similarity > best.get(form_id, 0.0):
                    best[form_id] = similarity
        return best

    def token_hits(self, token: Token) -> Hits:
        """The names a query token may pair with (cached: words recur)."""
        cache_key = ("token", token.text, token.alts, token.script, token.role, token.via)
        cached = self._cache_get(cache_key)
        if cached is not None:
            return cached
        by_form = self._form_hits(self.similar_forms(token))
        parts_names = [by_form.names] if by_form.size else []
        parts_data = [by_form.data] if by_form.size else []
        parts_masks = [by_form.masks] if by_form.size else []
        # Joined runs of list words this token may be written as.
        keys = {stable_hash(_RUN + key) for form in token.forms for key in spelling_keys(form)}
        if token.script == "latin" and token.text.isalpha() and self.han_sound_runs:
            keys.update(
                stable_hash(_RUN_SOUND + v) for v in sound_variants(sound_key(token.text, False))
            )
        wanted = list(keys)
        if token.text.isalpha():
            # By consonants (last): a word not in an abjad only with runs that are.
            wanted.append(stable_hash(_RUN_SKELETON + skeleton(token.text)))
        positions, which = self.name_table.find(wanted)
        aux = self.name_table.aux[positions]
        keep = aux != 0  # runs only
        if token.text.isalpha() and token.script not in ABJADS:
            keep &= (which < len(keys)) | ((aux & _RUN_ABJAD) != 0)
        positions = positions[keep]
        if len(positions):
            parts_names.append(self.name_table.ids[positions])
            parts_data.append(self._run_rows(positions, 1.0))
            parts_masks.append(self.name_table.masks[positions])
        hits = (
            _reduce_hits(
                np.concatenate(parts_names),
                np.concatenate(parts_data),
                np.concatenate(parts_masks),
            )
            if parts_names
            else _NO_HITS
        )
        self._cache_put(cache_key, hits)
        return hits

    def _run_rows(
        self, positions: npt.NDArray[np.intp], similarity: float
    ) -> npt.NDArray[np.float32]:
        """The rows of ``data`` for list runs found at ``positions`` of the name
        table, paired at most at ``similarity``."""
        aux = self.name_table.aux[positions]
        data = np.empty((len(positions), _COLUMNS), np.float32)
        data[:, _SIM] = similarity
        data[:, _SHARE] = similarity * self.name_table.values[positions]
        # Every run pair (equal, variant, skeleton 0.9, sound) may reach the
        # discount's similarity: the bound assumes it does.
        data[:, _COVER] = data[:, _COVER_STRONG] = aux & _LENGTH_MASK
        data[:, _DIST] = (aux & _RUN_DISTINCTIVE) != 0
        data[:, _COUNT] = 1.0
        return data

    def run_hits(self, name: PreparedName) -> list[Hits]:
        """For each run of a query (adjacent words written together), the names
        it may pair with: one lookup for all the runs not cached."""
        found: list[Hits | None] = []
        keys: list[int] = []
        groups: list[tuple[int, int]] = []  # (run number, group) of each key
        by_sound = [sound_run(name, run) for run in name.runs]
        pair_keys = [sound_pair_key(name, run) for run in name.runs]
        cache_keys = [
            ("run", run.joined, run.keys, run.abjad, len(run.indices), *found)
            for run, *found in zip(name.runs, by_sound, pair_keys, strict=True)
        ]
        # Two-word runs heard word by word, against list runs of the other script:
        # run number -> key.
        pairs: dict[int, int] = {}
        for number, (run, cache_key) in enumerate(zip(name.runs, cache_keys, strict=True)):
            cached = self._cache_get(cache_key)
            found.append(cached)
            if cached is not None:
                continue
            for key in run.keys:
                keys.append(stable_hash(_SPELLING + key))
                groups.append((number, _TEXT))
            if len(run.indices) == 2:
                table = _SKELETON if run.abjad else _SKELETON_ABJAD
                keys.append(stable_hash(table + skeleton(run.joined)))
                groups.append((number, _BY_SKELETON))
            if by_sound[number]:
                for variant in sound_variants(sound_key(run.joined, True)):
                    keys.append(stable_hash(_SOUND_LATIN + variant))
                    groups.append((number, _BY_SOUND_HAN))
            pair = pair_keys[number]
            if pair is not None and (pair[1] or self.han_pair_runs):
                prefix = _PAIR_SOUND_LATIN if pair[1] else _PAIR_SOUND_HAN
                pairs[number] = stable_hash(prefix + pair[0])
        heard: dict[int, list[int]] = {}  # run number -> name-table positions
        if pairs:  # most queries have none
            at, which = self.name_table.find(list(pairs.values()))
            keep = self.name_table.aux[at] != 0  # runs only
            numbers = list(pairs)
            for position, key_number in zip(at[keep].tolist(), which[keep].tolist(), strict=True):
                heard.setdefault(numbers[key_number], []).append(position)
        positions, which = self.form_table.find(keys)
        best: dict[int, dict[int, float]] = {}
        for form_id, key_number in zip(
            self.form_table.ids[positions].tolist(), which.tolist(), strict=True
        ):
            number, group = groups[key_number]
            run = name.runs[number]
            joined = run.joined
            other = self.forms[form_id]
            if group == _TEXT:
                similarity = joined_similarity(run, other)[0]
            elif group == _BY_SKELETON:
                similarity = SKELETON_SIMILARITY
            else:
                similarity = sounds_alike(joined, other)
            run_best = best.setdefault(number, {})
            if similarity > run_best.get(form_id, 0.0):
                run_best[form_id] = similarity
        hits_of_runs = []
        for number, cached in enumerate(found):
            hits = cached
            if hits is None:
                hits = self._form_hits(best.get(number, {}))
                if number in heard:
                    at = np.asarray(heard[number], np.intp)
                    names = self.name_table.ids[at]
                    data = self._run_rows(at, SOUND_SIMILARITY)
                    masks = self.name_table.masks[at]
                    if hits.size:
                        names = np.concatenate([hits.names, names])
                        data = np.concatenate([hits.data, data])
                        masks = np.concatenate([hits.masks, masks])
                    hits = _reduce_hits(names, data, masks)
                self._cache_put(cache_keys[number], hits)
            hits_of_runs.append(hits)
        return hits_of_runs

    def _form_hits(self, similar: dict[int, float]) -> Hits:
        """The names holding the ``similar`` forms (form id -> similarity)."""
        if not any(similar.values()):
            return _NO_HITS
        similar = {form: value for form, value in similar.items() if value > 0.0}
        names, weights, flags, masks, lengths = self._postings(list(similar))
        similarity = np.repeat(np.fromiter(similar.values(), np.float32, len(similar)), lengths)
        data = np.empty((len(names), _COLUMNS), np.float32)
        data[:, _SIM] = similarity
        data[:, _SHARE] = similarity * weights
        data[:, _COVER] = 1.0
        data[:, _COVER_STRONG] = similarity >= _STRONG_SIMILARITY
        data[:, _DIST] = flags
        data[:, _COUNT] = 1.0
        return _reduce_hits(names, data, masks)

    def _postings(
        self, form_ids: list[int]
    ) -> tuple[
        npt.NDArray[np.int32],
        npt.NDArray[np.float32],
        npt.NDArray[np.uint8],
        npt.NDArray[np.uint32],
        IntArray,
    ]:
        ids = np.asarray(form_ids, dtype=np.int64)
        starts = self.post_ptr[ids]
        lengths = self.post_ptr[ids + 1] - starts
        total = int(lengths.sum())
        positions = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        return (
            self.post_name[positions],
            self.post_weight[positions],
            self.post_flags[positions],
            self.post_masks[positions],
            lengths,
        )

    def exact_candidates(self, query: PreparedName) -> tuple[npt.NDArray[np.int32], FloatArray]:
        """List names that the identity, acronym and alias rules may pair with the
        query, each with a bound on what that rule may score: they bypass the
        token bound.

        The acronym rule scores by the acronym's length (two letters are weak
        evidence), less the kind penalty; the others may score 1."""
        keys = [_WHOLE + query.comparison, _ALIAS + compact(query)]
        centre = core(query)
        if centre:
            keys.append(_ALIAS + centre)
        placed = placed_compact(query)
        if placed is not None:
            keys.append(_ALIAS + placed[0])  # what a list name goes by, and a place
        for alias in query.aliases:
            # What the query goes by is a list name (perhaps with places after
            # it), its core or its initials, or what a list name goes by.
            keys += [_COMPACT + alias, _PLACED + alias, _ALIAS + alias, _CORE + alias]
            keys.append(_INITIALS + alias)
        keys += [_ALIAS + initials for initials in query.initials]
        by_any_rule = len(keys)
        # The acronym rule: the query's initials are a list acronym, or the other
        # way round.
        acronyms = [_ACRONYM + initials for initials in query.initials]
        acronyms += [_INITIALS + word for word in query.acronyms]
        keys += acronyms
        positions, which = self.name_table.find([stable_hash(k) for k in keys])
        if not len(positions):  # most queries
            return np.empty(0, np.int32), np.empty(0, np.float64)
        whole = self.name_table.aux[positions] == 0
        positions, which = positions[whole], which[whole]
        names = self.name_table.ids[positions]
        spelled = [len(key) - 1 for key in acronyms]  # each key is its category letter + word
        acronym_bound = [ACRONYM_SCORES[min(length, 4)] + BOUND_SLACK for length in spelled]
        rule_bound = np.array([1.0] * by_any_rule + acronym_bound)
        bounds = rule_bound[which]
        by_acronym = which >= by_any_rule
        bounds[by_acronym] = self._kind_bound(query, names[by_acronym], bounds[by_acronym])
        return _best_bounds(names, bounds)

    # -- the bound -------------------------------------------------------------------

    def candidates(
        self, query: PreparedName, weights: Sequence[float], threshold: float
    ) -> tuple[npt.NDArray[np.int32], FloatArray]:
        """List names whose score against ``query`` may reach ``threshold``, each
        with an upper bound on that score.

        The bound follows the scorer (:func:`entitymatch.score.score_prepared`).
        Let M bound the aligned gain: each query token at its best similarity in
        that name, plus each row's best list-side share; and, since pairs come
        from distinct rows and align distinct list tokens, at most the k best
        rows' gains there, with k the list tokens the rows reach (the positions
        of :class:`Hits` masks; for an initial, of the list words starting
        with its letter). Then the base score is
        at most ``M / (Wq + Wc)``, or ``M / (f (Wq + Wc) + (1 - f) M)`` when the
        missing-token discount may apply (some name fully coverable by pairs of
        similarity 0.8 or more: the query only if k is at least the fewest
        pairs that align all of it), with f the share missing words cost; scaled
        by the evidence rule; raised by the corroboration rule only when both
        names may be fully aligned with two distinctive query words; capped at
        :data:`GENERIC_CAP` unless a distinctive word may be aligned as the rule
        requires (or, between names without one, every word of both may be);
        lowered by the kind penalty when one is a person and the
        other is not. The spelling rule may raise a score to the two names'
        similarity as typed: names that share a distinctive word with the
        query are compared so, and those within the rule's reach join the
        candidates with that similarity as their bound (see :meth:`_typed`).

        Above the cap a name needs one of the query's distinctive words aligned
        (if it has any), so only rows with one generate candidates; rows whose
        whole contribution cannot lift a name to the threshold do not generate
        either (they still count in the bounds, as in MaxScore). A first, loose
        bound (every row's gain added up) drops most candidates before the
        exact one is computed.
        """
        empty = (np.empty(0, np.int32), np.empty(0, np.float64))
        found = _Query.of(self, query, weights)
        if found is None:
            return empty
        names, bounds = self._token_candidates(found, threshold)
        typed_names, typed_bounds = self._typed(found, threshold)
        if not len(typed_names):
            return names, bounds
        return _best_bounds(
            np.concatenate([names, typed_names]), np.concatenate([bounds, typed_bounds])
        )

    def _typed(self, query: _Query, threshold: float) -> tuple[npt.NDArray[np.int32], FloatArray]:
        """List names the spelling rule may lift to ``threshold``, with their
        similarity as typed (:func:`entitymatch.score.typed_text`): names of the
        right kinds that share a distinctive word with the query (any word, if
        the query has none distinctive), within the rule's edit budget."""
        empty = (np.empty(0, np.int32), np.empty(0, np.float64))
        text = typed_text(query.name)
        cutoff = max(threshold, TYPED_SIMILARITY)
        if not text or cutoff > 1.0:
            return empty
        # The scorer reads 3 edits in 15 letters as 1 - 3/15 = 0.8, where
        # (1 - 0.8) * 15 is 2.9999999999999996 (rapidfuzz's cutoff does the same):
        # at the rule's boundary, names are compared with a little slack.
        cutoff -= BOUND_SLACK
        core_query = any(query.distinctive)
        parts = [
            row.hits.names
            for row in query.rows
            if row.hits is not None
            and (not core_query or any(query.distinctive[i] for i in row.tokens))
        ]
        if not parts:
            return empty
        names = np.concatenate(parts)
        # Similarity is 1 - edits / longer, and edits >= the difference in length:
        # filter on lengths and kinds first, then compare what is left once each.
        lengths = self.typed_length[names]
        longer = np.maximum(lengths, len(text))
        near = (lengths > 0) & (np.abs(lengths - len(text)) <= (1.0 - cutoff) * longer)
        names = names[near]
        kinds = self.name_kind[names]
        if query.name.kind == "organization":
            names = names[kinds != _PERSON]
        else:
            names = names[kinds == _ORGANIZATION]
        if not len(names):
            return empty
        if len(parts) > 1:  # one row's names are sorted and distinct already
            _, names, _ = _groups(names)
        similarity = process.cdist(
            [text],
            self.typed.take(names),
            scorer=OSA.normalized_similarity,
            score_cutoff=cutoff,
            dtype=np.float64,
        )[0]
        within = similarity >= cutoff
        bounds = similarity[within] + BOUND_SLACK
        return names[within], np.minimum(bounds, 1.0)

    def _token_candidates(
        self, found: _Query, threshold: float
    ) -> tuple[npt.NDArray[np.int32], FloatArray]:
        """Candidates by the token bound (see :meth:`candidates`)."""
        empty = (np.empty(0, np.int32), np.empty(0, np.float64))
        query = found.name
        rows = found.rows
        above_cap = threshold > GENERIC_CAP
        core_query = any(found.distinctive)
        generating = [
            n
            for n, row in enumerate(rows)
            if not (above_cap and core_query) or any(found.distinctive[i] for i in row.tokens)
        ]
        left_out = [n for n in range(len(rows)) if n not in set(generating)]
        for n in sorted(generating, key=lambda n: rows[n].gain):
            if found.reach([*left_out, n]) >= threshold:
                break
            left_out.append(n)
        essential = [row for n, row in enumerate(rows) if n not in set(left_out)]
        if not essential:
            return empty
        # The loose bound: essential rows at their gain in each name, the others
        # at their best gain anywhere.
        parts = [self._row_names(row) for row in essential]
        gains = [
            np.full(len(part), row.gain)
            if row.hits is None
            else row.hits.data[:, _SIM] * row.weight + row.hits.data[:, _SHARE]
            for row, part in zip(essential, parts, strict=True)
        ]
        names: npt.NDArray[np.int32] = parts[0]
        gain: FloatArray = gains[0].astype(np.float64)
        if len(parts) > 1:
            order, names, starts = _groups(np.concatenate(parts))
            # In double precision, each name's gains in the order of the rows.
            gain = np.add.reduceat(np.concatenate(gains).astype(np.float64)[order], starts)
        if not len(names):
            return empty
        gain += math.fsum(rows[n].gain for n in left_out)
        loose = found.score_bound(gain, self.name_weight[names], corroborated=True)
        keep = self._kind_bound(query, names, loose) >= threshold
        names = names[keep]
        return names, self._bound(found, names)

    def _row_names(self, row: _Row) -> npt.NDArray[np.int32]:
        if row.hits is not None:
            return row.hits.names
        # An initial may pair with any list word starting with its letter.
        letter = np.uint32(1 << (ord(row.letter) - ord("a")))
        return np.flatnonzero(self.name_letters & letter).astype(np.int32)

    def _letter_words(
        self, names: npt.NDArray[np.int32], letter: str
    ) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.float64]]:
        """For each of ``names``, the position bits of its words that start with
        ``letter`` (every bit in a long name that has one) and the weight of the
        heaviest (0 if none): the words an initial may pair with."""
        if not len(names):
            return np.zeros(0, np.uint32), np.zeros(0)
        starts = self.name_tokens[names]
        counts = self.name_token_count[names]
        total = int(counts.sum())
        first = np.cumsum(counts) - counts  # where each name's words start in the gather
        position = np.arange(total) - np.repeat(first, counts)
        tokens = np.repeat(starts, counts) + position
        bits = _position_bits(position, np.repeat(counts > POSITIONS, counts))
        other = self.token_letters[tokens] != _letter_code(letter)
        bits[other] = 0
        weights = self.token_weights[tokens]
        weights[other] = 0.0
        # Every name has a word, so no name's slice of the gather is empty.
        found: npt.NDArray[np.uint32] = np.bitwise_or.reduceat(bits, first)
        heaviest: npt.NDArray[np.float64] = np.maximum.reduceat(weights, first)
        return found, heaviest

    def _kind_bound(
        self, query: PreparedName, names: npt.NDArray[np.int32], bound: FloatArray
    ) -> FloatArray:
        """The bound lowered by the kind penalty where one name is a person's and
        the other is not."""
        if query.kind is None:
            return bound
        kinds = self.name_kind[names]
        person = query.kind == "person"
        conflict = (kinds != 0) & (kinds != _PERSON) if person else kinds == _PERSON
        lowered: FloatArray = bound - KIND_MISMATCH_PENALTY * conflict
        return lowered

    def _bound(self, query: _Query, names: npt.NDArray[np.int32]) -> FloatArray:
        """The exact bound (see :meth:`candidates`) of each of ``names``."""
        count = len(query.weights)
        size = len(names)
        # Per query token and name: the best of every row that covers the token,
        # the list-side measures shared out among a row's tokens.
        per_token = np.zeros((count, size, _COLUMNS), np.float32)
        list_distinctive = np.zeros(size, bool)
        # The list tokens some pair may align (every pair aligns one at least),
        # and what each row's pair may add to the aligned gain.
        reachable = np.zeros(size, np.uint32)
        several = len(query.rows) > 1
        row_gains = np.empty((len(query.rows), size))
        for number, row in enumerate(query.rows):
            if row.hits is None:
                # Any list word with that letter.
                positions, heaviest = self._letter_words(names, row.letter)
                reachable |= positions
                has = positions != 0
                values = np.zeros((size, _COLUMNS), np.float32)
                values[:, _SIM] = has * INITIAL_SIMILARITY
                values[:, _SHARE] = heaviest * INITIAL_SIMILARITY
                values[:, _COVER] = values[:, _COVER_STRONG] = values[:, _DIST] = has
            else:
                values, masks = row.hits.at(names)
                reachable |= masks
            list_distinctive |= values[:, _DIST] > 0
            if several:
                row_gains[number] = values[:, _SIM] * row.weight + values[:, _SHARE]
            if len(row.tokens) > 1:
                values[:, _SHARE:_DIST] /= len(row.tokens)
            for i in row.tokens:
                np.maximum(per_token[i], values, out=per_token[i])
        similarity = per_token[:, :, _SIM].astype(np.float64)
        list_weight = self.name_weight[names]
        query_gain = np.asarray(query.weights) @ similarity
        list_gain = per_token[:, :, _SHARE].sum(axis=0, dtype=np.float64)
        for repeated, hits in query.repeats:
            # A word the query repeats pairs with one list word per repeat at
            # most: only as many repeats count as the name has postings for it.
            values, _ = hits.at(names)
            pairs = np.minimum(len(repeated), values[:, _COUNT]).astype(np.int64)
            heaviest = np.sort(np.asarray([query.weights[i] for i in repeated]))[::-1]
            top = np.concatenate([[0.0], np.cumsum(heaviest)])[pairs]
            found = values[:, _SIM].astype(np.float64)
            query_gain += found * (top - heaviest.sum())
            list_gain += values[:, _SHARE] * (pairs - len(repeated))
        query_side = np.minimum(query_gain, query.total)
        list_side = np.minimum(list_gain, list_weight)
        gain = query_side + list_side
        # Pairs hold distinct query words, so come from distinct rows, and align
        # distinct list tokens: no more pairs than the tokens some row reaches
        # (two query words that both pair with one list word only, as Hossein and
        # Husain with Hossein in "Hossein Jorge", count once).
        tokens = self.name_token_count[names]
        reached = np.where(tokens <= POSITIONS, _bit_count(reachable), tokens)
        if several:
            best_first = np.cumsum(-np.sort(-row_gains, axis=0), axis=0)
            most = np.minimum(reached, len(query.rows)) - 1  # a name is hit: one row at least
            gain = np.minimum(gain, best_first[most, np.arange(size)])
        length = tokens - 1e-3
        all_reached = reached >= tokens
        # Every query word aligned takes as many list words as its fewest pairs.
        query_reached = reached >= query.fewest_pairs
        covered = (similarity > 0).all(axis=0) & query_reached
        covered_strong = ((similarity >= _STRONG_SIMILARITY).all(axis=0) & query_reached) | (
            all_reached & (per_token[:, :, _COVER_STRONG].sum(axis=0) >= length)
        )
        both_covered = covered & all_reached & (per_token[:, :, _COVER].sum(axis=0) >= length)
        core_hits = (similarity[query.distinctive] > 0).sum(axis=0)
        score = query.score_bound(
            gain,
            list_weight,
            corroborated=both_covered & (core_hits >= 2),
            discounted=covered_strong,
            organization=self.name_kind[names] == _ORGANIZATION,
        )
        # The generic cap: a distinctive word of the query (if it has one) and of
        # the name (if it has one) must be aligned, and one at least; or, when
        # neither has one, every word of both.
        generic_name = self.name_flags[names] == 0
        query_core = core_hits > 0 if any(query.distinctive) else np.ones(size, bool)
        name_core = list_distinctive | generic_name
        rests = query_core & name_core & ((core_hits > 0) | list_distinctive)
        if not any(query.distinctive):
            rests |= generic_name & both_covered
        score = np.where(rests, score, np.minimum(score, GENERIC_CAP))
        return self._kind_bound(query.name, names, score)


@dataclass(frozen=True, slots=True)
class _Row:
    """A query word, or adjacent words joined, with what it may pair with
    (``hits``), or for an initial its ``letter`` (any list word starting with it).

    ``weight`` is the words' query weight and ``gain`` the most the row can add to
    the aligned gain M: best similarity x weight plus best list-side share."""

    tokens: tuple[int, ...]
    weight: float
    gain: float
    hits: Hits | None = None
    letter: str = ""


@dataclass(frozen=True, slots=True)
class _Query:
    """A query as the bound sees it."""

    name: PreparedName
    weights: Sequence[float]
    total: float
    distinctive: list[bool]
    rows: list[_Row]
    repeats: list[tuple[tuple[int, ...], Hits]]
    """Query words written the same (``Mohammed ... Mohammed``), found by one
    lookup and in no other row: their tokens and their hits."""
    fewest_pairs: int
    """The fewest pairs that may align every query word (0 if none may): each
    pair takes one row, rows take words in runs, and no word is in two pairs."""

    @classmethod
    def of(cls, index: Index, name: PreparedName, weights: Sequence[float]) -> _Query | None:
        """The query's rows: words and joined runs that hit some name, and initials."""
        total = math.fsum(weights)
        if not name.tokens or total <= 0.0:
            return None
        rows = []
        initials = name.kind != "organization"
        for i, token in enumerate(name.tokens):
            hits = index.token_hits(token)
            if hits.size:
                rows.append(_Row((i,), weights[i], hits.gain(weights[i]), hits))
            if (
                initials
                and len(token.text) == 1
                and "a" <= token.text <= "z"
                and token.script in INITIAL_SCRIPTS
            ):
                # An initial, in a name that may be a person's, may pair with any
                # list word starting with its letter.
                gain = INITIAL_SIMILARITY * (weights[i] + 1.0)
                rows.append(_Row((i,), weights[i], gain, None, token.text))
        for run, hits in zip(name.runs, index.run_hits(name), strict=True):
            if hits.size:
                weight = math.fsum(weights[i] for i in run.indices)
                rows.append(_Row(run.indices, weight, hits.gain(weight), hits))
        if not rows:
            return None
        distinctive = [is_distinctive(name, i) for i in range(len(name.tokens))]
        return cls(
            name,
            weights,
            total,
            distinctive,
            rows,
            _repeats(rows),
            _fewest_rows(rows, len(weights)),
        )

    def score_bound(
        self,
        gain: FloatArray,
        list_weight: FloatArray,
        *,
        corroborated: bool | npt.NDArray[np.bool_],
        discounted: bool | npt.NDArray[np.bool_] = True,
        organization: bool | npt.NDArray[np.bool_] = False,
    ) -> FloatArray:
        """The most a score can be with aligned gain at most ``gain``;
        ``organization`` where a list name is known to be an organisation's."""
        denominator = self.total + list_weight
        # Missing tokens counted at MISSING_FACTOR (PERSON_MISSING_FACTOR unless
        # either name is an organisation's): the denominator loses that share of
        # what is not aligned.
        lost = np.maximum(denominator - gain, 0.0)
        if self.name.kind == "organization":
            lost *= 1.0 - MISSING_FACTOR
        else:
            lost *= np.where(organization, 1.0 - MISSING_FACTOR, 1.0 - PERSON_MISSING_FACTOR)
        score = gain / (denominator - lost)
        if not isinstance(discounted, bool):
            score = np.where(discounted, score, gain / denominator)
        elif not discounted:
            score = gain / denominator
        np.minimum(score, 1.0, out=score)
        score *= np.minimum(1.0, gain / (2.0 * MIN_EVIDENCE))
        if not isinstance(corroborated, bool):
            score = np.where(corroborated, 1.0 - (1.0 - score) * CORROBORATED_DOUBT, score)
        elif corroborated:
            score = 1.0 - (1.0 - score) * CORROBORATED_DOUBT
        score += BOUND_SLACK
        np.minimum(score, 1.0, out=score)
        return score

    def reach(self, chosen: Sequence[int]) -> float:
        """The most a name found only by the ``chosen`` rows could score."""
        gain = math.fsum(self.rows[n].gain for n in chosen)
        covered = {i for n in chosen for i in self.rows[n].tokens}
        bound = self.score_bound(
            np.array([gain]), np.array([0.0]), corroborated=len(covered) == len(self.weights)
        )
        return float(bound[0])


def _fewest_rows(rows: Sequence[_Row], count: int) -> int:
    """The fewest ``rows`` that take each of ``count`` words once (rows take
    adjacent words), or 0 if no rows do.

    >>> word = lambda *tokens: _Row(tokens, 1.0, 1.0)
    >>> _fewest_rows([word(0), word(1), word(2), word(1, 2)], 3)
    2
    >>> _fewest_rows([word(0), word(0, 1)], 3)
    0
    """
    # fewest[k]: the fewest rows that take words 0 .. k-1 (count + 1: none do).
    fewest = [0] + [count + 1] * count
    for end in range(1, count + 1):
        for row in rows:
            if row.tokens[-1] == end - 1:
                fewest[end] = min(fewest[end], fewest[row.tokens[0]] + 1)
    return fewest[count] if fewest[count] <= count else 0


def _repeats(rows: Sequence[_Row]) -> list[tuple[tuple[int, ...], Hits]]:
    """Groups of single-word rows that share one lookup (the same word repeated),
    whose words no other row covers."""
    rows_of: dict[int, int] = {}
    for row in rows:
        for i in row.tokens:
            rows_of[i] = rows_of.get(i, 0) + 1
    groups: dict[int, tuple[list[int], Hits]] = {}
    for row in rows:
        if row.hits is not None and len(row.tokens) == 1 and rows_of[row.tokens[0]] == 1:
            groups.setdefault(id(row.hits), ([], row.hits))[0].append(row.tokens[0])
    return [(tuple(tokens), hits) for tokens, hits in groups.values() if len(tokens) > 1]


_CACHE_HITS = 4_000_000
"""Most cached (name, row) hits kept per index: about 100 MB."""


def _best_bounds(
    names: npt.NDArray[np.int32], bounds: FloatArray
) -> tuple[npt.NDArray[np.int32], FloatArray]:
    """Each name once, sorted, with the highest of its bounds."""
    order, unique, starts = _groups(names)
    best: FloatArray = np.maximum.reduceat(bounds[order], starts).astype(np.float64, copy=False)
    return unique, best


def _groups(
    names: npt.NDArray[np.int32],
) -> tuple[IntArray, npt.NDArray[np.int32], IntArray]:
    """The order that sorts ``names``, each name once in that order, and where
    its run starts: a stable sort, which merges sorted parts (concatenated
    lists of a row's names) in little more than one pass and keeps each name's
    entries in the order they came."""
    order = names.argsort(kind="stable")
    ordered = names[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(names) else order
    return order, ordered[starts].astype(np.int32, copy=False), starts


def _token_masks(name_tokens: IntArray, token_name: IntArray) -> npt.NDArray[np.uint32]:
    """Each list token's position bit in its name (every bit in a long name)."""
    position = np.arange(len(token_name)) - name_tokens[token_name]
    return _position_bits(position, np.diff(name_tokens)[token_name] > POSITIONS)


def _position_bits(position: IntArray, long_name: npt.NDArray[np.bool_]) -> npt.NDArray[np.uint32]:
    """The bit of each token ``position`` in its name (every bit in a long name)."""
    bits = np.left_shift(np.uint32(1), np.minimum(position, POSITIONS - 1).astype(np.uint32))
    return np.where(long_name, _ALL_POSITIONS, bits).astype(np.uint32)


def _run_masks(
    start: IntArray, end: IntArray, long_name: npt.NDArray[np.bool_]
) -> npt.NDArray[np.uint32]:
    """The position bits of runs from ``start`` to ``end`` (every bit in a long name)."""
    one = np.uint64(1)
    upto = np.left_shift(one, np.minimum(end, POSITIONS).astype(np.uint64)) - one
    below = np.left_shift(one, np.minimum(start, POSITIONS).astype(np.uint64)) - one
    return np.where(long_name, _ALL_POSITIONS, upto ^ below).astype(np.uint32)


def _concat(chunks: Sequence[Extract], field_name: str, dtype: type) -> npt.NDArray[Any]:
    parts: list[npt.NDArray[Any]] = [
        np.asarray(getattr(c, field_name), dtype=dtype) for c in chunks
    ]
    return np.concatenate(parts) if parts else np.zeros(0, dtype)


def _concat_offset(
    chunks: Sequence[Extract], field_name: str, offsets: npt.NDArray[np.int64]
) -> IntArray:
    parts = [
        np.asarray(getattr(c, field_name), dtype=np.int64) + offset
        for c, offset in zip(chunks, offsets.tolist(), strict=False)
    ]
    return np.concatenate(parts) if parts else np.zeros(0, np.int64)
