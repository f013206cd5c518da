"""Record files: JSON, JSON Lines, CSV/TSV, Parquet; field names; ids; issues."""

import json
from datetime import UTC

import pytest
from formats_support import ARTICLE, articles, make_gz, read_all

from helpers.ingest.formats import DEFAULT_FIELDS, iter_records


def news_please(i: int, **kw) -> dict:
    # the shape news-please writes (one JSON object per article)
    rec = {
        "authors": ["محمد علي", "سارة أحمد"],
        "date_download": "2018-05-19 14:00:00",
        "date_modify": None,
        "date_publish": 1526738062123 + i * 1000,
        "description": "وصف",
        "filename": f"x{i}.json",
        "image_url": None,
        "language": "ar",
        "localpath": None,
        "maintext": f"{ARTICLE} {i}",
        "source_domain": "www.alarabiya.net",
        "title": f"خبر {i}",
        "title_page": None,
        "title_rss": None,
        "url": f"https://www.alarabiya.net/ar/{i}",
    }
    rec.update(kw)
    return rec


def test_news_please_jsonl_with_epoch_milliseconds(tmp):
    path = tmp / "alarabiya.jsonl"
    path.write_text(
        "\n".join(json.dumps(news_please(i), ensure_ascii=False) for i in range(3)) + "\n", encoding="utf-8"
    )
    recs = read_all(path)
    assert [r.status for r in recs] == ["ok"] * 3
    r = recs[1]
    assert (r.title, r.outlet, r.url) == ("خبر 1", "www.alarabiya.net", "https://www.alarabiya.net/ar/1")
    assert r.author == "محمد علي، سارة أحمد"
    assert (r.published, r.published_at, r.published_raw) == (
        "2018-05-19",
        "2018-05-19T13:54:23Z",
        "1526738063123",
    )
    assert r.source_path == "alarabiya.jsonl#1" and r.doc_id_hint == "alarabiya__1"
    assert r.fmt == "jsonl" and r.extra == {"language": "ar"} and not r.issues


def test_news_please_single_article_json(tmp):
    (tmp / "a1.json").write_text(json.dumps(news_please(0), ensure_ascii=False), encoding="utf-8")
    (r,) = read_all(tmp / "a1.json")
    assert (r.status, r.source_path, r.doc_id_hint, r.published) == ("ok", "a1.json", "a1", "2018-05-19")


def test_jsonl_bad_lines_are_rows_and_reading_goes_on(tmp):
    lines = [json.dumps(news_please(0)), "{not json", "", "[1, 2]", json.dumps(news_please(1))]
    (tmp / "x.ndjson").write_text("\n".join(lines), encoding="utf-8")
    recs = read_all(tmp / "x.ndjson")
    assert [(r.status, r.problem) for r in recs] == [
        ("ok", None),
        ("unreadable", "bad_json"),
        ("unreadable", "not_a_record"),
        ("ok", None),
    ]
    assert "line 2" in recs[1].message and "line 4" in recs[2].message
    assert recs[1].issues[0]["source"] == "x.ndjson#1"


def test_jsonl_overlong_line_is_skipped(tmp):
    from helpers.ingest.formats import Limits

    lines = [
        json.dumps(news_please(0)),
        json.dumps(news_please(1, maintext="ب" * 5000)),
        json.dumps(news_please(2)),
    ]
    (tmp / "x.jsonl").write_text("\n".join(lines), encoding="utf-8")
    recs = read_all(tmp / "x.jsonl", limits=Limits(max_record_bytes=2000))
    assert [r.problem for r in recs] == [None, "too_large", None]


def test_unparseable_date_gives_an_issue_naming_record_and_value(tmp):
    (tmp / "d.jsonl").write_text(json.dumps(news_please(0, date_publish="أمس")) + "\n", encoding="utf-8")
    (r,) = read_all(tmp / "d.jsonl")
    assert r.status == "ok" and r.published is None and r.published_raw == "أمس"
    (iss,) = r.issues
    assert iss["source"] == "d.jsonl#0" and iss["problem"] == "bad_date" and "أمس" in iss["message"]


