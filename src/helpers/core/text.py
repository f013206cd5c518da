"""Arabic text handling with camel-tools: matching forms, sentences and word tokens.

The original text is always kept for display and offsets; `fold` gives the form used for
matching, and `FoldedText` the same form computed character by character with a map back to the
original characters. They and `tokenize` give exactly what the camel-tools functions they stand
for give, but are built for speed (every stage folds and tokenizes whole corpora): the
character-level steps of folding are a few `str.replace`, short strings (words) are folded
through a cache, and `tokenize` only runs camel-tools' tokenizer on the rare pieces of text that
hold emoji.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import arabicstopwords.arabicstopwords as arabic_stop
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.charsets import AR_DIAC_CHARSET, EMOJI_ALL_CHARSET, UNICODE_PUNCT_SYMBOL_CHARSET
from camel_tools.utils.normalize import normalize_unicode

TATWEEL = "\u0640"
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_NOT_ARABIC_LETTER = re.compile(r"[^\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")
ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _normalize_unicode(text: str) -> str:
    """camel-tools' `normalize_unicode` (NFKC after expanding two Arabic ligatures its character
    map fixes), skipping its per-character map when neither ligature occurs: the map runs in
    Python and was the largest single cost of folding."""
    if "\ufdfc" not in text and "\ufdfd" not in text:
        return unicodedata.normalize("NFKC", text)
    return normalize_unicode(text)


#: What fold does after Unicode normalisation, character by character: camel-tools' dediac_ar
#: (AR_DIAC_CHARSET), tatweel removed, normalize_alef_ar (إ أ ٱ آ -> ا), normalize_alef_maksura_ar
#: (ى -> ي), normalize_teh_marbuta_ar (ة -> ه), the Persian yeh and keheh some outlets copy in as
#: ي and ك, Arabic-Indic digits as ASCII. Applied as a chain of
#: `str.replace` (no output is another's input): far faster than `str.translate` on Arabic text.
_FOLD_REPLACEMENTS = (
    [(ch, "") for ch in sorted(AR_DIAC_CHARSET | {TATWEEL})]
    + [(ch, "\u0627") for ch in "\u0625\u0623\u0671\u0622"]
    + [("\u0649", "\u064a"), ("\u0629", "\u0647")]
    + [("\u06cc", "\u064a"), ("\u06a9", "\u0643")]  # Persian yeh and keheh (وزیر، کابل)
    + [(chr(k), chr(v)) for k, v in ARABIC_INDIC_DIGITS.items()]
)
#: Strings up to this length (words, short lines) are folded through a cache.
_CACHED_FOLD_LENGTH = 40


def _replace_all(text: str, replacements) -> str:
    for old, new in replacements:
        if old in text:
            text = text.replace(old, new)
    return text


def _fold(text: str) -> str:
    return _replace_all(_normalize_unicode(text), _FOLD_REPLACEMENTS).lower()


_fold_cached = lru_cache(maxsize=1 << 18)(_fold)


def fold(text: str) -> str:
    """Matching form: Unicode-normalised, no diacritics or tatweel, alef / alef maksura /
    teh marbuta / Persian yeh and keheh folded, Arabic-Indic digits as ASCII, Latin lower-cased."""
    if not text:
        return ""
    return _fold_cached(text) if len(text) <= _CACHED_FOLD_LENGTH else _fold(text)


class FoldedText:
    """`fold` applied character by character (so that every folded character comes from one
    original character; a character may fold to none or several): `folded`, and
    `original(p)`, the index in the original text of the character that produced folded
    character p. A folded span [a, b) is the original span [original(a), original(b - 1) + 1)."""

    def __init__(self, text: str):
        changed = {ch: f for ch in set(text) if (f := fold(ch)) != ch}
        if any(c in changed for f in changed.values() for c in f):  # not a chain: one pass
            self.folded = text.translate({ord(ch): f for ch, f in changed.items()})
        else:
            self.folded = _replace_all(text, changed.items())
        self._size = len(text)
        # Characters that fold to other than one character shift the positions after them:
        # `_after[k]` is the folded position after the k-th such character (at original index
        # `_index[k]`), `_shift[k]` the total shift (folded minus original) there.
        uneven = [ch for ch, f in changed.items() if len(f) != 1]
        self._index: list[int] = []
        self._after: list[int] = []
        self._shift: list[int] = []
        if uneven:
            shift = 0
            for m in re.finditer("|".join(map(re.escape, uneven)), text):
                shift += len(changed[m.group()]) - 1
                self._index.append(m.start())
                self._after.append(m.start() + 1 + shift)
                self._shift.append(shift)

    def __len__(self) -> int:
        return len(self.folded)

    def original(self, p: int) -> int:
        k = bisect.bisect_right(self._after, p)  # the uneven characters wholly before p
        shift = self._shift[k - 1] if k else 0
        nxt = self._index[k] if k < len(self._index) else self._size
        return min(p - shift, nxt)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Arabic stop words (the arabic-stopwords package, with their clitic-inflected forms), in
    `fold` form."""
    return frozenset(fold(w) for w in arabic_stop.stopwords_list())


