"""Comparison tables across the corpus: who each document puts forward, which events several
documents report and how their accounts differ, and how close the documents are in wording.

Every function takes the stage tables as pandas DataFrames and returns a new DataFrame sorted
deterministically (ties broken by id). List-valued columns are '|'-joined sorted strings.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd
import pyarabic.number as arabic_number
from pyarabic import araby
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from helpers.io import join_ids, split_ids
from helpers.text import fold, stopwords, tokenize

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


def _has_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _analysed_doc_ids(documents: pd.DataFrame) -> list[str]:
    """Ids of the documents to analyse, sorted: those with a body (and status 'ok' when the
    table has a status: empty or non-Arabic inputs are left out)."""
    keep = documents["body"].map(_has_text)
    if "status" in documents:
        keep &= documents["status"] == "ok"
    return sorted(documents.loc[keep, "doc_id"].astype(str).unique())


def _entity_names(entities: pd.DataFrame) -> pd.DataFrame:
    """One row per entity_id: its canonical name and type (the most frequent, ties by value)."""
    rows = []
    for entity_id, group in entities.groupby("entity_id", sort=True):
        names = Counter(group["canonical"].fillna(group["surface"]).astype(str))
        types = Counter(group["type"].astype(str))
        rows.append(
            {
                "entity_id": entity_id,
                "canonical": min(names, key=lambda n: (-names[n], n)),
                "type": min(types, key=lambda t: (-types[t], t)),
            }
        )
    return pd.DataFrame(rows, columns=["entity_id", "canonical", "type"])


def corpus_overview(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per document: doc_id, title, outlet, author, published, n_tokens, status.
    `n_tokens` is counted from the body when the table does not have it."""
    overview = documents.copy()
    if "n_tokens" not in overview:
        overview["n_tokens"] = overview["body"].map(lambda b: len(tokenize(b)) if _has_text(b) else 0)
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
    columns = ["doc_id", "entity_id", "canonical", "type", "mentions", "weight"]
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


def cooccurrence(entities: pd.DataFrame) -> pd.DataFrame:
    """Pairs of entities named in the same sentence: entity_a < entity_b, n_sentences (how many
    sentences name both), doc_ids. Title mentions (no sentence_id) are left out."""
    columns = ["entity_a", "entity_b", "n_sentences", "doc_ids"]
    in_body = entities.dropna(subset=["sentence_id"])
    n_sentences: Counter = Counter()
    doc_ids: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (doc_id, _), group in in_body.groupby(["doc_id", "sentence_id"], sort=True):
        for pair in combinations(sorted(group["entity_id"].astype(str).unique()), 2):
            n_sentences[pair] += 1
            doc_ids[pair].add(str(doc_id))
    rows = [(a, b, n, join_ids(doc_ids[(a, b)])) for (a, b), n in n_sentences.items()]
    cooc = pd.DataFrame(rows, columns=columns)
    cooc = cooc.sort_values(["n_sentences", "entity_a", "entity_b"], ascending=[False, True, True])
    return cooc.reset_index(drop=True)


def cooccurrence_graph(cooc: pd.DataFrame, catalogue: pd.DataFrame, min_weight: int = 1) -> nx.Graph:
    """The co-occurrence pairs with at least `min_weight` shared sentences as a graph: nodes are
    entity ids (attributes label, type, n_mentions from the catalogue), edges carry weight
    (n_sentences) and doc_ids."""
    info = catalogue.set_index("entity_id") if not catalogue.empty else pd.DataFrame()
    graph = nx.Graph()
    kept = cooc[cooc["n_sentences"] >= min_weight]
    for entity_id in sorted(set(kept["entity_a"]) | set(kept["entity_b"])):
        row = info.loc[entity_id] if entity_id in info.index else {}
        canonical, n_mentions = row.get("canonical"), row.get("n_mentions")
        graph.add_node(
            entity_id,
            label=canonical if _has_text(canonical) else entity_id,
            type=str(row.get("type", "")),
            n_mentions=int(n_mentions) if pd.notna(n_mentions) else 1,
        )
    for row in kept.itertuples(index=False):
        graph.add_edge(row.entity_a, row.entity_b, weight=int(row.n_sentences), doc_ids=row.doc_ids)
    return graph


# --- shared events ------------------------------------------------------------------------


def _spans_of(text: str, needles) -> list[tuple[int, int]]:
    """Every occurrence of each non-empty needle in text, as (start, end)."""
    spans = []
    for needle in {n for n in needles if n}:
        spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(needle), text))
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


