"""Timeline, events and event clusters on small articles written for these tests."""

import pandas as pd
import pytest

from helpers.catalog import columns
from helpers.core.text import split_sentences
from helpers.timeline.events import (
    build_events,
    build_timeline,
    cluster_events,
    describe_clusters,
)

BODIES = {
    "a": "أعلنت الوزارة انطلاق مناورات النسر الذهبي بين 4-9 أيار الجاري في الأردن. "
    "وكانت الدورة الأولى قد جرت عام 2015.\nوقال المتحدث أمس إن الطقس جيد.",
    "b": "تنطلق مناورات النسر الذهبي من 4 إلى 9 أيار الجاري بمشاركة قوات من الأردن والبحرين.\n"
    "وتستمر الاستعدادات خمسة أيام.",
    "c": "افتتح معرض الكتاب في 6 أيار الجاري في القاهرة.",
}
ANCHORS = {"a": ("2019-05-02", "page"), "b": ("2019-05", "corpus"), "c": ("2019-05-03", "page")}


@pytest.fixture()
def documents():
    return pd.DataFrame(
        [
            {"doc_id": d, "body": body, "date_anchor": ANCHORS[d][0], "date_anchor_source": ANCHORS[d][1]}
            for d, body in BODIES.items()
        ]
    )


@pytest.fixture()
def sentences():
    return pd.DataFrame(
        [
            {"doc_id": d, "sentence_id": i, "start": s.start, "end": s.end, "text": s.text}
            for d, body in BODIES.items()
            for i, s in enumerate(split_sentences(body))
        ]
    )


def no_entities():
    return pd.DataFrame(columns=["doc_id", "entity_id", "sentence_id", "start", "end"])


def test_timeline_rows_columns_and_order(documents, sentences):
    timeline = build_timeline(documents, sentences)
    assert list(timeline.columns) == columns("timeline")
    rows = [(r.doc_id, r.value, r.sentence_id, r.anchor_source) for r in timeline.itertuples()]
    assert rows == [
        ("a", "2019-05-04/2019-05-09", 0, "page"),
        ("a", "2015", 1, "page"),
        ("a", "2019-05-01", 2, "page"),
        ("b", "2019-05-04/2019-05-09", 0, "corpus"),
        ("b", "P5D", 1, "corpus"),
        ("c", "2019-05-06", 0, "page"),
    ]
    body = BODIES["a"]
    first = timeline.iloc[0]
    assert body[first.start : first.end] == first.text


def test_timeline_without_anchor_keeps_underspecified_values(documents, sentences):
    documents.loc[documents.doc_id == "b", ["date_anchor", "date_anchor_source"]] = None
    timeline = build_timeline(documents, sentences)
    assert timeline.loc[timeline.doc_id == "b", "value"].tolist() == ["XXXX-05-04/XXXX-05-09", "P5D"]


def test_events_one_row_per_dated_sentence(documents, sentences):
    timeline = build_timeline(documents, sentences)
    entities = pd.DataFrame(
        [
            {"doc_id": "a", "entity_id": "E2", "sentence_id": 0, "start": 0, "end": 1},
            {"doc_id": "a", "entity_id": "E1", "sentence_id": 0, "start": 2, "end": 3},
            {"doc_id": "a", "entity_id": "E1", "sentence_id": 0, "start": 4, "end": 5},
        ]
    )
    events = build_events(timeline, sentences, entities)
    assert list(events.columns) == columns("events")[:-1]  # cluster_id comes with clustering
    first = events.iloc[0]
    assert (first.doc_id, first.sentence_id, first.date_start, first.date_end) == (
        "a",
        0,
        "2019-05-04",
        "2019-05-09",
    )
    assert first.entity_ids == "E1|E2"
    assert first.text.startswith("أعلنت الوزارة")
    assert len(events) == 5  # the duration's sentence is not dated
    assert "P5D" not in set(events.value)


def test_events_keep_the_most_precise_date_of_a_sentence():
    body = "في عام 2019، وتحديدا في 3 أيار، عقدت القمة."
    sentences = pd.DataFrame([{"doc_id": "x", "sentence_id": 0, "start": 0, "end": len(body), "text": body}])
    documents = pd.DataFrame(
        [{"doc_id": "x", "body": body, "date_anchor": "2019-06-01", "date_anchor_source": "page"}]
    )
    events = build_events(build_timeline(documents, sentences), sentences, no_entities())
    assert events[["value", "timex"]].values.tolist() == [["2019-05-03", "عام 2019|3 أيار"]]


