"""Context over dictionaries and linking on sentences written for these tests
(helpers.entities.context, recognise, link). Most run without the labeller (`use_model=False`)
so that each checks one rule; those that need its support say so."""

import pandas as pd
import pytest

from helpers import tag_entities
from helpers.core.text import split_sentences
from helpers.core.words import fold_token
from helpers.entities import extract_entities
from helpers.entities.adjust import (
    company_by_its_words,
    person_cut,
    person_without_and,
    persons_listed_between,
    without_verbal_noun,
)
from helpers.entities.context import city_reading, state_body
from helpers.entities.gazetteer import load_gazetteer
from helpers.entities.link import _club_core, _corpus_surname_word, _lone_names
from helpers.entities.name_keys import linking_key, written_alike
from helpers.entities.recognise import (
    MODEL_MIN_SCORE,
    MODEL_ORG_OVER_PLACE,
    MODEL_SURE_SCORE,
    _complete_person,
    _model_ok,
    _proclitic_and_word,
    merge_model,
    model_token_spans,
)
from helpers.entities.rules import (
    accusative,
    common_phrase,
    dual_past_verb,
    find_rule_spans,
    inflected_participle,
    past_verb,
    plural_noun,
    plural_past_verb,
    present_verb,
    unknown_imperfect_verb,
)
from helpers.entities.spans import Mention, Span, span_text, word_tokens
from tests.test_entities import frames


def found_in(docs: dict[str, tuple[str, str]], use_model: bool = False) -> pd.DataFrame:
    """The entities of several documents (doc_id -> (title, body)), linked across them."""
    return extract_entities(*frames(docs), use_camel_ner=False, use_model=use_model).entities


def found(body: str, use_model: bool = False, title: str = "") -> pd.DataFrame:
    return found_in({"x": (title, body)}, use_model)


def ids(body: str, **kwargs) -> set[str]:
    return set(found(body, **kwargs)["entity_id"])


def by_surface(body: str, **kwargs) -> dict[str, tuple[str, str]]:
    e = found(body, **kwargs)
    return {r.surface: (r.type, r.entity_id) for r in e.itertuples()}


def test_nisba_after_a_definite_noun_is_not_the_country():
    assert "saudi_arabia" not in ids("نقلت وكالة الأنباء السعودية الخبر عن العلاقات الأردنية السعودية.")
    assert "saudi_arabia" in ids("وقعت مصر والسعودية اتفاقا.")
    assert "saudi_arabia" in ids("وصل الوفد إلى السعودية أمس.")


def test_a_nisba_coordinated_with_another_adjective_is_not_the_country():
    for text in (
        "تطبيق اللوائح الفنية الخليجية والسعودية عليها.",
        "تطبيق اللوائح الفنية الخليجية/ السعودية.",
    ):
        assert "saudi_arabia" not in ids(text)
    assert "saudi_arabia" in ids("بين الولايات المتحدة الأمريكية والسعودية اتفاق.")
    assert "saudi_arabia" in ids("زار الوفد الإمارات والسعودية.")


def test_a_place_inside_a_club_or_company_name_is_the_organisation():
    named = by_surface("فاز ريال مدريد على ضيفه، وزار اللاعبون نادي جدة، وسافروا على طيران الإمارات.")
    assert named["ريال مدريد"] == ("ORG", "real_madrid")
    assert named["نادي جدة"][0] == "ORG"
    assert named["طيران الإمارات"] == ("ORG", "emirates_airline")
    assert "madrid" not in {eid for _, eid in named.values()}
    assert "jeddah_sa" not in {eid for _, eid in named.values()}


def test_the_middle_east_after_la_or_a_newspaper_word_is_the_newspaper():
    assert by_surface("وقال مصدر لـ«الشرق الأوسط» إن الوضع هادئ.")["الشرق الأوسط"] == (
        "ORG",
        "asharq_al_awsat",
    )
    assert by_surface("ونشرت صحيفة الشرق الأوسط تقريرا.")["صحيفة الشرق الأوسط"][1] == "asharq_al_awsat"
    assert by_surface("تشهد منطقة الشرق الأوسط توترا.")["الشرق الأوسط"] == ("LOC", "middle_east")


def test_al_arabiya_only_where_the_context_says_channel():
    assert "al_arabiya" not in ids("تعلم اللغة العربية في الدول العربية وحضر القمة العربية.")
    assert "al_arabiya" in ids("وقال المتحدث لقناة العربية إن المفاوضات مستمرة.")
    assert "al_arabiya" in ids("وقال المتحدث لـ«العربية» إن المفاوضات مستمرة.")
    assert "al_arabiya" in ids("وذكرت شبكة العربية أن المفاوضات مستمرة.")


@pytest.mark.parametrize(
    "sentence,entity",
    [
        ("اجتاحت سيول جارفة القرى بعد الأمطار.", "seoul"),
        ("وحضر العزاء أبناء الفقيد وتذكروا جدّه الراحل.", "jeddah_sa"),
        ("حكمت المحكمة على المتهم بعقوبة السجن.", "baqubah_iq"),
    ],
)
def test_common_words_that_look_like_places_are_dropped(sentence, entity):
    assert not (found(sentence, use_model=True)["type"] == "LOC").any(), entity


def test_an_organisation_named_after_a_place_keeps_its_complement():
    named = by_surface(
        "قال ممثلو شركة البحرين للنقل العام إن سوق مسقط للأوراق المالية ارتفع، وقدمت مؤسسة الدوحة "
        "للأفلام والتي تدعم السينما جائزة، وأدرجت شركة السعودية للخدمات الأرضية المدرجة في السوق."
    )
    assert named["شركة البحرين للنقل العام"][0] == "ORG"
    assert named["سوق مسقط للأوراق المالية"][0] == "ORG"
    assert named["مؤسسة الدوحة للأفلام"][0] == "ORG"
    assert named["شركة السعودية للخدمات الأرضية"][0] == "ORG"


def test_a_weak_place_name_beside_another_place_is_the_place():
    assert "khobar" in ids("وشهدت مدينتا الدمام والخبر أمطارا غزيرة.")
    assert "khobar" not in ids("وجاء في الخبر أن الأمطار غزيرة.")


def test_a_city_named_as_a_club_once_is_the_club_through_a_sport_article():
    e = found(
        "تغلب الهلال على روما بهدفين في المباراة الودية. وسجل روما هدفا في الشوط الثاني أمام "
        "جماهير الملعب، وأقيمت المباراة في روما."
    )
    rome = e[e.surface == "روما"].sort_values("start")
    assert list(rome["type"]) == ["ORG", "ORG", "LOC"]
    assert rome["entity_id"].iloc[2] == "rome"


def test_the_sunset_prayer_the_coconut_and_a_birthplace_are_no_places():
    assert "morocco" not in ids("وتجمع المصلون بعد صلاة المغرب في المسجد، ورفع أذان المغرب.", use_model=True)
    assert not ids("عاد إلى مسقط رأسه في القرية، وأكل جوز الهند.", use_model=True)
    assert not ids("وانتشر فيروس كورونا في المدينة.", use_model=True)
    assert ids("سافر الوفد إلى مسقط والهند والمغرب أمس.") >= {"morocco", "india", "muscat_om"}
    # public order, not the public security directorate
    assert "public_security_sa" not in ids("وضبطت الشرطة كل ما من شأنه الإخلال بالأمن العام في المدينة.")
    assert "public_security_sa" in ids("وأكد مدير الأمن العام أن الخطة جاهزة.")
    # trading (تداول يوم، تداول الحقوق، تعليق تداول 5 شركات، تم تداول 108 صفقات), not the exchange
    # the article names
    e = found(
        "وقالت السوق المالية السعودية «تداول» إن التوزيع يتم بنهاية تداول يوم الخميس، بعد تداول الحقوق، "
        "مع تعليق تداول 5 شركات، وتم تداول 108 صفقات."
    )
    assert list(e[e.entity_id == "tadawul"].surface) == ["السوق المالية السعودية", "تداول"]


def test_a_place_word_is_kept_where_the_context_names_a_place():
    assert "seoul" in ids("وصل الوفد إلى العاصمة الكورية سيول أمس.")
    assert "jeddah_sa" in ids("افتتح المعرض في جدة أمس.")


def test_stock_exchange_with_a_country_is_not_bursa():
    assert "bursa_tr" not in ids("وارتفع مؤشر بورصة قطر أمس.", use_model=True)


def test_ala_written_with_ya_is_not_the_name_ali():
    assert found("ولقد أنعم الله علي بخيراته وعلي الناس.").empty
    assert "علي الغفيص" in set(found("وقال المهندس علي الغفيص إن الخطة جاهزة.")["surface"])


def test_different_first_names_on_one_surname_stay_apart():
    e = found(
        "وقالت ندى الشهراني إن المعرض ناجح، وأضافت حنان الشهراني أن الزوار كثر، "
        "وأكدت الشهراني أن المعرض مستمر.",
        use_model=True,
    )
    persons = e[e["type"] == "PER"]
    nada = set(persons.loc[persons.surface.str.contains("ندى"), "entity_id"])
    hanan = set(persons.loc[persons.surface.str.contains("حنان"), "entity_id"])
    assert nada and hanan and not nada & hanan
    alone = persons[persons.surface == "الشهراني"]
    assert alone.empty or not set(alone.entity_id) & (nada | hanan)


def test_the_surname_of_a_given_name_the_rules_missed_is_not_linked():
    e = found("وقال سعيد الشهراني إن الخطة جاهزة، وأضافت ندى الشهراني أن التنفيذ قريب.")
    linked = e[(e.surface == "الشهراني") & (e.source == "surname")]
    assert linked.empty


def test_the_short_and_long_names_of_one_person_share_the_surname():
    e = found(
        "وقال الشيخ بدر بن علي بن طامي العتيبي إن الفكر المتطرف خطير. "
        "واستطرد الشيخ بدر العتيبي حديثه بالقول إن الأمن مسؤولية. وحذّر العتيبي من الشائعات.",
        use_model=True,
    )
    full = e[e.surface == "بدر بن علي بن طامي العتيبي"]
    alone = e[(e.surface == "العتيبي") & (e["type"] == "PER")]
    assert len(full) == 1 and len(alone) == 1
    assert alone.entity_id.iloc[0] == full.entity_id.iloc[0]


def test_a_surname_in_use_stands_for_the_person_only_after_a_title_or_speech_verb():
    e = found(
        "وأوضح الناطق الإعلامي الرائد نايف الشريف أن الحريق أخمد. "
        "وأضاف الشريف أن التحقيق جار قرب الحرم الشريف.",
        use_model=True,
    )
    naif = set(e.loc[e.surface == "نايف الشريف", "entity_id"])
    alone = e[e.surface == "الشريف"]
    assert naif and len(alone) == 1 and set(alone.entity_id) == naif  # not the adjective of الحرم


def test_a_verb_with_its_conjunction_is_no_given_name_before_a_surname():
    e = found("وقال اللواء سعد الطويرقي إن المعاملات أنجزت. وأهاب الطويرقي بالمقيمين مراجعة الجوازات.")
    full = set(e.loc[e.surface == "سعد الطويرقي", "entity_id"])
    alone = e[e.surface == "الطويرقي"]
    assert full and len(alone) == 1 and set(alone.entity_id) == full


def test_compound_given_names_link_written_joined_or_apart():
    e = extract_entities(
        *frames(
            {
                "a": ("", "وقال عبدالعزيز الحمدان إن المشروع اكتمل."),
                "b": ("", "وأكد عبد العزيز الحمدان أن المشروع اكتمل."),
            }
        ),
        use_model=True,
    ).entities
    assert set(e.doc_id) == {"a", "b"}
    assert e.groupby("doc_id")["entity_id"].first().nunique() == 1
    assert linking_key("PER", ("عبد", "العزيز", "الحمدان")) == linking_key("PER", ("عبدالعزيز", "الحمدان"))
    assert linking_key("PER", ("حنان", "الشهراني")) != linking_key("PER", ("حنين", "الشهراني"))


def test_a_place_the_labeller_finds_after_an_institutions_head_names_the_institution():
    named = by_surface("وأظهرت البيانات التي جمعتها بورصة كوريا أن التداول ارتفع.", use_model=True)
    assert named.get("بورصة كوريا", ("",))[0] == "ORG" and "كوريا" not in named


def test_tripoli_of_libya_or_lebanon_from_the_document():
    assert "tripoli_lb" in ids("واشتبك علويون من جبل محسن في طرابلس، وقال الجيش اللبناني إن لبنان هادئ.")
    assert "tripoli_ly" in ids("وقال مسؤولون في طرابلس إن حكومة ليبيا ستجتمع في بنغازي.")


def test_amman_or_oman_from_the_document():
    assert "amman" in ids("زار الوفد عمان والتقى الملك عبدالله الثاني وأشاد بالعلاقات الأردنية.")
    assert "oman" in ids("زار الوفد عمان والتقى المسؤولين في مسقط.")
    assert "oman" in ids("وقعت سلطنة عمان الاتفاق.")


def test_the_european_union_in_football_is_uefa():
    assert "uefa" in ids("عاقب الاتحاد الأوروبي النادي بعد المباراة في دوري الأبطال وغرم اللاعب.")
    # one football word, but the document also calls it by its own name (اليويفا)
    assert ids("رد برشلونة على الاتحاد الأوروبي في بيان، ولن يحترم قرار لجنة الانضباط باليويفا.") >= {"uefa"}
    assert "european_union" not in ids("رد برشلونة على الاتحاد الأوروبي في بيان، ولن يحترم قرار اليويفا.")
    assert "european_union" in ids("فرض الاتحاد الأوروبي عقوبات اقتصادية على الشركات.")


def test_washington_the_city_or_the_state():
    assert "washington_state" in ids("اجتاحت الحرائق ولاية واشنطن.")
    assert "washington_state" in ids("اجتاحت الحرائق غابات واشنطن قرب سياتل.")
    assert "washington" in ids("وصل الوزير إلى واشنطن للقاء نظيره.")


def test_the_red_crescent_is_the_saudi_authority_in_an_article_on_saudi_places():
    assert "saudi_red_crescent" in ids("وأوضح المتحدث الرسمي للهلال الأحمر بالباحة أن الغرفة تلقت بلاغا.")
    assert "red_crescent" in ids("ونقلت فرق الهلال الأحمر المصابين في غزة إلى المستشفى.")


def test_a_famous_surname_that_is_also_a_word_is_the_person_after_a_title():
    assert ids("وقال وزير الخارجية كيري إن الاتفاق جيد، وقال الرئيس روحاني إنه يرحب به.") == {
        "john_kerry",
        "hassan_rouhani",
    }
    assert "ebrahim_raisi" not in ids("وتم تعيين مستشار رئيسي للمشروع.")  # "a chief adviser"


def test_the_eastern_province_by_its_short_name_beside_its_full_one_and_east_timor():
    named = found("وهطلت أمطار في المنطقة الشرقية. ودعا أمين الشرقية الجهات الحكومية بالشرقية إلى التعاون.")
    assert set(named.entity_id) == {"eastern_province_sa"} and len(named) == 3
    assert "eastern_province_sa" not in ids("وتقع الجهة الشرقية من المدينة قرب البحر.")
    assert "timor_leste" in ids("ويستعد المنتخب للقاء تيمور الشرقية في سبتمبر.")


def test_a_list_of_regions_with_and_written_apart():
    assert ids("وتشمل الأمطار مناطق عسير و الباحة و نجران و مكة المكرمة.") == {
        "asir_region",
        "al_bahah_region",
        "najran_region",
        "makkah_region",
    }


def test_a_nationalitys_dual_is_no_person():
    assert found("وكان الجريحان سوريان وقد نقلا إلى المستشفى.", use_model=True).empty
    assert "نالبانديان" in by_surface("وأكد وزير الخارجية الأرمني نالبانديان أن")


def test_a_weak_name_listed_after_an_organisation_is_an_organisation():
    assert ids("وحذر من خطر تنظيمي داعش والقاعدة في المنطقة.") == {"isis", "al_qaeda"}
    assert "al_qaeda" not in ids("وأصبحت القاعدة الجوية جاهزة.")


def test_a_known_organisation_is_marked_without_its_kind_or_nationality():
    named = by_surface("وذكرت صحيفة واشنطن بوست أن حزب الله اللبناني وحركة طالبان الأفغانية تفاوضتا.")
    assert named["واشنطن بوست"] == ("ORG", "washington_post")
    assert named["حزب الله"] == ("ORG", "hezbollah")
    assert named["حركة طالبان"] == ("ORG", "taliban")
    assert (
        by_surface("وقتل عناصر من ميليشيات الحشد الشعبي.")["الحشد الشعبي"][1] == "popular_mobilization_forces"
    )
    # the rest names another entity: the whole stays
    assert (
        by_surface("وقالت هيئة الهلال الأحمر السعودي إن")["هيئة الهلال الأحمر السعودي"][1]
        == "saudi_red_crescent"
    )


def test_a_body_named_by_its_field_a_noun_and_what_it_governs():
    named = by_surface(
        "وأعلنت منظمة حظر الأسلحة الكيميائية وجمعية رعاية الأيتام ومجلس قيادة المقاومة دعمها، وقال "
        "رئيس رابطة دوري المحترفين إن."
    )
    for name in ("منظمة حظر الأسلحة الكيميائية", "جمعية رعاية الأيتام", "مجلس قيادة المقاومة"):
        assert named[name][0] == "ORG"
    assert named["رابطة دوري المحترفين"][0] == "ORG"
    # a board, a given name, a room, the chair of a committee, a treasurer of another body
    assert not [s for s in by_surface("وقرر مجلس إدارة الشركة زيادة رأس المال.") if s.startswith("مجلس")]
    assert "لجنة عمر المهنا" not in by_surface("ويرى البعض أن لجنة عمر المهنا يجب أن تتغير.")
    assert "غرفة داخل الشقة" not in by_surface("واحترقت غرفة داخل الشقة أمس.")
    assert "رئاسة لجنة الانضباط" not in by_surface("وترك الربيش رئاسة لجنة الانضباط لذات السبب.")
    assert "صندوق اتحاد الكرة" not in by_surface("وقال أمين صندوق اتحاد الكرة إن الميزانية كافية.")
    # a faculty and the university it belongs to, though the labeller reads them as one
    faculty = by_surface(
        "وقّع نادي الباحة الأدبي اتفاقية ثقافية مع كلية دار العلوم بجامعة المنيا بجمهورية مصر العربية",
        use_model=True,
    )
    assert "كلية دار العلوم" in faculty and "جامعة المنيا" in faculty


def test_a_bodys_head_stays_on_the_name_the_labeller_finds_without_it():
    named = by_surface("وقال رئيس مؤسسة التمويل الدولية إن", use_model=True)
    assert named["مؤسسة التمويل الدولية"][0] == "ORG" and "التمويل الدولية" not in named


def test_a_title_without_the_article_and_an_accusative_noun_are_no_part_of_a_name():
    named = by_surface("وقال العقيد دكتور عاطي بن عطية القرشي إن الحملات مستمرة.", use_model=True)
    assert "عاطي بن عطية القرشي" in named and not [s for s in named if s.startswith("دكتور")]
    assert "سعود كريري" in by_surface("وأجرى سعود كريري مرانا لياقيا مع الفريق.")  # "a drill"


def test_abaa_before_a_family_name_after_a_patronymic():
    named = by_surface("وصلى على الشيخ مهنا بن عبدالرحمن بن مهنا أبا الخيل أمس.")
    assert named["مهنا بن عبدالرحمن بن مهنا أبا الخيل"][0] == "PER"
    assert "محمد أبا رائعا" not in by_surface("وكان محمد أبا رائعا لأبنائه.")  # "a father"


def test_a_prison_or_park_named_by_its_town_and_a_nations_cup():
    named = by_surface("وقال مدير إدارة سجن بريدة العام إن النزلاء زاروا متنزه السودة.")
    assert named["سجن بريدة العام"][0] == named["متنزه السودة"][0] == "LOC"
    assert "بريدة" not in named
    cups = by_surface(
        "وشارك في كأس أمم آسيا وفي كأس أمم أمريكا الجنوبية، ونقلت وكالة أنباء الإمارات الرسمية."
    )
    assert cups["كأس أمم آسيا"][0] == cups["كأس أمم أمريكا الجنوبية"][0] == "MISC"
    assert cups["وكالة أنباء الإمارات"][1] == "wam"  # a known agency keeps its name


def test_bodies_named_after_a_person_and_ministries():
    named = by_surface(
        "نقل المصاب إلى مستشفى الأمير فيصل بن خالد التخصصي، وأعلنت وزارة الشؤون البلدية والقروية الخطة."
    )
    assert named["مستشفى الأمير فيصل بن خالد التخصصي"][0] == "LOC"  # a hospital is a facility
    assert named["وزارة الشؤون البلدية والقروية"][0] == "ORG"


def test_club_names_that_are_words_need_an_article_about_sport():
    assert {"al_hilal", "al_nassr"} <= ids("فاز الهلال على النصر في مباراة الدوري أمام جماهير كثيرة.")
    assert not ids("شوهد الهلال في السماء وتحقق النصر للجيش.") & {"al_hilal", "al_nassr"}


def test_sport_cues_count_with_or_without_the_article_and_a_short_text_needs_fewer():
    filler = " ".join(["وتحدث الناس عن الطقس والسفر والأسعار في المدينة."] * 8)
    # a long text needs three cues: الكرة counts as كرة; المباراة and مباراة are one cue
    assert "al_hilal" in ids(f"فاز الهلال أمس. {filler} تابعت الجماهير الكرة في المباراة.")
    assert "al_hilal" not in ids(f"فاز الهلال أمس. {filler} تابعت الجماهير المباراة ثم مباراة أخرى.")
    # one cue is enough in a sentence, not in a long text
    assert "al_hilal" in ids("فاز الهلال في الشوط الأول.")
    assert "al_hilal" not in ids(f"فاز الهلال أمس. {filler} وانتهى الشوط.")


def test_government_directorates_named_after_a_place_are_organisations():
    named = by_surface(
        "وقال مدير صحة عسير إن المستشفيات جاهزة، وواصلت جوازات منطقة حائل عملها، وضبط مرور الرياض "
        "مخالفين، واجتمع الوزير بمدير تعليم جازان."
    )
    for name in ("صحة عسير", "جوازات منطقة حائل", "مرور الرياض", "تعليم جازان"):
        assert named[name][0] == "ORG", name


def test_gulf_regions_clubs_companies_and_leaders_are_known():
    known = ids(
        "زار أمير منطقة حائل القصيم وعسير والباحة والجوف، وأعلنت أرامكو وسابك نتائجهما، "
        "واستقبل عبد ربه منصور هادي الوفد.",
        use_model=True,
    )
    assert {"hail_region", "qassim_region", "asir_region", "al_bahah_region", "al_jawf_region"} <= known
    assert {"saudi_aramco", "sabic", "hadi"} <= known
    airlines = ids("وأعلنت شركة النيل للطيران وطيران العربية ومصر للطيران عن رحلات، وقالت جانيت يلين إن")
    assert {"nile_air", "air_arabia", "egyptair", "janet_yellen"} <= airlines


def test_the_labeller_adds_names_no_list_knows_with_a_confidence():
    e = found("وقال المدير التنفيذي للشركة رافائيل بونتيكورفو إن الأرباح تضاعفت.", use_model=True)
    model = e[e.source == "model"]
    assert not e.empty and e["confidence"].dropna().between(0, 1).all()
    assert model.empty or model["confidence"].notna().all()


