"""Document anchor dates: the day relative dates of a document are resolved against.

The stated (page or manifest) publication date when there is one — unless the document says it
was written on another day. A stated date is often the day a page was published or collected, a
day or more after the text was written: "أمس الأحد" in an article collected on a Tuesday was
written on the Monday. The writing day is the latest day at most `MAX_DAYS_BEFORE` days before the
stated one that agrees with most of the document's own cues: a relative day with its weekday
("اليوم الثلاثاء", "أمس الأحد", "غدا الخميس"), a relative day with its date ("اليوم الأربعاء 20
/ 10 / 1436هـ"), the day the page's address states (/2015/08/05/, an edition's day: weaker than
the text's own words) and, weakly, "الأحد الماضي" (not written on a Sunday). The stated date stays
when the cues agree with it or there are none (source 'page' / 'manifest'); a corrected anchor
has the source 'text-weekday' (the text's cues) or 'page' (the address alone). An article with no
cue of its own takes the writing day of the articles numbered just before and after it on its
site when both have one and it is the same (source 'corpus').

Without a stated date the anchor is inferred from the text — a weekday named with a day and
month fixes the year, and "أول أمس" / "أمس" / "اليوم" next to it the writing day; a month called
الجاري with a year elsewhere gives the month (source 'text') — or from the corpus: an undated
article that reports an event on the same days, in the same words, as a dated article shares its
year (source 'corpus'). Never from the machine's clock; when nothing fits the anchor (and its
source) stays empty.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

import pandas as pd

from helpers.core.text import split_sentences
from helpers.timeline.events import content_words
from helpers.timeline.timex import Anchor, Mention, mentions, parse_anchor, resolve

#: How far (years) from the reference years a weekday + day + month may place its year.
MAX_YEAR_DISTANCE = 6
#: Words the sentences of one event in two documents must share for the corpus route.
MIN_SHARED_WORDS = 2
#: Content words two articles' sentences must share to be one story told twice (and the share
#: of the shorter sentence's words they must be) for the writing-day route through the corpus.
MIN_STORY_WORDS, STORY_SHARE = 5, 0.5
#: How many days before its stated date a text may have been written, judged by its weekdays
#: ("أمس الأحد"); a relative day with its date ("اليوم 20 / 10 / 1436هـ") may reach further.
MAX_DAYS_BEFORE = 6
MAX_EXACT_DAYS_BEFORE = 14
#: Weights of the writing-day cues: a relative day with its date, with its weekday, the day a
#: page's address states (an edition's day: a text's own "اليوم الأربعاء" wins over it), and a
#: weekday called الماضي / المقبل (the text was not written on that weekday).
EXACT_WEIGHT, WEEKDAY_WEIGHT, ADDRESS_WEIGHT, WEAK_WEIGHT = 2.0, 1.0, 0.5, 0.25
#: A relative day ("اليوم", "أمس", "غدا") near a weekday name or a digit: a text without one has
#: no writing-day cue and is not tagged here.
_DAY_CUE = re.compile(
    r"(?:اليوم|[أا]مس|غد[اًا]?|الغد)[\s()«»\"،,]+(?:[^\s]+\s+){0,2}?"
    r"(?:ال)?(?:[اإأ]ثنين|ثلاثاء|[أا]ربعاء|خميس|جمع[ةه]|سبت|[أا]حد|\d)"
)
_DIACRITICS = re.compile(r"[\u064b-\u0652\u0640]")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_NUMBER = re.compile(r"\d{5,}")
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_RELATIVE_WORD = re.compile(r"اليوم|[أا]مس|غد|البارحة")


@dataclass
class _Doc:
    doc_id: str
    body: str
    anchor: str | None = None
    source: str | None = None
    url: str | None = None
    stated: str | None = None  # the stated day, before any correction
    stated_source: str | None = None
    written: date | None = None  # the writing day the document's own evidence gives
    _mentions: list[Mention] | None = None
    _sentences: list | None = None
    _sentence_words: dict[int, set[str]] = field(default_factory=dict)

    @property
    def mentions(self) -> list[Mention]:
        """The body's temporal expressions, tagged when first needed (a corpus whose documents
        all state their date never tags them here)."""
        if self._mentions is None:
            self._mentions = mentions(self.body)
        return self._mentions


def _stated(published, source) -> tuple[str | None, str | None]:
    """The stated publication date (day, or month) and its source ('page' unless given)."""
    anchor = parse_anchor(published)
    if anchor is None:
        return None, None
    text = published.strip()[:10] if anchor.day else published.strip()[:7]
    return text, source if isinstance(source, str) and source else "page"


def _explicit_years(doc: _Doc) -> list[int]:
    """Gregorian years the document names (1900-2100)."""
    return sorted(
        {
            m.when.year
            for m in doc.mentions
            if m.when is not None and m.when.year and not m.when.hijri and 1900 <= m.when.year <= 2100
        }
    )


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_year(m: Mention, references: list[int]) -> int | None:
    """The year, nearest to a reference year (within `MAX_YEAR_DISTANCE`), in which the
    mention's day and month fall on its weekday."""
    w = m.when
    if not references:
        return None
    candidates = [
        year
        for year in range(min(references) - MAX_YEAR_DISTANCE, max(references) + MAX_YEAR_DISTANCE + 1)
        if (day := _day(year, w.month, w.day)) is not None and day.weekday() == w.weekday
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda y: (min(abs(y - r) for r in references), -y))


