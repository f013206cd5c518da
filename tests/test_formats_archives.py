"""Archives: zip, tar(.gz), gz; refusals; limits; nesting; provenance."""

import io
import json
import tarfile
import zipfile

from formats_support import ARTICLE, articles, make_gz, make_tar, make_zip, read_all, zip_bytes

from helpers.ingest.formats import Limits, detect_file, iter_records


def by_status(records):
    out = {}
    for r in records:
        out.setdefault(r.status, []).append(r)
    return out


def test_zip_with_a_json_array(tmp):
    path = make_zip(
        tmp / "2015-07-21.zip", {"2015-07-21.json": json.dumps(articles(200), ensure_ascii=False)}
    )
    recs = read_all(path)
    assert len(recs) == 200 and all(r.status == "ok" for r in recs)
    r = recs[187]
    assert r.source_path == "2015-07-21.zip/2015-07-21.json#187"
    assert r.doc_id_hint == "2015-07-21__187"
    assert (r.title, r.outlet, r.url, r.published) == ("عنوان 187", "okaz", "http://x.sa/187", "2015-08-06")
    assert r.fmt == "json" and r.text.endswith("رقم 187")
    assert len({r.doc_id_hint for r in recs}) == 200


def test_tar_gz_of_text_files(tmp):
    path = make_tar(
        tmp / "corpus.tar.gz",
        {
            "docs/a.txt": ARTICLE,
            "docs/b.txt": ARTICLE + " ب",
            "docs/empty.txt": "",
            "docs/page.html": "<html><body><p>" + ARTICLE + "</p></body></html>",
            "docs/cp1256.txt": ARTICLE.encode("cp1256"),
        },
    )
    recs = {r.source_path: r for r in read_all(path)}
    assert set(recs) == {
        f"corpus.tar.gz/docs/{n}" for n in ("a.txt", "b.txt", "empty.txt", "page.html", "cp1256.txt")
    }
    a = recs["corpus.tar.gz/docs/a.txt"]
    assert (a.status, a.fmt, a.text, a.encoding, a.doc_id_hint) == (
        "ok",
        "txt",
        ARTICLE,
        "utf-8",
        "corpus__docs__a",
    )
    assert a.sha256 and "read" in a.message
    assert recs["corpus.tar.gz/docs/empty.txt"].status == "empty"
    assert recs["corpus.tar.gz/docs/page.html"].fmt == "html"
    assert recs["corpus.tar.gz/docs/cp1256.txt"].text == ARTICLE


def test_plain_tar_and_tgz_and_bz2(tmp):
    for name, mode in (("c.tar", "w"), ("c.tgz", "w:gz"), ("c.tar.bz2", "w:bz2"), ("c.tar.xz", "w:xz")):
        recs = read_all(make_tar(tmp / name, {"a.txt": ARTICLE}, mode))
        assert [(r.status, r.text) for r in recs] == [("ok", ARTICLE)], name


def test_custom_decoder_is_used_for_plain_members(tmp):
    from helpers.ingest.decode import Decoded

    path = make_tar(tmp / "c.tar", {"a.txt": ARTICLE}, "w")
    calls = []

    def decode(data, complete):
        calls.append((len(data), complete))
        return Decoded(data.decode("utf-8").upper(), "my-utf-8")

    (rec,) = read_all(path, decode=decode)
    assert calls == [(len(ARTICLE.encode()), True)] and rec.encoding == "my-utf-8"


def test_zip_refusals_and_good_members_still_read(tmp):
    path = tmp / "bad.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("good1.txt", ARTICLE)
        zf.writestr("../x.txt", ARTICLE)
        zf.writestr("/etc/passwd", "root")
        info = zipfile.ZipInfo("link.txt")
        info.external_attr = (0o120777) << 16  # a symbolic link
        zf.writestr(info, "/etc/passwd")
        info = zipfile.ZipInfo("fifo")
        info.external_attr = (0o010644) << 16  # a FIFO
        zf.writestr(info, "")
        zf.writestr("bomb.txt", b"a" * 20_000_000)  # expands about a thousandfold
        zf.writestr("good2.txt", ARTICLE + " 2")
    recs = {r.source_path: r for r in read_all(path)}
    assert recs["bad.zip/good1.txt"].status == "ok"
    assert recs["bad.zip/good2.txt"].status == "ok"
    refused = {k: (r.status, r.problem, r.message) for k, r in recs.items() if r.status != "ok"}
    assert refused["bad.zip/../x.txt"][:2] == ("unreadable", "unsafe_path")
    assert "'..'" in refused["bad.zip/../x.txt"][2]
    assert refused["bad.zip//etc/passwd"][1] == "unsafe_path"
    assert refused["bad.zip/link.txt"][1] == "link" and "symbolic link" in refused["bad.zip/link.txt"][2]
    assert refused["bad.zip/fifo"][1] == "special_file"
    assert refused["bad.zip/bomb.txt"][1] == "ratio" and "archive bomb" in refused["bad.zip/bomb.txt"][2]
    assert len(recs) == 7
    assert all(r.issues for r in recs.values() if r.status != "ok")


