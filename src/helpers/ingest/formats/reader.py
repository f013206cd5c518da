"""One entry point: `iter_records(path, rel)` reads any container or record file, streaming.

It returns None for a file that is neither (plain text, HTML, an Office document, other
binaries): the caller reads it as one document as before. Otherwise it returns an iterator of
`Record`s, one per document, plus one row for every member or record that could not be read
(refused, corrupt, empty), so that every record is accounted for.

The format is found by content first, then by suffix: zip, tar, gzip/bzip2/xz (by magic bytes;
a compressed layer is opened and what is inside is detected the same way, so `.tar.gz`, `.tgz`,
`.jsonl.gz` and gzipped Gigaword files need no special case), Parquet (`PAR1`), SGML (a `<DOC>`
near the start, whatever the suffix), then `.json`/`.jsonl`/`.ndjson`/`.csv`/`.tsv`/`.tab`, then
a file without a known suffix that starts with `[` or `{` (JSON). Plain files inside an archive
(txt, html, anything else) become one row each, decoded with `decode` (pass
`ingest.decode_bytes` to decode them as the folder reader does).
"""

from __future__ import annotations

import hashlib
import io
import lzma
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from helpers.ingest.formats import archives
from helpers.ingest.formats.archives import (
    ARCHIVE_KINDS,
    COMPRESSED_KINDS,
    Budget,
    iter_members,
    normalise_member_name,
    open_compressed,
    sniff_archive,
)
from helpers.ingest.formats.base import (
    EMPTY,
    OK,
    UNREADABLE,
    Context,
    HeadStream,
    LimitExceeded,
    Limits,
    Record,
    Source,
    id_base,
    sanitise_id,
    stem_of,
    truncate,
)
from helpers.ingest.formats.records import iter_csv, iter_json, iter_jsonl, iter_parquet, json_kind
from helpers.ingest.formats.sgml import iter_sgml, looks_like_sgml

__all__ = ["iter_records", "detect", "detect_file"]

HEAD_BYTES = 1 << 16
RECORD_SUFFIXES = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
OFFICE_SUFFIXES = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub", ".jar", ".apk"}
COMPRESSED_SUFFIXES = {".gz": "", ".tgz": ".tar", ".bz2": "", ".tbz2": ".tar", ".xz": "", ".txz": ".tar"}
HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)
FORMAT_NAMES = {
    "zip": "zip archive",
    "tar": "tar archive",
    "gz": "gzip file",
    "bz2": "bzip2 file",
    "xz": "xz file",
}


