"""Tests for helpers.clean: body extraction, line audit, the jusText baseline, the corpus step.

The pages are written for these tests (site layouts of several kinds), not taken from the seeds.
"""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.clean import (
    LABELS,
    baseline_comparison,
    clean_corpus,
    clean_page,
    dropped_lines,
    is_boilerplate_sentence,
    justext_body,
    line_audit,
)
from helpers.core.text import split_sentences

P1 = (
    "أعلنت وزارة الخارجية الروسية، اليوم الثلاثاء، أن موسكو ستستضيف الشهر المقبل اجتماعاً لوزراء "
    "خارجية دول آسيا الوسطى لبحث الأوضاع الأمنية على الحدود مع أفغانستان."
)
P2 = (
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الاجتماع سيتناول أيضاً التعاون الاقتصادي ومشاريع "
    "النقل المشتركة، مشيراً إلى أن بلاده تعتبر استقرار المنطقة أولوية قصوى لأمنها القومي."
)
P3 = (
    "ويأتي هذا الإعلان بعد أسابيع من زيارة قام بها مسؤولون أميركيون إلى عواصم المنطقة، حيث ناقشوا "
    "مع نظرائهم سبل توسيع التعاون في مجالات الطاقة ومكافحة الإرهاب."
)
P4 = (
    "ويرى محللون أن التنافس بين القوى الكبرى على النفوذ في آسيا الوسطى سيتصاعد خلال السنوات المقبلة، "
    "في ظل تراجع الحضور الغربي في أفغانستان وتزايد الاهتمام الصيني بمشاريع البنية التحتية."
)
P5 = "ولم تعلق واشنطن على الإعلان حتى الآن."
P6 = (
    "وتخشى حكومات المنطقة من تسلل مقاتلين عبر الحدود الجبلية الطويلة، وهو ما دفع بعضها إلى طلب "
    "مساعدات عسكرية عاجلة من شركائها التقليديين في موسكو وبكين."
)
SUBHEADING = "مخاوف أمنية متزايدة"

# A portal page: skip link, masthead, menu, headline, captioned photo with an agency credit,
# date and update lines, a "read also" box inside the text, a subheading, a source line.
PORTAL = f"""تخطى إلى المحتوى
الجزيرة
  • الأخبار
  • سياسة
  • اقتصاد
بث مباشر
روسيا تدعو دول آسيا الوسطى إلى اجتماع أمني في موسكو
موسكو تسعى إلى تعزيز نفوذها في المنطقة بعد الانسحاب الأميركي (غيتي)
12/3/2022
|آخر تحديث: 13/3/2022 05:10 (توقيت مكة)

{P1}

{P2}
اقرأ أيضا
قمة طشقند تبحث ملف الطاقة
واشنطن تعرض مساعدات جديدة على دوشنبه

{P3}
{SUBHEADING}
{P4}

{P6}
المصدر : الجزيرة + وكالات
إعلان
"""

# A newspaper page: cookie banner, masthead with a media word, the day the page was saved,
# a byline, an inline link, a follow-us line, related posts with their own dates, copyright.
NEWSPAPER = f"""نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. موافق
جريدة الأفق
الأربعاء، 5 يونيو 2024
• سياسة
• اقتصاد
طاجيكستان تفتتح ممرا تجاريا جديدا نحو الصين
كتب: خالد منصور
2023-11-08
{P1}
{P2}
اقرأ أيضاً: الصين تمول طريقا سريعا في قرغيزستان
{P3}
{P4}
{P5}
تابعونا على تويتر وفيسبوك
مقالات ذات صلة
الرئيس الأوزبكي يزور موسكو الأسبوع المقبل
2023-11-01
قمة إقليمية في أستانا لبحث أزمة المياه في المنطقة
2023-10-28
© 2024 جريدة الأفق. جميع الحقوق محفوظة
"""

