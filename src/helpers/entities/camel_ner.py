"""Optional CAMeL Tools NER: used only when its model data is installed.

camel-tools looks for data under $CAMELTOOLS_DATA (default ~/.camel_tools): a `catalogue.json`
naming, for the NamedEntityRecognition component, a default dataset whose folder is under
`data/`. Importing `camel_tools.ner` without that catalogue makes camel-tools download it, so
`available()` checks the files itself and the model is imported only when they are there.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from helpers.core.text import SentenceIndex

#: CAMeL NER labels -> our entity types.
TYPES = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def data_dir() -> Path:
    """Where camel-tools keeps its data (same rule as camel_tools.data.catalogue)."""
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser().absolute() if env else Path.home() / ".camel_tools"


def model_path() -> Path | None:
    """Folder of the default NER model if its catalogue entry and files are installed."""
    catalogue = data_dir() / "catalogue.json"
    if not catalogue.is_file():
        return None
    try:
        component = json.loads(catalogue.read_text(encoding="utf-8"))["components"]["NamedEntityRecognition"]
        path = data_dir() / "data" / component["datasets"][component["default"]]["path"]
    except (KeyError, TypeError, ValueError):
        return None
    return path if (path / "config.json").is_file() else None


def available() -> bool:
    """True when CAMeL Tools' NER model is installed (checked without any network access)."""
    return model_path() is not None


@lru_cache(maxsize=2)
def _recognizer(path: str):
    from camel_tools.ner import NERecognizer

    return NERecognizer(path, use_gpu=False)


def predict_spans(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Entity spans (start, end, type) per text, from the installed CAMeL NER model."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    words_per_text, offsets_per_text = [], []
    for text in texts:
        words, offsets, pos = [], [], 0
        for word in simple_word_tokenize(text):
            start = text.find(word, pos)
            pos = start + len(word)
            words.append(word)
            offsets.append((start, pos))
        words_per_text.append(words)
        offsets_per_text.append(offsets)
    labels = _recognizer(str(model_path())).predict(words_per_text) if any(words_per_text) else []
    spans = []
    for offsets, tags in zip(offsets_per_text, labels or [[] for _ in texts], strict=True):
        found, current = [], None
        for (start, end), tag in zip(offsets, tags, strict=False):
            prefix, _, label = tag.partition("-")
            if prefix == "I" and current and current[2] == TYPES.get(label):
                current[1] = end
                continue
            if current:
                found.append(tuple(current))
            current = [start, end, TYPES[label]] if prefix in ("B", "I") and label in TYPES else None
        if current:
            found.append(tuple(current))
        spans.append(found)
    return spans


def body_spans(sentences: SentenceIndex) -> list[tuple[int, int, str]]:
    """Spans over a document body, from its sentences (`text.index_sentences`)."""
    texts = [str(t) for t in sentences.texts]
    out = []
    for offset, spans in zip(sentences.starts, predict_spans(texts), strict=True):
        out += [(int(offset) + a, int(offset) + b, t) for a, b, t in spans]
    return out
