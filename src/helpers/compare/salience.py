"""Who each document puts forward: entity salience (tf-idf of mentions) and coverage (entities
every document, or only one, names)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import catalog
from helpers.compare.corpus import analysed_doc_ids, entity_names


def entity_salience(entities: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Mentions of each entity in each document and a tf-idf weight
    `(1 + log mentions) * log(1 + N / n_docs)`, N the number of documents with a body.
    Columns doc_id, entity_id, canonical, type, mentions, weight; sorted by document, then
    weight descending."""
    columns = catalog.columns("entity_salience")
    if entities.empty:
        return pd.DataFrame(columns=columns)
    n_docs_total = max(len(analysed_doc_ids(documents)), 1)
    counts = entities.groupby(["doc_id", "entity_id"]).size().rename("mentions").reset_index()
    doc_freq = counts.groupby("entity_id")["doc_id"].nunique()
    idf = np.log1p(n_docs_total / counts["entity_id"].map(doc_freq))
    counts["weight"] = (1 + np.log(counts["mentions"])) * idf
    salience = counts.merge(entity_names(entities), on="entity_id", how="left")[columns]
    salience = salience.sort_values(["doc_id", "weight", "entity_id"], ascending=[True, False, True])
    return salience.reset_index(drop=True)


def entity_coverage(entities: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """How many documents mention each entity: entity_id, canonical, type, n_docs, scope, where
    scope is 'all' (every document with a body mentions it), 'one' (a single document) or 'some'.
    Sorted by n_docs descending, then entity_id."""
    columns = ["entity_id", "canonical", "type", "n_docs", "scope"]
    if entities.empty:
        return pd.DataFrame(columns=columns)
    n_docs_total = len(analysed_doc_ids(documents))
    n_docs = entities.groupby("entity_id")["doc_id"].nunique().rename("n_docs").reset_index()
    coverage = n_docs.merge(entity_names(entities), on="entity_id", how="left")
    coverage["scope"] = np.select(
        [coverage["n_docs"] >= n_docs_total, coverage["n_docs"] == 1], ["all", "one"], "some"
    )
    coverage = coverage[columns].sort_values(["n_docs", "entity_id"], ascending=[False, True])
    return coverage.reset_index(drop=True)
