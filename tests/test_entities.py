"""Entity extraction and linking on news sentences written for these tests (helpers.entities)."""

import pandas as pd
import pytest

from helpers.catalog import columns
from helpers.core.text import split_sentences
from helpers.entities import extract_entities, link, recognise

DOCS = {
    "a": (
        "لافروف يحذر من الناتو",
        "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو لن تقبل بتوسع حلف الناتو.\n"
        "وأضاف لافروف خلال زيارته إلى دوشانبي عاصمة طاجيكستان أن بلاده تنسق مع الصين.\n"
        "من جانبه، قال ميخائيل كوزنيتسوف، وهو باحث في معهد موسكو، إن التقارب مع بكين مستمر.\n"
        "ويعتقد كوزنيتسوف في مقاله أن الرئيس الأمريكي جو بايدن يراهن على الحلفاء الأوروبيين.\n"
        "ألقى بايدن خطابه بالجمعية العامة للأمم المتحدة، وشدد على دعم أوكرانيا "
        "وللولايات المتحدة مصالح في آسيا الوسطى.",
    ),
    "b": (
        "",
        "التقى سيرجي لافروف في دوشنبة بنظيره الطاجيكي، وقال المسؤول الروسي ميخائيل كوزنيتسوف "
        "إن الاستثمارات الروسية والأمريكية في كازخستان تتزايد.",
    ),
    "c": ("", ""),
}


