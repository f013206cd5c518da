"""Record files, one document per record: JSON, JSON Lines, CSV/TSV, Parquet. All streamed.

- `.json`: an array of records; an object holding arrays of records (`{"articles": [...]}`:
  every top-level array whose first item is an object is read as records, unless the object
  has a text field of its own before it, when it is one record); a single object with a text
  field (one article per file, as news-please writes); or several JSON values one after the
  other. Read incrementally with ijson (yajl2 C backend): the file is never held whole. Without
  ijson installed a JSON file of up to `Limits.max_big_json_bytes` is read whole, larger ones
  get an unreadable row saying ijson is needed.
- `.jsonl` / `.ndjson` (and a `.json` whose first lines are one object each): line by line, a
  line longer than `Limits.max_record_bytes` is skipped with a row; a bad line is one row.
- `.csv` / `.tsv`: the csv module over a decoding stream (encoding from a BOM, else UTF-8 when
  the first 64 KiB are UTF-8, else charset detection); the delimiter of a `.csv` is the one of
  `,` `;` `\\t` `|` most frequent in its header line. This module raises the csv module's
  process-wide field size limit to `max_record_bytes` (articles are longer than its 128 KiB).
- `.parquet`: by batches of row groups with pyarrow, only the columns that map to fields.

Fields are found by name, case-insensitively (`-`, `_` and spaces alike), in the order of
`DEFAULT_FIELDS`; `fields={"text": "article_body"}` (a name or a list of names; a dotted name
reaches into nested objects) replaces the names searched for that field.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from helpers.ingest.formats.base import (
    EMPTY,
    UNREADABLE,
    Context,
    LimitExceeded,
    Record,
    Source,
    detect_encoding,
    issue,
)
from helpers.ingest.formats.fields import norm_key

__all__ = [
    "iter_json",
    "iter_jsonl",
    "iter_csv",
    "iter_parquet",
    "record_from_mapping",
    "json_kind",
]

#: Record fields kept in `Record.extra` when present.
EXTRA_FIELDS = ["language", "lang"]
AUTHOR_SEPARATOR = "، "
#: At most this many items of an array that is not an array of records are kept.
MAX_LIST_ITEMS = 10_000


# --------------------------------------------------------------------------------------------
# one record (a mapping) -> Record


def record_from_mapping(
    obj: Mapping, ctx: Context, src: Source, label: str | int | None, index: int | None
) -> Record:
    """A Record from one JSON object / CSV row / Parquet row, its fields found by name."""
    keys = {}
    for k in obj:
        keys.setdefault(norm_key(k), k)
    where = ctx.where(src, label)
    issues: list[dict] = []

    def present(field: str) -> list[tuple[str, Any]]:
        found = []
        for name in ctx.fields[field]:
            if name in keys:
                value = obj[keys[name]]
            elif "." in name:
                value = _dotted(obj, name)
            else:
                continue
            if value is None or (isinstance(value, str) and not value.strip()) or value == []:
                found.append((keys.get(name, name), None))
            else:
                found.append((keys.get(name, name), value))
        return found

    def first(field: str, convert) -> str | None:
        for name, value in present(field):
            if value is None:
                continue
            converted = convert(value)
            if converted:
                return converted
            issues.append(
                issue(
                    where, "bad_field", f"field {name!r} holds {_describe(value)}, not usable as the {field}"
                )
            )
        return None

    text_fields = present("text")
    text = None
    for name, value in text_fields:
        if value is None:
            continue
        text = _as_text(value)
        if text:
            break
        issues.append(issue(where, "bad_field", f"field {name!r} holds {_describe(value)}, not text"))
    if text_fields:
        no_text = f"no text: its field {text_fields[0][0]!r} is empty"
    else:
        no_text = "no text: it has none of the fields " + ", ".join(repr(n) for n in ctx.fields["text"])
    dates = []
    for name, value in present("published"):
        if isinstance(value, Mapping):
            value = value.get("$date", value)  # MongoDB export
        if value is None:
            continue
        if isinstance(value, (list, dict)):
            issues.append(issue(where, "bad_date", f"field {name!r} holds {_describe(value)}, not a date"))
            continue
        dates.append((f"field {name!r}", value))
    own_id = None
    for _, value in present("id"):
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            own_id = int(value) if isinstance(value, float) and value.is_integer() else value
            break
    extra = {}
    for name in EXTRA_FIELDS:
        if name in keys and isinstance(obj[keys[name]], str) and obj[keys[name]].strip():
            extra[name] = obj[keys[name]].strip()
    return ctx.document(
        src,
        label,
        index,
        own_id=own_id,
        text=text,
        title=first("title", _as_line),
        url=first("url", _as_line),
        outlet=first("outlet", _as_name),
        author=first("author", _as_author),
        dates=dates,
        no_text=no_text,
        extra=extra,
        issues=issues,
    )


def _dotted(obj: Mapping, path: str) -> Any:
    value: Any = obj
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        matches = [k for k in value if norm_key(k) == part]
        if not matches:
            return None
        value = value[matches[0]]
    return value


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return f"a JSON {'object' if isinstance(value, dict) else 'array'}"
    return f"{type(value).__name__} {str(value)[:60]!r}"


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n".join(v.strip() for v in value if v.strip())  # a list of paragraphs
    return None


def _as_line(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return " ".join(v.strip() for v in value if v.strip()) or None
    return None


def _as_name(value: Any) -> str | None:
    if isinstance(value, Mapping):  # e.g. NewsAPI's {"id": ..., "name": "BBC News"}
        for key in ("name", "title", "domain", "url", "id"):
            if isinstance(value.get(key), str) and value[key].strip():
                return value[key].strip()
        return None
    return _as_line(value)


def _as_author(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_as_name(v) for v in value) if n]
        return AUTHOR_SEPARATOR.join(dict.fromkeys(names)) or None
    return _as_name(value)


# --------------------------------------------------------------------------------------------
# JSON


def json_kind(head: bytes, complete: bool) -> str:
    """'jsonl' when the head is one JSON object per line (at least two lines, or one line and
    the whole file), else 'json'."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if not text.startswith(b"{"):
        return "json"
    lines = [ln for ln in text.split(b"\n") if ln.strip()]
    if not complete and len(lines) > 1:
        lines = lines[:-1]  # the last one may be cut
    if len(lines) < 2:
        return "json"
    try:
        return "jsonl" if all(isinstance(json.loads(ln), dict) for ln in lines[:2]) else "json"
    except ValueError:
        return "json"


class _JsonWalker:
    """Records from a stream of ijson basic_parse events (or the same events made from an
    object already loaded)."""

    def __init__(self, events, ctx: Context, src: Source):
        self.events = events
        self.ctx = ctx
        self.src = src
        self.count = 0  # rows yielded (the index of doc ids)
        self.max_bytes = ctx.limits.max_record_bytes

    def run(self) -> Iterator[Record]:
        values = 0
        for ev, val in self.events:
            values += 1
            if ev == "start_array":
                yield from self._array("" if values == 1 else f"{values - 1}/", key=None)
            elif ev == "start_map":
                yield from self._object(values)
            else:
                yield self._bad(
                    f"{values - 1}" if values > 1 else None,
                    f"the JSON value is {_describe(val)}, not a record or an array of records",
                )

    def _bad(self, label, message: str, problem: str = "not_a_record") -> Record:
        rec = self.ctx.row(self.src, label, self.count, status=UNREADABLE, problem=problem, message=message)
        self.count += 1
        return rec

    def _record(self, obj: dict, label) -> Record:
        index = None if label is None else self.count  # a file of one object: id = its base
        rec = record_from_mapping(obj, self.ctx, self.src, label, index)
        self.count += 1
        return rec

    def _array(self, prefix: str, key: str | None, first: tuple | None = None) -> Iterator[Record]:
        i = 0
        while True:
            ev, val = first if first is not None else next(self.events)
            first = None
            if ev == "end_array":
                return
            label = f"{prefix}{key}/{i}" if key is not None else f"{prefix}{i}"
            if ev in ("start_map", "start_array"):
                value, size_error = self._build(ev)
                if size_error:
                    yield self._bad(label, f"item {i} {size_error}", "too_large")
                elif isinstance(value, dict):
                    yield self._record(value, label)
                else:
                    yield self._bad(label, f"item {i} is a JSON array, not a record")
            else:
                yield self._bad(label, f"item {i} is {_describe(val)}, not a record")
            i += 1

    def _object(self, nth: int) -> Iterator[Record]:
        single: dict[str, Any] = {}
        arrays: list[str] = []
        text_names = set(self.ctx.fields["text"])
        while True:
            ev, key = next(self.events)
            if ev == "end_map":
                break
            ev, val = next(self.events)
            if ev == "start_array":
                first = next(self.events)
                has_text = any(norm_key(k) in text_names for k in single)
                if first[0] == "start_map" and not has_text:
                    arrays.append(key)
                    yield from self._array("" if nth == 1 else f"{nth - 1}/", key, first)
                else:
                    single[key] = self._list(first)
            elif ev == "start_map":
                single[key], _ = self._build(ev)
            else:
                single[key] = val
        if arrays:
            return
        label = None if nth == 1 else f"{nth - 1}"
        known = {n for names in self.ctx.fields.values() for n in names}
        if any(norm_key(k) in known for k in single):
            yield self._record(single, label)
        else:
            rec = self.ctx.row(
                self.src,
                label,
                self.count,
                status=EMPTY,
                problem="no_records",
                message="a JSON object with no array of records and none of the "
                "known fields (text, title, ...)",
            )
            self.count += 1
            yield rec

    def _list(self, first: tuple) -> list:
        items = []
        ev, val = first
        while ev != "end_array":
            if ev in ("start_map", "start_array"):
                val, _ = self._build(ev)
            if len(items) < MAX_LIST_ITEMS:
                items.append(val)
            ev, val = next(self.events)
        return items

    def _build(self, start_event: str) -> tuple[Any, str | None]:
        """The value that starts with `start_event` (start_map/start_array), built from the
        events; past `max_record_bytes` of strings it is consumed without being kept."""
        root: Any = {} if start_event == "start_map" else []
        stack: list[Any] = [root]
        keys: list[Any] = [None]
        size, limit, too_big = 0, self.max_bytes, False
        for ev, val in self.events:
            if ev == "map_key":
                keys[-1] = val
                continue
            if ev == "end_map" or ev == "end_array":
                stack.pop()
                keys.pop()
                if not stack:
                    break
                continue
            if ev == "string":
                size += len(val)
                too_big = too_big or size > limit
                value = val
            elif ev == "start_map":
                value = {}
            elif ev == "start_array":
                value = []
            else:
                value = val
            if not too_big:
                parent = stack[-1]
                if type(parent) is dict:
                    parent[keys[-1]] = value
                else:
                    parent.append(value)
            if ev == "start_map" or ev == "start_array":
                stack.append(value)
                keys.append(None)
        if too_big:
            return None, f"is larger than {limit:,} characters (max_record_bytes); not read"
        return root, None


def _object_events(value: Any):
    """ijson basic_parse events of an object already loaded (the fallback without ijson)."""
    if isinstance(value, dict):
        yield "start_map", None
        for k, v in value.items():
            yield "map_key", k
            yield from _object_events(v)
        yield "end_map", None
    elif isinstance(value, list):
        yield "start_array", None
        for v in value:
            yield from _object_events(v)
        yield "end_array", None
    elif value is None:
        yield "null", None
    elif isinstance(value, bool):
        yield "boolean", value
    elif isinstance(value, (int, float)):
        yield "number", value
    else:
        yield "string", value


def iter_json(stream: BinaryIO, ctx: Context, src: Source) -> Iterator[Record]:
    """Records of a JSON file (see the module's doc), streamed with ijson."""
    try:
        import ijson

        errors: tuple = (ijson.JSONError, ValueError, UnicodeDecodeError)
    except ImportError:
        ijson = None
        errors = (ValueError, UnicodeDecodeError)
    bom = stream.peek(3)[:3] if hasattr(stream, "peek") else b""
    if bom == b"\xef\xbb\xbf":
        stream.read(3)
    if hasattr(stream, "peek") and not stream.peek(1):
        yield ctx.row(src, None, None, status=EMPTY, problem="no_records", message="the file is empty")
        return
    if ijson is not None:
        events = ijson.basic_parse(stream, use_float=True, multiple_values=True)
    else:
        limit = ctx.limits.max_big_json_bytes
        data = stream.read(limit + 1)
        if len(data) > limit:
            yield ctx.row(
                src,
                None,
                None,
                status=UNREADABLE,
                problem="too_large",
                message=f"a JSON file larger than {limit:,} bytes needs the ijson "
                "package to be read incrementally; not read",
            )
            return
        try:
            events = _object_events(json.loads(data))
        except errors as exc:
            yield ctx.row(
                src, None, None, status=UNREADABLE, problem="bad_json", message=f"not valid JSON: {exc}"
            )
            return
    walker = _JsonWalker(events, ctx, src)
    try:
        yield from walker.run()
    except StopIteration:
        yield ctx.row(
            src,
            f"{walker.count}",
            walker.count,
            status=UNREADABLE,
            problem="bad_json",
            message=f"the JSON ends early, after {walker.count:,} records (truncated?)",
        )
        return
    except LimitExceeded:
        raise
    except errors as exc:
        where = f"after {walker.count:,} records; the rest is not read" if walker.count else "at its start"
        yield ctx.row(
            src,
            f"{walker.count}",
            walker.count,
            status=UNREADABLE,
            problem="bad_json",
            message=f"invalid JSON {where}: {' '.join(str(exc).split())[:200]}",
        )
        return
    if walker.count == 0:
        yield ctx.row(
            src, None, None, status=EMPTY, problem="no_records", message="no records in the JSON file"
        )


# --------------------------------------------------------------------------------------------
# JSON Lines


def iter_jsonl(stream: BinaryIO, ctx: Context, src: Source) -> Iterator[Record]:
    """One record per line; blank lines are skipped. `stream` must have readline."""
    limit = ctx.limits.max_record_bytes
    lineno = index = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            break
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield ctx.row(
                src,
                index,
                index,
                status=UNREADABLE,
                problem="too_large",
                message=f"line {lineno} is longer than {limit:,} bytes (max_record_bytes); skipped",
            )
            index += 1
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
            yield ctx.row(
                src,
                index,
                index,
                status=UNREADABLE,
                problem="bad_json",
                message=f"line {lineno} is not valid JSON: {str(exc)[:200]}",
            )
        else:
            if isinstance(obj, dict):
                yield record_from_mapping(obj, ctx, src, index, index)
            else:
                yield ctx.row(
                    src,
                    index,
                    index,
                    status=UNREADABLE,
                    problem="not_a_record",
                    message=f"line {lineno} holds {_describe(obj)}, not a record",
                )
        index += 1
    if index == 0:
        yield ctx.row(
            src, None, None, status=EMPTY, problem="no_records", message="no records in the JSON Lines file"
        )


# --------------------------------------------------------------------------------------------
# CSV / TSV


def _csv_field_limit(limit: int) -> None:
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def iter_csv(
    stream: BinaryIO, ctx: Context, src: Source, head: bytes, complete: bool, delimiter: str | None = None
) -> Iterator[Record]:
    """One record per row under a header line. `head`: the first bytes (for the encoding)."""
    _csv_field_limit(ctx.limits.max_record_bytes)
    encoding, bom = detect_encoding(head, complete)
    if bom:
        stream.read(bom)
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    if delimiter is None:
        first_line = head[bom:].decode(encoding, "replace").split("\n", 1)[0]
        delimiter = sniff_delimiter(first_line)
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield ctx.row(
            src, None, None, status=UNREADABLE, problem="bad_csv", message=f"not readable as CSV: {exc}"
        )
        return
    if not header or not any(h.strip() for h in header):
        yield ctx.row(
            src, None, None, status=EMPTY, problem="no_records", message="no header line: the file is empty"
        )
        return
    header = [h.strip() for h in header]
    index = 0
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield ctx.row(
                src,
                index,
                index,
                status=UNREADABLE,
                problem="bad_csv",
                message=f"line {line}: not readable as CSV ({exc}); the rest is not read",
            )
            return
        if not row or not any(c.strip() for c in row):
            continue
        rec = record_from_mapping(dict(zip(header, row, strict=False)), ctx, src, index, index)
        if len(row) != len(header):
            rec.issues.append(
                issue(
                    rec.source_path, "bad_row", f"line {line} has {len(row)} fields, the header {len(header)}"
                )
            )
        if "\ufffd" in (rec.text or ""):
            rec.issues.append(
                issue(
                    rec.source_path,
                    "bad_encoding",
                    f"line {line}: bytes not valid in {encoding} were replaced by U+FFFD",
                )
            )
        yield rec
        index += 1
    if index == 0:
        yield ctx.row(
            src, None, None, status=EMPTY, problem="no_records", message="no rows under the header line"
        )


# --------------------------------------------------------------------------------------------
# Parquet


def iter_parquet(source, ctx: Context, src: Source, batch_size: int = 256) -> Iterator[Record]:
    """One record per row, read by batches (only the columns that map to fields)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(source)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield ctx.row(
            src,
            None,
            None,
            status=UNREADABLE,
            problem="bad_parquet",
            message=f"not a readable Parquet file: {exc}",
        )
        return
    wanted = {n.split(".")[0] for names in ctx.fields.values() for n in names} | set(EXTRA_FIELDS)
    columns = [name for name in pf.schema_arrow.names if norm_key(name) in wanted]
    if not columns and pf.schema_arrow.names:
        columns = pf.schema_arrow.names[:1]  # no known field: rows still counted, all empty
    index = 0
    try:
        for batch in pf.iter_batches(batch_size=batch_size, columns=columns):
            for row in batch.to_pylist():
                yield record_from_mapping(row, ctx, src, index, index)
                index += 1
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield ctx.row(
            src,
            index,
            index,
            status=UNREADABLE,
            problem="bad_parquet",
            message=f"the Parquet file could not be read past row {index:,}: {exc}",
        )
        return
    if index == 0:
        yield ctx.row(
            src, None, None, status=EMPTY, problem="no_records", message="no rows in the Parquet file"
        )
