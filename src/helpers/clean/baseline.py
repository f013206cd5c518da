"""The baseline the clean stage is compared with: jusText and its Arabic stop list on the same
lines."""

from __future__ import annotations

import html
from collections import Counter

import justext
import pandas as pd

from helpers.core.io import has_text
from helpers.core.text import fold, tokenize


def justext_body(text: str) -> str:
    """The jusText baseline: each non-blank line as an HTML paragraph, classified by jusText
    with its Arabic stop-list; the good paragraphs joined by '\\n'."""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if not paragraphs:
        return ""
    page = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "</body></html>"
    result = justext.justext(page, justext.get_stoplist("Arabic"))
    return "\n".join(p.text for p in result if not p.is_boilerplate)


def baseline_comparison(
    documents: pd.DataFrame, raw_text: pd.DataFrame, max_docs: int | None = 100
) -> pd.DataFrame:
    """Per cleaned document (the first `max_docs` in doc_id order; None: all — jusText takes
    some 10 ms a page), the words of this stage's body against the words jusText keeps from the
    same page: counts, the shared bag of words, and what only one of them kept."""
    texts = raw_text.drop_duplicates("doc_id").set_index("doc_id")["text"]
    rows = []
    for row in documents.sort_values("doc_id").itertuples():
        if max_docs is not None and len(rows) >= max_docs:
            break
        if row.doc_id not in texts.index or not has_text(row.body):
            continue
        ours = Counter(fold(w) for w in tokenize(row.body))
        theirs = Counter(fold(w) for w in tokenize(justext_body(str(texts[row.doc_id]))))
        shared = sum((ours & theirs).values())
        n_ours, n_theirs = sum(ours.values()), sum(theirs.values())
        rows.append(
            {
                "doc_id": row.doc_id,
                "body_words": n_ours,
                "justext_words": n_theirs,
                "shared_words": shared,
                "only_in_body": n_ours - shared,
                "only_in_justext": n_theirs - shared,
            }
        )
    columns = ["doc_id", "body_words", "justext_words", "shared_words", "only_in_body", "only_in_justext"]
    return pd.DataFrame(rows, columns=columns)
