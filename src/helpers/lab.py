"""JupyterLab on the project, and where a notebook run by hand writes.

`make lab` runs `python -m helpers.lab`: JupyterLab with the project root as its root (so that
`notebooks/`, `outputs/` and `outputs-lab/` are all in its file browser), opened on
`notebooks/`, with `--allow-root` when run as root (Jupyter refuses root without it, and most
containers run as root). `python -m helpers.lab --print` prints the command instead.

A notebook run by hand (in the Lab, or with papermill without the runner) writes into its
`output_dir` parameter, `outputs-lab/` by default: never into a runner's output folder, which
the runner replaces whole (its index and reports would no longer match its tables).
`output_folder` refuses a runner's output folder and, when the interactive folder lacks the
tables a stage reads, copies them from the runner's `outputs/`: any notebook can be run by hand
after `make run`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from helpers import catalog
from helpers.core.paths import PROJECT_ROOT, STAGING_SUFFIX, resolve

#: Where notebooks run by hand write (the notebooks' default `output_dir`).
INTERACTIVE_OUTPUT = "outputs-lab"
#: The runner's default output folder (`make run`), where a hand run finds earlier tables.
RUNNER_OUTPUT = "outputs"
#: The file a runner's output folder holds (`helpers.run.guard.RUN_MARKER`).
RUN_MARKER = ".news-analysis-run"


def lab_command(
    root: str | Path = PROJECT_ROOT,
    *,
    euid: int | None = None,
    jupyter: str | Path | None = None,
    extra: list[str] | None = None,
) -> list[str]:
    """The argv that starts JupyterLab on the project: `root` as the server's root directory,
    the Lab opened on `root/notebooks`, `--allow-root` when the effective user id (`euid`,
    default the current one) is 0. `jupyter` defaults to the `jupyter` beside this Python."""
    if euid is None:
        euid = os.geteuid() if hasattr(os, "geteuid") else -1
    if jupyter is None:
        beside = Path(sys.executable).with_name("jupyter")
        jupyter = beside if beside.exists() else (shutil.which("jupyter") or "jupyter")
    argv = [
        str(jupyter),
        "lab",
        f"--ServerApp.root_dir={Path(root).resolve()}",
        "--LabApp.default_url=/lab/tree/notebooks",
    ]
    if euid == 0:
        argv.append("--allow-root")
    return argv + list(extra or [])


def output_folder(output_dir: str | Path, stage: str) -> Path:
    """The folder a notebook of `stage` writes into (relative paths from the project root).

    The runner passes its staging folder: used as it is. A folder a run published (it holds
    the runner's marker) is refused with a ValueError saying what to do instead: a notebook
    run by hand would overwrite some of its tables and leave its index and reports stale. Any
    other folder (by default `outputs-lab/`) is used, and the tables `stage` reads that it
    lacks are copied from the runner's `outputs/` when there."""
    out = resolve(output_dir)
    if out.name.endswith(STAGING_SUFFIX):
        return out
    if (out / RUN_MARKER).is_file():
        raise ValueError(
            f"{out} is the output folder of a pipeline run, which the runner replaces as a whole: "
            f"run this stage with `python -m helpers.run --only {stage} --output-dir {out}`, or set "
            f"output_dir = {INTERACTIVE_OUTPUT!r} (the default), a folder of its own that starts from a "
            f"copy of the tables in {PROJECT_ROOT / RUNNER_OUTPUT}"
        )
    missing = [t for t in catalog.STAGES[stage].reads if not (out / "data" / f"{t}.parquet").exists()]
    source = PROJECT_ROOT / RUNNER_OUTPUT / "data"
    copied = []
    for table in missing:
        if (source / f"{table}.parquet").exists():
            (out / "data").mkdir(parents=True, exist_ok=True)
            for suffix in (".parquet", ".csv"):
                if (source / f"{table}{suffix}").exists():
                    shutil.copy2(source / f"{table}{suffix}", out / "data" / f"{table}{suffix}")
            copied.append(table)
    if copied:
        print(f"copied {', '.join(copied)} from {source} into {out / 'data'} (this stage reads them)")
    for sub in ("data", "figures"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    return out


def main(argv: list[str] | None = None) -> int:
    """`python -m helpers.lab [--print] [jupyter lab options...]`."""
    args = list(sys.argv[1:] if argv is None else argv)
    show_only = "--print" in args
    args = [a for a in args if a != "--print"]
    command = lab_command(extra=args)
    if show_only:
        print(" ".join(command))
        return 0
    os.chdir(PROJECT_ROOT)
    os.execvp(command[0], command)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
