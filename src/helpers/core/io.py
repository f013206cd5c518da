"""Reading and writing the pipeline's tables, checked against the catalogue, written atomically.

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

from helpers import catalog


class ContractError(ValueError):
    """A table does not match the catalogue: the message names the table and its stage."""


#: Which pandas inferred types each catalogue kind accepts (an all-missing column fits any kind).
_ACCEPTED = {
    catalog.TEXT: {"string", "empty"},
    catalog.INT: {"integer", "empty"},
    catalog.FLOAT: {"floating", "integer", "mixed-integer-float", "decimal", "empty"},
    catalog.BOOL: {"boolean", "empty"},
}


def data_dir(output_dir: str | Path) -> Path:
    return Path(output_dir) / "data"


def conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """`df` with exactly the catalogue's columns of table `name`, in its order; a missing,
    unlisted or mistyped column is a ContractError."""
    spec = catalog.table(name)
    where = f"table {name!r} (written by {', '.join(spec.writers())})"
    missing = [c for c in spec.column_names if c not in df.columns]
    if missing:
        raise ContractError(f"{where} lacks columns {missing}")
    extra = [c for c in df.columns if c not in spec.column_names]
    if extra:
        raise ContractError(
            f"{where} has columns the catalogue does not list: {extra} (declare them in helpers/catalog.py)"
        )
    for column in spec.columns:
        found = pd.api.types.infer_dtype(df[column.name], skipna=True)
        if found not in _ACCEPTED[column.kind]:
            raise ContractError(
                f"{where}: column {column.name!r} should hold {column.kind} values, not {found}"
            )
    return df[spec.column_names].reset_index(drop=True)


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
    """Write `df` as OUT/data/<name>.parquet and .csv (UTF-8 with BOM), atomically, after checking
    it against the catalogue (`conform`)."""
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
    """Read a table a previous stage wrote, checked against the catalogue; a clear error when
    that stage has not run, or wrote another version of the table."""
    path = data_dir(output_dir) / f"{name}.parquet"
    stage = catalog.table(name).writer
    if not path.exists():
        raise FileNotFoundError(
            f"table {name!r} not found at {path}: run stage {stage} first "
            f"(python -m helpers.run --output-dir {output_dir} --from {stage})"
        )
    df = pd.read_parquet(path)
    try:
        return conform(df, name)
    except ContractError as exc:
        raise ContractError(
            f"{exc}; {path} was written by another version of the pipeline: run stage {stage} again"
        ) from None


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
