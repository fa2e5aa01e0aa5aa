"""Bulk screening, saving, loading and pickling a compiled matcher.

``Matcher.screen`` must give what ``Matcher.match`` gives, for every input, in
input order, whatever the number of workers and however the names arrive. A
saved matcher must load to the same results, and a file that is not a saved
matcher must fail with a clear error that names it.
"""

from __future__ import annotations

import gc
import json
import math
import os
import pickle
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

import entitymatch as em
import entitymatch.matcher as matcher_module
from entitymatch.errors import EntityMatchError
from entitymatch.store import MAGIC, read_arrays

ENTITIES = [
    em.Entity(
        id="csl-30886",
        kind="organization",
        names=["Hangzhou Hikvision Digital Technology Co., Ltd.", "Hikvision"],
        source="Entity List (EL) - Bureau of Industry and Security",
        attributes={"programs": ("EAR",)},
    ),
    em.Entity(id="csl-1", kind="organization", names=["Zhejiang Dahua Technology Co., Ltd."]),
    em.Entity(
        id="sdn-1",
        kind="person",
        names=["ZHAO, Lijian", "赵立坚"],
        weak_aliases=["Lijian"],
    ),
    em.Entity(id="sdn-2", kind="vessel", names=["NAVIGATOR STAR"]),
]

QUERIES = [
    "HIKVISION",
    None,
    "Hik Vision Digital Technology",
    "",
    "Zhao Lijian",
    "   ",
    "Lijian",
    "Dahua Technology",
    "Hangzhou Technology Co Ltd",
    "赵立坚",
    "Navigator Star",
    "HIKVISION",
]


@pytest.fixture(scope="module")
def matcher() -> em.Matcher:
    return em.Matcher(ENTITIES)


def _ids(results: list[list[em.Match]]) -> list[list[tuple[str, float, str]]]:
    return [[(h.entity.id, h.score, h.name) for h in hits] for hits in results]


def _expected(matcher: em.Matcher) -> list[list[tuple[str, float, str]]]:
    return _ids([matcher.match(q) for q in QUERIES])


def test_expected_hits_are_real(matcher: em.Matcher) -> None:
    # The reference the other tests compare with finds what it should.
    expected = _expected(matcher)
    assert [ids[0][0] if ids else None for ids in expected] == [
        "csl-30886", None, "csl-30886", None, "sdn-1", None, "sdn-1", "csl-1", None,
        "sdn-1", "sdn-2", "csl-30886",
    ]  # fmt: skip


@pytest.mark.parametrize("workers", [1, 2])
def test_screen_gives_match_results_in_input_order(matcher: em.Matcher, workers: int) -> None:
    many = QUERIES * 60  # several batches, so that workers really share the work
    screened = list(matcher.screen(iter(many), workers=workers))
    assert _ids(screened) == _expected(matcher) * 60


def test_screen_takes_kinds_and_limit(matcher: em.Matcher) -> None:
    kinds: list[em.Kind | None] = ["organization", "person"]
    screened = list(matcher.screen(["Zhao Lijian", "Zhao Lijian"], kinds=kinds, limit=1, workers=1))
    assert _ids(screened) == _ids([matcher.match("Zhao Lijian", kind=k, limit=1) for k in kinds])


