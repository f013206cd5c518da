"""Scale benchmark: `python -m helpers.bench [--sizes 100 1000 10000] [--corpus FOLDER]
[--engine dask] [-p NAME=VALUE]`.

Builds synthetic corpora from the seeds' sentences (shuffled and recombined, with varied dates and
names, each page wrapped in a little boilerplate) or, with `--corpus`, copies of a real corpus (a
folder of articles with its manifest: `--corpus ../snn --sizes 1 10` runs it once and ten times,
each copy with its own ids and dates a day later), runs the whole pipeline on each, and prints per
stage seconds, the peak memory of the runner and its kernels (and Dask workers), documents per
second and the size of the largest HTML report; then how the time grows from one size to the next.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import psutil

from helpers.core.paths import SEEDS_DIR
from helpers.core.text import arabic_ratio, split_sentences
from helpers.entities import extract_entities, warm_up
from helpers.entities.api import texts_as_tables
from helpers.run import STAGES, run_pipeline
from helpers.run.__main__ import add_run_options
from helpers.timeline.timex import tag

MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
#: Names swapped into the synthetic sentences (so entities vary across documents).
NAME_SWAPS = {
    "روسيا": ["روسيا", "الصين", "إيران", "تركيا", "الهند"],
    "طاجيكستان": ["طاجيكستان", "قيرغيزستان", "أوزبكستان", "كازاخستان", "تركمانستان"],
    "لافروف": ["لافروف", "شويغو", "بيسكوف", "زاخاروفا"],
    "موسكو": ["موسكو", "بكين", "طهران", "أنقرة", "نيودلهي"],
}
BOILERPLATE_HEAD = ["الرئيسية", "أخبار", "مقالات", "اتصل بنا", "Share on Facebook"]
BOILERPLATE_TAIL = ["اقرأ أيضاً", "جميع الحقوق محفوظة © 2024", "تابعونا على"]


def seed_sentences(seeds_dir: Path = SEEDS_DIR) -> list[str]:
    """Sentences of the seed pages that read like prose (long enough, mostly Arabic)."""
    sentences = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [
            s.text for s in split_sentences(text) if len(s.text) > 60 and arabic_ratio(s.text) > 0.9
        ]
    return sentences


def synthetic_page(rng: random.Random, sentences: list[str], index: int) -> str:
    """One page: a menu, a title, a date line, 3-6 paragraphs of recombined sentences, a footer."""

    def vary(sentence: str) -> str:
        sentence = re.sub(r"\b(20[12]\d)\b", lambda _: str(rng.randint(2015, 2024)), sentence)
        for name, pool in NAME_SWAPS.items():
            sentence = sentence.replace(name, rng.choice(pool))
        return sentence

    paragraphs = [
        " ".join(vary(rng.choice(sentences)) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(3, 6))
    ]
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2018, 2024)
    title = vary(rng.choice(sentences))[:80].rsplit(" ", 1)[0]
    return (
        "\n".join(
            [
                *rng.sample(BOILERPLATE_HEAD, 3),
                title,
                f"{year}/{month:02d}/{day:02d}",
                *paragraphs,
                f"نشر في {day} {MONTHS[month - 1]} {year} - رقم {index}",
                *rng.sample(BOILERPLATE_TAIL, 2),
            ]
        )
        + "\n"
    )


def build_corpus(folder: Path, n_docs: int, seed: int = 7) -> Path:
    """Write `n_docs` synthetic pages into `folder` (deterministic for a given seed)."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        (folder / f"doc_{i:05d}.txt").write_text(synthetic_page(rng, sentences, i), encoding="utf-8")
    return folder


