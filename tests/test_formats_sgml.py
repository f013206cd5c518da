"""TREC/CLEF and Gigaword SGML."""

import gzip

import pytest
from formats_support import ARTICLE, make_tar, read_all

from helpers.ingest.formats import detect_file
from helpers.ingest.formats import sgml as sgml_mod

TREC = """<DOC>
<DOCNO> 19940513_AFP_ARB.0001 </DOCNO>
<HEADLINE>
<P>وزير الخارجية &amp; نظيره</P>
</HEADLINE>
<DATELINE>القاهرة 13-5 (اف ب) -</DATELINE>
<DATE>13/05/1994</DATE>
<TEXT>
<P>
قال وزير الخارجية
إن المحادثات ستستأنف.
<P>
وأضاف أن الوفد & المرافقين وصلوا.
</TEXT>
</DOC>
<DOC>
<DOCNO>19940513_AFP_ARB.0002</DOCNO>
<TITLE>عنوان ثان</TITLE>
<SRC>AFP</SRC>
<URL>http://example.org/2</URL>
<AUTHOR>مراسل</AUTHOR>
<ABSTRACT>ملخص قصير</ABSTRACT>
<TEXT>
فقرة أولى
بسطرين.

فقرة ثانية.
</TEXT>
</DOC>
"""


def gigaword(n: int, month: str = "200001") -> str:
    docs = []
    for i in range(1, n + 1):
        docs.append(f"""<DOC id="AFP_ARB_{month}{i:02d}.{i:04d}" type="story" >
<HEADLINE>
عنوان رقم {i}
</HEADLINE>
<DATELINE>
باريس {i}-1 (اف ب) -
</DATELINE>
<TEXT>
<P>
{ARTICLE}
سطر ثان {i}
</P>
<P>
الفقرة الثانية {i}
</P>
</TEXT>
</DOC>
""")
    return "".join(docs)


def test_trec_file_with_two_docs(tmp):
    (tmp / "AFP_ARB.19940513").write_text(TREC, encoding="utf-8")
    a, b = read_all(tmp / "AFP_ARB.19940513")
    assert (a.status, a.fmt, a.doc_id_hint, a.source_path) == (
        "ok",
        "sgml",
        "19940513_AFP_ARB.0001",
        "AFP_ARB.19940513#0",
    )
    assert a.title == "وزير الخارجية & نظيره"
    assert a.text == "قال وزير الخارجية إن المحادثات ستستأنف.\nوأضاف أن الوفد & المرافقين وصلوا."
    assert a.published == "1994-05-13" and a.published_raw == "13/05/1994"
    assert a.extra["dateline"] == "القاهرة 13-5 (اف ب) -"
    assert a.outlet == "AFP"  # from the TREC id
    assert (b.title, b.outlet, b.url, b.author) == ("عنوان ثان", "AFP", "http://example.org/2", "مراسل")
    assert b.text == "فقرة أولى بسطرين.\nفقرة ثانية."
    assert b.extra["abstract"] == "ملخص قصير"
    assert b.published == "1994-05-13" and b.published_raw == "19940513"  # from the id


def test_gzipped_gigaword_with_three_docs(tmp):
    path = tmp / "afp_arb200001.gz"
    path.write_bytes(gzip.compress(gigaword(3).encode("utf-8")))
    recs = read_all(path)
    assert [r.doc_id_hint for r in recs] == [
        "AFP_ARB_20000101.0001",
        "AFP_ARB_20000102.0002",
        "AFP_ARB_20000103.0003",
    ]
    assert [r.published for r in recs] == ["2000-01-01", "2000-01-02", "2000-01-03"]
    assert [r.source_path for r in recs] == [f"afp_arb200001.gz#{i}" for i in range(3)]
    r = recs[0]
    assert (r.title, r.outlet, r.extra["type"]) == ("عنوان رقم 1", "AFP", "story")
    assert r.text == f"{ARTICLE} سطر ثان 1\nالفقرة الثانية 1"
    assert r.published_at is None


