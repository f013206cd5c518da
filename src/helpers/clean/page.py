"""One saved page: each line given a kind from general evidence (length, Arabic-letter ratio,
sentence punctuation, stop-word density, UI words, dates, bullets, captions, repetition in the
page), then the main block of prose found as the maximum-sum run of line weights (prose counts
for its words, furniture against), in the spirit of Finn et al.'s body-text extraction. Inside
the block prose and subheadings are kept; boilerplate sentences glued to the block's edges are
trimmed. `metadata.extract_metadata` reads the lines around the block."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from helpers.catalog import columns
from helpers.clean.metadata import BULLETS, extract_metadata, is_date_line, words_of
from helpers.core.paths import DATA_DIR, read_data_yaml
from helpers.core.text import arabic_ratio, fold, split_sentences, stopwords

LABELS = ("body", "title", "metadata", "boilerplate", "blank")


#: A prose line has at least this many words (and some stop words).
PROSE_MIN_WORDS = 12


PROSE_MIN_STOP_DENSITY = 0.08


#: Lines that long are prose with half the stop-word density.
PROSE_ANY_DENSITY_WORDS = 30


#: Lines with more words than this are never UI, captions or date lines.
SHORT_MAX_WORDS = 25


# Weight of a line in the main-block search, per kind (prose lines weigh their word count).
_WEIGHTS = {"blank": 0.0, "date": -5.0, "short": -1.0}


_FURNITURE_WEIGHT = -3.0


_FURNITURE_KINDS = frozenset({"ui", "link", "date", "number", "latin", "listed", "bullet"})


_SENTENCE_END = re.compile(r"[.!?؟…][\"'”’»)\]]*$")


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


_REASONS = {
    "ui": "menu / button / counter words",
    "link": "link to another article",
    "marker": "heading of a related-posts or footer section",
    "date": "date line",
    "number": "numbers or punctuation only",
    "latin": "not Arabic",
    "caption": "photo caption / credit",
    "teaser": "truncated teaser of another post",
    "disclaimer": "disclaimer / follow-us / copyright",
    "bullet": "short bulleted item (menu)",
    "breadcrumb": "breadcrumb trail",
    "listed": "listed under a read-also heading",
    "short": "short line outside the text",
    "prose": "prose outside the main text block",
}


#: A page's line columns: those of the `clean_lines` table after its doc_id.
LINE_COLUMNS = columns("clean_lines")[1:]


@dataclass
class CleanedPage:
    """The article of one page: body, metadata, and every input line with its label."""

    body: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None  # ISO date stated by the page
    attribution: str | None
    line_columns: dict[str, list]  # LINE_COLUMNS -> values, one per input line
    status: str  # 'ok' or 'no_body'
    message: str  # human-readable ('' when ok)

    @property
    def lines(self) -> pd.DataFrame:
        """Every input line: line_no (1-based), text, label, reason, repeated."""
        return pd.DataFrame(self.line_columns, columns=LINE_COLUMNS)


@dataclass(frozen=True)
class _LineCues:
    ui_words: frozenset[str]
    ui_phrases: tuple[str, ...]
    link_prefix: re.Pattern
    section_marker: re.Pattern
    boilerplate_sentence: re.Pattern
    tag_list: re.Pattern
    credit_end: re.Pattern
    photo_cue_start: re.Pattern


def _fold_arabic(pattern: str) -> str:
    """A regular expression written in ordinary Arabic, with its Arabic words in `fold` form
    (its ASCII syntax untouched)."""
    return re.sub(r"[\u0600-\u06ff]+", lambda m: fold(m.group()), pattern)


@lru_cache(maxsize=1)
def _line_cues() -> _LineCues:
    entries = [
        fold(s.strip())
        for s in (DATA_DIR / "ui_words.txt").read_text(encoding="utf-8").splitlines()
        if s.strip() and not s.lstrip().startswith("#")
    ]
    raw = read_data_yaml("boilerplate.yaml")

    def alternation(items: list[str]) -> str:
        return "|".join(re.escape(fold(x)) for x in sorted(items, key=len, reverse=True))

    return _LineCues(
        ui_words=frozenset(e for e in entries if " " not in e),
        ui_phrases=tuple(sorted({e for e in entries if " " in e}, key=len, reverse=True)),
        link_prefix=re.compile(rf"(?:{alternation(raw['link_prefixes'])})(?![^\W_])"),
        # a marker alone (with a colon or a count at most), or a comment count
        section_marker=re.compile(
            rf"(?:{alternation(raw['section_markers'])})(?![^\W_])[\W\d]*$"
            r"|\(?\d+\)?\s*(?:تعليق|تعليقات|تعليقان|ردود|comments?|responses?|replies)(?![^\W_])"
        ),
        boilerplate_sentence=re.compile(
            "|".join(f"(?:{_fold_arabic(p)})" for p in raw["boilerplate_sentences"])
        ),
        tag_list=re.compile(rf"^\W*(?:{alternation(raw['tag_lists'])})\s*:?\s+[^.!?؟]*$"),
        credit_end=re.compile(
            rf"\w.*(?:[،,\-–—/|(]|\s)\s*(?:{alternation(raw['photo_credits'])})\s*\)?\s*[.]?$"
        ),
        photo_cue_start=re.compile(rf"^(?:{alternation(raw['photo_cues'])})\s*[:(（]"),
    )


def is_boilerplate_sentence(text: str) -> bool:
    """True for a disclaimer, follow-us call, copyright or cookie sentence."""
    return bool(_line_cues().boilerplate_sentence.search(fold(text)))


def _ui_share(text: str, folded: str) -> float:
    """Share of the line's words (numbers aside) that are UI words or in UI phrases; camel-case
    Latin words are split first ("ShareTweetShare"). 1.0 for a line of numbers only."""
    lex = _line_cues()
    if _CAMEL.search(text):
        folded = fold(_CAMEL.sub(" ", text))
    n_before = len(words_of(folded))
    for phrase in lex.ui_phrases:
        if phrase in folded:
            folded = folded.replace(phrase, " ")
    words = [w for w in words_of(folded) if not w.isdigit()]
    n_phrase_words = n_before - len(words_of(folded))
    ui = sum(
        w in lex.ui_words or w.removeprefix("ال") in lex.ui_words or w.removeprefix("و") in lex.ui_words
        for w in words
    )
    return (ui + n_phrase_words) / (len(words) + n_phrase_words) if words else 1.0


_BREADCRUMB = re.compile(r"\s[»›>/|]\s|\s[»›]|[»›]\s")


def _is_breadcrumb(text: str, head: str) -> bool:
    """ "الرئيسية » أخبار » ...", "Home > World": separators between short items."""
    separators = len(_BREADCRUMB.findall(text))
    return separators >= 2 or (separators == 1 and words_of(head)[:1] in (["home"], [fold("الرئيسية")]))


@dataclass
class _Line:
    text: str  # stripped
    folded: str
    kind: str
    words: list[str]  # words_of(folded)
    weight: float
    repeated: bool = False

    @property
    def n_words(self) -> int:
        return len(self.words)


def _kind(text: str, folded: str, words: list[str]) -> str:
    """What a non-blank line is, from its own evidence (see `_REASONS`, plus 'prose', 'short')."""
    lex = _line_cues()
    n = len(words)
    if not any(c.isalpha() for c in text):
        return "date" if is_date_line(text, folded) else "number"
    head = folded.lstrip(BULLETS + " ")
    if n <= 10 and lex.section_marker.match(head):
        return "marker"
    if n <= SHORT_MAX_WORDS and lex.link_prefix.match(head):
        return "link"
    if n <= SHORT_MAX_WORDS:
        if is_date_line(text, folded):
            return "date"
        if _ui_share(text, head) == 1.0:
            return "ui"
        if lex.boilerplate_sentence.search(head):
            return "disclaimer"
        if n <= 12 and _is_breadcrumb(text, head):
            return "breadcrumb"
    if arabic_ratio(text[:300]) < 0.5:
        return "latin"
    if n <= SHORT_MAX_WORDS and (lex.credit_end.search(head) or lex.photo_cue_start.search(head)):
        return "caption"
    stop_density = sum(map(stopwords().__contains__, words)) / max(n, 1)
    if n > SHORT_MAX_WORDS and stop_density < PROSE_MIN_STOP_DENSITY and _ui_share(text, head) >= 0.6:
        return "ui"  # a menu flattened onto one line
    if (n >= PROSE_ANY_DENSITY_WORDS and stop_density >= PROSE_MIN_STOP_DENSITY / 2) or (
        n >= PROSE_MIN_WORDS and stop_density >= PROSE_MIN_STOP_DENSITY
    ):
        return "prose"
    return "bullet" if text[0] in BULLETS else "short"


def _weight(line: _Line, words: list[str]) -> float:
    """A line's weight in the main-block search: prose counts for its words (less without
    closing punctuation), furniture counts against."""
    if line.kind == "prose":
        return line.n_words * (1.0 if _SENTENCE_END.search(line.text[-8:]) else 0.6)
    if line.kind == "short" and line.text[-1] == "." and any(w in stopwords() for w in words):
        return 0.5 * line.n_words  # a one-sentence paragraph
    return _WEIGHTS.get(line.kind, _FURNITURE_WEIGHT)


def _read_line(raw: str) -> _Line:
    text = raw.strip()
    if not text:
        return _Line("", "", "blank", [], 0.0)
    folded = fold(text)
    words = words_of(folded)
    line = _Line(text, folded, _kind(text, folded, words), words, 0.0)
    line.weight = _weight(line, words)
    return line


def _mark_teasers(lines: list[_Line]) -> None:
    """A line cut short with an ellipsis next to furniture ("Read more", a date, a counter) is
    the teaser of another post; elsewhere an ellipsis is the writer's."""
    text = [i for i, line in enumerate(lines) if line.kind != "blank"]
    for k, i in enumerate(text):
        line = lines[i]
        if line.n_words < 6 or not line.text.endswith(("...", "…")):
            continue
        neighbours = text[max(k - 1, 0) : k] + text[k + 1 : k + 2]
        if any(lines[j].kind in _FURNITURE_KINDS for j in neighbours):
            line.kind, line.weight = "teaser", -float(line.n_words)


