"""How the accounts of one story differ: one row per story and article (stories with >= 2 outlets).

`story_accounts(stories, documents, sentences=None, entities=None, timeline=None, quotes=None)` ->
DataFrame with story_id, doc_id, outlet, published, [published_at], title, lead, n_tokens, entities,
dates, numbers, quoted, first_report (see the function). All work is per story; only the articles of
stories reported by at least `min_outlets` outlets are read, and only their first `max_sentences`
sentences are scanned for numbers.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers.catalog import columns
from helpers.core.text import stopwords, tokenize
from helpers.stories.textfacts import numbers as _numbers

COLUMNS = columns("story_accounts")


def multi_outlet_stories(
    stories: pd.DataFrame, documents: pd.DataFrame, min_outlets: int = 2
) -> pd.DataFrame:
    """(doc_id, story_id, outlet) of the stories with at least `min_outlets` distinct (non-empty) outlets."""
    st = stories[["doc_id", "story_id"]].astype({"doc_id": str, "story_id": str})
    outlet = documents.set_index(documents["doc_id"].astype(str))["outlet"] if "outlet" in documents else None
    st = st.assign(outlet=st["doc_id"].map(outlet) if outlet is not None else np.nan)
    o = st["outlet"].fillna("").astype(str).str.strip()
    n = o.where(o != "").groupby(st["story_id"]).nunique()
    keep = set(n[n >= min_outlets].index)
    return st[st["story_id"].isin(keep)].reset_index(drop=True)


def _first_report(sub: pd.DataFrame) -> pd.Series:
    """Earliest published article(s) of a story: by date, and among those by time when a time is known.
    Articles of the earliest date without a time tie with each other only when no article of that
    date has a time. Undated articles are never first."""
    day = pd.to_datetime(sub["published"].astype("string").str[:10], errors="coerce", format="%Y-%m-%d")
    if "published_at" in sub:
        at = pd.to_datetime(sub["published_at"], errors="coerce", utc=True, format="mixed")
        has_time = (
            sub["published_at"].astype("string").str.contains(r"\d{1,2}:\d{2}", regex=True).fillna(False)
        )
        at_day = pd.to_datetime(
            sub["published_at"].astype("string").str[:10], errors="coerce", format="%Y-%m-%d"
        )
        day = day.fillna(at_day)
    else:
        at = pd.Series(pd.NaT, index=sub.index)
        has_time = pd.Series(False, index=sub.index)
    out = pd.Series(False, index=sub.index)
    if day.notna().sum() == 0:
        return out
    first_day = day.min()
    cand = day == first_day
    timed = cand & has_time & at.notna()
    if timed.any():
        tmin = at[timed].min()
        out[timed & (at == tmin)] = True
    else:
        out[cand] = True
    return out


def story_accounts(
    stories: pd.DataFrame,
    documents: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    entities: pd.DataFrame | None = None,
    timeline: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    *,
    min_outlets: int = 2,
    max_sentences: int = 40,
) -> pd.DataFrame:
    """One row per story (reported by >= `min_outlets` outlets) and article:

    story_id, doc_id, outlet, published, published_at (only when the documents table has it), title,
    lead (first body sentence: sentences table, else the body's first line/sentence), n_tokens (documents'
    n_tokens, else counted), entities (entity ids named in title or body, sorted, |-joined), dates (TIMEX
    values of DATE/TIME expressions anchored to a calendar date, sorted, |-joined), numbers (numbers with
    their unit word from the first `max_sentences` sentences, e.g. "15 شخص|419000 يمني", in order),
    quoted (who it quotes: speaker ids/descriptions from the quotes table, in order, |-joined; computed
    with storylib.quotes for these articles when `quotes` is None and sentences are given), first_report
    (earliest published article of the story; ties by time when published_at gives one).
    Rows are sorted by story_id, then publication, then doc_id."""
    st = multi_outlet_stories(stories, documents, min_outlets)
    cols = [
        c for c in COLUMNS if c != "published_at" or (documents is not None and "published_at" in documents)
    ]
    if len(st) == 0:
        return pd.DataFrame(columns=cols)
    ids = set(st["doc_id"])
    docs = documents[documents["doc_id"].astype(str).isin(ids)].copy()
    docs["doc_id"] = docs["doc_id"].astype(str)
    docs = docs.drop_duplicates("doc_id").set_index("doc_id")
    sents = None
    if sentences is not None and len(sentences):
        sents = sentences[sentences["doc_id"].astype(str).isin(ids)].copy()
        sents["doc_id"] = sents["doc_id"].astype(str)
        sents = sents.sort_values(["doc_id", "sentence_id"], kind="stable")
    if quotes is None and sents is not None and "body" in docs:
        from .quotes import quotes as _quotes

        quotes = _quotes(docs.reset_index(), sents, entities, doc_ids=ids)
    stops = stopwords()

    def joined(values):
        return "|".join(values)

    lead = {}
    nums = {}
    if sents is not None:
        for d, g in sents.groupby("doc_id", sort=False):
            texts = g["text"].astype(str).tolist()
            lead[d] = texts[0] if texts else ""
            seen: dict = {}
            for t in texts[:max_sentences]:
                for v, u, _ in _numbers(t, stops):
                    if u:
                        seen.setdefault(f"{_fmt(v)} {u}", None)
            nums[d] = joined(seen)
    ents = {}
    if entities is not None and len(entities):
        e = entities[entities["doc_id"].astype(str).isin(ids)]
        ents = e.groupby(e["doc_id"].astype(str))["entity_id"].apply(
            lambda s: joined(sorted(set(s.astype(str))))
        )
    dates = {}
    if timeline is not None and len(timeline):
        t = timeline[timeline["doc_id"].astype(str).isin(ids)]
        if "type" in t:
            t = t[t["type"].isin(["DATE", "TIME"])]
        t = t[t["value"].astype(str).str.match(r"^\d{4}")]
        dates = t.groupby(t["doc_id"].astype(str))["value"].apply(
            lambda s: joined(sorted(set(s.astype(str))))
        )
    quoted = {}
    if quotes is not None and len(quotes):
        q = quotes[quotes["doc_id"].astype(str).isin(ids)].sort_values(["doc_id", "start"], kind="stable")
        q = q[q["speaker"].notna()]
        quoted = q.groupby(q["doc_id"].astype(str))["speaker"].apply(
            lambda s: joined(dict.fromkeys(s.astype(str)))
        )

    rows = []
    for d, sid in zip(st["doc_id"], st["story_id"], strict=False):
        r = docs.loc[d] if d in docs.index else pd.Series(dtype=object)
        body = str(r.get("body", "") or "")
        ld = lead.get(d)
        if ld is None:
            ld = re.split(r"(?<=[.!?؟])\s|\n", body.strip(), maxsplit=1)[0] if body else ""
        ntok = r.get("n_tokens")
        if ntok is None or (isinstance(ntok, float) and np.isnan(ntok)):
            ntok = len(tokenize(body))
        if sents is None and d not in nums:
            seen = {}
            for v, u, _ in _numbers(body[:6000], stops):
                if u:
                    seen.setdefault(f"{_fmt(v)} {u}", None)
            nums[d] = joined(seen)
        row = dict(
            story_id=sid,
            doc_id=d,
            outlet=r.get("outlet"),
            published=r.get("published"),
            title=r.get("title"),
            lead=ld,
            n_tokens=int(ntok),
            entities=ents.get(d, ""),
            dates=dates.get(d, ""),
            numbers=nums.get(d, ""),
            quoted=quoted.get(d, ""),
        )
        if "published_at" in cols:
            row["published_at"] = r.get("published_at")
        rows.append(row)
    out = pd.DataFrame(rows)
    out["first_report"] = False
    for _, idx in out.groupby("story_id").groups.items():
        out.loc[idx, "first_report"] = _first_report(out.loc[idx]).to_numpy()
    key = pd.to_datetime(out["published"].astype("string").str[:10], errors="coerce", format="%Y-%m-%d")
    out = out.assign(_k=key).sort_values(["story_id", "_k", "doc_id"], kind="stable", na_position="last")
    out = out.drop(columns="_k")[cols].reset_index(drop=True)
    for column in ("outlet", "published", "published_at", "title", "lead"):  # missing text stays None
        if column in out:
            out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"
