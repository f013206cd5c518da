"""The runner never replaces what is not its own, keeps runs apart, checks parameters before it
starts, and fails fast when a kernel dies."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from helpers import run
from helpers.core.io import read_table
from helpers.core.paths import PROJECT_ROOT, SEEDS_DIR
from helpers.run import guard
from helpers.run.notebooks import notebook_parameters
from helpers.run.params import check_parameters
from helpers.run.pipeline import stage_parameters


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SEEDS_DIR.glob("*.txt"))[:2]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def refused(capsys, *args) -> str:
    """Run the command line; it must be refused (exit 2) with one line on stderr."""
    code = run.main([*map(str, args)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("python -m helpers.run: error:")
    return err


def test_output_equal_to_containing_or_inside_the_input_is_refused(corpus, capsys):
    before = sorted(p.name for p in corpus.iterdir())
    assert "contains the input" in refused(capsys, "--input-dir", corpus, "--output-dir", corpus)
    assert "contains the input" in refused(capsys, "--input-dir", corpus, "--output-dir", corpus.parent)
    assert "inside the input" in refused(capsys, "--input-dir", corpus, "--output-dir", corpus / "out")
    assert sorted(p.name for p in corpus.iterdir()) == before


def test_project_root_and_checkout_folders_are_refused_but_outputs_folders_allowed(corpus, capsys):
    assert "project checkout" in refused(capsys, "--input-dir", corpus, "--output-dir", PROJECT_ROOT)
    assert "project checkout" in refused(
        capsys, "--input-dir", corpus, "--output-dir", PROJECT_ROOT / "tests"
    )
    assert "project checkout" in refused(
        capsys, "--input-dir", corpus, "--output-dir", PROJECT_ROOT / "src" / "new"
    )
    guard.check_paths(corpus, PROJECT_ROOT / "outputs-elsewhere")  # allowed: no error


def test_a_foreign_non_empty_folder_or_a_file_is_refused(corpus, tmp_path, capsys):
    mine = tmp_path / "my notes"
    mine.mkdir()
    (mine / "thesis.docx").write_text("years of work")
    assert "not empty" in refused(capsys, "--input-dir", corpus, "--output-dir", mine)
    assert (mine / "thesis.docx").read_text() == "years of work"
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me")
    assert "a file or a link" in refused(capsys, "--input-dir", corpus, "--output-dir", a_file)
    assert a_file.read_text() == "keep me"


def test_staging_or_failed_folders_that_are_not_the_runners_are_refused(corpus, tmp_path, capsys):
    (tmp_path / "out.staging").mkdir()
    (tmp_path / "out.staging" / "data.csv").write_text("someone's data")
    assert "was not written by this pipeline" in refused(
        capsys, "--input-dir", corpus, "--output-dir", tmp_path / "out"
    )
    assert (tmp_path / "out.staging" / "data.csv").exists()


def test_missing_input_folder_is_refused_before_any_work(tmp_path, capsys):
    assert "does not exist" in refused(
        capsys, "--input-dir", tmp_path / "nope", "--output-dir", tmp_path / "o"
    )
    assert not (tmp_path / "o.staging").exists() and not (tmp_path / "o").exists()


def test_relative_paths_are_taken_from_the_working_directory(corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run.main(["--input-dir", "articles", "--output-dir", "tests", "--only", "ingest"]) == 0
    assert (tmp_path / "tests" / "data" / "documents.parquet").exists()
    assert (tmp_path / "tests" / guard.RUN_MARKER).exists()
    assert (PROJECT_ROOT / "tests" / "test_run_safety.py").exists()
    # the folder now holds a run: it may be replaced by the next one
    assert run.main(["--input-dir", "articles", "--output-dir", "tests", "--only", "ingest"]) == 0
    assert len(read_table(tmp_path / "tests", "documents")) == 2


def test_runner_owned_unknown_and_mistyped_parameters_are_refused(corpus, tmp_path, capsys):
    out = tmp_path / "o"
    assert "--output-dir" in refused(
        capsys, "--input-dir", corpus, "--output-dir", out, "-p", f"output_dir={tmp_path}"
    )
    assert "did you mean top_n" in refused(capsys, "--input-dir", corpus, "--output-dir", out, "-p", "topn=3")
    assert "whole number" in refused(capsys, "--input-dir", corpus, "--output-dir", out, "-p", "top_n=two")
    assert "use --engine" in refused(capsys, "--input-dir", corpus, "--output-dir", out, "-p", "engine=dask")
    assert "number" in refused(capsys, "--input-dir", corpus, "--output-dir", out, "-p", "min_arabic_ratio=x")
    # a parameter of a stage that does not run is unknown to this run
    assert "top_n" in refused(
        capsys, "--input-dir", corpus, "--output-dir", out, "--only", "ingest", "-p", "top_n=3"
    )
    assert not out.exists() and not (tmp_path / "o.staging").exists()


def test_parameter_values_are_read_by_the_notebooks_types():
    defaults = stage_parameters(run.STAGES)
    given = {"top_n": "5", "use_camel_ner": "False", "min_arabic_ratio": "1"}
    assert check_parameters(given, defaults) == {"top_n": 5, "use_camel_ner": False, "min_arabic_ratio": 1.0}
    assert check_parameters({"top_n": 2}, defaults) == {"top_n": 2}
    with pytest.raises(ValueError, match="True or False"):
        check_parameters({"show_dropped_lines": "1"}, defaults)
    assert notebook_parameters(PROJECT_ROOT / "notebooks" / "01_ingest.ipynb")["input_dir"] == "seeds"


def test_a_second_run_into_the_same_folder_is_refused_and_a_stale_lock_taken_over(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    lock = tmp_path / "out.lock"
    me = psutil.Process()
    lock.write_text(json.dumps({"pid": me.pid, "started": me.create_time()}))  # a live holder
    assert f"process {me.pid}" in refused(capsys, "--input-dir", corpus, "--output-dir", out)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock.write_text(json.dumps({"pid": dead.pid, "started": time.time() - 60}))  # its process is gone
    assert run.main(["--input-dir", str(corpus), "--output-dir", str(out), "--only", "ingest"]) == 0
    assert not lock.exists()


def test_run_lock_is_exclusive(tmp_path):
    with guard.run_lock(tmp_path / "o"):
        with pytest.raises(guard.UsageError, match="another run"):
            with guard.run_lock(tmp_path / "o"):
                pass
    with guard.run_lock(tmp_path / "o"):  # released
        pass


def test_an_output_that_cannot_be_written_gives_a_failed_line(corpus, tmp_path, capsys):
    parent = tmp_path / "a file"
    parent.write_text("not a folder")
    code = run.main(["--input-dir", str(corpus), "--output-dir", str(parent / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "FAILED: could not write the output" in err and "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_parent_gives_a_failed_line(corpus, tmp_path, capsys):
    parent = tmp_path / "read-only"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        code = run.main(["--input-dir", str(corpus), "--output-dir", str(parent / "out")])
    finally:
        parent.chmod(0o755)
    assert code == 1 and "FAILED:" in capsys.readouterr().err


def test_an_empty_input_folder_warns_and_fails_when_strict(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run.main(["--input-dir", str(empty), "--output-dir", str(tmp_path / "o"), "--only", "ingest"]) == 0
    assert "WARNING: the input folder holds no input files" in capsys.readouterr().err
    code = run.main(
        ["--input-dir", str(empty), "--output-dir", str(tmp_path / "o2"), "--only", "ingest", "--strict"]
    )
    assert code == 1 and "--strict: the input folder holds no input files" in capsys.readouterr().err


def test_files_are_written_with_the_users_umask(corpus, tmp_path):
    old = os.umask(0o022)
    try:
        run.run_pipeline(corpus, tmp_path / "o", stages=["01_ingest"])
    finally:
        os.umask(old)
    for path in [
        tmp_path / "o" / "data" / "documents.csv",
        tmp_path / "o" / "index.html",
        tmp_path / "o" / "reports" / "01_ingest.html",
    ]:
        assert path.stat().st_mode & 0o777 == 0o644, path


def _kill_kernels_when(marker: str, delay: float, corpus: Path, out: Path) -> tuple[int, str, float]:
    """Run the pipeline in a subprocess; when `marker` appears in its output, wait `delay` s and
    kill its kernels. Returns the exit code, the output and the seconds from the kill to the exit."""
    process = subprocess.Popen(
        [sys.executable, "-m", "helpers.run", "--input-dir", str(corpus), "--output-dir", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=PROJECT_ROOT,
    )
    os.set_blocking(process.stdout.fileno(), False)
    output, killed_at, deadline = b"", None, time.monotonic() + 240
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
        output += process.stdout.read() or b""
        if killed_at is None and marker.encode() in output:
            time.sleep(delay)
            for child in psutil.Process(process.pid).children(recursive=True):
                if "ipykernel" in " ".join(child.cmdline()):
                    child.kill()
            killed_at = time.monotonic()
    if process.poll() is None:
        process.kill()
    output += process.stdout.read() or b""
    return process.wait(), output.decode(errors="replace"), time.monotonic() - (killed_at or 0)


@pytest.mark.e2e
@pytest.mark.parametrize("marker, delay", [("[3/5] 03_entities ...", 0.0), ("[2/5] 02_clean ...", 0.5)])
def test_a_killed_kernel_fails_its_stage_within_seconds(tmp_path, marker, delay):
    """Killed while warming (the entities kernel loads the gazetteer) or while running a notebook."""
    from helpers.bench import build_corpus

    corpus = build_corpus(tmp_path / "corpus", 300)
    code, output, seconds = _kill_kernels_when(marker, delay, corpus, tmp_path / "out")
    assert code == 1, output
    assert "kernel died" in output and "FAILED" in output, output
    assert seconds < 20, f"the runner took {seconds:.0f} s to notice: {output}"
    assert not (tmp_path / "out").exists() and (tmp_path / "out.failed").exists()
    assert not (tmp_path / "out.lock").exists()
