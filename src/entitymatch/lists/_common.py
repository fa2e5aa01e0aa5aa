"""Plumbing shared by the list readers: encodings, line-numbered CSV, errors, name sets.

Nothing here knows a list format; each format module (``csl``, ``ofac_csv`` ...)
turns its records into :class:`~entitymatch.records.Entity` through
:class:`NameSet` and :meth:`ReadContext.entity`.
"""

from __future__ import annotations

import codecs
import csv
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

from entitymatch.errors import EntityMatchError
from entitymatch.records import Entity, Kind

__all__ = [
    "ErrorMode",
    "ListStats",
    "NameSet",
    "ReadContext",
    "clean",
    "csv_rows",
    "detect_encoding",
    "natural_order",
    "open_text",
    "split_inline_aliases",
]

ErrorMode = Literal["raise", "skip"]

EOF_MARKER = "\x1a"
"""SUBSTITUTE (U+001A): the DOS end-of-file byte OFAC's legacy files end with."""

MAX_PROBLEMS = 20
"""Problems kept word for word in :attr:`ListStats.problems`; the rest are only counted."""

_CHUNK = (
    1 << 20
)  # bytes per read when checking an encoding: large enough to be fast, small in memory

# csv's own field limit is 128 KiB; OFAC remarks stop at 1,000 characters, but a
# user's CSV may hold long text, and a limit error would read as a malformed file.
csv.field_size_limit(min(2**31 - 1, 64 * 1024 * 1024))


@dataclass(slots=True)
class ListStats:
    """What one load read, kept, skipped and why: the numbers a CLI summary prints.

    Pass an instance as ``stats=`` to :func:`entitymatch.lists.iter_list` or
    :func:`entitymatch.lists.load_list`; it is filled while the list is read
    (so it is complete once the iterator is exhausted).

    Attributes:
        path: The file read.
        format: The format name used (given or detected).
        encoding: The text encoding used (``"utf-8-sig"``, ``"cp1252"``,
            ``"latin-1"``), or ``"xml"`` when the XML declaration decides.
        rows: Records read from the main file (rows, XML entries, JSON objects),
            malformed ones included, header lines excluded.
        entities: Entities yielded.
        names: Names yielded (primary names and aliases, not weak aliases).
        weak_aliases: Weak aliases yielded.
        skipped: Records skipped because no usable name was left.
        malformed: Malformed records skipped under ``errors="skip"``.
        ignored: Records that are not listed parties (FollowTheMoney relations
            such as ``Sanction`` or ``Ownership``, entities with ``target: false``).
        unjoined: OFAC side-file rows (alt/add/comments) whose ``ent_num`` has
            no entry in the main file.
        problems: The first ``MAX_PROBLEMS`` skip reasons, as ``path:line: reason``.
    """

    path: str = ""
    format: str = ""
    encoding: str = ""
    rows: int = 0
    entities: int = 0
    names: int = 0
    weak_aliases: int = 0
    skipped: int = 0
    malformed: int = 0
    ignored: int = 0
    unjoined: int = 0
    problems: list[str] = field(default_factory=list)

    def note(self, problem: str) -> None:
        """Remember a problem message, up to ``MAX_PROBLEMS`` of them."""
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def summary(self) -> str:
        """One line for a CLI.

        >>> ListStats(path="sdn.csv", format="ofac-csv", entities=2, names=5, skipped=1).summary()
        'sdn.csv [ofac-csv]: 2 entities, 5 names, 0 weak aliases; 1 skipped without a name'
        """
        text = (
            f"{self.path} [{self.format}]: {self.entities} entities, {self.names} names, "
            f"{self.weak_aliases} weak aliases"
        )
        extra = [
            f"{count} {what}"
            for count, what in (
                (self.skipped, "skipped without a name"),
                (self.malformed, "malformed skipped"),
                (self.ignored, "ignored (not listed parties)"),
                (self.unjoined, "side-file rows without an entry"),
            )
            if count
        ]
        return "; ".join([text, *extra])


def clean(text: str | None) -> str:
    """Collapse runs of whitespace (newlines, tabs, double spaces) and strip.

    Lists wrap long names over lines and pad fields; the letters are left as
    the list writes them.

    >>> clean("  AL-QAIDA\\n   IN  IRAQ ")
    'AL-QAIDA IN IRAQ'
    """
    if not text:
        return ""
    return " ".join(text.split())


_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def natural_order(name: str) -> str | None:
    """The "Given SURNAME" form of a person written "SURNAME, Given", else ``None``.

    OFAC writes persons surname first with a comma; screened records usually
    put the given name first. A trailing generational suffix stays last.

    >>> natural_order("ABU MARZOOK, Mousa Mohammed")
    'Mousa Mohammed ABU MARZOOK'
    >>> natural_order("DELOS REYES, Feliciano Semborio, Jr.")
    'Feliciano Semborio DELOS REYES Jr.'
    >>> natural_order("ZULKARNAEN") is None
    True
    """
    parts = [part.strip() for part in name.split(",")]
    suffix = ""
    if len(parts) == 3 and parts[2].lower() in _NAME_SUFFIXES:
        suffix = " " + parts[2]
        parts = parts[:2]
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return None
    return f"{parts[1]} {parts[0]}{suffix}"