def test_word_tokens_keep_offsets():
    tokens = word_tokens("لـ«الشرق الأوسط»")
    assert [tokens.text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == [
        "لـ",
        "الشرق",
        "الأوسط",
    ]
    assert split_sentences("جملة. أخرى.")


def test_places_inside_events_facilities_and_banks_are_not_the_place():
    named = by_surface(
        "انطلق مهرجان الإسكندرية السينمائي، وهبطت الطائرة في مطار الملك عبدالعزيز الدولي، "
        "ووافق مجلس إدارة بنك الكويت المركزي على القرار."
    )
    assert named["مهرجان الإسكندرية السينمائي"][0] == "MISC"
    assert named["مطار الملك عبدالعزيز الدولي"][0] == "LOC"
    assert named["بنك الكويت المركزي"][0] == "ORG"
    assert not {"alexandria_eg", "king_abdulaziz", "kuwait"} & {eid for _, eid in named.values()}


def test_a_valley_gulf_fort_or_foundation_named_like_a_place_or_person_is_its_own():
    named = by_surface("سال وادي ضمد بعد الأمطار، ورست السفن في خليج عدن قرب جبل لبنان.")
    assert named["وادي ضمد"][0] == named["خليج عدن"][0] == named["جبل لبنان"][0] == "LOC"
    assert not {"damad", "aden_ye", "lebanon"} & {eid for _, eid in named.values()}
    named = by_surface("وأصدرت دارة الملك عبدالعزيز كتابا عن قلعة البحرين، وأحرق في داره يلثغ.")
    assert named["دارة الملك عبدالعزيز"][0] == "ORG" and named["قلعة البحرين"][0] == "LOC"
    assert not {"king_abdulaziz", "bahrain"} & {eid for _, eid in named.values()}
    assert not any(surface.startswith("داره") for surface in named)  # "his house"


def test_an_events_ordinal_from_eleven_on_is_whole():
    assert (
        by_surface("وأطلق مهرجان عنيزة الحادي عشر للتمور مشروعه.")["مهرجان عنيزة الحادي عشر للتمور"][0]
        == "MISC"
    )


def test_after_a_title_a_word_and_a_familys_nisba_are_a_person():
    assert (
        by_surface("بدأ الحفل بكلمة مديرة النادي خيرية الحازمي، قالت فيها إن الطالبات سفيرات.")[
            "خيرية الحازمي"
        ][0]
        == "PER"
    )


def test_a_mosque_named_after_a_person_is_the_place_not_the_person():
    named = by_surface("وصلي عليه في جامع الملك خالد، ووقع الانفجار في مسجد الإمام علي بن أبي طالب بالقديح.")
    assert named["جامع الملك خالد"][0] == "LOC"
    assert named["مسجد الإمام علي بن أبي طالب"][0] == "LOC"
    assert "king_khalid" not in {eid for _, eid in named.values()}


def test_a_place_with_a_masculine_nationality_is_a_club():
    named = by_surface("واجه برشلونة الإسباني فريق روما الإيطالي.")
    assert named["برشلونة"][0] == "ORG"
    # however sure the labeller is of the place
    assert by_surface("الشباب يختتم تجاربه بالريان القطري", use_model=True)["الريان"][0] == "ORG"


def test_newspapers_named_like_places_in_quotes_after_la():
    named = by_surface('وقال الناطق لـ" الرياض" إن الخطة جاهزة، وأكد لـ«عكاظ» أنها ستنفذ.')
    assert named["الرياض"] == ("ORG", "al_riyadh_newspaper")
    assert named["عكاظ"] == ("ORG", "okaz")
    assert by_surface("وصل الوفد إلى الرياض أمس.")["الرياض"] == ("LOC", "riyadh")


def test_ministry_phrases_stop_at_times_and_titles():
    named = by_surface("وأعلنت وزارة الداخلية اليوم القبض على المتهمين.")
    assert named["وزارة الداخلية"][0] == "ORG"


def test_labeller_spans_lose_titles_nationalities_and_currencies():
    e = found(
        "وقال الطبيب تشانق الصيني وفيصل بن خالد بن عبدالعزيز أمير منطقة عسير إن قيمة الصفقة "
        "20 مليون جنيه إسترليني.",
        use_model=True,
    )
    assert "تشانق الصيني" not in set(e.surface)
    assert not any(s.endswith(" أمير") for s in e.surface)
    assert not (e["type"] == "MISC").any()


def test_pronoun_suffixed_words_are_not_names():
    e = found("ورفع مدير إدارة المشاريع شكره وتقديره للقيادة.")
    assert not (e["type"] == "PER").any()


def test_events_and_prizes_named_after_a_person_are_not_the_person():
    named = by_surface("وتقام بطولة كأس الأمير فيصل بن فهد، وحضر حفل مسابقة الملك سلمان لحفظ القرآن الكريم.")
    assert named["كأس الأمير فيصل بن فهد"][0] == "MISC"
    assert "king_salman" not in {eid for _, eid in named.values()}


def test_an_organisation_with_a_definite_head_and_a_complement():
    named = by_surface(
        "وأدانت الهيئة الدائمة المستقلة لحقوق الإنسان الهجوم، ودعت الهيئة العامة للسياحة والتراث إليه."
    )
    assert named["الهيئة الدائمة المستقلة لحقوق الإنسان"][0] == "ORG"
    assert named["الهيئة العامة للسياحة والتراث"][0] == "ORG"


def test_a_noun_after_a_definite_head_ends_the_organisation():
    # the head's adjectives agree with it; a definite noun after it starts the next phrase
    named = by_surface(
        "ويوفر الصندوق الدعم لدوله الأعضاء، وأكد رئيس اللجنة التنفيذية المتحدث الرسمي للانتخابات "
        "المهندس جديع القحطاني، وقالت اللجنة العليا للانتخابات إنها جاهزة."
    )
    assert not any(surface.startswith(("الصندوق", "اللجنة التنفيذية المتحدث")) for surface in named)
    assert named["اللجنة العليا للانتخابات"][0] == "ORG"


def test_affiliated_to_ends_a_body_the_labeller_ran_on():
    named = by_surface(
        "بالتعاون مع الهيئة العالمية للتنمية البشرية التابعة لرابطة العالم الإسلامي، وذلك أمس.",
        use_model=True,
    )
    assert named["الهيئة العالمية للتنمية البشرية"][0] == "ORG"
    assert named["رابطة العالم الإسلامي"][1] == "muslim_world_league"


def test_a_known_name_after_bin_is_a_patronymic():
    assert "king_salman" not in ids("وزار الأمير سلطان بن سلمان بن عبدالعزيز المعرض.", use_model=True)
    assert "king_salman" in ids("وزار الملك سلمان بن عبدالعزيز المعرض.", use_model=True)


def test_the_labellers_short_person_spans_are_completed():
    e = found("وقال الدكتور علي القرني إن الشاعر لبيد بن ربيعة العامري ولد هنا.", use_model=True)
    assert {"علي القرني", "لبيد بن ربيعة العامري"} <= set(e.surface)


def test_a_board_is_not_a_named_council():
    named = by_surface("واجتمع مجلس الوزراء، ثم اجتمع مجلس الإدارة.")
    assert named["مجلس الوزراء"][0] == "ORG"
    assert "مجلس الإدارة" not in named


def test_streets_named_after_places_and_quoted_outlets():
    named = by_surface("افتتح نفق شارع الرياض، وتلقت «الشرق الأوسط» نسخة من البيان.")
    assert named["شارع الرياض"][0] == "LOC" and named["شارع الرياض"][1] != "riyadh"
    assert named["الشرق الأوسط"] == ("ORG", "asharq_al_awsat")


def test_airports_and_ports_named_after_places_are_the_facility():
    named = by_surface(
        "هبطت الطائرة في مطار عدن الدولي، ثم أبحرت السفينة من ميناء الإسكندرية إلى مطار جدة. وزار عدن."
    )
    assert named["مطار عدن الدولي"][0] == "LOC" and named["مطار عدن الدولي"][1] != named["عدن"][1]
    assert named["ميناء الإسكندرية"][0] == named["مطار جدة"][0] == "LOC"
    assert "جدة" not in named


def test_a_nisba_after_a_proclitic_and_article_is_an_adjective():
    assert "saudi_arabia" not in ids("وزاد المؤشر الرئيسي للسوق السعودية أمس.")


def test_final_ya_or_yah_spellings_and_a_foreign_surname_the_rule_took():
    assert "dushanbe" in ids("وتلقت دوشانبيه معدات من واشنطن.")
    e = found("وقال مساعد وزير الخارجية دونالد لو، الذي زار المنطقة.", use_model=True)
    assert "دونالد لو" in set(e.surface)


def test_a_nationality_alone_is_not_a_name():
    assert not (found("وقال مسؤول روسي إن الاتفاق قريب.", use_model=True)["surface"] == "روسي").any()


def test_places_inside_pacts_agreements_and_a_quoted_airline():
    named = by_surface('من حلف بغداد إلى اتفاق فيينا، ومكتب الخدمات التابع لـ"السعودية" في المطار.')
    assert named["حلف بغداد"][0] == "ORG" and named["اتفاق فيينا"][0] == "MISC"
    assert named["السعودية"] == ("ORG", "saudia")


def test_a_quoted_title_after_an_event_head_is_the_events_name_with_the_places_inside():
    named = by_surface(
        'يفتتح المحافظ معرض «صنع في عسير 2015م» للحرفيين، ويسجل مهرجان "بريدة عاصمة التمور" حضورا كبيرا.'
    )
    assert named["صنع في عسير 2015م"][0] == named["بريدة عاصمة التمور"][0] == "MISC"
    assert "عسير" not in named and "بريدة" not in named


def test_a_person_rule_stops_at_a_conjoined_noun_and_takes_a_rare_second_surname():
    named = by_surface("وكان فهد القباع والتفافه حول المسجد سببا، وقال جان كلود يونكر إن الخطة جاهزة.")
    assert "فهد القباع" in named and "جان كلود يونكر" in named


def test_a_nisba_after_an_organisation_qualifies_it_and_generic_heads_stay_out():
    named = by_surface("ورفعت شركة «أرامكو» السعودية الأسعار، وتتسابق مدارس اليابان، وافتتح مترو جدة.")
    assert "السعودية" not in named
    assert "مدارس اليابان" not in named and named["مترو جدة"][0] == "LOC"


def test_ali_before_bin_is_the_name_and_a_particles_name_is_kept():
    e = found(
        "وطالب المواطن علي بن عبدالله آل سحيم بعلاجه، وقال الشيخ عبدالعزيز آل الشيخ إن.", use_model=True
    )
    assert {"علي بن عبدالله آل سحيم", "عبدالعزيز آل الشيخ"} <= set(e.surface)


def test_short_skeletons_do_not_merge_rule_names():
    from helpers.entities.name_keys import RuleEntityIndex

    index = RuleEntityIndex()
    assert index.entity_id("PER", ("كوي",))[0] != index.entity_id("PER", ("جوكا",))[0]


def test_a_longer_name_around_a_known_person_is_another_person():
    e = found("واستقبل وزير الصحة الدكتور عبدالله بن عبدالعزيز الربيعة الوفد.", use_model=True)
    assert "king_abdullah_sa" not in set(e.entity_id)


def test_the_federation_is_not_the_club_and_a_player_is_a_person():
    e = found(
        "أعلن الاتحاد العربي السعودي لكرة القدم قائمة المنتخب للمباراة، وانتقل اللاعب ميهاي بينتيللي "
        "إلى الدوري بعد تعادل فريقه مع جماهير كثيرة.",
        use_model=True,
    )
    assert "al_ittihad_sa" not in set(e.entity_id)
    assert set(e.loc[e.surface == "ميهاي بينتيللي", "type"]) <= {"PER"}


def test_words_that_look_like_given_names_or_surnames_in_context():
    assert found("رفض اللاعب عرضا من ناديه لإعارته.").empty
    assert "أسماء المستبعدين" not in set(found("وتعلن الإدارة أسماء المستبعدين غدا.").surface)
    assert found("والمدارس الأكثر أمان للطلاب.").empty


def test_arabic_family_names_link_only_when_equal():
    from helpers.entities.name_keys import linking_key

    assert linking_key("PER", ("العمير",)) != linking_key("PER", ("العمري",))


def test_a_reading_needs_two_cues_a_quoted_longer_name_and_a_masculine_adjective():
    assert "european_union" in ids(
        "وقالت الدول الأعضاء في الاتحاد الأوروبي إن اللاعب الأساسي في المباراة هو اليورو."
    )
    assert "malaysia" not in ids("شبهات حول الشركة العامة «ماليزيا ديفلبمنت برهاد» للاستثمار.")
    assert "rabat_ma" not in ids("عانى المدافع من قطع في الرباط الداخلي للركبة.")
    assert "rabat_ma" in ids("وصل الوفد إلى الرباط أمس.")


def test_a_given_name_ending_in_heh_is_no_pronoun_suffixed_noun():
    assert "عبدالله بن محمد الدهيمي" in set(found("عبر الشيخ عبدالله بن محمد الدهيمي عن شكره.").surface)


def test_a_known_person_with_a_patronymic_or_family_is_that_person():
    e = found("وقال محمد بن سلمان بن عبدالعزيز إن. وقال فيصل بن فرحان آل سعود إن.", use_model=True)
    assert {"mohammed_bin_salman", "faisal_bin_farhan"} <= set(e.entity_id)


def test_a_family_after_a_patronymic_and_conjoined_nouns_in_titles():
    named = by_surface(
        "استنكر الشيخ عبدالعزيز بن عبدالله آل الشيخ الحادث، وشكر الرئيس لجهوده وإسهامه الفعال."
    )
    assert "عبدالعزيز بن عبدالله آل الشيخ" in named
    assert not any("إسهامه" in s for s in named)


def test_a_frequent_one_word_name_stands_only_when_the_labeller_is_sure():
    tokens = word_tokens("فيضانات في ريف أمس")  # ريف: a frequent word no list knows as a place
    unsure = Span(2, 3, "LOC", "model", score=(MODEL_MIN_SCORE + MODEL_SURE_SCORE) / 2)
    sure = Span(2, 3, "LOC", "model", score=MODEL_SURE_SCORE)
    assert not _model_ok(tokens, unsure)
    assert _model_ok(tokens, sure)


def test_a_city_after_a_match_verb_in_a_sport_article_is_its_club():
    sport = " وسجل اللاعب هدفين في المباراة ضمن الدوري."
    for use_model in (False, True):
        assert by_surface("فاز الهلال على نجران" + sport, use_model=use_model)["نجران"][0] == "ORG"
        city = by_surface("وصل الفريق إلى نجران" + sport, use_model=use_model)
        assert city["نجران"] == ("LOC", "najran_sa")
        # a match's verbal noun and its adjective before على (الفوز الودي على)
        assert by_surface("خلال الفوز الودي على نجران" + sport, use_model=use_model)["نجران"][0] == "ORG"
        # the match's noun with the team's pronoun (بفوزه على)
        assert (
            by_surface("واستعاد الهلال توازنه بفوزه على نجران" + sport, use_model=use_model)["نجران"][0]
            == "ORG"
        )
    assert by_surface("فاز الهلال على نجران في الانتخابات البلدية.")["نجران"][0] == "LOC"


def test_a_party_or_front_named_by_its_adjectives():
    assert by_surface("وانتقد الحزب الجمهوري قرار الرئيس.")["الحزب الجمهوري"][0] == "ORG"
    assert by_surface("وقالت الجبهة الشعبية إنها ترفض القرار.")["الجبهة الشعبية"][0] == "ORG"
    assert found("وقال الحزب السوداني إن القرار خاطئ.").empty  # a Sudanese party: no name
    assert found("وقالت الجماعة التي تبنت الهجوم إنها مستمرة.").empty
    whole = by_surface("رأت اللجنة الوطنية لحقوق الإنسان أن ما حدث مرفوض.")
    assert "اللجنة الوطنية لحقوق الإنسان" in whole


def test_a_foreign_city_that_is_a_common_word_needs_the_labeller_or_a_place_word():
    assert "بورصة" not in by_surface("فرض ضريبة على الكربون أو نظام بورصة الكربون في أوروبا.", use_model=True)
    assert by_surface("وصل الوفد التركي إلى مدينة بورصة أمس.", use_model=True)["بورصة"] == ("LOC", "bursa_tr")


def test_geonames_cities_keep_their_country():
    assert load_gazetteer().entries["bursa_tr"].country == "TR"


def test_a_given_name_alone_is_one_person_per_article_not_across_the_corpus():
    docs = {"a": ("", "وقال الشيخ صالح إن الاجتماع ناجح."), "b": ("", "وأكد الشيخ صالح أن العمل مستمر.")}
    e = found_in(docs, use_model=True)
    ids = e[e["surface"] == "صالح"].set_index("doc_id")["entity_id"]
    assert ids["a"] != ids["b"] and ids["a"].startswith("per:صالح")


def test_a_known_persons_title_stays_outside_the_name():
    king = by_surface("ونقل تحيات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز إلى الرئيس.")
    assert king["سلمان بن عبدالعزيز"] == ("PER", "king_salman")
    assert by_surface("واستقبل الأمير خالد الفيصل الوفد.")["خالد الفيصل"] == ("PER", "khalid_al_faisal")
    assert by_surface("وقال آية الله علي خامنئي إن")["علي خامنئي"][1] == "ali_khamenei"
    # an epithet, and an indefinite word that is part of the name, stay whole
    assert "الملك المؤسس" in by_surface("وحد الملك المؤسس البلاد.")
    assert "قائد السبسي" in by_surface("وأكد الرئيس التونسي قائد السبسي أن")


def test_labeller_spans_keep_name_letters_that_look_like_a_proclitic():
    text = "وجه كوفي أنان رسالة إلى الحارس حسين فهمي أمس"
    tokens = word_tokens(text)
    kofi = text.index("كوفي")
    husain = text.index("حسين")
    spans = model_token_spans(
        tokens,
        [(kofi + 1, kofi + len("كوفي أنان"), "PER", 0.99), (husain, husain + len("حسين فهمي"), "PER", 0.99)],
    )
    words = [" ".join(tokens.raw[s.first : s.last]) for s in spans]
    assert words == ["كوفي أنان", "حسين فهمي"]  # not ك + وفي, nor ف + همي trimmed
    assert spans[0].clitic == 0


def test_a_labellers_body_after_li_and_the_article_is_named_with_the_article():
    text = "وقدم الدعم للمنظمة العربية للتنمية أمس"
    tokens = word_tokens(text)
    start = text.index("للمنظمة")
    (span,) = model_token_spans(tokens, [(start, start + len("للمنظمة العربية للتنمية"), "ORG", 0.9)])
    assert span.clitic == 1  # ل + المنظمة: its id is the body's, not one of ل + the body


def test_a_sure_labeller_keeps_a_person_whose_given_name_is_a_frequent_word():
    tokens = word_tokens("ومنح الفرنسي لويس ساها التقدم")
    assert _model_ok(tokens, Span(2, 4, "PER", "model", score=MODEL_SURE_SCORE))
    sports = word_tokens("ومنح الفرنسي كرة القدم التقدم")
    assert not _model_ok(sports, Span(2, 4, "PER", "model", score=MODEL_MIN_SCORE))


def test_governorates_and_news_agencies_of_the_arab_states():
    named = by_surface(
        "قصف في محافظة إب وريف دمشق، بحسب وكالة أنباء الشرق الأوسط ووكالة الأنباء الكويتية (كونا)."
    )
    assert named["محافظة إب"][1] == "ibb_ye" and named["ريف دمشق"][1] == "rif_dimashq"
    assert named["وكالة أنباء الشرق الأوسط"][1] == "mena" and named["كونا"][1] == "kuna"
    # a governorate named like a common word needs its head once in the article
    assert "al_hariq" not in ids("شب الحريق في المستودع.")
    assert ids("زار محافظة الحريق وتفقد موقع الحريق.") >= {"al_hariq"}


def test_labeller_person_spans_starting_with_an_organisation_head_are_organisations():
    text = "وقال مدير جامعة نايف العربية للعلوم الأمنية والسناتور تيد كروز"
    tokens = word_tokens(text)
    uni, ted = text.index("جامعة"), text.index("تيد")
    spans = model_token_spans(tokens, [(uni, uni + 33, "PER", 0.9), (ted, len(text), "PER", 0.99)])
    assert [(" ".join(tokens.raw[s.first : s.last]), s.type) for s in spans] == [
        ("جامعة نايف العربية للعلوم الأمنية", "ORG"),
        ("تيد كروز", "PER"),  # not ك + روز trimmed
    ]


def test_us_states_zinjibar_in_yemen_and_emaar_only_as_a_company():
    named = by_surface("اندلعت حرائق في غابات ولاية كاليفورنيا وامتدت إلى أوريغون.")
    assert named["كاليفورنيا"] == ("LOC", "california_us") and named["أوريغون"] == ("LOC", "oregon_us")
    yemen = by_surface("سيطرت القوات على زنجبار عاصمة محافظة أبين جنوب اليمن.")
    assert yemen["زنجبار"][1] == "zinjibar"
    assert by_surface("وصل السياح إلى جزيرة زنجبار في تنزانيا.")["زنجبار"][1] == "zanzibar_tz"
    assert "emaar" not in ids("وتعهد المانحون بإعادة إعمار المدينة.")
    assert "emaar" in ids("أعلنت شركة إعمار العقارية أرباحها.")


def test_a_word_reads_as_a_proclitic_and_a_word_only_when_that_word_is_commoner():
    tokens = word_tokens("بعقوبة فهمي كروز")
    assert [tokens.proclitic_word(k) for k in range(3)] == [True, False, False]


def test_a_dual_noun_and_its_relational_adjective_are_no_person():
    tokens = word_tokens("ودعا خبيران أوروبيان وحسين شاهين الحكومة")
    assert not _model_ok(tokens, Span(1, 3, "PER", "model", score=0.95))
    assert _model_ok(tokens, Span(3, 5, "PER", "model", score=0.95, clitic=1))


def test_the_labeller_leaves_out_the_conjunction_before_a_name_and_a_title_before_a_bank():
    text = (
        "وشارك ميسي وخافيير ماسكيرانو، ثم خافيير. "
        "وقال وليد سعد وشيرين رضا إن رئيس بنك أتلانتا الاحتياطي تحدث."
    )
    tokens = word_tokens(text)
    starts = [text.index(w) for w in ("وخافيير", "وليد", "وشيرين", "رئيس")]
    spans = model_token_spans(
        tokens,
        [
            (starts[0], starts[0] + len("وخافيير ماسكيرانو"), "PER", 0.99),
            (starts[1], starts[1] + len("وليد سعد"), "PER", 0.99),
            (starts[2], starts[2] + len("وشيرين رضا"), "PER", 0.99),
            (starts[3], starts[3] + len("رئيس بنك أتلانتا الاحتياطي"), "PER", 0.9),
        ],
    )
    assert [(s.clitic, " ".join(tokens.raw[s.first : s.last]), s.type) for s in spans] == [
        (1, "وخافيير ماسكيرانو", "PER"),  # خافيير stands alone later in the text
        (0, "وليد سعد", "PER"),  # وليد is a given name of its own
        (1, "وشيرين رضا", "PER"),  # شيرين is a given name, وشيرين is not
        (0, "بنك أتلانتا الاحتياطي", "ORG"),
    ]


def test_a_person_takes_the_forebears_names_after_it():
    named = by_surface(
        "وحضر الأمير فيصل بن فهد بن مساعد بن سعود بن عبدالعزيز، واستقبله الأمير محمد بن سلمان "
        "بن عبد العزيز ولي ولي العهد. "
        "وقال ابن عمه خالد إن مؤسس المملكة الملك عبدالعزيز بن عبدالرحمن طيب الله ثراه."
    )
    assert named["فيصل بن فهد بن مساعد بن سعود بن عبدالعزيز"][0] == "PER"
    assert named["محمد بن سلمان بن عبد العزيز"] == ("PER", "mohammed_bin_salman")
    assert named["عبدالعزيز"] == ("PER", "king_abdulaziz")  # a one-word known name is not lengthened
    assert not any(surface.startswith("عمه") for surface in named)


def test_a_foreign_surname_ending_like_a_plural_or_after_a_frequent_given_name_is_a_person():
    keeper = word_tokens("تصدى لها الحارس هيلتون ، وأخرى")
    assert _model_ok(keeper, Span(3, 4, "PER", "model", score=0.95))
    assert not _model_ok(word_tokens("وقال دبلوماسيون إن"), Span(1, 2, "PER", "model", score=0.95))
    writer = word_tokens("قال أليكس فيشمان المعلق العسكري")
    assert _model_ok(writer, Span(1, 3, "PER", "model", score=MODEL_MIN_SCORE))
    officials = word_tokens("وقال مسؤولون أميركيون إن")
    assert not _model_ok(officials, Span(1, 3, "PER", "model", score=MODEL_MIN_SCORE))
    poem = word_tokens("عيدك مبارك يا أميرنا المحبوب")
    assert not _model_ok(poem, Span(2, 4, "PER", "model", score=0.95))
    noun_first = word_tokens("في تعويض رحيل محمد الثمالي لنادي الشباب")
    assert not _model_ok(noun_first, Span(2, 5, "PER", "model", score=MODEL_MIN_SCORE))


def test_a_less_sure_labeller_still_makes_a_club_of_a_gazetteer_place():
    tokens = word_tokens("أنقذ ميسي برشلونة من الخسارة بعد فوز ستيوا بوخارست على ضيفه")
    barcelona, bucharest = Span(2, 3, "LOC", "gazetteer"), Span(8, 9, "LOC", "gazetteer")
    model = [Span(2, 3, "ORG", "model", score=MODEL_ORG_OVER_PLACE), Span(7, 9, "ORG", "model", score=0.6)]
    merged, _ = merge_model(tokens, [barcelona, bucharest], [], model, sport=True)
    assert [(s.first, s.last, s.type) for s in merged] == [(2, 3, "ORG"), (7, 9, "ORG")]
    merged, _ = merge_model(tokens, [barcelona, bucharest], [], model, sport=False)
    assert [(s.first, s.last, s.type) for s in merged] == [(2, 3, "LOC"), (7, 9, "ORG")]
    unsure = [Span(2, 3, "ORG", "model", score=MODEL_ORG_OVER_PLACE - 0.1)]
    assert merge_model(tokens, [barcelona], [], unsure, sport=True)[0][0].type == "LOC"


def test_a_surname_is_no_adverb_verb_or_next_name_of_a_list():
    people = set(
        found(
            "ويتقاضى رونالدو راتبًا أسبوعيًا كبيرا. وتعاقدنا مع دييجو كوستا وسيسك فابريجاس. "
            "وقال مارتن شولتز إن اللاعب خافيير ماسكيرانو سيتولون قيادة الفريق."
        ).query("type == 'PER'")["surface"]
    )
    assert {"دييجو كوستا", "مارتن شولتز", "خافيير ماسكيرانو"} <= people
    assert not any(w in s for s in people for w in ("راتبًا", "وسيسك", "سيتولون"))


def test_a_given_name_takes_the_word_the_document_names_a_person_by_alone():
    e = found(
        "بحسب ما أشار إليه رئيس المنظمة العالمية الألماني توماس باخ. وقال باخ بأن بلاتر رأى أنه",
        use_model=True,
    )
    people = e[e.type == "PER"]
    assert list(people["surface"]) == ["توماس باخ", "باخ", "بلاتر"]  # Blatter the gazetteer knows
    assert people["entity_id"].iloc[0] == people["entity_id"].iloc[1] != people["entity_id"].iloc[2]


def test_a_surname_joins_a_given_name_after_a_conjunction_and_a_rare_name_the_document_repeats():
    e = found(
        "وإيداع رمزيها حسين موسوي ومهدي كروبي في غياهب السجن. "
        "أطلق عليها كبير الباحثين آنج كوي اسم فانتينا. وقال كوي إن القراصنة سيحتاجون إلى هوائي.",
        use_model=True,
    )
    people = e[e.type == "PER"]
    assert {"مهدي كروبي", "آنج كوي"} <= set(people["surface"])
    assert (
        people[people.surface == "كوي"]["entity_id"].tolist()
        == people[people.surface == "آنج كوي"]["entity_id"].tolist()
    )
    # a word the document repeats is the family name of the given name before it
    e = found("قال المحلل فيليب كروك إن السهم سيتراجع بحسب فيليب كروك نفسه", use_model=True)
    assert "فيليب كروك" in set(e.surface)


def test_a_surname_is_not_read_inside_a_common_word_after_a_proclitic():
    e = found(
        "نشر الكاتب سامي ريقي مقالا. وقال ريقي إن المباراة بين فريقي الهلال والنصر مهمة.",
        use_model=True,
    )
    assert "فريقي" not in " ".join(e.surface) and e[e.surface == "ريقي"].shape[0] == 1


def test_a_known_persons_frequent_surname_alone_is_that_person_in_the_article():
    e = found("وقال الرئيس السوري بشار الأسد إن الحرب طويلة. وندين نظام الأسد وجرائمه.")
    assessed = e[e.surface == "الأسد"]
    assert (
        len(assessed) == 1
        and assessed["entity_id"].iloc[0] == e[e.surface == "بشار الأسد"]["entity_id"].iloc[0]
    )
    assert "الأسد" not in set(found("رأى الزوار الأسد في حديقة الحيوان.")["surface"])


def test_saudi_state_bodies_and_names_of_seven_words_are_known():
    named = by_surface(
        "استهدف التفجير مسجد قوات الطوارئ الخاصة، وأصدرت هيئة كبار العلماء بيانا، وقصفت ميليشيات "
        "الحوثي المدينة، وأعلنت الرئاسة العامة لشؤون المسجد الحرام والمسجد النبوي خطتها."
    )
    assert named["مسجد قوات الطوارئ الخاصة"] == ("LOC", "loc:مسجد_special_emergency_forces_sa")
    assert named["هيئة كبار العلماء"] == ("ORG", "council_of_senior_scholars_sa")
    assert named["ميليشيات الحوثي"] == ("ORG", "houthis")
    assert named["الرئاسة العامة لشؤون المسجد الحرام والمسجد النبوي"] == ("ORG", "gp_two_holy_mosques")
    branches = by_surface("تبنى تنظيم القاعدة في بلاد المغرب الإسلامي الهجوم، وقال تنظيم القاعدة إن")
    assert branches["تنظيم القاعدة في بلاد المغرب الإسلامي"][1] == "aqim"
    assert branches["تنظيم القاعدة"][1] == "al_qaeda"
    events = by_surface("افتتح أمير المنطقة سوق عكاظ في الطائف، وقصفت قوات فجر ليبيا المطار.")
    assert events["سوق عكاظ"] == ("MISC", "souq_okaz") and events["قوات فجر ليبيا"] == ("ORG", "libya_dawn")


def test_a_given_name_before_a_known_persons_surname_is_another_person():
    named = by_surface("وظهرت سامنثا كاميرون في الحفل، وقال كاميرون إن الحفل ناجح.")
    assert named["كاميرون"][1] == "david_cameron"
    assert named["سامنثا كاميرون"][1] != "david_cameron"
    text = "وحضرت ميشيل أوباما الحفل، وقال أوباما إن الحفل ناجح."
    e = found(text)
    assert list(e[e.entity_id == "barack_obama"]["start"]) == [text.index("أوباما إن")]
    assert "ميشيل أوباما" in set(e["surface"])


def test_a_blessing_after_a_name_is_not_part_of_it():
    text = "وتوفي الشيخ صالح غلام رحمه الله أمس"
    tokens = word_tokens(text)
    start, end = text.index("صالح"), text.index(" أمس")
    spans = model_token_spans(tokens, [(start, end, "PER", 0.99)])
    assert [" ".join(tokens.raw[s.first : s.last]) for s in spans] == ["صالح غلام"]


def test_public_security_is_read_by_the_articles_country():
    assert ids("أعلن الأمن العام القبض على المتهم في الرياض.") >= {"public_security_sa"}
    assert "public_security_jo" in ids("أعلن الأمن العام في عمان أن الأردن آمن.")
    assert "general_security_lb" in ids("أوقف الأمن العام اللبناني مطلوبا في بيروت.")


def test_place_names_that_are_mostly_ordinary_words_need_the_place_named_otherwise():
    assert "benin" not in ids("افتتح الوزير مدارس بنين وبنات في الرياض.")
    assert ids("وصل رئيس جمهورية بنين إلى باريس، وقال إن بنين بلد آمن.") >= {"benin"}
    assert not ids("افتتح قسم العيون في المستشفى، والمتهم مدان بالقتل.")


def test_the_holy_mosques_are_known_places():
    named = by_surface(
        "لتوفير أفضل رعاية لحجاج بيت الله الحرام، وصلى المصلون في المسجد الحرام والمسجد النبوي."
    )
    assert named["بيت الله الحرام"] == ("LOC", "masjid_al_haram")
    assert named["المسجد الحرام"] == ("LOC", "masjid_al_haram")
    assert named["المسجد النبوي"] == ("LOC", "masjid_an_nabawi")


def test_a_national_federation_with_its_sport_is_another_federation():
    named = by_surface(
        "أعلن الاتحاد السعودي للمبارزة النتائج، وفاز الاتحاد السعودي للكرة الطائرة. وأعلن الاتحاد "
        "السعودي لكرة القدم القائمة، وقدم الاتحاد السعودي للاعبين مكافآت."
    )
    assert named["الاتحاد السعودي للمبارزة"][1] != "saff"
    assert named["الاتحاد السعودي للكرة الطائرة"][1] != "saff"
    assert named["الاتحاد السعودي لكرة القدم"][1] == "saff"
    assert named["الاتحاد السعودي"][1] == "saff"
    # after a proclitic too
    named = by_surface("وأكد رئيس اللجنة الفنية بالاتحاد السعودي للكرة الطائرة أن الفترة انتهت.")
    assert named["الاتحاد السعودي للكرة الطائرة"][1] != "saff"


def test_a_facility_named_after_a_known_person_is_the_place():
    named = by_surface("وقع انفجار قرب مطار كرزاي الدولي في كابول.")
    assert named["مطار كرزاي الدولي"][0] == "LOC"
    assert "hamid_karzai" not in {eid for _, eid in named.values()}


def test_a_facility_named_by_a_word_of_its_own_is_the_place():
    named = by_surface(
        "لقي شاب مصرعه بمنتزه الفرعاء غرب أبها، ووقع انفجار قرب مطار التيفور العسكري، "
        "وأقيم الحفل في قصر المصمك."
    )
    assert named["منتزه الفرعاء"][0] == named["مطار التيفور العسكري"][0] == named["قصر المصمك"][0] == "LOC"
    tunnel = by_surface("وأغلقت إدارة المرور أنفاق الملك خالد أمس، وفاز الروائي بجائزة أبها الأدبية.")
    assert tunnel["أنفاق الملك خالد"][0] == "LOC" and tunnel["جائزة أبها الأدبية"][0] == "MISC"
    quoted = found("وانتقل المسافرون إلى مطار «شارل ديغول» الأضخم، وجرت المفاوضات عن طريق «الفاكس».")
    assert list(zip(quoted.type, quoted.surface, strict=True)) == [("LOC", "مطار «شارل ديغول»")]
    # عن طريق "by means of", and a district's own rule
    assert not by_surface("ويتكيف الجسم مع البرد عن طريق الارتجاف.")
    assert by_surface("وقعت الحادثة في حي المنسك بأبها.")["حي المنسك"][1].endswith("@x")


def test_a_person_a_title_starts_and_the_labeller_goes_on_with_is_the_labellers():
    named = by_surface(
        "عقد الأمير محمد بن سلمان اجتماعا ثنائيا مع وزير الدفاع الأمريكي اشتون كارتر، تم خلاله مناقشة "
        "مجالات التعاون",
        use_model=True,
    )
    assert named["اشتون كارتر"][0] == "PER"
    # a common definite word after a word that is no given name is not its family name
    trustees = by_surface(
        "ووعد الوزير نظار الأوقاف والمهتمين بنقل فكرة السماح بمشاركة الأوقاف في المشاريع", use_model=True
    )
    assert not [s for s in trustees if "الأوقاف" in s]


def test_a_club_named_like_another_countrys_is_the_one_the_article_plays_in():
    e = found_in(
        {
            "eg": (
                "الإسماعيلي يرفض بيع السولية للأهلي",
                "نفى النادي الإسماعيلي بيع لاعب الوسط للأهلي أو الزمالك، وكان اللاعب على أعتاب الانتقال "
                "إلى الأهلي قبل المباراة مع المقاولون في الدوري المصري، وقال المدرب إن الفريق جاهز.",
            ),
            "sa": (
                "",
                "فاز النادي الأهلي على الهلال في المباراة، وقال مدرب الأهلي إن الفريق قدم مباراة كبيرة.",
            ),
        }
    )
    ahli = e[e.surface.str.contains("لأهلي")].groupby("doc_id").entity_id.agg(set)
    assert ahli["eg"] == {"al_ahly_eg"} and ahli["sa"] == {"al_ahli_sa"}
    # the name after the club's head follows the article too, and so does the bare name after it
    cairo = found_in(
        {
            "eg": (
                "",
                "تعادل الأهلي مع سموحة في الدوري المصري وتوج الزمالك باللقب. وقال مدير التعاقدات بالنادي "
                "الأهلي إن اللاعب باق، وبدأ الأهلي المباراة بخطة هجومية.",
            )
        }
    )
    assert set(cairo[cairo.surface.str.contains("الأهلي")].entity_id) == {"al_ahly_eg"}
    assert len(cairo[cairo.surface.str.contains("الأهلي")]) == 3


def test_a_national_team_of_another_sport_or_age_group_is_not_the_football_team():
    e = found_in(
        {
            "foot": ("", "فاز المنتخب السعودي على نظيره الإماراتي في المباراة، وسجل المهاجم هدفين."),
            "volley": (
                "",
                "يبدأ المنتخب السعودي لكرة الطائرة مشواره في البطولة العربية أمام المنتخب القطري.",
            ),
            "young": ("", "حقق المنتخب السعودي للناشئين لكرة القدم فوزا على المنتخب العراقي."),
        }
    )
    team = e[e.surface.str.startswith("المنتخب السعودي")].set_index("doc_id").entity_id
    assert team["foot"] == "org:المنتخب_السعودي"
    assert team["volley"] == "org:المنتخب_السعودي@الطائرة"
    assert team["young"] == "org:المنتخب_السعودي@young"


def test_a_common_name_is_the_entity_right_after_its_cue_words():
    e = found("وقصفت الطائرات مواقع ميليشيات الحوثي وصالح في تعز، واشتبكت المقاومة مع قوات صالح.")
    assert list(e[e.surface == "صالح"].entity_id) == ["ali_abdullah_saleh"] * 2
    other = found("وصوت المجلس لصالح القرار، وقال صالح العمري إن المشروع جاهز.")
    assert "ali_abdullah_saleh" not in set(other.entity_id)


def test_a_bodys_name_goes_on_over_its_general_or_supreme_adjective():
    named = by_surface("وقالت هيئة الأركان العامة إن القوات تقدمت، ونظمت مكتبة الملك فهد العامة برنامجا.")
    assert named["هيئة الأركان العامة"][0] == named["مكتبة الملك فهد العامة"][0] == "ORG"


def test_courts_and_the_prosecution_are_named_by_their_kind():
    e = found_in(
        {
            "a": (
                "",
                "وأحالت النيابة العامة المتهم إلى المحكمة العامة، وصدق الحكم من محكمة الاستئناف ومن "
                "المحكمة العليا.",
            ),
            "b": ("", "وأصدرت المحكمة الجزائية المتخصصة حكمها، وأحيل المتهم إلى المحكمة العامة."),
        }
    )
    assert set(e[e.surface == "محكمة الاستئناف"].entity_id) == {"org:محكمه_الاستئناف@a"}  # each region's
    court = e.groupby("surface").entity_id.agg(set)
    assert court["النيابة العامة"] == {"org:النيابه_العامه"}
    assert court["المحكمة العليا"] == {"org:المحكمه_العليا"}
    assert court["المحكمة الجزائية المتخصصة"] == {"org:المحكمه_الجزائيه_المتخصصه"}
    # every city has its general court
    assert court["المحكمة العامة"] == {"org:المحكمه_العامه@a", "org:المحكمه_العامه@b"}


def test_a_short_name_of_a_known_person_in_the_article_is_that_person():
    e = found(
        "وقال الرئيس اليمني السابق علي عبدالله صالح إن الحرب مستمرة. وتقدمت المقاومة في المناطق التي "
        "سيطر عليه الحوثيون والقوات الموالية للرئيس السابق علي صالح."
    )
    assert set(e[e.type == "PER"].entity_id) == {"ali_abdullah_saleh"}


def test_a_treaty_is_named_by_its_city_not_by_a_country_party_to_it():
    named = by_surface("ويرفض الكونغرس اتفاق إيران، بعد ربع قرن على اتفاق الطائف.")
    assert named["إيران"] == ("LOC", "iran") and named["اتفاق الطائف"][0] == "MISC"
    named = by_surface("وجاء إعلان الولايات المتحدة بعد ساعات من صدور إعلان القاهرة.")
    assert named["الولايات المتحدة"][0] == "LOC" and named["إعلان القاهرة"][0] == "MISC"
    stages = by_surface("وقاد المدرب المنتخب في نهائيات كأس آسيا، ويستعد لتصفيات أمريكا الجنوبية.")
    assert "كأس آسيا" in stages and stages["تصفيات أمريكا الجنوبية"][0] == "MISC"


def test_a_word_written_with_tanween_is_no_name():
    # صبيًا is a boy, not the town Sabya; إيطالياً an adverb, not Italy; وزيراً is no surname
    named = by_surface("كان صبيًا حين سافر إلى صبيا، وتفوق إيطالياً في إيطاليا.")
    assert "صبيًا" not in named and "إيطالياً" not in named
    assert named["صبيا"][0] == named["إيطاليا"][0] == "LOC"


def test_an_epithet_is_outside_the_name_and_short_names_of_bodies_and_outlets():
    named = by_surface(
        "قصفت ميليشيات الحوثي والمخلوع صالح المدينة، ورصد تقرير مؤسسة النقد الودائع، "
        "وقال المتحدث لـ«عين اليوم» إن العمل مستمر."
    )
    assert named["صالح"] == ("PER", "ali_abdullah_saleh") and "المخلوع صالح" not in named
    assert named["مؤسسة النقد"] == ("ORG", "sama")
    assert named["عين اليوم"] == ("ORG", "ain_alyoum")


def test_a_quote_closed_before_a_full_stop_opens_no_name():
    named = by_surface('وقال إنها المبادئ التي نؤيدها في أي اتفاقية". وأضاف "الجانب الأمريكي راض" ثم غادر.')
    assert "وأضاف" not in named
    assert "كامب ديفيد" in by_surface('ووقع الطرفان اتفاقية "كامب ديفيد" عام 1978.')


def test_an_organisation_head_before_a_common_complement_is_a_common_noun():
    named = by_surface(
        "تلقت غرفة العمليات بلاغا، وقالت عضو هيئة التدريس إن أقرب مركز انتخابي مغلق، "
        "وتضم الصالة غرفة للأمتعة وغرفة بتجهيزات حديثة، وأعلنت وزارة الصحة النتائج."
    )
    assert not {"غرفة العمليات", "هيئة التدريس", "مركز انتخابي", "غرفة للأمتعة", "غرفة بتجهيزات"} & set(named)
    assert named["وزارة الصحة"][0] == "ORG"


def test_a_lone_given_name_takes_a_family_name_shaped_word_after_it():
    named = by_surface(
        "أكد وزير التعليم د. عزام الدخيل أهمية التقنية، وأثنت الجماهير على اللاعب نبيل بهوي، "
        "وأكد إبراهيم التوصل إلى اتفاق، وانضم مروان لصفوفه.",
        use_model=True,
    )
    assert named["عزام الدخيل"][0] == named["نبيل بهوي"][0] == "PER"
    assert not {"إبراهيم التوصل", "مروان لصفوفه"} & set(named)


def test_a_place_named_like_a_common_word_needs_its_strong_name_in_the_article():
    # سرت "spread", تدمر "destroys", مشهد "scene": places only where the article names them so
    assert not {"sirte", "palmyra", "mashhad"} & ids(
        "الطاقة التي سرت في الجسد، وقالت إن الحرب تدمر المنازل، وهو مشهد مؤثر."
    )
    named = by_surface("سيطر التنظيم على مدينة تدمر الأثرية، ثم قصف الطيران تدمر.")
    assert named["تدمر"] == ("LOC", "palmyra")


def test_a_given_name_before_a_definite_plural_is_no_person():
    named = by_surface("بعد إعلان أسماء المرشحات عن طريق الخدمة المدنية، قالت أسماء الزهيري إنها ستشارك.")
    assert "أسماء المرشحات" not in named
    assert named["أسماء الزهيري"][0] == "PER"


def test_an_organisation_in_construct_takes_its_genitive():
    named = by_surface(
        "وأعلنت مؤسسة صوامع الغلال صرف المستحقات للمساهمين المسجلين لدى مركز إيداع الأوراق المالية."
    )
    assert named["مؤسسة صوامع الغلال"][0] == named["مركز إيداع الأوراق المالية"][0] == "ORG"


def test_a_body_named_by_the_articles_own_place_is_not_merged_across_articles():
    docs = {
        "a": (
            "",
            "أزالت أمانة المنطقة المخالفات، وأعلنت أمانة المنطقة الشرقية خطتها،"
            " وبدأت اللجنة المحلية للانتخابات عملها.",
        ),
        "b": (
            "",
            "أعلنت أمانة المنطقة مشروعا، وزارت أمانة المنطقة الشرقية الموقع،"
            " وبدأت اللجنة المحلية للانتخابات عملها.",
        ),
    }
    e = found_in(docs)
    assert "أمانة المنطقة" not in set(e.surface)  # the region's municipality, named before: no name
    local = e[e.surface == "اللجنة المحلية للانتخابات"].groupby("doc_id").entity_id.first()
    assert local["a"] != local["b"]
    assert e[e.surface == "أمانة المنطقة الشرقية"].entity_id.nunique() == 1


def test_a_noun_with_a_pronoun_ends_the_labellers_person():
    named = by_surface(
        "أصدرت الشاعرة السعودية رزان العتيبي ديوانها الأول، ويغني الفنان محمد عبده الليلة.", use_model=True
    )
    assert named["رزان العتيبي"][0] == "PER" and not any("ديوانها" in s for s in named)
    assert "محمد عبده" in named  # عبده reads as "his servant" too, but ends the name


def test_a_name_made_with_ibn_or_abu_keeps_its_first_word():
    named = by_surface(
        "من خلال القراءات الخاطئة لما كتبه شيخ الإسلام ابن تيمية وغيره عن الجهاد", use_model=True
    )
    assert named["ابن تيمية"][0] == "PER" and "تيمية" not in named
    named = by_surface("عندما قال رضى الله عنه مادحا أبا بكر الصديق: أبو بكر سيدنا.", use_model=True)
    assert "أبا بكر الصديق" in named


def test_a_labeller_person_that_is_only_a_title_at_the_texts_end_is_dropped():
    tokens = word_tokens("قال الرئيس")  # the span trims to nothing at the last token
    assert model_token_spans(tokens, [(4, 10, "PER", 0.9)], load_gazetteer()) == []


def test_ali_before_bin_is_the_name_and_a_relative_pronoun_ends_an_organisation():
    named = by_surface(
        "وقال عميد القبول والتسجيل الدكتور على بن عثمان الزندي إن القبول مستمر، "
        "وتواصل مع الهيئة الوطنية لحقوق الإنسان التي أفادته بتشكيل لجنة.",
        use_model=True,
    )
    assert named["على بن عثمان الزندي"][0] == "PER"
    assert named["الهيئة الوطنية لحقوق الإنسان"][0] == "ORG"


def test_a_word_with_a_pronoun_is_no_surname_nor_an_organisations_name():
    named = by_surface(
        "وتهدف الشركة إلى تحقيق رضا عملائها، ووضعت خطة محكمة تنفذها الجهات المعنية، ووصل الوفد إلى شرم الشيخ."
    )
    assert not {"رضا عملائها", "عملائها"} & set(named)
    assert not any(s.startswith("محكمة") for s in named)
    assert named["شرم الشيخ"][0] == "LOC"


def test_the_place_after_a_governors_title_is_the_region():
    named = by_surface("أكد أمير مكة أن الخطة جاهزة، ثم زار مكة المكرمة.")
    assert named["مكة"] == ("LOC", "makkah_region")
    assert named["مكة المكرمة"] == ("LOC", "makkah_sa")


def test_a_verbal_noun_after_a_bodys_name_is_the_verbs_object():
    named = by_surface("وقرر مجلس الوزراء الموافقة على النظام، وقالت هيئة الأركان المشتركة إن القوات جاهزة.")
    assert named["مجلس الوزراء"][0] == named["هيئة الأركان المشتركة"][0] == "ORG"
    assert by_surface("وزار الوفد أفريقيا الوسطى.")["أفريقيا الوسطى"] == ("LOC", "central_african_republic")


def test_a_quote_after_a_works_noun_is_its_title_whatever_names_it_holds():
    named = by_surface(
        "ظهر في مسلسل «فاروق» ثم في المسرحية «باي باي لندن»، وقال مدير المشروع «تشي زي يونج» إن العمل بدأ.",
        use_model=True,
    )
    assert named["فاروق"][0] == named["باي باي لندن"][0] == "MISC"
    assert "لندن" not in named
    assert named.get("تشي زي يونج", ("PER",))[0] != "MISC"


def test_a_works_title_names_the_work_even_when_it_is_a_places_name():
    named = by_surface(
        'عرض فيلم "وجدة" ثم فيلم «كازابلانكا»، وقدم برنامجا جديدا بعنوان «حكايات»، '
        "ضمن مشروع «قناة السويس الجديدة» الذي افتتح."
    )
    assert named["وجدة"][0] == named["كازابلانكا"][0] == named["حكايات"][0] == "MISC"
    assert "جدة" not in named
    assert named["قناة السويس الجديدة"] == ("LOC", "new_suez_canal")  # a project may be its place


def test_a_nationality_describes_a_proper_name_but_qualifies_a_shared_designation():
    named = by_surface(
        "فاز ريال مدريد الإسباني، وأعلن البنك الأهلي الكويتي أرباحه، وأعلنت شركة بوينج الأمريكية صفقة."
    )
    assert named["ريال مدريد"] == ("ORG", "real_madrid") and "ريال مدريد الإسباني" not in named
    assert named["البنك الأهلي الكويتي"][0] == "ORG"
    assert "بوينج" in named and "بوينج الأمريكية" not in named


def test_a_federations_sport_is_a_definite_field_or_a_sports_construct():
    named = by_surface(
        "وقال الاتحاد الأوروبي لدعم الشباب إن المنح بدأت، وقرر الاتحاد الأفريقي لكرة القدم نقل البطولة."
    )
    assert named["الاتحاد الأوروبي"] == ("ORG", "european_union")
    assert named["الاتحاد الأفريقي لكرة القدم"][0] == "ORG"


def test_a_persons_name_ends_before_a_word_of_lil_or_a_blessing():
    tokens = word_tokens("وقال وانغ للصحافيين إن الصين مستعدة، والتحق ببرنامج الأمير نايف للإسعافات الأولية.")
    wang = Span(1, 3, "PER", "model")
    nayef = next(Span(k, k + 2, "PER", "rule") for k, w in enumerate(tokens.folded) if w == "نايف")
    assert person_cut(tokens, wang) == Span(1, 2, "PER", "model")
    assert person_cut(tokens, nayef) is None
    tokens = word_tokens("وكان عثمان رضي الله عنه يقول، وقال حسن نصر الله إن")
    assert person_cut(tokens, Span(1, 4, "PER", "model")) == Span(1, 2, "PER", "model")
    assert person_cut(tokens, Span(8, 11, "PER", "model")) == Span(8, 11, "PER", "model")


def test_a_persons_name_ends_before_an_age():
    tokens = word_tokens(
        "وأصيب علي دوابشة ابن العام، وأنطونيو ابن الـ22 عاما، وعبد الرحمن ابن التاسعة، وفاطمة الستينية، "
        "ووصل عبدالله الثاني ابن الحسين وأحمد ابن الخطاب"
    )
    starts = [
        k
        for k, w in enumerate(tokens.folded)
        if w in ("علي", "وانطونيو", "وعبد", "وفاطمه", "عبدالله", "واحمد")
    ]
    lengths = (4, 4, 4, 2, 4, 3)
    cut = [person_cut(tokens, Span(k, k + n, "PER", "model")) for k, n in zip(starts, lengths, strict=True)]
    assert [s.last - s.first for s in cut] == [2, 1, 2, 1, 4, 3]  # a father's name stays


def test_a_persons_name_ends_before_fa_and_a_verb():
    tokens = word_tokens("عرقل الحارس شوفكوفسكيي فاحتسب الحكم ركلة، وقال فهد فاضل إن")
    keeper, fahd = Span(2, 4, "PER", "model"), Span(8, 10, "PER", "model")
    assert person_cut(tokens, keeper) == Span(2, 3, "PER", "model")
    assert person_cut(tokens, fahd) == fahd  # given names


def test_a_time_is_no_bodys_field():
    named = by_surface(
        "وقع التعاون بين مصر والاتحاد الأوروبي للفترة المقبلة، وفاز الاتحاد السعودي للسنة الثانية، "
        "وقال الاتحاد السعودي للكرة الطائرة إن"
    )
    assert named["الاتحاد الأوروبي"] == ("ORG", "european_union")
    assert "الاتحاد السعودي" in named and not any("للسنة" in s or "للفترة" in s for s in named)
    assert "الاتحاد السعودي للكرة الطائرة" in named


def test_a_verbal_noun_spelled_like_a_given_name_is_no_name():
    tokens = word_tokens("وفي حال عدم توفيق مورا في المباراة، ويخشى من عدم نجاح الخطة، واستقبل توفيق مورا")
    mora, najah, guest = (Span(k, k + n, "PER", "rule") for k, n in ((3, 2), (10, 1), (13, 2)))
    assert without_verbal_noun(tokens, mora) == Span(4, 5, "PER", "rule")
    assert without_verbal_noun(tokens, najah) is None
    assert without_verbal_noun(tokens, guest) == guest


def test_a_persons_name_ends_before_a_verb_or_an_accusative():
    tokens = word_tokens(
        "وكان سعد الحربي ينادي زملاءه، وقال محمد بن سلمان يترأس الاجتماع، وبدا طالباني متضامنا"
    )
    spans = [Span(k, k + n, "PER", "model") for k, n in ((1, 3), (6, 4), (12, 2))]
    assert [person_cut(tokens, s).last for s in spans] == [3, 9, 13]  # سعد الحربي، محمد بن سلمان، طالباني
    tokens = word_tokens("وقال وارن تراس إن الطبيبة حسن يارا ولاعب الوسط روجر مارتيلا ودي ماريا حضروا")
    spans = [
        Span(k, k + 2, "PER", "model")
        for k, w in enumerate(tokens.folded)
        if w in ("وارن", "حسن", "روجر", "دي")
    ]
    assert [person_cut(tokens, s) for s in spans] == spans
    tokens = word_tokens(
        "وأشاد أحمد قطان سفيرنا بالقاهرة، وقال شينزو آبي وحكومته إن أسامة عبده ومجدي طلبه حضرا"
    )
    spans = [Span(k, k + 3, "PER", "model") for k in (1, 6)] + [
        Span(k, k + 2, "PER", "model") for k in (10, 12)
    ]
    # a noun with a pronoun (سفيرنا، وحكومته) ends the name; a family name ending in ه does not
    assert [person_cut(tokens, s).last for s in spans] == [3, 8, 12, 14]
    assert accusative("متضامنا") and not accusative("مارتيلا") and not accusative("يانغا")
    assert present_verb("يتقمص") and not present_verb("يتسحاق")
    assert by_surface("وقالت رئيسة الاحتياطي الفيدرالي جانيت يلين إن الفائدة سترتفع.")["جانيت يلين"] == (
        "PER",
        "janet_yellen",
    )  # a known name whose word reads as a verb (يلين "softens")
    # a participle with a plural or accusative ending ends the name; a name in م and alef does not
    named = by_surface("وما زال النجمان محمد السهلاوي وحسين عبدالغني متفوقين بصورة عالية.")
    assert "حسين عبدالغني" in named and "حسين عبدالغني متفوقين" not in named
    assert inflected_participle("متفوقا") and not inflected_participle("ماريا")
    assert not inflected_participle("ياسين")


def test_a_quoted_name_after_an_organisations_kind_is_the_organisation():
    named = by_surface("وأعلنت شركة «سوناطراك» عن الكشف، وقالت حركة «بيغيدا» إن المسيرة ستنطلق.")
    assert named["سوناطراك"][0] == named["بيغيدا"][0] == "ORG"


def test_an_outlets_own_name_is_the_outlet_in_the_dateline_only():
    named = by_surface("فهد العتيبي- سبق- الطائف: أعلنت الشرطة أن ما سبق الحادث كان عاديا.")
    assert named["سبق"] == ("ORG", "sabq") and named["الطائف"] == ("LOC", "taif")
    assert list(found("سبق- الرياض: قال إن ما سبق الحادث كان عاديا.").entity_id) == ["sabq", "riyadh"]


def test_a_given_name_and_a_familys_nisba_are_a_name_but_not_a_given_name_and_an_adjective():
    named = by_surface("وقال ماجد الرفاعي إن الأمطار هطلت، وتحدث علي القحطاني عن الأنظمة.")
    assert named["ماجد الرفاعي"][0] == named["علي القحطاني"][0] == "PER"
    assert not any(s.startswith("جمال") for s in by_surface("أعجبه جمال السياسي في خطابه."))


def test_a_labellers_person_ends_before_another_name_and_a_head_keeps_its_proclitic_out():
    text = "وأبرزهم المنشد أحمد الهاجري والمنشد إبراهيم السعيد، ودرس بجامعة ستانفورد."
    tokens = word_tokens(text)
    person = text.index("أحمد"), text.index("السعيد") + len("السعيد")
    school = text.index("بجامعة"), len(text) - 1
    spans = model_token_spans(tokens, [(*person, "PER", 0.9), (*school, "ORG", 0.9)], load_gazetteer())
    named = {span_text(tokens, s)[2]: s for s in spans}
    assert set(named) == {("احمد", "الهاجري"), ("جامعه", "ستانفورد")}
    assert named[("جامعه", "ستانفورد")].clitic == 1


def test_a_labellers_one_word_head_title_or_verb_is_no_name_and_wal_stays_outside():
    tokens = word_tokens("خارج منظمة أوبك، وقال المصدر إن الروس سيرغبون في ذلك، وقصف الحصيبة والبوعلوان.")
    k = {w: i for i, w in enumerate(tokens.folded)}
    for word in ("منظمه", "سيرغبون"):
        assert not _model_ok(
            tokens, Span(k[word], k[word] + 1, "ORG" if word == "منظمه" else "PER", "model", score=0.95)
        )
    text = tokens.text
    start = text.index("والبوعلوان")
    (span,) = model_token_spans(tokens, [(start, start + len("والبوعلوان"), "LOC", 0.9)], load_gazetteer())
    assert span.clitic == 1


def test_a_dual_noun_and_its_adjective_is_no_person_and_a_supervisor_ends_a_bodys_name():
    named = by_surface("وخاض الفريق مباراتين وديتين، وقال رئيس بلدية العيساوية المشرف العام على المهرجان إن.")
    assert "مباراتين وديتين" not in named
    assert named["بلدية العيساوية"][0] == "ORG"


def test_a_competitions_name_is_its_head_and_the_definite_words_after_it():
    named = by_surface(
        "وفاز الهلال بكأس السوبر السعودي الأربعاء، ويلعب في دوري أبطال آسيا وفي الدوري الإنجليزي الممتاز "
        "وفي بطولة العالم لألعاب القوى، والفيلم من بطولة الفنان أحمد حلمي، وفي الدوري الماضي سجل هدفين."
    )
    for name in (
        "كأس السوبر السعودي",
        "دوري أبطال آسيا",
        "الدوري الإنجليزي الممتاز",
        "بطولة العالم لألعاب القوى",
    ):
        assert named[name][0] == "MISC", name
    assert not any(s.startswith(("بطولة الفنان", "الدوري الماضي")) for s in named)


def test_a_hyphen_with_a_space_on_one_side_parts_words_and_other_ends_a_bodys_name():
    named = by_surface(
        "وتوفي عبدالحميد- بنجلاديشي الجنسية، وقال جان - كلود يونكر إن قطاعات وزارة الداخلية الأخرى تعمل."
    )
    assert not any("بنجلاديشي" in s for s in named)
    assert "جان - كلود يونكر" in named and "وزارة الداخلية" in named


def test_a_hospitals_or_museums_name_is_a_place_and_a_place_behind_a_preposition_is_outside_it():
    named = by_surface(
        "ونقل إلى مستشفى الملك فهد ثم إلى مستشفى الرس العام، وزار متحف الموصل، وعولج في مستشفى بألمانيا "
        "ثم في مستشفى حكومياً."
    )
    assert named["مستشفى الملك فهد"][0] == named["متحف الموصل"][0] == named["مستشفى الرس العام"][0] == "LOC"
    assert (
        by_surface("وأضاف أن إدارة مستشفى النهضة التخصصي تابعت الحالة.")["مستشفى النهضة التخصصي"][0] == "LOC"
    )
    assert named["ألمانيا"] == ("LOC", "germany")
    assert not any(s.startswith("مستشفى ب") or s == "مستشفى" for s in named)


def test_a_proclitic_reading_loses_to_a_commoner_shorter_one_and_a_tatweel_stays_outside():
    named = by_surface(
        "وارتفعت أسهم وبنوك الخليج، وشكلت الوزارة لجان لخرص التمور، ولعب في بـدوري أبطال آسيا."
    )
    assert "نوك" not in named and not any(s.startswith("جان") for s in named)
    assert named["دوري أبطال آسيا"][0] == "MISC"


def test_the_blessing_ligature_is_no_part_of_a_name_nor_a_surname():
    e = found(
        "وقال إن الذين يردون على النبي محمد ﷺ الحوض هم المتبعون، وقال النبي ﷺ إن الدين النصيحة.",
        use_model=True,
    )
    assert not any("ﷺ" in s for s in e.surface)


def test_places_in_a_list_after_manatiq_are_the_regions():
    e = found("وتشهد مناطق الرياض ومكة المكرمة، والقصيم أمطارا، ثم زار الوفد مكة المكرمة.")
    assert list(e.entity_id) == ["riyadh_region", "makkah_region", "qassim_region", "makkah_sa"]


def test_a_person_in_a_list_leaves_the_and_outside_but_a_name_starting_with_waw_keeps_it():
    tokens = word_tokens("رحل لويس ناني وفان بيرسي، وقال الألماني ولفغانغ شويبله إن")
    k = tokens.folded.index("وفان")
    w = tokens.folded.index("ولفغانغ")
    assert person_without_and(tokens, Span(k, k + 2, "PER", "model"), {k}).clitic == 1
    assert person_without_and(tokens, Span(w, w + 2, "PER", "model"), {k}).clitic == 0


def test_leagues_syndicates_and_embassies_are_organisation_heads_but_an_interest_is_not():
    named = by_surface(
        "وأدانت رابطة العالم الإسلامي التصريحات، وقالت نقابة الممثلين إن ذلك يصب في مصلحة الوطن."
    )
    assert named["رابطة العالم الإسلامي"][0] == named["نقابة الممثلين"][0] == "ORG"
    assert "مصلحة الوطن" not in named


def test_a_chain_of_given_names_is_a_name_but_ends_before_the_preposition_ala():
    named = by_surface(
        "وقال مدير المرصد رامي عبد الرحمن إن، وأكد الدكتور خالد على موقف قطر، وعبر بلال عبدالكريم عن أسفه.",
        use_model=True,
    )
    assert named["رامي عبد الرحمن"][0] == named["بلال عبدالكريم"][0] == "PER"
    assert "خالد على" not in named


def test_the_eid_blessing_and_the_squares_are_no_names():
    named = by_surface(
        "أعاده الله على الأمة باليمن والبركات، وانتشروا في الميادين العامة، "
        "وقالت قناة الميادين إن الرئيس زار اليمن."
    )
    assert named["اليمن"] == ("LOC", "yemen") and named["قناة الميادين"] == ("ORG", "al_mayadeen")
    assert list(found("أعاده الله باليمن والبركات، وانتشروا في الميادين العامة.").entity_id) == []


def test_a_compound_given_name_with_al_din_and_no_accusative_phrase_as_a_person():
    named = by_surface(
        "وشاركت الفنانة رشا سيف الدين في العمل، وقاد المدرب الفريق في تمرينا صباحيا أمس.", use_model=True
    )
    assert named["رشا سيف الدين"][0] == "PER"
    assert "تمرينا صباحيا" not in named


def test_a_labellers_span_ends_before_a_verb_in_the_future():
    text = "أن ولي ولي العهد الأمير محمد بن سلمان سيترأس وفد المملكة"
    tokens = word_tokens(text)
    start, end = text.index("محمد"), text.index("سيترأس") + len("سيترأس")
    (span,) = model_token_spans(tokens, [(start, end, "PER", 0.9)], load_gazetteer())
    assert span_text(tokens, span)[2] == ("محمد", "بن", "سلمان")


def test_the_new_suez_canal_and_a_new_airport_keep_their_adjective():
    named = by_surface(
        "يترقب العالم تدشين قناة السويس الجديدة غدا، وبدأ العمل في مطار جدة الجديد وفي قناة السويس."
    )
    assert named["قناة السويس الجديدة"] == ("LOC", "new_suez_canal")
    assert named["مطار جدة الجديد"][0] == "LOC" and named["قناة السويس"] == ("LOC", "suez_canal")


def test_one_rare_word_after_a_speech_verb_is_the_speaker():
    assert by_surface("وأكد بادماناتان أن المحطة جاهزة.")["بادماناتان"][0] == "PER"
    assert found("وأضاف معاليه أن المحطة جاهزة. ويقول محللون إن السوق هادئة.").empty


def test_a_lone_speaker_may_be_followed_by_where_he_spoke():
    named = by_surface("وقال بنيتز في مؤتمر صحفي إن الفريق جاهز. وقال عريقات لوكالة الأنباء إن الوفد وصل.")
    assert named["بنيتز"][0] == "PER" and named["عريقات"][0] == "PER"
    quiet = (
        "وقال مسؤول في الوزارة إن الطريق مغلق. وأضاف معاليه في كلمته أن العمل مستمر. "
        "وقال مازحا في بداية الاجتماع إنه سعيد. وأكد لنظرائه في المنطقة أن الدعم مستمر."
    )
    assert found(quiet).empty


def test_a_title_after_a_name_and_a_comma_is_an_apposition_not_a_given_name():
    named = by_surface(
        "وتحدثت اعترافات آدم كاراهان، مساعد ضراب، عن الشحنات. وحضر محمد، مساعد العتيبي، الاجتماع."
    )
    assert "مساعد ضراب" not in named and named["مساعد العتيبي"][0] == "PER"
    assert by_surface("وكان مستشار السفير بهولندا، مساعد المرواني، نيابة عنه.")["مساعد المرواني"][0] == "PER"


def test_a_preposition_and_a_feminine_noun_ends_a_name():
    named = by_surface(
        "وصلت الكرة إلى اللاعب فقابلها متعب بتسديدة غير متقنة. وقال باسلمة في تصريح إن العمل مستمر."
    )
    assert not any("بتسديدة" in surface for surface in named) and named["باسلمة"][0] == "PER"


def test_a_governorate_named_by_a_direction_is_one_place():
    named = by_surface("أعلنت السلطات حظر التجول بشمال سيناء وفي ولاية شمال كردفان.")
    assert named["شمال سيناء"] == ("LOC", "north_sinai") and named["ولاية شمال كردفان"][1] == "north_kordofan"


def test_al_jawf_is_yemens_in_an_article_about_yemen():
    yemen = by_surface("شنت المقاتلات غارات على مواقع الحوثيين في الجوف شمال اليمن، قرب مدينة الحزم.")
    assert yemen["الجوف"] == ("LOC", "al_jawf_ye")
    assert by_surface("افتتح أمير المنطقة مشروعا في سكاكا بالجوف.")["الجوف"][1] == "al_jawf_region"


def test_a_surname_that_reads_as_a_preposition_and_a_conjunction_is_a_surname():
    named = by_surface(
        "وصرح مدرب الفريق طوني بوليس إن ريكي لاعب جيد. وقال لوران بلان مدرب باريس سان جرمان إن الصفقة قريبة."
    )
    assert named["طوني بوليس"][0] == "PER" and named["لوران بلان"][0] == "PER"


def test_gods_name_ends_a_persons_name_only_in_a_compound():
    text = (
        "صرح المتحدث الأمني بوزارة الداخلية: بأن الجهات الأمنية المختصة تمكنت خلال الأسابيع القليلة "
        "الماضية بعد توفيق الله من الإطاحة بتنظيم مكون من خلايا عنقودية مرتبط بتنظيم داعش الإرهابي"
    )
    assert not any("توفيق" in surface for surface in by_surface(text, use_model=True))
    assert by_surface("قال حسن نصر الله إن الحزب مستعد.")["حسن نصر الله"][0] == "PER"


def test_a_facilitys_name_ends_before_the_title_of_the_next_person():
    named = by_surface("وصل إلى مطار الملك فهد الدولي المهندس يوسف بن خليفة الظاهري أمس.")
    assert named["مطار الملك فهد الدولي"][0] == "LOC" and named["يوسف بن خليفة الظاهري"][0] == "PER"


def test_a_place_after_a_broadcasters_head_is_the_broadcaster():
    named = by_surface("وقال تلفزيون قطر إن الأمير استقبل الوفد. وعبرت السفينة قناة بنما وقناة السويس.")
    assert named["تلفزيون قطر"][0] == "ORG" and "قطر" not in named
    assert named["قناة بنما"] == ("LOC", "panama_canal") and named["قناة السويس"] == ("LOC", "suez_canal")


def test_mali_is_the_country_after_a_preposition_or_a_place_word_not_the_adjective():
    named = by_surface("قتل خمسة في هجوم على فندق وسط مالي. ويعاني البلد من وضع مالي صعب.")
    assert list(named) == ["مالي"] and named["مالي"] == ("LOC", "mali")


def test_a_name_does_not_end_in_a_preposition_written_apart():
    named = by_surface("وأوضح عبد العزيز لـ«الشرق الأوسط» أن العمل مستمر. وقال دونالد لو، المسؤول، إن")
    assert "عبد العزيز لـ" not in named and named["دونالد لو"][0] == "PER"


def test_a_clubs_nationality_is_no_part_of_its_name():
    named = by_surface("وتعاقد النادي مع لاعب الصفاقسي التونسي بعد أن لعب للريان القطري.")
    assert named["الصفاقسي"] == ("ORG", "cs_sfaxien") and named["للريان"] == ("ORG", "al_rayyan_sc")
    other = by_surface("رفضت إدارة النصر مطالب نظيرتها في نادي النصر الإماراتي بتأجيل المباراة.")
    assert other["نادي النصر الإماراتي"][1] != "al_nassr"  # another club than the Saudi one


def test_a_word_repeated_after_a_given_name_is_no_surname_when_it_reads_as_a_preposition_and_a_word():
    text = (
        "وتنفيذ شارع بمحافظة الخرج بإجمالي تعويض وقدره 164 مليون ريال، وتوسعة الطريق المؤدي لمخطط "
        "الملك فهد بإجمالي تعويض وقدره 16 مليون ريال، وتنفيذ جسر بالطائف بإجمالي تعويض وقدره 18 مليون."
    )
    assert not any("إجمالي" in surface for surface in by_surface(text))


def test_a_name_between_an_and_his_saying_is_the_person_reported():
    named = by_surface("ونقل الموقع عن كلوو قوله: إن المشهد غير معتاد.")
    assert named["كلوو"][0] == "PER"
    assert found("ونقلت الصحيفة عن مصدر قوله إن الطريق مغلق.").empty


def test_a_club_named_like_a_word_once_is_the_club_through_a_sport_article():
    e = found(
        "يخوض نادي الوحدة مباراة ودية أمام فريق الإسماعيلي في الدوري، في إطار استعدادات الوحدة "
        "قبل الموسم. وسجل اللاعب هدفين في المباراة. وأشاد وزير الشباب بالمدرب.",
        title="الوحدة يختبر إعداده",
    )
    clubs = e[e.entity_id == "al_wehda_sa"]
    assert set(clubs.field) == {"title", "body"} and len(clubs) == 3
    assert "al_shabab_sa" not in set(e.entity_id)
    assert found("ناقش المجلس الوحدة الوطنية وتعزيز الوحدة بين الشعوب.").empty


def test_a_district_named_by_a_rare_word_is_a_place_and_a_directorate_an_organisation():
    e = by_surface("وسقطت القذائف في مديرية مكيراس بالبيضاء. وأعلنت مديرية الزراعة خطتها.")
    assert e["مديرية مكيراس"][0] == "LOC" and e["مديرية الزراعة"][0] == "ORG"


def test_the_gulf_alone_is_the_region():
    assert "gulf_region" in ids("وتسعى إيران للنيل من أمن دول الخليج والمنطقة.")


def test_a_chain_of_forebears_runs_on_into_the_family_name():
    e = found(
        "وقال وزير الشؤون الإسلامية الشيخ صالح بن عبدالعزيز بن محمد آل الشيخ إن الحملة ناجحة.", use_model=True
    )
    assert "صالح بن عبدالعزيز بن محمد آل الشيخ" in set(e.surface)


def test_a_place_after_a_given_name_is_the_family_name():
    e = by_surface("وقال فهد السويد إن المشروع اكتمل، وفرضت القوات طوقا على الرمادي.")
    assert e["فهد السويد"][0] == "PER" and e["الرمادي"] == ("LOC", "ramadi")


def test_a_kunya_after_a_conjunction_stays_in_the_name():
    e = found("والقياديان أبو حمزة الفرنسي وأبو قتادة التونسي في السجن.", use_model=True)
    assert "أبو قتادة" in set(e.surface)


def test_a_place_and_an_edition_number_name_a_conference():
    e = by_surface("وتحدث الوزير عن «جنيف 3». وبلغت نسبة الإشغال في منطقة عسير 90%، وفي جدة 3 مدارس.")
    assert e["جنيف 3"][0] == "MISC"
    assert e["منطقة عسير"][0] == "LOC" and e["جدة"][0] == "LOC"


def test_a_rare_one_word_name_the_article_gives_a_person_is_found_again():
    e = found("وأكد بادماناتان أن المحطة جاهزة. وتحدث بادماناتان في الحلقة الرابعة عن الطاقة.")
    assert list(e.loc[e.surface == "بادماناتان", "type"]) == ["PER", "PER"]
    assert e.entity_id.nunique() == 1


def test_a_one_word_name_typed_otherwise_elsewhere_in_the_article_is_not_spread():
    person = Mention("x", "body", 0, 6, "بوغاتي", "PER", ("بوغاتي",), "rule:title", "per:بوغاتي")
    brand = Mention(
        "x", "body", 20, 26, "بوغاتي", "MISC", ("بوغاتي",), "model", "misc:بوغاتي", confidence=0.99
    )
    assert _lone_names([person], {}) == {"بوغاتي": "per:بوغاتي"}
    assert _lone_names([person, brand], {}) == {}


def test_a_given_name_before_a_noun_with_their_pronoun_is_no_person():
    assert found("ويساوم بصلاحهم أو صلاح معتقدهم في كل مرة.").empty


def test_an_organisation_with_joined_complements_is_found_again_across_the_corpus():
    from helpers.entities.link import _learnable

    name = ("الهيئه", "السعوديه", "للمواصفات", "والمقاييس", "والجوده")
    assert _learnable(Mention("x", "body", 0, 40, "", "ORG", name, "rule:org_defined", "org:x"))
    thanks = ("شكره", "وتقديره")
    assert not _learnable(Mention("x", "body", 0, 12, "", "PER", thanks, "rule:title", "per:x"))


def test_a_short_name_is_written_with_its_own_hamza():
    assert not {"apple_inc", "ibb_ye"} & ids("وفي الثالث من آب/اغسطس الحالي عاد الرعاة مع إبل كثيرة.")
    assert {"apple_inc", "ibb_ye"} <= ids(
        "أطلقت شركة أبل ساعة أبل، وسيطرت المقاومة على مديريات في محافظة إب."
    )


def test_official_country_names_and_the_short_name_of_the_emergency_forces():
    assert {"morocco", "yemen"} <= ids("اتصل ملك المملكة المغربية بنائب رئيس الجمهورية اليمنية.")
    forces = "وتقدم قائد قوات الطوارئ الخاصة بالتعازي، وقال إن أفراد قوات الطوارئ صامدون."
    assert list(found(forces).entity_id).count("special_emergency_forces_sa") == 2
    assert "special_emergency_forces_sa" not in ids("وصلت قوات الطوارئ الدولية إلى الحدود.")


def test_the_labeller_and_a_rule_joined_by_a_patronymic_make_one_name():
    e = found("وأكد أمير منطقة نجران، جلوي بن عبدالعزيز بن مساعد، أن المشروع مهم.", use_model=True)
    assert "جلوي بن عبدالعزيز بن مساعد" in set(e.surface)


def test_a_given_name_and_family_name_end_before_a_conjunction_or_a_verb():
    surfaces = set(found("وبحسب الناطق الإعلامي الرائد بدر السحيباني فإن المتهمين استهدفوا المقر.").surface)
    assert "بدر السحيباني" in surfaces
    surfaces = set(found("وقال رئيسا المجموعتين حافظ الزكري وعبدالمحسن الدايل تحدثا عن المشروع.").surface)
    assert "عبدالمحسن الدايل" in surfaces
    assert "روبن فان بيرسي" in set(found("وسجل روبن فان بيرسي الهدف الثاني.").surface)


def test_a_word_between_a_proclitic_and_a_plural_pronoun_is_no_surname():
    assert found("لو اشتركوا في دم مؤمن لأكبهم الله في النار.").empty


def test_a_given_name_after_a_conjunction_keeps_its_first_letter():
    assert "كريم بنزيمة" in set(found("أعتقد أن جاريث بيل وكريم بنزيمة لاعبون كبار.").surface)


def test_the_presidency_as_an_office_is_no_organisation():
    assert found("وصدف أن توليت بالانتخاب رئاسة المنظمتين، ثم اجتمعت اللجنة برئاسة المرحوم.").empty
    assert "رئاسة الجمهورية" in set(found("وأعلنت رئاسة الجمهورية أن الرئيس سيزور عمان.").surface)


def test_the_labeller_does_not_cut_a_family_named_like_a_place():
    assert "فهد السويد" in set(found("وقال فهد السويد إن المشروع اكتمل.", use_model=True).surface)


def test_the_labeller_gives_way_to_a_club_the_sport_article_names():
    e = found(
        "فاز ليفربول على ستوك سيتي بهدف في الدوري الإنجليزي لكرة القدم. وقال جوردان هيندرسون قائد"
        " ليفربول: «حاولنا محو ذكريات هزيمة الموسم الماضي».",
        use_model=True,
    )
    assert list(e[e.surface == "ليفربول"].entity_id) == ["liverpool_fc", "liverpool_fc"]


def test_a_person_span_ends_before_a_preposition_and_a_body_is_no_person():
    e = by_surface(
        "وأدى الصلاة على الفقيد في جامع الملك خالد بأم الحمام، وقال محمد المعجل رئيس اللجنة السياحية إن.",
        use_model=True,
    )
    assert "خالد بأم الحمام" not in e
    assert e.get("اللجنة السياحية", ("ORG",))[0] == "ORG"


def test_a_preposition_and_a_definite_word_is_no_surname():
    surfaces = set(found("واتهم أبو مازن جون كيري بالتقصير فيما تعهد به. ويتهم كيري بالتقصير").surface)
    assert "كيري" in surfaces and not any("بالتقصير" in s for s in surfaces)
    assert "والتر بالمر" in set(found("طالبت زيمبابوي بتسليم الأمريكي والتر بالمر.").surface)


def test_foreign_given_names_start_a_name_but_surnames_stay_surnames():
    e = by_surface("وأجرى المدرب الأوروجوياني ألفارو غوتيريز حصة تدريبية، وقال بيب جوارديولا إن الفريق جاهز.")
    assert e["ألفارو غوتيريز"][0] == "PER" and e["بيب جوارديولا"][0] == "PER"
    terry = found("وقال القائد جون تيري إنه مرتاح. ويعتقد تيري أن الاعتزال ساعده.", use_model=True)
    assert list(terry.surface) == ["جون تيري", "تيري"] and terry.entity_id.nunique() == 1


def test_a_body_named_by_a_noun_referring_back_is_no_name():
    assert found("وناقش مجلس الكلية الخطة، وقال رئيس اللجنة المنظمة للمهرجان إن الإقبال كبير.").empty
    e = by_surface(
        "وبدأت اللجنة المحلية للانتخابات البلدية عملها، وقالت هيئة الإذاعة والتلفزيون إن البث مستمر."
    )
    assert {"اللجنة المحلية للانتخابات البلدية", "هيئة الإذاعة والتلفزيون"} <= set(e)


def test_a_state_body_belongs_to_the_country_its_title_chain_names():
    docs = {
        "a": ("", "وقال ولي العهد نائب رئيس مجلس الوزراء إن المملكة العربية السعودية ماضية في خططها."),
        "b": ("", "ووافق مجلس الوزراء على ميزانية المملكة العربية السعودية، وزار الوزير الكويت."),
        "c": ("", "ودعا محمد بن راشد نائب رئيس دولة الإمارات رئيس مجلس الوزراء إلى الابتكار."),
        "d": (
            "",
            "وغادر ولي العهد وزير الدفاع اليوم المملكة الأردنية بعد زيارة لها، ونقل تحيات رئيس مجلس الوزراء.",
        ),
    }
    e = found_in(docs)
    cabinet = e[e.surface == "مجلس الوزراء"].set_index("doc_id").entity_id
    assert cabinet["a"] == cabinet["b"] == cabinet["d"] == "org:مجلس_الوزراء"  # the home country's
    assert cabinet["c"] == "org:مجلس_الوزراء@united_arab_emirates"


def test_given_names_before_a_known_persons_surname_are_his_name():
    e = by_surface("أكد رئيس الوزراء اليمني خالد محفوظ بحاح أن الوضع تحسن.", use_model=True)
    assert e["خالد محفوظ بحاح"] == ("PER", "khaled_bahah")


def test_a_profession_at_the_start_of_a_labeller_span_is_left_out_and_makes_it_a_person():
    text = "واستطاعت الأغنية للمغني إيمينيم الوصول إلى المركز الأول"
    tokens = word_tokens(text)
    start = text.index("للمغني")
    spans = model_token_spans(tokens, [(start, start + len("للمغني إيمينيم"), "MISC", 0.9)])
    assert [(span_text(tokens, s)[2], s.type) for s in spans] == [(("ايمينيم",), "PER")]


def test_homographs_in_common_phrases_and_ordinary_words_are_no_names():
    assert found("كما تباينت درجة حماس الناس تجاه البرامج، وبقي التمويل العقبة الأكبر.").empty
    assert found("وتأكد ظهور سلالة جديدة من الفيروس في مزرعة.").empty
    profits = "بلغت الأرباح المجمعة للشركات مليار ريال، وعاد الوفد إلى المجمعة السبت."
    assert list(found(profits).surface) == ["المجمعة"]  # the town, not "aggregated"
    base = "تحولت القاعدة الجوية إلى منطلق، وهذه القاعدة واسعة، وقاتلت القوات تنظيم القاعدة في اليمن."
    assert list(found(base).surface) == ["تنظيم القاعدة", "اليمن"]
    assert {"hamas", "aqaba"} <= ids("وقالت حركة حماس إن الوفد وصل إلى العقبة أمس.")


def test_a_players_move_to_a_city_is_to_its_club():
    e = found(
        "وأكد وكيل اللاعب أنه يرغب في الانضمام إلى روما في الدوري الإيطالي لكرة القدم، وأن المدرب وافق"
        " على انتقال اللاعب إلى روما. وانتقل المدافع إلى إنجلترا حين كان طفلا، وحسب حاجة الفريق،"
        " بالاتفاق مع المدرب."
    )
    assert list(e[e.surface == "روما"].type) == ["ORG", "ORG"]
    assert e[e.surface == "إنجلترا"].type.tolist() == ["LOC"]


def test_a_district_or_camp_named_after_its_head_is_a_place_of_its_article():
    docs = {
        "a": (
            "",
            "شب حريق بحي الروضة بالرياض، واقتحمت القوات مخيم الجلزون، وأقيم العزاء في حي النخيل الغربي.",
        ),
        "b": (
            "",
            "سقطت قذيفة في حي الروضة بمدينة تعز، وهذه قصائد من وحي اللون، وبث حي للمباراة،"
            " ونزل اللاجئون مخيم اللاجئين.",
        ),
    }
    e = found_in(docs)
    places = e[e.type == "LOC"].groupby("doc_id").surface.apply(set)
    assert {"حي الروضة", "مخيم الجلزون", "حي النخيل الغربي"} <= places["a"]
    assert not {"حي اللون", "حي للمباراة", "مخيم اللاجئين"} & places["b"]
    rawdah = e[e.surface == "حي الروضة"].set_index("doc_id").entity_id
    assert rawdah["a"] != rawdah["b"]  # Riyadh's and Taiz's
    assert "خامسة" not in set(found("ترشح لفترة ولاية خامسة في رئاسة الاتحاد.").surface)


def test_a_feminine_adjective_in_alif_maqsura_keeps_a_place():
    assert "gulf_region" in ids("وبقية دول الخليج الأخرى تدعم القرار.")
    assert "riyadh" in ids("465 حالة انتحار في المملكة خلال عام، والرياض الأولى.")


def test_a_name_several_places_share_gets_the_place_after_it():
    docs = {
        "a": ("", "أعفى وزير الصحة مدير مستشفى الملك فهد بجدة من منصبه."),
        "b": ("", "تخرجت الدفعة الأولى من أطباء مستشفى الملك فهد بالباحة، وزار الوفد مستشفى الملك فهد."),
        "c": ("", "تواصل مكاتب وزارة العمل في منطقة حائل جولاتها، وقالت وزارة العمل بمنطقة الرياض إن."),
    }
    e = found_in(docs)
    hospital = e[e.surface == "مستشفى الملك فهد"].entity_id.tolist()
    assert hospital[0].endswith("@jeddah_sa") and hospital[1].endswith("@al_bahah_region")
    assert hospital[2] == hospital[1]  # no place said: the one its article names after it
    assert e[e.surface == "وزارة العمل"].entity_id.nunique() == 1  # a national ministry's offices


def test_a_place_named_like_the_articles_club_gives_way_to_the_club():
    e = found(
        "وجه رئيس نادي الخليج رسالة للأندية لانتقال حارس الفريق الأول لكرة القدم، لأن عقد اللاعب"
        " متبق فيه سنتان، والخليج بحاجة لخدمات الحارس في المرحلة المقبلة من الدوري."
    )
    assert e[e.surface.str.contains("الخليج")].entity_id.tolist() == ["al_khaleej_club", "al_khaleej_club"]


def test_a_given_name_after_the_family_particle_is_the_family_not_a_person():
    text = "وفقا لرؤية خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود - أيده الله - وفخامتكم."
    assert list(found(text).surface) == ["سلمان بن عبدالعزيز"]  # no person سعود
    e = found(text, use_model=True)
    assert list(e.surface) == ["سلمان بن عبدالعزيز آل سعود"] and list(e.entity_id) == ["king_salman"]


def test_a_settlement_head_names_the_rare_definite_word_after_it():
    named = by_surface(
        "اقتحمت القوات قرية المفتاحة ثم بلدة الفلاحي، وزار الأطفال مدينة الألعاب في بلدة القديمة."
    )
    assert named["المفتاحة"][0] == "LOC" and named["الفلاحي"][0] == "LOC"
    # a word in use names a kind of place, an adjective is no name, a number glued on is no name
    assert not {"الألعاب", "القديمة"} & set(named)
    assert "العلم160" not in by_surface("فروا باتجاه بلدة العلم160 كلم شمال بغداد.")


def test_clubs_in_a_list_after_a_club_or_after_their_plural_head():
    sport = " في الدوري السعودي لكرة القدم وسجل اللاعب هدفا في المباراة."
    assert {"al_qadsiah", "al_nahda_sa", "al_hazem", "al_wehda_sa"} <= ids(
        "ولعب المدافع لأندية القادسية والنهضة والحزم والوحدة" + sport
    )
    assert {"al_hilal", "al_nassr", "al_shabab_sa"} <= ids("فاز الهلال على النصر والشباب" + sport)
    # the Gulf's clubs: no list after the plural head
    assert "al_khaleej_club" not in ids("تأجيل بطولة أندية الخليج" + sport)


def test_a_matchs_two_sides_and_a_club_quoted_whole_in_a_sport_article():
    sport = " في الدوري السعودي لكرة القدم وسجل اللاعب هدفا في المباراة."
    assert {"al_hilal", "al_nassr"} <= ids("وتقام مباراة السوبر بين الهلال والنصر في لندن" + sport)
    assert {"al_hilal", "al_nassr"} <= ids("ونقلت مباراة النصر والهلال إلى لندن" + sport)
    assert "al_shabab_sa" in ids("وكتب المحرر أن «الشباب» أنهى استعداده" + sport)
    # the second is no club: youth and elders
    assert "al_shabab_sa" not in ids("وتجمع الرياضة بين الشباب والشيوخ" + sport)
    # any two clubs joined by و
    assert {"al_hilal", "al_nassr"} <= ids("ورغبت عدة أندية وفي مقدمتها الهلال والنصر في ضمه" + sport)


def test_a_body_named_by_a_common_phrase_with_its_place_after_it():
    named = by_surface(
        "وقال مدير مكتب العمل في الأحساء إن مكتب التربية والتعليم بصبيا ومركز التنمية الاجتماعية "
        "بمحافظة الخرج تعاونوا."
    )
    assert named["مكتب العمل"][0] == named["مكتب التربية والتعليم"][0] == "ORG"
    assert "مركز التنمية الاجتماعية" in named
    # an office or a desk alone, a person's office, a battlefield, schools in general, a verbal noun
    assert "مكتب العمل" not in by_surface("وعاد إلى مكتب العمل بعد الظهر.")
    assert not [s for s in by_surface("وجلس في مكتب الرئيس في القاهرة.") if s.startswith("مكتب")]
    assert "جبهة القتال" not in by_surface("وشهدت جبهة القتال في محافظة لحج معارك.")
    assert "مدارس البنين والبنات" not in by_surface("ودعا إلى اجتماع لجميع مدارس البنين والبنات في الحديدة.")
    assert "قيادة القطاع التجاري" not in by_surface("ويواصل دوره في قيادة القطاع التجاري في الأردن.")


def test_names_sharing_a_dual_or_plural_head_are_each_the_body():
    e = found("التقى ممثلو وزارتي الدفاع والداخلية، ومسؤولو وزارات المالية، والخدمة المدنية والعدل.")
    names = dict(zip(e.surface, e.entity_id, strict=True))
    assert {"الدفاع", "الداخلية", "المالية", "الخدمة المدنية", "العدل"} <= set(names)
    assert set(e.type) == {"ORG"}
    # each name is the ministry it names, as when written whole
    assert ids("وأعلنت وزارة العدل ووزارة الدفاع القرار.") == {names["العدل"], names["الدفاع"]}
    # a dual with three names: which و joins a ministry's own name is unclear
    assert (
        not found("وافقت وزارتي التجارة والصناعة والعمل على الخطة.").surface.isin(["التجارة", "العمل"]).any()
    )


def test_a_definite_word_after_a_patronymic_is_the_family_unless_it_takes_a_complement():
    named = by_surface(
        "وقال اللواء محمد بن رافع الشهري إن الحادث وقع، "
        "وقال المحامي سمير بن عمر المتخصص في الشؤون القانونية إن"
    )
    assert named["محمد بن رافع الشهري"][0] == "PER"
    assert "سمير بن عمر" in named and "سمير بن عمر المتخصص" not in named
    # a feminine adjective agrees with a noun before the name
    assert "محمد بن سلمان" in by_surface("وصلت زيارة الأمير محمد بن سلمان الرسمية إلى نهايتها.")


def test_leading_european_clubs_are_known_and_a_city_named_club_only_in_sport():
    sport = " في الدوري لكرة القدم وسجل اللاعب هدفا في المباراة."
    assert {"west_ham_united", "psv_eindhoven"} <= ids("تعادل وستهام يونايتد مع آيندهوفن" + sport)
    assert "as_roma" in ids("فاز روما على لاتسيو" + sport)
    assert ids("زار الرئيس روما وباريس في جولته الأوروبية.") == {"rome", "paris"}


def test_a_labeller_person_starts_at_ibn_after_a_word_that_is_no_given_name():
    text = "تستند إلى مقولات ابن تيمية وقال خالد ابن سلمان وهاني أبو أسعد"
    tokens = word_tokens(text)
    spans = model_token_spans(
        tokens,
        [
            (text.index("مقولات"), text.index(" وقال"), "PER", 0.9),
            (text.index("خالد"), text.index(" وهاني"), "PER", 0.9),
            (text.index("هاني"), len(text), "PER", 0.9),
        ],
    )
    surfaces = [text[slice(*span_text(tokens, s)[:2])] for s in spans]
    assert surfaces == ["ابن تيمية", "خالد ابن سلمان", "هاني أبو أسعد"]


def test_classical_scholars_are_known_persons():
    named = by_surface(
        "عن أبي هريرة رضي الله عنه أن النبي قال كذا، رواه البخاري، وقال شيخ الإسلام ابن تيمية."
    )
    assert named["البخاري"] == ("PER", "al_bukhari") and named["ابن تيمية"] == ("PER", "ibn_taymiyyah")
    assert named["أبي هريرة"] == ("PER", "abu_hurairah")


def test_leagues_cups_and_companies_named_after_their_founder():
    named = by_surface(
        "انطلق دوري عبد اللطيف جميل للمحترفين، وحصلت شركة عبد اللطيف جميل على العقد، "
        "وتأهل الهلال إلى نهائي كأس ولي العهد، وانتقل اللاعب إلى البوندسليغا.",
        use_model=True,
    )
    assert named["دوري عبد اللطيف جميل للمحترفين"] == ("MISC", "saudi_pro_league")
    assert named["شركة عبد اللطيف جميل"][0] == "ORG"
    assert named["كأس ولي العهد"][1] == "saudi_crown_prince_cup" and named["البوندسليغا"][1] == "bundesliga"
    founder = by_surface("وقالت مديرة الأعمال بشركة محمود صالح أبار إن", use_model=True)
    assert founder["شركة محمود صالح أبار"][0] == "ORG"


def test_a_rare_word_and_a_company_field_name_a_company():
    named = by_surface("ارتفعت أسهم وميدغلف للتأمين ووصلت رحلة نسما للطيران، وهي فرصة جيدة للاستثمار.")
    assert named["ميدغلف للتأمين"][0] == named["نسما للطيران"][0] == "ORG"
    assert not {"جيدة للاستثمار", "للاستثمار"} & set(named)
    # the end of a longer body's name stays in it; an accusative word in use is no name
    assert "المصدرة للبترول" not in by_surface("اجتمعت منظمة الدول المصدرة للبترول أمس.")
    assert "رائدا للتأمين" not in by_surface("أصبح رائدا للتأمين في المنطقة.")


def test_the_word_before_bin_is_the_given_name_even_when_it_is_a_title_too():
    assert "مساعد بن محمد العيبان" in by_surface("وأكد الدكتور مساعد بن محمد العيبان أن الخطة جاهزة.")
    assert "ابن عباس" not in by_surface("وروي عن ابن عباس رضي الله عنه")
    assert by_surface("التقى ولي العهد الأمير محمد بن نايف")["محمد بن نايف"][1] == "mohammed_bin_nayef"


def test_a_player_moving_to_a_country_named_club_and_bush_the_father():
    sport = " وسجل اللاعب هدفا في المباراة أمام الفريق في الدوري الفرنسي لكرة القدم ومدرب الفريق."
    assert by_surface("وانتقل فالكاو إلى موناكو على سبيل الإعارة." + sport)["موناكو"][1] == "as_monaco"
    assert by_surface("زار الوزير موناكو وفرنسا.")["موناكو"][1] == "monaco"
    assert "george_hw_bush" in ids("وحسم الرئيس الأميركي جورج بوش الأب الأمر.")


def test_listed_companies_short_names_in_a_stock_report():
    report = (
        "ارتفعت الأسهم في تداولات اليوم بقيادة سهم المتحدة للتأمين، وبروج للتأمين واليانزا، "
        "فيما تصدر سهم الصناعات الكهربائية قائمة الأسهم الأكثر انخفاضا، وتبعه البحري، وسابك واللجين."
    )
    found_ids = ids(report)
    assert {"united_insurance_sa", "buruj_insurance", "allianz_sf", "electrical_industries"} <= found_ids
    assert {"bahri", "sabic", "alujain"} <= found_ids
    # outside a stock report, or before a ل-complement, the words are words
    assert "bahri" not in ids("وتبعه البحري في الرحلة إلى جدة.")
    assert "al_alamiya_insurance" not in ids("وسجل سهم العالمية للصناعات الكيماوية تراجعا في تداولات الأسهم.")


def test_an_administrative_centre_named_with_its_governorate_is_a_place():
    named = by_surface("توفي في مركز عرجاء بمحافظة الدوادمي، وزار مركز الكدمي التابع لمحافظة صبيا.")
    assert named["مركز عرجاء"][0] == named["مركز الكدمي"][0] == "LOC"
    assert "مركز التدريب" not in by_surface("افتتح مركز التدريب التابع للمؤسسة.")


def test_an_accusative_without_tanween_is_no_surname():
    assert not found("ووجد بحثه الفريد اهتماما غير عادي.").type.eq("PER").any()
    assert "رضا محمد" in by_surface("وقال رضا محمد إن الخطة جاهزة.", use_model=True)


def test_an_unknown_word_is_the_surname_of_the_corpus_one_full_name_with_it():
    docs = {
        "a": ("", "وقال رئيس الوزراء اليوناني أليكسيس تسيبراس إن الاتفاق صعب."),
        "b": ("", "ويتبع تسيبراس مسارا سلكته حكومات سابقة، وقال المسؤولان إن الأمر يؤكدان عليه."),
        "c": ("", "وقال المدير محمد يؤكدان إن الأمر انتهى."),
    }
    e = found_in(docs)
    b = e[e.doc_id == "b"]
    full = e[(e.doc_id == "a") & (e.type == "PER")].entity_id.iloc[0]
    assert b[b.surface == "تسيبراس"].entity_id.tolist() == [full]
    assert "يؤكدان" not in set(b.surface)  # an inflected word the lists lack is no surname


def test_club_brugge_tutankhamun_and_incoming_liquidity():
    assert by_surface("ماتيو راين من فريق كلوب بروج البلجيكي")["كلوب بروج"][1] == "club_brugge"
    assert by_surface("كرسي العرش الخاص بالملك توت عنخ آمون")["توت عنخ آمون"] == ("PER", "tutankhamun")
    assert not ids("ومتوسط نسبة السيولة الداخلة مقابل الخارجة")


def test_a_party_is_named_by_the_definite_phrase_after_its_head():
    named = by_surface("وتحدث حزب النهضة الذي كان محظورا، وفاز حزب العدالة والتنمية في الانتخابات.")
    assert named["حزب النهضة"][0] == named["حزب العدالة والتنمية"][0] == "ORG"


def test_places_sharing_a_dual_or_plural_head():
    named = by_surface("إلى جانب أنشطة بلدات الفضول والمنيزلة والساباط والمزاوي، وكذلك البرامج.")
    assert {"الفضول", "المنيزلة", "الساباط", "المزاوي"} <= {k for k, v in named.items() if v[0] == "LOC"}
    both = by_surface("لوقوعه على المداخل الشمالية لمحافظتي “لحج” و”عدن”، كما قيل.")
    assert both["لحج"][0] == both["عدن"][0] == "LOC"
    assert not ids("في قرى المنطقة ومدن المملكة")
    listed = by_surface("وقال عدد من سكان أحياء السامر، الأجواد، المنار، وبلديات البيداء، العقيق.")
    assert {"السامر", "الأجواد", "المنار", "البيداء", "العقيق"} <= {
        k for k, v in listed.items() if v[0] == "LOC"
    }


def test_musaed_is_a_given_name_but_not_before_his_office_and_persian_letters_fold():
    assert "مساعد الزويهري" in by_surface("بفضل العمل المنظم من قبل الرئيس مساعد الزويهري الذي لم يتوقف.")
    assert not found("وقال مساعد وزير الخارجية إن الأمر انتهى.").type.eq("PER").any()
    assert by_surface("وقال إن الحل الوحید للأزمة فی سوریا سياسي.")["سوریا"][1] == "syria"


def test_fao_or_the_iraqi_town_and_the_universal_postal_union():
    assert by_surface("وارتفع مؤشر الفاو لأسعار الغذاء في يوليو")["الفاو"] == ("ORG", "fao")
    assert by_surface("سيطرت القوات العراقية على الفاو جنوب البصرة")["الفاو"] == ("LOC", "al_faw_iq")
    assert "upu" in ids("وافق المجلس على قرارات مؤتمر الاتحاد البريدي العالمي.")


def test_a_name_particle_alone_is_no_person():
    tokens = word_tokens("ضمان كرامة كل عبد وحقوقه")
    assert not _model_ok(tokens, Span(3, 4, "PER", "model", score=0.95))


def test_manchester_city_by_its_short_name_in_sport_and_more_saudi_bodies():
    sport = " وسجل اللاعب هدفا في المباراة أمام الفريق في الدوري الإنجليزي لكرة القدم ومدرب الفريق."
    assert by_surface("وقال مدرب سيتي إن الفريق عزز صفوفه." + sport)["سيتي"][1] == "manchester_city"
    assert "سيتي" not in by_surface("زار الوفد مدينة سيتي في الولايات المتحدة.")
    assert "saudi_customs" in ids("وأعلنت مصلحة الجمارك العامة ضبط شحنة.")


def test_waw_and_jeddah_is_jeddah_and_pronoun_words_are_no_company():
    assert by_surface("في مدن الرياض وجدة والدمام")["جدة"][1] == "jeddah_sa"
    assert not found("وتملكهم للعقارات في السوق").type.eq("ORG").any()


def test_by_way_of_is_no_road_and_a_jury_is_no_body():
    named = by_surface("ونقلوا البضائع إلى العراق عن طريق الأردن، وأصدرت هيئة المحلفين حكمها.")
    assert named["الأردن"] == ("LOC", "jordan") and "طريق الأردن" not in named
    assert "هيئة المحلفين" not in named
    tokens = word_tokens("فضلا عن أن صفحة ابن هلال الأسد")
    start = tokens.text.index("ابن")
    spans = model_token_spans(tokens, [(start, len(tokens.text), "PER", 0.9)])
    assert [tokens.text[slice(*span_text(tokens, s)[:2])] for s in spans] == ["هلال الأسد"]


def test_a_uae_emirate_is_a_place_and_allah_starts_no_name():
    assert by_surface("تسعى إمارة دبي إلى زيادة مساحاتها الخضراء")["إمارة دبي"] == ("LOC", "dubai")
    assert by_surface("وقال مدير إمارة منطقة الرياض إن")["إمارة منطقة الرياض"][0] == "ORG"
    tokens = word_tokens("رحم الله فيملأون الدنيا")
    start = tokens.text.index("الله")
    assert not model_token_spans(tokens, [(start, start + len("الله فيملأون"), "MISC", 0.9)])


def test_a_common_word_is_a_surname_before_an_apposition():
    named = set(found("وقال هاني عمارة، محلل اقتصادي أول في الشركة، إن السداد سيتم.", use_model=True).surface)
    assert "هاني عمارة" in named and "هاني" not in named
    # without the apposition the word is the sentence's: the name ends before it
    assert "هاني عمارة" not in set(found("وقال هاني عمارة المبنى ستكتمل قريبا.", use_model=True).surface)


def test_a_body_named_by_words_joined_by_and_takes_its_nationality_but_not_the_next_body():
    named = set(found("وصرف المبلغ على نفقة وزارة الثقافة والسياحة اليمنية، وذكر المصدر ذلك.").surface)
    assert "وزارة الثقافة والسياحة اليمنية" in named
    named = set(found("وبعد اتصالات قامت بها وزارة الخارجية المصرية والسفارة المصرية في الخرطوم.").surface)
    assert "وزارة الخارجية المصرية" in named
    named = set(found("هذا ما أكده وكيل وزارة الزراعة والمتحدث الرسمي باسمها.").surface)
    assert "وزارة الزراعة" in named


def test_a_name_the_article_gives_a_person_is_that_person_where_it_stands_as_a_place_or_source():
    named = by_surface("وكان صالح عبدالعزيز المسيب قد ترقى. وقد أعرب المسيب بهذه المناسبة عن شكره.")
    assert named["المسيب"] == ("PER", named["صالح عبدالعزيز المسيب"][1])
    named = by_surface('وزار أمير عسير رئيس الغرفة عبدالله المبطي. وبحث مع "المبطي" جهود الغرفة.')
    assert named["المبطي"] == ("PER", named["عبدالله المبطي"][1])
    # without the person the place stays
    assert by_surface("وقد زار الوفد المسيب بهذه المناسبة.")["المسيب"][0] == "LOC"


def test_leading_or_driving_is_no_body_before_an_indefinite_word():
    assert found("ضبط المرور سائقا بدون رخصة قيادة خصوصي.").empty
    assert found("منّ الله عليهم بقيادة حكيمة تطبق الشرع.").empty
    led = found("واستهل المنتخب البرازيلي بقيادة دونغا مشاركته.")
    assert not [r for r in led.itertuples() if r.type == "ORG" and "قيادة" in r.surface]


def test_a_body_head_before_a_common_noun_is_no_name_unless_the_labeller_says_so():
    # a word written with the article more often than without is a common noun (المقاولات)
    assert "ORG" not in set(found("اندلع حريق في شركة مقاولات داخل مجمع دوائر حكومية.").type)
    assert "ORG" not in set(found("خدموا الوطن بأمانة وإخلاص طوال حياتهم.").type)  # و + إخلاص
    assert "ORG" not in set(found("يربطهم تنظيم عنقودي له ارتباطات خارجية.").type)
    assert "ORG" not in set(found("تعتبر أنقرة الحزب منظمة إرهابية محظورة.").type)
    # a rare word after the head is a name; a charity is often named by a common noun
    assert by_surface("وأعلنت شركة أجاد عن أرباحها.")["شركة أجاد"][0] == "ORG"
    assert by_surface("ووقعت جمعية مودة اتفاقية تعاون.")["جمعية مودة"][0] == "ORG"


def test_a_city_after_a_clubs_person_or_in_a_list_of_clubs_is_the_club():
    sport = " وسجل اللاعب هدفا في المباراة أمام الفريق في الدوري الإيطالي لكرة القدم ومدرب الفريق."
    assert by_surface("ورد مدرب ميلانو على الانتقادات." + sport)["ميلانو"][0] == "ORG"
    named = by_surface("وأعاره النادي ليوفنتوس ثم ميلان قبل التخلي عنه." + sport)
    assert named["ميلان"] == ("ORG", "ac_milan")
    # after a preposition of place, or outside sport, the city stays
    assert by_surface("وأقام الفريق معسكره في ميلانو." + sport)["ميلانو"][0] == "LOC"
    assert by_surface("وزار الوفد شركة أرامكو ثم ميلانو.")["ميلانو"][0] == "LOC"


def test_a_foreign_town_after_a_given_name_is_a_family_name():
    assert by_surface("وشارك في الملتقى الناشرة سارة مورينو.")["سارة مورينو"][0] == "PER"
    # not a capital, nor a town's name in common use
    assert by_surface("وأقام الفريق معسكره في مورينو.")["مورينو"][0] == "LOC"


def labelled(text: str, *names: str, score: float = 0.9) -> list[tuple[str, int]]:
    """The labeller's person spans over `names` (their first place in `text`) as the stage reads
    them (`model_token_spans`): (words, proclitic length)."""
    tokens = word_tokens(text)
    chars = [(text.index(n), text.index(n) + len(n), "PER", score) for n in names]
    return [(" ".join(tokens.raw[s.first : s.last]), s.clitic) for s in model_token_spans(tokens, chars)]


def test_a_persons_name_ends_before_a_frequent_preposition_written_with_bi_or_li():
    text = "ستستمع اللجنة إلى الرئيس عباس بشأن تطورات القضية ومع بدر بن سعود"
    assert labelled(text, "عباس بشأن", "بدر بن سعود") == [("عباس", 0), ("بدر بن سعود", 0)]


def test_a_labellers_body_of_a_head_and_a_common_noun_is_no_name():
    tokens = word_tokens("تعتبر أنقرة الحزب منظمة إرهابية محظورة وتدعم جمعية مودة")
    assert not _model_ok(tokens, Span(3, 5, "ORG", "model", score=0.9))
    assert _model_ok(tokens, Span(7, 9, "ORG", "model", score=0.9))


def test_an_unknown_verb_in_another_person_is_no_surname():
    assert unknown_imperfect_verb("تعايد")  # يعايد "greets" is in the word list
    assert not unknown_imperfect_verb("تامر") and not unknown_imperfect_verb("تسيبراس")
    assert not _corpus_surname_word("تعايد") and _corpus_surname_word("تسيبراس")
    assert labelled("المؤسسة تعايد منسوبيها وقال المدير فهد تعايد", "فهد تعايد") == [("فهد", 0)]


def test_a_body_named_after_a_person_in_its_complement_takes_the_whole_name():
    assert "المؤسسة العامة لجسر الملك فهد" in by_surface("المؤسسة العامة لجسر الملك فهد تعايد منسوبيها")


def test_a_common_word_the_gazetteer_knows_only_after_a_proclitic_is_no_place():
    banks = word_tokens("سطو على خمسة بنوك في مقاطعة أورانج")  # بنوك "banks", not ب + نوك (Nuuk)
    assert not _model_ok(banks, Span(3, 4, "LOC", "model", score=0.93))
    britain = word_tokens("زار الوزير بريطانيا أمس")
    assert _model_ok(britain, Span(2, 3, "LOC", "model", score=0.93))


def test_a_name_after_a_place_head_stays_a_place_whatever_the_labeller_types():
    tokens = word_tokens("صاعقة ضربت منطقة جبلية في ولاية غواناخواتو بوسط المكسيك")
    place = Span(6, 7, "LOC", "rule", rule="place_head")
    merged, _ = merge_model(tokens, [place], [], [Span(6, 7, "PER", "model", score=0.97)])
    assert [(s.first, s.type) for s in merged] == [(6, "LOC")]


def test_a_name_stops_before_a_dash_written_as_tatweel_and_before_a_plural_verb():
    assert word_tokens("سعود ـ تغمده").raw == ["سعود", "تغمده"]  # the tatweel is no word
    text = "من سيرة الأمير سعود ـ تغمده الله بواسع الرحمات ـ نبراسا له."
    assert "سعود" in by_surface(text, use_model=True)  # not سعود ـ
    assert "PER" not in set(found("وهناك أعداد كبيرة من الملاك في جبل عمر تضرروا وظلموا.").type)
    assert plural_past_verb("تضرروا") and not plural_past_verb("مروا") and not plural_past_verb("سعود")


def test_a_given_name_does_not_run_on_into_a_past_verb_nor_follow_lam():
    assert "PER" not in set(found("توفيت الفنانة عن عمر ناهز 75 عاما في المستشفى.").type)
    # a verb of forms VII to X, whose imperfect drops its alef (استغنى: يستغني)
    assert past_verb("استغني") and not past_verb("استراليا")
    assert "كريستيان جروس" in by_surface("بعد أن لعب للمدرب كريستيان جروس استغنى عن خدماته.")
    assert "PER" not in set(found("وفي سفره للعلاج لم ينس ذلك، فأمر أبناءه بالعطاء.").type)  # not Jens
    docs = {"a": ("", "وأضاف المدرب نيأس إن الفريق جاهز."), "b": ("", "ورغم ذلك لم نيأس أو نحبط.")}
    assert "b" not in set(found_in(docs, use_model=True).doc_id)  # a name learned elsewhere: a verb here
    assert past_verb("ناهز") and past_verb("شارك")
    assert not past_verb("عادل") and not past_verb("خالد")  # العادل; no يخالد


def test_a_given_name_after_wa_that_is_also_a_particle_joins_the_labellers_person():
    text = "وضم المنتخب تركي المالكي ومعاذ الغامدي وعلي عواجي"
    assert labelled(text, "الغامدي", "علي عواجي", score=0.94) == [("ومعاذ الغامدي", 1), ("وعلي عواجي", 1)]


def test_a_state_body_named_with_a_foreign_country_is_that_countrys_throughout_the_article():
    text = (
        "أعلنت وزارة الداخلية المصرية القبض على المتهمين. وقال بيان صادر عن وزارة الداخلية إن التحقيق مستمر."
    )
    named = found_in({"eg": ("", text), "sa": ("", "وأعلنت وزارة الداخلية ضبط مخالفين في الرياض.")})
    egypt = named[named.doc_id == "eg"].set_index("surface")["entity_id"]
    assert egypt["وزارة الداخلية"] == egypt["وزارة الداخلية المصرية"]
    assert named[named.doc_id == "sa"]["entity_id"].iloc[0] != egypt["وزارة الداخلية"]


def test_the_central_bank_is_a_body_every_state_has_and_a_development_bank_is_one_bank():
    assert state_body(tuple(fold_token(w) for w in ("البنك", "المركزي")))
    assert not state_body(tuple(fold_token(w) for w in ("البنك", "الأفريقي", "للتنمية")))


def test_a_state_body_of_a_foreign_country_is_the_gazetteers_body_named_with_its_adjective():
    named = found_in(
        {
            "us": (
                "",
                "وصوت أعضاء مجلس الشيوخ في واشنطن على القرار، وقال الرئيس الأمريكي باراك أوباما إنه سيوقع.",
            ),
            "sa": ("", "وأعلنت وزارة الصحة في الرياض وجدة والدمام ومكة عن حالات جديدة."),
            "sb": ("", "وزار أمير منطقة الرياض محافظة الخرج."),
        }
    )
    assert named[named.surface == "مجلس الشيوخ"]["entity_id"].tolist() == ["us_senate"]


def test_a_common_phrase_quoted_once_is_not_looked_for_elsewhere():
    named = found_in(
        {
            "a": (
                "",
                "وأعلنت هيئة «الطيران المدني» استئناف الرحلات. وأكدت شركة «نماء المنورة» نتائجها. "
                "وانتقد تحالف «الأمر الواقع» بين البلدين.",
            ),
            "b": (
                "",
                "وهي أكبر كارثة في تاريخ الطيران المدني. وقالت نماء المنورة إن أرباحها ارتفعت. "
                "ووضع كفيله أمام الأمر الواقع.",
            ),
        }
    )
    other = set(named[named.doc_id == "b"].surface)
    assert "نماء المنورة" in other and not {"الطيران المدني", "الأمر الواقع"} & other
    assert common_phrase(("الطيران", "المدني")) and common_phrase(("هبوط", "اضطراري"))
    assert common_phrase(("الامر", "الواقع"))  # an active participle in use
    assert not common_phrase(("نماء", "المنوره")) and not common_phrase(("سفراء", "الحزم"))


def test_a_verb_or_plural_that_folds_like_a_place_is_no_place():
    assert "yanbu" not in ids("خطر هذه التصريحات ينبع من عدة عوامل.")  # "stems from"
    assert "yanbu" in ids("وسيلبي المطار متطلبات مدينة ينبع من الحركة الجوية.")
    assert "marib" not in ids("وله فيها مآرب أخرى.")  # "aims", not مأرب
    assert "marib" in ids("وسيطرت المقاومة على مأرب.")


def test_a_bodys_name_stops_before_a_deputys_portfolio_and_bodies_in_general():
    named = by_surface("وأكد وكيل وزارة الشؤون الإسلامية للتخطيط والتطوير أن البرنامج ناجح.")
    assert "وزارة الشؤون الإسلامية" in named
    assert "إمارة منطقة مكة المكرمة" in by_surface("وقال وكيل إمارة منطقة مكة المكرمة للشؤون الأمنية إن.")
    assert "وزارة الإسكان للدراسات والبحوث" in by_surface("وأعلنت وزارة الإسكان للدراسات والبحوث ذلك.")
    assert "وزارة الداخلية" in by_surface("وينتظرون تدخل وزارة الداخلية والجهات المختصة لكشف الأمر.")


def test_a_name_stops_before_a_verb_in_the_present():
    assert present_verb("ينضم") and present_verb("يقود")
    assert not present_verb("يونغ")  # Young: تونغ is rarer
    text = "جون ستيوارت يختتم 16 عامًا من النقد الساخر. وانتقل اشلي يونغ إلى الفريق."
    surfaces = set(found(text, use_model=True).surface)
    assert "جون ستيوارت" in surfaces and "اشلي يونغ" in surfaces


def test_given_names_found_on_real_news_start_a_name():
    surfaces = set(
        found("وتؤكد الأخصائية الاجتماعية أميرة الزهراني أهمية المشاركة، وقال مطلق العتيبي إن.").surface
    )
    assert {"أميرة الزهراني", "مطلق العتيبي"} <= surfaces


def test_a_persons_name_does_not_go_on_with_wa_and_a_definite_word():
    assert labelled("تجاوز اللاعب إيوانيس والمنضم حديثا لصفوف الفريق", "إيوانيس والمنضم", score=0.75) == [
        ("إيوانيس", 0)
    ]
    surfaces = set(found("وشارك في التشكيلة عبدالله دوش والطميحي وحسن كادش.", use_model=True).surface)
    assert "عبدالله دوش" in surfaces


def test_a_city_or_province_head_before_a_common_word_names_no_place():
    surfaces = set(found("وافتتحت مدينة ملاهي جديدة. وأصبحت لحج ثالث محافظة محررة.").surface)
    assert not {"ملاهي", "محررة"} & surfaces
    assert "حاكمة" in set(
        found("وزيادة الآبار في قرية حاكمة بالمحافظة.").surface
    )  # a village's name may be a word


def test_the_olympiad_is_the_science_olympiad_or_the_special_olympics_where_the_article_says_so():
    science = "وحقق الطلاب ميداليات في الأولمبياد للرياضيات والفيزياء والكيمياء."
    assert "science_olympiads" in ids(science) and "olympic_games" not in ids(science)
    special = "شارك منتخب ذوي الإعاقة الذهنية في الأولمبياد العالمي."
    assert "special_olympics" in ids(special)
    assert "olympic_games" in ids("تنطلق منافسات الأولمبياد في ريو دي جانيرو العام المقبل.")


def test_a_foreign_name_after_a_head_does_not_start_or_go_on_with_li_and_the_article():
    assert "ORG" not in set(found("وافتتح مركز للاحتياطيين في المدينة.").type)
    surfaces = set(found("واطلع الوزير على مواقع مدارس قيزان للبنين والبنات.").surface)
    assert "مدارس قيزان" in surfaces


def test_a_given_name_written_as_the_name_after_wa_starts_a_name():
    surfaces = set(found("وشارك في اللقاء سعود الراجح وعلي العيثان وعبدالكريم العبدالوهاب.").surface)
    assert "علي العيثان" in surfaces


def test_a_committee_faculty_or_deanship_with_a_definite_complement_is_a_body():
    e = by_surface(
        "وقررت لجنة الانضباط إيقاف اللاعب، وأعلنت عمادة القبول والتسجيل النتائج، وتحدث عميد كلية الطب."
    )
    assert {"لجنة الانضباط", "عمادة القبول والتسجيل", "كلية الطب"} <= set(e)
    assert all(e[s][0] == "ORG" for s in ("لجنة الانضباط", "عمادة القبول والتسجيل", "كلية الطب"))


def test_a_sub_unit_is_the_one_of_the_body_named_after_it_or_the_articles_own():
    docs = {
        "a": ("", "وأعلنت كلية الطب بجامعة الملك سعود القبول، وقالت كلية الطب إن العدد كبير."),
        "b": ("", "وتحدث عميد كلية الطب بجامعة الملك سعود عن الخطة."),
        "c": ("", "وتحدث عميد كلية الطب عن خطة الجامعة."),
        "d": ("", "وزار الوفد كلية الطب في جامعة أم القرى."),
    }
    e = found_in(docs)
    faculty = e[e.surface == "كلية الطب"].groupby("doc_id").entity_id.agg(set)
    assert faculty["a"] == faculty["b"]  # one university's faculty, in two articles
    assert len(faculty["a"]) == 1  # named with its university once, the same faculty after
    assert faculty["c"].isdisjoint(faculty["a"]) and faculty["d"].isdisjoint(faculty["a"] | faculty["c"])


def test_a_name_with_an_article_own_id_found_again_elsewhere_is_that_articles_own():
    docs = {
        "a": ("", "وقال عميد كلية الطب إن القبول بدأ."),
        "b": ("", "وقال عميد كلية الطب بجامعة الملك سعود إن القبول بدأ."),
        "c": ("", "زار الوفد كلية الطب."),
    }
    e = found_in(docs)
    by_doc = e[e.surface.str.contains("كلية الطب")].groupby("doc_id").entity_id.first()
    assert len(set(by_doc)) == len(by_doc) == 3


def test_a_surname_after_a_word_for_family_is_the_family_not_its_person():
    e = found("أصيب سعد دوابشة في الهجوم، ودانت الفصائل جريمة إحراق عائلة دوابشة، وعزى الأمير أسرة دوابشة.")
    people = e[e.type == "PER"]
    assert list(people.surface) == ["سعد دوابشة"]


def test_a_nationality_before_its_noun_is_no_name_however_spelled():
    e = found(
        "وضمت القائمة: 12 - محمد بلال حسين محمد - بنجلاديشي الجنسية، و13 - أحمد يوسف - سوداني الأصل.",
        use_model=True,
    )
    assert not any("بنجلاديشي" in s or "سوداني" in s for s in e.surface)
    assert "محمد بلال حسين محمد" in set(e.surface)


def test_a_title_that_is_a_given_name_after_a_full_name_is_the_title():
    e = found("وقال أحمد الصافي مساعد السيستاني في خطبة الجمعة إن الإصلاح ضروري.")
    assert not any(s.startswith("مساعد") for s in e.surface)


def test_a_players_position_or_the_fans_before_a_club_name_say_club():
    text = (
        "قبل انطلاق الدوري، أكد مدرب الفريق أن المباراة المقبلة صعبة، وأن حارس النصر جاهز بعد الإصابة، "
        "وأن جمهور الاتفاق حضر التدريب."
    )
    e = by_surface(text)
    assert e["النصر"] == ("ORG", "al_nassr") and e["الاتفاق"] == ("ORG", "al_ettifaq")


def test_ali_after_a_title_is_the_name_before_a_less_common_definite_word():
    e = found("وقال المتحدث باسم الوزارة السفير علي الصادق، في تصريح صحفي أمس، إن اتخاذ قرار", use_model=True)
    assert "علي الصادق" in set(e.surface)
    assert found("وشدد الوزير علي الدور الكبير للشباب في التنمية.", use_model=True).empty


def test_a_number_after_a_place_is_no_edition_when_a_score_or_quantity_follows():
    e = by_surface(
        "وبعد فوز ليستر سيتي على سندرلاند 4/ 2، بلغت نسبة الإشغال بمنطقة عسير 90 %، "
        "وانطلق مؤتمر جنيف 2 الذي عقد."
    )
    assert "سندرلاند 4" not in e and not any(s.startswith("منطقة عسير 9") for s in e)
    assert e["جنيف 2"][0] == "MISC"
    # a weather report's readings, not editions; «جنيف 1» ومفاوضات «جنيف 2» are two conferences
    weather = by_surface("وسجلت درجات الحرارة العظمى: مكة المكرمة 44، المدينة المنورة 40، جدة 36، الرياض 45.")
    assert weather["المدينة المنورة"] == ("LOC", "madinah_sa") and weather["جدة"] == ("LOC", "jeddah_sa")
    assert {"جنيف 1", "جنيف 2"} <= set(by_surface("وتتناسى بيان «جنيف 1» ومفاوضات «جنيف 2» التي عقدت."))


def test_a_common_noun_head_before_a_place_alone_is_no_body():
    e = by_surface(
        "شهد الربع الثالث تجاوزا كبيرا في حركة الرياض، بينما قاتلت حركة تركستان الشرقية الإسلامية."
    )
    assert e["الرياض"][0] == "LOC" and "حركة الرياض" not in e
    assert e["حركة تركستان الشرقية الإسلامية"][0] == "ORG"


def test_a_body_named_by_its_head_and_a_name_takes_its_complement():
    e = by_surface(
        "وقدمت جمعية زمزم للخدمات الصحية التطوعية خدماتها، وسعت جمعية البر للمشاركة في الحملة، "
        "وكرمت شركة سمينز للعام 2014 الطلاب."
    )
    assert e["جمعية زمزم للخدمات الصحية التطوعية"][0] == "ORG"
    assert not any("للمشاركة" in s or "للعام" in s for s in e)


def test_a_weak_alias_quoted_after_a_body_head_is_the_body():
    assert by_surface("وقال إن تنظيم «القاعدة» ينشط في المنطقة.")["القاعدة"] == ("ORG", "al_qaeda")
    assert "al_qaeda" not in ids("وقال إن القاعدة تنص على ذلك.")  # "the rule"


def test_a_state_body_known_only_as_a_weak_alias_is_kept_unlinked_to_one_state():
    alone = by_surface("وأعلن حرس الحدود القبض على متسللين في منطقة جازان.")
    assert alone["حرس الحدود"][0] == "ORG" and alone["حرس الحدود"][1] != "saudi_border_guard"
    beside = by_surface("وقالت المديرية العامة لحرس الحدود إن حرس الحدود أحبط محاولة تهريب.")
    assert beside["حرس الحدود"] == ("ORG", "saudi_border_guard")


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("وأقيمت الصلاة في جامع عمر بن عبدالعزيز بالحي.", "جامع عمر بن عبدالعزيز"),
        ("وتقع حديقة الملك فهد المركزية في وسط المدينة.", "حديقة الملك فهد المركزية"),
        ("وأقيم الحفل في قاعة الملك عبدالعزيز التاريخية بالجامعة.", "قاعة الملك عبدالعزيز التاريخية"),
    ],
)
def test_a_place_named_after_a_person_is_the_place(sentence, place):
    named = by_surface(sentence)
    assert named[place][0] == "LOC"
    assert not any(etype == "PER" for etype, _ in named.values())


