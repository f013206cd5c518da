"""The engines: partitions, `map_partitions` on pandas and on a Dask cluster, and the whole chain
on both engines giving the same tables."""

import os
import subprocess
import sys

import cloudpickle
import pandas as pd
import pytest

from helpers.catalog import TABLES
from helpers.core import engine
from helpers.core.io import read_table
from helpers.core.paths import PROJECT_ROOT

# the workers cannot import this test module: its functions travel by value
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def documents(n):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "x": range(n)})


def sentences(n):
    rows = [(f"d{i}", k) for i in range(n) for k in range(i % 3)]
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id"])


def per_batch(docs, sents, *, offset=0):
    """One row per document (its sentence count, what else its batch held) and one per sentence
    (built from records, as stages do: object columns when there are none)."""
    counts = sents.groupby("doc_id").size()
    out = docs.assign(
        n_sentences=[int(counts.get(d, 0)) for d in docs["doc_id"]],
        batch=",".join(docs["doc_id"]),
        y=docs["x"] + offset,
    )
    return out, pd.DataFrame(sents.to_dict("records"), columns=["doc_id", "sentence_id"])


@pytest.mark.parametrize("n_rows,n", [(10, 3), (10, 1), (3, 8), (7, 7), (1, 4)])
def test_partitions_are_contiguous_non_empty_and_cover_the_table(n_rows, n):
    table = documents(n_rows)
    parts = engine.partitions(table, n)
    assert len(parts) == min(n, n_rows) and all(len(p) for p in parts)
    pd.testing.assert_frame_equal(pd.concat(parts), table)
    assert max(map(len, parts)) - min(map(len, parts)) <= 1


def test_an_empty_table_is_one_empty_partition():
    parts = engine.partitions(documents(0), 4)
    assert len(parts) == 1 and parts[0].empty


def test_pandas_engine_calls_once_on_the_whole_table_with_aligned_rows():
    docs, sents = documents(5), sentences(6)  # d5's sentences have no document
    rows, sent_rows = engine.map_partitions(per_batch, docs, sents, offset=10)
    assert rows["batch"].nunique() == 1 and rows["y"].tolist() == list(range(10, 15))
    assert rows["n_sentences"].tolist() == [0, 1, 2, 0, 1]
    assert sorted(sent_rows["doc_id"].unique()) == ["d1", "d2", "d4"]


def per_batch_with_pid(docs, sents, **kwargs):
    rows, sent_rows = per_batch(docs, sents, **kwargs)
    return rows.assign(pid=os.getpid()), sent_rows


def test_local_workers_one_per_core_for_large_tables_or_as_asked():
    cores = len(os.sched_getaffinity(0))
    assert engine.local_workers(engine.MIN_ROWS_PER_WORKER - 1) == 1
    assert engine.local_workers(100 * engine.MIN_ROWS_PER_WORKER) == cores
    assert engine.local_workers(5, workers=3) == 3 and engine.local_workers(2, workers=3) == 2
    assert engine.local_workers(0, workers=3) == 1
    with pytest.raises(ValueError, match="workers must be"):
        engine.local_workers(10, workers=-1)


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_no_workers_are_forked_off_linux(monkeypatch, platform):
    monkeypatch.setattr(engine.sys, "platform", platform)
    assert engine.local_workers(100 * engine.MIN_ROWS_PER_WORKER) == 1
    assert engine.local_workers(10, workers=4) == 1


def test_pandas_engine_with_workers_runs_batches_in_forked_processes_and_gives_the_same_result():
    docs, sents = documents(11), sentences(11)
    expected = engine.map_partitions(per_batch, docs, sents, offset=1)
    rows, sent_rows = engine.map_partitions(per_batch_with_pid, docs, sents, workers=2, offset=1)
    assert rows["batch"].nunique() == 2 * engine.PARTITIONS_PER_THREAD
    assert os.getpid() not in set(rows["pid"]) and rows["pid"].nunique() <= 2
    pd.testing.assert_frame_equal(rows.drop(columns=["batch", "pid"]), expected[0].drop(columns="batch"))
    pd.testing.assert_frame_equal(sent_rows, expected[1])


