"""The seeds' gold standard, when `../shared/eval` sits beside the checkout (skipped otherwise).

Runs the evaluation kit's scorer on the end-to-end run and holds every figure the issues set."""

import json
import subprocess
import sys

import pytest

from helpers.core.paths import PROJECT_ROOT

EVAL = PROJECT_ROOT.parent / "shared" / "eval"
TARGETS = {
    "clean.f1": 0.98,
    "meta.accuracy": 0.95,
    "anchor.accuracy": 1.0,
    "ent.f1": 0.92,
    "ent.typed_f1": 0.90,
    "link.f1": 0.95,
    "date.f1": 0.95,
    "dur.f1": 0.90,
}

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="no ../shared/eval beside the checkout"),
]


def test_seed_figures_reach_the_targets(e2e_output):
    result = subprocess.run(
        [
            sys.executable,
            str(EVAL / "score.py"),
            str(EVAL / "gold" / "seeds.json"),
            str(e2e_output),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout)
    short = {k: figures[k] for k, target in TARGETS.items() if figures[k] < target}
    assert not short, f"below target: {short}"