def test_clusters_join_reports_of_one_happening(documents, sentences):
    events = build_events(build_timeline(documents, sentences), sentences, no_entities())
    events, clusters = cluster_events(events, documents)
    assert list(clusters.columns) == columns("event_clusters")
    assert len(clusters) == 1
    cluster = clusters.iloc[0]
    assert (cluster.cluster_id, cluster.value, cluster.n_docs, cluster.doc_ids) == (
        "C001",
        "2019-05-04/2019-05-09",
        2,
        "a|b",
    )
    assert cluster.label.startswith("أعلنت") or cluster.label.startswith("تنطلق")
    in_cluster = events[events.cluster_id.notna()]
    assert sorted(in_cluster.doc_id) == ["a", "b"]
    assert events.loc[events.doc_id == "c", "cluster_id"].isna().all()  # same days, other happening


def test_describe_clusters_gives_each_article_its_sentence(documents, sentences):
    events = build_events(build_timeline(documents, sentences), sentences, no_entities())
    events, clusters = cluster_events(events, documents)
    described = describe_clusters(clusters, events)
    assert described[["cluster_id", "doc_id", "doc_value"]].values.tolist() == [
        ["C001", "a", "2019-05-04/2019-05-09"],
        ["C001", "b", "2019-05-04/2019-05-09"],
    ]
    assert described.text.iloc[1].startswith("تنطلق مناورات")


def test_clusters_by_shared_entities(documents, sentences):
    events = build_events(
        build_timeline(documents, sentences),
        sentences,
        pd.DataFrame(
            [
                {"doc_id": "a", "entity_id": "Q1", "sentence_id": 2, "start": 0, "end": 1},
                {"doc_id": "c", "entity_id": "Q1", "sentence_id": 0, "start": 0, "end": 1},
            ]
        ),
    )
    events.loc[(events.doc_id == "a") & (events.sentence_id == 2), ["date_start", "date_end"]] = "2019-05-06"
    _, clusters = cluster_events(events, documents)
    assert clusters.doc_ids.tolist() == ["a|b", "a|c"]
    assert clusters.entity_ids.tolist() == ["", "Q1"]


def test_year_long_events_are_not_clustered():
    body_x = "جرت الانتخابات الرئاسية الفرنسية عام 2017 وفاز ماكرون."
    body_y = "فاز ماكرون في الانتخابات الرئاسية الفرنسية عام 2017."
    documents = pd.DataFrame(
        [
            {"doc_id": d, "body": b, "date_anchor": "2020-01-01", "date_anchor_source": "page"}
            for d, b in (("x", body_x), ("y", body_y))
        ]
    )
    sentences = pd.DataFrame(
        [
            {"doc_id": d, "sentence_id": 0, "start": 0, "end": len(b), "text": b}
            for d, b in (("x", body_x), ("y", body_y))
        ]
    )
    events = build_events(build_timeline(documents, sentences), sentences, no_entities())
    events, clusters = cluster_events(events, documents)
    assert clusters.empty and events.cluster_id.isna().all()


def test_entities_without_sentence_id_are_placed_by_offset(documents, sentences):
    timeline = build_timeline(documents, sentences)
    offset = BODIES["b"].index("الأردن")
    entities = pd.DataFrame(
        [{"doc_id": "b", "entity_id": "JOR", "sentence_id": None, "start": offset, "end": offset + 6}]
    )
    events = build_events(timeline, sentences, entities)
    assert events.loc[events.doc_id == "b", "entity_ids"].tolist() == ["JOR"]


def test_a_date_alone_on_its_line_is_left_out():
    body = "الجمعة، 4 يوليو 2025\nوصل الوفد في 3 تموز 2025.\n  • 9/25/2021"
    documents = pd.DataFrame(
        [{"doc_id": "x", "body": body, "date_anchor": "2025-07-04", "date_anchor_source": "page"}]
    )
    sentences = pd.DataFrame(
        [
            {"doc_id": "x", "sentence_id": i, "start": s.start, "end": s.end, "text": s.text}
            for i, s in enumerate(split_sentences(body))
        ]
    )
    assert build_timeline(documents, sentences)["value"].tolist() == ["2025-07-03"]


