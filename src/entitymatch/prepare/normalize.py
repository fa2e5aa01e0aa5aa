"""Stage 1: text -> normal form. Script-preserving, idempotent, never raises.

The normal form keeps every script and every diacritic (transliteration folds
them later, in one place) and settles what is only spelling: Unicode
compatibility forms, case, punctuation and apostrophe variants, ``&``, dotted
abbreviations, letters glued to digits, control characters and whitespace.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_NAME_CHARS", "glued_digits", "normalize"]

MAX_NAME_CHARS = 1000
"""Names are cut to this many characters before anything else: the longest real
list name is under 400 characters, and a 100 kB "name" must cost no more than
a long one."""

# Characters that are spelling noise inside a word: they are deleted, joining the
# two halves ("McDonald's" -> "mcdonalds", "Xi'an" -> "xian", "p'ing" -> "ping").
_APOSTROPHES = (
    "\u0027"  # APOSTROPHE
    "\u2018"  # LEFT SINGLE QUOTATION MARK
    "\u2019"  # RIGHT SINGLE QUOTATION MARK
    "\u201b"  # SINGLE HIGH-REVERSED-9 QUOTATION MARK
    "\u02bc"  # MODIFIER LETTER APOSTROPHE
    "\u02bb"  # MODIFIER LETTER TURNED COMMA ('okina, Wade-Giles aspiration)
    "\u02be"  # MODIFIER LETTER RIGHT HALF RING (ayn/hamza in transliterations)
    "\u02bf"  # MODIFIER LETTER LEFT HALF RING
    "\u0060"  # GRAVE ACCENT, used as an apostrophe
    "\u00b4"  # ACUTE ACCENT, used as an apostrophe
    "\u2032"  # PRIME
)
_DELETE = {ord(c): None for c in _APOSTROPHES}
_DELETE.update(
    {
        0x00AD: None,  # SOFT HYPHEN
        0x200B: None,  # ZERO WIDTH SPACE
        0x200C: None,  # ZERO WIDTH NON-JOINER
        0x200D: None,  # ZERO WIDTH JOINER
        0x2060: None,  # WORD JOINER
        0xFEFF: None,  # ZERO WIDTH NO-BREAK SPACE (byte order mark)
        0x0640: None,  # ARABIC TATWEEL (elongation, not a letter)
    }
)

_AMPERSAND = re.compile(r"\s*[&\uff06\ufe60]\s*")  # AMPERSAND, FULLWIDTH, SMALL
# A dotted run of single letters is one abbreviation: "S.A." -> "sa", "U.S.A" -> "usa".
# The final dot is optional; a run needs two letters so "J. Smith" stays two words.
_DOTTED = re.compile(r"(?<![^\W\d_])((?:[^\W\d_]\.){1,}[^\W\d_])\.?(?![^\W\d_])")
# Letters next to digits are two tokens: "Qihoo360" = "Qihoo 360", "14th" = "14 th".
# One digit starting a word of three letters or more is a letter mistyped and
# stays in the word: "4eatty" is one edit from Beatty, "9akin" from Lakin.
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_KEYED_LETTER = re.compile(r"(?<![^\W_])\d[^\W\d_]{3}")
# One digit between two words of two letters or more is a separator mistyped
# more often than a number: "Hessel2Waelchi", "Dill1PLC", "Gutkowski5Goyette" (not
# B2B, G4S). A digit ending a word is a number ("Qihoo360", "MiG-29").
_GLUED_DIGIT = re.compile(r"(?<=[^\W\d_]{2})[0-9](?=[^\W\d_]{2})")
_DIGITS = re.compile(r"[0-9]+")
_ANY_DIGIT = re.compile(r"\d")  # any script's, full-width too: NFKC may make them ASCII


def _letter_digit_boundary(match: re.Match[str]) -> str:
    """A space between letters and digits, except after a keyed letter."""
    text, at = match.string, match.start()
    return "" if _KEYED_LETTER.match(text, at - 1) else " "


# Between two letters, a C1 control or DEL (text decoded with the wrong code page:
# cp1252 quotes and dashes become U+0080-U+009F) or a bracket or symbol is one
# corrupted character, not a word boundary: it is deleted ("Lit\x81le" ->
# "litle", "Rodr[guez" -> "rodrguez"), so that the typo costs one edit and
# does not split the word. C0 controls (tab, unit separator) separate fields
# and words, so they stay separators.
_CORRUPT_IN_WORD = re.compile(r"(?<=[^\W\d_])[\x7f-\x9f\[\]{}<>|\\^_~*@#$%=?!]+(?=[^\W\d_])")
# In ASCII text everything but a letter or digit separates words.
_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def _word_char_or_space(char: str) -> str:
    """Keep letters, digits and combining marks (Devanagari vowel signs, Arabic
    harakat); everything else (punctuation, symbols, controls) becomes a space."""
    return char if unicodedata.category(char)[0] in "LNM" else " "


def normalize(text: str) -> str:
    """Return the script-preserving normal form of a name.

    Args:
        text: Any string; ``None``-like blanks give ``""``.

    Returns:
        Lower-case (case-folded) words separated by single spaces, with
        punctuation removed, ``&`` spelled ``and``, dotted abbreviations joined
        and letters split from digits. Idempotent: ``normalize(normalize(x)) ==
        normalize(x)``.

    >>> normalize("Hangzhou Hikvision Digital Technology Co., Ltd.")
    'hangzhou hikvision digital technology co ltd'
    >>> normalize("Qihoo360 & McDonald's S.A.")
    'qihoo 360 and mcdonalds sa'
    >>> normalize("ZHAO, Li-jian")
    'zhao li jian'
    >>> normalize("B2B 14th")
    'b 2 b 14 th'
    >>> normalize("Rodr[guez Sch\x81lz\x1fGmbH")
    'rodrguez schlz gmbh'
    >>> normalize("ООО «Ромашка»"), normalize("ＱＩＨＯＯ３６０")
    ('ооо ромашка', 'qihoo 360')
    """
    if not text:
        return ""
    text = text[:MAX_NAME_CHARS]
    text = unicodedata.normalize("NFKC", text).translate(_DELETE)
    text = _CORRUPT_IN_WORD.sub("", text)
    text = _AMPERSAND.sub(" and ", text).casefold()
    text = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _LETTER_DIGIT.sub(_letter_digit_boundary, text)
    if text.isascii():
        return _ASCII_SEPARATORS.sub(" ", text).strip()
    text = "".join(map(_word_char_or_space, text))
    text = _SPACES.sub(" ", text).strip()
    # NFKC again: case folding can produce sequences that compose differently
    # (e.g. "ǅ" folds to "ǆ"), and idempotence must hold for every string.
    return unicodedata.normalize("NFKC", text)


def glued_digits(text: str) -> list[bool]:
    """For each run of ASCII digits in the normal form of ``text``, in order,
    whether it is one digit glued between two words: a typo, not a number.

    >>> glued_digits("Hessel2Waelchi"), glued_digits("Qihoo360"), glued_digits("B2B 14th")
    ([True], [False], [False, False])
    >>> glued_digits("Dill1PLC 7 Ltd")
    [True, False]
    """
    if not _ANY_DIGIT.search(text):  # most names
        return []
    text = unicodedata.normalize("NFKC", text[:MAX_NAME_CHARS]).translate(_DELETE)
    text = _CORRUPT_IN_WORD.sub("", text)
    glued = {m.start() for m in _GLUED_DIGIT.finditer(text)}
    return [m.start() in glued for m in _DIGITS.finditer(text)]
