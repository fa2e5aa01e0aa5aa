"""Chinese golden sets: Han names against English list names, and hard negatives.

Every row of ``tests/golden/zh_pairs.tsv`` must match and every row of
``zh_negatives.tsv`` must not, except the rows ``zh_known_limits.tsv`` lists with
a reason: those are strict expected failures, so a fix is noticed.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import cast

import pytest

import entitymatch as em
from entitymatch.prepare import prepare

GOLDEN = Path(__file__).parent / "golden"


def _rows(name: str) -> list[dict[str, str]]:
    with (GOLDEN / name).open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


LIMITS = {(row["file"], row["note"]): row["reason"] for row in _rows("zh_known_limits.tsv")}
PAIRS = _rows("zh_pairs.tsv")
NEGATIVES = _rows("zh_negatives.tsv")


def _kind(value: str) -> em.Kind | None:
    return cast("em.Kind", value) if value in ("person", "organization") else None


def _params(rows: list[dict[str, str]], file: str) -> list[object]:
    params = []
    for row in rows:
        reason = LIMITS.get((file, row["note"]))
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(row, id=row["note"], marks=marks))
    return params


@pytest.mark.parametrize("row", _params(PAIRS, "zh_pairs.tsv"))
def test_han_name_matches_its_english_list_name(row: dict[str, str]) -> None:
    result = em.compare(row["han"], row["english"], kind=_kind(row["kind"]))
    assert result.is_match, result.to_dict()


@pytest.mark.parametrize("row", _params(NEGATIVES, "zh_negatives.tsv"))
def test_different_parties_do_not_match(row: dict[str, str]) -> None:
    result = em.compare(row["a"], row["b"], kind=_kind(row["kind"]))
    assert not result.is_match, result.to_dict()


def test_the_sets_are_large_and_mostly_right() -> None:
    limits_pairs = sum(1 for file, _ in LIMITS if file == "zh_pairs.tsv")
    limits_negatives = sum(1 for file, _ in LIMITS if file == "zh_negatives.tsv")
    assert len(PAIRS) - limits_pairs >= 150
    assert len(NEGATIVES) - limits_negatives >= 50
    notes = {row["note"] for row in PAIRS} | {row["note"] for row in NEGATIVES}
    assert {note for _, note in LIMITS} <= notes  # no stale limit


def test_explanation_shows_the_anatomy() -> None:
    result = em.compare(
        "杭州海康威视数字技术股份有限公司", "Hangzhou Hikvision Digital Technology Co., Ltd."
    ).to_dict()
    pairs = {p["left_source"]: p for p in result["pairs"]}
    assert pairs["海康威视"]["how"] == "exact+brand"
    assert pairs["海康威视"]["right"] == "hikvision"
    assert pairs["杭州"]["right"] == "hangzhou"
    assert pairs["杭州"]["how"] == "exact+pinyin"
    roles = {t["source"]: t.get("role") for t in result["left"]["tokens"]}
    assert roles["杭州"] == "place"
    assert roles["海康威视"] == "trade"
    assert result["legal_forms"]["left"] == ["joint_stock"]


@pytest.mark.parametrize(
    ("han", "goes_by"),
    [
        ("马丁", {"martin"}),  # CC-CEDICT: Martin
        # 马丁 is one of two named parts: the firm does not go by "Martin".
        ("洛克希德·马丁公司", set()),
        # A place in brackets qualifies the brand; it is not another part.
        ("中国联合网络通信（香港）股份有限公司", {"chinaunicom"}),
        ("长江存储科技有限责任公司", {"ymtc", "yangtzememory"}),
    ],
)
def test_what_a_han_run_goes_by_is_the_names_only_when_it_is_its_one_part(
    han: str, goes_by: set[str]
) -> None:
    assert prepare(han, "organization").aliases == goes_by


def test_a_foreign_firm_is_not_its_second_name_alone() -> None:
    # Lockheed Martin, in the transliteration of China's unreliable-entity list.
    assert not em.compare("洛克希德·马丁公司", "Martin", kind="organization").is_match
    full = em.compare("洛克希德·马丁公司", "Lockheed Martin Corporation", kind="organization")
    assert full.is_match


@pytest.mark.parametrize(
    ("han", "english"),
    [
        ("烽火通信科技股份有限公司", "FiberHome Telecommunication Technologies Co., Ltd."),
        ("中科寒武纪科技股份有限公司", "Cambricon Technologies Corporation Limited"),
    ],
)
def test_industry_words_translate_in_either_number(han: str, english: str) -> None:
    # 科技 is "Technology" in the glossary; firms write "Technologies" too.
    pairs = em.compare(han, english, kind="organization").to_dict()["pairs"]
    assert any(p["left_source"] == "科技" and p["right"] == "technologies" for p in pairs)


def test_a_place_or_name_may_be_written_as_its_pinyin_initials() -> None:
    # SZ DJI (CSL _id 33111): 深圳 shen zhen is SZ, and the pair says so.
    found = em.compare("深圳市大疆创新科技有限公司", "SZ DJI Technology Co., Ltd.")
    pairs = found.to_dict()["pairs"]
    assert any(p["left_source"] == "深圳" and p["how"] == "pinyin initials" for p in pairs)


def test_an_industry_word_is_never_an_initialism() -> None:
    # 科技 ke ji is "technology", not KJ; 集团 ji tuan is "group", not JT.
    for han, initials in (("科技", "KJ"), ("集团", "JT")):
        pairs = em.compare(han, initials).to_dict()["pairs"]
        assert not any(p["how"] == "pinyin initials" for p in pairs)


def test_a_dictionary_note_is_never_read_as_english() -> None:
    # CC-CEDICT glosses that refer to another word ("same as 自个儿[zi4 ge3 r5]",
    # "United Kingdom 联合王国[...]") or give a Taiwan reading ("Taiwan pr. [...]")
    # are notes: read as English they became junk words that any two such
    # entries shared ("alsowritten", "taiwanpr") or pinyin glued to a name.
    from entitymatch.prepare.han import _cedict

    entries = _cedict()
    taiwan = sorted(form for form, entry in entries.items() if "taiwanpr" in entry.english)
    assert not taiwan, taiwan[:10]
    assert entries["朝鲜"].english == ("northkorea",)  # "Taiwan pr. [Chao2 xian3]" is not one
    assert entries["长安"].english == ()  # was "nowchangquchangqu": "now 长安区[Chang2 an1 Qu1]"
    uk = prepare("英国石油公司", "organization").tokens[0]
    assert uk.source == "英国"
    assert not any("lianhe" in alt for alt in uk.alts)


@pytest.mark.parametrize("han", ["美国", "日本", "欧盟", "伊朗"])
def test_a_country_opening_a_foreign_name_is_a_place(han: str) -> None:
    # 美国国家民主基金会 (the National Endowment for Democracy, on China's 2019
    # countermeasures): the country the Han name adds is missing, not distinctive.
    first = prepare(han + "国家民主基金会", "organization").tokens[0]
    assert (first.source, first.tag) == (han, "place")
