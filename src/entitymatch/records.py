"""Frozen records shared by every layer: what a list holds and what a match says."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

__all__ = ["KINDS", "Entity", "Kind", "Match", "parse_kind"]

Kind = Literal["person", "organization", "vessel", "aircraft"]
"""What a name names. ``None`` wherever a kind is accepted means unknown."""

KINDS: tuple[Kind, ...] = get_args(Kind)

_KIND_SYNONYMS: Mapping[str, Kind] = {
    "person": "person",
    "individual": "person",
    "organization": "organization",
    "organisation": "organization",
    "entity": "organization",
    "company": "organization",
    "legalentity": "organization",
    "vessel": "vessel",
    "aircraft": "aircraft",
}


def parse_kind(value: str | None) -> Kind | None:
    """Read a kind as lists and users spell it; unknown or empty gives ``None``.

    >>> parse_kind("Individual"), parse_kind("Entity"), parse_kind(""), parse_kind("Thing")
    ('person', 'organization', None, None)
    """
    if not value:
        return None
    return _KIND_SYNONYMS.get(value.strip().lower().replace(" ", "").replace("_", ""))


def _strings(values: Iterable[str] | str, what: str) -> tuple[str, ...]:
    if isinstance(values, str):
        values = (values,)
    out: list[str] = []
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"{what} must be strings, got {type(value).__name__}: {value!r}")
        if value.strip() and value not in out:
            out.append(value)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Entity:
    """One listed party: an id, its names and what the list says about it.

    Args:
        id: The list's identifier, unique within a matcher (e.g. ``"csl-30886"``).
        names: Primary name first, then aliases. Blank and repeated names are
            dropped; a single string is accepted as one name.
        kind: ``"person"``, ``"organization"``, ``"vessel"``, ``"aircraft"``,
            or ``None`` when the list does not say.
        weak_aliases: Short or generic aliases (OFAC's "weak a.k.a.") that match
            only exactly, never fuzzily.
        source: Which list the entity comes from (e.g. ``"Entity List (EL) - Bureau
            of Industry and Security"``).
        name_types: Optional alias type per name, as lists mark them: ``"aka"``,
            ``"fka"``, ``"nka"``, ``"previous"``.
        attributes: Everything else the list says, multi-valued: programs,
            addresses, ids, dates of birth, remarks.

    >>> e = Entity(id="csl-1", names=["Hikvision", "Hikvision", " "], kind="organization")
    >>> e.names
    ('Hikvision',)
    """

    id: str
    names: tuple[str, ...]
    kind: Kind | None = None
    weak_aliases: tuple[str, ...] = ()
    source: str | None = None
    name_types: Mapping[str, str] = field(default_factory=dict)
    attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise TypeError(f"Entity.id must be a non-empty string, got {self.id!r}")
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"Entity.kind {self.kind!r} is not one of {KINDS} or None")
        object.__setattr__(self, "names", _strings(self.names, "Entity.names"))
        weak = tuple(w for w in _strings(self.weak_aliases, "Entity.weak_aliases"))
        object.__setattr__(self, "weak_aliases", weak)
        object.__setattr__(self, "name_types", dict(self.name_types))
        object.__setattr__(self, "attributes", {k: tuple(v) for k, v in self.attributes.items()})

    @property
    def name(self) -> str:
        """The primary name (the first name, else the first weak alias, else the id)."""
        if self.names:
            return self.names[0]
        return self.weak_aliases[0] if self.weak_aliases else self.id

    def __hash__(self) -> int:
        return hash((self.id, self.source))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serializable form."""
        return {
            "id": self.id,
            "names": list(self.names),
            "kind": self.kind,
            "weak_aliases": list(self.weak_aliases),
            "source": self.source,
            "name_types": dict(self.name_types),
            "attributes": {k: list(v) for k, v in self.attributes.items()},
        }


@dataclass(frozen=True, slots=True)
class Match:
    """One hit of a query against a listed entity, best name of that entity.

    Attributes:
        entity: The listed entity.
        score: Similarity in [0, 1] of the query and ``name``.
        name: The entity's name (or alias) that scored best.
        query: The query as given.
        explanation: Why: a JSON-serializable mapping (see ``docs/explanations.md``).
    """

    entity: Entity
    score: float
    name: str
    query: str
    explanation: Mapping[str, Any] = field(repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serializable form: the entity, score, matched name and explanation."""
        return {
            "entity_id": self.entity.id,
            "entity_name": self.entity.name,
            "source": self.entity.source,
            "kind": self.entity.kind,
            "score": self.score,
            "name": self.name,
            "query": self.query,
            "explanation": dict(self.explanation),
        }