def test_a_persons_name_ends_before_and_with_the_article():
    named = by_surface(
        "وشارك وطلال الشمالي والبرازيلي روبينهو والبورتريكي هيكتور راموس. "
        "وبدأ الشوط الثاني بسيطرة قدساوية كاملة.",
        use_model=True,
    )
    assert "روبينهو" in named
    assert not any("والبورتريكي" in surface for surface in named)
    assert "والتر زينغا" in by_surface("وقال المدرب والتر زينغا إن الفريق جاهز.")


def test_a_club_named_with_its_head_is_the_club_at_its_bare_name_outside_sport():
    named = found(
        "غرد مساعد الزويهري مبديا سعادته برئاسة النادي الأهلي، مشيرا إلى أن رئاسة الأهلي فخر واعتزاز، "
        "والأهلي أولا هو الشعار المرفوع. رسميا مساعد الزويهري رئيسا للأهلي"
    )
    ahli = named[named.entity_id == "al_ahli_sa"]
    assert list(ahli.surface) == ["النادي الأهلي", "الأهلي", "الأهلي", "للأهلي"]
    assert not (named.surface.str.contains("رئاسة") | named.surface.str.contains("فخر")).any()


def test_gulf_and_womens_given_names_start_a_name():
    assert "زكية العتيبي" in by_surface("ثم كلمة ولية الأمر زكية العتيبي التي صاحبتها ورشة عمل.")
    assert "جديع القحطاني" in by_surface("وقال المتحدث باسم الانتخابات المهندس جديع القحطاني إن التسجيل بدأ.")


