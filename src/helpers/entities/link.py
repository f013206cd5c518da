"""Corpus-level linking of the recognised mentions: entity ids for rule and CAMeL names, names
propagated to their other mentions across the corpus, and the four entity tables. Every
linking decision goes to the merge log."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache, partial

import pandas as pd

from helpers.catalog import columns
from helpers.core.engine import map_list
from helpers.core.text import SentenceIndex, index_sentences, split_sentences
from helpers.core.words import fold_token, is_function_word, word_zipf
from helpers.entities.adjust import BRACKETS, SHORT_NAME_RULE
from helpers.entities.context import (
    CHAIN_TITLES,
    INFLECTED_ENDINGS,
    PLACE_PREPOSITIONS,
    country_of_title_chain,
    generic_name,
    state_body,
)
from helpers.entities.gazetteer import END, Gazetteer, load_gazetteer, trie_matches, trie_node
from helpers.entities.given_names import given_names
from helpers.entities.name_keys import (
    KNOWN_SURNAME_ZIPF,
    MIN_SKELETON,
    SURNAME_ZIPF,
    Merge,
    RuleEntityIndex,
    SurnameIndex,
    is_surname,
    joined_compounds,
    linking_key,
    skeleton_key,
    skeleton_length,
    spelling_similarity,
    without_patronymics,
    written_alike,
)
from helpers.entities.recognise import BUILDING_RULE, MENTION_COLUMNS, PATRONYMIC, PENDING_COLUMNS
from helpers.entities.rules import (
    ATTACHE,
    COMMON,
    COMPETITION_RULE,
    DEPUTY_TITLES,
    FAMILY_PARTICLE,
    FEDERATION,
    HONORIFICS,
    KUNYA,
    NAME_PARTICLES,
    NATIONAL_TEAM,
    NATIONAL_TEAM_RULE,
    PERSON_SHAPE,
    RARE,
    ROAD,
    SPEAKER_RULES,
    STATE_INSTITUTION_RULE,
    STREET,
    TEAM_GROUPS,
    WordTokens,
    after_family_word,
    after_title_or_speech,
    after_verb_particle,
    clearly_commoner,
    common_phrase,
    name_particle,
    nationality_described,
    place_after,
    sport_at,
    unknown_imperfect_verb,
    verbal_noun,
)
from helpers.entities.spans import (
    Document,
    EntityTables,
    Mention,
    Span,
    documents_of,
    span_text,
    token_range,
    word_tokens,
)

#: A body named by the article's own place at its end (أمانة المنطقة، بلدية المحافظة) or as
#: local (اللجنة المحلية للانتخابات): every town has one, so its mentions are not merged across
#: articles; so is an embassy's attaché office (`ATTACHE`).
LOCAL_PLACES = frozenset(fold_token(w) for w in "المنطقة المحافظة المدينة".split())
LOCAL = frozenset(fold_token(w) for w in "المحلية المحلي".split())
#: Courts every city or region has (المحكمة العامة، محكمة الاستئناف): one per article, like a
#: local body.
CITY_COURTS = frozenset(
    (fold_token(head), fold_token(w))
    for head, words in (("المحكمة", "العامة الجزائية الابتدائية الجزئية"), ("محكمة", "الاستئناف الجنايات"))
    for w in words.split()
)
#: Heads of a body's sub-units (كلية الطب، عمادة القبول والتسجيل، لجنة الحكام، الإدارة العامة
#: للمرور): every ministry, region, university, federation or chamber has its own, so a sub-unit
#: named by common words is the one of the body or place named right after it (بجامعة الملك
#: عبدالعزيز، في مجلس الشيوخ) or else the article's own (not كلية كومنجز، لجنة الحوثي العليا).
SUBUNIT_HEADS = frozenset(fold_token(w) for w in "كلية عمادة لجنة الإدارة".split())
#: What may stand between a sub-unit and its body (spaces aside): nothing, ب, في, لدى, التابعة ل.
PARENT_LINKS = frozenset({"", "ب", "في", "لدى", "التابعةل", "التابعل"})

#: Letter similarity (difflib ratio) a skeleton match needs with one of the gazetteer's names.
SPELLED_ALIKE = 0.75


class _Linker:
    """Gives mentions their entity ids and records why."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.rule_ids = RuleEntityIndex()
        self.surnames = SurnameIndex()
        self.merges: dict[tuple[str, str], Merge] = {}
        self.folded_aliases: dict[str, list[str]] = {}  # entity id -> its names, folded (`spelled_alike`)

    def log(self, entity_id: str, variant: str, reason: str, detail: str) -> None:
        self.merges.setdefault((entity_id, variant), Merge(entity_id, variant, reason, detail))

    def known(self, name: tuple[str, ...], etype: str, hint: str = "") -> tuple[str, str, str] | None:
        """Gazetteer entity for a name found otherwise: (id, reason, detail) or None."""
        alias = self.gaz.lookup(name)
        if alias and self.gaz.entries[alias.entity_id].type == etype and not alias.weak:
            return alias.entity_id, "alias", alias.how
        key = skeleton_key(name)
        lone_given = etype == "PER" and len(name) == 1 and given_names().match(list(name), 0)[0] == 1
        if skeleton_length(key) >= MIN_SKELETON and not lone_given:  # سليمان is not سليماني
            found = self.gaz.skeleton_lookup(key, etype)
            if found and self.spelled_alike(name, found):
                return found, "skeleton", f"skeleton '{key}' of a {etype} name in the gazetteer"
        if hint and self.gaz.entries.get(hint) and self.gaz.entries[hint].type == etype:
            return hint, "context", "the context names it (a capital before its country, a known name inside)"
        return None

    def spelled_alike(self, name: tuple[str, ...], entity_id: str) -> bool:
        """The name is spelled like one of the entity's names, not only built on the same
        consonants (طاجكستان ~ طاجيكستان; اليفورنيا is not الفروانية), and no two of their
        ordinary words spelled apart (الجماعة الإسلامية is not الجامعة الإسلامية: `written_alike`)."""
        written = " ".join(name)
        if entity_id not in self.folded_aliases:
            aliases = self.gaz.entries[entity_id].aliases
            self.folded_aliases[entity_id] = [" ".join(fold_token(w) for w in a.split()) for a in aliases]
        return any(
            spelling_similarity(written, a) >= SPELLED_ALIKE and written_alike(name, tuple(a.split()))
            for a in self.folded_aliases[entity_id]
        )

    def rule_entity(self, name: tuple[str, ...], etype: str) -> tuple[str, str, str]:
        eid, merged = self.rule_ids.entity_id(etype, name)
        if merged:
            return eid, "skeleton", f"same {etype} skeleton '{skeleton_key(name)}' as another rule-found name"
        return eid, "rule", "found by rules"


def link(
    documents: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    pending: pd.DataFrame,
    tokens: dict | None = None,
    workers: int | None = None,
) -> EntityTables:
    """Corpus-level linking of `recognise`'s rows (of all the documents, in any order): entity ids
    for rule and CAMeL names, names propagated across the corpus (each document's reading in one
    of `workers` local processes, see `engine.map_list`), then the four tables."""
    linker = _Linker(load_gazetteer())
    mentions_of, logs_of = _mentions_by_doc(mentions)
    pending_of = _pending_by_doc(pending)
    sentence_index = index_sentences(sentences)
    docs = []
    for doc_id, title, body in documents_of(documents):
        docs.append(
            Document(
                doc_id,
                {"title": title, "body": body},
                mentions_of.get(doc_id, []),
                pending_of.get(doc_id, []),
            )
        )
        for entry in logs_of.get(doc_id, ()):
            linker.log(*entry)
    tokens = {} if tokens is None else tokens  # filled on demand, shared by both passes
    home = _home_country(docs, linker.gaz)
    _link_rule_mentions(docs, linker, tokens, home)
    _propagate(docs, linker, tokens, sentence_index, home, workers)
    _names_without_forebears(docs, linker)
    _namesakes_apart(docs, linker)
    return _tables(docs, linker, sentence_index)


#: A person's short name (given name and family name) whose given name is at least this frequent
#: (Zipf: محمد، أحمد، عبدالله) and family name at least `NAMESAKE_FAMILY_ZIPF` (a large tribe's:
#: الغامدي، القحطاني) is borne by many: the longer names are not merged into it.
NAMESAKE_GIVEN_ZIPF = 5.0
NAMESAKE_FAMILY_ZIPF = 3.5


def _common_namesakes(short: tuple[str, ...]) -> bool:
    """Many persons bear the short name (أحمد الغامدي), going by its words' frequencies."""
    words = joined_compounds(short)
    return word_zipf(words[0]) >= NAMESAKE_GIVEN_ZIPF and word_zipf(words[-1]) >= NAMESAKE_FAMILY_ZIPF


def _names_without_forebears(docs: list[Document], linker: _Linker) -> None:
    """One id across the corpus for a person the rules name with and without his forebears'
    names (عبدالله بن عبدالعزيز الربيعة, عبدالله الربيعة): a rule-built person id with a name whose
    form without its patronymic chain (`without_patronymics`) is the name of another rule-built
    id takes that id, unless two such ids share the short name (سلطان بن أحمد القاسمي, سلطان بن
    محمد القاسمي) or many persons bear it (`_common_namesakes`)."""
    ids_of_key: dict[str, set[str]] = defaultdict(set)
    short_of: dict[str, set[str]] = defaultdict(set)  # long id -> keys of its names' short forms
    for doc in docs:
        for m in doc.mentions:
            if m.type != "PER" or not m.entity_id.startswith("per:") or "@" in m.entity_id:
                continue
            ids_of_key[linking_key("PER", m.name)].add(m.entity_id)
            short = without_patronymics(m.name)
            if short and not _common_namesakes(short):
                short_of[m.entity_id].add(linking_key("PER", short))
    longs_of_key: dict[str, set[str]] = defaultdict(set)
    for eid, keys in short_of.items():
        for key in keys:
            longs_of_key[key].add(eid)
    moved = {}
    for eid, keys in short_of.items():
        targets = {t for key in keys if len(longs_of_key[key]) == 1 for t in ids_of_key.get(key, ())} - {eid}
        if len(targets) == 1 and len(keys) == 1:
            moved[eid] = targets.pop()
    for doc in docs:
        for m in doc.mentions:
            if m.entity_id in moved:
                target = moved[m.entity_id]
                linker.log(
                    target, m.surface, "patronymic", f"the same name without its forebears' ({m.entity_id})"
                )
                m.entity_id = target