def _from_text(doc: _Doc, corpus_years: list[int]) -> str | None:
    """A day (a dated weekday with أمس / أول أمس / اليوم) or month (a dated weekday or a month
    called الجاري, with the year) the text itself fixes. The year of a dated weekday is the one
    nearest the corpus's stated years (or else the years the text names)."""
    stated_years = _explicit_years(doc)
    references = corpus_years or stated_years
    days, months = [], []
    for m in doc.mentions:
        w = m.when
        if w is None or w.hijri or w.month is None or w.period is not None:
            continue
        if w.day is not None and w.weekday is not None:
            year = w.year if w.year is not None else _weekday_year(m, references)
            named = _day(year, w.month, w.day) if year is not None else None
            if named is None or named.weekday() != w.weekday:
                continue
            if w.shift is not None:
                days.append((named - timedelta(days=w.shift)).isoformat())
            elif w.rel == "this":
                months.append(f"{year:04d}-{w.month:02d}")
        elif w.year is None and w.rel == "this" and stated_years:
            months.append(f"{max(stated_years):04d}-{w.month:02d}")
    if days:
        return max(days)
    return max(months) if months else None


@dataclass(frozen=True)
class Cue:
    """What a text says about the day it was written: `exact` (that day), `weekday` (its
    weekday, Monday 0) or `not_weekday` (not that weekday), with a weight and the words."""

    kind: str
    value: date | int
    weight: float
    text: str


def writing_day_cues(body: str, stated: date, found: list[Mention] | None = None) -> list[Cue]:
    """The cues of a text about its writing day, read against its stated day (which places the
    year of a date named without one)."""
    if found is None:
        if not _DAY_CUE.search(_DIACRITICS.sub("", body)):
            return []
        found = mentions(body)
    anchor = Anchor(stated.year, stated.month, stated.day)
    cues = []
    for m in found:
        w = m.when
        if w is None or w.anaphor is not None or w.period is not None or w.ago is not None:
            continue
        text = body[m.start : m.end]
        if w.shift is not None and w.day is not None and w.month is not None:
            named = resolve(Mention(m.start, m.end, m.type, w, tense=m.tense), anchor)[:10]
            if re.match(r"^\d{4}-\d{2}-\d{2}$", named):
                day = date.fromisoformat(named) - timedelta(days=w.shift)
                cues.append(Cue("exact", day, EXACT_WEIGHT, text))
        elif w.shift is not None and w.weekday is not None and w.month is None:
            cues.append(Cue("weekday", (w.weekday - w.shift) % 7, WEEKDAY_WEIGHT, text))
        elif w.shift is None and w.weekday is not None and w.rel in ("last", "next") and w.month is None:
            cues.append(Cue("not_weekday", w.weekday, WEAK_WEIGHT, text))
    return cues


def _support(day: date, stated: date, cues: list[Cue]) -> float:
    """How well the cues agree with a text written on `day`."""
    score = 0.0
    for cue in cues:
        if cue.kind == "exact":
            score += cue.weight * (cue.value == day)
        elif cue.kind == "weekday":
            score += cue.weight * ((stated - day).days <= MAX_DAYS_BEFORE and day.weekday() == cue.value)
        else:
            score -= cue.weight * (day.weekday() == cue.value)
    return score


