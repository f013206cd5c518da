import pandas as pd
import pytest

from helpers.core import io


def test_write_table_writes_parquet_and_bom_csv(tmp_path):
    df = pd.DataFrame({"doc_id": ["a"], "term": ["روسيا"], "z": [1.5], "count": [3], "count_rest": [1]})
    io.write_table(df, tmp_path, "distinctive_terms")
    raw = (tmp_path / "data" / "distinctive_terms.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "روسيا" in raw.decode("utf-8-sig")
    back = io.read_table(tmp_path, "distinctive_terms")
    assert back.to_dict("records") == [
        {"doc_id": "a", "term": "روسيا", "z": 1.5, "count": 3, "count_rest": 1}
    ]
    assert not [p for p in (tmp_path / "data").iterdir() if p.name.endswith(".tmp")]


def test_write_table_orders_columns_by_the_catalogue_and_refuses_any_other_shape(tmp_path):
    df = pd.DataFrame({"doc_b": ["y"], "cosine": [0.5], "doc_a": ["x"]})
    io.write_table(df, tmp_path, "doc_similarity")
    assert list(io.read_table(tmp_path, "doc_similarity").columns) == ["doc_a", "doc_b", "cosine"]
    lacks = r"'doc_similarity' \(written by 05_comparison\) lacks.*cosine"
    with pytest.raises(io.ContractError, match=lacks):
        io.write_table(df.drop(columns="cosine"), tmp_path, "doc_similarity")
    with pytest.raises(io.ContractError, match="does not list: \\['extra'\\]"):
        io.write_table(df.assign(extra=1), tmp_path, "doc_similarity")
    with pytest.raises(io.ContractError, match="'cosine' should hold float values, not string"):
        io.write_table(df.assign(cosine="high"), tmp_path, "doc_similarity")
    io.write_table(df.assign(cosine=None), tmp_path, "doc_similarity")  # missing values fit any kind


def test_read_table_refuses_a_table_of_another_shape(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "data").mkdir()
    pq.write_table(pa.table({"doc_a": ["x"], "doc_b": ["y"]}), tmp_path / "data" / "doc_similarity.parquet")
    with pytest.raises(io.ContractError, match="run stage 05_comparison again"):
        io.read_table(tmp_path, "doc_similarity")


def test_failed_write_leaves_previous_table_intact(tmp_path):
    first = pd.DataFrame({"doc_a": ["x"], "doc_b": ["y"], "cosine": [0.5]})  # a whole table
    io.write_table(first, tmp_path, "doc_similarity")

    class Unwritable(pd.DataFrame):
        def to_parquet(self, *a, **k):
            raise OSError("disk full")

    bad = Unwritable({"doc_a": ["q"], "doc_b": ["r"], "cosine": [0.1]})
    with pytest.raises(OSError):
        io.atomic_write(tmp_path / "data" / "doc_similarity.parquet", bad.to_parquet)
    assert io.read_table(tmp_path, "doc_similarity")["doc_a"].tolist() == ["x"]
    assert not [p for p in (tmp_path / "data").iterdir() if p.name.endswith(".tmp")]


def test_read_table_names_the_missing_stage(tmp_path):
    with pytest.raises(FileNotFoundError, match="entities"):
        io.read_table(tmp_path, "entities")


def test_join_and_split_ids_round_trip():
    assert io.join_ids(["b", "a", "b", None, ""]) == "a|b"
    assert io.split_ids("a|b") == ["a", "b"]
    assert io.split_ids("") == [] and io.split_ids(None) == [] and io.split_ids(float("nan")) == []


def test_csv_cells_that_start_like_formulas_are_neutralised_and_parquet_is_exact(tmp_path):
    import csv

    risky = ["=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")']
    safe = ["روسيا", "a=b", "", None]
    df = pd.DataFrame({"doc_a": risky + safe, "doc_b": "x", "cosine": -0.5})
    io.write_table(df, tmp_path, "doc_similarity")
    with open(tmp_path / "data" / "doc_similarity.csv", encoding="utf-8-sig", newline="") as f:
        cells = [row["doc_a"] for row in csv.DictReader(f)]
    assert cells[: len(risky)] == ["'" + v for v in risky]
    assert cells[len(risky) :] == ["روسيا", "a=b", "", ""]
    back = io.read_table(tmp_path, "doc_similarity")
    assert back["doc_a"].tolist()[: len(risky) + 3] == risky + safe[:3]
    assert back["cosine"].tolist() == [-0.5] * len(df)  # numbers are not text: untouched
