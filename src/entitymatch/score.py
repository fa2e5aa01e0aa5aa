"""Prepared name x prepared name -> score in [0, 1] with its evidence.

The score is a weighted Dice coefficient over an alignment of the two names'
tokens:

    score = sum(similarity * (weight_left + weight_right) over aligned pairs)
            / (total weight left + total weight right)

* **Alignment** pairs tokens one to one, order-free, best pairs first. A token
  may also pair with two to four adjacent tokens of the other name joined
  ("Hik Vision" = "Hikvision", "Li Jian" = "Lijian", "public security bureau"
  = 公安局; joined words must be equal or spelling variants, not typos), and a
  token's alternative forms (English renderings of Han, brand
  names, abbreviations) count as the token.
* **Token similarity** is 1 for equal words, 0.95 for spelling variants
  (romanisation systems, spelling families), and otherwise ``1 - edits/length``
  (optimal string alignment) within a length-dependent typo budget, raised
  when the metaphone keys agree; Arabic and Hebrew words compare by consonant skeleton,
  Korean syllables by their popular spellings, foreign names written in Han
  by sound (蓬佩奥 / Pompeo), initials by first letter.
  Numbers match only exactly.
* **Missing is not conflicting**: when every token of one name is aligned,
  exactly or as a variant (or, in an alignment of two or more pairs with one
  such, within a typo), including with a distinctive word of the other,
  the other name's extra tokens (a middle name, "Digital Technology") count
  half (0.4 of their weight between persons' names).
* **Rules** after the sum: identical normal forms score 1; an alignment
  resting on little weight is scaled down; one that aligns no distinctive word,
  or leaves all of one name's distinctive words out, is capped below any
  threshold, unless neither name has a distinctive word and every word of both
  is aligned; a one-word name that spells the other's initials is an acronym
  match; a name the brand or alias tables say the other goes by is an alias
  match; different legal forms cost a little.

The scorer is symmetric: ``score(a, b) == score(b, a)``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import jellyfish
from rapidfuzz.distance import OSA

from entitymatch.prepare import PreparedName, Run, Token, compact, compact_words, prepare
from entitymatch.prepare.romanize import (
    korean_key,
    other_syllables,
    pinyin_syllables,
    skeleton,
    spelling_keys,
)
from entitymatch.prepare.scripts import ABJADS, INITIAL_SCRIPTS
from entitymatch.prepare.sound import (
    MIN_KEY_LENGTH,
    latin_sound_key,
    pinyin_sound_key,
    sound_similarity,
)
from entitymatch.prepare.tagging import DISTINCTIVE_TAGS, canonical_kind
from entitymatch.records import Kind
from entitymatch.weights import (
    Frequencies,
    institution_name,
    reference_frequencies,
    token_weights,
)

__all__ = [
    "ALGORITHM",
    "DEFAULT_THRESHOLD",
    "Comparison",
    "Explanation",
    "Pair",
    "compact",
    "compare",
    "core",
    "is_distinctive",
    "score_prepared",
    "typed_text",
]

ALGORITHM = "entitymatch-1"
"""Name and version of the scoring algorithm; stored with saved matchers and
explanations so that results stay reproducible."""

DEFAULT_THRESHOLD = 0.8
"""Chosen on labelled data: see ``docs/threshold.md`` and ``benchmarks/quality.py``."""

VARIANT_SIMILARITY = 0.95
"""Spelling variants (Uighur/Uygur, Tse-tung/Zedong) are the same name, but an
exact spelling still ranks first."""
PHONETIC_SIMILARITY = 0.8
"""Words with the same metaphone key and a fair edit similarity (Smith/Smythe);
no more than one typo in five letters: metaphone keys collide often."""
PHONETIC_MIN_EDIT_SIMILARITY = 0.6
SKELETON_SIMILARITY = 0.9
"""An abjad word whose consonants equal a Latin word's consonants (محمد/Mohamed)."""
INITIAL_SIMILARITY = 0.8
"""An initial and a name it may abbreviate (J/John): likely, not certain."""
ACRONYM_SCORES = {2: 0.6, 3: 0.75, 4: 0.9}
"""A single word written in capitals that spells the other name's initials, by
its length: four letters and more (SMIC, NUDT, CETC) are strong evidence; three
(IBM) and two (GE) are hints below the default threshold, because a list of tens
of thousands of names holds many short acronyms (CSC, CPP, GI) that the
initials of unrelated names spell (measured: benchmarks/quality.py and the
false-alert rate of unlisted company names in docs/threshold.md)."""
MISSING_FACTOR = 0.5
"""Share of their weight that tokens missing from a fully aligned name cost,
when either name is an organisation's."""
PERSON_MISSING_FACTOR = 0.4
"""The same share between names of which neither is an organisation's. Every
part of a person's name weighs as a distinctive word, and lists and records
write one person with two names or with five ("HANIYEH, Ismail" / "HANIYEH,
Ismail Abdel Salam Ahmed"); a company's missing words are mostly generic and
weigh little anyway. Measured with benchmarks/quality.py and
benchmarks/false_alerts.py against 0.5: hard-pairs recall 0.526 -> 0.541 at
precision 0.929 -> 0.930, unlisted alerts unchanged (5.2%); at 0.3 precision
fell (father and son, "Jalaluddin Haqqani" / "Sirajuddin Haqqani Jalaluddin")."""
MISSING_TYPO_SIMILARITY = 0.8
"""Lowest pair similarity the missing-token discount accepts in an alignment of
two or more pairs of which one is exact or a variant ("KHALIFEH, Hanna Elias" /
"KHALIFE, Hanna"): the exact word corroborates the typo. A lone pair must be
exact or a variant ("Doman Industries" is not "DOMANI" with a word missing).
Measured with benchmarks/quality.py and benchmarks/false_alerts.py: hard-pairs
recall 0.506 -> 0.526 at precision 0.928 -> 0.929, unlisted alerts 5.1% -> 5.2%."""
GENERIC_CAP = 0.5
"""Highest score of an alignment that pairs no distinctive token."""
CORROBORATED_DOUBT = 0.7
"""Share of the doubt (1 - score) that remains when every word of both names is
aligned and at least two aligned pairs are distinctive in both names."""
TYPED_SIMILARITY = 0.8
"""Least similarity of two organisations' names as typed (see :func:`typed_text`)
at which the spelling rule scores them by it: within one edit in five letters,
keystroke and OCR noise spread over a name ("Predovic-Mc9ullough", "Hettinger
7LC") that leaves each word too far from its own to pair.
Measured with benchmarks/quality.py: peer-case recall 0.810 -> 0.855 at precision
0.996, hard pairs 0.566 -> 0.567 at precision 0.932 -> 0.933."""
TYPED_MIN_LENGTH = 8
"""Fewest letters of a name as typed for the spelling rule: in a shorter name one
edit in five letters is another name ("Ratke" / "Iahke")."""
TYPED_LEGAL_LENGTH = 5
"""Longest legal form (letters) that counts in a name as typed: abbreviations
(LLC, Co Ltd, GmbH, OAO)."""
TYPED_LEFTOVER_SIMILARITY = 0.5
"""Least similarity of what the words left unaligned in each name spell (with the
legal forms the other name does not write alike), which must also be at most
:data:`MAX_EDITS` apart: a word mistyped, not a word replaced ("Ground Force" /
"Naval Force", "Shahid Karimi" / "Shahid Varamini")."""
ALIAS_SCORE = 0.95
"""One name is what the other goes by, by the brand or a user alias table
(NUDT / 国防科技大学): as good as a spelling variant."""
ALIAS_CORE_SCORE = 0.9
"""The distinctive core of one name is what the other goes by ("Beihang
University" / 北京航空航天大学, which goes by Beihang): the generic words around
the core may differ, as with any core match."""
MIN_EVIDENCE = 0.7
"""Aligned weight (averaged over the two names) below which a score is scaled
down in proportion: one common word ("China", "Ali") is not enough evidence,
whatever share of a short name it is."""
LEGAL_MISMATCH_PENALTY = 0.03
"""Cost of incompatible legal forms (Ltd vs AG): weak evidence, never decisive."""
KIND_MISMATCH_PENALTY = 0.1
"""Cost of comparing a person's name with an organisation's: kinds in lists and
records are often wrong, so it is a penalty, not a veto."""

