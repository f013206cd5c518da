"""The catalogue is the one contract: the README's table of stages and every notebook's writes
agree with it."""

import ast
import json

from helpers import catalog
from helpers.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT


def test_readme_shows_the_catalogues_stages():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert catalog.markdown_stages() in readme


def test_each_notebook_writes_exactly_the_tables_the_catalogue_gives_its_stage():
    for name, stage in catalog.STAGES.items():
        cells = json.loads((NOTEBOOKS_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
        written = set()
        for cell in cells:
            source = "".join(cell["source"])
            if cell["cell_type"] == "code" and "write_table" in source:
                written |= {
                    node.value
                    for node in ast.walk(ast.parse(source))
                    if isinstance(node, ast.Constant) and node.value in catalog.TABLES
                }
        assert written == set(stage.writes), name


def test_every_table_is_written_by_its_stage_and_read_only_after_it():
    order = list(catalog.STAGES)
    for table in catalog.TABLES.values():
        assert table.name in catalog.STAGES[table.writer].writes
        for stage in catalog.STAGES.values():
            if table.name in stage.reads:
                assert order.index(table.writer) < order.index(stage.name), (table.name, stage.name)


def test_column_kinds_are_known_and_names_unique():
    for table in catalog.TABLES.values():
        names = table.column_names
        assert len(names) == len(set(names)), table.name
        assert {c.kind for c in table.columns} <= {catalog.TEXT, catalog.INT, catalog.FLOAT, catalog.BOOL}
        assert all(c.meaning for c in table.columns), table.name