def test_industrial_and_economic_cities_are_places_of_their_own():
    named = by_surface("ويعمل في ينبع الصناعية منذ عامين.")
    assert named["ينبع الصناعية"] == ("LOC", "yanbu_industrial_city")


def test_the_labellers_body_does_not_take_an_adjective_after_a_known_body():
    named = by_surface(
        "وطالبت بالإفراج عن المختطفين بدون تأخير. "
        "واختطفت جماعة الحوثيين المتمردة منذ اجتياحها العاصمة صنعاء.",
        use_model=True,
    )
    assert named["الحوثيين"] == ("ORG", "houthis")
    assert "الحوثيين المتمردة" not in named


def test_the_eurozone_is_a_place():
    assert by_surface("وارتفعت البطالة في منطقة اليورو.")["منطقة اليورو"] == ("LOC", "eurozone")


def test_saudi_bodies_whose_names_join_two_nouns_are_known_whole():
    named = by_surface("وأعلنت وزارة الاتصالات وتقنية المعلومات إطلاق الخدمة.")
    assert named["وزارة الاتصالات وتقنية المعلومات"] == ("ORG", "mcit_sa")


@pytest.mark.parametrize(
    "sentence, event",
    [
        ("وقال ذلك قبل كأس الخليج الماضية بالرياض بأقل من شهر.", "كأس الخليج"),
        ("ويشارك الفريق في كأس الأبطال الدولية الودية في أستراليا.", "كأس الأبطال الدولية"),
    ],
)
def test_an_events_name_ends_before_a_word_of_time_or_a_description(sentence, event):
    assert by_surface(sentence)[event][0] == "MISC"


