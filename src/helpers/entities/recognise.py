"""Per-document recognition: gazetteer names (checked against their context), rule names, the
sequence labeller's names ("model") and CAMeL NER spans in each title and body, one span per
entity. Which source wins where they disagree (`merge_model`) was decided by judging their
disagreements on a day of real news (see the README's entity section)."""

from __future__ import annotations

import bisect
from dataclasses import replace
from functools import lru_cache

import pandas as pd

from helpers.core.text import index_sentences
from helpers.core.words import PRONOUN_SUFFIXES, fold_token, is_function_word, strip_diacritics, word_zipf
from helpers.entities import camel_ner, context, labeller
from helpers.entities.adjust import (
    QUOTED_RULES,
    adjusted,
    as_club,
    beside_places,
    bodies_around_names,
    club_names_throughout,
    clubs_throughout,
    companies_named_after,
    hotels_with_their_city,
    lone_surnames,
    number_agreeing,
    persons_named_throughout,
    rare_clubs_throughout,
    repeated_name_words,
    stadiums_named,
    weak_names_as_words,
    with_forebears_names,
    with_given_name_before,
    with_known_surname,
    with_patronymics,
)
from helpers.entities.annotation import cldr_currencies
from helpers.entities.gazetteer import (
    ARABIC_SPEAKING,
    Alias,
    Entry,
    Gazetteer,
    load_gazetteer,
    name_tokens,
    trie_matches,
)
from helpers.entities.given_names import COMPOUND_FIRSTS, given_names
from helpers.entities.rules import (
    AFFILIATION_WORDS,
    COMMON,
    COMMON_NAMED_HEADS,
    DIRECTIONS,
    FACILITY_HEADS,
    KUNYA,
    LETTER_NAMES,
    MEDIA_HEADS,
    NAME_PARTICLES,
    NATIONAL_TEAM_RULE,
    ORG_HEADS,
    ORG_KINDS,
    PHRASE_STOPS,
    PLACE_HEADS,
    QUOTED_TITLE_RULE,
    RARE,
    THIRD_PERSON,
    TITLE_HEADS,
    RuleSpan,
    WordTokens,
    accusative,
    adjective_after,
    adjective_like,
    after_title_chain,
    after_verb_particle,
    ali_is_preposition,
    and_before_name,
    apposition,
    art_work_title,
    clear_future_verb,
    clearly_commoner,
    common_noun,
    dual_past_verb,
    family_after_patronymic,
    family_name_after_title,
    family_nisba,
    find_rule_spans,
    inflected_participle,
    name_particle,
    nationality_family,
    nationality_plural,
    next_in_list,
    past_verb,
    plural_noun,
    present_verb,
    pronoun_suffixed,
    reading_zipf,
    relational_adjective,
    spelled_as_given_name,
    sport_construct_end,
    unknown_imperfect_verb,
)
from helpers.entities.spans import Span, documents_of, span_text, token_range, word_tokens

#: What `recognise` passes to `link`: one row per mention (name: its folded words; reason and
#: detail: the merge-log entry of a gazetteer match) and per unconfirmed rule span.
MENTION_COLUMNS = [
    "doc_id",
    "field",
    "start",
    "end",
    "surface",
    "type",
    "name",
    "source",
    "entity_id",
    "weak",
    "clitic_readings",
    "reason",
    "detail",
    "confidence",
    "place",
]


PENDING_COLUMNS = ["doc_id", "field", "first", "last", "type", "rule", "clitic"]


# Source priority when spans of equal length overlap (lower wins); already chosen spans first.
_PRIORITY = {"gazetteer": 0, "rule": 1, "model": 2, "camel_ner": 3}


def _select(spans: list[Span], n_tokens: int) -> list[Span]:
    """Non-overlapping spans: non-model spans first, then longest, then by source priority,
    then leftmost."""
    taken = [False] * n_tokens
    chosen = []
    order = sorted(
        spans, key=lambda s: (s.source in ("camel_ner", "model"), -s.length, _PRIORITY[s.source], s.first)
    )
    for span in order:
        if not any(taken[span.first : span.last]):
            chosen.append(span)
            for k in range(span.first, span.last):
                taken[k] = True
    return sorted(chosen, key=lambda s: s.first)


#: Below this Zipf a club's name followed by a nationality adjective is the club (بورتو
#: البرتغالي); a word in use so is another body (الاتحاد الكويتي: the federation).
FOREIGN_CLUB_ZIPF = 4.5


#: An article with at least this many of the gazetteer's sport cue words is about sport; a
#: short text (a sentence, a caption) needs one more cue per `SPORT_CUE_WORDS` words, from one.
SPORT_CUES = 3
SPORT_CUE_WORDS = 25


#: Titles and bodies of a region's governor: the place after them is the region (أمير مكة،
#: إمارة الرياض), when the gazetteer knows a region of that name (منطقة مكة).
REGION_TITLES = frozenset(fold_token(w) for w in "أمير أميرة إمارة".split())
REGION_WORD = fold_token("منطقة")


#: Plural and dual of منطقة before a list of regions (مناطق الرياض ومكة المكرمة والقصيم).
REGION_LISTS = frozenset(fold_token(w) for w in "مناطق منطقتي منطقتا".split())


def _region_list(tokens: WordTokens, matches: list, gaz: Gazetteer) -> set[int]:
    """First tokens of the gazetteer matches in a list of regions, each right after the one
    before, by و (joined or apart) or a comma: after مناطق / منطقتي (مناطق الرياض، مكة المكرمة
    والقصيم), or a list of at least `REGION_LIST_SIZE` places of which `REGION_LIST_REGIONS` are
    regions by their own name (عسير، جازان، الباحة ... والرياض: a weather report's regions, not
    cities), unless a word for cities opens it (`CITY_LISTS`)."""
    listed: set[int] = set()
    chains: list[tuple[list[int], bool, bool, int]] = []  # (first tokens, after مناطق, after مدن, regions)
    end = -1
    for a, b, c, alias in matches:
        if a < end:
            continue  # a shorter name inside the one before (المنطقة | الشرقية)
        opens = c == 0 and a > 0 and tokens.joined(a) and bool(tokens.bare[a - 1] & REGION_LISTS)
        goes_on = a == end and (tokens.gap(a) in ("،", ",") or (tokens.joined(a) and c == 1))
        # و written apart (مناطق عسير و الباحة)
        goes_on = goes_on or (a == end + 1 and end >= 0 and tokens.folded[end] == "و" and tokens.joined(a))
        if gaz.entries[alias.entity_id].type != "LOC":
            end = -1
            continue
        if opens or not goes_on or not chains:
            cities = a > 0 and bool(tokens.bare[a - 1] & CITY_LISTS)  # مدن (الدمام، المدينة المنورة)
            chains.append(([], opens, cities, 0))
        members, opened, cities, regions = chains[-1]
        region = gaz.lookup((REGION_WORD, *tokens.name(a, b, c)))
        own = region is not None and region.entity_id == alias.entity_id
        chains[-1] = ([*members, a], opened, cities, regions + own)
        end = b
    for members, opened, cities, regions in chains:
        by_regions = len(members) >= REGION_LIST_SIZE and regions >= REGION_LIST_REGIONS and not cities
        if opened or by_regions:
            listed.update(members)
    return listed


#: Words before a list of cities or governorates, not regions (في مدن الدمام والباحة).
CITY_LISTS = frozenset(fold_token(w) for w in "مدن مدينتي محافظات محافظتي".split())
#: A list of this many places, of which this many regions by their own name, lists regions.
REGION_LIST_SIZE = 3
REGION_LIST_REGIONS = 2


#: Second words of two-word titles (آية الله).
TITLE_COMPLEMENTS = frozenset({"الله"})


def _after_title(
    tokens: WordTokens, gaz: Gazetteer, a: int, b: int, c: int, entity_id: str
) -> tuple[int, int]:
    """(first token, proclitic) of a person's gazetteer match without the titles it was matched
    with (الملك سلمان بن عبدالعزيز links the king, his name is سلمان بن عبدالعزيز), when what
    follows them starts with a given name or is another name of the person. Titles are definite
    (or آية الله); an epithet (الملك المؤسس) or an indefinite word that is part of the name (قائد
    السبسي) stays."""
    names = given_names()
    for k in range(a + 1, b):
        word = dict(tokens.forms(k - 1)).get(c, tokens.folded[k - 1]) if k - 1 == a else tokens.folded[k - 1]
        title = word in TITLE_HEADS and (word.startswith("ال") or tokens.folded[k] in TITLE_COMPLEMENTS)
        if not (title or (k - 1 > a and word in TITLE_COMPLEMENTS)):
            break
        rest = tuple(tokens.folded[k:b])
        same = gaz.lookup(rest)
        if names.match(tokens.folded[:b], k)[0] or (same is not None and same.entity_id == entity_id):
            return k, 0
    return a, c


#: The head of a club's name (النادي الأهلي، نادي الاتحاد), folded.
CLUB_HEADS = frozenset(fold_token(w) for w in ("نادي", "النادي"))
#: Heads after which an ambiguous name keeps its readings (مدينة زنجبار، النادي الأهلي).
AMBIGUOUS_NAME_HEADS = PLACE_HEADS | CLUB_HEADS


def _names_a_club_by_its_head(
    fields: dict[str, WordTokens], found: dict[str, tuple[list[Span], list[Span]]], gaz: Gazetteer
) -> bool:
    """The document names a club the gazetteer knows with its head (النادي الأهلي): its bare name
    is the club elsewhere in it too, though the document has too few sport words to be about
    sport (an article on the club's new president)."""
    return any(
        span.type == "ORG"
        and span.alias
        and span.alias.entity_id in gaz.sport_clubs
        and span_text(tokens, span)[2][0] in CLUB_HEADS
        for name, tokens in fields.items()
        for span in found[name][0]
    )


