"""What every rule of the grammar shares: the tokens, the lexicon, the page's day/month order, and
checks on the words around a number."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from helpers.core.text import stopwords
from helpers.timeline.timex.values import When
from helpers.timeline.timex.words import TimexTokens, lexicon


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
    عصرا" 15, "الواحدة ظهرا" 13, "التاسعة ليلا" 21, "الثانية ليلا" 2, "الثانية عشرة ليلا" 0,
    "12:46 صباحا" 0:46."""
    if hour > 12:
        return hour
    if part in ("AF", "EV"):
        return hour + 12 if hour < 12 else hour
    if part == "MI":
        return hour + 12 if hour < 6 else hour
    if part == "NI":
        return 0 if hour == 12 else hour + 12 if hour >= 6 else hour
    return 0 if hour == 12 else hour  # "الساعة 12:46 صباحا": 00:46


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


def _day_first_evidence(tokens: TimexTokens) -> bool:
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


class _GrammarBase:
    """The state the rules share: the tokens of one folded text, the lexicon and the page's
    day/month order."""

    def __init__(self, tokens: TimexTokens, day_first: bool | None):
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

    def _of_time(self, i: int) -> bool:
        """ "من الزمن" at token i."""
        return self.t.text(i) == "من" and self.t.text(i + 1) in ("الزمن", "الزمان")

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

    def in_name(self, first: int, parse: _Parse) -> bool:
        """True when a date is part of a name: after a noun such as شارع, ميدان, مدينة ("شارع
        26 يوليو", "مدينة ستة أكتوبر"), with or without a number word between."""
        if parse.when is None or parse.when.month is None or parse.when.weekday is not None:
            return False
        k = first - 1
        if self.t.text(k) in self.lex.cardinals:
            k -= 1
        return self.t.stem_in(k, self.lex.words("date_name_heads")) is not None

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

    def _same_sentence(self, k: int, i: int) -> bool:
        """True when tokens k and i are in one sentence."""
        low, high = min(k, i), max(k, i)
        return (
            0 <= low
            and high < self.t.size
            and not any(self.t.boundary_before(m) for m in range(low + 1, high + 1))
        )
