"""The fast text primitives give exactly what the camel-tools steps they replace give."""

import random

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

from helpers.core.text import ARABIC_INDIC_DIGITS, FoldedText, fold, split_sentences, tokenize

TRICKY = [
    "قالَ الوزيرُ: «السلامُ» (2021/07/17)، وأضاف...",
    "حضر ١٢ وزيرا ـ و٣ سفراء؛ نسبة ٪٥٠ و 3,7 ملايين",
    "emoji 😀👍🏽 keycap 1️⃣ #️⃣ flag 🇸🇦 family 👨‍👩‍👧 ©2024 ™ x²+y½",
    "ﷺ ﷼ ﻻ ﷲ ligatures, ＦＵＬＬ width, İstanbul ΣΟΦΟΣ",
    "tabs\tand\u00a0spaces\u2028line\u3000ideographic\x1cseparator",
    "nul\x00inside word_with_underscore a-b a–b",
    "",
    "   ",
]


def camel_fold(text: str) -> str:
    s = normalize_unicode(text)
    s = dediac_ar(s).replace("\u0640", "")
    s = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(s)))
    s = s.replace("\u06cc", "\u064a").replace("\u06a9", "\u0643")  # Persian yeh and keheh
    return s.translate(ARABIC_INDIC_DIGITS).lower()


def camel_tokens(text: str) -> list[str]:
    return [t for t in simple_word_tokenize(text) if any(c.isalnum() for c in t)]


def random_texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pool = " ا١٢3أإىة\u064b\u0640،.!«»-_😀1\ufe0f\u20e3#*🇸🇦👨‍👩‍👧ﷺﻻ\ufdfcÀİΣ©\x00\n"
    chars = [chr(i) for i in range(0x20, 0x3000)] + [chr(i) for i in range(0x1F300, 0x1F700)]
    return [
        "".join(
            rng.choice(pool) if rng.random() < 0.6 else rng.choice(chars) for _ in range(rng.randint(1, 40))
        )
        for _ in range(n)
    ]


@pytest.mark.parametrize("text", TRICKY)
def test_tokenize_and_fold_match_camel_tools(text):
    assert tokenize(text) == camel_tokens(text)
    assert fold(text) == camel_fold(text)
    for word in text.split():
        assert fold(word) == camel_fold(word)


def test_random_text_matches_camel_tools():
    for text in random_texts(3000):
        assert tokenize(text) == camel_tokens(text), repr(text)
        assert fold(text) == camel_fold(text), repr(text)


def test_fold_long_text_is_not_cached_but_equal():
    text = "الوزارةُ أعلنت " * 20
    assert fold(text) == camel_fold(text) == fold(text)


def test_folded_text_maps_every_folded_character_back():
    for text in [*TRICKY, *random_texts(300, seed=3)]:
        folded = FoldedText(text)
        per_char = [camel_fold(c) for c in text]
        assert folded.folded == "".join(per_char)
        owners = [i for i, f in enumerate(per_char) for _ in f]
        assert [folded.original(p) for p in range(len(folded))] == owners, repr(text)
        assert folded.original(len(folded)) == len(text)


def test_folded_text_spans():
    text = "قالَ الرئيسُ ﻻ"
    folded = FoldedText(text)
    start = folded.folded.index("الرئيس")
    end = start + len("الرئيس")
    assert text[folded.original(start) : folded.original(end - 1) + 1] == "الرئيس"
    assert folded.folded.endswith("لا")


def test_index_sentences_finds_the_sentence_of_an_offset():
    import pandas as pd

    from helpers.core.text import index_sentences

    table = pd.DataFrame(
        {
            "doc_id": ["b", "a", "a"],
            "sentence_id": [0, 1, 0],
            "start": [0, 10, 0],
            "end": [5, 20, 8],
            "text": ["x", "second", "first"],
        }
    )
    index = index_sentences(table)
    assert index["a"].texts == ["first", "second"] and index["b"].ids == [0]
    assert index["a"].id_at(3) == 0 and index["a"].id_at(12) == 1
    assert index["a"].id_at(9) is None and index["a"].id_at(9, inside=False) == 0  # in the gap
    assert index_sentences(table.iloc[:0]) == {}


def test_the_dot_of_an_abbreviated_title_ends_no_sentence():
    sentences = split_sentences("وقال د. عبدالله التركي إن المؤتمر ناجح. وبلغ عدد الحضور 5. ثم انتهى.")
    assert [s.text for s in sentences] == [
        "وقال د. عبدالله التركي إن المؤتمر ناجح.",
        "وبلغ عدد الحضور 5.",
        "ثم انتهى.",
    ]


def test_the_dots_of_an_acronym_end_no_sentence():
    sentences = split_sentences("وقال مكتب التحقيقات الاتحادي (إف. بي. آي) إنه اعتقل المشتبه به. وصلت أمس.")
    assert [s.text for s in sentences] == [
        "وقال مكتب التحقيقات الاتحادي (إف. بي. آي) إنه اعتقل المشتبه به.",
        "وصلت أمس.",
    ]


def test_l_and_a_name_beginning_with_l_is_no_article():
    from helpers.core.words import proclitic_forms

    assert (1, "الولايات") in proclitic_forms("للولايات")  # ل + الولايات
    assert (1, "اللجنه") in proclitic_forms("للجنه")  # ل + اللجنة, though لجنة is a word too
    assert (1, "لندن") in proclitic_forms("للندن")  # ل + لندن: no word الندن


def test_to_lebanon_is_lebanon():
    from tests.test_context import by_surface

    named = by_surface("وصل الوفد للبنان أمس، ثم سافر الوزير للندن وقال إن زيارته ناجحة.")
    assert named["لبنان"] == ("LOC", "lebanon")
    assert named["لندن"] == ("LOC", "london")
