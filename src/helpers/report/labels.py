"""Names a reader knows: articles by outlet and short title, entities by canonical name, the
entity recognisers' sources and the report tables' columns in words.

Ids (`doc_id`, `entity_id`) stay the keys the tables join on; what the reports and figures show
is a label. Article labels never merge two articles: labels that would be equal get the
publication date, then a number. Text whose direction differs from its neighbours' (a file name
or an id such as `per:فلاديمير_فرولوف` next to Arabic) is wrapped in Unicode first-strong
isolates (FSI ... PDI), which browsers and matplotlib's layout (libraqm) both honour: the parts
keep their own order instead of being reordered with the Arabic around them.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import pandas as pd

from helpers.core.io import has_text

#: First-strong isolate and pop-directional isolate (Unicode bidi, UAX #9).
FSI, PDI = "\u2068", "\u2069"
#: Between an article's outlet and its title.
SEPARATOR = " · "
#: Characters of a title kept in an article label (cut at a word boundary).
TITLE_CHARS = 45
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_SPACES = re.compile(r"\s+")

TYPE_NAMES = {"PER": "أشخاص", "LOC": "أماكن", "ORG": "منظمات", "MISC": "أخرى"}
TYPE_NAMES_EN = {"PER": "people", "LOC": "places", "ORG": "organisations", "MISC": "other"}
#: Documents' statuses in words (Arabic, English).
STATUS_NAMES = {
    "ok": ("سليم", "analysed"),
    "empty": ("فارغ", "empty"),
    "unreadable": ("تعذرت قراءته", "unreadable"),
    "not_arabic": ("ليس عربيا", "not Arabic"),
    "duplicate": ("مكرر", "duplicate"),
    "skipped": ("متروك", "skipped"),
    "no_body": ("بلا نص مقال", "no article text"),
}
#: What found an entity mention (entities.source), in words.
SOURCE_NAMES = {
    "gazetteer": ("قائمة الأسماء المعروفة", "a list of known names (gazetteer)"),
    "skeleton": ("تهجئة قريبة من اسم معروف", "a spelling close to a known name"),
    "surname": ("اسم العائلة لشخص ذكر قبل", "the surname of a person named earlier"),
    "learned": ("اسم وجد في مقالات أخرى", "a name found in other articles"),
    "camel_ner": ("نموذج CAMeL للتعرف على الكيانات", "CAMeL Tools' named-entity model"),
    "alias": ("اسم بديل معروف", "a known alternative name"),
    "context": ("السياق", "the context"),
    "rule": ("قاعدة لغوية", "a language rule"),
}
#: The rules (entities.source `rule:<name>`), in words.
RULE_NAMES = {
    "given_name": ("اسم علم شائع يتبعه اسم", "a common given name followed by a name"),
    "title": ("لقب قبل الاسم", "a title before the name (minister, president...)"),
    "org_head": ("كلمة تدل على منظمة", "a word that heads an organisation's name"),
    "org_qualified": ("منظمة بصفتها", "an organisation with its qualifier"),
    "org_phrase": ("عبارة منظمة", "an organisation phrase"),
    "place_head": ("كلمة تدل على مكان", "a word that heads a place name (city, province...)"),
    "place_shape": ("صيغة اسم مكان", "the shape of a place name"),
    "capital_of": ("عاصمة بلد", "the capital of a country"),
    "quoted_source": ("مصدر منقول عنه", "a quoted source"),
    "quoted_org": (
        "اسم منظمة بين علامتي تنصيص",
        "an organisation's name in quotes after its kind (شركة «...»)",
    ),
    "quoted_event": ("حدث بين علامتي تنصيص", "a quoted event name"),
    "quoted_title": ("عنوان عمل بين علامتي تنصيص", "a quoted title of a work, programme or campaign"),
    "event_head": ("كلمة تدل على حدث", "a word that heads an event's name"),
    "competition": ("اسم مسابقة أو بطولة", "a competition's name (cup, league, championship)"),
    "event_number": ("حدث بترتيبه", "a numbered event (the 22nd summit...)"),
    "speech_verb": ("فاعل فعل قول", "the subject of a verb of saying"),
}
#: Column labels of the report tables (the data files keep the English names).
COLUMN_NAMES = {
    "article": "المقال",
    "doc_id": "المعرف",
    "doc_a": "المقال",
    "doc_b": "المقال الآخر",
    "source_path": "الملف",
    "format": "الصيغة",
    "encoding": "الترميز",
    "n_chars": "الحروف",
    "status": "الحالة",
    "message": "ملاحظة",
    "url": "الرابط",
    "title": "العنوان",
    "outlet": "المصدر",
    "author": "الكاتب",
    "published": "تاريخ النشر",
    "published_at": "وقت النشر",
    "published_source": "مصدر التاريخ",
    "attribution": "المصدر المذكور",
    "date_anchor": "تاريخ الإسناد",
    "date_anchor_source": "مصدره",
    "n_sentences": "الجمل",
    "n_tokens": "الكلمات",
    "entity_id": "معرف الكيان",
    "entity": "الكيان",
    "entity_a": "كيان",
    "entity_b": "كيان آخر",
    "type": "النوع",
    "canonical": "الاسم",
    "name_en": "بالإنجليزية",
    "variants": "التهجئات",
    "n_docs": "المقالات",
    "n_mentions": "الإشارات",
    "mentions": "الإشارات",
    "weight": "الوزن",
    "scope": "النطاق",
    "source": "المصدر",
    "rule": "القاعدة",
    "example": "مثال",
    "surface": "كما كتب",
    "variant": "التهجئة",
    "reason": "السبب",
    "detail": "التفاصيل",
    "problem": "المشكلة",
    "text": "النص",
    "line_no": "السطر",
    "label": "التصنيف",
    "value": "القيمة",
    "mod": "المعدل",
    "date_start": "من",
    "date_end": "إلى",
    "cosine": "التشابه",
    "term": "الكلمة",
    "z": "z",
    "count": "العدد",
    "count_rest": "في البقية",
    "n_sentences_shared": "الجمل المشتركة",
    "table": "الجدول",
    "holds": "يحتوي",
    "rows": "الصفوف",
    "files": "الملفات",
    "articles": "المقالات",
    "share": "النسبة",
    "median_words": "وسيط الكلمات",
    "median_entities": "وسيط الكيانات",
    "top_entities": "أبرز الكيانات",
    "top_terms": "أبرز الكلمات",
    "dated": "بتاريخ نشر",
    "entity_en": "بالإنجليزية",
    "other": "يذكر معه",
    "other_en": "بالإنجليزية",
    "doc_ids": "معرفات المقالات",
    "lines": "الأسطر",
    "body": "نص المقال",
    "metadata": "بيانات المقال",
    "boilerplate": "حشو الصفحة",
    "repeated_body": "فقرات مكررة",
    "blank": "فارغة",
}


def has_arabic(text) -> bool:
    return isinstance(text, str) and _ARABIC.search(text) is not None


def bilingual(arabic: str, english: str) -> str:
    """Arabic words, then their English isolated (so that the English keeps its own order):
    for a heading or a summary line."""
    return f"{arabic}{SEPARATOR}{isolate(english)}"


def isolate(text) -> str:
    """`text` between FSI and PDI: shown in its own direction, never reordered with its
    neighbours (an id such as `per:فلاديمير_فرولوف` or a file name inside Arabic). Empty for a
    missing value."""
    if not has_text(text):
        return ""
    text = str(text)
    return text if text.startswith(FSI) else f"{FSI}{text}{PDI}"


def plain(text: str) -> str:
    """`text` without the isolates `isolate` adds (for matching and file names)."""
    return str(text).replace(FSI, "").replace(PDI, "")


def short_title(title: str, width: int = TITLE_CHARS) -> str:
    """`title` on one line, cut to `width` characters at a word boundary (with '…')."""
    title = _SPACES.sub(" ", str(title)).strip()
    if len(title) <= width:
        return title
    cut = title[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" .,:;،؛-–—") + "…"


def numbered(labels: list[str]) -> list[str]:
    """Labels made unique by numbering repeats ("x", "x (2)"): two rows never share a label."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def file_name(source_path, doc_id) -> str:
    """The name a file is known by: the last part of its path without the extension (a record's
    `day.json#187` keeps its number), else the document's id."""
    if has_text(source_path):
        name = PurePosixPath(str(source_path).replace("\\", "/")).name
        if "#" not in name and "." in name.lstrip("."):
            name = name[: name.rindex(".")]
        if name:
            return name
    return str(doc_id)


