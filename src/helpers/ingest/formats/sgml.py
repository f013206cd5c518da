"""TREC/CLEF and LDC Gigaword SGML: many `<DOC>` per file, streamed document by document.

The file (any suffix; gzipped ones come decompressed from the caller) is decoded on the fly
(BOM, else UTF-8 when its first 64 KiB are UTF-8, else charset detection) and cut into
`<DOC ...>` ... `</DOC>` spans by a streaming splitter that holds at most one document (and one
256 KiB read) in memory; each span is parsed with lxml's forgiving HTML parser (SGML is not XML:
bare `&`, unclosed `<P>`, upper-case tags). A document longer than `Limits.max_record_bytes`
characters, a `<DOC>` left open before the next one or at the end of the file, each give one
unreadable row.

Fields: doc id from DOCNO, else the `id` attribute, else DOCID; title from HEADLINE, TITLE or
HL; text from TEXT, one line per `<P>` (the hard-wrapped lines inside a paragraph joined; TEXT
without `<P>` is cut into paragraphs at blank lines); URL; outlet from SRC (else the agency code
of a Gigaword id: `AFP_ARB_20000101.0001` -> AFP); author from AUTHOR or BYLINE; the date from
DATE, DATE_TIME or TIME, else the date inside a Gigaword or TREC id (`AFP_ARB_20000101.0001`,
`19940513_AFP_ARB.0001` -> 2000-01-01, 1994-05-13). DATELINE, ABSTRACT and the `type`
attribute go to `Record.extra`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from helpers.ingest.formats.base import UNREADABLE, Context, Record, Source, detect_encoding, issue

__all__ = ["looks_like_sgml", "iter_sgml", "date_from_id"]

_HEAD = re.compile(
    rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?"
    rb"(?:<[A-Za-z][\w.-]*(?:\s[^>]*)?>\s*)?<DOC[\s>]",
    re.I | re.S,
)
_LINE_DOC = re.compile(rb"(?m)^[ \t]*<DOC[\s>]", re.I)
_DOC_PARTS = re.compile(rb"<(?:DOCNO|DOCID|TEXT|HEADLINE)[\s>]|</DOC\s*>", re.I)
_START = re.compile(r"<DOC(?=[\s>])[^>]*>", re.I)
_END = re.compile(r"</DOC\s*>", re.I)
_GIGAWORD_ID = re.compile(r"^([A-Z]{3})_([A-Z]{3})_(\d{8})\.\d+$", re.I)
_TREC_ID = re.compile(r"^(\d{8})_([A-Z]{3})_([A-Z]{3})\.\d+$", re.I)
_ANY_DATE = re.compile(r"(?<!\d)((?:19|20)\d{6})(?!\d)")
READ_CHARS = 1 << 18


def looks_like_sgml(head: bytes) -> bool:
    """A `<DOC>` or `<DOC ...>` at the start (after an XML declaration, comments, a doctype and
    at most one wrapping tag), or at a line start in the first 4 KiB of a head that also has
    DOCNO, DOCID, TEXT, HEADLINE or `</DOC>`."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "replace").encode("utf-8")
    head = head.removeprefix(codecs.BOM_UTF8)
    if _HEAD.match(head):
        return True
    return bool(_LINE_DOC.search(head[:4096]) and _DOC_PARTS.search(head))


def date_from_id(doc_id: str) -> str | None:
    """YYYYMMDD inside a Gigaword or TREC document id, when it is a valid date."""
    doc_id = doc_id.strip()
    m = _GIGAWORD_ID.match(doc_id) or _TREC_ID.match(doc_id)
    digits = (m[3] if m.re is _GIGAWORD_ID else m[1]) if m else None
    if digits is None and (m2 := _ANY_DATE.search(doc_id)):
        digits = m2[1]
    if digits is None:
        return None
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return digits


