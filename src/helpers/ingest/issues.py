"""Rows of the `ingest_issues` table: a file, record or field that could not be used, and why."""


def issue_row(source: str, problem: str, message: str) -> dict[str, str]:
    return {"source": source, "problem": problem, "message": message}