#: Two documents that name a person of a name many bear (`_common_namesakes`) name the same one
#: when they share an entity named in at most this share of the corpus' documents (at least two:
#: the same story) ...
NAMESAKE_RARE_SHARE = 0.01
#: ... or two entities named in at most this share (the same club and its coach).
NAMESAKE_CONTEXT_SHARE = 0.05


def _namesakes_apart(docs: list[Document], linker: _Linker) -> None:
    """A rule-built person id of a short Arabic name many persons bear (`_short_arabic_namesake`:
    محمد الزهراني, a suspect, a committee's coordinator and two reporters in one day's news) is
    one person only across documents that share context (`NAMESAKE_RARE_SHARE`,
    `NAMESAKE_CONTEXT_SHARE`, linked in chains); the largest group of documents keeps the id,
    each other takes its own (the id @ its first document), logged."""
    docs_of: dict[str, set[str]] = defaultdict(set)
    ids_of: dict[str, set[str]] = defaultdict(set)
    namesakes = set()
    for doc in docs:
        for m in doc.mentions:
            docs_of[m.entity_id].add(doc.doc_id)
            ids_of[doc.doc_id].add(m.entity_id)
            if (
                m.type == "PER"
                and m.entity_id.startswith("per:")
                and "@" not in m.entity_id
                and _short_arabic_namesake(m.name)
            ):
                namesakes.add(m.entity_id)
    rare, context = (max(2.0, share * len(docs)) for share in (NAMESAKE_RARE_SHARE, NAMESAKE_CONTEXT_SHARE))
    moved: dict[tuple[str, str], str] = {}  # (document, id) -> the id of its group
    for eid in sorted(namesakes):
        groups = _context_groups(sorted(docs_of[eid]), eid, ids_of, docs_of, rare, context)
        for group in groups[1:]:
            moved.update({(doc_id, eid): f"{eid}@{group[0]}" for doc_id in group})
    for doc in docs:
        for m in doc.mentions:
            new = moved.get((doc.doc_id, m.entity_id))
            if new:
                linker.log(
                    new,
                    m.surface,
                    "namesake",
                    f"a name many persons bear, in articles sharing no context with those of {m.entity_id}",
                )
                m.entity_id = new


def _short_arabic_namesake(name: tuple[str, ...]) -> bool:
    """A given name and a family name, the given name Arabic, that many persons bear
    (`_common_namesakes`: محمد الزهراني; not جون كيندي, one of the few foreigners the press names
    so)."""
    words = joined_compounds(name)
    return len(words) == 2 and given_names().match(list(words), 0) == (1, False) and _common_namesakes(name)


def _context_groups(
    doc_ids: list[str],
    eid: str,
    ids_of: dict[str, set[str]],
    docs_of: dict[str, set[str]],
    rare: float,
    context: float,
) -> list[list[str]]:
    """The documents naming `eid` in groups linked by pairs that share an entity other than it
    named in at most `rare` documents, or two in at most `context`; the largest group first
    (ties: the one with the first document)."""
    group_of = {d: d for d in doc_ids}

    def root(d: str) -> str:
        while group_of[d] != d:
            d = group_of[d]
        return d

    for k, a in enumerate(doc_ids):
        for b in doc_ids[k + 1 :]:
            shared = [len(docs_of[x]) for x in ids_of[a] & ids_of[b] if x != eid]
            if any(n <= rare for n in shared) or sum(n <= context for n in shared) >= 2:
                group_of[root(b)] = root(a)
    groups: dict[str, list[str]] = defaultdict(list)
    for d in doc_ids:
        groups[root(d)].append(d)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _mentions_by_doc(frame: pd.DataFrame) -> tuple[dict[str, list[Mention]], dict[str, list[tuple]]]:
    """`recognise`'s mention rows as `Mention`s grouped by document (in frame order), and the
    merge-log entries of its gazetteer matches (one pass over plain column lists: pandas'
    per-row access would cost more than the linking itself)."""
    mentions: dict[str, list[Mention]] = defaultdict(list)
    logs: dict[str, list[tuple]] = defaultdict(list)
    columns = [frame[c].tolist() for c in MENTION_COLUMNS]
    for (
        doc_id,
        fld,
        start,
        end,
        surface,
        etype,
        name,
        source,
        eid,
        weak,
        readings,
        reason,
        detail,
        score,
        place,
    ) in zip(*columns, strict=True):
        doc_id, name = str(doc_id), tuple(name)
        score = None if score is None or pd.isna(score) else float(score)
        place = place if isinstance(place, str) else None
        mentions[doc_id].append(
            Mention(
                doc_id,
                fld,
                int(start),
                int(end),
                surface,
                etype,
                name,
                source,
                eid,
                bool(weak),
                tuple(readings),
                score,
                place,
            )
        )
        if isinstance(reason, str):
            logs[doc_id].append((eid, " ".join(name), reason, detail))
    return mentions, logs


def _pending_by_doc(frame: pd.DataFrame) -> dict[str, list[tuple[str, Span]]]:
    """`recognise`'s unconfirmed rule spans as (field, span) grouped by document."""
    pending: dict[str, list[tuple[str, Span]]] = defaultdict(list)
    columns = [frame[c].tolist() for c in PENDING_COLUMNS]
    for doc_id, fld, first, last, etype, rule, clitic in zip(*columns, strict=True):
        span = Span(int(first), int(last), etype, "rule", int(clitic), rule=rule)
        pending[str(doc_id)].append((fld, span))
    return pending


#: The source of a state body's name the gazetteer knows only as a weak alias of one state's.
STATE_BODY_SOURCE = "rule:state_body"


def _weak_state_bodies_unlinked(doc: Document) -> None:
    """A state body's name that is a weak alias of one state's body (حرس الحدود, the Saudi
    one only beside its full name) and that the article names no other way is still a body's
    name: it is kept, linked like a rule-found one (the state the context says, or the bare
    name's id), instead of being dropped with the weak names."""
    strong = {m.entity_id for m in doc.mentions if not m.weak}
    for m in doc.mentions:
        if m.weak and m.entity_id not in strong and state_body(m.name):
            m.source, m.entity_id, m.weak = STATE_BODY_SOURCE, "", False


