"""Sequence labellers: a linear-chain CRF (python-crfsuite) on `features.Featurizer` attributes
and a neural BiLSTM-CRF (see `tagger.neural`). Both tag lists of token lists with BIO labels."""

from __future__ import annotations

from pathlib import Path

from .features import Featurizer

CRF_FILE = "crf.crfsuite"


class CRFTagger:
    """Linear-chain CRF trained with L-BFGS and elastic-net (c1, c2) regularisation."""

    def __init__(self, featurizer: Featurizer, c1: float = 0.05, c2: float = 0.05, max_iterations: int = 250):
        self.featurizer = featurizer
        self.params = {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
        }
        self._tagger = None

    def fit(
        self, sentences: list[tuple[list[str], list[str]]], model_dir: str | Path, verbose: bool = False
    ) -> None:
        import pycrfsuite

        trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=verbose)
        trainer.set_params(self.params)
        for tokens, tags in sentences:
            trainer.append(pycrfsuite.ItemSequence(self.featurizer.sentence(tokens)), tags)
        path = Path(model_dir) / CRF_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(path))
        self.load(model_dir)

    def load(self, model_dir: str | Path) -> CRFTagger:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(Path(model_dir) / CRF_FILE))
        return self

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        tagger, feat = self._tagger, self.featurizer
        return [tagger.tag(pycrfsuite_items(feat.sentence(tokens))) if tokens else [] for tokens in sentences]

    def marginals(self, tokens: list[str]) -> list[dict[str, float]]:
        """Per-token label marginals (for ensembling)."""
        tagger = self._tagger
        tagger.set(pycrfsuite_items(self.featurizer.sentence(tokens)))
        labels = tagger.labels()
        return [{lab: tagger.marginal(lab, i) for lab in labels} for i in range(len(tokens))]


def pycrfsuite_items(attrs: list[list[str]]):
    import pycrfsuite

    return pycrfsuite.ItemSequence(attrs)
