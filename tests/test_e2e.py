"""The whole chain, run once by the runner on a small corpus (the `e2e_output` fixture)."""
import json
import re

import pandas as pd
import pytest

from helpers.core.io import TABLE_COLUMNS, read_table
from helpers.run import STAGES

pytestmark = pytest.mark.e2e


def test_every_stage_ran_and_has_an_executed_notebook_and_report(e2e_output):
    run = json.loads((e2e_output / "logs" / "run.json").read_text(encoding="utf-8"))
    assert [s["name"] for s in run["stages"]] == STAGES
    assert all(s["status"] == "ok" for s in run["stages"]) and run["ok"]
    for stage in STAGES:
        assert (e2e_output / "notebooks" / f"{stage}.ipynb").exists()
        assert (e2e_output / "reports" / f"{stage}.html").exists()


@pytest.mark.parametrize("stage", STAGES)
def test_reports_are_arabic_rtl_with_code_hidden_and_no_errors(e2e_output, stage):
    page = (e2e_output / "reports" / f"{stage}.html").read_text(encoding="utf-8")
    assert '<html lang="ar">' in page
    assert "direction: rtl" in page
    assert "hl-ipython3" not in page and "io.write_table" not in page, "code cells must be hidden"
    assert "Traceback" not in page and "ename" not in page
    assert re.search("[\u0600-\u06ff]", page), "the report should show Arabic text"
    assert "cdnjs" not in page and "<script src=" not in page, "reports must work offline"


def test_index_links_every_report_with_status_and_duration(e2e_output):
    index = (e2e_output / "index.html").read_text(encoding="utf-8")
    for stage in STAGES:
        assert f'href="reports/{stage}.html"' in index
        assert (e2e_output / "reports" / f"{stage}.html").exists()
    assert index.count('class="ok"') >= len(STAGES)
    assert re.search(r"\d+\.\d s", index)


def test_every_contract_table_is_written_in_both_formats(e2e_output):
    for name, columns in TABLE_COLUMNS.items():
        df = read_table(e2e_output, name)
        assert list(df.columns[: len(columns)]) == columns, name
        csv = e2e_output / "data" / f"{name}.csv"
        assert csv.read_bytes().startswith(b"\xef\xbb\xbf"), name
        assert len(pd.read_csv(csv, encoding="utf-8-sig")) == len(df), name


def test_documents_account_for_every_input_file(e2e_output, e2e_corpus):
    docs = read_table(e2e_output, "documents").set_index("source_path")
    assert sorted(docs.index) == sorted(p.name for p in e2e_corpus.iterdir())
    assert docs.loc["empty page.txt", "status"] == "empty"
    assert docs.loc["english.txt", "status"] == "not_arabic"
    seeds = docs[docs.index.str.match(r"^\d{3}_")]
    assert (seeds["status"] == "ok").all()
    assert seeds["body"].str.len().gt(500).all()


def test_no_staging_or_failed_folder_is_left_behind(e2e_output):
    siblings = {p.name for p in e2e_output.parent.iterdir()}
    assert siblings == {"outputs"}
