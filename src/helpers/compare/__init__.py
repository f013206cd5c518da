"""Comparison tables across the corpus: who each document puts forward, which events several
documents report and how their accounts differ, and how close the documents are in wording.

Every function takes the stage tables as pandas DataFrames and returns a new DataFrame sorted
deterministically (ties broken by id). List-valued columns are '|'-joined sorted strings.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from functools import lru_cache, partial

import networkx as nx
import numpy as np
import pandas as pd
import pyarabic.number as arabic_number
from pyarabic import araby
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.metrics.pairwise import cosine_similarity

from helpers import catalog
from helpers.core.engine import map_list
from helpers.core.io import has_text, join_ids, split_ids
from helpers.core.text import fold, stopwords, tokenize

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


def _analysed_doc_ids(documents: pd.DataFrame) -> list[str]:
    """Ids of the documents to analyse, sorted: those with a body (and status 'ok' when the
    table has a status: empty or non-Arabic inputs are left out)."""
    keep = documents["body"].map(has_text)
    if "status" in documents:
        keep &= documents["status"] == "ok"
    return sorted(documents.loc[keep, "doc_id"].astype(str).unique())


def _most_frequent(keys: pd.Series, values: pd.Series) -> pd.Series:
    """Per key (sorted), its most frequent value (ties: the smallest value)."""
    counts = pd.DataFrame({"key": keys.to_numpy(), "value": values.to_numpy()}).value_counts().rename("n")
    counts = counts.reset_index().sort_values(["key", "n", "value"], ascending=[True, False, True])
    return counts.drop_duplicates("key").set_index("key")["value"]


def _entity_names(entities: pd.DataFrame) -> pd.DataFrame:
    """One row per entity_id: its canonical name and type (the most frequent, ties by value)."""
    if entities.empty:
        return pd.DataFrame(columns=["entity_id", "canonical", "type"])
    ids = entities["entity_id"]
    names = _most_frequent(ids, entities["canonical"].fillna(entities["surface"]).astype(str))
    types = _most_frequent(ids, entities["type"].astype(str))
    return pd.DataFrame({"entity_id": names.index, "canonical": names.to_numpy(),
                         "type": types.reindex(names.index).to_numpy()})


def corpus_overview(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per document: doc_id, title, outlet, author, published, n_tokens, status.
    `n_tokens` is counted from the body when the table does not have it."""
    overview = documents.copy()
    if "n_tokens" not in overview:
        overview["n_tokens"] = overview["body"].map(lambda b: len(tokenize(b)) if has_text(b) else 0)
    for column in ("title", "outlet", "author", "published", "status"):
        if column not in overview:
            overview[column] = None
    columns = ["doc_id", "title", "outlet", "author", "published", "n_tokens", "status"]
    return overview[columns].sort_values("doc_id", kind="stable").reset_index(drop=True)


