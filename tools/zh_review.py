"""List the rows of the Chinese tables that an automatic converter would get differently.

The tables were drafted with pypinyin (pinyin) and OpenCC s2tw (traditional forms) and then
checked by hand; every difference printed here was looked at and kept on purpose (a place or
surname polyphone, a surname that keeps its own traditional character). Run it after editing a
table and review any new line it prints:

    python tools/zh_review.py

OpenCC is optional (``pip install opencc-python-reimplemented``); without it only pinyin is
compared.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pypinyin import Style, lazy_pinyin

DATA = Path(__file__).resolve().parents[1] / "src" / "entitymatch" / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    """Rows of a `#`-commented TSV as dicts keyed by its header."""
    lines = [
        line
        for line in (DATA / name).read_text(encoding="utf-8").split("\n")
        if line and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def converter_pinyin(han: str) -> str:
    """pypinyin's reading of han, joined, with ü written u as the tables do."""
    return "".join(lazy_pinyin(han, style=Style.NORMAL, v_to_u=True)).replace("ü", "u")


def main() -> int:
    try:
        # Imported here: OpenCC is an optional reviewing aid, not a project dependency.
        from opencc import OpenCC  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415

        to_traditional = OpenCC("s2tw").convert
    except ImportError:
        to_traditional = None
        print("opencc not installed: traditional forms not compared", file=sys.stderr)

    differences = 0
    for name in ("zh_places.tsv", "zh_surnames.tsv"):
        for row in read_rows(name):
            han = row["han"]
            mine = row["pinyin"].split("|")[0]
            theirs = converter_pinyin(han)
            if mine != theirs:
                differences += 1
                print(f"{name}\tpinyin\t{han}\ttable={mine}\tpypinyin={theirs}")
    if to_traditional is not None:
        for name in ("zh_places.tsv", "zh_glossary.tsv", "zh_surnames.tsv"):
            for row in read_rows(name):
                han = row["han"]
                theirs = to_traditional(han)
                theirs = "" if theirs == han else theirs
                if row["traditional"] != theirs:
                    differences += 1
                    print(
                        f"{name}\ttraditional\t{han}\ttable={row['traditional']}\topencc={theirs}"
                    )
    print(f"{differences} rows differ from the converters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
