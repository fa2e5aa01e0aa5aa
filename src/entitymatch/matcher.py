"""The matcher users hold: compile a list once, then match and screen many names."""

from __future__ import annotations

import contextlib
import functools
import gc
import heapq
import json
import multiprocessing
import os
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

import numpy as np
import numpy.typing as npt

from entitymatch._version import __version__
from entitymatch.errors import EntityMatchError
from entitymatch.index import KIND_CODES, Extract, Index, KeyTable, StringTable, stable_hash
from entitymatch.prepare import PREPARE_VERSION, PreparedName, Preparer, split_alternatives
from entitymatch.prepare.aliases import AliasRow, AliasTable
from entitymatch.records import Entity, Kind, Match
from entitymatch.score import (
    ALGORITHM,
    DEFAULT_THRESHOLD,
    Comparison,
    Explanation,
    compare_names,
    score_prepared,
    with_others,
)
from entitymatch.store import dump_arrays, read_arrays, write_arrays
from entitymatch.weights import Frequencies, reference_frequencies, token_weights

__all__ = ["Matcher"]

WEAK_ALIAS_SCORE = 1.0
"""A weak alias (OFAC's short or generic a.k.a.) counts only when the query is
that alias exactly (in normal form), and then it is an exact match."""

BATCH_SIZE = 256
"""Names a worker screens per task: large enough that sending them costs little,
small enough that results stream."""
BUILD_CHUNK = 4096
"""List names a worker prepares per task while a matcher is compiled."""
PARALLEL_BUILD = 50_000
"""Lists with at least this many names are prepared on every core by default."""
LIST_NAME_CACHE = 1 << 15
"""Prepared list names kept for scoring (a name is prepared again when needed)."""
WORKER_COLLECT_EVERY = 64
"""Batches a screening worker runs between full garbage collections."""
RECENT_RESULTS = 1 << 15
"""What a screen keeps of the results of the names it saw last, counted as one
per name plus one per hit (a hit's explanation takes a few kilobytes): a name
that recurs in the input while its results are kept is not screened again."""
RECENT_LONGEST = 1000
"""Names longer than this (in characters) are not kept with their results."""

_KINDS_BY_CODE: dict[int, Kind | None] = {code: kind for kind, code in KIND_CODES.items()}

# A raw hit, as workers send it back: entity position, score, name id (-1 for a
# weak alias), matched name, explanation.
_Raw = tuple[int, float, int, str, dict[str, Any]]
# A batch of names to screen (None where a value is not text), with their kinds;
# and a name with its kind.
_Batch = list[tuple[str | None, Kind | None]]
_Key = tuple[str, Kind | None]


