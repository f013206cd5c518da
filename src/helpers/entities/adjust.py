"""Adjustments of a document's chosen spans once its sources are merged (`recognise`), where a
name's extent or reading depends on its neighbours or on the rest of the article: a chain of
forebears' names, a known person's surname after his given names, a surname the article uses
alone, a city or a word named as a club elsewhere in a sport article, a place joined by و to
another place, a person's name or family name written where another type was read, words
written with tanween (no name's), the words a person's name stops before, a facility's or a
district's type, a body's short name in brackets after it; `adjusted` applies them in order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace

from helpers.core.words import fold_token, is_function_word, strip_diacritics, word_zipf
from helpers.entities import context
from helpers.entities.gazetteer import Alias, Gazetteer, load_gazetteer, name_tokens, trie_matches
from helpers.entities.given_names import given_names
from helpers.entities.rules import (
    CENTRE_HEAD,
    CLUB_NAME_HEADS,
    COMMON,
    COMPANY_SUFFIXES,
    FACILITY_KINDS,
    FIELD_NAMED_HEADS,
    HONORIFICS,
    IMPERFECT_PREFIXES,
    LETTER_NAMES,
    NATIONAL_TEAM_RULE,
    ORDINALS,
    PHRASE_STOPS,
    RARE,
    STADIUM_HEADS,
    TIME_NOUNS,
    TITLE_HEADS,
    VENUE_HEADS,
    WordTokens,
    accusative,
    after_title_or_speech,
    and_word,
    conjunction,
    has_tanween,
    named_body_complement_end,
    nationality_after,
    next_in_list,
    organisation_complement_end,
    past_verb,
    plural_noun,
    present_verb,
    pronoun_suffixed,
    spelled_as_given_name,
)
from helpers.entities.spans import Span, span_text
from helpers.timeline.timex.words import lexicon

#: The rule of a hall or theatre named after a person.
VENUE_RULE = "venue_named"
#: Heads of the venues a name right after them may name (`stadiums_named`).
NAMED_VENUE_HEADS = STADIUM_HEADS | VENUE_HEADS
#: Rules that read a city's name as its club's, perhaps with words of the club's name before it.
CITY_CLUB_RULES = frozenset({"club_place", "club_nationality"})


def clubs_throughout(
    fields: dict[str, WordTokens], found: dict[str, tuple[list[Span], list[Span]]], gaz: Gazetteer
) -> dict[str, tuple[list[Span], list[Span]]]:
    """In an article about sport, a city the article names as a club once (تغلب على روما، روما
    الإيطالي) is the club wherever it is not read as a place (في روما): one sense per article.
    Not a country named for its team (فاز على تشيلي), which the article names as a state too."""

    def name(tokens: WordTokens, span: Span) -> tuple[str, ...]:
        return span_text(tokens, span)[2]

    clubs = set()
    for field_name, tokens in fields.items():
        for span in found[field_name][0]:
            if span.type != "ORG" or span.rule == NATIONAL_TEAM_RULE:
                continue
            whole = name(tokens, span)
            # and the city that ends a club's name (ستيوا | بوخارست)
            ends = (whole[1:], whole[2:]) if span.rule in CITY_CLUB_RULES else ()
            clubs.update(city for city in (whole, *ends) if city and gaz.type_of(city) == "LOC")
    if not clubs:
        return found
    out = {}
    for field_name, tokens in fields.items():
        chosen, unconfirmed = found[field_name]
        chosen = [
            _club_named_elsewhere(tokens, span, gaz)
            if span.source == "gazetteer"
            and span.type == "LOC"
            and name(tokens, span) in clubs
            and not context.place_reading(tokens, span.first, span.clitic)
            else span
            for span in chosen
        ]
        out[field_name] = (chosen, unconfirmed)
    return out


def _club_named_elsewhere(tokens: WordTokens, span: Span, gaz: Gazetteer) -> Span:
    """A city's span read as the club the article names elsewhere, with the words of the club's
    name before the city (`context.club_words_before`: ستيوا بوخارست)."""
    first = span.first if span.clitic else context.club_words_before(tokens, span.first)
    clitic = span.clitic if first == span.first else context.listed_club_and(tokens, first)
    span = replace(span, first=first, clitic=clitic)
    club = gaz.sport_club(tokens.name(span.first, span.last, span.clitic))
    return as_club(span, club, "club_place", "club's name, as the article names it elsewhere")


def as_club(span: Span, club: str | None, rule: str, how: str) -> Span:
    """A city's span read as its club: the club the sport gazetteer knows by that name (ميلان:
    AC Milan; `how` says why), else an organisation found by `rule`."""
    if club:
        return replace(span, type="ORG", source="gazetteer", rule="", alias=Alias(club, False, how))
    return replace(span, type="ORG", source="rule", rule=rule, alias=None)


def beside_places(tokens: WordTokens, spans: list[Span]) -> set[int]:
    """First tokens of the place spans joined by و to another place's (الدمام والخبر، الخبر
    والظهران): places too, whatever else their words may mean."""
    places = [s for s in spans if s.type == "LOC"]
    ends = {s.last for s in places}
    starts = {s.first for s in places}
    found = set()
    for span in places:
        before = span.clitic and tokens.folded[span.first].startswith("و") and tokens.joined(span.first)
        after = span.last
        joined_after = after < len(tokens) and tokens.joined(after) and tokens.folded[after].startswith("و")
        if (before and span.first in ends) or (joined_after and after in starts):
            found.add(span.first)
    return found


def club_names_throughout(
    fields: dict[str, WordTokens], found: dict[str, tuple[list[Span], list[Span]]], gaz: Gazetteer
) -> dict[str, tuple[list[Span], list[Span]]]:
    """In an article about sport, a club named like a common word (الوحدة، النصر) that the
    article names as the club once is the club at its other mentions too (استعدادات الوحدة،
    لتدريبات النصر): one sense per article. Not where another word follows that makes it another
    body (`qualified_after`), nor when the article names another body that begins with the word
    (الاتحاد السعودي لكرة القدم: a bare الاتحاد may be the federation). The labeller's person
    or place, or a gazetteer place the context does not read as one, over just the club's name
    gives way to the club (مدرب الخليج: Khaleej FC, not the Gulf)."""
    clubs: set[str] = set()
    starts: dict[str, set[str]] = {}  # first word of each organisation's name -> its ids
    for field_name, tokens in fields.items():
        for span in found[field_name][0]:
            if span.type == "ORG":
                eid = span.alias.entity_id if span.alias else ""
                starts.setdefault(span_text(tokens, span)[2][0], set()).add(eid)
                if eid in gaz.sport_clubs:
                    clubs.add(eid)
    if not clubs:
        return found
    out = {}
    for field_name, tokens in fields.items():
        chosen, unconfirmed = found[field_name]
        # the labeller's person or place, or a gazetteer place not read as one (في الخليج), over
        # the whole name gives way (قائد ليفربول، مدرب الخليج)
        other_type = {
            (s.first, s.last): s
            for s in chosen
            if s.type != "ORG"
            and (
                s.source == "model"
                or (
                    s.source == "gazetteer"
                    and s.type == "LOC"
                    and not context.place_reading(tokens, s.first, s.clitic)
                )
            )
        }
        taken = [False] * len(tokens)
        for span in chosen:
            if (span.first, span.last) not in other_type:
                taken[span.first : span.last] = [True] * span.length
        added = [
            Span(
                a,
                b,
                "ORG",
                "gazetteer",
                c,
                Alias(eid, False, "club's name, as the article names it elsewhere"),
            )
            for a, b, c, eid in _club_readings(tokens, gaz, clubs)
            if eid in clubs
            and not any(taken[a:b])
            and not context.qualified_after(tokens, b)
            and starts.get(tokens.folded[a][c:], {eid}) <= {eid}
            and (word_zipf(tokens.folded[a][c:]) < COMMON_CLUB_ZIPF or _after_nothing_or_particle(tokens, a))
            and not (tokens.folded[a][:c].endswith("ب") and b < len(tokens) and tokens.folded[b] == WITH)
        ]
        replaced = {(s.first, s.last) for s in added}
        kept = [s for s in chosen if (s.first, s.last) not in replaced or (s.first, s.last) not in other_type]
        out[field_name] = (sorted(kept + added, key=lambda s: s.first), unconfirmed)
    return out


def _club_readings(tokens: WordTokens, gaz: Gazetteer, clubs: set[str]) -> list[tuple[int, int, int, str]]:
    """The clubs' names (`gaz.sport_trie`) in the tokens, each the club among its readings the
    article names (الأهلي: Al Ahly of Cairo where the article named it so)."""
    out = []
    for a, b, c, eid in trie_matches(tokens, gaz.sport_trie, tokens.folded):
        readings = gaz.ambiguous.get(tokens.name(a, b, c), ())
        named = [r[0] for r in readings if r[0] in clubs]
        out.append((a, b, c, eid if eid in clubs or len(named) != 1 else named[0]))
    return out


#: A club's name as frequent as this (Zipf) as a word (الشباب "youth", الاتحاد "the union") is
#: taken at the article's other mentions only first in its sentence or after a particle
#: (الاتحاد يتريث، إلى الاتحاد; not وزير الشباب، لدرجة الشباب).
COMMON_CLUB_ZIPF = 5.0
#: ب + a club's name + مع is the word (بالاتفاق مع المدرب "in agreement with", بالتعاون مع).
WITH = "مع"


def _after_nothing_or_particle(tokens: WordTokens, k: int) -> bool:
    """Token k starts its sentence or clause, or follows a function word (إلى الاتحاد)."""
    return k == 0 or not tokens.joined(k) or is_function_word(tokens.folded[k - 1])


#: Rules whose quoted name may be a person's the document names in full (يبحث مع «المبطي»).
QUOTED_RULES = frozenset({"quoted_source", "quoted_org"})


def weak_names_as_words(
    fields: dict[str, WordTokens], found: dict[str, tuple[list[Span], list[Span]]], gaz: Gazetteer
) -> dict[str, tuple[list[Span], list[Span]]]:
    """A one-word name the gazetteer holds weakly that the document uses once as the common word
    it also is (`context.common_noun_use`: هذه القاعدة "this base") is that word throughout the
    document (تحولت القاعدة إلى منطلق "the base became ..."): one sense per article. Its strong
    names stay (تنظيم القاعدة)."""
    words = set()
    for tokens in fields.values():
        for k in range(1, len(tokens)):
            if context.common_noun_use(tokens, k, 0):
                alias = gaz.lookup((tokens.folded[k],))
                if alias is not None and alias.weak:
                    words.add(tokens.folded[k])
    if not words:
        return found
    return {
        name: (
            [
                s
                for s in found[name][0]
                if not (s.alias and s.alias.weak and s.length == 1 and span_text(tokens, s)[2][0] in words)
            ],
            found[name][1],
        )
        for name, tokens in fields.items()
    }


def rare_clubs_throughout(
    fields: dict[str, WordTokens], found: dict[str, tuple[list[Span], list[Span]]]
) -> dict[str, tuple[list[Span], list[Span]]]:
    """A club the document names by rare words and its nationality (`context.club_by_rare_name`:
    تلقى فريق لخويا القطري) is the club at the words' other mentions too (وأعلن لخويا، أن لخويا
    سيلتقي): a rule's or the labeller's person or place over just those words gives way, and
    free mentions of them are added."""
    clubs = {
        span_text(tokens, span)[2]
        for name, tokens in fields.items()
        for span in found[name][0]
        if span.rule == "club_rare_name"
    }
    if not clubs:
        return found
    longest = max(map(len, clubs))
    out = {}
    for name, tokens in fields.items():
        chosen, unconfirmed = found[name]
        kept = [
            s
            for s in chosen
            if s.type == "ORG" or s.source not in ("rule", "model") or span_text(tokens, s)[2] not in clubs
        ]
        taken = [False] * len(tokens)
        for span in kept:
            taken[span.first : span.last] = [True] * span.length
        added = []
        for k in range(len(tokens)):
            match = next(
                (
                    (c, n)
                    for n in range(min(longest, len(tokens) - k), 0, -1)
                    for c, form in tokens.forms(k)
                    if (form, *tokens.folded[k + 1 : k + n]) in clubs
                    and all(tokens.joined(j) for j in range(k + 1, k + n))
                ),
                None,
            )
            if match and not any(taken[k : k + match[1]]):
                c, n = match
                added.append(Span(k, k + n, "ORG", "rule", c, rule="club_rare_name"))
                taken[k : k + n] = [True] * n
        out[name] = (sorted(kept + added, key=lambda s: s.first), unconfirmed)
    return out


def persons_named_throughout(
    fields: dict[str, WordTokens], found: dict[str, tuple[list[Span], list[Span]]]
) -> dict[str, tuple[list[Span], list[Span]]]:
    """A name the document gives a person in full, or that person's family name alone, is the
    person wherever it stands as a name of another type: the labeller's organisation or a quoted
    source («مونتاري» يشعل التدريبات، يبحث مع «المبطي»), or a one-word gazetteer place the
    context does not make a place (`_read_as_place`: ليولوكا أورلاندو ... ودعا أورلاندو, not
    في أورلاندو). Not a full name the document gives another type more often (a company the
    labeller once took for a person: أكسل سبرينجر), nor a family name the gazetteer knows as a
    body (ناسا)."""
    typed: Counter = Counter()
    family = set()
    for name, tokens in fields.items():
        for span in found[name][0]:
            words = span_text(tokens, span)[2]
            typed[words, span.type == "PER"] += 1
            if span.type == "PER" and span.length > 1 and not given_names().match([words[-1]], 0)[0]:
                family.add(words[-1])
    full = {
        words
        for (words, person), n in typed.items()
        if person and len(words) > 1 and n >= typed[words, False]
    }
    family = {w for w in family if load_gazetteer().type_of((w,)) != "ORG"}
    if not full:
        return found
    out = {}
    for name, tokens in fields.items():
        chosen, unconfirmed = found[name]
        spans = []
        for span in chosen:
            words = span_text(tokens, span)[2]
            if (
                span.type != "PER"
                and (words in full or (len(words) == 1 and words[0] in family))
                and (
                    span.source == "model"
                    or span.rule in QUOTED_RULES
                    or (
                        span.source == "gazetteer"
                        and len(words) == 1
                        and (after_title_or_speech(tokens, span.first) or not _read_as_place(tokens, span))
                    )
                )
            ):
                # a gazetteer place becomes the rule's person, linked as the rules' names are
                source, rule = (
                    ("rule", "named_person") if span.source == "gazetteer" else (span.source, span.rule)
                )
                span = replace(span, type="PER", source=source, rule=rule, alias=None, hint="")
            spans.append(span)
        out[name] = (spans, unconfirmed)
    return out


def _read_as_place(tokens: WordTokens, span: Span) -> bool:
    """The context makes a one-word name a place (`context.place_reading`: ب, a preposition of
    place, a place head or movement verb before it), or a nationality adjective after it
    (أورلاندو الأمريكية)."""
    return context.place_reading(tokens, span.first, span.clitic) or nationality_after(tokens, span.last)


def lone_surnames(fields: dict[str, WordTokens], found: dict[str, tuple[list[Span], list[Span]]]) -> set[str]:
    """Words the document names a person by alone (وقال باخ): one-word person mentions that are
    no given name."""
    names = given_names()
    return {
        tokens.folded[span.first]
        for field_name, tokens in fields.items()
        for span in found[field_name][0]
        if span.type == "PER"
        and span.length == 1
        and not span.clitic
        and not names.match(tokens.folded, span.first)[0]
    }


#: A word the document repeats is a surname after a given name only below this Zipf (كروك 2.8،
#: تراس 3.7).
REPEATED_SURNAME_ZIPF = 4.0


def repeated_name_words(fields: dict[str, WordTokens]) -> set[str]:
    """Words the document writes two or more times that can be a family name (`_name_shaped`):
    after a given name, the family name of a person it names again by it (فيليب | كروك ... بحسب
    فيليب كروك)."""
    counts: Counter[str] = Counter(w for tokens in fields.values() for w in tokens.folded)
    found, seen = set(), set()
    for tokens in fields.values():
        for k, word in enumerate(tokens.folded):
            if counts[word] >= 2 and word not in seen and word_zipf(word) < REPEATED_SURNAME_ZIPF:
                seen.add(word)  # a word's first reading decides (its article and role rarely vary)
                if _name_shaped(tokens, k):
                    found.add(word)
    return found


def _name_shaped(tokens: WordTokens, k: int) -> bool:
    """Token k can be a foreign family name: rarer than `REPEATED_SURNAME_ZIPF`, without an
    article, a conjunction (ورحمان: a list's next name), a title's or time's role, a given
    name's reading, a proclitic + a common word, a pronoun (برنامجه), the accusative ending of
    a common word (تعريفا، إداريا) or a common word's plural (جانيين)."""
    word = tokens.folded[k]
    stem = word[:-2] if word.endswith(("ين", "ون")) else word[:-1] if word.endswith("ا") else ""
    return (
        word.isalpha()
        and not word.endswith(("يين", "يون"))  # أثيوبيين: a relational adjective's plural
        and word_zipf(word) < REPEATED_SURNAME_ZIPF
        and not word.startswith(("و", "ف"))
        and not tokens.definite[k]
        and not tokens.keyword[k]
        and not is_function_word(word)
        and not given_names().match(tokens.folded, k)[0]
        and not _preposition_and_word(tokens, k)
        and not pronoun_suffixed(tokens, k, 3.0)
        and not (stem and word_zipf(stem) >= 3.0)
    )


def _preposition_and_word(tokens: WordTokens, k: int) -> bool:
    """Token k reads as a proclitic and a common word, or a long word in use much commoner than
    the whole (بإجمالي "with a total of", repeated in a compensation list, is no family name;
    كروك is, روك being short); not a proclitic and a conjunction (بلان، بوعلي)."""
    whole = word_zipf(tokens.folded[k])
    return any(
        word_zipf(rest) >= (min(COMMON, max(4.0, whole + 1.0)) if len(rest) >= 5 else COMMON)
        for c, rest in tokens.forms(k)
        if c and not conjunction(rest)
    )


def with_surnames(
    tokens: WordTokens, spans: list[Span], surnames: set[str], repeated: set[str]
) -> list[Span]:
    """A lone given name (read without its و: ومهدي | كروبي) followed by a word the document
    names a person by alone (توماس | باخ ... وقال باخ: one person), by a word it repeats that
    can be a name (`repeated`: فيليب | كروك) or by a word shaped as a family name
    (`family_name_shaped`: عزام | الدخيل، عبدالله | فوال) takes it as the surname, as does a
    rare one-word name the labeller or a rule found (`_rare_name`: آنج | كوي ... وقال كوي) with
    the first kind; a mention of that word right after the name joins it."""
    names = given_names()
    at = {s.first: s for s in spans}
    out, skip = [], set()
    for span in spans:
        if id(span) in skip:
            continue
        nxt = span.last
        given = dict(tokens.forms(span.first)).get(span.clitic, tokens.folded[span.first])
        n, foreign = names.match([given], 0)
        lone_given = n == 1  # ومهدي | كروبي: the name without its و
        shaped = lone_given and not (span.clitic and span.source == "gazetteer")  # وصالح | منهزمة
        # عادل | وناجز "just and swift": after an Arabic given name, و + a word goes on a list
        shaped = shaped and not (not foreign and nxt < len(tokens) and next_in_list(tokens, nxt))
        if (
            span.type == "PER"
            and span.length == 1
            and (lone_given or _rare_name(tokens, span))  # الباحثين آنج | كوي
            and nxt < len(tokens)
            and tokens.joined(nxt)
            and not (span.clitic and tokens.folded[nxt].startswith("و"))  # ومنيف وعبدالله | ونجر
            and (
                tokens.folded[nxt] in surnames
                or (shaped and (tokens.folded[nxt] in repeated or family_name_shaped(tokens, nxt)))
            )
        ):
            other = at.get(nxt)
            if other is None or (other.type == "PER" and other.length == 1):
                if other is not None:
                    skip.add(id(other))
                span = replace(span, last=nxt + 1)
        out.append(span)
    return out


#: A one-word person the labeller or a rule found takes the word the document names a person by
#: alone after it only below this Zipf (وارن 3.6; not حفيد، مدير).
RARE_NAME_ZIPF = 4.0


def _rare_name(tokens: WordTokens, span: Span) -> bool:
    """A one-word person the labeller or a rule found, without an article, that is no common
    word (آنج، كوبي), and not a gazetteer's name."""
    word = dict(tokens.forms(span.first)).get(span.clitic, tokens.folded[span.first])
    return span.source != "gazetteer" and not tokens.definite[span.first] and word_zipf(word) < RARE_NAME_ZIPF


#: A word rarer than this (Zipf) after a given name is its family name (فوال، كاملي).
RARE_FAMILY_ZIPF = 2.5


def family_name_shaped(tokens: WordTokens, k: int) -> bool:
    """Token k reads as a family name after a given name: a definite relational word that is no
    nationality (الغامدي، الشمالي), a rare definite word that is no verbal noun, feminine
    adjective or common noun (الدخيل), or a rare word that reads as no proclitic and a common
    word (فوال، بليزر; not وأكد); not a given name itself (a list: محمد وأحمد), و + a definite
    word (والمنضم), a word with a pronoun (لصفوفه) nor a function word."""
    word = tokens.folded[k]
    if pronoun_suffixed(tokens, k, 3.0):
        return False  # مروان لصفوفه: "to its ranks"
    if word.startswith("ال") and len(word) >= 5:
        if load_gazetteer().nationality(word) or word in TITLE_HEADS or word in PHRASE_STOPS:
            return False
        if word.endswith("ي"):
            return True  # الغامدي، الشمالي
        # الدخيل، الراشد; not a feminine adjective (التاريخية), a verbal noun (التوصل) or a
        # common noun (الشباب)
        return not word.endswith("ه") and not word.startswith("الت") and word_zipf(word) < 4.0
    if is_function_word(word) or not word.isalpha() or given_names().match(tokens.folded, k)[0]:
        return False  # (عبدالعزيز) و26: letters only
    if word.startswith("و") and any(c and given_names().match([rest], 0)[0] for c, rest in tokens.forms(k)):
        return False  # ومحمد: و + the next name of a list (كروبي is no ك + روبي)
    if word.startswith("وال"):
        return False  # إيوانيس | والمنضم: و + a definite word goes on the sentence
    forms = tokens.forms(k)
    return word_zipf(word) < RARE_FAMILY_ZIPF and all(word_zipf(rest) < COMMON for c, rest in forms if c)


#: The most forebears' names a person's name is lengthened by (فيصل بن فهد بن مساعد بن سعود ...).
MAX_PATRONYMICS = 5


def with_known_surname(tokens: WordTokens, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """A person's names followed by the one-word surname the gazetteer knows a person by, whose
    known name starts with the same given name (خالد محفوظ | بحاح, known as خالد بحاح): one
    mention of that person."""
    out: list[Span] = []
    for span in spans:
        before = out[-1] if out else None
        if (
            before is not None
            and before.type == span.type == "PER"
            and before.source != "gazetteer"
            and span.source == "gazetteer"
            and span.alias is not None
            and span.length == 1
            and not span.clitic
            and before.last == span.first
            and tokens.joined(span.first)
        ):
            known = name_tokens(gaz.entries[span.alias.entity_id].canonical)
            given = dict(tokens.forms(before.first)).get(before.clitic, tokens.folded[before.first])
            if len(known) > 1 and known[0] == given:
                out[-1] = replace(span, first=before.first, clitic=before.clitic, score=before.score)
                continue
        out.append(span)
    return out


#: Heads of a company or group named after its founder (شركة محمود صالح أبار، مجموعة بن لادن).
COMPANY_HEADS = frozenset(fold_token(w) for w in ("شركة", "مجموعة", "مؤسسة"))


def companies_named_after(tokens: WordTokens, spans: list[Span]) -> list[Span]:
    """A person's name or a facility's a rule found right after a company head is the company
    (شركة عبد اللطيف جميل، بشركة محمود صالح أبار، لشركة مترو جدة): the head, the name and the
    words that end a company's name after it (القابضة، وأولاده، للتجارة)."""
    out = []
    for span in spans:
        head = span.first - 1
        clitic = (
            next((c for c, rest in tokens.forms(head) if rest in COMPANY_HEADS), None)
            if (span.type == "PER" or (span.type == "LOC" and span.source == "rule"))
            and head >= 0
            and tokens.joined(span.first)
            and not span.clitic
            else None
        )
        if clitic is None or (out and out[-1].last > head):
            out.append(span)
            continue
        end = span.last
        while end < len(tokens) and tokens.joined(end) and tokens.folded[end] in COMPANY_SUFFIXES:
            end += 1
        end = organisation_complement_end(tokens, end)
        out.append(Span(head, end, "ORG", "rule", clitic, rule="org_named", score=span.score))
    return out


#: Words of a body's name between its head and a name inside it, at most (`bodies_around_names`).
BODY_AROUND_WORDS = 2


def _head_before(
    tokens: WordTokens, first: int, heads: frozenset[str], stop: Callable[[int], bool]
) -> tuple[int, int, str] | None:
    """(token, proclitic length, folded head) of a head among `heads` up to `BODY_AROUND_WORDS`
    words before token `first`, in one phrase: the words between joined and none `stop`."""
    k = first - 1
    while k >= 0 and first - 1 - k <= BODY_AROUND_WORDS and tokens.joined(k + 1):
        head = next(((c, rest) for c, rest in tokens.forms(k) if rest in heads), None)
        if head is not None:
            return k, head[0], head[1]
        if stop(k):
            return None
        k -= 1
    return None


#: Relative pronouns: a ل-phrase they go on from is the sentence's (لشركة سابك للثقة | التي).
RELATIVES = frozenset(fold_token(w) for w in "الذي التي الذين اللذين اللتين اللواتي اللاتي".split())


def _complement_of_the_sentence(tokens: WordTokens, first: int, end: int) -> bool:
    """The ل-phrase at tokens [first, end) is the sentence's, not a body's field: a time's
    (للسنة الخامسة، للعام) or one a relative clause goes on from (للثقة التي)."""
    return tokens.folded[first][2:] in TIME_NOUNS or (end < len(tokens) and tokens.folded[end] in RELATIVES)


def bodies_around_names(tokens: WordTokens, spans: list[Span]) -> list[Span]:
    """A name inside a longer body's name is the body: a head named with its field, up to
    `BODY_AROUND_WORDS` words, a name a source found (a place, a company, a person) and its
    nationality, then the body's field (`rules.named_body_complement_end`, not a purpose clause:
    للمشاركة في; `_complement_of_the_sentence`): مركز أسرى فلسطين للدراسات، صندوق الأمم المتحدة
    للسكان; not a company the gazetteer knows after شركة (`COMPANY_HEADS`): what it does."""
    taken = [False] * len(tokens)
    for span in spans:
        taken[span.first : span.last] = [True] * (span.last - span.first)

    def stop(k: int) -> bool:
        return taken[k] or is_function_word(tokens.folded[k])

    out = []
    for span in spans:
        found = _head_before(tokens, span.first, FIELD_NAMED_HEADS, stop) if span.type != "MISC" else None
        if found is not None and taken[found[0]]:
            found = None
        end = span.last
        if found is not None and end < len(tokens) and nationality_after(tokens, end):
            end += 1
        body_end = named_body_complement_end(tokens, found[2], end, [None] * len(tokens)) if found else end
        if found is None or body_end == end or any(taken[end:body_end]):
            out.append(span)
            continue
        known_company = span.source == "gazetteer" and span.type == "ORG" and found[2] in COMPANY_HEADS
        if known_company or _complement_of_the_sentence(tokens, end, body_end):
            out.append(span)  # شركة فيسبوك | للتواصل الاجتماعي: what the company does
            continue
        head, clitic, _ = found
        out.append(Span(head, body_end, "ORG", "rule", clitic, rule="body_around_name"))
        taken[head:body_end] = [True] * (body_end - head)
    return out


#: Heads of a hotel's name, which may end with its city (فندق مكارم الرياض، منتجع شذا الجبيل).
HOTEL_HEADS = frozenset(fold_token(w) for w in ("فندق", "منتجع"))
#: Words of where a hotel stands, no part of its name (فندق شيراتون | وسط صنعاء).
WHERE_WORDS = context.PLACE_PARTS | frozenset(fold_token(w) for w in "قرب داخل خارج".split())


def _not_a_brand_word(tokens: WordTokens, k: int) -> bool:
    """Token k is no word of a hotel's brand: a function word, a number, a word of where it
    stands, or a preposition and a word in use (بمدينة)."""
    word = tokens.folded[k]
    prepositional = any(c and word[0] in "بلك" and word_zipf(rest) >= 3.0 for c, rest in tokens.forms(k))
    return is_function_word(word) or not word.isalpha() or word in WHERE_WORDS or prepositional


def hotels_with_their_city(tokens: WordTokens, spans: list[Span]) -> list[Span]:
    """A city the gazetteer knows after a hotel's head and one or two words of its brand is the
    end of the hotel's name, a place (فندق مكارم الرياض، فندق هيلتون جدة; not فندق في جدة)."""
    out: list[Span] = []
    for span in spans:
        found = None
        if span.type == "LOC" and span.source == "gazetteer" and not span.clitic:
            found = _head_before(tokens, span.first, HOTEL_HEADS, lambda k: _not_a_brand_word(tokens, k))
        if found is None or found[0] == span.first - 1:  # no brand: فندق | جدة
            out.append(span)
            continue
        while out and out[-1].last > found[0]:
            out.pop()  # the brand's own span (هيلتون) is part of the hotel's name
        out.append(Span(found[0], span.last, "LOC", "rule", found[1], rule="hotel_city"))
    return out


def stadiums_named(tokens: WordTokens, spans: list[Span]) -> list[Span]:
    """A name right after a stadium's head that reads as a person or a country, or that only the
    labeller found (not a club's with its head), is the stadium's name, a place with its head
    (ملعب الإمارات: not the country; ملعب كالديرون، ملعب ثاني بن جاسم، ملعب لوفتس رود). A city
    or a club there stays itself (استاد القاهرة، ملعب تشيلسي). A person's name after the head of a
    hall or theatre is that venue (`VENUE_HEADS`: مسرح عبدالرحمن المريخي)."""
    gaz = load_gazetteer()
    out: list[Span] = []
    for span in spans:
        first = span.first
        # the head right before the name (stop at any other word)
        head = None if span.clitic else _head_before(tokens, first, NAMED_VENUE_HEADS, lambda k: True)
        if head is not None and head[2] in STADIUM_HEADS:
            entry = gaz.entries.get(span.alias.entity_id) if span.alias else None
            country = entry is not None and entry.type == "LOC" and bool(entry.iso)
            model_name = (
                span.source == "model" and span.type != "LOC" and tokens.folded[first] not in CLUB_NAME_HEADS
            )
            named, rule = span.type == "PER" or country or model_name, "stadium_named"
        else:
            named, rule = span.type == "PER", VENUE_RULE
        if head is None or not named:
            out.append(span)
            continue
        out.append(Span(head[0], span.last, "LOC", "rule", head[1], rule=rule))
    return out


def with_given_name_before(tokens: WordTokens, spans: list[Span]) -> list[Span]:
    """A person's span right after بن / بنت takes the word before them, which no title is (a
    title is followed by a name, not by بن): that word is the given name, even one that is a
    title too (مساعد | بن محمد العيبان). Not a function word (عن ابن عباس), a definite word, a
    very common word (وصل), و / ف + a common word (وقدم) or one another span holds; the longer
    name is no longer the known person of the shorter. Without a given name, بن begins the name
    (`_bin_begins_name`)."""
    taken = {k for s in spans for k in range(s.first, s.last)}
    out = []
    for span in spans:
        k = span.first - 2
        if (
            span.type == "PER"
            and k >= 0
            and not span.clitic
            and tokens.folded[k + 1] in ("بن", "بنت")
            and tokens.joined(k + 1)
            and tokens.joined(k + 2)
            and k not in taken
            and k + 1 not in taken
            and not tokens.definite[k]
            and not is_function_word(tokens.folded[k])
            and tokens.folded[k].isalpha()
            and (word_zipf(tokens.folded[k]) < 5.0 or given_names().match(tokens.folded, k)[0])  # not وصل
            and not and_word(tokens, k, 4.0)  # not و + قدم
            and (k == 0 or not tokens.joined(k) or tokens.folded[k - 1] not in ("بن", "بنت"))
        ):
            clitic = next((c for c, rest in tokens.forms(k) if c and rest in given_names().firsts), 0)
            span = replace(
                span, first=k, clitic=clitic, source="rule", rule="given_name", alias=None, hint=""
            )
        elif span.type == "PER" and _bin_begins_name(tokens, span, taken):
            span = replace(span, first=k + 1)
        out.append(span)
    return out


#: Pronouns before بن that make it "son of" (هو بن المولوي ...: he is the son of).
KINSHIP_SUBJECTS = frozenset(fold_token(w) for w in "هو وهو فهو هي وهي فهي".split())


def _bin_begins_name(tokens: WordTokens, span: Span, taken: set[int]) -> bool:
    """بن right before a person's span that no given name precedes begins the name, as ابن does
    (مع بن زيدون، الدكتور | بن رقوش): after a function word, a title or a mark; not before a known
    person's name (a span with its entity), after a pronoun (هو بن: "he is the son of"), nor
    after a word another span holds. A definite word before بن is a given name (الأخنس بن كعب)."""
    k = span.first - 2
    return (
        k >= -1
        and not span.clitic
        and span.alias is None
        and tokens.folded[k + 1] == "بن"
        and tokens.joined(k + 2)
        and k + 1 not in taken
        and (
            k < 0
            or not tokens.joined(k + 1)
            or (
                k not in taken
                and (is_function_word(tokens.folded[k]) or tokens.is_(k, TITLE_HEADS))
                and tokens.folded[k] not in KINSHIP_SUBJECTS
            )
        )
    )


def with_patronymics(tokens: WordTokens, spans: list[Span]) -> list[Span]:
    """Person spans followed by a chain of forebears' names that their source stopped before
    (فيصل بن فهد | بن مساعد بن سعود بن عبدالعزيز، محمد بن سلمان | بن عبد العزيز) take the chain;
    spans inside it (عبدالعزيز read alone) are dropped, and a person's name the chain runs into
    joins it (صالح بن عبدالعزيز | بن محمد آل الشيخ). A one-word gazetteer name is not
    lengthened: عبدالعزيز بن X is the known person only for one X."""
    names = given_names()
    starts = {s.first: s for s in spans}

    def forebear(k: int) -> int:
        """Tokens of the forebear's name after the particle at k - 1 (0 if none): a given name,
        or after بن / بنت (not ابن, also "son of") any word that can be a name (بن سعود)."""
        n = names.match(tokens.folded, k)[0]
        word = tokens.folded[k]
        if n or tokens.folded[k - 1] not in ("بن", "بنت"):
            return n if tokens.folded[k - 1] in ("بن", "بنت", "ابن") else 0
        other = is_function_word(word) or tokens.definite[k] or word.isdigit()
        return int(not (other or pronoun_suffixed(tokens, k)))

    out: list[Span] = []
    end_of_last = 0
    for span in spans:
        if span.first < end_of_last:
            continue  # inside a chain taken by the span before
        end = span.last
        if span.type == "PER" and not (span.source == "gazetteer" and span.length == 1):
            for _ in range(MAX_PATRONYMICS):
                if not (end + 1 < len(tokens) and tokens.joined(end) and tokens.joined(end + 1)):
                    break
                n = forebear(end + 1)
                inside = starts.get(end + 1)
                if not n or (inside and inside.type != "PER" and inside.last > end + 1 + n):
                    break
                end += 1 + n
        # a person's name found inside the chain goes (بن | سعود بن عبدالعزيز، بن | عبدالعزيز حرص);
        # a chain that would cut another span in two stops where it was
        if any(s.first < end < s.last and not (s.type == "PER" and s.first > span.last) for s in spans):
            end = span.last
        # a person's name that the chain runs into goes on with a family name (بن | محمد آل الشيخ)
        if end < len(tokens) and (tokens.folded[end] == "ال" or family_name_shaped(tokens, end)):
            end = max(
                [end] + [s.last for s in spans if s.type == "PER" and span.last < s.first < end < s.last]
            )
        out.append(replace(span, last=end) if end > span.last else span)
        end_of_last = end
    return out


#: A word rarer than this (Zipf) after a person's given names can be the family name that ends
#: them (محمد حسين | مسعد، جابر جبار أسعد | العبدلي).
CHAIN_FAMILY_ZIPF = 3.6
#: The most given names of forebears a person's name is lengthened by.
MAX_CHAIN_WORDS = 3


def _forebear_name(tokens: WordTokens, k: int) -> bool:
    """Token k can be a forebear's given name in a chain without بن: an Arabic given name written
    as one (not بيت, Pete), no article, function word (على) or word and conjunction."""
    word = tokens.folded[k]
    return (
        not tokens.definite[k]
        and not word.startswith(("و", "ف"))
        and not is_function_word(word)
        and given_names().match(tokens.folded, k) == (1, False)
        and spelled_as_given_name(tokens, k, word)
    )


def _on_one_line(tokens: WordTokens, k: int) -> bool:
    """Token k follows token k - 1 with nothing but spaces between, on the same line (not a
    list's dash: محمد بلال حسين محمد - بنجلاديشي)."""
    return (
        0 < k < len(tokens)
        and tokens.gaps[k] == ""
        and "\n" not in tokens.text[tokens.ends[k - 1] : tokens.starts[k]]
    )


def _chain_family_name(tokens: WordTokens, k: int, place_read: bool = False) -> bool:
    """Token k, on the line of the name before it, ends a chain of given names as the family name
    (`CHAIN_FAMILY_ZIPF`): آل (its family's name follows), a relational word that is no
    nationality, ordinal or title (العبدلي، هاشمي), or another word without an article that reads
    as no dual or plural, feminine noun in use (جدارة), verb (ستنهي), proclitic and word (بتسديدة;
    `place_read`: the gazetteer read it as a proclitic and a place, كبيش) or pronoun; none written
    with tanween (متمنياً)."""
    word = tokens.folded[k]
    if not _on_one_line(tokens, k) or not word.isalpha() or word.startswith(("و", "ف")) or tokens.keyword[k]:
        return False
    if has_tanween(tokens.raw[k]) or accusative(word):
        return False  # سعود | متمنياً
    if word == "ال":
        return _on_one_line(tokens, k + 1)
    bare = word[2:] if tokens.definite[k] else word
    if len(bare) < 3 or is_function_word(word) or pronoun_suffixed(tokens, k, 3.0):
        return False
    zipf = word_zipf(word)
    if zipf >= CHAIN_FAMILY_ZIPF or bare in ORDINALS:
        return False
    if tokens.definite[k]:  # العبدلي: the relational family names `family_name_shaped` reads
        return bare.endswith("ي") and family_name_shaped(tokens, k)
    verb_shaped = word[0] in IMPERFECT_PREFIXES + "س" and zipf >= RARE_FAMILY_ZIPF  # ستنهي، يدشن
    if bare.endswith("ي"):  # هاشمي
        return (
            not verb_shaped
            and word not in TITLE_HEADS | PHRASE_STOPS
            and not load_gazetteer().nationality("ال" + bare)  # محمد | بنغلاديشي
            and not _preposition_and_word(tokens, k)
        )
    return (
        not verb_shaped
        and not word.endswith(("ان", "ين", "ون", "ات"))  # a dual or plural (متهمان)
        and not (word.endswith("ه") and zipf >= RARE_FAMILY_ZIPF)  # وسام حمدان | جدارة "merit"
        and not any(c and rest.startswith("ال") for c, rest in tokens.forms(k))  # بالشفاء
        and (place_read or not tokens.proclitic_word(k))  # بتسديدة، ليحل
        and not (past_verb(word) or present_verb(word))
    )


def _with_names_before(tokens: WordTokens, span: Span, ends: set[int]) -> Span:
    """A person's span of two words or more starting with a given name takes the given names
    right before it when a punctuation mark, a title or a speech verb stands before them (جندي
    متدرب: ممدوح مسفر | محمد المسيلي الحارثي): the person's own and his father's names."""
    first = span.first
    if span.clitic or span.length < 2 or not given_names().match(tokens.folded, first)[0]:
        return span
    k = first
    while (
        k > 0
        and first - k < 2
        and k not in ends
        and _on_one_line(tokens, k)
        and _forebear_name(tokens, k - 1)
    ):
        k -= 1
    if k == first or k in ends or (tokens.joined(k) and not after_title_or_speech(tokens, k)):
        return span
    return replace(span, first=k)


def with_forebears_names(tokens: WordTokens, spans: list[Span]) -> list[Span]:
    """A person's name of two words or more ending with an Arabic given name (a name and its
    father's) that its source stopped before the rest of the chain written without بن takes the
    forebears' given names and the family name after them (سالم سعيد | كبيش، محمد حسين | مسعد);
    a person's name after given names joins the name before them (عبدالله | عائض | عبدالله آل
    سعد). Not a known person's (a known name is whole)."""
    names = given_names()
    starts = {s.first: s for s in spans}
    ends = {s.last for s in spans}
    out: list[Span] = []
    skip: set[int] = set()
    for span in spans:
        if id(span) in skip:
            continue
        if span.type != "PER" or span.alias is not None:
            out.append(span)
            continue
        span = _with_names_before(tokens, span, ends)
        if (
            names.match([tokens.folded[span.last - 1]], 0) != (1, False)
            or "ال" in tokens.folded[span.first : span.last]  # آل سعود: a family name already
        ):
            out.append(span)
            continue
        end = span.last
        while (
            end < len(tokens)
            and end - span.last < MAX_CHAIN_WORDS
            and _on_one_line(tokens, end)
            and _forebear_name(tokens, end)
        ):
            if end in starts:
                break
            end += 1
        after = starts.get(end)
        if after is not None and after.type == "PER" and end > span.last and _on_one_line(tokens, end):
            if names.match(tokens.folded, end)[0]:  # عبدالله | عائض | عبدالله آل سعد
                skip.add(id(after))
                out.append(replace(span, last=after.last))
                continue
        # a family name read as a proclitic and a place is the name (سالم سعيد | كبيش: not ك + بيش)
        misread = (
            after is not None
            and after.length == 1
            and after.clitic
            and bool(after.alias and after.alias.weak)
        )
        if (
            span.length >= 2
            and end < len(tokens)
            and (after is None or misread)
            and _chain_family_name(tokens, end, misread)
        ):
            if misread:
                skip.add(id(after))
            out.append(replace(span, last=end + (2 if tokens.folded[end] == "ال" else 1)))
            continue
        out.append(span)
    return out


def without_tanween(tokens: WordTokens, span: Span) -> Span | None:
    """A person's name without its last words written with tanween (سعود | وزيراً); None when a
    word left in it has one (صبيًا is a boy, not the town Sabya) or when another kind of name
    ends with one (مستشفى حكومياً: a common noun and its adjective)."""
    last = span.last
    while last - 1 > span.first and has_tanween(tokens.raw[last - 1]):
        last -= 1
    if any(has_tanween(tokens.raw[k]) for k in range(span.first, last)):
        return None
    if last == span.last:
        return span
    return None if span.alias or span.type != "PER" else replace(span, last=last, hint="")


#: Verbs of the blessings said after a name with الله (صلى الله عليه وسلم، رضي الله عنه، رحمه
#: الله، طيب الله ثراه): a name ends before them (نصر الله, a name, is not one).
BLESSING_VERBS = frozenset(
    fold_token(w)
    for w in "صلى رضي رحمه رحمها يرحمه يرحمها حفظه حفظها يحفظه طيب غفر تغمده أيده رعاه وفقه".split()
)


#: Words for a child, which an age may follow instead of a father's name (ابن التاسعة).
CHILD_WORDS = frozenset(fold_token(w) for w in "ابن ابنة بنت".split())
#: Nouns of time that give an age after a child's word (ابن العام، ابنة الأشهر الستة).
AGE_NOUNS = frozenset(fold_token(w) for w in "العام السنة السنتين العامين الشهر الشهرين الأشهر".split())


def _number_word(word: str) -> bool:
    """A folded word is a number: digits, or a cardinal or ordinal number word of the temporal
    lexicon, with or without the article (ال22، التاسعه، الاربع)."""
    numbers = lexicon()
    bare = word[2:] if word.startswith("ال") else word
    return bare.isdigit() or bare in numbers.cardinals or word in numbers.ordinals


def _age_word(tokens: WordTokens, k: int) -> bool:
    """Token k gives a person's age, no name: a child's word before a number or a noun of time
    (علي دوابشة | ابن العام، أنطونيو | ابن الـ22، عبد الرحمن | ابن التاسعة), or a decade's
    adjective (فاطمة | الستينية "in her sixties", الثلاثيني)."""
    word = tokens.folded[k]
    if word in CHILD_WORDS and k + 1 < len(tokens) and tokens.joined(k + 1):
        nxt = tokens.folded[k + 1]
        return nxt in AGE_NOUNS or _number_word(nxt)
    decade = word[2:].removesuffix("ه").removesuffix("ي") if word.startswith("ال") else ""
    return decade.endswith("ين") and decade in lexicon().cardinals


def _no_name_goes_on(tokens: WordTokens, k: int) -> bool:
    """Token k ends a person's name before it: ل or و + the article, which no name has
    (للصحافيين; روبينهو | والبورتريكي هيكتور راموس, مستشفى الملك سعود | والأسياح: a list), a
    person's age (`_age_word`), or a blessing: its verb before الله (محمد | صلى الله عليه وسلم) or
    its ligature (محمد | ﷺ, which folds to several words)."""
    word = tokens.folded[k]
    blessing = word in BLESSING_VERBS and k + 1 < len(tokens) and tokens.folded[k + 1] == "الله"
    coordinated = word.startswith("وال") and len(word) >= 6 and not given_names().match([word], 0)[0]
    return word.startswith("لل") or coordinated or blessing or " " in word or _age_word(tokens, k)


def _fa_and_past_verb(word: str) -> bool:
    """A folded word is ف "and so" + a verb in the past, commoner than the whole (شوفكوفسكيي |
    فاحتسب الحكم); not a given name (فهد، فاضل), which the caller tests."""
    rest = word[1:]
    return word.startswith("ف") and len(rest) >= 3 and past_verb(rest) and word_zipf(rest) > word_zipf(word)


def _verb_after_name(tokens: WordTokens, k: int) -> bool:
    """Token k, inside a name the labeller or a rule found, is a verb of the third person (يـ,
    or ف + one in the past), an accusative or a noun with a pronoun, and no given name (سعد |
    ينادي، طالباني | متضامنا، أحمد قطان | سفيرنا، شوفكوفسكيي | فاحتسب; not وارن | تراس، حسن |
    يارا, nor a family name ending in ه: أسامة عبده)."""
    word = tokens.folded[k]
    verb = (word.startswith("ي") and not word.endswith("ا") and present_verb(word)) or accusative(word)
    verb = verb or _fa_and_past_verb(word)
    raw = strip_diacritics(tokens.raw[k])
    plain_ha = raw.endswith("ه") and not raw.endswith("ته")  # عبده، طلبه: family names too
    verb = verb or (not plain_ha and pronoun_suffixed(tokens, k))
    return verb and not tokens.definite[k] and not given_names().match([word], 0)[0]


def person_cut(tokens: WordTokens, span: Span) -> Span | None:
    """A person's name ending before its first later word no name goes on with (`_no_name_goes_on`:
    فيصل بن فهد | للشباب، وانغ | للصحافيين، عثمان | رضي الله عنه), or, unless the gazetteer knows
    the name (جانيت يلين), before a verb, an accusative or a noun with a pronoun
    (`_verb_after_name`); None after an honorific when one word would be left (الأمير نايف |
    للإسعافات: a programme or institution named after the person) or when it starts with a common
    definite word (المنظمة العربية | للسياحة)."""
    if span.type != "PER":
        return span
    k = next(
        (
            k
            for k in range(span.first + 1, span.last)
            if _no_name_goes_on(tokens, k) or (not span.alias and _verb_after_name(tokens, k))
        ),
        None,
    )
    if k is None:
        return span
    named_after = k - span.first == 1 and span.first > 0 and tokens.folded[span.first - 1] in HONORIFICS
    common = tokens.definite[span.first] and word_zipf(tokens.folded[span.first]) >= COMMON
    return None if span.alias or named_after or common else replace(span, last=k, hint="")


#: Nouns whose complement is a verbal noun, which may be spelled like a given name (في حال
#: عدم | توفيق مورا: "if Mora does not succeed").
VERBAL_NOUN_HEADS = frozenset(fold_token(w) for w in ("عدم",))


def without_verbal_noun(tokens: WordTokens, span: Span) -> Span | None:
    """A person's name found by its given name right after a noun that takes a verbal noun
    (`VERBAL_NOUN_HEADS`) starts after that word (عدم توفيق | مورا), or is none when the word was
    all of it; a name the gazetteer knows is kept."""
    first = span.first
    if span.type != "PER" or span.alias or first == 0 or not tokens.joined(first):
        return span
    if span.clitic or all(form not in VERBAL_NOUN_HEADS for _, form in tokens.forms(first - 1)):
        return span
    return replace(span, first=first + 1, hint="") if span.last - first > 1 else None


#: Heads of a district's name (مديرية حيس، مديرية مكيراس in Yemen) that also head a directorate's
#: (مديرية الزراعة، مديرية الشؤون الصحية).
DISTRICT_HEADS = frozenset(fold_token(w) for w in "مديرية".split())


#: The words that make a centre (`CENTRE_HEAD`) a venue (مركز الملك فهد الثقافي، مركز الأمير
#: سلطان الحضاري، مركز إكسيل للمعارض), not a body.
VENUE_WORDS = frozenset(fold_token(w) for w in "الثقافي الحضاري التجاري للمعارض للمؤتمرات".split())


def place_by_head(tokens: WordTokens, span: Span) -> Span:
    """A hospital's, museum's, hotel's or prison's name is a place (مستشفى الملك فهد، متحف
    الموصل، سجن الحائر), as airports and stadiums are, not an organisation, and so is a cultural,
    trade or exhibition centre's (`VENUE_WORDS`); so is a district
    named by a rare word after its head (مديرية حيس), while one named by a word in use is a
    directorate (مديرية الزراعة، مديرية الأمن)."""
    first = dict(tokens.forms(span.first)).get(span.clitic, tokens.folded[span.first])
    facility = span.type in ("ORG", "MISC") and first in FACILITY_KINDS
    venue = (  # مركز الملك فهد الثقافي، مركز إكسيل للمعارض: a centre where things are held
        span.type == "ORG"
        and first == CENTRE_HEAD
        and not VENUE_WORDS.isdisjoint(tokens.folded[span.first : span.last])
    )
    district = (
        span.type == "ORG"
        and span.length >= 2
        and first in DISTRICT_HEADS
        and word_zipf(tokens.folded[span.first + 1]) < RARE
    )
    return replace(span, type="LOC") if facility or venue or district else span


#: Words of foreign companies' names in Arabic letters (ماليزيا إيرلاينز، رويال بنك أوف سكوتلند،
#: جنرال موتورز), folded.
FOREIGN_COMPANY_WORDS = frozenset(
    fold_token(w)
    for w in (
        "إيرلاينز إيرلاينس إيرويز موتورز موتورس كوربوريشن كوربوريشين ليمتد هولدينغ هولدنغ هولدينج "
        "جروب غروب إنترناشونال إنترناشيونال تليكوم بتروليوم فارما سيستمز كابيتال بنك أويل كومباني"
    ).split()
)


def company_by_its_words(tokens: WordTokens, span: Span) -> Span:
    """A name the labeller or a rule types as a person, place or other whose words after the first
    include a foreign company's word (`FOREIGN_COMPANY_WORDS`) is a company (ماليزيا إيرلاينز)."""
    if span.type == "ORG" or span.alias or span.length < 2:
        return span
    words = tokens.folded[span.first + 1 : span.last]
    return replace(span, type="ORG", hint="") if not FOREIGN_COMPANY_WORDS.isdisjoint(words) else span


def person_without_and(tokens: WordTokens, span: Span, name_ends: set[int]) -> Span:
    """A person's name in a list, glued to the conjunction و, leaves the و outside (حارس و|سند
    شراحيلي، لويس ناني و|فان بيرسي): its first word is و + a consonant, no given name as a whole,
    and another name ends right before it (`name_ends`: the tokens where names end). Elsewhere
    و + a consonant may begin a name (وأوضح وسيم الخطيب، الألماني ولفغانغ شويبله)."""
    word = tokens.folded[span.first]
    if (
        span.type != "PER"
        or span.clitic
        or span.alias
        or span.first not in name_ends
        or len(word) < 4
        or not word.startswith("و")
        or word[1] in "اوي"
        or given_names().match(tokens.folded, span.first)[0]
    ):
        return span
    return replace(span, clitic=1)


#: Dual and sound plural endings, and what the singular ends with instead (ة for تان / تين).
NUMBER_ENDINGS = (("تان", "ه"), ("تين", "ه"), ("ان", ""), ("ين", ""), ("ون", ""))


def number_agreeing(words: tuple[str, ...]) -> bool:
    """Two words with the same dual or plural ending, an ordinary noun and a relational adjective
    in the singular (خبيران أوروبيان = خبير + أوروبي): a noun and its adjective, not a name
    (حسين شاهين: شاه is no adjective; سلمان خان: خ is no word)."""
    if len(words) != 2:
        return False
    for ending, singular in NUMBER_ENDINGS:
        if all(w.endswith(ending) and len(w) > len(ending) + 1 for w in words):
            noun, adjective = (w[: -len(ending)] + singular for w in words)
            nisba = adjective.endswith(("ي", "يه"))
            return nisba and word_zipf(noun) >= 3.5 and word_zipf(adjective) >= 3.0
    return False


def accusative_phrase(words: tuple[str, ...]) -> bool:
    """Words that all end in the alif of an indefinite accusative on a word in use (تمرينا
    صباحيا = تمرين + صباحي): a noun and its adjective, not a name (ماريا شارابوفا: شارابوف is no
    word)."""
    return len(words) >= 2 and all(
        len(w) > 3 and w.endswith("ا") and word_zipf(w[:-1]) >= 3.0 and not given_names().match([w], 0)[0]
        for w in words
    )


def adjusted(
    tokens: WordTokens, chosen: list[Span], surnames: set[str], repeated: set[str]
) -> Iterator[Span]:
    """A field's chosen spans after the adjustments of this module, in order: a lone given name
    takes its surname (`with_surnames`), then tanween, a word no name goes on with, a verbal
    noun's head and a list's و cut names (`without_tanween`, `person_cut`, `without_verbal_noun`,
    `person_without_and`), a foreign company's words
    make a company (`company_by_its_words`), a facility and a district named by a rare word are
    places (`place_by_head`), and a person that reads as a noun and its adjective is dropped
    (`number_agreeing`, `accusative_phrase`: (الفريق) مباراتين وديتين، تمرينا صباحيا); last, the
    names left between the persons of a list (`persons_listed_between`)."""
    name_ends = {s.last for s in chosen}
    spans = []
    for span in with_surnames(tokens, chosen, surnames, repeated):
        span = without_tanween(tokens, span)
        span = span and person_cut(tokens, span)
        span = span and without_verbal_noun(tokens, span)
        if span is None:
            continue
        span = place_by_head(
            tokens, company_by_its_words(tokens, person_without_and(tokens, span, name_ends))
        )
        words = tuple(tokens.folded[span.first : span.last])
        if span.type == "PER" and (number_agreeing(words) or accusative_phrase(words)):
            continue
        spans.append(span)
    yield from bracketed_short_names(tokens, persons_listed_between(tokens, spans))


#: Persons a list must name around a gap for the gap to be a person too (`persons_listed_between`).
LISTED_PERSONS = 3
#: Words of such a gap at most.
LISTED_GAP_WORDS = 2


def _list_link(tokens: WordTokens, k: int) -> int | None:
    """Token k goes on a list, after a comma or joined, written with the conjunction و: the
    length of its proclitic (1 for و, 0 after a comma without one or before a name such as وليد),
    or None when it goes on no list."""
    if k >= len(tokens):
        return None
    conjunction = tokens.folded[k][0] == "و" and any(c == 1 for c, _ in tokens.forms(k))
    conjunction = conjunction and not given_names().match(tokens.folded, k)[0]
    if tokens.gaps[k] in context.LIST_COMMAS:
        return int(conjunction)
    return 1 if tokens.joined(k) and conjunction else None


def persons_listed_between(tokens: WordTokens, spans: list[Span]) -> list[Span]:
    """`spans` with the one- or two-word names between two persons of a list of persons joined by
    و or commas read as persons too, when the list names at least `LISTED_PERSONS` around the gap
    (ادخل عواجي وعبد الله الاسطا | والفهد | وسلطان الدعيع وحسن معاذ ...: the labeller misses a
    player's short name). Not a function word, a number or a word another span holds."""
    persons = sorted((s for s in spans if s.type == "PER"), key=lambda s: s.first)
    taken = {k for s in spans for k in range(s.first, s.last)}

    def listed(left: Span, right: Span) -> bool:
        return left.last == right.first and _list_link(tokens, right.first) is not None

    added = []
    for n in range(len(persons) - 1):
        a, b = persons[n].last, persons[n + 1].first
        clitic = _list_link(tokens, a)
        if not 1 <= b - a <= LISTED_GAP_WORDS or clitic is None or _list_link(tokens, b) is None:
            continue
        if taken.intersection(range(a, b)) or (b - a == 2 and not tokens.joined(a + 1)):
            continue
        words = [dict(tokens.forms(a)).get(clitic, ""), *tokens.folded[a + 1 : b]]
        if not all(w.isalpha() and not is_function_word(w) for w in words):
            continue
        around, k = 2, n
        while k > 0 and listed(persons[k - 1], persons[k]):
            around, k = around + 1, k - 1
        k = n + 1
        while k + 1 < len(persons) and listed(persons[k], persons[k + 1]):
            around, k = around + 1, k + 1
        if around < LISTED_PERSONS:
            continue
        if b - a == 2 and _list_link(tokens, a + 1):  # الواكد | والقرني: two surnames
            added.append(Span(a + 1, b, "PER", "rule", 1, rule="listed_person"))
            b = a + 1
        added.append(Span(a, b, "PER", "rule", clitic, rule="listed_person"))
    return sorted(spans + added, key=lambda s: s.first) if added else spans


#: The rule of a body's short name written in brackets right after its name.
SHORT_NAME_RULE = "short_name"
#: A body's short name in Latin letters: capitals (IMF، FAI), a short acronym in lower case (pkk)
#: or a capitalised word (Impax).
LATIN_SHORT_NAME = re.compile(r"[A-Z]{2,8}|[a-z]{2,5}|[A-Z][a-z]{2,15}")
#: Brackets a body's short name is written in after its name, each with its closing one.
BRACKETS = {"(": ")", "«": "»"}
#: A short name in quotes is a rare word (سانلك، عربال), not one the press quotes as it cites it.
QUOTED_SHORT_NAME_ZIPF = 3.0
#: Letters (one each, or their names) an acronym is spelled with at most (إي إن آي، د. ب. أ).
ACRONYM_LETTERS = 6
#: Words written in brackets after a body's name that say whom it serves or when, not its name
#: (المعهد الصناعي الثانوي (بنين)).
BRACKET_QUALIFIERS = frozenset(fold_token(w) for w in "بنين بنات رجال نساء سابقا حاليا".split())
#: Definite words before a body that make it the owner of a longer, unnamed one (المكتب التابع
#: للاتحاد الأوروبي (يوروستات)).
UNIT_OF = frozenset(fold_token(w) for w in "التابع التابعة".split())


def _short_name_end(tokens: WordTokens, k: int, quoted: bool) -> int | None:
    """End of a short name at token k: an acronym in letters or their names (د.ب.أ، إي إن آي، C.I.A),
    a Latin word (`LATIN_SHORT_NAME`), or one Arabic word that names rather than describes: not
    definite, not written with tanween or the accusative's alef (أكاديمياً، سابقا), no function
    word, plural noun, qualifier (`BRACKET_QUALIFIERS`), given name or known place or person; in
    quotes («سانلك») a rare word only, not feminine (`QUOTED_SHORT_NAME_ZIPF`)."""
    end = k
    while (
        end < len(tokens)
        and end - k < ACRONYM_LETTERS
        and (len(tokens.raw[end]) == 1 or tokens.folded[end] in LETTER_NAMES)
        and (end == k or tokens.gaps[end] in ("", "."))
    ):
        end += 1
    if end - k >= 2:
        return end
    raw, word = tokens.raw[k], tokens.folded[k]
    if LATIN_SHORT_NAME.fullmatch(raw):
        return k + 1
    if raw.isascii() or not word.isalpha() or len(word) < 2:
        return None
    if tokens.definite[k] or has_tanween(raw) or accusative(word) or plural_noun(word):
        return None
    if is_function_word(word) or word in BRACKET_QUALIFIERS or given_names().match([word], 0)[0]:
        return None
    if quoted and (word_zipf(word) >= QUOTED_SHORT_NAME_ZIPF or word.endswith("ه")):
        return None  # الأمم المتحدة «مجبرة» "forced", the press's quotes around a word it cites
    return None if load_gazetteer().type_of((word,)) in ("LOC", "PER") else k + 1


def _inside_longer_body(tokens: WordTokens, span: Span) -> bool:
    """The body's name is governed by a word before it, so that brackets after it may name the
    longer body (بعثة | الاتحاد الأفريقي (أميصوم)، التابع | للاتحاد الأوروبي): a noun ending in
    ة or ات joined to it, or التابع."""
    k = span.first - 1
    if k < 0 or not tokens.joined(span.first):
        return False
    word = tokens.folded[k]
    if word in UNIT_OF:
        return True
    return not tokens.definite[k] and not is_function_word(word) and word.endswith(("ه", "ات"))


def bracketed_short_names(tokens: WordTokens, spans: list[Span]) -> list[Span]:
    """`spans` with the short name a body gives itself in brackets or quotes right after its name,
    an organisation too (الشركة الوطنية للتسويق الزراعي (ثمار)، صندوق النقد الدولي (IMF)، وكالة
    الأنباء الألمانية (د.ب.أ)، المؤتمر العربي الدولي للألمنيوم «عربال»), where no other span holds
    it (`_short_name_end`); not after a body named inside a longer one (`_inside_longer_body`).
    `link` gives it the body's id."""
    found: dict[int, Span] = {}
    for span in spans:
        k = span.last
        if span.type != "ORG" or k >= len(tokens) or tokens.gaps[k] not in BRACKETS:
            continue
        end = _short_name_end(tokens, k, tokens.gaps[k] == "«")
        if end is None or _inside_longer_body(tokens, span):
            continue
        after = tokens.gaps[end] if end < len(tokens) else tokens.text[tokens.ends[end - 1] :].strip()
        if not after.startswith(BRACKETS[tokens.gaps[k]]):
            continue
        held = [s for s in spans if s.first < end and s.last > k]
        # the labeller's or a rule's organisation there is the short name; a known name keeps its id
        if not held or (len(held) == 1 and (held[0].first, held[0].last, held[0].type) == (k, end, "ORG")):
            if not (held and held[0].alias):
                found[k] = Span(k, end, "ORG", "rule", rule=SHORT_NAME_RULE)
    if not found:
        return spans
    return sorted([s for s in spans if s.first not in found] + list(found.values()), key=lambda s: s.first)
