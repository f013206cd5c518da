"""Run the notebook pipeline into a staging folder and publish it when every stage passed.

Each notebook runs with papermill (kernel `python3`, working directory the project root) into
`<output>.staging`. Work starts early: the next stage's kernel is started and its modules imported
while the current stage runs, and reports are rendered in-process meanwhile. When every stage has
passed, the staging folder replaces the output folder by renames, so a reader never sees a
half-written run. A failed run leaves the previous output untouched and keeps what it wrote, with
the failed executed notebook, in `<output>.failed/`. What may be replaced, and the lock that keeps
two runs apart, are in `guard`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from jupyter_client import KernelManager

from helpers import catalog
from helpers.core.engine import Settings, start_local_cluster
from helpers.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT
from helpers.run.guard import (
    FAILED_SUFFIX,
    OLD_SUFFIX,
    STAGING_SUFFIX,
    UsageError,
    check_paths,
    run_lock,
    sibling,
    write_marker,
)
from helpers.run.kernels import death_message, exit_code, start_warm_kernel
from helpers.run.notebooks import notebook_imports, notebook_parameters
from helpers.run.params import check_parameters

STAGES = catalog.STAGE_NAMES


class StageFailed(RuntimeError):
    """A notebook failed (or a strict check did); the message says where and why."""


def stage_name(name: str) -> str:
    """'03', 'entities' or '03_entities' -> '03_entities'."""
    for stage in STAGES:
        if name in (stage, stage[:2], stage[3:]):
            return stage
    raise argparse.ArgumentTypeError(f"unknown stage {name!r}; stages are {', '.join(STAGES)}")


def selected_stages(only: str | None, start: str | None) -> list[str]:
    if only:
        return [only]
    return STAGES[STAGES.index(start) :] if start else list(STAGES)


def absolute(path: str | Path) -> Path:
    """`path` made absolute against the working directory (as any command-line tool does)."""
    return Path(path).expanduser().resolve()


def stage_parameters(stages: list[str]) -> dict[str, object]:
    """The parameters of the stages' notebooks with their defaults (the first notebook's wins)."""
    defaults: dict[str, object] = {}
    for stage in stages:
        for name, value in notebook_parameters(NOTEBOOKS_DIR / f"{stage}.ipynb").items():
            defaults.setdefault(name, value)
    return defaults


def warm_up_code(stage: str) -> str:
    """What a stage's kernel runs before its notebook: the notebook's imports, then the stage's
    warm-up call from the catalogue (pure start-up work)."""
    code = notebook_imports(NOTEBOOKS_DIR / f"{stage}.ipynb")
    warm_up = catalog.STAGES[stage].warm_up
    if warm_up:
        module, function = warm_up.split(":")
        code += f"\nimport {module}\n{module}.{function}()"
    return code


def run_pipeline(
    input_dir: str | Path = "seeds",
    output_dir: str | Path = "outputs",
    *,
    stages: list[str] | None = None,
    parameters: dict | None = None,
    strict: bool = False,
    engine: str = "pandas",
    workers: int = 0,
    scheduler: str | None = None,
) -> dict:
    """Run `stages` (all by default) and return the run record. Relative paths are taken from
    the working directory; `engine`, `workers` and `scheduler` say where the per-document work
    runs (`core.engine.Settings`). Raises UsageError, before any work, for an output folder that
    is not the runner's to replace (see `guard.check_paths`), a run already writing it, a bad run
    option, or a parameter no stage has or of the wrong type; StageFailed when a stage fails."""
    stages = stages or list(STAGES)
    inp, out = absolute(input_dir), absolute(output_dir)
    check_paths(inp, out, reads_input=STAGES[0] in stages)
    try:
        given = check_parameters(parameters or {}, stage_parameters(stages))
        settings = Settings(engine, workers, scheduler)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    with run_lock(out):
        staging = sibling(out, STAGING_SUFFIX)
        shutil.rmtree(staging, ignore_errors=True)
        if stages != STAGES and out.exists():
            shutil.copytree(out, staging, symlinks=True)  # a partial run builds on the tables there
        for sub in ("notebooks", "reports", "data", "figures", "logs"):
            (staging / sub).mkdir(parents=True, exist_ok=True)
        write_marker(staging)
        params = {"input_dir": str(inp), "output_dir": str(staging), **given}
        with _cluster_for(settings) as settings:
            return _run_stages(stages, inp, out, staging, params, given, strict, settings)


@contextmanager
def _cluster_for(settings: Settings):
    """The settings the kernels get: with the dask engine and no scheduler address, one local
    cluster serves every stage."""
    if settings.engine != "dask" or settings.scheduler:
        yield settings
        return
    with start_local_cluster() as cluster:
        yield replace(settings, scheduler=cluster.scheduler_address)


def _run_stages(
    stages: list[str],
    inp: Path,
    out: Path,
    staging: Path,
    params: dict,
    parameters: dict,
    strict: bool,
    settings: Settings,
) -> dict:
    failed_dir = sibling(out, FAILED_SUFFIX)
    previous = _previous_stages(out)
    record = {
        "started": _now(),
        "parameters": {
            "input_dir": str(inp),
            "output_dir": str(out),
            **parameters,
            "run": settings.describe(),
        },
        "stages": [],
        "warnings": [],
        "ok": True,
    }
    t0 = time.perf_counter()
    failure: StageFailed | None = None
    # Two kernels warm up at a time, in stage order, while earlier stages run.
    with ThreadPoolExecutor(max_workers=2) as kernels, ThreadPoolExecutor(max_workers=1) as renders:
        warm = {
            stage: kernels.submit(
                start_warm_kernel, stage, staging / "logs", warm_up_code(stage), settings.environment()
            )
            for stage in stages
        }
        from helpers.report.html import (  # slow imports, once kernels are starting
            notebook_to_html,
            write_index,
        )

        rendered: list[Future] = []
        try:
            for i, stage in enumerate(stages):
                print(f"[{i + 1}/{len(stages)}] {stage} ...", end="", flush=True)
                s0 = time.perf_counter()
                km = None
                try:
                    km = _kernel_for(stage, warm.pop(stage))
                    _execute(stage, staging, params, km)
                    if stage in catalog.stages_filling("documents", "status"):
                        _check_documents(staging, stage, strict, record["warnings"])
                    status, error = "ok", None
                except StageFailed as exc:
                    status, error, failure = "failed", str(exc), exc
                finally:
                    if km is not None:
                        km.shutdown_kernel(now=True)
                seconds = time.perf_counter() - s0
                print(f" {status} ({seconds:.1f} s)", flush=True)
                record["stages"].append({"name": stage, "status": status, "seconds": seconds, "error": error})
                executed = staging / "notebooks" / f"{stage}.ipynb"
                if executed.exists():  # a kernel that never started leaves no notebook
                    rendered.append(
                        renders.submit(notebook_to_html, executed, staging / "reports" / f"{stage}.html")
                    )
                if failure:
                    break
        finally:
            for pending in warm.values():  # kernels of stages a failure left unrun
                if not pending.cancel() and pending.exception() is None:
                    pending.result().shutdown_kernel(now=True)
        for r in rendered:
            r.result()
    record["stages"] = _merge_stages(previous, record["stages"])
    record.update(ok=failure is None, finished=_now(), seconds=time.perf_counter() - t0)
    write_index(staging, record)
    if failure:
        shutil.rmtree(failed_dir, ignore_errors=True)
        staging.rename(failed_dir)
        raise StageFailed(
            f"{failure}\nThe failed run is kept in {failed_dir} "
            f"(executed notebooks in {failed_dir / 'notebooks'}); "
            f"{out} was left as it was."
        )
    _swap_in(staging, out)
    shutil.rmtree(failed_dir, ignore_errors=True)
    return record


def _execute(stage: str, staging: Path, params: dict, km: KernelManager) -> None:
    # papermill (through nbformat and jsonschema) takes ~2 s to import: imported here, once the
    # first kernel is already starting, not at module import.
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    notebook = NOTEBOOKS_DIR / f"{stage}.ipynb"
    executed = staging / "notebooks" / f"{stage}.ipynb"
    accepted = notebook_parameters(notebook)
    logs = staging / "logs"
    with (
        open(logs / f"{stage}.stdout.log", "w", encoding="utf-8") as out,
        open(logs / f"{stage}.stderr.log", "w", encoding="utf-8") as err,
    ):
        try:
            pm.execute_notebook(
                str(notebook),
                str(executed),
                parameters={k: v for k, v in params.items() if k in accepted},
                kernel_name="python3",
                cwd=str(PROJECT_ROOT),
                progress_bar=False,
                log_output=True,
                stdout_file=out,
                stderr_file=err,
                km=km,
            )
        except PapermillExecutionError as exc:
            raise StageFailed(
                f"stage {stage} failed in cell {exc.cell_index} (execution count {exc.exec_count}):"
                f" {exc.ename}: {exc.evalue}"
            ) from exc
        except Exception as exc:  # the kernel died, a notebook is unreadable, ...
            if exit_code(km) is not None:
                raise StageFailed(
                    f"stage {stage} failed: {death_message(km)}; its log is {logs / f'{stage}.kernel.log'}"
                ) from exc
            raise StageFailed(f"stage {stage} failed: {type(exc).__name__}: {exc}") from exc


def _kernel_for(stage: str, starting: Future) -> KernelManager:
    try:
        return starting.result()
    except Exception as exc:
        raise StageFailed(f"stage {stage} failed: its kernel did not start: {exc}") from exc


def _check_documents(staging: Path, stage: str, strict: bool, warnings: list[str]) -> None:
    """After ingest: warn when the input folder held no file; with `strict`, fail when it held
    none or any file is not ok (after clean: any document without article text)."""
    from helpers.core.io import read_table

    docs = read_table(staging, "documents")
    if stage == "01_ingest" and docs.empty:
        message = "the input folder holds no input files: nothing to analyse"
        if strict:
            raise StageFailed(f"--strict: {message}")
        warnings.append(message)
        print(f"\nWARNING: {message}", file=sys.stderr, end="", flush=True)
    if strict:
        bad = docs[docs["status"] != "ok"]
        if len(bad):
            listing = "; ".join(f"{r.source_path}: {r.status} ({r.message})" for r in bad.itertuples())
            raise StageFailed(f"--strict: {len(bad)} input file(s) are not ok: {listing}")


def _previous_stages(out: Path) -> list[dict]:
    path = out / "logs" / "run.json"
    if not path.exists():
        return []
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("stages", [])
    except (json.JSONDecodeError, OSError):
        return []


def _merge_stages(previous: list[dict], current: list[dict]) -> list[dict]:
    """Every stage once, in order: this run's entry, else the previous run's, else 'not_run'."""
    by_name = {s["name"]: s for s in previous}
    by_name.update({s["name"]: s for s in current})
    return [
        by_name.get(name, {"name": name, "status": "not_run", "seconds": 0.0, "error": None})
        for name in STAGES
    ]


def _swap_in(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with renames only (the old folder is removed afterwards)."""
    old = sibling(out, OLD_SUFFIX)
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
