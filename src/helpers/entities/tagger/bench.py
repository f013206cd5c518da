"""Inference speed and a sample of mentions on SaudiNewsNet articles.

    python -m helpers.entities.tagger.bench [--model DIR] \
        --zip PATH/saudinewsnet/2015-08-06.zip [--articles 1000] [--sample 5 --seed 0]

Speed: UTF-8 megabytes of article text per second through `predict_spans` (tokenisation,
features, decoding, span building), single process, model loaded beforehand (its per-word
caches start empty). Sample: the mentions of `--sample` random articles, with context.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
import zipfile

from helpers.core.paths import PROJECT_ROOT

from .infer import DEFAULT_MODEL


def articles(path: str) -> list[str]:
    out = []
    with zipfile.ZipFile(path) as z:
        for member in sorted(n for n in z.namelist() if n.endswith(".json")):
            out += [r["content"] for r in json.loads(z.read(member).decode("utf-8")) if r.get("content")]
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument(
        "--zip", default=str(PROJECT_ROOT.parent / "shared" / "data" / "saudinewsnet" / "2015-08-06.zip")
    )
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-mentions", type=int, default=30)
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(1)
    from .infer import load

    texts = articles(args.zip)
    t0 = time.time()
    ner = load(args.model)
    print(f"model loaded in {time.time() - t0:.1f}s")
    if args.articles:
        batch = texts[: args.articles]
        size = sum(len(t.encode("utf-8")) for t in batch)
        t1, c1 = time.perf_counter(), time.process_time()
        spans = ner.predict_spans(batch)
        dt, dc = time.perf_counter() - t1, time.process_time() - c1
        print(
            f"{len(batch)} articles, {size / 1e6:.2f} MB, {sum(map(len, spans))} mentions: "
            f"{dt:.1f}s wall = {size / 1e6 / dt:.2f} MB/s; {dc:.1f}s CPU = {size / 1e6 / dc:.2f} MB/CPU-s "
            f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
    if args.sample:
        rng = random.Random(args.seed)
        picked = rng.sample(range(len(texts)), args.sample)
        n = 0
        for k in picked:
            text = texts[k]
            print(f"--- article {k} ({len(text)} chars)")
            per_article = -(-args.max_mentions // args.sample)
            for a, b, kind in ner.predict_spans([text])[0][:per_article]:
                if n >= args.max_mentions:
                    break
                left = text[max(0, a - 30) : a].replace("\n", " ")
                right = text[b : b + 30].replace("\n", " ")
                print(f"{n + 1:2d}. {kind:4} [{text[a:b]}]   ...{left}⟦{text[a:b]}⟧{right}...")
                n += 1


if __name__ == "__main__":
    main()
