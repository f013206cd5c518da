"""Small, general text facts shared by the story modules: numbers with their unit word, names in a title.

* `numbers(text)`: numbers written with digits (Arabic-Indic digits included) or as common Arabic number
  words, with a scale word (ألف, مليون, مليار ...) applied, and the *unit word* that follows (the first
  content word after the number and its scale, after "من" when the number is followed by it: "15 شخصا",
  "عشرة من رجال الأمن", "419 ألف يمني", "8,3%"). Units are normalised (folded, clitics and the accusative
  alif stripped) so that "قتيلا" and "قتيل" compare equal.
* `NameLexicon`: surface forms of linked entities (entity ids without a rule prefix such as "per:"), taken
  from the corpus' own entities table, matched in a title after stripping proclitics (و ف ب ل ك ال), so a
  place the entity stage found in one article's body is also found in another article's title ("بجازان").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from helpers.core.text import ARABIC_LETTER, fold, tokenize

_PROCLITIC = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل(?=ل))?")


def strip_clitics(tok: str) -> str:
    """Drop leading conjunction/preposition/article clitics when at least 2 letters remain."""
    if not ARABIC_LETTER.search(tok):
        return tok
    s = _PROCLITIC.sub("", tok)
    return s if len(s) >= 2 else tok


_PERCENT_WORDS = {"مئه", "مائه", "بالمئه", "بالمائه", "المئه", "المائه"}


def unit_key(tok: str) -> str:
    """Normalised unit word: clitics, the accusative alif (شخصا -> شخص) and a feminine/plural ending dropped;
    "في المئة"/"بالمائة" is the percent sign."""
    if tok in _PERCENT_WORDS or strip_clitics(tok) in _PERCENT_WORDS:
        return "%"
    t = strip_clitics(tok)
    for suf in ("ات", "ا", "ه", "ين", "ون"):
        if t.endswith(suf) and len(t) - len(suf) >= 3:
            t = t[: -len(suf)]
            break
    return t


_WEAK = str.maketrans("", "", "اويىءئؤأإآ")


def unit_match(unit: str) -> str:
    """Key under which two unit words count as the same unit: the consonant skeleton (long vowels and
    hamza seats dropped), so that singular and broken plural meet (شخص/أشخاص, قتيل/قتلى, جريح/جرحى,
    طفل/أطفال); units whose skeleton is shorter than 3 letters keep their normalised form (يوم/أيام
    differ)."""
    if unit in ("", "%"):
        return unit
    sk = unit.translate(_WEAK)
    return sk if len(sk) >= 3 else unit


# --- number words (folded forms: ة->ه, أ/إ/آ->ا, ى->ي) ---------------------------------------------
_ONES = {
    "واحد": 1,
    "واحده": 1,
    "احد": 1,
    "احدي": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "اثنا": 2,
    "اثني": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثماني": 8,
    "ثمانيه": 8,
    "ثمان": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
}
_TENS = {
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "اربعون": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
_HUNDREDS = {
    "مائه": 100,
    "مئه": 100,
    "مائتان": 200,
    "مائتين": 200,
    "مئتان": 200,
    "مئتين": 200,
    "ثلاثمائه": 300,
    "اربعمائه": 400,
    "خمسمائه": 500,
    "ستمائه": 600,
    "سبعمائه": 700,
    "ثمانمائه": 800,
    "تسعمائه": 900,
    "ثلاثمئه": 300,
    "اربعمئه": 400,
    "خمسمئه": 500,
}
SCALES = {
    "الف": 1e3,
    "الاف": 1e3,
    "مليون": 1e6,
    "ملايين": 1e6,
    "مليار": 1e9,
    "مليارات": 1e9,
    "بليون": 1e9,
    "ترليون": 1e12,
    "تريليون": 1e12,
}
_SKIP_AFTER = {"من", "في"}  # "15 من رجال الأمن", "50 في المئة"
# month names (Gregorian, Levantine, Hijri) after a number make a date, not a count
_MONTHS = {
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "محرم",
    "صفر",
    "ربيع",
    "جمادي",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو",
    "ذي",
    "هـ",
    "ه",
    "م",
}
_DIGITS = re.compile(r"\d+(?:[.,٫]\d+)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")  # 17,209,056
_RDEC = re.compile(r"(\d+)ر(\d+)")  # the press's "5ر33" = 33.5 (decimals first)


def _digits_value(tok: str) -> float:
    if _THOUSANDS.fullmatch(tok):
        return float(tok.replace(",", ""))
    m = _RDEC.fullmatch(tok)
    if m:
        return float(f"{m.group(2)}.{m.group(1)}")
    return float(re.sub(r"[,٫]", ".", tok))


def tolerance(value: float, written: str) -> float:
    """Half a unit of the last digit written, at the number's scale: 0.83 -> 0.005, "11.5 مليار" -> 0.05e9,
    "19" -> 0.5 (so 19.3 and 19 agree up to rounding). Number words: 0.5."""
    m = re.search(r"\d[\d,.٫ر]*", written or "")
    if not m:
        return 0.5
    tok = m.group(0).rstrip(".,")
    if _RDEC.fullmatch(tok):
        dec = len(_RDEC.fullmatch(tok).group(1))
    elif _THOUSANDS.fullmatch(tok):
        dec = 0
    else:
        parts = re.split(r"[.,٫]", tok)
        dec = len(parts[1]) if len(parts) > 1 else 0
    try:
        mant = _digits_value(tok)
    except ValueError:
        return 0.5
    scale = value / mant if mant else 1.0
    return 0.5 * 10 ** (-dec) * abs(scale)


# cheap pre-check on the raw text: a digit or the stem of a number word (any spelling of the hamza/ta marbuta)
_MAYBE_NUMBER = re.compile(
    r"\d|واحد|اثن|ثلاث|[أا]ربع|خمس|ست|سبع|ثمان|تسع|عشر|مائ|مئ|[أا]لف|[آا]لاف|مليون|ملايين|مليار|بليون|تريليون|ترليون"
)
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d.,])|\d+ر\d+|\d+(?:[.,٫]\d+)?|%|[^\W\d_]+", re.UNICODE)


def _word_value(tok: str):
    t = strip_clitics(tok) if tok not in _ONES and tok not in _TENS else tok
    for table in (_ONES, _TENS, _HUNDREDS):
        if tok in table:
            return table[tok]
        if t in table:
            return table[t]
    return None


def numbers(text: str, stops: frozenset | None = None) -> list[tuple[float, str, str]]:
    """[(value, unit, as_written)] for the numbers in `text` (folded internally). Numbers without a unit
    word (a bare year, a number at the end of the text) get unit "". Number words are read for
    1-10, the teens ("خمسة عشر"), tens ("عشرون"), hundreds, "X و Y" compounds and scale words; a lone
    "واحد"/"احد" (one; also a pronoun) is ignored."""
    if not _MAYBE_NUMBER.search(text):
        return []
    f = fold(text).replace("٪", "%")
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(f)]
    out = []
    i = 0
    n = len(toks)
    while i < n:
        tok, s0, _ = toks[i]
        val = None
        j = i
        if _DIGITS.fullmatch(tok) or _THOUSANDS.fullmatch(tok) or _RDEC.fullmatch(tok):
            val = _digits_value(tok)
            j = i + 1
            # "19 ألفا و848": thousands + remainder
            if (
                j + 2 < n
                and toks[j][0] in ("الف", "الفا")
                and toks[j + 1][0] == "و"
                and _DIGITS.fullmatch(toks[j + 2][0])
            ):
                val = val * 1000 + float(toks[j + 2][0])
                j += 3
            # "8,3" tokenised as one; "1.107" (thousands dot) stays a decimal: rare in titles
        else:
            w = _word_value(tok)
            if (
                w is not None
                and w >= 2
                or (w is not None and i + 1 < n and toks[i + 1][0] in ("عشر", "عشره"))
            ):
                val = float(w)
                j = i + 1
                if j < n and toks[j][0] in ("عشر", "عشره") and w < 10:
                    val += 10
                    j += 1
                # "خمسه وعشرون": ones + و + tens
                if j < n and toks[j][0].startswith("و") and _word_value(toks[j][0][1:]) is not None:
                    val += _word_value(toks[j][0][1:])
                    j += 1
        if val is None:
            i += 1
            continue
        # scale words: "419 الف", "2.5 مليار", "ثلاثه ملايين"
        while j < n and toks[j][0] in SCALES:
            val *= SCALES[toks[j][0]]
            j += 1
        unit = ""
        if j < n and toks[j][0] == "%":
            unit = "%"
            j += 1
        else:
            k = j
            if (
                k + 1 < n
                and toks[k][0] in _SKIP_AFTER
                and f[toks[k - 1][2] : toks[k][1]].isspace()
                and (toks[k][0] == "من" or toks[k + 1][0] in _PERCENT_WORDS)
            ):
                k += 1
            # the unit word follows the number directly (only spaces between: not "22 (التعاون",
            # "2021، معدات")
            if (
                k < n
                and not _DIGITS.fullmatch(toks[k][0])
                and toks[k][0] != "%"
                and f[toks[k - 1][2] : toks[k][1]].strip() == ""
            ):
                cand = toks[k][0]
                if (
                    not (stops and cand in stops)
                    and cand not in _MONTHS
                    and strip_clitics(cand) not in _MONTHS
                ):
                    unit = unit_key(cand)
                    if unit == "%":
                        j = k + 1  # "50 في المئة": the percent word is used up
                    elif len(unit) < 2:
                        unit = ""
        written = f[s0 : toks[j - 1][2]] if j > i else tok
        out.append((val, unit, written))
        i = max(j, i + 1)
    return out


class NameLexicon:
    """Surface forms (clitic-stripped token tuples) of linked entities -> entity id, from an entities
    table (columns entity_id, type, surface). Rule-made ids ("per:...", "org:...") are left out: they
    are noisy and never shared across spellings. Ids found in more than `frequent_share` of the
    documents (the home country, the capital) are not names that tell two events apart."""

    def __init__(
        self,
        entities: pd.DataFrame | None,
        min_count: int = 2,
        frequent_share: float = 0.02,
        types=("PER", "LOC", "ORG"),
        max_len: int = 4,
    ):
        self.lex: dict = {}
        self.type: dict = {}
        self.max_len = max_len
        if entities is None or len(entities) == 0:
            return
        e = entities[entities["type"].isin(types) & ~entities["entity_id"].astype(str).str.contains(":")]
        ndocs = max(entities["doc_id"].nunique(), 1)
        dfreq = e.groupby("entity_id")["doc_id"].nunique()
        frequent = set(dfreq[dfreq > max(frequent_share * ndocs, 10)].index)  # (small corpora: keep all)
        e = e[~e["entity_id"].isin(frequent)]
        pairs = e.groupby(["surface", "entity_id"]).size()
        cnt: dict = defaultdict(Counter)
        for (surface, eid), c in pairs.items():
            key = tuple(_no_article(t) for t in tokenize(fold(str(surface))))
            if 1 <= len(key) <= max_len:
                cnt[key][eid] += int(c)
        for key, c in cnt.items():
            eid, k = sorted(c.items(), key=lambda x: (-x[1], x[0]))[0]
            if k >= min_count:
                self.lex[key] = eid
        self.type = dict(zip(e["entity_id"], e["type"], strict=False))

    def find(self, text: str) -> set:
        """Entity ids named in `text` (longest match first; a title word is tried as written and without
        its proclitics, so "بجازان" finds "جازان" while "وجدة" stays Oujda)."""
        if not self.lex or not text:
            return set()
        raw = tokenize(fold(text))
        alts = [(_no_article(t), _no_article(strip_clitics(t))) for t in raw]
        out = set()
        i = 0
        while i < len(raw):
            hit = None
            for n in range(min(self.max_len, len(raw) - i), 0, -1):
                rest = tuple(a[0] for a in alts[i + 1 : i + n])
                for first in dict.fromkeys(alts[i]):
                    eid = self.lex.get((first,) + rest)
                    if eid is not None:
                        hit = (eid, n)
                        break
                if hit:
                    break
            if hit:
                out.add(hit[0])
                i += hit[1]
            else:
                i += 1
        return out


def _no_article(tok: str) -> str:
    return tok[2:] if tok.startswith("ال") and len(tok) >= 4 else tok


# --- roles of the named parties in a sentence ---------------------------------------------------------
# clause separators: punctuation and list/contrast connectives that start a new part of a sentence
_SEGMENT = re.compile(r"[،,؛;.:!?؟()]|\s(?:بالاضافه الي|اضافه الي|فضلا عن|علاوه علي|بينما|في حين|كما)\s")
_OBSERVER = re.compile(r"(?:^|\s)(?:ك|بصفه\s+|بصفتها\s+|بصفتهم\s+)(?:ال)?مراقب(?:ين|ون|ا|ه|تين|ان)?(?=\s|$)")
_PARTICIPANT = re.compile(r"(?:^|\s)\w*شارك\w*(?=\s|$)")


def roles(text: str, mentions) -> dict:
    """Role of each named party in a sentence: 'observer' when its clause says so (كمراقبين, بصفة مراقب),
    'participant' when its clause speaks of taking part (يشارك, بمشاركة, المشاركين). mentions: iterable of
    (entity_id, start, end) with offsets into `text`. Clauses are split at punctuation and at list
    connectives (بالإضافة إلى, فضلا عن, ...), so "يشارك X وY، بالإضافة إلى Z كمراقبين" gives X, Y participant
    and Z observer. Returns {entity_id: role} (an id given both roles keeps 'observer' only if every
    mention says so)."""
    pieces = [fold(ch) for ch in text]  # folded per character, with a map from original offsets
    f = "".join(pieces)
    pos = [0]
    for p in pieces:
        pos.append(pos[-1] + len(p))
    bounds = [0]
    for m in _SEGMENT.finditer(f):
        bounds.append(m.start())
    bounds.append(len(f))
    seg_role = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        part = f[a:b]
        if _OBSERVER.search(part):
            seg_role.append((a, b, "observer"))
        elif _PARTICIPANT.search(part):
            seg_role.append((a, b, "participant"))
        else:
            seg_role.append((a, b, None))
    out: dict = {}
    for eid, s, _e in mentions:
        if not (0 <= s < len(text)):
            continue
        fs = pos[s]
        for a, b, r in seg_role:
            if a <= fs < b:
                if r is not None:
                    prev = out.get(eid)
                    out[eid] = r if prev in (None, r) else "participant"
                break
    return out
