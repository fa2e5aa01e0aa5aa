"""Golden tables of real name pairs: every row must hold at the default threshold."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import cast

import pytest

import entitymatch as em

GOLDEN = Path(__file__).parent / "golden"


def _rows(name: str) -> list[dict[str, str]]:
    with (GOLDEN / name).open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _kind(value: str) -> em.Kind | None:
    return cast("em.Kind", value) if value in ("person", "organization") else None


CORE = _rows("core_pairs.tsv")


@pytest.mark.parametrize("row", CORE, ids=[r["note"] for r in CORE])
def test_core_pairs(row: dict[str, str]) -> None:
    result = em.compare(row["left"], row["right"], kind=_kind(row["kind"]))
    assert result.is_match == (row["expected"] == "match"), result.to_dict()
    # The score does not depend on which name is first.
    assert em.compare(row["right"], row["left"], kind=_kind(row["kind"])).score == result.score


@pytest.mark.parametrize(
    ("left", "right", "how"),
    [
        ("SBERBANK TECHNOLOGIES", "SBERBANK TECHNOLOGY", "exact+word form"),
        ("KOREA ANSAN SHPG CO", "KOREA ANSAN SHIPPING CO", "exact+abbreviation"),
        ("박지성", "Park Ji-sung", "exact+surname spelling"),
        ("First Bank", "1 Bank", "exact+number"),
    ],
)
def test_explanation_says_which_other_form_matched(left: str, right: str, how: str) -> None:
    pairs = em.compare(left, right).to_dict()["pairs"]
    assert how in [pair["how"] for pair in pairs]
