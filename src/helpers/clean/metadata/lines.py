"""A page's lines as metadata reads them: header, main block and tail, with kinds, folded forms,
words and dates."""

from __future__ import annotations

from helpers.clean.metadata.cues import TAIL_LINES, words_of
from helpers.clean.metadata.dates import DateMention, dates_in_folded


class PageLines:
    """A page's lines split into header (above the main block), block and tail/footer, with
    their kinds, folded forms, words and dates."""

    def __init__(
        self,
        lines: list[str],
        kinds: list[str],
        block: tuple[int, int] | None,
        folded: list[str],
        words: list[list[str]] | None = None,
    ):
        self.lines, self.kinds, self.folded = lines, kinds, folded
        self._words: dict[int, list[str]] = dict(enumerate(words)) if words is not None else {}
        start, end = block if block else (len(lines), len(lines) - 1)
        self.header = [i for i in range(start) if kinds[i] != "blank"]
        self.block = [i for i in range(start, end + 1) if kinds[i] != "blank"]
        self.footer = [i for i in range(end + 1, len(lines)) if kinds[i] != "blank"]
        self.tail = []
        for i in self.footer[:TAIL_LINES]:
            if kinds[i] == "marker":
                break
            self.tail.append(i)
        self.counts: dict[str, int] = {}
        for i, f in enumerate(self.folded):
            if kinds[i] != "blank":
                self.counts[f] = self.counts.get(f, 0) + 1

    def words(self, i: int) -> list[str]:
        """Folded word tokens of line i."""
        if i not in self._words:
            self._words[i] = words_of(self.folded[i])
        return self._words[i]

    def n_tokens(self, i: int) -> int:
        return len(self.words(i))

    def dates(self, i: int) -> tuple[DateMention, ...]:
        return dates_in_folded(self.folded[i])
