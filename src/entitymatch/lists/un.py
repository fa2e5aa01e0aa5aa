"""UN Security Council consolidated list XML (``<CONSOLIDATED_LIST>``).

Streamed with :func:`xml.etree.ElementTree.iterparse`; each finished
``INDIVIDUAL``/``ENTITY`` is removed from its parent, so memory holds one entry.

* **Ids** are ``un-<DATAID>``; ``INDIVIDUAL`` → person, ``ENTITY`` → organization.
* **Names**: an individual's name is ``FIRST_NAME`` to ``FOURTH_NAME`` joined
  with spaces, in the list's order (given names first for most entries,
  surname first where the UN writes it so); an entity's is ``FIRST_NAME``.
  ``NAME_ORIGINAL_SCRIPT`` (Arabic, Cyrillic ...) is an alias typed
  ``"original_script"``.
* **Aliases** (``INDIVIDUAL_ALIAS``/``ENTITY_ALIAS``, ``QUALITY`` +
  ``ALIAS_NAME``): ``Good`` and ``a.k.a.`` (or no quality) are aliases typed
  ``"aka"``, ``f.k.a.`` typed ``"fka"``; ``Low`` is the UN's low-quality
  alias, kept as a weak alias (``"Rumuli"`` for Gaston Iyamuremye). An alias
  of a person written ``"SURNAME, Given"`` also gets its ``"Given SURNAME"``
  form, typed ``"order"``.
* **Several names in one field**: the UN sometimes writes a list of spellings
  where one name belongs ("Qasim Soleimani; Qasem Sulaimani; ..."), a script
  name with its Latin spellings in brackets ("حسن غول (Hassan Ghul; Hassan
  Gul)"), or two entities' names in ``FIRST_NAME`` ("... (CAGL) ; GREAT LAKES
  BUSINESS COMPANY (GLBC)"). Such a field gives each name on its own (see
  :func:`split_names`); a field without ``;`` is one name.
* **Attributes**: ``un_list_type``, ``reference_number``, ``listed_on``,
  ``comments``, ``designations``, ``titles``, ``nationalities``,
  ``list_type``, ``last_updated``, ``gender``, ``addresses``,
  ``dates_of_birth``, ``places_of_birth``, ``ids``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError, iterparse

from entitymatch.lists._common import NameSet, ReadContext, clean
from entitymatch.records import Entity

__all__ = ["iter_entities", "split_names"]

ROOT = "CONSOLIDATED_LIST"
SOURCE = "UN Security Council Consolidated List"

_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_ALIAS_TYPES = {"": "aka", "good": "aka", "a.k.a.": "aka", "f.k.a.": "fka", "n.k.a.": "nka"}
_WEAK_QUALITY = "low"
_VALUE_LISTS = (
    ("designations", "DESIGNATION"),
    ("titles", "TITLE"),
    ("nationalities", "NATIONALITY"),
    ("list_type", "LIST_TYPE"),
    ("last_updated", "LAST_DAY_UPDATED"),
)


def _text(element: Element | None, tag: str) -> str:
    if element is None:
        return ""
    return clean(element.findtext(tag))


# "b) " starting a second numbered spelling inside a list of spellings.
_ENUMERATOR = re.compile(r"(?:^|\s)[a-z]\)\s+")
_SCRIPT_NOTE = re.compile(r"\(\s*original script\s*\)", re.IGNORECASE)


def split_names(field: str) -> list[str]:
    """The names in one UN name field: one, unless the field lists several with ``;``.

    A bracketed group that holds a ``;`` is a list of spellings of the name
    before it; brackets without one (an acronym, "(HTS)") stay in the name.

    >>> split_names("Mohammad Reza Zahidi; Mohammad Raza Zahedi")
    ['Mohammad Reza Zahidi', 'Mohammad Raza Zahedi']
    >>> split_names("حسن غول (Hassan Ghul; Hassan Gul)")
    ['حسن غول', 'Hassan Ghul', 'Hassan Gul']
    >>> split_names("Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Hayat Tahrir)")
    ['Tahrir al-Sham (HTS)', 'هيئة تحرير الشام', 'Hayat Tahrir']
    >>> split_names("Mohammed Sabet; Mohammad Sabet b) M. Jawad Karimi Sabet")
    ['Mohammed Sabet', 'Mohammad Sabet', 'M. Jawad Karimi Sabet']
    >>> split_names("FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA (FDLR)")
    ['FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA (FDLR)']
    """
    if ";" not in field:
        return [field] if field else []
    outer: list[str] = []  # text outside the bracketed lists, split at top-level ";"
    lists: list[str] = []  # the bracketed lists of spellings
    depth, start, current = 0, 0, []
    for position, char in enumerate(field):
        if char == "(":
            if depth == 0:
                current.append(field[start:position])
                start = position
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                group = field[start : position + 1]
                if ";" in group:
                    lists.append(group[1:-1])
                else:
                    current.append(group)
                start = position + 1
        elif char == ";" and depth == 0:
            current.append(field[start:position])
            outer.append("".join(current))
            current, start = [], position + 1
    current.append(field[start:])
    outer.append("".join(current))
    names: list[str] = []
    for part in (*outer, *(item for group in lists for item in group.split(";"))):
        for piece in _ENUMERATOR.split(_SCRIPT_NOTE.sub(" ", part)):
            name = clean(piece)
            if name and name not in names:
                names.append(name)
    return names


def _joined(element: Element, tags: tuple[str, ...]) -> str:
    return ", ".join(part for part in (_text(element, tag) for tag in tags) if part)


def iter_entities(path: Path, context: ReadContext) -> Iterator[Entity]:
    """Stream the individuals and entities of a UN consolidated list file."""
    context.stats.encoding = "xml"
    with path.open("rb") as file:
        yield from _stream(file, context)


def _stream(file: IO[bytes], context: ReadContext) -> Iterator[Entity]:
    stack: list[Element] = []
    try:
        for event, element in iterparse(file, events=("start", "end")):
            if event == "start":
                if not stack and element.tag != ROOT:
                    local = element.tag.rsplit("}", 1)[-1]
                    raise context.error(
                        f"not a UN consolidated list: root element <{local}>, expected <{ROOT}>",
                        1,
                    )
                stack.append(element)
                continue
            stack.pop()
            if len(stack) == 2 and element.tag in ("INDIVIDUAL", "ENTITY"):
                entity = _entry(element, context)
                stack[-1].remove(element)
                if entity is not None:
                    yield entity
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise context.error(f"XML parse error: {exc}", line) from None


def _entry(entry: Element, context: ReadContext) -> Entity | None:
    context.stats.rows += 1
    person = entry.tag == "INDIVIDUAL"
    data_id = _text(entry, "DATAID")
    if not data_id:
        context.malformed(f"{entry.tag} without DATAID", None)
        return None
    names = NameSet()
    if person:
        names.add(" ".join(part for part in (_text(entry, tag) for tag in _NAME_PARTS) if part))
    else:
        first, *others = split_names(_text(entry, "FIRST_NAME")) or [""]
        names.add(first)
        for other in others:
            names.add(other, "aka")
    for original in entry.iterfind("NAME_ORIGINAL_SCRIPT"):
        names.add(original.text, "original_script")
    for alias in entry.iterfind(f"{entry.tag}_ALIAS"):
        quality = _text(alias, "QUALITY").lower()
        for name in split_names(_text(alias, "ALIAS_NAME")):
            if quality == _WEAK_QUALITY:
                names.add_weak(name, person=person)
            elif person:
                names.add_person(name, _ALIAS_TYPES.get(quality, "aka"))
            else:
                names.add(name, _ALIAS_TYPES.get(quality, "aka"))

    attributes: dict[str, list[str]] = {
        "un_list_type": [_text(entry, "UN_LIST_TYPE")],
        "reference_number": [_text(entry, "REFERENCE_NUMBER")],
        "listed_on": [_text(entry, "LISTED_ON")],
        "comments": [_text(entry, "COMMENTS1")],
        "gender": [_text(entry, "GENDER")],
        "addresses": [
            _joined(address, ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"))
            for address in entry.iterfind(f"{entry.tag}_ADDRESS")
        ],
        "dates_of_birth": [_date(item) for item in entry.iterfind("INDIVIDUAL_DATE_OF_BIRTH")],
        "places_of_birth": [
            _joined(place, ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY"))
            for place in entry.iterfind("INDIVIDUAL_PLACE_OF_BIRTH")
        ],
        "ids": [
            _joined(document, ("TYPE_OF_DOCUMENT", "NUMBER", "ISSUING_COUNTRY"))
            for document in entry.iterfind("INDIVIDUAL_DOCUMENT")
        ],
    }
    for key, tag in _VALUE_LISTS:
        attributes[key] = [clean(value.text) for value in entry.iterfind(f"{tag}/VALUE")]
    return context.entity(
        names,
        id=f"un-{data_id}",
        kind="person" if person else "organization",
        source=SOURCE,
        attributes=attributes,
        line=None,
    )


def _date(item: Element) -> str:
    """A date of birth as the UN gives it: a date, a year, or a range of years."""
    date = _text(item, "DATE") or _text(item, "YEAR")
    if not date:
        start, end = _text(item, "FROM_YEAR"), _text(item, "TO_YEAR")
        date = f"between {start} and {end}" if start and end else start or end
    qualifier = _text(item, "TYPE_OF_DATE").lower()
    if date and qualifier and qualifier not in ("exact", "between"):
        return f"{qualifier} {date}"
    return date
