"""Tests for helpers.clean.metadata: date parsing, the page's date convention, and metadata lines."""

import pytest

from helpers.clean.metadata import extract_metadata, find_dates, is_date_line, page_is_month_first

PROSE = (
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الاجتماع سيتناول أيضاً التعاون الاقتصادي ومشاريع "
    "النقل المشتركة في المنطقة."
)


@pytest.mark.parametrize(
    ("text", "iso", "order"),
    [
        ("2022/08/20", "2022-08-20", "ymd"),
        ("تم النشر: 2021-07-17 الساعة 16:45", "2021-07-17", "ymd"),
        ("9/25/2021", "2021-09-25", "month_first"),
        ("25/9/2021", "2021-09-25", "day_first"),
        ("15.06.2022 | 14:07 GMT", "2022-06-15", "day_first"),
        ("٢٠٢٢/٠٨/٢٠", "2022-08-20", "ymd"),
        ("السبت 17 يوليو/تموز 2021", "2021-07-17", "day_first"),
        ("12 تشرين الأول 2021", "2021-10-12", "day_first"),
        ("5 آب 2022", "2022-08-05", "day_first"),
        ("الجمعة, يوليو 4, 2025", "2025-07-04", "month_first"),
        ("Published July 4, 2025", "2025-07-04", "month_first"),
        ("3 يناير 2023 بواسطة سارة", "2023-01-03", "day_first"),
    ],
)
def test_find_dates_reads_numeric_and_named_dates(text, iso, order):
    (mention,) = find_dates(text)
    assert mention.iso() == iso
    assert mention.order == order


def test_find_dates_skips_what_is_not_a_full_date():
    assert find_dates("يبلغ عدد سكانها 9.3 مليون نسمة") == []
    assert find_dates("من 1992 إلى 1997") == []
    assert find_dates("من إبريل/ نيسان إلى يونيو/ حزيران 2022") == []  # months without a day
    assert find_dates("31/02/2022")[0].iso() is None  # no such day


def test_ambiguous_numeric_date_follows_the_page_convention():
    (ambiguous,) = find_dates("03/04/2022")
    assert ambiguous.order == "ambiguous"
    assert ambiguous.iso() == "2022-04-03"
    assert ambiguous.iso(month_first=True) == "2022-03-04"
    english_style = find_dates("March 28, 2022") + [ambiguous]
    assert page_is_month_first(english_style)
    assert not page_is_month_first(find_dates("28 مارس 2022") + [ambiguous])
    assert not page_is_month_first([ambiguous])
    assert page_is_month_first([ambiguous], english_ui=True)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2022/08/20", True),
        ("تم النشر: 2021/07/17 الساعة 16:45 بتوقيت غرينتش", True),
        ("|آخر تحديث: 13/3/2022 05:10 (توقيت مكة)", True),
        ("الأربعاء، 5 يونيو 2024", True),
        ("فبراير 28, 2025", True),
        ("نشر في 3 يناير 2023 بواسطة سارة الحسن", False),
        ("زار الوفد موسكو في 3 يناير 2023", False),
        ("12 تشرين أول", False),
    ],
)
def test_is_date_line(line, expected):
    assert is_date_line(line) is expected


def _meta(lines_and_kinds, block):
    lines = [line for line, _ in lines_and_kinds]
    kinds = [kind for _, kind in lines_and_kinds]
    return extract_metadata(lines, kinds, block)


def test_publication_cue_wins_over_the_saved_date_in_the_header():
    meta = _meta(
        [
            ("الخميس 6 يونيو 2024", "date"),
            ("موقع الشرق اليوم", "short"),
            ("روسيا تعرض مساعدات أمنية على طاجيكستان", "short"),
            ("تم التحديث: 2021/07/18", "date"),
            ("تم النشر: 2021/07/17", "date"),
            (PROSE, "prose"),
        ],
        (5, 5),
    )
    assert meta.published == "2021-07-17"
    assert meta.claims[4][0] == "metadata"
    assert meta.title == "روسيا تعرض مساعدات أمنية على طاجيكستان"


def test_date_before_the_headline_with_a_weekday_is_the_saved_date():
    meta = _meta(
        [
            ("الجمعة, يوليو 4, 2025", "date"),
            ("التنافس على آسيا الوسطى يدخل مرحلة جديدة", "short"),
            (PROSE, "prose"),
        ],
        (2, 2),
    )
    assert meta.title == "التنافس على آسيا الوسطى يدخل مرحلة جديدة"
    assert meta.published is None


