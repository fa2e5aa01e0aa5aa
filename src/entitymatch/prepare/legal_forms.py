"""Stage 3: legal forms at the end or start of a name -> their class.

"Co., Ltd.", "Company Limited", "Co Ltd" and 有限公司 are the same thing said
four ways; the table ``data/legal_forms.tsv`` (ISO 20275 ELF plus curated
English, Russian and Chinese forms) maps each to a class such as ``limited``.
Forms are matched on transliterated words, so ``ООО`` and ``OOO`` are one form,
and Han forms are also matched glued to the end of a Han run (…有限公司).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from entitymatch.data import read_rows
from entitymatch.prepare.normalize import normalize
from entitymatch.prepare.romanize import cyrillic_key
from entitymatch.prepare.scripts import script_runs
from entitymatch.prepare.transliterate import transliterate_run

__all__ = ["LegalForm", "hangul_legal_forms", "split_legal_forms", "strip_han_legal_suffix"]


_BRANCH = "分"  # CJK UNIFIED IDEOGRAPH-5206, "part": 分公司 = branch company


@dataclass(frozen=True, slots=True)
class LegalForm:
    """A legal form found in a name.

    Attributes:
        surface: The words as they appear in the normal form ("co ltd", "有限公司").
        cls: The form's class from the table ("limited", "joint_stock", ...).
        position: ``"suffix"`` or ``"prefix"``.
    """

    surface: str
    cls: str
    position: str


@dataclass(frozen=True, slots=True)
class _Table:
    suffixes: dict[tuple[str, ...], str]
    prefixes: dict[tuple[str, ...], str]
    han_suffixes: dict[str, str]
    longest: int
    longest_han: int
    spelled_suffixes: dict[tuple[str, ...], str]
    spelled_prefixes: dict[tuple[str, ...], str]
    """The long forms of several words (Aktsionernoe Obshchestvo) by the words'
    Cyrillic keys: the transliterations write them in many ways (Obschestvo,
    Obshestvo, Aktsionernoye, Akcionernoe)."""
    spelled_words: frozenset[str]
    """The Cyrillic keys of those forms' words: a name's words are keyed only
    while each is one of them, so most names are passed over at their first word."""
    hangul: tuple[str, ...]
    """The forms written in Hangul (주식회사, 회사), longest first: Korean glues them
    to the name, so :mod:`entitymatch.prepare.korean` splits them off the run."""
    cyrillic_suffixes: frozenset[str]
    """Abbreviations (:data:`_SHORT_FORM` letters at most) the table writes as
    suffixes in Cyrillic only (ИП, АТ, УП): their transliterations are English
    words or initials (IP Group, At Home, Tune Up), so they are forms only in
    Cyrillic text. The Latin spellings the lists use have rows of their own (OOO,
    AO, RUP, FKU)."""
    cyrillic_prefixes: frozenset[str]
    """The same for prefixes: Latin DP and PAT end names only ("ZAVOD FIOLENT, PAT"),
    and Pat Toomey and DP World have none, while ПАТ and ДП open Ukrainian names."""


_SHORT_FORM = 4
"""Most letters of a form written in Cyrillic only that is recognised in Cyrillic
text only: abbreviations, whose transliterations are words and initials; a long
form transliterated (Goskorporatsiya) is that form in any script."""

_SPELLED_MIN = 15
"""Fewest letters of a form found by its words' Cyrillic keys: short forms
(OOO, ZAO) are written one way, and their keys would meet ordinary words."""


def _spelled(words: tuple[str, ...], known: frozenset[str] | None = None) -> tuple[str, ...] | None:
    """The Cyrillic keys of a long form's words; ``None`` for a short form, or when
    a word's key is not in ``known``."""
    if len(words) < 2 or sum(map(len, words)) < _SPELLED_MIN:
        return None
    keys = []
    for word in words:
        key = cyrillic_key(word)
        if known is not None and key not in known:
            return None
        keys.append(key)
    return tuple(keys)


def _find(
    forms: dict[tuple[str, ...], str],
    spelled: dict[tuple[str, ...], str],
    known: frozenset[str],
    words: tuple[str, ...],
) -> str | None:
    """The class of the form ``words`` spell, as written or by their keys."""
    cls = forms.get(words)
    if cls is None:
        keys = _spelled(words, known)
        if keys is not None:
            cls = spelled.get(keys)
    return cls


