"""The merged gazetteer: curated YAML, CLDR territories, GeoNames cities (helpers.entities.gazetteer)."""

from collections import defaultdict

import pytest
import yaml

from helpers.core.paths import DATA_DIR
from helpers.core.words import fold_token
from helpers.entities.gazetteer import load_gazetteer, name_tokens, spelling_variants

TYPES = {"PER", "LOC", "ORG", "MISC"}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def entity(gaz, name):
    alias = gaz.lookup(name_tokens(name))
    return alias.entity_id if alias else None


def test_curated_yaml_is_well_formed():
    data = yaml.safe_load((DATA_DIR / "gazetteer.yaml").read_text(encoding="utf-8"))
    ids = [e["id"] for e in data["entries"]]
    assert len(ids) == len(set(ids)) and len(ids) >= 400
    by_name = defaultdict(set)
    for e in data["entries"]:
        assert e["type"] in TYPES and e["ar"] and e["en"], e
        assert not e.get("wikidata") or str(e["wikidata"]).startswith("Q"), e
        for name in [e["ar"], *(e.get("aliases") or []), *(e.get("weak") or [])]:
            by_name[name_tokens(name)].add(e["id"])
    clashes = {k: v for k, v in by_name.items() if len(v) > 1}
    assert not clashes, clashes


def test_cldr_gives_every_country_and_curated_entries_extend_them(gaz):
    assert entity(gaz, "طاجيكستان") == "tajikistan"
    assert entity(gaz, "بيلاروس") == entity(gaz, "روسيا البيضاء") == "belarus"
    assert entity(gaz, "الاتحاد الروسي") == "russia"
    assert gaz.entries[entity(gaz, "بوركينا فاسو")].type == "LOC"  # CLDR only
    assert entity(gaz, "العالم") is None and entity(gaz, "مالي") is None  # ordinary words
    assert gaz.entries[entity(gaz, "الاتحاد الأوروبي")].type == "ORG"
    # the press's spellings with the article or other vowels, one of them a frequent word
    assert entity(gaz, "الأورجواي") == entity(gaz, "أوروجواي") == entity(gaz, "أورغواي") == "uruguay"
    assert entity(gaz, "البارغواي") == "paraguay" and entity(gaz, "الدومينيكان") == "dominican_republic"
    # technology and media companies; HP's letters alone begin HBO's too (إتش بي أو)
    assert [entity(gaz, n) for n in ("نتفليكس", "أمازون", "توشيبا", "بلاك بيري")] == [
        "netflix",
        "amazon_com",
        "toshiba",
        "blackberry",
    ]
    assert entity(gaz, "إتش بي") is None


def test_geonames_cities_with_arabic_names(gaz):
    assert entity(gaz, "تاشكند") == entity(gaz, "طشقند") == "tashkent"
    assert gaz.entries[entity(gaz, "بيشكك")].entity_id == "bishkek"
    samarkand_like = entity(gaz, "نيجني نوفغورود")
    assert samarkand_like and gaz.entries[samarkand_like].source == "geonames"
    assert entity(gaz, "كورونا") is None  # a GeoNames city name that is an ordinary word


def test_press_spellings_and_towns_the_libraries_miss(gaz):
    # CLDR writes الدانمرك and هنغاريا; the press also الدنمارك and المجر
    assert entity(gaz, "الدنمارك") == entity(gaz, "الدانمرك") == "denmark"
    assert entity(gaz, "المجر") == entity(gaz, "هنغاريا") == "hungary"
    # GeoNames has خرطوم without the article, and Ramallah below its population floor
    assert entity(gaz, "الخرطوم") == entity(gaz, "خرطوم") == "khartoum"
    assert entity(gaz, "رام الله") == "ramallah"
    assert {entity(gaz, n) for n in ("إنجلترا", "انجلترا", "اسكتلندا", "دارفور")} == {
        "england",
        "scotland",
        "darfur",
    }
    assert gaz.lookup(name_tokens("الزرقاء")).weak  # also "blue"
    # bodies and groups in the news every day, found by no rule (no head word) or under a short name
    assert entity(gaz, "الديوان الملكي") == "royal_court_sa"
    assert entity(gaz, "الصندوق العقاري") == entity(gaz, "صندوق التنمية العقارية") == "redf"
    assert entity(gaz, "الجيش الحر") == "free_syrian_army"
    assert gaz.lookup(name_tokens("هدف")).weak  # also "goal"
    assert (
        entity(gaz, "قصر السلام") == "al_salam_palace_jeddah" and entity(gaz, "ويمبلي") == "wembley_stadium"
    )


