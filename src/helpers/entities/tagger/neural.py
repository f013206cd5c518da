"""Neural tagger: char-CNN + word embeddings (initialised from the SaudiNewsNet word2vec vectors)
+ dictionary features -> BiLSTM -> CRF, in torch, trained on CPU.

Per-token inputs:
- the folded word and its proclitic-stripped stem (one shared embedding table, initialised from
  `vectors.npz` of `tagger.unsup`; training words not in it start random);
- a character CNN over the folded word (with boundary marks);
- discrete features, each a small embedding: word shape, length, frequency bucket in the
  unlabelled text, k-means clusters (256 / 1024), given-name kind, proclitic, definiteness,
  gazetteer BIO tag, and a multi-hot of trigger-word kinds.
At inference everything that depends only on the word is computed once per word type and cached
as its contribution to the LSTM's input gates (the input is linear in it), so a sentence costs
one gazetteer walk, the recurrence and Viterbi decoding.
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .data import LABELS
from .features import TRIGGER_KINDS, Featurizer, _len_bucket, _shape

NEURAL_FILE = "neural.pt"
VOCAB_FILE = "neural_vocab.json"
GAZ_TAGS = ["O"] + [f"{p}-{t}" for t in ("PER", "LOC", "ORG", "MISC") for p in "BI"]


@dataclass
class NeuralConfig:
    seed: int = 0
    word_dim: int = 100
    char_dim: int = 32
    char_filters: int = 64
    feat_dim: int = 8
    hidden: int = 128
    dropout: float = 0.5
    word_dropout: float = 0.05
    epochs: int = 30
    batch_size: int = 16
    lr: float = 2e-3
    min_train_count: int = 1
    max_chars: int = 20
    freeze_words: bool = False  # keep the pretrained word vectors fixed (train-only words learn)


class CRF(nn.Module):
    """Linear-chain CRF with start / end transitions; batch-first, masks for padding."""

    def __init__(self, n_tags: int):
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))  # trans[i, j]: i -> j
        self.start = nn.Parameter(torch.zeros(n_tags))
        self.end = nn.Parameter(torch.zeros(n_tags))

    def nll(self, emissions, tags, mask):
        """Negative log-likelihood summed over the batch."""
        b, t, k = emissions.shape
        maskf = mask.float()
        # score of the gold path
        score = self.start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1]).squeeze(1)
        for i in range(1, t):
            s = self.trans[tags[:, i - 1], tags[:, i]] + emissions[:, i].gather(
                1, tags[:, i : i + 1]
            ).squeeze(1)
            score = score + s * maskf[:, i]
        lengths = mask.long().sum(1)
        last = tags.gather(1, (lengths - 1).unsqueeze(1)).squeeze(1)
        score = score + self.end[last]
        # partition function
        alpha = self.start.unsqueeze(0) + emissions[:, 0]
        for i in range(1, t):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), dim=1) + emissions[:, i]
            alpha = torch.where(mask[:, i].unsqueeze(1), nxt, alpha)
        logz = torch.logsumexp(alpha + self.end.unsqueeze(0), dim=1)
        return (logz - score).sum()

    @torch.no_grad()
    def viterbi_tensor(self, emissions, mask) -> torch.Tensor:
        """Best paths [B, T] (positions past a sequence's length repeat its last tag)."""
        b, t, k = emissions.shape
        score = self.start.unsqueeze(0) + emissions[:, 0]
        history = []
        ident = torch.arange(k).expand(b, k)
        for i in range(1, t):
            best, idx = (score.unsqueeze(2) + self.trans.unsqueeze(0)).max(dim=1)
            m = mask[:, i].unsqueeze(1)
            score = torch.where(m, best + emissions[:, i], score)
            history.append(torch.where(m, idx, ident))
        score = score + self.end.unsqueeze(0)
        tag = score.argmax(1)
        path = [tag]
        for i in range(t - 2, -1, -1):
            tag = history[i].gather(1, tag.unsqueeze(1)).squeeze(1)
            path.append(tag)
        return torch.stack(path[::-1], dim=1)

    @torch.no_grad()
    def marginals(self, emissions, mask) -> torch.Tensor:
        """Posterior marginals [B, T, K] of each tag at each position (forward-backward);
        sequences are padded at the end (positions past a length are not meaningful)."""
        b, t, k = emissions.shape
        trans = self.trans.unsqueeze(0)
        alphas = [self.start.unsqueeze(0) + emissions[:, 0]]
        for i in range(1, t):
            nxt = torch.logsumexp(alphas[-1].unsqueeze(2) + trans, dim=1) + emissions[:, i]
            alphas.append(torch.where(mask[:, i].unsqueeze(1), nxt, alphas[-1]))
        end = self.end.unsqueeze(0).expand(b, k)
        betas = [end]
        for i in range(t - 2, -1, -1):
            nxt = torch.logsumexp(trans + (emissions[:, i + 1] + betas[-1]).unsqueeze(1), dim=2)
            betas.append(torch.where(mask[:, i + 1].unsqueeze(1), nxt, end))
        alpha = torch.stack(alphas, dim=1)
        beta = torch.stack(betas[::-1], dim=1)
        logz = torch.logsumexp(alphas[-1] + end, dim=1)
        return torch.exp(alpha + beta - logz.view(b, 1, 1))

    @torch.no_grad()
    def viterbi(self, emissions, mask) -> list[list[int]]:
        b, t, k = emissions.shape
        score = self.start.unsqueeze(0) + emissions[:, 0]
        history = []
        for i in range(1, t):
            total = score.unsqueeze(2) + self.trans.unsqueeze(0)
            best, idx = total.max(dim=1)
            nxt = best + emissions[:, i]
            m = mask[:, i].unsqueeze(1)
            score = torch.where(m, nxt, score)
            history.append(torch.where(m, idx, torch.arange(k).expand(b, k)))
        score = score + self.end.unsqueeze(0)
        lengths = mask.long().sum(1).tolist()
        best_last = score.argmax(1).tolist()
        hist = torch.stack(history, 1).tolist() if history else [[] for _ in range(b)]
        paths = []
        for n in range(b):
            tag = best_last[n]
            path = [tag]
            for i in range(lengths[n] - 2, -1, -1):
                tag = hist[n][i][tag]
                path.append(tag)
            paths.append(path[::-1])
        return paths


class Net(nn.Module):
    def __init__(self, cfg: NeuralConfig, n_words: int, n_chars: int, n_disc: list[int], n_tags: int):
        super().__init__()
        self.cfg = cfg
        self.word = nn.Embedding(n_words, cfg.word_dim, padding_idx=0)
        self.char = nn.Embedding(n_chars, cfg.char_dim, padding_idx=0)
        self.conv = nn.Conv1d(cfg.char_dim, cfg.char_filters, kernel_size=3, padding=1)
        self.disc = nn.ModuleList(nn.Embedding(n, cfg.feat_dim) for n in n_disc)
        self.gaz = nn.Embedding(len(GAZ_TAGS), cfg.feat_dim)
        type_dim = 2 * cfg.word_dim + cfg.char_filters + cfg.feat_dim * len(n_disc) + len(TRIGGER_KINDS)
        self.type_dim = type_dim
        self.drop = nn.Dropout(cfg.dropout)
        self.lstm = nn.LSTM(type_dim + cfg.feat_dim, cfg.hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * cfg.hidden, n_tags)
        self.crf = CRF(n_tags)

    def type_repr(self, words, stems, chars, disc, trig):
        """Word-type part of the input: [N, type_dim] for N word types."""
        c = self.char(chars).transpose(1, 2)  # N, char_dim, L
        c = torch.relu(self.conv(c)).max(dim=2).values  # N, filters
        parts = [self.word(words), self.word(stems), c]
        parts += [emb(disc[:, k]) for k, emb in enumerate(self.disc)]
        parts.append(trig)
        return torch.cat(parts, dim=1)

    def emissions(self, type_x, gaz, mask):
        """type_x: B, T, type_dim; gaz: B, T."""
        x = torch.cat([type_x, self.gaz(gaz)], dim=2)
        x = self.drop(x)
        lengths = mask.long().sum(1).cpu()
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        return self.out(self.drop(h))


class NeuralTagger:
    def __init__(self, featurizer: Featurizer, cfg: NeuralConfig | None = None):
        self.featurizer = featurizer
        self.cfg = cfg or NeuralConfig()
        self.net: Net | None = None
        self.words: dict[str, int] = {}
        self.chars: dict[str, int] = {}
        self.disc_values: list[dict[str, int]] = []
        self._type_cache: dict[str, int] = {}
        self._key_rows: dict[tuple[str, str], int] = {}
        self._type_rows: torch.Tensor | None = None
        self._n_rows = 0

    # --- vocabularies and per-type inputs -------------------------------------------------
    def _disc(self, token: str) -> list[str]:
        f, readings, clitic, stem, given, trig, row, stem_row = self.featurizer.info(token)
        shape = _shape(token)
        res = self.featurizer.res
        if row is None and stem_row is not None:
            row = stem_row
        names = res.cluster_names
        c256 = str(row[names.index("c256") + 1]) if row and "c256" in names else "-"
        c1024 = str(row[names.index("c1024") + 1]) if row and "c1024" in names else "-"
        fq = str(min(int(math.log2(row[0] + 1)), 20)) if row else "oov"
        definite = "1" if stem.startswith("ال") and len(stem) > 3 else "0"
        return [shape, _len_bucket(len(f)), fq, c256, c1024, given or "-", clitic or "-", definite]

    def _build_vocab(self, train, vectors_path: Path | None):
        counts: dict[str, int] = {}
        for tokens, _ in train:
            for t in tokens:
                info = self.featurizer.info(t)
                for w in {info[0], info[3]}:
                    counts[w] = counts.get(w, 0) + 1
        words = ["<pad>", "<unk>"]
        pre_vocab, pre = [], None
        if vectors_path is not None and vectors_path.is_file():
            z = np.load(vectors_path)
            pre_vocab = [str(w) for w in z["vocab"]]
            pre = z["q"].astype(np.float32) * z["scales"][:, None]
        words += pre_vocab
        known = set(words)
        words += sorted(w for w, c in counts.items() if c >= self.cfg.min_train_count and w not in known)
        self.words = {w: i for i, w in enumerate(words)}
        chars = {"<pad>": 0, "<unk>": 1, "<w>": 2, "</w>": 3}
        for tokens, _ in train:
            for t in tokens:
                for ch in self.featurizer.info(t)[0]:
                    if ch not in chars:
                        chars[ch] = len(chars)
        self.chars = chars
        disc = [dict(_unk=0) for _ in range(len(self._disc("x")))]
        for tokens, _ in train:
            for t in tokens:
                for k, v in enumerate(self._disc(t)):
                    if v not in disc[k]:
                        disc[k][v] = len(disc[k])
        self.disc_values = disc
        return pre, len(pre_vocab)

    def _type_inputs(self, token: str):
        f, _, _, stem, _, trig, _, _ = self.featurizer.info(token)
        unk = 1
        w = self.words.get(f, unk)
        s = self.words.get(stem, w)
        cs = [2] + [self.chars.get(ch, 1) for ch in f[: self.cfg.max_chars]] + [3]
        d = [vals.get(v, 0) for vals, v in zip(self.disc_values, self._disc(token), strict=False)]
        tr = [1.0 if k in trig else 0.0 for k in TRIGGER_KINDS]
        return w, s, cs, d, tr

    def _tensorise_types(self, types: list[str]):
        rows = [self._type_inputs(t) for t in types]
        L = max(len(r[2]) for r in rows)
        chars = np.zeros((len(rows), L), dtype=np.int64)
        for i, r in enumerate(rows):
            chars[i, : len(r[2])] = r[2]
        words = torch.tensor([r[0] for r in rows])
        stems = torch.tensor([r[1] for r in rows])
        disc = torch.tensor([r[3] for r in rows])
        trig = torch.tensor([r[4] for r in rows])
        return words, stems, torch.from_numpy(chars), disc, trig

    # --- training --------------------------------------------------------------------------
    def fit(self, train, model_dir, dev=None, verbose=True, vectors_path=None):
        cfg = self.cfg
        torch.manual_seed(cfg.seed)
        random.seed(cfg.seed)
        np.random.seed(cfg.seed)
        model_dir = Path(model_dir)
        pre, n_pre = self._build_vocab(train, Path(vectors_path) if vectors_path else None)
        n_disc = [len(v) for v in self.disc_values]
        self.net = net = Net(cfg, len(self.words), len(self.chars), n_disc, len(LABELS))
        if pre is not None and n_pre:
            with torch.no_grad():
                nn.init.normal_(net.word.weight, 0.0, 0.1)
                net.word.weight[0].zero_()
                net.word.weight[2 : 2 + n_pre] = torch.from_numpy(pre / float(np.std(pre)) * 0.1)
        label_id = {lab: i for i, lab in enumerate(LABELS)}
        # type table of the training set
        types = sorted({t for tokens, _ in train for t in tokens})
        type_id = {t: i for i, t in enumerate(types)}
        type_tensors = self._tensorise_types(types)
        unk_words = torch.full((len(types),), 1)
        data = []
        for tokens, tags in train:
            data.append(
                (
                    torch.tensor([type_id[t] for t in tokens]),
                    torch.tensor([GAZ_TAGS.index(g) for g in self.featurizer.gazetteer_tags(tokens)]),
                    torch.tensor([label_id[t] for t in tags]),
                )
            )
        if cfg.freeze_words and n_pre:
            keep = torch.zeros(len(self.words), 1)
            keep[2 + n_pre :] = 1.0  # words not in the pretrained table (and <unk>) still learn
            keep[1] = 1.0
            net.word.weight.register_hook(lambda g: g * keep)
        opt = torch.optim.Adam(net.parameters(), lr=cfg.lr)
        n_batches = math.ceil(len(data) / cfg.batch_size)
        sched = torch.optim.lr_scheduler.OneCycleLR(
            opt, max_lr=cfg.lr, total_steps=cfg.epochs * n_batches, pct_start=0.1
        )
        rng = random.Random(cfg.seed)
        self.history = []
        for epoch in range(cfg.epochs):
            net.train()
            t0 = time.time()
            order = list(range(len(data)))
            rng.shuffle(order)
            total = 0.0
            for b in range(n_batches):
                batch = [data[k] for k in order[b * cfg.batch_size : (b + 1) * cfg.batch_size]]
                ids = sorted({int(x) for seq, _, _ in batch for x in seq})
                local = {g: i for i, g in enumerate(ids)}
                idx = torch.tensor(ids)
                w, s, c, d, tr = (x[idx] for x in type_tensors)
                if cfg.word_dropout:
                    drop = torch.rand(len(ids)) < cfg.word_dropout
                    w = torch.where(drop, unk_words[: len(ids)], w)
                    s = torch.where(drop, unk_words[: len(ids)], s)
                tx = net.type_repr(w, s, c, d, tr)
                T = max(len(seq) for seq, _, _ in batch)
                B = len(batch)
                pos = torch.zeros(B, T, dtype=torch.long)
                gaz = torch.zeros(B, T, dtype=torch.long)
                tags = torch.zeros(B, T, dtype=torch.long)
                mask = torch.zeros(B, T, dtype=torch.bool)
                for n, (seq, g, y) in enumerate(batch):
                    L = len(seq)
                    pos[n, :L] = torch.tensor([local[int(x)] for x in seq])
                    gaz[n, :L] = g
                    tags[n, :L] = y
                    mask[n, :L] = True
                em = net.emissions(tx[pos], gaz, mask)
                loss = net.crf.nll(em, tags, mask) / B
                opt.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(net.parameters(), 5.0)
                opt.step()
                sched.step()
                total += float(loss.detach()) * B
            msg = f"epoch {epoch + 1}: loss {total / len(data):.3f} ({time.time() - t0:.0f}s)"
            if dev is not None and verbose:
                from .data import score

                self._reset_cache()
                f1 = score([t for _, t in dev], self.tag([x for x, _ in dev]))["micro"][2]
                self.history.append((epoch + 1, round(total / len(data), 4), round(f1, 2)))
                msg += f" dev F1 {f1:.2f}"
            if verbose:
                print(msg, flush=True)
        self._reset_cache()
        self.save(model_dir)

    def precompute(self, words: list[str], batch: int = 4096) -> None:
        """Fill the per-type cache with `words` (as written: a frequent news word list), so that
        tagging text made mostly of them computes few new rows."""
        for k in range(0, len(words), batch):
            self._projected(words[k : k + batch])

    def _reset_cache(self) -> None:
        self._type_rows = None
        self._type_cache = {}
        self._key_rows = {}
        self._n_rows = 0

    # --- persistence ---------------------------------------------------------------------
    def save(self, model_dir):
        model_dir = Path(model_dir)
        model_dir.mkdir(parents=True, exist_ok=True)
        state = dict(self.net.state_dict())
        # the word table is most of the model: int8 with one scale per row (as vectors.npz)
        w = state.pop("word.weight")
        scales = w.abs().max(dim=1).values.clamp_min(1e-12) / 127.0
        state["word.weight.q"] = torch.round(w / scales[:, None]).to(torch.int8)
        state["word.weight.scales"] = scales
        torch.save(state, model_dir / NEURAL_FILE)
        vocab = {
            "words": sorted(self.words, key=self.words.get),
            "chars": sorted(self.chars, key=self.chars.get),
            "disc": [sorted(v, key=v.get) for v in self.disc_values],
            "config": asdict(self.cfg),
        }
        (model_dir / VOCAB_FILE).write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, model_dir, featurizer: Featurizer) -> NeuralTagger:
        model_dir = Path(model_dir)
        vocab = json.loads((model_dir / VOCAB_FILE).read_text(encoding="utf-8"))
        known = set(NeuralConfig.__dataclass_fields__)
        self = cls(featurizer, NeuralConfig(**{k: v for k, v in vocab["config"].items() if k in known}))
        self.words = {w: i for i, w in enumerate(vocab["words"])}
        self.chars = {c: i for i, c in enumerate(vocab["chars"])}
        self.disc_values = [{v: i for i, v in enumerate(vals)} for vals in vocab["disc"]]
        self.net = Net(
            self.cfg, len(self.words), len(self.chars), [len(v) for v in self.disc_values], len(LABELS)
        )
        state = torch.load(model_dir / NEURAL_FILE, map_location="cpu")
        if "word.weight.q" in state:
            state["word.weight"] = (
                state.pop("word.weight.q").float() * state.pop("word.weight.scales")[:, None]
            )
        self.net.load_state_dict({k: v.float() for k, v in state.items()})
        return self

    # --- inference -----------------------------------------------------------------------
    def _projected(self, tokens_needed: list[str]) -> None:
        """Cache each new word type's contribution to the LSTM input gates (both directions) in
        `_type_rows` (grown by doubling), its row number in `_type_cache`. The contribution
        depends only on the folded word and the shape, so spellings that fold alike (diacritics,
        numbers) share one row."""
        cache = self._type_cache
        new = [t for t in dict.fromkeys(tokens_needed) if t not in cache]
        if not new:
            return
        by_key = self._key_rows
        info = self.featurizer.info
        fresh: dict[tuple[str, str], str] = {}
        keys = []
        for t in new:
            key = (info(t)[0], _shape(t))
            keys.append(key)
            if key not in by_key and key not in fresh:
                fresh[key] = t
        start = self._n_rows if self._type_rows is not None else 0
        if fresh:
            net = self.net
            with torch.no_grad():
                tx = net.type_repr(*self._tensorise_types(list(fresh.values())))
                d = net.type_dim
                lstm = net.lstm
                w = torch.cat([lstm.weight_ih_l0[:, :d], lstm.weight_ih_l0_reverse[:, :d]], dim=0)
                bias = torch.cat(
                    [lstm.bias_ih_l0 + lstm.bias_hh_l0, lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse]
                )
                proj = tx @ w.T + bias
            need = start + len(fresh)
            if self._type_rows is None or need > self._type_rows.shape[0]:
                size = 0 if self._type_rows is None else self._type_rows.shape[0]
                grown = torch.empty(max(need, 2 * size, 4096), proj.shape[1])
                if self._type_rows is not None:
                    grown[:start] = self._type_rows[:start]
                self._type_rows = grown
            self._type_rows[start:need] = proj
            self._n_rows = need
            for k, key in enumerate(fresh):
                by_key[key] = start + k
        for t, key in zip(new, keys, strict=False):
            cache[t] = by_key[key]

    def tag(self, sentences: list[list[str]], batch_size: int = 256) -> list[list[str]]:
        return self.tag_with_confidence(sentences, batch_size, confidence=False)[0]

    @torch.no_grad()
    def tag_with_confidence(
        self, sentences: list[list[str]], batch_size: int = 256, confidence: bool = True
    ) -> tuple[list[list[str]], list[list[float]]]:
        """BIO tags of each sentence and, with `confidence`, each token's posterior marginal of
        the tag it was given (CRF forward-backward)."""
        net = self.net
        net.eval()
        out: list[list[str] | None] = [[] if not s else None for s in sentences]
        probs: list[list[float]] = [[] for _ in sentences]
        order = sorted((k for k in range(len(sentences)) if sentences[k]), key=lambda k: len(sentences[k]))
        d = net.type_dim
        H = net.cfg.hidden
        lstm = net.lstm
        # gazetteer-tag contribution to the input gates: rows 0..8 forward, 9..17 backward
        gaz_proj = torch.cat(
            [net.gaz.weight @ lstm.weight_ih_l0[:, d:].T, net.gaz.weight @ lstm.weight_ih_l0_reverse[:, d:].T]
        )
        w_hh = torch.stack([lstm.weight_hh_l0.T, lstm.weight_hh_l0_reverse.T]).contiguous()  # 2, H, 4H
        gaz_index = {g: i for i, g in enumerate(GAZ_TAGS)}
        n_gaz = len(GAZ_TAGS)
        for b in range(0, len(order), batch_size):
            idx = order[b : b + batch_size]
            batch = [sentences[k] for k in idx]
            self._projected([t for s in batch for t in s])
            B, T = len(batch), len(batch[-1])
            # [2, B, T]: direction 0 reads the tokens left to right, direction 1 right to left;
            # both are padded at the end (a padded position's output is never read)
            pos = np.zeros((2, B, T), dtype=np.int64)
            gaz = np.zeros((2, B, T), dtype=np.int64)
            back = np.zeros((B, T), dtype=np.int64)  # where direction 1 holds token i
            lengths = np.zeros(B, dtype=np.int64)
            cache = self._type_cache
            rows = self._type_rows
            for n, s in enumerate(batch):
                L = len(s)
                p = [cache[t] for t in s]
                g = [gaz_index[x] for x in self.featurizer.gazetteer_tags(s)]
                pos[0, n, :L] = p
                pos[1, n, :L] = p[::-1]
                gaz[0, n, :L] = g
                gaz[1, n, :L] = g[::-1]
                back[n, :L] = np.arange(L - 1, -1, -1)
                lengths[n] = L
            # time-major indices: each step gathers its input gates (never the whole 2 x B x T x 4H)
            pos_t = torch.from_numpy(pos.transpose(0, 2, 1).copy())
            gaz_t = torch.from_numpy(gaz.transpose(0, 2, 1).copy())
            hs = self._run_steps(rows, gaz_proj, pos_t, gaz_t, w_hh, H, n_gaz)  # 2, B, T, H
            hb = hs[1].gather(1, torch.from_numpy(back).unsqueeze(2).expand(B, T, H))
            mask = torch.arange(T).unsqueeze(0) < torch.from_numpy(lengths).unsqueeze(1)  # B, T
            em = net.out(torch.cat([hs[0], hb], dim=2))
            best = net.crf.viterbi_tensor(em, mask)
            paths = best.tolist()
            if confidence:
                chosen = net.crf.marginals(em, mask).gather(2, best.unsqueeze(2)).squeeze(2).tolist()
            for n, k in enumerate(idx):
                out[k] = [LABELS[p] for p in paths[n][: lengths[n]]]
                if confidence:
                    probs[k] = chosen[n][: lengths[n]]
        return out, probs

    @staticmethod
    def _run_steps(rows, gaz_proj, pos, gaz, w_hh, H: int, n_gaz: int):
        """Both LSTM directions in one loop over sequences padded at the end, each step's input
        gates gathered from the per-type rows `rows` [N, 8H] and the gazetteer-tag rows
        `gaz_proj` [2 * n_gaz, 4H] by the time-major indices `pos`, `gaz` [2, T, B]. Returns
        [2, B, T, H] (outputs past a sequence's end are not meaningful)."""
        _, T, B = pos.shape
        forward, backward = rows[:, : 4 * H], rows[:, 4 * H :]
        gaz_f, gaz_b = gaz_proj[:n_gaz], gaz_proj[n_gaz:]
        h = rows.new_zeros(2, B, H)
        c = rows.new_zeros(2, B, H)
        out = rows.new_empty(2, B, T, H)
        x = rows.new_empty(2, B, 4 * H)
        for t in range(T):
            torch.index_select(forward, 0, pos[0, t], out=x[0])
            torch.index_select(backward, 0, pos[1, t], out=x[1])
            x[0] += gaz_f[gaz[0, t]]
            x[1] += gaz_b[gaz[1, t]]
            z = torch.baddbmm(x, h, w_hh)  # gates i, f, g, o
            s = torch.sigmoid(z[:, :, : 2 * H])
            c = s[:, :, H:] * c + s[:, :, :H] * torch.tanh(z[:, :, 2 * H : 3 * H])
            h = torch.sigmoid(z[:, :, 3 * H :]) * torch.tanh(c)
            out[:, :, t] = h
        return out
