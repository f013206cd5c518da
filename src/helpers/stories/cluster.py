"""Story clustering for Arabic news: which articles report the same concrete event.

Method (as in news-stream clustering, e.g. Miranda et al. 2018 and the Europe Media Monitor, and
NOT chaining through shared words):

1. Text. Title and body are folded and tokenised with the project's camel-tools helpers (see
   `textadapter`), Arabic stop words dropped, a light prefix/suffix stemmer applied (clitics such as
   "وال"/"بال" and plural/feminine endings would otherwise split the vocabulary).
2. Boilerplate. A body line that recurs in several articles of the same outlet on the same day
   (share/follow lines, signatures, "Next Previous" navigation, agency credit lines) is dropped before
   weighting; words in more than `max_df` of the documents are dropped. Wire copy shared by several
   *outlets* is kept: it is exactly the evidence that several outlets report one story.
3. Vectors. Sparse tf-idf (sublinear tf, smoothed idf) of unigrams and bigrams; the title vector and the
   body vector (same vocabulary) are L2-normalised separately and combined with `title_weight`.
4. Candidates. For each document, its neighbours among documents published within `window_days`
   (sparse dot products block by block, keeping the `k` most similar above `min_sim`; never a dense
   N x N matrix).
5. Title conflicts. Two articles whose titles name different persons, places or organisations (linked
   entity ids from the entities table, found in titles with a lexicon built from that table) or give
   different numbers of the same unit ("267 مخالفة" / "531 مخالفة") have their similarity multiplied by
   `conflict_factor`: same-template items (three executions, three congratulation cables) stay apart.
6. Clustering. Average linkage over that candidate graph: repeatedly merge the two clusters whose
   average pairwise similarity (pairs that are not candidates count as 0) is highest, until it falls
   below `threshold`. A document joins a cluster only if similar enough to its members *on average*,
   so two stories cannot be chained through one shared article.
7. Centroid pass: the clusters are merged again by average linkage over their centroids
   (`merge_threshold`), with the same conflict check on the names/numbers most of their titles give.
8. Cores: a cluster of >= `attach_min_docs` articles is a big story; a smaller cluster joins the core
   whose (fixed) centroid is most similar to its own, if >= `attach_threshold` and not conflicting.
   This gathers the facets of a big multi-angle story (reactions, visits, statements) without chaining.
   Entity-id features in the vectors (`entity_weight`) are available but off by default (no gain).

`cluster_stories` is deterministic: the same input gives the same clusters and ids (a story's id is its
smallest member doc_id).
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from helpers.catalog import columns
from helpers.core.io import has_text
from helpers.core.text import ARABIC_LETTER, fold, stopwords, tokenize

DEFAULTS = dict(
    threshold=0.20,
    merge_threshold=0.30,
    window_days=1,
    title_weight=0.5,
    k=60,
    min_sim=0.04,
    max_df=0.25,
    boilerplate_min_docs=3,
    ngram_range=(1, 2),
    body_tokens=300,
    attach_threshold=0.20,
    attach_min_docs=20,
    conflict_factor=0.3,
    entity_weight=0.0,
    entity_lead_sentences=3,
    frequent_entity_share=0.02,
    conflict_names=False,
    max_span_days=None,
)

_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


@lru_cache(maxsize=1 << 18)
def _stem(tok: str) -> str:
    if not ARABIC_LETTER.search(tok):
        return tok
    for p in _PREFIXES:
        if tok.startswith(p) and len(tok) - len(p) >= 3:
            tok = tok[len(p) :]
            break
    for s in _SUFFIXES:
        if tok.endswith(s) and len(tok) - len(s) >= 3:
            tok = tok[: -len(s)]
            break
    return tok


def _words(text: str, stops: frozenset) -> list[str]:
    out = []
    for t in tokenize(fold(text)):
        if t in stops or len(t) < 2:
            continue
        out.append(_stem(t))
    return out


IDF_ADD = 1.0  # smoothed idf: log((1+n)/(1+df)) + 1, as scikit-learn
UNDATED = np.iinfo(np.int64).min  # day number of a document without a usable date


def _day_numbers(docs: pd.DataFrame) -> np.ndarray:
    """Day number (days since 1970-01-01) per document: the calendar date as written (local date, not
    converted to UTC) of `published_at` where it parses, else of `published`, else of `date_anchor` (the
    pipeline's estimate for documents without a publication date; a full date only, "2022-08" is not
    used); documents with none get UNDATED: they have no window and are compared with every document."""
    out = np.full(len(docs), UNDATED, dtype=np.int64)
    for col in ("date_anchor", "published", "published_at"):  # later columns win where they parse
        if col not in docs:
            continue
        txt = docs[col].astype("string").str.strip()
        date = txt.str.extract(r"^(\d{4}-\d{2}-\d{2})", expand=False)
        t = pd.to_datetime(date, errors="coerce", format="%Y-%m-%d")
        # other spellings with a day ("06/08/2015 10:00"): let pandas try; "2022-08" (a month) stays undated
        rest = (
            t.isna()
            & txt.notna()
            & txt.str.contains(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}", regex=True).fillna(False)
        )
        if rest.any():
            t2 = pd.to_datetime(txt[rest], errors="coerce", format="mixed", dayfirst=True)
            if getattr(t2.dt, "tz", None) is not None:
                t2 = t2.dt.tz_localize(None)
            t[rest] = t2.dt.normalize()
        ok = t.notna().to_numpy()
        out[ok] = ((t[ok] - pd.Timestamp("1970-01-01")).dt.days).to_numpy(dtype=np.int64)
    return out


def _line_key(line: str) -> str:
    return re.sub(r"\s+", " ", fold(line)).strip()


def clean_bodies(docs: pd.DataFrame, days: np.ndarray, min_docs: int = 3) -> list[str]:
    """Bodies without boilerplate lines: a (normalised) line found in at least `min_docs` articles of the
    same outlet on the same day is dropped (agency credit lines, share buttons, signatures)."""
    outlets = docs["outlet"].fillna("").astype(str).tolist() if "outlet" in docs else [""] * len(docs)
    bodies = docs["body"].fillna("").astype(str).tolist()
    per_doc_lines = []
    count: dict = defaultdict(int)
    for o, d, b in zip(outlets, days, bodies, strict=False):
        keys = [_line_key(x) for x in b.splitlines()]
        per_doc_lines.append(keys)
        for k in set(keys):
            if k:
                count[(o, d, k)] += 1
    out = []
    for o, d, b, keys in zip(outlets, days, bodies, per_doc_lines, strict=False):
        lines = b.splitlines()
        kept = [ln for ln, k in zip(lines, keys, strict=False) if k and count[(o, d, k)] < min_docs]
        out.append("\n".join(kept))
    return out


def _grams(toks: list[str], bigrams: bool) -> list[str]:
    if not bigrams or len(toks) < 2:
        return toks
    return toks + [a + "_" + b for a, b in zip(toks, toks[1:], strict=False)]


def _count_matrix(token_lists, vocab: dict) -> sp.csr_matrix:
    """Term counts (rows = documents) over a growing vocabulary dict (token -> column)."""
    indptr = [0]
    indices: list[int] = []
    for toks in token_lists:
        get = vocab.setdefault
        indices.extend(get(t, len(vocab)) for t in toks)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    M = sp.csr_matrix(
        (data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(len(token_lists), max(len(vocab), 1)),
    )
    M.sum_duplicates()
    return M


def vectorize(
    docs: pd.DataFrame,
    days: np.ndarray,
    *,
    title_weight: float,
    max_df: float,
    boilerplate_min_docs: int,
    ngram_range=(1, 2),
    body_tokens: int = 300,
) -> sp.csr_matrix:
    """Row-normalised sparse document vectors: tf-idf (sublinear tf, smoothed idf) of stemmed unigrams
    and bigrams of the title and of the first `body_tokens` words of the cleaned body, the two fields
    normalised separately and combined as title_weight * title + (1 - title_weight) * body."""
    stops = stopwords()
    bigrams = ngram_range[1] >= 2
    titles = docs["title"].fillna("").astype(str).tolist()
    # section titles repeated within an outlet-day ("كاريكاتير", "موجز", "أخبار السوق") name no story
    outlets = docs["outlet"].fillna("").astype(str).tolist() if "outlet" in docs else [""] * len(docs)
    tkeys = [(o, d, _line_key(t)) for o, d, t in zip(outlets, days.tolist(), titles, strict=False)]
    tcount: dict = defaultdict(int)
    for k in tkeys:
        tcount[k] += 1
    titles = ["" if tcount[k] >= boilerplate_min_docs else t for k, t in zip(tkeys, titles, strict=False)]
    bodies = clean_bodies(docs, days, boilerplate_min_docs)
    # the lead carries the story; long columns would otherwise dominate (and cost) the vectors
    char_cap = body_tokens * 12
    t_g = [_grams(_words(t, stops), bigrams) for t in titles]
    b_g = [_grams(_words(b[:char_cap], stops)[:body_tokens], bigrams) for b in bodies]
    vocab: dict = {}
    T = _count_matrix(t_g, vocab)
    B = _count_matrix(b_g, vocab)
    V = len(vocab)
    T.resize((T.shape[0], V))
    B.resize((B.shape[0], V))
    n = max(len(docs), 1)
    df = np.asarray(((T + B) > 0).sum(axis=0)).ravel()
    keep = (df <= max(max_df * n, 10)) & (df >= 2)  # the cap is meaningless on tiny corpora
    idf = (np.log((1 + n) / (1 + df)) + IDF_ADD).astype(np.float32) * keep
    D = sp.diags(idf)

    def weigh(M):
        M = M.copy()
        M.data = 1.0 + np.log(M.data)
        M = M @ D
        M.eliminate_zeros()
        return normalize(M)

    X = normalize(title_weight * weigh(T) + (1.0 - title_weight) * weigh(B))
    return X.tocsr().astype(np.float32)


def entity_matrix(
    doc_ids, entities: pd.DataFrame | None, *, lead_sentences: int, max_df: float, lead_chars: int = 600
) -> sp.csr_matrix | None:
    """Row-normalised tf-idf of the entity ids an article names in its title or lead (body sentences
    before `lead_sentences`; when the entities table has no sentence_id, mentions starting before
    `lead_chars`). One row per doc_id (in the given order); None when there are no entities."""
    if entities is None or len(entities) == 0:
        return None
    e = entities
    field = e["field"].astype(str) if "field" in e else pd.Series("body", index=e.index)
    if "sentence_id" in e:
        lead = pd.to_numeric(e["sentence_id"], errors="coerce").fillna(10**9) < lead_sentences
    else:
        lead = pd.to_numeric(e["start"], errors="coerce").fillna(10**9) < lead_chars
    e = e[(field == "title") | ((field != "title") & lead)]
    pos = {d: i for i, d in enumerate(doc_ids)}
    rows = e["doc_id"].astype(str).map(pos)
    ok = rows.notna().to_numpy()
    if not ok.any():
        return None
    rows = rows[ok].astype(np.int64).to_numpy()
    codes, uniq = pd.factorize(e["entity_id"].astype(str)[ok], sort=True)
    n = len(doc_ids)
    M = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, codes)), shape=(n, len(uniq)))
    M.sum_duplicates()
    df = np.asarray((M > 0).sum(axis=0)).ravel()
    keep = (df <= max(max_df * n, 10)) & (df >= 2)
    idf = (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32) * keep
    M.data = 1.0 + np.log(M.data)
    M = M @ sp.diags(idf)
    M.eliminate_zeros()
    return normalize(M).tocsr().astype(np.float32)


def add_entities(X: sp.csr_matrix, E: sp.csr_matrix | None, weight: float) -> sp.csr_matrix:
    """Concatenate word and entity vectors so that entities carry `weight` of the squared norm of an
    article that names any (articles without entities keep their word vector)."""
    if E is None or weight <= 0:
        return X
    return normalize(sp.hstack([np.sqrt(1 - weight) * X, np.sqrt(weight) * E]).tocsr()).astype(np.float32)


# --- what a title names: linked entities and numbers with their unit --------------------------------


def title_keys(
    docs: pd.DataFrame,
    entities: pd.DataFrame | None,
    frequent_share: float,
    *,
    names: bool = True,
    lead_sentences: int = 3,
):
    """What each title names, as sparse binary matrices over documents (shared column vocabularies):
    per entity type, T (names in the title) and L (names in the title or the lead); U (units of the
    title's numbers written with digits) and V (unit+value pairs). Names are linked entity ids (no
    rule-made "per:..." ids, none in more than `frequent_share` of the articles): the entities table's
    rows for the title/lead plus the corpus lexicon's matches in the title (the entity stage misses
    clitic forms such as "بجازان"). With names=False (or no entities table) only numbers are used."""
    from .textfacts import NameLexicon, numbers, unit_match

    stops = stopwords()
    titles = docs["title"].fillna("").astype(str).tolist()
    n = len(titles)
    t_sets = [set() for _ in range(n)]
    l_sets = [set() for _ in range(n)]
    etype: dict = {}
    if names and entities is not None and len(entities):
        lex = NameLexicon(entities, frequent_share=frequent_share)
        etype = lex.type
        t_sets = [lex.find(t) for t in titles]
        l_sets = [set(x) for x in t_sets]
        e = entities[entities["entity_id"].isin(set(etype))]
        field = e["field"].astype(str) if "field" in e else pd.Series("body", index=e.index)
        sid = (
            pd.to_numeric(e["sentence_id"], errors="coerce")
            if "sentence_id" in e
            else pd.Series(np.nan, index=e.index)
        )
        pos = {d: i for i, d in enumerate(docs["doc_id"].astype(str))}
        cols = (e["doc_id"].astype(str), e["entity_id"].astype(str), field, sid)
        for d, eid, f, si in zip(*cols, strict=False):
            i = pos.get(d)
            if i is None:
                continue
            if f == "title":
                t_sets[i].add(eid)
                l_sets[i].add(eid)
            elif si == si and si < lead_sentences:
                l_sets[i].add(eid)
    # numbers written with digits only: number words in titles are often ordinals ("الذكرى السبعين")
    num_sets = [
        {(unit_match(u), v) for v, u, w in numbers(t, stops) if u and any(ch.isdigit() for ch in w)}
        for t in titles
    ]

    def binary(sets, vocab, key=lambda x: x):
        rows, cols = [], []
        for i, ss in enumerate(sets):
            for x in sorted(ss):
                rows.append(i)
                cols.append(vocab.setdefault(key(x), len(vocab)))
        return rows, cols

    def matrix(rows, cols, vocab):
        return sp.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, max(len(vocab), 1))
        )

    by_type = {}
    for t in ("PER", "LOC", "ORG"):
        vocab: dict = {}
        rt = binary([{x for x in ss if etype.get(x) == t} for ss in t_sets], vocab)
        rl = binary([{x for x in ss if etype.get(x) == t} for ss in l_sets], vocab)
        by_type[t] = (matrix(*rt, vocab), matrix(*rl, vocab))
    vu: dict = {}
    vv: dict = {}
    units = matrix(*binary(num_sets, vu, lambda x: x[0]), vu)
    values = matrix(*binary(num_sets, vv), vv)
    return by_type, units, values


def _rowdot(A: sp.csr_matrix, r: np.ndarray, c: np.ndarray, B: sp.csr_matrix | None = None) -> np.ndarray:
    """Dot products A[r[k]] . B[c[k]] (B defaults to A) for all k, vectorised by blocks."""
    B = A if B is None else B
    out = np.zeros(len(r), dtype=np.float32)
    step = 1 << 20
    for a in range(0, len(r), step):
        b = min(a + step, len(r))
        out[a:b] = np.asarray(A[r[a:b]].multiply(B[c[a:b]]).sum(axis=1)).ravel()
    return out


def conflicts(keys, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """For pairs (r[k], c[k]): True when
    * both titles name a person (or place, or organisation) and neither title's names of that type occur
      in the other article's title or lead ("Bolivia" vs "Burkina Faso"; a title naming Iran as the
      topic does not conflict with one naming Jeddah when the first article's lead names Jeddah), or
    * both titles give a number with the same unit word and no unit+value pair is shared
      ("267 مخالفة" vs "531 مخالفة")."""
    by_type, units, values = keys
    bad = np.zeros(len(r), dtype=bool)
    for T, L in by_type.values():
        has = np.asarray(T.sum(axis=1)).ravel() > 0
        m = has[r] & has[c]
        if m.any():
            idx = np.where(m)[0]
            ri, ci = r[idx], c[idx]
            bad[idx] |= (_rowdot(T, ri, ci, L) == 0) & (_rowdot(T, ci, ri, L) == 0)
    hasu = np.asarray(units.sum(axis=1)).ravel() > 0
    m = hasu[r] & hasu[c]
    if m.any():
        idx = np.where(m)[0]
        same_unit = _rowdot(units, r[idx], c[idx]) > 0
        same_val = _rowdot(values, r[idx], c[idx]) > 0
        bad[idx] |= same_unit & ~same_val
    return bad


def majority_keys(keys, M: sp.csr_matrix):
    """Cluster-level keys (M: clusters x documents membership): a title name/number counts for a cluster
    when at least half its members' titles give it; a lead name when any member's title or lead has it."""
    size = np.asarray(M.sum(axis=1)).ravel()

    def maj(A):
        C = (M @ A).tocsr()
        C.data = (C.data * 2 >= size[np.repeat(np.arange(C.shape[0]), np.diff(C.indptr))]).astype(np.float32)
        C.eliminate_zeros()
        return C

    def anyof(A):
        C = (M @ A).tocsr()
        C.data = np.ones_like(C.data)
        return C

    by_type, units, values = keys
    return {t: (maj(T), anyof(L)) for t, (T, L) in by_type.items()}, maj(units), maj(values)


def penalise(G: sp.csr_matrix, keys, factor: float) -> sp.csr_matrix:
    """Multiply the similarity of conflicting pairs by `factor` (1: no check)."""
    if keys is None or factor >= 1:
        return G
    G = G.tocoo()
    bad = conflicts(keys, G.row.astype(np.int64), G.col.astype(np.int64))
    if not bad.any():
        return G.tocsr()
    v = G.data.copy()
    v[bad] *= factor
    out = sp.csr_matrix((v, (G.row, G.col)), shape=G.shape)
    out.eliminate_zeros()
    return out


def candidate_graph(
    X: sp.csr_matrix, days: np.ndarray, *, window_days: int, k: int, min_sim: float, block: int = 512
) -> sp.csr_matrix:
    """Symmetric sparse matrix of candidate similarities: for each document the `k` most similar
    documents published within `window_days` (cosine >= `min_sim`). Computed block by block of rows
    against the documents of the allowed days only. Documents whose day is UNDATED have no window:
    they are compared with every document (and every document with them)."""
    n = X.shape[0]
    dated = days != UNDATED
    order = np.concatenate([np.where(dated)[0][np.argsort(days[dated], kind="stable")], np.where(~dated)[0]])
    nd = int(dated.sum())
    sdays = days[order]
    Xs = X[order].tocsr()
    XsT_und = Xs[nd:].T.tocsc() if nd < n else None
    rows, cols, vals = [], [], []
    start = 0
    while start < n:
        stop = min(start + block, n if start >= nd else nd)
        if start < nd:
            d0, d1 = sdays[start], sdays[stop - 1]
            lo = np.searchsorted(sdays[:nd], d0 - window_days, side="left")
            hi = np.searchsorted(sdays[:nd], d1 + window_days, side="right")
            S = (Xs[start:stop] @ Xs[lo:hi].T).tocsr()
            if XsT_und is not None:
                S = sp.hstack([S, (Xs[start:stop] @ XsT_und)]).tocsr()
                colmap = np.concatenate([np.arange(lo, hi), np.arange(nd, n)])
            else:
                colmap = np.arange(lo, hi)
        else:
            S = (Xs[start:stop] @ Xs.T).tocsr()
            colmap = np.arange(n)
        S.data[S.data < min_sim] = 0
        S.eliminate_zeros()
        for i in range(stop - start):
            a, b = S.indptr[i], S.indptr[i + 1]
            if a == b:
                continue
            c = colmap[S.indices[a:b]]
            v = S.data[a:b]
            gi = start + i
            if gi < nd:
                cd = np.where(c < nd, sdays[np.minimum(c, n - 1)], sdays[gi])  # undated columns: no window
                m = (c != gi) & (np.abs(cd - sdays[gi]) <= window_days)
            else:
                m = c != gi
            c, v = c[m], v[m]
            if len(v) > k:
                top = np.lexsort((c, -v))[:k]  # ties broken by position: deterministic
                c, v = c[top], v[top]
            rows.append(np.full(len(c), gi, dtype=np.int64))
            cols.append(c.astype(np.int64))
            vals.append(v.astype(np.float32))
        start = stop
    if rows:
        r, c, v = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
    else:
        r = c = np.zeros(0, dtype=np.int64)
        v = np.zeros(0, dtype=np.float32)
    G = sp.coo_matrix((v, (order[r], order[c])), shape=(n, n)).tocsr()
    G = G.maximum(G.T).tocsr()  # symmetric: an edge kept by either end
    return G


def average_linkage(
    G: sp.csr_matrix,
    threshold: float,
    days_lo: np.ndarray | None = None,
    days_hi: np.ndarray | None = None,
    max_span: float | None = None,
) -> np.ndarray:
    """Agglomerative clustering with average linkage on a sparse similarity graph (missing pairs count
    as similarity 0). Returns a cluster label per node (the smallest node index of its cluster).
    With days_lo/days_hi (per node: earliest/latest day, +inf/-inf when undated) and max_span, two
    clusters are never merged when their dated members would span more than max_span days."""
    n = G.shape[0]
    span_check = max_span is not None and days_lo is not None
    lo = [float(x) for x in days_lo] if span_check else None
    hi = [float(x) for x in days_hi] if span_check else None
    G = sp.triu(G, k=1).tocoo()
    size = [1] * n
    adj: list[dict] = [dict() for _ in range(n)]  # cluster -> {cluster: summed similarity}
    for i, j, v in zip(G.row.tolist(), G.col.tolist(), G.data.tolist(), strict=False):
        adj[i][j] = adj[i].get(j, 0.0) + v
        adj[j][i] = adj[j].get(i, 0.0) + v
    alive = [True] * n
    version = [0] * n
    heap = []
    for i in range(n):
        for j, s in adj[i].items():
            if i < j:
                avg = s / (size[i] * size[j])
                if avg >= threshold:
                    heap.append((-avg, i, j, 0, 0))
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        negavg, i, j, vi, vj = heapq.heappop(heap)
        if not (alive[i] and alive[j]) or version[i] != vi or version[j] != vj:
            continue
        if span_check and max(hi[i], hi[j]) - min(lo[i], lo[j]) > max_span:
            continue  # would join articles too far apart in time (e.g. through an undated one)
        # merge the smaller adjacency into the larger; the survivor keeps the smaller index as id
        a, b = (i, j) if len(adj[i]) >= len(adj[j]) else (j, i)
        s_ab = adj[a].pop(b, 0.0)
        adj[b].pop(a, None)
        for c, s in adj[b].items():
            adj[a][c] = adj[a].get(c, 0.0) + s
            d = adj[c]
            d.pop(b, None)
            d[a] = d.get(a, 0.0) + s
        adj[b] = {}
        size[a] += size[b]
        if span_check:
            lo[a], hi[a] = min(lo[a], lo[b]), max(hi[a], hi[b])
        alive[b] = False
        parent[b] = a
        version[a] += 1
        for c, s in adj[a].items():
            avg = s / (size[a] * size[c])
            if avg >= threshold:
                x, y = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-avg, x, y, version[x], version[y]))
        del s_ab
    # resolve roots, label = smallest member index
    root = np.array(parent)
    for i in range(n):
        r = i
        while root[r] != r:
            r = root[r]
        root[i] = r
    labels = np.empty(n, dtype=np.int64)
    smallest: dict = {}
    for i in range(n):
        smallest.setdefault(int(root[i]), i)
    for i in range(n):
        labels[i] = smallest[int(root[i])]
    return labels


def _membership(labels: np.ndarray):
    u, inv = np.unique(labels, return_inverse=True)
    n = len(labels)
    M = sp.csr_matrix((np.ones(n, dtype=np.float32), (inv, np.arange(n))), shape=(len(u), n))
    return u, inv, M


def _span_bounds(days: np.ndarray, inv: np.ndarray | None = None, nclusters: int | None = None):
    """Earliest and latest dated day per node (inv=None) or per cluster; +inf/-inf when undated."""
    lo = np.where(days == UNDATED, np.inf, days.astype(np.float64))
    hi = np.where(days == UNDATED, -np.inf, days.astype(np.float64))
    if inv is None:
        return lo, hi
    clo = np.full(nclusters, np.inf)
    chi = np.full(nclusters, -np.inf)
    np.minimum.at(clo, inv, lo)
    np.maximum.at(chi, inv, hi)
    return clo, chi


def _cluster_days(days: np.ndarray, inv: np.ndarray, nclusters: int) -> np.ndarray:
    """A cluster's day: its earliest dated member; UNDATED when no member is dated."""
    d = np.where(days == UNDATED, np.iinfo(np.int64).max, days)
    cdays = np.full(nclusters, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(cdays, inv, d)
    cdays[cdays == np.iinfo(np.int64).max] = UNDATED
    return cdays


def merge_clusters(
    X: sp.csr_matrix,
    days: np.ndarray,
    labels: np.ndarray,
    threshold: float,
    *,
    window_days: int,
    k: int = 60,
    min_sim: float = 0.1,
    keys=None,
    conflict_factor: float = 1.0,
    max_span: float | None = None,
) -> np.ndarray:
    """Second pass (centroid level, as in EMM-style centroid clustering): the clusters of the first
    pass are represented by their L2-normalised centroids and merged by average linkage over centroid
    cosines >= `threshold`. This joins the facets of one large story (the event, the officials' visit,
    the condemnations), whose articles are too varied for a pairwise average to hold them together,
    while a centroid is still a whole sub-story and cannot be chained through a single article.
    With title `keys`, clusters whose majority titles name different persons/places/organisations or
    numbers have their centroid similarity multiplied by `conflict_factor`."""
    if threshold is None or threshold <= 0 or threshold >= 1:
        return labels
    u, inv, M = _membership(labels)
    Cn = normalize(M @ X).tocsr().astype(np.float32)
    cdays = _cluster_days(days, inv, len(u))
    GC = candidate_graph(Cn, cdays, window_days=window_days, k=k, min_sim=min_sim)
    if keys is not None:
        GC = penalise(GC, majority_keys(keys, M), conflict_factor)
    lo, hi = _span_bounds(days, inv, len(u))
    lab2 = average_linkage(GC, threshold, lo, hi, max_span)
    return u[lab2[inv]]


def attach_to_cores(
    X: sp.csr_matrix,
    days: np.ndarray,
    labels: np.ndarray,
    threshold: float,
    *,
    min_docs: int,
    window_days: int,
    keys=None,
    max_span: float | None = None,
) -> np.ndarray:
    """Third pass for big multi-angle stories. Clusters of at least `min_docs` articles are cores
    (a story that many articles report has facets: reactions, visits, statements, follow-ups). Every
    smaller cluster whose centroid has cosine >= `threshold` with a core's centroid (and whose day is
    within the window, and whose majority title names/numbers do not conflict with the core's) joins
    its most similar core. Core centroids are fixed before any attachment and cores never join each
    other here, so nothing chains: each attachment is decided by the cluster's own similarity to a
    story that is already large."""
    if threshold is None or threshold <= 0 or min_docs is None:
        return labels
    u, inv, M = _membership(labels)
    size = np.asarray(M.sum(axis=1)).ravel()
    core = np.where(size >= min_docs)[0]
    if len(core) == 0 or len(core) == len(u):
        return labels
    Cn = normalize(M @ X).tocsr().astype(np.float32)
    cdays = _cluster_days(days, inv, len(u))
    S = (Cn @ Cn[core].T).tocsr()
    S.data[S.data < threshold] = 0
    S.eliminate_zeros()
    S = S.tocoo()
    r, c, v = S.row.astype(np.int64), S.col.astype(np.int64), S.data
    keep = size[r] < min_docs
    dr, dc = cdays[r], cdays[core[c]]
    both = (dr != UNDATED) & (dc != UNDATED)
    keep &= ~both | (np.abs(np.where(both, dr - dc, 0)) <= window_days)
    if max_span is not None:
        lo, hi = _span_bounds(days, inv, len(u))
        keep &= np.maximum(hi[r], hi[core[c]]) - np.minimum(lo[r], lo[core[c]]) <= max_span
    r, c, v = r[keep], c[keep], v[keep]
    if keys is not None and len(r):
        mk = majority_keys(keys, M)
        v = np.where(conflicts(mk, r, core[c]), 0.0, v)
        m = v >= threshold
        r, c, v = r[m], c[m], v[m]
    if len(r) == 0:
        return labels
    # best core per cluster (ties: the core with the smaller label)
    o = np.lexsort((u[core[c]], -v, r))
    r, c = r[o], c[o]
    first = np.r_[True, r[1:] != r[:-1]]
    newu = u.copy()
    newu[r[first]] = u[core[c[first]]]
    return newu[inv]


def cluster_stories(
    docs: pd.DataFrame,
    threshold: float = DEFAULTS["threshold"],
    window_days: int = DEFAULTS["window_days"],
    *,
    entities: pd.DataFrame | None = None,
    max_span_days: float | None = DEFAULTS["max_span_days"],
    merge_threshold: float | None = DEFAULTS["merge_threshold"],
    attach_threshold: float | None = DEFAULTS["attach_threshold"],
    attach_min_docs: int = DEFAULTS["attach_min_docs"],
    conflict_factor: float = DEFAULTS["conflict_factor"],
    conflict_names: bool = DEFAULTS["conflict_names"],
    entity_weight: float = DEFAULTS["entity_weight"],
    entity_lead_sentences: int = DEFAULTS["entity_lead_sentences"],
    frequent_entity_share: float = DEFAULTS["frequent_entity_share"],
    body_tokens: int = DEFAULTS["body_tokens"],
    title_weight: float = DEFAULTS["title_weight"],
    k: int = DEFAULTS["k"],
    min_sim: float = DEFAULTS["min_sim"],
    max_df: float = DEFAULTS["max_df"],
    boilerplate_min_docs: int = DEFAULTS["boilerplate_min_docs"],
    ngram_range=DEFAULTS["ngram_range"],
    return_vectors: bool = False,
):
    """Group articles by story.

    docs: DataFrame with doc_id, title, body, outlet, published (ISO date) and optionally published_at and
      date_anchor (the pipeline's estimated date, used when a document has no publication date). A
      document with no usable date has no window: it is compared with every document, but a story never
      spans more than `max_span_days` between its dated members (default: 3 x window_days), so an
      undated article cannot bridge two distant dates.
    entities (optional): the pipeline's entities table (doc_id, entity_id, type, surface, field,
      sentence_id); gives entity-id features for title + lead (`entity_weight`) and the title names
      used by the conflict check. Without it, the conflict check uses title numbers only.
    threshold: average-linkage threshold of the first (document) pass; merge_threshold: centroid cosine of
      the second pass (None: no second pass); attach_threshold / attach_min_docs: third pass, smaller
      clusters join a story of >= attach_min_docs articles when their centroid cosine with it is at
      least attach_threshold (None: no third pass); conflict_factor: similarity multiplier for pairs of
      articles (and clusters) whose titles name different persons/places/organisations or give different
      numbers of the same unit (1: no check); window_days: documents further apart are never compared.
    Returns DataFrame(doc_id, story_id) in the input order; story_id is the smallest doc_id of the story
    (singletons are their own story). With return_vectors=True also returns (X, G), the document vectors
    and the candidate graph.
    """
    docs = docs.reset_index(drop=True)
    if max_span_days is None:
        max_span_days = 3 * window_days
    if len(docs) == 0:
        out = pd.DataFrame({"doc_id": pd.Series([], dtype=str), "story_id": pd.Series([], dtype=str)})
        return (out, None, None) if return_vectors else out
    # deterministic node order: by doc_id, so the result does not depend on the input row order
    ids = docs["doc_id"].astype(str).to_numpy()
    order = np.argsort(ids, kind="stable")
    inv = np.empty_like(order)
    inv[order] = np.arange(len(order))
    docs = docs.iloc[order].reset_index(drop=True)
    sids = ids[order]
    days = _day_numbers(docs)
    X = vectorize(
        docs,
        days,
        title_weight=title_weight,
        max_df=max_df,
        boilerplate_min_docs=boilerplate_min_docs,
        ngram_range=ngram_range,
        body_tokens=body_tokens,
    )
    if entities is not None and len(entities):
        entities = entities[entities["doc_id"].astype(str).isin(set(sids))]
    E = entity_matrix(sids, entities, lead_sentences=entity_lead_sentences, max_df=max_df)
    Xw = X
    X = add_entities(X, E, entity_weight)
    keys = (
        title_keys(
            docs, entities, frequent_entity_share, names=conflict_names, lead_sentences=entity_lead_sentences
        )
        if conflict_factor < 1
        else None
    )
    G = candidate_graph(X, days, window_days=window_days, k=k, min_sim=min_sim)
    G = penalise(G, keys, conflict_factor)
    lo, hi = _span_bounds(days)
    labels = average_linkage(G, threshold, lo, hi, max_span_days)
    # the centroid passes compare word profiles only: entity ids (noisy, and shared by every story of a
    # country) made topical clusters attract each other
    XC = Xw
    labels = merge_clusters(
        XC,
        days,
        labels,
        merge_threshold,
        window_days=window_days,
        k=k,
        keys=keys,
        conflict_factor=conflict_factor,
        max_span=max_span_days,
    )
    labels = attach_to_cores(
        XC,
        days,
        labels,
        attach_threshold,
        min_docs=attach_min_docs,
        window_days=window_days,
        keys=keys,
        max_span=max_span_days,
    )
    # story id = smallest doc_id of the story (nodes are in doc_id order)
    first: dict = {}
    for i, label in enumerate(labels.tolist()):
        first.setdefault(label, i)
    labels = np.array([first[label] for label in labels.tolist()], dtype=np.int64)
    story = sids[labels][inv]
    out = pd.DataFrame({"doc_id": ids, "story_id": story})
    if return_vectors:
        return out, X[inv], G[inv][:, inv].tocsr()
    return out


def story_catalogue(
    docs: pd.DataFrame,
    assignment: pd.DataFrame,
    entities: pd.DataFrame | None = None,
    X: sp.csr_matrix | None = None,
    min_docs: int = 1,
    top_entities: int = 5,
) -> pd.DataFrame:
    """One row per story: story_id, label (title of the most central article: the member most similar
    to the story centroid; the first sentence of its body when it has no title), n_docs, n_outlets,
    outlets ('|'-joined), first_published and last_published (ISO: the UTC time where `published_at`
    gives one, else the day), top_entities (the `top_entities` entity ids most member articles name,
    '|'-joined). Sorted by n_docs descending, then story_id."""
    docs = docs.reset_index(drop=True)
    a = assignment.set_index("doc_id")["story_id"]
    sid = docs["doc_id"].astype(str).map(a)
    if X is None:
        days = _day_numbers(docs)
        X = vectorize(
            docs,
            days,
            title_weight=DEFAULTS["title_weight"],
            max_df=DEFAULTS["max_df"],
            boilerplate_min_docs=DEFAULTS["boilerplate_min_docs"],
        )
    when = _publication_times(docs)
    named = _entities_by_doc(entities)
    rows = []
    for s, idx in sid.groupby(sid).groups.items():
        idx = np.asarray(sorted(idx))
        if len(idx) < min_docs:
            continue
        sub = X[idx]
        centroid = np.asarray(sub.mean(axis=0)).ravel()
        score = sub @ centroid
        best = idx[int(np.argmax(score))]
        label = str(docs.at[best, "title"] or "").strip() if "title" in docs else ""
        if not label:
            body = str(docs.at[best, "body"] or "").strip()
            label = re.split(r"(?<=[.!?؟])\s|\n", body, maxsplit=1)[0][:200]
        outlets = sorted(set(docs.loc[idx, "outlet"].dropna().astype(str))) if "outlet" in docs else []
        times = sorted(t for t in when.iloc[idx] if t)
        counts: dict[str, int] = defaultdict(int)
        for doc_id in docs.loc[idx, "doc_id"].astype(str):
            for eid in named.get(doc_id, ()):
                counts[eid] += 1
        top = sorted(counts, key=lambda e: (-counts[e], e))[:top_entities]
        rows.append(
            dict(
                story_id=s,
                label=label,
                n_docs=len(idx),
                n_outlets=len(outlets),
                outlets="|".join(outlets),
                first_published=times[0] if times else None,
                last_published=times[-1] if times else None,
                top_entities="|".join(top),
            )
        )
    cat = pd.DataFrame(rows, columns=columns("story_catalogue"))
    return cat.sort_values(["n_docs", "story_id"], ascending=[False, True]).reset_index(drop=True)


def _publication_times(docs: pd.DataFrame) -> pd.Series:
    """Per document, when it was published as ISO text: `published_at` (UTC) where given, else the
    `published` day, else None."""
    out: list[str | None] = [None] * len(docs)
    for column in ("published", "published_at"):  # the later column wins where it has a value
        if column in docs:
            out = [
                v if isinstance(v, str) and v.strip() else o for v, o in zip(docs[column], out, strict=True)
            ]
    return pd.Series(out, index=docs.index, dtype=object)


def _entities_by_doc(entities: pd.DataFrame | None) -> dict[str, set[str]]:
    if entities is None or entities.empty:
        return {}
    named: dict[str, set[str]] = defaultdict(set)
    for doc_id, eid in zip(entities["doc_id"].astype(str), entities["entity_id"].astype(str), strict=True):
        named[doc_id].add(eid)
    return named


def story_articles(documents: pd.DataFrame) -> pd.DataFrame:
    """The articles stories are made of: the documents with a body (status ok), and the duplicates
    of one of them (the same text run by another outlet, or saved twice), which take its body and,
    where they have none, its title: wire copy counts once per outlet that ran it."""
    body = documents["body"].fillna("").astype(str).str.strip()
    ok = documents[(documents["status"] == "ok") & body.ne("")]
    if "duplicate_of" not in documents:
        return ok
    copies = documents[
        (documents["status"] == "duplicate") & documents["duplicate_of"].isin(set(ok["doc_id"]))
    ]
    if copies.empty:
        return ok
    original = ok.set_index("doc_id")
    copies = copies.assign(
        body=copies["duplicate_of"].map(original["body"]),
        title=copies["title"].where(
            copies["title"].map(has_text), copies["duplicate_of"].map(original["title"])
        ),
    )
    return pd.concat([ok, copies]).sort_values("doc_id", kind="stable").reset_index(drop=True)
