"""HTML pages: told by suffix or content, reduced to their article text and metadata."""

from __future__ import annotations

import re

import lxml.html

HTML_SUFFIXES = {".html", ".htm"}


#: A text starting like this (after spaces) is an HTML page whatever its file name.
HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


#: Below this share of the page's text (its tags stripped) in the parsed tree, the parser lost
#: text (lxml reads about 2,000 levels of nesting with `huge_tree`; deeper ones are dropped).
MIN_PARSED_SHARE = 0.5


_TAG = re.compile(r"<[^>]*>")


_SCRIPT = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def extract_html(html: str) -> tuple[str, dict[str, str | None], str | None]:
    """Article text and metadata of an HTML page (trafilatura, on a tree parsed by lxml without its
    default depth limit), and a note when the page could not be parsed whole: then its text is
    read with the tags stripped and no metadata."""
    import trafilatura  # imported here: it is slow to import and only HTML input needs it

    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, collect_ids=False)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    stripped = " ".join(_TAG.sub(" ", _SCRIPT.sub(" ", html)).split())
    parsed = " ".join(tree.text_content().split()) if tree is not None else ""
    if len(parsed) < MIN_PARSED_SHARE * len(stripped):
        import html as html_entities

        lines = (
            html_entities.unescape(" ".join(_TAG.sub(" ", chunk).split()))
            for chunk in re.split(r"<(?:p|br|div|h\d|li|tr)\b", _SCRIPT.sub(" ", html), flags=re.I)
        )
        return (
            "\n".join(line for line in lines if line),
            {},
            "the page is nested too deeply for the HTML parser: its text was read with the "
            "tags stripped, without page metadata",
        )
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False)
    if doc is None:
        return "", {}, None
    meta = {
        "title": doc.title,
        "author": doc.author,
        "published": doc.date,
        "outlet": doc.sitename,
        "url": doc.url,
    }
    return doc.text or "", {k: v for k, v in meta.items() if v}, None
