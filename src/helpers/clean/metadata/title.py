"""The headline of a page, above its main block."""

from __future__ import annotations

from helpers.clean.metadata.author import name_like
from helpers.clean.metadata.cues import BULLETS
from helpers.clean.metadata.lines import PageLines
from helpers.core.text import ARABIC_LETTER, arabic_ratio


def find_title(page: PageLines, claims: dict) -> tuple[str | None, int | None]:
    """The headline: among the header's lines of text, prefer one followed within three
    lines by article metadata (date, byline, credit, caption), then one that is not a bare
    name, then one repeated on the page (og:title + h1), then the one nearest the text; with
    no such evidence, the topmost."""
    candidates = [
        i
        for i in page.header
        if i not in claims
        and page.kinds[i] in ("prose", "short")
        and 3 <= page.n_tokens(i) <= 30
        and ARABIC_LETTER.match(page.lines[i].lstrip(BULLETS))
        and arabic_ratio(page.lines[i]) >= 0.6
    ]
    if not candidates:
        return None, None

    def followed_by_metadata(i: int) -> bool:
        k = page.header.index(i)
        return any(
            j in claims or page.kinds[j] in ("date", "caption") or page.dates(j)
            for j in (page.header + page.block)[k + 1 : k + 4]
        )

    def key(i: int) -> tuple[bool, bool, bool, int]:
        return (followed_by_metadata(i), not name_like(page, i), page.counts[page.folded[i]] > 1, i)

    best = max(candidates, key=key)
    chosen = best if any(key(best)[:3]) else candidates[0]
    k = page.header.index(chosen)
    previous = page.header[k - 1] if k else None
    if (
        previous in candidates
        and 4 <= page.n_tokens(previous) < page.n_tokens(chosen)
        and page.n_tokens(chosen) >= 10
    ):
        chosen = previous  # a headline above its longer standfirst or caption
    same = [i for i in page.header if page.folded[i] == page.folded[chosen] and i not in claims]
    for i in same:
        claims[i] = ("title", "headline above the text")
    return page.lines[chosen], same[0]
