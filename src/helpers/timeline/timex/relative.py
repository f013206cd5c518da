"""Relative and anaphoric expressions: today / yesterday / tomorrow and their parts of day, the
news-day reading of اليوم, vague references, modifiers (أوائل، منتصف، أواخر), anaphoric days."""

from __future__ import annotations

from helpers.core.words import PRONOUN_SUFFIXES
from helpers.timeline.timex.base import (
    _CLOSING_QUOTES,
    _COUNT_WORDS,
    _NO_LONGER,
    _OPENING_QUOTES,
    _STARTING,
    _GrammarBase,
    _Parse,
)
from helpers.timeline.timex.values import When
from helpers.timeline.timex.words import stems


class _RelativeRules(_GrammarBase):
    """Relative and anaphoric expressions: today / yesterday / tomorrow and their parts of day, the"""

    def vague(self, i: int):
        """ "في وقت سابق", "الآن", "حتى الآن", "مستقبلا": PAST_REF / PRESENT_REF / FUTURE_REF.
        اليوم before an adjective is a named day ("اليوم الوطني"); اليوم alone is the news day,
        "nowadays", "per day", "all day" or a newspaper's name (`_today`)."""
        hit = self.t.phrase(i, self.lex.phrases["vague"])
        if hit is None or (hit[0] == i + 1 and self._adjective_follows(hit[0])):
            return None
        if self.t.text(i)[hit[2] :] == "قريبا" and self.t.text(hit[0]) == "من":
            return None  # "ارتفعت قريبا من 51 دولارا": near, not soon
        if hit[0] == i + 1 and self.t.text(i)[hit[2] :] == "اليوم":
            kind = self._today(i, hit[2])
            if kind is None:
                return None
            if kind == "day":
                return _Parse(i + 1, hit[2], "DATE", When(shift=0))
            if kind == "per_day":  # "مليون برميل في اليوم"
                return _Parse(i + 1, 0, "SET", value="P1D", first=i - 1)
            if kind == "whole_day":  # "طوال اليوم"
                return _Parse(i + 1, 0, "DURATION", value="P1D", first=i - 1)
        return _Parse(hit[0], hit[2], "DATE", value=hit[1])

    def _today(self, i: int, clen: int) -> str | None:
        """What اليوم at token i is: 'day' (the news day: "أعلن الجيش اليوم", "في بيان اليوم",
        "سيخضع له اليوم", "تقام اليوم"), 'present' (nowadays: "تتمتع البلاد اليوم", "قال إن
        العالم اليوم يواجه", "أصبح اليوم"), 'per_day' ("برميل في اليوم"), 'whole_day' ("طوال
        اليوم"), or None: no time ("صحيفة «اليوم»", "عين اليوم", "سيأتي اليوم الذي").
        Without a cue it stays 'present', as before."""
        t, lex = self.t, self.lex
        before, after = t.text(i - 1), t.text(i + 1)
        if clen == 0 and (before in _OPENING_QUOTES and after in _CLOSING_QUOTES):
            return None  # «اليوم», (اليوم): a newspaper
        if after in _CLOSING_QUOTES and any(
            t.text(k) in _OPENING_QUOTES and self._same_sentence(k, i) for k in range(i - 3, i - 1)
        ):
            return None  # «روسيا اليوم»: a name
        name_head = i - 1 - (before in _OPENING_QUOTES)
        if t.stem_in(name_head, lex.words("today_name_heads")) is not None:
            return None
        if after in ("الذي", "التي", "الذى"):
            return None  # "سيأتي اليوم الذي ..." (the day when)
        if before in ("طوال", "طيلة") and clen == 0:
            return "whole_day"
        if (
            before == "في"
            and clen == 0
            and any(
                any(c.isdigit() for c in t.text(k)) or t.text(k) in lex.cardinals or t.text(k) in _COUNT_WORDS
                for k in range(i - 6, i - 1)
            )
        ):
            return "per_day"
        sentence = [k for k in range(i - 1, max(-1, i - 13), -1) if self._same_sentence(k, i)]
        near = [k for k in range(i - 3, i + 3) if k != i and self._same_sentence(k, i)]
        if any(t.stem_in(k, lex.words("became_verbs")) is not None for k in near):
            return "present"
        if any(t.text(k) in ("لم", "ولم", "فلم") and t.text(k + 1) in _NO_LONGER for k in near):
            return "present"  # "الذين لم يعودوا اليوم أعداء"
        if any(t.text(k).endswith("الامس") for k in sentence):
            return "present"  # "ضحية الأمس ... اليوم"
        if (
            before in lex.words("this_demonstratives")
            or before in ("لهذا", "بهذا")
            or before == "من"
            and t.text(i - 2) in _STARTING
        ):
            return "day"  # "لهذا اليوم", "بدءا من اليوم"
        if (
            after in lex.table("part_of_day_adverbs")
            or after in ("وغدا", "غدا")
            or t.is_word(i + 1 + (after == "عند"), lex.words("hour_words")) is not None
        ):
            return "day"  # "اليوم مساء", "اليوم وغدا", "اليوم عند الساعة الثامنة"
        for n, k in enumerate(sentence):
            if t.text(k) in ("ان", "لان"):
                break  # "قال إن العالم اليوم ...": the clause of اليوم has no verb before it
            if n < 4 and self._event_noun(k):
                return "day"
            if self._cue(k) is not None or t.stem_in(k, lex.words("event_verbs")) is not None:
                return "day"
        return "present"

    def _event_noun(self, k: int) -> bool:
        """True when token k is an event noun (`event_nouns`), also with a pronoun suffix
        ("تدريباتهم")."""
        nouns = self.lex.words("event_nouns")
        for _, stem in stems(self.t.text(k)):
            if stem in nouns or any(stem.endswith(p) and stem[: -len(p)] in nouns for p in PRONOUN_SUFFIXES):
                return True
        return False

    def anaphora(self, i: int):
        """ "ذلك اليوم", "يومها", "اليوم التالي", "ذلك العام": a day or year named by reference to
        the one the text named last (placed by `tag`)."""
        t = self.t
        hit = t.phrase(i, self.lex.phrases["anaphoric_days"])
        if hit and not (hit[0] == i + 1 and self._adjective_follows(hit[0])):  # "يومها العالمي"
            return _Parse(hit[0], hit[2], "DATE", When(anaphor=hit[1]))
        hit = t.phrase(i, self.lex.phrases["anaphoric_years"])
        if hit and not self._adjective_follows(hit[0]):
            return _Parse(hit[0], hit[2], "DATE", When(year_rel="same"))
        return None

    def modified(self, i: int):
        """منتصف / مطلع / نهاية ... before a month, year, period or decade: the same value with
        mod MID / START / END."""
        hit = self.t.stem_in(i, self.lex.table("modifiers"))
        if hit is None:
            return None
        clen, _, mod = hit
        j = i + 1
        inner = (
            self.period_rule(j, clitic=False)
            or self.decade_rule(j, clitic=False)
            or self.century_rule(j, clitic=False)
            or self.date_chain(j)
        )
        period = self.lex.table("periods").get(self.t.text(j))
        if inner is None and period in ("month", "year") and not self._adjective_follows(j + 1):
            inner = _Parse(j + 1, 0, "DATE", When(period=period, rel="this"))  # "منذ بداية العام"
        if inner is None or inner.when is None:
            return None
        w = inner.when
        if w.day is not None or w.weekday is not None or w.shift is not None:
            return None
        return _Parse(inner.end, clen, "DATE", w, inner.until, mod=mod)
