"""The grammar of Arabic temporal expressions: one class made of the rule families, each in its
own module. Each rule takes a token index and returns a `_Parse` (or None); the scanner tries the
rules that can start at a token (`_rule_starts`, in that order) and keeps the longest parse."""

from __future__ import annotations

from helpers.timeline.timex.clock import _ClockRules
from helpers.timeline.timex.dates import _DateRules
from helpers.timeline.timex.durations import _DurationRules
from helpers.timeline.timex.ranges import _RangeRules
from helpers.timeline.timex.relative import _RelativeRules
from helpers.timeline.timex.tense import _TenseCues


class _Grammar(_DateRules, _RangeRules, _DurationRules, _RelativeRules, _ClockRules, _TenseCues):
    """Rules over the tokens of one folded text."""
