"""Words of the Arabic temporal tagger: its lexicon, word tokens and number / ordinal words.

The lexicon (`data/timex_lexicon.yaml`) is read once and folded with `text.fold`; month and
weekday names come from `calendar_names`. TimexTokens are read from folded text, and a word may carry
one proclitic (و ف ب ل ك and their pairs): `TimexTokens.stem_in` tries the word with and without it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from helpers.core.calendar import HIJRI_MONTHS, MONTHS
from helpers.core.paths import read_data_yaml
from helpers.core.text import fold

PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")
# Digits joined by . , : / - stay one token (2021/07/17, 16:45, 10-20, 3,7).
_TOKEN = re.compile(r"\d+(?:[.,:/\-]\d+)*|[^\W\d_]+|[^\w\s]")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_SENTENCE_MARKS = {".", "!", "?", "؟", "؛", ";"}


def _fold_words(words) -> list[str]:
    return [fold(str(w)) for w in words]


def _fold_keys(table: dict) -> dict:
    return {fold(str(k)): v for k, v in table.items()}


class Phrases:
    """Multi-word entries (folded, split into tokens) found at a token position, longest first."""

    def __init__(self, table: dict[str, object]):
        #: first word -> [(following words, value)], longest first
        self.rest: dict[str, list[tuple[list[str], object]]] = {}
        for phrase, value in table.items():
            words = _TOKEN.findall(phrase)
            self.rest.setdefault(words[0], []).append((words[1:], value))
        for entries in self.rest.values():
            entries.sort(key=lambda e: -len(e[0]))

    def first_words(self) -> set[str]:
        return set(self.rest)


class Lexicon:
    """The folded lexicon; see the YAML file for what each table holds. `words(key)` gives a
    folded word set, `table(key)` a folded mapping."""

    def __init__(self, raw: dict):
        self._words: dict[str, frozenset[str]] = {}
        self._tables: dict[str, dict] = {}
        for key, entry in raw.items():
            if isinstance(entry, list):
                self._words[key] = frozenset(_fold_words(entry))
            elif isinstance(entry, dict) and all(not isinstance(v, dict | list) for v in entry.values()):
                self._tables[key] = _fold_keys(entry)
        self.cardinals: dict[str, int] = self._tables["cardinals"]
        self.teen_units: dict[str, int] = self._tables["teen_units"]
        self.ordinals: dict[str, int] = self._tables["ordinals"]
        #: folded unit word -> (TIMEX3 unit code, 'singular' | 'dual' | 'plural')
        self.units: dict[str, tuple[str, str]] = {
            w: (code, number)
            for code, forms in raw["duration_units"].items()
            for number, words in forms.items()
            for w in _fold_words(words)
        }
        self.relations: dict[str, str] = {
            w: rel for rel, words in raw["relations"].items() for w in _fold_words(words)
        }
        #: decade words with and without the article -> decade digit
        self.decades: dict[str, int] = {}
        for word, digit in self._tables["decades"].items():
            self.decades[word] = digit
            self.decades[word.removeprefix("ال")] = digit
        self.weekday_blockers: dict[str, frozenset[str]] = {
            fold(day): frozenset(_fold_words(words)) for day, words in raw["weekday_blockers"].items()
        }
        vague = {fold(p): ref for ref, phrases in raw["vague"].items() for p in phrases}
        months = {name: ("G", n) for name, n in MONTHS.items()}
        months.update({name: ("H", n) for name, n in HIJRI_MONTHS.items()})
        self.phrases: dict[str, Phrases] = {
            "months": Phrases(months),
            "relative_days": Phrases(self._tables["relative_days"]),
            "relative_times": Phrases({k: tuple(v) for k, v in _fold_keys(raw["relative_times"]).items()}),
            "vague": Phrases(vague),
            "sets": Phrases(self._tables["sets"]),
            "duration_cues": Phrases(self._tables["duration_cues"]),
            "within_period": Phrases(dict.fromkeys(self._words["within_period"], True)),
            "range_open": Phrases(dict.fromkeys(self._words["range_open"], True)),
            "anaphoric_days": Phrases(self._tables["anaphoric_days"]),
            "anaphoric_years": Phrases(dict.fromkeys(self._words["anaphoric_years"], True)),
        }

    def words(self, key: str) -> frozenset[str]:
        return self._words[key]

    def table(self, key: str) -> dict:
        return self._tables[key]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The tagger's lexicon, loaded once."""
    return Lexicon(read_data_yaml("timex_lexicon.yaml"))


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[tuple[int, str], ...]:
    """The word itself and, for each proclitic it may carry, (clitic length, rest); ل + ال is
    written لل (للعام -> العام)."""
    out = [(0, word)]
    for clitic in PROCLITICS:
        rest = word[len(clitic) :]
        if word.startswith(clitic) and len(rest) >= 2:
            out.append((len(clitic), rest))
            if clitic.endswith("ل") and rest.startswith("ل") and len(rest) >= 3:
                out.append((len(clitic), "ا" + rest))
    return tuple(out)


