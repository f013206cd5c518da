"""Context over dictionaries: what the words around a gazetteer match say about it.

General rules, each a function of the tokens around a span (see `tests/test_context.py`):
- a nisba adjective after a definite noun is not the country (وكالة الأنباء السعودية);
- a place inside a club's or a company's name makes the organisation as a whole (ريال مدريد،
  نادي جدة، طيران الإمارات);
- an outlet named like a place or a common word (الشرق الأوسط، العربية، الرياض) is the outlet only
  where the context says so: a media head before it (صحيفة، قناة ...) or quotes after لـ or a
  publishing verb (لـ«الشرق الأوسط»، ذكرت «العربية»);
- a one-word place name that is also an ordinary word (سيول floods, بورصة stock exchange) or reads
  as proclitic + ordinary word (بعقوبة "with a penalty"), or written with ه where the name has ة
  (جدّه "his grandfather"), is kept only where the context supports a name: a place head before
  it, or the sequence labeller tagging it as a name;
- an ambiguous name takes the reading the document's words point to (عمان: Oman or Amman; الاتحاد
  الأوروبي in a football article is UEFA).
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.core.calendar import MONTHS, WEEKDAYS
from helpers.core.words import PRONOUN_SUFFIXES, fold_token, is_function_word, strip_diacritics, word_zipf
from helpers.entities.gazetteer import Gazetteer, load_gazetteer
from helpers.entities.given_names import given_names
from helpers.entities.rules import (
    CAPITAL_WORDS,
    COMPANY_FIELDS,
    COMPETITION_HEADS,
    DEPUTY_TITLES,
    GENERAL_ADJECTIVES,
    LOCATIVE_UNITS,
    ORG_HEADS,
    PHRASE_STOPS,
    ROAD,
    SPORT_WORDS,
    TIME_NOUNS,
    TITLE_HEADS,
    TITLE_LINKS,
    WordTokens,
    adjective_after,
    adjective_like,
    by_way_of,
    construct_noun,
    nationality_after,
    organisation_complement_end,
    past_verb,
    place_after,
    plural_noun,
    present_verb,
    quoted_name_type,
    rare_in_every_reading,
    sport_construct_end,
)
from helpers.timeline.timex.words import lexicon


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold_token(w) for w in words.split())


#: Words before an outlet's name that say it is the outlet.
MEDIA_CUES = _folded(
    "صحيفة جريدة قناة شبكة فضائية تلفزيون تليفزيون موقع مجلة إذاعة وكالة لصحيفة لجريدة لقناة لشبكة "
    "بصحيفة بجريدة بقناة بشبكة وصحيفة وقناة"
)
#: Verbs and words that introduce a quoted source (ذكرت «العربية»).
QUOTE_CUES = _folded("ل لـ نشرت ذكرت أوردت نقلت قالت أفادت بحسب حسب وفق وفقا موقع عبر")
QUOTES = "\"“”«»'‘’"
#: Words before a place that say it is a place (مدينة سيول، محافظة بعقوبة).
PLACE_CUES = _folded(
    "مدينة بمدينة لمدينة ومدينة العاصمة عاصمة محافظة بمحافظة منطقة بمنطقة ولاية إقليم مقاطعة جزيرة بلدة "
    "قرية مطار ميناء وصل زار غادر"
)
#: A club's name around a place (ريال مدريد، مانشستر يونايتد، أتلتيكو مدريد).
CLUB_BEFORE = _folded(
    "ريال أتلتيكو اتلتيكو أتلتيك أتليتك أتليتيك أتليتكو أتليتيكو سبورتنغ سبورتينغ ديبورتيفو بوروسيا دينامو "
    "أولمبيك اولمبيك إنتر انتر "
)
CLUB_AFTER = _folded("يونايتد سيتي هوتسبير ألبيون")
#: Heads of organisations named after a place (نادي جدة، طيران الإمارات، غرفة الشرقية ...), with
#: the directorates named by their service and region (صحة عسير، جوازات منطقة حائل، مرور الرياض).
PLACE_ORG_HEADS = _folded(
    "نادي جامعة كلية معهد أكاديمية بنك مصرف شركة غرفة أمانة بلدية إمارة طيران أسمنت اسمنت منتخب فريق "
    "مستشفى شرطة هيئة صحيفة جريدة مؤسسة مجموعة اتحاد بورصة سوق جمعية حلف حركة جبهة متحف "
    "جوازات مرور جمارك سجون تعليم صحة مدرسة ثانوية مركز"
)
#: Such heads that are common nouns too (حركة "traffic, activity", جبهة "front line", مركز
#: "centre, seat") or name a school of thought or art (مدرسة بغداد): a place alone after them is
#: no body's name (حركة الرياض العقارية, مدرسة القريات الأهلية and مركز الشارقة الإعلامي are,
#: حركة الرياض "Riyadh's activity" not). The plural is left alone: مدارس سمرقند التاريخية are
#: Samarkand's historic schools.
PLACE_ORG_HEADS_NEEDING_MORE = _folded("حركة جبهة مدرسة ثانوية مركز")


def quoted_after_cue(tokens: WordTokens, i: int) -> bool:
    """Token i opens a quotation that follows a media or publishing cue (لـ«الشرق الأوسط»،
    نشرت "العربية")."""
    if i == 0 or not any(q in tokens.gap(i) for q in QUOTES):
        return False
    return bool(tokens.bare[i - 1] & (QUOTE_CUES | MEDIA_CUES))


def quoted_whole(tokens: WordTokens, first: int, last: int) -> bool:
    """Tokens [first, last) are the whole of a quotation (وتلقت «الشرق الأوسط» نسخة منه)."""
    before = tokens.text[max(0, tokens.starts[first] - 2) : tokens.starts[first]]
    after = tokens.text[tokens.ends[last - 1] : tokens.ends[last - 1] + 2]
    return any(q in before for q in '«"“') and any(q in after for q in '»"”')


#: Words for a day, which a quoted day word glosses (أمس «الاثنين»، غدًا «اليوم»).
DAY_WORDS = _folded("أمس غدا اليوم الليلة البارحة")


def media_context(tokens: WordTokens, i: int, clitic: int = 0, last: int | None = None) -> bool:
    """The name at token i (to `last`) is an outlet's: a media head right before it, quotes after
    a cue (لـ«الشرق الأوسط»، ذكرت «العربية»), or quotes around it alone, unless it glosses the
    day word before it (غدًا «اليوم»: "tomorrow (today)", not the newspaper اليوم)."""
    if i > 0 and tokens.joined(i) and tokens.bare[i - 1] & MEDIA_CUES:
        return True
    if quoted_after_cue(tokens, i):
        return True
    gloss = i > 0 and tokens.folded[i - 1] in DAY_WORDS and tokens.folded[i] in DAY_WORDS
    return last is not None and quoted_whole(tokens, i, last) and not gloss


#: How far into a text its opening dateline may run, in characters (to its colon).
DATELINE_CHARS = 80
DASHES = "-–—ـ"


def in_dateline(tokens: WordTokens, first: int, last: int) -> bool:
    """Tokens [first, last) are a whole segment of the dateline a text opens with: before the
    first colon, on the first line, within `DATELINE_CHARS`, with a dash or the text's start
    before them and a dash or the colon after them (سبق- الرياض:، فهد العتيبي- سبق- الطائف:)."""
    text = tokens.text
    colon = text.find(":", 0, DATELINE_CHARS)
    if colon < 0 or tokens.ends[last - 1] > colon or "\n" in text[:colon].strip():
        return False
    before = text[: tokens.starts[first]].rstrip()
    after = text[tokens.ends[last - 1] : colon + 1].lstrip()
    return (not before or before[-1] in DASHES) and (after[0] in DASHES or after[0] == ":")


def in_common_phrase(tokens: WordTokens, first: int, last: int, gaz: Gazetteer, clitic: int = 0) -> bool:
    """A name (after its proclitic) inside a common phrase the gazetteer lists (`phrases`: صلاة
    المغرب، جوز الهند، مسقط رأسه، باليمن والبركات، درجة حماس الناس، ينبع من "stems from"، إقامة
    الدولة الإسلامية "founding an Islamic state"، تداول 5 شركات، حماس الأتباع); not when a place
    head comes before and the phrase goes on with a preposition (مدينة ينبع | من)."""
    word = " ".join(tokens.name(first, last, clitic))
    after = gaz.phrase_after.get(word)
    if after and first > 0 and tokens.joined(first) and tokens.bare[first - 1] & after:
        return True
    if (
        word in gaz.phrase_before_number
        and last < len(tokens)
        and tokens.joined(last)
        and tokens.folded[last][:1].isdigit()
    ):
        return True  # تعليق تداول 5 شركات "trading of five companies"
    if word in gaz.phrase_common_noun and _common_noun_context(tokens, last):
        return True  # ألهبت حماس الأتباع "stirred the followers' enthusiasm"، بحماس كبير
    before = gaz.phrase_before.get(word)
    return (
        bool(before)
        and last < len(tokens)
        and tokens.joined(last)
        and tokens.folded[last].startswith(before)
        # مدينة ينبع | من الحركة الجوية: after a place head, a preposition does not make the phrase
        and not (place_supported(tokens, first) and all(is_function_word(p) for p in before))
    )


def _common_noun_context(tokens: WordTokens, k: int) -> bool:
    """Token k, joined to the word before, makes that word a common noun: a definite noun it is
    in construct with (حماس | الأتباع; not an adjective, حماس | الفلسطينية, nor a day or month,
    أعلنت حماس | اليوم) or an indefinite masculine adjective, which no feminine name takes
    (بحماس | كبير; not a verb, حماس | مازالت). The adjective must be one `rules.adjective_like`
    knows with the article (not شديد)."""
    if k >= len(tokens) or not tokens.joined(k):
        return False
    word = tokens.folded[k]
    if not tokens.definite[k]:
        return (
            word.isalpha()
            and not word.endswith(("ه", "ت", "ا"))
            and not is_function_word(word)
            and adjective_like("ال" + word)
            and not (past_verb(word) or present_verb(word))
        )
    days = lexicon().table("relative_days")
    return not (adjective_like(word) or word in days or word in WEEKDAYS or word[2:] in MONTHS)


def nisba_after_definite(tokens: WordTokens, first: int, last: int, clitic: int) -> bool:
    """A one-word definite name shaped like a nisba adjective (السعودية، العربية) right after a
    definite noun agrees with it as an adjective (وكالة الأنباء السعودية، العلاقات الأردنية
    السعودية), unless a proclitic joins it as a coordinate (مصر والسعودية) of anything but
    another such adjective of a definite noun (اللوائح الخليجية والسعودية، الخليجية/ السعودية)."""
    if last - first != 1 or first == 0:
        return False
    word = tokens.folded[first][clitic:]
    if not (word.startswith("ال") and word.endswith(("يه", "ي"))):
        return False
    and_word = clitic == 1 and tokens.folded[first][0] == "و"
    if and_word or (not clitic and tokens.gap(first) == "/"):
        return _coordinated_adjective(tokens, first - 1)
    if clitic or not tokens.joined(first):
        return False
    before = tokens.folded[first - 1]
    # definite, perhaps behind a proclitic (للسوق السعودية، بالمملكة العربية), or a plural noun
    # made definite by its pronoun (لمنتجاتنا السعودية "our Saudi products")
    definite = (
        tokens.definite[first - 1]
        or any(c and rest.startswith("ال") and len(rest) > 3 for c, rest in tokens.forms(first - 1))
        or _plural_with_pronoun(tokens, first - 1)
    )
    return definite and not is_function_word(before)


def _plural_with_pronoun(tokens: WordTokens, k: int) -> bool:
    """Token k is a feminine plural noun in use with a possessive pronoun (لمنتجاتنا، علاقاتها;
    the plural's ات sets it apart from a verb with its object, دعمتها)."""
    for _, form in tokens.forms(k):
        for suffix in PRONOUN_SUFFIXES:
            stem = form.removesuffix(suffix)
            if stem != form and stem.endswith("ات") and len(stem) >= 5 and word_zipf(stem) >= 3.0:
                return True
    return False


def accusative_nisba(tokens: WordTokens, first: int, last: int, clitic: int, gaz: Gazetteer) -> bool:
    """A one-word country name that is also the accusative of its nationality adjective (سوريا،
    كينيا), right after a number and its counted noun in the accusative, agrees with the noun
    (158 لاجئا سوريا "158 Syrian refugees", 20 رضيعا كينيا)."""
    if last - first != 1 or first < 2 or clitic or not (tokens.joined(first) and tokens.joined(first - 1)):
        return False
    word, noun, number = tokens.folded[first], tokens.folded[first - 1], tokens.folded[first - 2]
    return (
        word.endswith("يا")
        and gaz.nationality("ال" + word[:-1])
        and noun.endswith("ا")
        and word_zipf(noun[:-1]) >= 3.0
        and (number.isdigit() or number in lexicon().cardinals)
    )


def coordinated_indefinite_nisba(
    tokens: WordTokens, first: int, last: int, clitic: int, gaz: Gazetteer
) -> bool:
    """A one-word name shaped like an indefinite nisba adjective after و, right after another
    such adjective that no gazetteer name is: the two describe one noun (بعرض جوي | وبحري "an air
    and naval show", not Khartoum North)."""
    if last - first != 1 or first == 0 or clitic != 1 or tokens.folded[first][0] != "و":
        return False
    word, before = tokens.folded[first][1:], tokens.folded[first - 1]
    ending = "يه" if word.endswith("يه") else "ي"
    return (
        word.endswith(ending)
        and not word.startswith("ال")
        and tokens.joined(first)
        and before.endswith(ending)
        and not tokens.definite[first - 1]
        and word_zipf(before) >= 3.0
        and gaz.lookup((before,)) is None
    )


def _coordinated_adjective(tokens: WordTokens, k: int) -> bool:
    """Token k is a definite nisba adjective of the definite noun before it, and no nationality
    (a country's name may end so: الولايات المتحدة الأمريكية | والسعودية)."""
    word = tokens.folded[k]
    return (
        k > 0
        and tokens.joined(k)
        and tokens.definite[k]
        and tokens.definite[k - 1]
        and word.endswith(("يه", "ي"))
        and not is_function_word(word)
        and not load_gazetteer().nationality(word)
    )


def nisba_after_org(tokens: WordTokens, first: int, last: int, clitic: int, org_at: list[bool]) -> bool:
    """A one-word nisba-shaped name right after an organisation's name, perhaps behind its
    closing quote, qualifies it (أرامكو السعودية، «أرامكو» السعودية)."""
    if last - first != 1 or clitic or first == 0 or not org_at[first - 1]:
        return False
    word = tokens.folded[first]
    gap = tokens.gap(first)
    return tokens.definite[first] and word.endswith(("يه", "ي")) and gap in ("", "»", '"', "”")


@lru_cache(maxsize=100_000)
def _ordinary(word: str) -> bool:
    return word_zipf(word) >= LOOKALIKE_ZIPF


#: A one-word name at least this frequent as a word (Zipf) is a look-alike needing context.
LOOKALIKE_ZIPF = 3.0
_TEH_MARBUTA = re.compile(r"[ةۃ][\u064b-\u065f]*$")
_HEH = re.compile(r"ه[\u064b-\u065f]*$")


def lookalike(
    tokens: WordTokens, first: int, last: int, clitic: int, names: tuple[str, ...], by_frequency: bool = True
) -> bool:
    """A one-word place name that is also an ordinary word: written with ه where every spelling
    of the name has ة and no article (جده "his grandfather" for جدة; not الدوحه), or read whole
    while a proclitic + a clearly more frequent word reads it too (بعقوبة: ب + عقوبة), or
    (`by_frequency`) a frequent word itself (سيول floods, بورصة stock exchange)."""
    if last - first != 1:
        return False
    raw = tokens.raw[first]
    word = dict(tokens.forms(first)).get(clitic, tokens.folded[first])
    definite = word.startswith("ال")  # الدوحه: the article takes no pronoun after the word
    if (
        _HEH.search(raw)
        and not definite
        and names
        and all(_TEH_MARBUTA.search(n.split()[-1]) for n in names if n)
    ):
        return True
    if not clitic and tokens.proclitic_word(first, LOOKALIKE_ZIPF):
        return True
    return by_frequency and _ordinary(word) and not tokens.definite[first]


def place_supported(tokens: WordTokens, first: int) -> bool:
    """A place head or a movement verb right before the word (مدينة سيول، في بعقوبة)."""
    return first > 0 and tokens.joined(first) and bool(tokens.bare[first - 1] & PLACE_CUES)


def club_or_company(
    tokens: WordTokens, first: int, last: int, taken: set[int], clitic: int = 0
) -> tuple[int, int] | None:
    """Tokens of the organisation a place's name is part of: a club word before or after it
    (ريال مدريد، مانشستر يونايتد) or an organisation head before it, one or two relational
    adjectives and a ل-complement after it (نادي جدة الأدبي الثقافي، بنك الكويت المركزي، مركز
    دبي التجاري العالمي، شركة البحرين للنقل العام; a nationality is no second adjective) unless
    a deputy's title comes before it; not a head before a place behind a preposition (مستشفى |
    بألمانيا: a hospital in Germany); a company's field after it (مصر للطيران، دبي للاستثمار;
    not after a preposition of place: سافر إلى دبي | للاستثمار)."""
    before, after = first - 1, last
    if before >= 0 and before not in taken and tokens.joined(first) and not clitic:
        if tokens.folded[before] in CLUB_BEFORE:
            return before, last
        heads = PLACE_ORG_HEADS
        if (
            _construct_after_head(tokens, before)
            and before - 1 not in taken
            and load_gazetteer().lookup(tuple(tokens.folded[before:last])) is None  # بايرن ميونيخ
        ):
            # غرفة تجارة | جدة، مجلس علماء | باكستان: the head's construct noun between
            before, heads = before - 1, CONSTRUCT_ORG_HEADS
        if tokens.bare[before] & heads:
            general = last < len(tokens) and tokens.joined(last) and tokens.folded[last] in GENERAL_ADJECTIVES
            end = last + 1 if adjective_after(tokens, last) or general else last  # مستشفى ينبع العام
            if (
                end > last
                and adjective_after(tokens, end)
                and not load_gazetteer().nationality(tokens.folded[end])
            ):
                end += 1  # مركز دبي التجاري العالمي; not بنك الكويت المركزي | الكويتي
            deputy = before > 0 and tokens.joined(before) and tokens.bare[before - 1] & DEPUTY_TITLES
            # وكيل إمارة منطقة مكة المكرمة | للشؤون الأمنية: the complement is the deputy's portfolio
            end = end if deputy else organisation_complement_end(tokens, end)
            if end == last and tokens.bare[before] & PLACE_ORG_HEADS_NEEDING_MORE:
                return None
            return before, end
    if after < len(tokens) and after not in taken and tokens.joined(after):
        if tokens.folded[after] in CLUB_AFTER:
            return first, after + 1
        moved = first > 0 and tokens.joined(first) and bool(tokens.bare[first - 1] & PLACE_PREPOSITIONS)
        # قناة السويس | للملاحة: a longer place's name ends there
        moved = moved or (
            first > 0 and load_gazetteer().lookup(tuple(tokens.folded[first - 1 : last])) is not None
        )
        if tokens.folded[after] in PLACE_COMPANY_FIELDS and last - first == 1 and not moved:
            end = after + 1  # دبي للاستثمار، مصر للطيران، الإمارات للاتصالات المتكاملة
            while end < len(tokens) and tokens.joined(end) and adjective_after(tokens, end):
                end += 1
            return first, end
    return None


#: A company's field after a place's name, which names the company (مصر للطيران، دبي للاستثمار).
PLACE_COMPANY_FIELDS = COMPANY_FIELDS | _folded("للإعلام للصناعات للتجارة للنقل للملاحة للتعدين")


#: Heads of a body named by a construct noun and a place (غرفة تجارة جدة، مجلس علماء باكستان,
#: حزب نداء تونس); not مركز, whose مركز محافظة X is a governorate's seat.
CONSTRUCT_ORG_HEADS = PLACE_ORG_HEADS - _folded("مركز") | _folded("مجلس حزب رابطة نقابة")


def _construct_after_head(tokens: WordTokens, k: int) -> bool:
    """Token k is an indefinite noun in construct (`rules.construct_noun`) after an organisation
    head and before a place (غرفة | تجارة | جدة، هيئة | تطوير | مكة)."""
    return k >= 1 and bool(tokens.bare[k - 1] & CONSTRUCT_ORG_HEADS) and construct_noun(tokens, k)


#: Heads of a street, district or facility named after a place (شارع الرياض، طريق مكة، مطار دبي، سجن بريدة),
#: and of a natural feature named like a town or country (وادي ضمد، جبل لبنان، خليج عدن): a
#: place of its own, not the town.
STREET_HEADS = _folded(
    "شارع طريق حي ميدان دوار جسر نفق كوبري مترو قطار مطار ميناء قلعة وادي جبل نهر خليج بحيرة سد كورنيش "
    "سجن منتزه متنزه"
)
#: Words after a facility's place name that are part of the facility's name (مطار دبي الدولي،
#: كورنيش جدة الشمالي).
FACILITY_QUALIFIERS = _folded(
    "الدولي الجديد الجديدة القديم القديمة الشمالي الجنوبي الشرقي الغربي السريع العام المركزي الوطني"
)


#: Between a road's two places (طريق حائل/الجوف، طريق صبيا- أبو عريش), or nothing.
ROAD_LINKS = ("", "-", "/", "–")


def facility_end(tokens: WordTokens, last: int, place_ends: dict[int, int] | None = None) -> int:
    """End of a facility's name whose place ends at token `last` (مطار دبي | الدولي، طريق مكة |
    القديم، مطار جدة | الجديد); a road's takes a second place of `place_ends` (first token: end)
    right after the first, or after a dash or slash (طريق مكة المكرمة | جدة القديم، طريق حائل |
    /الجوف الدولي)."""
    if place_ends and last in place_ends and tokens.gap(last) in ROAD_LINKS and _road_before(tokens, last):
        last = place_ends[last]
    if last < len(tokens) and tokens.joined(last) and tokens.folded[last] in FACILITY_QUALIFIERS:
        return last + 1
    return last


def _road_before(tokens: WordTokens, k: int) -> bool:
    """A road's head stands at most four words before token k (طريق مكة المكرمة | جدة)."""
    return any(ROAD in tokens.bare[j] for j in range(max(0, k - 4), k))


def inside_quoted_name(tokens: WordTokens, first: int, last: int) -> bool:
    """The name opens a quotation that goes on past it («ماليزيا ديفلبمنت برهاد»): it is part of
    a longer quoted name."""
    if first == 0 or not any(q in tokens.gap(first) for q in '«"“'):
        return False
    if last >= len(tokens) or not tokens.joined(last):
        return False  # the quotation closes right after the name: the name is all of it
    for k in range(last + 1, min(last + 4, len(tokens))):
        if not tokens.joined(k):
            return any(q in tokens.gap(k) for q in '»"”')
    return False


#: Demonstratives: a weak name after one is a common noun (هذه القاعدة "this base"), and a given
#: name in use before one and a definite noun is a noun in construct (جمال | هذه الكلمات).
DEMONSTRATIVES = _folded("هذه هذا هذي تلك ذلك هذين هاتين هؤلاء أولئك")


def hamza_written_otherwise(raw: str, spellings: tuple[str, ...]) -> bool:
    """The word as written has a hamza's alef (أ إ آ) where each of the name's spellings of its
    length has a bare alef: another word that folds alike (وأم "and a mother", not وام, WAM)."""
    word = strip_diacritics(raw)
    same = [s for s in spellings if len(s) == len(word)]
    return bool(same) and all(
        any(w in HAMZA_ALEFS and n == "ا" for w, n in zip(word, s, strict=True)) for s in same
    )


#: Alefs that carry a hamza or madda.
HAMZA_ALEFS = "أإآ"


def common_noun_use(tokens: WordTokens, k: int, clitic: int) -> bool:
    """Token k, without a proclitic, right after a demonstrative: a name the gazetteer holds
    weakly there is the common word it also is (هذه القاعدة "this base")."""
    return k > 0 and tokens.folded[k - 1] in DEMONSTRATIVES and not clitic and tokens.joined(k)


#: Directions of a place's part (جنوب لبنان، وسط صنعاء).
PLACE_DIRECTIONS = _folded("جنوب شمال شرق غرب وسط")
#: Words for a part of a place, which a masculine adjective after the place describes (ريف حمص
#: الشرقي، جنوب لبنان).
PLACE_PARTS = PLACE_DIRECTIONS | _folded("ريف ضواحي أطراف محيط جنوبي شمالي شرقي غربي")


def city_with_masculine_adjective(tokens: WordTokens, first: int, last: int, nationality) -> bool:
    """A one-word city name followed by a masculine relational adjective that is no nationality
    is a common noun (الرباط الداخلي للركبة: a ligament): cities are feminine. Not a name without
    the article after a title or a word for part of a place, which the adjective describes (حاكم
    لويزيانا الجمهوري: the Republican governor; ريف حمص الشرقي: the eastern countryside)."""
    k = last
    construct = (
        not tokens.definite[first]
        and tokens.joined(first)
        and (tokens.is_(first - 1, TITLE_HEADS) or bool(tokens.bare[first - 1] & PLACE_PARTS))
    )
    return (
        last - first == 1
        and not construct
        and k < len(tokens)
        and tokens.joined(k)
        and tokens.definite[k]
        and tokens.folded[k].endswith("ي")
        and not strip_diacritics(tokens.raw[k]).endswith("ى")  # الخليج الأخرى: feminine
        and not nationality(tokens.folded[k])
        and not is_function_word(tokens.folded[k])
    )


def _after_head(tokens: WordTokens, first: int, heads: frozenset[str]) -> bool:
    """Token `first` follows one of `heads` (perhaps after a proclitic), nothing between."""
    return first > 0 and tokens.joined(first) and bool(tokens.bare[first - 1] & heads)


def street_of_place(tokens: WordTokens, first: int, last: int, country: bool = False) -> bool:
    """The place at tokens [first, last) names a street or district (شارع الرياض), not after عن
    طريق "by way of" (عن طريق قاعدة العند: via the base), nor a `country` after طريق unless a
    road's second place follows (يمهد طريق إيران "paves Iran's way"; طريق مصر - الفيوم is a road)."""
    if not _after_head(tokens, first, STREET_HEADS) or by_way_of(tokens, first - 1):
        return False
    if country and tokens.folded[first - 1] == ROAD:
        return last < len(tokens) and tokens.gap(last) in ROAD_LINKS[1:]
    return True


#: Broadcasters' heads, which a place's name after them makes a broadcaster (تلفزيون قطر، إذاعة
#: لندن); not قناة, also a canal (قناة السويس، قناة مصر "Egypt's canal").
BROADCAST_HEADS = _folded("تلفزيون إذاعة راديو")


def broadcaster_of_place(tokens: WordTokens, first: int) -> bool:
    """The place at token `first` names a broadcaster after its head (تلفزيون قطر، راديو إسرائيل)."""
    return _after_head(tokens, first, BROADCAST_HEADS)


def body_of_quoted_place(tokens: WordTokens, first: int, last: int) -> str | None:
    """The type of the body a place's name quoted whole after an organisation's head names, as
    the rules type a quoted name there (`quoted_name_type`: تنظيم «بيت المقدس» is Ansar Bayt
    al-Maqdis, not Jerusalem; مستشفى «الرياض» a hospital), or None; not after a channel's head
    (قناة «بنما» is the canal)."""
    head = next((f for f in tokens.bare[first - 1] if f in ORG_HEADS), None) if first > 0 else None
    return quoted_name_type(head) if head and quoted_whole(tokens, first, last) else None


#: Heads of an event named after a place (مهرجان الإسكندرية السينمائي، معرض الرياض الدولي للكتاب).
EVENT_PLACE_HEADS = _folded(
    "مهرجان معرض مؤتمر منتدى ملتقى بطولة كأس كوبا رالي ماراثون سباق اتفاق اتفاقية معاهدة إعلان جائزة "
    "نهائيات تصفيات"
)
#: Stages of a competition, which name it by its place (تصفيات أمريكا الجنوبية) but are no part
#: of its name (نهائيات | كأس آسيا).
STAGES = _folded("نهائيات تصفيات")


def event_of_place(
    tokens: WordTokens, first: int, last: int, country: bool = False
) -> tuple[int, int] | None:
    """Tokens of the event a place's name is part of: an event head before it, and relational
    adjectives or ل-complements after it (up to three words; not a word of time: كأس الخليج |
    الماضية). A treaty is named by the city where it was signed (اتفاق الطائف), not by a
    `country` party to it (اتفاق إيران "the Iran deal"), nor is a declaration (`TREATY_HEADS`)."""
    before = first - 1
    if before < 0 or not tokens.joined(first) or not tokens.bare[before] & EVENT_PLACE_HEADS:
        return None
    if country and tokens.bare[before] & TREATY_HEADS:
        return None
    while before > 0 and tokens.joined(before) and tokens.bare[before - 1] & (EVENT_PLACE_HEADS - STAGES):
        before -= 1  # كأس كوبا أمريكا (not نهائيات | كأس آسيا: the stage of a competition)
    end = last
    while end < len(tokens) and end - last < 3 and tokens.joined(end):
        word = tokens.folded[end]
        if word in PHRASE_STOPS:
            break
        if adjective_after(tokens, end) or (word.startswith("لل") and len(word) > 4):
            end += 1
        elif end > last and word in TEENS:
            end += 1  # مهرجان عنيزة الحادي | عشر: the ordinal's second word
        else:
            break
    return before, edition_end(tokens, end)


#: Heads of a treaty's or a declaration's name (اتفاق الطائف، معاهدة فرساي، إعلان القاهرة), which
#: a country's name after them does not make (اتفاق إيران، إعلان الولايات المتحدة "the US
#: announcement").
TREATY_HEADS = _folded("اتفاق اتفاقية معاهدة الاتفاق الاتفاقية المعاهدة إعلان")
#: The second word of the ordinals eleventh to nineteenth (الحادي عشر، الثانية عشرة).
TEENS = _folded("عشر عشرة")


def edition_end(tokens: WordTokens, last: int, first: int | None = None) -> int:
    """Where a place's name ending before token `last` ends with the number of an edition after
    it (جنيف 2، «جنيف 3»، مؤتمر جنيف 2 الذي ...): a whole number of one or two digits, no
    percentage or decimal, that the clause does not go on after (not في جدة 3 مدارس), and not
    in a list of places and numbers (a weather report: مكة المكرمة 44، المدينة المنورة 40; the
    name's `first` token tells the number before it)."""
    if last >= len(tokens) or not tokens.joined(last) or not tokens.folded[last].isdigit():
        return last
    if first is not None and first > 0 and _comma(tokens, first) and tokens.folded[first - 1].isdigit():
        return last  # ، المدينة المنورة 40: the number before it closes another reading
    for k in (
        range(last + 2, min(len(tokens), last + 4))
        if last + 1 < len(tokens) and _comma(tokens, last + 1)
        else ()
    ):
        if tokens.folded[k].isdigit():  # ، جدة 36: the next place's reading (not ، أكثر من 120)
            if not any(is_function_word(tokens.folded[j]) for j in range(last + 1, k)):
                return last
            break
    if len(tokens.folded[last]) > 2 or tokens.folded[last].startswith("0"):
        return last
    rest = "".join(tokens.text[tokens.ends[last] : tokens.ends[last] + 4].split())
    if rest[:1] in ("%", "٪") or (rest[:1] in ".,٫/-:" and rest[1:2].isdigit()):
        return last  # منطقة عسير 90%، كونكورد 2.5، سندرلاند 4/ 2: a quantity or a score
    after = last + 1
    if after < len(tokens) and tokens.joined(after) and tokens.folded[after] not in EDITION_FOLLOWERS:
        return last
    return after


def _comma(tokens: WordTokens, k: int) -> bool:
    """A comma (`LIST_COMMAS`) stands between token k - 1 and token k."""
    return bool(set(tokens.gap(k)) & set(LIST_COMMAS))


#: Words after which an edition's number may still close a name (مؤتمر جنيف 2 الذي عقد).
EDITION_FOLLOWERS = _folded("الذي التي")


def club_by_nationality(tokens: WordTokens, last: int) -> bool:
    """A name followed at token `last` by a masculine nationality adjective names a club (الكويت
    الكويتي، برشلونة الإسباني): places are feminine, clubs (النادي) masculine."""
    return last < len(tokens) and tokens.folded[last].endswith("ي") and nationality_after(tokens, last)


def in_proclitic(tokens: WordTokens, first: int, clitic: int) -> bool:
    """The name at token `first` is read after the proclitic ب "in" (بروما، بفالنسيا)."""
    reads = bool(clitic) and bool(dict(tokens.forms(first)).get(clitic))
    return reads and tokens.folded[first][:clitic].endswith("ب")


def city_reading(tokens: WordTokens, first: int, last: int, clitic: int) -> bool:
    """A city's name at tokens [first, last) reads as the city, not its club: after ب (بفالنسيا)
    or before a feminine nationality adjective (فالنسيا الإسبانية; clubs take the masculine)."""
    in_it = in_proclitic(tokens, first, clitic)
    feminine = last < len(tokens) and tokens.folded[last].endswith("يه") and nationality_after(tokens, last)
    return in_it or feminine


#: Words before a club's name that say it is the club (نادي الهلال، فاز الهلال، أمام النصر).
CLUB_CUES = _folded(
    "نادي لنادي بنادي فريق لفريق لاعب لاعبي لاعبو مدرب جماهير جمهور مشجعي مشجعو إدارة رئيس أمام "
    "ضد فاز يفوز خسر تعادل واجه يواجه التقى يلتقي هزم تغلب ناديي فريقي حارس مهاجم مدافع هداف قائد "
    "تعاقد يتعاقد شعار قميص صفوف لصفوف بصفوف"
)


#: A national team's head: the word after it is the team's kind, no club (منتخب الشباب "the
#: youth team", not Al-Shabab).
NATIONAL_TEAMS = _folded("منتخب منتخبنا منتخبات")


def club_supported(tokens: WordTokens, first: int) -> bool:
    """A club cue (`CLUB_SUPPORT`) among the three words before the name, in its clause (نادي
    الهلال، فاز الهلال على النصر، تعادل مع النصر، فوز الأهلي، مرمى الشباب), and no national team's
    head right before it (لاعبي منتخب الشباب)."""
    if first > 0 and tokens.joined(first) and tokens.bare[first - 1] & NATIONAL_TEAMS:
        return False
    k = first
    while k > 0 and first - k < 3 and tokens.joined(k):
        k -= 1
        if tokens.bare[k] & CLUB_SUPPORT:
            return True
    return False


#: Words before a listed company's short name in a stock report (سهم البحري، أسهم اللجين،
#: وتبعه سابك).
STOCK_WORDS = _folded("سهم سهما سهمي أسهم تبعه تبعها تلاه تلاها يليه")


def after_stock_word(tokens: WordTokens, first: int, clitic: int) -> bool:
    """The name at token `first` (with no proclitic) follows a stock word (`STOCK_WORDS`)."""
    return not clitic and first > 0 and tokens.joined(first) and bool(tokens.bare[first - 1] & STOCK_WORDS)


def continues_list(tokens: WordTokens, first: int, clitic: int, ends: set[int]) -> bool:
    """The name at token `first` goes on a list whose last name ends there (`ends`): joined by و
    (والنهضة), after a comma (، وسابك) or after ثم / أو (ليوفنتوس ثم ميلان)."""
    if first - 1 in ends and tokens.folded[first - 1] in LIST_WORDS and tokens.joined(first):
        return tokens.joined(first - 1)
    if first not in ends:
        return False
    after_and = clitic == 1 and tokens.folded[first][0] == "و" and tokens.joined(first)
    return after_and or tokens.gaps[first] in LIST_COMMAS


#: Words between two names of a list (ليوفنتوس ثم ميلان).
LIST_WORDS = _folded("ثم أو او")


#: Commas between the names of a list.
LIST_COMMAS = (",", "،")


#: Plural heads before a list of clubs (أندية القادسية والنهضة، لأندية النصر والشباب).
CLUB_LIST_HEADS = _folded("أندية")


def club_list(tokens: WordTokens, first: int, last: int) -> bool:
    """The name at tokens first..last opens a list of clubs after their plural head: و and a word
    follow (أندية القادسية والنهضة; not بطولة أندية الخليج, the Gulf's clubs)."""
    return (
        first > 0
        and tokens.joined(first)
        and bool(tokens.bare[first - 1] & CLUB_LIST_HEADS)
        and last < len(tokens)
        and tokens.joined(last)
        and tokens.folded[last].startswith("و")
    )


#: Words before a match's two sides (مباراة السوبر بين الهلال والنصر، مباراة النصر والهلال).
SIDES_HEADS = _folded("بين مباراة مباراتي لقاء")


def clubs_between(tokens: WordTokens, first: int, last: int, and_club_starts: set[int]) -> bool:
    """The name at tokens first..last follows بين or مباراة and و + another club's name follows
    it (بين الهلال والنصر; not بين الشباب والشيوخ, where the second is no club)."""
    return (
        first > 0
        and tokens.joined(first)
        and bool(tokens.bare[first - 1] & SIDES_HEADS)
        and last in and_club_starts
        and tokens.joined(last)
    )


def club_pair(tokens: WordTokens, last: int, and_club_starts: set[int]) -> bool:
    """The name ending before token `last` is followed by و + another club's name (وفي مقدمتها
    الهلال والنصر, واستعدادات الوحدة والأهلي): in an article about sport, two clubs."""
    return last in and_club_starts and tokens.joined(last)


#: The nouns of a match's outcome, which a report also gives with the team's pronoun (بفوزه على).
MATCH_NOUNS = "فوز خسارة تعادل مواجهة"


def _with_team_pronoun(nouns: str) -> str:
    """The nouns with the team's pronoun, ة written ت before it (فوزه، خسارتها)."""
    stems = [n[:-1] + "ت" if n.endswith("ة") else n for n in nouns.split()]
    return " ".join(stem + pronoun for stem in stems for pronoun in ("ه", "ها"))


#: Words a club's name follows in a match report where a city's name would not (فاز نجران على
#: الهلال، تعادل مع ليون، أمام بورتو، بفوزه على كوبنهاغن): match verbs, their nouns (with the
#: team's pronoun too, `MATCH_NOUNS`) and their prepositions.
MATCH_CUES = _folded(
    "فاز يفوز خسر تعادل واجه يواجه التقى يلتقي هزم تغلب أمام ضد مضيفه ضيفه الفوز الخسارة التعادل "
    "المواجهة سيلتقي سيواجه سيلاقي يلاقي لاقى " + MATCH_NOUNS + " " + _with_team_pronoun(MATCH_NOUNS)
)
#: Words a country's national team follows besides the match words: a fixture's verb and a draw's
#: group (تلعب تنزانيا مع مالاوي، في المجموعة الثانية مع سويسرا، تضم المجموعة المغرب والبحرين).
TEAM_CUES = MATCH_CUES | _folded("تلعب يلعب ستلعب سيلعب المجموعة مجموعة")
#: A club's people, named before it (مدرب ميلانو، مهاجم روما).
TEAM_MEMBERS = _folded("مدرب مدربا لاعب لاعبي لاعبو مهاجم حارس مدافع جماهير جمهور نجم نجوم")
#: Words between a match verb and the club (فاز على نجران، تعادل مع ليون).
MATCH_LINKS = _folded("على مع")


#: Words right before a club's name that a person's name does not follow with a nationality
#: after it (أمام فولفسبورغ الألماني، نادي أتالانتا الإيطالي، نظيره أودينيزي الإيطالي).
CLUB_NAMERS = CLUB_CUES | MATCH_CUES | _folded("نظيره منافسه خصمه")
#: Words a club's bare name follows in an article about sport (`club_supported`): the club cues,
#: the match words and the words of a match's place in it (مرمى الهلال، مباراة الأهلي، لقاء النصر).
CLUB_SUPPORT = CLUB_NAMERS | _folded("مرمى شباك مباراة لقاء")


def club_by_rare_name(tokens: WordTokens, covered: list[str | None], sport: bool) -> list[tuple[int, int]]:
    """Clubs named by one or two words that no word list knows well, followed by a masculine
    nationality adjective and preceded by a club's head, a match word or a team member
    (`CLUB_NAMERS`: أمام فولفسبورغ الألماني، نادي أتالانتا الإيطالي), or in an article about `sport`
    by words no word list knows, uninflected, after anything but a title (تلقى لخويا القطري):
    (first, last) token spans. A person's nationality comes before the name (اللاعب البرازيلي
    نيمار), and places are feminine (`club_by_nationality`)."""
    found = []
    for k in range(2, len(tokens)):
        if not club_by_nationality(tokens, k):
            continue
        for unknown in (False, True):
            first = k
            while (
                first > 0
                and k - first < 2
                and tokens.joined(first)
                and _rare_name_word(tokens, first - 1, covered, unknown)
            ):
                first -= 1
            if first == k:
                break
            before = first - 1 if tokens.joined(first) else -1
            if not unknown and before >= 0 and tokens.bare[before] & CLUB_NAMERS:
                found.append((first, k))
                break
            if unknown and sport and not (before >= 0 and (tokens.keyword[before] or covered[before])):
                found.append((first, k))
                break
    return found


#: Words of a club's name a city's name may follow (سسكا موسكو، ستيوا بوخارست، دينامو كييف).
CLUB_NAME_WORDS_BEFORE_CITY = 2


def club_words_before(tokens: WordTokens, first: int) -> int:
    """Start of a club's name that ends with the city at token `first`: up to
    `CLUB_NAME_WORDS_BEFORE_CITY` words right before it that no word list knows, uninflected, no
    article, no given name, no keyword (سسكا | موسكو الروسي، ستيوا | بوخارست; not أمام | بورتو,
    يتلقاها | ميلان)."""
    free = [None] * len(tokens)
    start = first
    while (
        start > 0
        and first - start < CLUB_NAME_WORDS_BEFORE_CITY
        and tokens.joined(start)
        and not tokens.keyword[start - 1]
        and _rare_name_word(tokens, start - 1, free, True)
        and not _plural_construct(tokens.folded[start - 1])
    ):
        start -= 1
    return start


def _plural_construct(word: str) -> bool:
    """A folded word is a masculine plural before its complement (مهاجمو القادسية: مهاجمون,
    `plural_noun`)."""
    return word.endswith("و") and plural_noun(word[:-1] + "ون")


def listed_club_and(tokens: WordTokens, first: int) -> int:
    """Letters of a proclitic و on a club's name at token `first` that follows a comma or another
    club's nationality (الصربي وأريمس القبرصي): the list's "and", not the name's letter
    (وولفسبورغ)."""
    listed = "،" in tokens.gap(first) or "," in tokens.gap(first) or nationality_after(tokens, first - 1)
    return 1 if tokens.folded[first].startswith("و") and len(tokens.folded[first]) > 4 and listed else 0


#: Endings of inflected Arabic words (dual, plurals, attached pronouns; folded ة is ه) that an
#: unknown word is not taken as a name with (نطحة، ليخلفه، والنجمان).
INFLECTED_ENDINGS = ("ان", "ين", "ون", "ات", *PRONOUN_SUFFIXES)


def _rare_name_word(tokens: WordTokens, k: int, covered: list[str | None], unknown: bool) -> bool:
    """Token k may be a word of a club's foreign name: free, letters only, no article, no given
    name, rare in every reading, or (`unknown`) in no word list in any reading and uninflected."""
    word = tokens.folded[k]
    if covered[k] or not word.isalpha() or given_names().match(tokens.folded, k)[0]:
        return False
    forms = [form for _, form in tokens.forms(k)]
    if any(form.startswith("ال") or is_function_word(form) for form in forms):
        return False
    if unknown:
        return not word.endswith(INFLECTED_ENDINGS) and all(word_zipf(form) == 0 for form in forms)
    return rare_in_every_reading(tokens, k)


def club_by_city(tokens: WordTokens, first: int) -> bool:
    """In an article about sport, a city right after a match verb, or after its على / مع, or
    after أمام / ضد, a player's move to it (`transfer_to`) or a member of its team before it
    (مدرب ميلانو، لاعبي روما) is the club named after it (فاز نجران، تغلب على هامبورغ، أمام
    بورتو، انضم إلى روما); after a preposition of place it stays the city (وصل الفريق إلى نجران)."""
    return transfer_to(tokens, first) or national_team(tokens, first)


def national_team(tokens: WordTokens, first: int) -> bool:
    """In an article about sport, the place at token `first` stands for its team: it follows a
    member of a team (مدرب الأرجنتين, not inside a competition's name: دوري نجوم قطر) or a match
    word or a draw's group (`TEAM_CUES`), perhaps with على / مع and another team between (أمام
    تشيلي، فاز الهلال على نجران، تضم المجموعة الأخرى البلد المستضيف المغرب). A
    country's team is named so; a player's move to a country is to its league (انتقل إلى
    السعودية), so only a city's club is also named by a move (`club_by_city`)."""
    k = first - 1
    if k >= 0 and tokens.joined(first) and tokens.bare[k] & TEAM_MEMBERS:
        return not (k > 0 and tokens.joined(k) and tokens.bare[k - 1] & COMPETITION_HEADS)
    if k >= 0 and tokens.joined(first) and tokens.bare[k] & MATCH_LINKS:
        k -= 1
    while (
        k >= 0
        and first - k <= 3
        and tokens.joined(k + 1)
        and tokens.definite[k]
        and not tokens.bare[k] & TEAM_CUES
    ):
        k -= 1  # فاز الهلال على نجران: the other club between the verb and على (not الفوز | الودي على)
    return k >= 0 and tokens.joined(k + 1) and bool(tokens.bare[k] & TEAM_CUES)


#: Heads of a national federation's name, which its sport completes (الاتحاد السعودي للمبارزة).
FEDERATION_HEADS = _folded("الاتحاد اتحاد الإتحاد")


def federation_sport_end(tokens: WordTokens, first: int, last: int) -> int:
    """End of the sport after a national federation's name [first, last) (الاتحاد السعودي |
    للمبارزة، للكرة الطائرة، لكرة القدم): ل + a definite word naming a field, not a plural
    (للاعبين), or ل + a sport's construct noun and its complement (لكرة القدم, not لدعم الشباب),
    and the adjectives agreeing with it (`_agreeing`; not للمبارزة | النتائج); `last` when none."""
    national = (
        last - first == 2
        and not tokens.bare[first].isdisjoint(FEDERATION_HEADS)  # بالاتحاد السعودي too
        and adjective_after(tokens, last - 1)
    )
    if not national or last >= len(tokens) or not tokens.joined(last):
        return last
    sport = tokens.folded[last]
    if not sport.startswith("ل") or sport.endswith(("ين", "ون")) or sport[2:] in TIME_NOUNS:
        return last  # not للاعبين، للفترة
    end = last + 1
    if not sport.startswith("لل"):
        end = sport_construct_end(tokens, last)
        if end == last:
            return last
        sport = tokens.folded[end - 1]
    while end < len(tokens) and end - last < 3 and _agreeing(tokens, end, sport):
        end += 1
    if end < len(tokens) and tokens.joined(end) and _another_sport(tokens.folded[end]):
        end += 1  # للبلياردو | والسنوكر، للسباحة | والغوص
    return end


#: Below this Zipf a word after و that ends a federation's sport is a second sport (والسنوكر).
SECOND_SPORT_ZIPF = 4.0


def _another_sport(word: str) -> bool:
    """A folded word is و + a second sport of a federation's name: و + ال + a sport's word or a
    rare word, not a plural (والمنتخب، واللاعبين)."""
    rest = word[1:]
    if not word.startswith("وال") or len(word) < 6 or rest.endswith(("ين", "ون")):
        return False
    return rest in SPORT_WORDS or word_zipf(rest) < SECOND_SPORT_ZIPF


def _agreeing(tokens: WordTokens, k: int, noun: str) -> bool:
    """Token k is a definite adjective of the folded `noun` before it: a relational adjective, or
    one ending in ة as the noun does (للكرة الطائرة)."""
    if adjective_after(tokens, k):
        return True
    word = tokens.folded[k]
    definite = tokens.joined(k) and tokens.definite[k] and not is_function_word(word)
    return definite and word.endswith("ه") and noun.endswith("ه")


#: A player's move, before إلى and a club (انتقل إلى روما، الرحيل إلى ميلان).
TRANSFER_CUES = _folded(
    "انضم ينضم انضمام الانضمام انضمامه انتقل ينتقل انتقال الانتقال انتقاله رحيل الرحيل رحيله التحق "
    "يلتحق التحاقه عودته جدد يجدد تجديد وقع يوقع"
)
TRANSFER_LINKS = _folded("إلى الى")
#: Words before من and a club a player comes from (قادما من ملقة، المنتقل من بورتو).
TRANSFER_FROM = _folded("قادما قادم القادم المنتقل منتقلا")


def transfer_to(tokens: WordTokens, first: int, clitic: int = 0) -> bool:
    """The name at token `first` follows a player's move and إلى, perhaps with the player between
    (انضم إلى روما، انتقال اللاعب إلى روما، انتقل فالكاو إلى موناكو), or his coming from it (قادما
    من ملقة), or the move and the
    `clitic` ل (انضم لليفربول): a club, when it is a city's name (`club_by_city`) or a club's in an
    article about sport."""
    if clitic and tokens.folded[first][:clitic].endswith("ل") and tokens.joined(first):
        return bool(tokens.bare[first - 1] & TRANSFER_CUES)
    if first >= 2 and tokens.joined(first) and tokens.folded[first - 1] == "من" and tokens.joined(first - 1):
        return bool(tokens.bare[first - 2] & TRANSFER_FROM)  # قادما من ملقة: the club he left
    if first < 2 or not (tokens.joined(first) and tokens.bare[first - 1] & TRANSFER_LINKS):
        return False
    k = first - 2
    if tokens.joined(k + 1) and tokens.bare[k] & TRANSFER_CUES:
        return True
    # انتقال اللاعب إلى روما، انتقل فالكاو إلى موناكو: the player between the move and إلى
    player = tokens.definite[k] or not is_function_word(tokens.folded[k])
    return k > 0 and player and tokens.joined(k) and bool(tokens.bare[k - 1] & TRANSFER_CUES)


#: Words before a place's name that keep it the place in an article about sport (في روما).
PLACE_PREPOSITIONS = _folded("في إلى الى من عبر نحو داخل خارج قرب")


def place_reading(tokens: WordTokens, first: int, clitic: int) -> bool:
    """The name at token `first` reads as a place: after a preposition of place or a place
    word, or with the proclitic ب (في روما، مدينة روما، بروما)."""
    if in_proclitic(tokens, first, clitic):
        return True
    if transfer_to(tokens, first):
        return False  # انتقل إلى روما: the club
    before = first - 1
    return (
        place_supported(tokens, first)
        or (before >= 0 and tokens.joined(first) and bool(tokens.bare[before] & PLACE_PREPOSITIONS))
        or _after_capital_word(tokens, first)
    )


#: The capital, in apposition to its name (العاصمة الكويت، تونس العاصمة).
THE_CAPITAL = _folded("العاصمة")
#: Words for a capital before a country's adjective and the city (العاصمة البولندية وارسو); right
#: before the name they are `PLACE_CUES`.
CAPITALS = CAPITAL_WORDS | THE_CAPITAL


def capital_named(tokens: WordTokens, first: int, last: int) -> bool:
    """The country's name at tokens [first, last) is its capital's: after "the capital" (العاصمة
    الكويتية | الكويت; not عاصمة | النيجر, "the capital of Niger") or before it (تونس | العاصمة)."""
    after = last < len(tokens) and tokens.joined(last) and bool(tokens.bare[last] & THE_CAPITAL)
    return after or _after_capital_word(tokens, first, THE_CAPITAL)


def _after_capital_word(tokens: WordTokens, first: int, words: frozenset[str] = CAPITALS) -> bool:
    """One of the words for a capital stands right before token `first`, or before the country's
    adjective there (العاصمة | وارسو، العاصمة البولندية | وارسو)."""
    k = first - 1
    if (
        k >= 0
        and tokens.joined(first)
        and tokens.definite[k]
        and load_gazetteer().nationality(tokens.folded[k])
    ):
        first, k = k, k - 1
    return k >= 0 and tokens.joined(first) and bool(tokens.bare[k] & words)


def document_cues(tokens_list: list[WordTokens]) -> frozenset[str]:
    """The folded words (and their proclitic-less forms) of a document's fields."""
    words: set[str] = set()
    for tokens in tokens_list:
        for bare in tokens.bare:
            words |= bare
    return frozenset(words)


def choose_reading(
    readings: list[tuple[str, frozenset[str], int, frozenset[str]]], cues: frozenset[str]
) -> str:
    """The entity id among `readings` (id, cue words, how many of them it needs, its own
    one-word names), the first being the default, whose cue words the document uses most (ties:
    the earlier); a reading the document also names by one of its own names has all it needs."""
    best, best_n = readings[0][0], 0
    for eid, words, needed, own in readings:
        n = len(words & cues) + (needed if own & cues else 0)
        if n >= needed and n > best_n:
            best, best_n = eid, n
    return best


def qualified_after(tokens: WordTokens, b: int) -> bool:
    """The word after a club's name (ending before token b) makes it another body: a sport after
    لل or a relational adjective (الاتحاد العربي السعودي لكرة القدم: a federation, not the club)."""
    return (
        b < len(tokens)
        and tokens.joined(b)
        and (tokens.folded[b].startswith("لل") or (tokens.definite[b] and tokens.folded[b].endswith("ي")))
    )


#: Words a title chain around a state body goes on through (نائب رئيس مجلس الوزراء وزير الداخلية
#: في دولة الكويت): titles, their links, and the words before a country's name.
CHAIN_WORDS = TITLE_HEADS | TITLE_LINKS | _folded("في دولة بدولة الجمهورية المملكة")
#: Titles that make a body part of a person's title chain (رئيس | مجلس الوزراء، أمين | مجلس).
CHAIN_TITLES = TITLE_HEADS | _folded("أمين")
#: How far a title chain is followed on each side of the body, in words.
CHAIN_REACH = 8
#: Heads of the bodies every state has (مجلس الوزراء، وزارة الداخلية، هيئة الأركان), and of a
#: party named by common words, which many states have too (حزب العمال: Britain's, Turkey's, Brazil's).
STATE_HEADS = _folded("مجلس وزارة هيئة رئاسة مديرية حرس محكمة المحكمة نيابة النيابة حزب")
#: Whole names of such bodies under other heads (not البنك الأفريقي للتنمية, which is one bank).
STATE_BODY_NAMES = frozenset({(fold_token("البنك"), fold_token("المركزي"))})
#: Heads of a state's national bodies, whose offices in a region are the same body (وزارة العمل
#: في منطقة حائل).
NATIONAL_HEADS = _folded("وزارة هيئة الوزارة الهيئة")


def generic_name(name: tuple[str, ...]) -> bool:
    """A name of two or more common words (مجلس الوزراء، مستشفى الولادة والأطفال، طريق الملك عبد
    الله), which bodies or facilities of many places share."""
    return len(name) >= 2 and all(word_zipf(w) >= 3.0 for w in name)


def state_body(name: tuple[str, ...]) -> bool:
    """A body every state has, named by a head and common words (مجلس الوزراء، وزارة الداخلية،
    البنك المركزي): which state's it is, the context says."""
    return generic_name(name) and (name[0] in STATE_HEADS or name in STATE_BODY_NAMES)


def country_of_title_chain(tokens: WordTokens, first: int, last: int, gaz: Gazetteer) -> str | None:
    """The country named in the title chain around a body at tokens [first, last), when a title
    stands right before it: before it (نائب الرئيس اليمني رئيس | مجلس الوزراء) or after it (رئيس
    مجلس الوزراء | وزير الداخلية بدولة الإمارات), through titles, the definite word after each
    and `CHAIN_WORDS`; a country's name or adjective counts after a chain word or a definite
    one, or after ب (not ل: وزير الدفاع | للأردن is where he went). None when the chain names
    none (a Saudi article leaves its own cabinet unqualified)."""
    if first == 0 or not tokens.joined(first) or not tokens.bare[first - 1] & CHAIN_TITLES:
        return None
    left = range(first - 1, max(-1, first - 1 - CHAIN_REACH), -1)
    right = range(last, min(len(tokens), last + CHAIN_REACH))
    for side, joined in ((left, lambda k: tokens.joined(k + 1)), (right, tokens.joined)):
        for k in side:
            if not joined(k):
                break
            after_chain = k > 0 and (tokens.bare[k - 1] & CHAIN_WORDS or tokens.definite[k - 1])
            for c, rest in tokens.forms(k):
                country = (
                    gaz.country_of(rest) if tokens.folded[k][:c] == "ب" or (not c and after_chain) else None
                )
                if country:
                    return country
            titled = tokens.definite[k] and k > 0 and tokens.bare[k - 1] & CHAIN_TITLES  # وزير الداخلية
            if not (tokens.bare[k] & CHAIN_WORDS or titled) or (
                k >= last and tokens.folded[k].startswith("ل")
            ):
                break  # ... وزير الدفاع | اليوم، ... وزير الدفاع | للمملكة الأردنية: where he went
    return None


#: Words before a place that make it the region or town a body's later المنطقة or المحافظة refers
#: to (أمير منطقة عسير، محافظ الأحساء، أمانة جدة).
PLACE_NAMERS = LOCATIVE_UNITS | _folded("أمير محافظ إمارة أمانة")
#: The definite units by which a body's locative refers back to a place named before (بالمنطقة).
REFERRING_UNITS = _folded("المنطقة المحافظة")
#: How far back (words) such a locative looks for the place it means.
REFERENT_REACH = 40


def _place_named_before(tokens: WordTokens, k: int, reach: int, gaz: Gazetteer, chain: bool) -> str | None:
    """The nearest gazetteer place before token k, at most `reach` words back, that a unit word or
    a governor's title names (منطقة عسير، محافظ الأحساء); `chain`: only through a title chain
    (`CHAIN_WORDS` between the place and token k, no punctuation)."""
    for j in range(k - 1, max(-1, k - 1 - reach), -1):
        if chain and not tokens.joined(j + 1):
            return None
        if j + 1 >= k or not any(f in PLACE_NAMERS for _, f in tokens.forms(j)):
            continue
        for n in (3, 2, 1):
            alias = gaz.lookup(tuple(tokens.folded[j + 1 : j + 1 + n])) if j + 1 + n <= k else None
            if alias is not None and gaz.entries[alias.entity_id].type == "LOC":
                if chain and not all(tokens.bare[t] & CHAIN_WORDS for t in range(j + 1 + n, k)):
                    return None  # صبيا يرافقه عيسى حكمي مدير | تعليم جازان: not his title chain
                return alias.entity_id
    return None


def _names_a_place(tokens: WordTokens, first: int, last: int, gaz: Gazetteer) -> bool:
    """A word of tokens [first, last) is a gazetteer place (تعليم جازان): the name says its place."""
    return any(
        (alias := gaz.lookup((tokens.folded[k],))) is not None and gaz.entries[alias.entity_id].type == "LOC"
        for k in range(first, last)
    )


def place_of_body(tokens: WordTokens, first: int, last: int, gaz: Gazetteer) -> str | None:
    """The place of the body at tokens [first, last): the place named right after it (`place_after`);
    unless its name names one (تعليم جازان), the one a locative after it refers back to (مجلس
    التنمية السياحية | بالمنطقة، في المحافظة: the last place a unit word or a governor's title
    named, `REFERENT_REACH` words back at most) or the one its title chain names right before it
    (أمير منطقة عسير رئيس | مجلس التنمية السياحية)."""
    place = place_after(tokens, last, gaz)
    if place or _names_a_place(tokens, first, last, gaz):
        return place
    unit = None
    if last < len(tokens) and tokens.joined(last):
        unit = dict(tokens.forms(last)).get(1) if tokens.folded[last].startswith("ب") else None
        if tokens.folded[last] == "في" and last + 1 < len(tokens) and tokens.joined(last + 1):
            unit = tokens.folded[last + 1]
    if unit in REFERRING_UNITS:
        return _place_named_before(tokens, first, REFERENT_REACH, gaz, chain=False)
    if first > 0 and tokens.joined(first) and tokens.bare[first - 1] & CHAIN_TITLES:
        return _place_named_before(tokens, first, CHAIN_REACH, gaz, chain=True)
    return None
