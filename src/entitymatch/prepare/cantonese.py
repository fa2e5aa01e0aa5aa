"""Han -> Hong Kong romanisations of the Cantonese reading (李嘉诚 -> Li Ka-shing).

Hong Kong people are written on identity documents, and so on the sanctions
lists, in the Hong Kong Government Cantonese Romanisation of their Cantonese
name: 林郑月娥 LAM CHENG, Yuet-ngor; 邓炳强 TANG, Ping-keung; 曾荫权 Tsang
Yam-kuen. Macau writes the same names by a Portuguese-based scheme: 尹国驹
Wan Kuok Koi, 贺一诚 Ho Iat Seng. A pinyin reader reaches none of these (lin
zheng yue e).

Two steps:

1. Characters -> Jyutping, the LSHK romanisation that dictionaries use, with
   every reading of a polyphonic character, the likeliest in context first.
   The readings come from the ``ToJyutping`` package (BSD-2-Clause; its data
   derive from the rime-cantonese lexicon, CC BY 4.0), imported on first use.
2. Jyutping -> the spellings names really use, by the tables below. The
   Hong Kong scheme writes one sound several ways (张 Cheung but 曾 Tsang: ch
   or ts; 诚 Sing or Shing; 娥 Ngo or Ngor), so each syllable gets its common
   spellings, most usual first; a word gets the cheapest combinations of its
   syllables' spellings and readings. Macau spellings of the whole word follow,
   at a cost (:data:`MACAU_COST`), never mixed with Hong Kong ones in one word.

Spellings are lowercase ASCII with the syllables joined, as the matcher
compares them: "kashing", not "Ka-shing".
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence

from entitymatch.data import read_rows
from entitymatch.errors import EntityMatchError

__all__ = ["DEFAULT_LIMIT", "hk_spellings", "hk_surname_spellings", "jyutping_to_hk"]

DEFAULT_LIMIT = 8
"""Spellings returned by default: enough for the two or three ways a given name
of two characters is really written, few enough to keep an index small."""

MAX_READINGS = 3
"""Readings kept per character: ToJyutping lists rare literary and colloquial
readings after the common ones (石 sek6, then daam3), which names do not use."""

READING_COST = 2
"""What a character's next reading costs against the first, in spelling steps:
a less likely reading ranks below the second spelling of the likelier one."""

MACAU_COST = 2
"""What a word's Macau spellings cost on top of their own: the likeliest ranks with
a Hong Kong spelling two steps from the likeliest (国驹: Kwok-kui, Kwok-keui,
Kok-kui, then Macau's Kuok-kui)."""

SURNAME_LIMIT = 4
"""Spellings of a surname the table lacks: a surname has fewer syllables, so fewer
spellings, than a given name."""

Options = tuple[tuple[int, str], ...]
"""(cost, spelling) pairs, cheapest first; cost 0 is the likeliest spelling."""

# --- Hong Kong Government Cantonese Romanisation, as names write it ------------------------
# Each table maps Jyutping to the spellings found in Hong Kong names, most common first.

_INITIALS: dict[str, tuple[str, ...]] = {
    "": ("",),  # 安 on1 On
    "b": ("p",),  # 炳 bing2 Ping, 宝 bou2 Po
    "p": ("p",),  # 彭 paang4 Pang
    "m": ("m",),  # 文 man4 Man
    "f": ("f",),  # 方 fong1 Fong
    "d": ("t",),  # 邓 dang6 Tang, 董 dung2 Tung
    "t": ("t",),  # 谭 taam4 Tam
    "n": ("n",),  # 女 neoi5 Nui
    "l": ("l",),  # 梁 loeng4 Leung
    "g": ("k",),  # 嘉 gaa1 Ka, 基 gei1 Kei
    "k": ("k",),  # 强 koeng4 Keung, 权 kyun4 Kuen
    "ng": ("ng",),  # 娥 ngo4 Ngor, 魏 ngai6 Ngai
    "h": ("h",),  # 何 ho4 Ho, 鸿 hung4 Hung
    "gw": ("kw",),  # 国 gwok3 Kwok, 桂 gwai3 Kwai
    "kw": ("kw",),  # 坤 kwan1 Kwan
    "w": ("w",),  # 伟 wai5 Wai
    "z": ("ch", "ts"),  # 张 zoeng1 Cheung, 曾 zang1 Tsang
    "c": ("ch", "ts"),  # 陈 can4 Chan, 徐 ceoi4 Tsui
    "s": ("s", "sh"),  # 孙 syun1 Suen, 诚 sing4 Shing
    "j": ("y",),  # 月 jyut6 Yuet, 耀 jiu6 Yiu
}

_TS_FIRST = frozenset({"e", "ou", "ang", "eoi"})
"""Finals after which z and c are written ts before ch: 谢 Tse, 曹 Tso, 曾 Tsang, 徐 Tsui."""

_SH_FIRST = frozenset({"e", "ek", "eng", "ing", "oeng", "oek", "yu", "eon", "aan"})
"""Finals after which s is written sh before s: 石 Shek, 诚 Shing, 常 Sheung, 山 Shan."""

_FINALS: dict[str, tuple[str, ...]] = {
    "aa": ("a", "ah"),  # 嘉 gaa1 Ka, 马 maa5 Ma/Mah
    "aai": ("ai",),  # 佳 gaai1 Kai
    "aau": ("au",),  # 巧 haau2 Hau
    "aam": ("am",),  # 谭 taam4 Tam
    "aan": ("an",),  # 山 saan1 Shan
    "aang": ("ang",),  # 彭 paang4 Pang
    "aap": ("ap",),  # 鸭 aap3 Ap
    "aat": ("at",),  # 发 faat3 Fat
    "aak": ("ak",),  # 白 baak6 Pak
    "a": ("a",),  # rare alone
    "ai": ("ai",),  # 伟 wai5 Wai, 桂 gwai3 Kwai
    "au": ("au", "ow"),  # 刘 lau4 Lau, 周 zau1 Chau/Chow
    "am": ("am", "um"),  # 林 lam4 Lam, 金 gam1 Kam/Kum
    "an": ("an", "un"),  # 陈 can4 Chan, 振 zan3 Chun, 燊 san1 Sun
    "ang": ("ang",),  # 曾 zang1 Tsang
    "ap": ("ap",),  # 立 lap6 Lap
    "at": ("at",),  # 日 jat6 Yat
    "ak": ("ak",),  # 德 dak1 Tak
    "e": ("e",),  # 谢 ze6 Tse
    "ei": ("ei", "ee", "i"),  # 基 gei1 Kei/Kee/Ki
    "eu": ("eu",),  # rare, colloquial
    "em": ("em",),  # rare, colloquial
    "en": ("en",),  # rare, colloquial
    "eng": ("eng",),  # 郑 zeng6 Cheng
    "ep": ("ep",),  # rare, colloquial
    "et": ("et",),  # rare, colloquial
    "ek": ("ek",),  # 石 sek6 Shek
    "i": ("i", "ee"),  # after z, c, s, j: see _SYLLABLES
    "iu": ("iu",),  # 耀 jiu6 Yiu, 超 ciu1 Chiu
    "im": ("im",),  # 詹 zim1 Chim
    "in": ("in",),  # 展 zin2 Chin
    "ing": ("ing",),  # 英 jing1 Ying, 诚 sing4 Shing
    "ip": ("ip",),  # 叶 jip6 Yip
    "it": ("it",),  # 杰 git6 Kit
    "ik": ("ik",),  # 力 lik6 Lik
    "o": ("o", "or", "oh", "aw"),  # 何 ho4 Ho, 娥 ngo4 Ngor, 罗 lo4 Law
    "oi": ("oi", "oy"),  # 蔡 coi3 Choi/Choy
    "ou": ("o", "ou"),  # 卢 lou4 Lo, 高 gou1 Ko
    "on": ("on",),  # 韩 hon4 Hon
    "ong": ("ong",),  # 江 gong1 Kong, 黄 wong4 Wong
    "ot": ("ot",),  # 渴 hot3 Hot
    "ok": ("ok",),  # 国 gwok3 Kwok, 学 hok6 Hok
    "u": ("u", "oo"),  # 古 gu2 Ku/Koo
    "ui": ("ui", "ooi"),  # 梅 mui4 Mui
    "un": ("un", "oon"),  # 潘 pun1 Pun/Poon
    "ung": ("ung",),  # 聪 cung1 Chung, 鸿 hung4 Hung
    "ut": ("ut", "oot"),  # 活 wut6 Wut
    "uk": ("uk",),  # 陆 luk6 Luk
    "oe": ("oe",),  # 靴 hoe1 Hoe
    "oeng": ("eung",),  # 梁 loeng4 Leung, 强 koeng4 Keung
    "oet": ("eut",),  # rare
    "oek": ("euk",),  # 若 joek6 Yeuk, 卓 coek3 Cheuk
    "eoi": ("ui", "eui"),  # 徐 ceoi4 Tsui, 许 heoi2 Hui
    "eon": ("un", "eun"),  # 春 ceon1 Chun, 信 seon3 Shun
    "eot": ("ut", "eut"),  # 出 ceot1 Chut
    "yu": ("u", "ue"),  # 朱 zyu1 Chu/Chue
    "yun": ("uen", "un"),  # 权 kyun4 Kuen, 孙 syun1 Suen/Sun
    "yut": ("uet", "ut"),  # 雪 syut3 Suet
}

_SYLLABLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("z", "i"): ("chi", "tsz", "tsze", "chee"),  # 志 zi3 Chi, 子 zi2 Tsz
    ("c", "i"): ("chi", "tsz", "tsze", "chee"),  # 赐 ci3 Chi, 慈 ci4 Tsz
    ("s", "i"): ("sze", "si", "shi", "see", "sz"),  # 施 si1 Sze, 诗 si1 Sze/Shi
    ("j", "i"): ("yi", "yee"),  # 儿 ji4 Yi/Yee
    ("j", "ip"): ("yip", "ip"),  # 叶 jip6 Yip/Ip
    ("j", "yu"): ("yu", "yue"),  # 余 jyu4 Yu/Yue
    ("j", "yun"): ("yuen", "yun"),  # 源 jyun4 Yuen
    ("j", "yut"): ("yuet", "yut"),  # 月 jyut6 Yuet
    ("j", "eon"): ("yun", "yeun"),  # 润 jeon6 Yun
    ("j", "eoi"): ("yui", "yeui"),  # 锐 jeoi6 Yui
    ("w", "u"): ("wu", "woo"),  # 胡 wu4 Wu/Woo
    ("w", "aa"): ("wah", "wa"),  # 华 waa4 Wah
    ("l", "ei"): ("lee", "li", "lei"),  # 李 lei5 Lee, 利 lei6 Lee
    ("s", "am"): ("shum", "sum", "sham", "sam"),  # 沈 sam2 Shum, 心 sam1 Sum
    ("g", "un"): ("kun", "koon", "kwun"),  # 官 gun1 Kwun, from the older gw- reading
    ("gw", "u"): ("ku", "kwu", "koo"),  # 古 gwu2 Ku
    ("", "m"): ("m",),  # 唔 m4
    ("", "ng"): ("ng",),  # 吴 ng4 Ng, 伍 ng5 Ng
    ("h", "m"): ("hm",),  # interjection
    ("h", "ng"): ("hng",),  # interjection
}
"""Whole syllables (initial, final) written otherwise than their parts."""

