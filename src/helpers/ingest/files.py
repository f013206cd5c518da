"""The entries of an input folder (links followed only inside it, everything else listed with
why it is skipped) and the document ids made from their names."""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from helpers.ingest.manifest import MANIFEST_NAME


@dataclass
class InputEntry:
    """An entry of the input folder: its path, its name relative to the folder, and why it is not
    read (None when it is read)."""

    path: Path
    rel: str
    skip: str | None = None


def list_input_files(input_dir: Path) -> list[InputEntry]:
    """Every entry under `input_dir` (the manifest excepted), sorted by name, links not followed
    out of it: regular files are read; a link is read when it resolves to a regular file inside
    the folder; hidden names (starting with '.'), links elsewhere, broken links, link loops, links
    to folders, sockets, FIFOs and devices are listed with the reason they are skipped."""
    root = input_dir.resolve()
    entries: list[InputEntry] = []

    def walk(folder: Path) -> None:
        with os.scandir(folder) as listing:
            for item in listing:
                path = Path(item.path)
                rel = path.relative_to(input_dir).as_posix()
                if rel == MANIFEST_NAME:
                    continue
                if item.name.startswith("."):
                    kind = "folder" if item.is_dir(follow_symlinks=False) else "file"
                    why = f"hidden {kind} (its name starts with '.'): not read"
                    entries.append(InputEntry(path, rel, why))
                elif item.is_symlink():
                    entries.append(InputEntry(path, rel, _link_problem(path, root)))
                elif item.is_dir(follow_symlinks=False):
                    walk(path)
                elif item.is_file(follow_symlinks=False):
                    entries.append(InputEntry(path, rel))
                else:
                    entries.append(InputEntry(path, rel, f"{_special_kind(path)}, not a file: not read"))

    walk(input_dir)
    return sorted(entries, key=lambda e: display_name(e.rel))


def _link_problem(link: Path, root: Path) -> str | None:
    """Why a symbolic link is not read (None: it names a regular file inside the input folder)."""
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        return "broken link (its target does not exist): not read"
    except (RuntimeError, OSError) as exc:  # a loop of links
        return f"link that cannot be resolved ({getattr(exc, 'strerror', None) or exc}): not read"
    if root not in target.parents:
        return "link to a path outside the input folder: not read"
    if target.is_dir():
        return "link to a folder (links to folders are not followed): not read"
    if not target.is_file():
        return f"link to a {_special_kind(target)}: not read"
    return None


def _special_kind(path: Path) -> str:
    mode = path.lstat().st_mode
    for test, name in (
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISFIFO, "FIFO (named pipe)"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    ):
        if test(mode):
            return name
    return "special file"


def display_name(rel: str) -> str:
    """A relative path as valid text: bytes of a name that are not UTF-8 become U+FFFD."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


#: Characters removed from ids: controls and invisible format characters (bidi overrides and
#: isolates, zero-width joiners, byte-order marks), which would scramble or hide an id.
_INVISIBLE = frozenset(("Cc", "Cf", "Co", "Cs", "Zl", "Zp"))


def clean_id(doc_id: str) -> str:
    """`doc_id` without control and invisible format characters (never empty)."""
    cleaned = "".join(c for c in doc_id if unicodedata.category(c) not in _INVISIBLE).strip()
    return cleaned or "document"


def default_id(rel: str) -> str:
    """The file name without its extension (sub-folders kept, joined by '__')."""
    stem = rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel
    return stem.replace("/", "__")


def unique_id(doc_id: str, used: set[str]) -> str:
    candidate, n = doc_id, 2
    while candidate in used:
        candidate, n = f"{doc_id}__{n}", n + 1
    used.add(candidate)
    return candidate
