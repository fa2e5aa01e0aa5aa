"""Spelling keys: comparison words that are the same name spelled another way.

Two words are variants when their key sets meet. Keys come from:

* Chinese romanisation: a word that reads as Wade-Giles syllables (and not as
  pinyin) gets the pinyin reading ("hsiaoping" -> "xiaoping", "tsetung" ->
  "zedong"); a word that reads as pinyin is its own key. Syllable boundaries
  are found, not assumed, so "Lijian", "Li-jian" and "Li Jian" meet;
* Chinese surnames as Hong Kong and Taiwan write them ("chan", "cheung",
  "hsu" -> "chen", "zhang", "xu"), from ``data/zh_surnames.tsv``;
* places in postal and other old spellings ("peking", "amoy" -> "beijing",
  "xiamen"), from ``data/zh_places.tsv``;
* spelling families of ethnonyms and transliterated given names ("uighur",
  "uygur" -> "uyghur"; "mohammed" -> "muhammad"), from ``data/name_variants.tsv``;
* the Arabic "Abd al-" as its spellings write it (abdul-, abdel-, abdur-);
* names from Cyrillic as any transliteration system writes them
  (:func:`cyrillic_key`: "zaytsev" = "zaitsev", "sergej" = "sergey").

Two more keys apply only to words read from a script that hides what Latin
spells out, so they never make two Latin words equal: :func:`korean_key`
(Revised Romanization vs the popular spellings) and :func:`skeleton` (consonants
of an abjad such as Arabic or Hebrew).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from entitymatch.data import read_rows

__all__ = [
    "joined_keys",
    "korean_key",
    "other_syllables",
    "pinyin_syllables",
    "skeleton",
    "spelling_keys",
    "syllabic",
]

_MAX_KEYS = 6
"""A word with more readings than this is too ambiguous to be worth keys."""
MAX_KEYED_WORD = 40
"""Longer words (a run of hundreds of Han characters read as one) get no keys:
no name word is that long, and syllable parsing would only waste time."""


def _plain(text: str) -> str:
    """A table's Latin spelling as a comparison word."""
    return text.strip().lower().replace("'", "").replace("-", "").replace("ü", "u")


def _plain_pinyin(text: str) -> str:
    """A pinyin or Wade-Giles spelling as a comparison word: ü, which plain-text
    pinyin writes v (lv = lü), is u as unidecode gives it."""
    return _plain(text).replace("v", "u")


