"""Project paths, resolved from the package location (never from the working directory)."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parents[1]
DATA_DIR = PACKAGE_DIR / "data"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
SEEDS_DIR = PROJECT_ROOT / "seeds"
DEFAULT_OUTPUT_DIR = PROJECT_ROOT / "outputs"


def resolve(path: str | Path) -> Path:
    """An absolute path; a relative one is taken from the project root."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else (PROJECT_ROOT / p).resolve()
