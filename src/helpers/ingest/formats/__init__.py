"""Read corpora in the forms researchers get them: archives, record files, SGML; streamed, with
every record accounted for. See reader.iter_records, the one entry point, and RESULTS.md."""

from helpers.ingest.formats.base import EMPTY, OK, UNREADABLE, LimitExceeded, Limits, Record, sanitise_id
from helpers.ingest.formats.fields import DEFAULT_FIELDS
from helpers.ingest.formats.reader import detect, detect_file, iter_records
from helpers.ingest.formats.timestamps import Published, parse_published

__all__ = [
    "iter_records",
    "detect",
    "detect_file",
    "Record",
    "Limits",
    "LimitExceeded",
    "DEFAULT_FIELDS",
    "parse_published",
    "Published",
    "sanitise_id",
    "OK",
    "EMPTY",
    "UNREADABLE",
]
