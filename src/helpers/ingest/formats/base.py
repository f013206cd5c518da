"""The common record type, the limits, document ids, and the pieces every reader shares."""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from helpers.ingest.decode import decode_bytes, normalise_newlines, truncate
from helpers.ingest.formats.fields import resolve_fields
from helpers.ingest.issues import issue_row

__all__ = ["Record", "Limits", "LimitExceeded", "IdAllocator", "sanitise_id", "OK", "EMPTY", "UNREADABLE"]

OK, EMPTY, UNREADABLE = "ok", "empty", "unreadable"
MiB, GiB = 1 << 20, 1 << 30


@dataclass
class Record:
    """One row for the caller's `documents` table: a document, or a reason why none was read.

    `source_path` is the provenance: the file's relative path, then archive members and the
    record's index (0-based) after '#', e.g. `2015-07-21.zip/2015-07-21.json#187`.
    `doc_id_hint` is unique within one `iter_records` call and stable across runs; the caller
    still makes it unique across files (ingest._unique_id).
    `status` is ok, empty or unreadable (refused members are unreadable, `problem` says why);
    `fmt` the format read (json, jsonl, csv, tsv, parquet, sgml, txt, html; zip, tar, gz, ...
    for rows about an archive or a member that was not read).
    For fmt txt/html (plain files inside an archive), `text` is the decoded file, for html the
    page's source: the caller extracts the article as it does for an HTML file.
    `issues` are rows for the `ingest_issues` table: {"source", "problem", "message"}.
    """

    source_path: str
    doc_id_hint: str
    fmt: str
    status: str = OK
    message: str = ""
    text: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published_raw: str | None = None  # the date as found (stringified)
    published: str | None = None  # its local day, YYYY-MM-DD (timestamps.parse_published)
    published_at: str | None = None  # its UTC instant, when a time of day is known
    encoding: str | None = None  # of the bytes the text came from
    sha256: str | None = None  # of a plain member's bytes, else of the record's text
    problem: str | None = None  # short code of what went wrong (non-ok rows), else None
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. dateline, abstract, doc type
    issues: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def documents_row(self) -> dict[str, Any]:
        """The columns of ingest's `documents` table that this record fills (`doc_id` is the
        hint: the caller makes it unique across input files). `published_source` is "record"
        when the day came from the record itself."""
        return {
            "doc_id": self.doc_id_hint,
            "source_path": self.source_path,
            "format": self.fmt,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "n_chars": len(self.text or "") if self.status == OK else 0,
            "status": self.status,
            "message": self.message,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
            "published_source": "record" if self.published else None,
        }


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input file may make the reader do. Every bound is checked on the
    bytes actually read, not only on sizes that headers declare."""

    max_members: int = 100_000  # archive members (all levels) of one input file
    max_total_bytes: int = 16 * GiB  # decompressed bytes read from one input file
    max_member_bytes: int = 4 * GiB  # decompressed bytes of one member
    max_ratio: float = 100.0  # decompressed / compressed bytes of one member
    ratio_header_floor: int = 1 * MiB  # a header declaring more than this is checked
    ratio_stream_floor: int = 4 * MiB  # while streaming, checked past this many bytes
    max_depth: int = 1  # archives inside archives: one level is read
    max_buffer_bytes: int = 256 * MiB  # members needing random access (zip in an archive,
    # parquet in an archive) are held in memory up to this
    max_read_bytes: int = 16_000_000  # of a plain text member (ingest.MAX_READ_BYTES)
    max_text_chars: int = 500_000  # of one document's text (ingest.MAX_TEXT_CHARS)
    max_record_bytes: int = 64 * MiB  # one JSON Lines line, one SGML document
    max_big_json_bytes: int = 256 * MiB  # a JSON file read whole when ijson is missing


class LimitExceeded(Exception):
    """A limit was hit while reading; `code` names it (too_large, ratio, total, ...)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


# --------------------------------------------------------------------------------------------
# document ids

_UNSAFE_ID = re.compile(r"[\s/\\]+")
_MAX_ID_CHARS = 150


def sanitise_id(value: Any) -> str | None:
    """A record's own id made safe as a doc id: NFC, no control or format characters (bidi
    overrides, zero-width marks), path separators and white space as '_' ('.' and '..' parts
    dropped), no leading dots, at
    most 150 characters (a longer id keeps its start and a hash of the whole). None when
    nothing is left."""
    if value is None or isinstance(value, (bool, dict, list)):
        return None
    text = unicodedata.normalize("NFC", str(value))
    text = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"})
    parts = [p for p in _UNSAFE_ID.split(text) if p and p not in {".", ".."}]
    text = "_".join(parts).strip("_").lstrip(".")
    if not text or set(text) <= {".", "_", "-"}:
        return None
    if len(text) > _MAX_ID_CHARS:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
        text = f"{text[: _MAX_ID_CHARS - 12]}__{digest}"
    return text


