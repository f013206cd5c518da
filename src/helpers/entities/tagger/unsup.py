"""Unsupervised word features from unlabelled news text (SaudiNewsNet), reproducibly.

    python -m helpers.entities.tagger.unsup --zips ../shared/data/saudinewsnet/2015-08-06.zip \
        ../shared/data/saudinewsnet/more/*.zip --out models/unsup

Steps (one process, fixed seeds, one worker thread: the same command gives the same files):
1. every article's `content` is tokenised like ANERcorp (`tagger.tokenize`), each token folded
   (`project.fold`) and digits mapped to 0;
2. word2vec skip-gram (gensim) on those sentences;
3. the vocabulary is pruned to the words seen at least `--min-count` times; k-means clusters
   of the unit-normalised vectors at several granularities (scikit-learn, fixed seed) give each
   of those words cluster ids (the CRF's word-cluster features);
4. the vectors of the `--keep-vectors` most frequent words are quantised to int8 (one scale
   per row) for the neural tagger's embedding initialisation.

Writes into --out: `clusters.tsv.gz` (word, count, one column per granularity),
`vectors.npz` (vocab, int8 matrix, scales) and `unsup.json` (parameters, corpus size).
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import re
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

from helpers.core.paths import PROJECT_ROOT

from .project import fold
from .tokenize import TOKEN

_DIGITS = re.compile(r"\d")


def norm_word(token: str) -> str:
    """The key of a token in the unsupervised tables: folded, digits as 0."""
    return _DIGITS.sub("0", fold(token))


def read_articles(zips: list[str]):
    """Article bodies of SaudiNewsNet day zips, in a fixed order (zip paths sorted)."""
    for path in sorted(zips):
        with zipfile.ZipFile(path) as z:
            for member in sorted(n for n in z.namelist() if n.endswith(".json")):
                for record in json.loads(z.read(member).decode("utf-8")):
                    content = record.get("content") or ""
                    if content.strip():
                        yield content


def corpus_sentences(zips: list[str]) -> list[list[str]]:
    """Sentences (lines, cut at sentence-final punctuation) of normalised tokens."""
    out = []
    for text in read_articles(zips):
        for line in text.split("\n"):
            current = []
            for m in TOKEN.finditer(line):
                w = norm_word(m.group())
                if not w:
                    continue
                current.append(w)
                if w in (".", "!", "?", "؟") and len(current) > 1:
                    out.append(current)
                    current = []
            if current:
                out.append(current)
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--zips",
        nargs="+",
        default=None,
        help="SaudiNewsNet day zips (default: all under ../shared/data/saudinewsnet beside the checkout)",
    )
    ap.add_argument("--out", default="models/unsup")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=5, help="words kept in the cluster table")
    ap.add_argument("--keep-vectors", type=int, default=50000, help="words whose vectors are kept")
    ap.add_argument("--clusters", default="64,256,1024")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    snn = PROJECT_ROOT.parent / "shared" / "data" / "saudinewsnet"
    zips = args.zips or sorted(glob.glob(str(snn / "*.zip")) + glob.glob(str(snn / "more" / "*.zip")))
    if not zips:
        ap.error(f"no SaudiNewsNet zips under {snn}: give them with --zips")
    if os.environ.get("PYTHONHASHSEED") != "0":
        print("note: set PYTHONHASHSEED=0 for bit-identical word2vec runs", file=sys.stderr)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    sents = corpus_sentences(zips)
    n_tokens = sum(map(len, sents))
    print(f"{len(sents)} sentences, {n_tokens} tokens from {len(zips)} zips ({time.time() - t0:.0f}s)")

    from gensim.models import Word2Vec

    t1 = time.time()
    model = Word2Vec(
        sentences=sents,
        vector_size=args.dim,
        window=args.window,
        min_count=args.min_count,
        sg=1,
        negative=5,
        sample=1e-4,
        epochs=args.epochs,
        workers=1,
        seed=args.seed,
    )
    print(f"word2vec: {len(model.wv.index_to_key)} words ({time.time() - t1:.0f}s)")
    words = list(model.wv.index_to_key)  # sorted by decreasing count, ties in first-seen order
    counts = np.array([model.wv.get_vecattr(w, "count") for w in words])
    vecs = model.wv.vectors.astype(np.float32)
    unit = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-8)

    from sklearn.cluster import KMeans

    ks = [int(k) for k in args.clusters.split(",")]
    assignments = []
    for k in ks:
        t2 = time.time()
        km = KMeans(n_clusters=k, n_init=1, max_iter=100, random_state=args.seed)
        assignments.append(km.fit_predict(unit))
        print(f"k-means {k}: {time.time() - t2:.0f}s")
    with gzip.GzipFile(out / "clusters.tsv.gz", "wb", mtime=0) as gz:
        lines = ["word\tcount\t" + "\t".join(f"c{k}" for k in ks)]
        for i, w in enumerate(words):
            lines.append(f"{w}\t{counts[i]}\t" + "\t".join(str(a[i]) for a in assignments))
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))

    keep = min(args.keep_vectors, len(words))
    top = vecs[:keep]
    scales = np.abs(top).max(axis=1) / 127.0
    q = np.round(top / np.maximum(scales[:, None], 1e-12)).astype(np.int8)
    np.savez_compressed(
        out / "vectors.npz", vocab=np.array(words[:keep]), q=q, scales=scales.astype(np.float32)
    )
    (out / "unsup.json").write_text(
        json.dumps(
            {
                "zips": [os.path.basename(z) for z in zips],
                "sentences": len(sents),
                "tokens": n_tokens,
                "vocab": len(words),
                "kept_vectors": keep,
                "dim": args.dim,
                "window": args.window,
                "epochs": args.epochs,
                "min_count": args.min_count,
                "clusters": ks,
                "seed": args.seed,
                "seconds": round(time.time() - t0),
            },
            indent=1,
        )
    )
    print(f"done in {time.time() - t0:.0f}s -> {out}")


if __name__ == "__main__":
    main()
