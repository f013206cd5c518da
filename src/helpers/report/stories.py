"""How stories are shown: the story browser (each multi-outlet story's accounts side by side, the
facts they align on with what differs marked, who they quote) and the story x outlet figure.

Every text from the inputs is escaped; runs of Latin letters and digits (dates, ids) are isolated
left-to-right so that the bidi algorithm cannot scramble them inside Arabic.
"""

from __future__ import annotations

import html
import re

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

from helpers.core.io import has_text, split_ids
from helpers.report.labels import numbered, short_title

#: What is marked in an aligned sentence whose accounts disagree: numbers and role words.
_MARKED = re.compile(r"[0-9٠-٩]+(?:[.,٫][0-9٠-٩]+)*|\b\w*(?:مراقب|مشارك|بمشاركة)\w*")
_LATIN_RUN = re.compile(r"[0-9A-Za-z][0-9A-Za-z_:/.,+\-]*[0-9A-Za-z]|[0-9A-Za-z]")


def _text(value) -> str:
    """Escaped text, Latin runs isolated left to right."""
    text = str(value) if has_text(value) else ""
    out, position = [], 0
    for m in _LATIN_RUN.finditer(text):
        out.append(html.escape(text[position : m.start()]))
        out.append(f'<bdi dir="ltr">{html.escape(m.group(0))}</bdi>')
        position = m.end()
    out.append(html.escape(text[position:]))
    return "".join(out)


def _marked(sentence: str) -> str:
    """The sentence escaped, its numbers and role words in <mark>."""
    out, position = [], 0
    for m in _MARKED.finditer(sentence):
        out.append(_text(sentence[position : m.start()]))
        out.append(f"<mark>{_text(m.group(0))}</mark>")
        position = m.end()
    out.append(_text(sentence[position:]))
    return "".join(out)