class IdAllocator:
    """Unique doc ids within one input file, stable across runs (they depend only on the file's
    content and reading order).

    A record's own id is used when it has one (sanitised; an id of digits only, unique in its
    table but not across files, becomes `<base>__id<digits>`); else `<base>__<index>`, or the
    base alone for a file that is one document. Each source (file or member) gets a base of
    its own (`<base>__b2`, ... when two would share one). A repeated id gets `__2`, `__3`, ...
    in reading order. Memory: generated ids are unique by construction and not stored; own ids
    are (about 100 bytes per record that has one)."""

    def __init__(self) -> None:
        self.own: set[str] = set()  # own ids given, and generated ids that had to change
        self.bases: dict[str, str] = {}  # provenance of a source -> its distinct base
        self.base_set: set[str] = set()

    def base_for(self, prov: str, base: str) -> str:
        got = self.bases.get(prov)
        if got is None:
            got, n = base, 2
            while self._taken(got):
                got, n = f"{base}__b{n}", n + 1
            self.bases[prov] = got
            self.base_set.add(got)
        return got

    def _taken(self, candidate: str) -> bool:
        """Given already, or possibly a generated id (`<a base>__<digits>`) or a base."""
        if candidate in self.own or candidate in self.base_set:
            return True
        head, sep, tail = candidate.rpartition("__")
        return bool(sep) and tail.isdigit() and head in self.base_set

    def assign(
        self, own: Any, base: str, index: int | None, prov: str | None = None
    ) -> tuple[str, str | None]:
        """The id of a record of the source `prov` (whose id base is `base`), and a note when the
        record's own id could not be used as it was."""
        base = self.base_for(prov if prov is not None else base, base)
        note = None
        candidate = sanitise_id(own)
        if own is not None and candidate is None and str(own).strip():
            note = f"its id {str(own)[:60]!r} is not usable as a doc id"
        if candidate is not None and candidate.isdigit():
            candidate = f"{base}__id{candidate}"
        if candidate is None:
            generated = base if index is None else f"{base}__{index}"
            if generated not in self.own and (index is None or generated not in self.base_set):
                return generated, note
            unique, n = f"{generated}__2", 3
            while self._taken(unique):
                unique, n = f"{generated}__{n}", n + 1
            self.own.add(unique)
            return unique, note
        unique, n = candidate, 2
        while self._taken(unique):
            unique, n = f"{candidate}__{n}", n + 1
        if unique != candidate:
            note = f"its id {candidate!r} was already used in this file; it became {unique!r}"
        self.own.add(unique)
        return unique, note


_KNOWN_SUFFIXES = {
    ".gz",
    ".tgz",
    ".bz2",
    ".xz",
    ".tar",
    ".zip",
    ".json",
    ".jsonl",
    ".ndjson",
    ".csv",
    ".tsv",
    ".tab",
    ".parquet",
    ".pq",
    ".txt",
    ".html",
    ".htm",
    ".sgml",
    ".sgm",
    ".xml",
}


def stem_of(name: str) -> str:
    """A member's or file's path without its format suffixes (`a/b.jsonl.gz` -> `a/b`); one
    unknown suffix of up to five characters that are not all digits goes too (`x.dat` -> `x`,
    but `AFP_ARB.19940513` stays whole)."""
    stem = name
    while True:
        head, dot, suffix = stem.rpartition(".")
        if not dot or "/" in suffix or not head or head.endswith("/"):
            return stem
        if "." + suffix.lower() in _KNOWN_SUFFIXES:
            stem = head
            continue
        if stem == name and len(suffix) <= 5 and not suffix.isdigit():
            return head
        return stem


def id_base(name: str) -> str:
    """The id base of a relative path: its stem with sub-folders joined by '__' (as ingest's
    _default_id does for plain files)."""
    base = stem_of(name).strip("/").replace("/", "__")
    return sanitise_id(base) or "file"


