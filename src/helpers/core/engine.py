"""Where the per-document work runs: in local processes forked from the notebook's kernel
(`pandas`, one per core) or as Dask partitions (`dask`) on a local cluster or on any Dask
scheduler given by address.

These are run options, not research parameters: the runner (`--engine`, `--workers`,
`--scheduler`) hands them to each kernel through the environment (`settings`), and every
`map_partitions` / `map_list` call without explicit values uses them; a notebook opened by hand
runs with the defaults (pandas engine, workers chosen by size).

Stages call `map_partitions(func, table, *aligned, ...)` with a pure, importable function of a
batch of rows (one row per document); the corpus-level steps (duplicates, linking, anchors) stay in
the notebook. Both engines give the same tables: partitions are contiguous slices of `table`, each
with the rows of the `aligned` tables that share its keys, and their results are concatenated in
order.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

import pandas as pd

ENGINES = ("pandas", "dask")
#: Partitions per worker thread: enough to balance uneven documents, few enough to stay cheap.
PARTITIONS_PER_THREAD = 4
#: With `workers=0` the pandas engine forks workers only when each would get at least this many
#: rows (below it, starting them costs more than they save).
MIN_ROWS_PER_WORKER = 100
_local_cluster = None
#: The batches of the running `map_partitions` call: forked workers inherit them (nothing is
#: pickled on the way in) and are sent only their indexes.
_forked_work: tuple[Callable, list[list]] | None = None


#: The environment variables that carry the run options into a kernel.
ENVIRONMENT = {
    "engine": "NEWS_ANALYSIS_ENGINE",
    "workers": "NEWS_ANALYSIS_WORKERS",
    "scheduler": "NEWS_ANALYSIS_SCHEDULER",
}


@dataclass(frozen=True)
class Settings:
    """The run options of the per-document work."""

    engine: str = "pandas"
    workers: int = 0  # pandas engine: processes; 0: one per core when the corpus is large enough
    scheduler: str | None = None  # dask engine: a scheduler's address; None: a local cluster

    def __post_init__(self):
        check_engine(self.engine)
        if self.workers < 0:
            raise ValueError(f"workers must be 0 (one per core) or more, not {self.workers}")

    def environment(self) -> dict[str, str]:
        """The variables that hand these settings to a kernel (see `settings`)."""
        return {
            ENVIRONMENT["engine"]: self.engine,
            ENVIRONMENT["workers"]: str(self.workers),
            ENVIRONMENT["scheduler"]: self.scheduler or "",
        }

    def describe(self) -> str:
        if self.engine == "dask":
            return f"dask engine on {self.scheduler or 'a local cluster'}"
        workers = "one per core for large corpora" if self.workers == 0 else str(self.workers)
        return f"pandas engine, worker processes: {workers}"


def settings() -> Settings:
    """The run options this process was given (by the runner, through the environment)."""
    env = os.environ
    return Settings(
        env.get(ENVIRONMENT["engine"]) or "pandas",
        int(env.get(ENVIRONMENT["workers"]) or 0),
        env.get(ENVIRONMENT["scheduler"]) or None,
    )


def check_engine(engine: str) -> str:
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    return engine


def partitions(table: pd.DataFrame, n: int) -> list[pd.DataFrame]:
    """`table` cut into at most `n` contiguous, non-empty slices of near-equal length (row order
    kept); one (empty) slice for an empty table."""
    return [table.iloc[a:b] for a, b in _bounds(len(table), n)] or [table]


def _bounds(length: int, n: int) -> list[tuple[int, int]]:
    """At most `n` contiguous, non-empty, near-equal [start, end) ranges covering `length` items."""
    n = max(1, min(n, length))
    cuts = [round(i * length / n) for i in range(n + 1)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def align(batch: pd.DataFrame, other: pd.DataFrame, key: str) -> pd.DataFrame:
    """The rows of `other` whose `key` is one of `batch`'s (their order kept)."""
    return other[other[key].isin(batch[key])]