def test_sgml_detected_by_content_whatever_the_suffix(tmp):
    (tmp / "a.txt").write_text(TREC, encoding="utf-8")
    (tmp / "b.xml").write_text(
        '<?xml version="1.0"?>\n<collection>\n' + gigaword(1) + "</collection>", encoding="utf-8"
    )
    (tmp / "c.txt").write_text("نص عادي يذكر <DOC> في وسطه", encoding="utf-8")
    assert detect_file(tmp / "a.txt") == "sgml"
    assert detect_file(tmp / "b.xml") == "sgml"
    assert detect_file(tmp / "c.txt") is None
    assert len(read_all(tmp / "b.xml")) == 1


def test_docs_cut_by_read_boundaries(tmp, monkeypatch):
    monkeypatch.setattr(sgml_mod, "READ_CHARS", 7)  # every tag is cut somewhere
    (tmp / "g").write_text(gigaword(5), encoding="utf-8")
    recs = read_all(tmp / "g")
    assert [r.status for r in recs] == ["ok"] * 5
    assert recs[4].text.endswith("الفقرة الثانية 5")


def test_unclosed_and_truncated_docs(tmp):
    text = (
        gigaword(1)
        + '<DOC id="AFP_ARB_20000102.0002">\n<TEXT>لم يغلق\n'
        + gigaword(1, "200002")
        + '<DOC id="AFP_ARB_20000103.0003">\n<TEXT>مقطوع'
    )
    (tmp / "u.sgml").write_text(text, encoding="utf-8")
    recs = read_all(tmp / "u.sgml")
    assert [(r.status, r.problem) for r in recs] == [
        ("ok", None),
        ("unreadable", "bad_sgml"),
        ("ok", None),
        ("unreadable", "bad_sgml"),
    ]
    assert "not closed before the next" in recs[1].message
    assert "truncated" in recs[3].message


def test_oversized_doc_is_skipped(tmp):
    from helpers.ingest.formats import Limits

    big = gigaword(1).replace("الفقرة الثانية 1", "ك" * 50_000)
    (tmp / "o.sgml").write_text(gigaword(1) + big + gigaword(1, "200003"), encoding="utf-8")
    recs = read_all(tmp / "o.sgml", limits=Limits(max_record_bytes=10_000))
    assert [r.problem for r in recs] == [None, "too_large", None]


def test_doc_without_text_and_cp1256(tmp):
    body = (
        "<DOC>\n<DOCNO>X-1</DOCNO>\n<HEADLINE>عنوان</HEADLINE>\n</DOC>\n"
        + f"<DOC>\n<DOCNO>X-2</DOCNO>\n<TEXT>\n{ARTICLE}\n</TEXT>\n</DOC>\n"
    )
    (tmp / "w.sgm").write_bytes(body.encode("cp1256"))
    a, b = read_all(tmp / "w.sgm")
    assert (a.status, a.title) == ("empty", "عنوان") and "no <TEXT>" in a.message
    assert (b.status, b.text) == ("ok", ARTICLE)


def test_sgml_in_a_tar_gz(tmp):
    path = make_tar(tmp / "giga.tgz", {"data/afp_arb/afp_arb200001": gigaword(2)})
    recs = read_all(path)
    assert [r.source_path for r in recs] == [
        "giga.tgz/data/afp_arb/afp_arb200001#0",
        "giga.tgz/data/afp_arb/afp_arb200001#1",
    ]


@pytest.mark.parametrize(
    "doc_id,day",
    [
        ("AFP_ARB_20000101.0001", "20000101"),
        ("19940513_AFP_ARB.0001", "19940513"),
        ("NHR_ARB_19951301.0001", None),
        ("LA010189-0001", None),
    ],
)
def test_date_from_id(doc_id, day):
    assert sgml_mod.date_from_id(doc_id) == day
