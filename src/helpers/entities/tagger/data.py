"""CoNLL reading, the development split, BIO decoding and exact-span (CoNLL) scoring."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

#: ANERcorp's types -> the types the tagger outputs.
TYPES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
LABELS = ["O"] + [f"{p}-{t}" for t in ("PER", "LOC", "ORG", "MISC") for p in "BI"]

Sentence = tuple[list[str], list[str]]  # tokens, tags


def normalise_tag(tag: str) -> str:
    """B-PERS -> B-PER; anything unknown -> O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    kind = TYPES.get(kind)
    return f"{prefix}-{kind}" if kind and prefix in ("B", "I") else "O"


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL file (`token<TAB>tag`, blank line between sentences)."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    sentences.append((tokens, tags))
                    tokens, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            tokens.append(parts[0])
            tags.append(normalise_tag(parts[-1]) if len(parts) > 1 else "O")
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def split(sentences: list[Sentence], dev_fraction: float) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): dev is the LAST `dev_fraction` of the sentences (contiguous)."""
    n_dev = int(round(len(sentences) * dev_fraction))
    if n_dev <= 0:
        return list(sentences), []
    return list(sentences[:-n_dev]), list(sentences[-n_dev:])


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (first, last_exclusive, type) of a BIO tag sequence, CoNLL style: an I- tag
    after O or after another type starts a new span (as conlleval does)."""
    spans = []
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, t = tag.partition("-")
        if tag == "O" or prefix == "B" or (prefix == "I" and t != kind):
            if start is not None:
                spans.append((start, i, kind))
                start, kind = None, None
            if tag != "O":
                start, kind = i, t
    return spans


def score(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """Mention-level exact-match scores: {"micro": (p, r, f1), type: (p, r, f1, support), ...}
    (percentages), micro over all types."""
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1

    def prf(t, ng, npred):
        p = 100.0 * t / npred if npred else 0.0
        r = 100.0 * t / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    out = {"micro": prf(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values()))}
    for kind in sorted(set(n_gold) | set(n_pred)):
        out[kind] = (*prf(tp[kind], n_gold[kind], n_pred[kind]), n_gold[kind])
    return out


def format_score(s: dict) -> str:
    lines = ["type    P      R      F1    support"]
    for kind in ("PER", "LOC", "ORG", "MISC"):
        if kind in s:
            p, r, f, n = s[kind]
            lines.append(f"{kind:5} {p:6.2f} {r:6.2f} {f:6.2f} {n:6d}")
    p, r, f = s["micro"]
    lines.append(f"micro {p:6.2f} {r:6.2f} {f:6.2f}")
    return "\n".join(lines)