def map_partitions(
    func: Callable,
    table: pd.DataFrame,
    *aligned: pd.DataFrame,
    key: str = "doc_id",
    engine: str | None = None,
    scheduler: str | None = None,
    n_partitions: int | None = None,
    workers: int | None = None,
    **kwargs,
):
    """`func(batch, *aligned_batches, **kwargs)` over batches of `table`'s rows, results
    concatenated in order (index reset).

    Each table of `aligned` is cut to the rows whose `key` column is in the batch (so a document's
    sentences travel with it). `func` returns a DataFrame or a tuple of DataFrames (concatenated
    element-wise); with `engine="dask"` it must be a top-level function of an importable module.
    The pandas engine runs PARTITIONS_PER_THREAD batches per worker in processes forked from this
    one (how many: `local_workers`); with one worker it calls `func` once, here. The dask
    engine runs `n_partitions` batches (default: PARTITIONS_PER_THREAD per worker thread) on the
    scheduler at `scheduler`, or on a local cluster started once per process when it is empty.
    `engine`, `scheduler` and `workers` default to the run's `settings()`."""
    run = settings()
    engine = check_engine(engine or run.engine)
    scheduler = scheduler or run.scheduler
    workers = run.workers if workers is None else workers
    call = partial(func, **kwargs)
    if engine == "pandas" or len(table) == 0:
        n_workers = local_workers(len(table), workers)
        if n_workers == 1:
            return _concat([call(table, *(align(table, other, key) for other in aligned))])
        return _concat(
            _run_forked(
                call,
                _batches(table, aligned, key, n_partitions or PARTITIONS_PER_THREAD * n_workers),
                n_workers,
            )
        )
    with dask_client(scheduler) as client:
        n = n_partitions or PARTITIONS_PER_THREAD * sum(client.nthreads().values())
        columns = _batches(table, aligned, key, n)
        # scattered first: partitions then travel as data, not inside the task graph
        futures = client.map(call, *(client.scatter(c) for c in columns), pure=False)
        return _concat(client.gather(futures))


def map_list(func: Callable, items: list, workers: int | None = None) -> list:
    """`func(chunk)` (a list in, a list out) over contiguous chunks of `items`, in processes
    forked as the pandas engine's (`workers` as there, by default the run's), results concatenated
    in order. `func` and what it refers to are inherited by the workers, never pickled; its
    results are pickled back."""
    n_workers = local_workers(len(items), settings().workers if workers is None else workers)
    if n_workers == 1:
        return func(items)
    chunks = [items[a:b] for a, b in _bounds(len(items), PARTITIONS_PER_THREAD * n_workers)]
    return [result for part in _run_forked(func, [chunks], n_workers) for result in part]


def local_workers(n_rows: int, workers: int = 0) -> int:
    """How many processes the pandas engine uses for `n_rows` rows: `workers` (no more than the
    rows), or with 0 one per core this process may use, as long as each gets MIN_ROWS_PER_WORKER
    rows; always 1 but on Linux (macOS has `fork`, but a forked process that touches its system
    frameworks may crash; Windows has none)."""
    if workers < 0:
        raise ValueError(f"workers must be 0 (one per core) or more, not {workers}")
    if not sys.platform.startswith("linux"):
        return 1
    if workers:
        return max(1, min(workers, n_rows))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, n_rows // MIN_ROWS_PER_WORKER))


def _batches(
    table: pd.DataFrame, aligned: tuple[pd.DataFrame, ...], key: str, n: int
) -> list[list[pd.DataFrame]]:
    """Columns of arguments: the batches of `table`, then each aligned table cut to them."""
    batches = partitions(table, n)
    return [batches] + [[align(b, other, key) for b in batches] for other in aligned]


def _run_forked(call: Callable, columns: list[list], n_workers: int) -> list:
    """`call(*arguments)` for each batch of arguments (`columns`: one list per argument) in
    forked worker processes, results in batch order."""
    global _forked_work
    _forked_work = (call, columns)
    try:
        # each worker first moves what it inherited out of its garbage collector's sight: a
        # collection would write to (and so copy) every inherited page
        with ProcessPoolExecutor(
            n_workers, mp_context=multiprocessing.get_context("fork"), initializer=gc.freeze
        ) as pool:
            return list(pool.map(_forked_batch, range(len(columns[0]))))
    finally:
        _forked_work = None


def _forked_batch(index: int):
    call, columns = _forked_work
    return call(*(column[index] for column in columns))


def _concat(results: list):
    if isinstance(results[0], tuple):
        return tuple(_concat([r[i] for r in results]) for i in range(len(results[0])))
    # empty results add no rows and must not change the dtypes the others agree on
    frames = [r for r in results if len(r)] or results[:1]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)


@contextmanager
def dask_client(scheduler: str | None = None):
    """A client for `scheduler` (an address such as tcp://host:8786), else for this process's
    local cluster of two single-threaded worker processes (started on first use)."""
    from distributed import Client

    with Client(scheduler or _local_address(), set_as_default=False) as client:
        yield client


def _local_address() -> str:
    global _local_cluster
    if _local_cluster is None:
        _local_cluster = start_local_cluster()
        atexit.register(_local_cluster.close)
    return _local_cluster.scheduler_address


def start_local_cluster():
    """The local Dask cluster: two single-threaded worker processes, everything on loopback, no
    dashboard (the scheduler's small HTTP server on a free port). The runner starts one for a
    whole run; a kernel without a scheduler address starts its own on first use."""
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    )
