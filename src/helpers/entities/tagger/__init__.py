"""Arabic named-entity tagger (PER / LOC / ORG / MISC) trained on ANERcorp.

See `tagger.infer` for use (`load`, `predict_spans`) and `tagger.train` for training.
"""
