"""List loaders against fixtures cut from the real lists (tests/fixtures/lists/SOURCES.md).

Every expected value below can be read in the fixture's source rows; the
real-file tests at the end check the counts of /work/shared/data/PROVENANCE.md.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

import entitymatch as em
from entitymatch.errors import EntityMatchError
from entitymatch.lists import FORMATS, ListStats, detect_format, iter_list, load_list
from entitymatch.lists._common import detect_encoding
from entitymatch.records import Entity

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lists"
SHARED_LISTS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "lists"


def by_id(entities: list[Entity]) -> dict[str, Entity]:
    ids = [entity.id for entity in entities]
    assert len(ids) == len(set(ids)), "entity ids must be unique within a list"
    return {entity.id: entity for entity in entities}


def loaded(name: str, **options: object) -> tuple[dict[str, Entity], ListStats]:
    stats = ListStats()
    entities = load_list(FIXTURES / name, stats=stats, **options)  # type: ignore[arg-type]
    return by_id(entities), stats


# --- detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("csl_subset.csv", "csl-csv"),
        ("csl_subset_bom.csv", "csl-csv"),
        ("csl_cp1252.csv", "csl-csv"),
        ("csl_subset.json", "csl-json"),
        ("ofac_sdn/sdn.csv", "ofac-csv"),
        ("ofac_cons/cons_prim.csv", "ofac-csv"),
        ("ofac_2024/ofac_sdn_2024-05-03.csv", "ofac-csv"),
        ("ofac_xml/sdn.xml", "ofac-xml"),
        ("ofac_xml/SDN_ENHANCED.xml", "ofac-xml"),
        ("un_subset.xml", "un-xml"),
        ("bis_dpl_subset.txt", "bis-dpl"),
        ("opensanctions_entities.ftm.json", "ftm-json"),
        ("opensanctions_targets.simple.csv", "opensanctions-csv"),
        ("plain_latin1.csv", "csv"),
    ],
)
def test_detect_format(name: str, expected: str) -> None:
    assert detect_format(FIXTURES / name) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("ofac_sdn/alt.csv", "alt"),
        ("ofac_sdn/add.csv", "add"),
        ("ofac_sdn/sdn_comments.csv", "comments"),
        ("ofac_2024/ofac_alt_2025-02.csv", "alt"),
    ],
)
def test_an_ofac_side_file_alone_says_to_load_the_main_file(name: str, key: str) -> None:
    with pytest.raises(EntityMatchError, match=rf"side_files=\{{'{key}'") as caught:
        load_list(FIXTURES / name)
    assert caught.value.path == str(FIXTURES / name)
    assert caught.value.line == 1


def test_the_top_level_load_list_is_this_one() -> None:
    import entitymatch

    assert entitymatch.load_list is load_list


# --- CSL --------------------------------------------------------------------------


def test_csl_csv_entities_names_kinds() -> None:
    entities, stats = loaded("csl_subset.csv")
    assert len(entities) == 24
    assert stats.rows == 24  # the header repeated on line 2 is not a row
    assert (stats.skipped, stats.malformed) == (0, 0)

    hikvision = entities["csl-cmic-30946"]
    assert hikvision.names == (
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "Hikvision",
        "Hangzhou Hikvision Digital Technology",
    )
    assert hikvision.kind == "organization"
    assert hikvision.source == (
        "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department"
    )
    assert hikvision.attributes["programs"] == ("CMIC-EO13959",)
    assert hikvision.attributes["addresses"] == (
        "555, Qianmo Road, Binjiang District, Hangzhou, 310051, CN",
    )
    assert (
        "Unified Social Credit Code (USCC), 91330000733796106P, CN" in hikvision.attributes["ids"]
    )
    assert hikvision.name_types == {
        "Hikvision": "aka",
        "Hangzhou Hikvision Digital Technology": "aka",
    }

    # The CSL merges OFAC's weak a.k.a. 'BNC' into alt_names: no weak aliases here.
    bank = entities["csl-sdn-306"]
    assert bank.names == ("BANCO NACIONAL DE CUBA", "BNC", "NATIONAL BANK OF CUBA")
    assert bank.weak_aliases == ()

    assert entities["csl-sdn-4238"].kind == "vessel"
    assert entities["csl-sdn-4238"].attributes["call_sign"] == ("CL2192",)
    assert entities["csl-sdn-4243"].names == ("EBANO", "ANA I", "SAND SWAN")
    # Entity List rows carry no type.
    assert entities["csl-el-dd533a593568a5ba9078900c345859e7fd4f414f3015f254f5633ecf"].kind is None


def test_csl_person_gets_natural_order_alias() -> None:
    entities, _ = loaded("csl_subset.csv")
    person = entities["csl-sdn-3754"]
    assert person.kind == "person"
    assert person.names[:2] == ("ABU MARZOOK, Mousa Mohammed", "Mousa Mohammed ABU MARZOOK")
    assert person.name_types["Mousa Mohammed ABU MARZOOK"] == "order"
    assert person.name_types["MARZUK, Musa Abu"] == "aka"
    # Natural order already: nothing to add.
    assert entities["csl-plc-9639"].names == (
        "Ismail Abdul Salah HANIYA",
        "Ismail HANIYA",
        "Ismaeel HANIYYA",
    )


def test_csl_one_id_on_two_lists_gives_two_entities() -> None:
    entities, _ = loaded("csl_subset.csv")
    ssi, mbs = entities["csl-ssi-17014"], entities["csl-ns-mbs-list-17014"]
    assert ssi.names[0] == "JOINT STOCK COMPANY RUSSIAN AGRICULTURAL BANK"
    assert mbs.names[0] == "Joint Stock Company Russian Agricultural Bank"
    assert ssi.source != mbs.source


def test_csl_aliases_written_inside_the_name_are_split() -> None:
    entities, _ = loaded("csl_subset.csv")
    dpl = entities["csl-dpl-1f7b0f5c678363dc7e2faa36374faec343707a3813aa71f0efdb8eb5"]
    assert dpl.names == ("FUYI SUN", "FRANK SUN")
    assert dpl.attributes["listed_name"] == ("FUYI SUN A/K/A FRANK SUN",)
    airline = entities["csl-dpl-942d8ce83b9822785f0d7ae0e749891bc2d2ec3cd2343094757c1b53"]
    assert airline.names == ("SIBERIAN AIRLINES", "S7 AIRLINES")
    chitron = next(e for e in entities.values() if e.names[0] == "Chitron Electronics Company Ltd.")
    assert chitron.names[1] == "Chi-Chung Electronics Company Ltd. (Chitron-Shenzhen)"


def test_csl_multiline_field_is_one_record() -> None:
    entities, _ = loaded("csl_subset.csv")
    meu = entities["csl-meu-75e9be6aa2434904b08d420ecf2af609"]
    assert meu.names == ("Elink Electronic Technology Co. Ltd.",)
    assert meu.attributes["addresses"] == (
        "Room 717, Building 41, No.8633 Zhongchun Road, Minhang District, Shanghai, China, CN",
    )


def test_csl_json_reads_like_the_csv_it_was_converted_from() -> None:
    from_csv = load_list(FIXTURES / "csl_subset.csv")
    stats = ListStats()
    from_json = load_list(FIXTURES / "csl_subset.json", stats=stats)
    assert [e.to_dict() for e in from_json] == [e.to_dict() for e in from_csv]
    assert stats.format == "csl-json"
    assert stats.rows == 24


def test_csl_json_bare_array(tmp_path: Path) -> None:
    text = (FIXTURES / "csl_subset.json").read_text(encoding="utf-8")
    start = text.index('"results": [') + len('"results": ')
    array = text[start : text.rindex("]") + 1]
    path = tmp_path / "results.json"
    path.write_text(array, encoding="utf-8")
    assert [e.id for e in load_list(path)] == [
        e.id for e in load_list(FIXTURES / "csl_subset.json")
    ]


# --- OFAC legacy CSV ---------------------------------------------------------------


def test_ofac_sdn_aliases_and_weak_aliases_from_remarks() -> None:
    entities, stats = loaded("ofac_sdn/sdn.csv")
    assert len(entities) == 20
    assert stats.encoding == "utf-8-sig"  # OFAC's "Latin-1" files are pure ASCII

    bank = entities["ofac-306"]
    assert bank.names == ("BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA")
    assert bank.weak_aliases == ("BNC",)
    assert bank.name_types == {"NATIONAL BANK OF CUBA": "aka", "BNC": "weak"}
    assert bank.kind == "organization"  # OFAC's empty type is an entity
    assert bank.source == "OFAC SDN"
    assert bank.attributes["programs"] == ("CUBA",)
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in bank.attributes["addresses"]

    assert entities["ofac-751"].weak_aliases == ("CARIBEX",)
    assert entities["ofac-4108"].weak_aliases == (
        "EL SENOR",
        "PATRICIA",
        "PATRICIO",
        "PATTY",
        "PAT",
        "MANUEL",
        "MANOLO",
        "MIKE",
        "MAURO",
        "DOCTOR M.R.O.",
    )
    # f.k.a. written in the remarks of a vessel: weak as well.
    sand_swan = entities["ofac-4243"]
    assert (sand_swan.kind, sand_swan.names, sand_swan.weak_aliases) == (
        "vessel",
        ("SAND SWAN",),
        ("ANA I",),
    )


def test_ofac_person_names_keep_listed_order_and_add_natural_order() -> None:
    entities, _ = loaded("ofac_sdn/sdn.csv")
    person = entities["ofac-3754"]
    assert person.kind == "person"
    assert person.names[:4] == (
        "ABU MARZOOK, Mousa Mohammed",
        "Mousa Mohammed ABU MARZOOK",
        "MARZUK, Musa Abu",
        "Musa Abu MARZUK",
    )
    assert person.name_types["Mousa Mohammed ABU MARZOOK"] == "order"
    # A weak alias holding an apostrophe is read whole.
    assert person.weak_aliases == ("ABU-'UMAR",)
    assert person.attributes["dates_of_birth"] == ("09 Feb 1951",)
    assert person.attributes["places_of_birth"] == ("Gaza, Egypt",)

    reyes = entities["ofac-10851"]
    assert reyes.names[:2] == (
        "DELOS REYES, Feliciano Semborio, Jr.",
        "Feliciano Semborio DELOS REYES Jr.",
    )
    assert reyes.weak_aliases == ("ABDILLAH, Abdul", "Abdul ABDILLAH")
    # A person written without a comma has no other order.
    assert entities["ofac-6903"].names[0] == "ABU HAFS THE MAURITANIAN"
    assert "ABU HAFS THE MAURITANIAN" not in entities["ofac-6903"].name_types


def test_ofac_alias_types_and_kinds() -> None:
    entities, _ = loaded("ofac_sdn/sdn.csv")
    assert entities["ofac-8905"].name_types == {"FRUTAS DE LA COSTA S.A.": "nka", "FRUCOSTA": "aka"}
    assert entities["ofac-28348"].name_types["TRILIANCE KISH PETROCHEMICAL COMPANY"] == "fka"
    assert entities["ofac-15431"].kind == "aircraft"
    vessel = entities["ofac-4238"]
    assert vessel.kind == "vessel"
    assert vessel.attributes["call_sign"] == ("CL2192",)
    assert vessel.attributes["vessel_flag"] == ("Cuba",)
    assert entities["ofac-23476"].names == (
        "DANDONG JINXIANG TRADE CO., LTD.",
        "DANDONG METAL COMPANY",
        "JINXIANG TRADING COMPANY",
        "CHINA DANDONG KUMSANG TRADE COMPANY, LIMITED",
    )


def test_ofac_remarks_continue_in_sdn_comments() -> None:
    entities, _ = loaded("ofac_sdn/sdn.csv")
    tian = entities["ofac-28263"]
    # sdn.csv cuts the remarks at 1,000 characters inside 'snowsjohn';
    # sdn_comments.csv holds "hn'; Linked To: LAZARUS GROUP."
    assert tian.weak_aliases == ("tianyinyin0404", "snowsjohn")
    assert tian.attributes["remarks"][0].endswith("a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP.")


def test_ofac_side_rows_without_entry_are_counted() -> None:
    _, stats = loaded("ofac_sdn/sdn.csv")
    assert stats.unjoined == 1  # the alias row of entry 540, COIBA
    assert "1 side-file rows without an entry" in stats.summary()


def test_ofac_side_files_can_be_left_out() -> None:
    entities, stats = loaded("ofac_sdn/sdn.csv", side_files={"alt": None, "add": None})
    assert entities["ofac-306"].names == ("BANCO NACIONAL DE CUBA",)
    assert entities["ofac-306"].weak_aliases == ("BNC",)
    assert "addresses" not in entities["ofac-306"].attributes
    assert stats.unjoined == 0


def test_ofac_non_sdn_list() -> None:
    entities, _ = loaded("ofac_cons/cons_prim.csv")
    assert len(entities) == 13
    hikvision = entities["ofac-cons-30946"]
    assert hikvision.names == (
        "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.",
        "HIKVISION",
        "HANGZHOU HIKVISION DIGITAL TECHNOLOGY",
    )
    assert hikvision.source == "OFAC Consolidated (non-SDN)"
    assert hikvision.attributes["addresses"] == (
        "555, Qianmo Road, Binjiang District, Hangzhou 310051, China",
    )
    assert entities["ofac-cons-30902"].weak_aliases == ("AECC",)
    assert entities["ofac-cons-33112"].weak_aliases == ("CLOUDWALK",)
    assert entities["ofac-cons-33091"].names == ("MEGVII TECHNOLOGY LIMITED",)
    haniya = entities["ofac-cons-9639"]
    assert haniya.kind == "person"
    assert haniya.names[:4] == (
        "HANIYA, Ismail Abdul Salah",
        "Ismail Abdul Salah HANIYA",
        "HANIYA, Ismail",
        "Ismail HANIYA",
    )


def test_ofac_single_sdn_file_with_alt_file_of_another_date() -> None:
    path = FIXTURES / "ofac_2024" / "ofac_sdn_2024-05-03.csv"
    alone = by_id(load_list(path))
    assert alone["ofac-36"].names == ("AEROCARIBBEAN AIRLINES",)
    assert alone["ofac-306"].weak_aliases == ("BNC",)
    # EBANO (f.k.a. SAND SWAN in 2021): both former names are weak in 2024.
    assert alone["ofac-4243"].weak_aliases == ("ANA I", "SAND SWAN")

    stats = ListStats()
    alt = FIXTURES / "ofac_2024" / "ofac_alt_2025-02.csv"
    joined = by_id(load_list(path, side_files={"alt": alt}, stats=stats))
    assert joined["ofac-36"].names == ("AEROCARIBBEAN AIRLINES", "AERO-CARIBBEAN")
    assert joined["ofac-306"].names == ("BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA")
    assert stats.unjoined == 1  # 540 COIBA has no entry


def test_ofac_unknown_side_file_key_is_refused() -> None:
    with pytest.raises(
        EntityMatchError, match=r"unknown OFAC side file 'aliases'.*alt, add, comments"
    ):
        load_list(FIXTURES / "ofac_sdn" / "sdn.csv", side_files={"aliases": "x.csv"})


# --- OFAC XML ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ofac_xml/sdn.xml", "ofac_xml/SDN_ENHANCED.xml"])
def test_ofac_xml_reads_like_the_csv_it_was_converted_from(name: str) -> None:
    from_csv, _ = loaded("ofac_sdn/sdn.csv")
    from_xml, stats = loaded(name)
    assert stats.format == "ofac-xml"
    assert from_xml.keys() == from_csv.keys()
    for key, entity in from_csv.items():
        other = from_xml[key]
        assert other.attributes["programs"] == entity.attributes["programs"]
        if name.endswith("ENHANCED.xml") and key == "ofac-7843":
            other = _without_original_script(other)
        assert (other.names, other.weak_aliases, other.kind, other.name_types) == (
            entity.names,
            entity.weak_aliases,
            entity.kind,
            entity.name_types,
        ), key


def _without_original_script(entity: Entity) -> Entity:
    kept = [n for n in entity.names if entity.name_types.get(n) != "original_script"]
    return Entity(
        id=entity.id,
        names=kept,
        kind=entity.kind,
        weak_aliases=entity.weak_aliases,
        name_types={n: t for n, t in entity.name_types.items() if t != "original_script"},
    )


def test_ofac_enhanced_other_script_translation() -> None:
    entities, _ = loaded("ofac_xml/SDN_ENHANCED.xml")
    saddam = entities["ofac-7843"]
    assert saddam.names[:3] == (
        "AL-TIKRITI, Saddam Hussein",
        "Saddam Hussein AL-TIKRITI",
        "صدام حسين التكريتي",
    )
    assert saddam.name_types["صدام حسين التكريتي"] == "original_script"
    assert saddam.weak_aliases == ("ABU ALI",)


def test_ofac_xml_weak_category_and_attributes() -> None:
    entities, _ = loaded("ofac_xml/sdn.xml")
    # The converted remarks no longer hold "a.k.a. 'BNC'": the weak alias comes from <category>.
    assert "remarks" not in entities["ofac-306"].attributes
    assert entities["ofac-306"].weak_aliases == ("BNC",)
    assert entities["ofac-3754"].attributes["dates_of_birth"] == ("09 Feb 1951",)
    assert entities["ofac-4238"].attributes["call_sign"] == ("CL2192",)

    enhanced, _ = loaded("ofac_xml/SDN_ENHANCED.xml")
    assert enhanced["ofac-3754"].attributes["places_of_birth"] == ("Gaza, Egypt",)
    assert enhanced["ofac-306"].attributes["sanctions_lists"] == ("SDN List",)


# --- UN ---------------------------------------------------------------------------------


def test_un_individuals_and_entities() -> None:
    entities, stats = loaded("un_subset.xml")
    assert Counter(e.kind for e in entities.values()) == {"person": 8, "organization": 11}
    assert stats.rows == 19

    badege = entities["un-6907993"]  # an empty INDIVIDUAL_ALIAS element
    assert badege.names == ("ERIC BADEGE",)
    assert badege.attributes["reference_number"] == ("CDi.001",)
    assert badege.attributes["dates_of_birth"] == ("1971",)

    gaston = entities["un-6907995"]  # QUALITY Low is weak
    assert gaston.names == (
        "GASTON IYAMUREMYE",
        "Byiringiro Victor Rumuli",
        "Victor Rumuri",
        "Michel Byiringiro",
    )
    assert gaston.weak_aliases == ("Rumuli",)

    assert entities["un-6908664"].names == ("GÉDÉON KYUNGU MUTANGA WA BAFUNKWA KANONGA",)
    makenga = entities["un-6907999"]
    assert makenga.name_types["MAKENGA, EMMANUEL SULTANI"] == "aka"
    assert makenga.name_types["EMMANUEL SULTANI MAKENGA"] == "order"


def test_un_scripts_and_entity_alias_types() -> None:
    entities, _ = loaded("un_subset.xml")
    assert entities["un-6908693"].names == (
        "HUAXIN SHIPPING HONGKONG LTD",
        "華信船務(香港)有限公司",
    )
    assert entities["un-6908696"].names == (
        "SHEN ZHONG INTERNATIONAL SHIPPING",
        "沈忠國際海運有限公司",
    )
    assert entities["un-6908691"].names[0] == "CHANG AN SHIPPING & TECHNOLOGY"
    assert entities["un-2971893"].name_types == {"Эмират Кавказ": "original_script"}
    saddam = entities["un-6908048"]
    assert saddam.names == ("SADDAM HUSSEIN AL-TIKRITI", "صدام حسين التكريتي")
    assert saddam.weak_aliases == ("Abu Ali",)
    adf = entities["un-6908402"]
    assert adf.name_types == {
        "Allied Democratic Forces": "aka",
        "Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda": "fka",
        "ADF/NALU": "fka",
        "NALU": "fka",
    }
    # An original script written over two lines is one name.
    mujao = entities["un-3001252"]
    assert mujao.names[1] == "حركة التوحيد والجهاد في غرب إفريقيا"


# --- BIS DPL ------------------------------------------------------------------------------


def test_bis_dpl() -> None:
    entities, stats = loaded("bis_dpl_subset.txt")
    assert len(entities) == 12
    assert all(e.kind is None for e in entities.values())
    assert entities["dpl-2"].names == ("I. ASH",)  # the list writes " I. ASH"
    assert entities["dpl-9"].names == ("FUYI SUN", "FRANK SUN")
    assert entities["dpl-9"].attributes["listed_name"] == ("FUYI SUN A/K/A FRANK SUN",)
    assert entities["dpl-10"].names == ("PEARL LI", "NEI-CHIEN CHU")
    assert entities["dpl-11"].names == ("SIBERIAN AIRLINES", "S7 AIRLINES")
    # One row per address: ALI M HIJAZI is on three rows.
    hijazi = [e for e in entities.values() if e.names == ("ALI M HIJAZI",)]
    assert [e.attributes["addresses"] for e in hijazi] == [
        ("GENEVA, CH",),
        ("HAUTE SAVOIE, FR",),
        ("185 SEPTEMBER STREET, TRIPOLI, LY",),
    ]
    assert entities["dpl-7"].attributes["fr_citation"] == ("71 F.R. 65775 11/9/06",)
    assert entities["dpl-7"].names == entities["dpl-8"].names  # two identical rows, two entities
    assert stats.rows == 12


# --- OpenSanctions ---------------------------------------------------------------------------


def test_followthemoney_json_lines() -> None:
    entities, stats = loaded("opensanctions_entities.ftm.json")
    assert len(entities) == 22
    assert stats.ignored == 2  # the Sanction and Address lines (target: false)
    bank = entities["os-ofac-306"]
    assert (bank.names, bank.weak_aliases, bank.kind) == (
        ("BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA"),
        ("BNC",),
        "organization",
    )
    assert bank.source == "OpenSanctions: us_ofac_sdn"
    assert bank.attributes["program"] == ("CUBA",)
    assert entities["os-ofac-3754"].kind == "person"
    assert entities["os-ofac-3754"].attributes["birthDate"] == ("09 Feb 1951",)
    assert entities["os-ofac-4243"].kind == "vessel"
    assert entities["os-ofac-15431"].kind == "aircraft"
    assert entities["os-ofac-30946"].names[1] == "HIKVISION"
    assert entities["os-ofac-30946"].attributes["schema"] == ("Company",)
    assert (
        entities["os-ofac-28348"].name_types["TRILIANCE KISH PETROCHEMICAL COMPANY"] == "previous"
    )


def test_opensanctions_targets_simple_csv() -> None:
    entities, stats = loaded("opensanctions_targets.simple.csv")
    ftm, _ = loaded("opensanctions_entities.ftm.json")
    assert entities.keys() == ftm.keys()
    assert stats.weak_aliases == 0  # the simple export has no weak aliases
    for key, entity in entities.items():
        assert entity.kind == ftm[key].kind
        assert entity.names == ftm[key].names, key
    assert entities["os-ofac-306"].source == "OpenSanctions: OFAC SDN"
    assert entities["os-ofac-306"].attributes["sanctions"] == ("CUBA",)


# --- plain CSV -------------------------------------------------------------------------------


def test_plain_csv_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.tsv"
    path.write_text(
        "Supplier ID\tCompany Name\tOther names\tType\tCountry\n"
        "S1\tHangzhou Hikvision Digital Technology Co., Ltd.\tHikvision;HIKVISION\tcompany\tCN\n"
        "S2\tABU TEIR, Mohammed\t\tindividual\t\n",
        encoding="utf-8",
    )
    columns = {
        "id": "Supplier ID",
        "name": "Company Name",
        "aliases": "Other names",
        "kind": "Type",
    }
    entities = by_id(load_list(path, columns=columns))
    assert entities["S1"].names == (
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "Hikvision",
        "HIKVISION",
    )
    assert entities["S1"].kind == "organization"
    assert entities["S1"].attributes == {"Country": ("CN",)}
    assert entities["S2"].names == ("ABU TEIR, Mohammed", "Mohammed ABU TEIR")
    assert entities["S2"].kind == "person"


def test_plain_csv_default_columns_and_line_ids(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "name,weak_aliases,source\nBANCO NACIONAL DE CUBA,BNC,OFAC SDN\n,,\n", encoding="utf-8"
    )
    stats = ListStats()
    (entity,) = load_list(path, stats=stats)
    assert (entity.id, entity.weak_aliases, entity.source) == ("line-2", ("BNC",), "OFAC SDN")
    assert stats.skipped == 0  # an all-empty line is a blank line, not a record


def test_plain_csv_row_without_a_name_is_skipped_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("id,name\n1,HIKVISION\n2,   \n", encoding="utf-8")
    stats = ListStats()
    assert [e.id for e in load_list(path, stats=stats)] == ["1"]
    assert stats.skipped == 1
    assert stats.problems == [f"{path}:3: no usable name in record '2'; skipped"]
    assert "1 skipped without a name" in stats.summary()


def test_plain_csv_mapping_errors(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Supplier,Country\nHikvision,CN\n", encoding="utf-8")
    with pytest.raises(
        EntityMatchError, match=r"unknown field 'nme' in columns=; expected one of: id, name"
    ):
        load_list(path, columns={"nme": "Supplier"})
    with pytest.raises(
        EntityMatchError, match=r"missing column 'Company' mapped to 'name'"
    ) as caught:
        load_list(path, columns={"name": "Company"})
    assert "columns found: ['Supplier', 'Country']" in str(caught.value)
    assert caught.value.line == 1
    with pytest.raises(EntityMatchError, match=r"columns= applies to format 'csv' only"):
        load_list(FIXTURES / "bis_dpl_subset.txt", format="bis-dpl", columns={"name": "Name"})
    # columns= without format= reads the file as a plain list.
    dpl = load_list(FIXTURES / "bis_dpl_subset.txt", columns={"name": "Name"})
    assert dpl[0].names == ("I. ASH",)
    assert dpl[0].attributes["Effective_Date"] == ("06/19/2003",)


# --- malformed files -------------------------------------------------------------------------


def test_truncated_csv_row_names_file_and_line(tmp_path: Path) -> None:
    text = (FIXTURES / "csl_subset.csv").read_text(encoding="utf-8")
    last = text.rstrip("\n").rindex('\n"') + 1
    line = text[:last].count("\n") + 1
    path = tmp_path / "csl.csv"
    path.write_text(text[: last + 60], encoding="utf-8")  # cut inside a quoted field
    with pytest.raises(EntityMatchError) as caught:
        load_list(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: truncated row")

    stats = ListStats()
    assert len(load_list(path, errors="skip", stats=stats)) == 23
    assert (stats.malformed, stats.rows) == (1, 24)


def test_wrong_column_count_in_ofac_csv(tmp_path: Path) -> None:
    folder = tmp_path / "ofac"
    folder.mkdir()
    lines = (FIXTURES / "ofac_sdn" / "sdn.csv").read_bytes().split(b"\r\n")
    assert lines[2].startswith(b"306,")
    lines[2] = lines[2].rsplit(b",", 1)[0]  # drop the Remarks column
    (folder / "sdn.csv").write_bytes(b"\r\n".join(lines))
    with pytest.raises(EntityMatchError, match=r"sdn\.csv:3: truncated row: 11 of 12 columns"):
        load_list(folder / "sdn.csv")


def test_bad_json_line_names_the_line(tmp_path: Path) -> None:
    lines = (FIXTURES / "opensanctions_entities.ftm.json").read_text(encoding="utf-8").splitlines()
    assert lines[5].startswith('{"id": "ofac-751"')
    lines[5] = lines[5][:40]  # a line cut short
    path = tmp_path / "entities.ftm.json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        EntityMatchError, match=r"entities\.ftm\.json:6: bad JSON on line 6"
    ) as caught:
        load_list(path)
    assert caught.value.line == 6
    stats = ListStats()
    assert len(load_list(path, errors="skip", stats=stats)) == 21
    assert stats.malformed == 1


def test_broken_csl_json_document_names_the_line(tmp_path: Path) -> None:
    text = (FIXTURES / "csl_subset.json").read_text(encoding="utf-8")
    cut = text.index('"name": "Megvii Technology Limited"')
    path = tmp_path / "csl.json"
    path.write_text(text[:cut] + '"name": "Megvii", }', encoding="utf-8")
    with pytest.raises(EntityMatchError, match=r"bad JSON") as caught:
        load_list(path, errors="skip")  # a broken document raises even when skipping
    assert caught.value.line == text[:cut].count("\n") + 1


def test_broken_xml_names_the_line(tmp_path: Path) -> None:
    text = (FIXTURES / "un_subset.xml").read_text(encoding="utf-8")
    at = text.index("</ALIAS_NAME>")
    path = tmp_path / "un.xml"
    path.write_text(
        text[:at] + "</ALIAS_NAM>" + text[at + len("</ALIAS_NAME>") :], encoding="utf-8"
    )
    with pytest.raises(EntityMatchError, match=r"XML parse error: mismatched tag") as caught:
        load_list(path)
    assert caught.value.line == text[:at].count("\n") + 1


def test_xml_of_another_list_is_refused() -> None:
    with pytest.raises(
        EntityMatchError, match=r"not a UN consolidated list: root element <sdnList>"
    ):
        load_list(FIXTURES / "ofac_xml" / "sdn.xml", format="un-xml")


MISSING_COLUMN_CASES = {
    # fixture: (format, header text, the same header with a required column renamed, message)
    "bis_dpl_subset.txt": (
        "bis-dpl",
        '"Effective_Date"',
        '"Date"',
        r"missing required column\(s\) \['Effective_Date'\]",
    ),
    "csl_subset.csv": (
        "csl-csv",
        "type,programs,name,title",
        "type,programs,title_name,title",
        "missing required CSL column",
    ),
    "opensanctions_targets.simple.csv": (
        "opensanctions-csv",
        "id,schema,name",
        "id,kind,name",
        r"missing required column\(s\) \['schema'\]",
    ),
}


@pytest.mark.parametrize("name", sorted(MISSING_COLUMN_CASES))
def test_missing_column_names_the_columns_found(tmp_path: Path, name: str) -> None:
    format, header, renamed, message = MISSING_COLUMN_CASES[name]
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert header in text
    path = tmp_path / name
    path.write_text(text.replace(header, renamed), encoding="utf-8")
    with pytest.raises(EntityMatchError, match=message) as caught:
        load_list(path, format=format)
    assert "columns found: [" in str(caught.value)
    assert caught.value.line == 1


def test_unknown_format_name_lists_the_allowed_names() -> None:
    with pytest.raises(EntityMatchError) as caught:
        load_list(FIXTURES / "csl_subset.csv", format="csl-xml")
    assert str(caught.value) == (
        "unknown list format 'csl-xml'; expected one of: " + ", ".join(sorted(FORMATS))
    )
    # Spelling is forgiving about case and underscores.
    assert len(load_list(FIXTURES / "csl_subset.csv", format="CSL_CSV")) == 24


def test_other_caller_mistakes(tmp_path: Path) -> None:
    with pytest.raises(EntityMatchError, match=r"no such list file"):
        load_list(tmp_path / "missing.csv")
    with pytest.raises(EntityMatchError, match=r"errors must be one of"):
        load_list(FIXTURES / "csl_subset.csv", errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(EntityMatchError, match=r"side_files= applies to format 'ofac-csv' only"):
        load_list(FIXTURES / "csl_subset.csv", side_files={"alt": None})
    odd = tmp_path / "odd.txt"
    odd.write_text("alpha,beta\n1,2\n", encoding="utf-8")
    with pytest.raises(
        EntityMatchError,
        match=r"odd\.txt:1: cannot detect the list format; pass format= one of: bis-dpl",
    ):
        load_list(odd)


def test_iter_list_checks_arguments_at_once_and_reads_lazily() -> None:
    with pytest.raises(EntityMatchError):
        iter_list(FIXTURES / "csl_subset.csv", format="nope")
    stats = ListStats()
    entities = iter_list(FIXTURES / "un_subset.xml", stats=stats)
    assert stats.entities == 0
    first = next(entities)
    assert (first.id, stats.entities) == ("un-6907993", 1)


# --- encodings -------------------------------------------------------------------------------


def test_utf8_bom() -> None:
    stats = ListStats()
    with_bom = load_list(FIXTURES / "csl_subset_bom.csv", stats=stats)
    assert [e.to_dict() for e in with_bom] == [
        e.to_dict() for e in load_list(FIXTURES / "csl_subset.csv")
    ]
    assert stats.encoding == "utf-8-sig"


def test_windows_1252() -> None:
    entities, stats = loaded("csl_cp1252.csv")
    assert stats.encoding == "cp1252"
    assert entities["csl-dtc-bbc1408e7c1041af8c60389ed0977f70"].names == ("Murat Bükey",)
    el = entities["csl-el-ac1e07518fc6bb6fbf480d64f1177c065fecc5630a370ca9914f1d23"]
    assert "êtablissements Industriels de la D‚fense (EID)" in el.names


def test_latin_1() -> None:
    raw = (FIXTURES / "plain_latin1.csv").read_bytes()
    assert b"G\xc9D\xc9ON" in raw  # ISO-8859-1 bytes, not UTF-8
    entities, _ = loaded("plain_latin1.csv")
    assert entities["un-6908664"].names == ("GÉDÉON KYUNGU MUTANGA WA BAFUNKWA KANONGA",)
    assert entities["un-6908664"].kind == "person"
    assert entities["un-6908402"].names == ("ADF", "Allied Democratic Forces", "ADF/NALU", "NALU")
    assert entities["csl-dtc-bbc1408e7c1041af8c60389ed0977f70"].names == ("Murat Bükey",)


def test_bytes_undefined_in_windows_1252_fall_back_to_latin_1(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes((FIXTURES / "plain_latin1.csv").read_bytes() + b"x,\x81\n")
    assert detect_encoding(path) == "latin-1"
    assert detect_encoding(FIXTURES / "plain_latin1.csv") == "cp1252"
    assert detect_encoding(FIXTURES / "csl_subset.csv") == "utf-8-sig"


def test_eof_byte_glued_to_the_last_line(tmp_path: Path) -> None:
    raw = (FIXTURES / "ofac_cons" / "cons_prim.csv").read_bytes()
    assert raw.endswith(b"\r\n\x1a")
    folder = tmp_path / "cons"
    folder.mkdir()
    (folder / "cons_prim.csv").write_bytes(raw[:-3] + b"\x1a")
    assert len(load_list(folder / "cons_prim.csv")) == 13


# --- the real files ----------------------------------------------------------------------------

needs_shared = pytest.mark.skipif(
    not SHARED_LISTS.is_dir(), reason=f"real lists not found at {SHARED_LISTS}"
)


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="latin-1", newline="") as file:
        return [row for row in csv.reader(file) if len(row) > 1]


@needs_shared
def test_real_csl_counts_and_truncated_last_row() -> None:
    path = SHARED_LISTS / "csl_2023-11-30_subset.csv"
    # PROVENANCE: 4,227 rows. The last one is cut mid-field in the file itself.
    with pytest.raises(EntityMatchError, match=r"csl_2023-11-30_subset\.csv:4233: truncated row"):
        load_list(path)
    stats = ListStats()
    entities = by_id(load_list(path, errors="skip", stats=stats))
    assert len(entities) + stats.malformed == 4227
    assert (len(entities), stats.malformed) == (4226, 1)
    assert entities["csl-cmic-30946"].names[1] == "Hikvision"


@needs_shared
def test_real_ofac_sdn_2021() -> None:
    stats = ListStats()
    entities = by_id(load_list(SHARED_LISTS / "ofac_sdn_2021-07" / "sdn.csv", stats=stats))
    assert len(entities) == 8977 - 1  # PROVENANCE counts the 0x1A line
    assert stats.unjoined == 0  # "complete, mutually consistent"
    assert stats.names - stats.entities >= 11910  # every alt.csv row joined (plus natural orders)
    assert entities["ofac-306"].names == ("BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA")
    assert entities["ofac-306"].weak_aliases == ("BNC",)
    assert Counter(e.kind for e in entities.values()) == {
        "person": 4620,
        "organization": 3673,
        "vessel": 406,
        "aircraft": 277,
    }


@needs_shared
def test_real_ofac_sdn_2024_with_alt_2025() -> None:
    sdn = SHARED_LISTS / "ofac_sdn_2024-05-03.csv"
    alt = SHARED_LISTS / "ofac_alt_2025-02.csv"
    stats = ListStats()
    entities = load_list(sdn, side_files={"alt": alt}, stats=stats)
    assert len(entities) == 14966 - 1
    ent_nums = {row[0] for row in _csv_rows(sdn)}
    alt_rows = _csv_rows(alt)
    assert len(alt_rows) == 19487 - 1
    orphans = sum(1 for row in alt_rows if row[0] not in ent_nums)
    assert stats.unjoined == orphans
    assert 0.90 < 1 - orphans / len(alt_rows) < 0.95  # "about 92% of rows join"


@needs_shared
def test_real_ofac_non_sdn() -> None:
    entities = by_id(load_list(SHARED_LISTS / "ofac_nonsdn_2025-12" / "cons_prim.csv"))
    assert len(entities) == 443 - 1
    assert entities["ofac-cons-30946"].names[1] == "HIKVISION"


@needs_shared
def test_real_un_list() -> None:
    entities = load_list(SHARED_LISTS / "un_consolidated_2026-02.xml")
    by_id(entities)
    assert Counter(e.kind for e in entities) == {"person": 730, "organization": 273}
    # Fields that list several spellings give each as a name of its own.
    assert not [n for e in entities for n in (*e.names, *e.weak_aliases) if ";" in n]
    soleimani = by_id(entities)["un-110408"]
    assert "Qasem Sulaymani" in soleimani.names
    assert em.Matcher([soleimani]).match("Qasem Sulaymani")[0].score == 1.0
    cagl = by_id(entities)["un-6908026"]  # two companies' names in FIRST_NAME
    assert cagl.names[:2] == (
        "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)",
        "GREAT LAKES BUSINESS COMPANY (GLBC)",
    )
    ghul = by_id(entities)["un-2983746"]  # a script name with its spellings in brackets
    assert {"حسن غول", "Hassan Ghul", "Hasan Gul"} <= set(ghul.names)


@needs_shared
def test_real_bis_dpl() -> None:
    entities = load_list(SHARED_LISTS / "bis_dpl_2022.txt")
    by_id(entities)
    assert len(entities) == 581


@needs_shared
@pytest.mark.parametrize(
    "name",
    [
        "csl_2023-11-30_subset.csv",
        "ofac_sdn_2021-07/sdn.csv",
        "ofac_sdn_2024-05-03.csv",
        "ofac_nonsdn_2025-12/cons_prim.csv",
        "un_consolidated_2026-02.xml",
        "bis_dpl_2022.txt",
    ],
)
def test_real_files_have_no_blank_names(name: str) -> None:
    stats = ListStats()
    for entity in iter_list(SHARED_LISTS / name, errors="skip", stats=stats):
        assert all(n == " ".join(n.split()) and n for n in entity.names)
        assert all(re.fullmatch(r"\S(.*\S)?", w) for w in entity.weak_aliases)
    assert stats.skipped == 0
