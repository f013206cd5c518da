"""What the notebooks show: parameters, Arabic tables right-to-left, collapsible details.

Large tables are summarised (their first rows, a filter and sortable columns in the reports, a
pointer to the full CSV), never dumped. Headers are in Arabic over the English column names;
articles and entities can be shown by name (`labels`). Every text that comes from the input
(cells, column names, captions) is escaped: an article line, a file name or a manifest value
never becomes markup in a report.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from IPython.display import HTML, Image

from helpers import catalog
from helpers.core.engine import settings
from helpers.core.io import data_dir, has_text
from helpers.core.paths import STAGING_SUFFIX
from helpers.report import labels

#: Rows of a table put in a report (the full table is in OUT/data/); the reports' script shows
#: the first SUMMARY_ROWS of them, with a filter box, sortable columns and a "show all" button.
MAX_ROWS = 200
SUMMARY_ROWS = 15
#: Characters shown of a long text cell.
MAX_CELL_CHARS = 300
#: Columns of ids (shown isolated: an id such as `per:فلاديمير_فرولوف` keeps its order inside
#: Arabic) and of '|'-joined ids (each isolated).
ID_COLUMNS = {"doc_id", "doc_a", "doc_b", "entity_id", "entity_a", "entity_b", "cluster_id", "source_path"}
ID_LIST_COLUMNS = {"doc_ids", "entity_ids", "top_entities"}
#: Ids shown of a '|'-joined list (the rest are counted).
MAX_LISTED_IDS = 5
#: Columns of dates and ids, never broken across lines.
UNBROKEN_COLUMNS = {
    "doc_id",
    "doc_a",
    "doc_b",
    "cluster_id",
    "published",
    "published_at",
    "date_anchor",
    "date_start",
    "date_end",
    "anchor",
    "value",
    "date",
}


def parameters(**values) -> HTML:
    """The stage's parameters, readably (papermill's injected cell is hidden in reports), and the
    run options of the per-document work (`engine.settings`). The runner's staging folder is
    named as the output folder it becomes when the run passes."""

    def readable(value) -> str:
        text = str(value)
        if text.endswith(STAGING_SUFFIX):
            staging = Path(text)
            final = staging.with_name(staging.name[: -len(STAGING_SUFFIX)])
            text = f"{final} (written to {staging.name} until the run passes)"
        return html.escape(text)

    rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
        f"<td dir='auto'><code>{readable(v)}</code></td></tr>"
        for k, v in {**values, "run options": settings().describe()}.items()
    )
    return HTML(f"<table dir='ltr'>{rows}</table>")


def _shorten(value):
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        return value[:MAX_CELL_CHARS] + " …"
    return value


def _isolated(column: str, value):
    """An id cell isolated (`labels.isolate`), a '|'-joined list of ids isolated id by id."""
    if not isinstance(value, str) or not value:
        return value
    if column in ID_LIST_COLUMNS:
        ids = value.split("|")
        more = f" … (+{len(ids) - MAX_LISTED_IDS})" if len(ids) > MAX_LISTED_IDS else ""
        return " | ".join(labels.isolate(v) for v in ids[:MAX_LISTED_IDS]) + more
    return labels.isolate(value)


def _breakable_list(value):
    """A '|'-joined list with spaces around its bars, so that a narrow cell can wrap it."""
    if isinstance(value, str) and "|" in value and " | " not in value:
        return " | ".join(value.split("|"))
    return value


def _decimal(value) -> str:
    """A float with at most three decimals and no trailing zeros: 0.1, 449, 12.345."""
    if pd.isna(value):
        return ""
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _header(column) -> str:
    """A column's header: its Arabic name over its English one (escaped)."""
    arabic, english = labels.column_label(column)
    english = html.escape(english)
    if not arabic:
        return english
    return f"{html.escape(arabic)}<br><span class='en' dir='ltr' lang='en'>{english}</span>"


