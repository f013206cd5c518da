"""The scale benchmark's synthetic corpus and its report (the pipeline runs are not repeated here)."""

import pytest

from helpers import bench
from helpers.clean import clean_page
from helpers.run import STAGES


def test_synthetic_corpus_is_deterministic_news_pages_with_boilerplate(tmp_path):
    first = bench.build_corpus(tmp_path / "a", 5)
    second = bench.build_corpus(tmp_path / "b", 5)
    pages = [p.read_text(encoding="utf-8") for p in sorted(first.glob("*.txt"))]
    assert len(pages) == 5 and pages == [p.read_text(encoding="utf-8") for p in sorted(second.glob("*.txt"))]
    assert len(set(pages)) == 5
    for page in pages:
        lines = page.splitlines()
        assert set(lines[:3]) <= set(bench.BOILERPLATE_HEAD)
        assert set(lines[-2:]) <= set(bench.BOILERPLATE_TAIL)
        cleaned = clean_page(page)
        assert cleaned.status == "ok" and cleaned.published
        assert not any(line in cleaned.body for line in bench.BOILERPLATE_HEAD + bench.BOILERPLATE_TAIL)


def test_report_lines_give_stages_memory_and_growth():
    rows = [
        {
            "docs": n,
            "seconds": s,
            "docs_per_s": n / s,
            "peak_gb": 1.5,
            "report_kb": 300.0,
            **dict.fromkeys(STAGES, s / len(STAGES)),
        }
        for n, s in ((100, 10.0), (1000, 50.0))
    ]
    line = bench.format_row(rows[1])
    assert "1000 docs" in line and "20.0 docs/s" in line and "peak 1.50 GB" in line and "clean=10.0s" in line
    assert bench.growth(rows) == [
        "100 -> 1000 docs: 10x the documents, 5.0x the time (0.50x per document; 1.0 = linear)"
    ]


def test_entity_throughput_reports_mentions_and_speed():
    text = "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن العلاقات مع طاجيكستان قوية."
    result = bench.entity_throughput([text * 20] * 3)
    assert result["mentions"] >= 6 and result["mb_per_s"] > 0 and result["megabytes"] > 0


def test_a_real_corpus_is_replicated_with_new_ids_and_later_days(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "a.txt").write_text("نص أول", encoding="utf-8")
    (source / "b.txt").write_text("نص ثان", encoding="utf-8")
    (source / "manifest.csv").write_text("file,published,outlet\na.txt,2015-08-06,okaz\nb.txt,,sabq\n")
    folder = bench.replicate_corpus(source, tmp_path / "out", 3)
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.txt")) == [
        f"copy{k:02d}/{n}" for k in range(3) for n in ("a.txt", "b.txt")
    ]
    assert (folder / "copy00" / "a.txt").read_text(encoding="utf-8") == "نص أول"
    assert (folder / "copy02" / "a.txt").read_text(
        encoding="utf-8"
    ) == "نص أول\n\nنسخة 3\n"  # not a duplicate
    manifest = (folder / "manifest.csv").read_text().splitlines()
    assert "copy02/a.txt,2015-08-08,okaz" in manifest and "copy01/b.txt,,sabq" in manifest


def test_timex_throughput_reports_both_tools():
    result = bench.timex_throughput(["وصل الوفد في 3 أيلول 2020 وغادر بعد خمسة أيام."])
    assert result["tag_chars_per_s"] > 0 and result["dateparser_chars_per_s"] > 0
    ratio = result["tag_chars_per_s"] / result["dateparser_chars_per_s"]
    assert result["ratio"] == pytest.approx(ratio, rel=0.1)
