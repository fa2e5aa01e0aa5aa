"""Korean organisation names in Hangul, split into words.

Korean writes a company's name without spaces (삼성전자주식회사, 조선단군무역회사),
and the English name translates its words: 전자 Electronics, 무역 Trading,
조선 Korea. A run that is an organisation's name is split into the words of a
curated glossary (``data/ko_glossary.tsv``), the trade names between them (삼성,
단군: read by sound, one word each, as English writes them: Samsung, Tangun)
and its legal form (``data/legal_forms.tsv``: 주식회사, 회사, 총회사), whose
syllables are left for the legal-form recogniser. A person's name, or a run
with neither a glossary word nor a legal form, is not split here: its syllables
are its words (김정은: gim jeong eun, as "Kim Jong Un" writes them).
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from unidecode import unidecode

from entitymatch.data import read_rows
from entitymatch.prepare.han import english_forms
from entitymatch.prepare.normalize import normalize
from entitymatch.prepare.scripts import script_runs
from entitymatch.prepare.tagging import Tag

__all__ = ["KoreanWord", "korean_words"]


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
    legal: tuple[str, ...]
    """Hangul legal forms, longest first."""


@functools.cache
def _glossary() -> _Glossary:
    words: dict[str, tuple[tuple[str, ...], Tag]] = {}
    for row in read_rows("ko_glossary.tsv"):
        tag: Tag = "place" if row["class"] == "place" else "industry"
        words[row["hangul"]] = (english_forms(row["english"].split("|")), tag)
    legal = {
        form
        for row in read_rows("legal_forms.tsv")
        if (form := normalize(row["form"]).replace(" ", ""))
        and all(script == "hangul" for script, _ in script_runs(form))
    }
    return _Glossary(words, max(map(len, words)), tuple(sorted(legal, key=len, reverse=True)))


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
    if kind == "person" or run in glossary.legal:
        return None  # a legal form alone is left whole for the recogniser
    body, legal = run, ""
    for form in glossary.legal:
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
