"""The optional CAMeL Tools NER path (helpers.entities.camel_ner), with a tiny model built here."""

import json
import socket
import sys

import pandas as pd
import pytest

from helpers.core.text import split_sentences
from helpers.entities import camel_ner, extract_entities

BODY = "زار بوتين موسكو أمس. وقال كيريلوف شتاينبرغ إن العلاقات جيدة."
LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]


def tables(**kwargs):
    documents = pd.DataFrame({"doc_id": ["d"], "title": [""], "body": [BODY]})
    sentences = pd.DataFrame(
        [("d", i, s.start, s.end, s.text) for i, s in enumerate(split_sentences(BODY))],
        columns=["doc_id", "sentence_id", "start", "end", "text"],
    )
    return extract_entities(documents, sentences, **kwargs)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_absent_data_is_detected_without_importing_the_model(tmp_path, monkeypatch, no_network):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    was_imported = "camel_tools.ner" in sys.modules
    assert not camel_ner.available()
    result = tables(use_camel_ner=None)
    assert "camel_ner" not in set(result.entities.source)
    assert was_imported or "camel_tools.ner" not in sys.modules
    with pytest.raises(RuntimeError):
        tables(use_camel_ner=True)


@pytest.fixture
def tiny_model(tmp_path, monkeypatch):
    """A random one-layer BERT token classifier laid out as camel-tools' data folder, biased to tag
    every word B-PERS."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    model_dir = tmp_path / "data" / "ner" / "arabert"
    model_dir.mkdir(parents=True)
    words = sorted({w for s in split_sentences(BODY) for w in s.text.replace(".", " ").split()})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", *words]
    (model_dir / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=512,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(0.0)
        model.classifier.bias[LABELS.index("B-PERS")] = 5.0
    model.save_pretrained(model_dir)
    BertTokenizer(str(model_dir / "vocab.txt"), do_lower_case=False).save_pretrained(model_dir)
    catalogue = {
        "version": "1.6",
        "packages": {},
        "components": {
            "NamedEntityRecognition": {
                "default": "arabert",
                "datasets": {"arabert": {"name": "arabert", "path": "ner/arabert"}},
            }
        },
    }
    (tmp_path / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    return model_dir


def test_installed_model_is_detected_and_its_spans_are_linked(tiny_model, no_network):
    assert camel_ner.model_path() == tiny_model
    spans = camel_ner.predict_spans(["وقال كيريلوف شتاينبرغ"])[0]
    assert [(a, b, t) for a, b, t in spans] == [(0, 4, "PER"), (5, 12, "PER"), (13, 21, "PER")]
    result = tables(use_camel_ner=None)
    rows = result.entities
    model_rows = rows[rows.source == "camel_ner"]
    assert len(model_rows) > 0 and set(model_rows.type) == {"PER"}
    for row in rows.itertuples():
        assert BODY[row.start : row.end] == row.surface and row.sentence_id in (0, 1)
    # the gazetteer keeps its spans; the model only fills the words left over
    assert {"vladimir_putin", "moscow"} <= set(rows.entity_id)
    assert "موسكو" not in set(model_rows.surface)
    assert set(model_rows.entity_id) <= set(result.catalogue.entity_id)
