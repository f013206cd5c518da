"""TIMEX3 values: what a date expression says (`When`), placed against a document's anchor.

A relative day counts from the anchor's day; a year-less month or day takes the year الجاري /
الماضي / المقبل or the sentence's tense gives it (else the nearest); Hijri dates are converted
with hijridate. A weekday the text names wins over arithmetic that disagrees with it: "أمس الأحد"
is the Sunday nearest the anchor's yesterday, a Hijri date whose conversion is a day off its
weekday (the month began a day earlier or later than the tables say) moves to the weekday.
`value_bounds` gives the days a value covers, for plotting and overlaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

_RELATION_OFFSET = {"last": -1, "this": 0, "next": 1}
_VAGUE_BY_RELATION = {"last": "PAST_REF", "this": "PRESENT_REF", "next": "FUTURE_REF"}
#: First and last month of seasons and parts of a year (winter runs into the next year).
_PART_MONTHS = {
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 14),
    "H1": (1, 6),
    "H2": (7, 12),
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
}


@dataclass
class When:
    """What a date expression says, before it is placed against an anchor."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday 0
    shift: int | None = None  # days from the anchor (أمس -1)
    rel: str | None = None  # this | last | next (الجاري، الماضي، المقبل)
    year_rel: str | None = None  # "من العام الماضي" after a month; same: "من ذلك العام"
    period: str | None = None  # month | week | year | decade | century, for "الشهر الماضي"
    ago: tuple[int, str] | None = None  # (signed count, unit) from the anchor: قبل ثلاثة أيام
    decade: int | None = None  # decade digit (التسعينيات 9)
    century: int | None = None  # 19 for the 1900s
    century_rel: str | None = None  # "تسعينيات القرن الماضي"
    hijri: bool = False  # year, month and day are Hijri
    time: str | None = None  # "16:45" or a part-of-day code (EV)
    part: str | None = None  # a season or part of the year: SU, H1, Q3
    anaphor: int | None = None  # days after the day last named ("ذلك اليوم" 0, "اليوم السابق" -1)
    floating: bool = False  # a clock time with no day: on the day its paragraph speaks of

    @property
    def year_less(self) -> bool:
        """A calendar date (day and month, or a month) that names no year."""
        return self.month is not None and self.year is None


@dataclass(frozen=True)
class Anchor:
    """A document's anchor: a day, or only a month (day None)."""

    year: int
    month: int
    day: int | None = None

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day else None


def parse_anchor(anchor: str | None) -> Anchor | None:
    """An `Anchor` from 'YYYY-MM-DD' (a time part is ignored) or 'YYYY-MM'; None otherwise."""
    if not isinstance(anchor, str):
        return None
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?", anchor.strip())
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else None
    if not 1000 <= year <= 2999 or not 1 <= month <= 12:
        return None
    if day is not None and not valid_date(year, month, day):
        return None
    return Anchor(year, month, day)


