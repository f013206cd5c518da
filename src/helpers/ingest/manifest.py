"""The optional `manifest.csv` of an input folder: metadata per file, and its problems."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd

from helpers.ingest.decode import decode_bytes

MANIFEST_NAME = "manifest.csv"


MANIFEST_FIELDS = ["doc_id", "url", "title", "outlet", "author", "published"]


def parse_iso_date(value: str) -> str | None:
    """`value` as an ISO date (YYYY-MM-DD, or YYYY-MM / YYYY), or None when it is not one."""
    value = value.strip()
    for fmt_len, parts in ((10, 3), (7, 2), (4, 1)):
        if len(value) == fmt_len:
            try:
                nums = [int(x) for x in value.split("-")]
                if len(nums) != parts:
                    return None
                date(nums[0], *(nums[1:] + [1] * (3 - parts)))
                return value
            except ValueError:
                return None
    return None


def read_manifest(input_dir: Path) -> tuple[dict[str, dict[str, str]], list[dict[str, str]]]:
    """Manifest rows keyed by the file they name, and the problems found in it."""
    path = input_dir / MANIFEST_NAME
    if not path.exists():
        return {}, []
    issues: list[dict[str, str]] = []
    decoded = decode_bytes(path.read_bytes())
    if decoded.text is None:
        return {}, [issue_row(MANIFEST_NAME, "unreadable", f"manifest not read: {decoded.problem}")]
    try:
        table = pd.read_csv(io.StringIO(decoded.text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        return {}, [issue_row(MANIFEST_NAME, "unreadable", f"manifest is not valid CSV: {exc}")]
    table.columns = [c.strip() for c in table.columns]
    if "file" not in table.columns:
        return {}, [
            issue_row(MANIFEST_NAME, "no_file_column", "manifest has no 'file' column; it was ignored")
        ]
    unknown = [c for c in table.columns if c != "file" and c not in MANIFEST_FIELDS]
    if unknown:
        issues.append(
            issue_row(
                MANIFEST_NAME,
                "unknown_column",
                f"manifest columns ignored (not one of {MANIFEST_FIELDS}): {unknown}",
            )
        )
    rows: dict[str, dict[str, str]] = {}
    for rec in table.to_dict("records"):
        name = rec["file"].strip()
        values = {k: rec[k].strip() for k in MANIFEST_FIELDS if k in rec and rec[k].strip()}
        if "published" in values and parse_iso_date(values["published"]) is None:
            issues.append(
                issue_row(
                    name,
                    "bad_date",
                    f"manifest date {values.pop('published')!r} is not an ISO date (YYYY-MM-DD); ignored",
                )
            )
        rows[name] = values
    return rows, issues


def issue_row(source: str, problem: str, message: str) -> dict[str, str]:
    return {"source": source, "problem": problem, "message": message}