def test_a_one_word_name_the_article_gives_a_person_again_and_again_is_the_person_throughout():
    def reem(start: int, word: str = "ريم") -> Mention:
        return Mention(
            "x", "body", start, start + 3, word, "PER", (word,), "model", f"per:{word}@x", confidence=0.8
        )

    assert _lone_names([reem(0), reem(10), reem(20)], {}) == {"ريم": "per:ريم@x"}
    assert _lone_names([reem(0), reem(10)], {}) == {}  # twice, by a labeller not sure of it
    assert _lone_names([reem(0, "امل"), reem(10, "امل"), reem(20, "امل")], {}) == {}  # أمل "hope"


def test_a_verbal_noun_after_a_name_is_no_surname():
    named = by_surface("وفي عام 1956 قرر الرئيس جمال عبدالناصر تأميم القناة.")
    assert "جمال عبدالناصر" in named and not any("تأميم" in surface for surface in named)
    assert not _corpus_surname_word("تشريف")  # "honouring", not a Russian -ev
    assert "كارلوس تيفيز" in by_surface("وسجل كارلوس تيفيز هدفا.")


def test_a_bodys_rare_one_word_name_quoted_after_its_head_is_found_again():
    from helpers.entities.link import _learnable

    def quoted(word: str) -> Mention:
        return Mention("x", "body", 0, 6, word, "ORG", (word,), "rule:quoted_org", f"org:{word}")

    assert _learnable(quoted("داماك"))  # شركة «داماك»
    assert not _learnable(quoted("الطعون"))  # لجنة «الطعون»: "appeals", a word in use


def test_a_name_after_a_title_and_before_a_nationality_is_no_person():
    def titled(text: str) -> set[str]:
        tokens = word_tokens(text)
        spans = find_rule_spans(tokens, [None] * len(tokens))
        return {" ".join(tokens.raw[s.first : s.last]) for s in spans if s.rule == "title"}

    assert titled("خسر فريق الهلال من نظيره أودينيزي الإيطالي بهدف نظيف.") == set()
    assert titled("وقال نظيره لافروف إن الاتفاق قريب.") == {"لافروف"}
    assert titled("التقى الوزير نظيره الروسي سيرغي لافروف.") == {"سيرغي لافروف"}


def test_a_clubs_head_or_nationality_is_no_part_of_its_identity():
    e = found_in(
        {
            "a": ("", "فاز نادي أتالانتا على ضيفه في المباراة الودية."),
            "c": ("", "وقال المدير الفني لفريق ميلان إن الفريق جاهز."),
        }
    )
    assert set(e[e.surface.str.contains("ميلان")]["entity_id"]) == {"ac_milan"}
    atalanta = e[e.surface.str.contains("أتالانتا")]
    assert set(atalanta["entity_id"]) == {"org:اتالانتا"}
    gaz = load_gazetteer()
    assert _club_core(("لومونت", "السويسري"), gaz) == ("لومونت",)
    assert _club_core(("الجيش", "اللبناني"), gaz) is None  # a state's body, named by its country
    assert _club_core(("نادي", "الطيران", "السعودي"), gaz) is None


def test_a_body_named_by_a_construct_noun_and_a_place_is_the_body():
    named = by_surface(
        "دعا مجلس علماء باكستان إلى الهدوء، وقال رئيس لحزب نداء تونس إن غرفة تجارة جدة شاركت "
        "في معرض مشجعي نادي بايرن ميونيخ، ولا نية لبيعه لأي نادي داخل مصر."
    )
    assert named["مجلس علماء باكستان"][0] == "ORG"
    assert named["حزب نداء تونس"][0] == "ORG"  # the proclitic ل stays outside
    assert named["غرفة تجارة جدة"][0] == "ORG"
    assert named["بايرن ميونيخ"] == ("ORG", "bayern_munich")  # a known name after the head
    assert named["مصر"] == ("LOC", "egypt")  # داخل "inside": no construct noun


def test_a_short_name_between_the_persons_of_a_list_is_a_person():
    tokens = word_tokens(
        "وفي الشوط الثاني ادخل المدرب عبد الله الاسطا والفهد وسلطان الدعيع وحسن معاذ واحمد عطيف "
        "وعبد الملك الخيبري وخير الله وعبد المجيد الصليهم."
    )
    found = [Span(5, 8, "PER", "model")]  # عبد الله الاسطا، وسلطان الدعيع ... وعبد المجيد الصليهم
    found += [Span(a, b, "PER", "model", 1) for a, b in ((9, 11), (11, 13), (13, 15), (15, 18), (20, 23))]
    added = [s for s in persons_listed_between(tokens, found) if s.rule == "listed_person"]
    assert [span_text(tokens, s)[2] for s in added] == [("الفهد",), ("خير", "الله")]
    # two persons around the gap are no list of persons (التقى محمد والوفد وأحمد)
    assert persons_listed_between(tokens, found[:2]) == found[:2]


def test_the_african_union_in_football_is_caf_and_an_islamic_state_founded_is_no_isis():
    football = "وقال الاتحاد الأفريقي إن المنتخب سيلعب المباراة في بطولة كأس الأمم لكرة القدم."
    assert "caf" in ids(football) and "african_union" not in ids(football)
    assert "african_union" in ids("عقدت قمة الاتحاد الأفريقي في أديس أبابا.")
    assert "isis" not in ids("كان هدفه إقامة الدولة الإسلامية في مصر عام 1974.")
    assert "isis" in ids("أعلنت الدولة الإسلامية مسؤوليتها عن الهجوم.")


