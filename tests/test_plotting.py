"""Figures: Arabic shaped and right-to-left, top-n summaries, PNGs written whole."""

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib import _text_helpers, font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.image import imread  # noqa: E402

from helpers.report import plotting  # noqa: E402
from helpers.report.labels import plain  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def arabic_theme():
    plotting.use_arabic_fonts()
    yield
    plt.close("all")


def rendered(text: str) -> np.ndarray:
    """The pixels of `text` drawn alone on a small white figure."""
    fig = plt.figure(figsize=(2, 0.8), dpi=100)
    fig.text(0.5, 0.5, text, fontsize=24, ha="center", va="center")
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()


def glyphs(text: str, family: str) -> list:
    """matplotlib's layout of `text` in `family`, in drawing order (left to right)."""
    font = font_manager.get_font(font_manager.findfont(family, fallback_to_default=False))
    return list(_text_helpers.layout(text, font))


def test_use_arabic_fonts_puts_an_arabic_capable_font_first():
    family = plt.rcParams["font.family"]
    assert family[0] in plotting.ARABIC_FONTS and family[-1] == "DejaVu Sans"
    first = font_manager.get_font(font_manager.findfont(family[0], fallback_to_default=False))
    assert ord("س") in first.get_charmap()


@pytest.mark.parametrize("family", plotting.available_arabic_fonts())
def test_arabic_is_laid_out_shaped_and_right_to_left(family):
    items = glyphs("سلام", family)
    # right to left: the leftmost glyph is the word's last letter, the rightmost its first
    assert items[0].char == "م" and items[-1].char == "س"
    # shaped: joined letters are drawn with contextual forms (or a lam-alef ligature), not the
    # isolated glyphs; meem after alef does not join, so it stays isolated
    font = items[0].ft_object
    contextual = [len(i.char) > 1 or i.glyph_index != font.get_char_index(ord(i.char)) for i in items]
    assert contextual[0] is False and all(contextual[1:])


def test_arabic_pixels_differ_from_the_reversed_string_and_the_old_reshaper_output():
    native = rendered("سلام")
    assert (native < 128).any()  # ink was drawn: the font has the glyphs
    assert not np.array_equal(native, rendered("مالس"))
    # what arabic_reshaper + python-bidi used to produce (presentation forms, reversed)
    assert not np.array_equal(native, rendered("\ufee1\ufefc\ufeb3"))


def test_mixed_label_keeps_arabic_first_on_the_right():
    items = glyphs("طاجيكستان 2022", "DejaVu Sans")
    chars = "".join(i.char for i in items)
    assert chars.index("2022") < chars.index("ن")  # the number sits left of the Arabic word


def test_mixed_arabic_and_latin_labels_find_every_glyph():
    fig, ax = plt.subplots()
    ax.set_title("طاجيكستان (Tajikistan) doc_001 ٢٠٢٢")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would be raised here
        fig.canvas.draw()


def test_save_figure_writes_a_whole_png_and_replaces_it(tmp_path):
    fig, ax = plt.subplots()
    ax.set_title("عنوان عربي")
    path = plotting.save_figure(fig, tmp_path, "example")
    assert path == tmp_path / "figures" / "example.png"
    first = path.read_bytes()
    assert first.startswith(PNG_MAGIC)
    ax.set_title("عنوان آخر أطول من الأول")
    plotting.save_figure(fig, tmp_path, "example")
    assert path.read_bytes() != first
    assert [p.name for p in (tmp_path / "figures").iterdir()] == ["example.png"]
    assert imread(path).shape[2] in (3, 4)


def test_save_figure_is_deterministic(tmp_path, salience):
    a = plotting.save_figure(plotting.salience_heatmap(salience), tmp_path / "a", "heat").read_bytes()
    b = plotting.save_figure(plotting.salience_heatmap(salience), tmp_path / "b", "heat").read_bytes()
    assert a == b


@pytest.fixture
def salience():
    rows = []
    for i in range(30):
        for doc in ("d1", "d2"):
            if i % 2 == 0 or doc == "d1":
                rows.append(
                    {
                        "doc_id": doc,
                        "entity_id": f"e{i:02d}",
                        "canonical": f"كيان رقم {i}",
                        "type": ["PER", "LOC", "ORG", "MISC"][i % 4],
                        "mentions": 30 - i,
                        "weight": (30 - i) / 10,
                    }
                )
    return pd.DataFrame(rows)


