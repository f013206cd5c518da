"""Train the tagger from a CoNLL file, reproducibly.

    python -m helpers.entities.tagger.train --train ../shared/data/anercorp/train.tsv --out models/ner \
        [--dev-split 0.1] [--seed 0] [--model crf|neural] [--unsup models/unsup]

The last `--dev-split` of the sentences (contiguous) is held out as the development set: the
model is trained on the rest and scored on it (mention-level exact match, CoNLL); the scores go
to MODEL_DIR/dev_scores.json. `--dev-split 0` trains on every sentence.

The model folder is self-contained: config.json, knowledge.json (the project's gazetteer /
lexicon snapshot, see `project.export_knowledge`), clusters.tsv.gz (copied from --unsup) and
the trained weights. `tagger.infer.load(MODEL_DIR)` reads it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import time
from dataclasses import asdict
from pathlib import Path

from .data import format_score, read_conll, score, split
from .features import FeatureConfig, Featurizer, Resources

DEFAULT_UNSUP = Path(__file__).resolve().parent.parent / "models" / "unsup"


def build_resources(
    out: Path, use_knowledge: bool, unsup: Path | None, knowledge_file: str | None
) -> Resources:
    """Resources for a new model, written into `out` (knowledge.json, clusters.tsv.gz)."""
    knowledge = None
    if knowledge_file:
        knowledge = json.loads(Path(knowledge_file).read_text(encoding="utf-8"))
    elif use_knowledge:
        from .project import export_knowledge

        try:
            knowledge = export_knowledge()
        except ImportError as exc:
            raise SystemExit(
                f"{exc}\nthe project's knowledge cannot be read: update tagger/project.py "
                "or pass --knowledge MODEL_DIR/knowledge.json of an earlier model"
            ) from exc
    if knowledge is not None:
        (out / "knowledge.json").write_text(
            json.dumps(knowledge, ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )
    if unsup is not None and (unsup / "clusters.tsv.gz").is_file():
        shutil.copyfile(unsup / "clusters.tsv.gz", out / "clusters.tsv.gz")
    return Resources.build(knowledge, out if unsup is not None else None)


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description="Train the Arabic NER tagger.")
    ap.add_argument("--train", required=True, help="CoNLL file (token<TAB>tag)")
    ap.add_argument("--out", default="models/ner")
    ap.add_argument("--dev-split", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", choices=["crf", "neural"], default="crf")
    ap.add_argument(
        "--unsup", default=str(DEFAULT_UNSUP), help="folder written by tagger.unsup ('' for none)"
    )
    ap.add_argument(
        "--knowledge", default=None, help="a knowledge.json to use instead of the project's snapshot"
    )
    ap.add_argument("--no-gazetteer", action="store_true")
    ap.add_argument("--no-clusters", action="store_true")
    ap.add_argument("--no-lexicon", action="store_true", help="no given names nor trigger words")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--max-iterations", type=int, default=250)
    ap.add_argument("--window", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=None, help="neural: training epochs")
    ap.add_argument(
        "--threads", type=int, default=1, help="neural: torch threads (1: faster on a shared 2-core machine)"
    )
    ap.add_argument(
        "--set",
        nargs="*",
        default=[],
        metavar="KEY=VALUE",
        help="neural: NeuralConfig overrides (e.g. hidden=128 freeze_words=true)",
    )
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    random.seed(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    sentences = read_conll(args.train)
    train, dev = split(sentences, args.dev_split)
    unsup = Path(args.unsup) if args.unsup and not args.no_clusters else None
    use_knowledge = not (args.no_gazetteer and args.no_lexicon)
    res = build_resources(out, use_knowledge, unsup, args.knowledge)
    cfg = FeatureConfig(
        gazetteer=not args.no_gazetteer,
        clusters=unsup is not None,
        given=not args.no_lexicon,
        triggers=not args.no_lexicon,
        window=args.window,
    )
    featurizer = Featurizer(res, cfg)
    config = {
        "model": args.model,
        "features": asdict(cfg),
        "seed": args.seed,
        "train_file": os.path.basename(args.train),
        "dev_split": args.dev_split,
        "n_train_sentences": len(train),
        "n_dev_sentences": len(dev),
    }
    if args.model == "crf":
        from .model import CRFTagger

        tagger = CRFTagger(featurizer, c1=args.c1, c2=args.c2, max_iterations=args.max_iterations)
        config["crf"] = tagger.params
        tagger.fit(train, out, verbose=False)
    else:
        import torch

        from .neural import NeuralConfig, NeuralTagger

        torch.set_num_threads(args.threads)
        overrides = {"epochs": args.epochs} if args.epochs else {}
        for item in args.set:
            key, value = item.split("=", 1)
            kind = type(getattr(NeuralConfig, key))
            overrides[key] = value.lower() in ("1", "true", "yes") if kind is bool else kind(value)
        ncfg = NeuralConfig(seed=args.seed, **overrides)
        tagger = NeuralTagger(featurizer, ncfg)
        config["neural"] = asdict(ncfg)
        tagger.fit(
            train,
            out,
            dev=dev or None,
            verbose=not args.quiet,
            vectors_path=unsup / "vectors.npz" if unsup is not None else None,
        )
    train_seconds = time.time() - t0
    config["train_seconds"] = round(train_seconds, 1)
    (out / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    result = {"train_seconds": round(train_seconds, 1)}
    if dev:
        t1 = time.time()
        pred = tagger.tag([toks for toks, _ in dev])
        result["dev_tag_seconds"] = round(time.time() - t1, 2)
        s = score([tags for _, tags in dev], pred)
        result["dev"] = s
        (out / "dev_scores.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        print(format_score(s))
    print(f"trained in {train_seconds:.0f}s -> {out}")
    return result


if __name__ == "__main__":
    main()