class PeakMemory:
    """Peak memory of this process and its children (kernels, their forked workers, Dask
    workers). Each process counts its proportional set size (PSS: pages shared with others, such
    as a forked worker's copy-on-write pages, divided among the sharers), so the sum is the
    memory the run really holds; summed resident sizes (RSS) count shared pages once per process.

    Reading PSS walks a process' page tables (about 10 ms per GB), so the summed RSS, which is
    cheap and never below the PSS, is read every 0.1 s and the PSS only when that RSS could
    be a new peak (at most every 0.5 s: with forked workers the RSS sum is often above it)."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        last_pss = 0.0
        while not self._stop.wait(0.1):
            processes = [me, *me.children(recursive=True)]
            if _total(processes, "rss") > self.peak and time.monotonic() - last_pss >= 0.5:
                last_pss = time.monotonic()
                self.peak = max(self.peak, _total(processes, "pss"))

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _total(processes: list[psutil.Process], kind: str) -> int:
    total = 0
    for proc in processes:
        try:
            total += proc.memory_info().rss if kind == "rss" else proc.memory_full_info().pss
        except psutil.Error:
            pass  # it has just ended
    return total


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended worker processes."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def entity_throughput(texts: list[str], workers: int | None = None) -> dict:
    """Entity recognition + linking throughput on `texts` (each one document body) as
    `extract_entities` runs them (in `workers` processes; None: one per core for a large corpus),
    gazetteer and labeller already loaded: {'megabytes', 'seconds', 'cpu_seconds', 'mb_per_s',
    'cpu_mb_per_s', 'mentions'} (CPU time, the workers' included, is what the machine spent on it
    when other work shares the cores)."""
    warm_up()
    documents, sentences = texts_as_tables(texts)
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    tables = extract_entities(documents, sentences, use_camel_ner=False, workers=workers)
    seconds, cpu_seconds = time.perf_counter() - started, _cpu_seconds() - cpu_started
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return {
        "megabytes": round(megabytes, 3),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "mb_per_s": round(megabytes / seconds, 2),
        "cpu_mb_per_s": round(megabytes / cpu_seconds, 2),
        "mentions": len(tables.entities),
    }


def replicate_corpus(source: Path, folder: Path, copies: int) -> Path:
    """`copies` copies of a real corpus folder (its files and `manifest.csv`) in `folder`: copy k
    has its files under `copy<k>/` (so its doc_ids differ), its manifest dates `k` days later, and
    a last line naming the copy in every UTF-8 text (so that no copy is a duplicate of another),
    as if the same news ran again on consecutive days."""
    manifest = (
        pd.read_csv(source / "manifest.csv", dtype=str, keep_default_na=False)
        if (source / "manifest.csv").exists()
        else None
    )
    files = sorted(p for p in source.rglob("*") if p.is_file() and p.name != "manifest.csv")
    rows = []
    for k in range(copies):
        for path in files:
            target = folder / f"copy{k:02d}" / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = path.read_bytes()
            try:
                data = (data.decode("utf-8") + f"\n\nنسخة {k + 1}\n").encode("utf-8") if k else data
            except UnicodeDecodeError:
                pass  # another encoding: copied as it is
            target.write_bytes(data)
        if manifest is not None:
            copy = manifest.copy()
            copy["file"] = f"copy{k:02d}/" + copy["file"]
            if "published" in copy:
                days = pd.to_datetime(copy["published"], errors="coerce") + pd.Timedelta(days=k)
                copy["published"] = days.dt.strftime("%Y-%m-%d").fillna("")
            rows.append(copy)
    if rows:
        pd.concat(rows).to_csv(folder / "manifest.csv", index=False)
    return folder


def timex_throughput(texts: list[str], repeat: int = 3) -> dict:
    """Throughput of `tag` and of dateparser's `search_dates(text, languages=['ar'])` on the same
    texts in one run, each text timed with both tools in turn (so a busy machine slows both
    alike): characters per second each, and the ratio (tag / dateparser)."""
    from dateparser.search import search_dates

    search_dates("1 يناير 2020", languages=["ar"])  # load dateparser's data outside the timing
    tag("1 يناير 2020")
    tag_seconds = dateparser_seconds = 0.0
    for _ in range(repeat):
        for text in texts:
            started = time.perf_counter()
            tag(text, "2020-01-01")
            middle = time.perf_counter()
            search_dates(text, languages=["ar"])
            tag_seconds += middle - started
            dateparser_seconds += time.perf_counter() - middle
    characters = sum(len(t) for t in texts) * repeat
    tag_rate = characters / max(tag_seconds, 1e-9)
    dateparser_rate = characters / max(dateparser_seconds, 1e-9)
    return {
        "characters": characters,
        "tag_chars_per_s": round(tag_rate),
        "dateparser_chars_per_s": round(dateparser_rate),
        "ratio": round(tag_rate / dateparser_rate, 1),
    }


def bench(
    sizes: list[int], parameters: dict | None = None, corpus: Path | None = None, **run_options
) -> list[dict]:
    """Run the pipeline on a corpus of each size (`run_options`: engine, workers, scheduler, as
    `run_pipeline` takes them); one result row per size. Without `corpus`, a size is a number of
    synthetic documents; with it (a folder of real articles and their manifest), a size is a
    number of copies of that corpus (`replicate_corpus`)."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for n in sizes:
            if corpus is None:
                folder = build_corpus(Path(tmp) / f"corpus-{n}", n)
            else:
                folder = replicate_corpus(corpus, Path(tmp) / f"corpus-{n}", n)
            n_docs = sum(1 for p in folder.rglob("*") if p.is_file() and p.name != "manifest.csv")
            out = Path(tmp) / f"out-{n}"
            t0 = time.perf_counter()
            with PeakMemory() as memory:
                record = run_pipeline(folder, out, parameters=parameters, **run_options)
            seconds = time.perf_counter() - t0
            row = {
                "docs": n_docs,
                "seconds": seconds,
                "docs_per_s": n_docs / seconds,
                "peak_gb": memory.peak / 1e9,
                "report_kb": max(p.stat().st_size for p in (out / "reports").glob("*.html")) / 1e3,
            }
            row.update({s["name"]: s["seconds"] for s in record["stages"]})
            rows.append(row)
            print(format_row(row), flush=True)
            shutil.rmtree(folder)
            shutil.rmtree(out)
    return rows


def format_row(row: dict) -> str:
    stages = " ".join(f"{name[3:]}={row[name]:.1f}s" for name in STAGES)
    return (
        f"{row['docs']:>6} docs: {row['seconds']:6.1f} s, {row['docs_per_s']:7.1f} docs/s, "
        f"peak {row['peak_gb']:.2f} GB, largest report {row['report_kb']:,.0f} kB | {stages}"
    )


def growth(rows: list[dict]) -> list[str]:
    """How time grows between consecutive sizes: documents ratio, time ratio, and time per
    document relative to the smaller size (1.0 = linear)."""
    lines = []
    for small, big in zip(rows, rows[1:], strict=False):
        docs, secs = big["docs"] / small["docs"], big["seconds"] / small["seconds"]
        lines.append(
            f"{small['docs']} -> {big['docs']} docs: {docs:.0f}x the documents, "
            f"{secs:.1f}x the time ({secs / docs:.2f}x per document; 1.0 = linear)"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[100, 1000, 10000],
        help="documents per synthetic corpus, or copies of --corpus",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help="a folder of real articles (with manifest.csv) to replicate instead of synthetic pages",
    )
    add_run_options(parser)
    args = parser.parse_args(argv)
    rows = bench(
        args.sizes,
        dict(args.params),
        corpus=args.corpus,
        engine=args.engine,
        workers=args.workers,
        scheduler=args.scheduler,
    )
    for line in growth(rows):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
