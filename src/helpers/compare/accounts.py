"""Events several documents report, each document's account side by side: the dates, numbers and
participants only some accounts give, spelled out and marked."""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from functools import lru_cache, partial

import pandas as pd
import pyarabic.number as arabic_number
from pyarabic import araby

from helpers import catalog
from helpers.compare.corpus import entity_names
from helpers.core.engine import map_list
from helpers.core.io import has_text, join_ids, split_ids
from helpers.core.text import fold

DIFF_SEP = " ؛ "


# Scale words that follow a written number ("60 مليون", "3,7 ملايين"), in fold form.
# pyarabic's text2number does not know "تريليون" and does not read digits, hence this table.
_SCALE_WORDS = {
    "الف": 1e3,
    "الاف": 1e3,
    "الفا": 1e3,
    "مليون": 1e6,
    "ملايين": 1e6,
    "مليونا": 1e6,
    "مليار": 1e9,
    "مليارات": 1e9,
    "مليارا": 1e9,
    "بليون": 1e9,
    "تريليون": 1e12,
    "تريليونات": 1e12,
}


_DIGIT_NUMBER = re.compile(r"(?<![\d.,٫])(\d+(?:[.,٫]\d+)*)(?:\s+(\w+))?")


def _spans_of(text: str, needles) -> list[tuple[int, int]]:
    """Every occurrence of each non-empty needle in text (left to right, not overlapping), as
    (start, end)."""
    spans = []
    for needle in {n for n in needles if n}:
        start = text.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = text.find(needle, start + len(needle))
    return spans


def _overlaps(span: tuple[int, int], spans) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _digit_value(digits: str) -> float:
    """'3,7' -> 3.7, '1,500' -> 1500, '9.3' -> 9.3: a separator before exactly three digits
    groups thousands, any other is a decimal point."""
    parts = re.split(r"[.,٫]", digits)
    if len(parts) == 1:
        return float(parts[0])
    if all(len(p) == 3 for p in parts[1:]):
        return float("".join(parts))
    return float("".join(parts[:-1]) + "." + parts[-1])


def numbers_in(text: str, masked: list[tuple[int, int]] | None = None) -> list[tuple[str, float, int, int]]:
    """Numbers a sentence gives, written in digits ("60 مليون", "9.3") or in words ("ستة آلاف",
    with pyarabic), as (surface, value, start, end); spans overlapping `masked` (dates, names)
    are skipped."""
    masked = list(masked or [])
    found: list[tuple[str, float, int, int]] = []
    for m in _DIGIT_NUMBER.finditer(text):
        value = _digit_value(fold(m.group(1)))
        end = m.end(1)
        scale = _SCALE_WORDS.get(fold(m.group(2) or ""))
        if scale:
            value, end = value * scale, m.end(2)
        if not _overlaps((m.start(), end), masked):
            found.append((text[m.start() : end], value, m.start(), end))
    taken = masked + [(s, e) for _, _, s, e in found]
    search_from = 0
    for phrase in arabic_number.extract_number_phrases(text):
        words = [w for w in araby.tokenize(phrase) if not w.isdigit()]
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
        m = re.compile(pattern).search(text, search_from)
        if not m:
            continue
        search_from = m.end()
        value = float(arabic_number.text2number(" ".join(words)))
        if value and not _overlaps((m.start(), m.end()), taken):
            found.append((m.group(0), value, m.start(), m.end()))
    return sorted(found, key=lambda f: f[2])


def _format_number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _sentence_keys(column: pd.Series) -> list[int | None]:
    """Sentence ids as ints (None where missing), whatever the column's dtype."""
    numbers = pd.to_numeric(column, errors="coerce")
    return [
        None if missing else int(v)
        for v, missing in zip(
            numbers.fillna(-1).astype("int64").tolist(), numbers.isna().tolist(), strict=True
        )
    ]