def _account(doc_id: str, rows: pd.DataFrame, timeline: pd.DataFrame, entities: pd.DataFrame) -> dict:
    """What one document says about one event: its sentences, dates, participants, numbers."""
    rows = rows.sort_values("sentence_id")
    sentence_ids = list(dict.fromkeys(rows["sentence_id"].tolist()))
    sentences = list(dict.fromkeys(rows["text"].astype(str).tolist()))
    in_doc = timeline[(timeline["doc_id"] == doc_id) & timeline["sentence_id"].isin(sentence_ids)]
    dates = {str(r.value): str(r.text) for r in in_doc.itertuples() if _has_text(r.value)}
    for value in rows["value"]:
        if _has_text(value):
            dates.setdefault(str(value), str(value))
    doc_mentions = entities[entities["doc_id"] == doc_id]
    in_sentences = doc_mentions[doc_mentions["sentence_id"].isin(sentence_ids)]
    entity_ids = set(in_sentences["entity_id"].astype(str))
    for cell in rows["entity_ids"]:
        entity_ids.update(split_ids(cell))
    surfaces = defaultdict(set)
    for r in doc_mentions[doc_mentions["entity_id"].isin(entity_ids)].itertuples():
        surfaces[str(r.entity_id)].add(str(r.surface))
    numbers: dict[float, str] = {}
    for sentence in sentences:
        masked = _spans_of(sentence, list(dates.values()) + [s for v in surfaces.values() for s in v])
        for cell in rows["timex"] if "timex" in rows else []:
            masked += _spans_of(sentence, split_ids(cell))
        for surface, value, _, _ in numbers_in(sentence, masked):
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