# A blog: breadcrumb, publication cue with an inline author, share buttons, then comments.
BLOG = f"""مدونة آسيا الوسطى
الرئيسية » تحليلات » قراءة في التنافس الدولي
قراءة في التنافس الدولي على آسيا الوسطى
نشر في 3 يناير 2023 بواسطة سارة الحسن
{P3}
{P4}
{P6}
شارك هذا المقال
تويتر فيسبوك واتساب
2 تعليقان على "قراءة في التنافس الدولي على آسيا الوسطى"
أحمد
4 يناير 2023 في 10:15 ص
مقال ممتاز ويشرح الموقف بوضوح، وأتمنى أن تكتبوا المزيد عن دور تركيا في المنطقة خلال الفترة المقبلة.
أضف تعليقاً
"""

# A one-word masthead named again in the copyright line, a bare author line above the text.
MASTHEAD = f"""• من نحن
• اتصل بنا
الأفق
  • الرئيسية
  • مقالات
No Result
View All Result
الأفق
التنافس على آسيا الوسطى يدخل مرحلة جديدة
2022/05/09
Share on FacebookShare on Twitter
منى الخطيب
{P4}
{P6}
ShareTweetShare
جميع الحقوق محفوظة للأفق © 2019
"""

ALL_BOILERPLATE = """  • الرئيسية
  • أخبار
تسجيل الدخول
No Result
View All Result
جميع الحقوق محفوظة © 2024
"""


def test_portal_page_keeps_the_article_and_its_subheading_only():
    page = clean_page(PORTAL)
    assert page.status == "ok" and page.message == ""
    assert page.body == "\n".join([P1, P2, P3, SUBHEADING, P4, P6])
    assert page.title == "روسيا تدعو دول آسيا الوسطى إلى اجتماع أمني في موسكو"
    assert page.outlet == "الجزيرة"
    assert page.published == "2022-03-12"  # day first: the Arabic convention, no other evidence
    assert page.attribution == "الجزيرة + وكالات"
    assert page.author is None


def test_portal_page_line_audit():
    page = clean_page(PORTAL)
    lines = page.lines
    assert list(lines.columns) == ["line_no", "text", "label", "reason", "repeated"]
    assert len(lines) == len(PORTAL.split("\n"))
    assert set(lines["label"]) <= set(LABELS)
    by_text = {row.text.strip(): row for row in lines.itertuples()}
    assert by_text["قمة طشقند تبحث ملف الطاقة"].label == "boilerplate"  # listed under "اقرأ أيضا"
    assert by_text["موسكو تسعى إلى تعزيز نفوذها في المنطقة بعد الانسحاب الأميركي (غيتي)"].reason.startswith(
        "photo caption"
    )
    assert by_text["12/3/2022"].label == "metadata"
    assert by_text[SUBHEADING].label == "body"
    assert (lines["label"] == "title").sum() == 1


def test_newspaper_page_ignores_saved_date_and_related_posts():
    page = clean_page(NEWSPAPER)
    assert page.body == "\n".join([P1, P2, P3, P4, P5])
    assert page.title == "طاجيكستان تفتتح ممرا تجاريا جديدا نحو الصين"
    assert page.outlet == "جريدة الأفق"
    assert page.author == "خالد منصور"
    assert page.published == "2023-11-08"
    dropped = page.lines[page.lines["label"] == "boilerplate"]["text"].str.strip().tolist()
    assert "اقرأ أيضاً: الصين تمول طريقا سريعا في قرغيزستان" in dropped
    assert "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. موافق" in dropped


def test_comments_never_join_the_article():
    page = clean_page(BLOG)
    assert page.body == "\n".join([P3, P4, P6])
    assert page.title == "قراءة في التنافس الدولي على آسيا الوسطى"
    assert page.author == "سارة الحسن"
    assert page.published == "2023-01-03"


def test_masthead_named_in_copyright_line_is_the_outlet():
    page = clean_page(MASTHEAD)
    assert page.outlet == "الأفق"
    assert page.author == "منى الخطيب"
    assert page.title == "التنافس على آسيا الوسطى يدخل مرحلة جديدة"
    assert page.published == "2022-05-09"
    assert page.body == "\n".join([P4, P6])


def test_first_line_prose_means_no_title():
    page = clean_page(f"{P1}\n{P2}\n{P3}\n")
    assert page.title is None and page.outlet is None and page.published is None
    assert page.body == "\n".join([P1, P2, P3])