def test_tar_refusals(tmp):
    path = make_tar(
        tmp / "bad.tar.gz",
        {"good.txt": ARTICLE, "../up.txt": ARTICLE},
        symlinks={"sym.txt": "/etc/passwd"},
        fifos=["pipe"],
    )
    recs = {r.source_path: r for r in read_all(path)}
    assert recs["bad.tar.gz/good.txt"].status == "ok"
    assert recs["bad.tar.gz/../up.txt"].problem == "unsafe_path"
    assert recs["bad.tar.gz/sym.txt"].problem == "link"
    assert recs["bad.tar.gz/pipe"].problem == "special_file"


def test_tar_hardlink_and_device_refused(tmp):
    path = tmp / "links.tar"
    with tarfile.open(path, "w") as tf:
        for name, typ in (("hard.txt", tarfile.LNKTYPE), ("dev", tarfile.CHRTYPE)):
            info = tarfile.TarInfo(name)
            info.type = typ
            info.linkname = "good.txt" if typ == tarfile.LNKTYPE else ""
            tf.addfile(info)
    recs = {r.source_path: r for r in read_all(path)}
    assert recs["links.tar/hard.txt"].problem == "link" and "hard link" in recs["links.tar/hard.txt"].message
    assert recs["links.tar/dev"].problem == "special_file"


def test_tar_gz_bomb_member_is_caught_while_streaming(tmp):
    # tar headers carry no compressed size: only the streaming check can see the ratio
    path = make_tar(
        tmp / "b.tar.gz", {"a.txt": ARTICLE, "bomb.txt": b"a" * 30_000_000, "c.txt": ARTICLE + " ج"}
    )
    recs = {r.source_path: r for r in read_all(path)}
    assert recs["b.tar.gz/a.txt"].status == "ok"
    assert recs["b.tar.gz/bomb.txt"].problem == "ratio"
    assert "refused while reading" in recs["b.tar.gz/bomb.txt"].message
    assert recs["b.tar.gz/c.txt"].status == "ok"


def test_single_gz_bomb_is_caught_while_streaming(tmp):
    path = make_gz(tmp / "big.jsonl.gz", b"\n" * 50_000_000)
    (rec,) = read_all(path)
    assert rec.status == "unreadable" and rec.problem == "ratio"


def test_zip_header_lies_are_capped_by_zipfile_and_crc(tmp):
    # a central directory that declares a small size: zipfile stops at it and the CRC fails
    data = bytearray(zip_bytes({"a.txt": b"a" * 5_000_000}))
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 24 : cd + 28] = (1000).to_bytes(4, "little")  # uncompressed size
    lh = data.find(b"PK\x03\x04")
    data[lh + 22 : lh + 26] = (1000).to_bytes(4, "little")
    (tmp / "lie.zip").write_bytes(bytes(data))
    (rec,) = read_all(tmp / "lie.zip")
    assert rec.status == "unreadable"


def test_member_size_and_total_limits(tmp):
    path = make_zip(tmp / "z.zip", {"a.txt": ARTICLE * 100, "b.txt": ARTICLE * 100, "c.txt": ARTICLE * 100})
    size = len((ARTICLE * 100).encode())
    recs = read_all(path, limits=Limits(max_member_bytes=size - 1))
    assert {r.problem for r in recs} == {"too_large"}
    recs = read_all(path, limits=Limits(max_total_bytes=int(size * 1.5)))
    assert [r.status for r in recs][0] == "ok"
    assert any(r.problem == "total" for r in recs)
    assert len(recs) <= 3


def test_too_many_members(tmp):
    path = make_zip(tmp / "many.zip", {f"{i}.txt": ARTICLE for i in range(10)})
    recs = read_all(path, limits=Limits(max_members=4))
    assert [r.status for r in recs[:4]] == ["ok"] * 4
    assert recs[4].problem == "too_many_members" and recs[4].source_path == "many.zip"
    assert len(recs) == 5


def test_nested_zip_in_zip(tmp):
    inner = zip_bytes({"a.json": json.dumps(articles(3), ensure_ascii=False), "b.txt": ARTICLE})
    path = make_zip(tmp / "outer.zip", {"inner.zip": inner, "c.txt": ARTICLE})
    recs = {r.source_path: r for r in read_all(path)}
    assert set(recs) == {
        "outer.zip/inner.zip/a.json#0",
        "outer.zip/inner.zip/a.json#1",
        "outer.zip/inner.zip/a.json#2",
        "outer.zip/inner.zip/b.txt",
        "outer.zip/c.txt",
    }
    assert all(r.status == "ok" for r in recs.values())
    assert recs["outer.zip/inner.zip/a.json#1"].doc_id_hint == "outer__inner__a__1"


def test_nesting_deeper_than_one_level_is_refused(tmp):
    deep = zip_bytes({"d.txt": ARTICLE})
    mid = zip_bytes({"deep.zip": deep, "m.txt": ARTICLE})
    path = make_zip(tmp / "top.zip", {"mid.zip": mid})
    recs = {r.source_path: r for r in read_all(path)}
    assert recs["top.zip/mid.zip/m.txt"].status == "ok"
    deep_row = recs["top.zip/mid.zip/deep.zip"]
    assert deep_row.status == "unreadable" and deep_row.problem == "too_deep"
    assert "nested" in deep_row.message


