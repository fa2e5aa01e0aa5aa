"""The matcher users hold: compile a list once, then match and screen many names."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from entitymatch.errors import EntityMatchError
from entitymatch.index import Index
from entitymatch.prepare import PreparedName, Preparer
from entitymatch.prepare.aliases import AliasTable
from entitymatch.records import Entity, Kind, Match
from entitymatch.score import (
    DEFAULT_THRESHOLD,
    Comparison,
    Explanation,
    score_prepared,
)
from entitymatch.weights import Frequencies, reference_frequencies, token_weights

__all__ = ["Matcher"]

WEAK_ALIAS_SCORE = 1.0
"""A weak alias (OFAC's short or generic a.k.a.) counts only when the query is
that alias exactly (in normal form), and then it is an exact match."""


class Matcher:
    """A compiled list of entities to match names against.

    Args:
        entities: The listed parties. Ids must be unique.
        aliases: An alias table whose rows add names to entities (by id, or by
            a name they already have) and Han phrases to the reading of every
            name; see :class:`entitymatch.AliasTable`.

    >>> from entitymatch import Entity
    >>> m = Matcher([
    ...     Entity(id="csl-30886", kind="organization",
    ...            names=["Hangzhou Hikvision Digital Technology Co., Ltd.", "Hikvision"]),
    ...     Entity(id="csl-1", kind="organization", names=["Zhejiang Dahua Technology Co., Ltd."]),
    ... ])
    >>> [(h.entity.id, h.name, round(h.score, 2)) for h in m.match("HIKVISION")]
    [('csl-30886', 'Hikvision', 1.0)]
    >>> m.match("Hangzhou Technology Co Ltd")
    []
    """

    def __init__(self, entities: Iterable[Entity], *, aliases: AliasTable | None = None) -> None:
        self.entities: tuple[Entity, ...] = tuple(entities)
        self.aliases = aliases
        self._preparer = Preparer(aliases)
        by_id: dict[str, int] = {}
        for position, entity in enumerate(self.entities):
            if not isinstance(entity, Entity):
                raise TypeError(f"entities must be Entity records, got {type(entity).__name__}")
            if entity.id in by_id:
                raise EntityMatchError(f"duplicate entity id {entity.id!r}")
            by_id[entity.id] = position
        extra = self._alias_names(by_id) if aliases is not None else {}
        prepare = self._preparer.prepare
        self._names: list[str] = []
        self._name_entity: list[int] = []
        prepared: list[PreparedName] = []
        self._weak: dict[str, list[int]] = {}
        for position, entity in enumerate(self.entities):
            for text in (*entity.names, *extra.get(position, ())):
                name = prepare(text, entity.kind)
                if name.tokens:
                    self._names.append(text)
                    self._name_entity.append(position)
                    prepared.append(name)
            for text in entity.weak_aliases:
                key = prepare(text, entity.kind).comparison
                if key:
                    self._weak.setdefault(key, []).append(position)
        self._prepared = prepared
        self.frequencies = reference_frequencies() + Frequencies.count_names(prepared)
        self._weights = [token_weights(name, self.frequencies) for name in prepared]
        self._index = Index(prepared, self._weights)

    def _alias_names(self, by_id: dict[str, int]) -> dict[int, list[str]]:
        """Names an alias table adds to entities: by id, or by a name they have."""
        assert self.aliases is not None
        prepare = self._preparer.prepare
        by_name: dict[str, set[int]] = {}
        for position, entity in enumerate(self.entities):
            for text in entity.names:
                by_name.setdefault(prepare(text, entity.kind).comparison, set()).add(position)
        extra: dict[int, list[str]] = {}
        for row in self.aliases:
            targets: set[int] = set()
            if row.entity_id:
                if row.entity_id in by_id:
                    targets.add(by_id[row.entity_id])
            elif row.canonical:
                targets |= by_name.get(prepare(row.canonical).comparison, set())
            for position in targets:
                extra.setdefault(position, []).append(row.alias)
        return extra

    def __len__(self) -> int:
        return len(self.entities)

    def __repr__(self) -> str:
        return f"Matcher({len(self.entities)} entities, {len(self._names)} names)"

    @property
    def name_count(self) -> int:
        """How many names (primary and aliases) the matcher compares against."""
        return len(self._names)

    def prepare(self, name: str, kind: Kind | None = None) -> PreparedName:
        """Prepare a name as this matcher does (with its alias table)."""
        return self._preparer.prepare(name, kind)

    def compare(self, left: str, right: str, *, kind: Kind | None = None) -> Comparison:
        """Compare two names with this matcher's word weights and alias table."""
        a, b = self.prepare(left, kind), self.prepare(right, kind)
        explanation = score_prepared(
            a, b, token_weights(a, self.frequencies), token_weights(b, self.frequencies)
        )
        return Comparison(explanation.score, DEFAULT_THRESHOLD, explanation)

    def match(
        self,
        name: str | None,
        *,
        kind: Kind | None = None,
        threshold: float | None = None,
        limit: int | None = 10,
    ) -> list[Match]:
        """Listed entities whose names score at least ``threshold`` against ``name``.

        Args:
            name: The name to screen; ``None`` or blank gives no hits.
            kind: The query's kind if known (``None`` infers what it can).
            threshold: Lowest score reported (default :data:`DEFAULT_THRESHOLD`).
            limit: Most entities returned, best first (``None`` for all).

        Returns:
            One :class:`Match` per entity (its best-scoring name), best first;
            ties keep list order.
        """
        if not name or not isinstance(name, str) or not name.strip():
            return []
        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        query = self.prepare(name, kind)
        weights = token_weights(query, self.frequencies)
        scored = self._search(query, weights, threshold, limit)
        return [self._hit(name, position, name_id, found) for position, name_id, found in scored]

    def screen(
        self,
        names: Iterable[str | None],
        *,
        kinds: Iterable[Kind | None] | None = None,
        threshold: float | None = None,
        limit: int | None = 10,
    ) -> Iterator[list[Match]]:
        """Match many names, yielding one result list per input, in input order.

        ``names`` may be any iterable (a list, a generator, a pandas or pyarrow
        column); missing and blank names give an empty list.
        """
        kind_iter: Iterable[Kind | None] = kinds if kinds is not None else _nones()
        for name, kind in zip(names, kind_iter, strict=False):  # kinds may be endless
            yield self.match(name, kind=kind, threshold=threshold, limit=limit)

    # -- internals -------------------------------------------------------------

    def _search(
        self,
        query: PreparedName,
        weights: Sequence[float],
        threshold: float,
        limit: int | None,
    ) -> list[tuple[int, int | None, Explanation]]:
        """Best name per entity at or above the threshold, best first: ``(entity
        position, name id or None for a weak alias, explanation)``."""
        best: dict[int, tuple[int | None, Explanation]] = {}
        weak = self._weak.get(query.comparison) if query.tokens else None
        for position in weak or ():
            best[position] = (
                None,
                Explanation(
                    WEAK_ALIAS_SCORE, "weak-alias", query, query, tuple(weights), tuple(weights)
                ),
            )
        found = self._index.candidates(query, weights, threshold)
        if found is None:
            names = np.arange(len(self._prepared), dtype=np.int32)
            bounds = np.ones(len(names))
        else:
            names, bounds = found
        exact = self._index.exact_candidates(query)
        if len(exact):
            names = np.concatenate([names, exact])
            bounds = np.concatenate([bounds, np.ones(len(exact))])
        keep = bounds >= threshold
        names, bounds = names[keep], bounds[keep]
        # Highest bound first, so that with a limit the search can stop early.
        order = np.lexsort((names, -bounds))
        kth = 0.0
        for name_id, bound in zip(names[order].tolist(), bounds[order].tolist(), strict=True):
            if limit is not None and len(best) >= limit and bound < kth:
                break
            entity = self._name_entity[name_id]
            explanation = score_prepared(
                query, self._prepared[name_id], weights, self._weights[name_id]
            )
            if explanation.score < threshold:
                continue
            current = best.get(entity)
            if current is None or explanation.score > current[1].score:
                best[entity] = name_id, explanation
            if limit is not None and len(best) >= limit:
                kth = heapq.nlargest(limit, (e.score for _, e in best.values()))[-1]
        ranked = sorted(best.items(), key=lambda item: (-item[1][1].score, item[0]))
        hits = [(position, name_id, hit) for position, (name_id, hit) in ranked]
        return hits[:limit] if limit is not None else hits

    def _exhaustive(
        self, name: str, *, kind: Kind | None = None, threshold: float | None = None
    ) -> list[tuple[str, float]]:
        """Score every list name (the slow oracle the index is tested against)."""
        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        query = self.prepare(name, kind)
        weights = token_weights(query, self.frequencies)
        best: dict[int, float] = {}
        for position in self._weak.get(query.comparison, ()) if query.tokens else ():
            best[position] = WEAK_ALIAS_SCORE
        for name_id, prepared in enumerate(self._prepared):
            score = score_prepared(query, prepared, weights, self._weights[name_id]).score
            entity = self._name_entity[name_id]
            if score >= threshold and score > best.get(entity, -1.0):
                best[entity] = score
        return sorted(
            ((self.entities[e].id, s) for e, s in best.items()), key=lambda x: (-x[1], x[0])
        )

    def _hit(
        self, query: str, position: int, name_id: int | None, explanation: Explanation
    ) -> Match:
        entity = self.entities[position]
        if name_id is not None:
            matched = self._names[name_id]
        else:  # a weak alias, matched exactly
            matched = next(
                (
                    w
                    for w in entity.weak_aliases
                    if self.prepare(w, entity.kind).comparison == explanation.left.comparison
                ),
                entity.name,
            )
        details: dict[str, Any] = explanation.to_dict()
        details["matched_name"] = matched
        return Match(entity, explanation.score, matched, query, details)


def _nones() -> Iterator[None]:
    while True:
        yield None