def valid_date(year: int, month: int, day: int) -> bool:
    """True for a real calendar day."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def when_value(w: When, a: Anchor | None, tense: str | None = None) -> str:
    """The TIMEX3 value of what an expression says, placed against an anchor (None: year-less
    values stay XXXX); `tense` ('past' | 'future') decides year-less dates and weekdays."""
    if w.anaphor is not None:
        return "XXXX-XX-XX"  # placed by `timex.tag`, which knows the day last named
    if w.ago is not None:
        return _ago_value(w.ago, a)
    if w.period is not None:
        return _period_value(w, a)
    if w.decade is not None or w.century is not None:
        century = w.century
        if w.century_rel and a is not None:
            century = a.year // 100 + _RELATION_OFFSET[w.century_rel]
        return f"{century}{w.decade}X" if w.decade is not None else f"{century}XX"
    if w.part is not None:
        return _part_value(w, a)
    if w.hijri:
        return _hijri_value(w, a, tense)
    if w.month is None and w.year is None:
        if w.shift is None and w.weekday is None and w.time is None:
            return "XXXX"  # "ذلك العام" with no year named before it
        return _day_value(w, a, tense)
    year = w.year
    if year is None and w.year_rel in _RELATION_OFFSET and a is not None:
        year = a.year + _RELATION_OFFSET[w.year_rel]
    if year is None and w.month is not None and a is not None and w.year_rel is None:
        year = _pick_year(w.month, w.day, w.rel, (a.year, a.month, a.day), tense)
        if w.day is not None and w.weekday is not None and not _on_weekday(year, w):
            # "الجمعة 31 يوليو": of the year before and after, the one where the day is a Friday
            year = next((y for y in (year - 1, year + 1) if _on_weekday(y, w)), year)
    text = "XXXX" if year is None else f"{year:04d}"
    if w.month is not None:
        text += f"-{w.month:02d}"
        if w.day is not None:
            text += f"-{w.day:02d}" + _time_suffix(w)
    return text


def _on_weekday(year: int, w: When) -> bool:
    """True when day w.day of month w.month of `year` falls on w.weekday."""
    return valid_date(year, w.month, w.day) and date(year, w.month, w.day).weekday() == w.weekday


def nearest_weekday(day: date, weekday: int) -> date:
    """The day with `weekday` nearest to `day` (at most three days away)."""
    offset = (weekday - day.weekday()) % 7
    return day + timedelta(days=offset if offset <= 3 else offset - 7)


def _part_value(w: When, a: Anchor | None) -> str:
    """A season or part of a year: its year given, relative to the anchor's year, or placed by
    الماضي / المقبل against the anchor's month."""
    first, last = _PART_MONTHS[w.part]
    year = w.year
    if year is None and a is not None:
        if w.year_rel:
            year = a.year + _RELATION_OFFSET[w.year_rel]
        elif w.rel == "last":
            year = a.year if last < a.month else a.year - 1
        elif w.rel == "next":
            year = a.year if first > a.month else a.year + 1
        else:
            year = a.year - (last > 12 and a.month <= last - 12)
    return f"{'XXXX' if year is None else f'{year:04d}'}-{w.part}"


def _time_suffix(w: When) -> str:
    return f"T{w.time}" if w.time else ""


def _day_value(w: When, a: Anchor | None, tense: str | None) -> str:
    """A relative day or a weekday, placed against the anchor's day."""
    if a is None or a.day is None:
        if a is not None:
            return f"{a.year:04d}-{a.month:02d}"
        if w.shift is None and w.weekday is not None:
            return f"XXXX-WXX-{w.weekday + 1}"
        return "XXXX-XX-XX" + _time_suffix(w)
    base = a.date
    if w.shift is None and w.weekday is None:  # a clock time alone: the anchor's day
        day = base
    elif w.shift is not None:
        day = base + timedelta(days=w.shift)
        if w.weekday is not None:  # "أمس الأحد": the Sunday, even when the anchor is a day off
            day = nearest_weekday(day, w.weekday)
    else:
        back = (base.weekday() - w.weekday) % 7
        ahead = (w.weekday - base.weekday()) % 7
        if w.rel == "last":
            day = base - timedelta(days=back or 7)
        elif w.rel == "next":
            day = base + timedelta(days=ahead or 7)
        elif tense == "future":
            day = base + timedelta(days=ahead)
        else:
            day = base - timedelta(days=back)
    return day.isoformat() + _time_suffix(w)


