"""trade.gov Consolidated Screening List (CSL): the CSV export and the JSON download/API.

One record per listing, with the same field names in both shapes: ``name``,
``alt_names`` (``;``-separated in CSV, an array in JSON), ``type``
(``Individual``/``Entity``/``Vessel``/``Aircraft``, empty for most BIS lists),
``source`` (the full list name) and addresses, ids, programs.

* **Ids** are ``csl-<list code>-<_id>``, the code being the parenthesised
  short name in ``source`` (``"Entity List (EL) - ..."`` gives ``el``): the
  CSL repeats an ``_id`` when one party is on two lists (SSI and NS-MBS,
  SDN and PLC), and each listing is kept as its own entity.
* **Aliases** are ``alt_names``, typed ``"aka"``, and the aliases some lists
  write inside ``name`` (``"FUYI SUN A/K/A FRANK SUN"``, ``"... [aka ...]"``),
  which are split off (the name as listed is kept in ``listed_name``). The CSL merges OFAC's weak
  a.k.a.s into ``alt_names`` without marking them (entry 306 lists ``BNC``
  beside ``NATIONAL BANK OF CUBA``), so a CSL entity has no weak aliases;
  load OFAC's own files to keep the distinction.
* **Persons** (``type`` ``Individual``) written ``"SURNAME, Given"`` also get
  the ``"Given SURNAME"`` form as an alias typed ``"order"``.
* **Attributes** keep every other non-empty field under its CSL name;
  ``programs``, ``addresses``, ``ids``, ``citizenships``, ``nationalities``,
  ``dates_of_birth`` and ``places_of_birth`` are split on ``;`` (CSV) or
  taken item by item (JSON; an address or id object is joined with ``", "``).

The CSV export of 2023 repeats its header on line 2; a repeated header is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from entitymatch.lists._common import (
    NameSet,
    ReadContext,
    clean,
    csv_rows,
    open_text,
    split_inline_aliases,
    split_list,
)
from entitymatch.lists._jsonstream import iter_array_items
from entitymatch.records import Entity, parse_kind

__all__ = ["iter_csv", "iter_json"]

ID_FIELDS = ("_id", "id")
"""The record id: ``_id`` in the CSV export, ``id`` in the API's JSON."""

MULTI_FIELDS = frozenset(
    {
        "programs",
        "addresses",
        "ids",
        "citizenships",
        "nationalities",
        "dates_of_birth",
        "places_of_birth",
    }
)
"""Fields holding several values (``;``-separated in the CSV)."""

_NOT_ATTRIBUTES = frozenset({*ID_FIELDS, "name", "alt_names", "type", "source"})
_LIST_CODE = re.compile(r"\(([^()]+)\)")
_SLUG = re.compile(r"[^0-9a-z]+")


def list_code(source: str) -> str:
    """A short lower-case tag for a CSL ``source``: its last parenthesised code.

    >>> list_code("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department")
    'ns-mbs-list'
    >>> list_code("Entity List (EL) - Bureau of Industry and Security"), list_code("")
    ('el', '')
    """
    codes = _LIST_CODE.findall(source)
    return _SLUG.sub("-", codes[-1].lower()).strip("-") if codes else ""


def iter_csv(path: Path, context: ReadContext) -> Iterator[Entity]:
    """Read the CSL CSV export (29 columns, header on line 1)."""
    with open_text(path, context.stats) as file:
        rows = csv_rows(file, context)
        first = next(rows, None)
        if first is None:
            raise context.error("empty file: no CSL header", 1)
        _, header = first
        header = [column.strip() for column in header]
        _require(header, context)
        width = len(header)
        for line, row in rows:
            if row == header:  # the export repeats its header
                continue
            context.stats.rows += 1
            if len(row) != width:
                what = "truncated row" if len(row) < width else "wrong column count"
                context.malformed(f"{what}: {len(row)} of {width} columns", line)
                continue
            entity = _entity(dict(zip(header, row, strict=True)), line, context)
            if entity is not None:
                yield entity


def iter_json(path: Path, context: ReadContext) -> Iterator[Entity]:
    """Read CSL JSON: ``{"results": [...]}`` (API/download) or a bare array of records."""
    with open_text(path, context.stats) as file:
        for line, item in iter_array_items(file, context, "results"):
            context.stats.rows += 1
            if not isinstance(item, dict):
                context.malformed(f"CSL record is not a JSON object: {type(item).__name__}", line)
                continue
            if not any(key in item for key in ("name", "alt_names")):
                keys = sorted(item)
                context.malformed(f"CSL record has no 'name'; keys found: {keys}", line)
                continue
            entity = _entity(item, line, context)
            if entity is not None:
                yield entity


def _require(header: list[str], context: ReadContext) -> None:
    if "name" not in header or not any(key in header for key in ID_FIELDS):
        raise context.error(
            "missing required CSL column: need 'name' and '_id' (or 'id'); "
            f"columns found: {header}",
            1,
        )


def _values(value: object, *, multi: bool) -> list[str]:
    """A field as a list of cleaned strings, whatever its JSON or CSV shape."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, str):
        return split_list(value) if multi else [clean(value)]
    if isinstance(value, int | float):
        return [str(value)]
    if isinstance(value, Mapping):
        joined = ", ".join(
            clean(str(part))
            for part in value.values()
            if isinstance(part, str | int) and str(part).strip()
        )
        return [joined] if joined else []
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            out.extend(_values(item, multi=False))
        return out
    return []


def _entity(record: Mapping[str, object], line: int, context: ReadContext) -> Entity | None:
    record_id = next((clean(str(record[key])) for key in ID_FIELDS if record.get(key)), "")
    source = clean(str(record.get("source") or ""))
    type_values = _values(record.get("type"), multi=False)
    kind = parse_kind(type_values[0] if type_values else None)
    if not record_id:
        record_id = f"line-{line}"
    code = list_code(source)
    entity_id = f"csl-{code}-{record_id}" if code else f"csl-{record_id}"

    names = NameSet()
    add = names.add_person if kind == "person" else names.add
    listed = _values(record.get("name"), multi=False)
    inline: list[str] = []
    for name in listed:
        primary, aliases = split_inline_aliases(name)
        add(primary)
        inline.extend(aliases)
    for alias in [*inline, *_values(record.get("alt_names"), multi=True)]:
        add(alias, "aka")

    attributes = {
        key: _values(value, multi=key in MULTI_FIELDS)
        for key, value in record.items()
        if value and key not in _NOT_ATTRIBUTES  # most CSL fields are empty: skip them first
    }
    if type_values:
        attributes["type"] = type_values
    if inline:
        attributes["listed_name"] = listed
    return context.entity(
        names,
        id=entity_id,
        kind=kind,
        source=source or None,
        attributes=attributes,
        line=line,
    )
