import pandas as pd
import pytest

from helpers import ingest

ARABIC = "قال وزير الخارجية إن المحادثات مع دوشانبي مستمرة منذ أشهر، وإن التعاون العسكري يتوسع.\n"


def write(folder, name, data):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def by_file(result):
    return {r["source_path"]: r for r in result.documents.to_dict("records")}


@pytest.mark.parametrize(
    "encoding,prefix",
    [
        ("utf-8", b""),
        ("utf-8-sig", b""),
        ("utf-16", b""),
        ("cp1256", b""),
    ],
)
def test_decodes_common_encodings_to_the_same_text(tmp_path, encoding, prefix):
    write(tmp_path, "a.txt", prefix + (ARABIC * 3).replace("\n", "\r\n").encode(encoding))
    result = ingest.ingest_folder(tmp_path)
    row = by_file(result)["a.txt"]
    assert row["status"] == "ok", row["message"]
    assert result.raw_text.loc[0, "text"] == ARABIC * 3  # CRLF normalised to LF
    if encoding == "cp1256":
        assert row["encoding"].replace("_", "").lower() in {"cp1256", "windows1256"}


def test_every_file_gets_a_row_and_a_status(tmp_path):
    write(tmp_path, "ok.txt", ARABIC)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.txt", "  \n\t\n")
    write(tmp_path, "doc.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    write(tmp_path, "noise.bin", bytes(range(256)) * 4)
    write(tmp_path, "english.txt", "This page is written in English only, with no Arabic at all.\n")
    write(tmp_path, "copy of ok.txt", ARABIC)
    write(tmp_path, "sub/مقال 'x'.txt", ARABIC + ARABIC)
    rows = by_file(ingest.ingest_folder(tmp_path))
    assert len(rows) == 8
    assert rows["empty.txt"]["status"] == "empty" and rows["blank.txt"]["status"] == "empty"
    assert rows["doc.pdf"]["status"] == "unreadable" and "PDF" in rows["doc.pdf"]["message"]
    assert rows["noise.bin"]["status"] == "unreadable"
    assert rows["english.txt"]["status"] == "not_arabic"
    # of two identical files the first in name order is kept, the other names it
    assert rows["copy of ok.txt"]["status"] == "ok"
    assert rows["ok.txt"]["status"] == "duplicate"
    assert rows["ok.txt"]["message"] == "same content as copy of ok.txt"
    assert rows["sub/مقال 'x'.txt"]["doc_id"] == "sub__مقال 'x'"
    assert all(r["message"] for r in rows.values() if r["status"] != "ok")


def test_html_pages_are_reduced_to_the_article_with_metadata(tmp_path):
    page = f"""<html><head><title>موقع</title><meta name="author" content="سلمى حداد">
    <meta property="article:published_time" content="2022-08-20"></head><body>
    <nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>
    <article><h1>موسكو وواشنطن في آسيا الوسطى</h1><p>{ARABIC * 2}</p><p>{ARABIC}</p></article>
    <footer>جميع الحقوق محفوظة 2022</footer></body></html>"""
    write(tmp_path, "page.html", page)
    result = ingest.ingest_folder(tmp_path)
    row = by_file(result)["page.html"]
    assert row["status"] == "ok" and row["format"] == "html"
    assert row["author"] == "سلمى حداد" and row["published"] == "2022-08-20"
    assert row["published_source"] == "page"
    text = result.raw_text.loc[0, "text"]
    assert "المحادثات مع دوشانبي" in text and "جميع الحقوق محفوظة" not in text


def test_manifest_values_win_and_its_problems_are_reported(tmp_path):
    write(tmp_path, "a.txt", ARABIC)
    write(tmp_path, "b.txt", ARABIC + "نص آخر مختلف تماما عن الأول.")
    write(
        tmp_path,
        "manifest.csv",
        "file,doc_id,outlet,published,colour\n"
        "a.txt,article-a,وكالة الأنباء,2021-10-14,red\n"
        "b.txt,,,14th of Octember,\n"
        "gone.txt,,,2021-01-01,\n",
    )
    result = ingest.ingest_folder(tmp_path)
    rows = by_file(result)
    assert "manifest.csv" not in rows
    assert rows["a.txt"]["doc_id"] == "article-a" and rows["a.txt"]["outlet"] == "وكالة الأنباء"
    assert rows["a.txt"]["published"] == "2021-10-14" and rows["a.txt"]["published_source"] == "manifest"
    assert rows["b.txt"]["doc_id"] == "b" and pd.isna(rows["b.txt"]["published"])
    problems = dict(zip(result.issues["problem"], result.issues["source"], strict=True))
    assert problems["missing_file"] == "gone.txt"
    assert problems["bad_date"] == "b.txt"
    assert "colour" in result.issues.set_index("problem").loc["unknown_column", "message"]


def test_documents_table_has_the_full_contract_from_the_start(tmp_path):
    write(tmp_path, "a.txt", ARABIC)
    docs = ingest.ingest_folder(tmp_path).documents
    for col in ["doc_id", "title", "author", "outlet", "published", "date_anchor", "body", "sha256"]:
        assert col in docs.columns
    assert pd.isna(docs.loc[0, "body"])


def test_missing_input_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        ingest.ingest_folder(tmp_path / "nowhere")


def test_links_are_read_only_inside_the_input_folder_and_everything_else_is_listed(tmp_path):
    import os
    import socket

    inp, elsewhere = tmp_path / "in", tmp_path / "elsewhere"
    write(inp, "real.txt", ARABIC)
    write(elsewhere, "secret.txt", ARABIC + "سر\n")
    (inp / "inside link.txt").symlink_to(inp / "real.txt")
    (inp / "outside link.txt").symlink_to(elsewhere / "secret.txt")
    (inp / "broken link.txt").symlink_to(inp / "gone.txt")
    (inp / "loop a.txt").symlink_to(inp / "loop b.txt")
    (inp / "loop b.txt").symlink_to(inp / "loop a.txt")
    (inp / "folder link").symlink_to(elsewhere, target_is_directory=True)
    os.mkfifo(inp / "pipe")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(inp / "sock"))
    write(inp, ".hidden.txt", ARABIC)
    try:
        rows = by_file(ingest.ingest_folder(inp))
    finally:
        server.close()
    assert rows["inside link.txt"]["status"] == "ok"  # read (first in name order)
    assert rows["real.txt"]["status"] == "duplicate"
    expected = {
        "outside link.txt": "outside the input folder",
        "broken link.txt": "broken link",
        "loop a.txt": "cannot be resolved",
        "loop b.txt": "cannot be resolved",
        "folder link": "folder",
        "pipe": "FIFO",
        "sock": "socket",
        ".hidden.txt": "hidden",
    }
    for name, why in expected.items():
        assert rows[name]["status"] == "skipped" and why in rows[name]["message"], rows[name]
    assert "سر" not in " ".join(ingest.ingest_folder(inp).raw_text["text"])


