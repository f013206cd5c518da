"""Who appears with whom: entities named in the same sentence, as a table and a graph."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import numpy as np
import pandas as pd

from helpers import catalog
from helpers.core.io import has_text


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
    named = pd.DataFrame(
        {"doc": docs, "sentence": in_body["sentence_id"].to_numpy(dtype=float), "entity": ids}
    ).drop_duplicates()
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
    info = (
        {}
        if catalogue.empty
        else catalogue.drop_duplicates("entity_id").set_index("entity_id").to_dict("index")
    )
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
