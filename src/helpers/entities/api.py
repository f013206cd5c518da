"""`helpers.tag_entities`: the entities stage (`recognise` then `link`) on a list of texts."""

from __future__ import annotations

import re

import pandas as pd

from helpers.catalog import columns
from helpers.core.text import split_sentences
from helpers.core.words import fold_token, proclitic_forms, word_zipf
from helpers.entities import extract_entities
from helpers.entities.gazetteer import Gazetteer, load_gazetteer, name_tokens

#: The columns `tag_entities` returns.
COLUMNS = ["text_id", "start", "end", "type", "entity_id", "surface"]

#: Class nouns that stand before a name in apposition (حركة حماس، نادي الغرافة، قطاع غزة), by the
#: type of the names they head. The entities stage keeps them in the mention (the article's
#: designation); NER annotation leaves them outside the name: in ANERcorp's train part each of
#: these stands outside a following name in most of its occurrences (مدينة 104 of 104, شركة 23 of
#: 24, نادي 14 of 20), while جامعة، حزب، مجلس، منظمة are inside (33 of 39 and more).
CLASS_NOUNS = {
    "ORG": frozenset(fold_token(w) for w in "حركة نادي فريق شركة صحيفة جريدة مجلة وكالة قناة".split()),
    "LOC": frozenset(
        fold_token(w)
        for w in "مدينة منطقة قطاع إقليم ولاية دولة جزيرة حي محافظة قرية بلدة مخيم جمهورية".split()
    ),
}
#: A name after a class noun that no list knows is a name alone when each of its words is at
#: most this frequent (Zipf): الغرافة، سياك, not الكهرباء.
RARE_NAME_ZIPF = 3.3
#: Honorific epithets after a place's name, which NER annotation leaves outside it as well (مكة
#: المكرمة: مكة in all 36 of ANERcorp's train part, مشهد المقدسة، النجف الشريف); a place whose name
#: needs the epithet (المدينة المنورة) is not one the gazetteer knows without it.
EPITHETS = frozenset(fold_token(w) for w in "المكرمة المقدسة الشريف".split())
_FIRST_WORD = re.compile(r"\S+\s+")
_LAST_WORD = re.compile(r"\s+\S+$")


def texts_as_tables(texts: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Plain texts as the `documents` (doc_id, title, body) and `sentences` tables the entity
    stage reads; doc_ids are the texts' positions, zero-padded so that they sort as the texts."""
    texts = [t if isinstance(t, str) else "" for t in texts]
    doc_ids = [f"{i:09d}" for i in range(len(texts))]
    documents = pd.DataFrame({"doc_id": doc_ids, "title": "", "body": texts})
    sentences = pd.DataFrame(
        [
            (doc_id, k, s.start, s.end, s.text)
            for doc_id, text in zip(doc_ids, texts, strict=True)
            for k, s in enumerate(split_sentences(text))
        ],
        columns=columns("sentences"),
    )
    return documents, sentences


def _stands_alone(gaz: Gazetteer, kind: str, rest: str) -> bool:
    """Whether `rest`, the words after a class noun of a `kind` mention, is a name by itself: a
    name the gazetteer knows of that type (a club's or an outlet's for organisations), or rare
    words."""
    words = name_tokens(rest)
    if not words:
        return False
    alias = gaz.lookup(words)
    if alias is not None and gaz.entries[alias.entity_id].type == kind:
        return True
    if kind == "ORG" and (gaz.sport_club(words) or words in gaz.media_names):
        return True
    return all(word_zipf(w) <= RARE_NAME_ZIPF for w in words)


def _name_alone(gaz: Gazetteer, kind: str, surface: str) -> int:
    """Characters to skip at the start of a mention's `surface` for its name alone: the class
    noun before it, with its proclitic (بنادي الغرافة -> الغرافة); 0 when there is none."""
    first = _FIRST_WORD.match(surface)
    heads = CLASS_NOUNS.get(kind)
    if first is None or heads is None:
        return 0
    head = fold_token(first.group().strip())
    if not any(rest in heads for _, rest in proclitic_forms(head)):
        return 0
    return first.end() if _stands_alone(gaz, kind, surface[first.end() :]) else 0


def _epithet_after(gaz: Gazetteer, kind: str, surface: str) -> int:
    """Characters to cut at the end of a place's `surface` for its name alone: an honorific
    epithet the gazetteer's name of the place is followed by (مكة المكرمة -> مكة); 0 when none."""
    last = _LAST_WORD.search(surface)
    if kind != "LOC" or last is None or fold_token(last.group().strip()) not in EPITHETS:
        return 0
    alias = gaz.lookup(name_tokens(surface[: last.start()]))
    known = alias is not None and gaz.entries[alias.entity_id].type == "LOC"
    return len(last.group()) if known else 0


def tag_entities(texts: list[str], *, stage_spans: bool = False) -> pd.DataFrame:
    """One row per mention of `texts` (see `helpers.tag_entities`), sorted by text and offset.
    A class noun before a name and an honorific epithet after a place's are left out of the
    mention (حركة حماس -> حماس, with the movement's id; مكة المكرمة -> مكة) unless
    `stage_spans`."""
    mentions = extract_entities(*texts_as_tables(texts)).entities
    if not stage_spans and len(mentions):
        gaz = load_gazetteer()
        kinds, surfaces = mentions["type"].tolist(), mentions["surface"].tolist()
        skip = [_name_alone(gaz, k, s) for k, s in zip(kinds, surfaces, strict=True)]
        cut = [_epithet_after(gaz, k, s) for k, s in zip(kinds, surfaces, strict=True)]
        mentions = mentions.assign(
            start=mentions["start"] + skip,
            end=mentions["end"] - cut,
            surface=[s[n : len(s) - c] for s, n, c in zip(surfaces, skip, cut, strict=True)],
        )
    out = pd.DataFrame(
        {
            "text_id": mentions["doc_id"].astype(int),
            "start": mentions["start"].astype(int),
            "end": mentions["end"].astype(int),
            "type": mentions["type"],
            "entity_id": mentions["entity_id"],
            "surface": mentions["surface"],
        },
        columns=COLUMNS,
    )
    return out.sort_values(["text_id", "start"], ignore_index=True)
