"""Name preparation: str -> :class:`PreparedName`, list-independent and cached.

The stages, in the one order that exists (each a pure function in its module):

1. :func:`~entitymatch.prepare.normalize.normalize` - NFKC, case, punctuation,
   ``&``, dotted abbreviations, letters split from digits;
2. script runs, then :mod:`~entitymatch.prepare.han` for Han (segmentation,
   pinyin, glossary, brands, surnames, numerals),
   :mod:`~entitymatch.prepare.korean` for an organisation's Hangul (glossary
   words and trade names) and :mod:`~entitymatch.prepare.transliterate` for
   every other script;
3. :mod:`~entitymatch.prepare.legal_forms` - forms at the end or start (and
   glued to Han) replaced by their class;
4. :mod:`~entitymatch.prepare.tagging` - industry words, places, stopwords,
   honorifics, particles, numbers, initials;
5. the kind, when the caller did not say, inferred from what was found.

A prepared name keeps the original beside every derived form, so a score can
be explained in the words of the input.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar, cast

from entitymatch.prepare.aliases import AliasTable
from entitymatch.prepare.han import DEFAULT_LEXICON, HanLexicon, HanUnit, looks_chinese, read_han
from entitymatch.prepare.korean import korean_surname_forms, korean_words, looks_korean
from entitymatch.prepare.legal_forms import LegalForm, split_legal_forms, strip_han_legal_suffix
from entitymatch.prepare.normalize import MAX_NAME_CHARS, glued_digits, normalize
from entitymatch.prepare.romanize import joined_keys, spelling_keys
from entitymatch.prepare.scripts import ABJADS, Script, script_runs
from entitymatch.prepare.tagging import DISTINCTIVE_TAGS, Tag, tag_word
from entitymatch.prepare.transliterate import (
    fold_latin,
    korean_surname_spellings,
    transliterate_run,
)
from entitymatch.records import Kind

__all__ = [
    "PreparedName",
    "Preparer",
    "Run",
    "Token",
    "compact",
    "compact_words",
    "normalize",
    "prepare",
    "split_alternatives",
]

_T = TypeVar("_T")

PREPARE_VERSION = "36"
"""Changes whenever preparation changes what a name becomes (saved matchers check it)."""

_HAN_TAGS: dict[str, Tag] = {
    "place": "place",
    "admin": "industry",
    "legal": "industry",
    "number": "number",
}
# Chinese function words inside names: 与 and, 和 and, 及 and, 之 of, 的 of.
_HAN_STOPWORDS = frozenset("与和及之的")
_ORGANIZATION_TAGS = frozenset({"industry"})
_DIGIT_RUN = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class Token:
    """One comparison word of a prepared name.

    Attributes:
        text: Comparison form: ASCII lower-case letters and digits.
        source: The input it came from (a normal-form word, or Han characters).
        tag: What kind of word it is; see :mod:`entitymatch.prepare.tagging`.
        alts: Other comparison forms it may match as: English renderings of a
            Han unit, a brand's English name, an abbreviation's full word.
        via: How ``text`` was read: ``""`` (as written), ``"pinyin"``,
            ``"glossary"``, ``"brand"``, ``"alias"``, ``"place"``, ``"cedict"``,
            ``"surname"``, ``"numeral"``, or the script it was transliterated
            from (``"cyrillic"``, ``"arabic"``, ...).
        script: The script of the source.
        role: For Han, the unit's part in the name's anatomy: ``place``,
            ``trade``, ``industry``, ``admin``, ``legal``, ``number``, ``word``,
            ``surname``, ``given``.
    """

    text: str
    source: str
    tag: Tag = ""
    alts: tuple[str, ...] = ()
    via: str = ""
    script: Script = "latin"
    role: str = ""
    forms: tuple[str, ...] = field(init=False, repr=False, compare=False)
    """``text`` and its alternatives."""
    _hash: int = field(init=False, repr=False, compare=False)

    # Tokens are the scorer's cache keys (a pair of them per lookup, millions of
    # lookups per screen): their hash and forms are computed once.
    def __post_init__(self) -> None:
        object.__setattr__(self, "forms", (self.text, *self.alts) if self.alts else (self.text,))
        object.__setattr__(self, "_hash", hash(self._fields()))

    def _fields(self) -> tuple[Any, ...]:
        return (self.text, self.source, self.tag, self.alts, self.via, self.script, self.role)

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[type[Token], tuple[Any, ...]]:
        # Made again through __init__: a string's hash differs between processes.
        return Token, self._fields()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serializable form."""
        out: dict[str, Any] = {"text": self.text, "source": self.source}
        if self.tag:
            out["tag"] = self.tag
        if self.alts:
            out["alts"] = list(self.alts)
        if self.via:
            out["via"] = self.via
        if self.role:
            out["role"] = self.role
        return out


