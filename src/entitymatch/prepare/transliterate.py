"""Stage 2: one run of one script -> Latin comparison words.

Han goes through :mod:`entitymatch.prepare.han` (word segmentation, pinyin,
glossary, brands). Cyrillic uses a BGN/PCGN-style table, because that is how
Russian names are written on sanctions lists (``Юрий`` -> ``yuriy``, where
unidecode gives ``iurii``). Hangul is read syllable by syllable so names keep
their syllable boundaries. Everything else goes through unidecode.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from unidecode import unidecode

from entitymatch.data import read_rows
from entitymatch.prepare.scripts import ABJADS, Script

__all__ = ["fold_latin", "korean_surname_spellings", "transliterate_run"]

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")

# Russian, Ukrainian, Belarusian, Serbian/Macedonian and Kazakh letters, lower case
# (the normal form is case-folded), as BGN/PCGN and common English usage write them.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "w",
    "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj",
    "ќ": "kj", "ѕ": "dz",
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u",
}  # fmt: skip
_UKRAINIAN_ONLY = frozenset("єіїґ")
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяєіїәөұү")
_IOTATED = {"е": "ye", "ё": "yo"}
_ARABIC_ARTICLE = "\u0627\u0644"  # ARABIC LETTER ALEF, ARABIC LETTER LAM: al-
# Allah: its article is part of the word ("Abd Allah", "Abdullah", "Nasrallah").
_ALLAH = "\u0627\u0644\u0644\u0647"
# Letters of the abjads that unidecode writes as punctuation, which would split the
# word: ayn (`) and hamza (') are an apostrophe or nothing in Latin spellings
# (Sa'd, Saad; Ismail); teh marbuta (@) and alef maksura (~) end a word with a vowel
# (Usama, Mustafa), which the consonant skeleton drops anyway.
_ABJAD_PUNCTUATION = str.maketrans({"`": "", "'": "", "@": "", "~": ""})


def fold_latin(text: str) -> str:
    """Fold Latin text with diacritics to ASCII comparison words.

    >>> fold_latin("nestlé société")
    'nestle societe'
    >>> fold_latin("straße")
    'strasse'
    """
    if not text.isascii():
        text = unidecode(text)
    return _NOT_ALNUM.sub(" ", text.lower()).strip()


def _cyrillic(run: str) -> str:
    ukrainian = not _UKRAINIAN_ONLY.isdisjoint(run)
    out: list[str] = []
    previous = ""
    for char in run:
        if char in _IOTATED and (not previous or previous in _CYRILLIC_VOWELS or previous in "ъь"):
            latin = _IOTATED[char]  # word-initial and after a vowel: "Евгений" -> "yevgeniy"
        elif char == "г" and ukrainian:
            latin = "h"  # Ukrainian г is h: "Григорій" -> "hryhoriy"
        elif char == "и" and ukrainian:
            latin = "y"
        else:
            latin = _CYRILLIC[char] if char in _CYRILLIC else unidecode(char).lower()
        out.append(latin)
        previous = char
    return "".join(out)


def _hangul(run: str) -> str:
    # Romanise syllable by syllable with a space between, so that a name keeps its
    # syllables ("김정은" -> "gim jeong eun") and the scorer can join them as the
    # English spelling does ("Jong Un", "Jong-un", "Jongun").
    return " ".join(unidecode(char) for char in run if char.strip())


@functools.cache
def _korean_surnames() -> dict[str, tuple[str, ...]]:
    return {
        row["hangul"]: tuple(row["spellings"].split("|")) for row in read_rows("ko_surnames.tsv")
    }


def korean_surname_spellings(syllable: str) -> tuple[str, ...]:
    """How Latin-script names write a Korean surname (``data/ko_surnames.tsv``).

    >>> korean_surname_spellings("박")[:2], korean_surname_spellings("밥")
    (('park', 'pak'), ())
    """
    return _korean_surnames().get(syllable, ())


@functools.lru_cache(maxsize=65536)
def transliterate_run(script: Script, run: str) -> str:
    """Transliterate one run of one script (not Han) to ASCII comparison words.

    >>> transliterate_run("cyrillic", "юрий")
    'yuriy'
    >>> transliterate_run("cyrillic", "євгеній")
    'yevheniy'
    >>> transliterate_run("hangul", "김정은")
    'gim jeong eun'
    >>> transliterate_run("greek", "αλέξανδρος")
    'alexandros'
    >>> transliterate_run("arabic", "سعد"), transliterate_run("arabic", "الله")
    ('sd', 'llh')
    """
    if script == "latin":
        return fold_latin(run)
    if script == "digit":
        return unicodedata.normalize("NFKC", run) if run.isascii() else fold_latin(run)
    if script == "cyrillic":
        return fold_latin(_cyrillic(run))
    if script == "hangul":
        return fold_latin(_hangul(run))
    if script in ABJADS:
        bare = "".join(c for c in run if not unicodedata.combining(c))
        if bare == _ARABIC_ARTICLE:
            return "al"  # written apart (جمات ال احرار)
        if (
            script == "arabic"
            and bare.startswith(_ARABIC_ARTICLE)
            and len(bare) > 3
            and bare != _ALLAH
        ):
            # The article is written joined (الحمزي), and apart in Latin (al-Hamzi).
            return "al " + _abjad(run[2:])
        return _abjad(run)
    return fold_latin(unidecode(run))


def _abjad(run: str) -> str:
    return fold_latin(unidecode(run).translate(_ABJAD_PUNCTUATION))
