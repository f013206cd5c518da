"""`helpers.tag_entities`: the entities stage (`recognise` then `link`) on a list of texts."""

from __future__ import annotations

import pandas as pd

from helpers.catalog import columns
from helpers.core.text import split_sentences
from helpers.entities import extract_entities

#: The columns `tag_entities` returns.
COLUMNS = ["text_id", "start", "end", "type", "entity_id", "surface"]


def texts_as_tables(texts: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Plain texts as the `documents` (doc_id, title, body) and `sentences` tables the entity
    stage reads; doc_ids are the texts' positions, zero-padded so that they sort as the texts."""
    texts = [t if isinstance(t, str) else "" for t in texts]
    doc_ids = [f"{i:09d}" for i in range(len(texts))]
    documents = pd.DataFrame({"doc_id": doc_ids, "title": "", "body": texts})
    sentences = pd.DataFrame(
        [
            (doc_id, k, s.start, s.end, s.text)
            for doc_id, text in zip(doc_ids, texts, strict=True)
            for k, s in enumerate(split_sentences(text))
        ],
        columns=columns("sentences"),
    )
    return documents, sentences


def tag_entities(texts: list[str]) -> pd.DataFrame:
    """One row per mention of `texts` (see `helpers.tag_entities`), sorted by text and offset."""
    mentions = extract_entities(*texts_as_tables(texts)).entities
    out = pd.DataFrame(
        {
            "text_id": mentions["doc_id"].astype(int),
            "start": mentions["start"].astype(int),
            "end": mentions["end"].astype(int),
            "type": mentions["type"],
            "entity_id": mentions["entity_id"],
            "surface": mentions["surface"],
        },
        columns=COLUMNS,
    )
    return out.sort_values(["text_id", "start"], ignore_index=True)
