"""One test per timestamp form (formats.timestamps.parse_published)."""

from datetime import UTC

import pytest

from helpers.ingest.formats.timestamps import parse_published as parse


def check(value, day, at=None, **kw):
    p = parse(value, **kw)
    assert p.problem is None, p
    assert (p.published, p.published_at) == (day, at), p
    return p


# --- ISO 8601 ---------------------------------------------------------------------------------


def test_iso_with_offset_gives_local_day_and_utc_instant():
    check("2018-05-19T13:54:22+04:00", "2018-05-19", "2018-05-19T09:54:22Z")


def test_iso_negative_offset_keeps_the_local_day():
    # 23:30 at -05:00 is 04:30 UTC the next day: the article's day is still the 19th
    check("2018-05-19T23:30:00-05:00", "2018-05-19", "2018-05-20T04:30:00Z")


def test_iso_space_fraction_and_z():
    check("2018-05-19 13:54:22.123456Z", "2018-05-19", "2018-05-19T13:54:22Z")
    check("2018-05-19T13:54:22.1234567Z", "2018-05-19", "2018-05-19T13:54:22Z")
    check("2018-05-19 13:54:22 UTC", "2018-05-19", "2018-05-19T13:54:22Z")
    check("2018-05-19T13:54:22+0400", "2018-05-19", "2018-05-19T09:54:22Z")


def test_iso_date_only_has_no_instant():
    check("2018-05-19", "2018-05-19", None)


def test_iso_naive_time_uses_default_tz_else_utc():
    p = check("2018-05-19 13:54:22", "2018-05-19", "2018-05-19T13:54:22Z")
    assert p.zone_assumed
    check("2018-05-19 13:54:22", "2018-05-19", "2018-05-19T10:54:22Z", default_tz="Asia/Riyadh")
    check("2018-05-19 13:54:22", "2018-05-19", "2018-05-19T10:54:22Z", default_tz="+03:00")


# --- RFC 2822 ---------------------------------------------------------------------------------


def test_rfc2822():
    check("Mon, 14 May 2018 10:53:44 +0000", "2018-05-14", "2018-05-14T10:53:44Z")
    check("Mon, 14 May 2018 23:53:44 -0300", "2018-05-14", "2018-05-15T02:53:44Z")


# --- Unix time --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [1526738062, 1526738062.0, "1526738062", 1526738062123, "1526738062123", 1526738062123.0, "١٥٢٦٧٣٨٠٦٢"],
)
def test_epoch_seconds_and_milliseconds(value):
    p = check(value, "2018-05-19", "2018-05-19T13:54:22Z")
    assert p.form.startswith("epoch_")


def test_epoch_day_in_default_tz():
    # 2018-05-19T23:00:00Z is already the 20th in Riyadh
    check(1526770800, "2018-05-20", "2018-05-19T23:00:00Z", default_tz="Asia/Riyadh")


@pytest.mark.parametrize("value", [123, 0, -5, 99999999999999999, "4200000000"])
def test_epoch_out_of_range(value):
    p = parse(value)
    assert p.published is None and "Unix time between 1990 and 2100" in p.problem


def test_compact_yyyymmdd():
    check("20180519", "2018-05-19")
    check(20180519, "2018-05-19")


# --- numeric dates ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["19/05/2018", "19-05-2018", "19.05.2018", "2018/05/19", "١٩/٠٥/٢٠١٨"])
def test_numeric_day_first(value):
    check(value, "2018-05-19")


def test_numeric_ambiguous_is_day_first_unless_told():
    check("03/04/2018", "2018-04-03")
    check("03/04/2018", "2018-03-04", day_first=False)
    check("05/19/2018", "2018-05-19")  # only month-first is valid
    assert parse("05/19/2018", day_first=True).problem


def test_numeric_with_time():
    check("19/05/2018 10:30", "2018-05-19", "2018-05-19T10:30:00Z")
    check("15/05/2018 10:30 +0300", "2018-05-15", "2018-05-15T07:30:00Z")


# --- Arabic month names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,day",
    [
        ("الثلاثاء ١٥ مايو ٢٠١٨", "2018-05-15"),
        ("15 مايو 2018", "2018-05-15"),
        ("15 ماي 2018", "2018-05-15"),
        ("13 أبريل 2018", "2018-04-13"),
        ("13 ابريل 2018", "2018-04-13"),
        ("13 إبريل 2018", "2018-04-13"),
        ("4 يوليوز 2018", "2018-07-04"),
        ("4 يوليو 2018", "2018-07-04"),
        ("3 أغسطس 2018", "2018-08-03"),
        ("3 غشت 2018", "2018-08-03"),
        ("3 أوت 2018", "2018-08-03"),
        ("1 جانفي 2018", "2018-01-01"),
        ("الأحد، 7 أكتوبر 2018م", "2018-10-07"),
        ("7 من شهر ديسمبر 2018", "2018-12-07"),
    ],
)
def test_arabic_month_names(value, day):
    check(value, day)


