"""Token features shared by the CRF and the neural tagger.

`Resources` holds the knowledge the features read: the project's snapshot (gazetteer names and
types, given names, trigger words, proclitics; see `project.export_knowledge`) and the
unsupervised tables (word counts and k-means cluster ids from SaudiNewsNet, see `tagger.unsup`).
`Featurizer` turns a sentence (list of tokens) into CRF attribute lists. Everything that depends
only on the word is computed once per word type and cached, so that tagging runs at the speed of
string concatenation: the per-sentence work is the gazetteer trie walk and joining the lists.
"""

from __future__ import annotations

import gzip
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .project import fold

_DIGITS = re.compile(r"\d")
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile(r"[A-Za-z]")
END = ""
TRIGGER_KINDS = (
    "title",
    "title_link",
    "speech",
    "org_head",
    "media_head",
    "place_head",
    "event_head",
    "event_word",
    "particle",
)
MAX_GAZ_WORDS = 7


def norm_word(token: str) -> str:
    """Folded token, digits as 0 (the key of the unsupervised tables)."""
    return _DIGITS.sub("0", fold(token))


@dataclass
class Resources:
    """Knowledge for the features; `load(dir)` / `save(dir)` keep it beside a model."""

    gazetteer: dict[str, str] = field(default_factory=dict)  # "w1 w2" (folded) -> type
    given_foreign: set[str] = field(default_factory=set)
    given_arabic: set[str] = field(default_factory=set)
    triggers: dict[str, set[str]] = field(default_factory=dict)
    proclitics: tuple[str, ...] = ("وب", "ول", "فب", "فل", "وك", "فك", "و", "ف", "ب", "ك", "ل")
    clusters: dict[str, tuple[int, ...]] = field(default_factory=dict)  # word -> (count, c1, c2, ...)
    cluster_names: tuple[str, ...] = ()

    def __post_init__(self):
        self.trie: dict = {}
        for name, kind in self.gazetteer.items():
            node = self.trie
            for tok in name.split(" "):
                node = node.setdefault(tok, {})
            node[END] = kind
        self.given_first = {g.split(" ")[0] for g in self.given_foreign | self.given_arabic}
        self.trigger_of: dict[str, list[str]] = {}
        for kind, words in self.triggers.items():
            for w in words:
                self.trigger_of.setdefault(w, []).append(kind)

    @classmethod
    def build(cls, knowledge: dict | None, unsup_dir: str | Path | None) -> Resources:
        knowledge = knowledge or {}
        clusters, names = {}, ()
        if unsup_dir is not None and (Path(unsup_dir) / "clusters.tsv.gz").is_file():
            clusters, names = read_clusters(Path(unsup_dir) / "clusters.tsv.gz")
        return cls(
            dict(knowledge.get("gazetteer", {})),
            set(knowledge.get("given_foreign", ())),
            set(knowledge.get("given_arabic", ())),
            {k: set(v) for k, v in knowledge.get("triggers", {}).items()},
            tuple(knowledge.get("proclitics") or cls.proclitics),
            clusters,
            names,
        )

    def knowledge(self) -> dict:
        return {
            "gazetteer": self.gazetteer,
            "given_foreign": sorted(self.given_foreign),
            "given_arabic": sorted(self.given_arabic),
            "triggers": {k: sorted(v) for k, v in self.triggers.items()},
            "proclitics": list(self.proclitics),
        }

    def readings(self, word: str) -> list[tuple[str, str]]:
        """(proclitic, rest) readings of a folded word, the whole word first; ل + ال is لل."""
        forms = [("", word)]
        for clitic in self.proclitics:
            if not word.startswith(clitic):
                continue
            rest = word[len(clitic) :]
            if clitic.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
                forms.append((clitic, "ا" + rest))
            elif len(rest) >= 2:
                forms.append((clitic, rest))
        return forms