def _link_rule_mentions(
    docs: list[Document], linker: _Linker, tokens: dict[str, dict[str, WordTokens]], home: str
) -> None:
    """Ids for rule / CAMeL mentions: gazetteer, then full names met in the article (a known
    person's longer name too: `_full_name_in`), the article's own id for a given name alone, a
    local body, a city's court or a district, the sport of a national team, federation or
    competition (`_of_sport`), the place or country of a name many places' or states' bodies
    share (`_of_place_or_country`), then the corpus index of rule-found names (multi-word names
    first, so surnames find them). Before them, a home state's body the gazetteer knows is
    another state's where its context says so (`_state_of_body`). `tokens`: documents' tokens already made;
    `home`: the corpus' home country (`_home_country`)."""
    shared = _shared_names(docs)
    countries: dict[str, ArticleCountries] = {}  # doc_id -> `_article_countries`, found once per document
    sports: dict[str, tuple[Counter[str], bool]] = {}  # doc_id -> `_article_sports`, likewise
    for doc in docs:
        _weak_state_bodies_unlinked(doc)
        for m in doc.mentions:
            if m.source == "gazetteer" and m.type == "PER":
                linker.surnames.add(m.entity_id, m.name)
    home_iso = linker.gaz.entries[home].iso if home in linker.gaz.entries else ""
    for doc in docs:
        for m in doc.mentions:
            entry = linker.gaz.entries.get(m.entity_id) if m.source == "gazetteer" else None
            if (
                entry
                and entry.type == "ORG"
                and home_iso
                and entry.in_country == home_iso
                and generic_name(m.name)
            ):
                # مجلس الشورى in an article on Iran: the body of Iran, not the home state's
                found = _state_of_body(doc, m, tokens, linker.gaz, home, countries, known=True)
                if found:
                    m.entity_id = found[0]
                    linker.log(found[0], " ".join(m.name), found[1], found[2])
        todo = [m for m in doc.mentions if m.source != "gazetteer"]
        known = [m for m in doc.mentions if m.source == "gazetteer" and not m.weak and m.entity_id]
        for m in sorted(todo, key=lambda m: -len(m.name)):
            if m.source == SHORT_NAME_SOURCE:
                continue  # once its body has its id
            found = linker.known(m.name, m.type, m.entity_id)
            if found is None and m.source == BUILDING_SOURCE and m.entity_id:
                found = (m.entity_id, "building", "a building named after the body it belongs to")
            for clitic, rest in m.clitic_readings if found is None else ():
                if clearly_commoner(m.name[0], rest):
                    continue  # متحف باردو: a word of its own, not ب + Ordu (وكازخستان is و + Kazakhstan)
                found = linker.known((rest, *m.name[1:]), m.type)
                if found:  # وكازخستان: و + a known name
                    raw = doc.texts[m.field][m.start : m.end]
                    skip = next(k for k in range(len(raw) + 1) if len(fold_token(raw[:k])) >= clitic)
                    m.start, m.surface, m.name = m.start + skip, raw[skip:], (rest, *m.name[1:])
                    break
            if found is None and m.type != "PER":
                found = _known_in_article(known, m)
            short = without_patronymics(m.name) if found is None and m.type == "PER" else None
            alias = linker.gaz.lookup(short) if short else None
            if alias and not alias.weak and linker.gaz.entries[alias.entity_id].type == "PER":
                # عادل بن أحمد الجبير: the known عادل الجبير (spelled so, not only alike: العطا is no العطية)
                found = (
                    alias.entity_id,
                    "patronymics",
                    f"the known person {' '.join(short)} with forebears' names",
                )
            if found is None and m.type == "PER" and len(m.name) == 1:
                field_tokens = _doc_tokens(doc, tokens)[m.field]
                a = _token_range(field_tokens, m)[0]
                honorific = field_tokens.is_(a - 1, HONORIFICS)
                as_surname = m.field == "title" or after_title_or_speech(field_tokens, a)
                found = _surname_in(doc, m.name[0], as_surname, honorific)
                if found is None and honorific:
                    found = _titled_given_name_in(doc, m.name[0])
            if (
                found is None
                and m.type == "PER"
                and len(m.name) == 2
                and m.name[0] in (FAMILY_PARTICLE, "بن")
            ):
                found = _family_name_in(doc, m.name)  # آل مغرم، بن رقوش
            if found is None and m.type == "PER" and len(m.name) >= 2:
                found = _full_name_in(doc, m.name)
            if found is None and m.type == "PER" and given_names().match(list(m.name), 0)[0] == len(m.name):
                # صالح، عبدالله alone: many persons bear the name, so the id is the article's own
                found = (
                    f"per:{'_'.join(m.name)}@{doc.doc_id}",
                    "given_name",
                    "a given name alone: one person per article, not merged across the corpus",
                )
            if found is None and m.type == "PER" and _kunya_alone(m.name):
                found = (
                    f"per:{'_'.join(m.name)}@{doc.doc_id}",
                    "kunya",
                    "a kunya alone (أبو محمد): one person per article, not merged across the corpus",
                )
            if (
                found is None
                and m.type == "ORG"
                and (
                    m.name[-1] in LOCAL_PLACES
                    or LOCAL & set(m.name)
                    or m.name in CITY_COURTS
                    or m.name[0] == ATTACHE
                )
            ):
                # أمانة المنطقة، اللجنة المحلية للانتخابات، الملحقية الثقافية: each town or embassy
                # has its own, the article's
                found = (
                    f"org:{'_'.join(m.name)}@{doc.doc_id}",
                    "local_body",
                    "a body of the article's own place (المنطقة، المحلية), a city's court or an embassy's"
                    " attaché: one per article",
                )
            if (
                found is None
                and m.type == "ORG"
                and m.source != INSTITUTION_SOURCE  # الإدارة الأمريكية: the state's, no sub-unit
                and _generic_subunit(m.name, linker.gaz)
            ):
                found = _subunit_id(doc, m)
            if found is None and m.source == "rule:district":
                # حي الروضة: many cities have one, so the id is the article's own
                found = (
                    f"loc:{'_'.join(m.name)}@{doc.doc_id}",
                    "district",
                    "a district named after its head (حي، مخيم): one per article, as cities share names",
                )
            federation = m.name[0] == FEDERATION and m.source == INSTITUTION_SOURCE and len(m.name) == 2
            if (
                found is None
                and m.type == "ORG"
                and (m.name[0] == NATIONAL_TEAM or m.source == TEAM_SOURCE or federation)
            ):
                found = _team_of_its_sport(doc, m, _doc_tokens(doc, tokens)[m.field], linker)
                if found is None and doc.doc_id not in sports:
                    sports[doc.doc_id] = _article_sports(_doc_tokens(doc, tokens))
                if found is None:
                    games, ages = sports[doc.doc_id]
                    # a federation has no age group
                    found = _of_sport(doc, m, frozenset(games), ages and not federation)
            if found is None and m.source == COMPETITION_SOURCE:
                field_tokens = _doc_tokens(doc, tokens)[m.field]
                first, last = _token_range(field_tokens, m)
                if not any(sport_at(field_tokens, k) for k in range(first, last)):
                    if doc.doc_id not in sports:
                        sports[doc.doc_id] = _article_sports(_doc_tokens(doc, tokens))
                    games = sports[doc.doc_id][0]
                    # the one sport the article names, more than in passing (كرة الطائرة بالقدم: a drill)
                    named = frozenset(g for g, n in games.items() if n >= COMPETITION_SPORT_MENTIONS)
                    if len(named) == 1 and len(games) == 1:
                        found = _of_sport(doc, m, named, False)
            if found is None and m.source == COMPETITION_SOURCE and _national_competition(m.name):
                found = _competition_of_country(doc, m, linker.gaz, home)
            if found is None and m.type == "ORG":
                found = _club_named_by_core(m.name, linker)
            if found is None and m.type in ("ORG", "LOC") and generic_name(m.name):
                found = _of_place_or_country(doc, m, tokens, linker.gaz, home, shared, countries)
            if found is None:
                found = linker.rule_entity(m.name, m.type)
            m.entity_id = found[0]
            linker.log(found[0], " ".join(m.name), found[1], found[2])
            if m.type == "PER":
                linker.surnames.add(m.entity_id, m.name)
        for m in todo:
            if m.source == SHORT_NAME_SOURCE:
                found = (
                    _body_of_short_name(doc, m)
                    or linker.known(m.name, m.type)
                    or linker.rule_entity(m.name, m.type)
                )
                m.entity_id = found[0]
                linker.log(found[0], " ".join(m.name), found[1], found[2])


#: The source of a building named after its body (`recognise.BUILDING_RULE`), whose id is the body's.
BUILDING_SOURCE = f"rule:{BUILDING_RULE}"
#: The source of a body's short name in brackets after its name (`adjust.bracketed_short_names`).
SHORT_NAME_SOURCE = f"rule:{SHORT_NAME_RULE}"
#: Characters that may stand around the opening bracket between a body's name and its short name.
BRACKET_SPACE = " \u200e\u200f\u200b"


def _body_of_short_name(doc: Document, m: Mention) -> tuple[str, str, str] | None:
    """The id of the organisation whose name the brackets or quotes of short name m follow."""
    text = doc.texts[m.field]
    for body in doc.mentions:
        if (
            body.field == m.field
            and body.type == "ORG"
            and body.entity_id
            and body.end <= m.start
            and text[body.end : m.start].strip(BRACKET_SPACE) in BRACKETS
        ):
            return (
                body.entity_id,
                "short_name",
                f"short name in brackets after its body's name ({body.surface})",
            )
    return None


def _known_in_article(known: list[Mention], m: Mention) -> tuple[str, str, str] | None:
    """The gazetteer's entity (`known`: the article's strong gazetteer mentions) that the article
    names by the same words, or by words that this name of two or more words begins (كوينز بارك |
    رينجرز), or an organisation's indefinite last word (مانشستر | يونايتد), with the same type: one
    sense per article (برشلونة the club where the article names the club so)."""
    known = [o for o in known if o.type == m.type]
    for other in known:
        same = joined_compounds(other.name) == joined_compounds(m.name)
        if same or (
            len(m.name) >= 2 and other.name[: len(m.name)] == m.name and len(other.name) > len(m.name)
        ):
            return other.entity_id, "in_article", f"named so in the article: {other.surface}"
    # يونايتد: the indefinite last word of the article's one known name ending with it (مانشستر يونايتد)
    if (
        m.type == "ORG"
        and len(m.name) == 1
        and not m.name[0].startswith("ال")
        and not is_function_word(m.name[0])
    ):
        ending = {o.entity_id: o for o in known if len(o.name) >= 2 and o.name[-1] == m.name[0]}
        if len(ending) == 1:
            other = next(iter(ending.values()))
            return other.entity_id, "in_article", f"the last word of {other.surface}, named in the article"
    return None


def _kunya_alone(name: tuple[str, ...]) -> bool:
    """A person named by أبو / أم and a given name only (أبو محمد، أم خالد), as fathers and
    mothers of many are."""
    return len(name) == 2 and name[0] in KUNYA and given_names().match([name[1]], 0)[0] == 1


#: The source of a country named for its national team (فاز على تشيلي).
TEAM_SOURCE = f"rule:{NATIONAL_TEAM_RULE}"
#: The source of a state's institution named with its adjective (الاتحاد الكويتي، الجيش اللبناني).
INSTITUTION_SOURCE = f"rule:{STATE_INSTITUTION_RULE}"
#: The source of a competition's name (كأس العالم، دوري أبطال أوروبا).
COMPETITION_SOURCE = f"rule:{COMPETITION_RULE}"
#: How often an article names the one sport it names for a competition named without its sport
#: to be that sport's (كأس العالم in an article on swimming).
COMPETITION_SPORT_MENTIONS = 2
#: Words of the competitions every country's (or continent's) football holds, named without it
#: (كأس السوبر، دوري الدرجة الأولى، بطولة الدوري، دوري الأبطال): not one competition across articles.
NATIONAL_COMPETITION_WORDS = frozenset(
    fold_token(w)
    for w in "كأس الكأس دوري الدوري بطولة البطولة السوبر الأبطال الدرجة الأولى الثانية الثالثة "
    "الممتاز الممتازة المحترفين للمحترفين النخبة الملك".split()
)
#: The sport a national team or federation is of unless its article or name says another.
FOOTBALL = "القدم"
#: Words of a national team of an age group (المنتخب الأولمبي، منتخب الناشئين، تحت 17 عاما), and
#: of youth after the words for a team or a grade or one word later (منتخب الشباب، لدرجة الشباب،
#: المنتخب السعودي للشباب).
AGE_GROUPS = frozenset(fold_token(w) for w in "الأولمبي الناشئين للناشئين والناشئين الناشئات".split())
YOUTH = frozenset(fold_token(w) for w in "الشباب للشباب".split())
YOUTH_AFTER = frozenset(fold_token(w) for w in "المنتخب منتخب درجة لدرجة".split())


def _article_sports(fields: dict[str, WordTokens]) -> tuple[Counter[str], bool]:
    """How often an article names each sport (`SPORT_WORDS`) and whether it names an age group
    (تحت 17 عاما، الناشئين، الأولمبي، منتخب الشباب)."""
    sports, ages = Counter(), False
    for tokens in fields.values():
        for k, forms in enumerate(tokens.bare):
            sport = sport_at(tokens, k)
            if sport:
                sports[sport] += 1
            after = k > 0 and tokens.joined(k)
            under = tokens.folded[k] == "تحت" and k + 1 < len(tokens) and tokens.folded[k + 1][:1].isdigit()
            # منتخب الشباب، المنتخب السعودي للشباب
            team = any(tokens.joined(j + 1) and tokens.bare[j] & YOUTH_AFTER for j in range(max(0, k - 2), k))
            youth = forms & YOUTH and after and team
            ages = ages or bool(forms & AGE_GROUPS or under or youth)
    return sports, ages