@pytest.mark.parametrize(
    "value,day",
    [
        ("16 أيار 2018", "2018-05-16"),
        ("16 كانون الثاني 2018", "2018-01-16"),
        ("16 شباط 2018", "2018-02-16"),
        ("16 آذار 2018", "2018-03-16"),
        ("16 نيسان 2018", "2018-04-16"),
        ("16 حزيران 2018", "2018-06-16"),
        ("16 تموز 2018", "2018-07-16"),
        ("16 آب 2018", "2018-08-16"),
        ("16 أيلول 2018", "2018-09-16"),
        ("16 تشرين الأول 2018", "2018-10-16"),
        ("16 تشرين الثاني 2018", "2018-11-16"),
        ("16 كانون الأول 2018", "2018-12-16"),
        ("16 أيار (مايو) 2018", "2018-05-16"),
        ("16 أيار/ مايو 2018", "2018-05-16"),
    ],
)
def test_levantine_iraqi_month_names(value, day):
    check(value, day)


def test_two_different_month_names_are_a_problem():
    assert "two different months" in parse("16 أيار/يونيو 2018").problem


def test_arabic_time_am_pm():
    check("15 مايو 2018 - 10:30 ص", "2018-05-15", "2018-05-15T10:30:00Z")
    check("15 مايو 2018 - 10:30 م", "2018-05-15", "2018-05-15T22:30:00Z")
    check("15 مايو 2018 12:15 ص", "2018-05-15", "2018-05-15T00:15:00Z")
    check("15 مايو 2018 12:15 م", "2018-05-15", "2018-05-15T12:15:00Z")
    check("الثلاثاء ١٥ مايو ٢٠١٨ - ١٠:٣٠ م", "2018-05-15", "2018-05-15T22:30:00Z")
    check("15 مايو 2018 10:30 م", "2018-05-15", "2018-05-15T19:30:00Z", default_tz="Asia/Riyadh")


def test_zone_after_time():
    check("15 مايو 2018 10:30 GMT+3", "2018-05-15", "2018-05-15T07:30:00Z")
    check("15 مايو 2018 10:30 بتوقيت مكة المكرمة", "2018-05-15", "2018-05-15T07:30:00Z")
    check("15 مايو 2018 10:30 بتوقيت غرينتش", "2018-05-15", "2018-05-15T10:30:00Z")


# --- English month names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "May 15, 2018",
        "15 May 2018",
        "Tuesday, May 15, 2018",
        "15th May 2018",
        "Sept 15, 2018".replace("Sept", "May"),
    ],
)
def test_english_month_names(value):
    check(value, "2018-05-15")


def test_english_with_pm():
    check("May 15, 2018 10:30 PM", "2018-05-15", "2018-05-15T22:30:00Z")


# --- Hijri ------------------------------------------------------------------------------------


def test_hijri_named_month():
    p = check("2 رمضان 1439هـ", "2018-05-17")
    assert p.form == "hijri"
    check("الأربعاء 2 رمضان 1439 هـ", "2018-05-17")
    check("1 جمادى الآخرة 1439", "2018-02-17")
    check("10 ذو الحجة 1439 هـ", "2018-08-21")


def test_hijri_numeric():
    check("1439/9/2 هـ", "2018-05-17")
    check("1439/09/02", "2018-05-17")  # a year in the Hijri range
    check("2/9/1439هـ", "2018-05-17")


def test_hijri_and_gregorian_uses_gregorian():
    p = check("الأربعاء 2 رمضان 1439 هـ الموافق 16 مايو 2018م", "2018-05-16")
    assert p.form == "text"
    check("1439/9/2هـ - 2018/5/16م", "2018-05-16")


def test_invalid_hijri_is_a_problem():
    p = parse("30 صفر 1439")
    assert p.published is None and "Hijri" in p.problem


# --- invalid values never raise ---------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "31 فبراير 2018",
        "2018-02-31",
        "31/02/2018",
        "Mon, 31 Feb 2018 10:53:44 +0000",
        "2018-05-19T24:00:00",
        "February 31, 2018",
    ],
)
def test_invalid_dates_give_a_problem(value):
    p = parse(value)
    assert p.published is None and p.problem


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        True,
        "منذ ساعتين",
        "مايو 2018",
        "2018",
        float("nan"),
        float("inf"),
        [1],
        {"a": 1},
        "19/05/18",
        "x" * 500,
        "1439/13/40 هـ",
        "99/99/9999",
    ],
)
def test_unreadable_values_give_a_problem(value):
    p = parse(value)
    assert p.published is None and p.problem and len(p.problem) < 200


def test_bad_time_keeps_the_day():
    p = parse("15 مايو 2018 - 25:30")
    assert p.published == "2018-05-15" and p.published_at is None and "time" in p.problem


def test_datetime_objects():
    from datetime import date, datetime

    check(datetime(2018, 5, 19, 23, 30, tzinfo=UTC), "2018-05-19", "2018-05-19T23:30:00Z")
    check(date(2018, 5, 19), "2018-05-19")


def test_bad_default_tz_raises():
    with pytest.raises(ValueError):
        parse("2018-05-19", default_tz="Mars/Olympus")
