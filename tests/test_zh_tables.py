"""Integrity and spot-fact tests for the curated Chinese reference tables.

The tables are parsed here directly, not through the library's loader, so that a broken
file fails these tests whatever the loader does with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from entitymatch.score import VARIANT_SIMILARITY, text_similarity

DATA = Path(__file__).resolve().parents[1] / "src" / "entitymatch" / "data"

PLACE_LEVELS = {"country", "province", "prefecture", "district", "county", "zone", "historical"}
GLOSSARY_CLASSES = {"industry", "institution", "admin", "generic", "military", "government"}
VARIANT_CLASSES = {"ethnonym", "place", "given_name", "surname", "word"}

# Single characters the glossary may hold: administrative suffixes and the few words that
# really close names on the lists. Anything else of one character is a segmentation hazard.
GLOSSARY_SINGLE_CHARACTERS = set("省市区县盟旗镇乡村厂所院局部厅")

PINYIN = re.compile(r"[a-z']+")
TOKEN = re.compile(r"[a-z]+")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ebef]+")


@dataclass(frozen=True)
class Table:
    """A parsed TSV table: its comment block, header and rows with their line numbers."""

    name: str
    comments: list[str]
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def read_table(name: str) -> Table:
    path = DATA / name
    comments: list[str] = []
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.startswith("#"):
            comments.append(line)
            continue
        if not line:
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        assert len(cells) == len(header), (
            f"{name}:{number}: {len(cells)} cells, expected {len(header)}"
        )
        rows.append((number, dict(zip(header, cells, strict=True))))
    assert header is not None, f"{name}: no header line"
    return Table(name, comments, header, rows)


PLACES = "zh_places.tsv"
GLOSSARY = "zh_glossary.tsv"
SURNAMES = "zh_surnames.tsv"
VARIANTS = "name_variants.tsv"

COLUMNS = {
    PLACES: ["han", "traditional", "pinyin", "variants", "level", "parent", "suffix"],
    GLOSSARY: ["han", "traditional", "english", "class", "note"],
    SURNAMES: ["han", "traditional", "pinyin", "wade_giles", "cantonese", "taiwan", "compound"],
    VARIANTS: ["canonical", "variants", "class", "source"],
}
REQUIRED = {
    PLACES: ["han", "pinyin", "level"],
    GLOSSARY: ["han", "english", "class"],
    SURNAMES: ["han", "pinyin", "wade_giles", "compound"],
    VARIANTS: ["canonical", "variants", "class", "source"],
}
ALL_TABLES = list(COLUMNS)


def values(cell: str) -> list[str]:
    """Split a multi-valued cell; an empty cell has no values."""
    return cell.split("|") if cell else []


@pytest.fixture(scope="module", params=ALL_TABLES)
def table(request: pytest.FixtureRequest) -> Table:
    return read_table(request.param)


@pytest.fixture(scope="module")
def places() -> Table:
    return read_table(PLACES)


@pytest.fixture(scope="module")
def glossary() -> Table:
    return read_table(GLOSSARY)


@pytest.fixture(scope="module")
def surnames() -> Table:
    return read_table(SURNAMES)


@pytest.fixture(scope="module")
def variants() -> Table:
    return read_table(VARIANTS)


# --- every table ---------------------------------------------------------------------------


def test_header_columns(table: Table) -> None:
    assert table.header == COLUMNS[table.name]


def test_comment_block_defines_every_field(table: Table) -> None:
    text = "\n".join(table.comments)
    for column in table.header:
        assert re.search(rf"#\s+{column}\s", text), f"{table.name}: field {column!r} not defined"


def test_comment_block_names_sources_and_licence(table: Table) -> None:
    assert any(line.startswith("# Sources:") for line in table.comments), table.name
    assert any(line.startswith("# Licence:") for line in table.comments), table.name


def test_required_fields_are_filled(table: Table) -> None:
    empty = [
        f"{table.name}:{number}: empty {column}"
        for number, row in table.rows
        for column in REQUIRED[table.name]
        if not row[column].strip()
    ]
    assert not empty, "\n".join(empty)


def test_text_is_nfc_and_trimmed(table: Table) -> None:
    bad = [
        f"{table.name}:{number}: {column}={cell!r}"
        for number, row in table.rows
        for column, cell in row.items()
        if unicodedata.normalize("NFC", cell) != cell or cell != cell.strip() or "||" in cell
    ]
    assert not bad, "\n".join(bad)


def test_latin_text_is_lowercase(table: Table) -> None:
    skip = {"source", "note"}  # prose: list spellings are quoted in their own case
    bad = [
        f"{table.name}:{number}: {column}={cell!r}"
        for number, row in table.rows
        for column, cell in row.items()
        if column not in skip and cell != cell.lower()
    ]
    assert not bad, "\n".join(bad)


# --- Han-keyed tables ----------------------------------------------------------------------


@pytest.mark.parametrize("name", [PLACES, GLOSSARY, SURNAMES])
def test_han_fields_are_han_only(name: str) -> None:
    bad = [
        f"{name}:{number}: {column}={row[column]!r}"
        for number, row in read_table(name).rows
        for column in ("han", "traditional")
        if row[column] and not HAN.fullmatch(row[column])
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name", [PLACES, GLOSSARY, SURNAMES])
def test_traditional_is_empty_when_identical(name: str) -> None:
    bad = [
        f"{name}:{number}: {row['han']}"
        for number, row in read_table(name).rows
        if row["traditional"] == row["han"]
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name", [PLACES, SURNAMES])
def test_pinyin_is_plain_lowercase_letters(name: str) -> None:
    bad = [
        f"{name}:{number}: {row['han']} {row['pinyin']!r}"
        for number, row in read_table(name).rows
        if not all(PINYIN.fullmatch(value) for value in values(row["pinyin"]))
    ]
    assert not bad, "\n".join(bad)


# --- zh_places.tsv -------------------------------------------------------------------------


def test_places_keys_are_unique(places: Table) -> None:
    keys = Counter((row["han"], row["level"], row["parent"]) for _, row in places.rows)
    assert not [key for key, count in keys.items() if count > 1]


def test_places_levels_are_known(places: Table) -> None:
    bad = [f"{n}: {row['level']!r}" for n, row in places.rows if row["level"] not in PLACE_LEVELS]
    assert not bad, "\n".join(bad)


def test_places_parents_are_provinces(places: Table) -> None:
    provinces = {row["han"] for _, row in places.rows if row["level"] == "province"}
    bad = []
    for number, row in places.rows:
        if row["level"] in {"country", "province"}:
            if row["parent"]:
                bad.append(f"{number}: {row['han']} has parent {row['parent']}")
        elif row["parent"] and row["parent"] not in provinces:
            bad.append(f"{number}: {row['han']} has unknown parent {row['parent']}")
        elif not row["parent"] and row["level"] != "historical":
            bad.append(f"{number}: {row['han']} has no parent")
    assert not bad, "\n".join(bad)


def test_places_variants_are_not_the_pinyin(places: Table) -> None:
    bad = [
        f"{number}: {row['han']}"
        for number, row in places.rows
        if set(values(row["pinyin"])) & set(values(row["variants"]))
    ]
    assert not bad, "\n".join(bad)


def test_places_cover_every_provincial_and_prefecture_division(places: Table) -> None:
    levels = Counter(row["level"] for _, row in places.rows if row["parent"] != "台湾")
    assert levels["province"] == 34
    # 293 prefecture-level cities + 30 autonomous prefectures + 7 prefectures + 3 leagues
    # (PRC division code list, after 莱芜 merged into 济南 in 2019); Taiwan's cities excluded.
    assert levels["prefecture"] == 333


@pytest.mark.parametrize(
    ("han", "level", "pinyin", "variant"),
    [
        ("杭州", "prefecture", "hangzhou", "hangchow"),
        ("北京", "province", "beijing", "peking"),
        ("重庆", "province", "chongqing", "chungking"),
        ("厦门", "prefecture", "xiamen", "amoy"),
        ("广州", "prefecture", "guangzhou", "canton"),
        ("天津", "province", "tianjin", "tientsin"),
        ("南京", "prefecture", "nanjing", "nanking"),
        ("青岛", "prefecture", "qingdao", "tsingtao"),
        ("西藏", "province", "xizang", "tibet"),
        ("内蒙古", "province", "neimenggu", "inner mongolia"),
        ("香港", "province", "xianggang", "hong kong"),
        ("澳门", "province", "aomen", "macau"),
        ("六安", "prefecture", "luan", "lu'an"),
        ("沈阳", "prefecture", "shenyang", "mukden"),
        ("乌鲁木齐", "prefecture", "wulumuqi", "urumqi"),
        ("喀什", "prefecture", "kashi", "kashgar"),
    ],
)
def test_places_facts(places: Table, han: str, level: str, pinyin: str, variant: str) -> None:
    rows = [row for _, row in places.rows if row["han"] == han and row["level"] == level]
    assert len(rows) == 1, han
    assert values(rows[0]["pinyin"]) == [pinyin]
    assert variant in values(rows[0]["variants"])


@pytest.mark.parametrize(
    ("han", "pinyin"),
    [
        ("长沙", "changsha"),
        ("长治", "changzhi"),
        ("蚌埠", "bengbu"),
        ("丽水", "lishui"),
        ("乐山", "leshan"),
        ("乐清", "yueqing"),
        ("大理", "dali"),
        ("东莞", "dongguan"),
        ("番禺", "panyu"),
        ("莘县", "shenxian"),
        ("单县", "shanxian"),
        ("铅山", "yanshan"),
        ("六合", "luhe"),
        ("漯河", "luohe"),
        ("洪洞", "hongtong"),
        ("陕西", "shaanxi"),
        ("山西", "shanxi"),
    ],
)
def test_places_polyphones(places: Table, han: str, pinyin: str) -> None:
    found = {row["pinyin"] for _, row in places.rows if row["han"] == han}
    assert found == {pinyin}, han


def test_places_suffix_rebuilds_official_names(places: Table) -> None:
    official = {row["han"] + values(row["suffix"])[0] for _, row in places.rows if row["suffix"]}
    for name in (
        "新疆维吾尔自治区",
        "广西壮族自治区",
        "伊犁哈萨克自治州",
        "浦东新区",
        "锡林郭勒盟",
    ):
        assert name in official


# --- zh_glossary.tsv -----------------------------------------------------------------------


def test_glossary_keys_are_unique(glossary: Table) -> None:
    keys = Counter(row["han"] for _, row in glossary.rows)
    assert not [key for key, count in keys.items() if count > 1]


def test_glossary_classes_are_known(glossary: Table) -> None:
    bad = [
        f"{n}: {row['class']!r}" for n, row in glossary.rows if row["class"] not in GLOSSARY_CLASSES
    ]
    assert not bad, "\n".join(bad)


def test_glossary_single_characters_are_the_allowed_few(glossary: Table) -> None:
    singles = {row["han"] for _, row in glossary.rows if len(row["han"]) == 1}
    assert singles <= GLOSSARY_SINGLE_CHARACTERS
    for _, row in glossary.rows:
        if len(row["han"]) == 1 and row["class"] != "admin":
            assert "single character" in row["note"], row["han"]


def test_glossary_leaves_legal_forms_out(glossary: Table) -> None:
    hans = {row["han"] for _, row in glossary.rows}
    assert not hans & {"有限", "公司", "有限公司", "股份有限公司", "有限责任公司"}


@pytest.mark.parametrize(
    ("han", "english"),
    [
        ("技术", "technology"),
        ("科技", "science and technology"),
        ("数字技术", "digital technology"),
        ("研究所", "research institute"),
        ("研究院", "research academy"),
        ("公安局", "public security bureau"),
        ("兵团", "production and construction corps"),
        ("进出口", "import and export"),
        ("工业大学", "polytechnical university"),
        ("中国科学院", "chinese academy of sciences"),
    ],
)
def test_glossary_facts(glossary: Table, han: str, english: str) -> None:
    rows = [row for _, row in glossary.rows if row["han"] == han]
    assert len(rows) == 1, han
    assert english in values(rows[0]["english"])


# --- zh_surnames.tsv -----------------------------------------------------------------------


def test_surnames_keys_are_unique(surnames: Table) -> None:
    keys = Counter(row["han"] for _, row in surnames.rows)
    assert not [key for key, count in keys.items() if count > 1]


def test_surnames_compound_flag_matches_length(surnames: Table) -> None:
    bad = [
        f"{number}: {row['han']} {row['compound']!r}"
        for number, row in surnames.rows
        if row["compound"] != ("yes" if len(row["han"]) > 1 else "no")
    ]
    assert not bad, "\n".join(bad)


def test_surnames_romanisations_are_latin_letters(surnames: Table) -> None:
    # Wade-Giles keeps apostrophes, ü and the "-" that joins syllables of compound surnames.
    wade_giles = re.compile(r"[a-zü']+(-[a-zü']+)?")
    plain = re.compile(r"[a-z]+(-[a-z]+)?")
    bad = []
    for number, row in surnames.rows:
        bad += [
            f"{number}: {w!r}" for w in values(row["wade_giles"]) if not wade_giles.fullmatch(w)
        ]
        for column in ("cantonese", "taiwan"):
            bad += [f"{number}: {v!r}" for v in values(row[column]) if not plain.fullmatch(v)]
    assert not bad, "\n".join(bad)


def test_surnames_taiwan_only_when_different(surnames: Table) -> None:
    bad = [
        f"{number}: {row['han']}"
        for number, row in surnames.rows
        if set(values(row["taiwan"])) & set(values(row["wade_giles"]))
    ]
    assert not bad, "\n".join(bad)


def test_surnames_wade_giles_syllables_come_from_the_table(surnames: Table) -> None:
    # shared/ sits beside the checkout, in development and in CI alike.
    path = DATA.parents[3] / "shared" / "data" / "romanization" / "pypinyin_wadegiles_table.csv"
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    known = {
        line.split(",")[1] for line in path.read_text(encoding="utf-8").split("\n")[1:] if line
    }
    bad = [
        f"{number}: {row['han']} {syllable!r}"
        for number, row in surnames.rows
        for spelling in values(row["wade_giles"])
        for syllable in spelling.split("-")
        if syllable not in known
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(
    ("han", "pinyin"),
    [
        ("单", "shan"),
        ("曾", "zeng"),
        ("解", "xie"),
        ("区", "ou"),
        ("仇", "qiu"),
        ("查", "zha"),
        ("朴", "piao"),
        ("盖", "ge"),
        ("缪", "miao"),
        ("翟", "zhai"),
        ("秘", "bi"),
        ("种", "chong"),
        ("召", "shao"),
        ("尉迟", "yuchi"),
        ("万俟", "moqi"),
        ("长孙", "zhangsun"),
    ],
)
def test_surnames_polyphones(surnames: Table, han: str, pinyin: str) -> None:
    rows = [row for _, row in surnames.rows if row["han"] == han]
    assert len(rows) == 1, han
    assert values(rows[0]["pinyin"])[0] == pinyin


@pytest.mark.parametrize(
    ("han", "column", "value"),
    [
        ("陈", "pinyin", "chen"),
        ("陈", "wade_giles", "ch'en"),
        ("陈", "cantonese", "chan"),
        ("陈", "taiwan", "chen"),
        ("曾", "cantonese", "tsang"),
        ("张", "cantonese", "cheung"),
        ("黄", "cantonese", "wong"),
        ("吴", "cantonese", "ng"),
        ("许", "taiwan", "hsu"),
        ("欧阳", "pinyin", "ouyang"),
        ("欧阳", "compound", "yes"),
        ("欧阳", "wade_giles", "ou-yang"),
        ("司徒", "cantonese", "seto"),
    ],
)
def test_surnames_facts(surnames: Table, han: str, column: str, value: str) -> None:
    rows = [row for _, row in surnames.rows if row["han"] == han]
    assert len(rows) == 1, han
    assert value in values(rows[0][column])


def test_surnames_keep_their_own_traditional_characters(surnames: Table) -> None:
    traditional = {row["han"]: row["traditional"] for _, row in surnames.rows}
    for han in ("范", "余", "于", "岳", "游", "涂", "朴", "干", "沈"):
        assert traditional[han] == "", han
    assert traditional["萧"] == "蕭"
    assert traditional["钟"] == "鍾"


# --- name_variants.tsv ---------------------------------------------------------------------


def test_variants_tokens_belong_to_one_family(variants: Table) -> None:
    seen: Counter[str] = Counter()
    for _, row in variants.rows:
        seen.update([row["canonical"], *values(row["variants"])])
    assert not [token for token, count in seen.items() if count > 1]


def test_variants_are_plain_tokens(variants: Table) -> None:
    bad = [
        f"{number}: {token!r}"
        for number, row in variants.rows
        for token in [row["canonical"], *values(row["variants"])]
        if not TOKEN.fullmatch(token)
    ]
    assert not bad, "\n".join(bad)


def test_variants_families_are_variants_to_the_scorer(variants: Table) -> None:
    # Every spelling of a family pairs with its canonical spelling as a variant,
    # whatever letters it has (v once went through the pinyin rule for u).
    bad = [
        f"{number}: {token} / {row['canonical']}"
        for number, row in variants.rows
        for token in values(row["variants"])
        if text_similarity(token, row["canonical"]) != (VARIANT_SIMILARITY, "variant")
    ]
    assert not bad, "\n".join(bad)


def test_variants_classes_are_known(variants: Table) -> None:
    bad = [
        f"{n}: {row['class']!r}" for n, row in variants.rows if row["class"] not in VARIANT_CLASSES
    ]
    assert not bad, "\n".join(bad)


def test_variants_each_spelling_is_evidenced(variants: Table) -> None:
    bad = [
        f"{number}: {token} not in source"
        for number, row in variants.rows
        for token in values(row["variants"])
        if token not in row["source"].lower()
    ]
    assert not bad, "\n".join(bad)


def test_variants_person_names_cite_list_entries(variants: Table) -> None:
    cited = re.compile(r"^(ofac-sdn|ofac-sdn-2024|ofac-nonsdn) ent_num \d+: |^un [A-Za-z]+\.\d+: ")
    bad = [
        f"{number}: {row['canonical']}"
        for number, row in variants.rows
        if row["class"] in {"given_name", "surname"}
        and not all(cited.match(part) for part in row["source"].split("; "))
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(
    ("canonical", "members"),
    [
        ("uyghur", {"uighur", "uygur", "uigur"}),
        ("muhammad", {"mohammed", "mohamed", "mohammad"}),
        ("qadhafi", {"gaddafi", "qaddafi"}),
        ("sergey", {"sergei"}),
        ("aleksandr", {"alexander"}),
    ],
)
def test_variants_facts(variants: Table, canonical: str, members: set[str]) -> None:
    rows = [row for _, row in variants.rows if row["canonical"] == canonical]
    assert len(rows) == 1, canonical
    assert members <= set(values(rows[0]["variants"]))
