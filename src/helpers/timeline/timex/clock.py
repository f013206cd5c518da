"""Clock times: digits and number words, the 12-hour clock by the part of the day, time zones."""

from __future__ import annotations

import re
from dataclasses import replace

from helpers.timeline.timex.base import (
    _CLOCK,
    _CLOCK_DOT,
    _CLOCK_FRACTIONS,
    _GrammarBase,
    _Parse,
    _twelve_hour,
)
from helpers.timeline.timex.values import When
from helpers.timeline.timex.words import read_cardinal, read_ordinal


class _ClockRules(_GrammarBase):
    """Clock times: digits and number words, the 12-hour clock by the part of the day, time zones."""

    def clock(self, i: int):
        """ "الساعة 16:45", "الساعة العاشرة صباحا", "16:45 بتوقيت غرينتش": a time on the anchor's day."""
        t, lex = self.t, self.lex
        hour_word = t.is_word(i, lex.words("hour_words"), clitic=True)
        j = i + 1 if hour_word is not None else i
        clock = _CLOCK.match(t.text(j))
        if clock is None and (hour_word is not None or t.text(j + 1) in lex.words("timezone_words")):
            clock = _CLOCK_DOT.match(t.text(j))  # "الساعة 1.30 توقيت غرينتش"
        if clock:
            hour, minute, j = int(clock.group(1)), int(clock.group(2)), j + 1
        elif hour_word is not None:
            number = read_ordinal(t, j, clitic=False) or read_cardinal(t, j, clitic=False)
            if number is None or not 1 <= number[1] <= 12:
                return None
            hour, minute, j = number[1], 0, number[0]
            if t.text(j) in _CLOCK_FRACTIONS:  # "الساعة الثامنة والربع مساء"
                minute, j = _CLOCK_FRACTIONS[t.text(j)], j + 1
            elif t.text(j) == "و" and "و" + t.text(j + 1) in _CLOCK_FRACTIONS:
                minute, j = _CLOCK_FRACTIONS["و" + t.text(j + 1)], j + 2
            if t.text(j) not in lex.table("part_of_day_adverbs") and self._day_part(j) is None:
                return None
        else:
            return None
        after = t.text(j)
        if (
            hour_word is None
            and after not in lex.table("part_of_day_adverbs")
            and after not in lex.words("timezone_words")
        ):
            return None
        j, hour, day_at = self._clock_tail(j, hour)
        if hour >= 24 or minute >= 60:
            return None
        time = f"{hour:02d}:{minute:02d}"
        day = self.date_chain(day_at) if day_at is not None else None
        if (
            day
            and day.type in ("DATE", "TIME")  # TIME: a part of the day ("صباح أمس")
            and (day.when.day is not None or day.when.weekday is not None or day.when.shift is not None)
        ):
            # "الساعة العاشرة من صباح اليوم (الخميس)", "الساعة 12:46 صباح أمس", "الساعة الثالثة
            # فجرا من يوم الأحد 27 يوليو 2008": the time of that day
            when = replace(day.when, time=time)
            return _Parse(self._zone(day.end), hour_word or 0, "TIME", when, day.until)
        relative = None if day_at is None else t.phrase(day_at, lex.phrases["relative_days"], clitic=False)
        if relative:  # "الساعة العاشرة مساء اليوم": a bare اليوم after a clock time is the day
            return _Parse(self._zone(relative[0]), hour_word or 0, "TIME", When(shift=relative[1], time=time))
        return _Parse(self._zone(j), hour_word or 0, "TIME", When(shift=None, time=time, floating=True))

    def _day_part(self, k: int) -> tuple[str, int, int] | None:
        """A part of a day at token k that a clock time can take: "من صباح ..." or "صباح" before a
        named day ("صباح أمس", "صباح يوم الأحد"). (TIMEX3 part, token of the part, token after
        it) or None."""
        t, lex = self.t, self.lex
        start = k + 1 if t.text(k) == "من" else k
        part = t.stem_in(start, lex.table("parts_of_day"), clitic=False)
        if part is None:
            return None
        named_day = (
            t.phrase(start + 1, lex.phrases["relative_days"], clitic=False)
            or t.text(start + 1) in ("يوم", "يومي")
            or self.weekday(start + 1, clitic=False) is not None
        )
        return (part[2], start, start + 1) if start > k or named_day else None

    def _clock_tail(self, k: int, hour: int) -> tuple[int, int, int | None]:
        """What follows a clock time at token k: a part of the day that sets the 12-hour clock
        ("مساء", "ليلا"), or a part of a named day ("من عصر اليوم", "صباح أمس"). (token after
        it, hour on the 24-hour clock, token where the day it names may start, or None)."""
        t, lex = self.t, self.lex
        word = t.text(k)
        if word in lex.table("part_of_day_adverbs"):
            hour, k = _twelve_hour(hour, lex.table("part_of_day_adverbs")[word]), k + 1
            return k, hour, k + 1 if t.text(k) == "من" else k  # "مساء اليوم", "فجرا من يوم الأحد"
        part = self._day_part(k)
        if part is None:
            return k, hour, k + 1 if word == "من" else None
        return part[2], _twelve_hour(hour, part[0]), part[1]  # the day's parse starts at its part

    def _zone(self, j: int) -> int:
        """Token after a time zone at token j ("بتوقيت غرينتش", "توقيت مكة المكرمة", "GMT")."""
        t, lex = self.t, self.lex
        if t.text(j) not in lex.words("timezone_words"):
            return j
        if t.text(j) in ("gmt", "utc"):
            return j + 1
        k = j + 1
        if t.text(k) in ("(", "«"):
            return j + 1
        return k + 1 if re.match(r"^[\u0621-\u064aa-z]+$", t.text(k)) else j + 1