@functools.cache
def _syllable_tables() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    pinyin: set[str] = set()
    wade: dict[str, list[str]] = {}
    for row in read_rows("wade_giles.csv"):
        syllable = _plain_pinyin(row["pinyin"])
        pinyin.add(syllable)
        wade.setdefault(_plain_pinyin(row["wade_giles"]), []).append(syllable)
    # Syllables the table leaves out but names use: interjection-free finals.
    pinyin.update({"a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "er"})
    return frozenset(pinyin), {k: tuple(dict.fromkeys(v)) for k, v in wade.items()}


def _segmentations(word: str, known: frozenset[str], longest: int) -> list[list[str]]:
    """All ways to write ``word`` as a sequence of ``known`` syllables (at most a few).

    A backward pass marks the positions from which the rest of the word can be
    read, so the search only ever follows paths that lead to a reading; it gives
    up at ``longest`` unreadable positions in a row, which no syllable spans.
    """
    size = len(word)
    readable = [False] * (size + 1)
    readable[size] = True
    unreadable = 0
    for start in range(size - 1, -1, -1):
        for end in range(start + 1, min(size, start + longest) + 1):
            if readable[end] and word[start:end] in known:
                readable[start] = True
                unreadable = 0
                break
        else:
            unreadable += 1
            if unreadable >= longest:
                return []
    if not readable[0]:
        return []
    # Depth first, longest syllable first; a stack rather than a closure that
    # calls itself, which would be a reference cycle (garbage for the collector).
    results: list[list[str]] = []
    stack: list[tuple[int, tuple[str, ...]]] = [(0, ())]
    while stack and len(results) < _MAX_KEYS:
        start, path = stack.pop()
        if start == size:
            results.append(list(path))
            continue
        for end in range(start + 1, min(size, start + longest) + 1):
            if readable[end] and word[start:end] in known:
                stack.append((end, (*path, word[start:end])))
    return results


def pinyin_syllables(word: str) -> list[str] | None:
    """The pinyin syllables of a word that is pinyin, longest first; else ``None``.

    >>> pinyin_syllables("lijian"), pinyin_syllables("hikvision")
    (['li', 'jian'], None)
    """
    if len(word) > MAX_KEYED_WORD:
        return None
    pinyin, _ = _syllable_tables()
    found = _segmentations(word, pinyin, _longest(pinyin))
    return found[0] if found else None


_ONSET = re.compile(r"zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]")


@functools.lru_cache(maxsize=1 << 16)
def other_syllables(a: str, b: str) -> bool:
    """Whether two words are pinyin whose syllables, however each word is read,
    begin differently somewhere: then they are other syllables (other characters),
    not a typo of one another. Words of different syllable counts, and words that
    are not pinyin, are not judged.

    >>> other_syllables("dongming", "mingming"), other_syllables("yang", "wang")
    (True, True)
    >>> other_syllables("xiaoming", "xiaomin"), other_syllables("hikvision", "hikvisoin")
    (False, False)
    """
    if len(a) > MAX_KEYED_WORD or len(b) > MAX_KEYED_WORD:
        return False
    pinyin, _ = _syllable_tables()
    longest = _longest(pinyin)
    pairs = [
        (x, y)
        for x in _segmentations(a, pinyin, longest)
        for y in _segmentations(b, pinyin, longest)
        if len(x) == len(y)
    ]
    return bool(pairs) and all(
        any(_onset(p) != _onset(q) for p, q in zip(x, y, strict=True)) for x, y in pairs
    )


def _onset(syllable: str) -> str:
    found = _ONSET.match(syllable)
    return found.group() if found else ""


@functools.cache
def _wade_giles_syllables() -> frozenset[str]:
    return frozenset(_syllable_tables()[1])


@functools.cache
def _longest(syllables: frozenset[str]) -> int:
    return max(map(len, syllables))


def _from_wade_giles(word: str) -> set[str]:
    _, wade = _syllable_tables()
    keys: set[str] = set()
    syllables = _wade_giles_syllables()
    for path in _segmentations(word, syllables, _longest(syllables)):
        readings = [wade[s] for s in path]
        for combo in itertools.islice(itertools.product(*readings), _MAX_KEYS):
            keys.add("".join(combo))
    return keys


# Korean syllables as the popular and McCune-Reischauer spellings write what the
# Revised Romanization (unidecode's output) writes: "jeong" = "jong" = "chong".
_KOREAN = (
    (re.compile(r"(eo|eu|o|u)+"), "u"),  # 성 = seong, sung, song; 은 = eun, un
    (re.compile(r"a[ei]"), "e"),  # 대 = dae, dai (Hyundai)
    (re.compile(r"sh"), "s"),  # 신 = sin, shin
    (re.compile(r"g|k"), "k"),  # 혁 = hyeog (as unidecode writes it), hyok
    (re.compile(r"j|ch"), "j"),
    (re.compile(r"d|t"), "t"),
    (re.compile(r"b|p"), "p"),
    (re.compile(r"r"), "l"),
)


def korean_key(word: str) -> str:
    """A Korean word (one syllable or a trade name's several) spelled as the
    popular romanisations spell it: vowels that McCune-Reischauer and Revised
    Romanization write differently merged, and consonants that one voices and the
    other does not.

    >>> korean_key("jeong") == korean_key("jong") == korean_key("chung")
    True
    >>> korean_key("seong") == korean_key("sung"), korean_key("gim") == korean_key("kim")
    (True, True)
    >>> korean_key("hyeondae") == korean_key("hyundai")
    True
    >>> korean_key("geumbyeol") == korean_key("kumbyol")
    True
    """
    for pattern, replacement in _KOREAN:
        word = pattern.sub(replacement, word)
    return word


_VOWELS = re.compile(r"[aeiouyw]+")  # w, y: long vowels (waw, ya) as Latin spells them
_DOUBLES = re.compile(r"(.)\1+")
_DIGRAPHS = (
    ("kh", "k"),
    ("gh", "g"),
    ("ph", "f"),
    ("q", "k"),
    ("ck", "k"),
    ("dh", "d"),
    ("dj", "j"),
)
"""Latin spellings of one Arabic letter (dj: French for ج, "Djamel" = جمال)."""


@functools.lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """The consonant skeleton of a word: what an abjad writes.

    Arabic and Hebrew write consonants and long vowels; their Latin spellings
    differ mostly in vowels. Long vowels (w, y) are dropped too, because Latin
    spellings write them as vowels ("mahmoud" for محمود).

    >>> skeleton("mohamed"), skeleton("mhmd"), skeleton("mahmoud"), skeleton("mhmwd")
    ('mhmd', 'mhmd', 'mhmd', 'mhmd')
    >>> skeleton("khaled") == skeleton("khld")
    True
    """
    for digraph, single in _DIGRAPHS:
        word = word.replace(digraph, single)
    # A final h is often a vowel sound written with ه (Akhundzada / آخوندزاده).
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", word.removesuffix("h")))


@functools.cache
def _table_keys() -> dict[str, frozenset[str]]:
    keys: dict[str, set[str]] = {}

    def link(spelling: str, key: str, plain: Callable[[str], str] = _plain_pinyin) -> None:
        spelling, key = plain(spelling), plain(key)
        if spelling and key and spelling.isalnum() and spelling != key:
            keys.setdefault(spelling, set()).add(key)

    for row in read_rows("name_variants.tsv"):
        for variant in row["variants"].split("|"):
            link(variant, row["canonical"], _plain)
    for row in read_rows("zh_surnames.tsv"):
        for column in ("wade_giles", "cantonese", "taiwan"):
            for spelling in row[column].split("|"):
                link(spelling, row["pinyin"])
    for row in read_rows("zh_places.tsv"):
        for variant in row["variants"].split("|"):
            link(variant.replace(" ", ""), row["pinyin"])
    return {spelling: frozenset(found) for spelling, found in keys.items()}


# "Abd al-" (servant of) opens very many Arabic names and is written abdul, abdel,
# abdal, abdol, abd al, and before a "sun letter" assimilated: abdur-rahman,
# abdus-salam. The key keeps "abd" and what follows the article.
_ABD = re.compile(r"^abd(?:[aeiou]?l)?[aeiou]?")
_DOUBLED_START = re.compile(r"^([a-z])\1")


def _arabic_article_key(word: str) -> str | None:
    match = _ABD.match(word)
    if match is None:
        return None
    rest = _DOUBLED_START.sub(r"\1", word[match.end() :])
    return "abd~" + rest if len(rest) >= 3 else None


@functools.lru_cache(maxsize=1 << 16)
def syllabic(word: str) -> bool:
    """Whether a word reads as a sequence of pinyin or Wade-Giles syllables.

    >>> syllabic("lijian"), syllabic("tse"), syllabic("hikvision")
    (True, True, False)
    """
    if not word.isalpha() or len(word) > MAX_KEYED_WORD:
        return False
    if pinyin_syllables(word) is not None:
        return True
    syllables = _wade_giles_syllables()
    return bool(_segmentations(word, syllables, _longest(syllables)))


@functools.lru_cache(maxsize=1 << 17)
def joined_keys(words: tuple[str, ...]) -> frozenset[str]:
    """The spelling keys of adjacent words written together ("li jian" ->
    "lijian"). Romanised syllables do not straddle the spaces between words, so
    the joined text is read as syllables only when each word reads so on its own
    ("tse tung" -> "zedong"); other keys (spelling families, the Arabic article)
    hold for any.

    >>> "zedong" in joined_keys(("tse", "tung"))
    True
    >>> sorted(joined_keys(("ts", "etung")))
    ['tsetung']
    """
    joined = "".join(words)
    if all(map(syllabic, words)):
        return spelling_keys(joined)
    return _keys(joined, syllables=False)


@functools.lru_cache(maxsize=1 << 17)
def spelling_keys(word: str) -> frozenset[str]:
    """The keys of a comparison word: itself plus every reading it is a variant of.

    >>> "zedong" in spelling_keys("tsetung"), "xiaoping" in spelling_keys("hsiaoping")
    (True, True)
    >>> "zedong" in spelling_keys("zedong"), "beijing" in spelling_keys("peking")
    (True, True)
    >>> sorted(spelling_keys("uygur") & spelling_keys("uighur"))
    ['uyghur']
    >>> sorted(spelling_keys("abdurrahman") & spelling_keys("abdelrahman"))
    ['abd~rahman']
    """
    return _keys(word, syllables=True)


# Names from Cyrillic as the transliteration systems (BGN/PCGN, ICAO, GOST,
# German, Ukrainian and Belarusian national ones) write them differently: й and ы
# as y, i or j; е as e or ye; кс as x or ks; letters doubled or not; and the
# patronymic ending -evich, -yevich, -ievich or Ukrainian -ovych. The key writes
# them one way: Zaytsev / Zaitsev, Vasily / Vasiliy / Vasili, Sergej / Sergey,
# Yevgeny / Evgeny, Alekseyevich / Alexeevich, Vitalievich / Vitaliyovych; щ as
# shch, sch or shh (Khrushchev / Khruschev) and ц as ts or c (Tsvetkov / Cvetkov).
_CYRILLIC = (
    (re.compile(r"shch|sch|shh"), "sh"),  # щ: Obshchestvo, Obschestvo, Obshestvo
    (re.compile(r"ts"), "c"),  # ц: Aktsionernoe, Akcionernoe
    (re.compile(r"x"), "ks"),
    (re.compile(r"(?<=[aeiou])j$"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"^ie"), "e"),
    (re.compile(r"(?<=[aeiou])ie"), "e"),
    (re.compile(r"i*[aeo]vich$"), "ovich"),
    (re.compile(r"i*[aeo]vna$"), "ovna"),
    (re.compile(r"(.)\1+"), r"\1"),
)
CYRILLIC_KEY_MIN = 5
"""Shortest word given a Cyrillic transliteration key: shorter words have too
few letters left to tell names apart once y is i and doubles are single."""


@functools.lru_cache(maxsize=1 << 16)
def cyrillic_key(word: str) -> str:
    """A word as one transliteration of Cyrillic would write it.

    >>> cyrillic_key("zaytsev") == cyrillic_key("zaitsev")
    True
    >>> cyrillic_key("vitalievich") == cyrillic_key("vitaliyovych")
    True
    >>> cyrillic_key("alekseyevich"), cyrillic_key("alexeevich")
    ('alekseovich', 'alekseovich')
    >>> cyrillic_key("obschestvo") == cyrillic_key("obshchestvo") == cyrillic_key("obshestvo")
    True
    """
    for pattern, replacement in _CYRILLIC:
        word = pattern.sub(replacement, word)
    return word


def _keys(word: str, *, syllables: bool) -> frozenset[str]:
    keys = {word}
    if not word.isalpha() or len(word) > MAX_KEYED_WORD:
        return frozenset(keys)
    keys.update(_table_keys().get(word, ()))
    article = _arabic_article_key(word)
    if article is not None:
        keys.add(article)
    if not syllables:
        # Adjacent words written together: no syllable reading (see joined_keys)
        # and no Cyrillic key, which is for one name word's spellings.
        return frozenset(keys)
    if pinyin_syllables(word) is not None:
        return frozenset(keys)
    wade_giles = _from_wade_giles(word)
    keys.update(wade_giles)
    if not wade_giles and len(word) >= CYRILLIC_KEY_MIN and word.isascii():
        # Romanised Chinese has its own keys; "liyuan" is not "liuan".
        keys.add("cyr~" + cyrillic_key(word))
    return frozenset(keys)
