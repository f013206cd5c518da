"""How close the documents are in wording (tf-idf cosine, nearest neighbours on large corpora)
and the words that set each apart (weighted log-odds with an informative Dirichlet prior,
Monroe, Colaresi and Quinn 2008)."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache, partial

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.metrics.pairwise import cosine_similarity

from helpers import catalog
from helpers.compare.corpus import analysed_doc_ids
from helpers.core.engine import map_list
from helpers.core.text import fold, stopwords, tokenize


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
def _term_counts(
    bodies: tuple[str, ...], workers: int | None = None
) -> tuple[sparse.csr_matrix, list[str], dict[str, str]]:
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
    by_token = sparse.vstack(
        [sparse.csr_matrix(block, shape=(len(block[2]) - 1, len(written))) for block in blocks], format="csr"
    )
    terms = [_content_term(token) for token in written]
    vocabulary = sorted({term for term in terms if term})
    column = {term: i for i, term in enumerate(vocabulary)}
    kept = [i for i, term in enumerate(terms) if term]
    to_term = sparse.csr_matrix(
        (np.ones(len(kept), dtype=np.int64), (kept, [column[terms[i]] for i in kept])),
        shape=(len(written), len(vocabulary)),
    )
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
    return [
        (
            np.array(indptr, dtype=np.int64),
            np.array(indices, dtype=np.int64),
            np.array(counts, dtype=np.int64),
            list(column_of),
        )
    ]


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
    doc_ids = analysed_doc_ids(documents)
    if not doc_ids:
        return pd.DataFrame(columns=catalog.columns("doc_similarity"))
    counts, _, _ = _term_counts(_bodies(documents, doc_ids), workers)
    matrix = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    if len(doc_ids) <= FULL_MATRIX_DOCS:
        cosine = cosine_similarity(matrix)
        rows = [
            (a, b, float(round(cosine[i, j], 6)))
            for i, a in enumerate(doc_ids)
            for j, b in enumerate(doc_ids)
        ]
        return pd.DataFrame(rows, columns=catalog.columns("doc_similarity"))
    return _top_similar(matrix, doc_ids, top_k, workers)


def _top_similar(
    matrix: sparse.csr_matrix, doc_ids: list[str], top_k: int, workers: int | None = None
) -> pd.DataFrame:
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
        cosine = np.concatenate(
            [_row_dots(exact, these[c : c + 2048], others[c : c + 2048]) for c in range(0, len(these), 2048)]
        )
        tables.append(pd.DataFrame({"doc_a": ids[these], "doc_b": ids[others], "cosine": cosine.round(6)}))
    pairs = pd.concat(tables, ignore_index=True)
    pairs = pairs[(pairs["cosine"] > 0) & (pairs["doc_a"] != pairs["doc_b"])]
    pairs = pairs.sort_values(["doc_a", "cosine", "doc_b"], ascending=[True, False, True])
    return pairs.groupby("doc_a", sort=False).head(k).reset_index(drop=True)


def _block_candidates(
    pairs: list[tuple[int, int]], *, rows: list, bounds: list[tuple[int, int]], wanted: int, dense: bool
) -> list[tuple[int, tuple[np.ndarray, np.ndarray]]]:
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
    doc_ids = analysed_doc_ids(documents)
    if len(doc_ids) < 2:
        return pd.DataFrame(columns=columns)
    counts, vocabulary, spellings = _term_counts(_bodies(documents, doc_ids), workers)
    y_corpus = np.asarray(counts.sum(axis=0)).ravel().astype(float)
    n_corpus = y_corpus.sum()
    a0 = float(prior_scale) if prior_scale else n_corpus
    prior = a0 * y_corpus / n_corpus
    tables = [
        _log_odds_top(counts[a : a + _SIMILARITY_BLOCK], a, y_corpus, prior, a0, top_n)
        for a in range(0, len(doc_ids), _SIMILARITY_BLOCK)
    ]  # by blocks of documents: bounded memory
    table = pd.concat(tables, ignore_index=True)
    ids = np.array(doc_ids, dtype=object)
    return pd.DataFrame(
        {
            "doc_id": ids[table["doc"].to_numpy()],
            "term": [spellings[vocabulary[t]] for t in table["term"]],
            "z": table["z"].round(4).to_numpy(),
            "count": table["count"].to_numpy(),
            "count_rest": table["count_rest"].to_numpy(),
        },
        columns=columns,
    )


def _log_odds_top(
    counts: sparse.csr_matrix, first: int, y_corpus: np.ndarray, prior: np.ndarray, a0: float, top_n: int
) -> pd.DataFrame:
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
    delta = np.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - np.log(
        (y_j + alpha) / (n_j + a0 - y_j - alpha)
    )
    z = delta / np.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
    keep = z > 0
    doc, term, z, y_i, y_j = doc[keep], term[keep], z[keep], y_i[keep], y_j[keep]
    order = np.lexsort((term, -z, doc))  # by document, z descending, then term (sorted vocabulary)
    table = pd.DataFrame(
        {
            "doc": doc[order],
            "term": term[order],
            "z": z[order],
            "count": y_i[order].astype(int),
            "count_rest": y_j[order].astype(int),
        }
    )
    return table.groupby("doc", sort=False).head(top_n)