def writing_day(stated: date, cues: list[Cue]) -> date:
    """The day a text was written: of the stated day and the days before it (`MAX_DAYS_BEFORE`,
    `MAX_EXACT_DAYS_BEFORE` for dates the text gives itself), the one the cues support most;
    the stated day when it is as good as any, else the latest of the best."""
    if not any(cue.kind != "not_weekday" for cue in cues):
        return stated
    kept = _support(stated, stated, cues)
    best, best_score = stated, kept
    for back in range(1, MAX_EXACT_DAYS_BEFORE + 1):
        day = stated - timedelta(days=back)
        score = _support(day, stated, cues)
        if score > best_score:
            best, best_score = day, score
    return best


def url_date(url) -> date | None:
    """The day a page's address states (/2015/08/05/, /20150805/, 2015-08-05), if any."""
    if not isinstance(url, str):
        return None
    m = _URL_DATE.search(url)
    return _day(int(m.group(1)), int(m.group(3)), int(m.group(4))) if m else None


def url_number(url) -> tuple[str, int] | None:
    """(site, number) of a page whose address carries an article number (alriyadh.com/1070773,
    /article/422471/): sites number their articles in the order they publish them."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url)
    numbers = [
        int(n) for n in _URL_NUMBER.findall(parts.path + "?" + parts.query) if not _URL_DATE.fullmatch(n)
    ]
    return (parts.netloc.lower(), max(numbers)) if numbers and parts.netloc else None


def _check_writing_day(doc: _Doc) -> None:
    """Move a stated day anchor to the day the text was written (`writing_day`) by the text's
    own cues and the day its address states: source 'text-weekday' (the text's cues), or
    'page' (the address alone). Remembers in `doc.written` the day when there was evidence."""
    stated = parse_anchor(doc.anchor)
    if stated is None or stated.day is None:
        return
    cues = []
    if doc._mentions is not None or _DAY_CUE.search(_DIACRITICS.sub("", doc.body)):
        cues = writing_day_cues(doc.body, stated.date, doc.mentions)
    page_day = url_date(doc.url)
    if page_day is not None and 0 <= (stated.date - page_day).days <= MAX_EXACT_DAYS_BEFORE:
        cues.append(Cue("exact", page_day, ADDRESS_WEIGHT, doc.url))
    if not any(cue.kind != "not_weekday" for cue in cues):
        return
    day = writing_day(stated.date, cues)
    doc.written = day
    if day != stated.date:
        by_text = _support(day, stated.date, [c for c in cues if c.text != doc.url]) > 0
        doc.anchor, doc.source = day.isoformat(), "text-weekday" if by_text else "page"


def _from_neighbours(docs: list[_Doc]) -> None:
    """An article whose text and address say nothing of its writing day takes the writing day
    of the articles numbered just before and after it on its site (`url_number`), when both
    have one from their own evidence, it is the same, and they were stated on the same day
    as this one (source 'corpus')."""
    numbered: dict[str, list[tuple[int, date, str]]] = {}
    for doc in docs:
        key = url_number(doc.url) if doc.written is not None else None
        if key:
            numbered.setdefault(key[0], []).append((key[1], doc.written, doc.stated))
    for entries in numbered.values():
        entries.sort()
    for doc in docs:
        stated = parse_anchor(doc.anchor)
        key = url_number(doc.url)
        if (
            doc.written is not None
            or key is None
            or stated is None
            or stated.day is None
            or key[0] not in numbered
            or doc.source != doc.stated_source
        ):
            continue  # (an article a story of the corpus already dated keeps that day)
        entries = numbered[key[0]]
        k = bisect_left(entries, (key[1],))
        if not 0 < k < len(entries):
            continue
        (_, before, before_stated), (_, after, after_stated) = entries[k - 1], entries[k]
        if (
            before == after
            and before_stated == after_stated == doc.stated
            and before != stated.date
            and 0 < (stated.date - before).days <= MAX_DAYS_BEFORE
        ):
            doc.anchor, doc.source = before.isoformat(), "corpus"


def _bare_relative(m: Mention) -> bool:
    """A relative day with nothing else to place it ("أمس", "مساء اليوم", "غدا")."""
    w = m.when
    return (
        w is not None
        and w.shift is not None
        and w.weekday is None
        and w.month is None
        and w.year is None
        and w.anaphor is None
    )


def _from_stories(docs: list[_Doc]) -> None:
    """An article with no writing-day cue of its own that reports, in the same words, an event
    another article places on a day ("مؤتمر صحفي عقده أمس بوزارة الشؤون البلدية ..." in two
    papers, one of them dated by its weekdays or address) was written the day its relative
    word implies (source 'corpus'). The other article names the day the same way (a relative
    day or a weekday), the sentences share `MIN_STORY_WORDS` content words and most of the
    shorter one's; the day most of the matched words support wins."""
    evidence = [d for d in docs if d.written is not None]
    if not evidence:
        return
    index: dict[str, list[tuple[int, date]]] = {}
    sentences: list[set[str]] = []
    for doc in evidence:
        anchor = Anchor(doc.written.year, doc.written.month, doc.written.day)
        for m in doc.mentions:
            w = m.when  # a day named from the writing day: "أمس", "أمس الثلاثاء", "الأحد الماضي"
            if (
                w is None
                or (w.shift is None and w.weekday is None)
                or w.month is not None
                or m.until is not None
            ):
                continue
            day = _DAY_VALUE.match(resolve(m, anchor))
            if not day:
                continue
            words = _dated_sentence(doc, m)
            if len(words) < MIN_STORY_WORDS:
                continue
            sentences.append(words)
            for word in words:
                index.setdefault(word, []).append((len(sentences) - 1, date.fromisoformat(day.group(0))))
    for doc in docs:
        stated = parse_anchor(doc.anchor)
        if (
            doc.written is not None
            or stated is None
            or stated.day is None
            or doc.source != doc.stated_source
            or not _RELATIVE_WORD.search(_DIACRITICS.sub("", doc.body))
        ):
            continue
        votes: dict[date, int] = {}
        for m in doc.mentions:
            if not _bare_relative(m):
                continue
            words = _dated_sentence(doc, m)
            if len(words) < MIN_STORY_WORDS:
                continue
            shared: dict[tuple[int, date], int] = {}
            for word in words:
                for key in index.get(word, ()):
                    shared[key] = shared.get(key, 0) + 1
            for (k, day), n in shared.items():
                if n >= MIN_STORY_WORDS and n >= STORY_SHARE * min(len(words), len(sentences[k])):
                    written = day - timedelta(days=m.when.shift)
                    if 0 <= (stated.date - written).days <= MAX_DAYS_BEFORE:
                        votes[written] = votes.get(written, 0) + n
        if not votes:
            continue
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        best, weight = ranked[0]
        if best != stated.date and (len(ranked) == 1 or weight >= 2 * ranked[1][1]):
            doc.anchor, doc.source = best.isoformat(), "corpus"


def _dated_sentence(doc: _Doc, m: Mention) -> set[str]:
    """Content words of the sentence a mention is in (remembered per mention)."""
    if m.start not in doc._sentence_words:
        if doc._sentences is None:
            doc._sentences = split_sentences(doc.body)
        doc._sentence_words[m.start] = next(
            (content_words(s.text) for s in doc._sentences if s.start <= m.start < s.end), set()
        )
    return doc._sentence_words[m.start]


def _month_days(value: str) -> tuple[str, ...]:
    """The month-day parts of a value ('2022-08-10/2022-08-20' -> ('08-10', '08-20'))."""
    return tuple(part[5:10] for part in value.split("/"))


def _dated_days(dated: list[_Doc]) -> dict[tuple[str, ...], list[tuple[_Doc, Mention, str]]]:
    """The days (month-day parts) the dated documents' expressions name, with their values."""
    index: dict[tuple[str, ...], list[tuple[_Doc, Mention, str]]] = {}
    for doc in dated:
        anchor = parse_anchor(doc.anchor)
        for m in doc.mentions:
            value = resolve(m, anchor)
            if m.when is not None and m.when.day is not None and value[:4].isdigit():
                index.setdefault(_month_days(value), []).append((doc, m, value))
    return index


def _from_corpus(doc: _Doc, dated_days: dict) -> str | None:
    """The year of a dated document that reports an event on the same days (a day, or a range of
    days, with no year in this document) in at least `MIN_SHARED_WORDS` of the same words; the
    month is this document's. The best-matching report wins."""
    best = None
    for m in doc.mentions:
        if m.when is None or not m.when.year_less or m.when.day is None or m.when.hijri:
            continue
        reports = dated_days.get(_month_days(resolve(m, None)), [])
        words = _dated_sentence(doc, m) if reports else set()
        for other, n, value in reports:
            shared = len(words & _dated_sentence(other, n))
            if shared >= MIN_SHARED_WORDS and (best is None or shared > best[0]):
                best = (shared, f"{value[:4]}-{m.when.month:02d}")
    return best[1] if best else None


def resolve_anchors(documents: pd.DataFrame) -> pd.DataFrame:
    """Anchor date per document. In: doc_id, body, published (ISO or empty), published_source
    and, when there is one, url.
    Out: doc_id, date_anchor ('YYYY-MM-DD', 'YYYY-MM' or None), date_anchor_source ('page' |
    'manifest' | 'text-weekday' | 'text' | 'corpus' | None: none)."""
    docs = []
    for row in documents.itertuples(index=False):
        body = row.body if isinstance(row.body, str) else ""
        url = getattr(row, "url", None)
        doc = _Doc(str(row.doc_id), body, url=url if isinstance(url, str) else None)
        doc.anchor, doc.source = _stated(row.published, getattr(row, "published_source", None))
        doc.stated, doc.stated_source = doc.anchor, doc.source
        if doc.anchor:
            _check_writing_day(doc)
        docs.append(doc)
    _from_stories(docs)
    _from_neighbours(docs)
    corpus_years = sorted({int(d.anchor[:4]) for d in docs if d.anchor})
    for doc in docs:
        if doc.anchor is None:
            doc.anchor = _from_text(doc, corpus_years)
            doc.source = "text" if doc.anchor else None
    undated = [d for d in docs if d.anchor is None]
    dated_days = _dated_days([d for d in docs if d.anchor]) if undated else {}
    for doc in undated:
        doc.anchor = _from_corpus(doc, dated_days)
        doc.source = "corpus" if doc.anchor else None
    return pd.DataFrame(
        {
            "doc_id": [d.doc_id for d in docs],
            "date_anchor": pd.Series([d.anchor for d in docs], dtype=object),
            "date_anchor_source": pd.Series([d.source for d in docs], dtype=object),
        }
    )


def apply_anchors(documents: pd.DataFrame) -> pd.DataFrame:
    """`documents` (doc_id, body, published[, published_source] and any other columns) with its
    date_anchor and date_anchor_source columns set by `resolve_anchors`."""
    columns = [c for c in ("doc_id", "body", "published", "published_source", "url") if c in documents]
    resolved = {
        r.doc_id: (r.date_anchor, r.date_anchor_source)
        for r in resolve_anchors(documents[columns]).itertuples(index=False)
    }
    out = documents.copy()
    found = [resolved.get(str(doc_id), (None, None)) for doc_id in out["doc_id"]]
    out["date_anchor"] = pd.Series([f[0] for f in found], index=out.index, dtype=object)
    out["date_anchor_source"] = pd.Series([f[1] for f in found], index=out.index, dtype=object)
    return out


_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)")


