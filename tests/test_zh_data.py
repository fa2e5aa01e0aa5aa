"""Integrity of the Chinese data: the brand alias table and the zh golden sets.

These tests read the files themselves, with the standard library only, so they
hold whatever the library's loaders do: no duplicates, no empty or unsourced
rows, NFC text, Han where Han is promised, enough rows, and no pair that is
both a match and a non-match.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
BRANDS = HERE.parent / "src" / "entitymatch" / "data" / "zh_brands.csv"
PAIRS = HERE / "golden" / "zh_pairs.tsv"
NEGATIVES = HERE / "golden" / "zh_negatives.tsv"

BRAND_COLUMNS = ["canonical", "alias", "entity_id", "source"]
PAIR_COLUMNS = ["kind", "han", "english", "category", "note", "source", "party"]
NEGATIVE_COLUMNS = ["kind", "a", "b", "note", "source"]

KINDS = {"organization", "person", "place"}
CATEGORIES = {
    "company",
    "university",
    "institute",
    "government",
    "official",
    "romanisation",
    "traditional",
    "foreign_transliteration",
    "foreign_translation",
    "brand",
}

# Floors the brief set for each file; the files hold more.
MIN_BRANDS = 100
MIN_PAIRS = 150
MIN_NEGATIVES = 50

# Unicode names of Han characters start with one of these (Unified Ideographs in
# every extension block, and the compatibility ideographs).
HAN_NAME_PREFIXES = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")


def has_han(text: str) -> bool:
    return any(unicodedata.name(ch, "").startswith(HAN_NAME_PREFIXES) for ch in text)


def read_brands() -> tuple[list[str], list[list[str]]]:
    lines = BRANDS.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#"), f"{BRANDS.name} must open with a comment block"
    body = [line for line in lines if not line.startswith("#")]
    rows = list(csv.reader(body))
    return rows[0], rows[1:]


def read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def assert_clean(path: Path, header: list[str], rows: list[list[str]], required: list[str]) -> None:
    """Shared checks: width, duplicates, empty fields, NFC, stray whitespace."""
    problems = []
    for number, row in enumerate(rows, start=2):
        where = f"{path.name}:{number}"
        if len(row) != len(header):
            problems.append(f"{where}: {len(row)} fields, expected {len(header)}")
            continue
        record = dict(zip(header, row, strict=True))
        problems += [f"{where}: empty {column!r}" for column in required if not record[column]]
        for column, value in record.items():
            if unicodedata.normalize("NFC", value) != value:
                problems.append(f"{where}: {column!r} is not NFC: {value!r}")
            if value != value.strip():
                problems.append(f"{where}: {column!r} has surrounding whitespace: {value!r}")
    duplicates = [row for row, count in Counter(map(tuple, rows)).items() if count > 1]
    problems += [f"{path.name}: duplicate row {row}" for row in duplicates]
    assert not problems, "\n".join(problems)


# --- zh_brands.csv


def test_brands_header_and_rows_are_clean() -> None:
    header, rows = read_brands()
    assert header == BRAND_COLUMNS
    assert_clean(BRANDS, header, rows, ["canonical", "alias", "source"])


def test_brands_have_enough_rows() -> None:
    _, rows = read_brands()
    assert len(rows) >= MIN_BRANDS


def test_brand_pairs_are_unique() -> None:
    _, rows = read_brands()
    pairs = Counter((canonical, alias) for canonical, alias, *_ in rows)
    assert [pair for pair, count in pairs.items() if count > 1] == []


def test_brand_aliases_are_han_and_canonicals_are_not() -> None:
    _, rows = read_brands()
    assert [alias for _, alias, *_ in rows if not has_han(alias)] == []
    assert [canonical for canonical, *_ in rows if has_han(canonical)] == []


def test_brand_table_is_phrase_level() -> None:
    _, rows = read_brands()
    assert [row for row in rows if row[2]] == []


# --- zh_pairs.tsv


def test_pairs_header_and_rows_are_clean() -> None:
    header, rows = read_tsv(PAIRS)
    assert header == PAIR_COLUMNS
    assert_clean(PAIRS, header, rows, PAIR_COLUMNS[:-1])  # party is optional


def test_pair_party_names_another_row() -> None:
    """``party`` links a row to the row that names the same legal person (a brand
    to its company's registered name): the note of another row."""
    _, rows = read_tsv(PAIRS)
    notes = {row[4] for row in rows}
    assert [row[4] for row in rows if row[6] and (row[6] not in notes or row[6] == row[4])] == []


def test_pairs_have_enough_rows() -> None:
    _, rows = read_tsv(PAIRS)
    assert len(rows) >= MIN_PAIRS


def test_pairs_use_known_kinds_and_categories() -> None:
    _, rows = read_tsv(PAIRS)
    assert {row[0] for row in rows} <= KINDS
    assert {row[3] for row in rows} <= CATEGORIES


def test_pair_han_side_has_han_and_english_side_has_none() -> None:
    _, rows = read_tsv(PAIRS)
    assert [row[1] for row in rows if not has_han(row[1])] == []
    assert [row[2] for row in rows if has_han(row[2])] == []


def test_pairs_are_unique() -> None:
    _, rows = read_tsv(PAIRS)
    pairs = Counter((row[1], row[2]) for row in rows)
    assert [pair for pair, count in pairs.items() if count > 1] == []


def test_pair_notes_are_unique_ids() -> None:
    _, rows = read_tsv(PAIRS)
    notes = Counter(row[4] for row in rows)
    assert [note for note, count in notes.items() if count > 1] == []


# --- zh_negatives.tsv


def test_negatives_header_and_rows_are_clean() -> None:
    header, rows = read_tsv(NEGATIVES)
    assert header == NEGATIVE_COLUMNS
    assert_clean(NEGATIVES, header, rows, NEGATIVE_COLUMNS)


def test_negatives_have_enough_rows() -> None:
    _, rows = read_tsv(NEGATIVES)
    assert len(rows) >= MIN_NEGATIVES


def test_negatives_use_known_kinds() -> None:
    _, rows = read_tsv(NEGATIVES)
    assert {row[0] for row in rows} <= KINDS


def test_negatives_pair_two_different_names() -> None:
    _, rows = read_tsv(NEGATIVES)
    assert [row for row in rows if row[1] == row[2]] == []


def test_negatives_are_unique_in_either_order() -> None:
    _, rows = read_tsv(NEGATIVES)
    pairs = Counter(frozenset((row[1], row[2])) for row in rows)
    assert [sorted(pair) for pair, count in pairs.items() if count > 1] == []
    notes = Counter(row[3] for row in rows)
    assert [note for note, count in notes.items() if count > 1] == []


def test_no_negative_is_also_a_positive() -> None:
    positives = {frozenset((row[1], row[2])) for row in read_tsv(PAIRS)[1]}
    positives |= {frozenset((row[0], row[1])) for row in read_brands()[1]}
    _, rows = read_tsv(NEGATIVES)
    clashes = [row[3] for row in rows if frozenset((row[1], row[2])) in positives]
    assert clashes == []
