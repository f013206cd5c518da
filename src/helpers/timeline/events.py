"""Timeline, events and event clusters: what happened when, according to which article.

`build_timeline` tags every document's body (`timex.tag`) against its anchor; `build_events`
keeps one row per dated sentence; `cluster_events` joins the events that several documents
report (overlapping dates and shared entities, or the same rare words).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

from helpers.catalog import columns
from helpers.core.calendar import MONTHS, WEEKDAYS
from helpers.core.engine import map_list
from helpers.core.text import SentenceIndex, fold, index_sentences, stopwords, tokenize
from helpers.timeline.timex import tag, value_bounds
from helpers.timeline.timex.words import lexicon

#: Longest date span (days) an event may have to be matched with another report of it.
MAX_EVENT_DAYS = 31
#: Words two sentences must share to count as reports of one happening (without a shared
#: entity); words and entities found in more than `COMMON_SHARE` of the corpus's documents do
#: not count.
MIN_SHARED_WORDS = 3
COMMON_SHARE = 0.8
#: Least overlap of two events' date spans, as a share of their union (a day is not the same
#: happening as the whole month it falls in).
MIN_DATE_OVERLAP = 0.1
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
    # the `events` table's columns; cluster_id is filled by `cluster_events`
    events = pd.DataFrame(rows, columns=[c for c in columns("events") if c != "cluster_id"])
    events["sentence_id"] = events["sentence_id"].astype("Int64")
    return events


def _ids(cell) -> set[str]:
    return {i for i in str(cell or "").split("|") if i}


def _rare_clues(
    events: pd.DataFrame, documents: pd.DataFrame, workers: int | None = None
) -> list[tuple[set[str], set[str]]]:
    """Per event, the entity ids and content words of its sentence that are not common to the
    corpus (in more than `COMMON_SHARE` of its documents: the topic every article shares). The
    words are read in `workers` local processes (`engine.map_list`)."""
    limit = max(2, int(COMMON_SHARE * len(documents)))
    word_docs, entity_docs = Counter(), Counter()
    for counts in map_list(_document_frequencies, [str(b) for b in documents["body"].fillna("")], workers):
        word_docs.update(counts)
    named: dict[str, set[str]] = {}
    for doc_id, cell in zip(events["doc_id"].tolist(), events["entity_ids"].tolist(), strict=True):
        named.setdefault(doc_id, set()).update(_ids(cell))
    for ids in named.values():
        entity_docs.update(ids)
    sentence_words = map_list(_content_word_sets, [str(t) for t in events["text"]], workers)
    return [
        ({e for e in _ids(cell) if entity_docs[e] <= limit}, {w for w in words if word_docs[w] <= limit})
        for cell, words in zip(events["entity_ids"].tolist(), sentence_words, strict=True)
    ]


def _document_frequencies(texts: list[str]) -> list[Counter]:
    """In how many of `texts` each content word occurs (one Counter, listed for `map_list`)."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(content_words(text))
    return [counts]


def _content_word_sets(texts: list[str]) -> list[set[str]]:
    return [content_words(text) for text in texts]


class _Report:
    """Events with the same days and the same clues: for matching, one node (see
    `cluster_events`). `docs` are the documents of its events."""

    def __init__(self, first: str, last: str, entities: frozenset[str], words: frozenset[str]):
        self.first, self.last = _day(first), _day(last)
        self.days = self.last - self.first + 1
        self.entities, self.words = entities, words
        self.members: list[int] = []
        self.docs: set[str] = set()

    def matchable(self) -> bool:
        """Whether it can match anything (itself included): at most a month long, with a rare
        entity or enough rare words."""
        return self.days <= MAX_EVENT_DAYS and (bool(self.entities) or len(self.words) >= MIN_SHARED_WORDS)

    def matches(self, other: _Report) -> bool:
        """Whether an event of each is a report of the same happening: two documents, days that
        overlap by at least MIN_DATE_OVERLAP of their union, and a rare entity or
        MIN_SHARED_WORDS rare words in common (both reports `matchable`)."""
        if self.first > other.last or other.first > self.last:
            return False
        overlap = min(self.last, other.last) - max(self.first, other.first) + 1
        if overlap < MIN_DATE_OVERLAP * (self.days + other.days - overlap):
            return False
        if len(self.docs) == 1 and self.docs == other.docs:
            return False
        return bool(self.entities & other.entities) or len(self.words & other.words) >= MIN_SHARED_WORDS