def _mark_link_lists(lines: list[_Line]) -> None:
    """Short lines listed under a bare "اقرأ أيضا" / "Related" heading are links too."""
    lex = _line_cues()
    listing = False
    for line in lines:
        if line.kind == "link":
            listing = not lex.link_prefix.sub("", line.folded.lstrip(BULLETS + " "), count=1).strip(" :：-")
        elif listing and line.kind in ("short", "bullet", "latin", "number", "date", "caption"):
            line.kind, line.weight = "listed", _WEIGHTS["short"]  # an inline box: mild
        elif line.kind != "blank":
            listing = False


def _mark_repeats(lines: list[_Line]) -> None:
    """Flag lines whose text occurs more than once on the page; a prose line is also repeated
    when it is contained in another prose line (a paragraph pasted twice, once cut short)."""
    counts: dict[str, int] = {}
    for line in lines:
        if line.folded:
            counts[line.folded] = counts.get(line.folded, 0) + 1
    for line in lines:
        line.repeated = bool(line.folded) and counts[line.folded] > 1
        if line.repeated and line.kind == "short":
            line.weight = _FURNITURE_WEIGHT
    prose = [line for line in lines if line.kind == "prose"]
    for a in prose:
        for b in prose:
            if len(a.folded) < len(b.folded) and a.folded in b.folded:
                a.repeated = b.repeated = True


