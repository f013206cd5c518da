"""Ingest: every input file, and every record of an archive or record file, becomes one row of
`documents`, with a status; nothing is dropped.

Text files are decoded by their byte-order mark, as UTF-8, as UTF-16 without a mark, or by charset
detection (charset-normalizer); HTML pages (by suffix or by content) go through trafilatura for the
article text and metadata. Archives (zip, tar, gzip), record files (JSON, JSON Lines, CSV, TSV,
Parquet) and TREC / Gigaword SGML are read record by record (`formats`), streamed. An optional
`manifest.csv` in the input folder supplies or overrides metadata per file (or per record, by its
`source_path`).

The work is split for the engines (`engine.map_partitions`): `list_files` (the folder and its
manifest), then `make_ids_unique` and `mark_duplicates` are corpus-level; `read_files` reads,
decodes and checks a batch of files independently of the others. `ingest_folder` chains them. The
folder's entries and ids are in `files`, decoding in `decode`, HTML pages in `html`, the manifest
in `manifest`, the other forms in `formats`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.catalog import columns
from helpers.core import engine as engines
from helpers.core.text import arabic_ratio
from helpers.ingest.decode import decode_bytes, truncate
from helpers.ingest.files import clean_id, default_id, display_name, list_input_files, unique_id
from helpers.ingest.formats import Limits, Record, iter_records
from helpers.ingest.html import HTML_START, HTML_SUFFIXES, extract_html
from helpers.ingest.issues import issue_row
from helpers.ingest.manifest import MANIFEST_FIELDS, read_manifest

#: The columns of the `list_files` table: where a file is, its names, and its manifest metadata.
FILE_COLUMNS = ["path", "source_path", "doc_id", "skip", *MANIFEST_FIELDS[1:], "published_at"]
#: Below this share of Arabic letters a readable text is `not_arabic`.
MIN_ARABIC_RATIO = 0.3
#: The language check reads this many characters from the start of a text.
LANGUAGE_SAMPLE_CHARS = 200_000
#: A text (a file's, or an HTML page's article text) longer than this is cut at the last line
#: break before it and its message says so: far longer than any article, and later stages'
#: time grows faster than linearly on a single huge document.
MAX_TEXT_CHARS = 500_000
#: At most this many bytes of a file are read (enough for MAX_TEXT_CHARS in any encoding, and
#: for a large HTML page).
MAX_READ_BYTES = 16_000_000
#: What one archive or record file may make the readers do (see `formats.Limits`).
LIMITS = Limits(max_read_bytes=MAX_READ_BYTES, max_text_chars=MAX_TEXT_CHARS)
#: The metadata a manifest row may give a document.
META_FIELDS = [*MANIFEST_FIELDS[1:], "published_at"]


@dataclass
class IngestResult:
    documents: pd.DataFrame
    raw_text: pd.DataFrame
    issues: pd.DataFrame


def list_files(input_dir: str | Path, *, timezone: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The input entries, one row each in name order (`FILE_COLUMNS`: absolute path, name shown,
    unique doc_id, why it is skipped or None, the manifest's metadata), and the problems found in
    the manifest and the ids (`ingest_issues`)."""
    input_dir = Path(input_dir)
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist")
    manifest, issues = read_manifest(input_dir, timezone=timezone)
    rows = []
    used_ids: set[str] = set()
    for entry in list_input_files(input_dir):
        rel = display_name(entry.rel)
        meta = manifest.get(rel, {})
        wanted = clean_id(meta.get("doc_id") or default_id(rel))
        doc_id = unique_id(wanted, used_ids)
        if doc_id != wanted:
            issues.append(
                issue_row(
                    rel,
                    "duplicate_id",
                    f"doc_id {wanted!r} is taken by an earlier file; this file's doc_id is {doc_id!r}",
                )
            )
        rows.append(
            {
                "path": str(entry.path),
                "source_path": rel,
                "doc_id": doc_id,
                "skip": entry.skip,
                **{k: meta.get(k) for k in META_FIELDS},
            }
        )
    names = {row["source_path"] for row in rows}
    for name in sorted(n for n in set(manifest) - names if not _inside_container(n, names)):
        issues.append(
            issue_row(name, "missing_file", "the manifest names this file but it is not in the input folder")
        )
    return (
        pd.DataFrame(rows, columns=FILE_COLUMNS, dtype=object),
        pd.DataFrame(issues, columns=columns("ingest_issues")),
    )


