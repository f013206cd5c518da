"""Rules that find names no list knows: people, organisations, events and places.

They read a field's word tokens (`WordTokens`) together with what the gazetteer already matched
(`covered`) and propose spans:
- people: a given name from the lexicon and a surname after it; a title or role (الرئيس، وزير
  الخارجية الروسي، المتحدث باسم ...) and the name after it; a speech verb (قال، أضاف ...) and a
  name before a comma, a colon or "إن"; foreign surname shapes (-وف، -يف، -ينكو، -سكي ...);
- organisations: a head noun (منظمة، صحيفة، مجلس، كلية ...) and a foreign name or a defined
  phrase confirmed by an apposition ("، وهو مركز ..."); a quoted name after a publishing verb;
- events: an exercise, treaty or summit noun and a quoted name or a name ending in a number;
- places: place-name shapes (-ستان، -آباد، -غراد) and "X عاصمة <country>".
A span is `confirmed` when its evidence is strong; the others become review candidates.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from helpers.core.words import (
    PRONOUN_SUFFIXES,
    fold_token,
    is_function_word,
    proclitic_forms,
    strip_diacritics,
    word_zipf,
)
from helpers.entities.gazetteer import Gazetteer, load_gazetteer
from helpers.entities.given_names import given_names
from helpers.timeline.timex.words import lexicon


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold_token(w) for w in words.split())


TITLE_HEADS = _folded(
    "الرئيس رئيس رئيسة نائب نائبة وزير وزيرة مساعد مساعدة السفير سفير السفيرة المتحدث المتحدثة "
    "الناطق الناطقة المبعوث مبعوث المبعوثة الممثل ممثل الممثلة المستشار مستشار المستشارة الأمين "
    "المدير مدير مديرة الجنرال اللواء العميد العقيد الفريق المشير الأدميرال البريجادير بريجادير "
    "الملك الملكة الأمير "
    "الأميرة الشيخ الشيخة السلطان الدكتور الدكتورة دكتور دكتورة د البروفيسور البروفسور الأستاذ أستاذ "
    "الأستاذة السيناتور سيناتور السناتور سناتور النائب النائبة عضو زعيم زعيمة قائد القائد المرشد المحلل "
    "محلل المحللة الخبير خبير "
    "الخبيرة الباحث باحث الباحثة الكاتب الكاتبة الصحفي الصحافي الصحفية الصحافية المراسل مراسل "
    "الدبلوماسي دبلوماسي المسؤول مسؤول المسؤولة المفوض المفوضة السيد السيدة القاضي المدعي نظيره "
    "نظيرها نظيرته نظيرتها المرشح المرشحة الحاكم حاكم المحافظ محافظ العمدة عمدة الملا آية "
    "البطريرك البابا المطران الإمام الرئيسة الوزير الوزيرة رئاسة المخلوع المعزول المشرف المشرفة "
    "الملازم العريف"
)
# Words that continue a title before the name (الأمين العام لحلف ..., المتحدث باسم ...).
TITLE_LINKS = _folded(
    "باسم في لدى عن شؤون جنوب شمال شرق غرب وسط الأعلى الأول الثاني العام العامة الخاص الخاصة "
    "السابق السابقة الأسبق الحالي متقاعد رئيس وزير نائب مساعد أركان الله"
)
SPEECH_VERBS = _folded(
    "قال قالت يقول تقول أضاف أضافت يضيف تضيف صرح صرحت يصرح ذكر ذكرت أكد أكدت يؤكد تؤكد أوضح "
    "أوضحت أشار أشارت أعلن أعلنت اعتبر اعتبرت رأى رأت حذر حذرت طالب طالبت شدد شددت لفت لفتت "
    "تابع تابعت كشف كشفت أفاد أفادت أعرب أعربت يرى ترى كتب كتبت نفى نفت أبلغ أبلغت"
)
SPEECH_FOLLOWERS = _folded("إن أن ان إنه أنه بأن")
ORG_HEADS = _folded(
    "منظمة حلف وزارة مجلس حركة قيادة لجنة جامعة كلية معهد مركز شركة حزب جبهة هيئة اتحاد بنك "
    "مصرف صندوق مؤسسة جمعية محكمة تحالف جماعة تنظيم ائتلاف مجموعة نادي أكاديمية مرصد مستشفى "
    "مديرية أمانة إمارة غرفة رئاسة بلدية مجمع مدرسة مدارس مكتبة رابطة نقابة سفارة قنصلية دارة عمادة "
    "حرس ملحقية"
)
#: Heads of a body that a common phrase names only with its place after it (مكتب العمل بالأحساء،
#: مكتب التربية والتعليم بصبيا); alone, an office or a desk.
LOCATED_HEADS = _folded("مكتب")
#: Heads of a region or town between a locative and its name (بمحافظة الأحساء، في منطقة حائل).
LOCATIVE_UNITS = _folded("منطقة محافظة مدينة")
#: Heads that a phrase and a place after them do not make one body: a front is a battlefield
#: (جبهة القتال في لحج), schools a group (مدارس البنين والبنات في الحديدة), تنظيم a verbal noun
#: too (تنظيم الشؤون الجمركية في الإمارات "regulating").
UNLOCATED_HEADS = _folded("جبهة مدارس تنظيم")
#: Organisation heads that also name an office (رئاسة الجمهورية is a body, برئاسة فلان "chaired by").
OFFICE_HEADS = _folded("رئاسة")
#: Words of a person that may follow an office (برئاسة المرحوم ...).
LATE_WORDS = _folded("المرحوم الراحل الفقيد")
#: Organisation heads that are verbal nouns too (قيادة "leading, driving"): the indefinite word
#: after one is its object or adjective (بقيادة دونغا، رخصة قيادة خصوصي، قيادة حكيمة), no name.
VERBAL_HEADS = _folded("قيادة")
MEDIA_HEADS = _folded("صحيفة جريدة وكالة موقع قناة مجلة شبكة إذاعة راديو تلفزيون")
ORG_KINDS = ORG_HEADS | MEDIA_HEADS
PUBLISHING_VERBS = _folded(
    "نشرت نشر ذكرت ذكر قالت أفادت أوردت نقلت نقل بحسب حسب وفق وفقا كشفت أشارت موقع صحيفة "
    "مجلة وكالة قناة شبكة مع"
)
EVENT_DESCRIPTORS = _folded("تمرين تمارين مناورات مناورة تدريبات التدريبات المناورات التمرين عملية")
EVENT_HEADS = _folded("معاهدة اتفاقية اتفاق قمة مؤتمر منتدى مبادرة")
#: Heads of an event named by a quoted title, whatever names are inside it (معرض «صنع في عسير»،
#: مهرجان "بريدة عاصمة التمور"، فعاليات «جدة شو»).
QUOTED_EVENT_HEADS = _folded(
    " ".join(f"{w} ال{w}" for w in "مهرجان معرض ملتقى جائزة فعاليات فعالية احتفالية".split())
)
#: Heads of a competition's name (كأس العالم، دوري أبطال أوروبا، الدوري الإنجليزي الممتاز).
COMPETITION_HEADS = _folded("كأس دوري بطولة أولمبياد الكأس الدوري البطولة الأولمبياد")
#: Nouns naming a sport with the definite word after them (لكرة القدم، لألعاب القوى، لرفع الأثقال).
SPORT_CONSTRUCTS = _folded("كرة ألعاب رياضة رياضات سباق سباقات فنون رفع")


def sport_construct_end(tokens: WordTokens, k: int) -> int:
    """End of ل + a sport's construct noun and its definite complement at token k (لكرة القدم):
    k + 2, or k when there is none."""
    if k + 1 >= len(tokens) or not tokens.joined(k) or not tokens.joined(k + 1):
        return k
    word = tokens.folded[k]
    construct = word.startswith("ل") and word[1:] in SPORT_CONSTRUCTS
    return k + 2 if construct and tokens.definite[k + 1] else k


#: Adjectives of regions and of nations that are no country (البطولة الخليجية، الدوري الإنجليزي).
REGION_ADJECTIVES = _folded(
    "العربي العربية الخليجي الخليجية الأوروبي الأوروبية الآسيوي الآسيوية الأفريقي الأفريقية "
    "الإفريقي الإفريقية الإنجليزي الإنجليزية الإنكليزي الإنكليزية الاسكتلندي الاسكتلندية"
)


def _place_adjective(word: str) -> bool:
    """A folded definite word is the adjective of a country (`Gazetteer.country_adjective`) or of
    a region (`REGION_ADJECTIVES`)."""
    return word in REGION_ADJECTIVES or load_gazetteer().country_adjective(word)


#: Performers after بطولة "starring" (بطولة الفنان ...), not a competition.
PERFORMERS = _folded("الفنان الفنانة الفنانين الفنانات النجم النجمة النجوم المطرب المطربة الممثلة الممثلين")


def _work_nouns(words: str) -> frozenset[str]:
    """The nouns, folded, with the article and in the accusative (قدم برنامجا)."""
    return _folded(
        " ".join(f"{w} ال{w}" + ("" if w.endswith(("ة", "ء")) else f" {w}ا") for w in words.split())
    )


#: Nouns before a quoted title of a work of art or a programme (مسلسل «فاروق»، برنامج "أمومتي بلس"),
#: whose title names the work even when it is a place's name (فيلم «كازابلانكا»).
ART_WORK_HEADS = _work_nouns("مسلسل فيلم برنامج مسرحية رواية كتاب ديوان ألبوم أغنية قصيدة")
#: Those of a quoted title of a work, programme, campaign, project or competition.
WORK_HEADS = ART_WORK_HEADS | _work_nouns("حملة مشروع مسابقة")
#: Words between a work's noun and its quoted title (برنامجا جديدا بعنوان «حكايات»).
TITLE_LEADS = _folded("بعنوان عنوانه جديد جديدا جديدة الجديد الجديدة")
#: The rule that reads a quoted title after a work's noun: the whole quote is the name.
QUOTED_TITLE_RULE = "quoted_title"


def art_work_title(tokens: WordTokens, first: int) -> bool:
    """The quoted title at token `first` follows the noun of a work of art or a programme
    (`ART_WORK_HEADS`), perhaps through `TITLE_LEADS` (برنامجا جديدا بعنوان «حكايات»)."""
    k = first - 1
    while k > 0 and tokens.folded[k] in TITLE_LEADS:
        k -= 1
    return tokens.is_(k, ART_WORK_HEADS)


#: Heads of cities and administrative units, whose names are seldom common words (villages'
#: and mountains' often are: قرية حاكمة، جبل حبشي).
UNIT_HEADS = _folded("مدينة محافظة ولاية إقليم مقاطعة ممر")
PLACE_HEADS = _folded("مدينة بلدة قرية إقليم ولاية محافظة مقاطعة جزيرة ممر مضيق نهر جبل جبال بحيرة وادي")
#: Heads of a settlement or governorate, whose definite name an Arabic word may be (قرية المفتاحة،
#: مدينة الرطبة، محافظة الطوال).
SETTLEMENT_HEADS = _folded("مدينة بلدة قرية محافظة")
#: Dual and plural heads a list of names shares: the singular head each body's name takes
#: (وزارتي الدفاع والداخلية: وزارة) and the type; places take none (بلدات الفضول والمنيزلة).
SHARED_HEADS = {
    **{fold_token(w): (fold_token("وزارة"), "ORG") for w in ("وزارتي", "وزارتا", "وزارات")},
    **{
        w: ("", "LOC")
        for w in _folded(
            "بلدات قرى مدن محافظات أحياء بلديات بلدتي بلدتا قريتي قريتا مدينتي مدينتا محافظتي محافظتا"
        )
    },
}
#: Zipf below which a definite word after a settlement head is its name (مدينة الحوطة), not a
#: word in use naming a kind of place (مدينة الألعاب، قرية الحضور).
SETTLEMENT_NAME_ZIPF = 4.0
#: Organisation heads often named after a person (جامعة الملك سعود، مستشفى الأمير سلطان).
NAMED_ORG_HEADS = _folded("جامعة مستشفى مركز مؤسسة مجمع كلية معهد مدرسة مدارس مكتبة جمعية صندوق مدينة دارة")
#: Heads of places named after a person (مطار الملك عبدالعزيز الدولي، شارع الأمير سلطان).
#: Heads of a stadium's name (ملعب الإمارات، استاد الملك فهد).
STADIUM_HEADS = _folded("ملعب استاد ستاد")
#: Heads of a hall or theatre named after a person (مسرح عبدالرحمن المريخي، قاعة الملك فيصل).
VENUE_HEADS = _folded("مسرح قاعة صالة")
FACILITY_HEADS = STADIUM_HEADS | _folded(
    "مطار ميناء شارع طريق جسر قاعدة حي ميدان دوار كورنيش مدينة جامع مسجد "
    "حديقة منتزه متنزه منتجع متحف مسرح فندق صالة قاعة برج قصر نفق أنفاق ساحة باب"
)
#: Kinds of building whose named instances are places (facilities), whatever rule found them.
FACILITY_KINDS = _folded("مستشفى مستوصف متحف فندق سجن")
#: The plural of a district's head, before a list of districts (أحياء النسيم، والربيع، والبديع).
DISTRICTS_HEAD = fold_token("أحياء")
#: Heads of a district's or camp's name (حي الروضة، مخيم الجلزون).
QUARTER_HEADS = _folded("حي مخيم")
#: Adjectives such a head takes (حي القديم): no names.
QUARTER_ADJECTIVES = _folded("القديم الجديد المجاور الراقي الكبير الصغير الشعبي السكني التجاري")
#: Directions that end a district's name (حي النخيل الغربي).
DIRECTIONS = _folded("الشمالي الجنوبي الشرقي الغربي الشمالية الجنوبية الشرقية الغربية")
#: Words before حي that make it "live" (بث حي، نقل حي).
LIVE_BEFORE = _folded("بث نقل بشكل كائن")
#: Ordinal numbers, which a place head does not name (ولاية خامسة "a fifth term").
ORDINALS = _folded(
    "ثانية ثالثة رابعة خامسة سادسة سابعة ثامنة تاسعة عاشرة ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر"
)
#: Titles inside such a name.
HONORIFICS = _folded("الملك الأمير الأميرة الإمام الشيخ الشيخة السلطان")
#: A doctor's title, which a hospital or school may name its founder by (مستشفى الدكتور سليمان فقيه).
DOCTOR_TITLES = _folded("الدكتور الدكتورة")
#: Organisation heads whose name a definite phrase completes (وزارة الصحة، هيئة السياحة).
DEFINED_ORG_HEADS = _folded(
    "وزارة هيئة مديرية أمانة إمارة غرفة جامعة رئاسة بلدية مجلس مستشفى رابطة نقابة سفارة قنصلية حزب "
    "لجنة كلية عمادة حرس محكمة"
)
#: Nouns that, definite at the end of a body's name, refer back to what the article named before
#: (مجلس الكلية، اللجنة التنفيذية للمهرجان، إمارة المنطقة): a description, not a name. Not
#: heads that are adjectives too (الانتخابات البلدية، القيادات الأكاديمية).
ANAPHORIC_NOUNS = (
    ORG_HEADS | _folded("منطقة محافظة إقليم ولاية برنامج مشروع قسم فريق مهرجان معرض مؤتمر ملتقى")
) - _folded("بلدية أكاديمية")


def anaphoric_complement(tokens: WordTokens, k: int) -> bool:
    """Token k (the last of a body's name) is one of `ANAPHORIC_NOUNS` with the article, perhaps
    after ل (للمهرجان), not after و (هيئة الإذاعة والتلفزيون)."""
    word = tokens.folded[k]
    return any(
        rest.startswith("ال") and rest[2:] in ANAPHORIC_NOUNS and word[:c] in ("", "ل")
        for c, rest in tokens.forms(k)
    )


#: Complements that make such a head a common noun (مجلس الإدارة: a board, not a named body).
GENERIC_COMPLEMENTS = _folded(
    "الإدارة الأمناء الآباء العائلة الأسرة الحي التدريس العمليات التحكم الملابس النوم الطعام "
    "المعيشة الانتظار العزاء المحركات العناية اللاعبين المحلفين النظر التحكيم الغلق الإغلاق"
)
#: Organisation heads whose name may be a place (جامعة موسكو، بنك الصين).
PLACE_NAMED_ORG_HEADS = _folded("جامعة كلية معهد أكاديمية بنك مصرف نادي مكتبة")


def _city_at(tokens: WordTokens, k: int, covered: list[str | None]) -> bool:
    """Token k is a place's name the gazetteer found (read as a place or as its club)."""
    return covered[k] in ("LOC", "ORG") and load_gazetteer().type_of((tokens.folded[k],)) == "LOC"


#: The rule of a country named for its national team in an article about sport (فاز على تشيلي).
NATIONAL_TEAM_RULE = "national_team"
#: Rules whose findings linking reads by name: a state's institution named with its adjective
#: (الاتحاد الكويتي), and a speaker named by one word after a speech verb or between عن and قوله.
STATE_INSTITUTION_RULE = "state_institution"
SPEECH_VERB_RULE = "speech_verb"
REPORTED_SPEAKER_RULE = "reported_speaker"
SPEAKER_RULES = (SPEECH_VERB_RULE, REPORTED_SPEAKER_RULE)
#: The rule of a competition's name (كأس العالم), whose sport linking reads from its article.
COMPETITION_RULE = "competition"
#: Heads of a club's name, which may end with its city (نادي أتليتكو مدريد).
CLUB_NAME_HEADS = _folded("نادي فريق")
#: Heads of bodies often named by a common noun (جمعية إبصار، جمعية مودة) or a place (بلدية ظهران).
COMMON_NAMED_HEADS = _folded("جمعية بلدية")
CAPITAL_WORDS = _folded("عاصمة")
#: The particle of a family's name (آل سعود، آل ثاني), folded.
FAMILY_PARTICLE = fold_token("آل")
#: The words of descent in a name (محمد بن إبراهيم).
DESCENT = _folded("بن ابن بنت")
NAME_PARTICLES = _folded("بن ابن أبو أبا أبي آل بنت عبد دي دو فون فان دير ديل دا ولد")


def name_particle(tokens: WordTokens, k: int) -> bool:
    """Token k is a particle of a name (بن، آل، فان), not the conjunction فإن it folds like."""
    return tokens.folded[k] in NAME_PARTICLES and "إ" not in tokens.raw[k]


#: The particle أبا, also "a father" (كان أبا رائعا): a family's particle only before a definite
#: word or a given name (أبا الخيل، أبا حسين).
FATHER_OF = fold_token("أبا")
APPOSITION_STARTS = _folded("وهو وهي") | TITLE_HEADS
PERSON_SHAPE = re.compile(r"(وف|وفا|يف|ييف|ييفا|يفا|ينكو|سكي|سكايا|يان|شفيلي|فيتش|يتش|زاده|اوغلو)$")
PLACE_SHAPE = re.compile(r"..(ستان|اباد|غراد|جراد|بورغ|بورج)$")
KEYWORDS = (
    FACILITY_HEADS
    | QUARTER_HEADS
    | {DISTRICTS_HEAD}
    | TITLE_HEADS
    | TITLE_LINKS
    | SPEECH_VERBS
    | ORG_KINDS
    | PUBLISHING_VERBS
    | EVENT_DESCRIPTORS
    | EVENT_HEADS
    | QUOTED_EVENT_HEADS
    | WORK_HEADS
    | COMPETITION_HEADS
    | PLACE_HEADS
    | frozenset(SHARED_HEADS)
    | LOCATED_HEADS
)
#: Cheap test before the shape patterns: the word ends like one of them.
SHAPE_ENDINGS = ("ف", "فا", "كو", "كي", "كايا", "ان", "لي", "تش", "زاده", "اوغلو", "اباد", "راد", "رغ", "رج")
QUOTES = set("\"“”«»″„‘’'")

#: Zipf frequency above which a word is ordinary vocabulary, not a name.
COMMON = 4.5
#: Below this a word is rare enough to be a (foreign) name by itself.
RARE = 3.5
#: Above this a word is too common to be a given name even after a title (حاليا، جديدة).
VERY_COMMON = 5.0


@lru_cache(maxsize=300_000)
def _word_info(raw: str) -> tuple[str, tuple[tuple[int, str], ...], frozenset[str], bool, bool]:
    """Folded form, proclitic readings, their set, keyword?, definite? of one written word."""
    word = fold_token(raw)
    readings = proclitic_forms(word)
    bare = frozenset(form for _, form in readings)
    # the article as written: ألكسندر / آلان fold to ال... but are not definite
    definite = word.startswith("ال") and len(word) > 3 and strip_diacritics(raw).startswith(("ال", "ٱل"))
    return word, readings, bare, not KEYWORDS.isdisjoint(bare), definite


#: Invisible format characters (direction marks, zero-width joiners, BOM), deleted from the text
#: between words: a direction mark does not part a name (للمعارض \u200fوالمؤتمرات).
INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)