def _main_block(lines: list[_Line]) -> tuple[int, int] | None:
    """First and last index of the maximum-weight run of lines that crosses no section marker
    (None when nothing weighs > 0)."""
    best, best_span = 0.0, None
    running, start = 0.0, 0
    for i, line in enumerate(lines):
        if line.kind == "marker":
            running = 0.0
            continue
        if running <= 0:
            running, start = 0.0, i
        running += line.weight
        if running > best:
            best, best_span = running, (start, i)
    if best_span is None:
        return None
    start, end = best_span
    while lines[start].kind == "blank":
        start += 1
    return start, end


def _extracted_block(lines: list[_Line]) -> tuple[int, int] | None:
    """For text already extracted from HTML: from the first to the last line of text."""
    text = [i for i, line in enumerate(lines) if line.kind in ("prose", "short")]
    return (text[0], text[-1]) if text else None


def _trim(text: str, leading: bool, trailing: bool) -> tuple[str, list[str]]:
    """`text` without boilerplate sentences at its start and/or end (at its end also the page's
    tag list: `boilerplate.yaml` tag_lists), and what was cut."""
    sentences = split_sentences(text)
    cut: list[str] = []
    tags = _line_cues().tag_list
    while (
        trailing
        and sentences
        and (is_boilerplate_sentence(sentences[-1].text) or tags.match(fold(sentences[-1].text)))
    ):
        cut.append(sentences.pop().text)
    while leading and sentences and is_boilerplate_sentence(sentences[0].text):
        cut.append(sentences.pop(0).text)
    if not cut:
        return text, cut
    return (text[sentences[0].start : sentences[-1].end] if sentences else ""), cut