def tick_texts(ax, axis="y"):
    """The tick labels, without the bidi isolates around ids and file names."""
    return [plain(t.get_text()) for t in (ax.get_yticklabels() if axis == "y" else ax.get_xticklabels())]


def test_bar_top_entities_from_salience_or_catalogue(salience):
    fig = plotting.bar_top_entities(salience, n=5)
    labels = tick_texts(fig.axes[0])
    assert labels == [f"كيان رقم {i}" for i in (0, 2, 4, 6, 8)]  # most mentioned (both documents) on top
    catalogue = pd.DataFrame(
        {"entity_id": ["x", "y"], "canonical": ["مصر", "تونس"], "type": ["LOC", "LOC"], "n_mentions": [3, 9]}
    )
    assert tick_texts(plotting.bar_top_entities(catalogue).axes[0]) == ["تونس", "مصر"]
    namesakes = catalogue.assign(canonical="واشنطن", type=["LOC", "ORG"])
    ax = plotting.bar_top_entities(namesakes).axes[0]
    assert tick_texts(ax) == ["واشنطن", "واشنطن"] and len(ax.patches) == 2


def test_salience_heatmap_keeps_the_top_entities(salience):
    fig = plotting.salience_heatmap(salience, n=20)
    ax = fig.axes[0]
    assert len(tick_texts(ax)) == 20 and tick_texts(ax)[0] == "كيان رقم 0"
    assert tick_texts(ax, "x") == ["d1", "d2"]
    annotations = [t.get_text() for t in ax.texts]
    assert "30" in annotations and "" in annotations  # mentions; entities absent from d2 left blank


def test_salience_heatmap_colours_what_it_numbers(salience):
    """One measure: each cell's colour value is the number printed in it (the mentions)."""
    ax = plotting.salience_heatmap(salience, n=10).axes[0]
    values = ax.collections[0].get_array().ravel()
    printed = [t.get_text() for t in ax.texts]
    assert len(values) == len(printed)
    for value, text in zip(values, printed, strict=True):
        assert (text == "" and value == 0) or float(text) == value


def test_salience_heatmap_names_articles_and_shows_outlets_on_a_large_corpus():
    documents = pd.DataFrame(
        {
            "doc_id": [f"d{i:02d}" for i in range(30)],
            "title": [f"عنوان {i}" for i in range(30)],
            "outlet": ["okaz"] * 20 + ["sabq"] * 10,
            "status": "ok",
        }
    )
    salience = pd.DataFrame(
        {
            "doc_id": [f"d{i:02d}" for i in range(30)],
            "entity_id": "e",
            "canonical": "مكة",
            "type": "LOC",
            "mentions": 2,
            "weight": 1.0,
        }
    )
    salience = salience[salience["doc_id"].isin([f"d{i:02d}" for i in [*range(10), 20, 21]])]
    ax = plotting.salience_heatmap(salience, documents, max_docs=5).axes[0]
    assert tick_texts(ax, "x") == ["okaz", "sabq"]  # outlets, the largest first
    assert [t.get_text() for t in ax.texts] == ["50", "20"]  # % of each outlet's articles naming it
    few = plotting.salience_heatmap(salience[salience["doc_id"] < "d02"], documents).axes[0]
    assert tick_texts(few, "x") == ["okaz · عنوان 0", "okaz · عنوان 1"]


def test_salience_heatmap_copes_with_top_entities_absent_from_the_heaviest_documents():
    # 'rare' weighs most in total, but only in many light documents cut from the figure
    rows = [
        {
            "doc_id": f"heavy{i}",
            "entity_id": "big",
            "canonical": "كبير",
            "type": "LOC",
            "mentions": 9,
            "weight": 9.0,
        }
        for i in range(3)
    ]
    rows += [
        {
            "doc_id": f"light{i:02d}",
            "entity_id": "rare",
            "canonical": "نادر",
            "type": "PER",
            "mentions": 1,
            "weight": 1.0,
        }
        for i in range(40)
    ]
    fig = plotting.salience_heatmap(pd.DataFrame(rows), n=5, max_docs=3)
    assert tick_texts(fig.axes[0]) == ["كبير"]