@pytest.mark.parametrize("text", [ALL_BOILERPLATE, "", "\n\n  \n"])
def test_page_without_article_text_gets_status_not_crash(text):
    page = clean_page(text)
    assert page.body == ""
    assert page.status == "no_body"
    assert page.message
    assert (page.lines["label"] != "body").all()


def test_boilerplate_sentences_glued_to_the_edges_are_trimmed():
    page = clean_page(f"{P1} {P2} {P3} المقالة تعبر فقط عن رأي الصحيفة أو الكاتب تابعوا القناة على")
    assert page.body == f"{P1} {P2} {P3}"
    assert "trimmed" in page.lines.loc[0, "reason"]


def test_a_tag_list_after_the_last_sentence_is_trimmed_but_a_sentence_on_traits_is_kept():
    page = clean_page(f"{P1}\n{P2} سمات عبدالله الثاني محمد بن سلمان ملك الاردن ولي ولي العهد")
    assert page.body == f"{P1}\n{P2}"
    assert "سمات عبدالله الثاني" in page.lines.loc[1, "reason"]
    traits = "سمات القائد الناجح كثيرة، وأهمها الصبر."
    assert clean_page(f"{P1}\n{P2} {traits}").body.endswith(traits)


def test_disclaimer_inside_a_quote_in_the_middle_is_kept():
    quote = (
        "وقال المسؤول إن هذه التصريحات لا تعبر عن رأي الحكومة، بل عن موقف حزبه الشخصي في الانتخابات المقبلة."
    )
    page = clean_page(f"{P1}\n{quote}\n{P2}\n")
    assert quote in page.body.split("\n")


def test_repeated_paragraph_is_kept_and_flagged():
    cut_short = P4[:90]
    page = clean_page(f"{P1}\n{P4}\n{P2}\n{cut_short}\n{P3}\n")
    assert page.body.split("\n") == [P1, P4, P2, cut_short, P3]
    flags = dict(zip(page.lines["text"], page.lines["repeated"], strict=True))
    assert flags[P4] and flags[cut_short] and not flags[P1]


def test_ellipsis_marks_a_teaser_only_next_to_furniture():
    teaser = "قمة إقليمية في أستانا لبحث أزمة المياه التي تعاني منها دول المنطقة منذ..."
    own = "وختم المتحدث بالقول إن الأيام المقبلة ستكشف المزيد عن نوايا الأطراف كافة في المنطقة..."
    page = clean_page(f"{P1}\n{P2}\n{own}\nمقالات ذات صلة\n{teaser}\nRead more\n")
    assert page.body == "\n".join([P1, P2, own])
    assert page.lines.loc[4, "reason"] == "truncated teaser of another post"


def test_read_also_box_between_paragraphs_does_not_cut_the_article():
    box = "\n".join(
        [
            "اقرأ أيضا",
            "list of 4 items",
            "قمة طشقند تبحث ملف الطاقة",
            "واشنطن تعرض مساعدات جديدة",
            "موسكو تحذر من التدخل",
            "بكين توسع استثماراتها",
            "end of list",
        ]
    )
    page = clean_page(f"عنوان الخبر عن القمة الإقليمية\n2022/05/09\n{P1}\n{box}\n{P2}\n{P3}\n")
    assert page.body == "\n".join([P1, P2, P3])


def test_subheading_that_starts_like_a_section_marker_does_not_cut_the_article():
    page = clean_page(f"{P1}\n{P2}\nتعليقات المسؤولين الروس\n{P3}\n{P4}\n")
    assert page.body == "\n".join([P1, P2, "تعليقات المسؤولين الروس", P3, P4])


def test_menu_flattened_onto_one_line_is_not_prose():
    menu = " ".join(["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات", "فيديو", "صور"] * 4)
    page = clean_page(f"{menu}\n{P1}\n{P2}\n")
    assert page.body == "\n".join([P1, P2])
    assert page.lines.loc[0, "reason"] == "menu / button / counter words"