# --- Macau Government Cantonese Romanisation (Portuguese-based) ----------------------------
# Where Macau differs from the first Hong Kong spelling; everything else is written alike.

_MACAU_INITIALS: dict[str, tuple[str, ...]] = {
    "gw": ("ku",),  # 国 gwok3 Kuok
    "kw": ("ku",),  # 邝 kwong3 Kuong
    "z": ("ch",),  # 赵 ziu6 Chio
    "c": ("ch",),  # 崔 ceoi1 Chui
    "s": ("s",),  # 诚 sing4 Seng
    "j": ("i",),  # 一 jat1 Iat, 旭 juk1 Iok
}

_MACAU_FINALS: dict[str, tuple[str, ...]] = {
    "iu": ("io",),  # 赵 ziu6 Chio, 萧 siu1 Sio
    "ou": ("ou",),  # 高 gou1 Kou, 卢 lou4 Lou
    "ing": ("eng",),  # 诚 sing4 Seng, 明 ming4 Meng
    "ik": ("ek",),  # 碧 bik1 Pek
    "ung": ("ong",),  # 雄 hung4 Hong
    "uk": ("ok",),  # 玉 juk6 Iok
    "oeng": ("eong",),  # 梁 loeng4 Leong, 强 koeng4 Keong
    "oek": ("eok",),  # 若 joek6 Ieok
    "eoi": ("ui", "oi"),  # 崔 ceoi1 Chui, 驹 keoi1 Koi, 瑞 seoi6 Soi
    "eon": ("on", "un"),  # 伦 leon4 Lon
    "yun": ("un",),  # 权 kyun4 Kun
    "yut": ("ut",),  # 月 jyut6 Ut
    "aa": ("a",),  # 华 waa4 Wa
    "ei": ("ei",),  # 琪 kei4 Kei
}

