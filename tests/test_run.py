import argparse
import json
import shutil

import pytest

from helpers import run
from helpers.core.io import read_table
from helpers.run import guard


def test_stage_names_accept_number_name_or_both():
    assert {run.stage_name(n) for n in ("03", "entities", "03_entities")} == {"03_entities"}
    with pytest.raises(argparse.ArgumentTypeError):
        run.stage_name("sentiment")


def test_parameters_are_split_at_the_first_equals_sign():
    assert run.parse_parameter("top_n=5") == ("top_n", "5")
    assert run.parse_parameter("scheduler=tcp://h:8786?a=b") == ("scheduler", "tcp://h:8786?a=b")
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
    guard.write_marker(out)  # an earlier run's folder (it has no tables: stage 03 cannot run)
    code = run.main(["--input-dir", str(e2e_corpus), "--output-dir", str(out), "--from", "entities"])
    assert code == 1
    err = capsys.readouterr().err
    assert "03_entities failed in cell" in err and "FileNotFoundError" in err
    assert (out / "previous.txt").read_text() == "an earlier run"
    failed = tmp_path / "outputs.failed"
    assert (failed / "notebooks" / "03_entities.ipynb").exists()
    assert (failed / "reports" / "03_entities.html").exists()
    assert not (failed / "notebooks" / "04_timeline.ipynb").exists()


def test_strict_fails_on_any_file_that_is_not_ok(e2e_corpus, tmp_path, capsys):
    code = run.main(
        ["--input-dir", str(e2e_corpus), "--output-dir", str(tmp_path / "o"), "--only", "ingest", "--strict"]
    )
    assert code != 0
    assert "empty page.txt: empty" in capsys.readouterr().err
