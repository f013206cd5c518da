"""Comparison tables on a small hand-written corpus (three short news items)."""

import math

import pandas as pd
import pytest

from helpers import compare

SUMMIT_A = (
    "استضافت القاهرة يوم الأحد 5 مارس/آذار قمة ثلاثية استمرت ثلاث ساعات وجمعت مصر والسودان "
    "وإثيوبيا لبحث ملف سد النهضة بحضور آبي أحمد. وقال سامح شكري إن المحادثات كانت صريحة."
)
SUMMIT_B = (
    "عقدت في القاهرة يوم 6 مارس قمة ثلاثية بين مصر والسودان وإثيوبيا لبحث سد النهضة بمشاركة "
    "40 خبيرا من الاتحاد الأفريقي. وأكدت مصر أن المفاوضات ستستأنف قريبا."
)
LOAN = "أعلن البنك الدولي تقديم قرض بقيمة 500 مليون دولار إلى تونس لدعم الموازنة."


@pytest.fixture
def documents():
    return pd.DataFrame(
        {
            "doc_id": ["b", "a", "c", "empty", "english"],
            "status": ["ok", "ok", "ok", "empty", "not_arabic"],
            "title": ["قمة القاهرة", "قمة ثلاثية", "قرض لتونس", None, None],
            "outlet": ["الشروق", "النهار", None, None, None],
            "author": [None, "سمير علي", None, None, None],
            "published": ["2023-03-06", "2023-03-05", None, None, None],
            "body": [SUMMIT_B, SUMMIT_A, LOAN, "", "Markets and weather."],
        }
    )


def mention(doc_id, entity_id, entity_type, surface, canonical, sentence_id, field="body"):
    return {
        "doc_id": doc_id,
        "entity_id": entity_id,
        "type": entity_type,
        "surface": surface,
        "canonical": canonical,
        "name_en": entity_id,
        "start": 0,
        "end": len(surface),
        "sentence_id": sentence_id,
        "source": "test",
        "field": field,
    }


@pytest.fixture
def entities():
    rows = [
        mention("a", "cairo", "LOC", "القاهرة", "القاهرة", 0),
        mention("a", "egypt", "LOC", "مصر", "مصر", 0),
        mention("a", "sudan", "LOC", "السودان", "السودان", 0),
        mention("a", "ethiopia", "LOC", "إثيوبيا", "إثيوبيا", 0),
        mention("a", "abiy", "PER", "آبي أحمد", "آبي أحمد", 0),
        mention("a", "shoukry", "PER", "سامح شكري", "سامح شكري", 1),
        mention("a", "egypt", "LOC", "مصر", "مصر", None, field="title"),
        mention("b", "cairo", "LOC", "القاهرة", "القاهرة", 0),
        mention("b", "egypt", "LOC", "مصر", "مصر", 0),
        mention("b", "sudan", "LOC", "السودان", "السودان", 0),
        mention("b", "ethiopia", "LOC", "إثيوبيا", "إثيوبيا", 0),
        mention("b", "au", "ORG", "الاتحاد الأفريقي", "الاتحاد الأفريقي", 0),
        mention("b", "egypt", "LOC", "مصر", "مصر", 1),
        mention("c", "world_bank", "ORG", "البنك الدولي", "البنك الدولي", 0),
        mention("c", "tunisia", "LOC", "تونس", "تونس", 0),
        mention("c", "egypt", "LOC", "مصر", "مصر", None, field="title"),
    ]
    return pd.DataFrame(rows)


def test_corpus_overview_sorts_and_counts_tokens_when_missing(documents):
    overview = compare.corpus_overview(documents)
    assert list(overview["doc_id"]) == ["a", "b", "c", "empty", "english"]
    assert list(overview.columns) == [
        "doc_id",
        "title",
        "outlet",
        "author",
        "published",
        "n_tokens",
        "status",
    ]
    assert overview.set_index("doc_id").loc["c", "n_tokens"] == 13
    assert overview.set_index("doc_id").loc["empty", "n_tokens"] == 0


def test_entity_salience_counts_mentions_and_weighs_rare_entities_higher(entities, documents):
    salience = compare.entity_salience(entities, documents)
    by_key = salience.set_index(["doc_id", "entity_id"])
    assert by_key.loc[("a", "egypt"), "mentions"] == 2  # body + title
    assert by_key.loc[("a", "egypt"), "canonical"] == "مصر"
    # three documents have a body; egypt is in all three, abiy only in a
    assert by_key.loc[("a", "egypt"), "weight"] == pytest.approx((1 + math.log(2)) * math.log(1 + 3 / 3))
    assert by_key.loc[("a", "abiy"), "weight"] == pytest.approx(math.log(1 + 3 / 1))
    first_of_a = salience[salience["doc_id"] == "a"].iloc[0]
    assert first_of_a["entity_id"] == "abiy"  # tied with shoukry on weight, first by id


