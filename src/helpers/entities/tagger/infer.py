"""Tag raw Arabic text: character spans (start, end, type) of PER / LOC / ORG / MISC names.

    from helpers.entities.tagger.infer import load
    ner = load()  # the shipped model, data/ner
    ner.predict_spans(["قال الرئيس الأمريكي باراك أوباما في واشنطن"])
    # [[(20, 32, 'PER', 0.98), (36, 42, 'LOC', 0.99)]]   # (start, end, type, score)

or `predict_spans(texts)` with the default model folder (`DEFAULT_MODEL`, data/ner).

Text is cut into sentences and tokens like ANERcorp (`tagger.tokenize`), tagged, and the BIO
tags decoded to token spans, then to character spans. A leading proclitic (و ب ل ف ك and their
pairs) is kept out of a span when the rest of the word is the usual form of the name
(وبريطانيا -> بريطانيا; the rest must be clearly more frequent than the whole word in the
unlabelled news text), as the project's convention allows; `strip_proclitics=False` keeps
whole tokens.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .data import bio_spans
from .features import FeatureConfig, Featurizer, Resources
from .tokenize import sentences as split_sentences

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "data" / "ner"
_MARKS = set("\u0640") | {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}


class NER:
    """A loaded model: `predict_spans(texts)`, `tag(token_lists)`."""

    def __init__(self, tagger, featurizer: Featurizer, strip_proclitics: bool = True):
        self.tagger = tagger
        self.featurizer = featurizer
        self.strip_proclitics = strip_proclitics

    def tag(self, token_lists: list[list[str]]) -> list[list[str]]:
        return self.tagger.tag(token_lists)

    def _clitic_chars(self, token: str) -> int:
        """Characters of `token` that are a proclitic outside the name (0 if none)."""
        _, _, clitic, stem, *_ = self.featurizer.info(token)
        if not clitic:
            return 0
        k, letters = 0, 0
        while k < len(token) and letters < len(clitic):
            if token[k] not in _MARKS:
                letters += 1
            k += 1
        while k < len(token) and token[k] in _MARKS:
            k += 1
        rest = self.featurizer.info(token[k:])[0] if k < len(token) else ""
        return k if rest == stem else 0  # لل = ل + ال: no clean cut, keep the token whole

    def predict_spans(self, texts: list[str]) -> list[list[tuple[int, int, str, float]]]:
        """Spans (start, end, type, score) per text; score: the mean over the span's tokens of
        the CRF posterior marginal of each token's tag (1.0 for a model without marginals)."""
        all_sents, owners = [], []
        for n, text in enumerate(texts):
            for sent in split_sentences(text):
                all_sents.append(sent)
                owners.append(n)
        token_lists = [[tok for tok, _, _ in sent] for sent in all_sents]
        if hasattr(self.tagger, "tag_with_confidence"):
            tags, probs = self.tagger.tag_with_confidence(token_lists)
        else:
            tags = self.tagger.tag(token_lists)
            probs = [[1.0] * len(t) for t in tags]
        out: list[list[tuple[int, int, str, float]]] = [[] for _ in texts]
        for sent, sent_tags, sent_probs, n in zip(all_sents, tags, probs, owners, strict=True):
            for first, last, kind in bio_spans(sent_tags):
                start, end = sent[first][1], sent[last - 1][2]
                if self.strip_proclitics:
                    cut = self._clitic_chars(sent[first][0])
                    if cut and start + cut < end:
                        start += cut
                score = sum(sent_probs[first:last]) / (last - first)
                out[n].append((start, end, kind, round(score, 4)))
        return out


def load(model_dir: str | Path = DEFAULT_MODEL, strip_proclitics: bool = True) -> NER:
    """Load a model folder written by `tagger.train`."""
    model_dir = Path(model_dir)
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    knowledge_path = model_dir / "knowledge.json"
    knowledge = json.loads(knowledge_path.read_text(encoding="utf-8")) if knowledge_path.is_file() else None
    clusters_dir = model_dir if (model_dir / "clusters.tsv.gz").is_file() else None
    res = Resources.build(knowledge, clusters_dir)
    featurizer = Featurizer(res, FeatureConfig(**config["features"]))
    if config["model"] == "crf":
        from .model import CRFTagger

        tagger = CRFTagger(featurizer).load(model_dir)
    else:
        from .neural import NeuralTagger

        tagger = NeuralTagger.load(model_dir, featurizer)
    return NER(tagger, featurizer, strip_proclitics)


@lru_cache(maxsize=1)
def _default() -> NER:
    return load(DEFAULT_MODEL)


def predict_spans(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Spans (start, end, type) per text with the default model (models/ner)."""
    return _default().predict_spans(texts)
