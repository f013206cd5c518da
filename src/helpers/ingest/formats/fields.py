"""The record fields the readers look for (text, title, url, outlet, author, published, id) and
the names each is found by, matched case-insensitively with '-', '_' and spaces alike."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

DEFAULT_FIELDS: dict[str, list[str]] = {
    "text": ["text", "content", "body", "maintext", "article", "article_body"],
    "title": ["title", "headline"],
    "url": ["url", "link"],
    "outlet": ["source", "outlet", "site", "source_domain", "publisher"],
    "author": ["author", "authors", "byline"],
    "published": [
        "date",
        "published",
        "pubDate",
        "date_publish",
        "date_extracted",
        "datetime",
        "timestamp",
        "time",
        "published_at",
        "publishedAt",
        "publish_date",
        "pub_date",
    ],
    "id": ["id", "doc_id", "docno", "guid"],
}


def resolve_fields(fields: Mapping[str, str | Sequence[str]] | None) -> dict[str, list[str]]:
    """The names searched for each field: those `fields` gives first, then the defaults (so that
    the other files of a mixed folder are still read). Raises ValueError for a field that does
    not exist."""
    out = {k: [norm_key(n) for n in v] for k, v in DEFAULT_FIELDS.items()}
    for key, names in (fields or {}).items():
        if key not in out:
            raise ValueError(f"unknown field {key!r}: the fields are {sorted(out)}")
        names = [names] if isinstance(names, str) else list(names)
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise ValueError(f"field {key!r}: give a column name or a list of them")
        given = [norm_key(n) for n in names]
        out[key] = given + [n for n in out[key] if n not in given]
    return out


@functools.lru_cache(maxsize=8192)
def norm_key(key: Any) -> str:
    return _SEPARATORS.sub("_", str(key).strip().lower())


_SEPARATORS = re.compile(r"[\s\-]+")