class Matcher:
    """A compiled list of entities to match names against.

    Args:
        entities: The listed parties. Ids must be unique.
        aliases: An alias table whose rows add names to entities (by id, or by
            a name they already have) and Han phrases to the reading of every
            name; see :class:`entitymatch.AliasTable`.
        workers: Processes that prepare the list's names (default: every core
            for lists of :data:`PARALLEL_BUILD` names or more, else one).

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

    def __init__(
        self,
        entities: Iterable[Entity],
        *,
        aliases: AliasTable | None = None,
        workers: int | None = None,
    ) -> None:
        listed = tuple(entities)
        by_id: dict[str, int] = {}
        for position, entity in enumerate(listed):
            if not isinstance(entity, Entity):
                raise TypeError(f"entities must be Entity records, got {type(entity).__name__}")
            if entity.id in by_id:
                raise EntityMatchError(f"duplicate entity id {entity.id!r}")
            by_id[entity.id] = position
        self._setup(aliases)
        self._entities: list[Entity | None] = list(listed)
        self._entity_table: StringTable | None = None
        extra = self._alias_names(listed, by_id) if aliases is not None else {}
        texts: list[str] = []
        positions: list[int] = []
        for position, entity in enumerate(listed):
            names = (*entity.names, *extra.get(position, ()))
            # "LTS Holding Limited (f.k.a. IPP-International Petroleum Products Ltd.)"
            # goes by the other name, which is a name of the entity too.
            others = {
                other
                for text in names
                if split_alternatives(text)[1]  # most names have none: not prepared here
                for other in self.prepare(text, entity.kind).others
            }
            for text in (*names, *sorted(others - set(names))):
                texts.append(text)
                positions.append(position)
        kinds = [KIND_CODES[listed[p].kind] for p in positions]
        if workers is None:
            workers = (os.cpu_count() or 1) if len(texts) >= PARALLEL_BUILD else 1
        chunks = self._extract(texts, kinds, workers)
        self._index, kept = Index.build(chunks, reference_frequencies())
        self._names = StringTable.build(t for t, keep in zip(texts, kept, strict=True) if keep)
        self._name_entity = np.asarray(positions, dtype=np.int32)[kept]
        self._name_kind = np.asarray(kinds, dtype=np.uint8)[kept]
        weak_keys: list[int] = []
        weak_entities: list[int] = []
        for position, entity in enumerate(listed):
            for text in entity.weak_aliases:
                key = self._preparer.prepare_uncached(text, entity.kind).comparison
                if key:
                    weak_keys.append(stable_hash(key))
                    weak_entities.append(position)
        self._weak = KeyTable.build(weak_keys, weak_entities)

    def _setup(self, aliases: AliasTable | None) -> None:
        """State every matcher has, however it was made."""
        self.aliases = aliases
        self._preparer = Preparer(aliases)
        self._frequencies: Frequencies | None = None
        self._list_name = functools.lru_cache(maxsize=LIST_NAME_CACHE)(self._prepare_list_name)

    def _extract(self, texts: list[str], kinds: list[int], workers: int) -> list[Extract]:
        """Prepare the list's names (on ``workers`` processes) for the index."""
        jobs = [
            (texts[start : start + BUILD_CHUNK], kinds[start : start + BUILD_CHUNK])
            for start in range(0, len(texts), BUILD_CHUNK)
        ]
        if workers > 1 and len(jobs) > 1 and _FORK is not None:
            with _workers(min(workers, len(jobs)), _install_preparer, self._preparer) as pool:
                return list(pool.map(_extract_chunk, jobs))
        return [_extract_names(self._preparer, names, codes) for names, codes in jobs]

    def _alias_names(self, listed: Sequence[Entity], by_id: dict[str, int]) -> dict[int, list[str]]:
        """Names an alias table adds to entities: by id, or by a name they have."""
        assert self.aliases is not None
        prepare = self._preparer.prepare
        by_name: dict[str, set[int]] = {}
        for position, entity in enumerate(listed):
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

    # -- what it holds -----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entities)

    def __repr__(self) -> str:
        return f"Matcher({len(self)} entities, {self.name_count} names)"

    @property
    def name_count(self) -> int:
        """How many names (primary and aliases) the matcher compares against."""
        return self._index.size

    @property
    def entities(self) -> tuple[Entity, ...]:
        """The listed entities, in list order."""
        return tuple(self._entity(p) for p in range(len(self._entities)))

    @property
    def frequencies(self) -> Frequencies:
        """The word counts that weigh words: the reference counts plus the list's."""
        if self._frequencies is None:
            self._frequencies = self._index.frequencies(reference_frequencies())
        return self._frequencies

    def _entity(self, position: int) -> Entity:
        entity = self._entities[position]
        if entity is None:
            assert self._entity_table is not None
            try:
                entity = Entity(**json.loads(self._entity_table[position]))
            except (ValueError, TypeError) as error:
                raise EntityMatchError(f"corrupt matcher: entity {position}: {error}") from error
            self._entities[position] = entity
        return entity

    def _prepare_list_name(self, name_id: int) -> tuple[PreparedName, tuple[float, ...]]:
        """A list name prepared as when the list was compiled, with its weights."""
        kind = _KINDS_BY_CODE[int(self._name_kind[name_id])]
        name = self._preparer.prepare_uncached(self._names[name_id], kind)
        weights = self._index.weights(name_id)
        if len(weights) != len(name.tokens):
            raise EntityMatchError(
                f"list name {self._names[name_id]!r} prepares differently than when the "
                "matcher was saved; compile it again from the list"
            )
        return name, weights

    # -- matching ------------------------------------------------------------------

    def prepare(self, name: str, kind: Kind | None = None) -> PreparedName:
        """Prepare a name as this matcher does (with its alias table)."""
        return self._preparer.prepare(name, kind)

    def compare(self, left: str, right: str, *, kind: Kind | None = None) -> Comparison:
        """Compare two names with this matcher's word weights and alias table."""
        explanation = compare_names(
            left, right, lambda text: self.prepare(text, kind), self.frequencies
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
            name: The name to screen; ``None``, blank or not a string gives no hits.
            kind: The query's kind if known (``None`` infers what it can).
            threshold: Lowest score reported (default :data:`DEFAULT_THRESHOLD`).
            limit: Most entities returned, best first (``None`` for all).

        Returns:
            One :class:`Match` per entity (its best-scoring name), best first;
            ties keep list order.
        """
        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        return self._matches(name, self._raw(name, kind, threshold, limit))

    def screen(
        self,
        names: Iterable[Any],
        *,
        kinds: Iterable[Kind | None] | None = None,
        threshold: float | None = None,
        limit: int | None = 10,
        workers: int | None = None,
    ) -> Iterator[list[Match]]:
        """Match many names, yielding one result list per input, in input order.

        Args:
            names: Any iterable: a list, a generator, a pandas or pyarrow
                column. Missing, blank and non-string values give an empty list.
            kinds: The kind of each name, or ``None`` (all unknown).
            threshold: Lowest score reported (default :data:`DEFAULT_THRESHOLD`).
            limit: Most entities per name, best first (``None`` for all).
            workers: Processes to screen on (default: every core). The input is
                read in batches as results are consumed, so memory stays bounded
                however long it is; a short input is screened in this process.

        A name that recurs with the same kind is screened once while its results
        are among those the screen keeps (:data:`RECENT_RESULTS`): tables of
        customers and payments repeat names.

        Raises:
            EntityMatchError: A worker process died (stopped by the system for
                lack of memory, say). Every result yielded before it is sound;
                the screen stops rather than skip or wait for the lost names.
        """
        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        workers = _cpu_count() if workers is None else max(1, workers)
        kind_values: Iterator[Kind | None] = iter(kinds) if kinds is not None else _nones()
        batches = _batches(names, kind_values)
        first = next(batches, None)
        if first is None:
            return
        second = next(batches, None)
        recent = _Recent()
        if second is None or workers == 1 or _FORK is None:
            for batch in _chain(first, second, batches):
                known, todo = recent.split(batch)
                found = _screen_job(todo, threshold, limit, self)
                yield from self._finish(batch, known, todo, found, recent)
            return
        with _workers(workers, _install_matcher, self) as pool:
            window: deque[tuple[_Batch, dict[_Key, list[_Raw]], list[_Key], Future[Any]]]
            window = deque()
            for batch in _chain(first, second, batches):
                known, todo = recent.split(batch)
                job = pool.submit(_screen_job, todo, threshold, limit)
                window.append((batch, known, todo, job))
                if len(window) >= 2 * workers:
                    yield from self._finish(*window.popleft(), recent)
            while window:
                yield from self._finish(*window.popleft(), recent)

    def _finish(
        self,
        batch: _Batch,
        known: dict[_Key, list[_Raw]],
        todo: list[_Key],
        found: list[list[_Raw]] | Future[list[list[_Raw]]],
        recent: _Recent,
    ) -> Iterator[list[Match]]:
        """The results of a batch: those ``known`` when it was read, and those
        ``found`` for the names screened (``todo``), which join the ``recent``."""
        if isinstance(found, Future):
            found = found.result()
        for key, raw in zip(todo, found, strict=True):
            known[key] = raw
            recent.put(key, raw)
        for name, kind in batch:
            yield self._matches(name, [] if name is None else known[name, kind])

    def _matches(self, query: str | None, raw: list[_Raw]) -> list[Match]:
        return [
            Match(self._entity(position), score, matched, query or "", details)
            for position, score, _, matched, details in raw
        ]

    def _raw(
        self, name: object, kind: Kind | None, threshold: float, limit: int | None
    ) -> list[_Raw]:
        """Hits of one name, as plain data: what a worker sends back."""
        if not isinstance(name, str) or not name.strip():
            return []
        hits = []
        for position, name_id, explanation in self._search_all(name, kind, threshold, limit):
            details: dict[str, Any] = explanation.to_dict()
            matched = self._matched_name(position, name_id, explanation)
            details["matched_name"] = matched
            hits.append((position, explanation.score, name_id, matched, details))
        return hits

    def _search_all(
        self, name: str, kind: Kind | None, threshold: float, limit: int | None
    ) -> list[tuple[int, int, Explanation]]:
        """:meth:`_search` of a name and of each other name written into it ("X
        (f.k.a. Y)" is screened as Y too): each entity's best, best first."""
        found = [
            self._search(query, token_weights(query, self.frequencies), threshold, limit)
            for query in with_others(name, lambda text: self.prepare(text, kind))
        ]
        if len(found) == 1:  # most names
            return found[0]
        best: dict[int, tuple[int, Explanation]] = {}
        for hits in found:
            for position, name_id, explanation in hits:
                if position not in best or explanation.score > best[position][1].score:
                    best[position] = (name_id, explanation)
        ranked = sorted(best.items(), key=lambda item: (-item[1][1].score, item[0]))
        merged = [(position, name_id, explanation) for position, (name_id, explanation) in ranked]
        return merged[:limit]

    def _search(
        self,
        query: PreparedName,
        weights: Sequence[float],
        threshold: float,
        limit: int | None,
    ) -> list[tuple[int, int, Explanation]]:
        """Best name per entity at or above the threshold, best first: ``(entity
        position, name id or -1 for a weak alias, explanation)``."""
        # entity position -> (score, name id, explanation)
        best: dict[int, tuple[float, int, Explanation]] = {}
        for position in self._weak_hits(query):
            weak = Explanation(
                WEAK_ALIAS_SCORE, "weak-alias", query, query, tuple(weights), tuple(weights)
            )
            best[position] = (WEAK_ALIAS_SCORE, -1, weak)
        names, bounds = self._index.candidates(query, weights, threshold)
        exact, exact_bounds = self._index.exact_candidates(query)
        if len(exact):
            names = np.concatenate([exact, names])
            bounds = np.concatenate([exact_bounds, bounds])
        keep = bounds >= threshold
        names, bounds = names[keep], bounds[keep]
        # Highest bound first, so that the search can stop early with a limit, and
        # an entity's other names be skipped once it has a score they cannot beat.
        order = np.lexsort((names, -bounds))
        name_entity = self._name_entity
        kth = -1.0
        seen: set[int] = set()
        for name_id, bound in zip(names[order].tolist(), bounds[order].tolist(), strict=True):
            if limit is not None and len(best) >= limit and bound < kth:
                break
            if name_id in seen:
                continue
            seen.add(name_id)
            entity = int(name_entity[name_id])
            current = best.get(entity)
            if current is not None and (
                bound < current[0] or (bound == current[0] and name_id > current[1])
            ):
                continue
            listed, listed_weights = self._list_name(name_id)
            explanation = score_prepared(query, listed, weights, listed_weights)
            score = explanation.score
            if score < threshold:
                continue
            if (
                current is None
                or score > current[0]
                or (score == current[0] and current[1] >= 0 and name_id < current[1])
            ):
                best[entity] = (score, name_id, explanation)
                if limit is not None and len(best) >= limit:
                    kth = heapq.nlargest(limit, (s for s, _, _ in best.values()))[-1]
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        hits = [(position, name_id, found) for position, (_, name_id, found) in ranked]
        return hits[:limit] if limit is not None else hits

    def _weak_hits(self, query: PreparedName) -> list[int]:
        """Entities with a weak alias equal to the query (in normal form)."""
        if not query.tokens:
            return []
        positions, _ = self._weak.find([stable_hash(query.comparison)])
        found = []
        for position in sorted(set(self._weak.ids[positions].tolist())):
            entity = self._entity(position)
            if any(
                self.prepare(w, entity.kind).comparison == query.comparison
                for w in entity.weak_aliases
            ):
                found.append(position)
        return found

    def _exhaustive(
        self, name: str, *, kind: Kind | None = None, threshold: float | None = None
    ) -> list[tuple[str, float]]:
        """Score every list name (the slow oracle the index is tested against)."""
        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        best: dict[int, float] = {}
        for query in with_others(name, lambda text: self.prepare(text, kind)):
            weights = token_weights(query, self.frequencies)
            for entity in self._weak_hits(query):
                best[entity] = max(best.get(entity, -1.0), WEAK_ALIAS_SCORE)
            for name_id in range(self.name_count):
                listed, listed_weights = self._list_name(name_id)
                score = score_prepared(query, listed, weights, listed_weights).score
                entity = int(self._name_entity[name_id])
                if score >= threshold and score > best.get(entity, -1.0):
                    best[entity] = score
        return sorted(
            ((self._entity(e).id, s) for e, s in best.items()), key=lambda x: (-x[1], x[0])
        )

    def _matched_name(self, position: int, name_id: int, explanation: Explanation) -> str:
        if name_id >= 0:
            return self._names[name_id]
        entity = self._entity(position)  # a weak alias, matched exactly
        return next(
            (
                w
                for w in entity.weak_aliases
                if self.prepare(w, entity.kind).comparison == explanation.left.comparison
            ),
            entity.name,
        )

    # -- saving and loading ------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> int:
        """Save the compiled matcher to ``path`` (atomically); return its size in bytes.

        The file holds arrays and JSON, never pickled objects: loading it runs
        no code from it. :meth:`load` maps it, so processes that load the same
        file share one copy of it in memory.
        """
        arrays, meta = self._arrays()
        return write_arrays(path, arrays, meta)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Matcher:
        """Load a matcher saved with :meth:`save`.

        Raises:
            EntityMatchError: The file is not a saved matcher, is corrupt, or was
                saved by a version of entitymatch that scores differently.
        """
        arrays, meta = read_arrays(path)
        return cls._from_arrays(arrays, meta, os.fspath(path))

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        # Pickled as its saved form: engines that ship the matcher to workers get
        # the same arrays, and unpickling builds nothing.
        arrays, meta = self._arrays()
        return _from_bytes, (dump_arrays(arrays, meta),)

    def _arrays(self) -> tuple[dict[str, npt.NDArray[Any]], dict[str, Any]]:
        entities = StringTable.build(
            json.dumps(self._entity(p).to_dict(), ensure_ascii=False, separators=(",", ":"))
            for p in range(len(self))
        )
        arrays = {
            **self._index.arrays(),
            "names_blob": self._names.blob,
            "names_offsets": self._names.offsets,
            "name_entity": self._name_entity,
            "name_entity_kind": self._name_kind,
            "entities_blob": entities.blob,
            "entities_offsets": entities.offsets,
            "weak_keys": self._weak.keys,
            "weak_entities": self._weak.ids,
        }
        meta = {
            "algorithm": ALGORITHM,
            "prepare_version": PREPARE_VERSION,
            "entitymatch": __version__,
            "entities": len(self),
            "names": self.name_count,
            "aliases": [
                {"canonical": r.canonical, "alias": r.alias, "entity_id": r.entity_id,
                 "source": r.source}
                for r in self.aliases or ()
            ],
        }  # fmt: skip
        return arrays, meta

    @classmethod
    def _from_arrays(
        cls, arrays: dict[str, npt.NDArray[Any]], meta: dict[str, Any], where: str
    ) -> Matcher:
        for key, expected in (("algorithm", ALGORITHM), ("prepare_version", PREPARE_VERSION)):
            if meta.get(key) != expected:
                raise EntityMatchError(
                    f"saved with {key} {meta.get(key)!r}; this entitymatch ({__version__}) "
                    f"uses {expected!r}: compile the matcher again from the list",
                    path=where,
                )
        try:
            rows = [AliasRow(**row) for row in meta.get("aliases", [])]
            matcher = cls.__new__(cls)
            matcher._setup(AliasTable(rows) if rows else None)
            matcher._index = Index(arrays)
            matcher._names = StringTable(arrays["names_blob"], arrays["names_offsets"])
            matcher._name_entity = arrays["name_entity"]
            matcher._name_kind = arrays["name_entity_kind"]
            matcher._entity_table = StringTable(arrays["entities_blob"], arrays["entities_offsets"])
            matcher._entities = [None] * len(matcher._entity_table)
            matcher._weak = KeyTable(
                arrays["weak_keys"],
                arrays["weak_entities"],
                np.zeros(0, np.float32),
                np.zeros(0, np.uint8),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise EntityMatchError(f"corrupt matcher: {error}", path=where) from error
        sizes = {
            len(matcher._names),
            len(matcher._name_entity),
            len(matcher._name_kind),
            matcher._index.size,
        }
        if len(sizes) != 1 or meta.get("entities") != len(matcher._entities):
            raise EntityMatchError("corrupt matcher: array sizes disagree", path=where)
        if matcher._index.size and int(matcher._name_entity.max()) >= len(matcher._entities):
            raise EntityMatchError("corrupt matcher: name of no entity", path=where)
        return matcher


def _from_bytes(data: bytes) -> Matcher:
    arrays, meta = read_arrays(data)
    return Matcher._from_arrays(arrays, meta, "<pickle>")


# -- worker processes ------------------------------------------------------------------

_FORK = (
    multiprocessing.get_context("fork")
    if "fork" in multiprocessing.get_all_start_methods()
    else None
)
"""Workers are forked: they share the parent's compiled matcher page by page."""

_WORKER: dict[str, Any] = {"batches": 0}


@contextlib.contextmanager
def _workers(
    count: int, install: Callable[[Any], None], state: object
) -> Iterator[ProcessPoolExecutor]:
    """Forked worker processes that hold ``state`` (installed by ``install``).

    A worker that dies (killed for memory, say) fails the work with an error
    rather than leaving it waiting for a result that cannot come. Leaving the
    block early cancels the work not yet started.
    """
    assert _FORK is not None
    pool = ProcessPoolExecutor(count, mp_context=_FORK, initializer=install, initargs=(state,))
    try:
        yield pool
    except BrokenProcessPool as error:
        raise EntityMatchError(
            "a worker process died before it returned its results (the system may have "
            "stopped it for lack of memory); run again with fewer workers"
        ) from error
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect_rarely() -> None:
    """Garbage collection in a worker: what it inherited at fork is frozen (never
    scanned, so never written to and copied), and the collector runs when the
    worker says so rather than whenever its caches grow.

    A worker's objects are the parent's and its own caches of prepared names and
    word lookups, which hold no reference cycles; the automatic collector
    rescanned them all every time they grew by a quarter, pauses of up to a
    second that took 5-10% of a screen.
    """
    gc.disable()
    gc.freeze()


def _install_preparer(preparer: Preparer) -> None:
    _WORKER["preparer"] = preparer
    _collect_rarely()


def _extract_chunk(job: tuple[list[str], list[int]]) -> Extract:
    names, kinds = job
    return _extract_names(_WORKER["preparer"], names, kinds)


def _extract_names(preparer: Preparer, names: list[str], kinds: list[int]) -> Extract:
    found = Extract()
    for text, code in zip(names, kinds, strict=True):
        found.add(preparer.prepare_uncached(text, _KINDS_BY_CODE[code]))
    return found


def _install_matcher(matcher: Matcher) -> None:
    _WORKER["matcher"] = matcher
    _collect_rarely()


def _screen_job(
    queries: list[_Key], threshold: float, limit: int | None, matcher: Matcher | None = None
) -> list[list[_Raw]]:
    """Screen names in a worker, or in this process with ``matcher``."""
    if matcher is None:
        matcher = _WORKER["matcher"]
        _WORKER["batches"] += 1
        if _WORKER["batches"] % WORKER_COLLECT_EVERY == 0:
            gc.collect()
    return [matcher._raw(name, kind, threshold, limit) for name, kind in queries]


class _Recent:
    """The results of the names a screen saw last, within :data:`RECENT_RESULTS`
    (the least recently seen are dropped first)."""

    def __init__(self) -> None:
        self._results: OrderedDict[_Key, list[_Raw]] = OrderedDict()
        self._size = 0

    def split(self, batch: _Batch) -> tuple[dict[_Key, list[_Raw]], list[_Key]]:
        """The results known of a batch's names, and the names to screen (each
        once)."""
        known: dict[_Key, list[_Raw]] = {}
        todo: dict[_Key, None] = {}
        for name, kind in batch:
            if name is None:
                continue
            key = (name, kind)
            found = self._results.get(key)
            if found is None:
                todo[key] = None
            else:
                self._results.move_to_end(key)
                known[key] = found
        return known, list(todo)

    def put(self, key: _Key, raw: list[_Raw]) -> None:
        if len(key[0]) > RECENT_LONGEST:
            return
        self._results[key] = raw
        self._size += 1 + len(raw)
        while self._size > RECENT_RESULTS:
            _, dropped = self._results.popitem(last=False)
            self._size -= 1 + len(dropped)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _text(value: Any) -> str | None:
    """A screened value as text: pyarrow scalars unwrapped; not text is missing."""
    if isinstance(value, str):
        return value
    as_py = getattr(value, "as_py", None)
    if as_py is not None:
        value = as_py()
        return value if isinstance(value, str) else None
    return None


def _batches(
    names: Iterable[Any], kinds: Iterator[Kind | None]
) -> Iterator[list[tuple[str | None, Kind | None]]]:
    values = iter(names)
    while True:
        batch = [(_text(name), next(kinds, None)) for name in islice(values, BATCH_SIZE)]
        if not batch:
            return
        yield batch


def _chain(
    first: list[tuple[str | None, Kind | None]],
    second: list[tuple[str | None, Kind | None]] | None,
    rest: Iterator[list[tuple[str | None, Kind | None]]],
) -> Iterator[list[tuple[str | None, Kind | None]]]:
    yield first
    if second is not None:
        yield second
        yield from rest


def _nones() -> Iterator[None]:
    while True:
        yield None
