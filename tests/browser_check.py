"""Open an HTML report in headless Chromium (Debian's /usr/bin/chromium driven by Playwright),
screenshot it and report what a reader would see: title, failed local files, images that did
not decode, Arabic text and its direction.

By hand:  python tests/browser_check.py outputs/index.html /tmp/index.png
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}

# Run in the page once it has loaded. Visible elements whose own text has Arabic letters are
# "Arabic"; those inside pre/code (code and plain-text output) are reported apart.
_INSPECT_PAGE = r"""
async () => {
  const arabic = /[\u0600-\u06FF]/;
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const images = await Promise.all([...document.images].map(async (img) => {
    let decoded = true;
    // an image that never decodes (lazy, broken) must not hang the check: 5 s at most
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 5000));
    try { await Promise.race([img.decode(), timeout]); } catch (e) { decoded = false; }
    return {src: img.src.slice(0, 80), complete: img.complete, width: img.naturalWidth, decoded};
  }));
  const arabicElements = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!visible(el) || ["SCRIPT", "STYLE"].includes(el.tagName)) continue;
    const own = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)
      .map(n => n.textContent).join("");
    if (!arabic.test(own)) continue;
    arabicElements.push({tag: el.tagName.toLowerCase(), text: own.trim().slice(0, 60),
                         direction: getComputedStyle(el).direction, textAlign: getComputedStyle(el).textAlign,
                         inCode: el.closest("pre, code, .jp-InputArea-editor") !== null});
  }
  const code = [...document.querySelectorAll("pre, code, .jp-InputArea-editor")].filter(visible)
    .map(el => ({tag: el.tagName.toLowerCase(), direction: getComputedStyle(el).direction}));
  const letters = (document.body.innerText.match(/[\u0600-\u06FF]/g) || []).length;
  return {title: document.title, lang: document.documentElement.lang, images, arabicElements, code,
          arabicLetters: letters};
}
"""


def chromium_available() -> bool:
    """True when Debian's chromium and the Playwright package are both installed."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


def launch(playwright):
    """Headless Chromium from the system package (never a downloaded browser)."""
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def inspect(browser, html_path: str | Path, png_path: str | Path) -> dict:
    """Load `html_path` from disk in a fresh page, save a full-page screenshot to `png_path` and
    return what the page showed (see _INSPECT_PAGE), with `failed_local` (file:// requests that
    failed) and `external` (other requests, blocked: reports must work offline)."""
    html_path = Path(html_path).resolve()
    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    failed_local, external = [], []
    page = browser.new_page(viewport=VIEWPORT)
    try:
        page.route(
            lambda url: not url.startswith(("file:", "data:", "about:")),
            lambda route: (external.append(route.request.url), route.abort()),
        )
        page.on(
            "requestfailed",
            lambda request: request.url.startswith("file:") and failed_local.append(request.url),
        )
        response = page.goto(html_path.as_uri(), wait_until="load")
        report = page.evaluate(_INSPECT_PAGE)
        page.screenshot(path=str(png_path), full_page=True)
    finally:
        page.close()
    report.update(
        loaded=response is not None and response.ok,
        failed_local=failed_local,
        external=external,
        screenshot=str(png_path),
    )
    return report


def screenshot(path: str | Path, png: str | Path) -> dict:
    """Screenshot one HTML file to `png` (full page) and return the inspection report."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            return inspect(browser, path, png)
        finally:
            browser.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(json.dumps(screenshot(sys.argv[1], sys.argv[2]), ensure_ascii=False, indent=1))
