"""Names a reader knows: article labels never merge two articles, ids never show scrambled."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.report import labels
from helpers.report.labels import FSI, PDI, plain


def docs(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns)


def test_an_article_is_named_by_outlet_and_short_title():
    table = docs(
        doc_id=["a", "b"],
        title=["طاجيكستان.. رسائل أميركا إلى روسيا", "عنوان طويل " * 10],
        outlet=["مصير", None],
        source_path=["a.txt", "b.txt"],
    )
    names = labels.article_labels(table)
    assert plain(names["a"]) == "مصير · طاجيكستان.. رسائل أميركا إلى روسيا"
    assert plain(names["b"]).endswith("…") and len(plain(names["b"])) <= labels.TITLE_CHARS
    assert not plain(names["b"]).startswith(" ")  # no outlet: the title alone


def test_an_article_without_a_title_is_named_by_its_file_isolated():
    table = docs(
        doc_id=["000_b03d5afc1ac8c9e4", "day__3"],
        title=[None, ""],
        outlet=["الوكالة العربية للأنباء", None],
        source_path=["sub/000_b03d5afc1ac8c9e4.txt", "day.zip/day.json#3"],
    )
    names = labels.article_labels(table)
    # the file name is isolated: its leading digits stay in place next to the Arabic outlet
    assert (
        names["000_b03d5afc1ac8c9e4"] == f"{FSI}الوكالة العربية للأنباء · {FSI}000_b03d5afc1ac8c9e4{PDI}{PDI}"
    )
    assert names["day__3"] == f"{FSI}day.json#3{PDI}"
    assert all(name.startswith(FSI) and name.endswith(PDI) for name in names)  # one piece in any text


def test_labels_never_merge_two_articles():
    # five files of one outlet whose names start alike (the "2015-07-21_al..." case), two
    # with the same title, and titles that only differ after the cut
    long = "وزير الخارجية يلتقي نظيره في العاصمة لبحث العلاقات الثنائية "
    table = docs(
        doc_id=[f"2015-07-21_alriyadh_{i:04d}" for i in range(7)],
        title=[None, None, None, "خبر واحد", "خبر واحد", long + "والتعاون", long + "والاستثمار"],
        outlet=["alriyadh"] * 7,
        published=["2015-07-21"] * 7,
        source_path=[f"2015-07-21_alriyadh_{i:04d}.txt" for i in range(7)],
    )
    names = labels.article_labels(table)
    assert names.is_unique and len(names) == 7
    assert plain(names.iloc[4]).endswith("(2)")  # same title, same day: numbered


def test_equal_labels_are_told_apart_by_date_first():
    table = docs(
        doc_id=["x", "y"], title=["بيان"] * 2, outlet=["sabq"] * 2, published=["2015-08-05", "2015-08-06"]
    )
    assert [plain(v) for v in labels.article_labels(table)] == [
        "sabq · بيان (2015-08-05)",
        "sabq · بيان (2015-08-06)",
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "عنوان", "عنوان (2)", "x" * 60, "x" * 59 + "y", None]),
            st.sampled_from(["okaz", "", None, "عكاظ"]),
            st.sampled_from(["2015-08-06", None, ""]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_no_two_articles_ever_share_a_label(rows):
    table = docs(
        doc_id=[f"d{i}" for i in range(len(rows))],
        title=[r[0] for r in rows],
        outlet=[r[1] for r in rows],
        published=[r[2] for r in rows],
    )
    names = labels.article_labels(table)
    assert names.is_unique and sorted(names.index) == sorted(table["doc_id"])


def test_label_articles_shows_labels_instead_of_ids():
    names = pd.Series({"a": "مصير · عنوان"})
    table = pd.DataFrame({"doc_id": ["a", "zz"], "n": [1, 2]})
    shown = labels.label_articles(table, names)
    assert list(shown.columns) == ["article", "n"]
    assert shown["article"].tolist() == ["مصير · عنوان", f"{FSI}zz{PDI}"]


def test_entity_ids_become_canonical_names_with_english_beside():
    catalogue = pd.DataFrame(
        {
            "entity_id": ["russia", "per:فلاديمير_فرولوف"],
            "canonical": ["روسيا", None],
            "name_en": ["Russia", None],
        }
    )
    table = pd.DataFrame({"entity_id": ["russia", "per:فلاديمير_فرولوف"], "n_docs": [5, 1]})
    shown = labels.name_entities(table, catalogue)
    assert list(shown.columns) == ["canonical", "name_en", "n_docs"]
    assert shown["canonical"].tolist() == ["روسيا", f"{FSI}per:فلاديمير_فرولوف{PDI}"]
    assert shown["name_en"].tolist() == ["Russia", ""]
    pairs = labels.name_entities(pd.DataFrame({"entity_ids": ["russia|per:فلاديمير_فرولوف"]}), catalogue)
    assert pairs["entity_ids"].tolist() == [f"روسيا، {FSI}per:فلاديمير_فرولوف{PDI}"]


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("gazetteer", "قائمة الأسماء المعروفة"),
        ("skeleton", "تهجئة قريبة من اسم معروف"),
        ("rule:capital_of", "قاعدة: عاصمة بلد"),
        ("rule:new_rule", "قاعدة: new rule"),
    ],
)
def test_entity_sources_are_said_in_words(source, words):
    assert labels.source_label(source).startswith(words)
    assert "·" in labels.source_label(source)


def test_isolate_leaves_missing_values_empty_and_does_not_isolate_twice():
    assert labels.isolate(None) == "" and labels.isolate(float("nan")) == ""
    assert labels.isolate(labels.isolate("a")) == f"{FSI}a{PDI}"


def test_ranked_pairs_name_the_strongest_pairs():
    catalogue = pd.DataFrame(
        {
            "entity_id": ["a", "b", "c"],
            "canonical": ["مصر", "القاهرة", "السيسي"],
            "name_en": ["Egypt", "Cairo", None],
        }
    )
    cooc = pd.DataFrame(
        {"entity_a": ["a", "a"], "entity_b": ["c", "b"], "n_sentences": [3, 9], "doc_ids": ["d1", "d1|d2|d3"]}
    )
    pairs = labels.ranked_pairs(cooc, catalogue, n=1)
    assert pairs.to_dict("records") == [
        {
            "entity": "مصر",
            "entity_en": "Egypt",
            "other": "القاهرة",
            "other_en": "Cairo",
            "n_sentences": 9,
            "n_docs": 3,
        }
    ]
