"""The report tables in a browser: summarised by default, filterable and sortable by the report
template's offline script, every cell still text (a cell holding markup stays text)."""

import nbformat
import pandas as pd
import pytest
from browser_check import chromium_available, launch

from helpers.report import show
from helpers.report.html import notebook_to_html

pytestmark = pytest.mark.browser

PAYLOAD = "<img src=x onerror=\"window.__pwned='table'\">"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    rows = 40
    df = pd.DataFrame(
        {
            "doc_id": [f"d{i:02d}" for i in range(rows)],
            "outlet": ["عكاظ" if i % 2 else "الرياض" for i in range(rows)],
            "n_tokens": [(i * 37) % 100 for i in range(rows)],
            "title": [PAYLOAD if i == 7 else f"عنوان {i}" for i in range(rows)],
        }
    )
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show.table(df)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": show.table(df).data})]
    nb.cells = [cell]
    folder = tmp_path_factory.mktemp("report")
    nbformat.write(nb, folder / "t.ipynb")
    return notebook_to_html(folder / "t.ipynb", folder / "t.html")


@pytest.fixture(scope="module")
def page(report):
    if not chromium_available():
        pytest.skip("needs Debian's chromium (/usr/bin/chromium) and the playwright package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        tab = browser.new_page()
        tab.route(lambda url: not url.startswith(("file:", "data:", "about:")), lambda route: route.abort())
        tab.goto(report.as_uri(), wait_until="load")
        yield tab
        browser.close()


VISIBLE = (
    "() => [...document.querySelectorAll('table.report-table tbody tr')]"
    ".filter(r => r.style.display !== 'none')"
)


def visible_first_cells(page):
    return page.evaluate(VISIBLE + ".map(r => r.cells[0].textContent.replace(/[\\u2066-\\u2069]/g, ''))")


def test_a_large_table_shows_its_first_rows_with_tools(page):
    assert len(visible_first_cells(page)) == show.SUMMARY_ROWS
    assert page.locator(".table-tools input[type=search]").count() == 1
    page.click(".table-tools button")
    assert len(visible_first_cells(page)) == 40
    page.click(".table-tools button")
    assert len(visible_first_cells(page)) == show.SUMMARY_ROWS


def test_the_filter_matches_folded_arabic(page):
    page.fill(".table-tools input", "عكاظ")
    shown = visible_first_cells(page)
    assert len(shown) == 20 and all(int(d[1:]) % 2 for d in shown)
    page.fill(".table-tools input", "")


def test_columns_sort_numerically_and_back(page):
    header = page.locator("table.report-table thead th").nth(2)  # n_tokens
    header.click()
    page.click(".table-tools button")
    values = page.evaluate(VISIBLE + ".map(r => Number(r.cells[2].textContent))")
    assert values == sorted(values)
    header.click()
    values = page.evaluate(VISIBLE + ".map(r => Number(r.cells[2].textContent))")
    assert values == sorted(values, reverse=True)


def test_headers_are_arabic_over_english(page):
    texts = page.evaluate(
        "() => [...document.querySelectorAll('table.report-table thead th')].map(t => t.innerText)"
    )
    assert texts[1].split("\n")[0].strip() == "المصدر" and "outlet" in texts[1]


def test_a_cell_holding_markup_stays_text(page):
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.locator('table.report-table img[src="x"]').count() == 0
    assert PAYLOAD in page.evaluate("() => document.querySelector('table.report-table').innerText")


def test_metadata_gaps_say_what_is_missing_and_how_to_supply_it():
    from helpers.report.show import metadata_gaps

    documents = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "status": ["ok", "ok", "empty"],
            "published": ["2015-08-06", None, None],
            "outlet": [None, None, None],
            "title": ["عنوان", "عنوان آخر", None],
        }
    )
    page = metadata_gaps(documents).data
    assert "1 of 2: no publication date" in page and "2 of 2: no outlet" in page
    assert "no title" not in page and "manifest.csv" in page
    complete = documents.assign(published="2015-08-06", outlet="okaz", title="t")
    assert "Every document has a date" in metadata_gaps(complete).data


def test_a_joined_list_of_outlets_can_wrap_in_a_narrow_cell():
    html_text = show.table(pd.DataFrame({"story_id": ["s1"], "outlets": ["okaz|riyadh|sabq"]})).data
    assert "okaz | riyadh | sabq" in html_text
