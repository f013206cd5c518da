"""Document anchor dates: the day relative dates of a document are resolved against.

The stated (page or manifest) publication date when there is one. Otherwise it is inferred from
the text — a weekday named with a day and month fixes the year, and "أول أمس" / "أمس" / "اليوم"
next to it the writing day; a month called الجاري with a year elsewhere gives the month — or
from the corpus: an undated article that reports an event on the same days, in the same words,
as a dated article shares its year. Never from the machine's clock; when nothing fits the
anchor stays empty.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from helpers.core.text import split_sentences
from helpers.timeline.events import content_words
from helpers.timeline.timex import Mention, mentions, parse_anchor, resolve

#: How far (years) from the reference years a weekday + day + month may place its year.
MAX_YEAR_DISTANCE = 6
#: Words the sentences of one event in two documents must share for the corpus route.
MIN_SHARED_WORDS = 2


@dataclass
class _Doc:
    doc_id: str
    body: str
    anchor: str | None = None
    source: str | None = None
    _mentions: list[Mention] | None = None
    _sentences: list | None = None
    _sentence_words: dict[int, set[str]] = field(default_factory=dict)

    @property
    def mentions(self) -> list[Mention]:
        """The body's temporal expressions, tagged when first needed (a corpus whose documents
        all state their date never tags them here)."""
        if self._mentions is None:
            self._mentions = mentions(self.body)
        return self._mentions


def _stated(published, source) -> tuple[str | None, str | None]:
    """The stated publication date (day, or month) and its source ('page' unless given)."""
    anchor = parse_anchor(published)
    if anchor is None:
        return None, None
    text = published.strip()[:10] if anchor.day else published.strip()[:7]
    return text, source if isinstance(source, str) and source else "page"


def _explicit_years(doc: _Doc) -> list[int]:
    """Gregorian years the document names (1900-2100)."""
    return sorted({m.when.year for m in doc.mentions if m.when is not None and m.when.year
                   and not m.when.hijri and 1900 <= m.when.year <= 2100})


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_year(m: Mention, references: list[int]) -> int | None:
    """The year, nearest to a reference year (within `MAX_YEAR_DISTANCE`), in which the
    mention's day and month fall on its weekday."""
    w = m.when
    if not references:
        return None
    candidates = [year for year in range(min(references) - MAX_YEAR_DISTANCE,
                                         max(references) + MAX_YEAR_DISTANCE + 1)
                  if (day := _day(year, w.month, w.day)) is not None and day.weekday() == w.weekday]
    if not candidates:
        return None
    return min(candidates, key=lambda y: (min(abs(y - r) for r in references), -y))


def _from_text(doc: _Doc, corpus_years: list[int]) -> str | None:
    """A day (a dated weekday with أمس / أول أمس / اليوم) or month (a dated weekday or a month
    called الجاري, with the year) the text itself fixes. The year of a dated weekday is the one
    nearest the corpus's stated years (or else the years the text names)."""
    stated_years = _explicit_years(doc)
    references = corpus_years or stated_years
    days, months = [], []
    for m in doc.mentions:
        w = m.when
        if w is None or w.hijri or w.month is None or w.period is not None:
            continue
        if w.day is not None and w.weekday is not None:
            year = w.year if w.year is not None else _weekday_year(m, references)
            named = _day(year, w.month, w.day) if year is not None else None
            if named is None or named.weekday() != w.weekday:
                continue
            if w.shift is not None:
                days.append((named - timedelta(days=w.shift)).isoformat())
            elif w.rel == "this":
                months.append(f"{year:04d}-{w.month:02d}")
        elif w.year is None and w.rel == "this" and stated_years:
            months.append(f"{max(stated_years):04d}-{w.month:02d}")
    if days:
        return max(days)
    return max(months) if months else None


def _dated_sentence(doc: _Doc, m: Mention) -> set[str]:
    """Content words of the sentence a mention is in (remembered per mention)."""
    if m.start not in doc._sentence_words:
        if doc._sentences is None:
            doc._sentences = split_sentences(doc.body)
        doc._sentence_words[m.start] = next((content_words(s.text) for s in doc._sentences
                                             if s.start <= m.start < s.end), set())
    return doc._sentence_words[m.start]


