"""Corpora as researchers get them, through the ingest stage: one `documents` row per record, with
its provenance, status, title, outlet and dates, from archives, record files and SGML."""

import gzip
import io
import json
import tarfile
import zipfile

import pandas as pd
import pytest
from formats_support import make_tar, make_zip

from helpers import ingest

ARABIC = "قال وزير الخارجية إن المحادثات مع الجانب الآخر مستمرة منذ أشهر، وإن التعاون يتوسع في مجالات عدة."


def rows_of(result) -> dict:
    return {r["source_path"]: r for r in result.documents.to_dict("records")}


@pytest.fixture
def corpus(tmp_path):
    """One folder holding every form (each text different, so that none is a duplicate)."""
    folder = tmp_path / "in"
    folder.mkdir()
    day = [
        {
            "title": f"عنوان {i}",
            "content": f"{ARABIC} خبر {i}",
            "url": f"http://x.sa/{i}",
            "source": "okaz",
            "author": "",
            "date_extracted": "2015-08-06 01:00:00",
        }
        for i in range(3)
    ]
    make_zip(folder / "2015-08-06.zip", {"2015-08-06.json": json.dumps(day, ensure_ascii=False)})
    make_tar(folder / "texts.tar.gz", {f"docs/{n}.txt": f"{ARABIC} نص {n}" for n in ("a", "b")})
    (folder / "trec.txt").write_text(
        "".join(
            f"<DOC>\n<DOCNO>ALJ-2018-05-1{i}</DOCNO>\n<URL>http://aj.net/{i}</URL>\n<SRC>الجزيرة</SRC>\n"
            f"<TITLE>عنوان تريك {i}</TITLE>\n<TIME>Mon, 14 May 2018 10:53:4{i} +0000</TIME>\n"
            f"<AUTHOR>كاتب</AUTHOR>\n<TEXT>\n{ARABIC} تريك {i}\n</TEXT>\n</DOC>\n"
            for i in range(2)
        ),
        encoding="utf-8",
    )
    gigaword = "".join(
        f'<DOC id="AFP_ARB_2000010{i}.000{i}" type="story" >\n<HEADLINE>عنوان {i}</HEADLINE>\n'
        f"<DATELINE>باريس 1-1 (اف ب) -</DATELINE>\n<TEXT>\n<P>\n{ARABIC} فقرة {i}\n</P>\n"
        f"<P>\nفقرة ثانية {i}\n</P>\n</TEXT>\n</DOC>\n"
        for i in range(1, 4)
    )
    with gzip.open(folder / "afp_arb200001.gz", "wt", encoding="utf-8") as f:
        f.write(gigaword)
    (folder / "newsplease.jsonl").write_text(
        json.dumps(
            {
                "title": "خبر",
                "maintext": f"{ARABIC} نيوز",
                "date_publish": 1526738062123,
                "source_domain": "www.alarabiya.net",
                "authors": ["محمد علي", "سارة أحمد"],
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    (folder / "export.csv").write_text(
        "Article_Body;Headline;Publisher;Pub Date\n"
        f'"{ARABIC} تصدير";عنوان التصدير;الرياض;الثلاثاء ١٥ مايو ٢٠١٨ - ١٠:٣٠ م\n',
        encoding="utf-8",
    )
    hostile = io.BytesIO()
    with zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("../x.txt", ARABIC + " مهربة")
        z.writestr("bomb.txt", b"\x00" * 20_000_000)
        z.writestr("good.txt", ARABIC + " سليم")
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (0o120777) << 16
        z.writestr(link, "/etc/passwd")
    (folder / "hostile.zip").write_bytes(hostile.getvalue())
    return folder


def test_every_form_gives_one_row_per_record_with_its_fields(corpus):
    result = ingest.ingest_folder(
        corpus, fields={"text": "article_body", "published": "pub date"}, timezone="Asia/Riyadh"
    )
    rows = rows_of(result)
    zipped = rows["2015-08-06.zip/2015-08-06.json#1"]
    assert (zipped["status"], zipped["format"], zipped["title"], zipped["outlet"]) == (
        "ok",
        "json",
        "عنوان 1",
        "okaz",
    )
    assert zipped["published"] == "2015-08-06" and zipped["published_source"] == "record"
    assert zipped["published_at"] == "2015-08-05T22:00:00Z"  # 01:00 in Riyadh (zone-less times: --timezone)
    assert rows["texts.tar.gz/docs/b.txt"]["status"] == "ok"
    trec = rows["trec.txt#1"]
    assert (trec["doc_id"], trec["title"], trec["outlet"], trec["url"]) == (
        "ALJ-2018-05-11",
        "عنوان تريك 1",
        "الجزيرة",
        "http://aj.net/1",
    )
    assert (trec["published"], trec["published_at"]) == ("2018-05-14", "2018-05-14T10:53:41Z")
    giga = rows["afp_arb200001.gz#2"]
    assert (giga["doc_id"], giga["title"], giga["published"], giga["outlet"]) == (
        "AFP_ARB_20000103.0003",
        "عنوان 3",
        "2000-01-03",
        "AFP",
    )
    texts = dict(zip(result.raw_text["doc_id"], result.raw_text["text"], strict=True))
    assert texts["AFP_ARB_20000103.0003"].splitlines()[-1] == "فقرة ثانية 3"  # one line per <P>
    news = rows["newsplease.jsonl#0"]
    assert (news["outlet"], news["author"], news["published"], news["published_at"]) == (
        "www.alarabiya.net",
        "محمد علي، سارة أحمد",
        "2018-05-19",
        "2018-05-19T13:54:22Z",
    )
    csv_row = rows["export.csv#0"]
    assert (csv_row["title"], csv_row["outlet"], csv_row["published"], csv_row["published_at"]) == (
        "عنوان التصدير",
        "الرياض",
        "2018-05-15",
        "2018-05-15T19:30:00Z",
    )
    assert len(set(result.documents["doc_id"])) == len(result.documents)


def test_archive_members_that_could_do_harm_are_refused_with_a_row_each(corpus):
    result = ingest.ingest_folder(corpus)
    rows = rows_of(result)
    refused = {path: row for path, row in rows.items() if path.startswith("hostile.zip/")}
    assert rows["hostile.zip/good.txt"]["status"] == "ok"
    for member, why in {"../x.txt": "..", "bomb.txt": "100 times", "link.txt": "link"}.items():
        row = refused[f"hostile.zip/{member}"]
        assert row["status"] == "unreadable" and why in row["message"], row
        assert f"hostile.zip/{member}" in set(result.issues["source"])
    assert "مهربة" not in " ".join(result.raw_text["text"])


def test_doc_ids_stay_unique_across_files_and_the_same_on_every_run(corpus):
    # two record files whose records carry the same own id, and a copy of an archive
    for name, extra in (("a.jsonl", "أولى"), ("b.jsonl", "ثانية")):
        (corpus / name).write_text(
            json.dumps({"id": "A1", "text": f"{ARABIC} {extra}"}, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    (corpus / "copy").mkdir()
    (corpus / "copy" / "2015-08-06.zip").write_bytes((corpus / "2015-08-06.zip").read_bytes())
    first, second = ingest.ingest_folder(corpus), ingest.ingest_folder(corpus)
    assert first.documents["doc_id"].tolist() == second.documents["doc_id"].tolist()
    assert first.documents["doc_id"].is_unique
    rows = rows_of(first)
    assert (rows["a.jsonl#0"]["doc_id"], rows["b.jsonl#0"]["doc_id"]) == ("A1", "A1__2")
    renamed = first.issues[first.issues["problem"] == "duplicate_id"]
    assert renamed["source"].tolist() == ["b.jsonl#0"] and "'A1'" in renamed["message"].iloc[0]
    assert set(first.raw_text["doc_id"]) >= {"A1", "A1__2"}
    dupes = first.documents[first.documents["source_path"].str.startswith("copy/")]
    assert len(dupes) == 3 and (dupes["status"] == "duplicate").all()  # the same texts again


def test_a_manifest_names_records_by_their_source_path(corpus):
    (corpus / "manifest.csv").write_text(
        "file,outlet,published\n2015-08-06.zip/2015-08-06.json#0,عكاظ,2015-08-05T23:10:00+03:00\n",
        encoding="utf-8",
    )
    result = ingest.ingest_folder(corpus)
    row = rows_of(result)["2015-08-06.zip/2015-08-06.json#0"]
    assert (row["outlet"], row["published"], row["published_at"], row["published_source"]) == (
        "عكاظ",
        "2015-08-05",
        "2015-08-05T20:10:00Z",
        "manifest",
    )
    assert "missing_file" not in set(result.issues["problem"])


def test_an_unknown_field_name_is_refused_at_once(corpus):
    with pytest.raises(ValueError, match="colour"):
        ingest.ingest_folder(corpus, fields={"colour": "x"})


def test_a_tar_of_texts_and_an_html_member(tmp_path):
    archive = tmp_path / "pages.tar"
    with tarfile.open(archive, "w") as tar:
        page = (
            f"<html><head><title>صفحة</title></head><body><article><h1>صفحة</h1><p>{ARABIC}</p>"
            f"<p>{ARABIC} أخرى</p></article></body></html>"
        ).encode()
        info = tarfile.TarInfo("site/page.html")
        info.size = len(page)
        tar.addfile(info, io.BytesIO(page))
    row = rows_of(ingest.ingest_folder(tmp_path))["pages.tar/site/page.html"]
    assert row["status"] == "ok" and row["format"] == "html" and "<p>" not in str(row["message"])
    assert pd.notna(row["title"])
