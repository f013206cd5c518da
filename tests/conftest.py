import shutil

import pytest

from helpers.core.paths import SEEDS_DIR
from helpers.run import run_pipeline


@pytest.fixture(scope="session")
def e2e_corpus(tmp_path_factory):
    """The seed articles plus two files that must not stop a run: an empty one and an English one."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "empty page.txt").write_bytes(b"")
    (folder / "english.txt").write_text("An English-only page about markets and weather.\n" * 5)
    return folder


@pytest.fixture(scope="session")
def e2e_output(e2e_corpus, tmp_path_factory):
    """The output folder of one whole run of the pipeline (all five notebooks) on `e2e_corpus`."""
    out = tmp_path_factory.mktemp("run") / "outputs"
    run_pipeline(e2e_corpus, out)
    return out


@pytest.fixture
def tmp(tmp_path):
    """A fresh folder (the format tests' name for tmp_path)."""
    return tmp_path
