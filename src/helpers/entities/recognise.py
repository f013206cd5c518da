"""Per-document recognition: gazetteer names (exact, then consonant skeletons), rule names and
CAMeL NER spans in each title and body, one span per entity (the longest wins)."""

from __future__ import annotations

import bisect
from dataclasses import replace

import pandas as pd

from helpers.core.text import index_sentences
from helpers.core.words import fold_token, is_function_word, word_zipf
from helpers.entities import camel_ner
from helpers.entities.gazetteer import END, Gazetteer, load_gazetteer
from helpers.entities.name_keys import MIN_SKELETON, skeleton_key, skeleton_length, token_skeleton
from helpers.entities.rules import RARE, WordTokens, find_rule_spans
from helpers.entities.spans import Span, documents_of, word_tokens

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
]


PENDING_COLUMNS = ["doc_id", "field", "first", "last", "type", "rule", "clitic"]


# Source priority when spans of equal length overlap (lower wins); already chosen spans first.
_PRIORITY = {"gazetteer": 0, "rule": 1, "skeleton": 2, "camel_ner": 3}


#: The longest name a trie match may have, in words.
MAX_NAME_WORDS = 6


def trie_matches(
    tokens: WordTokens, trie: dict, keys: list[str], skeleton: bool = False
) -> list[tuple[int, int, int, object]]:
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


def _skeleton_ok(tokens: WordTokens, span: Span, gaz: Gazetteer) -> bool:
    """A skeleton match must be long enough, made of rare words, and not a relational adjective
    when no name of the entity ends like one (أمريكي is not أمريكا)."""
    words = [
        tokens.forms(span.first)[0][1]
        if not span.clitic
        else next(f for c, f in tokens.forms(span.first) if c == span.clitic)
    ]
    words += tokens.folded[span.first + 1 : span.last]
    if skeleton_length(skeleton_key(words)) < MIN_SKELETON:
        return False
    if any(word_zipf(w) >= RARE or is_function_word(w) for w in words):
        return False
    last = words[-1]
    if last.endswith(("ي", "يه", "يين", "يون")):
        names = gaz.entries[span.hint].aliases
        return any(fold_token(a).endswith(last[-1]) for a in names)
    return True


def _select(spans: list[Span], n_tokens: int) -> list[Span]:
    """Non-overlapping spans: non-model spans first, then longest, then by source priority,
    then leftmost."""
    taken = [False] * n_tokens
    chosen = []
    order = sorted(spans, key=lambda s: (s.source == "camel_ner", -s.length, _PRIORITY[s.source], s.first))
    for span in order:
        if not any(taken[span.first : span.last]):
            chosen.append(span)
            for k in range(span.first, span.last):
                taken[k] = True
    return sorted(chosen, key=lambda s: s.first)


def _recognise(
    tokens: WordTokens, gaz: Gazetteer, camel_spans: list[tuple[int, int, str]]
) -> tuple[list[Span], list[Span]]:
    """Accepted spans and unconfirmed rule spans of one field."""
    exact = [
        Span(a, b, gaz.entries[alias.entity_id].type, "gazetteer", c, alias)
        for a, b, c, alias in trie_matches(tokens, gaz.trie, tokens.folded)
    ]
    skeletons = [token_skeleton(w) for w in tokens.folded]
    fuzzy = [
        Span(a, b, gaz.entries[eid].type, "skeleton", c, hint=eid)
        for a, b, c, eid in trie_matches(tokens, gaz.skeleton_trie, skeletons, skeleton=True)
    ]
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
        span = Span(r.first, r.last, r.type, "rule", r.clitic, None, r.rule, r.hint)
        (spans if r.confirmed else unconfirmed).append(span)
    chosen = _select(spans, len(tokens))
    # the model's spans only fill what the gazetteer and the rules left
    chosen = _select(chosen + [Span(a, b, t, "camel_ner") for a, b, t in camel_spans], len(tokens))
    taken = [False] * len(tokens)
    for span in chosen:
        for k in range(span.first, span.last):
            taken[k] = True
    unconfirmed = [s for s in unconfirmed if not any(taken[s.first : s.last])]
    return chosen, unconfirmed


#: Words before a place's name that are part of it (سان بطرسبورغ، سانت لويس).
PLACE_PREFIXES = frozenset(fold_token(w) for w in ("سان", "سانت", "سانتا"))


#: Adjectives after an organisation's name that make it another one (مجلس الأمن القومي), as
#: nationalities do (مجلس الأمن الروسي: `Gazetteer.nationality`).
ORG_QUALIFIERS = frozenset(fold_token(w) for w in ("القومي", "القومية", "الوطني", "الوطنية"))


