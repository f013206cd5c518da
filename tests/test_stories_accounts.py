"""Hand-made corpora for helpers.stories.quotes, helpers.stories.accounts and helpers.stories.claims."""

import pandas as pd

from helpers.core.text import stopwords
from helpers.stories.accounts import story_accounts
from helpers.stories.claims import story_claims
from helpers.stories.quotes import quotes
from helpers.stories.textfacts import numbers, roles


def sentences_of(docs):
    """A sentences table for bodies whose sentences end with '.' (offsets into the body)."""
    rows = []
    for d, body in zip(docs["doc_id"], docs["body"], strict=False):
        start, k = 0, 0
        for i, ch in enumerate(body):
            if ch == "." or i == len(body) - 1:
                a = start
                while a < len(body) and body[a] == " ":
                    a += 1
                end = i + 1
                if end > a:
                    rows.append((d, k, a, end, body[a:end]))
                    k += 1
                start = end
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "start", "end", "text"])


def entity_rows(docs, names):
    """Entity mentions: every occurrence of each (surface, entity_id, type) in the bodies."""
    sents = sentences_of(docs)
    rows = []
    for d, body in zip(docs["doc_id"], docs["body"], strict=False):
        for surface, eid, typ in names:
            i = body.find(surface)
            while i >= 0:
                s = sents[(sents.doc_id == d) & (sents.start <= i) & (sents.end > i)]
                rows.append((d, eid, typ, surface, i, i + len(surface), int(s.sentence_id.iloc[0]), "body"))
                i = body.find(surface, i + 1)
    return pd.DataFrame(
        rows, columns=["doc_id", "entity_id", "type", "surface", "start", "end", "sentence_id", "field"]
    )


def docs_frame(rows):
    return pd.DataFrame(rows, columns=["doc_id", "title", "body", "outlet", "published"])


# --- quotes ------------------------------------------------------------------------------------------


def test_direct_quote_with_speaker_after():
    body = "«نحن مستعدون لاستقبال الحجاج في الموعد المحدد هذا العام»، قال وزير الحج محمد بنتن. وانتهى اللقاء."
    d = docs_frame([("q1", "", body, "okaz", "2015-08-06")])
    q = quotes(d, sentences_of(d))
    assert len(q) == 1
    r = q.iloc[0]
    assert r.kind == "direct" and r.verb == "قال"
    assert r.quote == "نحن مستعدون لاستقبال الحجاج في الموعد المحدد هذا العام"
    assert body[r.start : r.end] == r.quote
    assert r.speaker == "وزير الحج محمد بنتن"


def test_direct_quote_speaker_before_across_colon_and_linked_entity():
    body = "وقال وزير الخارجية عادل الجبير: «المملكة لن تسمح بالتدخل في شؤون المنطقة». وأضاف: «سنواصل العمل مع الحلفاء»."
    d = docs_frame([("q2", "", body, "alriyadh", "2015-08-06")])
    e = entity_rows(d, [("عادل الجبير", "adel_al_jubeir", "PER")])
    q = quotes(d, sentences_of(d), e)
    assert list(q.kind) == ["direct", "direct"]
    assert q.quote.tolist() == ["المملكة لن تسمح بالتدخل في شؤون المنطقة", "سنواصل العمل مع الحلفاء"]
    # linked speaker; the second quote (وأضاف: ...) continues the same speaker
    assert q.speaker.tolist() == ["adel_al_jubeir", "adel_al_jubeir"]
    assert q.speaker_text.iloc[0] == "وزير الخارجية عادل الجبير"
    assert q.verb.tolist() == ["قال", "أضاف"]


def test_reported_speech_with_akkada_anna():
    body = "وأكدت وزارة الصحة أن عدد الإصابات بلغ أربع حالات في أسرة واحدة، مشيرة إلى أن الأم توفيت."
    d = docs_frame([("q3", "", body, "sabq", "2015-08-06")])
    q = quotes(d, sentences_of(d))
    assert len(q) == 2
    first, second = q.iloc[0], q.iloc[1]
    assert first.kind == "reported" and first.verb == "أكد" and first.speaker == "وزارة الصحة"
    assert first.quote == "عدد الإصابات بلغ أربع حالات في أسرة واحدة"  # stops before "، مشيرة إلى أن"
    assert second.verb == "أشار" and second.speaker == "وزارة الصحة" and second.quote == "الأم توفيت"


def test_speaker_that_is_a_description_and_adjunct_skipped():
    body = "وقال مصدر مسؤول في تصريح لـ«عكاظ» أمس إن التحقيقات مستمرة مع الموقوفين الثلاثة."
    d = docs_frame([("q4", "", body, "okaz", "2015-08-06")])
    q = quotes(d, sentences_of(d))
    assert len(q) == 1
    r = q.iloc[0]
    assert r.speaker == "مصدر مسؤول" and r.kind == "reported"
    assert r.quote == "التحقيقات مستمرة مع الموقوفين الثلاثة"