def _month_days(value: str) -> tuple[str, ...]:
    """The month-day parts of a value ('2022-08-10/2022-08-20' -> ('08-10', '08-20'))."""
    return tuple(part[5:10] for part in value.split("/"))


def _dated_days(dated: list[_Doc]) -> dict[tuple[str, ...], list[tuple[_Doc, Mention, str]]]:
    """The days (month-day parts) the dated documents' expressions name, with their values."""
    index: dict[tuple[str, ...], list[tuple[_Doc, Mention, str]]] = {}
    for doc in dated:
        anchor = parse_anchor(doc.anchor)
        for m in doc.mentions:
            value = resolve(m, anchor)
            if m.when is not None and m.when.day is not None and value[:4].isdigit():
                index.setdefault(_month_days(value), []).append((doc, m, value))
    return index


def _from_corpus(doc: _Doc, dated_days: dict) -> str | None:
    """The year of a dated document that reports an event on the same days (a day, or a range of
    days, with no year in this document) in at least `MIN_SHARED_WORDS` of the same words; the
    month is this document's. The best-matching report wins."""
    best = None
    for m in doc.mentions:
        if m.when is None or not m.when.year_less or m.when.day is None or m.when.hijri:
            continue
        reports = dated_days.get(_month_days(resolve(m, None)), [])
        words = _dated_sentence(doc, m) if reports else set()
        for other, n, value in reports:
            shared = len(words & _dated_sentence(other, n))
            if shared >= MIN_SHARED_WORDS and (best is None or shared > best[0]):
                best = (shared, f"{value[:4]}-{m.when.month:02d}")
    return best[1] if best else None


def resolve_anchors(documents: pd.DataFrame) -> pd.DataFrame:
    """Anchor date per document. In: doc_id, body, published (ISO or empty), published_source.
    Out: doc_id, date_anchor ('YYYY-MM-DD', 'YYYY-MM' or None), date_anchor_source ('page' |
    'manifest' | 'text' | 'corpus' | None)."""
    docs = []
    for row in documents.itertuples(index=False):
        body = row.body if isinstance(row.body, str) else ""
        doc = _Doc(str(row.doc_id), body)
        doc.anchor, doc.source = _stated(row.published, getattr(row, "published_source", None))
        docs.append(doc)
    corpus_years = sorted({int(d.anchor[:4]) for d in docs if d.anchor})
    for doc in docs:
        if doc.anchor is None:
            doc.anchor = _from_text(doc, corpus_years)
            doc.source = "text" if doc.anchor else None
    undated = [d for d in docs if d.anchor is None]
    dated_days = _dated_days([d for d in docs if d.anchor]) if undated else {}
    for doc in undated:
        doc.anchor = _from_corpus(doc, dated_days)
        doc.source = "corpus" if doc.anchor else None
    return pd.DataFrame({"doc_id": [d.doc_id for d in docs],
                         "date_anchor": pd.Series([d.anchor for d in docs], dtype=object),
                         "date_anchor_source": pd.Series([d.source for d in docs], dtype=object)})


def apply_anchors(documents: pd.DataFrame) -> pd.DataFrame:
    """`documents` (doc_id, body, published[, published_source] and any other columns) with its
    date_anchor and date_anchor_source columns set by `resolve_anchors`."""
    columns = [c for c in ("doc_id", "body", "published", "published_source") if c in documents]
    resolved = {r.doc_id: (r.date_anchor, r.date_anchor_source)
                for r in resolve_anchors(documents[columns]).itertuples(index=False)}
    out = documents.copy()
    found = [resolved.get(str(doc_id), (None, None)) for doc_id in out["doc_id"]]
    out["date_anchor"] = pd.Series([f[0] for f in found], index=out.index, dtype=object)
    out["date_anchor_source"] = pd.Series([f[1] for f in found], index=out.index, dtype=object)
    return out
