"""Page metadata of a news text dump: title, outlet, author, publication date, attribution.

Works on a page's lines once the main text block is known (see `clean.py`): the headline,
credit, byline and date lines sit above the block, signatures and "المصدر: ..." just below it,
mastheads and the copyright line in the header and footer. Dates and names of related posts
(after a section marker such as "مقالات ذات صلة") are never used. Values keep the page's spelling.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache

import arabicstopwords.arabicstopwords as arabic_stop
from camel_tools.utils.dediac import dediac_ar

from helpers.core.calendar import ENGLISH_MONTHS, MONTHS, WEEKDAYS
from helpers.core.paths import DATA_DIR, read_data_yaml
from helpers.core.text import ARABIC_LETTER, FoldedText, arabic_ratio, fold

#: Line kinds a byline may have.
BYLINE_KINDS = frozenset({"short", "latin", "bullet", "date"})
#: Bullet characters that may open a line.
BULLETS = "•·●▪◦‣∙*-–—»>|"
#: How many non-blank lines after the main block may hold a signature, date or source line.
TAIL_LINES = 4


_WORD = re.compile(r"[^\W_]+")
#: Every full date holds a year (1900-2099): lines without one are not searched further.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def words_of(text: str) -> list[str]:
    """Runs of letters or digits: the word count used for line evidence (a fast stand-in for
    `text.tokenize`, which stays the reference for the token counts reported)."""
    return _WORD.findall(text)


# ---------------------------------------------------------------- dates

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
        month, day = (self.day, self.month) if (self.order == "ambiguous" and month_first) else (
            self.month, self.day)
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
    "ymd": re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)\s*(?P<sep>[/\-.])\s*(?P<a>\d{1,2})\s*(?P=sep)\s*"
                      r"(?P<b>\d{1,2})(?!\d)"),
    "numeric": re.compile(r"(?<!\d)(?P<a>\d{1,2})\s*(?P<sep>[/\-.])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*"
                          + _YEAR),
    "day_month_name": re.compile(r"(?<!\d)(?P<a>\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?" + _MONTH
                                 + r"\s*[,،]?\s*(?:من\s+)?(?:عام\s+|سنه\s+)?" + _YEAR),
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


# ---------------------------------------------------------------- cue lists

@dataclass(frozen=True)
class _Cues:
    published: tuple[str, ...]
    updated: tuple[str, ...]
    date_words: frozenset[str]
    author: re.Pattern
    author_roles: re.Pattern
    attribution: tuple[str, ...]
    media_words: frozenset[str]
    outlets: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    raw = read_data_yaml("metadata_cues.yaml")

    def longest_first(key: str) -> tuple[str, ...]:
        return tuple(sorted({fold(c) for c in raw[key]}, key=len, reverse=True))

    outlet_lines = (DATA_DIR / "outlets.txt").read_text(encoding="utf-8").splitlines()
    return _Cues(
        published=longest_first("published"),
        updated=longest_first("updated"),
        date_words=frozenset(fold(w) for w in raw["date_words"]) | frozenset(WEEKDAYS),
        author=re.compile(r"(?:^|(?<=[\s|•:]))(?:" + "|".join(re.escape(c) for c in longest_first("author"))
                          + r")(?![^\W_])"),
        author_roles=re.compile(r"(?:^|[\s\-–|،,/])\s*(?:" + "|".join(
            re.escape(r) for r in longest_first("author_roles")) + r")(?![^\W_]).*$"),
        attribution=longest_first("attribution"),
        media_words=frozenset(fold(w) for w in raw["media_words"]),
        outlets=frozenset(fold(o) for o in (s.strip() for s in outlet_lines) if o and o[0] != "#"),
    )


def is_date_line(text: str, folded: str | None = None) -> bool:
    """True when `text` holds a full date and nothing else but date cue words ("تم النشر",
    "الساعة 16:45 بتوقيت غرينتش", a weekday, "Published on"). `folded`: fold(text) if known."""
    folded = fold(text) if folded is None else folded
    mentions = dates_in_folded(folded)
    if not mentions:
        return False
    pieces, position = [], 0
    for d in mentions:
        pieces.append(folded[position:d.start])
        position = d.end
    pieces.append(folded[position:])
    date_words = _cues().date_words
    words = [t for t in words_of(" ".join(pieces)) if not any(c.isdigit() for c in t)]
    return all(w in date_words or w.removeprefix("ال") in date_words for w in words)


def _after_cue(text: str, cues: tuple[str, ...]) -> tuple[str, bool, str] | None:
    """(the original text after a leading cue, whether a colon followed it, the cue), or None
    when `text` does not start with one of the folded `cues`."""
    first = next((f for f in map(fold, text) if f), "")  # the first folded character(s)
    if not any(cue.startswith(first[:1]) for cue in cues):
        return None
    # folding is per character, so a prefix folds to a prefix: fold only what the cues can cover
    # (all of it when characters that fold to nothing leave too little)
    longest = max(map(len, cues), default=0)
    head = 2 * longest + 16
    folded = FoldedText(text[:head])
    if len(folded) <= longest and len(text) > head:
        folded = FoldedText(text)
    for cue in cues:
        after = folded.folded[len(cue):len(cue) + 1]
        if folded.folded.startswith(cue) and not after.isalnum():
            rest = text[folded.original(len(cue) - 1) + 1:].lstrip(" \t-–|")
            return rest.lstrip(" :：-–|").strip(), rest[:1] in (":", "："), cue
    return None


def _original_after(text: str, folded_end: int) -> str:
    """The part of `text` after the character that produced fold(text)[folded_end - 1]."""
    return text[FoldedText(text).original(folded_end - 1) + 1:] if folded_end else text


def _original_before(text: str, folded_start: int) -> str:
    """The part of `text` before the character that produced fold(text)[folded_start]."""
    folded = FoldedText(text)
    return text[:folded.original(folded_start)] if folded_start < len(folded) else text


# ---------------------------------------------------------------- metadata of one page

@dataclass
class PageMetadata:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    attribution: str | None = None
    #: line index -> (label, reason) for the lines these values came from
    claims: dict[int, tuple[str, str]] = field(default_factory=dict)


def extract_metadata(lines: list[str], kinds: list[str], block: tuple[int, int] | None,
                     folded: list[str] | None = None, words: list[list[str]] | None = None) -> PageMetadata:
    """Metadata of a page given its stripped `lines`, the kind `clean.py` gave each line, the
    main block (first and last line index of the article text, or None when there is none) and,
    when known, the lines in `fold` form and their `words_of`."""
    page = _Page(lines, kinds, block, folded or [fold(line) for line in lines])
    if words is not None:
        page._words = dict(enumerate(words))
    meta = PageMetadata()
    meta.attribution = page.attribution(meta.claims)
    meta.outlet = page.outlet(meta.claims)
    meta.author = page.author(meta.claims)
    meta.title, title_index = page.title(meta.claims)
    meta.published = page.published(title_index, meta.claims)
    return meta


#: Name parts that fold to a stop word ("علي" = "على", "أبو", "بن").
_NAME_PARTICLES = frozenset(fold(w) for w in ("أبو", "أبي", "بن", "ابن", "بنت", "علي", "العلي", "أمين",
                                               "الأمين", "آل", "عبد", "ذو", "د", "أ", "م"))
#: Titles written before an author's name on a byline line (kept out of the name).
_HONORIFIC = re.compile(
    r"^\s*(?:أ\.\s?د\.|د\.|الدكتورة?|دكتورة?|أ\.|الأستاذة?|م\.|المهندسة?|Dr\.?|Prof\.?)\s*")
_NAME_PUNCT = re.compile(r"[^\w\s.@'’\-]")
_HANDLE = re.compile(r"@\w+")
_SEPARATOR = re.compile(r"\s*[|•،,]\s*|\s+[-–]\s+")
_BYLINE_END = re.compile(r"\s*[|•،,\d(]|\s+(?:في|on|at)\s")
_COPYRIGHT = re.compile(
    r"(?:(?:جميع|كل)\s+الحقوق\s+محفوظة|حقوق\s+(?:النشر|الطبع)\s+محفوظة)\s*(?P<a>[^©\d|]+)"
    r"|©\s*(?:\d{4}\s*(?:[-–]\s*\d{4})?)?\s*(?P<b>[^©\d|.]+)"
    r"|copyright\s*©?\s*(?:\d{4})?\s*(?P<c>[^©\d|.]+)", re.IGNORECASE)


class _Page:
    """A page's lines split into header (above the main block), block and tail/footer."""

    def __init__(self, lines: list[str], kinds: list[str], block: tuple[int, int] | None,
                 folded: list[str]):
        self.lines, self.kinds, self.folded = lines, kinds, folded
        self._words: dict[int, list[str]] = {}
        start, end = block if block else (len(lines), len(lines) - 1)
        self.header = [i for i in range(start) if kinds[i] != "blank"]
        self.block = [i for i in range(start, end + 1) if kinds[i] != "blank"]
        self.footer = [i for i in range(end + 1, len(lines)) if kinds[i] != "blank"]
        self.tail = []
        for i in self.footer[:TAIL_LINES]:
            if kinds[i] == "marker":
                break
            self.tail.append(i)
        self.counts: dict[str, int] = {}
        for i, f in enumerate(self.folded):
            if kinds[i] != "blank":
                self.counts[f] = self.counts.get(f, 0) + 1

    def words(self, i: int) -> list[str]:
        """Folded word tokens of line i."""
        if i not in self._words:
            self._words[i] = words_of(self.folded[i])
        return self._words[i]

    def n_tokens(self, i: int) -> int:
        return len(self.words(i))

    def dates(self, i: int) -> tuple[DateMention, ...]:
        return dates_in_folded(self.folded[i])

    # -- attribution: "المصدر: X"
    def attribution(self, claims: dict) -> str | None:
        for i in self.header + self.block + self.tail:
            if self.kinds[i] == "prose" or self.n_tokens(i) > 10:
                continue
            found = _after_cue(self.lines[i], _cues().attribution)
            # a one-word cue ("المصدر") needs its colon; "نقلا عن" does not
            if found and (found[1] or " " in found[2]) and found[0].strip(" .،,"):
                claims[i] = ("metadata", "attribution (source line)")
                return found[0].strip(" .،,")
        return None

    # -- outlet: credit line, copyright line, masthead repeated in header and footer
    def is_outlet_line(self, i: int) -> bool:
        words = self.words(i)
        if (self.kinds[i] not in ("short", "latin") or not 1 <= len(words) <= 5
                or self.lines[i][-1] in ".:؟?!،,"):
            return False
        cues = _cues()
        if self.folded[i].strip(" .-–|") in cues.outlets:
            return True
        # "وكالة ...", "صحيفة ...", "... بوست", "... للأنباء" (not "أزمة قناة السويس")
        return len(words) >= 2 and any(w in cues.media_words or w[1:] in cues.media_words
                                       for w in (words[0], words[-1]))

    def outlet(self, claims: dict) -> str | None:
        for i in self.header + self.block:
            if i not in claims and self.is_outlet_line(i):
                claims[i] = ("metadata", "outlet credit line")
                return self.lines[i].strip(" .-–|")
        mastheads: dict[str, list[int]] = {}
        for i in self.header:
            if self.kinds[i] in ("short", "latin") and self.n_tokens(i) <= 4 and i not in claims:
                mastheads.setdefault(self.folded[i], []).append(i)
        name = self.copyright_name()
        if name:
            # "محفوظة لمصير", "لـ مصير", "للأفق" (= ل + الأفق): the name without its proclitic
            bare = "ال" + name[2:] if name.startswith("لل") else name.removeprefix("لـ").removeprefix("ل")
            bare = bare.strip()
            for candidate in (name, bare):
                if fold(candidate) in mastheads:
                    return self.masthead(mastheads[fold(candidate)], claims)
            return bare
        footer_texts = {self.folded[i] for i in self.footer}
        for folded, where in mastheads.items():
            if folded in footer_texts and self.kinds[where[0]] != "latin":
                return self.masthead(where, claims)
        return None

    def copyright_name(self) -> str | None:
        """The name in the page's copyright line ("جميع الحقوق محفوظة لـ X", "© 2024 X")."""
        for i in self.footer + self.header + self.block:
            m = _COPYRIGHT.search(self.lines[i]) if self.kinds[i] != "prose" else None
            if m:
                name = (m["a"] or m["b"] or m["c"] or "").strip(" .،,-–|")
                name = re.split(r"\s+(?:all rights|جميع الحقوق)", name, flags=re.IGNORECASE)[0].strip()
                if name and len(words_of(name)) <= 5:
                    return name
        return None

    def masthead(self, where: list[int], claims: dict) -> str:
        for i in where:
            claims[i] = ("metadata", "outlet masthead")
        return self.lines[where[0]]

    # -- author: cue line, signature after the body, name line right before the body
    @staticmethod
    def name_part(text: str) -> str | None:
        """`text` if it reads as a person's name: 1-5 words, no digits, stop words or outlet
        names (a dateline such as "موسكو - سبوتنيك" is not a name). Stop words are looked up
        unfolded, so that "منى" is not taken for "مني"."""
        text = _HANDLE.sub("", text).strip(" .,،:-–|")
        words = [fold(w) for w in words_of(text)]
        if not 1 <= len(words) <= 5 or _NAME_PUNCT.search(text) or any(c.isdigit() for c in text):
            return None
        outlets = _cues().outlets
        if any(w in outlets for w in words) or any(
                arabic_stop.is_stop(dediac_ar(w)) and fold(w) not in _NAME_PARTICLES for w in words_of(text)):
            return None
        return text

    def author(self, claims: dict) -> str | None:
        for i in self.header + self.tail:
            if i in claims or self.kinds[i] not in BYLINE_KINDS or self.n_tokens(i) > 12:
                continue
            name = self.byline_name(i)
            if name:
                claims[i] = ("metadata", "byline")
                return name
        for k, i in enumerate(self.tail):
            if self.kinds[i] != "latin" or i in claims:
                continue
            following = self.tail[k + 1] if k + 1 < len(self.tail) else None
            handle_next = following is not None and _HANDLE.fullmatch(self.lines[following])
            name = self.name_part(self.lines[i])
            if name and (_HANDLE.search(self.lines[i]) or handle_next) and name[0].isalpha():
                claims[i] = ("metadata", "signature")
                if handle_next:
                    claims[following] = ("metadata", "signature handle")
                return name
        for i in self.header:
            # an academic or professional title before a name: "د. سامر الخطيب"
            m = _HONORIFIC.match(self.lines[i])
            name = m and self.name_part(self.lines[i][m.end():])
            if i not in claims and name and 2 <= len(words_of(name)) <= 4:
                claims[i] = ("metadata", "byline (title and name)")
                return name
        if self.header and self.block:
            # a bare name line right above the text, named again in the header (breadcrumb,
            # "in NAME, category") or standing right under the headline / date lines
            i = self.header[-1]
            above = self.header[-4:-1]
            named_again = any(self.folded[i] in self.folded[j] for j in self.header[:-1])
            under_headline = any(self.kinds[j] in ("short", "prose", "date") for j in above)
            if (i not in claims and self.kinds[i] == "short" and self.name_like(i)
                    and (named_again or under_headline)):
                claims[i] = ("metadata", "author name above the text")
                return self.lines[i]
        if self.tail and self.kinds[self.tail[0]] == "short" and self.name_like(self.tail[0]):
            # a signature closing the page: the last line of text, or followed by a role line
            i, rest = self.tail[0], self.tail[1:]
            role_next = rest and _cues().author_roles.match(" " + self.folded[rest[0]].lstrip("*-– "))
            if i not in claims and (not self.footer[1:] or role_next):
                claims[i] = ("metadata", "signature")
                return self.lines[i]
        return None

    def byline_name(self, i: int) -> str | None:
        """The name on a byline: after a cue ("بقلم", "كتب:", "بواسطة", "By") anywhere in the
        line and up to a separator, date or "في"; or before a role word ("X - صحافي")."""
        cues = _cues()
        line, folded = self.lines[i], self.folded[i]
        for m in cues.author.finditer(folded):
            rest = _original_after(line, m.end()).lstrip(" :：-–|")
            rest = _BYLINE_END.split(rest)[0]
            name = self.name_part(rest)
            if name and not cues.author_roles.match(" " + fold(name)):
                return name
        if self.dates(i):
            # "name | date": the name stands before the separator
            first = _SEPARATOR.split(line, maxsplit=1)[0]
            if first != line and self.name_part(first) and 2 <= len(words_of(first)) <= 4:
                return self.name_part(first)
        m = cues.author_roles.search(folded)
        if m and m.start() > 0:
            name = self.name_part(_original_before(line, m.start()))
            if name and len(words_of(name)) >= 2:
                return name
        return None

    def name_like(self, i: int) -> bool:
        """A short Arabic line that reads as a person's name (2-4 words, no article on the
        first, no stop words or punctuation)."""
        words = self.words(i)
        return (2 <= len(words) <= 4 and bool(ARABIC_LETTER.match(words[0]))
                and not words[0].startswith("ال") and self.name_part(self.lines[i]) is not None)

    # -- title: the headline above the block
    def title(self, claims: dict) -> tuple[str | None, int | None]:
        """The headline: among the header's lines of text, prefer one followed within three
        lines by article metadata (date, byline, credit, caption), then one that is not a bare
        name, then one repeated on the page (og:title + h1), then the one nearest the text; with
        no such evidence, the topmost."""
        candidates = [i for i in self.header
                      if i not in claims and self.kinds[i] in ("prose", "short")
                      and 3 <= self.n_tokens(i) <= 30 and ARABIC_LETTER.match(self.lines[i].lstrip(BULLETS))
                      and arabic_ratio(self.lines[i]) >= 0.6]
        if not candidates:
            return None, None

        def followed_by_metadata(i: int) -> bool:
            k = self.header.index(i)
            return any(j in claims or self.kinds[j] in ("date", "caption") or self.dates(j)
                       for j in (self.header + self.block)[k + 1:k + 4])

        def key(i: int) -> tuple[bool, bool, bool, int]:
            return (followed_by_metadata(i), not self.name_like(i), self.counts[self.folded[i]] > 1, i)

        best = max(candidates, key=key)
        chosen = best if any(key(best)[:3]) else candidates[0]
        k = self.header.index(chosen)
        previous = self.header[k - 1] if k else None
        if (previous in candidates and 4 <= self.n_tokens(previous) < self.n_tokens(chosen)
                and self.n_tokens(chosen) >= 10):
            chosen = previous  # a headline above its longer standfirst or caption
        same = [i for i in self.header if self.folded[i] == self.folded[chosen] and i not in claims]
        for i in same:
            claims[i] = ("title", "headline above the text")
        return self.lines[chosen], same[0]

    # -- published: cue line, else the date line by the headline, else one just below the text
    def dated_cue(self, i: int, cues: tuple[str, ...]) -> bool:
        """Line i (not prose) starts with one of `cues`, after a bullet, and states a date."""
        return (self.kinds[i] != "prose" and bool(self.dates(i))
                and _after_cue(self.lines[i].lstrip(BULLETS + " "), cues) is not None)

    def published(self, title_index: int | None, claims: dict) -> str | None:
        english_ui = any(self.kinds[i] in ("ui", "latin") and not ARABIC_LETTER.search(self.lines[i])
                         for i in range(len(self.lines)))
        all_dates = [d for i in range(len(self.lines)) for d in self.dates(i)]
        month_first = page_is_month_first(all_dates, english_ui)
        cues = _cues()
        searched = self.header + self.block + self.tail
        chosen = [i for i in searched if self.dated_cue(i, cues.published)][:1]
        reason = "publication date (cue)"
        if not chosen:
            reason = "publication date (date line by the headline)"
            date_lines = [i for i in self.header if self.dates(i) and (
                self.kinds[i] == "date" or self.kinds[i] in BYLINE_KINDS and self.n_tokens(i) <= 12)
                and not self.dated_cue(i, cues.updated)]
            if title_index is not None:
                after = [i for i in date_lines if i > title_index]
                before = [i for i in date_lines if title_index - 3 <= i < title_index
                          and not any(w in WEEKDAYS for w in self.words(i))]
                chosen = after[:1] or before[-1:]
            else:
                chosen = [i for i in date_lines if i in self.header[-4:]][-1:]
        if not chosen:
            reason = "update date (no publication date stated)"
            chosen = [i for i in searched if self.dated_cue(i, cues.updated)][:1]
        if not chosen:
            reason = "date line below the text"
            chosen = [i for i in self.tail if self.kinds[i] == "date"][:1]
        if not chosen:
            return None
        i = chosen[0]
        claims[i] = ("metadata", f"{claims[i][1]}; {reason}" if i in claims else reason)
        return self.dates(i)[0].iso(month_first)