def hangul_legal_forms() -> tuple[str, ...]:
    """Legal forms written in Hangul, longest first (see ``_Table.hangul``).

    >>> hangul_legal_forms()[-2:]
    ('총회사', '회사')
    """
    return _table().hangul


def _fold_words(text: str) -> tuple[str, ...]:
    words: list[str] = []
    for word in normalize(text).split():
        for script, run in script_runs(word):
            if script == "han":
                return ()
            words.extend(transliterate_run(script, run).split())
    return tuple(words)


@functools.cache
def _table() -> _Table:
    suffixes: dict[tuple[str, ...], str] = {}
    prefixes: dict[tuple[str, ...], str] = {}
    han: dict[str, str] = {}
    hangul: set[str] = set()
    cyrillic: dict[str, set[str]] = {"suffix": set(), "prefix": set()}
    other: dict[str, set[str]] = {"suffix": set(), "prefix": set()}
    for row in read_rows("legal_forms.tsv"):
        form, cls, scope = row["form"], row["class"], row["scope"]
        normal = normalize(form).replace(" ", "")
        scripts = {script for script, _ in script_runs(normal)}
        if normal and scripts == {"han"}:
            han.setdefault(normal, cls)
            continue
        if len(normal) > 1 and scripts == {"hangul"}:
            # (주) and (유) are forms only in their parentheses, which the words'
            # recogniser sees; glued to a name one syllable is the name's (광주).
            hangul.add(normal)
        words = _fold_words(form)
        if not words:
            continue
        if len(words) == 1 and len(words[0]) <= _SHORT_FORM:
            written = cyrillic if scripts == {"cyrillic"} else other
            for position in ("suffix", "prefix"):
                if scope in (position, "both"):
                    written[position].add(words[0])
        if scope in ("suffix", "both"):
            suffixes.setdefault(words, cls)
        if scope in ("prefix", "both"):
            prefixes.setdefault(words, cls)
    longest = max(map(len, [*suffixes, *prefixes]), default=0)

    def spelled(forms: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
        found: dict[tuple[str, ...], str] = {}
        for words, cls in forms.items():
            keys = _spelled(words)
            if keys is not None:
                found.setdefault(keys, cls)
        return found

    spelled_suffixes, spelled_prefixes = spelled(suffixes), spelled(prefixes)
    spelled_words = frozenset(k for keys in [*spelled_suffixes, *spelled_prefixes] for k in keys)
    return _Table(
        suffixes,
        prefixes,
        han,
        longest,
        max(map(len, han), default=0),
        spelled_suffixes,
        spelled_prefixes,
        spelled_words,
        tuple(sorted(hangul, key=lambda form: (-len(form), form))),
        frozenset(cyrillic["suffix"] - other["suffix"]),
        frozenset(cyrillic["prefix"] - other["prefix"]),
    )


def strip_han_legal_suffix(run: str, *, alone: bool = True) -> tuple[str, LegalForm | None]:
    """Split a legal form glued to the end of a Han run.

    Args:
        run: Han characters.
        alone: Whether the run is the whole name. A run that is only a legal
            form is the form when other words name the party
            ("ABC GmbH 有限公司"), and stays a name when it is all there is.

    >>> strip_han_legal_suffix("华为技术有限公司")
    ('华为技术', LegalForm(surface='有限公司', cls='limited', position='suffix'))
    >>> strip_han_legal_suffix("有限公司")
    ('有限公司', None)
    >>> strip_han_legal_suffix("华为技术有限公司北京分公司")
    ('华为技术有限公司北京分公司', None)
    """
    table = _table()
    if run in table.han_suffixes:
        if alone:
            return run, None  # a name that is only a legal form stays a name
        return "", LegalForm(run, table.han_suffixes[run], "suffix")
    for size in range(min(table.longest_han, len(run) - 1), 1, -1):
        cls = table.han_suffixes.get(run[-size:])
        if cls is not None:
            if run[-size - 1 : -size] == _BRANCH:
                break  # 分公司 is a branch (a word of the name), not the form 公司
            return run[:-size], LegalForm(run[-size:], cls, "suffix")
    return run, None


# Suffix forms common enough that a one-typo spelling at the end of a name is the
# form mistyped ("Hand Imc", "Mayer LtZ", "Acme Limted"), not another word.
_COMMON_SUFFIXES = (
    "ltd", "inc", "llc", "plc", "corp", "gmbh", "llp", "jsc", "pjsc", "ooo", "srl",
    "sarl", "spa", "pte", "pty", "bhd", "limited", "company", "corporation",
    "incorporated",
)  # fmt: skip


def _mistyped_suffix(word: str) -> str | None:
    """The common legal form a final word is one typo from, if any."""
    if len(word) < 3 or not word.isalnum() or word.isdigit():
        return None
    budget = 1 if len(word) < 7 else 2
    for form in _COMMON_SUFFIXES:
        # A typo keeps the shape: the first letter (unless a digit took its place:
        # "7LC", "4td"), and in a three-letter form the last ("Imc", "IZc" are
        # Inc; "Ing" in "Witt-ing" is not).
        if (word[0] != form[0] and not word[0].isdigit()) or (
            len(form) == 3 and word[-1] != form[-1]
        ):
            continue
        if abs(len(form) - len(word)) <= budget and OSA.distance(word, form) <= budget:
            return form
    return None


def split_legal_forms(
    words: Sequence[str], cyrillic: Sequence[bool] = ()
) -> tuple[int, int, list[LegalForm]]:
    """Find legal forms at the end (repeatedly) and at the start of folded words.

    Args:
        words: Transliterated comparison words of a name, in order.
        cyrillic: Which of them were written in Cyrillic (none, if empty): only
            those may be a form the table writes in Cyrillic only (ПАТ, not "Pat").

    Returns:
        ``(start, end, forms)``: the name proper is ``words[start:end]``; at least
        one word is always left, so a name that is only a legal form stays a name.
        When no form ends the name, a last word one typo from a common form
        ("Imc", "Limted") is taken for it.

    >>> split_legal_forms("hangzhou hikvision digital technology co ltd".split())
    (0, 4, [LegalForm(surface='co ltd', cls='limited', position='suffix')])
    >>> split_legal_forms("ooo romashka".split())
    (1, 2, [LegalForm(surface='ooo', cls='limited', position='prefix')])
    >>> split_legal_forms(["limited"])
    (0, 1, [])
    >>> split_legal_forms("hand imc".split())
    (0, 1, [LegalForm(surface='imc', cls='corporation', position='suffix')])
    >>> split_legal_forms("otkrytoye aktsionernoye obschestvo tupolev".split())[:2]
    (3, 4)
    """
    table = _table()
    written = list(cyrillic) if cyrillic else [False] * len(words)
    # A Latin word spelled like a form the table writes in Cyrillic only is no form.
    pairs = list(zip(words, written, strict=True))
    as_suffix = ["" if w in table.cyrillic_suffixes and not c else w for w, c in pairs]
    as_prefix = ["" if w in table.cyrillic_prefixes and not c else w for w, c in pairs]
    start, end = 0, len(words)
    forms: list[LegalForm] = []
    found = True
    while found and end - start > 1:
        found = False
        for size in range(min(table.longest, end - start - 1), 0, -1):
            key = tuple(as_suffix[end - size : end])
            cls = _find(table.suffixes, table.spelled_suffixes, table.spelled_words, key)
            if cls is not None:
                forms.insert(0, LegalForm(" ".join(key), cls, "suffix"))
                end -= size
                found = True
                break
    if not forms and end - start > 1:
        last = as_suffix[end - 1]
        form = _mistyped_suffix(last) if last else None
        cls = table.suffixes.get((form,)) if form is not None else None
        if cls is not None:
            forms.append(LegalForm(words[end - 1], cls, "suffix"))
            end -= 1
    for size in range(min(table.longest, end - start - 1), 0, -1):
        key = tuple(as_prefix[start : start + size])
        cls = _find(table.prefixes, table.spelled_prefixes, table.spelled_words, key)
        if cls is not None:
            forms.insert(0, LegalForm(" ".join(key), cls, "prefix"))
            start += size
            break
    return start, end, forms
