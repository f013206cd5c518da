"""The sequence labeller (helpers.entities.tagger): training on a tiny CoNLL sample written here,
the retraining command, the fast inference path, the shipped model."""

import json

import pytest

torch = pytest.importorskip("torch")

from helpers.entities import labeller  # noqa: E402
from helpers.entities.tagger import __main__ as retrain  # noqa: E402
from helpers.entities.tagger import train  # noqa: E402
from helpers.entities.tagger.data import LABELS, bio_spans, score  # noqa: E402
from helpers.entities.tagger.infer import load  # noqa: E402
from helpers.entities.tagger.neural import GAZ_TAGS  # noqa: E402
from helpers.entities.tagger.tokenize import sentences as split  # noqa: E402

SENTENCES = [
    [("قال", "O"), ("الرئيس", "O"), ("باراك", "B-PERS"), ("أوباما", "I-PERS"), ("في", "O")]
    + [("واشنطن", "B-LOC"), (".", "O")],
    [("وزارت", "O"), ("ميركل", "B-PERS"), ("مقر", "O"), ("الأمم", "B-ORG"), ("المتحدة", "I-ORG")]
    + [("في", "O"), ("نيويورك", "B-LOC"), (".", "O")],
    [("فاز", "O"), ("نادي", "O"), ("برشلونة", "B-ORG"), ("بكأس", "O"), ("العالم", "B-MISC"), (".", "O")],
    [("وصل", "O"), ("أوباما", "B-PERS"), ("إلى", "O"), ("باريس", "B-LOC"), ("أمس", "O"), (".", "O")],
    [("أعلنت", "O"), ("شركة", "O"), ("نيسان", "B-ORG"), ("عن", "O"), ("أرباحها", "O"), (".", "O")],
    [("وقالت", "O"), ("ميركل", "B-PERS"), ("إن", "O"), ("برلين", "B-LOC"), ("تدعم", "O")]
    + [("الأمم", "B-ORG"), ("المتحدة", "I-ORG"), (".", "O")],
]
KNOWLEDGE = {
    "gazetteer": {"واشنطن": "LOC", "باريس": "LOC", "الامم المتحده": "ORG"},
    "given_foreign": ["باراك"],
    "given_arabic": ["محمد"],
    "triggers": {"title": ["الرئيس"], "speech": ["قال", "قالت"], "org_head": ["شركه", "نادي"]},
    "proclitics": ["و", "ف", "ب", "ك", "ل"],
}


@pytest.fixture()
def sample(tmp_path):
    path = tmp_path / "tiny.tsv"
    text = "\n\n".join("\n".join(f"{t}\t{tag}" for t, tag in s) for s in SENTENCES) + "\n"
    path.write_text(text, encoding="utf-8")
    knowledge = tmp_path / "knowledge.json"
    knowledge.write_text(json.dumps(KNOWLEDGE, ensure_ascii=False), encoding="utf-8")
    return path, knowledge


def _expected(sentence):
    return [tag.replace("PERS", "PER") for _, tag in sentence]


def _train_neural(path, knowledge, out, epochs):
    options = ["--train", str(path), "--out", str(out), "--dev-split", "0", "--knowledge", str(knowledge)]
    train.main(options + ["--unsup", "", "--model", "neural", "--epochs", str(epochs), "--quiet"])
    return load(out)


def test_neural_tagger_learns_a_tiny_sample(sample, tmp_path):
    ner = _train_neural(*sample, tmp_path / "nn", 60)
    for sentence in SENTENCES[:2]:
        assert ner.tag([[t for t, _ in sentence]]) == [_expected(sentence)]
    text = "قال الرئيس باراك أوباما في واشنطن."
    spans = ner.predict_spans([text, ""])
    assert [(text[a:b], kind) for a, b, kind, _ in spans[0]] == [("باراك أوباما", "PER"), ("واشنطن", "LOC")]
    assert all(0.0 <= s <= 1.0 for *_, s in spans[0]) and spans[1] == []


