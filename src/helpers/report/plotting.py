"""Every figure of the project, with Arabic labels shaped and right-to-left.

matplotlib 3.11+ lays text out with libraqm, which shapes Arabic and applies the bidi algorithm
itself: pass labels as ordinary strings (never through arabic_reshaper or python-bidi, which now
makes them come out reversed) and put the Arabic first in mixed labels. Big inputs are cut to
their top n rows. Functions return the Figure; `save_figure` writes it as PNG.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import font_manager, patheffects
from matplotlib.figure import Figure

from helpers.core.io import atomic_write, has_text
from helpers.timeline.timex import value_bounds

#: Arabic fonts in order of preference (Debian's fonts-noto-core); DejaVu Sans is the fallback
#: that ships with matplotlib and covers Arabic too.
ARABIC_FONTS = ["Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"]
TYPE_COLOURS = {"PER": "#4c72b0", "LOC": "#55a868", "ORG": "#c44e52", "MISC": "#8172b3"}
TYPE_NAMES = {"PER": "أشخاص", "LOC": "أماكن", "ORG": "منظمات", "MISC": "أخرى"}
UNKNOWN = "غير معروف"
DPI = 120


def available_arabic_fonts() -> list[str]:
    """The families of ARABIC_FONTS that are installed, in preference order."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in ARABIC_FONTS if name in installed]


def font_families() -> list[str]:
    """The font.family list figures use: the installed Arabic fonts, then DejaVu Sans for the
    Latin letters and digits they lack (matplotlib falls back glyph by glyph along this list)."""
    fonts = available_arabic_fonts()
    return fonts if "DejaVu Sans" in fonts else [*fonts, "DejaVu Sans"]


def use_arabic_fonts() -> None:
    """Seaborn's whitegrid theme with the best installed Arabic font first (`font_families`)."""
    sns.set_theme(
        context="notebook",
        style="whitegrid",
        font=font_families(),
        rc={"axes.unicode_minus": False, "figure.dpi": DPI, "savefig.dpi": DPI},
    )


def save_figure(fig: Figure, out_dir: str | Path, name: str) -> Path:
    """Write `fig` as `out_dir/figures/<name>.png` atomically (a reader never sees half a PNG);
    returns the path."""
    path = Path(out_dir) / "figures" / f"{name}.png"
    atomic_write(path, lambda tmp: fig.savefig(tmp, format="png", dpi=DPI, bbox_inches="tight"))
    return path


def _empty(fig: Figure, ax, message: str) -> Figure:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def _short(text, width: int = 30) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def bar_top_entities(salience_or_catalogue: pd.DataFrame, n: int = 15) -> Figure:
    """Horizontal bars of the `n` most mentioned entities, coloured by type. Takes the entity
    catalogue (n_mentions) or the salience table (mentions, summed over documents)."""
    table = salience_or_catalogue
    if "n_mentions" in table:
        totals = table[["entity_id", "canonical", "type", "n_mentions"]].rename(
            columns={"n_mentions": "mentions"}
        )
    else:
        totals = table.groupby(["entity_id", "canonical", "type"], as_index=False)["mentions"].sum()
    top = totals.sort_values(["mentions", "entity_id"], ascending=[False, True]).head(n)
    fig, ax = plt.subplots(figsize=(7, 0.35 * max(len(top), 3) + 1.2))
    if top.empty:
        return _empty(fig, ax, "لا توجد كيانات")
    colours = [TYPE_COLOURS.get(t, "#999999") for t in top["type"]]
    # bars by position, not by name: two entities may share a canonical name
    ax.barh(range(len(top)), top["mentions"], color=colours)
    ax.set_yticks(range(len(top)), [_short(c) for c in top["canonical"]])
    ax.invert_yaxis()
    ax.set_xlabel("عدد الإشارات")
    ax.set_title("الكيانات الأكثر ذكرا")
    handles = [
        plt.Rectangle((0, 0), 1, 1, color=TYPE_COLOURS[t]) for t in TYPE_COLOURS if t in set(top["type"])
    ]
    ax.legend(handles, [TYPE_NAMES[t] for t in TYPE_COLOURS if t in set(top["type"])], loc="lower right")
    fig.tight_layout()
    return fig


