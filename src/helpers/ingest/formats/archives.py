"""Archive members, read in place and streamed, with limits against archive bombs.

`iter_members(stream, kind, prov, ...)` yields a `Member` per file in a `.zip` or `.tar` (plain,
or inside a gzip/bzip2/xz layer opened by `open_compressed`), in archive order. Nothing is ever
extracted to disk: zip members are read with `zipfile`, tar members with `tarfile` in stream mode
(`r|`), compressed layers with `gzip`/`bz2`/`lzma`.

A member is refused, with a code and a reason, when its path is absolute or has a `..`
component, when it is a symbolic or hard link, a device, a FIFO or another non-regular entry,
when it is encrypted, when its header declares more than `max_member_bytes` or a compression
ratio above `max_ratio`. Reading a member goes through a `Guard`, which counts the bytes actually
decompressed and raises `LimitExceeded` past `max_member_bytes`, past the input file's
`max_total_bytes`, or when the member expands more than `max_ratio` times the compressed bytes
actually consumed for it (checked once `ratio_stream_floor` bytes are out, so header sizes are
never trusted alone). More than `max_members` members (all levels together) stop the archive
with one row for the rest. Directories, hidden files (a path part starting with '.') and macOS
`__MACOSX` resource forks are skipped, as the folder reader skips hidden files.

`Member.name` is the path inside the archive (zip names not flagged as UTF-8 are tried as UTF-8
before cp437). A `Member` whose `name` is None stands for the archive itself (it is corrupt,
truncated or too large), with `refusal` saying why.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from helpers.ingest.formats.base import LimitExceeded, Limits

__all__ = [
    "Member",
    "Budget",
    "Guard",
    "CountingFile",
    "iter_members",
    "open_compressed",
    "COMPRESSED_KINDS",
    "ARCHIVE_KINDS",
    "sniff_archive",
]

COMPRESSED_KINDS = {"gz", "bz2", "xz"}
ARCHIVE_KINDS = {"zip", "tar"}
#: Names of files that make a zip an Office/EPUB/ODF document rather than a corpus archive.
OFFICE_MARKERS = ("[Content_Types].xml", "mimetype", "META-INF/manifest.xml")


def sniff_archive(head: bytes, name: str = "") -> str | None:
    """zip, tar, gz, bz2 or xz from a stream's first bytes (a `.tar` suffix also makes tar)."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith(b"BZh") and head[3:4].isdigit():
        return "bz2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if head[257:262] == b"ustar" or (
        name.lower().endswith(".tar") and len(head) >= 512 and _tar_checksum_ok(head[:512])
    ):
        return "tar"
    return None


def _tar_checksum_ok(block: bytes) -> bool:
    try:
        return tarfile.nti(block[148:156]) in tarfile.calc_chksums(block)
    except (tarfile.HeaderError, ValueError):
        return False


# --------------------------------------------------------------------------------------------
# streams


class Budget:
    """What one input file has used so far: decompressed bytes and archive members."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.total_out = 0
        self.members = 0

    def add(self, n: int) -> None:
        self.total_out += n
        if self.total_out > self.limits.max_total_bytes:
            raise LimitExceeded(
                "total",
                f"more than {self.limits.max_total_bytes:,} bytes "
                "decompressed from this input file (max_total_bytes)",
            )


class CountingFile:
    """A binary file that counts the bytes read through it (the compressed bytes consumed)."""

    def __init__(self, f):
        self._f = f
        self.count = 0

    def read(self, n: int = -1) -> bytes:
        data = self._f.read(n)
        self.count += len(data)
        return data

    def readinto(self, b) -> int:
        data = self.read(len(b))
        b[: len(data)] = data
        return len(data)

    def seek(self, *args) -> int:
        return self._f.seek(*args)

    def tell(self) -> int:
        return self._f.tell()

    def seekable(self) -> bool:
        return getattr(self._f, "seekable", lambda: False)()

    def readable(self) -> bool:
        return True

    def close(self) -> None:  # the caller closes the file it opened
        pass

    @property
    def closed(self) -> bool:
        return False

    def flush(self) -> None:
        pass


class Guard(io.RawIOBase):
    """The decompressed bytes of one member or compressed layer, counted and bounded.

    `raw_count` returns how many compressed bytes have been consumed so far (the ratio is taken
    against its growth since the guard was made); `count_total` adds the bytes to the input
    file's budget (off for tar members, whose bytes the layer below already counted)."""

    def __init__(
        self,
        inner: BinaryIO,
        label: str,
        budget: Budget,
        *,
        raw_count: Callable[[], int] | None = None,
        max_bytes: int | None = None,
        count_total: bool = True,
    ):
        super().__init__()
        self._inner = inner
        self.label = label
        self.budget = budget
        self.limits = budget.limits
        self.raw_count = raw_count
        self.raw_start = raw_count() if raw_count else 0
        self.max_bytes = self.limits.max_member_bytes if max_bytes is None else max_bytes
        self.count_total = count_total
        self.check_ratio = raw_count is not None
        self.out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        data = self._inner.read(len(b))
        n = len(data)
        b[:n] = data
        self._count(n)
        return n

    def _count(self, n: int) -> None:
        self.out += n
        if self.count_total:
            self.budget.add(n)
        if self.out > self.max_bytes:
            raise LimitExceeded(
                "too_large", f"{self.label}: more than {self.max_bytes:,} bytes once decompressed"
            )
        limits = self.limits
        if self.check_ratio and self.out > limits.ratio_stream_floor:
            raw = max(self.raw_count() - self.raw_start, 1)
            if self.out > limits.max_ratio * raw:
                raise LimitExceeded(
                    "ratio",
                    f"{self.label}: expands more than "
                    f"{limits.max_ratio:g} times ({self.out:,} bytes from "
                    f"{raw:,} compressed bytes); a possible archive bomb",
                )

    def read_all(self, limit: int, what: str) -> bytes:
        """Everything left, refused (LimitExceeded) past `limit` bytes."""
        chunks, size = [], 0
        while chunk := self.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise LimitExceeded(
                    "too_large",
                    f"{self.label}: {what} larger than {limit:,} bytes cannot be read without extracting it",
                )
            chunks.append(chunk)
        return b"".join(chunks)