def _team_of_its_sport(
    doc: Document, m: Mention, tokens: WordTokens, linker: _Linker
) -> tuple[str, str, str] | None:
    """The id of a national team named with its sport or age group (`rules.team_complement_end`):
    the team's id of that sport, as `_of_sport` gives it (المنتخب السعودي للمبارزة:
    `org:المنتخب_السعودي@المبارزة`; football's is the team's own), or the article's own for an age
    group (المنتخب السعودي للناشئين). None for a team named without them."""
    core = next((k for k in range(2, len(m.name)) if m.name[k].startswith("ل")), len(m.name))
    if core == len(m.name):
        return None
    first, last = _token_range(tokens, m)
    complement = range(first + core, last)
    prefix = f"org:{'_'.join(m.name[:core])}"
    if any(tokens.bare[k] & TEAM_GROUPS for k in complement):
        return f"{prefix}@{doc.doc_id}", "of_sport", "a national team of an age group its name gives: its own"
    sport = next((s for k in complement if (s := sport_at(tokens, k))), FOOTBALL)
    if sport == FOOTBALL:
        return linker.rule_entity(m.name[:core], "ORG")
    return f"{prefix}@{sport}", "of_sport", f"a national team of the sport its name gives ({sport})"


def _of_sport(doc: Document, m: Mention, sports: frozenset[str], ages: bool) -> tuple[str, str, str] | None:
    """The id of a national team, a state's federation (الاتحاد الكويتي) or a competition named
    without its sport (كأس العالم) where its article (`_article_sports`) says it is not
    football's: of the one sport other than football the article names (المنتخب السعودي ... لكرة
    السلة: @السلة; كأس العالم in an article on swimming: @السباحة), or the article's own where it
    names several or an age group. None for football (the article names no other sport)."""
    prefix = f"{m.type.lower()}:{'_'.join(m.name)}"
    others = sports - {FOOTBALL}
    if len(others) == 1 and FOOTBALL not in sports and not ages:
        sport = next(iter(others))
        return (
            f"{prefix}@{sport}",
            "of_sport",
            f"a team, federation or competition of the one sport the article names ({sport})",
        )
    if others or ages:
        return (
            f"{prefix}@{doc.doc_id}",
            "of_sport",
            "a team, federation or competition in an article on several sports or an age group: its own",
        )
    return None


#: Heads of a club's or team's name that are no part of its identity (نادي أودينيزي = أودينيزي).
TEAM_HEADS = frozenset(fold_token(w) for w in "نادي فريق".split())
#: Below this Zipf frequency a word is a name, not a word in use, for `_club_core`.
CLUB_CORE_ZIPF = 3.0


def _club_core(name: tuple[str, ...], gaz: Gazetteer) -> tuple[str, ...] | None:
    """The words a club or company is known by when its name also carries a club's head or a
    nationality (نادي | أودينيزي، فريق | ميلان، أودينيزي | الإيطالي، توتال | الفرنسية): the rest
    when the sport gazetteer knows it or it is one word no word list knows well, else None."""
    if len(name) >= 2 and name[0] in TEAM_HEADS:
        rest = name[1:]
        if gaz.sport_club(rest) or (len(rest) == 1 and word_zipf(rest[0]) < CLUB_CORE_ZIPF):
            return rest
    if len(name) == 2 and not name[0].startswith("ال") and gaz.nationality(name[1]):
        return name[:1] if word_zipf(name[0]) < CLUB_CORE_ZIPF else None
    return None


def _club_named_by_core(name: tuple[str, ...], linker: _Linker) -> tuple[str, str, str] | None:
    """Id of an organisation named with a club's head or its nationality (`_club_core`): the
    club the sport gazetteer knows by the rest (فريق ميونيخ: Bayern Munich), the gazetteer's
    organisation, or the rule-found id of the rest, so that the name alone joins it."""
    core = _club_core(name, linker.gaz)
    if core is None and len(name) >= 3 and name[0] in TEAM_HEADS and linker.gaz.type_of(name[-1:]) == "LOC":
        # نادي أتليتكو مدريد: the club known by its word, written with its city
        found = linker.gaz.sport_club(name[1:-1])
        return (
            (found, "club", "a club's head, its name and its city")
            if found
            else linker.known(name[1:-1], "ORG")
        )
    if core is None:
        return None
    club = linker.gaz.sport_club(core)
    if club:
        return club, "club", "a club's head before the name the sport gazetteer knows it by"
    known = linker.known(core, "ORG")
    if known:
        return known
    eid, _ = linker.rule_ids.entity_id("ORG", core)
    return eid, "club", "the name without its club's head or nationality, as written alone"


def _generic_subunit(name: tuple[str, ...], gaz: Gazetteer) -> bool:
    """A sub-unit (`SUBUNIT_HEADS`) named by common definite words and complements, none a known
    place or a given name (كلية الطب، عمادة القبول والتسجيل، الإدارة العامة لتقنية المعلومات; not
    كلية هاملتون، كلية محمد المانع الطبية)."""
    return (
        name[0] in SUBUNIT_HEADS
        and generic_name(name)
        and all(w.startswith(("ال", "وال", "لل", "بال", "ل")) for w in name[1:])
        and not any(gaz.lookup((w,)) or given_names().match([w], 0)[0] for w in name[1:])
    )


def _subunit_id(doc: Document, m: Mention) -> tuple[str, str, str]:
    """The id of a sub-unit (`_generic_subunit`): of the body or place named right after it
    (كلية الطب | بجامعة الملك عبدالعزيز) or after its other mentions in the article when they
    name one, else the article's own."""
    prefix = f"org:{'_'.join(m.name)}"
    parents = {_parent(doc, m)} - {None}
    if not parents:  # كلية الطب named with its university elsewhere in the article
        parents = {_parent(doc, n) for n in doc.mentions if n.name == m.name} - {None}
    if len(parents) == 1:
        of = parents.pop()
        return f"{prefix}@{of}", "subunit", f"a sub-unit of the body or place named after it ({of})"
    return f"{prefix}@{doc.doc_id}", "subunit", "a sub-unit no one body is named for: the article's own"


def _parent(doc: Document, m: Mention) -> str | None:
    """The body or place named right after mention m (`PARENT_LINKS` between): its gazetteer id
    or its name."""
    text = doc.texts[m.field]
    after = [n for n in doc.mentions if n.field == m.field and n.start >= m.end and n.type in ("ORG", "LOC")]
    parent = min(after, key=lambda n: n.start, default=None)
    if parent is None or "".join(text[m.end : parent.start].split()) not in PARENT_LINKS:
        return None
    return parent.entity_id if parent.source == "gazetteer" else "_".join(parent.name)


def _doc_tokens(doc: Document, tokens: dict[str, dict[str, WordTokens]]) -> dict[str, WordTokens]:
    """A document's tokens per field, from `tokens` (which recognise filled, or this fills)."""
    if not tokens.get(doc.doc_id):
        tokens[doc.doc_id] = {f: word_tokens(t) for f, t in doc.texts.items()}
    return tokens[doc.doc_id]


def _token_range(field_tokens: WordTokens, m: Mention) -> tuple[int, int]:
    """The mention's tokens [first, last) in its field."""
    return token_range(field_tokens, m.start, m.end)


def _shared_names(docs: list[Document]) -> dict[str, dict[tuple[str, str, int], str]]:
    """Names of common words (`generic_name`) that the corpus gives two or more places by a
    locative right after them (مستشفى الملك فهد بجدة ... بالهفوف), one referring back (بالمنطقة) or
    a title chain before them (`context.place_of_body`, as `recognise` found it: `Mention.place`):
    many places have one. Name's `linking_key` (لشئون الزراعة، لشؤون الزراعة alike; عبد الله =
    عبدالله) -> {(document, field, start) of a mention: its place}. Not with a national body's
    head (وزارة العمل في منطقة حائل is the ministry's office there)."""
    places: dict[str, dict[tuple[str, str, int], str]] = defaultdict(dict)
    for doc in docs:
        for m in doc.mentions:
            if m.place:
                places[linking_key(m.type, m.name)][(doc.doc_id, m.field, m.start)] = m.place
    return {name: by_mention for name, by_mention in places.items() if len(set(by_mention.values())) > 1}


def _royal_street(name: tuple[str, ...]) -> bool:
    """A street or road named after a king or prince (طريق الملك فهد، شارع الأمير سلطان)."""
    return len(name) >= 3 and name[0] in (STREET, ROAD) and name[1] in HONORIFICS


def _of_place_or_country(
    doc: Document,
    m: Mention,
    tokens: dict[str, dict[str, WordTokens]],
    gaz: Gazetteer,
    home: str,
    shared: dict[str, dict[tuple[str, str, int], str]],
    countries: dict[str, ArticleCountries],
) -> tuple[str, str, str] | None:
    """The id of a name many places' bodies or facilities share (`_shared_names`) for the place
    after this mention (مستشفى الملك فهد | بجدة) or after its other mentions in the article (one
    place per article), else the article's own; or of a state body for the country its title
    chain names (رئيس مجلس الوزراء ... بدولة الإمارات; not the `home` country) or whose place is
    named right after it (وزارة الطاقة | في فنزويلا، هيئة النقل العام | بالقاهرة), or of the foreign
    country the article is about (`_article_countries`, found once per document in `countries`), or
    the article's own where it names foreign countries only. None when none of these is said."""
    prefix = f"{m.type.lower()}:{'_'.join(m.name)}"
    by_mention = shared.get(linking_key(m.type, m.name), {})
    place = by_mention.get((doc.doc_id, m.field, m.start))
    if place:
        return (
            f"{prefix}@{place}",
            "of_place",
            f"a name bodies of several places share, of the place after it ({place})",
        )
    if not by_mention and _royal_street(m.name):
        field_tokens = _doc_tokens(doc, tokens)[m.field]
        place = place_after(field_tokens, _token_range(field_tokens, m)[1], gaz)
        return (
            f"{prefix}@{place or doc.doc_id}",
            "of_place",
            "a street or road named after a king or prince, which many towns have: of the place after"
            " it, else the article's own",
        )
    if by_mention and not state_body(m.name):
        places = {p for (d, _, _), p in by_mention.items() if d == doc.doc_id}
        if len(places) == 1:
            place = next(iter(places))
            return (
                f"{prefix}@{place}",
                "of_place",
                f"a name bodies of several places share, of the place the article names after it ({place})",
            )
        return (
            f"{prefix}@{doc.doc_id}",
            "of_place",
            "a name bodies of several places share, its place not named after it: the article's own",
        )
    if not state_body(m.name):
        return None
    return _state_of_body(doc, m, tokens, gaz, home, countries)


