"""A story's facts aligned across its accounts, and where the accounts differ.

`story_claims(stories, documents, sentences, entities=None, timeline=None)` -> one row per sentence of
each claim group: sentences from different articles (at least two outlets) of one story that report the
same fact. For each sentence: the numbers (with their unit word), dates (TIMEX values), places (LOC
entity ids), participants (PER/ORG ids) and roles (observer/participant) it gives; for the group, a
`differences` column listing what only some accounts give and what disagrees:

* same unit word, different numbers across articles ("شخص: 15 [riyadh] vs 10 [watan]");
* different dates for the same fact;
* a party named as observer in one account and participant in another;
* numbers, dates, places and participants given by only some of the accounts.

Method: per story, the first `max_sentences` sentences of at most `max_articles` articles are
vectorised (tf-idf over folded, stemmed words and the entity ids named in the sentence, idf over all
sentences considered), pairs from different articles with cosine >= `threshold` are taken in order of
similarity, and groups are merged greedily when they share no article and their average pairwise
similarity stays >= `threshold` (one sentence per article per group; nothing chains). Stories of one
outlet are skipped. Work is bounded per story: (max_articles x max_sentences)^2 similarities at most.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from helpers.catalog import columns
from helpers.core.text import fold, stopwords
from helpers.stories.accounts import _fmt, multi_outlet_stories
from helpers.stories.cluster import _count_matrix, _words
from helpers.stories.textfacts import _MONTHS, unit_match
from helpers.stories.textfacts import numbers as _numbers
from helpers.stories.textfacts import roles as _roles
from helpers.stories.textfacts import tolerance as _tolerance

COLUMNS = columns("story_claims")


def _sentence_table(st, documents, sentences, max_articles, max_sentences, min_words):
    docs = documents.set_index(documents["doc_id"].astype(str))
    pub = docs["published"] if "published" in docs else pd.Series(index=docs.index, dtype=object)
    st = st.assign(published=st["doc_id"].map(pub))
    # at most max_articles articles per story: the earliest published, then by doc_id
    st = st.assign(
        _d=pd.to_datetime(st["published"].astype("string").str[:10], errors="coerce", format="%Y-%m-%d")
    )
    st = st.sort_values(["story_id", "_d", "doc_id"], kind="stable", na_position="last")
    st = st.groupby("story_id", sort=False).head(max_articles).drop(columns="_d")
    s = sentences[sentences["doc_id"].astype(str).isin(set(st["doc_id"]))].copy()
    s["doc_id"] = s["doc_id"].astype(str)
    s = s.sort_values(["doc_id", "sentence_id"], kind="stable")
    s = s.groupby("doc_id", sort=False).head(max_sentences)
    s = s.merge(st, on="doc_id", how="inner")
    stops = stopwords()
    s["words"] = [_words(t, stops) for t in s["text"].astype(str)]
    s = s[s["words"].map(len) >= min_words].reset_index(drop=True)
    return s


def _facts(s, entities, timeline):
    """Per sentence row of s: numbers, dates, places, participants, roles."""
    stops = stopwords()
    key = list(zip(s["doc_id"], s["sentence_id"].astype(int), strict=False))
    ment = defaultdict(list)
    if entities is not None and len(entities):
        e = entities[entities["doc_id"].astype(str).isin(set(s["doc_id"]))]
        if "field" in e:
            e = e[e["field"].astype(str) != "title"]
        e = e[e["sentence_id"].notna()]
        for d, sid, eid, typ, a, b in zip(
            e["doc_id"].astype(str),
            e["sentence_id"].astype(int),
            e["entity_id"].astype(str),
            e["type"].astype(str),
            e["start"].astype(int),
            e["end"].astype(int),
            strict=False,
        ):
            ment[(d, sid)].append((eid, typ, a, b))
    tl = defaultdict(list)
    if timeline is not None and len(timeline):
        t = timeline[timeline["doc_id"].astype(str).isin(set(s["doc_id"]))]
        if "type" in t:
            t = t[t["type"].isin(["DATE", "TIME"])]
        t = t[t["value"].astype(str).str.match(r"^\d{4}") & t["sentence_id"].notna()]
        texts = t["text"].astype(str) if "text" in t else pd.Series("", index=t.index)
        for d, sid, v, x in zip(
            t["doc_id"].astype(str), t["sentence_id"].astype(int), t["value"].astype(str), texts, strict=False
        ):
            tl[(d, sid)].append((v, _explicit(x)))
    nums, dates, xdates, places, parts, rls, ents = [], [], [], [], [], [], []
    for (d, sid), text, start in zip(key, s["text"].astype(str), s["start"].astype(int), strict=False):
        nums.append(sorted({(u, v, _tolerance(v, w)) for v, u, w in _numbers(text, stops) if u}))
        dates.append(sorted({v for v, _ in tl.get((d, sid), [])}))
        xdates.append(sorted({v for v, x in tl.get((d, sid), []) if x}))
        m = ment.get((d, sid), [])
        places.append(sorted({x[0] for x in m if x[1] == "LOC"}))
        parts.append(sorted({x[0] for x in m if x[1] in ("PER", "ORG")}))
        ents.append(sorted({x[0] for x in m}))
        rls.append(
            _roles(text, [(x[0], x[2] - start, x[3] - start) for x in m if x[1] in ("LOC", "ORG", "PER")])
        )
    return nums, dates, xdates, places, parts, rls, ents


_MONTH_WORD = re.compile(
    "|".join(sorted(_MONTHS - {"هـ", "ه", "م", "اب", "ذو", "ذي", "صفر"}, key=len, reverse=True))
)


def _explicit(expr: str) -> bool:
    """A TIMEX expression that states its date (a number or a month name: "6 أغسطس", "الخميس 6/8"), as
    opposed to a relative one (اليوم، أمس، غدا) whose value depends on how each article was anchored."""
    f = fold(expr)
    return bool(re.search(r"\d", f) or _MONTH_WORD.search(f))


def _vectors(s, ents):
    toks = [w + ["@" + x for x in e] for w, e in zip(s["words"], ents, strict=False)]
    vocab: dict = {}
    M = _count_matrix(toks, vocab)
    n = M.shape[0]
    df = np.asarray((M > 0).sum(axis=0)).ravel()
    idf = (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32)
    M = M.copy()
    M.data = 1.0 + np.log(M.data)
    return normalize(M @ sp.diags(idf)).tocsr()


def _align(S: np.ndarray, art: np.ndarray, outlet: np.ndarray, threshold: float):
    """Greedy average-linkage grouping of sentences (rows of S) with one sentence per article per group.
    Returns a list of groups (sorted index lists) holding at least two outlets."""
    n = len(art)
    iu, ju = np.triu_indices(n, k=1)
    v = S[iu, ju]
    m = (v >= threshold) & (art[iu] != art[ju])
    iu, ju, v = iu[m], ju[m], v[m]
    order = np.lexsort((ju, iu, -v))
    group = {i: [i] for i in range(n)}
    gid = list(range(n))
    for k in order:
        a, b = gid[iu[k]], gid[ju[k]]
        if a == b:
            continue
        A, B = group[a], group[b]
        if set(art[A]) & set(art[B]):
            continue
        if S[np.ix_(A, B)].mean() < threshold:
            continue
        keep, drop = (a, b) if a < b else (b, a)
        group[keep] = sorted(A + B)
        for x in group[drop]:
            gid[x] = keep
        del group[drop]
    return [g for g in group.values() if len(set(outlet[g])) >= 2]


def _day_dates(values):
    """Calendar-day TIMEX values of a sentence (YYYY-MM-DD, time of day dropped; periods, Hijri years and
    coarser values are not compared)."""
    out = set()
    for v in values:
        v = str(v)
        if "/" in v:  # a period ("1436هـ" read as a year range, "من 10 إلى 20 أغسطس"): not an event date
            continue
        if len(v) >= 10 and v[:4].isdigit() and int(v[:4]) >= 1900 and v[4] == "-" and v[7] == "-":
            out.add(v[:10])
    return out


#: The roles `textfacts.roles` gives, as the differences text names them.
_ROLE_NAMES = {"observer": "مراقب", "participant": "مشارك"}


def _differences(rows):
    """rows: the sentences (dicts) of one claim group -> (differences text, number of disagreements).
    Disagreements: for one unit word, two accounts whose numbers share nothing; two accounts whose
    calendar dates share nothing; one party given different roles. Then what only some accounts give,
    grouped by the accounts that give it."""
    docs = [r["doc_id"] for r in rows]
    outl = [str(r.get("outlet") or "") for r in rows]
    dup = {o for o in outl if outl.count(o) > 1 or not o}
    tag = {d: (o if o not in dup else d) for d, o in zip(docs, outl, strict=False)}

    def who(ds):
        return ", ".join(tag[d] for d in docs if d in ds)

    out, n_dis = [], 0
    only = defaultdict(list)  # frozenset(docs) -> facts only they give

    def same(a, b):
        """Two values agree when equal, or equal up to the rounding of the less precise one (19.3% vs 19%)."""
        if isinstance(a, tuple):
            return abs(a[0] - b[0]) <= max(a[1], b[1]) + 1e-9
        return a == b

    def share(A, B):
        return any(same(a, b) for a in A for b in B)

    def compare(label, per, fmt):
        """per: doc -> set of values. Disagreement when two accounts share no value."""
        nonlocal n_dis
        if not per:
            return
        ds = list(per)
        if any(not share(per[x], per[y]) for i, x in enumerate(ds) for y in ds[i + 1 :]):
            n_dis += 1
            groups = defaultdict(list)
            for d in ds:
                groups[frozenset(per[d])].append(d)
            out.append(
                f"تعارض في {label}: "
                + " مقابل ".join(
                    f"{'/'.join(fmt(x) for x in sorted(vs))} [{who(set(g))}]" for vs, g in groups.items()
                )
            )
            return
        allv = sorted(set().union(*per.values()))
        seen = []
        for v in allv:
            if any(same(v, w) for w in seen):
                continue
            seen.append(v)
            holders = frozenset(d for d in docs if share({v}, per.get(d, ())))
            if len(holders) < len(docs):
                only[holders].append(f"{fmt(v)} {label}".strip())

    by_unit = defaultdict(dict)
    label = {}
    for r in rows:
        for u, v, tol in r["_nums"]:
            key = unit_match(u)
            label.setdefault(key, u)
            by_unit[key].setdefault(r["doc_id"], set()).add((v, tol))
    for key in sorted(by_unit):
        compare(label[key], by_unit[key], lambda x: _fmt(x[0]))
    compare("التاريخ", {r["doc_id"]: _day_dates(r["_dates"]) for r in rows if _day_dates(r["_dates"])}, str)
    rl = defaultdict(dict)
    for r in rows:
        for eid, role in r["_roles"].items():
            rl[eid][r["doc_id"]] = role
    for eid in sorted(rl):
        if len(set(rl[eid].values())) > 1:
            n_dis += 1
            groups = defaultdict(set)
            for d, role in rl[eid].items():
                groups[role].add(d)
            out.append(
                f"تعارض في دور {eid}: "
                + " مقابل ".join(f"{_ROLE_NAMES[role]} [{who(g)}]" for role, g in sorted(groups.items()))
            )
    for field, label in (("_places", "مكان"), ("_parts", "طرف")):
        named = defaultdict(set)
        for r in rows:
            for x in r[field]:
                named[x].add(r["doc_id"])
        for x in sorted(named):
            if len(named[x]) < len(docs):
                role = {rl[x][d] for d in named[x] if d in rl.get(x, {})}
                only[frozenset(named[x])].append(
                    f"{label} {x}" + (f" ({'/'.join(_ROLE_NAMES[r] for r in sorted(role))})" if role else "")
                )
    for holders in sorted(only, key=lambda h: (-len(h), who(h))):
        out.append(f"ينفرد به [{who(holders)}] ({len(holders)} من {len(docs)}): " + "، ".join(only[holders]))
    return "; ".join(out), n_dis


def story_claims(
    stories: pd.DataFrame,
    documents: pd.DataFrame,
    sentences: pd.DataFrame,
    entities: pd.DataFrame | None = None,
    timeline: pd.DataFrame | None = None,
    *,
    min_outlets: int = 2,
    max_articles: int = 40,
    max_sentences: int = 30,
    threshold: float = 0.3,
    min_words: int = 4,
) -> pd.DataFrame:
    """Claim groups per story (see the module docstring). stories: doc_id, story_id; documents: doc_id,
    outlet, published; sentences: doc_id, sentence_id, start, end, text; entities/timeline: the pipeline
    tables (optional: without them, places/participants/roles/dates are empty and sentences are aligned
    on words only). Returns the rows sorted by story_id, claim_id, published, doc_id; claim_id is
    "<story_id>#<k>" numbered in order of the group's first sentence."""
    st = multi_outlet_stories(stories, documents, min_outlets)
    if len(st) == 0 or sentences is None or len(sentences) == 0:
        return pd.DataFrame(columns=COLUMNS)
    s = _sentence_table(st, documents, sentences, max_articles, max_sentences, min_words)
    if len(s) == 0:
        return pd.DataFrame(columns=COLUMNS)
    nums, dates, xdates, places, parts, rls, ents = _facts(s, entities, timeline)
    X = _vectors(s, ents)
    rows = []
    for sid, idx in s.groupby("story_id", sort=True).groups.items():
        idx = np.asarray(sorted(idx))
        if s.loc[idx, "outlet"].fillna("").nunique() < 2:
            continue
        Xs = X[idx]
        S = (Xs @ Xs.T).toarray()
        art = s.loc[idx, "doc_id"].to_numpy()
        outl = s.loc[idx, "outlet"].fillna("").astype(str).to_numpy()
        groups = _align(S, art, outl, threshold)
        groups.sort(key=lambda g: min((art[i], int(s.loc[idx[i], "sentence_id"])) for i in g))
        for k, g in enumerate(groups, 1):
            members = []
            for i in g:
                j = idx[i]
                others = [x for x in g if x != i]
                members.append(
                    dict(
                        story_id=sid,
                        claim_id=f"{sid}#{k}",
                        doc_id=art[i],
                        outlet=s.at[j, "outlet"],
                        published=s.at[j, "published"],
                        sentence_id=int(s.at[j, "sentence_id"]),
                        text=s.at[j, "text"],
                        numbers="|".join(f"{_fmt(v)} {u}" for u, v, _ in nums[j]),
                        dates="|".join(dates[j]),
                        places="|".join(places[j]),
                        participants="|".join(parts[j]),
                        roles="|".join(f"{e}={r}" for e, r in sorted(rls[j].items())),
                        n_accounts=len(g),
                        n_outlets=len(set(outl[g])),
                        similarity=round(float(S[i, others].mean()), 3) if others else 1.0,
                        _nums=nums[j],
                        _dates=xdates[j],
                        _places=places[j],
                        _parts=parts[j],
                        _roles=rls[j],
                    )
                )
            diff, n_dis = _differences(members)
            for m in members:
                m["differences"] = diff
                m["n_disagreements"] = n_dis
                rows.append({c: m[c] for c in COLUMNS})
    out = pd.DataFrame(rows, columns=COLUMNS)
    if len(out):
        key = pd.to_datetime(out["published"].astype("string").str[:10], errors="coerce", format="%Y-%m-%d")
        knum = out["claim_id"].str.rsplit("#", n=1).str[1].astype(int)
        out = (
            out.assign(_c=knum, _k=key)
            .sort_values(["story_id", "_c", "_k", "doc_id"], kind="stable", na_position="last")
            .drop(columns=["_c", "_k"])
        )
    out = out.reset_index(drop=True)
    for column in ("outlet", "published"):  # missing text stays None
        out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out
