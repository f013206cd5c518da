"""Hostile text through every report and table: file names, manifest values, bylines, article
lines and escaped markup in HTML pages are shown as text in the reports (Chromium runs no script
and builds no element from them) and neutralised in the CSV files."""

import csv

import pytest
from browser_check import chromium_available, launch

from helpers.core.paths import SEEDS_DIR
from helpers.run import STAGES, run_pipeline

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

#: Each payload, if it ran, would set window.__pwned or add an element with an id "injected-...".
PAYLOADS = [
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<script>window.__pwned='script'</script>",
    '<b id="injected-b">bold</b>',
    '<iframe id="injected-frame" srcdoc="x"></iframe>',
    "<svg onload=\"window.__pwned='svg'\"></svg>",
]
FORMULA_NAME = "=1+2"


@pytest.fixture(scope="module")
def hostile_output(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    text = [p.read_text(encoding="utf-8") for p in seeds]
    # a file name that is markup, and one that is a formula
    (folder / (PAYLOADS[0].replace("/", "") + ".txt")).write_text(text[0], encoding="utf-8")
    (folder / f"{FORMULA_NAME}.txt").write_text(text[1], encoding="utf-8")
    # a byline and an article line that are markup
    lines = text[2].splitlines()
    lines.insert(2, f"بقلم {PAYLOADS[2]}")
    lines.insert(len(lines) // 2, f"{lines[len(lines) // 2]} {PAYLOADS[3]} {PAYLOADS[4]}")
    (folder / "byline.txt").write_text("\n".join(lines), encoding="utf-8")
    # an HTML page whose text holds escaped markup (it becomes markup once read)
    escaped = PAYLOADS[1].replace("<", "&lt;").replace(">", "&gt;")
    paragraphs = "".join(f"<p>{p} {escaped}</p>" for p in text[3].splitlines() if len(p) > 80)
    (folder / "page.html").write_text(
        f"<!DOCTYPE html><html><head><title>{escaped}</title></head><body><article><h1>{escaped}</h1>"
        f"{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    # manifest values that are markup or formulas
    (folder / "plain.txt").write_text(text[4], encoding="utf-8")
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "title", "author", "outlet"])
        writer.writerow(["plain.txt", PAYLOADS[1], PAYLOADS[2], '=HYPERLINK("http://evil")'])
    out = tmp_path_factory.mktemp("run") / "out"
    run_pipeline(folder, out)
    return out


def test_no_report_runs_a_script_or_gains_an_element(hostile_output):
    if not chromium_available():
        pytest.skip("needs Debian's chromium (/usr/bin/chromium) and the playwright package")
    from playwright.sync_api import sync_playwright

    pages = [hostile_output / "index.html"] + [hostile_output / "reports" / f"{s}.html" for s in STAGES]
    shown = ""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for path in pages:
                page = browser.new_page()
                page.route(
                    lambda url: not url.startswith(("file:", "data:", "about:")), lambda route: route.abort()
                )
                page.goto(path.as_uri(), wait_until="load")
                page.wait_for_timeout(300)
                found = page.evaluate("""() => ({
                    pwned: window.__pwned === undefined ? null : String(window.__pwned),
                    injected: [...document.querySelectorAll(
                        '[id^="injected"], iframe, svg[onload], img[src="x"]')]
                        .map(e => e.outerHTML.slice(0, 80)),
                    scripts: [...document.scripts].filter(s => s.textContent.includes('__pwned')).length,
                    text: document.body.innerText})""")
                page.close()
                assert found["pwned"] is None, f"{path.name}: a script ran ({found['pwned']})"
                assert found["injected"] == [] and found["scripts"] == 0, f"{path.name}: {found['injected']}"
                shown += found["text"]
        finally:
            browser.close()
    # the payloads reached the reports, as text
    assert "window.__pwned='script'" in shown and 'id="injected-b"' in shown


def test_csv_cells_from_inputs_cannot_run_as_formulas(hostile_output):
    data = hostile_output / "data"
    checked = 0
    for path in sorted(data.glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    assert not cell.startswith(("=", "+", "@", "\t", "\r")), f"{path.name}: {cell[:40]!r}"
                    if cell.startswith("'=1+2") or cell.startswith("'=HYPERLINK"):
                        checked += 1
    assert checked >= 5  # the formula name and the manifest outlet are in several tables