def test_a_persons_family_name_that_is_also_a_place_is_the_person_unless_the_context_says_place():
    e = found(
        "وقال ليولوكا أورلاندو رئيس بلدية باليرمو إن المدينة ترحب بالمهاجرين. ودعا أورلاندو "
        "الزعماء الاوروبيين لعمل المزيد. وسافر الوفد إلى أورلاندو الأمريكية.",
        use_model=True,
    )
    orlando = e[e.surface == "أورلاندو"].sort_values("start")
    assert list(orlando["type"]) == ["PER", "LOC"]


def test_a_nationality_after_an_arabic_given_name_is_the_family_name():
    named = by_surface(
        "وقال الدكتور عبدالله التركي إن المؤتمر ناجح، وبدأ المدرب خليل المصري التمرين.", use_model=True
    )
    assert named["عبدالله التركي"][0] == "PER"
    assert named["خليل المصري"][0] == "PER"
    assert "جيرارد بيكيه" in by_surface("بعد تغلبه على الإسباني جيرارد بيكيه في المباراة.", use_model=True)


def test_the_dot_of_an_abbreviated_title_joins_it_to_the_name():
    e = found("وقال د. عبدالله التركي إن المؤتمر ناجح. وأكد د. التركي أن الحضور كبير.", use_model=True)
    assert list(e["surface"]) == ["عبدالله التركي", "التركي"]
    assert e["entity_id"].nunique() == 1


def test_a_region_named_as_a_city_after_madina_is_the_city():
    named = ids("نفذ الحكم بمدينة جازان في منطقة جازان، وزار الوفد مدينة الباحة.")
    assert {"jazan_city", "jazan_region", "al_bahah_city"} <= named


def test_a_facility_named_by_a_kunya_is_the_place():
    named = by_surface("زار الأمير قصر أبا السعود التاريخي، وصلى في مسجد أبي بكر الصديق.", use_model=True)
    assert named["قصر أبا السعود التاريخي"][0] == "LOC"
    assert named["مسجد أبي بكر الصديق"][0] == "LOC"
    assert by_surface("وقال أبو بكر البغدادي إن التنظيم باق.", use_model=True)["أبو بكر البغدادي"][0] == "PER"


def test_an_acronym_the_labeller_finds_in_part_is_whole():
    named = by_surface(
        "أعلنت شركة إي إم سي المتخصصة في تقنية المعلومات، ونقل تلفزيون «إن بي سي» الخبر.", use_model=True
    )
    assert named["إي إم سي"][0] == "ORG"
    assert named["إن بي سي"][0] == "ORG"
    assert not {"سي", "بي سي", "إم سي"} & set(named)


def test_a_word_with_a_pronoun_is_no_place_after_the_proclitic_like():
    assert "sabha_ly" not in ids("وهي المباراة التي كسبها الفريق بهدفين.")
    assert "sabha_ly" in ids("ووصل الوفد إلى سبها الليبية.")
    assert "abha" in ids("وقع التفجير بمسجد قوات الطوارئ بأبها.")


def test_a_rare_name_with_a_masculine_nationality_after_a_match_word_is_a_club():
    named = by_surface("خسر الهلال أمام فولسبورغ الألماني، وتعادل الأهلي مع نظيره نيوشاتل السويسري.")
    assert named["فولسبورغ"] == ("ORG", "org:فولسبورغ")
    assert named["نيوشاتل"][0] == "ORG"
    # in a sport article, an unknown word needs no match word, a list's و stays outside, and the
    # club is the club at its other mentions (a speech verb's "person")
    sport = found(
        "تلقى فريق كاشيما الياباني ضربة قوية قبل مباراة الهلال في دوري أبطال آسيا لكرة القدم، بعد "
        "إصابة مهاجم الفريق في التدريب. ولعب المدافع لأندية رد ستار الصربي وأريمس القبرصي. وأعلن "
        "كاشيما أن اللاعب يغيب عن الملعب."
    )
    assert set(sport[sport.surface == "كاشيما"]["type"]) == {"ORG"}
    assert len(sport[sport.surface == "كاشيما"]) == 2
    assert set(sport[sport.surface == "أريمس"]["type"]) == {"ORG"}
    # a person's nationality before the name; an inflected word is no club's name
    persons = found("قال المدرب الإيطالي أنشيلوتي إن حارسه الإسباني جاهز للمباراة أمام الهلال في الدوري.")
    assert "ORG" not in set(persons[persons.surface != "الهلال"]["type"])


def test_a_states_institution_with_its_adjective_is_one_organisation():
    named = by_surface(
        "وقال الجيش اللبناني إن الحكومة اليمنية طلبت دعم المنتخب السعودي، وأكدت وزيرة الخارجية الأمريكية "
        "ثبات السياسة الخارجية الأمريكية، وقال وزير الخارجية البريطاني إن جهاز الأمن والمخابرات السوداني "
        "أفرج عنهما."
    )
    assert named["الجيش اللبناني"] == ("ORG", "org:الجيش_اللبناني")
    assert named["الحكومة اليمنية"][0] == "ORG"
    assert named["المنتخب السعودي"][0] == "ORG"  # the country's own adjective too
    assert (
        by_surface("وذكرت وكالة الأنباء الأرجنتينية أن الاتفاق وقع.")["وكالة الأنباء الأرجنتينية"][0] == "ORG"
    )
    assert not [s for s in by_surface("خدم وطنه وزيراً للخارجية السعودية أربعين عاما.") if "الخارجية" in s]
    # the minister (the adjective agrees with him), an adjective of a noun, another noun's adjective
    assert not {"الخارجية الأمريكية", "الخارجية البريطاني", "المخابرات السوداني"} & set(named)
    # a state's forces and administration, one id whichever spelling of the adjective
    forces = by_surface(
        "وقالت الإدارة الأمريكية إن القوات المسلحة المصرية وقوات الأمن العراقية تقدمت، وأيدت الإدارة "
        "الأميركية ذلك."
    )
    assert forces["القوات المسلحة المصرية"][0] == forces["قوات الأمن العراقية"][0] == "ORG"
    assert forces["الإدارة الأمريكية"] == forces["الإدارة الأميركية"]
    assert forces["الإدارة الأمريكية"][0] == "ORG"
    # the administration as a field of study is part of the faculty's name
    assert "كلية الاقتصاد والإدارة" in by_surface("وتخرج في كلية الاقتصاد والإدارة بجدة.")


def test_a_club_after_a_move_and_the_proclitic_l_is_the_club():
    named = by_surface(
        "وكان اللاعب قد انضم لليفربول قادما من ساوثهامبتون في الصيف، وسجل أهدافا في الدوري الإنجليزي "
        "لكرة القدم."
    )
    assert named["ليفربول"] == ("ORG", "liverpool_fc")
    # a renewal or a signing is a move too (جدد للخليج: the club, not the Gulf)
    renewed = found("وجدد المدافع عقده بعد المباراة، إذ جدد للخليج موسمين في الدوري.")
    assert set(renewed.entity_id) == {"al_khaleej_club"}


def test_a_predicate_after_a_name_is_no_part_of_it():
    named = by_surface("وأكد أن أسلوب ميليشيات المخلوع علي صالح مكشوف لدى الأجهزة الأمنية.")
    assert "علي صالح" in named and "علي صالح مكشوف" not in named  # "exposed", after two given names
    divided = by_surface(
        "ومن غير المعلوم إن كان الاتفاق سيصمد، وقادة طالبان منقسمون بين المفاوضات واستكمال القتال.",
        use_model=True,
    )
    assert divided["طالبان"][0] == "ORG"  # "divided": a plural participle


def test_a_masculine_adjective_after_a_title_and_a_place_describes_the_title():
    assert by_surface("وقال حاكم لويزيانا الجمهوري بوبي جندال إن")["لويزيانا"] == ("LOC", "louisiana_us")
    assert by_surface("وتقدم التنظيم في ريف حمص الشرقي أمس.")["حمص"] == ("LOC", "homs")
    assert "الرباط" not in by_surface("وأصيب اللاعب بتمزق في الرباط الداخلي للركبة.")


def test_a_state_body_in_an_article_about_foreign_countries_is_no_home_body():
    docs = {
        "lb": ("", "اجتمع مجلس الوزراء أمس، وناقش أزمة النفايات في بيروت ولبنان."),
        "sa": ("", "ووافق مجلس الوزراء على ميزانية المملكة في جلسته بالرياض."),
        "two": ("", "ناقش مجلس الوزراء العلاقات مع لبنان وسوريا."),
        "us": ("", "وصوت مجلس الشيوخ على الاتفاق مع إيران، وقال السيناتور الأمريكي إن إيران لن تلتزم."),
        "home": ("", "وأكد مجلس الوزراء أن لبنان والمملكة شريكان، وزار الوفد بيروت."),
        "town": ("", "وأقر مجلس الوزراء مشروعا في القنفذة، وزار الوفد بيروت ولبنان."),
        "ven": (
            "",
            "وقالت وزارة الطاقة في فنزويلا إن الإنتاج ارتفع، وفقا لبيانات هيئة السوق المالية في فنزويلا، "
            "وزادت المملكة إنتاجها.",
        ),
        "cma": ("", "وأعلنت هيئة السوق المالية إدراج الشركة في السوق السعودية."),
        **{f"sa{k}": ("", "وأشاد مجلس الوزراء بجهود المملكة العربية السعودية.") for k in range(2, 8)},
        "prince": ("", "وبعث ولي العهد النائب الثاني لرئيس مجلس الوزراء برقية إلى تونس، وزار الوفد تونس."),
    }
    e = found_in(docs)
    cabinet = e[e.surface == "مجلس الوزراء"].set_index("doc_id").entity_id
    assert cabinet["lb"] == "org:مجلس_الوزراء@lebanon"
    # the home country's cabinet, where the home country or one of its towns is named too, and after
    # a deputy's title chain that names no country (the home country's princes)
    assert cabinet["sa"] == cabinet["home"] == cabinet["town"] == cabinet["prince"] == "org:مجلس_الوزراء"
    # foreign countries only, none the article's main one (a nationality adjective counts): the
    # article's own body, merged with no state's
    assert cabinet["two"] == "org:مجلس_الوزراء@two"
    senate = e[e.surface == "مجلس الشيوخ"].set_index("doc_id").entity_id
    assert senate["us"] == "org:مجلس_الشيوخ@us"
    # a foreign country's place right after the body names its state, whatever else the article says,
    # even for a body the gazetteer knows as the home state's
    assert e[e.surface == "وزارة الطاقة"].entity_id.tolist() == ["org:وزاره_الطاقه@venezuela"]
    assert e[e.surface == "هيئة السوق المالية"].set_index("doc_id").entity_id.to_dict() == {
        "ven": "org:هيئه_السوق_الماليه@venezuela",
        "cma": "cma_sa",
    }


def test_a_state_body_is_the_foreign_countrys_where_it_leads_the_article_and_the_sentence_says_no_home():
    egypt = (
        "افتتحت مصر قناة السويس الجديدة في الإسماعيلية أمس. وقال رئيس هيئة القناة إن "
        "القاهرة تنتظر الكثير. وتخطط وزارة السياحة لحملة كبيرة. وأكد مسؤولون في مصر أن الاقتصاد المصري "
        "سينمو. وقالت وزارة الخارجية إن وفد المملكة وصل إلى مصر."
    )
    docs = {
        "eg": ("", egypt),
        **{f"sa{k}": ("", f"وافتتحت وزارة الصحة مستشفى في {t}.") for k, t in enumerate(TOWNS)},
    }
    ids = found_in(docs).query("doc_id == 'eg' and type == 'ORG'").set_index("surface").entity_id
    assert ids["وزارة السياحة"] == "org:وزاره_السياحه@egypt"
    # the home country's ministry where its own sentence names the home country
    assert ids["وزارة الخارجية"] == "org:وزاره_الخارجيه"


def test_a_country_after_a_match_word_in_a_sports_article_is_its_national_team():
    e = found(
        "تغلب المنتخب البرازيلي على تشيلي بهدفين في المباراة الودية لكرة القدم أمس، وسجل المهاجم نيمار "
        "الهدف الأول. وسافر الفريق إلى تشيلي للمشاركة في البطولة. وتشهد الجولة مواجهة المغرب والبحرين. "
        "وانتقل اللاعب إلى السعودية، وغاب لاعب لخويا بطل دوري نجوم قطر عن التدريبات."
    )
    kinds = list(zip(e.surface, e.type, strict=True))
    assert kinds.count(("تشيلي", "ORG")) == 1 and ("تشيلي", "LOC") in kinds  # the team; the country
    assert ("المغرب", "ORG") in kinds and ("البحرين", "ORG") in kinds  # a list after a match word
    # a player's move is to the country's league, and a league's name holds its country
    assert ("السعودية", "ORG") not in kinds and ("قطر", "ORG") not in kinds


def test_a_verb_after_a_head_is_no_word_of_the_name():
    named = by_surface(
        "وقام الوزير بزيارة لمحافظة فيفاء يرافقه مدير التعليم، وكل مدينة تتحرر نقوم بحصر الضرر فيها، "
        "وبعد صلاة الظهر جماعة ينصرف كثيرون."
    )
    assert [s for s in named if "فيفاء" in s] and not [s for s in named if "يرافقه" in s]
    assert not [s for s in named if "تتحرر" in s or "ينصرف" in s]
    # a verb in the future or a participle's plural after و; not a name in س (سنابل)
    named = by_surface(
        "وأن يد الإرهاب التي طالت أكثر من موقع ستقطع بتكاتف الجهود، وشاركت منظمة أوكسفام وممثلون عن "
        "الأمم المتحدة، وشركة سنابل للاستثمار."
    )
    assert not [s for s in named if "ستقطع" in s] and "منظمة أوكسفام" in named
    assert "شركة سنابل للاستثمار" in named


def test_a_body_named_by_a_definite_head_after_a_proclitic():
    named = by_surface(
        "وأبرز التقرير السنوي للمؤسسة العامة للتقاعد نتائجه، وقال المتحدث الرسمي للإدارة العامة لهيئة "
        "الهلال الأحمر إن الفرق وصلت."
    )
    assert named["للمؤسسة العامة للتقاعد"][0] == "ORG"  # لل kept, as the stage keeps it
    assert named["للإدارة العامة لهيئة الهلال الأحمر"][0] == "ORG"


def test_a_title_goes_on_through_retired_to_the_name():
    named = by_surface(
        "وبين اللواء متقاعد نافل الشلوي من منسوبي الحرس الوطني أن الإرهاب مدحور.", use_model=True
    )
    assert named["نافل الشلوي"][0] == "PER" and "متقاعد نافل" not in named


def test_a_company_named_after_its_family_is_the_company():
    named = by_surface(
        "وأعلنت شركة الجميح القابضة عن نتائجها، واستولت على شركة الكاتيل لوسينت، ووقعت اتفاقا مع شركة "
        "الكهرباء."
    )
    assert named["شركة الجميح القابضة"][0] == named["شركة الكاتيل لوسينت"][0] == "ORG"
    assert "شركة الكهرباء" not in named  # a common word after the head: the labeller decides


def test_a_verb_after_a_particle_a_word_like_and_a_fixed_epithet():
    named = by_surface(
        "وقد أغرى اللاعب النادي بعرضه، وسيتطاير المتورطون كالجراد، وافتتح مركز تحفيظ القرآن الكريم "
        "في جيلجيت بالتيستان."
    )
    assert "أغرى" not in named and "كالجراد" not in named  # "has tempted", "like locusts"
    # "a Quran memorisation centre": a kind of centre, no name (the labeller decides)
    assert "مركز تحفيظ القرآن الكريم" not in named and "بالتيستان" in named


def test_a_body_many_places_have_is_the_one_of_the_place_its_article_names():
    docs = {
        "riyadh": ("", "وأعلنت الإدارة العامة للتعليم بمنطقة الرياض بدء التسجيل."),
        "hail": ("", "وأعلنت الإدارة العامة للتعليم بمنطقة حائل بدء التسجيل."),
        "none": ("", "وأعلنت الإدارة العامة للتعليم بدء التسجيل في المدارس."),
        "jeddah": ("", "وافتتح مستشفى الملك فهد بجدة قسما جديدا، وقال مدير مستشفى الملك فهد إن العمل بدأ."),
        "hofuf": ("", "وزار الوفد مستشفى الملك فهد بالهفوف أمس."),
    }
    e = found_in(docs)
    education = e[e.surface == "الإدارة العامة للتعليم"].set_index("doc_id").entity_id
    assert education["riyadh"].endswith("@riyadh_region") and education["hail"].endswith("@hail_region")
    assert education["none"].endswith("@none")  # a department of no place the article names: its own
    hospital = e[(e.doc_id == "jeddah") & (e.surface == "مستشفى الملك فهد")].entity_id
    assert len(hospital) == 2 and hospital.nunique() == 1 and hospital.iloc[0].endswith("@jeddah_sa")


#: Two articles about the home country, which make Saudi Arabia a test corpus's home country.
HOME_ARTICLES = {
    "home": ("", "وافق مجلس الوزراء السعودي في الرياض على المشروع، وقالت السعودية إن المملكة ماضية."),
    "home2": ("", "زار وفد من السعودية مدينة جدة والرياض، وأشاد بما حققته المملكة العربية السعودية."),
}


def test_a_road_named_after_a_king_in_several_towns_is_each_towns_whatever_its_spelling():
    e = found_in(
        {
            "decree": (
                "",
                "نزع ملكية عقارات لصالح طريق الملك عبد الله ببريدة، ولصالح طريق الملك عبدالله وشارع "
                "الصباغ، وطريق الملك عبدالله بمحافظة المذنب.",
            ),
            "riyadh": ("", "افتتح طريق الملك عبدالله في الرياض أمس."),
        }
    )
    road = e[e.surface.str.startswith("طريق الملك عبد")].entity_id.tolist()
    assert road[0].endswith("@buraidah") and road[2].endswith("@al_mithnab")  # a weak name after محافظة
    assert road[1] == "loc:طريق_الملك_عبدالله@decree"  # two towns in its article, none said after it
    assert road[3].endswith("@riyadh")


def test_a_competition_named_without_its_sport_is_the_one_sport_its_article_names():
    e = found_in(
        {
            "swim": (
                "",
                "حقق السباح ذهبية السباحة في كأس العالم، وهي ثاني ميدالية له في منافسات السباحة.",
            ),
            "foot": ("", "تأهل المنتخب إلى كأس العالم بعد فوزه في المباراة، وسجل المهاجم هدفين."),
            "drill": (
                "",
                "لعب الفريق كرة الطائرة بالقدم في التدريب استعدادا لمباراة كأس العالم.",
            ),
            "youth": ("", "وصلت بعثة المنتخب السعودي للشباب إلى مدينة فالنسيا."),
        }
    )
    cup = e[e.surface == "كأس العالم"].set_index("doc_id").entity_id
    assert cup["swim"] == "misc:كاس_العالم@السباحة"
    assert cup["foot"] == cup["drill"] == "misc:كاس_العالم"  # a sport named once in passing: football's
    assert e[e.doc_id == "youth"].entity_id.tolist()[0] == "org:المنتخب_السعودي@youth"


def test_a_party_named_by_common_words_is_the_party_of_its_articles_country():
    e = found_in(
        {
            "br": (
                "",
                "تواجه رئيسة البرازيل روسيف احتجاجات في البرازيل، ويقول محللون إن حزب العمال الحاكم في خطر.",
            ),
            "uk": (
                "",
                "دعت زعيمة حزب العمال في بريطانيا الحكومة البريطانية إلى التحرك، وقال وزير بريطاني إن "
                "لندن تدرس الأمر.",
            ),
            **HOME_ARTICLES,
        }
    )
    labour = e[e.surface == "حزب العمال"].set_index("doc_id").entity_id
    assert labour["br"] == "org:حزب_العمال@brazil" and labour["uk"] == "org:حزب_العمال@united_kingdom"


def test_after_an_arabic_given_name_and_a_word_goes_on_a_list_not_a_surname():
    named = by_surface(
        "وكان الراحل فهد وأحفاده في الرياض، ونطالب بقضاء عادل وناجز، وقال الشاعر زاهي وهبي إن "
        "الأمسية نجحت، والتقى الوزير إسماعيل ولد الشيخ أحمد، وقال جاك وارنر إن الاتحاد فاسد.",
        use_model=True,
    )
    assert not [s for s in named if s.startswith(("فهد و", "عادل و"))]
    assert {"زاهي وهبي", "إسماعيل ولد الشيخ أحمد", "جاك وارنر"} <= set(named)


def test_a_state_body_is_the_state_of_the_official_its_title_or_article_names():
    e = found_in(
        {
            "lb": (
                "",
                "قبل الموعد الذي حدده تمام سلام لانعقاد مجلس الوزراء نشطت المساعي. وقال ميشال عون إن "
                "الحكومة اللبنانية عاجزة في بيروت. وتمسك تمام سلام بموقفه بعد لقاء في الطائف.",
            ),
            "eg": ("", "ويشهد الاحتفال إبراهيم محلب، رئيس مجلس الوزراء، وولي العهد السعودي في المملكة."),
            **HOME_ARTICLES,
        }
    )
    cabinet = e[e.surface == "مجلس الوزراء"].set_index("doc_id").entity_id
    assert cabinet["lb"] == "org:مجلس_الوزراء@lebanon"  # its officials name Lebanon, الطائف the home country
    assert cabinet["eg"] == "org:مجلس_الوزراء@egypt"  # the official whose title it ends


def test_a_hospital_named_in_quotes_or_after_a_doctor_is_a_place():
    named = by_surface(
        'توفي في مستشفى "سوروكا" في بئر السبع، وتعلن مستشفى الدكتور عبد الرحمن المشاري عن وظائف.'
    )
    assert named["سوروكا"][0] == "LOC"
    assert named["مستشفى الدكتور عبد الرحمن المشاري"][0] == "LOC" and "عبد الرحمن المشاري" not in named


def test_a_known_persons_given_names_alone_are_that_person():
    e = found("واستقبل فرانك فالتر شتاينماير نظيره. وقال فرانك فالتر إن الاتفاق مهم.")
    assert set(e.entity_id) == {"frank_walter_steinmeier"}
    e = found("واستقبل عبد الله بن زايد نظيره. وقال عبد الله إن الاتفاق مهم.")
    assert "abdullah_bin_zayed" not in set(e[e.surface == "عبد الله"].entity_id)  # any Abdullah


def test_a_quoted_day_word_glossing_a_day_is_no_newspaper_and_phrases_are_no_places():
    assert "al_yaum" not in ids("وعدت بإرسال عربات اليوم «أمس» أو غدًا «اليوم» إلى الجيش.")
    assert "al_yaum" in ids("وقالت «اليوم» في عددها الصادر أمس إن المشروع تأخر.")
    assert "damad" not in ids("عرفنا طريقة التعاطي مع ضمد جراحنا.")
    assert "genoa_it" not in ids("ما بال هؤلاء الخوارج؟ وماذا جنوا على المسلمين وديارهم؟")


def test_a_federation_named_by_its_sport_takes_its_nationality_and_a_quoted_place_its_body():
    e = found(
        "وقال اتحاد الكرة المصري إن المباراة تقام، وتلقى اتحاد القدم السعودي التماسا، وأعلن تنظيم "
        "«بيت المقدس» مسؤوليته."
    )
    named = dict(zip(e.surface, e.entity_id, strict=True))
    assert named["اتحاد الكرة المصري"] == "org:اتحاد_الكره_المصري" and named["اتحاد القدم السعودي"] == "saff"
    assert named["بيت المقدس"] == "org:بيت_المقدس"


def test_a_kunya_is_no_mention_of_the_article_person_with_that_family_name():
    e = found(
        "ذكره كتاب «الخبر والعيان» لخالد الفرج وهو مذكور باسم آخر. وكتاب «الديارات» لكل من أبي الفرج "
        "الأصفهاني والشمشاطي.",
        use_model=True,
    )
    assert "per:خالد_الفرج" not in set(e[e.surface.str.contains("أبي")].entity_id)


def test_each_science_olympiad_is_its_own_and_a_corniche_is_a_place_of_its_own():
    assert ids("فاز الطالب بميدالية في الأولمبياد الدولي للكيمياء.") == {"international_chemistry_olympiad"}
    assert ids("وشارك الفريق في الأولمبياد الدولي للرياضيات.") == {"international_mathematical_olympiad"}
    named = by_surface("يمر القطار على كورنيش جدة الشمالي، وزار الوفد كورنيش الدمام.")
    assert named["كورنيش جدة الشمالي"][0] == named["كورنيش الدمام"][0] == "LOC"


def test_a_city_a_goal_is_for_is_its_club_and_a_country_met_later_its_team():
    e = found(
        "أحرز البديل هدف التعادل لفولفسبورج في اللحظات الأخيرة من المباراة قبل أن يسجل ركلة "
        "الترجيح، وسيلتقي الفائز مع تونس في الدور الثاني من تصفيات المنتخبات."
    )
    typed = dict(zip(e.surface, e.type, strict=True))
    assert typed["فولفسبورج"] == typed["تونس"] == "ORG"


def test_a_club_named_like_a_word_is_the_club_after_a_signing_or_its_ranks():
    e = found(
        "تناولت الصحف خبر تعاقد الاتحاد مع اللاعب الغاني، وكان المدافع قد انتقل إلى صفوف التعاون "
        "قبل المباراة الودية مع النادي."
    )
    assert {"al_ittihad_sa", "al_taawoun"} <= set(e.entity_id)


def test_womens_given_names_start_a_name_before_a_family_name():
    named = by_surface("وألقت آمال باهذيلة كلمة الأمهات، وأكدت الجوهرة القحطاني أن الورشة نجحت.")
    assert {"آمال باهذيلة", "الجوهرة القحطاني"} <= set(named)
    assert "رحمه" not in " ".join(found("وقال الأمير سعود رحمه الله إن الدولة قامت.").surface)


def test_korea_alone_is_south_korea():
    assert ids("وقال إن 2006 هي سنة أفريقيا بالنسبة لكوريا.") == {"africa", "south_korea"}


def test_an_acronym_after_a_speech_verb_is_an_organisation():
    named = by_surface("وفي نفس الوقت تقول EPFR إن صناديق السندات شهدت تدفقا.")
    assert named["EPFR"][0] == "ORG"


def test_a_labellers_unsure_one_word_name_is_no_mention():
    # the labeller reads لسان "tongue" as a person at 0.75
    e = found("وحسب الناطق بلسان مستشفى سوروكا في بئر السبع، فإنه لم يعد في خطر.", use_model=True)
    assert "لسان" not in set(e.surface)


def test_districts_listed_after_their_plural_head_are_places():
    named = by_surface(
        "وجاءت التعديلات لتشمل أحياء النسيم، والخالدية الشمالية، والربيع، والأمير محمد بن سعود، "
        "والطبيشي، والعمامرة. وشهدت تعز اشتباكات في أحياء المدينة، وتسعى الفرقة إلى إحياء الحفلات والعروض."
    )
    for district in ("الخالدية الشمالية", "الربيع", "الطبيشي", "العمامرة"):
        assert named[district][0] == "LOC"
    assert "المدينة" not in named and "الحفلات" not in named and "الأمير" not in named


def test_districts_of_aden_and_armed_groups_of_the_2015_news():
    assert ids("اشتباكات في جعولة ودار سعد وكريتر والمعلا بمدينة عدن.") == {
        "jaawla",
        "dar_saad",
        "crater_aden",
        "mualla",
        "aden_ye",
    }
    assert ids("نفذت جماعة أنصار الشريعة هجوما في وادي سوات.") == {"ansar_al_sharia", "swat_valley"}


def test_newcastle_alone_is_the_english_city_and_saudias_long_name_is_saudia():
    assert ids("ويدرس الطلاب في نيوكاسل البريطانية منذ عامين.") == {"newcastle_upon_tyne"}
    assert ids("وقالت المؤسسة العامة للخطوط الجوية العربية السعودية إن الرحلات ستزيد.") == {"saudia"}


def test_a_given_name_that_is_a_word_after_fi_is_the_word():
    assert found("وأقيم الحفل في جو مفعم بالترفيه والمرح.").empty
    assert ids("وقال جو بايدن إن الاتفاق مهم.") == {"joe_biden"}


def test_a_city_a_player_comes_from_is_its_club_and_known_bodies_and_persons():
    e = found("انضم كازورلا إلى أرسنال قادما من ملقة في صفقة أعلنها النادي، وشارك اللاعب في المباراة.")
    assert dict(zip(e.surface, e.type, strict=True))["ملقة"] == "ORG"
    assert ids("وقالت المراكز الأمريكية لمكافحة الأمراض والوقاية منها إن العدوى تراجعت.") == {"cdc_us"}
    assert ids("وهنأت الملكة إليزابيت الثانية الفائزين.") == {"elizabeth_ii"}
    assert "al_mahrah" not in ids("يستطيع العاملون المهرة العمل في المصانع.")


def test_an_official_of_a_ruling_family_gives_his_cabinet_its_state():
    e = found_in(
        {
            "qa": ("", "استقبل الشيخ عبدالله بن ناصر آل ثاني رئيس مجلس الوزراء الوفد."),
            "ae": ("", "وحضر سيف بن زايد آل نهيان نائب رئيس مجلس الوزراء الحفل."),
            **HOME_ARTICLES,
        }
    )
    cabinet = e[e.surface == "مجلس الوزراء"].set_index("doc_id").entity_id
    assert (
        cabinet["qa"] == "org:مجلس_الوزراء@qatar" and cabinet["ae"] == "org:مجلس_الوزراء@united_arab_emirates"
    )


def test_governorates_of_jazan_asir_and_al_bahah():
    assert ids("زار الوزير مدارس محافظة فيفاء، وتفقد مدارس فيفاء للبنين.") == {"fifa_sa"}
    assert ids("وشهدت محافظة الحجرة أمطارا، وعمت الأمطار قرى الحجرة.") == {"al_hajrah"}
    assert "al_birk" not in ids("وضع الماء في البرك.")


def test_a_title_after_a_given_name_that_nothing_continues_is_the_family_name():
    named = by_surface(
        "وكان المسلسل من تأليف وإخراج عمر الشيخ، وشاركه البطولة باسم ياخور. وقال محمد المدير العام "
        "للشركة إن الخطة جاهزة.",
        use_model=True,
    )
    assert "عمر الشيخ" in named and not [s for s in named if "المدير" in s]


def test_a_club_named_by_its_head_a_word_and_its_city_is_whole():
    named = by_surface("رفض نادي أتليتكو مدريد الإسباني عرضا من نظيره تشيلسي الإنجليزي لضم نجمه.")
    assert named["نادي أتليتكو مدريد"] == ("ORG", "atletico_madrid") and "مدريد" not in named


def test_a_bodys_name_goes_on_with_its_coordinated_field():
    named = by_surface(
        "وقالت منظمة التعاون الاقتصادي والتنمية في تقريرها إن النمو تباطأ، وإن حزب الله والنظام "
        "سيوجدون في بيئة مناوئة.",
        use_model=True,
    )
    assert named["منظمة التعاون الاقتصادي والتنمية"][0] == "ORG"
    assert "حزب الله" in named and "حزب الله والنظام" not in named  # the next actor


def test_a_foreign_given_name_alone_is_the_surname_of_the_articles_full_name():
    e = found(
        "وقال الباحث ديفيد توماس إن الوثائق قديمة. وأضاف توماس أن المجموعة كبيرة، "
        "بينما قال توماس مولر إن الفريق جاهز.",
        use_model=True,
    )
    # a full name of the article starts with it: توماس alone may be either, so the article's own
    assert set(e[e.surface == "توماس"].entity_id) == {"per:توماس@x"}
    e = found("وقال الباحث ديفيد توماس إن الوثائق قديمة. وأضاف توماس أن المجموعة كبيرة.", use_model=True)
    thomas = e[e.surface == "توماس"].entity_id.tolist()
    assert thomas and set(thomas) == set(e[e.surface == "ديفيد توماس"].entity_id)


