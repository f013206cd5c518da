"""The given-name lexicon shipped in `data/given_names.txt` (foreign and Arabic names, folded),
with the given names of Wikidata's persons in `data/given_names_wikidata.txt`.

The Wikidata list is rebuilt from the name index that the `arabic-name-romanizer` package ships
(Wikidata labels, CC0), reproducibly:

    pip download --no-deps arabic-name-romanizer==0.2.0 && unzip arabic_name_romanizer-0.2.0-*.whl
    python -m helpers.entities.given_names --from-romanizer arabic_name_romanizer/resources/names.sqlite3
"""

from __future__ import annotations

import argparse
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from helpers.core.paths import DATA_DIR
from helpers.core.text import fold
from helpers.core.words import is_function_word, strip_diacritics, word_zipf


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


#: The hand-made list's file, and the Wikidata given names' file, read into the hand-made list's
#: Arabic section (names that are also words start a name only before another name-like word).
HAND_MADE_FILE = "given_names.txt"
WIKIDATA_FILE = "given_names_wikidata.txt"


def _names_in(text: str) -> Iterator[tuple[str, str]]:
    """(section, name) for the name lines of a given-name file: `[foreign]` or `[arabic]` heads a
    section, `#` a comment."""
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line.strip("[]")
        elif line and not line.startswith("#"):
            yield section, line


def _name_words(name: str) -> tuple[str, ...]:
    """A name's folded words (جان-لوك: جان لوك)."""
    return tuple(fold(name).replace("-", " ").split())


@lru_cache(maxsize=1)
def given_names() -> GivenNames:
    """The given-name lexicon shipped in `data/given_names.txt`, the Wikidata names among the
    Arabic ones."""
    text = (DATA_DIR / HAND_MADE_FILE).read_text(encoding="utf-8")
    text += "\n[arabic]\n" + (DATA_DIR / WIKIDATA_FILE).read_text(encoding="utf-8")
    sections: dict[str, set[tuple[str, ...]]] = {"foreign": set(), "arabic": set()}
    spellings = set()
    for current, line in _names_in(text):
        words = _name_words(line)
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


#: A Wikidata name is kept when at least this many persons bear it as a given name, and at least
#: `GIVEN_SHARE` times as many as bear it as a surname.
MIN_BEARERS = 5
GIVEN_SHARE = 2
#: Countries whose persons' names Wikidata writes in Urdu, whose words are not Arabic names
#: (وقار "dignity" is Waqar there).
URDU_COUNTRIES = frozenset({"PK", "IN", "BD"})
#: Words this common (Zipf) are left out: ordinary words first (كامل، أكبر، ولد).
MAX_NAME_ZIPF = 3.0
#: First words of patronymic chains, not given names (بن محمد، ولد); nor is a definite word
#: (العربي).
PATRONYMIC_WORDS = frozenset({"بن", "ابن", "بنت", "ولد"})
#: Letters a word may start with as a proclitic (و، ف، ب، ك، ل).
PROCLITIC_LETTERS = "وفبكل"
_ARABIC_NAME = re.compile(r"[\u0621-\u064a]+( [\u0621-\u064a]+)?")


def wikidata_given_names(
    rows: list[tuple[str, str, int, str]], known: frozenset[str] = frozenset()
) -> list[str]:
    """Given names from (name, role, persons, country) rows of the romanizer's `units` table:
    Arabic letters only (no Persian ones), one or two words, borne as a given name by
    `MIN_BEARERS` persons outside `URDU_COUNTRIES` and `GIVEN_SHARE` times more often than as a
    surname, not a function word, an article's word or a common word (`MAX_NAME_ZIPF`), nor what a
    proclitic makes another name or a word in use (درية in بدرية, رضية in فرضية "hypothesis";
    `known`: the hand-made list's folded names); sorted."""
    roles: dict[str, Counter] = {}
    for name, role, persons, country in rows:
        if country not in URDU_COUNTRIES:
            roles.setdefault(name, Counter())[role] += persons
    kept = []
    for name, count in roles.items():
        words = fold(name).split()
        if (
            count["given"] < MIN_BEARERS
            or count["given"] < GIVEN_SHARE * count["surname"]
            or not _ARABIC_NAME.fullmatch(name)
            or words[0] in PATRONYMIC_WORDS
            or words[0].startswith("ال")
            or any(is_function_word(w) for w in words)
            or (len(words) == 1 and word_zipf(words[0]) >= MAX_NAME_ZIPF)
        ):
            continue
        kept.append(name)
    names = known | {fold(n) for n in kept}
    return sorted(
        n
        for n in kept
        if not any(fold(p + n) in names or word_zipf(fold(p + n)) >= 3.0 for p in PROCLITIC_LETTERS)
    )


def write_wikidata_names(index: Path, out: Path = DATA_DIR / WIKIDATA_FILE) -> int:
    """Write the given names of the romanizer's name index (an SQLite file) to `out`, those the
    hand-made lexicon lacks; returns how many."""
    with sqlite3.connect(index) as db:
        rows = db.execute("SELECT arabic_key, role, count, country FROM units").fetchall()
    own = (DATA_DIR / HAND_MADE_FILE).read_text(encoding="utf-8")
    known = frozenset(" ".join(_name_words(name)) for _, name in _names_in(own))
    names = [n for n in wikidata_given_names(rows, known) if fold(n) not in known]
    header = (
        "# Given names of Wikidata's persons (labels CC0, https://www.wikidata.org), from the name index\n"
        "# of the arabic-name-romanizer package (0.2.0, MIT); rebuilt by\n"
        "# python -m helpers.entities.given_names --from-romanizer PATH/names.sqlite3\n"
    )
    tmp = out.with_suffix(".tmp")
    tmp.write_text(header + "".join(n + "\n" for n in names), encoding="utf-8")
    tmp.replace(out)
    return len(names)


def main() -> None:
    ap = argparse.ArgumentParser(description="Rebuild the Wikidata given names from the romanizer's index.")
    ap.add_argument("--from-romanizer", type=Path, required=True, help="its resources/names.sqlite3")
    ap.add_argument("--out", type=Path, default=DATA_DIR / WIKIDATA_FILE)
    args = ap.parse_args()
    print(f"{write_wikidata_names(args.from_romanizer, args.out)} names -> {args.out}")


if __name__ == "__main__":
    main()