def entity_salience(entities: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Mentions of each entity in each document and a tf-idf weight
    `(1 + log mentions) * log(1 + N / n_docs)`, N the number of documents with a body.
    Columns doc_id, entity_id, canonical, type, mentions, weight; sorted by document, then
    weight descending."""
    columns = catalog.columns("entity_salience")
    if entities.empty:
        return pd.DataFrame(columns=columns)
    n_docs_total = max(len(_analysed_doc_ids(documents)), 1)
    counts = entities.groupby(["doc_id", "entity_id"]).size().rename("mentions").reset_index()
    doc_freq = counts.groupby("entity_id")["doc_id"].nunique()
    idf = np.log1p(n_docs_total / counts["entity_id"].map(doc_freq))
    counts["weight"] = (1 + np.log(counts["mentions"])) * idf
    salience = counts.merge(_entity_names(entities), on="entity_id", how="left")[columns]
    salience = salience.sort_values(["doc_id", "weight", "entity_id"], ascending=[True, False, True])
    return salience.reset_index(drop=True)


def entity_coverage(entities: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """How many documents mention each entity: entity_id, canonical, type, n_docs, scope, where
    scope is 'all' (every document with a body mentions it), 'one' (a single document) or 'some'.
    Sorted by n_docs descending, then entity_id."""
    columns = ["entity_id", "canonical", "type", "n_docs", "scope"]
    if entities.empty:
        return pd.DataFrame(columns=columns)
    n_docs_total = len(_analysed_doc_ids(documents))
    n_docs = entities.groupby("entity_id")["doc_id"].nunique().rename("n_docs").reset_index()
    coverage = n_docs.merge(_entity_names(entities), on="entity_id", how="left")
    coverage["scope"] = np.select(
        [coverage["n_docs"] >= n_docs_total, coverage["n_docs"] == 1], ["all", "one"], "some"
    )
    coverage = coverage[columns].sort_values(["n_docs", "entity_id"], ascending=[False, True])
    return coverage.reset_index(drop=True)


def _codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of `values` in sorted order of the values (so codes compare as the values
    do), and the sorted distinct values."""
    codes, uniques = pd.factorize(values, sort=True)
    return codes, np.asarray(uniques, dtype=object)


def cooccurrence(entities: pd.DataFrame) -> pd.DataFrame:
    """Pairs of entities named in the same sentence: entity_a < entity_b, n_sentences (how many
    sentences name both), doc_ids. Title mentions (no sentence_id) are left out. Computed on
    integer codes (a self-join per sentence), the names put back at the end."""
    columns = catalog.columns("cooccurrence")
    in_body = entities.dropna(subset=["sentence_id"])
    docs, doc_names = _codes(in_body["doc_id"].astype(str))
    ids, entity_names = _codes(in_body["entity_id"].astype(str))
    named = pd.DataFrame({"doc": docs, "sentence": in_body["sentence_id"].to_numpy(dtype=float),
                          "entity": ids}).drop_duplicates()
    pairs = named.merge(named, on=["doc", "sentence"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["entity_a"] < pairs["entity_b"]]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    key = ["entity_a", "entity_b"]
    cooc = pairs.groupby(key).size().rename("n_sentences").reset_index()
    in_docs = pairs[[*key, "doc"]].drop_duplicates().sort_values([*key, "doc"])
    doc_ids: dict[tuple[int, int], list[str]] = defaultdict(list)
    for a, b, doc in zip(*(in_docs[c].tolist() for c in (*key, "doc")), strict=True):
        doc_ids[(a, b)].append(doc_names[doc])
    pairs_found = zip(cooc["entity_a"].tolist(), cooc["entity_b"].tolist(), strict=True)
    cooc["doc_ids"] = ["|".join(doc_ids[pair]) for pair in pairs_found]
    cooc["entity_a"] = entity_names[cooc["entity_a"].to_numpy()]
    cooc["entity_b"] = entity_names[cooc["entity_b"].to_numpy()]
    cooc = cooc.sort_values(["n_sentences", "entity_a", "entity_b"], ascending=[False, True, True])
    return cooc.reset_index(drop=True)[columns]


def cooccurrence_graph(cooc: pd.DataFrame, catalogue: pd.DataFrame, min_weight: int = 1) -> nx.Graph:
    """The co-occurrence pairs with at least `min_weight` shared sentences as a graph: nodes are
    entity ids (attributes label, type, n_mentions from the catalogue), edges carry weight
    (n_sentences) and doc_ids."""
    info = ({} if catalogue.empty
            else catalogue.drop_duplicates("entity_id").set_index("entity_id").to_dict("index"))
    graph = nx.Graph()
    kept = cooc[cooc["n_sentences"] >= min_weight]
    for entity_id in sorted(set(kept["entity_a"]) | set(kept["entity_b"])):
        row = info.get(entity_id, {})
        canonical, n_mentions = row.get("canonical"), row.get("n_mentions")
        graph.add_node(
            entity_id,
            label=canonical if has_text(canonical) else entity_id,
            type=str(row.get("type", "")),
            n_mentions=int(n_mentions) if pd.notna(n_mentions) else 1,
        )
    for row in kept.itertuples(index=False):
        graph.add_edge(row.entity_a, row.entity_b, weight=int(row.n_sentences), doc_ids=row.doc_ids)
    return graph


# --- shared events ------------------------------------------------------------------------


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
    return [None if missing else int(v) for v, missing in
            zip(numbers.fillna(-1).astype("int64").tolist(), numbers.isna().tolist(), strict=True)]


class _DocumentIndex:
    """The timeline and entity rows of each document of `doc_ids`, as plain tuples (an account
    reads a handful of them; filtering the whole tables per account would be quadratic)."""

    def __init__(self, timeline: pd.DataFrame, entities: pd.DataFrame, doc_ids: set[str]):
        timeline = timeline[timeline["doc_id"].astype(str).isin(doc_ids)]
        self.timex: dict[str, list[tuple]] = defaultdict(list)
        for doc_id, sentence_id, value, text in zip(
                timeline["doc_id"].astype(str).tolist(), _sentence_keys(timeline["sentence_id"]),
                timeline["value"].tolist(), timeline["text"].tolist(), strict=True):
            self.timex[doc_id].append((sentence_id, value, text))
        entities = entities[entities["doc_id"].astype(str).isin(doc_ids)]
        self.mentions: dict[str, list[tuple]] = defaultdict(list)
        for doc_id, sentence_id, entity_id, surface in zip(
                entities["doc_id"].astype(str).tolist(), _sentence_keys(entities["sentence_id"]),
                entities["entity_id"].astype(str).tolist(), entities["surface"].astype(str).tolist(),
                strict=True):
            self.mentions[doc_id].append((sentence_id, entity_id, surface))


def _account(doc_id: str, rows: list[dict], index: _DocumentIndex) -> dict:
    """What one document says about one event (`rows`: its event rows, in sentence order): its
    sentences, dates, participants, numbers."""
    sentence_ids = list(dict.fromkeys(r["sentence_id"] for r in rows))
    sentences = list(dict.fromkeys(str(r["text"]) for r in rows))
    in_sentences = {int(i) for i in sentence_ids if pd.notna(i)}
    dates = {str(value): str(text) for sentence_id, value, text in index.timex.get(doc_id, ())
             if sentence_id in in_sentences and has_text(value)}
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


def _differences(account: dict, in_accounts: dict[str, Counter], names: dict[str, str]
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
    names = dict(_entity_names(entities)[["entity_id", "canonical"]].itertuples(index=False))
    labels = event_clusters["label"] if "label" in event_clusters else [""] * len(event_clusters)
    clusters_by_id = dict(zip(event_clusters["cluster_id"], zip(event_clusters["value"], labels, strict=True),
                              strict=True))
    index = _DocumentIndex(timeline, entities, set(clustered["doc_id"].astype(str)))
    by_cluster: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    wanted = [c for c in ("cluster_id", "doc_id", "sentence_id", "value", "text", "entity_ids", "timex")
              if c in clustered]
    for record in clustered.sort_values("sentence_id", kind="stable")[wanted].to_dict("records"):
        by_cluster[record["cluster_id"]][str(record["doc_id"])].append(record)
    read = partial(_cluster_rows, by_cluster=by_cluster, index=index, names=names,
                   clusters_by_id=clusters_by_id)
    return pd.DataFrame(map_list(read, sorted(by_cluster), workers), columns=columns)


def _cluster_rows(cluster_ids: list[str], *, by_cluster: dict[str, dict[str, list[dict]]],
                  index: _DocumentIndex, names: dict[str, str],
                  clusters_by_id: dict[str, tuple]) -> list[dict]:
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
    shared: pd.DataFrame, documents: pd.DataFrame | None = None, max_events: int = 20,
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


# --- wording --------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 17)
def _content_term(token: str) -> str | None:
    """The folded form of a word token, None for a stop word, a number or a one-letter token."""
    term = fold(token)
    if len(term) > 1 and any(c.isalpha() for c in term) and term not in stopwords():
        return term
    return None


def content_terms(text: str) -> list[str]:
    """Folded word tokens of `text` without stop words, numbers or one-letter tokens."""
    return [term for token in tokenize(text) if (term := _content_term(token))]


@lru_cache(maxsize=1)
def _term_counts(bodies: tuple[str, ...], workers: int | None = None) -> tuple[sparse.csr_matrix, list[str],
                                                                     dict[str, str]]:
    """Counts of `content_terms` in each body (documents x terms, the terms sorted: what
    scikit-learn's CountVectorizer gives), the terms, and the most frequent written form of
    each (ties by form). Cached for the last corpus: similarity and distinctive terms share it.
    Tokens are counted per document (by blocks of documents in `workers` local processes, see
    `engine.map_list`), then mapped to terms with one sparse product: only distinct tokens are
    folded."""
    column_of: dict[str, int] = {}
    blocks = []
    for indptr, indices, counts, tokens in map_list(_token_counts, list(bodies), workers):
        columns = np.array([column_of.setdefault(token, len(column_of)) for token in tokens], dtype=np.int64)
        blocks.append((counts, columns[indices], indptr))
    written = list(column_of)
    by_token = sparse.vstack([sparse.csr_matrix(block, shape=(len(block[2]) - 1, len(written)))
                              for block in blocks], format="csr")
    terms = [_content_term(token) for token in written]
    vocabulary = sorted({term for term in terms if term})
    column = {term: i for i, term in enumerate(vocabulary)}
    kept = [i for i, term in enumerate(terms) if term]
    to_term = sparse.csr_matrix(
        (np.ones(len(kept), dtype=np.int64), (kept, [column[terms[i]] for i in kept])),
        shape=(len(written), len(vocabulary)))
    matrix = (by_token @ to_term).tocsr()
    matrix.sort_indices()
    forms: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for token, n in zip(written, np.asarray(by_token.sum(axis=0)).ravel().tolist(), strict=True):
        forms[fold(token)].append((-n, token))
    spellings = {term: min(forms[term])[1] for term in vocabulary}
    return matrix, vocabulary, spellings


def _token_counts(bodies: list[str]) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]]:
    """Word-token counts of `bodies` as one CSR block over the block's own token columns:
    [(indptr, indices, counts, tokens)], listed for `map_list`."""
    column_of: dict[str, int] = {}
    indptr, indices, counts = [0], [], []
    for body in bodies:
        tokens = Counter(tokenize(body))
        indices.extend(column_of.setdefault(token, len(column_of)) for token in tokens)
        counts.extend(tokens.values())
        indptr.append(len(indices))
    return [(np.array(indptr, dtype=np.int64), np.array(indices, dtype=np.int64),
             np.array(counts, dtype=np.int64), list(column_of))]


def _bodies(documents: pd.DataFrame, doc_ids: list[str]) -> tuple[str, ...]:
    """The bodies of `doc_ids`, in that order."""
    return tuple(documents.drop_duplicates("doc_id").set_index("doc_id")["body"].loc[doc_ids])


#: Corpora of up to this many documents get the full similarity matrix; larger ones each
#: document's `top_k` most similar others.
FULL_MATRIX_DOCS = 50
#: Rows of the similarity matrix computed at a time (bounds the memory of large corpora), and the
#: largest tf-idf matrix (documents x terms) multiplied as dense arrays.
_SIMILARITY_BLOCK = 1024
_DENSE_CELLS = 50_000_000


def doc_similarity(documents: pd.DataFrame, top_k: int = 10, workers: int | None = None) -> pd.DataFrame:
    """Cosine similarity of the documents' tf-idf vectors (scikit-learn's tf-idf, sublinear tf,
    over `content_terms`): doc_a, doc_b, cosine. Up to FULL_MATRIX_DOCS documents, ALL ordered
    pairs including a document with itself (the table pivots straight into a square matrix);
    beyond, each document's `top_k` most similar other documents (cosine > 0, most similar
    first, ties by doc_b), the matrix computed by blocks of rows. `workers`: local processes
    that count the words and compute the blocks (`engine.map_list`)."""
    doc_ids = _analysed_doc_ids(documents)
    if not doc_ids:
        return pd.DataFrame(columns=catalog.columns("doc_similarity"))
    counts, _, _ = _term_counts(_bodies(documents, doc_ids), workers)
    matrix = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    if len(doc_ids) <= FULL_MATRIX_DOCS:
        cosine = cosine_similarity(matrix)
        rows = [(a, b, float(round(cosine[i, j], 6))) for i, a in enumerate(doc_ids)
                for j, b in enumerate(doc_ids)]
        return pd.DataFrame(rows, columns=catalog.columns("doc_similarity"))
    return _top_similar(matrix, doc_ids, top_k, workers)


def _top_similar(matrix: sparse.csr_matrix, doc_ids: list[str], top_k: int,
                 workers: int | None = None) -> pd.DataFrame:
    """Each row's `top_k` most similar other rows of an L2-normalised matrix.

    The similarity matrix is symmetric: it is computed by square blocks on and above the
    diagonal (in `workers` local processes), each block giving candidates to its rows and
    (transposed) to its columns, in float32 (fast BLAS on dense blocks when the matrix is small
    enough to hold densely, else sparse products). A row's best candidates are then scored
    exactly (float64)."""
    n = len(doc_ids)
    k = min(top_k, n - 1)
    wanted = min(k + 5, n - 1)  # a few more: float32 may rank pairs near the cut differently
    dense = matrix.shape[1] * n <= _DENSE_CELLS
    exact = matrix.toarray() if dense else matrix
    bounds = [(a, min(a + _SIMILARITY_BLOCK, n)) for a in range(0, n, _SIMILARITY_BLOCK)]
    rows = [(exact[a:b].astype(np.float32)) for a, b in bounds]
    found: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in bounds]
    pairs = [(i, j) for i in range(len(bounds)) for j in range(i, len(bounds))]
    score = partial(_block_candidates, rows=rows, bounds=bounds, wanted=wanted, dense=dense)
    for block, candidates in map_list(score, pairs, workers):
        found[block].append(candidates)
    ids = np.array(doc_ids, dtype=object)
    tables = []
    for (a, b), candidates in zip(bounds, found, strict=True):
        columns = np.concatenate([c for c, _ in candidates], axis=1)
        scores = np.concatenate([v for _, v in candidates], axis=1)
        best = np.argpartition(scores, scores.shape[1] - wanted, axis=1)[:, -wanted:]
        others = np.take_along_axis(columns, best, axis=1).ravel()
        these = np.repeat(np.arange(a, b), wanted)
        cosine = np.concatenate([_row_dots(exact, these[c:c + 2048], others[c:c + 2048])
                                 for c in range(0, len(these), 2048)])
        tables.append(pd.DataFrame({"doc_a": ids[these], "doc_b": ids[others], "cosine": cosine.round(6)}))
    pairs = pd.concat(tables, ignore_index=True)
    pairs = pairs[(pairs["cosine"] > 0) & (pairs["doc_a"] != pairs["doc_b"])]
    pairs = pairs.sort_values(["doc_a", "cosine", "doc_b"], ascending=[True, False, True])
    return pairs.groupby("doc_a", sort=False).head(k).reset_index(drop=True)