def test_similarity_heatmap_accepts_unordered_pairs_and_leaves_the_diagonal_out():
    pairs = pd.DataFrame({"doc_a": ["a", "a", "b"], "doc_b": ["b", "c", "c"], "cosine": [0.5, 0.1, 0.25]})
    fig = plotting.similarity_heatmap(pairs)
    mesh = fig.axes[0].collections[0]
    matrix = np.ma.getdata(mesh.get_array()).reshape(3, 3)
    shown = ~np.ma.getmaskarray(mesh.get_array()).reshape(3, 3)
    assert not shown.diagonal().any()  # an article with itself is not drawn
    assert np.allclose(matrix[shown], matrix.T[shown])
    assert mesh.norm.vmax == 0.5  # the colours span the pairs, not a 1.00 diagonal
    assert [t.get_text() for t in fig.axes[0].texts].count("1.00") == 0


def test_similarity_heatmap_puts_similar_articles_side_by_side():
    # two groups of near-copies, listed interleaved: clustering puts each group together
    docs = ["a1", "b1", "a2", "b2", "a3", "b3"]
    rows = []
    for i, x in enumerate(docs):
        for y in docs[i + 1 :]:
            rows.append({"doc_a": x, "doc_b": y, "cosine": 0.9 if x[0] == y[0] else 0.05})
    order = tick_texts(plotting.similarity_heatmap(pd.DataFrame(rows)).axes[0])
    groups = "".join(label[0] for label in order)
    assert groups in ("aaabbb", "bbbaaa")


def test_cooccurrence_network_draws_the_strongest_edges_with_arabic_labels():
    graph = nx.Graph()
    for i in range(10):
        graph.add_node(f"e{i}", label=f"اسم {i}", type="PER", n_mentions=10 - i)
    for i in range(1, 10):
        graph.add_edge("e0", f"e{i}", weight=10 - i)
    fig = plotting.cooccurrence_network(graph, edges=3)
    texts = sorted(t.get_text() for t in fig.axes[0].texts if t.get_text().startswith("اسم"))
    assert texts == ["اسم 0", "اسم 1", "اسم 2", "اسم 3"]  # the three heaviest edges and their nodes
    sub = plotting.strongest_edges(graph, edges=3)
    assert sorted(d["weight"] for *_, d in sub.edges(data=True)) == [7, 8, 9]


def test_cooccurrence_labels_do_not_overlap():
    # a dense graph of long names: every label is moved until it overlaps no other
    graph = nx.complete_graph(25)
    nx.relabel_nodes(graph, {i: f"e{i}" for i in range(25)}, copy=False)
    for i, node in enumerate(graph.nodes):
        graph.nodes[node].update(label=f"منظمة التعاون الإقليمي رقم {i}", type="ORG", n_mentions=i + 1)
    for u, v in graph.edges:
        graph.edges[u, v]["weight"] = 1 + (int(u[1:]) * int(v[1:])) % 7
    fig = plotting.cooccurrence_network(graph, n=25, edges=60)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts if t.get_text().startswith("منظمة")]
    assert len(boxes) >= 20
    overlapping = [
        (i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])
    ]
    assert overlapping == []


def test_cooccurrence_small_components_stay_near_the_large_one():
    graph = nx.Graph()
    for i in range(6):
        graph.add_edge("hub", f"n{i}", weight=5)
    graph.add_edge("x", "y", weight=9)
    for node in graph.nodes:
        graph.nodes[node].update(label=node, type="LOC", n_mentions=3)
    positions = plotting._component_layout(graph)
    spread = np.ptp(np.array(list(positions.values())), axis=0)
    assert spread.max() < 6  # not flung to the figure's edge


def event_lines(ax):
    """The timeline's bars (2-point lines) and dots (scatter collections), without the ticks."""
    bars = [line for line in ax.lines if line.get_marker() != "|"]
    return bars, ax.collections