def _suffix(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[-1].lower() if "." in base.strip(".") else ""


def detect(head: bytes, name: str, complete: bool = False) -> str:
    """The kind of a stream from its first bytes and its name: zip, tar, gz, bz2, xz, parquet,
    sgml, json, jsonl, csv, tsv, or text (anything else: a plain file)."""
    kind = sniff_archive(head, name)
    if kind:
        return kind
    suffix = _suffix(name)
    if head.startswith(b"PAR1"):
        return "parquet"
    if suffix in RECORD_SUFFIXES:
        kind = RECORD_SUFFIXES[suffix]
        return json_kind(head, complete) if kind == "json" else kind
    if looks_like_sgml(head):
        return "sgml"
    if suffix not in TEXT_SUFFIXES and head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{"):
        return json_kind(head, complete)
    return "text"


def detect_file(path: Path, rel: str | None = None) -> str | None:
    """The kind of a file (see `detect`), None for what `iter_records` leaves to the caller
    (text, HTML, Office documents and other single files); None too when it cannot be read."""
    rel = rel or path.name
    try:
        with open(path, "rb") as f:
            head = f.read(HEAD_BYTES)
    except OSError:
        return None
    kind = detect(head, rel, len(head) < HEAD_BYTES)
    if kind == "text" or _suffix(rel) in OFFICE_SUFFIXES:
        return None
    if kind == "zip":
        try:
            with zipfile.ZipFile(path) as zf:
                if archives.is_office_zip(zf):
                    return None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            pass  # a corrupt zip: iter_records gives it a row
    return kind


def iter_records(
    path: str | Path,
    rel: str,
    *,
    fields=None,
    limits: Limits | None = None,
    decode: Callable | None = None,
    day_first: bool | None = None,
    default_tz=None,
) -> Iterator[Record] | None:
    """The records of the container or record file at `path` (`rel`: its path relative to the
    input folder, used in provenance and doc ids), or None when it is not one (see the module).

    `fields`: names overriding `fields.DEFAULT_FIELDS`, e.g. {"text": "article_body"}.
    `limits`: a `Limits`. `decode(data, complete)` for plain files inside archives (default:
    `ingest.decode.decode_bytes`, the decoding of the input folder's own files). `day_first`,
    `default_tz`: passed to `timestamps.parse_published` for every date. Bad options raise
    ValueError at once; bad data never raises: it gives rows.
    """
    path = Path(path)
    ctx = Context(limits=limits, fields=fields, decode=decode, day_first=day_first, default_tz=default_tz)
    kind = detect_file(path, rel)
    if kind is None:
        return None
    return _iter_file(path, rel, kind, ctx)


def _iter_file(path: Path, rel: str, kind: str, ctx: Context) -> Iterator[Record]:
    ctx.budget = Budget(ctx.limits)
    base = id_base(rel)
    try:
        f = open(path, "rb")
    except OSError as exc:
        yield ctx.row(
            Source(rel, base, kind),
            None,
            None,
            status=UNREADABLE,
            problem="os_error",
            message=f"could not read the file: {exc.strerror or exc}",
        )
        return
    with f:
        if kind == "parquet":
            yield from iter_parquet(path, ctx, Source(rel, base, "parquet"))
        else:
            yield from _read(f, rel, rel, base, 0, ctx, seekable=f)


def _read(
    stream: BinaryIO,
    name: str,
    prov: str,
    base: str,
    depth: int,
    ctx: Context,
    *,
    seekable: BinaryIO | None = None,
    raw_count: Callable[[], int] | None = None,
    layer: archives.Guard | None = None,
) -> Iterator[Record]:
    """The records of one stream (a file, a member, a decompressed layer), by its kind; a limit
    hit or corrupt data while reading it gives one more row (the rows before it stay)."""
    hs = HeadStream(stream, HEAD_BYTES)
    kind = detect(hs.head, name, hs.complete)
    src = Source(prov, base, kind)
    n = 0
    try:
        for rec in _dispatch(hs, kind, name, src, depth, ctx, seekable, raw_count, layer):
            n += 1
            yield rec
    except LimitExceeded as exc:
        kept = f"; the {n:,} rows read before are kept" if n else ""
        yield ctx.row(
            src,
            None,
            None,
            status=UNREADABLE,
            problem=exc.code,
            message=f"refused while reading: {exc.message}{kept}",
        )
    except (
        OSError,
        EOFError,
        zlib.error,
        lzma.LZMAError,
        zipfile.BadZipFile,
        tarfile.TarError,
        NotImplementedError,
        RuntimeError,
    ) as exc:  # corrupt data, bad CRC, unsupported method
        kept = f"; the {n:,} rows read before are kept" if n else ""
        yield ctx.row(
            src,
            None,
            None,
            status=UNREADABLE,
            problem="corrupt",
            message=f"corrupt or truncated data: {exc}{kept}",
        )
    except Exception as exc:  # bad data must never stop a corpus: a row says what happened
        kept = f"; the {n:,} rows read before are kept" if n else ""
        yield ctx.row(
            src,
            None,
            None,
            status=UNREADABLE,
            problem="error",
            message=f"unexpected {type(exc).__name__} while reading: {exc}{kept}",
        )


def _dispatch(
    hs: HeadStream, kind: str, name: str, src: Source, depth: int, ctx: Context, seekable, raw_count, layer
) -> Iterator[Record]:
    limits = ctx.limits
    prov, base = src.prov, src.base
    if kind in COMPRESSED_KINDS:
        if layer is not None:
            yield ctx.row(
                src,
                None,
                None,
                status=UNREADABLE,
                problem="too_deep",
                message=f"refused: a {FORMAT_NAMES[kind]} inside a compressed file",
            )
            return
        guard, counter = open_compressed(archives.buffered(hs), kind, prov, ctx.budget)
        yield from _read(
            guard, _inner_name(name), prov, base, depth, ctx, raw_count=lambda: counter.count, layer=guard
        )
    elif kind in ARCHIVE_KINDS:
        yield from _archive(
            hs, kind, name, src, depth, ctx, seekable=seekable, raw_count=raw_count, layer=layer
        )
    elif kind == "parquet":
        data = archives.Guard(hs, prov, ctx.budget, count_total=False).read_all(
            limits.max_buffer_bytes, "a Parquet file inside an archive"
        )
        yield from iter_parquet(io.BytesIO(data), ctx, src)
    elif kind == "json":
        yield from iter_json(archives.buffered(hs), ctx, src)
    elif kind == "jsonl":
        yield from iter_jsonl(archives.buffered(hs), ctx, src)
    elif kind in ("csv", "tsv"):
        yield from iter_csv(
            archives.buffered(hs), ctx, src, hs.head, hs.complete, delimiter="\t" if kind == "tsv" else None
        )
    elif kind == "sgml":
        yield from iter_sgml(archives.buffered(hs), ctx, src, hs.head, hs.complete)
    else:
        yield _plain(hs, name, src, ctx)


def _inner_name(name: str) -> str:
    suffix = _suffix(name)
    if suffix in COMPRESSED_SUFFIXES:
        return name[: -len(suffix)] + COMPRESSED_SUFFIXES[suffix]
    return name


def member_base(parent_base: str, parent_name: str, member: str) -> str:
    """Doc id base of a member: the parent's, then the member's path without suffixes; a member
    named like its archive (`2015-07-21.zip/2015-07-21.json`) adds nothing."""
    stem = stem_of(normalise_member_name(member)).strip("/")
    parent_stem = stem_of(parent_name.rsplit("/", 1)[-1])
    if stem == parent_stem:
        return parent_base
    return f"{parent_base}__{sanitise_id(stem.replace('/', '__')) or 'member'}"


def _archive(
    hs: HeadStream, kind: str, name: str, src: Source, depth: int, ctx: Context, *, seekable, raw_count, layer
) -> Iterator[Record]:
    limits = ctx.limits
    what = FORMAT_NAMES[kind]
    if depth > limits.max_depth:
        yield ctx.row(
            src,
            None,
            None,
            status=UNREADABLE,
            problem="too_deep",
            message=f"refused: a {what} nested more than {limits.max_depth} level(s) deep in archives",
        )
        return
    if kind == "zip":
        if seekable is not None:
            seekable.seek(0)
            zsource = seekable
        else:  # zipfile needs random access: hold the member in memory, bounded
            data = archives.Guard(hs, src.prov, ctx.budget, count_total=False).read_all(
                limits.max_buffer_bytes, "a zip archive inside another archive"
            )
            zsource = io.BytesIO(data)
            try:  # (a top-level file was checked by detect_file)
                with zipfile.ZipFile(zsource) as probe:
                    if marker := archives.is_office_zip(probe):
                        yield ctx.row(
                            src,
                            None,
                            None,
                            status=UNREADABLE,
                            problem="not_text",
                            message=f"an Office/EPUB document (it has {marker}), not text",
                        )
                        return
            except (zipfile.BadZipFile, OSError, ValueError, EOFError):
                pass  # iter_members reports it
            zsource.seek(0)
        members = iter_members(zsource, "zip", src.prov, ctx.budget)
    else:
        if layer is not None:
            layer.check_ratio = False  # each member's ratio is checked instead
        members = iter_members(hs, "tar", src.prov, ctx.budget, raw_count=raw_count)
    n = 0
    for member in members:
        if member.name is None:  # the archive itself: corrupt, truncated, too many members
            n += 1
            yield ctx.row(
                src, None, None, status=UNREADABLE, problem=member.refusal[0], message=member.refusal[1]
            )
            continue
        n += 1
        mname = normalise_member_name(member.name)
        msrc = Source(f"{src.prov}/{mname}", member_base(src.base, name, mname), _kind_from_name(mname))
        if member.refusal:
            code, why = member.refusal
            yield ctx.row(msrc, None, None, status=UNREADABLE, problem=code, message=f"refused: {why}")
            continue
        if ctx.budget.total_out > limits.max_total_bytes:
            yield ctx.row(
                src,
                None,
                None,
                status=UNREADABLE,
                problem="total",
                message=f"refused: more than {limits.max_total_bytes:,} bytes "
                "decompressed from this input file (max_total_bytes); the "
                "members from this one on were not read",
            )
            return
        try:
            guard = member.open()
        except (
            zipfile.BadZipFile,
            OSError,
            EOFError,
            NotImplementedError,
            RuntimeError,
            zlib.error,
            lzma.LZMAError,
        ) as exc:  # encrypted, unsupported compression, ...
            yield ctx.row(
                msrc, None, None, status=UNREADABLE, problem="corrupt", message=f"member not readable: {exc}"
            )
            continue
        yield from _read(guard, mname, msrc.prov, msrc.base, depth + 1, ctx)
    if n == 0:
        yield ctx.row(
            src, None, None, status=EMPTY, problem="no_members", message=f"the {what} holds no files"
        )


def _kind_from_name(name: str) -> str:
    suffix = _suffix(name)
    return (
        RECORD_SUFFIXES.get(suffix)
        or {".zip": "zip", ".tar": "tar", ".gz": "gz", ".tgz": "tar", ".bz2": "bz2", ".xz": "xz"}.get(suffix)
        or ("html" if suffix in HTML_SUFFIXES else "txt")
    )


def _plain(hs: HeadStream, name: str, src: Source, ctx: Context) -> Record:
    """One row for a plain file inside an archive: decoded like a file of the input folder."""
    limit = ctx.limits.max_read_bytes
    digest = hashlib.sha256()
    chunks, size = [], 0
    while chunk := hs.read(1 << 20):
        digest.update(chunk)
        if size < limit:
            chunks.append(chunk[: limit - size])
        size += len(chunk)
    data = b"".join(chunks)
    fmt = "html" if _suffix(name) in HTML_SUFFIXES else "txt"
    doc_id, _ = ctx.ids.assign(None, src.base, None, src.prov)
    rec = Record(src.prov, doc_id, fmt, sha256=digest.hexdigest())
    decoded = ctx.decode(data, size == len(data))
    if decoded.text is None:
        rec.status, rec.problem, rec.message = UNREADABLE, "undecodable", decoded.problem
        rec.issues.append({"source": src.prov, "problem": "undecodable", "message": decoded.problem})
        return rec
    text = decoded.text
    rec.encoding = decoded.encoding
    if fmt == "txt" and HTML_START.match(text[:1000]):
        fmt = rec.fmt = "html"
    if fmt == "txt":
        kept, cut = truncate(text, ctx.limits.max_text_chars)
    else:
        kept, cut = text, False  # the caller extracts the article, then cuts
    rec.text = kept
    if not kept.strip():
        rec.status, rec.problem = EMPTY, "no_text"
        rec.message = (
            "the file is empty"
            if not size
            else "no text in the HTML page"
            if fmt == "html"
            else "no text, only white space"
        )
        return rec
    what = "HTML page" if fmt == "html" else "text"
    notes = [f"read {len(kept):,} characters of {what} ({decoded.encoding})"]
    if cut or size > len(data):
        notes.append(
            f"truncated: the member has {size:,} bytes; at most its first {limit:,} bytes "
            f"are read and {ctx.limits.max_text_chars:,} characters of text kept"
        )
    rec.status, rec.message = OK, "; ".join(notes)
    return rec
