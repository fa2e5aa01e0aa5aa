"""OpenSanctions exports: FollowTheMoney JSON lines and ``targets.simple.csv``.

**FollowTheMoney entities** (``entities.ftm.json``, ``targets.nested.json``):
one JSON object per line with ``id``, ``schema``, ``properties`` (every
property a list of strings) and metadata (``caption``, ``datasets``,
``target``, ``first_seen``, ``last_seen``, ``last_change``).

* **Ids** are ``os-<id>`` (OpenSanctions ids such as ``ofac-36`` would
  otherwise collide with this package's own OFAC ids).
* **Kinds** by ``schema``: ``Person`` → person; ``Organization``,
  ``Company``, ``LegalEntity``, ``PublicBody`` → organization; ``Vessel`` →
  vessel; ``Airplane`` → aircraft; another schema (``Security``,
  ``CryptoWallet`` ...) → ``None``.
* **Which lines are entities**: a line with ``"target": false`` is not a
  listed party (sanction records, addresses, ownership links, related
  persons) and is counted in ``ListStats.ignored``; so is a relation schema
  (``Sanction``, ``Ownership``, ``Address`` ...) when ``target`` is absent.
* **Names**: ``caption`` (else the first ``name``) is the primary name; other
  ``name`` values and ``alias`` are aliases typed ``"aka"``,
  ``previousName`` typed ``"previous"``, ``weakAlias`` the weak aliases.
* **Attributes**: every other property under its FtM name (``birthDate``,
  ``country``, ``program`` ...; a nested entity contributes its caption),
  plus ``schema``, ``datasets``, ``first_seen``, ``last_seen``, ``last_change``.

**targets.simple.csv** (header ``id,schema,name,aliases,birth_date,countries,
addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,
last_change``; newer files add ``program_ids``): ids, kinds and persons as
above; ``aliases`` (``;``-separated) typed ``"aka"``; the simple export has no
weak aliases. Other columns are attributes, split on ``;``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from entitymatch.lists._common import NameSet, ReadContext, clean, csv_rows, open_text, split_list
from entitymatch.records import Entity, Kind

__all__ = ["SIMPLE_COLUMNS", "iter_ftm", "iter_simple", "schema_kind"]

SCHEMA_KINDS: Mapping[str, Kind] = {
    "Person": "person",
    "Organization": "organization",
    "Company": "organization",
    "LegalEntity": "organization",
    "PublicBody": "organization",
    "Vessel": "vessel",
    "Airplane": "aircraft",
}

RELATION_SCHEMAS = frozenset(
    {
        "Address",
        "Associate",
        "Directorship",
        "Employment",
        "Family",
        "Identification",
        "Membership",
        "Occupancy",
        "Ownership",
        "Passport",
        "Representation",
        "Sanction",
        "Succession",
        "UnknownLink",
    }
)
"""FollowTheMoney schemata that describe a fact about parties, not a party."""

SIMPLE_COLUMNS = (
    "id",
    "schema",
    "name",
    "aliases",
    "birth_date",
    "countries",
    "addresses",
    "identifiers",
    "sanctions",
    "phones",
    "emails",
    "dataset",
    "first_seen",
    "last_seen",
    "last_change",
)
"""The columns of ``targets.simple.csv`` (a newer ``program_ids`` column is accepted too)."""

_REQUIRED_SIMPLE = ("id", "schema", "name")
_NAME_PROPERTIES = frozenset({"name", "alias", "weakAlias", "previousName"})
_META = ("first_seen", "last_seen", "last_change")


def schema_kind(schema: str) -> Kind | None:
    """The kind of a FollowTheMoney schema.

    >>> schema_kind("Airplane"), schema_kind("PublicBody"), schema_kind("CryptoWallet")
    ('aircraft', 'organization', None)
    """
    return SCHEMA_KINDS.get(schema)


def _strings(value: object) -> list[str]:
    """A property's values as strings; a nested entity gives its caption or first name."""
    if isinstance(value, str):
        return [clean(value)]
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            out.extend(_strings(item))
        return out
    if isinstance(value, Mapping):
        caption = value.get("caption")
        if isinstance(caption, str):
            return [clean(caption)]
        properties = value.get("properties")
        if isinstance(properties, Mapping):
            return _strings(properties.get("name"))[:1]
    return []