MAX_RUN = 4
"""Most words joined into one run, stopwords inside not counted ("China Aerospace
Science and Technology" is a run of four)."""


class Run(NamedTuple):
    """Adjacent tokens joined, without their stopwords, to pair with one token of
    another name ("hik vision" -> "hikvision", "science and technology" ->
    "sciencetechnology"). A named tuple: a list's names have millions of runs,
    and a tuple is made several times faster than a frozen dataclass.

    Attributes:
        indices: The token indices joined (stopwords inside included).
        joined: Their texts concatenated, stopwords left out.
        abjad: Whether a token was read from an abjad (compared by skeleton).
        keys: Spelling keys of the joined text (see
            :func:`~entitymatch.prepare.romanize.joined_keys`).
    """

    indices: tuple[int, ...]
    joined: str
    abjad: bool
    keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class PreparedName:
    """A name ready for scoring.

    Attributes:
        original: The input as given.
        normal: Its normal form (script-preserving).
        kind: The kind given by the caller or inferred (``None`` if unknown).
        kind_inferred: Whether ``kind`` was inferred rather than given.
        tokens: The comparison words, in order, legal forms removed.
        legal_forms: The legal forms found, in order.
        aliases: Compact comparison forms (words joined) of other names the whole
            name goes by: from the brand and alias tables (国防科技大学: "nudt"),
            and an acronym in parentheses ending the name ("... Defense
            Technology (NUDT)").
        capitals: Whether the first word is written without lower-case letters
            ("IBM", "SMIC", "P&G", 华为): only then may a one-word name be an
            acronym ("Cott Corp." is a word, not C-O-T-T).
        others: Other names written into the name, as written ("LTS Holding
            Limited (f.k.a. IPP-International Petroleum Products Ltd.)"; see
            :func:`split_alternatives`), those with a word of their own: each is
            a name too ("(formerly Trading Company)" is none).
        comparison: The comparison words joined by spaces.

    Derived forms (``runs``, ``form_keys``, ``initials``, ``acronyms``) are
    properties computed on first use.
    """

    original: str
    normal: str
    kind: Kind | None
    kind_inferred: bool
    tokens: tuple[Token, ...]
    legal_forms: tuple[LegalForm, ...] = field(default=())
    capitals: bool = True
    aliases: frozenset[str] = field(default=frozenset())
    others: tuple[str, ...] = ()
    comparison: str = field(init=False, repr=False, compare=False)
    _derived: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "comparison", " ".join(t.text for t in self.tokens))
        object.__setattr__(self, "_derived", {})

    # Derived forms are computed on first use and kept: most names are compared
    # by a few of them only, and many (rejected queries) by none.
    @property
    def runs(self) -> tuple[Run, ...]:
        """Adjacent tokens joined (see :class:`Run`)."""
        found: tuple[Run, ...] | None = self._derived.get("runs")
        if found is None:
            found = self._derived["runs"] = _runs(self.tokens)
        return found

    @property
    def form_keys(self) -> Mapping[str, tuple[tuple[int, str], ...]]:
        """Spelling key -> ``(token index, form)`` for every token form."""
        found: Mapping[str, tuple[tuple[int, str], ...]] | None = self._derived.get("keys")
        if found is None:
            found = self._derived["keys"] = _form_keys(self.tokens)
        return found

    @property
    def initials(self) -> frozenset[str]:
        """The acronyms a multi-word name may go by."""
        found: frozenset[str] | None = self._derived.get("initials")
        if found is None:
            found = self._derived["initials"] = _initials(self)
        return found

    @property
    def acronyms(self) -> frozenset[str]:
        """The words this name may be an acronym as (empty unless ``capitals``)."""
        found: frozenset[str] | None = self._derived.get("acronyms")
        if found is None:
            found = _acronyms(self.tokens) if self.capitals else frozenset()
            self._derived["acronyms"] = found
        return found

    def derived(self, key: str, compute: Callable[[PreparedName], _T]) -> _T:
        """``compute(self)``, kept under ``key``: a fact another module derives from
        the name (it is immutable, so the fact stays true). List names are scored
        against thousands of queries, and the scorer asks the same facts of each."""
        try:
            return cast("_T", self._derived[key])
        except KeyError:
            value = self._derived[key] = compute(self)
            return value

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serializable form."""
        return {
            "original": self.original,
            "normal": self.normal,
            "kind": self.kind,
            "kind_inferred": self.kind_inferred,
            "tokens": [t.to_dict() for t in self.tokens],
            "legal_forms": [
                {"form": f.surface, "class": f.cls, "position": f.position}
                for f in self.legal_forms
            ],
            "aliases": sorted(self.aliases),
            "others": list(self.others),
        }


def _runs(tokens: tuple[Token, ...]) -> tuple[Run, ...]:
    """Runs of 2..MAX_RUN adjacent tokens. Stopwords inside a run are left out of
    the joined text ("science and technology"); a run of two may also be a word
    split where a stopword-like fragment ends or starts it ("Or.tiz" -> "or tiz")."""
    runs = []
    for start in range(len(tokens)):
        words = 1
        for end in range(start + 2, len(tokens) + 1):
            inside = tokens[start:end]
            words += inside[-1].tag != "stop"
            if words > MAX_RUN:
                break
            if end - start == 2:
                texts: tuple[str, ...] = (inside[0].text, inside[1].text)
            elif inside[0].tag == "stop" or inside[-1].tag == "stop":
                continue
            else:
                texts = tuple(t.text for t in inside if t.tag != "stop")
            abjad = any(t.script in ABJADS for t in inside)
            runs.append(Run(tuple(range(start, end)), "".join(texts), abjad, joined_keys(texts)))
    return tuple(runs)


def _form_keys(tokens: tuple[Token, ...]) -> dict[str, tuple[tuple[int, str], ...]]:
    """Spelling key -> (token index, form) of every form of every token, so that a
    run of another name finds its equal or variant tokens by lookup."""
    found: dict[str, list[tuple[int, str]]] = {}
    for index, token in enumerate(tokens):
        for form in token.forms:
            for key in spelling_keys(form):
                found.setdefault(key, []).append((index, form))
    return {key: tuple(value) for key, value in found.items()}


_SPELLED_LEGAL_WORDS = frozenset({"corporation", "company", "limited"})
"""Legal-form words whose initial an acronym may spell."""


def _initials(name: PreparedName) -> frozenset[str]:
    """Initials with and without stopwords, with and without the legal forms:
    "Semiconductor Manufacturing International Corporation" -> smi, smic."""
    words = [t for t in name.tokens if t.tag != "stop"]
    if len(words) < 2:
        return frozenset()
    core = "".join(t.text[0] for t in words)
    everything = "".join(t.text[0] for t in name.tokens)
    # English names spell their legal form's last word (SMIC: ... Corporation;
    # CATL: ... Co., Limited), and only an English one: every word of every form
    # made CASC of "Corporativo Arzaca, Sociedad Civil" and SMIC of "Sin-Mex
    # Importadora, S.A. de C.V.".
    legal = "".join(
        last[0]
        for f in name.legal_forms
        if (last := f.surface.rpartition(" ")[2]) in _SPELLED_LEGAL_WORDS
    )
    found = {core, everything, core + legal, everything + legal}
    return frozenset(f for f in found if f.isalpha() and len(f) >= 2)


def _acronyms(tokens: tuple[Token, ...]) -> frozenset[str]:
    """The forms of a one-word name, or the letters of a name of single letters
    ("P&G", "J & J"), that may be an acronym of another name."""
    if len(tokens) != 1:
        letters = [t.text for t in tokens if t.tag != "stop"]
        if len(letters) >= 2 and all(len(t) == 1 and t.isalpha() for t in letters):
            return frozenset({"".join(letters)})
        return frozenset()
    return frozenset(f for f in tokens[0].forms if 2 <= len(f) <= 8 and f.isalpha())


def _han_tokens(units: Sequence[HanUnit]) -> list[Token]:
    tokens = []
    for unit in units:
        tag = _HAN_TAGS.get(unit.role, "")
        if unit.han in _HAN_STOPWORDS:
            tag = "stop"
        elif unit.generic or (not tag and tag_word(unit.pinyin)[0] == "place"):
            # Read as its English would be: 技术 weighs like "technology", and
            # 维吾尔 like "Uighur" (an ethnonym naming a region), 华航 like "China
            # Airlines"; a glossary word whose English is distinctive (空气动力
            # "aerodynamics") stays so.
            tag = unit.generic or "place"
        alts = tuple(a for a in unit.english if a != unit.pinyin)
        tokens.append(Token(unit.pinyin, unit.han, tag, alts, unit.via, "han", unit.role))
    return tokens


def _hangul_tokens(run: str, kind: Kind | None) -> list[Token]:
    """An organisation's words (:mod:`entitymatch.prepare.korean`); else one token
    per syllable, a personal name's surname with its popular spellings (박 ->
    bag, alternatives park, pak, bak)."""
    words = korean_words(run, kind)
    if words is not None:
        # A glossary word is read as its English; a trade name as it sounds.
        return [
            Token(
                w.text, w.hangul, w.tag, w.english, "glossary" if w.english else "hangul", "hangul"
            )
            for w in words
        ]
    syllables = [c for c in run if not c.isspace()]
    texts = transliterate_run("hangul", run).split()
    if len(texts) != len(syllables):
        return [Token(t, run, "", (), "hangul", "hangul") for t in texts]
    tokens = [
        Token(t, c, "", (), "hangul", "hangul") for t, c in zip(texts, syllables, strict=True)
    ]
    spellings = korean_surname_spellings(syllables[0]) if 2 <= len(syllables) <= 4 else ()
    if spellings:
        alts = tuple(s for s in spellings if s != texts[0])
        tokens[0] = Token(texts[0], syllables[0], "", alts, "hangul", "hangul")
    return tokens


class Preparer:
    """Prepares names; holds what a user's alias table adds to Han reading.

    Args:
        aliases: A user alias table whose Han phrases join the segmentation
            lexicon (the shipped brand table is always used).
    """

    __slots__ = ("_lexicon", "prepare")

    def __init__(self, aliases: AliasTable | None = None) -> None:
        phrases = list(aliases.han_phrases()) if aliases is not None else []
        self._lexicon = HanLexicon(phrases) if phrases else DEFAULT_LEXICON
        self.prepare = functools.lru_cache(maxsize=1 << 16)(self.prepare_uncached)

    def prepare_uncached(self, text: str, kind: Kind | None = None) -> PreparedName:
        """Prepare a name without caching it (for names prepared once, such as a
        list's while it is compiled)."""
        aliases: set[str] = set()
        others: list[str] = []
        body, written = split_alternatives(text)
        for other in written:
            # What else the name goes by, as written: a name too, and compared whole
            # as aliases are, if it has a word of its own ("(formerly Trading
            # Company)" has not).
            alternative = self.prepare_uncached(other, kind)
            if any(t.tag in DISTINCTIVE_TAGS for t in alternative.tokens):
                aliases.add(compact(alternative))
                others.append(other)
            aliases.update(alternative.aliases)
        acronym = _TRAILING_ACRONYM.search(body)
        if acronym is not None and acronym.start() > 0:
            letters = fold_latin(acronym.group(1)).replace(" ", "")
            initials = "".join(w[0] for w in normalize(body[: acronym.start()]).split())
            if _acronym_like(acronym.group(1), letters, initials):
                # "National University of Defense Technology (NUDT)": the name, and
                # what it goes by. "(OFFSHORE)" spells no initials: it stays a word.
                body = body[: acronym.start()]
                aliases.add(letters)
        normal = normalize(body)
        glued = glued_digits(body)
        digit_runs = 0  # the runs of digits read so far, to find each one's flag
        foreign = _FOREIGN_NAME_DOT.search(body) is not None
        tokens: list[Token] = []
        forms: list[LegalForm] = []
        words = normal.split()
        # Each run of one script: its first and end token, and what it goes by.
        runs: list[tuple[int, int, tuple[str, ...]]] = []
        for word in words:
            for script, run in script_runs(word):
                if script == "han":
                    han = run
                    if kind != "person":
                        han, form = strip_han_legal_suffix(run, alone=len(words) == 1)
                        if form is not None:
                            forms.append(form)
                    if han:
                        reading = read_han(han, kind=kind, lexicon=self._lexicon, foreign=foreign)
                        at = len(tokens)
                        tokens.extend(_han_tokens(reading.units))
                        runs.append((at, len(tokens), reading.aliases))
                    continue
                at = len(tokens)
                if script == "hangul":
                    tokens.extend(_hangul_tokens(run, kind))
                else:
                    via = "" if script in ("latin", "digit") else script
                    if glued:  # a name with digits
                        keyed = script == "digit" and digit_runs < len(glued) and glued[digit_runs]
                        digit_runs += len(_DIGIT_RUN.findall(run))
                        if keyed:
                            continue  # a digit keyed for a space between words: no word
                    for part in transliterate_run(script, run).split():
                        tokens.append(Token(part, run, "", (), via, script))
                runs.append((at, len(tokens), ()))
        start, end = 0, len(tokens)
        if kind != "person" and tokens:
            # Legal forms are read where they are written: a Han one was split off
            # above, and the pinyin of a Han word is no form (奥 ao is not "AO").
            read = ["" if t.script == "han" else t.text for t in tokens]
            start, end, found = split_legal_forms(read, [t.script == "cyrillic" for t in tokens])
            forms = [*found, *forms]
        tokens = [_tagged(token, kind) for token in tokens]
        # What a run of Han goes by is what the name goes by only when no other
        # run goes by a name or has a distinctive word: 马丁 is Martin, 洛克希德·马丁公司
        # is not, and 中国联合网络通信（香港）is still China Unicom.
        parts = [
            names
            for at, until, names in runs
            if at < end
            and until > start
            and (names or any(tokens[i].tag in DISTINCTIVE_TAGS for i in range(at, until)))
        ]
        if len(parts) == 1:
            aliases.update(parts[0])
        tokens = [token for token in tokens[start:end] if token.text]
        # What the words below retag (stopwords, particles) never decides the kind.
        inferred = kind is None
        if kind is None:
            kind = _infer_kind(tokens, forms)
        for i in range(1, len(tokens) - 1):
            # Only in a company's name: between a person's names, Ana, Ann and Anh
            # are names (and Abd, a particle, is never taken for "and").
            mistyped = kind == "organization" and _mistyped_and(tokens[i])
            connector = (inferred or kind != "person") and tokens[i].text in _EZAFE
            if mistyped or connector:
                t = tokens[i]
                tokens[i] = Token(t.text, t.source, "stop", t.alts, t.via, t.script, t.role)
        for i in range(len(tokens) - 1):
            article = _assimilated_article(tokens[i], tokens[i + 1])
            if article:
                t = tokens[i]
                # Written as it is, so that "Bashir-ud-Din" still joins as
                # "Bashiruddin"; read as the article too.
                alts = (*t.alts, article)
                tokens[i] = Token(t.text, t.source, "particle", alts, t.via, t.script, t.role)
        if (
            kind != "organization"
            and not forms
            and all(t.script == "latin" and t.tag not in _NOT_IN_KOREAN_NAMES for t in tokens)
        ):
            words = [t.text for t in tokens]
            if looks_korean(words):
                tokens = _korean_name(tokens)
            elif looks_chinese(words):
                # Read as pinyin: its words are syllables, and a typo does not
                # make another syllable (Guanghua is not Guangfu).
                tokens = [
                    Token(t.text, t.source, t.tag, t.alts, "pinyin", t.script, t.role)
                    for t in tokens
                ]
        first = text.split(maxsplit=1)[0] if text.strip() else ""
        capitals = not any(c.islower() for c in first)
        return PreparedName(
            text,
            normal,
            kind,
            inferred,
            tuple(tokens),
            tuple(forms),
            capitals,
            frozenset(aliases),
            tuple(others),
        )


def _tagged(token: Token, kind: Kind | None) -> Token:
    if token.tag or token.script == "han":
        return token
    tag, canonical = tag_word(token.text)
    if token.script in ABJADS and tag not in ("particle", "initial"):
        # An abjad word's consonants are not the English word they spell: عمر
        # (Omar) is "mr", not Mr.; طه (Taha) is "th". The article and single
        # letters keep their tags.
        return token
    if tag == "honorific" and kind == "organization":
        tag = "industry"  # "General" in "General Electric" is a word, not a title
    alts = (*token.alts, canonical) if canonical else token.alts
    return Token(token.text, token.source, tag, alts, token.via, token.script, token.role)


_NOT_IN_KOREAN_NAMES = frozenset({"industry", "place", "honorific", "number"})
"""Tags of words that make a name no Korean person's ("HONG PANG MINING")."""


def _korean_name(tokens: Sequence[Token]) -> list[Token]:
    """A Latin-script Korean name's words, marked so that they compare with another
    such name's by their Korean keys (JANG / Chang, Je-son / Che-son), and the
    first and last (where the surname is) with the surname's other spellings
    (RI / Lee, PAK / Park)."""
    last = len(tokens) - 1
    return [
        Token(
            t.text,
            t.source,
            t.tag,
            (*t.alts, *korean_surname_forms(t.text)) if i in (0, last) else t.alts,
            "korean",
            t.script,
            t.role,
        )
        for i, t in enumerate(tokens)
    ]


_EZAFE = frozenset({"i", "ye", "yi"})
"""The Persian and Urdu connector between two words of a name, written -e-, -i-,
-ye- or -yi- (Lashkar-e-Taiba, Lashkar-i-Taiba, Takhassosi-ye), and Russian и
(and) written i ("ZAVOD UGLERODNYKH I KOMPOZITSIONNYKH MATERIALOV"): a stopword,
as "e" already is, except between a person's names, where "I" may be an initial."""


def _mistyped_and(token: Token) -> bool:
    """A three-letter word one typo from "and", between two words ("Kerluke anv
    Sons"): the connector mistyped, weighted as a stopword."""
    text = token.text
    return (
        len(text) == 3
        and not token.tag
        and text.isalpha()
        and sum(a != b for a, b in zip(text, "and", strict=True)) == 1
    )


# The Arabic article before a "sun letter" takes that consonant's sound, and
# romanisations write it so: ar-Rahman, ash-Shabaab, ad-Din, az-Zawahiri (al-);
# Urdu and Persian names write the same article with u: Ata-ur-Rehman,
# Zia-ud-Din (ul-). As written: the article's spelling -> (its consonant, the
# article). "an", "as" and "at" are English stopwords and weigh nothing anyway;
# "ed" is also a given name (Ed Davis).
_SUN_ARTICLES = {
    "ar": ("r", "al"),
    "ad": ("d", "al"),
    "adh": ("dh", "al"),
    "ath": ("th", "al"),
    "ash": ("sh", "al"),
    "az": ("z", "al"),
    "ur": ("r", "ul"),
    "ud": ("d", "ul"),
    "ush": ("sh", "ul"),
    "uz": ("z", "ul"),
}


def _assimilated_article(token: Token, following: Token) -> str:
    """``al`` or ``ul`` when ``token`` is the Arabic article written as it sounds
    before ``following`` (ar-Rahman = al-Rahman), else ``""``.

    >>> [(t.text, t.tag, t.alts) for t in prepare("ASH-SHAMI, Faruk").tokens][0]
    ('ash', 'particle', ('al',))
    >>> [t.tag for t in prepare("Ata-ur-Rehman").tokens], prepare("Ash Carter").tokens[0].tag
    (['', 'particle', ''], '')
    """
    found = _SUN_ARTICLES.get(token.text) if token.script == "latin" else None
    if found is None:
        return ""
    consonant, article = found
    word = following.text
    return article if word.startswith(consonant) and len(word) > len(consonant) + 1 else ""


def _infer_kind(tokens: list[Token], forms: list[LegalForm]) -> Kind | None:
    if forms or any(t.tag in _ORGANIZATION_TAGS for t in tokens):
        return "organization"
    if any(t.via == "surname" for t in tokens) or any(t.tag == "honorific" for t in tokens):
        return "person"
    return None


def _acronym_like(written: str, letters: str, initials: str) -> bool:
    """Whether a capitalised word in parentheses ending a name is an acronym:
    it spells some of the name's initials in order (CETC: c-e-t-g-c), or has a
    hyphen or digit (NSCC-CS), or is short (SWIEE), and is not a word the tables
    know ("(GROUP)", "(UK)"); "(OFFSHORE)" is a word."""
    if len(letters) < 2 or tag_word(letters)[0] not in ("", "initial"):
        return False
    if not any(c.isalpha() for c in letters):
        return False
    rest = iter(initials)
    spells = bool(initials) and letters[0] == initials[0] and all(c in rest for c in letters)
    return spells or len(letters) <= 5 or any(not c.isalpha() for c in written)


# Han, a middle dot, Han: the parts of a foreign name written in Han (南希·佩洛西,
# 雪克来提·扎克尔); Chinese names have no such dot.
_FOREIGN_NAME_DOT = re.compile(r"[\u3400-\u9fff][\u00b7\u2022\u2027\u30fb\uff65][\u3400-\u9fff]")
# A capitalised word in parentheses ending a name is the acronym it goes by.
_TRAILING_ACRONYM = re.compile(r"\s*[(\uff08]\s*([A-Z][A-Z0-9&.\-]{1,11})\s*[)\uff09]\s*$")

# Other names written into a name: "JOHN SMITH (alt name JOHN MICHAEL SMITH)",
# "AO GIPROSTROYMOST (f.k.a., Zakrytoe ...)", "ACME LLC d/b/a ACME TRADING", and
# names listed together, "Vasha Toplivnaya Kompaniya LLC || Ваша паливна компанія".
_ALSO_CALLED = (
    r"a\.?\s?k\.?\s?a\.?|a/k/a|f\.?\s?k\.?\s?a\.?|f/k/a|n\.?\s?k\.?\s?a\.?|n/k/a"
    r"|d\.?\s?b\.?\s?a\.?|d/b/a|t/a|also\s+known\s+as|known\s+as|doing\s+business\s+as"
    r"|trading\s+as|formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?"
    r"|(?:alt|alternative|former|historical|previous|old)\s+names?|alias(?:es)?"
)
_PARENTHESIZED_ALTERNATIVE = re.compile(
    rf"\s*[(\uff08]\s*(?:{_ALSO_CALLED})(?![^\W\d_])\s*[:,]?\s*([^()\uff08\uff09]*)[)\uff09]",
    re.IGNORECASE,
)
_INLINE_ALTERNATIVE = re.compile(
    r"\s+(?:a\.k\.a\.?|a/k/a|f\.k\.a\.?|f/k/a|n\.k\.a\.?|n/k/a|d\.b\.a\.?|d/b/a)[\s:,]+",
    re.IGNORECASE,
)
# A "|" inside a word is a corrupted letter ("S|nger"), not a separator.
_LISTED_TOGETHER = re.compile(r"\s*\|\|+\s*|\s+\|\s+")


def split_alternatives(text: str) -> tuple[str, tuple[str, ...]]:
    """A name, and the other names written into it: in parentheses after "a.k.a.",
    "formerly", "alt name" and the like, after an inline "a.k.a." or "d/b/a", or
    listed together with ``|``.

    >>> split_alternatives("JOHN SMITH (alt name JOHN MICHAEL SMITH)")
    ('JOHN SMITH', ('JOHN MICHAEL SMITH',))
    >>> split_alternatives("Acme (f.k.a., Ajax Ltd; Apex Ltd) d/b/a Acme Trading")
    ('Acme', ('Ajax Ltd', 'Apex Ltd', 'Acme Trading'))
    >>> split_alternatives("Akademiya (Akashi) Ltd || Академия | Acme S|nger")
    ('Akademiya (Akashi) Ltd', ('Академия', 'Acme S|nger'))
    """
    text = text[:MAX_NAME_CHARS]
    alternatives: list[str] = []

    def keep(match: re.Match[str]) -> str:
        alternatives.extend(match.group(1).split(";"))
        return " "

    # Each pattern runs only where its punctuation is: most names have none.
    if "(" in text or "\uff08" in text:
        text = _PARENTHESIZED_ALTERNATIVE.sub(keep, text)
    first, *listed = _LISTED_TOGETHER.split(text) if "|" in text else (text,)
    if "." in first or "/" in first:
        first, *inline = _INLINE_ALTERNATIVE.split(first)
    else:
        inline = []
    if not alternatives and not listed and not inline:
        return text.strip(), ()
    names = [first.strip(), *alternatives, *inline, *listed]
    names = [n.strip() for n in names]
    body = next((n for n in names if n), "")
    rest = tuple(dict.fromkeys(n for n in names if n and n != body))
    return body, rest


def compact_words(tokens: Sequence[Token]) -> str:
    """Comparison words joined without spaces or stopwords."""
    return "".join(t.text for t in tokens if t.tag != "stop")


def compact(name: PreparedName) -> str:
    """A name's comparison words joined without spaces or stopwords (how aliases,
    which are renderings without stopwords, are compared)."""
    return name.derived("compact", lambda n: compact_words(n.tokens))


_DEFAULT = Preparer()


def prepare(text: str, kind: Kind | None = None) -> PreparedName:
    """Prepare a name with the shipped tables (cached).

    >>> p = prepare("Hangzhou Hikvision Digital Technology Co., Ltd.")
    >>> p.comparison, p.kind, [f.cls for f in p.legal_forms]
    ('hangzhou hikvision digital technology', 'organization', ['limited'])
    >>> [(t.text, t.tag) for t in prepare("Qihoo360").tokens]
    [('qihoo', ''), ('360', 'number')]
    """
    return _DEFAULT.prepare(text, kind)