def test_an_arabic_given_name_alone_is_a_surname_only_where_a_surname_stands():
    text = (
        "وقال المستشار الإعلامي كفاح محمود إن الحوار مستمر. وتابع محمود أن الأطراف اتفقت على "
        "اللقاء. وتذكر الصحفية هدى فؤاد أن المبنى شيد في عهد الملك فؤاد قبل قرن."
    )
    e = found(text, use_model=True)
    mahmoud = e[e.surface == "محمود"].entity_id.tolist()
    assert mahmoud and set(mahmoud) == set(e[e.surface == "كفاح محمود"].entity_id)
    # after a royal title the word is the king's given name, not the journalist's family name
    fuad = set(e[e.surface == "فؤاد"].entity_id)
    assert fuad and not fuad & set(e[e.surface == "هدى فؤاد"].entity_id)
    # a known person's: anywhere (ضد حكم صالح), not only after a speech verb or a title
    e = found(
        "حكم الرئيس اليمني السابق علي عبدالله صالح البلاد طويلا. وجرت محاولات تمرد ضد حكم صالح وفشلت.",
        use_model=True,
    )
    assert set(e[e.surface == "صالح"].entity_id) == {"ali_abdullah_saleh"}
    # a father's name in a chain, or a son's in a kunya, is not a surname
    for full, text in [
        ("فيصل بن خالد", "واستقبل الأمير فيصل بن خالد أمس الوفد. وأضاف خالد أن العمل مستمر."),
        ("أبو محمد", "والتقى أبو محمد بالوفد. وقال محمد إن العمل مستمر."),
    ]:
        e = found(text, use_model=True)
        alone = set(e[e.surface == full.split()[-1]].entity_id)
        assert alone and not alone & set(e[e.surface == full].entity_id)


def test_a_given_name_after_an_honorific_is_the_articles_one_full_name_with_it():
    text = "والتقى الأمير بندر بن سلطان بن عبدالعزيز الرئيس في موسكو. وعاد الأمير بندر إلى الرياض بعد اللقاء."
    e = found(text, use_model=True)
    bandar = set(e[e.surface == "بندر"].entity_id)
    assert bandar and bandar == set(e[e.surface.str.startswith("بندر بن")].entity_id)
    # two princes of that given name: the article's own id stands
    e = found(text + " وحضر اللقاء الأمير بندر بن خالد بن فيصل.", use_model=True)
    assert set(e[e.surface == "بندر"].entity_id) == {"per:بندر@x"}


def test_a_definite_word_after_sharia_names_a_street():
    named = by_surface(
        "وأغلقت البلدية شارع الهذال وشارع الفيصلية، ثم شارع العباس بن عبدالمطلب، ولم تغلق شارع "
        "العام ولا شارع الجانبي."
    )
    for street in ("شارع الهذال", "شارع الفيصلية", "شارع العباس بن عبدالمطلب"):
        assert named[street][0] == "LOC", street
    assert not [s for s in named if "العام" in s or "الجانبي" in s]  # adjectives of شارع


def test_a_states_federation_is_named_with_its_sport():
    e = found(
        "وكرم الاتحاد السعودي للمبارزة لاعبيه، وقال أمين عام الاتحاد الكويتي إن الاتحاد الأميركي "
        "الجنوبي والاتحاد الكويتي للسباحة وافقا.",
        use_model=True,
    )
    named = {r.surface: r.entity_id for r in e.itertuples()}
    assert named["الاتحاد السعودي للمبارزة"] != "saff"  # fencing's, not the football federation
    assert "الاتحاد الأميركي الجنوبي" in named and "الاتحاد الكويتي للسباحة" in named
    # the article names two sports (fencing, swimming): which one's federation is the article's own
    assert named["الاتحاد الكويتي"] == "org:الاتحاد_الكويتي@x"
    e = found("وقال أمين عام الاتحاد الكويتي إن منتخب كرة السلة سيلعب مباراتين.", use_model=True)
    assert set(e[e.surface == "الاتحاد الكويتي"].entity_id) == {"org:الاتحاد_الكويتي@السلة"}
    e = found("وقال أمين عام الاتحاد الكويتي إن المنتخب سيلعب مباراتين.", use_model=True)
    assert set(e[e.surface == "الاتحاد الكويتي"].entity_id) == {"org:الاتحاد_الكويتي"}


def test_a_bodys_head_and_two_relational_adjectives_name_it():
    named = by_surface(
        "وافتتح مدير المعهد الصناعي الثانوي الدورة، وقال البنك المركزي المصري إن الاحتياطي ارتفع. "
        "وأوصى مجلس إدارة الشركة الجمعية العمومية بتوزيع الأرباح، وسيدعو النادي الأندية الأدبية."
    )
    assert named["المعهد الصناعي الثانوي"][0] == "ORG"
    assert named["البنك المركزي المصري"][0] == "ORG"
    # a body's head is no adjective (الجمعية), and a masculine head takes no feminine one
    assert not [s for s in named if s.startswith(("الشركة الجمعية", "النادي الأندية"))]
    # one adjective that names: the Olympic committee
    assert by_surface("وهنأ رئيس اللجنة الأولمبية اللاعبين.")["اللجنة الأولمبية"][0] == "ORG"


def test_a_weak_name_written_with_a_hamza_it_lacks_is_another_word():
    e = found("وقالت وكالة أنباء الإمارات (وام) إن مقيمة أمريكية وأم لثلاثة أطفال فازت بالجائزة.")
    assert list(e[e.entity_id == "wam"].surface) == ["وكالة أنباء الإمارات", "وام"]


def test_clubs_of_other_leagues_are_known():
    e = found(
        "وفاز الهلال في مباراته الودية على السد القطري، وسيلاقي فريق العين الإماراتي بعد هدف "
        "سجله مهاجم ريفر بليت السابق، وتعادل الأهلي أمام فريق سموحة."
    )
    named = dict(zip(e.surface, e.entity_id, strict=True))
    assert named["السد"] == "al_sadd" and named["العين"] == "al_ain_fc"  # the nationality outside
    assert named["ريفر بليت"] == "river_plate" and named["سموحة"] == "smouha_sc"
    # outside sport the word is the dam, not the club
    assert "al_sadd" not in set(found("وامتلأ السد بمياه الأمطار بعد أن زار الوزير السد.").entity_id)


def test_figures_of_the_regions_history_are_known():
    named = by_surface(
        "ومنذ وصول الخميني إلى السلطة وحكم صدام حسين العراق، قال ولد الشيخ أحمد إن المحادثات "
        "مستمرة، وتحدث عن أوجيني زوجة نابليون الثالث."
    )
    assert named["الخميني"][1] == "ruhollah_khomeini" and named["صدام حسين"][1] == "saddam_hussein"
    assert named["ولد الشيخ أحمد"][1] == "ismail_ould_cheikh_ahmed"
    assert "napoleon" not in {eid for _, eid in named.values()}  # Napoleon III is another


def test_a_facilitys_head_before_the_labellers_place_is_part_of_its_name():
    named = by_surface(
        "ووصلت الطائرات إلى قاعدة إنجرليك في تركيا، وتجمع المحتجون في ميدان سنداغما وسط أثينا.",
        use_model=True,
    )
    assert named["قاعدة إنجرليك"][0] == named["ميدان سنداغما"][0] == "LOC"
    assert "إنجرليك" not in named and "سنداغما" not in named
    # a person's name after a road's head, or a street's name the labeller reads as a person
    road = by_surface("وأضاف أن طريق سهل بن حثمة بحمراء الأسد تم افتتاحه.", use_model=True)
    assert road["طريق سهل بن حثمة"][0] == "LOC"


def test_a_family_name_alone_is_the_articles_one_person_of_that_family():
    e = found("وقال الشيخ ناصر آل مغرم إن القبيلة مستعدة. وأضاف آل مغرم أن الحفل سيقام غدا.", use_model=True)
    family = set(e[e.surface == "آل مغرم"].entity_id)
    assert family and family == set(e[e.surface == "ناصر آل مغرم"].entity_id)


def test_a_place_shape_read_with_its_proclitic_when_that_reads_better():
    named = by_surface("ففستان العروس كان جميلا، وزار الوفد أصفهان وخوزستان.")
    assert named["خوزستان"][0] == "LOC"  # و stays outside
    assert not [s for s in named if "فستان" in s]  # ف + فستان "so the dress"


def test_a_bodys_name_stops_before_and_another_body():
    named = by_surface(
        "وأكدت رئاسة الجمهورية والحكومة العراقية أن الوضع مستقر، وقالت وزارة التجارة والصناعة ذلك."
    )
    assert named["رئاسة الجمهورية"][0] == named["الحكومة العراقية"][0] == "ORG"
    assert named["وزارة التجارة والصناعة"][0] == "ORG"  # one ministry's coordinated field


def test_embassies_and_short_complements_name_bodies():
    named = by_surface(
        "وقال رئيس اللجنة المركزية للحج إن الاستعدادات اكتملت، وأكدت السفارة السعودية أن "
        "المواطنين بخير، وحضر رئيس اللجنة الوطنية للحج والعمرة الأسبق."
    )
    assert named["اللجنة المركزية للحج"][0] == named["السفارة السعودية"][0] == "ORG"
    assert "اللجنة الوطنية للحج والعمرة" in named  # الأسبق "former" is the chairman's


def test_the_makkah_newspaper_ka_care_and_the_commercial_bank_are_known():
    named = by_surface(
        'وقالت صحيفة "مكة" إن مدينة الملك عبد الله للطاقة الذرية والمتجددة أعلنت، وارتفع سهم الأهلي '
        "التجاري. ووصل الحجاج إلى مكة المكرمة."
    )
    assert named["مكة"] == ("ORG", "makkah_newspaper") and named["مكة المكرمة"] == ("LOC", "makkah_sa")
    assert named["مدينة الملك عبد الله للطاقة الذرية والمتجددة"] == ("ORG", "ka_care")
    assert named["الأهلي التجاري"] == ("ORG", "ncb")


def test_the_home_country_is_the_one_whose_places_most_documents_name():
    # the United States is named by name in more documents than Saudi Arabia, whose press names
    # its towns and calls it المملكة: the home country is still Saudi Arabia
    docs = {
        **{f"us{k}": ("", "وقالت الولايات المتحدة إن المحادثات مستمرة مع إيران.") for k in range(2)},
        **{f"sa{k}": ("", f"وافتتحت وزارة الصحة مستشفى جديدا في {town}.") for k, town in enumerate(TOWNS)},
        "fed": ("", "وقرر مجلس الاحتياطي الاتحادي في واشنطن رفع الفائدة، بحسب الولايات المتحدة."),
        "uk": ("", "وقررت وزارة الصحة منع التدخين في الأماكن العامة في المملكة المتحدة."),
    }
    ministry = found_in(docs).query("surface == 'وزارة الصحة'").set_index("doc_id").entity_id
    assert {ministry[f"sa{k}"] for k in range(len(TOWNS))} == {"org:وزاره_الصحه"}
    # المملكة المتحدة is no home word: the British ministry is not the home one
    assert ministry["uk"] != "org:وزاره_الصحه"


TOWNS = ("الرياض", "جدة", "الدمام", "أبها")


def test_a_place_and_a_companys_field_name_the_company():
    named = by_surface("وأقلعت رحلة خاصة لمصر للطيران صباح أمس، وارتفع سهم دبي للاستثمار بنسبة 2 في المائة.")
    assert named["مصر للطيران"][0] == named["دبي للاستثمار"][0] == "ORG"
    assert by_surface("وسافر إلى دبي للاستثمار في العقار.")["دبي"] == ("LOC", "dubai")


def test_a_name_after_bin_that_reads_as_a_noun_with_a_pronoun_is_a_name():
    named = by_surface("وقال المدير العام بالإنابة مبارك بن بنيه الخرينج إن العمل مستمر.", use_model=True)
    assert "مبارك بن بنيه الخرينج" in named  # بنيه "his sons", but after بن a name
    acting = by_surface(
        "أعرب رئيس مجلس الأمة الكويتي بالإنابة مبارك بن بنيه الخرينج عن رفضه.", use_model=True
    )
    assert "مبارك بن بنيه الخرينج" in acting  # "acting" is no part of the name


def test_a_weak_name_used_as_its_common_word_is_that_word_in_the_article():
    e = found(
        "تكتسي قاعدة العند الجوية أهمية. وتسعى المقاومة لدخول هذه القاعدة، وتحولت القاعدة إلى منطلق "
        "لعمليات ضد تنظيم القاعدة في اليمن."
    )
    assert list(e[e.entity_id == "al_qaeda"].surface) == ["تنظيم القاعدة"]  # not "this base", "the base"
    other = found("وحذر من تنظيم القاعدة في اليمن، وقال إن القاعدة تستغل الفراغ.")
    assert list(other[other.entity_id == "al_qaeda"].surface) == ["تنظيم القاعدة", "القاعدة"]


def test_a_labellers_person_starting_with_a_proclitic_and_a_common_noun_is_no_name():
    named = by_surface("احتفلت الأسرة الأسبوع الماضي بزواج الشاب المهندس فهد العمري.", use_model=True)
    assert not [s for s in named if s.startswith("بزواج")]


def test_a_nationality_after_an_organisation_any_source_names_qualifies_it():
    named = by_surface('وأعلنت شركة "زين" السعودية عن أرباحها، وزار الوفد قطر والسعودية.')
    assert named["زين"][0] == "ORG"
    assert sorted(s for s, (t, _) in named.items() if t == "LOC") == ["السعودية", "قطر"]
    assert found('وأعلنت شركة "زين" السعودية عن أرباحها.').surface.tolist() == ["زين"]


def test_a_facilitys_rare_name_stops_before_a_nationality():
    named = by_surface("ورست السفينة في ميناء الزيتيات المصري أمس، وافتتح متنزه الفرعاء الترفيهي.")
    assert "ميناء الزيتيات" in named and "متنزه الفرعاء الترفيهي" in named


def test_a_title_goes_on_through_a_bodys_name_to_the_person():
    named = by_surface("وقال المتحدث باسم وزارة التعليم مصعب المدرس إن الوزارة أنهت الاستعدادات.")
    assert named["مصعب المدرس"][0] == "PER"
    assert "عثمان العمر" in by_surface(
        "نفذها استشاري طب العيون د. عثمان العمر، مؤكدا أهميتها.", use_model=True
    )
    assert named["وزارة التعليم"][0] == "ORG"


def test_a_family_nisba_after_a_given_name_and_the_fathers_completes_the_person():
    tokens = word_tokens("وقال خالد مرضي العنزي لسبق إن الفرق وصلت.")
    assert _complete_person(tokens, 1, 3) == (1, 4, 0)
    tokens = word_tokens("عزل الرئيس السابق محمد مرسي المنتمي لجماعة الإخوان.")
    assert _complete_person(tokens, 3, 5) == (3, 5, 0)


def test_wilaya_is_no_title_though_it_reads_as_and_for_a_sign():
    tokens = word_tokens("خرجت العربات عن السكة في ولاية ماديا براديش.")
    assert not [s for s in find_rule_spans(tokens, [None] * len(tokens)) if s.rule == "title"]
    tokens = word_tokens("وقال آية الله جوادي آملي إن الوقت حان.")
    assert [
        span_text(tokens, s)[2] for s in find_rule_spans(tokens, [None] * len(tokens)) if s.rule == "title"
    ]


def test_a_road_between_two_places_is_one_road():
    named = by_surface(
        "وقع الحادث على طريق صبيا- أبو عريش، وأغلق طريق حائل/الجوف الدولي، وسالت الأودية على "
        "طريق تبوك المدينة المنورة الجديد. وسافر الوفد من الرياض إلى جدة."
    )
    assert named["طريق صبيا- أبو عريش"][0] == "LOC"
    assert "طريق حائل/الجوف الدولي" in named and "طريق تبوك المدينة المنورة الجديد" in named
    assert "أبو عريش" not in named and "المدينة المنورة" not in named
    assert named["جدة"][1] == "jeddah_sa"


def test_a_word_commoner_than_its_reading_without_a_proclitic_keeps_it():
    named = by_surface("وقع الهجوم على متحف باردو في تونس، وزار الوفد وكازخستان.", use_model=True)
    assert named["باردو"][0] == "LOC" and "ordu_tr" not in {i for _, i in named.values()}
    assert named["كازخستان"][1] == "kazakhstan"
    assert "لانس آرمسترونغ" in by_surface("وفاز متسابق الدراجات لانس آرمسترونغ بالسباق.")


def test_a_direction_mark_between_words_does_not_part_a_name():
    tokens = word_tokens("معرض البرنامج الوطني للمعارض \u200fوالمؤتمرات")
    assert tokens.joined(4) and tokens.gap(4) == ""


def test_a_hospitals_kind_adjective_is_part_of_its_name_and_a_street_in_a_place_is_no_name():
    named = by_surface(
        "ونقل إلى مستشفى إمبابة العام، ثم إلى مستشفى سوروكا الإسرائيلي. وأغلق شارع بمحافظة الخرج."
    )
    assert "مستشفى إمبابة العام" in named and "مستشفى سوروكا" in named
    assert named["محافظة الخرج"][1] == "al_kharj" and not [s for s in named if s.startswith("شارع")]


def test_a_familys_nisba_after_a_surname_and_a_kunya_alone_is_the_articles_own():
    assert "سالم الطمبالة العولقي" in by_surface("وقال سالم الطمبالة العولقي إن الوضع هادئ.")
    assert "عبدالمجيد علي عليان الحنيني" in by_surface("احتفل الشاب عبدالمجيد علي عليان الحنيني بزواجه.")
    e = found_in(
        {"a": ("", "وقال أبو محمد إن الحي هادئ."), "b": ("", "وتحدث أبو محمد عن ابنه.")}, use_model=True
    )
    assert set(e[e.surface == "أبو محمد"].entity_id) == {"per:ابو_محمد@a", "per:ابو_محمد@b"}


def test_a_place_after_a_foreign_given_name_is_the_family_name_before_a_break():
    named = by_surface("وقال رئيس الإكوادور رافاييل كوريا إن الانتخابات نزيهة. وزار بيتر لندن أمس.")
    assert named["رافاييل كوريا"][0] == "PER" and "كوريا" not in named
    assert named["لندن"] == ("LOC", "london")
    assert ids("وزار محافظة ينبع النخل ثم ينبع البحر، وفاز تشيلسي في البريمير ليج.") == {
        "yanbu_al_nakhl",
        "yanbu",
        "chelsea_fc",
        "premier_league",
    }


def test_incirlik_valencia_mexico_city_and_a_player_named_like_a_city_in_a_list():
    assert ids("وأقلعت الطائرات من قاعدة انجرليك الجوية، وتجول السياح في فالنسيا.") == {
        "incirlik_air_base",
        "valencia_es",
    }
    named = by_surface("ويضم الفريق الاكوادوري انتونيو فالنسيا والبلجيكي عدنان يانوزاي.")
    assert named["انتونيو فالنسيا"][0] == "PER" and "فالنسيا" not in named
    named = by_surface(
        "وأوضح المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ، أن الرحلة وصلت."
    )
    assert named["رأفت الصباغ"][0] == "PER"
    assert ids("ووصل الوفد إلى مكسيكو سيتي أمس.") == {"mexico_city"}  # not سيتي, Manchester City
    assert ids("ولعب مع أتليتك بلباو ثم أتليتكو مدريد في الدوري الإسباني لكرة القدم.") >= {
        "athletic_bilbao",
        "atletico_madrid",
    }
    assert ids("وأعلنت مصلحة الإحصاءات العامة ومصلحة الزكاة والدخل ومؤسسة التمويل الدولية ذلك.") == {
        "cdsi_sa",
        "dzit_sa",
        "ifc",
    }
    named = by_surface("وقال وزير الدفاع الفريق أول صدقي صبحي إن القوات جاهزة.")
    assert named["صدقي صبحي"][0] == "PER"


def test_a_city_before_a_feminine_nationality_or_after_bi_is_no_club():
    tokens = word_tokens("أقيمت البطولة بفالنسيا، وفي فالنسيا الإسبانية، أمام فالنسيا الإسباني")
    assert city_reading(tokens, 2, 3, 1) and city_reading(tokens, 4, 5, 0)
    assert not city_reading(tokens, 8, 9, 0)


def test_and_a_frequent_word_is_no_place_however_sure_the_labeller_is():
    tokens = word_tokens("نعيش في أمن وأمان، وزار الوفد وارسو.")
    assert _proclitic_and_word(tokens, 3) and not _proclitic_and_word(tokens, 6)
    named = by_surface("وتستعد الفرق للمباراة أمام تيمور وماليزيا.. والمعسكر في أغسطس.")
    assert named["ماليزيا"] == ("LOC", "malaysia")


def test_a_road_named_after_a_king_is_its_towns_or_the_articles_own():
    e = found_in(
        {
            "a": ("", "وأغلق طريق الملك فهد بالدمام أمس."),
            "b": ("", "وازدحم طريق الملك فهد صباح اليوم."),
            "c": ("", "وافتتح شارع الأمير سلطان أمس."),
        }
    )
    assert set(e.entity_id) == {
        "loc:طريق_الملك_فهد@dammam_sa",
        "dammam_sa",
        "loc:طريق_الملك_فهد@b",
        "loc:شارع_الامير_سلطان@c",
    }


def test_saudi_facilities_and_bodies_and_an_embassys_attache_of_the_article():
    assert ids(
        "ووصل قطار الحرمين السريع إلى المحطة، وأخليت منشأة الجمرات، وأكد ديوان المراقبة العامة ذلك."
    ) == {
        "haramain_railway",
        "jamarat_bridge",
        "gab_sa",
    }
    e = found_in(
        {"a": ("", "وأعلنت الملحقية الثقافية بالأردن المنح."), "b": ("", "واعتمدت الملحقية الثقافية الخطة.")}
    )
    assert set(e[e.type == "ORG"].entity_id) == {"org:الملحقيه_الثقافيه@a", "org:الملحقيه_الثقافيه@b"}


def test_plurals_duals_and_pronouns_are_no_names_and_a_gate_named_after_a_king_is_a_place():
    assert plural_noun("موقوفون") and not plural_noun("كلينتون")
    assert dual_past_verb("دمرا") and not dual_past_verb("رضا")
    named = by_surface(
        "وأكد أن الحوثي وصالح دمرا تعز، واختتم الحفل بعرض جوي وبحري، ووقعت الشركة اتفاقية تجمعه "
        "مع جمعية خيركم. وأقفل باب الملك عبدالعزيز و26 بابا آخر، وفتح لهم باب المناصحة.",
        use_model=True,
    )
    assert named["صالح"][0] == "PER" and "بحري" not in named and "اتفاقية تجمعه" not in named
    assert named["جمعية خيركم"][0] == "ORG"
    assert named["باب الملك عبدالعزيز"][0] == "LOC" and not [s for s in named if "26" in s or "المناصحة" in s]


def test_ould_before_a_compound_given_name_and_a_federations_sport_after_its_country():
    named = by_surface("واستقبل الرئيس الموريتاني محمد ولد عبد العزيز الوفد.", use_model=True)
    assert named["محمد ولد عبد العزيز"][0] == "PER"
    assert by_surface("وأعلن اتحاد بوليفيا لكرة القدم إقالة المدرب.")["اتحاد بوليفيا لكرة القدم"][0] == "ORG"


def test_milking_is_no_aleppo_and_the_rattlesnake_no_city():
    assert ids("وتعلم حلب الإبل صغيرا، ورأى الأفعى ذات الجرس في الصحراء.") == set()
    assert ids("وسقطت قذائف على حلب أمس.") == {"aleppo"}


def test_a_name_after_a_person_stops_at_a_noun_after_its_adjective():
    named = by_surface(
        "وتقدم الفرقة في حديقة الملك فهد المركزية العرض المسرحي الثاني، وتتدرب على ملعب الأمير محمد "
        "العبدالله الفيصل."
    )
    assert "حديقة الملك فهد المركزية" in named and "ملعب الأمير محمد العبدالله الفيصل" in named


def test_a_bodys_short_name_in_brackets_after_it_is_the_body():
    e = found_in(
        {
            "a": (
                "",
                "أعلنت الشركة الوطنية للتسويق الزراعي (ثمار) أرباحها. وقال صندوق النقد الدولي (IMF) إن "
                "النمو تباطأ، بحسب وكالة الأنباء الألمانية (د.ب.أ). ووقعت الشركة السعودية الوطنية للإنارة "
                "والكهرباء (سانلك) عقدا، وستبدأ سانلك العمل قريبا.",
            ),
            "b": ("", "وأعلنت سانلك عن مشروع جديد."),
            "c": (
                "",
                "أعلن اتحاد أميركا الجنوبية لكرة القدم «كونميبول» برنامجا، وقالت الأمم المتحدة «مجبرة» "
                "إنها ستشارك.",
            ),
        }
    )
    id_of = {(r.doc_id, r.surface): r.entity_id for r in e.itertuples()}
    assert id_of[("c", "كونميبول")] == id_of[("c", "اتحاد أميركا الجنوبية لكرة القدم")]
    assert ("c", "مجبرة") not in id_of  # quoted as cited, a word in use
    assert id_of[("a", "ثمار")] == id_of[("a", "الشركة الوطنية للتسويق الزراعي")]
    assert id_of[("a", "IMF")] == "imf" and id_of[("a", "د.ب.أ")] == "dpa"
    sanlec = id_of[("a", "الشركة السعودية الوطنية للإنارة والكهرباء")]
    # a rare short name is the body wherever it stands, in the article and across the corpus
    assert list(e[e.surface == "سانلك"]["entity_id"]) == [sanlec] * 3


def test_brackets_that_describe_a_body_or_name_a_longer_one_are_not_its_short_name():
    e = found(
        "أعلن المعهد الصناعي الثانوي (بنين) القبول، وكانت وزارة التعليم العالي (سابقا) قد دعمته. "
        "وأعلنت بعثة الاتحاد الأفريقي (أميصوم) مقتل جنديين."
    )
    assert not {"بنين", "سابقا"} & set(e.surface)
    assert "african_union" not in set(e[e.surface == "أميصوم"]["entity_id"])


def test_a_body_many_regions_have_is_the_one_of_the_region_its_locative_or_title_chain_refers_to():
    e = found_in(
        {
            "a": ("", "وجه أمير منطقة عسير رئيس مجلس التنمية السياحية بالمنطقة بإيقاف الاحتفالات."),
            "b": (
                "",
                "وأكد وكيل إمارة منطقة الباحة، نائب رئيس مجلس التنمية السياحية بالمنطقة، نجاح المهرجان.",
            ),
            "c": ("", "وقال محافظ الأحساء رئيس مجلس التنمية السياحية إن اللجنة تعمل."),
            # the place of another person's title is not the body's (مدير | تعليم جازان names its own)
            "d": ("", "زار محافظة صبيا يرافقه عيسى حكمي مدير تعليم جازان أمس."),
            "e": ("", "وقال مدير تعليم جازان إن المدارس جاهزة في منطقة جازان."),
        }
    )
    council = e[e.surface == "مجلس التنمية السياحية"].set_index("doc_id")["entity_id"]
    assert len(set(council)) == 3
    assert council["a"].endswith("@asir_region") and council["c"].endswith("@al_ahsa")
    assert len(set(e[e.surface == "تعليم جازان"]["entity_id"])) == 1


def test_a_known_person_named_with_his_forebears_is_the_known_person():
    jubeir = "أعرب وزير الخارجية الأستاذ عادل بن أحمد الجبير عن استنكار المملكة للهجوم."
    assert "adel_al_jubeir" in ids(jubeir, use_model=True)
    # spelled alike is not enough: العطا is not العطية
    assert "khalid_al_attiyah" not in ids("وقال مدير الفرع خالد بن علي العطا إن العمل مستمر.", use_model=True)


def test_countries_a_draws_group_or_a_fixture_names_are_national_teams():
    e = found(
        "أسفرت قرعة تصفيات كأس العالم لكرة القدم عن مواجهات قوية للمنتخبات. وتضم المجموعة الأخرى "
        "البلد المستضيف المغرب والبحرين والعراق. وفي المجموعة الثانية تلعب تنزانيا مع الجزائر، "
        "ويستعد اللاعبون للمباراة الأولى في الملعب."
    )
    types = dict(zip(e.surface, e.type, strict=True))
    assert [types.get(n) for n in ("المغرب", "البحرين", "العراق", "تنزانيا")] == ["ORG"] * 4
    # a country the article visits stays the place
    assert by_surface("وصل منتخب كرة القدم إلى المغرب أمس لخوض المباراة مع اللاعبين.")["المغرب"][0] == "LOC"


def test_a_known_persons_surname_that_is_a_word_in_use_is_him_in_his_article():
    e = found(
        "قال الرئيس السوري بشار الأسد اليوم الأحد إن الجيش اضطر للتخلي عن مناطق. وفي كلمة بثها "
        "التلفزيون قال الأسد إن الجماعات التي تقاتل للاطاحة به تلقت دعما متزايدا. وقال الأسد أحيانا "
        "نضطر أن نتخلى عن مناطق.",
        use_model=True,
    )
    assert set(e[e.surface == "الأسد"]["entity_id"]) == {"bashar_al_assad"}


def test_a_foreign_town_named_by_a_word_in_use_is_the_town_where_the_article_names_its_country():
    saudi = {f"s{k}": ("", "وصل الوفد إلى الرياض قادما من جدة ومكة المكرمة.") for k in range(3)}
    yemen = "وسيطرت المقاومة على مواقع في عدن ولحج. وفي البيضاء شنت المقاومة هجمات على الحوثيين."
    e = found_in({**saudi, "y": ("", yemen), "w": ("", "واشترت الأسرة سيارة في البيضاء من الرياض.")})
    assert list(e[e.surface == "البيضاء"]["doc_id"]) == ["y"]
    assert set(e[e.surface == "البيضاء"]["entity_id"]) == {"al_bayda_ye"}


def test_the_kingdom_after_another_kingdoms_name_is_that_kingdom():
    saudi = {f"s{k}": ("", "وصل الوفد إلى الرياض قادما من جدة ومكة المكرمة.") for k in range(3)}
    jordan = (
        "وشهدت المناطق الأردنية ارتفاعا للحرارة في عمان والعقبة. وتقام المهرجانات في الأردن خلال "
        "الموجة الحارة في المملكة. كما حذرت وزارة الصحة من المخاطر الصحية."
    )
    e = found_in({**saudi, "j": ("", jordan)})
    assert e[e.surface == "وزارة الصحة"]["entity_id"].item().endswith("@jordan")


def test_a_bodys_short_form_is_the_known_body_the_article_names_in_full():
    e = found(
        "وصلت طائرة تابعة لمركز الملك سلمان للإغاثة والأعمال الإنسانية إلى عدن. وأكد مدير "
        "المشروع أن جهود مركز الملك سلمان مستمرة. وتستهدف تركيا مواقع حزب العمال الكردستاني، "
        "وقتل جنود في هجمات نسبت إلى حزب العمال."
    )
    assert set(e[e.surface == "مركز الملك سلمان"]["entity_id"]) == {"ksrelief"}
    assert set(e[e.surface == "حزب العمال"]["entity_id"]) == {"pkk"}
    # a club by the last word of its name the article gives in full
    united = "وتعاقد مانشستر يونايتد مع المهاجم، وقال مدرب يونايتد إن اللاعب سيشارك في المباراة."
    assert by_surface(united, use_model=True)["يونايتد"] == ("ORG", "manchester_united")
    # without the full name in the article, the short form is no known body
    assert "pkk" not in ids("وفاز حزب العمال في الانتخابات البريطانية.")