def _state_of_body(
    doc: Document,
    m: Mention,
    tokens: dict[str, dict[str, WordTokens]],
    gaz: Gazetteer,
    home: str,
    countries: dict[str, ArticleCountries],
    known: bool = False,
) -> tuple[str, str, str] | None:
    """The id of a body every state has for the foreign state the context gives it (title chain,
    place after it, the article's country: `_of_place_or_country`); None for the `home` state's.
    `known`: the gazetteer knows the name as the home state's body (هيئة السوق المالية), which
    only its own title chain, place or adjective make another state's (هيئة السوق المالية في
    فنزويلا; in an article on a foreign country it is still often the home state's: المستشار
    بالديوان الملكي in an article on aid to Yemen)."""
    prefix = f"{m.type.lower()}:{'_'.join(m.name)}"
    field_tokens = _doc_tokens(doc, tokens)[m.field]
    first, last = _token_range(field_tokens, m)
    country = country_of_title_chain(field_tokens, first, last, gaz)
    if country and country != home:
        return (
            _state_body_id(gaz, m, country),
            "state_body",
            f"a body every state has, of the country its title chain names ({country})",
        )
    country = gaz.country_by_iso(gaz.place_iso(place_after(field_tokens, last, gaz) or ""))
    if country and country != home:
        return (
            _state_body_id(gaz, m, country),
            "state_body",
            f"a body every state has, of the country of the place after it ({country})",
        )
    named = _named_with_its_country(doc, m, gaz, home)
    if named is not None:
        return named
    # وزارة الداخلية التونسية: its own name; مجلس الشحن العالمي: no state's; مجلس التعاون: the GCC
    # the gazetteer knows
    if (
        known
        or any(gaz.country_of(w) or w in INTERNATIONAL for w in m.name)
        or gaz.lookup(m.name) is not None
    ):
        return None
    country = _country_of_titled_official(doc, m, field_tokens, first, gaz)
    if country and country != home:
        return (
            _state_body_id(gaz, m, country),
            "state_body",
            f"a body every state has, of the country of the official its title names ({country})",
        )
    # ولي العهد نائب رئيس مجلس الوزراء، النائب الثاني لرئيس مجلس الوزراء: a deputy's title chain that
    # names no country is the home country's (its princes' titles)
    if any(
        field_tokens.joined(k + 1) and {w.removeprefix("ال") for w in field_tokens.bare[k]} & DEPUTY_TITLES
        for k in range(max(0, first - 3), first)
    ):
        return None
    if doc.doc_id not in countries:
        countries[doc.doc_id] = _article_countries(doc, tokens, gaz, home)
    country = countries[doc.doc_id].of_body(m)
    if country is None:
        return None
    if country == FOREIGN_ONLY:
        if m.name[0] == PARTY and len(m.name) > 2:
            return None  # حزب الشعوب الديمقراطي: a party's longer name is mostly one party's
        return (
            f"{prefix}@{doc.doc_id}",
            "state_body",
            "a body every state has, in an article about foreign countries only: the article's own",
        )
    return (
        _state_body_id(gaz, m, country),
        "state_body",
        f"a body every state has, in an article about one foreign country ({country})",
    )


def _national_competition(name: tuple[str, ...]) -> bool:
    """A competition's name that every country's or continent's football has (كأس السوبر، دوري
    الأبطال، دوري الدرجة الأولى; not كأس العالم, not الدوري الإنجليزي): only
    `NATIONAL_COMPETITION_WORDS`, at least two."""
    return len(name) >= 2 and NATIONAL_COMPETITION_WORDS.issuperset(name)


def _competition_of_country(
    doc: Document, m: Mention, gaz: Gazetteer, home: str
) -> tuple[str, str, str] | None:
    """The id of a competition every country holds (`_national_competition`) that its article
    names with a foreign country's adjective too (كأس السوبر الألماني ... كأس السوبر: the German
    one throughout), else None. Not by the countries the article names: an article on sport names
    a match's venue (the Saudi Super Cup in London), and the gazetteer does not know the clubs'
    countries."""
    named = _named_with_its_country(doc, m, gaz, home)
    if named is None:
        return None
    return (
        named[0],
        "competition_country",
        f"a competition every country holds, named with its country in the article ({named[0]})",
    )


def _state_body_id(gaz: Gazetteer, m: Mention, country: str) -> str:
    """The id of the body every state has that mention m names, for `country`: the gazetteer's
    organisation named so with the country's adjective (مجلس الشيوخ in an article on the United
    States: us_senate), else the name's id for that country."""
    return gaz.body_of_country(m.name, country) or f"{m.type.lower()}:{'_'.join(m.name)}@{country}"


#: The head of a party's name (حزب العمال: the context says which state's; `STATE_HEADS`).
PARTY = fold_token("حزب")
#: How far (characters) an official's known name may stand from his title and body: a comma
#: before the title (إبراهيم محلب، | رئيس مجلس الوزراء) or a space after the body.
OFFICIAL_GAP = 3


def _country_of_titled_official(
    doc: Document, m: Mention, field_tokens: WordTokens, first: int, gaz: Gazetteer
) -> str | None:
    """The country of the official the gazetteer knows, or whose name ends with a ruling family's
    (`RULING_FAMILIES`), whose title the body ends (رئيس | مجلس الوزراء تمام سلام، إبراهيم محلب،
    رئيس | مجلس الوزراء، عبدالله بن ناصر آل ثاني رئيس | مجلس الوزراء): his name right after the
    body or right before the title chain. None without a title before the body or such a name."""
    if first == 0 or not field_tokens.joined(first) or not field_tokens.bare[first - 1] & CHAIN_TITLES:
        return None
    k = first - 1
    while k > 0 and field_tokens.joined(k) and field_tokens.bare[k - 1] & CHAIN_TITLES:
        k -= 1  # نائب | رئيس مجلس الوزراء
    title_start = field_tokens.starts[k]
    for p in doc.mentions:
        if p.type != "PER" or p.field != m.field:
            continue
        if not (0 <= p.start - m.end <= OFFICIAL_GAP or 0 <= title_start - p.end <= OFFICIAL_GAP):
            continue
        entry = gaz.entries.get(p.entity_id)
        iso = entry.in_country if entry is not None else RULING_FAMILIES.get(p.name[-2:], "")
        if iso:
            return gaz.country_by_iso(iso)
    return None


#: Ruling families, whose name ends an official's and gives his state (عبدالله بن ناصر آل ثاني).
RULING_FAMILIES = {
    tuple(fold_token(w) for w in family.split()): iso
    for family, iso in {
        "آل ثاني": "QA",
        "آل نهيان": "AE",
        "آل مكتوم": "AE",
        "آل خليفة": "BH",
        "آل الصباح": "KW",
        "الجابر الصباح": "KW",
        "آل سعيد": "OM",
        "آل سعود": "SA",
    }.items()
}


#: Adjectives of a body above states (مجلس الشحن العالمي، الهيئة الدولية).
INTERNATIONAL = frozenset(
    fold_token(w) for w in "الدولي الدولية العالمي العالمية الإقليمي الإقليمية الأممي الأممية".split()
)
#: Mentions of one foreign country (places, adjective) that make an article about it
#: (`ArticleCountries.of_body`).
ARTICLE_COUNTRY_MENTIONS = 2
#: In an article that names the home country too, mentions of one foreign country, and times the
#: home country's, that make it about that country (`ArticleCountries.of_body`).
DOMINANT_MENTIONS = 5
DOMINANT_RATIO = 5
#: `ArticleCountries.of_body` in an article that names foreign countries only, none the main one.
FOREIGN_ONLY = "@foreign"
#: The word the press of the home country names it by (المملكة), folded.
KINGDOM = fold_token("المملكة")


@dataclass
class ArticleCountries:
    """How often an article names each country (its places, its adjective; the home country also
    by المملكة and by its own bodies the gazetteer knows), and where it names the home country."""

    counts: Counter[str]
    places: bool  # the article names a place (a country, region or town), not only adjectives
    home_iso: str
    home_at: dict[str, list[int]]  # field -> character offsets of the home country's names
    texts: dict[str, str]
    gaz: Gazetteer
    sentences: dict[str, list] = field(default_factory=dict)  # field -> its sentences, when needed

    def of_body(self, m: Mention) -> str | None:
        """The country of a state body the article names without one. None (the home state's)
        where the article names no place (its adjectives alone describe people: إثيوبي الجنسية)
        or no foreign country, or names the home country in the body's own sentence or without
        a foreign country's strong lead (`DOMINANT_MENTIONS`, `DOMINANT_RATIO` times the home's),
        which makes it that country's. In an article that names foreign countries only, the one
        named at least `ARTICLE_COUNTRY_MENTIONS` times and more than twice all others', else
        `FOREIGN_ONLY`."""
        home = self.counts[self.home_iso]
        foreign = Counter({iso: n for iso, n in self.counts.items() if iso != self.home_iso})
        if not self.home_iso or not self.places or not foreign:
            return None
        (iso, n), *others = foreign.most_common()
        if home:
            if n < DOMINANT_MENTIONS or n < DOMINANT_RATIO * home or self._home_in_sentence(m):
                return None
            return self.gaz.country_by_iso(iso)
        if n >= ARTICLE_COUNTRY_MENTIONS and n > 2 * sum(c for _, c in others):
            return self.gaz.country_by_iso(iso)
        return FOREIGN_ONLY

    def _home_in_sentence(self, m: Mention) -> bool:
        """The sentence of mention m (`split_sentences`, once per field) names the home country."""
        if m.field not in self.sentences:
            self.sentences[m.field] = split_sentences(self.texts[m.field])
        sentence = next((x for x in self.sentences[m.field] if x.start <= m.start < x.end), None)
        return sentence is not None and any(
            sentence.start <= at < sentence.end for at in self.home_at.get(m.field, ())
        )