def buffered(raw: io.RawIOBase, size: int = 1 << 18) -> io.BufferedReader:
    return io.BufferedReader(raw, buffer_size=size)


def open_compressed(
    stream: BinaryIO,
    kind: str,
    label: str,
    budget: Budget,
) -> tuple[Guard, CountingFile]:
    """A gzip/bzip2/xz stream decompressed on the fly: the guarded stream and the counter of
    the compressed bytes under it."""
    counter = CountingFile(stream)
    inner = {
        "gz": lambda f: gzip.GzipFile(fileobj=f, mode="rb"),
        "bz2": lambda f: bz2.BZ2File(f, mode="rb"),
        "xz": lambda f: lzma.LZMAFile(f, mode="rb"),
    }[kind](counter)
    return Guard(inner, label, budget, raw_count=lambda: counter.count), counter


# --------------------------------------------------------------------------------------------
# members


@dataclass
class Member:
    name: str | None  # path inside the archive; None: the archive itself
    size: int | None = None  # declared (uncompressed) size
    refusal: tuple[str, str] | None = None  # (code, reason) when it is not read
    _open: Callable[[], Guard] | None = None

    def open(self) -> Guard:
        """The member's bytes, guarded. For a tar member: read it before asking for the next."""
        assert self._open is not None and self.refusal is None
        return self._open()


def unsafe_path(name: str) -> str | None:
    """Why a member path is unsafe (absolute, a drive, '..'), or None."""
    norm = name.replace("\\", "/")
    if norm.startswith("/") or (len(norm) > 1 and norm[1] == ":" and norm[0].isalpha()):
        return f"its path {name!r} is absolute"
    if ".." in norm.split("/"):
        return f"its path {name!r} has a '..' component"
    return None


def _skipped(name: str) -> bool:
    parts = [p for p in name.replace("\\", "/").split("/") if p]
    return not parts or any(p.startswith(".") and p not in {".", ".."} for p in parts) or "__MACOSX" in parts


def iter_members(
    stream: BinaryIO, kind: str, label: str, budget: Budget, *, raw_count: Callable[[], int] | None = None
) -> Iterator[Member]:
    """The members of a zip (`stream` seekable) or tar (`stream` read forward only) archive.
    `raw_count`: for a tar inside a compressed layer, the compressed bytes consumed so far
    (so that each member's ratio is checked against them)."""
    if kind == "zip":
        yield from _zip_members(stream, label, budget)
    elif kind == "tar":
        yield from _tar_members(stream, label, budget, raw_count)
    else:
        raise ValueError(f"not an archive kind: {kind}")


def _count_member(budget: Budget, label: str) -> Member | None:
    budget.members += 1
    if budget.members > budget.limits.max_members:
        return Member(
            None,
            refusal=(
                "too_many_members",
                f"{label}: more than {budget.limits.max_members:,} archive "
                "members in this input file (max_members); the rest were "
                "not read",
            ),
        )
    return None


