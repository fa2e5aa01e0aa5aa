"""Token weights: how much each word of a name says about who it names.

A weight is the product of two things:

* **rarity** - inverse document frequency of the word among list names. The
  reference counts in ``data/token_frequencies.tsv`` come from the real lists
  bundled for development (CSL, OFAC SDN and non-SDN, UN, BIS DPL); a compiled
  matcher adds its own list's counts, so a word common in *that* list weighs
  less there;
* **tag** - industry words, places, stopwords, honorifics, particles and
  initials weigh a fraction of a distinctive word. When a name has no
  distinctive word, its places and industry words are its core and weigh in
  full: "Aksu Public Security Bureau" is named by its place and its function.
  In an institution's name a place weighs in full too: it tells Beijing and
  Harbin Institute of Technology apart.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping

from entitymatch.data import read_rows
from entitymatch.prepare import PreparedName, Token

__all__ = [
    "Frequencies",
    "institution_name",
    "reference_frequencies",
    "tag_factors",
    "token_weights",
]

TAG_FACTORS: Mapping[str, float] = {
    "": 1.0,
    "number": 1.0,
    "place": 0.4,  # frequent in company names, but a place can still tell two parties apart
    "industry": 0.3,  # "Technology", "Trading", "Bureau": what a party does, not who it is
    "particle": 0.3,  # "al", "bin", "abu": part of the name, shared by very many names
    "initial": 0.3,  # one letter says little, and may stand for many names
    "stop": 0.05,  # "of", "and", "de": almost nothing, but not quite nothing
    "honorific": 0.0,  # "Mr", "Sheikh", "General": never decides a match
}
"""Weight of a tagged word relative to a distinctive word of the same rarity."""

PERSON_TAG_FACTORS: Mapping[str, float] = {**TAG_FACTORS, "place": 1.0, "industry": 1.0}
"""In a person's name, "Jordan" or "Mason" is a name, not a place or a trade."""

IDF_FLOOR = 0.15
"""The commonest word still weighs this fraction of the rarest: "china" and
"company" still count for something."""


class Frequencies:
    """Document frequencies of comparison words over a body of names.

    Args:
        counts: Number of names each word occurs in.
        names: Number of names counted.
    """

    __slots__ = ("_counts", "_log_total", "names")

    def __init__(self, counts: Mapping[str, int], names: int) -> None:
        self._counts = dict(counts)
        self.names = names
        self._log_total = math.log(names + 2)

    def count(self, word: str) -> int:
        """Names the word occurs in (0 if never seen)."""
        return self._counts.get(word, 0)

    def rarity(self, forms: Iterable[str]) -> float:
        """Normalised IDF in [IDF_FLOOR, 1] of the commonest of a word's forms.

        >>> f = Frequencies({"company": 500, "hikvision": 2}, names=1000)
        >>> round(f.rarity(["hikvision"]), 2), round(f.rarity(["company"]), 2)
        (0.84, 0.15)
        """
        return self.rarity_of_count(max(self._counts.get(form, 0) for form in forms))

    def rarity_of_count(self, count: int) -> float:
        """Normalised IDF in [IDF_FLOOR, 1] of a word found in ``count`` names."""
        idf = math.log((self.names + 2) / (count + 1)) / self._log_total
        return max(IDF_FLOOR, min(1.0, idf))

    def __add__(self, other: Frequencies) -> Frequencies:
        counts = dict(self._counts)
        for word, count in other._counts.items():
            counts[word] = counts.get(word, 0) + count
        return Frequencies(counts, self.names + other.names)

    def items(self) -> Iterable[tuple[str, int]]:
        """``(word, count)`` pairs."""
        return self._counts.items()

    @classmethod
    def count_names(cls, names: Iterable[PreparedName]) -> Frequencies:
        """Count the names each comparison word (and alternative form) occurs in."""
        counts: dict[str, int] = {}
        total = 0
        for name in names:
            total += 1
            for word in {form for token in name.tokens for form in token.forms}:
                counts[word] = counts.get(word, 0) + 1
        return cls(counts, total)


_INSTITUTION_WORDS = frozenset({"university", "institute", "academy", "college", "school"})
_INSTITUTION_HAN = ("大学", "大學", "学院", "學院", "研究所", "研究院")


def _institution(token: Token) -> bool:
    """Whether a token names an institution's kind (university, 研究所)."""
    return token.text in _INSTITUTION_WORDS or token.source.endswith(_INSTITUTION_HAN)


def institution_name(name: PreparedName) -> bool:
    """Whether a name is an institution's (a university, institute, academy)."""
    return name.derived("institution", lambda n: any(_institution(t) for t in n.tokens))


@functools.cache
def reference_frequencies() -> Frequencies:
    """Word counts over the real lists bundled for development (see module doc)."""
    rows = read_rows("token_frequencies.tsv")
    names = next((int(r["names"]) for r in rows if r["word"] == "<names>"), 0)
    return Frequencies({r["word"]: int(r["names"]) for r in rows if r["word"] != "<names>"}, names)


def tag_factors(name: PreparedName) -> tuple[float, ...]:
    """The tag factor of each token of a prepared name: its weight before rarity.

    >>> from entitymatch.prepare import prepare
    >>> tag_factors(prepare("Hangzhou Hikvision Technology")), tag_factors(prepare("China Telecom"))
    ((0.4, 1.0, 0.3), (1.0, 1.0))
    """
    tokens = name.tokens
    factors = PERSON_TAG_FACTORS if name.kind == "person" else TAG_FACTORS
    if institution_name(name):
        # In an institution's name the place tells it apart: Beijing and Harbin
        # Institute of Technology; 西安电子科技大学 is not 电子科技大学.
        factors = {**factors, "place": 1.0}
    if not any(t.tag in ("", "number") for t in tokens):
        # No distinctive word: its places and industry words are what this name
        # is named by ("China Telecom", "Aksu Public Security Bureau").
        factors = {**factors, "place": 1.0, "industry": 1.0}
    return tuple(factors[t.tag] for t in tokens)


def token_weights(name: PreparedName, frequencies: Frequencies) -> tuple[float, ...]:
    """The weight of each token of a prepared name: tag factor times rarity.

    >>> from entitymatch.prepare import prepare
    >>> f = Frequencies({"technology": 900, "hangzhou": 40}, names=10_000)
    >>> [round(w, 2) for w in token_weights(prepare("Hangzhou Hikvision Technology"), f)]
    [0.24, 1.0, 0.08]
    >>> [round(w, 2) for w in token_weights(prepare("Hangzhou Technology"), f)]
    [0.6, 0.26]
    """
    return tuple(
        factor * frequencies.rarity(token.forms)
        for factor, token in zip(tag_factors(name), name.tokens, strict=True)
    )
