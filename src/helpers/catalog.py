"""The pipeline's data contract in one place: each stage with its notebook and the tables it reads
and writes, each table with its columns (name, kind, meaning), in the order they are written.

`core.io.write_table` and `read_table` check every table against this catalogue; the runner takes
its stage list from it, the end-to-end test checks every table it lists, and the README's table
of stages is checked against `markdown_stages()`. `python -m helpers.catalog` prints the tables.

Kinds: `text` (a string; list-valued cells are sorted values joined by '|'), `int`, `float`,
`bool`. Any column may be empty (missing) in a row unless its meaning says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TEXT, INT, FLOAT, BOOL = "text", "int", "float", "bool"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    meaning: str


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    writer: str  # the stage that creates the table
    columns: tuple[Column, ...]
    #: Later stages that rewrite the table to fill some of its columns: stage -> column names.
    filled_by: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def writers(self) -> list[str]:
        return [self.writer, *self.filled_by]


@dataclass(frozen=True)
class Stage:
    name: str  # also the notebook's file name: notebooks/<name>.ipynb
    does: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    #: A function its kernel calls before the notebook runs, to load what the stage needs
    #: ("module:function"), besides the notebook's own imports.
    warm_up: str | None = None


def _columns(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


_DOC = ("doc_id", TEXT, "the document's id (see documents)")
_SENTENCE = ("sentence_id", INT, "the sentence's number in its document's body, from 0")

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "documents",
            "one row per input file, whatever became of it",
            "01_ingest",
            _columns(
                (
                    "doc_id",
                    TEXT,
                    "unique id: the file name without its extension (sub-folders joined by '__'), "
                    "or the manifest's",
                ),
                (
                    "source_path",
                    TEXT,
                    "where it was read: the file's path in the input folder, then archive members and "
                    "the record's number (day.zip/day.json#187)",
                ),
                ("format", TEXT, "txt, html, or the record format (json, jsonl, csv, tsv, parquet, sgml)"),
                ("sha256", TEXT, "SHA-256 of the file's bytes"),
                ("encoding", TEXT, "the text encoding it was decoded with"),
                ("n_chars", INT, "characters of text read"),
                ("status", TEXT, "ok, empty, unreadable, not_arabic, duplicate, skipped, or no_body (clean)"),
                ("message", TEXT, "what was read, or why not"),
                (
                    "duplicate_of",
                    TEXT,
                    "for a duplicate: the doc_id of the first document with the same text",
                ),
                ("url", TEXT, "the page's address (manifest or HTML metadata)"),
                ("title", TEXT, "the article's title"),
                ("outlet", TEXT, "the outlet that published it"),
                ("author", TEXT, "its author"),
                ("published", TEXT, "the article's publication day, in its own time zone (ISO 8601 date)"),
                (
                    "published_at",
                    TEXT,
                    "its publication time in UTC (ISO 8601), where a time of day is known",
                ),
                ("published_source", TEXT, "where `published` comes from: manifest, record, page or text"),
                ("attribution", TEXT, "the source credited in the text (المصدر: ...)"),
                (
                    "date_anchor",
                    TEXT,
                    "the day relative expressions are resolved against: the writing day (ISO 8601)",
                ),
                (
                    "date_anchor_source",
                    TEXT,
                    "where the anchor comes from: page or manifest (the stated date), text-weekday (the "
                    "writing day the text's weekdays give), text (a date the text states), corpus",
                ),
                ("body", TEXT, "the article text, without menus, share buttons, related posts or footers"),
                ("n_sentences", INT, "sentences in the body"),
                ("n_tokens", INT, "word tokens in the body"),
            ),
            filled_by={
                "02_clean": (
                    "title",
                    "outlet",
                    "author",
                    "published",
                    "published_source",
                    "attribution",
                    "body",
                    "n_sentences",
                    "n_tokens",
                    "status",
                    "message",
                ),
                "04_timeline": ("date_anchor", "date_anchor_source"),
            },
        ),
        Table(
            "raw_text",
            "the decoded text of every ok input file",
            "01_ingest",
            _columns(
                _DOC,
                ("format", TEXT, "txt or html (html: the article text trafilatura extracted)"),
                ("text", TEXT, "the text, line breaks normalised"),
            ),
        ),
        Table(
            "ingest_issues",
            "problems met reading the input folder and its manifest",
            "01_ingest",
            _columns(
                ("source", TEXT, "the file (or manifest.csv) concerned"),
                (
                    "problem",
                    TEXT,
                    "kind of problem: missing_file, bad_date, unknown_column, duplicate_id, ...",
                ),
                ("message", TEXT, "what was found and what was done"),
            ),
        ),
        Table(
            "sentences",
            "the sentences of each body, with offsets",
            "02_clean",
            _columns(
                _DOC,
                _SENTENCE,
                ("start", INT, "offset of its first character in the body"),
                ("end", INT, "offset after its last character"),
                ("text", TEXT, "the sentence"),
            ),
        ),
        Table(
            "clean_lines",
            "every line of every page, kept or dropped, and why",
            "02_clean",
            _columns(
                _DOC,
                ("line_no", INT, "the line's number in the page, from 0"),
                ("text", TEXT, "the line"),
                ("label", TEXT, "body, title, metadata, boilerplate or blank"),
                ("reason", TEXT, "why it got that label"),
                ("repeated", BOOL, "the same paragraph occurs earlier in the page"),
            ),
        ),
        Table(
            "entities",
            "one row per entity mention in a title or body",
            "03_entities",
            _columns(
                _DOC,
                ("entity_id", TEXT, "one id per real-world entity across the corpus (type:name)"),
                ("type", TEXT, "PER, LOC, ORG or MISC"),
                ("surface", TEXT, "the mention as written (without a leading proclitic)"),
                ("canonical", TEXT, "the entity's canonical Arabic name"),
                ("name_en", TEXT, "its English name, where known"),
                ("start", INT, "offset of the mention in its field"),
                ("end", INT, "offset after the mention"),
                ("sentence_id", INT, "the body sentence holding it (empty in the title)"),
                (
                    "source",
                    TEXT,
                    "what found it: gazetteer, rule:<name>, model (the sequence labeller), surname, "
                    "learned (another mention's name), camel_ner",
                ),
                ("field", TEXT, "title or body"),
                (
                    "confidence",
                    FLOAT,
                    "the sequence labeller's score for this span and type (mean posterior of its tags, "
                    "0-1); empty where the labeller did not tag it so",
                ),
            ),
        ),
        Table(
            "entity_catalogue",
            "one row per entity",
            "03_entities",
            _columns(
                ("entity_id", TEXT, "see entities"),
                ("type", TEXT, "PER, LOC, ORG or MISC"),
                ("canonical", TEXT, "canonical Arabic name"),
                ("name_en", TEXT, "English name, where known"),
                ("wikidata", TEXT, "Wikidata id, where known"),
                ("variants", TEXT, "the spellings met, '|'-joined"),
                ("n_docs", INT, "documents that mention it"),
                ("n_mentions", INT, "its mentions"),
            ),
        ),
        Table(
            "entity_candidates",
            "names the rules proposed but could not confirm, for review",
            "03_entities",
            _columns(
                ("surface", TEXT, "the name as written"),
                ("type", TEXT, "the type proposed"),
                ("rule", TEXT, "the rule that proposed it"),
                ("n_mentions", INT, "times proposed"),
                ("n_docs", INT, "documents"),
                ("doc_ids", TEXT, "those documents, '|'-joined"),
                ("example", TEXT, "a sentence holding it"),
            ),
        ),
        Table(
            "entity_merges",
            "the linking log: why each spelling got its entity id",
            "03_entities",
            _columns(
                ("entity_id", TEXT, "the entity"),
                ("variant", TEXT, "the spelling (folded words)"),
                ("reason", TEXT, "the linking decision: alias, context, rule, skeleton, surname, ..."),
                ("detail", TEXT, "the evidence"),
            ),
        ),
        Table(
            "timeline",
            "one row per temporal expression in a body",
            "04_timeline",
            _columns(
                _DOC,
                ("text", TEXT, "the expression as written"),
                ("type", TEXT, "DATE, TIME, DURATION or SET (TIMEX3)"),
                ("value", TEXT, "its TIMEX3 value (2021-10-12, 2021-09, P20Y, PRESENT_REF, ...)"),
                ("mod", TEXT, "TIMEX3 modifier (START, END, APPROX, ...)"),
                ("start", INT, "offset in the body"),
                ("end", INT, "offset after it"),
                _SENTENCE,
                ("anchor", TEXT, "the anchor date it was resolved against"),
                ("anchor_source", TEXT, "where that anchor comes from"),
            ),
        ),
        Table(
            "events",
            "one row per dated sentence",
            "04_timeline",
            _columns(
                _DOC,
                _SENTENCE,
                ("value", TEXT, "the TIMEX3 value that dates it"),
                ("date_start", TEXT, "first day of that value (ISO)"),
                ("date_end", TEXT, "last day (ISO)"),
                ("text", TEXT, "the sentence"),
                ("entity_ids", TEXT, "entities it names, '|'-joined"),
                ("timex", TEXT, "the temporal expressions as written, '|'-joined"),
            ),
        ),
        Table(
            "entity_salience",
            "how much each document puts each entity forward",
            "05_comparison",
            _columns(
                _DOC,
                ("entity_id", TEXT, "the entity"),
                ("mentions", INT, "its mentions in the document"),
                ("weight", FLOAT, "tf-idf weight: (1 + log mentions) * log(1 + N / documents naming it)"),
                ("canonical", TEXT, "the entity's name"),
                ("type", TEXT, "its type"),
            ),
        ),
        Table(
            "cooccurrence",
            "entities named in the same sentence",
            "05_comparison",
            _columns(
                ("entity_a", TEXT, "one entity"),
                ("entity_b", TEXT, "the other (entity_a < entity_b)"),
                ("n_sentences", INT, "sentences naming both"),
                ("doc_ids", TEXT, "their documents, '|'-joined"),
            ),
        ),
        Table(
            "stories",
            "which story each article reports: one concrete event or announcement",
            "05_comparison",
            _columns(
                _DOC,
                (
                    "story_id",
                    TEXT,
                    "the story: the smallest doc_id among its articles (a story may have one)",
                ),
            ),
        ),
        Table(
            "story_catalogue",
            "one row per story",
            "05_comparison",
            _columns(
                ("story_id", TEXT, "the story"),
                ("label", TEXT, "the title (else the lead) of its most central article"),
                ("n_docs", INT, "articles reporting it"),
                ("n_outlets", INT, "outlets reporting it"),
                ("outlets", TEXT, "those outlets, '|'-joined"),
                ("first_published", TEXT, "earliest publication (UTC time where known, else the day)"),
                ("last_published", TEXT, "latest publication"),
                ("top_entities", TEXT, "the entity ids most of its articles name, '|'-joined"),
            ),
        ),
        Table(
            "quotes",
            "who is quoted saying what, per article",
            "05_comparison",
            _columns(
                _DOC,
                _SENTENCE,
                ("speaker", TEXT, "the speaker's entity id where linked, else the description as written"),
                ("speaker_text", TEXT, "the speaker as written"),
                ("speaker_start", INT, "offset of the speaker in the body (-1: not found)"),
                ("speaker_end", INT, "offset after the speaker (-1: not found)"),
                ("verb", TEXT, "the speech verb (قال، أكد، أضاف، صرح ...)"),
                ("kind", TEXT, "direct (in quotation marks) or reported (after أن / إن)"),
                ("quote", TEXT, "what was said"),
                ("start", INT, "offset of the quote in the body"),
                ("end", INT, "offset after the quote"),
            ),
        ),
        Table(
            "story_accounts",
            "each article's account of a story two or more outlets report",
            "05_comparison",
            _columns(
                ("story_id", TEXT, "the story"),
                _DOC,
                ("outlet", TEXT, "the article's outlet"),
                ("published", TEXT, "its publication day"),
                ("published_at", TEXT, "its publication time (UTC), where known"),
                ("title", TEXT, "its title"),
                ("lead", TEXT, "its first sentence"),
                ("n_tokens", INT, "its length in word tokens"),
                ("entities", TEXT, "entity ids it names, '|'-joined"),
                ("dates", TEXT, "dates it reports (TIMEX3), '|'-joined"),
                ("numbers", TEXT, "numbers it reports with their unit word, '|'-joined"),
                ("quoted", TEXT, "who it quotes, '|'-joined"),
                ("first_report", BOOL, "it was published first (ties by time where known)"),
            ),
        ),
        Table(
            "story_claims",
            "a story's facts aligned across outlets: sentences reporting the same fact, and what differs",
            "05_comparison",
            _columns(
                ("story_id", TEXT, "the story"),
                ("claim_id", TEXT, "the fact: <story_id>#<k>"),
                _DOC,
                ("outlet", TEXT, "the article's outlet"),
                ("published", TEXT, "its publication day"),
                _SENTENCE,
                ("text", TEXT, "the sentence reporting the fact"),
                ("numbers", TEXT, "numbers it gives with their unit word, '|'-joined"),
                ("dates", TEXT, "dates it gives, '|'-joined"),
                ("places", TEXT, "places it names (entity ids), '|'-joined"),
                ("participants", TEXT, "people and organisations it names, '|'-joined"),
                ("roles", TEXT, "entity=role where it says participant or observer, '|'-joined"),
                ("n_accounts", INT, "sentences aligned on this fact"),
                ("n_outlets", INT, "outlets among them"),
                ("similarity", FLOAT, "the sentence's mean cosine to the others of its fact"),
                ("differences", TEXT, "what disagrees and what only some accounts give"),
                ("n_disagreements", INT, "how many things disagree"),
            ),
        ),
        Table(
            "doc_similarity",
            "how close two documents are in wording",
            "05_comparison",
            _columns(
                ("doc_a", TEXT, "one document"),
                ("doc_b", TEXT, "the other"),
                ("cosine", FLOAT, "tf-idf cosine over normalised content words"),
            ),
        ),
        Table(
            "distinctive_terms",
            "the words that set a document apart from the rest",
            "05_comparison",
            _columns(
                _DOC,
                ("term", TEXT, "the word (normalised)"),
                ("z", FLOAT, "weighted log-odds z-score with an informative Dirichlet prior"),
                ("count", INT, "its count in the document"),
                ("count_rest", INT, "its count in the others"),
            ),
        ),
    )
}

STAGES: dict[str, Stage] = {
    s.name: s
    for s in (
        Stage(
            "01_ingest",
            "every input file becomes a row with a status (ok, empty, unreadable, not_arabic, duplicate, "
            "skipped); encodings detected; HTML via trafilatura; optional `manifest.csv`",
            (),
            ("documents", "raw_text", "ingest_issues"),
        ),
        Stage(
            "02_clean",
            "article body and metadata (title, outlet, author, publication date) from the saved page, "
            "without its menus, share buttons, disclaimers and tag list; "
            "sentences with offsets; every line kept or dropped, with why",
            ("documents", "raw_text"),
            ("documents", "sentences", "clean_lines"),
        ),
        Stage(
            "03_entities",
            "people, places, organisations and events, linked across spelling variants",
            ("documents", "sentences"),
            ("entities", "entity_catalogue", "entity_candidates", "entity_merges"),
            warm_up="helpers.entities:warm_up",
        ),
        Stage(
            "04_timeline",
            "dates, times, durations normalised to TIMEX3 and anchored to each article's writing day; "
            "dated events",
            ("documents", "sentences", "entities"),
            ("documents", "timeline", "events"),
        ),
        Stage(
            "05_comparison",
            "stories across outlets (which articles report the same event), their accounts side by side "
            "with the facts that differ, who is quoted; entity salience, co-occurrence, wording",
            ("documents", "sentences", "entities", "entity_catalogue", "timeline", "events"),
            (
                "stories",
                "story_catalogue",
                "quotes",
                "story_accounts",
                "story_claims",
                "entity_salience",
                "cooccurrence",
                "doc_similarity",
                "distinctive_terms",
            ),
        ),
    )
}
STAGE_NAMES = list(STAGES)


def table(name: str) -> Table:
    if name not in TABLES:
        raise KeyError(f"no table {name!r} in the catalogue (helpers/catalog.py)")
    return TABLES[name]


def columns(name: str) -> list[str]:
    """The columns of table `name`, in the order they are written."""
    return table(name).column_names


def stages_filling(table_name: str, column: str) -> list[str]:
    """The stages that write `column` of `table_name`, in pipeline order."""
    t = table(table_name)
    return [s for s in STAGE_NAMES if (s == t.writer) or column in t.filled_by.get(s, ())]


def markdown_stages() -> str:
    """The README's table of stages: notebook, what it does, the tables it writes."""
    rows = ["| notebook | what it does | tables it writes (`outputs/data/`) |", "|---|---|---|"]
    for stage in STAGES.values():
        written = ", ".join(f"`{t}`" for t in stage.writes)
        rows.append(f"| `{stage.name}` | {stage.does} | {written} |")
    return "\n".join(rows)


def _check() -> None:
    """The catalogue agrees with itself: every table read is written by an earlier stage, every
    table written has one creating stage, which lists it."""
    seen: set[str] = set()
    for stage in STAGES.values():
        missing = [t for t in stage.reads if t not in seen]
        assert not missing, f"{stage.name} reads {missing} before any stage writes them"
        for name in stage.writes:
            assert stage.name in table(name).writers(), f"{stage.name} writes {name} but the table says not"
        seen.update(stage.writes)
    for t in TABLES.values():
        assert t.name in STAGES[t.writer].writes, f"{t.name}: its writer {t.writer} does not list it"
        for stage, filled in t.filled_by.items():
            assert set(filled) <= set(t.column_names), f"{t.name}: {stage} fills unknown columns"


_check()

if __name__ == "__main__":
    for t in TABLES.values():
        print(f"\n{t.name} ({', '.join(t.writers())}): {t.meaning}")
        for c in t.columns:
            print(f"  {c.name:<20} {c.kind:<6} {c.meaning}")
