"""Small hand-made corpora for helpers.stories.cluster (Arabic news-like texts)."""

import pandas as pd

from helpers.stories.cluster import cluster_stories, story_catalogue

WIRE = (
    "أعلنت وزارة الداخلية التونسية أن قوات الأمن فككت خلية إرهابية من ستة عناصر في منطقة الدهماني "
    "بولاية الكاف كانت تخطط لاستهداف منشآت أمنية حساسة في الكاف وتونس العاصمة بالتنسيق مع "
    "مجموعات متحصنة بالجبال، وذلك بعد تشديد الإجراءات الأمنية عقب هجوم سوسة الذي قتل فيه سياح أجانب."
)
DATELINE = "الرياض - واس"
SHARE = "شارك الخبر على تويتر وفيسبوك | تابعونا على تويتر"


def frame(rows):
    return pd.DataFrame(rows, columns=["doc_id", "title", "body", "outlet", "published"])


def groups(res):
    return {frozenset(g) for g in res.groupby("story_id")["doc_id"].apply(set)}


def test_two_outlets_one_story():
    docs = frame(
        [
            (
                "a1",
                "الهلال يخسر وديته الأخيرة أمام أودينيزي الإيطالي بهدف",
                "خسر فريق الهلال مباراته الودية الأخيرة في معسكره الإيطالي أمام أودينيزي بهدف دون رد قبل مواجهة النصر في كأس السوبر في لندن.",
                "riyadh",
                "2015-08-06",
            ),
            (
                "b1",
                "أودينيزي يهزم الهلال بهدف في ختام معسكر إيطاليا",
                "اختتم الهلال معسكره في إيطاليا بالخسارة أمام أودينيزي بهدف نظيف في آخر مبارياته الودية استعدادا لمواجهة النصر في السوبر.",
                "okaz",
                "2015-08-06",
            ),
            (
                "c1",
                "ارتفاع أسعار الذهب مع تراجع الدولار",
                "ارتفعت أسعار الذهب في التعاملات الآسيوية اليوم مع تراجع الدولار الأمريكي وترقب المستثمرين لبيانات الوظائف.",
                "riyadh",
                "2015-08-06",
            ),
        ]
    )
    g = groups(cluster_stories(docs))
    assert frozenset({"a1", "b1"}) in g
    assert frozenset({"c1"}) in g


def test_wire_copy_edited_by_three_outlets_is_one_story():
    docs = frame(
        [
            (
                "w1",
                "تونس تعلن تفكيك خلية إرهابية خططت لتنفيذ هجمات",
                f"{DATELINE}\n{WIRE}\n{SHARE}",
                "alriyadh",
                "2015-08-06",
            ),
            (
                "w2",
                "الأمن التونسي يفكك خلية إرهابية",
                "تونس - رويترز\n" + WIRE.replace("أعلنت", "قالت") + " وأضاف البيان أن التحقيق مستمر.",
                "alyaum",
                "2015-08-06",
            ),
            (
                "w3",
                "تونس تفكك خلية خططت لأعمال إرهابية",
                "أحبطت تونس مخططا إرهابيا.\n" + WIRE[:180],
                "okaz",
                "2015-08-07",
            ),
            (
                "x1",
                "الصقور السعودية تستعرض في سماء الباحة غدا",
                "يقدم فريق الصقور السعودية عروضه الجوية في سماء الباحة ضمن فعاليات الصيف بمشاركة سبع طائرات.",
                "alriyadh",
                "2015-08-06",
            ),
        ]
    )
    g = groups(cluster_stories(docs))
    assert frozenset({"w1", "w2", "w3"}) in g
    assert frozenset({"x1"}) in g


def test_boilerplate_and_dates_do_not_glue_unrelated_items():
    # Same outlet, same day, same agency dateline and share line, same date expressions; different events.
    bodies = [
        (
            "e1",
            "وصول الطائرة الإغاثية الخامسة إلى عدن",
            "وصلت الطائرة الإغاثية السعودية الخامسة إلى مطار عدن محملة باثني عشر طنا من المستلزمات الطبية لمرضى الفشل الكلوي.",
        ),
        (
            "e2",
            "جامعة الدمام تطرح 130 وظيفة شاغرة",
            "أعلنت جامعة الدمام عن توفر 130 وظيفة شاغرة على بند الرواتب عن طريق المسابقة العامة للرجال والنساء.",
        ),
        (
            "e3",
            "افتتاح مهرجان العسل الدولي في الباحة",
            "افتتح وكيل إمارة الباحة مهرجان العسل الدولي بمشاركة خمسين نحالا يعرضون أنواع العسل المحلي والمستورد.",
        ),
        (
            "e4",
            "إنقاذ 26 غريقا خلال إجازة العيد بالشرقية",
            "أنقذت دوريات حرس الحدود في المنطقة الشرقية ستة وعشرين غريقا على الشواطئ خلال إجازة عيد الفطر.",
        ),
    ]
    rows = []
    for did, t, b in bodies:
        body = f"{DATELINE}\nيوم الخميس 6 أغسطس 2015 الموافق 21 شوال 1436هـ\n{b}\n{SHARE}\nوكالة الأنباء السعودية"
        rows.append((did, t, body, "alriyadh", "2015-08-06"))
    res = cluster_stories(frame(rows))
    assert res["story_id"].nunique() == 4