def article_labels(documents: pd.DataFrame, width: int = TITLE_CHARS) -> pd.Series:
    """doc_id -> the article's label: its outlet and short title (`outlet · title`), or the file
    name when it has no title (`outlet · 000_b03d5afc1ac8c9e4`); the title or name is isolated
    (`isolate`), so that its digits and its '…' stay in place next to a Latin outlet, and so is
    the whole label, so that it stays one piece inside other text.
    Two articles never share a label: equal labels get the publication date, then a number
    (`(2)`, `(3)`, in doc_id order). Sorted by doc_id."""
    if documents.empty or "doc_id" not in documents:
        return pd.Series(dtype=object, name="article")
    docs = documents.drop_duplicates("doc_id").copy()
    docs["doc_id"] = docs["doc_id"].astype(str)
    docs = docs.sort_values("doc_id", kind="stable")

    def column(name):
        return docs[name] if name in docs else pd.Series([None] * len(docs), index=docs.index)

    labels = []
    for doc_id, title, outlet, source_path in zip(
        docs["doc_id"], column("title"), column("outlet"), column("source_path"), strict=True
    ):
        # isolated: a cut title keeps its '…' at its own end, a file name its digits in place
        name = isolate(short_title(title, width) if has_text(title) else file_name(source_path, doc_id))
        labels.append(
            f"{_SPACES.sub(' ', str(outlet)).strip()}{SEPARATOR}{name}" if has_text(outlet) else name
        )
    labels = pd.Series(labels, index=docs["doc_id"].to_numpy(), name="article")
    dates = pd.Series(column("published").to_numpy(), index=labels.index)
    # isolated as a whole too: inside other text (a summary line, a list) it stays one piece
    return _unique(labels, dates).map(isolate)