def test_pandas_engine_errors_in_a_worker_reach_the_caller():
    with pytest.raises(TypeError):
        engine.map_partitions(per_batch, documents(3), sentences(3), workers=2, unknown=1)


def test_map_list_keeps_order_and_workers_inherit_the_function():
    seen = {"offset": 100}  # a closure: workers inherit it, nothing is pickled on the way in
    out = engine.map_list(
        lambda chunk: [(x + seen["offset"], os.getpid()) for x in chunk], list(range(10)), workers=2
    )
    assert [x for x, _ in out] == list(range(100, 110))
    assert os.getpid() not in {pid for _, pid in out}
    assert engine.map_list(lambda chunk: [x * 2 for x in chunk], [1, 2, 3]) == [2, 4, 6]  # here, small


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(ValueError, match="engine must be one of"):
        engine.map_partitions(per_batch, documents(2), sentences(2), engine="spark")


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": ":0"},
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_engine_runs_batches_on_the_scheduler_and_gives_the_pandas_result(scheduler):
    docs, sents = documents(11), sentences(11)
    expected = engine.map_partitions(per_batch, docs, sents, offset=1)
    rows, sent_rows = engine.map_partitions(
        per_batch, docs, sents, engine="dask", scheduler=scheduler, n_partitions=4, offset=1
    )
    assert rows["batch"].nunique() == 4  # four batches ran
    pd.testing.assert_frame_equal(rows.drop(columns="batch"), expected[0].drop(columns="batch"))
    pd.testing.assert_frame_equal(sent_rows, expected[1])
    # by default, four batches per worker thread
    rows, _ = engine.map_partitions(per_batch, docs, sents, engine="dask", scheduler=scheduler)
    assert rows["batch"].nunique() == 8


def test_empty_batch_results_do_not_change_dtypes(scheduler):
    docs, sents = documents(4), sentences(4)  # d0 and d3 have no sentences
    _, sent_rows = engine.map_partitions(
        per_batch, docs, sents, engine="dask", scheduler=scheduler, n_partitions=4
    )
    assert sent_rows["sentence_id"].dtype == "int64" and len(sent_rows) == 3
    pd.testing.assert_frame_equal(sent_rows, engine.map_partitions(per_batch, docs, sents)[1])


def test_errors_in_a_batch_reach_the_caller(scheduler):
    with pytest.raises(TypeError):
        engine.map_partitions(
            per_batch, documents(3), sentences(3), engine="dask", scheduler=scheduler, unknown=1
        )


def test_without_a_scheduler_one_local_cluster_serves_the_process(monkeypatch):
    monkeypatch.setattr(engine, "_local_cluster", None)
    try:
        docs, sents = documents(3), sentences(3)
        for _ in range(2):
            rows, _ = engine.map_partitions(per_batch, docs, sents, engine="dask")
            assert rows["batch"].tolist() == ["d0", "d1", "d2"]
        cluster = engine._local_cluster
        assert len(cluster.workers) == 2 and engine._local_address() == cluster.scheduler_address
    finally:
        if engine._local_cluster is not None:
            engine._local_cluster.close()


@pytest.mark.e2e
@pytest.mark.parametrize(
    "options,shown",
    [
        (["--engine", "dask"], "dask engine on tcp://127.0.0.1:"),  # the runner's local cluster
        (["--workers", "2"], "worker processes: 2"),  # forked (the e2e corpus is too small by default)
    ],
)
def test_every_engine_writes_the_same_tables(options, shown, e2e_corpus, e2e_output, tmp_path):
    """The chain with `--engine dask` (two Dask workers) or `--workers 2` on the e2e corpus,
    against the one-process pandas run of `e2e_output`: every table equal, row for row."""
    out = tmp_path / "run"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "helpers.run",
            "--input-dir",
            str(e2e_corpus),
            "--output-dir",
            str(out),
            *options,
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    for stage in ("01_ingest", "03_entities"):  # every kernel got the run options
        assert shown in (out / "notebooks" / f"{stage}.ipynb").read_text(encoding="utf-8")
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(out, name), read_table(e2e_output, name), obj=name)
        csv = f"data/{name}.csv"
        assert (out / csv).read_bytes() == (e2e_output / csv).read_bytes(), name