_MACAU_SYLLABLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("z", "i"): ("chi",),  # 志 zi3 Chi
    ("c", "i"): ("chi",),  # 赐 ci3 Chi
    ("s", "i"): ("si",),  # 施 si1 Si
    ("j", "yu"): ("u",),  # 余 jyu4 U
    ("j", "yun"): ("un",),  # 阮 jyun5 Un
    ("j", "yut"): ("ut",),  # 月 jyut6 Ut
    ("w", "u"): ("wu",),  # 胡 wu4 Wu
    ("w", "aa"): ("wah",),  # 铧 waa4 Wah
    ("gw", "u"): ("ku",),  # 古 gwu2 Ku
    ("", "m"): ("m",),  # 唔 m4
    ("", "ng"): ("ng",),  # 吴 ng4 Ng
    ("h", "m"): ("hm",),  # interjection
    ("h", "ng"): ("hng",),  # interjection
}

_INITIAL_ORDER = sorted(_INITIALS, key=len, reverse=True)
"""Longest first, so that "ng", "gw" and "kw" win over "n", "g" and "k"."""


def _split(syllable: str) -> tuple[str, str] | None:
    """(initial, final) of a toneless Jyutping syllable, None if it is not one."""
    for initial in _INITIAL_ORDER:
        if syllable.startswith(initial):
            final = syllable[len(initial) :]
            if (initial, final) in _SYLLABLES or final in _FINALS:
                return initial, final
    return None


