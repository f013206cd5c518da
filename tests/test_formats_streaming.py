"""Bounded memory: big files are read record by record, never whole."""

import gzip
import json
import random
import tracemalloc

from formats_support import ARTICLE

from helpers.ingest.formats import iter_records

SMALL = {
    "title": "عنوان",
    "text": ARTICLE,
    "url": "http://x.sa/1",
    "source": "okaz",
    "date": "2018-05-19T13:54:22+03:00",
}


def peak_while_reading(path, rel):
    tracemalloc.start()
    try:
        n = ok = 0
        for rec in iter_records(path, rel):
            n += 1
            ok += rec.status == "ok"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return n, ok, peak


def write_jsonl(path, n):
    line = json.dumps(SMALL, ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(line.replace("/1", f"/{i}") + "\n")


def write_json_array(path, n):
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"articles": [')
        for i in range(n):
            f.write(("," if i else "") + json.dumps(SMALL, ensure_ascii=False))
        f.write("]}")


def test_jsonl_memory_does_not_grow_with_the_file(tmp):
    peaks = []
    for n in (8_000, 32_000):
        write_jsonl(tmp / f"{n}.jsonl", n)
        read, ok, peak = peak_while_reading(tmp / f"{n}.jsonl", f"{n}.jsonl")
        assert read == ok == n
        peaks.append(peak)
    size = (tmp / "32000.jsonl").stat().st_size
    assert peaks[1] < 1.5 * peaks[0] and peaks[1] < size / 4, (peaks, size)


def test_json_array_memory_does_not_grow_with_the_file(tmp):
    peaks = []
    for n in (8_000, 32_000):
        write_json_array(tmp / f"{n}.json", n)
        read, ok, peak = peak_while_reading(tmp / f"{n}.json", f"{n}.json")
        assert read == ok == n
        peaks.append(peak)
    size = (tmp / "32000.json").stat().st_size
    assert peaks[1] < 1.5 * peaks[0] and peaks[1] < size / 4, (peaks, size)


def write_gigaword(path, n):
    # varied words and numbers: a real-looking compression ratio (a file repeating one document
    # compresses more than 100 times and is rightly refused as a possible bomb)
    rng = random.Random(0)
    words = ARTICLE.split()
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(n):
            paras = [
                "\n".join(
                    " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(12))
                    for _ in range(3)
                )
                for _ in range(2)
            ]
            f.write(
                f'<DOC id="AFP_ARB_20000101.{i:05d}" type="story" >\n<HEADLINE>\nعنوان {i}\n'
                "</HEADLINE>\n<TEXT>\n<P>\n" + "\n</P>\n<P>\n".join(paras) + "\n</P>\n</TEXT>\n</DOC>\n"
            )


def test_gzipped_sgml_memory_does_not_grow_with_the_file(tmp):
    peaks = []
    for n in (1_500, 6_000):
        write_gigaword(tmp / f"afp_arb2000{n}.gz", n)
        read, ok, peak = peak_while_reading(tmp / f"afp_arb2000{n}.gz", f"afp_arb2000{n}.gz")
        assert read == ok == n
        peaks.append(peak)
    assert peaks[1] < 1.5 * peaks[0], peaks