class _DocumentIndex:
    """The timeline and entity rows of each document of `doc_ids`, as plain tuples (an account
    reads a handful of them; filtering the whole tables per account would be quadratic)."""

    def __init__(self, timeline: pd.DataFrame, entities: pd.DataFrame, doc_ids: set[str]):
        timeline = timeline[timeline["doc_id"].astype(str).isin(doc_ids)]
        self.timex: dict[str, list[tuple]] = defaultdict(list)
        for doc_id, sentence_id, value, text in zip(
            timeline["doc_id"].astype(str).tolist(),
            _sentence_keys(timeline["sentence_id"]),
            timeline["value"].tolist(),
            timeline["text"].tolist(),
            strict=True,
        ):
            self.timex[doc_id].append((sentence_id, value, text))
        entities = entities[entities["doc_id"].astype(str).isin(doc_ids)]
        self.mentions: dict[str, list[tuple]] = defaultdict(list)
        for doc_id, sentence_id, entity_id, surface in zip(
            entities["doc_id"].astype(str).tolist(),
            _sentence_keys(entities["sentence_id"]),
            entities["entity_id"].astype(str).tolist(),
            entities["surface"].astype(str).tolist(),
            strict=True,
        ):
            self.mentions[doc_id].append((sentence_id, entity_id, surface))


def _account(doc_id: str, rows: list[dict], index: _DocumentIndex) -> dict:
    """What one document says about one event (`rows`: its event rows, in sentence order): its
    sentences, dates, participants, numbers."""
    sentence_ids = list(dict.fromkeys(r["sentence_id"] for r in rows))
    sentences = list(dict.fromkeys(str(r["text"]) for r in rows))
    in_sentences = {int(i) for i in sentence_ids if pd.notna(i)}
    dates = {
        str(value): str(text)
        for sentence_id, value, text in index.timex.get(doc_id, ())
        if sentence_id in in_sentences and has_text(value)
    }
    for r in rows:
        if has_text(r["value"]):
            dates.setdefault(str(r["value"]), str(r["value"]))
    doc_mentions = index.mentions.get(doc_id, ())
    entity_ids = {entity_id for sentence_id, entity_id, _ in doc_mentions if sentence_id in in_sentences}
    for r in rows:
        entity_ids.update(split_ids(r["entity_ids"]))
    surfaces = defaultdict(set)
    for _, entity_id, surface in doc_mentions:
        if entity_id in entity_ids:
            surfaces[entity_id].add(surface)
    timex_texts = [t for r in rows for t in split_ids(r.get("timex"))]
    needles = list(dates.values()) + [s for v in surfaces.values() for s in v]
    numbers: dict[float, str] = {}
    for sentence in sentences:
        masked = _spans_of(sentence, needles) + _spans_of(sentence, timex_texts)
        for surface, value, _, _ in _numbers_in_cached(sentence, tuple(sorted(masked))):
            numbers.setdefault(value, surface)
    return {
        "doc_id": doc_id,
        "sentence_ids": sentence_ids,
        "sentences": sentences,
        "dates": dates,
        "entity_ids": entity_ids,
        "surfaces": surfaces,
        "numbers": numbers,
    }


@lru_cache(maxsize=4096)
def _numbers_in_cached(sentence: str, masked: tuple) -> list:
    return numbers_in(sentence, list(masked))


def _differences(
    account: dict, in_accounts: dict[str, Counter], names: dict[str, str]
) -> tuple[str, set[str], dict]:
    """Human-readable differences of one account from the others (`in_accounts`: per kind, in
    how many accounts of the event each item is), the surfaces to highlight, and the differing
    items by kind."""

    def only_here(kind: str, items) -> list:
        return [item for item in items if in_accounts[kind][item] == 1]

    only_dates = sorted(only_here("dates", account["dates"]))
    only_entities = sorted(only_here("entities", account["entity_ids"]), key=lambda e: (names.get(e, e), e))
    only_numbers = sorted(only_here("numbers", account["numbers"]))
    parts, highlight = [], set()
    if only_dates:
        shown = [f"{account['dates'][v]} ({v})" if account["dates"][v] != v else v for v in only_dates]
        parts.append("تعابير زمنية لا يذكرها غيره: " + "، ".join(shown))
        highlight.update(account["dates"][v] for v in only_dates)
    if only_entities:
        parts.append("مشاركون لا يذكرهم غيره: " + "، ".join(names.get(e, e) for e in only_entities))
        for e in only_entities:
            highlight.update(account["surfaces"].get(e, ()))
    if only_numbers:
        shown = [f"{account['numbers'][v]} ({_format_number(v)})" for v in only_numbers]
        parts.append("أرقام لا يذكرها غيره: " + "، ".join(shown))
        highlight.update(account["numbers"][v] for v in only_numbers)
    kinds = {"dates": only_dates, "entities": only_entities, "numbers": only_numbers}
    return DIFF_SEP.join(parts), highlight, kinds


