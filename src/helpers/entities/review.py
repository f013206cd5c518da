"""What the entities notebook reports about where mentions came from and which to review."""

from __future__ import annotations

import pandas as pd

#: The source families the notebook counts: entities.source -> family.
FAMILIES = {"gazetteer": "gazetteer", "model": "model", "camel_ner": "camel_ner"}


def source_family(source: str) -> str:
    """gazetteer, model, rules (rule:<name>), linking (surname, learned: other mentions of a
    name found once) or camel_ner."""
    if source in FAMILIES:
        return FAMILIES[source]
    return "rules" if source.startswith("rule") else "linking"


def sources_summary(entities: pd.DataFrame) -> pd.DataFrame:
    """Mentions per source family and type, with the share of all mentions, and how many of
    them the labeller also tagged (same tokens and type)."""
    frame = entities.assign(family=entities["source"].map(source_family))
    frame["model_agrees"] = frame["confidence"].notna() & (frame["family"] != "model")
    table = frame.pivot_table(index="family", columns="type", values="doc_id", aggfunc="count", fill_value=0)
    table["mentions"] = table.sum(axis=1)
    table["share"] = (table["mentions"] / max(len(frame), 1)).round(3)
    table["labeller_agrees"] = frame.groupby("family")["model_agrees"].sum()
    return table.sort_values("mentions", ascending=False).reset_index()


def least_certain(entities: pd.DataFrame, documents: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The `n` labeller mentions with the lowest scores, then `n` gazetteer and rule mentions
    the labeller did not tag as such (the most frequent first), each with its context."""
    texts = documents.set_index("doc_id")[["title", "body"]]
    model = entities[entities["source"] == "model"].sort_values("confidence").head(n)
    unsupported = entities[entities["confidence"].isna() & (entities["source"] != "model")]
    counts = unsupported.groupby(["surface", "type"])["doc_id"].transform("size")
    unsupported = unsupported.assign(n=counts).sort_values(["n", "surface"], ascending=[False, True])
    unsupported = unsupported.drop_duplicates(["surface", "type"]).head(n)
    rows = []
    for r in pd.concat([model, unsupported]).itertuples():
        text = texts.loc[r.doc_id, r.field] if r.doc_id in texts.index else ""
        text = text if isinstance(text, str) else ""
        rows.append(
            [
                r.doc_id,
                r.surface,
                r.type,
                r.entity_id,
                r.source,
                r.confidence,
                text[max(0, r.start - 50) : r.start] + "⟦" + r.surface + "⟧" + text[r.end : r.end + 50],
            ]
        )
    columns = ["doc_id", "surface", "type", "entity_id", "source", "confidence", "context"]
    return pd.DataFrame(rows, columns=columns)