def _block_candidates(pairs: list[tuple[int, int]], *, rows: list, bounds: list[tuple[int, int]], wanted: int,
                      dense: bool) -> list[tuple[int, tuple[np.ndarray, np.ndarray]]]:
    """For each block pair (i, j) of the similarity matrix: (i, the `wanted` best columns of block
    i's rows among block j's and their scores), then the same for block j's rows among block
    i's when j != i."""
    found = []
    for i, j in pairs:
        product = rows[i] @ rows[j].T
        product = product if dense else product.toarray()
        if i == j:
            np.fill_diagonal(product, -1.0)  # not a document with itself
        found.append((i, _best_columns(product, bounds[j][0], wanted)))
        if j != i:
            found.append((j, _best_columns(np.ascontiguousarray(product.T), bounds[i][0], wanted)))
    return found


def _best_columns(scores: np.ndarray, offset: int, wanted: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, its `wanted` highest-scoring columns (numbered from `offset`) and their scores."""
    m = min(wanted, scores.shape[1])
    best = np.argpartition(scores, scores.shape[1] - m, axis=1)[:, -m:]
    return best + offset, np.take_along_axis(scores, best, axis=1)


def _row_dots(matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Dot products of rows a[i] and b[i] of a dense or sparse matrix (float64)."""
    if isinstance(matrix, np.ndarray):
        return np.einsum("ij,ij->i", matrix[a], matrix[b])
    return np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()


def distinctive_terms(
    documents: pd.DataFrame, top_n: int = 15, prior_scale: float | None = None, workers: int | None = None
) -> pd.DataFrame:
    """The words that most set each document apart from the rest of the corpus, by the weighted
    log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
    Words: Lexical Feature Selection and Evaluation for Identifying the Content of Political
    Conflict", Political Analysis 16(4): 372-403):

        delta_w = log((y_wi + a_w) / (n_i + a0 - y_wi - a_w))
                - log((y_wj + a_w) / (n_j + a0 - y_wj - a_w))
        var(delta_w) ~ 1 / (y_wi + a_w) + 1 / (y_wj + a_w),   z_w = delta_w / sqrt(var)

    i the document, j the rest of the corpus, y counts of `content_terms`, n their totals, and
    the prior a_w = a0 * (corpus count of w / corpus total) with a0 = `prior_scale`
    (default: the corpus total, i.e. a_w is the corpus count). Returns doc_id, term (its most
    frequent spelling), z, count (in the document), count_rest: the `top_n` positive z per
    document, z descending, ties by term. Computed for the terms each document uses only (the
    others cannot have a positive z), so the cost is linear in the corpus. `workers`: as for
    `doc_similarity` (the word counts are shared)."""
    columns = catalog.columns("distinctive_terms")
    doc_ids = _analysed_doc_ids(documents)
    if len(doc_ids) < 2:
        return pd.DataFrame(columns=columns)
    counts, vocabulary, spellings = _term_counts(_bodies(documents, doc_ids), workers)
    y_corpus = np.asarray(counts.sum(axis=0)).ravel().astype(float)
    n_corpus = y_corpus.sum()
    a0 = float(prior_scale) if prior_scale else n_corpus
    prior = a0 * y_corpus / n_corpus
    tables = [_log_odds_top(counts[a:a + _SIMILARITY_BLOCK], a, y_corpus, prior, a0, top_n)
              for a in range(0, len(doc_ids), _SIMILARITY_BLOCK)]  # by blocks of documents: bounded memory
    table = pd.concat(tables, ignore_index=True)
    ids = np.array(doc_ids, dtype=object)
    return pd.DataFrame({"doc_id": ids[table["doc"].to_numpy()],
                         "term": [spellings[vocabulary[t]] for t in table["term"]],
                         "z": table["z"].round(4).to_numpy(), "count": table["count"].to_numpy(),
                         "count_rest": table["count_rest"].to_numpy()}, columns=columns)


def _log_odds_top(counts: sparse.csr_matrix, first: int, y_corpus: np.ndarray, prior: np.ndarray,
                  a0: float, top_n: int) -> pd.DataFrame:
    """`distinctive_terms` for a block of documents (rows `first`...): doc (row number), term
    (column), z, count, count_rest of each document's `top_n` terms with a positive z."""
    n_corpus = y_corpus.sum()
    counts = counts.tocoo()
    doc, term = counts.row + first, counts.col
    y_i = counts.data.astype(float)
    alpha = prior[term]
    y_j = y_corpus[term] - y_i
    n_i = np.asarray(counts.sum(axis=1)).ravel().astype(float)[counts.row]
    n_j = n_corpus - n_i
    delta = (np.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
             - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
    z = delta / np.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
    keep = z > 0
    doc, term, z, y_i, y_j = doc[keep], term[keep], z[keep], y_i[keep], y_j[keep]
    order = np.lexsort((term, -z, doc))  # by document, z descending, then term (sorted vocabulary)
    table = pd.DataFrame({"doc": doc[order], "term": term[order], "z": z[order],
                          "count": y_i[order].astype(int), "count_rest": y_j[order].astype(int)})
    return table.groupby("doc", sort=False).head(top_n)
