"""Project paths, resolved from the package location (never from the working directory)."""

from pathlib import Path

import yaml

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/helpers
PROJECT_ROOT = PACKAGE_DIR.parents[1]
DATA_DIR = PACKAGE_DIR / "data"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
SEEDS_DIR = PROJECT_ROOT / "seeds"
#: A run writes into `<output><STAGING_SUFFIX>` and renames it to `<output>` when it passes.
STAGING_SUFFIX = ".staging"


def resolve(path: str | Path) -> Path:
    """An absolute path; a relative one is taken from the project root."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else (PROJECT_ROOT / p).resolve()


def read_data_yaml(name: str):
    """A YAML file shipped in `helpers/data/`, parsed with libyaml's fast safe loader when built."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((DATA_DIR / name).read_text(encoding="utf-8"), Loader=loader)