def frames(docs=DOCS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The documents and sentences tables of `docs` (doc_id -> (title, body))."""
    documents = pd.DataFrame([(k, t, b) for k, (t, b) in docs.items()], columns=["doc_id", "title", "body"])
    sentences = pd.DataFrame(
        [
            (d, i, s.start, s.end, s.text)
            for d, (_, body) in docs.items()
            for i, s in enumerate(split_sentences(body))
        ],
        columns=["doc_id", "sentence_id", "start", "end", "text"],
    )
    return documents, sentences


def run(docs=DOCS, **kwargs):
    return extract_entities(*frames(docs), use_camel_ner=False, **kwargs)


@pytest.fixture(scope="module")
def tables():
    return run()


def ids(tables, doc_id):
    e = tables.entities
    return set(e.loc[e.doc_id == doc_id, "entity_id"])


def surfaces(tables, entity_id):
    return set(tables.entities.loc[tables.entities.entity_id == entity_id, "surface"])


def test_table_columns_and_offsets(tables):
    assert list(tables.entities.columns) == columns("entities")
    assert list(tables.catalogue.columns) == columns("entity_catalogue")
    for row in tables.entities.itertuples():
        text = DOCS[row.doc_id][0 if row.field == "title" else 1]
        assert text[row.start : row.end] == row.surface
        assert pd.isna(row.sentence_id) == (row.field == "title")


def test_gazetteer_names_with_proclitics_and_longest_match(tables):
    a = ids(tables, "a")
    assert {
        "sergey_lavrov",
        "moscow",
        "nato",
        "dushanbe",
        "tajikistan",
        "china",
        "beijing",
        "joe_biden",
        "ukraine",
        "united_states",
        "central_asia",
        "un_general_assembly",
    } <= a
    assert "united_nations" not in a  # inside "الجمعية العامة للأمم المتحدة"
    assert "الجمعية العامة للأمم المتحدة" in surfaces(tables, "un_general_assembly")
    assert "وللولايات المتحدة" in surfaces(tables, "united_states")  # و + ل + ال written وللـ
    assert "حلف الناتو" in surfaces(tables, "nato")


def test_titles_are_searched_but_not_sentences(tables):
    title_rows = tables.entities[(tables.entities.doc_id == "a") & (tables.entities.field == "title")]
    assert set(title_rows.entity_id) == {"sergey_lavrov", "nato"}


def test_adjectives_and_common_nouns_are_not_entities(tables):
    found = set(tables.entities.surface)
    assert not found & {"الروسي", "الروسية", "الأمريكي", "الطاجيكي", "الحلفاء", "الأوروبيين", "والأمريكية"}


def test_rule_found_person_links_surname_and_spelling_across_documents(tables):
    person = tables.entities[tables.entities.surface == "ميخائيل كوزنيتسوف"].entity_id.unique()
    assert len(person) == 1 and person[0].startswith("per:")
    assert "كوزنيتسوف" in surfaces(tables, person[0])
    assert set(tables.entities[tables.entities.entity_id == person[0]].doc_id) == {"a", "b"}
    assert "لافروف" in surfaces(tables, "sergey_lavrov")
    assert ids(tables, "b") >= {"sergey_lavrov", "dushanbe", "kazakhstan", person[0]}


def test_catalogue_counts_and_variants(tables):
    row = tables.catalogue.set_index("entity_id").loc["sergey_lavrov"]
    assert row.type == "PER" and row.n_docs == 2 and row.name_en == "Sergey Lavrov"
    assert row.variants.split("|") == sorted(["سيرغي لافروف", "لافروف", "سيرجي لافروف"])
    assert row.n_mentions == len(tables.entities[tables.entities.entity_id == "sergey_lavrov"])


def test_merge_log_explains_variants(tables):
    merges = tables.merges.set_index(["entity_id", "variant"])
    assert merges.loc[("kazakhstan", "كازخستان"), "reason"] == "skeleton"
    assert merges.loc[("dushanbe", "دوشنبه"), "reason"] == "alias"
    surname_rows = tables.merges[tables.merges.reason == "surname"]
    assert "كوزنيتسوف" in set(surname_rows.variant)


def test_weak_alias_needs_a_strong_mention():
    docs = {
        "x": ("", "أعلنت القيادة المركزية للجيش السوري تعزيزات جديدة."),
        "y": ("", "نفذت القيادة المركزية الأمريكية تمرينا، وقالت القيادة المركزية إنه ناجح."),
    }
    result = run(docs)
    assert "centcom" not in ids(result, "x")
    e = result.entities
    assert len(e[(e.doc_id == "y") & (e.entity_id == "centcom")]) == 2


def test_unknown_org_event_and_place_rules():
    docs = {
        "x": (
            "",
            "ونقلت صحيفة كوميرسانتيكا عن مصادر أن تمرين الصداقة الدائمة 24 سيجري قرب "
            'مدينة خوروغوفسك، فيما نشرت "سيبيريا تايمز" تقريرا عن المناورات.',
        )
    }
    found = {(r.surface, r.type) for r in run(docs).entities.itertuples()}
    assert ("كوميرسانتيكا", "ORG") in found
    assert ("الصداقة الدائمة 24", "MISC") in found
    assert ("خوروغوفسك", "LOC") in found
    assert ("سيبيريا تايمز", "ORG") in found


def test_neighbouring_words_change_a_gazetteer_name():
    """A San / Saint word joins the place after it; a national qualifier or a nationality after
    an organisation's name makes it another organisation, unless the gazetteer has that name."""
    docs = {
        "x": (
            "",
            "ووصل إلى سان بطرسبورغ وفد من مجلس الأمن القومي الأمريكي، ثم وسان بطرسبورغ.\n"
            "وانعقد مجلس الأمن الدولي، وأصدر مجلس الأمن الروسي بيانا، وقال حلف الناتو العسكري "
            "إن مجلس الأمن الإيراني اجتمع.",
        )
    }
    found = run(docs).entities
    by_surface = dict(zip(found["surface"], found["entity_id"], strict=False))
    assert by_surface["سان بطرسبورغ"] == "saint_petersburg"
    assert (found["entity_id"] == "saint_petersburg").sum() == 2  # وسان: the proclitic stays out
    national = by_surface.get("مجلس الأمن القومي", by_surface.get("مجلس الأمن القومي الأمريكي"))
    assert national not in ("un_security_council", "", None)
    assert by_surface["مجلس الأمن الإيراني"] not in ("un_security_council", "russian_security_council")
    assert by_surface["مجلس الأمن الدولي"] == "un_security_council"
    assert by_surface["مجلس الأمن الروسي"] == "russian_security_council"
    assert by_surface["حلف الناتو"] == "nato"  # العسكري is not a nationality


def test_titles_reach_names_past_an_organisation_and_after_presidency():
    docs = {
        "x": (
            "",
            "وقالت المتحدثة باسم البيت الأبيض جين ساكي إن الرئيس سيزور المنطقة.\n"
            "وعقد الاجتماع برئاسة عسكر مامين في أستانا.\n"
            "وأعلنت رئاسة الوزراء الروسية أمس أن الوزير حاليا في موسكو، "
            "وقال الوزير جديدة المدينة إن.",
        )
    }
    people = set(run(docs).entities.query("type == 'PER'")["surface"])
    assert people == {"جين ساكي", "عسكر مامين"}


def test_after_a_title_verbs_nouns_and_lone_words_need_the_labeller():
    docs = {
        "x": (
            "",
            "وقدم الدعم لمساعدة الشعب اليمني في تجاوز أزمته.\n"
            "وكانت عالة كبيرة على الفريق أفقدته الاستفادة من اللاعب.\n"
            "وفور وصول الرئيس سيستقبلهم ويصطحبهم إلى المنصة.\n"
            "وأعرب المفوض العام للأونروا عن قلقه.\n"
            "ودفع ذلك المدعي العام هارالد رانجه إلى الشكوى.",
        )
    }
    result = run(docs)
    assert set(result.entities.query("type == 'PER'")["surface"]) == {"هارالد رانجه"}
    assert "أفقدته" in set(result.candidates["surface"])  # للأونروا (ل + الأونروا) is not even a candidate


def test_unconfirmed_rule_spans_go_to_candidates(tables):
    docs = {"x": ("", "وقال سياسيون إن الوضع صعب.")}
    result = run(docs)
    assert result.entities.empty
    assert list(result.candidates.columns) == [
        "surface",
        "type",
        "rule",
        "n_mentions",
        "n_docs",
        "doc_ids",
        "example",
    ]
    assert "سياسيون" in set(result.candidates.surface)


def test_output_is_deterministic(tables):
    again = run(dict(reversed(list(DOCS.items()))))
    pd.testing.assert_frame_equal(tables.entities, again.entities)
    pd.testing.assert_frame_equal(tables.catalogue, again.catalogue)


def test_link_in_forked_workers_gives_the_same_tables(tables):
    """`link` with two workers (each reads some documents, the merge log is replayed in document
    order) equals the one-process run; "a" teaches the names that "b" finds again."""
    documents, sentences = frames()
    for use_model in (True, False):
        mentions, pending = recognise(documents, sentences, use_model=use_model)
        forked = link(documents, sentences, mentions, pending, workers=2)
        alone = run(use_model=use_model) if not use_model else tables
        for name in ("entities", "catalogue", "candidates", "merges"):
            pd.testing.assert_frame_equal(getattr(forked, name), getattr(alone, name), obj=name)
    assert (forked.entities["source"] == "surname").any()


def test_recognise_gives_each_generic_bodys_place_for_link():
    """A name many places' bodies share carries the place after it in `recognise`'s rows, which
    `link` compares across the corpus; a national body's office (وزارة الصحة) carries none."""
    text = "افتتح مستشفى الملك فهد بجدة قسما، ثم زار الوزير مستشفى الملك فهد بالهفوف ووزارة الصحة في المنطقة."
    documents, sentences = frames({"a": ("", text)})
    mentions, _ = recognise(documents, sentences, use_model=False)
    places = {(r.surface, r.place) for r in mentions.itertuples() if r.source != "gazetteer"}
    assert places == {
        ("مستشفى الملك فهد", "jeddah_sa"),
        ("مستشفى الملك فهد", "al_hufuf_sa"),
        ("وزارة الصحة", None),
    }
    ids = set(
        link(documents, sentences, *recognise(documents, sentences, use_model=False)).entities["entity_id"]
    )
    assert {"loc:مستشفي_الملك_فهد@jeddah_sa", "loc:مستشفي_الملك_فهد@al_hufuf_sa"} <= ids


def test_extract_entities_in_forked_workers_gives_the_same_tables(tables):
    """With two workers `extract_entities` recognises the documents in forked processes (as the
    notebooks' stage does) and gives the one-process tables."""
    forked = run(workers=2)
    for name in ("entities", "catalogue", "candidates", "merges"):
        pd.testing.assert_frame_equal(getattr(forked, name), getattr(tables, name), obj=name)


def test_tag_entities_leaves_a_class_noun_outside_the_name():
    from helpers import tag_entities

    text = (
        "أعلنت حركة حماس أن قطاع غزة يعاني، ولعب بنادي الغرافة، ووقعت مدينة الملك عبدالعزيز للعلوم والتقنية."
    )
    names = tag_entities([text])
    assert all(text[r.start : r.end] == r.surface for r in names.itertuples())
    got = dict(zip(names["surface"], names["entity_id"], strict=True))
    assert got["حماس"] == "hamas" and got["غزة"] == "gaza_strip" and "الغرافة" in got
    assert "مدينة الملك عبدالعزيز للعلوم والتقنية" in got  # an organisation: جامعة-like, kept whole
    whole = tag_entities([text], stage_spans=True)
    assert {"حركة حماس", "قطاع غزة", "نادي الغرافة"} <= set(whole["surface"])
    text = "وصل الحجاج إلى مكة المكرمة ثم إلى المدينة المنورة."
    names = tag_entities([text])
    assert all(text[r.start : r.end] == r.surface for r in names.itertuples())
    assert {"مكة", "المدينة المنورة"} <= set(names["surface"])  # المدينة alone is no name


def test_a_quoted_name_after_its_head_is_whole_and_annotated_without_its_quotes():
    from helpers import tag_entities

    text = 'وأقيمت المباراة على ملعب «سولدجر فيلد» في شيكاغو، وهبطت في مطار "بلاكبوش" أمس.'
    whole = tag_entities([text], stage_spans=True)
    assert {"ملعب «سولدجر فيلد»", 'مطار "بلاكبوش"'} <= set(whole["surface"])
    names = tag_entities([text])
    assert all(text[r.start : r.end] == r.surface for r in names.itertuples())
    assert {"سولدجر فيلد", "بلاكبوش"} <= set(names["surface"])  # no quote on either side


def test_tag_entities_leaves_out_descriptions_of_a_states_bodies():
    """الجيش اللبناني، الحكومة السودانية، مجلس الوزراء describe a body, as NER annotation has it;
    مجلس الأمن and الكونغرس name one; the corpus tables keep the descriptions."""
    from helpers import tag_entities

    text = (
        "وقال الجيش اللبناني إن الحكومة السودانية ومجلس الوزراء ووزارة الدفاع الأمريكية ناقشوا "
        "قرار مجلس الأمن الدولي، وصوت الكونغرس الأمريكي عليه."
    )
    names = tag_entities([text])
    assert all(text[r.start : r.end] == r.surface for r in names.itertuples())
    surfaces = set(names["surface"])
    assert not {"الجيش اللبناني", "الحكومة السودانية", "مجلس الوزراء", "وزارة الدفاع الأمريكية"} & surfaces
    assert "الكونغرس" in surfaces and any(s.startswith("مجلس الأمن") for s in surfaces)
    whole = set(tag_entities([text], stage_spans=True)["surface"])
    assert {"الجيش اللبناني", "الحكومة السودانية", "مجلس الوزراء"} <= whole
    text = "وأبقى مجلس الاحتياطي الاتحادي أسعار الفائدة دون تغيير."
    assert "مجلس الاحتياطي الاتحادي" in set(tag_entities([text])["surface"])  # one body's name


def test_tag_entities_names_an_event_by_its_place_or_own_name():
    from helpers import tag_entities
    from helpers.entities.annotation import event_name
    from helpers.entities.gazetteer import load_gazetteer

    text = "تأهل الفريق إلى دوري أبطال أوروبا وكأس العالم بعد اتفاق أبوجا."
    names = tag_entities([text])
    got = {(r.surface, r.type, r.entity_id) for r in names.itertuples()}
    assert ("أوروبا", "LOC", "europe") in got and ("أبوجا", "LOC", "abuja_ng") in got
    assert not {s for s, *_ in got} & {"كأس العالم", "دوري أبطال أوروبا", "اتفاق أبوجا"}
    assert "كأس العالم" in set(tag_entities([text], stage_spans=True)["surface"])
    gaz = load_gazetteer()
    assert event_name(gaz, "MISC", "جائزة نوبل", "misc:x") == (6, 10, "MISC", "misc:x")
    assert event_name(gaz, "MISC", "الدوري الإسباني", "misc:x")[:2] == (0, 0)  # no name
    assert event_name(gaz, "MISC", "عاصفة الحزم", "misc:x") is None  # no event's head


def test_tag_entities_names_currencies_god_and_religions():
    """MISC in NER annotation; not a currency's word that is a nationality or a name (الأفغاني،
    ليون), nor الله in a name, nor a religion's word as an adjective."""
    from helpers import tag_entities

    text = (
        "ارتفع الدولار إلى 5 دولار و20 مليون جنيه إسترليني و3 آلاف دولار أمريكي ومليوني يورو. واعتنق الإسلام "
        "وقال عبد الله إن شاء الله، وحزب الله والديانة المسيحية. والتقى الأفغاني في ليون."
    )
    names = tag_entities([text])
    misc = [(r.surface, r.entity_id) for r in names.itertuples() if r.type == "MISC"]
    assert misc == [
        ("الدولار", "misc:دولار"),
        ("دولار", "misc:دولار"),
        ("جنيه إسترليني", "misc:جنيه_استرليني"),
        ("دولار", "misc:دولار"),
        ("يورو", "misc:يورو"),
        ("الإسلام", "misc:الاسلام"),
        ("الله", "misc:الله"),
    ]
    assert "الدولار" not in set(tag_entities([text], stage_spans=True)["surface"])
    gold = tag_entities(["بلغ سعر الذهب 1100 دولار للأوقية."])
    assert list(gold.loc[gold["type"] == "MISC", "surface"]) == ["دولار"]  # the ounce is a unit


def test_tag_entities_names_a_place_after_a_direction_and_a_team_by_its_place():
    from helpers import tag_entities

    text = "قصفت الطائرات جنوب لبنان، وفاز منتخب مصر على جنوب أفريقيا."
    names = tag_entities([text])
    got = {(r.surface, r.type, r.entity_id) for r in names.itertuples()}
    assert {("لبنان", "LOC", "lebanon"), ("مصر", "LOC", "egypt")} <= got
    assert any(s == "جنوب أفريقيا" and t == "LOC" for s, t, _ in got)  # a country's name


def test_a_stadium_is_named_by_its_head_and_tagged_without_it():
    from helpers import tag_entities

    text = (
        "أقيمت المباراة على ملعب الإمارات في لندن، ثم على ملعب فيسنتي كالديرون، "
        "وفي استاد القاهرة وملعب تشيلسي."
    )
    stage = {(r.surface, r.type) for r in tag_entities([text], stage_spans=True).itertuples()}
    assert {("ملعب الإمارات", "LOC"), ("ملعب فيسنتي كالديرون", "LOC")} <= stage
    assert ("الإمارات", "LOC") not in stage  # not the country
    assert {("القاهرة", "LOC"), ("تشيلسي", "ORG")} <= stage  # a city or a club stays itself
    tagged = {(r.surface, r.type) for r in tag_entities([text]).itertuples()}
    assert {("الإمارات", "MISC"), ("فيسنتي كالديرون", "MISC")} <= tagged


def test_a_name_many_bear_is_one_person_only_across_articles_that_share_context():
    """محمد الزهراني in an arrest, in a committee and in two reports of one match: the two
    reports (one club, one opponent) keep the id, the others are persons of their own; a
    foreigner's name (جون كينيدي) stays one id without shared context."""
    docs = {
        "a": ("", "وألقت الشرطة القبض على محمد الزهراني في الخفجي بعد تبادل لإطلاق النار."),
        "b": ("", "وأوضح منسق عام اللجنة محمد الزهراني أن التدريب يبدأ الأسبوع المقبل."),
        "c": ("", "وسجل اللاعب محمد الزهراني هدف نادي الفيحاء في مرمى نادي الطائي."),
        "d": ("", "وأحرز محمد الزهراني هدفا لنادي الفيحاء أمام نادي الطائي."),
        "e": ("", "وذكر أوباما بجهود الرئيس الراحل جون كينيدي للحد من الأسلحة."),
        "f": ("", "واستخدم الرئيس السابق جون كينيدي عصا فضية."),
    }
    result = run(docs)
    persons = result.entities.query("type == 'PER' and surface != 'أوباما'")
    got = dict(zip(persons["doc_id"], persons["entity_id"], strict=True))
    assert got["c"] == got["d"] == "per:محمد_الزهراني"
    assert got["a"] == "per:محمد_الزهراني@a" and got["b"] == "per:محمد_الزهراني@b"
    assert got["e"] == got["f"]
    logged = result.merges.query("reason == 'namesake'")
    assert set(logged["entity_id"]) == {"per:محمد_الزهراني@a", "per:محمد_الزهراني@b"}


def test_muhammad_before_his_blessing_or_after_a_word_for_the_prophet_is_the_prophet():
    """محمد alone is one person per article, but the Prophet before صلى الله عليه وسلم (or ﷺ) or
    after نبينا; the article's other محمد stays its own."""
    docs = {
        "a": ("", "وقال الخطيب إن سنة محمد صلى الله عليه وسلم واضحة، وقال محمد إن الفريق جاهز."),
        "b": ("", "واتبع سنة نبينا محمد ﷺ في كل شيء."),
    }
    e = run(docs).entities.query("type == 'PER'")
    got = list(zip(e["doc_id"], e["surface"], e["entity_id"], strict=True))
    assert ("a", "محمد", "prophet_muhammad") in got and ("a", "محمد", "per:محمد@a") in got
    assert ("b", "نبينا محمد", "prophet_muhammad") in got