class NameSet:
    """The names of one entity as they are read: primary first, then aliases.

    Blank and repeated names are dropped; a weak alias that is also a full
    name stays a full name. ``types`` keeps the first type given to a name.

    >>> names = NameSet()
    >>> names.add_person("ABU TEIR, Mohammed")
    >>> names.add("ABU TEIR, Mohammed", "aka")
    >>> names.add_weak("ABU")
    >>> names.names, names.weak
    (['ABU TEIR, Mohammed', 'Mohammed ABU TEIR'], ['ABU'])
    >>> names.types
    {'Mohammed ABU TEIR': 'order', 'ABU': 'weak'}
    """

    __slots__ = ("names", "types", "weak")

    def __init__(self) -> None:
        self.names: list[str] = []
        self.weak: list[str] = []
        self.types: dict[str, str] = {}

    def add(self, name: str | None, type_: str | None = None) -> None:
        """Add a name (the first one added is the primary name)."""
        name = clean(name)
        if not name or name in self.names:
            return
        if name in self.weak:  # a full name outranks the same string as a weak alias
            self.weak.remove(name)
            self.types.pop(name, None)
        self.names.append(name)
        if type_ and len(self.names) > 1:
            self.types.setdefault(name, type_)

    def add_person(self, name: str | None, type_: str | None = None) -> None:
        """Add a person's name as written, then its natural order (type ``"order"``)."""
        name = clean(name)
        self.add(name, type_)
        natural = natural_order(name) if name else None
        if natural:
            self.add(natural, "order")

    def add_weak(self, name: str | None, *, person: bool = False) -> None:
        """Add a weak alias (type ``"weak"``); for a person also its natural order."""
        for form in _forms(clean(name), person=person):
            if form and form not in self.names and form not in self.weak:
                self.weak.append(form)
                self.types.setdefault(form, "weak")

    def __bool__(self) -> bool:
        return bool(self.names or self.weak)


def _forms(name: str, *, person: bool) -> tuple[str, ...]:
    natural = natural_order(name) if person and name else None
    return (name, natural) if natural else (name,)


class ReadContext:
    """One read of one file: where errors go and what is counted.

    Args:
        path: The file being read (named in every error).
        format: The format name, recorded in ``stats``.
        errors: ``"raise"`` to fail on the first malformed record,
            ``"skip"`` to count it in ``stats`` and go on.
        stats: Where counts go.
    """

    __slots__ = ("errors", "path", "stats")

    def __init__(self, path: Path, format: str, errors: ErrorMode, stats: ListStats) -> None:
        self.path = path
        self.errors = errors
        self.stats = stats
        stats.path = os.fspath(path)
        stats.format = format

    def sibling(self, path: Path) -> ReadContext:
        """A context for a side file of this load: its own path in errors, the same counts."""
        other = ReadContext.__new__(ReadContext)
        other.path = path
        other.errors = self.errors
        other.stats = self.stats
        return other

    def error(self, reason: str, line: int | None = None) -> EntityMatchError:
        """An error naming this file and line (always raised by the caller)."""
        return EntityMatchError(reason, path=self.path, line=line)

    def malformed(self, reason: str, line: int | None) -> None:
        """A malformed record: raise under ``errors="raise"``, else count and go on."""
        if self.errors == "raise":
            raise self.error(reason, line)
        self.stats.malformed += 1
        self.stats.note(str(self.error(reason, line)))

    def entity(
        self,
        names: NameSet,
        *,
        id: str,
        kind: Kind | None,
        source: str | None,
        attributes: Mapping[str, Iterable[str]],
        line: int | None,
    ) -> Entity | None:
        """Build the entity, or count it as skipped (``None``) when no name is usable."""
        if not names:
            self.stats.skipped += 1
            self.stats.note(str(self.error(f"no usable name in record {id!r}; skipped", line)))
            return None
        kept: dict[str, tuple[str, ...]] = {}
        for key, values in attributes.items():
            present = tuple([value for value in values if value])
            if present:
                kept[key] = present
        entity = Entity(
            id=id,
            names=tuple(names.names),
            kind=kind,
            weak_aliases=tuple(names.weak),
            source=source,
            name_types=names.types,
            attributes=kept,
        )
        self.stats.entities += 1
        self.stats.names += len(entity.names)
        self.stats.weak_aliases += len(entity.weak_aliases)
        return entity


