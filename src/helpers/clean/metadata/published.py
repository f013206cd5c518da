"""The publication date of a page: a cue line, else the date line by the headline, else an update
date, else a date line just below the text."""

from __future__ import annotations

from helpers.clean.metadata.cues import BULLETS, BYLINE_KINDS, after_cue, cue_words
from helpers.clean.metadata.dates import page_is_month_first
from helpers.clean.metadata.lines import PageLines
from helpers.core.calendar import WEEKDAYS
from helpers.core.text import ARABIC_LETTER


def dated_cue(page: PageLines, i: int, cues: tuple[str, ...]) -> bool:
    """Line i (not prose) starts with one of `cues`, after a bullet, and states a date."""
    return (
        page.kinds[i] != "prose"
        and bool(page.dates(i))
        and after_cue(page.lines[i].lstrip(BULLETS + " "), cues) is not None
    )


def find_published(page: PageLines, title_index: int | None, claims: dict) -> str | None:
    english_ui = any(
        page.kinds[i] in ("ui", "latin") and not ARABIC_LETTER.search(page.lines[i])
        for i in range(len(page.lines))
    )
    all_dates = [d for i in range(len(page.lines)) for d in page.dates(i)]
    month_first = page_is_month_first(all_dates, english_ui)
    cues = cue_words()
    searched = page.header + page.block + page.tail
    chosen = [i for i in searched if dated_cue(page, i, cues.published)][:1]
    reason = "publication date (cue)"
    if not chosen:
        reason = "publication date (date line by the headline)"
        date_lines = [
            i
            for i in page.header
            if page.dates(i)
            and (page.kinds[i] == "date" or page.kinds[i] in BYLINE_KINDS and page.n_tokens(i) <= 12)
            and not dated_cue(page, i, cues.updated)
        ]
        if title_index is not None:
            after = [i for i in date_lines if i > title_index]
            before = [
                i
                for i in date_lines
                if title_index - 3 <= i < title_index and not any(w in WEEKDAYS for w in page.words(i))
            ]
            chosen = after[:1] or before[-1:]
        else:
            chosen = [i for i in date_lines if i in page.header[-4:]][-1:]
    if not chosen:
        reason = "update date (no publication date stated)"
        chosen = [i for i in searched if dated_cue(page, i, cues.updated)][:1]
    if not chosen:
        reason = "date line below the text"
        chosen = [i for i in page.tail if page.kinds[i] == "date"][:1]
    if not chosen:
        return None
    i = chosen[0]
    claims[i] = ("metadata", f"{claims[i][1]}; {reason}" if i in claims else reason)
    return page.dates(i)[0].iso(month_first)
