"""Anchor dates: stated, inferred from the text, or from another article of the corpus."""

import pandas as pd
import pytest

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
    dated = (
        "a",
        "أعلنت الوزارة انطلاق مناورات النسر الذهبي بين 4-9 أيار الجاري بمشاركة قوات من الأردن والبحرين.",
        "2019-05-02",
        "page",
    )
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
    assert list(out.columns) == [
        "doc_id",
        "body",
        "published",
        "published_source",
        "title",
        "date_anchor",
        "date_anchor_source",
    ]
    assert out["date_anchor"].tolist() == ["2021-06-03", None]
    assert out["date_anchor_source"].tolist() == ["page", None]


# ---- issue 14: the text corrects a stated day ---------------------------------------------------
# Collected on Thursday 2015-08-06; Tuesday is 2015-08-04, Wednesday 2015-08-05.
COLLECTED = "2015-08-06"


def collected(doc_id, body, url=None):
    return (doc_id, body, COLLECTED, "manifest", url)


def anchors_with_urls(*rows):
    frame = pd.DataFrame(rows, columns=["doc_id", "body", "published", "published_source", "url"])
    return anchors(frame)


@pytest.mark.parametrize(
    "body, anchor",
    [
        ("لقي شخص مصرعه اليوم الثلاثاء في حادث مروري.", "2015-08-04"),
        ("وصل الملك أول من أمس الأحد إلى طنجة.", "2015-08-04"),
        ("صادر فريق العمل أمس الثلاثاء عربتي تمر مغشوش.", "2015-08-05"),
        ("تقام مباراة الإياب غدا الخميس في وارسو.", "2015-08-05"),
        ("خسر الفريق مساء أمس (الثلاثاء) أمام بولو سبور.", "2015-08-05"),
        ("نفذ حكم القتل اليوم الاربعاء الموافق 20 /10 / 1436 هـ بمدينة جدة.", "2015-08-05"),
    ],
)
def test_the_text_corrects_the_collection_day(body, anchor):
    assert anchors(documents(collected("a", body)[:4]))["a"] == (anchor, "text-weekday")


@pytest.mark.parametrize(
    "body",
    [
        "قال الوزير أمس إن المحادثات مستمرة.",
        "شارك الآلاف اليوم (الخميس) في المراسم، وكان الوفد قد وصل أمس الأربعاء.",
        "اختفت الغواصة الأحد الماضي.",
    ],
)
def test_the_stated_day_stays_when_the_cues_agree_or_are_absent_or_weak(body):
    assert anchors(documents(collected("a", body)[:4]))["a"] == (COLLECTED, "manifest")


def test_the_majority_of_the_cues_wins_and_a_tie_keeps_the_stated_day():
    majority = "سجل المؤشر اليوم الأربعاء ارتفاعا. وكان قد تراجع أمس الثلاثاء. وتعقد الجمعية غدا الخميس."
    assert anchors(documents(collected("a", majority)[:4]))["a"] == ("2015-08-05", "text-weekday")
    tie = "سجل المؤشر اليوم الأربعاء ارتفاعا. ويجتمع المجلس اليوم الخميس."
    assert anchors(documents(collected("a", tie)[:4]))["a"] == (COLLECTED, "manifest")


def test_a_page_date_is_checked_the_same_way():
    got = anchors(documents(("a", "قال المتحدث اليوم الثلاثاء إن الوفد وصل.", "2015-08-06", "page")))
    assert got["a"] == ("2015-08-04", "text-weekday")


def test_the_day_a_page_address_states_is_the_day_it_was_written():
    got = anchors_with_urls(
        collected(
            "a", "أعلنت الوزارة أمس نتائج القبول.", "http://www.aleqt.com/2015/08/05/article_979297.html"
        ),
        collected(
            "b", "أعلنت الوزارة أمس نتائج القبول.", "http://www.okaz.com.sa/new/Issues/20150805/Con2015.htm"
        ),
        collected("c", "وصل اليوم الخميس.", "http://www.al-jazirah.com/2015/20150805/ln49.htm"),
    )
    assert got["a"] == ("2015-08-05", "page") and got["b"] == ("2015-08-05", "page")
    assert got["c"] == (COLLECTED, "manifest")  # the text's own weekday wins over the address


def test_an_article_between_two_of_the_same_day_on_its_site_shares_that_day():
    site = "http://www.alriyadh.com/"
    got = anchors_with_urls(
        collected("a", "صادر فريق العمل أمس الثلاثاء عربتي تمر.", site + "1070700"),
        collected("b", "قال الوزير أمس إن المحادثات مستمرة.", site + "1070701"),
        collected("c", "أعلن أوباما اليوم الأربعاء أن إيران لن تحصل على السلاح.", site + "1070705"),
        collected("d", "قال الوزير أمس إن المحادثات مستمرة.", site + "1070706"),
        collected("e", "لقي شخص مصرعه اليوم الخميس في حادث.", site + "1070709"),
    )
    assert got["b"] == ("2015-08-05", "corpus")
    assert got["d"] == (COLLECTED, "manifest")  # its neighbours disagree


def test_writing_day_and_its_cues():
    from datetime import date

    from helpers.timeline.anchors import writing_day, writing_day_cues

    stated = date(2015, 8, 6)
    cues = writing_day_cues("وصل الملك أول من أمس الأحد. وقال إنه استقبله الأحد الماضي.", stated)
    assert [(c.kind, c.value) for c in cues] == [("weekday", 1), ("not_weekday", 6)]
    assert writing_day(stated, cues) == date(2015, 8, 4)
    assert writing_day(stated, []) == stated


def test_weekday_agreement_of_a_timeline():
    from helpers.timeline.anchors import weekday_agreement

    timeline = pd.DataFrame(
        {
            "doc_id": ["a"] * 5,
            "type": ["DATE", "DATE", "TIME", "DATE", "DURATION"],
            "text": ["اليوم الثلاثاء", "أمس الأحد", "مساء الاثنين", "بعد يوم واحد", "يوم واحد"],
            "value": ["2015-08-04", "2015-08-03", "2015-08-03TEV", "2015-08-07", "P1D"],
        }
    )
    result = weekday_agreement(timeline)
    assert (result["rows"], result["agree"], result["share"]) == (3, 2, 0.6667)
    assert result["disagreeing"]["text"].tolist() == ["أمس الأحد"]


def test_an_article_telling_a_dated_story_in_the_same_words_takes_its_day():
    dated = collected(
        "a",
        "وصل الوفد أمس الثلاثاء. وقال القحطاني خلال المؤتمر الصحفي الذي عقده أمس بوزارة "
        "الشؤون البلدية والقروية بمناسبة قرب انطلاق المرحلة الأولى من الانتخابات البلدية "
        "إن الاستعدادات اكتملت.",
    )
    same_story = collected(
        "b",
        "وأوضح القحطاني خلال مؤتمر صحفي عقده أمس بوزارة الشؤون البلدية "
        "والقروية بمناسبة قرب انطلاق المرحلة الأولى من الانتخابات البلدية أن النظام "
        "الجديد عالج التحديات.",
    )
    other_story = collected("c", "قال الوزير أمس إن المحادثات مع الشركاء مستمرة في العاصمة.")
    got = anchors(documents(dated[:4], same_story[:4], other_story[:4]))
    assert got["a"] == ("2015-08-05", "text-weekday")
    assert got["b"] == ("2015-08-05", "corpus")
    assert got["c"] == (COLLECTED, "manifest")
