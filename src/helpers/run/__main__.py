"""`python -m helpers.run [--input-dir seeds] [--output-dir outputs] [--only STAGE | --from STAGE]
[-p NAME=VALUE ...] [--engine pandas|dask] [--workers N] [--scheduler ADDRESS] [--strict]`: run
the notebooks on a folder of articles.

Exit codes: 0 done, 1 a stage failed (or the output could not be written), 2 the run was refused
before any work (a bad path, a parameter, or another run writing the same output folder)."""

from __future__ import annotations

import argparse
import sys

from helpers.core.engine import ENGINES
from helpers.run.guard import UsageError
from helpers.run.params import parse_parameter
from helpers.run.pipeline import StageFailed, absolute, run_pipeline, selected_stages, stage_name


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """The options a run takes besides its folders and stages: notebook parameters (-p) and where
    the per-document work runs (--engine, --workers, --scheduler); the benchmark takes them too."""
    parser.add_argument(
        "-p",
        dest="params",
        action="append",
        type=parse_parameter,
        default=[],
        metavar="NAME=VALUE",
        help="a notebook parameter (repeatable)",
    )
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="pandas",
        help="where per-document work runs: pandas (local worker processes, the default) or dask",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="pandas engine: worker processes (0: one per core for large corpora, 1: none)",
    )
    parser.add_argument(
        "--scheduler",
        help="dask engine: a scheduler's address such as tcp://host:8786 (default: a local cluster)",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.run",
        description="Run the five notebooks on a folder of articles.",
        epilog="Relative paths are taken from the current working directory. The output folder "
        "must be new, empty, or an earlier run's output: a run replaces it.",
    )
    parser.add_argument("--input-dir", default="seeds", help="folder of input files (default seeds)")
    parser.add_argument("--output-dir", default="outputs", help="output folder (default outputs)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--only", type=stage_name, help="run this stage only")
    group.add_argument("--from", dest="start", type=stage_name, help="run from this stage on")
    add_run_options(parser)
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail when the input folder is empty or any input file is not ok "
        "(empty, unreadable, no article text, ...)",
    )
    args = parser.parse_args(argv)
    try:
        record = run_pipeline(
            args.input_dir,
            args.output_dir,
            stages=selected_stages(args.only, args.start),
            parameters=dict(args.params),
            strict=args.strict,
            engine=args.engine,
            workers=args.workers,
            scheduler=args.scheduler,
        )
    except UsageError as exc:
        print(f"python -m helpers.run: error: {exc}", file=sys.stderr)
        return 2
    except StageFailed as exc:
        print(f"\nFAILED: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"\nFAILED: could not write the output: {exc}", file=sys.stderr)
        return 1
    print(f"done in {record['seconds']:.1f} s: {absolute(args.output_dir) / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
