"""Which writing system a character belongs to, and runs of one script in a word."""

from __future__ import annotations

import unicodedata
from typing import Literal

__all__ = ["ABJADS", "INITIAL_SCRIPTS", "Script", "script_of", "script_runs"]

Script = Literal[
    "latin",
    "digit",
    "greek",
    "cyrillic",
    "armenian",
    "georgian",
    "hebrew",
    "arabic",
    "syriac",
    "thaana",
    "indic",
    "thai",
    "lao",
    "tibetan",
    "burmese",
    "khmer",
    "hangul",
    "kana",
    "han",
    "other",
]

ABJADS: frozenset[Script] = frozenset({"hebrew", "arabic", "syriac", "thaana"})
"""Scripts that write consonants and leave most vowels out: their transliterations
are compared by consonant skeleton, not letter by letter."""

INITIAL_SCRIPTS: frozenset[Script] = frozenset(
    {"latin", "greek", "cyrillic", "armenian", "georgian", "hebrew", "arabic"}
)
"""Scripts that abbreviate a name to its first letter (J. Smith, А. Иванов,
س. حسن). In the others a word transliterated to one letter is a whole syllable
(阿 "a", 이 "i"), never an initial."""

# (first code point, last code point, script), sorted, non-overlapping.
_RANGES: tuple[tuple[int, int, Script], ...] = (
    (0x0030, 0x0039, "digit"),
    (0x0041, 0x005A, "latin"),
    (0x0061, 0x007A, "latin"),
    (0x00AA, 0x00AA, "latin"),
    (0x00B5, 0x00B5, "greek"),
    (0x00BA, 0x00BA, "latin"),
    (0x00C0, 0x024F, "latin"),
    (0x0250, 0x02AF, "latin"),  # IPA extensions
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0700, 0x074F, "syriac"),
    (0x0750, 0x077F, "arabic"),
    (0x0780, 0x07BF, "thaana"),
    (0x0860, 0x08FF, "arabic"),
    (0x0900, 0x0DFF, "indic"),
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x0F00, 0x0FFF, "tibetan"),
    (0x1000, 0x109F, "burmese"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0x1780, 0x17FF, "khmer"),
    (0x1C90, 0x1CBF, "georgian"),
    (0x1E00, 0x1EFF, "latin"),
    (0x1F00, 0x1FFF, "greek"),
    (0x2C60, 0x2C7F, "latin"),
    (0x2E80, 0x2FDF, "han"),  # CJK radicals, Kangxi radicals
    (0x3005, 0x3007, "han"),  # iteration mark, closing mark, ideographic zero
    (0x3040, 0x30FF, "kana"),
    (0x3130, 0x318F, "hangul"),
    (0x31F0, 0x31FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xA720, 0xA7FF, "latin"),
    (0xA960, 0xA97F, "hangul"),
    (0xAB30, 0xAB6F, "latin"),
    (0xAC00, 0xD7FF, "hangul"),
    (0xF900, 0xFAFF, "han"),
    (0xFB00, 0xFB06, "latin"),
    (0xFB1D, 0xFB4F, "hebrew"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0xFF10, 0xFF19, "digit"),
    (0xFF21, 0xFF3A, "latin"),
    (0xFF41, 0xFF5A, "latin"),
    (0xFF66, 0xFF9F, "kana"),
    (0x20000, 0x3134F, "han"),
)
_STARTS = [start for start, _, _ in _RANGES]


def script_of(char: str) -> Script:
    """The script of one character; combining marks and unknown letters are ``"other"``.

    >>> script_of("a"), script_of("ж"), script_of("华"), script_of("م"), script_of("7")
    ('latin', 'cyrillic', 'han', 'arabic', 'digit')
    """
    code = ord(char)
    if code < 0x80:
        if 0x61 <= code <= 0x7A or 0x41 <= code <= 0x5A:
            return "latin"
        return "digit" if 0x30 <= code <= 0x39 else "other"
    lo, hi = 0, len(_RANGES)
    while lo < hi:
        mid = (lo + hi) // 2
        if _STARTS[mid] <= code:
            lo = mid + 1
        else:
            hi = mid
    if lo:
        start, end, script = _RANGES[lo - 1]
        if start <= code <= end:
            return script
    if unicodedata.category(char).startswith("N"):
        return "digit"
    return "other"


def script_runs(word: str) -> list[tuple[Script, str]]:
    """Split a word into maximal runs of one script; combining marks join the run
    before them.

    >>> script_runs("lg전자")
    [('latin', 'lg'), ('hangul', '전자')]
    >>> script_runs("中芯国际smic")
    [('han', '中芯国际'), ('latin', 'smic')]
    """
    if word.isascii():
        return [("digit" if word.isdigit() else "latin", word)]
    runs: list[tuple[Script, str]] = []
    current: Script | None = None
    chars: list[str] = []
    for char in word:
        script = script_of(char)
        if script == "other" and current is not None and unicodedata.combining(char):
            chars.append(char)
            continue
        if script != current and chars:
            runs.append((current or "other", "".join(chars)))
            chars = []
        current = script
        chars.append(char)
    if chars:
        runs.append((current or "other", "".join(chars)))
    return runs