def _ranked(options: Iterable[tuple[int, str]]) -> Options:
    """Options by cost then first appearance, each spelling once at its lowest cost."""
    best: dict[str, int] = {}
    for cost, spelling in options:
        if spelling not in best or cost < best[spelling]:
            best[spelling] = cost
    order = {spelling: n for n, spelling in enumerate(best)}
    return tuple(sorted(((c, s) for s, c in best.items()), key=lambda o: (o[0], order[o[1]])))


def _compose(
    initials: Sequence[str], finals: Sequence[str], whole: Sequence[str] | None
) -> Options:
    if whole is not None:
        return tuple(enumerate(whole))
    return _ranked(
        (i + f, head + tail) for i, head in enumerate(initials) for f, tail in enumerate(finals)
    )


@functools.lru_cache(maxsize=4096)  # bounded: jyutping_to_hk takes any text
def _syllable_options(syllable: str, *, macau: bool = False) -> Options:
    """(cost, spelling) of one Jyutping syllable (tone digit allowed), cheapest first."""
    parts = _split(syllable.rstrip("0123456789").lower())
    if parts is None:
        return ()
    initial, final = parts
    if macau:
        # Macau differs from Hong Kong's first spelling only where its tables say so.
        whole = _MACAU_SYLLABLES.get(parts)
        initials = _MACAU_INITIALS.get(initial, _INITIALS[initial][:1])
        finals = _MACAU_FINALS.get(final, _FINALS.get(final, ())[:1])
        # j is written i, which merges with a final's own i: 仪 ji4 I, 贤 jin4 In, 耀 jiu6 Io.
        return tuple(
            (cost, spelling[1:] if spelling.startswith("ii") else spelling)
            for cost, spelling in _compose(initials, finals, whole)
        )
    initials = _INITIALS[initial]
    if (initial in {"z", "c"} and final in _TS_FIRST) or (initial == "s" and final in _SH_FIRST):
        initials = initials[::-1]
    return _compose(initials, _FINALS.get(final, ()), _SYLLABLES.get(parts))


def jyutping_to_hk(jyutping: str) -> tuple[str, ...]:
    """Hong Kong spellings of one Jyutping syllable, most common first.

    Args:
        jyutping: A syllable, with or without its tone digit.

    Returns:
        The spellings, or () if the text is not a Jyutping syllable.

    >>> jyutping_to_hk("loeng4")
    ('leung',)
    >>> jyutping_to_hk("zoeng1")
    ('cheung', 'tseung')
    >>> jyutping_to_hk("sing4")
    ('shing', 'sing')
    >>> jyutping_to_hk("ngo4")
    ('ngo', 'ngor', 'ngoh', 'ngaw')
    >>> jyutping_to_hk("xyz")
    ()
    """
    return tuple(spelling for _, spelling in _syllable_options(jyutping))


