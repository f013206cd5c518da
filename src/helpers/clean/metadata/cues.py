"""The cue words of page metadata (from `data/metadata_cues.yaml` and `data/outlets.txt`), the
line kinds and bullets bylines may have, and finding the text that follows or precedes a cue."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from helpers.core.calendar import WEEKDAYS
from helpers.core.paths import DATA_DIR, read_data_yaml
from helpers.core.text import FoldedText, fold

#: Line kinds a byline may have.
BYLINE_KINDS = frozenset({"short", "latin", "bullet", "date"})


#: Bullet characters that may open a line.
BULLETS = "•·●▪◦‣∙*-–—»>|"


#: How many non-blank lines after the main block may hold a signature, date or source line.
TAIL_LINES = 4


_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> list[str]:
    """Runs of letters or digits: the word count used for line evidence (a fast stand-in for
    `text.tokenize`, which stays the reference for the token counts reported)."""
    return _WORD.findall(text)


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
def cue_words() -> _Cues:
    raw = read_data_yaml("metadata_cues.yaml")

    def longest_first(key: str) -> tuple[str, ...]:
        return tuple(sorted({fold(c) for c in raw[key]}, key=len, reverse=True))

    outlet_lines = (DATA_DIR / "outlets.txt").read_text(encoding="utf-8").splitlines()
    return _Cues(
        published=longest_first("published"),
        updated=longest_first("updated"),
        date_words=frozenset(fold(w) for w in raw["date_words"]) | frozenset(WEEKDAYS),
        author=re.compile(
            r"(?:^|(?<=[\s|•:]))(?:"
            + "|".join(re.escape(c) for c in longest_first("author"))
            + r")(?![^\W_])"
        ),
        author_roles=re.compile(
            r"(?:^|[\s\-–|،,/])\s*(?:"
            + "|".join(re.escape(r) for r in longest_first("author_roles"))
            + r")(?![^\W_]).*$"
        ),
        attribution=longest_first("attribution"),
        media_words=frozenset(fold(w) for w in raw["media_words"]),
        outlets=frozenset(fold(o) for o in (s.strip() for s in outlet_lines) if o and o[0] != "#"),
    )


def after_cue(text: str, cues: tuple[str, ...]) -> tuple[str, bool, str] | None:
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
        after = folded.folded[len(cue) : len(cue) + 1]
        if folded.folded.startswith(cue) and not after.isalnum():
            rest = text[folded.original(len(cue) - 1) + 1 :].lstrip(" \t-–|")
            return rest.lstrip(" :：-–|").strip(), rest[:1] in (":", "："), cue
    return None


def original_after(text: str, folded_end: int) -> str:
    """The part of `text` after the character that produced fold(text)[folded_end - 1]."""
    return text[FoldedText(text).original(folded_end - 1) + 1 :] if folded_end else text


def original_before(text: str, folded_start: int) -> str:
    """The part of `text` before the character that produced fold(text)[folded_start]."""
    folded = FoldedText(text)
    return text[: folded.original(folded_start)] if folded_start < len(folded) else text