def test_a_later_date_field_is_used_when_the_first_fails(tmp):
    rec = {"text": ARTICLE, "date": "31/02/2018", "published": "2018-05-19"}
    (tmp / "d.json").write_text(json.dumps([rec]), encoding="utf-8")
    (r,) = read_all(tmp / "d.json")
    assert r.published == "2018-05-19" and r.issues[0]["problem"] == "bad_date"


def test_record_without_text_is_an_empty_row(tmp):
    recs = [{"title": "t", "content": "   "}, {"title": "t2"}, {"content": {"a": 1}}]
    (tmp / "e.json").write_text(json.dumps(recs), encoding="utf-8")
    a, b, c = read_all(tmp / "e.json")
    assert (a.status, a.problem) == ("empty", "no_text") and "'content' is empty" in a.message
    assert b.status == "empty" and "none of the fields" in b.message
    assert c.status == "empty" and c.issues[0]["problem"] == "bad_field"


def test_json_object_holding_an_array(tmp):
    data = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {
                "source": {"id": None, "name": "الجزيرة"},
                "author": None,
                "title": "أ",
                "url": "u1",
                "publishedAt": "2018-05-19T10:00:00Z",
                "content": ARTICLE,
            },
            {"source": {"id": None, "name": "العربية"}, "title": "ب", "content": ARTICLE + "!"},
        ],
    }
    (tmp / "newsapi.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    a, b = read_all(tmp / "newsapi.json", fields={"published": ["publishedAt"]})
    assert (a.source_path, a.outlet, a.published_at) == (
        "newsapi.json#articles/0",
        "الجزيرة",
        "2018-05-19T10:00:00Z",
    )
    assert (b.source_path, b.outlet, b.doc_id_hint) == ("newsapi.json#articles/1", "العربية", "newsapi__1")


def test_json_truncated_keeps_the_records_before(tmp):
    text = json.dumps(articles(5), ensure_ascii=False)
    (tmp / "cut.json").write_text(text[: len(text) - 60], encoding="utf-8")
    recs = read_all(tmp / "cut.json")
    assert [r.status for r in recs[:4]] == ["ok"] * 4
    assert recs[-1].status == "unreadable" and recs[-1].problem == "bad_json"


def test_json_non_objects_and_empty(tmp):
    (tmp / "s.json").write_text('["a", 1, {"text": "' + ARTICLE + '"}]', encoding="utf-8")
    recs = read_all(tmp / "s.json")
    assert [r.status for r in recs] == ["unreadable", "unreadable", "ok"]
    (tmp / "e.json").write_text("[]", encoding="utf-8")
    (r,) = read_all(tmp / "e.json")
    assert (r.status, r.problem) == ("empty", "no_records")


def test_dot_json_holding_json_lines_is_read_by_lines(tmp):
    (tmp / "l.json").write_text("\n".join(json.dumps(a) for a in articles(3)), encoding="utf-8")
    recs = read_all(tmp / "l.json")
    assert len(recs) == 3 and recs[0].fmt == "jsonl"


def test_json_without_ijson_falls_back_to_a_bounded_load(tmp, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_ijson(name, *a, **kw):
        if name == "ijson":
            raise ImportError(name)
        return real_import(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", no_ijson)
    from helpers.ingest.formats import Limits

    (tmp / "a.json").write_text(json.dumps(articles(3)), encoding="utf-8")
    assert [r.status for r in read_all(tmp / "a.json")] == ["ok"] * 3
    (r,) = read_all(tmp / "a.json", limits=Limits(max_big_json_bytes=100))
    assert r.problem == "too_large" and "ijson" in r.message


def test_csv_with_other_column_names_and_fields_override(tmp):
    (tmp / "export.csv").write_text(
        "Article_Body;Headline;Link;Publisher;Byline;Pub Date;Record ID\n"
        f'"{ARTICLE}\nسطر ثان";عنوان;http://a;الرياض;كاتب;16 أيار 2018;A-1\n'
        f"{ARTICLE};عنوان 2;http://b;الرياض;;2018-05-17;A-1\n",
        encoding="utf-8-sig",
    )
    recs = read_all(tmp / "export.csv", fields={"published": "pub date", "id": "record_id"})
    a, b = recs
    assert (a.status, a.title, a.url, a.outlet, a.author, a.published) == (
        "ok",
        "عنوان",
        "http://a",
        "الرياض",
        "كاتب",
        "2018-05-16",
    )
    assert a.text == ARTICLE + "\nسطر ثان" and a.fmt == "csv"
    assert (a.doc_id_hint, b.doc_id_hint) == ("A-1", "A-1__2")  # own ids, made unique
    assert b.issues and b.issues[0]["problem"] == "doc_id"
    assert b.author is None and b.published == "2018-05-17"


def test_csv_fields_override_is_needed_for_unknown_names(tmp):
    (tmp / "o.csv").write_text(f"matn,unwan\n{ARTICLE},t\n", encoding="utf-8")
    (r,) = read_all(tmp / "o.csv")
    assert r.status == "empty"
    (r,) = read_all(tmp / "o.csv", fields={"text": "matn", "title": ["unwan"]})
    assert (r.status, r.text, r.title) == ("ok", ARTICLE, "t")


def test_csv_windows_1256_and_tsv(tmp):
    (tmp / "w.csv").write_bytes(f"text,title\n{ARTICLE},عنوان\n".encode("cp1256"))
    (r,) = read_all(tmp / "w.csv")
    assert (r.text, r.title) == (ARTICLE, "عنوان")
    (tmp / "t.tsv").write_text(f"content\ttitle\tdate\n{ARTICLE}\tt\t19.05.2018\n", encoding="utf-8")
    (r,) = read_all(tmp / "t.tsv")
    assert (r.fmt, r.text, r.published) == ("tsv", ARTICLE, "2018-05-19")


def test_csv_long_field_and_ragged_row(tmp):
    long = "كلمة " * 100_000  # 500,000 characters: over the csv module's default limit
    (tmp / "l.csv").write_text(f"text,title\n{long},a\n{ARTICLE},b,extra\n", encoding="utf-8")
    a, b = read_all(tmp / "l.csv")
    assert a.status == "ok" and len(a.text) <= 500_000
    assert b.issues[0]["problem"] == "bad_row"


def test_unknown_field_in_override_raises_at_once(tmp):
    (tmp / "a.json").write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError):
        iter_records(tmp / "a.json", "a.json", fields={"body_text": "x"})


def test_parquet_by_batches(tmp):
    from datetime import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 1000
    table = pa.table(
        {
            "Content": [f"{ARTICLE} {i}" for i in range(n)],
            "Title": [f"t{i}" for i in range(n)],
            "published": [datetime(2018, 5, 19, 23, 30, tzinfo=UTC)] * n,
            "ignored": list(range(n)),
        }
    )
    pq.write_table(table, tmp / "p.parquet", row_group_size=100)
    recs = read_all(tmp / "p.parquet")
    assert len(recs) == n and all(r.status == "ok" for r in recs)
    assert (recs[5].title, recs[5].published, recs[5].published_at, recs[5].source_path) == (
        "t5",
        "2018-05-19",
        "2018-05-19T23:30:00Z",
        "p.parquet#5",
    )


def test_parquet_inside_a_zip(tmp):
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq
    from formats_support import make_zip

    buf = io.BytesIO()
    pq.write_table(pa.table({"text": [ARTICLE, ""]}), buf)
    recs = read_all(make_zip(tmp / "pz.zip", {"d.parquet": buf.getvalue()}))
    assert [(r.source_path, r.status) for r in recs] == [
        ("pz.zip/d.parquet#0", "ok"),
        ("pz.zip/d.parquet#1", "empty"),
    ]


def test_jsonl_gz(tmp):
    path = make_gz(tmp / "x.jsonl.gz", "\n".join(json.dumps(news_please(i)) for i in range(4)))
    recs = read_all(path)
    assert [r.source_path for r in recs] == [f"x.jsonl.gz#{i}" for i in range(4)]
    assert recs[0].doc_id_hint == "x__0"


def test_own_ids_are_sanitised(tmp):
    recs = [
        {"id": "../../etc/passwd", "text": ARTICLE},
        {"id": "a\u202eb\u0000c", "text": ARTICLE},
        {"id": 42, "text": ARTICLE},
        {"id": "..", "text": ARTICLE},
        {"guid": "https://x.com/a b", "text": ARTICLE},
    ]
    (tmp / "ids.json").write_text(json.dumps(recs), encoding="utf-8")
    ids = [r.doc_id_hint for r in read_all(tmp / "ids.json")]
    assert ids == ["etc_passwd", "abc", "ids__id42", "ids__3", "https:_x.com_a_b"]
    assert all("/" not in i and "\u202e" not in i for i in ids)


def test_default_field_names():
    assert DEFAULT_FIELDS["text"][:3] == ["text", "content", "body"]
    assert "date_publish" in DEFAULT_FIELDS["published"] and "pubDate" in DEFAULT_FIELDS["published"]


def test_id_allocator_keeps_generated_and_own_ids_apart():
    from helpers.ingest.formats.base import IdAllocator

    ids = IdAllocator()
    assert ids.assign(None, "x", 5, "x.json")[0] == "x__5"
    assert ids.assign("x__5", "x", 6, "x.json")[0] == "x__5__2"  # an own id like a generated one
    assert ids.assign("y__7", "x", 7, "x.json")[0] == "y__7"
    assert ids.assign(None, "y", 7, "y.json")[0] == "y__7__2"  # a generated id like an own one
    assert ids.assign(None, "x", None, "b/x.json")[0] == "x__b2"  # a second source based "x"
    assert ids.assign(42, "x", 8, "x.json")[0] == "x__id42"
    assert ids.assign(42, "x", 9, "x.json")[0] == "x__id42__2"
    assert len(ids.own) == 5  # generated ids are not kept


def test_nested_fields_mongodb_dates_and_author_objects(tmp):
    rec = {
        "_id": {"$oid": "5af"},
        "doc": {"body": ARTICLE, "meta": {"when": {"$date": 1526738062000}}},
        "authors": [{"name": "أ"}, {"name": "ب"}, "أ"],
        "publisher": {"name": "الحياة"},
    }
    (tmp / "m.json").write_text(json.dumps([rec], ensure_ascii=False), encoding="utf-8")
    (r,) = read_all(tmp / "m.json", fields={"text": "doc.body", "published": "doc.meta.when"})
    assert (r.status, r.text, r.author, r.outlet, r.published) == (
        "ok",
        ARTICLE,
        "أ، ب",
        "الحياة",
        "2018-05-19",
    )


def test_office_document_inside_a_zip_is_one_row(tmp):
    from formats_support import make_zip, zip_bytes

    docx = zip_bytes({"[Content_Types].xml": "<x/>", "word/document.xml": "<x/>"})
    (r,) = read_all(make_zip(tmp / "o.zip", {"report.docx": docx}))
    assert (r.status, r.problem, r.source_path) == ("unreadable", "not_text", "o.zip/report.docx")


def test_documents_row_has_the_ingest_columns(tmp):
    (tmp / "a.json").write_text(json.dumps(articles(1), ensure_ascii=False), encoding="utf-8")
    (r,) = read_all(tmp / "a.json")
    row = r.documents_row()
    assert row["doc_id"] == "a__0" and row["format"] == "json" and row["n_chars"] == len(r.text)
    assert row["published"] == "2015-08-06" and row["published_source"] == "record"