def test_signature_with_handle_is_the_author():
    page = clean_page(f"{P1}\n{P2}\nsamir haddad\n@samirh\n")
    assert page.author == "samir haddad"
    assert page.body == "\n".join([P1, P2])


_PIECES = st.sampled_from(
    [
        P1,
        P2,
        P5,
        SUBHEADING,
        "• الرئيسية",
        "Read more",
        "2022/08/20",
        "12/3/2022",
        "المصدر: وكالات",
        "بقلم: ليلى حسن",
        "© 2024 جريدة الأفق",
        "اقرأ أيضا",
        "مقالات ذات صلة",
        "",
        "   ",
        "...",
        "@handle",
        "٢٠٢٢/٠٨/٢٠",
        "ـــ",
        "؟!",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=25))
def test_any_page_cleans_without_crashing_and_keeps_only_its_own_text(pieces):
    text = "\n".join(pieces)
    page = clean_page(text)
    assert len(page.lines) == len(text.split("\n"))
    assert page.status == ("ok" if page.body else "no_body")
    stripped_lines = [line.strip() for line in text.split("\n")]
    for kept in page.body.split("\n") if page.body else []:
        assert any(kept in line for line in stripped_lines)


def test_is_boilerplate_sentence():
    assert is_boilerplate_sentence("تابعونا على تيليغرام")
    assert is_boilerplate_sentence("المقال يعبر عن رأي كاتبه ولا يعبر بالضرورة عن رأي الموقع.")
    assert is_boilerplate_sentence("جميع الحقوق محفوظة © 2024")
    assert not is_boilerplate_sentence(P1)


def test_same_input_same_output():
    a, b = clean_page(NEWSPAPER), clean_page(NEWSPAPER)
    fields = ("body", "title", "outlet", "author", "published", "attribution", "status")
    assert [getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]
    pd.testing.assert_frame_equal(a.lines, b.lines)


def test_justext_baseline_keeps_long_prose_and_drops_menus():
    long_paragraph = " ".join([P1, P2, P3, P4])
    body = justext_body(f"• الرئيسية\n• أخبار\nبث مباشر\n{long_paragraph}\nتسجيل الدخول\n")
    assert body == long_paragraph
    assert justext_body("") == ""


def test_clean_corpus_fills_documents_sentences_and_lines():
    documents = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "status": ["ok", "ok", "ok", "fetch_failed"],
            "title": [None, "عنوان من البيان", None, None],
            "outlet": [None, None, None, None],
            "author": [None, None, None, None],
            "published": [None, "2020-01-02", None, None],
            "published_source": [None, "manifest", None, None],
            "source_path": ["a.txt", "b.txt", "c.txt", "d.txt"],
        }
    )
    raw_text = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": [NEWSPAPER, PORTAL, ALL_BOILERPLATE],
            "format": ["txt", "txt", "txt"],
        }
    )
    docs, sentences, lines = clean_corpus(documents, raw_text)
    docs = docs.set_index("doc_id")
    assert docs.loc["a", "title"] == "طاجيكستان تفتتح ممرا تجاريا جديدا نحو الصين"
    assert docs.loc["a", "published"] == "2023-11-08" and docs.loc["a", "published_source"] == "page"
    assert docs.loc["b", "title"] == "عنوان من البيان"  # the manifest wins
    assert docs.loc["b", "published"] == "2020-01-02" and docs.loc["b", "published_source"] == "manifest"
    assert docs.loc["b", "attribution"] == "الجزيرة + وكالات"
    assert docs.loc["c", "status"] == "no_body" and docs.loc["c", "message"]
    assert docs.loc["d", "status"] == "fetch_failed" and docs.loc["d", "body"] == ""
    assert docs.loc["d", "source_path"] == "d.txt"
    assert docs.loc["a", "n_sentences"] == len(split_sentences(docs.loc["a", "body"])) > 0
    assert docs.loc["a", "n_tokens"] > 50
    for row in sentences.itertuples():
        assert docs.loc[row.doc_id, "body"][row.start : row.end] == row.text
    assert list(sentences.columns) == ["doc_id", "sentence_id", "start", "end", "text"]
    assert set(lines["doc_id"]) == {"a", "b", "c"}
    assert len(lines[lines["doc_id"] == "a"]) == len(NEWSPAPER.split("\n"))