def test_update_date_is_used_only_when_no_publication_date_is_stated():
    meta = _meta(
        [
            ("عنوان الخبر عن القمة الإقليمية", "short"),
            ("آخر تحديث: 2022/01/05", "date"),
            (PROSE, "prose"),
        ],
        (2, 2),
    )
    assert meta.published == "2022-01-05"


def test_dates_after_a_section_marker_are_not_the_publication_date():
    meta = _meta(
        [
            (PROSE, "prose"),
            ("مقالات ذات صلة", "marker"),
            ("2023-11-01", "date"),
        ],
        (0, 0),
    )
    assert meta.published is None


def test_byline_forms():
    cases = [
        ("بقلم: ليلى حسن", "ليلى حسن"),
        ("كتب - عمر الفاروق", "عمر الفاروق"),
        ("By Ahmad Karim", "Ahmad Karim"),
        ("نشر في 3 يناير 2023 بواسطة سارة الحسن", "سارة الحسن"),
        ("محمد العلي صحافي", "محمد العلي"),
        ("محمد شيخ يوسف |09.03.2022 - 10:21", "محمد شيخ يوسف"),
    ]
    for byline, name in cases:
        headline = ("عنوان الخبر عن القمة الإقليمية", "short")
        meta = _meta([headline, (byline, "short"), (PROSE, "prose")], (2, 2))
        assert meta.author == name, byline


def test_a_dateline_or_a_headline_is_not_an_author():
    meta = _meta(
        [("عنوان الخبر عن القمة الإقليمية", "short"), ("موسكو - سبوتنيك", "short"), (PROSE, "prose")], (2, 2)
    )
    assert meta.author is None
    meta = _meta([("روسيا تعزز نفوذها", "short"), (PROSE, "prose")], (1, 1))
    assert meta.author is None and meta.title == "روسيا تعزز نفوذها"


def test_attribution_needs_its_colon():
    meta = _meta([(PROSE, "prose"), ("المصدر: وكالة الأنباء الألمانية", "short")], (0, 0))
    assert meta.attribution == "وكالة الأنباء الألمانية"
    meta = _meta([(PROSE, "prose"), ("مصدر مطلع في الوزارة", "short")], (0, 0))
    assert meta.attribution is None


def test_outlet_credit_line_in_the_text_is_not_a_subheading():
    meta = _meta([(PROSE, "prose"), ("وكالة الأنباء الإقليمية", "short"), (PROSE, "prose")], (0, 2))
    assert meta.outlet == "وكالة الأنباء الإقليمية"
    assert meta.claims[1] == ("metadata", "outlet credit line")


def test_page_without_block_has_no_title():
    meta = _meta([("• الرئيسية", "ui"), ("View All Result", "ui")], None)
    assert (meta.title, meta.author, meta.published, meta.outlet) == (None, None, None, None)


def test_headline_is_preferred_to_the_longer_standfirst_under_it():
    meta = _meta(
        [
            ("موسكو تعرض قواعدها في آسيا الوسطى", "short"),
            ("عرض روسي نادر يأتي في ظل انسحاب القوات الأجنبية وتزايد المخاوف من عودة التوتر", "short"),
            ("2021/07/17", "date"),
            (PROSE, "prose"),
        ],
        (3, 3),
    )
    assert meta.title == "موسكو تعرض قواعدها في آسيا الوسطى"
    assert meta.published == "2021-07-17"


def test_media_word_inside_a_subheading_does_not_make_an_outlet():
    meta = _meta([(PROSE, "prose"), ("أزمة قناة السويس", "short"), (PROSE, "prose")], (0, 2))
    assert meta.outlet is None


def test_arabic_signature_closing_the_page_is_the_author():
    meta = _meta([(PROSE, "prose"), ("سامر حداد", "short")], (0, 0))
    assert meta.author == "سامر حداد"
    meta = _meta(
        [
            (PROSE, "prose"),
            ("سامر حداد", "short"),
            ("كاتب وباحث سوري", "short"),
            ("مقالات ذات صلة", "marker"),
        ],
        (0, 0),
    )
    assert meta.author == "سامر حداد"
    meta = _meta([(PROSE, "prose"), ("سامر حداد", "short"), ("روسيا تعزز نفوذها في آسيا", "short")], (0, 0))
    assert meta.author is None  # a related headline may follow: no evidence it signs the text
