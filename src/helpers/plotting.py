"""Every figure of the project, with Arabic labels shaped and right-to-left.

matplotlib 3.11+ lays text out with libraqm, which shapes Arabic and applies the bidi algorithm
itself: pass labels as ordinary strings (never through arabic_reshaper or python-bidi, which now
makes them come out reversed) and put the Arabic first in mixed labels. Big inputs are cut to
their top n rows. Functions return the Figure; `save_figure` writes it as PNG.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import font_manager, patheffects
from matplotlib.figure import Figure

from .io import atomic_write
from .timex import value_bounds

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


def _has_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


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


def salience_heatmap(salience: pd.DataFrame, n: int = 25) -> Figure:
    """Entities (rows, the `n` with the largest total weight) by document (columns): colour the
    tf-idf weight, number the mentions."""
    totals = salience.groupby("entity_id")["weight"].sum()
    top = sorted(totals.index, key=lambda e: (-totals[e], e))[:n]
    subset = salience[salience["entity_id"].isin(top)]
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


def similarity_heatmap(doc_similarity: pd.DataFrame) -> Figure:
    """The documents' pairwise cosine similarity as a square heatmap (ordered or unordered
    pairs; the matrix is made symmetric with 1 on the diagonal)."""
    docs = sorted(set(doc_similarity["doc_a"]) | set(doc_similarity["doc_b"]))
    matrix = pd.DataFrame(np.eye(len(docs)), index=docs, columns=docs)
    for row in doc_similarity.itertuples(index=False):
        matrix.loc[row.doc_a, row.doc_b] = matrix.loc[row.doc_b, row.doc_a] = row.cosine
    size = 1.8 + 0.9 * max(len(docs), 2)
    fig, ax = plt.subplots(figsize=(size + 1, size))
    if not docs:
        return _empty(fig, ax, "لا توجد مقالات")
    labels = [_short(d, 14) for d in docs]
    sns.heatmap(
        matrix.to_numpy(),
        annot=len(docs) <= 15,
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
    """First and last day a TIMEX3 value covers (`helpers.timex.value_bounds`), or None."""
    first, last = value_bounds(value)
    return (pd.Timestamp(first), pd.Timestamp(last)) if first and last else None


def _date_spans(events_or_timeline: pd.DataFrame) -> pd.DataFrame:
    """doc_id, start, end (Timestamps) and cluster_id (or None), one row per dated item."""
    rows = []
    for row in events_or_timeline.itertuples(index=False):
        if "date_start" in events_or_timeline and isinstance(row.date_start, str) and row.date_start:
            start = pd.Timestamp(row.date_start)
            end = pd.Timestamp(row.date_end) if isinstance(row.date_end, str) and row.date_end else start
        else:
            if getattr(row, "type", "DATE") not in ("DATE", "TIME"):
                continue
            bounds = _timestamps(row.value)
            if bounds is None:
                continue
            start, end = bounds
        cluster = getattr(row, "cluster_id", None)
        rows.append((str(row.doc_id), start, end, cluster if pd.notna(cluster) else None))
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "cluster_id"])


def timeline_figure(events_or_timeline: pd.DataFrame, documents: pd.DataFrame, n: int = 40) -> Figure:
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
        f"{_short(outlets.get(d), 20)}\n{_short(d, 14)}" if _has_text(outlets.get(d)) else _short(d, 14)
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
            bounds = _timestamps(published[:10]) if isinstance(published, str) else None
            if bounds and str(doc_id) in row_of:
                ax.plot([bounds[0]], [row_of[str(doc_id)]], marker="|", color="black", markersize=16)
    ax.set_yticks(range(len(doc_ids)), labels)
    ax.set_ylim(len(doc_ids) - 0.5, -0.5)
    ax.set_xlabel("التاريخ")
    ax.set_title("الخط الزمني للأحداث في كل مقال (الألوان: أحداث يرويها أكثر من مقال)")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def corpus_figure(overview: pd.DataFrame) -> Figure:
    """Length of each document in word tokens, coloured by outlet (documents with status 'ok'
    only, when the overview has a status)."""
    if "status" in overview:
        overview = overview[overview["status"] == "ok"]
    data = overview.assign(
        outlet=overview["outlet"].where(overview["outlet"].map(_has_text), UNKNOWN),
        label=overview["doc_id"].map(lambda d: _short(d, 14)),
    ).sort_values("doc_id")
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
