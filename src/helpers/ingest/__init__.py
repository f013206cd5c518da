"""Ingest: every input file becomes one row of `documents`, with a status; nothing is dropped.

Text files are decoded by their byte-order mark, as UTF-8, as UTF-16 without a mark, or by charset
detection (charset-normalizer); HTML pages (by suffix or by content) go through trafilatura for the
article text and metadata. An optional `manifest.csv` in the input folder supplies or overrides
metadata per file.

The work is split for the engines (`engine.map_partitions`): `list_files` (the folder and its
manifest) and `mark_duplicates` are corpus-level; `read_files` reads, decodes and checks a batch
of files independently of the others. `ingest_folder` chains the three.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import charset_normalizer
import pandas as pd

from helpers.catalog import columns
from helpers.core import engine as engines
from helpers.core.text import arabic_ratio

MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = ["doc_id", "url", "title", "outlet", "author", "published"]
#: The columns of the `list_files` table: where a file is, its names, and its manifest metadata.
FILE_COLUMNS = ["path", "source_path", "doc_id", "skip", *MANIFEST_FIELDS[1:]]
HTML_SUFFIXES = {".html", ".htm"}
#: A text starting like this (after spaces) is an HTML page whatever its file name.
HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
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
#: Above this share of control characters (or U+FFFD) in its decoded start, a file is binary.
MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
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


def decode_bytes(data: bytes, complete: bool = True) -> Decoded:
    """Decode a text file: BOM first, then strict UTF-8, then UTF-16 without a BOM, then charset
    detection. `complete=False` when `data` is only the start of the file (it may end inside a
    character)."""
    for magic, what in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            return Decoded(None, None, f"binary file ({what}), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        decoded = _decode_as(data, "utf-8-sig", complete)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        decoded = _decode_as(data, "utf-16", complete)
    elif b"\x00" in data[:4096]:
        decoded = _utf16_without_bom(data, complete) or Decoded(
            None, None, "binary data (NUL bytes, and not UTF-16 text)")
    else:
        decoded = _decode_as(data, "utf-8", complete)
        if decoded.text is None:
            best = charset_normalizer.from_bytes(data).best()
            if best is None:
                return Decoded(None, None, "undecodable: not UTF-8 and no text encoding detected")
            decoded = Decoded(normalise_newlines(str(best)), best.encoding)
    if decoded.text is not None:
        sample = decoded.text[:4096]
        if sample and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
            return Decoded(None, None, f"binary data: it decodes as {decoded.encoding} only to "
                                       "control characters")
    return decoded


def _decode_as(data: bytes, encoding: str, complete: bool = True) -> Decoded:
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(data, final=complete)
    except UnicodeDecodeError as exc:
        bom = " despite its byte-order mark" if encoding != "utf-8" else ""
        return Decoded(None, None, f"undecodable as {encoding}{bom}: {exc}")
    return Decoded(normalise_newlines(text), encoding)


def _utf16_without_bom(data: bytes, complete: bool) -> Decoded | None:
    """UTF-16 text without a byte-order mark: its NUL bytes (the high bytes of ASCII spaces,
    digits and line breaks) all fall on odd offsets (little-endian) or all on even ones."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if min(even, odd) > 0.02 * max(even, odd):
        return None
    decoded = _decode_as(data, "utf-16-le" if odd > even else "utf-16-be", complete)
    return decoded if decoded.text is not None else None


#: Below this share of the page's text (its tags stripped) in the parsed tree, the parser lost
#: text (lxml reads about 2,000 levels of nesting with `huge_tree`; deeper ones are dropped).
MIN_PARSED_SHARE = 0.5
_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def extract_html(html: str) -> tuple[str, dict[str, str | None], str | None]:
    """Article text and metadata of an HTML page (trafilatura, on a tree parsed by lxml without its
    default depth limit), and a note when the page could not be parsed whole: then its text is
    read with the tags stripped and no metadata."""
    import lxml.html
    import trafilatura  # imported here: it is slow to import and only HTML input needs it

    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, collect_ids=False)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    stripped = " ".join(_TAG.sub(" ", _SCRIPT.sub(" ", html)).split())
    parsed = " ".join(tree.text_content().split()) if tree is not None else ""
    if len(parsed) < MIN_PARSED_SHARE * len(stripped):
        import html as html_entities

        lines = (html_entities.unescape(" ".join(_TAG.sub(" ", chunk).split()))
                 for chunk in re.split(r"<(?:p|br|div|h\d|li|tr)\b", _SCRIPT.sub(" ", html), flags=re.I))
        return ("\n".join(line for line in lines if line), {},
                "the page is nested too deeply for the HTML parser: its text was read with the "
                "tags stripped, without page metadata")
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False)
    if doc is None:
        return "", {}, None
    meta = {"title": doc.title, "author": doc.author, "published": doc.date,
            "outlet": doc.sitename, "url": doc.url}
    return doc.text or "", {k: v for k, v in meta.items() if v}, None