def _with_neighbours(tokens: WordTokens, gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """Gazetteer spans adjusted by the word beside them: a place's name takes a San / Saint word
    before it (سان بطرسبورغ, a spelling the gazetteer lacks); an organisation's name followed by
    a national qualifier or a nationality names another organisation (مجلس الأمن القومي is not
    the UN Security Council), left to the rules' linking. Names the gazetteer has whole
    (مجلس الأمن الدولي، مجلس الأمن الروسي) were matched whole before this."""
    taken = {k for span in spans for k in range(span.first, span.last)}
    adjusted = []
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
            and after < len(tokens)
            and after not in taken
            and tokens.joined(after)
            and (tokens.folded[after] in ORG_QUALIFIERS or gaz.nationality(tokens.folded[after]))
        ):
            span = Span(span.first, after + 1, "ORG", "rule", span.clitic, rule="org_qualified")
        adjusted.append(span)
    return adjusted


def span_text(tokens: WordTokens, span: Span) -> tuple[int, int, tuple[str, ...]]:
    """Character offsets of a span without its proclitic, and its folded words."""
    start = tokens.starts[span.first]
    first = tokens.folded[span.first]
    if span.clitic and first[span.clitic - 1 : span.clitic + 1] == "لل":
        # ل + ال written لل: the article's alef is not in the text, keep the word whole
        first = "ا" + first[span.clitic :]
    elif span.clitic:
        raw = tokens.raw[span.first]
        consumed = 0
        for k, ch in enumerate(raw):
            if consumed >= span.clitic:
                start += k
                break
            consumed += len(fold_token(ch))
        first = first[span.clitic :]
    name = (first, *tokens.folded[span.first + 1 : span.last])
    return start, tokens.ends[span.last - 1], name


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


def camel_setting(use_camel_ner: bool | None) -> bool:
    """Whether to use CAMeL NER: None means iff its data is installed; True without the data is an
    error."""
    if use_camel_ner is None:
        return camel_ner.available()
    if use_camel_ner and not camel_ner.available():
        raise RuntimeError(f"CAMeL Tools NER data is not installed under {camel_ner.data_dir()}")
    return bool(use_camel_ner)


def recognise(
    documents: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    use_camel_ner: bool = False,
    tokens_out: dict | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-document recognition (each document on its own, so any batch of documents gives the
    rows of those documents): the mentions of each title and body (`MENTION_COLUMNS`; gazetteer
    names carry their entity id and merge-log reason, rule and CAMeL names are linked by `link`)
    and the unconfirmed rule spans (`PENDING_COLUMNS`, the review candidates). In one process,
    `tokens_out` (a dict) receives each document's tokens so that `link` need not redo them."""
    gaz = load_gazetteer()
    by_doc = index_sentences(sentences) if use_camel_ner else {}
    mentions, pending = [], []
    for doc_id, title, body in documents_of(documents):
        for field_name, text in (("title", title), ("body", body)):
            tokens = word_tokens(text)
            if tokens_out is not None:
                tokens_out.setdefault(doc_id, {})[field_name] = tokens
            camel = []
            if use_camel_ner and field_name == "body" and doc_id in by_doc:
                camel = _camel_token_spans(tokens, camel_ner.body_spans(by_doc[doc_id]))
            chosen, unconfirmed = _recognise(tokens, gaz, camel)
            for span in chosen:
                start, end, name = span_text(tokens, span)
                source = span.source if span.source != "rule" else f"rule:{span.rule}"
                readings = (
                    tuple(tokens.forms(span.first)[1:]) if span.source == "rule" and not span.clitic else ()
                )
                entity_id, reason, detail = span.hint, None, None  # rule ids: resolved by `link`
                if span.alias:
                    entity_id, reason, detail = span.alias.entity_id, "alias", span.alias.how
                elif span.source == "skeleton":
                    reason, detail = "skeleton", f"skeleton '{skeleton_key(name)}' of a gazetteer name"
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
                        bool(span.alias and span.alias.weak),
                        readings,
                        reason,
                        detail,
                    ]
                )
            pending += [[doc_id, field_name, s.first, s.last, s.type, s.rule, s.clitic] for s in unconfirmed]
    return (
        pd.DataFrame(mentions, columns=MENTION_COLUMNS, dtype=object),
        pd.DataFrame(pending, columns=PENDING_COLUMNS, dtype=object),
    )