def read_files(
    files: pd.DataFrame,
    *,
    min_arabic_ratio: float = MIN_ARABIC_RATIO,
    fields: dict | None = None,
    timezone: str | None = None,
    manifest: dict[str, dict[str, str]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read a batch of `list_files` rows: their `documents` rows (each with a status and a
    message; an archive or record file gives one row per record), the `raw_text` rows of those
    whose status is ok, and the `ingest_issues` rows of records and fields that could not be used.
    `fields` names the record fields to read (see `formats.fields.DEFAULT_FIELDS`); `timezone`
    is the zone of times written without one; `manifest` gives metadata by record source path."""
    rows, texts, issues = [], [], []
    for rec in files.to_dict("records"):
        meta = {k: rec[k] for k in META_FIELDS if isinstance(rec.get(k), str)}
        if isinstance(rec.get("skip"), str):
            found = [(_skipped_row(rec["source_path"], rec["skip"]), "")]
        else:
            path = Path(rec["path"])
            records = iter_records(
                path,
                rec["source_path"],
                fields=fields,
                limits=LIMITS,
                decode=decode_bytes,
                default_tz=timezone or None,
            )
            if records is None:
                row, text = _ingest_file(path, rec["source_path"], meta, min_arabic_ratio)
                found = [({**row, "doc_id": rec["doc_id"]}, text)]
            else:
                found = []
                for record in records:
                    issues += record.issues
                    found.append(
                        _record_document(
                            record, (manifest or {}).get(record.source_path, {}), min_arabic_ratio
                        )
                    )
        for row, text in found:
            if row["status"] == "ok":
                texts.append({"doc_id": row["doc_id"], "format": row["format"], "text": text})
            rows.append(row)
    return (
        pd.DataFrame(rows, columns=columns("documents")),
        pd.DataFrame(texts, columns=columns("raw_text")),
        pd.DataFrame(issues, columns=columns("ingest_issues")),
    )


def make_ids_unique(
    documents: pd.DataFrame, raw_text: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, list]:
    """Documents whose id an earlier row already has (two archives with the same record ids, a
    record named like a file) get `<id>__2`, `<id>__3`, ... in table order, with an issue row
    each; `raw_text` follows (its rows are in the same order as the ok documents)."""
    used: set[str] = set()
    renamed, issues = [], []
    seen_ok: Counter = Counter()
    raw_renames: dict[tuple[str, int], str] = {}
    for doc_id, status, where in zip(
        documents["doc_id"], documents["status"], documents["source_path"], strict=True
    ):
        new = unique_id(doc_id, used)
        if new != doc_id:
            issues.append(
                issue_row(
                    where,
                    "duplicate_id",
                    f"doc_id {doc_id!r} is taken by an earlier document; this one's doc_id is {new!r}",
                )
            )
        if status == "ok":
            raw_renames[(doc_id, seen_ok[doc_id])] = new
            seen_ok[doc_id] += 1
        renamed.append(new)
    if not issues:
        return documents, raw_text, []
    documents = documents.assign(doc_id=renamed)
    seen: Counter = Counter()
    raw_ids = []
    for doc_id in raw_text["doc_id"]:
        raw_ids.append(raw_renames.get((doc_id, seen[doc_id]), doc_id))
        seen[doc_id] += 1
    return documents, raw_text.assign(doc_id=raw_ids), issues


def mark_duplicates(documents: pd.DataFrame, raw_text: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Of ok documents with the same text (spacing aside) the first in table order stays ok; the
    others become `duplicate`, naming it (`duplicate_of`: its doc_id), and leave `raw_text`."""
    keys = {
        doc_id: hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
        for doc_id, text in zip(raw_text["doc_id"], raw_text["text"], strict=True)
    }
    documents = documents.copy()
    first: dict[str, tuple[str, str]] = {}
    dropped = set()
    for i, doc_id, rel, status in zip(
        documents.index, documents["doc_id"], documents["source_path"], documents["status"], strict=True
    ):
        if status != "ok" or doc_id not in keys:
            continue
        if keys[doc_id] in first:
            original_path, original_id = first[keys[doc_id]]
            documents.loc[i, ["status", "message", "duplicate_of"]] = [
                "duplicate",
                f"same content as {original_path}",
                original_id,
            ]
            dropped.add(doc_id)
        else:
            first[keys[doc_id]] = (rel, doc_id)
    return documents, raw_text[~raw_text["doc_id"].isin(dropped)].reset_index(drop=True)


def ingest_folder(
    input_dir: str | Path,
    *,
    min_arabic_ratio: float = MIN_ARABIC_RATIO,
    fields: dict | None = None,
    timezone: str | None = None,
    engine: str | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
) -> IngestResult:
    """Read every file of `input_dir` (at any depth; archives and record files record by record)
    into the `documents`, `raw_text` and `ingest_issues` tables (files read by `engine`, by
    default the run's: see `engine.map_partitions`). `fields`: record field names overriding
    the common ones ({"text": "article_body"}); `timezone`: the IANA zone of times written
    without one (default UTC)."""
    if fields:
        iter_records(Path(), "", fields=fields)  # a bad field name fails here, once, not per batch
    files, issues = list_files(input_dir, timezone=timezone)
    manifest, _ = read_manifest(Path(input_dir), timezone=timezone)
    documents, raw, read_issues = engines.map_partitions(
        read_files,
        files,
        engine=engine,
        scheduler=scheduler,
        workers=workers,
        min_arabic_ratio=min_arabic_ratio,
        fields=fields,
        timezone=timezone,
        manifest=manifest,
    )
    documents, raw, id_issues = make_ids_unique(documents, raw)
    documents, raw = mark_duplicates(documents, raw)
    issues = pd.concat(
        [issues, read_issues, pd.DataFrame(id_issues, columns=columns("ingest_issues"))], ignore_index=True
    )
    return IngestResult(documents, raw, issues)


def _skipped_row(rel: str, reason: str) -> dict:
    row: dict = {c: None for c in columns("documents")}
    row.update(source_path=rel, status="skipped", message=reason, n_chars=0)
    return row


def _read_start(path: Path) -> tuple[bytes, int, str]:
    """The first MAX_READ_BYTES of a file, its size, and the SHA-256 of all of it."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        data = f.read(MAX_READ_BYTES)
        digest.update(data)
        size = len(data)
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return data, size, digest.hexdigest()


def _record_document(record: Record, meta: dict[str, str], min_arabic_ratio: float) -> tuple[dict, str]:
    """The `documents` row and text of one record of an archive or record file: its fields, then
    the manifest's for its source path; an HTML member reduced to its article; the language
    checked."""
    row: dict = {c: None for c in columns("documents")}
    row.update(record.documents_row(), published_at=record.published_at, doc_id=clean_id(record.doc_id_hint))
    text = record.text or ""
    if record.status != "ok":
        return row, ""
    notes = [record.message]
    if record.fmt == "html":
        text, page_meta, html_note = extract_html(text)
        for key, value in page_meta.items():
            row[key] = row[key] or value
        notes += [html_note] if html_note else []
    _apply_manifest(row, meta)
    return _checked(row, text, notes, min_arabic_ratio, empty="no text in the record")


def _apply_manifest(row: dict, meta: dict[str, str]) -> None:
    for key, value in meta.items():
        row[key] = value
    if meta.get("published"):
        row["published_source"] = "manifest"
        row["published_at"] = meta.get("published_at")


def _checked(
    row: dict, text: str, notes: list[str], min_arabic_ratio: float, *, empty: str
) -> tuple[dict, str]:
    """`row` with its status and message once its text is read: empty, not Arabic, or ok."""
    row["n_chars"] = len(text)
    if not text.strip():
        row.update(status="empty", message=empty)
    elif (ratio := arabic_ratio(text[:LANGUAGE_SAMPLE_CHARS])) < min_arabic_ratio:
        row.update(status="not_arabic", message=f"only {ratio:.0%} of its letters are Arabic")
    else:
        row["message"] = "; ".join(n for n in notes if n)
    return row, text


def _inside_container(name: str, files: set[str]) -> bool:
    """A manifest name that is a record or member of an input file (`day.zip/day.json#3`)."""
    return any(name.startswith(f"{f}/") or name.startswith(f"{f}#") for f in files)


def _ingest_file(path: Path, rel: str, meta: dict[str, str], min_arabic_ratio: float) -> tuple[dict, str]:
    fmt = "html" if path.suffix.lower() in HTML_SUFFIXES else "txt"
    row: dict = {c: None for c in columns("documents")}
    row.update(source_path=rel, format=fmt, status="ok", message="")
    try:
        data, size, sha256 = _read_start(path)
    except OSError as exc:
        row.update(status="unreadable", message=f"could not read the file: {exc.strerror or exc}")
        return row, ""
    row.update(sha256=sha256, n_chars=0)
    decoded = decode_bytes(data, complete=size == len(data))
    if decoded.text is None:
        row.update(status="unreadable", message=decoded.problem)
        return row, ""
    text = decoded.text
    row["encoding"] = decoded.encoding
    if fmt == "txt" and HTML_START.match(text[:1000]):
        fmt = row["format"] = "html"
    html_note = None
    if fmt == "html" and text.strip():
        text, page_meta, html_note = extract_html(text)
        for key, value in page_meta.items():
            row[key] = value
        if page_meta.get("published"):
            row["published_source"] = "page"
    _apply_manifest(row, meta)
    kept, _ = truncate(text, MAX_TEXT_CHARS)
    what = "article text of an HTML page" if fmt == "html" else "text"
    notes = [f"read {len(kept):,} characters of {what} ({decoded.encoding})"]
    if len(kept) < len(text) or size > len(data):
        notes.append(
            f"truncated: the file has {size:,} bytes; at most its first {MAX_READ_BYTES:,} bytes "
            f"are read and {MAX_TEXT_CHARS:,} characters of text kept"
        )
    if "\ufffd" in rel:
        notes.append("its name is not valid UTF-8 (shown with \ufffd)")
    if html_note:
        notes.append(html_note)
    empty = (
        "the file is empty"
        if not size
        else "no text in the HTML page"
        if fmt == "html"
        else ("no text, only white space")
    )
    return _checked(row, kept, notes, min_arabic_ratio, empty=empty)
