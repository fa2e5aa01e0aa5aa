"""Sound keys: a foreign name written in Han characters meets its Latin spelling.

China's sanctions and counter-sanctions lists name Western people and firms by
phonetic transliteration: 蓬佩奥 (peng pei ao) is Pompeo, 博尔顿 (bo er dun)
Bolton, 布朗巴克 (bu lang ba ke) Brownback. Pinyin of the Han and the Latin
spelling share little text, but they share a sequence of consonant sounds once
the habits of transliteration are undone. A sound key is that sequence, over a
small alphabet of consonant classes (:data:`ALPHABET`); both sides are keyed
with their own rules and the keys compared with :func:`sound_similarity`.

What the keys undo (the conventions of the Xinhua transliteration tables, which
follow British, non-rhotic English, and the syllables Mandarin lacks):

* **inserted vowels**: Mandarin syllables are consonant + vowel, so clusters get
  vowels (Smith -> shi mi si, Trump -> te lang pu). Keys have no vowels, but a
  class repeated across a vowel stays doubled (Coca-Cola -> ke kou ke le: KKKL);
* **voicing**: b/p, d/t, g/k are one class each (Bolton -> *bo* er *dun*);
* **r and l**: one class (Rubio -> *lu* bi ao). An r that is not before a vowel
  is silent (Martin -> ma ding, Azar -> a zha) and an l after a vowel and not
  before one is written with the syllable 尔 *er* (Bolton -> bo *er* dun), or
  not at all (Stilwell -> shi da wei): both sides drop them, and *er*;
* **nasal codas**: pinyin -n and -ng, an English n, and an m before b or p are
  one class (Pompeo -> *peng* pei ao, Trump -> te *lang* pu);
* **sibilants**: pinyin s, sh, x, z, c and English s, sh, z, medial th are one
  class (Pelosi -> pei luo *xi*, Smith -> *shi* mi *si*); pinyin j, q, zh, ch and
  English j, ch, soft g are another (Krach -> ke la *qi*, Pottinger -> bo ting *jie*);
* **missing syllables**: Mandarin has no hi, ki, gi, so English h and k before
  i, y or ee are keyed as pinyin x and j/q (Lockheed -> luo ke *xi* de);
* **English spelling**: silent onsets (kn, wr, ps), silent gh, final silent e,
  doubled consonants, c and g before e/i/y, w after a vowel, h not before a
  vowel, kh as h (Khalid -> ha li de), v before a vowel as pinyin w (Navarro ->
  na *wa* luo) and elsewhere as f (Ivanov -> yi wan nuo *fu*);
* a word that opens with a vowel keeps one mark for it, ``A`` (Obama -> *ao* ba
  ma, Intel -> *ying* te er).

Each rule was kept because it found more transliterations than it cost in
false matches, measured on real names by ``benchmarks/sound_keys.py``.
Translations are not sounds: 雷神 Raytheon happens to sound alike, but 通用动力
General Dynamics and 微软 Microsoft are meaning, for a dictionary.

>>> from pypinyin import lazy_pinyin
>>> pinyin_sound_key(lazy_pinyin("蓬佩奥")), latin_sound_key("Pompeo")
('PNP', 'PNP')
>>> pinyin_sound_key(lazy_pinyin("布朗巴克")), latin_sound_key("Brownback")
('PLNPK', 'PLNPK')
>>> pinyin_sound_key(lazy_pinyin("华盛顿")), latin_sound_key("Washington")
('HSNTN', 'WSNTN')
>>> sound_similarity("HSNTN", "WSNTN")
0.8
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein
from unidecode import unidecode

__all__ = [
    "ALPHABET",
    "MIN_KEY_LENGTH",
    "SOUND_KEY_VERSION",
    "edit_budget",
    "latin_sound_key",
    "pinyin_sound_key",
    "sound_similarity",
]

SOUND_KEY_VERSION = "sound-1"
"""Name of the key algorithm; stored keys are comparable only within one version."""

ALPHABET = frozenset("AFHJKLMNPSTW")
"""Letters of a key. A: the word opens with a vowel; F: f, ph, v not before a vowel;
H: h, kh; J: j, q, zh, ch, soft g, k before i; K: g, k, hard c, q; L: l, r;
M: m; N: n, ng, and m before b or p; P: b, p; S: s, sh, x, z, c, medial th, h before i;
T: d, t; W: w, v before a vowel."""

MIN_KEY_LENGTH = 3
"""Shorter keys never match: a two-letter key is shared by 31 list words on average
(three letters: 7), so Rubio (LP) or Boeing (PN) would alert on dozens of others."""

ONE_EDIT_FROM = 5
"""Keys this long or longer may be one edit apart (Washington -> hua sheng dun: HSNTN /
WSNTN). From 4 letters it found no more dev transliterations than from 5 with indels
only and 8x the false matches with substitutions (benchmarks/sound_keys.py)."""

TWO_EDITS_FROM = 99
"""Never two edits: at 6 letters a second edit found 2 more of 295 dev transliterations
for 8x the false matches (benchmarks/sound_keys.py)."""

INDEL_ONLY = False
"""Edits include substitutions (Levenshtein): the insertion/deletion distance found no
more dev transliterations at 5 letters and none of the Washington kind (HSNTN / WSNTN)."""


@dataclass(frozen=True, slots=True)
class _Budget:
    """How far apart two keys may be, so the benchmark can measure alternatives."""

    min_length: int = MIN_KEY_LENGTH
    one_edit_from: int = ONE_EDIT_FROM
    two_edits_from: int = TWO_EDITS_FROM
    indel_only: bool = INDEL_ONLY

    def edits(self, length: int) -> int:
        if length < self.min_length:
            return -1
        if length >= self.two_edits_from:
            return 2
        return 1 if length >= self.one_edit_from else 0

    def similarity(self, a: str, b: str) -> float:
        budget = self.edits(min(len(a), len(b)))
        if budget < 0:
            return 0.0
        if a == b:
            return 1.0
        if self.indel_only:
            distance = Indel.distance(a, b, score_cutoff=budget)
        else:
            distance = Levenshtein.distance(a, b, score_cutoff=budget)
        if distance > budget:
            return 0.0
        return 1.0 - distance / max(len(a), len(b))


_BUDGET = _Budget()


def edit_budget(length: int) -> int:
    """Edits allowed between two keys whose shorter one has ``length`` letters.

    An edit inserts, deletes or replaces one letter (Levenshtein distance).
    The budget grows with length and depends only on the shorter key, so an
    index that stores every key's deletion neighbourhood up to its own budget
    finds every pair within budget: ``edit_budget(min(la, lb))`` is at most
    each side's own budget.

    Returns:
        The largest edit distance that still counts as a match, or -1 when keys
        of this length never match.

    >>> [edit_budget(n) for n in range(7)]
    [-1, -1, -1, 0, 0, 1, 1]
    """
    return _BUDGET.edits(length)


def sound_similarity(a: str, b: str) -> float:
    """Similarity of two sound keys: 1 if equal, lower within the edit budget, else 0.

    Within the budget of :func:`edit_budget`, the similarity is
    ``1 - distance / len(longer key)``; keys shorter than :data:`MIN_KEY_LENGTH`
    never match, not even themselves.

    >>> sound_similarity("PNP", "PNP"), sound_similarity("PLNPK", "PLNPS")
    (1.0, 0.8)
    >>> sound_similarity("PN", "PN"), sound_similarity("ALSP", "ALSPS")
    (0.0, 0.0)
    """
    return _BUDGET.similarity(a, b)


@dataclass(frozen=True, slots=True)
class _Rules:
    """Switches for the transliteration rules, so the benchmark can measure each.

    The public functions use :data:`_DEFAULT`; every switch off gives a plain
    consonant-class key (letters mapped one by one, vowels dropped, runs collapsed).
    """

    silent_r: bool = True  # r not before a vowel is silent; pinyin er is silent
    coda_l: bool = True  # l after a vowel and not before one is silent, like er
    coda_nasal: bool = True  # an English m closing a syllable is the nasal coda N
    spelling: bool = True  # silent letters, digraphs, soft c/g, w/y after vowels
    medial_th: bool = True  # th after the first letter is S (Smith -> shi mi si)
    onset: bool = True  # one A for a vowel that opens the word
    merge_sj: bool = False  # J (j q zh ch) and S (s sh x z c) as one class
    hu_as_w: bool = False  # pinyin hu- before a vowel (hua, huo) as W (Washington -> hua)
    keep_echo: bool = True  # a class repeated across a vowel stays doubled (Coca-Cola)
    palatal: bool = True  # h, k before i, y, ee as pinyin x, j/q (Lockheed -> luo ke xi de)
    soft_ge: bool = True  # g before e as j (George); else hard (Tiger -> tai ge er)
    split_voicing: bool = False  # b d g apart from p t k (Xinhua: 布 b, 普 p), as B D G


_DEFAULT = _Rules()

# -- pinyin -------------------------------------------------------------------------------

_PINYIN_SYLLABLE = re.compile(
    r"(?P<initial>zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?P<vowels>[aeiou]*)(?P<coda>ng|n|r)?"
)
_PINYIN_INITIAL = {
    "b": "P", "p": "P", "d": "T", "t": "T", "g": "K", "k": "K", "h": "H", "f": "F",
    "m": "M", "n": "N", "l": "L", "r": "L", "j": "J", "q": "J", "zh": "J", "ch": "J",
    "x": "S", "s": "S", "sh": "S", "z": "S", "c": "S", "w": "W", "y": "",
}  # fmt: skip
_VOICED = {"b": "B", "d": "D", "g": "G"}  # only with _Rules.split_voicing
_LONGEST_SYLLABLE = 6  # zhuang, shuang, chuang


def _pinyin_syllable(syllable: str, first: bool, rules: _Rules) -> str | None:
    """Classes of one toneless pinyin syllable, or None if it is not one."""
    if not syllable or len(syllable) > _LONGEST_SYLLABLE:
        return None
    match = _PINYIN_SYLLABLE.fullmatch(syllable)
    if match is None:
        return None
    initial, vowels, coda = match.group("initial", "vowels", "coda")
    if not vowels and (coda not in ("n", "ng") or initial not in (None, "h")):
        # Only the interjections n, ng, hng, m and hm have no vowel.
        return {"m": "M", "hm": "HM"}.get(syllable)
    out = []
    if initial is None or initial == "y":
        if first and rules.onset:
            out.append("A")
    elif rules.hu_as_w and initial == "h" and vowels.startswith("u") and len(vowels) > 1:
        out.append("W")
    elif rules.split_voicing and initial in _VOICED:
        out.append(_VOICED[initial])
    else:
        out.append(_PINYIN_INITIAL[initial])
    out.append(_VOWEL)
    if coda in ("n", "ng"):
        out.append("N")
    elif coda == "r" and not rules.silent_r:
        out.append("L")  # er (尔) and erhua: the r or l of the source
    return "".join(out)


def _pinyin_key(syllables: Sequence[str], rules: _Rules) -> str:
    parts: list[str] = []
    for raw in syllables:
        syllable = _fold(raw)
        if not syllable:
            continue  # punctuation, digits, a middle dot
        # ü is written v by pypinyin's default style (lv, nv); pinyin has no other v.
        classes = _pinyin_syllable(syllable.replace("v", "u"), not parts, rules)
        if classes is None:
            # Not pinyin: Latin letters that pypinyin passes through ("Intel公司").
            classes = _latin_classes(syllable, rules, onset=not parts)
        parts.append(classes)
    return _finish("".join(parts), rules)


def pinyin_sound_key(syllables: Sequence[str]) -> str:
    """The sound key of a name read as toneless pinyin syllables.

    Args:
        syllables: Pinyin syllables as ``pypinyin.lazy_pinyin`` returns them;
            ``ü`` may be written ``v`` or ``u``. Strings that are not pinyin
            syllables are keyed as Latin words; punctuation is ignored.

    Returns:
        The key: ASCII letters of :data:`ALPHABET`, possibly empty.

    >>> pinyin_sound_key(["bo", "er", "dun"]), pinyin_sound_key(["te", "lang", "pu"])
    ('PTN', 'TLNP')
    >>> pinyin_sound_key(["ao", "ba", "ma"]), pinyin_sound_key(["ke", "lu", "zi"])
    ('APM', 'KLS')
    """
    return _pinyin_key(syllables, _DEFAULT)


# -- Latin --------------------------------------------------------------------------------

_NOT_LETTER = re.compile(r"[^a-z]+")
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1+")  # consonants: ee, oo stay vowels to read
_VOWELS = frozenset("aeiouy")
_SOFTENING = frozenset("eiy")  # c and g before these are soft: cent, gin
_SILENT_ONSETS = (
    ("kn", "n"), ("gn", "n"), ("pn", "n"), ("ps", "s"), ("pt", "t"), ("wr", "r"), ("wh", "w"),
    ("rh", "r"),
)  # fmt: skip
_PLAIN_LETTER = {
    "b": "P", "p": "P", "d": "T", "t": "T", "c": "K", "g": "K", "k": "K", "q": "K",
    "x": "KS", "f": "F", "v": "W", "h": "H", "j": "J", "l": "L", "r": "L", "m": "M",
    "n": "N", "s": "S", "z": "S", "w": "W",
}  # fmt: skip


@functools.lru_cache(maxsize=1 << 12)
def _fold(text: str) -> str:
    """Lower-case ASCII letters only: diacritics folded, everything else dropped."""
    if not text.isascii():
        text = unidecode(unicodedata.normalize("NFC", text))
    return _NOT_LETTER.sub("", text.lower())


def _latin_classes(s: str, rules: _Rules, *, onset: bool) -> str:
    """Classes of a folded Latin word (``s`` is lower-case a-z), runs not yet collapsed."""
    if not s:
        return ""
    spelling = rules.spelling
    if spelling:
        for cluster, sound in _SILENT_ONSETS:
            if s.startswith(cluster) and len(s) > len(cluster):
                s = sound + s[len(cluster) :]
                break
    s = _DOUBLED.sub(r"\1", s)
    # A final e after a consonant is silent (Google, George): it is no vowel for
    # the rules that look ahead, but it still softens a c or g before it.
    silent_e = spelling and len(s) > 3 and s[-1] == "e" and s[-2] not in _VOWELS
    end = len(s) - 1 if silent_e else len(s)

    def vowel(j: int) -> bool:
        return 0 <= j < end and s[j] in _VOWELS

    def at(j: int) -> str:
        return s[j] if 0 <= j < len(s) else ""

    def palatal(j: int) -> bool:
        # Mandarin has no hi, ki, gi: they are written xi, ji, qi (Lockheed -> luo ke xi de).
        return at(j) in ("i", "y") or s[j : j + 2] == "ee"

    out: list[str] = []
    if onset and rules.onset and s[0] in _VOWELS:
        out.append("A")  # y too: York -> yue, Yale -> ye
    i = 0
    while i < end:
        c, nxt = s[i], at(i + 1)
        step = 1
        if c in _VOWELS:
            out.append(_VOWEL)  # y too: Kennedy -> di
        elif c == "r":
            if vowel(i + 1) or not rules.silent_r:
                out.append("L")
        elif c == "l":
            if vowel(i + 1) or not vowel(i - 1) or not rules.coda_l:
                out.append("L")
        elif c == "m":
            # m before b or p closes the syllable: Pompeo -> peng pei ao, Trump -> te lang pu;
            # elsewhere it keeps its syllable mu (Sam -> sa mu, Ramsey -> la mu qi).
            out.append("N" if rules.coda_nasal and nxt in ("b", "p") else "M")
        elif not spelling:
            out.append(_VOICED[c] if rules.split_voicing and c in _VOICED else _PLAIN_LETTER[c])
        elif c == "h":
            if vowel(i + 1):  # h sounds only before a vowel: Ohio, Lockheed; not Sarah, Ahmed
                out.append("S" if rules.palatal and palatal(i + 1) else "H")
        elif c == "w":
            if vowel(i + 1):
                out.append("W")  # else part of the vowel before it (Brownback, Moscow)
        elif c == "c":
            if nxt == "h":
                # ch before a consonant is hard (Christ, Chloe); else as in Krach.
                out.append("K" if at(i + 2) and not vowel(i + 2) else "J")
                step = 2
            elif nxt == "k":
                out.append("J" if rules.palatal and palatal(i + 2) else "K")
                step = 2
            else:
                out.append("S" if nxt in _SOFTENING else "K")
        elif c == "s":
            if nxt == "h":
                step = 2
            elif nxt == "c" and at(i + 2) == "h":
                step = 3  # German sch: Schmidt -> shi mi te
            out.append("S")
        elif c == "t":
            if nxt == "h":
                out.append("S" if i > 0 and rules.medial_th else "T")
                step = 2
            elif nxt == "c" and at(i + 2) == "h":
                out.append("J")
                step = 3
            elif nxt == "z":
                out.append("S")  # German tz: ci
                step = 2
            elif nxt == "i" and i > 0 and vowel(i + 2):
                out.append("S")  # -tion, -tia: shun, sha
            else:
                out.append("T")
        elif c == "p":
            out.append("F" if nxt == "h" else "P")
            step = 2 if nxt == "h" else 1
        elif c == "g":
            if nxt == "h":
                if i == 0:
                    out.append("K")
                step = 2  # silent gh: Knight -> nai te, Hugh
            elif nxt == "n" and not vowel(i + 2):
                out.append("N")  # sign, Champagne
                step = 2
            elif nxt in _SOFTENING and (rules.soft_ge or nxt != "e"):
                out.append("J")  # Pottinger -> bo ting jie
            else:
                out.append("G" if rules.split_voicing else "K")
        elif c == "n":
            out.append("N")
            if nxt == "g" and not vowel(i + 2):
                step = 2  # ng closing a syllable is one nasal (Washington, Boeing)
        elif c == "k":
            if nxt == "h":
                out.append("H")  # kh as in Khalid, Mikhail: pinyin h (ha li de, mi ha yi er)
                step = 2
            else:
                out.append("J" if rules.palatal and palatal(i + 1) else "K")
        elif c == "v":
            out.append("W" if vowel(i + 1) else "F")  # Navarro -> wa; Ivanov -> fu
        elif c == "x":
            out.append("S" if i == 0 else "KS")
        elif rules.split_voicing and c in _VOICED:
            out.append(_VOICED[c])
        else:
            out.append(_PLAIN_LETTER[c])
        i += step
    return "".join(out)


_VOWEL = "."
"""Marks a vowel while a key is built: a class repeated across a vowel is two sounds
(Coca-Cola, ke kou ke le), repeated without one is one (Bannon, ban nong)."""
_RUNS = re.compile(r"([A-Z])\1+")


def _finish(classes: str, rules: _Rules) -> str:
    if rules.merge_sj:
        classes = classes.replace("J", "S")
    if not rules.keep_echo:
        classes = classes.replace(_VOWEL, "")
    return _RUNS.sub(r"\1", classes).replace(_VOWEL, "")


def _latin_key(word: str, rules: _Rules) -> str:
    return _finish(_latin_classes(_fold(word), rules, onset=True), rules)


@functools.lru_cache(maxsize=1 << 16)
def latin_sound_key(word: str) -> str:
    """The sound key of a Latin word, or of words joined ("Coca-Cola" is one word).

    Letters other than a-z (after folding diacritics) are dropped, so
    ``"O'Brien"`` and ``"obrien"`` have one key.

    Returns:
        The key: ASCII letters of :data:`ALPHABET`, possibly empty.

    >>> latin_sound_key("Bolton"), latin_sound_key("Trump"), latin_sound_key("Smith")
    ('PTN', 'TLNP', 'SMS')
    >>> latin_sound_key("Coca-Cola"), latin_sound_key("O'Brien"), latin_sound_key("Knight")
    ('KKKL', 'APLN', 'NT')
    """
    return _latin_key(word, _DEFAULT)