def multi_outlet(catalogue: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """The stories two or more outlets report: most outlets first, then most articles."""
    shown = catalogue[catalogue["n_outlets"] >= 2].sort_values(
        ["n_outlets", "n_docs", "story_id"], ascending=[False, False, True]
    )
    return shown.head(limit) if limit else shown


def story_browser(
    catalogue: pd.DataFrame,
    accounts: pd.DataFrame,
    claims: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    names: dict[str, str] | None = None,
    max_stories: int = 10,
    max_claims: int = 5,
    max_accounts: int = 6,
    max_quotes: int = 8,
) -> str:
    """The largest multi-outlet stories as HTML, one foldable block each: its articles by outlet
    and time (who reported first), the facts its accounts align on side by side (numbers and
    roles marked, the differences spelled out; facts with disagreements first) and the quotes.
    `names` shows entity ids by name (entity_id -> canonical name)."""
    shown = multi_outlet(catalogue, max_stories)
    if shown.empty:
        return (
            '<p dir="rtl" lang="ar">لا توجد قصة يرويها أكثر من مصدر واحد. '
            '<span dir="ltr">No story is reported by two outlets or more.</span></p>'
        )
    quotes_of = quotes.groupby("doc_id") if len(quotes) else None
    blocks = []
    for k, story in enumerate(shown.itertuples(index=False)):
        mine = accounts[accounts["story_id"] == story.story_id]
        order = [c for c in ("first_report", "published_at", "published", "doc_id") if c in mine]
        mine = mine.sort_values(order, ascending=[c != "first_report" for c in order])
        summary = (
            f"{_text(story.label)} · {story.n_docs} مقالات · {story.n_outlets} مصادر · "
            f"{_text(story.first_published)}"
            + (f" – {_text(story.last_published)}" if story.last_published != story.first_published else "")
        )
        parts = [
            f"<details{' open' if k == 0 else ''}><summary>{summary}</summary>",
            _accounts_table(mine, names or {}),
        ]
        parts.append(
            _claims_block(claims[claims["story_id"] == story.story_id], max_claims, max_accounts, names or {})
        )
        parts.append(_quotes_block(mine, quotes_of, max_quotes))
        blocks.append("".join(parts) + "</details>")
    return '<div class="story-browser" dir="rtl" lang="ar">' + "\n".join(blocks) + "</div>"


def _when(account) -> str:
    at = getattr(account, "published_at", None)
    return at if has_text(at) else account.published


def _accounts_table(mine: pd.DataFrame, names: dict[str, str], max_rows: int = 12) -> str:
    """The story's articles, first reports first (★ only when some articles came later)."""
    star = mine["first_report"].astype(bool) & ~mine["first_report"].astype(bool).all()
    rows = "".join(
        f"<tr><td>{'★' if first else ''}</td><td>{_text(r.outlet)}</td>"
        f"<td style='white-space:nowrap'>{_text(_when(r))}</td>"
        f"<td>{_text(r.title)}</td><td>{r.n_tokens}</td>"
        f"<td>{_text('، '.join(names.get(q, q) for q in split_ids(r.quoted)))}</td></tr>"
        for first, r in zip(star.head(max_rows), mine.head(max_rows).itertuples(index=False), strict=True)
    )
    more = (
        f"<p dir='ltr'>{len(mine) - max_rows} more articles in <code>data/story_accounts.csv</code>.</p>"
        if len(mine) > max_rows
        else ""
    )
    return (
        "<h4>الروايات <span dir='ltr'>· accounts (★ first report)</span></h4>"
        "<table><thead><tr><th>★</th><th>المصدر</th><th>النشر</th><th>العنوان</th><th>الكلمات</th>"
        f"<th>من يقتبس</th></tr></thead><tbody>{rows}</tbody></table>{more}"
    )


def _claims_block(mine: pd.DataFrame, max_claims: int, max_accounts: int, names: dict[str, str]) -> str:
    if mine.empty:
        return "<p>لا حقائق متطابقة بين الروايات. <span dir='ltr'>No aligned facts.</span></p>"
    groups = mine.groupby("claim_id", sort=False)
    order = sorted(
        groups.groups,
        key=lambda c: (
            -int(groups.get_group(c)["n_disagreements"].iloc[0]),
            -int(groups.get_group(c)["n_outlets"].iloc[0]),
            c,
        ),
    )
    out = ["<h4>الحقائق جنبا إلى جنب <span dir='ltr'>· facts side by side</span></h4>"]
    for claim_id in order[:max_claims]:
        group = groups.get_group(claim_id).head(max_accounts)
        head = "".join(f"<th>{_text(r.outlet)}</th>" for r in group.itertuples(index=False))
        cells = "".join(f"<td>{_marked(str(r.text))}</td>" for r in group.itertuples(index=False))
        out.append(
            f"<table class='claim'><thead><tr>{head}</tr></thead><tbody><tr>{cells}</tr></tbody></table>"
            + _differences_list(group["differences"].iloc[0], names)
        )
    if len(order) > max_claims:
        out.append(
            f"<p dir='ltr'>{len(order) - max_claims} more facts in <code>data/story_claims.csv</code>.</p>"
        )
    return "".join(out)


_ENTITY_ID = re.compile(r"\w+(?::\w+)*")


def _differences_list(differences, names: dict[str, str]) -> str:
    """A claim's differences, one clause a line, entity ids shown by name."""
    if not has_text(differences):
        return "<p class='differences'>لا اختلاف · no difference</p>"
    items = [
        f"<li>{_text(_ENTITY_ID.sub(lambda m: names.get(m.group(0), m.group(0)), clause))}</li>"
        for clause in str(differences).split("; ")
    ]
    return "<ul class='differences'>" + "".join(items) + "</ul>"


def _quotes_block(mine: pd.DataFrame, quotes_of, max_quotes: int) -> str:
    if quotes_of is None:
        return ""
    items = []
    outlet_of = dict(zip(mine["doc_id"], mine["outlet"], strict=True))
    for doc_id in mine["doc_id"]:
        if doc_id not in quotes_of.groups:
            continue
        for q in quotes_of.get_group(doc_id).itertuples(index=False):
            speaker = q.speaker_text if has_text(q.speaker_text) else q.speaker
            items.append(
                f"<li><strong>{_text(speaker) or '؟'}</strong> ({_text(outlet_of[doc_id])}, "
                f"{_text(q.verb)}): «{_text(q.quote)}»</li>"
            )
    if not items:
        return ""
    more = (
        f"<li dir='ltr'>… {len(items) - max_quotes} more in data/quotes.csv</li>"
        if len(items) > max_quotes
        else ""
    )
    return (
        "<h4>الاقتباسات <span dir='ltr'>· quotes</span></h4><ul>"
        + "".join(items[:max_quotes])
        + more
        + "</ul>"
    )


def story_coverage_figure(
    catalogue: pd.DataFrame, stories: pd.DataFrame, documents: pd.DataFrame, n: int = 15
) -> Figure:
    """Which outlet reports which story: the `n` largest multi-outlet stories (rows, by label) by
    outlet (columns), each cell the number of the outlet's articles on the story."""
    shown = multi_outlet(catalogue, n)
    fig_height = 0.42 * max(len(shown), 3) + 2.2
    if shown.empty:
        fig, ax = plt.subplots(figsize=(8, 2.5))
        ax.text(0.5, 0.5, "لا توجد قصة يرويها أكثر من مصدر", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    members = stories.merge(documents[["doc_id", "outlet"]], on="doc_id", how="left")
    members = members[members["story_id"].isin(shown["story_id"])]
    counts = members.groupby(["story_id", "outlet"]).size().unstack(fill_value=0)
    counts = counts.reindex(shown["story_id"]).fillna(0).astype(int)
    counts.index = numbered([short_title(x) if has_text(x) else "؟" for x in shown["label"]])
    fig, ax = plt.subplots(figsize=(2.2 + 0.75 * counts.shape[1], fig_height))
    sns.heatmap(
        counts,
        annot=counts.replace(0, "").astype(str).to_numpy(),
        fmt="",
        cmap="Blues",
        cbar=False,
        linewidths=0.5,
        ax=ax,
    )
    ax.set_xlabel("المصدر")
    ax.set_ylabel("")
    ax.set_title("من غطى أي قصة (عدد المقالات)")
    ax.tick_params(axis="x", labelrotation=45)
    fig.tight_layout()
    return fig
