"""Arabic temporal expressions: recognition with character offsets and TIMEX3 values.

`tag(text, anchor)` finds DATE, TIME, DURATION and SET expressions in Arabic news text and gives
each a TIMEX3 value (`2021-10-12`, `2021-09` with mod MID, `199X`, `2021-07-17T16:45`, `P20Y`,
intervals `2022-08-10/2022-08-20`). It works on the `text.fold` form of the text (offsets map
back to the original) with a small grammar over word tokens (`timex_words`): Western and
Levantine month names written together, Hijri dates (converted with hijridate), numeric dates,
number and ordinal words, ranges, relative days, weekdays and periods, modifiers, decades.

Recognition (`mentions`) does not depend on the anchor; `resolve` turns a mention into a value
against an anchor date (`timex_values`). Without an anchor, year-less values stay
underspecified (`XXXX-08-10`).
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from helpers.core.calendar import AMBIGUOUS_MONTHS
from helpers.core.calendar import WEEKDAYS as WEEKDAY_NAMES
from helpers.core.text import FoldedText, stopwords
from helpers.core.words import word_zipf
from helpers.entities.given_names import given_names
from helpers.timeline.timex_values import Anchor, When, parse_anchor, valid_date, value_bounds, when_value
from helpers.timeline.timex_words import Tokens, lexicon, read_cardinal, read_ordinal, stems


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value
    mod: str | None  # START | MID | END (dates), APPROX | MORE_THAN | LESS_THAN (durations)


@dataclass
class Mention:
    """A recognised expression: offsets into the original text and its meaning."""

    start: int
    end: int
    type: str
    when: When | None = None
    until: When | None = None  # the right end of a range
    value: str | None = None  # a value that needs no anchor (durations, sets, 2011)
    mod: str | None = None
    tense: str | None = None  # past | future: how the sentence speaks (for year-less dates)


@dataclass
class _Parse:
    end: int  # token index after the expression
    clen: int  # length of a proclitic on the first token, left out of the span
    type: str = "DATE"
    when: When | None = None
    until: When | None = None
    value: str | None = None
    mod: str | None = None
    first: int | None = None  # first token of the span when the rule read words before it


_NUMERIC_YMD = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")
_NUMERIC_XYY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_NUMERIC_SEPARATORS = {"/", "-", ".", "–", "—"}
_ARITHMETIC = {"*", "×", "x", "X", "+", "=", "%", "٪"}
#: Words that open a main clause after a fronted phrase ("وبموجب القانون الذي وقعه في مايو فإن
#: أمام الكونجرس حتى 17 سبتمبر"): a verb before them is not the date's.
_PREPOSITIONS = {
    "الي",
    "في",
    "من",
    "علي",
    "عن",
    "حتي",
    "بعد",
    "قبل",
    "خلال",
    "مع",
    "عند",
    "منذ",
    "بين",
    "لدي",
    "نحو",
    "ضد",
    "عبر",
    "حول",
    "دون",
    "اثر",
    "عقب",
}
_MAIN_CLAUSE = {"فان", "فانه", "فانها", "فانهم"}
_STARTING = {"بدءا", "بدء", "اعتبارا", "ابتداء", "ابتداءا", "بداية"}
_NO_LONGER = {"يعد", "تعد", "نعد", "يعودوا", "يعودون", "تعودوا"}
_ANOTHER = {"اخري", "اخرى", "اخر", "اخرين"}
_COUNT_WORDS = {"مليون", "ملايين", "مليار", "مليارات", "الف", "الاف", "الفا", "مره", "مرات", "مرتين"}
_PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "نا", "كم")
_OPENING_QUOTES = {"«", "(", '"', "“", "'", "[", "‘"}
_CLOSING_QUOTES = {"»", ")", '"', "”", "'", "]", "’"}
#: Function words ending like a counted noun ("في 2014 عليها ...").
_PRONOUN_FORMS = {
    "هذه",
    "هذا",
    "فيه",
    "فيها",
    "منه",
    "منها",
    "عليه",
    "عليها",
    "لها",
    "بها",
    "عنه",
    "عنها",
    "اليه",
    "اليها",
    "انه",
    "انها",
    "لانه",
    "لانها",
    "كما",
    "اما",
    "بينها",
    "حيثا",
    "ايضا",
    "معها",
    "لديها",
    "لديه",
    "عندها",
    "عنده",
}
#: Years read as Hijri when no calendar mark says otherwise (1960-2029 CE): Saudi pages write
#: "عام 1435" and "1436/10/20" without هـ.
HIJRI_YEARS = (1380, 1450)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
_CLOCK_FRACTIONS = {"والنصف": 30, "ونصف": 30, "والربع": 15, "وربع": 15}
_CLOCK_DOT = re.compile(r"^(\d{1,2})\.(\d{2})$")
_DASH_PAIR = re.compile(r"^(\d{1,4})-(\d{1,4})$")
_FUTURE_VERB = re.compile(r"^س[يتنا][\u0621-\u064a]{3,}$")
#: Least word frequency (Zipf) of the imperfect verb a future verb is made of (يكون 6.0, يارة 0).
FUTURE_VERB_MIN_ZIPF = 3.3
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه", "عامي", "سنتي"}
_MONTH_SEPARATORS = {"/", "\\", "-", "،", ","}
_DURATION_UNIT_VALUE = {"H": "PT{}H", "MIN": "PT{}M"}
_SMALLER_UNIT = {
    "CE": (100, "Y"),
    "DE": (10, "Y"),
    "Y": (12, "M"),
    "M": (30, "D"),
    "W": (7, "D"),
    "D": (24, "H"),
    "H": (60, "MIN"),
}
#: Longest month of each Gregorian month (then 30 for any Hijri month).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 30)
_WHOLE_WORDS = {"كامل", "كاملا", "كامله", "واحد", "واحدا", "واحده"}


def _digits(token: str, length: int | None = None) -> int | None:
    if token.isascii() and token.isdigit() and (length is None or len(token) == length):
        return int(token)
    return None


class _Grammar:
    """Rules over the tokens of one folded text. Each rule takes a token index and returns a
    `_Parse` (or None); the scanner tries the rules that can start at a token (`_rule_starts`,
    in that order) and keeps the longest parse."""

    def __init__(self, tokens: Tokens, day_first: bool | None):
        self.t = tokens
        self.lex = lexicon()
        self._day_first = day_first
        self._chains: dict[tuple[int, bool], _Parse | None] = {}

    @property
    def day_first(self) -> bool:
        """Page convention for ambiguous numeric dates (decided when first needed)."""
        if self._day_first is None:
            self._day_first = _day_first_evidence(self.t)
        return self._day_first

    # ---- pieces ---------------------------------------------------------------------------
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

    def _of_time(self, i: int) -> bool:
        """ "من الزمن" at token i."""
        return self.t.text(i) == "من" and self.t.text(i + 1) in ("الزمن", "الزمان")

    def future_verb(self, word: str) -> bool:
        """True for a verb with the future prefix س (سيكون، ستبدأ، وسنعمل): س before an
        imperfect verb that is an ordinary word by itself (يكون). Nouns and names that only look
        like one (سيارة، سندات، ستيوارت) fail that test: "يارة", "ندات" are no words."""
        stem = word[1:] if word.startswith(("و", "ف")) and len(word) > 4 else word
        if not _FUTURE_VERB.match(stem) or stem in self.lex.words("not_future_verbs"):
            return False
        return word_zipf(stem[1:]) >= FUTURE_VERB_MIN_ZIPF

    def past_verb(self, word: str) -> bool:
        """True for a past-tense verb of the news (`past_cues`), also with a leading و / ف, an
        object pronoun (أصدرته) or a plural ending (أعلنوا)."""
        cues = self.lex.words("past_cues")
        stem = word[1:] if word.startswith(("و", "ف")) and len(word) > 3 else word
        for form in (word, stem):
            if form in cues:
                return True
            for suffix in ("ها", "هم", "ه", "وا"):
                if form.endswith(suffix) and form[: -len(suffix)] in cues:
                    return True
        return False

    def _cue(self, k: int, adjacent: bool = False) -> str | None:
        """'future' | 'past' | None for token k as a tense cue (سوف، من المقرر، a future verb;
        a past verb, قد before a past verb, منذ right before the date: `adjacent`)."""
        word = self.t.text(k)
        stem = word[1:] if word.startswith(("و", "ف")) and len(word) > 3 else word
        lex = self.lex
        if word in lex.words("future_cues") or stem in lex.words("future_cues") or self.future_verb(word):
            return "future"
        if stem == "قد" or word == "قد":
            following = self.t.text(k + 1)  # قد + past: past; قد + imperfect: "may"
            return None if following[:1] in ("ي", "ت", "ن") else "past"
        if stem == "منذ":
            return "past" if adjacent else None  # "منذ مارس"; not "أدنى سعر منذ فبراير ... ديسمبر"
        if self.past_verb(word) and self.t.text(k - 1) not in _PREPOSITIONS:
            return "past"  # "إلى عقد جلساتهم": after a preposition a word is no verb
        return None

    def tense(self, first: int, last: int) -> str | None:
        """'future' or 'past' after the cue nearest to tokens first..last: the word right after
        them and up to ten words before them in the sentence (سوف، من المقرر، a verb with the
        future prefix س; قال، أعلن، كان، قد + past ...). A future said in the past ("أعلن أنه
        سيزور موسكو في يوليو") has no tense of its own: None. None without a cue."""
        near = [last] if not self.t.boundary_before(last) else []
        k = first - 1
        while (
            k >= max(0, first - 10)
            and not self.t.boundary_before(k + 1)
            and self.t.text(k) not in _MAIN_CLAUSE
        ):
            near.append(k)
            k -= 1
        found = None
        for k in near:
            cue = self._cue(k, adjacent=k == first - 1)
            if cue is None:
                continue
            if found is None:
                if cue == "past":
                    return "past"
                found = cue
            elif cue == "past" and k < first:
                return None
        return found

    # ---- rules ----------------------------------------------------------------------------
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

    def _noun_shaped(self, i: int) -> bool:
        """True when token i has the shape of a noun a number counts: an Arabic word ending in
        teh marbuta or the accusative alef ("عينة", "دولارا"), not a pronoun form (فيها، عليه)."""
        word = self.t.text(i)
        return (
            bool(re.match(r"^[\u0621-\u064a]{3,}$", word))
            and word.endswith(("ه", "ا"))
            and not word.endswith("وا")
            and not word.startswith("و")
            and word not in _PRONOUN_FORMS
            and not self._temporal_word(i)
            and not self.future_verb(word)
        )

    def _arithmetic(self, i: int) -> bool:
        """True when the number at token i is a factor or term of a calculation or a size
        ("1920 * 1080", "1280×960")."""
        return bool({self.t.text(i - 1), self.t.text(i + 1)} & _ARITHMETIC)

    def _counted_noun(self, i: int) -> bool:
        """True when token i can be the noun a number counts ("2000 برميل"): an Arabic content
        word without a leading و that is not a date word."""
        word = self.t.text(i)
        return (
            bool(re.match(r"^[\u0621-\u064a]+$", word))
            and not word.startswith("و")
            and word not in stopwords()
            and not self._temporal_word(i)
        )

    def _temporal_word(self, i: int) -> bool:
        text = self.t.text(i)
        return (
            text in self.lex.relations
            or text in self.lex.words("range_to")
            or self.months(i) is not None
            or text in self.lex.words("timezone_words")
        )

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

    def duration(self, i: int):
        """ "خمسة أيام", "20 عاما", "لعشرين عاماً", "عامين", "العامين المقبلين", "الأيام الثلاثة
        الماضية", "مرور عام", "نحو شهر" (APPROX), "أكثر من عام" (MORE_THAN)."""
        t, lex = self.t, self.lex
        cue = t.phrase(i, lex.phrases["duration_cues"])
        j, mod = (cue[0], cue[1]) if cue else (i, None)
        counted = self.count_unit(j, clitic=cue is None, single=cue is not None)
        if counted:
            end, count, code, clen = counted
            return _Parse(
                end, cue[2] if cue else clen, "DURATION", value=_duration_value(count, code), mod=mod
            )
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
        """ "قبل ثلاثة أيام", "بعد عامين": a date counted from the anchor; "بعد عامين من الحرب"
        counts from an event and is a duration."""
        t = self.t
        hit = t.stem_in(i, self.lex.table("ago_words"))
        if hit is None:
            return None
        counted = self.count_unit(i + 1, clitic=False, single=True)
        if counted is None:
            return None
        end, count, code, _ = counted
        if self.lex.units.get(t.text(i - 1), ("",))[0] == code:
            return None  # "يوما بعد يوم", "عاما بعد عام": little by little
        if count > 1000:
            return None
        if t.text(end) in self.lex.words("event_ties"):
            return _Parse(end, 0, "DURATION", value=_duration_value(count, code), first=i + 1)
        if hit[2] > 0 and (t.text(end) in _ANOTHER or self.tense(i, end) == "past"):
            # "وبعد ثلاثة عقود أخرى أتت الطائرة": counted from the story's last event, not the anchor
            return _Parse(end, 0, "DURATION", value=_duration_value(count, code), first=i + 1)
        count, code = _whole(count, code)
        if count != int(count):
            return None
        return _Parse(end, hit[0], "DATE", When(ago=(hit[2] * int(count), code)))

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
            if t.text(j) not in lex.table("part_of_day_adverbs"):
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
        j, hour, shift = self._clock_tail(j, hour)
        j = self._zone(j)
        if hour >= 24 or minute >= 60:
            return None
        when = When(shift=shift, time=f"{hour:02d}:{minute:02d}", floating=shift is None)
        day = self.date_chain(j + 1) if shift is None and t.text(j) == "من" else None
        if (
            day
            and day.type == "DATE"
            and (day.when.day is not None or day.when.weekday is not None or day.when.shift is not None)
        ):
            # "الساعة الثالثة فجرا من يوم الأحد 27 يوليو 2008": the time of that day
            return _Parse(day.end, hour_word or 0, "TIME", replace(day.when, time=when.time), day.until)
        return _Parse(j, hour_word or 0, "TIME", when)

    def _clock_tail(self, k: int, hour: int) -> tuple[int, int, int | None]:
        """What follows a clock time at token k: a part of the day that sets the 12-hour clock
        ("مساء", "ليلا") or a part of a named day ("من عصر اليوم", "من مساء أمس").
        (token after it, hour on the 24-hour clock, days from the anchor or None)."""
        t, lex = self.t, self.lex
        word, shift = t.text(k), None
        if word in lex.table("part_of_day_adverbs"):
            return k + 1, _twelve_hour(hour, lex.table("part_of_day_adverbs")[word]), None
        part = t.stem_in(k + 1, lex.table("parts_of_day"), clitic=False) if word == "من" else None
        if part:
            hour, k = _twelve_hour(hour, part[2]), k + 2
            relative = t.phrase(k, lex.phrases["relative_days"], clitic=False)
            if relative:
                shift, k = relative[1], relative[0]
        return k, hour, shift

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
            if stem in nouns or any(stem.endswith(p) and stem[: -len(p)] in nouns for p in _PRONOUN_SUFFIXES):
                return True
        return False

    def _same_sentence(self, k: int, i: int) -> bool:
        """True when tokens k and i are in one sentence."""
        low, high = min(k, i), max(k, i)
        return (
            0 <= low
            and high < self.t.size
            and not any(self.t.boundary_before(m) for m in range(low + 1, high + 1))
        )

    def in_name(self, first: int, parse: _Parse) -> bool:
        """True when a date is part of a name: after a noun such as شارع, ميدان, مدينة ("شارع
        26 يوليو", "مدينة ستة أكتوبر"), with or without a number word between."""
        if parse.when is None or parse.when.month is None or parse.when.weekday is not None:
            return False
        k = first - 1
        if self.t.text(k) in self.lex.cardinals:
            k -= 1
        return self.t.stem_in(k, self.lex.words("date_name_heads")) is not None

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

    def _adjective_follows(self, i: int) -> bool:
        """True when token i is a definite word that is not a weekday or relation (an adjective
        or a noun in construct: "اليوم التالي", "غدا الوضع", "العام الدراسي")."""
        text = self.t.text(i)
        return (
            text.startswith("ال")
            and text not in self.lex.relations
            and text not in stopwords()
            and self.weekday(i, clitic=False) is None
        )


def _merge(target: When, source: When) -> None:
    """Copy the calendar fields a date names onto the When of a longer expression."""
    for name in ("year", "month", "day", "rel", "year_rel", "period", "hijri"):
        value = getattr(source, name)
        if value not in (None, False):
            setattr(target, name, value)


def _fill_range(left: When, right: When):
    """Both ends of a range with the left end's missing month / year taken from the right end;
    (None, None) when the two ends do not fit together."""
    left, right = replace(left), replace(right)
    if left.day is not None and left.month is None:
        if right.month is None or right.day is None:
            return None, None
        left.month, left.hijri = right.month, right.hijri
    if left.weekday is None and right.weekday is None and (left.month is None) != (right.month is None):
        return None, None  # a year to a month, a month to a year
    if left.month is not None and left.year is None and left.year_rel is None:
        left.year, left.year_rel, left.rel = right.year, right.year_rel, left.rel or right.rel
        if left.year is not None and right.month is not None and left.month > right.month:
            left.year -= 1
    if (
        right.month is not None
        and right.year is None
        and left.year is not None
        and right.year_rel is None
        and right.rel is None
    ):
        right.year = left.year + (left.month is not None and right.month < left.month)
    return left, right


def _twelve_hour(hour: int, part: str) -> int:
    """An hour read on the 12-hour clock in a part of the day (MO, MI, AF, EV, NI): "الثالثة
    عصرا" 15, "الواحدة ظهرا" 13, "التاسعة ليلا" 21, "الثانية ليلا" 2, "الثانية عشرة ليلا" 0."""
    if hour > 12:
        return hour
    if part in ("AF", "EV"):
        return hour + 12 if hour < 12 else hour
    if part == "MI":
        return hour + 12 if hour < 6 else hour
    if part == "NI":
        return 0 if hour == 12 else hour + 12 if hour >= 6 else hour
    return hour


def _whole(count: float, code: str) -> tuple[float, str]:
    """A fractional count in the next smaller units (عام ونصف: 18 months)."""
    while count != int(count) and code in _SMALLER_UNIT:
        factor, code = _SMALLER_UNIT[code]
        count *= factor
    return (int(count) if count == int(count) else count), code


def _duration_value(count: float, code: str) -> str:
    """TIMEX3 duration (P20Y, PT30M)."""
    count, code = _whole(count, code)
    return _DURATION_UNIT_VALUE.get(code, "P{}" + code).format(f"{count:g}")


# ---- recognition ------------------------------------------------------------------------------
def _day_first_evidence(tokens: Tokens) -> bool:
    """Page convention for ambiguous numeric dates: day first unless a numeric date in the text
    can only be month first (9/25/2021) and none can only be day first."""
    month_first = day_first = False
    for token in tokens.texts:
        m = _NUMERIC_XYY.match(token)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            day_first |= a > 12
            month_first |= b > 12
    return not (month_first and not day_first)


_DIGIT = "<digit>"  # stands for "any token with a digit" in the rules' start words


@lru_cache(maxsize=1)
def _rule_starts() -> dict[str, frozenset[str]]:
    """Per rule, the words (folded stems) its first token can be; `_DIGIT` for numbers."""
    lex = lexicon()
    phrases = lex.phrases
    calendar = {_DIGIT, "ال", "شهر"} | set(lex.ordinals) | phrases["months"].first_words() | _YEAR_WORDS
    chain = (
        calendar
        | set(lex.table("parts_of_day"))
        | {"يوم"}
        | set(WEEKDAY_NAMES)
        | phrases["relative_days"].first_words()
        | phrases["relative_times"].first_words()
    )
    units = set(lex.units)
    return {
        "range_": chain | phrases["range_open"].first_words(),
        "date_chain": chain,
        "coordinated_day": {_DIGIT, "ال"} | set(lex.ordinals),
        "modified": set(lex.table("modifiers")),
        "within": phrases["within_period"].first_words(),
        "period_rule": set(lex.table("periods")) | lex.words("this_demonstratives"),
        "part_of_year": (
            set(lex.table("seasons"))
            | {"ال" + w for w in lex.table("seasons")}
            | set(lex.table("year_parts"))
        ),
        "decade_rule": {"عقد"} | set(lex.decades),
        "century_rule": lex.words("century_words"),
        "duration": (
            phrases["duration_cues"].first_words()
            | set(lex.cardinals)
            | set(lex.teen_units)
            | {_DIGIT}
            | set(lex.table("fractions"))
            | units
            | {"ال" + w for w in units}
        ),
        "ago": set(lex.table("ago_words")),
        "clock": lex.words("hour_words") | {_DIGIT},
        "set_rule": phrases["sets"].first_words() | lex.words("set_every"),
        "vague": phrases["vague"].first_words(),
        "anaphora": phrases["anaphoric_days"].first_words() | phrases["anaphoric_years"].first_words(),
        "definite_count": {"ال" + w for w in set(lex.cardinals) | set(lex.teen_units)},
    }


@lru_cache(maxsize=65536)
def _rules_for(token: str) -> tuple[str, ...]:
    """Names of the rules that can start at a token (none for most words of a text)."""
    keys = {stem for _, stem in stems(token)}
    if any(c.isdigit() for c in token):
        keys.add(_DIGIT)
    return tuple(name for name, starts in _rule_starts().items() if keys & starts)


def _extend_over_marks(text: str, end: int) -> int:
    """Move an end offset past the diacritics and tatweel that folding dropped (عاماً)."""
    while end < len(text) and (unicodedata.category(text[end]) == "Mn" or text[end] == "\u0640"):
        end += 1
    return end


def mentions(text: str, *, day_first: bool | None = None) -> list[Mention]:
    """Temporal expressions of `text` with their unresolved meaning, in text order."""
    if not isinstance(text, str) or not text:
        return []
    folded = FoldedText(text)
    tokens = Tokens(folded.folded)
    grammar = _Grammar(tokens, day_first)
    out: list[Mention] = []
    # the tokens some rule can start at (few in most texts), visited in order
    rules_of = {token: _rules_for(token) for token in set(tokens.texts)}
    candidates = [k for k, token in enumerate(tokens.texts) if rules_of[token]]
    i = 0
    for k in candidates:
        if k < i:
            continue
        i = k
        rules = rules_of[tokens.texts[i]]
        best: _Parse | None = None
        for name in rules:
            parse = getattr(grammar, name)(i)
            if parse is not None and parse.end > i and (best is None or parse.end > best.end):
                best = parse
        if best is None:
            continue
        first = i if best.first is None else best.first
        start_char = tokens.starts[first] + (best.clen if first == i else 0)
        end_char = tokens.ends[best.end - 1]
        start = folded.original(start_char)
        if text.startswith("آل", start):  # آلان, آل: never the article ال (الآن, الأحد)
            continue
        end = _extend_over_marks(text, folded.original(end_char - 1) + 1)
        if grammar.in_name(first, best):
            i = best.end
            continue
        tense = None
        type_, value = best.type, best.value
        if best.when is not None and (best.when.year_less or best.when.weekday is not None):
            tense = grammar.tense(i, best.end)
            if (
                best.when.year_less
                and best.when.rel is None
                and best.when.year_rel is None
                and grammar.yearly(best.end)
            ):  # "في الأول من يوليو من كل عام"
                type_, value = "SET", when_value(best.when, None)
        out.append(Mention(start, end, type_, best.when, best.until, value, best.mod, tense))
        i = best.end
    return out


def resolve(mention: Mention, anchor: Anchor | None) -> str:
    """The TIMEX3 value of a mention against an anchor (None: year-less values stay XXXX)."""
    if mention.value is not None:
        return mention.value
    start = when_value(mention.when, anchor, mention.tense)
    if mention.until is None:
        return start
    end = when_value(mention.until, anchor, mention.tense)
    # "1436 – 1437 هـ": each end is an interval itself; the range runs from the first to the last day
    return start if start == end else f"{start.split('/')[0]}/{end.split('/')[-1]}"


# ---- API --------------------------------------------------------------------------------------
def tag(text: str, anchor: str | None = None, *, day_first: bool | None = None) -> list[Timex]:
    """Temporal expressions of `text` with TIMEX3 values resolved against `anchor` ('YYYY-MM-DD'
    or 'YYYY-MM'; None leaves year-less values underspecified). `day_first` fixes the page's
    order for ambiguous numeric dates (None: decided from the other numeric dates). Offsets index
    into `text`; the tagger never raises on any string."""
    parsed = parse_anchor(anchor)
    out: list[Timex] = []
    last_day: date | None = None  # the day the text named last, for "ذلك اليوم", "اليوم التالي"
    last_day_end = 0  # where that day was named
    last_year: int | None = None  # the year the text named last, for "ذلك العام"
    for m in mentions(text, day_first=day_first):
        w = m.when
        if w is not None and w.floating and last_day is not None and "\n" not in text[last_day_end : m.start]:
            # "مساء غد ... وفي اللقاء الأول عند الساعة الخامسة": the day its paragraph speaks of
            value = f"{last_day.isoformat()}T{w.time}"
        elif w is not None and w.anaphor is not None:
            if last_day is None:
                continue  # nothing to refer to: no value can be given
            value = (last_day + timedelta(days=w.anaphor)).isoformat()
        elif w is not None and w.year_rel == "same":
            if last_year is None:
                continue
            value = resolve(replace(m, when=replace(w, year=last_year, year_rel=None)), parsed)
        else:
            value = resolve(m, parsed)
        if m.type in ("DATE", "TIME") and m.until is None:
            first, last = value_bounds(value)
            if first is not None and first == last and not (w is not None and w.floating):
                last_day, last_day_end = date.fromisoformat(first), m.end
            if first is not None and first[:4] == (last or "")[:4] and not value.startswith(("XXXX", "P")):
                last_year = int(first[:4])
        out.append(Timex(m.start, m.end, text[m.start : m.end], m.type, value, m.mod))
    return out


def benchmark(texts: list[str], repeat: int = 3) -> dict:
    """Throughput of `tag` and of dateparser's `search_dates(text, languages=['ar'])` on the same
    texts in one run, each text timed with both tools in turn (so a busy machine slows both
    alike): characters per second each, and the ratio (tag / dateparser)."""
    from dateparser.search import search_dates

    search_dates("1 يناير 2020", languages=["ar"])  # load dateparser's data outside the timing
    tag("1 يناير 2020")
    tag_seconds = dateparser_seconds = 0.0
    for _ in range(repeat):
        for text in texts:
            started = time.perf_counter()
            tag(text, "2020-01-01")
            middle = time.perf_counter()
            search_dates(text, languages=["ar"])
            tag_seconds += middle - started
            dateparser_seconds += time.perf_counter() - middle
    characters = sum(len(t) for t in texts) * repeat
    tag_rate = characters / max(tag_seconds, 1e-9)
    dateparser_rate = characters / max(dateparser_seconds, 1e-9)
    return {
        "characters": characters,
        "tag_chars_per_s": round(tag_rate),
        "dateparser_chars_per_s": round(dateparser_rate),
        "ratio": round(tag_rate / dateparser_rate, 1),
    }


__all__ = [
    "Anchor",
    "Mention",
    "Timex",
    "When",
    "benchmark",
    "mentions",
    "parse_anchor",
    "resolve",
    "tag",
    "value_bounds",
]
