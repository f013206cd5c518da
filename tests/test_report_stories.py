"""The story browser and the story x outlet figure, on tables written for these tests."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from helpers.report import plotting  # noqa: E402
from helpers.report.stories import story_browser, story_coverage_figure  # noqa: E402

CATALOGUE = pd.DataFrame(
    {
        "story_id": ["a1", "c1"],
        "label": ["تفجير <b>مسجد</b>", "خبر محلي"],
        "n_docs": [3, 1],
        "n_outlets": [2, 1],
        "outlets": ["okaz|sabq", "okaz"],
        "first_published": ["2015-08-06T01:00:00Z", "2015-08-06"],
        "last_published": ["2015-08-06T03:00:00Z", "2015-08-06"],
        "top_entities": ["loc:abha", ""],
    }
)
ACCOUNTS = pd.DataFrame(
    {
        "story_id": ["a1", "a1", "a1"],
        "doc_id": ["a1", "a2", "a3"],
        "outlet": ["okaz", "sabq", "sabq"],
        "published": ["2015-08-06"] * 3,
        "published_at": ["2015-08-06T01:00:00Z", "2015-08-06T02:00:00Z", None],
        "title": ["عنوان أ", "عنوان ب", "<script>x</script>"],
        "lead": ["", "", ""],
        "n_tokens": [100, 120, 90],
        "entities": ["", "", ""],
        "dates": ["", "", ""],
        "numbers": ["", "", ""],
        "quoted": ["per:x", "", ""],
        "first_report": [True, False, False],
    }
)
CLAIMS = pd.DataFrame(
    {
        "story_id": ["a1", "a1"],
        "claim_id": ["a1#1", "a1#1"],
        "doc_id": ["a1", "a2"],
        "outlet": ["okaz", "sabq"],
        "published": ["2015-08-06"] * 2,
        "sentence_id": [0, 0],
        "text": ["قتل 15 شخصا في التفجير", "قتل 10 أشخاص في التفجير"],
        "numbers": ["15 شخص", "10 شخص"],
        "dates": ["", ""],
        "places": ["loc:abha", ""],
        "participants": ["", ""],
        "roles": ["", ""],
        "n_accounts": [2, 2],
        "n_outlets": [2, 2],
        "similarity": [0.8, 0.8],
        "differences": ["تعارض في شخص: 15 [okaz] مقابل 10 [sabq]; ينفرد به [okaz] (1 من 2): مكان loc:abha"]
        * 2,
        "n_disagreements": [1, 1],
    }
)
QUOTES = pd.DataFrame(
    {
        "doc_id": ["a1"],
        "sentence_id": [1],
        "speaker": ["per:x"],
        "speaker_text": ["المتحدث"],
        "speaker_start": [0],
        "speaker_end": [7],
        "verb": ["قال"],
        "kind": ["reported"],
        "quote": ["إن التحقيق مستمر"],
        "start": [10],
        "end": [25],
    }
)


def test_the_browser_shows_multi_outlet_stories_with_marked_differences_and_quotes():
    page = story_browser(CATALOGUE, ACCOUNTS, CLAIMS, QUOTES, names={"loc:abha": "أبها", "per:x": "فلان"})
    assert page.count("<details") == 1  # the one-outlet story is not shown
    assert "<b>" not in page and "&gt;مسجد&lt;" in page  # the label is escaped
    assert "<script>" not in page
    assert '<mark><bdi dir="ltr">15</bdi></mark>' in page and '<mark><bdi dir="ltr">10</bdi></mark>' in page
    assert "تعارض في شخص" in page and "أبها" in page and "loc:abha" not in page
    assert "«إن التحقيق مستمر»" in page and "فلان" in page
    assert page.count("★") == 3  # the heading, the column and the one article that came first


def test_without_a_multi_outlet_story_the_browser_says_so():
    assert "No story is reported by two outlets" in story_browser(
        CATALOGUE.iloc[1:], ACCOUNTS, CLAIMS, QUOTES
    )


def test_coverage_figure_counts_articles_per_story_and_outlet():
    plotting.use_arabic_fonts()
    stories = pd.DataFrame({"doc_id": ["a1", "a2", "a3", "c1"], "story_id": ["a1", "a1", "a1", "c1"]})
    documents = pd.DataFrame({"doc_id": ["a1", "a2", "a3", "c1"], "outlet": ["okaz", "sabq", "sabq", "okaz"]})
    fig = story_coverage_figure(CATALOGUE, stories, documents)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["okaz", "sabq"]
    assert [t.get_text() for t in ax.texts] == ["1", "2"]