def about_sport(gaz: Gazetteer, cues: frozenset[str], n_words: int) -> bool:
    """The document's words (`cues`, `n_words` in all) hold enough of the gazetteer's sport cues,
    with or without the article (الكرة = كرة; المباراة and مباراة count once) or with a pronoun
    (جماهيرنا، مدربه): `SPORT_CUES`, or fewer in a short text."""
    found = {
        w
        for w in _sport_stems(gaz.sport_cues)
        if w in cues or "ال" + w in cues or (len(w) > 2 and any(w + p in cues for p in PRONOUN_SUFFIXES))
    }
    return len(found) >= min(SPORT_CUES, 1 + n_words // SPORT_CUE_WORDS)


@lru_cache(maxsize=4)
def _sport_stems(sport_cues: frozenset[str]) -> frozenset[str]:
    """The sport cues without their article."""
    return frozenset(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in sport_cues)


def _gazetteer_spans(
    tokens: WordTokens,
    gaz: Gazetteer,
    model_at: list[float | None],
    cues: frozenset[str],
    model_on: bool = False,
    vetoed: set[int] | None = None,
    model_type_at: list[str | None] | None = None,
    sport: bool = False,
) -> list[Span]:
    """Exact gazetteer matches the context allows (`context`), outlets' names where the context
    says outlet, ambiguous names in the reading the document points to, clubs' names in an
    article about `sport` (`about_sport`). `model_at[i]`: the
    labeller's score of a name over token i (None: none); with the labeller on (`model_on`), a
    foreign city's name that is a frequent word (بورصة، ميدان) needs the labeller to see a name
    there or a place word before it. The tokens
    of matches the context rules out go to `vetoed` (the labeller may not name them either)."""
    vetoed = set() if vetoed is None else vetoed
    matches = trie_matches(tokens, gaz.trie, tokens.folded)
    org_at = [False] * len(tokens)  # tokens of an organisation's name in the gazetteer
    for a, b, _c, alias in matches:
        if gaz.entries[alias.entity_id].type == "ORG":
            org_at[a:b] = [True] * (b - a)
    model_type_at = model_type_at or [None] * len(tokens)
    listed = _region_list(tokens, matches, gaz)
    place_ends = {a: b for a, b, c, alias in matches if not c and gaz.entries[alias.entity_id].type == "LOC"}
    spans = []
    for a, b, c, alias in matches:
        entry = gaz.entries[alias.entity_id]
        if entry.type == "LOC" and context.nisba_after_definite(tokens, a, b, c):
            vetoed.update(range(a, b))
            continue
        if entry.type == "LOC" and context.nisba_after_org(tokens, a, b, c, org_at):
            vetoed.update(range(a, b))
            continue
        if entry.type == "LOC" and context.coordinated_indefinite_nisba(tokens, a, b, c, gaz):
            vetoed.update(range(a, b))
            continue  # عرض جوي وبحري: an adjective
        if entry.type == "LOC" and context.accusative_nisba(tokens, a, b, c, gaz):
            vetoed.update(range(a, b))
            continue  # 158 لاجئا سوريا: "Syrian", in the accusative
        if context.in_common_phrase(tokens, a, b, gaz, c):
            vetoed.update(range(a, b))
            continue  # صلاة المغرب، جوز الهند، مسقط رأسه، درجة حماس الناس
        if b - a == 1 and alias.weak and context.common_noun_use(tokens, a, c):
            vetoed.update(range(a, b))
            continue  # هذه القاعدة "this base": the word, not al-Qaeda
        if b - a == 1 and not c and alias.weak and context.hamza_written_otherwise(tokens.raw[a], entry.weak):
            vetoed.update(range(a, b))
            continue  # وأم "and a mother", not وام (WAM)
        if b - a == 1 and not c and after_verb_particle(tokens, a):
            vetoed.update(range(a, b))
            continue  # قد أغرى "has tempted", not Ağrı
        if c and b - a == 1 and tokens.folded[a][:c] in LIKE and pronoun_suffixed(tokens, a):
            vetoed.update(range(a, b))
            continue  # كسبها "won it", not ك "like" + سبها: a word in use with a pronoun
        if (
            c
            and b - a == 1
            and tokens.folded[a][:c] == "ف"
            and _foreign_town(gaz, entry, tokens.folded[a][c:])
        ):
            vetoed.update(range(a, b))
            continue  # فمرادي "so my intent", not ف + Maradi: "so" seldom comes before a far town
        edition = context.edition_end(tokens, b, a) if entry.type == "LOC" and not entry.iso else b
        if edition > b:  # جنيف 2، «جنيف 3»: a conference named after its place, and its edition
            spans.append(Span(a, edition, "MISC", "rule", c, rule="place_edition"))
            continue
        if entry.type == "LOC" and context.inside_quoted_name(tokens, a, b):
            continue  # «ماليزيا ديفلبمنت برهاد»: a quoted company's name
        if (
            entry.type == "LOC"
            and not entry.iso
            and context.city_with_masculine_adjective(tokens, a, b, gaz.nationality)
            and not gaz.lookup(tuple(tokens.folded[a : b + 1]))
            and not context.event_of_place(tokens, a, b)
            and not context.club_or_company(tokens, a, b, set())
            and not context.street_of_place(tokens, a, b)
        ):
            vetoed.update(range(a, b))
            continue  # الرباط الداخلي: a ligament
        if b - a == 1 and not _hamza_written(tokens, a, c, entry):
            continue  # إبل "camels" is no أبل (Apple), آب "August" no إب (Ibb), مآرب "aims" no مأرب
        if entry.type == "PER" and not c and a > 0 and tokens.joined(a) and name_particle(tokens, a - 1):
            continue  # سلطان بن | سلمان بن عبدالعزيز: a patronymic, not the king
        if (
            entry.type == "PER"
            and b < len(tokens)
            and tokens.joined(b)
            and tokens.definite[b]
            and word_zipf(tokens.folded[b]) < RARE
            and not gaz.nationality(tokens.folded[b])
        ):
            continue  # عبدالله بن عبدالعزيز | الربيعة: a family name follows, another person
        if (
            entry.type == "LOC"
            and b - a == 1
            and given_names().match([dict(tokens.forms(a)).get(c, tokens.folded[a])], 0)[0]
            and b < len(tokens)
            and tokens.joined(b)
            and not tokens.definite[b]
            and word_zipf(tokens.folded[b]) < 2.5
            and not is_function_word(tokens.folded[b])
        ):
            continue  # ستانلي كوبريك: a given name and a surname, not a town
        if (
            entry.type == "LOC"
            and b - a == 1
            and not c
            and not alias.weak  # ربيع الشرقية: a festival's name, not a family named after the region
            and (tokens.definite[a] or _foreign_town(gaz, entry, tokens.folded[a]))
        ):
            given = _given_name_before(tokens, a)
            if given is not None:  # فهد السويد، سارة مورينو: a family name named after a place
                spans.append(Span(given, b, "PER", "rule", rule="family_place"))
                continue
        if (
            entry.type == "LOC"
            and not entry.iso
            and b - a == 1
            and not context.place_supported(tokens, a)
            and (
                context.lookalike(tokens, a, b, c, entry.aliases, by_frequency=False)
                or (
                    model_on
                    and entry.country
                    and entry.country not in ARABIC_SPEAKING
                    and model_at[a] is None
                    and context.lookalike(tokens, a, b, c, entry.aliases)
                )
            )
        ):
            vetoed.update(range(a, b))
            continue  # جدّه "his grandfather", بعقوبة "with a penalty", بورصة "stock exchange"
        name = tokens.name(a, b, c)
        readings = gaz.ambiguous.get(name)
        headed = gaz.ambiguous.get(name[1:]) if name[0] in AMBIGUOUS_NAME_HEADS else None
        if not readings and headed and headed[0][0] == alias.entity_id:
            # an ambiguous name after a place's or club's head, matched as its default reading, is
            # ambiguous too (مدينة زنجبار: Zinjibar in Abyan; النادي الأهلي: Cairo's in an article on
            # Egypt's league); not one matched as another (ولاية واشنطن)
            readings = headed
        if readings:
            eid = context.choose_reading(readings, cues)
            if eid != alias.entity_id and eid in gaz.entries:
                alias = Alias(
                    eid, False, f"reading of an ambiguous name chosen by the document's words ({eid})"
                )
                entry = gaz.entries[eid]
        media = gaz.media_names.get(name)
        if media and context.media_context(tokens, a, c, b):
            alias, entry = (
                Alias(media, False, "outlet's name after a media word or in quotes"),
                gaz.entries[media],
            )
        if entry.iso and not c and context.capital_named(tokens, a, b):
            capital = gaz.capital_of(alias.entity_id)  # العاصمة الكويتية الكويت: Kuwait City
            if capital and capital != alias.entity_id:
                alias, entry = Alias(capital, False, "a country's name for its capital"), gaz.entries[capital]
        titled = a > 0 and tokens.joined(a) and tokens.bare[a - 1] & REGION_TITLES
        if entry.type == "LOC" and (titled or a in listed):
            region = gaz.lookup((REGION_WORD, *name))  # أمير مكة: the governor of منطقة مكة
            if region is not None and region.entity_id != alias.entity_id:
                how = "the region after a governor's title" if titled else "a region in a list of regions"
                alias = Alias(region.entity_id, False, how)
                entry = gaz.entries[region.entity_id]
        if entry.type == "LOC":
            # شارع الرياض، مطار دبي: not the city (but شارع | بمحافظة الخرج: a street in it)
            if not c and context.street_of_place(tokens, a, b, bool(entry.iso)):
                c = tokens.clitic_before(a - 1, context.STREET_HEADS)
                end = context.facility_end(tokens, b, place_ends)
                spans.append(Span(a - 1, end, "LOC", "rule", c, rule="street_place"))
                continue
            body = context.body_of_quoted_place(tokens, a, b)
            if body:  # تنظيم «بيت المقدس»: the body
                spans.append(Span(a, b, body, "rule", c, rule="quoted_org"))
                continue
            if context.broadcaster_of_place(tokens, a):  # تلفزيون قطر: the broadcaster, not the state
                c = tokens.clitic_before(a - 1, context.BROADCAST_HEADS)
                spans.append(Span(a - 1, b, "ORG", "rule", c, rule="broadcaster_place"))
                continue
            event = context.event_of_place(tokens, a, b, bool(entry.iso))
            if event:  # مهرجان الإسكندرية السينمائي: the place names an event
                c = tokens.clitic_before(event[0], context.EVENT_PLACE_HEADS)
                spans.append(Span(event[0], event[1], "MISC", "rule", c, rule="event_place"))
                continue
            if sport and (
                context.club_by_nationality(tokens, b)
                # not after a place's preposition (وصل إلى | ب نجران); ل is "for" (هدف التعادل لفولفسبورج)
                or (
                    entry.country
                    and (not c or tokens.folded[a][0] == "ل")
                    and context.club_by_city(tokens, a)
                )
                or (entry.country and context.continues_list(tokens, a, c, _org_ends(spans)))
            ):  # the labeller does not overrule these (`merge_model`)
                spans.append(_club_of_city(tokens, gaz, a, b, c, "club_place"))
                continue
            if (
                sport
                and entry.iso
                and (
                    context.national_team(tokens, a)
                    or context.continues_list(tokens, a, c, _team_ends(spans))
                )
            ):  # فاز على تشيلي، مواجهة المغرب والبحرين: the country's national team
                spans.append(Span(a, b, "ORG", "rule", c, rule=NATIONAL_TEAM_RULE))
                continue
            if context.club_by_nationality(tokens, b):
                spans.append(_club_of_city(tokens, gaz, a, b, c, "club_nationality"))
                continue
            org = context.club_or_company(tokens, a, b, set(), c)
            if org:  # ريال مدريد، نادي جدة: the place is in an organisation's name
                first = org[0]
                heads = context.CONSTRUCT_ORG_HEADS | context.PLACE_ORG_HEADS | context.CLUB_BEFORE
                if first < a:  # بنادي جدة: the head's proclitic stays outside
                    c = tokens.clitic_before(first, heads)
                end = sport_construct_end(tokens, org[1])  # اتحاد بوليفيا | لكرة القدم
                spans.append(Span(first, end, "ORG", "rule", c, rule="org_place"))
                continue
        if entry.type == "PER":
            a, c = _after_title(tokens, gaz, a, b, c, alias.entity_id)
        if (
            entry.type == "ORG"
            and b - a >= 2
            and gaz_nationality(tokens.folded[b - 1])
            and gaz.sport_club(name[:-1]) == alias.entity_id
        ):
            b -= 1  # الصفاقسي | التونسي: the club's country is no part of its name
        if entry.type == "ORG":
            a, b, c = _name_without_descriptors(tokens, gaz, a, b, c, alias.entity_id)
        spans.append(Span(a, b, entry.type, "gazetteer", c, alias))
    # clubs named like common words, in an article about sport, with a club cue before them, the
    # labeller naming an organisation there, as a match's two sides (بين الهلال والنصر) or any two
    # joined by و (وفي مقدمتها الهلال والنصر), quoted
    # whole («الهلال»), or و after another club (أندية القادسية والنهضة والحزم); they go first:
    # they win a tie with a city
    if gaz.sport_trie and sport:
        club_ends = {s.last for s in spans if s.alias and s.alias.entity_id in gaz.sport_clubs}
        matches = list(trie_matches(tokens, gaz.sport_trie, tokens.folded))
        and_club_starts = {a for a, _, c, _ in matches if c == 1 and tokens.folded[a][0] == "و"}
        for a, b, c, eid in matches:
            name = tokens.name(a, b, c)
            if (
                context.club_by_nationality(tokens, b)
                and not gaz.lookup((*name, tokens.folded[b]))
                and max(map(word_zipf, name)) < FOREIGN_CLUB_ZIPF
                and not _person_after(tokens, b + 1)  # (لاعب) الفيصلي | البرازيلي فرناندو
                and name[0].removeprefix("ال") not in cldr_currencies()  # الريال | البرازيلي
            ):  # بورتو البرتغالي: one club of that name, or another than the gazetteer's
                if name in gaz.ambiguous:
                    spans.insert(0, Span(a, b, "ORG", "rule", c, rule="club_nationality"))
                else:
                    spans.insert(0, Span(a, b, "ORG", "gazetteer", c, Alias(eid, False, CLUB_HOW)))
                club_ends.add(b)
                continue
            if not context.qualified_after(tokens, b) and (
                model_type_at[a] == "ORG"
                or context.club_supported(tokens, a)
                or context.transfer_to(tokens, a, c)
                or context.club_list(tokens, a, b)
                or context.clubs_between(tokens, a, b, and_club_starts)
                or context.club_pair(tokens, b, and_club_starts)
                or context.quoted_whole(tokens, a, b)
                or context.continues_list(tokens, a, c, club_ends)
            ):
                readings = gaz.ambiguous.get(tokens.name(a, b, c))
                eid = context.choose_reading(readings, cues) if readings else eid  # الأهلي of Cairo or Jeddah
                alias = Alias(eid, False, "club's name in an article about sport")
                spans.insert(0, Span(a, b, gaz.entries[eid].type, "gazetteer", c, alias))
                club_ends.add(b)
    # listed companies' short names in a stock report, after a stock word or in a list after one
    # (بقيادة سهم المتحدة للتأمين، وبروج للتأمين ... وتبعه البحري، وسابك); not before a
    # ل-complement, which makes it another company (سهم العالمية | للصناعات الكيماوية)
    if gaz.market_trie and len(gaz.market_cues & cues) >= MARKET_CUES:
        company_ends = {s.last for s in spans if s.type == "ORG"}
        for a, b, c, eid in trie_matches(tokens, gaz.market_trie, tokens.folded):
            listed = context.after_stock_word(tokens, a, c) or context.continues_list(
                tokens, a, c, company_ends
            )
            longer = b < len(tokens) and tokens.joined(b) and tokens.folded[b].startswith("لل")
            if listed and not longer:
                alias = Alias(eid, False, "listed company's name in a stock report")
                spans.insert(0, Span(a, b, gaz.entries[eid].type, "gazetteer", c, alias))
                company_ends.add(b)
    # one-word names that are the entity only right after its cue words (قوات صالح، الحوثي وصالح)
    # or right before its cue phrase (محمد صلى الله عليه وسلم)
    for k in range(len(tokens)) if gaz.cued_names else ():
        if tokens.bare[k].isdisjoint(gaz.cued_names):
            continue
        c, rest = next((c, rest) for c, rest in tokens.forms(k) if rest in gaz.cued_names)
        eid, cue_words, cue_phrases = gaz.cued_names[rest]
        after_cue = k > 0 and tokens.joined(k) and bool(tokens.bare[k - 1] & cue_words)
        if after_cue or _cue_phrase_at(tokens, k + 1, cue_phrases):
            alias = Alias(eid, False, "a name that is the entity next to its cue words")
            spans.append(Span(k, k + 1, gaz.entries[eid].type, "gazetteer", c, alias))
    # outlets whose names are only theirs in context (العربية after قناة)
    for a, b, c, eid in trie_matches(tokens, gaz.media_trie, tokens.folded) if gaz.media_trie else ():
        # a name that is only an outlet's (سبق) is one also in the dateline (فهد العتيبي- سبق- الطائف:)
        if context.media_context(tokens, a, c, b) or (not c and context.in_dateline(tokens, a, b)):
            alias = Alias(eid, False, "outlet's name after a media word, in quotes or in the dateline")
            spans.append(Span(a, b, gaz.entries[eid].type, "gazetteer", c, alias))
    return spans


def _cue_phrase_at(tokens: WordTokens, k: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """The tokens from k read as one of `phrases` (folded words), written out or as a ligature
    that folds to them (ﷺ: صلى الله عليه وسلم)."""
    if k >= len(tokens):
        return False
    if " " in tokens.folded[k]:
        return any(tokens.folded[k].startswith(" ".join(phrase)) for phrase in phrases)
    return any(tuple(tokens.folded[k : k + len(phrase)]) == phrase for phrase in phrases)


#: Why a city's name is its club where the context says club (`_gazetteer_spans`).
CLUB_HOW = "club's name where the context says club (a match verb, a player's move, a nationality)"


def _hamza_written(tokens: WordTokens, a: int, c: int, entry: Entry) -> bool:
    """A one-word name at token a (after a proclitic of `c` letters) is written as a spelling of
    the entry that folds alike: a name of three letters or fewer with the hamza on its first
    alef (أبل, not إبل "camels"), and no madda inside where the spelling has a hamza or the other
    way round (مأرب, not مآرب "aims"); a bare alef proves nothing, nor a longer name's first
    letter (آغري، أغري)."""
    raw = strip_diacritics(tokens.raw[a]).replace("\u0640", "")[c:]
    word = tokens.folded[a][c:]
    short = len(word) <= 3 and raw[:1] in ("أ", "إ", "آ")
    if not short and not any(ch in "أإآ" for ch in raw[1:]):
        return True
    spellings = [w for name in entry.aliases for w in strip_diacritics(name).split() if fold_token(w) == word]
    return not spellings or any(_spelled_alike(raw, w, short) for w in spellings)


def _spelled_alike(raw: str, spelling: str, short: bool) -> bool:
    """`raw` agrees with `spelling` on the first letter (when `short`) and has no madda where it
    has a hamza inside, nor the other way round."""
    if short and raw[0] != spelling[0]:
        return False
    return len(raw) != len(spelling) or not any(
        {x, y} in ({"آ", "أ"}, {"آ", "إ"}) for x, y in zip(raw[1:], spelling[1:], strict=True)
    )


def _team_ends(spans: list[Span]) -> set[int]:
    """Ends of the national teams among `spans` (`NATIONAL_TEAM_RULE`), which a list goes on."""
    return {s.last for s in spans if s.rule == NATIONAL_TEAM_RULE}


def _org_ends(spans: list[Span]) -> set[int]:
    """Where the organisations among `spans` end (in an article about sport, mostly clubs)."""
    return {s.last for s in spans if s.type == "ORG"}


def _foreign_town(gaz: Gazetteer, entry: Entry, word: str) -> bool:
    """A GeoNames town outside the Arab world, not a capital nor a word in common use
    (برشلونة): its name after a given name is more often a family's (سارة مورينو) than the town's."""
    return (
        entry.source == "geonames"
        and word_zipf(word) < RARE
        and entry.country not in ARABIC_SPEAKING
        and entry.entity_id not in gaz.capitals.values()
    )


def _given_name_before(tokens: WordTokens, k: int) -> int | None:
    """Where a given name (one word, or two: عبد الله) right before token k starts; None when
    there is none or it is a preposition (على الرمادي، علي الكويت: "on")."""
    names = given_names()
    for n in (1, 2):
        j = k - n
        if j < 0 or not all(tokens.joined(i) for i in range(j + 1, k + 1)):
            return None
        spelled = not is_function_word(tokens.folded[j]) or spelled_as_given_name(tokens, j, tokens.folded[j])
        if names.match(tokens.folded[j:k], 0)[0] == n and spelled and not ali_is_preposition(tokens, j):
            return j
    return None


def _recognise(
    tokens: WordTokens,
    gaz: Gazetteer,
    camel_spans: list[tuple[int, int, str]],
    model_spans: list[Span] = (),
    cues: frozenset[str] = frozenset(),
    model_on: bool = False,
    sport: bool = False,
) -> tuple[list[Span], list[Span]]:
    """Accepted spans and unconfirmed rule spans of one field (`model_on`: the labeller ran, its
    spans are `model_spans`; `sport`: the document is about sport)."""
    model_at: list[float | None] = [None] * len(tokens)
    model_type_at: list[str | None] = [None] * len(tokens)
    for span in model_spans:
        for k in range(span.first, span.last):
            model_at[k], model_type_at[k] = span.score, span.type
    vetoed: set[int] = set()
    exact = _gazetteer_spans(tokens, gaz, model_at, cues, model_on, vetoed, model_type_at, sport)
    model_spans = [m for m in model_spans if vetoed.isdisjoint(range(m.first, m.last))]
    known = _with_neighbours(tokens, gaz, _select(exact, len(tokens)))
    covered: list[str | None] = [None] * len(tokens)
    for span in known:
        for k in range(span.first, span.last):
            covered[k] = span.type

    def capital_of(i: int) -> str | None:
        span = next((s for s in known if s.first <= i < s.last), None)
        entity = span.alias.entity_id if span and span.alias else (span.hint if span else "")
        return gaz.capital_of(entity) if entity else None

    clubs = context.club_by_rare_name(tokens, covered, sport)
    for a, b in clubs:  # أمام فولفسبورغ الألماني: no person's name for the other rules
        covered[a:b] = ["ORG"] * (b - a)
    rule_spans = [
        RuleSpan(a, b, "ORG", "club_rare_name", True, context.listed_club_and(tokens, a)) for a, b in clubs
    ]
    rule_spans += find_rule_spans(tokens, covered, capital_of)
    spans = _quoted_names_confirmed(_outside_titles(tokens, known, rule_spans), rule_spans)
    unconfirmed = []
    for r in rule_spans:
        span = Span(r.first, r.last, r.type, "rule", r.clitic, None, r.rule, r.hint, head=r.head)
        (spans if r.confirmed else unconfirmed).append(span)
    chosen = _select(spans, len(tokens))
    chosen, unconfirmed = merge_model(tokens, chosen, unconfirmed, list(model_spans), sport)
    # CAMeL's spans only fill what the other sources left
    chosen = _select(chosen + [Span(a, b, t, "camel_ner") for a, b, t in camel_spans], len(tokens))
    chosen = with_given_name_before(tokens, with_known_surname(tokens, chosen, gaz))
    chosen = companies_named_after(tokens, with_forebears_names(tokens, with_patronymics(tokens, chosen)))
    chosen = hotels_with_their_city(tokens, bodies_around_names(tokens, chosen))
    chosen = stadiums_named(tokens, chosen)
    chosen = _without_adjectives_of_orgs(tokens, chosen)
    taken = [False] * len(tokens)
    for span in chosen:
        for k in range(span.first, span.last):
            taken[k] = True
    unconfirmed = [s for s in unconfirmed if not any(taken[s.first : s.last])]
    return chosen, unconfirmed


def _without_adjectives_of_orgs(tokens: WordTokens, spans: list[Span]) -> list[Span]:
    """Without the places that qualify an organisation any source named right before them: its
    nationality (شركة «زين» السعودية، شركة سالم للطيران السعودية), as the gazetteer's own
    organisations' (`context.nisba_after_org`)."""
    org_at = [False] * len(tokens)
    for span in spans:
        if span.type == "ORG":
            org_at[span.first : span.last] = [True] * (span.last - span.first)
    return [
        s
        for s in spans
        if not (s.type == "LOC" and context.nisba_after_org(tokens, s.first, s.last, s.clitic, org_at))
    ]


def _outside_titles(tokens: WordTokens, known: list[Span], rule_spans: list[RuleSpan]) -> list[Span]:
    """Gazetteer spans that are not inside a quoted title (`QUOTED_TITLE_RULE`), which names the
    work, not the place in it (فيلم «كازابلانكا»، برنامج «القاهرة اليوم»); a project's or a
    campaign's title may be the place it builds (مشروع «قناة السويس الجديدة»), but not a part of
    it or a word read after a proclitic (ديوان «وحي البيضاء»)."""
    titles = [r for r in rule_spans if r.rule == QUOTED_TITLE_RULE]
    return [
        s
        for s in known
        if not any(
            t.first <= s.first
            and s.last <= t.last
            and (art_work_title(tokens, t.first) or s.clitic or (s.first, s.last) != (t.first, t.last))
            for t in titles
        )
    ]


def _quoted_names_confirmed(known: list[Span], rule_spans: list[RuleSpan]) -> list[Span]:
    """Gazetteer spans, a weak alias made strong where a quoted-name rule gives it as a body's
    name (تنظيم «القاعدة»، صحيفة «الحياة»): the quotes and the head say it is the name, not the
    word ("the base")."""
    quoted = {(r.first, r.last, r.type) for r in rule_spans if r.confirmed and r.rule in QUOTED_RULES}
    return [
        replace(s, alias=replace(s.alias, weak=False, how=f"{s.alias.how}; quoted after its head"))
        if s.alias and s.alias.weak and (s.first, s.last, s.type) in quoted
        else s
        for s in known
    ]


#: Words of a stock report (`Gazetteer.market_cues`) a document needs for the short names of
#: listed companies.
MARKET_CUES = 2


#: Below this score a labeller span neither replaces nor retypes the gazetteer's or the rules',
#: nor is a name of its own (one word: `MODEL_ONE_WORD_SCORE`).
MODEL_MIN_SCORE = 0.7
#: Below this score a labeller's one-word span over a word no other source names is no mention
#: (it still supports a look-alike): ten judged samples of real news (about 1,000 mentions) found
#: 16 of its 21 mentions scored 0.7-0.8 wrong; 45 such mentions of 2015-08-06 read by hand, 14 of
#: the 25 one-word ones wrong (فارس، لسان، جمال "beauty") and 7 of the 20 longer ones.
MODEL_ONE_WORD_SCORE = 0.8
#: From this score the labeller's one-word name stands even when the word is frequent.
MODEL_SURE_SCORE = 0.8
#: The labeller's least score for a person it names longer than a rule not yet confirmed starts it.
MODEL_EXTENDS_RULE_SCORE = 0.5


#: From this score the labeller's organisation over gazetteer places wins when it adds words
#: (ستيوا بوخارست) or the article is about sport (برشلونة the club).
MODEL_ORG_OVER_PLACE = 0.5


def _org_over_place(model: Span, inside: list[Span]) -> bool:
    """The labeller's organisation holds gazetteer places only (a club or company named after them)."""
    return model.type == "ORG" and all(o.source == "gazetteer" and o.type == "LOC" for o in inside)


def _demonstrative_at(tokens: WordTokens, k: int) -> bool:
    """Token k is a demonstrative right after the word before it and before a definite noun
    (جمال | هذه الكلمات; not وأخوه عبدالله | هؤلاء بعض من أعرفهم)."""
    return (
        k + 1 < len(tokens)
        and tokens.joined(k)
        and tokens.joined(k + 1)
        and tokens.folded[k] in context.DEMONSTRATIVES
        and tokens.definite[k + 1]
    )


def _dual_nisba(word: str) -> bool:
    """A folded word is the dual of a relational noun or adjective in use (قياديان، القياديان: of
    قيادة; not جوليان، ادريان)."""
    stem = word.removeprefix("ال")[:-2]
    return word.endswith("يان") and len(stem) >= 5 and word_zipf(stem) >= 3.5 and relational_adjective(stem)


def _model_ok(tokens: WordTokens, span: Span, floor: float = MODEL_MIN_SCORE) -> bool:
    """A labeller span worth a mention: score at least `floor`, not a nisba adjective
    after a definite noun, not a place the gazetteer excludes as an ordinary word (كورونا), not
    a one-word MISC that is an ordinary word (currencies: ريال، دولار), not a name's particle
    alone as a person (عبد، أبو), not a head or title
    word alone (منظمة، مدير) nor a verb in the future (سيرغبون), as a person not a
    one-word plural noun (دبلوماسيون) nor a dual or plural noun and its adjective (خبيران
    أوروبيان), as an organisation not a body's head and a common noun (منظمة إرهابية), and
    unless the labeller is sure (`MODEL_SURE_SCORE`) not a frequent word alone nor a person
    starting with a common noun (مسؤولون أميركيون)."""
    if span.score is not None and span.score < floor:
        return False
    if span.type == "LOC" and context.nisba_after_definite(tokens, span.first, span.last, span.clitic):
        return False
    if not span.clitic and ali_is_preposition(tokens, span.first):
        return False
    words = (dict(tokens.forms(span.first)).get(span.clitic, tokens.folded[span.first]),)
    words += tuple(tokens.folded[span.first + 1 : span.last])
    if span.type == "MISC" and (words in _currencies() or words[0] in _currency_words()):
        return False  # ريال، جنيه إسترليني: currencies are not names
    if span.type == "LOC" and " ".join(words) in load_gazetteer().excluded:
        return False  # كورونا: a word the gazetteer knows is no place
    if span.type == "PER" and all(w in NAME_PARTICLES for w in words):
        return False  # يا عبد | إبك: a particle of a name is none alone
    sure = span.score is not None and span.score >= MODEL_SURE_SCORE
    if span.length == 1:
        word = words[0]
        if gaz_nationality(word) or nationality_plural(word):
            return False  # روسي، الأمريكية، سوريان "two Syrians": adjectives
        if word in _HEADS or word in TITLE_HEADS or clear_future_verb(word):
            return False  # منظمة، مدير، سيرغبون: a head or title alone, a verb
        if span.type == "MISC" and word_zipf(word) >= 3.5:
            return False  # تريليون، ريال
        if span.type == "PER" and (plural_noun(word) or _dual_nisba(word)):
            return False  # دبلوماسيون، القياديان "the two leaders"
        if span.type == "PER" and given_names().match([word], 0)[0]:
            # رغم جمال | هذه الكلمات "the beauty of these words": a noun before a demonstrative
            return not (word_zipf(word) >= 4.0 and _demonstrative_at(tokens, span.last))
        if span.type == "PER" and not span.clitic and accusative(word):
            return False  # وباسم منقل أمينا عاما "as secretary-general": an accusative noun
        # ريف، كاريكاتير، بالكورنيش: ordinary words (perhaps after a proclitic), unless the
        # labeller is sure (frequent words include famous names: تايلند، دارفور)
        zipf = max(word_zipf(rest) for c, rest in tokens.forms(span.first) if c == span.clitic or c)
        frequent = zipf >= (4.5 if span.type == "PER" else 3.5)
        if (
            frequent
            and (not sure or _alone_in_field(tokens, span.first))
            and load_gazetteer().lookup(words) is None
        ):
            return False  # ... and a word alone in its field (the headline «كاريكاتير 2015/8/5»)
        if (
            not span.clitic
            and _proclitic_and_word(tokens, span.first)
            and load_gazetteer().lookup(words) is None
        ):
            return False  # وأمان "and safety", however sure the labeller is
        if not span.clitic and _known_only_after_proclitic(tokens, span.first):
            return False  # بنوك "banks", not ب + نوك (Nuuk), however sure the labeller is
    elif (
        span.type == "ORG"
        and span.length == 2
        and words[0] in ORG_HEADS
        and words[0] not in COMMON_NAMED_HEADS
        and common_noun(words[1])
        and load_gazetteer().lookup(words) is None
    ):
        return False  # منظمة إرهابية، شركة مدرجة: a head and a common noun or adjective
    elif span.type == "PER" and number_agreeing(words):
        return False  # خبيران أوروبيان، دورتان تدريبيتان: a dual or plural noun and its adjective
    elif span.type == "PER" and VOCATIVE in words:
        return False  # يا أميرنا المحبوب: a call in a poem
    elif span.type == "PER" and _god_after_word(tokens, span, words):
        return False  # بعد توفيق الله "after God's help": not a name
    elif span.type == "PER" and not sure:
        first_zipf = max(word_zipf(form) for _, form in tokens.forms(span.first))  # بزواج: ب + زواج
        if first_zipf >= 4.0 and not given_names().match(list(words), 0)[0]:
            last, named = words[-1], given_names().match(words, 1)[0]
            if named or word_zipf(last) >= RARE_SURNAME_ZIPF or gaz_nationality(last):
                # مسؤولون أميركيون: a common noun and its adjective; رحيل محمد الثمالي: a noun
                # before a name (not أليكس فيشمان)
                return False
    return True


def _alone_in_field(tokens: WordTokens, k: int) -> bool:
    """Token k is the only word of its field but numbers (the headline «كاريكاتير 2015/8/5»)."""
    return all(w.isdigit() for i, w in enumerate(tokens.folded) if i != k)


def _proclitic_and_word(tokens: WordTokens, k: int) -> bool:
    """Token k reads as و / ف and a frequent word (وأمان "and safety"), which a name the
    gazetteer does not know is not."""
    return tokens.folded[k][0] in "وف" and tokens.proclitic_word(k, PROCLITIC_WORD_ZIPF)


#: Zipf frequency from which a word after و / ف makes the whole token that word (`_proclitic_and_word`).
PROCLITIC_WORD_ZIPF = 4.0


def _known_only_after_proclitic(tokens: WordTokens, k: int) -> bool:
    """Token k is a word in common use that the gazetteer knows only as a proclitic and a much
    rarer name (بنوك "banks": ب + نوك, Nuuk)."""
    gaz, whole = load_gazetteer(), tokens.folded[k]
    if word_zipf(whole) < 3.5 or gaz.lookup((whole,)) is not None:
        return False
    return any(
        c and gaz.lookup((rest,)) and word_zipf(whole) > word_zipf(rest) + 0.5 for c, rest in tokens.forms(k)
    )


#: The vocative particle: no part of a name.
VOCATIVE = "يا"
#: A last word at least this frequent is no rare surname (فيشمان) that makes a name of the span.
RARE_SURNAME_ZIPF = 3.0


def gaz_nationality(word: str) -> bool:
    """A nationality adjective with or without its article (روسي، الروسية)."""
    gaz = load_gazetteer()
    return gaz.nationality(word if word.startswith("ال") else "ال" + word)


@lru_cache(maxsize=1)
def _currencies() -> frozenset[tuple[str, ...]]:
    """CLDR's Arabic currency names, folded (دولار أمريكي، جنيه إسترليني ...)."""
    from babel import Locale

    return frozenset(name_tokens(name) for name in Locale("ar").currencies.values())


@lru_cache(maxsize=1)
def _currency_words() -> frozenset[str]:
    """First words of the currency names that are words of their own (دولار، ريال، يورو)."""
    return frozenset(name[0] for name in _currencies() if len(name[0]) >= 3 and word_zipf(name[0]) >= 3.0)


def _overreach(tokens: WordTokens, rule: Span, model: Span) -> bool:
    """The rule's span has a word outside the model's that is ordinary vocabulary (فيصل بن خالد
    فعاليات، جون وكثيرون): the rule over-reached. A short function word at its end is a foreign
    surname the rule took on purpose (دونالد لو), a given name after the first word a surname
    (فهد سلطان), a definite word after a patronymic the family's name
    (`family_after_patronymic`: محمد بن رافع الشهري), a last word before an apposition a surname
    (هاني عمارة، محلل)."""
    for k in range(rule.first, rule.last):
        if model.first <= k < model.last:
            continue
        word = tokens.folded[k]
        if name_particle(tokens, k) or (k > rule.first and name_particle(tokens, k - 1)):
            continue  # عبدالعزيز آل الشيخ: a particle and its name are the name's
        if is_function_word(word) and len(word) <= 3 and k == rule.last - 1:
            continue
        before_particle = k + 1 < rule.last and name_particle(tokens, k + 1)
        if (k > rule.first or before_particle) and given_names().match(tokens.folded, k)[0]:
            continue  # فهد سلطان: a surname that is a given name too; على | بن عثمان
        if (
            k == rule.last - 1
            and PATRONYMIC & set(tokens.folded[rule.first : k])
            and family_after_patronymic(tokens, k)
        ):
            continue  # محمد بن رافع | الشهري: the family's name after a patronymic
        if k == rule.last - 1 and k > rule.first and apposition(tokens, rule.last):
            continue  # هاني | عمارة، محلل: a surname before an apposition, however common a word
        if k == rule.last - 1 == rule.first + 1 and rule.rule == "given_name" and nationality_family(word):
            continue  # عبدالله | التركي: a nationality after an Arabic given name is the family's
        if k == rule.last - 1 == rule.first + 1 and rule.rule == "title":
            if family_name_after_title(tokens, rule.first, [None] * len(tokens)):
                continue  # د. عثمان | العمر، ...: a family name that is also a word, after a title
        if reading_zipf(tokens, k) >= 3.5:
            return True
    return False


#: Rules whose type the labeller does not overrule: an article about sport knows its clubs
#: (club_place), a place with a masculine nationality adjective is a club (club_nationality:
#: الريان القطري), and so is a rare name with one after a club's head or a match word
#: (club_rare_name: أمام فولفسبورغ الألماني), a quote after مسلسل، برنامج ... is a title whatever
#: its words (quoted_title), a name after ولاية، مدينة، قرية ... is a place (place_head:
#: ولاية غواناخواتو), and a country after a match word is its team (`NATIONAL_TEAM_RULE`).
RULES_OVER_MODEL = frozenset(
    {
        "club_place",
        "club_nationality",
        "club_rare_name",
        QUOTED_TITLE_RULE,
        "place_edition",
        "place_head",
        NATIONAL_TEAM_RULE,
    }
)


def _known_body_and_more(tokens: WordTokens, span: Span, inside: list[Span]) -> bool:
    """The labeller's organisation starts with a body the gazetteer knows and goes on with a
    definite word or another name (الحوثيين | المتمردة، القاعدة | الأسطورة، الفيفا | قطر، ريال
    مدريد | الإسباني): an adjective or the next phrase, not more of the body's name (تويوتا
    موتور، أدنوك للتوزيع go on, and so does the adjective of a ل-complement: سلامة للتأمين |
    التعاوني)."""
    known = next((o for o in inside if o.first == span.first), None)
    if known is None or known.source != "gazetteer" or known.type != "ORG" or known.last >= span.last:
        return False
    complement = tokens.folded[known.last - 1].startswith("لل")
    return (tokens.definite[known.last] and not complement) or any(o.first == known.last for o in inside)


def merge_model(
    tokens: WordTokens, chosen: list[Span], unconfirmed: list[Span], model: list[Span], sport: bool = False
) -> tuple[list[Span], list[Span]]:
    """The labeller's spans merged into the gazetteer's and the rules' (`chosen`, which do not
    overlap), as judging their disagreements on a day of real news decided (README):
    - same tokens: the chosen span stays (the gazetteer links it) with the model's score as its
      confidence; where the model types it otherwise, the model's type wins over a rule's (but
      `RULES_OVER_MODEL`'s), and ORG wins over a gazetteer place (clubs and companies named
      after places: برشلونة; in an article about `sport` from `MODEL_ORG_OVER_PLACE`);
    - a model span that holds chosen spans whole (تومسون رويترز over رويترز; an organisation
      over places from `MODEL_ORG_OVER_PLACE`: ستيوا بوخارست) replaces them; it
      keeps a known person's entity only when it adds a patronymic or family (محمد بن سلمان بن
      عبدالعزيز), not another family name (عبدالله بن عبدالعزيز الربيعة is not the king);
    - a model span that cuts across or lies inside a person rule's span replaces it (those rules
      over-extend: فيصل بن خالد فعاليات; not a given name and a family named like a place, فهد
      السويد), and one that begins a patronymic chain the rule's span
      goes on with is joined to it (جلوي بن عبدالعزيز + عبدالعزيز بن مساعد); a body's name that a
      rule cut after the first word of a name the model goes on with runs on to its end (مركز
      وودرو | ويلسون, `_body_cut_inside`); against other spans, they stay;
    - an unconfirmed rule span the model tags alike is confirmed, an organisation's whose name
      the model finds without its head too (مؤسسة | التمويل الدولية; not `DESCRIPTIVE_HEADS`), and
      a person's the model goes on with (from `MODEL_EXTENDS_RULE_SCORE`) is the model's;
    - a model span over free tokens is a mention of its own (when `_model_ok`; one word from
      `MODEL_ONE_WORD_SCORE`)."""
    by_tokens = {(s.first, s.last): s for s in model}
    owner: list[Span | None] = [None] * len(tokens)
    merged: dict[int, Span] = {}
    for span in chosen:
        agree = by_tokens.get((span.first, span.last))
        if agree:
            floor = MODEL_ORG_OVER_PLACE if sport and _org_over_place(agree, [span]) else MODEL_MIN_SCORE
            if agree.type == span.type:
                span = replace(span, score=agree.score)
            elif (
                (agree.score or 0) >= floor
                and span.rule not in RULES_OVER_MODEL
                and (span.source == "rule" or (span.type == "LOC" and agree.type == "ORG"))
                and not (
                    span.type == "LOC" and context.city_reading(tokens, span.first, span.last, span.clitic)
                )
            ):
                span = replace(agree, hint="")
        merged[id(span)] = span
        for k in range(span.first, span.last):
            owner[k] = span
    for span in model:
        if (span.first, span.last) in ((s.first, s.last) for s in chosen):
            continue
        inside = {id(o): o for o in owner[span.first : span.last] if o is not None}
        if not inside:
            continue
        floor = MODEL_ORG_OVER_PLACE if _org_over_place(span, list(inside.values())) else MODEL_MIN_SCORE
        if not _model_ok(tokens, span, floor):
            continue
        body = _body_cut_inside(tokens, span, list(inside.values()), owner)
        if body is not None:  # مركز وودرو | ويلسون: the body's name goes on to the labeller's end
            merged[id(body)] = body
            merged.pop(id(next(iter(inside.values()))), None)
            for k in range(body.first, body.last):
                owner[k] = body
            continue
        if _chain_into(tokens, span, list(inside.values())):
            span = replace(span, last=next(iter(inside.values())).last)  # جلوي بن | عبدالعزيز | بن مساعد
        whole = all(span.first <= o.first and o.last <= span.last for o in inside.values())
        inner = {k for o in inside.values() for k in range(o.first, o.last)}
        extra = [k for k in range(span.first, span.last) if k not in inner]
        if whole and any(
            not name_particle(tokens, k)
            and not given_names().match(tokens.folded, k)[0]
            and not (k == span.first and span.type == "MISC" and tokens.keyword[k])
            and (
                tokens.keyword[k] or is_function_word(tokens.folded[k]) or word_zipf(tokens.folded[k]) >= 5.0
            )
            for k in extra
        ):
            continue  # عبدالعزيز بن عبدالرحمن طيب الله: not a longer name (بطولة تويوتا للأندية is)
        if whole and _known_body_and_more(tokens, span, list(inside.values())):
            continue
        if whole and span.type == "ORG" and any(_belongs_to(tokens, span, o) for o in inside.values()):
            continue  # كلية دار العلوم | بجامعة المنيا: a body and the one it belongs to
        rules_only = all(
            o.source == "rule" and o.type == "PER" and o.rule != "family_place" for o in inside.values()
        ) and any(_overreach(tokens, o, span) for o in inside.values())
        if not (whole or rules_only):
            continue
        # a known person's name lengthened by a patronymic or family (محمد بن سلمان بن عبدالعزيز، فيصل
        # بن فرحان آل سعود) is that person; otherwise no entity is carried over from a name inside
        hint = ""
        same = [o for o in inside.values() if o.source == "gazetteer" and o.type == "PER" and o.alias]
        if (
            whole
            and span.type == "PER"
            and len(same) == 1
            and same[0].first == span.first
            and span.last > same[0].last
            and tokens.folded[same[0].last] in PATRONYMIC
        ):
            hint = same[0].alias.entity_id
        for o in inside.values():
            merged.pop(id(o), None)
            for k in range(o.first, o.last):
                owner[k] = None
        span = replace(span, hint=hint)
        merged[id(span)] = span
        for k in range(span.first, span.last):
            owner[k] = span
    still = []
    for span in unconfirmed:
        agree = by_tokens.get((span.first, span.last))
        longer = next(
            (m for m in model if m.first == span.first and m.last > span.last and m.type == span.type), None
        )
        headless = next(
            (
                m
                for m in model
                if span.first < m.first and m.last == span.last and m.type == span.type == "ORG"
            ),
            None,
        )
        if (
            agree
            and agree.type == span.type
            and _model_ok(tokens, agree)
            and not any(owner[span.first : span.last])
        ):
            span = replace(span, score=agree.score)
        elif (
            headless
            and tokens.bare[span.first].isdisjoint(DESCRIPTIVE_HEADS)
            and _model_ok(tokens, headless)
            and not any(owner[span.first : span.last])
        ):
            span = replace(span, score=headless.score)  # مؤسسة | التمويل الدولية: the head is the name's
        elif (
            longer
            and span.type == "PER"
            and _model_ok(tokens, longer, MODEL_EXTENDS_RULE_SCORE)
            and not any(owner[longer.first : longer.last])
            and _family_after_name(tokens, span.first, span.last, longer.last)
        ):
            span = longer  # وزير الدفاع الأمريكي | اشتون كارتر: a rule starts the name, the labeller ends it
        else:
            still.append(span)
            continue
        merged[id(span)] = span
        for k in range(span.first, span.last):
            owner[k] = span
    for span in model:
        floor = MODEL_ONE_WORD_SCORE if span.length == 1 else MODEL_MIN_SCORE
        if not any(owner[span.first : span.last]) and _model_ok(tokens, span, floor):
            merged[id(span)] = span
            for k in range(span.first, span.last):
                owner[k] = span
    return sorted(merged.values(), key=lambda s: s.first), still


def _body_cut_inside(tokens: WordTokens, model: Span, inside: list[Span], owner: list) -> Span | None:
    """A rule's body named by its head and the first word of a name (`org_head`: مركز وودرو،
    جامعة ألدو) that the labeller's name goes on from (وودرو ويلسون): the body's span to the end of
    that name and the relational adjectives after it (مركز وودرو ويلسون الدولي), or None."""
    if len(inside) != 1:
        return None
    body = inside[0]
    if not (
        body.source == "rule"
        and body.rule == "org_head"
        and model.type == "ORG"  # رئاسة | صهيب الراوي: the chairmanship of a person
        and body.first < model.first < body.last < model.last <= body.last + MAX_BODY_RUN_ON
        and not any(owner[body.last : model.last])
    ):
        return None
    end = model.last
    while (
        end < len(tokens)
        and adjective_after(tokens, end)
        and owner[end] is None
        and not gaz_nationality(tokens.folded[end])  # نادي ريفربليت | الأرجنتيني
    ):
        end += 1
    return replace(body, last=end)


#: The most words the labeller's name may add to a body's name a rule cut (شركة جواثا للتنمية |
#: القابضة برأسمال مليوني ريال runs on into its capital).
MAX_BODY_RUN_ON = 3


#: Words before an organisation's name that say what it is (صحيفة واشنطن بوست، فريق ستيوا،
#: ميليشيات الحوثي).
NAME_DESCRIPTORS = MEDIA_HEADS | frozenset(
    fold_token(w) for w in "فريق ميليشيات مليشيات ميليشيا مليشيا".split()
)


def _name_without_descriptors(
    tokens: WordTokens, gaz: Gazetteer, a: int, b: int, c: int, eid: str
) -> tuple[int, int, int]:
    """Tokens [a, b) of a gazetteer organisation (proclitic c) without the word before its name
    that says what it is or the nationality after it, where the rest is a name of the same
    entity too (صحيفة | واشنطن بوست، حزب الله | اللبناني): the name alone, as an annotator marks
    it. Not where the rest names another (الهلال الأحمر | السعودي is not the movement)."""
    name = tokens.name(a, b, c)
    if b - a >= 2 and dict(tokens.forms(a)).get(c) in NAME_DESCRIPTORS:
        rest = gaz.lookup(name[1:])
        if rest is not None and rest.entity_id == eid:
            a, c, name = a + 1, 0, name[1:]
    if b - a >= 2 and gaz_nationality(tokens.folded[b - 1]):
        rest = gaz.lookup(name[:-1])
        if rest is not None and rest.entity_id == eid:
            b -= 1
    return a, b, c


def _listed_after_org(tokens: WordTokens, spans: list[Span]) -> set[int]:
    """First tokens of organisations joined by و to the organisation right before them
    (داعش | والقاعدة): a weak name listed so is the organisation, not the word (القاعدة "the
    base")."""
    ends = {s.last for s in spans if s.type == "ORG"}
    return {
        s.first
        for s in spans
        if s.type == "ORG"
        and s.first in ends
        and tokens.joined(s.first)
        and s.clitic == 1
        and tokens.folded[s.first][0] == "و"
    }


def _belongs_to(tokens: WordTokens, span: Span, inner: Span) -> bool:
    """The body or place `inner`, inside the labeller's organisation `span` after its start, is
    the one that organisation belongs to, behind ب or ل (كلية دار العلوم | بجامعة المنيا)."""
    return (
        inner.first > span.first
        and inner.type in ("ORG", "LOC")
        and inner.clitic > 0
        and tokens.folded[inner.first][0] in "بل"
    )


#: Heads that describe the body the name after them names (شركة | النيل للطيران، نادي | الجزيرة):
#: the labeller's name without them is the name.
DESCRIPTIVE_HEADS = NAME_DESCRIPTORS | frozenset(fold_token(w) for w in "شركة نادي مدرسة مجموعة".split())


def _family_after_name(tokens: WordTokens, first: int, last: int, end: int) -> bool:
    """Tokens [last, end) may be the family name of the name begun at first: after a given name
    anything (نبيل العربي), else no definite word in use (اشتون كارتر; not نظار | الأوقاف)."""
    return bool(given_names().match(tokens.folded, first)[0]) or not any(
        tokens.definite[k] and word_zipf(tokens.folded[k]) >= RARE for k in range(last, end)
    )


def _chain_into(tokens: WordTokens, span: Span, inside: list[Span]) -> bool:
    """The labeller's person starts before a rule's person and ends inside it, joined by a
    patronymic (جلوي بن عبدالعزيز | and عبدالعزيز بن مساعد): one name, the two together."""
    if span.type != "PER" or len(inside) != 1:
        return False
    other = inside[0]
    return (
        other.type == "PER"
        and other.source == "rule"
        and span.first < other.first < span.last < other.last
        and tokens.folded[other.first - 1] in PATRONYMIC
        and not _overreach(tokens, other, span)  # ابن | راشد استاء: the rule ran into a verb
    )


#: The proclitic "like", rare before a place's name, common as a word's first letter (كسبها).
LIKE = ("ك", "وك", "فك")
#: "Son of" written with its alef, which begins a name (ابن تيمية).
IBN = fold_token("ابن")
#: Words that make a name with the name after them (ابن تيمية، أبو مازن، أم كلثوم).
NAME_MAKERS = KUNYA | {IBN}


#: Words before a place's name that are part of it (سان بطرسبورغ، سانت لويس).
PLACE_PREFIXES = frozenset(fold_token(w) for w in ("سان", "سانت", "سانتا"))


#: Adjectives after an organisation's name that make it another one (مجلس الأمن القومي), as
#: nationalities do (مجلس الأمن الروسي: `Gazetteer.nationality`).
ORG_QUALIFIERS = frozenset(fold_token(w) for w in ("القومي", "القومية", "الوطني", "الوطنية"))


#: The rule of a building named after the body it belongs to.
BUILDING_RULE = "building_of_body"
#: Buildings named after the body they belong to (مسجد قوات الطوارئ الخاصة، مستشفى الحرس الوطني).
BODY_BUILDINGS = frozenset(fold_token(w) for w in ("مسجد", "جامع", "مستشفى", "مستوصف"))


def _proper_org_name(tokens: WordTokens, span: Span) -> bool:
    """An organisation's name without a definite word (ريال مدريد، نادي برشلونة، بوينج): a
    proper name, which a nationality after it describes (ريال مدريد الإسباني) and does not
    change, unlike the designations that several countries' bodies share (البنك الأهلي الكويتي،
    حرس الحدود المصري، مجلس الأمن الروسي)."""
    return not any(tokens.definite[span.first : span.last])


def _with_neighbours(tokens: WordTokens, gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """Gazetteer spans adjusted by the word beside them: a place's name takes a San / Saint word
    before it (سان بطرسبورغ, a spelling the gazetteer lacks); a designation followed by a national
    qualifier or a nationality names another organisation (مجلس الأمن القومي is not the UN
    Security Council), but a proper name followed by one, or a body the gazetteer names with it,
    is the same (`_proper_org_name`, `_own_nationality`: الصفاقسي التونسي); a national
    federation's name followed by its sport (الاتحاد السعودي للمبارزة is not the football
    federation) names another federation, left to the rules' linking; an organisation after a
    mosque's or hospital's head names the building (`BODY_BUILDINGS`); a country and a direction's
    adjective name another place (`_country_part`). Names the gazetteer has whole (مجلس الأمن
    الدولي، مجلس الأمن الروسي) were matched whole before this."""
    taken = {k for span in spans for k in range(span.first, span.last)}
    adjusted = []
    directions: set[int] = set()
    for span in spans:
        before, after = span.first - 1, span.last
        if (
            span.type == "LOC"
            and not span.clitic
            and before >= 0
            and before not in taken
            and tokens.joined(span.first)
        ):
            clitic = next((c for c, form in tokens.forms(before) if form in PLACE_PREFIXES), None)
            if clitic is not None:
                span = replace(span, first=before, clitic=clitic)
        elif (
            span.type == "ORG"
            and before >= 0
            and before not in taken
            and tokens.joined(span.first)
            and not span.clitic
            and (building := next((c for c, f in tokens.forms(before) if f in BODY_BUILDINGS), None))
            is not None
        ):
            # مسجد قوات الطوارئ الخاصة، مستشفى الحرس الوطني: a building named after its body, one id
            # for the body's names (قوات الطوارئ = قوات الطوارئ الخاصة)
            head = dict(tokens.forms(before))[building]
            hint = f"loc:{head}_{span.alias.entity_id}" if span.alias else ""
            span = Span(before, span.last, "LOC", "rule", building, rule=BUILDING_RULE, hint=hint)
        elif (
            span.type == "ORG"
            and span.rule not in ("club_place", "club_nationality")
            and after < len(tokens)
            and after not in taken
            and tokens.joined(after)
            and (tokens.folded[after] in ORG_QUALIFIERS or gaz.nationality(tokens.folded[after]))
            and not _proper_org_name(tokens, span)
            and not _own_nationality(tokens, gaz, span)
        ):
            span = Span(span.first, after + 1, "ORG", "rule", span.clitic, rule="org_qualified")
        elif span.source == "gazetteer" and span.type == "ORG" and after not in taken:
            end = context.federation_sport_end(tokens, span.first, span.last)
            if end > span.last:  # الاتحاد السعودي للكرة الطائرة
                span = Span(span.first, end, "ORG", "rule", span.clitic, rule="org_qualified")
        if _country_part(tokens, gaz, span):
            span = Span(span.first, after + 1, "LOC", "rule", span.clitic, rule="country_part")
            directions.add(after)
        adjusted.append(span)
    # the direction's word is no place of its own (ليبيا الشرقية: not the Eastern Province)
    return [s for s in adjusted if s.first not in directions]


def _country_part(tokens: WordTokens, gaz: Gazetteer, span: Span) -> bool:
    """A country's name followed by a direction's adjective that the gazetteer does not name whole
    is another place (ألمانيا الشرقية: East Germany, not Germany), where nothing before it can be
    what the adjective describes: after a mark, a proclitic, a function word or a verb (not حدود
    سوريا الشمالية, Syria's northern border)."""
    before, after = span.first - 1, span.last
    if not (
        span.type == "LOC"
        and span.alias is not None
        and gaz.entries[span.alias.entity_id].iso
        and after < len(tokens)
        and tokens.joined(after)
        and tokens.folded[after] in DIRECTIONS
    ):
        return False
    if span.clitic or before < 0 or not tokens.joined(span.first):
        return True
    word = tokens.folded[before]
    return is_function_word(word) or past_verb(word) or present_verb(word)


#: A player's epithets, which follow his nationality (هدف السد الإسباني | الشهير تشافي).
PERSON_EPITHETS = frozenset(fold_token(w) for w in "الشهير المخضرم المعتزل".split())


def _person_after(tokens: WordTokens, k: int) -> bool:
    """Token k, after a nationality, starts a person's given name or epithet (الفيصلي البرازيلي |
    فرناندو، السد الإسباني | الشهير تشافي): the nationality is the person's, a club's player."""
    if k >= len(tokens) or not tokens.joined(k):
        return False
    return tokens.folded[k] in PERSON_EPITHETS or bool(given_names().match(tokens.folded, k)[0])


def _club_of_city(tokens: WordTokens, gaz: Gazetteer, a: int, b: int, c: int, rule: str) -> Span:
    """The club a city's name at tokens [a, b) (proclitic of `c` letters) stands for, with the
    unknown words of its name before the city (`context.club_words_before`: سسكا موسكو): the
    sport gazetteer's club of that name, else a club `rule` found."""
    first = a if c else context.club_words_before(tokens, a)
    if first < a:
        c = context.listed_club_and(tokens, first)
    club = gaz.sport_club(tokens.name(first, b, c))
    return as_club(Span(first, b, "LOC", "gazetteer", c), club, rule, CLUB_HOW)


def _own_nationality(tokens: WordTokens, gaz: Gazetteer, span: Span) -> bool:
    """The nationality after a known body is its own: the gazetteer names the body with it
    (الصفاقسي | التونسي، السد | القطري; not النصر | الإماراتي, another club than the Saudi one), or
    it is the country the gazetteer places the body in (جماعة الحوثي | اليمنية)."""
    if span.alias is None or span.last >= len(tokens):
        return False
    name = (*tokens.name(span.first, span.last, span.clitic), tokens.folded[span.last])
    alias = gaz.lookup(name)
    if alias is not None and alias.entity_id == span.alias.entity_id:
        return True
    entry = gaz.entries[span.alias.entity_id]
    country = gaz.country_of(tokens.folded[span.last])
    home = entry.in_country or entry.country
    return bool(home) and country is not None and gaz.entries[country].iso == home


def _camel_token_spans(
    tokens: WordTokens, char_spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    out = []
    for start, end, etype in char_spans:
        a = bisect.bisect_left(tokens.starts, start)
        b = bisect.bisect_left(tokens.starts, end)
        if a < b:
            out.append((a, b, etype))
    return out


#: Words before a person's name (titles, roles): a name the labeller types otherwise is a person.
PERSON_CUES = TITLE_HEADS | frozenset(
    fold_token(w)
    for w in (
        "اللاعب المدرب الفنان الفنانة الشاعر الشاعرة المهاجم المدافع الحارس الممثل الممثلة المطرب "
        "المطربة المغني المغنية الكاتب الروائي المخرج"
    ).split()
)

#: Those of them that name a person's trade, not a rank (آية of آية الله is one).
PROFESSIONS = PERSON_CUES - TITLE_HEADS

#: Model spans made only of these words are formulas, not names (رحمه الله).
_FORMULA_WORDS = frozenset({"الله"})


def model_token_spans(
    tokens: WordTokens, char_spans: list[tuple[int, int, str, float]], gaz: Gazetteer | None = None
) -> list[Span]:
    """The labeller's character spans as token spans of the field: a span starting inside a word
    leaves that word's first letters (a proclitic) outside when the rest is the usual form
    (وبريطانيا, not كاليفورنيا), as does one starting with a proclitic and a head word (بجامعة)
    or with و + the article (والزقوم); a person span ends before و + another name or title
    (`_and_another`); a stock word at its start is left out (سهم | المتحدة للتأمين); a trade at
    its start is left out and makes it a person (للمغني إيمينيم), as
    is any other word but a given name before ابن (مقولات | ابن تيمية; a given name is rarer
    before it than before بن, and one before أبو is the usual given name and family, خالد أبو زيد),
    and ابن itself before a given name and a family, which is kinship (ابن | هلال الأسد);
    titles, function words, times and nationality adjectives at its edges and a last word joined
    by و to a common word are trimmed (`_trim`); a person span ends before a noun with a pronoun (not
    right after بن: مبارك بن بنيه) or
    ب/ل/ك + a frequent word (`_prepositional`); an ORG span takes the definite head before it
    (الهيئة العامة للسياحة), and a person span that starts with an organisation head is that
    organisation (جامعة نايف، اللجنة السياحية); a place or person span after a facility's head
    takes it and is the place (قاعدة إنجرليك، طريق سهل بن حثمة), and a person span starting with
    one is a street (شارع عبدالله بن خميس); spans of function words only, of a formula word
    or starting with one (الله فيملأون) are dropped."""
    out = []
    for start, end, etype, score in char_spans:
        a = bisect.bisect_right(tokens.starts, start) - 1
        if a < 0 or tokens.ends[a] <= start:
            a += 1
        b = bisect.bisect_left(tokens.starts, end)
        if a >= b:
            continue
        clitic = 0
        if start > tokens.starts[a]:
            clitic = len(fold_token(tokens.raw[a][: start - tokens.starts[a]]))
            rest = dict(tokens.forms(a)).get(clitic)
            function = (
                rest is not None
                and is_function_word(rest)
                and rest not in NAME_MAKERS  # وأبو قتادة
                and not spelled_as_given_name(tokens, a, rest)  # ومعاذ الغامدي
            )
            if rest is None or function or clearly_commoner(tokens.folded[a], rest):
                clitic = 0  # كوفي أنان: not ك + وفي
        elif etype == "PER" and and_before_name(tokens, a):
            clitic = 1  # ميسي وخافيير ماسكيرانو
        elif etype != "PER":  # بجامعة ستانفورد: a proclitic before a head word is outside the name
            clitic = next((c for c, rest in tokens.forms(a) if c and rest in _HEADS), 0)
        wal = tokens.folded[a].startswith("وال") and len(tokens.folded[a]) > 5
        if not clitic and wal and not given_names().match(tokens.folded, a)[0]:
            clitic = 1  # والزقوم: و + a definite name (not والتر، والاس)
        lil = tokens.folded[a].startswith("لل") and dict(tokens.forms(a)).get(1, "").startswith("ال")
        if not clitic and lil and etype != "PER":
            clitic = 1  # للمنظمة الدولية: ل + the definite name
        if etype == "PER" and not clitic:
            a, b, clitic = _complete_person(tokens, a, b)
        if etype == "PER":  # نيستور | وكريستينا كيرشنر، سالم | والشيخ عبدالله: two names
            b = next((k for k in range(a + 1, b) if _and_another(tokens, k)), b)
        if etype in ("ORG", "LOC", "MISC") and not clitic and a > 0 and tokens.joined(a):
            if tokens.bare[a - 1] & PERSON_CUES and not _org_headed(tokens, a, b):
                etype = "PER"  # اللاعب ميهاي بينتيللي (not رئيس | اللجنة السياحية)
            elif etype in ("LOC", "ORG") and _place_org_head(tokens, a - 1):
                # بورصة | كوريا، مستشفى | مانشستر (not the club): the place names the institution
                a, etype = a - 1, "ORG"
                clitic = tokens.clitic_before(a, PLACE_NAMED_INSTITUTIONS)
        elif etype == "PER" and _org_headed(tokens, a, b):
            etype = "ORG"  # جامعة نايف العربية للعلوم الأمنية: named after a person
        if b - a > 1 and any(rest in PROFESSIONS for _, rest in tokens.forms(a)):
            a, clitic, etype = a + 1, 0, "PER"  # للمغني | إيمينيم: a profession, then the person
        if b - a > 1 and tokens.bare[a] & context.STOCK_WORDS:
            a, clitic = a + 1, 0  # سهم | المتحدة للتأمين: the stock, then its company
        if (
            etype == "PER"
            and b - a > 2
            and tokens.folded[a + 1] == IBN
            and not any(given_names().match([rest], 0)[0] for _, rest in tokens.forms(a))
        ):
            a, clitic = a + 1, 0  # مقولات | ابن تيمية: a name with ابن is whole without a given name
        if (
            etype == "PER"
            and b - a > 2
            and tokens.folded[a] == IBN
            and given_names().match(tokens.folded, a + 1)[0]
        ):
            a, clitic = a + 1, 0  # ابن | هلال الأسد: "the son of" before a full name is kinship
        first, b = _trim(tokens, a, b, clitic, etype, gaz)
        if first >= b:
            continue
        if etype == "PER" and tokens.folded[first] != VOCATIVE:
            b = next(
                (
                    k
                    for k in range(first + 1, b)
                    if (_pronoun_noun(tokens, k, b) and tokens.folded[k - 1] not in PATRONYMIC)  # بن | بنيه
                    or _prepositional(tokens, k)
                    or (k == b - 1 and unknown_imperfect_verb(tokens.folded[k]))  # فهد | تعايد
                    or (k == b - 1 and dual_past_verb(tokens.folded[k]))  # الحوثي وصالح | دمرا
                ),
                b,
            )
        if etype != "PER":  # معهد الأئمة والخطباء | التابع للوكالة: "affiliated to" ends the name
            b = next((k for k in range(first + 1, b) if tokens.folded[k] in AFFILIATION_WORDS), b)
        if etype == "PER" and _org_headed(tokens, first, b):
            etype = "ORG"  # (رئيس) بنك أتلانتا الاحتياطي الاتحادي, once the title is trimmed
        clitic = clitic if first == a else 0
        if etype != "PER" and {tokens.folded[first], tokens.folded[b - 1]} & LETTER_NAMES:
            start, b = _letter_run(tokens, first, b)  # إي إم | سي، بي | جي: an acronym
            first, clitic = start, clitic if start == first else 0
        # a street named after a person (شارع عبدالله بن خميس), not شارع as a given name (شارع بن
        # مبارك، الدكتور شارع البقمي)
        titled = first > 0 and tokens.joined(first) and bool(tokens.bare[first - 1] & PERSON_CUES)
        street = b - first > 1 and _facility_head(tokens, first) and not name_particle(tokens, first + 1)
        if etype == "PER" and street and not titled:
            etype = "LOC"
        elif etype in ("PER", "LOC") and not clitic and first > 0 and tokens.joined(first):
            if _facility_head(tokens, first - 1):  # قاعدة | إنجرليك، طريق | سهل بن أبي حثمة
                first, etype = first - 1, "LOC"  # the facility, head and name
                clitic = tokens.clitic_before(first, FEATURE_HEADS)
        if etype == "ORG" and not clitic:
            first = _org_head_before(tokens, first)
        if etype == "ORG" and _coordinated_after(tokens, first, b):
            b += 1  # منظمة التعاون الاقتصادي | والتنمية
        words = [dict(tokens.forms(first)).get(clitic, tokens.folded[first]), *tokens.folded[first + 1 : b]]
        if all(is_function_word(w) or w in _FORMULA_WORDS or w.isdigit() for w in words):
            continue
        if words[0] in _FORMULA_WORDS:
            continue  # الله فيملأون: a formula word starts no name
        out.append(Span(first, b, etype, "model", clitic, score=score))
    return out


def _letter_run(tokens: WordTokens, first: int, last: int) -> tuple[int, int]:
    """Tokens first..last with the letters' names joined before a first letter and after a last
    one: the whole acronym."""
    while (
        tokens.folded[first] in LETTER_NAMES
        and tokens.joined(first)
        and tokens.folded[first - 1] in LETTER_NAMES
    ):
        first -= 1
    while (
        tokens.folded[last - 1] in LETTER_NAMES
        and last < len(tokens)
        and tokens.joined(last)
        and tokens.folded[last] in LETTER_NAMES
    ):
        last += 1
    return first, last


#: Head words of organisations' and places' names, outside which a proclitic stays.
_HEADS = ORG_KINDS | PLACE_HEADS | FACILITY_HEADS


def _and_another(tokens: WordTokens, k: int) -> bool:
    """Token k of a person span is و + the next person's given name or title, or the next word
    of a list after an Arabic given name (صالح | وحلفائه)."""
    word = tokens.folded[k]
    if and_before_name(tokens, k) or (word.startswith("و") and word[1:] in TITLE_HEADS):
        return True
    first = given_names().match(tokens.folded, k - 1)
    return first[0] == 1 and not first[1] and next_in_list(tokens, k)


def _pronoun_noun(tokens: WordTokens, k: int, b: int) -> bool:
    """Token k of a person span ending at b is a noun with a pronoun, the name's end (رزان
    العتيبي | ديوانها الأول، راشد نواف | فوزهما): before another word, or with a pronoun of
    her or them; a last word with his (ه) may be a name (محمد عبده)."""
    word = tokens.folded[k]
    return pronoun_suffixed(tokens, k) and (
        k < b - 1 or (word.endswith(THIRD_PERSON) and not word.endswith("ه"))
    )


def _prepositional(tokens: WordTokens, k: int) -> bool:
    """Token k of a person span is ب، ل or ك + a frequent word commoner than the whole, or a
    very frequent preposition of that shape (بشأن، لصالح), the name's end (جامع الملك خالد |
    بأم الحمام، الرئيس عباس | بشأن), not a given name (بدر، بسام) nor a rarer word (بابكر is no
    ب + ابكر)."""
    word = tokens.folded[k]
    compound = word_zipf(word) >= 5.0 and any(
        c == 1 and len(rest) >= 3 and word_zipf(rest) >= 4.0 for c, rest in tokens.forms(k)
    )
    return (
        word.startswith(("ب", "ل", "ك"))
        and (tokens.proclitic_word(k, 4.0) or compound)
        and not given_names().match(tokens.folded, k)[0]
    )


def _org_headed(tokens: WordTokens, a: int, b: int) -> bool:
    """Tokens [a, b) are more than a word and start with an organisation head (جامعة، بنك،
    اللجنة)."""
    word = tokens.folded[a]
    return b - a > 1 and bool(tokens.bare[a] & ORG_KINDS or (word.startswith("ال") and word[2:] in ORG_KINDS))


def name_word_definite(tokens: WordTokens, k: int) -> bool:
    """Token k can be a family name (الربيعة): not a title, a time or a nationality."""
    word = tokens.folded[k]
    return not (tokens.keyword[k] or word in PHRASE_STOPS or gaz_nationality(word))


#: Particles between a person's given name and a forebear's or family name.
PATRONYMIC = frozenset(fold_token(w) for w in ("بن", "ابن", "بنت", "آل"))


def _complete_person(tokens: WordTokens, a: int, b: int) -> tuple[int, int, int]:
    """A person's span the labeller cut short: the ابن / أبو / أم it follows (ابن | تيمية), the
    given name before a leading particle (لبيد | بن ربيعة) or before a lone surname (علي |
    القرني، ومعاذ | الغامدي), a rare surname after a lone given name (معتز | بشارات), a family's
    nisba after a given name and the father's (خالد مرضي | العنزي); with the
    proclitic outside the name (وأبو | قتادة: 1), as (first, last, proclitic length)."""
    names = given_names()

    def name_word(k: int) -> bool:
        word = tokens.folded[k]
        if tokens.keyword[k] or tokens.definite[k] or is_function_word(word) or word.isdigit():
            return False
        # واستقبل: و + a verb, not a name
        return not any(c and word_zipf(rest) >= 3.0 for c, rest in tokens.forms(k))

    # the name before a particle, and the name and particle before the span (سلطان بن | سلمان)
    while a > 1 and tokens.joined(a) and tokens.folded[a - 1] in PATRONYMIC and name_word(a - 2):
        if not tokens.joined(a - 1):
            break
        a -= 2
    if a > 0 and tokens.joined(a):
        before = a - 1
        kunya = next((c for c, rest in tokens.forms(before) if rest in NAME_MAKERS), None)
        if kunya is not None and tokens.folded[a] not in PATRONYMIC:
            return before, b, kunya  # ابن | تيمية، وأبو | قتادة: a name made with ابن / أبو / أم
        if tokens.folded[a] in PATRONYMIC and name_word(before):
            return before, b, 0
        if b - a == 1 and names.match(tokens.folded, before)[0] == 1 and name_word(before):
            if not ali_is_preposition(tokens, before):
                return before, b, 0
        and_name = tokens.folded[before][1:]
        if (
            b - a == 1
            and tokens.definite[a]
            and tokens.folded[before].startswith("و")
            and names.match([and_name], 0)[0] == 1
            and not (is_function_word(and_name) and word_zipf(and_name) >= 5.0)  # وعلى "and on"
        ):
            return before, b, 1  # وتركي المالكي ومعاذ | الغامدي: the given name after و
    if (
        b < len(tokens)
        and tokens.joined(b)
        and tokens.definite[b]
        and b - a >= 2
        and tokens.folded[b - 2] in PATRONYMIC
        and word_zipf(tokens.folded[b]) < 3.5
        and name_word_definite(tokens, b)
    ):
        return a, b + 1, 0  # عبدالله بن عبدالعزيز | الربيعة: the family name after a patronymic
    if (
        b - a == 2
        and b < len(tokens)
        and tokens.joined(b)
        and names.match(tokens.folded, a)[0] == 1
        and name_word(a + 1)
        and family_nisba(tokens.folded[b])
        and not (_governed(tokens, b + 1) and word_zipf(tokens.folded[b] + "ه"))  # مرسي | المنتمي لجماعة
    ):
        return a, b + 1, 0  # خالد مرضي | العنزي: a given name, the father's and the family's nisba
    if b - a == 1 and b < len(tokens) and tokens.joined(b) and names.match(tokens.folded, a)[0]:
        after = tokens.folded[b]
        if name_word(b) and word_zipf(after) < 3.0 and not tokens.keyword[b]:
            return a, b + 1, 0
    return a, b, 0


def _governed(tokens: WordTokens, k: int) -> bool:
    """Token k is ب or ل and a word, as a participle before it may govern (المنتمي | لجماعة; but
    العنزي | لصحيفة: a family's nisba, whose feminine is no word in use, governs nothing)."""
    return (
        k < len(tokens)
        and tokens.joined(k)
        and any(c and tokens.folded[k][0] in "بل" for c, _ in tokens.forms(k))
    )


#: Heads of an institution named after its place, in construct with a place the labeller found
#: (بورصة كوريا، جامعة كاليفورنيا، غرفة جدة، مستشفى مانشستر); not إمارة، جبهة، فريق, which also
#: head a place's name or a description.
PLACE_NAMED_INSTITUTIONS = frozenset(
    fold_token(w) for w in "بورصة جامعة بنك مصرف غرفة أكاديمية كلية معهد مستشفى".split()
)


#: Indefinite heads that are part of a facility's name before the labeller's place (قاعدة
#: إنجرليك، ميدان سنداغما، مطار هيثرو); not a district's حي nor the heads a place name follows
#: alone (`PLACE_HEADS`: وادي | عقان).
FEATURE_HEADS = (context.STREET_HEADS | frozenset({fold_token("قاعدة")})) - PLACE_HEADS - {fold_token("حي")}


def _facility_head(tokens: WordTokens, k: int) -> bool:
    """Token k is an indefinite `FEATURE_HEADS` word, perhaps after a proclitic, and not طريق
    "by way of" after عن."""
    return (
        not tokens.definite[k]
        and not tokens.bare[k].isdisjoint(FEATURE_HEADS)
        and not context.by_way_of(tokens, k)
    )


def _place_org_head(tokens: WordTokens, k: int) -> bool:
    """Token k is an indefinite head of an institution named after a place
    (`PLACE_NAMED_INSTITUTIONS`), perhaps after a proclitic."""
    return not tokens.definite[k] and not tokens.bare[k].isdisjoint(PLACE_NAMED_INSTITUTIONS)


def _coordinated_after(tokens: WordTokens, first: int, b: int) -> bool:
    """An organisation's span [first, b) of a head (`_org_headed`) and definite words goes on
    with و and a definite word that heads no body and ends the phrase (منظمة التعاون الاقتصادي
    | والتنمية، وزارة التجارة | والصناعة), as its name's coordinated field."""
    if b >= len(tokens) or b - first < 2 or not tokens.joined(b) or not tokens.definite[b - 1]:
        return False
    if not _org_headed(tokens, first, b) or tokens.folded[b - 1] in _FORMULA_WORDS:
        return False  # حزب الله | والنظام: a name, then the next actor
    word = tokens.folded[b]
    if not (word.startswith("وال") and len(word) > 5) or word[3:] in ORG_KINDS or word[1:] in PHRASE_STOPS:
        return False
    if tokens.keyword[b]:
        return False  # جامعة نايف العربية للعلوم الأمنية | والسناتور: a title, the next person
    return not (b + 1 < len(tokens) and tokens.joined(b + 1) and tokens.definite[b + 1])


def _org_head_before(tokens: WordTokens, first: int) -> int:
    """Where an organisation's name starts when a definite head and its adjectives stand before
    the labeller's span (الهيئة العامة | للسياحة والتراث الوطني): at the head, else `first`."""
    k = first
    while k > 0 and first - k < 3 and tokens.joined(k) and tokens.definite[k - 1]:
        k -= 1
        if tokens.folded[k][2:] in ORG_KINDS:
            return k
        if not tokens.folded[k].endswith(("يه", "ي")):
            break
    return first


def _edge_word(
    tokens: WordTokens, k: int, form: str, etype: str, gaz: Gazetteer | None, last: bool = False
) -> bool:
    """A word that is not part of a name at a span's edge: a title (at the end also without its
    article: أمير) or "acting" (بالإنابة), a function word (not علي spelled as the name), a time,
    a nationality adjective (for a person), at the end a verb in the future (الاتحاد | سيسخر) or
    a plural participle (`_plural_participle`)."""
    if etype == "PER" and not last and (form in COMPOUND_FIRSTS or form in NAME_MAKERS):
        return False  # أبو الغيط، ابن تيمية
    if is_function_word(form):
        return not spelled_as_given_name(tokens, k, form) or ali_is_preposition(tokens, k)
    return (
        form in TITLE_HEADS
        or form in ACTING
        or (last and ("ال" + form) in TITLE_HEADS)
        or form in PHRASE_STOPS
        or form.isdigit()
        or (etype == "PER" and gaz is not None and gaz.nationality(form))
        or (last and clear_future_verb(form))
        or (last and _plural_participle(form))
    )


def _title_as_family_name(tokens: WordTokens, a: int, b: int, clitic: int) -> bool:
    """The span [a, b) is a given name and a definite title word that nothing continues (زياد
    القاضي، سعد الشيخ): the title is the family name, as a person's title comes before the
    name; not before a word of a title's chain (محمد المدير | العام)."""
    given = dict(tokens.forms(a)).get(clitic, tokens.folded[a])
    return (
        b - a == 2
        and tokens.definite[b - 1]
        and given_names().match([given], 0)[0] == 1
        and not (b < len(tokens) and tokens.joined(b) and (tokens.definite[b] or tokens.keyword[b]))
    )


def _plural_participle(form: str) -> bool:
    """An indefinite masculine plural participle of a word in use (طالبان | منقسمون "divided"):
    a predicate after the name, not a word of it (مارتين is a given name)."""
    return inflected_participle(form, ("ون", "ين")) and not given_names().match([form], 0)[0]


#: "Acting", after a title and before the name (رئيس مجلس الأمة بالإنابة مبارك الخرينج).
ACTING = frozenset(fold_token(w) for w in "بالإنابة بالنيابة".split())


#: God's name, the end of compound names (عبد الله، نصر الله) and of phrases (توفيق الله).
GOD = fold_token("الله")


def _god_after_word(tokens: WordTokens, span: Span, words: tuple[str, ...]) -> bool:
    """A two-word person span of an indefinite word and الله that is no compound given name
    (توفيق الله، حمد الله: "God's help", "praise of God"); العبد الله is a family, نصر الله a name."""
    return (
        len(words) == 2
        and words[1] == GOD
        and not tokens.definite[span.first]
        and given_names().match(list(words), 0)[0] < 2
    )


#: Blessings written after a name (رحمه الله، حفظه الله، عليه السلام): not part of it.
FORMULAS = frozenset(
    (fold_token(verb), fold_token(last))
    for verb, last in (
        *((v, "الله") for v in "رحمه رحمها يرحمه يرحمها حفظه حفظها يحفظه أيده ايده رعاه".split()),
        ("عليه", "السلام"),
    )
)


def _trim(
    tokens: WordTokens, a: int, b: int, clitic: int, etype: str, gaz: Gazetteer | None
) -> tuple[int, int]:
    """The span [a, b) without the edge words of `_edge_word`, a blessing after the name
    (`FORMULAS`), nor a last word that is a name particle (عبدالعزيز آل) or a proclitic + a
    common word (هاني عبد الكريم وألحان، ... برأسمال)."""
    while a < b and _edge_word(
        tokens, a, dict(tokens.forms(a)).get(clitic if a else 0, tokens.folded[a]), etype, gaz
    ):
        a, clitic = a + 1, 0
    while b - 2 > a and (tokens.folded[b - 2], tokens.folded[b - 1]) in FORMULAS:
        b -= 2  # صالح غلام | رحمه الله
    while b - 1 > a:
        last = tokens.folded[b - 1]
        # a proclitic + a word commoner than the whole, or a common one (لكرة، بالرياض; not فهمي،
        # كروز); ل + ال is a complement of the name (منظمة الأمم المتحدة للأغذية)
        joined = not last.startswith("لل") and (
            tokens.proclitic_word(b - 1)
            or any(c and word_zipf(rest) >= COMMON for c, rest in tokens.forms(b - 1))
        )
        conj = last.startswith("و") and len(last) > 3 and word_zipf(last[1:]) >= 3.0
        conj = conj or (last.startswith("وال") and adjective_like(last[1:]))  # إيوانيس | والمنضم
        conj = (conj or joined) and not given_names().match(tokens.folded, b - 1)[0]
        if not (conj or last in NAME_PARTICLES or _edge_word(tokens, b - 1, last, etype, gaz, last=True)):
            break
        if etype == "PER" and _title_as_family_name(tokens, a, b, clitic):
            break  # زياد | القاضي: a family name a title is written like
        b -= 1
    return a, b


def _place_of_generic_body(
    tokens: WordTokens, start: int, end: int, etype: str, name: tuple[str, ...], source: str, gaz: Gazetteer
) -> str | None:
    """For a name of common words the gazetteer does not hold (`context.generic_name`: مستشفى
    الملك فهد، not a national body's وزارة العمل), the place its context gives it
    (`context.place_of_body`: مستشفى الملك فهد | بجدة), which `link` compares across the corpus;
    else None. Found here, where the document's tokens are at hand."""
    if source == "gazetteer" or etype not in ("ORG", "LOC") or not context.generic_name(name):
        return None
    if name[0] in context.NATIONAL_HEADS:
        return None
    return context.place_of_body(tokens, *token_range(tokens, start, end), gaz)


def camel_setting(use_camel_ner: bool | None) -> bool:
    """Whether to use CAMeL NER: None means iff its data is installed; True without the data is an
    error."""
    if use_camel_ner is None:
        return camel_ner.available()
    if use_camel_ner and not camel_ner.available():
        raise RuntimeError(f"CAMeL Tools NER data is not installed under {camel_ner.data_dir()}")
    return bool(use_camel_ner)


def model_setting(use_model: bool | None) -> bool:
    """Whether to use the sequence labeller: None means iff its model is shipped (and not
    switched off with HELPERS_ENTITY_MODEL=0)."""
    return labeller.available() if use_model is None else bool(use_model)


def recognise(
    documents: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    use_camel_ner: bool = False,
    use_model: bool | None = None,
    tokens_out: dict | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-document recognition (each document on its own, so any batch of documents gives the
    rows of those documents): the mentions of each title and body (`MENTION_COLUMNS`; gazetteer
    names carry their entity id and merge-log reason, rule, model and CAMeL names are linked by
    `link`) and the unconfirmed rule spans (`PENDING_COLUMNS`, the review candidates). In one
    process, `tokens_out` (a dict) receives each document's tokens so that `link` need not redo
    them. `use_model`: the sequence labeller (None: when shipped)."""
    gaz = load_gazetteer()
    by_doc = index_sentences(sentences) if use_camel_ner else {}
    docs = documents_of(documents)
    model_chars: list = []
    if model_setting(use_model):
        model_chars = labeller.predict_spans([text for _, title, body in docs for text in (title, body)])
    mentions, pending = [], []
    for n, (doc_id, title, body) in enumerate(docs):
        fields = {"title": word_tokens(title), "body": word_tokens(body)}
        cues = context.document_cues(list(fields.values()))
        sport = about_sport(gaz, cues, sum(len(t) for t in fields.values()))
        found = {}
        for k, (field_name, tokens) in enumerate(fields.items()):
            if tokens_out is not None:
                tokens_out.setdefault(doc_id, {})[field_name] = tokens
            camel = []
            if use_camel_ner and field_name == "body" and doc_id in by_doc:
                camel = _camel_token_spans(tokens, camel_ner.body_spans(by_doc[doc_id]))
            model = model_token_spans(tokens, model_chars[2 * n + k], gaz) if model_chars else []
            found[field_name] = _recognise(tokens, gaz, camel, model, cues, bool(model_chars), sport)
        if sport:
            found = club_names_throughout(fields, clubs_throughout(fields, found, gaz), gaz)
        elif _names_a_club_by_its_head(fields, found, gaz):
            found = club_names_throughout(fields, found, gaz)
        found = persons_named_throughout(fields, rare_clubs_throughout(fields, found))
        found = weak_names_as_words(fields, found, gaz)
        surnames, repeated = lone_surnames(fields, found), repeated_name_words(fields)
        for field_name, tokens in fields.items():
            chosen, unconfirmed = found[field_name]
            coordinated = beside_places(tokens, chosen)
            listed_orgs = _listed_after_org(tokens, chosen)
            for span in adjusted(tokens, chosen, surnames, repeated):
                start, end, name = span_text(tokens, span)
                source = span.source if span.source != "rule" else f"rule:{span.rule}"
                readings = (
                    tuple(tokens.forms(span.first)[1:])
                    if span.source in ("rule", "model") and not span.clitic and not span.head
                    else ()
                )
                entity_id, reason, detail = span.hint, None, None  # rule ids: resolved by `link`
                if span.alias:
                    entity_id, reason, detail = span.alias.entity_id, "alias", span.alias.how
                mentions.append(
                    [
                        doc_id,
                        field_name,
                        start,
                        end,
                        tokens.text[start:end],
                        span.type,
                        name,
                        source,
                        entity_id,
                        bool(span.alias and span.alias.weak)
                        and span.first not in coordinated
                        and not (span.type == "PER" and after_title_chain(tokens, span.first))
                        and span.first not in listed_orgs,
                        readings,
                        reason,
                        detail,
                        span.score,
                        _place_of_generic_body(tokens, start, end, span.type, name, source, gaz),
                    ]
                )
            pending += [[doc_id, field_name, s.first, s.last, s.type, s.rule, s.clitic] for s in unconfirmed]
    return (
        pd.DataFrame(mentions, columns=MENTION_COLUMNS, dtype=object),
        pd.DataFrame(pending, columns=PENDING_COLUMNS, dtype=object),
    )
