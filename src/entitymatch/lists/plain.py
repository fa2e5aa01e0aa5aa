"""A plain CSV or TSV list of your own, with a header and a column mapping.

Fields the loader reads (``FIELDS``), and the header each is looked up
under by default:

==================  ================  ===========================================
field               default column    meaning
==================  ================  ===========================================
``name``            ``name``          primary name (required)
``id``              ``id``            entity id, used as is; without an id
                                      column the id is ``line-<line number>``
``aliases``         ``aliases``       aliases, ``;``-separated, typed ``"aka"``
``weak_aliases``    ``weak_aliases``  weak aliases, ``;``-separated
``kind``            ``kind``          person/individual, organization/company/
                                      entity, vessel, aircraft (else ``None``)
``source``          ``source``        the list the row comes from
==================  ================  ===========================================

Pass ``columns={"name": "Company Name", "id": "Supplier ID"}`` to read
fields from other headers; a mapped column missing from the file is an error
that lists the columns found. Headers are matched exactly, then ignoring case
and surrounding spaces. Every other column is kept as an attribute under its
header (split on ``;``).

The delimiter is read from the header line: a tab if it has one, else ``;``
if it has ``;`` but no comma, else a comma.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from entitymatch.errors import EntityMatchError
from entitymatch.lists._common import NameSet, ReadContext, clean, csv_rows, open_text, split_list
from entitymatch.records import Entity, parse_kind

__all__ = ["FIELDS", "delimiter_of", "iter_entities", "validate_columns"]

FIELDS = ("id", "name", "aliases", "weak_aliases", "kind", "source")
"""The fields a plain list can map to its columns; only ``name`` is required."""


def validate_columns(columns: Mapping[str, str] | None) -> dict[str, str]:
    """The field → column mapping with defaults filled in; unknown fields raise.

    >>> validate_columns({"name": "Company Name"})["name"]
    'Company Name'
    """
    mapping = {field: field for field in FIELDS}
    for field, column in (columns or {}).items():
        if field not in FIELDS:
            raise EntityMatchError(
                f"unknown field {field!r} in columns=; expected one of: {', '.join(FIELDS)}"
            )
        if not isinstance(column, str) or not column.strip():
            raise EntityMatchError(f"columns[{field!r}] must be a column name, got {column!r}")
        mapping[field] = column
    return mapping


def delimiter_of(header_line: str) -> str:
    """The delimiter of a plain list, read from its header line.

    >>> delimiter_of("id\\tname"), delimiter_of("id;name"), delimiter_of("id,name;x")
    ('\\t', ';', ',')
    """
    if "\t" in header_line:
        return "\t"
    if ";" in header_line and "," not in header_line:
        return ";"
    return ","


def _find(header: list[str], column: str) -> int | None:
    if column in header:
        return header.index(column)
    folded = [name.strip().casefold() for name in header]
    wanted = column.strip().casefold()
    return folded.index(wanted) if wanted in folded else None


def iter_entities(
    path: Path, context: ReadContext, *, columns: Mapping[str, str] | None = None
) -> Iterator[Entity]:
    """Read a plain CSV/TSV list with a header."""
    mapping = validate_columns(columns)
    with open_text(path, context.stats) as file:
        header_line = file.readline()
        if not header_line.strip():
            raise context.error("empty file: no header line", 1)
        delimiter = delimiter_of(header_line)
        file.seek(0)
        rows = csv_rows(file, context, delimiter=delimiter)
        first = next(rows, None)
        if first is None:
            raise context.error("empty file: no header line", 1)
        header = [column.strip() for column in first[1]]  # utf-8-sig has dropped any BOM
        index = {field: _find(header, column) for field, column in mapping.items()}
        for field, position in index.items():
            if position is None and columns and field in columns:
                raise context.error(
                    f"missing column {mapping[field]!r} mapped to {field!r}; "
                    f"columns found: {header}",
                    first[0],
                )
        name_index = index["name"]
        if name_index is None:
            raise context.error(
                f"missing required column {mapping['name']!r} (the name); columns found: {header}",
                first[0],
            )
        mapped = {position for position in index.values() if position is not None}
        width = len(header)
        for line, row in rows:
            context.stats.rows += 1
            if len(row) != width:
                what = "truncated row" if len(row) < width else "wrong column count"
                context.malformed(f"{what}: {len(row)} of {width} columns", line)
                continue

            def cell(field: str, row: list[str] = row) -> str:
                position = index[field]
                return row[position] if position is not None else ""

            kind = parse_kind(clean(cell("kind")))
            person = kind == "person"
            names = NameSet()
            add = names.add_person if person else names.add
            add(row[name_index])
            for alias in split_list(cell("aliases")):
                add(alias, "aka")
            for weak in split_list(cell("weak_aliases")):
                names.add_weak(weak, person=person)
            attributes = {
                header[position]: split_list(value)
                for position, value in enumerate(row)
                if position not in mapped
            }
            entity = context.entity(
                names,
                id=clean(cell("id")) or f"line-{line}",
                kind=kind,
                source=clean(cell("source")) or None,
                attributes=attributes,
                line=line,
            )
            if entity is not None:
                yield entity
