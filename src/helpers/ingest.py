"""Ingest: every input file becomes one row of `documents`, with a status; nothing is dropped.

Text files are decoded by their byte-order mark, as UTF-8, or by charset detection
(charset-normalizer); HTML pages go through trafilatura for the article text and metadata. An
optional `manifest.csv` in the input folder supplies or overrides metadata per file.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import charset_normalizer
import pandas as pd

from .io import TABLE_COLUMNS
from .text import arabic_ratio

MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = ["doc_id", "url", "title", "outlet", "author", "published"]
HTML_SUFFIXES = {".html", ".htm"}
#: Below this share of Arabic letters a readable text is `not_arabic`.
MIN_ARABIC_RATIO = 0.3
#: The language check reads this many characters from the start of a text.
LANGUAGE_SAMPLE_CHARS = 200_000
#: Magic numbers of formats that are certainly not text.
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
}


@dataclass
class Decoded:
    text: str | None
    encoding: str | None
    problem: str | None = None  # why the bytes could not be read as text


@dataclass
class IngestResult:
    documents: pd.DataFrame
    raw_text: pd.DataFrame
    issues: pd.DataFrame = field(default_factory=pd.DataFrame)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file: BOM first, then strict UTF-8, then charset detection."""
    for magic, what in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            return Decoded(None, None, f"binary file ({what}), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_as(data, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_as(data, "utf-16")
    if b"\x00" in data[:4096]:
        return Decoded(None, None, "binary data (NUL bytes and no UTF-16 byte-order mark)")
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return Decoded(None, None, "undecodable: not UTF-8 and no text encoding detected")
    return Decoded(normalise_newlines(str(best)), best.encoding)


def _decode_as(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(normalise_newlines(data.decode(encoding)), encoding)
    except UnicodeDecodeError as exc:
        return Decoded(None, None, f"undecodable as {encoding} despite its byte-order mark: {exc}")


def extract_html(html: str) -> tuple[str, dict[str, str | None]]:
    """Article text and metadata of an HTML page (trafilatura)."""
    import trafilatura  # imported here: it is slow to import and only HTML input needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return "", {}
    meta = {"title": doc.title, "author": doc.author, "published": doc.date,
            "outlet": doc.sitename, "url": doc.url}
    return doc.text or "", {k: v for k, v in meta.items() if v}


def list_input_files(input_dir: Path) -> list[Path]:
    """Every regular file under `input_dir` (hidden files and the manifest excepted), sorted."""
    files = [p for p in input_dir.rglob("*")
             if p.is_file() and not any(part.startswith(".") for part in p.relative_to(input_dir).parts)
             and p.relative_to(input_dir).as_posix() != MANIFEST_NAME]
    return sorted(files, key=lambda p: p.relative_to(input_dir).as_posix())


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
        return {}, [_issue(MANIFEST_NAME, "unreadable", f"manifest not read: {decoded.problem}")]
    import io as _io

    try:
        table = pd.read_csv(_io.StringIO(decoded.text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        return {}, [_issue(MANIFEST_NAME, "unreadable", f"manifest is not valid CSV: {exc}")]
    table.columns = [c.strip() for c in table.columns]
    if "file" not in table.columns:
        return {}, [_issue(MANIFEST_NAME, "no_file_column",
                           "manifest has no 'file' column; it was ignored")]
    unknown = [c for c in table.columns if c != "file" and c not in MANIFEST_FIELDS]
    if unknown:
        issues.append(_issue(MANIFEST_NAME, "unknown_column",
                             f"manifest columns ignored (not one of {MANIFEST_FIELDS}): {unknown}"))
    rows: dict[str, dict[str, str]] = {}
    for rec in table.to_dict("records"):
        name = rec["file"].strip()
        values = {k: rec[k].strip() for k in MANIFEST_FIELDS if k in rec and rec[k].strip()}
        if "published" in values and parse_iso_date(values["published"]) is None:
            issues.append(_issue(name, "bad_date",
                                 f"manifest date {values.pop('published')!r} is not an ISO date "
                                 "(YYYY-MM-DD); ignored"))
        rows[name] = values
    return rows, issues


def _issue(source: str, problem: str, message: str) -> dict[str, str]:
    return {"source": source, "problem": problem, "message": message}


def ingest_folder(input_dir: str | Path, *, min_arabic_ratio: float = MIN_ARABIC_RATIO) -> IngestResult:
    """Read every file of `input_dir` into the `documents` and `raw_text` tables."""
    input_dir = Path(input_dir)
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist")
    manifest, issues = read_manifest(input_dir)
    files = list_input_files(input_dir)
    names = {p.relative_to(input_dir).as_posix() for p in files}
    for name in sorted(set(manifest) - names):
        issues.append(_issue(name, "missing_file",
                             "the manifest names this file but it is not in the input folder"))
    rows, texts = [], []
    seen_content: dict[str, str] = {}
    used_ids: set[str] = set()
    for path in files:
        rel = path.relative_to(input_dir).as_posix()
        meta = manifest.get(rel, {})
        row, text = _ingest_file(path, rel, meta, min_arabic_ratio)
        row["doc_id"] = _unique_id(meta.get("doc_id") or _default_id(rel), used_ids)
        if row["status"] == "ok":
            key = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
            if key in seen_content:
                row["status"], row["message"] = "duplicate", f"same content as {seen_content[key]}"
            else:
                seen_content[key] = rel
                texts.append({"doc_id": row["doc_id"], "format": row["format"], "text": text})
        rows.append(row)
    documents = pd.DataFrame(rows, columns=TABLE_COLUMNS["documents"])
    raw = pd.DataFrame(texts, columns=TABLE_COLUMNS["raw_text"])
    return IngestResult(documents, raw, pd.DataFrame(issues, columns=TABLE_COLUMNS["ingest_issues"]))


def _default_id(rel: str) -> str:
    """The file name without its extension (sub-folders kept, joined by '__')."""
    stem = rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel
    return stem.replace("/", "__")


def _unique_id(doc_id: str, used: set[str]) -> str:
    candidate, n = doc_id, 2
    while candidate in used:
        candidate, n = f"{doc_id}__{n}", n + 1
    used.add(candidate)
    return candidate


def _ingest_file(path: Path, rel: str, meta: dict[str, str], min_arabic_ratio: float
                 ) -> tuple[dict, str]:
    fmt = "html" if path.suffix.lower() in HTML_SUFFIXES else "txt"
    row: dict = {c: None for c in TABLE_COLUMNS["documents"]}
    row.update(source_path=rel, format=fmt, status="ok", message="")
    try:
        data = path.read_bytes()
    except OSError as exc:
        row.update(status="unreadable", message=f"could not read the file: {exc.strerror or exc}")
        return row, ""
    row.update(sha256=hashlib.sha256(data).hexdigest(), n_chars=0)
    decoded = decode_bytes(data)
    if decoded.text is None:
        row.update(status="unreadable", message=decoded.problem)
        return row, ""
    text = decoded.text
    row["encoding"] = decoded.encoding
    if fmt == "html" and text.strip():
        text, page_meta = extract_html(text)
        for key, value in page_meta.items():
            row[key] = value
        if page_meta.get("published"):
            row["published_source"] = "page"
    for key, value in meta.items():
        if key != "doc_id":
            row[key] = value
    if meta.get("published"):
        row["published_source"] = "manifest"
    row["n_chars"] = len(text)
    if not text.strip():
        row.update(status="empty", message="no text" + (" in the HTML page" if fmt == "html" else ""))
    elif (ratio := arabic_ratio(text[:LANGUAGE_SAMPLE_CHARS])) < min_arabic_ratio:
        row.update(status="not_arabic", message=f"only {ratio:.0%} of its letters are Arabic")
    return row, text