def _differences(account: dict, others: list[dict], names: dict[str, str]) -> tuple[str, set[str], dict]:
    """Human-readable differences of one account from the others, the surfaces to highlight,
    and the differing items by kind."""
    other_dates = set().union(*(o["dates"] for o in others))
    other_entities = set().union(*(o["entity_ids"] for o in others))
    other_numbers = set().union(*(o["numbers"] for o in others))
    only_dates = sorted(set(account["dates"]) - other_dates)
    only_entities = sorted(account["entity_ids"] - other_entities, key=lambda e: (names.get(e, e), e))
    only_numbers = sorted(set(account["numbers"]) - other_numbers)
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
    events: pd.DataFrame, event_clusters: pd.DataFrame, timeline: pd.DataFrame, entities: pd.DataFrame
) -> pd.DataFrame:
    """The events two or more documents report (event clusters spanning several documents), one
    row per (cluster, document): cluster_id, value, label, doc_id, sentence (the document's
    sentences about it, joined by ' … '), entity_ids, dates / numbers (what this account gives),
    only_dates / only_entities / only_numbers (what no other account of the event gives),
    differences (the same in words) and highlight (the surfaces to mark in the sentence)."""
    columns = [
        "cluster_id",
        "value",
        "label",
        "doc_id",
        "sentence",
        "entity_ids",
        "dates",
        "numbers",
        "only_dates",
        "only_entities",
        "only_numbers",
        "differences",
        "highlight",
    ]
    clustered = events.dropna(subset=["cluster_id"])
    names = dict(_entity_names(entities)[["entity_id", "canonical"]].itertuples(index=False))
    cluster_info = event_clusters.set_index("cluster_id") if not event_clusters.empty else None
    rows = []
    for cluster_id, group in clustered.groupby("cluster_id", sort=True):
        doc_ids = sorted(group["doc_id"].astype(str).unique())
        if len(doc_ids) < 2:
            continue
        accounts = [_account(d, group[group["doc_id"] == d], timeline, entities) for d in doc_ids]
        info = (
            cluster_info.loc[cluster_id]
            if cluster_info is not None and cluster_id in cluster_info.index
            else {}
        )
        for account in accounts:
            others = [o for o in accounts if o is not account]
            text, highlight, only = _differences(account, others, names)
            rows.append(
                {
                    "cluster_id": cluster_id,
                    "value": info.get("value", group["value"].dropna().min()),
                    "label": info.get("label", ""),
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
    return pd.DataFrame(rows, columns=columns)


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
    shared: pd.DataFrame, documents: pd.DataFrame | None = None, max_events: int = 20
) -> str:
    """The shared events as HTML: one right-to-left table per event with each document's account
    in its own column, what only that account gives marked with <mark>, and the differences
    spelled out underneath; the caption gives the event's cluster id, date and number of
    documents. Columns are headed by outlet when `documents` is given. At most `max_events`
    events, those reported by most documents first."""
    if shared.empty:
        return '<p dir="rtl" lang="ar">لا توجد أحداث يرويها أكثر من مقال واحد.</p>'
    outlets = {}
    if documents is not None and "outlet" in documents:
        outlets = {
            str(d): o for d, o in documents[["doc_id", "outlet"]].itertuples(index=False) if _has_text(o)
        }
    sizes = shared.groupby("cluster_id")["doc_id"].nunique()
    order = sorted(sizes.index, key=lambda c: (-sizes[c], str(c)))[:max_events]
    blocks = []
    for cluster_id in order:
        accounts = shared[shared["cluster_id"] == cluster_id].sort_values("doc_id")
        first = accounts.iloc[0]
        title = f"الحدث {first['cluster_id']} · {first['value']} · عدد المقالات: {len(accounts)}"
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


def content_terms(text: str) -> list[str]:
    """Folded word tokens of `text` without stop words, numbers or one-letter tokens."""
    stop = stopwords()
    terms = []
    for token in tokenize(text):
        term = fold(token)
        if len(term) > 1 and any(c.isalpha() for c in term) and term not in stop:
            terms.append(term)
    return terms


def doc_similarity(documents: pd.DataFrame) -> pd.DataFrame:
    """Cosine similarity of the documents' tf-idf vectors (scikit-learn, over `content_terms`),
    for ALL ordered pairs including a document with itself (so the table pivots straight into
    a square matrix): doc_a, doc_b, cosine."""
    doc_ids = _analysed_doc_ids(documents)
    if not doc_ids:
        return pd.DataFrame(columns=["doc_a", "doc_b", "cosine"])
    bodies = documents.drop_duplicates("doc_id").set_index("doc_id")["body"]
    vectorizer = TfidfVectorizer(analyzer=content_terms, sublinear_tf=True)
    matrix = vectorizer.fit_transform([bodies[d] for d in doc_ids])
    cosine = cosine_similarity(matrix)
    rows = [
        (a, b, float(round(cosine[i, j], 6))) for i, a in enumerate(doc_ids) for j, b in enumerate(doc_ids)
    ]
    return pd.DataFrame(rows, columns=["doc_a", "doc_b", "cosine"])


def distinctive_terms(
    documents: pd.DataFrame, top_n: int = 15, prior_scale: float | None = None
) -> pd.DataFrame:
    """The words that most set each document apart from the rest of the corpus, by the weighted
    log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
    Words: Lexical Feature Selection and Evaluation for Identifying the Content of Political
    Conflict", Political Analysis 16(4): 372-403):

        delta_w = log((y_wi + a_w) / (n_i + a_0 - y_wi - a_w))
                - log((y_wj + a_w) / (n_j + a_0 - y_wj - a_w))
        var(delta_w) ~ 1 / (y_wi + a_w) + 1 / (y_wj + a_w),   z_w = delta_w / sqrt(var)

    i the document, j the rest of the corpus, y counts of `content_terms`, n their totals, and
    the prior a_w = a_0 * (corpus count of w / corpus total) with a_0 = `prior_scale`
    (default: the corpus total, i.e. a_w is the corpus count). Returns doc_id, term (its most
    frequent spelling), z, count (in the document), count_rest: the `top_n` positive z per
    document, z descending, ties by term."""
    columns = ["doc_id", "term", "z", "count", "count_rest"]
    doc_ids = _analysed_doc_ids(documents)
    if len(doc_ids) < 2:
        return pd.DataFrame(columns=columns)
    bodies = documents.drop_duplicates("doc_id").set_index("doc_id")["body"]
    counts = {d: Counter(content_terms(bodies[d])) for d in doc_ids}
    spellings = _spellings(bodies[d] for d in doc_ids)
    corpus = sum(counts.values(), Counter())
    vocabulary = sorted(corpus)
    y_corpus = np.array([corpus[w] for w in vocabulary], dtype=float)
    n_corpus = y_corpus.sum()
    a0 = float(prior_scale) if prior_scale else n_corpus
    alpha = a0 * y_corpus / n_corpus
    rows = []
    for doc_id in doc_ids:
        y_i = np.array([counts[doc_id][w] for w in vocabulary], dtype=float)
        y_j = y_corpus - y_i
        n_i, n_j = y_i.sum(), y_j.sum()
        delta = np.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - np.log(
            (y_j + alpha) / (n_j + a0 - y_j - alpha)
        )
        z = delta / np.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
        ranked = sorted(
            (i for i in range(len(vocabulary)) if z[i] > 0 and y_i[i] > 0),
            key=lambda i: (-z[i], vocabulary[i]),
        )[:top_n]
        rows.extend(
            (
                doc_id,
                spellings.get(vocabulary[i], vocabulary[i]),
                float(round(z[i], 4)),
                int(y_i[i]),
                int(y_j[i]),
            )
            for i in ranked
        )
    return pd.DataFrame(rows, columns=columns)


def _spellings(texts) -> dict[str, str]:
    """The most frequent written form of each folded term (ties by form), for display."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for token in tokenize(text):
            forms[fold(token)][token] += 1
    return {term: min(c, key=lambda f: (-c[f], f)) for term, c in forms.items()}