def _unique(labels: pd.Series, dates: pd.Series) -> pd.Series:
    """Labels made unique: a repeated label gets the date (when it tells the repeats apart),
    then a number."""
    repeated = labels.duplicated(keep=False)
    for label in labels[repeated].unique():
        ids = labels.index[labels == label]
        days = dates.loc[ids].map(lambda d: str(d)[:10] if has_text(d) else "")
        if days.nunique() == len(ids) and (days != "").all():
            labels.loc[ids] = [f"{label} ({day})" for day in days]
    used: set[str] = set()
    unique = []
    for label in labels:
        candidate, k = label, 1
        while candidate in used:
            k += 1
            candidate = f"{label} ({k})"
        used.add(candidate)
        unique.append(candidate)
    return pd.Series(unique, index=labels.index, name="article")


def label_articles(
    df: pd.DataFrame, labels: pd.Series, columns=("doc_id", "doc_a", "doc_b"), keep_ids: bool = False
) -> pd.DataFrame:
    """`df` with its document-id columns shown as article labels: `doc_id` becomes `article`
    (first), `doc_a`/`doc_b` hold labels. Ids the labels lack are shown isolated. `keep_ids`
    keeps `doc_id` beside the label (where a reader needs it to find the files)."""
    out = df.copy()
    for column in columns:
        if column not in out:
            continue
        shown = out[column].map(lambda d: labels.get(str(d), isolate(d)) if has_text(d) else "")
        if column == "doc_id":
            if not keep_ids:
                out = out.drop(columns="doc_id")
            out.insert(0, "article", shown)
        else:
            out[column] = shown
    return out


def entity_names(catalogue: pd.DataFrame) -> pd.DataFrame:
    """entity_id -> canonical (the Arabic name) and name_en (English, where known), one row per
    entity. Ids without a name are shown isolated."""
    if catalogue.empty:
        return pd.DataFrame(columns=["canonical", "name_en"], index=pd.Index([], name="entity_id"))
    table = catalogue.drop_duplicates("entity_id").set_index("entity_id")
    names = pd.DataFrame(index=table.index)
    canonical = table["canonical"] if "canonical" in table else pd.Series(None, index=table.index)
    names["canonical"] = [
        c if has_text(c) else isolate(e) for e, c in zip(table.index, canonical, strict=True)
    ]
    english = table["name_en"] if "name_en" in table else pd.Series(None, index=table.index)
    names["name_en"] = english.where(english.map(has_text), "")
    return names


