"""Bounded reading of files and streams: never more than ``max_bytes + 1`` bytes in memory.

``read_bytes`` checks the size on disk first (so a 50 MB file is refused without reading
it) and then reads at most one byte past the limit, which also catches files that grow or
report no size (pipes, ``/dev/stdin``).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from .errors import SourceError, too_large


def read_stream(stream: BinaryIO, source: str, max_bytes: int) -> bytes | SourceError:
    """Read a whole binary stream, refusing it once it passes ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return too_large(source, None, max_bytes)
    return data


def read_bytes(path: Path, source: str, max_bytes: int) -> bytes | SourceError:
    """Read a file's bytes, or a ``SourceError`` if it is missing, unreadable or too large."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return too_large(source, size, max_bytes)
        with path.open("rb") as handle:
            return read_stream(handle, source, max_bytes)
    except FileNotFoundError:
        return SourceError(source, "no such file or directory")
    except IsADirectoryError:
        return SourceError(source, "is a directory")
    except PermissionError:
        return SourceError(source, "permission denied")
    except OSError as exc:
        return SourceError(source, f"cannot read: {exc.strerror or exc}")


def read_head(path: Path, n_bytes: int = 2048) -> bytes:
    """The first bytes of a file, for sniffing its format (empty if it cannot be read)."""
    try:
        with path.open("rb") as handle:
            return handle.read(n_bytes)
    except OSError:
        return b""
