"""What the runner reads in a notebook without running it: its parameters and its imports."""

from __future__ import annotations

import ast
import json
from pathlib import Path


def _code_cells(notebook: Path) -> list[tuple[list[str], str]]:
    """(tags, source) of each code cell."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [
        (
            c.get("metadata", {}).get("tags", []),
            "".join(c["source"]) if isinstance(c["source"], list) else c["source"],
        )
        for c in cells
        if c["cell_type"] == "code"
    ]


def notebook_parameters(notebook: Path) -> dict[str, object]:
    """The names and default values of a notebook's `parameters` cell (literal assignments)."""
    source = next((src for tags, src in _code_cells(notebook) if "parameters" in tags), "")
    defaults = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            defaults[node.targets[0].id] = ast.literal_eval(node.value)
    return defaults


def notebook_imports(notebook: Path) -> str:
    """The notebook's import statements (top level of its code cells), one per line: what its
    kernel can import before the notebook runs."""
    lines = []
    for _, source in _code_cells(notebook):
        try:
            tree = ast.parse(source)
        except SyntaxError:  # IPython syntax (magics): not an import cell
            continue
        lines += [ast.unparse(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    return "\n".join(dict.fromkeys(lines))
