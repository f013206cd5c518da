"""Names of months and weekdays as Arabic news writes them, in `text.fold` form.

Western (Egyptian / Gulf) month names, Levantine (Syriac) names and Hijri months, with the
spelling variants met in news text. Used by the metadata parser and the temporal tagger.
"""

from __future__ import annotations

from helpers.core.text import fold

_WESTERN = {
    1: ["يناير", "كانون الثاني", "كانون ثاني"],
    2: ["فبراير", "فبرایر", "فيفري", "شباط"],
    3: ["مارس", "آذار", "اذار"],
    4: ["أبريل", "إبريل", "ابريل", "أفريل", "نيسان"],
    5: ["مايو", "ماي", "أيار", "ايار"],
    6: ["يونيو", "يونيه", "جوان", "حزيران"],
    7: ["يوليو", "يوليه", "جويلية", "تموز"],
    8: ["أغسطس", "اغسطس", "أغسطوس", "أوت", "آب"],
    9: ["سبتمبر", "أيلول", "ايلول"],
    10: ["أكتوبر", "اكتوبر", "تشرين الأول", "تشرين أول", "تشرين اول"],
    11: ["نوفمبر", "تشرين الثاني", "تشرين ثاني"],
    12: ["ديسمبر", "دجنبر", "كانون الأول", "كانون أول"],
}

# Hijri months, 1..12.
_HIJRI = {
    1: ["محرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول"],
    4: ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادى أولى"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى ثاني"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة"],
    12: ["ذو الحجة", "ذي الحجة"],
}

# Monday = 0 as in datetime.weekday().
_WEEKDAYS = {
    0: ["الاثنين", "الإثنين", "الأثنين", "اثنين"],
    1: ["الثلاثاء", "ثلاثاء"],
    2: ["الأربعاء", "الاربعاء", "أربعاء"],
    3: ["الخميس", "خميس"],
    4: ["الجمعة", "جمعة"],
    5: ["السبت", "سبت"],
    6: ["الأحد", "الاحد", "أحد"],
}

ENGLISH_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
ENGLISH_MONTHS.update({m[:3]: i for m, i in list(ENGLISH_MONTHS.items())})


def _folded(table: dict[int, list[str]]) -> dict[str, int]:
    return {fold(name): number for number, names in table.items() for name in names}


#: folded month name -> month number (Gregorian).
MONTHS = _folded(_WESTERN)
#: folded Hijri month name -> Hijri month number.
HIJRI_MONTHS = _folded(_HIJRI)
#: folded weekday name -> weekday number (Monday 0).
WEEKDAYS = _folded(_WEEKDAYS)
#: Month names that are also common words once folded (آب -> اب "father", مارس "he practised",
#: ماي, أوت, جوان "Joan"): accept them only next to a day number, a year or another month name.
AMBIGUOUS_MONTHS = {fold(w) for w in ("آب", "مارس", "ماي", "أوت", "صفر", "رجب", "جوان")}
