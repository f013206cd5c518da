"""What a scraper leaves behind: the whole pipeline on a folder of hostile inputs, and the decoding
rules behind it."""

import os
import random
import subprocess
import sys
import time

import pandas as pd
import pytest

from helpers import entities, ingest
from helpers.bench import seed_sentences, synthetic_page
from helpers.core.io import read_table
from helpers.core.paths import PROJECT_ROOT, SEEDS_DIR

#: A line the cleaning drops as boilerplate: appended to a UTF-8 twin so that it is not a duplicate.
FOOTER = "\nجميع الحقوق محفوظة © 2022\n"
UNDECODABLE_NAME = os.fsdecode(b"caf\xe9 1256.txt")  # a file name that is not UTF-8


def seed(prefix: str) -> str:
    return next(SEEDS_DIR.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def pages(n: int, start: int) -> str:
    rng = random.Random(start)
    sentences = seed_sentences()
    return "".join(synthetic_page(rng, sentences, start + i) for i in range(n))


def html_page(body: str, date: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    return (
        f'<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>مقال</title>'
        f'<meta property="article:published_time" content="{date}"></head><body>'
        '<nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>'
        f"<article><h1>آسيا الوسطى بين موسكو وواشنطن</h1>{paragraphs}</article>"
        "<footer>جميع الحقوق محفوظة 2022</footer></body></html>"
    )


#: source_path -> (expected status, a word its message must contain)
EXPECTED = {
    "empty.txt": ("empty", "the file is empty"),
    "blank lines.txt": ("empty", "white space"),
    "noise.bin": ("unreadable", "binary"),
    "report.pdf": ("unreadable", "PDF"),
    "english.txt": ("not_arabic", "Arabic"),
    "windows-1256.txt": ("ok", "cp1256"),
    "twin of windows-1256.txt": ("ok", "utf-8"),
    "utf-16.txt": ("ok", "utf-16"),
    "twin of utf-16.txt": ("ok", "utf-8"),
    "utf-16le without bom.txt": ("ok", "utf-16-le"),
    "twin of utf-16le without bom.txt": ("ok", "utf-8"),
    "page.html": ("ok", "HTML"),
    "saved page.txt": ("ok", "HTML"),
    "big dump.txt": ("ok", "truncated"),
    "a copy.txt": ("ok", "read"),
    "the same again.txt": ("duplicate", "same content as a copy.txt"),
    "مقال \"خاص\" عن 'دوشانبي'.txt": ("ok", "read"),
    "sub folder/nested.txt": ("ok", "read"),
    UNDECODABLE_NAME.encode("utf-8", "surrogateescape").decode("utf-8", "replace"): ("ok", "UTF-8"),
}
TWINS = [
    ("windows-1256.txt", "twin of windows-1256.txt"),
    ("utf-16.txt", "twin of utf-16.txt"),
    ("utf-16le without bom.txt", "twin of utf-16le without bom.txt"),
]


def build_hostile_folder(folder):
    folder.mkdir(parents=True, exist_ok=True)

    def put(name, data):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))

    put("empty.txt", b"")
    put("blank lines.txt", "  \n\t\n   \n")
    put("noise.bin", random.Random(3).randbytes(8192))
    put("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    put("english.txt", "Markets rallied on Tuesday as investors weighed the outlook for rates.\n" * 30)
    put("windows-1256.txt", seed("000").replace("\n", "\r\n").encode("cp1256"))
    put("twin of windows-1256.txt", seed("000") + FOOTER)
    put("utf-16.txt", seed("002").encode("utf-16"))
    put("twin of utf-16.txt", seed("002") + FOOTER)
    put("utf-16le without bom.txt", seed("003").encode("utf-16-le"))
    put("twin of utf-16le without bom.txt", seed("003") + FOOTER)
    put("page.html", html_page(seed("001"), "2022-08-20"))
    put("saved page.txt", html_page(pages(2, 100), "2021-03-01"))
    chunk = pages(400, 1000)
    put("big dump.txt", (chunk * (20_000_000 // len(chunk.encode("utf-8")) + 1)).encode("utf-8")[:20_000_000])
    put("a copy.txt", pages(1, 2000))
    put("the same again.txt", pages(1, 2000).replace("\n", "\r\n"))
    put("مقال \"خاص\" عن 'دوشانبي'.txt", seed("004"))
    put("sub folder/nested.txt", pages(1, 3000))
    put(UNDECODABLE_NAME, pages(1, 4000))
    put(
        "manifest.csv",
        "file,doc_id,outlet,published,colour\n"
        "windows-1256.txt,cp1256-article,وكالة الأنباء,2022-08-10,red\n"
        "page.html,,,sometime in August,\n"
        "missing.txt,,,2022-01-01,\n",
    )
    return folder


def run_pipeline(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "helpers.run", *map(str, args)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    folder = build_hostile_folder(tmp_path_factory.mktemp("hostile") / "input")
    out = folder.parent / "outputs"
    started = time.perf_counter()
    done = run_pipeline("--input-dir", folder, "--output-dir", out)
    return folder, out, done, time.perf_counter() - started


@pytest.mark.e2e
def test_the_run_finishes_in_well_under_a_minute(hostile_run):
    _, _, done, seconds = hostile_run
    assert done.returncode == 0, done.stderr
    assert seconds < 90, f"the hostile-input run took {seconds:.0f} s"


@pytest.mark.e2e
def test_every_input_file_has_one_row_with_a_status_and_a_message(hostile_run):
    folder, out, _, _ = hostile_run
    docs = read_table(out, "documents")
    assert len(docs) == len(EXPECTED) == len([p for p in folder.rglob("*") if p.is_file()]) - 1
    assert docs["doc_id"].is_unique
    rows = docs.set_index("source_path")
    assert sorted(rows.index) == sorted(EXPECTED)
    for name, (status, word) in EXPECTED.items():
        assert rows.loc[name, "status"] == status, (name, rows.loc[name, "message"])
        assert word in rows.loc[name, "message"], (name, rows.loc[name, "message"])
    assert rows.loc["windows-1256.txt", "doc_id"] == "cp1256-article"
    assert rows.loc["windows-1256.txt", "outlet"] == "وكالة الأنباء"
    assert rows.loc["page.html", "published"] == "2022-08-20"  # the page's date; the manifest's is bad
    assert rows.loc["saved page.txt", "format"] == "html"
    assert rows.loc["big dump.txt", "n_chars"] <= ingest.MAX_TEXT_CHARS
    ok = rows[rows["status"] == "ok"]
    assert ok["body"].str.len().gt(200).all(), ok["body"].str.len()


@pytest.mark.e2e
def test_decodable_texts_are_processed_like_their_utf8_twins(hostile_run):
    _, out, _, _ = hostile_run
    docs = read_table(out, "documents").set_index("source_path")
    sentences = read_table(out, "sentences")
    entities = read_table(out, "entities")
    for encoded, twin in TWINS:
        assert docs.loc[encoded, "body"] == docs.loc[twin, "body"], encoded
        a, b = docs.loc[encoded, "doc_id"], docs.loc[twin, "doc_id"]
        assert (
            sentences[sentences["doc_id"] == a]["text"].tolist()
            == sentences[sentences["doc_id"] == b]["text"].tolist()
        )
        own = {a: entities[entities["doc_id"] == a], b: entities[entities["doc_id"] == b]}
        # the same ids, an article's own ids (name@doc id) aside
        assert [e.replace(f"@{a}", "@") for e in own[a]["entity_id"]] == [
            e.replace(f"@{b}", "@") for e in own[b]["entity_id"]
        ], encoded


@pytest.mark.e2e
def test_manifest_problems_are_listed_not_fatal(hostile_run):
    _, out, _, _ = hostile_run
    issues = read_table(out, "ingest_issues")
    assert set(issues["problem"]) == {"missing_file", "bad_date", "unknown_column"}
    assert issues.set_index("problem").loc["missing_file", "source"] == "missing.txt"
    assert issues.set_index("problem").loc["bad_date", "source"] == "page.html"


@pytest.mark.e2e
def test_no_report_shows_a_traceback(hostile_run):
    _, out, _, _ = hostile_run
    pages = [*(out / "reports").glob("*.html"), out / "index.html"]
    assert len(pages) == 6
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "Traceback" not in text and "ename" not in text, page.name


@pytest.mark.e2e
def test_strict_makes_any_file_that_is_not_ok_a_failure(hostile_run, tmp_path):
    folder, _, _, _ = hostile_run
    done = run_pipeline(
        "--input-dir", folder, "--output-dir", tmp_path / "strict", "--only", "ingest", "--strict"
    )
    assert done.returncode != 0
    assert "--strict" in done.stderr and "noise.bin: unreadable" in done.stderr
    assert not (tmp_path / "strict").exists()


# ---------------------------------------------------------------- the rules behind it


def test_utf16_without_a_bom_is_told_from_binary_data():
    text = seed("003")
    assert ingest.decode_bytes(text.encode("utf-16-le")).text == text
    assert ingest.decode_bytes(text.encode("utf-16-be")).encoding == "utf-16-be"
    assert ingest.decode_bytes(random.Random(1).randbytes(4096)).text is None
    assert ingest.decode_bytes(bytes(range(256)) * 8).text is None


def test_bytes_that_decode_only_to_control_characters_are_binary():
    decoded = ingest.decode_bytes(bytes(range(1, 32)) * 50)
    assert decoded.text is None and "control characters" in decoded.problem


def test_a_cut_file_may_end_inside_a_character():
    data = "سلام عليكم\n".encode() * 3
    decoded = ingest.decode_bytes(data[:-2], complete=False)
    assert decoded.text == "سلام عليكم\n" * 2 + "سلام عليك" and decoded.encoding == "utf-8"


def test_long_texts_are_cut_at_a_line_break_and_say_so(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_TEXT_CHARS", 1000)
    line = "قال وزير الخارجية إن المحادثات مع دوشانبي مستمرة منذ أشهر.\n"
    (tmp_path / "long.txt").write_text(line * 100, encoding="utf-8")
    result = ingest.ingest_folder(tmp_path)
    row = result.documents.iloc[0]
    assert row["status"] == "ok" and "truncated" in row["message"]
    text = result.raw_text.loc[0, "text"]
    assert len(text) <= 1000 and text.endswith(line.strip()) and row["n_chars"] == len(text)


def test_html_is_recognised_by_content_and_odd_names_are_kept(tmp_path):
    (tmp_path / "saved").write_text(html_page(seed("001"), "2022-08-20"), encoding="utf-8")
    (tmp_path / UNDECODABLE_NAME).write_text(seed("003"), encoding="utf-8")
    docs = ingest.ingest_folder(tmp_path).documents.set_index("source_path")
    assert docs.loc["saved", "format"] == "html" and docs.loc["saved", "published"] == "2022-08-20"
    assert docs.loc["caf\ufffd 1256.txt", "status"] == "ok"
    assert docs.loc["caf\ufffd 1256.txt", "doc_id"] == "caf\ufffd 1256"


def test_list_read_and_mark_duplicates_are_the_steps_of_ingest_folder(tmp_path):
    build_small = {"a.txt": seed("000"), "b.txt": seed("000"), "c.txt": "", "d.txt": seed("002")}
    for name, text in build_small.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    files, issues = ingest.list_files(tmp_path)
    assert files["source_path"].tolist() == sorted(build_small) and issues.empty
    halves = [ingest.read_files(files.iloc[:2]), ingest.read_files(files.iloc[2:])]
    documents = pd.concat([h[0] for h in halves], ignore_index=True)
    raw = pd.concat([h[1] for h in halves], ignore_index=True)
    documents, raw = ingest.mark_duplicates(documents, raw)
    whole = ingest.ingest_folder(tmp_path)
    pd.testing.assert_frame_equal(documents, whole.documents)
    pd.testing.assert_frame_equal(raw, whole.raw_text)
    assert documents["status"].tolist() == ["ok", "duplicate", "empty", "ok"]


def test_a_tatweel_dash_does_not_break_entity_recognition():
    # "ــ" folds to nothing; after a gazetteer name or an organisation head it used to crash the tries
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": "", "body": ["الغرب ــ", "آسيا ــ", "مركز ــ"]})
    tables = entities.extract_entities(docs, None, use_camel_ner=False)
    assert ("b", "LOC") in set(zip(tables.entities["doc_id"], tables.entities["type"], strict=True))
