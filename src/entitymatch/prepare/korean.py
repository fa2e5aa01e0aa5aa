"""Korean names: organisations in Hangul split into words, and Korean personal
names in Latin script recognised.

Korean writes a company's name without spaces (삼성전자주식회사, 조선단군무역회사),
and the English name translates its words: 전자 Electronics, 무역 Trading,
조선 Korea. A run that is an organisation's name is split into the words of a
curated glossary (``data/ko_glossary.tsv``), the trade names between them (삼성,
단군: read by sound, one word each, as English writes them: Samsung, Tangun)
and its legal form (``data/legal_forms.tsv``: 주식회사, 회사, 총회사), whose
syllables are left for the legal-form recogniser. A person's name, or a run
with neither a glossary word nor a legal form, is not split here: its syllables
are its words (김정은: gim jeong eun, as "Kim Jong Un" writes them).

The lists write one North Korean name in two romanisations, McCune-Reischauer
(CHO'N, Chin-yo'ng) and a Revised-style spelling (JON, Jin Yong).
:func:`looks_korean` tells a Latin-script name made of Korean syllables with a
Korean surname; such names are compared word by word by their Korean keys
(:func:`entitymatch.prepare.romanize.korean_key`), and their surnames with the
spellings a key does not reach (RI / Lee, PAK / Park).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from unidecode import unidecode

from entitymatch.data import read_rows
from entitymatch.prepare.han import english_forms
from entitymatch.prepare.legal_forms import hangul_legal_forms
from entitymatch.prepare.romanize import korean_key
from entitymatch.prepare.tagging import Tag

__all__ = ["KoreanWord", "korean_surname_forms", "korean_words", "looks_korean"]


class KoreanWord(NamedTuple):
    """One word of a Korean organisation's name."""

    hangul: str
    text: str
    """Its syllables romanised (Revised Romanization, as unidecode writes it), joined."""
    english: tuple[str, ...]
    """Comparison forms of its English renderings (glossary words only)."""
    tag: Tag
    """``"industry"`` or ``"place"`` for a glossary word, else ``""``."""


class _Glossary(NamedTuple):
    words: dict[str, tuple[tuple[str, ...], Tag]]
    longest: int


@functools.cache
def _glossary() -> _Glossary:
    words: dict[str, tuple[tuple[str, ...], Tag]] = {}
    for row in read_rows("ko_glossary.tsv"):
        tag: Tag = "place" if row["class"] == "place" else "industry"
        words[row["hangul"]] = (english_forms(row["english"].split("|")), tag)
    return _Glossary(words, max(map(len, words)))


def _romanised(hangul: str) -> str:
    return "".join(unidecode(char) for char in hangul).lower()


def korean_words(run: str, kind: str | None) -> list[KoreanWord] | None:
    """The words of a run of Hangul that names an organisation, else ``None``.

    The run is an organisation's name when ``kind`` says so, or, when the kind
    is unknown, when it ends in a legal form or contains a glossary word of a
    line of business or kind of body (a place word may be a given name).

    >>> [(w.text, w.english[:1], w.tag) for w in korean_words("삼성전자주식회사", None)][:2]
    [('samseong', (), ''), ('jeonja', ('electronics',), 'industry')]
    >>> [w.text for w in korean_words("조선단군무역회사", None)]
    ['joseon', 'dangun', 'muyeog', 'hoe', 'sa']
    >>> korean_words("김정은", None) is None, korean_words("김정은", "person") is None
    (True, True)
    >>> korean_words("김대한", None) is None, [w.tag for w in korean_words("조선은행", None)]
    (True, ['place', 'industry'])
    """
    glossary = _glossary()
    legal_forms = hangul_legal_forms()
    if kind == "person" or run in legal_forms:
        return None  # a legal form alone is left whole for the recogniser
    body, legal = run, ""
    for form in legal_forms:
        if len(run) > len(form) and run.endswith(form):
            body, legal = run[: -len(form)], form
            break
    words: list[KoreanWord] = []
    pending = ""
    at = 0
    while at < len(body):
        for size in range(min(glossary.longest, len(body) - at), 1, -1):
            found = glossary.words.get(body[at : at + size])
            if found is not None:
                if pending:
                    words.append(KoreanWord(pending, _romanised(pending), (), ""))
                    pending = ""
                word = body[at : at + size]
                words.append(KoreanWord(word, _romanised(word), *found))
                at += size
                break
        else:
            pending += body[at]
            at += 1
    if pending:
        words.append(KoreanWord(pending, _romanised(pending), (), ""))
    if kind is None and not legal and all(word.tag != "industry" for word in words):
        # A place word alone does not make a company: 김대한 is Kim Dae-han.
        return None
    # The legal form syllable by syllable, as the legal-form table folds it.
    words += [KoreanWord(char, _romanised(char), (), "") for char in legal]
    return words


