"""The outlets side by side: words compared with their spelling variants folded, news words and
stop words left out, and each outlet's profile."""

import pandas as pd

from helpers.compare import outlets


def test_spelling_variants_and_inflections_share_a_key():
    keys = outlets.variant_keys(["الأميركي", "الأمريكية", "أمريكي", "الأمريكيين", "والأمريكيون"])
    assert len(set(keys.values())) == 1


def test_different_words_keep_their_keys():
    pairs = [
        ("السلام", "الإسلام"),
        ("سعد", "سعود"),
        ("الجامعة", "الجامع"),
        ("المائة", "المائية"),
        ("الرياض", "الرياضة"),
    ]
    for a, b in pairs:
        keys = outlets.variant_keys([a, b])
        assert keys[a] != keys[b], (a, b)


def test_news_words_are_stop_words():
    stop = outlets.news_stopwords()
    assert {"اليوم", "عبر", "باتت", "البلاد", "واضاف"} <= stop  # folded forms, with و


def corpus() -> pd.DataFrame:
    okaz = "الأمريكية تعلن عن خطة جديدة للنفط والأميركي يرد على الأمريكيين اليوم عبر البلاد"
    sabq = "سبق تنشر تقريرا عن الرياضة في المدينة وسبق تتابع الملاعب والرياضة اليوم عبر البلاد"
    rows = [("o", i, okaz) for i in range(6)] + [("s", i, sabq) for i in range(6)]
    return pd.DataFrame(
        {
            "doc_id": [f"{o}{i}" for o, i, _ in rows],
            "outlet": ["okaz" if o == "o" else "sabq" for o, _, _ in rows],
            "body": [body for *_, body in rows],
            "status": "ok",
            "n_tokens": 15,
        }
    )


def test_distinctive_terms_by_outlet_fold_variants_and_drop_news_words():
    terms = outlets.distinctive_terms_by(corpus(), by="outlet", top_n=5)
    okaz = terms[terms["outlet"] == "okaz"]
    assert list(terms.columns) == ["outlet", "term", "variants", "z", "count", "count_rest", "n_docs"]
    american = okaz[okaz["variants"].str.contains("الأميركي")]
    assert len(american) == 1 and american["count"].item() == 18  # three spellings, six articles
    assert not terms["term"].isin(["اليوم", "عبر", "البلاد"]).any()
    assert (terms["z"] > 0).all() and set(terms["outlet"]) == {"okaz", "sabq"}


def test_small_corpora_are_compared_article_by_article():
    small = corpus().head(4).assign(outlet=["okaz", "okaz", "sabq", "sabq"])
    assert outlets.grouping(small) == "doc_id"
    assert outlets.grouping(corpus()) == "outlet"
    assert outlets.distinctive_terms_by(small).columns[0] == "doc_id"


def test_outlet_profile_counts_each_outlet():
    docs = corpus()
    entities = pd.DataFrame(
        {
            "doc_id": ["o0", "o1", "s0"],
            "entity_id": ["usa", "usa", "riyadh"],
            "canonical": ["أمريكا", "أمريكا", "الرياض"],
        }
    )
    profile = outlets.outlet_profile(docs, entities).set_index("outlet")
    assert profile.loc["okaz", "articles"] == 6 and profile.loc["okaz", "share"] == 50.0
    assert profile.loc["okaz", "top_entities"] == "أمريكا"
    assert profile.loc["sabq", "median_entities"] == 0.0