EXACT_ONLY = frozenset(
    """
    north south east west northeast northwest southeast southwest northern southern
    eastern western central middle upper lower inner outer
    first second third fourth fifth sixth seventh eighth ninth tenth
    one two three four five six seven eight nine ten eleven twelve hundred thousand
    """.split()
)
"""Words of small closed sets whose members differ by a letter or two and mean
different things (southeast / southwest, first / fifth, seven / eleven): they
match only exactly or as spelling variants, never as typos of each other."""
SOUND_SIMILARITY = 0.85
"""A Han transliteration and a Latin word with the same sound key (蓬佩奥 /
Pompeo): evidence, but keys are coarse (中兴 zhong xing and Johnson share one),
so less than a spelling variant."""
SOUND_ROLES = frozenset({"trade", "word"})
"""Han units that may be foreign names read by sound: not places, industry
words or numbers (read by meaning), nor a Chinese surname or given name alone."""
SOUND_RUN_ROLES = frozenset({"trade", "word", "surname", "given"})
"""Han units whose run may be a foreign name misread as a Chinese one."""
SOUND_VIAS = frozenset({"pinyin", "cedict", "surname"})
"""How a Han unit was read when its sound may be its English: by pinyin or the
dictionary, not by the brand, alias or glossary tables, which translate it."""
MAX_EDITS = 2
"""Most typos (optimal string alignment edits: insert, delete, substitute, swap
neighbours) between two words that still count as similar."""
_CAPITAL_COMPANY = frozenset({"limited", "joint_stock", "corporation", "company"})
"""Legal-form classes that the same company is written with interchangeably
(股份有限公司 is "Co., Ltd." in English; ZAO became AO in 2014)."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Tokens of the two names aligned with each other.

    Attributes:
        left: Indices of the left name's tokens (several when joined).
        right: Indices of the right name's tokens.
        left_form: The left form compared (a token, its alternative, or joined tokens).
        right_form: The right form compared.
        similarity: Similarity of the two forms, in [0, 1].
        how: Why they are similar: ``exact``, ``variant``, ``fuzzy``,
            ``phonetic``, ``skeleton``, ``korean``, ``initial``, with ``+joined``
            when tokens were joined, and the source of an alternative form
            (``translation``, ``brand``, ``alias``, ``abbreviation``, ``place``).
        weight: Sum of the weights of the aligned tokens of both names.
    """

    left: tuple[int, ...]
    right: tuple[int, ...]
    left_form: str
    right_form: str
    similarity: float
    how: str
    weight: float

    @property
    def gain(self) -> float:
        """What this pair adds to the score's numerator."""
        return self.similarity * self.weight


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why two names scored what they scored. Data first; render it last.

    Attributes:
        score: The final score.
        rule: Which rule decided it: ``tokens`` (the weighted alignment),
            ``identical``, ``acronym``, ``generic-only`` (capped), ``empty``.
        left: The left name as prepared.
        right: The right name as prepared.
        left_weights: Weight of each left token.
        right_weights: Weight of each right token.
        pairs: The alignment.
        missing_discount: Whether unaligned tokens of one name counted only in
            part because the other name was fully aligned.
        legal_penalty: What incompatible legal forms cost.
        base: The alignment score before rules.
    """

    score: float
    rule: str
    left: PreparedName
    right: PreparedName
    left_weights: tuple[float, ...]
    right_weights: tuple[float, ...]
    pairs: tuple[Pair, ...] = ()
    missing_discount: bool = False
    legal_penalty: float = 0.0
    base: float = 0.0
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serializable explanation (see ``docs/explanations.md``)."""
        left, right = self.left.tokens, self.right.tokens
        used_left = {i for p in self.pairs for i in p.left}
        used_right = {j for p in self.pairs for j in p.right}

        def unmatched(tokens: Sequence[Token], weights: Sequence[float], used: set[int]) -> Any:
            return [
                {"token": t.text, "source": t.source, "tag": t.tag, "weight": round(w, 4)}
                for i, (t, w) in enumerate(zip(tokens, weights, strict=True))
                if i not in used
            ]

        return {
            "algorithm": ALGORITHM,
            "score": round(self.score, 4),
            "rule": self.rule,
            "base_score": round(self.base, 4),
            "pairs": [
                {
                    "left": " ".join(left[i].text for i in p.left),
                    "right": " ".join(right[j].text for j in p.right),
                    "left_source": " ".join(left[i].source for i in p.left),
                    "right_source": " ".join(right[j].source for j in p.right),
                    "left_form": p.left_form,
                    "right_form": p.right_form,
                    "similarity": round(p.similarity, 4),
                    "how": p.how,
                    "weight": round(p.weight, 4),
                }
                for p in self.pairs
            ],
            "unmatched": {
                "left": unmatched(left, self.left_weights, used_left),
                "right": unmatched(right, self.right_weights, used_right),
                "counted": (
                    f"{missing_factor(self.left, self.right):g} of their weight "
                    "(missing, not conflicting)"
                    if self.missing_discount
                    else "full"
                ),
            },
            "legal_forms": {
                "left": [f.cls for f in self.left.legal_forms],
                "right": [f.cls for f in self.right.legal_forms],
                "penalty": self.legal_penalty,
            },
            "left": self.left.to_dict(),
            "right": self.right.to_dict(),
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of :func:`compare`.

    Attributes:
        score: Similarity in [0, 1].
        threshold: The threshold ``is_match`` used.
        explanation: Why; :meth:`to_dict` gives it as JSON-serializable data.
    """

    score: float
    threshold: float
    explanation: Explanation

    @property
    def is_match(self) -> bool:
        """Whether ``score >= threshold``."""
        return self.score >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        """The explanation, with ``is_match`` and ``threshold``."""
        return {
            **self.explanation.to_dict(),
            "is_match": self.is_match,
            "threshold": self.threshold,
        }


def max_edits(length: int) -> int:
    """Typos allowed between two words, by the length of the longer one: none up
    to 3 letters, then about one in four letters, at most :data:`MAX_EDITS`.

    >>> [max_edits(n) for n in (3, 4, 6, 7, 12)]
    [0, 1, 1, 2, 2]
    """
    return 0 if length <= 3 else min(MAX_EDITS, int(0.3 * length + 1e-9))


@functools.lru_cache(maxsize=1 << 18)
def text_similarity(a: str, b: str) -> tuple[float, str]:
    """Similarity of two comparison words (or joined words) and why.

    >>> text_similarity("uighur", "uygur")
    (0.95, 'variant')
    >>> text_similarity("hikvision", "hikvisoin"), text_similarity("zaytsev", "zaitsev")
    ((0.8889, 'fuzzy'), (0.95, 'variant'))
    >>> text_similarity("smith", "smythe")
    (0.8, 'phonetic')
    >>> text_similarity("360", "361"), text_similarity("zhao", "zhou")
    ((0.0, ''), (0.0, ''))
    >>> text_similarity("boyer", "boer"), text_similarity("southeast", "southwest")
    ((0.8, 'fuzzy'), (0.0, ''))
    """
    if a == b:
        return 1.0, "exact"
    if a.isdigit() or b.isdigit():
        return 0.0, ""
    if not spelling_keys(a).isdisjoint(spelling_keys(b)):
        return VARIANT_SIMILARITY, "variant"
    longer = max(len(a), len(b))
    if longer <= 3 or a in EXACT_ONLY or b in EXACT_ONLY:
        return 0.0, ""
    budget = max_edits(longer)
    distance = OSA.distance(a, b)
    similarity = round(1.0 - distance / longer, 4)
    if (
        similarity >= PHONETIC_MIN_EDIT_SIMILARITY
        and similarity < PHONETIC_SIMILARITY
        and min(len(a), len(b)) >= 4
        and a.isalpha()
        and b.isalpha()
        and jellyfish.metaphone(a) == jellyfish.metaphone(b)
    ):
        return PHONETIC_SIMILARITY, "phonetic"
    if distance <= budget:
        return similarity, "fuzzy"
    return 0.0, ""


def joined_similarity(run: Run, form: str) -> tuple[float, str]:
    """Similarity of adjacent words joined and one word: equal or spelling
    variants only. Typos across a word boundary are not looked for; that keeps
    every pair the scorer can make findable by exact lookups in the index.

    >>> tse_tung = prepare("Tse-tung").runs[0]
    >>> joined_similarity(tse_tung, "tsetung"), joined_similarity(tse_tung, "zedong")
    ((1.0, 'exact'), (0.95, 'variant'))
    >>> joined_similarity(prepare("Hik Visoin").runs[0], "hikvision")
    (0.0, '')
    """
    joined = run.joined
    if joined == form:
        return 1.0, "exact"
    if joined.isdigit() or form.isdigit():
        return 0.0, ""
    if not run.keys.isdisjoint(spelling_keys(form)):
        return VARIANT_SIMILARITY, "variant"
    return 0.0, ""


def sound_token(token: Token) -> bool:
    """Whether a token is a Han word that may be a foreign name read by sound: a
    trade name or dictionary word that no brand or glossary already translates
    (中兴 is ZTE, not "Johnson")."""
    return token.script == "han" and token.role in SOUND_ROLES and token.via in SOUND_VIAS


def sound_run_token(token: Token) -> bool:
    """Whether a token is a Han word that may be part of a foreign name read by
    sound, as a Chinese surname or given name may be (蓬 | 佩奥 is Pompeo)."""
    return token.script == "han" and token.role in SOUND_RUN_ROLES and token.via in SOUND_VIAS


def sound_run(name: PreparedName, run: Run) -> bool:
    """Whether a run is Han words that may be a foreign name read by sound."""
    tokens = name.tokens
    if tokens[run.indices[0]].script != "han":  # most runs: answered at once
        return False
    return all(sound_run_token(tokens[i]) for i in run.indices)


def sound_pair_key(name: PreparedName, run: Run) -> tuple[str, bool] | None:
    """The sound key of a two-word run heard word by word, and whether it is Han.

    A foreign name written in Han with its parts apart (乔希·霍利 Josh Hawley) meets
    the Latin name word for word, but a word's key may be too short to trust alone
    (JS, HL). Each word keyed on its own and the keys put together give the name's
    key (JSHL), which must equal the other script's: two short keys are not long
    enough for an edit (:func:`edit_budget` would allow one from five letters,
    where one short word could then differ in full). Only a run of two Han words
    that may each be a foreign name read by sound (:func:`sound_token`: not a
    Chinese surname and given name, which pinyin compares), or of two Latin words
    at least one of which has a key too short to pair on its own, has one: where
    both keys are long enough, the words pair one by one.
    """
    if len(run.indices) != 2:
        return None
    first, second = (name.tokens[i] for i in run.indices)
    if first.script == "han":
        han = sound_token(first) and sound_token(second)
        if not han:
            return None
    elif not (
        first.script == second.script == "latin" and first.text.isalpha() and second.text.isalpha()
    ):
        return None
    else:
        han = False
    keys = [sound_key(first.text, han), sound_key(second.text, han)]
    if not all(keys) or (not han and min(map(len, keys)) >= MIN_KEY_LENGTH):
        return None
    joined = "".join(keys)
    return (joined, han) if len(joined) >= MIN_KEY_LENGTH else None


def joined_skeleton_similarity(joined: str, word: str) -> tuple[float, str]:
    """Words of an abjad joined, against one word, by consonant skeleton."""
    found = skeleton(joined)
    if len(found) >= 3 and found == skeleton(word):
        return SKELETON_SIMILARITY, "skeleton"
    return 0.0, ""


@functools.lru_cache(maxsize=1 << 16)
def sound_key(text: str, han: bool) -> str:
    """The sound key of a comparison word: of its pinyin syllables when it was read
    from Han, of its spelling otherwise (see :mod:`entitymatch.prepare.sound`)."""
    if han:
        syllables = pinyin_syllables(text)
        return pinyin_sound_key(syllables) if syllables else ""
    return latin_sound_key(text) if text.isalpha() else ""


def sounds_alike(han_text: str, latin_text: str) -> float:
    """Similarity of a Han word read in pinyin and a Latin word, by sound
    (蓬佩奥 peng pei ao / Pompeo): at most :data:`SOUND_SIMILARITY`."""
    similarity = sound_similarity(sound_key(han_text, True), sound_key(latin_text, False))
    return round(SOUND_SIMILARITY * similarity, 4)


def _script_similarity(a: Token, b: Token) -> tuple[float, str]:
    """Comparisons that only hold for words read from particular scripts."""
    if a.script in ABJADS or b.script in ABJADS:
        ska, skb = skeleton(a.text), skeleton(b.text)
        # One consonant is a name only in a short word (علي / Ali), never in "Volvo".
        if ska and ska == skb and (len(ska) >= 2 or max(len(a.text), len(b.text)) <= 3):
            return SKELETON_SIMILARITY, "skeleton"
    korean = (a.script == "hangul") != (b.script == "hangul") or a.via == b.via == "korean"
    if korean and korean_key(a.text) == korean_key(b.text):
        return VARIANT_SIMILARITY, "korean"
    for han, latin in ((a, b), (b, a)):
        if sound_token(han) and latin.script == "latin":
            similarity = sounds_alike(han.text, latin.text)
            if similarity > 0.0:
                return similarity, "sound"
        if initials_token(han) and is_initialism(latin) and latin.text == pinyin_initials(han.text):
            return INITIAL_SIMILARITY, "pinyin initials"
    return 0.0, ""


INITIALS_ROLES = frozenset({"place", "trade", "word"})
"""Han units an English name may write as the initials of their syllables: a
place or a name (深圳 SZ DJI, 彩虹 Aerospace CH UAV), never an industry word."""


def initials_token(token: Token) -> bool:
    """Whether a token is a Han place or name of two or three syllables."""
    return (
        token.script == "han" and token.role in INITIALS_ROLES and bool(pinyin_initials(token.text))
    )


def is_initialism(token: Token) -> bool:
    """Whether a Latin word may be the initials of two or three syllables."""
    return (
        token.script == "latin"
        and 2 <= len(token.text) <= 3
        and token.text.isalpha()
        and token.tag != "stop"
    )


@functools.lru_cache(maxsize=1 << 14)
def pinyin_initials(text: str) -> str:
    """The first letters of the pinyin syllables of a word of two or three
    syllables (shenzhen: "sz"), else ``""``."""
    syllables = pinyin_syllables(text) or []
    return "".join(s[0] for s in syllables) if 2 <= len(syllables) <= 3 else ""


_VIA_HOW = {
    "glossary": "translation",
    "cedict": "translation",
    "brand": "brand",
    "alias": "alias",
    "place": "place",
}


def _alt_how(token: Token, form: str) -> str:
    """How a form of a token was read, for the explanation: its pinyin, a
    transliteration, a translation, a brand, an alias, a place's other name."""
    if form == token.text:
        if token.script == "han":
            return "pinyin"
        return token.script if token.script not in ("latin", "digit") else ""
    if token.via in _VIA_HOW:
        return _VIA_HOW[token.via]
    if token.script == "hangul" or token.via == "korean":
        return "surname spelling"  # 박 read "bag", spelled Park; RI spelled Lee
    if token.tag == "number":
        return "number"  # "First" read as 1
    return canonical_kind(token.text) or "other form"


@functools.lru_cache(maxsize=1 << 18)
def token_similarity(a: Token, b: Token, *, initials: bool) -> tuple[float, str, str, str]:
    """Best similarity over the forms of two tokens: ``(similarity, how, form_a, form_b)``.

    Two words read from Han match only exactly or as variants: the same
    characters give the same readings, and their generated spellings (Hong Kong
    readings, translations) one letter apart are different names (毛泽东 / 毛泽民).
    Chinese syllables match as typos only as :func:`_syllable_typo` allows.
    """
    best: tuple[float, str, str, str] = (0.0, "", a.text, b.text)
    both_han = a.script == "han" and b.script == "han"
    pinyin = _read_as_pinyin(a) or _read_as_pinyin(b)
    for form_a in a.forms:
        for form_b in b.forms:
            similarity, how = text_similarity(form_a, form_b)
            if both_han and how not in ("exact", "variant"):
                continue
            if (
                pinyin
                and how in ("fuzzy", "phonetic")
                and not _syllable_typo(a, form_a, b, form_b, how)
            ):
                continue
            if similarity > best[0]:
                extra = _alt_how(a, form_a) or _alt_how(b, form_b)
                best = (similarity, f"{how}+{extra}" if extra else how, form_a, form_b)
                if similarity == 1.0:
                    return best
    if best[0] < SKELETON_SIMILARITY:
        similarity, how = _script_similarity(a, b)
        if similarity > best[0]:
            best = (similarity, how, a.text, b.text)
    if initials and best[0] < INITIAL_SIMILARITY:
        short, long = (a, b) if len(a.text) <= len(b.text) else (b, a)
        if (
            len(short.text) == 1
            and short.script in INITIAL_SCRIPTS
            and long.text[0] == short.text
            and not long.text.isdigit()
        ):
            best = (INITIAL_SIMILARITY, "initial", a.text, b.text)
    return best


def _read_as_pinyin(token: Token) -> bool:
    """Whether a token is Chinese syllables: read from Han, or a word of a Latin
    name that reads as a Chinese person's (``via`` pinyin)."""
    return token.script == "han" or token.via == "pinyin"


def _syllable_typo(a: Token, form_a: str, b: Token, form_b: str, how: str) -> bool:
    """Whether two words, one of them Chinese syllables, may be a typo of one another.

    An English rendering of Han may be mistyped or inflected (原子 atomic /
    Atomics). Pinyin may be mistyped only where the syllables keep their
    initials (万 Wan / WANG): other syllables are other characters (王东明
    Dongming is not Mingming, Guanghua not Guangfu, 杨 Yang not Wang), and an
    English word's metaphone says nothing of how pinyin sounds (靖 jing / Jong,
    Chao / Shao). The generated spellings of Han (Wade-Giles, Hong Kong) are
    never mistyped: one letter apart, they name other characters too.
    """
    for token, form in ((a, form_a), (b, form_b)):
        if token.script == "han" and form != token.text:
            return token.via in _VIA_HOW
    return how == "fuzzy" and not other_syllables(form_a, form_b)


def _join_candidates(
    runs_name: PreparedName,
    singles_name: PreparedName,
    run_weights: Sequence[float],
    single_weights: Sequence[float],
    runs_on_left: bool,
) -> list[Pair]:
    """Pairs of a run of one name with a token of the other: equal or spelling
    variants (found through a key index, not by trying every pair), or for
    two-word runs involving an abjad, equal consonant skeletons."""
    singles = singles_name.tokens
    by_key = singles_name.form_keys
    abjad_singles, latin_singles = singles_name.derived("abjad_latin", _abjad_and_latin)
    pairs = []
    for run, by_sound in _sound_runs(runs_name):
        found: dict[tuple[int, str], tuple[float, str]] = {}
        for key in run.keys:
            for j, form in by_key.get(key, ()):
                if (j, form) not in found:
                    found[(j, form)] = joined_similarity(run, form)
        if len(run.indices) == 2 and (run.abjad or abjad_singles):
            # Arabic written as two words and Latin as one, or the other way round
            # (عبد الله / Abdullah, Abdul Rahman / عبدالرحمن): consonants of two words.
            for j in range(len(singles)) if run.abjad else abjad_singles:
                text = singles[j].text
                if (j, text) not in found:
                    found[(j, text)] = joined_skeleton_similarity(run.joined, text)
        if by_sound:
            # A foreign name written in Han and read as surname + given name
            # (蓬佩奥 peng pei ao), against one Latin word (Pompeo), by sound.
            for j in latin_singles:
                text = singles[j].text
                if (j, text) not in found:
                    similarity = sounds_alike(run.joined, text)
                    found[(j, text)] = (similarity, "sound") if similarity else (0.0, "")
        if not found:
            continue
        run_weight = sum(run_weights[i] for i in run.indices)
        for (j, form), (similarity, kind_of_match) in found.items():
            if similarity <= 0.0:
                continue
            extra = _alt_how(singles[j], form)
            how = f"{kind_of_match}+joined" + (f"+{extra}" if extra else "")
            weight = run_weight + single_weights[j]
            if runs_on_left:
                pairs.append(Pair(run.indices, (j,), run.joined, form, similarity, how, weight))
            else:
                pairs.append(Pair((j,), run.indices, form, run.joined, similarity, how, weight))
    return pairs


def _sound_pair_keys(name: PreparedName) -> tuple[tuple[Run, str, bool], ...]:
    """The two-word runs of a name that have a :func:`sound_pair_key`, with it."""
    return name.derived(
        "sound_pair_keys",
        lambda n: tuple(
            (run, *found) for run in n.runs if (found := sound_pair_key(n, run)) is not None
        ),
    )


def _sound_run_pairs(
    left: PreparedName,
    right: PreparedName,
    left_weights: Sequence[float],
    right_weights: Sequence[float],
) -> list[Pair]:
    """Pairs of a two-word Han run and a two-word Latin run whose words put
    together sound the same (乔希·霍利 / Josh Hawley: JSHL), at :data:`SOUND_SIMILARITY`."""
    pairs = []
    right_keys = _sound_pair_keys(right)
    for run_a, key_a, han_a in _sound_pair_keys(left):
        for run_b, key_b, han_b in right_keys:
            if han_a == han_b or key_a != key_b:
                continue
            weight = math.fsum(left_weights[i] for i in run_a.indices) + math.fsum(
                right_weights[j] for j in run_b.indices
            )
            pairs.append(
                Pair(
                    run_a.indices,
                    run_b.indices,
                    run_a.joined,
                    run_b.joined,
                    SOUND_SIMILARITY,
                    "sound+joined",
                    weight,
                )
            )
    return pairs


def _abjad_and_latin(name: PreparedName) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The positions of a name's words read from an abjad, and of its Latin words."""
    scripts = [token.script for token in name.tokens]
    return (
        tuple(j for j, script in enumerate(scripts) if script in ABJADS),
        tuple(j for j, script in enumerate(scripts) if script == "latin"),
    )


def _sound_runs(name: PreparedName) -> tuple[tuple[Run, bool], ...]:
    """Each run of a name with whether it may be a foreign name read by sound
    (kept with the name: a name is scored many times)."""
    return name.derived("sound_runs", lambda n: tuple((run, sound_run(n, run)) for run in n.runs))


def align(
    left: PreparedName,
    right: PreparedName,
    left_weights: Sequence[float],
    right_weights: Sequence[float],
) -> list[Pair]:
    """Pair the tokens of two names, best pairs first, each token at most once."""
    a, b = left.tokens, right.tokens
    initials = left.kind != "organization" and right.kind != "organization"
    candidates: list[Pair] = []
    for i, token_a in enumerate(a):
        for j, token_b in enumerate(b):
            similarity, how, form_a, form_b = token_similarity(token_a, token_b, initials=initials)
            if similarity > 0.0:
                weight = left_weights[i] + right_weights[j]
                candidates.append(Pair((i,), (j,), form_a, form_b, similarity, how, weight))
    singles = len(candidates)
    if left.runs:
        candidates += _join_candidates(left, right, left_weights, right_weights, True)
    if right.runs:
        candidates += _join_candidates(right, left, right_weights, left_weights, False)
    chosen = _greedy(candidates)
    if len(candidates) > singles and any(len(p.left) + len(p.right) > 2 for p in chosen):
        # A joined pair is taken first for its larger gain, but may block two
        # pairs that align more between them (特朗普 = "donald trump" leaves 唐纳德
        # out of 唐纳德·特朗普, where 唐纳德 = donald and 特朗普 = trump align all).
        apart = _greedy(candidates[:singles])
        if math.fsum(p.gain for p in apart) > math.fsum(p.gain for p in chosen):
            chosen = apart
    if left.runs and right.runs:
        # Two words heard together, only where a word is left unaligned: 迈克·蓬佩奥
        # pairs with Mike Pompeo word by word, 马尔科·卢比奥 with Marco Rubio only
        # as a whole (each word's key is too short alone).
        aligned = sum(len(p.left) for p in chosen), sum(len(p.right) for p in chosen)
        if aligned != (len(a), len(b)):
            heard = _sound_run_pairs(left, right, left_weights, right_weights)
            if heard:
                together = _greedy([*candidates, *heard])
                if math.fsum(p.gain for p in together) > math.fsum(p.gain for p in chosen):
                    chosen = together
    return chosen


def _greedy(candidates: list[Pair]) -> list[Pair]:
    """Best gain first; at equal gain, the higher similarity, then fewer tokens,
    then the forms compared in an order that does not depend on which name is left."""
    candidates = sorted(
        candidates,
        key=lambda p: (
            -p.gain,
            -p.similarity,
            len(p.left) + len(p.right),
            sorted((p.left_form, p.right_form)),
        ),
    )
    used_left: set[int] = set()
    used_right: set[int] = set()
    chosen: list[Pair] = []
    for pair in candidates:
        if used_left.isdisjoint(pair.left) and used_right.isdisjoint(pair.right):
            chosen.append(pair)
            used_left.update(pair.left)
            used_right.update(pair.right)
    return chosen


def _acronym_score(left: PreparedName, right: PreparedName) -> tuple[float, str] | None:
    best: tuple[float, str] | None = None
    for short, long in ((left, right), (right, left)):
        if len(long.tokens) < 2:
            continue
        for word in sorted(short.acronyms & long.initials):
            score = ACRONYM_SCORES[min(len(word), 4)]
            if best is None or score > best[0]:
                best = score, f"acronym: {word!r} spells the initials of {long.original!r}"
    return best


def _legal_families(name: PreparedName) -> frozenset[str]:
    return name.derived(
        "legal_families",
        lambda n: frozenset(
            "capital" if f.cls in _CAPITAL_COMPANY else f.cls
            for f in n.legal_forms
            if f.cls != "other"
        ),
    )


def _legal_compatible(left: PreparedName, right: PreparedName) -> bool:
    """Whether two names' legal forms could describe one company: either has
    none, or they share a family (Ltd ~ AG ~ Inc ~ Co; not Ltd ~ LLP)."""
    families_left, families_right = _legal_families(left), _legal_families(right)
    return not families_left or not families_right or bool(families_left & families_right)


def score_prepared(
    left: PreparedName,
    right: PreparedName,
    left_weights: Sequence[float],
    right_weights: Sequence[float],
) -> Explanation:
    """Score two prepared names whose token weights are known."""
    lw, rw = tuple(left_weights), tuple(right_weights)
    if not left.tokens or not right.tokens:
        return Explanation(0.0, "empty", left, right, lw, rw)
    if left.comparison == right.comparison and _legal_compatible(left, right):
        same = tuple(
            Pair((i,), (i,), t.text, t.text, 1.0, "exact", lw[i] + rw[i])
            for i, t in enumerate(left.tokens)
        )
        return Explanation(1.0, "identical", left, right, lw, rw, same, base=1.0)
    pairs = align(left, right, lw, rw)
    # math.fsum is exactly rounded, so the sums do not depend on pair order and
    # score(a, b) == score(b, a) holds to the last bit.
    matched = math.fsum(p.gain for p in pairs)
    used_left = {i for p in pairs for i in p.left}
    used_right = {j for p in pairs for j in p.right}
    # What may count as missing: not a place in an institution's name, which
    # names another institution (西安电子科技大学 is not 电子科技大学).
    unmatched_left = math.fsum(
        w for i, w in enumerate(lw) if i not in used_left and _missable(left, i)
    )
    unmatched_right = math.fsum(
        w for j, w in enumerate(rw) if j not in used_right and _missable(right, j)
    )
    denominator = math.fsum((*lw, *rw))
    covered_left = len(used_left) == len(lw)
    covered_right = len(used_right) == len(rw)
    # Missing, not conflicting: one name is fully aligned, and what it aligned
    # with includes the other name's distinctive words. Unless one of them is an
    # organisation, that takes two aligned words: one shared given name or
    # surname is not a name with a part missing ("Wang" is not "Wang Wei").
    # The fully aligned name must be matched exactly or as spelling variants, or
    # within a typo beside a word that is: one word a typo away, alone, is
    # weaker evidence than a part missing.
    organization = "organization" in (left.kind, right.kind)
    strong = all(p.similarity >= VARIANT_SIMILARITY for p in pairs) or (
        len(pairs) >= 2
        and all(p.similarity >= MISSING_TYPO_SIMILARITY for p in pairs)
        and any(p.similarity >= VARIANT_SIMILARITY for p in pairs)
    )
    discount = (
        strong
        and (
            (covered_left and any(is_distinctive(right, j) for j in used_right))
            or (covered_right and any(is_distinctive(left, i) for i in used_left))
        )
        and (organization or len(pairs) >= 2)
    )
    if discount:
        denominator -= (1.0 - missing_factor(left, right)) * (unmatched_left + unmatched_right)
    base = min(1.0, matched / denominator) if denominator > 0 else 0.0
    score, rule, notes = base, "tokens", []
    evidence = matched / 2.0
    if 0.0 < evidence < MIN_EVIDENCE:
        score *= evidence / MIN_EVIDENCE
        notes.append(
            f"little evidence: the aligned words weigh {_round_down(evidence)} on average, "
            f"less than {MIN_EVIDENCE}; score scaled by {_round_down(evidence / MIN_EVIDENCE)}"
        )
    # A match must rest on distinctive words: some pair has one, and each name
    # that has any sees one of them aligned ("Hangzhou" is the core of "Hangzhou
    # Technology Co Ltd", but Hikvision's own distinctive word is not aligned).
    if not _rests_on_distinctive(left, right, pairs) and score > GENERIC_CAP:
        score, rule = GENERIC_CAP, "generic-only"
        notes.append(
            "generic words only: no distinctive word is aligned, or one name's "
            "distinctive words are all left out"
        )
    corroborating = sum(
        1
        for p in pairs
        if any(is_distinctive(left, i) for i in p.left)
        and any(is_distinctive(right, j) for j in p.right)
    )
    if rule == "tokens" and covered_left and covered_right and corroborating >= 2:
        # Every word of both names aligned, two or more of them distinctive: the
        # agreements compound (two words each one typo off rarely coincide).
        score = 1.0 - (1.0 - score) * CORROBORATED_DOUBT
        notes.append(
            f"every word aligned, {corroborating} distinctive pairs: remaining doubt "
            f"scaled by {CORROBORATED_DOUBT}"
        )
    typed = _typed_score(left, right, pairs)
    if typed is not None and typed[0] > score:
        score, rule = typed[0], "spelling"
        notes.append(typed[1])
    acronym = _acronym_score(left, right)
    if acronym is not None and acronym[0] > score:
        score, rule = acronym[0], "acronym"
        notes.append(acronym[1])
    alias = _alias(left, right)
    if alias is not None and score < alias[0]:
        score, rule = alias[0], "alias"
        notes.append(alias[1])
    penalty = 0.0 if _legal_compatible(left, right) else LEGAL_MISMATCH_PENALTY
    if _kinds_conflict(left, right):
        penalty += KIND_MISMATCH_PENALTY
        notes.append(f"a {left.kind} and a {right.kind}: kinds differ")
    score = max(0.0, score - penalty)
    return Explanation(
        score, rule, left, right, lw, rw, tuple(pairs), discount, penalty, base, tuple(notes)
    )


def _typed_parts(name: PreparedName) -> tuple[tuple[int, str], ...]:
    """A name's words as typed, in order: tokens (by index) and the legal forms
    written short (index -1), which a typo may hit as it hits a word ("Hettinger
    7LC"); a form spelled out ("Obshchestvo s Ogranichennoi Otvetstvennostyu")
    would make two names in it look alike for its length alone."""
    forms = [f for f in name.legal_forms if len(f.surface.replace(" ", "")) <= TYPED_LEGAL_LENGTH]
    prefix = [(-1, f.surface) for f in forms if f.position == "prefix"]
    suffix = [(-1, f.surface) for f in forms if f.position != "prefix"]
    words = [(i, t.text) for i, t in enumerate(name.tokens)]
    return tuple((i, text.replace(" ", "")) for i, text in (*prefix, *words, *suffix))


_ROMAN_NUMERALS = frozenset("i ii iii iv v vi vii viii ix x xi xii".split())


def _numeral(word: str) -> bool:
    return word.isdigit() or word in _ROMAN_NUMERALS


def typed_text(name: PreparedName) -> str:
    """A name as typed, for the spelling rule: its comparison words and legal forms
    joined without spaces ("hettingerllc"). Empty where the rule never applies: a
    person's name (one edit in five letters is another person), a name with a
    word of another script than Latin (its spelling is a transliteration's), or
    one shorter than :data:`TYPED_MIN_LENGTH`.

    >>> typed_text(prepare("Hettinger 7LC", "organization"))
    'hettinger7lc'
    >>> typed_text(prepare("Hettinger, Kurt", "person")), typed_text(prepare("Dach PLC"))
    ('', '')
    """
    return name.derived("typed", _typed_text)


def _typed_text(name: PreparedName) -> str:
    found = "".join(text for _, text in _typed_parts(name))
    latin = all(t.script in ("latin", "digit") for t in name.tokens) and found.isascii()
    if name.kind == "person" or not latin or len(found) < TYPED_MIN_LENGTH:
        return ""
    return found


def _typed_score(
    left: PreparedName, right: PreparedName, pairs: Sequence[Pair]
) -> tuple[float, str] | None:
    """The spelling rule's score and reason: two names, one of them an
    organisation's and neither a person's, spelled alike as a whole (see
    :data:`TYPED_SIMILARITY`), where a distinctive word is aligned and what is
    left unaligned is a word mistyped, not another word."""
    kinds = (left.kind, right.kind)
    if "organization" not in kinds or "person" in kinds:
        return None
    a, b = typed_text(left), typed_text(right)
    if not a or not b:
        return None
    longer = max(len(a), len(b))
    edits = OSA.distance(a, b, score_cutoff=int(longer * (1.0 - TYPED_SIMILARITY)) + 1)
    similarity = 1.0 - edits / longer
    if similarity < TYPED_SIMILARITY or not _rests_on_distinctive(left, right, pairs):
        return None
    numbers_left = sorted(t.text for t in left.tokens if _numeral(t.text))
    numbers_right = sorted(t.text for t in right.tokens if _numeral(t.text))
    if numbers_left and numbers_right and numbers_left != numbers_right:
        # A number is never mistyped: "Ocean Star 12" is not "Ocean Star 21", nor
        # "Rim Group Investments I Corp." "Rim Group Investments II Corp.".
        return None
    used_left = {i for p in pairs for i in p.left}
    used_right = {j for p in pairs for j in p.right}
    parts_left, parts_right = _typed_parts(left), _typed_parts(right)
    # A legal form written alike in both is aligned too.
    forms_left = {t for i, t in parts_left if i < 0}
    forms_right = {t for j, t in parts_right if j < 0}
    rest_left = "".join(
        t for i, t in parts_left if (t not in forms_right if i < 0 else i not in used_left)
    )
    rest_right = "".join(
        t for j, t in parts_right if (t not in forms_left if j < 0 else j not in used_right)
    )
    rest_edits = OSA.distance(rest_left, rest_right)
    if rest_edits > MAX_EDITS or rest_edits > (1.0 - TYPED_LEFTOVER_SIMILARITY) * max(
        len(rest_left), len(rest_right)
    ):
        return None
    return similarity, (
        f"spelling: {a!r} and {b!r}, as typed, are {edits} edit{'s' * (edits > 1)} apart "
        f"in {longer} letters"
    )


def _round_down(value: float) -> str:
    """Three decimals, rounded down: a weight just under a bar never reads as the
    bar (0.6996 is "0.699", not "0.700").

    >>> _round_down(0.6996), _round_down(0.5)
    ('0.699', '0.500')
    """
    return f"{math.floor(value * 1000) / 1000:.3f}"


def missing_factor(left: PreparedName, right: PreparedName) -> float:
    """Share of their weight that words missing from a fully aligned name cost."""
    if "organization" in (left.kind, right.kind):
        return MISSING_FACTOR
    return PERSON_MISSING_FACTOR


def _alias(left: PreparedName, right: PreparedName) -> tuple[float, str] | None:
    """The alias rule's score and reason, if one name is what the other goes by
    (by the brand or alias tables), as a whole or as its distinctive core
    ("Beihang University" has core "beihang")."""
    for one, other in ((left, right), (right, left)):
        if compact(one) in other.aliases:
            return ALIAS_SCORE, f"alias: {one.original!r} is what {other.original!r} goes by"
    shared = left.aliases & right.aliases
    if shared:
        return ALIAS_SCORE, f"alias: both go by {min(shared)!r}"
    for one, other in ((left, right), (right, left)):
        spelled = one.aliases & other.initials
        if spelled:
            # 中芯国际 goes by SMIC: Semiconductor Manufacturing International Corporation.
            word = min(spelled)
            reason = f"alias: {one.original!r} goes by {word!r}, the initials of {other.original!r}"
            return ACRONYM_SCORES[min(len(word), 4)], reason
    for one, other in ((left, right), (right, left)):
        if not other.aliases:  # most names
            continue
        placed = placed_compact(one)
        if placed is not None and placed[0] in other.aliases and _has_place(other, placed[1]):
            # 中国联合网络通信（香港） goes by China Unicom, and is in Hong Kong.
            reason = (
                f"alias: {other.original!r} goes by {placed[0]!r}, and both name the place "
                f"{placed[1]!r}"
            )
            return ALIAS_SCORE, reason
    for one, other in ((left, right), (right, left)):
        centre = core(one)
        if centre and centre in other.aliases:
            reason = f"alias: the core of {one.original!r} is what {other.original!r} goes by"
            # A short core is as common as a short acronym ("CTI Holdings" / "(CTI)").
            return min(ALIAS_CORE_SCORE, ACRONYM_SCORES[min(len(centre), 4)]), reason
    return None


def placed_compact(name: PreparedName) -> tuple[str, str] | None:
    """A name that ends in places, as (the compact rest, the places joined):
    "China Unicom (Hong Kong) Limited" is ("chinaunicom", "hongkong"); ``None``
    when it ends in no place or is nothing but places.

    >>> placed_compact(prepare("China Unicom (Hong Kong) Limited"))
    ('chinaunicom', 'hongkong')
    """
    return name.derived("placed", _placed_compact)


def _placed_compact(name: PreparedName) -> tuple[str, str] | None:
    tokens = name.tokens
    end = len(tokens)
    while end > 0 and tokens[end - 1].tag == "place":
        end -= 1
    if end in (0, len(tokens)):
        return None
    return compact_words(tokens[:end]), "".join(t.text for t in tokens[end:])


def _has_place(name: PreparedName, place: str) -> bool:
    """Whether a name names a place, in any of its forms."""
    return any(t.tag == "place" and place in t.forms for t in name.tokens)


def core(name: PreparedName) -> str:
    """The distinctive words of a name joined: what is left without its industry,
    stop and legal words ("PUBLIC SECURITY DEPARTMENT OF XUAR" -> "xuar")."""
    return name.derived("core", _core)


def _core(name: PreparedName) -> str:
    flags = _distinctive_flags(name)
    return "".join(t.text for t, distinctive in zip(name.tokens, flags, strict=True) if distinctive)


def _rests_on_distinctive(left: PreparedName, right: PreparedName, pairs: Sequence[Pair]) -> bool:
    used_left = {i for p in pairs for i in p.left}
    used_right = {j for p in pairs for j in p.right}
    core_left = {i for i, d in enumerate(_distinctive_flags(left)) if d}
    core_right = {j for j, d in enumerate(_distinctive_flags(right)) if d}
    if not core_left and not core_right:
        # Two names of generic words only rest on all their words: aligned word
        # for word, they are one name ("Aerospace Communications Holdings Group"
        # / 航天通信控股集团), as the identical rule says of equal spellings.
        return len(used_left) == len(left.tokens) and len(used_right) == len(right.tokens)
    if not (core_left & used_left or core_right & used_right):
        return False
    return (not core_left or bool(core_left & used_left)) and (
        not core_right or bool(core_right & used_right)
    )


def _missable(name: PreparedName, index: int) -> bool:
    """Whether a token left out may count as missing rather than conflicting: not
    a place in an institution's name, which names another institution, nor any
    word of an institution's name made of places and kinds of body ("Peking
    University" is not Beijing, "Sichuan University" not Sichuan)."""
    if not institution_name(name):
        return True
    return name.tokens[index].tag != "place" and not _named_by_places(name)


def _kinds_conflict(left: PreparedName, right: PreparedName) -> bool:
    """One name is a person's and the other a company's, vessel's or aircraft's."""
    kinds = {left.kind, right.kind}
    return "person" in kinds and len(kinds - {None}) == 2


def is_distinctive(name: PreparedName, index: int) -> bool:
    """Whether a token can carry a match: a distinctive word or number, or a place
    in a name that has neither (a government body named by its place)."""
    return _distinctive_flags(name)[index]


def _distinctive_flags(name: PreparedName) -> tuple[bool, ...]:
    """:func:`is_distinctive` of each token (kept with the name)."""
    return name.derived("distinctive", _distinctive)


def _distinctive(name: PreparedName) -> tuple[bool, ...]:
    by_places = _named_by_places(name)
    return tuple(t.tag in DISTINCTIVE_TAGS or (by_places and t.tag == "place") for t in name.tokens)


def _named_by_places(name: PreparedName) -> bool:
    """Whether a name has no distinctive word, only places and generic words (a
    government body or university named by its place)."""
    return name.derived("by_places", lambda n: not any(t.tag in DISTINCTIVE_TAGS for t in n.tokens))


def compare_names(
    left: str,
    right: str,
    prepare_name: Callable[[str], PreparedName],
    frequencies: Frequencies,
) -> Explanation:
    """The best explanation of a name, or another name written into it ("X
    (f.k.a. Y)"), against the other name or one written into it: each other name
    is a name, as a :class:`~entitymatch.Matcher` screens and lists it. At equal
    scores the names as given come first."""
    best: Explanation | None = None
    rights = [(b, token_weights(b, frequencies)) for b in with_others(right, prepare_name)]
    for a in with_others(left, prepare_name):
        weights_a = token_weights(a, frequencies)
        for b, weights_b in rights:
            found = score_prepared(a, b, weights_a, weights_b)
            if best is None or found.score > best.score:
                best = found
    assert best is not None  # one name each at least
    return best


def with_others(text: str, prepare_name: Callable[[str], PreparedName]) -> list[PreparedName]:
    """A name prepared, then each other name written into it (see
    :attr:`PreparedName.others`)."""
    name = prepare_name(text)
    return [name, *map(prepare_name, name.others)]


def compare(
    left: str,
    right: str,
    *,
    kind: Kind | None = None,
    threshold: float | None = None,
    frequencies: Frequencies | None = None,
) -> Comparison:
    """Compare two names.

    Args:
        left: A name, in any script.
        right: Another name.
        kind: ``"person"``, ``"organization"``, ``"vessel"``, ``"aircraft"``, or
            ``None`` to infer what can be inferred.
        threshold: Score at which ``is_match`` holds (default
            :data:`DEFAULT_THRESHOLD`).
        frequencies: Word counts for weights (default: the reference counts).

    >>> r = compare("Hangzhou Hikvision Digital Technology Co Ltd", "Hikvision")
    >>> r.is_match, r.explanation.rule
    (True, 'tokens')
    >>> compare("Zhao Lijian", "ZHAO, Li-jian", kind="person").score > 0.95
    True
    >>> hikvision = "Hangzhou Hikvision Digital Technology Co Ltd"
    >>> compare("Hangzhou Technology Co Ltd", hikvision).is_match
    False
    """
    frequencies = frequencies or reference_frequencies()
    explanation = compare_names(left, right, lambda text: prepare(text, kind), frequencies)
    return Comparison(
        explanation.score,
        DEFAULT_THRESHOLD if threshold is None else threshold,
        explanation,
    )