def shared_events(
    events: pd.DataFrame,
    event_clusters: pd.DataFrame,
    timeline: pd.DataFrame,
    entities: pd.DataFrame,
    workers: int | None = None,
) -> pd.DataFrame:
    """The events two or more documents report (event clusters spanning several documents), one
    row per (cluster, document): cluster_id, value, label, doc_id, sentence (the document's
    sentences about it, joined by ' … '), entity_ids, dates / numbers (what this account gives),
    only_dates / only_entities / only_numbers (what no other account of the event gives),
    differences (the same in words) and highlight (the surfaces to mark in the sentence). The
    clusters are read in `workers` local processes (`engine.map_list`)."""
    columns = catalog.columns("shared_events")
    clustered = events.dropna(subset=["cluster_id"])
    names = dict(entity_names(entities)[["entity_id", "canonical"]].itertuples(index=False))
    labels = event_clusters["label"] if "label" in event_clusters else [""] * len(event_clusters)
    clusters_by_id = dict(
        zip(event_clusters["cluster_id"], zip(event_clusters["value"], labels, strict=True), strict=True)
    )
    index = _DocumentIndex(timeline, entities, set(clustered["doc_id"].astype(str)))
    by_cluster: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    wanted = [
        c
        for c in ("cluster_id", "doc_id", "sentence_id", "value", "text", "entity_ids", "timex")
        if c in clustered
    ]
    for record in clustered.sort_values("sentence_id", kind="stable")[wanted].to_dict("records"):
        by_cluster[record["cluster_id"]][str(record["doc_id"])].append(record)
    read = partial(
        _cluster_rows, by_cluster=by_cluster, index=index, names=names, clusters_by_id=clusters_by_id
    )
    return pd.DataFrame(map_list(read, sorted(by_cluster), workers), columns=columns)


def _cluster_rows(
    cluster_ids: list[str],
    *,
    by_cluster: dict[str, dict[str, list[dict]]],
    index: _DocumentIndex,
    names: dict[str, str],
    clusters_by_id: dict[str, tuple],
) -> list[dict]:
    """`shared_events`' rows of the clusters `cluster_ids` that span two documents or more."""
    rows = []
    for cluster_id in cluster_ids:
        by_doc = by_cluster[cluster_id]
        if len(by_doc) < 2:
            continue
        accounts = [_account(d, by_doc[d], index) for d in sorted(by_doc)]
        in_accounts = {"dates": Counter(), "entities": Counter(), "numbers": Counter()}
        for account in accounts:
            in_accounts["dates"].update(account["dates"].keys())
            in_accounts["entities"].update(account["entity_ids"])
            in_accounts["numbers"].update(account["numbers"].keys())
        if cluster_id in clusters_by_id:
            value, label = clusters_by_id[cluster_id]
        else:
            value, label = min(r["value"] for d in by_doc.values() for r in d if pd.notna(r["value"])), ""
        for account in accounts:
            text, highlight, only = _differences(account, in_accounts, names)
            rows.append(
                {
                    "cluster_id": cluster_id,
                    "value": value,
                    "label": label,
                    "doc_id": account["doc_id"],
                    "sentence": " … ".join(account["sentences"]),
                    "entity_ids": join_ids(account["entity_ids"]),
                    "dates": join_ids(account["dates"]),
                    "numbers": join_ids(_format_number(v) for v in account["numbers"]),
                    "only_dates": join_ids(only["dates"]),
                    "only_entities": join_ids(only["entities"]),
                    "only_numbers": join_ids(_format_number(v) for v in only["numbers"]),
                    "differences": text,
                    "highlight": join_ids(highlight),
                }
            )
    return rows


