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


@pytest.fixture
def timeline():
    return pd.DataFrame(
        [
            {
                "doc_id": "a",
                "text": "يوم الأحد 5 مارس/آذار",
                "type": "DATE",
                "value": "2023-03-05",
                "mod": None,
                "start": 16,
                "end": 37,
                "sentence_id": 0,
                "anchor": "2023-03-05",
                "anchor_source": "published",
            },
            {
                "doc_id": "a",
                "text": "ثلاث ساعات",
                "type": "DURATION",
                "value": "PT3H",
                "mod": None,
                "start": 58,
                "end": 68,
                "sentence_id": 0,
                "anchor": "2023-03-05",
                "anchor_source": "published",
            },
            {
                "doc_id": "b",
                "text": "يوم 6 مارس",
                "type": "DATE",
                "value": "2023-03-06",
                "mod": None,
                "start": 17,
                "end": 27,
                "sentence_id": 0,
                "anchor": "2023-03-06",
                "anchor_source": "published",
            },
        ]
    )


@pytest.fixture
def events():
    return pd.DataFrame(
        [
            {
                "doc_id": "a",
                "sentence_id": 0,
                "value": "2023-03-05",
                "date_start": "2023-03-05",
                "date_end": "2023-03-05",
                "text": SUMMIT_A.split(". ")[0] + ".",
                "timex": "يوم الأحد 5 مارس/آذار",
                "entity_ids": "abiy|cairo|egypt|ethiopia|sudan",
                "cluster_id": "e1",
            },
            {
                "doc_id": "b",
                "sentence_id": 0,
                "value": "2023-03-06",
                "date_start": "2023-03-06",
                "date_end": "2023-03-06",
                "text": SUMMIT_B.split(". ")[0] + ".",
                "timex": "يوم 6 مارس",
                "entity_ids": "au|cairo|egypt|ethiopia|sudan",
                "cluster_id": "e1",
            },
            {
                "doc_id": "c",
                "sentence_id": 0,
                "value": "2023-04",
                "date_start": "2023-04-01",
                "date_end": "2023-04-30",
                "text": LOAN,
                "timex": "",
                "entity_ids": "tunisia|world_bank",
                "cluster_id": "e2",
            },
        ]
    )


@pytest.fixture
def clusters():
    return pd.DataFrame(
        [
            {
                "cluster_id": "e1",
                "value": "2023-03-05/2023-03-06",
                "date_start": "2023-03-05",
                "date_end": "2023-03-06",
                "n_docs": 2,
                "doc_ids": "a|b",
                "entity_ids": "cairo|egypt",
                "label": "قمة القاهرة",
            },
            {
                "cluster_id": "e2",
                "value": "2023-04",
                "date_start": "2023-04-01",
                "date_end": "2023-04-30",
                "n_docs": 1,
                "doc_ids": "c",
                "entity_ids": "",
                "label": "",
            },
        ]
    )


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


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("خصصت الحكومة 60 مليون دولار للمشروع", [("60 مليون", 60e6)]),
        ("بلغت الخسائر 2,5 مليار دولار", [("2,5 مليار", 2.5e9)]),
        ("وصل 1,500 لاجئ", [("1,500", 1500)]),
        ("قتل ٧ جنود", [("٧", 7)]),
        ("قمة ثلاثية استمرت ثلاث ساعات", [("ثلاث", 3)]),
        ("أصيب خمسة وعشرون شخصا", [("خمسة وعشرون", 25)]),
        ("في الفصل الثاني من الخطة", []),
    ],
)
def test_numbers_in_reads_digits_scales_and_words(sentence, expected):
    assert [(surface, value) for surface, value, _, _ in compare.numbers_in(sentence)] == expected


def test_numbers_in_skips_masked_spans():
    sentence = "انطلقت مناورات درع 22 بمشاركة 300 جندي"
    start = sentence.index("درع 22")
    assert [n[0] for n in compare.numbers_in(sentence, [(start, start + 6)])] == ["300"]


def test_shared_events_contrast_the_accounts(events, clusters, timeline, entities):
    shared = compare.shared_events(events, clusters, timeline, entities)
    assert list(shared["doc_id"]) == ["a", "b"]  # cluster e2 has one document only
    assert set(shared["cluster_id"]) == {"e1"}
    assert shared["label"].iloc[0] == "قمة القاهرة"
    a, b = shared.iloc[0], shared.iloc[1]
    assert a["only_dates"] == "2023-03-05|PT3H" and b["only_dates"] == "2023-03-06"
    assert a["only_entities"] == "abiy" and b["only_entities"] == "au"
    assert "آبي أحمد" in a["differences"] and "الاتحاد الأفريقي" in b["differences"]
    assert b["only_numbers"] == "40" and "40" in b["differences"]
    assert a["only_numbers"] == ""  # "ثلاث ساعات" is a duration expression, not a count
    assert set(a["highlight"].split("|")) == {"يوم الأحد 5 مارس/آذار", "ثلاث ساعات", "آبي أحمد"}
    assert set(b["highlight"].split("|")) == {"يوم 6 مارس", "الاتحاد الأفريقي", "40"}
    assert a["sentence"].startswith("استضافت القاهرة")


def test_shared_events_identical_accounts_have_no_differences(events, clusters, timeline, entities):
    def copy_a_to_b(table):
        a_rows = table[(table["doc_id"] == "a") & (table["sentence_id"] == 0)].assign(doc_id="b")
        return pd.concat([table[table["doc_id"] != "b"], a_rows], ignore_index=True)

    shared = compare.shared_events(
        copy_a_to_b(events), clusters, copy_a_to_b(timeline), copy_a_to_b(entities)
    )
    assert list(shared["doc_id"]) == ["a", "b"]
    assert list(shared["differences"]) == ["", ""]
    assert list(shared["highlight"]) == ["", ""]


def test_html_side_by_side_marks_differences_right_to_left(events, clusters, timeline, entities, documents):
    shared = compare.shared_events(events, clusters, timeline, entities)
    shared.loc[0, "sentence"] += " <b>"
    page = compare.html_side_by_side(shared, documents)
    assert page.count('dir="rtl"') >= 2 and 'lang="ar"' in page
    assert "<mark>آبي أحمد</mark>" in page and "<mark>40</mark>" in page
    assert "<mark>يوم 6 مارس</mark>" in page
    assert "&lt;b&gt;" in page and "<b>" not in page
    assert page.index("النهار") < page.index("الشروق")  # columns in doc_id order, headed by outlet
    assert '<bdi dir="ltr">2023-03-05/2023-03-06</bdi>' in page  # the event's date, kept left to right


def test_html_side_by_side_without_shared_events():
    assert 'dir="rtl"' in compare.html_side_by_side(pd.DataFrame(columns=["cluster_id", "doc_id"]))


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


def test_html_side_by_side_caps_the_accounts_of_an_event():
    shared = pd.DataFrame(
        {
            "cluster_id": "C001",
            "value": "2023-03-05",
            "doc_id": [f"d{i}" for i in range(9)],
            "sentence": "نص",
            "highlight": "",
            "differences": "",
        }
    )
    page = compare.html_side_by_side(shared, max_accounts=3)
    assert page.count("<td>نص</td>") == 3 and "d2" in page and "d3" not in page
    assert 'عدد المقالات: <bdi dir="ltr">9</bdi>' in page
