"""The trained sequence labeller as a recognition source ("model").

The labeller itself is `helpers.entities.tagger` (a BiLSTM-CRF trained on ANERcorp, see
`data/ner/ATTRIBUTION.md`); its model folder is `data/ner/`. This module is the one place the
entity stage calls it: it loads the model once per process (one torch thread: the pipeline's
parallelism is its worker processes) and gives character spans with a score.

A newer model is swapped in by copying its folder over `data/ner/` (and its code over
`entities/tagger/`): `predict_spans` accepts models that give (start, end, type) as well as
(start, end, type, score).
"""

from __future__ import annotations

import os
from functools import lru_cache

from helpers.core.paths import DATA_DIR

MODEL_DIR = DATA_DIR / "ner"
#: The most frequent news words whose input rows the labeller computes when it is loaded (about
#: 4 KB each): text made mostly of them is tagged faster.
PRECOMPUTED_WORDS = 20_000
#: Environment variable that turns the labeller off ("0"), e.g. to compare runs without it.
SWITCH = "HELPERS_ENTITY_MODEL"


def available() -> bool:
    """The model folder is there and the labeller is not switched off."""
    return os.environ.get(SWITCH, "1") != "0" and (MODEL_DIR / "config.json").is_file()


@lru_cache(maxsize=1)
def load():
    """The loaded labeller (`tagger.infer.NER`), once per process, with the input rows of the
    `PRECOMPUTED_WORDS` most frequent words of its news vocabulary computed."""
    import torch

    from helpers.entities.tagger.infer import load as load_model

    torch.set_num_threads(1)
    model = load_model(MODEL_DIR)
    tagger = model.tagger
    if hasattr(tagger, "precompute") and PRECOMPUTED_WORDS:
        clusters = model.featurizer.res.clusters  # word -> (count, ...), the news vocabulary
        frequent = sorted(clusters, key=lambda w: -clusters[w][0])[:PRECOMPUTED_WORDS]
        tagger.precompute(frequent)
    return model


def predict_spans(texts: list[str]) -> list[list[tuple[int, int, str, float]]]:
    """(start, end, type, score) of the names in each text; score in [0, 1] (1.0 when the model
    gives none). A leading proclitic is outside the span when the rest is the usual form."""
    if not any(texts):
        return [[] for _ in texts]
    found = load().predict_spans(texts)
    return [[(s[0], s[1], s[2], float(s[3]) if len(s) > 3 else 1.0) for s in spans] for spans in found]
