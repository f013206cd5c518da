"""What recognition and linking pass around: word tokens of a field, proposed spans, mentions,
and a document while it is linked."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import pandas as pd

from helpers.core.words import fold_token
from helpers.entities.gazetteer import WORD, Alias
from helpers.entities.rules import WordTokens


@dataclass
class EntityTables:
    entities: pd.DataFrame
    catalogue: pd.DataFrame
    candidates: pd.DataFrame
    merges: pd.DataFrame


@dataclass(slots=True)
class Span:
    """A proposed mention: tokens [first, last) of one field."""

    first: int
    last: int
    type: str
    source: str
    clitic: int = 0
    alias: Alias | None = None
    rule: str = ""
    hint: str = ""
    #: The sequence labeller's score for these tokens with this type (None: it did not tag them).
    score: float | None = None
    #: The singular head a list's names share before them (`RuleSpan.head`), first word of the name.
    head: str = ""

    @property
    def length(self) -> int:
        return self.last - self.first


@dataclass(slots=True)
class Mention:
    doc_id: str
    field: str
    start: int
    end: int
    surface: str
    type: str
    name: tuple[str, ...]
    source: str
    entity_id: str = ""
    weak: bool = False
    clitic_readings: tuple[tuple[int, str], ...] = ()
    confidence: float | None = None
    place: str | None = None  # a generic body's place in its context (`recognise`)


@dataclass
class Document:
    """One document while it is linked: its field texts (tokens are made one document at a time,
    so the corpus' tokens are never all in memory), mentions, unconfirmed spans and, once
    propagated, its review candidates as (name, type, rule, surface, example)."""

    doc_id: str
    texts: dict[str, str]
    mentions: list[Mention] = field(default_factory=list)
    pending: list[tuple[str, Span]] = field(default_factory=list)
    candidates: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def word_tokens(text: str) -> WordTokens:
    """Word tokens of a text with their offsets and folded forms. A run of tatweel and marks
    alone is no word: it stands for a dash (الملك فهد ــ يرحمه الله) and stays in the gap."""
    matches = [m for m in WORD.finditer(text) if NOT_LETTERS.sub("", m.group())]
    return WordTokens(
        text, [m.group() for m in matches], [m.start() for m in matches], [m.end() for m in matches]
    )


#: Tatweel and Arabic marks: a match of `WORD` made of these only is no word.
NOT_LETTERS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def token_range(tokens: WordTokens, start: int, end: int) -> tuple[int, int]:
    """The tokens [first, last) of the characters [start, end) of their text."""
    return bisect.bisect_right(tokens.starts, start) - 1, bisect.bisect_left(tokens.starts, end)


def documents_of(documents: pd.DataFrame) -> list[tuple[str, str, str]]:
    rows = []
    for rec in documents.to_dict("records"):
        title = rec.get("title")
        body = rec.get("body")
        rows.append(
            (
                str(rec["doc_id"]),
                title if isinstance(title, str) else "",
                body if isinstance(body, str) else "",
            )
        )
    return sorted(rows)


def span_text(tokens: WordTokens, span: Span) -> tuple[int, int, tuple[str, ...]]:
    """Character offsets of a span without its proclitic, and its folded words (after the head it
    shares with other names, if any)."""
    start = tokens.starts[span.first]
    first = tokens.folded[span.first]
    reading = dict(tokens.forms(span.first)).get(span.clitic, "")
    if span.clitic and first[span.clitic - 1 : span.clitic + 1] == "لل" and reading.startswith("ال"):
        # ل + ال written لل: the article's alef is not in the text, keep the word whole
        first = reading
    elif span.clitic:
        raw = tokens.raw[span.first]
        consumed = 0
        for k, ch in enumerate(raw):
            if consumed >= span.clitic and fold_token(ch):  # past the proclitic and a tatweel (بـدوري)
                start += k
                break
            consumed += len(fold_token(ch))
        first = first[span.clitic :]
    name = (*([span.head] if span.head else []), first, *tokens.folded[span.first + 1 : span.last])
    return start, _past_closing_quote(tokens.text, start, tokens.ends[span.last - 1]), name


#: Opening quotes and their closing ones.
QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}


def _past_closing_quote(text: str, start: int, end: int) -> int:
    """`end`, or one past it when the span [start, end) opens a quote that the character at `end`
    closes (ملعب «سولدجر فيلد»: the quoted name whole, not its opening quote alone)."""
    inside = text[start:end]
    for opening, closing in QUOTE_PAIRS.items():
        unclosed = (
            inside.count(opening) % 2 if opening == closing else inside.count(opening) > inside.count(closing)
        )
        if unclosed and text[end : end + 1] == closing:
            return end + 1
    return end
