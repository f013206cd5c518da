"""The given-name lexicon shipped in `data/given_names.txt` (foreign and Arabic names, folded)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from helpers.core.paths import DATA_DIR
from helpers.core.text import fold
from helpers.core.words import strip_diacritics


@dataclass(frozen=True)
class GivenNames:
    """Given names in folded form, as token tuples."""

    foreign: frozenset[tuple[str, ...]]
    arabic: frozenset[tuple[str, ...]]
    longest: int
    spellings: frozenset[str]  # one-word names as written (diacritics removed)
    firsts: frozenset[str] = frozenset()  # first words of the names

    def match(self, tokens: list[str], i: int) -> tuple[int, bool]:
        """Length of the longest given name starting at tokens[i] (0 if none) and whether it is
        a foreign (strong) one."""
        for n in range(min(self.longest, len(tokens) - i), 0, -1):
            key = tuple(tokens[i : i + n])
            if key in self.foreign:
                return n, True
            if key in self.arabic:
                return n, False
        return 0, False


#: First words of compound given names (folded), written apart or joined (عبد العزيز / عبدالعزيز,
#: أبو بكر / أبوبكر).
COMPOUND_FIRSTS = ("عبد", "ابو", "ابي")


@lru_cache(maxsize=1)
def given_names() -> GivenNames:
    """The given-name lexicon shipped in `data/given_names.txt`."""
    text = (DATA_DIR / "given_names.txt").read_text(encoding="utf-8")
    sections: dict[str, set[tuple[str, ...]]] = {"foreign": set(), "arabic": set()}
    spellings = set()
    current = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[]")
            continue
        words = tuple(fold(line).replace("-", " ").split())
        sections[current].add(words)
        spellings.add(strip_diacritics(line))
        if len(words) == 2 and words[0] in COMPOUND_FIRSTS:  # عبد العزيز is also written عبدالعزيز
            sections[current].add((words[0] + words[1],))
            spellings.add(strip_diacritics(line).replace(" ", ""))
    sections["arabic"] -= sections["foreign"]
    longest = max(len(k) for keys in sections.values() for k in keys)
    firsts = frozenset(k[0] for keys in sections.values() for k in keys)
    return GivenNames(
        frozenset(sections["foreign"]), frozenset(sections["arabic"]), longest, frozenset(spellings), firsts
    )
