"""BIS Denied Persons List, tab-separated with a header.

Columns: ``Name, Street_Address, City, State, Country, Postal_Code,
Effective_Date, Expiration_Date, Standard_Order, Last_Update, Action,
FR_Citation``. One row per party *and address*: a party with three addresses
has three rows, and two rows may be identical; each row is one entity.

* **Ids** are ``dpl-<line>``: the list has no identifier, so the id is the
  row's line in the file and is stable only for one version of the file.
* **Kind** is ``None``: the list mixes persons and companies without saying which.
* **Aliases**: the list writes some inside the name — ``"FUYI SUN A/K/A
  FRANK SUN"``, ``"PEARL (A.K.A. NEI-CHIEN CHU) LI"``, ``"SIBERIAN AIRLINES
  D/B/A S7 AIRLINES"``. These are split: the name without the marked part
  is the primary name, the marked part an alias typed ``"aka"``; the name as
  listed is kept in ``attributes["listed_name"]``.
* **Attributes**: ``addresses`` (street, city, state, postal code, country
  joined), ``effective_date``, ``expiration_date``, ``standard_order``,
  ``last_update``, ``action``, ``fr_citation``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from entitymatch.lists._common import (
    NameSet,
    ReadContext,
    clean,
    csv_rows,
    open_text,
    split_inline_aliases,
)
from entitymatch.records import Entity

__all__ = ["COLUMNS", "iter_entities"]

COLUMNS = (
    "Name",
    "Street_Address",
    "City",
    "State",
    "Country",
    "Postal_Code",
    "Effective_Date",
    "Expiration_Date",
    "Standard_Order",
    "Last_Update",
    "Action",
    "FR_Citation",
)
SOURCE = "BIS Denied Persons List"


def iter_entities(path: Path, context: ReadContext) -> Iterator[Entity]:
    """Read a Denied Persons List file."""
    with open_text(path, context.stats) as file:
        rows = csv_rows(file, context, delimiter="\t")
        first = next(rows, None)
        if first is None:
            raise context.error("empty file: no Denied Persons List header", 1)
        header = [column.strip() for column in first[1]]
        missing = [column for column in COLUMNS if column not in header]
        if missing:
            raise context.error(
                f"missing required column(s) {missing}; columns found: {header}", first[0]
            )
        width = len(header)
        index = {column: header.index(column) for column in COLUMNS}
        for line, row in rows:
            context.stats.rows += 1
            if len(row) != width:
                what = "truncated row" if len(row) < width else "wrong column count"
                context.malformed(f"{what}: {len(row)} of {width} columns", line)
                continue
            listed = clean(row[index["Name"]])
            primary, aliases = split_inline_aliases(listed)
            names = NameSet()
            names.add(primary)
            for alias in aliases:
                names.add(alias, "aka")
            address = ", ".join(
                part
                for part in (
                    clean(row[index[column]])
                    for column in ("Street_Address", "City", "State", "Postal_Code", "Country")
                )
                if part
            )
            attributes = {
                "listed_name": [listed] if aliases else [],
                "addresses": [address],
                **{column.lower(): [clean(row[index[column]])] for column in COLUMNS[6:]},
            }
            entity = context.entity(
                names, id=f"dpl-{line}", kind=None, source=SOURCE, attributes=attributes, line=line
            )
            if entity is not None:
                yield entity
