import argparse
import json
import shutil

import pytest

from helpers import run
from helpers.io import read_table


def test_stage_names_accept_number_name_or_both():
    assert {run.stage_name(n) for n in ("03", "entities", "03_entities")} == {"03_entities"}
    with pytest.raises(argparse.ArgumentTypeError):
        run.stage_name("sentiment")


def test_parameters_are_literals_when_they_parse():
    assert run.parse_parameter("top_n=5") == ("top_n", 5)
    assert run.parse_parameter("use_camel_ner=False") == ("use_camel_ner", False)
    assert run.parse_parameter("engine=dask") == ("engine", "dask")
    with pytest.raises(argparse.ArgumentTypeError):
        run.parse_parameter("top_n")


def test_selected_stages():
    assert run.selected_stages(None, "04_timeline") == ["04_timeline", "05_comparison"]
    assert run.selected_stages("02_clean", None) == ["02_clean"]
    assert run.selected_stages(None, None) == run.STAGES


def test_only_one_stage_keeps_the_other_tables_and_records(e2e_output, tmp_path):
    out = tmp_path / "outputs"
    shutil.copytree(e2e_output, out)
    before = read_table(out, "entities")
    record = run.run_pipeline(e2e_output.parent / "unused", out, stages=["05_comparison"])
    assert [s["status"] for s in record["stages"]] == ["ok"] * 5
    assert read_table(out, "entities").equals(before)
    assert json.loads((out / "logs" / "run.json").read_text())["ok"]


def test_a_failing_stage_stops_the_run_and_keeps_the_previous_output(e2e_corpus, tmp_path, capsys):
    out = tmp_path / "outputs"
    out.mkdir()
    (out / "previous.txt").write_text("an earlier run")
    code = run.main(["--input-dir", str(tmp_path / "no such folder"), "--output-dir", str(out)])
    assert code != 0
    err = capsys.readouterr().err
    assert "01_ingest failed in cell" in err and "FileNotFoundError" in err
    assert (out / "previous.txt").read_text() == "an earlier run"
    failed = tmp_path / "outputs.failed"
    assert (failed / "notebooks" / "01_ingest.ipynb").exists()
    assert (failed / "reports" / "01_ingest.html").exists()
    assert not (failed / "notebooks" / "02_clean.ipynb").exists()


def test_strict_fails_on_any_file_that_is_not_ok(e2e_corpus, tmp_path, capsys):
    code = run.main(["--input-dir", str(e2e_corpus), "--output-dir", str(tmp_path / "o"), "--only", "ingest",
                     "--strict"])
    assert code != 0
    assert "empty page.txt: empty" in capsys.readouterr().err
