"""`helpers.tag_entities`: the entities stage (`recognise` then `link`) on a list of texts."""

from __future__ import annotations

import pandas as pd

from helpers.catalog import columns
from helpers.core.text import split_sentences
from helpers.entities import annotation, extract_entities
from helpers.entities.gazetteer import load_gazetteer

#: Quotes and spaces around a name, outside it in NER annotation.
QUOTES_AND_SPACES = "«»“”\"' "

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


def tag_entities(texts: list[str], *, stage_spans: bool = False) -> pd.DataFrame:
    """One row per mention of `texts` (see `helpers.tag_entities`), sorted by text and offset:
    names as NER annotation marks them (`annotation`), or with `stage_spans` the corpus tables'
    mentions."""
    texts = [t if isinstance(t, str) else "" for t in texts]
    mentions = extract_entities(*texts_as_tables(texts)).entities
    rows = pd.DataFrame(
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
    if not stage_spans:
        rows = _as_annotated(rows, texts)
    return rows.sort_values(["text_id", "start"], ignore_index=True)


def _as_annotated(rows: pd.DataFrame, texts: list[str]) -> pd.DataFrame:
    """The stage's mentions `rows` as NER annotation marks names: class nouns, epithets and
    quotes outside, descriptions of a state's bodies and initials left out, a team by its place,
    a stadium without its head, events by their place or own name alone, and the currencies, God
    and religions the texts name added where no mention stands."""
    gaz = load_gazetteer()
    kept = []
    for text_id, start, end, kind, eid, surface in rows.itertuples(index=False):
        if annotation.described_body(gaz, kind, surface, eid) or annotation.initials(surface):
            continue
        event = annotation.event_name(gaz, kind, surface, eid)
        if event is not None and event[0] == event[1]:
            continue
        if event is not None:
            a, b, kind, eid = event
            start, end, surface = start + a, start + b, surface[a:b]
        team = annotation.team_place(gaz, kind, surface)
        if team is not None:
            kind, eid = "LOC", team[1]
        stadium = annotation.stadium_name(kind, surface)
        if stadium:
            kind = "MISC"
        skip = team[0] if team is not None else stadium or annotation.name_alone(gaz, kind, surface)
        cut = annotation.epithet_after(gaz, kind, surface)
        name = surface[skip : len(surface) - cut]
        lead = len(name) - len(name.lstrip(QUOTES_AND_SPACES))
        trail = len(name) - len(name.rstrip(QUOTES_AND_SPACES))
        name = name[lead : len(name) - trail]  # ملعب «سولدجر فيلد»: the name inside its quotes
        kept.append((text_id, start + skip + lead, end - cut - trail, kind, eid, name))
    taken: dict[int, list[tuple[int, int]]] = {}
    for text_id, start, end, *_ in kept:
        taken.setdefault(text_id, []).append((start, end))
    for text_id, text in enumerate(texts):
        for start, end, eid in annotation.misc_names(text):
            if not any(a < end and start < b for a, b in taken.get(text_id, ())):
                kept.append((text_id, start, end, "MISC", eid, text[start:end]))
    return pd.DataFrame(kept, columns=COLUMNS).astype({"text_id": int, "start": int, "end": int})
