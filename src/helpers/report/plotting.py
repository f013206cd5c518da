"""Every figure of the project, with Arabic labels shaped and right-to-left.

matplotlib 3.11+ lays text out with libraqm, which shapes Arabic and applies the bidi algorithm
itself: pass labels as ordinary strings (never through arabic_reshaper or python-bidi, which now
makes them come out reversed) and put the Arabic first in mixed labels. Articles are named by
outlet and short title (`labels.article_labels`), entities by their canonical name; a file name
or an id inside Arabic is isolated (`labels.isolate`) so that its digits stay in place. Titles
are in Arabic with an English line under them. Big inputs are summarised (top n rows, outlets
instead of articles). Functions return the Figure; `save_figure` writes it as PNG.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import font_manager, patheffects
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
from scipy.spatial.distance import squareform

from helpers.core.io import atomic_write, has_text
from helpers.report.labels import TYPE_NAMES, article_labels, isolate, numbered
from helpers.timeline.timex import value_bounds

#: Arabic fonts in order of preference (Debian's fonts-noto-core); DejaVu Sans is the fallback
#: that ships with matplotlib and covers Arabic too.
ARABIC_FONTS = ["Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"]
TYPE_COLOURS = {"PER": "#4c72b0", "LOC": "#55a868", "ORG": "#c44e52", "MISC": "#8172b3"}
UNKNOWN = "غير معروف"
DPI = 120
#: Width of a figure (inches at DPI): shown at its own size in a report (about 1,100 pixels).
MAX_WIDTH = 9.2
#: Characters of an article's title shown on an axis.
LABEL_CHARS = 40
#: Grey of what is not highlighted.
GREY = "#9a9a9a"
#: The colour of an outlet's dated sentences on the timeline.
OUTLET_COLOUR = "#4c72b0"


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


def _title(ax, arabic: str, english: str, **kwargs) -> None:
    """An Arabic title with its English line under it."""
    ax.set_title(f"{arabic}\n{english}", **kwargs)


def _short(text, width: int = 30) -> str:
    text = str(text)
    if len(text) <= width:
        return text
    # an isolate cut off its closing PDI would isolate everything after it
    cut = text[: width - 1]
    return cut + "…" + ("\u2069" if cut.count("\u2068") > cut.count("\u2069") else "")


def _labels_for(documents: pd.DataFrame | None, doc_ids, width: int = LABEL_CHARS) -> list[str]:
    """The article label of each doc_id (`labels.article_labels`, titles cut to `width`
    characters), the isolated id for documents the table lacks. Unique: two articles never
    share a label (a file name or id is never cut)."""
    known = pd.Series(dtype=object)
    if documents is not None and "doc_id" in documents:
        known = article_labels(documents, width=width)
    return numbered([known.get(str(d), isolate(d)) for d in doc_ids])


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
    fig, ax = plt.subplots(figsize=(7, 0.35 * max(len(top), 3) + 1.5))
    if top.empty:
        return _empty(fig, ax, "لا توجد كيانات")
    colours = [TYPE_COLOURS.get(t, "#999999") for t in top["type"]]
    # bars by position, not by name: two entities may share a canonical name
    ax.barh(range(len(top)), top["mentions"], color=colours)
    ax.set_yticks(range(len(top)), [_short(c) for c in top["canonical"]])
    ax.invert_yaxis()
    ax.set_xlabel("عدد الإشارات (mentions)")
    _title(ax, "الكيانات الأكثر ذكرا", "the most mentioned people, places and organisations")
    handles = [Patch(color=TYPE_COLOURS[t]) for t in TYPE_COLOURS if t in set(top["type"])]
    ax.legend(handles, [TYPE_NAMES[t] for t in TYPE_COLOURS if t in set(top["type"])], loc="lower right")
    fig.tight_layout()
    return fig


def _analysed_ids(documents: pd.DataFrame) -> list[str]:
    """The documents a comparison reads: with a body and status ok (as far as the table says)."""
    keep = pd.Series(True, index=documents.index)
    if "body" in documents:
        keep &= documents["body"].map(has_text)
    if "status" in documents:
        keep &= documents["status"] == "ok"
    return sorted(documents.loc[keep, "doc_id"].astype(str).unique())


def _outlets(documents: pd.DataFrame) -> pd.Series:
    """doc_id -> outlet (UNKNOWN where there is none)."""
    docs = documents.drop_duplicates("doc_id")
    outlet = docs["outlet"] if "outlet" in docs else pd.Series([None] * len(docs), index=docs.index)
    return pd.Series(
        [str(o).strip() if has_text(o) else UNKNOWN for o in outlet],
        index=docs["doc_id"].astype(str).to_numpy(),
    )


def _by_outlet(documents: pd.DataFrame | None, n_docs: int, max_docs: int, by: str) -> bool:
    """Whether a figure shows outlets rather than articles: asked for, or (`by='auto'`) more
    articles than `max_docs` from at least two known outlets."""
    if by == "outlet":
        return documents is not None
    if by != "auto" or documents is None or n_docs <= max_docs:
        return False
    return (_outlets(documents) != UNKNOWN).any() and _outlets(documents).nunique() >= 2


def salience_heatmap(
    salience: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    n: int = 25,
    max_docs: int = 20,
    by: str = "auto",
) -> Figure:
    """Who each article puts forward: the `n` entities with the largest total tf-idf weight
    (rows) by article (columns: the `max_docs` articles that weigh most on them, named by
    `documents`), colour and number both the entity's mentions in the article. With more
    articles than `max_docs` from several outlets (or `by='outlet'`), columns are outlets and
    colour and number both the share of the outlet's articles that name the entity (%)."""
    totals = salience.groupby("entity_id")["weight"].sum()
    top = sorted(totals.index, key=lambda e: (-totals[e], e))[:n]
    subset = salience[salience["entity_id"].isin(top)].assign(doc_id=lambda d: d["doc_id"].astype(str))
    outlets = _by_outlet(documents, salience["doc_id"].nunique(), max_docs, by)
    if not outlets and subset["doc_id"].nunique() > max_docs:
        per_doc = subset.groupby("doc_id")["weight"].sum()
        heaviest = sorted(per_doc.index, key=lambda d: (-per_doc[d], d))[:max_docs]
        subset = subset[subset["doc_id"].isin(heaviest)]
        top = [e for e in top if e in set(subset["entity_id"])]  # some weigh only in other documents
    if subset.empty:
        fig, ax = plt.subplots(figsize=(6, 3))
        return _empty(fig, ax, "لا توجد كيانات")
    names = subset.drop_duplicates("entity_id").set_index("entity_id")["canonical"]
    if outlets:
        outlet_of = _outlets(documents)
        analysed = _analysed_ids(documents) or sorted(set(salience["doc_id"].astype(str)))
        per_outlet = outlet_of.reindex(analysed).value_counts()
        named = subset.assign(outlet=subset["doc_id"].map(outlet_of)).drop_duplicates(["entity_id", "doc_id"])
        counts = named.groupby(["entity_id", "outlet"]).size().unstack(fill_value=0)
        columns = [o for o in sorted(per_outlet.index, key=lambda o: (-per_outlet[o], o))][:MAX_OUTLETS]
        values = (100 * counts.reindex(columns=columns, fill_value=0) / per_outlet.reindex(columns)).reindex(
            top
        )
        values = values.fillna(0)
        column_labels = [_short(c, 20) for c in columns]
        annot, fmt, bar = values.round().astype(int).astype(str).replace("0", "").to_numpy(), "", "%"
        title = (
            "نسبة مقالات كل مصدر التي تذكر الكيان",
            "share of each outlet's articles that name the entity (%)",
        )
        xlabel = "المصدر (outlet)"
    else:
        values = subset.pivot(index="entity_id", columns="doc_id", values="mentions").reindex(top).fillna(0)
        column_ids = list(values.columns)
        labels = _labels_for(documents, column_ids, 26)
        order = sorted(range(len(column_ids)), key=lambda i: labels[i])
        values = values.iloc[:, order]
        column_labels = [labels[i] for i in order]
        annot, fmt, bar = (
            values.astype(int).astype(str).replace("0", "").to_numpy(),
            "",
            "عدد الإشارات (mentions)",
        )
        title = ("كم مرة يذكر كل مقال كل كيان", "mentions of the most salient entities in each article")
        xlabel = "المقال (article)"
    values.index = [_short(names[e]) for e in values.index]
    width = 2.4 + (0.62 if outlets else 0.36) * max(values.shape[1], 2)
    fig, ax = plt.subplots(figsize=(min(max(width, 6.5), MAX_WIDTH), 0.34 * max(len(values), 3) + 3.4))
    sns.heatmap(
        values,
        annot=annot,
        fmt=fmt,
        annot_kws={"fontsize": 9},
        cmap="YlOrRd",
        vmin=0,
        linewidths=0.5,
        xticklabels=column_labels,
        cbar_kws={"label": bar, "shrink": 0.6},
        ax=ax,
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    _title(ax, *title)
    ax.tick_params(axis="x", labelrotation=90 if not outlets else 45, labelsize=9)
    ax.tick_params(axis="y", labelsize=10)
    fig.tight_layout()
    return fig


def similarity_heatmap(
    doc_similarity: pd.DataFrame, documents: pd.DataFrame | None = None, n: int = 20
) -> Figure:
    """How close the articles are in wording: their pairwise cosine similarity (ordered or
    unordered pairs), the diagonal (an article with itself) left out and the colour scaled to
    the largest other value, articles ordered by hierarchical clustering (average linkage,
    optimal leaf order) so that groups of similar articles sit together. With more than `n`
    articles, the `n` of the most similar pairs. Pairs the table lacks are blank."""
    pairs = doc_similarity[doc_similarity["doc_a"] != doc_similarity["doc_b"]]
    docs = sorted(set(pairs["doc_a"].astype(str)) | set(pairs["doc_b"].astype(str)))
    if len(docs) > n:
        docs = sorted(_similar_group(pairs, n))
    if not docs:
        fig, ax = plt.subplots(figsize=(6, 3))
        return _empty(fig, ax, "لا توجد مقالات")
    position = {d: i for i, d in enumerate(docs)}
    shown = pairs[pairs["doc_a"].astype(str).isin(position) & pairs["doc_b"].astype(str).isin(position)]
    matrix = np.full((len(docs), len(docs)), np.nan)
    a = shown["doc_a"].astype(str).map(position).to_numpy(int)
    b = shown["doc_b"].astype(str).map(position).to_numpy(int)
    matrix[a, b] = matrix[b, a] = shown["cosine"].to_numpy(float)
    np.fill_diagonal(matrix, np.nan)
    order = _cluster_order(matrix)
    matrix = matrix[np.ix_(order, order)]
    labels = _labels_for(documents, [docs[i] for i in order], 24)
    annotated = len(docs) <= 12
    cell = 0.5 if annotated else 0.27
    fig, ax = plt.subplots(figsize=(min(3.8 + cell * len(docs) + 1.2, MAX_WIDTH), 3.2 + cell * len(docs)))
    top = np.nanmax(matrix) if np.isfinite(matrix).any() else 1.0
    sns.heatmap(
        matrix,
        annot=annotated,
        fmt=".2f",
        annot_kws={"fontsize": 9},
        vmin=0,
        vmax=max(float(top), 0.05),
        cmap="viridis",
        square=True,
        mask=np.isnan(matrix),
        xticklabels=labels,
        yticklabels=labels,
        linewidths=0.5,
        linecolor="white",
        cbar_kws={"label": "تشابه جيب التمام (cosine)", "shrink": 0.6},
        ax=ax,
    )
    ax.set_facecolor("#f2f2f2")  # the left-out diagonal and missing pairs
    _title(
        ax, "تشابه الصياغة بين المقالات", "wording similarity (tf-idf cosine), similar articles side by side"
    )
    ax.tick_params(axis="x", labelrotation=90, labelsize=8 if not annotated else 9)
    ax.tick_params(axis="y", labelrotation=0, labelsize=8 if not annotated else 9)
    fig.tight_layout()
    return fig


def _cluster_order(matrix: np.ndarray) -> list[int]:
    """Rows of a similarity matrix (NaN: unknown, taken as 0) in the leaf order of an average-
    linkage clustering of 1 - similarity, with the optimal leaf ordering."""
    if len(matrix) < 3:
        return list(range(len(matrix)))
    distance = 1 - np.nan_to_num(matrix, nan=0.0)
    distance = np.clip((distance + distance.T) / 2, 0, None)
    np.fill_diagonal(distance, 0)
    condensed = squareform(distance, checks=False)
    tree = linkage(condensed, method="average")
    return [int(i) for i in leaves_list(optimal_leaf_ordering(tree, condensed))]


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


def strongest_edges(graph: nx.Graph, edges: int = 40, n: int = 30) -> nx.Graph:
    """The subgraph of the `edges` heaviest edges (ties by the nodes' ids) among at most `n`
    nodes: edges are taken heaviest first while their nodes fit."""
    ranked = sorted(
        graph.edges(data=True), key=lambda e: (-e[2].get("weight", 1), *sorted((str(e[0]), str(e[1]))))
    )
    nodes: set = set()
    kept = []
    for u, v, data in ranked:
        if len(kept) >= edges:
            break
        if len(nodes | {u, v}) > n:
            continue
        nodes |= {u, v}
        kept.append((u, v, data))
    sub = nx.Graph()
    sub.add_nodes_from(sorted(((u, graph.nodes[u]) for u in nodes), key=lambda item: str(item[0])))
    sub.add_edges_from(sorted(kept, key=lambda e: (str(e[0]), str(e[1]))))
    return sub


def cooccurrence_network(graph: nx.Graph, n: int = 30, edges: int = 30) -> Figure:
    """Who appears with whom: the `edges` strongest co-occurrence pairs (most sentences naming
    both) among at most `n` entities. Node size is the entity's mentions, colour its type;
    edge width and darkness the shared sentences (the number on the ten strongest). Labels are
    moved apart until none overlaps another."""
    sub = strongest_edges(graph, edges=edges, n=n)
    fig, ax = plt.subplots(figsize=(MAX_WIDTH, 8.2))
    if sub.number_of_edges() == 0:
        return _empty(fig, ax, "لا توجد كيانات مذكورة معا")
    positions = _component_layout(sub)
    weights = np.array([d["weight"] for _, _, d in sub.edges(data=True)], dtype=float)
    share = weights / weights.max()
    nx.draw_networkx_edges(
        sub, positions, width=0.8 + 6 * share, alpha=list(0.25 + 0.6 * share), edge_color="#555555", ax=ax
    )
    strongest = sorted(sub.edges(data=True), key=lambda e: (-e[2]["weight"], str(e[0]), str(e[1])))[:10]
    nx.draw_networkx_edge_labels(
        sub,
        positions,
        edge_labels={(u, v): str(d["weight"]) for u, v, d in strongest},
        font_size=8,
        font_color="#333333",
        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        ax=ax,
    )
    mentions = np.array([d.get("n_mentions", 1) for _, d in sub.nodes(data=True)], dtype=float)
    sizes = 120 + 1100 * np.sqrt(mentions / max(mentions.max(), 1))
    colours = [TYPE_COLOURS.get(d.get("type"), "#999999") for _, d in sub.nodes(data=True)]
    nx.draw_networkx_nodes(sub, positions, node_size=sizes, node_color=colours, alpha=0.85, ax=ax)
    xs, ys = zip(*positions.values(), strict=True)
    pad_x, pad_y = 0.18 * (max(xs) - min(xs) or 1), 0.12 * (max(ys) - min(ys) or 1)
    ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
    ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
    present = [t for t in TYPE_COLOURS if t in {d.get("type") for _, d in sub.nodes(data=True)}]
    handles = [Line2D([], [], marker="o", linestyle="", color=TYPE_COLOURS[t], markersize=9) for t in present]
    ax.legend(handles, [TYPE_NAMES[t] for t in present], loc="lower right", frameon=False)
    _title(
        ax,
        f"أقوى {sub.number_of_edges()} علاقة: كيانات تذكر في الجملة نفسها",
        f"the {sub.number_of_edges()} strongest pairs named in the same sentence (numbers: shared sentences)",
    )
    ax.set_axis_off()
    fig.tight_layout()  # before the labels are placed: they are placed in display space
    # each label starts just above its node (radius from the node's area, in points)
    radius = np.sqrt(sizes) / 2 * fig.dpi / 72
    anchors = [positions[node] for node in sub.nodes]
    texts = []
    for (node, data), r in zip(sub.nodes(data=True), radius, strict=True):
        x, y = ax.transData.transform(positions[node])
        x, y = ax.transData.inverted().transform((x, y + r + 1))
        text = ax.text(
            x, y, _short(data.get("label", node), 24), ha="center", va="bottom", fontsize=10, zorder=5
        )
        text.set_path_effects([patheffects.withStroke(linewidth=3, foreground="white")])
        texts.append(text)
    nodes = [(*ax.transData.transform(xy), r) for xy, r in zip(anchors, radius, strict=True)]
    _spread_labels(ax, texts, anchors, obstacles=[(x - r, y - r, x + r, y + r) for x, y, r in nodes])
    return fig


def _component_layout(graph: nx.Graph) -> dict:
    """Node positions: each connected component laid out on its own (Kamada-Kawai on hop
    distances), sized by the square root of its node count; the largest on the left, the others
    stacked beside it (a spring layout of the whole would fling small components far away)."""
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(map(str, c))))
    positions: dict = {}
    column_x, column_y = None, 0.0
    for component in components:
        part = graph.subgraph(sorted(component, key=str))
        if len(part) > 2:
            local = nx.kamada_kawai_layout(part, weight=None)
        else:
            local = {node: np.array([float(i) - (len(part) - 1) / 2, 0.0]) for i, node in enumerate(part)}
        xy = np.array(list(local.values()), dtype=float)
        span = np.ptp(xy, axis=0).max() or 1.0
        scale = math.sqrt(len(part))
        xy = (xy - xy.min(axis=0) - np.ptp(xy, axis=0) / 2) / span * scale
        if column_x is None:  # the largest: centred at the origin
            offset = np.zeros(2)
            column_x, column_y = scale / 2 + 0.6, scale / 2
        else:
            offset = np.array([column_x + scale / 2, column_y - scale / 2])
            column_y -= scale + 0.5
        positions.update({node: xy[i] + offset for i, node in enumerate(local)})
    return positions