def iter_sgml(stream: BinaryIO, ctx: Context, src: Source, head: bytes, complete: bool) -> Iterator[Record]:
    """The documents of an SGML stream (see the module's doc). `head`: its first bytes."""
    encoding, bom = detect_encoding(head, complete)
    if bom:
        stream.read(bom)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    max_chars = ctx.limits.max_record_bytes
    buf, pos, index, eof, skipping = "", 0, 0, False, False
    while True:
        if skipping:
            end = _END.search(buf, pos)
            if end:
                pos, skipping = end.end(), False
                continue
        else:
            start = _START.search(buf, pos)
            end = _END.search(buf, start.end()) if start else None
            if start and end:
                nxt = _START.search(buf, start.end(), end.start())
                if nxt:
                    yield _broken(ctx, src, index, "a <DOC> not closed before the next one")
                    index, pos = index + 1, nxt.start()
                    continue
                if end.end() - start.start() > max_chars:
                    yield _broken(
                        ctx,
                        src,
                        index,
                        f"a document longer than {max_chars:,} characters (max_record_bytes); skipped",
                        "too_large",
                    )
                else:
                    yield _document(buf[start.start() : end.end()], ctx, src, index, encoding)
                index, pos = index + 1, end.end()
                continue
            if start and len(buf) - start.start() > max_chars:
                yield _broken(
                    ctx,
                    src,
                    index,
                    f"a document longer than {max_chars:,} characters (max_record_bytes); skipped",
                    "too_large",
                )
                index, pos, skipping = index + 1, start.end(), True
                continue
        if eof:
            if not skipping and start:
                yield _broken(ctx, src, index, "the last <DOC> is not closed (a truncated file?)")
                index += 1
            break
        if not skipping and start:
            keep = start.start()
        else:  # keep a tag that the read may have cut ("<DOC id=..." or "</DO")
            lt = buf.rfind("<", max(pos, len(buf) - 1024))
            keep = lt if lt >= 0 else len(buf)
        buf, pos = buf[keep:], 0
        chunk = stream.read(READ_CHARS)
        if chunk:
            buf += decoder.decode(chunk)
        else:
            buf += decoder.decode(b"", final=True)
            eof = True
    if index == 0:
        yield ctx.row(
            src,
            None,
            None,
            status="empty",
            problem="no_records",
            message="no <DOC> ... </DOC> in the SGML file",
        )


def _broken(ctx: Context, src: Source, index: int, why: str, problem: str = "bad_sgml") -> Record:
    return ctx.row(src, index, index, status=UNREADABLE, problem=problem, message=f"document {index}: {why}")


def _document(span: str, ctx: Context, src: Source, index: int, encoding: str) -> Record:
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(span)
    except (lxml.etree.ParserError, ValueError) as exc:
        return _broken(ctx, src, index, f"not parseable ({exc})")
    doc = root if root.tag == "doc" else root.find(".//doc")
    if doc is None:
        return _broken(ctx, src, index, "no <DOC> element once parsed")

    def field(*tags: str) -> str | None:
        for tag in tags:
            el = doc.find(f".//{tag}")
            if el is not None:
                value = " ".join(el.text_content().split())
                if value:
                    return value
        return None

    own_id = field("docno") or (doc.get("id") or "").strip() or field("docid")
    text_el = doc.find(".//text")
    text = "\n".join(_paragraphs(text_el)) if text_el is not None else None
    outlet = field("src", "source")
    m = _GIGAWORD_ID.match(own_id or "") or _TREC_ID.match(own_id or "")
    if outlet is None and m:
        outlet = (m[1] if m.re is _GIGAWORD_ID else m[2]).upper()
    dates = [(f"<{t.upper()}>", v) for t in ("date", "date_time", "time") if (v := field(t))]
    if own_id and (digits := date_from_id(own_id)):
        dates.append(("the date in the doc id", digits))
    extra = {
        k: v
        for k, v in (
            ("dateline", field("dateline")),
            ("abstract", field("abstract")),
            ("type", (doc.get("type") or "").strip() or None),
        )
        if v
    }
    rec = ctx.document(
        src,
        index,
        index,
        own_id=own_id or None,
        text=text,
        title=field("headline", "title", "hl"),
        url=field("url"),
        outlet=outlet,
        author=field("author", "byline"),
        dates=dates,
        no_text="no text: no <TEXT> element" if text_el is None else "no text: its <TEXT> is empty",
        extra=extra,
    )
    if rec.text and "\ufffd" in rec.text:
        rec.issues.append(
            issue(rec.source_path, "bad_encoding", f"bytes not valid in {encoding} were replaced by U+FFFD")
        )
    return rec


def _paragraphs(el) -> list[str]:
    """One string per paragraph: each <P> (white space inside collapsed), and the text outside
    them cut at blank lines."""
    blocks: list[str] = []

    def loose(text: str | None) -> None:
        if text and text.strip():
            blocks.extend(re.split(r"\n\s*\n", text))

    if el.find(".//p") is None:
        loose(el.text_content())
    else:
        loose(el.text)
        for child in el:
            if isinstance(child.tag, str):
                if child.tag == "p":
                    blocks.append(child.text_content())
                else:
                    loose(child.text_content())
            loose(child.tail)
    return [" ".join(b.split()) for b in blocks if b.strip()]
