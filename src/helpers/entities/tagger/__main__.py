"""Retrain the shipped sequence labeller from the ANERcorp train file, reproducibly.

    python -m helpers.entities.tagger --train PATH/train.tsv [--out DIR] [--dev-split 0.1]

trains the final configuration (BiLSTM-CRF, 12 epochs, pretrained word vectors frozen, word
dropout 0.15, seed 0, one torch thread) on the first 90% of the file's sentences and scores it on
the last 10% (`--dev-split 0`: all of them), into `--out` (default: the shipped model folder,
`helpers/data/ner`). The same command gives the same model.

The unlabelled-text features (SaudiNewsNet word clusters and word2vec vectors) are taken from the
shipped model: its `clusters.tsv.gz`, and the pretrained rows of its word table (the first
`PRETRAINED_WORDS` words of the cluster table, kept fixed during training). `--unsup DIR` takes
them instead from a folder that `python -m helpers.entities.tagger.unsup` wrote from SaudiNewsNet
day files (needs gensim: `pip install -e .[train]`). `--model crf` trains the feature CRF (needs
python-crfsuite, also in the `train` extra). Other options of `helpers.entities.tagger.train` can
follow `--`.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import tempfile
from pathlib import Path

from helpers.core.paths import DATA_DIR

MODEL_DIR = DATA_DIR / "ner"
#: The word2vec vocabulary kept for the embedding table (`unsup --keep-vectors`).
PRETRAINED_WORDS = 50_000
#: The final model's training settings (see the model's config.json).
FINAL = ["--epochs", "12", "--set", "freeze_words=true", "word_dropout=0.15"]


def unsup_from_model(model_dir: Path, out: Path) -> Path:
    """A folder like `tagger.unsup`'s (clusters.tsv.gz, vectors.npz) rebuilt from a trained
    neural model: the clusters copied, the vectors read back from the pretrained (frozen) rows of
    its word table."""
    import json

    import numpy as np
    import torch

    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(model_dir / "clusters.tsv.gz", out / "clusters.tsv.gz")
    with gzip.open(model_dir / "clusters.tsv.gz", "rt", encoding="utf-8") as fh:
        fh.readline()
        words = [fh.readline().split("\t", 1)[0] for _ in range(PRETRAINED_WORDS)]
    vocab = json.loads((model_dir / "neural_vocab.json").read_text(encoding="utf-8"))["words"]
    if vocab[2 : 2 + len(words)] != words:
        raise SystemExit(f"{model_dir}: its word table does not start with the cluster table's words")
    state = torch.load(model_dir / "neural.pt", map_location="cpu")
    rows = (
        state["word.weight.q"][2 : 2 + len(words)].float()
        * state["word.weight.scales"][2 : 2 + len(words), None]
    )
    table = rows.numpy()
    scales = np.abs(table).max(axis=1) / 127.0
    q = np.round(table / np.maximum(scales[:, None], 1e-12)).astype(np.int8)
    np.savez_compressed(out / "vectors.npz", vocab=np.array(words), q=q, scales=scales.astype(np.float32))
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description="Retrain the entity labeller from an ANERcorp train file.")
    ap.add_argument("--train", required=True, help="CoNLL file (token<TAB>tag)")
    ap.add_argument("--out", default=str(MODEL_DIR))
    ap.add_argument("--dev-split", default="0.1")
    ap.add_argument("--model", choices=["neural", "crf"], default="neural")
    ap.add_argument("--unsup", default=None, help="a folder written by helpers.entities.tagger.unsup")
    ap.add_argument("rest", nargs="*", help="more options for helpers.entities.tagger.train (after --)")
    args = ap.parse_args(argv)
    from helpers.entities.tagger import train

    with tempfile.TemporaryDirectory() as tmp:
        unsup = Path(args.unsup) if args.unsup else unsup_from_model(MODEL_DIR, Path(tmp) / "unsup")
        options = ["--train", args.train, "--out", args.out, "--dev-split", args.dev_split]
        options += ["--model", args.model, "--unsup", str(unsup), "--quiet"]
        if args.model == "neural":
            options += FINAL
        return train.main(options + args.rest)


if __name__ == "__main__":
    main()