def test_a_kunya_that_is_a_persons_name_is_kept_where_her_name_recurs():
    e = found(
        "مرحلة ظهور أم كلثوم علق أحد الفنانين: إن السيدة أم كلثوم قامت بتعطيل الموسيقيين، فقد لحن "
        "لأم كلثوم حسب تلك المساحات. وغنت أم كلثوم.",
        use_model=True,
    )
    assert set(e.surface) == {"أم كلثوم"} and len(e) == 4


def test_the_riyal_and_a_maritime_word_are_no_club_or_town_and_instagram_is_known():
    assert not ids("وارتفع سعر الريال السعودي أمام الدولار في السوق اليوم.")
    assert not ids("وقاد الرئيس عرضا بحري قرب الساحل، وسحبها تيار بحري قوي.")
    sport = "فاز الريال على برشلونة في المباراة بهدفين، وسجل اللاعب الهدف الأول في الدوري أمام الجماهير."
    assert "real_madrid" in ids(sport)
    assert ids("ونشر صورة على حسابه في إنستجرام وسناب شات.") == {"instagram", "snapchat"}
    assert ids("وقالت فولكس فاجن إن مبيعاتها ارتفعت، وأعلنت نوكيا وإنتل نتائجهما.") == {
        "volkswagen",
        "nokia",
        "intel",
    }
    # a disease's name (MERS), not the region
    assert "middle_east" not in ids("وسجلت إصابات جديدة بفيروس كورونا المسبب لمتلازمة الشرق الأوسط التنفسية.")
    # the club's nationality after it describes it (الزمالك المصري is Zamalek)
    assert by_surface("ويلتقي الزمالك المصري مع ليوبار في مباراة الدور الثاني.")["الزمالك"][1] == "zamalek"


def test_a_frequent_word_alone_in_a_headline_is_no_name_however_sure_the_labeller_is():
    assert found("مشاهدة الرسم الساخر لهذا اليوم", title="كاريكاتير 2015/8/6", use_model=True).empty


def test_a_mosque_or_hospital_named_after_a_body_is_one_place_whatever_name_of_the_body():
    e = found(
        "وقع التفجير في مسجد قوات الطوارئ الخاصة بمنطقة عسير، ونقل المصابون إلى مستشفى الحرس "
        "الوطني. وزار الأمير مسجد قوات الطوارئ في أبها، وقالت قوات الطوارئ الخاصة إن التحقيق جار."
    )
    mosque = e[e.surface.str.startswith("مسجد")]
    assert list(mosque.type) == ["LOC", "LOC"] and mosque.entity_id.nunique() == 1
    assert by_surface(" ".join(["نقل إلى", "مستشفى الحرس الوطني", "أمس."]))["مستشفى الحرس الوطني"][0] == "LOC"
    assert list(e[e.surface == "قوات الطوارئ الخاصة"]["entity_id"]) == ["special_emergency_forces_sa"]


def test_a_cultural_or_exhibition_centre_is_a_place_a_research_centre_a_body():
    named = by_surface(
        "وشارك الأطفال في مركز الملك فهد الثقافي، وأقيم المعرض في مركز إكسيل للمعارض بلندن. وأعلن "
        "مركز الملك فيصل للبحوث والدراسات الإسلامية برنامجه."
    )
    assert named["مركز الملك فهد الثقافي"][0] == named["مركز إكسيل للمعارض"][0] == "LOC"
    assert named["مركز الملك فيصل للبحوث والدراسات الإسلامية"][0] == "ORG"


def test_a_company_named_after_a_facility_is_the_company():
    named = by_surface("وقال مدير لشركة مترو جدة إن العمل مستمر في المشروع.")
    assert named["شركة مترو جدة"][0] == "ORG"


def test_a_forebears_name_with_allah_and_a_body_before_a_plural_of_persons():
    named = by_surface("وقال الشيخ مسفر بن غرم الله الخثعمي إن القرية جاهزة، وكان أحمد الله أعلم.")
    assert named["مسفر بن غرم الله الخثعمي"][0] == "PER"
    assert "أحمد الله" not in named  # "I thank God"
    named = by_surface(
        "ودعت وزارة الشؤون البلدية والقروية والمواطنين إلى التعاون مع وزارة التنمية والتعاون الدولي."
    )
    assert named["وزارة الشؤون البلدية والقروية"][0] == "ORG"
    assert named["وزارة التنمية والتعاون الدولي"][0] == "ORG"


def test_a_verbal_noun_after_an_organisations_head_is_a_kind_of_body():
    named = by_surface("وتعمل مدارس تحفيظ القرآن الكريم في المنطقة، وافتتحت مدارس الرياض فرعا جديدا.")
    assert "مدارس تحفيظ القرآن الكريم" not in named  # Quran schools in general


def test_a_foreign_companys_word_makes_a_company():
    tokens = word_tokens("وأعلنت ماليزيا ايرلاينز أن الطائرة، وقال جيم كومباني إن")
    spans = [Span(1, 3, "LOC", "model"), Span(6, 8, "PER", "rule")]
    assert [company_by_its_words(tokens, s).type for s in spans] == ["ORG", "ORG"]
    assert company_by_its_words(tokens, Span(1, 2, "LOC", "model")).type == "LOC"  # ماليزيا alone


def test_a_centre_named_by_a_relational_adjective_is_no_administrative_centre():
    named = by_surface(
        "وتحديد اللجان لكل مركز انتخابي في منطقة الرياض، وزار المحافظ مركز عرجاء بمحافظة الدوادمي."
    )
    assert "مركز انتخابي" not in named and named["مركز عرجاء"][0] == "LOC"


def test_a_club_named_like_a_word_is_the_club_after_a_match_word_in_a_sport_text():
    """فوز الأهلي، مرمى الشباب، مواجهة النصر: in a sport text the match's words name the club,
    as the verbs do (فاز الأهلي); outside sport the words stay words (فوز الشباب بالجائزة)."""
    assert by_surface("ما يؤكد أن فوز الأهلي بالمباراة يبدأ من الدفاع.")["الأهلي"][1] == "al_ahli_sa"
    assert by_surface("سجل هدفين في مرمى الشباب خلال المباراة.")["الشباب"][1] == "al_shabab_sa"
    assert by_surface("يتدرب الفريق على الملعب استعدادا لمواجهة النصر.")["النصر"][1] == "al_nassr"
    assert "الشباب" not in by_surface("احتفل الأهالي بفوز الشباب بجائزة الإبداع في المعرض.")


def test_a_place_or_body_inside_a_longer_bodys_name_is_the_body():
    """A head named with its field, a name inside and the field: the body (مركز أسرى فلسطين
    للدراسات، صندوق الأمم المتحدة للسكان); not a time's ل-phrase, a relative clause's, nor what a
    known company does."""
    got = by_surface("وقال مركز أسرى فلسطين للدراسات إن عدد الأسرى ارتفع.")
    assert got["مركز أسرى فلسطين للدراسات"][0] == "ORG" and "فلسطين" not in got
    got = by_surface("توقع صندوق الأمم المتحدة للسكان زيادة عدد سكان العالم.")
    assert got["صندوق الأمم المتحدة للسكان"][0] == "ORG" and "الأمم المتحدة" not in got
    got = by_surface("حصلت على منحة من شركة سابك للسنة الخامسة على التوالي.")
    assert got["سابك"][1] == "sabic"
    assert by_surface("ارتفعت أرباح شركة فيسبوك للتواصل الاجتماعي.")["فيسبوك"][1] == "facebook"


def test_a_hotels_name_ends_with_its_city():
    got = by_surface("نزل الوفد في فندق مكارم الرياض أمس.")
    assert got["فندق مكارم الرياض"][0] == "LOC" and "الرياض" not in got
    assert "فندق هيلتون جدة" in by_surface("أقيم الحفل في فندق هيلتون جدة.", use_model=True)
    for text in ("نزل في فندق في جدة.", "تظاهروا أمام فندق شيراتون وسط صنعاء.", "هجوم على فندق بمدينة سوسة."):
        assert not any(s.startswith("فندق") for s in by_surface(text)), text


def test_car_makers_parties_and_missions_the_press_names():
    """Car makers, Israel's parties, UN missions and Arab outlets are in the gazetteer; a
    surname that is a company's name is the person's after his given name (هاريسون فورد), and a
    word in use is no company (أودى بحياة، أبناء جيلي)."""
    got = by_surface(
        "وقال زعيم الليكود إن قوات اليونيفيل باقية، وصعد سهم بيجو وتستمر قناة روتانا بعرض المسلسل."
    )
    assert {got[s][1] for s in ("الليكود", "قوات اليونيفيل", "بيجو", "روتانا")} == {
        "likud",
        "unifil",
        "peugeot",
        "rotana",
    }
    assert by_surface("قدمت شركة فورد نصائح للسائقين.")["شركة فورد"][1] == "ford"
    assert "ford" not in ids("وقال الممثل هاريسون فورد إن الفيلم ناجح.")
    assert not ids("التفجير الذي أودى بحياة العشرات لم يعرفه أبناء جيلي.") & {"audi", "geely"}
    assert ids("نشر المقطع على الفيسبوك واليوتيوب وتداولوه عبر الواتس اب.") == {
        "facebook",
        "youtube",
        "whatsapp",
    }


def test_a_federations_name_goes_on_with_its_second_sport():
    got = by_surface(
        "وأعلن الاتحاد السعودي للبلياردو والسنوكر عن بطولة، وحضر الاتحاد السعودي للسباحة والمنتخب."
    )
    assert "الاتحاد السعودي للبلياردو والسنوكر" in got and "الاتحاد السعودي للسباحة" in got


def test_a_known_bodys_own_countrys_adjective_is_no_part_of_its_name():
    """جماعة الحوثي | اليمنية is the Houthis, whom the gazetteer places in Yemen."""
    got = by_surface("وقالت جماعة الحوثي اليمنية إن قواتها تقدمت.")
    assert got["جماعة الحوثي"][1] == "houthis" and "جماعة الحوثي اليمنية" not in got


def test_a_towns_name_without_its_article_is_a_word_and_with_it_is_the_town():
    """GeoNames' bare forms of definite names are words (طائف "one circling the Kaaba", سويدية
    "Swedish"); a definite name written with ه for ة is still the place (الدوحه)."""
    assert not ids("تصل الطاقة الاستيعابية إلى 107 آلاف طائف في الساعة، وفق دراسة سويدية.")
    assert by_surface("التقى نظيره القطري في الدوحه أمس.")["الدوحه"][1] == "doha"


def test_a_club_is_named_by_the_words_before_its_city_and_by_its_nationality():
    named = by_surface(
        "في المباراة حقق سسكا موسكو الروسي فوزا صعبا، وتعادل ستيوا بوخارست الروماني مع ضيفه، "
        "وخسر الفريق أمام بورتو البرتغالي في الدوري، ومهاجمو القادسية لم يسجلوا."
    )
    assert named["سسكا موسكو"][0] == named["ستيوا بوخارست"][0] == "ORG"
    assert named["بورتو"] == ("ORG", "fc_porto")
    assert not any(s.startswith("مهاجمو") for s in named)


def test_a_nationality_before_a_player_or_after_a_currency_makes_no_club():
    named = by_surface(
        "في المباراة سجل هدف السد الإسباني الشهير تشافي، وتلقت اللجنة شهادة لاعب الفيصلي البرازيلي فرناندو "
        "غابرييل. وفي الدوري كان الريال البرازيلي في أدنى مستوياته."
    )
    assert not {"السد الإسباني", "الفيصلي البرازيلي", "الريال البرازيلي"} & set(named)
    assert named.get("الريال", ("",))[0] != "ORG"


def test_a_city_after_a_capital_word_is_the_city_where_the_article_names_its_club():
    named = found(
        "في المباراة تعادل ليجيا وارسو البولندي مع ضيفه، وتقام مباراة الإياب في العاصمة البولندية وارسو."
    )
    warsaw = named[named["surface"] == "وارسو"]
    assert list(warsaw["type"]) == ["LOC"]
    assert "ليجيا وارسو" in set(named["surface"])


def test_a_list_of_regions_makes_its_cities_names_regions_but_not_a_list_of_cities():
    weather = ids("يتوقع هطول أمطار على عسير، جازان، الباحة، والمنطقة الشرقية والرياض ومكة المكرمة.")
    assert {"asir_region", "riyadh_region", "makkah_region"} <= weather
    assert not {"riyadh", "makkah_sa"} & weather
    cities = ids("وتقام الدورات في مدن (الدمام، المدينة المنورة، الباحة، الجوف).")
    assert "madinah_sa" in cities and "madinah_region" not in cities
    assert "riyadh" in ids("زار الأمير الرياض وجدة ومكة المكرمة.")


def test_a_countrys_name_beside_the_capital_is_its_capital():
    assert "kuwait_city_kw" in ids("بعد تفجير مسجد الصادق بالعاصمة الكويت أمس.")
    assert "kuwait_city_kw" in ids("وصل الوفد إلى الكويت العاصمة أمس.")
    niger = ids("ظل الساعدي في نيامي عاصمة النيجر حتى ترحيله.")
    assert "niger" in niger and "niamey_ne" in niger  # the capital of Niger: the country


def test_a_library_named_by_its_city_is_the_library():
    named = by_surface("وقالت إدارة مكتبة الإسكندرية إن المعرض يفتح في الإسكندرية غدا.")
    assert named["مكتبة الإسكندرية"][0] == "ORG"
    assert named["الإسكندرية"] == ("LOC", "alexandria_eg")  # the city, named alone


def test_sport_cues_count_with_a_pronoun():
    text = (
        "أكد نجم خط الوسط يحيى الشهري ثقته بزملائه اللاعبين في تعويض الغيابات لفريقه أمام الهلال مساء اليوم "
        "على ملعب كوينز بارك، وقال إن الفريق سيلعب اليوم أمام غريمنا التقليدي الهلال، وإن النصر سيسعد "
        "جماهيرنا ويخطف اللقب، وهو الفريق الكبير والحاضر دائما في مثل هذه المناسبات القوية والكبيرة. "
        "وأضاف أن الأسماء الكبيرة تغيب اليوم لأسباب مختلفة، لكن العزيمة حاضرة والثقة كبيرة في الجميع."
    )  # long enough to need three sport cues
    assert "al_hilal" in ids(text)  # جماهيرنا counts as جماهير: an article about sport


def test_a_chain_of_given_names_takes_its_family_name():
    """Names written without بن: the forebears' given names and the family name after a name and
    its father's, given names before a name after a list's mark, a name the labeller split."""

    def names(text: str) -> set[str]:
        return set(found(text, use_model=True).surface)

    assert "سالم سعيد كبيش" in names("وقال النائب العام سالم سعيد كبيش وفق ما بثته الوكالة.")
    soldiers = names(
        "6 - جندي متدرب عبدالله عائض عبدالله آل سعد. 11. جندي متدرب: ممدوح مسفر محمد المسيلي الحارثي."
    )
    assert {"عبدالله عائض عبدالله آل سعد", "ممدوح مسفر محمد المسيلي الحارثي"} <= soldiers
    # not a nationality, a word with tanween on the next line, a verb, or a proclitic and a word
    assert "محمد بلال حسين محمد" in names("12. محمد بلال حسين محمد - بنغلاديشي الجنسية.")
    assert "سلمان بن عبدالعزيز آل سعود" in names("الملك سلمان بن عبدالعزيز آل سعود\nمتمنياً لكم")
    assert "فيصل بن تركي" in names("وقال إن الأمير فيصل بن تركي ستنهي الأزمة.")
    assert "إسلام كمال" in names("وسجل اللاعب إسلام كمال بتسديدة قوية.")


def test_bin_without_a_given_name_begins_the_name():
    e = found(
        "استوقفتني قصتها مع بن زيدون وكيف كان العشق. وعن لقائهما الأول كتبت ولادة لابن زيدون بعد إلحاح منه.",
        use_model=True,
    )
    assert set(e.surface) == {"بن زيدون", "ابن زيدون"} and e.entity_id.nunique() == 1
    # after a title, the article's one person of that family
    e = found(
        "وقال الدكتور جمعان رشيد بن رقوش إن الكلمات تضمنت. وشارك الدكتور بن رقوش في الحفل.", use_model=True
    )
    assert (
        e[e.surface == "بن رقوش"].entity_id.tolist()
        == e[e.surface == "جمعان رشيد بن رقوش"].entity_id.tolist()
    )
    # "he is the son of": kinship, not a name
    assert not any(
        s.startswith("بن") for s in found("الملا عمر هو بن المولوي غلام نبي.", use_model=True).surface
    )


def test_a_states_chairing_of_a_body_is_no_presidency():
    assert not found("يذكر أنه تم التصويت على رئاسة المملكة للجنة الخطة الاستراتيجية.").shape[0]
    named = by_surface("وترحب رئاسة مصر للقمة العربية بالوفود، وأصدرت رئاسة الجمهورية بيانا.")
    assert named["مصر"] == ("LOC", "egypt") and named["رئاسة الجمهورية"][0] == "ORG"


def test_a_country_and_a_directions_adjective_name_another_place():
    named = by_surface("وفي ألمانيا الشرقية، ثم سافر إلى أذربيجان الغربية ومنها إلى أميركا الجنوبية.")
    assert named["ألمانيا الشرقية"][0] == "LOC" and named["ألمانيا الشرقية"][1] != "germany"
    assert named["أذربيجان الغربية"][1] != "azerbaijan"
    assert named["أميركا الجنوبية"] == ("LOC", "south_america")
    # the adjective of a noun before the country: Syria's northern border
    assert by_surface("وصلت القوات إلى حدود سوريا الشمالية.")["سوريا"] == ("LOC", "syria")


def test_a_person_after_a_theatres_head_names_the_theatre():
    named = by_surface("وأقيم الحفل على مسرح عبدالرحمن المريخي بالأحساء.", use_model=True)
    assert named["مسرح عبدالرحمن المريخي"][0] == "LOC"
    assert "عبدالرحمن المريخي" not in named


def test_a_name_that_is_a_common_noun_in_construct_or_with_an_adjective():
    assert "hamas" not in ids("ألهبت حماس الأتباع، ونشعر بحماس كبير لوجودهم.")
    assert "hamas" in ids("أعلنت حماس اليوم رفضها الاتفاق.")
    assert "hamas" in ids("وقالت حماس الفلسطينية إن الوفد وصل.")
    assert "hamas" in ids("وقالت إن حماس مازالت تحكم القطاع.")


def test_an_ambiguous_name_after_a_place_head_is_read_by_its_article():
    assert "zinjibar" in ids("كانت المقاومة في مدينة زنجبار عاصمة أبين تقاتل الحوثيين في اليمن.")
    assert not ids("وذلك بحضور لفيف من الأهل والأصدقاء.")  # "a crowd of", not Lviv


def test_an_accusative_noun_is_no_persons_name():
    e = found("و محمد سمرقندي نائبا للرئيس، وباسم منقل أمينا عاما، وأحمد شعيب أمينا للصندوق", use_model=True)
    assert "أمينا" not in set(e.surface)


def test_a_countrys_name_after_a_counted_noun_is_its_adjective():
    assert "syria" not in ids("استفاد 158 لاجئا سوريا من الخدمات النفسية.", use_model=True)
    assert "syria" in ids("قتل 15 شخصا في سوريا أمس.", use_model=True)


def test_starring_in_a_film_is_no_championship():
    named = by_surface("وقام عام 2003 ببطولة الفيلم الفرنسي، وفاز ببطولة العالم لألعاب القوى.")
    assert "بطولة العالم لألعاب القوى" in named
    assert not any("الفيلم" in s for s in named)


def test_a_competition_every_country_holds_is_the_one_its_article_names_it_with():
    e = found_in(
        {
            "de": (
                "",
                "فاز فولفسبورغ على بايرن ميونيخ في كأس السوبر، وقال مدرب الفريق الألماني إن الدوري "
                "الألماني سيكون صعبا، وأشادت الصحف الألمانية في برلين بألمانيا وبالمدرب الألماني.",
            ),
            "de2": (
                "",
                "يلتقي بايرن ميونيخ في كأس السوبر الألماني، ويرى محللون في ألمانيا أن كأس السوبر بداية "
                "الموسم.",
            ),
            "sa": ("", "فاز الهلال على النصر في كأس السوبر في لندن، وهنأت الرياض والمملكة الفريق السعودي."),
            **HOME_ARTICLES,
        }
    )
    cup = e[e.surface == "كأس السوبر"].set_index("doc_id").entity_id
    assert cup["sa"] == "misc:كاس_السوبر"  # the home country's keeps the bare name
    assert cup["de"] == "misc:كاس_السوبر"  # the countries an article names are not the cup's
    assert cup["de2"] == e[e.surface == "كأس السوبر الألماني"].entity_id.iloc[0]  # named so in the article


def test_a_competitions_name_does_not_go_on_with_and():
    named = by_surface(
        "ويتابع الجمهور الدوري السعودي والصراع على الصدارة، ويحلم اللاعب بكأس العالم والعمل المضني، "
        "وتنطلق بطولة العالم للرجال والسيدات غدا، وتستضيف الرياض البطولة الخليجية الثالثة والعشرين."
    )
    assert "الدوري السعودي" in named and "كأس العالم" in named
    assert not any("والصراع" in s or "والعمل" in s for s in named)
    assert "بطولة العالم للرجال والسيدات" in named and "البطولة الخليجية الثالثة والعشرين" in named


def test_an_adjective_or_a_word_with_a_pronoun_after_an_organisations_head_is_no_name():
    named = by_surface(
        "وأعلنت شركة مشغلة للقطارات عن خطتها، وتصدر مجلة منوعة كل شهر، وزار الوفد موقع أثري في المنطقة، "
        "وأكملت بلدية جلاجل استعداداتها للعيد، وتعاقدت شركة نوفوزيم مع الوزارة، "
        "وأعلن مجلس مصراتة البلدي عن قوة، وقالت مجموعة إيني إنها ستعود."
    )
    assert not any(s.startswith(("شركة مشغلة", "منوعة", "مجلة منوعة", "موقع أثري")) for s in named)
    assert "بلدية جلاجل" in named and "شركة نوفوزيم" in named
    assert "مجلس مصراتة" in named and "مجموعة إيني" in named


def test_after_a_given_name_a_word_with_her_pronoun_or_a_verb_after_li_is_no_surname():
    named = by_surface(
        "وحرصت الإدارة على سلامة منسوبيها في الموقع، وتنساب الألوان بتناغم فريد لتحيل البحيرة لوحة، "
        "وقالت الفنانة هالة فقيها إن المعرض نجح."
    )
    assert not any(s.startswith(("سلامة منسوبيها", "فريد لتحيل")) for s in named)
    assert "هالة فقيها" in named


def test_a_bodys_name_ends_before_many_and_before_acting():
    named = by_surface(
        "وقدمت اللجنة المنظمة للبطولة العديد من الجوائز، وقال مدير المؤسسة العامة لجسر الملك فهد المكلف إن "
        "الجسر مفتوح."
    )
    assert "اللجنة المنظمة للبطولة" in named and "المؤسسة العامة لجسر الملك فهد" in named


def test_a_places_name_after_its_head_may_end_like_a_pronoun():
    named = by_surface("ومثل رجلان أمام محكمة مدينة سيله الألمانية بتهمة الانتماء لتنظيم.")
    assert any("سيله" in s for s in named)  # Celle, not سيل "torrent" + ه "its"


def test_a_given_name_in_use_before_a_demonstrative_is_the_noun():
    named = by_surface("رغم جمال هذه الكلمات إلا أنها أصبحت مملة، وقال جمال إن الفريق جاهز.", use_model=True)
    assert [s for s in named if s.startswith("جمال")] == ["جمال"]  # the second only
    e = found("رغم جمال هذه الكلمات إلا أنها أصبحت مملة.", use_model=True)
    assert e.empty or not e.surface.str.startswith("جمال").any()


def test_camp_david_and_petah_tikva_are_places():
    named = by_surface("أعلن عنها في كامب ديفيد في مايو، وحكمت محكمة في بيتح تكفا على الرجل.")
    assert named["كامب ديفيد"][1] == "camp_david" and named["بيتح تكفا"][1] == "petah_tikva"


def test_a_verbal_noun_after_a_title_a_participle_after_a_speech_verb_and_a_dual_are_no_names():
    named = by_surface(
        "وصدر الأمر الكريم القاضي بتكليف الهيئة الملكية بإدارة المدينة. قد يقول قائل: توجد أنظمة. "
        "وقال القياديان في الحزب إن الانتخابات قريبة، وقال البريجادير جنرال كيفين كيليا إن الضربات مستمرة.",
        use_model=True,
    )
    assert not any(s in named for s in ("بتكليف", "قائل", "القياديان", "البريجادير"))
    assert "كيفين كيليا" in named


def test_a_given_name_before_a_demonstrative_of_a_new_clause_and_a_name_ending_like_a_dual_stay():
    named = by_surface(
        "ومنهم حسن بن عطية وأخوه عبدالله هؤلاء بعض من أعرفهم. وقالت جوليان إن الكتاب جميل، "
        "وقال ادريان إن الفريق جاهز.",
        use_model=True,
    )
    assert "عبدالله" in named and "جوليان" in named and "ادريان" in named


def test_an_organisation_the_labeller_finds_after_an_institutions_head_is_that_institution():
    named = by_surface(
        "وعولج اللاعب في مستشفى مانشستر الملكي للعيون، ثم نقل إلى مستشفى سيتي في دبي.", use_model=True
    )
    assert named["مستشفى مانشستر"][0] == "LOC" and "مستشفى سيتي" in named
    assert "manchester_city" not in {eid for _, eid in named.values()}


def test_a_nisba_after_a_plural_noun_with_its_pronoun_is_an_adjective_not_after_a_verb():
    named = by_surface("ندعو إلى دعم لمنتجاتنا السعودية في الأسواق. ودعمتها السعودية بقوة.")
    assert [s for s in named if "السعودية" in s] == ["السعودية"]
    e = found("ندعو إلى دعم لمنتجاتنا السعودية في الأسواق.")
    assert e.empty or "saudi_arabia" not in set(e.entity_id)


def test_a_surname_that_reads_as_a_proclitic_and_a_given_name_is_the_surname():
    named = by_surface("ويعتبر المدرب الهولندي مايكل كاريك ركيزة أساسية في خطته.", use_model=True)
    assert "مايكل كاريك" in named and not any("ركيزة" in s for s in named)


def test_a_school_named_by_its_place_and_an_adjective_is_the_school_its_plural_the_place():
    named = by_surface(
        "وفاز مالك موسى من مدرسة القريات الأهلية بالجائزة. وهناك ثلاث من أهم مدارس سمرقند التاريخية. "
        "وأقيم الحفل في مدرسة الرياض."
    )
    assert named["مدرسة القريات الأهلية"][0] == "ORG"
    assert named["سمرقند"][0] == "LOC" and named["الرياض"][0] == "LOC"


def test_a_national_team_takes_its_sport_and_age_group_and_keeps_the_teams_id():
    named = by_surface(
        "وحقق المنتخب السعودي للمبارزة ثلاث ميداليات، وقال مدرب المنتخب السعودي إن اللاعبين تألقوا "
        "بعد معسكر لمدة 40 يوما."
    )
    assert (
        named["المنتخب السعودي للمبارزة"][1] == named["المنتخب السعودي"][1] == "org:المنتخب_السعودي@المبارزة"
    )
    named = by_surface("وفاز المنتخب السعودي للناشئين لكرة القدم على عمان. وبقي المنتخب السعودي لمدة أسبوع.")
    assert named["المنتخب السعودي للناشئين لكرة القدم"][1] == named["المنتخب السعودي"][1]
    named = by_surface("ويلعب المنتخب البرازيلي لكرة القدم غدا، وقال المنتخب البرازيلي إن")
    assert named["المنتخب البرازيلي لكرة القدم"][1] == named["المنتخب البرازيلي"][1]


def test_a_centre_named_by_its_place_and_adjectives_is_the_centre_not_the_place():
    named = by_surface(
        "أقيم المعرض في مركز دبي التجاري العالمي، وقال مركز الشارقة الإعلامي إن الزوار كثر. "
        "ونظم نادي جدة الأدبي الثقافي أمسية. وزار الوفد مركز دبي أمس."
    )
    assert "مركز دبي التجاري العالمي" in named and "مركز الشارقة الإعلامي" in named
    assert "نادي جدة الأدبي الثقافي" in named
    assert named["دبي"] == ("LOC", "dubai")


def test_a_body_a_rule_cuts_inside_a_name_the_labeller_goes_on_with_takes_that_name():
    named = by_surface("وقال باحث في مركز وودرو ويلسون الدولي للعلماء إن الاتفاق مهم.", use_model=True)
    assert "مركز وودرو ويلسون الدولي" in named and "مركز وودرو" not in named


def test_classical_and_modern_poets_and_scholars_are_known_persons():
    named = by_surface(
        "ومن الشعراء النابغة الذبياني والفرزدق وأبي تمام، وكتب الجاحظ وابن رشد، "
        "وغنت أم كلثوم قصيدة لأحمد شوقي."
    )
    assert named["النابغة الذبياني"][1] == "al_nabigha" and named["الجاحظ"][1] == "al_jahiz"
    assert named["ابن رشد"][1] == "ibn_rushd" and named["أم كلثوم"][1] == "umm_kulthum"


def test_names_on_one_skeleton_that_differ_by_an_arabic_given_name_are_different_persons():
    assert not written_alike(("ابن", "راشد"), ("ابن", "رشد"))
    assert not written_alike(("اسلام", "جمال"), ("اسلام", "كمال"))
    assert written_alike(("ارسين", "فينغر"), ("ارسين", "فينجر"))
    named = by_surface(
        "وحال ذلك دون السماح لابن راشد بالهبوط، وكتب الفيلسوف ابن رشد كتبا كثيرة.", use_model=True
    )
    assert named["ابن رشد"][1] == "ibn_rushd" and named.get("ابن راشد", ("", ""))[1] != "ibn_rushd"


def test_a_country_after_tariq_is_its_way_unless_a_roads_second_place_follows():
    named = by_surface(
        "ورأى نتانياهو أن الاتفاق يمهد طريق إيران نحو السلاح. ووقع الحادث على طريق مصر - الفيوم."
    )
    assert named["إيران"] == ("LOC", "iran") and "طريق إيران" not in named
    assert "طريق مصر - الفيوم" in named


def test_a_far_town_after_the_conjunction_fa_is_no_place():
    assert "maradi_ne" not in ids("فمرادي من هذا الكلام أن نتعاون، فلنكن يدا واحدة.")
    assert "maradi_ne" in ids("وصل الوفد إلى مرادي أمس.")


def test_a_bodys_name_stops_before_and_bodies_in_general():
    named = by_surface("وأعلنت اللجنة العامة للانتخابات واللجان المحلية أسماء المرشحين أمس.")
    assert "اللجنة العامة للانتخابات" in named


def test_a_title_word_after_a_patronymic_that_no_name_follows_is_the_family_name():
    named = by_surface(
        "وقال رئيس البلدية المهندس عصام بن عبداللطيف الملا: إن المطعم أغلق. "
        "وذكر الدكتور عبدالله بن عبدالملك المرشد إن الحفل ناجح."
    )
    assert "عصام بن عبداللطيف الملا" in named and "عبدالله بن عبدالملك المرشد" in named


def test_news_agencies_by_their_initials_with_or_without_dots():
    assert ids("القاهرة - (د.ب.أ): قالت الحكومة إن") >= {"dpa", "cairo"}
    assert "afp" in ids("لندن - (أ.ف.ب): أعلنت الشرطة") and "afp" in ids("باريس (أ ف ب) - قال الرئيس")


def test_the_annotation_view_leaves_out_initials_the_stage_keeps():
    tagged = tag_entities(["غزة ـ أ . ش . أ : كشف وزير", "القاهرة - (د.ب.أ): قالت"])
    assert set(tagged.surface) == {"غزة", "القاهرة"}
    assert "mena" in ids("غزة ـ أ . ش . أ : كشف وزير الداخلية")