def table(
    df: pd.DataFrame,
    *,
    max_rows: int = MAX_ROWS,
    caption: str | None = None,
    full_table: str | None = None,
    articles: pd.Series | None = None,
    catalogue: pd.DataFrame | None = None,
) -> HTML:
    """`df` as an HTML table with `dir="rtl" lang="ar"`: headers in Arabic over the English column
    names, ids isolated, statuses and entity types in words, cut to `max_rows` rows (saying so,
    and where the full table is); cells and headers escaped. `articles`
    (`labels.article_labels`) shows document ids as article labels, `catalogue` entity ids as
    canonical names with English beside them. In a report, the first SUMMARY_ROWS rows show,
    with a filter, sortable columns and a button for the rest (the template's script)."""
    if articles is not None:
        df = labels.label_articles(df, articles)
    if catalogue is not None:
        df = labels.name_entities(df, catalogue)
    shown = df.head(max_rows).map(_shorten) if len(df) else df
    if len(shown):
        shown = shown.copy()
        # statuses and entity types in words, when the column holds nothing else
        for column, words, name in (
            ("status", labels.STATUS_NAMES, labels.status_label),
            ("type", labels.TYPE_NAMES, labels.type_label),
        ):
            if column in shown and set(shown[column].dropna()) <= set(words):
                shown[column] = shown[column].map(name, na_action="ignore")
        for column in shown.columns:
            if column in ID_COLUMNS or column in ID_LIST_COLUMNS:
                shown[column] = shown[column].map(lambda v, c=column: _isolated(c, v))
            elif not pd.api.types.is_numeric_dtype(shown[column]):  # '|'-joined outlets: breakable
                shown[column] = shown[column].map(_breakable_list)
    styler = (
        shown.style.set_table_attributes(
            f'dir="rtl" lang="ar" class="dataframe report-table" data-rows="{len(df)}" '
            f'data-summary="{SUMMARY_ROWS}"'
        )
        .hide(axis="index")
        .format(na_rep="", precision=3, escape="html")
        .format_index(_header, axis=1, escape=None)
    )
    unbroken = [c for c in shown.columns if c in UNBROKEN_COLUMNS]
    if unbroken:  # a date or an id is not broken at its hyphens
        styler = styler.set_properties(subset=unbroken, **{"white-space": "nowrap"})
    decimals = [c for c in shown.columns if pd.api.types.is_float_dtype(shown[c])]
    if decimals:
        styler = styler.format(_decimal, subset=decimals, na_rep="")
    if caption:
        styler = styler.set_caption(html.escape(caption))
    note = ""
    if len(df) > max_rows:
        where = f" (the full table: <code>data/{html.escape(full_table)}.csv</code>)" if full_table else ""
        note = (
            f"<p class='table-note' dir='rtl'>يعرض التقرير {max_rows:,} صفا من {len(df):,} · "
            f"<span dir='ltr' lang='en'>{max_rows:,} of {len(df):,} rows in this report{where}</span></p>"
        )
    if df.empty:
        note = "<p class='table-note' dir='rtl'>لا توجد صفوف · <span dir='ltr' lang='en'>no rows</span></p>"
    return HTML(styler.to_html() + note)


def figure(fig, output_dir: str | Path, name: str) -> Image:
    """Save `fig` as OUT/figures/<name>.png and show that same PNG (rendered once)."""
    import matplotlib.pyplot as plt

    from helpers.report.plotting import save_figure

    path = save_figure(fig, output_dir, name)
    plt.close(fig)
    return Image(filename=str(path))


def collapsible(summary: str, body_html: str, *, open_: bool = False) -> HTML:
    """A <details> block: secondary material a reader can unfold. A summary with Arabic in it
    reads right to left (whatever its first letter: an article's file name may come first)."""
    direction = "rtl" if labels.has_arabic(summary) else "auto"
    return HTML(
        f"<details{' open' if open_ else ''}><summary dir='{direction}'>{html.escape(summary)}"
        f"</summary>{body_html}</details>"
    )


def tables_written(output_dir: str | Path, stage: str) -> HTML:
    """The tables `stage` writes (from the catalogue), what each holds and its row count."""
    folder = data_dir(output_dir)
    rows = []
    for name in catalog.STAGES[stage].writes:
        path = folder / f"{name}.parquet"
        n = pq.ParquetFile(path).metadata.num_rows if path.exists() else 0
        rows.append(
            {
                "table": name,
                "holds": catalog.table(name).meaning,
                "rows": n,
                "files": f"data/{name}.parquet, data/{name}.csv",
            }
        )
    return table(pd.DataFrame(rows))


#: What a missing metadata field costs, in Arabic and English.
_GAP_COSTS = {
    "published": (
        "بلا تاريخ نشر: لا تُحسب التواريخ النسبية («أمس»، «الاثنين») إلا من تواريخ يذكرها النص",
        "no publication date: relative dates (yesterday, on Monday) are anchored only where the text "
        "states a date",
    ),
    "outlet": (
        "بلا مصدر: لا تميز المقارنة بين مصادرها",
        "no outlet: the comparison cannot tell their outlets apart",
    ),
    "title": ("بلا عنوان: تُسمى بأسماء ملفاتها", "no title: they are named by their file names"),
}


def metadata_gaps(documents: pd.DataFrame) -> HTML:
    """What the analysed documents lack (date, outlet, title), what that costs, and how to supply
    it (a manifest.csv; see the README); a short all-clear when nothing is missing."""
    analysed = documents[documents["status"] == "ok"]
    lines = []
    for column, (arabic, english) in _GAP_COSTS.items():
        missing = int((~analysed[column].map(has_text)).sum()) if column in analysed else len(analysed)
        if missing:
            lines.append(
                f"<li><strong>{missing:,}</strong> / {len(analysed):,} {html.escape(arabic)}"
                f"<br><span dir='ltr'>{missing:,} of {len(analysed):,}: {html.escape(english)}</span></li>"
            )
    if not lines:
        return HTML(
            "<p>لكل وثيقة تاريخ ومصدر وعنوان. <span dir='ltr'>Every document has a date, an outlet and "
            "a title.</span></p>"
        )
    hint = (
        "<p>أضف ملف <code>manifest.csv</code> إلى مجلد المدخلات بأعمدة file وpublished وoutlet وtitle "
        "(انظر README: «A manifest for plain-text articles»). <span dir='ltr'>Add a "
        "<code>manifest.csv</code> with columns file, published, outlet, title to the input folder "
        '(README: "A manifest for plain-text articles").</span></p>'
    )
    return HTML("<ul>" + "".join(lines) + "</ul>" + hint)