def name_entities(
    df: pd.DataFrame, catalogue: pd.DataFrame, columns=("entity_id", "entity_a", "entity_b")
) -> pd.DataFrame:
    """`df` with entity ids replaced by names: `entity_id` becomes `canonical` and `name_en`
    (unless already there), `entity_a`/`entity_b` hold canonical names, a '|'-joined
    `entity_ids` column holds names joined by '، '."""
    names = entity_names(catalogue)
    canonical = names["canonical"].to_dict()
    out = df.copy()
    for column in columns:
        if column not in out:
            continue
        if column == "entity_id":
            position = list(out.columns).index("entity_id")
            if "canonical" not in out:
                out.insert(
                    position, "canonical", out["entity_id"].map(lambda e: canonical.get(e, isolate(e)))
                )
                position += 1
            if "name_en" not in out:
                out.insert(position, "name_en", out["entity_id"].map(names["name_en"].to_dict()).fillna(""))
            out = out.drop(columns="entity_id")
        else:
            out[column] = out[column].map(lambda e: canonical.get(e, isolate(e)))
    if "entity_ids" in out:
        out["entity_ids"] = out["entity_ids"].map(
            lambda ids: (
                "، ".join(canonical.get(e, isolate(e)) for e in str(ids).split("|")) if has_text(ids) else ""
            )
        )
    return out


def source_label(source) -> str:
    """What found an entity mention, in words (Arabic, then English): `rule:title` ->
    'قاعدة: لقب قبل الاسم · rule: a title before the name (...)'."""
    if not has_text(source):
        return ""
    source = str(source)
    kind, _, name = source.partition(":")
    if kind == "rule" and name:
        ar, en = RULE_NAMES.get(name, (name.replace("_", " "), name.replace("_", " ")))
        return f"قاعدة: {ar}{SEPARATOR}rule: {en}"
    if source in SOURCE_NAMES:
        ar, en = SOURCE_NAMES[source]
        return f"{ar}{SEPARATOR}{en}"
    return isolate(source)


def type_label(entity_type) -> str:
    """PER -> 'أشخاص · people'."""
    if entity_type in TYPE_NAMES:
        return f"{TYPE_NAMES[entity_type]}{SEPARATOR}{TYPE_NAMES_EN[entity_type]}"
    return isolate(entity_type)


def status_label(status) -> str:
    """ok -> 'سليم · analysed'."""
    if status in STATUS_NAMES:
        ar, en = STATUS_NAMES[status]
        return f"{ar}{SEPARATOR}{en}"
    return isolate(status)


def column_label(column: str) -> tuple[str, str]:
    """(Arabic, English) header of a report-table column; the Arabic is empty when unknown."""
    return COLUMN_NAMES.get(str(column), ""), str(column)


def ranked_pairs(cooc: pd.DataFrame, catalogue: pd.DataFrame, n: int = 30) -> pd.DataFrame:
    """The `n` pairs of entities named together most often (the co-occurrence table), by name, as
    a table to read beside (or instead of) the network: entity and other (canonical names),
    their English names, n_sentences, n_docs (articles naming both), most sentences first."""
    columns = ["entity", "entity_en", "other", "other_en", "n_sentences", "n_docs"]
    if cooc.empty:
        return pd.DataFrame(columns=columns)
    names = entity_names(catalogue)
    canonical, english = names["canonical"].to_dict(), names["name_en"].to_dict()
    top = cooc.sort_values(["n_sentences", "entity_a", "entity_b"], ascending=[False, True, True]).head(n)
    return pd.DataFrame(
        {
            "entity": [canonical.get(e, isolate(e)) for e in top["entity_a"]],
            "entity_en": [english.get(e, "") for e in top["entity_a"]],
            "other": [canonical.get(e, isolate(e)) for e in top["entity_b"]],
            "other_en": [english.get(e, "") for e in top["entity_b"]],
            "n_sentences": top["n_sentences"].to_numpy(),
            "n_docs": [len(str(d).split("|")) if has_text(d) else 0 for d in top["doc_ids"]],
        },
        columns=columns,
    )
