"""Arabic named-entity tagger (PER / LOC / ORG / MISC) trained on ANERcorp.

See `tagger.infer` for use (`load`, `predict_spans`) and `tagger.train` for training;
`python -m helpers.entities.tagger --train PATH` retrains the shipped model (`data/ner/`).

Copied from the tagger developed beside the project (2026-12-04) with, in the project:
`infer.DEFAULT_MODEL` at `data/ner`, span scores (CRF posterior marginals, as the development
tagger now gives), a faster inference path in `neural` (the same tags), lint fixes. A newer
model is swapped in by copying its folder over `data/ner/` (and its code here); the entity
stage calls it only through `helpers.entities.labeller`.
"""
