"""Full calendar dates written on a page (numeric, with month names, in Arabic or English), the
page's day/month convention, and date-only lines."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from helpers.clean.metadata.cues import cue_words, words_of
from helpers.core.calendar import ENGLISH_MONTHS, MONTHS
from helpers.core.text import fold

#: Every full date holds a year (1900-2099): lines without one are not searched further.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class DateMention:
    """A full calendar date found in `fold(text)`. `order` is how it was written: 'ymd',
    'day_first' (25/9/2021, "17 يوليو 2021"), 'month_first' (9/25/2021, "July 4, 2025") or
    'ambiguous' (a numeric a/b/yyyy with both parts <= 12, stored in its day-first reading)."""

    start: int
    end: int
    year: int
    month: int
    day: int
    order: str

    def iso(self, month_first: bool = False) -> str | None:
        """ISO date, reading an ambiguous date month-first when asked; None if invalid."""
        month, day = (
            (self.day, self.month) if (self.order == "ambiguous" and month_first) else (self.month, self.day)
        )
        try:
            return datetime.date(self.year, month, day).isoformat()
        except ValueError:
            return None


def _month_pattern() -> str:
    names = sorted(set(MONTHS) | set(ENGLISH_MONTHS) | {"sept"}, key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    one = rf"(?:{alternation})(?![^\W\d_])"
    # "يوليو/تموز", "تشرين الاول (اكتوبر)": a second name for the same month may follow.
    return rf"(?P<month>{alternation})(?![^\W\d_])(?:\s*[/\\(\-–]\s*{one}\s*\)?)?"


_MONTH = _month_pattern()


#: The month names `_MONTH` reads: a line without any has no named-month date.
_MONTH_NAMES = tuple(sorted(set(MONTHS) | set(ENGLISH_MONTHS) | {"sept"}))


_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"


_DATE_PATTERNS = {
    "ymd": re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*(?P<sep>[/\-.])\s*(?P<a>\d{1,2})\s*(?P=sep)\s*"
        r"(?P<b>\d{1,2})(?!\d)"
    ),
    "numeric": re.compile(r"(?<!\d)(?P<a>\d{1,2})\s*(?P<sep>[/\-.])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*" + _YEAR),
    "day_month_name": re.compile(
        r"(?<!\d)(?P<a>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?"
        + _MONTH
        + r"\s*[,،]?\s*(?:من\s+)?(?:عام\s+|سنه\s+)?"
        + _YEAR
    ),
    "month_name_day": re.compile(_MONTH + r"\s+(?P<a>\d{1,2})(?:st|nd|rd|th)?\s*[,،]?\s*" + _YEAR),
}


def find_dates(text: str) -> list[DateMention]:
    """Full dates (day, month and year) written in `text`: 2022/08/20, 20-08-2022, 9/25/2021,
    "17 يوليو/تموز 2021", "12 تشرين الأول 2021", "يوليو 4, 2025", "July 4, 2025".
    Spans are in `fold(text)`; overlapping matches keep the longest."""
    return list(dates_in_folded(fold(text)))


@lru_cache(maxsize=4096)
def dates_in_folded(folded: str) -> tuple[DateMention, ...]:
    """`find_dates` on text already in `fold` form."""
    if not _YEAR_DIGITS.search(folded):
        return ()
    found: list[DateMention] = []
    named_month = any(name in folded for name in _MONTH_NAMES)
    for style, pattern in _DATE_PATTERNS.items():
        if style in ("day_month_name", "month_name_day") and not named_month:
            continue
        for m in pattern.finditer(folded):
            year, a = int(m["year"]), int(m["a"])
            if style == "ymd":
                month, day, order = a, int(m["b"]), "ymd"
            elif style == "numeric":
                b = int(m["b"])
                day, month = (b, a) if b > 12 else (a, b)
                order = "month_first" if b > 12 else "day_first" if a > 12 or a == b else "ambiguous"
            else:
                name = m["month"]
                month, day = MONTHS.get(name) or ENGLISH_MONTHS.get(name[:3]), a
                order = "day_first" if style == "day_month_name" else "month_first"
            found.append(DateMention(m.start(), m.end(), year, month, day, order))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMention] = []
    for d in found:
        if not kept or d.start >= kept[-1].end:
            kept.append(d)
    return tuple(kept)


def page_is_month_first(mentions: list[DateMention], english_ui: bool = False) -> bool:
    """The page's convention for ambiguous numeric dates: month-first when more of its dates
    are written month first (9/25/2021, "Month D, YYYY") than day first; with no evidence
    either way, month-first only on a page with English UI, day-first (the Arabic convention)
    otherwise."""
    month_first = sum(d.order == "month_first" for d in mentions)
    day_first = sum(d.order == "day_first" for d in mentions)
    return month_first > day_first or (month_first == day_first and english_ui)


def is_date_line(text: str, folded: str | None = None) -> bool:
    """True when `text` holds a full date and nothing else but date cue words ("تم النشر",
    "الساعة 16:45 بتوقيت غرينتش", a weekday, "Published on"). `folded`: fold(text) if known."""
    folded = fold(text) if folded is None else folded
    mentions = dates_in_folded(folded)
    if not mentions:
        return False
    pieces, position = [], 0
    for d in mentions:
        pieces.append(folded[position : d.start])
        position = d.end
    pieces.append(folded[position:])
    date_words = cue_words().date_words
    words = [t for t in words_of(" ".join(pieces)) if not any(c.isdigit() for c in t)]
    return all(w in date_words or w.removeprefix("ال") in date_words for w in words)