@functools.cache
def _candidates() -> Callable[[str], Sequence[tuple[str, Sequence[str]]]]:
    """ToJyutping's reader of readings in context, imported on first use.

    Imported by name because the package ships no type information; the
    annotation is its documented return type. Importing it costs about a
    second and 70 MB (its word trie), paid only by a caller that reads Han.
    """
    reader: Callable[[str], Sequence[tuple[str, Sequence[str]]]] = importlib.import_module(
        "ToJyutping"
    ).get_jyutping_candidates
    return reader


@functools.cache
def _character_options(readings: tuple[str, ...], *, macau: bool) -> Options:
    """(cost, spelling) of one character from its Jyutping readings, likeliest first."""
    options: list[tuple[int, str]] = []
    for rank, reading in enumerate(readings[:MAX_READINGS]):
        # A few characters read as two syllables (瓩 "cin1 ngaa5").
        syllables = [_syllable_options(s, macau=macau) for s in reading.split()]
        spelled = _best(syllables, DEFAULT_LIMIT)
        options.extend((rank * READING_COST + cost, spelling) for cost, spelling in spelled)
    return _ranked(options)


def _best(positions: Sequence[Options], limit: int) -> Options:
    """The `limit` cheapest joined spellings, one option taken at each position.

    Costs add up, so the best completions start from the best prefixes: keeping
    `limit` distinct prefixes at each step is exact.
    """
    if not positions or any(not options for options in positions):
        return ()
    partial: Options = ((0, ""),)
    for options in positions:
        partial = _ranked(
            (cost + more, text + spelling) for cost, text in partial for more, spelling in options
        )[:limit]
    return partial


def hk_spellings(han: str, *, limit: int = DEFAULT_LIMIT) -> tuple[str, ...]:
    """Hong Kong (and Macau) romanisations of a Han word, syllables joined, likeliest first.

    Simplified and traditional characters read alike. Each syllable is spelled
    as Hong Kong names write it, and the word's spellings are the cheapest
    combinations of its syllables' spellings and readings; the Macau spelling
    of the word comes after the likeliest Hong Kong ones.

    Args:
        han: One or more Han characters: a given name, a surname, a word.
        limit: Most spellings returned.

    Returns:
        Lowercase ASCII spellings, or () if any character has no known
        Cantonese reading (Latin letters, digits, spaces and punctuation have
        none).

    Raises:
        EntityMatchError: `limit` is less than 1.

    >>> hk_spellings("嘉诚", limit=2)
    ('kashing', 'kasing')
    >>> hk_spellings("月娥", limit=2)
    ('yuetngo', 'yuetngor')
    >>> "kuokkoi" in hk_spellings("國駒")
    True
    >>> hk_spellings("Li")
    ()
    """
    if limit < 1:
        raise EntityMatchError(f"limit must be at least 1, got {limit!r}")
    if not han:
        return ()
    readings = [tuple(candidates) for _, candidates in _candidates()(han)]
    hong_kong = _best([_character_options(r, macau=False) for r in readings], limit)
    macau = _best([_character_options(r, macau=True) for r in readings], limit)
    ranked = _ranked([*hong_kong, *((cost + MACAU_COST, text) for cost, text in macau)])
    return tuple(spelling for _, spelling in ranked[:limit])


@functools.cache
def _surname_table() -> Mapping[str, tuple[str, ...]]:
    """Simplified and traditional surname -> its curated Hong Kong spellings, joined."""
    table: dict[str, tuple[str, ...]] = {}
    for row in read_rows("zh_surnames.tsv"):
        spellings = tuple(s.replace("-", "") for s in row["cantonese"].split("|") if s)
        if spellings:
            for han in (row["han"], row["traditional"]):
                if han:
                    table[han] = spellings
    return table


def hk_surname_spellings(han: str) -> tuple[str, ...]:
    """Hong Kong spellings of a surname, most common first.

    The curated ``cantonese`` column of ``data/zh_surnames.tsv`` decides where
    it has a value (曾 is Tsang whatever a dictionary reads first); the
    surnames it leaves empty, and those it lacks, are spelled from their
    readings by :func:`hk_spellings`.

    Args:
        han: The surname, one or two characters, simplified or traditional.

    Returns:
        Lowercase ASCII spellings, compound surnames joined ("auyeung").

    >>> hk_surname_spellings("陈")
    ('chan',)
    >>> hk_surname_spellings("歐陽")
    ('auyeung',)
    """
    curated = _surname_table().get(han)
    if curated is not None:
        return curated
    return hk_spellings(han, limit=SURNAME_LIMIT)
