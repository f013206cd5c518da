"""NER annotation's names where they differ from the entities stage's mentions.

`tag_entities` reports names as NER annotation marks them (ANERcorp's, the standard Arabic
benchmark, counted on its train part); the corpus tables keep the stage's mentions, which serve
the notebooks' questions (who and what an article names):
- a class noun or a direction before a name stands outside it (حركة حماس -> حماس، جنوب لبنان ->
  لبنان; `CLASS_NOUNS`), and so does an honorific epithet after a place (مكة المكرمة -> مكة;
  `EPITHETS`); a team is its place (منتخب مصر -> مصر);
- a description of a state's body is no name (الجيش اللبناني، الحكومة السودانية، مجلس الوزراء,
  O in about 220 of 226 and in all 33 of their occurrences there), where the stage names the body;
- a competition, treaty or prize is named by its place or its own name alone (دوري أبطال أوروبا ->
  أوروبا, a place; اتفاق أبوجا -> أبوجا; جائزة نوبل -> نوبل), and not at all by common words (كأس
  العالم، الدوري الإسباني: O in 26 of 36 and 4 of 6);
- a stadium is named without its head, as an other name (ملعب الإمارات -> الإمارات, MISC);
- currencies, God and religions are names (MISC: دولار 107 of 107, الله 48 times alone,
  الإسلام 67 of 73), which the stage leaves out as ordinary words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from helpers.core.words import fold_token, proclitic_forms, word_zipf
from helpers.entities import context, rules
from helpers.entities.gazetteer import Gazetteer, load_gazetteer, name_tokens
from helpers.entities.given_names import given_names
from helpers.entities.rules import WordTokens
from helpers.entities.spans import word_tokens
from helpers.stories.textfacts import SCALES

#: Class nouns that stand before a name in apposition (حركة حماس، نادي الغرافة، قطاع غزة), by the
#: type of the names they head. The entities stage keeps them in the mention (the article's
#: designation); NER annotation leaves them outside the name: in ANERcorp's train part each of
#: these stands outside a following name in most of its occurrences (مدينة 104 of 104, شركة 23 of
#: 24, نادي 14 of 20), while جامعة، حزب، مجلس، منظمة are inside (33 of 39 and more).
CLASS_NOUNS = {
    "ORG": frozenset(fold_token(w) for w in "حركة نادي فريق شركة صحيفة جريدة مجلة وكالة قناة".split()),
    "LOC": frozenset(
        fold_token(w)
        for w in "مدينة منطقة قطاع إقليم ولاية دولة جزيرة حي محافظة قرية بلدة مخيم جمهورية "
        # waters, mountains and places people go to
        "نهر بحيرة جبل سوق شارع ميدان ساحة مطار ميناء قاعدة".split()
    )
    | context.PLACE_DIRECTIONS,  # جنوب 62 of 68, شمال 39 of 39
}
#: Heads of a name for a place's team (منتخب مصر), which NER annotation marks as the place (LOC,
#: in 20 of 21 of ANERcorp's train part).
TEAM_HEADS = frozenset({fold_token("منتخب")})
#: A name after a class noun that no list knows is a name alone when each of its words is at
#: most this frequent (Zipf): الغرافة، سياك, not الكهرباء.
RARE_NAME_ZIPF = 3.3
#: Honorific epithets after a place's name, which NER annotation leaves outside it as well (مكة
#: المكرمة: مكة in all 36 of ANERcorp's train part, مشهد المقدسة، النجف الشريف); a place whose name
#: needs the epithet (المدينة المنورة) is not one the gazetteer knows without it.
EPITHETS = frozenset(fold_token(w) for w in "المكرمة المقدسة الشريف".split())
#: Heads of the bodies every state has (`context.STATE_HEADS`) that a description starts with; a
#: party named by common words (حزب العمال) is a name.
DESCRIBED_HEADS = context.STATE_HEADS - {fold_token("حزب")}
#: Heads of the names of competitions, treaties and prizes, which NER annotation leaves outside
#: (كأس | آسيا، اتفاق | أبوجا: O in all 36 اتفاق of ANERcorp's train part, جائزة in 31 of 31).
EVENT_HEADS = rules.COMPETITION_HEADS | context.TREATY_HEADS | {fold_token("جائزة")}
#: God's name, alone a name (MISC) in NER annotation: صلى الله، إن شاء الله.
GOD = fold_token("الله")
#: Religions, by their names (MISC in NER annotation; not as an adjective: الديانة المسيحية).
RELIGIONS = frozenset(fold_token(w) for w in "الإسلام الاسلام المسيحية اليهودية البوذية الهندوسية".split())
#: Words of CLDR's currency names that the press uses for a unit (أوقية: the ounce of gold far
#: more often than Mauritania's ouguiya).
UNIT_WORDS = frozenset({fold_token("أوقية")})
_FIRST_WORD = re.compile(r"\S+\s+")
_LAST_WORD = re.compile(r"\s+\S+$")


def _stands_alone(gaz: Gazetteer, kind: str, rest: str) -> bool:
    """Whether `rest`, the words after a class noun of a `kind` mention, is a name by itself: a
    name the gazetteer knows of that type (a club's or an outlet's for organisations, any for an
    event's), or rare words."""
    words = name_tokens(rest)
    if not words:
        return False
    alias = gaz.lookup(words)
    if alias is not None and gaz.entries[alias.entity_id].type == kind:
        return True
    if kind == "ORG" and (gaz.sport_club(words) or words in gaz.media_names):
        return True
    if alias is not None and kind == "MISC":
        return True
    return all(word_zipf(w) <= RARE_NAME_ZIPF for w in words)


def name_alone(gaz: Gazetteer, kind: str, surface: str) -> int:
    """Characters to skip at the start of a mention's `surface` for its name alone: the class
    noun before it, with its proclitic (بنادي الغرافة -> الغرافة); 0 when there is none."""
    first = _FIRST_WORD.match(surface)
    heads = CLASS_NOUNS.get(kind)
    if first is None or heads is None:
        return 0
    head = fold_token(first.group().strip())
    if not any(rest in heads for _, rest in proclitic_forms(head)):
        return 0
    whole = gaz.lookup(name_tokens(surface))
    if whole is not None and gaz.entries[whole.entity_id].iso:
        return 0  # جنوب أفريقيا، جمهورية التشيك: a country's name
    return first.end() if _stands_alone(gaz, kind, surface[first.end() :]) else 0


def team_place(gaz: Gazetteer, kind: str, surface: str) -> tuple[int, str] | None:
    """A place's team (منتخب مصر) as NER annotation marks it: the characters to skip for the
    place's name and its gazetteer id; None for another mention."""
    first = _FIRST_WORD.match(surface)
    if kind != "ORG" or first is None:
        return None
    if not any(rest in TEAM_HEADS for _, rest in proclitic_forms(fold_token(first.group().strip()))):
        return None
    alias = gaz.lookup(name_tokens(surface[first.end() :]))
    if alias is None or gaz.entries[alias.entity_id].type != "LOC":
        return None
    return first.end(), alias.entity_id


def stadium_name(kind: str, surface: str) -> int:
    """Characters to skip for a stadium's name after its head, which NER annotation marks as a
    MISC name (ملعب الإمارات -> الإمارات; `rules.STADIUM_HEADS`); 0 for another mention."""
    first = _FIRST_WORD.match(surface)
    if kind != "LOC" or first is None or first.end() >= len(surface):
        return 0
    return first.end() if fold_token(first.group().strip()) in rules.STADIUM_HEADS else 0


def epithet_after(gaz: Gazetteer, kind: str, surface: str) -> int:
    """Characters to cut at the end of a place's `surface` for its name alone: an honorific
    epithet the gazetteer's name of the place is followed by (مكة المكرمة -> مكة); 0 when none."""
    last = _LAST_WORD.search(surface)
    if kind != "LOC" or last is None or fold_token(last.group().strip()) not in EPITHETS:
        return 0
    alias = gaz.lookup(name_tokens(surface[: last.start()]))
    known = alias is not None and gaz.entries[alias.entity_id].type == "LOC"
    return len(last.group()) if known else 0


def described_body(gaz: Gazetteer, kind: str, surface: str, entity_id: str) -> bool:
    """A mention that describes a state's body rather than naming it: its institution and the
    state's adjective (الجيش اللبناني، الحكومة السودانية، القوات المسلحة المصرية) or a body every
    state has, its head and one common word (مجلس الوزراء) not known to the gazetteer as a name
    (not مجلس الأمن), or those and the state's adjective (وزارة الدفاع الأمريكية); a longer name
    is one body's (مجلس الاحتياطي الاتحادي)."""
    words = name_tokens(surface)
    if kind != "ORG" or len(words) < 2:
        return False
    head = next((rest for _, rest in proclitic_forms(words[0]) if rest in rules.INSTITUTION_HEADS), None)
    if head is not None and gaz.country_adjective(words[-1]):
        inner = words[1:-1]
        if inner[:1] and inner[0] in rules.INSTITUTION_PHRASES.get(head, ()):
            inner = inner[1:]
        if all(w in rules.INSTITUTION_ADJECTIVES for w in inner):
            return True
    if words[0] not in DESCRIBED_HEADS or not context.state_body(words):
        return False
    if len(words) == 3 and gaz.country_adjective(words[-1]):
        return True  # وزارة الدفاع الأمريكية, however well the gazetteer knows it
    return len(words) == 2 and entity_id not in gaz.entries and gaz.lookup(words) is None


def initials(surface: str) -> bool:
    """A mention written in initials only, a news agency's in a dateline (د.ب.أ، أ ف ب): none of
    the 14 in ANERcorp's train part is marked."""
    letters = surface.replace(".", " ").split()
    return len(letters) >= 2 and all(len(w) == 1 for w in letters)


def event_name(gaz: Gazetteer, kind: str, surface: str, entity_id: str) -> tuple[int, int, str, str] | None:
    """An event's mention (`EVENT_HEADS`) as NER annotation marks it: (start, end, type, id) in
    `surface` of the place that ends it (its gazetteer id), or of its own name after the head
    where that stands alone (نوبل, rare words or a name the gazetteer knows); start == end when
    it is no name (common words, a country's adjective); None when it is left as it is."""
    words = [(m.start(), m.end(), fold_token(m.group())) for m in re.finditer(r"\S+", surface)]
    if kind != "MISC" or len(words) < 2 or not any(r in EVENT_HEADS for _, r in proclitic_forms(words[0][2])):
        return None
    rest = [w for *_, w in words[1:]]
    for k in range(len(rest)):
        alias = gaz.lookup(tuple(rest[k:]))
        if alias is not None and gaz.entries[alias.entity_id].type == "LOC":
            return words[k + 1][0], len(surface), "LOC", alias.entity_id
    own = len(rest) == 1 and not rest[0].startswith("ال") and not gaz.country_adjective("ال" + rest[0])
    if own or _stands_alone(gaz, kind, surface[words[1][0] :]):
        return words[1][0], len(surface), kind, entity_id  # جائزة نوبل، بطولة ويمبلدون
    if all(word_zipf(w) >= 3.0 or gaz.country_adjective(w) for w in rest):
        return 0, 0, kind, entity_id
    return None


@lru_cache(maxsize=1)
def cldr_currencies() -> dict[str, set[tuple[str, ...]]]:
    """CLDR's Arabic currency names (ISO codes; X codes, gold and drawing rights, left out) by
    their first word, folded: ريال -> {(سعودي,), (برازيلي,) ...}."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for code, name in Locale("ar").currencies.items():
        words = name_tokens(name)
        if not code.startswith("X") and words and len(words[0]) > 1:
            names.setdefault(words[0], set()).add(words[1:])
    return names


@lru_cache(maxsize=1)
def currency_names() -> dict[str, frozenset[tuple[str, ...]]]:
    """CLDR's Arabic currency names (`cldr_currencies`) by their first word, folded, where that
    word is no given name, no nationality, no other name the gazetteer knows and no unit (not
    مارك، أفغاني، سول، أوقية): دولار -> {(أمريكي,) ...}."""
    gaz = load_gazetteer()
    names = cldr_currencies()
    return {
        word: frozenset(rests)
        for word, rests in names.items()
        if not given_names().match([word], 0)[0]
        and gaz.lookup((word,)) is None
        and not gaz.nationality("ال" + word)
        and word not in UNIT_WORDS
    }


def _number_before(tokens: WordTokens, k: int) -> bool:
    """Token k follows a number written in digits (و20) or a scale word, its dual too (مليون،
    آلاف، ومليوني)."""
    if k == 0:
        return False
    if tokens.folded[k - 1][-1:].isdigit():
        return True
    return any(w in SCALES or (w[-1:] in ("ا", "ي") and w[:-1] in SCALES) for _, w in tokens.forms(k - 1))


def _currency_end(tokens: WordTokens, k: int, word: str, definite: bool) -> int | None:
    """End token of a currency name at token k, whose folded word without proclitic is `word`:
    a currency's name with the article (الدولار، اليورو), or one after a number (مليون دولار),
    with the rest of its CLDR name when that is no nationality (جنيه إسترليني; not دولار |
    أمريكي, as NER annotation has it); None when there is none."""
    names = currency_names()
    base = word[2:] if definite else word
    if base not in names or not (definite or _number_before(tokens, k)):
        return None
    gaz = load_gazetteer()
    for rest in sorted(names[base], key=len, reverse=True):
        after = tuple(tokens.folded[k + 1 : k + 1 + len(rest)])
        if rest and after == rest and not gaz.nationality("ال" + rest[-1].removeprefix("ال")):
            return k + 1 + len(rest)
    return k + 1


def misc_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, entity id) of the currencies, God and religions `text` names (see the module);
    a proclitic is outside the name (بالدولار -> الدولار)."""
    tokens = word_tokens(text)
    folded = tokens.folded
    found = []
    for k in range(len(folded)):
        for clitic, word in tokens.forms(k):
            definite = word.startswith("ال")
            end = _currency_end(tokens, k, word, definite)
            before = {rest for _, rest in tokens.forms(k - 1)} if k > 0 and tokens.joined(k) else set()
            if end is None and word == GOD and not clitic and not _theophoric(before):
                end = k + 1
            adjective = any(w.startswith("ال") for w in before)
            if end is None and word in RELIGIONS and not adjective:
                end = k + 1
            if end is not None:
                name = (
                    word[2:] if definite and word not in RELIGIONS | {GOD} else word,
                    *folded[k + 1 : end],
                )
                eid = "misc:" + "_".join(name)
                found.append(
                    (tokens.starts[k] + _name_start(tokens.raw[k], clitic, word), tokens.ends[end - 1], eid)
                )
                break
    return found


#: Words that make a name with الله after them besides given names: عبد الله، حزب الله.
_THEOPHORIC_HEADS = rules.NAME_PARTICLES | {fold_token("حزب")}


def _theophoric(before: set[str]) -> bool:
    """الله after a word of these readings ends a name (عبد الله، ونصر الله، وحزب الله)."""
    names = given_names()
    return any(
        w in _THEOPHORIC_HEADS or names.match([w], 0)[0] or names.match([w, GOD], 0)[0] for w in before
    )


def _name_start(raw: str, clitic: int, word: str) -> int:
    """Offset in the written word `raw` where the name `word` starts after a proclitic of
    `clitic` folded letters (بالدولار -> 2); 0 where the proclitic is not apart in writing
    (للدولار: ل + الدولار)."""
    for i in range(len(raw) + 1):
        if len(fold_token(raw[:i])) == clitic:
            return i if fold_token(raw[i:]) == word else 0
    return 0
