"""Anchor dates: stated, inferred from the text, or from another article of the corpus."""
import pandas as pd

from helpers.timeline.anchors import apply_anchors, resolve_anchors


def documents(*rows):
    return pd.DataFrame(rows, columns=["doc_id", "body", "published", "published_source"])


def anchors(frame):
    out = resolve_anchors(frame)
    assert list(out.columns) == ["doc_id", "date_anchor", "date_anchor_source"]
    return {r.doc_id: (r.date_anchor, r.date_anchor_source) for r in out.itertuples()}


DATED = ("a", "قال الوزير إن المحادثات تستمر.", "2021-06-03", "page")


def test_a_stated_publication_date_is_the_anchor():
    got = anchors(documents(DATED, ("b", "نص بلا تاريخ.", "2021-05-01T09:30:00", "manifest")))
    assert got == {"a": ("2021-06-03", "page"), "b": ("2021-05-01", "manifest")}


def test_a_dated_weekday_with_the_day_before_yesterday_fixes_the_writing_day():
    body = "صرح الوزير أول أمس الأحد 13 آذار الحالي بأن الحوار مستمر."
    got = anchors(documents(DATED, ("b", body, "", None)))
    assert got["b"] == ("2022-03-15", "text")


def test_the_weekday_year_nearest_to_the_corpus_wins():
    body = "أعلن المتحدث أمس الثلاثاء 12 تشرين الأول الحالي أن الوفد وصل."
    near_2021 = anchors(documents(("a", "نص.", "2021-11-20", "page"), ("b", body, None, None)))
    near_2010 = anchors(documents(("a", "نص.", "2009-05-02", "page"), ("b", body, None, None)))
    assert near_2021["b"] == ("2021-10-13", "text")
    assert near_2010["b"] == ("2010-10-13", "text")


def test_a_current_month_with_a_year_elsewhere_gives_the_month():
    body = "تبدأ المناورات في 25 أيلول الجاري. وكانت المناورات الأولى قد جرت عام 2019، ثم في 2023."
    got = anchors(documents(("b", body, "", None)))
    assert got["b"] == ("2023-09", "text")


def test_an_undated_report_of_a_dated_event_shares_its_year():
    dated = ("a", "أعلنت الوزارة انطلاق مناورات النسر الذهبي بين 4-9 أيار الجاري بمشاركة قوات "
                  "من الأردن والبحرين.", "2019-05-02", "page")
    undated = ("b", "تنطلق مناورات النسر الذهبي من 4 إلى 9 أيار الجاري في الأردن.", "", None)
    unrelated = ("c", "تنظم وزارة الزراعة معرضا من 4 إلى 9 أيار الجاري للتمور.", "", None)
    got = anchors(documents(dated, undated, unrelated))
    assert got["b"] == ("2019-05", "corpus")
    assert got["c"] == (None, None)


def test_no_evidence_leaves_the_anchor_empty():
    got = anchors(documents(("b", "وصل الوفد الجمعة إلى العاصمة في 3 آب.", None, None)))
    assert got["b"] == (None, None)


def test_a_weekday_date_without_any_reference_year_is_not_guessed():
    got = anchors(documents(("b", "صرح أمس الثلاثاء 12 تشرين الأول الحالي بذلك.", "", None)))
    assert got["b"] == (None, None)


def test_apply_anchors_fills_the_documents_table():
    table = documents(DATED, ("b", "نص بلا تاريخ.", "", None)).assign(title=["t1", "t2"])
    out = apply_anchors(table)
    assert list(out.columns) == ["doc_id", "body", "published", "published_source", "title", "date_anchor",
                                 "date_anchor_source"]
    assert out["date_anchor"].tolist() == ["2021-06-03", None]
    assert out["date_anchor_source"].tolist() == ["page", None]