def read_clusters(path: Path) -> tuple[dict[str, tuple[int, ...]], tuple[str, ...]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        table = {}
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            table[parts[0]] = tuple(int(x) for x in parts[1:])
    return table, tuple(header[2:])


@lru_cache(maxsize=1 << 18)
def _shape(token: str) -> str:
    kinds = []
    for ch in token:
        if ch.isdigit():
            k = "d"
        elif _ARABIC.match(ch):
            k = "a"
        elif _LATIN.match(ch):
            k = "A" if ch.isupper() else "l"
        elif ch.isalpha():
            k = "o"
        elif ch in "\u0640" or "\u064b" <= ch <= "\u065f":
            continue
        else:
            k = "p"
        if not kinds or kinds[-1] != k:
            kinds.append(k)
    return "".join(kinds[:4])


def _len_bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "4" if n <= 5 else "6" if n <= 8 else "9"


@dataclass(frozen=True)
class FeatureConfig:
    gazetteer: bool = True
    clusters: bool = True
    given: bool = True
    triggers: bool = True
    affixes: bool = True
    window: int = 2


class Featurizer:
    """CRF attributes of the tokens of a sentence."""

    def __init__(self, res: Resources, config: FeatureConfig = FeatureConfig()):
        self.res = res
        self.cfg = config
        self._cache: dict[str, tuple[list[str], ...]] = {}
        self._info: dict[str, tuple] = {}

    # --- per word type -------------------------------------------------------------------
    def info(self, token: str) -> tuple:
        """(folded, readings, best stem, given kind, trigger kinds, cluster row) of a token."""
        got = self._info.get(token)
        if got is not None:
            return got
        res = self.res
        f = norm_word(token)
        readings = res.readings(f) if _ARABIC.match(f[:1] or " ") else [("", f)]
        row = res.clusters.get(f) if self.cfg.clusters else None
        # the stem: the reading whose rest is most frequent in the unlabelled text (the word itself
        # unless a proclitic reading is clearly more frequent: وبريطانيا -> بريطانيا)
        stem_clitic, stem = "", f
        if len(readings) > 1 and res.clusters:
            best = res.clusters.get(f, (0,))[0]
            for clitic, rest in readings[1:]:
                c = res.clusters.get(rest, (0,))[0]
                if c > 4 * best + 10:
                    stem_clitic, stem, best = clitic, rest, c
        given = ""
        trig: list[str] = []
        for _clitic, rest in readings:
            if not given and self.cfg.given:
                if rest in res.given_foreign:
                    given = "F"
                elif rest in res.given_arabic:
                    given = "A"
                elif rest in res.given_first:
                    given = "P"
            if self.cfg.triggers:
                for kind in res.trigger_of.get(rest, ()):
                    if kind not in trig:
                        trig.append(kind)
        stem_row = res.clusters.get(stem) if self.cfg.clusters and stem != f else None
        got = (f, readings, stem_clitic, stem, given, trig, row, stem_row)
        self._info[token] = got
        return got

    def word_features(self, token: str) -> tuple[list[str], ...]:
        """(own attributes, attributes as seen from offsets -w..-1, attributes from +1..+w)."""
        got = self._cache.get(token)
        if got is not None:
            return got
        cfg = self.cfg
        f, readings, stem_clitic, stem, given, trig, row, stem_row = self.info(token)
        shape = _shape(token)
        own = ["b", "w=" + f, "sh=" + shape, "len=" + _len_bucket(len(f))]
        ctx = ["w=" + f]
        if f != token and shape != "p":
            own.append("raw=" + token)
        if cfg.affixes and shape.startswith("a"):
            for n in (1, 2, 3):
                if len(f) > n:
                    own.append(f"p{n}=" + f[:n])
                    own.append(f"s{n}=" + f[-n:])
            if len(f) > 5:
                own.append("s4=" + f[-4:])
        body = stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem
        if stem_clitic:
            own.append("cl=" + stem_clitic)
            own.append("stem=" + stem)
            ctx.append("stem=" + stem)
        if body != stem or stem.startswith("ال"):
            own.append("def")
            own.append("body=" + body)
            ctx.append("def")
        for _clitic, rest in readings[1:]:
            own.append("rd=" + rest)
        if cfg.clusters:
            if row is None:
                own.append("oov")
                ctx.append("oov")
            else:
                own.append(f"fq={min(int(math.log2(row[0] + 1)), 20)}")
                for name, cid in zip(self.res.cluster_names, row[1:], strict=False):
                    own.append(f"{name}={cid}")
                names = self.res.cluster_names[:2]
                ctx.extend(f"{name}={cid}" for name, cid in zip(names, row[1:3], strict=False))
            if stem_row is not None:
                for name, cid in zip(self.res.cluster_names, stem_row[1:], strict=False):
                    own.append(f"s{name}={cid}")
                ctx.append(f"s{self.res.cluster_names[1]}={stem_row[2]}")
        if given:
            own.append("gn=" + given)
            ctx.append("gn=" + given)
        for kind in trig:
            own.append("tr=" + kind)
            ctx.append("tr=" + kind)
        w = cfg.window
        left = [[f"{-d}:{a}" for a in ctx] for d in range(w, 0, -1)]  # offsets -w .. -1
        right = [[f"+{d}:{a}" for a in ctx] for d in range(1, w + 1)]  # offsets +1 .. +w
        got = (own, *left, *right)
        self._cache[token] = got
        return got

    # --- per sentence --------------------------------------------------------------------
    def gazetteer_tags(self, tokens: list[str]) -> list[str]:
        """BIO tags of the longest gazetteer matches (first word may carry a proclitic)."""
        n = len(tokens)
        tags = ["O"] * n
        if not self.cfg.gazetteer or not self.res.trie:
            return tags
        trie = self.res.trie
        folded = [self.info(t)[0] for t in tokens]
        i = 0
        while i < n:
            best_len, best_kind = 0, None
            for _, first in self.info(tokens[i])[1]:
                node = trie.get(first) if first else None
                k = i
                while node is not None:
                    kind = node.get(END)
                    if kind and k - i + 1 > best_len:
                        best_len, best_kind = k - i + 1, kind
                    k += 1
                    if k >= n or k - i >= MAX_GAZ_WORDS:
                        break
                    node = node.get(folded[k]) if folded[k] else None
            if best_len:
                tags[i] = "B-" + best_kind
                for k in range(i + 1, i + best_len):
                    tags[k] = "I-" + best_kind
                i += best_len
            else:
                i += 1
        return tags

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """CRF attribute lists of the tokens of one sentence."""
        n = len(tokens)
        w = self.cfg.window
        feats = [self.word_features(t) for t in tokens]
        gaz = self.gazetteer_tags(tokens)
        folded = [self.info(t)[0] for t in tokens]
        out = []
        for i in range(n):
            attrs = list(feats[i][0])
            for d in range(1, w + 1):
                j = i - d
                if j >= 0:
                    attrs += feats[j][1 + w - d]  # token j is at offset -d
                elif j == -1:
                    attrs.append(f"-{d}:BOS")
                j = i + d
                if j < n:
                    attrs += feats[j][w + d]  # token j is at offset +d
                elif j == n:
                    attrs.append(f"+{d}:EOS")
            # bigrams with the neighbours
            if i > 0:
                attrs.append("b-1=" + folded[i - 1] + "|" + folded[i])
            if i + 1 < n:
                attrs.append("b+1=" + folded[i] + "|" + folded[i + 1])
            if gaz[i] != "O":
                attrs.append("gz=" + gaz[i])
                attrs.append("gzt=" + gaz[i][2:])
            if i > 0 and gaz[i - 1] != "O":
                attrs.append("-1:gz=" + gaz[i - 1])
            if i + 1 < n and gaz[i + 1] != "O":
                attrs.append("+1:gz=" + gaz[i + 1])
            out.append(attrs)
        return out
