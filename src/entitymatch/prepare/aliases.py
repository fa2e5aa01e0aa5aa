"""Alias tables: names that lists and users know to be the same.

One CSV format serves the shipped brand table (``data/zh_brands.csv``: 海康威视 =
Hikvision) and users' own tables::

    canonical,alias,entity_id,source
    Hikvision,海康威视,,SZSE listing 002415
    ,Sabrina Meng,csl-12345,internal KYC file

A row says ``alias`` names the same party as ``canonical`` (or as the entity
with id ``entity_id``). Only ``alias`` and one of ``canonical`` / ``entity_id``
are required; ``source`` says how the pairing is known. Lines starting with
``#`` are comments. A row takes effect in two ways:

* **whole names**: an entity whose id is ``entity_id``, or one of whose names
  equals ``canonical`` once legal forms are set aside, gains ``alias`` as a name;
* **Han phrases**: a Han ``alias`` is also read as ``canonical`` wherever it
  appears inside a longer Han name (杭州海康威视数字技术股份有限公司 reads
  海康威视 as "Hikvision").
"""

from __future__ import annotations

import csv
import functools
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from entitymatch.data import read_text
from entitymatch.errors import EntityMatchError
from entitymatch.prepare.scripts import script_runs

__all__ = ["AliasRow", "AliasTable", "shipped_aliases"]

_COLUMNS = ("canonical", "alias", "entity_id", "source")


@dataclass(frozen=True, slots=True)
class AliasRow:
    """One pairing: ``alias`` names what ``canonical`` (or entity ``entity_id``) names."""

    canonical: str
    alias: str
    entity_id: str = ""
    source: str = ""


def _is_han(text: str) -> bool:
    compact = text.replace(" ", "")
    return bool(compact) and all(script == "han" for script, _ in script_runs(compact))


class AliasTable:
    """An immutable collection of alias rows; tables merge with ``|``.

    >>> table = AliasTable([AliasRow("Hikvision", "海康威视")])
    >>> merged = table | AliasTable([AliasRow("", "HIK", entity_id="csl-1")])
    >>> len(merged), list(merged.han_phrases())
    (2, [('海康威视', 'Hikvision')])
    """

    __slots__ = ("_rows",)

    def __init__(self, rows: Iterable[AliasRow] = ()) -> None:
        unique: dict[tuple[str, str, str], AliasRow] = {}
        for row in rows:
            unique.setdefault((row.canonical, row.alias, row.entity_id), row)
        self._rows = tuple(unique.values())

    @classmethod
    def from_csv(cls, path: str | os.PathLike[str]) -> AliasTable:
        """Load a table from a CSV file in the format above (UTF-8, BOM allowed).

        Raises:
            EntityMatchError: The file is missing a required column or a row
                has no alias or no target; the message names file and line.
        """
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise EntityMatchError(f"cannot read alias table: {error}", path=path) from error
        return cls(_parse(text, os.fspath(path)))

    def __or__(self, other: AliasTable) -> AliasTable:
        return AliasTable([*self._rows, *other._rows])

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[AliasRow]:
        return iter(self._rows)

    def __repr__(self) -> str:
        return f"AliasTable({len(self._rows)} rows)"

    def han_phrases(self) -> Iterator[tuple[str, str]]:
        """``(han, canonical)`` for rows whose alias is Han and canonical is not."""
        for row in self._rows:
            if row.canonical and _is_han(row.alias) and not _is_han(row.canonical):
                yield row.alias.replace(" ", ""), row.canonical


def _parse(text: str, path: str) -> list[AliasRow]:
    lines = text.splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    numbered = [(n, line) for n, line in numbered if not line.lstrip().startswith("#")]
    if not numbered:
        return []
    reader = csv.reader(io.StringIO("\n".join(line for _, line in numbered)))
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in ("alias",) if c not in header]
    if missing or ("canonical" not in header and "entity_id" not in header):
        raise EntityMatchError(
            f"alias table header {header!r} lacks required columns; expected "
            f"'alias' and 'canonical' and/or 'entity_id' (all columns: {', '.join(_COLUMNS)})",
            path=path,
            line=numbered[0][0],
        )
    rows: list[AliasRow] = []
    for (number, _), fields in zip(numbered[1:], reader, strict=True):
        if len(fields) != len(header):
            raise EntityMatchError(
                f"{len(fields)} fields, header has {len(header)}", path=path, line=number
            )
        values = dict(zip(header, (f.strip() for f in fields), strict=True))
        row = AliasRow(
            values.get("canonical", ""),
            values.get("alias", ""),
            values.get("entity_id", ""),
            values.get("source", ""),
        )
        if not row.alias:
            raise EntityMatchError("empty alias", path=path, line=number)
        if not row.canonical and not row.entity_id:
            raise EntityMatchError(
                "row names neither a canonical name nor an entity_id", path=path, line=number
            )
        rows.append(row)
    return rows


@functools.cache
def shipped_aliases() -> AliasTable:
    """The curated brand table shipped with entitymatch (``data/zh_brands.csv``)."""
    return AliasTable(_parse(read_text("zh_brands.csv"), "entitymatch/data/zh_brands.csv"))
