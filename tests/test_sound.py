"""Sound keys: real transliterations from zh_pairs.tsv meet their source; unrelated names don't.

The measured trade-off behind the rules and budgets is in benchmarks/sound_keys.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypinyin import lazy_pinyin

import entitymatch as em
from entitymatch.prepare.sound import (
    ALPHABET,
    MIN_KEY_LENGTH,
    edit_budget,
    latin_sound_key,
    pinyin_sound_key,
    sound_similarity,
)

GOLDEN = Path(__file__).parent / "golden" / "zh_pairs.tsv"


def _golden() -> dict[str, dict[str, str]]:
    with GOLDEN.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return {r["note"]: r for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


ROWS = _golden()


def _similarity(han: str, word: str) -> float:
    return sound_similarity(pinyin_sound_key(lazy_pinyin(han)), latin_sound_key(word))


# (zh_pairs note, the transliterated part of its Han, the English word it renders).
# The part is the Han name less what is translated (公司 corporation, 技术 technologies,
# 二世 II) and split at the middle dot, as the matcher's Han segmentation gives it.
MATCHES = [
    ("pompeo", "蓬佩奥", "Pompeo"),
    ("mike_pompeo_middle_dot", "蓬佩奥", "Pompeo"),
    ("pompeo_taiwan_transliteration", "龐皮歐", "Pompeo"),
    ("bolton", "博尔顿", "Bolton"),
    ("bolton_taiwan_transliteration", "波頓", "Bolton"),
    ("bannon", "班农", "Bannon"),
    ("bannon_taiwan_transliteration", "巴農", "Bannon"),
    ("navarro", "纳瓦罗", "Navarro"),
    ("obrien_apostrophe", "奥布莱恩", "O'Brien"),
    ("stilwell_chinese_style_name", "史达伟", "Stilwell"),
    ("pottinger", "波廷杰", "Pottinger"),
    ("krach", "克拉奇", "Krach"),
    ("craft", "克拉夫特", "Craft"),
    ("cruz", "克鲁兹", "Cruz"),
    ("smith", "史密斯", "Smith"),
    ("brownback", "布朗巴克", "Brownback"),
    ("pelosi", "佩洛西", "Pelosi"),
    ("nancy_pelosi_middle_dot", "南希", "Nancy"),
    ("nancy_pelosi_middle_dot", "佩洛西", "Pelosi"),
    ("obama", "奥巴马", "Obama"),
    ("trump_prc_form", "特朗普", "Trump"),
    ("biden", "拜登", "Biden"),
    ("moscow", "莫斯科", "Moscow"),
    ("intel", "英特尔", "Intel"),
    ("tesla", "特斯拉", "Tesla"),
    ("coca_cola_phono_semantic", "可口可乐", "Coca-Cola"),
    ("lockheed_martin_middle_dot", "洛克希德", "Lockheed"),
    ("lockheed_martin_middle_dot", "马丁", "Martin"),
    ("raytheon_md_phono_semantic", "雷神", "Raytheon"),  # sounds alike, and means thunder god
    ("raytheon_technologies", "雷神", "Raytheon"),
]

# One edit apart: the budget allows it from five letters on.
NEAR = [
    ("washington", "华盛顿", "Washington"),  # hua for wa: HSNTN / WSNTN
]

# Golden foreign rows this design does not match, and why.
MISSES = [
    ("rubio", "卢比奥", "Rubio", "key LP is shorter than MIN_KEY_LENGTH"),
    ("boeing", "波音", "Boeing", "key PN is shorter than MIN_KEY_LENGTH"),
    ("boeing_defense_enumeration", "波音", "Boeing", "key PN is shorter than MIN_KEY_LENGTH"),
    ("mike_pompeo_middle_dot", "迈克", "Mike", "key MK is shorter than MIN_KEY_LENGTH"),
    ("azar", "阿扎", "Azar", "key too short; and 扎 zha writes z as zh"),
    ("google", "谷歌", "Google", "KK vs KKL: too short for an edit"),
    ("elizabeth", "伊丽莎白", "Elizabeth", "ALSP vs ALSPS: th dropped, one edit at 4 letters"),
    ("elizabeth_ii_regnal_number", "伊丽莎白", "Elizabeth", "as elizabeth"),
    ("nvidia", "英伟达", "NVIDIA", "ying for the letter name en-: ANWT vs NWT"),
    ("micron_half_transliterated", "美光", "Micron", "r dropped: MKN vs MKLN"),
    ("mcdonalds_transliteration", "麦当劳", "McDonald's", "Mc and -ld's reshaped: MTNL"),
    ("starbucks_half_translated", "星巴克", "Starbucks", "星 translates star"),
    ("kfc_transliterates_kentucky", "肯德基", "KFC", "transliterates Kentucky, not KFC"),
    ("new_york_half_translated", "纽约", "New York", "two words as one Han word, key N"),
]


CASES = [(n, h, w) for n, h, w in MATCHES + NEAR] + [(n, h, w) for n, h, w, _ in MISSES]


@pytest.mark.parametrize(("note", "han", "word"), CASES, ids=[f"{n}:{w}" for n, _, w in CASES])
def test_cases_are_golden_rows(note: str, han: str, word: str) -> None:
    row = ROWS[note]
    assert han in row["han"], row
    assert word.lower() in row["english"].lower(), row


def test_every_golden_transliteration_is_a_case() -> None:
    foreign = {
        note
        for note, row in ROWS.items()
        if row["category"] == "foreign_transliteration" or note.endswith("_taiwan_transliteration")
    }
    assert foreign - {note for note, _, _ in CASES} == set()


@pytest.mark.parametrize(("note", "han", "word"), MATCHES, ids=[f"{n}:{w}" for n, _, w in MATCHES])
def test_golden_transliterations_have_equal_keys(note: str, han: str, word: str) -> None:
    assert pinyin_sound_key(lazy_pinyin(han)) == latin_sound_key(word)
    assert _similarity(han, word) == 1.0


@pytest.mark.parametrize(("note", "han", "word"), NEAR, ids=[n for n, _, _ in NEAR])
def test_golden_transliterations_one_edit_apart(note: str, han: str, word: str) -> None:
    assert 0.0 < _similarity(han, word) < 1.0


@pytest.mark.parametrize(
    ("note", "han", "word", "why"),
    [pytest.param(*m, marks=pytest.mark.xfail(reason=m[3], strict=True)) for m in MISSES],
    ids=[f"{n}:{w}" for n, _, w, _ in MISSES],
)
def test_golden_transliterations_known_misses(note: str, han: str, word: str, why: str) -> None:
    assert _similarity(han, word) > 0, why


# Real names that share a consonant skeleton but are different parties: the Chinese
# trade names and surnames of zh_pairs.tsv against words of the CSL / OFAC SDN names,
# each matched by a plain consonant key (letters mapped one by one) and kept apart by
# a rule of this one.
NEGATIVES = [
    ("海康威视", "Highways", "Hikvision: hy/hi is pinyin x, not h"),
    ("海能达", "Hyundai", "Hytera: Hy- is xi, and n-n-d is not n-d"),
    ("洪都", "Hyundai", "Hongdu Aviation"),
    ("卫通", "Aviation", "China Satcom: a word opening with a vowel is marked"),
    ("彩虹", "Shahin", "CH UAV: cai is ts, not sh+h"),
    ("旷视", "Genesis", "Megvii: soft g"),
    ("曙光", "Syskon", "Dawning (Sugon)"),
    ("网力", "Viner", "NetPosa: a final r is silent"),
    ("腾讯", "Tanzanian", "Tencent: one more nasal"),
    ("联想", "Lorenzana", "Lenovo: lo-ren vs lian"),
    ("奥巴马", "Osama", "Obama is not Osama: b vs s"),
    ("克拉夫特", "Aircraft", "Craft: the opening vowel of aircraft"),
    ("卢比奥", "Libya", "Rubio and Libya share LP, too short to be evidence"),
    ("史密斯", "Schmidt", "Smith (shi mi si) is not Schmidt (施密特 shi mi te)"),
    ("蓬佩奥", "Pompidou", "Pompeo vs Pompidou: one sound more at three letters"),
    ("博尔顿", "Boston", "Bolton vs Boston"),
]


@pytest.mark.parametrize(("han", "word", "why"), NEGATIVES, ids=[w for _, w, _ in NEGATIVES])
def test_golden_negatives(han: str, word: str, why: str) -> None:
    assert _similarity(han, word) == 0.0, why


def test_schmidt_is_shi_mi_te() -> None:
    assert _similarity("施密特", "Schmidt") == 1.0


# -- properties ---------------------------------------------------------------------------

_KEYS = st.text(alphabet=sorted(ALPHABET), max_size=12)


def _levenshtein(a: str, b: str) -> int:
    """Textbook dynamic programme: the oracle for the C++ distance and the budget."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