def _pick_year(month: int, day: int | None, rel: str | None, ref: tuple, tense: str | None) -> int:
    """Year of a year-less month (and day) against a reference (year, month, day|None): الجاري
    the same year, الماضي the latest one before, المقبل the next one after; otherwise the latest
    one at or before the reference in a past-tense sentence, the next one in a future-tense one,
    and the nearest when the tense is unknown, the past counting half (a month up to four
    months ahead is the coming one: "لتسليم ديسمبر" in August)."""
    year, ref_month, ref_day = ref
    here = (month, day if day is not None else 0)
    now = (ref_month, ref_day if ref_day is not None and day is not None else 0)
    if rel == "this":
        return year
    if rel == "last":
        return year if here < now else year - 1
    if rel == "next":
        return year if here > now else year + 1
    past = year if here <= now else year - 1
    coming = year if here > now else year + 1
    if tense is not None:
        return coming if tense == "future" else past

    def distance(y: int) -> int:
        return abs((y * 12 + month) - (year * 12 + ref_month)) * 31 + abs((day or 0) - (ref_day or 0))

    return coming if 2 * distance(coming) <= distance(past) else past


def _period_value(w: When, a: Anchor | None) -> str:
    if a is None:
        return _VAGUE_BY_RELATION[w.rel]
    offset = _RELATION_OFFSET[w.rel]
    if w.period == "month":
        index = a.year * 12 + a.month - 1 + offset
        text = f"{index // 12:04d}-{index % 12 + 1:02d}"
        if (
            w.day
            and w.weekday is not None
            and a.day is not None
            and not (
                valid_date(index // 12, index % 12 + 1, w.day)
                and date(index // 12, index % 12 + 1, w.day).weekday() == w.weekday
            )
        ):
            # "يوم الخميس 28 من الشهر الجاري": the Hijri month when its 28th is the Thursday
            ref = Gregorian(a.year, a.month, a.day).to_hijri()
            hindex = ref.year * 12 + ref.month - 1 + offset
            day = _hijri_day(hindex // 12, hindex % 12 + 1, w.day, w.weekday)
            if day is not None:
                return day.isoformat() + _time_suffix(w)
        return text + (f"-{w.day:02d}" if w.day else "")
    if w.period == "week":
        if a.day is None:
            return "XXXX-WXX"
        start = week_start(a.date) + timedelta(weeks=offset)
        if w.weekday is not None:  # "الثلاثاء من الأسبوع الماضي"
            return (start + timedelta(days=(w.weekday + 1) % 7)).isoformat() + _time_suffix(w)
        return week_value(start)
    if w.period == "year":
        return f"{a.year + offset:04d}"
    if w.period == "decade":
        return f"{a.year // 10 + offset}X"
    return f"{a.year // 100 + offset}XX"


def week_start(day: date) -> date:
    """The Sunday that opens the week of `day`: the news week of the Gulf states (Sunday to
    Saturday), so that "الأسبوع الماضي" in a Sunday's paper is the week that ended the day before."""
    return day - timedelta(days=(day.weekday() + 1) % 7)


def week_value(sunday: date) -> str:
    """TIMEX3 value of the week a Sunday opens: the ISO week of its Monday ('2015-W30')."""
    iso = (sunday + timedelta(days=1)).isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _ago_value(ago: tuple[int, str], a: Anchor | None) -> str:
    count, unit = ago
    if a is None:
        return "PAST_REF" if count < 0 else "FUTURE_REF"
    if unit in ("M",):
        index = a.year * 12 + a.month - 1 + count
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "Y":
        return f"{a.year + count:04d}"
    if unit == "DE":
        return f"{(a.year + 10 * count) // 10}X"
    if unit == "CE":
        return f"{(a.year + 100 * count) // 100}XX"
    if a.day is None:
        return f"{a.year:04d}-{a.month:02d}"
    if unit == "W":
        return week_value(week_start(a.date + timedelta(weeks=count)))
    if unit == "D":
        return (a.date + timedelta(days=count)).isoformat()
    return a.date.isoformat()  # hours and minutes: the anchor's day


def _hijri_value(w: When, a: Anchor | None, tense: str | None) -> str:
    """A Hijri date converted to the Gregorian calendar (hijridate); a month or year becomes the
    interval it covers."""
    year = w.year
    try:
        if year is None and w.month is not None and a is not None:
            ref = Gregorian(a.year, a.month, a.day or 15).to_hijri()
            year = _pick_year(w.month, w.day, w.rel, (ref.year, ref.month, ref.day if a.day else None), tense)
        if year is None:
            return "XXXX-XX-XX" if w.day is not None else "XXXX-XX"
        if w.month is None:
            first, last = Hijri(year, 1, 1), Hijri(year, 12, 1)
            last = Hijri(year, 12, last.month_length())
            return f"{first.to_gregorian().isoformat()}/{last.to_gregorian().isoformat()}"
        if w.day is not None:
            day = _hijri_day(year, w.month, w.day, w.weekday)
            if day is None and w.year is None:  # "الأربعاء 5 ذو القعدة": the year the weekday fits
                day = next(
                    (
                        d
                        for y in (year + 1, year - 1)
                        if (d := _hijri_day(y, w.month, w.day, w.weekday)) is not None
                    ),
                    None,
                )
            if day is None:
                day = Hijri(year, w.month, w.day).to_gregorian()
            return day.isoformat() + _time_suffix(w)
        first = Hijri(year, w.month, 1)
        last = Hijri(year, w.month, first.month_length())
        return f"{first.to_gregorian().isoformat()}/{last.to_gregorian().isoformat()}"
    except (ValueError, OverflowError):
        return "XXXX-XX-XX"


def _hijri_day(year: int, month: int, day: int, weekday: int | None) -> date | None:
    """The Gregorian day of a Hijri date; with a weekday, the day of that weekday when the
    conversion falls on it or a day off (the month began a day off the tables), else None."""
    try:
        converted = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    if weekday is None:
        return converted
    if (weekday - converted.weekday()) % 7 in (0, 1, 6):
        return nearest_weekday(converted, weekday)
    return None


def value_bounds(value: str) -> tuple[str | None, str | None]:
    """First and last ISO day covered by a TIMEX3 value ('2021-09' -> 2021-09-01, 2021-09-30;
    '199X' -> 1990-01-01, 1999-12-31; 'A/B' -> start of A, end of B, in calendar order); (None,
    None) for values that place nothing on a calendar (durations, PAST_REF, XXXX-.., an interval
    with such an end)."""
    if not isinstance(value, str) or not value:
        return None, None
    if "/" in value:
        start, end = value.split("/", 1)
        first, second = value_bounds(start)[0], value_bounds(end)[1]
        if first is None or second is None:
            return None, None  # 2015-07-25/PRESENT_REF: one end is not on the calendar
        return min(first, second), max(first, second)
    value = value.split("T", 1)[0]
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", value)
    if m and valid_date(*(int(g) for g in m.groups())):
        return value, value
    m = re.match(r"^(\d{4})-(\d{2})$", value)
    if m and 1 <= int(m.group(2)) <= 12:
        year, month = int(m.group(1)), int(m.group(2))
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        return f"{value}-01", f"{value}-{last:02d}"
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI|H[12]|Q[1-4])$", value)
    if m:
        year, (first, last) = int(m.group(1)), _PART_MONTHS[m.group(2)]
        end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
        return f"{year:04d}-{first:02d}-01", value_bounds(f"{end_year:04d}-{end_month:02d}")[1]
    m = re.match(r"^(\d{4})-W(\d{2})$", value)
    if m and 1 <= int(m.group(2)) <= 53:
        try:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None, None
        # the news week (`week_start`): the Sunday before the ISO Monday to the Saturday after it
        return (monday - timedelta(days=1)).isoformat(), (monday + timedelta(days=5)).isoformat()
    m = re.match(r"^(\d{2,4})X*$", value)
    if m:
        digits = m.group(1)
        span = 10 ** (4 - len(digits))
        first = int(digits) * span
        return f"{first:04d}-01-01", f"{first + span - 1:04d}-12-31"
    return None, None
