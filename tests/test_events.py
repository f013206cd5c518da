"""Timeline and events on small articles written for these tests."""

import pandas as pd
import pytest

from helpers.catalog import columns
from helpers.core.text import split_sentences
from helpers.timeline.events import build_events, build_timeline

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
    assert list(events.columns) == columns("events")
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
