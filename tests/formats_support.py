"""Small corpora in the forms researchers get them (archives, record files), for the format tests."""

import gzip
import io
import stat
import tarfile
import zipfile
from pathlib import Path


def read_all(path: Path, rel: str | None = None, **kw):
    from helpers.ingest.formats import iter_records

    it = iter_records(path, rel or path.name, **kw)
    assert it is not None, f"{path} was not taken as a container"
    return list(it)


def make_zip(
    path: Path, members: dict, *, symlinks: dict | None = None, compression=zipfile.ZIP_DEFLATED
) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return path


def zip_bytes(members: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def make_tar(
    path: Path, members: dict, mode: str = "w:gz", *, symlinks: dict | None = None, fifos: list | None = None
) -> Path:
    with tarfile.open(path, mode) as tf:
        for name, data in members.items():
            data = data.encode("utf-8") if isinstance(data, str) else data
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        for name, target in (symlinks or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            tf.addfile(info)
        for name in fifos or []:
            info = tarfile.TarInfo(name)
            info.type = tarfile.FIFOTYPE
            tf.addfile(info)
    return path


def make_gz(path: Path, data: bytes | str) -> Path:
    data = data.encode("utf-8") if isinstance(data, str) else data
    with gzip.open(path, "wb") as f:
        f.write(data)
    return path


ARTICLE = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة."


def articles(n: int, **extra) -> list[dict]:
    return [
        {
            "title": f"عنوان {i}",
            "content": f"{ARTICLE} رقم {i}",
            "url": f"http://x.sa/{i}",
            "source": "okaz",
            "author": "",
            "date_extracted": "2015-08-06 01:00:00",
            **extra,
        }
        for i in range(n)
    ]