def salience_heatmap(salience: pd.DataFrame, n: int = 25, max_docs: int = 20) -> Figure:
    """Entities (rows, the `n` with the largest total weight) by document (columns, in id order:
    the `max_docs` documents that weigh most on those entities): colour the tf-idf weight,
    number the mentions."""
    totals = salience.groupby("entity_id")["weight"].sum()
    top = sorted(totals.index, key=lambda e: (-totals[e], e))[:n]
    subset = salience[salience["entity_id"].isin(top)]
    if subset["doc_id"].nunique() > max_docs:
        per_doc = subset.groupby("doc_id")["weight"].sum()
        heaviest = sorted(per_doc.index, key=lambda d: (-per_doc[d], d))[:max_docs]
        subset = subset[subset["doc_id"].isin(heaviest)]
        top = [e for e in top if e in set(subset["entity_id"])]  # some weigh only in other documents
    fig, ax = plt.subplots(
        figsize=(1.4 + 1.1 * max(subset["doc_id"].nunique(), 1), 0.35 * max(len(top), 3) + 1.8)
    )
    if subset.empty:
        return _empty(fig, ax, "لا توجد كيانات")
    names = subset.drop_duplicates("entity_id").set_index("entity_id")["canonical"]
    weight = subset.pivot(index="entity_id", columns="doc_id", values="weight").reindex(top).fillna(0)
    mentions = subset.pivot(index="entity_id", columns="doc_id", values="mentions").reindex(top).fillna(0)
    weight.index = [_short(names[e]) for e in weight.index]
    weight.columns = [_short(c, 14) for c in weight.columns]
    counts = mentions.astype(int).astype(str).replace("0", "").to_numpy()
    sns.heatmap(
        weight,
        annot=counts,
        fmt="",
        cmap="YlOrRd",
        linewidths=0.5,
        cbar_kws={"label": "الوزن (tf-idf)"},
        ax=ax,
    )
    ax.set_xlabel("المقال")
    ax.set_ylabel("")
    ax.set_title("بروز الكيانات في كل مقال (الأرقام: عدد الإشارات)")
    ax.tick_params(axis="x", labelrotation=45)
    fig.tight_layout()
    return fig


def similarity_heatmap(doc_similarity: pd.DataFrame, n: int = 20) -> Figure:
    """The documents' pairwise cosine similarity as a square heatmap (ordered or unordered
    pairs; the matrix is made symmetric with 1 on the diagonal, pairs the table lacks left
    blank). With more than `n` documents, the `n` in the most similar pairs are shown."""
    pairs = doc_similarity
    docs = sorted(set(pairs["doc_a"]) | set(pairs["doc_b"]))
    if len(docs) > n:
        docs = sorted(_similar_group(pairs, n))
    position = {d: i for i, d in enumerate(docs)}
    shown = pairs[pairs["doc_a"].isin(position) & pairs["doc_b"].isin(position)]
    matrix = np.full((len(docs), len(docs)), np.nan)
    a, b = shown["doc_a"].map(position).to_numpy(int), shown["doc_b"].map(position).to_numpy(int)
    matrix[a, b] = matrix[b, a] = shown["cosine"].to_numpy(float)
    np.fill_diagonal(matrix, 1.0)
    annotated = len(docs) <= 15
    size = 1.8 + (0.9 if annotated else 0.5) * max(len(docs), 2)
    fig, ax = plt.subplots(figsize=(size + 1, size))
    if not docs:
        return _empty(fig, ax, "لا توجد مقالات")
    labels = [_short(d, 14) for d in docs]
    sns.heatmap(
        matrix,
        annot=annotated,
        fmt=".2f",
        vmin=0,
        vmax=1,
        cmap="viridis",
        square=True,
        xticklabels=labels,
        yticklabels=labels,
        cbar_kws={"label": "تشابه جيب التمام"},
        ax=ax,
    )
    ax.set_title("تشابه الصياغة بين المقالات (tf-idf)")
    ax.tick_params(axis="x", labelrotation=45)
    fig.tight_layout()
    return fig