def test_documents_far_apart_in_time_are_not_compared():
    body = "أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس كورونا في الرياض لأفراد عائلة واحدة بينهم حالة وفاة."
    docs = frame(
        [
            ("t1", "كورونا يصيب عائلة في الرياض", body, "sabq", "2015-08-06"),
            ("t2", "كورونا يصيب عائلة في الرياض", body, "okaz", "2015-09-20"),
        ]
    )
    assert cluster_stories(docs, window_days=1)["story_id"].nunique() == 2
    assert cluster_stories(docs, window_days=60)["story_id"].nunique() == 1


def test_deterministic_and_order_independent():
    docs = frame(
        [
            (
                "d3",
                "دي ماريا يوقع مع سان جرمان لأربع سنوات",
                "وقع الأرجنتيني دي ماريا عقدا مع باريس سان جرمان لمدة أربع سنوات قادما من مانشستر يونايتد.",
                "alyaum",
                "2015-08-06",
            ),
            (
                "d1",
                "رسميا: دي ماريا ينضم إلى سان جرمان",
                "أعلن نادي باريس سان جرمان رسميا تعاقده مع الأرجنتيني دي ماريا لأربع سنوات قادما من مانشستر يونايتد.",
                "aleqt",
                "2015-08-06",
            ),
            (
                "d2",
                "النفط يرتفع لليوم الثاني",
                "ارتفعت أسعار النفط لليوم الثاني بعد تراجع المخزونات الأمريكية.",
                "alyaum",
                "2015-08-06",
            ),
        ]
    )
    a = cluster_stories(docs).sort_values("doc_id").reset_index(drop=True)
    b = cluster_stories(docs.sample(frac=1, random_state=3)).sort_values("doc_id").reset_index(drop=True)
    c = cluster_stories(docs).sort_values("doc_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)
    # story id = smallest member doc_id
    assert a.set_index("doc_id").loc["d3", "story_id"] == "d1"
    assert a.set_index("doc_id").loc["d2", "story_id"] == "d2"


def test_catalogue():
    docs = frame(
        [
            (
                "k1",
                "الهلال يخسر أمام أودينيزي",
                "خسر الهلال أمام أودينيزي بهدف في ختام معسكره الإيطالي قبل السوبر.",
                "riyadh",
                "2015-08-05",
            ),
            (
                "k2",
                "أودينيزي يهزم الهلال بهدف",
                "هزم أودينيزي الإيطالي الهلال بهدف في ختام معسكر الفريق قبل السوبر.",
                "okaz",
                "2015-08-06",
            ),
            ("k3", "", "ارتفعت أسعار الذهب اليوم. وتراجع الدولار.", "okaz", "2015-08-06"),
        ]
    )
    res = cluster_stories(docs)
    cat = story_catalogue(docs, res)
    assert list(cat.columns) == [
        "story_id",
        "label",
        "n_docs",
        "n_outlets",
        "outlets",
        "first_published",
        "last_published",
        "top_entities",
    ]
    top = cat.iloc[0]
    assert top.n_docs == 2 and top.n_outlets == 2 and top.outlets == "okaz|riyadh"
    assert (top.first_published, top.last_published) == ("2015-08-05", "2015-08-06")
    lone = cat[cat.story_id == "k3"].iloc[0]
    assert lone.label.startswith("ارتفعت أسعار الذهب")


def test_empty_input():
    assert len(cluster_stories(frame([]))) == 0


# --- entities, title conflicts, missing dates, cores ---------------------------------------------------

CONGRAT = "بعث خادم الحرمين الشريفين برقية تهنئة لرئيس {c} بمناسبة ذكرى استقلال بلاده، أعرب فيها عن أطيب التهاني وأصدق التمنيات بموفور الصحة والسعادة ولحكومة وشعب {c} الشقيق المزيد من التقدم والازدهار."


def congrat_docs():
    rows = []
    for k, (c, outlets) in enumerate(
        [("بوليفيا", ["okaz", "alriyadh", "alyaum"]), ("بوركينا فاسو", ["okaz", "alriyadh", "sabq"])]
    ):
        for o in outlets:
            rows.append(
                (f"{o}_{k}", f"القيادة تهنئ رئيس {c} بذكرى الاستقلال", CONGRAT.format(c=c), o, "2015-08-06")
            )
    return frame(rows)


def congrat_entities(docs):
    rows = []
    for d, t, b in zip(docs.doc_id, docs.title, docs.body, strict=False):
        for surface, eid in (("بوليفيا", "bolivia"), ("بوركينا فاسو", "burkina_faso")):
            if surface in t:
                rows.append(
                    (d, eid, "LOC", surface, t.find(surface), t.find(surface) + len(surface), None, "title")
                )
            i = b.find(surface)
            while i >= 0:
                rows.append((d, eid, "LOC", surface, i, i + len(surface), 0, "body"))
                i = b.find(surface, i + 1)
    return pd.DataFrame(
        rows, columns=["doc_id", "entity_id", "type", "surface", "start", "end", "sentence_id", "field"]
    )


def test_template_lookalikes_kept_apart_by_title_names_and_entities_optional():
    docs = congrat_docs()
    ents = congrat_entities(docs)
    # near-identical template bodies: only a hard block (conflict_factor=0) keeps them apart; the default
    # 0.3 is a soft penalty (enough on the dev day, where template bodies differ more)
    apart = groups(cluster_stories(docs, entities=ents, conflict_names=True, conflict_factor=0.0))
    assert frozenset({"okaz_0", "alriyadh_0", "alyaum_0"}) in apart
    assert frozenset({"okaz_1", "alriyadh_1", "sabq_1"}) in apart
    # the same template without the check is one cluster; without an entities table everything still runs
    assert len(groups(cluster_stories(docs, entities=ents, conflict_factor=1.0))) == 1
    assert len(cluster_stories(docs, entities=None)) == 6
    assert len(cluster_stories(docs, entities=ents.iloc[0:0])) == 6
    with_features = cluster_stories(
        docs, entities=ents, entity_weight=0.2, conflict_names=True, conflict_factor=0.0
    )
    assert len(with_features) == 6


def test_title_numbers_of_the_same_unit_keep_items_apart():
    body = "ضبطت فرق التفتيش التابعة لمكتب العمل {n} مخالفة لقرار منع العمل تحت أشعة الشمس خلال جولاتها الميدانية على المنشآت ومواقع العمل في المنطقة."
    docs = frame(
        [
            ("m1", "267 مخالفة لقرار منع العمل تحت الشمس", body.format(n=267), "okaz", "2015-08-06"),
            ("m2", "267 مخالفة لقرار منع العمل تحت الشمس", body.format(n=267), "sabq", "2015-08-06"),
            ("m3", "531 مخالفة لقرار منع العمل تحت الشمس", body.format(n=531), "alyaum", "2015-08-06"),
        ]
    )
    g = groups(cluster_stories(docs, conflict_factor=0.0))
    assert frozenset({"m1", "m2"}) in g and frozenset({"m3"}) in g
    assert len(groups(cluster_stories(docs, conflict_factor=1.0))) == 1


def test_missing_published_dates():
    body = "أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس كورونا في الرياض لأفراد عائلة واحدة بينهم حالة وفاة للأم."
    docs = frame(
        [
            ("u1", "كورونا يصيب عائلة في الرياض", body, "sabq", "2015-08-06"),
            ("u2", "كورونا يصيب عائلة في الرياض", body, "okaz", None),  # no date: no window
            ("u3", "كورونا يصيب عائلة في الرياض", body, "alyaum", "not a date"),
            ("u4", "كورونا يصيب عائلة في الرياض", body, "alweeam", "2015-09-20"),
        ]
    )
    res = cluster_stories(docs).set_index("doc_id")["story_id"]
    # the undated articles join the story of 2015-08-06 but cannot bridge it to the one 45 days later
    assert res["u2"] == res["u1"] == res["u3"]
    assert res["u4"] != res["u1"]
    # no published column at all: every article is undated, all compared
    assert cluster_stories(docs.drop(columns=["published"]))["story_id"].nunique() == 1
    # published_at (time of day) wins over published where present
    docs2 = docs.assign(published_at=["2015-09-20T10:00:00+03:00", None, None, None])
    res2 = cluster_stories(docs2).set_index("doc_id")["story_id"]
    assert res2["u1"] == res2["u4"]


def test_attach_to_cores_without_chaining():
    import numpy as np
    import scipy.sparse as sp

    from helpers.stories.cluster import attach_to_cores

    # 4 clusters: a core of 3 docs (label 0), a facet (label 3) close to the core centroid, a cluster
    # (label 4) close to the facet only, and an unrelated doc (label 5)
    X = np.array(
        [[1, 0, 0, 0], [1, 0.1, 0, 0], [1, 0, 0.1, 0], [0.6, 0.8, 0, 0], [0, 1, 0, 0.3], [0, 0, 0, 1.0]]
    )
    X = sp.csr_matrix(X / np.linalg.norm(X, axis=1, keepdims=True))
    labels = np.array([0, 0, 0, 3, 4, 5])
    days = np.zeros(6, dtype=np.int64)
    out = attach_to_cores(X, days, labels, 0.5, min_docs=3, window_days=1)
    assert out.tolist() == [0, 0, 0, 0, 4, 5]  # the facet joins; the facet's neighbour does not chain in
