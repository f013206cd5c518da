"""The end-to-end run's pages as a reader sees them: headless Chromium opens the index and every
report, screenshots it to OUT/screenshots/, and checks that it loaded, its images decoded, and
its Arabic reads right to left (code and plain-text output left to right)."""

import numpy as np
import pytest
from browser_check import chromium_available, inspect, launch
from PIL import Image

from helpers.run import STAGES

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

PAGES = ["index"] + STAGES
PROSE = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6"}


@pytest.fixture(scope="module")
def browser():
    if not chromium_available():
        pytest.skip("needs Debian's chromium (/usr/bin/chromium) and the playwright package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def page_path(output_dir, name):
    return output_dir / "index.html" if name == "index" else output_dir / "reports" / f"{name}.html"


@pytest.fixture(scope="module")
def seen(browser, e2e_output):
    """Each page's inspection report, screenshots in e2e_output/screenshots/."""
    return {
        name: inspect(browser, page_path(e2e_output, name), e2e_output / "screenshots" / f"{name}.png")
        for name in PAGES
    }


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_with_its_local_files(seen, name):
    page = seen[name]
    assert page["loaded"] and page["title"].strip(), f"{name}: not loaded or untitled"
    assert page["failed_local"] == [], f"{name}: missing local files {page['failed_local']}"
    assert page["external"] == [], f"{name}: reports must work offline, asked for {page['external']}"
    assert page["lang"] == "ar"


@pytest.mark.parametrize("name", PAGES)
def test_images_are_decoded(seen, name):
    broken = [
        img for img in seen[name]["images"] if not (img["complete"] and img["decoded"] and img["width"] > 0)
    ]
    assert broken == [], f"{name}: images that did not render: {broken}"


def test_the_story_browser_opens_with_its_story(browser, e2e_output):
    page = browser.new_page()
    try:
        page.goto((e2e_output / "reports" / "05_comparison.html").as_uri(), wait_until="load")
        story = page.locator(".story-browser details").first
        assert story.is_visible() and story.get_attribute("open") is not None
        assert story.locator("table.claim").count() >= 1 and story.locator("mark").count() >= 1
        page.locator(".story-browser summary").first.click()  # folds
        assert story.get_attribute("open") is None
    finally:
        page.close()


def test_comparison_report_shows_its_figures(seen):
    assert len(seen["05_comparison"]["images"]) >= 3, "the comparison report should show its figures"


@pytest.mark.parametrize("name", PAGES)
def test_arabic_text_is_present_and_right_to_left(seen, name):
    page = seen[name]
    assert page["arabicLetters"] > 0, f"{name}: no Arabic text on the page"
    prose = [e for e in page["arabicElements"] if not e["inCode"]]
    assert prose, f"{name}: no Arabic outside code blocks"
    wrong = [e for e in prose if e["direction"] != "rtl"]
    assert wrong == [], f"{name}: Arabic laid out left to right: {wrong[:5]}"
    left = [e for e in prose if e["tag"] in PROSE and e["textAlign"] == "left"]
    assert left == [], f"{name}: Arabic paragraphs aligned left: {left[:5]}"


@pytest.mark.parametrize("name", PAGES)
def test_code_stays_left_to_right(seen, name):
    wrong = [c for c in seen[name]["code"] if c["direction"] != "ltr"]
    assert wrong == [], f"{name}: code or plain-text output laid out right to left: {wrong[:5]}"


@pytest.mark.parametrize("name", PAGES)
def test_screenshot_shows_a_page(seen, name):
    pixels = np.asarray(Image.open(seen[name]["screenshot"]).convert("L"))
    assert pixels.shape[0] >= 300 and pixels.shape[1] >= 1000
    assert pixels.std() > 10, f"{name}: the screenshot is blank"


def test_every_report_was_checked(seen, e2e_output):
    reports = sorted(p.stem for p in (e2e_output / "reports").glob("*.html"))
    assert reports == sorted(STAGES), "a report is not covered by the browser test"
