"""The optional `manifest.csv` of an input folder: metadata per file, and its problems."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from helpers.ingest.decode import decode_bytes
from helpers.ingest.formats.timestamps import parse_published
from helpers.ingest.issues import issue_row

MANIFEST_NAME = "manifest.csv"


MANIFEST_FIELDS = ["doc_id", "url", "title", "outlet", "author", "published"]


def read_manifest(
    input_dir: Path, *, timezone=None
) -> tuple[dict[str, dict[str, str]], list[dict[str, str]]]:
    """Manifest rows keyed by the file they name, and the problems found in it. A `published`
    value may be any form `formats.timestamps.parse_published` reads (a time without a zone is in
    `timezone`, else UTC): it gives the article's local day (`published`) and, with a time,
    `published_at` (UTC)."""
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
        if "published" in values:
            raw = values.pop("published")
            parsed = parse_published(raw, default_tz=timezone)
            if parsed.published:
                values["published"] = parsed.published
                if parsed.published_at:
                    values["published_at"] = parsed.published_at
            else:
                issues.append(
                    issue_row(
                        name,
                        "bad_date",
                        f"manifest date {raw!r} not read as a date ({parsed.problem}); ignored",
                    )
                )
        rows[name] = values
    return rows, issues
