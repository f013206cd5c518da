"""Calendar dates: month names (Western, Levantine, Hijri), years, days, weekdays, numeric
dates, chains of them, parts of years, periods, decades and centuries."""

from __future__ import annotations

from dataclasses import replace

from helpers.core.calendar import AMBIGUOUS_MONTHS
from helpers.core.calendar import WEEKDAYS as WEEKDAY_NAMES
from helpers.entities.given_names import given_names
from helpers.timeline.timex.base import (
    _CLOCK,
    _MONTH_DAYS,
    _MONTH_SEPARATORS,
    _NUMERIC_SEPARATORS,
    _NUMERIC_XYY,
    _NUMERIC_YMD,
    _YEAR_WORDS,
    HIJRI_YEARS,
    _digits,
    _GrammarBase,
    _merge,
    _Parse,
)
from helpers.timeline.timex.values import When, valid_date
from helpers.timeline.timex.words import read_ordinal


class _DateRules(_GrammarBase):
    """Calendar dates: month names (Western, Levantine, Hijri), years, days, weekdays, numeric"""

    def months(self, i: int, clitic: bool = True):
        """(end, clitic length, calendar 'G'|'H', month, ambiguous) for a month name, or several
        names of one month written together ("أغسطس/ آب", "تشرين أول (أكتوبر)")."""
        hit = self.t.phrase(i, self.lex.phrases["months"], clitic)
        if hit is None:
            return None
        j, (calendar, month), clen = hit
        ambiguous = j == i + 1 and self.t.text(i)[clen:] in AMBIGUOUS_MONTHS
        while calendar == "G":
            k, closing = j, False
            if self.t.text(k) in _MONTH_SEPARATORS:
                k += 1
            elif self.t.text(k) == "(":
                k, closing = k + 1, True
            elif self.t.text(k) == ")" and self.t.text(i - 1) == "(":
                k += 1  # "(نوفمبر) تشرين الثاني 2016"
            other = self.t.phrase(k, self.lex.phrases["months"], clitic=False)
            if other is None or other[1] != ("G", month):
                break
            k = other[0]
            if closing:
                if self.t.text(k) != ")":
                    break
                k += 1
            j, ambiguous = k, False
        return j, clen, calendar, month, ambiguous

    def year_number(self, i: int, hijri: bool = False):
        """(end, year, calendar mark 'G'|'H'|None) of a four-digit year and its mark (م / هـ).
        A year between `HIJRI_YEARS` without a mark is Hijri ('h'); "م" followed by a digit
        (م2، م3: square and cubic metres) is no calendar mark."""
        year = _digits(self.t.text(i), 4)
        if year is None or not 1000 <= year <= 2199:
            return None
        j, mark = i + 1, None
        after = self.t.text(j)
        if after in self.lex.words("gregorian_marks") and not (
            after == "م" and self.t.text(j + 1).isdigit() and self.t.starts[j + 1] == self.t.ends[j]
        ):
            j, mark = j + 1, "G"
        elif after in self.lex.words("hijri_marks"):
            j, mark = j + 1, "H"
        elif HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]:
            mark = "h"
        if (mark in ("H", "h") or hijri) and not 1300 <= year <= 1500:
            return None
        return j, year, mark

    def year_part(self, i: int, hijri: bool = False):
        """(end, year, year relation) of the year after a month: "2021", "، 2021", "عام 2021",
        "من العام الماضي", "من هذا العام"."""
        j = i + 1 if self.t.text(i) in (",", "،") else i
        has_from = self.t.text(j) == "من"
        if has_from:
            j += 1
        if self.t.text(j) in _YEAR_WORDS:
            number = self.year_number(j + 1, hijri)
            if number:
                return number[0], number[1], None
            rel = self.lex.relations.get(self.t.text(j + 1))
            if rel and self.t.text(j).startswith("ال") and (has_from or j == i):
                return j + 2, None, rel  # "من العام الماضي", "يونيو العام الماضي"
            return None
        if (
            has_from
            and self.t.text(j) in self.lex.words("this_demonstratives")
            and self.t.text(j + 1) in _YEAR_WORDS
        ):
            return j + 2, None, "this"
        if has_from:
            same = self.t.phrase(j, self.lex.phrases["anaphoric_years"], clitic=False)
            if same:  # "في 26 يوليو من ذلك العام"
                return same[0], None, "same"
        number = self.year_number(j, hijri)
        if number and not (has_from and number[2] is None and not 1900 <= number[1] <= 2100):
            return number[0], number[1], None  # "أكتوبر 2014", "أكتوبر من 2014 مجتبى فردوسي"
        if not has_from and self.t.text(j) == "(":  # "30 يونيو (2013)"
            number = self.year_number(j + 1, hijri)
            if number and self.t.text(number[0]) == ")":
                return number[0] + 1, number[1], None
        return None

    def day_number(self, i: int, clitic: bool = True):
        """(end, day, clitic length) of a day of the month: 1..31 in digits (after an optional
        ال) or an ordinal word."""
        j = i + 1 if self.t.text(i) == "ال" else i
        day = _digits(self.t.text(j))
        if day is not None and len(self.t.text(j)) <= 2 and 1 <= day <= 31:
            return j + 1, day, 0
        ordinal = read_ordinal(self.t, i, clitic)
        if ordinal and 1 <= ordinal[1] <= 31:
            return ordinal
        return None

    def weekday(self, i: int, clitic: bool = True):
        """(end, weekday, clitic length) of a weekday name. Without the article only after يوم or
        كل; الاثنين "the two", الأحد "the one" and الجمعة the prayer are told apart by the word
        before."""
        hit = self.t.stem_in(i, WEEKDAY_NAMES, clitic)
        if hit is None:
            return None
        clen, stem, day = hit
        previous = self.t.text(i - 1)
        if not stem.startswith("ال") and previous not in ("يوم", "كل"):
            return None
        blockers = self.lex.weekday_blockers.get(stem, ())
        if previous in blockers or (previous == "يوم" and self.t.text(i - 2) in blockers):
            return None
        if clen == 0 and stem.startswith("ال") and given_names().match([previous], 0)[0]:
            return None  # "محمد الخميس", "عبدالله الجمعة": a family name
        return i + 1, day, clen

    def numeric_date(self, i: int):
        """(end, When) of a numeric date: YYYY/MM/DD, DD/MM/YYYY or MM/DD/YYYY, in one token or
        spread over several ("20 / 10 / 1436"), with an optional calendar mark after it (هـ، م).
        A year between `HIJRI_YEARS` is a Hijri year (Saudi pages write 1436/10/20)."""
        t = self.t
        token, j = t.text(i), i + 1
        if not token[:1].isdigit():
            return None
        # "20 / 10 / 1436", "19/ 10/ 1436": digit groups and separators written apart
        while (
            len(token) < 10
            and t.text(j) in _NUMERIC_SEPARATORS
            and t.text(j + 1)[:1].isdigit()
            and t.text(j + 1).isascii()
            and t.starts[j + 1] - t.ends[j - 1] <= 4
        ):
            token, j = token + "/" + t.text(j + 1).replace("-", "/").replace(".", "/"), j + 2
        token = token.replace("-", "/").replace(".", "/") if j > i + 1 else token
        m = _NUMERIC_YMD.match(token)
        if m:
            year, month, day = (int(g) for g in m.groups())
        else:
            m = _NUMERIC_XYY.match(token)
            if not m:
                return None
            a, b, year = (int(g) for g in m.groups())
            day_first = a > 12 or (b <= 12 and self.day_first)
            day, month = (a, b) if day_first else (b, a)
        hijri = HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]
        if t.text(j) in self.lex.words("hijri_marks"):
            if not hijri:
                return None
            j += 1
        elif t.text(j) in self.lex.words("gregorian_marks"):
            if hijri:
                return None
            j += 1
        if not valid_date(year, month, day) if not hijri else not (1 <= month <= 12 and 1 <= day <= 30):
            return None
        return j, When(year=year, month=month, day=day, hijri=hijri)

    def calendar_date(self, i: int, clitic: bool = True, in_range: bool = False):
        """(end, clitic length, When) of a calendar date: a numeric date, day + month [+ year],
        month + day + year, [شهر] month [+ year], or a year ("عام 2011", "منذ 2014")."""
        t = self.t
        numeric = self.numeric_date(i)
        if numeric:
            return numeric[0], 0, numeric[1]
        day = self.day_number(i, clitic)
        if day:
            j = day[0] + (t.text(day[0]) == "من")
            j += t.text(j) == "شهر"
            month = self.months(j, clitic=False)
            if month and day[1] <= _MONTH_DAYS[month[3] - 1 if month[2] == "G" else 12]:
                end, _, calendar, number, _ = month
                when = When(month=number, day=day[1], hijri=calendar == "H")
                return self._with_year(end, day[2], when)
            if t.text(day[0]) == "من":
                period = self.period_rule(day[0] + 1, clitic=False)
                if period and period.when.period == "month":
                    return period.end, day[2], replace(period.when, day=day[1])
        j, clen = i, None
        if t.is_word(i, {"شهر"}, clitic) is not None:
            j, clen = i + 1, t.is_word(i, {"شهر"}, clitic)
        month = self.months(j, clitic=clen is None and clitic)
        if month:
            end, mclen, calendar, number, ambiguous = month
            clen = mclen if clen is None else clen
            when = When(month=number, hijri=calendar == "H")
            day = _digits(t.text(end))
            if day and 1 <= day <= 31 and calendar == "G":  # "يوليو 4, 2025"
                k = end + 1 + (t.text(end + 1) in (",", "،"))
                number_end = self.year_number(k)
                if number_end:
                    when.day, when.year = day, number_end[1]
                    return number_end[0], clen, when
            parsed = self._with_year(end, clen, when)
            has_year = parsed[0] > end
            cue = (
                j > i
                or t.text(i - 1) in self.lex.words("month_cues")
                or t.stem_in(i - 1, self.lex.words("month_cues")) is not None
            )
            related = t.text(end) in self.lex.relations
            if calendar == "H" and not (
                has_year or j > i or related or t.text(end) in self.lex.words("hijri_month_cues")
            ):
                return None
            if ambiguous and not (
                has_year or j > i or related or in_range or (cue and t.text(i)[mclen:] != "اب")
            ):
                return None
            return parsed
        return self.year_alone(i, clitic, in_range)

    def _with_year(self, end: int, clen: int, when: When):
        """Add the year (or year relation) after a month, and الجاري / الماضي after the date."""
        year = self.year_part(end, when.hijri)
        if year:
            end, when.year, when.year_rel = year
            mark = self.t.text(end - 1)
            when.hijri = when.hijri or mark in self.lex.words("hijri_marks")
        elif self.t.text(end) in self.lex.relations:
            when.rel = self.lex.relations[self.t.text(end)]
            end += 1
        return end, clen, when

    def year_alone(self, i: int, clitic: bool = True, in_range: bool = False):
        """(end, clitic length, When) of a year: after عام / سنة, with a calendar mark, in a
        range, or a bare four-digit number after a cue (في، منذ، حتى) when no counted noun
        follows it ("إلى 2000 برميل" is not a year)."""
        t = self.t
        clen = t.is_word(i, _YEAR_WORDS, clitic)
        if clen is not None:
            number = self.year_number(i + 1)
            if number is None:
                return None
            return number[0], clen, When(year=number[1], hijri=number[2] in ("H", "h"))
        number = self.year_number(i)
        if number is None:
            return None
        end, year, mark = number
        if t.text(i - 1) in self.lex.words("number_labels") or self._arithmetic(i):
            return None
        strong = (
            t.stem_in(i - 1, self.lex.words("year_cues")) is not None
            or t.text(i - 1) == "و"
            and _digits(t.text(i - 2), 4) is not None
        )
        if mark == "G" and t.text(end - 1) == "م" and year < 1800 and not strong:
            return None  # "بطول (1250م)": metres
        if mark in ("G", "H") or in_range:
            return end, 0, When(year=year, hijri=mark in ("H", "h"))
        if not (1900 <= year <= 2100 or mark == "h"):
            return None
        weak = t.stem_in(i - 1, self.lex.words("year_cues_weak")) is not None
        counted = self._counted_noun(end)
        # a counted noun shaped like one (عينة، دولارا) after the number: "في 1920 عينة"
        noun_shaped = self._noun_shaped(end)
        if (strong and not noun_shaped and (year % 100 or not counted)) or (weak and not counted):
            return end, 0, When(year=year, hijri=mark == "h")
        return None

    def date_chain(self, i: int, in_range: bool = False):
        """`read_date_chain`, remembered per position (ranges and modifiers read it again)."""
        key = (i, in_range)
        if key not in self._chains:
            self._chains[key] = self.read_date_chain(i, in_range)
        return self._chains[key]

    def read_date_chain(self, i: int, in_range: bool = False):
        """A day named in any combination: [part of day] [يوم] [relative day] [weekday]
        [الموافق] [calendar date] [relation] [time] — "أول أمس الثلاثاء 12 تشرين أول (أكتوبر)
        الحالي", "مساء الأربعاء الموافق 13 أكتوبر", "السبت 17 يوليو/تموز 2021 الساعة 16:45"."""
        t, lex = self.t, self.lex
        when = When()
        j, clen = i, None
        pod = t.stem_in(j, lex.table("parts_of_day"))
        if pod:
            when.time, clen, j = pod[2], pod[0], j + 1
        day_word = t.is_word(j, {"يوم"}, clitic=clen is None)
        if day_word is not None:
            clen = day_word if clen is None else clen
            j += 1
        named = False
        night = t.phrase(j, lex.phrases["relative_times"], clitic=clen is None)
        if night and when.time is None:
            (when.shift, when.time), clen, j, named = night[1], night[2], night[0], True
        relative = None if named else t.phrase(j, lex.phrases["relative_days"], clitic=clen is None)
        if relative and self._bad_relative(j, relative, bound=clen is None):
            relative = None
        if relative and not (
            relative[1] == -1
            and t.text(relative[0]) in lex.words("not_after_yesterday")
            or relative[1] == 1
            and self._adjective_follows(relative[0])
        ):
            when.shift = relative[1]
            clen = relative[2] if clen is None else clen
            j, named = relative[0], True
            # "أمس (الثلاثاء)", "اليوم (الخميس)", "اليوم، الخميس"
            inner = self.weekday(j + 1, clitic=False) if t.text(j) in ("(", "،", ",") else None
            if inner and t.text(j) == "(" and t.text(inner[0]) == ")":
                when.weekday, j = inner[1], inner[0] + 1
            elif inner and t.text(j) != "(":
                when.weekday, j = inner[1], inner[0]
        weekday = None if when.weekday is not None else self.weekday(j, clitic=clen is None)
        if weekday:
            when.weekday = weekday[1]
            clen = weekday[2] if clen is None else clen
            j, named = weekday[0], True
            if t.text(j) in lex.relations:
                when.rel, j = lex.relations[t.text(j)], j + 1
            week = self.period_rule(j + 1, clitic=False) if t.text(j) == "من" else None
            if week and week.when.period == "week":  # "الثلاثاء من الأسبوع الماضي"
                when.period, when.rel, j = "week", week.when.rel, week.end
        # "الأربعاء الموافق 13 أكتوبر", "الجمعة، 4 يوليو 2025"
        joined = t.text(j) in lex.words("equivalence") or (
            when.weekday is not None and t.text(j) in (",", "،", "(")
        )
        k = j + 1 if named and joined else j
        calendar = self.calendar_date(k, clitic=clen is None, in_range=in_range)
        if calendar and (k > j or when.shift is not None) and calendar[2].month is None:
            calendar = None  # "في اليوم عام 2023": a day is not named by a year alone
        if calendar and t.text(j) == "(":  # "السبت (17 تموز 2021)"
            calendar = (calendar[0] + 1, calendar[1], calendar[2]) if t.text(calendar[0]) == ")" else None
        if calendar:
            end, cclen, date_when = calendar
            clen = cclen if clen is None else clen
            _merge(when, date_when)
            j, named = end, True
            j = self._equivalent(j, when)
        if not named or (
            when.shift == 0
            and when.weekday is None
            and when.month is None
            and when.year is None
            and when.time is None
        ):
            return None  # "اليوم" alone is a vague reference
        j = self._time_after(j, when)
        type_ = "TIME" if when.time else "DATE"
        return _Parse(j, clen or 0, type_, when)

    def _equivalent(self, j: int, when: When) -> int:
        """Consume a second name of the same date ("... الموافق 6 أبريل 2022", "(6 أبريل)")
        and keep the Gregorian one."""
        t = self.t
        k, closing = j, False
        if t.text(k) in self.lex.words("equivalence"):
            k += 1
        elif t.text(k) == "(":
            k, closing = k + 1, True
        else:
            return j
        other = self.calendar_date(k, clitic=False)
        if other is None:
            return j
        end = other[0]
        if closing:
            if t.text(end) != ")":
                return j
            end += 1
        second = other[2]
        if when.hijri and not second.hijri and second.month is not None:
            when.year, when.month, when.day, when.hijri = second.year, second.month, second.day, False
        return end

    def _time_after(self, j: int, when: When) -> int:
        """Consume a clock time or a part-of-day adverb after a day ("الساعة 16:45", "صباحا")."""
        t = self.t
        k = j + 1 if t.text(j) in self.lex.words("hour_words") else j
        clock = _CLOCK.match(t.text(k))
        if clock and (k > j or when.month is not None or when.weekday is not None):
            hour, minute = int(clock.group(1)), int(clock.group(2))
            k, hour, _ = self._clock_tail(k + 1, hour)
            if hour < 24 and minute < 60:
                when.time = f"{hour:02d}:{minute:02d}"
                return self._zone(k)
        adverb = self.lex.table("part_of_day_adverbs").get(t.text(j))
        if adverb and when.time is None:
            when.time = adverb
            return j + 1
        return j

    def coordinated_day(self, i: int):
        """The first of two days joined by و ("10 و11 مايو"): its month and year come from the
        second, which the next rule reads on its own."""
        day = self.day_number(i)
        if day is None or self.t.text(day[0]) != "و":
            return None
        right = self.date_chain(day[0] + 1)
        if right is None or right.when.day is None or right.when.month is None:
            return None
        return _Parse(day[0], day[2], right.type, replace(right.when, day=day[1], weekday=None, time=None))

    def part_of_year(self, i: int):
        """A season or a half / quarter of a year: "صيف 2021", "الشتاء الماضي", "النصف الأول من
        العام الجاري" (2022-H1), "الربع الأخير من 2021" (2021-Q4)."""
        t, lex = self.t, self.lex
        season = t.stem_in(i, lex.table("seasons"))
        definite = season is None and t.stem_in(i, {"ال" + s: c for s, c in lex.table("seasons").items()})
        if season or definite:
            clen, _, code = season or definite
            when = When(part=code)
            j = i + 1
        else:
            half = t.stem_in(i, lex.table("year_parts"))
            if half is None:
                return None
            clen, _, code = half
            parts = 2 if code == "H" else 4
            if t.text(i + 1) in lex.words("last_ordinals"):
                number, j = parts, i + 2
            else:
                ordinal = read_ordinal(t, i + 1, clitic=False)
                if ordinal is None or not 1 <= ordinal[1] <= parts:
                    return None
                number, j = ordinal[1], ordinal[0]
            if t.text(j) != "من":
                return None
            when = When(part=f"{code}{number}")
            j += 1
        if definite:
            rel = lex.relations.get(t.text(j))
            if rel is None:
                return None
            when.rel = rel
            return _Parse(j + 1, clen, "DATE", when)
        year = self.year_alone(j, clitic=False, in_range=True)
        if year:
            when.year = year[2].year
            return _Parse(year[0], clen, "DATE", when)
        period = self.period_rule(j, clitic=False)
        if period and period.when.period == "year":
            when.year_rel = period.when.rel
            return _Parse(period.end, clen, "DATE", when)
        return None

    def yearly(self, j: int) -> bool:
        """True when "كل عام", "كل سنة" or "سنويا" follows token j in its sentence (up to twelve
        words on): the date before recurs every year."""
        t = self.t
        for k in range(j, j + 12):
            if k > j and t.boundary_before(k):
                return False
            if t.stem_in(k, self.lex.words("yearly_words")) is not None:
                return True
            if (
                t.is_word(k, self.lex.words("set_every"), clitic=True) is not None
                and t.text(k + 1) in _YEAR_WORDS
            ):
                return True
        return False

    def period_rule(self, i: int, clitic: bool = True):
        """ "الشهر الماضي", "العام المقبل", "هذا الأسبوع", "القرن الماضي". العام after a noun
        such as الأمين means "general" and is left alone."""
        t, lex = self.t, self.lex
        periods = lex.table("periods")
        demonstrative = t.is_word(i, lex.words("this_demonstratives"), clitic)
        if demonstrative is not None and t.text(i + 1) in periods:
            if t.text(i + 1) in lex.words("ambiguous_unit_words") or periods[t.text(i + 1)] == "decade":
                return None  # "هذا العقد": this contract
            return _Parse(i + 2, demonstrative, "DATE", When(period=periods[t.text(i + 1)], rel="this"))
        hit = t.stem_in(i, periods, clitic)
        rel = lex.relations.get(t.text(i + 1))
        if hit is None or rel is None or t.text(i - 1) in lex.words("general_heads"):
            return None
        return _Parse(i + 2, hit[0], "DATE", When(period=hit[2], rel=rel))

    def decade_rule(self, i: int, clitic: bool = True):
        """ "التسعينيات", "عقد الثمانينيات", "تسعينيات القرن الماضي" -> 199X."""
        t = self.t
        j = i + 1 if t.is_word(i, {"عقد"}, clitic) is not None else i
        hit = t.stem_in(j, self.lex.decades, clitic and j == i)
        if hit is None:
            return None
        clen = hit[0] if j == i else t.is_word(i, {"عقد"}, clitic)
        if t.text(j + 1) == "من" and t.text(j + 2).removeprefix("ال").startswith("عمر"):
            return None  # "في العشرينات من العمر": an age
        when = When(decade=hit[2], century=19)
        k = j + 1 + (t.text(j + 1) == "من")
        century = self.century_rule(k, clitic=False)
        end = j + 1
        if century:
            end = century.end
            when.century = century.when.century
            when.century_rel = century.when.rel
        return _Parse(end, clen, "DATE", when)

    def century_rule(self, i: int, clitic: bool = True):
        """ "القرن العشرين" -> 19XX, "القرن الحادي والعشرين" -> 20XX, "القرن الماضي"."""
        t = self.t
        hit = t.stem_in(i, self.lex.words("century_words"), clitic)
        if hit is None:
            return None
        ordinal = read_ordinal(t, i + 1, clitic=False)
        number = _digits(t.text(i + 1))
        if ordinal and 1 <= ordinal[1] <= 30:
            return _Parse(ordinal[0], hit[0], "DATE", When(century=ordinal[1] - 1))
        if number and 1 <= number <= 30:
            return _Parse(i + 2, hit[0], "DATE", When(century=number - 1))
        rel = self.lex.relations.get(t.text(i + 1))
        if rel:
            return _Parse(i + 2, hit[0], "DATE", When(period="century", rel=rel))
        return None