def _spread_labels(
    ax, texts: list, anchors: list, obstacles=(), iterations: int = 400, gap: float = 2.0
) -> None:
    """Move `texts` apart (in display space, then back to data coordinates) until no two
    overlap, none covers an obstacle (the nodes: boxes x0, y0, x1, y1 in pixels) and each stays
    inside the axes; a label moved away from its node (`anchors`) gets a thin line back to it.
    The figure's layout must be final (tight_layout before)."""
    if not texts:
        return
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    to_display, to_data = ax.transData, ax.transData.inverted()
    frame = ax.get_window_extent(renderer)
    boxes = [t.get_window_extent(renderer) for t in texts]
    # each label: its box [x0, y0, x1, y1] in pixels, moved as a whole
    rects = np.array([[b.x0 - gap, b.y0 - gap, b.x1 + gap, b.y1 + gap] for b in boxes], dtype=float)
    fixed = np.array(list(obstacles), dtype=float).reshape(-1, 4)
    start = rects.copy()

    def overlap(a, b) -> tuple[float, float]:
        return min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])

    def push(i, dx, dy, other, share) -> None:
        """Move label i out of `other` along the axis of the smaller overlap."""
        a = rects[i]
        if dy <= dx:
            sign = 1.0 if (a[1] + a[3]) >= (other[1] + other[3]) else -1.0
            rects[i, [1, 3]] += sign * (dy * share + 0.5)
        else:
            sign = 1.0 if (a[0] + a[2]) >= (other[0] + other[2]) else -1.0
            rects[i, [0, 2]] += sign * (dx * share + 0.5)

    for step in range(iterations):
        moved = False
        for i in range(len(rects)):
            for j in range(i + 1, len(rects)):
                dx, dy = overlap(rects[i], rects[j])
                if dx > 0 and dy > 0:
                    moved = True
                    a, b = rects[i].copy(), rects[j].copy()
                    push(i, dx, dy, b, 0.5)
                    push(j, dx, dy, a, 0.5)
            if step < iterations // 2:  # then labels only: a crowded node may keep a label on it
                for box in fixed:
                    dx, dy = overlap(rects[i], box)
                    if dx > 0 and dy > 0:
                        moved = True
                        push(i, dx, dy, box, 1.0)
        for r in rects:  # inside the axes
            r[[0, 2]] += max(frame.x0 - r[0], 0) - max(r[2] - frame.x1, 0)
            r[[1, 3]] += max(frame.y0 - r[1], 0) - max(r[3] - frame.y1, 0)
        if not moved:
            break
    for text, rect, first, anchor in zip(texts, rects, start, anchors, strict=True):
        offset = rect[:2] - first[:2]
        if not offset.any():
            continue
        x, y = to_display.transform(text.get_position())
        new = to_data.transform((x + offset[0], y + offset[1]))
        text.set_position(new)
        if np.hypot(*offset) > 12:
            ax.plot(
                [anchor[0], new[0]], [anchor[1], new[1]], color="#777777", linewidth=0.6, alpha=0.7, zorder=4
            )


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


