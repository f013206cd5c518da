"""The outlets side by side: what each publishes (articles, length, entities) and the words that
set it apart, spelling variants and inflections counted as one word (الأميركي, الأمريكية,
الأمريكيين), the words of any news report (said, today, the country...) and Latin tokens (mostly
markup left in saved pages) left out.

An outlet is the `outlet` column of `documents`; articles without one are grouped under
UNKNOWN. On a small corpus (at most ARTICLES_AS_GROUPS analysed articles, or fewer than two
outlets) the words are compared article by article instead (`grouping`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse

from helpers.compare.corpus import analysed_doc_ids
from helpers.compare.wording import _bodies, _term_counts
from helpers.core.io import has_text
from helpers.core.paths import DATA_DIR
from helpers.core.text import fold

UNKNOWN = "غير معروف"
#: Up to this many analysed articles, words are compared article by article.
ARTICLES_AS_GROUPS = 8
#: The leading article and the prepositions fused with it, folded (longest first).
_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
#: Endings of relative adjectives (nisba: feminine, plural) and what they become: مصرية,
#: مصريون, مصريين -> مصري (folded: ة is ه). Nothing else is cut: جامعة is not جامع, مائة not
#: مائي, الرياضة not الرياض.
_NISBA_ENDINGS = (("يون", "ي"), ("يين", "ي"), ("يه", "ي"))
#: A word keeps at least this many letters when its article or ending is taken off.
_MIN_STEM = 3
#: Words of at least this many letters that differ only in where an inner و or ي stands are one
#: word spelled two ways (أميركي / أمريكي).
_MIN_SPELLING = 5
_INNER_VOWELS = re.compile("[وي]")
_ARABIC_WORD = re.compile("[\u0621-\u064a]")


def word_stem(term: str) -> str:
    """A word's folded form without the article (and a preposition fused with it), relative
    adjectives in their masculine singular: الأمريكية -> امريكي, والمصريين -> مصري."""
    word = fold(term)
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            word = word[len(prefix) :]
            break
    for ending, becomes in _NISBA_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            word = word[: -len(ending)] + becomes
            break
    return word


def _spelling(stem: str) -> str:
    """What two spellings of one word share: the stem with its inner و and ي taken out (kept
    as they are in words shorter than _MIN_SPELLING, and their length kept apart)."""
    if len(stem) < _MIN_SPELLING:
        return stem
    return f"{len(stem)}:{stem[0]}{_INNER_VOWELS.sub('', stem[1:-1])}{stem[-1]}"


def variant_keys(terms) -> dict[str, str]:
    """term -> the key its spelling variants and inflections share: the article and relative
    endings off (`word_stem`), then stems as long as each other that differ only in where
    their inner و or ي stand (`_spelling`) joined, under the first in sorted order:
    الأميركي, الأمريكية, أمريكي and الأمريكيين get one key."""
    stems = {term: word_stem(term) for term in terms}
    key_of: dict[str, str] = {}
    for stem in sorted(set(stems.values())):
        key_of.setdefault(_spelling(stem), stem)
    return {term: key_of[_spelling(stem)] for term, stem in stems.items()}


@lru_cache(maxsize=1)
def news_stopwords() -> frozenset[str]:
    """Folded words of any news report (`data/news_stopwords.txt`), with their و/ف forms."""
    words = set()
    for line in (DATA_DIR / "news_stopwords.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word = fold(line)
            words.update({word, "و" + word, "ف" + word})
    return frozenset(words)


def outlet_of(documents: pd.DataFrame) -> pd.Series:
    """doc_id -> outlet (UNKNOWN when the document has none)."""
    docs = documents.drop_duplicates("doc_id")
    outlets = docs["outlet"] if "outlet" in docs else pd.Series([None] * len(docs), index=docs.index)
    return pd.Series(
        [o.strip() if has_text(o) else UNKNOWN for o in outlets],
        index=docs["doc_id"].astype(str).to_numpy(),
        name="outlet",
    )


def grouping(documents: pd.DataFrame) -> str:
    """'outlet' when the analysed articles are more than ARTICLES_AS_GROUPS and come from at least
    two outlets, else 'doc_id' (article by article)."""
    ids = analysed_doc_ids(documents)
    outlets = outlet_of(documents).reindex(ids)
    known = set(outlets[outlets != UNKNOWN])
    return "outlet" if len(ids) > ARTICLES_AS_GROUPS and len(known) >= 2 else "doc_id"


def distinctive_terms_by(
    documents: pd.DataFrame, by: str = "auto", top_n: int = 10, min_count: int | None = None
) -> pd.DataFrame:
    """The words that most set each outlet (`by='outlet'`) or article (`by='doc_id'`) apart from
    the rest of the corpus: the weighted log-odds z of Monroe, Colaresi and Quinn (2008; see
    `wording.distinctive_terms`) over word keys (`variant_keys`: variants and inflections
    counted together), stop words and news words (`news_stopwords`) left out.

    Columns: the group column (`outlet` or `doc_id`), term (the key's most frequent spelling),
    variants (the other spellings met, '|'-joined), z, count (in the group), count_rest,
    n_docs (the group's articles using it). A term needs `min_count` uses in the group (default
    3 for outlets, 2 for articles) and, for an outlet, two of its articles; the `top_n` with the
    largest positive z per group, z descending, ties by term. `by='auto'`: `grouping`."""
    by = grouping(documents) if by == "auto" else by
    if by not in ("outlet", "doc_id"):
        raise ValueError(f"by must be 'outlet', 'doc_id' or 'auto', not {by!r}")
    columns = [by, "term", "variants", "z", "count", "count_rest", "n_docs"]
    doc_ids = analysed_doc_ids(documents)
    if len(doc_ids) < 2:
        return pd.DataFrame(columns=columns)
    # the word counts `doc_similarity` and `distinctive_terms` share (cached: same arguments)
    counts, vocabulary, spellings = _term_counts(_bodies(documents, doc_ids), None)
    stop = news_stopwords()
    # Arabic words only: Latin tokens in a saved page are mostly left-over markup (px, jQuery)
    key_of = variant_keys(term for term in vocabulary if term not in stop and _ARABIC_WORD.search(term))
    keys = [key_of.get(term) for term in vocabulary]
    key_names = sorted({k for k in keys if k})
    key_column = {k: i for i, k in enumerate(key_names)}
    kept = [i for i, k in enumerate(keys) if k]
    to_key = sparse.csr_matrix(
        (np.ones(len(kept)), (kept, [key_column[keys[i]] for i in kept])),
        shape=(len(vocabulary), len(key_names)),
    )
    by_key = (counts @ to_key).tocsr()
    # each key's spellings by corpus frequency: the most frequent names it
    term_totals = np.asarray(counts.sum(axis=0)).ravel()
    forms: dict[int, list[tuple[float, str]]] = {}
    for i in kept:
        forms.setdefault(key_column[keys[i]], []).append((-term_totals[i], spellings[vocabulary[i]]))
    if by == "outlet":
        group_of = outlet_of(documents).reindex(doc_ids).to_numpy()
    else:
        group_of = np.array(doc_ids, dtype=object)
    groups, codes = np.unique(group_of.astype(str), return_inverse=True)
    membership = sparse.csr_matrix(
        (np.ones(len(doc_ids)), (codes, np.arange(len(doc_ids)))), shape=(len(groups), len(doc_ids))
    )
    grouped = (membership @ by_key).tocsr()
    used = (membership @ (by_key > 0).astype(float)).tocsr()
    y_corpus = np.asarray(grouped.sum(axis=0)).ravel()
    n_corpus = y_corpus.sum()
    if n_corpus == 0:
        return pd.DataFrame(columns=columns)
    n_group = np.asarray(grouped.sum(axis=1)).ravel()
    # only the words a group uses can have a positive z: computed on the nonzero cells
    cells = grouped.tocoo()
    g, k, y = cells.row, cells.col, cells.data
    prior = y_corpus[k]  # a0 = the corpus total: a_w is the word's corpus count
    y_rest = y_corpus[k] - y
    delta = np.log((y + prior) / (n_group[g] + n_corpus - y - prior)) - np.log(
        (y_rest + prior) / ((n_corpus - n_group[g]) + n_corpus - y_rest - prior)
    )
    z = delta / np.sqrt(1 / (y + prior) + 1 / (y_rest + prior))
    n_docs = np.asarray(used[g, k]).ravel()
    least = min_count if min_count is not None else (3 if by == "outlet" else 2)
    ok = (y >= least) & (z > 0)
    if by == "outlet":
        ok &= n_docs >= 2
    table = pd.DataFrame(
        {
            "group": g[ok],
            "key": k[ok],
            "name": np.array(key_names, dtype=object)[k[ok]],
            "z": z[ok],
            "count": y[ok].astype(int),
            "count_rest": y_rest[ok].astype(int),
            "n_docs": n_docs[ok].astype(int),
        }
    )
    table = table.sort_values(["group", "z", "name"], ascending=[True, False, True])
    rows = []
    for row in table.groupby("group", sort=True).head(top_n).itertuples(index=False):
        spelled = [form for _, form in sorted(forms[row.key])]
        rows.append(
            {
                by: groups[row.group],
                "term": spelled[0],
                "variants": "|".join(sorted(set(spelled[1:]))),
                "z": round(float(row.z), 4),
                "count": row.count,
                "count_rest": row.count_rest,
                "n_docs": row.n_docs,
            }
        )
    return pd.DataFrame(rows, columns=columns)


def outlet_profile(
    documents: pd.DataFrame,
    entities: pd.DataFrame | None = None,
    terms: pd.DataFrame | None = None,
    top: int = 3,
) -> pd.DataFrame:
    """One row per outlet (of the analysed articles, most articles first): outlet, articles,
    share (% of the analysed articles), dated (% with a publication date), median_words,
    median_entities (distinct entities an article names), top_entities (the `top` named by
    most of its articles, '، '-joined) and top_terms (from `distinctive_terms_by(..., by=
    'outlet')`, when given)."""
    columns = ["outlet", "articles", "share", "dated", "median_words", "median_entities"]
    columns += ["top_entities", "top_terms"]
    ids = analysed_doc_ids(documents)
    if not ids:
        return pd.DataFrame(columns=columns)
    docs = documents.drop_duplicates("doc_id").assign(doc_id=lambda d: d["doc_id"].astype(str))
    docs = docs.set_index("doc_id").loc[ids]
    outlet = outlet_of(documents).reindex(ids)
    words = docs["n_tokens"] if "n_tokens" in docs else pd.Series(np.nan, index=docs.index)
    dated = docs["published"].map(has_text) if "published" in docs else pd.Series(False, index=docs.index)
    table = pd.DataFrame({"outlet": outlet, "words": words.astype(float), "dated": dated})
    n_entities = pd.Series(0, index=docs.index, dtype=float)
    named: dict[str, str] = {}
    if entities is not None and not entities.empty:
        mentions = entities[entities["doc_id"].astype(str).isin(ids)]
        n_entities = mentions.groupby(mentions["doc_id"].astype(str))["entity_id"].nunique()
        n_entities = n_entities.reindex(ids, fill_value=0).astype(float)
        pairs = mentions.assign(outlet=mentions["doc_id"].astype(str).map(outlet)).drop_duplicates(
            ["outlet", "doc_id", "entity_id"]
        )
        names = pairs.drop_duplicates("entity_id").set_index("entity_id")["canonical"]
        per = pairs.groupby(["outlet", "entity_id"]).size().rename("n").reset_index()
        per = per.sort_values(["outlet", "n", "entity_id"], ascending=[True, False, True])
        for name, group in per.groupby("outlet"):
            named[name] = "، ".join(str(names.get(e, e)) for e in group["entity_id"].head(top))
    table["entities"] = n_entities
    summary = table.groupby("outlet").agg(
        articles=("words", "size"),
        dated=("dated", "mean"),
        median_words=("words", "median"),
        median_entities=("entities", "median"),
    )
    summary["share"] = 100 * summary["articles"] / len(ids)
    summary["dated"] = 100 * summary["dated"]
    summary["top_entities"] = [named.get(o, "") for o in summary.index]
    top_terms: dict[str, str] = {}
    if terms is not None and "outlet" in terms and not terms.empty:
        for name, group in terms.groupby("outlet"):
            top_terms[name] = "، ".join(group["term"].head(5))
    summary["top_terms"] = [top_terms.get(o, "") for o in summary.index]
    summary = summary.reset_index().sort_values(["articles", "outlet"], ascending=[False, True])
    for column in ("share", "dated"):
        summary[column] = summary[column].round(1)
    return summary[columns].reset_index(drop=True)