def _similar_group(pairs: pd.DataFrame, n: int) -> list[str]:
    """`n` documents that are similar to one another: from the most similar pair, the group
    grows by the most similar pair joining it to a new document (a new group starts from the
    most similar pair left when none does)."""
    pairs = pairs[pairs["doc_a"] != pairs["doc_b"]].sort_values(
        ["cosine", "doc_a", "doc_b"], ascending=[False, True, True]
    )
    a, b = pairs["doc_a"].to_numpy(dtype=object), pairs["doc_b"].to_numpy(dtype=object)
    chosen: list[str] = []
    while len(chosen) < n:
        in_a, in_b = np.isin(a, chosen), np.isin(b, chosen)
        joining = in_a != in_b
        if joining.any():
            k = int(np.argmax(joining))
            chosen.append(b[k] if in_a[k] else a[k])
            continue
        fresh = ~in_a & ~in_b
        if not fresh.any():
            break
        k = int(np.argmax(fresh))
        chosen.extend([a[k], b[k]][: n - len(chosen)])
    rest = sorted((set(a) | set(b)) - set(chosen))
    return chosen + rest[: n - len(chosen)]


def cooccurrence_network(graph: nx.Graph, n: int = 30) -> Figure:
    """The co-occurrence graph's `n` most connected entities (by weighted degree): node size is
    the mention count, colour the type, edge width and darkness the number of shared sentences."""
    strength = dict(graph.degree(weight="weight"))
    keep = sorted(strength, key=lambda node: (-strength[node], str(node)))[:n]
    sub = graph.subgraph(keep)
    fig, ax = plt.subplots(figsize=(10, 9))
    if sub.number_of_nodes() == 0:
        return _empty(fig, ax, "لا توجد كيانات مذكورة معا")
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(sub.nodes(data=True), key=lambda item: str(item[0])))
    ordered.add_edges_from(sorted(sub.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))))
    positions = nx.spring_layout(
        ordered, seed=0, weight="weight", k=3 / np.sqrt(len(ordered)), iterations=200
    )
    weights = np.array([d["weight"] for _, _, d in ordered.edges(data=True)], dtype=float)
    if len(weights):
        share = weights / weights.max()
        nx.draw_networkx_edges(
            ordered,
            positions,
            width=0.5 + 4 * share,
            alpha=list(0.15 + 0.6 * share),
            edge_color="#555555",
            ax=ax,
        )
    mentions = np.array([d.get("n_mentions", 1) for _, d in ordered.nodes(data=True)], dtype=float)
    sizes = 150 + 1350 * mentions / max(mentions.max(), 1)
    colours = [TYPE_COLOURS.get(d.get("type"), "#999999") for _, d in ordered.nodes(data=True)]
    nx.draw_networkx_nodes(ordered, positions, node_size=sizes, node_color=colours, alpha=0.85, ax=ax)
    labels = {node: _short(d.get("label", node), 22) for node, d in ordered.nodes(data=True)}
    above = {node: (x, y + 0.06) for node, (x, y) in positions.items()}  # keep the node's colour visible
    texts = nx.draw_networkx_labels(
        ordered, above, labels=labels, font_size=10, font_family=font_families(), ax=ax
    )
    for text in texts.values():
        text.set_path_effects([patheffects.withStroke(linewidth=3, foreground="white")])
    present = [t for t in TYPE_COLOURS if t in {d.get("type") for _, d in ordered.nodes(data=True)}]
    handles = [
        plt.Line2D([], [], marker="o", linestyle="", color=TYPE_COLOURS[t], markersize=9) for t in present
    ]
    ax.legend(handles, [TYPE_NAMES[t] for t in present], loc="lower right", frameon=False)
    ax.set_title("الكيانات المذكورة في الجملة نفسها")
    ax.set_axis_off()
    fig.tight_layout()
    return fig


