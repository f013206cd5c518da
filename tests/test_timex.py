"""The Arabic temporal tagger on sentences written for these tests."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.timeline.timex import mentions, parse_anchor, tag, value_bounds

ANCHOR = "2022-03-15"  # a Tuesday


def found(text, anchor=ANCHOR, **kwargs):
    return [(t.type, t.value) for t in tag(text, anchor, **kwargs)]


def dated(text, anchor=ANCHOR):
    """Values placed on a calendar (vague references left out)."""
    return [t.value for t in tag(text, anchor) if t.type in ("DATE", "TIME") and not t.value.endswith("_REF")]


@pytest.mark.parametrize(
    "text, value",
    [
        ("وصل الوفد إلى بغداد في 3 أيلول 2020.", "2020-09-03"),
        ("انتهت المهلة في 30 تشرين الثاني 2019.", "2019-11-30"),
        ("صدر المرسوم في 7 كانون الثاني 2018.", "2018-01-07"),
        ("وقع الاتفاق في 9 آذار 2016.", "2016-03-09"),
        ("أعلنت الهدنة في 2 حزيران 2015.", "2015-06-02"),
        ("صدر القرار في 14 شباط 2013.", "2013-02-14"),
        ("انطلقت الحملة في 1 إبريل 2017.", "2017-04-01"),
        ("انطلقت الحملة في 1 أبريل 2017.", "2017-04-01"),
        ("عاد السفير في 5 يونيه 2014.", "2014-06-05"),
    ],
)
def test_levantine_and_western_month_names_with_spelling_variants(text, value):
    assert dated(text) == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("وقعت الحادثة في 3 أيلول/سبتمبر 2020 قرب الحدود.", "2020-09-03"),
        ("التقى الوفدان يوم الخميس 8 تموز (يوليو) 2021.", "2021-07-08"),
        ("عقدت الجلسة في 11 تشرين الثاني نوفمبر 2020.", "2020-11-11"),
        ("نشر البيان الأحد الموافق 6 شباط/ فبراير 2022.", "2022-02-06"),
        ("أعلن ذلك في كانون الأول/ديسمبر 2019.", "2019-12"),
    ],
)
def test_two_names_of_one_date_are_one_expression(text, value):
    assert dated(text) == [value]


def test_double_name_expression_covers_both_names():
    (timex,) = [t for t in tag("وقعت الحادثة في 3 أيلول/سبتمبر 2020 قرب الحدود.", ANCHOR)]
    assert timex.text == "3 أيلول/سبتمبر 2020"


def test_offsets_point_into_the_original_text_with_diacritics():
    text = "وَقَعَ الحادثُ في ٣ آذار ٢٠٢٢ صباحاً واستمر عشرين عاماً."
    for timex in tag(text, ANCHOR):
        assert text[timex.start : timex.end] == timex.text
    assert [t.text for t in tag(text, ANCHOR)] == ["٣ آذار ٢٠٢٢ صباحاً", "عشرين عاماً"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("الجمعة 5 رمضان 1443 هـ الموافق 6 أبريل 2022 م", "2022-04-06"),
        ("توفي في 15 رمضان 1443 هـ.", "2022-04-16"),
        ("بدأ الصيام في الأول من رمضان 1443.", "2022-04-02"),
        ("يبدأ الصيام في شهر رمضان المبارك.", "2022-04-02/2022-05-01"),
        ("حدث ذلك في شهر رمضان المبارك.", "2021-04-13/2021-05-12"),
    ],
)
def test_hijri_dates_are_converted_with_hijridate(text, value):
    assert dated(text) == [value]


def test_a_hijri_month_name_that_is_a_personal_name_is_not_a_date():
    assert found("قال رمضان قديروف إن قواته جاهزة، وأكد رجب طيب أردوغان ذلك.") == []


@pytest.mark.parametrize(
    "text, kwargs, value",
    [
        ("نشر التقرير بتاريخ 2022/03/10.", {}, "2022-03-10"),
        ("نشر التقرير بتاريخ 2022-03-10.", {}, "2022-03-10"),
        ("وقع الحادث في 25/12/2021.", {}, "2021-12-25"),
        ("وقع الحادث في 12/25/2021.", {}, "2021-12-25"),
        ("وقع الحادث في 03/04/2021.", {}, "2021-04-03"),
        ("وقع الحادث في 03/04/2021.", {"day_first": False}, "2021-03-04"),
        ("وقع الحادث في ٠٣/٠٤/٢٠٢١.", {}, "2021-04-03"),
    ],
)
def test_numeric_dates_with_day_month_order(text, kwargs, value):
    assert [v for _, v in found(text, **kwargs)] == [value]


def test_page_convention_decides_ambiguous_numeric_dates():
    text = "صدر الأول في 9/25/2021 والثاني في 10/3/2021."
    assert dated(text) == ["2021-09-25", "2021-10-03"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("عقد الاجتماع في الرابع والعشرين من شباط 2021.", "2021-02-24"),
        ("ولد في الحادي عشر من أيار 1960.", "1960-05-11"),
        ("وصل في الأول من تموز 2019.", "2019-07-01"),
        ("اجتمع الوزراء في الـ22 من تشرين الأول/أكتوبر 2020.", "2020-10-22"),
    ],
)
def test_ordinal_day_words(text, value):
    assert dated(text) == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("استمر الحصار خمسة أيام.", "P5D"),
        ("أمضى في السجن عشرين عاماً.", "P20Y"),
        ("دامت الحرب ثماني سنوات.", "P8Y"),
        ("عمل هناك خمسة وعشرين عاما.", "P25Y"),
        ("تأخر القطار أحد عشر يوما.", "P11D"),
        ("ينتهي البرنامج خلال العامين المقبلين.", "P2Y"),
        ("تغير كل شيء بعد مرور عام على الحرب.", "P1Y"),
        ("سيبقى الجنود شهرين إضافيين.", "P2M"),
        ("تراجعت الأسعار خلال الأشهر الستة الماضية.", "P6M"),
        ("قتل 12 شخصا خلال الساعات الـ24 الماضية.", "PT24H"),
        ("استغرقت الرحلة 48 ساعة.", "PT48H"),
        ("انتظر نصف ساعة ثم غادر.", "PT30M"),
        ("بقي هناك عاما ونصف.", "P18M"),
        ("استمرت الأزمة عقدين من الزمن.", "P2DE"),
        ("حكم البلاد لعشرين عاماً.", "P20Y"),
    ],
)
def test_durations_with_digits_and_number_words(text, value):
    assert found(text) == [("DURATION", value)]


def test_duration_modifiers():
    (timex,) = tag("استمرت المفاوضات أكثر من عام.", ANCHOR)
    assert (timex.value, timex.mod) == ("P1Y", "MORE_THAN")
    (timex,) = tag("انتظر نحو شهر.", ANCHOR)
    assert (timex.value, timex.mod) == ("P1M", "APPROX")


@pytest.mark.parametrize(
    "text, value",
    [
        ("يستمر المعرض من 1 إلى 10 أبريل/نيسان 2022.", "2022-04-01/2022-04-10"),
        ("يستمر المعرض من 1 الى 10 أبريل 2022.", "2022-04-01/2022-04-10"),
        ("تجري التدريبات 5-12 حزيران 2021.", "2021-06-05/2021-06-12"),
        ("تمتد الفترة بين 5 و12 حزيران 2021.", "2021-06-05/2021-06-12"),
        ("زار الوفد المنطقة من آذار إلى أيار 2019.", "2019-03/2019-05"),
        ("خاض البلد حربا من 1980 إلى 1988.", "1980/1988"),
        ("خاض البلد حربا بين عامي 1980 و1988.", "1980/1988"),
        ("حكم الرئيس البلاد (1970-2000).", "1970/2000"),
        ("من 28 ديسمبر 2021 حتى 3 يناير 2022.", "2021-12-28/2022-01-03"),
        ("من 28 ديسمبر إلى 3 يناير 2022.", "2021-12-28/2022-01-03"),
    ],
)
def test_ranges_are_one_interval(text, value):
    assert dated(text) == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("تعيش البلاد أزمة منذ عام 2011.", "2011"),
        ("تغيرت الأوضاع منذ 2014 وهي تتدهور.", "2014"),
        ("يتلقى الجيش أسلحة منذ أكتوبر/تشرين الأول 2020.", "2020-10"),
    ],
)
def test_since_gives_the_date_value(text, value):
    assert dated(text) == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("وصل الرئيس اليوم الثلاثاء إلى الرياض.", "2022-03-15"),
        ("أعلنت الوزارة أمس أن الحدود أغلقت.", "2022-03-14"),
        ("غادر أول أمس إلى موسكو.", "2022-03-13"),
        ("غادر أول من أمس إلى موسكو.", "2022-03-13"),
        ("يعود الوزير غداً إلى بلاده.", "2022-03-16"),
        ("قال وزير الخارجية الجمعة إن الحوار مستمر.", "2022-03-11"),
        ("التقى الرئيسان الاثنين الماضي.", "2022-03-14"),
        ("تبدأ القمة الخميس المقبل.", "2022-03-17"),
        ("وصل الوفد السبت الفائت.", "2022-03-12"),
        ("أغلقت المدارس الثلاثاء الماضي.", "2022-03-08"),
        ("عقد الاجتماع الثلاثاء من الأسبوع الماضي.", "2022-03-08"),
        ("ينتهي التسجيل في 25 آذار الجاري.", "2022-03-25"),
        ("عقدت القمة في 10 شباط الماضي.", "2022-02-10"),
        ("وقعت الاشتباكات منتصف كانون الثاني الفائت.", "2022-01"),
        ("تجري الانتخابات في 25 نيسان المقبل.", "2022-04-25"),
        ("أعلن ذلك في آذار من العام الماضي.", "2021-03"),
        ("زار لندن الشهر الماضي.", "2022-02"),
        ("تصدر النتائج الشهر المقبل.", "2022-04"),
        ("تراجع النمو العام الماضي.", "2021"),
        ("يتوقع النمو هذا العام.", "2022"),
        ("ترتفع الأسعار في العام المقبل.", "2023"),
        ("وقع الهجوم قبل ثلاثة أيام.", "2022-03-12"),
        ("اندلعت الاحتجاجات قبل عامين.", "2020"),
        ("انتهى المشروع قبل ستة أشهر.", "2021-09"),
        ("ذكرت الصحيفة في وقت سابق من هذا الشهر أن المفاوضات توقفت.", "2022-03"),
        ("قال في وقت لاحق اليوم إن المفاوضات ستستأنف.", "2022-03-15"),
        ("شهدت البلاد أزمة في التسعينيات.", "199X"),
        ("تعود القلعة إلى القرن التاسع عشر.", "18XX"),
        ("تغيرت المعادلة في القرن الحادي والعشرين.", "20XX"),
        ("عاشت المنطقة حروبا في ثمانينيات القرن الماضي.", "198X"),
        ("سقطت صواريخ الليلة الماضية.", "2022-03-14TNI"),
        ("اجتمع المجلس صباح اليوم.", "2022-03-15TMO"),
        ("تبدأ الجلسة الساعة 10:30 صباحا.", "2022-03-15T10:30"),
        ("نما الاقتصاد في النصف الأول من العام الجاري.", "2022-H1"),
        ("زار الوزير موسكو صيف 2021.", "2021-SU"),
    ],
)
def test_relative_expressions_resolved_against_the_anchor(text, value):
    assert dated(text) == [value]


@pytest.mark.parametrize(
    "text, mod, value",
    [
        ("وقعت الاشتباكات منتصف أيلول الماضي.", "MID", "2021-09"),
        ("يعقد المؤتمر أواخر العام الجاري.", "END", "2022"),
        ("عادت الحركة مطلع الشهر الجاري.", "START", "2022-03"),
        ("ارتفعت الأسعار منذ بداية العام.", "START", "2022"),
        ("تأسس الحزب أوائل الثمانينيات.", "START", "198X"),
        ("ينتهي العقد نهاية 2023.", "END", "2023"),
    ],
)
def test_modifiers_keep_the_value_and_set_mod(text, mod, value):
    (timex,) = tag(text, ANCHOR)
    assert (timex.value, timex.mod) == (value, mod)


@pytest.mark.parametrize(
    "text, anchor, value",
    [
        ("قال الرئيس في 21 شباط إن القوات انسحبت.", "2022-03-15", "2022-02-21"),
        ("قال الرئيس في 21 نيسان إن القوات انسحبت.", "2022-03-15", "2021-04-21"),
        ("موعد الاستحقاق في 20 آذار.", "2022-03-15", "2022-03-20"),
        ("وقع الانفجار في 20 آذار.", "2022-03-15", "2021-03-20"),
        ("من المقرر أن يجتمع الطرفان في 21 نيسان.", "2022-03-15", "2022-04-21"),
        ("وصل الوفد في كانون الأول.", "2022-01-10", "2021-12"),
        ("أعلن ذلك في أغسطس.", "2021-09-25", "2021-08"),
    ],
)
def test_a_month_without_a_year_gets_the_nearest_plausible_year(text, anchor, value):
    assert dated(text, anchor) == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("ينتهي التسجيل في 25 آذار الجاري.", "XXXX-03-25"),
        ("وقعت الحادثة في 3 أيلول.", "XXXX-09-03"),
        ("من 10 إلى 20 آب الجاري.", "XXXX-08-10/XXXX-08-20"),
        ("وصل الوفد في كانون الأول.", "XXXX-12"),
        ("وصل الوفد الجمعة.", "XXXX-WXX-5"),
    ],
)
def test_without_an_anchor_year_less_values_stay_underspecified(text, value):
    assert dated(text, None) == [value]


def test_a_month_anchor_places_months_but_not_days():
    assert dated("من 10 إلى 20 آب الجاري.", "2022-08") == ["2022-08-10/2022-08-20"]


@pytest.mark.parametrize(
    "text",
    [
        "مارس الرئيس ضغوطا كبيرة على البرلمان.",
        "ينتج الحقل 2000 برميل من النفط.",
        "ارتفع سعر الأونصة إلى 1950 دولارا.",
        "صدر القرار رقم 2593 عن مجلس الأمن.",
        "نص البند 2011 من القانون على ذلك.",
        "أدى المصلون صلاة الجمعة في المسجد.",
        "قال الأمين العام للأمم المتحدة إن الرأي العام منقسم بشكل عام.",
        "أكد الأمين العام الحالي للمنظمة ذلك.",
        "الناس في أمس الحاجة إلى المساعدات.",
        "قال إن الاثنين اتفقا على الحل.",
        "وقعت الشركة عقدين مع الحكومة.",
        "قال أحد المسؤولين إن القاعدة رقم 201 تعمل.",
        "يحتفل البلد باليوم الوطني، وفي اليوم التالي تعود الحياة.",
        "غدا الوضع أكثر تعقيدا.",
        "كان يتقاضى 2 مليون دولار ويعمل معه 22 موظفا.",
        "الربيع العربي بدأ في تونس.",
        "عقد الوزير اجتماعا مع القرن الأفريقي.",
        "في نهاية المطاف، قال آلان إن الأمر انتهى.",
    ],
)
def test_precision_traps_are_not_dates(text):
    assert dated(text) == [] and [t for t in tag(text, ANCHOR) if t.type == "DURATION"] == []


def test_coordinated_days_are_two_dates():
    assert dated("تجري المحادثات يومي 10 و11 أيار المقبل.") == ["2022-05-10", "2022-05-11"]


def test_years_in_a_list():
    assert dated("تحسن الوضع في عامي 2021 و2022.") == ["2021", "2022"]


def test_sets():
    assert found("تجري الانتخابات كل أربع سنوات ويصدر التقرير سنويا.") == [("SET", "P4Y"), ("SET", "P1Y")]
    assert found("يتظاهرون كل يوم جمعة.") == [("SET", "XXXX-WXX-5")]


def test_today_after_a_past_verb_is_the_news_day_otherwise_nowadays():
    assert found("أعلن الجيش اليوم مقتل ثلاثة جنود.") == [("DATE", "2022-03-15")]
    assert found("تتمتع البلاد اليوم بميزة جديدة.") == [("DATE", "PRESENT_REF")]
    assert found("قال إن العالم اليوم يواجه أزمة.") == [("DATE", "PRESENT_REF")]


def test_vague_references_are_not_calendar_values():
    values = {t.value for t in tag("قال في وقت سابق إن الوضع الآن أفضل مما كان في الماضي.", ANCHOR)}
    assert values == {"PAST_REF", "PRESENT_REF"}


def test_combined_expression_is_one_value():
    (timex,) = tag("صرح بذلك أول أمس الأحد 13 آذار الحالي في جنيف.", ANCHOR)
    assert (timex.value, timex.text) == ("2022-03-13", "أول أمس الأحد 13 آذار الحالي")
    (timex,) = tag("تختتم الزيارة مساء الخميس الموافق 17 آذار/مارس الحالي.", ANCHOR)
    assert timex.value == "2022-03-17TEV"


def test_weekday_comma_date_is_one_expression():
    (timex,) = tag("الجمعة، 4 تموز 2025 زار الوزير المدينة.", ANCHOR)
    assert (timex.text, timex.value) == ("الجمعة، 4 تموز 2025", "2025-07-04")


def test_time_with_date():
    (timex,) = tag("نشر في 2021/07/17 الساعة 16:45 بتوقيت غرينتش", ANCHOR)
    assert (timex.type, timex.value) == ("TIME", "2021-07-17T16:45")


def test_a_clock_time_takes_the_day_its_part_of_day_names():
    # anchor Tuesday 2022-03-15
    assert found("تنطلق المسرحية في الساعة العاشرة مساء اليوم على المسرح.") == [("TIME", "2022-03-15T22:00")]
    assert found("وقع الحادث في الساعة 12:46 صباح أمس.") == [("TIME", "2022-03-14T00:46")]
    assert found("يبدأ الحفل الساعة العاشرة من صباح اليوم.") == [("TIME", "2022-03-15T10:00")]
    assert found("انطلقت الرحلة الساعة 10 صباح أمس.") == [("TIME", "2022-03-14T10:00")]
    assert found("وصل الوفد الساعة الثالثة من فجر يوم الأحد 13 آذار.") == [("TIME", "2022-03-13T03:00")]
    assert found("بدأ العمل الساعة الثامنة صباحا.") == [("TIME", "2022-03-15T08:00")]


def test_mentions_keep_weekday_and_shift_for_anchor_inference():
    (m,) = mentions("صرح بذلك أمس الأربعاء 9 آذار الحالي.")
    assert (m.when.weekday, m.when.shift, m.when.day, m.when.month, m.when.year) == (2, -1, 9, 3, None)


@pytest.mark.parametrize(
    "anchor, parsed",
    [
        ("2022-03-15", (2022, 3, 15)),
        ("2022-03-15T10:00:00", (2022, 3, 15)),
        ("2022-03", (2022, 3, None)),
        ("", None),
        ("2022-13-01", None),
        (None, None),
    ],
)
def test_parse_anchor(anchor, parsed):
    result = parse_anchor(anchor)
    assert (None if result is None else (result.year, result.month, result.day)) == parsed


@pytest.mark.parametrize(
    "value, bounds",
    [
        ("2021-09", ("2021-09-01", "2021-09-30")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2021-07-17T16:45", ("2021-07-17", "2021-07-17")),
        ("2011", ("2011-01-01", "2011-12-31")),
        ("199X", ("1990-01-01", "1999-12-31")),
        ("19XX", ("1900-01-01", "1999-12-31")),
        ("2022-08-10/2022-08-20", ("2022-08-10", "2022-08-20")),
        ("2022-W11", ("2022-03-13", "2022-03-19")),  # the news week: Sunday to Saturday
        ("2021-WI", ("2021-12-01", "2022-02-28")),
        ("2022-H1", ("2022-01-01", "2022-06-30")),
        ("P5D", (None, None)),
        ("XXXX-08-10", (None, None)),
        ("PAST_REF", (None, None)),
        ("2015-07-25/PRESENT_REF", (None, None)),  # one end off the calendar: none (it failed events)
        ("XXXX-07-25/2015-08-01", (None, None)),
        ("2015-07-25/2015-07-18", ("2015-07-18", "2015-07-25")),  # a reversed range, in order
    ],
)
def test_value_bounds(value, bounds):
    assert value_bounds(value) == bounds


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "0123456789/-:.,() \nالمنذإلىحتيأمسغداليومبعدقبلعاموشهرسنةيناير"
                "أيلولآذارتشرينكانونالجمعةالاثنينرمضانهـم٢٠١٩"
            )
        ),
        max_size=80,
    ),
    st.sampled_from([None, "2022-03-15", "2022-03", "garbage"]),
)
def test_never_raises_and_offsets_match_on_date_like_strings(text, anchor):
    for timex in tag(text, anchor):
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text


DATE_WORDS = (
    "في من إلى بين و قبل بعد منذ حتى عام العام الماضي المقبل الجاري أمس أول غدا اليوم الجمعة "
    "الاثنين يوم شهر أغسطس آب تشرين الأول رمضان هـ م 1443 2021 9999 0 31 12 10-20 1992-1997 "
    "2021/13/45 9/25/2021 16:45 الساعة صباحا مساء منتصف نهاية التسعينيات القرن الحادي عشر خمسة "
    "أيام عاما عامين نصف ساعة ونصف الموافق ( ) / - ، . كل سنويا صيف النصف الربع الأخير 1000000 "
    "ال 22 يومي الأسبوع الشهر الليلة رقم 2000 برميل ٢٠٢١ فبراير"
).split() + ["\n"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(DATE_WORDS), max_size=12),
    st.sampled_from(["", " "]),
    st.sampled_from([None, "2022-03-15", "2022-03", "1000-01-01", "2999-12-31"]),
)
def test_never_raises_on_sequences_of_date_words(words, joiner, anchor):
    text = joiner.join(words)
    for timex in tag(text, anchor):
        assert text[timex.start : timex.end] == timex.text and timex.value


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_never_raises_on_arbitrary_strings(text):
    for timex in tag(text, "2021-10-14"):
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text


# ---- issue 14: dates on real news --------------------------------------------------------------
# 2015-08-06 is a Thursday, 2015-08-04 a Tuesday.


@pytest.mark.parametrize(
    "text, anchor, value",
    [
        ("وصل الرئيس اليوم الاثنين إلى الرياض.", ANCHOR, "2022-03-14"),
        ("وصل الوفد أمس الأحد إلى جدة.", ANCHOR, "2022-03-13"),
        ("حطت طائرته أول من أمس الأحد في طنجة.", "2015-08-04", "2015-08-02"),
        ("تقام المباراة غدا الخميس في وارسو.", "2015-08-06", "2015-08-06"),
        ("خسر الفريق مساء أمس (الثلاثاء) أمام بولو سبور.", "2015-08-05", "2015-08-04TEV"),
        ("شارك الآلاف اليوم (الخميس) في المراسم.", "2015-08-06", "2015-08-06"),
    ],
)
def test_a_named_weekday_wins_over_an_anchor_a_day_off(text, anchor, value):
    assert dated(text, anchor) == [value]


def test_a_weekday_in_parentheses_is_part_of_the_expression():
    (timex,) = tag("خسر الفريق مساء أمس (الثلاثاء) أمام بولو سبور.", "2015-08-05")
    assert timex.text == "مساء أمس (الثلاثاء)"


@pytest.mark.parametrize(
    "text, value",
    [
        ("زار الأردن يوم الثلاثاء 19/ 10/ 1436هـ الموافق 4/ 8/ 2015م.", "2015-08-04"),
        ("نفذ الحكم اليوم الأربعاء 20 / 10 / 1436هـ بمدينة جدة.", "2015-08-05"),
        ("تبدأ المطابقة الثلاثاء 1436/10/26 لتخصص اللغة العربية.", "2015-08-11"),
        ("يستمر التسجيل حتى نهاية دوام يوم الأربعاء 27-10-1436 هـ.", "2015-08-12"),
        ("تبدأ المؤسسة الأحد القادم 24 / 10 / 1436 هـ الموافق 9 / 8 / 2015 م صرف الدفعة.", "2015-08-09"),
        ("أطلق النظام الإلكتروني عام 1435 لمراقبة الغذاء.", "2013-11-04/2014-10-24"),
        ("يقام الحفل الأربعاء 5 ذو القعدة في الرياض.", "2015-08-19"),
        ("يحتفل النادي يوم الخميس 28 من الشهر الجاري بالفائزين.", "2015-08-13"),
    ],
)
def test_hijri_numeric_dates_and_weekdays_that_fix_a_hijri_day(text, value):
    assert dated(text, "2015-08-06") == [value]


@pytest.mark.parametrize(
    "text, anchor, value",
    [
        ("بدأ العمل في المشروع في أبريل.", "2015-07-20", "2015-04"),
        ("وباعت الحكومة المصرية سندات دولية في يونيو لأجل عشر سنوات.", "2015-08-06", "2015-06"),
        ("قال ستيوارت في أبريل إنه مل من تغطية الانتخابات.", "2015-08-06", "2015-04"),
        ("استعاد الجيش القاعدة التي سيطر عليها الحوثيون منذ مارس.", "2015-08-06", "2015-03"),
        ("كانت الأمطار قد هطلت بغزارة في مارس.", "2015-08-06", "2015-03"),
        ("سوف يزور الوزير موسكو في أبريل.", "2015-08-06", "2016-04"),
        ("ستبدأ أعمال الحفر في يناير.", "2015-08-06", "2016-01"),
        ("أعلن الحزب أنه سيصعد هجماته في منتصف يوليو.", "2015-08-06", "2015-07"),
        ("أثارت تصريحات السفير في أكتوبر/ تشرين الأول من 2014 الجدل.", "2015-08-06", "2014-10"),
    ],
)
def test_tense_chooses_the_year_of_a_bare_month(text, anchor, value):
    assert dated(text, anchor) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "وقع الاتفاق على هذا العقد مع الشركة.",
        "لدينا 31 عقدا في المشروع.",
        "فحص المختبر في 1920 عينة من المياه.",
        "يحتوي على مسار للمشاة بطول (1250م) حول البحيرة.",
        "أقيم السوق داخل خيمة بمساحة 1500م2 تضم 70 مبسطا.",
        "ترتفع دقة الكاميرا من (1280 * 960) إلى 1920 * 1080.",
        "يقع المحل في شارع 26 يوليو بالقاهرة.",
        "أقام الفريق معسكره في مدينة ستة أكتوبر.",
        "لقي مواطن في العشرينات من العمر مصرعه.",
        "بعيدا عن جشع الشركات الذي لامس عنان السماء.",
        "نتطلع إلى غد أفضل.",
    ],
)
def test_numbers_names_and_words_that_are_not_times(text):
    assert [t for t in tag(text, "2015-08-06") if t.type in ("DATE", "TIME", "DURATION")] == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("أصدرت وزارة الداخلية اليوم بيانا بشأن تنفيذ الحكم.", "2015-08-06"),
        ("وأوضحت الوزارة في بيان أصدرته اليوم أنها ستستمر في الدعم.", "2015-08-06"),
        ("ومن المتوقع أن يتم الإعلان عن الاسم المختار اليوم.", "2015-08-06"),
        ("ومنح المدرب اللاعبين اليوم راحة من التدريبات.", "2015-08-06"),
        ("وأدى اللاعبون تدريباتهم اليوم في صالة اللياقة.", "2015-08-06"),
        ("يواجه المنتخب نظيره الأردني اليوم عند الساعة الثامنة مساء.", "2015-08-06"),
    ],
)
def test_today_that_is_the_news_day_gets_its_date(text, value):
    assert [t.value for t in tag(text, "2015-08-06") if "اليوم" in t.text] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "آخر هذه الأخبار ما أوردته صحيفة «اليوم» عن أحد المواطنين.",
        "وقال أحد أصحاب المحلات لـ(مراسل اليوم) إن الأسعار ثابتة.",
        "وبدورها تواصلت “عين اليوم” مع رئيس الإدارة.",
        'وحسب موقع "روسيا اليوم" الذي بث الشريط.',
        "وسيأتي اليوم الذي تندحر فيه الميليشيات.",
    ],
)
def test_today_as_a_name_or_the_day_when_is_no_time(text):
    assert tag(text, "2015-08-06") == []


def test_today_per_day_all_day_and_nowadays():
    assert found("ينتج الحقل مليون برميل في اليوم.") == [("SET", "P1D")]
    assert found("يختار الزوار الاستجمام طوال اليوم بجانب المسبح.") == [("DURATION", "P1D")]
    assert [t.value for t in tag("ضحية الأمس أصبح اليوم هو الجلاد.", ANCHOR) if t.text == "اليوم"] == [
        "PRESENT_REF"
    ]


@pytest.mark.parametrize(
    "text, values",
    [
        ("وصل الوفد في 3 مارس، وفي اليوم التالي غادر إلى جدة.", ["2022-03-03", "2022-03-04"]),
        ("اجتمع المجلس في 10 مارس، وفي ذلك اليوم أعلن الرئيس استقالته.", ["2022-03-10", "2022-03-10"]),
        ("بدأت الحرب في 5 يونيو 1967، وسقطت المدينة يومها.", ["1967-06-05", "1967-06-05"]),
        ("وصل في 8 مارس بعد أن تدرب في اليوم السابق.", ["2022-03-08", "2022-03-07"]),
        ("أمم القناة عام 1956 الذي أعلنه في 26 يوليو من ذلك العام.", ["1956", "1956-07-26"]),
    ],
)
def test_anaphoric_days_and_years_take_the_day_or_year_named_before(text, values):
    assert dated(text) == values


def test_an_anaphoric_day_with_nothing_before_it_is_left_out():
    assert tag("عاد اللاعبون إلى التدريب في اليوم السابق للمباراة.", ANCHOR) == []
    assert [t.text for t in tag("قال إن العالم شهد في ذلك اليوم حدثا كبيرا.", ANCHOR)] == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("يلتقي الفريقان صباح غد في الرياض.", "2022-03-16TMO"),
        ("تقام المباراة مساء غد على ملعب الشرطة.", "2022-03-16TEV"),
        ("بدأ البث عند الساعة 1.30 توقيت غرينتش.", "2022-03-15T01:30"),
        ("تبدأ المباراة الساعة الثامنة والربع مساء بتوقيت السعودية.", "2022-03-15T20:15"),
    ],
)
def test_tomorrow_with_a_part_of_the_day_and_clock_times_with_a_zone(text, value):
    assert dated(text) == [value]


def test_a_clock_time_covers_its_time_zone():
    (timex,) = tag("بدأ البث عند الساعة 1.30 توقيت غرينتش.", ANCHOR)
    assert timex.text == "الساعة 1.30 توقيت غرينتش"


@pytest.mark.parametrize(
    "text, value, mod",
    [
        ("بقي في المنصب لمدة أسبوعين.", "P2W", None),
        ("حكم البلاد على مدى ثلاثة عقود.", "P3DE", None),
        ("يعيش هناك منذ أكثر من عام.", "P1Y", "MORE_THAN"),
        ("تراجعت الأسعار خلال الأشهر الستة الماضية.", "P6M", None),
        ("حصلت الشركة على 16% من إيراداتها خلال الإثني عشر شهرًا الماضية.", "P12M", None),
        ("انتظر نصف ساعة ثم غادر.", "PT30M", None),
        ("قضى في السجن عامين ونصف.", "P30M", None),
        ("تبعد المدينة عن المعسكر ساعتين ونصف.", "PT150M", None),
    ],
)
def test_durations_of_full_articles(text, value, mod):
    (timex,) = [t for t in tag(text, ANCHOR) if t.type == "DURATION"]
    assert (timex.value, timex.mod) == (value, mod)


def test_a_date_every_year_is_a_set_without_a_year():
    assert found("تبدأ سنتها المالية في الأول من يوليو من كل عام.")[0] == ("SET", "XXXX-07-01")


def test_a_rate_per_day_next_to_a_year():
    assert found("ستعبر 97 سفينة في اليوم عام 2023.") == [("SET", "P1D"), ("DATE", "2023")]


@pytest.mark.parametrize(
    "word, verb",
    [
        ("سيكون", True),
        ("وستبدأ", True),
        ("سنعمل", True),
        ("سيارة", False),
        ("سندات", False),
        ("ستيوارت", False),
        ("سياسة", False),
        ("سنوات", False),
        ("سيطروا", False),
    ],
)
def test_a_future_verb_is_an_ordinary_imperfect_verb_after_sin(word, verb):
    from helpers.core.text import fold
    from helpers.timeline.timex import _Grammar
    from helpers.timeline.timex.words import TimexTokens

    assert _Grammar(TimexTokens(""), None).future_verb(fold(word)) is verb


@pytest.mark.parametrize(
    "text, value",
    [
        ("تستمر المطابقة حتى نهاية دوام يوم الثلاثاء الموافق 3 – 11 – 1436هـ.", "2015-08-18"),
        ("استعدت المدارس للعام الدراسي الجديد 1436 – 1437 هـ.", "2014-10-25/2016-10-01"),
    ],
)
def test_hijri_dates_with_dashes_and_ranges_of_hijri_years(text, value):
    assert dated(text, "2015-08-06") == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("يغلق الطريق بعد الساعة الثانية عشر ليلا.", "2015-08-06T00:00"),
        ("يبدأ الحفل الساعة التاسعة ليلا.", "2015-08-06T21:00"),
        ("وقع الزلزال الساعة الثانية ليلا.", "2015-08-06T02:00"),
        ("تبدأ الجلسة الساعة الواحدة ظهرا.", "2015-08-06T13:00"),
        ("غرد في تمام الساعة 3:34 من عصر اليوم.", "2015-08-06T15:34"),
        ("وصل الساعة 10:15 من مساء أمس.", "2015-08-05T22:15"),
    ],
)
def test_the_twelve_hour_clock_and_the_part_of_a_named_day(text, value):
    assert dated(text, "2015-08-06") == [value]


def test_a_clock_time_alone_is_on_the_day_its_paragraph_speaks_of():
    text = (
        "يواجه المنتخب نظيره الأردني مساء غد في ختام البطولة. وفي اللقاء الأول يجمع منتخب العراق "
        "بمنتخب الإمارات عند الساعة الخامسة عصراً.\nويبدأ التدريب الساعة العاشرة صباحا."
    )
    assert dated(text, "2015-08-06") == ["2015-08-07TEV", "2015-08-07T17:00", "2015-08-06T10:00"]


def test_after_some_time_in_a_past_story_is_a_duration():
    assert found("جاءت السيارة، وبعد ثلاثة عقود أخرى أتت الطائرة.") == [("DURATION", "P3DE")]
    assert found("وصل الوفد بعد يومين من الموعد.") == [("DURATION", "P2D")]
    assert found("تبدأ المؤسسة بعد 10 أيام استقبال الطلبات.", "2015-08-05") == [("DATE", "2015-08-15")]


def test_today_no_longer_is_nowadays():
    assert [t.value for t in tag("أعداؤهم الذين لم يعودوا اليوم أعداء.", ANCHOR)] == ["PRESENT_REF"]


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "وبموجب القانون الذي وقعه الرئيس في مايو فإن أمام الكونجرس حتى 17 سبتمبر ليقر الاتفاق.",
            "2015-09-17",
        ),
        ("امتلك حصة قيمتها 91 مليون دولار في يونيو/حزيران العام الماضي.", "2014-06"),
        ("تبدأ الوظائف في الفصل الأول من العام الجامعي 1436/ 1437هـ.", "2014-10-25/2016-10-01"),
    ],
)
def test_clauses_year_relations_and_academic_years(text, value):
    assert dated(text, "2015-08-04")[-1] == value


def test_today_after_starting_from_is_the_news_day():
    assert [t.value for t in tag("ويتقبل ذووها العزاء بدءا من اليوم في جدة.", "2015-08-06")] == ["2015-08-06"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("سيصوت المجلس على الاتفاق عند عودة المشرعين إلى عقد جلساتهم في سبتمبر.", "2015-09"),
        ("سيتطلب الأمر تدهورا كبيرا كي لا يؤيد رفع أسعار الفائدة في سبتمبر.", "2015-09"),
    ],
)
def test_a_noun_that_looks_like_a_past_verb_gives_no_tense(text, value):
    assert dated(text, "2015-08-06") == [value]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("هذه المواقف تثبت يومًا بعد يوم أنها راسخة.", []),
        ("قال إنه سافر صبيحة اليوم الذي اجتمع فيه الوزراء.", []),
        ("وفي عودتنا على الرحلة 127 يوم 6 يوليو فوجئنا بالمقاعد.", [("DATE", "2015-07-06")]),
    ],
)
def test_idioms_relative_clauses_and_flight_numbers(text, expected):
    assert found(text, "2015-08-06") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("سيتم إيداع الحقوق يوم الأحد بتاريخ 24/10/1436هـ الموافق 09/08/2015م.", [("DATE", "2015-08-09")]),
        ("يتنافسون على ترشيح الحزب للانتخابات في (نوفمبر) تشرين الثاني 2016.", [("DATE", "2016-11")]),
        ("توج الفريق الكاتالوني بلقب كأس جوان غامبر.", []),
        ("وسجل الأهداف محمد الخميس (هدفين) وماجد المرحوم.", []),
        ("وصل الوفد الخميس إلى جدة.", [("DATE", "2015-08-06")]),
    ],
)
def test_dates_joined_by_bitarikh_bracketed_month_names_and_names_that_look_like_dates(text, expected):
    assert found(text, "2015-08-06") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("يعالج الخلل من 25 يناير (2011) إلى 30 يونيو (2013).", [("DATE", "2011-01-25/2013-06-30")]),
        ("اخترق هكر سعودي اليوم، الخميس، موقع الأمانة.", [("DATE", "2015-08-06")]),
        ("في الأمس المشرق كان التحالف آمن السبل.", []),
        ("فارق الحياة على الساعة الثالثة فجرا من يوم الأحد 27 يوليو 2008.", [("TIME", "2008-07-27T03:00")]),
    ],
)
def test_bracketed_years_weekdays_after_a_comma_the_past_and_the_day_of_a_clock_time(text, expected):
    assert found(text, "2015-08-06") == expected


def test_near_a_number_is_not_soon():
    assert tag("ارتفعت الأسعار قريبا من 51 دولارا.", ANCHOR) == []
    assert found("يصل الوفد قريبا.") == [("DATE", "FUTURE_REF")]


def test_a_year_after_min_and_a_month_before_a_name():
    assert dated(
        "أثارت تصريحات سفير طهران في أكتوبر/ تشرين الأول من 2014 مجتبى فردوسي الجدل.", "2015-08-06"
    ) == ["2014-10"]


def test_weekdays_of_one_list_run_forward():
    # anchor Tuesday 2022-03-15: that Tuesday, then the Wednesday after it (alone: the 9th)
    assert found("تقام المسرحية يومي الثلاثاء والأربعاء.") == [("DATE", "2022-03-15"), ("DATE", "2022-03-16")]
    assert found("جرت الانتخابات الأحد والاثنين الماضيين.")[1] == ("DATE", "2022-03-14")


def test_a_range_ending_on_a_bare_weekday_ends_after_its_start():
    assert found("اعتبارا من السبت 19 مارس وحتى السبت التالي") == [("DATE", "2022-03-19/2022-03-26")]
    assert found("اعتبارا من السبت 19 مارس وحتى السبت المقبل") == [("DATE", "2022-03-19/2022-03-26")]


def test_weeks_run_sunday_to_saturday_as_in_gulf_news():
    # Sunday 2015-07-26: last week ended the day before (ISO week 30 by its Monday)
    assert found("ارتفعت الأسعار الأسبوع الماضي.", "2015-07-26") == [("DATE", "2015-W30")]
    assert found("ارتفعت الأسعار الأسبوع الماضي.", "2015-07-25") == [("DATE", "2015-W29")]
    assert found("زار الوفد المدينة الأحد من الأسبوع الماضي.", "2015-07-22") == [("DATE", "2015-07-12")]
    assert value_bounds("2015-W30") == ("2015-07-19", "2015-07-25")


def test_ago_with_an_approximation_or_a_bound():
    assert [(t.text, t.value, t.mod) for t in tag("أصيبت قبل أكثر من سنتين.", "2015-07-26")] == [
        ("قبل أكثر من سنتين", "2013", "BEFORE")
    ]
    assert [(t.value, t.mod) for t in tag("وصل قبل نحو أسبوع.", "2015-07-22")] == [("2015-W29", "APPROX")]
    assert [(t.value, t.mod) for t in tag("انتهى قبل أقل من شهر.", "2015-07-26")] == [("2015-06", "AFTER")]


def test_durations_joined_by_wa_are_one():
    assert found("استمر الحصار عامين وثمانية أشهر.") == [("DURATION", "P2Y8M")]
    assert found("شاهدوا التلفزيون ثلاث ساعات و40 دقيقة يوميا.")[0] == ("DURATION", "PT3H40M")
    assert found("مكث شهرين وعامين.") == [("DURATION", "P2M"), ("DURATION", "P2Y")]  # not smaller units
    assert found("بعد نحو عشرين دقيقة نجحت الشرطة في السيطرة.") == [("DURATION", "PT20M")]
