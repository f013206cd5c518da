"""Reports: executed notebooks rendered to HTML (code hidden, Arabic right-to-left) and the
index page of a run."""

from __future__ import annotations

import html
import json
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from helpers.core.io import atomic_write_text
from helpers.core.paths import PACKAGE_DIR

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


def write_index(output_dir: str | Path, run: dict) -> Path:
    """`OUT/index.html`: the run's parameters, each stage's status and duration with a link to
    its report, the tables and the figures."""
    out = Path(output_dir)
    stage_rows = "\n".join(
        f'<tr><td dir="ltr"><a href="reports/{s["name"]}.html">{html.escape(s["name"])}</a></td>'
        f'<td dir="ltr" class="{s["status"]}">{html.escape(s["status"])}</td>'
        f'<td dir="ltr">{s["seconds"]:.1f} s</td>'
        f'<td dir="ltr">{html.escape(s.get("error") or "")}</td></tr>'
        for s in run["stages"]
    )
    params = "\n".join(
        f'<tr><th dir="ltr">{html.escape(k)}</th><td dir="auto">{html.escape(str(v))}</td></tr>'
        for k, v in run["parameters"].items()
    )
    tables = "\n".join(
        f'<li dir="ltr"><a href="data/{p.name}">{p.stem}</a> (<a href="data/{p.stem}.csv">csv</a>)</li>'
        for p in sorted((out / "data").glob("*.parquet"))
    )
    figures = "\n".join(
        f'<li dir="ltr"><a href="figures/{p.name}">{p.stem}</a></li>'
        for p in sorted((out / "figures").glob("*.png"))
    )
    page = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>تقرير التحليل — Arabic news analysis run</title>
<style>
 body {{ font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif;
        max-width: 960px; margin: 2em auto; line-height: 1.6; }}
 table {{ border-collapse: collapse; margin: 1em 0; }}
 td, th {{ border: 1px solid #ccc; padding: .3em .7em; text-align: right; }}
 .ok {{ color: #17692b; }} .failed {{ color: #b00020; font-weight: bold; }}
 .skipped, .not_run {{ color: #777; }}
 code, .ltr {{ direction: ltr; unicode-bidi: isolate; }}
</style></head>
<body>
<h1>تحليل الأخبار العربية <span class="ltr">— Arabic news analysis</span></h1>
<p dir="ltr">Run finished {html.escape(run["finished"])} in {run["seconds"]:.1f} s; status:
<strong class="{"ok" if run["ok"] else "failed"}">{"ok" if run["ok"] else "failed"}</strong>.</p>
<h2>المراحل <span class="ltr">— stages</span></h2>
<table><tr><th>المرحلة stage</th><th>الحالة status</th><th>المدة duration</th><th>الخطأ error</th></tr>
{stage_rows}
</table>
<h2>المعاملات <span class="ltr">— parameters</span></h2>
<table>{params}</table>
<h2>الجداول <span class="ltr">— tables</span></h2><ul>{tables}</ul>
<h2>الأشكال <span class="ltr">— figures</span></h2><ul>{figures}</ul>
<p class="ltr"><a href="logs/run.json">run log (JSON)</a></p>
</body></html>
"""
    atomic_write_text(out / "logs" / "run.json", json.dumps(run, ensure_ascii=False, indent=1))
    return atomic_write_text(out / "index.html", page)