def test_ids_lose_control_and_bidi_characters_and_duplicates_are_reported(tmp_path):
    write(tmp_path, "a\u202eb\u200f.txt", ARABIC)
    write(tmp_path, "c.txt", ARABIC + "ج\n")
    write(tmp_path, "c.html", "<html><body><p>" + ARABIC * 3 + "د</p></body></html>")
    write(tmp_path, "e.txt", ARABIC + "هـ\n")
    write(tmp_path, "f.txt", ARABIC + "و\n")
    write(tmp_path, "manifest.csv", "file,doc_id\ne.txt,same\nf.txt,same\n")
    result = ingest.ingest_folder(tmp_path)
    ids = set(result.documents["doc_id"])
    assert "ab" in ids and {"c", "c__2", "same", "same__2"} <= ids
    issues = result.issues[result.issues["problem"] == "duplicate_id"]
    assert sorted(issues["source"]) == ["c.txt", "f.txt"]  # the later file of each pair (name order)
    assert all("is taken by an earlier file" in m for m in issues["message"])


def test_deeply_nested_html_keeps_its_text(tmp_path):
    body = "<p>" + ARABIC * 4 + "</p>"
    for depth in (300, 5000):
        write(
            tmp_path / str(depth),
            "deep.html",
            "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>",
        )
        result = ingest.ingest_folder(tmp_path / str(depth))
        assert result.documents.loc[0, "status"] == "ok"
        assert ARABIC.strip() in result.raw_text.loc[0, "text"]
    assert "nested too deeply" in result.documents.loc[0, "message"]