def _timestamps(value) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day a TIMEX3 value covers (`helpers.timeline.timex.value_bounds`), or None."""
    first, last = value_bounds(value)
    return (pd.Timestamp(first), pd.Timestamp(last)) if first and last else None


@lru_cache(maxsize=65536)
def _value_timestamps(value: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    return _timestamps(value)


def _date_spans(events_or_timeline: pd.DataFrame) -> pd.DataFrame:
    """doc_id, start, end (Timestamps) and cluster_id (or None), one row per dated item."""
    table = events_or_timeline
    columns = ["doc_id", "start", "end", "cluster_id"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    cluster = pd.Series([None] * len(table), index=table.index, dtype=object)
    if "cluster_id" in table:
        cluster = table["cluster_id"].astype(object).where(table["cluster_id"].notna(), None)
    if "date_start" in table:
        has_start = table["date_start"].map(lambda v: isinstance(v, str) and v != "")
        has_end = table["date_end"].map(lambda v: isinstance(v, str) and v != "")
        start = pd.to_datetime(table["date_start"].where(has_start), format="ISO8601")
        end = pd.to_datetime(table["date_end"].where(has_end), format="ISO8601").where(has_end, start)
    else:
        has_start = pd.Series(False, index=table.index)
        start = end = pd.Series(pd.NaT, index=table.index)
    # rows without a date_start (or a timeline): the bounds of their TIMEX3 value, dates only
    rest = ~has_start
    if "type" in table:
        rest &= table["type"].isin(["DATE", "TIME"])
    if rest.any():
        bounds = table.loc[rest, "value"].map(lambda v: _value_timestamps(v) if isinstance(v, str) else None)
        start, end = start.astype("datetime64[ns]").copy(), end.astype("datetime64[ns]").copy()
        start[rest] = bounds.map(lambda b: b[0] if b else pd.NaT)
        end[rest] = bounds.map(lambda b: b[1] if b else pd.NaT)
    spans = pd.DataFrame(
        {"doc_id": table["doc_id"].astype(str), "start": start, "end": end, "cluster_id": cluster}
    )
    return spans[(has_start | rest) & spans["start"].notna()].reset_index(drop=True)[columns]


def timeline_figure(events_or_timeline: pd.DataFrame, documents: pd.DataFrame, n: int = 25) -> Figure:
    """When each document's events happen: dates on x, one row per document (labelled by outlet
    then id; the `n` documents with most dated items). A bar is a span, a point a day (or a span
    too short to show);
    events that several documents report (same cluster) share a colour, the rest are grey; a
    black tick marks the publication date."""
    spans = _date_spans(events_or_timeline)
    per_doc = spans["doc_id"].value_counts()
    ranked = sorted(
        set(documents["doc_id"].astype(str)) | set(spans["doc_id"]), key=lambda d: (-per_doc.get(d, 0), d)
    )
    doc_ids = sorted(ranked[:n])
    spans = spans[spans["doc_id"].isin(doc_ids)]
    outlets = documents.set_index(documents["doc_id"].astype(str))["outlet"] if "outlet" in documents else {}
    # outlet and id on separate lines: a Latin id inside an Arabic line gets reordered by bidi
    labels = [
        f"{_short(outlets.get(d), 20)}\n{_short(d, 14)}" if has_text(outlets.get(d)) else _short(d, 14)
        for d in doc_ids
    ]
    fig, ax = plt.subplots(figsize=(10, 0.75 * max(len(doc_ids), 3) + 1.5))
    if spans.empty:
        return _empty(fig, ax, "لا توجد تواريخ")
    per_cluster = spans.dropna(subset=["cluster_id"]).groupby("cluster_id")["doc_id"].nunique()
    shared = sorted(c for c, k in per_cluster.items() if k >= 2)
    palette = dict(zip(shared, sns.color_palette("tab10", max(len(shared), 1)), strict=False))
    row_of = {d: i for i, d in enumerate(doc_ids)}
    # a span shorter than 1% of the axis would not show as a bar: it gets a point (at its middle)
    shortest_bar = (spans["end"].max() - spans["start"].min()) / 100
    for span in spans.sort_values(["doc_id", "start", "end"]).itertuples(index=False):
        colour = palette.get(span.cluster_id, "#9a9a9a")
        y = row_of[span.doc_id]
        if span.end - span.start > shortest_bar:
            ax.plot(
                [span.start, span.end], [y, y], color=colour, linewidth=6, alpha=0.7, solid_capstyle="butt"
            )
        else:
            middle = span.start + (span.end - span.start) / 2
            ax.plot([middle], [y], marker="o", color=colour, markersize=7, alpha=0.8)
    if "published" in documents:
        for doc_id, published in documents[["doc_id", "published"]].itertuples(index=False):
            if str(doc_id) not in row_of:
                continue
            bounds = _timestamps(published[:10]) if isinstance(published, str) else None
            if bounds:
                ax.plot([bounds[0]], [row_of[str(doc_id)]], marker="|", color="black", markersize=16)
    ax.set_yticks(range(len(doc_ids)), labels)
    ax.set_ylim(len(doc_ids) - 0.5, -0.5)
    ax.set_xlabel("التاريخ")
    ax.set_title("الخط الزمني للأحداث في كل مقال (الألوان: أحداث يرويها أكثر من مقال)")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


#: Outlets named in the legend of a corpus histogram (the rest are grouped).
MAX_OUTLETS = 8
OTHER_OUTLETS = "مصادر أخرى"


def corpus_figure(overview: pd.DataFrame, n: int = 40) -> Figure:
    """Length of each document in word tokens, coloured by outlet (documents with status 'ok'
    only, when the overview has a status): one bar per document up to `n` documents, else a
    stacked histogram of the lengths (the MAX_OUTLETS most frequent outlets, the rest grouped)."""
    if "status" in overview:
        overview = overview[overview["status"] == "ok"]
    data = overview.assign(
        outlet=overview["outlet"].where(overview["outlet"].map(has_text), UNKNOWN),
        label=overview["doc_id"].map(lambda d: _short(d, 14)),
    ).sort_values("doc_id")
    if len(data) > n:
        return _length_histogram(data)
    fig, ax = plt.subplots(figsize=(8, 0.4 * max(len(data), 3) + 1.5))
    if data.empty:
        return _empty(fig, ax, "لا توجد مقالات")
    sns.barplot(
        data=data,
        y="label",
        x="n_tokens",
        hue="outlet",
        dodge=False,
        ax=ax,
        hue_order=sorted(data["outlet"].unique()),
    )
    ax.set_xlabel("عدد الكلمات")
    ax.set_ylabel("المقال")
    ax.set_title("طول المقالات حسب المصدر")
    ax.legend(title="المصدر", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return fig


def _length_histogram(data: pd.DataFrame) -> Figure:
    counts = data["outlet"].value_counts()
    named = sorted(counts.index, key=lambda o: (-counts[o], o))[:MAX_OUTLETS]
    data = data.assign(outlet=data["outlet"].where(data["outlet"].isin(named), OTHER_OUTLETS))
    order = sorted(named) + ([OTHER_OUTLETS] if (data["outlet"] == OTHER_OUTLETS).any() else [])
    fig, ax = plt.subplots(figsize=(9, 5))
    sns.histplot(data=data, x="n_tokens", hue="outlet", hue_order=order, multiple="stack", bins=40, ax=ax)
    sns.move_legend(ax, "upper left", bbox_to_anchor=(1.01, 1), frameon=False, title="المصدر")
    ax.set_xlabel("عدد الكلمات")
    ax.set_ylabel("عدد المقالات")
    ax.set_title(f"توزيع أطوال المقالات حسب المصدر ({len(data):,} مقالا)")
    fig.tight_layout()
    return fig