def test_scare_quotes_and_impersonal_verbs_are_not_quotes():
    body = (
        "أعلنت الشركة عن إطلاق ما سمي بـ«الباص السياحي» في أبها. يذكر أن المهرجان يستمر شهرا. "
        "وتبين أن السائق مواطن."
    )
    d = docs_frame([("q5", "", body, "alwatan", "2015-08-06")])
    assert len(quotes(d, sentences_of(d))) == 0


def test_verb_forms():
    body = (
        "وقالوا إن الطريق سيفتح غدا أمام المسافرين. ونفت الشرطة أن يكون الحادث جنائيا في طبيعته. "
        "ويقول الخبير الاقتصادي فهد الأحمد: «الأسعار ستتراجع في الربع المقبل»."
    )
    d = docs_frame([("q6", "", body, "alyaum", "2015-08-06")])
    q = quotes(d, sentences_of(d))
    assert q.verb.tolist() == ["قال", "نفى", "قال"]
    assert q.speaker.tolist()[1:] == ["الشرطة", "الخبير الاقتصادي فهد الأحمد"]


# --- numbers and roles -------------------------------------------------------------------------------


def test_numbers_with_units():
    st = stopwords()
    got = [
        (v, u) for v, u, _ in numbers("مقتل 43 شخصا وإصابة عشرة من رجال الأمن و419 ألف يمني بنسبة 8,3%", st)
    ]
    assert got == [(43.0, "شخص"), (10.0, "رجال"), (419000.0, "يمني"), (8.3, "%")]
    assert [u for _, u, _ in numbers("من 10 إلى 20 أغسطس الجاري", st)] == ["", ""]  # a date, not a count


def test_roles_observer_vs_participant():
    text = "يشارك عسكريون من طاجيكستان وكازاخستان، بالإضافة إلى منغوليا وباكستان كمراقبين في التمرين."
    m = [
        (eid, text.find(s), text.find(s) + len(s))
        for s, eid in [("طاجيكستان", "tj"), ("كازاخستان", "kz"), ("منغوليا", "mn"), ("باكستان", "pk")]
    ]
    assert roles(text, m) == {"tj": "participant", "kz": "participant", "mn": "observer", "pk": "observer"}


# --- accounts and claims -----------------------------------------------------------------------------

STORY = [
    (
        "a1",
        "انتحاري يفجر نفسه في مسجد بعسير",
        "قتل 15 شخصا في تفجير انتحاري استهدف مسجدا لقوات الطوارئ في عسير ظهر الخميس. وقال المتحدث الأمني إن التحقيقات جارية لمعرفة هوية المنفذ.",
        "alriyadh",
        "2015-08-06",
    ),
    (
        "b1",
        "تفجير مسجد الطوارئ في عسير",
        "قتل 10 أشخاص في تفجير انتحاري استهدف مسجدا لقوات الطوارئ في عسير ظهر الخميس. وأدان مجلس التعاون الهجوم الإرهابي بشدة.",
        "alwatan",
        "2015-08-06",
    ),
    (
        "c1",
        "أسعار الذهب ترتفع",
        "ارتفعت أسعار الذهب مع تراجع الدولار في التعاملات الآسيوية.",
        "alriyadh",
        "2015-08-06",
    ),
]


def test_two_outlets_one_story_with_a_disagreeing_number():
    d = docs_frame(STORY)
    stories = pd.DataFrame({"doc_id": ["a1", "b1", "c1"], "story_id": ["a1", "a1", "c1"]})
    s = sentences_of(d)
    c = story_claims(stories, d, s)
    assert set(c.story_id) == {"a1"}  # the one-outlet story is skipped
    g = c[c.sentence_id == 0]
    assert sorted(g.doc_id) == ["a1", "b1"] and g.claim_id.nunique() == 1
    diff = g.differences.iloc[0]
    assert "تعارض في شخص" in diff and "15" in diff and "10" in diff
    assert g.n_disagreements.iloc[0] >= 1
    acc = story_accounts(stories, d, s)
    assert list(acc.doc_id) == ["a1", "b1"]
    assert acc.set_index("doc_id").loc["a1", "numbers"] == "15 شخص"
    assert acc.set_index("doc_id").loc["a1", "quoted"] == "المتحدث الأمني"
    assert acc.lead.tolist()[0].startswith("قتل 15 شخصا")


def test_wire_copy_aligns_without_disagreement():
    wire = (
        "أعلنت وزارة التجارة الموافقة على تأسيس 16 شركة مساهمة مقفلة برأسمال 55 مليون ريال. "
        "وأوضحت الوزارة أن الشركات تعمل في قطاعات الصناعة والخدمات والتجارة."
    )
    d = docs_frame(
        [
            ("w1", "", wire, "okaz", "2015-08-06"),
            ("w2", "", "الرياض - واس. " + wire, "alyaum", "2015-08-06"),
            ("w3", "", wire, "sabq", "2015-08-06"),
        ]
    )
    stories = pd.DataFrame({"doc_id": ["w1", "w2", "w3"], "story_id": ["w1"] * 3})
    c = story_claims(stories, d, sentences_of(d))
    assert c.claim_id.nunique() == 2  # the two wire sentences, each given by all three outlets
    assert (c.n_accounts == 3).all() and (c.n_disagreements == 0).all()
    assert (c.differences == "").all()


