"""The index page of a run: what the corpus holds, what each report answers, links to the CSV
files (the parquet files beside them), in Arabic and English."""

import html

import pandas as pd
import pytest

from helpers import catalog
from helpers.core.io import write_table
from helpers.report.html import REPORT_QUESTIONS, corpus_summary, write_index
from helpers.run import STAGES


def documents(rows: list[dict]) -> pd.DataFrame:
    table = pd.DataFrame({c: [None] * len(rows) for c in catalog.columns("documents")})
    for i, row in enumerate(rows):
        for key, value in row.items():
            table.loc[i, key] = value
    return table


@pytest.fixture
def run_folder(tmp_path):
    rows = [
        {"doc_id": "a", "status": "ok", "outlet": "okaz", "published": "2015-08-05"},
        {"doc_id": "b", "status": "ok", "outlet": "okaz", "published": "2015-08-06"},
        {"doc_id": "c", "status": "ok", "outlet": "<b>sabq</b>", "published": None},
        {"doc_id": "d", "status": "ok", "outlet": None, "published": "2015-08-04"},
        {"doc_id": "e", "status": "empty"},
        {"doc_id": "f", "status": "duplicate"},
    ]
    write_table(documents(rows), tmp_path, "documents")
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "timeline.png").write_bytes(b"")
    return tmp_path


def run_record() -> dict:
    return {
        "finished": "2026-01-01T00:00:00+00:00",
        "seconds": 12.0,
        "ok": True,
        "parameters": {"input_dir": "/in", "output_dir": "/out"},
        "stages": [{"name": s, "status": "ok", "seconds": 1.0, "error": None} for s in STAGES],
    }


def test_corpus_summary_counts_statuses_outlets_and_dates(run_folder):
    summary = corpus_summary(run_folder)
    assert summary["documents"] == 6 and summary["analysed"] == 4
    assert summary["by_status"] == {"ok": 4, "duplicate": 1, "empty": 1}
    assert summary["outlets"] == [("okaz", 2), ("<b>sabq</b>", 1)] and summary["no_outlet"] == 1
    assert (summary["first"], summary["last"], summary["undated"]) == ("2015-08-04", "2015-08-06", 1)
    assert summary["stories"] is None


def test_the_stories_are_counted_when_the_story_table_exists(run_folder):
    pd.DataFrame({"story_id": ["s1", "s2", "s3"]}).to_parquet(run_folder / "data" / "story_catalogue.parquet")
    assert corpus_summary(run_folder)["stories"] == 3
    page = write_index(run_folder, run_record()).read_text(encoding="utf-8")
    assert "القصص الإخبارية" in page and "stories" in page


def test_index_summarises_the_corpus_and_says_what_each_report_answers(run_folder):
    page = write_index(run_folder, run_record()).read_text(encoding="utf-8")
    assert "2015-08-04 – 2015-08-06" in page
    assert "&lt;b&gt;sabq&lt;/b&gt;" in page and "<b>sabq</b>" not in page  # outlets escaped
    for stage in STAGES:
        arabic, english = REPORT_QUESTIONS[stage]
        assert f'href="reports/{stage}.html"' in page
        assert html.escape(arabic) in page and html.escape(english) in page
    # tables: the CSV linked first, the parquet file beside it
    assert 'href="data/documents.csv"' in page and 'href="data/documents.parquet"' in page
    assert page.index('href="data/documents.csv"') < page.index('href="data/documents.parquet"')
    # bilingual headings
    for heading in (
        "المجموعة",
        "the corpus",
        "التقارير",
        "reports",
        "الجداول",
        "tables",
        "الأشكال",
        "figures",
    ):
        assert heading in page
    assert 'src="figures/timeline.png"' in page


def test_index_without_a_documents_table_says_so(tmp_path):
    page = write_index(tmp_path, run_record()).read_text(encoding="utf-8")
    assert "no documents table yet" in page