def test_generated_spellings_that_are_words_are_not_names(gaz):
    # an Arab country's place has one spelling: غدة ("gland") is no جدة, المجرب no المغرب
    assert entity(gaz, "غدة") is None and entity(gaz, "المجرب") is None
    assert entity(gaz, "جدة") == entity(gaz, "جده") == "jeddah_sa"
    # a definite name keeps its ending (المرية, not المري "the oesophagus" nor الإسماعيلي)
    assert entity(gaz, "المري") is None and entity(gaz, "الإسماعيلي") is None
    assert entity(gaz, "غورغيا") == "georgia"  # a foreign name's g is still written either way
    assert entity(gaz, "تما") is None  # a foreign town's three-letter name (Tema)


def test_capitals_come_from_geonames(gaz):
    assert gaz.capital_of("kazakhstan") == "astana"
    assert gaz.capital_of("tajikistan") == "dushanbe"


def test_spelling_variants_cover_g_letters_and_skip_ordinary_words():
    variants = spelling_variants(name_tokens("سيرغي لافروف"))
    assert name_tokens("سيرجي لافروف") in variants
    assert spelling_variants(name_tokens("دوشانبيه")) >= {name_tokens("دوشانبي")}
    assert all(v == name_tokens("رئيسي") or v[0] != "رئيسيه" for v in spelling_variants(name_tokens("رئيسي")))


def test_generated_variants_and_weak_aliases_are_indexed(gaz):
    assert entity(gaz, "سيرجي لافروف") == "sergey_lavrov"
    assert gaz.lookup(name_tokens("القيادة المركزية")).weak
    assert not gaz.lookup(name_tokens("القيادة المركزية الأمريكية")).weak


def test_skeleton_lookup(gaz):
    assert gaz.skeleton_lookup(" ".join(["كزخستن"]), "LOC") == "kazakhstan"
    assert gaz.skeleton_lookup("كزخستن", "PER") is None


@pytest.mark.parametrize(
    "word,expected",
    [
        ("الروسي", True),
        ("الإيرانية", True),
        ("الصيني", True),
        ("الطاجيكي", True),
        ("الألماني", True),
        ("الأمريكيين", True),
        ("العسكري", False),
        ("المالي", False),
        ("الدولي", False),
        ("الأوروبي", False),
        ("روسي", False),
    ],
)
def test_nationality_adjectives_come_from_country_names(word, expected):
    assert load_gazetteer().nationality(fold_token(word)) is expected


def test_a_country_adjective_includes_the_countrys_own_name_without_its_ta_marbuta(gaz):
    assert gaz.country_adjective("السعودي") and gaz.country_adjective("الايطالي")
    assert not gaz.nationality("السعودي")  # left out of `nationality` on purpose
    assert not gaz.country_adjective("المحلي")


def test_a_saudi_bodys_name_is_known_in_the_formal_style(gaz):
    # "العربي السعودي" (of the Kingdom of Saudi Arabia) before the Saudi adjective of a known body
    assert gaz.lookup(name_tokens("الاتحاد العربي السعودي لكرة القدم")).entity_id == "saff"
    assert gaz.lookup(name_tokens("اللجنة الأولمبية العربية السعودية")).entity_id == "saudi_olympic_committee"
    assert gaz.lookup(name_tokens("الاتحاد العربي لكرة القدم")) is None


def test_a_names_hamza_on_ya_may_be_written_ya():
    gaz = load_gazetteer()
    assert gaz.lookup(name_tokens("الباجي قايد السبسي")).entity_id == "beji_caid_essebsi"
    assert gaz.lookup(name_tokens("الجزاير")).entity_id == "algeria"
