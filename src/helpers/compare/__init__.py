"""Comparison tables across the corpus: who each document puts forward (`salience`), who appears
with whom (`cooccurrence`), how close the documents are in wording (`wording`), and the outlets
side by side (`outlets`). Which articles report the same story, and how their accounts differ, is
`helpers.stories`.

Every function takes the stage tables as pandas DataFrames and returns a new DataFrame sorted
deterministically (ties broken by id). List-valued columns are '|'-joined sorted strings.
"""

from __future__ import annotations

from helpers.compare.cooccurrence import cooccurrence, cooccurrence_graph
from helpers.compare.corpus import corpus_overview
from helpers.compare.outlets import distinctive_terms_by, outlet_profile
from helpers.compare.salience import entity_coverage, entity_salience
from helpers.compare.wording import FULL_MATRIX_DOCS, content_terms, distinctive_terms, doc_similarity

__all__ = [
    "FULL_MATRIX_DOCS",
    "content_terms",
    "cooccurrence",
    "cooccurrence_graph",
    "corpus_overview",
    "distinctive_terms",
    "distinctive_terms_by",
    "doc_similarity",
    "entity_coverage",
    "entity_salience",
    "outlet_profile",
]
