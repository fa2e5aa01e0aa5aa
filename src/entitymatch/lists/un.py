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
* **Attributes**: ``un_list_type``, ``reference_number``, ``listed_on``,
  ``comments``, ``designations``, ``titles``, ``nationalities``,
  ``list_type``, ``last_updated``, ``gender``, ``addresses``,
  ``dates_of_birth``, ``places_of_birth``, ``ids``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError, iterparse

from entitymatch.lists._common import NameSet, ReadContext, clean
from entitymatch.records import Entity

__all__ = ["iter_entities"]

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
        names.add(_text(entry, "FIRST_NAME"))
    for original in entry.iterfind("NAME_ORIGINAL_SCRIPT"):
        names.add(original.text, "original_script")
    for alias in entry.iterfind(f"{entry.tag}_ALIAS"):
        name = _text(alias, "ALIAS_NAME")
        quality = _text(alias, "QUALITY").lower()
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
