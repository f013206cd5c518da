"""Reading and writing the pipeline's tables: the output contract, written atomically.

Every table is written twice under `OUT/data/`: `<name>.parquet` (what the next stage reads) and
`<name>.csv` in UTF-8 with a byte-order mark, so a spreadsheet opens the Arabic correctly. Both are
written by pyarrow from one Arrow table (its CSV writer is about ten times faster than pandas'
and quotes every text cell, so an empty text and a missing value stay apart). In the CSV, a text
cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) is written with a leading apostrophe, as OWASP's CSV-injection guidance advises; the
parquet file keeps the exact text.
List-valued columns are stored as '|'-joined strings so that both formats hold them.
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

#: The columns each table must have, in this order (more may follow). `documents` keeps the full
#: contract from the ingest stage on; later stages fill the columns they own.
TABLE_COLUMNS: dict[str, list[str]] = {
    "documents": [
        "doc_id", "source_path", "format", "sha256", "encoding", "n_chars", "status", "message",
        "url", "title", "outlet", "author", "published", "published_source", "attribution",
        "date_anchor", "date_anchor_source", "body", "n_sentences", "n_tokens",
    ],
    "raw_text": ["doc_id", "format", "text"],
    "ingest_issues": ["source", "problem", "message"],
    "sentences": ["doc_id", "sentence_id", "start", "end", "text"],
    "entities": [
        "doc_id", "entity_id", "type", "surface", "canonical", "name_en", "start", "end",
        "sentence_id", "source",
    ],
    "entity_catalogue": [
        "entity_id", "type", "canonical", "name_en", "wikidata", "variants", "n_docs", "n_mentions",
    ],
    "entity_candidates": ["surface", "type", "rule", "n_mentions", "n_docs", "doc_ids", "example"],
    "timeline": [
        "doc_id", "text", "type", "value", "mod", "start", "end", "sentence_id", "anchor",
        "anchor_source",
    ],
    "events": ["doc_id", "sentence_id", "value", "date_start", "date_end", "text", "entity_ids"],
    "event_clusters": ["cluster_id", "value", "date_start", "date_end", "n_docs", "doc_ids"],
    "entity_salience": ["doc_id", "entity_id", "mentions", "weight"],
    "cooccurrence": ["entity_a", "entity_b", "n_sentences", "doc_ids"],
    "shared_events": ["cluster_id", "value", "doc_id", "sentence", "entity_ids", "differences"],
    "doc_similarity": ["doc_a", "doc_b", "cosine"],
    "distinctive_terms": ["doc_id", "term", "z"],
}


def data_dir(output_dir: str | Path) -> Path:
    return Path(output_dir) / "data"


def empty_table(name: str) -> pd.DataFrame:
    """A table of the contract's shape with no rows."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in TABLE_COLUMNS[name]})


def conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """`df` with the contract's columns first; a missing contract column is an error."""
    wanted = TABLE_COLUMNS.get(name, [])
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        raise ValueError(f"table {name!r} lacks contract columns {missing}")
    return df[wanted + [c for c in df.columns if c not in wanted]].reset_index(drop=True)


def atomic_write(path: Path, write) -> None:
    """Call `write(tmp_path)` then move the file into place: readers never see a partial file.
    The file gets the permissions the user's umask gives a new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write `text` (UTF-8) atomically."""
    path = Path(path)
    atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return path


def write_table(df: pd.DataFrame, output_dir: str | Path, name: str) -> Path:
    """Write `df` as OUT/data/<name>.parquet and .csv (UTF-8 with BOM), atomically."""
    table = pa.Table.from_pandas(conform(df, name), preserve_index=False)
    folder = data_dir(output_dir)
    atomic_write(folder / f"{name}.parquet", lambda tmp: pq.write_table(table, tmp))
    atomic_write(folder / f"{name}.csv", lambda tmp: _write_csv(table, tmp))
    return folder / f"{name}.parquet"


#: A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_START = r"^[=+\-@\t\r]"


def neutralise_formulas(table: pa.Table) -> pa.Table:
    """`table` with every text cell that starts like a formula prefixed with an apostrophe."""
    columns = []
    for column in table.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            risky = pc.fill_null(pc.match_substring_regex(column, FORMULA_START), False)
            quote, empty = pa.scalar("'", column.type), pa.scalar("", column.type)
            column = pc.if_else(risky, pc.binary_join_element_wise(quote, column, empty), column)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=table.schema)


def _write_csv(table: pa.Table, path: str) -> None:
    with open(path, "wb") as out:
        out.write("\ufeff".encode())
        pa_csv.write_csv(neutralise_formulas(table), out)


def read_table(output_dir: str | Path, name: str) -> pd.DataFrame:
    """Read a table a previous stage wrote; a clear error when that stage has not run."""
    path = data_dir(output_dir) / f"{name}.parquet"
    if not path.exists():
        raise FileNotFoundError(
            f"table {name!r} not found at {path}: run the stage that writes it first "
            f"(python -m helpers.run --output-dir {output_dir})")
    return pd.read_parquet(path)


def has_text(value) -> bool:
    """A table cell that holds text (not None, NaN/NA or blank)."""
    return isinstance(value, str) and value.strip() != ""


def join_ids(values: Iterable) -> str:
    """A list-valued cell: sorted, unique, '|'-joined."""
    return "|".join(sorted({str(v) for v in values if v is not None and str(v) != ""}))


def split_ids(cell) -> list[str]:
    """The inverse of `join_ids`."""
    if cell is None or (isinstance(cell, float) and cell != cell) or cell == "":
        return []
    return str(cell).split("|")
