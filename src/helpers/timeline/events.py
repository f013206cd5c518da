"""Timeline and events: what happened when, according to which article.

`build_timeline` tags every document's body (`timex.tag`) against its anchor; `build_events`
keeps one row per dated sentence, with the entities it names. Which articles report the same
happening is the stories' question (`helpers.stories`). `content_words` are the words the anchors'
corpus route compares sentences by.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

from helpers.catalog import columns
from helpers.core.calendar import MONTHS, WEEKDAYS
from helpers.core.text import SentenceIndex, fold, index_sentences, stopwords, tokenize
from helpers.timeline.timex import tag, value_bounds
from helpers.timeline.timex.words import lexicon

_ARTICLE = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)")


def _text_or_none(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Words of dates themselves, left out of the words two reports of an event share."""
    lex = lexicon()
    return frozenset(
        set(MONTHS)
        | set(WEEKDAYS)
        | {w for name in MONTHS for w in name.split()}
        | set(lex.relations)
        | set(lex.units)
        | set(lex.table("periods"))
    )


@lru_cache(maxsize=1 << 17)
def _content_word(token: str) -> str | None:
    """The content word a token gives (see `content_words`), None for the others."""
    word = fold(token)
    if word in stopwords() or word in _date_words() or not word.isalpha():
        return None
    stem = _ARTICLE.sub("", word) if len(word) > 4 else word
    return stem if len(stem) >= 3 else None


def content_words(text: str) -> set[str]:
    """Folded content words of a text: no function words, digits, month or weekday names; a
    leading article with its proclitics is dropped (والتعاون -> تعاون)."""
    words = set(map(_content_word, set(tokenize(text))))
    words.discard(None)
    return words


def _sentence_id(index: dict[str, SentenceIndex], doc_id: str, offset: int):
    """Id of the sentence of `doc_id` in which a character offset falls (None before the first)."""
    sentences = index.get(doc_id)
    return sentences.id_at(offset, inside=False) if sentences else None


def _stands_alone(body: str, start: int, end: int) -> bool:
    """True when an expression is all its line holds but punctuation: a page's date stamp or a
    related post's date the cleaning left behind, not something the article says."""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    rest = body[line_start:start] + body[end : len(body) if line_end < 0 else line_end]
    return not any(ch.isalnum() for ch in rest)


def build_timeline(documents: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per temporal expression of each document body, resolved against the document's
    `date_anchor`, with the sentence it falls in. Sorted by doc_id, start. An expression alone
    on its line (a date stamp left by the cleaning) is left out."""
    index = index_sentences(sentences)
    rows = []
    for doc in documents.itertuples(index=False):
        doc_id = str(doc.doc_id)
        anchor = _text_or_none(doc.date_anchor)
        source = _text_or_none(doc.date_anchor_source)
        body = str(doc.body or "")
        for timex in tag(body, anchor):
            if _stands_alone(body, timex.start, timex.end):
                continue
            rows.append(
                {
                    "doc_id": doc_id,
                    "text": timex.text,
                    "type": timex.type,
                    "value": timex.value,
                    "mod": timex.mod,
                    "start": timex.start,
                    "end": timex.end,
                    "sentence_id": _sentence_id(index, doc_id, timex.start),
                    "anchor": anchor,
                    "anchor_source": source,
                }
            )
    timeline = pd.DataFrame(rows, columns=columns("timeline"))
    timeline["sentence_id"] = timeline["sentence_id"].astype("Int64")
    return timeline.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


@lru_cache(maxsize=65536)
def _day(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def _span_days(start: str, end: str) -> int:
    return _day(end) - _day(start) + 1


_value_bounds = lru_cache(maxsize=65536)(value_bounds)


def _entities_by_sentence(entities: pd.DataFrame, sentences: pd.DataFrame) -> dict[tuple[str, int], set[str]]:
    """Entity ids per (doc_id, sentence_id); a row without a sentence_id is placed by its start."""
    if entities.empty:
        return {}
    doc_ids = entities["doc_id"].astype(str).tolist()
    sentence_ids = entities["sentence_id"].tolist()
    unplaced = entities["sentence_id"].isna()
    unplaced = np.flatnonzero(unplaced & entities["start"].notna() if "start" in entities else [])
    if len(unplaced):
        index, offsets = index_sentences(sentences), entities["start"].tolist()
        for i in unplaced:
            sentence_ids[i] = _sentence_id(index, doc_ids[i], int(offsets[i]))
    found: dict[tuple[str, int], set[str]] = {}
    entity_ids = entities["entity_id"].astype(str).tolist()
    for doc_id, sentence_id, entity_id in zip(doc_ids, sentence_ids, entity_ids, strict=True):
        if sentence_id is not None and not pd.isna(sentence_id):
            found.setdefault((doc_id, int(sentence_id)), set()).add(entity_id)
    return found


def build_events(timeline: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """One row per dated sentence: its most precise date (value and ISO bounds), the sentence,
    the expressions' text ('|'-joined) and the entity ids mentioned in it ('|'-joined, sorted;
    an entity row without a sentence_id is placed by its start offset)."""
    entity_ids = _entities_by_sentence(entities, sentences)
    dated: dict[tuple[str, int], list] = {}
    dates = timeline[timeline["type"].isin(["DATE", "TIME"]) & timeline["sentence_id"].notna()]
    for doc_id, sentence_id, value, start, text in zip(
        dates["doc_id"].astype(str).tolist(),
        dates["sentence_id"].tolist(),
        dates["value"].tolist(),
        dates["start"].tolist(),
        dates["text"].tolist(),
        strict=True,
    ):
        first, last = _value_bounds(value)
        if first is None:
            continue
        dated.setdefault((doc_id, int(sentence_id)), []).append((value, start, text, first, last))
    keys = zip(
        sentences["doc_id"].astype(str).tolist(), sentences["sentence_id"].astype(int).tolist(), strict=True
    )
    sentence_text = {
        key: text for key, text in zip(keys, sentences["text"].tolist(), strict=True) if key in dated
    }
    rows = []
    for key in sorted(dated):
        found = dated[key]
        value, _, _, first, last = min(found, key=lambda f: (_span_days(f[3], f[4]), f[1]))
        rows.append(
            {
                "doc_id": key[0],
                "sentence_id": key[1],
                "value": value,
                "date_start": first,
                "date_end": last,
                "text": sentence_text.get(key, ""),
                "timex": "|".join(f[2] for f in found),
                "entity_ids": "|".join(sorted(entity_ids.get(key, ()))),
            }
        )
    events = pd.DataFrame(rows, columns=columns("events"))
    events["sentence_id"] = events["sentence_id"].astype("Int64")
    return events
