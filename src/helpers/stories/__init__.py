"""Stories across outlets: which articles report the same event, and how their accounts differ.

`cluster_stories` groups articles into stories (one concrete event or announcement each):
sparse tf-idf of title and lead, candidate neighbours within a date window, average linkage that
cannot chain, then facets of a big story joined by centroid (`cluster`). `story_catalogue` names
each story; `quotes` finds who is quoted saying what (`quotes`); `story_accounts` sets a story's
articles side by side (`accounts`) and `story_claims` aligns the sentences that report the same fact
across outlets, with what differs (`claims`); `textfacts` reads numbers with their units and roles.
"""

from helpers.stories.accounts import story_accounts
from helpers.stories.claims import story_claims
from helpers.stories.cluster import cluster_stories, story_articles, story_catalogue
from helpers.stories.quotes import quoted_speakers, quotes

__all__ = [
    "cluster_stories",
    "quoted_speakers",
    "quotes",
    "story_accounts",
    "story_articles",
    "story_catalogue",
    "story_claims",
]