def _happenings(events: pd.DataFrame, clues: list[tuple[set[str], set[str]]]) -> list[list[int]]:
    """The events joined transitively as reports of one happening (`_Report.matches`), as lists
    of row positions (groups of two documents or more).

    Not by comparing all pairs: events with the same days and clues become one `_Report` (a
    report in two documents or more joins all its events; two reports that match join all of
    theirs), and only reports that share a clue and overlap in time are compared: each clue's
    reports sorted by first day, a report against the following ones that start before it ends.
    Reports already joined are not compared again."""
    reports: dict[tuple, _Report] = {}
    for k, (doc_id, first, last) in enumerate(
        zip(
            events["doc_id"].tolist(), events["date_start"].tolist(), events["date_end"].tolist(), strict=True
        )
    ):
        key = (first, last, frozenset(clues[k][0]), frozenset(clues[k][1]))
        if key not in reports:
            reports[key] = _Report(first, last, key[2], key[3])
        reports[key].members.append(k)
        reports[key].docs.add(doc_id)
    nodes = [r for r in reports.values() if r.matchable()]
    parent = list(range(len(nodes)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    by_clue: dict[tuple[str, str], list[int]] = {}
    for i, node in enumerate(nodes):
        for entity in node.entities:
            by_clue.setdefault(("entity", entity), []).append(i)
        for word in node.words:
            by_clue.setdefault(("word", word), []).append(i)
    for clue in sorted(by_clue):
        ranked = sorted(by_clue[clue], key=lambda i: (nodes[i].first, i))
        for position, i in enumerate(ranked):
            for j in ranked[position + 1 :]:
                if nodes[j].first > nodes[i].last:
                    break
                a, b = root(i), root(j)
                if a != b and nodes[i].matches(nodes[j]):
                    parent[max(a, b)] = min(a, b)
    components: dict[int, list[int]] = {}
    for i in range(len(nodes)):
        components.setdefault(root(i), []).append(i)
    groups = []
    for members in components.values():
        docs = set().union(*(nodes[i].docs for i in members))
        if len(docs) >= 2:
            groups.append(sorted(k for i in members for k in nodes[i].members))
    return groups


def cluster_events(
    events: pd.DataFrame, documents: pd.DataFrame, workers: int | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events that several documents report (`_Report.matches`, joined transitively). Returns
    (events with `cluster_id`, None outside clusters; one row per cluster: its most frequent
    value and that value's bounds, the documents, the entities at least two of them name, and
    the shortest member sentence as label). Words are read in `workers` local processes (see
    `engine.map_list`)."""
    events = events.reset_index(drop=True).copy()
    groups = _happenings(events, _rare_clues(events, documents, workers))
    doc_ids, starts = events["doc_id"].tolist(), events["date_start"].tolist()
    values, texts = events["value"].tolist(), events["text"].tolist()
    named = [_ids(cell) for cell in events["entity_ids"].tolist()]
    groups.sort(key=lambda g: (min(starts[k] for k in g), min(doc_ids[k] for k in g)))
    cluster_of: list[str | None] = [None] * len(events)
    clusters = []
    for number, group in enumerate(groups, start=1):
        cluster_id = f"C{number:03d}"
        for k in group:
            cluster_of[k] = cluster_id
        counts = Counter(values[k] for k in group)
        value = min(counts, key=lambda v: (-counts[v], _span_days(*_value_bounds(v)), v))
        first, last = _value_bounds(value)
        per_doc: dict[str, set[str]] = {}
        for k in group:
            per_doc.setdefault(doc_ids[k], set()).update(named[k])
        entity_docs = Counter(e for ids in per_doc.values() for e in ids)
        clusters.append(
            {
                "cluster_id": cluster_id,
                "value": value,
                "date_start": first,
                "date_end": last,
                "n_docs": len(per_doc),
                "doc_ids": "|".join(sorted(per_doc)),
                "entity_ids": "|".join(sorted(e for e, n in entity_docs.items() if n >= 2)),
                "label": min((str(texts[k]) for k in group), key=lambda t: (len(t), t)),
            }
        )
    events["cluster_id"] = pd.Series(cluster_of, dtype=object)
    return events, pd.DataFrame(clusters, columns=columns("event_clusters"))


def describe_clusters(clusters: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """What each article says about each event cluster: one row per (cluster, document) with the
    cluster's date, the document's own date value and its sentences (joined by a space)."""
    members = events.dropna(subset=["cluster_id"]).sort_values(["cluster_id", "doc_id", "sentence_id"])
    said: dict[str, dict[str, list[tuple[str, str]]]] = {}
    columns = [members[c].tolist() for c in ("cluster_id", "doc_id", "value")]
    for cluster_id, doc_id, value, text in zip(*columns, members["text"].astype(str).tolist(), strict=True):
        said.setdefault(cluster_id, {}).setdefault(doc_id, []).append((value, text))
    rows = [
        {
            "cluster_id": cluster.cluster_id,
            "date": cluster.value,
            "n_docs": cluster.n_docs,
            "doc_id": doc_id,
            "doc_value": "|".join(dict.fromkeys(v for v, _ in found)),
            "text": " ".join(t for _, t in found),
        }
        for cluster in clusters.itertuples(index=False)
        for doc_id, found in sorted(said.get(cluster.cluster_id, {}).items())
    ]
    return pd.DataFrame(rows, columns=["cluster_id", "date", "n_docs", "doc_id", "doc_value", "text"])