def test_crf_floor_trains_reproducibly(sample, tmp_path):
    pytest.importorskip("pycrfsuite")
    path, knowledge = sample
    models = []
    for name in ("a", "b"):
        out = tmp_path / name
        train.main(
            ["--train", str(path), "--out", str(out), "--dev-split", "0", "--knowledge", str(knowledge)]
            + ["--unsup", "", "--c1", "0", "--c2", "0.01"]
        )
        models.append((out / "crf.crfsuite").read_bytes())
    assert models[0] == models[1]
    tokens = [t for t, _ in SENTENCES[0]]
    assert load(tmp_path / "a").tag([tokens]) == [_expected(SENTENCES[0])]


def test_retraining_command_is_reproducible(sample, tmp_path):
    """`python -m helpers.entities.tagger --train PATH` with the shipped model's clusters and
    vectors: the same command gives the same weights."""
    path, knowledge = sample
    weights = []
    for name in ("a", "b"):
        out = tmp_path / name
        retrain.main(["--train", str(path), "--out", str(out), "--dev-split", "0"])
        assert {"config.json", "neural.pt", "neural_vocab.json", "clusters.tsv.gz"} <= {
            p.name for p in out.iterdir()
        }
        weights.append(torch.load(out / "neural.pt"))
    assert weights[0].keys() == weights[1].keys()
    assert all(torch.equal(weights[0][k], weights[1][k]) for k in weights[0])


def test_fast_inference_path_matches_torch_lstm(sample, tmp_path):
    """Inference runs the LSTM on cached per-type input gates, both directions padded at the
    end: the same tags as torch's LSTM and Viterbi on the full input."""
    nt = _train_neural(*sample, tmp_path / "nn", 3).tagger
    net = nt.net.eval()
    batch = [[t for t, _ in s] for s in SENTENCES]
    types = sorted({t for s in batch for t in s})
    tid = {t: i for i, t in enumerate(types)}
    B, T = len(batch), max(map(len, batch))
    pos = torch.zeros(B, T, dtype=torch.long)
    gaz = torch.zeros(B, T, dtype=torch.long)
    mask = torch.zeros(B, T, dtype=torch.bool)
    for n, s in enumerate(batch):
        pos[n, : len(s)] = torch.tensor([tid[t] for t in s])
        gaz[n, : len(s)] = torch.tensor([GAZ_TAGS.index(g) for g in nt.featurizer.gazetteer_tags(s)])
        mask[n, : len(s)] = True
    with torch.no_grad():
        full = net.emissions(net.type_repr(*nt._tensorise_types(types))[pos], gaz, mask)
        expected = net.crf.viterbi(full, mask)
        marginals = net.crf.marginals(full, mask)
    assert nt.tag(batch) == [[LABELS[p] for p in path] for path in expected]
    sums = marginals.sum(dim=2)[mask]
    assert torch.allclose(sums, torch.ones_like(sums), atol=1e-4)


def test_bio_decoding_and_scoring():
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
    ]
    result = score([["B-PER", "I-PER", "O"]], [["B-PER", "O", "O"]])
    assert result["micro"] == (0.0, 0.0, 0.0)


def test_tokens_keep_offsets():
    text = "قال أوباما (الرئيس) في 2015: نعم."
    for sentence in split(text):
        for token, start, end in sentence:
            assert text[start:end] == token


def test_shipped_model_tags_news():
    if not labeller.available():
        pytest.skip("the labeller is switched off")
    text = "وقال الرئيس الأمريكي باراك أوباما في واشنطن إن الاتفاق مع إيران جيد."
    spans = labeller.predict_spans([text])[0]
    found = {(text[a:b], kind) for a, b, kind, _ in spans}
    assert ("باراك أوباما", "PER") in found and ("واشنطن", "LOC") in found
    assert all(0.0 <= s <= 1.0 for *_, s in spans)