class TimexTokens:
    """Word tokens of a folded text (parallel lists of the text and its start and end offsets
    into the folded text), with look-ups that tolerate a proclitic on a word. Indexes outside
    the text read as empty tokens."""

    def __init__(self, folded: str):
        pieces = _TOKEN_SPLIT.split(folded)  # gap, token, gap, token, ..., gap
        offsets = list(accumulate(map(len, pieces)))
        self.texts: list[str] = pieces[1::2]
        self.starts: list[int] = offsets[0:-1:2]
        self.ends: list[int] = offsets[1::2]
        self.size = len(self.texts)
        self._gaps = pieces[0::2]

    def boundary_before(self, k: int) -> bool:
        """True when a sentence boundary (line break or . ! ؟ ؛) comes just before token k."""
        if k <= 0 or k >= self.size:
            return True
        return self.texts[k - 1] in _SENTENCE_MARKS or "\n" in self._gaps[k]

    def __len__(self) -> int:
        return self.size

    def text(self, i: int) -> str:
        return self.texts[i] if 0 <= i < self.size else ""

    def is_word(self, i: int, words, clitic: bool = False) -> int | None:
        """Clitic length when token i (or its stem, if `clitic`) is one of `words`, else None."""
        hit = self.stem_in(i, words, clitic)
        return None if hit is None else hit[0]

    def stem_in(self, i: int, table, clitic: bool = True):
        """(clitic length, stem, value) when token i, with or without a proclitic, is a key of
        `table` (a dict, or a set with value True)."""
        if not 0 <= i < self.size:
            return None
        word = self.texts[i]
        for clen, stem in stems(word) if clitic else ((0, word),):
            if stem in table:
                return clen, stem, table[stem] if isinstance(table, dict) else True
        return None

    def phrase(self, i: int, phrases: Phrases, clitic: bool = True):
        """(end token index, value, clitic length) of the longest phrase starting at token i."""
        if not 0 <= i < self.size:
            return None
        word = self.texts[i]
        for clen, stem in stems(word) if clitic else ((0, word),):
            for rest, value in phrases.rest.get(stem, ()):
                if not rest or self.texts[i + 1 : i + 1 + len(rest)] == rest:
                    return i + 1 + len(rest), value, clen
        return None


def read_cardinal(tokens: TimexTokens, i: int, clitic: bool = True):
    """(end, value, clitic length) of a number at token i: digits (no separators) or number words
    joined by و ("خمسة وعشرين", "أحد عشر", "لعشرين"). None when there is none."""
    lex = lexicon()
    text = tokens.text(i)
    if text.isdigit() and text.isascii():
        return i + 1, int(text), 0
    hit = tokens.stem_in(i, lex.cardinals, clitic)
    teen = lex.words("teen_tens")
    if hit is None:
        unit = tokens.stem_in(i, lex.teen_units, clitic)
        if unit is None or tokens.text(i + 1) not in teen:
            return None
        clen, value, j = unit[0], 10 + unit[2], i + 2
    else:
        clen, value, j = hit[0], hit[2], i + 1
        if value < 10 and tokens.text(j) in teen:
            value, j = value + 10, j + 1
    while True:  # "خمسة وعشرين", "مئة و خمسون"
        if tokens.text(j) == "و" and tokens.text(j + 1) in lex.cardinals:
            part, step = lex.cardinals[tokens.text(j + 1)], 2
        elif tokens.text(j).startswith("و") and tokens.text(j)[1:] in lex.cardinals:
            part, step = lex.cardinals[tokens.text(j)[1:]], 1
        else:
            break
        if not (part > value or value >= 100 > part):
            break
        value, j = value + part, j + step
    return j, value, clen


def read_ordinal(tokens: TimexTokens, i: int, clitic: bool = True):
    """(end, value, clitic length) of an ordinal word at token i ("الرابع والعشرين", "الحادي
    عشر", "العاشرة"). None when there is none."""
    lex = lexicon()
    hit = tokens.stem_in(i, lex.ordinals, clitic)
    if hit is None:
        return None
    clen, stem, value = hit
    j = i + 1
    compound = False
    nxt = tokens.text(j)
    if value < 10 and nxt in lex.words("teen_tens"):
        value, j, compound = value + 10, j + 1, True
    elif value < 10 and nxt.startswith("و") and lex.ordinals.get(nxt[1:], 0) >= 20:
        value, j, compound = value + lex.ordinals[nxt[1:]], j + 1, True
    elif value < 10 and nxt == "و" and lex.ordinals.get(tokens.text(j + 1), 0) >= 20:
        value, j, compound = value + lex.ordinals[tokens.text(j + 1)], j + 2, True
    if not compound and stem in lex.words("compound_only_ordinals"):
        return None
    return j, value, clen