def _zip_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    try:  # many tools write UTF-8 names without setting the flag
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def is_office_zip(zf: zipfile.ZipFile) -> str | None:
    names = set(zf.namelist()[:50])
    for marker in OFFICE_MARKERS:
        if marker in names:
            return marker
    return None


def _zip_members(stream: BinaryIO, label: str, budget: Budget) -> Iterator[Member]:
    counter = CountingFile(stream)
    try:
        zf = zipfile.ZipFile(counter)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        yield Member(None, refusal=("corrupt", f"{label}: not a readable zip archive ({exc})"))
        return
    limits = budget.limits
    with zf:
        for info in zf.infolist():
            name = _zip_name(info)
            if info.is_dir() or _skipped(name):
                continue
            if stop := _count_member(budget, label):
                yield stop
                return
            mode = info.external_attr >> 16
            refusal = None
            if why := unsafe_path(name):
                refusal = ("unsafe_path", why)
            elif mode and stat.S_ISLNK(mode):
                refusal = ("link", "it is a symbolic link")
            elif mode and stat.S_IFMT(mode) and not stat.S_ISREG(mode):
                refusal = ("special_file", f"it is not a regular file (mode {stat.filemode(mode)})")
            elif info.flag_bits & 0x1:
                refusal = ("encrypted", "it is encrypted")
            elif info.file_size > limits.max_member_bytes:
                refusal = (
                    "too_large",
                    f"it declares {info.file_size:,} bytes, more than "
                    f"{limits.max_member_bytes:,} (max_member_bytes)",
                )
            elif info.file_size > limits.ratio_header_floor and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                refusal = (
                    "ratio",
                    f"it declares {info.file_size:,} bytes from "
                    f"{info.compress_size:,} compressed bytes, more than "
                    f"{limits.max_ratio:g} times; a possible archive bomb",
                )
            if refusal:
                yield Member(name, info.file_size, refusal)
                continue

            def opener(info=info, name=name) -> Guard:
                return Guard(zf.open(info), f"{label}/{name}", budget, raw_count=lambda: counter.count)

            yield Member(name, info.file_size, None, opener)


def _tar_members(
    stream: BinaryIO, label: str, budget: Budget, raw_count: Callable[[], int] | None
) -> Iterator[Member]:
    if raw_count is None:
        counter = CountingFile(stream)
        stream, raw_count = counter, (lambda: counter.count)
    limits = budget.limits
    try:
        tf = tarfile.open(fileobj=stream, mode="r|")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        yield Member(None, refusal=("corrupt", f"{label}: not a readable tar archive ({exc})"))
        return
    seen = 0
    try:
        while True:
            try:
                ti = tf.next()
            except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
                what = "truncated or corrupt" if seen else "not a readable tar archive"
                yield Member(None, refusal=("corrupt", f"{label}: {what} after {seen:,} members ({exc})"))
                return
            if ti is None:
                return
            tf.members = []  # stream mode keeps every header otherwise
            name = ti.name
            if ti.isdir() or _skipped(name):
                continue
            seen += 1
            if stop := _count_member(budget, label):
                yield stop
                return
            refusal = None
            if why := unsafe_path(name):
                refusal = ("unsafe_path", why)
            elif ti.issym():
                refusal = ("link", f"it is a symbolic link (to {ti.linkname!r})")
            elif ti.islnk():
                refusal = ("link", f"it is a hard link (to {ti.linkname!r})")
            elif ti.ischr() or ti.isblk():
                refusal = ("special_file", "it is a device file")
            elif ti.isfifo():
                refusal = ("special_file", "it is a FIFO")
            elif not ti.isreg():
                refusal = ("special_file", f"it is not a regular file (tar type {ti.type!r})")
            elif ti.size > limits.max_member_bytes:
                refusal = (
                    "too_large",
                    f"it declares {ti.size:,} bytes, more than "
                    f"{limits.max_member_bytes:,} (max_member_bytes)",
                )
            if refusal:
                yield Member(name, ti.size, refusal)
                continue

            def opener(ti=ti, name=name) -> Guard:
                return Guard(
                    tf.extractfile(ti), f"{label}/{name}", budget, raw_count=raw_count, count_total=False
                )

            yield Member(name, ti.size, None, opener)
    finally:
        try:
            tf.close()
        except Exception:  # closing a half-read stream may complain; nothing is lost
            pass


def normalise_member_name(name: str) -> str:
    """A member path for provenance: forward slashes, no './' parts."""
    norm = name.replace("\\", "/")
    while norm.startswith("./"):
        norm = norm[2:]
    return norm
