"""OFAC legacy CSV: ``sdn.csv`` + ``alt.csv`` + ``add.csv`` + ``sdn_comments.csv``.

The same shape serves the non-SDN consolidated list (``cons_prim.csv`` with
``cons_alt.csv``, ``cons_add.csv``, ``cons_comments.csv``). OFAC's data
specification: no header; ``-0-`` means empty; rows end in CR LF; the file
ends with a DOS end-of-file byte (0x1A); text is Latin-1 by specification
(the files at hand are pure ASCII, and the encoding is checked, not assumed).

Main file, 12 columns: ``ent_num, SDN_Name, SDN_Type, Program, Title,
Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks``.
Side files, joined by ``ent_num``: ``alt`` (``ent_num, alt_num, alt_type,
alt_name, alt_remarks``), ``add`` (``ent_num, add_num, address,
city/state/postal code, country, add_remarks``) and ``comments``
(``ent_num, remarks continued``: OFAC cuts ``Remarks`` at 1,000 characters
and writes the rest there).

Choices, from what the files really hold:

* **Ids** are ``ofac-<ent_num>``; the non-SDN list uses ``ofac-cons-<ent_num>``
  because an ``ent_num`` moves between the two lists over time (61 numbers
  of the 2021 and 2024 SDN files are in the 2025 non-SDN file).
* **Kinds**: ``individual`` → person, ``vessel``, ``aircraft``; an empty
  type (``-0-``) is OFAC's "Entity" → organization.
* **Aliases** come from ``alt.csv`` typed ``aka``/``fka``/``nka`` as OFAC
  writes them. ``alt.csv`` holds only *strong* aliases.
* **Weak aliases**: OFAC publishes weak a.k.a.s only inside ``Remarks`` in the
  legacy files, as ``a.k.a. 'BNC'`` items (``f.k.a. '...'`` too); they are
  read from there (after joining ``sdn_comments``) into ``weak_aliases``,
  typed ``"weak"``. Entry 306 BANCO NACIONAL DE CUBA: alias NATIONAL BANK OF
  CUBA from ``alt.csv``, weak alias ``BNC`` from its remarks.
* **Person name order**: OFAC writes ``"SURNAME, Given"``; the name is kept
  as written and ``"Given SURNAME"`` is added as an alias typed ``"order"``
  (for aliases and weak aliases of persons too).
* **Attributes**: ``programs`` (OFAC's ``"IRAN] [SDGT"`` split), ``title``,
  vessel fields, ``remarks`` (whole, comments joined), ``addresses``, and
  from the remarks ``dates_of_birth``, ``places_of_birth``, ``nationalities``,
  ``citizenships``, ``gender``.

Side files are loaded into dicts keyed by ``ent_num`` before the main file is
streamed: they are bounded by the list (tens of thousands of short rows), and
a join needs them. Side-file rows whose ``ent_num`` has no entry are counted
in ``ListStats.unjoined``.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path

from entitymatch.errors import EntityMatchError
from entitymatch.lists._common import (
    NameSet,
    ReadContext,
    check_width,
    clean,
    csv_rows,
    open_text,
)
from entitymatch.records import Entity, Kind

__all__ = ["SIDE_FILES", "find_side_files", "iter_entities", "weak_akas"]

NULL = "-0-"
"""OFAC's empty value."""

SIDE_FILES = ("alt", "add", "comments")
"""Keys of the ``side_files`` mapping: aliases, addresses, remarks continued."""

MAIN_WIDTH = 12
_SIDE_WIDTH = {"alt": 5, "add": 6, "comments": 2}

_KINDS: Mapping[str, Kind] = {
    "individual": "person",
    "vessel": "vessel",
    "aircraft": "aircraft",
    "": "organization",
    "entity": "organization",
}
_ALIAS_TYPES = {"aka": "aka", "fka": "fka", "nka": "nka"}
_VESSEL_FIELDS = (
    "call_sign",
    "vessel_type",
    "tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
)

