"""The whole chain, run once by the runner on a small corpus (the `e2e_output` fixture)."""

import json
import re

import pandas as pd
import pytest

from helpers import catalog
from helpers.core.io import read_table
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


def test_every_catalogue_table_is_written_in_both_formats_and_nothing_else(e2e_output):
    written = sorted(p.stem for p in (e2e_output / "data").glob("*.parquet"))
    assert written == sorted(catalog.TABLES)
    assert sorted({t for stage in catalog.STAGES.values() for t in stage.writes}) == written
    for name, spec in catalog.TABLES.items():
        df = read_table(e2e_output, name)  # checked against the catalogue (columns and kinds)
        assert list(df.columns) == spec.column_names, name
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


def test_the_seeds_exercise_is_one_story_whose_accounts_differ_on_who_observes(e2e_output):
    stories = read_table(e2e_output, "stories").set_index("doc_id")["story_id"]
    exercise = {doc_id for doc_id in stories.index if doc_id.startswith(("000_", "001_"))}
    assert len(exercise) == 2 and stories[list(exercise)].nunique() == 1
    assert stories.nunique() >= 3  # the other seeds are other stories
    claims = read_table(e2e_output, "story_claims")
    roles = claims[claims["differences"].str.contains("تعارض في دور", regex=False)]
    assert set(roles["doc_id"]) == exercise
    assert (
        roles["differences"].str.contains("مراقب").all() and roles["differences"].str.contains("مشارك").all()
    )
    report = (e2e_output / "reports" / "05_comparison.html").read_text(encoding="utf-8")
    assert 'class="story-browser"' in report


def test_a_run_without_a_manifest_says_what_is_missing_and_how_to_supply_it(e2e_corpus, e2e_output):
    assert not (e2e_corpus / "manifest.csv").exists()
    report = (e2e_output / "reports" / "02_clean.html").read_text(encoding="utf-8")
    assert "no publication date" in report and "manifest.csv" in report
    documents = read_table(e2e_output, "documents").set_index("doc_id")
    undated = documents[(documents["status"] == "ok") & documents["published"].isna()]
    # a date the text states about itself still anchors the relative dates
    assert len(undated) and undated["date_anchor"].notna().any()
