"""The clean stage: the article text of each saved page, its metadata, and an audit of lines.

`clean_corpus` cleans every document (`page.clean_page`: the main block of prose and the
metadata around it, `metadata`) and builds the `documents` columns it fills, `sentences` and
`clean_lines`; `line_audit` and `dropped_lines` are the audit views, `baseline` the jusText
comparison.
"""

from __future__ import annotations

import pandas as pd

from helpers.catalog import columns
from helpers.clean.baseline import baseline_comparison, justext_body
from helpers.clean.page import LABELS, LINE_COLUMNS, CleanedPage, clean_page, is_boilerplate_sentence
from helpers.core.io import has_text
from helpers.core.text import split_sentences, tokenize

__all__ = [
    "CleanedPage",
    "baseline_comparison",
    "clean_corpus",
    "clean_page",
    "dropped_lines",
    "is_boilerplate_sentence",
    "justext_body",
    "line_audit",
]

_META_FIELDS = ("title", "outlet", "author", "published")


def clean_corpus(
    documents: pd.DataFrame, raw_text: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Clean every document with status 'ok'.

    Returns (documents with title/outlet/author/published/published_source/attribution/body/
    n_sentences/n_tokens filled — values already set by the manifest or HTML metadata win —
    and status 'no_body' plus a message where no text was found; sentences: doc_id,
    sentence_id, start, end, text with offsets into body; lines: doc_id plus the
    `CleanedPage.lines` columns, for the audit view)."""
    docs = documents.copy()
    filled = (*_META_FIELDS, "published_source", "attribution", "body", "message", "status")
    values = {c: docs[c].astype(object).tolist() if c in docs.columns else [None] * len(docs) for c in filled}
    values["body"] = [""] * len(docs)
    n_sentences, n_tokens = [0] * len(docs), [0] * len(docs)
    texts: dict = {}
    formats = raw_text["format"].tolist() if "format" in raw_text else [None] * len(raw_text)
    for doc_id, text, fmt in zip(
        raw_text["doc_id"].tolist(), raw_text["text"].tolist(), formats, strict=True
    ):
        texts.setdefault(doc_id, (text, fmt))
    sentence_columns = columns("sentences")
    sentence_values: dict[str, list] = {c: [] for c in sentence_columns}
    line_columns = columns("clean_lines")
    line_values: dict[str, list] = {c: [] for c in line_columns}
    for i, doc_id in enumerate(docs["doc_id"].tolist()):
        if values["status"][i] != "ok" or doc_id not in texts:
            continue
        text, fmt = texts[doc_id]
        page = clean_page(str(text), extracted=fmt == "html")
        if not has_text(values["published"][i]):
            values["published_source"][i] = "page" if page.published else None
        for name in (*_META_FIELDS, "attribution"):
            if not has_text(values[name][i]):
                values[name][i] = getattr(page, name)
        sentences = split_sentences(page.body)
        values["body"][i] = page.body
        n_sentences[i], n_tokens[i] = len(sentences), len(tokenize(page.body))
        if page.status != "ok":
            values["status"][i], values["message"][i] = page.status, page.message
        sentence_values["doc_id"].extend([doc_id] * len(sentences))
        sentence_values["sentence_id"].extend(range(len(sentences)))
        sentence_values["start"].extend(s.start for s in sentences)
        sentence_values["end"].extend(s.end for s in sentences)
        sentence_values["text"].extend(s.text for s in sentences)
        line_values["doc_id"].extend([doc_id] * len(page.line_columns["line_no"]))
        for column in LINE_COLUMNS:
            line_values[column].extend(page.line_columns[column])
    for column, column_values in values.items():
        docs[column] = pd.Series(column_values, index=docs.index, dtype=object)
    docs["n_sentences"] = pd.Series(n_sentences, index=docs.index, dtype="int64")
    docs["n_tokens"] = pd.Series(n_tokens, index=docs.index, dtype="int64")
    sentence_table = pd.DataFrame(sentence_values, columns=sentence_columns)
    lines_table = pd.DataFrame(line_values, columns=line_columns)
    return docs, sentence_table, lines_table


def line_audit(lines: pd.DataFrame) -> pd.DataFrame:
    """Per document, how many non-blank lines went to each label (and how many body lines are
    repeated paragraphs), from the `lines` table of `clean_corpus`."""
    labels = [label for label in LABELS if label != "blank"]
    text_lines = lines[lines["label"] != "blank"]
    counts = pd.crosstab(text_lines["doc_id"], text_lines["label"]).reindex(columns=labels, fill_value=0)
    counts.insert(0, "lines", counts.sum(axis=1))
    body = text_lines[text_lines["label"] == "body"]
    counts["repeated_body"] = body.groupby("doc_id")["repeated"].sum().reindex(counts.index, fill_value=0)
    return counts.reset_index().rename_axis(columns=None).sort_values("doc_id", ignore_index=True)


def dropped_lines(lines: pd.DataFrame, max_docs: int | None = 25) -> pd.DataFrame:
    """The non-blank lines left out of the body (title, metadata and boilerplate), with why: of
    the first `max_docs` documents in doc_id order (None: all; the `clean_lines` table has them
    all)."""
    dropped = lines[~lines["label"].isin(["body", "blank"])]
    if max_docs is not None:
        dropped = dropped[dropped["doc_id"].isin(sorted(dropped["doc_id"].unique())[:max_docs])]
    return dropped[["doc_id", "line_no", "label", "reason", "text"]].sort_values(
        ["doc_id", "line_no"], ignore_index=True
    )
