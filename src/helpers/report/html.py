"""Reports: executed notebooks rendered to HTML (code hidden, Arabic right-to-left, report tables
sortable and filterable by the template's script) and the index page of a run (what the corpus
holds, what each report answers, the tables and figures)."""

from __future__ import annotations

import html
import json
from pathlib import Path

import nbformat
import pandas as pd
from nbconvert import HTMLExporter

from helpers import catalog
from helpers.core.io import atomic_write_text, has_text
from helpers.core.paths import PACKAGE_DIR
from helpers.report.labels import status_label

TEMPLATES_DIR = PACKAGE_DIR / "report" / "templates"


def notebook_to_html(notebook_path: str | Path, html_path: str | Path) -> Path:
    """Render an executed notebook to HTML: inputs hidden, `lang="ar"`, offline template."""
    exporter = HTMLExporter(
        template_name="rtl_report",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.language_code = "ar"
    nb = nbformat.read(str(notebook_path), as_version=4)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": Path(html_path).stem}})
    return atomic_write_text(html_path, body)


#: What each report answers (Arabic, English): one line on the index page.
REPORT_QUESTIONS = {
    "01_ingest": (
        "ما الذي قرئ من الملفات، وما الذي تعذرت قراءته ولماذا",
        "which files were read, which could not be, and why",
    ),
    "02_clean": (
        "نص كل مقال وعنوانه ومصدره وكاتبه وتاريخه، وما حذف من الصفحة",
        "each article's text, title, outlet, author and date, and what was cut from the page",
    ),
    "03_entities": (
        "من وماذا يذكر كل مقال: الأشخاص والأماكن والمنظمات",
        "who and what each article names: people, places, organisations",
    ),
    "04_timeline": (
        "ماذا حدث ومتى: التواريخ والأحداث على خط زمني",
        "what happened when: the dates and events on a timeline",
    ),
    "05_comparison": (
        "أي المقالات تروي القصة نفسها، وكيف تختلف رواياتها ومن تقتبس؛ من تبرز المصادر، وبأي كلمات",
        "which articles report the same story, how their accounts differ and whom they quote; whom "
        "the outlets put forward, in which words",
    ),
}
#: What each figure shows (Arabic, English), by file name; others are listed by name.
FIGURE_CAPTIONS = {
    "top_entities": ("الكيانات الأكثر ذكرا", "the most mentioned entities"),
    "timeline": ("متى وقعت الأحداث التي يرويها كل مقال أو مصدر", "when the reported events happen"),
    "corpus": ("طول المقالات حسب المصدر", "article lengths by outlet"),
    "outlets": ("المصادر جنبا إلى جنب", "the outlets side by side"),
    "story_coverage": ("من غطى أي قصة", "which outlet reports which story"),
    "story_timeline": ("متى وقعت أحداث أكبر القصص", "when the events of the largest stories happen"),
    "entity_salience": ("من يبرز كل مقال أو مصدر", "whom each article or outlet puts forward"),
    "cooccurrence": ("من يذكر مع من", "who is named with whom"),
    "doc_similarity": ("تشابه الصياغة بين المقالات", "wording similarity between articles"),
    "distinctive_terms": (
        "الكلمات التي تميز كل مصدر أو مقال",
        "the words that set each outlet or article apart",
    ),
}
#: Outlets named in the index's summary (the rest are counted).
SUMMARY_OUTLETS = 12


def corpus_summary(output_dir: str | Path) -> dict:
    """What a run read, from its tables: documents (total), by_status {status: n}, analysed (ok),
    outlets [(outlet, n)] of the analysed documents (most first) and n_outlets, undated (analysed
    without a publication date), first and last publication day, stories (rows of
    `story_catalogue` when that table exists, else None). Empty when there is no documents table."""
    data = Path(output_dir) / "data"
    path = data / "documents.parquet"
    if not path.exists():
        return {}
    import pyarrow.parquet as pq

    wanted = ["doc_id", "status", "outlet", "published"]
    present = [c for c in wanted if c in pq.ParquetFile(path).schema_arrow.names]
    docs = pd.read_parquet(path, columns=present)
    for column in wanted:
        if column not in docs:
            docs[column] = None
    ok = docs[docs["status"] == "ok"]
    outlets = ok["outlet"].where(ok["outlet"].map(has_text)).dropna().astype(str).str.strip()
    counts = outlets.value_counts()
    ranked = sorted(counts.index, key=lambda o: (-counts[o], o))
    days = ok["published"].where(ok["published"].map(has_text)).dropna().astype(str).str[:10]
    stories = None
    if (data / "story_catalogue.parquet").exists():
        stories = pq.ParquetFile(data / "story_catalogue.parquet").metadata.num_rows
    by_status = docs["status"].fillna("unknown").value_counts()
    return {
        "documents": len(docs),
        "by_status": {
            k: int(by_status[k]) for k in sorted(by_status.index, key=lambda k: (-by_status[k], k))
        },
        "analysed": len(ok),
        "outlets": [(o, int(counts[o])) for o in ranked],
        "n_outlets": len(ranked),
        "no_outlet": int(len(ok) - len(outlets)),
        "undated": int(len(ok) - len(days)),
        "first": days.min() if len(days) else None,
        "last": days.max() if len(days) else None,
        "stories": stories,
    }


def _bi(arabic: str, english: str) -> str:
    """Arabic words with their English beside them (both escaped)."""
    return f"{html.escape(arabic)} <span class='ltr' lang='en'>{html.escape(english)}</span>"


def _number(n: int) -> str:
    return f"<strong dir='ltr'>{n:,}</strong>"


def _summary_html(summary: dict) -> str:
    if not summary:
        return "<p>لم تقرأ أي وثيقة بعد <span class='ltr' lang='en'>· no documents table yet</span></p>"
    statuses = "".join(
        f"<tr><td>{html.escape(status_label(k))}</td><td dir='ltr'>{n:,}</td></tr>"
        for k, n in summary["by_status"].items()
    )
    outlets = "، ".join(
        f"<bdi>{html.escape(o)}</bdi> ({n:,})" for o, n in summary["outlets"][:SUMMARY_OUTLETS]
    )
    more = summary["n_outlets"] - min(summary["n_outlets"], SUMMARY_OUTLETS)
    if more:
        outlets += f" و{more:,} أخرى <span class='ltr' lang='en'>(and {more:,} more)</span>"
    if summary["no_outlet"]:
        outlets += (
            f"؛ بلا مصدر: {summary['no_outlet']:,} "
            f"<span class='ltr' lang='en'>(without an outlet: {summary['no_outlet']:,})</span>"
        )
    if summary["first"]:
        span = (
            summary["first"]
            if summary["first"] == summary["last"]
            else f"{summary['first']} – {summary['last']}"
        )
        dates = f"<bdi dir='ltr'>{html.escape(span)}</bdi>"
    else:
        dates = "لا توجد تواريخ نشر <span class='ltr' lang='en'>(no publication dates)</span>"
    if summary["undated"]:
        dates += (
            f"؛ بلا تاريخ: {summary['undated']:,} "
            f"<span class='ltr' lang='en'>(without a date: {summary['undated']:,})</span>"
        )
    items = [
        f"<li>{_bi('الوثائق', 'documents')}: {_number(summary['documents'])}، "
        f"منها {_number(summary['analysed'])} حللت "
        f"<span class='ltr' lang='en'>({summary['analysed']:,} analysed)</span></li>",
        f"<li>{_bi('المصادر', 'outlets')}: {_number(summary['n_outlets'])}"
        f"{': ' + outlets if outlets else ''}</li>",
        f"<li>تواريخ النشر <span class='ltr' lang='en'>publication dates</span>: {dates}</li>",
    ]
    if summary["stories"] is not None:
        items.append(
            f"<li>القصص الإخبارية <span class='ltr' lang='en'>stories</span>: "
            f"<strong dir='ltr'>{summary['stories']:,}</strong></li>"
        )
    return (
        f"<ul class='summary'>{''.join(items)}</ul>"
        "<table class='statuses'><tr><th>الحالة <span class='ltr' lang='en'>status</span></th>"
        f"<th>الوثائق <span class='ltr' lang='en'>documents</span></th></tr>{statuses}</table>"
    )


def write_index(output_dir: str | Path, run: dict) -> Path:
    """`OUT/index.html`, in Arabic and English: what the corpus holds (`corpus_summary`), one line
    per report saying what it answers with its stage's status and duration, the tables (CSV,
    with the parquet file beside it) and the figures, and the run's parameters."""
    out = Path(output_dir)
    reports = "\n".join(
        f'<tr><td dir="ltr"><a href="reports/{s["name"]}.html">{html.escape(s["name"])}</a></td>'
        f"<td>{html.escape(REPORT_QUESTIONS.get(s['name'], ('', ''))[0])}"
        f'<br><span class="en" dir="ltr" lang="en">'
        f"{html.escape(REPORT_QUESTIONS.get(s['name'], ('', ''))[1])}</span></td>"
        f'<td dir="ltr" class="{html.escape(s["status"])}">{html.escape(s["status"])}</td>'
        f'<td dir="ltr">{s["seconds"]:.1f} s</td>'
        f'<td dir="ltr">{html.escape(s.get("error") or "")}</td></tr>'
        for s in run["stages"]
    )
    params = "\n".join(
        f'<tr><th dir="ltr">{html.escape(k)}</th><td dir="auto">{html.escape(str(v))}</td></tr>'
        for k, v in run["parameters"].items()
    )
    tables = "\n".join(_table_row(out, p) for p in sorted((out / "data").glob("*.parquet")))
    figures = "\n".join(_figure_item(p) for p in sorted((out / "figures").glob("*.png")))
    status = "ok" if run["ok"] else "failed"
    page = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>تحليل الأخبار العربية — Arabic news analysis</title>
<style>
 body {{ font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif;
        max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.6; }}
 table {{ border-collapse: collapse; margin: 1em 0; }}
 td, th {{ border: 1px solid #ccc; padding: .3em .7em; text-align: right; vertical-align: top; }}
 .ok {{ color: #17692b; }} .failed {{ color: #b00020; font-weight: bold; }}
 .skipped, .not_run {{ color: #777; }}
 code, .ltr {{ direction: ltr; unicode-bidi: isolate; }}
 .en {{ color: #555; font-size: 90%; }}
 h2 .ltr, h1 .ltr {{ color: #555; font-weight: normal; }}
 .figures {{ display: flex; flex-wrap: wrap; gap: 1em; list-style: none; padding: 0; }}
 .figures li {{ width: 240px; }}
 .figures img {{ width: 240px; height: 160px; object-fit: contain; border: 1px solid #ddd; }}
</style></head>
<body>
<h1>تحليل الأخبار العربية <span class="ltr" lang="en">— Arabic news analysis</span></h1>
<p>انتهى التشغيل <bdi dir="ltr">{html.escape(run["finished"])}</bdi>
في <bdi dir="ltr">{run["seconds"]:.1f} s</bdi>؛
الحالة: <strong class="{status}">{"سليم" if run["ok"] else "فشل"}</strong>
<span class="ltr" lang="en">· run finished in {run["seconds"]:.1f} s,
status <strong class="{status}">{status}</strong></span></p>
<h2>المجموعة <span class="ltr" lang="en">— the corpus</span></h2>
{_summary_html(corpus_summary(out))}
<h2>التقارير <span class="ltr" lang="en">— reports</span></h2>
<table><tr><th>التقرير <span class="en">report</span></th><th>يجيب عن <span class="en">answers</span></th>
<th>الحالة <span class="en">status</span></th><th>المدة <span class="en">duration</span></th>
<th>الخطأ <span class="en">error</span></th></tr>
{reports}
</table>
<h2>الجداول <span class="ltr" lang="en">— tables</span></h2>
<p>ملفات CSV تفتح في جداول البيانات، وملفات parquet تحفظ كل نص كما هو
<span class="ltr" lang="en">· CSV files open in a spreadsheet; parquet files keep every text
exactly</span></p>
<table><tr><th>الجدول <span class="en">table</span></th><th>يحتوي <span class="en">holds</span></th>
<th>الصفوف <span class="en">rows</span></th><th>الملفات <span class="en">files</span></th></tr>
{tables}
</table>
<h2>الأشكال <span class="ltr" lang="en">— figures</span></h2>
<ul class="figures">{figures}</ul>
<details><summary>المعاملات <span class="ltr" lang="en">— parameters</span></summary>
<table>{params}</table></details>
<p class="ltr" lang="en"><a href="logs/run.json">run log (JSON)</a></p>
</body></html>
"""
    atomic_write_text(out / "logs" / "run.json", json.dumps(run, ensure_ascii=False, indent=1))
    return atomic_write_text(out / "index.html", page)


def _table_row(out: Path, parquet: Path) -> str:
    import pyarrow.parquet as pq

    name = parquet.stem
    try:
        meaning = catalog.table(name).meaning
    except KeyError:
        meaning = ""
    rows = pq.ParquetFile(parquet).metadata.num_rows
    csv = (
        f'<a href="data/{html.escape(name)}.csv">{html.escape(name)}.csv</a>'
        if (out / "data" / f"{name}.csv").exists()
        else ""
    )
    return (
        f'<tr><td dir="ltr"><code>{html.escape(name)}</code></td>'
        f'<td dir="ltr" lang="en">{html.escape(meaning)}</td><td dir="ltr">{rows:,}</td>'
        f'<td dir="ltr">{csv} <span class="en">(<a href="data/{html.escape(parquet.name)}">parquet</a>)'
        "</span></td></tr>"
    )


def _figure_item(png: Path) -> str:
    arabic, english = FIGURE_CAPTIONS.get(png.stem, ("", png.stem))
    name = html.escape(png.name)
    return (
        f'<li><a href="figures/{name}">'
        f'<img src="figures/{name}" alt="{html.escape(english)}"></a>'
        f"<br>{html.escape(arabic)} <span class='en' dir='ltr' lang='en'>{html.escape(english)}</span></li>"
    )
