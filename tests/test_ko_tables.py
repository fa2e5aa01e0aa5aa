"""The Korean glossary table: well-formed rows, and segmentation that keeps to them."""

from __future__ import annotations

import pytest

from entitymatch.data import read_rows
from entitymatch.prepare import prepare
from entitymatch.prepare.korean import korean_words

ROWS = read_rows("ko_glossary.tsv")


def _hangul_syllables(text: str) -> bool:
    return all("\uac00" <= char <= "\ud7a3" for char in text)


@pytest.mark.parametrize("row", ROWS, ids=[row["hangul"] for row in ROWS])
def test_glossary_row_is_well_formed(row: dict[str, str]) -> None:
    # Two syllables or more: a one-syllable word would cut syllables out of trade
    # names when a name is segmented.
    assert _hangul_syllables(row["hangul"])
    assert len(row["hangul"]) >= 2
    assert row["class"] in ("industry", "place")
    renderings = row["english"].split("|")
    assert all(r and r == r.strip().lower() for r in renderings)


def test_glossary_words_are_unique() -> None:
    words = [row["hangul"] for row in ROWS]
    assert len(words) == len(set(words))


def test_trade_name_between_glossary_words_is_one_word() -> None:
    words = korean_words("조선련하기계합영회사", None)
    assert words is not None
    assert [(w.hangul, w.tag) for w in words[:4]] == [
        ("조선", "place"),
        ("련하", ""),
        ("기계", "industry"),
        ("합영", "industry"),
    ]
    # The legal form is left to the legal-form recogniser.
    assert [form.cls for form in prepare("조선련하기계합영회사").legal_forms] == ["company"]


def test_a_one_syllable_form_is_not_split_off_a_name() -> None:
    # 주 is a legal form only as (주); 광주 (Gwangju) ends in it.
    words = korean_words("삼성전자광주", "organization")
    assert words is not None
    assert [w.hangul for w in words] == ["삼성", "전자", "광주"]


def test_person_names_keep_their_syllables() -> None:
    assert [t.text for t in prepare("김정은").tokens] == ["gim", "jeong", "eun"]
    assert [t.text for t in prepare("조선", "person").tokens] == ["jo", "seon"]
