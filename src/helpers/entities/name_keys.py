"""Entity linking: consonant-skeleton keys, rule-made entity ids, surname links, merge log.

Arabic press spells foreign names many ways (دوشانبي / دوشانبيه / دوشنبة, سيرغي / سيرجي,
كازاخستان / كازخستان). Folding (`text.fold`) unifies hamza, alef maksura and teh marbuta; the
skeleton key goes further: long vowels dropped, letters used for one foreign sound merged
(g: غ ج ك ق; t: ت ط; s: س ص ث ...), a final ه dropped. Two names with one skeleton within one
entity type are taken as one entity; every such merge is written to the merge log.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from helpers.core.words import is_function_word, proclitic_forms, word_zipf
from helpers.entities.given_names import COMPOUND_FIRSTS, given_names

# Letters written for one sound of a foreign name, mapped to one representative.
_LETTER_CLASS = str.maketrans(
    {
        "ج": "ك",
        "غ": "ك",
        "ق": "ك",
        "گ": "ك",
        "ط": "ت",
        "ث": "س",
        "ص": "س",
        "ض": "د",
        "ذ": "ز",
        "ظ": "ز",
        "ڤ": "ف",
        "پ": "ب",
        "چ": "ش",
    }
)
_VOWELS = set("اويءئؤ")
#: Skeletons shorter than this are too ambiguous for skeleton matching.
MIN_SKELETON = 4


@lru_cache(maxsize=300_000)
def token_skeleton(folded_token: str) -> str:
    """Consonant skeleton of one folded word: first letter kept, later long vowels and hamza
    carriers dropped, letter classes merged, doubled letters collapsed, final ه dropped."""
    if not folded_token:
        return ""
    chars = folded_token.translate(_LETTER_CLASS)
    out = [chars[0]]
    for ch in chars[1:]:
        if ch in _VOWELS or ch == out[-1]:
            continue
        out.append(ch)
    if len(out) > 2 and out[-1] == "ه":
        out.pop()
    return "".join(out)


def skeleton_key(folded_tokens: tuple[str, ...] | list[str]) -> str:
    """Skeleton of a multi-word name: word skeletons joined by spaces."""
    return " ".join(token_skeleton(t) for t in folded_tokens)


def spelling_similarity(folded_a: str, folded_b: str) -> float:
    """difflib ratio of two folded names once letters that transliterate alike are merged
    (طشقند ~ تاشكند 0.91); vowels count, so names on one skeleton can still differ (اليفورنيا,
    الفروانيه 0.67)."""
    return SequenceMatcher(None, folded_a.translate(_LETTER_CLASS), folded_b.translate(_LETTER_CLASS)).ratio()


def skeleton_length(key: str) -> int:
    """Number of skeleton letters (spaces not counted)."""
    return len(key.replace(" ", ""))


def compound_forms(folded_tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The name with its compound given names written apart and joined (عبد العزيز، عبدالعزيز;
    أبو بكر، أبوبكر)."""
    joined: list[str] = []
    k = 0
    while k < len(folded_tokens):
        word = folded_tokens[k]
        if word in COMPOUND_FIRSTS and k + 1 < len(folded_tokens):
            joined.append(word + folded_tokens[k + 1])
            k += 2
        else:
            joined.append(word)
            k += 1
    apart: list[str] = []
    for word in joined:
        first = next((c for c in COMPOUND_FIRSTS if word.startswith(c) and len(word) > len(c) + 2), None)
        apart += [first, word[len(first) :]] if first else [word]
    return {tuple(joined), tuple(apart)}


