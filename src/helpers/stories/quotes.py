"""Who is quoted saying what: direct quotes and reported speech in Arabic news, by small rules over tokens.

`quotes(documents, sentences, entities=None) -> DataFrame` with one row per quote:
doc_id, sentence_id, speaker, speaker_text, speaker_start, speaker_end, verb, kind, quote, start, end.

* Speech verbs: a lemma list (قال أضاف أكد صرح أوضح أشار ذكر أعلن نفى شدد لفت بين أفاد تابع كشف حذر
  اعتبر رأى أردف استطرد اعترف أقر زعم ادعى توقع نقل أعرب تساءل أجاب ...), each expanded to its past forms
  (قال قالت قالا قالوا), present forms (يقول تقول يقولون) and adverbial participle (قائلا مضيفا
  مؤكدة), with or
  without the proclitic و/ف. Attribution phrases بحسب / حسب / وفق / وفقا ل introduce a source too.
* Speaker: the words after the verb up to a boundary (punctuation, a complementizer أن/إن, a quote mark, an
  adjunct such as في/خلال/أمس/لـ, at most 14 words); linked to an entity id when an entity mention of the
  entities table lies in that span (a person, or an organisation that opens the span); otherwise the
  description as written ("مصدر مسؤول"). A verb without an explicit speaker (وأضاف: ..., مضيفا أن ...)
  continues the previous speaker of the article.
* Direct quotes: text in «» or “” or "" right after verb (+ speaker) (+ : or ، or إن/أن), or right before
  "، قال X" / "بحسب X". Reported speech: verb (+ speaker) (+ إلى/على/عن/من) + أن/إن/بأن/أنه ..., the clause up
  to the end of the sentence or up to the next ", + speech verb".
* Offsets `start`/`end` are character offsets of the quote text (without the quote marks) in the body.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from helpers.catalog import columns
from helpers.core.text import ARABIC_LETTER, fold

# --- speech verbs -------------------------------------------------------------------------------------
# lemma: (past 3rd masc. sg. stems, present 3rd masc. sg. forms, participle stems), all folded
_VERBS = {
    "قال": (["قال"], ["يقول"], ["قائل"]),
    "أضاف": (["اضاف"], ["يضيف"], ["مضيف"]),
    "أكد": (["اكد"], ["يؤكد"], ["مؤكد"]),
    "صرح": (["صرح"], ["يصرح"], ["مصرح"]),
    "أوضح": (["اوضح"], ["يوضح"], ["موضح"]),
    "أشار": (["اشار"], ["يشير"], ["مشير"]),
    "ذكر": (["ذكر"], [], ["ذاكر"]),
    "أعلن": (["اعلن"], ["يعلن"], ["معلن"]),
    "نفى": (["نفي"], ["ينفي"], ["نافي"]),
    "شدد": (["شدد"], ["يشدد"], ["مشدد"]),
    "لفت": (["لفت"], ["يلفت"], ["لافت"]),
    "بين": (["بين"], ["يبين"], ["مبين"]),
    "أفاد": (["افاد"], ["يفيد"], []),
    "تابع": (["تابع"], [], []),
    "كشف": (["كشف"], ["يكشف"], ["كاشف"]),
    "حذر": (["حذر"], ["يحذر"], ["محذر"]),
    "اعتبر": (["اعتبر"], ["يعتبر"], ["معتبر"]),
    "رأى": (["راي"], ["يري"], []),
    "أردف": (["اردف"], [], ["مردف"]),
    "استطرد": (["استطرد"], [], ["مستطرد"]),
    "اعترف": (["اعترف"], ["يعترف"], ["معترف"]),
    "أقر": (["اقر"], ["يقر"], []),
    "زعم": (["زعم"], ["يزعم"], ["زاعم"]),
    "توقع": (["توقع"], ["يتوقع"], ["متوقع"]),
    "أعرب": (["اعرب"], ["يعرب"], ["معرب"]),
    "تساءل": (["تساءل"], ["يتساءل"], ["متسائل"]),
    "أجاب": (["اجاب"], ["يجيب"], ["مجيب"]),
    "أفصح": (["افصح"], [], []),
    "نوه": (["نوه"], ["ينوه"], ["منوه"]),
    "أوصى": (["اوصي"], [], []),
    "أبلغ": (["ابلغ"], [], []),
    "مضى": (["مضي"], [], []),
}
# bare forms that are also common other words (بين "between", تابع "followed"): speech verbs only when a
# complementizer, a colon or a quote follows them directly
_BARE_ONLY = {"بين", "وبين", "تابع", "وتابع", "فتابع"}
# forms that are mostly another word: تبين "it turned out", يدعى "is called"
_NOT_SPEECH = {"تبين", "وتبين", "فتبين", "يتبين", "ويتبين"}
# object/prepositional pronouns right after a verb (أوضحت فيه أنه ...): no speaker named
_PRONOUN_ADJ = {
    "فيه",
    "فيها",
    "له",
    "لها",
    "لهم",
    "لهما",
    "لنا",
    "لي",
    "لك",
    "لكم",
    "عنه",
    "عنها",
    "منه",
    "منها",
    "عليه",
    "عليها",
    "به",
    "بها",
    "ذلك",
    "هذا",
    "هذه",
    "تلك",
    "ايضا",
    "كذلك",
    "بدوره",
    "بدورها",
}
_ATTRIB = {"بحسب", "حسب", "وبحسب", "وحسب", "وفق", "ووفق", "وفقا", "ووفقا", "طبقا", "وطبقا"}


@lru_cache(maxsize=1)
def _verb_forms() -> dict:
    """folded surface form -> (lemma, tense) for every generated form, with and without و/ف."""
    forms: dict = {}

    def add(f, lemma, tense):
        for p in ("", "و", "ف"):
            forms.setdefault(p + f, (lemma, tense))

    for lemma, (past, pres, part) in _VERBS.items():
        for p in past:
            if p.endswith("ي"):  # نفي -> نفت نفوا نفيا ; ادعي -> ادعت
                stem = p[:-1]
                for f in (p, stem + "ت", stem + "وا", p + "ا", p + "ن"):
                    add(f, lemma, "past")
            elif p.endswith("ا") and len(p) == 3:  # دعا -> دعت دعوا
                stem = p[:-1]
                for f in (p, stem + "ت", stem + "وا"):
                    add(f, lemma, "past")
            else:
                for f in (p, p + "ت", p + "ا", p + "وا", p + "ن", p + "تا"):
                    add(f, lemma, "past")
        for s in pres:
            base = s[1:]
            for f in (s, "ت" + base, s + "ون", s + "ان", "ت" + base + "ان", s + "ن"):
                add(f, lemma, "present")
            add("ل" + s, lemma, "present")
        for m in part:
            for f in (m + "ا", m + "ه", m + "ين", m + "تين"):
                add(f, lemma, "participle")
            if m.endswith("ي"):  # نافيا
                add(m[:-1] + "يا", lemma, "participle")
    return forms


_COMP = {
    "ان",
    "بان",
    "فان",
    "انه",
    "انها",
    "انهم",
    "انهما",
    "انهن",
    "اننا",
    "انني",
    "انى",
    "بانه",
    "بانها",
    "بانهم",
    "بانهما",
    "بانهن",
    "باننا",
    "فانه",
    "فانها",
    "فانهم",
    "لان",
}
_PREP_BEFORE_COMP = {"الي", "علي", "عن", "من", "في", "ب"}
#: Prepositions, time words and weekdays: they open an adjunct, never a speaker's name.
_ADJUNCT_WORDS = {
    "في",
    "خلال",
    "اثناء",
    "لدي",
    "عقب",
    "بعد",
    "قبل",
    "امس",
    "اليوم",
    "يوم",
    "مساء",
    "صباح",
    "الليله",
    "الي",
    "علي",
    "عن",
    "من",
    "منذ",
    "ضمن",
    "عبر",
    "مع",
    "لـ",
    "ل",
    "الجمعه",
    "السبت",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "انذاك",
    "ايضا",
    "كذلك",
    "غدا",
    "حاليا",
    "سابقا",
}
_STOP_WORDS = _ADJUNCT_WORDS | {
    "حيث",
    "وذلك",
    "كما",
    "بدوره",
    "بدورها",
    "بينما",
    "والذي",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللواتي",
    "اللذان",
    "اللتان",
    "ان",
    "بان",
    "لاحقا",
}
# words that may open an adjunct between the speaker and what is said: prepositions and time words
_ADJ_START = _ADJUNCT_WORDS | {
    "اثر",
    "امام",
    "عند",
    "بعيد",
    "غداه",
    "ردا",
    "تعليقا",
    "وفي",
    "ولدى",
    "نقلا",
    "مؤخرا",
    "حينها",
    "وقتها",
}
_EVENT_NOUNS = {
    "تصريح",
    "تصريحات",
    "بيان",
    "حديث",
    "كلمه",
    "مؤتمر",
    "لقاء",
    "اتصال",
    "رساله",
    "تغريده",
    "مقابله",
    "حوار",
    "تصريحه",
    "كلمته",
    "بيانه",
    "حديثه",
}
_OPEN = {"«": "»", "“": "”", '"': '"', "„": "”", "‟": "”", "″": "″"}
_PUNCT = set(":،,؛;.!?؟()[]-–") | set('«»“”"„‟″')
# a word may hold inner dots (بي.إم.آي, أ.د); a dot followed by a space or the end is punctuation
_TOKEN = re.compile(
    r'[«»“”"„‟″]|[^\s«»“”"„‟″:،,؛;.!?؟()\[\]\-–]+(?:\.[^\s«»“”"„‟″:،,؛;.!?؟()\[\]\-–]+)*|[:،,؛;.!?؟()\[\]\-–]'
)

CARRY_SENTENCES = 3  # a subject-less verb inherits the last speaker named at most this many sentences before
COLUMNS = columns("quotes")


@lru_cache(maxsize=1 << 18)
def _fold_token(t: str) -> str:
    return fold(t).replace("ـ", "") or t


def _tokens(text: str, base: int):
    """(token, folded token, start, end) with offsets shifted by `base`."""
    return [
        (m.group(0), _fold_token(m.group(0)), base + m.start(), base + m.end()) for m in _TOKEN.finditer(text)
    ]


def _verb(ftok: str):
    if ftok in _NOT_SPEECH:
        return None
    return _verb_forms().get(ftok)


def _quote_spans(body: str):
    """(open_pos, close_pos) of quote pairs in the body, within one line, at most 2,500 characters.
    «» and “” are paired by direction; a straight quote " opens when it follows a space, the line start or
    an opening punctuation and is followed by a non-space, and closes otherwise, so that a stray mark
    does not shift every later pair."""
    spans = []
    for line in re.finditer(r"[^\n]+", body):
        s, text = line.start(), line.group(0)
        i = 0
        while i < len(text):
            ch = text[i]
            if ch in _OPEN and (ch != '"' or _opens(text, i)):
                if ch == '"':
                    j = i + 1
                    while j < len(text) and not (text[j] == '"' and not _opens(text, j)):
                        j += 1
                    j = j if j < len(text) else -1
                elif ch == "“":  # the seeds write “...″: accept either closer
                    cands = [x for x in (text.find("”", i + 1), text.find("″", i + 1)) if x >= 0]
                    j = min(cands) if cands else -1
                else:
                    j = text.find(_OPEN[ch], i + 1)
                if j > i + 1 and j - i <= 2500:
                    spans.append((s + i, s + j))
                    i = j + 1
                    continue
            i += 1
    return spans


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "(:،,؛[«“-–") and not after.isspace() and after not in ".،,:؛"


class _Doc:
    def __init__(self, doc_id, body, sents, ents):
        self.doc_id = doc_id
        self.body = body
        self.sents = sents  # list of (sentence_id, start, end)
        self.ents = ents  # DataFrame of this doc's body entity mentions
        self.qspans = _quote_spans(body)
        self.q_by_open = {a: b for a, b in self.qspans}
        self.last_speaker = None
        self.used = set()
        self._persons = None

    def person_before(self, s0: int, pos: int):
        """The first person mention of the sentence starting at s0 that ends before offset pos (not inside
        a quote, not glued to a clitic article): (entity_id, surface, start, end) or None."""
        if self._persons is None:
            self._persons = []
            if self.ents is not None and len(self.ents):
                e = self.ents[self.ents["type"] == "PER"].sort_values("start")
                surf = e["surface"].astype(str) if "surface" in e else pd.Series("", index=e.index)
                columns = (e["entity_id"], e["start"].astype(int), e["end"].astype(int), surf)
                for eid, a, b, su in zip(*columns, strict=False):
                    if fold(su).startswith(("وال", "بال", "لل")) or any(x < a < y for x, y in self.qspans):
                        continue
                    self._persons.append((a, b, eid))
        for a, b, eid in self._persons:
            if a >= s0 and b <= pos:
                return eid, self.body[a:b], a, b
            if a >= pos:
                break
        return None

    def link(self, a: int, b: int):
        """entity id for the speaker span [a, b): a person mention in it (not the complement of باسم/ل),
        or an organisation mention that opens it."""
        if self.ents is None or len(self.ents) == 0 or b <= a:
            return None
        e = self.ents[(self.ents["start"] >= a) & (self.ents["end"] <= b)]
        if len(e) == 0:
            return None
        best = None
        for _, r in e.sort_values("start").iterrows():
            before = fold(self.body[max(a, r["start"] - 12) : r["start"]]).replace("ـ", "").strip()
            surf = fold(str(r["surface"])) if "surface" in r else ""
            if surf.startswith(("وال", "بال", "لل")):
                continue  # a mention glued to a clitic is rarely a name ("والعمرة عبدالقادر")
            if (
                r["type"] == "PER"
                and not before.endswith(("باسم", "لـ", "عن"))
                and not re.search(
                    r"(مركز|مؤسسه|جامعه|مستشفي|مدينه|جائزه|برنامج|مطار|قاعده|شارع|كليه|معهد|مجمع|"
                    r"جمعيه|صندوق|وقف|مشروع|ميناء|طريق|مسجد|قصر|حي)\s*$",
                    before,
                )
            ):
                key = (
                    ":" not in str(r["entity_id"]),
                    len(str(r["surface"]).split()) if "surface" in r else 1,
                )
                if best is None or key >= best[0]:
                    best = (key, r["entity_id"])
        if best is not None:
            return best[1]
        first = e.sort_values("start").iloc[0]
        if first["type"] in ("ORG", "LOC") and first["start"] - a <= 3:
            return first["entity_id"]
        return None


def _short_quote(doc, toks, k, max_words=4):
    """If token k opens a quote of at most `max_words` words (a name: «هيئة الصحفيين», لـ«عكاظ»), the index
    of its closing token; else None."""
    close = doc.q_by_open.get(toks[k][2])
    if close is None:
        return None
    if len(doc.body[toks[k][2] + 1 : close].split()) > max_words:
        return None
    m = k + 1
    while m < len(toks) and toks[m][2] < close:
        m += 1
    return m if m < len(toks) else None


def _speaker(doc, toks, i):
    """Speaker span after the verb at token i: (first, last_exclusive) token indices, or None when no
    boundary comes within 14 words."""
    j = i + 1
    n = len(toks)
    while j < n and j - (i + 1) < 15:
        t, f = toks[j][0], toks[j][1]
        if t in _OPEN:
            m = _short_quote(doc, toks, j)
            # a quoted name inside the speaker: رئيس «هيئة الصحفيين» خالد المالك
            if (
                m is not None
                and j > i + 1
                and m + 1 < n
                and toks[m + 1][0] not in _PUNCT
                and toks[m + 1][1] not in _COMP
                and toks[m + 1][1] not in _STOP_WORDS
            ):
                j = m + 1
                continue
            break
        if j == i + 1 and t in _OPEN:
            m = _short_quote(doc, toks, j, max_words=3)
            if (
                m is not None
                and m + 1 < n
                and (toks[m + 1][1] in _COMP or toks[m + 1][0] in ":،," or toks[m + 1][1] in _STOP_WORDS)
            ):
                return i + 1, m + 1  # وبين "المالكي" بأنه ...: a quoted name is the speaker
        if j == i + 1 and (f.startswith("لل") or f.startswith("بال") or f in ("لـ", "ل")):
            break  # وقال للمدير: / قال بالانجليزية / مضى بالقول: an addressee or a manner, not the speaker
        if f == "علي" and j == i + 1 and not (j + 1 < n and toks[j + 1][1] in _COMP):
            j += 1  # the name Ali (folded like the preposition على)
            continue
        if (
            f == "في"
            and j > i + 1
            and j + 1 < n
            and toks[j + 1][1] not in _EVENT_NOUNS
            and toks[j + 1][1] not in _STOP_WORDS
            and toks[j + 1][0] not in _PUNCT
        ):
            j += 1  # part of a description: خبير الشؤون العسكرية في الشرق الأوسط ...
            continue
        if j == i + 1 and f in _PRONOUN_ADJ:
            break
        if t in _PUNCT or f in _COMP or f in _STOP_WORDS or _verb(f) or f in _ATTRIB:
            break
        if f.startswith("ل") and j + 1 < n and toks[j + 1][0] in _OPEN:  # لـ«عكاظ»
            break
        if f == "نقلا":
            break
        j += 1
    if j - (i + 1) >= 15:
        return None
    return i + 1, j


def _subject_before(toks, q):
    """For "كان X قد قال": the span X between a form of كان and the token q (قد)."""
    for m in range(q - 1, max(-1, q - 14), -1):
        if toks[m][1] in ("كان", "وكان", "كانت", "وكانت", "فكان", "فكانت"):
            return (m + 1, q) if q > m + 1 else None
        if toks[m][0] in _PUNCT:
            return None
    return None


_BACK_STOP = {
    "لكن",
    "ولكن",
    "بينما",
    "فيما",
    "حيث",
    "ثم",
    "كما",
    "اذ",
    "الا",
    "وقد",
    "فقد",
    "وكان",
    "وكانت",
    "ان",
    "بان",
    "انه",
    "انها",
    "عندما",
    "حين",
    "بعدما",
    "و",
}


def _subject_back(doc, toks, i):
    """Speaker written before the verb at token i, for a verb without a subject after it: the noun phrase
    before a relative pronoun (المشرف عبدالله أبانمي الذي أكد أن), or, when the verb carries no و/ف, the
    subject before it (لكن الشيخ محمد عبد الرازق، رئيس القطاع الديني، قال إن). Accepted only when it is
    short or holds an entity mention."""
    f = toks[i][1]
    rel = i > 0 and toks[i - 1][1] in ("الذي", "التي", "الذين", "اللذين", "اللتين", "والذي", "والتي")
    if not rel and (f[0] in "وف" and _verb(f[1:])):
        return None
    end = i - 1 if rel else i
    m = end - 1
    while m >= 0 and end - m <= 16:
        t, g = toks[m][0], toks[m][1]
        if t in ".!?؟؛;:" or t in _OPEN or t in _OPEN.values() or g in _BACK_STOP or _verb(g) or g in _COMP:
            break
        m -= 1
    a = m + 1
    while a < end and toks[a][0] in _PUNCT:
        a += 1
    b = end
    while b > a and toks[b - 1][0] in _PUNCT:
        b -= 1
    if b <= a or end - m > 16:
        return None
    if b - a <= 6 or doc.link(toks[a][2], toks[b - 1][3]) is not None:
        return a, b
    return None


def _apposition(doc, toks, c):
    """After a speaker and a comma at token c: an apposition of at most 10 words (no verb, no
    complementizer) ended by a comma or directly by what introduces the quote. Returns (new speaker end,
    kind, index) or None."""
    n = len(toks)
    m = c + 1
    while m < n and m - c <= 11:
        t, f = toks[m][0], toks[m][1]
        if t in ("،", ",", "-", "–"):
            kind, k = _skip_adjuncts(doc, toks, m)
            return (m, kind, k) if kind is not None and m > c + 1 else None
        if f in _COMP or t == ":" or (t in _OPEN and _short_quote(doc, toks, m, 3) is None):
            kind, k = _skip_adjuncts(doc, toks, m)
            return (m, kind, k) if kind is not None and m > c + 1 else None
        if t in _PUNCT or _verb(f) or f in _ATTRIB:
            return None
        m += 1
    return None


def _skip_adjuncts(doc, toks, j, limit=14):
    """From token j (after the speaker), skip an adjunct and stop at ':' / a quote mark / a complementizer
    (optionally after إلى/على/عن/من/ب). An adjunct opens with a preposition or a time word (في تصريح له,
    لـ«عكاظ», أمس, يوم السبت 17 يوليو); a content word outside one (a direct object: أكد حرص المملكة)
    means the verb does not introduce speech here. Returns (kind, index), kind in
    {'colon','comp','open',None}."""
    n = len(toks)
    k = j
    steps = 0
    in_adjunct = False
    while k < n and steps <= limit:
        t, f = toks[k][0], toks[k][1]
        if t == ":":
            return "colon", k
        if t in _OPEN:
            m = _short_quote(doc, toks, k, max_words=3)
            if m is not None:
                # a quoted name (لـ«الشرق الأوسط», ما سمي بـ"الباص السياحي"): part of the adjunct, not a quote
                k = m + 1
                steps += 1
                continue
            return "open", k
        if f in _COMP:
            return "comp", k
        if f in _PREP_BEFORE_COMP and k + 1 < n and toks[k + 1][1] in _COMP:
            return "comp", k + 1
        if t in ".!?؟؛;":
            return None, k
        if _verb(f) or f in _ATTRIB:
            return None, k
        if t in ("،", ",", "-", "–", "(", ")"):
            in_adjunct = False
        elif f in _PRONOUN_ADJ:
            pass
        elif (
            f in _ADJ_START
            or f.startswith(("لل", "بال"))
            or (f.startswith("ل") and k + 1 < n and toks[k + 1][0] in _OPEN)
        ):
            in_adjunct = True
        elif not in_adjunct:
            return None, k
        k += 1
        steps += 1
    return None, k


def _clause_end(toks, k, sent_end):
    """End offset of a reported clause starting after token k: the sentence end, or the comma before the
    next speech verb or attribution that introduces something ("، مشيرا إلى أن", "، وأضاف: «...»")."""
    n = len(toks)
    last_comma = None
    for m in range(k + 1, n - 1):
        if toks[m][0] in ("،", ",", "؛", ";"):
            last_comma = m
            if _verb(toks[m + 1][1]) or toks[m + 1][1] in _ATTRIB:
                return toks[m][2]
        elif (_verb(toks[m][1]) or ("", ""))[1] in ("past", "participle") and (
            toks[m + 1][0] == ":" or toks[m + 1][0] in _OPEN
        ):
            return toks[last_comma][2] if last_comma is not None else toks[m][2]
    return sent_end


def _strip_span(body, a, b):
    while a < b and (body[a].isspace() or body[a] in "،,:"):
        a += 1
    while b > a and (body[b - 1].isspace() or body[b - 1] in ".،,:؛;"):
        b -= 1
    return a, b


def _doc_quotes(doc: _Doc, rows: list):
    body = doc.body
    skip_until = -1  # inside a direct quote already taken (it may run over several sentences)
    for sid, s0, s1 in doc.sents:
        toks = _tokens(body[s0:s1], s0)
        n = len(toks)
        i = 0
        while i < n:
            t, f, a, b = toks[i]
            v = _verb(f)
            if a < skip_until or not v:
                i += 1
                continue
            lemma, tense = v
            if f in _BARE_ONLY and not (
                i + 1 < n and (toks[i + 1][1] in _COMP or toks[i + 1][0] == ":" or toks[i + 1][0] in _OPEN)
            ):
                i += 1
                continue
            # participles (مضيفا, مؤكدة) continue the previous speaker; so does a verb without a subject
            sp = (i + 1, i + 1) if tense == "participle" else _speaker(doc, toks, i)
            if sp is None:
                i += 1
                continue
            s_a, s_b = sp
            if s_b == s_a and tense != "participle" and i > 0 and toks[i - 1][1] == "قد":
                sp2 = _subject_before(toks, i - 1)  # كان وزير المالية ... قد قال إن
                if sp2 is not None:
                    s_a, s_b = sp2
            if s_b == s_a and tense != "participle" and (s_a, s_b) == sp:
                sp3 = _subject_back(doc, toks, i)  # الذي أكد أن / الشيخ فلان، رئيس ...، قال إن
                if sp3 is not None:
                    s_a, s_b = sp3
            if (
                tense == "present"
                and s_b == s_a
                and not (i + 1 < n and (toks[i + 1][0] == ":" or toks[i + 1][0] in _OPEN))
            ):
                i += 1  # يذكر أن, يشير إلى أن, يقول فيها: no speaker named; too often impersonal
                continue
            kind, k = _skip_adjuncts(doc, toks, s_b)
            if kind is None and s_b > s_a and s_b < n and toks[s_b][0] in ("،", ",", "-", "–"):
                ext = _apposition(doc, toks, s_b)  # وأوضح رئيس النادي، المنسق العام الدكتور فلان، أن
                if ext is not None:
                    s_b, kind, k = ext
            if kind is None:
                i += 1
                continue
            if kind == "colon":
                if k + 1 < n and toks[k + 1][0] in _OPEN:
                    kind, k = "open", k + 1
                elif k + 1 < n and toks[k + 1][1] in _COMP:
                    kind, k = "comp", k + 1
                else:  # "قال X: text" - a direct quote without marks, to the end of the sentence
                    qa, qb = _strip_span(body, toks[k][3], _clause_end(toks, k, s1))
                    if qb - qa >= 8:
                        _emit(doc, rows, sid, toks, s_a, s_b, lemma, "direct", qa, qb, a, s0)
                        skip_until = max(skip_until, qb)
                    i = k + 1
                    continue
            if kind == "comp" and k + 1 < n and toks[k + 1][0] in _OPEN and toks[k + 1][2] in doc.q_by_open:
                m = _short_quote(doc, toks, k + 1, max_words=3)
                # إن «...» is a direct quote, unless the quote is a name opening the clause (أن «داعش» ...)
                if m is None or m + 1 >= n or toks[m + 1][0] in ".!?؟؛;،,":
                    kind, k = "open", k + 1
            if kind == "comp":
                start_tok = k + 1 if toks[k][1] in ("ان", "بان", "فان", "لان") else k
                if start_tok < n:
                    qa, qb = _strip_span(body, toks[start_tok][2], _clause_end(toks, k, s1))
                    if qb - qa >= 8:
                        _emit(doc, rows, sid, toks, s_a, s_b, lemma, "reported", qa, qb, a, s0)
                        skip_until = max(skip_until, qb)  # a verb inside the clause is part of what is said
                i = k + 1
                continue
            # kind == "open"
            oa = toks[k][2]
            close = doc.q_by_open.get(oa)
            if close is None:
                i = k + 1
                continue
            qa, qb = _strip_span(body, oa + 1, close)
            if qb - qa >= 4:
                _emit(doc, rows, sid, toks, s_a, s_b, lemma, "direct", qa, qb, a, s0)
            doc.used.add(oa)
            skip_until = close
            while i < n and toks[i][2] <= close:
                i += 1
        # quotes followed by their attribution: «...»، قال X  /  «...» بحسب X
        for m in range(n):
            if toks[m][0] not in _OPEN or toks[m][2] in doc.used:
                continue
            oa = toks[m][2]
            close = doc.q_by_open.get(oa)
            if close is None or len(body[oa + 1 : close].split()) < 3:
                continue
            p = m + 1
            while p < n and toks[p][2] <= close:
                p += 1
            while p < n and toks[p][0] in ("،", ",", "-"):
                p += 1
            if p >= n:
                continue
            f2 = toks[p][1]
            v2 = _verb(f2)
            if f2 in _BARE_ONLY or not ((v2 and v2[1] != "participle") or f2 in _ATTRIB):
                continue
            j0 = p
            if f2 in _ATTRIB and p + 1 < n and toks[p + 1][1] in ("ل", "لـ", "ما"):
                j0 = p + 1
            if j0 + 1 < n and _verb(toks[j0 + 1][1]):  # بحسب ما قال / وفق ما ذكره
                j0 += 1
            sp = _speaker(doc, toks, j0)
            if (
                sp is None
                or sp[1] == sp[0]
                or not any(ARABIC_LETTER.search(toks[x][0]) for x in range(sp[0], sp[1]))
            ):
                continue
            qa, qb = _strip_span(body, oa + 1, close)
            if qb - qa >= 4:
                _emit(doc, rows, sid, toks, sp[0], sp[1], v2[0] if v2 else "بحسب", "direct", qa, qb)
                doc.used.add(oa)


def _emit(doc, rows, sid, toks, s_a, s_b, lemma, kind, qa, qb, vpos=None, s0=None):
    body = doc.body
    if s_b > s_a:
        sa, sb = toks[s_a][2], toks[s_b - 1][3]
        text = body[sa:sb]
        spk = doc.link(sa, sb) or re.sub(r"\s+", " ", text).strip()
        doc.last_speaker = (spk, text, sa, sb, sid)
    else:
        # a verb without a subject (وأضاف أن, مضيفا: ...): the speaker named earlier in the same sentence,
        # else the first person named earlier in the sentence (طالب X ...، مبينا أن), else the speaker
        # named at most CARRY_SENTENCES sentences before
        last = doc.last_speaker
        person = doc.person_before(s0, vpos) if vpos is not None and s0 is not None else None
        if last is not None and last[4] == sid:
            spk, text, sa, sb, _ = last
        elif person is not None:
            spk, text, sa, sb = person
            doc.last_speaker = (spk, text, sa, sb, sid)
        elif last is not None and sid - last[4] <= CARRY_SENTENCES:
            spk, text, sa, sb, _ = last
        else:
            spk, text, sa, sb = None, "", -1, -1
    rows.append((doc.doc_id, sid, spk, text, sa, sb, lemma, kind, body[qa:qb], qa, qb))


def quotes(
    documents: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame | None = None, doc_ids=None
) -> pd.DataFrame:
    """Quotes per article (see the module docstring). documents: doc_id, body; sentences: doc_id,
    sentence_id, start, end (offsets into body); entities (optional): doc_id, entity_id, type, start, end,
    field. doc_ids: restrict to these articles. Rows are ordered by doc_id, then start."""
    docs = documents[["doc_id", "body"]]
    if doc_ids is not None:
        keep = set(doc_ids)
        docs = docs[docs["doc_id"].isin(keep)]
        sentences = sentences[sentences["doc_id"].isin(keep)]
        if entities is not None:
            entities = entities[entities["doc_id"].isin(keep)]
    sgroups = {
        d: g for d, g in sentences.sort_values(["doc_id", "sentence_id"]).groupby("doc_id", sort=False)
    }
    egroups = {}
    if entities is not None and len(entities):
        e = entities
        if "field" in e:
            e = e[e["field"].astype(str) != "title"]
        egroups = {d: g for d, g in e.groupby("doc_id", sort=False)}
    rows: list = []
    for d, body in sorted(zip(docs["doc_id"].astype(str), docs["body"].fillna("").astype(str), strict=False)):
        g = sgroups.get(d)
        if g is None or not body:
            continue
        sents = list(
            zip(g["sentence_id"].astype(int), g["start"].astype(int), g["end"].astype(int), strict=False)
        )
        _doc_quotes(_Doc(d, body, sents, egroups.get(d)), rows)
    out = pd.DataFrame(rows, columns=COLUMNS)
    out = out.drop_duplicates(["doc_id", "start", "end"]).sort_values(
        ["doc_id", "start", "end"], kind="stable"
    )
    return out.reset_index(drop=True)


def quoted_speakers(
    quotes_table: pd.DataFrame, documents: pd.DataFrame, n: int | None = None
) -> pd.DataFrame:
    """Who is quoted, most quoted first: speaker, n_quotes, n_articles, n_outlets, outlets
    ('|'-joined). Quotes whose speaker was not found are left out."""
    columns = ["speaker", "n_quotes", "n_articles", "n_outlets", "outlets"]
    known = quotes_table[quotes_table["speaker"].fillna("").astype(str).str.strip() != ""]
    if known.empty:
        return pd.DataFrame(columns=columns)
    known = known.merge(documents[["doc_id", "outlet"]], on="doc_id", how="left")
    rows = [
        {
            "speaker": speaker,
            "n_quotes": len(group),
            "n_articles": group["doc_id"].nunique(),
            "n_outlets": group["outlet"].dropna().nunique(),
            "outlets": "|".join(sorted(group["outlet"].dropna().astype(str).unique())),
        }
        for speaker, group in known.groupby("speaker", sort=True)
    ]
    table = pd.DataFrame(rows, columns=columns).sort_values(
        ["n_outlets", "n_quotes", "speaker"], ascending=[False, False, True], kind="stable"
    )
    return (table.head(n) if n else table).reset_index(drop=True)
