"""Invariants of preparation and scoring, checked on generated and real names."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import entitymatch as em
from entitymatch.prepare import normalize, prepare

NAMES_FILE = Path(__file__).parent / "fixtures/names/multiscript_sample_names.csv"
with NAMES_FILE.open(encoding="utf-8") as _handle:
    REAL_NAMES = [row["name"] for row in csv.DictReader(_handle) if row["name"].strip()]
LEGAL_FORMS = ["Co., Ltd.", "Company Limited", "LLC", "GmbH", "S.A.", "Inc.", "有限公司", "AG"]

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
real_names = st.sampled_from(REAL_NAMES)
# Any text, with the characters that break naive code over-represented.
awkward = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(list("\x00\x07\t\n\r\x1f\x7f\x85\u200b\ufeff&.,'-—()华為Жم김ё ")),
    ),
    max_size=60,
)
any_name = st.one_of(real_names, awkward)


@SETTINGS
@given(any_name)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@SETTINGS
@given(any_name, any_name)
def test_scores_are_in_range_and_symmetric(left: str, right: str) -> None:
    forward = em.compare(left, right)
    backward = em.compare(right, left)
    assert 0.0 <= forward.score <= 1.0
    assert forward.score == backward.score


@SETTINGS
@given(real_names, real_names, real_names, st.sampled_from(["f.k.a.", "a.k.a.", "formerly"]))
def test_an_other_name_scores_at_least_as_itself(
    name: str, other: str, third: str, marker: str
) -> None:
    # "X (f.k.a. Y)" against Z: Y is a name of the entity, so the pair scores at
    # least what Y and Z score, whichever side each is on.
    assume(not any(c in other for c in "()（）;|") and other.strip())
    written = f"{name} ({marker} {other})"
    assume(other in prepare(written).others)
    forward, backward = em.compare(written, third), em.compare(third, written)
    assert forward.score == backward.score
    assert forward.score >= em.compare(other, third).score
    assert em.compare(written, other).score == 1.0


@SETTINGS
@given(any_name)
def test_a_name_is_identical_to_itself(text: str) -> None:
    assume(prepare(text).tokens)
    assert em.compare(text, text).score == 1.0


@SETTINGS
@given(real_names, real_names, st.sampled_from(LEGAL_FORMS), st.sampled_from(LEGAL_FORMS))
def test_legal_forms_change_an_organisation_score_by_little(
    left: str, right: str, form: str, other: str
) -> None:
    # Names that are themselves only legal forms ("有限公司") have no core to keep.
    core = prepare(left, "organization").comparison
    assume(core and core == prepare(f"{left} {form}", "organization").comparison)
    base = em.compare(left, right, kind="organization").score
    added = em.compare(f"{left} {form}", right, kind="organization").score
    swapped = em.compare(f"{left} {form}", f"{right} {other}", kind="organization").score
    # Only the class comparison may change: weak evidence, at most the penalty.
    assert abs(added - base) <= 0.05
    assert abs(swapped - base) <= 0.05


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\t\n\r",
        "\x00\x01\x02",
        "&&&",
        "...",
        "Ltd",
        "有限公司",
        "华" * 2000,
        "Hikvision " * 12_000,  # about 100 kB
        "\u202e\u200bHik\u0301vision\ufeff",
        "ﾊﾝｸﾞﾙ ｶﾀｶﾅ",
        "\ud7a3\u4e00\u0410\u05d0\u0627\u0e01\u1100",
    ],
    ids=lambda t: repr(t[:12]),
)
def test_odd_input_never_raises(text: str) -> None:
    result = em.compare(text, "Hangzhou Hikvision Digital Technology Co., Ltd.")
    assert 0.0 <= result.score <= 1.0
    assert isinstance(result.to_dict(), dict)


@SETTINGS
@given(st.text(max_size=200))
def test_any_unicode_prepares_and_scores(text: str) -> None:
    prepared = prepare(text)
    assert all(t.text.isascii() and t.text.isalnum() for t in prepared.tokens)
    assert 0.0 <= em.compare(text, "Zhao Lijian").score <= 1.0


ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B) if chr(c).isalpha()]


@SETTINGS
@given(st.text(alphabet=st.sampled_from(ARABIC_LETTERS), min_size=1, max_size=12))
def test_an_arabic_word_is_one_word_and_no_english_one(word: str) -> None:
    # Ayn, hamza and teh marbuta, which unidecode writes as punctuation, must not
    # split a word (سعد is Saad, not "s d"), and its consonants must not be read as
    # an English stopword or title (عمر "mr", طه "th"). Only the joined article
    # (al-) is a word of its own.
    assume(not word.startswith("\u0627\u0644"))
    tokens = prepare(word).tokens
    assert len(tokens) <= 1, [t.text for t in tokens]
    assert all(t.tag in ("", "initial", "particle") for t in tokens), [
        (t.text, t.tag) for t in tokens
    ]


# Han characters read as one letter (a, e, o).
ONE_LETTER_HAN = list("阿啊哦额鹅恶俄")
LATIN_WORDS = st.from_regex(r"[a-z]{2,9}", fullmatch=True)


@SETTINGS
@given(st.sampled_from(ONE_LETTER_HAN), st.sampled_from(["Zhou", "Chan", "Li"]), LATIN_WORDS)
def test_a_han_syllable_is_never_an_initial(han: str, surname: str, rest: str) -> None:
    # 阿扎 (Azar) is not "A. Chan": 阿 is the syllable a, not an abbreviated name.
    reading = prepare(han, "person").tokens[0].text
    explanation = em.compare(han + "扎", f"{reading}{rest} {surname}", kind="person")
    assert not any(pair["how"] == "initial" for pair in explanation.to_dict()["pairs"])


# Characters of Xinhua transliterations of foreign names, and ones whose pinyin
# spells a legal form elsewhere (奥 ao: AO, 萨 sa: SA, 欧 ou: OU, 女 nv: NV, 色 se: SE).
TRANSLITERATION_HAN = list("马尔科卢比奥蓬佩南希洛西亚历克斯阿扎布朗巴特普萨欧女色德伊莎白")


@SETTINGS
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(TRANSLITERATION_HAN), min_size=1, max_size=5),
        min_size=1,
        max_size=3,
    ),
    st.sampled_from([None, "organization"]),
)
def test_a_han_name_loses_no_character_and_has_no_latin_legal_form(
    parts: list[str], kind: Literal["organization"] | None
) -> None:
    # A foreign name written in Han (马尔科·卢比奥 Marco Rubio) is read whole: its last
    # character is no legal form (奥 is not "AO") and no character disappears.
    name = prepare("·".join(parts), kind)
    assert all(not f.surface.isascii() for f in name.legal_forms), name.legal_forms
    read = "".join(t.source for t in name.tokens) + "".join(f.surface for f in name.legal_forms)
    assert set("".join(parts)) <= set(read), name.to_dict()


# Abbreviations the legal-form table writes in Cyrillic only, and the Latin word each
# transliterates to (IP Group, At Home, Up Energy).
CYRILLIC_ONLY_FORMS = {"ИП": "IP", "АТ": "At", "УП": "Up", "ПрАТ": "Prat"}


@given(
    st.sampled_from(sorted(CYRILLIC_ONLY_FORMS)),
    st.sampled_from(["Toomey", "World", "Group", "Home", "Energy", "Smith", "Holdings"]),
    st.booleans(),
)
def test_a_latin_word_is_no_form_the_table_writes_in_cyrillic_only(
    form: str, word: str, first: bool
) -> None:
    # ИП opens Russian names (ИП Иванов), but "IP" opens IP Group; the lists write the
    # Latin forms they use (OOO, RUP, FKU, "..., DP") with rows of their own, so a
    # transliteration that is a word or initials stays a word.
    latin = CYRILLIC_ONLY_FORMS[form]
    text = f"{latin} {word}" if first else f"{word} {latin}"
    name = prepare(text)
    assert [t.text for t in name.tokens][0 if first else -1] == latin.lower(), name.to_dict()
    cyrillic = prepare(f"{form} Укрнафта")
    assert [t.text for t in cyrillic.tokens] == ["ukrnafta"]
    assert len(cyrillic.legal_forms) == 1


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("FKU Uprdor Taman", "fku"),  # CSL
        ("RUP GRODNENSKOYE PO AZOT", "rup"),  # OFAC SDN
        ("ZAVOD SHAMPANSKYKH VYN NOVY SVIT, DP", "dp"),  # OFAC SDN
        ("OOO Romashka", "ooo"),
        ("ДП Антонов", "dp"),
        ("DP World", None),  # ДП, initials at the start in Latin
        ("ZAVOD FIOLENT, PAT", "pat"),  # OFAC SDN
        ("ПАТ Укрнафта", "pat"),
        ("Pat Toomey", None),  # ПАТ, a given name at the start in Latin
    ],
)
def test_the_latin_forms_the_lists_write_are_forms(name: str, form: str | None) -> None:
    assert [f.surface for f in prepare(name).legal_forms] == ([form] if form else [])


@pytest.mark.parametrize(
    ("initial", "name"),
    [("J. Smith", "John Smith"), ("А. Иванов", "Алексей Иванов"), ("س. حسن", "سعيد حسن")],
)
def test_an_initial_of_an_alphabet_stands_for_a_name(initial: str, name: str) -> None:
    pairs = em.compare(initial, name, kind="person").to_dict()["pairs"]
    assert any(pair["how"] == "initial" for pair in pairs), pairs


def test_a_query_of_generic_words_never_matches() -> None:
    generic = [
        "Technology Co., Ltd.",
        "Digital Technology Co Ltd",
        "International Trading Company",
        "Import and Export Co., Ltd.",
        "Science and Technology Development Co., Ltd.",
        "Group Holdings Limited",
    ]
    listed = [
        *REAL_NAMES,
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "Zhejiang Dahua Technology Co., Ltd.",
        "Cloudwalk Technology Co., Ltd.",
    ]
    for query in generic:
        for name in listed:
            result = em.compare(query, name)
            assert not result.is_match or prepare(query).comparison == prepare(name).comparison, (
                query,
                name,
                result.score,
            )


LATIN_ORGANISATIONS = [
    name
    for name in REAL_NAMES
    if name.isascii() and len(name.split()) >= 2 and not any(c.isdigit() for c in name)
]


@SETTINGS
@given(st.sampled_from(LATIN_ORGANISATIONS), st.integers(0, 9), st.data())
def test_a_digit_keyed_for_a_space_is_a_typo(name: str, digit: int, data: st.DataObject) -> None:
    words = name.split()
    gaps = [
        i
        for i in range(1, len(words))
        if len(words[i - 1]) >= 2 <= len(words[i])
        and words[i - 1][-2:].isalpha()
        and words[i][:2].isalpha()
    ]
    assume(gaps)
    gap = data.draw(st.sampled_from(gaps))
    keyed = " ".join(words[:gap]) + str(digit) + " ".join(words[gap:])
    assert prepare(keyed).tokens == prepare(name).tokens, keyed


@SETTINGS
@given(st.sampled_from(LATIN_ORGANISATIONS), st.integers(0, 9), st.data())
def test_a_digit_keyed_for_a_first_letter_stays_in_its_word(
    name: str, digit: int, data: st.DataObject
) -> None:
    words = name.split()
    starts = [i for i, word in enumerate(words) if word[:4].isalpha() and len(word) >= 4]
    assume(starts)
    at = data.draw(st.sampled_from(starts))
    keyed = " ".join([*words[:at], str(digit) + words[at][1:], *words[at + 1 :]])
    assert not any(t.text.isdigit() for t in prepare(keyed).tokens), keyed
    assert f"{digit}{words[at][1:4].lower()}" in normalize(keyed), keyed


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Investment Decisions 1", "Investment Decisions 2"),  # numbers stand alone
        ("Ocean Star 12", "Ocean Star 21"),
        ("Qihoo360", "Qihoo361"),  # a number ends the word
        ("B2B Trading", "B3B Trading"),  # one letter each side: a code, not a typo
        ("3Com", "Com Ltd"),  # a digit before a word is a letter mistyped: one edit
    ],
)
def test_a_number_is_not_taken_for_a_typo(left: str, right: str) -> None:
    assert not em.compare(left, right).is_match


@pytest.mark.parametrize(
    ("written", "also"),
    [
        ("Acme Ltd (formerly Ajax Trading Ltd)", "Ajax Trading"),
        ("Acme Ltd (F.K.A., Ajax Trading Ltd; Apex Ltd)", "Apex"),
        ("Acme Ltd a.k.a. Ajax Trading", "Ajax Trading Ltd."),
        ("ACME LTD D/B/A AJAX TRADING", "Ajax Trading"),
        ("Acme Ltd || Аякс Трейдинг", "Ayaks Treyding"),
    ],
)
def test_a_name_written_in_another_matches_it(written: str, also: str) -> None:
    result = em.compare(written, also)
    assert result.is_match, result.to_dict()
    # The explanation is of the other name, which scored.
    assert result.explanation.left.original != written, result.to_dict()
    assert em.compare(written, "Acme").score == 1.0


def test_an_other_name_of_generic_words_is_no_name() -> None:
    written = "Acme (formerly Trading Company)"
    assert not em.compare(written, "Trading Company").is_match
    assert em.Matcher([em.Entity(id="acme", names=[written])]).match("Trading Company") == []