def is_stopword(token: str) -> bool:
    """True for an Arabic function word (compare folded forms)."""
    return fold(token) in stopwords()


def arabic_ratio(text: str) -> float:
    """Share of letters in `text` that are Arabic letters (0 when it has no letters); two regex
    scans, as it runs on every line of every page."""
    letters = len(_NOT_LETTER.sub("", text))
    return len(_NOT_ARABIC_LETTER.sub("", text)) / letters if letters else 0.0


def _char_class(chars) -> str:
    """A regular-expression character class body for `chars`, as ranges."""
    codes = sorted(map(ord, chars))
    spans: list[list[int]] = []
    for code in codes:
        if spans and code == spans[-1][1] + 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in spans)


def _token_patterns() -> tuple[dict[int, str], re.Pattern, re.Pattern]:
    """For `tokenize`: the characters camel-tools' tokenizer always splits off alone (punctuation
    and symbols that start no emoji) and those that may start a longer token it splits off
    (emoji sequences; a digit only starts a keycap, which holds U+20E3). Returns a translation
    table (the first -> space, the second -> NUL), a pattern of the pieces between white space
    and the first kind, and a pattern of the characters that pattern cannot handle (the
    second kind, and any character outside the Basic Multilingual Plane, where `re` character
    classes are slow)."""
    import regex

    alone = {
        c
        for c in UNICODE_PUNCT_SYMBOL_CHARSET
        if regex.fullmatch(r"\p{S}|\p{P}", c)
        and not regex.match(r"\p{Emoji}|\p{RI}", c)
        and c not in EMOJI_ALL_CHARSET
    }
    may_start = {t[0] for t in UNICODE_PUNCT_SYMBOL_CHARSET | EMOJI_ALL_CHARSET} - alone - set(
        "0123456789"
    ) | {"\u20e3"}
    table = dict.fromkeys(map(ord, may_start), "\0") | dict.fromkeys(map(ord, alone), " ")
    piece = re.compile(r"[^\s" + _char_class(c for c in alone if c <= "\uffff") + "]+")
    other = re.compile("[" + _char_class(c for c in may_start if c <= "\uffff") + "\U00010000-\U0010ffff]")
    return table, piece, other


_TOKEN_TABLE, _PIECE_BMP, _NOT_BMP_PIECE = _token_patterns()
_PIECE = re.compile(r"\S+")


def _has_alnum(token: str) -> bool:
    return token.isalnum() or any(c.isalnum() for c in token)


