"""Shared helpers for the Arabic news research notebooks.

`tag_entities(texts)` is the entity recogniser for use outside the notebooks (imported lazily:
`import helpers` stays cheap)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["tag_entities"]


def tag_entities(texts: list[str], *, stage_spans: bool = False) -> pd.DataFrame:
    """The entity mentions of `texts` (each text one document), linked across them, as the
    entities stage finds them: one row per mention with text_id (the text's position in the
    list), start and end (character offsets into that text), type (PER, LOC, ORG, MISC),
    entity_id (one id per entity across the texts) and surface (text[start:end]). Names are as
    NER annotation marks them (`entities.annotation`: حركة حماس -> حماس; الجيش اللبناني no name;
    الدولار a MISC name) unless `stage_spans` (the corpus tables' mentions)."""
    from helpers.entities.api import tag_entities as tag

    return tag(texts, stage_spans=stage_spans)