@given(st.text())
def test_latin_key_is_ascii_over_the_alphabet(text: str) -> None:
    key = latin_sound_key(text)
    assert key.isascii()
    assert set(key) <= ALPHABET


@given(st.lists(st.text()))
def test_pinyin_key_is_ascii_over_the_alphabet(syllables: list[str]) -> None:
    key = pinyin_sound_key(syllables)
    assert key.isascii()
    assert set(key) <= ALPHABET


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=8))
def test_pinyin_key_of_any_han_is_over_the_alphabet(han: str) -> None:
    assert set(pinyin_sound_key(lazy_pinyin(han))) <= ALPHABET


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=20))
def test_latin_key_ignores_case_and_punctuation(word: str) -> None:
    key = latin_sound_key(word)
    assert latin_sound_key(word.upper()) == key
    assert latin_sound_key("-".join(word)) == key


@given(_KEYS, _KEYS)
def test_similarity_is_symmetric_and_in_range(a: str, b: str) -> None:
    similarity = sound_similarity(a, b)
    assert 0.0 <= similarity <= 1.0
    assert sound_similarity(b, a) == similarity


@given(_KEYS)
def test_similarity_is_one_on_equal_keys_long_enough(key: str) -> None:
    assert sound_similarity(key, key) == (1.0 if len(key) >= MIN_KEY_LENGTH else 0.0)