_WEAK_AKA = re.compile(r"(?:^|;)\s*[afn]\.k\.a\.,?\s+'(.+?)'(?=\s*(?:;|\.?\s*$))")
"""A weak alias item in OFAC remarks: ``a.k.a. 'NAME'`` up to the ``;`` or final ``.``.

Anchored on item boundaries because names hold apostrophes (``ABU-'UMAR``)."""

_REMARK_FIELDS = {
    "DOB": "dates_of_birth",
    "POB": "places_of_birth",
    "nationality": "nationalities",
    "citizen": "citizenships",
    "Gender": "gender",
}
"""Remark items kept as attributes, by their first word (after an optional ``alt.``)."""


def weak_akas(remarks: str) -> list[str]:
    """The weak a.k.a.s written in OFAC remarks.

    >>> weak_akas("a.k.a. 'BNC'.")
    ['BNC']
    >>> weak_akas("POB Gaza, Egypt; a.k.a. 'ABU-'UMAR'; Linked To: HAMAS.")
    ["ABU-'UMAR"]
    """
    return [clean(match) for match in _WEAK_AKA.findall(remarks)]


def _field(value: str) -> str:
    value = value.strip()
    return "" if value == NULL else value


def _fields(row: list[str]) -> list[str]:
    """All fields of a row stripped, ``-0-`` made empty (one comprehension: the hot loop)."""
    return ["" if (value := field.strip()) == NULL else value for field in row]


def _side_names(path: Path) -> dict[str, str]:
    """Side-file names expected beside a main file, by the names OFAC uses."""
    name = path.name
    lower = name.lower()
    if lower.startswith("cons_prim"):
        stem = name[len("cons_prim") :]
        return {
            "alt": f"cons_alt{stem}",
            "add": f"cons_add{stem}",
            "comments": f"cons_comments{stem}",
        }
    index = lower.find("sdn")
    if index < 0:
        return {}
    before, after = name[:index], name[index + 3 :]
    return {
        "alt": f"{before}alt{after}",
        "add": f"{before}add{after}",
        "comments": f"{before}sdn_comments{after}",
    }


def find_side_files(path: Path) -> dict[str, Path]:
    """The side files present beside ``path`` (names compared case-insensitively).

    ``sdn.csv`` looks for ``alt.csv``, ``add.csv``, ``sdn_comments.csv``;
    ``cons_prim.csv`` for ``cons_alt.csv``, ``cons_add.csv``, ``cons_comments.csv``;
    any other name holding ``sdn`` for the same name with ``sdn`` replaced.
    """
    wanted = _side_names(path)
    if not wanted:
        return {}
    try:
        present = {entry.name.lower(): entry for entry in path.parent.iterdir()}
    except OSError:
        return {}
    found: dict[str, Path] = {}
    for key, name in wanted.items():
        entry = present.get(name.lower())
        if entry is not None and entry.is_file():
            found[key] = entry
    return found


def _resolve_side_files(
    path: Path, side_files: Mapping[str, str | os.PathLike[str] | None] | None
) -> dict[str, Path]:
    files = find_side_files(path)
    for key, value in (side_files or {}).items():
        if key not in SIDE_FILES:
            raise EntityMatchError(
                f"unknown OFAC side file {key!r}; expected one of: {', '.join(SIDE_FILES)}"
            )
        if value is None:
            files.pop(key, None)
            continue
        side = Path(value)
        if not side.is_file():
            raise EntityMatchError(f"OFAC {key} file not found", path=side)
        files[key] = side
    return files


