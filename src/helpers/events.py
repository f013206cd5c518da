"""Timeline, events and event clusters: what happened when, according to which article.

`build_timeline` tags every document's body (`timex.tag`) against its anchor; `build_events`
keeps one row per dated sentence; `cluster_events` joins the events that several documents
report (overlapping dates and shared entities, or the same rare words).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from .calendar_names import MONTHS, WEEKDAYS
from .text import fold, stopwords, tokenize
from .timex import tag, value_bounds
from .timex_words import lexicon

TIMELINE_COLUMNS = ["doc_id", "text", "type", "value", "mod", "start", "end", "sentence_id", "anchor",
                    "anchor_source"]
EVENT_COLUMNS = ["doc_id", "sentence_id", "value", "date_start", "date_end", "text", "timex",
                 "entity_ids"]
CLUSTER_COLUMNS = ["cluster_id", "value", "date_start", "date_end", "n_docs", "doc_ids", "entity_ids",
                   "label"]
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
    return frozenset(set(MONTHS) | set(WEEKDAYS) | {w for name in MONTHS for w in name.split()}
                     | set(lex.relations) | set(lex.units) | set(lex.table("periods")))


def content_words(text: str) -> set[str]:
    """Folded content words of a text: no function words, digits, month or weekday names; a
    leading article with its proclitics is dropped (والتعاون -> تعاون)."""
    out = set()
    for token in tokenize(text):
        word = fold(token)
        if word in stopwords() or word in _date_words() or not word.isalpha():
            continue
        stem = _ARTICLE.sub("", word) if len(word) > 4 else word
        if len(stem) >= 3:
            out.add(stem)
    return out


def _sentence_starts(sentences: pd.DataFrame) -> dict[str, tuple[list[int], list]]:
    """Per document, the sentences' start offsets (sorted) and their ids."""
    starts = {}
    for doc_id, group in sentences.sort_values(["doc_id", "start"]).groupby("doc_id", sort=False):
        starts[str(doc_id)] = (group["start"].astype(int).tolist(), group["sentence_id"].tolist())
    return starts


def _sentence_at(starts: dict[str, tuple[list[int], list]], doc_id: str, offset: int):
    """Id of the sentence of `doc_id` in which a character offset falls (None before the first)."""
    sentence_starts, sentence_ids = starts.get(doc_id, ([], []))
    k = bisect.bisect_right(sentence_starts, offset) - 1
    return sentence_ids[k] if k >= 0 else None


def _stands_alone(body: str, start: int, end: int) -> bool:
    """True when an expression is all its line holds but punctuation: a page's date stamp or a
    related post's date the cleaning left behind, not something the article says."""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    rest = body[line_start:start] + body[end:len(body) if line_end < 0 else line_end]
    return not any(ch.isalnum() for ch in rest)


