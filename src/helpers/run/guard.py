"""What a run may write, checked before it starts: the output folder never holds the user's
files, and one run at a time writes it.

A run writes into `<out>.staging`, renames it to `<out>` when every stage passed (the previous
output briefly becomes `<out>.old`) and keeps a failed run in `<out>.failed`. Each of these is
replaced only when it is missing, empty, or holds a previous run's marker file (`RUN_MARKER`,
written first into every staging folder). `<out>.lock` holds the running run's process id.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import psutil

from helpers.core.paths import PROJECT_ROOT, STAGING_SUFFIX

#: The file that marks a folder as written by this runner (so it may be replaced).
RUN_MARKER = ".news-analysis-run"
FAILED_SUFFIX = ".failed"
OLD_SUFFIX = ".old"
LOCK_SUFFIX = ".lock"
#: Folders of the checkout that outputs may be written into: their names start with this.
OUTPUTS_PREFIX = "outputs"


class UsageError(ValueError):
    """A run refused before any work (exit code 2); the message is one line saying why."""


def sibling(out: Path, suffix: str) -> Path:
    return out.with_name(out.name + suffix)


def is_run_folder(folder: Path) -> bool:
    """A folder this runner wrote: it has the marker (or, from before the marker, a run log and
    an index page)."""
    return (folder / RUN_MARKER).is_file() or (
        (folder / "logs" / "run.json").is_file() and (folder / "index.html").is_file()
    )


def replaceable(folder: Path) -> bool:
    """May the runner delete `folder`? Only when it is missing, an empty folder, or a run folder
    (never a file or a link)."""
    if not os.path.lexists(folder):
        return True
    if folder.is_symlink() or not folder.is_dir():
        return False
    return not any(folder.iterdir()) or is_run_folder(folder)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _is_checkout(root: Path) -> bool:
    return (root / "pyproject.toml").is_file() and (root / "notebooks").is_dir()


def check_paths(
    input_dir: Path, out: Path, *, reads_input: bool = True, project_root: Path = PROJECT_ROOT
) -> None:
    """Refuse (UsageError) an output folder that could hold anything but a previous run's output:
    the input folder, a folder containing it or inside it, the project root or a folder of the
    checkout other than `outputs*`, a non-empty folder without the run marker, or a file; and
    staging, failed and old siblings that are not the runner's own. Paths are absolute; the input
    folder must exist when the run `reads_input`."""
    if reads_input and not input_dir.is_dir():
        raise UsageError(f"the input folder {input_dir} does not exist or is not a folder")
    if _inside(input_dir, out):
        raise UsageError(
            f"the output folder {out} contains the input folder {input_dir}: "
            "a run replaces its output folder, so the input would be lost"
        )
    if _inside(out, input_dir):
        raise UsageError(
            f"the output folder {out} is inside the input folder {input_dir}: "
            "choose an output folder outside it"
        )
    if _is_checkout(project_root) and _inside(out, project_root):
        relative = out.relative_to(project_root)
        if not relative.parts or not relative.parts[0].startswith(OUTPUTS_PREFIX):
            raise UsageError(
                f"the output folder {out} is part of the project checkout: inside the "
                f"project, write into a folder named {OUTPUTS_PREFIX}* (default: outputs)"
            )
    if not replaceable(out):
        what = (
            "a file or a link"
            if os.path.lexists(out) and not out.is_dir()
            else "a folder that is not empty and holds no earlier run of this pipeline"
        )
        raise UsageError(
            f"the output folder {out} is {what}; it would be replaced: "
            "give a new or empty folder, or the folder of an earlier run"
        )
    for suffix in (STAGING_SUFFIX, FAILED_SUFFIX, OLD_SUFFIX):
        other = sibling(out, suffix)
        if not replaceable(other):
            raise UsageError(
                f"{other} exists and was not written by this pipeline; the run would "
                "replace it: move it away or choose another output folder"
            )


def write_marker(folder: Path) -> None:
    (folder / RUN_MARKER).write_text(
        json.dumps(
            {
                "written_by": "python -m helpers.run",
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
            }
        )
        + "\n",
        encoding="utf-8",
    )


@contextmanager
def run_lock(out: Path):
    """Hold `<out>.lock` for the run: a second run into the same folder is refused while the
    holder lives; a lock left by a process that is gone is taken over."""
    lock = sibling(out, LOCK_SUFFIX)
    me = {"pid": os.getpid(), "started": psutil.Process().create_time()}
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            holder = _holder(lock)
            if holder is not None:
                who = f"process {holder}" if holder > 0 else "a process starting now"
                raise UsageError(
                    f"another run ({who}) is writing {out}; wait for it to finish (its lock is {lock})"
                ) from None
            lock.unlink(missing_ok=True)  # stale: its process is gone
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(me, f)
        break
    else:
        raise UsageError(f"could not take the lock {lock}")
    try:
        yield lock
    finally:
        lock.unlink(missing_ok=True)


def _holder(lock: Path) -> int | None:
    """The process id in `lock` when that process still runs (same start time), else None."""
    try:
        info = json.loads(lock.read_text(encoding="utf-8"))
        process = psutil.Process(int(info["pid"]))
        if abs(process.create_time() - float(info["started"])) < 1:
            return process.pid
    except (ValueError, KeyError, TypeError):  # unreadable: being written, or garbage
        if _age(lock) < 5:
            return -1
    except (OSError, psutil.Error):
        pass
    return None


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return float("inf")