def _article_countries(
    doc: Document, tokens: dict[str, dict[str, WordTokens]], gaz: Gazetteer, home: str
) -> ArticleCountries:
    """The countries an article names (`ArticleCountries`), the home country's press leaving its
    own bodies unqualified: places (the country, its regions and towns), adjectives, the bodies
    and officials the gazetteer knows of a country (تمام سلام: Lebanon), and for the home country
    المملكة (not المملكة المتحدة)."""
    home_entry = gaz.entries.get(home)
    home_iso = home_entry.iso if home_entry is not None else ""
    counts: Counter[str] = Counter()
    places = False
    home_at: dict[str, list[int]] = defaultdict(list)
    strong = {m.entity_id for m in doc.mentions if not m.weak}  # weak names not yet confirmed
    for m in doc.mentions:
        if m.entity_id not in strong:
            continue
        entry = gaz.entries.get(m.entity_id)
        of_state = entry is not None and entry.type in ("ORG", "PER")  # its bodies and officials
        place = gaz.place_iso(m.entity_id)
        places = places or bool(place)
        iso = place or (entry.in_country if of_state else "")
        if iso:
            counts[iso] += 1
        if iso and iso == home_iso:
            home_at[m.field].append(m.start)
    for field_name, field_tokens in _doc_tokens(doc, tokens).items():
        for k, forms in enumerate(field_tokens.bare):
            word = next((w for w in forms if w.startswith("ال")), None)
            country = gaz.country_of(word) if word else None
            if (
                word == KINGDOM
                and not _another_kingdom(field_tokens, k, gaz, home)
                and not _kingdom_named_before(doc, field_name, field_tokens.starts[k], gaz, home)
            ) or (country and country == home):
                counts[home_iso] += 1  # والمملكة، بالسعودية، السعوديين
                home_at[field_name].append(field_tokens.starts[k])
            elif country and gaz.lookup((word,)) is None:  # الأمريكي، الإيرانية
                counts[gaz.entries[country].iso] += 1
    return ArticleCountries(counts, places, home_iso, dict(home_at), doc.texts, gaz)


def _another_kingdom(field_tokens: WordTokens, k: int, gaz: Gazetteer, home: str) -> bool:
    """المملكة at token k is another kingdom than the `home` country by the word after it
    (المملكة المتحدة، المملكة الأردنية الهاشمية)."""
    if k + 1 >= len(field_tokens) or not field_tokens.joined(k + 1):
        return False
    after = field_tokens.folded[k + 1]
    alias = gaz.lookup((KINGDOM, after))
    other = alias.entity_id if alias is not None else gaz.country_of(after)
    return other is not None and other != home


#: Kingdoms other than the home country that their own press and others call المملكة.
KINGDOMS = frozenset("JO MA BH GB ES NL BE SE NO DK TH".split())
#: How far back (characters) المملكة looks for the country it refers to.
KINGDOM_REACH = 400


def _kingdom_named_before(doc: Document, field_name: str, at: int, gaz: Gazetteer, home: str) -> bool:
    """The nearest place the article names before المملكة at character `at`, within `KINGDOM_REACH`,
    is of another kingdom than `home` (في الأردن خلال الموجة الحارة في المملكة: Jordan)."""
    before = [
        m for m in doc.mentions if m.field == field_name and not m.weak and at - KINGDOM_REACH <= m.end <= at
    ]
    places = [m for m in before if gaz.place_iso(m.entity_id)]
    if not places:
        return False
    iso = gaz.place_iso(max(places, key=lambda m: m.end).entity_id)
    return iso in KINGDOMS and gaz.country_by_iso(iso) != home


def _named_with_its_country(
    doc: Document, m: Mention, gaz: Gazetteer, home: str
) -> tuple[str, str, str] | None:
    """The id the article gives a state body where it names it with one foreign country's
    adjective (وزارة الداخلية المصرية ... وقال بيان وزارة الداخلية: the Egyptian ministry
    throughout), or None."""
    n = len(m.name)
    ids = {
        o.entity_id
        for o in doc.mentions
        if o.entity_id
        and o.type == m.type
        and len(o.name) == n + 1
        and o.name[:n] == m.name
        and gaz.country_of(o.name[n]) not in (None, home)
    }
    if len(ids) != 1:
        return None
    eid = next(iter(ids))
    return (
        eid,
        "state_body",
        f"a body every state has, named with its country elsewhere in the article ({eid})",
    )


def _home_country(docs: list[Document], gaz: Gazetteer) -> str:
    """The country whose places (the country, its regions and towns) the most documents name
    (Saudi Arabia in a Saudi corpus, whose press names its towns more often than the country,
    which it calls المملكة): its state bodies keep the id of their bare name, which its press
    leaves unqualified."""
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update({iso for m in doc.mentions if not m.weak and (iso := gaz.place_iso(m.entity_id))})
    home = gaz.country_by_iso(counts.most_common(1)[0][0]) if counts else None
    return home or ""


def _surname_in(
    doc: Document, surname: str, as_surname: bool, after_honorific: bool
) -> tuple[str, str, str] | None:
    """The one person of the article whose full name ends with `surname` (None when none, or
    when several different persons share it: ندى الشهراني and حنان الشهراني). A given name is a
    surname so only where no full name of the article starts with it (ديفيد توماس ... وقال توماس);
    an Arabic one only as the last word of a name that no name particle begins or leads to (not
    سلمان بن عبدالعزيز، آل سعود، أبو محمد), and, unless the gazetteer knows that person (حكومة
    هادي: عبد ربه منصور هادي), only where `as_surname` (after a speech verb or a title, or in a
    headline: كفاح محمود ... وتابع محمود), and never `after_honorific` (الملك فؤاد)."""
    full = [m for m in doc.mentions if m.type == "PER" and len(m.name) >= 2]
    given, foreign = given_names().match([surname], 0)
    if given and (after_honorific or any(m.name[0] == surname for m in full)):
        return None
    bearers = [m for m in full if m.name[-1] == surname]
    if given and not foreign:
        bearers = [m for m in bearers if m.name[-2] not in NAME_PARTICLES and m.name[0] not in NAME_PARTICLES]
    eid, name, known = article_persons(bearers).get(surname, ("", (), False))
    # a word in use is the known person's surname as in the second pass (الأسد: Bashar al-Assad)
    if not (is_surname(surname, KNOWN_SURNAME_ZIPF if known else SURNAME_ZIPF) or given):
        return None
    if not eid or (given and not foreign and not (as_surname or known)):
        return None
    return eid, "surname", f"surname of '{' '.join(name)}' in {doc.doc_id}"


def _titled_given_name_in(doc: Document, given: str) -> tuple[str, str, str] | None:
    """The one person of the article whose full name is `given` and a chain of forebears, for a
    given name after an honorific (الأمير بندر of الأمير بندر بن سلطان), or None when no such name
    or several persons' (the article's own id then stands)."""
    chains = [
        m
        for m in doc.mentions
        if m.type == "PER" and len(m.name) >= 3 and m.name[0] == given and m.name[1] in PATRONYMIC
    ]
    if not chains:
        return None
    longest = max(chains, key=lambda m: (len(m.name), m.name))
    if not all(_one_person(m.name, longest.name) for m in chains) or len({m.entity_id for m in chains}) > 1:
        return None
    return longest.entity_id, "given_name", f"given name of '{' '.join(longest.name)}' in {doc.doc_id}"


def _family_name_in(doc: Document, family: tuple[str, ...]) -> tuple[str, str, str] | None:
    """The one person of the article whose full name ends with the family's name `family` (آل
    مغرم of ناصر آل مغرم، بن رقوش of جمعان رشيد بن رقوش), or None when none or several do."""
    ids = {m.entity_id for m in doc.mentions if m.type == "PER" and len(m.name) > 2 and m.name[-2:] == family}
    if len(ids) != 1:
        return None
    eid = ids.pop()
    return eid, "surname", f"family name of '{eid}' in {doc.doc_id}"


def _full_name_in(doc: Document, name: tuple[str, ...]) -> tuple[str, str, str] | None:
    """The person the gazetteer knows whose longer full name in the article this short one is
    (علي صالح of علي عبدالله صالح; `_one_person`), or whose first words it is (فرانك فالتر of
    فرانك فالتر شتاينماير), or None. A person the gazetteer does not know
    keeps the id of the short name, which other articles use (عزام الدخيل, not عزام بن محمد
    الدخيل)."""
    bearers = [
        m
        for m in doc.mentions
        if m.type == "PER" and m.source == "gazetteer" and len(m.name) > len(name) and m.name[-1] == name[-1]
    ]
    eid, full, _ = article_persons(bearers).get(name[-1], ("", (), False))
    if eid and _one_person(name, full):
        return eid, "full_name", f"short for '{' '.join(full)}' in {doc.doc_id}"
    # فرانك فالتر of فرانك فالتر شتاينماير: the given names of one known person of the article
    # (not Arabic given names alone: عبد الله is any of the article's Abdullahs)
    n, foreign = given_names().match(list(name), 0)
    if n == len(name) and not foreign:
        return None
    known = {
        m.entity_id: m.name
        for m in doc.mentions
        if m.type == "PER"
        and m.source == "gazetteer"
        and len(m.name) > len(name) >= 2
        and m.name[: len(name)] == name
    }
    if len(known) == 1:
        eid, full = next(iter(known.items()))
        return eid, "full_name", f"the given names of '{' '.join(full)}' in {doc.doc_id}"
    return None


def _one_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Two full names of one article name one person: the same first word, and the shorter's
    words in the longer's order (بدر العتيبي, بدر بن علي بن طامي العتيبي)."""
    words = iter(full)
    return short[0] == full[0] and all(w in words for w in short)