def test_timeline_figure_from_events_and_from_timeline():
    documents = pd.DataFrame(
        {"doc_id": ["a", "b"], "outlet": ["النهار", None], "published": ["2023-03-06", None]}
    )
    events = pd.DataFrame(
        {
            "doc_id": ["a", "b", "b"],
            "date_start": ["2023-03-05", "2023-03-05", "2023-03-01"],
            "date_end": ["2023-03-05", "2023-03-06", "2023-03-01"],
            "cluster_id": ["c1", "c1", None],
            "value": ["2023-03-05", "x", "2023-03-01"],
        }
    )
    fig = plotting.timeline_figure(events, documents)
    ax = fig.axes[0]
    assert tick_texts(ax) == ["النهار · a", "b"]
    bars, dots = event_lines(ax)
    colours = {matplotlib.colors.to_hex(c) for d in dots for c in d.get_facecolors()}
    colours |= {matplotlib.colors.to_hex(b.get_color()) for b in bars}
    assert plotting.GREY in colours and len(colours) == 2  # the shared event has its own colour
    assert ax.get_legend() is not None
    timeline = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "type": ["DATE", "DURATION", "DATE"],
            "value": ["2023-03", "P3D", "2023-03-05"],
        }
    )
    bars, dots = event_lines(plotting.timeline_figure(timeline, documents).axes[0])
    assert len(bars) + len(dots) == 2  # the duration is not a date


def test_timeline_figure_keeps_the_documents_with_most_dates():
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)]})
    timeline = pd.DataFrame(
        {
            "doc_id": ["d5", "d5", "d5", "d2", "d2", "d0"],
            "type": ["DATE"] * 6,
            "value": [
                "2021-10-01/2021-10-04",
                "2021-10-12",
                "2021",
                "2021-10-13",
                "2021-10-14",
                "2021-10-15",
            ],
        }
    )
    fig = plotting.timeline_figure(timeline, documents, n=2)
    ax = fig.axes[0]
    assert tick_texts(ax) == ["d2", "d5"]
    bars, dots = event_lines(ax)
    assert len(bars) == 1 and len(dots) == 3  # the four days are a bar, the days dots
    assert "2021" in plain(fig.axes[1].texts[0].get_text())  # the year: longer than the window, listed


def test_timeline_zooms_to_the_events_and_lists_background_dates_beside():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2022-08-20", "2022-08-21"]})
    events = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b", "a"],
            "date_start": ["2022-08-10", "2022-08-18", "2022-08-19", "2022-08-15", "1992-01-01"],
            "date_end": ["2022-08-20", "2022-08-18", "2022-08-19", "2022-08-15", "1997-12-31"],
            "cluster_id": [None] * 5,
            "value": ["x"] * 5,
        }
    )
    fig = plotting.timeline_figure(events, documents)
    ax, side = fig.axes[0], fig.axes[1]
    low, high = (matplotlib.dates.num2date(x).replace(tzinfo=None) for x in ax.get_xlim())
    assert pd.Timestamp("2022-08-01") <= low and high <= pd.Timestamp("2022-09-01")  # not 1992-2022
    listed = plain(" ".join(t.get_text() for t in side.texts))
    assert "1992–1997" in listed


def test_timeline_has_one_row_per_outlet_on_a_large_corpus():
    n = 60
    documents = pd.DataFrame(
        {
            "doc_id": [f"d{i:02d}" for i in range(n)],
            "outlet": ["okaz" if i % 3 else "sabq" for i in range(n)],
            "published": "2015-08-06",
        }
    )
    events = pd.DataFrame(
        {
            "doc_id": documents["doc_id"],
            "date_start": "2015-08-05",
            "date_end": "2015-08-05",
            "cluster_id": None,
            "value": "2015-08-05",
        }
    )
    ax = plotting.timeline_figure(events, documents, n=25).axes[0]
    assert tick_texts(ax) == ["okaz", "sabq"]
    sizes = sorted(s for c in ax.collections for s in c.get_sizes())
    assert sizes[0] < sizes[1]  # dots sized by the number of dated sentences


def test_corpus_figure_colours_by_outlet():
    overview = pd.DataFrame(
        {"doc_id": ["b", "a", "c"], "outlet": ["الشروق", "النهار", None], "n_tokens": [120, 300, 50]}
    )
    fig = plotting.corpus_figure(overview)
    ax = fig.axes[0]
    assert sorted(tick_texts(ax)) == ["c", "الشروق · b", "النهار · a"]
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == sorted(
        ["الشروق", "النهار", "غير معروف"]
    )