def build_timeline(documents: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per temporal expression of each document body, resolved against the document's
    `date_anchor`, with the sentence it falls in. Sorted by doc_id, start. An expression alone
    on its line (a date stamp left by the cleaning) is left out."""
    starts = _sentence_starts(sentences)
    rows = []
    for doc in documents.itertuples(index=False):
        doc_id = str(doc.doc_id)
        anchor = _text_or_none(doc.date_anchor)
        source = _text_or_none(doc.date_anchor_source)
        body = str(doc.body or "")
        for timex in tag(body, anchor):
            if _stands_alone(body, timex.start, timex.end):
                continue
            rows.append({"doc_id": doc_id, "text": timex.text, "type": timex.type, "value": timex.value,
                         "mod": timex.mod, "start": timex.start, "end": timex.end,
                         "sentence_id": _sentence_at(starts, doc_id, timex.start),
                         "anchor": anchor, "anchor_source": source})
    timeline = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    timeline["sentence_id"] = timeline["sentence_id"].astype("Int64")
    return timeline.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def _span_days(start: str, end: str) -> int:
    return (pd.Timestamp(end) - pd.Timestamp(start)).days + 1


def build_events(timeline: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """One row per dated sentence: its most precise date (value and ISO bounds), the sentence,
    the expressions' text ('|'-joined) and the entity ids mentioned in it ('|'-joined, sorted;
    an entity row without a sentence_id is placed by its start offset)."""
    entity_ids: dict[tuple[str, int], set[str]] = {}
    starts = _sentence_starts(sentences)
    for row in entities.to_dict("records"):
        sentence_id = row.get("sentence_id")
        if pd.isna(sentence_id) and not pd.isna(row.get("start")):
            sentence_id = _sentence_at(starts, str(row["doc_id"]), int(row["start"]))
        if sentence_id is None or pd.isna(sentence_id):
            continue
        entity_ids.setdefault((str(row["doc_id"]), int(sentence_id)), set()).add(str(row["entity_id"]))
    sentence_text = {(str(r.doc_id), int(r.sentence_id)): r.text for r in sentences.itertuples(index=False)}
    dated: dict[tuple[str, int], list] = {}
    for row in timeline.itertuples(index=False):
        if row.type not in ("DATE", "TIME") or pd.isna(row.sentence_id):
            continue
        first, last = value_bounds(row.value)
        if first is None:
            continue
        dated.setdefault((str(row.doc_id), int(row.sentence_id)), []).append((row, first, last))
    rows = []
    for key in sorted(dated):
        found = dated[key]
        best, first, last = min(found, key=lambda f: (_span_days(f[1], f[2]), f[0].start))
        rows.append({"doc_id": key[0], "sentence_id": key[1], "value": best.value, "date_start": first,
                     "date_end": last, "text": sentence_text.get(key, ""),
                     "timex": "|".join(f[0].text for f in found),
                     "entity_ids": "|".join(sorted(entity_ids.get(key, ())))})
    events = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    events["sentence_id"] = events["sentence_id"].astype("Int64")
    return events


def _ids(cell) -> set[str]:
    return {i for i in str(cell or "").split("|") if i}


def _rare_clues(events: pd.DataFrame, documents: pd.DataFrame) -> list[tuple[set[str], set[str]]]:
    """Per event, the entity ids and content words of its sentence that are not common to the
    corpus (in more than `COMMON_SHARE` of its documents: the topic every article shares)."""
    limit = max(2, int(COMMON_SHARE * len(documents)))
    word_docs, entity_docs = Counter(), Counter()
    for body in documents["body"].fillna(""):
        word_docs.update(content_words(str(body)))
    for _, group in events.groupby("doc_id"):
        entity_docs.update(set().union(*(_ids(cell) for cell in group["entity_ids"])))
    return [({e for e in _ids(row.entity_ids) if entity_docs[e] <= limit},
             {w for w in content_words(str(row.text)) if word_docs[w] <= limit})
            for row in events.itertuples(index=False)]


def _same_happening(a, b, clues_a, clues_b) -> bool:
    """Two events of different documents on overlapping days (each at most a month long, the
    overlap at least `MIN_DATE_OVERLAP` of their union) with a rare entity or enough rare words
    in common."""
    if a.doc_id == b.doc_id or a.date_start > b.date_end or b.date_start > a.date_end:
        return False
    days_a, days_b = _span_days(a.date_start, a.date_end), _span_days(b.date_start, b.date_end)
    if max(days_a, days_b) > MAX_EVENT_DAYS:
        return False
    overlap = _span_days(max(a.date_start, b.date_start), min(a.date_end, b.date_end))
    if overlap < MIN_DATE_OVERLAP * (days_a + days_b - overlap):
        return False
    return bool(clues_a[0] & clues_b[0]) or len(clues_a[1] & clues_b[1]) >= MIN_SHARED_WORDS


def cluster_events(events: pd.DataFrame, documents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Events that several documents report (`_same_happening`, joined transitively). Returns
    (events with `cluster_id`, None outside clusters; one row per cluster: its most frequent
    value and that value's bounds, the documents, the entities at least two of them name, and
    the shortest member sentence as label)."""
    events = events.reset_index(drop=True).copy()
    clues = _rare_clues(events, documents)
    rows = list(events.itertuples(index=False))
    parent = list(range(len(rows)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for x in range(len(rows)):
        for y in range(x + 1, len(rows)):
            if _same_happening(rows[x], rows[y], clues[x], clues[y]):
                parent[root(y)] = root(x)
    members: dict[int, list[int]] = {}
    for k in range(len(rows)):
        members.setdefault(root(k), []).append(k)
    groups = [g for g in members.values() if len({rows[k].doc_id for k in g}) >= 2]
    groups.sort(key=lambda g: (min(rows[k].date_start for k in g), min(rows[k].doc_id for k in g)))
    events["cluster_id"] = pd.Series([None] * len(events), dtype=object)
    clusters = []
    for number, group in enumerate(groups, start=1):
        cluster_id = f"C{number:03d}"
        events.loc[group, "cluster_id"] = cluster_id
        values = Counter(rows[k].value for k in group)
        value = min(values, key=lambda v: (-values[v], _span_days(*value_bounds(v)), v))
        first, last = value_bounds(value)
        doc_ids = sorted({rows[k].doc_id for k in group})
        entity_docs = Counter()
        for doc_id in doc_ids:
            named = (_ids(rows[k].entity_ids) for k in group if rows[k].doc_id == doc_id)
            entity_docs.update(set().union(*named))
        clusters.append({"cluster_id": cluster_id, "value": value, "date_start": first, "date_end": last,
                         "n_docs": len(doc_ids), "doc_ids": "|".join(doc_ids),
                         "entity_ids": "|".join(sorted(e for e, n in entity_docs.items() if n >= 2)),
                         "label": min((str(rows[k].text) for k in group), key=lambda t: (len(t), t))})
    return events, pd.DataFrame(clusters, columns=CLUSTER_COLUMNS)


def describe_clusters(clusters: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """What each article says about each event cluster: one row per (cluster, document) with the
    cluster's date, the document's own date value and its sentences (joined by a space)."""
    rows = []
    members = events.dropna(subset=["cluster_id"])
    for cluster in clusters.itertuples(index=False):
        group = members[members["cluster_id"] == cluster.cluster_id].sort_values(["doc_id", "sentence_id"])
        for doc_id, mine in group.groupby("doc_id", sort=True):
            rows.append({"cluster_id": cluster.cluster_id, "date": cluster.value, "n_docs": cluster.n_docs,
                         "doc_id": doc_id, "doc_value": "|".join(dict.fromkeys(mine["value"])),
                         "text": " ".join(mine["text"].astype(str))})
    return pd.DataFrame(rows, columns=["cluster_id", "date", "n_docs", "doc_id", "doc_value", "text"])
