"""Stage 4: what kind of word each comparison word is.

Tags set weights: distinctive words (no tag) carry a match; industry words,
places, stopwords, honorifics and particles carry little. Tags come from
``data/tags.tsv`` (English words, countries, titles, particles), from
``data/zh_places.tsv`` (Chinese places in pinyin and old spellings) and from the
ethnonyms of ``data/name_variants.tsv`` (tagged as places).
"""

from __future__ import annotations

import functools
from typing import Literal

from entitymatch.data import read_rows

__all__ = ["DISTINCTIVE_TAGS", "Tag", "canonical_kind", "tag_word"]

Tag = Literal["", "industry", "place", "stop", "honorific", "particle", "number", "initial"]

DISTINCTIVE_TAGS: frozenset[Tag] = frozenset({"", "number"})
"""Tags of the words that can carry a match: untagged words and numbers."""


@functools.cache
def _tags() -> dict[str, tuple[Tag, str]]:
    tags: dict[str, tuple[Tag, str]] = {}
    known: dict[str, Tag] = {
        "industry": "industry",
        "place": "place",
        "stop": "stop",
        "honorific": "honorific",
        "particle": "particle",
    }
    for row in read_rows("tags.tsv"):
        tags[row["word"]] = (known[row["tag"]], row["canonical"])
    for row in read_rows("name_variants.tsv"):
        if row["class"] == "ethnonym":
            # Uighur, Kazakh ...: in list names they name regions and bodies of
            # regions ("Xinjiang Uighur Autonomous Region"), as places do.
            for form in [row["canonical"], *row["variants"].split("|")]:
                word = form.strip().lower().replace("'", "").replace("-", "")
                if word.isascii() and word.isalpha():
                    tags.setdefault(word, ("place", ""))
    for row in read_rows("zh_places.tsv"):
        forms = [row["pinyin"].replace("'", ""), *row["variants"].split("|")]
        for form in forms:
            word = form.strip().lower().replace("'", "").replace("-", "")
            if word.isascii() and word.isalpha() and word not in tags:
                tags[word] = ("place", "")
    return tags


@functools.cache
def _canonical_kinds() -> dict[str, str]:
    return {row["word"]: row["note"] for row in read_rows("tags.tsv") if row["canonical"]}


def canonical_kind(word: str) -> str:
    """What the canonical form :func:`tag_word` gives for a word is to it:
    ``"abbreviation"`` (intl: international), ``"word form"`` (trade: trading),
    or ``""`` when it has none.

    >>> canonical_kind("intl"), canonical_kind("trade"), canonical_kind("hikvision")
    ('abbreviation', 'word form', '')
    """
    return _canonical_kinds().get(word, "")


_NUMBER_WORDS = {
    word: str(n)
    for n, words in enumerate(
        [
            "", "one first", "two second", "three third", "four fourth", "five fifth",
            "six sixth", "seven seventh", "eight eighth", "nine ninth", "ten tenth",
            "eleven eleventh", "twelve twelfth",
        ]
    )
    for word in words.split()
}  # fmt: skip
"""Number words and ordinals, with the digits Han numerals become ("First" = 第一 = 1)."""


def tag_word(word: str) -> tuple[Tag, str]:
    """The tag of a comparison word and, for abbreviations, the word it stands for.

    >>> tag_word("technology"), tag_word("intl"), tag_word("hangzhou"), tag_word("hikvision")
    (('industry', ''), ('industry', 'international'), ('place', ''), ('', ''))
    >>> tag_word("360"), tag_word("j"), tag_word("first")
    (('number', ''), ('initial', ''), ('number', '1'))
    """
    found = _tags().get(word)
    if found is not None:
        return found
    if word.isdigit():
        return "number", ""
    if word in _NUMBER_WORDS:
        return "number", _NUMBER_WORDS[word]
    if len(word) == 1:
        return "initial", ""
    return "", ""
