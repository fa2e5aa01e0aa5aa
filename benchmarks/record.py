"""Results files of the benchmarks: one CSV per benchmark under benchmarks/results/,
a row appended per run (the header written with the first)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any


def append_rows(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[Any] | Mapping[str, Any]]
) -> None:
    """Append ``rows`` (sequences in ``header`` order, or mappings by column name;
    missing columns are left empty, others ignored) to the CSV at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        if new:
            writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(f, "") for f in header] if isinstance(row, Mapping) else row)