def named_weekday(text: str) -> int | None:
    """The weekday (Monday 0) an expression's text names, if any: a weekday name with the
    article, or after يوم ("الأحد", "يوم أحد"); None otherwise."""
    from helpers.core.calendar import WEEKDAYS
    from helpers.core.text import fold
    from helpers.timeline.timex.words import TimexTokens, stems

    tokens = TimexTokens(fold(text))
    for i, token in enumerate(tokens.texts):
        for clitic, stem in stems(token):
            if stem in WEEKDAYS and (stem.startswith("ال") or not clitic and tokens.text(i - 1) == "يوم"):
                return WEEKDAYS[stem]
    return None


def weekday_agreement(timeline: pd.DataFrame) -> dict:
    """Of the timeline's dated rows (a value that is one day, YYYY-MM-DD with or without a time)
    whose text names a weekday, how many fall on that weekday: {'rows', 'agree', 'share',
    'disagreeing'} (the rows that do not, as a DataFrame)."""
    keep, agree = [], []
    for row in timeline.itertuples(index=False):
        m = _FULL_DAY.match(str(row.value))
        if not m or str(row.type) not in ("DATE", "TIME"):
            continue
        weekday = named_weekday(str(row.text))
        day = _day(*(int(g) for g in m.groups()))
        if weekday is None or day is None:
            continue
        keep.append(row)
        agree.append(day.weekday() == weekday)
    rows = pd.DataFrame(keep, columns=timeline.columns)
    disagreeing = rows[[not a for a in agree]].reset_index(drop=True)
    share = round(sum(agree) / len(keep), 4) if keep else 1.0
    return {"rows": len(keep), "agree": sum(agree), "share": share, "disagreeing": disagreeing}


if __name__ == "__main__":  # python -m helpers.timeline.anchors OUTPUT_DIR: the weekday agreement of a run
    import sys

    from helpers.core.io import read_table

    result = weekday_agreement(read_table(sys.argv[1], "timeline"))
    print(
        f"{result['agree']} of {result['rows']} dated rows that name a weekday fall on it "
        f"({result['share']:.1%})"
    )
    for row in result["disagreeing"].itertuples(index=False):
        print(f"  {row.doc_id}  {row.text}  {row.value}")