def _count_screened(matcher: em.Matcher, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names ``matcher`` screens from now on (in this process), in order."""
    screened: list[str] = []
    raw = matcher._raw

    def counted(name: str, *rest: object) -> list[object]:
        screened.append(name)
        return raw(name, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(matcher, "_raw", counted)
    return screened


@pytest.mark.parametrize("kept", [None, 3])
def test_a_recurring_name_is_screened_once_while_kept(
    matcher: em.Matcher, monkeypatch: pytest.MonkeyPatch, kept: int | None
) -> None:
    expected = _expected(matcher) * 60
    screened = _count_screened(matcher, monkeypatch)
    if kept is not None:
        monkeypatch.setattr(matcher_module, "RECENT_RESULTS", kept)
    many = QUERIES * 60  # batches of 256: names recur within and across them
    assert _ids(list(matcher.screen(many, workers=1))) == expected
    distinct = {q for q in QUERIES if q is not None}
    if kept is None:
        assert sorted(screened) == sorted(distinct)
    else:  # too little kept: names are screened again (once per batch at most)
        batches = math.ceil(len(many) / matcher_module.BATCH_SIZE)
        assert len(distinct) < len(screened) <= len(distinct) * batches
    # What a screen keeps is its own: another, at another threshold, starts afresh.
    screened.clear()
    again = list(matcher.screen(QUERIES * 2, threshold=0.99, workers=1))
    assert len(screened) >= len(distinct)
    assert _ids(again) == _ids([matcher.match(q, threshold=0.99) for q in QUERIES * 2])


def test_a_very_long_name_is_not_kept(matcher: em.Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    # Results are kept by name: a huge text must not sit in memory with them.
    long = "Hikvision" + " " * matcher_module.RECENT_LONGEST
    expected = [h.entity.id for h in matcher.match(long)]
    screened = _count_screened(matcher, monkeypatch)
    many = [long, "Hikvision"] * matcher_module.BATCH_SIZE  # two batches
    results = list(matcher.screen(many, workers=1))
    assert [h.entity.id for h in results[0]] == expected == ["csl-30886"]
    assert screened.count(long) == 2  # once a batch
    assert screened.count("Hikvision") == 1


def test_missing_and_odd_values_give_empty_results(matcher: em.Matcher) -> None:
    odd = [None, math.nan, 42, b"HIKVISION", "", "\x00\x07", "HIKVISION"]
    screened = list(matcher.screen(odd, workers=1))
    assert [len(hits) for hits in screened] == [0, 0, 0, 0, 0, 0, 1]


def test_pyarrow_column(matcher: em.Matcher) -> None:
    pa = pytest.importorskip("pyarrow")
    column = pa.chunked_array([["HIKVISION", None], ["Zhao Lijian"]])
    screened = list(matcher.screen(column, workers=1))
    assert [[h.entity.id for h in hits] for hits in screened] == [["csl-30886"], [], ["sdn-1"]]


def test_screen_streams_its_input(matcher: em.Matcher) -> None:
    # The first result arrives before the input has been read to the end.
    consumed = 0

    def names() -> Iterator[str]:
        nonlocal consumed
        for n in range(100_000):
            consumed += 1
            yield "Hikvision" if n % 2 else "Dahua Technology"

    results = matcher.screen(names(), workers=2)
    first = next(results)
    assert first[0].entity.id == "csl-1"
    assert consumed < 20_000
    results.close()


class _DyingMatcher:
    """What a worker holds in place of the matcher: its process ends mid-batch."""

    def _raw(self, *_: object) -> NoReturn:
        os._exit(9)  # as a kill by the system would: no exception, no result


@pytest.mark.skipif(matcher_module._FORK is None, reason="workers are forked")
def test_a_worker_that_dies_fails_the_screen_instead_of_hanging(
    matcher: em.Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    def install(_: em.Matcher) -> None:
        matcher_module._WORKER["matcher"] = _DyingMatcher()

    def hung(*_: object) -> NoReturn:
        pytest.fail("the screen waited for the dead worker's results")

    monkeypatch.setattr(matcher_module, "_install_matcher", install)
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)  # a screen that waits forever fails here instead of hanging
    try:
        with pytest.raises(EntityMatchError, match="worker process died"):
            list(matcher.screen(QUERIES * 60, workers=2))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    # The matcher itself is unharmed: the next screen works.
    monkeypatch.undo()
    assert len(list(matcher.screen(QUERIES * 60, workers=2))) == len(QUERIES) * 60


def test_save_and_load_give_the_same_results(matcher: em.Matcher, tmp_path: Path) -> None:
    path = tmp_path / "list.ematch"
    size = matcher.save(path)
    assert path.stat().st_size == size
    assert path.read_bytes()[: len(MAGIC)] == MAGIC
    loaded = em.Matcher.load(path)
    assert repr(loaded) == repr(matcher)
    assert loaded.entities == matcher.entities
    assert _expected(loaded) == _expected(matcher)
    assert loaded.frequencies.count("hikvision") == matcher.frequencies.count("hikvision")
    explanation = loaded.match("Hik Vision")[0].explanation
    assert explanation == matcher.match("Hik Vision")[0].explanation


def test_pickle_round_trip(matcher: em.Matcher) -> None:
    copy = pickle.loads(pickle.dumps(matcher))
    assert _expected(copy) == _expected(matcher)
    assert copy.entities[0].attributes == {"programs": ("EAR",)}


def test_alias_table_survives_saving(tmp_path: Path) -> None:
    aliases = em.AliasTable([em.AliasRow(canonical="", alias="HKV Group", entity_id="csl-30886")])
    built = em.Matcher(ENTITIES, aliases=aliases)
    path = tmp_path / "aliased.ematch"
    built.save(path)
    loaded = em.Matcher.load(path)
    assert [h.entity.id for h in loaded.match("HKV Group")] == ["csl-30886"]
    assert len(loaded.aliases or ()) == 1


def _corrupt(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "bad.ematch"
    path.write_bytes(data)
    return path


def test_foreign_and_truncated_files_fail_clearly(matcher: em.Matcher, tmp_path: Path) -> None:
    good = tmp_path / "good.ematch"
    matcher.save(good)
    data = good.read_bytes()
    cases = {
        "csv": b"id,name\n1,Hikvision\n",
        "empty": b"",
        "pickle": pickle.dumps({"a": 1}),
        "truncated": data[: len(data) // 2],
        "header cut": data[:40],
    }
    for label, content in cases.items():
        path = _corrupt(tmp_path, content)
        with pytest.raises(EntityMatchError) as raised:
            em.Matcher.load(path)
        assert str(path) in str(raised.value), label


def _rewrite_header(data: bytes, change: dict[str, object]) -> bytes:
    length = int.from_bytes(data[8:16], "little")
    header = json.loads(data[16 : 16 + length])
    for key, value in change.items():
        if key.startswith("meta."):
            header["meta"][key[5:]] = value
        elif key.startswith("array."):
            name, field = key[6:].split(":")
            header["arrays"][name][field] = value
        else:
            header[key] = value
    encoded = json.dumps(header, separators=(",", ":")).encode("ascii")
    old_start = 16 + length + (-(16 + length) % 64)
    start = 16 + len(encoded)
    padding = b"\0" * (-start % 64)
    return data[:8] + len(encoded).to_bytes(8, "little") + encoded + padding + data[old_start:]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": 99}, "format version 99"),
        ({"meta.algorithm": "entitymatch-0"}, "compile the matcher again"),
        ({"meta.prepare_version": "0"}, "compile the matcher again"),
        ({"array.name_weight:dtype": "object"}, "corrupt matcher"),
        ({"array.name_weight:offset": 10**12}, "out of bounds"),
        ({"array.name_weight:shape": [-1]}, "corrupt matcher"),
        ({"meta.entities": 5}, "sizes disagree"),
    ],
    ids=["version", "algorithm", "prepare", "dtype", "offset", "shape", "sizes"],
)
def test_tampered_headers_fail_clearly(
    matcher: em.Matcher, tmp_path: Path, change: dict[str, object], message: str
) -> None:
    good = tmp_path / "good.ematch"
    matcher.save(good)
    path = _corrupt(tmp_path, _rewrite_header(good.read_bytes(), change))
    with pytest.raises(EntityMatchError, match=message) as raised:
        em.Matcher.load(path)
    assert str(path) in str(raised.value)


def test_damaged_data_fails_its_checksum(matcher: em.Matcher, tmp_path: Path) -> None:
    good = tmp_path / "good.ematch"
    matcher.save(good)
    data = good.read_bytes()
    length = int.from_bytes(data[8:16], "little")
    start = 16 + length + (-(16 + length) % 64)
    for position in (start, (start + len(data)) // 2, len(data) - 1):
        damaged = bytearray(data)
        damaged[position] ^= 0x01  # one bit, as a bad disk or a bad copy flips it
        path = _corrupt(tmp_path, bytes(damaged))
        with pytest.raises(EntityMatchError, match="checksum") as raised:
            em.Matcher.load(path)
        assert str(path) in str(raised.value)
    with pytest.raises(EntityMatchError, match="checksum"):
        read_arrays(bytes(damaged))  # bytes from a pickle are checked as well


def test_loaded_arrays_are_read_only_maps(matcher: em.Matcher, tmp_path: Path) -> None:
    path = tmp_path / "list.ematch"
    matcher.save(path)
    arrays, meta = read_arrays(path)
    assert meta["names"] == matcher.name_count
    assert not arrays["name_weight"].flags.writeable


def test_saving_is_atomic(matcher: em.Matcher, tmp_path: Path) -> None:
    # A failed save leaves the old file as it was, and no temporary file.
    path = tmp_path / "list.ematch"
    path.write_bytes(b"previous")
    broken = em.Matcher(ENTITIES)
    broken._index.name_weight = broken._index.name_weight.astype(object)  # cannot be stored
    with pytest.raises(TypeError):
        broken.save(path)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["list.ematch"]


def test_matching_leaves_no_garbage_for_the_cycle_collector(matcher: em.Matcher) -> None:
    # Screening workers run with the cycle collector off between full collections
    # (matcher._collect_rarely), which is sound only while matching creates no
    # reference cycles. Names never matched before, so no cache answers for them.
    fresh = [
        "Chao Li-chien",
        "Zhang Xiaoming Trading Co Ltd",
        "Hangzhou Hikvsion Digitl Technologies",
        "杭州大华技术有限公司",
        "赵小明",
        "Лицзянь Чжао",
        "شركة هيكفيجن",
        "\x00\x07Dah\u200bua",
        "Navigator 😀 Stars",
        "w" * 100_000,
    ]
    matcher.match("Hikvision")  # the pipeline's tables are loaded once, before
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for name in fresh[:5]:
            matcher.match(name)
        list(matcher.screen(fresh[5:], workers=1))
        gc.collect()
        garbage = sorted({type(item).__qualname__ for item in gc.garbage})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert garbage == []
