"""The documents a comparison reads (status ok, with a body), their overview, and the one name
and type each entity id is shown with."""

from __future__ import annotations

import pandas as pd

from helpers.core.io import has_text
from helpers.core.text import tokenize


def analysed_doc_ids(documents: pd.DataFrame) -> list[str]:
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


def entity_names(entities: pd.DataFrame) -> pd.DataFrame:
    """One row per entity_id: its canonical name and type (the most frequent, ties by value)."""
    if entities.empty:
        return pd.DataFrame(columns=["entity_id", "canonical", "type"])
    ids = entities["entity_id"]
    names = _most_frequent(ids, entities["canonical"].fillna(entities["surface"]).astype(str))
    types = _most_frequent(ids, entities["type"].astype(str))
    return pd.DataFrame(
        {
            "entity_id": names.index,
            "canonical": names.to_numpy(),
            "type": types.reindex(names.index).to_numpy(),
        }
    )


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
