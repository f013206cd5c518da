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
    return [t.get_text() for t in (ax.get_yticklabels() if axis == "y" else ax.get_xticklabels())]


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


def test_similarity_heatmap_accepts_unordered_pairs():
    pairs = pd.DataFrame({"doc_a": ["a", "a", "b"], "doc_b": ["b", "c", "c"], "cosine": [0.5, 0.1, 0.25]})
    fig = plotting.similarity_heatmap(pairs)
    mesh = fig.axes[0].collections[0].get_array().reshape(3, 3)
    assert np.allclose(np.diag(mesh), 1) and np.allclose(mesh, mesh.T) and mesh[0, 1] == 0.5


def test_cooccurrence_network_draws_the_top_nodes_with_arabic_labels():
    graph = nx.Graph()
    for i in range(10):
        graph.add_node(f"e{i}", label=f"اسم {i}", type="PER", n_mentions=10 - i)
    for i in range(1, 10):
        graph.add_edge("e0", f"e{i}", weight=10 - i)
    fig = plotting.cooccurrence_network(graph, n=4)
    texts = sorted(t.get_text() for t in fig.axes[0].texts)
    assert texts == ["اسم 0", "اسم 1", "اسم 2", "اسم 3"]


def test_timeline_figure_from_events_and_from_timeline():
    documents = pd.DataFrame(
        {"doc_id": ["a", "b"], "outlet": ["النهار", None], "published": ["2023-03-06", None]}
    )
    events = pd.DataFrame(
        {
            "doc_id": ["a", "b", "b"],
            "date_start": ["2023-03-05", "2023-03-05", "2023-01-01"],
            "date_end": ["2023-03-05", "2023-03-06", "2023-01-31"],
            "cluster_id": ["c1", "c1", None],
            "value": ["2023-03-05", "x", "2023-01"],
        }
    )
    fig = plotting.timeline_figure(events, documents)
    ax = fig.axes[0]
    assert tick_texts(ax) == ["النهار\na", "b"]
    colours = {line.get_color() for line in ax.lines if line.get_marker() != "|"}
    assert "#9a9a9a" in colours and len(colours) == 2  # the shared event has its own colour
    timeline = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "type": ["DATE", "DURATION", "DATE"],
            "value": ["2023-03", "P3D", "2023-03-05"],
        }
    )
    lines = plotting.timeline_figure(timeline, documents).axes[0].lines
    assert len([line for line in lines if line.get_marker() != "|"]) == 2  # the duration is not a date


def test_timeline_figure_keeps_the_documents_with_most_dates():
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)]})
    timeline = pd.DataFrame(
        {
            "doc_id": ["d5", "d5", "d5", "d2", "d2", "d0"],
            "type": ["DATE"] * 6,
            "value": ["2021-09", "2021-10-12", "2021", "2021-10-13", "2021-10-14", "2021-10-15"],
        }
    )
    ax = plotting.timeline_figure(timeline, documents, n=2).axes[0]
    assert tick_texts(ax) == ["d2", "d5"]
    month = [line for line in ax.lines if len(line.get_xdata()) == 2 and line.get_marker() != "|"]
    assert len(month) == 2  # 2021-09 and 2021 are spans drawn as bars; the days are points


def test_corpus_figure_colours_by_outlet():
    overview = pd.DataFrame(
        {"doc_id": ["b", "a", "c"], "outlet": ["الشروق", "النهار", None], "n_tokens": [120, 300, 50]}
    )
    fig = plotting.corpus_figure(overview)
    ax = fig.axes[0]
    assert tick_texts(ax) == ["a", "b", "c"]
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == sorted(
        ["الشروق", "النهار", "غير معروف"]
    )


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
    assert len(legend) == plotting.MAX_OUTLETS + 1 and plotting.OTHER_OUTLETS in legend

    pairs = pd.DataFrame({"doc_a": docs, "doc_b": docs[1:] + docs[:1], "cosine": [i / n for i in range(n)]})
    ax = plotting.similarity_heatmap(pairs, n=6).axes[0]
    assert tick_texts(ax) == ["d000", "d195", "d196", "d197", "d198", "d199"]  # the most similar pairs

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