# --------------------------------------------------------------------------------------------
# text


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def detect_encoding(head: bytes, complete: bool) -> tuple[str, int]:
    """The encoding of a text stream from its first bytes, and the length of its byte-order
    mark: BOM, else UTF-8 when the head is valid UTF-8, else charset detection (e.g.
    windows-1256), else UTF-8 (bad bytes then become U+FFFD)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ("utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"), 2
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8", 0
    except UnicodeDecodeError:
        import charset_normalizer

        best = charset_normalizer.from_bytes(head).best()
        return (best.encoding if best is not None else "utf-8"), 0


DecodeFn = Callable[[bytes, bool], Any]  # returns an object with .text, .encoding, .problem


# --------------------------------------------------------------------------------------------
# a stream whose first bytes are known


class HeadStream(io.RawIOBase):
    """`inner` with its first `n` bytes read ahead into `head` (for sniffing) and served again."""

    def __init__(self, inner, n: int = 1 << 16):
        super().__init__()
        self._inner = inner
        chunks, size = [], 0
        while size < n:
            chunk = inner.read(n - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        self.head = b"".join(chunks)
        self.complete = size < n  # the head is the whole stream
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._pos < len(self.head):
            n = min(len(b), len(self.head) - self._pos)
            b[:n] = self.head[self._pos : self._pos + n]
            self._pos += n
            return n
        if self.complete:
            return 0
        data = self._inner.read(len(b))
        b[: len(data)] = data
        return len(data)


# --------------------------------------------------------------------------------------------
# building records


@dataclass
class Source:
    """Where records come from: the provenance of the file or member, the base of its records'
    doc ids, and its format."""

    prov: str
    base: str
    fmt: str


_WHAT = {
    "json": "JSON record",
    "jsonl": "JSON Lines record",
    "csv": "CSV row",
    "tsv": "TSV row",
    "parquet": "Parquet row",
    "sgml": "SGML document",
}


class Context:
    """What the readers of one input file share: options, limits, the doc ids given so far."""

    def __init__(
        self,
        *,
        limits: Limits | None = None,
        fields=None,
        decode: DecodeFn | None = None,
        day_first: bool | None = None,
        default_tz=None,
    ):
        from helpers.ingest.formats.timestamps import resolve_tz

        self.limits = limits or Limits()
        self.fields = resolve_fields(fields)
        self.decode = decode or decode_bytes
        self.day_first = day_first
        self.tz = resolve_tz(default_tz)
        self.ids = IdAllocator()
        self.budget = None  # archives.Budget, set by the reader

    @staticmethod
    def where(src: Source, label: str | int | None) -> str:
        return src.prov if label is None else f"{src.prov}#{label}"

    def row(
        self,
        src: Source,
        label: str | int | None,
        index: int | None,
        *,
        status: str,
        problem: str | None,
        message: str,
        fmt: str | None = None,
        own_id: Any = None,
        base: str | None = None,
    ) -> Record:
        """A row that is not a document: a refused member, an unreadable record, ..."""
        doc_id, _ = self.ids.assign(own_id, base or src.base, index, src.prov)
        where = self.where(src, label)
        return Record(
            where,
            doc_id,
            fmt or src.fmt,
            status,
            message,
            problem=problem,
            issues=[issue(where, problem or status, message)] if status != OK else [],
        )

    def document(
        self,
        src: Source,
        label: str | int | None,
        index: int | None,
        *,
        own_id: Any = None,
        text: str | None = None,
        title: str | None = None,
        url: str | None = None,
        outlet: str | None = None,
        author: str | None = None,
        dates: list[tuple[str, Any]] = (),
        no_text: str = "no text",
        extra: dict | None = None,
        issues: list[dict] | None = None,
    ) -> Record:
        """A document row: id, dates read (the first of `dates` (name, value) that parses; the
        others that fail give issues), text checked and cut, message."""
        from helpers.ingest.formats.timestamps import parse_published

        where = self.where(src, label)
        issues = list(issues or [])
        doc_id, note = self.ids.assign(own_id, src.base, index, src.prov)
        if note:
            issues.append(issue(where, "doc_id", note))
        published_raw = published = published_at = None
        for name, value in dates:
            parsed = parse_published(value, day_first=self.day_first, default_tz=self.tz)
            raw = value.isoformat() if hasattr(value, "isoformat") else str(value)
            if published_raw is None:
                published_raw = raw
            if parsed.problem:
                issues.append(
                    issue(where, "bad_date", f"{name} {raw[:80]!r} not read as a date: {parsed.problem}")
                )
            if parsed.published and published is None:
                published_raw, published, published_at = raw, parsed.published, parsed.published_at
        what = _WHAT.get(src.fmt, src.fmt)
        rec = Record(
            where,
            doc_id,
            src.fmt,
            title=title,
            url=url,
            outlet=outlet,
            author=author,
            published_raw=published_raw,
            published=published,
            published_at=published_at,
            extra=extra or {},
            issues=issues,
        )
        if text is not None:
            text = normalise_newlines(text)
        if not text or not text.strip():
            rec.status, rec.problem, rec.message = EMPTY, "no_text", f"{what}: {no_text}"
            rec.text = text or ""
            return rec
        kept, cut = truncate(text, self.limits.max_text_chars)
        rec.text, rec.sha256 = kept, sha256_text(kept)
        rec.message = f"read {len(kept):,} characters of a {what}"
        if cut:
            rec.message += (
                f"; truncated: its text has {len(text):,} characters, "
                f"{self.limits.max_text_chars:,} at most are kept"
            )
        return rec


issue = issue_row
