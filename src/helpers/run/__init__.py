"""The pipeline runner: `python -m helpers.run` (see `__main__`), or `run_pipeline` from Python."""

from helpers.run.guard import UsageError
from helpers.run.params import parse_parameter
from helpers.run.pipeline import STAGES, StageFailed, run_pipeline, selected_stages, stage_name

__all__ = [
    "STAGES",
    "StageFailed",
    "UsageError",
    "parse_parameter",
    "run_pipeline",
    "selected_stages",
    "stage_name",
    "main",
]


def main(argv: list[str] | None = None) -> int:
    from .__main__ import main as cli

    return cli(argv)