def test_gz_inside_tar_inside_zip_is_one_level(tmp):
    gz = io.BytesIO()
    import gzip

    with gzip.GzipFile(fileobj=gz, mode="wb") as g:
        g.write((json.dumps(articles(1)[0], ensure_ascii=False) + "\n").encode() * 2)
    tar_buf = io.BytesIO()
    with tarfile.open(fileobj=tar_buf, mode="w:gz") as tf:
        info = tarfile.TarInfo("x.jsonl.gz")
        info.size = len(gz.getvalue())
        tf.addfile(info, io.BytesIO(gz.getvalue()))
    path = make_zip(tmp / "z.zip", {"t.tar.gz": tar_buf.getvalue()})
    recs = read_all(path)
    assert [r.source_path for r in recs] == ["z.zip/t.tar.gz/x.jsonl.gz#0", "z.zip/t.tar.gz/x.jsonl.gz#1"]
    assert all(r.status == "ok" for r in recs)


def test_gz_of_gz_is_refused(tmp):
    import gzip

    path = make_gz(tmp / "twice.txt.gz.gz", gzip.compress(ARTICLE.encode()))
    (rec,) = read_all(path)
    assert rec.problem == "too_deep"


def test_single_gzipped_text_file(tmp):
    (rec,) = read_all(make_gz(tmp / "article.txt.gz", ARTICLE))
    assert (rec.status, rec.text, rec.source_path, rec.doc_id_hint) == (
        "ok",
        ARTICLE,
        "article.txt.gz",
        "article",
    )


def test_corrupt_and_empty_archives(tmp):
    (tmp / "broken.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (rec,) = read_all(tmp / "broken.zip")
    assert rec.status == "unreadable" and rec.problem == "corrupt"
    make_zip(tmp / "empty.zip", {})
    (rec,) = read_all(tmp / "empty.zip")
    assert rec.status == "empty" and rec.problem == "no_members"
    data = (make_tar(tmp / "t.tar.gz", {"a.txt": ARTICLE * 200, "b.txt": ARTICLE})).read_bytes()
    (tmp / "cut.tar.gz").write_bytes(data[: len(data) // 2])
    recs = read_all(tmp / "cut.tar.gz")
    assert recs[-1].status == "unreadable"


def test_detection_by_magic_bytes_not_suffix(tmp):
    make_zip(tmp / "data.bin", {"a.txt": ARTICLE})
    make_tar(tmp / "data2", {"a.txt": ARTICLE})
    assert detect_file(tmp / "data.bin") == "zip"
    assert detect_file(tmp / "data2") == "gz"
    assert read_all(tmp / "data.bin")[0].text == ARTICLE
    assert read_all(tmp / "data2")[0].text == ARTICLE


def test_plain_and_office_files_are_left_to_the_caller(tmp):
    (tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp / "b.html").write_text("<html><body>x</body></html>", encoding="utf-8")
    make_zip(tmp / "c.docx", {"[Content_Types].xml": "<x/>", "word/document.xml": "<x/>"})
    make_zip(tmp / "d.zip", {"[Content_Types].xml": "<x/>", "word/document.xml": "<x/>"})
    for name in ("a.txt", "b.html", "c.docx", "d.zip"):
        assert iter_records(tmp / name, name) is None, name
    assert iter_records(tmp / "missing.zip", "missing.zip") is None


def test_hidden_and_macosx_members_are_skipped(tmp):
    path = make_zip(
        tmp / "mac.zip",
        {
            "a.txt": ARTICLE,
            "__MACOSX/._a.txt": b"\x00\x05",
            ".DS_Store": b"\x00\x00",
            "dir/.hidden.txt": ARTICLE,
        },
    )
    assert [r.source_path for r in read_all(path)] == ["mac.zip/a.txt"]


def test_binary_member_is_one_unreadable_row(tmp):
    path = make_zip(tmp / "m.zip", {"pic.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100})
    (rec,) = read_all(path)
    assert rec.status == "unreadable" and "PNG" in rec.message


def test_ids_are_stable_across_runs(tmp):
    path = make_zip(tmp / "s.zip", {"x.json": json.dumps(articles(5)), "y.txt": ARTICLE})
    assert [r.doc_id_hint for r in read_all(path)] == [r.doc_id_hint for r in read_all(path)]


def test_zip_names_without_the_utf8_flag_are_read_as_utf8(tmp):
    data = bytearray(zip_bytes({"مقالات/خبر.txt": ARTICLE}))
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # clear the UTF-8 flag
        at = data.find(sig)
        flags = int.from_bytes(data[at + off : at + off + 2], "little") & ~0x800
        data[at + off : at + off + 2] = flags.to_bytes(2, "little")
    (tmp / "n.zip").write_bytes(bytes(data))
    (rec,) = read_all(tmp / "n.zip")
    assert rec.source_path == "n.zip/مقالات/خبر.txt" and rec.doc_id_hint == "n__مقالات__خبر"