def test_first_report_uses_time_when_known():
    d = pd.DataFrame(
        {
            "doc_id": ["x1", "x2", "x3"],
            "title": ["", "", ""],
            "body": ["خبر الأول عن الحادث.", "خبر ثان عن الحادث.", "خبر ثالث عن الحادث."],
            "outlet": ["okaz", "sabq", "alyaum"],
            "published": ["2015-08-06", "2015-08-06", "2015-08-05"],
            "published_at": ["2015-08-06T09:00", "2015-08-06T08:00", None],
        }
    )
    stories = pd.DataFrame({"doc_id": ["x1", "x2", "x3"], "story_id": ["s"] * 3})
    acc = story_accounts(stories, d)
    assert acc.set_index("doc_id")["first_report"].to_dict() == {"x1": False, "x2": False, "x3": True}
    d.loc[2, "published"] = "2015-08-07"
    acc = story_accounts(stories, d)
    assert acc.set_index("doc_id")["first_report"].to_dict() == {"x1": False, "x2": True, "x3": False}
    assert "published_at" in acc.columns


def test_participant_vs_observer_difference_is_marked():
    d = docs_frame(
        [
            (
                "e1",
                "",
                "تستضيف طاجيكستان تمرين التعاون الإقليمي من 10 إلى 20 أغسطس. يشارك عسكريون من طاجيكستان وكازاخستان، بالإضافة إلى منغوليا وباكستان كمراقبين في التمرين.",
                "agency",
                None,
            ),
            (
                "e2",
                "",
                "انطلق تمرين التعاون الإقليمي في طاجيكستان. ومشاركة عسكريين من كازاخستان وباكستان ومنغوليا وطاجيكستان في التمرين.",
                "masir",
                "2022-08-20",
            ),
        ]
    )
    e = entity_rows(
        d,
        [
            ("طاجيكستان", "tajikistan", "LOC"),
            ("كازاخستان", "kazakhstan", "LOC"),
            ("منغوليا", "mongolia", "LOC"),
            ("باكستان", "pakistan", "LOC"),
        ],
    )
    stories = pd.DataFrame({"doc_id": ["e1", "e2"], "story_id": ["e1", "e1"]})
    c = story_claims(stories, d, sentences_of(d), e)
    g = c[c.differences.str.contains("تعارض في دور pakistan")]
    assert sorted(g.doc_id) == ["e1", "e2"] and sorted(g.sentence_id) == [1, 1]
    assert "مراقب [agency] مقابل مشارك [masir]" in g.differences.iloc[0]
    assert "تعارض في دور mongolia" in g.differences.iloc[0]


def test_deterministic_and_order_independent():
    d = docs_frame(STORY)
    stories = pd.DataFrame({"doc_id": ["a1", "b1", "c1"], "story_id": ["a1", "a1", "c1"]})
    s = sentences_of(d)
    c1 = story_claims(stories, d, s)
    c2 = story_claims(
        stories.sample(frac=1, random_state=1),
        d.sample(frac=1, random_state=2),
        s.sample(frac=1, random_state=3),
    )
    pd.testing.assert_frame_equal(c1, c2)
    a1 = story_accounts(stories, d, s)
    a2 = story_accounts(stories.iloc[::-1], d.iloc[::-1], s.iloc[::-1])
    pd.testing.assert_frame_equal(a1, a2)
    q1 = quotes(d, s)
    q2 = quotes(d.iloc[::-1], s.iloc[::-1])
    pd.testing.assert_frame_equal(q1, q2)


def test_empty_inputs():
    d = docs_frame([])
    st = pd.DataFrame({"doc_id": [], "story_id": []})
    assert len(story_claims(st, d, sentences_of(d))) == 0
    assert len(story_accounts(st, d)) == 0
    assert len(quotes(d, sentences_of(d))) == 0


def test_subjectless_verb_takes_the_person_named_earlier_in_the_sentence():
    body = (
        "طالب عضو جمعية الطفولة عبدالعزيز المشيطي وزارة التجارة بتكثيف جولاتها، مبينا أن هذه الأقلام تضر الأطفال. "
        "وأضاف أن الجولات يجب أن تشمل المكتبات."
    )
    d = docs_frame([("q7", "", body, "3alyoum", "2015-08-06")])
    e = entity_rows(d, [("عبدالعزيز المشيطي", "per:المشيطي", "PER")])
    q = quotes(d, sentences_of(d), e)
    assert q.speaker.tolist() == ["per:المشيطي", "per:المشيطي"]  # then carried to the next sentence
    assert q.quote.tolist()[0] == "هذه الأقلام تضر الأطفال"
