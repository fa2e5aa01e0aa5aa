"""Shipped tables and their loader.

Every table is a UTF-8 file in this package opening with a ``#`` comment block
that defines its fields and names its source and licence; the first
non-comment line is the header. Tables load lazily, once, on first use.
Sources and licences are collected in ``SOURCES.md`` beside this file.
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources

from entitymatch.errors import EntityMatchError

__all__ = ["read_rows", "read_text"]


def read_text(name: str) -> str:
    """Return the text of a shipped data file."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@functools.cache
def read_rows(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a shipped TSV (``.tsv``) or CSV (``.csv``) table, ``#`` lines skipped.

    Raises:
        EntityMatchError: A row has a different number of fields than the header.
    """
    text = read_text(name)
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    lines = [(n, line) for n, line in lines if not line.startswith("#")]
    if not lines:
        return ()
    delimiter = "\t" if name.endswith(".tsv") else ","
    numbers = [n for n, _ in lines]
    reader = csv.reader(
        io.StringIO("\n".join(line for _, line in lines)),
        delimiter=delimiter,
        quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL,
    )
    header, *body = list(reader)
    rows: list[dict[str, str]] = []
    for number, fields in zip(numbers[1:], body, strict=True):
        if len(fields) != len(header):
            raise EntityMatchError(
                f"{len(fields)} fields, header has {len(header)}: {fields!r}",
                path=f"entitymatch/data/{name}",
                line=number,
            )
        rows.append({key: value.strip() for key, value in zip(header, fields, strict=True)})
    return tuple(rows)