def test_clean_corpus_html_text_is_not_stripped_further():
    extracted = f"{P5}\n{P1}\n{SUBHEADING}\n{P2}\nوأضاف أن الاجتماع سيعقد في سمرقند"
    documents = pd.DataFrame(
        {
            "doc_id": ["h"],
            "status": ["ok"],
            "title": ["عنوان"],
            "outlet": [None],
            "author": [None],
            "published": ["2022-01-01"],
            "published_source": ["page"],
        }
    )
    raw_text = pd.DataFrame({"doc_id": ["h"], "text": [extracted], "format": ["html"]})
    docs, _, _ = clean_corpus(documents, raw_text)
    assert docs.loc[0, "body"] == extracted
    assert docs.loc[0, "title"] == "عنوان"


def test_audit_views_count_kept_and_dropped_lines_and_compare_with_justext():
    documents = pd.DataFrame({"doc_id": ["b", "a"], "status": ["ok", "ok"]})
    raw_text = pd.DataFrame({"doc_id": ["a", "b"], "text": [NEWSPAPER, PORTAL], "format": ["txt", "txt"]})
    docs, _, lines = clean_corpus(documents, raw_text)
    audit = line_audit(lines)
    assert list(audit["doc_id"]) == ["a", "b"]
    a = audit.set_index("doc_id").loc["a"]
    assert a["body"] == 5 and a["title"] == 1
    assert a["lines"] == a[["body", "title", "metadata", "boilerplate"]].sum()
    dropped = dropped_lines(lines)
    assert set(dropped["label"]) <= {"title", "metadata", "boilerplate"}
    assert len(dropped[dropped["doc_id"] == "a"]) == a["lines"] - a["body"]
    comparison = baseline_comparison(docs, raw_text).set_index("doc_id")
    a = comparison.loc["a"]
    assert a["body_words"] == a["shared_words"] + a["only_in_body"]
    assert (comparison["body_words"] > 0).all()
    # large corpora: the views keep the first documents (the tables have them all)
    assert set(dropped_lines(lines, max_docs=1)["doc_id"]) == {"a"}
    assert list(baseline_comparison(docs, raw_text, max_docs=1)["doc_id"]) == ["a"]


def test_byline_with_an_academic_title_gives_the_author_without_the_title():
    page = "\n".join(
        [
            "الرئيسية / مقالات الرأي",
            "د. سامر الخطيب",
            "هل تخسر موسكو حديقتها الخلفية؟",
            "نشر في: 13 نوفمبر 2022",
            "ظلت روسيا تنظر إلى جمهوريات آسيا الوسطى بوصفها جزءا من مجالها الحيوي منذ تفكك الاتحاد "
            "السوفياتي، غير أن الحرب الأوكرانية كشفت حدود هذا النفوذ في المنطقة كلها.",
            "في المقابل، تواصل بكين توسيع حضورها عبر مبادرة الحزام والطريق، إذ زار الرئيس الصيني "
            "كازاخستان وأوزبكستان في منتصف سبتمبر الماضي في أول رحلة خارجية له منذ ثلاث سنوات.",
            "تابعونا على تويتر وفيسبوك",
        ]
    )
    cleaned = clean_page(page)
    assert cleaned.author == "سامر الخطيب"
    assert cleaned.title == "هل تخسر موسكو حديقتها الخلفية؟"
    assert cleaned.published == "2022-11-13"
    assert "سامر" not in cleaned.body


def test_a_row_of_share_buttons_glued_before_the_first_sentence_is_trimmed():
    buttons = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"
    page = clean_page(f"{buttons} {P1}\n{P2}")
    assert page.body == f"{P1}\n{P2}"
    assert "share buttons" in page.lines.loc[0, "reason"]
    networks = "تويتر وفيسبوك ويوتيوب وإنستغرام تتنافس على جذب المستخدمين الجدد في المنطقة العربية هذا العام."
    assert clean_page(f"{networks}\n{P2}").body.startswith(networks)  # an article about them
