"""Durations and sets: counted units (لمدة أسبوعين، عامين ونصف), framed durations (خلال الأشهر
الستة الماضية), definite counts, "ago" expressions, "within" periods and repeated times."""

from __future__ import annotations

import re

from helpers.timeline.timex.base import (
    _ANOTHER,
    _WHOLE_WORDS,
    _digits,
    _duration_value,
    _GrammarBase,
    _Parse,
    _whole,
)
from helpers.timeline.timex.values import When
from helpers.timeline.timex.words import read_cardinal, stems


class _DurationRules(_GrammarBase):
    """Durations and sets: counted units (لمدة أسبوعين، عامين ونصف), framed durations (خلال الأشهر"""

    def count_unit(self, i: int, clitic: bool, single: bool):
        """(end, count, unit code, clitic length) of "20 عاما", "خمسة أيام", "عامين", "نصف
        ساعة", "عام ونصف", and with `single` a lone singular unit ("عام")."""
        t, lex = self.t, self.lex
        number = read_cardinal(t, i, clitic)
        fraction = t.stem_in(i, lex.table("fractions"), clitic)
        if number:
            j, count, clen = number
            if t.text(i - 1) in lex.words("number_labels"):
                return None
            unit = lex.units.get(t.text(j))
            if unit is None or unit[1] == "dual" or count == 0:
                return None
            if t.text(j) in lex.words("ambiguous_unit_words") and not (single or self._of_time(j + 1)):
                return None  # "لدينا 31 عقدا": contracts, unless "على مدى ثلاثة عقود"
            if t.text(j) == "يوم" and self.calendar_date(j + 1, clitic=False) is not None:
                return None  # "على الرحلة 127 يوم 6 يوليو": a flight number, then a day
            code, end = unit[0], j + 1
        elif fraction and lex.units.get(t.text(i + 1), ("", ""))[1] == "singular":
            clen, count, code, end = fraction[0], fraction[2], lex.units[t.text(i + 1)][0], i + 2
        else:
            hit = t.stem_in(i, lex.units, clitic)
            if hit is None:
                return None
            clen, word, (code, form) = hit
            follower = t.text(i + 1)
            if word in lex.words("ambiguous_unit_words") and not (single or self._of_time(i + 1)):
                return None  # "عقدين" two contracts, unless "عقدين من الزمن"
            if form == "dual":
                count, end = 2, i + 1
            elif form == "singular" and (single or follower in _WHOLE_WORDS or follower == "ونصف"):
                if _digits(follower, 4) is not None or self.months(i + 1, clitic=False):
                    return None  # "عام 2011", "شهر يونيو" are dates
                count, end = 1, i + 1 + (follower in _WHOLE_WORDS)
            else:
                return None
        half = t.text(end) == "ونصف" or (t.text(end) == "و" and t.text(end + 1) == "نصف")
        if half and count >= 1:
            count, end = count + 0.5, end + (1 if t.text(end) == "ونصف" else 2)
        return end, count, code, clen

    def duration(self, i: int):
        """ "خمسة أيام", "20 عاما", "لعشرين عاماً", "عامين", "العامين المقبلين", "الأيام الثلاثة
        الماضية", "مرور عام", "نحو شهر" (APPROX), "أكثر من عام" (MORE_THAN)."""
        t, lex = self.t, self.lex
        cue = t.phrase(i, lex.phrases["duration_cues"])
        j, mod = (cue[0], cue[1]) if cue else (i, None)
        counted = self.count_unit(j, clitic=cue is None, single=cue is not None)
        if counted:
            end, count, code, clen = counted
            value = _duration_value(count, code)
            more = None
            if t.text(end) == "و":  # "ساعتين و 30 دقيقة"
                more = self.count_unit(end + 1, clitic=False, single=False)
            elif t.text(end).startswith("و"):
                more = self.count_unit(end, clitic=True, single=False)
            joined = _add_durations(value, _duration_value(more[1], more[2])) if more else None
            if joined:  # "عامين وثمانية أشهر": P2Y8M
                end, value = more[0], joined
            return _Parse(end, cue[2] if cue else clen, "DURATION", value=value, mod=mod)
        if cue:
            return None
        return self.framed_duration(i)

    def framed_duration(self, i: int):
        """A definite dual or plural unit, with a number, framed by الماضية / المقبلة / الأخيرة:
        "العامين المقبلين", "الأيام الثلاثة الماضية", "السنوات العشر الأخيرة"."""
        t, lex = self.t, self.lex
        frames = lex.words("duration_frames")
        for clen, stem in stems(t.text(i)):
            unit = lex.units.get(stem[2:]) if stem.startswith("ال") else None
            if unit is None or unit[1] == "singular":
                continue
            if unit[1] == "dual" and t.text(i + 1) in frames:
                return _Parse(i + 2, clen, "DURATION", value=_duration_value(2, unit[0]))
            k = i + 1 + (t.text(i + 1) == "ال")  # "الساعات الـ24 الماضية"
            number = lex.cardinals.get(t.text(k).removeprefix("ال")) or _digits(t.text(k))
            if unit[1] == "plural" and number and t.text(k + 1) in frames:
                return _Parse(k + 2, clen, "DURATION", value=_duration_value(number, unit[0]))
        return None

    def definite_count(self, i: int):
        """ "الاثني عشر شهرا الماضية", "الخمسة أيام الماضية": a definite number word, its unit
        and a frame (الماضية / المقبلة / الأخيرة)."""
        t, lex = self.t, self.lex
        word = t.text(i)
        for clen, stem in stems(word):
            if not stem.startswith("ال"):
                continue
            bare = stem[2:]
            count = lex.cardinals.get(bare)
            j = i + 1
            if bare in lex.teen_units and t.text(j) in lex.words("teen_tens"):
                count, j = 10 + lex.teen_units[bare], j + 1
            elif count is not None and count < 10 and t.text(j) in lex.words("teen_tens"):
                count, j = count + 10, j + 1
            unit = lex.units.get(t.text(j))
            if count and unit and unit[1] != "dual" and t.text(j + 1) in lex.words("duration_frames"):
                return _Parse(j + 2, clen, "DURATION", value=_duration_value(count, unit[0]))
        return None

    def ago(self, i: int):
        """ "قبل ثلاثة أيام", "بعد عامين", "قبل أكثر من عامين" (MORE_THAN): a date counted from the
        anchor; "بعد عامين من الحرب" counts from an event and is a duration."""
        t = self.t
        hit = t.stem_in(i, self.lex.table("ago_words"))
        if hit is None:
            return None
        # "قبل أكثر من عامين", "قبل نحو أسبوع"; after بعد such a phrase mostly counts from the
        # story's events ("بعد نحو عشرين دقيقة نجحت الشرطة"), so it stays a duration
        cue = t.phrase(i + 1, self.lex.phrases["duration_cues"], clitic=False) if hit[2] < 0 else None
        j, mod = (cue[0], cue[1]) if cue and cue[1] else (i + 1, None)
        counted = self.count_unit(j, clitic=False, single=True)
        if counted is None:
            return None
        end, count, code, _ = counted
        if self.lex.units.get(t.text(i - 1), ("",))[0] == code:
            return None  # "يوما بعد يوم", "عاما بعد عام": little by little
        if count > 1000:
            return None
        if t.text(end) in self.lex.words("event_ties"):
            return _Parse(end, 0, "DURATION", value=_duration_value(count, code), first=i + 1, mod=mod)
        if hit[2] > 0 and (t.text(end) in _ANOTHER or self.tense(i, end) == "past"):
            # "وبعد ثلاثة عقود أخرى أتت الطائرة": counted from the story's last event, not the anchor
            return _Parse(end, 0, "DURATION", value=_duration_value(count, code), first=i + 1, mod=mod)
        count, code = _whole(count, code)
        if count != int(count):
            return None
        if mod in ("MORE_THAN", "LESS_THAN"):  # "قبل أكثر من عامين": before that date (TIMEX3)
            mod = "BEFORE" if (mod == "MORE_THAN") == (hit[2] < 0) else "AFTER"
        return _Parse(end, hit[0], "DATE", When(ago=(hit[2] * int(count), code)), mod=mod)

    def within(self, i: int):
        """ "في وقت سابق من هذا الشهر", "في وقت لاحق اليوم": the period or day itself."""
        hit = self.t.phrase(i, self.lex.phrases["within_period"])
        if hit is None:
            return None
        j = hit[0] + (self.t.text(hit[0]) == "من")
        if self.t.text(j) == "اليوم":
            return _Parse(j + 1, hit[2], "DATE", When(shift=0))
        inner = self.period_rule(j, clitic=False) or self.date_chain(j)
        if inner is None:
            return None
        return _Parse(inner.end, hit[2], "DATE", inner.when)

    def set_rule(self, i: int):
        """ "يوميا", "كل عام", "كل ثلاثة أشهر", "كل يوم جمعة": TIMEX3 SET."""
        t = self.t
        hit = t.phrase(i, self.lex.phrases["sets"])
        every = t.is_word(i, self.lex.words("set_every"), clitic=True)
        if every is not None:
            j = i + 1 + (t.text(i + 1) == "يوم")
            weekday = self.weekday(j, clitic=False)
            if weekday:
                return _Parse(weekday[0], every, "SET", value=f"XXXX-WXX-{weekday[1] + 1}")
            counted = self.count_unit(i + 1, clitic=False, single=False)
            if counted:
                return _Parse(counted[0], every, "SET", value=_duration_value(counted[1], counted[2]))
        if hit:
            return _Parse(hit[0], hit[2], "SET", value=hit[1])
        return None


_DURATION_PARTS = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$")


def _add_durations(larger: str, smaller: str) -> str | None:
    """One TIMEX3 duration of two joined by و ("P2Y" + "P8M" -> "P2Y8M", "PT2H" + "PT30M" ->
    "PT2H30M"), or None when the second is not of smaller units only (weeks, fractions)."""
    a, b = _DURATION_PARTS.match(larger), _DURATION_PARTS.match(smaller)
    if not a or not b:
        return None
    first = [k for k, v in enumerate(a.groups()) if v]
    second = [k for k, v in enumerate(b.groups()) if v]
    if not first or not second or min(second) <= max(first):
        return None
    parts = [x or y for x, y in zip(a.groups(), b.groups(), strict=True)]
    date_part = "".join(f"{v}{u}" for v, u in zip(parts[:3], "YMD", strict=True) if v)
    time_part = "".join(f"{v}{u}" for v, u in zip(parts[3:], "HM", strict=True) if v)
    return "P" + date_part + ("T" + time_part if time_part else "")
