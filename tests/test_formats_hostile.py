"""Whatever the bytes, reading gives rows, never an exception."""

import io
import json
import random
import tarfile

import pytest
from formats_support import ARTICLE, articles, make_gz, make_tar, zip_bytes

from helpers.ingest.formats import iter_records

SUFFIXES = [
    ".zip",
    ".tar",
    ".tar.gz",
    ".gz",
    ".json",
    ".jsonl",
    ".csv",
    ".tsv",
    ".parquet",
    ".sgml",
    ".txt",
    "",
]


def samples(tmp):
    """Valid files of every kind, to be cut and corrupted."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = {}
    out[".zip"] = zip_bytes({"a.json": json.dumps(articles(20)), "b.txt": ARTICLE})
    out[".tar.gz"] = make_tar(
        tmp / "s.tar.gz", {"a.txt": ARTICLE * 50, "b.jsonl": "\n".join(json.dumps(a) for a in articles(20))}
    ).read_bytes()
    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w") as tf:
        info = tarfile.TarInfo("a.txt")
        info.size = len(ARTICLE.encode())
        tf.addfile(info, io.BytesIO(ARTICLE.encode()))
    out[".tar"] = tar.getvalue()
    out[".gz"] = make_gz(
        tmp / "s.gz", "<DOC>\n<DOCNO>X-1</DOCNO>\n<TEXT>\n" + ARTICLE + "\n</TEXT>\n</DOC>\n" * 20
    ).read_bytes()
    out[".json"] = json.dumps({"articles": articles(20)}).encode()
    out[".jsonl"] = "\n".join(json.dumps(a) for a in articles(20)).encode()
    out[".csv"] = (
        "text,title,date\n" + "".join(f"{ARTICLE},t{i},2018-05-{i + 1:02d}\n" for i in range(20))
    ).encode()
    buf = io.BytesIO()
    pq.write_table(pa.table({"text": [ARTICLE] * 20}), buf)
    out[".parquet"] = buf.getvalue()
    return out


@pytest.mark.parametrize("seed", range(3))
def test_cut_and_corrupted_files_never_raise(tmp, seed):
    rng = random.Random(seed)
    for suffix, data in samples(tmp).items():
        for trial in range(12):
            blob = bytearray(data)
            if trial % 3 == 0:
                blob = blob[: rng.randrange(1, len(blob))]
            else:
                for _ in range(rng.randrange(1, 20)):
                    blob[rng.randrange(len(blob))] = rng.randrange(256)
            path = tmp / f"f{seed}_{trial}{suffix}"
            path.write_bytes(bytes(blob))
            it = iter_records(path, path.name)
            if it is None:
                continue
            recs = list(it)
            assert recs, (suffix, trial)
            assert all(r.status in ("ok", "empty", "unreadable") and r.doc_id_hint for r in recs)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_random_bytes_never_raise(tmp, suffix):
    rng = random.Random(hash(suffix) & 0xFFFF)
    path = tmp / f"r{suffix}"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    it = iter_records(path, path.name)
    if it is not None:
        assert all(r.status in ("ok", "empty", "unreadable") for r in it)