#: Sharing actions a page's row of share buttons starts with (شارك من خلال تويتر فيسبوك ...).
SHARE_ACTIONS = frozenset(fold(w) for w in "شارك شاركها مشاركة غرد طباعة اطبع أرسل إرسال".split())
#: Words or phrases of UI a row of buttons glued before the article's first sentence has at least.
LEADING_UI_UNITS = 3
_WORD = re.compile(r"\S+")


def _leading_buttons(text: str) -> int:
    """Where the article starts in a line that opens with a row of share buttons glued to it
    (شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك | أكد ...): after `LEADING_UI_UNITS` or more
    UI words and phrases (`ui_words.txt`) of which the first is a sharing action; 0 when the line
    does not open so (تويتر وفيسبوك ويوتيوب تتنافس: an article on them)."""
    lex = _line_cues()
    words = list(_WORD.finditer(text))
    folded = [fold(m.group()) for m in words]
    k = units = 0
    while k < len(words):
        word = folded[k]
        if units and word in SHARE_ACTIONS:
            break  # a row has one action: شارك after it is the article's verb ("took part")
        phrase = next(
            (len(p.split()) for p in lex.ui_phrases if " ".join(folded[k : k + len(p.split())]) == p), 0
        )
        if not phrase and word not in lex.ui_words and word.removeprefix("و") not in lex.ui_words:
            break
        if units == 0 and word not in SHARE_ACTIONS:
            return 0
        k, units = k + (phrase or 1), units + 1
    if units < LEADING_UI_UNITS or k >= len(words):
        return 0
    return words[k].start()


def clean_page(text: str, extracted: bool = False) -> CleanedPage:
    """Body, metadata and line audit of one page (`text` decoded, '\\n' line endings).
    `extracted=True` is for text already cut out of HTML (trafilatura): every line of text
    between the first and the last counts as the block."""
    raw_lines = text.split("\n")
    lines = [_read_line(raw) for raw in raw_lines]
    _mark_link_lists(lines)
    _mark_teasers(lines)
    _mark_repeats(lines)
    block = _extracted_block(lines) if extracted else _main_block(lines)
    meta = extract_metadata(
        [line.text for line in lines],
        [line.kind for line in lines],
        block,
        [line.folded for line in lines],
        [line.words for line in lines],
    )

    labels: list[tuple[str, str]] = []
    for i, line in enumerate(lines):
        inside = block is not None and block[0] <= i <= block[1]
        if i in meta.claims:
            labels.append(meta.claims[i])
        elif line.kind == "blank":
            labels.append(("blank", ""))
        elif inside and line.kind == "prose":
            labels.append(("body", f"prose: {line.n_words} words"))
        elif inside and line.kind == "short":
            labels.append(("body", "subheading / short paragraph inside the text"))
        else:
            labels.append(("boilerplate", _REASONS.get(line.kind, line.kind)))

    kept = {i: lines[i].text for i, (label, _) in enumerate(labels) if label == "body"}
    if kept:
        first, last = min(kept), max(kept)
        start = _leading_buttons(kept[first])
        if start:
            labels[first] = (
                labels[first][0],
                f"{labels[first][1]}; trimmed share buttons: {kept[first][:start].strip()}",
            )
            kept[first] = kept[first][start:]
        for i in sorted({first, last}):
            trimmed, cut = _trim(kept[i], leading=i == first, trailing=i == last)
            if cut:
                kept[i] = trimmed
                labels[i] = (
                    "body" if trimmed else "boilerplate",
                    f"{labels[i][1]}; trimmed boilerplate sentence: {' | '.join(cut)}",
                )
                if not trimmed:
                    del kept[i]
    body = "\n".join(kept[i] for i in sorted(kept))

    table = {
        "line_no": list(range(1, len(lines) + 1)),
        "text": raw_lines,
        "label": [label for label, _ in labels],
        "reason": [reason for _, reason in labels],
        "repeated": [line.repeated for line in lines],
    }
    status, message = "ok", ""
    if not body:
        n_text = sum(line.kind != "blank" for line in lines)
        status = "no_body"
        message = f"no article text found: {n_text} non-blank lines, all boilerplate or metadata"
    return CleanedPage(
        body, meta.title, meta.outlet, meta.author, meta.published, meta.attribution, table, status, message
    )