def detect_encoding(path: Path) -> str:
    """The encoding to read a text file with, checked over the whole file.

    UTF-8 is decoded strictly first (``"utf-8-sig"``, which also drops a byte
    order mark); a file that is not UTF-8 is read as Windows-1252 when every
    byte is defined there (OFAC's "Latin-1" files are written on Windows), else
    as Latin-1, which decodes any byte. The check reads the file once in 1 MiB
    chunks, so memory stays constant.
    """
    if _decodes(path, "utf-8"):
        return "utf-8-sig"
    return "cp1252" if _decodes(path, "cp1252") else "latin-1"


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as file:
        try:
            while chunk := file.read(_CHUNK):
                if not chunk.isascii():  # ASCII is valid in every encoding tried here
                    decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def open_text(path: Path, stats: ListStats | None = None) -> IO[str]:
    """Open a text file in its detected encoding (recorded in ``stats``); newlines left to csv."""
    encoding = detect_encoding(path)
    if stats is not None:
        stats.encoding = encoding
    return path.open(encoding=encoding, newline="")


def without_eof_marker(lines: Iterable[str]) -> Iterator[str]:
    """Yield lines, dropping a DOS end-of-file byte (0x1A) at the end of the file."""
    previous: str | None = None
    for line in lines:
        if previous is not None:
            yield previous
        previous = line
    if previous is None:
        return
    body = previous.rstrip("\r\n")
    if body.endswith(EOF_MARKER):
        newline = previous[len(body) :]
        body = body.rstrip(EOF_MARKER)
        if not body:
            return
        previous = body + newline
    yield previous


def csv_rows(
    lines: Iterable[str], context: ReadContext, *, delimiter: str = ",", main: bool = True
) -> Iterator[tuple[int, list[str]]]:
    """Parse CSV lines into ``(line, fields)``, ``line`` being where the record starts.

    Quoting is strict: an unterminated quoted field (a file cut mid-record)
    is a malformed record, not a silently shortened one. Blank lines are
    skipped. A record too broken to parse counts in ``stats.rows`` when
    ``main`` (readers count the records they get themselves).
    """
    reader = csv.reader(without_eof_marker(lines), delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                reason = "truncated row: quoted field not closed before the end of the file"
            else:
                reason = f"bad CSV: {exc}"
            if main:
                context.stats.rows += 1
            context.malformed(reason, start)
            continue
        if row and any(row):
            yield start, row


def check_width(row: list[str], expected: int, line: int, context: ReadContext) -> bool:
    """True when ``row`` has ``expected`` fields; else report it malformed and return False."""
    if len(row) == expected:
        return True
    if len(row) < expected:
        reason = f"truncated row: {len(row)} of {expected} columns"
    else:
        reason = f"wrong column count: {len(row)} columns, expected {expected}"
    context.malformed(reason, line)
    return False


_INLINE_MARKER = r"(?:A/K/A|A\.K\.A\.?|F/K/A|F\.K\.A\.?|D/B/A)"
_BRACKETED = re.compile(
    rf"[(\[]\s*(?:{_INLINE_MARKER}|aka|fka|dba)\s+([^()\[\]]+)[)\]]", re.IGNORECASE
)
_INLINE = re.compile(rf"\s*,?\s+{_INLINE_MARKER}\s+", re.IGNORECASE)


def split_inline_aliases(name: str) -> tuple[str, list[str]]:
    """Split the aliases some lists write inside a name (BIS lists, CSL).

    A bracketed ``(aka X)``/``[a.k.a. X]`` becomes an alias and leaves the
    name; ``A/K/A``, ``A.K.A.``, ``F/K/A``, ``D/B/A`` between two names split
    them. A bare word "aka" outside brackets is left alone (it can be a name).

    >>> split_inline_aliases("FUYI SUN A/K/A FRANK SUN")
    ('FUYI SUN', ['FRANK SUN'])
    >>> split_inline_aliases("PEARL (A.K.A. NEI-CHIEN CHU) LI")
    ('PEARL LI', ['NEI-CHIEN CHU'])
    >>> split_inline_aliases("Chitron Electronics Co. Ltd., a.k.a. Chi-Chung Electronics Co. Ltd.")
    ('Chitron Electronics Co. Ltd.', ['Chi-Chung Electronics Co. Ltd.'])
    >>> split_inline_aliases("SOCCER ZONE (MNC GROUP INTERNATIONAL, INC.)")
    ('SOCCER ZONE (MNC GROUP INTERNATIONAL, INC.)', [])
    """
    aliases = [clean(found) for found in _BRACKETED.findall(name)]
    if aliases:
        name = clean(_BRACKETED.sub(" ", name))
    parts = _INLINE.split(name)
    if len(parts) > 1:
        aliases.extend(clean(part) for part in parts[1:])
    return clean(parts[0]), [alias for alias in aliases if alias]


_SEMICOLON = re.compile(r"\s*;\s*")


def split_list(value: str | None) -> list[str]:
    """Split a ``;``-separated cell into cleaned, non-empty values.

    >>> split_list("CHINA TELECOM; CHINA TELECOM CO., LTD;  ")
    ['CHINA TELECOM', 'CHINA TELECOM CO., LTD']
    """
    if not value:
        return []
    return [item for item in (clean(part) for part in _SEMICOLON.split(value)) if item]