@dataclass
class InputEntry:
    """An entry of the input folder: its path, its name relative to the folder, and why it is not
    read (None when it is read)."""

    path: Path
    rel: str
    skip: str | None = None


def list_input_files(input_dir: Path) -> list[InputEntry]:
    """Every entry under `input_dir` (the manifest excepted), sorted by name, links not followed
    out of it: regular files are read; a link is read when it resolves to a regular file inside
    the folder; hidden names (starting with '.'), links elsewhere, broken links, link loops, links
    to folders, sockets, FIFOs and devices are listed with the reason they are skipped."""
    root = input_dir.resolve()
    entries: list[InputEntry] = []

    def walk(folder: Path) -> None:
        with os.scandir(folder) as listing:
            for item in listing:
                path = Path(item.path)
                rel = path.relative_to(input_dir).as_posix()
                if rel == MANIFEST_NAME:
                    continue
                if item.name.startswith("."):
                    kind = "folder" if item.is_dir(follow_symlinks=False) else "file"
                    why = f"hidden {kind} (its name starts with '.'): not read"
                    entries.append(InputEntry(path, rel, why))
                elif item.is_symlink():
                    entries.append(InputEntry(path, rel, _link_problem(path, root)))
                elif item.is_dir(follow_symlinks=False):
                    walk(path)
                elif item.is_file(follow_symlinks=False):
                    entries.append(InputEntry(path, rel))
                else:
                    entries.append(InputEntry(path, rel, f"{_special_kind(path)}, not a file: not read"))

    walk(input_dir)
    return sorted(entries, key=lambda e: _display_name(e.rel))


def _link_problem(link: Path, root: Path) -> str | None:
    """Why a symbolic link is not read (None: it names a regular file inside the input folder)."""
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        return "broken link (its target does not exist): not read"
    except (RuntimeError, OSError) as exc:  # a loop of links
        return f"link that cannot be resolved ({getattr(exc, 'strerror', None) or exc}): not read"
    if root not in target.parents:
        return "link to a path outside the input folder: not read"
    if target.is_dir():
        return "link to a folder (links to folders are not followed): not read"
    if not target.is_file():
        return f"link to a {_special_kind(target)}: not read"
    return None