def test_entity_coverage_scopes(entities, documents):
    coverage = compare.entity_coverage(entities, documents).set_index("entity_id")
    assert coverage.loc["egypt", "scope"] == "all"
    assert coverage.loc["egypt", "n_docs"] == 3
    assert coverage.loc["cairo", "scope"] == "some"
    assert coverage.loc["abiy", "scope"] == "one"
    assert compare.entity_coverage(entities, documents)["entity_id"].iloc[0] == "egypt"


def test_cooccurrence_counts_sentences_not_titles(entities):
    cooc = compare.cooccurrence(entities)
    assert (cooc["entity_a"] < cooc["entity_b"]).all()
    pairs = cooc.set_index(["entity_a", "entity_b"])
    assert pairs.loc[("cairo", "egypt"), "n_sentences"] == 2
    assert pairs.loc[("cairo", "egypt"), "doc_ids"] == "a|b"
    assert ("egypt", "tunisia") not in pairs.index  # only together in a title
    assert ("abiy", "shoukry") not in pairs.index  # different sentences
    assert cooc["n_sentences"].iloc[0] == 2


def test_cooccurrence_graph_filters_by_weight_and_labels_nodes(entities):
    cooc = compare.cooccurrence(entities)
    catalogue = pd.DataFrame(
        {
            "entity_id": ["cairo", "egypt"],
            "type": ["LOC", "LOC"],
            "canonical": ["القاهرة", "مصر"],
            "n_mentions": [2, 5],
        }
    )
    graph = compare.cooccurrence_graph(cooc, catalogue, min_weight=2)
    assert graph.has_edge("cairo", "egypt") and graph["cairo"]["egypt"]["weight"] == 2
    assert not graph.has_node("abiy")
    assert graph.nodes["egypt"]["label"] == "مصر" and graph.nodes["egypt"]["n_mentions"] == 5
    assert compare.cooccurrence_graph(cooc, catalogue).has_node("abiy")


def test_content_terms_fold_and_drop_stop_words_and_numbers():
    assert compare.content_terms("وقال إن القمةَ في عام 2023 ناجحة") == ["وقال", "القمه", "عام", "ناجحه"]


def test_doc_similarity_is_a_full_symmetric_matrix(documents):
    similarity = compare.doc_similarity(documents)
    assert len(similarity) == 9  # three documents with status ok and a body, all ordered pairs
    matrix = similarity.pivot(index="doc_a", columns="doc_b", values="cosine")
    assert all(matrix.loc[d, d] == pytest.approx(1) for d in "abc")
    assert matrix.loc["a", "b"] == matrix.loc["b", "a"]
    assert matrix.loc["a", "b"] > 0.2 > matrix.loc["a", "c"]


def test_doc_similarity_ignores_stop_words():
    docs = pd.DataFrame(
        {"doc_id": ["x", "y"], "body": ["هذا في ذلك الذي على نهر", "هذا في ذلك الذي على جبل"]}
    )
    matrix = compare.doc_similarity(docs).pivot(index="doc_a", columns="doc_b", values="cosine")
    assert matrix.loc["x", "y"] == 0


def test_distinctive_terms_follow_monroe_et_al():
    docs = pd.DataFrame({"doc_id": ["x", "y"], "body": ["نهر نهر نهر جبل", "جبل جبل بحر"]})
    terms = compare.distinctive_terms(docs, top_n=5)
    x = terms[terms["doc_id"] == "x"].set_index("term")
    assert list(x.index) == ["نهر"]
    # corpus counts: نهر 3, جبل 3, بحر 1 (n = 7), prior a_w = corpus count, a_0 = 7
    y_i, y_j, a_w, n_i, n_j, a0 = 3, 0, 3, 4, 3, 7
    delta = math.log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - math.log((y_j + a_w) / (n_j + a0 - y_j - a_w))
    z = delta / math.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))
    assert x.loc["نهر", "z"] == pytest.approx(z, abs=1e-4)
    assert x.loc["نهر", "count"] == 3 and x.loc["نهر", "count_rest"] == 0
    assert set(terms[terms["doc_id"] == "y"]["term"]) == {"جبل", "بحر"}


