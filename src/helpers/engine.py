"""Where the per-document work runs: in the notebook's process (`pandas`) or as Dask partitions
(`dask`) on a local cluster or on any Dask scheduler given by address.

Stages call `map_partitions(func, table, ...)` with a pure function of a batch of rows; the
corpus-level steps (duplicates, linking, anchors) stay in the notebook. Both engines give the same
tables: partitions are contiguous slices of the input and their results are concatenated in order.
"""
from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager

import pandas as pd

ENGINES = ("pandas", "dask")


def check_engine(engine: str) -> str:
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    return engine


def partitions(table: pd.DataFrame, n: int) -> list[pd.DataFrame]:
    """`table` cut into at most `n` contiguous, non-empty slices (row order kept)."""
    n = max(1, min(n, len(table)))
    bounds = [round(i * len(table) / n) for i in range(n + 1)]
    return [table.iloc[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def map_partitions(func: Callable, table: pd.DataFrame, *, engine: str = "pandas",
                   scheduler: str | None = None, n_partitions: int | None = None):
    """`func(batch)` over batches of `table`'s rows, results concatenated in order.

    `func` returns a DataFrame or a tuple of DataFrames (concatenated element-wise). With the
    pandas engine it is called once on the whole table."""
    check_engine(engine)
    if engine == "pandas" or len(table) == 0:
        return func(table)
    with dask_client(scheduler) as client:
        n = n_partitions or max(1, 4 * sum(client.nthreads().values()))
        futures = client.map(func, partitions(table, n), pure=False)
        results = client.gather(futures)
    return _concat(results)


def _concat(results: list):
    if isinstance(results[0], tuple):
        return tuple(_concat([r[i] for r in results]) for i in range(len(results[0])))
    return pd.concat(results, ignore_index=True)


@contextmanager
def dask_client(scheduler: str | None = None):
    """A client for `scheduler` (an address such as tcp://host:8786), else for a new local
    cluster of two single-threaded worker processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client
