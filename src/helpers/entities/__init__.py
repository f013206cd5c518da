"""Who and what each article names: entity mentions, one id per real-world entity.

`extract_entities(documents, sentences)` searches each article's title and body (never page
boilerplate) with, in order of trust:
1. the gazetteer (`gazetteer`): exact folded names, proclitics stripped (و ف ب ك ل, لل = ل+ال),
   longest match first, then consonant-skeleton matches for transliteration variants;
2. rules for names no list knows (`entity_rules`);
3. CAMeL Tools' NER model when its data is installed (`camel_ner`).
One span is one entity (the longest wins: a place inside a person's name is the person's).
Then names are linked across the corpus (`linking`): gazetteer ids, skeleton keys within a type,
surname-only mentions to the full name met in the article or the corpus, rule-found names
propagated to their other mentions. Every linking decision is in `EntityTables.merges`.

The two steps are separate functions for the engines: `recognise` works on each document alone
(run in batches by `engine.map_partitions`), `link` on the whole corpus; `extract_entities` is
the two in one call.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial

import pandas as pd

from helpers.catalog import columns
from helpers.core.engine import map_list
from helpers.core.text import SentenceIndex, index_sentences
from helpers.core.words import fold_token, is_function_word, word_zipf
from helpers.entities import camel_ner
from helpers.entities.gazetteer import END, WORD, Alias, Gazetteer, load_gazetteer
from helpers.entities.name_keys import (
    MIN_SKELETON,
    Merge,
    RuleEntityIndex,
    SurnameIndex,
    is_surname,
    skeleton_key,
    skeleton_length,
    token_skeleton,
)
from helpers.entities.rules import NAME_PARTICLES, PERSON_SHAPE, RARE, Tokens, find_rule_spans

#: What `recognise` passes to `link`: one row per mention (name: its folded words; reason and
#: detail: the merge-log entry of a gazetteer match) and per unconfirmed rule span.
MENTION_COLUMNS = ["doc_id", "field", "start", "end", "surface", "type", "name", "source", "entity_id",
                   "weak", "clitic_readings", "reason", "detail"]
PENDING_COLUMNS = ["doc_id", "field", "first", "last", "type", "rule", "clitic"]
# Source priority when spans of equal length overlap (lower wins); already chosen spans first.
_PRIORITY = {"gazetteer": 0, "rule": 1, "skeleton": 2, "camel_ner": 3}


@dataclass
class EntityTables:
    entities: pd.DataFrame
    catalogue: pd.DataFrame
    candidates: pd.DataFrame
    merges: pd.DataFrame


@dataclass(slots=True)
class _Span:
    """A proposed mention: tokens [first, last) of one field."""

    first: int
    last: int
    type: str
    source: str
    clitic: int = 0
    alias: Alias | None = None
    rule: str = ""
    hint: str = ""

    @property
    def length(self) -> int:
        return self.last - self.first


@dataclass(slots=True)
class _Mention:
    doc_id: str
    field: str
    start: int
    end: int
    surface: str
    type: str
    name: tuple[str, ...]
    source: str
    entity_id: str = ""
    weak: bool = False
    clitic_readings: tuple[tuple[int, str], ...] = ()


@dataclass
class _Document:
    """One document while it is linked: its field texts (tokens are made one document at a time,
    so the corpus' tokens are never all in memory), mentions, unconfirmed spans and, once
    propagated, its review candidates as (name, type, rule, surface, example)."""

    doc_id: str
    texts: dict[str, str]
    mentions: list[_Mention] = field(default_factory=list)
    pending: list[tuple[str, _Span]] = field(default_factory=list)
    candidates: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def tokenize(text: str) -> Tokens:
    """Word tokens of a text with their offsets and folded forms."""
    matches = list(WORD.finditer(text))
    return Tokens(text, [m.group() for m in matches], [m.start() for m in matches],
                  [m.end() for m in matches])


#: The longest name a trie match may have, in words.
MAX_NAME_WORDS = 6


def _trie_matches(tokens: Tokens, trie: dict, keys: list[str], skeleton: bool = False) -> list[
        tuple[int, int, int, object]]:
    """Longest trie match at each token as (first, last, proclitic length, value): a word trie
    (word -> word ... -> END -> value) walked from each token over the words joined to it
    (`keys`, the words as the trie knows them). The first word may carry a proclitic (not in
    `skeleton` mode, where `keys` are skeletons). A word that folds to nothing (a lone tatweel
    or diacritic) is never a key: `END` is the empty string."""
    matches = []
    n = len(keys)
    joins, folded = tokens.joins, tokens.folded
    for i in range(n):
        best_length, best = 0, None
        for clitic, first in ((0, keys[i]),) if skeleton else tokens.readings[i]:
            node = trie.get(first) if first else None
            if node is None or (clitic and word_zipf(folded[i]) > word_zipf(first) + 0.5):
                continue  # كبيرا is a word, not ك + بيرا
            k = i
            while True:
                value = node.get(END)
                if value and k - i + 1 > best_length:
                    best_length, best = k - i + 1, (value, clitic)
                k += 1
                if k >= n or k - i >= MAX_NAME_WORDS or not joins[k] or not keys[k]:
                    break
                node = node.get(keys[k])
                if node is None:
                    break
        if best_length:
            matches.append((i, i + best_length, best[1], best[0]))
    return matches


def _skeleton_ok(tokens: Tokens, span: _Span, gaz: Gazetteer) -> bool:
    """A skeleton match must be long enough, made of rare words, and not a relational adjective
    when no name of the entity ends like one (أمريكي is not أمريكا)."""
    words = [tokens.forms(span.first)[0][1] if not span.clitic else
             next(f for c, f in tokens.forms(span.first) if c == span.clitic)]
    words += tokens.folded[span.first + 1:span.last]
    if skeleton_length(skeleton_key(words)) < MIN_SKELETON:
        return False
    if any(word_zipf(w) >= RARE or is_function_word(w) for w in words):
        return False
    last = words[-1]
    if last.endswith(("ي", "يه", "يين", "يون")):
        names = gaz.entries[span.hint].aliases
        return any(fold_token(a).endswith(last[-1]) for a in names)
    return True


def _select(spans: list[_Span], n_tokens: int) -> list[_Span]:
    """Non-overlapping spans: non-model spans first, then longest, then by source priority,
    then leftmost."""
    taken = [False] * n_tokens
    chosen = []
    order = sorted(spans, key=lambda s: (s.source == "camel_ner", -s.length, _PRIORITY[s.source], s.first))
    for span in order:
        if not any(taken[span.first:span.last]):
            chosen.append(span)
            for k in range(span.first, span.last):
                taken[k] = True
    return sorted(chosen, key=lambda s: s.first)


def _recognise(tokens: Tokens, gaz: Gazetteer, camel_spans: list[tuple[int, int, str]]) -> tuple[
        list[_Span], list[_Span]]:
    """Accepted spans and unconfirmed rule spans of one field."""
    exact = [_Span(a, b, gaz.entries[alias.entity_id].type, "gazetteer", c, alias)
             for a, b, c, alias in _trie_matches(tokens, gaz.trie, tokens.folded)]
    skeletons = [token_skeleton(w) for w in tokens.folded]
    fuzzy = [_Span(a, b, gaz.entries[eid].type, "skeleton", c, hint=eid)
             for a, b, c, eid in _trie_matches(tokens, gaz.skeleton_trie, skeletons, skeleton=True)]
    fuzzy = [s for s in fuzzy if _skeleton_ok(tokens, s, gaz)]
    known = _with_neighbours(tokens, gaz, _select(exact + fuzzy, len(tokens)))
    covered: list[str | None] = [None] * len(tokens)
    for span in known:
        for k in range(span.first, span.last):
            covered[k] = span.type

    def capital_of(i: int) -> str | None:
        span = next((s for s in known if s.first <= i < s.last), None)
        entity = span.alias.entity_id if span and span.alias else (span.hint if span else "")
        return gaz.capital_of(entity) if entity else None

    rule_spans = find_rule_spans(tokens, covered, capital_of)
    spans = list(known)
    unconfirmed = []
    for r in rule_spans:
        span = _Span(r.first, r.last, r.type, "rule", r.clitic, None, r.rule, r.hint)
        (spans if r.confirmed else unconfirmed).append(span)
    chosen = _select(spans, len(tokens))
    # the model's spans only fill what the gazetteer and the rules left
    chosen = _select(chosen + [_Span(a, b, t, "camel_ner") for a, b, t in camel_spans], len(tokens))
    taken = [False] * len(tokens)
    for span in chosen:
        for k in range(span.first, span.last):
            taken[k] = True
    unconfirmed = [s for s in unconfirmed if not any(taken[s.first:s.last])]
    return chosen, unconfirmed


#: Words before a place's name that are part of it (سان بطرسبورغ، سانت لويس).
PLACE_PREFIXES = frozenset(fold_token(w) for w in ("سان", "سانت", "سانتا"))
#: Adjectives after an organisation's name that make it another one (مجلس الأمن القومي), as
#: nationalities do (مجلس الأمن الروسي: `Gazetteer.nationality`).
ORG_QUALIFIERS = frozenset(fold_token(w) for w in ("القومي", "القومية", "الوطني", "الوطنية"))


def _with_neighbours(tokens: Tokens, gaz: Gazetteer, spans: list[_Span]) -> list[_Span]:
    """Gazetteer spans adjusted by the word beside them: a place's name takes a San / Saint word
    before it (سان بطرسبورغ, a spelling the gazetteer lacks); an organisation's name followed by
    a national qualifier or a nationality names another organisation (مجلس الأمن القومي is not
    the UN Security Council), left to the rules' linking. Names the gazetteer has whole
    (مجلس الأمن الدولي، مجلس الأمن الروسي) were matched whole before this."""
    taken = {k for span in spans for k in range(span.first, span.last)}
    adjusted = []
    for span in spans:
        before, after = span.first - 1, span.last
        if span.type == "LOC" and not span.clitic and before >= 0 and before not in taken and tokens.joined(
                span.first):
            clitic = next((c for c, form in tokens.forms(before) if form in PLACE_PREFIXES), None)
            if clitic is not None:
                span = replace(span, first=before, clitic=clitic)
        elif (span.type == "ORG" and after < len(tokens) and after not in taken and tokens.joined(after)
              and (tokens.folded[after] in ORG_QUALIFIERS or gaz.nationality(tokens.folded[after]))):
            span = _Span(span.first, after + 1, "ORG", "rule", span.clitic, rule="org_qualified")
        adjusted.append(span)
    return adjusted


def _span_text(tokens: Tokens, span: _Span) -> tuple[int, int, tuple[str, ...]]:
    """Character offsets of a span without its proclitic, and its folded words."""
    start = tokens.starts[span.first]
    first = tokens.folded[span.first]
    if span.clitic and first[span.clitic - 1:span.clitic + 1] == "لل":
        # ل + ال written لل: the article's alef is not in the text, keep the word whole
        first = "ا" + first[span.clitic:]
    elif span.clitic:
        raw = tokens.raw[span.first]
        consumed = 0
        for k, ch in enumerate(raw):
            if consumed >= span.clitic:
                start += k
                break
            consumed += len(fold_token(ch))
        first = first[span.clitic:]
    name = (first, *tokens.folded[span.first + 1:span.last])
    return start, tokens.ends[span.last - 1], name


class _Linker:
    """Gives mentions their entity ids and records why."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.rule_ids = RuleEntityIndex()
        self.surnames = SurnameIndex()
        self.merges: dict[tuple[str, str], Merge] = {}

    def log(self, entity_id: str, variant: str, reason: str, detail: str) -> None:
        self.merges.setdefault((entity_id, variant), Merge(entity_id, variant, reason, detail))

    def known(self, name: tuple[str, ...], etype: str, hint: str = "", near: bool = True) -> tuple[
            str, str, str] | None:
        """Gazetteer entity for a name found otherwise: (id, reason, detail) or None."""
        alias = self.gaz.lookup(name)
        if alias and self.gaz.entries[alias.entity_id].type == etype and not alias.weak:
            return alias.entity_id, "alias", alias.how
        key = skeleton_key(name)
        if skeleton_length(key) >= MIN_SKELETON:
            found = self.gaz.skeleton_lookup(key, etype)
            if found:
                return found, "skeleton", f"skeleton '{key}' of a {etype} name in the gazetteer"
        if hint and self.gaz.entries.get(hint) and self.gaz.entries[hint].type == etype:
            return hint, "context", "named as the capital of the country that follows"
        if near and etype in ("LOC", "PER") and len(name) <= 2:
            found = self.gaz.near_lookup(key, etype)
            if found:
                return found, "near_skeleton", f"skeleton '{key}' one letter from a gazetteer name"
        return None

    def rule_entity(self, name: tuple[str, ...], etype: str) -> tuple[str, str, str]:
        eid, merged = self.rule_ids.entity_id(etype, name)
        if merged:
            return eid, "skeleton", f"same {etype} skeleton '{skeleton_key(name)}' as another rule-found name"
        return eid, "rule", "found by rules"


def _documents(documents: pd.DataFrame) -> list[tuple[str, str, str]]:
    rows = []
    for rec in documents.to_dict("records"):
        title = rec.get("title")
        body = rec.get("body")
        rows.append((str(rec["doc_id"]), title if isinstance(title, str) else "",
                     body if isinstance(body, str) else ""))
    return sorted(rows)


def _camel_token_spans(tokens: Tokens, char_spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out = []
    for start, end, etype in char_spans:
        a = bisect.bisect_left(tokens.starts, start)
        b = bisect.bisect_left(tokens.starts, end)
        if a < b:
            out.append((a, b, etype))
    return out


def camel_setting(use_camel_ner: bool | None) -> bool:
    """Whether to use CAMeL NER: None means iff its data is installed; True without the data is an
    error."""
    if use_camel_ner is None:
        return camel_ner.available()
    if use_camel_ner and not camel_ner.available():
        raise RuntimeError(f"CAMeL Tools NER data is not installed under {camel_ner.data_dir()}")
    return bool(use_camel_ner)


def recognise(documents: pd.DataFrame, sentences: pd.DataFrame, *, use_camel_ner: bool = False,
              tokens_out: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-document recognition (each document on its own, so any batch of documents gives the
    rows of those documents): the mentions of each title and body (`MENTION_COLUMNS`; gazetteer
    names carry their entity id and merge-log reason, rule and CAMeL names are linked by `link`)
    and the unconfirmed rule spans (`PENDING_COLUMNS`, the review candidates). In one process,
    `tokens_out` (a dict) receives each document's tokens so that `link` need not redo them."""
    gaz = load_gazetteer()
    by_doc = index_sentences(sentences) if use_camel_ner else {}
    mentions, pending = [], []
    for doc_id, title, body in _documents(documents):
        for field_name, text in (("title", title), ("body", body)):
            tokens = tokenize(text)
            if tokens_out is not None:
                tokens_out.setdefault(doc_id, {})[field_name] = tokens
            camel = []
            if use_camel_ner and field_name == "body" and doc_id in by_doc:
                camel = _camel_token_spans(tokens, camel_ner.body_spans(by_doc[doc_id]))
            chosen, unconfirmed = _recognise(tokens, gaz, camel)
            for span in chosen:
                start, end, name = _span_text(tokens, span)
                source = span.source if span.source != "rule" else f"rule:{span.rule}"
                readings = (tuple(tokens.forms(span.first)[1:]) if span.source == "rule" and not span.clitic
                            else ())
                entity_id, reason, detail = span.hint, None, None  # rule ids: resolved by `link`
                if span.alias:
                    entity_id, reason, detail = span.alias.entity_id, "alias", span.alias.how
                elif span.source == "skeleton":
                    reason, detail = "skeleton", f"skeleton '{skeleton_key(name)}' of a gazetteer name"
                mentions.append([doc_id, field_name, start, end, tokens.text[start:end], span.type, name,
                                 source, entity_id, bool(span.alias and span.alias.weak), readings, reason,
                                 detail])
            pending += [[doc_id, field_name, s.first, s.last, s.type, s.rule, s.clitic] for s in unconfirmed]
    return (pd.DataFrame(mentions, columns=MENTION_COLUMNS, dtype=object),
            pd.DataFrame(pending, columns=PENDING_COLUMNS, dtype=object))


def link(documents: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame, pending: pd.DataFrame,
         tokens: dict | None = None, workers: int | None = None) -> EntityTables:
    """Corpus-level linking of `recognise`'s rows (of all the documents, in any order): entity ids
    for rule and CAMeL names, names propagated across the corpus (each document's reading in one
    of `workers` local processes, see `engine.map_list`), then the four tables."""
    linker = _Linker(load_gazetteer())
    mentions_of, logs_of = _mentions_by_doc(mentions)
    pending_of = _pending_by_doc(pending)
    sentence_index = index_sentences(sentences)
    docs = []
    for doc_id, title, body in _documents(documents):
        docs.append(_Document(doc_id, {"title": title, "body": body}, mentions_of.get(doc_id, []),
                              pending_of.get(doc_id, [])))
        for entry in logs_of.get(doc_id, ()):
            linker.log(*entry)
    _link_rule_mentions(docs, linker)
    _propagate(docs, linker, tokens or {}, sentence_index, workers)
    return _tables(docs, linker, sentence_index)


def _mentions_by_doc(frame: pd.DataFrame) -> tuple[dict[str, list[_Mention]], dict[str, list[tuple]]]:
    """`recognise`'s mention rows as `_Mention`s grouped by document (in frame order), and the
    merge-log entries of its gazetteer matches (one pass over plain column lists: pandas'
    per-row access would cost more than the linking itself)."""
    mentions: dict[str, list[_Mention]] = defaultdict(list)
    logs: dict[str, list[tuple]] = defaultdict(list)
    columns = [frame[c].tolist() for c in MENTION_COLUMNS]
    for doc_id, fld, start, end, surface, etype, name, source, eid, weak, readings, reason, detail in zip(
            *columns, strict=True):
        doc_id, name = str(doc_id), tuple(name)
        mentions[doc_id].append(_Mention(doc_id, fld, int(start), int(end), surface, etype, name, source, eid,
                                         bool(weak), tuple(readings)))
        if isinstance(reason, str):
            logs[doc_id].append((eid, " ".join(name), reason, detail))
    return mentions, logs


def _pending_by_doc(frame: pd.DataFrame) -> dict[str, list[tuple[str, _Span]]]:
    """`recognise`'s unconfirmed rule spans as (field, span) grouped by document."""
    pending: dict[str, list[tuple[str, _Span]]] = defaultdict(list)
    columns = [frame[c].tolist() for c in PENDING_COLUMNS]
    for doc_id, fld, first, last, etype, rule, clitic in zip(*columns, strict=True):
        span = _Span(int(first), int(last), etype, "rule", int(clitic), rule=rule)
        pending[str(doc_id)].append((fld, span))
    return pending


def extract_entities(documents: pd.DataFrame, sentences: pd.DataFrame, *,
                     use_camel_ner: bool | None = None) -> EntityTables:
    """Entity mentions, catalogue, review candidates and merge log for a corpus: `recognise`
    then `link` in one call, in this process.

    `documents`: doc_id, title, body; `sentences`: doc_id, sentence_id, start, end, text
    (offsets into body). `use_camel_ner`: None = use CAMeL NER iff its data is installed."""
    tokens: dict = {}
    mentions, pending = recognise(documents, sentences, use_camel_ner=camel_setting(use_camel_ner),
                                  tokens_out=tokens)
    return link(documents, sentences, mentions, pending, tokens, workers=1)


def _link_rule_mentions(docs: list[_Document], linker: _Linker) -> None:
    """Ids for rule / CAMeL mentions: gazetteer, then full names met in the article, then the
    corpus index of rule-found names (multi-word names first, so surnames find them)."""
    for doc in docs:
        for m in doc.mentions:
            if m.source in ("gazetteer", "skeleton") and m.type == "PER":
                linker.surnames.add(m.entity_id, m.name)
    for doc in docs:
        todo = [m for m in doc.mentions if m.source not in ("gazetteer", "skeleton")]
        for m in sorted(todo, key=lambda m: -len(m.name)):
            found = linker.known(m.name, m.type, m.entity_id, near=False)
            for clitic, rest in m.clitic_readings if found is None else ():
                found = linker.known((rest, *m.name[1:]), m.type, near=False)
                if found:  # وكازخستان: و + a known name
                    raw = doc.texts[m.field][m.start:m.end]
                    skip = next(k for k in range(len(raw) + 1) if len(fold_token(raw[:k])) >= clitic)
                    m.start, m.surface, m.name = m.start + skip, raw[skip:], (rest, *m.name[1:])
                    break
            if found is None:
                found = linker.known(m.name, m.type)
            if found is None and m.type == "PER" and len(m.name) == 1:
                found = _surname_in(doc, m.name[0])
            if found is None:
                found = linker.rule_entity(m.name, m.type)
            m.entity_id = found[0]
            linker.log(found[0], " ".join(m.name), found[1], found[2])
            if m.type == "PER":
                linker.surnames.add(m.entity_id, m.name)


def _surname_in(doc: _Document, surname: str) -> tuple[str, str, str] | None:
    if not is_surname(surname):
        return None
    for m in doc.mentions:
        if m.type == "PER" and len(m.name) >= 2 and m.name[-1] == surname and m.entity_id:
            return m.entity_id, "surname", f"surname of '{' '.join(m.name)}' in {doc.doc_id}"
    return None


@dataclass
class _Propagated:
    """What the second pass found in one document: new mentions, the unconfirmed spans left, the
    review candidates and the merge-log entries (entity id, variant, reason, detail), in order."""

    mentions: list[_Mention]
    pending: list[tuple[str, _Span]]
    candidates: list[tuple[str, str, str, str, str]]
    log: list[tuple[str, str, str, str]]


def _propagate(docs: list[_Document], linker: _Linker, tokens: dict[str, dict[str, Tokens]],
               sentences: dict[str, SentenceIndex], workers: int | None = None) -> None:
    """Second pass: other mentions of rule-found names (across the corpus) and surname-only
    mentions; review candidates they cover are dropped, the others described; weak gazetteer
    names are kept only beside a strong mention of the same entity in the article.

    The documents are read independently (in `workers` forked processes, see
    `engine.map_list`) and their findings applied here in document order, so the merge log is
    the same however they were split. `tokens`: documents' tokens already made."""
    learned = _learned_names(docs)
    found = map_list(partial(_propagate_docs, learned=learned, surname_index=linker.surnames, tokens=tokens,
                             sentences=sentences), docs, workers)
    for doc, result in zip(docs, found, strict=True):
        doc.pending, doc.candidates = result.pending, result.candidates
        for entry in result.log:
            linker.log(*entry)
        mentions = doc.mentions + result.mentions
        strong = {m.entity_id for m in mentions if not m.weak}
        kept = [m for m in mentions if not m.weak or m.entity_id in strong]
        doc.mentions = sorted(kept, key=lambda m: (m.field != "title", m.start))


def _learned_names(docs: list[_Document]) -> dict:
    """A word trie of the rule-found names that can be recognised again elsewhere (several words,
    or one rare word): word ... -> END -> (entity id, type)."""
    learned: dict = {}
    for doc in docs:
        for m in doc.mentions:
            if (m.source.startswith(("rule", "camel")) and all(m.name)
                    and (len(m.name) >= 2 or word_zipf(m.name[0]) < RARE)):
                node = learned
                for word in m.name:
                    node = node.setdefault(word, {})
                node[END] = (m.entity_id, m.type)
    return learned


def _propagate_docs(docs: list[_Document], *, learned: dict, surname_index: SurnameIndex,
                    tokens: dict[str, dict[str, Tokens]],
                    sentences: dict[str, SentenceIndex]) -> list[_Propagated]:
    """`_propagate`'s reading of each of `docs` (which it leaves unchanged)."""
    results = []
    for doc in docs:
        surnames: dict[str, str] = {}
        for m in doc.mentions:
            if m.type == "PER" and len(m.name) >= 2 and is_surname(m.name[-1]):
                surnames.setdefault(m.name[-1], m.entity_id)
        fields = tokens.get(doc.doc_id) or {f: tokenize(t) for f, t in doc.texts.items()}
        result = _Propagated([], list(doc.pending), [], [])
        for field_name, field_tokens in fields.items():
            taken = [False] * len(field_tokens)
            for m in doc.mentions:
                if m.field == field_name:
                    a = bisect.bisect_right(field_tokens.starts, m.start) - 1
                    b = bisect.bisect_left(field_tokens.starts, m.end)
                    for k in range(max(a, 0), b):
                        taken[k] = True
            _propagate_field(doc.doc_id, field_name, field_tokens, taken, learned, surnames, surname_index,
                             result)
        doc_sentences = sentences.get(doc.doc_id)
        result.candidates = [_candidate(fields[f], span, f, doc_sentences) for f, span in result.pending]
        results.append(result)
    return results


@lru_cache(maxsize=100_000)
def _foreign_surname(form: str) -> bool:
    """A rare word shaped like a foreign surname (-وف، -سكي ...)."""
    return bool(PERSON_SHAPE.search(form)) and word_zipf(form) < RARE


def _propagate_field(doc_id: str, field_name: str, tokens: Tokens, taken: list[bool], learned: dict,
                     surnames: dict[str, str], surname_index: SurnameIndex, result: _Propagated) -> None:
    found = []
    for first, last, clitic, (eid, etype) in _trie_matches(tokens, learned, tokens.folded) if learned else []:
        if not any(taken[first:last]):
            found.append((_Span(first, last, etype, "rule", clitic), eid, "learned",
                          "same words as a rule-found name"))
            taken[first:last] = [True] * (last - first)
    for i in range(len(tokens)):
        if taken[i]:
            continue
        for clitic, form in tokens.forms(i):
            eid, in_corpus = surnames.get(form), False
            if eid is None and _foreign_surname(form):
                eid, in_corpus = surname_index.lookup(form), True
            if eid:
                detail = ("surname of the one full name in the corpus that has it" if in_corpus
                          else f"surname of a full name in {doc_id}")
                first = i - 1 if i > 0 and tokens.joined(i) and tokens.folded[i - 1] in NAME_PARTICLES else i
                found.append((_Span(first, i + 1, "PER", "rule", clitic if first == i else 0), eid, "surname",
                              detail))
                taken[i] = True
                break
    for span, eid, source, detail in found:
        start, end, name = _span_text(tokens, span)
        result.mentions.append(_Mention(doc_id, field_name, start, end, tokens.text[start:end], span.type,
                                        name, source, eid))
        result.log.append((eid, " ".join(name), source, detail))
    result.pending = [(f, s) for f, s in result.pending if f != field_name or not any(taken[s.first:s.last])]


def _candidate(tokens: Tokens, span: _Span, field_name: str, sentences: SentenceIndex | None) -> tuple[
        str, str, str, str, str]:
    """A review candidate: (folded name, type, rule, surface, example: its sentence, or the
    whole field)."""
    start, end, name = _span_text(tokens, span)
    k = sentences.at(start) if field_name == "body" and sentences else None
    return " ".join(name), span.type, span.rule, tokens.text[start:end], (
        sentences.texts[k] if k is not None else tokens.text)


def _tables(docs: list[_Document], linker: _Linker, sentences: dict[str, SentenceIndex]) -> EntityTables:
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
    values = {name: [getattr(m, name) for m in mentions]
               for name in ("doc_id", "entity_id", "type", "surface", "start", "end", "source", "field")}
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
        [[eid, min(types[eid], key=lambda t: (-types[eid][t], t)), *info[eid][:2], info[eid][2],
          "|".join(sorted(surfaces[eid])), len(docs_of[eid]), sum(surfaces[eid].values())]
         for eid in sorted(surfaces)], columns=columns("entity_catalogue"))
    merges = pd.DataFrame([[m.entity_id, m.variant, m.reason, m.detail] for m in linker.merges.values()],
                          columns=columns("entity_merges"))
    merges = merges.sort_values(["entity_id", "variant"], ignore_index=True)
    return EntityTables(entities, catalogue, _candidates(docs), merges)


def _candidates(docs: list[_Document]) -> pd.DataFrame:
    groups: dict[tuple[str, str, str], dict] = {}
    for doc in docs:
        for name, etype, rule, surface, example in doc.candidates:
            group = groups.setdefault((name, etype, rule), {"surface": surface, "n": 0, "docs": set(),
                                                            "example": example})
            group["n"] += 1
            group["docs"].add(doc.doc_id)
    rows = [[g["surface"], etype, rule, g["n"], len(g["docs"]), "|".join(sorted(g["docs"])), g["example"]]
            for (_, etype, rule), g in sorted(groups.items())]
    frame = pd.DataFrame(rows, columns=columns("entity_candidates"))
    return frame.sort_values(["n_mentions", "surface"], ascending=[False, True], ignore_index=True)