def article_persons(mentions: list[Mention]) -> dict[str, tuple[str, tuple[str, ...], bool]]:
    """The article's persons by the last word of their full names (two words or more): that
    word -> (entity id of its longest name, that name, whether the gazetteer knows the person).
    The id is "" when different persons share the word (ندى الشهراني, حنان الشهراني); the short
    and long names of one person (`_one_person`) are one."""
    named: dict[str, dict[tuple[str, ...], tuple[str, bool]]] = defaultdict(dict)
    for m in mentions:
        if m.type == "PER" and len(m.name) >= 2 and m.entity_id:
            eid, known = named[m.name[-1]].get(m.name, (m.entity_id, False))
            named[m.name[-1]][m.name] = (eid, known or m.source == "gazetteer")
    persons = {}
    for last, names in named.items():
        full = max(names, key=lambda n: (len(n), n))
        known = any(k for _, k in names.values())
        one = all(_one_person(n, full) for n in names)
        persons[last] = (names[full][0] if one else "", full, known)
    return persons


@dataclass
class _Propagated:
    """What the second pass found in one document: new mentions, the unconfirmed spans left, the
    review candidates and the merge-log entries (entity id, variant, reason, detail), in order."""

    mentions: list[Mention]
    pending: list[tuple[str, Span]]
    candidates: list[tuple[str, str, str, str, str]]
    log: list[tuple[str, str, str, str]]


def _propagate(
    docs: list[Document],
    linker: _Linker,
    tokens: dict[str, dict[str, WordTokens]],
    sentences: dict[str, SentenceIndex],
    home: str,
    workers: int | None = None,
) -> None:
    """Second pass: other mentions of rule-found names (across the corpus) and surname-only
    mentions; review candidates they cover are dropped, the others described; weak gazetteer
    names are kept only beside a strong mention of the same entity in the article.

    The documents are read independently (in `workers` forked processes, see
    `engine.map_list`) and their findings applied here in document order, so the merge log is
    the same however they were split. `tokens`: documents' tokens already made."""
    learned = _learned_names(docs)
    home_iso = linker.gaz.entries[home].iso if home in linker.gaz.entries else ""
    found = map_list(
        partial(
            _propagate_docs,
            learned=learned,
            surname_index=linker.surnames,
            tokens=tokens,
            sentences=sentences,
        ),
        docs,
        workers,
    )
    for doc, result in zip(docs, found, strict=True):
        doc.pending, doc.candidates = result.pending, result.candidates
        for entry in result.log:
            linker.log(*entry)
        mentions = doc.mentions + result.mentions
        strong = {m.entity_id for m in mentions if not m.weak}
        countries = {iso for eid in strong if (iso := linker.gaz.place_iso(eid)) and iso != home_iso}
        kept = [
            m
            for m in mentions
            if not m.weak
            or m.entity_id in strong
            or _place_of_article_country(doc, m, countries, linker.gaz, tokens)
        ]
        doc.mentions = sorted(kept, key=lambda m: (m.field != "title", m.start))


def _place_of_article_country(
    doc: Document, m: Mention, countries: set[str], gaz: Gazetteer, tokens: dict[str, dict[str, WordTokens]]
) -> bool:
    """A weak place name that is a definite word in use (البيضاء "the white", الخليل "the friend")
    after a preposition of place (بالبيضاء، في الخليل: ب on it or `PLACE_PREPOSITIONS` before it)
    and before no definite word (بالغوطة الغربية is another place) is the town of a foreign country
    the article names strongly (`countries`: the country or another of its places; عدن، لحج: the
    Yemeni governorate)."""
    if m.type != "LOC" or not m.name[0].startswith("ال") or gaz.place_iso(m.entity_id) not in countries:
        return False
    field_tokens = _doc_tokens(doc, tokens)[m.field]
    first, last = _token_range(field_tokens, m)
    if last < len(field_tokens) and field_tokens.joined(last) and field_tokens.definite[last]:
        return False
    proclitic = fold_token(field_tokens.text[field_tokens.starts[first] : m.start])
    if proclitic:
        return proclitic.endswith("ب")  # بالبيضاء، وبالخليل
    return (
        first > 0 and field_tokens.joined(first) and bool(field_tokens.bare[first - 1] & PLACE_PREPOSITIONS)
    )


#: A model-found name is looked for elsewhere in the corpus when its score is at least this.
LEARN_SCORE = 0.9


def _learnable(m: Mention) -> bool:
    """A rule- or model-found name that can be recognised again elsewhere in the corpus (not a
    state's institution, `rules.STATE_INSTITUTIONS`, which its context makes one): several
    words of which none after the first is و + a common word (شكره وتقديره) unless it joins an
    organisation's ل-complements (للمواصفات والمقاييس), from a rule or
    from the labeller with a score of at least `LEARN_SCORE`; or one rare word of a foreign shape
    (place or surname shape rules), quoted after a body's head (`QUOTED_NAME_ZIPF`) or from the
    labeller, or a speaker rule the labeller agrees with, at `LEARN_ONE_WORD_SCORE`."""
    if not all(m.name) or any(is_function_word(w) for w in m.name) or m.source == INSTITUTION_SOURCE:
        return False  # ... or words that name a body only in their context (السياسة | الخارجية الأمريكية)
    score = m.confidence or 0.0
    if len(m.name) == 1:
        if word_zipf(m.name[0]) >= RARE:
            return False
        if m.source in ("rule:quoted_org", SHORT_NAME_SOURCE):
            # جماعة «فارك»، (سانلك); not لجنة «الطعون»، (تداول)
            return word_zipf(m.name[0]) < QUOTED_NAME_ZIPF
        return m.source in ("rule:place_shape", "rule:surname_shape") or (
            m.source in ("model", *SPEAKER_SOURCES) and score >= LEARN_ONE_WORD_SCORE
        )
    for k, w in enumerate(m.name[1:], 1):
        if w.startswith("و") and word_zipf(w[1:]) >= 3.0:
            if not (m.type == "ORG" and any(x.startswith("لل") for x in m.name[1:k])):
                return False  # شكره وتقديره; not الهيئة السعودية للمواصفات والمقاييس
    if m.type == "PER" and given_names().match(list(m.name), 0)[0] == len(m.name):
        return False  # a given name alone (عبد العزيز) names many persons
    if m.source == "model" and any(word_zipf(w) >= 5.0 for w in m.name):
        return False  # طيب الله، تسعة لاعبين: formulas and phrases
    if m.source.startswith("rule:quoted") and common_phrase(m.name):
        return False  # «الطيران المدني»، «هبوط اضطراري»: quoted once, a common phrase elsewhere
    return m.source.startswith(("rule", "camel")) or (m.source == "model" and score >= LEARN_SCORE)


#: Below this Zipf a body's one-word name quoted after its head (جماعة «فارك»، شركة «داماك») is
#: the body wherever it stands; a word in use quoted so is not (لجنة «الطعون» "appeals").
QUOTED_NAME_ZIPF = 3.0
#: The labeller's score for a one-word name to be looked for elsewhere.
LEARN_ONE_WORD_SCORE = 0.95
#: Sources of a speaker found by one word (وقال مارادونا في ...), which the labeller's score makes
#: learnable as its own finding would be.
SPEAKER_SOURCES = tuple(f"rule:{rule}" for rule in SPEAKER_RULES)


def _learned_names(docs: list[Document]) -> dict:
    """A word trie of the rule- and model-found names that can be recognised again elsewhere
    (`_learnable`): word ... -> END -> (entity id, type). The id is "" for a name that has an
    id its context qualifies somewhere (name@article, name@place: a sub-unit, a local body, a
    state body): found again, it is the other article's own."""
    learned: dict = {}
    for doc in docs:
        for m in doc.mentions:
            if _learnable(m):
                node = trie_node(learned, m.name)
                qualified = "@" in m.entity_id or node.get(END, ("-",))[0] == ""
                node[END] = ("" if qualified else m.entity_id, m.type)
    return learned


def _propagate_docs(
    docs: list[Document],
    *,
    learned: dict,
    surname_index: SurnameIndex,
    tokens: dict[str, dict[str, WordTokens]],
    sentences: dict[str, SentenceIndex],
) -> list[_Propagated]:
    """`_propagate`'s reading of each of `docs` (which it leaves unchanged)."""
    results = []
    for doc in docs:
        surnames: dict[str, str] = {}  # surname -> the article's person with it ("": several)
        titled: dict[str, str] = {}  # the same for words in use (الشريف), after a title or a speech verb
        persons = article_persons(doc.mentions)
        # فضل أبو العينين: a kunya that is the family's name is no other person's before the surname
        family_kunyas = frozenset(last for last, (_, full, _) in persons.items() if full[-2] in KUNYA)
        for last, (eid, _, known) in persons.items():
            if is_surname(last, KNOWN_SURNAME_ZIPF if known else SURNAME_ZIPF):
                surnames[last] = eid
            elif is_surname(last, TITLED_SURNAME_ZIPF):
                titled[last] = eid
        surnames.update(_lone_names(doc.mentions, surnames))
        fields = _doc_tokens(doc, tokens)
        result = _Propagated([], list(doc.pending), [], [])
        for field_name, field_tokens in fields.items():
            taken = [False] * len(field_tokens)
            for m in doc.mentions:
                if m.field == field_name:
                    a, b = _token_range(field_tokens, m)
                    for k in range(max(a, 0), b):
                        taken[k] = True
            _propagate_field(
                doc.doc_id,
                field_name,
                field_tokens,
                taken,
                learned,
                (surnames, titled, family_kunyas),
                surname_index,
                result,
            )
        doc_sentences = sentences.get(doc.doc_id)
        result.candidates = [_candidate(fields[f], span, f, doc_sentences) for f, span in result.pending]
        results.append(result)
    return results


#: How often an article must name a person by one word that is also in use (ريم "gazelle", a
#: given name) for that word to be the person throughout the article.
REPEATED_NAME = 3


def _lone_names(mentions: list[Mention], surnames: dict[str, str]) -> dict[str, str]:
    """One-word names the article gives a person, that no other mention of the article types
    otherwise (بوغاتي the brand) and no full name already holds: word -> entity id. A rare word
    from a rule or a sure labeller (المدرب بولوني، وقال عريقات), or a word in use below `COMMON`
    (a given name too) that the article names the person by `REPEATED_NAME` times (ريم, the girl
    of a story: the labeller found 7 of her 15 mentions)."""
    types: dict[str, set[str]] = defaultdict(set)
    persons: Counter[str] = Counter()
    for m in mentions:
        if len(m.name) == 1:
            types[m.name[0]].add(m.type)
            persons[m.name[0]] += m.type == "PER"
    found = {}
    for m in mentions:
        word = m.name[0] if len(m.name) == 1 else ""
        if m.type != "PER" or not m.entity_id or types[word] != {"PER"} or word in surnames:
            continue
        sure = m.source.startswith("rule") or (m.source == "model" and (m.confidence or 0) >= LEARN_SCORE)
        repeated = persons[word] >= REPEATED_NAME and word_zipf(word) < COMMON and not is_function_word(word)
        if (sure and is_surname(word, RARE)) or repeated:
            found.setdefault(word, m.entity_id)
    return found