@lru_cache(maxsize=100_000)
def joined_compounds(folded_tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The name with its compound given names joined (the linking key: عبد العزيز = عبدالعزيز)."""
    return min(compound_forms(folded_tokens), key=len)


#: From this Zipf a given name with the article is a branch of a family named after a forebear
#: (الفيصل، السعود), which several persons of one given name bear with different fathers.
BRANCH_NAME_ZIPF = 4.5
#: The words before a forebear's name in a patronymic chain (بن أحمد، بنت محمد).
CHAIN_LINKS = frozenset({"بن", "ابن", "بنت"})


def without_chain_links(words: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name without the بن / بنت between its words, which the press writes or leaves out
    (أحمد بن عبدالعزيز قطان = أحمد عبدالعزيز قطان); not before a family name with آل, nor where
    the given name and the father's would be left alone."""
    kept = tuple(
        w
        for k, w in enumerate(words)
        if not (0 < k < len(words) - 1 and w in CHAIN_LINKS and words[k + 1] != "ال")
    )
    return kept if len(kept) >= 3 else words  # محمد بن سلمان is not محمد سلمان


def without_patronymics(folded_tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """A person's name without the forebears' names between the given name and the family name
    (عادل بن أحمد الجبير: عادل الجبير), compound names counted whole (بن عبد الله); None when it
    has no such chain or nothing after it (فيصل بن خالد بن عبدالعزيز names him by his forebears)."""
    words = joined_compounds(folded_tokens)
    k, kept = 1, list(words[:1])
    while k + 1 < len(words) and words[k] in CHAIN_LINKS:
        k += 2
    kept += words[k:]
    if k == 1 or len(kept) < 2 or kept[1] in CHAIN_LINKS or any(w in CHAIN_LINKS for w in kept[1:]):
        return None
    family = kept[-1].removeprefix("ال")
    if family != kept[-1] and given_names().match([family], 0)[0] and word_zipf(family) >= BRANCH_NAME_ZIPF:
        return None  # تركي بن عبدالله الفيصل: الفيصل is a forebear's name too, not تركي الفيصل's family
    return tuple(kept)


def linking_key(etype: str, folded_tokens: tuple[str, ...]) -> str:
    """What two names of one type must share to be taken as one entity: the skeleton of the
    name with its compound given names joined (عبد العزيز = عبدالعزيز) and, a person's, without the
    بن of its forebears (`without_chain_links`), its first ابن written بن; a person's Arabic given
    name must be the same word (حنان الشهراني is not حنين الشهراني, whose skeletons agree): a
    name with an Arabic given name or family name (ال...) is compared whole (العمير is not
    العمري, محمد عطيف not محمد عاطف)."""
    words = joined_compounds(tuple(folded_tokens))
    if etype == "PER":
        words = without_chain_links(words)
        if words[0] == "ابن" and len(words) > 1:
            words = ("بن", *words[1:])  # ابن زيدون = بن زيدون
    if etype == "PER" and (words[-1].startswith("ال") or (words[0],) in given_names().arabic):
        return " ".join(words)  # Arabic names are spelled alike: العمير is not العمري, عطيف not عاطف
    key = skeleton_key(words)
    if etype == "PER" and len(words) >= 2 and (words[0],) in given_names().arabic:
        key = words[0] + " " + key.split(" ", 1)[1]
    return key


#: Below this Zipf a surname is no ordinary word; a known person's (gazetteer) surname may be
#: as frequent as `KNOWN_SURNAME_ZIPF` (الأسد، السيسي: frequent because the person is).
SURNAME_ZIPF = 4.5
KNOWN_SURNAME_ZIPF = 5.0


def is_surname(folded_word: str, limit: float = SURNAME_ZIPF) -> bool:
    """The last word of a full name can stand for the person alone: not a function word, a
    given name or ordinary vocabulary below `limit` (إمام علي does not make every على a mention)."""
    names = given_names()
    if any(c and word_zipf(rest) >= 2.5 > word_zipf(folded_word) for c, rest in proclitic_forms(folded_word)):
        return False  # برأسمال: ب + a word
    return (
        len(folded_word) >= 3
        and " " not in folded_word  # ﷺ folds to a whole blessing
        and not is_function_word(folded_word)
        and word_zipf(folded_word) < limit
        and (folded_word,) not in names.foreign
        and (folded_word,) not in names.arabic
    )


@dataclass
class Merge:
    """One reviewable decision that a written form belongs to an entity."""

    entity_id: str
    variant: str
    reason: str
    detail: str


#: Two ordinary words (at least this Zipf) on one skeleton are one word only when spelled this
#: alike (الأمريكية ~ الأميركية 0.89; الصحة / السياحة 0.83 are two words).
ORDINARY_ZIPF = 3.0
ORDINARY_ALIKE = 0.88
_HAMZA_SEATS = str.maketrans(dict.fromkeys("ؤئأإآ", "ء"))


def written_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names on one skeleton are spellings of one name: no pair of their differing words are
    two ordinary words spelled apart (منتخب اليمن / منتخب ألمانيا, مجلس الوكلاء / مجلس الكلية) or
    an Arabic given name and another word (ابن راشد / ابن رشد، سلمان / سليمان: Arabic names have
    one spelling); transliterations (فينغر / فينجر، برس / بريس) and hamza seats (الشؤون /
    الشئون) are alike."""
    if len(a) != len(b):
        return True
    for x, y in zip(a, b, strict=True):
        x, y = x.translate(_HAMZA_SEATS), y.translate(_HAMZA_SEATS)
        if x == y:
            continue
        if any(n and not foreign for n, foreign in (given_names().match([w], 0) for w in (x, y))):
            return False
        if min(word_zipf(x), word_zipf(y)) < ORDINARY_ZIPF:
            continue
        if spelling_similarity(x, y) < ORDINARY_ALIKE and not _vowel_variant(x, y):
            return False
    return True


def _vowel_variant(x: str, y: str) -> bool:
    """One word is the other with long-vowel letters added (برس / بريس، مليشيا / ميليشيا)."""
    short, long = sorted((x, y), key=len)
    k = 0
    for ch in long:
        if k < len(short) and ch == short[k]:
            k += 1
        elif ch not in "اوي":
            return False
    return k == len(short)


@dataclass
class RuleEntityIndex:
    """Ids for entities found by rules (not in the gazetteer), merged across the corpus by
    (type, skeleton key)."""

    ids: dict[tuple[str, str], str] = field(default_factory=dict)
    names: dict[str, list[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(list))

    def entity_id(self, etype: str, folded_tokens: tuple[str, ...]) -> tuple[str, bool]:
        """Id for a rule-found name and whether an earlier, differently written name of the
        same skeleton already had it."""
        key = (etype, linking_key(etype, folded_tokens))
        if skeleton_length(key[1]) < MIN_SKELETON:  # كوي / جوكا: too short a skeleton to merge on
            key = (etype, " ".join(folded_tokens))
        elif key in self.ids and not any(
            written_alike(*(without_chain_links(joined_compounds(x)) for x in (folded_tokens, n)))
            for n in self.names[self.ids[key]]
        ):
            key = (etype, " ".join(folded_tokens))  # وزارة الصحة is not وزارة السياحة
        merged = key in self.ids and folded_tokens not in self.names[self.ids[key]]
        if key not in self.ids:
            self.ids[key] = f"{etype.lower()}:{'_'.join(folded_tokens)}"
        eid = self.ids[key]
        if folded_tokens not in self.names[eid]:
            self.names[eid].append(folded_tokens)
        return eid, merged


class SurnameIndex:
    """Surname (last word of a full personal name) -> entity ids of the persons bearing it."""

    def __init__(self) -> None:
        self._by_surname: dict[str, set[str]] = defaultdict(set)

    def add(self, entity_id: str, folded_tokens: tuple[str, ...]) -> None:
        if len(folded_tokens) >= 2 and is_surname(folded_tokens[-1]):
            self._by_surname[folded_tokens[-1]].add(entity_id)

    def lookup(self, surname: str) -> str | None:
        """The one person with this surname, or None when none or several."""
        ids = self._by_surname.get(surname, set())
        return next(iter(ids)) if len(ids) == 1 else None

    def __contains__(self, surname: str) -> bool:
        return surname in self._by_surname
