"""The one adapter to the host project (the `helpers` package).

Everything the tagger takes from the project goes through this file, so that when the project's
modules move only the imports below change:

- `fold(text)`: the project's matching form (camel-tools normalisation: no diacritics or tatweel,
  alef / alef maksura / teh marbuta folded, Arabic-Indic digits as ASCII, Latin lower-cased);
- `export_knowledge()`: a JSON-able snapshot of the project's knowledge sources (gazetteer names
  with their types, given-name lexicon, trigger word lists, proclitics). `tagger.train` writes it
  into the model folder, and inference reads it from there: a trained model keeps the features
  it was trained with even when the project's lists change later.

If the project cannot be imported, `fold` falls back to the same steps written with camel-tools
directly, and `export_knowledge()` raises (a model can still be loaded: its snapshot is in its
folder).
"""

from __future__ import annotations

import importlib
from functools import lru_cache

#: Where each project module lives: the restructured layout first, then the old flat one.
_MODULES = {
    "text": ("helpers.core.text", "helpers.text"),
    "words": ("helpers.core.words", "helpers.lexicon"),
    "given_names": ("helpers.entities.given_names", "helpers.core.words", "helpers.lexicon"),
    "gazetteer": ("helpers.entities.gazetteer", "helpers.gazetteer"),
    "rules": ("helpers.entities.rules", "helpers.entity_rules"),
}


def _module(name: str, attribute: str | None = None):
    """The first candidate module that imports (and has `attribute`, when given)."""
    errors = []
    for path in _MODULES[name]:
        try:
            module = importlib.import_module(path)
        except ImportError as exc:
            errors.append(f"{path}: {exc}")
            continue
        if attribute is None or hasattr(module, attribute):
            return module
        errors.append(f"{path} has no {attribute}")
    raise ImportError("project module not found: " + "; ".join(errors))


try:  # the project's folding (fast, cached); fall back to the same camel-tools steps
    _project_fold = _module("text", "fold").fold
except ImportError:  # pragma: no cover - exercised only when the project has moved
    _project_fold = None


@lru_cache(maxsize=1 << 19)
def fold(text: str) -> str:
    """The project's `helpers.text.fold` (cached per word)."""
    if _project_fold is not None:
        return _project_fold(text)
    import unicodedata

    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    text = dediac_ar(unicodedata.normalize("NFKC", text)).replace("\u0640", "")
    text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
    return text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")).lower()


#: Fallback proclitic list (folded), longest first: the project's `lexicon.PROCLITICS`.
_PROCLITICS = ("وب", "ول", "فب", "فل", "وك", "فك", "و", "ف", "ب", "ك", "ل")


def export_knowledge() -> dict:
    """Snapshot of the project's word knowledge, all in `fold` form.

    gazetteer: {"w1 w2 ...": type} for every indexed (non-weak) name and generated spelling
      variant (types PER LOC ORG MISC);
    given_foreign / given_arabic: given names (space-joined folded tokens);
    triggers: {name: [folded words]} for titles, title links, speech verbs, organisation heads,
      media heads, place heads, event heads, event descriptors, name particles;
    proclitics: the proclitic strings, longest first.
    """
    rules = _module("rules", "TITLE_HEADS")
    PROCLITICS = _module("words", "PROCLITICS").PROCLITICS
    given_names = _module("given_names", "given_names").given_names
    gaz = _module("gazetteer", "load_gazetteer").load_gazetteer()
    names = {}
    for tokens, alias in sorted(gaz.names.items()):
        if alias.weak:
            continue
        names[" ".join(tokens)] = gaz.entries[alias.entity_id].type
    given = given_names()
    triggers = {
        "title": rules.TITLE_HEADS,
        "title_link": rules.TITLE_LINKS,
        "speech": rules.SPEECH_VERBS,
        "org_head": rules.ORG_HEADS,
        "media_head": rules.MEDIA_HEADS,
        "place_head": rules.PLACE_HEADS,
        "event_head": rules.EVENT_HEADS,
        "event_word": rules.EVENT_DESCRIPTORS,
        "particle": rules.NAME_PARTICLES,
    }
    return {
        "gazetteer": names,
        "given_foreign": sorted(" ".join(t) for t in given.foreign),
        "given_arabic": sorted(" ".join(t) for t in given.arabic),
        "triggers": {k: sorted(v) for k, v in triggers.items()},
        "proclitics": list(PROCLITICS) if PROCLITICS else list(_PROCLITICS),
    }