def test_distinctive_terms_show_the_usual_spelling(documents):
    terms = compare.distinctive_terms(documents, top_n=50)
    assert "آذار" in set(terms["term"])  # folded "اذار", shown as written
    assert set(terms["doc_id"]) == {"a", "b", "c"}
    assert (terms["z"] > 0).all()
    assert terms.groupby("doc_id").size().max() <= 50


def many_documents(n=60, seed=1):
    """`n` short bodies drawn from a small vocabulary (more than FULL_MATRIX_DOCS documents)."""
    import random

    rng = random.Random(seed)
    words = "قمة وزير نهر جبل بحر اقتصاد انتخابات سفير قرض مناورات حدود نفط".split()
    bodies = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 12))) for _ in range(n)]
    return pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(n)], "status": "ok", "body": bodies})


@pytest.mark.parametrize("block, dense_cells", [(1024, 10**9), (7, 10**9), (16, 0)])
def test_doc_similarity_of_a_large_corpus_keeps_each_documents_top_k(monkeypatch, block, dense_cells):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from helpers.compare import wording

    monkeypatch.setattr(wording, "_SIMILARITY_BLOCK", block)  # one block, many blocks, sparse blocks
    monkeypatch.setattr(wording, "_DENSE_CELLS", dense_cells)
    docs = many_documents()
    assert len(docs) > compare.FULL_MATRIX_DOCS
    top = compare.doc_similarity(docs, top_k=4)
    assert set(top.columns) >= {"doc_a", "doc_b", "cosine"}
    assert (top["doc_a"] != top["doc_b"]).all() and top.groupby("doc_a").size().max() <= 4
    cosine = cosine_similarity(
        TfidfVectorizer(analyzer=compare.content_terms, sublinear_tf=True).fit_transform(docs["body"])
    )
    ids = list(docs["doc_id"])
    for i, a in enumerate(ids):
        expected = sorted(
            (-round(cosine[i, j], 6), b) for j, b in enumerate(ids) if j != i and cosine[i, j] > 0
        )
        got = [(-r.cosine, r.doc_b) for r in top[top["doc_a"] == a].itertuples()]
        assert got == expected[:4]


def test_doc_similarity_switches_to_top_k_above_the_full_matrix_size():
    docs = many_documents(compare.FULL_MATRIX_DOCS)
    assert len(compare.doc_similarity(docs)) == compare.FULL_MATRIX_DOCS**2


def test_every_comparison_step_copes_with_entities_and_documents_missing_from_a_subset(documents, entities):
    """A subset run: the entity table names documents the documents table no longer has, and
    entities the catalogue does not list (as `--only comparison` after a partial re-run)."""
    import matplotlib

    matplotlib.use("Agg")
    from helpers import stories
    from helpers.core.text import split_sentences
    from helpers.report import plotting
    from helpers.report.stories import story_browser, story_coverage_figure

    subset = documents[documents["doc_id"] != "c"]  # the loan article left out
    stray = pd.DataFrame(
        [
            mention("gone", "nowhere", "LOC", "مكان", "مكان", 0),
            mention("c", "tunisia", "LOC", "تونس", "تونس", 0),
        ]
    )
    mentions = pd.concat([entities, stray], ignore_index=True)
    catalogue = mentions.drop_duplicates("entity_id")[["entity_id", "type", "canonical"]].iloc[:-3]
    sentences = pd.DataFrame(
        [
            {"doc_id": d, "sentence_id": k, "start": s.start, "end": s.end, "text": s.text}
            for d, body in zip(subset["doc_id"], subset["body"], strict=True)
            for k, s in enumerate(split_sentences(body))
        ]
    )
    salience = compare.entity_salience(mentions, subset)
    plotting.salience_heatmap(salience, subset, n=10)
    compare.entity_coverage(mentions, subset)
    graph = compare.cooccurrence_graph(compare.cooccurrence(mentions), catalogue)
    plotting.cooccurrence_network(graph)
    compare.outlet_profile(subset, mentions, compare.distinctive_terms_by(subset))
    articles = stories.story_articles(subset)
    rows = stories.cluster_stories(articles, entities=mentions)
    assert set(rows["doc_id"]) == {"a", "b"}
    story_catalogue = stories.story_catalogue(articles, rows, mentions)
    quotes = stories.quotes(articles, sentences, mentions)
    accounts = stories.story_accounts(rows, articles, sentences, mentions, None, quotes)
    claims = stories.story_claims(rows, articles, sentences, mentions, None)
    assert "gone" not in set(accounts["doc_id"]) | set(claims["doc_id"])
    story_browser(story_catalogue, accounts, claims, quotes, names={})
    story_coverage_figure(story_catalogue, rows, subset)