def _special_kind(path: Path) -> str:
    mode = path.lstat().st_mode
    for test, name in ((stat.S_ISSOCK, "socket"), (stat.S_ISFIFO, "FIFO (named pipe)"),
                       (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device")):
        if test(mode):
            return name
    return "special file"


def _display_name(rel: str) -> str:
    """A relative path as valid text: bytes of a name that are not UTF-8 become U+FFFD."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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
    try:
        table = pd.read_csv(io.StringIO(decoded.text), dtype=str, keep_default_na=False)
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


def list_files(input_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The input entries, one row each in name order (`FILE_COLUMNS`: absolute path, name shown,
    unique doc_id, why it is skipped or None, the manifest's metadata), and the problems found in
    the manifest and the ids (`ingest_issues`)."""
    input_dir = Path(input_dir)
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist")
    manifest, issues = read_manifest(input_dir)
    rows = []
    used_ids: set[str] = set()
    for entry in list_input_files(input_dir):
        rel = _display_name(entry.rel)
        meta = manifest.get(rel, {})
        wanted = clean_id(meta.get("doc_id") or _default_id(rel))
        doc_id = _unique_id(wanted, used_ids)
        if doc_id != wanted:
            issues.append(_issue(rel, "duplicate_id", f"doc_id {wanted!r} is taken by an earlier file; "
                                                      f"this file's doc_id is {doc_id!r}"))
        rows.append({"path": str(entry.path), "source_path": rel, "doc_id": doc_id, "skip": entry.skip,
                     **{k: meta.get(k) for k in MANIFEST_FIELDS[1:]}})
    names = {row["source_path"] for row in rows}
    for name in sorted(set(manifest) - names):
        issues.append(_issue(name, "missing_file",
                             "the manifest names this file but it is not in the input folder"))
    return (pd.DataFrame(rows, columns=FILE_COLUMNS, dtype=object),
            pd.DataFrame(issues, columns=columns("ingest_issues")))


def read_files(files: pd.DataFrame, *, min_arabic_ratio: float = MIN_ARABIC_RATIO
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a batch of `list_files` rows: their `documents` rows (each with a status and a
    message) and the `raw_text` rows of those whose status is ok."""
    rows, texts = [], []
    for rec in files.to_dict("records"):
        meta = {k: rec[k] for k in MANIFEST_FIELDS[1:] if isinstance(rec.get(k), str)}
        if isinstance(rec.get("skip"), str):
            row, text = _skipped_row(rec["source_path"], rec["skip"]), ""
        else:
            row, text = _ingest_file(Path(rec["path"]), rec["source_path"], meta, min_arabic_ratio)
        row["doc_id"] = rec["doc_id"]
        if row["status"] == "ok":
            texts.append({"doc_id": row["doc_id"], "format": row["format"], "text": text})
        rows.append(row)
    return (pd.DataFrame(rows, columns=columns("documents")),
            pd.DataFrame(texts, columns=columns("raw_text")))


def mark_duplicates(documents: pd.DataFrame, raw_text: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Of ok documents with the same text (spacing aside) the first in table order stays ok; the
    others become `duplicate`, naming it, and leave `raw_text`."""
    keys = {doc_id: hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
            for doc_id, text in zip(raw_text["doc_id"], raw_text["text"], strict=True)}
    documents = documents.copy()
    first: dict[str, str] = {}
    dropped = set()
    for i, doc_id, rel, status in zip(documents.index, documents["doc_id"], documents["source_path"],
                                      documents["status"], strict=True):
        if status != "ok" or doc_id not in keys:
            continue
        if keys[doc_id] in first:
            documents.loc[i, ["status", "message"]] = ["duplicate", f"same content as {first[keys[doc_id]]}"]
            dropped.add(doc_id)
        else:
            first[keys[doc_id]] = rel
    return documents, raw_text[~raw_text["doc_id"].isin(dropped)].reset_index(drop=True)


def ingest_folder(input_dir: str | Path, *, min_arabic_ratio: float = MIN_ARABIC_RATIO,
                  engine: str | None = None, scheduler: str | None = None, workers: int | None = None
                  ) -> IngestResult:
    """Read every file of `input_dir` into the `documents`, `raw_text` and `ingest_issues` tables
    (files read by `engine`, by default the run's: see `engine.map_partitions`)."""
    files, issues = list_files(input_dir)
    documents, raw = engines.map_partitions(read_files, files, engine=engine, scheduler=scheduler,
                                            workers=workers, min_arabic_ratio=min_arabic_ratio)
    documents, raw = mark_duplicates(documents, raw)
    return IngestResult(documents, raw, issues)


#: Characters removed from ids: controls and invisible format characters (bidi overrides and
#: isolates, zero-width joiners, byte-order marks), which would scramble or hide an id.
_INVISIBLE = frozenset(("Cc", "Cf", "Co", "Cs", "Zl", "Zp"))


def clean_id(doc_id: str) -> str:
    """`doc_id` without control and invisible format characters (never empty)."""
    cleaned = "".join(c for c in doc_id if unicodedata.category(c) not in _INVISIBLE).strip()
    return cleaned or "document"


def _skipped_row(rel: str, reason: str) -> dict:
    row: dict = {c: None for c in columns("documents")}
    row.update(source_path=rel, status="skipped", message=reason, n_chars=0)
    return row


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


def _truncate(text: str) -> str:
    """`text` cut to at most MAX_TEXT_CHARS characters, at a line break (else a space) when one
    is in the last half."""
    limit = MAX_TEXT_CHARS
    if len(text) <= limit:
        return text
    for sep in ("\n", " "):
        cut = text.rfind(sep, limit // 2, limit)
        if cut > 0:
            return text[:cut]
    return text[:limit]


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


def _ingest_file(path: Path, rel: str, meta: dict[str, str], min_arabic_ratio: float
                 ) -> tuple[dict, str]:
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
    for key, value in meta.items():
        row[key] = value
    if meta.get("published"):
        row["published_source"] = "manifest"
    kept = _truncate(text)
    row["n_chars"] = len(kept)
    what = "article text of an HTML page" if fmt == "html" else "text"
    notes = [f"read {len(kept):,} characters of {what} ({decoded.encoding})"]
    if len(kept) < len(text) or size > len(data):
        notes.append(f"truncated: the file has {size:,} bytes; at most its first {MAX_READ_BYTES:,} bytes "
                     f"are read and {MAX_TEXT_CHARS:,} characters of text kept")
    if "\ufffd" in rel:
        notes.append("its name is not valid UTF-8 (shown with \ufffd)")
    if html_note:
        notes.append(html_note)
    text = kept
    if not text.strip():
        row.update(status="empty", message="the file is empty" if not size else
                   "no text in the HTML page" if fmt == "html" else "no text, only white space")
    elif (ratio := arabic_ratio(text[:LANGUAGE_SAMPLE_CHARS])) < min_arabic_ratio:
        row.update(status="not_arabic", message=f"only {ratio:.0%} of its letters are Arabic")
    else:
        row["message"] = "; ".join(notes)
    return row, text
