"""Bytes to text: byte-order marks, strict UTF-8, UTF-16 without a mark, charset detection, and
the signatures and control characters that show a file is not text at all."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

#: Above this share of control characters (or U+FFFD) in its decoded start, a file is binary
#: (a few stray controls, such as the SUB characters some sites leave in articles, are text).
MAX_CONTROL_SHARE = 0.05


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
#: Control characters removed from a text once it is read (tabs, line and page breaks stay).
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


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
    raw: str = ""  # the decoded text before its control characters were removed


def normalise_newlines(text: str) -> str:
    """`text` with line breaks as \\n and stray control characters removed."""
    return _STRAY_CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


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
            None, None, "binary data (NUL bytes, and not UTF-16 text)"
        )
    else:
        decoded = _decode_as(data, "utf-8", complete)
        if decoded.text is None:
            best = charset_normalizer.from_bytes(data).best()
            if best is None:
                return Decoded(None, None, "undecodable: not UTF-8 and no text encoding detected")
            decoded = Decoded(normalise_newlines(str(best)), best.encoding, raw=str(best)[:4096])
    if decoded.text is not None:
        sample = decoded.raw[:4096]
        if sample and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
            return Decoded(
                None, None, f"binary data: it decodes as {decoded.encoding} only to control characters"
            )
    return decoded


def _decode_as(data: bytes, encoding: str, complete: bool = True) -> Decoded:
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(data, final=complete)
    except UnicodeDecodeError as exc:
        bom = " despite its byte-order mark" if encoding != "utf-8" else ""
        return Decoded(None, None, f"undecodable as {encoding}{bom}: {exc}")
    return Decoded(normalise_newlines(text), encoding, raw=text[:4096])


def _utf16_without_bom(data: bytes, complete: bool) -> Decoded | None:
    """UTF-16 text without a byte-order mark: its NUL bytes (the high bytes of ASCII spaces,
    digits and line breaks) all fall on odd offsets (little-endian) or all on even ones."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if min(even, odd) > 0.02 * max(even, odd):
        return None
    decoded = _decode_as(data, "utf-16-le" if odd > even else "utf-16-be", complete)
    return decoded if decoded.text is not None else None


def truncate(text: str, limit: int) -> tuple[str, bool]:
    """`text` cut to at most `limit` characters, at a line break (else a space) when one is in
    the last half; and whether it was cut."""
    if len(text) <= limit:
        return text, False
    for sep in ("\n", " "):
        cut = text.rfind(sep, limit // 2, limit)
        if cut > 0:
            return text[:cut], True
    return text[:limit], True