@lru_cache(maxsize=100_000)
def _corpus_surname_word(form: str) -> bool:
    """A rare word shaped like a foreign surname (-وف، -سكي ...), or an indefinite word so rare
    that the word lists do not know it (تسيبراس، بروديل), which the corpus's one full name with
    it explains."""
    if form.startswith("ال") or not form.isalpha() or len(form) < 4 or given_names().match([form], 0)[0]:
        return False
    if PERSON_SHAPE.search(form):
        return word_zipf(form) < RARE and not verbal_noun(form)  # تشريف "honouring", not -ev
    # an unknown word may be an inflected one the lists lack: a dual, plural, feminine or a
    # pronoun on a noun or verb (ريالين، يؤكدان، منهزمة، صفقاتها، نجليه), or a verb in another
    # person (تعايد)
    return word_zipf(form) == 0 and not form.endswith(INFLECTED_ENDINGS) and not unknown_imperfect_verb(form)


def _propagate_field(
    doc_id: str,
    field_name: str,
    tokens: WordTokens,
    taken: list[bool],
    learned: dict,
    article_surnames: tuple[dict[str, str], dict[str, str], frozenset[str]],
    surname_index: SurnameIndex,
    result: _Propagated,
) -> None:
    """Propagated mentions of one field into `result`: the corpus's learned names, and surnames
    of the article's persons (`article_surnames`: surname -> person, the same for words in use
    after a title, and the surnames whose person's name has a kunya before them) or of the
    corpus's one full name ending with them."""
    surnames, titled, family_kunyas = article_surnames
    found = []
    for first, last, clitic, (eid, etype) in trie_matches(tokens, learned, tokens.folded) if learned else []:
        if etype == "PER" and not clitic and after_verb_particle(tokens, first):
            continue  # لم | نيأس "we did not despair"
        if not any(taken[first:last]):
            span = Span(first, last, etype, "rule", clitic)
            if not eid:  # كلية الطب found again: this article's own
                eid = f"{etype.lower()}:{'_'.join(span_text(tokens, span)[2])}@{doc_id}"
            found.append((span, eid, "learned", "same words as a rule-found name"))
            taken[first:last] = [True] * (last - first)
    for i in range(len(tokens)):
        if taken[i]:
            continue
        for clitic, form in tokens.forms(i):
            if clitic and word_zipf(tokens.folded[i]) > max(word_zipf(form) + 0.5, COMMON_WHOLE_ZIPF):
                break  # فريقي "the two teams" is no ف + the surname ريقي
            eid, in_corpus = surnames.get(form), False
            if eid is None and form in titled and after_title_or_speech(tokens, i):
                eid = titled[form]  # وأضاف الشريف، الدكتور التركي (the article's نايف الشريف ...)
            if eid is None and form in surname_index and _corpus_surname_word(form):
                eid, in_corpus = surname_index.lookup(form), True
            if not eid:
                continue
            # a verb (لم | يكن), a nationality (سوري | الجنسية), a family (عائلة | دوابشة), not
            # the article's person of that name; checked once a name is met, as most words are none
            if (
                after_verb_particle(tokens, i)
                or nationality_described(tokens, i)
                or after_family_word(tokens, i)
            ):
                break
            if _after_given_name(tokens, i):
                break  # ندى الشهراني: another person of the same family, not the one named
            # the kunya before the word, perhaps after a proclitic (لأم كلثوم): its proclitic's length
            kunya = next(
                (c for c, w in (tokens.forms(i - 1) if i > 0 and tokens.joined(i) else ()) if w in KUNYA),
                None,
            )
            if kunya is not None and form not in family_kunyas:
                break  # أبي الفرج الأصفهاني: a kunya names another person than خالد الفرج
            detail = (
                "surname of the one full name in the corpus that has it"
                if in_corpus
                else f"surname of a full name in {doc_id}"
            )
            first, first_clitic = i, clitic
            if kunya is not None:
                first, first_clitic = i - 1, kunya  # أم كلثوم: the kunya is the family's name's
            elif i > 0 and tokens.joined(i) and name_particle(tokens, i - 1):
                first, first_clitic = i - 1, 0
            found.append((Span(first, i + 1, "PER", "rule", first_clitic), eid, "surname", detail))
            taken[i] = True
            break
    for span, eid, source, detail in found:
        start, end, name = span_text(tokens, span)
        result.mentions.append(
            Mention(doc_id, field_name, start, end, tokens.text[start:end], span.type, name, source, eid)
        )
        result.log.append((eid, " ".join(name), source, detail))
    result.pending = [
        (f, s) for f, s in result.pending if f != field_name or not any(taken[s.first : s.last])
    ]


#: A word this common (Zipf) and commoner than its reading without a proclitic is not that
#: reading's surname.
COMMON_WHOLE_ZIPF = 3.0
#: A surname as frequent as this (Zipf) stands for the article's person only after a title or a
#: speech verb (وأضاف الشريف; not الحرم الشريف).
TITLED_SURNAME_ZIPF = 5.5


def _after_given_name(tokens: WordTokens, i: int) -> bool:
    """Token i follows a word that reads as a given name the recognisers did not take (a
    lexicon given name, or a rare undefined word): the surname there belongs to that name."""
    k = i - 1
    if k < 0 or not tokens.joined(i) or tokens.keyword[k] or tokens.definite[k]:
        return False
    word = tokens.folded[k]
    if word in NAME_PARTICLES or is_function_word(word) or word.isdigit():
        return False
    # a word between a speech verb or a title and the surname is a given name (وأضافت ندى الشهراني)
    after_keyword = k > 0 and tokens.joined(k) and tokens.keyword[k - 1]
    # a rare word that reads as و + a word is more often a verb (وأهاب، واستطرد) than a name
    rare_name = word_zipf(word) < RARE and not (word.startswith("و") and len(word) > 3)
    given = any(word[:c] == "و" and given_names().match([form], 0)[0] for c, form in tokens.forms(k))  # وآدم
    return after_keyword or given or bool(given_names().match(tokens.folded, k)[0]) or rare_name


def _candidate(
    tokens: WordTokens, span: Span, field_name: str, sentences: SentenceIndex | None
) -> tuple[str, str, str, str, str]:
    """A review candidate: (folded name, type, rule, surface, example: its sentence, or the
    whole field)."""
    start, end, name = span_text(tokens, span)
    k = sentences.at(start) if field_name == "body" and sentences else None
    return (
        " ".join(name),
        span.type,
        span.rule,
        tokens.text[start:end],
        (sentences.texts[k] if k is not None else tokens.text),
    )


def _tables(docs: list[Document], linker: _Linker, sentences: dict[str, SentenceIndex]) -> EntityTables:
    gaz = linker.gaz
    surfaces: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for m in doc.mentions:
            surfaces[m.entity_id][m.surface] += 1
    info = {}
    for eid, counts in surfaces.items():
        entry = gaz.entries.get(eid)
        if entry:
            info[eid] = (entry.canonical, entry.name_en, entry.wikidata)
        else:
            info[eid] = (min(counts, key=lambda s: (-counts[s], s)), "", "")
    mentions = [m for doc in docs for m in doc.mentions]
    sentence_ids = []
    for doc in docs:
        sents = sentences.get(doc.doc_id)
        for m in doc.mentions:
            sentence_ids.append(sents.id_at(m.start) if sents and m.field == "body" else None)
    values = {
        name: [getattr(m, name) for m in mentions]
        for name in ("doc_id", "entity_id", "type", "surface", "start", "end", "source", "field")
    }
    values["confidence"] = pd.array([m.confidence for m in mentions], dtype="Float64")
    values["canonical"] = [info[eid][0] for eid in values["entity_id"]]
    values["name_en"] = [info[eid][1] for eid in values["entity_id"]]
    values["sentence_id"] = pd.array(sentence_ids, dtype="Int64")
    entities = pd.DataFrame(values, columns=columns("entities"))
    types: dict[str, Counter] = defaultdict(Counter)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for doc_id, eid, etype in zip(values["doc_id"], values["entity_id"], values["type"], strict=True):
        types[eid][etype] += 1
        docs_of[eid].add(doc_id)
    catalogue = pd.DataFrame(
        [
            [
                eid,
                min(types[eid], key=lambda t: (-types[eid][t], t)),
                *info[eid][:2],
                info[eid][2],
                "|".join(sorted(surfaces[eid])),
                len(docs_of[eid]),
                sum(surfaces[eid].values()),
            ]
            for eid in sorted(surfaces)
        ],
        columns=columns("entity_catalogue"),
    )
    merges = pd.DataFrame(
        [[m.entity_id, m.variant, m.reason, m.detail] for m in linker.merges.values()],
        columns=columns("entity_merges"),
    )
    merges = merges.sort_values(["entity_id", "variant"], ignore_index=True)
    return EntityTables(entities, catalogue, _candidates(docs), merges)


def _candidates(docs: list[Document]) -> pd.DataFrame:
    groups: dict[tuple[str, str, str], dict] = {}
    for doc in docs:
        for name, etype, rule, surface, example in doc.candidates:
            group = groups.setdefault(
                (name, etype, rule), {"surface": surface, "n": 0, "docs": set(), "example": example}
            )
            group["n"] += 1
            group["docs"].add(doc.doc_id)
    rows = [
        [g["surface"], etype, rule, g["n"], len(g["docs"]), "|".join(sorted(g["docs"])), g["example"]]
        for (_, etype, rule), g in sorted(groups.items())
    ]
    frame = pd.DataFrame(rows, columns=columns("entity_candidates"))
    return frame.sort_values(["n_mentions", "surface"], ascending=[False, True], ignore_index=True)
