"""List formats → :class:`~entitymatch.records.Entity` records.

:func:`load_list` reads a whole list; :func:`iter_list` streams it, one
entity at a time, in the order of the file. The format is detected from the
content when ``format`` is ``None`` (see :func:`detect_format`); ``FORMATS``
names the formats and says what each is:

>>> sorted(FORMATS)  # doctest: +NORMALIZE_WHITESPACE
['bis-dpl', 'csl-csv', 'csl-json', 'csv', 'ftm-json', 'ofac-csv', 'ofac-xml',
 'opensanctions-csv', 'un-xml']

Records without a usable name are skipped and counted; pass a
:class:`ListStats` to see the counts (``stats.summary()`` is one line for a
CLI). A malformed file raises :class:`~entitymatch.errors.EntityMatchError`
naming the file, the line and the reason; ``errors="skip"`` skips malformed
records instead and counts them. Formats are described in ``docs/lists.md``
and in each module's docstring: ``csl``, ``ofac_csv``, ``ofac_xml``, ``un``,
``dpl``, ``opensanctions``, ``plain``.
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from entitymatch.errors import EntityMatchError
from entitymatch.lists._common import ErrorMode, ListStats, ReadContext
from entitymatch.lists.plain import validate_columns
from entitymatch.records import Entity

__all__ = ["FORMATS", "ListStats", "detect_format", "iter_list", "load_list"]

FORMATS: Mapping[str, str] = {
    "bis-dpl": "BIS Denied Persons List, tab-separated with a header",
    "csl-csv": "trade.gov Consolidated Screening List, CSV export",
    "csl-json": 'trade.gov Consolidated Screening List, JSON ({"results": [...]} or an array)',
    "csv": "plain CSV/TSV with a header: name, id, aliases, kind, weak_aliases, source",
    "ftm-json": "OpenSanctions FollowTheMoney entities, JSON lines",
    "ofac-csv": "OFAC legacy CSV: sdn.csv or cons_prim.csv, joined with alt/add/comments files",
    "ofac-xml": "OFAC XML: sdn.xml / consolidated.xml (<sdnList>) or SDN_ENHANCED.xml",
    "opensanctions-csv": "OpenSanctions targets.simple.csv",
    "un-xml": "UN Security Council consolidated list XML",
}
"""Format names accepted by ``format=``, with what each reads."""

# name -> (module, function); modules load on first use.
_READERS: Mapping[str, tuple[str, str]] = {
    "bis-dpl": ("dpl", "iter_entities"),
    "csl-csv": ("csl", "iter_csv"),
    "csl-json": ("csl", "iter_json"),
    "csv": ("plain", "iter_entities"),
    "ftm-json": ("opensanctions", "iter_ftm"),
    "ofac-csv": ("ofac_csv", "iter_entities"),
    "ofac-xml": ("ofac_xml", "iter_entities"),
    "opensanctions-csv": ("opensanctions", "iter_simple"),
    "un-xml": ("un", "iter_entities"),
}

_HEAD_BYTES = 1 << 16  # bytes read to detect a format: a header, or the first records
_ERROR_MODES = ("raise", "skip")
_XML_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)")
_OFAC_SIDE_SHAPES = {
    5: ("alias file (alt.csv)", "alt"),
    6: ("address file (add.csv)", "add"),
    2: ("remarks continuation file (sdn_comments.csv)", "comments"),
}


def _allowed() -> str:
    return ", ".join(sorted(FORMATS))


def _normalize_format(format: str) -> str:
    name = format.strip().lower().replace("_", "-")
    if name not in FORMATS:
        raise EntityMatchError(f"unknown list format {format!r}; expected one of: {_allowed()}")
    return name


def _head_text(path: Path) -> str:
    with path.open("rb") as file:
        head = file.read(_HEAD_BYTES)
    head = head.removeprefix(b"\xef\xbb\xbf")
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut by the end of the head
            return head[: exc.start].decode("utf-8", errors="replace")
        return head.decode("cp1252", errors="replace")


def detect_format(path: str | os.PathLike[str]) -> str:
    """The format of a list file, read from its first 64 KiB.

    Rules, in order:

    * XML by its root element: ``<sdnList>`` or ``<sanctionsData>`` →
      ``ofac-xml``; ``<CONSOLIDATED_LIST>`` → ``un-xml``.
    * JSON: a first line that is an object with ``schema`` → ``ftm-json``;
      a ``"results"`` member or CSL field names → ``csl-json``.
    * Delimited text by its first line: CSL columns (``_id``, ``alt_names``)
      → ``csl-csv``; ``id,schema,name`` → ``opensanctions-csv``; a tab-separated
      header with ``Name`` and ``Effective_Date`` → ``bis-dpl``; no header, a
      numeric first field and 12 columns → ``ofac-csv`` (an OFAC side file
      given alone is an error saying to load the main file); a ``name``
      column → ``csv``.

    Raises:
        EntityMatchError: When no rule fits (the message lists the formats),
            or for an OFAC side file given as the main file.
    """
    path = Path(path)
    text = _head_text(path).lstrip()
    if text.startswith("<"):
        for match in _XML_ROOT.finditer(text):
            start = match.start()
            if text[start + 1] in "?!":
                continue
            root = match.group(1).rsplit(":", 1)[-1]
            if root in ("sdnList", "sanctionsData"):
                return "ofac-xml"
            if root == "CONSOLIDATED_LIST":
                return "un-xml"
            raise EntityMatchError(
                f"unrecognised XML list: root element <{root}>; "
                "expected <sdnList>, <sanctionsData> (OFAC) or <CONSOLIDATED_LIST> (UN)",
                path=path,
                line=1,
            )
    elif text.startswith(("{", "[")):
        first_line = text.split("\n", 1)[0]
        try:
            first: Any = json.loads(first_line)
        except ValueError:
            first = None
        if isinstance(first, dict) and "schema" in first:
            return "ftm-json"
        if '"results"' in text or any(
            f'"{key}"' in text for key in ("alt_names", "source_list_url")
        ):
            return "csl-json"
        if '"schema"' in text and '"properties"' in text:
            return "ftm-json"
    elif text:
        line = text.splitlines()[0]
        delimiter = "\t" if "\t" in line else ","
        fields = next(csv.reader([line], delimiter=delimiter))
        lowered = [field.strip().lower() for field in fields]
        if "_id" in lowered and "alt_names" in lowered:
            return "csl-csv"
        if lowered[:3] == ["id", "schema", "name"]:
            return "opensanctions-csv"
        if delimiter == "\t" and "name" in lowered and "effective_date" in lowered:
            return "bis-dpl"
        if fields and fields[0].strip().isdigit():
            if len(fields) == 12:
                return "ofac-csv"
            if len(fields) in _OFAC_SIDE_SHAPES:
                what, key = _OFAC_SIDE_SHAPES[len(fields)]
                raise EntityMatchError(
                    f"this looks like an OFAC {what}, which only completes a main file: load "
                    f"sdn.csv or cons_prim.csv (side files beside it are joined) or pass "
                    f"side_files={{{key!r}: ...}}",
                    path=path,
                    line=1,
                )
        if "name" in lowered:
            return "csv"
    raise EntityMatchError(
        f"cannot detect the list format; pass format= one of: {_allowed()}", path=path, line=1
    )


def iter_list(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    columns: Mapping[str, str] | None = None,
    side_files: Mapping[str, str | os.PathLike[str] | None] | None = None,
    errors: ErrorMode = "raise",
    stats: ListStats | None = None,
) -> Iterator[Entity]:
    """Stream the entities of a list file, in file order, one record in memory at a time.

    Args:
        path: The list file.
        format: One of ``FORMATS`` (``-`` or ``_``, any case), or ``None`` to
            detect it (:func:`detect_format`).
        columns: For ``format="csv"`` only: which column holds each field,
            e.g. ``{"name": "Company Name", "id": "Supplier ID"}`` (fields:
            ``id``, ``name``, ``aliases``, ``weak_aliases``, ``kind``, ``source``).
        side_files: For ``format="ofac-csv"`` only: OFAC side files by key
            (``"alt"``, ``"add"``, ``"comments"``) when they are not beside the
            main file under OFAC's names; ``None`` as a value leaves one out.
        errors: ``"raise"`` (default) fails on the first malformed record;
            ``"skip"`` skips it and counts it in ``stats``. A broken XML or
            JSON document always raises: nothing after the break can be read.
        stats: Filled with counts while the list is read.

    Returns:
        An iterator of entities. Arguments, the file's existence and its
        format are checked when this is called; records when iterated.

    Raises:
        EntityMatchError: Unknown format or keyword, missing file,
            undetectable format, or (while iterating) a malformed file,
            naming the file and line.
    """
    source = Path(path)
    if not source.is_file():
        raise EntityMatchError(
            "no such list file" if not source.exists() else "not a file", path=source
        )
    if errors not in _ERROR_MODES:
        raise EntityMatchError(f"errors must be one of {_ERROR_MODES}, got {errors!r}")
    if format is not None:
        name = _normalize_format(format)
    elif columns is not None:
        name = "csv"
    else:
        name = detect_format(source)
    options: dict[str, Any] = {}
    if columns is not None:
        if name != "csv":
            raise EntityMatchError(
                f"columns= applies to format 'csv' only, not {name!r}", path=source
            )
        validate_columns(columns)  # fail now, not on the first next()
        options["columns"] = columns
    if side_files is not None:
        if name != "ofac-csv":
            raise EntityMatchError(
                f"side_files= applies to format 'ofac-csv' only, not {name!r}", path=source
            )
        options["side_files"] = side_files
    module, function = _READERS[name]
    reader: Callable[..., Iterator[Entity]] = getattr(
        importlib.import_module(f"entitymatch.lists.{module}"), function
    )
    context = ReadContext(source, name, errors, stats if stats is not None else ListStats())
    return reader(source, context, **options)


def load_list(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    columns: Mapping[str, str] | None = None,
    side_files: Mapping[str, str | os.PathLike[str] | None] | None = None,
    errors: ErrorMode = "raise",
    stats: ListStats | None = None,
) -> list[Entity]:
    """Read a whole list file: ``list(iter_list(...))``, same arguments.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> path = folder / "suppliers.csv"
    >>> _ = path.write_text("Supplier ID,Company Name\\n7,Hikvision\\n", encoding="utf-8")
    >>> stats = ListStats()
    >>> columns = {"id": "Supplier ID", "name": "Company Name"}
    >>> entities = load_list(path, columns=columns, stats=stats)
    >>> [(e.id, e.names) for e in entities]
    [('7', ('Hikvision',))]
    >>> stats.summary().split(": ", 1)[1]
    '1 entities, 1 names, 0 weak aliases'
    """
    return list(
        iter_list(path, format, columns=columns, side_files=side_files, errors=errors, stats=stats)
    )