def tokenize(text: str) -> list[str]:
    """Word tokens (camel-tools' simple word tokenizer), punctuation tokens dropped.

    The same tokens as `simple_word_tokenize`, which reads each word character by character:
    here the punctuation it always splits off counts as white space (one regular expression, or
    one `str.translate` that keeps offsets when the text has emoji or characters beyond the
    Basic Multilingual Plane) and only the pieces holding emoji go through camel-tools."""
    if _NOT_BMP_PIECE.search(text) is None:
        pieces = _PIECE_BMP.findall(text)
        if all(map(str.isalnum, pieces)):
            return pieces
        return [t for t in pieces if t.isalnum() or any(c.isalnum() for c in t)]
    spaced = text.translate(_TOKEN_TABLE)
    if "\0" not in spaced:
        return [t for t in spaced.split() if _has_alnum(t)]
    tokens: list[str] = []
    for m in _PIECE.finditer(spaced):
        piece = m.group()
        if "\0" in piece:
            tokens.extend(t for t in simple_word_tokenize(text[m.start() : m.end()]) if _has_alnum(t))
        elif _has_alnum(piece):
            tokens.append(piece)
    return tokens


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


# A sentence ends after . ! ? ؟ … (one or more, possibly closed by a quote or bracket) that is
# followed by white space, or at a line break. A dot between digits (9.3) is not an end, nor one
# after a word of one letter, an abbreviation (د. عبدالله التركي، أ. محمد), nor one in a chain of
# short dotted words (`_DOTTED_CHAIN`: إف. بي. آي).
_SENTENCE_END = re.compile(r"(?:(?<!\b[^\W\d])[.!?؟…]+[\"'”’»)\]]*)(?=\s)|\n+")
#: Two words of one to three letters, each with its dot: an acronym (إف. بي. آي، أ. ف. ب).
_DOTTED_CHAIN = re.compile(r"(?<![^\W\d])[^\W\d]{1,3}\.\s+[^\W\d]{1,3}\.")


def _in_dotted_chain(text: str, dot: int) -> bool:
    """The dot at `dot` ends or starts a pair of short dotted words (`_DOTTED_CHAIN`)."""
    window = text[max(0, dot - 12) : dot + 12]
    offset = max(0, dot - 12)
    return any(m.start() + offset <= dot < m.end() + offset for m in _DOTTED_CHAIN.finditer(window))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with character offsets into it (white space trimmed)."""
    sentences: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0) == "." and _in_dotted_chain(text, m.start()):
            continue
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _append_trimmed(text, start, end, sentences)
        start = m.end()
    _append_trimmed(text, start, len(text), sentences)
    return sentences


class SentenceIndex(NamedTuple):
    """One document's rows of the `sentences` table in offset order, as plain lists."""

    starts: list[int]
    ends: list[int]
    ids: list
    texts: list[str]

    def at(self, offset: int, inside: bool = True) -> int | None:
        """Position of the sentence holding character `offset` (with `inside=False`, of the last
        sentence starting at or before it), or None."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return k if k >= 0 and (not inside or offset < self.ends[k]) else None

    def id_at(self, offset: int, inside: bool = True):
        """The sentence_id of `at(offset, inside)`, or None."""
        k = self.at(offset, inside)
        return None if k is None else self.ids[k]


def index_sentences(sentences) -> dict[str, SentenceIndex]:
    """The `sentences` table (doc_id, sentence_id, start, end, text) as a SentenceIndex per
    doc_id (one sort of the table, then slices of its columns)."""
    if sentences is None or not len(sentences):
        return {}
    ordered = sentences.assign(doc_id=sentences["doc_id"].astype(str)).sort_values(
        ["doc_id", "start"], kind="stable"
    )
    doc_ids = ordered["doc_id"].tolist()
    columns = [ordered[c].tolist() for c in ("start", "end", "sentence_id", "text")]
    bounds = [k for k in range(1, len(doc_ids)) if doc_ids[k] != doc_ids[k - 1]]
    return {
        doc_ids[a]: SentenceIndex(*(column[a:b] for column in columns))
        for a, b in zip([0, *bounds], [*bounds, len(doc_ids)], strict=True)
    }


def _append_trimmed(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
