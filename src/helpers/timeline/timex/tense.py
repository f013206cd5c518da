"""The tense a sentence speaks in (past and future verbs, cue words), which chooses the year of a
year-less date."""

from __future__ import annotations

from helpers.core.words import word_zipf
from helpers.timeline.timex.base import (
    _FUTURE_VERB,
    _MAIN_CLAUSE,
    _PREPOSITIONS,
    FUTURE_VERB_MIN_ZIPF,
    _GrammarBase,
)


class _TenseCues(_GrammarBase):
    """The tense a sentence speaks in (past and future verbs, cue words), which chooses the year of a"""

    def future_verb(self, word: str) -> bool:
        """True for a verb with the future prefix س (سيكون، ستبدأ، وسنعمل): س before an
        imperfect verb that is an ordinary word by itself (يكون). Nouns and names that only look
        like one (سيارة، سندات، ستيوارت) fail that test: "يارة", "ندات" are no words."""
        stem = word[1:] if word.startswith(("و", "ف")) and len(word) > 4 else word
        if not _FUTURE_VERB.match(stem) or stem in self.lex.words("not_future_verbs"):
            return False
        return word_zipf(stem[1:]) >= FUTURE_VERB_MIN_ZIPF

    def past_verb(self, word: str) -> bool:
        """True for a past-tense verb of the news (`past_cues`), also with a leading و / ف, an
        object pronoun (أصدرته) or a plural ending (أعلنوا)."""
        cues = self.lex.words("past_cues")
        stem = word[1:] if word.startswith(("و", "ف")) and len(word) > 3 else word
        for form in (word, stem):
            if form in cues:
                return True
            for suffix in ("ها", "هم", "ه", "وا"):
                if form.endswith(suffix) and form[: -len(suffix)] in cues:
                    return True
        return False

    def _cue(self, k: int, adjacent: bool = False) -> str | None:
        """'future' | 'past' | None for token k as a tense cue (سوف، من المقرر، a future verb;
        a past verb, قد before a past verb, منذ right before the date: `adjacent`)."""
        word = self.t.text(k)
        stem = word[1:] if word.startswith(("و", "ف")) and len(word) > 3 else word
        lex = self.lex
        if word in lex.words("future_cues") or stem in lex.words("future_cues") or self.future_verb(word):
            return "future"
        if stem == "قد" or word == "قد":
            following = self.t.text(k + 1)  # قد + past: past; قد + imperfect: "may"
            return None if following[:1] in ("ي", "ت", "ن") else "past"
        if stem == "منذ":
            return "past" if adjacent else None  # "منذ مارس"; not "أدنى سعر منذ فبراير ... ديسمبر"
        if self.past_verb(word) and self.t.text(k - 1) not in _PREPOSITIONS:
            return "past"  # "إلى عقد جلساتهم": after a preposition a word is no verb
        return None

    def tense(self, first: int, last: int) -> str | None:
        """'future' or 'past' after the cue nearest to tokens first..last: the word right after
        them and up to ten words before them in the sentence (سوف، من المقرر، a verb with the
        future prefix س; قال، أعلن، كان، قد + past ...). A future said in the past ("أعلن أنه
        سيزور موسكو في يوليو") has no tense of its own: None. None without a cue."""
        near = [last] if not self.t.boundary_before(last) else []
        k = first - 1
        while (
            k >= max(0, first - 10)
            and not self.t.boundary_before(k + 1)
            and self.t.text(k) not in _MAIN_CLAUSE
        ):
            near.append(k)
            k -= 1
        found = None
        for k in near:
            cue = self._cue(k, adjacent=k == first - 1)
            if cue is None:
                continue
            if found is None:
                if cue == "past":
                    return "past"
                found = cue
            elif cue == "past" and k < first:
                return None
        return found
