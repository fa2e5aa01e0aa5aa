"""Hong Kong (and Macau) romanisations of Han names, checked on the real spellings of real people.

Each golden row is a given name in Han and its spelling on a list or in the golden pairs,
joined as the matcher compares it ("Yuet-ngor" -> "yuetngor"). Rows taken from
``golden/zh_pairs.tsv`` name the row's note, and the test checks that the row really says so.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entitymatch.data import read_rows
from entitymatch.errors import EntityMatchError
from entitymatch.prepare.cantonese import (
    DEFAULT_LIMIT,
    hk_spellings,
    hk_surname_spellings,
    jyutping_to_hk,
)

ZH_PAIRS = Path(__file__).parent / "golden" / "zh_pairs.tsv"
SPELLING = re.compile(r"[a-z]+")

with ZH_PAIRS.open(encoding="utf-8", newline="") as _handle:
    PAIRS = {row["note"]: row for row in csv.DictReader(_handle, delimiter="\t")}

# (note in zh_pairs.tsv, given name in Han, its syllables as the English side writes them)
ZH_PAIRS_GIVEN = [
    ("li_ka_shing_cantonese", "嘉诚", "ka-shing"),
    ("donald_tsang_western_plus_cantonese", "荫权", "yam-kuen"),
    ("leung_chun_ying_cantonese", "振英", "chun-ying"),
    ("chiang_cantonese_based", "介石", "kai-shek"),
    ("chiang_traditional", "介石", "kai-shek"),
    ("tang_ping_keung_cantonese_deng", "炳强", "ping-keung"),
    ("tang_ping_keung_traditional", "炳強", "ping-keung"),
    ("cheng_yeuk_wah_cantonese", "若骅", "yeuk-wah"),
    ("teresa_cheng_traditional", "若驊", "yeuk-wah"),
    ("lo_wai_chung_cantonese_lu", "伟聪", "wai-chung"),
    ("stephen_lo_traditional", "偉聰", "wai-chung"),
    ("tsang_kwok_wai_cantonese_zeng", "国卫", "kwok-wai"),
    ("lam_cheng_yuet_ngor_cantonese", "月娥", "yuet-ngor"),
    ("carrie_lam_traditional", "月娥", "yuet-ngor"),
    ("chan_kwok_ki_cantonese_chen", "国基", "kwok-ki"),
    ("eric_chan_traditional", "國基", "kwok-ki"),
    ("john_lee_western_given", "家超", "ka-chiu"),
    ("steve_li_cantonese_given", "桂华", "kwai-wah"),
    ("tam_yiu_chung_cantonese", "耀宗", "yiu-chung"),
    ("tam_yiu_chung_traditional", "耀宗", "yiu-chung"),
    ("wan_kuok_koi_macau_inverted", "国驹", "kuok-koi"),
    pytest.param(
        "tung_chee_hwa_non_pinyin",
        "建华",
        "chee-hwa",
        marks=pytest.mark.xfail(reason="Tung's name is spelled from Shanghainese, not Cantonese"),
    ),
    pytest.param(
        "sun_yat_sen_cantonese",
        "逸仙",
        "yat-sen",
        marks=pytest.mark.xfail(reason="'sen' for 仙 sin1 is a 19th-century spelling"),
    ),
]

# (given name in Han, its syllables as written, where it is written)
OTHER_GIVEN = [
    ("鸿燊", "hung-sun", "Stanley Ho Hung-sun, Macau casino founder (何鸿燊)"),
    ("赐蕙", "chi-wai", "OFAC SDN 30322 LAU, Edwina, alt 47524 'LAU, Chi Wai' (刘赐蕙)"),
    ("伟", "wai", "OFAC SDN 23647 WEI, Zhao (赵伟), alt 37351 'WAI, Chio' (Macau)"),
    ("赵", "chio", "OFAC SDN 23647 WEI, Zhao (赵伟), alt 37351 'WAI, Chio' (Macau)"),
    ("厚铧", "hau-wah", "Edmund Ho Hau Wah, Macau Chief Executive 1999-2009 (何厚铧)"),
    ("世安", "sai-on", "Fernando Chui Sai On, Macau Chief Executive 2009-2019 (崔世安)"),
    ("一诚", "iat-seng", "Ho Iat Seng, Macau Chief Executive 2019-2024 (贺一诚)"),
]

# (surname in Han, joined spelling, note in zh_pairs.tsv whose English side has it)
SURNAMES = [
    ("邓", "tang", "chris_tang_western_given"),
    ("郑", "cheng", "teresa_cheng_western_given"),
    ("卢", "lo", "stephen_lo_western_given"),
    ("曾", "tsang", "erick_tsang_western_given"),
    ("林", "lam", "carrie_lam_married_name"),
    ("李", "lee", "john_lee_western_given"),
    ("陈", "chan", "eric_chan_western_given"),
    ("刘", "lau", "edwina_lau_western_given"),
    ("李", "li", "steve_li_cantonese_given"),
    ("谭", "tam", "tam_yiu_chung_cantonese"),
    ("梁", "leung", "leung_chun_ying_cantonese"),
    ("董", "tung", "tung_chee_hwa_non_pinyin"),
    ("何", "ho", "stanley_ho_western_given"),
    ("黎", "lai", "jimmy_lai_western_given"),
    ("尹", "wan", "wan_kuok_koi_macau_inverted"),
    ("鄧", "tang", "tang_ping_keung_traditional"),
    ("鄭", "cheng", "teresa_cheng_traditional"),
    ("盧", "lo", "stephen_lo_traditional"),
    ("陳", "chan", "eric_chan_traditional"),
    ("譚", "tam", "tam_yiu_chung_traditional"),
]

# One row per conversion rule: Jyutping syllable, its usual Hong Kong spelling.
RULES = [
    ("bing2", "ping"),  # b -> p
    ("dang6", "tang"),  # d -> t
    ("gaa1", "ka"),  # g -> k, aa -> a
    ("gwok3", "kwok"),  # gw -> kw
    ("zoeng1", "cheung"),  # z -> ch, oeng -> eung
    ("zang1", "tsang"),  # z -> ts
    ("ceoi4", "tsui"),  # c -> ts, eoi -> ui
    ("sing4", "shing"),  # s -> sh
    ("sin1", "sin"),  # s -> s
    ("jiu6", "yiu"),  # j -> y
    ("ngo4", "ngor"),  # ng, o -> or
    ("loeng4", "leung"),  # oeng -> eung
    ("joek6", "yeuk"),  # oek -> euk
    ("heoi2", "hui"),  # eoi -> ui
    ("ceon1", "chun"),  # eon -> un
    ("jyu4", "yu"),  # j + yu -> yu
    ("jyu4", "yue"),  # j + yu -> yue
    ("zyu1", "chu"),  # yu -> u
    ("kyun4", "kuen"),  # yun -> uen
    ("jyut6", "yuet"),  # j + yut -> yuet
    ("lei5", "lee"),  # ei -> ee
    ("gei1", "kei"),  # ei -> ei
    ("gei1", "ki"),  # ei -> i
    ("zi1", "chi"),  # z + i -> chi
    ("zi2", "tsz"),  # z + i -> tsz
    ("si1", "sze"),  # s + i -> sze
    ("lou4", "lo"),  # ou -> o
    ("gou1", "kou"),  # ou -> ou
    ("fu1", "foo"),  # u -> oo
    ("jing1", "ying"),  # ing -> ing
    ("lik6", "lik"),  # ik -> ik
    ("zan3", "chun"),  # an -> un
    ("waa4", "wah"),  # w + aa -> wah
    ("ng4", "ng"),  # syllabic ng
    ("jat6", "yat"),  # at -> at
]


def _words(english: str) -> set[str]:
    return set(re.findall(r"[a-z]+", english.lower()))


@pytest.mark.parametrize(("note", "han", "syllables"), ZH_PAIRS_GIVEN)
def test_given_names_of_the_golden_pairs(note: str, han: str, syllables: str) -> None:
    row = PAIRS[note]
    assert han in row["han"]
    assert set(syllables.split("-")) <= _words(row["english"])  # "KOI, Wan Kuok" has kuok, koi
    assert syllables.replace("-", "") in hk_spellings(han)


@pytest.mark.parametrize(
    ("han", "syllables", "source"), OTHER_GIVEN, ids=[row[2][:40] for row in OTHER_GIVEN]
)
def test_given_names_on_the_lists(han: str, syllables: str, source: str) -> None:
    assert syllables.replace("-", "") in hk_spellings(han), source


@pytest.mark.parametrize(("han", "spelling", "note"), SURNAMES, ids=[r[2] for r in SURNAMES])
def test_surnames(han: str, spelling: str, note: str) -> None:
    assert spelling in _words(PAIRS[note]["english"])
    assert spelling in hk_surname_spellings(han)
    assert spelling in hk_spellings(han)


@pytest.mark.parametrize(("jyutping", "spelling"), RULES, ids=[f"{j}-{s}" for j, s in RULES])
def test_conversion_rules(jyutping: str, spelling: str) -> None:
    assert spelling in jyutping_to_hk(jyutping)


def test_first_spellings_are_the_usual_ones() -> None:
    assert hk_spellings("嘉诚")[0] == "kashing"
    assert hk_spellings("伟聪")[0] == "waichung"
    assert hk_spellings("耀宗")[0] == "yiuchung"
    assert jyutping_to_hk("zoeng1")[0] == "cheung"
    assert jyutping_to_hk("zang1")[0] == "tsang"


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [("炳强", "炳強"), ("郑若骅", "鄭若驊"), ("伟聪", "偉聰"), ("陈国基", "陳國基"),
     ("嘉诚", "嘉誠"), ("荫权", "蔭權"), ("国驹", "國駒"), ("桂华", "桂華")],
)  # fmt: skip
def test_traditional_reads_as_simplified(simplified: str, traditional: str) -> None:
    # The dictionary may order a character's rarer readings differently in the two scripts
    # (华 waa4 waa2 faa1, 華 waa4 faa1 waa2): the same spellings, the same first.
    spellings = hk_spellings(simplified)
    assert set(hk_spellings(traditional)) == set(spellings)
    assert hk_spellings(traditional)[0] == spellings[0]


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [("卢伟聪", "盧偉聰"), ("邓炳强", "鄧炳強"), ("林郑月娥", "林鄭月娥")],
)
def test_traditional_full_names_read_alike(simplified: str, traditional: str) -> None:
    # The dictionary orders the rarer readings of 卢 and 盧 differently: the tail may differ.
    assert hk_spellings(traditional)[:3] == hk_spellings(simplified)[:3]


@pytest.mark.parametrize(
    "text", ["", "A", "Li", "1", " ", "李 嘉诚", "李A", "\ue000", "😀", "ー", "。"]
)
def test_text_without_a_cantonese_reading_gives_nothing(text: str) -> None:
    assert hk_spellings(text) == ()


def test_limit_bounds_and_orders() -> None:
    every = hk_spellings("林郑月娥", limit=50)
    assert len(every) > DEFAULT_LIMIT
    assert hk_spellings("林郑月娥") == every[:DEFAULT_LIMIT]
    assert hk_spellings("林郑月娥", limit=1) == every[:1]
    with pytest.raises(EntityMatchError, match="limit"):
        hk_spellings("月娥", limit=0)


def test_macau_spellings_are_never_mixed_with_hong_kong_ones() -> None:
    spellings = hk_spellings("国驹", limit=50)
    assert "kuokkoi" in spellings  # Macau: Wan Kuok Koi
    assert "kwokkui" in spellings  # Hong Kong
    assert "kwokkoi" not in spellings  # neither


def test_surname_table_decides_for_surnames() -> None:
    assert hk_surname_spellings("曾") == ("tsang",)
    assert hk_surname_spellings("欧阳") == ("auyeung",)
    # 冉 has no curated Hong Kong spelling: its reading (jim5) is spelled instead.
    assert hk_surname_spellings("冉")[0] == "yim"


def test_rules_agree_with_the_curated_surname_spellings() -> None:
    """The rules reach the curated first spelling of nearly every surname from its readings.

    The two misses read 卜 (pok) and 佘 (sher) otherwise than the dictionary's first readings.
    """
    rows = [row for row in read_rows("zh_surnames.tsv") if row["cantonese"]]
    reached = [
        row["han"]
        for row in rows
        if row["cantonese"].split("|")[0].replace("-", "")
        in hk_spellings(row["traditional"] or row["han"])
    ]
    assert len(rows) - len(reached) <= 3, sorted({r["han"] for r in rows} - set(reached))


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
han_text = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=6)


@SETTINGS
@given(st.text(max_size=30), st.integers(min_value=1, max_value=20))
def test_any_text_never_raises(text: str, limit: int) -> None:
    spellings = hk_spellings(text, limit=limit)
    assert len(spellings) <= limit
    assert len(set(spellings)) == len(spellings)
    assert all(SPELLING.fullmatch(s) for s in spellings)


@SETTINGS
@given(han_text, st.integers(min_value=1, max_value=20))
def test_han_gives_ascii_lowercase_spellings(text: str, limit: int) -> None:
    spellings = hk_spellings(text, limit=limit)
    assert len(spellings) <= limit
    assert len(set(spellings)) == len(spellings)
    assert all(SPELLING.fullmatch(s) for s in spellings)
    assert hk_spellings(text, limit=limit) == spellings  # stable
