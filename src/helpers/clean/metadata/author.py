"""The author of a page: a byline cue, a signature after the body, a titled name, or a name line
right above the text."""

from __future__ import annotations

import re

import arabicstopwords.arabicstopwords as arabic_stop
from camel_tools.utils.dediac import dediac_ar

from helpers.clean.metadata.cues import BYLINE_KINDS, cue_words, original_after, original_before, words_of
from helpers.clean.metadata.lines import PageLines
from helpers.core.text import ARABIC_LETTER, fold

#: Name parts that fold to a stop word ("علي" = "على", "أبو", "بن").
_NAME_PARTICLES = frozenset(
    fold(w)
    for w in (
        "أبو",
        "أبي",
        "بن",
        "ابن",
        "بنت",
        "علي",
        "العلي",
        "أمين",
        "الأمين",
        "آل",
        "عبد",
        "ذو",
        "د",
        "أ",
        "م",
    )
)


#: Titles written before an author's name on a byline line (kept out of the name).
_HONORIFIC = re.compile(
    r"^\s*(?:أ\.\s?د\.|د\.|الدكتورة?|دكتورة?|أ\.|الأستاذة?|م\.|المهندسة?|Dr\.?|Prof\.?)\s*"
)


_NAME_PUNCT = re.compile(r"[^\w\s.@'’\-]")


_HANDLE = re.compile(r"@\w+")


_SEPARATOR = re.compile(r"\s*[|•،,]\s*|\s+[-–]\s+")


_BYLINE_END = re.compile(r"\s*[|•،,\d(]|\s+(?:في|on|at)\s")


def name_part(text: str) -> str | None:
    """`text` if it reads as a person's name: 1-5 words, no digits, stop words or outlet
    names (a dateline such as "موسكو - سبوتنيك" is not a name). Stop words are looked up
    unfolded, so that "منى" is not taken for "مني"."""
    text = _HANDLE.sub("", text).strip(" .,،:-–|")
    words = [fold(w) for w in words_of(text)]
    if not 1 <= len(words) <= 5 or _NAME_PUNCT.search(text) or any(c.isdigit() for c in text):
        return None
    outlets = cue_words().outlets
    if any(w in outlets for w in words) or any(
        arabic_stop.is_stop(dediac_ar(w)) and fold(w) not in _NAME_PARTICLES for w in words_of(text)
    ):
        return None
    return text


def find_author(page: PageLines, claims: dict) -> str | None:
    for i in page.header + page.tail:
        if i in claims or page.kinds[i] not in BYLINE_KINDS or page.n_tokens(i) > 12:
            continue
        name = byline_name(page, i)
        if name:
            claims[i] = ("metadata", "byline")
            return name
    for k, i in enumerate(page.tail):
        if page.kinds[i] != "latin" or i in claims:
            continue
        following = page.tail[k + 1] if k + 1 < len(page.tail) else None
        handle_next = following is not None and _HANDLE.fullmatch(page.lines[following])
        name = name_part(page.lines[i])
        if name and (_HANDLE.search(page.lines[i]) or handle_next) and name[0].isalpha():
            claims[i] = ("metadata", "signature")
            if handle_next:
                claims[following] = ("metadata", "signature handle")
            return name
    for i in page.header:
        # an academic or professional title before a name: "د. سامر الخطيب"
        m = _HONORIFIC.match(page.lines[i])
        name = m and name_part(page.lines[i][m.end() :])
        if i not in claims and name and 2 <= len(words_of(name)) <= 4:
            claims[i] = ("metadata", "byline (title and name)")
            return name
    if page.header and page.block:
        # a bare name line right above the text, named again in the header (breadcrumb,
        # "in NAME, category") or standing right under the headline / date lines
        i = page.header[-1]
        above = page.header[-4:-1]
        named_again = any(page.folded[i] in page.folded[j] for j in page.header[:-1])
        under_headline = any(page.kinds[j] in ("short", "prose", "date") for j in above)
        if (
            i not in claims
            and page.kinds[i] == "short"
            and name_like(page, i)
            and (named_again or under_headline)
        ):
            claims[i] = ("metadata", "author name above the text")
            return page.lines[i]
    if page.tail and page.kinds[page.tail[0]] == "short" and name_like(page, page.tail[0]):
        # a signature closing the page: the last line of text, or followed by a role line
        i, rest = page.tail[0], page.tail[1:]
        role_next = rest and cue_words().author_roles.match(" " + page.folded[rest[0]].lstrip("*-– "))
        if i not in claims and (not page.footer[1:] or role_next):
            claims[i] = ("metadata", "signature")
            return page.lines[i]
    return None


def byline_name(page: PageLines, i: int) -> str | None:
    """The name on a byline: after a cue ("بقلم", "كتب:", "بواسطة", "By") anywhere in the
    line and up to a separator, date or "في"; or before a role word ("X - صحافي")."""
    cues = cue_words()
    line, folded = page.lines[i], page.folded[i]
    for m in cues.author.finditer(folded):
        rest = original_after(line, m.end()).lstrip(" :：-–|")
        rest = _BYLINE_END.split(rest)[0]
        name = name_part(rest)
        if name and not cues.author_roles.match(" " + fold(name)):
            return name
    if page.dates(i):
        # "name | date": the name stands before the separator
        first = _SEPARATOR.split(line, maxsplit=1)[0]
        if first != line and name_part(first) and 2 <= len(words_of(first)) <= 4:
            return name_part(first)
    m = cues.author_roles.search(folded)
    if m and m.start() > 0:
        name = name_part(original_before(line, m.start()))
        if name and len(words_of(name)) >= 2:
            return name
    return None


def name_like(page: PageLines, i: int) -> bool:
    """A short Arabic line that reads as a person's name (2-4 words, no article on the
    first, no stop words or punctuation)."""
    words = page.words(i)
    return (
        2 <= len(words) <= 4
        and bool(ARABIC_LETTER.match(words[0]))
        and not words[0].startswith("ال")
        and name_part(page.lines[i]) is not None
    )
