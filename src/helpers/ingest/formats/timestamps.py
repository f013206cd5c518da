"""Publication timestamps as researchers find them, read into a local day and a UTC instant.

`parse_published(value)` returns a `Published`:

- `published`: the article's calendar day, ISO `YYYY-MM-DD`, in the timestamp's OWN zone (a
  time of 23:30 at -05:00 stays on its day; it is not moved to UTC's day);
- `published_at`: the instant in UTC, `YYYY-MM-DDTHH:MM:SSZ`, only when a time of day is known;
- `problem`: None, or a short message saying why the value could not be (fully) read. A value
  that cannot be read never raises: it gives a problem (and `published` None, unless the day
  was read and only the time of day was not).

Forms, tried in this order:

1. numbers (int, float, or a numeric string, Arabic-Indic digits allowed): `YYYYMMDD` and
   `YYYYMMDDHHMMSS` when they are valid dates, else Unix time in seconds, milliseconds or
   microseconds (by magnitude), accepted between 1990 and 2100;
2. ISO 8601 (`datetime.fromisoformat`): date or date-time, `T` or a space, fractional seconds,
   `Z`, `UTC` or an offset;
3. RFC 2822 (`email.utils.parsedate_to_datetime`): `Mon, 14 May 2018 10:53:44 +0000`;
4. a small hand-written grammar for everything else, written here because no maintained library
   reads Arabic month names deterministically (dateparser guesses languages and relative
   dates, and knows few Maghrebi or Levantine spellings): day-month-year with Arabic
   (Egyptian/Gulf, Maghrebi, Moroccan), Levantine/Iraqi, Hijri or English month names (also
   `month day, year`), numeric dates (`19/05/2018`, `19-05-2018`, `19.05.2018`, `2018/05/19`,
   `1439/9/2 هـ`), an optional time `10:30`, `10:30:15` with ص/م (AM/PM) or am/pm, and an
   optional zone after it (`GMT`, `UTC`, `+03:00`, `بتوقيت مكة`). Weekday names and other words
   are ignored. Hijri dates are converted with `hijridate` (Umm al-Qura); when a value holds a
   Hijri and a Gregorian date, the Gregorian one is used.

A time of day without a zone is taken in `default_tz` (an IANA name like "Asia/Riyadh", an
offset like "+03:00", or a tzinfo) or, without one, as UTC; `zone_assumed` then says so. The day
of a Unix time is likewise taken in `default_tz`, else UTC.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from hijridate import Hijri

__all__ = ["Published", "parse_published", "normalise_arabic", "resolve_tz"]

#: Unix times outside [1990-01-01, 2100-01-01) are not taken for publication times.
EPOCH_MIN = datetime(1990, 1, 1, tzinfo=UTC)
EPOCH_MAX = datetime(2100, 1, 1, tzinfo=UTC)
#: Numeric dates with a year in this range (and no Gregorian marker) are Hijri.
HIJRI_YEARS = range(1300, 1501)
#: A Gregorian year outside this range is no publication date.
GREGORIAN_YEARS = range(1800, 2101)


@dataclass(frozen=True)
class Published:
    published: str | None = None  # local calendar day, YYYY-MM-DD
    published_at: str | None = None  # UTC instant, YYYY-MM-DDTHH:MM:SSZ, when a time is known
    problem: str | None = None  # why the value could not be (fully) read
    form: str | None = None  # the form read: epoch_*, compact, iso, rfc2822, text, hijri, ...
    zone_assumed: bool = False  # the value had no zone: default_tz (else UTC) was used


# --------------------------------------------------------------------------------------------
# normalisation

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "،": ",",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "–": "-",
        "—": "-",
        "\u2212": "-",
        "٫": ".",
    }
)
# tatweel, harakat, superscript alef, directional marks and isolates, zero-width joiners, BOM
_DROP = re.compile("[\u0640\u064b-\u065f\u0670\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")


def normalise_arabic(text: str) -> str:
    """Digits to ASCII, alef/yeh/teh-marbuta variants folded, marks dropped, lower case."""
    return " ".join(_DROP.sub("", text.translate(_DIGITS)).translate(_LETTERS).lower().split())


# --------------------------------------------------------------------------------------------
# The hand-written part: month names and the date grammar (no library reads these reliably).
# Spellings are normalised: alef without hamza, final yeh for alef maqsura, heh for teh marbuta.

_GREGORIAN_MONTHS = {
    1: ["يناير", "كانون الثاني", "كانون ثاني", "جانفي", "جانفيي", "january", "jan"],
    2: ["فبراير", "فبرير", "شباط", "فيفري", "february", "feb"],
    3: ["مارس", "اذار", "march", "mar"],
    4: ["ابريل", "نيسان", "افريل", "april", "apr"],
    5: ["مايو", "ماي", "ايار", "مايس", "may"],
    6: ["يونيو", "يونيه", "حزيران", "جوان", "june", "jun"],
    7: ["يوليو", "يوليه", "يوليوز", "تموز", "جويليه", "july", "jul"],
    8: ["اغسطس", "اغسطوس", "غشت", "اب", "اوت", "august", "aug"],
    9: ["سبتمبر", "ايلول", "شتنبر", "september", "sept", "sep"],
    10: ["اكتوبر", "تشرين الاول", "تشرين اول", "october", "oct"],
    11: ["نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر", "november", "nov"],
    12: ["ديسمبر", "كانون الاول", "كانون اول", "دجنبر", "december", "dec"],
}
_HIJRI_MONTHS = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الاول", "ربيع اول"],
    4: ["ربيع الثاني", "ربيع الاخر", "ربيع ثاني", "ربيع اخر"],
    5: ["جمادي الاولي", "جمادي الاول", "جمادي اول"],
    6: ["جمادي الثانيه", "جمادي الاخره", "جمادي الثاني", "جمادي الاخر", "جمادي ثاني"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعده", "ذي القعده"],
    12: ["ذو الحجه", "ذي الحجه"],
}
_MONTH = {name: ("g", n) for n, names in _GREGORIAN_MONTHS.items() for name in names}
_MONTH.update({name: ("h", n) for n, names in _HIJRI_MONTHS.items() for name in names})
# longest first, so that "كانون الثاني" wins over a shorter name; spaces match any white space
_MONTHS_RE = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(_MONTH, key=len, reverse=True))
_NOT_LETTER = r"(?![^\W\d_])"  # what precedes is not the start of a longer word
_NAME = rf"(?<![^\W\d_])(?:{_MONTHS_RE})\.?{_NOT_LETTER}"
_HIJRI_ERA = {"ه", "هجري", "هجريه", "ah"}
_GREGORIAN_ERA = {"م", "ميلادي", "ميلاديه", "ad", "ce"}
_ERA = rf"(?:\s*(?P<era>هجريه|هجري|ه|ميلاديه|ميلادي|م|ad|ah|ce){_NOT_LETTER})?"

_DMY = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:من\s+)?(?:شهر\s+)?(?P<m>{_NAME})"
    rf"(?:\s*[/(-]\s*(?P<m2>{_NAME})\s*\)?)?\s*,?\s*(?:سنه\s+|عام\s+)?(?P<y>\d{{4}})(?!\d){_ERA}"
)
_MDY = re.compile(rf"(?P<m>{_NAME})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})(?!\d){_ERA}")
_NUMERIC = re.compile(
    r"(?<![\d.:/-])(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})(?![\d/.-]|:\d)" + _ERA
)
_MONTH_YEAR = re.compile(rf"(?P<m>{_NAME})\s*,?\s*(?P<y>\d{{4}})(?!\d)")
_TIME = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    rf"(?:\s*(?P<ap>صباحا|فجرا|مساءا|مساء|عصرا|ظهرا|ليلا|ص|م|a\.?m\.?|p\.?m\.?){_NOT_LETTER})?"
)
_ZONE = re.compile(
    r"\s*(?:بتوقيت\s+)?(?:(?P<utc>z|gmt|utc|غرينتش|جرينتش|ت\.?\s*غ)(?![^\W\d_])\.?"
    r"(?:\s*(?P<off1>[+-]\s?\d{1,2}(?::?\d{2})?)(?!\d))?"
    r"|(?P<mecca>مكه(?:\s+المكرمه)?)|(?P<off2>[+-]\d{2}:?\d{2})(?!\d))"
)
_AM = {"ص", "صباحا", "فجرا", "am", "a.m.", "a.m", "am."}
_PM = {"م", "مساء", "مساءا", "عصرا", "pm", "p.m.", "p.m", "pm."}

_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[t ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?)?"
    r"\s*(?:z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?"
    r"|\d{8}t\d{4,6}(?:[.,]\d+)?(?:z|[+-]\d{2}(?::?\d{2})?)?"
)
_RFC2822 = re.compile(
    r"(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*(?:[+-]\d{4}|[a-z]{1,5}))?"
)
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def resolve_tz(tz: tzinfo | str | None) -> tzinfo | None:
    """A tzinfo from an IANA name ("Asia/Riyadh"), an offset ("+03:00", "UTC") or a tzinfo.
    Raises ValueError for anything else: a wrong default zone is a programming error."""
    if tz is None or isinstance(tz, tzinfo):
        return tz
    text = str(tz).strip()
    if text.upper() in {"UTC", "Z", "GMT"}:
        return UTC
    if m := re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text):
        sign = -1 if m[1] == "-" else 1
        return timezone(sign * timedelta(hours=int(m[2]), minutes=int(m[3] or 0)))
    try:
        return ZoneInfo(text)
    except Exception as exc:  # ZoneInfoNotFoundError, ValueError for malformed keys
        raise ValueError(f"unknown time zone {tz!r}") from exc


def parse_published(
    value: str | int | float | date | None,
    *,
    day_first: bool | None = None,
    default_tz: tzinfo | str | None = None,
) -> Published:
    """Read a publication timestamp (see the module's doc for the forms). Never raises on data.

    `day_first`: how to read an ambiguous numeric date like 03/04/2018: None (the default) reads
    it day first, as Arab outlets write dates, and takes the other order only when that one alone
    is a valid date (05/19/2018); True or False insist on day-first or month-first.
    `default_tz`: the zone of times of day given without one, and of the day of a Unix time.
    """
    tz = resolve_tz(default_tz)
    try:
        return _parse(value, day_first, tz)
    except (ValueError, OverflowError, TypeError) as exc:  # a last guard: never raise on data
        return Published(problem=f"unreadable date {_show(value)}: {exc}")


# --------------------------------------------------------------------------------------------


def _show(value) -> str:
    text = repr(value.strip()) if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "...'"


def _result(
    dt: datetime | date, form: str, tz: tzinfo | None, *, has_time: bool, problem: str | None = None
) -> Published:
    if not has_time or not isinstance(dt, datetime):
        day = dt.date() if isinstance(dt, datetime) else dt
        return Published(day.isoformat(), None, problem, form)
    assumed = dt.tzinfo is None
    if assumed:
        dt = dt.replace(tzinfo=tz or UTC)
    utc = dt.astimezone(UTC)
    return Published(dt.date().isoformat(), utc.strftime("%Y-%m-%dT%H:%M:%SZ"), problem, form, assumed)


def _parse(value, day_first: bool | None, tz: tzinfo | None) -> Published:
    if value is None:
        return Published(problem="no date (empty value)")
    if isinstance(value, bool):
        return Published(problem=f"not a date: {value!r}")
    if isinstance(value, datetime):  # e.g. a parquet timestamp column
        return _result(value, "datetime", tz, has_time=True)
    if isinstance(value, date):
        return _result(value, "date", tz, has_time=False)
    if isinstance(value, (int, float)):
        return _number(value, str(value), tz)
    if not isinstance(value, str):
        return Published(problem=f"not a date: a {type(value).__name__}")
    text = normalise_arabic(value)
    if not text:
        return Published(problem="no date (empty value)")
    if _NUMBER.fullmatch(text):
        return _number(float(text) if "." in text else int(text), text, tz)
    if _ISO.fullmatch(text):
        return _iso(text, value, tz)
    if _RFC2822.fullmatch(text):
        try:
            return _result(parsedate_to_datetime(text), "rfc2822", tz, has_time=True)
        except (ValueError, TypeError, IndexError) as exc:
            return Published(problem=f"invalid date {_show(value)}: {exc}")
    return _text(text, value, day_first, tz)


def _number(n: int | float, text: str, tz: tzinfo | None) -> Published:
    if isinstance(n, float) and not math.isfinite(n):
        return Published(problem=f"not a date: {text}")
    digits = text.lstrip("+")
    if isinstance(n, int):
        if len(digits) == 8 and (d := _valid_compact(digits)):
            return _result(d, "compact", tz, has_time=False)
        if len(digits) == 14 and (d := _valid_compact(digits)):
            return _result(d, "compact", tz, has_time=True)
        if len(digits) == 4 and int(digits) in GREGORIAN_YEARS:
            return Published(problem=f"only a year ({digits}), no day")
    magnitude = abs(n)
    seconds, unit = (
        (n / 1_000_000, "microseconds")
        if magnitude >= 1e14
        else (n / 1000, "milliseconds")
        if magnitude >= 1e11
        else (n, "seconds")
    )
    try:
        instant = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        instant = None
    if instant is None or not EPOCH_MIN <= instant < EPOCH_MAX:
        return Published(
            problem=f"number {text} is not a Unix time between "
            f"{EPOCH_MIN.year} and {EPOCH_MAX.year} (read as {unit})"
        )
    local = instant.astimezone(tz) if tz else instant
    return Published(
        local.date().isoformat(),
        instant.strftime("%Y-%m-%dT%H:%M:%SZ"),
        None,
        f"epoch_{unit}",
        zone_assumed=True,
    )


def _valid_compact(digits: str) -> date | datetime | None:
    try:
        y, mo, d = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
        if y not in GREGORIAN_YEARS:
            return None
        if len(digits) == 8:
            return date(y, mo, d)
        return datetime(y, mo, d, int(digits[8:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return None


def _iso(text: str, original: str, tz: tzinfo | None) -> Published:
    iso = re.sub(r"\s*(utc|gmt)$", "+00:00", text).replace(",", ".").upper()
    iso = re.sub(r"\s+(?=[+-]\d{2}(:?\d{2})?$|Z$)", "", iso)
    has_time = bool(re.match(r"\d{4}-\d{2}-\d{2}[T ]\d|\d{8}T", iso))
    try:
        parsed = datetime.fromisoformat(iso) if has_time else date.fromisoformat(iso[:10])
    except ValueError as exc:
        return Published(problem=f"invalid date {_show(original)}: {exc}")
    return _result(parsed, "iso", tz, has_time=has_time)


def _text(text: str, original: str, day_first: bool | None, tz: tzinfo | None) -> Published:
    candidates: list[tuple] = []  # (calendar, start, end, day or None, problem or None)
    for rx in (_DMY, _MDY):
        candidates.extend(_named(m) for m in rx.finditer(text))
    taken = [(c[1], c[2]) for c in candidates]
    for m in _NUMERIC.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            candidates.append(_numeric(m, day_first))
    if not candidates:
        if m := _MONTH_YEAR.search(text):
            return Published(problem=f"only a month and year ({m[0]}), no day: {_show(original)}")
        return Published(problem=f"no date found in {_show(original)}")
    gregorian = [c for c in candidates if c[0] == "g"]
    cal, start, end, day, problem = min(gregorian or candidates, key=lambda c: c[1])
    if problem:
        return Published(problem=f"{problem}: {_show(original)}")
    form = "hijri" if cal == "h" else "text"
    rest = text[:start] + " " * (end - start) + text[end:]
    tm = _TIME.search(rest)
    if not tm:
        return _result(day, form, tz, has_time=False)
    clock, zone, why = _clock(tm, rest)
    if why:
        return _result(
            day, form, tz, has_time=False, problem=f"{why}; only the day is kept: {_show(original)}"
        )
    return _result(datetime.combine(day, clock, tzinfo=zone), form, tz, has_time=True)


def _named(m: re.Match) -> tuple:
    cal, month = _MONTH[_month_key(m["m"])]
    if m.groupdict().get("m2"):
        cal2, month2 = _MONTH[_month_key(m["m2"])]
        if (cal2, month2) != (cal, month):
            return (cal, m.start(), m.end(), None, f"two different months in one date ({m['m']} / {m['m2']})")
    if cal == "g" and m["era"] in _HIJRI_ERA:
        return (cal, m.start(), m.end(), None, "a Gregorian month with a Hijri year")
    return _make_day(cal, int(m["y"]), month, int(m["d"]), m.start(), m.end())


def _month_key(name: str) -> str:
    return " ".join(name.rstrip(".").split())


def _numeric(m: re.Match, day_first: bool | None) -> tuple:
    a, b, c, era = m["a"], m["b"], m["c"], m["era"]
    span = (m.start(), m.end())
    if len(a) == 4 and len(c) <= 2:
        y, options = int(a), [(int(b), int(c))]  # year/month/day: (month, day)
    elif len(c) == 4 and len(a) <= 2:
        y = int(c)
        dm, md = (int(b), int(a)), (int(a), int(b))
        options = [dm] if day_first else [md] if day_first is False else [dm, md]
    else:
        return ("g", *span, None, f"a numeric date without a four-digit year ({m[0]})")
    hijri = era in _HIJRI_ERA or (y in HIJRI_YEARS and era not in _GREGORIAN_ERA)
    if hijri:
        options = options[:1]  # numeric Hijri dates are written day first (or year first)
    cal = "h" if hijri else "g"
    results = [_make_day(cal, y, mo, d, *span) for mo, d in options]
    good = [r for r in results if r[3] is not None]
    return good[0] if good else results[0]


def _make_day(cal: str, y: int, month: int, d: int, start: int, end: int) -> tuple:
    if cal == "h":
        try:
            g = Hijri(y, month, d).to_gregorian()
            return (cal, start, end, date(g.year, g.month, g.day), None)
        except (ValueError, OverflowError) as exc:
            return (cal, start, end, None, f"invalid Hijri date {d}/{month}/{y} ({exc})")
    if y not in GREGORIAN_YEARS:
        return (cal, start, end, None, f"year {y} is not a plausible publication year")
    try:
        return (cal, start, end, date(y, month, d), None)
    except ValueError as exc:
        return (cal, start, end, None, f"invalid date {y:04d}-{month:02d}-{d:02d} ({exc})")


def _clock(m: re.Match, rest: str) -> tuple[time | None, tzinfo | None, str | None]:
    h, mi, s = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
    ap = (m["ap"] or "").lower()
    if ap and h > 12:
        pass  # 13:30 م: the marker repeats what the hour says
    elif ap in _AM or (ap == "ليلا" and (h == 12 or h < 5)):
        h = 0 if h == 12 else h
    elif ap in _PM or ap == "ليلا" or (ap == "ظهرا" and h <= 6):
        h = h if h == 12 else h + 12
    if not (0 <= h <= 23 and 0 <= mi <= 59 and 0 <= s <= 59):
        return None, None, f"invalid time of day {m[0].strip()}"
    zone = None
    z = _ZONE.match(rest, m.end())
    if z and (z["utc"] or z["mecca"] or z["off1"] or z["off2"]):
        if z["off1"] or z["off2"]:
            off = (z["off1"] or z["off2"]).replace(" ", "")
            sign = -1 if off[0] == "-" else 1
            hh, _, mm = off[1:].partition(":")
            if not mm and len(hh) == 4:
                hh, mm = hh[:2], hh[2:]
            if int(hh) > 14 or int(mm or 0) > 59:
                return None, None, f"invalid zone offset {off}"
            zone = timezone(sign * timedelta(hours=int(hh), minutes=int(mm or 0)))
        elif z["mecca"]:
            zone = timezone(timedelta(hours=3))
        else:
            zone = UTC
    return time(h, mi, s), zone, None
