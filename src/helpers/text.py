"""Arabic text handling with camel-tools: matching forms, sentences and word tokens.

The original text is always kept for display and offsets; `fold` gives the form used for
matching, and `fold_with_offsets` the same form with a map back to the original characters.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import arabicstopwords.arabicstopwords as arabic_stop
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"
#: The characters camel-tools' normalize_unicode maps before NFKC (ريال and the basmala ligatures).
_CAMEL_UNICODE_FIXES = frozenset("\ufdfc\ufdfd")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _normalize_unicode(text: str) -> str:
    """camel-tools' `normalize_unicode` (NFKC after expanding two Arabic ligatures its character
    map fixes), skipping its per-character map when neither ligature occurs: the map runs in
    Python and was the largest single cost of folding."""
    if _CAMEL_UNICODE_FIXES.isdisjoint(text):
        return unicodedata.normalize("NFKC", text)
    return normalize_unicode(text)


def fold(text: str) -> str:
    """Matching form: Unicode-normalised, no diacritics or tatweel, alef / alef maksura /
    teh marbuta folded, Arabic-Indic digits as ASCII, Latin lower-cased."""
    if not text:
        return ""
    s = _normalize_unicode(text)
    s = dediac_ar(s).replace(TATWEEL, "")
    s = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(s)))
    return s.translate(ARABIC_INDIC_DIGITS).lower()


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    return fold(ch)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """`fold(text)` computed character by character, with `offsets[i]` the index in `text` of
    the character that produced folded character i (so a folded span [a, b) is the original
    span [offsets[a], offsets[b - 1] + 1))."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        out.append(f)
        offsets.extend([i] * len(f))
    return "".join(out), offsets


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Arabic stop words (the arabic-stopwords package, with their clitic-inflected forms), in
    `fold` form."""
    return frozenset(fold(w) for w in arabic_stop.stopwords_list())


def is_stopword(token: str) -> bool:
    """True for an Arabic function word (compare folded forms)."""
    return fold(token) in stopwords()


def arabic_ratio(text: str) -> float:
    """Share of letters in `text` that are Arabic letters (0 when it has no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if ARABIC_LETTER.match(c)) / len(letters)


def tokenize(text: str) -> list[str]:
    """Word tokens (camel-tools' simple word tokenizer), punctuation tokens dropped."""
    return [t for t in simple_word_tokenize(text) if any(c.isalnum() for c in t)]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


# A sentence ends after . ! ? ؟ … (one or more, possibly closed by a quote or bracket) that is
# followed by white space, or at a line break. A dot between digits (9.3) is not an end.
_SENTENCE_END = re.compile(r"(?:[.!?؟…]+[\"'”’»)\]]*)(?=\s)|\n+")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with character offsets into it (white space trimmed)."""
    sentences: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _append_trimmed(text, start, end, sentences)
        start = m.end()
    _append_trimmed(text, start, len(text), sentences)
    return sentences


def _append_trimmed(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
