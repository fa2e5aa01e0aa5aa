"""Cut examples/csl_sample.csv from the real CSL export in /work/shared/data/lists.

Run ``python examples/cut_csl_sample.py [DATA_DIR]`` to rebuild it; ``SOURCES.md``
says what it holds. The header line is the export's own; the chosen rows are
written back as the export writes them (every field quoted, LF line ends), so
each cut row is byte-identical to its source row. Two Entity List rows that the
2023 subset lacks are appended, marked in their ``remarks``.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[1] / "shared" / "data" / "lists"
SOURCE = "csl_2023-11-30_subset.csv"

SDN_IDS = ("306", "751", "3754", "4238", "4243")
"""SDN rows the list fixtures use too: a bank with the merged weak alias BNC, a
Cuban company, a person written SURNAME, Given, two vessels."""

CHINA = re.compile(r"\bCN\b|China|Hong Kong")
"""An address in mainland China or Hong Kong (the CSL writes country codes)."""

MEU_ROWS = 10
"""Military End User rows taken (all are Chinese): AECC and AVIC companies."""

ENTITY_LIST = "Entity List (EL) - Bureau of Industry and Security"
LIST_URL = "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list"
RULE_2019 = "84 FR 54002"
LICENCE = "For all items subject to the EAR."
POLICY = (
    "Case-by-case review for ECCNs 1A004.c, 1A004.d, 1A995, 1A999.a, 1D003, 2A983, "
    "2D983, and 2E983, and for EAR99 items described in the Note to ECCN 1A995; "
    "presumption of denial for all other items subject to the EAR."
)
ADDED = (
    "Not in the 2023-11-30 CSL subset: added for the entitymatch example. Listed by the "
    "Entity List rule of 9 Oct 2019 (84 FR 54002, FR Doc 2019-22210) as reported; {names} "
    "Address left empty: the notice text was not re-read."
)
ADDED_ROWS = (
    {
        "_id": "example-dahua",
        "name": "Zhejiang Dahua Technology Co., Ltd.",
        "alt_names": "Dahua Technology",
        "remarks": ADDED.format(
            names="the rule names it Dahua Technology; the legal name is the one of its "
            "annual report (SZSE 002236)."
        ),
    },
    {
        "_id": "example-iflytek",
        "name": "IFLYTEK",
        "alt_names": "iFLYTEK Co., Ltd.",
        "remarks": ADDED.format(
            names="the rule names it IFLYTEK; the alias is its legal name at its listing "
            "(SZSE 002230)."
        ),
    },
)


def chosen(row: dict[str, str]) -> bool:
    """Whether a row of the export goes into the sample."""
    source, addresses = row["source"], row["addresses"] or ""
    if source.startswith("Non-SDN Chinese Military-Industrial Complex"):
        return True  # all 68 CMIC rows: Hikvision, Huawei, SenseTime, Megvii, CloudWalk ...
    if source.startswith(("Entity List", "Specially Designated Nationals")):
        return bool(CHINA.search(addresses)) or row["_id"] in SDN_IDS
    if source.startswith("Denied Persons List"):
        return "DAHUA" in row["name"]  # a Flushing, NY firm: not Zhejiang Dahua
    if source.startswith("Sectoral Sanctions"):
        return bool(CHINA.search(addresses))
    return False


def main(data: Path) -> None:
    """Write csl_sample.csv beside this script."""
    text = (data / SOURCE).read_text(encoding="utf-8")
    header_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    rows: list[list[str]] = []
    meu = 0
    for fields in reader:
        if fields == header or len(fields) != len(header):
            continue  # the repeated header, and the truncated last row
        row = dict(zip(header, fields, strict=True))
        if row["source"].startswith("Military End User") and meu < MEU_ROWS:
            meu += 1
            rows.append(fields)
        elif chosen(row):
            rows.append(fields)
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerows(rows)
    cut = out.getvalue()
    assert all(line in text for line in cut.splitlines()), "a cut row differs from its source"
    for added in ADDED_ROWS:
        row = dict.fromkeys(header, "")
        row.update(
            added,
            source=ENTITY_LIST,
            federal_register_notice=RULE_2019,
            start_date="2019-10-09",
            license_requirement=LICENCE,
            license_policy=POLICY,
            source_list_url=LIST_URL,
        )
        writer.writerow([row[name] for name in header])
    (HERE / "csl_sample.csv").write_text(
        header_line + "\n" + out.getvalue(), encoding="utf-8", newline=""
    )
    print(f"csl_sample.csv: {len(rows)} rows cut, {len(ADDED_ROWS)} added")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
