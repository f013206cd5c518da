"""Where the per-document work runs: in the notebook's process (`pandas`) or as Dask partitions
(`dask`) on a local cluster or on any Dask scheduler given by address.

Stages call `map_partitions(func, table, *aligned, ...)` with a pure, importable function of a
batch of rows (one row per document); the corpus-level steps (duplicates, linking, anchors) stay in
the notebook. Both engines give the same tables: partitions are contiguous slices of `table`, each
with the rows of the `aligned` tables that share its keys, and their results are concatenated in
order.
"""
from __future__ import annotations

import atexit
from collections.abc import Callable
from contextlib import contextmanager
from functools import partial

import pandas as pd

ENGINES = ("pandas", "dask")
#: Partitions per worker thread: enough to balance uneven documents, few enough to stay cheap.
PARTITIONS_PER_THREAD = 4
_local_cluster = None


def check_engine(engine: str) -> str:
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    return engine


def partitions(table: pd.DataFrame, n: int) -> list[pd.DataFrame]:
    """`table` cut into at most `n` contiguous, non-empty slices of near-equal length (row order
    kept); one (empty) slice for an empty table."""
    n = max(1, min(n, len(table)))
    bounds = [round(i * len(table) / n) for i in range(n + 1)]
    return [table.iloc[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a] or [table]


def align(batch: pd.DataFrame, other: pd.DataFrame, key: str) -> pd.DataFrame:
    """The rows of `other` whose `key` is one of `batch`'s (their order kept)."""
    return other[other[key].isin(batch[key])]


def map_partitions(func: Callable, table: pd.DataFrame, *aligned: pd.DataFrame, key: str = "doc_id",
                   engine: str = "pandas", scheduler: str | None = None, n_partitions: int | None = None,
                   **kwargs):
    """`func(batch, *aligned_batches, **kwargs)` over batches of `table`'s rows, results
    concatenated in order (index reset).

    Each table of `aligned` is cut to the rows whose `key` column is in the batch (so a document's
    sentences travel with it). `func` returns a DataFrame or a tuple of DataFrames (concatenated
    element-wise); with `engine="dask"` it must be a top-level function of an importable module.
    The pandas engine calls it once on the whole table. The dask engine runs `n_partitions`
    batches (default: PARTITIONS_PER_THREAD per worker thread) on the scheduler at `scheduler`, or
    on a local cluster started once per process when it is empty."""
    check_engine(engine)
    call = partial(func, **kwargs)
    if engine == "pandas" or len(table) == 0:
        return _concat([call(table, *(align(table, other, key) for other in aligned))])
    with dask_client(scheduler) as client:
        n = n_partitions or PARTITIONS_PER_THREAD * sum(client.nthreads().values())
        batches = partitions(table, n)
        columns = [batches] + [[align(b, other, key) for b in batches] for other in aligned]
        # scattered first: partitions then travel as data, not inside the task graph
        futures = client.map(call, *(client.scatter(c) for c in columns), pure=False)
        return _concat(client.gather(futures))


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
        from distributed import LocalCluster

        # no dashboard; the scheduler's small HTTP server on a free port, not on 8787
        _local_cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                                      scheduler_kwargs={"dashboard_address": ":0"})
        atexit.register(_local_cluster.close)
    return _local_cluster.scheduler_address
