"""Word-level knowledge: folded tokens, proclitics, word frequencies, function words.

Word frequencies come from the `wordfreq` package (its Arabic list mixes Wikipedia, news,
subtitles and web text); a word is "common" when it is frequent enough to be ordinary vocabulary.
Proclitic handling is hand-written (camel-tools' morphology data is not installed here).
"""

from __future__ import annotations

import math
from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar

from helpers.core.text import fold, stopwords

#: Proclitic strings (folded) that may precede a name: conjunctions و ف, prepositions ب ك ل and
#: their combinations. Longest first.
PROCLITICS = ("وب", "ول", "فب", "فل", "وك", "فك", "و", "ف", "ب", "ك", "ل")
#: Attached pronouns (folded) a noun may end with (تدريباتهم، لسانه). Longest first.
PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "نا", "كم")
#: Lowest Zipf frequency kept in the table (rarer words count as unknown, frequency 0).
MIN_ZIPF = 2.5


@lru_cache(maxsize=300_000)
def fold_token(token: str) -> str:
    """`text.fold` of one word, cached (words repeat, folding is the costly step)."""
    return fold(token)


@lru_cache(maxsize=300_000)
def proclitic_forms(word: str) -> tuple[tuple[int, str], ...]:
    """Readings of a folded word as (proclitic length, rest), the word itself first.

    ل + ال is written لل: "للولايات" reads as ("ل", "الولايات"), "وللأمم" as ("ول", "الامم"), and
    before a word in ل one ل is dropped too ("للجنة": ل + اللجنة); a word known only without the
    article is that word (للندن: ل + لندن, للبنان: ل + لبنان). Rests shorter than two letters are
    not offered."""
    forms = [(0, word)]
    for clitic in PROCLITICS:
        if not word.startswith(clitic):
            continue
        rest = word[len(clitic) :]
        if clitic.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
            definite = max(("ا" + rest, "ال" + rest), key=word_zipf)
            name = word_zipf(definite) == 0 < word_zipf(rest)
            forms.append((len(clitic), rest if name else definite))
        elif len(rest) >= 2:
            forms.append((len(clitic), rest))
    return tuple(forms)


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    table: dict[str, float] = {}
    floor = 10 ** (MIN_ZIPF - 9)
    for word, freq in get_frequency_dict("ar", wordlist="best").items():
        if freq < floor:
            break  # the dictionary is sorted by decreasing frequency
        key = fold_token(word)
        zipf = math.log10(freq) + 9
        if zipf > table.get(key, 0.0):
            table[key] = zipf
    return table


def word_zipf(folded_word: str) -> float:
    """Zipf frequency (0-8, log10 per billion words) of a folded word; 0 when rare/unknown."""
    return _zipf_table().get(folded_word, 0.0)


def is_function_word(folded_word: str) -> bool:
    """True for Arabic stop words (particles, pronouns, prepositions, their clitic forms)."""
    return folded_word in stopwords()


def strip_diacritics(word: str) -> str:
    """A word as written, without diacritics and tatweel (hamza and alef forms kept)."""
    return dediac_ar(word).replace("\u0640", "")