def iter_ftm(path: Path, context: ReadContext) -> Iterator[Entity]:
    """Read FollowTheMoney JSON lines, one entity per line."""
    with open_text(path, context.stats) as file:
        for line_number, line in enumerate(file, start=1):
            if not line.strip():
                continue
            context.stats.rows += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                context.malformed(
                    f"bad JSON on line {line_number}, column {exc.colno}: {exc.msg}", line_number
                )
                continue
            if not isinstance(record, dict):
                context.malformed(f"not a JSON object but {type(record).__name__}", line_number)
                continue
            entity_id, schema = record.get("id"), record.get("schema")
            if not isinstance(entity_id, str) or not entity_id or not isinstance(schema, str):
                keys = sorted(record)
                context.malformed(
                    f"FollowTheMoney entity needs 'id' and 'schema'; keys found: {keys}",
                    line_number,
                )
                continue
            target = record.get("target")
            if target is False or (target is None and schema in RELATION_SCHEMAS):
                context.stats.ignored += 1
                continue
            entity = _ftm_entity(record, entity_id, schema, line_number, context)
            if entity is not None:
                yield entity


def _ftm_entity(
    record: Mapping[str, object], entity_id: str, schema: str, line: int, context: ReadContext
) -> Entity | None:
    kind = schema_kind(schema)
    person = kind == "person"
    raw = record.get("properties")
    properties: Mapping[str, object] = raw if isinstance(raw, Mapping) else {}
    names = NameSet()
    add = names.add_person if person else names.add
    caption = record.get("caption")
    if isinstance(caption, str):
        add(caption)
    for name in _strings(properties.get("name")):
        add(name, "aka")
    for alias in _strings(properties.get("alias")):
        add(alias, "aka")
    for previous in _strings(properties.get("previousName")):
        add(previous, "previous")
    for weak in _strings(properties.get("weakAlias")):
        names.add_weak(weak, person=person)

    attributes: dict[str, list[str]] = {
        key: _strings(value) for key, value in properties.items() if key not in _NAME_PROPERTIES
    }
    attributes["schema"] = [schema]
    attributes["datasets"] = _strings(record.get("datasets"))
    for key in _META:
        attributes[key] = _strings(record.get(key))
    datasets = attributes["datasets"]
    return context.entity(
        names,
        id=f"os-{entity_id}",
        kind=kind,
        source=f"OpenSanctions: {', '.join(datasets)}" if datasets else "OpenSanctions",
        attributes=attributes,
        line=line,
    )


def iter_simple(path: Path, context: ReadContext) -> Iterator[Entity]:
    """Read an OpenSanctions ``targets.simple.csv``."""
    with open_text(path, context.stats) as file:
        rows = csv_rows(file, context)
        first = next(rows, None)
        if first is None:
            raise context.error("empty file: no targets.simple.csv header", 1)
        header = [column.strip() for column in first[1]]
        missing = [column for column in _REQUIRED_SIMPLE if column not in header]
        if missing:
            raise context.error(
                f"missing required column(s) {missing}; columns found: {header}", first[0]
            )
        width = len(header)
        for line, row in rows:
            context.stats.rows += 1
            if len(row) != width:
                what = "truncated row" if len(row) < width else "wrong column count"
                context.malformed(f"{what}: {len(row)} of {width} columns", line)
                continue
            record = dict(zip(header, row, strict=True))
            entity_id = clean(record["id"])
            if not entity_id:
                context.malformed("empty id", line)
                continue
            schema = clean(record["schema"])
            kind = schema_kind(schema)
            names = NameSet()
            add = names.add_person if kind == "person" else names.add
            add(record["name"])
            for alias in split_list(record.get("aliases")):
                add(alias, "aka")
            attributes = {
                key: split_list(value)
                for key, value in record.items()
                if key not in ("id", "name", "aliases")
            }
            datasets = attributes.get("dataset", [])
            entity = context.entity(
                names,
                id=f"os-{entity_id}",
                kind=kind,
                source=f"OpenSanctions: {', '.join(datasets)}" if datasets else "OpenSanctions",
                attributes=attributes,
                line=line,
            )
            if entity is not None:
                yield entity
