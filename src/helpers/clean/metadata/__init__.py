"""Page metadata of a news text dump: title, outlet, author, publication date, attribution.

Works on a page's lines once the main text block is known (see `clean.page`): the headline,
credit, byline and date lines sit above the block, signatures and "المصدر: ..." just below it,
mastheads and the copyright line in the header and footer. Dates and names of related posts
(after a section marker such as "مقالات ذات صلة") are never used. Values keep the page's spelling.

Each value has its module: `title`, `credits` (outlet, attribution), `author`, `published` (with
the date grammar of `dates`); `lines` is the page they read, `cues` their word lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helpers.clean.metadata.author import find_author
from helpers.clean.metadata.credits import find_attribution, find_outlet
from helpers.clean.metadata.cues import BULLETS, BYLINE_KINDS, words_of
from helpers.clean.metadata.dates import (
    DateMention,
    find_dates,
    is_date_line,
    page_is_month_first,
)
from helpers.clean.metadata.lines import PageLines
from helpers.clean.metadata.published import find_published
from helpers.clean.metadata.title import find_title
from helpers.core.text import fold

__all__ = [
    "BULLETS",
    "BYLINE_KINDS",
    "DateMention",
    "PageMetadata",
    "extract_metadata",
    "find_dates",
    "is_date_line",
    "page_is_month_first",
    "words_of",
]


@dataclass
class PageMetadata:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    attribution: str | None = None
    #: line index -> (label, reason) for the lines these values came from
    claims: dict[int, tuple[str, str]] = field(default_factory=dict)


def extract_metadata(
    lines: list[str],
    kinds: list[str],
    block: tuple[int, int] | None,
    folded: list[str] | None = None,
    words: list[list[str]] | None = None,
) -> PageMetadata:
    """Metadata of a page given its stripped `lines`, the kind `clean.page` gave each line, the
    main block (first and last line index of the article text, or None when there is none) and,
    when known, the lines in `fold` form and their `words_of`."""
    page = PageLines(lines, kinds, block, folded or [fold(line) for line in lines], words)
    meta = PageMetadata()
    meta.attribution = find_attribution(page, meta.claims)
    meta.outlet = find_outlet(page, meta.claims)
    meta.author = find_author(page, meta.claims)
    meta.title, title_index = find_title(page, meta.claims)
    meta.published = find_published(page, title_index, meta.claims)
    return meta