#: Zipf by which one reading of a word must be commoner than another to be taken over it (a
#: whole word over its reading without a proclitic, or the other way round).
CLEARLY_COMMONER = 0.5


def clearly_commoner(word: str, other: str) -> bool:
    """Folded `word` is clearly commoner than `other` (باردو than اردو: the whole word, not ب + Ordu)."""
    return word_zipf(word) > word_zipf(other) + CLEARLY_COMMONER


#: Latin letters' names in Arabic script, of which acronyms are written (إن بي سي، بي جي).
LETTER_NAMES = frozenset(
    fold_token(w)
    for w in "إيه ايه إي اي آي بي سي دي إف اف جي إتش اتش جيه جاي كيه كي إل إم ام إن أو او كيو "
    "آر ار إس اس تي يو في دبليو إكس اكس واي زد".split()
)


#: Titles written as one letter and a dot (د. for الدكتور), joined to the name after them.
ABBREVIATED = frozenset({"د"})


@dataclass
class WordTokens:
    """Word tokens of one text field, with folded forms and the separators between them."""

    text: str
    raw: list[str]
    starts: list[int]
    ends: list[int]
    folded: list[str] = field(init=False)
    gaps: list[str] = field(init=False)
    readings: list[tuple[tuple[int, str], ...]] = field(init=False)
    bare: list[frozenset[str]] = field(init=False)
    keyword: list[bool] = field(init=False)
    definite: list[bool] = field(init=False)

    def __post_init__(self) -> None:
        text = self.text
        between = [text[e:s] for e, s in zip(self.ends, self.starts[1:], strict=False)]
        self.gaps = [""] + [gap.translate(INVISIBLE).strip() if gap != " " else "" for gap in between]
        if self.raw:
            columns = map(list, zip(*map(_word_info, self.raw), strict=True))
            self.folded, self.readings, self.bare, self.keyword, self.definite = columns
        else:
            self.folded, self.readings, self.bare, self.keyword, self.definite = [], [], [], [], []
        # a hyphen joins words unless a space stands on one side of it only, as in a dateline or a
        # list (جان-كلود، إيتار - تاس; not عبدالحميد- بنجلاديشي، سبق- الرياض); a tatweel written for
        # a dash does not (الملك فهد ــ يرحمه الله); the dot of an abbreviated title does (د. التركي),
        # and so do the dots between the letters of initials (د.ب.أ، أ. ف. ب)
        self.joins = [False] + [
            g == ""
            or (g == "-" and raw[0].isspace() == raw[-1].isspace())
            or (g == "." and (word in ABBREVIATED or len(word) == len(nxt) == 1))
            for g, raw, word, nxt in zip(self.gaps[1:], between, self.raw[:-1], self.raw[1:], strict=True)
        ]
        self.keyword_positions = [i for i, k in enumerate(self.keyword) if k]
        self.vocabulary = frozenset(self.folded)  # the folded words, for membership tests

    def __len__(self) -> int:
        return len(self.raw)

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i (stripped of spaces)."""
        return self.gaps[i] if 0 < i < len(self.raw) else ""

    def joined(self, i: int) -> bool:
        """Token i follows token i-1 with nothing but spaces (or a hyphen) between."""
        return 0 < i < len(self.raw) and self.joins[i]

    def forms(self, i: int) -> tuple[tuple[int, str], ...]:
        """Readings of token i as (proclitic length, rest), the whole word first."""
        return self.readings[i]

    def name(self, first: int, last: int, clitic: int = 0) -> tuple[str, ...]:
        """Folded words of tokens [first, last), the first read without its proclitic of `clitic`
        letters (للأهلي, 1: الاهلي)."""
        return (dict(self.readings[first]).get(clitic, self.folded[first]), *self.folded[first + 1 : last])

    def proclitic_word(self, i: int, floor: float = 3.0) -> bool:
        """Token i reads better as a proclitic + a word: one of at least `floor` Zipf, clearly
        commoner than the whole (بعقوبة: ب + عقوبة "with a penalty"; not فهمي: ف + همي)."""
        whole = word_zipf(self.folded[i])
        return any(c and word_zipf(rest) >= max(floor, whole + CLEARLY_COMMONER) for c, rest in self.forms(i))

    def is_(self, i: int, words: frozenset[str]) -> bool:
        """Token i is one of `words`, perhaps after a proclitic."""
        return 0 <= i < len(self.raw) and self.keyword[i] and not words.isdisjoint(self.bare[i])

    def clitic_before(self, i: int, words: frozenset[str]) -> int:
        """Letters of the proclitic before token i's reading that is one of `words` (بمطار: 1),
        0 when the whole word is one or none is."""
        return next((clitic for clitic, form in self.readings[i] if form in words), 0)


@dataclass(frozen=True)
class RuleSpan:
    """WordTokens [first, last) proposed as a name; `clitic` letters of the first token's folded
    form are a proclitic outside the name; `hint` is an entity id the context points to."""

    first: int
    last: int
    type: str
    rule: str
    confirmed: bool
    clitic: int = 0
    hint: str = ""
    #: The singular head a list's names share before them (وزارتي الدفاع والداخلية: وزارة).
    head: str = ""


def _definite(word: str) -> bool:
    return word.startswith("ال") and len(word) > 3


def _nisba(word: str) -> bool:
    """Relational adjective (الروسي، الأمريكية، الطاجيكي ...): a title continues over it."""
    return _definite(word) and word.endswith(("ي", "يه", "يين", "يون")) and not is_function_word(word)


def and_before_name(tokens: WordTokens, a: int) -> bool:
    """Token a is و + a name: the rest is a given name and the whole is not (وشيرين، not وليد),
    or the rest stands alone elsewhere in the text (وفرناندو توريس ... فرناندو)."""
    word = tokens.folded[a]
    if not word.startswith("و") or len(word) < 4:
        return False
    rest = word[1:]
    names = given_names()
    if names.match([rest], 0)[0] and not names.match([word], 0)[0]:
        return True
    return rest in tokens.vocabulary and not word_zipf(word) > word_zipf(rest)


def next_in_list(tokens: WordTokens, k: int) -> bool:
    """Token k reads as و + the next word of a list (فهد | وأحفاده، عادل | وناجز، حسن | ومرقص),
    not as a family name starting with و, which is a nisba of a rare word (زاهي وهبي، مصطفى
    وزيري), nor as ولد before a name. After an Arabic given name the surname is read this way."""
    word = tokens.folded[k]
    if not word.startswith("و") or len(word) < 3 or given_names().match([word], 0)[0]:
        return False
    if word == SON_PARTICLE and k + 1 < len(tokens) and tokens.joined(k + 1):
        after = tokens.folded[k + 1]  # إسماعيل ولد الشيخ أحمد; not منصور ولد | منذ 50 عاما "was born"
        if given_names().match(tokens.folded, k + 1)[0]:
            return False  # محمد ولد | عبد العزيز: a given name, however common its first word
        return is_function_word(after) or after.isdigit() or word_zipf(after) >= 5.5
    rest = word[1:]
    return not (word.endswith("ي") and word_zipf(rest) < RARE and not given_names().match([rest], 0)[0])


#: "Son of" in Mauritanian names (محمد ولد عبد العزيز), also the verb "was born".
SON_PARTICLE = "ولد"


#: Tanween (ً ٌ ٍ): written on an indefinite noun or an adverb (راتبًا، صبيًا، إيطالياً), never
#: on a name.
TANWEEN = frozenset("\u064b\u064c\u064d")


def has_tanween(raw: str) -> bool:
    """The word as written carries tanween."""
    return any(ch in TANWEEN for ch in raw)


def accusative(word: str) -> bool:
    """A folded word is an indefinite accusative written without tanween: a frequent word and
    alef (اهتماما، دعما), or a participle in use (م...) and alef that the word list does not know
    (متضامنا، محتجا); not a name ending in alef (رضا، ماريا، يانغا)."""
    stem = word[:-1]
    if not word.endswith("ا") or len(stem) < 4:
        return False
    zipf = word_zipf(word)
    participle = stem.startswith("م") and stem[1] != "ا" and zipf == 0 < word_zipf(stem)
    return participle or (word_zipf(stem) >= COMMON and word_zipf(stem) > zipf)


#: Endings of a sound masculine plural and of an accusative (متفوقين، متفوقون، متفوقا).
PARTICIPLE_ENDINGS = ("ين", "ون", "ا")


def inflected_participle(word: str, endings: tuple[str, ...] = PARTICIPLE_ENDINGS) -> bool:
    """A folded word is a participle in use (م..., at least four letters, Zipf 3 or more) with a
    plural or accusative ending (`endings`; حسين عبدالغني | متفوقين "excelling"); not a name like
    ماريا, an accusative whose م is followed by alef."""
    for ending in endings:
        stem = word[: -len(ending)]
        name_shaped = ending == "ا" and stem[1:2] == "ا"  # ماريا
        if word.endswith(ending) and len(stem) >= 4 and stem[0] == "م" and not name_shaped:
            return word_zipf(stem) >= 3.0
    return False


def spelled_as_given_name(tokens: WordTokens, k: int, form: str) -> bool:
    """Token k, read as `form` (without its proclitic), is written as a given name is (علي, not
    the preposition على; معاذ, not only معاذ الله)."""
    raw = strip_diacritics(tokens.raw[k])
    return raw[len(raw) - len(form) :] in given_names().spellings


def plural_past_verb(word: str) -> bool:
    """A folded word reads as a verb in the plural past: a stem in use and وا (تضرروا، قالوا)."""
    return word.endswith("وا") and len(word) >= 5 and word_zipf(word[:-2]) >= 3.0


def past_verb(word: str) -> bool:
    """A folded word in use that reads as a verb in the past, his: its imperfect (ي + the word,
    whose alef of forms VII to X it drops: استغنى، يستغني) is in use and the word takes no
    article (ناهز: يناهز، شارك: يشارك; not عادل: العادل, nor a noun); given names of that shape
    are matched before this test."""
    if word.startswith("ا") and len(word) >= 5:  # انسحب، اعتبر، استغنى
        return word_zipf(word) >= 2.5 and word_zipf("ي" + word[1:]) >= 3.0 and word_zipf("ال" + word) < 3.0
    return (
        len(word) >= 3
        and word_zipf(word) >= 3.0
        and word_zipf("ي" + word) >= 3.5
        and word_zipf("ال" + word) < 3.0
    )


def dual_past_verb(word: str) -> bool:
    """A folded word that reads as a verb in the past, of two (دمرا "both destroyed"): a past verb
    and alef, no given name."""
    return (
        word.endswith("ا")
        and len(word) >= 4
        and past_verb(word[:-1])
        and not given_names().match([word], 0)[0]
    )


def verbal_noun(word: str) -> bool:
    """A folded word in use shaped like the verbal noun of a doubled verb (تفعيل: تأميم، تحفيز،
    تشريف) that takes the article or ends like a Russian surname (-يف), not a name (جمال عبدالناصر
    | تأميم); given names of that shape (توفيق، تيسير) are matched before this test, and foreign
    names of it are not in use with the article (تورين، تيفيز)."""
    return (
        len(word) == 5
        and word[0] == "ت"
        and word[3] == "ي"
        and word_zipf(word) >= 2.5
        and (word_zipf("ال" + word) >= 2.5 or word.endswith("يف"))
    )


def and_word(tokens: WordTokens, k: int, floor: float) -> bool:
    """Token k reads as و or ف + a word of at least `floor` Zipf (وقدم، واعتزاز): a conjunction
    and a word, not a name."""
    return any(
        c and tokens.folded[k][:c] in ("و", "ف") and word_zipf(rest) >= floor for c, rest in tokens.forms(k)
    )


#: Words for a family, before its name (عائلة دوابشة): the family, not one of its persons.
FAMILY_WORDS = _folded("عائلة أسرة عشيرة قبيلة")


def family_word(tokens: WordTokens, i: int) -> bool:
    """Token i is a word for a family (`FAMILY_WORDS`, perhaps with a proclitic)."""
    return not FAMILY_WORDS.isdisjoint(tokens.bare[i])


def after_family_word(tokens: WordTokens, i: int) -> bool:
    """Token i follows a word for a family (عائلة | دوابشة)."""
    return tokens.joined(i) and family_word(tokens, i - 1)


#: Nouns a nationality or origin adjective describes (بنجلاديشي الجنسية، سوري الأصل).
DESCRIBED_BY_NATIONALITY = _folded("الجنسية الأصل")


def nationality_described(tokens: WordTokens, i: int) -> bool:
    """Token i is an adjective of nationality or origin before the noun it describes
    (`DESCRIBED_BY_NATIONALITY`): no name, however the nationality is spelled."""
    return tokens.joined(i + 1) and tokens.folded[i + 1] in DESCRIBED_BY_NATIONALITY


def _name_like(tokens: WordTokens, i: int, covered: list[str | None], limit: float = COMMON) -> bool:
    """Token i can be part of a personal name: not a function word, title, number, a word
    of an already matched entity, an accusative (with tanween or not), a verb in the future, the
    present or the plural past, و + the next name of a list, nor frequent vocabulary (unless a
    given name)."""
    if i >= len(tokens) or covered[i]:
        return False
    word = tokens.folded[i]
    if word.isdigit() or is_function_word(word) or word in TITLE_HEADS or word in ORG_KINDS or " " in word:
        return False  # ... or a ligature that folds to a whole blessing (ﷺ)
    if given_names().match(tokens.folded, i)[0]:
        return True
    if nationality_described(tokens, i) or family_word(tokens, i):
        return False  # بنجلاديشي | الجنسية: a nationality, however spelled; أسرة "family"
    if word.endswith(("ي", "يه")) and word_zipf(word) >= RARE:
        return False  # روسي، أمريكية: adjectives
    if pronoun_suffixed(tokens, i) or (word.endswith(PLURAL_PRONOUNS) and pronoun_suffixed(tokens, i, 2.5)):
        return False  # شكره، تقديره، معتقدهم: a noun with a pronoun, not a name
    if word.endswith("ها") and pronoun_suffixed(tokens, i, 3.0):
        return False  # سلامة | منسوبيها "the safety of its staff": a noun with "her, its"
    if any(c == 1 and word[0] == "ل" and present_verb(rest) for c, rest in tokens.forms(i)):
        return False  # فريد | لتحيل "unique, to turn": ل + a verb
    if word.endswith(PLURAL_PRONOUNS) and any(c and len(rest) >= 5 for c, rest in tokens.forms(i)):
        return False  # لأكبهم، بأيديهم: a proclitic and a plural pronoun around a word
    if has_tanween(tokens.raw[i]) or future_verb(word) or (i > 0 and and_before_name(tokens, i)):
        return False  # رونالدو راتبًا، ماسكيرانو سيتولون، كوستا وسيسك: an adverb, a verb, a list
    if accusative(word) or inflected_participle(word):
        return False  # الفريد | اهتماما: an accusative written without its tanween; | متفوقين
    if plural_past_verb(word) or present_verb(word) or past_verb(word) or verbal_noun(word):
        return False  # جبل عمر | تضرروا "were harmed", رافايل | ينضم "joins", عمر | ناهز "reached"
    if any(
        c
        and (
            (word[:c] in ("و", "ف") and (word_zipf(rest) >= 3.0 or rest.startswith("ال")))
            or (
                word[:c] in ("ب", "ل", "ك")
                and rest.startswith("ال")
                and word_zipf(rest) >= max(3.0, word_zipf(word) + 0.5)  # not بالمر (Palmer)
            )
        )
        for c, rest in tokens.forms(i)
    ):
        return False  # وغابات، والمنشط، بالإبقاء: و + a common or definite word, ب + a definite one
    if not word.startswith("با") and any(
        word[:c] in ("ب", "ل", "ك")
        and rest.endswith("ه")
        and word_zipf(rest) >= max(3.0, word_zipf(word) + 0.5)
        for c, rest in tokens.forms(i)
        if c
    ):
        return False  # متعب | بتسديدة "with a shot", بركلة: ب + a feminine noun in use (not باسلمة, a family)
    if word.startswith(("و", "ف")) and word.endswith("ه") and strip_diacritics(tokens.raw[i]).endswith("ه"):
        if word_zipf(word[1:-1]) >= 2.5:
            return False  # والتفافه: و + a noun + its pronoun
    return not tokens.definite[i] and reading_zipf(tokens, i) < limit and len(word) >= 2


def reading_zipf(tokens: WordTokens, k: int) -> float:
    """Zipf of token k's commonest reading, with or without a proclitic; no proclitic before a
    conjunction (بوليس is no ب + وليس "and is not", بلان no ب + لأن: Pulis, Blanc; بكل is ب + كل)
    and no ك "like" before a given name (مايكل كاريك is no ك + إريك; بعيسى is ب + عيسى)."""
    word = tokens.folded[k]
    return max(
        word_zipf(form)
        for c, form in tokens.forms(k)
        if not (c and (conjunction(form) or (word[0] == "ك" and given_names().match([form], 0)[0])))
    )


#: Conjunctions written like a preposition's object (لأن، لكن): no preposition comes before them.
CONJUNCTIONS = _folded("لأن لكن لكي")


def conjunction(form: str) -> bool:
    """A folded word that is a conjunction: a particle after و or ف (وليس، فإن) or `CONJUNCTIONS`."""
    return form in CONJUNCTIONS or (form.startswith(("و", "ف")) and is_function_word(form))


#: Pronoun suffixes of "their" and "your" (معتقدهم، بلادكم), which no name ends with.
PLURAL_PRONOUNS = ("هم", "هما", "هن", "كم", "كما")
#: Pronoun suffixes as written (ه، ها، هم ... not ة).
_PRONOUN = re.compile(f"({'|'.join((*PRONOUN_SUFFIXES, 'كما'))})[\u064b-\u065f]*$")
#: The third person's among them (his, her, them): a noun's or verb's object, never a name's.
THIRD_PERSON = ("ه", "ها", "هما", "هم", "هن")


def pronoun_suffixed(tokens: WordTokens, i: int, floor: float = 4.0) -> bool:
    """Token i reads as a word of at least `floor` Zipf with a pronoun suffix (شكره، تقديره،
    بخيراته; أزمته: ة written ت before the pronoun; عملائها: ء written ئ), perhaps after a
    proclitic: not a name."""
    match = _PRONOUN.search(strip_diacritics(tokens.raw[i]))
    if not match:
        return False
    cut = len(match.group(1))
    for _, form in tokens.forms(i):
        stem = form[:-cut]
        stems = (stem, stem[:-1] + "ه") if stem.endswith("ت") else (stem,)
        if stem.endswith(("ئ", "ؤ")):
            stems = (stem, stem[:-1] + "ء")
        if len(stem) >= 3 and max(map(word_zipf, stems)) >= floor:
            return True
    return False


def _plain_after_title(tokens: WordTokens, k: int) -> bool:
    """Token k after a title reads as a name, not as a proclitic + a word (لإبداء), a
    word with a pronoun (أزمته، مرئياته) nor a verb in the future (سيختتم، سيستقبلهم)."""
    if tokens.proclitic_word(k, 2.5) or pronoun_suffixed(tokens, k, 3.0):
        return False
    return not future_verb(tokens.folded[k])


def _proclitic_verbal_noun(tokens: WordTokens, k: int) -> bool:
    """Token k is a proclitic and a verbal noun (القاضي | بتكليف الهيئة "stipulating the
    assignment of"): no name."""
    return any(c and verbal_noun(rest) for c, rest in tokens.forms(k))


def future_verb(word: str) -> bool:
    """A folded word reads as س + an imperfect verb in use, perhaps with a pronoun (سيختتم،
    سيستقبلهم, not سيف)."""
    if not word.startswith(("سي", "ست", "سن")):
        return False
    rest = word[1:]
    bare = next((rest[: -len(p)] for p in PRONOUN_SUFFIXES if rest.endswith(p)), rest)
    return max(word_zipf(rest), word_zipf(bare)) >= 2.5


#: Beginnings of the imperfect of derived verbs (يتفعّل، يتفاعل، يستفعل) in the third person.
DERIVED_IMPERFECT = ("يت", "يست")


def present_verb(word: str) -> bool:
    """A folded word that reads as an imperfect verb: one in use, as common in another person
    (ينضم: تنضم، يقود: تقود; not يونغ: تونغ, nor تومي: يومي "daily"), or any word in use of a
    derived verb's shape (`DERIVED_IMPERFECT`); given names of that shape (يزيد، نجيب) are matched
    before this test."""
    zipf = word_zipf(word)
    if len(word) >= 5 and word.startswith(DERIVED_IMPERFECT) and zipf > 0:
        return True  # يتقمص، يستعيد: words in use of a derived verb's shape (not يتسحاق)
    if len(word) < 4 or word[0] not in IMPERFECT_PREFIXES or zipf < 3.0:
        return False
    return any(abs(word_zipf(other) - zipf) <= 0.5 for other in _other_persons(word))


def unknown_imperfect_verb(word: str) -> bool:
    """A folded word the word list does not know that reads as an imperfect verb it knows in
    another person (تعايد: يعايد "greets"): ي، ت or ن and a stem that takes another of them."""
    if word_zipf(word) > 0 or len(word) < 4 or word[0] not in IMPERFECT_PREFIXES:
        return False
    return any(word_zipf(other) > 0 for other in _other_persons(word))


#: Prefixes of the imperfect verb's persons that a name may also start with (he, she/you, we).
IMPERFECT_PREFIXES = "يتن"


def _other_persons(word: str) -> list[str]:
    """The folded imperfect verb `word` in the other persons (ينضم: تنضم، ننضم)."""
    return [p + word[1:] for p in IMPERFECT_PREFIXES if p != word[0]]


def clear_future_verb(word: str) -> bool:
    """A future verb whose reading without its س is clearly commoner than the word itself, so no
    name that starts like one (سيرغبون، سيترأس; not سيسيل، سيال)."""
    return future_verb(word) and word_zipf(word[1:]) >= word_zipf(word) + 1.0


def _followed_by_break(tokens: WordTokens, j: int) -> bool:
    """The name ending before token j is followed by punctuation, the end, or a speech complement."""
    if j >= len(tokens):
        return True
    return not tokens.joined(j) or tokens.folded[j] in SPEECH_FOLLOWERS


#: Where a speaker spoke, after في (وقال بنيتز | في مؤتمر صحفي، قال مميش في مقابلة).
SPEECH_EVENTS = _folded(
    "مؤتمر تصريح تصريحات حديث مقابلة كلمة كلمته تغريدة تغريدات رسالة كتابه كتاب تقرير تقريره "
    "مقال مقاله لقاء حوار"
)
#: Whom a speaker told, after ل (وقال عريقات | لوكالة، للصحفيين).
SPEECH_AUDIENCES = MEDIA_HEADS | _folded("الصحفيين الصحافيين الصحافة الصحيفة الوكالة القناة التلفزيون")


def _speech_setting(tokens: WordTokens, j: int) -> bool:
    """Tokens from j say where or to whom the speaker before them spoke: في and a speech event
    (وقال بنيتز في مؤتمر صحفي) or ل and the press (وقال عريقات لوكالة الأنباء، للصحفيين)."""
    if j >= len(tokens) or not tokens.joined(j):
        return False
    word = tokens.folded[j]
    if word == "في":
        return j + 1 < len(tokens) and tokens.joined(j + 1) and tokens.folded[j + 1] in SPEECH_EVENTS
    rest = "ال" + word[2:] if word.startswith("لل") else word[1:]  # للصحفيين: ل + الصحفيين
    return word.startswith("ل") and rest in SPEECH_AUDIENCES


def after_title_or_speech(tokens: WordTokens, i: int) -> bool:
    """Token i comes right after a title (الدكتور) or a speech verb (وأضاف)."""
    return i > 0 and tokens.joined(i) and (tokens.is_(i - 1, TITLE_HEADS) or tokens.is_(i - 1, SPEECH_VERBS))


def after_title_chain(tokens: WordTokens, i: int) -> bool:
    """Token i follows a title or a speech verb, perhaps through the definite words of its office
    (الرئيس روحاني، وقال ظريف، وزير الخارجية كيري، وزير الخارجية الإيراني ظريف); not right after
    an indefinite title, which an adjective follows (مستشار رئيسي "a chief adviser")."""
    k = i - 1
    while k >= 0 and i - k <= TITLE_CHAIN_WORDS and tokens.joined(k + 1):
        if tokens.is_(k, SPEECH_VERBS):
            return True
        if tokens.is_(k, TITLE_HEADS):
            return k < i - 1 or tokens.definite[k]
        if not tokens.definite[k]:
            return False
        k -= 1
    return False


#: How many words `after_title_chain` looks back through.
TITLE_CHAIN_WORDS = 4


def apposition(tokens: WordTokens, j: int) -> bool:
    """Token j starts an apposition after a comma: "X، وهو ..." / "X، رئيس ..."."""
    return j < len(tokens) and any(c in tokens.gap(j) for c in "،,") and tokens.folded[j] in APPOSITION_STARTS


def _person_run(tokens: WordTokens, i: int, covered: list[str | None]) -> int:
    """End of a personal name starting at i (i itself when none): a given-name chain and its
    surname, or else at most two name-like words."""
    if given_names().match(tokens.folded, i)[0]:
        span = _given_name_span(tokens, i, 0, covered)
        if span:
            return span.last
    if not _name_like(tokens, i, covered, 4.0):
        return i
    j = i + 1
    if j < len(tokens) and tokens.joined(j) and _name_like(tokens, j, covered, 3.0):
        j += 1
    return j


#: Particles that only a verb follows (لم، لن).
VERB_PARTICLES = _folded("لم لن قد لقد سوف")


def after_verb_particle(tokens: WordTokens, i: int) -> bool:
    """Token i follows لم، لن، قد، لقد or سوف (perhaps after و، ف), so it is a verb (لم ينس، لم
    نيأس، قد أغرى)."""
    return i > 0 and tokens.joined(i) and bool(tokens.bare[i - 1] & VERB_PARTICLES)


def _after_name_and_comma(tokens: WordTokens, i: int) -> bool:
    """Token i follows a comma after a word that may end a name but is no given name, and an
    indefinite word follows it (آدم كاراهان، | مساعد ضراب: an apposition, "Zarrab's assistant";
    محمد، | مساعد العتيبي is a list of names, بهولندا، | مساعد المرواني a name after a title)."""
    return (
        0 < i < len(tokens) - 1
        and not tokens.definite[i + 1]
        and any(c in tokens.gap(i) for c in "،,")
        and not given_names().match(tokens.folded, i - 1)[0]
        and not is_function_word(tokens.folded[i - 1])
        and not tokens.folded[i - 1].isdigit()
    )


def _after_full_name(tokens: WordTokens, i: int) -> bool:
    """Token i follows a given name and a family name (أحمد الصافي), nothing between."""
    return (
        i >= 2
        and tokens.joined(i)
        and tokens.joined(i - 1)
        and tokens.definite[i - 1]
        and given_names().match(tokens.folded, i - 2)[0] == 1
    )


#: Zipf of a word in use that, with the accusative's alif (مرانا of مران), ends a name before it.
ACCUSATIVE_ZIPF = 3.3


def _given_name_span(tokens: WordTokens, i: int, clitic: int, covered: list[str | None]) -> RuleSpan | None:
    """Given name(s) at token i and the surname after them, if any."""
    names = given_names()
    form = dict(tokens.forms(i))[clitic]
    if not clitic and after_verb_particle(tokens, i):
        return None  # لم | ينس ذلك "did not forget that": a verb, not Jens
    patronymic = i + 1 < len(tokens) and tokens.folded[i + 1] in ("بن", "ابن")
    if is_function_word(form) and not spelled_as_given_name(tokens, i, form) and not patronymic:
        return None  # على / الآن are not علي / آلان (but على بن عثمان is)
    if not clitic and ali_is_preposition(tokens, i):
        return None  # علي بخيراته: على written with ya
    if i > 0 and tokens.joined(i) and tokens.folded[i - 1] == "في" and word_zipf(form) >= 4.0:
        return None  # في جو مفعم "in an atmosphere full of": the word, not Joe
    if (
        not clitic
        and form in TITLE_HEADS
        and (_after_full_name(tokens, i) or _after_name_and_comma(tokens, i))
    ):
        return None  # أحمد الصافي | مساعد السيستاني، آدم كاراهان، | مساعد ضراب: a title in apposition
    n, foreign = names.match([form] + tokens.folded[i + 1 : i + 4], 0)
    if not n or (
        n == 1 and pronoun_suffixed(tokens, i) and not strip_diacritics(tokens.raw[i]).endswith("ة")
    ):
        return None  # ناديه لإعارته: "his club", not نادية
    j = i + n
    while j < len(tokens) and tokens.joined(j) and not covered[j]:
        if tokens.folded[j] == "الدين":
            j += 1  # سيف الدين، عز الدين: a compound given name
            continue
        if not names.match(tokens.folded, j)[0]:
            break
        if is_function_word(tokens.folded[j]) and not spelled_as_given_name(tokens, j, tokens.folded[j]):
            break  # خالد | على موقف قطر: the preposition, not علي
        j += names.match(tokens.folded, j)[0]
    if j - i >= 2 and tokens.folded[j - 1] in TITLE_HEADS and j < len(tokens) and tokens.joined(j):
        if tokens.definite[j] or tokens.is_(j, TITLE_HEADS):
            j -= 1  # أيمن توفيق | مساعد المدير: a given name that is a title, before its office
    end = j
    limit = COMMON if foreign and word_zipf(form) < 4.0 else 4.0  # جان is also "jinn"
    if not foreign and j - i >= 2:
        limit = RARE  # علي صالح | مكشوف "exposed": given names are a name without a surname
    after_particle = False
    while end < len(tokens) and end - j < 2 + 2 * after_particle and tokens.joined(end) and not covered[end]:
        word = tokens.folded[end]
        if (
            name_particle(tokens, end)
            and end + 1 < len(tokens)
            and (not after_particle or word in ("ال", FATHER_OF))
            and (
                word != FATHER_OF
                or tokens.definite[end + 1]
                or given_names().match(tokens.folded, end + 1)[0]
            )
        ):
            end += 1  # بن عبدالله | آل الشيخ، بن مهنا | أبا الخيل: a family's particle after a patronymic
            after_particle = True
            continue
        ok = _name_like(tokens, end, covered, limit if end == j else 3.0)
        if not ok and end == j and apposition(tokens, end + 1):
            ok = _name_like(tokens, end, covered, math.inf)  # هاني عمارة، محلل: a common word as surname
        if end > j and word.startswith("و") and not after_particle:
            ok = False  # دييجو كوستا | وسيسك فابريجاس: the next name of a list
        if end > j and not after_particle and word.endswith("ا") and word_zipf(word[:-1]) >= ACCUSATIVE_ZIPF:
            ok = False  # سعود كريري | مرانا "a drill": a noun in the accusative, the verb's object
        if end == j and not foreign and next_in_list(tokens, end):
            ok = False  # عادل | وناجز "just and swift", فهد | وأحفاده: a list, not a surname
        if end > j and tokens.definite[end - 1] and not tokens.definite[end] and not after_particle:
            ok = False  # عبدالمحسن الدايل | تحدثا: only a particle goes on after a family name
        if after_particle:  # بن فرحان، آل ثاني، عبد العاطي: any content word, then a family name
            # ... whose second word may be الله (بن غرم الله الخثعمي، بن عطا الله)
            theophoric = word == "الله" and name_particle(tokens, end - 2)
            ok = theophoric or (not is_function_word(word) and not word.isdigit())
            if ok and not theophoric and not name_particle(tokens, end - 1):
                if family_after_patronymic(tokens, end):
                    end += 1  # بن عبدالعزيز | الربيعة، بن إبراهيم | القاضي
                break
        if (
            not ok
            and end == j
            and foreign
            and is_function_word(word)
            and 2 <= len(word) <= 3
            and word != "علي"
        ):
            ok = end + 1 >= len(tokens) or not tokens.joined(end + 1)  # دونالد لو، ...; not لـ«الشرق»
        if not ok and not foreign and end == j and tokens.definite[end]:
            # باسل الحاج ...; not a plural noun (أسماء المستبعدين، أسماء المرشحات)
            plural = (len(word) >= 8 and word.endswith(("ين", "ون"))) or (
                len(word) >= 7 and word.endswith("ات")
            )
            ok = (word_zipf(word) < RARE and not plural) or family_nisba(word) or nationality_family(word)
            if not ok and any(tokens.folded[k] in DESCENT for k in range(i + 1, j)):
                ok = family_after_patronymic(tokens, end)  # محمد بن إبراهيم | القاضي
        if not ok and end > j and tokens.definite[end] and family_nisba(word):
            ok = True  # سالم الطمبالة | العولقي، علي عليان | الحنيني: a family's nisba after the surname
        if not ok:
            break
        end += 1
    while end > j and name_particle(tokens, end - 1):
        end -= 1
    if end == j:  # جان كلود | يونكر: a known person's surname completes the given names
        while end < len(tokens) and end - j < 2 and tokens.joined(end) and covered[end] == "PER":
            end += 1
    if end == j and foreign:
        end = _place_as_surname(tokens, j, covered)
    if end == j and (foreign or j - i < 2):
        return None  # a chain of Arabic given names is a name on its own: أحمد علي، رامي عبد الرحمن
    last = tokens.folded[end - 1]
    rare_surname = word_zipf(last) < RARE or bool(PERSON_SHAPE.search(last)) or family_nisba(last)
    rare_surname = rare_surname or (end == j + 1 and nationality_family(last))
    return RuleSpan(i, end, "PER", "given_name", foreign or rare_surname or after_particle, clitic)


def _place_as_surname(tokens: WordTokens, j: int, covered: list[str | None]) -> int:
    """End of a family name at token j, after a foreign given name, that the gazetteer knows
    as a one-word place (رافاييل | كوريا إن، رفائيل | كوريا دلجادو): the place and a rare word
    after it, or the place before a break or و and a nationality (the next player of a list:
    أنطونيو فالنسيا | والبلجيكي يانوزاي); j when none (زار بيتر | لندن أمس: the city)."""
    if j >= len(tokens) or not tokens.joined(j) or covered[j] != "LOC":
        return j
    if tokens.folded[j].startswith("و") and load_gazetteer().lookup((tokens.folded[j],)) is None:
        return j  # تيمور | وماليزيا: و and a place, the next item of a list (not ويليام | فويلز)
    k = j + 1
    if k < len(tokens) and covered[k] == "LOC":
        return j  # a longer place's name
    if k < len(tokens) and tokens.joined(k) and not covered[k] and _name_like(tokens, k, covered, RARE):
        return k + 1
    listed = (
        k < len(tokens)
        and tokens.joined(k)
        and tokens.folded[k].startswith("وال")
        and load_gazetteer().nationality(tokens.folded[k][1:])
    )
    return k if _followed_by_break(tokens, k) or listed else j


def family_after_patronymic(tokens: WordTokens, k: int) -> bool:
    """Token k, a definite word after بن and a name, is the family's name (بن فوزان الربيعة، بن
    إبراهيم القاضي، بن عبدالمحسن التركي): a word below `VERY_COMMON`, no keyword but a title no
    name follows (بن عبدالملك المرشد | إن), no function word; one in ة below `RARE` only, as most
    such words are adjectives agreeing with a noun before the name (زيارة محمد بن سلمان
    الرسمية)."""
    word = tokens.folded[k]
    if not tokens.definite[k] or not word.startswith("ال") or is_function_word(word):
        return False
    if tokens.keyword[k] and not (word in TITLE_HEADS and _no_name_after(tokens, k + 1)):
        return False  # a title keeps its name after it (بن سلمان | الأمير فيصل); المرشد | إن is the family
    if word_zipf(word) >= (RARE if word.endswith("ه") else VERY_COMMON):
        return False
    return word_zipf(word) < RARE or not _takes_complement(tokens, k + 1)


def _no_name_after(tokens: WordTokens, k: int) -> bool:
    """No name can start at token k: the text or clause ends before it, or it is a function word
    (عبدالله بن عبدالملك المرشد | إن)."""
    return k >= len(tokens) or not tokens.joined(k) or is_function_word(tokens.folded[k])


#: Prepositions a participle's or an adjective's complement starts with (المتخصص في).
COMPLEMENT_PREPOSITIONS = _folded("في على من عن إلى مع لدى عند حول ضد")


def _takes_complement(tokens: WordTokens, k: int) -> bool:
    """Token k goes on the word before it as an adjective's or a participle's complement would: a
    preposition (المتخصص | في، الفائز | بجائزة), a relational adjective (المنتخب | السعودي) or
    an adverb (المعروض | رسميا)."""
    if k >= len(tokens) or not tokens.joined(k):
        return False
    word = tokens.folded[k]
    preposition = word in COMPLEMENT_PREPOSITIONS
    governed = any(c and word[:c] in ("ب", "ل") and word_zipf(rest) >= COMMON for c, rest in tokens.forms(k))
    adverb = has_tanween(tokens.raw[k]) or (word.endswith("يا") and word_zipf(word) >= RARE)
    return preposition or governed or adverb or _nisba(word)


def family_nisba(word: str) -> bool:
    """A folded definite word shaped as a family's nisba whose feminine is rare, so no adjective
    (الدوسري، العتيبي، الرفاعي; not السياسي، الحربي "military", الشهري "monthly")."""
    return (
        word.startswith("ال")
        and word.endswith("ي")
        and len(word) >= 6
        and word_zipf(word + "ه") < FAMILY_NISBA_FEMININE_ZIPF
    )


def nationality_family(word: str) -> bool:
    """A folded definite masculine nationality adjective, a family name right after an Arabic
    given name (منصور التركي، خليل المصري، عبدالقادر الجزائري): a person's nationality comes
    before the name (اللاعب المصري محمد صلاح)."""
    return word.startswith("ال") and word.endswith("ي") and load_gazetteer().nationality(word)


#: Zipf frequency of a nisba's feminine from which it is an adjective (السياسية), not a family's.
FAMILY_NISBA_FEMININE_ZIPF = 3.0


def ali_is_preposition(tokens: WordTokens, i: int) -> bool:
    """Token i is على written with ya (علي), not the name: the next word is a function word, a
    frequent definite noun, or a proclitic + a frequent word (علي بخيراته، علي الرغم)."""
    if tokens.folded[i] != "علي" or i + 1 >= len(tokens) or not tokens.joined(i + 1):
        return False
    following = tokens.folded[i + 1]
    if following in ("بن", "ابن", "بنت"):
        return False  # علي بن عبدالله
    if is_function_word(following):
        return True
    if tokens.definite[i + 1]:  # علي الرغم; but علي القرني: a nisba surname, السفير علي الصادق
        titled = i > 0 and tokens.joined(i) and tokens.is_(i - 1, TITLE_HEADS)
        return word_zipf(following) >= (4.5 if following.endswith("ي") or titled else 3.5)
    # a preposition's object with a pronoun attached (علي بخيراته، علي لسانه)
    if any(c and rest.endswith(PRONOUN_SUFFIXES) and len(rest) >= 4 for c, rest in tokens.forms(i + 1)):
        return True
    return any(c and word_zipf(rest) >= 3.5 > word_zipf(following) for c, rest in tokens.forms(i + 1))


def _given_name_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    firsts = given_names().firsts
    spans = []
    end = 0  # tokens before it belong to the last span found
    for i in [i for i, bare in enumerate(tokens.bare) if not firsts.isdisjoint(bare)]:
        if i < end or covered[i]:
            continue
        if i > 0 and tokens.joined(i) and tokens.folded[i - 1] == FAMILY_PARTICLE:
            continue  # آل | سعود: the family of the name before, no person of its own
        whole = word_zipf(tokens.folded[i])
        for clitic, rest in sorted(tokens.readings[i]):  # و + كريم before وك + ريم
            if clitic and whole >= 4.0 and whole >= word_zipf(rest) - 0.5:
                continue  # لجان "committees", not ل + جان
            span = _given_name_span(tokens, i, clitic, covered)
            if span:
                spans.append(span)
                end = span.last
                break
    return spans


def _title_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    spans = []
    for i in tokens.keyword_positions:
        if covered[i] or not tokens.is_(i, TITLE_HEADS) or _sign_not_of_god(tokens, i):
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 8 and tokens.joined(j):
            word = tokens.folded[j]
            if covered[j] and covered[j] != "PER":
                j += 1
            elif (
                tokens.definite[j]
                or tokens.is_(j, TITLE_HEADS)
                or tokens.is_(j, TITLE_LINKS)
                or word in RANK_WORDS
                or _head_of_named_body(tokens, j, covered)
                or (word.startswith("ل") and len(word) > 3 and not _name_like(tokens, j, covered))
            ):
                j += 1
            else:
                break
        if j >= len(tokens) or not tokens.joined(j) or covered[j]:
            continue
        end = _person_run(tokens, j, covered)
        if end == j:
            end = _name_with_rare_surname(tokens, j, covered)
        elif end == j + 1 and family_name_after_title(tokens, j, covered):
            end += 1  # المتحدث باسم الوزارة مصعب | المدرس إن: a family name that is also a word
        if end == j or _body_with_nationality(tokens, j, end) or _proclitic_verbal_noun(tokens, j):
            continue
        # the labeller must confirm one word (most are verbs and nouns: الفريق أفقدته، المفوض العام
        # للأونروا; a given name alone is the given-name rule's) and words that read as others
        plain, k = end - j >= 2, j
        while plain and k < end:
            n = given_names().match(tokens.folded, k)[0]
            plain, k = n > 0 or _plain_after_title(tokens, k), k + max(n, 1)
        confirmed = plain or bool(PERSON_SHAPE.search(tokens.folded[end - 1]))
        spans.append(RuleSpan(j, end, "PER", "title", confirmed))
    return spans


#: Indefinite words of a military rank after its head (الفريق أول، اللواء ركن، العميد طيار).
RANK_WORDS = _folded("أول ركن طيار بحري")


#: The title آية الله, folded: its first word alone is none (ولاية "state" reads و + ل + آية).
SIGN, GOD = fold_token("آية"), fold_token("الله")


def _sign_not_of_god(tokens: WordTokens, i: int) -> bool:
    """Token i reads as آية only, and الله does not follow it: no title (في ولاية ماديا براديش)."""
    return tokens.bare[i] & TITLE_HEADS == {SIGN} and not (
        i + 1 < len(tokens) and tokens.folded[i + 1] == GOD
    )


def _head_of_named_body(tokens: WordTokens, j: int, covered: list[str | None]) -> bool:
    """Token j is an organisation's or a place's head whose name follows it, in a title's chain
    (المتحدث باسم | وزارة التعليم ...، مدير | جامعة الملك سعود ...)."""
    return (
        (tokens.is_(j, ORG_HEADS) or tokens.is_(j, PLACE_HEADS))
        and j + 1 < len(tokens)
        and tokens.joined(j + 1)
        and (tokens.definite[j + 1] or covered[j + 1] not in (None, "PER"))
    )


def _body_with_nationality(tokens: WordTokens, j: int, end: int) -> bool:
    """The one word after a title, no given name, is followed by a nationality adjective: a
    club or company named by its country (خسر الهلال من نظيره أودينيزي | الإيطالي، رئيس توتال |
    الفرنسية); a person's nationality comes before the name (نظيره الروسي لافروف)."""
    return end == j + 1 and nationality_after(tokens, end) and not given_names().match(tokens.folded, j)[0]


def _name_with_rare_surname(tokens: WordTokens, j: int, covered: list[str | None]) -> int:
    """After a title: j + 2 when tokens j and j + 1 read as a given name and a rare surname or a
    family's nisba that ends the clause (المتحدثة باسم البيت الأبيض جين ساكي إن ...: a given name
    may be as common a word as جين, "gene"), else j. Not a "surname" that is و + a word (رئاسة
    الأهلي فخر | واعتزاز: "pride and honour")."""
    k = j + 1
    if k >= len(tokens) or not tokens.joined(k) or covered[j] or covered[k]:
        return j
    first = tokens.folded[j]
    plain_first = (
        not tokens.definite[j]
        and not tokens.keyword[j]
        and not family_word(tokens, j)  # الأمير | أسرة الجفالي: the family
        and not is_function_word(first)
        and not first.isdigit()
        and len(first) >= 2
        and word_zipf(first) < VERY_COMMON
    )
    surname = _name_like(tokens, k, covered, RARE) or family_nisba(tokens.folded[k])
    if plain_first and surname and not and_word(tokens, k, 2.5) and _followed_by_break(tokens, k + 1):
        return k + 1  # الأستاذة خيرية الحازمي إن: a given name that is a word, and a family's nisba
    return j


def family_name_after_title(tokens: WordTokens, j: int, covered: list[str | None]) -> bool:
    """Token j + 1, after the given name j that follows a title, is a family name that is also
    a word (المتحدث باسم الوزارة مصعب | المدرس إن): a free definite word that ends the clause, no
    function word, no adjective of the title's kind (العام، الأول) nor nationality, and not very
    common unless a doctor's title stands before the given name (د. عثمان | العمر)."""
    k = j + 1
    if (
        k >= len(tokens)
        or not tokens.joined(k)
        or covered[k]
        or given_names().match(tokens.folded, j)[0] != 1
    ):
        return False
    word = tokens.folded[k]
    return (
        tokens.definite[k]
        and word.isalpha()
        and not is_function_word(word)
        and word not in PLAIN_ADJECTIVES
        and not load_gazetteer().nationality(word)  # الفريق في هورست | الهولندية: the place's
        and (word_zipf(word) < VERY_COMMON or _after_doctor(tokens, j))  # د. عثمان | العمر، ...
        and _followed_by_break(tokens, k + 1)
    )


def _after_doctor(tokens: WordTokens, j: int) -> bool:
    """Token j follows a doctor's title (د.، الدكتور), which only a person's name follows."""
    return (
        j > 0
        and tokens.joined(j)
        and (tokens.is_(j - 1, DOCTOR_TITLES) or tokens.folded[j - 1] in ABBREVIATED)
    )


def _speech_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    spans = []
    for i in tokens.keyword_positions:
        if not tokens.is_(i, SPEECH_VERBS) or not tokens.joined(i + 1) or covered[i + 1]:
            continue
        end = _person_run(tokens, i + 1, covered)
        lone = end - i - 1 == 1
        if lone and _participle_speaker(tokens, i + 1):
            continue  # قد يقول | قائل "one might say"، قال | عامل "a worker said"
        if end == i + 1 or not (_followed_by_break(tokens, end) or (lone and _speech_setting(tokens, end))):
            continue
        rare_last = word_zipf(tokens.folded[end - 1]) < RARE
        confirmed = end - i - 1 >= 2 and (apposition(tokens, end) or rare_last)
        if lone:
            confirmed = _lone_speaker(tokens, i + 1)
        # تقول EPFR إن: an acronym in Latin capitals speaks for an organisation
        etype = "ORG" if lone and acronym(tokens.raw[i + 1]) else "PER"
        spans.append(RuleSpan(i + 1, end, etype, SPEECH_VERB_RULE, confirmed))
    return spans


def _participle_speaker(tokens: WordTokens, k: int) -> bool:
    """Token k is an indefinite form-I active participle in use (قائل، عامل، شاهد) that is no
    given name: the speaker is described, not named."""
    word = tokens.folded[k]
    return (
        not word.startswith("ال")
        and active_participle(word, 3.0)
        and not given_names().match(tokens.folded, k)[0]
    )


def acronym(raw: str) -> bool:
    """A word of two or more Latin capitals (EPFR، CNN), an organisation's short name."""
    return len(raw) >= 2 and raw.isascii() and raw.isalpha() and raw.isupper()


def plural_noun(word: str) -> bool:
    """A sound masculine plural of a word in use, about as common as the plural or more (دبلوماسيون،
    مراقبون), or unknown itself (موقوفون "detainees"), not a name ending so (هيلتون; كلينتون is
    commoner than كلينت)."""
    if len(word) < 6 or not word.endswith("ون"):
        return False
    zipf = word_zipf(word)
    if zipf < 2.5:
        return zipf == 0 and word_zipf(word[:-2]) >= 3.0
    return word_zipf(word[:-2]) >= max(3.0, zipf - 0.5)


#: A speaker's words reported after عن and the name (ونقل الموقع عن كلوو | قوله).
QUOTED_SAYING = _folded("قوله قولها قولهم")


def _reported_speaker_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """A name between عن and قوله (ونقل الموقع عن كلوو قوله، عن مايكل كلوو قوله): the person whose
    words are reported."""
    spans = []
    for i, word in enumerate(tokens.folded):
        if word != "عن" or i + 1 >= len(tokens) or not tokens.joined(i + 1) or covered[i + 1]:
            continue
        end = _person_run(tokens, i + 1, covered)
        if (
            end == i + 1
            or end >= len(tokens)
            or not tokens.joined(end)
            or tokens.folded[end] not in QUOTED_SAYING
        ):
            continue
        confirmed = _lone_speaker(tokens, i + 1) if end == i + 2 else word_zipf(tokens.folded[end - 1]) < RARE
        spans.append(RuleSpan(i + 1, end, "PER", REPORTED_SPEAKER_RULE, confirmed))
    return spans


def _lone_speaker(tokens: WordTokens, k: int) -> bool:
    """One word after a speech verb, and a break after it, that names the speaker (وقال عريقات
    إن، وأكد بادماناتان أن): a rare word that is no word with a pronoun (وأضاف معاليه، سماحته)
    nor a plural (ويقول محللون، اقتصاديون)."""
    word = tokens.folded[k]
    return word_zipf(word) < RARE and not pronoun_suffixed(tokens, k, 3.0) and not plural_noun(word)


def _shape_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    spans = []
    for i, word in enumerate(tokens.folded):
        if not word.endswith(SHAPE_ENDINGS) or covered[i] or tokens.definite[i] or is_function_word(word):
            continue
        if any(c and form.startswith("ال") and word_zipf(form) >= 2.0 for c, form in tokens.forms(i)):
            continue  # كالجراد "like locusts": a proclitic and a definite word in use (not بالتيستان)
        # وخوزستان reads as و + a word in use: only the proclitic readings (ففستان "so the dress"
        # then names nothing)
        readings = [r for r in tokens.forms(i) if r[0]] if tokens.proclitic_word(i) else tokens.forms(i)
        for clitic, form in readings:
            if len(form) >= 6 and word_zipf(form) < RARE and PLACE_SHAPE.search(form):
                spans.append(RuleSpan(i, i + 1, "LOC", "place_shape", True, clitic))
                break
            if (
                len(form) >= 5
                and word_zipf(form) < 3.0
                and PERSON_SHAPE.search(form)
                and clitic == 0
                and not nationality_plural(form)
            ):  # not a nationality's dual (سوريان "two Syrians")
                spans.append(RuleSpan(i, i + 1, "PER", "surname_shape", False, clitic))
                break
    return spans


def rare_in_every_reading(tokens: WordTokens, i: int) -> bool:
    """Token i is rare in every reading (وتمويل is و + a common word)."""
    return all(word_zipf(form) < RARE and not is_function_word(form) for _, form in tokens.forms(i))


def common_noun(word: str) -> bool:
    """A folded indefinite word that is written with the article at least as often as without
    (مقاولات: المقاولات، دواجن، اشتراكات) is a common noun, and its relational adjective one
    too (عنقودي); a name rarely takes the article (أجاد، سابك)."""
    definite = word_zipf("ال" + word)
    if definite >= 3.0 and definite >= word_zipf(word):
        return True
    return word.endswith("ي") and len(word) >= 5 and common_noun(word[:-1])  # عنقودي: عنقود


def nationality_plural(word: str) -> bool:
    """A folded indefinite word is a nationality's dual or plural (سوريان "two Syrians"، كويتيون)."""
    return word.endswith(("ان", "ين", "ون")) and load_gazetteer().nationality("ال" + word[:-2])


def common_phrase(name: tuple[str, ...]) -> bool:
    """Two folded words that make a common noun phrase: a definite noun and its adjective (الطيران
    المدني، الخط الأحمر) or a common active participle (الأمر الواقع "the fait accompli", الحزب
    الحاكم), or an indefinite noun and a common word (هبوط اضطراري)."""
    if len(name) != 2:
        return False
    first, second = name
    if first.startswith("ال"):
        return adjective_like(second) or (second.startswith("ال") and active_participle(second, 4.0))
    return not second.startswith("ال") and common_noun(second)


def active_participle(word: str, floor: float) -> bool:
    """A folded word of the form-I active participle's shape, فاعل, perhaps with the article
    (قائل، عامل، الواقع، الحاكم), in use from Zipf `floor`."""
    stem = word.removeprefix("ال")
    return len(stem) == 4 and stem[1] == "ا" and word_zipf(word) >= floor


#: Heads of bodies whose name may be their field in a construct (منظمة حماية البيئة، جمعية رعاية
#: الأيتام، هيئة تطوير المدينة، مجلس قيادة المقاومة); not the heads that describe (شركة، مركز:
#: مركز قلب الدفاع "centre-back") nor an office (رئاسة لجنة الانضباط "the chair of").
FIELD_HEADS = DEFINED_ORG_HEADS - OFFICE_HEADS | _folded("منظمة جمعية مؤسسة صندوق رابطة نقابة اتحاد")


def _field_construct(tokens: WordTokens, k: int, covered: list[str | None]) -> bool:
    """Token k, after a body's head, is a noun in use governing the definite word after it: the
    body's field (منظمة حماية | البيئة، جمعية رعاية | الأيتام): a `construct_noun` that takes the
    article often (a verb does not: لجنة تضم الخبراء); not a given name (لجنة عمر المهنا), a sport
    (مجموعة كرة الطائرة), a common complement (مجلس إدارة الشركة) or another body's head
    (أمين صندوق | اتحاد الكرة; قيادة may be: مجلس قيادة الثورة); no place follows (هيئة تحرير
    الشام is the gazetteer's or none)."""
    if k + 1 >= len(tokens) or not tokens.joined(k + 1) or covered[k] or covered[k + 1]:
        return False
    word, after = tokens.folded[k], tokens.folded[k + 1]
    return (
        construct_noun(tokens, k)
        and "ال" + word not in GENERIC_COMPLEMENTS
        and word not in SPORT_CONSTRUCTS
        and word not in ORG_HEADS - VERBAL_HEADS  # أمين صندوق | اتحاد الكرة: the body after is another
        and not given_names().match(tokens.folded, k)[0]
        and word_zipf(word) >= FIELD_ZIPF
        and word_zipf("ال" + word) >= FIELD_ZIPF
        and tokens.definite[k + 1]
        and not is_function_word(after)
        and after not in PHRASE_STOPS
    )


def construct_noun(tokens: WordTokens, k: int) -> bool:
    """Token k, joined to the word before it, may be an indefinite noun in construct after a
    body's head: not a function word, a verb with a pronoun (تحالف تقوده), و and a word (قيادة
    وشعب; وزراء is one word), an adverb of place (غرفة داخل الشقة) or a number."""
    word = tokens.folded[k]
    return (
        tokens.joined(k)
        and not tokens.definite[k]
        and word.isalpha()
        and not (word.startswith("و") and tokens.proclitic_word(k))
        and not strip_diacritics(tokens.raw[k]).endswith(("ه", "ها", "هم"))
        and not is_function_word(word)
        and word not in PLACE_ADVERBS
    )


#: Adverbs of place, no construct noun after a head (غرفة داخل الشقة، لأي نادي داخل مصر).
PLACE_ADVERBS = _folded("داخل خارج قرب عبر ضد")
#: Zipf of a noun, with and without the article, that names a body's field after its head.
FIELD_ZIPF = 3.0


def _common_complement(tokens: WordTokens, i: int) -> bool:
    """Token i, after an organisation head, makes it a common noun phrase: a preposition and a
    word in use (غرفة بتجهيزات، مركز للمساج، لجنة للطعون), a word with a pronoun of the third
    person (محكمة تنفذها) or the relational adjective of a word in use (مركز انتخابي، مركز حضاري)."""
    word = tokens.folded[i]
    if any(c and word[:c] in ("ل", "لل", "ب") and word_zipf(rest) >= 2.5 for c, rest in tokens.forms(i)):
        return True
    if word.endswith(THIRD_PERSON) and pronoun_suffixed(tokens, i, 3.0):
        return True  # خطة محكمة تنفذها: "tight", then a verb with its object (not جمعية خيركم)
    return relational_adjective(word)


#: A three-letter stem's relational adjective needs the stem this common (أثري: أثر; not فوجي).
SHORT_STEM_ZIPF = 4.5


def relational_adjective(word: str) -> bool:
    """A folded indefinite word is the relational adjective of a word in use (انتخابي: انتخاب،
    حضاري: حضارة، أثري: أثر)."""
    stem = word[:-1]
    if not word.endswith("ي") or len(stem) < 3 or is_function_word(stem):
        return False  # not إيني (Eni; اين "where")
    return max(word_zipf(stem), word_zipf(stem + "ه")) >= (3.5 if len(stem) >= 4 else SHORT_STEM_ZIPF)


def _feminine_participle(tokens: WordTokens, k: int) -> bool:
    """Token k is a feminine participle in use, an adjective agreeing with the noun before it
    (مجلة | مقصودة، شركة | مشغلة، مجموعة | منوعة): written with ta marbuta, م + at least three
    letters whose masculine has Zipf 3 or more (not مصراتة, a town)."""
    word = tokens.folded[k]
    stem = word[:-1]
    written = strip_diacritics(tokens.raw[k]).endswith("ة")
    return written and len(stem) >= 4 and stem[0] == "م" and word_zipf(stem) >= 3.0


def _facility_kind_end(tokens: WordTokens, head: str, end: int, covered: list[str | None]) -> int:
    """End of a hospital's or other facility's name (`FACILITY_KINDS`) whose name ends before
    `end`: its kind's adjective after it, العام or a relational one that is no nationality, is part
    of it (مستشفى إمبابة العام، مستشفى حراء التخصصي; not مستشفى سوروكا | الإسرائيلي)."""
    if head not in FACILITY_KINDS or end >= len(tokens) or not tokens.joined(end) or covered[end]:
        return end
    word = tokens.folded[end]
    kind = word in NAME_ADJECTIVES or (_nisba(word) and not load_gazetteer().nationality(word))
    return end + 1 if kind else end


def _construct_end(tokens: WordTokens, end: int, covered: list[str | None]) -> int:
    """End of an organisation's name whose words before `end` are an Arabic noun in construct
    (مؤسسة صوامع | الغلال، مركز إيداع | الأوراق المالية): its definite genitive and a relational
    adjective after it belong to the name; not a foreign name (بنك بيريوس), an adjective, a
    title, a time word or a place after it."""
    if (
        end >= len(tokens)
        or not tokens.joined(end)
        or covered[end]
        or not tokens.definite[end]
        or word_zipf(tokens.folded[end - 1]) < 2.5
    ):
        return end
    word = tokens.folded[end]
    if adjective_like(word) or word in TITLE_HEADS or word in PHRASE_STOPS or is_function_word(word):
        return end
    end += 1
    if end < len(tokens) and tokens.joined(end) and not covered[end]:
        if _nisba(tokens.folded[end]) or (tokens.folded[end - 1], tokens.folded[end]) in FIXED_EPITHETS:
            end += 1
    return end


#: Nouns and the epithet they are always written with (جمعية تحفيظ القرآن الكريم).
FIXED_EPITHETS = frozenset(
    (fold_token(noun), fold_token(epithet))
    for noun, epithet in (("القرآن", "الكريم"), ("الحرمين", "الشريفين"), ("السنة", "النبوية"))
)


def _foreign_run(
    tokens: WordTokens, i: int, covered: list[str | None], max_len: int = 3, after_body: bool = False
) -> int:
    """End of a run of rare, undefined words from i (transliterated names): not a feminine
    nisba adjective (لجنة استشارية), a verb (جماعة | ينصرف، مدينة | تتحرر، موقع | ستقطع) nor a
    participle's plural (منظمة أوكسفام | وممثلون). After a body's head (`after_body`), not a
    feminine participle (شركة | مشغلة) nor a word in use with a pronoun (بلدية جلاجل |
    استعداداتها) either: a place's name may be either (مديرية مشرعة، مدينة سيله)."""
    pronoun_floor = 3.0 if after_body else 4.0
    j = i
    while (
        j < len(tokens)
        and j - i < max_len
        and (j == i or tokens.joined(j))
        and not covered[j]
        and not tokens.definite[j]
        and not tokens.folded[j].startswith("لل")  # مركز | للاحتياطيين: ل + the article
        and not tokens.folded[j].isdigit()
        and not tokens.folded[j].endswith("يه")
        and not present_verb(tokens.folded[j])
        and not (future_verb(tokens.folded[j]) and present_verb(tokens.folded[j][1:]))  # موقع | ستقطع
        and not any(inflected_participle(form) for _, form in tokens.forms(j))  # أوكسفام | وممثلون
        and not (after_body and _feminine_participle(tokens, j))
        and not (tokens.folded[j].endswith(THIRD_PERSON) and pronoun_suffixed(tokens, j, pronoun_floor))
        and rare_in_every_reading(tokens, j)
    ):
        j += 1
    return j


#: "Affiliated to", after a body's name and before the body it belongs to (معهد الأئمة والخطباء |
#: التابع للوكالة).
AFFILIATION_WORDS = _folded("التابع التابعة المنبثق المنبثقة")
#: Definite words that end a name's phrase: times and days (وزارة الداخلية اليوم، كأس السوبر
#: الأربعاء), "other" (قطاعات وزارة الداخلية الأخرى), "affiliated to", a few descriptions of
#: an event (المقامة، الودية: كأس الأبطال الدولية | الودية), "many" (اللجنة المنظمة للبطولة |
#: العديد من الجوائز) and "acting", an official's (المؤسسة العامة لجسر الملك فهد | المكلف).
PHRASE_STOPS = AFFILIATION_WORDS | _folded(
    "العديد الكثير المكلف المكلفة "
    "اليوم الأمس الليلة الأسبوع الشهر الماضي المقبل الجاري الحالي القادم الماضية المقبلة "
    "الأخرى الآخر المنصرم المنصرمة الودي الودية "
    "الموسم الحالية الأخير الأخيرة المنقضي المقرر المقررة المقام المقامة للمرة "
    "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأسبق"
)
#: Titles that are surnames too (أبو مهدي المهندس): a body's name stops before one, a person's
#: does not (مطار الملك فهد الدولي | المهندس يوسف الظاهري).
SURNAME_TITLES = _folded("المهندس المهندسة")


def _defined_phrase(tokens: WordTokens, i: int, covered: list[str | None], max_len: int = 4) -> int:
    """End of a phrase of definite words / ل-complements from i (الشؤون الدولية الروسي), a
    later one joined by و (التجارة والصناعة) unless it heads another body (والحكومة، والهيئة),
    names bodies in general (`BODIES_IN_GENERAL`: للانتخابات | واللجان المحلية) or is a plural of
    persons after an adjective (`_persons_after_adjective`)."""
    j = i
    while j < len(tokens) and j - i < max_len and (j == i or tokens.joined(j)) and not covered[j]:
        word = tokens.folded[j]
        coordinated = j > i and word.startswith("وال") and len(word) > 5
        if (
            not (tokens.definite[j] or coordinated or (word.startswith("لل") and len(word) > 3))
            or (is_function_word(word) and word not in NAME_ADJECTIVES)  # العامة is a stop word
            or word in PHRASE_STOPS
            or word in TITLE_HEADS
            or word in SURNAME_TITLES
            or (
                coordinated
                and (
                    word[1:] in STATE_INSTITUTIONS - ADMINISTRATION
                    or word[3:] in ORG_HEADS
                    or word[1:] in BODIES_IN_GENERAL
                )
            )
            or (coordinated and _persons_after_adjective(tokens, j))
        ):
            break  # رئاسة الجمهورية | والحكومة العراقية: و + another body
        j += 1
    return j


def _persons_after_adjective(tokens: WordTokens, j: int) -> bool:
    """Token j, و + a definite word, is a plural of persons after a relational adjective, which
    no body's name goes on with (الشؤون البلدية والقروية | والمواطنين; not الأسرى والمحررين,
    whose ى is no adjective's)."""
    word, before = tokens.folded[j], strip_diacritics(tokens.raw[j - 1])
    plural = word.endswith(("ين", "ون")) and plural_noun(word[3:-2] + "ون")  # not والتعاون
    return plural and before.endswith(("ية", "يه", "ي"))


#: Words for bodies in general, which no body's name goes on with after و (وزارة الداخلية |
#: والجهات المختصة).
BODIES_IN_GENERAL = _folded(
    "الجهات الجهة الدوائر المؤسسات الهيئات القطاعات الأجهزة الإدارات المنظمات الشركات الوزارات "
    "اللجان المجالس الأمانات البلديات الجمعيات"
)


#: Titles of a deputy, whose portfolio follows the body's name (وكيل وزارة الشؤون الإسلامية |
#: للتخطيط والتطوير).
DEPUTY_TITLES = _folded("وكيل وكيلة مساعد مساعدة نائب")


def _before_deputys_portfolio(tokens: WordTokens, head: int, end: int) -> int:
    """Where a body's name ends after a deputy's title: before the first ل + definite word after
    its head (وكيل وزارة الشؤون الإسلامية | للتخطيط والتطوير), `end` when no deputy is named."""
    if head == 0 or not tokens.joined(head) or not tokens.bare[head - 1] & DEPUTY_TITLES:
        return end
    return next((k for k in range(head + 2, end) if tokens.folded[k].startswith("لل")), end)


def _name_phrase_end(tokens: WordTokens, i: int, end: int) -> int:
    """Where the name in the definite phrase [i, end) after a ministry-like head stops: two words
    and a nisba adjective (وزارة الخارجية الأمريكية), or through the words joined by و and no
    further (وزارة الشؤون البلدية والقروية, not the object after it) but their relational
    adjectives (وزارة الثقافة والسياحة اليمنية); not through a body's head, a word for bodies in
    general or a title after و, nor after a nationality (وزارة الصحة | والمركز الوطني، وزارة
    الداخلية | والجهات المختصة، وزارة الخارجية المصرية | والسفارة)."""
    coordinated = []
    for k in range(i + 1, end):
        word = tokens.folded[k]
        if word.startswith("وال"):
            if (
                word[3:] in ORG_HEADS
                or word[1:] in BODIES_IN_GENERAL
                or word[1:] in TITLE_HEADS
                or load_gazetteer().nationality(tokens.folded[k - 1])
            ):
                break  # وزارة الخارجية المصرية | والسفارة، وزارة الزراعة | والمتحدث: another body
            coordinated.append(k)
    if coordinated:
        k = coordinated[-1] + 1
        while k < len(tokens) and k - coordinated[-1] <= 2 and tokens.joined(k) and _nisba(tokens.folded[k]):
            k += 1  # وزارة الثقافة والسياحة | اليمنية، والتأمين | الاجتماعي البريطانية
        return k
    limit = min(end, i + 2)
    second = tokens.folded[i + 1] if limit == i + 2 else ""
    if second and not (adjective_like(second) or second in NAME_ADJECTIVES):
        return i + 1  # وزارة الصحة | النتائج: a second definite noun is the verb's object
    if limit < end and (_nisba(tokens.folded[limit]) or tokens.folded[limit] in NAME_ADJECTIVES):
        limit += 1
    return limit


#: Adjectives that end a body's name though no nisba (هيئة الأركان العامة، المحكمة الاتحادية العليا).
NAME_ADJECTIVES = _folded("العام العامة العليا الأعلى")


#: A verbal noun of the مفاعلة form, definite and folded (الموافقه، المصادقه، المشاركه).
_MUFAALA = re.compile(r"^الم.ا..ه$")
#: Definite adjectives that are neither relational nor participles (هيئة الهلال الأحمر).
PLAIN_ADJECTIVES = _folded(
    "الأحمر الأعلى العليا العام العامة الكبرى الكبير الأول الأولى الأوسط الجديد الجديدة الدائم الدائمة"
)


def adjective_like(word: str) -> bool:
    """A definite word that can be an adjective: relational (المدنية), a participle (المتحدة،
    المشتركة) or a plain adjective (الأحمر، العام); two definite nouns cannot follow each other
    in one name (the first would lose its article)."""
    # not a plural (المخالفات) nor a verbal noun of the مفاعلة form (مجلس الوزراء | الموافقة)
    participle = word.startswith("الم") and not word.endswith(("ات", "ين", "ون")) and not _MUFAALA.match(word)
    return _nisba(word) or participle or word in PLAIN_ADJECTIVES


#: Words that begin a name of the form "father / mother of X" (أبو بكر، أبا السعود، أم كلثوم).
KUNYA = _folded("أبو أبا أبي أم")


def _kunya(tokens: WordTokens, j: int, covered: list[str | None]) -> bool:
    """Tokens j and j + 1 are a kunya: أبو / أبا / أبي / أم and a free word that is no function word."""
    return (
        tokens.folded[j] in KUNYA
        and j + 1 < len(tokens)
        and tokens.joined(j + 1)
        and covered[j + 1] in (None, "PER")
        and not is_function_word(tokens.folded[j + 1])
        and tokens.folded[j + 1].isalpha()
    )


def _named_after(tokens: WordTokens, i: int, covered: list[str | None]) -> int:
    """End of an organisation's name after its head at i - 1 that honours a person: an optional
    royal, religious or doctor's title, a given-name chain (بن / بنت / آل and a name), then definite
    adjectives and ل-complements (جامعة الملك سعود، مستشفى الملك فيصل التخصصي، مركز الملك
    سلمان للإغاثة والأعمال الإنسانية); i when there is none."""
    names = given_names()
    j = i
    if j < len(tokens) and tokens.folded[j] in HONORIFICS | DOCTOR_TITLES:
        j += 1  # مستشفى الدكتور سليمان فقيه
    if j >= len(tokens) or not tokens.joined(j) or covered[j] not in (None, "PER"):
        return i
    if covered[j] == "PER":  # a known person's name (الملك عبدالعزيز)
        while j < len(tokens) and covered[j] == "PER" and tokens.joined(j):
            j += 1
        return _after_name(tokens, j, covered)
    n = names.match(tokens.folded, j)[0]
    kunya = not n and _kunya(tokens, j, covered)
    n = 2 if kunya else n  # قصر أبا السعود، مسجد أبي بكر: a name of the form "father of X"
    if not n or (
        not kunya
        and is_function_word(tokens.folded[j])
        and not spelled_as_given_name(tokens, j, tokens.folded[j])
    ):
        return i
    j += n
    while j + 1 < len(tokens) and tokens.joined(j) and tokens.folded[j] in NAME_PARTICLES:
        step = 3 if tokens.folded[j + 1] in NAME_PARTICLES and j + 2 < len(tokens) else 2  # بن أبي طالب
        if any(
            covered[k] not in (None, "PER") or not tokens.joined(k) for k in range(j + 1, j + step)
        ) or is_function_word(tokens.folded[j + step - 1]):
            break
        j += step
    while j < len(tokens) and covered[j - 1] == "PER" and covered[j] == "PER" and tokens.joined(j):
        j += 1  # the rest of a known person's name
    return _after_name(tokens, j, covered)


def _after_name(tokens: WordTokens, j: int, covered: list[str | None]) -> int:
    """End of a body's or facility's name whose person's name ends before token j: the definite
    adjectives and ل-complements after it (مستشفى الملك فيصل | التخصصي، مركز الملك سلمان |
    للإغاثة والأعمال الإنسانية), not a definite noun after an adjective, which begins the clause's
    next phrase (حديقة الملك فهد المركزية | العرض المسرحي; a family name right after the person's
    stays: ملعب الأمير محمد العبدالله الفيصل)."""
    if j >= len(tokens) or not tokens.joined(j):
        return j
    end = _defined_phrase(tokens, j, covered)
    for k in range(j, end):
        word = tokens.folded[k]
        if word.startswith("لل"):
            return end  # a ل-complement: its own words are its own
        after_adjective = k > j and adjective_like(tokens.folded[k - 1])
        if after_adjective and tokens.definite[k] and not word.startswith("وال") and not adjective_like(word):
            return k
    return end


def _definite_after(tokens: WordTokens, k: int) -> bool:
    """Token k is a definite word in the same clause."""
    return k < len(tokens) and tokens.joined(k) and tokens.definite[k]


def nationality_after(tokens: WordTokens, k: int) -> bool:
    """Token k is a nationality adjective joined to the word before (أودينيزي | الإيطالي،
    أورلاندو | الأمريكية)."""
    return _definite_after(tokens, k) and load_gazetteer().nationality(tokens.folded[k])


#: Words for a state that chairs a body (رئاسة المملكة للجنة "the Kingdom's chairing of").
STATE_WORDS = _folded("المملكة الدولة البلاد")


def _office(tokens: WordTokens, i: int, clitic: int, covered: list[str | None]) -> bool:
    """The office at token i (رئاسة), not a body: after ب or ل (برئاسة "chaired by", لرئاسة "for
    the presidency of"), or held over a named body, a club's one-word name (رئاسة الأهلي; not
    رئاسة الاتحاد الإسلامي الكردستاني) or a person, a dual (رئاسة المنظمتين) or a late person
    (رئاسة المرحوم), or a state's chairing of a body, named with ل after its place (رئاسة المملكة
    للجنة، رئاسة مصر للقمة)."""
    nxt = tokens.folded[i + 1]
    j = i + 2 if nxt in STATE_WORDS else i + 1
    while j < len(tokens) and covered[j] == "LOC" and (j == i + 1 or tokens.joined(j)):
        j += 1
    chairing = j > i + 1 and j < len(tokens) and tokens.joined(j) and tokens.folded[j].startswith("ل")
    return (
        (clitic and tokens.folded[i][clitic - 1] in "بل")
        or covered[i + 1] in ("ORG", "PER")
        or (chairing and any(c == 1 for c, _ in tokens.forms(j)))
        or (load_gazetteer().sport_club((nxt,)) is not None and not _definite_after(tokens, i + 2))
        or nxt in LATE_WORDS
        or nxt in TITLE_HEADS
        or nxt.endswith(("تين", "تان"))
    )


def _quoted(tokens: WordTokens, i: int, max_len: int) -> int:
    """End of a quoted name starting at token i (opening quote just before it, not a closing one
    before a full stop: اتفاقية". وأضاف "...), else i."""
    if i >= len(tokens):
        return i
    before = (tokens.gap(i) or tokens.text[max(0, tokens.starts[i] - 1)]).rstrip()
    if not before or before[-1] not in QUOTES:
        return i
    for j in range(i + 1, min(len(tokens), i + max_len) + 1):
        after = tokens.text[tokens.ends[j - 1] : tokens.starts[j] if j < len(tokens) else len(tokens.text)]
        if QUOTES & set(after[:2]):
            return j
        if j < len(tokens) and not tokens.joined(j):
            return i
    return i


#: The head of an administrative centre's name (مركز حلي التابع لمحافظة القنفذة).
CENTRE_HEAD = fold_token("مركز")
#: Units an administrative centre belongs to.
ADMIN_UNITS = _folded("محافظة منطقة إمارة")
#: Words for "belonging to" before such a unit (التابع لمحافظة).
BELONGING = _folded("التابع التابعة")


def admin_centre(tokens: WordTokens, i: int) -> int:
    """End of an administrative centre's name after مركز at i: one `rare_place_word` that is no
    `relational_adjective` (not مركز انتخابي), followed by its governorate or region (مركز عرجاء
    بمحافظة الدوادمي، مركز الكدمي التابع لمحافظة صبيا); i + 1 when the head names no centre (مركز
    التدريب التابع للمؤسسة)."""
    name, after = i + 1, i + 2
    if not tokens.joined(name) or after >= len(tokens) or not tokens.joined(after):
        return i + 1
    if not rare_place_word(tokens.folded[name]) or relational_adjective(tokens.folded[name]):
        return i + 1  # مركز انتخابي في منطقة الرياض: "a polling centre"
    unit = bool(tokens.bare[after] & ADMIN_UNITS) and tokens.folded[after][0] == "ب"
    if not unit and tokens.folded[after] == "في":
        unit = after + 1 < len(tokens) and tokens.folded[after + 1] in ADMIN_UNITS
    if not unit and tokens.folded[after] in BELONGING and after + 1 < len(tokens):
        unit = bool(tokens.bare[after + 1] & ADMIN_UNITS) and tokens.folded[after + 1][0] == "ل"
    return after if unit else i + 1


def adjective_after(tokens: WordTokens, k: int) -> bool:
    """Token k is a definite relational adjective joined to the word before (المركزي، الأدبي)."""
    return (
        k < len(tokens)
        and tokens.joined(k)
        and tokens.definite[k]
        and tokens.folded[k].endswith(("ي", "يه"))
        and not is_function_word(tokens.folded[k])
    )


#: Adjectives in organisations' names that are no relational adjectives (النقل العام).
GENERAL_ADJECTIVES = _folded("العام العامة")


#: Nouns of time, whose ل-phrase is the sentence's, not a body's field (للسنة الخامسة على التوالي،
#: الاتحاد الأوروبي | للفترة من).
TIME_NOUNS = _folded("سنة عام شهر أسبوع يوم موسم فترة مرة دورة سنوات")


def organisation_complement_end(tokens: WordTokens, k: int) -> int:
    """End of a ل-complement of an organisation's name at token k (للنقل العام، للأوراق
    المالية، للعلوم والتكنولوجيا): ل + a definite word and up to two relational adjectives,
    العام / العامة or words joined by و + ال after it (not شركة ... للخدمات الأرضية | المدرجة);
    k when there is none."""
    if k >= len(tokens) or not tokens.joined(k):
        return k
    word = tokens.folded[k]
    if not (word.startswith("لل") and len(word) > 4) or word[2:] in TIME_NOUNS:
        return k
    end = k + 1
    while end < len(tokens) and end - k <= 2 and tokens.joined(end):
        word = tokens.folded[end]
        coordinated = word.startswith("وال") and len(word) > 5 and not is_function_word(word)
        if not (adjective_after(tokens, end) or word in GENERAL_ADJECTIVES or coordinated):
            break
        end += 1
    return end


#: Heads of bodies whose name goes on with their field (شركة نوفوزيم للإنزيمات، مركز الملك فهد
#: للأورام); not schools or clubs, whose ل-complement describes (مدارس فيفاء | للبنين والبنات).
FIELD_NAMED_HEADS = _folded("شركة مؤسسة جمعية مركز مجموعة معهد صندوق بنك مصرف")


#: Heads of a company named after its founding family (شركة الجميح القابضة، مجموعة الحكير).
FAMILY_NAMED_HEADS = _folded("شركة مجموعة مؤسسة مصنع")
#: Words after a company's family or founder's name that are the company's (شركة الجميح القابضة،
#: شركة محمد بن إبراهيم القاضي القابضة).
COMPANY_SUFFIXES = _folded("القابضة وأولاده وشركاه المحدودة التجارية")
#: A definite word after a company's head is its family name only below this Zipf, without the
#: article too (الجميح، الحكير; not الكهرباء).
FAMILY_NAME_ZIPF = 2.5


def _family_name_end(tokens: WordTokens, i: int, covered: list[str | None]) -> int:
    """End of a company's family name at token i (شركة | الجميح القابضة، شركة | الكاتيل لوسينت):
    a definite word rare with and without its article, the rare words after it and the words that
    end a company's name; i when there is none."""
    word = tokens.folded[i]
    if (
        covered[i]
        or not tokens.definite[i]
        or max(word_zipf(word), word_zipf(word[2:])) >= FAMILY_NAME_ZIPF
        or not word[2:].isalpha()
    ):
        return i
    end = i + 1
    if (
        end < len(tokens)
        and tokens.joined(end)
        and not tokens.folded[end].startswith(("و", "ف"))  # مجموعة المجدوعي | ومنتجعات
        and tokens.folded[end][0] not in IMPERFECT_PREFIXES  # | تستعدان: a verb
    ):
        end = _foreign_run(tokens, end, covered)
    while (
        end < len(tokens)
        and tokens.joined(end)
        and not covered[end]
        and tokens.folded[end] in COMPANY_SUFFIXES
    ):
        end += 1
    return end


def named_body_complement_end(tokens: WordTokens, head: str, end: int, covered: list[str | None]) -> int:
    """End of a body's name that ends before token `end` with its ل-complement
    (`organisation_complement_end`: جمعية زمزم | للخدمات الصحية التطوعية) when its head is one of
    `FIELD_NAMED_HEADS`; not a purpose clause (للمشاركة في) or a year (للعام 2014) nor over words
    already taken."""
    k = organisation_complement_end(tokens, end) if head in FIELD_NAMED_HEADS else end
    if (
        k == end
        or any(covered[end:k])
        or (
            k < len(tokens)
            and tokens.joined(k)
            and (tokens.folded[k] in COMPLEMENT_PREPOSITIONS or tokens.folded[k][:1].isdigit())
        )
    ):
        return end
    return k


def _org_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    spans = []
    for i in tokens.keyword_positions:
        if covered[i] or i + 1 >= len(tokens):
            continue
        if tokens.folded[i] == CENTRE_HEAD and admin_centre(tokens, i) > i + 1:
            if not covered[i + 1]:
                spans.append(RuleSpan(i, i + 2, "LOC", "admin_centre", True))
            continue  # مركز حلي التابع لمحافظة القنفذة: a place
        forms = tokens.forms(i)
        head = next(((c, f) for c, f in forms if f in ORG_KINDS), None)
        written_with_heh = (
            head and head[1].endswith("ه") and not strip_diacritics(tokens.raw[i]).endswith("ة")
        )
        if written_with_heh and pronoun_suffixed(tokens, i):
            continue  # داره "his house", not دارة; شركه "his trap"
        if head and tokens.joined(i + 1):
            clitic, word = head
            plain = _common_complement(tokens, i + 1) or word in VERBAL_HEADS
            end = i + 1 if plain else _foreign_run(tokens, i + 1, covered, after_body=True)
            if end == i + 1 and word in FAMILY_NAMED_HEADS:
                end = _family_name_end(tokens, i + 1, covered)  # شركة الجميح | القابضة
            if end > i + 1 and word in CLUB_NAME_HEADS:
                while end < len(tokens) and tokens.joined(end) and _city_at(tokens, end, covered):
                    end += 1  # نادي أتليتكو | مدريد: a club named by a word and its city
            if end == i + 1 and word in PLACE_NAMED_ORG_HEADS and covered[i + 1] == "LOC":
                end = i + 2
                while end < len(tokens) and covered[end] == "LOC" and tokens.joined(end):
                    end += 1
                end = max(end, _foreign_run(tokens, end, covered))
            if end > i + 1:
                end = _construct_end(tokens, end, covered)
                end = named_body_complement_end(tokens, word, end, covered)  # جمعية زمزم | للخدمات الصحية
                end = _facility_kind_end(tokens, word, end, covered)  # مستشفى إمبابة | العام
                if word in MEDIA_HEADS:
                    spans.append(RuleSpan(i + 1, end, "ORG", "org_head", True))
                else:
                    # شركة مقاولات، مدارس تحفيظ: a common or verbal noun after the head; the
                    # labeller decides
                    named = word in COMMON_NAMED_HEADS or not any(
                        common_noun(rest) or verbal_noun(rest) for _, rest in tokens.forms(i + 1)
                    )  # (بأمانة) وإخلاص: و + a common noun
                    spans.append(RuleSpan(i, end, "ORG", "org_head", named, clitic))
                continue
            end = _named_after(tokens, i + 1, covered) if word in NAMED_ORG_HEADS else i + 1
            if end > i + 1:
                end = named_body_complement_end(tokens, word, end, covered)  # مركز الملك فهد | للأورام
                spans.append(RuleSpan(i, end, "ORG", "org_named", True, clitic))
                continue
            end = _defined_phrase(tokens, i + 1, covered)
            construct = end == i + 1 and word in FIELD_HEADS and _field_construct(tokens, i + 1, covered)
            if construct:  # منظمة حماية | البيئة: the body's field, a noun and what it governs
                end = _defined_phrase(tokens, i + 2, covered)
            if tokens.folded[i + 1].startswith("لل"):
                continue  # غرفة للأمتعة، مجلس للتنسيق: an indefinite head is a common noun
            if word in DEFINED_ORG_HEADS and not construct:
                end = _name_phrase_end(tokens, i + 1, end)
                end = _before_deputys_portfolio(tokens, i, end)
                if end > i + 1 and tokens.folded[i + 1] in GENERIC_COMPLEMENTS:
                    continue
            if end > i + 1 and word in ORG_HEADS:
                if word in OFFICE_HEADS and _office(tokens, i, clitic, covered):
                    continue
                if anaphoric_complement(tokens, end - 1):
                    continue  # مجلس الكلية، اللجنة الإشرافية للبرنامج: the body of one named before
                confirmed = (
                    word in DEFINED_ORG_HEADS
                    or construct
                    or (apposition(tokens, end) and tokens.folded[end] in ("وهو", "وهي"))
                    or (
                        place_after(tokens, end, load_gazetteer())
                        is not None  # مركز التنمية الاجتماعية | بالأحساء
                        and word not in UNLOCATED_HEADS
                        and not (
                            word in VERBAL_HEADS and (clitic or (i > 0 and tokens.folded[i - 1] == "في"))
                        )
                    )
                )
                spans.append(RuleSpan(i, end, "ORG", "org_phrase", confirmed, clitic))
                continue
        if tokens.is_(i, PUBLISHING_VERBS) or head:
            end = _quoted(tokens, i + 1, 3)
            if end > i + 1 and not any(is_function_word(tokens.folded[k]) for k in range(i + 1, end)):
                # نشرت «الحياة»، صحيفة «عكاظ»: a source; شركة «سوناطراك»، مؤسسة «عكاظ»: a body's name
                rule = (
                    "quoted_source"
                    if tokens.is_(i, PUBLISHING_VERBS) or head[1] in MEDIA_HEADS
                    else "quoted_org"
                )
                etype = quoted_name_type(head[1]) if head else "ORG"
                spans.append(RuleSpan(i + 1, end, etype, rule, True))
    return spans


def place_after(tokens: WordTokens, b: int, gaz: Gazetteer) -> str | None:
    """The gazetteer place a locative right after token b-1 names (بجدة، في الرياض، بمحافظة
    الأحساء, with ب or في; a weak name after its head: بمحافظة المذنب): its entity id, or None."""
    k, clitic = b, 0
    if k < len(tokens) and tokens.joined(k) and tokens.folded[k] == "في":
        k += 1
    elif not (k < len(tokens) and tokens.joined(k) and tokens.folded[k].startswith("ب")):
        return None
    else:
        clitic = 1
    if k >= len(tokens) or not tokens.joined(k):
        return None
    headed = dict(tokens.forms(k)).get(clitic) in LOCATIVE_UNITS
    if headed:
        k, clitic = k + 1, 0
    first = dict(tokens.forms(k)).get(clitic) if k < len(tokens) else None
    for n in (3, 2, 1) if first else ():
        if k + n > len(tokens) or not all(tokens.joined(j) for j in range(k, k + n)):
            continue
        alias = gaz.lookup((first, *tokens.folded[k + 1 : k + n]))
        # a weak name (المذنب "the guilty") is the place after its head (بمحافظة المذنب)
        if alias is not None and (headed or not alias.weak) and gaz.entries[alias.entity_id].type == "LOC":
            return alias.entity_id
    return None


def _located_body_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """A body named by a head of `LOCATED_HEADS` and a definite phrase, with its place right
    after it (مكتب العمل | بالأحساء، مكتب التربية والتعليم | بصبيا); not a common complement
    (مكتب الإدارة) nor one referring back (مكتب الجمعية)."""
    spans = []
    for i in tokens.keyword_positions:
        head = next((c for c, f in tokens.forms(i) if f in LOCATED_HEADS), None)
        if head is None or covered[i] or i + 1 >= len(tokens) or not tokens.joined(i + 1):
            continue
        if not tokens.definite[i + 1] or tokens.folded[i + 1] in GENERIC_COMPLEMENTS:
            continue
        end = _defined_phrase(tokens, i + 1, covered)
        if (
            end > i + 1
            and not anaphoric_complement(tokens, end - 1)
            and place_after(tokens, end, load_gazetteer())
        ):
            spans.append(RuleSpan(i, end, "ORG", "org_located", True, head))
    return spans


def quoted_name_type(head: str) -> str:
    """The type of a name quoted after an organisation's kind `head`: a facility's is a place
    (مستشفى «سوروكا»), any other's an organisation (شركة «سوناطراك»)."""
    return "LOC" if head in FACILITY_KINDS else "ORG"


def _district_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """A district or camp named after its head (حي الروضة، بحي البوادي، مخيم الجلزون): the head
    and the definite word after it, a place; not an adjective of the head (حي القديم), not حي
    "live" (بث حي), and for a camp not a word in use (مخيم اللاجئين)."""
    spans = []
    for i in tokens.keyword_positions:
        head = next(((c, f) for c, f in tokens.forms(i) if f in QUARTER_HEADS), None)
        if head is None or covered[i] or i + 1 >= len(tokens) or not tokens.joined(i + 1) or covered[i + 1]:
            continue
        and_head = tokens.folded[i].startswith("و")
        if and_head and ((i > 0 and tokens.folded[i - 1] == "من") or word_zipf(tokens.folded[i + 1]) >= 4.0):
            continue  # من وحي اللون، الشعر وحي الشعراء: وحي "inspiration", not و + حي
        word = tokens.folded[i + 1]
        if (
            not word.startswith("ال")
            or is_function_word(word)
            or word in QUARTER_ADJECTIVES
            or (word.endswith("ي") and word_zipf(word) >= RARE)
            or (head[1] != "حي" and word_zipf(word) >= 4.0)
            or (i > 0 and tokens.joined(i) and tokens.folded[i - 1] in LIVE_BEFORE)
        ):
            continue
        end = i + 2
        if end < len(tokens) and tokens.joined(end) and tokens.folded[end] in DIRECTIONS:
            end += 1  # حي النخيل الغربي
        spans.append(RuleSpan(i, end, "LOC", "district", True, head[0]))
    return spans


#: Words for a kind of place, whose districts أحياء names (أحياء المدينة، أحياء العاصمة).
PLACE_KINDS = _folded("المدينة العاصمة البلدة القرية المحافظة المنطقة المخيم الضاحية")
#: The most districts a list after أحياء is read for.
MAX_LISTED_DISTRICTS = 15


def _listed_district_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """Districts listed after أحياء (لتشمل أحياء النسيم، والخالدية الشمالية، والربيع): each item a
    definite word, perhaps after و and before a direction, separated by commas or و; an item of
    more words (والأمير محمد بن سعود) is passed over, and the list ends at an item that is no
    definite word. Two items at least; not after إحياء "holding" nor
    before a kind of place (أحياء المدينة)."""
    spans = []
    for i in tokens.keyword_positions:
        if not any(f == DISTRICTS_HEAD for _, f in tokens.forms(i)) or "إ" in tokens.raw[i]:
            continue  # إحياء الحفلات "holding concerts"
        if i + 1 < len(tokens) and tokens.folded[i + 1] in PLACE_KINDS:
            continue  # أحياء المدينة: the districts of a place named before
        found: list[RuleSpan] = []
        k, listed = i + 1, 0
        while k < len(tokens) and listed < MAX_LISTED_DISTRICTS:
            first = k == i + 1
            if not first and "،" not in tokens.gap(k) and "," not in tokens.gap(k):
                if not (tokens.joined(k) and tokens.folded[k].startswith("و")):
                    break
            clitic = 1 if not first and tokens.folded[k].startswith("وال") else 0
            word = dict(tokens.forms(k)).get(clitic, "")
            end = k + 1
            if word.startswith("ال") and not is_function_word(word) and word not in QUARTER_ADJECTIVES:
                if end < len(tokens) and tokens.joined(end) and tokens.folded[end] in DIRECTIONS:
                    end += 1  # والخالدية الشمالية
                # an item of one word, before a separator (not الأمير | محمد، المدينة | القديمة)
                alone = end >= len(tokens) or not tokens.joined(end) or tokens.folded[end].startswith("و")
                if alone and not any(covered[k:end]):
                    found.append(RuleSpan(k, end, "LOC", "district", True, clitic))
                elif first and not alone:
                    break
            else:
                break
            while end < len(tokens) and tokens.joined(end) and not tokens.folded[end].startswith("و"):
                end += 1  # والأمير محمد بن سعود: an item of more words, passed over
            k, listed = end, listed + 1
        if listed >= 2:  # a list (أحياء المهندسين والصقور), not one word after أحياء (أحياء السكان)
            spans += found
    return spans


def _shared_head_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """Names sharing a dual or plural head, joined by و (perhaps after a comma or in quotes), or
    places by commas alone (أحياء السامر، الأجواد، المنار).
    Bodies (وزارتي الدفاع والداخلية، وزارات المالية والخدمة المدنية والعدل): each a definite
    word and its relational adjectives, an organisation named with the singular head. Places
    (بلدات الفضول والمنيزلة والساباط، محافظتي لحج وعدن): each a rare definite word, or a place
    the gazetteer knows, which the list goes on after. A dual takes exactly two names (وزارتي
    التجارة والصناعة والعمل is left alone: which و joins a ministry's own name is unclear); a
    plural at least two."""
    spans = []
    for i in tokens.keyword_positions:
        shared = next((SHARED_HEADS[f] for _, f in tokens.forms(i) if f in SHARED_HEADS), None)
        if shared is None or covered[i]:
            continue
        head, kind = shared
        places = kind == "LOC"
        names, k = [], i + 1
        while k < len(tokens) and tokens.gaps[k].strip("\"“”«»'") in ("", "،", ","):
            word = tokens.folded[k]
            listed = k > i + 1 and places and tokens.gaps[k].strip() in ("،", ",")  # بلديات البيداء، العقيق
            clitic = 1 if k > i + 1 and word.startswith("و") else 0
            if (
                (k == i + 1 or not listed)
                and (k == i + 1) == word.startswith("و")
                and not (k == i + 1 and covered[k])
            ):
                break
            if covered[k]:
                if not places or covered[k] != "LOC":
                    break
                end = k + 1
                while end < len(tokens) and covered[end] == "LOC" and tokens.joined(end):
                    end += 1  # a known place in the list: counted, not proposed again
                names.append(None)
                k = end
                continue
            name = word[clitic:]
            if not _definite(name) or is_function_word(name) or name in PHRASE_STOPS:
                break
            if places and not rare_place_word(name):
                break  # قرى المنطقة، مدن المملكة: words in use, adjectives
            end = k + 1
            while not places and end < len(tokens) and tokens.joined(end) and not covered[end]:
                if not _nisba(tokens.folded[end]):
                    break
                end += 1  # الخدمة المدنية، الشؤون الإسلامية
            names.append((k, end, clitic))
            k = end
        dual = tokens.folded[i].endswith(("تي", "تا"))
        if len(names) < 2 or (dual and len(names) > 2):
            continue
        spans += [RuleSpan(a, b, kind, "shared_head", True, c, head=head) for a, b, c in filter(None, names)]
    return spans


#: Fields a company names after its own name with ل (ميدغلف للتأمين، جواثا للتنمية، نسما للطيران).
COMPANY_FIELDS = _folded(
    "للتأمين للاستثمار للتطوير للبترول للاتصالات للطيران للبتروكيماويات للتنمية للعقارات للأسمنت للإسمنت "
    "للتمويل للصرافة للاستقدام"
)


def _company_field_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """A company named by a rare indefinite word and its field (بوبا للتأمين، إكسا للتأمين
    التعاوني، جدوى للاستثمار): the word, the field and the adjectives after it. A word in use
    before the field, or an accusative, relational adjective or plural of one, is a description
    (جيدة للاستثمار، رائدا للتأمين، استرشادي للاستثمار); a definite word may be the end of a
    body's longer name (منظمة الدول المصدرة للبترول)."""
    spans = []
    for k in range(1, len(tokens)):
        if tokens.folded[k] not in COMPANY_FIELDS or not tokens.joined(k) or covered[k] or covered[k - 1]:
            continue
        word = tokens.folded[k - 1]
        if (
            not rare_in_every_reading(tokens, k - 1)
            or not word.isalpha()
            or has_tanween(tokens.raw[k - 1])
            or len(word) < 3
        ):
            continue
        clitic = 1 if word.startswith("و") and word_zipf(word) == 0 else 0  # وميدغلف: an unknown word
        name = word[clitic:]
        if (
            pronoun_suffixed(tokens, k - 1)
            or name.startswith("ال")
            or any(
                name.endswith(end) and word_zipf(name[: -len(end)]) >= 3.0 for end in ("ا", "ي", "ين", "ون")
            )
        ):
            continue  # المصدرة للبترول، رائدا للتأمين، استرشادي للاستثمار، بائعين للعقارات: words in use
        end = k + 1
        while end < len(tokens) and tokens.joined(end) and _nisba(tokens.folded[end]):
            end += 1  # للتأمين التعاوني
        spans.append(RuleSpan(k - 1, end, "ORG", "company_field", True, clitic))
    return spans


def _facility_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """A place named after a person: a facility head and a title and name, a known person's
    name, a name of descent or a kunya (مطار الملك عبدالعزيز الدولي، مطار كرزاي، جامع عمر بن
    عبدالعزيز، قصر أبا السعود): the place as a whole, not the person; or by a quoted name (مطار
    «شارل ديغول»; not after `UNQUOTED_FACILITY_HEADS`) or a rare word of its own
    (`_rare_name_after`)."""
    spans = []
    for i in tokens.keyword_positions:
        head = next(((c, f) for c, f in tokens.forms(i) if f in FACILITY_HEADS), None)
        if covered[i] or head is None or i + 1 >= len(tokens):
            continue
        end = _quoted(tokens, i + 1, 3) if head[1] not in UNQUOTED_FACILITY_HEADS else i + 1
        if end > i + 1:  # مطار «شارل ديغول»: the airport, not the man
            spans.append(RuleSpan(i, end, "LOC", "place_named", True, head[0]))
            continue
        if not tokens.joined(i + 1):
            continue
        end = _named_after(tokens, i + 1, covered)
        if end > i + 1 and (
            tokens.folded[i + 1] in HONORIFICS
            or covered[i + 1] == "PER"
            or _kunya(tokens, i + 1, covered)
            or any(tokens.folded[k] in DESCENT for k in range(i + 2, end - 1))
        ):
            spans.append(RuleSpan(i, end, "LOC", "place_named", True, head[0]))
        elif head[1] == STREET and _street_name(tokens, i + 1, covered):
            end = i + 2
            while end + 1 < len(tokens) and name_particle(tokens, end) and tokens.joined(end + 1):
                end += 2  # شارع العباس | بن عبدالمطلب
            spans.append(RuleSpan(i, end, "LOC", "street_name", True, head[0]))
        elif head[1] not in QUARTER_HEADS | SETTLEMENT_HEADS | {GATE} and not by_way_of(tokens, i):
            end = _rare_name_after(tokens, i + 1, covered)
            if end > i + 1:
                spans.append(RuleSpan(i, end, "LOC", "place_rare_name", True, head[0]))
    return spans


#: A gate, a facility only when named after a person (باب الملك عبدالعزيز; not باب المناصحة,
#: "the door of counselling").
GATE = fold_token("باب")
#: The head of a street's name, which any definite word after it completes (شارع الفيصلية،
#: شارع الستين، شارع التحلية).
STREET = fold_token("شارع")


def _street_name(tokens: WordTokens, j: int, covered: list[str | None]) -> bool:
    """Token j, right after شارع, is a street's one-word name: a definite word that is no
    function word nor a masculine relational adjective, which would agree with شارع and describe
    it (شارع | العام "the public street"; a feminine one is a district's name: شارع الفيصلية)."""
    word = tokens.folded[j]
    return (
        not covered[j]
        and tokens.definite[j]
        and word.isalpha()
        and not is_function_word(word)
        and not (_nisba(word) and not word.endswith("يه"))
        and word not in QUARTER_ADJECTIVES | GENERIC_STREET_WORDS
    )


#: Definite words after شارع that describe it rather than name it.
GENERIC_STREET_WORDS = _folded("العام المؤدي الموازي المقابل المذكور")


#: طريق, which عن before makes "by way of".
ROAD = fold_token("طريق")


def by_way_of(tokens: WordTokens, k: int) -> bool:
    """Token k is طريق after عن: "by way of" (عن طريق الارتجاف), not a road."""
    return tokens.folded[k] == ROAD and k > 0 and tokens.joined(k) and tokens.folded[k - 1] == "عن"


#: Facility heads whose quoted complement is often no facility's name: a way or means (عن طريق
#: «الفاكس»), a rule (قاعدة «التحصين»), spending (إنفاق, spelled like أنفاق), an arena (ساحة
#: «طالبان»), or a city or district the gazetteer names (مدينة «بريدة»).
UNQUOTED_FACILITY_HEADS = _folded("طريق قاعدة أنفاق نفق مدينة ساحة") | QUARTER_HEADS


def _rare_name_after(tokens: WordTokens, j: int, covered: list[str | None]) -> int:
    """End of a place's own name after its head at j - 1: a definite word no word list knows
    (متنزه الفرعاء، قصر المصمك، مطار التيفور) and the relational adjectives after it (الترفيهي،
    العسكري، الشعبي) but a nationality (ميناء الزيتيات | المصري); j when there is none."""
    word = tokens.folded[j]
    known = word_zipf(word) or word_zipf(word[2:])
    if covered[j] or not word.startswith("ال") or not word.isalpha() or known:
        return j
    j += 1
    nationality = load_gazetteer().nationality
    while j < len(tokens) and tokens.joined(j) and not covered[j] and _nisba(tokens.folded[j]):
        if nationality(tokens.folded[j]):
            break
        j += 1
    return j


#: Heads of an event or prize named after a person (كأس الأمير فيصل بن فهد، جائزة الملك فيصل).
EVENT_NAMED_HEADS = _folded("كأس مسابقة جائزة بطولة مهرجان ملتقى منتدى دورة")


def _event_named_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """An event or prize named after a person: its head, a title and the name (مسابقة الملك
    سلمان لحفظ القرآن الكريم): the event as a whole, not the person."""
    spans = []
    for i in range(len(tokens) - 2):
        if covered[i] or not tokens.joined(i + 1) or tokens.folded[i + 1] not in HONORIFICS:
            continue
        head = next(((c, f) for c, f in tokens.forms(i) if f in EVENT_NAMED_HEADS), None)
        if head is None:
            continue
        end = _named_after(tokens, i + 1, covered)
        if end > i + 2:
            spans.append(RuleSpan(i, end, "MISC", "event_named", True, head[0]))
    return spans


#: Heads of a party, front or guard that relational adjectives alone can name (الحزب الجمهوري،
#: الحرس الثوري); committees and movements so named are mostly descriptions (اللجنة الأمنية،
#: الحركة المرورية).
BODY_HEADS = _folded("حزب جبهة حرس جماعة")
#: Heads of a court or the prosecution, named by their kind (النيابة العامة، المحكمة الجزائية
#: المتخصصة، المحكمة الاتحادية العليا).
JUDICIAL_HEADS = _folded("محكمة نيابة")
JUDICIAL_ADJECTIVES = _folded(
    "العامة العليا الاتحادية الدستورية الجزائية المتخصصة الإدارية الابتدائية الشرعية الجنائية "
    "العسكرية التجارية الجزئية"
)


def _named_by_adjectives(tokens: WordTokens, first: int, last: int) -> bool:
    """Tokens [first, last) are relational adjectives, the first no nationality (الحزب
    الجمهوري; الحزب السوداني is a Sudanese party, not a name) and none an ordinary adjective
    of such bodies (الحاكم، المعارضة are not nisbas; الرئيسي، التنفيذية, الفرعية describe)."""
    words = tokens.folded[first:last]
    return (
        all(_nisba(w) and w not in GENERIC_ADJECTIVES and not is_function_word(w) for w in words)
        and not load_gazetteer().nationality(words[0])
        and all(tokens.joined(k) for k in range(first, last))
    )


def _named_by_two_adjectives(tokens: WordTokens, head: int, end: int) -> bool:
    """Any body's head before tokens (head, end) is named by them: two relational adjectives or
    more, none a body's head itself (المعهد الصناعي الثانوي، البنك المركزي المصري; not الشركة
    | الجمعية العمومية) and, after a singular head, each of its gender (not النادي | الأندية)."""
    words = tokens.folded[head + 1 : end]
    if len(words) < 2 or any(w[2:] in ORG_HEADS for w in words):
        return False
    feminine = tokens.folded[head].endswith("ه")
    return tokens.folded[head] in PLURAL_HEADS or all(w.endswith("ه") == feminine for w in words)


#: Adjectives that make any body's head a name alone (اللجنة الأولمبية، المجلس الأولمبي).
NAMING_ADJECTIVES = _folded("الأولمبي الأولمبية البارالمبي البارالمبية")
#: An embassy's attaché office, named by its head and its kind (الملحقية الثقافية "the cultural
#: attaché office"; not المجلس البلدي, as often "a municipal council" in general).
ATTACHE, ATTACHE_KINDS = fold_token("الملحقية"), _folded("الثقافية العسكرية")
#: Plural heads, whose adjectives are feminine singular (المدارس الدينية التركية).
PLURAL_HEADS = _folded("المدارس")
#: Relational adjectives that describe a body rather than name it.
GENERIC_ADJECTIVES = _folded(
    "الرئيسي الرئيسية الفرعي الفرعية التنفيذي التنفيذية الفني الفنية المحلي المحلية الإداري "
    "الإدارية الخاصة الخاص الدولي الدولية الرسمي الرسمية الحالي الحالية الثاني الثانية الأساسي "
    "الأساسية العلمي العلمية الطبي الطبية الإعلامي الإعلامية التحضيري التحضيرية الاستشاري الاستشارية "
    "الحكومي الحكومية الكبرى الكبير العظمى الإرهابي الإرهابية"
)


def _describes_head(head: str, word: str) -> bool:
    """A definite word after a definite body's head is its adjective: adjective-shaped and of the
    head's gender (اللجنة الدائمة; not الصندوق | الدعم, الوزارة | المجال, اللجنة التنفيذية |
    المتحدث: a noun after a definite noun starts the next phrase)."""
    if not adjective_like(word):
        return False
    feminine_word = word.endswith("ه") or (word.endswith(("ى", "ا")) and not word.startswith("الا"))
    return _nisba(word) or feminine_word == head.endswith("ه")


#: Heads that name a body only definite, with an adjective and a ل-complement (الإدارة العامة
#: للتعليم، الإدارة العامة للمرور); alone they are common nouns ("management").
DEFINED_ONLY_HEADS = _folded("إدارة")


def _defined_head_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """An organisation named by a definite head, its adjectives and a ل-complement (الهيئة العامة
    للسياحة والتراث الوطني، المؤسسة العامة للتدريب التقني والمهني، المؤسسة العامة لجسر الملك
    فهد), a party or front by its adjectives alone (الحزب الجمهوري), any body by two of them
    (`_named_by_two_adjectives`: المعهد الصناعي الثانوي) or by one that names
    (`NAMING_ADJECTIVES`: اللجنة الأولمبية), and a court or the
    prosecution by its kind (`JUDICIAL_ADJECTIVES`: النيابة العامة، المحكمة الجزائية المتخصصة)."""
    spans = []
    for i, word in enumerate(tokens.folded):
        if covered[i]:
            continue
        clitic = 0
        if not tokens.definite[i]:  # للمؤسسة العامة للتقاعد، بالهيئة العامة للسياحة: a proclitic
            clitic, word = next(((c, f) for c, f in tokens.forms(i) if c and f.startswith("ال")), (0, ""))
            if not clitic:
                continue
        if not (word[2:] in ORG_HEADS or word[2:] in JUDICIAL_HEADS or word[2:] in DEFINED_ONLY_HEADS):
            continue
        j = i + 1
        while (
            j < len(tokens)
            and j - i <= 3
            and tokens.joined(j)
            and not covered[j]
            and tokens.definite[j]
            and tokens.folded[j] not in PHRASE_STOPS
            and (
                _describes_head(word, tokens.folded[j])
                or (word[2:] in JUDICIAL_HEADS and tokens.folded[j] in JUDICIAL_ADJECTIVES)
            )
        ):
            j += 1
        if j > i + 1 and word[2:] in JUDICIAL_HEADS and set(tokens.folded[i + 1 : j]) <= JUDICIAL_ADJECTIVES:
            # النيابة العامة، المحكمة العليا
            spans.append(RuleSpan(i, j, "ORG", "org_adjective", True, clitic))
            continue
        named = j > i + 1 and (
            word[2:] in BODY_HEADS
            or tokens.folded[i + 1] in NAMING_ADJECTIVES
            or (word == ATTACHE and tokens.folded[i + 1] in ATTACHE_KINDS)
        )
        if (named or _named_by_two_adjectives(tokens, i, j)) and _named_by_adjectives(tokens, i + 1, j):
            complement = j < len(tokens) and tokens.joined(j) and tokens.folded[j].startswith("ل")
            if not complement:  # الحزب الجمهوري؛ with a complement, below (الجبهة الشعبية لتحرير ...)
                spans.append(RuleSpan(i, j, "ORG", "org_adjective", True, clitic))
                continue
        if j == i + 1 or j >= len(tokens) or not tokens.joined(j) or covered[j]:
            continue  # الوزارة لشؤون المساجد: a head alone is a common noun
        end = _complement_end(tokens, j, covered)
        if end > j and not anaphoric_complement(tokens, end - 1):
            spans.append(RuleSpan(i, end, "ORG", "org_defined", True, clitic))
    return spans


def _complement_end(tokens: WordTokens, j: int, covered: list[str | None]) -> int:
    """End of a body's ل-complement at token j (للسياحة والتراث، لحقوق الإنسان، لجسر الملك فهد،
    لكرة القدم); j when the token starts none."""
    if not tokens.folded[j].startswith("ل") or tokens.folded[j].removeprefix("لل") in TIME_NOUNS:
        return j
    if tokens.folded[j].startswith("لل"):  # للسياحة والتراث
        return _defined_phrase(tokens, j, covered, 3)
    if not (j + 1 < len(tokens) and tokens.joined(j + 1) and tokens.definite[j + 1]):
        return j
    end = j + 2  # لحقوق الإنسان
    if tokens.folded[j + 1] in HONORIFICS:  # لجسر الملك فهد: named after a person
        end = max(end, _named_after(tokens, j + 1, covered))
    while covered[j + 1] and end < len(tokens) and tokens.joined(end) and covered[end] == covered[j + 1]:
        end += 1  # لهيئة الهلال الأحمر: a known name whole
    while end < len(tokens) and end - j < 4 and tokens.joined(end) and _nisba(tokens.folded[end]):
        end += 1
    return end


#: A national team's head, whose sport or age group may follow its nationality (المنتخب السعودي
#: للمبارزة، المنتخب السعودي للناشئين لكرة القدم).
NATIONAL_TEAM = fold_token("المنتخب")
#: A team's age group or sex after ل (للناشئين، للشباب، للسيدات).
TEAM_GROUPS = _folded("الناشئين الناشئات الشباب الشابات الأواسط الأشبال السيدات الرجال")


def team_complement_end(tokens: WordTokens, j: int, covered: list[str | None]) -> int:
    """End of a national team's sport and age group at token j, each after ل (للمبارزة، لكرة
    الطاولة، للناشئين لكرة القدم; not لمدة 40 يوما): j when there is neither."""
    while j < len(tokens) and tokens.joined(j) and not covered[j] and tokens.folded[j].startswith("ل"):
        if j + 1 < len(tokens) and sport_at(tokens, j + 1, construct=True):
            j += 2  # لكرة القدم، للكرة الطائرة، لتنس الطاولة
        elif sport_at(tokens, j) or tokens.bare[j] & TEAM_GROUPS:
            j += 1  # للمبارزة، للناشئين
        else:
            break
    return j


def sport_at(tokens: WordTokens, k: int, construct: bool = False) -> str | None:
    """The sport (`SPORT_WORDS`) token k names, after the word it needs before it (كرة | السلة);
    with `construct`, only a sport named so."""
    sport = next((SPORT_WORDS[w] for w in tokens.bare[k] if w in SPORT_WORDS), None)
    if sport is None or (construct and not sport[0]):
        return None
    if not sport[0] or (k > 0 and tokens.joined(k) and tokens.bare[k - 1] & sport[0]):
        return sport[1]
    return None


#: A state's institutions, of which each state has one: with the state's nationality adjective
#: after them they name it (الجيش اللبناني، البرلمان العراقي، الخارجية الأمريكية، الاتحاد الكويتي).
STATE_INSTITUTIONS = _folded(
    "الجيش البرلمان الحكومة الشرطة الخارجية الداخلية المخابرات الاستخبارات البحرية المنتخب الكونغرس الكونجرس "
    "الاتحاد السفارة القنصلية الإدارة"
)
#: The administration, a state's (الإدارة الأمريكية) and a field of study (كلية الاقتصاد والإدارة).
ADMINISTRATION = _folded("الإدارة")
#: A state's federation (of a sport unless a complement says otherwise: الاتحاد الكويتي).
FEDERATION = fold_token("الاتحاد")
#: Two-word institutions of the kind (وكالة الأنباء الأرجنتينية: a state's news agency).
#: Sports by the word that names each, after the word before it where one is needed (كرة | السلة،
#: تنس | الطاولة، ألعاب | القوى; السباحة alone).
SPORT_WORDS = {
    fold_token(word): (frozenset(fold_token(w) for w in before.split()), word)
    for word, before in {
        "القدم": "كرة لكرة الكرة",
        "السلة": "كرة لكرة الكرة",
        "الطائرة": "كرة لكرة الكرة للكرة بالكرة",
        "اليد": "كرة لكرة الكرة",
        "الطاولة": "تنس لتنس كرة لكرة",
        "التنس": "",
        "القوى": "ألعاب لألعاب وألعاب",
        "الأثقال": "رفع لرفع",
        "السباحة": "",
        "البلياردو": "",
        "المبارزة": "",
        "الرماية": "",
        "الفروسية": "",
        "الشطرنج": "",
        "الملاكمة": "",
        "الكاراتيه": "",
        "التايكوندو": "",
        "الجودو": "",
        "الجمباز": "",
        "الصالات": "قدم لكرة كرة",
        "الشاطئية": "القدم قدم",
        "البحرية": "الدبابات للدبابات",
        "الدراجات": "",
        "الغولف": "",
        "الجولف": "",
        "الإسكواش": "",
        "الهوكي": "",
        "المصارعة": "",
        "التجديف": "",
        "الرجبي": "",
        "البولينج": "",
        "الكريكيت": "",
    }.items()
}
INSTITUTION_PHRASES = {
    fold_token("وكالة"): _folded("الأنباء"),
    # اتحاد الكرة المصري، اتحاد القدم السعودي: a sport named alone or a ball game (not اتحاد القوى)
    fold_token("اتحاد"): frozenset(
        word for word, (before, _) in SPORT_WORDS.items() if not before or fold_token("كرة") in before
    )
    | _folded("الكرة"),
    # القوات المسلحة المالية، قوات الأمن العراقية: a state's forces
    fold_token("القوات"): _folded("المسلحة الجوية البحرية البرية"),
    fold_token("قوات"): _folded("الأمن"),
}
#: The first words of both.
INSTITUTION_HEADS = STATE_INSTITUTIONS | frozenset(INSTITUTION_PHRASES)
#: Titles named by the body they hold (وزير الخارجية الأمريكي، وزيرة الخارجية الأمريكية).
INSTITUTION_TITLES = _folded("وزير وزيرة وزيرا")
#: Those of the bodies that are adjectives too (السياسة الخارجية الأمريكية "US foreign policy").
ADJECTIVE_INSTITUTIONS = _folded("الخارجية الداخلية البحرية")
#: Adjectives that may stand between such a body and its nationality (الجيش الوطني الليبي).
INSTITUTION_ADJECTIVES = _folded("الوطني الوطنية")


def _state_institution_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """A state's institution named by its head and the state's adjective (الجيش الليبي، للحكومة
    اليمنية، الجيش الوطني الليبي، المنتخب السعودي، وكالة الأنباء الأرجنتينية، اتحاد الكرة المصري،
    الاتحاد الأميركي
    الجنوبي; a federation with its field: الاتحاد الكويتي للسباحة), the adjective of the head's
    gender: one organisation, unlike a kind of body with a nationality (حزب سوداني،
    الأحزاب المصرية). Not after a minister's title (وزير الخارجية الأمريكي is the minister) nor as
    the adjective of a definite noun (السياسة الخارجية الأمريكية)."""
    spans = []
    for i in range(len(tokens) - 1):
        if covered[i] or tokens.bare[i].isdisjoint(INSTITUTION_HEADS):
            continue
        phrase = next(
            (c for c, form in tokens.forms(i) if tokens.folded[i + 1] in INSTITUTION_PHRASES.get(form, ())),
            None,
        )
        if phrase is not None and tokens.joined(i + 1) and not covered[i + 1]:
            clitic, j = phrase, i + 2
        elif not tokens.bare[i].isdisjoint(STATE_INSTITUTIONS):
            clitic, j = next(c for c, form in tokens.forms(i) if form in STATE_INSTITUTIONS), i + 1
        else:
            continue
        if j < len(tokens) and tokens.joined(j) and tokens.folded[j] in INSTITUTION_ADJECTIVES:
            j += 1
        if j >= len(tokens) or covered[j] or not _definite_after(tokens, j):
            continue
        if not load_gazetteer().country_adjective(tokens.folded[j]):
            continue
        if tokens.folded[j].endswith("ه") != tokens.folded[i].endswith(("ه", "ات")):
            continue  # وزير الخارجية | البريطاني، جهاز الأمن والمخابرات | السوداني: another noun's
        before = i - 1 if i > 0 and tokens.joined(i) else None
        if before is not None and tokens.bare[before] & INSTITUTION_TITLES:
            continue  # وزيرة الخارجية الأمريكية: the minister, not the ministry
        if (
            before is not None
            and not clitic
            and tokens.definite[before]
            and tokens.folded[i] in ADJECTIVE_INSTITUTIONS
        ):
            continue  # السياسة الخارجية الأميركية: an adjective of the noun before
        end = j + 1
        if end < len(tokens) and tokens.joined(end) and tokens.folded[end] in DIRECTIONS:
            end += 1  # الاتحاد الأميركي | الجنوبي، الجيش الكوري | الجنوبي
        if FEDERATION in tokens.bare[i] and end < len(tokens) and tokens.joined(end) and not covered[end]:
            end = _complement_end(tokens, end, covered)  # الاتحاد الكويتي | للسباحة
        if NATIONAL_TEAM in tokens.bare[i]:
            end = team_complement_end(tokens, end, covered)  # المنتخب السعودي | للمبارزة
        spans.append(RuleSpan(i, end, "ORG", STATE_INSTITUTION_RULE, True, clitic))
    return spans


def _event_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    spans = []
    for i in tokens.keyword_positions:
        if covered[i] or i + 1 >= len(tokens):
            continue
        if tokens.is_(i, WORK_HEADS):
            k = i + 1
            while k < min(len(tokens), i + 3) and tokens.joined(k) and tokens.folded[k] in TITLE_LEADS:
                k += 1
            end = _quoted(tokens, k, 6)
            # the whole quote is the title, whatever names are inside it; after مدير المشروع, a person
            if end > k and not tokens.is_(i - 1, TITLE_HEADS):
                spans.append(RuleSpan(k, end, "MISC", QUOTED_TITLE_RULE, True))
            continue
        descriptor = tokens.is_(i, EVENT_DESCRIPTORS)
        quoted_only = tokens.is_(i, QUOTED_EVENT_HEADS)
        if not (descriptor or quoted_only or tokens.is_(i, EVENT_HEADS)):
            continue
        k = i + 1
        while k < len(tokens) and k - i <= 2 and tokens.joined(k) and _nisba(tokens.folded[k]):
            k += 1
        end = _quoted(tokens, k, 5)
        if end > k:
            spans.append(RuleSpan(k, end, "MISC", "quoted_event", True))
            continue
        if quoted_only or not tokens.joined(i + 1):
            continue
        if descriptor:
            end = _defined_phrase(tokens, i + 1, covered)
            if i + 1 < end < len(tokens) and tokens.joined(end) and tokens.folded[end].isdigit():
                spans.append(RuleSpan(i + 1, end + 1, "MISC", "event_number", True))
        else:
            end = _foreign_run(tokens, i + 1, covered, 2)
            if end > i + 1:
                clitic = tokens.clitic_before(i, EVENT_HEADS)
                spans.append(RuleSpan(i, end, "MISC", "event_head", True, clitic))
    return spans


#: Words between a competition's head and the region whose champions or nations play it (دوري
#: أبطال أوروبا، كأس أمم آسيا).
CHAMPIONS_OF = _folded("أبطال أمم")


def _competition_spans(tokens: WordTokens, covered: list[str | None]) -> list[RuleSpan]:
    """A competition's name: its head and the definite words, ل-complements and a sport after
    it (كأس العالم للأندية، بطولة العالم لألعاب القوى، دوري أبطال أوروبا); after a definite head,
    a nationality or a region's adjective first (الدوري الإنجليزي الممتاز, not الدوري المحلي)."""
    spans = []
    for i in tokens.keyword_positions:
        if (
            covered[i]
            or i + 1 >= len(tokens)
            or not tokens.joined(i + 1)
            or not tokens.is_(i, COMPETITION_HEADS)
        ):
            continue
        clitic, head = next((c, f) for c, f in tokens.forms(i) if f in COMPETITION_HEADS)
        after = tokens.folded[i + 1]
        if (
            after in TITLE_HEADS
            or after in PERFORMERS
            or after in ART_WORK_HEADS
            or pronoun_suffixed(tokens, i + 1)
        ):
            continue  # بطولة الفنان ...، بطولة الفيلم: a film's starring cast
        if head.startswith("ال") and not _place_adjective(after):
            continue  # الدوري الإنجليزي، البطولة الخليجية; not الدوري المحلي، البطولة الرياضية
        if after in CHAMPIONS_OF and i + 2 < len(tokens) and tokens.joined(i + 2):
            end = i + 3  # دوري أبطال أوروبا، كأس أمم آسيا
            while end < len(tokens) and tokens.joined(end) and covered[end] == covered[i + 2] == "LOC":
                end += 1  # كأس أمم أمريكا | الجنوبية: the region's name whole
        else:
            end = _uncoordinated_end(tokens, i + 1, _defined_phrase(tokens, i + 1, covered))
            if end == i + 1:
                continue
        if end < len(tokens) and not covered[end]:
            end = sport_construct_end(tokens, end)  # لكرة القدم، لألعاب القوى
        spans.append(RuleSpan(i, end, "MISC", COMPETITION_RULE, True, clitic))
    return spans


def _and_tens(word: str) -> bool:
    """A folded word is و + the tens of an ordinal or a number (والعشرين، والثلاثون), by the
    timeline's number words."""
    value = lexicon().cardinals.get(word.removeprefix("و").removeprefix("ال"), 0)
    return word.startswith("و") and 20 <= value <= 90 and value % 10 == 0


def _uncoordinated_end(tokens: WordTokens, i: int, end: int) -> int:
    """`end`, or the first word from i that و joins to a word other than a ل-complement or the
    tens of an ordinal: a competition's name does not go on with and (الدوري السعودي | والصراع،
    الدوري البرتغالي | والدوري الاسكتلندي، كأس العالم | والعمل; but بطولة العالم للرجال والسيدات،
    البطولة الخليجية الثالثة والعشرين)."""
    return next(
        (
            j
            for j in range(i + 1, end)
            if tokens.folded[j].startswith("و")
            and not tokens.folded[j - 1].startswith("لل")
            and not _and_tens(tokens.folded[j])
        ),
        end,
    )


def rare_place_word(word: str) -> bool:
    """A folded word that can name a village, district or centre after its head: letters only
    (not بلدة العلم160 كلم), no function word, rarer than `SETTLEMENT_NAME_ZIPF` and no
    relational adjective in use (قرية الشعبية)."""
    return (
        word.isalpha()
        and not is_function_word(word)
        and word_zipf(word) < SETTLEMENT_NAME_ZIPF
        and not (word.endswith(("ي", "يه")) and word_zipf(word) >= RARE)
    )


def _settlement_name(tokens: WordTokens, i: int, covered: list[str | None]) -> int:
    """End of a settlement's definite name at token i after its head (قرية المفتاحة، بلدة
    القريتين): one definite `rare_place_word`, no direction or adjective of the head; i when
    there is none."""
    word = tokens.folded[i]
    if covered[i] or not word.startswith("ال") or word in QUARTER_ADJECTIVES or word in DIRECTIONS:
        return i
    return i + 1 if rare_place_word(word) else i


def _place_spans(tokens: WordTokens, covered: list[str | None], capital_of) -> list[RuleSpan]:
    spans = []
    for i in range(len(tokens) - 1):
        if tokens.keyword[i] and tokens.is_(i, PLACE_HEADS) and tokens.joined(i + 1) and not covered[i]:
            end = _foreign_run(tokens, i + 1, covered, 2)
            if end > i + 1 and tokens.is_(i, UNIT_HEADS) and common_noun(tokens.folded[i + 1]):
                end = i + 1  # مدينة ملاهي "an amusement park", ثالث محافظة محررة: common words
            if end == i + 1 and tokens.is_(i, SETTLEMENT_HEADS):
                end = _settlement_name(tokens, i + 1, covered)
            if end > i + 1 and tokens.folded[i + 1] not in ORDINALS:
                spans.append(RuleSpan(i + 1, end, "LOC", "place_head", True))
        if tokens.folded[i] in CAPITAL_WORDS and covered[i + 1] == "LOC" and i > 0:
            start = i
            while (
                start > 0
                and i - start < 3
                and not covered[start - 1]
                and not is_function_word(tokens.folded[start - 1])
                and not tokens.definite[start - 1]
                and (start == i or tokens.joined(start))
            ):
                start -= 1
            if start < i:
                hint = capital_of(i + 1) or ""
                spans.append(RuleSpan(start, i, "LOC", "capital_of", True, 0, hint))
    return spans


def find_rule_spans(
    tokens: WordTokens, covered: list[str | None], capital_of=lambda i: None
) -> list[RuleSpan]:
    """All rule spans over `tokens`; `covered[i]` is the type of a gazetteer match on token i
    (None if free); `capital_of(i)` gives the capital's entity id of the country at token i."""
    return (
        _given_name_spans(tokens, covered)
        + _title_spans(tokens, covered)
        + _speech_spans(tokens, covered)
        + _reported_speaker_spans(tokens, covered)
        + _org_spans(tokens, covered)
        + _located_body_spans(tokens, covered)
        + _facility_spans(tokens, covered)
        + _shared_head_spans(tokens, covered)
        + _company_field_spans(tokens, covered)
        + _district_spans(tokens, covered)
        + _listed_district_spans(tokens, covered)
        + _event_named_spans(tokens, covered)
        + _defined_head_spans(tokens, covered)
        + _state_institution_spans(tokens, covered)
        + _event_spans(tokens, covered)
        + _competition_spans(tokens, covered)
        + _place_spans(tokens, covered, capital_of)
        + _shape_spans(tokens, covered)
    )