@given(_KEYS, _KEYS)
def test_similarity_is_edit_distance_within_budget(a: str, b: str) -> None:
    """A match is exactly "distance <= budget of the shorter key", and that budget is
    within each key's own, so deletion neighbourhoods of each key's own budget find it."""
    budget = edit_budget(min(len(a), len(b)))
    distance = _levenshtein(a, b)
    assert (sound_similarity(a, b) > 0) == (budget >= 0 and distance <= budget)
    if sound_similarity(a, b) > 0:
        assert distance <= edit_budget(len(a))
        assert distance <= edit_budget(len(b))


def test_budget_grows_with_length() -> None:
    budgets = [edit_budget(n) for n in range(40)]
    assert budgets == sorted(budgets)
    assert budgets[:MIN_KEY_LENGTH] == [-1] * MIN_KEY_LENGTH
    assert budgets[MIN_KEY_LENGTH] == 0


@pytest.mark.parametrize(
    "syllables",
    [[], [""], ["·"], ["123"], ["n"], ["m"], ["hm"], ["ng"], ["er"], ["lv", "nv"], ["Intel"]],
)
def test_pinyin_key_odd_syllables(syllables: list[str]) -> None:
    assert set(pinyin_sound_key(syllables)) <= ALPHABET


def _heard_together(left: str, right: str) -> list[dict[str, object]]:
    pairs = em.compare(left, right, kind="person").to_dict()["pairs"]
    return [p for p in pairs if p["how"] == "sound+joined" and " " in str(p["left"])]


def test_two_short_keys_are_heard_together_only_when_equal() -> None:
    # MK + LP = MKLP: the whole name, word by word, where each key alone is too short.
    assert _heard_together("马尔科·卢比奥", "Marco Rubio")
    # One edit apart (ALKSAJ / ALKSTJ: a whole short word differs) is no pair.
    assert not _heard_together("亚历克斯·阿扎", "Oleksiy DYKYY")
    # A Chinese surname and given name are compared by pinyin, never heard so
    # (陈明国 chen | mingguo and Jianming Cao, an SDN name given name first, share
    # the key JNMNK put together).
    assert not _heard_together("陈明国", "Jianming Cao")