#: Items spanning at most this many days place the timeline's window (months count, years do
#: not).
PRECISE_DAYS = 31
#: The window reaches this many median absolute deviations either side of the median date.
WINDOW_MADS = 4
#: Lines of the list of dates outside the window.
OUTSIDE_LINES = 14


def _focus_window(spans: pd.DataFrame, published: list[pd.Timestamp]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Where the story is: the median of the precisely dated items (their middles; spans of at
    most PRECISE_DAYS days) WINDOW_MADS median absolute deviations either way (at least a week),
    widened to every publication date and to the items no longer than it that start or end
    within half its length of it, then padded. A robust spread: background dates far from
    the bulk (a war decades earlier) do not stretch it; they are listed beside the figure."""
    precise = spans[(spans["end"] - spans["start"]) <= pd.Timedelta(days=PRECISE_DAYS)]
    source = precise if len(precise) else spans
    middles = source["start"] + (source["end"] - source["start"]) / 2
    if middles.empty and not published:
        return pd.Timestamp("2000-01-01"), pd.Timestamp("2000-01-02")
    edges = list(published)
    if len(middles):
        days = middles.map(lambda t: t.toordinal()).to_numpy(float)
        median = float(np.median(days))
        half = max(WINDOW_MADS * float(np.median(np.abs(days - median))), 7.0)
        edges += [pd.Timestamp.fromordinal(int(median - half)), pd.Timestamp.fromordinal(int(median + half))]
    lo, hi = min(edges), max(edges)
    # the items just beyond it, no longer than it, are the same story: the window takes them in
    width = hi - lo
    lengths = spans["end"] - spans["start"]
    near = spans[(lengths <= width) & (spans["end"] >= lo - width / 2) & (spans["start"] <= hi + width / 2)]
    if len(near):
        lo, hi = min(lo, near["start"].min()), max(hi, near["end"].max())
    # no further than the items it shows (and the publication dates)
    held = spans[(spans["start"] >= lo) & (spans["end"] <= hi)]
    if len(held):
        lo = max(lo, min([held["start"].min(), *published]))
        hi = min(hi, max([held["end"].max(), *published]))
    pad = max((hi - lo) * 0.04, pd.Timedelta(days=1))
    return (lo - pad).floor("D"), (hi + pad).ceil("D")


def _span_text(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """A span in the fewest words, isolated (its dates keep their order inside Arabic):
    2021-10-12, 2021-09, 2021, 1992–1997, 2021-09-10–2021-09-20."""
    return isolate(_span_words(start, end))


def _span_words(start: pd.Timestamp, end: pd.Timestamp) -> str:
    if start == end:
        return f"{start:%Y-%m-%d}"
    whole_years = start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31
    if whole_years:
        return f"{start:%Y}" if start.year == end.year else f"{start:%Y}–{end:%Y}"
    whole_months = start.day == 1 and (end + pd.Timedelta(days=1)).day == 1
    if whole_months:
        return (
            f"{start:%Y-%m}"
            if (start.year, start.month) == (end.year, end.month)
            else f"{start:%Y-%m}–{end:%Y-%m}"
        )
    return f"{start:%Y-%m-%d}–{end:%Y-%m-%d}"


def timeline_figure(
    events_or_timeline: pd.DataFrame,
    documents: pd.DataFrame,
    n: int = 25,
    clusters: pd.DataFrame | None = None,
) -> Figure:
    """When the events happen, zoomed to where the dated events are (`_focus_window`); dates
    outside it (background history, long periods) are listed beside the figure, not stretched
    along the axis.

    Up to `n` articles with dates: one row per article (named by outlet and title), a dot per
    dated day, a bar per period, a black tick at its publication date; when the events carry a
    `cluster_id` (a group, such as the story their article reports), a group several articles
    share has its colour in every article (legend: the group's label and dates, from `clusters`:
    cluster_id, label[, date_start, date_end]), the rest are grey. More articles: one row per
    outlet, dots sized by the number of dated sentences that day."""
    spans = _date_spans(events_or_timeline)
    documents = documents.assign(doc_id=documents["doc_id"].astype(str))
    published = {}
    if "published" in documents:
        for doc_id, day in documents[["doc_id", "published"]].itertuples(index=False):
            bounds = _timestamps(day[:10]) if isinstance(day, str) else None
            if bounds:
                published[doc_id] = bounds[0]
    dated_docs = spans["doc_id"].value_counts()
    outlets = _outlets(documents)
    by_outlet = len(dated_docs) > n and (outlets.reindex(dated_docs.index) != UNKNOWN).any()
    if spans.empty:
        fig, ax = plt.subplots(figsize=(10, 3))
        return _empty(fig, ax, "لا توجد تواريخ")
    if by_outlet:
        spans = spans.assign(row=spans["doc_id"].map(outlets).fillna(UNKNOWN))
        per_row = spans.groupby("row")["doc_id"].nunique()
        rows = sorted(per_row.index, key=lambda r: (-per_row[r], r))[:MAX_OUTLETS]
        row_labels = [_short(r, 24) for r in rows]
        row_published = {
            r: sorted({d for doc, d in published.items() if outlets.get(doc) == r}) for r in rows
        }
    else:
        ranked = sorted(
            set(documents["doc_id"]) | set(spans["doc_id"]), key=lambda d: (-dated_docs.get(d, 0), d)
        )
        rows = sorted(ranked[:n])
        spans = spans.assign(row=spans["doc_id"])
        row_labels = _labels_for(documents, rows, 24)
        row_published = {r: [published[r]] if r in published else [] for r in rows}
    spans = spans[spans["row"].isin(rows)]
    lo, hi = _focus_window(spans, [d for r in rows for d in row_published[r]])
    width = hi - lo
    inside = (spans["end"] >= lo) & (spans["start"] <= hi) & ((spans["end"] - spans["start"]) <= width)
    shown, outside = spans[inside], spans[~inside]

    # colours (one row per article): the events several articles report
    per_cluster = shown.dropna(subset=["cluster_id"]).groupby("cluster_id")["row"].nunique()
    shared = [] if by_outlet else [c for c, k in per_cluster.items() if k >= 2]
    shared = sorted(shared, key=lambda c: (-per_cluster[c], str(c)))
    named = shared[:8]
    palette = dict(zip(named, sns.color_palette("tab10", 8), strict=False))
    shared_colour, plain = "#dd8452", OUTLET_COLOUR if by_outlet else GREY

    def colour_of(cluster) -> str:
        if cluster in palette:
            return palette[cluster]
        return shared_colour if cluster in set(shared) else plain

    fig = plt.figure(figsize=(MAX_WIDTH, 0.45 * len(rows) + 3.4))
    grid = fig.add_gridspec(1, 2, width_ratios=[2.3, 1], wspace=0.03)
    ax, side = fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1])
    row_of = {r: i for i, r in enumerate(rows)}
    shortest_bar = width / 80  # shorter spans would not show as bars: they get a dot
    points = shown[(shown["end"] - shown["start"]) <= shortest_bar]
    bars = shown[(shown["end"] - shown["start"]) > shortest_bar]
    bar_groups = bars.groupby(["row", "start", "end"], dropna=False)
    for (row, start, end), group in sorted(bar_groups, key=lambda item: (row_of[item[0][0]], item[0][1])):
        cluster = next((c for c in group["cluster_id"] if c in palette or c in set(shared)), None)
        thickness = 5 + 2 * math.log2(len(group))
        ax.plot(
            [max(start, lo), min(end, hi)],
            [row_of[row], row_of[row]],
            color=colour_of(cluster),
            linewidth=thickness,
            alpha=0.55,
            solid_capstyle="butt",
        )
    middle = points["start"] + (points["end"] - points["start"]) / 2
    points = points.assign(day=middle.dt.floor("D"))
    for (row, day), group in sorted(
        points.groupby(["row", "day"]), key=lambda item: (row_of[item[0][0]], item[0][1])
    ):
        cluster = next((c for c in group["cluster_id"] if c in palette), None) or next(
            (c for c in group["cluster_id"] if c in set(shared)), None
        )
        size = _dot_size(len(group)) if by_outlet else 55
        ax.scatter(
            [day], [row_of[row]], s=size, color=colour_of(cluster), alpha=0.85, zorder=3, edgecolors="white"
        )
    for row, days in row_published.items():
        for day in days:
            if lo <= day <= hi:
                ax.plot([day], [row_of[row]], marker="|", color="black", markersize=18, zorder=4)
    ax.set_xlim(lo, hi)
    ax.set_yticks(range(len(rows)), row_labels)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel(f"التاريخ (date): {isolate(f'{lo:%Y-%m-%d} – {hi:%Y-%m-%d}')}")
    what = "مصدر" if by_outlet else "مقال"
    _title(
        ax,
        f"متى وقعت الأحداث التي يرويها كل {what}",
        "when the reported events happen, per " + ("outlet" if by_outlet else "article"),
    )
    handles = [
        Line2D([], [], marker="o", linestyle="", color=plain, markersize=8),
        Line2D([], [], color=plain, linewidth=6, alpha=0.55),
        Line2D([], [], marker="|", linestyle="", color="black", markersize=14),
    ]
    texts = ["يوم (a day)", "فترة (a period)", "تاريخ النشر (published)"]
    if by_outlet:
        for k in (1, 10, 100):
            handles.append(
                Line2D([], [], marker="o", linestyle="", color=plain, markersize=math.sqrt(_dot_size(k)))
            )
            texts.append(f"{k} جملة (sentences)")
    else:
        labels = _cluster_labels(clusters, named)
        for cluster in named:
            handles.append(Line2D([], [], marker="o", linestyle="", color=palette[cluster], markersize=8))
            texts.append(labels.get(cluster, str(cluster)))
        if len(shared) > len(named):
            handles.append(Line2D([], [], marker="o", linestyle="", color=shared_colour, markersize=8))
            texts.append("أحداث أخرى يرويها أكثر من مقال")
    ax.legend(
        handles, texts, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, frameon=False, fontsize=9
    )
    _outside_list(side, outside, lo, hi, by_outlet, dict(zip(rows, row_labels, strict=True)))
    return fig


def _dot_size(count: int) -> float:
    """A timeline dot's area (points squared) for `count` dated sentences: grows with the square
    root, capped so that a busy day does not hide its neighbours."""
    return min(28 * math.sqrt(count), 650)


def _cluster_labels(clusters: pd.DataFrame | None, wanted: list) -> dict:
    """cluster_id -> its date and a short sentence, for a legend."""
    if clusters is None or clusters.empty or not wanted:
        return {}
    table = clusters.drop_duplicates("cluster_id").set_index("cluster_id")
    labels = {}
    for cluster in wanted:
        if cluster not in table.index:
            continue
        row = table.loc[cluster]
        first, last = row.get("date_start"), row.get("date_end")
        when = ""
        if has_text(first):
            when = _span_text(pd.Timestamp(first), pd.Timestamp(last if has_text(last) else first))
        sentence = _short(row.get("label", ""), 50) if has_text(row.get("label")) else ""
        labels[cluster] = f"{sentence} ({when})" if when else sentence
    return labels


def _outside_list(ax, outside: pd.DataFrame, lo, hi, by_outlet: bool, row_labels: dict) -> None:
    """Beside the timeline: the dates outside its window (earlier, later, longer periods), the
    most frequent first."""
    ax.set_axis_off()
    lines = ["تواريخ خارج الفترة المعروضة", "dates outside the window", ""]
    if outside.empty:
        lines.append("لا توجد (none)")
    groups = [
        ("قبلها (earlier)", outside[outside["end"] < lo]),
        ("بعدها (later)", outside[outside["start"] > hi]),
        ("فترات أطول (longer periods)", outside[(outside["end"] >= lo) & (outside["start"] <= hi)]),
    ]
    budget = OUTSIDE_LINES
    for heading, group in groups:
        if group.empty:
            continue
        lines.append(f"{heading}: {len(group)}")
        when = [_span_text(s, e) for s, e in zip(group["start"], group["end"], strict=True)]
        group = group.assign(when=when)
        if by_outlet:
            counts = group.groupby("when").size().sort_values(ascending=False)
            items = [f"{w}: {k}" for w, k in counts.items()]
        else:
            group = group.sort_values(["start", "row"])
            items = [
                f"{w} · {_short(row_labels.get(r, r), 26)}"
                for w, r in zip(group["when"], group["row"], strict=True)
            ]
        shown = items[: max(budget, 1)]
        lines += [f"  {item}" for item in shown]
        if len(items) > len(shown):
            lines.append(f"  … و{len(items) - len(shown)} أخرى (more)")
        budget -= len(shown)
    ax.text(
        1.0, 1.0, "\n".join(lines), ha="right", va="top", fontsize=8, transform=ax.transAxes, linespacing=1.5
    )


#: Outlets named in a corpus figure (the rest are grouped).
MAX_OUTLETS = 12
OTHER_OUTLETS = "مصادر أخرى"
#: Outlets in the stacked histogram of lengths (the last one "other outlets" when there are more).
HISTOGRAM_OUTLETS = 9


def corpus_figure(overview: pd.DataFrame, n: int = 40) -> Figure:
    """Length of each document in word tokens, coloured by outlet (documents with status 'ok'
    only, when the overview has a status): one bar per article (named by outlet and title) up
    to `n` articles, else a stacked histogram of the lengths (the MAX_OUTLETS most frequent
    outlets, the rest grouped)."""
    if "status" in overview:
        overview = overview[overview["status"] == "ok"]
    data = overview.assign(
        doc_id=overview["doc_id"].astype(str),
        outlet=overview["outlet"].where(overview["outlet"].map(has_text), UNKNOWN),
    ).sort_values("doc_id")
    if len(data) > n:
        return _length_histogram(data)
    fig, ax = plt.subplots(figsize=(9, 0.42 * max(len(data), 3) + 1.8))
    if data.empty:
        return _empty(fig, ax, "لا توجد مقالات")
    labels = _labels_for(overview, data["doc_id"], 44)  # named by their own outlet, not UNKNOWN
    order = sorted(range(len(data)), key=lambda i: labels[i])
    outlets = sorted(data["outlet"].unique())
    colours = dict(zip(outlets, sns.color_palette("deep", len(outlets)), strict=False))
    # one bar per position: labels are unique, and a bar never stands for two articles
    ax.barh(
        range(len(order)),
        data["n_tokens"].to_numpy()[order],
        color=[colours[data["outlet"].iloc[i]] for i in order],
    )
    ax.set_yticks(range(len(order)), [labels[i] for i in order])
    ax.invert_yaxis()
    ax.set_xlabel("عدد الكلمات (words)")
    _title(ax, "طول كل مقال، ملونا بمصدره", "length of each article, coloured by outlet")
    ax.legend(
        [Patch(color=colours[o]) for o in outlets],
        outlets,
        title="المصدر (outlet)",
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    fig.tight_layout()
    return fig


def _top_outlets(outlet: pd.Series, limit: int = MAX_OUTLETS) -> tuple[pd.Series, list[str]]:
    """Outlets with the `limit` - 1 largest kept (all when they fit), the rest OTHER_OUTLETS;
    and their order (most articles first, OTHER_OUTLETS last)."""
    counts = outlet.value_counts()
    ranked = sorted(counts.index, key=lambda o: (-counts[o], o))
    named = ranked if len(ranked) <= limit else ranked[: limit - 1]
    outlet = outlet.where(outlet.isin(named), OTHER_OUTLETS)
    return outlet, named + ([OTHER_OUTLETS] if (outlet == OTHER_OUTLETS).any() else [])


def _length_histogram(data: pd.DataFrame) -> Figure:
    outlet, order = _top_outlets(data["outlet"], HISTOGRAM_OUTLETS)
    data = data.assign(outlet=outlet)
    fig, ax = plt.subplots(figsize=(9, 5))
    # the longest 1% would stretch the axis over an empty tail: counted in the label instead
    top = float(data["n_tokens"].quantile(0.99))
    longer = int((data["n_tokens"] > top).sum())
    shown = data[data["n_tokens"] <= top]
    sns.histplot(data=shown, x="n_tokens", hue="outlet", hue_order=order, multiple="stack", bins=40, ax=ax)
    sns.move_legend(ax, "upper left", bbox_to_anchor=(1.01, 1), frameon=False, title="المصدر (outlet)")
    hidden = f"؛ {longer} أطول لا تظهر " + isolate(f"({longer} longer not shown)") if longer else ""
    ax.set_xlabel("عدد الكلمات (words)" + hidden)
    ax.set_ylabel("عدد المقالات (articles)")
    _title(ax, f"توزيع أطوال المقالات حسب المصدر ({len(data):,} مقالا)", "article lengths by outlet")
    fig.tight_layout()
    return fig


def outlet_figure(documents: pd.DataFrame, entities: pd.DataFrame | None = None) -> Figure:
    """The outlets side by side (analysed articles): how many articles each published (and its
    share), how long they are (words per article) and how many entities they name (distinct
    entities per article): boxes over the articles, each article a dot. The MAX_OUTLETS - 1
    largest outlets are named, the rest grouped."""
    ids = _analysed_ids(documents) if "doc_id" in documents else []
    if not ids:
        fig, ax = plt.subplots(figsize=(6, 3))
        return _empty(fig, ax, "لا توجد مقالات")
    docs = documents.assign(doc_id=documents["doc_id"].astype(str)).drop_duplicates("doc_id")
    docs = docs.set_index("doc_id").loc[ids]
    outlet, order = _top_outlets(_outlets(documents).reindex(ids))
    data = pd.DataFrame(
        {"outlet": outlet.to_numpy(), "words": docs["n_tokens"].astype(float).to_numpy()}, index=ids
    )
    panels = [("words", "كلمات في المقال", "words per article")]
    if entities is not None and not entities.empty:
        named = entities[entities["doc_id"].astype(str).isin(ids)]
        per_doc = named.groupby(named["doc_id"].astype(str))["entity_id"].nunique()
        data["entities"] = per_doc.reindex(ids, fill_value=0).astype(float)
        panels.append(("entities", "كيانات يذكرها المقال", "entities named per article"))
    fig, axes = plt.subplots(
        1, 1 + len(panels), figsize=(MAX_WIDTH * (1 + len(panels)) / 3, 0.45 * len(order) + 2.4), sharey=True
    )
    counts = data["outlet"].value_counts().reindex(order)
    ax = axes[0]
    ax.barh(range(len(order)), counts.to_numpy(), color="#4c72b0")
    for i, k in enumerate(counts.to_numpy()):
        ax.text(k, i, f" {k} ({100 * k / len(data):.0f}%)", va="center", ha="left", fontsize=9)
    ax.set_xlim(0, counts.max() * 1.35)
    _title(ax, "عدد المقالات", "articles (share)", fontsize=11)
    position = {o: i for i, o in enumerate(order)}
    data["y"] = data["outlet"].map(position)
    for ax, (column, arabic, english) in zip(axes[1:], panels, strict=True):
        values = [data.loc[data["outlet"] == o, column].dropna().to_numpy() for o in order]
        ax.boxplot(
            values,
            positions=range(len(order)),
            orientation="horizontal",
            widths=0.6,
            showfliers=False,
            patch_artist=True,
            boxprops={"facecolor": "#dde6f2", "edgecolor": "#4c72b0"},
            medianprops={"color": "#c44e52", "linewidth": 2},
        )
        jitter = (np.random.default_rng(0).random(len(data)) - 0.5) * 0.35
        ax.scatter(data[column], data["y"] + jitter, s=8, color="#333333", alpha=0.35, zorder=3)
        # the longest 2% would squeeze the boxes into a corner: the axis stops before them
        top = float(data[column].quantile(0.98)) if len(data) >= 50 else float(data[column].max())
        ax.set_xlim(0, max(top, 1) * 1.08)
        _title(ax, arabic, english, fontsize=11)
    # after the boxes (a box plot numbers the shared axis): the outlets, the largest on top
    axes[0].set_yticks(range(len(order)), [_short(o, 24) for o in order])
    axes[0].set_ylim(len(order) - 0.5, -0.5)
    cut = len(data) >= 50
    fig.suptitle(
        "المصادر جنبا إلى جنب · the outlets side by side"
        + ("\n" + isolate("(the axes of the boxes stop at the 98th percentile)") if cut else ""),
        y=1.02,
    )
    fig.tight_layout()
    return fig


def distinctive_terms_figure(
    terms: pd.DataFrame, documents: pd.DataFrame | None = None, k: int = 8, max_groups: int = 12
) -> Figure:
    """The words that set each outlet (or article) apart: one panel per group (the table of
    `compare.outlets.distinctive_terms_by`, its first column the group), its `k` top words as
    bars of their z-score, each with its count in the group. Groups in the table's order (at most
    `max_groups`); articles are named by outlet and title."""
    if terms.empty:
        fig, ax = plt.subplots(figsize=(6, 3))
        return _empty(fig, ax, "لا توجد كلمات مميزة")
    group_column = terms.columns[0]
    groups = list(dict.fromkeys(terms[group_column].astype(str)))[:max_groups]
    if group_column == "doc_id":
        titles = dict(zip(groups, _labels_for(documents, groups, 22), strict=True))
    else:
        titles = {g: _short(g, 34) for g in groups}
    columns = min(3, len(groups))
    lines = math.ceil(len(groups) / columns)
    fig, axes = plt.subplots(
        lines, columns, figsize=(MAX_WIDTH * columns / 3, (0.3 * k + 1.1) * lines + 0.9), squeeze=False
    )
    for ax, group in zip(axes.ravel(), groups, strict=False):
        top = terms[terms[group_column].astype(str) == group].head(k)
        ax.barh(range(len(top)), top["z"], color="#55a868")
        ax.set_yticks(range(len(top)), [_short(t, 18) for t in top["term"]])
        ax.set_ylim(k - 0.5, -0.5)
        for i, (z, count) in enumerate(zip(top["z"], top["count"], strict=True)):
            ax.text(z, i, f" {count}", va="center", ha="left", fontsize=8, color="#333333")
        ax.set_xlim(0, max(top["z"].max(), 1) * 1.25)
        ax.set_title(titles[group], fontsize=10)
        ax.tick_params(axis="x", labelsize=8)
    for ax in axes.ravel()[len(groups) :]:
        ax.set_axis_off()
    what = ("مصدر", "outlet") if group_column != "doc_id" else ("مقال", "article")
    fig.suptitle(
        f"الكلمات التي تميز كل {what[0]} (طول العمود: z، الرقم: عدد المرات)\n"
        f"the words that set each {what[1]} apart (bar: log-odds z, number: uses)",
        y=1.0,
    )
    fig.tight_layout()
    return fig
