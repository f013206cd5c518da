"""`make lab`: JupyterLab at the project root, as root and as a user; notebooks run by hand write
into their own folder and never into a runner's output."""

import os
import re
import subprocess
import sys
import time
import urllib.request

import pandas as pd
import pytest

from helpers import catalog, lab
from helpers.core.io import write_table
from helpers.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT
from helpers.run import STAGES
from helpers.run.guard import RUN_MARKER
from helpers.run.notebooks import notebook_parameters


def test_lab_as_root_allows_root_and_opens_the_notebooks_at_the_project_root():
    argv = lab.lab_command(euid=0, jupyter="/venv/bin/jupyter")
    assert argv[:2] == ["/venv/bin/jupyter", "lab"]
    assert "--allow-root" in argv
    assert f"--ServerApp.root_dir={PROJECT_ROOT}" in argv
    assert "--LabApp.default_url=/lab/tree/notebooks" in argv


def test_lab_as_a_user_does_not_ask_for_root():
    argv = lab.lab_command(euid=1000, jupyter="jupyter", extra=["--no-browser"])
    assert "--allow-root" not in argv and argv[-1] == "--no-browser"


def test_make_lab_runs_the_helpers_lab_command():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lab:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    assert recipe.strip() == "$(PY) -m helpers.lab"
    printed = subprocess.run(
        [sys.executable, "-m", "helpers.lab", "--print"], capture_output=True, text=True, check=True
    ).stdout
    assert " lab " in printed and ("--allow-root" in printed) == (os.geteuid() == 0)


def test_the_runner_marker_is_the_one_lab_checks():
    assert lab.RUN_MARKER == RUN_MARKER


def jupyterlab_installed() -> bool:
    try:
        return subprocess.run([lab.lab_command()[0], "lab", "--version"], capture_output=True).returncode == 0
    except OSError:
        return False


def test_jupyterlab_starts_with_the_command_make_lab_builds(tmp_path):
    """The command really starts a server (as root here when the tests run as root: Jupyter
    refuses root without --allow-root) serving the project root."""
    if not jupyterlab_installed():
        pytest.skip("JupyterLab is not installed (the lab extra)")
    port = 18000 + os.getpid() % 1000
    argv = lab.lab_command(
        extra=[
            "--no-browser",
            f"--ServerApp.port={port}",
            "--ServerApp.token=t",
            "--ServerApp.port_retries=0",
        ]
    )
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    server = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    try:
        listing = None
        for _ in range(60):
            time.sleep(1)
            if server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token=t", timeout=2) as r:
                    listing = r.read().decode()
                break
            except OSError:
                continue
        assert listing is not None, (
            server.stdout.read().decode() if server.poll() is not None else "no answer"
        )
        assert '"notebooks"' in listing and '"src"' in listing  # the project root, not notebooks/
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:  # a loaded machine: it did answer, now it must go
            server.kill()
            server.wait(timeout=20)


@pytest.mark.parametrize("stage", STAGES)
def test_notebooks_run_by_hand_write_into_the_interactive_folder(stage):
    assert notebook_parameters(NOTEBOOKS_DIR / f"{stage}.ipynb")["output_dir"] == lab.INTERACTIVE_OUTPUT


def test_output_folder_refuses_a_runners_output(tmp_path):
    published = tmp_path / "outputs"
    published.mkdir()
    (published / RUN_MARKER).write_text("")
    with pytest.raises(ValueError, match="helpers.run --only 03_entities"):
        lab.output_folder(published, "03_entities")
    staging = tmp_path / "outputs.staging"
    staging.mkdir()
    (staging / RUN_MARKER).write_text("")
    assert lab.output_folder(staging, "03_entities") == staging  # the runner's own


def test_output_folder_starts_from_the_runners_tables(tmp_path, monkeypatch):
    monkeypatch.setattr(lab, "PROJECT_ROOT", tmp_path)
    runner = tmp_path / "outputs"
    documents = pd.DataFrame({c: [None] for c in catalog.columns("documents")})
    write_table(documents.assign(doc_id="a"), runner, "documents")
    interactive = lab.output_folder(tmp_path / "outputs-lab", "02_clean")
    assert (interactive / "data" / "documents.parquet").exists()
    assert (interactive / "data" / "documents.csv").exists()
    assert not (interactive / "data" / "raw_text.parquet").exists()  # the runner has none either
    assert (interactive / "figures").is_dir()
    assert not (runner / "data" / "sentences.parquet").exists()  # nothing written back