def test_corpus_figure_never_merges_two_articles():
    # the issue: five files starting "2015-07-21_al" became one bar with an error bar
    overview = pd.DataFrame(
        {
            "doc_id": [f"2015-07-21_alriyadh_{i:04d}" for i in range(5)],
            "title": [None, None, "خبر", "خبر", None],
            "outlet": "alriyadh",
            "published": "2015-07-21",
            "n_tokens": [100, 200, 300, 400, 500],
        }
    )
    ax = plotting.corpus_figure(overview).axes[0]
    assert len(ax.patches) == 5 and len(set(tick_texts(ax))) == 5
    assert sorted(p.get_width() for p in ax.patches) == [100, 200, 300, 400, 500]
    assert not ax.lines  # no error bars


def test_outlet_figure_compares_articles_length_and_entities():
    documents = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["okaz", "okaz", None],
            "body": ["نص", "نص", "نص"],
            "status": "ok",
            "n_tokens": [100, 300, 50],
        }
    )
    entities = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "entity_id": ["x", "y", "x", "x"]})
    fig = plotting.outlet_figure(documents, entities)
    assert len(fig.axes) == 3
    assert tick_texts(fig.axes[0]) == ["okaz", plotting.UNKNOWN]  # the largest first
    assert [p.get_width() for p in fig.axes[0].patches] == [2, 1]


def test_distinctive_terms_figure_has_a_panel_per_outlet():
    terms = pd.DataFrame(
        {
            "outlet": ["okaz", "okaz", "sabq"],
            "term": ["الأمريكية", "النفط", "سبق"],
            "z": [3.0, 2.0, 5.0],
            "count": [9, 5, 20],
        }
    )
    fig = plotting.distinctive_terms_figure(terms, k=5)
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in titled] == ["okaz", "sabq"]
    assert tick_texts(titled[0]) == ["الأمريكية", "النفط"]


@pytest.mark.parametrize(
    "make",
    [
        lambda: plotting.bar_top_entities(
            pd.DataFrame(columns=["entity_id", "canonical", "type", "mentions"])
        ),
        lambda: plotting.salience_heatmap(
            pd.DataFrame(columns=["doc_id", "entity_id", "canonical", "weight", "mentions"])
        ),
        lambda: plotting.cooccurrence_network(nx.Graph()),
        lambda: plotting.timeline_figure(
            pd.DataFrame(columns=["doc_id", "type", "value"]), pd.DataFrame({"doc_id": ["a"]})
        ),
        lambda: plotting.similarity_heatmap(pd.DataFrame(columns=["doc_a", "doc_b", "cosine"])),
        lambda: plotting.outlet_figure(pd.DataFrame(columns=["doc_id", "outlet", "n_tokens"])),
        lambda: plotting.distinctive_terms_figure(pd.DataFrame(columns=["outlet", "term", "z", "count"])),
    ],
)
def test_empty_inputs_give_a_figure_that_says_so(make):
    fig = make()
    assert isinstance(fig, Figure)
    assert any(t.get_text().startswith("لا توجد") for ax in fig.axes for t in ax.texts)


def test_big_corpora_are_summarised_in_figures():
    n = 200
    docs = [f"d{i:03d}" for i in range(n)]
    overview = pd.DataFrame(
        {
            "doc_id": docs,
            "outlet": [f"مصدر {i % 11}" for i in range(n)],
            "n_tokens": [100 + 3 * i for i in range(n)],
        }
    )
    ax = plotting.corpus_figure(overview, n=40).axes[0]
    assert "d000" not in tick_texts(ax)  # a histogram, not one bar a document
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == plotting.HISTOGRAM_OUTLETS and plotting.OTHER_OUTLETS in legend

    pairs = pd.DataFrame({"doc_a": docs, "doc_b": docs[1:] + docs[:1], "cosine": [i / n for i in range(n)]})
    ax = plotting.similarity_heatmap(pairs, n=6).axes[0]
    assert sorted(tick_texts(ax)) == [
        "d000",
        "d195",
        "d196",
        "d197",
        "d198",
        "d199",
    ]  # the most similar pairs

    salience = pd.DataFrame(
        {
            "doc_id": docs,
            "entity_id": "e",
            "canonical": "مصر",
            "type": "LOC",
            "mentions": 1,
            "weight": [float(i) for i in range(n)],
        }
    )
    ax = plotting.salience_heatmap(salience, max_docs=5).axes[0]
    assert tick_texts(ax, "x") == ["d195", "d196", "d197", "d198", "d199"]
