"""What the notebooks show: parameters, Arabic tables right-to-left, collapsible details.

Large tables are summarised (first rows, with a pointer to the full CSV), never dumped. Every
text that comes from the input (cells, column names, captions) is escaped: an article line, a
file name or a manifest value never becomes markup in a report.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from IPython.display import HTML, Image

from helpers import catalog
from helpers.core.engine import settings
from helpers.core.io import data_dir
from helpers.core.paths import STAGING_SUFFIX

#: Rows shown of a table before it is cut (the full table is in OUT/data/).
MAX_ROWS = 40
#: Characters shown of a long text cell.
MAX_CELL_CHARS = 300


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


def table(
    df: pd.DataFrame, *, max_rows: int = MAX_ROWS, caption: str | None = None, full_table: str | None = None
) -> HTML:
    """`df` as an HTML table with `dir="rtl" lang="ar"`, cut to `max_rows` rows (saying so); cells
    and headers escaped."""
    shown = df.head(max_rows).map(_shorten) if len(df) else df
    styler = (
        shown.style.set_table_attributes('dir="rtl" lang="ar" class="dataframe"')
        .hide(axis="index")
        .format(na_rep="", precision=3, escape="html")
        .format_index(escape="html", axis=1)
    )
    if caption:
        styler = styler.set_caption(html.escape(caption))
    note = ""
    if len(df) > max_rows:
        where = f" (the full table is <code>data/{full_table}.csv</code>)" if full_table else ""
        note = f"<p dir='ltr'>Showing {max_rows} of {len(df):,} rows{where}.</p>"
    if df.empty:
        note = "<p dir='ltr'><em>No rows.</em></p>"
    return HTML(styler.to_html() + note)


def figure(fig, output_dir: str | Path, name: str) -> Image:
    """Save `fig` as OUT/figures/<name>.png and show that same PNG (rendered once)."""
    import matplotlib.pyplot as plt

    from helpers.report.plotting import save_figure

    path = save_figure(fig, output_dir, name)
    plt.close(fig)
    return Image(filename=str(path))


def collapsible(summary: str, body_html: str, *, open_: bool = False) -> HTML:
    """A <details> block: secondary material a reader can unfold."""
    return HTML(
        f"<details{' open' if open_ else ''}><summary dir='auto'>{html.escape(summary)}"
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
