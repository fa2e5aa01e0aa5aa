"""OFAC XML: ``sdn.xml`` and ``consolidated.xml`` (``<sdnList>``), ``SDN_ENHANCED.xml``.

Both are streamed with :func:`xml.etree.ElementTree.iterparse`, one entry in
memory at a time; namespaces are ignored (OFAC has used
``http://tempuri.org/sdnList.xsd`` and the Sanctions List Service's
``.../exports/XML`` and ``.../exports/ENHANCED_XML``).

``<sdnList>``, per OFAC's data specification: each ``<sdnEntry>`` has
``uid``, ``firstName``, ``lastName``, ``title``, ``sdnType``
(``Individual``/``Entity``/``Vessel``/``Aircraft``), ``remarks``,
``programList/program``, ``akaList/aka`` (``type`` ``a.k.a.``/``f.k.a.``/
``n.k.a.``, ``category`` ``strong``/``weak``, ``lastName``, ``firstName``),
``addressList/address``, ``idList/id``, ``nationalityList``,
``citizenshipList``, ``dateOfBirthList``, ``placeOfBirthList``, ``vesselInfo``.

* Names are built as the legacy CSV writes them, ``"lastName, firstName"``
  (just ``lastName`` when there is no first name), so an entry has the same
  names and id (``ofac-<uid>``) from either file; persons also get
  ``"firstName lastName"`` typed ``"order"``.
* ``category`` ``weak`` akas go to ``weak_aliases``; weak a.k.a.s written in
  ``remarks`` (the legacy style) are read too.

``<sanctionsData>`` (the enhanced file): each ``entities/entity`` has an ``id``
attribute (the same UID), ``generalInfo/entityType``, ``sanctionsLists``,
``sanctionsPrograms``, and ``names/name`` with ``isPrimary``, ``aliasType``
(``A.K.A.``/``F.K.A.``/``N.K.A.``), ``isLowQuality`` and
``translations/translation`` (``isPrimary``, ``script``,
``formattedFullName``, ``formattedFirstName``, ``formattedLastName``).

* The primary name is the primary translation of the primary name; the
  primary translation of every other name is an alias typed by its
  ``aliasType``; ``isLowQuality`` true makes it weak. A translation that is
  not the primary one (another script) is an alias typed ``"original_script"``.
* ``features`` feed ``dates_of_birth`` (``Birthdate``), ``places_of_birth``,
  ``nationalities``, ``citizenships``, ``gender``; the rest are kept as
  ``"type: value"`` under ``features``.

A file whose name starts with ``cons`` (``consolidated.xml``,
``CONS_ENHANCED.xml``) is the non-SDN list: ids ``ofac-cons-<uid>``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError, iterparse

from entitymatch.lists._common import NameSet, ReadContext, clean
from entitymatch.lists.ofac_csv import weak_akas
from entitymatch.records import Entity, Kind, parse_kind

__all__ = ["iter_entities"]

ROOTS = ("sdnList", "sanctionsData")
"""Root elements of the two structures."""

_ALIAS_TYPES = {"a.k.a.": "aka", "f.k.a.": "fka", "n.k.a.": "nka"}
_FEATURES = {
    "birthdate": "dates_of_birth",
    "place of birth": "places_of_birth",
    "nationality country": "nationalities",
    "citizenship country": "citizenships",
    "gender": "gender",
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(element: Element | None, path: str = "") -> str:
    """Cleaned text of ``element`` or of its first descendant at ``path`` (``{*}`` wildcards)."""
    if element is None:
        return ""
    if path:
        element = element.find(path)
        if element is None:
            return ""
    return clean(element.text)


def _texts(element: Element, path: str) -> list[str]:
    return [text for text in (clean(found.text) for found in element.iterfind(path)) if text]


def _ns(path: str) -> str:
    """``"a/b"`` → ``"{*}a/{*}b"``: match whatever namespace OFAC used."""
    return "/".join("{*}" + part for part in path.split("/"))


def _kind(value: str) -> Kind | None:
    return "organization" if value.lower() == "entity" else parse_kind(value)


def _joined_name(last: str, first: str) -> str:
    if last and first:
        return f"{last}, {first}"
    return last or first


def iter_entities(path: Path, context: ReadContext) -> Iterator[Entity]:
    """Stream the entries of an OFAC XML file of either structure."""
    context.stats.encoding = "xml"
    consolidated = path.name.lower().startswith("cons")
    prefix = "ofac-cons" if consolidated else "ofac"
    source = "OFAC Consolidated (non-SDN)" if consolidated else "OFAC SDN"
    with path.open("rb") as file:
        yield from _stream(file, context, prefix, source)


def _stream(file: IO[bytes], context: ReadContext, prefix: str, source: str) -> Iterator[Entity]:
    stack: list[Element] = []
    root = ""
    try:
        for event, element in iterparse(file, events=("start", "end")):
            if event == "start":
                if not stack:
                    root = _local(element.tag)
                    if root not in ROOTS:
                        expected = " or ".join(f"<{name}>" for name in ROOTS)
                        raise context.error(
                            f"not an OFAC XML list: root element <{root}>, expected {expected}", 1
                        )
                stack.append(element)
                continue
            stack.pop()
            tag = _local(element.tag)
            if root == "sdnList" and tag == "sdnEntry" and len(stack) == 1:
                entity = _sdn_entry(element, prefix, source, context)
            elif root == "sanctionsData" and tag == "entity" and len(stack) == 2:
                entity = _enhanced_entity(element, prefix, source, context)
            else:
                continue
            stack[-1].remove(element)  # keep memory flat: the parent holds no finished entries
            if entity is not None:
                yield entity
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise context.error(f"XML parse error: {exc}", line) from None


def _sdn_entry(entry: Element, prefix: str, source: str, context: ReadContext) -> Entity | None:
    context.stats.rows += 1
    uid = _text(entry, "{*}uid")
    if not uid:
        context.malformed("sdnEntry without <uid>", None)
        return None
    sdn_type = _text(entry, "{*}sdnType")
    kind = _kind(sdn_type)
    person = kind == "person"
    names = NameSet()
    add = names.add_person if person else names.add
    add(_joined_name(_text(entry, "{*}lastName"), _text(entry, "{*}firstName")))
    for aka in entry.iterfind(_ns("akaList/aka")):
        name = _joined_name(_text(aka, "{*}lastName"), _text(aka, "{*}firstName"))
        if _text(aka, "{*}category").lower() == "weak":
            names.add_weak(name, person=person)
        else:
            add(name, _ALIAS_TYPES.get(_text(aka, "{*}type").lower(), "aka"))
    remarks = _text(entry, "{*}remarks")
    for weak in weak_akas(remarks):
        names.add_weak(weak, person=person)

    attributes: dict[str, list[str]] = {
        "programs": _texts(entry, _ns("programList/program")),
        "sdn_type": [sdn_type],
        "title": [_text(entry, "{*}title")],
        "remarks": [remarks],
        "addresses": [_address(address) for address in entry.iterfind(_ns("addressList/address"))],
        "ids": [_id(item) for item in entry.iterfind(_ns("idList/id"))],
        "nationalities": _texts(entry, _ns("nationalityList/nationality/country")),
        "citizenships": _texts(entry, _ns("citizenshipList/citizenship/country")),
        "dates_of_birth": _texts(entry, _ns("dateOfBirthList/dateOfBirthItem/dateOfBirth")),
        "places_of_birth": _texts(entry, _ns("placeOfBirthList/placeOfBirthItem/placeOfBirth")),
    }
    vessel = entry.find("{*}vesselInfo")
    if vessel is not None:
        for key, tag in (
            ("call_sign", "callSign"),
            ("vessel_type", "vesselType"),
            ("vessel_flag", "vesselFlag"),
            ("vessel_owner", "vesselOwner"),
            ("tonnage", "tonnage"),
            ("gross_registered_tonnage", "grossRegisteredTonnage"),
        ):
            attributes[key] = [_text(vessel, "{*}" + tag)]
    return context.entity(
        names, id=f"{prefix}-{uid}", kind=kind, source=source, attributes=attributes, line=None
    )


def _address(address: Element) -> str:
    parts = (
        _text(address, "{*}" + tag)
        for tag in (
            "address1",
            "address2",
            "address3",
            "city",
            "stateOrProvince",
            "postalCode",
            "country",
        )
    )
    return ", ".join(part for part in parts if part)


def _id(item: Element) -> str:
    parts = (_text(item, "{*}" + tag) for tag in ("idType", "idNumber", "idCountry"))
    return ", ".join(part for part in parts if part)


def _is_true(element: Element, tag: str) -> bool:
    return _text(element, "{*}" + tag).lower() == "true"


def _translation_name(translation: Element, person: bool) -> str:
    full = _text(translation, "{*}formattedFullName")
    if full:
        return full
    last = _text(translation, "{*}formattedLastName")
    first = _text(translation, "{*}formattedFirstName")
    return _joined_name(last, first) if person else clean(f"{first} {last}")


def _enhanced_entity(
    entity: Element, prefix: str, source: str, context: ReadContext
) -> Entity | None:
    context.stats.rows += 1
    uid = clean(entity.get("id"))
    if not uid:
        context.malformed("entity without an id attribute", None)
        return None
    entity_type = _text(entity, _ns("generalInfo/entityType"))
    kind = _kind(entity_type)
    person = kind == "person"
    names = NameSet()
    add = names.add_person if person else names.add
    # Primary name first, whatever its position in <names>.
    name_elements = sorted(
        entity.iterfind(_ns("names/name")), key=lambda e: not _is_true(e, "isPrimary")
    )
    for name in name_elements:
        primary = _is_true(name, "isPrimary")
        weak = _is_true(name, "isLowQuality")
        alias_type = _ALIAS_TYPES.get(_text(name, "{*}aliasType").lower(), "aka")
        translations = sorted(
            name.iterfind(_ns("translations/translation")),
            key=lambda e: not _is_true(e, "isPrimary"),
        )
        for index, translation in enumerate(translations):
            text = _translation_name(translation, person)
            if weak and not primary:
                names.add_weak(text, person=person)
            elif index == 0:
                add(text, None if primary else alias_type)
            else:
                add(text, "original_script")

    features: dict[str, list[str]] = {}
    for feature in entity.iterfind(_ns("features/feature")):
        feature_type = _text(feature, "{*}type")
        value = _text(feature, "{*}value")
        key = _FEATURES.get(feature_type.lower())
        if key:
            features.setdefault(key, []).append(value)
        elif value:
            features.setdefault("features", []).append(f"{feature_type}: {value}")
    attributes: Mapping[str, list[str]] = {
        "programs": _texts(entity, _ns("sanctionsPrograms/sanctionsProgram")),
        "sanctions_lists": _texts(entity, _ns("sanctionsLists/sanctionsList")),
        "sdn_type": [entity_type],
        "title": [_text(entity, _ns("generalInfo/title"))],
        "addresses": [
            _enhanced_address(address) for address in entity.iterfind(_ns("addresses/address"))
        ],
        "ids": [
            ", ".join(
                part
                for part in (
                    _text(document, "{*}type"),
                    _text(document, "{*}documentNumber"),
                    _text(document, "{*}issuingCountry"),
                )
                if part
            )
            for document in entity.iterfind(_ns("identityDocuments/identityDocument"))
        ],
        **features,
    }
    return context.entity(
        names, id=f"{prefix}-{uid}", kind=kind, source=source, attributes=attributes, line=None
    )


def _enhanced_address(address: Element) -> str:
    translation = address.find(_ns("translations/translation"))
    parts = (
        _texts(translation, _ns("addressParts/addressPart/value"))
        if translation is not None
        else []
    )
    country = _text(address, "{*}country")
    if country:
        parts.append(country)
    return ", ".join(parts)