# A Korean syllable as McCune-Reischauer (apostrophes and breves folded), Revised
# Romanization and the popular spellings write it: an initial, a vowel and a final.
# (Surnames spelled with an h after the vowel, Ahn, Oh, Sohn, are in the surname table.)
_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|ch|sh|rh|[gkndtrlmbpsjh])?"
    r"(?:wae|wa|wo|we|wi|yae|yeo|yoo|ya|ye|yo|yu|ae|ai|eo|eu|ee|oe|oo|ui|[aeiou])"
    r"(?:ng|[kgntdlrmpb])?"
)
_ONE_SYLLABLE = re.compile(_SYLLABLE)
_TWO_SYLLABLES = re.compile(f"(?:{_SYLLABLE}){{2}}")


@functools.cache
def _surname_forms() -> dict[str, tuple[str, ...]]:
    """Every spelling of a Korean surname -> all the spellings of that surname
    (of both when one spelling writes two: Ri is 이 and 리)."""
    forms: dict[str, set[str]] = {}
    for row in read_rows("ko_surnames.tsv"):
        spellings = set(row["spellings"].split("|"))  # as Latin names write them
        for spelling in spellings:
            forms.setdefault(spelling, set()).update(spellings)
    return {spelling: tuple(sorted(found)) for spelling, found in forms.items()}


def korean_surname_forms(word: str) -> tuple[str, ...]:
    """The spellings of a Korean surname, if ``word`` spells one, that its Korean
    key does not already match: Ri is Lee and Yi, Pak is Park; Jang needs no Chang.

    >>> korean_surname_forms("ri"), korean_surname_forms("jang")
    (('lee', 'rhee', 'rhie', 'yi'), ())
    """
    key = korean_key(word)
    return tuple(form for form in _surname_forms().get(word, ()) if korean_key(form) != key)


def _syllables(word: str) -> int:
    """How many Korean syllables spell ``word`` (one or two), else 0."""
    if word in _surname_forms() or _ONE_SYLLABLE.fullmatch(word):
        return 1
    return 2 if _TWO_SYLLABLES.fullmatch(word) else 0


def looks_korean(words: Sequence[str]) -> bool:
    """Whether Latin comparison words read as a Korean personal name: words of one
    or two Korean syllables each, three to six in all, the first or the last word
    a Korean surname ("KIM Jong Un", "Chang-Su Han", "PAK Yongsik"). A name of two
    syllables is too short to tell from a Chinese one (HE Yi, LI Jun).

    >>> looks_korean(["kim", "jong", "un"]), looks_korean(["han", "jang", "su"])
    (True, True)
    >>> looks_korean(["zhang", "wei"]), looks_korean(["lee", "john"]), looks_korean(["he", "yi"])
    (False, False, False)
    """
    surnames = _surname_forms()
    if len(words) < 2 or (words[0] not in surnames and words[-1] not in surnames):
        return False  # most names: answered before any word is parsed
    counts = [_syllables(word) for word in words]
    return all(counts) and 3 <= sum(counts) <= 6
