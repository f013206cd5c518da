"""Arabic temporal expressions: recognition with character offsets and TIMEX3 values.

`tag(text, anchor)` finds DATE, TIME, DURATION and SET expressions in Arabic news text and gives
each a TIMEX3 value (`2021-10-12`, `2021-09` with mod MID, `199X`, `2021-07-17T16:45`, `P20Y`,
intervals `2022-08-10/2022-08-20`). It works on the `text.fold` form of the text (offsets map
back to the original) with a small grammar over word tokens (`words`): Western and Levantine
month names written together, Hijri dates (converted with hijridate), numeric dates, number and
ordinal words, ranges, relative days, weekdays and periods, modifiers, decades. The grammar's
rules sit by what they recognise in `dates`, `ranges`, `durations`, `relative`, `clock` and
`tense`, assembled in `grammar`.

Recognition (`mentions`) does not depend on the anchor; `resolve` turns a mention into a value
against an anchor date (`values`). Without an anchor, year-less values stay
underspecified (`XXXX-08-10`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from helpers.core.calendar import WEEKDAYS as WEEKDAY_NAMES
from helpers.core.text import FoldedText
from helpers.timeline.timex.base import (
    _YEAR_WORDS,
    _Parse,
)
from helpers.timeline.timex.grammar import _Grammar
from helpers.timeline.timex.values import Anchor, When, parse_anchor, value_bounds, when_value
from helpers.timeline.timex.words import TimexTokens, lexicon, stems


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value
    mod: str | None  # dates: START MID END APPROX BEFORE AFTER; durations: APPROX MORE_THAN LESS_THAN


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
    tokens = TimexTokens(folded.folded)
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
    first, last = value_bounds(start)
    if first is not None and first == last and _bare_weekday(mention.until):
        # "من السبت 25 يوليو وحتى السبت": the first such weekday after the start; "المقبل" is
        # counted from the writing day unless that falls on or before the start
        if mention.until.rel is None or (value_bounds(end)[0] or first) <= first:
            day = date.fromisoformat(first)
            following = day + timedelta(days=(mention.until.weekday - day.weekday()) % 7 or 7)
            return f"{start}/{following.isoformat()}"
    # "1436 – 1437 هـ": each end is an interval itself; the range runs from the first to the last day
    return start if start == end else f"{start.split('/')[0]}/{end.split('/')[-1]}"


#: What may stand between two weekdays of one list ("الأربعاء والخميس"، "السبت، والأحد").
_WEEKDAY_LIST_GAP = re.compile(r"\s*[،,]?\s*و?\s*")


def _bare_weekday(w: When | None, rel_ok: bool = True) -> bool:
    """A weekday with no date, shift or time ("السبت"; "السبت المقبل" unless `rel_ok` is False)."""
    return (
        w is not None
        and w.weekday is not None
        and w.day is None
        and w.month is None
        and w.shift is None
        and (rel_ok and w.rel in (None, "next") or w.rel is None)
        and w.time is None
    )


def _coordinated_weekday(w: When | None, gap: str) -> bool:
    """A bare weekday joined by و or a comma to the day named just before it ("الأربعاء
    والخميس"): the next such weekday after that day."""
    listed = gap.strip() != "" and _WEEKDAY_LIST_GAP.fullmatch(gap) is not None
    return listed and _bare_weekday(w, rel_ok=False)


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
        elif last_day is not None and _coordinated_weekday(w, text[last_day_end : m.start]):
            # "يومي الأربعاء والخميس": the Thursday after that Wednesday
            value = (last_day + timedelta(days=(w.weekday - last_day.weekday()) % 7 or 7)).isoformat()
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


__all__ = [
    "Anchor",
    "Mention",
    "Timex",
    "When",
    "mentions",
    "parse_anchor",
    "resolve",
    "tag",
    "value_bounds",
]