def _marked(sentence: str, highlight: list[str]) -> str:
    """The sentence as HTML with every highlighted surface wrapped in <mark> (longest first,
    no overlaps)."""
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(_spans_of(sentence, highlight), key=lambda s: (-(s[1] - s[0]), s[0])):
        if not _overlaps((start, end), chosen):
            chosen.append((start, end))
    out, position = [], 0
    for start, end in sorted(chosen):
        out.append(html.escape(sentence[position:start]))
        out.append(f"<mark>{html.escape(sentence[start:end])}</mark>")
        position = end
    out.append(html.escape(sentence[position:]))
    return "".join(out)


_LATIN_RUN = re.compile(r"[0-9A-Za-z][0-9A-Za-z_:/.,+\-]*[0-9A-Za-z]|[0-9A-Za-z]")


def _html_text(text: str) -> str:
    """Escaped text with each run of Latin letters and digits (ISO dates, ids, TIMEX values)
    isolated left-to-right, so the bidi algorithm cannot scramble it inside Arabic."""
    out, position = [], 0
    for m in _LATIN_RUN.finditer(text):
        out.append(html.escape(text[position : m.start()]))
        out.append(f'<bdi dir="ltr">{html.escape(m.group(0))}</bdi>')
        position = m.end()
    out.append(html.escape(text[position:]))
    return "".join(out)


def html_side_by_side(
    shared: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    max_events: int = 20,
    max_accounts: int = 6,
) -> str:
    """The shared events as HTML: one right-to-left table per event with each document's account
    in its own column, what only that account gives marked with <mark>, and the differences
    spelled out underneath; the caption gives the event's cluster id, date and number of
    documents. Columns are headed by outlet when `documents` is given. At most `max_events`
    events, those reported by most documents first, and `max_accounts` accounts of each (in
    doc_id order; the caption says how many are shown, the table has them all)."""
    if shared.empty:
        return '<p dir="rtl" lang="ar">لا توجد أحداث يرويها أكثر من مقال واحد.</p>'
    outlets = {}
    if documents is not None and "outlet" in documents:
        outlets = {
            str(d): o for d, o in documents[["doc_id", "outlet"]].itertuples(index=False) if has_text(o)
        }
    sizes = shared.groupby("cluster_id")["doc_id"].nunique()
    order = sorted(sizes.index, key=lambda c: (-sizes[c], str(c)))[:max_events]
    blocks = []
    for cluster_id in order:
        accounts = shared[shared["cluster_id"] == cluster_id].sort_values("doc_id")
        first = accounts.iloc[0]
        title = f"الحدث {first['cluster_id']} · {first['value']} · عدد المقالات: {len(accounts)}"
        if len(accounts) > max_accounts:
            title += f" (تعرض {max_accounts} منها)"
            accounts = accounts.head(max_accounts)
        head = "".join(
            f"<th>{html.escape(outlets.get(str(d), ''))} {_html_text(str(d))}</th>"
            for d in accounts["doc_id"]
        )
        sentences = "".join(
            f"<td>{_marked(r.sentence, split_ids(r.highlight))}</td>" for r in accounts.itertuples()
        )
        differences = "".join(
            f"<td>{_html_text(r.differences) if r.differences else 'لا اختلاف'}</td>"
            for r in accounts.itertuples()
        )
        blocks.append(
            f'<table class="shared-event" dir="rtl" lang="ar">'
            f"<caption>{_html_text(title)}</caption>"
            f"<thead><tr><th></th>{head}</tr></thead>"
            f"<tbody><tr><th>الرواية</th>{sentences}</tr>"
            f"<tr><th>الاختلافات</th>{differences}</tr></tbody></table>"
        )
    return '<div dir="rtl" lang="ar">' + "\n".join(blocks) + "</div>"