def test_a_day_is_not_the_same_happening_as_its_whole_month():
    body_x = "ألقى الرئيس خطابا أمام الجمعية العامة في 21 أيلول."
    body_y = "استضافت العاصمة قمة إقليمية في أيلول الماضي."
    documents = pd.DataFrame(
        [
            {"doc_id": d, "body": b, "date_anchor": "2021-10-01", "date_anchor_source": "page"}
            for d, b in (("x", body_x), ("y", body_y))
        ]
    )
    sentences = pd.DataFrame(
        [
            {"doc_id": d, "sentence_id": 0, "start": 0, "end": len(b), "text": b}
            for d, b in (("x", body_x), ("y", body_y))
        ]
    )
    entities = pd.DataFrame(
        [{"doc_id": d, "entity_id": "Q1", "sentence_id": 0, "start": 0, "end": 1} for d in ("x", "y")]
    )
    events = build_events(build_timeline(documents, sentences), sentences, entities)
    assert events.value.tolist() == ["2021-09-21", "2021-09"]
    _, clusters = cluster_events(events, documents)
    assert clusters.empty


def reference_groups(frame, clues):
    """The definition `cluster_events` implements, pair by pair (quadratic: small inputs only)."""
    from datetime import date

    from helpers.timeline.events import MAX_EVENT_DAYS, MIN_DATE_OVERLAP, MIN_SHARED_WORDS

    rows = list(frame.itertuples(index=False))
    day = {
        k: (date.fromisoformat(r.date_start).toordinal(), date.fromisoformat(r.date_end).toordinal())
        for k, r in enumerate(rows)
    }

    def same(x, y):
        (a0, a1), (b0, b1) = day[x], day[y]
        if rows[x].doc_id == rows[y].doc_id or a0 > b1 or b0 > a1:
            return False
        da, db = a1 - a0 + 1, b1 - b0 + 1
        overlap = min(a1, b1) - max(a0, b0) + 1
        if max(da, db) > MAX_EVENT_DAYS or overlap < MIN_DATE_OVERLAP * (da + db - overlap):
            return False
        return bool(clues[x][0] & clues[y][0]) or len(clues[x][1] & clues[y][1]) >= MIN_SHARED_WORDS

    parent = list(range(len(rows)))

    def root(k):
        while parent[k] != k:
            k = parent[k]
        return k

    for x in range(len(rows)):
        for y in range(x + 1, len(rows)):
            if same(x, y):
                parent[root(y)] = root(x)
    groups = {}
    for k in range(len(rows)):
        groups.setdefault(root(k), []).append(k)
    return sorted(g for g in groups.values() if len({rows[k].doc_id for k in g}) >= 2)


def test_clustering_matches_the_pairwise_definition_on_random_events():
    import random

    from helpers.timeline.events import _happenings

    rng = random.Random(5)
    spans = ["2021-03-0{}", "2021-03-1{}", "2021-04-0{}"]
    for _ in range(30):
        rows, clues = [], []
        for _ in range(rng.randint(5, 60)):
            first = rng.choice(spans).format(rng.randint(1, 9))
            last = rng.choice([first, first[:-1] + "9", "2021-05-28"])
            rows.append(
                {
                    "doc_id": f"d{rng.randint(1, 6)}",
                    "date_start": min(first, last),
                    "date_end": max(first, last),
                }
            )
            clues.append(
                (
                    {f"Q{rng.randint(1, 12)}"} if rng.random() < 0.3 else set(),
                    {f"w{rng.randint(1, 8)}" for _ in range(rng.randint(0, 5))},
                )
            )
        frame = pd.DataFrame(rows)
        assert sorted(_happenings(frame, clues)) == reference_groups(frame, clues)


def test_many_reports_of_one_happening_make_one_cluster():
    n = 3000
    events = pd.DataFrame(
        {
            "doc_id": [f"d{i:04d}" for i in range(n)],
            "sentence_id": 0,
            "value": "2021-03-05",
            "date_start": "2021-03-05",
            "date_end": "2021-03-05",
            "text": "افتتح الوزير مصنع الإسمنت الجديد",
            "timex": "5 مارس",
            "entity_ids": "Q1",
        }
    )
    events["sentence_id"] = events["sentence_id"].astype("Int64")
    documents = pd.DataFrame({"doc_id": events["doc_id"], "body": "نص قصير عن الاقتصاد"})
    events, clusters = cluster_events(events, documents)
    assert len(clusters) == 1 and clusters.loc[0, "n_docs"] == n and events["cluster_id"].eq("C001").all()