class _Side:
    """The side files, loaded: aliases, addresses and remark continuations by ent_num."""

    def __init__(self, files: Mapping[str, Path], context: ReadContext) -> None:
        self.context = context
        self.aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.addresses: dict[str, list[str]] = defaultdict(list)
        self.comments: dict[str, str] = {}
        for key, side_path in files.items():
            side_context = context.sibling(side_path)
            with open_text(side_path) as file:
                for line, row in csv_rows(file, side_context, main=False):
                    if not check_width(row, _SIDE_WIDTH[key], line, side_context):
                        continue
                    ent_num = row[0].strip()
                    if key == "alt":
                        alias_type = _ALIAS_TYPES.get(_field(row[2]).lower(), "aka")
                        self.aliases[ent_num].append((alias_type, _field(row[3])))
                    elif key == "add":
                        parts = _fields(row[2:5])
                        address = ", ".join(clean(part) for part in parts if part)
                        self.addresses[ent_num].append(address)
                    else:
                        self.comments[ent_num] = self.comments.get(ent_num, "") + row[1]

    def take(self, ent_num: str) -> tuple[list[tuple[str, str]], list[str], str]:
        """Pop what the side files hold for one entry (leftovers are the unjoined rows)."""
        return (
            self.aliases.pop(ent_num, []),
            self.addresses.pop(ent_num, []),
            self.comments.pop(ent_num, ""),
        )

    def unjoined(self) -> int:
        return (
            sum(len(rows) for rows in self.aliases.values())
            + sum(len(rows) for rows in self.addresses.values())
            + len(self.comments)
        )


def iter_entities(
    path: Path,
    context: ReadContext,
    *,
    side_files: Mapping[str, str | os.PathLike[str] | None] | None = None,
) -> Iterator[Entity]:
    """Read an OFAC legacy main file and join its side files.

    Args:
        path: ``sdn.csv`` or ``cons_prim.csv`` (or a renamed copy).
        context: Errors and counts.
        side_files: Side files by key (``"alt"``, ``"add"``, ``"comments"``),
            overriding those found beside ``path``; ``None`` as a value
            leaves that side file out.
    """
    files = _resolve_side_files(path, side_files)
    consolidated = path.name.lower().startswith("cons")
    prefix = "ofac-cons" if consolidated else "ofac"
    source = "OFAC Consolidated (non-SDN)" if consolidated else "OFAC SDN"
    side = _Side(files, context)
    with open_text(path, context.stats) as file:
        for line, row in csv_rows(file, context):
            context.stats.rows += 1
            if not check_width(row, MAIN_WIDTH, line, context):
                continue
            entity = _entity(row, line, side, prefix=prefix, source=source, context=context)
            if entity is not None:
                yield entity
    context.stats.unjoined += side.unjoined()


def _entity(
    row: list[str],
    line: int,
    side: _Side,
    *,
    prefix: str,
    source: str,
    context: ReadContext,
) -> Entity | None:
    row = _fields(row)
    ent_num = row[0]
    if not ent_num:
        context.malformed("empty ent_num", line)
        return None
    sdn_type = row[2].lower()
    kind = _KINDS.get(sdn_type)
    person = kind == "person"
    aliases, addresses, more_remarks = side.take(ent_num)
    remarks = row[11] + more_remarks

    names = NameSet()
    add = names.add_person if person else names.add
    add(row[1])
    for alias_type, alias in aliases:
        add(alias, alias_type)
    for weak in weak_akas(remarks):
        names.add_weak(weak, person=person)

    attributes: dict[str, list[str]] = {
        "programs": [clean(p) for p in row[3].split("] [")],
        "sdn_type": [sdn_type],
        "title": [row[4]],
        "addresses": addresses,
        "remarks": [clean(remarks)],
    }
    if kind in ("vessel", "aircraft"):
        for field, value in zip(_VESSEL_FIELDS, row[5:11], strict=True):
            attributes[field] = [value]
    for item in remarks.rstrip(".").split(";"):
        words = item.split(None, 1)
        if words and words[0] == "alt.":
            words = words[1].split(None, 1) if len(words) > 1 else []
        key = _REMARK_FIELDS.get(words[0]) if len(words) == 2 else None
        if key:
            attributes.setdefault(key, []).append(clean(words[1]))
    return context.entity(
        names,
        id=f"{prefix}-{ent_num}",
        kind=kind,
        source=source,
        attributes=attributes,
        line=line,
    )
