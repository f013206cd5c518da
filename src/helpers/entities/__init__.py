"""Who and what each article names: entity mentions, one id per real-world entity.

`extract_entities(documents, sentences)` searches each article's title and body (never page
boilerplate) with, in order of trust:
1. the gazetteer (`gazetteer`): exact folded names, proclitics stripped (و ف ب ك ل, لل = ل+ال),
   longest match first, each checked against its context (`context`: a nisba adjective is not
   the country, an outlet's name needs a media word, look-alike words need support ...);
2. rules for names no list knows (`rules`);
3. the sequence labeller trained on ANERcorp (`labeller`, `tagger`): its names where the other
   sources found none, its score as the mention's confidence;
4. CAMeL Tools' NER model when its data is installed (`camel_ner`).
One span is one entity (the longest wins: a place inside a person's name is the person's).
Then names are linked across the corpus (`link`, with the keys of `name_keys`): gazetteer ids
(also for the labeller's and the rules' names), linking keys within a type (compound given
names joined, Arabic given names equal), surname-only mentions to the one full name met in the
article or the corpus, rule- and model-found names propagated to their other mentions. Every
linking decision is in `EntityTables.merges`.

The two steps are separate functions for the engines: `recognise` works on each document alone
(run in batches by `engine.map_partitions`), `link` on the whole corpus; `extract_entities` is
the two in one call, run the same way. `spans` holds the types they pass around.
"""

from __future__ import annotations

import pandas as pd

from helpers.core.engine import local_workers, map_partitions, settings
from helpers.entities.link import link
from helpers.entities.recognise import camel_setting, model_setting, recognise
from helpers.entities.review import least_certain, sources_summary
from helpers.entities.spans import EntityTables

__all__ = [
    "EntityTables",
    "camel_setting",
    "extract_entities",
    "least_certain",
    "link",
    "model_setting",
    "recognise",
    "sources_summary",
    "warm_up",
]


def warm_up() -> None:
    """Load what recognition needs once per process (the gazetteer, and the sequence labeller
    when shipped), so that worker processes forked afterwards share it."""
    from helpers.entities import labeller
    from helpers.entities.gazetteer import load_gazetteer

    load_gazetteer()
    if labeller.available():
        labeller.load()


def extract_entities(
    documents: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    use_camel_ner: bool | None = None,
    use_model: bool | None = None,
    workers: int | None = None,
) -> EntityTables:
    """Entity mentions, catalogue, review candidates and merge log for a corpus: `recognise`
    then `link` in one call, as the notebooks' stage runs them: the documents recognised in
    `workers` processes forked from this one (`engine.map_partitions`; None: the run's setting,
    one per core when the corpus is large enough), linked here.

    `documents`: doc_id, title, body; `sentences`: doc_id, sentence_id, start, end, text
    (offsets into body). `use_camel_ner`: None = use CAMeL NER iff its data is installed;
    `use_model`: None = use the sequence labeller iff its model is shipped."""
    options = {"use_camel_ner": camel_setting(use_camel_ner), "use_model": use_model}
    if local_workers(len(documents), settings().workers if workers is None else workers) == 1:
        tokens: dict = {}  # one process: `link` reads the tokens `recognise` made
        mentions, pending = recognise(documents, sentences, tokens_out=tokens, **options)
        return link(documents, sentences, mentions, pending, tokens, workers=1)
    warm_up()  # loaded once, before the workers are forked
    mentions, pending = map_partitions(recognise, documents, sentences, workers=workers, **options)
    return link(documents, sentences, mentions, pending, workers=workers)
