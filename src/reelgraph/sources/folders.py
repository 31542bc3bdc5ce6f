"""Walking a folder of sources: recursive, in sorted order, hidden files and folders skipped.

The order is by path within each folder (files, then sub-folders, both sorted), so the
same folder always yields its articles in the same order.  Symbolic links to folders are
not followed, which also keeps a walk from looping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .errors import SourceError


def is_hidden(name: str) -> bool:
    """Dot-files, editor back-ups and OS droppings."""
    return name.startswith((".", "~$")) or name.endswith("~") or name in {"Thumbs.db", "desktop.ini"}


def walk_files(folder: Path) -> Iterator[Path | SourceError]:
    """Every visible file under ``folder``, depth first, sorted; an unreadable folder is an error."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield SourceError(os.fspath(folder), f"cannot list folder: {exc.strerror or exc}")
        return
    subfolders: list[Path] = []
    for entry in entries:
        if is_hidden(entry.name):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(Path(entry.path))
            elif entry.is_file():
                yield Path(entry.path)
        except OSError:
            continue
    for sub in subfolders:
        yield from walk_files(sub)
