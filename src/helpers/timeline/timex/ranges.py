"""Ranges between two dates or times ("من ... إلى ...", "بين ... و ...", 1436-1437)."""

from __future__ import annotations

from dataclasses import replace

from helpers.timeline.timex.base import (
    _DASH_PAIR,
    _fill_range,
    _GrammarBase,
    _Parse,
)
from helpers.timeline.timex.values import When


class _RangeRules(_GrammarBase):
    """Ranges between two dates or times ("من ... إلى ...", "بين ... و ...", 1436-1437)."""

    def range_(self, i: int):
        """ "من 10 إلى 20 أغسطس", "10-20 أغسطس", "بين 10 و20 أغسطس", "من إبريل إلى يونيو
        2022", "من 1992 إلى 1997", "بين عامي 1992 و1997": one interval, missing fields of the
        left end taken from the right end."""
        t = self.t
        opener = t.phrase(i, self.lex.phrases["range_open"])
        j, clen = (opener[0], opener[2]) if opener else (i, 0)
        between = opener is not None and t.text(opener[0] - 1) == "بين"
        pair = self.dash_pair(j)
        if pair:
            return _Parse(pair[0], clen, "DATE", pair[1], pair[2])
        left = self.range_end(j)
        if left is None:
            return None
        k = left[0]
        if t.text(k) == "/" and left[1].year is not None and left[1].month is None:
            right = self.year_alone(k + 1, clitic=False, in_range=True)  # "العام الجامعي 1436/ 1437هـ"
            if right and right[2].year == left[1].year + 1:
                hijri = left[1].hijri or right[2].hijri
                return _Parse(
                    right[0],
                    clen if opener else 0,
                    "DATE",
                    replace(left[1], hijri=hijri),
                    replace(right[2], hijri=hijri),
                )
            return None
        if between:
            if t.text(k) != "و":
                return None
            k += 1
        elif t.text(k) in self.lex.words("range_to") or t.text(k) in self.lex.words("range_dash"):
            k += 1
        else:
            return None
        right = self.date_chain(k, in_range=True)
        if right is None:
            return None
        start, end = _fill_range(left[1], right.when)
        if start is None:
            return None
        if opener is None and left[1].month is None and left[1].year is None and left[1].weekday is None:
            return None  # "10 إلى 20 أغسطس" needs من / بين
        if start.month is None and end.month is None and self._counted_noun(right.end):
            return None  # "من 1500 إلى 2000 جندي"
        type_ = "TIME" if start.time or end.time else "DATE"
        return _Parse(right.end, clen if opener else 0, type_, start, end)

    def range_end(self, i: int):
        """(end, When) of the left end of a range: a full date, or a day, month or year alone."""
        chain = self.date_chain(i, in_range=True)
        if chain:
            return chain.end, chain.when
        day = self.day_number(i, clitic=False)
        if day:
            return day[0], When(day=day[1])
        return None

    def dash_pair(self, i: int):
        """(end, start When, end When) of "10-20 أغسطس" or "1992-1997"."""
        m = _DASH_PAIR.match(self.t.text(i))
        if not m:
            return None
        a, b = int(m.group(1)), int(m.group(2))
        if (
            len(m.group(1)) == 4
            and len(m.group(2)) == 4
            and 1000 <= a < b <= 2199
            and not self._counted_noun(i + 1)
        ):
            return i + 1, When(year=a), When(year=b)
        if len(m.group(1)) <= 2 and len(m.group(2)) <= 2 and 1 <= a < b <= 31:
            month = self.months(i + 1, clitic=False)
            if month is None:
                return None
            end, _, calendar, number, _ = month
            end, _, right = self._with_year(end, 0, When(month=number, day=b, hijri=calendar == "H"))
            return end, replace(right, day=a), right
        return None

    def _bad_relative(self, j: int, relative, bound: bool) -> bool:
        """True when a relative-day word at token j is no day: غد without a part of the day or
        يوم before it ("غد أفضل"), or أمس with a proclitic other than و / ف ("لامس": touched)."""
        word = self.t.text(j)[relative[2] :]
        if bound and relative[0] == j + 1 and word in self.lex.words("bound_relative_days"):
            return True
        if word == "اليوم" and self.t.text(relative[0]) in ("الذي", "التي", "الذى"):
            return True  # "صبيحة اليوم الذي يجتمع فيه الوزراء": the day when, not today
        if word == "الامس" and self._adjective_follows(relative[0]):
            return True  # "في الأمس المشرق", "الأمس القريب": the past
        clitic = self.t.text(j)[: relative[2]]
        return word == "امس" and clitic not in ("", "و", "ف")
