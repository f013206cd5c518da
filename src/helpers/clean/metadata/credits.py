"""Who a page credits: the outlet (credit line, copyright line, masthead repeated in header and
footer) and the source it names ("المصدر: ...")."""

from __future__ import annotations

import re

from helpers.clean.metadata.cues import after_cue, cue_words, words_of
from helpers.clean.metadata.lines import PageLines
from helpers.core.text import fold

_COPYRIGHT = re.compile(
    r"(?:(?:جميع|كل)\s+الحقوق\s+محفوظة|حقوق\s+(?:النشر|الطبع)\s+محفوظة)\s*(?P<a>[^©\d|]+)"
    r"|©\s*(?:\d{4}\s*(?:[-–]\s*\d{4})?)?\s*(?P<b>[^©\d|.]+)"
    r"|copyright\s*©?\s*(?:\d{4})?\s*(?P<c>[^©\d|.]+)",
    re.IGNORECASE,
)


def find_attribution(page: PageLines, claims: dict) -> str | None:
    for i in page.header + page.block + page.tail:
        if page.kinds[i] == "prose" or page.n_tokens(i) > 10:
            continue
        found = after_cue(page.lines[i], cue_words().attribution)
        # a one-word cue ("المصدر") needs its colon; "نقلا عن" does not
        if found and (found[1] or " " in found[2]) and found[0].strip(" .،,"):
            claims[i] = ("metadata", "attribution (source line)")
            return found[0].strip(" .،,")
    return None


def is_outlet_line(page: PageLines, i: int) -> bool:
    words = page.words(i)
    if page.kinds[i] not in ("short", "latin") or not 1 <= len(words) <= 5 or page.lines[i][-1] in ".:؟?!،,":
        return False
    cues = cue_words()
    if page.folded[i].strip(" .-–|") in cues.outlets:
        return True
    # "وكالة ...", "صحيفة ...", "... بوست", "... للأنباء" (not "أزمة قناة السويس")
    return len(words) >= 2 and any(
        w in cues.media_words or w[1:] in cues.media_words for w in (words[0], words[-1])
    )


def find_outlet(page: PageLines, claims: dict) -> str | None:
    for i in page.header + page.block:
        if i not in claims and is_outlet_line(page, i):
            claims[i] = ("metadata", "outlet credit line")
            return page.lines[i].strip(" .-–|")
    mastheads: dict[str, list[int]] = {}
    for i in page.header:
        if page.kinds[i] in ("short", "latin") and page.n_tokens(i) <= 4 and i not in claims:
            mastheads.setdefault(page.folded[i], []).append(i)
    name = copyright_name(page)
    if name:
        # "محفوظة لمصير", "لـ مصير", "للأفق" (= ل + الأفق): the name without its proclitic
        bare = "ال" + name[2:] if name.startswith("لل") else name.removeprefix("لـ").removeprefix("ل")
        bare = bare.strip()
        for candidate in (name, bare):
            if fold(candidate) in mastheads:
                return masthead(page, mastheads[fold(candidate)], claims)
        return bare
    footer_texts = {page.folded[i] for i in page.footer}
    for folded, where in mastheads.items():
        if folded in footer_texts and page.kinds[where[0]] != "latin":
            return masthead(page, where, claims)
    return None


def copyright_name(page: PageLines) -> str | None:
    """The name in the page's copyright line ("جميع الحقوق محفوظة لـ X", "© 2024 X")."""
    for i in page.footer + page.header + page.block:
        m = _COPYRIGHT.search(page.lines[i]) if page.kinds[i] != "prose" else None
        if m:
            name = (m["a"] or m["b"] or m["c"] or "").strip(" .،,-–|")
            name = re.split(r"\s+(?:all rights|جميع الحقوق)", name, flags=re.IGNORECASE)[0].strip()
            if name and len(words_of(name)) <= 5:
                return name
    return None


def masthead(page: PageLines, where: list[int], claims: dict) -> str:
    for i in where:
        claims[i] = ("metadata", "outlet masthead")
    return page.lines[where[0]]
